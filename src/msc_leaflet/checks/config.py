"""Check settings: packaged defaults (``data/checks.yaml``) overlaid with ``msc-leaflet.toml``.

The project file lets a team tune the checks to its audience without editing code::

    [checks.CLAIM002]
    severity = "off"          # "error" | "warning" | "info" | "off"

    [checks.readability]
    grade_warning = 7

Unknown keys are errors (with a did-you-mean): a misspelt setting that silently does
nothing would make a team believe a check is configured when it is not.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..content.yaml_source import load_data, suggest
from ..data import data_path
from ..errors import LeafletError, Location, Severity, shown_value
from ..project import (
    SETTINGS_FILE,
    Project,
    not_a_section,
    settings_location,
    settings_section,
    shown_setting,
    toml_kind,
    unknown_setting,
)
from .registry import SEVERITIES

CONFIG_FILE = SETTINGS_FILE


@dataclass(frozen=True)
class Readability:
    """The READ thresholds; their defaults, and why, are in ``data/checks.yaml``."""

    grade_warning: float
    grade_error: float
    min_words: int
    sentence_words: float
    hard_word_share: float
    passive_share: float
    thai_phrase_factor: float
    thai_phrase_min_words: int


@dataclass(frozen=True)
class Dates:
    """The DATE thresholds; their defaults are in ``data/checks.yaml``."""

    review_soon_days: int


@lru_cache(maxsize=1)
def packaged_defaults() -> tuple[Readability, Dates]:
    """The settings in ``data/checks.yaml``, the one place the default numbers are written."""
    data = load_data(data_path("checks.yaml").read_text("utf-8"))
    return Readability(**data["readability"]), Dates(**data["dates"])


@lru_cache(maxsize=1)
def packaged_limits() -> dict[str, dict[str, float]]:
    """Setting name → its bounds ({"min": …, "max": …}), from ``limits:`` in
    ``data/checks.yaml``, beside the defaults they bound."""
    limits: dict[str, dict[str, float]] = load_data(data_path("checks.yaml").read_text("utf-8"))[
        "limits"
    ]
    return limits


@dataclass(frozen=True)
class CheckConfig:
    """``today`` is None for the real date; tests pass a fixed one. ``strict`` = for printing."""

    severities: dict[str, str] = field(default_factory=dict)  # code → error|warning|info|off
    readability: Readability = field(default_factory=lambda: packaged_defaults()[0])
    dates: Dates = field(default_factory=lambda: packaged_defaults()[1])
    today: dt.date | None = None
    strict: bool = False

    def severity_of(self, code: str, default: Severity) -> str:
        return self.severities.get(code, default)


def default_config() -> CheckConfig:
    """The packaged defaults from ``data/checks.yaml``."""
    return CheckConfig()


def load_config(
    project: Project, *, today: dt.date | None = None, strict: bool = False
) -> CheckConfig:
    """Defaults, overlaid with ``<project>/msc-leaflet.toml`` [checks] when it exists."""
    config = replace(default_config(), today=today, strict=strict)
    return apply_settings(config, settings_section(project, "checks"), project.file(CONFIG_FILE))


def check_section(section: dict[str, Any], path: Path) -> None:
    """Refuse a ``[checks]`` table `apply_settings` would refuse: how `project_settings`
    checks this section for every command that reads the settings file."""
    apply_settings(default_config(), section, path)


def apply_settings(config: CheckConfig, section: dict[str, Any], path: Path) -> CheckConfig:
    """``config`` with a parsed ``[checks]`` table applied; ``path`` is for messages."""
    from .registry import checks_by_code

    # Only a table that names a check needs them all: a build imports none it does not run.
    registry = checks_by_code() if set(section) - {"readability", "dates"} else {}
    severities = dict(config.severities)
    readability, dates = config.readability, config.dates
    for key, value in section.items():
        if key == "readability":
            readability = _overlay(readability, value, path, "checks.readability")
        elif key == "dates":
            dates = _overlay(dates, value, path, "checks.dates")
        elif key in registry and registry[key].scope == "catalog":
            raise LeafletError(
                settings_location(path, "checks", key),
                f"[checks.{shown_setting(key)}] cannot be set: it is a translation rule of "
                "`msc-leaflet i18n check`, which takes no settings",
                "fix the msgstr it reports instead",
            )
        elif key in registry:
            if not isinstance(value, dict) or set(value) != {"severity"}:
                raise LeafletError(
                    settings_location(path, "checks", key),
                    f"[checks.{shown_setting(key)}] takes one key: severity",
                    'severity = "off"',
                )
            if value["severity"] not in SEVERITIES:
                written = value["severity"]
                small = written.lower() if isinstance(written, str) else ""
                shown = shown_value(written) if isinstance(written, str) else toml_kind(written)
                raise LeafletError(
                    settings_location(path, "checks", key, "severity"),
                    f"[checks.{key}] severity {shown} is not one of " + ", ".join(SEVERITIES),
                    f'write it in small letters: severity = "{small}"'
                    if small in SEVERITIES
                    else 'write one in quotes, e.g. severity = "warning"',
                )
            severities[key] = value["severity"]
        else:
            known = ["readability", "dates", *registry]
            raise LeafletError(
                settings_location(path, "checks", key),
                f"unknown setting [checks.{shown_setting(key)}]",
                suggest(key, known),
            )
    return replace(config, severities=severities, readability=readability, dates=dates)


def _overlay(current: Any, values: object, path: Path, where: str) -> Any:
    if not isinstance(values, dict):
        raise not_a_section(settings_location(path, *where.split(".")), where)
    known = list(current.__dataclass_fields__)
    for key, value in values.items():
        at = settings_location(path, *where.split("."), key)
        if key not in known:
            raise unknown_setting(path, where, key, known)
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise LeafletError(
                at,
                f"[{where}] {key} must be a number, not {toml_kind(value)}",
                f"write a number, e.g. {key} = {getattr(current, key)}",
            )
        whole = current.__dataclass_fields__[key].type in ("int", int)
        _check_bounds(key, value, getattr(current, key), whole, at, where)
    overlaid = replace(current, **values)
    if isinstance(overlaid, Readability) and overlaid.grade_warning > overlaid.grade_error:
        key = "grade_warning" if "grade_warning" in values else "grade_error"
        raise LeafletError(
            settings_location(path, *where.split("."), key),
            f"[{where}] grade_warning ({overlaid.grade_warning:g}) is above grade_error "
            f"({overlaid.grade_error:g}): READ002 would never warn",
            "set grade_warning to the grade a reader starts to struggle at, and grade_error "
            'at or above it; to silence READ002, set its severity to "off"',
        )
    return overlaid


def _check_bounds(
    key: str, value: float, default: float, whole: bool, at: Location, where: str
) -> None:
    """Refuse a number outside the setting's limits (``data/checks.yaml``): a check with
    such a threshold never fires, or fires on every section, and says nothing of why."""
    if whole and not isinstance(value, int):
        raise LeafletError(
            at,
            f"[{where}] {key} must be a whole number, not {value!r}",
            f"write a whole number, e.g. {key} = {default}",
        )
    bounds = packaged_limits().get(key, {})
    low, high = bounds.get("min", -math.inf), bounds.get("max", math.inf)
    if math.isfinite(value) and low <= value <= high:
        return
    span = f"from {low:g} to {high:g}" if math.isfinite(high) else f"{low:g} or more"
    hint = f"write a number {span}, e.g. {key} = {default}"
    if high == 1 and 1 < value <= 100:
        hint = f"a share is a fraction of 1: {value:g}% is {key} = {value / 100:g}"
    raise LeafletError(at, f"[{where}] {key} must be {span}, not {value!r}", hint)
