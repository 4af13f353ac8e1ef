"""Localisation: leaflet model × gettext catalog → localised leaflet (stub until i18n lands)."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date as babel_format_date

from ..errors import Finding
from ..labels import Labels
from ..model import Leaflet
from ..project import Project


def catalog_locales(project: Project) -> list[str]:
    """Locales that have catalogs in ``locales/``."""
    return []


def localize(
    leaflet: Leaflet, locale: str, project: Project, *, allow_fuzzy: bool = False
) -> tuple[Leaflet, list[Finding]]:
    return leaflet, []


def ui_labels(locale: str, project: Project) -> Labels:
    return Labels()


def format_date(date: dt.date, locale: str) -> str:
    return str(babel_format_date(date, format="long", locale=locale))
