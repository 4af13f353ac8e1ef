"""`pybabel extract` with the repository's mapping.cfg, from the root or from leaflets/ (#19).

With only ``[msc_leaflet: leaflets/*.yaml]``, ``pybabel extract -F mapping.cfg leaflets/``
exited 0 with an empty template: Babel matches patterns relative to the folder given.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

from i18n_support import ROOT, copy_bundled
from msc_leaflet.i18n.extract import project_templates
from msc_leaflet.project import Project


def pybabel_keys(cwd: Path, *args: str) -> set[tuple[str | None, str]]:
    out = cwd / "out.pot"
    here = Path.cwd()
    os.chdir(cwd)
    try:
        CommandLineInterface().run(["pybabel", "-q", "extract", *args, "-o", str(out)])  # type: ignore[no-untyped-call]
    finally:
        os.chdir(here)
    with out.open("rb") as handle:
        return {(m.context, str(m.id)) for m in read_po(handle) if m.id}


@pytest.fixture
def bundled(tmp_path: Path) -> Path:
    root = copy_bundled(tmp_path)
    shutil.copy(ROOT / "mapping.cfg", root)
    return root


def test_mapping_works_from_the_root_and_from_leaflets(bundled: Path) -> None:
    templates = project_templates(Project.at(bundled))
    ours = {key for domain, t in templates.items() if domain != "ui" for key in t.lookup()}
    assert pybabel_keys(bundled, "-F", "mapping.cfg", ".") == ours
    assert pybabel_keys(bundled, "-F", "mapping.cfg", "leaflets/") == ours
    assert pybabel_keys(bundled / "leaflets", "-F", "../mapping.cfg", ".") == ours
    one = pybabel_keys(bundled, "-F", "mapping.cfg", "leaflets/infusion-safety.yaml")
    assert one == set(templates["infusion-safety"].lookup())
