"""The documentation and the command line cannot drift apart (as sqlite-utils' docs tests).

The commands and options come from the Typer app itself, through click's command objects;
the command lines come from README.md, docs/*.md and the README that `init` writes: fenced
shell blocks (in ``console`` blocks, the ``$`` lines; the rest is output) and inline code.
A new command fails here until the docs show it, a renamed option until the docs follow.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import typer
from typer.core import TyperCommand, TyperGroup

from conftest import REPO
from msc_leaflet.cli.app import app

PROGRAM = "msc-leaflet"
DOCS = [
    REPO / "README.md",
    *sorted((REPO / "docs").glob("*.md")),
    REPO / "src/msc_leaflet/data/project-template/README.md",
]
# Command lines the docs show *because* they are wrong, to show what the user then sees.
SHOWN_WRONG = {
    "msc-leaflet build --frobnicate",  # docs/hardening.md: the unknown-option message
}
# Options no reader needs; each says why. Everything else appears in the docs or in its
# command's --help examples.
UNDOCUMENTED: dict[tuple[str, str], str] = {}

SHELL_BLOCKS = {"", "sh", "shell", "bash", "console"}
FENCE = re.compile(r"^```\s*([\w-]*)")
INLINE_CODE = re.compile(r"`([^`\n]+)`")
ELISION = {"…", "..."}


@dataclass(frozen=True)
class Command:
    """One command as a reader of the docs meets it: its words and what it accepts."""

    words: tuple[str, ...]  # () for msc-leaflet itself, ("i18n", "stats") for a subcommand
    takes_value: dict[str, bool]  # every spelling of every option: "-l" → True
    spellings: tuple[tuple[str, ...], ...]  # per shown option: ("--fail-fast", "--keep-going")
    subcommands: dict[str, Command]
    examples: tuple[str, ...]  # the msc-leaflet lines of its --help
    hidden: bool

    @property
    def name(self) -> str:
        return " ".join((PROGRAM, *self.words))


def describe(command: TyperCommand | TyperGroup, words: tuple[str, ...] = ()) -> Command:
    """The command tree as plain data, from click's objects (so new commands join in)."""
    takes_value: dict[str, bool] = {}
    spellings = []
    for param in command.get_params(typer.Context(command)):
        if param.param_type_name != "option":
            continue
        names = (*param.opts, *param.secondary_opts)
        if not getattr(param, "hidden", False):  # a hidden option works but need not be shown
            spellings.append(names)
        flag = getattr(param, "is_flag", False) or getattr(param, "count", False)
        takes_value |= dict.fromkeys(names, not flag)
    subcommands = {}
    if isinstance(command, TyperGroup):
        for name, sub in command.commands.items():
            assert isinstance(sub, TyperCommand | TyperGroup), f"{name}: not a Typer command"
            subcommands[name] = describe(sub, (*words, name))
    examples = tuple(
        line.strip()
        for line in (command.help or "").splitlines()
        if line.strip().startswith(f"{PROGRAM} ")
    )
    return Command(words, takes_value, tuple(spellings), subcommands, examples, command.hidden)


def every_command(command: Command) -> Iterator[Command]:
    yield command
    for sub in command.subcommands.values():
        yield from every_command(sub)


def resolve(root: Command, argv: list[str]) -> tuple[Command, list[str]]:
    """The command ``msc-leaflet ARGV`` runs, and every command or option in it that does
    not exist. Arguments are not judged: docs use placeholders such as ``<id>``."""
    command, problems = root, []
    words = iter(argv)
    for word in words:
        if word in ELISION or word == "--":
            break
        if word.startswith("--"):
            name, has_value, _ = word.partition("=")
            if name not in command.takes_value:
                problems.append(f"{command.name} has no option {name}")
            elif command.takes_value[name] and not has_value:
                next(words, None)
        elif word.startswith("-") and word != "-":
            # Click's short options: -q, -j 4, -j4, or flags run together (-qf).
            for index, letter in enumerate(word[1:], 1):
                name = f"-{letter}"
                if name not in command.takes_value:
                    problems.append(f"{command.name} has no option {name}")
                    break
                if command.takes_value[name]:
                    if index == len(word) - 1:
                        next(words, None)
                    break
        elif command.subcommands:
            if word not in command.subcommands:
                problems.append(f"{command.name} has no command {word!r}")
                break
            command = command.subcommands[word]
    return command, problems


def invocations(line: str) -> Iterator[list[str]]:
    """The arguments of every ``msc-leaflet`` that a shell command line runs."""
    lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    simple: list[str] = []
    for token in [*lexer, ";"]:
        if set(token) <= set(lexer.punctuation_chars):  # &&, |, ;, >: a command ends
            if simple[:1] == [PROGRAM]:
                yield simple[1:]
            simple = []
        else:
            simple.append(token)


@dataclass(frozen=True)
class Example:
    """A command line shown in the docs, with where it is shown."""

    where: str
    line: str


def examples(page: str, shown: str) -> Iterator[Example]:
    """Every command line on a Markdown page that runs ``msc-leaflet``, with backslash
    continuations joined; output lines in ``console`` blocks are skipped."""
    block: str | None = None  # the fenced block's language; None outside blocks
    pending, start = "", 0
    for number, text in enumerate(page.splitlines(), 1):
        fence = FENCE.match(text)
        if fence:
            block = fence.group(1) if block is None else None
            continue
        if block is None:
            for span in INLINE_CODE.findall(text):
                if span == PROGRAM or span.startswith(f"{PROGRAM} "):
                    yield Example(f"{shown}:{number}", span)
            continue
        if block not in SHELL_BLOCKS:
            continue
        if not pending:
            if block == "console" and not text.startswith("$ "):
                continue  # output
            text, start = text.removeprefix("$ "), number
        if text.endswith("\\"):
            pending += text[:-1]
            continue
        line, pending = pending + text, ""
        if PROGRAM in line:
            yield Example(f"{shown}:{start}", line)


def shown_in(path: Path) -> list[Example]:
    return list(examples(path.read_text(encoding="utf-8"), str(path.relative_to(REPO))))


_app = typer.main.get_command(app)
assert isinstance(_app, TyperGroup)
ROOT = describe(_app)
COMMANDS = [c for c in every_command(ROOT) if not c.hidden]
SHOWN = [example for path in DOCS for example in shown_in(path)]
DOCS_TEXT = "\n".join(path.read_text(encoding="utf-8") for path in DOCS)


def problems_in(line: str) -> tuple[list[tuple[str, ...]], list[str]]:
    """The commands a shown line runs and what in it does not exist."""
    try:
        runs = [resolve(ROOT, argv) for argv in invocations(line)]
    except ValueError as exc:  # shlex: an unclosed quote
        return [], [str(exc)]
    return [command.words for command, _ in runs], [p for _, found in runs for p in found]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.name)
def test_every_command_is_shown_in_the_docs(command: Command) -> None:
    shown = {
        words[:depth]
        for example in SHOWN
        for words in problems_in(example.line)[0]
        for depth in range(len(words) + 1)
    }
    assert command.words in shown, (
        f"`{command.name}` appears in no command line of README.md or docs/*.md"
    )


@pytest.mark.parametrize("path", DOCS, ids=lambda p: str(p.relative_to(REPO)))
def test_command_lines_in_the_docs_name_real_commands_and_options(path: Path) -> None:
    wrong = [
        f"{example.where}: `{example.line}`: {problem}"
        for example in shown_in(path)
        if example.line not in SHOWN_WRONG
        for problem in problems_in(example.line)[1]
    ]
    assert wrong == []


def test_deliberately_wrong_command_lines_are_still_wrong() -> None:
    for line in SHOWN_WRONG:
        assert problems_in(line)[1], f"`{line}` works now; show it as a working example"
        assert line in {example.line for example in SHOWN}, f"`{line}` is in no doc any more"


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.name)
def test_help_examples_name_real_commands_and_options(command: Command) -> None:
    wrong = [f"`{line}`: {p}" for line in command.examples for p in problems_in(line)[1]]
    assert wrong == []


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.name)
def test_every_option_is_documented(command: Command) -> None:
    own_examples = "\n".join(command.examples)
    missing = [
        names[0]
        for names in command.spellings
        if (command.name, names[0]) not in UNDOCUMENTED
        and not any(
            re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)
            for name in names
            for text in (DOCS_TEXT, own_examples)
        )
    ]
    assert missing == [], f"{command.name}: options in neither the docs nor the --help examples"


def test_the_checker_finds_what_does_not_exist() -> None:
    """A checker that passes everything would pass the docs too."""
    assert problems_in("msc-leaflet build -l th -j2 --out=x --keep-going a b")[1] == []
    assert problems_in("cd x && msc-leaflet --debug i18n stats --format json > s.txt") == (
        [("i18n", "stats")],
        [],
    )
    assert problems_in("msc-leaflet build --nope -z")[1] == [
        "msc-leaflet build has no option --nope",
        "msc-leaflet build has no option -z",
    ]
    assert problems_in("msc-leaflet i18n nope")[1] == ["msc-leaflet i18n has no command 'nope'"]
    assert problems_in("msc-leaflet list -l th")[1] == ["msc-leaflet list has no option -l"]


def test_console_output_is_not_read_as_a_command() -> None:
    page = (
        "```console\n$ msc-leaflet init x \\\n    --name Y\nnext: run msc-leaflet nope\n```\n"
        "```python\nrun('msc-leaflet nope')\n```\n"
        "Then `msc-leaflet list` and `msc-leaflet.toml`.\n"
    )
    assert [(e.where, e.line) for e in examples(page, "page.md")] == [
        ("page.md:2", "msc-leaflet init x     --name Y"),
        ("page.md:9", "msc-leaflet list"),
    ]


CHECK_ROW = re.compile(r"^\| ([A-Z][A-Z0-9]*[A-Z])(\d+)(?:–(\d+))? \| ([^|]*) \|", re.MULTILINE)


def check_rows(section: str) -> list[tuple[str, str]]:
    """(code, severity column) per code a table of docs/checks.md lists, ranges such as
    ``LAYOUT001–006`` read as each of their codes."""
    page = (REPO / "docs" / "checks.md").read_text(encoding="utf-8")
    start = page.index(f"\n{section}\n")
    end = page.find("\n#", start + len(section) + 2)
    rows = []
    for family, first, last, severity in CHECK_ROW.findall(page[start:end]):
        for number in range(int(first), int(last or first) + 1):
            rows.append((f"{family}{number:0{len(first)}d}", severity.strip()))
    return rows


def test_the_checks_table_lists_every_registered_check_once_with_its_severity() -> None:
    """`check --list` and the table in docs/checks.md name the same codes, each once: a
    new rule joins the table, a range such as "I18N002–015" grows with its family."""
    from msc_leaflet.checks.registry import all_checks

    registered = {check.code: check.severity for check in all_checks()}
    rows = check_rows("## The checks")
    codes = [code for code, _ in rows]
    assert sorted(codes) == sorted(registered), "codes in docs/checks.md ≠ check --list"
    wrong = [
        f"{code}: docs say {severity!r}, check --list {registered[code]!r}"
        for code, severity in rows
        if not severity.startswith("see ") and registered[code] not in severity.split("/")
    ]
    assert wrong == []


def test_the_translation_rules_table_lists_every_catalog_rule() -> None:
    """docs/checks.md's table of `i18n check` rules holds exactly the catalog checks."""
    from msc_leaflet.checks.registry import all_checks

    catalog = {c.code: c.severity for c in all_checks() if c.scope == "catalog"}
    assert dict(check_rows("### Translation rules (`msc-leaflet i18n check`)")) == catalog
    see_below = {code for code, severity in check_rows("## The checks") if severity == "see below"}
    assert see_below == set(catalog)


def test_every_check_code_the_docs_name_exists() -> None:
    """A code the docs name (in prose, a hint, an example) is one `check --list` lists."""
    from msc_leaflet.checks.registry import all_checks

    families = {check.code.rstrip("0123456789") for check in all_checks()}
    named = re.compile(rf"\b(?:{'|'.join(sorted(families))})\d{{3}}\b")
    registered = {check.code for check in all_checks()}
    unknown = [
        f"{path.relative_to(REPO)}: {code}"
        for path in DOCS
        for code in sorted(set(named.findall(path.read_text(encoding="utf-8"))))
        if code not in registered
    ]
    assert unknown == []


BUILT = re.compile(r"^built\s+(\S+) \((\d+) pages?,", re.MULTILINE)
SUMMARY = re.compile(r"^(\d+) built, (\d+) skipped, (\d+) failed · (\d+) pages?", re.MULTILINE)


def console_blocks(page: str) -> Iterator[list[tuple[str, str]]]:
    """Per ``console`` block, each ``$`` command with the output shown under it."""
    for block in re.findall(r"^```console\n(.*?)^```", page, re.MULTILINE | re.DOTALL):
        runs = re.split(r"^\$ ", block, flags=re.MULTILINE)[1:]
        yield [tuple(run.replace("\\\n", " ").partition("\n")[::2]) for run in runs]


def test_the_readme_shows_the_pages_its_builds_make(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page counts the README's build examples show are what they make of the bundled
    leaflets today (the Thai stromal-or-stem was shown at 4 pages after it grew to 5).
    Each block runs in a fresh copy of the bundled project, as its commands follow on."""
    from typer.testing import CliRunner

    from i18n_support import copy_bundled

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = [
        [(command, output) for command, output in block if command.startswith(f"{PROGRAM} build")]
        for block in console_blocks(readme)
    ]
    blocks = [block for block in blocks if any(SUMMARY.search(out) for _, out in block)]
    assert sum(map(len, blocks)) >= 5, "the README's build examples are no longer found"
    for number, block in enumerate(blocks):
        monkeypatch.chdir(copy_bundled(tmp_path / str(number)))
        for command, output in block:
            result = CliRunner().invoke(app, shlex.split(command)[1:])
            printed = result.stdout + result.stderr
            made = dict(BUILT.findall(printed))
            shown = dict(BUILT.findall(output))
            assert {name: made.get(name) for name in shown} == shown, command
            assert SUMMARY.findall(printed) == SUMMARY.findall(output), command


def yaml_example(page: Path, section: str) -> str:
    """The first ``yaml`` block under the heading ``section`` of a docs page."""
    text = page.read_text(encoding="utf-8")
    after = text[text.index(f"\n{section}\n") :]
    return re.search(r"^```yaml\n(.*?)^```", after, re.MULTILINE | re.DOTALL)[1]  # type: ignore[index]


def test_the_format_pages_complete_example_builds_as_written(tmp_path: Path) -> None:
    """docs/format.md's complete example, with its organisation profile and pictures,
    is a leaflet a newcomer can copy: it loads, checks clean and builds (it cited
    [@caplan2017] with no such reference, a loading error)."""
    from PIL import Image
    from typer.testing import CliRunner

    page = REPO / "docs" / "format.md"
    for folder in ("leaflets", "organisations", "images"):
        (tmp_path / folder).mkdir()
    leaflet = yaml_example(page, "## Complete example")
    (tmp_path / "leaflets" / "stromal-or-stem.yaml").write_text(leaflet, encoding="utf-8")
    profile = yaml_example(page, "## Organisation profile")
    (tmp_path / "organisations" / "sample-clinic.yaml").write_text(profile, encoding="utf-8")
    for name in re.findall(r"(?:figure|logo): (\S+\.png)", leaflet + profile):
        Image.new("RGB", (1200, 600), (200, 220, 230)).save(tmp_path / name)
    project = ["--project", str(tmp_path)]
    checked = CliRunner().invoke(app, ["check", *project, "--today", "2026-12-01"])
    assert checked.exit_code == 0, checked.stdout + checked.stderr
    built = CliRunner().invoke(app, ["build", *project])
    assert built.exit_code == 0, built.stdout + built.stderr
    assert (tmp_path / "build" / "en" / "stromal-or-stem.pdf").is_file()


def test_the_format_page_names_every_theme_entry() -> None:
    """Every top-level entry a theme may have (the bundled theme's, and the optional
    ones) has its row in docs/format.md's theme table, and the table names no other."""
    from msc_leaflet.content.yaml_source import load_data
    from msc_leaflet.data import data_path
    from msc_leaflet.theme.theme import OPTIONAL_KEYS

    bundled = load_data(data_path("theme.yaml").read_text("utf-8"))
    page = (REPO / "docs" / "format.md").read_text(encoding="utf-8")
    table = page[page.index("| key | what it holds |") :].split("\n\n")[0]
    rows = {
        name
        for cells in re.findall(r"^\| ([^|]+) \|", table, re.MULTILINE)
        for name in re.findall(r"`([\w-]+)`", cells)
    }
    assert rows == {*bundled, *OPTIONAL_KEYS}


def test_the_print_page_shows_what_preflight_says_of_its_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/print.md's preflight examples, run on the builds its block makes of the
    bundled leaflets, print what the page shows (it showed "claims no standard" after
    every tagged output came to claim PDF/UA-1)."""
    from typer.testing import CliRunner

    from i18n_support import copy_bundled

    page = (REPO / "docs" / "print.md").read_text(encoding="utf-8")
    blocks = [
        block
        for block in console_blocks(page)
        if any(command.startswith(f"{PROGRAM} preflight") for command, _ in block)
    ]
    compared = 0
    for number, block in enumerate(blocks):
        monkeypatch.chdir(copy_bundled(tmp_path / str(number)))
        for command, output in block:
            result = CliRunner().invoke(app, shlex.split(command, comments=True)[1:])
            if command.startswith(f"{PROGRAM} preflight") and output.strip():
                assert result.stdout == output, command
                compared += 1
    assert compared >= 2, "the print page's preflight examples are no longer found"


# Commands whose whole output the README shows: nothing in it varies from run to run.
EXACT = ("list", "i18n stats", "i18n check", "init", "new")


def test_the_readme_shows_what_its_exact_commands_print(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`list`, `i18n stats`, `i18n check`, `init` and `new` print, on the bundled project, what
    the README shows (it showed the Thai rows alone, with a 93-entry ui catalog, after
    the library's ui catalogs grew and came in Hindi too)."""
    from typer.testing import CliRunner

    from i18n_support import copy_bundled

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    shown = [
        (command, output)
        for block in console_blocks(readme)
        for command, output in block
        if any(
            command.startswith(f"{PROGRAM} {name} ") or command == f"{PROGRAM} {name}"
            for name in EXACT
        )
        and "…" not in output
    ]
    assert len(shown) >= 4, "the README's examples are no longer found"
    for number, (command, output) in enumerate(shown):
        monkeypatch.chdir(copy_bundled(tmp_path / str(number)))
        result = CliRunner().invoke(app, shlex.split(command)[1:])
        printed = result.stdout + result.stderr
        assert printed.rstrip("\n") == output.rstrip("\n"), command


def test_the_readme_check_excerpt_is_what_check_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each line of the README's `check` excerpt is a line `check` prints on the bad
    leaflet fixture, and its count line is the count (it showed 12 errors, paths of
    another folder and a hint without the catalog entry it now names)."""
    import shutil

    from typer.testing import CliRunner

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    [(command, output)] = [
        (command, output)
        for block in console_blocks(readme)
        for command, output in block
        if f"{PROGRAM} check" in command
    ]
    folder, _, command = command.rpartition(" && ")
    assert folder.startswith("cd "), command
    shutil.copytree(REPO / folder.removeprefix("cd "), tmp_path / "project")
    monkeypatch.chdir(tmp_path / "project")
    result = CliRunner().invoke(app, shlex.split(command)[1:])
    printed = (result.stdout + result.stderr).splitlines()
    shown = [line for line in output.splitlines() if line != "…"]
    assert [line for line in shown if line not in printed] == []
    assert shown[-1] == printed[-1]


def test_the_readme_python_example_runs_on_the_bundled_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The README's Python API example runs as written in a copy of the bundled project
    (its print build asked for strict=True, which refuses the Thai leaflets until a
    clinician signs them off, so the example stopped with an error)."""
    from i18n_support import copy_bundled

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    after = readme[readme.index("\n## Python API\n") :]
    code = re.search(r"^```python\n(.*?)^```", after, re.MULTILINE | re.DOTALL)[1]  # type: ignore[index]
    monkeypatch.chdir(copy_bundled(tmp_path))
    exec(compile(code, "README.md (Python API)", "exec"), {})
    assert "th/infusion-safety.pdf" in capsys.readouterr().out
    assert Path("print/th/infusion-safety.parallel.pdf").is_file()


def test_the_readme_names_the_locales_its_build_command_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README's first command builds the locales its sentence names, no more and no
    fewer (it promised "every locale", and a newcomer looked in vain for the Burmese,
    Khmer … PDFs: the other locales carry only the page furniture and the desk's words,
    and `build` prints no leaflet in them)."""
    import json

    from typer.testing import CliRunner

    from i18n_support import copy_bundled

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    after = readme[readme.index("\n## Two commands\n") :]
    claim = after.split("```", 1)[0]
    named = set(re.findall(r"`([a-z]{2,3}(?:_[A-Za-z]+)?)`", claim))
    monkeypatch.chdir(copy_bundled(tmp_path))
    result = CliRunner().invoke(app, ["build", "--dry-run", "--json"])
    assert result.exit_code == 0, result.stderr
    built = {output["locale"] for output in json.loads(result.stdout)["outputs"]}
    assert named == built


def varying(text: str) -> list[str]:
    """The lines of ``text``, what changes from run to run (dates, seconds) written as
    ``…``, sorted: a terminal interleaves stdout and stderr as they come."""
    text = re.sub(r"\d{4}-\d{2}-\d{2}", "…", text)
    return sorted(re.sub(r"\d+\.\d+ s\b", "… s", text).strip("\n").splitlines())


def test_the_translating_page_shows_what_its_sign_off_and_xliff_commands_print(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/translating.md's sign-off walk (two reviews, a few words of the lede edited,
    `i18n update`, then stats and a strict build) and its XLIFF round trip (export, the
    agency changes the kicker, import) print what the page shows, dates and seconds
    aside (it showed a 93-entry `ui` catalog, Thai's alone, after the catalogs grew to
    120 entries in nine languages and Hindi)."""
    from typer.testing import CliRunner

    from i18n_support import copy_bundled

    page = (REPO / "docs" / "translating.md").read_text(encoding="utf-8")
    shown = [
        (command, output)
        for block in console_blocks(page)
        for command, output in block
        if " review " in command or " stats" in command or "--strict" in command
    ]
    assert [command.split()[2] for command, _ in shown] == [
        "review",
        "review",
        "stats",
        "infusion-safety",
        "review",
    ]
    project = copy_bundled(tmp_path / "signoff")
    monkeypatch.chdir(project)
    for number, (command, output) in enumerate(shown):
        if number == 2:  # "After a few words of the English lede are edited"
            leaflet = project / "leaflets" / "infusion-safety.yaml"
            text = leaflet.read_text(encoding="utf-8")
            leaflet.write_text(text.replace("watch for", "look out for"), encoding="utf-8")
            assert CliRunner().invoke(app, ["i18n", "update"]).exit_code == 0
        result = CliRunner().invoke(app, shlex.split(command)[1:])
        assert varying(result.stdout + result.stderr) == varying(output), command

    [block] = [block for block in console_blocks(page) if "i18n export" in block[0][0]]
    monkeypatch.chdir(copy_bundled(tmp_path / "xliff"))
    for number, (command, output) in enumerate(block):
        if number == 1:  # the agency's change to the kicker
            xliff = Path("xliff/infusion-safety.th.xlf")
            text = xliff.read_text(encoding="utf-8")
            text = text.replace(">ข้อมูลสำหรับผู้ป่วย</target>", ">ข้อมูลสำหรับผู้ป่วยและครอบครัว</target>", 1)
            xliff.write_text(text, encoding="utf-8")
        result = CliRunner().invoke(app, shlex.split(command)[1:])
        assert varying(result.stdout + result.stderr) == varying(output), command


def test_the_translating_page_shows_what_a_lost_context_and_a_new_language_print(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/translating.md's catalog without contexts (`i18n check` and `build` of it) and
    its `i18n init my` in a project `init` made print what the page shows, seconds aside
    (`i18n init my` showed a ui.po "created" that `init` had already written, and none of
    the templates it writes first)."""
    from typer.testing import CliRunner

    from i18n_support import copy_bundled

    page = (REPO / "docs" / "translating.md").read_text(encoding="utf-8")
    [lost] = [block for block in console_blocks(page) if "I18N014" in block[0][1]]
    project = copy_bundled(tmp_path / "lost")
    catalog = project / "locales/th/LC_MESSAGES/infusion-safety.po"
    text = catalog.read_text(encoding="utf-8")
    catalog.write_text(re.sub(r"^msgctxt .*\n", "", text, flags=re.MULTILINE), "utf-8")
    monkeypatch.chdir(project)
    for command, output in lost:
        result = CliRunner().invoke(app, shlex.split(command)[1:])
        assert varying(result.stdout + result.stderr) == varying(output), command

    [(command, output)] = [
        run for block in console_blocks(page) for run in block if " i18n init " in run[0]
    ]
    assert CliRunner().invoke(app, ["init", str(tmp_path / "clinic")]).exit_code == 0
    monkeypatch.chdir(tmp_path / "clinic")
    result = CliRunner().invoke(app, shlex.split(command)[1:])
    assert varying(result.stdout + result.stderr) == varying(output), command


def shown_lines_in_order(shown: str, printed: str) -> list[str]:
    """The lines of a shown excerpt (``…`` marks what it leaves out) that the command
    did not print, or printed before a line shown above them."""
    lines, at, missing = printed.splitlines(), 0, []
    for line in shown.strip("\n").splitlines():
        if line.strip() in ELISION:
            continue
        try:
            at = lines.index(line, at) + 1
        except ValueError:
            missing.append(line)
    return missing


def test_the_readme_shows_what_a_mistake_in_a_leaflet_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README's misspelt key (`subtitel` on line 5 of infusion-safety.yaml) prints
    the lines shown, in that order, and exits 1 (it showed the error unindented and
    alone, where `build` prints it under the FAILED output, builds the rest and ends
    with the summary and the list of failures)."""
    from typer.testing import CliRunner

    from i18n_support import copy_bundled

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    [(command, output)] = [
        run for block in console_blocks(readme) for run in block if "'subtitel'" in run[1]
    ]
    project = copy_bundled(tmp_path)
    leaflet = project / "leaflets" / "infusion-safety.yaml"
    lines = leaflet.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[4].startswith("subtitle:")
    lines[4] = lines[4].replace("subtitle:", "subtitel:", 1)
    leaflet.write_text("".join(lines), encoding="utf-8")
    monkeypatch.chdir(project)
    result = CliRunner().invoke(app, shlex.split(command)[1:])
    # The failure is on stderr as it happens, the summary and its list on stdout at the end.
    printed = result.stderr + result.stdout
    assert result.exit_code == 1
    assert shown_lines_in_order(output, printed) == []


def test_the_readme_shows_what_its_preview_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README's `preview`, run after the print build of its block, prints what the
    block shows (it left out the note naming the options the PDF was built with)."""
    from typer.testing import CliRunner

    from i18n_support import copy_bundled

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    [block] = [
        block
        for block in console_blocks(readme)
        if any(command.startswith(f"{PROGRAM} preview") for command, _ in block)
    ]
    monkeypatch.chdir(copy_bundled(tmp_path))
    for command, output in block:
        result = CliRunner().invoke(app, shlex.split(command)[1:])
        assert result.exit_code == 0, result.stdout + result.stderr
        if command.startswith(f"{PROGRAM} preview"):
            assert varying(result.stdout + result.stderr) == varying(output), command


def test_the_excerpt_matcher_finds_lines_missing_or_out_of_order() -> None:
    """A matcher that passes everything would pass a stale excerpt too."""
    assert shown_lines_in_order("a\n…\nc\n", "a\nb\nc\n") == []
    assert shown_lines_in_order("c\na\n", "a\nb\nc\n") == ["a"]
    assert shown_lines_in_order("  a\n", "a\n") == ["  a"]


WHOLE_COMMAND = re.compile(r"`([^`\n]+)`(,|$| \(or )")


def hardening_rows() -> list[tuple[list[str], list[str]]]:
    """Per row of docs/hardening.md's "Bad input" table: the whole `msc-leaflet` command
    lines its example shows (no shell around them), and the error lines it says they
    print (``file: error: …``, or click's ``Error: …``)."""
    page = (REPO / "docs" / "hardening.md").read_text(encoding="utf-8")
    table = page[page.index("\n## Bad input") :].split("\n\n## ")[0]
    rows = []
    for row in re.findall(r"^\| (.*) \|$", table, re.MULTILINE):
        cells = row.split(" | ")
        if len(cells) != 4:
            continue
        # A command the example runs as typed: "`msc-leaflet preflight` of an empty
        # file" names a command, not a command line.
        commands = [
            span
            for span, _ in WHOLE_COMMAND.findall(cells[1])
            if span.startswith(f"{PROGRAM} ")
            and not set(span) & set("…$<>|;")
            and len(span.split()) > 2  # a bare `msc-leaflet build` runs on the row's input
        ]
        errors = [
            span
            for span in INLINE_CODE.findall(cells[2])
            if re.match(r"^(\S+: error: |Error: )", span)
        ]
        if commands and errors:
            rows.append((commands, errors))
    return rows


def printed_as_shown(shown: str, printed: str) -> bool:
    """Whether a line of ``printed`` is ``shown``, an ``…`` in it standing for any text."""
    pattern = ".*".join(map(re.escape, re.split(r"…", shown)))
    return any(re.fullmatch(pattern, line.strip()) for line in printed.splitlines())


def test_the_hardening_page_shows_what_its_commands_print(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The error lines docs/hardening.md shows for a whole command line (`build nope`,
    `new con`, `build sample -l xx` …) are what those commands print in a copy of the
    bundled project (it showed `locales: error: unknown locale 'xx'` after the message
    came to name the option, `--locale xx: error: …`, and list the project's locales)."""
    from typer.testing import CliRunner

    from i18n_support import copy_bundled

    rows = hardening_rows()
    assert len(rows) >= 6, "the hardening page's command examples are no longer found"
    monkeypatch.chdir(copy_bundled(tmp_path))
    Path("notes.txt").write_text("a file where the output folder is asked for\n", "utf-8")
    for commands, errors in rows:
        printed = ""
        for command in commands:
            result = CliRunner().invoke(app, shlex.split(command)[1:])
            assert result.exit_code != 0, command
            printed += result.stdout + result.stderr
        missing = [line for line in errors if not printed_as_shown(line, printed)]
        assert missing == [], f"{commands}: printed\n{printed}"


def test_the_shown_line_matcher_reads_an_ellipsis_as_any_text() -> None:
    assert printed_as_shown("a: error: …ends", "x\n  a: error: it ends\n")
    assert not printed_as_shown("a: error: it ends", "a: error: it ended\n")


def codes_named(text: str) -> set[str]:
    """The check codes ``text`` names, a range such as ``READ002–005`` read as each."""
    named = set()
    for family, first, last in re.findall(r"\b([A-Z][A-Z0-9]*[A-Z])(\d{3})(?:–(\d{3}))?", text):
        named |= {f"{family}{n:03d}" for n in range(int(first), int(last or first) + 1)}
    return named


def test_the_checks_page_names_the_warnings_left_on_the_bundled_leaflets() -> None:
    """docs/checks.md's "The bundled leaflets" names the codes `check` still warns of on
    them, no more and no fewer (it named READ002–005 and TERM001 after a Thai phrase
    longer than the leaflet's average came to be reported too, READ006)."""
    import datetime as dt

    from msc_leaflet.checks import CheckConfig, run_checks
    from msc_leaflet.errors import CheckFinding
    from msc_leaflet.project import Project

    page = (REPO / "docs" / "checks.md").read_text(encoding="utf-8")
    section = page[page.index("\n## The bundled leaflets\n") :]
    remain = re.search(r"The warnings that\s+remain\s+\((.*?)\)\s+are\s+advice", section, re.DOTALL)
    assert remain, "the sentence naming the warnings that remain is no longer found"
    findings = run_checks(Project.at(REPO), config=CheckConfig(today=dt.date(2026, 11, 2)))
    warned = {f.code for f in findings if isinstance(f, CheckFinding) and f.severity == "warning"}
    assert codes_named(remain[1]) == warned
