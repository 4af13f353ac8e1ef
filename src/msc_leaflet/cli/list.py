"""`msc-leaflet list`: one line per leaflet, from the model and its page count.

The page count is the one the last build recorded (``build/manifest.json``) when that
PDF is current: same inputs, same tool, default options. Only a leaflet without one is
laid out in memory, so a listing after a build imports no part of the layout
(ReportLab, HarfBuzz, ICU) and takes a tenth of the time.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..build.batch import Job, current_entry
from ..build.manifest import load_manifest, manifest_path
from ..build.options import Options
from ..content.inline import plain_text
from ..content.loader import load_leaflet
from ..content.model import Leaflet
from ..project import Project


@dataclass(frozen=True)
class Summary:
    id: str
    title: str
    version: str
    review: str
    pages: int


def summarise(root: Path) -> list[Summary]:
    project = Project.at(root)
    out_dir = project.root / "build"  # where `msc-leaflet build` writes by default
    manifest = load_manifest(manifest_path(out_dir))
    rows = []
    for leaflet_id in project.leaflet_ids():
        leaflet, _ = load_leaflet(project.leaflet_path(leaflet_id), project)
        job = Job(leaflet.id, leaflet.language)
        entry = current_entry(project, job, manifest, out_dir, Options())
        rows.append(
            Summary(
                leaflet.id,
                plain_text(leaflet.title.value),
                leaflet.document.version,
                leaflet.document.next_review.isoformat(),
                entry.pages if entry else laid_out_pages(project, leaflet),
            )
        )
    return rows


def laid_out_pages(project: Project, leaflet: Leaflet) -> int:
    """Pages of ``leaflet`` in its own language, laid out in memory as a build would."""
    from ..build.build import project_theme
    from ..i18n import format_date, ui_labels
    from ..layout import Localised, layout_leaflet

    labels = ui_labels(leaflet.language, project)
    theme = project_theme(project, Options().spec)
    return layout_leaflet([Localised(leaflet, labels)], theme, format_date, tagged=False).pages
