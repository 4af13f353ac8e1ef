"""Hardening round 2, what the tool reads: links out of the project, files that are no
files, images by decoded memory, SOURCE_DATE_EPOCH, locale codes and header-less catalogs.

Every case is a user's (or an outsider's) file or setting: one line naming it, exit 1,
nothing written, nothing of a foreign file echoed.
"""

from __future__ import annotations

import errno
import importlib.util
import io
import os
import re
import shutil
import struct
import subprocess
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from typer.testing import CliRunner

from conftest import leaflet_yaml
from msc_leaflet.build import hash_cache
from msc_leaflet.cli.app import app
from msc_leaflet.content.loader import MAX_IMAGE_BYTES
from msc_leaflet.errors import LeafletError
from msc_leaflet.files import write_atomic
from msc_leaflet.project import locale_name
from msc_leaflet.typeset.instances import instance_path

runner = CliRunner()
SECRET = "root:x:0:0:a secret line that must never be echoed"
PO = Path("locales", "th", "LC_MESSAGES", "care-basics.po")


def invoke(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = runner.invoke(app, list(args), env=env)
    return result.exit_code, result.stdout + result.stderr


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A file outside every project, as /etc/passwd would be."""
    path = tmp_path / "outside.txt"
    path.write_text(SECRET + "\n")
    return path


def link(path: Path, target: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    path.symlink_to(target)


# --- 5. a link out of the project is never read ----------------------------------------


@pytest.mark.parametrize(
    ("linked", "command"),
    [
        (PO, ["build", "-l", "th"]),
        (PO, ["i18n", "check"]),
        (Path("locales", "care-basics.pot"), ["i18n", "update"]),
        (Path("organisations", "test-clinic.yaml"), ["build", "-l", "en"]),
        (Path("locales", "th", "words.txt"), ["build", "-l", "th"]),
        (Path("locales", "glossary.yaml"), ["check"]),
        (Path("theme.yaml"), ["build", "-l", "en"]),
        (Path("msc-leaflet.toml"), ["check"]),
    ],
    ids=[
        "po-build",
        "po-check",
        "pot-update",
        "organisation",
        "words",
        "glossary",
        "theme",
        "toml",
    ],
)
def test_a_link_out_of_the_project_is_refused_and_never_echoed(
    i18n_project: Path, outside: Path, tmp_path: Path, linked: Path, command: list[str]
) -> None:
    link(i18n_project / linked, outside)
    before = outside.read_bytes()
    code, output = invoke(*command, "--project", str(i18n_project), *_out(command, tmp_path))
    assert code == 1, output
    assert "points outside the project" in output
    assert "root:x" not in output and "Traceback" not in output
    assert outside.read_bytes() == before
    assert not list((tmp_path / "out").rglob("*.pdf"))


def _out(command: list[str], tmp_path: Path) -> list[str]:
    return ["-o", str(tmp_path / "out")] if command[0] == "build" else []


def test_a_catalog_linked_inside_the_project_is_written_through_its_link(
    i18n_project: Path,
) -> None:
    """A team keeps one .po in a shared folder of the project and links it into
    LC_MESSAGES: update and review write the link's target (so what it shares is what
    is updated) and leave the link a link; compile puts the .mo where gettext looks for
    it, beside the link, not in the shared folder."""
    shared = i18n_project / "shared"
    shared.mkdir()
    for name in (PO, Path("locales", "care-basics.pot")):
        (i18n_project / name).rename(shared / name.name)
        (i18n_project / name).symlink_to(
            os.path.relpath(shared / name.name, (i18n_project / name).parent)
        )
    leaflet = i18n_project / "leaflets" / "care-basics.yaml"
    leaflet.write_text(leaflet.read_text().replace("keep it dry", "keep it clean and dry"))
    args = ["--project", str(i18n_project)]
    assert invoke("i18n", "update", *args)[0] == 0
    assert "clean and dry" in (shared / "care-basics.po").read_text()
    assert "clean and dry" in (shared / "care-basics.pot").read_text()
    assert (i18n_project / PO).is_symlink() and (
        i18n_project / "locales" / "care-basics.pot"
    ).is_symlink()
    code, output = invoke("i18n", "compile", *args)
    assert code == 0, output
    assert (i18n_project / PO).with_suffix(".mo").is_file() and not (
        shared / "care-basics.mo"
    ).exists()
    assert "LC_MESSAGES/care-basics.mo" in output


def test_a_locale_folder_linked_to_a_shared_one_is_written_through_its_link(
    i18n_project: Path, tmp_path: Path
) -> None:
    """locales/th as a link to the translation folder two projects share: update,
    compile and an XLIFF round trip write into the shared folder and leave the link a
    link, and read its catalogs as Thai (the folder the project names), not as the
    language of a folder called th-2026, as they were when named by their target."""
    shared = i18n_project / "shared" / "th-2026"
    shared.parent.mkdir()
    (i18n_project / "locales" / "th").rename(shared)
    (i18n_project / "locales" / "th").symlink_to(os.path.relpath(shared, i18n_project / "locales"))
    leaflet = i18n_project / "leaflets" / "care-basics.yaml"
    leaflet.write_text(leaflet.read_text().replace("keep it dry", "keep it clean and dry"))
    args = ["--project", str(i18n_project)]
    code, output = invoke("i18n", "update", *args)
    assert code == 0 and "th-2026" not in output, output
    assert "clean and dry" in (shared / "LC_MESSAGES" / "care-basics.po").read_text()
    for command in (["i18n", "compile"], ["i18n", "check"]):
        code, output = invoke(*command, *args)
        assert "th-2026" not in output and "internal error" not in output, output
    assert (shared / "LC_MESSAGES" / "care-basics.mo").is_file()
    xliff = tmp_path / "xliff"
    assert invoke("i18n", "export", "-l", "th", "-o", str(xliff), *args)[0] == 0
    code, output = invoke("i18n", "import", *map(str, sorted(xliff.glob("*.xlf"))), *args)
    assert code == 0, output
    assert (i18n_project / "locales" / "th").is_symlink()
    assert not (i18n_project / PO).is_symlink()  # a file in the shared folder, as it was


def test_a_catalog_that_is_not_a_catalog_is_not_echoed(i18n_project: Path) -> None:
    (i18n_project / PO).write_text(SECRET + "\n")
    code, output = invoke("i18n", "check", "--project", str(i18n_project))
    assert code == 1 and "care-basics.po:1: error:" in output
    assert "root:x" not in output


# --- 7. files that are no files, and the environment -----------------------------------


def test_a_folder_where_a_catalog_should_be_is_one_line(i18n_project: Path, tmp_path: Path) -> None:
    (i18n_project / PO).unlink()
    (i18n_project / PO).mkdir()
    out = tmp_path / "out"
    code, output = invoke("build", "-l", "th", "--project", str(i18n_project), "-o", str(out))
    assert code == 1 and "is not a regular file" in output
    assert "internal error" not in output and "Traceback" not in output


def test_a_fifo_where_a_catalog_should_be_does_not_hang(i18n_project: Path) -> None:
    (i18n_project / PO).unlink()
    os.mkfifo(i18n_project / PO)  # reading it would block forever
    code, output = invoke("i18n", "check", "--project", str(i18n_project))
    assert code == 1 and "is not a regular file" in output


@pytest.mark.parametrize("what", ["folder", "fifo", "dangling link"])
@pytest.mark.parametrize("command", ["build", "list", "check"])
def test_a_leaflet_file_that_is_no_file_says_what_stands_there(
    make_project: Callable[..., Path], tmp_path: Path, what: str, command: str
) -> None:
    # A folder named notes.yaml, a named pipe, or a link to a file since moved: each was
    # "no leaflet 'notes'", with the hint "known leaflets: notes, sample".
    root = make_project()
    path = root / "leaflets" / "notes.yaml"
    if what == "folder":
        path.mkdir()
    elif what == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("moved-away.yaml")
    args = [command, "--project", str(root)] + (["-o", str(tmp_path / "o")] * (command == "build"))
    code, output = invoke(*args)
    assert code == 1, output
    assert "no leaflet 'notes'" not in output and "internal error" not in output
    expected = "moved-away.yaml" if what == "dangling link" else "is not a regular file"
    assert expected in output and "notes.yaml" in output, output


@pytest.mark.parametrize("command", [["build"], ["build", "--dry-run"], ["manifest", "merge"]])
def test_a_manifest_that_is_a_named_pipe_does_not_hang(
    make_project: Callable[..., Path], tmp_path: Path, command: list[str]
) -> None:
    """``out/manifest.json`` as a FIFO: the build opened it to read the records of the
    outputs and waited for a writer for ever."""
    import subprocess
    import sys

    out = tmp_path / "o"
    out.mkdir()
    os.mkfifo(out / "manifest.json")
    args = (
        [*command, str(out / "manifest.json"), "-o", str(tmp_path / "merged.json")]
        if command[0] == "manifest"
        else [*command, "--project", str(make_project()), "-o", str(out)]
    )
    src = str(Path(__file__).resolve().parents[1] / "src")
    done = subprocess.run(
        [sys.executable, "-m", "msc_leaflet", *args], env={**os.environ, "PYTHONPATH": src},
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 1 and no_internal_error(done.stderr), done.stderr
    assert "manifest.json: error: is not a regular file" in done.stderr, done.stderr
    assert (out / "manifest.json").is_fifo()


@pytest.mark.parametrize("value", ["99999999999999999999", "abc", "-5", "1.5", "١٧٠٠"])
def test_a_bad_source_date_epoch_is_one_line(
    make_project: Callable[..., Path], tmp_path: Path, value: str
) -> None:
    root = make_project()
    code, output = invoke(
        "build", "--project", str(root), "-o", str(tmp_path / "o"), env={"SOURCE_DATE_EPOCH": value}
    )
    assert code == 1, output
    assert output.startswith("SOURCE_DATE_EPOCH: error:") and "is not a time" in output
    assert "internal error" not in output and not list((tmp_path / "o").rglob("*.pdf"))


# --- 6. images are bounded by decoded memory -------------------------------------------


def png(path: Path, width: int, height: int, bit_depth: int = 8) -> None:
    """An RGBA PNG of one colour: a few hundred kB on disk whatever its decoded size."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    sample = b"\x12\x34" if bit_depth == 16 else b"\x80"
    row = b"\x00" + sample * 4 * width
    packer = zlib.compressobj(9)
    data = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, bit_depth, 6, 0, 0, 0)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


def test_an_image_is_refused_by_its_decoded_size_not_its_file_size(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    # 6,000 × 6,000 16-bit RGBA: 36 MP (under the 40 MP limit), ~290 kB on disk,
    # 288 MB decoded; six uses of it once peaked at 2.2 GB.
    root = make_project({"sample": leaflet_yaml("- figure: images/big.png\n  alt: A test\n")})
    png(root / "images" / "big.png", 6000, 6000, 16)
    assert (root / "images" / "big.png").stat().st_size < 1_000_000
    code, output = invoke("build", "--project", str(root), "-o", str(tmp_path / "o"))
    assert code == 1
    assert "6,000 × 6,000 px, 288 MB once decoded" in output
    assert f"{MAX_IMAGE_BYTES / 1e6:.0f} MB" in output


def test_the_images_of_one_leaflet_are_bounded_together(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    figures = "".join(f"- figure: images/p{n}.png\n  alt: Picture {n}\n" for n in range(5))
    root = make_project({"sample": leaflet_yaml(figures)})
    for n in range(5):  # each 3,000 × 2,000 RGBA = 24 MB: fine alone, but see below
        png(root / "images" / f"p{n}.png", 3000, 2000)
    code, _ = invoke("build", "--project", str(root), "-o", str(tmp_path / "o"))
    assert code == 0  # 120 MB together is within the leaflet's budget
    for n in range(5, 12):  # 12 distinct images: 288 MB together
        png(root / "images" / f"p{n}.png", 3000, 2000)
    many = "".join(f"- figure: images/p{n}.png\n  alt: Picture {n}\n" for n in range(12))
    (root / "leaflets" / "sample.yaml").write_text(leaflet_yaml(many))
    code, output = invoke("build", "--project", str(root), "-o", str(tmp_path / "o"))
    assert code == 1 and "the images of this leaflet take more than 256 MB" in output


# --- 11. locale codes and catalogs without a header -------------------------------------


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("no", "reads as a yes/no value in YAML 1.1 tools"),
        ("off", "reads as a yes/no value in YAML 1.1 tools"),
        ("xx", "unknown locale 'xx': CLDR has no such language"),
    ],
)
def test_a_language_code_cldr_does_not_know_is_refused_with_what_was_meant(
    make_project: Callable[..., Path], tmp_path: Path, language: str, message: str
) -> None:
    text = leaflet_yaml("- paragraph: Hello.\n").replace("language: en", f"language: {language}")
    root = make_project({"sample": text})
    code, output = invoke("build", "--project", str(root), "-o", str(tmp_path / "o"))
    assert code == 1 and message in output and "sample.yaml:2:" in output


def test_a_locale_argument_cldr_does_not_know_is_refused(make_project: Callable[..., Path]) -> None:
    code, output = invoke("build", "-l", "zz", "--project", str(make_project()))
    assert code == 1 and "unknown locale 'zz'" in output


@pytest.mark.parametrize(
    ("typed", "name"),
    [("EN", "en"), ("zh-hans", "zh_Hans"), ("ZH_HANS", "zh_Hans"), ("pt-br", "pt_BR"),
     ("zh_Hans", "zh_Hans"), ("sr-latn-rs", "sr_Latn_RS"), ("e n", "e n")],
)  # fmt: skip
def test_every_spelling_of_a_locale_is_its_one_name(typed: str, name: str) -> None:
    assert locale_name(typed) == name


def test_every_spelling_of_a_locale_builds_one_output_from_its_catalog(
    i18n_project: Path, tmp_path: Path
) -> None:
    out = tmp_path / "o"
    args = ["--project", str(i18n_project), "-o", str(out)]
    code, output = invoke("build", "care-basics", "care-basics", "-l", "TH", "-l", "th", *args)
    assert code == 0 and "1 built" in output and "untranslated" not in output
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == ["th"]
    code, output = invoke("build", "-l", "Th", "--dry-run", *args)
    assert "up to date th/care-basics.pdf" in output


def test_a_catalog_without_a_header_is_not_used_silently(
    i18n_project: Path, tmp_path: Path
) -> None:
    path = i18n_project / PO
    text = path.read_text()
    body = text[text.index("\n\n") + 2 :]  # everything after the header entry
    path.write_text(body)
    code, output = invoke(
        "build", "-l", "th", "--project", str(i18n_project), "-o", str(tmp_path / "o")
    )
    assert "care-basics.po:1: warning: catalog has no header (no Language)" in output
    code, output = invoke("i18n", "check", "--project", str(i18n_project))
    assert code == 1 and "care-basics.po" in output


# --- 12. files and folders the user may not read or write -------------------------------
# Root ignores permission bits, so these tests make the file system refuse by raising
# the OSError it would raise: what is tested is the message, not the kernel.


def refuse(monkeypatch: pytest.MonkeyPatch, suffix: str, errno_: int = errno.EACCES) -> None:
    """Make reading any file whose name ends with ``suffix`` fail with ``errno_``."""
    read_bytes = Path.read_bytes

    def denied(path: Path) -> bytes:
        if path.name.endswith(suffix):
            raise OSError(errno_, os.strerror(errno_), str(path))
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", denied)


def no_internal_error(output: str) -> bool:
    return "internal error" not in output and "Error:" not in output and "Traceback" not in output


@pytest.mark.parametrize("target", ["a-file", os.devnull])
def test_an_output_folder_that_is_a_file_is_one_line_before_any_job(
    make_project: Callable[..., Path], tmp_path: Path, target: str
) -> None:
    out = tmp_path / target if target == "a-file" else Path(target)
    if target == "a-file":
        out.write_text("x")
    code, output = invoke("build", "--project", str(make_project()), "-o", str(out))
    assert code == 1 and no_internal_error(output)
    assert output.splitlines()[0] == f"{out}: error: the output folder is a file"
    assert "-o" in output and "FAILED" not in output  # refused before any job ran
    code, output = invoke("build", "--dry-run", "--project", str(make_project()), "-o", str(out))
    assert code == 1 and "the output folder is a file" in output


@pytest.mark.parametrize(("blocked", "out"), [("o/en", "o"), ("o/x", "o/x/y/z")])
def test_a_file_where_an_output_folder_must_be_is_named(
    make_project: Callable[..., Path], tmp_path: Path, blocked: str, out: str
) -> None:
    """The OS names the path it was asked for (the PDF, the deepest folder) with "File
    exists"; the user needs the name of the file to move."""
    (tmp_path / blocked).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / blocked).write_text("x")
    code, output = invoke(
        "build", "-l", "en", "--project", str(make_project()), "-o", str(tmp_path / out)
    )
    assert code == 1 and no_internal_error(output)
    assert f"{tmp_path / blocked}: error: is a file, where a folder must be" in output
    assert "exists" not in output and "hint: " in output


@pytest.mark.parametrize(
    ("out", "message"),
    [
        ("leaflets", "the output folder is in leaflets/"),
        ("locales", "the output folder is in locales/"),
        ("locales/th/LC_MESSAGES", "the output folder is in locales/"),
        ("organisations/print", "the output folder is in organisations/"),
        (".", "the output folder holds the project itself"),
        ("..", "the output folder holds the project itself"),
        ("linked", "the output folder is in locales/"),
    ],
    ids=["leaflets", "locales", "catalogs", "organisations", "project", "above", "link"],
)
@pytest.mark.parametrize("command", [["build"], ["build", "--dry-run"], ["preview", "care-basics"]])
def test_an_output_folder_among_the_sources_is_refused_before_any_write(
    i18n_project: Path, out: str, message: str, command: list[str]
) -> None:
    """`build -o leaflets` wrote en/, th/ and manifest.json among the leaflets, and
    `-o locales` a locales/en/ folder that looked like a language with catalogs; `-o .`
    put the sources into the folder a print shop is sent. Refused, whatever the folder
    is called (a link to locales/ too), and nothing is written."""
    (i18n_project / "linked").symlink_to(i18n_project / "locales")
    before = sorted(p.relative_to(i18n_project) for p in i18n_project.rglob("*"))
    where = str(i18n_project / out)
    code, output = invoke(*command, "-l", "th", "--project", str(i18n_project), "-o", where)
    assert code == 1 and no_internal_error(output), output
    assert "error: " + message in output and "hint: build into a folder of its own" in output
    assert sorted(p.relative_to(i18n_project) for p in i18n_project.rglob("*")) == before
    assert not list(i18n_project.parent.glob("th"))


def test_an_output_folder_beside_the_sources_is_built_into(
    i18n_project: Path, tmp_path: Path
) -> None:
    """Only the sources and the folders holding them are refused: a folder of the
    project's own beside them (print/, or one under build/) is built into."""
    for out in ("print", "build/th-proofs"):
        code, output = invoke(
            "build", "-l", "th", "-p", str(i18n_project), "-o", str(i18n_project / out)
        )
        assert code == 0, output
        assert (i18n_project / out / "th" / "care-basics.pdf").is_file()


def test_an_output_folder_the_user_may_not_write_is_one_line_before_any_job(
    make_project: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = os.open

    def refusing_open(path: str | os.PathLike[str], flags: int, *args: int) -> int:
        if str(path).endswith(".lock"):
            raise OSError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", refusing_open)
    out = tmp_path / "read-only"
    code, output = invoke("build", "--project", str(make_project()), "-o", str(out))
    assert code == 1 and no_internal_error(output) and "FAILED" not in output
    assert f"{out}: error: cannot write: permission denied" in output and "hint: " in output
    assert not list(out.rglob("*.pdf"))


def test_an_existing_output_the_user_may_not_read_is_one_line_and_stays(
    make_project: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, out = make_project(), tmp_path / "o"
    assert invoke("build", "--project", str(root), "-o", str(out))[0] == 0
    before = (out / "en" / "sample.pdf").read_bytes()
    refuse(monkeypatch, ".pdf")
    code, output = invoke("build", "--force", "--project", str(root), "-o", str(out))
    assert code == 1 and no_internal_error(output)
    assert "en/sample.pdf: error: cannot read: permission denied" in output
    monkeypatch.undo()
    assert (out / "en" / "sample.pdf").read_bytes() == before
    assert sorted(p.name for p in (out / "en").iterdir()) == ["sample.pdf"]  # no temp file


def test_a_manifest_the_user_may_not_read_is_refused_not_forgotten(
    make_project: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, out = make_project(), tmp_path / "o"
    assert invoke("build", "--project", str(root), "-o", str(out))[0] == 0
    before = (out / "manifest.json").read_bytes()
    refuse(monkeypatch, "manifest.json")
    code, output = invoke("build", "--force", "--project", str(root), "-o", str(out))
    assert code == 1 and no_internal_error(output) and "built" not in output
    assert "manifest.json: error: cannot read: permission denied" in output
    monkeypatch.undo()
    assert (out / "manifest.json").read_bytes() == before  # its records were not dropped


def test_a_template_the_user_may_not_read_stops_i18n_update_in_one_line(
    i18n_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    refuse(monkeypatch, "care-basics.pot")
    code, output = invoke("i18n", "update", "--project", str(i18n_project))
    assert code == 1 and no_internal_error(output)
    assert "care-basics.pot: error: cannot read: permission denied" in output


@pytest.mark.parametrize(
    ("errno_", "message"),
    [
        (errno.EACCES, "cannot write: permission denied"),
        (errno.ENOSPC, "cannot write: no space left on the disk"),
        (errno.EROFS, "cannot write: the file system is read-only"),
    ],
)
def test_a_write_the_file_system_refuses_names_the_file_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, errno_: int, message: str
) -> None:
    def full(fd: int) -> None:
        raise OSError(errno_, os.strerror(errno_))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(LeafletError) as caught:
        write_atomic(tmp_path / "out.pdf", b"data")
    assert caught.value.message == message and caught.value.hint
    assert caught.value.location.path == tmp_path / "out.pdf"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_write_atomic_never_replaces_a_special_file_or_a_folder(tmp_path: Path) -> None:
    """The rename would swap a pipe (or, as root, /dev/null) for a regular file."""
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    for target in (pipe, tmp_path, Path(".")):
        with pytest.raises(LeafletError):
            write_atomic(target, b"data")
    assert pipe.is_fifo()


# --- 8. links that loop, names too long for the file system -----------------------------


def _loop(path: Path) -> None:
    """``path`` as a link to itself: following it never ends (ELOOP)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() or path.is_symlink():
        path.unlink()
    path.symlink_to(path.name)


@pytest.mark.parametrize(
    ("looped", "command", "named"),
    [
        (Path("images", "loop.png"), ["check"], "leaflets/sample.yaml:"),
        (Path("images", "loop.png"), ["build"], "leaflets/sample.yaml:"),
        (Path("leaflets", "loop.yaml"), ["list"], "leaflets/loop.yaml"),
        (Path("leaflets", "loop.yaml"), ["i18n", "extract"], "leaflets/loop.yaml"),
        (Path("organisations", "test-clinic.yaml"), ["check"], "test-clinic.yaml"),
        (Path("theme.yaml"), ["build"], "theme.yaml"),
        (Path("theme.yaml"), ["check"], "theme.yaml"),
    ],
    ids=["image-check", "image-build", "leaflet-list", "leaflet-extract", "organisation",
         "theme-build", "theme-check"],
)  # fmt: skip
def test_a_link_that_loops_is_one_line_naming_it(
    make_project: Callable[..., Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    looped: Path,
    command: list[str],
    named: str,
) -> None:
    """Python's Path.resolve raises RuntimeError("Symlink loop") (before 3.13) and the
    error's own path was shown through it: an internal error, or a traceback while the
    message naming the file was being printed."""
    figure = "- figure: images/loop.png\n  alt: A test\n" if looped.suffix == ".png" else ""
    root = make_project({"sample": leaflet_yaml(figure + "- paragraph: Text.\n")})
    _loop(root / looped)
    monkeypatch.chdir(root)
    out = ["-o", str(tmp_path / "o")] if command[0] == "build" else []
    code, output = invoke(*command, *out)
    assert code == 1, output
    assert no_internal_error(output) and "RuntimeError" not in output
    assert named in output and "a loop of links" in output
    assert not list((tmp_path / "o").rglob("*.pdf"))


def test_a_project_folder_that_loops_is_one_line(tmp_path: Path) -> None:
    _loop(tmp_path / "p")
    code, output = invoke("list", "--project", str(tmp_path / "p"))
    assert code == 1 and no_internal_error(output) and "a loop of links" in output


@pytest.mark.parametrize("where", ["figure", "project", "out"])
def test_a_name_too_long_for_the_file_system_is_one_line(
    make_project: Callable[..., Path], tmp_path: Path, where: str
) -> None:
    """ENAMETOOLONG from Path.is_file (which swallows only "no such file"-like errors)
    was an internal error."""
    long = "a" * 5000
    root = make_project({"sample": leaflet_yaml(f"- figure: {long}.png\n  alt: A test\n")})
    args = {
        "figure": ["check", "--project", str(root)],
        "project": ["list", "--project", str(tmp_path / long)],
        "out": ["build", "--project", str(root), "-o", str(tmp_path / long)],
    }[where]
    code, output = invoke(*args)
    assert code == 1, output
    assert no_internal_error(output) and "too long" in output
    assert "chmod" not in output  # the usual remedy of an unreadable file is no remedy here


@pytest.mark.parametrize("damage", ["truncated", "garbled"])
@pytest.mark.parametrize("command", ["check", "build"])
def test_an_image_whose_pixels_are_damaged_is_refused_at_its_line(
    make_project: Callable[..., Path], tmp_path: Path, damage: str, command: str
) -> None:
    """The header was read, the pixels only when ReportLab drew them: a PNG cut short
    by a download, or with damaged pixel data, passed `check` and failed the build as
    "internal error: OSError: identity=[ImageReader@0x…]"."""
    root = make_project({"sample": leaflet_yaml("- figure: images/cut.png\n  alt: A test\n")})
    png(root / "images" / "cut.png", 300, 300)
    data = (root / "images" / "cut.png").read_bytes()
    if damage == "truncated":
        data = data[: len(data) // 2]
    else:  # the same length, the compressed pixels overwritten
        data = data[:60] + bytes(range(256)) * 2 + data[60 + 512 :]
    (root / "images" / "cut.png").write_bytes(data)
    out = ["-o", str(tmp_path / "o")] if command == "build" else []
    code, output = invoke(command, "--project", str(root), *out)
    assert code == 1, output
    assert no_internal_error(output) and "ImageReader" not in output
    assert "sample.yaml:17:13:" in output and "not a readable image: cut.png" in output
    assert not list((tmp_path / "o").rglob("*.pdf"))


# --- the user's cache folder is a convenience, never a requirement ------------------------


def no_home(monkeypatch: pytest.MonkeyPatch, xdg: str | None = None) -> None:
    """A user with no home folder: HOME unset and no entry in the password database, as
    a container run under an arbitrary uid (OpenShift, ``docker run --user``) is."""

    def homeless(cls: type[Path]) -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv("HOME", raising=False)
    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    monkeypatch.setattr(Path, "home", classmethod(homeless))
    monkeypatch.setattr(hash_cache, "_loaded", None)  # read the store again, as a new process


def khmer_bold() -> tuple[Path, tuple[tuple[str, float], ...]]:
    """The variable Khmer font and the weight a Khmer heading needs made from it."""
    spec = importlib.util.find_spec("fontpkg_noto_sans_khmer")
    assert spec is not None and spec.origin is not None
    folder = Path(spec.origin).parent / "files"
    return next(folder.glob("NotoSansKhmer*.ttf")), (("wght", 600.0),)


def test_a_user_without_a_home_folder_can_build(
    make_project: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    no_home(monkeypatch)
    code, output = invoke("build", "-l", "en", "-j", "1", "--project", str(make_project()),
                          "-o", str(tmp_path / "o"))  # fmt: skip
    assert code == 0 and no_internal_error(output), output
    assert (tmp_path / "o" / "en" / "sample.pdf").is_file()


@pytest.mark.parametrize("xdg", [None, "relative-cache"])
def test_a_font_weight_is_made_without_a_home_folder_and_never_in_the_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, xdg: str | None
) -> None:
    """The XDG spec says a relative XDG_CACHE_HOME is to be ignored: it would put the
    cache in whatever folder the command runs in (the project, under git)."""
    monkeypatch.chdir(tmp_path)
    no_home(monkeypatch, xdg)
    made = instance_path(*khmer_bold())
    assert made.is_file() and made.is_absolute() and not made.is_relative_to(tmp_path)
    assert TTFont(made)["OS/2"].usWeightClass == 600
    assert list(tmp_path.iterdir()) == []


def test_a_font_weight_made_by_another_fonttools_is_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A weight kept in the cache from before a fontTools upgrade was used for ever: that
    machine's PDFs then differed from those of a machine with an empty cache, from the
    same inputs and the same installed packages."""
    import fontTools

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    made = instance_path(*khmer_bold())
    assert instance_path(*khmer_bold()) == made  # kept, not made at every use
    monkeypatch.setattr(fontTools, "version", "0.0.1")
    again = instance_path(*khmer_bold())
    assert again != made and again.is_file()


def test_a_font_weight_has_the_same_bytes_whenever_it_is_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """fontTools stamps a font it saves with the time (or SOURCE_DATE_EPOCH): a Khmer,
    Arabic or Hindi PDF then depended on when the machine's cache was filled, and
    two machines built different bytes from the same inputs."""
    made = []
    for when in ("1700000000", ""):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", when)
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / f"cache-{when or 'now'}"))
        made.append(instance_path(*khmer_bold()).read_bytes())
    assert made[0] == made[1]


def test_a_cache_folder_the_user_may_not_write_is_not_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only home, or a cache folder left by another user: the font is made in a
    folder of this process instead, and nothing is left in the cache folder."""
    cache = tmp_path / "cache"
    (cache / "msc-leaflet" / "fonts").mkdir(parents=True)
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    real_open = os.open

    def refusing_open(path: str | os.PathLike[str], flags: int, *args: int) -> int:
        if flags & os.O_CREAT and Path(path).is_relative_to(cache):
            raise OSError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", refusing_open)
    made = instance_path(*khmer_bold())
    assert made.is_file() and not made.is_relative_to(cache)
    assert list((cache / "msc-leaflet" / "fonts").iterdir()) == []


# --- a phone photo prints the way up every viewer shows it ------------------------------


def phone_photo(path: Path, orientation: int) -> None:
    """A JPEG stored landscape (300 × 150, a red band down its left side) with the EXIF
    Orientation a phone writes when it was held upright: 6 means "turn 90° clockwise to
    show it", so every viewer shows it portrait, the red band along its top."""
    from PIL import Image, ImageDraw

    picture = Image.new("RGB", (300, 150), (255, 255, 255))
    ImageDraw.Draw(picture).rectangle([0, 0, 59, 149], fill=(255, 0, 0))
    exif = picture.getexif()
    exif[0x0112] = orientation
    path.parent.mkdir(parents=True, exist_ok=True)
    picture.save(path, exif=exif, quality=95)


def red_box(pdf: Path) -> tuple[int, int]:
    """Width and height, in pixels, of the red on the first page as pdfium draws it."""
    import pypdfium2
    from PIL import Image

    page = pypdfium2.PdfDocument(pdf)[0].render(scale=1).to_pil().convert("RGB")
    red = page.point(lambda v: 255 if v > 200 else 0).getchannel("R")
    others = Image.merge("RGB", page.split()).convert("L").point(lambda v: 255 if v < 120 else 0)
    box = Image.composite(red, Image.new("L", red.size), others).getbbox()
    assert box is not None
    return box[2] - box[0], box[3] - box[1]


@pytest.mark.parametrize("colour", ["rgb", "cmyk"])
def test_a_phone_photo_prints_upright(
    make_project: Callable[..., Path], tmp_path: Path, colour: str
) -> None:
    """The EXIF orientation was ignored: a photo taken upright printed on its side,
    though the author's viewer, the desk and every browser show it upright."""
    root = make_project({"sample": leaflet_yaml("- figure: images/photo.jpg\n  alt: A test\n")})
    phone_photo(root / "images" / "photo.jpg", 6)
    out = tmp_path / "o"
    code, output = invoke("build", "-l", "en", "--colour", colour, "--project", str(root),
                          "-o", str(out))  # fmt: skip
    assert code == 0, output
    width, height = red_box(out / "en" / "sample.pdf")
    assert width > 2 * height  # a band along the top, not down the side


# --- a file left with git's conflict markers says so ------------------------------------


def conflicted(path: Path, line: int) -> None:
    """Leave ``path`` as `git merge` does when both sides changed line ``line``."""
    lines = path.read_text(encoding="utf-8").split("\n")
    ours = lines[line - 1]
    lines[line - 1 : line] = ["<<<<<<< HEAD", ours, "=======", ours + " x", ">>>>>>> their-branch"]
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.mark.parametrize(
    ("relative", "line", "command"),
    [
        ("leaflets/care-basics.yaml", 4, ["build", "-l", "en"]),
        ("organisations/test-clinic.yaml", 2, ["build", "-l", "en"]),
        (str(PO), 30, ["i18n", "check"]),
        (str(PO), 30, ["build", "-l", "th"]),
        ("theme.yaml", 5, ["build", "-l", "en"]),
        ("msc-leaflet.toml", 2, ["check"]),
        ("locales/glossary.yaml", 2, ["check"]),
    ],
    ids=["leaflet", "organisation", "po-check", "po-build", "theme", "settings", "glossary"],
)
def test_a_file_left_with_merge_conflict_markers_says_so(
    i18n_project: Path, tmp_path: Path, relative: str, line: int, command: list[str]
) -> None:
    """Two translators (or authors) on two branches: git leaves <<<<<<<, ======= and
    >>>>>>> lines in the file. The message was the parser's (`could not find expected
    ':'`, with a hint about quotes, or `unknown keyword or malformed line`), at a line
    after the markers, or for a settings file `this line is not valid TOML`."""
    from conftest import REPO

    root = i18n_project
    if relative == "theme.yaml":
        (root / relative).write_text(
            (REPO / "src" / "msc_leaflet" / "data" / "theme.yaml").read_text(encoding="utf-8"),
            encoding="utf-8",
        )
    if relative == "msc-leaflet.toml":
        (root / relative).write_text('[checks]\nREAD005 = "off"\n', encoding="utf-8")
    if relative == "locales/glossary.yaml" and not (root / relative).exists():
        (root / relative).write_text("terms:\n  - MSC\n", encoding="utf-8")
    conflicted(root / relative, line)
    out = ["-o", str(tmp_path / "o")] if command[0] == "build" else []
    code, output = invoke(*command, "--project", str(root), *out)
    assert code == 1 and no_internal_error(output), output
    # `check` goes on past a file a check cannot read, naming it as LOAD001.
    said = rf"{re.escape(relative)}:{line}: error: (LOAD001: )?unresolved merge conflict"
    assert re.search(said, output), output
    assert "hint: keep the lines you want" in output


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a = " + "[" * 100_000 + "]" * 100_000 + "\n", "nested deeper than"),
        ("# " + "x" * 2_100_000 + "\n", "the limit is"),
    ],
    ids=["deep", "huge"],
)
def test_a_settings_file_too_deep_or_too_large_is_one_line(
    i18n_project: Path, text: str, message: str
) -> None:
    """100,000 nested brackets in msc-leaflet.toml were `internal error: RecursionError`
    (Python's TOML reader recurses), and its size was never bounded."""
    (i18n_project / "msc-leaflet.toml").write_text(text, encoding="utf-8")
    code, output = invoke("check", "--project", str(i18n_project))
    assert code == 1 and no_internal_error(output), output
    assert "msc-leaflet.toml" in output and message in output


DEEP_JSON = "[" * 100_000 + "]" * 100_000


def test_a_manifest_nested_too_deep_is_damaged_derived_data(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """Was `internal error: RecursionError: maximum recursion depth exceeded while
    decoding a JSON array` for build, build --dry-run and manifest merge. A damaged
    manifest means rebuild; a damaged shard is refused by name."""
    root, out = make_project(), tmp_path / "o"
    out.mkdir()
    (out / "manifest.json").write_text(DEEP_JSON, encoding="utf-8")
    code, output = invoke("build", "--dry-run", "--project", str(root), "-o", str(out))
    assert code == 0 and "rebuild en/sample.pdf" in output, output
    code, output = invoke("build", "--project", str(root), "-o", str(out))
    assert code == 0 and no_internal_error(output), output
    assert (out / "en" / "sample.pdf").is_file()
    shard = tmp_path / "shard.json"
    shard.write_text('{"format": 3, "outputs": {}, "sources": ' + DEEP_JSON + "}", "utf-8")
    code, output = invoke("manifest", "merge", str(shard), "-o", str(tmp_path / "m.json"))
    assert code == 1 and no_internal_error(output), output
    assert f"{shard}: error: " in output and not (tmp_path / "m.json").exists()


@pytest.mark.parametrize("command", [["i18n", "stats"], ["i18n", "update"], ["i18n", "check"]])
@pytest.mark.parametrize("target", ["LC_MESSAGES", "gone"], ids=["loop", "dangling"])
def test_a_language_whose_catalog_folder_is_a_broken_link_is_named(
    i18n_project: Path, command: list[str], target: str
) -> None:
    """locales/th/LC_MESSAGES as a link in a loop (or to a folder since removed): the
    glob for its catalogs found nothing, so stats, update and check left Thai out
    without a word and ended 0, while `build -l th` failed."""
    messages = i18n_project / "locales" / "th" / "LC_MESSAGES"
    shutil.rmtree(messages)
    messages.symlink_to(target)
    code, output = invoke(*command, "--project", str(i18n_project))
    assert code == 1 and no_internal_error(output), output
    assert "th/LC_MESSAGES: error: is a link that leads nowhere" in output


def _stand_in(path: Path, standing: str) -> None:
    """Put a folder or a named pipe at ``path``, where a file should be."""
    if standing == "folder":
        path.mkdir()
    else:
        os.mkfifo(path)


@pytest.mark.parametrize("standing", ["named pipe", "folder"])
def test_update_refuses_a_catalog_that_is_no_file_before_writing_anything(
    i18n_project: Path, standing: str
) -> None:
    """A named pipe where a .po should be made `i18n update` wait for ever (it read the
    pipe to see whether an editor had saved it meanwhile); a folder was refused only
    when written, after the templates and the catalogs before it were."""
    catalog = i18n_project / PO
    catalog.unlink()
    _stand_in(catalog, standing)
    leaflet = i18n_project / "leaflets" / "care-basics.yaml"
    text = leaflet.read_text(encoding="utf-8")
    leaflet.write_text(re.sub(r"(?m)^title: .*$", "title: A changed title", text, count=1))
    template = i18n_project / "locales" / "care-basics.pot"
    before = template.read_bytes()
    code, output = invoke("i18n", "update", "--project", str(i18n_project))
    assert code == 1 and no_internal_error(output), output
    assert f"{PO}: error: is not a regular file" in output
    assert template.read_bytes() == before, "the template was written before the refusal"


@pytest.mark.parametrize("standing", ["named pipe", "folder"])
@pytest.mark.parametrize(
    "command", [["i18n", "stats"], ["i18n", "review", "care-basics", "-l", "th"]]
)
def test_sign_offs_that_are_no_file_are_named_not_read_as_none(
    i18n_project: Path, standing: str, command: list[str]
) -> None:
    """A folder or a named pipe at locales/th/signoff.yaml was read as "no sign-offs":
    every approval vanished from `stats` and `review`, exit 0."""
    record = i18n_project / "locales" / "th" / "signoff.yaml"
    _stand_in(record, standing)
    code, output = invoke(*command, "--project", str(i18n_project))
    assert code == 1 and no_internal_error(output), output
    assert "th/signoff.yaml: error: is not a regular file" in output


@pytest.mark.parametrize("standing", ["named pipe", "folder"])
def test_check_refuses_a_word_list_that_is_no_file_as_build_does(
    i18n_project: Path, standing: str
) -> None:
    """A folder or a named pipe at locales/th/words.txt was "no word list" to `check`
    (0 errors, every Thai term free to be split) while `build -l th` refused it."""
    words = i18n_project / "locales" / "th" / "words.txt"
    if words.exists():
        words.unlink()
    _stand_in(words, standing)
    for command in (["check", "-l", "th"], ["build", "-l", "th"]):
        code, output = invoke(*command, "--project", str(i18n_project))
        assert code == 1 and no_internal_error(output), output
        assert "th/words.txt: error: is not a regular file" in output, command


def test_a_renamed_leaflet_keeps_its_translations(i18n_project: Path) -> None:
    """Renaming leaflets/care-basics.yaml made `i18n update` start an empty catalog for
    the new id, while every translation stayed in care-basics.po, which no command read
    or named again: the leaflet printed in English. Now the same texts are offered to
    the new catalog as fuzzy, and the old file is named and left as it was."""
    leaflets, messages = i18n_project / "leaflets", i18n_project / PO.parent
    text = (leaflets / "care-basics.yaml").read_text(encoding="utf-8")
    (leaflets / "care-basics.yaml").unlink()
    (leaflets / "after-care.yaml").write_text(
        text.replace("id: care-basics", "id: after-care"), encoding="utf-8"
    )
    old = (i18n_project / PO).read_bytes()
    translated = (i18n_project / PO).read_text(encoding="utf-8").count('msgstr "') - 3
    code, output = invoke("i18n", "check", "--project", str(i18n_project))  # said nothing
    assert code == 1 and "care-basics.po:1: error: I18N014: catalog of no leaflet" in output
    assert "(its texts are after-care's)" in output, output
    code, output = invoke("i18n", "update", "--project", str(i18n_project))
    assert code == 0 and no_internal_error(output), output
    assert "care-basics.po  (no leaflet 'care-basics' any more" in output
    assert (i18n_project / PO).read_bytes() == old  # never deleted, never rewritten
    new = (messages / "after-care.po").read_text(encoding="utf-8")
    assert "ล้างมือ" in new or "ชั่วโมง" in new  # Thai text carried over
    assert new.count("#, fuzzy") >= translated - 1, new
    code, output = invoke("i18n", "update", "--project", str(i18n_project))
    assert code == 0 and (messages / "after-care.po").read_text(encoding="utf-8") == new


@pytest.mark.parametrize("target", ["leaflets/sample.yaml", "README.md", "merged.json"])
def test_manifest_merge_never_replaces_a_file_that_is_no_manifest(
    make_project: Callable[..., Path], tmp_path: Path, target: str
) -> None:
    """`manifest merge shard.json -o leaflets/sample.yaml` replaced the leaflet with
    JSON and said "merged 1 outputs". A manifest (even a damaged `manifest.json`) is
    derived data and may be replaced; anything else is someone's work."""
    root, out = make_project({"sample": leaflet_yaml("- paragraph: Hello.\n")}), tmp_path / "o"
    assert invoke("build", "--project", str(root), "-o", str(out))[0] == 0
    victim = root / target
    if not victim.exists():
        victim.write_text("[1, 2]\n", encoding="utf-8")  # JSON, but no manifest
    before = victim.read_bytes()
    code, output = invoke("manifest", "merge", str(out / "manifest.json"), "-o", str(victim))
    assert code == 1 and no_internal_error(output), output
    assert f"{victim}: error: is not a msc-leaflet manifest" in output
    assert victim.read_bytes() == before
    (out / "copy").mkdir()
    for manifest in (out / "copy" / "manifest.json", tmp_path / "merged-again.json"):
        for _ in range(2):  # made, then replaced: a manifest may be
            code, output = invoke(
                "manifest", "merge", str(out / "manifest.json"), "-o", str(manifest)
            )
            assert code == 0 and "merged 1 outputs" in output, output
    (out / "copy" / "manifest.json").write_text("{cut sh", encoding="utf-8")  # damaged
    code, output = invoke(
        "manifest", "merge", str(out / "manifest.json"), "-o", str(out / "copy" / "manifest.json")
    )
    assert code == 0, output


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("utf-16-le", b""),
     ("utf-32-le", b"\xff\xfe\x00\x00")],
    ids=["notepad-unicode", "big-endian", "no-bom", "utf-32"],
)  # fmt: skip
@pytest.mark.parametrize("relative", ["leaflets/care-basics.yaml", str(PO)])
def test_a_file_saved_as_utf16_is_named_so(
    i18n_project: Path, tmp_path: Path, encoding: str, bom: bytes, relative: str
) -> None:
    """Windows Notepad's "Unicode" is UTF-16: the message was `file is not valid UTF-8`
    at 1:1 (or, without a byte-order mark, `control character U+0000 NULL in the file`,
    sending the author to look for a character that is not there)."""
    path = i18n_project / relative
    path.write_bytes(bom + path.read_text(encoding="utf-8").encode(encoding))
    locale = "th" if relative.endswith(".po") else "en"
    code, output = invoke("build", "-l", locale, "--project", str(i18n_project),
                          "-o", str(tmp_path / "o"))  # fmt: skip
    assert code == 1 and no_internal_error(output), output
    name = "UTF-32" if "32" in encoding else "UTF-16"
    assert f"{relative}:1: error: the file is saved as {name}, not UTF-8" in output, output
    assert "hint: save it as UTF-8" in output and "NULL" not in output


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("images/Photo.PNG", "did you mean images/photo.png? letter case counts"),
        ("Images/photo.png", "did you mean images/photo.png? letter case counts"),
        ("images\\\\photo.png", "write folders with '/', not '\\': images/photo.png"),
        ("images/nothing.png", "paths are relative to the project folder"),
    ],
    ids=["file-case", "folder-case", "backslash", "missing"],
)
@pytest.mark.parametrize("where", ["figure", "logo"])
def test_an_image_path_that_differs_in_case_or_slashes_says_which_file_is_meant(
    make_project: Callable[..., Path], tmp_path: Path, written: str, hint: str, where: str
) -> None:
    """An author on Windows or macOS (whose file systems ignore letter case) wrote
    images/Photo.PNG for images/photo.png, or images\\photo.png: it built there and
    failed on Linux (the print shop, CI) with only `image file not found`."""
    from PIL import Image

    figure = f'- figure: "{written}"\n  alt: A test\n' if where == "figure" else ""
    root = make_project({"sample": leaflet_yaml(figure + "- paragraph: Text.\n")})
    (root / "images").mkdir()
    Image.new("RGB", (20, 10), (200, 30, 30)).save(root / "images" / "photo.png")
    organisation = root / "organisations" / "test-clinic.yaml"
    if where == "logo":
        text = organisation.read_text(encoding="utf-8") + f'logo: "{written}"\n'
        organisation.write_text(text, encoding="utf-8")
    code, output = invoke("build", "-l", "en", "--project", str(root), "-o", str(tmp_path / "o"))
    assert code == 1 and no_internal_error(output), output
    assert "file not found" in output and f"hint: {hint}" in output, output


@pytest.mark.parametrize("where", ["figure", "logo"])
@pytest.mark.parametrize("disk_form", ["NFD", "NFC"])
def test_an_image_whose_name_macos_decomposed_is_found(
    make_project: Callable[..., Path], tmp_path: Path, where: str, disk_form: str
) -> None:
    """macOS stores café.png with 'e' + U+0301 (NFD), and a zip or rsync from a Mac
    brings that name to Linux, while the leaflet typed there says café.png with 'é'
    (NFC), or the other way round. Both are the same name to the author and to macOS:
    on Linux it was `image file not found: images/café.png` beside a file `ls` shows as
    café.png, and no rename the author could see would fix it."""
    import unicodedata

    from PIL import Image

    composed, decomposed = (unicodedata.normalize(f, "café.png") for f in ("NFC", "NFD"))
    written, on_disk = (decomposed, composed) if disk_form == "NFC" else (composed, decomposed)
    written = f"images/{written}"
    figure = f'- figure: "{written}"\n  alt: A test\n' if where == "figure" else ""
    root = make_project({"sample": leaflet_yaml(figure + "- paragraph: Text.\n")})
    (root / "images").mkdir()
    Image.new("RGB", (20, 10), (200, 30, 30)).save(root / "images" / on_disk)
    organisation = root / "organisations" / "test-clinic.yaml"
    if where == "logo":
        text = organisation.read_text(encoding="utf-8") + f'logo: "{written}"\n'
        organisation.write_text(text, encoding="utf-8")
    code, output = invoke("build", "-l", "en", "--project", str(root), "-o", str(tmp_path / "o"))
    assert code == 0 and no_internal_error(output), output
    assert (tmp_path / "o" / "en" / "sample.pdf").is_file()


@pytest.mark.parametrize(
    ("link", "target", "message"),
    [
        ("en/sample.pdf", "sample.pdf", "a loop of links"),
        ("en", "/nonexistent", "en/sample.pdf' points outside the output folder"),
    ],
    ids=["loop", "locale-folder-out"],
)
def test_an_output_path_through_a_link_is_one_line(
    make_project: Callable[..., Path], tmp_path: Path, link: str, target: str, message: str
) -> None:
    """A PDF that is a link to itself was `internal error: RuntimeError: Symlink loop`,
    and a locale folder linked elsewhere `output name 'sample' leaves the output
    folder`, as if the leaflet's id were to blame."""
    out = tmp_path / "o"
    (out / link).parent.mkdir(parents=True, exist_ok=True)
    (out / link).symlink_to(target)
    code, output = invoke("build", "-l", "en", "--project", str(make_project()), "-o", str(out))
    assert code == 1 and no_internal_error(output) and "RuntimeError" not in output, output
    assert message in output and "hint: " in output, output


@pytest.mark.parametrize("command", [["build", "-l", "en"], ["preview", "sample"], ["serve"]])
def test_a_build_folder_that_is_a_link_loop_is_one_line(
    make_project: Callable[..., Path], command: list[str]
) -> None:
    """The project's own build/ as a link that loops (``ln -s build build``, or a link
    to itself left by a script): `preview` said `internal error: RuntimeError: Symlink
    loop`, `build` the same, as -o did before it was checked."""
    root = make_project()
    (root / "build").symlink_to("build")
    if command == ["serve"]:  # not the default port, which another desk may hold
        command = [*command, "--port", str(_free_port())]
    code, output = invoke(*command, "--project", str(root))
    assert code == 1 and no_internal_error(output) and "RuntimeError" not in output, output
    assert "a loop of links" in output and "hint: " in output, output


def _free_port() -> int:
    """A loopback port nothing listens on now."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize("command", [["init"], ["i18n", "export", "-l", "th", "-o"]])
def test_a_new_folder_that_is_a_link_loop_is_named_so(
    i18n_project: Path, tmp_path: Path, command: list[str]
) -> None:
    """`init LOOP` said `appeared while writing; nothing was kept`, `i18n export -o LOOP`
    `is a file, where a folder must be`: neither says what to remove."""
    loop = tmp_path / "loop"
    loop.symlink_to("loop")
    project = [] if command == ["init"] else ["--project", str(i18n_project)]
    code, output = invoke(*command, str(loop), *project)
    assert code == 1 and no_internal_error(output), output
    assert "a loop of links" in output and "hint: " in output, output


@pytest.mark.parametrize(
    ("name", "meant"),
    [("Hand-Hygiene.yaml", "hand-hygiene.yaml"), ("hand_hygiene.yaml", "hand-hygiene.yaml"),
     ("hand-hygiene.yml", "hand-hygiene.yaml"), ("hand hygiene.YAML", "hand-hygiene.yaml")],
    ids=["capitals", "underscore", "yml", "space-and-capital-suffix"],
)  # fmt: skip
def test_a_leaflet_file_whose_name_is_no_id_is_named_not_skipped(
    make_project: Callable[..., Path], tmp_path: Path, name: str, meant: str
) -> None:
    """A leaflet saved as Hand-Hygiene.yaml or hand-hygiene.yml was silently left out
    of build, check and list: the clinic believed it was in the library. Editor and
    system files beside them (.#x.yaml, ._x.yaml) stay ignored."""
    root = make_project()
    (root / "leaflets" / name).write_text(leaflet_yaml("- paragraph: Wash.\n"), "utf-8")
    (root / "leaflets" / ".#sample.yaml").symlink_to("user@host.1:2")  # Emacs's lock
    (root / "leaflets" / "._sample.yaml").write_bytes(b"\x00\x05\x16\x07")  # macOS
    expected = rf"leaflets/{re.escape(name)}: error: (LOAD001: )?not a leaflet file name: it is"
    for command in (["build", "-l", "en", "-o", str(tmp_path / "o")], ["check"], ["list"]):
        code, output = invoke(*command, "--project", str(root))
        assert code == 1 and no_internal_error(output), (command, output)
        assert re.search(expected, output) and f"hint: rename it {meant}" in output, output
        assert ".#sample" not in output and "._sample" not in output
    assert (tmp_path / "o" / "en" / "sample.pdf").is_file()  # the others are still built


def test_a_manifest_with_a_lone_surrogate_is_damaged_derived_data(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """JSON may escape half of a character ("\\ud800"): a manifest or shard holding one
    made build --json and manifest merge fail with `internal error: UnicodeEncodeError`
    when they wrote it back."""
    import json

    root, out = make_project(), tmp_path / "o"
    assert invoke("build", "--project", str(root), "-o", str(out))[0] == 0
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    [entry] = manifest["outputs"].values()
    entry["warnings"] = ["half a character: \ud800"]
    damaged = json.dumps(manifest)  # ASCII, with the escape \ud800
    (out / "manifest.json").write_text(damaged, encoding="utf-8")
    code, output = invoke("build", "--json", "--project", str(root), "-o", str(out))
    assert code == 0 and no_internal_error(output), output
    assert json.loads(output)["built"] == 1  # rebuilt: the manifest was damaged
    shard = tmp_path / "shard.json"
    shard.write_text(damaged, encoding="utf-8")
    code, output = invoke("manifest", "merge", str(shard), "-o", str(tmp_path / "m.json"))
    assert code == 1 and no_internal_error(output), output
    assert f"{shard}: error: " in output and not (tmp_path / "m.json").exists()


def _binary_samples() -> dict[str, bytes]:
    """Files that are no text, as they begin: what lands under a text file's name when
    a download or a "Save as" goes wrong."""
    import io
    import zipfile

    from PIL import Image

    png = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(png, "PNG")
    docx = io.BytesIO()
    with zipfile.ZipFile(docx, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>" * 50)
    # A program's header and its first program headers: more NULs than anything else.
    header = struct.pack("<HHIQQQIHHHHHH", 3, 62, 1, 0x1040, 64, 13000, 0, 64, 56, 13, 64, 31, 30)
    elf = b"\x7fELF\x02\x01\x01" + bytes(9) + header
    elf += b"".join(struct.pack("<IIQQQQQQ", kind, 4, at, at, at, 768, 768, 8)
                    for kind, at in ((6, 64), (3, 792), (1, 0)))  # fmt: skip
    pdf = b"%PDF-1.4\n%\x93\x8c\x8b\x9e ReportLab\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
    return {"png": png.getvalue(), "docx": docx.getvalue(), "program": elf + bytes(range(256)),
            "pdf": pdf + zlib.compress(b"q 1 0 0 1 0 0 cm Q" * 40)}  # fmt: skip


@pytest.mark.parametrize("kind", ["png", "docx", "program", "pdf"])
@pytest.mark.parametrize(
    "relative", ["leaflets/care-basics.yaml", str(PO), "organisations/test-clinic.yaml"]
)
def test_a_binary_file_under_a_text_files_name_is_named_so(
    i18n_project: Path, tmp_path: Path, kind: str, relative: str
) -> None:
    """A program's bytes as a leaflet were "the file is saved as UTF-16" (its NUL
    bytes looked like UTF-16's), a picture's "file is not valid UTF-8" at 1:1 with
    "save it with UTF-8 encoding": no editor can do that with a picture."""
    (i18n_project / relative).write_bytes(_binary_samples()[kind])
    locale = "th" if relative.endswith(".po") else "en"
    project = ["--project", str(i18n_project)]
    commands = [["build", "-l", locale, "-o", str(tmp_path / "o")], ["check", "-l", locale],
                ["i18n", "stats"]]  # fmt: skip
    for command in commands + ([] if relative.endswith(".po") else [["list"]]):
        code, output = invoke(*command, *project)
        assert code == 1 and no_internal_error(output), (command, output)
        assert f"{relative}: error: " in output and "is not a text file" in output, output
        assert "UTF-16" not in output and "valid UTF-8" not in output, output
        assert "hint: " in output, output


# --- a project's own fonts: the same rules as every other file it reads -------------

SARABUN_PACKAGE = """\
      package: fontpkg_sarabun
      regular: Sarabun-Regular.ttf
      bold: Sarabun-SemiBold.ttf  # Bold fills the counters of Thai letters at 10 pt
      italic: Sarabun-Italic.ttf
      bold-italic: Sarabun-SemiBoldItalic.ttf
"""


def own_sarabun(root: Path) -> Path:
    """A theme that sets Latin and Thai in the project's ``fonts/own/Regular.ttf`` (every
    face the regular); the file is the caller's to make."""
    from conftest import REPO

    bundled = (REPO / "src" / "msc_leaflet" / "data" / "theme.yaml").read_text(encoding="utf-8")
    own = "      folder: own\n      regular: Regular.ttf\n      bold: regular\n"
    own += "      italic: regular\n      bold-italic: regular\n"
    assert SARABUN_PACKAGE in bundled
    (root / "theme.yaml").write_text(bundled.replace(SARABUN_PACKAGE, own), encoding="utf-8")
    (root / "fonts" / "own").mkdir(parents=True)
    return root / "fonts" / "own" / "Regular.ttf"


def sarabun_regular() -> Path:
    import fontpkg_sarabun

    return Path(fontpkg_sarabun.ROOT) / "files" / "Sarabun-Regular.ttf"


def run_cli(*args: str) -> tuple[int, str]:
    """The command in its own process, so that a read which blocks fails the test
    (after a minute) instead of hanging the run."""
    import subprocess
    import sys

    src = str(Path(__file__).resolve().parents[1] / "src")
    done = subprocess.run(
        [sys.executable, "-m", "msc_leaflet", *args], env={**os.environ, "PYTHONPATH": src},
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    return done.returncode, done.stdout + done.stderr


@pytest.mark.parametrize("command", [["check"], ["build", "-l", "en"]])
def test_a_project_font_that_is_a_fifo_does_not_hang(
    make_project: Callable[..., Path], tmp_path: Path, command: list[str]
) -> None:
    """``fonts/own/Regular.ttf`` as a named pipe: the theme's font check opened it to
    read its first bytes and waited for a writer for ever (check and build hung)."""
    root = make_project()
    os.mkfifo(own_sarabun(root))
    out = ["-o", str(tmp_path / "o")] if command[0] == "build" else []
    code, output = run_cli(*command, "--project", str(root), *out)
    assert code == 1 and no_internal_error(output), output
    assert "Regular.ttf is not a regular file" in output, output
    assert re.search(r"theme\.yaml:\d+:\d+: error: (LOAD004: )?fonts: family Sarabun", output)
    assert not list((tmp_path / "o").rglob("*.pdf"))


@pytest.mark.parametrize("linked", ["file", "folder"])
def test_a_project_font_linked_out_of_the_project_is_refused(
    make_project: Callable[..., Path], tmp_path: Path, linked: str
) -> None:
    """``fonts/own`` or ``fonts/own/Regular.ttf`` linked to a file elsewhere on the
    machine: it was read and embedded in the PDF, where every other file the project
    uses (a catalog, a picture, the theme itself) is refused if a link takes it out."""
    root = make_project()
    face = own_sarabun(root)
    if linked == "file":
        face.symlink_to(sarabun_regular())
    else:
        face.parent.rmdir()
        face.parent.symlink_to(sarabun_regular().parent)
        theme = root / "theme.yaml"
        theme.write_text(
            theme.read_text(encoding="utf-8").replace(
                "regular: Regular.ttf", "regular: Sarabun-Regular.ttf"
            ),
            encoding="utf-8",
        )
    for command in (["check"], ["build", "-l", "en", "-o", str(tmp_path / "o")]):
        code, output = invoke(*command, "--project", str(root))
        assert code == 1 and no_internal_error(output), output
        assert "points outside the project" in output, output
        assert "keep every file the project uses inside the project folder" in output
    assert not list((tmp_path / "o").rglob("*.pdf"))


def test_a_project_font_linked_inside_the_project_is_used(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """A link that stays in the project is a file of the project: it builds."""
    import shutil

    root = make_project()
    face = own_sarabun(root)
    shutil.copy(sarabun_regular(), root / "fonts" / "shared.ttf")
    face.symlink_to(Path("..", "shared.ttf"))
    code, output = invoke("build", "-l", "en", "--project", str(root), "-o", str(tmp_path / "o"))
    assert code == 0, output
    assert (tmp_path / "o" / "en" / "sample.pdf").is_file()


@pytest.mark.parametrize("damage", ["cut short", "header only", "garbled tables"])
def test_a_damaged_project_font_names_its_file(
    make_project: Callable[..., Path], tmp_path: Path, damage: str
) -> None:
    """A font whose first four bytes are a TrueType font's but whose tables are cut
    short (a download interrupted) or garbled passed the theme's check, then failed the
    build as `internal error: error: unpack requires a buffer of 2 bytes`."""
    root = make_project()
    data = sarabun_regular().read_bytes()
    if damage == "cut short":
        data = data[: len(data) // 3]
    elif damage == "header only":
        data = data[:3000]
    else:  # the table directory kept, every table's bytes zeroed
        data = data[:300] + bytes(len(data) - 300)
    own_sarabun(root).write_bytes(data)
    for command in (["check"], ["build", "-l", "en", "-o", str(tmp_path / "o")]):
        code, output = invoke(*command, "--project", str(root))
        assert code == 1 and no_internal_error(output), output
        assert "Regular.ttf" in output and "damaged or cut short" in output, output
        assert "unpack" not in output and "TTFError" not in output, output
    assert not list((tmp_path / "o").rglob("*.pdf"))


# --- a project's own fonts, hostile: each one built right or refused at theme.yaml --


def _edited_sarabun(edit: Callable[[TTFont], None], flavor: str | None = None) -> bytes:
    """Sarabun Regular as ``edit`` leaves it, saved (as a web font with ``flavor``)."""
    import io

    font = TTFont(sarabun_regular())
    edit(font)
    font.flavor = flavor
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _fs_type(value: int) -> Callable[[TTFont], None]:
    def edit(font: TTFont) -> None:
        font["OS/2"].fsType = value

    return edit


def _postscript_name(value: str) -> Callable[[TTFont], None]:
    def edit(font: TTFont) -> None:
        font["name"].removeNames(nameID=6)
        font["name"].setName(value, 6, 3, 1, 0x409)

    return edit


def _no_names(font: TTFont) -> None:
    font["name"].names = []


def _thai_only(font: TTFont) -> None:
    from fontTools import subset

    options = subset.Options()
    options.name_IDs = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[0x20, *range(0x0E01, 0x0E5C)])
    subsetter.subset(font)


def _collection() -> bytes:
    import io

    from fontTools.ttLib import TTCollection

    collection = TTCollection()
    collection.fonts = [TTFont(sarabun_regular()), TTFont(sarabun_regular())]
    out = io.BytesIO()
    collection.save(out)
    return out.getvalue()


HOSTILE_FONTS: dict[str, tuple[Callable[[], bytes], str]] = {
    "restricted licence": (lambda: _edited_sarabun(_fs_type(0x0002)), "forbids embedding"),
    "no subsetting": (lambda: _edited_sarabun(_fs_type(0x0100)), "forbids embedding"),
    "bitmap only": (lambda: _edited_sarabun(_fs_type(0x0200)), "forbids embedding"),
    "no name": (lambda: _edited_sarabun(_no_names), "no PostScript name"),
    "name with parentheses": (
        lambda: _edited_sarabun(_postscript_name("Sarabun(Thai)")),
        "PostScript name 'Sarabun(Thai)'",
    ),
    "non-ASCII name": (
        lambda: _edited_sarabun(_postscript_name("ซาราบุน")),
        "PostScript name 'ซาราบุน'",
    ),
    "Thai only, named Latin": (lambda: _edited_sarabun(_thai_only), "has no glyph for"),
    "WOFF": (lambda: _edited_sarabun(lambda font: None, "woff"), "a WOFF web font"),
    "WOFF2": (lambda: b"wOF2" + sarabun_regular().read_bytes()[4:], "a WOFF2 web font"),
    "collection": (_collection, "a font collection"),
    "CFF": (lambda: b"OTTO" + sarabun_regular().read_bytes()[4:], "PostScript (CFF) outlines"),
}


@pytest.mark.parametrize("kind", list(HOSTILE_FONTS))
def test_a_hostile_project_font_is_refused_at_its_theme_line(
    make_project: Callable[..., Path], tmp_path: Path, kind: str
) -> None:
    """Each was `internal error`, a font "damaged or cut short" that is not (a licence
    forbidding embedding, a PostScript name a PDF cannot hold), or a PDF built without
    a word (a Thai-only font as the Latin family: its letters came from another family;
    a collection: its first font, whichever that is)."""
    make, expected = HOSTILE_FONTS[kind]
    root = make_project()
    own_sarabun(root).write_bytes(make())
    for command in (["check"], ["build", "-l", "en", "-o", str(tmp_path / "o")]):
        code, output = invoke(*command, "--project", str(root))
        assert code == 1 and no_internal_error(output), output
        assert re.search(r"theme\.yaml:\d+:\d+: error: (LOAD004: )?fonts: family Sarabun", output)
        assert "Regular.ttf" in output and expected in output, output
        assert "hint: " in output, output
    assert not list((tmp_path / "o").rglob("*.pdf"))


def test_a_project_font_whose_postscript_name_has_spaces_builds(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """A space is the one character ReportLab mends in a name (as "-"): such a font is
    no reason to refuse a build."""
    root = make_project()
    own_sarabun(root).write_bytes(_edited_sarabun(_postscript_name("Sarabun Regular")))
    code, output = invoke("build", "-l", "en", "--project", str(root), "-o", str(tmp_path / "o"))
    assert code == 0, output
    assert (tmp_path / "o" / "en" / "sample.pdf").is_file()


def _table_cut_short(data: bytes, tag: str) -> bytes:
    """``data`` (a TrueType font) whose directory gives table ``tag`` a length past the
    end of the file: a table cut short by a download interrupted."""
    count = struct.unpack(">H", data[4:6])[0]
    for index in range(count):
        at = 12 + 16 * index
        if data[at : at + 4] == tag.encode("latin-1").ljust(4):
            return data[: at + 12] + struct.pack(">I", len(data)) + data[at + 16 :]
    raise AssertionError(f"no {tag} table")


@pytest.mark.parametrize(
    "tag", ["cmap", "head", "hhea", "hmtx", "maxp", "name", "post", "OS/2", "loca", "glyf"]
)
def test_a_project_font_with_a_damaged_table_is_named_at_theme_load(
    make_project: Callable[..., Path], tmp_path: Path, tag: str
) -> None:
    """Each table the build reads, cut short: `check` named it only when a layout check
    drew text in the font, as "damaged" without saying where; now the theme's load
    names the file and the table, before anything is laid out."""
    root = make_project()
    own_sarabun(root).write_bytes(_table_cut_short(sarabun_regular().read_bytes(), tag))
    for command in (["check"], ["build", "-l", "en", "-o", str(tmp_path / "o")]):
        code, output = invoke(*command, "--project", str(root))
        assert code == 1 and no_internal_error(output), output
        assert re.search(r"theme\.yaml:\d+:\d+: error: (LOAD004: )?fonts: family Sarabun", output)
        assert f"Regular.ttf cannot be read as a font: its {tag} table" in output, output
    assert not list((tmp_path / "o").rglob("*.pdf"))


def test_a_project_font_too_large_is_refused_before_it_is_read(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """A file with a TrueType header and gigabytes after it was read whole into memory
    by the build. A sparse file: the test costs no disk."""
    from msc_leaflet.typeset.font_files import MAX_FONT_BYTES

    root = make_project()
    face = own_sarabun(root)
    with face.open("wb") as handle:
        handle.write(sarabun_regular().read_bytes()[:4096])
        handle.truncate(MAX_FONT_BYTES + 1)
    for command in (["check"], ["build", "-l", "en", "-o", str(tmp_path / "o")]):
        code, output = invoke(*command, "--project", str(root))
        assert code == 1 and no_internal_error(output), output
        size = f"{MAX_FONT_BYTES + 1:,}"
        assert f"Regular.ttf is {size} bytes; the limit for a font is" in output, output
        assert "hint: " in output, output
    assert not list((tmp_path / "o").rglob("*.pdf"))


def test_every_font_msc_leaflet_carries_or_installs_passes_the_project_font_check() -> None:
    """The check of a project's own font refuses no font the bundled theme sets: a
    clinic that copies one into its fonts/ folder can build with it."""
    from msc_leaflet.typeset.font_files import bundled_config, face_path
    from msc_leaflet.typeset.font_tables import check_font_data

    config = bundled_config()
    for family in config.families:
        scripts = tuple(script for script, name in config.scripts if name == family.name)
        for role in ("regular", "bold", "italic", "bold-italic"):
            check_font_data(face_path(family, role).read_bytes(), scripts)


#: Loads ``numbers.yaml`` as the number check does, in a fresh interpreter; with
#: ``refuse`` set, PyYAML may not be asked (the values must come from the cache).
_LOAD_DATA = """
import json, sys, yaml
from msc_leaflet.content import yaml_source
from msc_leaflet.data import data_path
if sys.argv[1] == "refuse":
    def refused(*args, **kwargs):
        raise AssertionError("parsed again")
    yaml.load = refused
first = yaml_source.load_data(data_path("numbers.yaml").read_text("utf-8"))
first["th"]["words"]["changed"] = 0  # a caller's change reaches no other caller
again = yaml_source.load_data(data_path("numbers.yaml").read_text("utf-8"))
print(json.dumps(again, sort_keys=True, default=str))
"""


def _load_data(cache: Path, mode: str, keep_bytecode: bool = True) -> str:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["XDG_CACHE_HOME"] = str(cache)
    if not keep_bytecode:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    done = subprocess.run(
        [sys.executable, "-c", _LOAD_DATA, mode], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_data_files_are_parsed_once_then_read_back_from_the_cache(tmp_path: Path) -> None:
    """The package's YAML data (numbers, units, claims, languages) was turned into values
    by PyYAML's Python code at every start: 8-10 ms of each cold build. The values are
    kept in the user's cache by the text's hash: a second start parses nothing, and
    each caller still gets values of its own."""
    cache = tmp_path / "cache"
    parsed = _load_data(cache, "parse")
    assert "changed" not in parsed
    assert list((cache / "msc-leaflet").glob("yaml.*.bin"))
    assert _load_data(cache, "refuse") == parsed


def test_a_damaged_or_unwritable_data_cache_only_costs_the_parse(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    parsed = _load_data(cache, "parse")
    [kept] = (cache / "msc-leaflet").glob("yaml.*.bin")
    kept.write_bytes(b"\x00not marshal")
    assert _load_data(cache, "parse") == parsed  # damaged: parsed again, and replaced
    assert _load_data(cache, "refuse") == parsed
    other = tmp_path / "no-bytecode"
    assert _load_data(other, "parse", keep_bytecode=False) == parsed
    assert not other.exists()  # nothing written where .pyc files may not be


# --- a large photo is decoded once a process, and embedded as filed ---------------------


def noisy_photo(path: Path, seed: str) -> None:
    """A JPEG photo (RGB, 640 × 480) with a pattern of its own: ``seed`` makes its bytes
    differ from every other test's, so no picture another test decoded is reused."""
    from PIL import Image, ImageDraw

    size = (640, 480)
    ramp = Image.linear_gradient("L")
    bands = (ramp.resize(size), Image.effect_noise(size, 40), ramp.rotate(90).resize(size))
    picture = Image.merge("RGB", bands)
    shade = sum(seed.encode()) % 256
    ImageDraw.Draw(picture).rectangle([10, 10, 200, 120], fill=(shade, 255 - shade, 90))
    path.parent.mkdir(parents=True, exist_ok=True)
    picture.save(path, quality=90)


def jpeg_decodes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """The size of every JPEG whose pixels Pillow decodes from now on (a header read
    decodes none)."""
    from PIL import ImageFile

    decoded: list[tuple[int, int]] = []
    load = ImageFile.ImageFile.load

    def counting(image: ImageFile.ImageFile) -> object:
        if image.format == "JPEG" and image.tile:
            decoded.append(image.size)
        return load(image)

    monkeypatch.setattr(ImageFile.ImageFile, "load", counting)
    return decoded


def test_a_photo_is_decoded_once_however_often_it_is_drawn(
    make_project: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each draw of a JPEG decoded it again only to name it (ReportLab names a picture
    after its pixels), though the PDF carries the JPEG's own bytes: a leaflet with three
    large photos took twice as long in every language and edition (#20). The same photo
    under two names was decoded twice too. Now the loader's check decodes its content
    once a process, and a draw decodes nothing."""
    import pikepdf

    from msc_leaflet.build import build_leaflet
    from msc_leaflet.project import Project

    blocks = (
        "- figure: images/photo.jpg\n  alt: A room.\n"
        "- figure: images/same-photo.jpg\n  alt: The same room.\n- paragraph: After.\n"
    )
    root = make_project({"sample": leaflet_yaml(blocks)})
    noisy_photo(root / "images" / "photo.jpg", str(tmp_path))
    filed = (root / "images" / "photo.jpg").read_bytes()
    (root / "images" / "same-photo.jpg").write_bytes(filed)
    decoded = jpeg_decodes(monkeypatch)
    built = [
        build_leaflet(Project.at(root), "sample", "en", tmp_path / f"out-{n}").path
        for n in range(2)
    ]
    assert decoded == [(640, 480)]
    for pdf in built:
        with pikepdf.open(pdf) as document:
            pictures = [
                embedded(found)
                for found in document.objects
                if isinstance(found, pikepdf.Stream) and found.get("/Subtype") == "/Image"
            ]
        assert pictures == [("/DCTDecode", filed)]  # one picture, embedded as filed


def embedded(picture: object) -> tuple[str, bytes]:
    """A picture's last filter and its data before that filter: ReportLab may wrap a
    stream in ASCII85 too, which only spells the same bytes in printable characters."""
    import base64

    import pikepdf

    assert isinstance(picture, pikepdf.Stream)
    filters, data = pikepdf.PdfImage(picture).filters, picture.read_raw_bytes()
    if filters[0] == "/ASCII85Decode":
        filters, data = filters[1:], base64.a85decode(data.removesuffix(b"~>"))
    assert len(filters) == 1
    return filters[0], data


# --- every picture is stored once, in its smallest faithful form (#20) -----------------


def image_streams(pdf: Path) -> list[tuple[list[str], str, bytes]]:
    """Every image stream of ``pdf`` (soft masks too): its filters, its colour space and
    its data as stored."""
    import pikepdf

    with pikepdf.open(pdf) as document:
        return [
            (
                [str(name) for name in pikepdf.PdfImage(found).filters],
                str(found.get("/ColorSpace")),
                found.read_raw_bytes(),
            )
            for found in document.objects
            if isinstance(found, pikepdf.Stream) and found.get("/Subtype") == "/Image"
        ]


def photo_and_logo_project(make_project: Callable[..., Path], seed: str) -> Path:
    """A leaflet showing one JPEG photo under two names and an organisation's logo with a
    transparent background (a PNG), drawn on every page; ``seed`` makes both differ from
    every other test's, so no picture another test converted is reused."""
    from PIL import Image

    blocks = (
        "- figure: images/photo.jpg\n  alt: A room.\n"
        "- figure: images/same-photo.jpg\n  alt: The same room.\n- paragraph: After.\n"
    )
    root = make_project({"sample": leaflet_yaml(blocks)})
    noisy_photo(root / "images" / "photo.jpg", seed)
    (root / "images" / "same-photo.jpg").write_bytes((root / "images" / "photo.jpg").read_bytes())
    org = root / "organisations" / "test-clinic.yaml"
    org.write_text(org.read_text(encoding="utf-8") + "logo: logo.png\n", encoding="utf-8")
    logo = Image.new("RGBA", (120, 60), (0, 0, 0, 0))
    logo.paste((200, sum(seed.encode()) % 256, 40, 255), (10, 10, 60, 50))
    logo.save(root / "logo.png")
    return root


@pytest.mark.parametrize("colour", ["rgb", "cmyk"])
def test_every_picture_is_stored_in_one_compression_and_no_text_encoding(
    make_project: Callable[..., Path], tmp_path: Path, colour: str
) -> None:
    """ReportLab wrapped every picture in ASCII85 (binary spelled in printable
    characters, a quarter larger): 3.3 MB of photos became 12.3 MB of PDF, and a print
    build's converted pixels were compressed, wrapped, unwrapped and compressed again by
    the final pass (#20). Each picture, its soft mask too, is stored in one filter: a
    JPEG's own bytes as /DCTDecode, in a screen build exactly as filed."""
    from msc_leaflet.build import Options, build_leaflet
    from msc_leaflet.print_spec import PrintSpec
    from msc_leaflet.project import Project

    root = photo_and_logo_project(make_project, f"{tmp_path}-{colour}")
    options = Options(spec=PrintSpec(colour=colour))  # type: ignore[arg-type]
    pdf = build_leaflet(Project.at(root), "sample", "en", tmp_path / "out", options=options).path
    found = image_streams(pdf)
    assert len(found) == 3  # the photo (once), the logo and the logo's mask
    assert all(len(filters) == 1 for filters, _, _ in found), found
    photos = [(space, data) for filters, space, data in found if filters == ["/DCTDecode"]]
    assert len(photos) == 1
    if colour == "rgb":
        assert photos == [("/DeviceRGB", (root / "images" / "photo.jpg").read_bytes())]
    else:
        assert photos[0][0] == "/DeviceCMYK"


def test_a_print_build_converts_each_picture_once_a_process(
    make_project: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A print build converted a picture to CMYK on every draw: the logo on every page,
    a photo in every language and edition (3.3 s of a 28 s build, #20). Each picture's
    content is converted once a process, for each way of converting it; a new picture
    filed under the same name is converted anew."""
    from PIL import Image, ImageChops, ImageStat

    from msc_leaflet.build import Options, build_leaflet
    from msc_leaflet.print_spec import PrintSpec
    from msc_leaflet.project import Project
    from msc_leaflet.theme.colours import rgb_pixels_to_cmyk as convert

    converted: list[tuple[int, int]] = []

    def counting(image: Image.Image) -> Image.Image:
        converted.append(image.size)
        return convert(image)

    monkeypatch.setattr("msc_leaflet.layout.images.rgb_pixels_to_cmyk", counting)
    root = photo_and_logo_project(make_project, str(tmp_path))
    options = Options(spec=PrintSpec(colour="cmyk"))
    for n in range(2):
        build_leaflet(Project.at(root), "sample", "en", tmp_path / f"out-{n}", options=options)
    assert sorted(converted) == [(120, 60), (640, 480)]

    noisy_photo(root / "images" / "photo.jpg", f"{tmp_path} again")
    pdf = build_leaflet(Project.at(root), "sample", "en", tmp_path / "new", options=options).path
    assert sorted(converted) == [(120, 60), (640, 480), (640, 480)]  # same-photo.jpg kept
    # Printed as the rule converts it: a JPEG of those inks, within what a JPEG of the
    # best quality keeps (the photo itself was filed at quality 90).
    # The file's images come in no set order (they are named by their content): each
    # picture is matched with the stored image nearest to it.
    stored = [data for filters, _, data in image_streams(pdf) if filters == ["/DCTDecode"]]
    assert len(stored) == 2
    for name in ["photo.jpg", "same-photo.jpg"]:
        with Image.open(root / "images" / name) as photo:
            expected = convert(photo.convert("RGB"))
        nearest = []
        for data in stored:
            with Image.open(io.BytesIO(data)) as printed:
                assert printed.mode == "CMYK"
                differences = ImageStat.Stat(ImageChops.difference(printed, expected)).mean
            nearest.append(max(differences))
        assert min(nearest) < 1.5, (name, nearest)


def test_a_kept_parse_damaged_inside_is_parsed_again(tmp_path: Path) -> None:
    """A kept parse whose bytes changed inside (a failing disk) still read as marshal
    and was taken as the data file's values: a claim word, a digit or a unit changed
    with no word said. A parse is kept with a checksum; one that does not match it is
    parsed again."""
    import marshal

    cache = tmp_path / "cache"
    parsed = _load_data(cache, "parse")
    [kept] = (cache / "msc-leaflet").glob("yaml.*.bin")
    entries = marshal.loads(kept.read_bytes())
    # A month of numbers.yaml ("May") read with one letter changed ("Maz").
    assert any(b"May" in raw for raw in entries.values())
    damaged = {key: raw.replace(b"May", b"Maz") for key, raw in entries.items()}
    kept.write_bytes(marshal.dumps(damaged))
    assert _load_data(cache, "parse") == parsed


@pytest.mark.parametrize(
    ("attribute", "value", "said"),
    [
        ("target-language", "x" * 300, "locale"),
        ("target-language", "ก" * 86, "locale"),  # 258 bytes: one more than a name holds
        ("target-language", "th" + "-abcdefgh" * 33, "locale"),
        ("target-language", "../th", "locale"),
        ("original", "locales/th/LC_MESSAGES/" + "x" * 300 + ".po", "names no catalog"),
        ("original", "ก" * 86 + ".po", "names no catalog"),
        ("original", "locales/th/LC_MESSAGES/care basics.po", "names no catalog"),
    ],
    ids=[
        "lang-300",
        "lang-thai-258-bytes",
        "lang-tag-300",
        "lang-up",
        "file-300",
        "file-thai-258-bytes",
        "file-space",
    ],
)
def test_an_xliff_file_naming_no_catalog_is_refused_at_its_line(
    i18n_project: Path, tmp_path: Path, attribute: str, value: str, said: str
) -> None:
    """A CAT tool's <file> names the catalog (original) and language (target-language)
    the units go into; both became a path under locales/ unchecked. A target-language
    longer than a file name reached Path.is_dir, which raises ENAMETOOLONG: exit 70,
    'internal error'; a long original was refused naming a .po path the translator never
    typed, not the XLIFF file. Both are now checked as `-l` and leaflet ids are, at the
    <file>'s line, and nothing is imported."""
    args = ["--project", str(i18n_project)]
    assert invoke("i18n", "export", "-l", "th", "-o", str(tmp_path / "x"), *args)[0] == 0
    exported = (tmp_path / "x" / "care-basics.th.xlf").read_text(encoding="utf-8")
    hostile = tmp_path / "agency.xlf"
    hostile.write_text(
        re.sub(f'{attribute}="[^"]*"', lambda _: f'{attribute}="{value}"', exported, count=1),
        encoding="utf-8",
    )
    before = (i18n_project / PO).read_bytes()
    code, output = invoke("i18n", "import", str(hostile), *args)
    assert code == 1, output
    assert no_internal_error(output) and f"agency.xlf:{_file_line(exported)}:" in output
    assert said in output and "no catalog was changed" in output
    assert max(map(len, output.splitlines())) < 400, "a long value is shown by its start"
    assert (i18n_project / PO).read_bytes() == before


def _file_line(xliff: str) -> int:
    """The line of the first <file> element of ``xliff``."""
    return xliff[: xliff.index("<file ")].count("\n") + 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize("what", ["folder", "fifo", "newline"])
@pytest.mark.parametrize("where", ["figure", "logo"])
def test_an_image_name_that_is_no_image_file_says_what_stands_there(
    make_project: Callable[..., Path], tmp_path: Path, where: str, what: str
) -> None:
    """A folder or a named pipe under an image's name was 'image file not found' (the
    author looked and saw it there), and a name holding a newline split the message
    over two lines, the second starting with the rest of the name."""
    written = {"folder": "images/photo.png", "fifo": "photo.png", "newline": "pho\nto.png"}[what]
    quoted = written.replace("\n", "\\n")
    figure = f'- figure: "{quoted}"\n  alt: A test\n' if where == "figure" else ""
    root = make_project({"sample": leaflet_yaml(figure + "- paragraph: Text.\n")})
    if what == "folder":
        (root / written).mkdir(parents=True)
    elif what == "fifo":
        os.mkfifo(root / written)
    if where == "logo":
        organisation = root / "organisations" / "test-clinic.yaml"
        text = organisation.read_text(encoding="utf-8") + f'logo: "{quoted}"\n'
        organisation.write_text(text, encoding="utf-8")
    code, output = invoke("build", "-l", "en", "--project", str(root), "-o", str(tmp_path / "o"))
    assert code == 1 and no_internal_error(output), output
    said = {
        "folder": "is a folder, not an image file",
        "fifo": "is a special file (a named pipe or a device), not an image file",
        "newline": "file not found: pho\\nto.png",
    }[what]
    assert said in output, output
    assert not any(line.startswith("to.png") for line in output.splitlines()), output
    assert not (tmp_path / "o" / "en" / "sample.pdf").exists()


def _two_frames(path: Path, file_format: str) -> None:
    """A picture of two frames (or pages): a plain white one, then one with a red
    square, as a message shown only in a later frame would be."""
    from PIL import Image, ImageDraw

    first = Image.new("RGB", (300, 300), (255, 255, 255))
    second = first.copy()
    ImageDraw.Draw(second).rectangle((50, 50, 250, 250), fill=(255, 0, 0))
    options = {"lossless": True} if file_format == "WEBP" else {}
    first.save(path, file_format, save_all=True, append_images=[second], **options)


@pytest.mark.parametrize(
    ("name", "file_format", "said"),
    [
        ("images/anim.gif", "GIF", "is animated: 2 frames"),
        ("images/anim.png", "PNG", "is animated: 2 frames"),  # APNG
        ("images/anim.webp", "WEBP", "is animated: 2 frames"),
        ("images/pages.tif", "TIFF", "has 2 pages"),
    ],
)
@pytest.mark.parametrize("where", ["figure", "logo"])
@pytest.mark.parametrize("command", ["check", "build"])
def test_a_picture_of_several_frames_or_pages_is_refused_at_its_line(
    make_project: Callable[..., Path],
    tmp_path: Path,
    name: str,
    file_format: str,
    said: str,
    where: str,
    command: str,
) -> None:
    """A viewer shows an animated GIF, PNG or WebP frame after frame, and a TIFF's pages
    one after another; the PDF printed the first alone, silently: what a clinician read
    in frame 2 never reached the patient. Such a picture is refused where it is named."""
    figure = f"- figure: {name}\n  alt: A test\n" if where == "figure" else ""
    root = make_project({"sample": leaflet_yaml(figure + "- paragraph: Text.\n")})
    (root / "images").mkdir(exist_ok=True)
    _two_frames(root / name, file_format)
    if where == "logo":
        organisation = root / "organisations" / "test-clinic.yaml"
        text = organisation.read_text(encoding="utf-8") + f"logo: {name}\n"
        organisation.write_text(text, encoding="utf-8")
    out = ["-o", str(tmp_path / "o")] if command == "build" else []
    code, output = invoke(command, "-l", "en", "--project", str(root), *out)
    assert code == 1 and no_internal_error(output), output
    assert f"{Path(name).name} {said}" in output, output
    unit = "page" if file_format == "TIFF" else "frame"
    assert "only the first would print" in output and f"never {unit} 2" in output, output
    line = "sample.yaml:17:13:" if where == "figure" else "test-clinic.yaml:"
    assert line in output, output
    assert not list((tmp_path / "o").rglob("*.pdf"))


@pytest.mark.parametrize("file_format", ["MPO", "GIF"])
def test_a_picture_whose_other_images_no_viewer_shows_in_turn_builds(
    make_project: Callable[..., Path], tmp_path: Path, file_format: str
) -> None:
    """A camera's JPEG that carries a second picture (MPO: a preview, a depth map) is
    shown by every viewer as its first alone, and so printed; a GIF of one frame is a
    still picture. Neither is refused for being several."""
    from PIL import Image

    root = make_project({"sample": leaflet_yaml("- figure: photo.jpg\n  alt: A test\n")})
    picture = Image.new("RGB", (300, 300), (0, 128, 64))
    if file_format == "MPO":
        picture.save(root / "photo.jpg", "MPO", save_all=True, append_images=[picture])
    else:
        picture.save(root / "photo.jpg", "GIF")
    code, output = invoke("build", "-l", "en", "--project", str(root), "-o", str(tmp_path / "o"))
    assert code == 0, output
    assert (tmp_path / "o" / "en" / "sample.pdf").exists()


def test_an_animation_cut_short_in_a_later_frame_is_damaged_not_an_internal_error(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """Counting an animation's frames reads each one's header: one cut short after the
    first frame raised Pillow's IndexError from the count."""
    from PIL import Image

    root = make_project({"sample": leaflet_yaml("- figure: anim.gif\n  alt: A test\n")})
    frames = [Image.effect_noise((300, 300), 60).convert("RGB") for _ in range(4)]
    data = io.BytesIO()
    frames[0].save(data, "GIF", save_all=True, append_images=frames[1:])
    (root / "anim.gif").write_bytes(data.getvalue()[: len(data.getvalue()) * 3 // 4])
    code, output = invoke("build", "-l", "en", "--project", str(root), "-o", str(tmp_path / "o"))
    assert code == 1 and no_internal_error(output), output
    assert "sample.yaml:17:13:" in output and "anim.gif: its picture data is damaged" in output


# LC_ALL=C with Python's UTF-8 mode off: a container without locales, a cron job.
ASCII_LOCALE = {"LC_ALL": "C", "PYTHONUTF8": "0"}


def run_in_locale(env: dict[str, str], *args: str) -> tuple[int, str]:
    """The command in its own process under ``env``: the encoding Python names files in
    is chosen once, as the interpreter starts."""
    src = str(Path(__file__).resolve().parents[1] / "src")
    done = subprocess.run(
        [sys.executable, "-m", "msc_leaflet", *args],
        env={**os.environ, "PYTHONPATH": src, **env}, capture_output=True, timeout=120,
        check=False,
    )  # fmt: skip
    return done.returncode, (done.stdout + done.stderr).decode("utf-8", "replace")


@pytest.mark.parametrize("where", ["figure", "logo"])
def test_a_thai_file_name_in_an_ascii_locale_is_one_line_naming_its_line(
    make_project: Callable[..., Path], tmp_path: Path, where: str
) -> None:
    """``figure: images/ภาพ.png`` under LC_ALL=C (Python's UTF-8 mode off) was
    `internal error: UnicodeEncodeError: 'ascii' codec can't encode characters`, from
    check and build: Python could not hand the name to the file system. Now it is the
    leaflet's (or profile's) line, saying to run in a UTF-8 locale; in one it builds."""
    from PIL import Image

    figure = '- figure: "images/ภาพ.png"\n  alt: A red box\n' if where == "figure" else ""
    root = make_project({"sample": leaflet_yaml(figure + "- paragraph: Text.\n")})
    (root / "images").mkdir()
    Image.new("RGB", (20, 10), (200, 30, 30)).save(root / "images" / "ภาพ.png")
    source = "leaflets/sample.yaml" if where == "figure" else "organisations/test-clinic.yaml"
    if where == "logo":
        profile = root / source
        profile.write_text(profile.read_text("utf-8") + 'logo: "images/ภาพ.png"\n', "utf-8")
    out = str(tmp_path / "o")
    for command in (["check"], ["build", "-l", "en", "-o", out]):
        code, output = run_in_locale(ASCII_LOCALE, *command, "--project", str(root))
        assert code == 1 and no_internal_error(output), output
        assert re.search(rf"{source}:\d+:\d+: error: (LOAD001: )?path 'ภาพ.png': ", output), output
        assert "hint: run it in a UTF-8 locale (export LC_ALL=C.UTF-8" in output, output
    assert not (tmp_path / "o" / "en" / "sample.pdf").exists()
    code, output = run_in_locale({"LC_ALL": "C", "PYTHONUTF8": "1"}, "build", "-l", "en",
                                 "--project", str(root), "-o", out)  # fmt: skip
    assert code == 0 and (tmp_path / "o" / "en" / "sample.pdf").is_file(), output


def test_a_thai_project_folder_in_an_ascii_locale_is_named_in_thai(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """Under LC_ALL=C, Python reads each byte of a Thai folder's name as a surrogate;
    every message naming a file in it showed `\\udce0\\udcb9\\udc82…` where the clinic
    had typed โครงการ. The bytes are read back as the UTF-8 they are."""
    root = make_project({"sample": leaflet_yaml('- figure: "missing.png"\n  alt: A box\n')})
    thai = tmp_path / "โครงการ คลินิก"
    shutil.copytree(root, thai)
    code, output = run_in_locale(ASCII_LOCALE, "check", "--project", str(thai))
    assert code == 1 and no_internal_error(output), output
    assert f"{thai}/leaflets/sample.yaml:" in output and "\\udc" not in output, output


def test_bytes_no_encoding_decoded_are_shown_as_bytes() -> None:
    """A name that is not UTF-8 either (a Latin-1 file name unzipped as is) is shown
    byte by byte, as a terminal's `ls -b` would, never as surrogates."""
    from msc_leaflet.errors import escaped

    assert escaped("images/\udce0\udcb8\udca0.png") == "images/ภ.png"
    assert escaped("caf\udce9.png") == "caf\\xe9.png"
    assert escaped("two\nlines") == "two\\nlines"


def test_thai_typed_on_the_command_line_in_an_ascii_locale_is_thai(tmp_path: Path) -> None:
    """Under LC_ALL=C Python reads each byte of a Thai argument as a surrogate: ``init
    clinic --name คลินิกทดสอบ`` was refused as ``invalid character U+DCE0``, and
    ``init คลินิก`` named its id ``'\\udce0\\udcb8\\udc84…'``. A text option is read as
    the UTF-8 the terminal sent, and a value quoted in a message is shown as typed."""
    code, output = run_in_locale(
        ASCII_LOCALE, "init", str(tmp_path / "clinic"), "--name", "คลินิกทดสอบ"
    )
    assert code == 0 and no_internal_error(output), output
    profile = (tmp_path / "clinic" / "organisations" / "clinic.yaml").read_text("utf-8")
    assert 'name: "CHANGE-ME: คลินิกทดสอบ"' in profile
    code, output = run_in_locale(ASCII_LOCALE, "init", str(tmp_path / "คลินิก"))
    assert code == 1 and "organisation id 'คลินิก' is not valid" in output, output
    assert "\\udc" not in output and not (tmp_path / "คลินิก").exists()


@pytest.mark.parametrize("command", [["list"], ["build", "-l", "en"], ["check"], ["i18n", "stats"]])
def test_a_working_folder_deleted_under_the_terminal_is_one_line(
    make_project: Callable[..., Path], tmp_path: Path, command: list[str]
) -> None:
    """A terminal left in a folder another command removed (``rm -rf``, a checkout of
    another branch): every command failed as ``internal error: FileNotFoundError``,
    even given --project by its full path, and ``list`` printed two tracebacks (the
    message itself could not be written: it names its file relative to that folder)."""
    root = make_project({"sample": leaflet_yaml("- paragraph: Text.\n")})
    gone = tmp_path / "gone"
    gone.mkdir()
    src = str(Path(__file__).resolve().parents[1] / "src")
    args = " ".join([*command, "--project", str(root), "-o" if "-l" in command else "",
                     str(tmp_path / "o") if "-l" in command else ""])  # fmt: skip
    script = f'cd "{gone}" && rmdir "{gone}" && exec "{sys.executable}" -m msc_leaflet {args}'
    done = subprocess.run(["sh", "-c", script], env={**os.environ, "PYTHONPATH": src},
                          capture_output=True, text=True, timeout=120, check=False)  # fmt: skip
    output = done.stdout + done.stderr
    assert done.returncode == 1 and no_internal_error(output) and "Traceback" not in output
    assert f"{gone}: error: the folder this command runs in no longer exists" in output, output
    assert "hint: go into the project folder again" in output
    assert not (tmp_path / "o").exists()


def test_a_build_out_of_memory_says_so_not_internal_error(
    make_project: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A container's memory limit (or ``ulimit -v``) met while laying out a leaflet was
    ``internal error: MemoryError:  (rerun this job with --debug -j1)``: a fault to
    report, with nothing after its name. It is the computer's limit, said so."""
    from msc_leaflet.build import batch

    def no_memory(*args: object, **kwargs: object) -> None:
        raise MemoryError

    monkeypatch.setattr(batch, "_build_once", no_memory)
    root = make_project({"sample": leaflet_yaml("- paragraph: Text.\n")})
    code, output = invoke("build", "-j1", "-l", "en", "--project", str(root),
                          "-o", str(tmp_path / "o"))  # fmt: skip
    assert code == 1 and no_internal_error(output), output
    assert "en/sample.pdf: error: out of memory: making this PDF needed more memory" in output
    assert "hint: close other programs, build one PDF at a time (-j 1)" in output
    assert not (tmp_path / "o" / "en" / "sample.pdf").exists()


def test_a_name_typed_in_another_encoding_is_refused_naming_its_byte(tmp_path: Path) -> None:
    """A terminal set to Latin-1 sends Café as the bytes 43 61 66 E9, which no
    decoding makes text: it was ``invalid character U+DCE9 unnamed character`` with a
    hint about text copied from another program."""
    src = str(Path(__file__).resolve().parents[1] / "src")
    done = subprocess.run(
        [sys.executable, "-m", "msc_leaflet", "init", str(tmp_path / "clinic"), "--name",
         b"Caf\xe9 Clinic"], env={**os.environ, "PYTHONPATH": src}, capture_output=True,
        timeout=120, check=False,
    )  # fmt: skip
    output = (done.stdout + done.stderr).decode("utf-8", "replace")
    assert done.returncode == 2 and "Traceback" not in output, output
    assert "byte 0xE9 is not UTF-8 text: the terminal that typed it is set to" in output
    assert not (tmp_path / "clinic").exists()
