"""The check registry: every content check, with its code, default severity and rationale.

A check is a small function ``fn(ctx) -> Iterable[Issue]``. It says *what* is wrong and
*where*; the runner turns each `Issue` into a `CheckFinding`, applying the project's
severity settings and the block's waivers. Keeping severity and waivers out of the
check functions is what lets a project turn any check off without touching its code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import import_module
from typing import TYPE_CHECKING, Literal

from .. import clock
from ..content.model import Leaflet, Text
from ..errors import CheckFinding as CheckFinding  # shared with `i18n check`, re-exported
from ..errors import Location, Severity
from ..project import Project
from .source import po_locate

if TYPE_CHECKING:
    from .config import CheckConfig
    from .layout import LayoutReport
    from .source import SourceMap

Scope = Literal["leaflet", "locale", "layout", "runner", "catalog"]
SEVERITIES = ("error", "warning", "info", "off")


@dataclass(frozen=True)
class Issue:
    """What a check function reports; severity comes from the registry and config."""

    location: Location
    message: str
    hint: str = ""
    severity: Severity | None = None  # only for checks whose severity depends on context
    # What the issue is about, the same in a translation as in its source (a claim's
    # text and what it promises), for a check whose waivers must not cover more in a
    # translation than in the source text they were written for; () for the others.
    subject: tuple[str, ...] = ()
    locale: str = ""  # set by the runner: the language the issue was found in
    # The fingerprint of the source sentence the issue is about (`waivers.pin_of`), for a
    # check whose waivers name what they waive (`Check.pinned`): "" in a translation.
    pin: str = ""
    # Where the translator types what the issue is about (`CheckContext.entry_of`: the
    # msgstr's line and column), None in the source text: `i18n check` reports the issue
    # there, since the translator reads that command, not the leaflet's line.
    entry: Location | None = None


@dataclass(frozen=True)
class CheckContext:
    """Everything a check may look at. ``leaflet`` is in ``locale``; ``source`` is as written."""

    leaflet: Leaflet
    source: Leaflet
    locale: str
    project: Project
    config: CheckConfig
    sources: SourceMap
    layout: LayoutReport | None = None
    # The translations the build refused and prints the source text for (a hidden
    # character, a lost citation), as their msgstrs read (`i18n.refused_texts`): the
    # claim checks read them, so a promise in one is named with what refuses it.
    refused: tuple[Text, ...] = ()

    @property
    def today(self) -> dt.date:
        return self.config.today or clock.today()

    @property
    def is_translation(self) -> bool:
        return self.locale != self.source.language

    def msgstr_of(self, text: Text, phrase: str = "", nth: int = 0) -> str:
        """The catalog entry ``text`` came from in a translation ("the msgstr of 'p1'
        (locales/th/LC_MESSAGES/sample.po:22)"), else "": see `msgstr_entry`.

        A finding in a translation stands at its text's leaflet line, where the block's
        waivers are; its hint names this entry, the line the translator edits."""
        return msgstr_entry(text, phrase, nth) if self.is_translation else ""

    def entry_of(self, text: Text, phrase: str = "", nth: int = 0) -> Location | None:
        """Where `msgstr_of` points (the catalog entry's msgstr, at ``phrase``), as a
        place for `Issue.entry`; None for a text no catalog gave."""
        if not self.is_translation or text.origin is None:
            return None
        return po_locate(text.origin, phrase, nth)


def msgstr_entry(text: Text, phrase: str = "", nth: int = 0) -> str:
    """The catalog entry ``text`` came from, at its msgstr's line ("the msgstr of 'p1'
    (…/sample.po:22)"), "" for a text no catalog gave. With ``phrase``, the line and
    column where it is typed (`source.po_locate`; its ``nth`` occurrence after the
    first), on a continuation line of a wrapped msgstr too. Every check's hint names an
    entry so: the msgctxt line is two or more lines above what the translator changes."""
    if text.origin is None:
        return ""
    return f"the msgstr of '{text.context}' ({po_locate(text.origin, phrase, nth)})"


CheckFunction = Callable[[CheckContext], Iterable[Issue]]


@dataclass(frozen=True)
class Check:
    code: str
    severity: Severity
    rationale: str
    scope: Scope
    function: CheckFunction | None = field(default=None, compare=False)
    # Its waivers name the sentences they are for ("waive: CLAIM001 @1a2b3c4d — …"): a
    # claim written into the block later is not waived with the one a reviewer read.
    pinned: bool = False
    # `build --strict` refuses every finding of it, whatever its severity (untranslated
    # text: `build.refuse_unless_printable`), so `check --strict` calls each an error.
    refused_for_print: bool = False


# Every code, filled as the family modules are imported; read it through `all_checks()`
# or `checks_by_code()`, which import them all first.
REGISTRY: dict[str, Check] = {}

# The built-in families, each a module of this package that registers its codes when
# imported. Importing them here, before any answer, is what makes the set of checks the
# same whichever module a caller imported first.
FAMILIES = (
    "loading", "references", "claims", "terminology", "readability", "dates", "hidden_text",
    "layout", "translations", "waivers", "accessibility", "printable", "emphasis", "page_fit",
    "written_language",
)  # fmt: skip


def check(
    code: str, severity: Severity, rationale: str, scope: Scope = "leaflet", pinned: bool = False
) -> Callable[[CheckFunction], CheckFunction]:
    """Register ``fn`` under ``code``. ``scope="locale"`` runs it once per locale checked;
    ``pinned``: its issues carry a `Issue.pin`, and its waivers must name it."""

    def register(fn: CheckFunction) -> CheckFunction:
        declare(code, severity, rationale, scope, fn, pinned)
        return fn

    return register


def declare(
    code: str,
    severity: Severity,
    rationale: str,
    scope: Scope,
    function: CheckFunction | None = None,
    pinned: bool = False,
    refused_for_print: bool = False,
) -> None:
    """Register a check; ``function`` is None for findings the runner itself produces."""
    if code in REGISTRY:
        raise ValueError(f"check code {code} registered twice")
    REGISTRY[code] = Check(code, severity, rationale, scope, function, pinned, refused_for_print)


def checks_by_code() -> dict[str, Check]:
    """Every check by code, after importing every family module so all are registered."""
    for family in FAMILIES:
        import_module(f"{__package__}.{family}")
    return REGISTRY


#: The families that declare the checks of scope "layout", which a build runs after
#: laying out each output (`layout_checks`): a build imports these alone, not every
#: family (the others cost 2 % of the instructions of a cold build, issue #20).
LAYOUT_FAMILIES = ("layout",)


def layout_checks() -> dict[str, Check]:
    """The checks of scope "layout" by code, in `all_checks` order, after importing only
    the `LAYOUT_FAMILIES`. A test holds them to every family's."""
    for family in LAYOUT_FAMILIES:
        import_module(f"{__package__}.{family}")
    layout = sorted((c for c in REGISTRY.values() if c.scope == "layout"), key=_order)
    return {item.code: item for item in layout}


def check_named(code: str) -> Check:
    """The check ``code``: a family registers all its codes as it is imported, so one
    found registered is the one `checks_by_code` gives, without importing the others."""
    return REGISTRY[code] if code in REGISTRY else checks_by_code()[code]


def all_checks() -> list[Check]:
    """Every check, in the order `msc-leaflet check --list` shows them."""
    return sorted(checks_by_code().values(), key=_order)


def _order(item: Check) -> tuple[str, str]:
    family = item.code.rstrip("0123456789")
    return (FAMILY_ORDER.get(family, "9"), item.code)


FAMILY_ORDER = {
    "LOAD": "0", "REF": "1", "CLAIM": "2", "TERM": "3", "READ": "4", "DATE": "5", "DOC": "6",
    "TEXT": "65", "A11Y": "67", "LAYOUT": "7", "I18N": "8", "WAIVE": "85",
}  # fmt: skip
