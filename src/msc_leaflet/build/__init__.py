"""Building: run the pipeline for one output, or for a whole library incrementally.

`build` makes one output (leaflet × locale × edition): load → localise → lay out →
write. `batch` makes many: it plans what is out of date (`fingerprint` hashes every
input of an output; `manifest` records what was built from which inputs) and runs the
jobs on a process pool. Both build as one `Options` value says (`options`: fuzzy
translations, strict, the print options of a `PrintSpec`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_exports

if TYPE_CHECKING:
    from .batch import BatchReport, run_batch
    from .build import BuildResult, build_leaflet
    from .options import Options

# Imported on first use: planning a no-op batch build must not load ReportLab, which
# `build` imports at the top.
__getattr__ = lazy_exports(
    __name__,
    globals(),
    {
        "BatchReport": ".batch",
        "Options": ".options",
        "run_batch": ".batch",
        "BuildResult": ".build",
        "build_leaflet": ".build",
    },
)

__all__ = ["BatchReport", "BuildResult", "Options", "build_leaflet", "run_batch"]
