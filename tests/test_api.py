"""The public Python API (`msc_leaflet.__init__`): every name resolves, and importing
the package or the command line stays cheap."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import msc_leaflet

HEAVY = ("reportlab", "babel", "uharfbuzz", "icu4py", "yaml", "pypdf", "pypdfium2", "PIL")


@pytest.mark.parametrize("name", [n for n in msc_leaflet.__all__ if n != "__version__"])
def test_every_public_name_resolves_and_is_documented(name: str) -> None:
    assert getattr(msc_leaflet, name) is not None
    assert re.search(rf"\b{name}\b", msc_leaflet.__doc__ or ""), f"{name} is not in the docstring"


def test_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = msc_leaflet.nope  # type: ignore[attr-defined]


@pytest.mark.parametrize("module", ["msc_leaflet", "msc_leaflet.cli.app"])
def test_import_loads_no_pipeline_dependency(module: str) -> None:
    # `msc-leaflet --help` imports both; the pipeline's libraries wait for a command.
    code = f"import sys, {module}; print(' '.join(sorted(sys.modules)))"
    loaded = set(subprocess.check_output([sys.executable, "-c", code], text=True).split())
    assert not {m for m in loaded if m.split(".")[0] in HEAVY}


def test_build_through_the_public_api(make_project: Callable[..., Path], tmp_path: Path) -> None:
    project = msc_leaflet.Project.at(make_project())
    result = msc_leaflet.build_leaflet(project, "sample", None, tmp_path / "out")
    assert result.path.is_file() and result.pages >= 1
    for expected in ("built", "skipped"):  # run_batch records a manifest; build_leaflet does not
        report = msc_leaflet.run_batch(project, out_dir=tmp_path / "batch")
        assert [outcome.status for outcome in report.outcomes] == [expected]
