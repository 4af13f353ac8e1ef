"""`msc-leaflet list`: one line per leaflet, from the model and an in-memory layout."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..content.inline import plain_text
from ..content.loader import load_leaflet
from ..i18n import format_date, ui_labels
from ..layout import Localised, layout_leaflet
from ..project import Project
from ..theme.theme import load_theme


@dataclass(frozen=True)
class Summary:
    id: str
    title: str
    version: str
    review: str
    pages: int


def summarise(root: Path) -> list[Summary]:
    project = Project.at(root)
    theme = load_theme()
    rows = []
    for leaflet_id in project.leaflet_ids():
        leaflet, _ = load_leaflet(project.leaflet_path(leaflet_id), project)
        labels = ui_labels(leaflet.language, project)
        pages = layout_leaflet([Localised(leaflet, labels)], theme, format_date, tagged=False).pages
        rows.append(
            Summary(
                leaflet.id,
                plain_text(leaflet.title.value),
                leaflet.document.version,
                leaflet.document.next_review.isoformat(),
                pages,
            )
        )
    return rows
