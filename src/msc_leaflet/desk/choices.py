"""What a request asks for, checked: leaflet ids and locales as the CLI checks them,
editions, paper and colour from fixed tables. Anything else is refused with a 4xx
before a file name is made from it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from ..data import data_path
from ..errors import LeafletError, Location
from ..i18n.desk_labels import DESK_MESSAGES
from ..languages import conjoined, profile
from ..print_spec import COLOUR_MODES, EDITIONS, PrintSpec, fixed_word, paper_name
from ..project import Project, check_locale, check_slug
from .interface import Word, contained
from .shelf import LeafletCard, Shelf

PAPERS = ("a4", "a5", "booklet")  # as the desk offers them: a booklet is A5 on A4 sheets
MAX_PACK = 20  # leaflets in one patient pack
# `proof=` as links write it: the form's tick box sends 1, Status links 1, and 0 or
# nothing is the print file. Any other value is refused, not read as "no proof": a
# reviewer who asked for a proof was handed the patient's PDF.
PROOF = {"1": True, "true": True, "0": False, "false": False}


class Query(Protocol):
    """A link's query, each field with every value it was given (Starlette's
    ``QueryParams``): a field given twice is told from one given once."""

    def getlist(self, key: Any) -> list[str]: ...


class Refused(Exception):
    """A request the desk will not serve: ``status`` is the HTTP code, ``reason`` why,
    in English. ``key`` and ``values``: the same said by the desk in the reader's
    language (a `DESK_MESSAGES` key), for a refusal the desk words itself; without
    one, ``reason`` is a message of the command line's, shown in English after the
    desk's own sentence."""

    def __init__(self, status: int, reason: str, key: str = "", **values: object) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason
        self.key = key
        self.values = values


class NotReady(Refused):
    """A leaflet asked for in a language it is not ready in (its catalog missing,
    incomplete or stale): its text would print in the source language under the page
    furniture of the patient's."""


def theme_paper(project: Project) -> str:
    """The paper of the project's theme (``theme.yaml``, else the bundled one), read as
    strictly as every theme is (`ThemeSource`): a file no build could read stops the
    desk with its line, where PyYAML's own reader ended in a RecursionError. Read
    again when the file changes: the desk runs all day, and a theme set to A5 meanwhile
    is what `msc-leaflet build` prints on."""
    path = project.theme_path if project.theme_path.is_file() else data_path("theme.yaml")
    try:
        stat = path.stat()
    except OSError:  # removed meanwhile: its error is ThemeSource's, naming the file
        return _paper_of(path, 0, 0)
    return _paper_of(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=4)
def _paper_of(path: Path, _mtime_ns: int, _size: int) -> str:
    from ..theme.source import ThemeSource

    return paper_name(ThemeSource.read(path).data.get("paper", "a4"))


def print_spec(paper: str, colour: str, proof: bool, default_paper: str) -> PrintSpec:
    """The theme's own paper is ``paper=None``, as the CLI builds it by default, so the
    desk and ``msc-leaflet build`` share one output (and one manifest entry)."""
    if paper == "booklet":
        return PrintSpec(imposition="booklet", colour=colour, proof=proof)
    return PrintSpec(None if paper == default_paper else paper, colour=colour, proof=proof)


def leaflet(shelf: Shelf, leaflet_id: str) -> LeafletCard:
    try:
        check_slug(leaflet_id, "leaflet id", Location(Path("leaflets")))
    except LeafletError as err:
        raise Refused(400, err.message) from None
    card = shelf.card(leaflet_id)
    if card is None and (broken := shelf.broken.get(leaflet_id)) is not None:
        raise LeafletError(broken.location, broken.message, broken.hint)  # named, file and line
    if card is None:
        raise Refused(404, f"no leaflet {leaflet_id!r}", "desk.no-leaflet", id=leaflet_id)
    return card


def locale(shelf: Shelf, value: str) -> str:
    try:
        value = check_locale(value, Location(Path("locales")))
    except LeafletError as err:
        raise Refused(400, err.message) from None
    if value not in shelf.locales:
        raise Refused(404, f"no language {value!r} in this project", "desk.no-language-here",
                      code=value)  # fmt: skip
    return value


def respelled_locale(value: str) -> str | None:
    """``value``'s one spelling when it is a language tag written another way (``TH``,
    ``zh-hans``), as ``msc-leaflet build -l TH`` reads it (`check_locale`); None when it
    is already spelled so, or is no tag at all (`locale` refuses that)."""
    try:
        spelled = check_locale(value, Location(Path("locales")))
    except LeafletError:
        return None
    return spelled if spelled != value else None


def one_of(value: str, allowed: tuple[str, ...], what: str) -> str:
    """``value`` in its one spelling if the desk offers it as ``what`` (a form field:
    "edition", "paper"). Read in any letter case by the command line's own reader
    (`fixed_word`): ``--paper A4 --colour CMYK`` builds, and the same words in a link
    were refused as "not offered"."""
    spelled = fixed_word(value, allowed)
    if spelled not in allowed:
        raise Refused(400, f"{what} must be one of {', '.join(allowed)}", "desk.not-offered-in",
                      field=Word(f"desk.{what}"), value=value)  # fmt: skip
    return spelled


# A query field's name as the desk's form labels it, where the two differ.
FIELD_WORDS = {"lang": "desk.language"}
# A field given twice whose sentence is its own: a search or a topic is typed or picked
# on the library, not chosen as a print setting is.
TWICE_SAID = {"q": "desk.search-twice", "topic": "desk.topic-twice"}


def each_quoted(given: list[str], ui: str) -> str:
    """The values a link gave a field twice, each in the reader's quotation marks and
    joined as a sentence of ``ui`` lists them: “th” and “en”, “th” และ “en”. One pair
    of quotes around the list ("“cells MSC”" with Thai's space) read as one value, a
    search for both words."""
    opening, closing = profile(ui).quotes
    return conjoined([f"{opening}{contained(value)}{closing}" for value in given], ui)


def _repeated(field: str, values: str) -> Refused:
    """The refusal of a link giving ``field`` more than once (``values``, listed), at
    the field as its form labels it, said as given twice (each value may be offered:
    "not offered. Choose on the leaflet's page" read oddly on the library, the pack
    and the language switch); a field no form labels (a list's ``page``) is named as
    the link writes it, in English after the desk's sentence."""
    reason = f"{field} is given more than once; give it once"
    if field in TWICE_SAID:
        return Refused(400, reason, TWICE_SAID[field], value=values)
    word = FIELD_WORDS.get(field, f"desk.{field}")
    if word not in DESK_MESSAGES:
        return Refused(400, reason)
    return Refused(400, reason, "desk.given-twice", field=Word(word), value=values)


def single(params: Query, field: str, ui: str) -> str:
    """The one value a link gives ``field`` ("" when none), refused (400, both values
    named in the reader's ``ui`` language) when given more than once: read as the
    first or the last, ``lang=th&lang=en`` showed the library or a sign-off page in
    one of two languages asked for without a word, where the PDF route refuses it."""
    given = params.getlist(field)
    if len(given) > 1:
        raise _repeated(field, each_quoted(given, ui))
    return given[0] if given else ""


@dataclass(frozen=True)
class PrintChoice:
    locale: str
    edition: str = "single"
    paper: str = "a4"
    colour: str = "rgb"
    proof: bool = False

    def query(self) -> str:
        parts = [f"lang={self.locale}", f"edition={self.edition}", f"paper={self.paper}",
                 f"colour={self.colour}"]  # fmt: skip
        return "&".join(parts + (["proof=1"] if self.proof else []))


@dataclass(frozen=True)
class BadChoice:
    """A print setting asked for that the desk does not offer: ``field`` is the form
    field ("lang", "edition", "paper", "colour", "proof"), ``value`` what was asked, ``refused``
    the refusal, in English and in the desk's words."""

    field: str
    value: str
    refused: Refused
    twice: bool = False  # the field given more than once, each value perhaps offered


def print_choice(
    shelf: Shelf, card: LeafletCard, params: Query, ui: str, theme: str
) -> PrintChoice:
    """The choices of a PDF or page picture link, refused (`Refused`) if one is not
    offered: there is nothing to keep on a PDF address."""
    choice, bad = kept_print_choice(shelf, card, params, ui, theme)
    if bad:
        first = bad[0].refused
        raise Refused(400, first.reason, first.key, **first.values)
    return choice


def kept_print_choice(
    shelf: Shelf, card: LeafletCard, params: Query, ui: str, theme: str
) -> tuple[PrintChoice, tuple[BadChoice, ...]]:
    """The choices of a leaflet page, and those it asked for that the desk does not
    offer (each replaced by its default in the choice): a link with a paper from
    another tool, or a language since removed, keeps every other choice. The language
    defaults to the interface's when the leaflet is printable in it, else to its
    source language; the paper to the ``theme``'s, when the desk offers it (a link
    from the library names none), so the desk serves the output `msc-leaflet build`
    makes. A field given twice (``lang=th&lang=en``) is refused at that field like a
    value not offered, its values named: read as the first or the last, one of two
    languages asked for was served without a word."""
    bad: list[BadChoice] = []

    def checked(field: str, default: str, check: Callable[[str], str]) -> str:
        given = params.getlist(field)
        if len(given) > 1:
            value = each_quoted(given, ui)
            bad.append(BadChoice(field, value, _repeated(field, value), twice=True))
            return default
        value = (given[0] if given else "") or default
        try:
            return check(value)
        except Refused as refused:
            bad.append(BadChoice(field, value, refused))
            return default

    default_lang = ui if card.printable_in(ui) else card.language
    paper = theme if theme in PAPERS else "a4"
    choice = PrintChoice(
        checked("lang", default_lang, lambda value: locale(shelf, value)),
        checked("edition", "single", lambda value: one_of(value, tuple(EDITIONS), "edition")),
        checked("paper", paper, lambda value: one_of(value, PAPERS, "paper")),
        checked("colour", "rgb", lambda value: one_of(value, COLOUR_MODES, "colour")),
        PROOF[checked("proof", "0", lambda value: one_of(value, tuple(PROOF), "proof"))],
    )
    return choice, tuple(bad)
