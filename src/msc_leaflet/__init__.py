"""msc-leaflet: multilingual, print-ready patient leaflets from YAML and gettext catalogs.

The Python API; ``msc-leaflet`` (`msc_leaflet.cli`) is a thin layer over it::

    from pathlib import Path
    import msc_leaflet

    project = msc_leaflet.Project.at(Path("."))
    result = msc_leaflet.build_leaflet(project, "infusion-safety", "th", Path("build"))
    print(result.path, result.pages, [str(f) for f in result.findings])

    report = msc_leaflet.run_batch(project, out_dir=Path("build"), jobs=2)  # incremental

    # For the printer: one Options value says how, for one output or a whole batch.
    spec = msc_leaflet.PrintSpec(colour="cmyk", crop_marks=True)
    options = msc_leaflet.Options(strict=True, spec=spec)  # refuses check errors
    msc_leaflet.build_leaflet(project, "infusion-safety", "th", Path("print"),
                              edition="parallel", options=options)

``Project``
    A project folder: ``leaflets/``, ``locales/``, ``organisations/``.
``load_leaflet(path, project)`` → ``(Leaflet, findings)``
    Read and validate one leaflet YAML file into the typed model.
``localize(leaflet, locale, project)`` → ``(Leaflet, findings)``
    The leaflet in a locale, from the project's gettext catalogs.
``run_checks(project, leaflet_ids, locales)`` → findings
    The content safety checks (``msc-leaflet check``).
``build_leaflet(project, leaflet_id, locale, out_dir, edition=..., options=...)``
    → ``BuildResult``: one PDF, an edition in a locale.
``run_batch(project, leaflet_ids, locales, out_dir, editions=..., options=..., jobs=...)``
    → ``BatchReport``: every requested output that is out of date (``msc-leaflet build``).
``Options(allow_fuzzy=..., strict=..., spec=PrintSpec(...))``
    How outputs are built, the same value for one output or a batch; part of every
    output's fingerprint. Editions are named in ``msc_leaflet.print_spec.EDITIONS``.
``LeafletError``
    Raised for anything the author or the project got wrong, with its ``Location``
    (file, line, column) and a hint. Warnings come back as ``Finding`` values.

The package is the pipeline, one package per stage: `content` (YAML → `Leaflet`) →
`i18n` (leaflet × catalog → localised leaflet) → `typeset` (script-aware text) →
`layout` (flowables and pages → PDF bytes, styled by `theme`) → `finishing`
(imposition, previews); `build` drives it for one output or many, `checks` judges
the content, `files` writes everything atomically. ``docs/architecture.md`` maps each
step to its module.

Importing this package is cheap: each name is imported on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .deferred_modules import defer_modules
from .deferred_patterns import defer_patterns
from .lazy import lazy_exports
from .reportlab_defaults import install as reportlab_defaults

defer_patterns()  # before anything imports ReportLab, PyYAML or pikepdf: 50 ms of a cold build
defer_modules()  # Pillow's image module, which ReportLab imports: 13 ms more
reportlab_defaults()  # ReportLab's own settings, not the machine's: the same bytes everywhere

# Read by hatchling ([tool.hatch.version]): keep it a literal string.
__version__ = "0.1.0"

if TYPE_CHECKING:
    from .build.batch import BatchReport, run_batch
    from .build.build import BuildResult, build_leaflet
    from .build.options import Options
    from .checks.runner import run_checks
    from .content.loader import load_leaflet
    from .content.model import Leaflet
    from .errors import Finding, LeafletError, Location
    from .i18n.localizer import localize
    from .print_spec import PrintSpec
    from .project import Project

# Imported on first use, so `msc-leaflet --help` (which imports this package) loads
# neither ReportLab nor Babel.
__getattr__ = lazy_exports(
    __name__,
    globals(),
    {
        "BatchReport": ".build.batch",
        "Options": ".build.options",
        "run_batch": ".build.batch",
        "BuildResult": ".build.build",
        "build_leaflet": ".build.build",
        "run_checks": ".checks.runner",
        "load_leaflet": ".content.loader",
        "Leaflet": ".content.model",
        "Finding": ".errors",
        "LeafletError": ".errors",
        "Location": ".errors",
        "localize": ".i18n.localizer",
        "PrintSpec": ".print_spec",
        "Project": ".project",
    },
)

__all__ = [
    "BatchReport",
    "BuildResult",
    "Finding",
    "Leaflet",
    "LeafletError",
    "Location",
    "Options",
    "PrintSpec",
    "Project",
    "__version__",
    "build_leaflet",
    "load_leaflet",
    "localize",
    "run_batch",
    "run_checks",
]
