"""`msc-leaflet new`: a valid leaflet to start from, never written over an existing one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .data import data_path
from .errors import LeafletError, Location
from .output import write_atomic
from .project import Project, check_slug


def new_leaflet(project: Project, leaflet_id: str, today: dt.date | None = None) -> Path:
    path = project.leaflets_dir / f"{leaflet_id}.yaml"
    check_slug(leaflet_id, "leaflet id", Location(path))
    if path.exists():
        raise LeafletError(
            Location(path), f"leaflet '{leaflet_id}' already exists", "choose another id"
        )
    today = today or dt.date.today()
    organisations = sorted(p.stem for p in project.organisations_dir.glob("*.yaml"))
    template = data_path("leaflet-template.yaml").read_text("utf-8")
    text = template.format(
        id=leaflet_id,
        today=today.isoformat(),
        next_year=today.replace(year=today.year + 1).isoformat(),
        organisation=organisations[0] if organisations else "my-organisation",
    )
    try:
        written = write_atomic(path, text.encode("utf-8"), overwrite=False)
    except FileExistsError:
        written = False
    if not written:  # appeared since the check above
        raise LeafletError(Location(path), f"leaflet '{leaflet_id}' already exists")
    return path
