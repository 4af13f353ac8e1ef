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
from typing import TYPE_CHECKING, Literal

from ..content.model import Leaflet
from ..errors import Finding, Location
from ..project import Project

if TYPE_CHECKING:
    from .config import CheckConfig
    from .layout import LayoutReport
    from .source import SourceMap

Severity = Literal["error", "warning"]
Scope = Literal["leaflet", "locale", "layout", "runner"]
SEVERITIES = ("error", "warning", "off")


@dataclass(frozen=True)
class CheckFinding(Finding):
    """A `Finding` that names the check it came from (shown as ``CODE:`` before the message)."""

    code: str = ""

    def __str__(self) -> str:
        text = f"{self.location}: {self.severity}: {self.code}: {self.message}"
        return f"{text}\n  hint: {self.hint}" if self.hint else text

    def as_dict(self) -> dict[str, object]:
        return {
            "path": str(self.location),
            "file": str(self.location.path),
            "line": self.location.line,
            "column": self.location.column,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
        }


@dataclass(frozen=True)
class Issue:
    """What a check function reports; severity comes from the registry and config."""

    location: Location
    message: str
    hint: str = ""
    severity: Severity | None = None  # only for checks whose severity depends on context


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

    @property
    def today(self) -> dt.date:
        return self.config.today or dt.date.today()

    @property
    def is_translation(self) -> bool:
        return self.locale != self.source.language


CheckFunction = Callable[[CheckContext], Iterable[Issue]]


@dataclass(frozen=True)
class Check:
    code: str
    severity: Severity
    rationale: str
    scope: Scope
    function: CheckFunction | None = field(default=None, compare=False)


REGISTRY: dict[str, Check] = {}


def check(
    code: str, severity: Severity, rationale: str, scope: Scope = "leaflet"
) -> Callable[[CheckFunction], CheckFunction]:
    """Register ``fn`` under ``code``. ``scope="locale"`` runs it once per locale checked."""

    def register(fn: CheckFunction) -> CheckFunction:
        declare(code, severity, rationale, scope, fn)
        return fn

    return register


def declare(
    code: str,
    severity: Severity,
    rationale: str,
    scope: Scope,
    function: CheckFunction | None = None,
) -> None:
    """Register a check; ``function`` is None for findings the runner itself produces."""
    if code in REGISTRY:
        raise ValueError(f"check code {code} registered twice")
    REGISTRY[code] = Check(code, severity, rationale, scope, function)


def all_checks() -> list[Check]:
    """Every registered check, importing the check modules so they register themselves."""
    from . import (  # noqa: F401
        claims,
        dates,
        hidden_text,
        layout,
        readability,
        references,
        terminology,
        waivers,
    )

    return sorted(REGISTRY.values(), key=_order)


def _order(item: Check) -> tuple[str, str]:
    family = item.code.rstrip("0123456789")
    return (FAMILY_ORDER.get(family, "9"), item.code)


FAMILY_ORDER = {
    "LOAD": "0", "REF": "1", "CLAIM": "2", "TERM": "3", "READ": "4", "DATE": "5", "DOC": "6",
    "TEXT": "65", "LAYOUT": "7", "I18N": "8", "WAIVE": "85",
}  # fmt: skip
