"""A11Y: what a reader who cannot see the page needs from the content.

A screen reader reads a figure's description instead of the image, lists the headings
to move through the leaflet, announces a table cell with its column's heading, and
offers the links out of context. These rules make sure the content gives it each of
those, in every language built: WCAG 2.1 AA, which the HHS Section 504 rule asks of US
health providers' documents and EN 301 549 of EU public hospitals (issue #17). The
tagged PDF carries what is written here; it cannot invent what is missing.

Rules that read text run on every locale (a translation can empty a table heading or
turn a link into "คลิกที่นี่"); the heading outline is the source's in every language.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from contextlib import suppress
from functools import cache
from urllib.parse import urlsplit

from ..content.inline import InlineError, Link, citation_keys, links, mailto_address, tel_link
from ..content.model import SECTION_LEVEL, TITLE_LEVEL, Figure, Heading, Table, Text, texts
from ..content.text_policy import visible
from ..content.yaml_source import load_data
from ..data import data_path
from ..errors import Location
from ..i18n.catalog import catalog_path
from ..languages import lists_language, profile
from .registry import CheckContext, Issue, check
from .text import in_language, one_spelling, plain, reader_texts, says_nothing, typed_spellings

GENERIC_LINK_TEXT = "link-text.yaml"  # in data/: one list per language
WEB_SCHEMES = ("http://", "https://")


def _prefix(ctx: CheckContext) -> str:
    return f"[{ctx.locale}] " if ctx.is_translation else ""


def _block_at(ctx: CheckContext, line: int) -> Location:
    return Location(ctx.source.path, line)


def _fix_in(ctx: CheckContext, text: Text, source_fix: str, words: str = "") -> str:
    """Where to fix ``text``: its catalog entry in a translation (where ``words`` are
    typed in its msgstr, when given), else the leaflet."""
    entry = ctx.msgstr_of(text, words)
    return f"fix {entry}" if entry else source_fix


@check(
    "A11Y001",
    "error",
    "A figure without alt text is silent to a reader who cannot see it; "
    "one that only decorates must say so.",
    scope="locale",
)
def figure_without_alt(ctx: CheckContext) -> Iterator[Issue]:
    for block in ctx.leaflet.blocks:
        if not isinstance(block, Figure) or block.decorative:
            continue
        said = plain(block.alt.value).text.strip() if block.alt else ""
        if says_nothing(block.alt.value if block.alt else ""):
            yield Issue(
                _block_at(ctx, block.line),
                f"{_prefix(ctx)}figure {block.path.name} has no alt text",
                "add 'alt:' saying what the image shows, or 'decorative: true' if it only "
                "decorates the page",
            )
        elif said.casefold() in (block.path.name.casefold(), block.path.stem.casefold()):
            yield Issue(
                _block_at(ctx, block.line),
                f"{_prefix(ctx)}the alt text of figure {block.path.name} is its file name",
                "say what the image shows, as you would to someone on the phone",
            )


@check(
    "A11Y002",
    "warning",
    "An untranslated image description is read to the patient in the source language.",
    scope="locale",
)
def alt_untranslated(ctx: CheckContext) -> Iterator[Issue]:
    if not ctx.is_translation:
        return
    source = {text.context: text.value for text in texts(ctx.source)}
    for block in ctx.leaflet.blocks:
        if (
            isinstance(block, Figure)
            and block.alt
            and not in_language(block.alt, ctx.locale, source)
        ):
            language = profile(ctx.source.language).name
            yield Issue(
                _block_at(ctx, block.line),
                f"[{ctx.locale}] the alt text of figure {block.path.name} is not translated: "
                f"the build falls back to the {language} description",
                f"translate msgctxt '{block.alt.context}' in "
                f"{Location(catalog_path(ctx.project, ctx.locale, ctx.source.id))}",
            )


def _described_figures(ctx: CheckContext) -> Iterator[tuple[Figure, Text]]:
    """Each figure of the leaflet that has an alt text, with it."""
    for block in ctx.leaflet.blocks:
        if isinstance(block, Figure) and not block.decorative and block.alt is not None:
            yield block, block.alt


@check(
    "A11Y009",
    "warning",
    "An alt text is read as plain words: a link in it cannot be followed and a "
    "citation is not read, so both are left out of it.",
    scope="locale",
)
def alt_with_link_or_citation(ctx: CheckContext) -> Iterator[Issue]:
    for block, alt in _described_figures(ctx):
        if says_nothing(alt.value):  # A11Y001 says what matters more
            continue
        try:
            lost = ["the link's address"] if links(alt.value) else []
            lost += ["the citation"] if citation_keys(alt.value) else []
        except InlineError:  # the loader reports broken markup
            continue
        if lost:
            yield Issue(
                _block_at(ctx, block.line),
                f"{_prefix(ctx)}the alt text of figure {block.path.name} holds "
                f"{' and '.join(lost)}, which a screen reader never hears",
                _fix_in(
                    ctx,
                    alt,
                    "say in the alt text what the image shows; put the link or the "
                    "citation in the caption or the text beside it",
                ),
                entry=ctx.entry_of(alt),
            )


#: Longer alt texts are read in one go with no way to pause or skip (A11Y010). Guides
#: for screen-reader users ask for a sentence or two; 300 characters is three of them.
ALT_TEXT_CHARACTERS = 300


@check(
    "A11Y010",
    "warning",
    "A screen reader reads an alt text in one go: a long one cannot be paused or skipped in part.",
    scope="locale",
)
def alt_too_long(ctx: CheckContext) -> Iterator[Issue]:
    for block, alt in _described_figures(ctx):
        length = len(plain(alt.value).text.strip())
        if length > ALT_TEXT_CHARACTERS:
            yield Issue(
                _block_at(ctx, block.line),
                f"{_prefix(ctx)}the alt text of figure {block.path.name} is {length} "
                f"characters long (more than {ALT_TEXT_CHARACTERS})",
                _fix_in(
                    ctx,
                    alt,
                    "say briefly what the image shows; put the details in its caption or "
                    "the text, where a reader can move through them",
                ),
                entry=ctx.entry_of(alt),
            )


@check(
    "A11Y003",
    "error",
    "Screen-reader users move by heading level; a skipped level hides where a part belongs.",
)
def heading_level_skipped(ctx: CheckContext) -> Iterator[Issue]:
    above = TITLE_LEVEL
    for block in ctx.leaflet.blocks:
        if not isinstance(block, Heading):
            continue
        if block.level > above + 1:
            name = plain(block.text.value).text
            after = "the title" if above == TITLE_LEVEL else f"a level-{above} heading"
            yield Issue(
                _block_at(ctx, block.line),
                f"heading “{name}” is level {block.level} right after {after} "
                f"(level {above}): level {above + 1} is skipped",
                f"make it 'level: {above + 1}'"
                + (" (a section)" if above + 1 == SECTION_LEVEL else "")
                + f", or put it under a level-{above + 1} heading",
            )
        above = block.level


@check(
    "A11Y012",
    "warning",
    "A heading with nothing under it heads no part: a screen reader moves to it and finds "
    "the next heading, and the page prints a title over nothing.",
)
def heading_over_nothing(ctx: CheckContext) -> Iterator[Issue]:
    blocks = ctx.leaflet.blocks
    for block, after in zip(blocks, [*blocks[1:], None], strict=True):
        if not isinstance(block, Heading):
            continue
        if isinstance(after, Heading) and after.level > block.level:
            continue  # its parts follow
        if after is not None and not isinstance(after, Heading):
            continue
        name = plain(block.text.value).text
        next_one = (
            "the leaflet ends" if after is None else f"“{plain(after.text.value).text}” follows"
        )
        yield Issue(
            _block_at(ctx, block.line),
            f"heading “{name}” has nothing under it: {next_one}",
            "write the text of its section under it, or remove the heading",
        )


@check(
    "A11Y008",
    "error",
    "A screen reader lists the headings to move through the leaflet, and each is a "
    "bookmark: a heading with no words names no part.",
    scope="locale",
)
def heading_without_words(ctx: CheckContext) -> Iterator[Issue]:
    title = ctx.leaflet.title
    if says_nothing(title.value):  # the build refuses it too (`refuse_silent_text`)
        yield Issue(
            _block_at(ctx, title.line),
            f"{_prefix(ctx)}the title has no words: a screen reader, the bookmarks and "
            "the document's title name nothing",
            _fix_in(ctx, title, "say in words what the leaflet is about"),
            entry=ctx.entry_of(title),
        )
    for block in ctx.leaflet.blocks:
        if isinstance(block, Heading) and says_nothing(block.text.value):
            yield Issue(
                _block_at(ctx, block.line),
                f"{_prefix(ctx)}a heading has no words: a screen reader's list of headings "
                "and the bookmarks name nothing",
                _fix_in(
                    ctx,
                    block.text,
                    "say in words what the part is about; a citation belongs in its text",
                ),
                entry=ctx.entry_of(block.text),
            )


@check(
    "A11Y004",
    "error",
    "A screen reader announces each table cell with its column's heading; "
    "an empty heading names nothing.",
    scope="locale",
)
def table_without_header(ctx: CheckContext) -> Iterator[Issue]:
    for block in ctx.leaflet.blocks:
        if not isinstance(block, Table):
            continue
        empty = [n for n, cell in enumerate(block.header, 1) if not plain(cell.value).text.strip()]
        if not empty:
            continue
        if len(empty) == len(block.header):
            message = "table has no header row: every column heading is empty"
        else:
            message = "table column " + ", ".join(map(str, empty)) + " has no heading"
        yield Issue(
            _block_at(ctx, block.line),
            _prefix(ctx) + message,
            _fix_in(
                ctx,
                block.header[empty[0] - 1],
                "write under 'header:' what each column holds, in words",
            ),
            entry=ctx.entry_of(block.header[empty[0] - 1]),
        )


def _links(ctx: CheckContext) -> Iterator[tuple[Text, Link]]:
    """Each link of the reader's texts in this locale; in a translation, only texts that
    are translated (a fallback's links were judged with the source)."""
    source = {text.context: text.value for text in texts(ctx.source)}
    for text in reader_texts(ctx.leaflet):
        if ctx.is_translation and not in_language(text, ctx.locale, source):
            continue
        try:
            found = links(text.value)
        except InlineError:  # the loader or `i18n check` reports broken markup
            continue
        for link in found:
            yield text, link


def _link_at(ctx: CheckContext, text: Text, link: Link) -> Location:
    """The link's target in the leaflet (every translation keeps it: I18N004)."""
    if ctx.is_translation:
        return Location(ctx.source.path, text.line)
    return ctx.sources.locate(text.line, link.url)


@check(
    "A11Y005",
    "error",
    "A link with no text prints nothing to press and gives a screen reader nothing to say.",
    scope="locale",
)
def empty_link_text(ctx: CheckContext) -> Iterator[Issue]:
    for text, link in _links(ctx):
        if not _words(link.text):
            yield Issue(
                _link_at(ctx, text, link),
                f"{_prefix(ctx)}the link to {link.url} has no text",
                _fix_in(
                    ctx,
                    text,
                    "write inside [ ] where the link goes: [the trial registry](…)",
                    link.url,
                ),
                entry=ctx.entry_of(text, link.url),
            )


@check(
    "A11Y006",
    "warning",
    "Screen readers list links out of context: 'click here' does not say where a link goes.",
    scope="locale",
)
def generic_link_text(ctx: CheckContext) -> Iterator[Issue]:
    languages = dict.fromkeys(profile(tag).tag for tag in (ctx.locale, ctx.source.language))
    for text, link in _links(ctx):
        if _words(link.text) and any(
            _key(link.text, lang) in _generic_phrases(lang) for lang in languages
        ):
            yield Issue(
                _link_at(ctx, text, link),
                f"{_prefix(ctx)}link text “{_words(link.text)}” does not say where the link goes",
                _fix_in(
                    ctx,
                    text,
                    "name the place: [the trial registry](…), not [click here](…)",
                    link.text,
                ),
                entry=ctx.entry_of(text, link.text),
            )


@check(
    "A11Y007",
    "info",
    "A bare web address is read letter by letter; a few words saying where it leads read better.",
    scope="locale",
)
def bare_url_link_text(ctx: CheckContext) -> Iterator[Issue]:
    for text, link in _links(ctx):
        if (
            link.url.lower().startswith(WEB_SCHEMES)
            and _is_address(_words(link.text), link.url)
            and not _other_address(link.text, link.url)  # A11Y011: not the address itself
        ):
            yield Issue(
                _link_at(ctx, text, link),
                f"{_prefix(ctx)}link text {_words(link.text)} is the web address itself",
                _fix_in(
                    ctx,
                    text,
                    "allowed; a few words read better: [the trial registry](…)",
                    link.text,
                ),
                entry=ctx.entry_of(text, link.text),
            )


@check(
    "A11Y011",
    "error",
    "Link text that reads as an address, an e-mail or a phone number is what reviewer and "
    "patient trust; a link to another is seen only when clicked.",
    scope="locale",
)
def link_to_another_address(ctx: CheckContext) -> Iterator[Issue]:
    for text, link in _links(ctx):
        opens = _other_address(link.text, link.url)
        if opens:
            yield Issue(
                _link_at(ctx, text, link),
                f"{_prefix(ctx)}link text “{_words(link.text)}” reads as another address "
                f"than the link opens: {opens}",
                _fix_in(
                    ctx,
                    text,
                    "make the text and the target the same address, or write words that "
                    "say where the link goes: [the clinic's consent form](…)",
                    link.text,
                ),
                entry=ctx.entry_of(text, link.text),
            )


#: A web host in a word of link text, with or without its scheme: dotted ASCII names
#: ending in a top-level domain (`_looks_like_host` tells "ClinicalTrials.gov" from
#: "Dr.Smith"; "e.g." and "2.1" have none).
_HOST_WORD = re.compile(
    r"(?<![a-z0-9.+-])(?:[a-z][a-z0-9+.-]*://)?"
    r"(?P<host>(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:[a-z]{2,24}|xn--[a-z0-9-]+))"
    r"(?=[/:?#]|$)",
    re.IGNORECASE,
)
#: From the start of a run only, as `i18n.written_script._KEPT` (why: there).
_EMAIL_WORD = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_MIN_PHONE_DIGITS = 6  # fewer is a count or a room, not a number to dial


def _other_address(label: str, url: str) -> str:
    """The address ``url`` opens when ``label`` reads as another one, else "". A web
    link's label is compared by host (``www.`` aside, case and IDNA folded), an e-mail
    link's by address, a phone link's by its digits (of any script; a national 0 or a
    country code before the same number is the same number)."""
    words = [w.strip("()[]<>\"'“”‘’.,;:!?") for w in _words(label).split()]
    lowered = url.lower()
    if lowered.startswith(WEB_SCHEMES):
        target = _host(urlsplit(url).hostname or "")
        for word in words:
            match = _HOST_WORD.search(word)  # in Thai, glued to the words before it
            if not match or not _looks_like_host(word, match.group("host")):
                continue
            if _host(match.group("host")) != target:
                return urlsplit(url).hostname or url
        return ""
    if lowered.startswith("mailto:"):
        address = mailto_address(url)
        for word in words:
            if _EMAIL_WORD.fullmatch(word) and word.casefold() != address.casefold():
                return address
        return ""
    if lowered.startswith("tel:"):
        dialled = _digits(url[len("tel:") :])
        read = _digits(tel_link(_words(label)))
        if len(read) >= _MIN_PHONE_DIGITS and not _same_number(read, dialled):
            return url[len("tel:") :]
    return ""


def _looks_like_host(word: str, host: str) -> bool:
    """Whether ``word`` names ``host`` as an address rather than a name with a dot in it:
    it has a scheme or ``www.``, or its top-level domain is written in lower case."""
    if "://" in word or host.lower().startswith("www."):
        return True
    return host.rsplit(".", 1)[1].islower()


def _host(host: str) -> str:
    """``host`` as compared: lower case, in its ASCII (IDNA) form, ``www.`` aside."""
    host = host.lower().rstrip(".")
    with suppress(UnicodeError):  # not a name IDNA encodes: compared as written
        host = host.encode("idna").decode("ascii")
    return host.removeprefix("www.")


def _digits(text: str) -> str:
    return "".join(str(unicodedata.digit(c)) for c in text if c.isdigit())


def _same_number(read: str, dialled: str) -> bool:
    """A number as written ("02 123 4567") and as dialled ("+66 2 123 4567"): the same
    once a national trunk 0 is left off and the country code before it is allowed."""
    read, dialled = read.lstrip("0"), dialled.lstrip("0")
    return dialled.endswith(read) or read.endswith(dialled)


def _words(label: str) -> str:
    """A link label as a reader hears it: no invisible characters, spaces collapsed."""
    return " ".join(visible(label).split())


def _key(label: str, lang: str) -> str:
    """``label`` for comparison with ``lang``'s generic phrases: in the language's one
    spelling (`one_spelling`: Arabic انقُر is انقر), case folded, no spaces (Thai
    "คลิก ที่นี่" is "คลิกที่นี่"), no punctuation or sign at either end ("Click here.",
    "Read more →", "👉 here": a button's decoration says no more of where it goes)."""
    folded = "".join(one_spelling(_words(label), lang)[0].casefold().split())
    start, end = 0, len(folded)
    while start < end and unicodedata.category(folded[start])[0] in "PS":
        start += 1
    while end > start and unicodedata.category(folded[end - 1])[0] in "PS":
        end -= 1
    return folded[start:end]


@cache
def _generic_table() -> dict[str, tuple[str, ...]]:
    data = load_data(data_path(GENERIC_LINK_TEXT).read_text("utf-8"))
    return {str(tag): tuple(map(str, data[tag])) for tag in data}


@cache
def _generic_phrases(tag: str) -> frozenset[str]:
    """The generic phrases of the language with profile tag ``tag``, as `_key` reads them,
    and as they are typed without the language's keyboard (`typed_spellings`: Vietnamese
    "bam vao day" and Telex "baams vaof ddaay" are bấm vào đây)."""
    # A Traditional Chinese text (zh_Hant) is read by the Simplified list, its letters
    # folded by `_key` as its claims are: 點擊這裡 is 点击这里.
    table = _generic_table()
    phrases = table.get(tag) or table.get(lists_language(tag), ())
    typed = (spelling for phrase in phrases for spelling in typed_spellings(phrase, tag))
    return frozenset(_key(phrase, tag) for phrase in (*phrases, *typed))


_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def _is_address(label: str, url: str) -> bool:
    """Whether ``label`` is a web address rather than words: it starts with a scheme or
    ``www.``, or repeats the target as written. "ClinicalTrials.gov", capitalised as a
    name, is a name; "clinicaltrials.gov" for https://clinicaltrials.gov is the address."""
    if not label or " " in label:
        return False
    if _SCHEME.match(label) or label.lower().startswith("www."):
        return True
    return label.rstrip("/") == _SCHEME.sub("", url).rstrip("/")
