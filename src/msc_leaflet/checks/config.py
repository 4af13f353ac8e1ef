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
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..content.yaml_source import load_data, suggest
from ..data import data_path
from ..errors import LeafletError, Severity
from ..project import (
    SETTINGS_FILE,
    Project,
    not_a_section,
    settings_location,
    settings_section,
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
                f"[checks.{key}] cannot be set: it is a translation rule of "
                "`msc-leaflet i18n check`, which takes no settings",
                "fix the msgstr it reports instead",
            )
        elif key in registry:
            if not isinstance(value, dict) or set(value) != {"severity"}:
                raise LeafletError(
                    settings_location(path, "checks", key),
                    f"[checks.{key}] takes one key: severity",
                    'severity = "off"',
                )
            if value["severity"] not in SEVERITIES:
                raise LeafletError(
                    settings_location(path, "checks", key, "severity"),
                    f"[checks.{key}] severity {value['severity']!r} is not one of "
                    + ", ".join(SEVERITIES),
                    'write one in quotes, e.g. severity = "warning"',
                )
            severities[key] = value["severity"]
        else:
            known = ["readability", "dates", *registry]
            raise LeafletError(
                settings_location(path, "checks", key),
                f"unknown setting [checks.{key}]",
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
            raise LeafletError(at, f"unknown setting {key!r} in [{where}]", suggest(key, known))
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise LeafletError(
                at,
                f"[{where}] {key} must be a number, not {_toml_kind(value)}",
                f"write a number, e.g. {key} = {getattr(current, key)}",
            )
    return replace(current, **values)


def _toml_kind(value: object) -> str:
    """A TOML value's kind in the words of the TOML spec, for "must be a number, not …"."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        return "text in quotes"
    if isinstance(value, list):
        return "a list"
    return "a section" if isinstance(value, dict) else "a date or time"
