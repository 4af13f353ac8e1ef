"""TEXT001: what a reviewer cannot see inside a word.

The text policy (`content.text_policy`) refuses what no leaflet needs and lets the
other checks judge the text as it is seen. What stays is allowed because some script
needs it (a zero-width space in Thai, a joiner in Arabic) — but inside a Latin,
Cyrillic or Greek word it has no use except to hide a word from search, review and
the checks' wording, so the reviewer is shown it here. Words that mix Latin letters
with look-alikes from another script ("сure" with a Cyrillic с) are shown too.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from contextlib import suppress
from urllib.parse import urlsplit

from ..content.inline import InlineError, links, mailto_address, web_link
from ..content.model import texts
from ..content.text_policy import hidden_in_words, visible
from ..errors import Location
from .claims import page_word_texts, profile_map, profile_texts
from .registry import CheckContext, Issue, check, msgstr_entry
from .source import po_locate
from .text import reader_texts


@check(
    "TEXT001",
    "warning",
    "An invisible character or a look-alike letter inside a word hides it from search "
    "and review; the reviewer must see what the patient gets.",
    scope="locale",
)
def hidden_in_word(ctx: CheckContext) -> Iterator[Issue]:
    prefix = f"[{ctx.locale}] " if ctx.is_translation else ""
    if not ctx.is_translation:  # the same in every language's PDF
        yield from _in_profile(ctx)
        yield from _punycode_links(ctx)  # a translation keeps every link (I18N004)
    for text in page_word_texts(ctx):  # ui.po: one finding for the language
        assert text.origin is not None
        for offset, description in hidden_in_words(text.value):
            typed = _word_at(text.value, offset, description)
            yield Issue(
                text.origin,
                f"[{ctx.locale}] {_named(description, typed)}, in a word the page prints "
                f"itself ('{text.context}')",
                f"retype the word, or delete the character you cannot see, in "
                f"{msgstr_entry(text, typed)}",
                entry=po_locate(text.origin, typed),
            )
    for text in texts(ctx.leaflet):
        for offset, description in hidden_in_words(text.value):
            typed = _word_at(text.value, offset, description)
            entry = ctx.msgstr_of(text, typed)
            # In the leaflet, at the word: the reviewer cannot see what to look for.
            where = "" if ctx.is_translation else typed
            yield Issue(
                ctx.sources.locate(text.line, where),
                f"{prefix}{_named(description, typed)}",
                "retype the word, or delete the character you cannot see"
                + (f", in {entry}" if entry else ""),
                entry=ctx.entry_of(text, typed),
            )


def _word_at(value: str, offset: int, description: str) -> str:
    """The word of ``value`` a finding of `hidden_in_words` is in, as typed. An invisible
    character's offset is in ``value``: its word runs over letters, digits, marks and
    what a reader cannot see. A look-alike word is the one the description quotes."""
    if not description.startswith("invisible"):
        quoted = re.match(r"“([^”]*)”", description)
        return quoted.group(1) if quoted else ""
    start = end = offset
    while start > 0 and _in_word(value[start - 1]):
        start -= 1
    while end < len(value) and _in_word(value[end]):
        end += 1
    return value[start:end]


def _in_word(char: str) -> bool:
    return char.isalnum() or unicodedata.category(char)[0] == "M" or not visible(char)


def _in_profile(ctx: CheckContext) -> Iterator[Issue]:
    """TEXT001 in the organisation's printed fields (the band on every page, the name
    every PDF's Author): a look-alike letter in the clinic's name printed from another
    font, and no search found it. A profile finding is one for the project
    (`run_checks` keeps one of each). The keywords are the leaflet's texts, read with
    the others in each language."""
    hint = "retype the word, or delete the character you cannot see"
    path = ctx.leaflet.organisation.path
    lines = profile_map(path)
    for text in profile_texts(ctx):
        for offset, description in hidden_in_words(text.value):
            typed = _word_at(text.value, offset, description)
            yield Issue(
                lines.locate(text.line, typed) if lines else Location(path),
                f"{_named(description, typed)}, in the organisation's {text.context}, "
                "printed on every leaflet",
                hint,
            )
    web = ctx.leaflet.organisation.web
    shown = _shown_host(web)
    if shown:
        line = lines.key("web").line if lines else 0
        yield Issue(
            lines.locate(line, web) if lines else Location(path),
            f"the organisation's web address {_host(web)}, printed on every leaflet, is "
            f"shown by a browser as {shown}",
            _PUNYCODE_HINT,
        )


_PUNYCODE_HINT = (
    "make sure it is the site you mean (a name in look-alike letters imitates another "
    "one); write the address as a reader sees it, or one in plain letters"
)


def _punycode_links(ctx: CheckContext) -> Iterator[Issue]:
    """A link to a host written in punycode (``xn--``): the reviewer reads a code, the
    patient's browser shows the name it stands for, maybe a look-alike of the clinic's.
    The leaflet's own address (`url:`) too, printed with a QR code no reviewer reads."""
    shown = _shown_host(ctx.leaflet.url)
    if shown:
        yield Issue(
            ctx.sources.locate(ctx.sources.key("url").line, ctx.leaflet.url),
            f"the leaflet's web address {_host(ctx.leaflet.url)}, printed with a QR code, "
            f"is shown by a browser as {shown}",
            _PUNYCODE_HINT,
        )
    for reference in ctx.leaflet.references:  # printed in the list a reader follows
        shown = _shown_host(reference.url)
        if shown:
            yield Issue(
                ctx.sources.locate(reference.line, reference.url),
                f"the address of reference '{reference.key}' opens {_host(reference.url)}, "
                f"which a browser shows as {shown}",
                _PUNYCODE_HINT,
            )
    for text in reader_texts(ctx.leaflet):
        try:
            found = links(text.value)
        except InlineError:  # the loader reports broken markup
            continue
        for link in found:
            shown = _shown_host(link.url)
            if shown:
                yield Issue(
                    ctx.sources.locate(text.line, link.url),
                    f"the link “{' '.join(visible(link.text).split())}” opens "
                    f"{_host(link.url)}, which a browser shows as {shown}",
                    _PUNYCODE_HINT,
                )


def _host(url: str) -> str:
    """The host ``url`` opens or writes to: an e-mail address's domain, or a web
    address's host (the organisation's may be written without https://)."""
    if url.lower().startswith("mailto:"):
        address = mailto_address(url)
        return address.rsplit("@", 1)[1].lower() if "@" in address else ""
    with suppress(ValueError):
        return urlsplit(web_link(url)).hostname or ""
    return ""


def _shown_host(url: str) -> str:
    """The host of ``url`` as a browser shows it, quoted, with what is wrong with its
    words (look-alike letters), when one of its labels is punycode (``xn--``); else ""."""
    host = _host(url)
    labels = host.split(".")
    if not any(label.startswith("xn--") for label in labels):
        return ""
    shown = ".".join(_decoded(label) for label in labels)
    lookalikes = "; ".join(description for _, description in hidden_in_words(shown))
    return f"“{shown}”" + (f": {lookalikes}" if lookalikes else "")


def _decoded(label: str) -> str:
    if label.startswith("xn--"):
        with suppress(UnicodeError):
            return label[4:].encode("ascii").decode("punycode")
    return label


def _named(description: str, typed: str) -> str:
    """The description of `hidden_in_words`, naming the word an invisible character is in."""
    if description.startswith("invisible"):
        return f"{description}: “{visible(typed)}”"
    return description
