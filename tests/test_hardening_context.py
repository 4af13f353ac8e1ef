"""Input out of its context (docs/hardening.md, "Commands at scale, options out of
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


#: What the dynamic loader said under `ulimit -v 100000`, and for a library gone.
NO_MEMORY = "libicuuc-55b0ea0a.so.78.3: failed to map segment from shared object"
GONE = "libharfbuzz.so.0: cannot open shared object file: No such file or directory"


@pytest.mark.parametrize(
    ("raised", "said", "hint"),
    [
        (ImportError(NO_MEMORY), "error: out of memory: a library", "raise the memory limit"),
        (MemoryError(), "error: out of memory: making this PDF needed", "(-j 1)"),
        (ImportError(GONE), "error: the install is broken: a library", "README's command"),
    ],
    ids=["loader-out-of-memory", "memory-error", "library-gone"],
)
def test_a_library_that_cannot_load_in_a_build_is_one_line_not_internal_error(
    make_project: Callable[..., Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    raised: BaseException,
    said: str,
    hint: str,
) -> None:
    # Under ~100 MB ICU could not be mapped: `internal error: ImportError: …`.
    from msc_leaflet.build import batch

    def cannot_load(*args: object, **kwargs: object) -> None:
        raise raised

    monkeypatch.setattr(batch, "_build_once", cannot_load)
    out = tmp_path / "o"
    code, stdout, err = invoke(
        "build", "-j1", "-l", "en", "-p", str(make_project()), "-o", str(out)
    )
    shown = stdout + err
    assert code == 1 and "internal error" not in shown and "Traceback" not in shown, shown
    assert f"en/sample.pdf: {said}" in shown and hint in shown
    assert not (out / "en" / "sample.pdf").exists()


@pytest.mark.parametrize(
    ("raised", "said", "hint"),
    [
        (ImportError(NO_MEMORY), "out of memory: a library this command needs", "memory limit"),
        (MemoryError(), "out of memory: this command needed more memory", "memory limit"),
        (ImportError(GONE), "the install is broken: a library this command needs", "reinstall"),
    ],
    ids=["loader-out-of-memory", "memory-error", "library-gone"],
)
def test_a_library_that_cannot_load_in_any_command_is_one_line(
    make_project: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    raised: BaseException,
    said: str,
    hint: str,
) -> None:
    from msc_leaflet.cli import list as list_module

    def cannot_load(*args: object, **kwargs: object) -> None:
        raise raised

    monkeypatch.setattr(list_module, "summarise", cannot_load)
    code, _, err = invoke("list", "-p", str(make_project()))
    assert code == 1 and "internal error" not in err and "Traceback" not in err, err
    [message, hint_line] = err.splitlines()
    assert message.startswith("msc-leaflet: error: ") and said in message, err
    assert hint_line.startswith("  hint: ") and hint in hint_line, err


def test_starting_a_variant_of_a_started_language_says_it_builds_twice(tmp_path: Path) -> None:
    # `i18n init th-TH` beside `th` started a second Thai locale without a word: every
    # leaflet was then built into build/th/ and build/th_TH/.
    from i18n_support import copy_bundled

    root = copy_bundled(tmp_path)
    code, _, err = invoke("i18n", "init", "th-TH", "-q", "-p", str(root))
    assert code == 0, err
    assert "locales/th_TH: warning: th_TH is a second locale beside th (locales/th)" in err
    assert "hint: if you meant th, delete locales/th_TH and translate in locales/th" in err
    # A language of its own, or ui.po alone beside it (nothing is built twice): no word.
    for lang in ("ko", "ar_EG"):
        code, _, err = invoke("i18n", "init", lang, "-q", "-p", str(root))
        assert code == 0 and "warning" not in err, (lang, err)


@pytest.mark.parametrize(
    ("existing", "typed"),
    [
        ("zh_TW", "zh_Hant_TW"),
        ("zh_Hant_TW", "zh_TW"),
        ("zh_HK", "zh_Hant_HK"),
        ("zh_Hans_CN", "zh-CN"),
        ("pt-BR", "pt_BR"),
        ("zh-Hans-SG", "zh_SG"),
    ],
)
def test_starting_a_locale_by_another_name_of_it_starts_no_second_folder(
    tmp_path: Path, existing: str, typed: str
) -> None:
    # `i18n init zh_Hant_TW` beside locales/zh_TW made a second folder for one locale (the
    # region implies the script), and every leaflet was then built twice.
    from i18n_support import copy_bundled

    root = copy_bundled(tmp_path)
    (root / "locales" / "th").rename(root / "locales" / existing)
    code, out, err = invoke("i18n", "init", typed, "-p", str(root))
    assert code == 0, err
    folders = sorted(p.name for p in (root / "locales").iterdir() if p.is_dir())
    assert existing in folders and typed not in folders, folders
    said = [line for line in out.splitlines() if "is started already, in " in line]
    assert said and said[0].endswith(f"locales/{existing}"), out
    code, out, err = invoke("i18n", "stats", "-p", str(root))
    assert code == 0 and "error" not in err, err


def test_two_folders_for_one_locale_are_named_with_what_to_do(tmp_path: Path) -> None:
    # Made by hand or by an older version: zh_TW and zh_Hant_TW are one locale, built twice.
    from i18n_support import copy_bundled

    root = copy_bundled(tmp_path)
    (root / "locales" / "th").rename(root / "locales" / "zh_TW")
    code, _, err = invoke("i18n", "init", "zh_Hant", "-q", "-p", str(root))
    (root / "locales" / "zh_Hant").rename(root / "locales" / "zh_Hant_TW")
    code, _, err = invoke("i18n", "stats", "-p", str(root))
    assert code == 1, err
    assert "locales/zh_TW/ holds zh_Hant_TW catalogs, as locales/zh_Hant_TW/ does" in err, err
    assert "and remove locales/zh_TW/" in err, err


def test_a_build_with_only_a_variant_s_catalogs_points_at_them(tmp_path: Path) -> None:
    # `build -l th` with only locales/th-TH printed English, its warning saying to start
    # th from nothing, with no word of the Thai translation beside it.
    from i18n_support import copy_bundled

    root = copy_bundled(tmp_path)
    (root / "locales" / "th").rename(root / "locales" / "th-TH")
    args = ["build", "stromal-or-stem", "-l", "th", "--dry-run", "-p", str(root)]
    code, out, err = invoke(*args)
    shown = out + err
    assert code == 0, shown
    assert "no th catalog for leaflet 'stromal-or-stem'" in shown
    assert "hint: locales/th-TH holds stromal-or-stem.po for th_TH, a variant of th:" in shown
    assert "build it with `-l th_TH`" in shown and "rename the folder to locales/th" in shown
    assert "i18n init th`" not in shown  # which would start a second, empty Thai


def test_a_review_note_without_a_sign_off_is_refused_not_dropped(tmp_path: Path) -> None:
    # `i18n review … --note "checked doses"` without --by and --role showed the changes
    # and dropped the note without a word: the reviewer believed it was kept.
    from i18n_support import copy_bundled

    root = copy_bundled(tmp_path)
    before = sorted(p.name for p in (root / "locales" / "th").iterdir())
    args = ["i18n", "review", "infusion-safety", "-l", "th", "-p", str(root)]
    code, _, err = invoke(*args, "--note", "checked the doses")
    assert code == 2 and "--note" in err and "--by and --role" in err, err
    assert sorted(p.name for p in (root / "locales" / "th").iterdir()) == before
    assert invoke(*args)[0] == 0  # review alone still shows what changed


@pytest.mark.parametrize(
    ("raised", "said", "hint"),
    [
        (f"ImportError({NO_MEMORY!r})", "out of memory: a library this command needs", "memory"),
        (f"ImportError({GONE!r})", "the install is broken: a library this command", "reinstall"),
        ("MemoryError()", "out of memory: this command needed more memory", "memory limit"),
    ],
    ids=["loader-out-of-memory", "library-gone", "memory-error"],
)
def test_a_library_that_cannot_load_while_the_command_starts_is_one_line(
    make_project: Callable[..., Path], tmp_path: Path, raised: str, said: str, hint: str
) -> None:
    # Under ~30 MB Python's own unicodedata could not be mapped while the command's
    # modules loaded, before any command runs: a traceback through the import machinery.
    import os
    import subprocess
    import sys

    shadow = tmp_path / "shadow" / "typer"  # the command's first import of a dependency
    shadow.mkdir(parents=True)
    (shadow / "__init__.py").write_text(f"raise {raised}\n", encoding="utf-8")
    src = str(Path(__file__).resolve().parents[1] / "src")
    done = subprocess.run(
        [sys.executable, "-m", "msc_leaflet", "list", "-p", str(make_project())],
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(shadow.parent), src])},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode != 0 and "Traceback" not in done.stderr, done.stderr
    [message, hint_line] = done.stderr.splitlines()
    assert message.startswith("msc-leaflet: error: ") and said in message, done.stderr
    assert hint_line.startswith("  hint: ") and hint in hint_line, done.stderr
