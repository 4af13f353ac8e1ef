"""The typed leaflet model: the single representation every later stage works from.

Every string a reader sees and a translator may change is a `Text`, carrying the
gettext context and source line it came from. `texts()` and `map_texts()` walk any
model object generically, so extraction (i18n) and localisation never need to know
the block kinds.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, cast

from ..errors import Location

T = TypeVar("T")


@dataclass(frozen=True)
class Text:
    """A translatable unit of inline-markup text."""

    value: str
    context: str  # gettext msgctxt: a block id, or a path such as "faq/3/answer"
    line: int  # line in the source YAML
    comment: str = ""  # what the text is, for translators
    # Where ``value`` was written when not at ``line`` of the leaflet: the .po entry of a
    # translation (set by the localizer), so a message sends the localizer to it.
    origin: Location | None = dataclasses.field(default=None, compare=False)
    # Column of ``value``'s first character on ``line`` when each character was typed
    # as read (one line, no escapes: `loader._typed_as_read`), so a message can point
    # into the text; 0 when a character's place cannot be told (folded, escaped).
    column: int = dataclasses.field(default=0, compare=False)

    def location(self, leaflet_path: Path) -> Location:
        """Where to fix this text: its .po entry if translated, else its leaflet line."""
        return self.origin or Location(leaflet_path, self.line)

    @property
    def catalog_entry(self) -> str:
        """The catalog entry this text came from ("the msgstr of 'p1'
        (locales/th/LC_MESSAGES/sample.po:20)"), "" for the source's own text: a message
        standing at the leaflet line names in its hint the line the translator edits."""
        return f"the msgstr of '{self.context}' ({self.origin})" if self.origin else ""

    @property
    def is_reference_title(self) -> bool:
        """A cited work's title (quoted from the literature: translating it is optional)."""
        return self.context.startswith(REFERENCE_CONTEXT + "/")

    @property
    def is_keyword(self) -> bool:
        """One of the PDF's keywords: metadata a search engine reads, never printed."""
        return is_keyword_context(self.context)


#: The context of a reference's title is ref/<key>/title; no block id may be "ref".
REFERENCE_CONTEXT = "ref"
#: The context of the leaflet's n-th keyword is keywords/<n>.
KEYWORDS_CONTEXT = "keywords"


def is_keyword_context(context: str | None) -> bool:
    """Whether ``context`` (a Text's, or a catalog entry's msgctxt) is a keyword's."""
    return (context or "").startswith(KEYWORDS_CONTEXT + "/")


@dataclass(frozen=True)
class DocumentControl:
    code: str
    version: str
    published: dt.date
    next_review: dt.date


#: The organisation's fields a reader reads as words, which a profile may write per
#: language; a phone number, a LINE id and a web address read the same in every one.
WORDED_FIELDS = ("name", "address")


@dataclass(frozen=True)
class Wording:
    """One worded field of an organisation profile as written for the readers of one
    locale, or for every language (``locale`` ""): the plain ``address: ...`` form."""

    field: str
    locale: str
    value: str
    line: int


@dataclass(frozen=True)
class Organisation:
    """The clinic a leaflet names, with its worded fields as printed in one locale.

    ``name`` and ``address`` are the texts printed for ``locale`` (`in_locale` picks
    them from ``wordings``, every text the profile writes): a Japanese clinic's
    Vietnamese leaflet must not print its address in Japanese."""

    id: str
    name: str
    path: Path
    address: str = ""
    phone: str = ""
    line: str = ""
    whatsapp: str = ""
    web: str = ""
    logo: Path | None = None
    name_line: int = 0  # where 'name' is written, for a name too wide to print
    wordings: tuple[Wording, ...] = ()
    source_language: str = ""  # the leaflet's: whose text is the default

    def printed(self, field: str, locale: str) -> Wording | None:
        """The text of ``field`` a ``locale`` reader reads: the one written for
        ``locale``, else for the language it is a variant of (zh_Hans: zh), else the
        default: the one for the leaflet's own language (or its parent), else the plain
        one. None for a field the profile leaves out."""
        written = {w.locale.replace("-", "_").lower(): w for w in self.wordings if w.field == field}
        for wanted in reading_order(locale, self.source_language):
            if wanted.lower() in written:
                return written[wanted.lower()]
        return None

    def in_locale(self, locale: str) -> Organisation:
        """This organisation with the worded fields a ``locale`` reader reads."""
        if not self.wordings:
            return self
        name = self.printed("name", locale)
        address = self.printed("address", locale)
        return dataclasses.replace(
            self,
            name=name.value if name else self.name,
            name_line=name.line if name else self.name_line,
            address=address.value if address else "",
        )


def reading_order(locale: str, source_language: str) -> list[str]:
    """The profile keys a ``locale`` reader's text is looked up under, first found
    wins: the locale, its parents (never across scripts: zh_Hant does not read zh),
    the leaflet's own language and its parents, then "" (the plain form)."""
    from ..project import parent_locales  # content's model stays free of CLDR at import

    keys = [locale, *parent_locales(locale)]
    if source_language:
        keys += [source_language, *parent_locales(source_language)]
    return [key.replace("-", "_") for key in dict.fromkeys([*keys, ""])]


@dataclass(frozen=True)
class Reference:
    key: str
    authors: tuple[str, ...]
    title: Text
    year: int
    line: int
    journal: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""
    doi: str = ""
    pmid: str = ""
    url: str = ""


TITLE_LEVEL = 1  # the leaflet's title: the one level-1 heading (H1 in a tagged PDF)
SECTION_LEVEL = 2  # a section: numbered with ``numbered_sections``, a top-level bookmark
HEADING_LEVELS = (2, 3, 4)  # the levels a heading in the body may have


@dataclass(frozen=True)
class Heading:
    """A heading in the body. ``level`` is its real rank under the title (2: a section,
    3 and 4: parts of one), so a screen reader's list of headings, the bookmarks and a
    tagged PDF's H2/H3 show the leaflet's outline rather than one flat list."""

    text: Text
    id: str
    line: int
    level: int = SECTION_LEVEL
    # The gettext context of the block's texts, and the name the proof prints beside it
    # and in its findings: the block's ``id``, or "<kind>/<n>" (its place) without one.
    context: str = dataclasses.field(default="", kw_only=True)


@dataclass(frozen=True)
class Paragraph:
    text: Text
    id: str
    line: int
    context: str = dataclasses.field(default="", kw_only=True)  # as Heading.context


@dataclass(frozen=True)
class ListBlock:
    items: tuple[Text, ...]
    numbered: bool
    id: str
    line: int
    context: str = dataclasses.field(default="", kw_only=True)  # as Heading.context


@dataclass(frozen=True)
class Callout:
    kind: str  # key-answer | plain-terms | warning
    title: Text | None
    paragraphs: tuple[Text, ...]
    id: str
    line: int
    context: str = dataclasses.field(default="", kw_only=True)  # as Heading.context


@dataclass(frozen=True)
class Quote:
    text: Text
    attribution: Text | None
    id: str
    line: int
    context: str = dataclasses.field(default="", kw_only=True)  # as Heading.context


@dataclass(frozen=True)
class FaqEntry:
    question: Text
    answer: tuple[Text, ...]


@dataclass(frozen=True)
class Faq:
    entries: tuple[FaqEntry, ...]
    id: str
    line: int
    context: str = dataclasses.field(default="", kw_only=True)  # as Heading.context


@dataclass(frozen=True)
class Table:
    header: tuple[Text, ...]
    rows: tuple[tuple[Text, ...], ...]
    caption: Text | None
    id: str
    line: int
    context: str = dataclasses.field(default="", kw_only=True)  # as Heading.context


@dataclass(frozen=True)
class Figure:
    """An image. ``alt`` describes it for a reader who cannot see it (translated like any
    text); a ``decorative`` image tells nothing the text does not, has no ``alt``, and
    is skipped by screen readers (an artifact in a tagged PDF)."""

    path: Path
    alt: Text | None
    caption: Text | None
    id: str
    line: int
    decorative: bool = False
    context: str = dataclasses.field(default="", kw_only=True)  # as Heading.context


Block = Heading | Paragraph | ListBlock | Callout | Quote | Faq | Table | Figure

CALLOUT_KINDS = ("key-answer", "plain-terms", "warning")
MAX_TABLE_COLUMNS = 6  # wider tables cannot be read on A4 in patient-size type


@dataclass(frozen=True, kw_only=True)
class Leaflet:
    """Fields are in reading order, so `texts()` yields them as a reader meets them."""

    id: str
    path: Path
    language: str
    kicker: Text | None = None
    title: Text
    subtitle: Text | None = None
    lede: Text | None = None
    audience: Text | None = None
    document: DocumentControl
    organisation: Organisation
    numbered_sections: bool = False
    url: str = ""
    url_line: int = 0  # where 'url' is written, for an address no printable QR code holds
    # Not printed on the page, but in every PDF's metadata (Info /Keywords, XMP
    # pdf:Keywords and dc:subject), where a search engine and a library read them:
    # translated like any text, so a Thai PDF is found by Thai words.
    keywords: tuple[Text, ...] = ()
    blocks: tuple[Block, ...]
    disclaimer: Text
    references: tuple[Reference, ...] = ()


def texts(obj: object) -> Iterator[Text]:
    """Every `Text` inside ``obj``, in document order (dataclass field order).

    Collected into a list by plain recursion rather than yielded through nested
    generators, with each class's fields asked for once (`_field_names`): a batch walks
    every leaflet five times (loading, citations, localising), and the generic walk was
    1.5 % of its CPU (#20). The order and the objects are the same."""
    found: list[Text] = []
    if isinstance(obj, Text):
        found.append(obj)
    elif isinstance(obj, tuple) or _field_names(type(obj)) is not None:
        _collect(obj, found)
    return iter(found)


def _collect(node: object, found: list[Text]) -> None:
    """Append the `Text`s inside ``node``, a model object or a tuple; leaves (strings,
    paths, dates, None) are passed over without a call."""
    names = _field_names(type(node))
    if names is not None:
        values: Iterable[object] = [getattr(node, name) for name in names]
    else:
        values = cast(tuple[object, ...], node)
    for value in values:
        if isinstance(value, Text):
            found.append(value)
        elif isinstance(value, tuple) or _field_names(type(value)) is not None:
            _collect(value, found)


#: `_field_names` by class: a few dozen classes, each asked once.
_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}


def _field_names(cls: type) -> tuple[str, ...] | None:
    """The field names of dataclass ``cls`` in order, None for any other class (a class
    object itself has type `type`, no dataclass). Fields are fixed when a class is made,
    so one answer per class is exact."""
    if cls not in _FIELD_NAMES:
        fields = dataclasses.fields(cls) if dataclasses.is_dataclass(cls) else None
        _FIELD_NAMES[cls] = None if fields is None else tuple(f.name for f in fields)
    return _FIELD_NAMES[cls]


def map_texts(obj: T, fn: Callable[[Text], Text]) -> T:
    """A copy of ``obj`` with every `Text` replaced by ``fn(text)``."""
    result: Any
    if isinstance(obj, Text):
        result = fn(obj)
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes = {f.name: map_texts(getattr(obj, f.name), fn) for f in dataclasses.fields(obj)}
        result = dataclasses.replace(obj, **changes)
    elif isinstance(obj, tuple):
        result = tuple(map_texts(item, fn) for item in obj)
    else:
        result = obj
    return result  # type: ignore[no-any-return]
