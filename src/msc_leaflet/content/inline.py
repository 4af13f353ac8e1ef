"""Parse the leaflet's inline markup into styled spans.

This is the only way text becomes styled: the layout builds ReportLab fragments from
these spans directly and never feeds source or translated text to ReportLab's XML
paragraph parser, so ``<img src=...>``, ``<font>`` or ``&entity;`` in a leaflet or a
``.po`` file can only ever print as the characters that were written.

Syntax: ``**bold**``, ``*italic*``, ``[label](url)`` (http, https, mailto, tel),
``[@key]`` / ``[@a; @b]`` citations, and ``\\`` escapes for ``* [ ] \\``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import quote, urlsplit

from .composition import composed
from .text_policy import prints_nothing, visible

WEB_SCHEMES = ("http://", "https://")
LINK_SCHEMES = (*WEB_SCHEMES, "mailto:", "tel:")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_CITE = re.compile(r"\[(@[^\]]*)\]")
_CITE_KEY = re.compile(r"@([A-Za-z0-9][A-Za-z0-9_:.-]*)")


def without_citations(text: str) -> str:
    """``text`` with each citation (``[@key]``) blanked, the same length, so offsets
    hold: its key is no word of the sentence (the page prints a reference number)."""
    return _CITE.sub(lambda m: " " * len(m.group()), text)


_LINK = re.compile(r"\]\(((?:[^()\s]|\([^()\s]*\))+)\)")  # one level of (...) inside URLs
# A run of plain spaces, tabs and line breaks (YAML folds lines, writers double spaces)
# reads as one space, as CSS collapses white space. Every other Unicode space is typed
# for its width or to hold words together, and stays as typed: the no-break ones
# (U+00A0, U+2007 figure, U+202F narrow) keep a number with its unit or its groups on
# one line, a thin space stands before a unit (ISO 80000), a Japanese or Chinese
# writer's ideographic space is an em (docs/scripts.md).
_SPACE = re.compile(r"[^\S\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")


def folded(source: str) -> str:
    """``source`` with its folded white space one plain space, and no space at its ends
    (a paragraph's first line starts at its indent, whatever space was typed before it)."""
    return _SPACE.sub(" ", source).strip()


def as_printed(source: str) -> str:
    """``source`` in the one spelling the page prints it: `composed` (NFC), its blanks
    `folded`. A leaflet's text is its msgid so (`content.loader`), and an older
    catalog's msgid is matched so (`i18n.merge`): an edit no reader sees (an editor's
    NFD, two blanks retyped) must not turn a translation fuzzy."""
    return composed(folded(source))


_SPECIAL = re.compile(r"[\\*\[]")  # what `_Parser.run` looks at: the rest is plain text


@dataclass(frozen=True)
class Span:
    """A run of text with one style. A citation span has keys and no text."""

    text: str
    bold: bool = False
    italic: bool = False
    link: str = ""
    cites: tuple[str, ...] = ()


@dataclass(frozen=True)
class Link:
    """A link as a reader meets it: the label's visible text ("" when the label is
    empty, which prints nothing) and its target."""

    text: str
    url: str
    at: int = field(default=-1, compare=False)  # its "[" in the text as parsed


class InlineError(ValueError):
    """Malformed markup; ``offset`` is the index in the text where it was found."""

    def __init__(self, offset: int, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.offset = offset
        self.message = message
        self.hint = hint


def parse_inline(source: str) -> list[Span]:
    """Spans for ``source``; whitespace runs (from folded YAML) become one space."""
    return list(_parse(source))


#: Parsed texts kept per process. A leaflet has a few hundred texts, each parsed a few
#: times while it is built; those of earlier leaflets are seldom asked for again, so a
#: bound a few leaflets deep keeps a long batch's memory flat (issue #20).
PARSE_CACHE_SIZE = 1024


@lru_cache(maxsize=PARSE_CACHE_SIZE)
def _parse(source: str) -> tuple[Span, ...]:
    # Loading, checking and laying out a leaflet each parse the same texts; spans are
    # frozen, so sharing them between callers is safe (each gets its own list).
    text = folded(source)
    spans: list[Span] = []
    _Parser(text, spans).run(0, len(text), link="")
    return tuple(_merge(spans))


_BRACKET_OR_ESCAPE = re.compile(r"\\[\s\S]?|[\[\]]")


def _bracket_pairs(text: str) -> dict[int, int]:
    """Index of the ``]`` that closes each ``[`` (nesting counted, ``\\x`` skipped).

    One pass over the text. Searching forward from every ``[`` instead made a line of
    20,000 ``[`` take half a minute (quadratic); a leaflet is untrusted input.
    """
    pairs: dict[int, int] = {}
    open_at: list[int] = []
    for match in _BRACKET_OR_ESCAPE.finditer(text):
        if match.group() == "[":
            open_at.append(match.start())
        elif match.group() == "]" and open_at:
            pairs[open_at.pop()] = match.start()
    return pairs


class _Parser:
    def __init__(self, text: str, out: list[Span]) -> None:
        self.text = text
        self.out = out
        self._pairs: dict[int, int] | None = None  # computed at the first possible link
        self.bold = False
        self.italic = False
        self.buffer: list[str] = []
        self.links: list[Link] = []  # every link, in order, as its label was parsed

    def flush(self, link: str) -> None:
        if self.buffer:
            self.out.append(Span("".join(self.buffer), self.bold, self.italic, link))
            self.buffer = []

    def run(self, start: int, end: int, link: str) -> None:
        """Parse ``text[start:end]``; a link label is parsed by a nested call, so its
        emphasis must balance inside it (``*see [the site](…)*`` is fine)."""
        text, i = self.text, start
        bold_on_entry, italic_on_entry = self.bold, self.italic
        bold_at = italic_at = -1
        while i < end:
            # Text up to the next backslash, * or [ is plain: taken in one step, not letter
            # by letter (every scalar of every leaflet passes here).
            special = _SPECIAL.search(text, i, end)
            plain_end = special.start() if special else end
            if plain_end > i:
                self.buffer.append(text[i:plain_end])
                i = plain_end
                continue
            ch = text[i]
            if ch == "\\" and i + 1 < end and text[i + 1] in "*[]\\":
                self.buffer.append(text[i + 1])
                i += 2
            elif text.startswith("**", i):
                self.flush(link)
                self.bold = not self.bold
                bold_at = i
                i += 2
            elif ch == "*":
                self.flush(link)
                self.italic = not self.italic
                italic_at = i
                i += 1
            elif ch == "[" and text.startswith("[@", i):
                i = self.citation(i, link)
            elif ch == "[" and not link and (close := self.link_end(i, end)) is not None:
                label_end, url, after = close
                self.flush(link)
                first = len(self.out)
                self.run(i + 1, label_end, link=url)
                label = "".join(s.text for s in self.out[first:])
                self.links.append(Link(label, url, i))
                i = after
            else:
                self.buffer.append(ch)
                i += 1
        self.flush(link)
        if link and (self.bold != bold_on_entry or self.italic != italic_on_entry):
            mark, at = ("**", bold_at) if self.bold != bold_on_entry else ("*", italic_at)
            raise InlineError(
                at,
                f"'{mark}' crosses the edge of a link text",
                f"open and close {mark} inside the [link text], or around the whole link",
            )
        if link:
            return  # emphasis opened before the link is closed (or not) by the caller
        if self.bold:
            raise InlineError(
                bold_at, "'**' (bold) is opened but never closed", "add the closing **"
            )
        if self.italic:
            raise InlineError(
                italic_at,
                "'*' (italic) is opened but never closed",
                "add the closing *, or write \\*",
            )

    def citation(self, i: int, link: str) -> int:
        match = _CITE.match(self.text, i)
        if not match:
            raise InlineError(i, "citation '[@' is not closed with ']'", "write [@key] or [@a; @b]")
        parts = [part.strip() for part in match.group(1).split(";")]
        keys: list[str] = []
        for part in parts:
            key = _CITE_KEY.fullmatch(part)
            if not key:
                raise InlineError(
                    i, f"malformed citation '{match.group(0)}'", "write [@key] or [@a; @b]"
                )
            keys.append(key.group(1))
        self.flush(link)
        self.out.append(Span("", self.bold, self.italic, link, tuple(keys)))
        return match.end()

    def link_end(self, i: int, end: int) -> tuple[int, str, int] | None:
        """For ``[label](url)`` at ``i``: (label end, url, index after); None if not a link."""
        if self._pairs is None:
            self._pairs = _bracket_pairs(self.text)
        j = self._pairs.get(i, end)
        if j >= end:
            return None
        match = _LINK.match(self.text, j)
        if not match or match.end() > end:
            _refuse_broken_link(self.text, j, end)
            return None
        url = match.group(1)
        refusal = link_refusal(url)
        if refusal:
            raise InlineError(j + 2, f"link target {url!r} is not allowed", refusal)
        return j, url, match.end()


# What a writer meant as a link even where `_LINK` finds none: "](" and an address.
_MEANT_LINK = re.compile(r"\]\(\s*((?:https?://|mailto:|tel:)[^)]*)(\))?", re.IGNORECASE)


def _refuse_broken_link(text: str, j: int, end: int) -> None:
    """Refuse ``[label](address)`` at ``j`` (the ``]``) that `_LINK` cannot read although
    it is plainly meant as a link: the page printed the brackets, the parentheses and
    the address as they were typed, with no link, and the build said nothing. A space
    in the address (``https://example.org/a b``), a ``)`` never typed, or brackets
    nested deeper than one pair; ``[text](plain words)`` stays text."""
    meant = _MEANT_LINK.match(text, j, end)
    if meant is None:
        return
    url, closed = meant.group(1), meant.group(2)
    shown = url.rstrip()
    if not closed:
        raise InlineError(
            j + 1,
            f"the link to {shown!r} is not closed with ')'",
            "write the link as [text](https://example.org/page), with its closing )",
        )
    if any(c.isspace() for c in shown):
        raise InlineError(
            j + 2,
            f"link target {shown!r} holds a space: it would be printed as typed, not as a link",
            "an address has no spaces: remove it, or write %20 where the address has one "
            "(https://example.org/a%20b)",
        )
    raise InlineError(
        j + 2,
        f"link target {shown!r} has brackets nested deeper than one pair: it would be "
        "printed as typed, not as a link",
        "write ( as %28 and ) as %29 inside the address",
    )


def pdf_uri(url: str) -> str:
    """``url`` as a PDF link's URI holds it: 7-bit ASCII (PDF 32000 12.6.4.7), its host
    in IDNA form (ศิริราช.ไทย → xn--…) and every other character beyond ASCII percent-
    encoded as UTF-8, as a browser sends it. A Hebrew, Thai or Arabic path was written
    as it was typed, which PDF readers decode each their own way (PDFDocEncoding, or
    Latin-1), opening another page or none."""
    if url.isascii():
        return url
    printable = "".join(chr(c) for c in range(0x21, 0x7F))  # kept: "%", "/", "?", "#" …
    scheme, slashes, after = url.partition("://")
    if not slashes:  # mailto:, tel:
        return quote(url, safe=printable)
    cut = min((k for k in (after.find(c) for c in "/?#") if k >= 0), default=len(after))
    host, port = after[:cut], ""
    if ":" in host:
        host, port = host.split(":", 1)
        port = ":" + port
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:  # a label IDNA 2003 cannot write: sent as UTF-8, as browsers do
            host = quote(host, safe=".")
    return f"{scheme}://{host}{port}{quote(after[cut:], safe=printable)}"


def link_refusal(url: str, schemes: tuple[str, ...] = LINK_SCHEMES) -> str:
    """Why ``url`` may not be a link in a PDF handed to patients ("" when it may): the
    one rule for every link. Only ``schemes`` are allowed: ``javascript:``, ``file:``
    or ``data:`` would run or open something on the reader's machine. A web address
    with a user name before its host ("https://clinic.example@evil.example") reads as
    one place and opens the host after the ``@``; no leaflet link needs one."""
    lowered = url.lower()
    if not lowered.startswith(schemes):
        names = [scheme.rstrip(":/") for scheme in schemes]
        return f"links may only use {', '.join(names[:-1])} or {names[-1]}"
    if lowered.startswith(WEB_SCHEMES) and not _has_host(url):
        return "write the whole address, with its host and no spaces: https://example.org/page"
    if lowered.startswith(WEB_SCHEMES) and "@" in urlsplit(url).netloc:
        host = urlsplit(url).hostname
        return (
            f"what stands before the @ is a user name: the link opens {host}, not the "
            "address it reads as; write the address without it"
        )
    if lowered.startswith(WEB_SCHEMES):
        mixed = _mixed_label(urlsplit(url).hostname or "")
        if mixed:
            label, scripts = mixed
            return (
                f"the address mixes {' and '.join(scripts)} letters in '{label}': it reads "
                "as one site and opens another (a look-alike address); type the address "
                "again by hand: a browser's address bar shows the real one"
            )
    return ""


#: Scripts whose letters look like Latin ones (а, е, о, р, с, х; ο, ν): mixed with another
#: script inside one label of a host name, they make a look-alike address (UTS #39).
_LOOK_ALIKE_SCRIPTS = frozenset({"CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE"})


def _mixed_label(host: str) -> tuple[str, list[str]] | None:
    """The first label of ``host`` whose letters come from two scripts, one of them a
    script of Latin look-alikes, with those scripts; None when there is none.
    "www.еdnawellness.com" with a Cyrillic е printed as the clinic's address and
    opened another site; a Thai or Chinese domain (ศิริราช.ไทย) is one script per label."""
    for label in host.split("."):
        scripts = sorted({unicodedata.name(c, "").split(" ")[0] for c in label if c.isalpha()})
        if len(scripts) > 1 and _LOOK_ALIKE_SCRIPTS & set(scripts):
            return label, [script.title() for script in scripts]
    return None


def _has_host(url: str) -> bool:
    """A URL with a host a patient's phone can reach, and no white space or control
    character ("http://" alone, or "https:// example.org", leads nowhere). The host is
    a domain with a named top level (example.org, ศิริราช.ไทย) or an IP address: a
    single name ("web: clinic", an intranet's) or a number ("web: 12", which a link
    reads as the address 0.0.0.12) opens nothing outside the clinic's own network."""
    if any(c.isspace() or not c.isprintable() for c in url):
        return False
    try:
        host = urlsplit(url).hostname
    except ValueError:  # a malformed port or IPv6 address
        return False
    if not host:
        return False
    if ":" in host:  # an IPv6 literal, [2001:db8::1]
        return True
    labels = host.rstrip(".").split(".")
    if all(label.isdigit() for label in labels):
        return len(labels) == 4  # a dotted IPv4 address
    return len(labels) > 1 and all(labels) and not labels[-1].isdigit()


def mailto_address(url: str) -> str:
    """The address a ``mailto:`` link writes to, without its ``?subject=…`` fields."""
    return url[len("mailto:") :].split("?", 1)[0]


def web_link(address: str) -> str:
    """The link for a web address as people write it: ``example.org`` links to
    https://example.org, and one that names a scheme is kept as written, for
    `link_refusal` to judge (``javascript:x`` must not become ``https://javascript:x``)."""
    return address if _SCHEME.match(address) else f"https://{address}"


#: A phone number as printed: a "+" and country code, digits of any script, and the
#: spaces, hyphens, points and brackets between them.
_PHONE = re.compile(r"\+?[\d\s().\-\u2010\u2011]*\d")
_TRUNK_ZERO = re.compile(r"\(\s*0\s*\)")  # "+66 (0) 64 …": left out from abroad


def phone_number(text: str) -> str:
    """The first phone number ``text`` prints, as printed: "02 123 4567" of "call the
    nurse on 02 123 4567"; "" when it prints none."""
    match = _PHONE.search(text)
    return match.group().strip() if match else ""


def tel_link(number: str) -> str:
    """The ``tel:`` link (RFC 3966) that dials ``number`` as it is printed: its first
    number (of "02 123 4567 ext. 12", or of two numbers, "02 123 4567"), in ASCII digits
    (Thai ๐๒ is 02: a dialler reads no other), and in an international number without
    the trunk "(0)" that is dialled only at home ("+66 (0) 64 505 5599" is +66645055599,
    which every network completes). "" when it holds no number."""
    written = phone_number(number)
    if not written:
        return ""
    international = written.startswith("+")
    if international:
        written = _TRUNK_ZERO.sub("", written)
    digits = "".join(str(unicodedata.digit(c)) for c in written if c.isdecimal())
    return f"tel:{'+' if international else ''}{digits}"


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in spans:
        last = merged[-1] if merged else None
        if (
            last
            and not span.cites
            and not last.cites
            and (last.bold, last.italic, last.link) == (span.bold, span.italic, span.link)
        ):
            merged[-1] = Span(last.text + span.text, last.bold, last.italic, last.link)
        else:
            merged.append(span)
    return merged


def plain_text(source: str) -> str:
    """The text a reader sees, without markup or citations (for metadata, bookmarks and
    a figure's /Alt). A citation is set tight against its word (Vancouver), so the space
    an author types before ``[@key]`` is not printed (`layout.text`), and is not here:
    "study [@a] and" reads "study and", "line [@a]." reads "line.", not "line .".
    """
    out = ""
    for span in parse_inline(source):
        out = out.rstrip(" ") if span.cites else out + span.text
    return out.strip()


#: Characters that only say where a line may break or must not (a soft hyphen, a zero
#: width space, a word joiner, a byte order mark): nothing on the page, and shown by a
#: terminal or a browser as a stray hyphen or box. Joiners that change a letter's shape
#: (U+200C, U+200D) and direction marks are kept: they change what is read.
_BREAK_CONTROLS = re.compile("[\u00ad\u200b\u2060\ufeff]")


def text_as_read(source: str) -> str:
    """``source`` as its reader reads it, for a person reading a leaflet text outside its
    page (the proof's lists, `i18n review`, the desk's sign-off page, a check's message):
    no ``**``/``*`` marks or ``\\`` escapes, a link as its label, a citation as the
    ``[@key]`` its author wrote (the page prints a number, which only the laid-out
    leaflet knows; the key names the source a clinician checks), its blanks folded and
    no break controls (`_BREAK_CONTROLS`). A reviewer shown "**Hemocompatibility
    screening**" read markup the page never prints. Text whose markup is malformed (a
    translation the build refuses) is given as written, folded: that is what to fix."""
    try:
        spans = parse_inline(source)
    except InlineError:
        return _BREAK_CONTROLS.sub("", folded(source))
    parts = [f"[{'; '.join('@' + key for key in s.cites)}]" if s.cites else s.text for s in spans]
    return _BREAK_CONTROLS.sub("", "".join(parts)).strip()


def text_as_written(source: str) -> str:
    """``source`` as written, its blanks folded and each character that prints nothing
    (a soft hyphen, a zero-width space or joiner, a direction mark) named as
    ``<U+200B>``: for an edit that reads the same before and after (`text_as_read`),
    whose difference is in what a reader does not see. A zero-width space added to a
    Thai msgstr moves where its lines break; shown as typed, was and now looked the same."""
    return "".join(
        f"<U+{ord(c):04X}>" if not c.isspace() and prints_nothing(c) else c for c in folded(source)
    )


def has_words(printed: str) -> bool:
    """Whether ``printed`` (a text as `plain_text` gives it) holds a letter or a digit:
    something a screen reader reads as a word, not only punctuation or a symbol."""
    return any(unicodedata.category(c)[0] in "LN" for c in printed)


def wordless(source: str, needs_words: bool = False) -> InlineError | None:
    """What ``source`` (well-formed markup; the message follows the text's name) lacks
    when it prints no word where one is needed, or None:
    markup that holds nothing a reader sees ("** **", "****", only invisible
    characters inside it), a link whose label has no word ("[** **](…)", "[[@a]](…)":
    a mark of a few points to press, which a screen reader names by its address), and,
    when ``needs_words`` (a title, a heading, an alt text), a text with no letter or
    digit once its markup and citations are left out ("[@a]", "…"). The author sees
    text in the file and the page prints a blank."""
    spans = parse_inline(source)
    printed = visible(plain_text(source)).strip()
    if not printed and not any(span.cites for span in spans):
        return InlineError(
            0,
            "prints nothing: its markup holds no word",
            "write the words between the marks, or remove the text",
        )
    for link in links(source):
        if not has_words(visible(link.text)):
            return InlineError(
                max(link.at, 0),
                f"holds a link to {link.url} with no words to press or hear",
                "write inside [ ] where the link goes: [the trial registry](…)",
            )
    if needs_words and not has_words(printed):
        return InlineError(
            0,
            "has no words once its markup and citations are left out",
            "say in words what it names; a citation belongs in the text under it",
        )
    return None


def citation_keys(source: str) -> list[str]:
    return [key for span in parse_inline(source) for key in span.cites]


def links(source: str) -> list[Link]:
    """Every ``[label](url)`` in ``source``, with its label as printed. Raises
    `InlineError` on malformed markup, as `parse_inline` does."""
    parser = _Parser(folded(source), [])
    parser.run(0, len(parser.text), link="")
    return parser.links
