"""Errors and warnings that point at a place in a source file.

Problems are raised deep in the pipeline as `LeafletError` and rendered once, at the
CLI edge, as ``file:line:col: error: message`` followed by a hint. Nothing below the
CLI prints; warnings are collected as `Finding` values and returned to the caller.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

# "info": a suggestion, never a reason to stop (a bare web address as a link's text).
Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Location:
    """A place in a source file; line and column are 1-based, 0 when unknown. A value
    typed on the command line (``-l xx``) has its ``option`` (``--locale xx``) shown
    instead of the file it would have named: the file is not where the mistake is."""

    path: Path
    line: int = 0
    column: int = 0
    option: str = ""

    def __str__(self) -> str:
        if self.option:
            return shown_name(escaped(self.option))
        text = shown_name(escaped(display_path(self.path)))
        if self.line:
            text += f":{self.line}"
            if self.column:
                text += f":{self.column}"
        return text


def escaped(text: str) -> str:
    """``text`` with each character a terminal would not show as itself written as its
    escape (``\\n``, ``\\u202e``), as a message quotes a value with ``!r``: a file
    name holding a newline split its message over two lines, and one holding a bidi
    override showed ``evil<U+202E>gpj.yaml`` as ``evillmay.jpg``."""
    if text.isprintable():
        return text
    if any("\udc80" <= c <= "\udcff" for c in text):
        text = _undecoded_bytes(text)
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)


def _undecoded_bytes(text: str) -> str:
    """``text`` with the bytes Python could not decode (a file name read in a locale
    that is not UTF-8, ``LC_ALL=C``: each byte of ภาพ.png became a surrogate, U+DCE0…)
    read as the UTF-8 they almost always are, and any that are not as ``\\xe9``: a
    Thai folder was named ``\\udce0\\udcb9\\udc82…`` in every message."""
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a lone surrogate of another kind: escaped as it is
        return text


def nearest(name: str, known: Sequence[str]) -> str | None:
    """The one of ``known`` that ``name`` most likely misspells ("infusion-safty" for
    infusion-safety), or None: the "did you mean" of every hint."""
    close = closest(name, known, 1)
    return close[0] if close else None


def closest(name: str, known: Sequence[str], most: int = 3) -> list[str]:
    """Up to ``most`` of ``known`` that ``name`` may misspell, likeliest first: a hint
    that listed every known name (a review leaflet cites dozens of works) hid the one
    that was meant."""
    import difflib  # only when a name was not found

    # Compared case-folded: difflib sees little of CLAIM001 in claim001, which is it.
    folded: dict[str, list[str]] = {}
    for each in known:
        folded.setdefault(each.casefold(), []).append(each)
    matches = difflib.get_close_matches(name.casefold(), list(folded), n=most, cutoff=0.6)
    return [each for match in matches for each in folded[match]][:most]


def nearest_first(name: str, known: Sequence[str]) -> str:
    """Every one of ``known``, those ``name`` may misspell first ("th, lo, km" for
    "tha"): a hint listing a short set whole, the likely one where it is read first."""
    near = closest(name, known, len(known))
    return ", ".join([*near, *(k for k in known if k not in near)])


def headline(message: str) -> str:
    """A failure's message on one line: its first line, and the line that one
    introduces when it ends with a colon (``--strict: 1 problem must be fixed before
    printing:`` and the problem), as a list of failures shows each."""
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    if len(lines) > 1 and lines[0].endswith(":"):
        return f"{lines[0]} {lines[1]}"
    return lines[0] if lines else ""


def either_of(names: Sequence[str]) -> str:
    """``a``, ``a or b``, ``a, b or c``: names offered in a hint."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def counted(number: int, one: str, many: str) -> str:
    """``number`` with the noun it counts in the form English needs: "1 entry",
    "2 entries" (messages said "1 entries")."""
    return f"{number} {one if number == 1 else many}"


def shown_value(value: str, room: int = 60) -> str:
    """``value`` quoted for a message, its start only when longer than ``room``: a value
    typed or pasted into a name (100 kB in a font folder, a locale, a leaflet id) made a
    line of the message as long, which no terminal or log shows whole."""
    if any("\udc80" <= c <= "\udcff" for c in value):  # a Thai folder read under LC_ALL=C
        value = _undecoded_bytes(value)
    if len(value) <= room:
        return repr(value)
    return f"{value[:room]!r}… ({len(value):,} characters)"


#: The longest name of one file or folder a file system holds, in bytes (NAME_MAX).
NAME_MAX = 255
_NAME = re.compile(r"[^/\\\s]+")  # one name of a path, or one word of an option


def shown_name(text: str) -> str:
    """``text`` (a path, or an option as typed) with each name longer than a file system
    holds shown by its start and length (`shown_value`): such a name is no file anyone
    can open, and a 100 kB one typed on the command line made each line naming it as
    long. Every name that can be a file's is shown whole, as an editor needs it."""

    def shortened(name: re.Match[str]) -> str:
        whole = name[0]
        if len(whole.encode("utf-8", "surrogatepass")) <= NAME_MAX:
            return whole
        return f"{whole[:60]}… ({len(whole):,} characters)"

    return _NAME.sub(shortened, text)


def display_path(path: Path) -> str:
    """Show paths relative to the working directory when they are below it. Never fails:
    it names the path of an error, and a path in a loop of links cannot be resolved."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (OSError, RuntimeError):  # a loop of links (RuntimeError before Python 3.13)
        pass
    except ValueError:
        return str(path)
    try:  # as written, its links not followed
        return str(Path(os.path.abspath(path)).relative_to(os.path.abspath(Path.cwd())))
    except (OSError, ValueError):  # OSError: the working folder was deleted
        return str(path)


#: A word of a message that may be a file's path (it holds a '/' or a '.'): between
#: spaces, brackets or quotes, up to the ':' before a line number.
_PATH_WORD = re.compile(r"""(?<![^\s(\[{"'`])[^\s:()\[\]{}"'`]*[/.][^\s:()\[\]{}"'`]*""")


#: The file a finding names, at the start of its text or of an indented line in it (a
#: --strict refusal lists its problems so): all up to its line number and severity,
#: spaces included, and a file whether or not it exists yet (the catalog a warning asks
#: for). Not an option (``--locale xx: error: ...``).
_FINDING_FILE = (
    r"^(?P<indent>[ \t]*)(?P<file>[^\s:-][^\n:]*?)"
    r"(?=(?::[0-9]+){0,2}: (?:error|warning|info): )"
)
_PATHS = re.compile(rf"{_FINDING_FILE}|(?P<word>{_PATH_WORD.pattern})", re.MULTILINE)


def recorded_text(text: str, root: Path) -> str:
    """``text`` (a finding as shown here) with every file of the project at ``root``
    named from the project's folder: what a record kept for later (the build manifest)
    holds, the same wherever the command ran and with no path of this machine in it.
    A finding's own file outside the project is recorded whole, so that no reader takes
    it for one of the project's."""
    base = root.resolve()

    def in_project(word: str) -> str | None:
        found = project_file(Path.cwd() / word, base)
        return found if found and (base / found).exists() else None

    def finding_file(file: str) -> str:
        return project_file(Path.cwd() / file, base) or os.path.abspath(file)

    return _each_path(text, finding_file, in_project)


def _each_path(
    text: str, finding_file: Callable[[str], str], word: Callable[[str], str | None]
) -> str:
    """``text`` with the file of each finding in it (`_FINDING_FILE`) named by
    ``finding_file``, and each other word that names a file by ``word`` (kept as
    written where it gives None). One pass, so no path is renamed twice."""

    def named(match: re.Match[str]) -> str:
        if match["word"] is not None:
            return word(match["word"]) or match["word"]
        file = match["file"]
        return match["indent"] + (finding_file(file) if _names_file(file) else file)

    return _PATHS.sub(named, text)


def _names_file(place: str) -> bool:
    """Whether a finding's place is a file's path (it holds a '/' or a '.'), not a
    variable such as ``SOURCE_DATE_EPOCH`` or the ``.`` of a finding of no place."""
    return "/" in place or "." in place.strip(".")


def project_file(path: Path, root: Path) -> str | None:
    """``path`` named from the project's folder ``root`` (``leaflets/x.yaml``, '/' on
    every system), or None if it lies outside: how machine output and records name a
    file, the same wherever the command ran."""
    try:
        found = path.resolve().relative_to(root.resolve())
    except (ValueError, OSError, RuntimeError):  # outside, or a loop of links
        return None
    return found.as_posix() if found.parts else None


def shown_text(text: str, root: Path) -> str:
    """A `recorded_text` as a message shown here names its files (`display_path`)."""

    def from_here(word: str) -> str | None:
        if os.path.isabs(word) or not (root / word).exists():
            return None
        return display_path(root / word)

    def finding_file(file: str) -> str:
        return file if os.path.isabs(file) else display_path(root / file)

    return _each_path(text, finding_file, from_here)


@dataclass(frozen=True)
class Finding:
    """A warning (or error) that does not stop the stage that found it."""

    location: Location
    severity: str  # "error" | "warning" | "info"
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.location}: {self.severity}: {self.message}"
        return f"{text}\n  hint: {self.hint}" if self.hint else text

    def as_dict(self, root: Path) -> dict[str, object]:
        """The finding for ``--json``, one shape in every command's document: its file
        named from the project at ``root`` (`project_file`; as given when outside it),
        line and column apart (0: unknown), the message without its place, the hint
        apart. A script read "file:line: error: ..." text out of `list` and `build`."""
        path = self.location.path
        return {
            "file": project_file(path, root) or str(path),
            "line": self.location.line,
            "column": self.location.column,
            "severity": self.severity,
            "code": "",
            "message": self.message,
            "hint": self.hint,
        }


#: A finding as `Finding.__str__` writes it: its place (``file[:line[:column]]``), its
#: severity, a check's code (``TEXT002:``, ``A11Y008:``) if any, the message, and the
#: hint on an indented line of its own.
_FINDING_TEXT = re.compile(
    r"(?P<place>.*?): (?P<severity>error|warning|info): "
    r"(?:(?P<code>[A-Z][A-Z0-9]*[0-9]{3}): )?(?P<message>.*?)(?:\n  hint: (?P<hint>.*))?\Z",
    re.DOTALL,
)
_PLACE = re.compile(r"(?P<path>.*?)(?::(?P<line>[0-9]+)(?::(?P<column>[0-9]+))?)?\Z", re.DOTALL)


def read_finding(text: str) -> Finding:
    """The finding ``text`` says, as `Finding.__str__` wrote it (its file named from the
    working directory): a build keeps its warnings as text, in its manifest, and
    ``--json`` gives each as the object `Finding.as_dict` makes of any finding. A text
    in no such form is a finding of no place, the whole text its message."""
    found = _FINDING_TEXT.match(text)
    if found is None:
        return Finding(Location(Path()), "warning", text)
    place = _PLACE.match(found["place"])
    assert place is not None  # every text matches it
    location = Location(Path(place["path"]), int(place["line"] or 0), int(place["column"] or 0))
    severity, message, hint = found["severity"], found["message"], found["hint"] or ""
    if found["code"]:
        return CheckFinding(location, severity, message, hint, found["code"])
    return Finding(location, severity, message, hint)


@dataclass(frozen=True)
class CheckFinding(Finding):
    """A `Finding` that names the check it came from (shown as ``CODE:`` before the message).

    Every code is declared in `msc_leaflet.checks.registry`; ``msc-leaflet check --list``
    shows them, whichever command reports the finding (``check`` or ``i18n check``).
    """

    code: str = ""
    # Where a translator types the text it is about (`checks.registry.Issue.entry`):
    # `i18n check` reports it there. Not part of what the finding says, so a finding
    # found with two leaflets (a word of ui.po) is still one.
    entry: Location | None = field(default=None, compare=False)

    def __str__(self) -> str:
        text = f"{self.location}: {self.severity}: {self.code}: {self.message}"
        return f"{text}\n  hint: {self.hint}" if self.hint else text

    def as_dict(self, root: Path) -> dict[str, object]:
        """As `Finding.as_dict`, with the code of the check that found it."""
        return {**super().as_dict(root), "code": self.code}


class LeafletError(Exception):
    """A problem with the user's input, reported with where it is and what to do."""

    def __init__(self, location: Location, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.location = location
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return str(self.finding())

    def finding(self) -> Finding:
        """The error as a `Finding`: a command that goes on after it reports it so."""
        return Finding(self.location, "error", self.message, self.hint)

    def __reduce__(self) -> tuple[type[LeafletError], tuple[Location, str, str]]:
        """Pickled whole: an error raised in a worker process (the desk's checks, packs
        and pictures) crosses back to the server. Pickled as an exception is, from its
        message alone, it could not be rebuilt, and the process pool broke."""
        return (type(self), (self.location, self.message, self.hint))
