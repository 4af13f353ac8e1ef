"""Check settings: packaged defaults (``data/checks.yaml``) overlaid with ``msc-leaflet.toml``.

The project file lets a team tune the checks to its audience without editing code::

    [checks.CLAIM002]
    severity = "off"          # "error" | "warning" | "off"

    [checks.readability]
    grade_warning = 7

Unknown keys are errors (with a did-you-mean): a misspelt setting that silently does
nothing would make a team believe a check is configured when it is not.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..content.yaml_source import load_data, suggest
from ..data import data_path
from ..errors import LeafletError, Location
from ..project import Project
from .registry import SEVERITIES, Severity

CONFIG_FILE = "msc-leaflet.toml"


@dataclass(frozen=True)
class Readability:
    grade_warning: float = 8
    grade_error: float = 10
    min_words: int = 40
    sentence_words: float = 20
    hard_word_share: float = 0.15
    passive_share: float = 0.30
    thai_phrase_factor: float = 2.5
    thai_phrase_min_words: int = 14


@dataclass(frozen=True)
class Dates:
    review_soon_days: int = 60


@dataclass(frozen=True)
class CheckConfig:
    """``today`` is None for the real date; tests pass a fixed one. ``strict`` = for printing."""

    severities: dict[str, str] = field(default_factory=dict)  # code → error|warning|off
    readability: Readability = field(default_factory=Readability)
    dates: Dates = field(default_factory=Dates)
    today: dt.date | None = None
    strict: bool = False

    def severity_of(self, code: str, default: Severity) -> str:
        return self.severities.get(code, default)


def default_config() -> CheckConfig:
    """The packaged defaults from ``data/checks.yaml``."""
    text = data_path("checks.yaml").read_text("utf-8")
    data = load_data(text)
    return CheckConfig(
        readability=Readability(**data.get("readability", {})),
        dates=Dates(**data.get("dates", {})),
    )


def load_config(
    project: Project, *, today: dt.date | None = None, strict: bool = False
) -> CheckConfig:
    """Defaults, overlaid with ``<project>/msc-leaflet.toml`` [checks] when it exists."""
    config = replace(default_config(), today=today, strict=strict)
    path = project.file(CONFIG_FILE)
    if not path.is_file():
        return config
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise LeafletError(Location(path), f"invalid TOML: {exc}") from None
    return apply_settings(config, data.get("checks", {}), path)


def apply_settings(config: CheckConfig, section: dict[str, Any], path: Path) -> CheckConfig:
    """``config`` with a parsed ``[checks]`` table applied; ``path`` is for messages."""
    from .registry import REGISTRY, all_checks

    all_checks()
    severities = dict(config.severities)
    readability, dates = config.readability, config.dates
    for key, value in section.items():
        if key == "readability":
            readability = _overlay(readability, value, path, "checks.readability")
        elif key == "dates":
            dates = _overlay(dates, value, path, "checks.dates")
        elif key in REGISTRY:
            if not isinstance(value, dict) or set(value) != {"severity"}:
                raise LeafletError(
                    Location(path), f"[checks.{key}] takes one key: severity", 'severity = "off"'
                )
            if value["severity"] not in SEVERITIES:
                raise LeafletError(
                    Location(path),
                    f"[checks.{key}] severity {value['severity']!r} is not one of "
                    + ", ".join(SEVERITIES),
                )
            severities[key] = value["severity"]
        else:
            known = ["readability", "dates", *REGISTRY]
            raise LeafletError(
                Location(path), f"unknown setting [checks.{key}]", suggest(key, known)
            )
    return replace(config, severities=severities, readability=readability, dates=dates)


def _overlay(current: Any, values: object, path: Path, where: str) -> Any:
    if not isinstance(values, dict):
        raise LeafletError(Location(path), f"[{where}] must be a table")
    known = list(current.__dataclass_fields__)
    for key, value in values.items():
        if key not in known:
            raise LeafletError(
                Location(path), f"unknown setting {key!r} in [{where}]", suggest(key, known)
            )
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise LeafletError(Location(path), f"[{where}] {key} must be a number")
    return replace(current, **values)
