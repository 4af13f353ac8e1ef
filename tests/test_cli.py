"""The command line, driven as a user would, asserting on real output files."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from conftest import LONG_BLOCKS, REFERENCES, leaflet_yaml
from msc_leaflet.cli.app import app

runner = CliRunner()


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_build_writes_pdfs(make_project: Callable[..., Path], tmp_path: Path) -> None:
    root = make_project()
    code, out, err = invoke("build", "--project", str(root), "--out", str(tmp_path / "out"))
    assert code == 0, err
    assert (tmp_path / "out" / "en" / "sample.pdf").is_file()
    assert "sample.pdf" in out and "pages" in out


def test_content_error_is_one_message_without_traceback(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_project({"sample": leaflet_yaml("- paragraph: See [@missing].\n")})
    code, out, err = invoke("build", "--project", str(root), "--out", str(tmp_path / "out"))
    assert code == 1
    assert "sample.yaml:" in err and ": error: citation [@missing] has no matching reference" in err
    assert "Traceback" not in err + out
    assert not (tmp_path / "out" / "en" / "sample.pdf").exists()


def test_unknown_leaflet_id(make_project: Callable[..., Path]) -> None:
    code, _, err = invoke("build", "nope", "--project", str(make_project()))
    assert code == 1 and "no leaflet 'nope'" in err and "known leaflets: sample" in err


@pytest.mark.parametrize(
    "command",
    [["build", "-l", "en"], ["check"], ["preview"], ["i18n", "review", "-l", "en", "--by", "A B"]],
    ids=["build", "check", "preview", "i18n review"],
)
def test_a_misspelt_leaflet_id_is_answered_with_the_nearest(
    make_project: Callable[..., Path], command: list[str]
) -> None:
    # A clinic's project holds dozens of leaflets: the hint listed them all, and left
    # the reader to spot 'infusion-safety' among them.
    names = ["hand-hygiene", "infusion-safety", "sample", "wound-care"]
    root = make_project({name: leaflet_yaml(LONG_BLOCKS, name) for name in names})
    extra = ["--role", "reviewer"] if command[0] == "i18n" else []
    code, out, err = invoke(*command, "infusion-safty", *extra, "--project", str(root))
    said = out + err
    assert code == 1 and "no leaflet 'infusion-safty'" in said, said
    assert "did you mean 'infusion-safety'?" in said, said
    assert "wound-care" not in said, said


def test_usage_error_exits_2() -> None:
    code, _, _ = invoke("build", "--no-such-flag")
    assert code == 2


@pytest.mark.parametrize("args", [["-x"], [], ["a", "b"], ["ok-id", "-x"], ["--project"]])
def test_new_with_bad_usage_exits_2(args: list[str]) -> None:
    code, _, _ = invoke("new", *args)
    assert code == 2


@pytest.mark.parametrize("leaflet_id", ["Bad_ID", "-", "../x", "a/b", ""])
def test_new_with_a_bad_id_is_the_tools_error(
    make_project: Callable[..., Path], leaflet_id: str
) -> None:
    root = make_project()
    before = sorted(root.rglob("*"))
    code, _, err = invoke("new", "--project", str(root), "--", leaflet_id)
    assert code == 1 and "leaflet id" in err and "hint: " in err
    assert sorted(root.rglob("*")) == before  # nothing written


def test_new_scaffolds_a_valid_leaflet_and_never_overwrites(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_project()
    code, _, err = invoke("new", "hand-hygiene", "--project", str(root))
    assert code == 0, err
    path = root / "leaflets" / "hand-hygiene.yaml"
    original = path.read_text(encoding="utf-8")
    code, _, err = invoke(
        "build", "hand-hygiene", "--project", str(root), "--out", str(tmp_path / "o")
    )
    assert code == 0, err
    code, _, err = invoke("new", "hand-hygiene", "--project", str(root))
    assert code == 1 and "already exists" in err
    assert path.read_text(encoding="utf-8") == original


def test_new_names_the_file_from_where_it_ran(
    make_project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README's tour shows `created leaflets/hand-hygiene.yaml`: like every other
    command, `new` names a file from the folder it ran in, not by this machine's path."""
    root = make_project()
    monkeypatch.chdir(root)
    code, out, err = invoke("new", "hand-hygiene")
    assert code == 0, err
    assert out.startswith("created leaflets/hand-hygiene.yaml; edit it"), out
    assert str(root) not in out


def test_new_refuses_bad_ids(make_project: Callable[..., Path]) -> None:
    code, _, err = invoke("new", "../escape", "--project", str(make_project()))
    assert code == 1 and "not valid" in err


def test_new_refuses_a_reserved_id_as_every_command_does(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_project()
    refusal = "a leaflet cannot be called 'ui'"
    code, _, err = invoke("new", "ui", "--project", str(root))
    assert code == 1 and f"leaflets/ui.yaml: error: {refusal}" in err and "hint:" in err
    assert not (root / "leaflets" / "ui.yaml").exists()
    # A leaflets/ui.yaml made by hand meets the same rule in every command.
    (root / "leaflets" / "ui.yaml").write_text(leaflet_yaml("- paragraph: Hi.\n", "ui"))
    out = ["-o", str(tmp_path / "o")]
    for command in (["build", "ui", *out], ["build", *out], ["i18n", "update"], ["check"]):
        code, output, err = invoke(*command, "--project", str(root))
        assert code == 1 and refusal in output + err, command


@pytest.mark.parametrize("device", ["con", "prn", "aux", "nul", "com1", "lpt9"])
def test_an_id_windows_keeps_for_a_device_is_refused_everywhere(
    make_project: Callable[..., Path], tmp_path: Path, device: str
) -> None:
    """Windows cannot hold a file called CON, PRN, AUX, NUL, COM1… or LPT1…, whatever
    its extension: a leaflet `con` could never be copied to a clinic's Windows PC, a
    shared drive or a print shop's folder. Refused with a clear word, not created."""
    root = make_project()
    code, _, err = invoke("new", device, "--project", str(root))
    assert code == 1 and "Windows" in err and "hint:" in err and "Traceback" not in err
    assert not (root / "leaflets" / f"{device}.yaml").exists()
    assert invoke("new", f"{device}-care", "--project", str(root))[0] == 0
    # A file made by hand meets the same rule in every command.
    (root / "leaflets" / f"{device}.yaml").write_text(leaflet_yaml("- paragraph: Hi.\n", device))
    code, out, err = invoke("build", device, "-o", str(tmp_path / "o"), "--project", str(root))
    assert code == 1 and "Windows" in out + err
    assert not (tmp_path / "o" / "en" / f"{device}.pdf").exists()
    code, _, err = invoke("init", str(tmp_path / "c"), "--organisation", device)
    assert code == 1 and "Windows" in err and not (tmp_path / "c").exists()
    code, _, err = invoke("init", str(tmp_path / device))
    assert code == 1 and "Windows" in err and f"--organisation {device}\n" not in err
    # An organisation named in a leaflet is a file too: organisations/<id>.yaml.
    (root / "leaflets" / f"{device}.yaml").unlink()
    sample = root / "leaflets" / "sample.yaml"
    sample.write_text(sample.read_text().replace("test-clinic", device))
    code, out, err = invoke("check", "sample", "--project", str(root))
    assert code == 1 and "sample.yaml:" in out + err and "Windows" in out + err


def test_list_shows_title_version_review_and_pages(make_project: Callable[..., Path]) -> None:
    root = make_project()
    # Before a build the page count is unknown, said once, and nothing is laid out for it.
    code, out, err = invoke("list", "--project", str(root))
    assert code == 0, err
    line = next(line for line in out.splitlines() if line.startswith("sample"))
    assert "2.1" in line and "2027-01-01" in line and "A sample leaflet" in line
    assert line.split()[3] == "–" and "msc-leaflet build" in err, (out, err)
    assert json.loads(invoke("list", "--json", "-p", str(root))[1])["leaflets"][0]["pages"] is None
    assert invoke("build", "-q", "-l", "en", "-p", str(root))[0] == 0
    code, out, err = invoke("list", "--project", str(root))
    line = next(line for line in out.splitlines() if line.startswith("sample"))
    assert code == 0 and int(line.split()[3]) >= 3 and err == "", (out, err)


@pytest.mark.parametrize("command", [[], ["build"], ["list"], ["new"]])
def test_help_everywhere(command: list[str]) -> None:
    code, out, _ = invoke(*command, "--help")
    assert code == 0 and "Usage" in out


def test_preview_refuses_an_unknown_edition_as_a_usage_error(
    make_project: Callable[..., Path],
) -> None:
    code, out, err = invoke("preview", "sample", "--edition", "bogus", "-p", str(make_project()))
    assert code == 2, out + err
    errors = [line for line in err.splitlines() if line.startswith("Error")]
    assert errors == [
        "Error: Invalid value for '--edition': 'bogus' is not one of single, parallel, sequential"
    ]


@pytest.mark.parametrize("command", ["build", "preview"])
def test_edition_help_is_the_table_of_editions(command: str) -> None:
    from msc_leaflet.print_spec import EDITIONS

    code, out, _ = invoke(command, "--help")
    help_text = " ".join(out.split())  # as wrapped for the terminal
    assert code == 0
    for edition in EDITIONS.values():
        assert f"{edition.name} ({edition.description})" in help_text


def test_locale_option_reads_the_same_in_every_command() -> None:
    def locale_help(command: str) -> str:
        lines = invoke(command, "--help")[1].split("-l, --locale")[1].split("\n  -")[0]
        return " ".join(lines.split())

    assert locale_help("build") == locale_help("check")


def test_a_booklet_build_says_its_sheets_are_not_tagged(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """A booklet is print sheets with no structure tree (docs/accessibility.md): whoever
    builds only the booklet is told, in the build's output and in ``--help``, that it is
    no file for a screen reader, and which file is; the file does not claim otherwise."""
    import pikepdf

    root = make_project()
    out = tmp_path / "out"
    code, stdout, err = invoke(
        "build", "--project", str(root), "--out", str(out), "--imposition", "booklet"
    )
    assert code == 0, err
    assert "not tagged" in err and "without --imposition" in err, err
    with pikepdf.open(out / "en" / "sample.booklet.pdf") as pdf:
        assert "/StructTreeRoot" not in pdf.Root and "/MarkInfo" not in pdf.Root
        assert b"pdfuaid" not in pdf.Root.Metadata.read_bytes()
    # An ordinary build says nothing of the kind.
    code, stdout, err = invoke("build", "--project", str(root), "--out", str(out))
    assert code == 0 and "not tagged" not in err, err
    code, stdout, _ = invoke("build", "--help")
    assert "not tagged" in " ".join(stdout.split())


def test_list_shows_every_readable_leaflet_when_one_is_broken(
    make_project: Callable[..., Path],
) -> None:
    """One broken leaflet made `list` print its error alone: the other leaflets of the
    project (a clinic has dozens) were not listed, where build and check go on."""
    root = make_project(
        {
            "a-first": leaflet_yaml("- paragraph: One.\n", leaflet_id="a-first"),
            "b-broken": "id: b-broken\ntitle: [unclosed\n",
            "c-last": leaflet_yaml("- paragraph: Three.\n", leaflet_id="c-last"),
        }
    )
    code, out, err = invoke("list", "--project", str(root))
    assert code == 1
    listed = [line.split()[0] for line in out.splitlines()[1:]]
    assert listed == ["a-first", "c-last"], out
    assert "leaflets/b-broken.yaml:" in err and "error:" in err


def test_fixed_option_words_are_read_in_any_letter_case(i18n_project: Path, tmp_path: Path) -> None:
    """`--paper A4` is read as a4, so `--colour CMYK`, `--edition Parallel`,
    `--imposition Booklet`, `--duplex Long-Edge` and `--format JSON` must be too: each
    was a usage error, the same word the help names in another case."""

    def planned(*words: str) -> list[str]:
        code, out, err = invoke(
            "build", "--dry-run", "--json", "-l", "th", "-p", str(i18n_project),
            "-o", str(tmp_path / "o"), *words,
        )  # fmt: skip
        assert code == 0, out + err
        return [item["output"] for item in json.loads(out)["outputs"]]

    lower = ["--colour", "cmyk", "--edition", "parallel", "--edition", "single"]
    upper = ["--colour", "CMYK", "--edition", "Parallel", "--edition", "SINGLE"]
    assert planned(*upper) == planned(*lower) and len(planned(*lower)) == 2
    booklet = ["--imposition", "booklet", "--duplex", "long-edge"]
    assert planned("--imposition", "Booklet", "--duplex", "Long-Edge") == planned(*booklet)
    code, out, err = invoke("preview", "care-basics", "-l", "th", "--edition", "Bogus",
                            "-p", str(i18n_project))  # fmt: skip
    assert code == 2 and "'Bogus' is not one of single, parallel, sequential" in err
    for command in (["check", "-f", "JSON"], ["i18n", "stats", "--format", "Json"]):
        code, out, err = invoke(*command, "-p", str(i18n_project))
        assert code in (0, 1) and json.loads(out), (command, err)
    code, out, err = invoke("init", str(tmp_path / "clinic"), "--library", "MSC")
    assert code == 0 and (tmp_path / "clinic" / "leaflets" / "infusion-safety.yaml").is_file(), err


def _commands(group: object, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command of the CLI, as the words that run it (``("i18n", "stats")``)."""
    found: list[tuple[str, ...]] = []
    for name, command in getattr(group, "commands", {}).items():
        if hasattr(command, "commands"):  # a group: Typer's own click, not click's
            found += _commands(command, (*prefix, name))
        else:
            found.append((*prefix, name))
    return found


def test_every_command_has_help_with_an_example() -> None:
    """The README promises "Every command has `--help` with examples": `list` and every
    `i18n` command had none, though their options (-l, --format, --by) are the ones a
    translator or a coordinator needs to see used."""
    commands = _commands(typer.main.get_command(app))
    assert ("i18n", "review") in commands and ("build",) in commands
    without = []
    for words in commands:
        code, out, _ = invoke(*words, "--help")
        assert code == 0, words
        if "Example" not in out or f"msc-leaflet {' '.join(words)}" not in out:
            without.append(" ".join(words))
    assert without == []


THAI_KEY = "ชื่อเรื่อง"  # a misplaced Thai key: every message about it quotes Thai


def run_in(env_changes: dict[str, str], *args: str, tty: bool = False) -> tuple[int, str]:
    """The console command in a fresh process whose streams use the encoding a real
    terminal or pipe would give it; its exit status and all it printed."""
    import os
    import pty
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING", "LANG")}
    env.update(env_changes, PYTHONPATH=str(Path(__file__).parents[1] / "src"), TERM="xterm")
    command = [sys.executable, "-m", "msc_leaflet", *args]
    if not tty:
        done = subprocess.run(command, env=env, capture_output=True, timeout=120)
        return done.returncode, (done.stdout + done.stderr).decode("utf-8", "replace")
    leader, follower = pty.openpty()
    process = subprocess.Popen(command, env=env, stdout=follower, stderr=subprocess.PIPE)
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    _, err = process.communicate(timeout=120)
    return process.returncode, (seen + err).decode("utf-8", "replace")


# LC_ALL=C with Python's UTF-8 mode off: an ASCII terminal (an old server, a container
# without locales). PYTHONIOENCODING=cp1252: what Windows gives a redirected stream.
ASCII = {"LC_ALL": "C", "PYTHONUTF8": "0"}
WINDOWS_PIPE = {"PYTHONIOENCODING": "cp1252"}


@pytest.mark.parametrize("env", [ASCII, WINDOWS_PIPE], ids=["ascii", "cp1252"])
@pytest.mark.parametrize("tty", [False, True], ids=["pipe", "terminal"])
def test_thai_messages_never_crash_a_stream_that_cannot_encode_them(
    make_project: Callable[..., Path], env: dict[str, str], tty: bool
) -> None:
    # On a terminal, the progress bar printed a failure quoting Thai as
    # "internal error: UnicodeEncodeError" (exit 70); `list` of a Thai title to a
    # Windows pipe did the same.
    thai = leaflet_yaml(LONG_BLOCKS_SHORT, "thai-title").replace(
        "title: A sample leaflet", "title: ข้อมูลสำหรับผู้ป่วย"
    )
    broken = leaflet_yaml(LONG_BLOCKS_SHORT, "broken", extra=f"{THAI_KEY}: x\n")
    root = make_project({"thai-title": thai, "broken": broken})
    code, output = run_in(env, "list", "--project", str(root), tty=tty)
    assert code == 1 and "internal error" not in output, output
    assert "thai-title" in output and "broken.yaml" in output
    code, output = run_in(env, "build", "--project", str(root), tty=tty)
    assert code == 1 and "internal error" not in output, output
    assert "1 built" in output and "broken.yaml:" in output
    assert THAI_KEY in output or "\\u0e0a" in output  # as the stream can show it
    assert "Traceback" not in output


LONG_BLOCKS_SHORT = "- paragraph: One plain sentence [@alpha2001].\n"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_dumb_terminal_gets_a_line_per_output(monkeypatch: pytest.MonkeyPatch) -> None:
    # Emacs' shell and compilation buffers say TERM=dumb: Rich draws no bar there, so
    # a build printed nothing but its summary, however long it ran.
    from msc_leaflet.build.batch import Job, Outcome, PlannedJob
    from msc_leaflet.cli.progress import LiveProgress

    monkeypatch.setenv("TERM", "dumb")
    stream = Terminal()
    progress = LiveProgress(quiet=False, stream=stream)
    job = Job("sample", "th")
    progress.start([PlannedJob(job, "never built")])
    progress.update(Outcome(job, "built", pages=3, seconds=0.5))
    progress.stop()
    assert stream.getvalue() == "built   th/sample.pdf (3 pages, 0.50 s)\n"


@pytest.mark.parametrize(
    "command",
    [
        ["build"],
        ["preview", "sample"],
        ["list"],
        ["new", "sample"],
        ["check"],
        ["i18n", "extract"],
        ["i18n", "init", "th"],
        ["i18n", "update"],
        ["i18n", "compile"],
        ["i18n", "stats"],
        ["i18n", "check"],
        ["i18n", "review", "sample", "-l", "th", "--by", "Dr. A", "--role", "clinical"],
        ["i18n", "export", "-l", "th"],
        ["i18n", "import", "x.xlf", "-l", "th"],
    ],
    ids=" ".join,
)
def test_every_command_outside_a_project_says_so_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    # The most common slip: a command run in the wrong folder. `i18n review` and
    # `i18n init` printed a traceback ending in LeafletError for it.
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, command)
    output = result.stdout + result.stderr
    assert result.exit_code == 1, output
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert "this folder has no leaflets/ directory" in output and "Traceback" not in output


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["build", "--shard", ""], "--shard"),
        (["build", "--dry-run", "--shard", ""], "--shard"),
        (["preview", "sample", "-l", ""], "locale '' is not a language tag"),
    ],
    ids=["shard", "shard-dry-run", "preview-locale"],
)
def test_an_empty_option_value_is_refused_not_ignored(
    make_project: Callable[..., Path], tmp_path: Path, args: list[str], said: str
) -> None:
    # `--shard "$SHARD"` with SHARD unset made every CI shard build everything;
    # `preview -l "$LANG_CODE"` quietly previewed the source language.
    root = make_project()
    out = tmp_path / "o"
    code, stdout, stderr = invoke(*args, "--project", str(root), "-o", str(out))
    assert code in (1, 2) and said in stdout + stderr, stdout + stderr
    assert not list(out.rglob("*.pdf"))


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="/dev/full is Linux's")
@pytest.mark.parametrize(
    "command",
    [["list"], ["build", "--json"], ["check"], ["i18n", "stats"], ["i18n", "update"]],
    ids=" ".join,
)
def test_output_to_a_full_disk_is_one_line(
    i18n_project: Path, tmp_path: Path, command: list[str]
) -> None:
    # `msc-leaflet build --json > report.json` on a full disk (here /dev/full) was
    # "internal error: OSError: [Errno 28]", exit 70; `i18n stats` a whole traceback.
    import subprocess
    import sys

    src = str(Path(__file__).resolve().parents[1] / "src")
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "msc_leaflet", *command, "--project", str(i18n_project)],
            env={**__import__("os").environ, "PYTHONPATH": src}, stdout=full,
            stderr=subprocess.PIPE, text=True, timeout=300, check=False,
        )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr
    assert done.stderr.splitlines()[0] == (
        "standard output: error: cannot write: no space left on the disk"
    ), done.stderr


def run_with_reader_gone(*args: str, unbuffered: str = "") -> subprocess.CompletedProcess[str]:
    """The console command writing into a pipe nobody reads any more (`… | head -1`
    once head has its line): its read end is closed before the command starts."""
    import os
    import sys

    src = str(Path(__file__).resolve().parents[1] / "src")
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(
            [sys.executable, "-m", "msc_leaflet", *args],
            env={**os.environ, "PYTHONPATH": src, "PYTHONUNBUFFERED": unbuffered},
            stdout=write_end,
            stderr=subprocess.PIPE, text=True, timeout=300, check=False,
        )  # fmt: skip
    finally:
        os.close(write_end)


@pytest.mark.parametrize("unbuffered", ["", "1"], ids=["buffered", "python -u"])
def test_a_reader_that_goes_away_stops_no_build(
    i18n_project: Path, tmp_path: Path, unbuffered: str
) -> None:
    # `msc-leaflet build | head -1` in a CI script: the build stopped at the second
    # output once head had its line, and exited 0 with most PDFs never made.
    out = tmp_path / "out"
    args = ("build", "-j1", "-o", str(out), "--project", str(i18n_project))
    done = run_with_reader_gone(*args, unbuffered=unbuffered)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.pdf")) == [
        "en/care-basics.pdf",
        "th/care-basics.pdf",
    ]


@pytest.mark.parametrize(
    ("command", "status"),
    [(["check", "--format", "json"], 1), (["check"], 1), (["i18n", "stats"], 0), (["list"], 0)],
    ids=["check json", "check", "i18n stats", "list"],
)
def test_a_reader_that_goes_away_changes_no_exit_status(command: list[str], status: int) -> None:
    # `msc-leaflet check --format json | head -c 200` ended 0 although the leaflet has
    # errors (a CI step with pipefail passed it); `i18n stats | head -1` ended 1.
    bad = Path(__file__).parent / "fixtures" / "checks" / "bad-leaflet"
    done = run_with_reader_gone(*command, "--project", str(bad))
    assert done.returncode == status, done.stderr
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr


@pytest.mark.parametrize("closed", [">&-", ">&- 2>&- <&-"], ids=["stdout", "all three"])
def test_a_build_with_its_output_closed_builds_every_pdf(
    i18n_project: Path, tmp_path: Path, closed: str
) -> None:
    # `msc-leaflet build >&-` (a service or cron job started with its output closed):
    # Python has no sys.stdout then, and the build ended `internal error:
    # AttributeError: 'NoneType' object has no attribute 'isatty'`, no PDF made. The
    # next file opened would also take descriptor 1, a PDF as standard output.
    import os
    import shlex
    import sys

    from pypdf import PdfReader

    src = str(Path(__file__).resolve().parents[1] / "src")
    out = tmp_path / "out"
    args = shlex.join([sys.executable, "-m", "msc_leaflet", "build", "-j2", "-o", str(out),
                       "--project", str(i18n_project)])  # fmt: skip
    done = subprocess.run(["sh", "-c", f"exec {args} {closed}"], capture_output=True,
                          env={**os.environ, "PYTHONPATH": src}, text=True, timeout=300,
                          check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    for locale in ("en", "th"):
        reader = PdfReader(out / locale / "care-basics.pdf", strict=True)
        assert reader.pages[0].extract_text().strip(), locale
    assert (out / "manifest.json").read_bytes().startswith(b"{")


@pytest.mark.parametrize(
    "command",
    [["build", "--dry-run"], ["check"], ["i18n", "check"], ["i18n", "stats"], ["list"],
     ["preflight"]],
    ids=" ".join,
)  # fmt: skip
def test_json_is_asked_for_the_same_way_of_every_command(
    i18n_project: Path, tmp_path: Path, command: list[str]
) -> None:
    # Scripts wrote `check --format json` and `build --json`; each spelling was refused
    # by the other command ("No such option"), and `list` had no JSON at all.
    if command == ["preflight"]:
        code, _, err = invoke("build", "-l", "en", "--project", str(i18n_project))
        assert code == 0, err
        args = [*command, str(i18n_project / "build" / "en" / "care-basics.pdf")]
    else:
        args = [*command, "--project", str(i18n_project)]
    documents = []
    for spelling in (["--json"], ["--format", "json"], ["-f", "JSON"]):
        code, out, err = invoke(*args, *spelling)
        assert code == 0, out + err
        documents.append(json.loads(out))
    assert documents[0] == documents[1] == documents[2] or command == ["build", "--dry-run"]
    code, out, err = invoke(*args, "--json", "--format", "text")
    assert code == 2 and "--json" in err and out == "", err


def test_list_json_names_every_leaflet(make_project: Callable[..., Path]) -> None:
    root = make_project({"sample": leaflet_yaml(LONG_BLOCKS), "broken": "id: broken\n"})
    code, out, err = invoke("list", "--json", "--project", str(root))
    document = json.loads(out)
    assert code == 1 and err == ""
    assert [row["id"] for row in document["leaflets"]] == ["sample"]
    assert set(document["leaflets"][0]) == {"id", "title", "version", "review", "pages"}
    assert len(document["problems"]) == 1 and "broken.yaml" in document["problems"][0]


def documented_json_keys() -> dict[str, tuple[list[str], list[str]]]:
    """The README's table of JSON documents: command → (document keys, item keys)."""
    import re

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    table = {}
    for line in readme.splitlines():
        cells = line.split(" | ")
        if line.startswith("| `") and "--json`" in cells[0]:
            command = cells[0].strip("| `").removesuffix(" --json")
            keys = [re.findall(r"`([a-z_]+)`", re.sub(r"\(.*?\)", "", c)) for c in cells[1:3]]
            table[command] = (keys[0], keys[1])
    return table


def test_every_json_document_has_the_keys_the_readme_names(
    i18n_project: Path, tmp_path: Path
) -> None:
    from test_hardening_text import set_msgstr

    # "Keep the wound covered for 4 hours": short enough for a warning (I18N010), so
    # `i18n check` has a finding to show its keys, and no error (exit 0).
    set_msgstr(i18n_project, "paragraph/4", "ปิดแผลไว้ 4 ชั่วโมง")
    root = str(i18n_project)
    code, _, err = invoke("build", "-l", "en", "--project", root)
    assert code == 0, err
    pdf = str(i18n_project / "build" / "en" / "care-basics.pdf")
    runs = {
        "build": ["build", "--force", "-o", str(tmp_path / "o"), "--project", root],
        "build --dry-run": ["build", "--dry-run", "--project", root],
        "check": ["check", "--project", root],
        "i18n check": ["i18n", "check", "--project", root],
        "list": ["list", "--project", root],
        "i18n stats": ["i18n", "stats", "--project", root],
        "preflight": ["preflight", pdf],
    }
    documented = documented_json_keys()
    assert set(documented) == set(runs)
    for command, args in runs.items():
        code, out, err = invoke(*args, "--json")
        assert code == 0, err
        document = json.loads(out)
        items = (
            document
            if isinstance(document, list)
            else next(value for value in document.values() if isinstance(value, list) and value)
        )
        keys, item_keys = documented[command]
        assert isinstance(document, list) or list(document) == keys, command
        assert list(items[0]) == item_keys, command


@pytest.mark.parametrize(
    ("today", "said"),
    [("2026-13-01", "YYYY-MM-DD"), ("01/06/2026", "YYYY-MM-DD"), ("2569-06-01", "2026-06-01")],
)
def test_a_today_that_is_no_date_is_a_usage_error(
    make_project: Callable[..., Path], today: str, said: str
) -> None:
    # It was exit 1, as if a leaflet had failed, from a file named '.':
    # ".: error: --today '2026-13-01' is not a date".
    code, out, err = invoke("check", "--today", today, "--project", str(make_project()))
    assert code == 2 and out == "", err
    assert "--today" in err and said in err and ".: error" not in err, err


def test_json_naming_a_file_whose_name_is_not_utf8_is_utf8(
    i18n_project: Path, tmp_path: Path
) -> None:
    # A PDF copied from a Windows share (`\xff.pdf` in Latin-1): preflight --json wrote
    # the byte itself into the document, which is then no UTF-8 and no JSON for jq or
    # json.loads. Such a name is written as Python's json reads it back (os.fsdecode).
    import os
    import sys

    code, _, err = invoke("build", "-l", "en", "--project", str(i18n_project))
    assert code == 0, err
    odd = os.fsdecode(bytes(tmp_path) + b"/\xff.pdf")
    Path(odd).write_bytes((i18n_project / "build" / "en" / "care-basics.pdf").read_bytes())
    src = str(Path(__file__).resolve().parents[1] / "src")
    for command in (["preflight", odd, "--json"], ["check", "--json", "-p", str(i18n_project)]):
        done = subprocess.run(
            [sys.executable, "-m", "msc_leaflet", *command],
            env={**os.environ, "PYTHONPATH": src}, capture_output=True, timeout=300,
        )  # fmt: skip
        document = json.loads(done.stdout.decode("utf-8"))
        if command[0] == "preflight":
            assert document["files"][0]["path"] == odd


def test_i18n_export_with_project_writes_into_the_project(
    i18n_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `msc-leaflet i18n export -l th --project my-clinic` from a CI checkout's root left
    # xliff/ in the caller's folder, where `build --project` writes my-clinic/build/.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    code, out, err = invoke("i18n", "export", "-l", "th", "--project", str(i18n_project))
    assert code == 0, out + err
    assert list(elsewhere.iterdir()) == []
    assert (i18n_project / "xliff" / "care-basics.th.xlf").is_file()


def test_i18n_check_writes_every_finding_to_one_stream(i18n_project: Path) -> None:
    # `msc-leaflet i18n check > report.txt` kept the warnings in the report and sent
    # the errors, the findings that matter, to the terminal; `check` writes them all.
    from test_hardening_text import set_msgstr

    set_msgstr(i18n_project, "paragraph/4", "**ตัวหนา")
    code, out, err = invoke("i18n", "check", "--project", str(i18n_project))
    assert code == 1, out + err
    assert ": error: " in out and ": error: " not in err, out + err
    assert "error(s)" in err and "error(s)" not in out  # the count, as check gives it


def test_a_one_page_build_says_one_page(tmp_path: Path) -> None:
    # Every clinic's first build, of the one-page starter leaflet `init` writes, said
    # "built   en/first-leaflet.pdf (1 pages, …)" and "· 1 pages ·".
    runner = CliRunner()
    assert runner.invoke(app, ["init", str(tmp_path / "clinic")]).exit_code == 0
    result = runner.invoke(app, ["build", "--project", str(tmp_path / "clinic")])
    assert result.exit_code == 0, result.stdout + result.stderr
    printed = result.stdout + result.stderr
    assert "en/first-leaflet.pdf (1 page, " in printed
    assert "1 built, 0 skipped, 0 failed · 1 page · " in printed
    assert "1 pages" not in printed


@pytest.mark.parametrize(
    ("blocks", "line", "column", "meant"),
    [
        ("- paragraph: See the study [@alpha2010].\n", 17, 31, "alpha2001"),
        ("- paragraph: 'Both [@gamma2002; @gama2002].'\n", 17, 35, "gamma2002"),
        ("- paragraph: >-\n    Folded text [@delta203].\n", 17, 0, "delta2003"),
    ],
    ids=["plain", "quoted-second-key", "folded"],
)
def test_an_unknown_citation_names_its_column_and_the_nearest_keys_only(
    make_project: Callable[..., Path],
    tmp_path: Path,
    blocks: str,
    line: int,
    column: int,
    meant: str,
) -> None:
    # The hint listed every reference of the leaflet (dozens in a review leaflet), and the
    # place was the line alone: the reader hunted the misspelt key along a long paragraph.
    references = REFERENCES + "".join(
        f"  - key: other{n}\n    authors: [Other O]\n    title: Study {n}\n"
        f"    journal: J Test\n    year: 2004\n"
        for n in range(8)
    )
    root = make_project({"sample": leaflet_yaml(blocks, references=references)})
    code, out, err = invoke("build", "--project", str(root), "--out", str(tmp_path / "out"))
    assert code == 1 and "Traceback" not in err + out
    where = f"sample.yaml:{line}:{column}:" if column else f"sample.yaml:{line}:"
    assert where in err, err
    assert f"did you mean [@{meant}]" in err, err
    assert "other7" not in err, err  # not every key the leaflet has


def test_an_unknown_citation_without_a_near_key_says_where_references_go(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_project({"sample": leaflet_yaml("- paragraph: See [@zzzz].\n")})
    code, _, err = invoke("build", "--project", str(root), "--out", str(tmp_path / "out"))
    assert code == 1 and "sample.yaml:17:21:" in err, err
    assert "add a reference with key: zzzz under 'references:'" in err, err
    assert "alpha2001" not in err, err


@pytest.mark.parametrize("dry_run", [["--dry-run"], []], ids=["dry-run", "build"])
@pytest.mark.parametrize(
    "asked", [["-l", "xx"], ["-l", "xx", "-l", "xx"], ["-l", "xx", "-l", "XX"]]
)
def test_an_unknown_locale_is_one_error_however_many_leaflets_and_repeats(
    make_project: Callable[..., Path], tmp_path: Path, dry_run: list[str], asked: list[str]
) -> None:
    # `build --dry-run -l xx` printed the same "unknown locale 'xx'" once per leaflet (a
    # clinic's project holds dozens), as if each leaflet had its own problem.
    text = leaflet_yaml("- paragraph: Short text [@alpha2001].\n")
    root = make_project({"one": text.replace("id: sample", "id: one"),
                         "two": text.replace("id: sample", "id: two")})  # fmt: skip
    out = tmp_path / "out"
    code, stdout, stderr = invoke("build", *dry_run, *asked, "-p", str(root), "-o", str(out))
    assert code == 1 and "Traceback" not in stdout + stderr
    assert stderr.count("unknown locale 'xx'") == 1, stderr  # stdout: build's summary
    assert not list(out.rglob("*.pdf"))
    code, stdout, _ = invoke("build", *dry_run, *asked, "--json", "-p", str(root), "-o", str(out))
    failed = [o for o in json.loads(stdout)["outputs"] if o["status"] == "failed"]
    assert code == 1 and len(failed) == 1 and "unknown locale 'xx'" in failed[0]["message"]


def test_check_json_names_files_from_the_project_with_line_and_column_apart(
    make_project: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `check --json` gave "file" as this machine's absolute path and "path" as the text
    # output's "file:line": a CI job run elsewhere could not match findings to files.
    root = make_project({"sample": leaflet_yaml("- paragraph: This cures arthritis.\n")})
    for here in (tmp_path, root, root / "leaflets"):
        monkeypatch.chdir(here)
        code, stdout, _ = invoke("check", "--json", "--project", str(root))
        findings = json.loads(stdout)["findings"]
        assert findings and code == 1
        for finding in findings:
            assert finding["file"] == "leaflets/sample.yaml", finding
            assert isinstance(finding["line"], int) and isinstance(finding["column"], int)
            assert "path" not in finding, finding


def _with_locales(root: Path, *locales: str) -> Path:
    """``root`` with an (empty) leaflet catalog in each of ``locales``."""
    for locale in locales:
        folder = root / "locales" / locale / "LC_MESSAGES"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "sample.po").write_text('msgid ""\nmsgstr ""\n', encoding="utf-8")
    return root


@pytest.mark.parametrize(
    "command",
    [["build", "-o", "out"], ["build", "--dry-run"], ["check"], ["preview", "sample", "-o", "out"],
     ["i18n", "export", "-o", "out"],
     ["i18n", "review", "sample", "--by", "A B", "--role", "clinical"]],
    ids=["build", "dry-run", "check", "preview", "i18n export", "i18n review"],
)  # fmt: skip
def test_an_unknown_locale_names_the_option_and_the_projects_locales_nearest_first(
    make_project: Callable[..., Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
) -> None:
    # It said "locales: error: unknown locale 'thx'", as if the folder were wrong, and
    # offered a fixed list of languages instead of the ones the project translates.
    root = _with_locales(make_project(), "my", "th", "km")
    monkeypatch.chdir(tmp_path)
    code, stdout, stderr = invoke(*command, "-l", "thx", "-p", str(root))
    said = stdout + stderr
    assert code == 1 and "Traceback" not in said, said
    assert "--locale thx: error: unknown locale 'thx'" in said, said
    assert "locales: error" not in said, said
    hint = said[said.index("hint:") :].splitlines()[0]
    assert hint.index("th") < hint.index("km") and hint.index("th") < hint.index("my"), hint


def _quiet_commands(root: Path, tmp_path: Path) -> dict[str, list[str]]:
    """Every command that prints notes, progress or a summary, on the project ``root``."""
    pdf = tmp_path / "built" / "th" / "care-basics.pdf"
    return {
        "check": ["check", "-p", str(root)],
        "check errors": ["check", "-p", str(root), "--today", "2031-01-01", "--strict"],
        "i18n extract": ["i18n", "extract", "-p", str(root)],
        "i18n update": ["i18n", "update", "-p", str(root)],
        "i18n compile": ["i18n", "compile", "-p", str(root)],
        "i18n check": ["i18n", "check", "-p", str(root)],
        "i18n init": ["i18n", "init", "vi", "-p", str(root)],
        "i18n export": ["i18n", "export", "-l", "th", "-o", str(tmp_path / "x"), "-p", str(root)],
        "i18n import": ["i18n", "import", str(tmp_path / "x" / "care-basics.th.xlf"),
                        "-p", str(root)],
        "preflight": ["preflight", str(pdf)],
        "preflight errors": ["preflight", str(pdf), "--booklet"],  # 2 pages, not 4
        "preview": ["preview", "care-basics", "-l", "th", "-o", str(tmp_path / "built"),
                    "-p", str(root)],
        "init": ["init", str(tmp_path / "clinic")],
    }  # fmt: skip


@pytest.mark.parametrize(
    "name", list(_quiet_commands(Path(), Path())), ids=list(_quiet_commands(Path(), Path()))
)
def test_quiet_prints_only_errors_and_keeps_the_exit_status(
    i18n_project: Path, tmp_path: Path, name: str
) -> None:
    # Only `build` had -q: a CI script that wanted errors alone from `check` or
    # `i18n compile` had to filter their notes and summaries itself.
    assert (
        invoke("build", "-l", "th", "-p", str(i18n_project), "-o", str(tmp_path / "built"))[0] == 0
    )
    invoke("i18n", "export", "-l", "th", "-o", str(tmp_path / "x"), "-p", str(i18n_project))
    command = _quiet_commands(i18n_project, tmp_path)[name]
    loud = invoke(*command)
    if name in ("init", "i18n init"):  # a second run would find the files made
        shutil.rmtree(tmp_path / "clinic", ignore_errors=True)
        shutil.rmtree(i18n_project / "locales" / "vi", ignore_errors=True)
    code, stdout, stderr = invoke(*command, "-q")
    assert loud[0] == code and "Traceback" not in stdout + stderr, (loud, stdout, stderr)
    assert loud[1] + loud[2], loud  # there was something to leave out
    assert not name.endswith(" errors") or code == 1, loud
    lines = [line for line in (stdout + stderr).splitlines() if not line.startswith("  hint:")]
    assert all(": error:" in line for line in lines), lines
    assert bool(lines) == (code != 0), lines


def _strict_build_refused(make_project: Callable[..., Path]) -> Path:
    """A project whose en/sample.pdf was built as a draft, then refused by --strict."""
    root = make_project({"sample": leaflet_yaml("- paragraph: This cures arthritis.\n")})
    assert invoke("build", "-l", "en", "-p", str(root))[0] == 0
    assert invoke("build", "-l", "en", "--strict", "-p", str(root))[0] == 1
    return root


def test_list_says_the_pdf_of_a_failed_build_is_an_earlier_builds(
    make_project: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The manifest kept the failure of a --strict build, but `list` showed the leaflet's
    # version beside the draft left at the path, and nothing else: the clinic printed it.
    root = _strict_build_refused(make_project)
    for here in (tmp_path, root, root / "leaflets"):
        monkeypatch.chdir(here)
        code, out, err = invoke("list", "-p", str(root))
        assert code == 0 and "sample" in out, err
        assert "sample.pdf: warning: the last build of this file failed" in err, err
        assert "earlier build's" in err and "CLAIM001" in err, err
        assert "msc-leaflet build sample -l en --strict" in err, err
        code, out, err = invoke("list", "--json", "-p", str(root))
        [finding] = json.loads(out)["findings"]
        assert finding["file"] == "build/en/sample.pdf" and finding["severity"] == "warning"
        assert finding["line"] == 0 and "earlier build's" in finding["message"], finding
        assert str(tmp_path) not in out
    # Built since: the failure is history, and so is the warning.
    monkeypatch.chdir(tmp_path)
    (root / "leaflets" / "sample.yaml").write_text(leaflet_yaml(LONG_BLOCKS), encoding="utf-8")
    assert invoke("build", "-l", "en", "--strict", "-p", str(root))[0] == 0
    code, out, err = invoke("list", "--json", "-p", str(root))
    assert code == 0 and json.loads(out)["findings"] == [], out


def test_list_json_gives_each_problem_as_check_json_gives_a_finding(
    make_project: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "problems" were the text output's lines: a script had to cut "file:line:col" out
    # of them, and the file was named from wherever the command ran.
    root = make_project({"sample": leaflet_yaml(LONG_BLOCKS), "listed": "- a\n- b\n"})
    for here in (tmp_path, root, root / "leaflets"):
        monkeypatch.chdir(here)
        code, out, _ = invoke("list", "--json", "-p", str(root))
        document = json.loads(out)
        [finding] = document["findings"]
        assert code == 1 and len(document["problems"]) == 1
        assert set(finding) == {"file", "line", "column", "severity", "code", "message", "hint"}
        assert finding["file"] == "leaflets/listed.yaml" and finding["line"] == 1, finding
        assert finding["severity"] == "error" and "listed.yaml" not in finding["message"]


FINDING_KEYS = {"file", "line", "column", "severity", "code", "message", "hint"}


def test_build_json_gives_each_failure_as_check_json_gives_a_finding(
    make_project: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "message" and "notes" were the text output's lines, naming files from wherever the
    # command ran: a CI job could not match a failure to its file and line.
    root = make_project({"sample": leaflet_yaml(LONG_BLOCKS), "listed": "- a\n- b\n"})
    (root / "build").mkdir()
    (root / "build" / "manifest.json").write_text("{", encoding="utf-8")  # a note
    for here in (tmp_path, root, root / "leaflets"):
        monkeypatch.chdir(here)
        for dry_run in (["--dry-run"], []):  # the build last: it rewrites the manifest
            code, out, _ = invoke("build", *dry_run, "--json", "-l", "en", "-p", str(root))
            document = json.loads(out)
            [failed] = [o for o in document["outputs"] if o["status"] == "failed"]
            problem = failed["problem"]
            assert code == 1 and set(problem) == FINDING_KEYS, problem
            assert problem["file"] == "leaflets/listed.yaml" and problem["line"] == 1
            assert "listed.yaml" in failed["message"]  # as scripts read it today
            assert problem in document["findings"], document["findings"]
            assert all(o["problem"] is None for o in document["outputs"] if o is not failed)
            assert str(tmp_path) not in json.dumps(document["findings"])
        note = next(f for f in document["findings"] if f["severity"] == "warning")
        assert note["file"] == "build/manifest.json" and len(document["notes"]) == 1, note
        (root / "build" / "manifest.json").write_text("{", encoding="utf-8")


def test_preflight_json_names_each_file_from_its_project(
    i18n_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "path" was the argument as typed: the same PDF was "build/en/x.pdf" or
    # "../build/en/x.pdf" by where the command ran.
    assert invoke("build", "-l", "en", "-p", str(i18n_project))[0] == 0
    pdf = i18n_project / "build" / "en" / "care-basics.pdf"
    folder = i18n_project / "build" / "en" / "not-a-pdf.pdf"
    folder.mkdir()
    outside = tmp_path / "loose.pdf"
    outside.write_bytes(pdf.read_bytes())
    for here in (tmp_path, i18n_project, i18n_project / "leaflets"):
        monkeypatch.chdir(here)
        args = [os.path.relpath(p) for p in (pdf, folder, outside)]
        code, out, _ = invoke("preflight", *args, "--json")
        files = json.loads(out)["files"]
        assert code == 1 and [f["path"] for f in files] == args
        assert [f["file"] for f in files] == [
            "build/en/care-basics.pdf", "build/en/not-a-pdf.pdf", str(outside)
        ]  # fmt: skip
        problem = files[1]["problem"]
        assert set(problem) == FINDING_KEYS and problem["file"] == "build/en/not-a-pdf.pdf"
        assert problem["severity"] == "error" and problem["hint"], problem
        assert files[1]["unreadable"] == problem["message"]


def test_build_json_gives_each_warning_as_a_finding(i18n_project: Path, tmp_path: Path) -> None:
    """`build --json` gave a warning as "file:line:col: warning: …" text, where a
    failure's problem and `check --json`'s findings are objects: a script split the
    text itself. Each warning is now an object of the same keys, from a build and
    from the manifest of one that skips the output as up to date."""
    from i18n_support import msgstr_line

    po = i18n_project / "locales" / "th" / "LC_MESSAGES" / "care-basics.po"
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace('msgstr "ปิดผ้าพันแผล', 'msgstr "ปิดผ้าพันแผล\u202e'), "utf-8")
    line = msgstr_line(po, "paragraph/4")
    args = ["build", "--json", "-l", "th", "-p", str(i18n_project), "-o", str(tmp_path / "o")]
    warnings = []
    for status in ("built", "skipped"):
        code, out, err = invoke(*args)
        assert code == 0, err
        [output] = json.loads(out)["outputs"]
        assert output["status"] == status
        warnings.append(output["warnings"])
    assert warnings[0] == warnings[1]
    [warning] = [w for w in warnings[0] if "paragraph/4" in w["message"]]
    assert warning == {
        "file": "locales/th/LC_MESSAGES/care-basics.po",
        "line": line,
        "column": 21,  # after msgstr " and ปิดผ้าพันแผล
        "severity": "warning",
        "code": "",
        "message": warning["message"],
        "hint": "fix the msgstr; `msc-leaflet i18n check` lists every such problem",
    }
    assert warning["message"].startswith("translation of 'paragraph/4' not used")
    assert "care-basics.po" not in warning["message"]  # the place is apart, not in the text


@pytest.mark.parametrize(
    "finding",
    [
        "Finding(Location(Path('locales/th/LC_MESSAGES/x.po'), 12, 7), 'warning', 'a: b', 'do c')",
        "Finding(Location(Path('out/manifest.json')), 'warning', 'cannot be read: x: y')",
        "CheckFinding(Location(Path('leaflets/x.yaml'), 3), 'warning', 'cut', 'h', 'LAYOUT003')",
        "CheckFinding(Location(Path('leaflets/x.yaml'), 3, 2), 'error', 'm', '', 'A11Y008')",
    ],
)
def test_a_warning_kept_as_text_reads_back_as_the_finding_it_was(finding: str) -> None:
    from msc_leaflet.errors import CheckFinding, Finding, Location, read_finding

    value = eval(finding, {"Finding": Finding, "CheckFinding": CheckFinding,
                           "Location": Location, "Path": Path})  # fmt: skip
    assert read_finding(str(value)) == value


def _text_findings(text: str) -> list[str]:
    """The findings of a command's text output, each with its hint line."""
    found: list[str] = []
    for line in text.splitlines():
        if line.startswith("  hint: ") and found:
            found[-1] += "\n" + line
        else:
            found.append(line)
    return found


def test_i18n_check_json_gives_the_findings_of_its_text_as_check_json_does(
    i18n_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `i18n check` had no --json (nor --format): a CI job gating on translations cut
    # "file:line: error: CODE: ..." out of text, though every other checker had JSON.
    from msc_leaflet.errors import read_finding
    from test_hardening_text import set_msgstr

    set_msgstr(i18n_project, "paragraph/4", "**ตัวหนา")  # an error: markup not closed
    monkeypatch.chdir(i18n_project)  # the text then names files as the JSON does
    code, out, err = invoke("i18n", "check")
    texts = _text_findings(out)
    assert code == 1 and texts, out + err
    for spelling in (["--json"], ["--format", "json"], ["-f", "json"]):
        json_code, stdout, stderr = invoke("i18n", "check", *spelling)
        document = json.loads(stdout)
        assert json_code == code and stderr == "", stderr
        assert list(document) == ["findings", "errors", "warnings", "infos"]
        assert [set(f) for f in document["findings"]] == [FINDING_KEYS] * len(texts)
        assert document["findings"] == [read_finding(t).as_dict(i18n_project) for t in texts]
        assert document["errors"] == sum(f["severity"] == "error" for f in document["findings"])
        assert document["errors"] + document["warnings"] + document["infos"] == len(texts)
    code, out, err = invoke("i18n", "check", "--json", "--format", "text")
    assert code == 2 and out == "", err


def test_i18n_check_json_on_a_folder_that_is_no_project_is_no_document(tmp_path: Path) -> None:
    # The rule README states for every --json: an error that stops the command is one
    # line on stderr, exit 1, and nothing on stdout for a script to misread.
    code, out, err = invoke("i18n", "check", "--json", "-p", str(tmp_path))
    assert code == 1 and out == "" and "error" in err and "Traceback" not in err, err


def test_i18n_init_json_is_asked_for_as_every_other_commands(i18n_project: Path) -> None:
    # `i18n init` took --json but refused --format json ("No such option"), which every
    # other command with a JSON document accepts.
    documents = []
    for spelling in (["--json"], ["--format", "json"], ["-f", "JSON"]):
        code, out, err = invoke("i18n", "init", "vi", *spelling, "-p", str(i18n_project))
        assert code == 0 and err == "", out + err
        documents.append(json.loads(out))
    assert documents[0]["locale"] == "vi" and documents[0]["files"], documents
    assert documents[1] == documents[2]  # the files made by the first run are kept
    code, out, err = invoke("i18n", "init", "vi", "--json", "-f", "text", "-p", str(i18n_project))
    assert code == 2 and out == "", err


def test_a_strict_refusal_in_the_failures_list_names_its_first_problem(
    make_project: Callable[..., Path],
) -> None:
    """The list of failures after a batch ended its line at "1 problem(s) must be fixed
    before printing:", the problem itself only in the block above; it now gives the
    first problem on the same line, as `list` does, counted in words ("1 problem")."""
    root = make_project({"sample": leaflet_yaml("- paragraph: This cures arthritis.\n")})
    code, out, err = invoke("build", "-l", "en", "--strict", "-p", str(root))
    [listed] = [line for line in (out + err).splitlines() if line.startswith("- en/sample")]
    assert code == 1 and "1 problem must be fixed before printing: " in listed, listed
    assert listed.rstrip().endswith("arthritis.”)") or "CLAIM001" in listed, listed
