"""What the batch tests share: a project of two short leaflets, and what a batch did
to each output."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import leaflet_yaml

SHORT = "- paragraph: Short text [@alpha2001].\n"


def two_leaflets(make_project: Callable[..., Path]) -> Path:
    """A project of the leaflets "one" and "two", a short paragraph each."""
    return make_project(
        {
            "one": leaflet_yaml(SHORT, leaflet_id="one"),
            "two": leaflet_yaml(SHORT.replace("Short", "Other"), leaflet_id="two"),
        }
    )


def statuses(report: object) -> dict[str, str]:
    """Each output of a batch ``report`` and what became of it (built, skipped, …)."""
    return {o.job.output: o.status for o in report.outcomes}  # type: ignore[attr-defined]
