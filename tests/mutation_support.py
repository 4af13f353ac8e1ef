"""A mutation harness for the error contract (docs/hardening.md): every input file of
a project, every key path of every YAML file, mutated in the ways a hostile or careless
editor would, and the commands a user runs checked against the contract.

The contract, for each mutant and each command: the exit status is 0 or 1; on 1 the
output names the mutated file and a line in it; no traceback, no Python or library
wording; no PDF left half-written; no ``.po`` changed by a command that failed; and
bounded time. `tests/test_hardening_mutations.py` runs a deterministic slice; the full
sweep runs with ``MSC_LEAFLET_SLOW=1``.
"""

from __future__ import annotations

import hashlib
import re
import resource
import shutil
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from typer.testing import CliRunner
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from msc_leaflet.cli.app import app

REPO = Path(__file__).resolve().parents[1]

#: Words that mean Python or a library spoke to the user instead of the tool.
FORBIDDEN = (
    "Traceback",
    "NoneType",
    "KeyError",
    "TypeError",
    "ValueError",
    "AttributeError",
    "IndexError",
    "UnicodeDecodeError",
    "UnicodeEncodeError",
    "RecursionError",
    "object has no attribute",
    "not subscriptable",
    "not iterable",
    "yaml.",
    "reportlab",
    "ReportLab",
    "pikepdf",
    "internal error",
    "<class ",
    "object at 0x",
)
#: CPU seconds (this process and the workers it waited for) past which a command counts
#: as hung or gone super-linear. CPU, not wall time: on a shared machine a build of the
#: 100 kB text took 29 s of wall time for a few seconds of work.
CPU_LIMIT = 60.0
BIG = "x" * 100_000

#: Values put in place of a YAML value, as YAML text; each is written inline (flow).
VALUES: dict[str, str] = {
    "list": "[1, 2]",
    "map": "{a: 1}",
    "int": "42",
    "bool": "true",
    "null": "null",
    "float": "1.5",
    "empty": '""',
    "100kB": f'"{BIG}"',
    "NUL": '"a\\0b"',
    "lone surrogate": '"a\\ud800b"',
    "bidi": '"a\\u202eb\\u2066c"',
    "BOM inside": '"\\ufeffa"',
    "CR": '"a\\rb"',
    "python tag": '!!python/object/apply:os.system ["echo hi"]',
    "binary tag": "!!binary aGVsbG8=",
    "alias cycle": "&a [*a]",
}


@dataclass(frozen=True)
class Mutant:
    """One file of the project replaced by `data`."""

    file: str  # relative to the project, with '/'
    what: str  # the mutation, for a finding's title
    key: str  # the key path it touched ('' for a whole-file mutation)
    data: bytes

    @property
    def title(self) -> str:
        return f"{self.file} [{self.key}] {self.what}" if self.key else f"{self.file} {self.what}"


@dataclass
class Outcome:
    """What one command did with one mutant, and what broke the contract."""

    mutant: Mutant
    command: tuple[str, ...]
    exit_code: int
    output: str
    seconds: float
    problems: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------- YAML


def _walk(node: Node, path: str) -> Iterator[tuple[str, ScalarNode | None, Node]]:
    """(key path, key node, value node) for every value under `node`."""
    if isinstance(node, MappingNode):
        for key, value in node.value:
            name = key.value if isinstance(key, ScalarNode) else "?"
            sub = f"{path}.{name}" if path else str(name)
            yield sub, key, value
            yield from _walk(value, sub)
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            sub = f"{path}[{index}]"
            yield sub, None, item
            yield from _walk(item, sub)


def _shape(path: str) -> str:
    """The key path with list indexes blanked: one mutant per shape is enough."""
    return re.sub(r"\[\d+\]", "[]", path)


def _typo(name: str) -> str:
    """A misspelling of `name` a "did you mean" should catch."""
    swapped = name[:1] + name[2:3] + name[1:2] + name[3:]
    return swapped if len(name) >= 4 and swapped != name else name[:-1]


def _replace_value(text: str, node: Node, replacement: str) -> str:
    start, end = node.start_mark.index, node.end_mark.index
    span = text[start:end]
    kept = span[len(span.rstrip()) :]
    return text[:start] + replacement + kept + text[end:]


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _delete_key(text: str, key: Node, value: Node) -> str:
    start = _line_start(text, key.start_mark.index)
    end = value.end_mark.index
    if text[start : key.start_mark.index].strip():  # after '- ' or inside a flow mapping
        start = key.start_mark.index
        if text[start - 1 : start] in ("{", " ") and text[end : end + 1] == ",":
            end += 1
    elif text[end - 1 : end] != "\n":
        newline = text.find("\n", end)
        end = len(text) if newline < 0 else newline + 1
    return text[:start] + text[end:]


def _in_flow(text: str, key: Node) -> bool:
    line = text[_line_start(text, key.start_mark.index) : key.start_mark.index]
    return "{" in line or "," in line


def yaml_mutants(
    rel: str, text: str, every_path: bool = False, seen: set[str] | None = None
) -> Iterator[Mutant]:
    """Every mutation of every key path (one path per shape unless `every_path`; `seen`
    shares the shapes between files of one kind, such as the leaflets)."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    seen = set() if seen is None else seen
    if root is None:
        return
    for path, key, value in _walk(root, ""):
        shape = _shape(path)
        if shape in seen and not every_path:
            continue
        seen.add(shape)
        for what, replacement in VALUES.items():
            yield Mutant(rel, what, path, _replace_value(text, value, replacement).encode())
        if key is None:
            continue
        name = str(key.value)
        yield Mutant(rel, "deleted", path, _delete_key(text, key, value).encode())
        typo = _typo(name)
        start, end = key.start_mark.index, key.end_mark.index
        yield Mutant(rel, f"typo {typo!r}", path, (text[:start] + typo + text[end:]).encode())
        dup = (
            f"{name}: 1, " if _in_flow(text, key) else f"{name}: 1\n" + " " * key.start_mark.column
        )
        yield Mutant(rel, "duplicate key", path, (text[:start] + dup + text[start:]).encode())
    yield from _whole_file_mutants(rel, text)


def _whole_file_mutants(rel: str, text: str) -> Iterator[Mutant]:
    raw = text.encode()
    yield Mutant(rel, "empty file", "", b"")
    yield Mutant(rel, "only a comment", "", b"# nothing here\n")
    yield Mutant(rel, "a scalar", "", b"hello\n")
    yield Mutant(rel, "a list", "", b"- a\n- b\n")
    yield Mutant(rel, "null document", "", b"null\n")
    yield Mutant(rel, "CRLF line ends", "", raw.replace(b"\n", b"\r\n"))
    yield Mutant(rel, "CR line ends", "", raw.replace(b"\n", b"\r"))
    yield Mutant(rel, "cut in half", "", raw[: len(raw) // 2])
    yield Mutant(rel, "BOM", "", b"\xef\xbb\xbf" + raw)
    yield Mutant(rel, "NUL byte", "", raw[:20] + b"\0" + raw[20:])
    yield Mutant(rel, "Latin-1 byte", "", raw + b"# caf\xe9\n")
    yield Mutant(rel, "UTF-16", "", text.encode("utf-16"))
    yield Mutant(rel, "second document", "", raw + b"---\nx: 1\n")


# ---------------------------------------------------------------------------- .po


_MSGSTR = re.compile(rb'^msgstr "(.*)"$', re.M)


def po_mutants(rel: str, text: str, limit: int = 3) -> Iterator[Mutant]:
    """Mutations of the first `limit` translations, the header, and the whole file."""
    raw = text.encode()
    strings = [m for m in _MSGSTR.finditer(raw) if m.group(1)][1 : limit + 1]
    inserts = {
        "NUL escape": b"\\0",
        "NUL byte": b"\0",
        "surrogate bytes": b"\xed\xa0\x80",
        "bidi": "\u202eb\u2066".encode(),
        "BOM inside": "\ufeff".encode(),
        "CR escape": b"\\r",
        "raw CR": b"\r",
        "100kB": BIG.encode(),
        "unterminated": b'"',
        "bad escape": b"\\q",
        "Latin-1 byte": b"\xe9",
        "tab": b"\t",
    }
    for index, match in enumerate(strings):
        line_number = raw[: match.start()].count(b"\n") + 1
        key = f"msgstr {index + 1} (line {line_number})"
        for what, insert in inserts.items():
            at = match.start(1)
            yield Mutant(rel, what, key, raw[:at] + insert + raw[at:])
        yield Mutant(rel, "msgstr deleted", key, raw[: match.start()] + raw[match.end() :])
        line = raw[match.start() : match.end()]
        yield Mutant(
            rel, "msgstr[0]", key, raw.replace(line, line.replace(b"msgstr ", b"msgstr[0] ", 1), 1)
        )
    blocks = raw.split(b"\n\n")
    if len(blocks) > 2:
        yield Mutant(rel, "duplicate entry", "", b"\n\n".join([*blocks, blocks[2]]))
        yield Mutant(rel, "header deleted", "", b"\n\n".join(blocks[1:]))
    header = {
        "charset latin-1": (b"charset=UTF-8", b"charset=ISO-8859-1"),
        "charset missing": (b"charset=UTF-8", b"charset="),
        "bad plural forms": (
            b'"Language:',
            b'"Plural-Forms: nplurals=x; plural=n>;\\n"\n"Language:',
        ),
        "zero plurals": (b'"Language:', b'"Plural-Forms: nplurals=0; plural=0;\\n"\n"Language:'),
        "language wrong": (b'"Language: ', b'"Language: zz-'),
    }
    for what, (old, new) in header.items():
        if old in raw:
            yield Mutant(rel, what, "header", raw.replace(old, new, 1))
    yield Mutant(rel, "fuzzy header", "header", raw.replace(b'msgid ""', b'#, fuzzy\nmsgid ""', 1))
    yield Mutant(rel, "empty file", "", b"")
    yield Mutant(rel, "CRLF line ends", "", raw.replace(b"\n", b"\r\n"))
    yield Mutant(rel, "CR line ends", "", raw.replace(b"\n", b"\r"))
    yield Mutant(rel, "cut in half", "", raw[: len(raw) // 2])
    yield Mutant(rel, "BOM", "", b"\xef\xbb\xbf" + raw)
    yield Mutant(rel, "UTF-16", "", text.encode("utf-16"))
    yield Mutant(rel, "garbage line", "", raw + b"\nthis is not gettext\n")
    yield Mutant(rel, "obsolete junk", "", raw + b'\n#~ msgid "gone"\n#~ msgstr "\n')


# ---------------------------------------------------------------------------- text


def words_mutants(rel: str, text: str) -> Iterator[Mutant]:
    raw = text.encode()
    extra = {
        "NUL byte": b"a\0b\n",
        "surrogate bytes": b"\xed\xa0\x80\n",
        "bidi": "\u202eabc\n".encode(),
        "BOM": None,
        "raw CR": b"ab\rcd\n",
        "100kB line": (BIG + "\n").encode(),
        "Latin-1 byte": b"caf\xe9\n",
        "spaces in a word": b"two words\n",
        "50,000 lines": b"".join(f"w{n}\n".encode() for n in range(50_000)),
        "only combining marks": "\u0e49\u0e49\u0e49\n".encode(),
        "very long Thai word": ("\u0e01" * 5_000 + "\n").encode(),
    }
    for what, line in extra.items():
        data = b"\xef\xbb\xbf" + raw if line is None else raw + line
        yield Mutant(rel, what, "", data)
    yield Mutant(rel, "UTF-16", "", text.encode("utf-16"))
    yield Mutant(rel, "CRLF line ends", "", raw.replace(b"\n", b"\r\n"))


def toml_mutants(rel: str, text: str) -> Iterator[Mutant]:
    raw = text.encode()
    for what, data in {
        "unknown section": raw + b"\n[chekcs]\nx = 1\n",
        "unknown setting": raw + b"\n[i18n]\nsignoff_requird = true\n",
        "wrong type": b'[i18n]\nsignoff_required = "yes"\n',
        "section a value": b"checks = 1\n",
        "severity wrong": b'[checks]\nCLAIM001 = "loud"\n',
        "unknown check": b'[checks]\nCLAIM999 = "off"\n',
        "NUL": b"[checks]\n\0\n",
        "100kB key": b"[checks]\n" + BIG.encode() + b' = "off"\n',
        "CRLF": raw.replace(b"\n", b"\r\n"),
        "BOM": b"\xef\xbb\xbf" + raw,
        "deep": b"x = " + b"[" * 5000 + b"]" * 5000 + b"\n",
    }.items():
        yield Mutant(rel, what, "", data)


# ---------------------------------------------------------------------------- running

BUNDLED = REPO
SMALL = REPO / "tests" / "fixtures" / "i18n"  # one short leaflet and its Thai catalog


def make_project(root: Path, source: Path = BUNDLED, locales: tuple[str, ...] = ("th",)) -> Path:
    """A copy of the project at `source` with only `locales` (a faster check), and every
    other kind of input file there too: the bundled theme at its root, a settings file,
    the bundled glossary and Thai word list when it has none."""
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    for name in ("leaflets", "organisations"):
        shutil.copytree(source / name, root / name)
    (root / "locales").mkdir()
    for path in (source / "locales").iterdir():
        if path.is_file():
            shutil.copy(path, root / "locales" / path.name)
        elif path.name in locales:
            shutil.copytree(path, root / "locales" / path.name)
    for name in ("locales/glossary.yaml", "locales/th/words.txt"):
        if not (root / name).exists():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(REPO / name, root / name)
    shutil.copy(REPO / "src" / "msc_leaflet" / "data" / "theme.yaml", root / "theme.yaml")
    (root / "msc-leaflet.toml").write_text('[checks.READ005]\nseverity = "off"\n', encoding="utf-8")
    return root


def _digest(root: Path, pattern: str) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.glob(pattern))
        if p.is_file()
    }


def commands_for(root: Path, mutant: Mutant, full: bool) -> list[tuple[str, ...]]:
    """The commands a user runs after editing this file: check and build the leaflet it
    touches (the first one for a shared file), and with `full` also list and i18n update."""
    leaflet = min(p.stem for p in (root / "leaflets").glob("*.yaml"))
    stem = Path(mutant.file).stem
    if mutant.file.startswith("leaflets/") or (mutant.file.endswith(".po") and stem != "ui"):
        leaflet = stem
    commands: list[tuple[str, ...]] = [
        ("check", leaflet),
        ("build", leaflet, "-l", "en", "-l", "th"),
    ]
    if full:
        commands += [("list",), ("i18n", "update")]
    return commands


def run_mutant(
    root: Path, mutant: Mutant, full: bool = False, runner: CliRunner | None = None
) -> list[Outcome]:
    """Write the mutant into the project, run each command, judge it, put every file back."""
    runner = runner or CliRunner()
    out = root / "build"
    saved = _snapshot(root)
    outcomes = []
    try:
        (root / mutant.file).write_bytes(mutant.data)
        po_before = _digest(root, "locales/**/*.po")
        for command in commands_for(root, mutant, full):
            start = _cpu_seconds()
            result = runner.invoke(app, [*command, "--project", str(root)])
            seconds = _cpu_seconds() - start
            output = result.stdout + (result.stderr or "")
            outcome = Outcome(mutant, command, result.exit_code, output, seconds)
            _judge(outcome, root, out, po_before)
            outcomes.append(outcome)
            po_before = _digest(root, "locales/**/*.po")
    finally:
        _restore(root, saved)
    return outcomes


def _cpu_seconds() -> float:
    own, workers = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def _judge(outcome: Outcome, root: Path, out: Path, po_before: dict[str, str]) -> None:
    problems, text = outcome.problems, outcome.output
    if outcome.exit_code not in (0, 1):
        problems.append(f"exit status {outcome.exit_code}")
    problems += [f"says {word!r}" for word in FORBIDDEN if word in text]
    if outcome.seconds > CPU_LIMIT:
        problems.append(f"took {outcome.seconds:.0f} s of CPU")
    if outcome.exit_code == 1:
        if not re.search(re.escape(outcome.mutant.file) + r"(:\d+|: error:)", text):
            problems.append("the error names neither the mutated file nor its line")
        if _digest(root, "locales/**/*.po") != po_before:
            problems.append("a .po changed although the command failed")
    if out.exists():
        for path in out.rglob("*"):
            if path.is_file() and path.suffix not in (".pdf", ".json", ".png", ".lock"):
                problems.append(f"a file left in build/: {path.name}")
            elif path.suffix == ".pdf":
                data = path.read_bytes()
                if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-64:]:
                    problems.append(f"a half-written PDF: {path.name}")


def _inputs(root: Path) -> Iterator[Path]:
    for path in root.rglob("*"):
        if path.is_file() and path.relative_to(root).parts[0] != "build":
            yield path


def _snapshot(root: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in _inputs(root)}


def _restore(root: Path, saved: dict[Path, bytes]) -> None:
    """Put every input file back as it was, and remove any the commands added."""
    for path in list(_inputs(root)):
        if path not in saved:
            path.unlink()
    for path, data in saved.items():
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)


def all_mutants(root: Path, every_path: bool = False) -> Iterator[Mutant]:
    """Every mutant of every input file in the project at `root`, in a fixed order."""
    seen: dict[str, set[str]] = {}
    for path in sorted(_inputs(root)):
        rel = path.relative_to(root).as_posix()
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".yaml":
            shapes = seen.setdefault(path.parent.name, set())
            yield from yaml_mutants(rel, text, every_path, shapes)
        elif path.suffix == ".po":
            yield from po_mutants(rel, text)
        elif path.name == "words.txt":
            yield from words_mutants(rel, text)
        elif path.suffix == ".toml":
            yield from toml_mutants(rel, text)


def every_nth(mutants: Iterable[Mutant], per_file: int) -> list[Mutant]:
    """`per_file` mutants of each file, spread evenly over its mutants: a deterministic
    slice in which the theme's many keys do not crowd out the other files."""
    by_file: dict[str, list[Mutant]] = {}
    for mutant in mutants:
        by_file.setdefault(mutant.file, []).append(mutant)
    chosen = []
    for group in by_file.values():
        step = max(1, len(group) // per_file)
        chosen += group[::step][:per_file]
    return chosen


def sweep(root: Path, mutants: Iterable[Mutant], full: bool = False) -> list[Outcome]:
    """Run every mutant; the outcomes that broke the contract."""
    runner = CliRunner()
    return [
        outcome
        for mutant in mutants
        for outcome in run_mutant(root, mutant, full, runner)
        if outcome.problems
    ]


def summary(bad: list[Outcome]) -> str:
    """One paragraph per broken promise, for an assertion message."""
    return "\n\n".join(
        f"{o.mutant.title} :: {' '.join(o.command)} -> {o.exit_code}: {o.problems}\n"
        + o.output[-600:]
        for o in bad[:10]
    )
