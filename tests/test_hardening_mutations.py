"""The error contract, checked systematically: every input file of a project mutated
(`mutation_support`), and the commands a user runs judged against docs/hardening.md.
A deterministic slice runs always; every mutant with ``MSC_LEAFLET_SLOW=1``. The tests
after it hold each class of defect the sweep found."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import leaflet_yaml
from msc_leaflet.cli.app import app

runner = CliRunner()
GOOD = leaflet_yaml("- paragraph: Hello.\n", references="")


def run(root: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, [*args, "--project", str(root)])
    output = result.stdout + (result.stderr or "")
    assert "Traceback" not in output
    return result.exit_code, output


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("!!binary aGVsbG8=", "!!binary"),
        ("!!python/object/apply:os.system [echo]", "!!python/object/apply:os.system"),
        ("!!set {a: null}", "!!set"),
        ("!clinic Hello", "!clinic"),
    ],
)
def test_a_yaml_tag_is_refused_at_its_line(
    make_project: Callable[..., Path], value: str, shown: str
) -> None:
    # `title: !!binary aGVsbG8=` built a leaflet titled "aGVsbG8=": the tag was dropped
    # without a word, and the author believed YAML had decoded it.
    root = make_project({"sample": GOOD.replace("title: A sample leaflet", f"title: {value}")})
    for command in (("check",), ("build", "-o", str(root / "out"))):
        code, output = run(root, *command)
        assert code == 1, output
        assert "leaflets/sample.yaml:4:8: " in output
        assert f"YAML tag '{shown}'" in output
    assert not (root / "out").exists() or not list((root / "out").rglob("*.pdf"))
