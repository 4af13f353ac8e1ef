"""Round 4 of the hardening hunt (docs/hardening.md, "Commands at scale, options out of
their context, the environment"): an option alone, a second spelling of a locale, the
manifest written by `manifest merge`, a native library that cannot load."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from msc_leaflet.cli.app import app


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("flip", ["short-edge", "long-edge", "sideways"])
def test_a_duplex_flip_without_a_booklet_is_refused_naming_the_option_it_needs(
    make_project: Callable[..., Path], tmp_path: Path, flip: str
) -> None:
    # It was ignored without a word: a print shop believed its long-edge flip applied.
    root = make_project()
    out = tmp_path / "out"
    code, _, err = invoke("build", "--duplex", flip, "-p", str(root), "-o", str(out))
    assert code == 2 and "--duplex" in err and "--imposition booklet" in err, err
    assert not out.exists()
    # It follows --pdfx's wording: the option, then the one that gives it meaning.
    code, _, err = invoke("build", "--pdfx", "-p", str(root), "-o", str(out))
    assert code == 2 and "--colour cmyk" in err


def test_a_duplex_flip_with_a_booklet_still_builds(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_project()
    args = ["build", "--dry-run", "-p", str(root), "-o", str(tmp_path / "out")]
    code, out, err = invoke(*args, "--imposition", "booklet", "--duplex", "long-edge")
    assert code == 0 and "booklet" in out, (out, err)
