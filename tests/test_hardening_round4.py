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


def test_manifest_merge_writes_under_the_lock_builds_record_under(
    make_project: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # It wrote without it: a build finishing into the same folder meanwhile lost its
    # records to the merge, or the merge its to the build, with no word.
    fcntl = pytest.importorskip("fcntl")
    from msc_leaflet.build import manifest as manifest_module

    root = make_project()
    shard, out = tmp_path / "shard", tmp_path / "build"
    assert invoke("build", "-l", "en", "-p", str(root), "-o", str(shard))[0] == 0
    target = out / "manifest.json"
    held_while_writing: list[bool] = []
    real_save = manifest_module.save_manifest

    def save_and_look(path: Path, manifest: manifest_module.Manifest) -> None:
        # Another process's try at the build's lock, at the instant the merge writes.
        with open(path.with_name(f".{path.name}.lock"), "a+") as other:
            try:
                fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                held_while_writing.append(True)
            else:
                held_while_writing.append(False)
        real_save(path, manifest)

    monkeypatch.setattr(manifest_module, "save_manifest", save_and_look)
    code, out_text, err = invoke(
        "manifest", "merge", str(shard / "manifest.json"), "-o", str(target)
    )
    assert code == 0 and "merged 1 outputs" in out_text, (out_text, err)
    assert held_while_writing == [True]
    assert "en/sample.pdf" in target.read_text(encoding="utf-8")
