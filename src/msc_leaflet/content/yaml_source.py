"""Read a YAML file into a node tree that remembers where every value was written.

Leaflet and organisation files come from clinic staff, so they are untrusted input.
PyYAML's constructors lose positions, silently keep the last of two duplicate keys,
expand aliases without bound and guess types (``version: 1.0`` becomes a float,
``language: no`` a boolean). We therefore stop at PyYAML's *composer* (nodes with
marks), refuse aliases outright, and let `Fields` read values with the type the
schema asks for, from the text the author actually wrote.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, NoReturn

import yaml
from yaml.events import MappingEndEvent, MappingStartEvent, SequenceEndEvent, SequenceStartEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..clock import iso_date, today
from ..eras import common_era_date
from ..errors import LeafletError, Location, nearest
from ..files import decode_utf8, read_input, user_cache_dir
from ..languages import right_to_left
from ..sealed import read_marshalled, seal, unseal, write_marshalled
from .inline import WEB_SCHEMES, link_refusal
from .model import WORDED_FIELDS
from .text_policy import PASTE_HINT, Refusal, invisible_names, name, prints_nothing, refusal

MAX_FILE_BYTES = 2_000_000
MAX_DEPTH = 40
CACHED_FILE_BYTES = 256_000  # bundled leaflets are 10-20 kB


# libyaml's composer is ~15x faster than the pure-Python one; both give marked nodes.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_WordsLoader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


def load_data(text: str) -> Any:
    """Plain Python values, for files whose positions no message needs (the theme, the
    check settings, word and claim lists), by the one rule of YAML's plain values
    (`PlainConstructor`), read by libyaml: the pure-Python reader took 26 ms of every
    build on the theme alone."""
    return _kept_load(text, _data_loader())


def load_words(text: str) -> Any:
    """Like `load_data`, but every scalar is text as written: for word lists (claim
    phrases, cues, glossary terms), where YAML would read a bare no, on, off or false as
    a boolean and 1.0 as a number (the English claim cue "no" was ``False``)."""
    return _kept_load(text, _WordsLoader)


#: Parsed texts kept at most in the user's cache: the package's data files and a few
#: versions of a project's theme and settings. Past it, the file starts over.
MAX_KEPT_PARSES = 256
#: A text longer than this is parsed every time (the package's largest is 22 KB): a
#: project's outsized file would make the cache a copy of it, read at every start.
MAX_KEPT_TEXT = 128 * 1024
_kept: dict[str, bytes] | None = None  # this process's view of the kept parses


def _kept_load(text: str, loader: type) -> Any:
    """``text`` parsed by ``loader``, or its values as kept from an earlier run. libyaml
    reads the text, but the values are made in Python: 8-10 ms of every cold build went
    on the same data files (numbers.yaml alone 3.6 ms), where reading them back from
    marshal takes a tenth of a millisecond. Kept by the text's hash, loader and PyYAML
    version, so an edit or an upgrade is a miss; a value marshal cannot keep (a date)
    is parsed every time. Each call gets values of its own."""
    import hashlib
    import marshal

    global _kept
    if len(text) > MAX_KEPT_TEXT:
        return yaml.load(text, Loader=loader)
    if _kept is None:
        _kept = read_marshalled(_kept_file())
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16)
    key = f"{loader.__name__} {yaml.__version__} {digest.hexdigest()}"
    kept = unseal(_kept.get(key))  # damaged inside: parsed again (`sealed`)
    if kept is not None:
        with contextlib.suppress(EOFError, ValueError, TypeError):
            return marshal.loads(kept)
    values = yaml.load(text, Loader=loader)
    try:
        _kept[key] = seal(marshal.dumps(values))
    except ValueError:  # a date, a set: not kept
        return values
    if len(_kept) > MAX_KEPT_PARSES:
        _kept = {key: _kept[key]}
    path = _kept_file()
    if path is not None and not sys.flags.dont_write_bytecode:  # as .pyc files are
        write_marshalled(path, _kept)
    return values


def _kept_file() -> Path | None:
    """The kept parses, per interpreter (marshal's format is version-bound)."""
    folder = user_cache_dir()
    return folder / f"yaml.{sys.implementation.cache_tag}.bin" if folder else None


@dataclass(frozen=True)
class YamlFile:
    """What kind of file is read, for the hints of its YAML errors: a theme's broken line
    must not be answered with a leaflet's title."""

    what: str  # "leaflet", "organisation profile", "theme"
    quoted: str  # one of its own lines whose value holds ': ', written in quotes
    too_large: str  # what to do about a file over MAX_FILE_BYTES
    #: Top-level fields that may be a mapping from locale to text (an organisation's
    #: name and address): each text gets the text policy of the language its key names.
    worded: tuple[str, ...] = ()


LEAFLET = YamlFile(
    "leaflet", 'title: "Cells: what they do"', "split the content into several leaflets"
)
ORGANISATION = YamlFile(
    "organisation profile",
    'address: "Building 2: 5th floor"',
    "an organisation profile holds a name and contact lines: remove what else it holds",
    WORDED_FIELDS,
)


#: The plain values YAML 1.2's core schema reads, which the project's yaml files are
#: read by; PyYAML reads YAML 1.1, which reads more. Anything else a 1.1 reader would
#: make a boolean or a number stays the text written.
_CORE_BOOLEAN = re.compile(r"true|True|TRUE|false|False|FALSE")
_CORE_INTEGER = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_CORE_FLOAT = re.compile(
    r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?"
    r"|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)"
)


def boolean_hint(key: str) -> str:
    """What to write for a yes/no setting ``key`` given something else: the one wording
    of every file's."""
    return f"write {key}: true or {key}: false (yes, no, on and off are read as words)"


class PlainConstructor(yaml.constructor.SafeConstructor):
    """`SafeConstructor` with YAML 1.2's plain values: the one rule of every file whose
    values are read by their YAML type (the theme, the sign-off records, the packaged
    data), as `Fields` reads a leaflet's. YAML 1.1 read ``footer-approval: yes`` as true
    where a leaflet refuses ``numbered_sections: yes``; ``no``, ``on`` and ``off``
    as booleans, ``0755`` as 493, ``1:30`` as 90 and ``1_000`` as 1000. Here they are
    the text written, which a setting wanting a number or true/false refuses at its line
    and a setting wanting text takes as it is."""

    def construct_yaml_bool(self, node: ScalarNode) -> Any:
        if not _CORE_BOOLEAN.fullmatch(node.value):
            return str(node.value)
        return node.value.lower() == "true"

    def construct_yaml_int(self, node: ScalarNode) -> Any:
        written = str(node.value)
        if not _CORE_INTEGER.fullmatch(written):
            return written
        if written[:2] in ("0o", "0x"):
            return int(written[2:], 8 if written[1] == "o" else 16)
        return int(written, 10)

    def construct_yaml_float(self, node: ScalarNode) -> Any:
        if not _CORE_FLOAT.fullmatch(node.value):
            return str(node.value)
        return super().construct_yaml_float(node)

    def construct_yaml_timestamp(self, node: ScalarNode) -> Any:
        """A date as YAML reads it; one that is no day (2026-02-30, a sign-off edited by
        hand) is a `ValueError` in words (`clock.iso_date`'s): Python's "day is out of
        range for month" named neither the date nor the month."""
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            written = str(node.value)
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", written):
                iso_date(written)  # raises, in words
            raise ValueError(f"{written!r} is no moment of the calendar") from None


# PyYAML finds a constructor by its tag in a table of functions, not by method name.
for _tag, _method in (
    ("bool", PlainConstructor.construct_yaml_bool),
    ("int", PlainConstructor.construct_yaml_int),
    ("float", PlainConstructor.construct_yaml_float),
    ("timestamp", PlainConstructor.construct_yaml_timestamp),
):
    PlainConstructor.add_constructor("tag:yaml.org,2002:" + _tag, _method)  # type: ignore[type-var]


@lru_cache(maxsize=1)
def _data_loader() -> type:
    """libyaml's safe loader (`_Loader`) with `PlainConstructor` for its constructor."""
    bases = tuple(
        PlainConstructor if base is yaml.constructor.SafeConstructor else base
        for base in _Loader.__bases__
    )
    return type(f"Plain{_Loader.__name__}", bases, {"__init__": _Loader.__init__})


def load_plain(path: Path, about: YamlFile) -> Any:
    """The plain values of ``path`` (`PlainConstructor`), read as strictly as a leaflet
    (`load_yaml`): for a file the tool writes and people merge, edit and break, such as
    the sign-off records, whose every problem must name its line."""
    return PlainConstructor().construct_document(load_yaml(path, about))


def load_yaml(path: Path, about: YamlFile = LEAFLET) -> Node:
    """Parse ``path`` (a file of the kind ``about``) into a node tree, turning every
    low-level failure into a `LeafletError` whose hint suits that kind of file."""
    raw = read_input(path, MAX_FILE_BYTES, about.too_large)
    if len(raw) > CACHED_FILE_BYTES:  # a huge file's tree is not worth keeping
        return _parse(path, raw, about)
    return _parse_once(path, raw, about)


@lru_cache(maxsize=8)
def _parse_once(path: Path, raw: bytes, about: YamlFile) -> Node:
    # Keyed by the bytes, so an edit is never missed. A build reads its leaflet twice
    # (content, then the checks' source map) and a worker builds it in every locale,
    # one job after the other; callers never modify nodes, so they can share the tree.
    # A tree is ~0.2 MB: 8, not 16, so a batch's memory stops growing sooner (#20).
    return _parse(path, raw, about)


# What YAML itself refuses to read (its c-printable set), found before libyaml reports
# it as "position 1618" of a stream instead of a line and column.
_UNREADABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")


def _parse(path: Path, raw: bytes, about: YamlFile = LEAFLET) -> Node:
    text = decode_utf8(path, raw)
    bad = _UNREADABLE.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        raise LeafletError(
            Location(path, line, column),
            f"control character {name(bad.group())} in the file",
            PASTE_HINT,
        )
    try:
        _refuse_deep_nesting(path, text)
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark and "end of stream" in (exc.problem or ""):
            mark = exc.context_mark  # a quote never closed: where it opens
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problem, hint = _explained(exc.problem or "", text, line, col, about)
        raise LeafletError(Location(path, line, col), f"invalid YAML: {problem}", hint) from None
    except yaml.YAMLError as exc:
        raise LeafletError(Location(path), f"invalid YAML: {exc}") from None
    if node is None:
        raise LeafletError(Location(path, 1, 1), "file is empty")
    _check_tree(path, node, about.worded, text)
    _refuse_lists_in_text(path, text, node)
    return node


# A line of unquoted text that opens with a list marker: "- Fish oil" indented under a
# list item, or "* your form" under an answer. Not "-1" (a number) nor "- " inside a line.
_LIST_LINE = re.compile(r"[ ]*([-*])(?:[ ]|$)")


def _refuse_lists_in_text(path: Path, text: str, root: Node) -> None:
    """Refuse a list typed inside text, at its first marker.

    YAML reads a sub-list indented under a list item (``- Vitamins`` then ``  - Fish
    oil``), or a list typed on the lines after a paragraph, as more of that text: the
    leaflet printed "Vitamins - Fish oil" as one item and said nothing. Only text typed
    unquoted (plain, or after ``>-`` or ``|``) is read so; a quoted dash is the writer's.
    """
    lines = text.splitlines()
    stack: list[Node] = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, ScalarNode):
            marker = _list_marker(node, lines)
            if marker is not None:
                line, column = marker
                raise LeafletError(
                    Location(path, line, column),
                    "a list typed inside text: YAML reads this line as more of the text "
                    "above it, not as list items (a leaflet's lists are not nested)",
                    "put these items in a list block of their own after this one, or, "
                    "to print the dash, move it up onto the line above",
                )
        elif isinstance(node, MappingNode):
            stack.extend(value for _key, value in reversed(node.value))
        elif isinstance(node, SequenceNode):
            stack.extend(reversed(node.value))


def _list_marker(node: ScalarNode, lines: Sequence[str]) -> tuple[int, int] | None:
    """The line and column (1-based) of the first list marker opening a line inside
    ``node``, an unquoted scalar typed over several lines; None if it has none."""
    if node.style not in (None, "", ">", "|"):
        return None
    start, end = node.start_mark, node.end_mark
    last = end.line - 1 if end.column == 0 else end.line  # a block ends where the next line starts
    for index in range(start.line + 1, min(last, len(lines) - 1) + 1):
        found = _LIST_LINE.match(lines[index])
        if found:
            return index + 1, found.start(1) + 1
    return None


#: What libyaml's problems mean to a clinic's editor, by a phrase of its own words, and
#: what to do. A problem not listed keeps libyaml's words, with `_ANY_PROBLEM`'s hint.
_PROBLEMS = (
    (
        "another document",
        "a second document starts here ('---' or '...')",
        "one {what} per file: remove the line and what follows, or move it to a file of its own",
    ),
    (
        "mapping values are not allowed",
        "a colon and a space inside a value",
        "put the whole value in quotes: {quoted}",
    ),
    (
        "unicode character escape",
        "an escape that stands for no character (\\u followed by a surrogate or an invalid number)",
        "write the character itself, or remove the backslash",
    ),
    (
        "unknown escape character",
        "a backslash that starts no escape in a double-quoted value",
        "write two backslashes for one, or use single quotes",
    ),
    (
        "unexpected end of stream",
        "a quote that is never closed",
        "close the quote that opens this value, at the end of the value",
    ),
    (
        "expected key",
        "a line indented differently from the lines beside it",
        "indent the keys of one block by the same number of spaces",
    ),
    (
        "expected ',' or",
        "a list in brackets ([ ] or { }) that is never closed",
        "close the bracket, or write the items as lines starting with '- '",
    ),
    (
        "undefined alias",
        "a '*' where a value starts",
        "put the value in quotes",
    ),
    (
        "cannot start any token",
        "a character that cannot start a value ('@', '`', '%' or a tab)",
        "put the value in quotes",
    ),
)
_ANY_PROBLEM = "check this line's indentation and quotes: text holding ': ' or ' #' needs quotes"


def _explained(
    problem: str, text: str, line: int, column: int, about: YamlFile = LEAFLET
) -> tuple[str, str]:
    """libyaml's ``problem`` at ``line``:``column`` of ``text`` (a file of the kind
    ``about``), in our words, and a hint."""
    if "\t" in problem or "tab" in problem or _tab_at(text, line, column):
        # libyaml says "found character that cannot start any token" for a tab.
        return "a tab character where YAML expects spaces", "indent with spaces, never tabs"
    wide = _wide_colon_near(text, line)
    if wide:  # libyaml says "could not find expected ':'", a line below it
        number, key, colon = wide
        return (
            f"a full-width colon '{colon}' after '{key}' on line {number}, where YAML expects ':'",
            f"type it as '{key}: ' (the keyboard in half-width, English, mode; a space after "
            "the colon)",
        )
    lowered = problem.lower()
    if "mapping values are not allowed" in lowered:
        key = _deeper_key(text, line, column)
        if key:  # `paper: a4` then `  colours: x`: read as more of a4, not as a key
            return (
                f"'{key}:' is indented deeper than the line above, so it reads as part of "
                "that line's value",
                f"start '{key}:' in the same column as the key above it; if it does belong "
                "to the value above, put that whole value in quotes",
            )
    for phrase, meaning, hint in _PROBLEMS:
        if phrase in lowered:
            return meaning, hint.format(what=about.what, quoted=about.quoted)
    return problem or "not readable here", _ANY_PROBLEM


#: Colons a Chinese, Japanese or Thai input method types: they look like ':' and are
#: letters to YAML, so ``title：Cells`` is no key.
_WIDE_COLON = re.compile(r"^ *(?:- +)?([A-Za-z0-9_-]+) *([\uff1a\ufe55\ufe13])")


def _wide_colon_near(text: str, line: int) -> tuple[int, str, str] | None:
    """(line, key, colon) of the nearest key typed with a full-width colon at 1-based
    ``line`` or the 20 lines above it, or None: libyaml notices the missing ':' lines
    later (where the block under the key ends), in words of its own."""
    lines = text.split("\n")
    for number in range(min(line, len(lines)), max(line - 21, 0), -1):
        match = _WIDE_COLON.match(lines[number - 1])
        if match:
            return number, match.group(1), match.group(2)
    return None


_KEY = re.compile(r"( *)([A-Za-z0-9_-]+):\s*$")


def _deeper_key(text: str, line: int, column: int) -> str:
    """The key at 1-based ``line``, when the line is only indentation and a key up to
    ``column`` and is indented deeper than the line above: a misplaced key, not a value."""
    lines = text.split("\n")
    if not 1 < line <= len(lines):
        return ""
    match = _KEY.fullmatch(lines[line - 1][:column])
    above = [x for x in lines[: line - 1] if x.strip() and not x.lstrip().startswith("#")]
    if not match or not above:
        return ""
    indent = len(above[-1]) - len(above[-1].lstrip(" "))
    return match.group(2) if len(match.group(1)) > indent else ""


def _tab_at(text: str, line: int, column: int) -> bool:
    """Whether the character at 1-based ``line``:``column`` is a tab."""
    lines = text.split("\n")
    return 0 < line <= len(lines) and lines[line - 1][column - 1 : column] == "\t"


def _refuse_deep_nesting(path: Path, text: str) -> None:
    """Refuse absurd nesting from the event stream, before any node tree is built.

    libyaml's composer recurses in C once per nesting level: ``[[[[…`` 100,000 deep
    (200 kB) overflows the C stack and kills the process with a segmentation fault,
    which no ``except`` can catch. Counting levels over the parser's events (a state
    machine, no recursion) stops at the first level too deep, in microseconds.
    `_check_tree` then applies the exact limit to the composed tree.

    Newer libyaml releases (PyYAML 6.0.4) refuse deep flow nesting themselves, while
    scanning ahead and with their own wording. When libyaml refuses anything, the
    pure-Python parser (no depth limit of its own, no recursion) counts the levels
    again, so the message is ours on every PyYAML version; any other fault is left
    for `yaml.compose` to report with its position.
    """
    try:
        _count_levels(path, _Loader(text))
    except yaml.YAMLError:
        with contextlib.suppress(yaml.YAMLError):
            _count_levels(path, yaml.SafeLoader(text))


def _count_levels(path: Path, loader: Any) -> None:
    try:
        depth = 0
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, MappingStartEvent | SequenceStartEvent):
                depth += 1
                if depth > MAX_DEPTH + 1:  # this collection itself is deeper than allowed
                    mark = event.start_mark
                    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
                    raise LeafletError(
                        Location(path, line, column),
                        f"nesting deeper than {MAX_DEPTH} levels",
                    )
            elif isinstance(event, MappingEndEvent | SequenceEndEvent):
                depth -= 1
    finally:
        loader.dispose()


def _check_tree(path: Path, root: Node, worded: tuple[str, ...] = (), text: str = "") -> None:
    """Refuse aliases, deep nesting and duplicate keys in one walk over the composed nodes.

    An alias composes to the very node object its anchor made, so meeting a node twice
    means an alias. Refusing it here, before anything expands the shared nodes, is what
    makes a "billion laughs" file fail in time linear in its size.

    Each text is read in its language: the leaflet's declared one, or the locale that
    keys it under a ``worded`` field (an Arabic address may hold right-to-left marks).
    """
    language = _declared_language(root)
    stack: list[tuple[Node, int, str]] = [(root, 0, language)]
    seen_nodes: set[int] = set()
    keyed_by_locale = _keyed_by_locale(root, worded)
    refused: list[tuple[Location, Refusal]] = []
    while stack:
        node, depth, language = stack.pop()
        if node.tag not in _PLAIN_TAGS:
            raise LeafletError(
                where(path, node),
                f"a YAML tag '{_as_written(node.tag)}' is not allowed",
                "remove the tag: write the value as plain text, a list or a mapping",
            )
        if isinstance(node, ScalarNode) and isinstance(node.value, str):
            problem = refusal(node.value, right_to_left(language), language)
            if problem:
                refused.append((_position_in(path, node, problem.offset, text), problem))
        if id(node) in seen_nodes:
            raise LeafletError(
                where(path, node),
                "anchors and aliases (&name, *name) are not allowed",
                "write the repeated content out in full",
            )
        seen_nodes.add(id(node))
        if depth > MAX_DEPTH:
            raise LeafletError(where(path, node), f"nesting deeper than {MAX_DEPTH} levels")
        if isinstance(node, MappingNode):
            seen: dict[str, Node] = {}
            for key, value in node.value:
                name = key.value if isinstance(key, ScalarNode) else ""
                if id(key) in seen_nodes:  # `&k title: …` then `subtitle: *k`
                    raise LeafletError(
                        where(path, key),
                        "anchors and aliases (&name, *name) are not allowed",
                        "write the repeated content out in full",
                    )
                seen_nodes.add(id(key))  # a key is a node an alias may name too
                if key.tag == _CORE + "merge":
                    raise LeafletError(
                        where(path, key),
                        "a merge key (<<) is not allowed",
                        "write the entries it would copy out in full, in this mapping",
                    )
                if name in seen:
                    first = seen[name].start_mark.line + 1
                    raise LeafletError(
                        where(path, key),
                        f"duplicate key '{name}' (first defined on line {first})",
                        "remove one of the two; YAML would silently keep only the last",
                    )
                seen[name] = key
                keyed = id(node) in keyed_by_locale and bool(name)
                stack.append((value, depth + 1, name if keyed else language))
        elif isinstance(node, SequenceNode):
            stack.extend((item, depth + 1, language) for item in node.value)
    if refused:  # the first in the file, whatever order the walk met them in
        location, problem = min(refused, key=lambda r: (r[0].line, r[0].column))
        raise LeafletError(location, problem.message, problem.hint)


_CORE = "tag:yaml.org,2002:"
#: The tags YAML gives plain values itself. Any other was written by hand (``!!binary``,
#: ``!!python/object``, ``!clinic``): the reader would drop it and print the text as
#: written (``title: !!binary aGVsbG8=`` printed "aGVsbG8="), so it is refused.
_PLAIN_TAGS = frozenset(
    _CORE + name for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
) | {_CORE + "merge"}  # a '<<' key: refused by `_check_tree` as a merge key, by name


def _as_written(tag: str) -> str:
    return "!!" + tag.removeprefix(_CORE) if tag.startswith(_CORE) else tag


def _keyed_by_locale(root: Node, worded: tuple[str, ...]) -> set[int]:
    """The ids of the mappings under ``root``'s ``worded`` fields, whose keys are locales."""
    if not worded or not isinstance(root, MappingNode):
        return set()
    return {
        id(value)
        for key, value in root.value
        if getattr(key, "value", None) in worded and isinstance(value, MappingNode)
    }


def _declared_language(root: Node) -> str:
    """The ``language:`` a leaflet declares, for the text policy (bidi controls are
    allowed, balanced, only in right-to-left text); "" for other files."""
    if isinstance(root, MappingNode):
        for key, value in root.value:
            if getattr(key, "value", None) == "language" and isinstance(value, ScalarNode):
                return str(value.value)
    return ""


def _position_in(path: Path, node: ScalarNode, offset: int, text: str = "") -> Location:
    """Where character ``offset`` of a scalar's value was written: exact on a one-line
    plain or quoted scalar and, in the file's ``text``, a folded or plain one of several
    lines (`_folded_position`); its line in a literal block (``|``); the scalar's start
    otherwise."""
    start = node.start_mark
    before = node.value[:offset]
    if start.line == node.end_mark.line and node.style in (None, "", "'", '"'):
        quote = 1 if node.style else 0
        return Location(path, start.line + 1, start.column + 1 + quote + offset)
    if node.style == "|":
        line = before.count("\n")
        return Location(path, start.line + 2 + line)
    if node.style in (None, "", ">") and (found := _folded_position(node, offset, text)):
        return Location(path, *found)
    return where(path, node)


def _folded_position(node: ScalarNode, offset: int, text: str) -> tuple[int, int] | None:
    """Line and column of character ``offset`` of a folded (``>-``) or plain scalar of
    several lines, the way leaflets write paragraphs: found as the text from it to the
    end of its word, in the file between the scalar's start and end, as often as the
    value holds it before. Such a scalar has no escapes; folding only joins its lines.
    None when the file's ``text`` is not at hand or the word is not found."""
    buffer, start = text, node.start_mark.index
    word = re.match(r"\S{1,40}", node.value[offset:])
    if not buffer or not word:
        return None
    raw = buffer[start : node.end_mark.index]
    at = -1
    for _ in range(node.value.count(word.group(), 0, offset) + 1):
        at = raw.find(word.group(), at + 1)
        if at < 0:
            return None
    index = start + at
    return buffer.count("\n", 0, index) + 1, index - buffer.rfind("\n", 0, index)


def where(path: Path, node: Node) -> Location:
    return Location(path, node.start_mark.line + 1, node.start_mark.column + 1)


_NULLS = {"", "~", "null", "Null", "NULL"}


class Fields:
    """Typed, position-aware access to one YAML mapping, checked against a known key set."""

    def __init__(self, path: Path, node: Node, what: str, known: Sequence[str]) -> None:
        self.path = path
        self.node = node
        if not isinstance(node, MappingNode):
            self.fail(node, f"{what} must be a mapping (key: value)")
        self.values: dict[str, Node] = {}
        self.keys: dict[str, Node] = {}
        for key, value in node.value:
            name = key.value if isinstance(key, ScalarNode) else None
            if not isinstance(name, str):
                self.fail(key, f"{what}: keys must be plain names")
            if name not in known:
                self.fail(key, f"unknown key '{name}' in {what}", suggest(name, known))
            self.values[name] = value
            self.keys[name] = key

    @property
    def location(self) -> Location:
        return where(self.path, self.node)

    def fail(self, node: Node, message: str, hint: str = "") -> NoReturn:
        raise LeafletError(where(self.path, node), message, hint)

    def has(self, key: str) -> bool:
        value = self.values.get(key)
        return value is not None and not (isinstance(value, ScalarNode) and is_null(value))

    def node_of(self, key: str) -> Node:
        if key in self.values and not self.has(key):  # written, as ~, null or nothing
            node = self.values[key]
            written = f"a bare {node.value}" if node.value else "nothing"
            self.fail(
                node,
                f"'{key}' is empty: {written} is no value in YAML",
                "write its value; to print the character itself, put it in quotes: '~'",
            )
        if not self.has(key):
            self.fail(self.node, f"missing required key '{key}'")
        return self.values[key]

    def line_of(self, key: str) -> int:
        return self.values[key].start_mark.line + 1 if key in self.values else 0

    def scalar(self, key: str) -> str:
        node = self.node_of(key)
        if not isinstance(node, ScalarNode):
            self.fail(
                node,
                f"'{key}' must be a single value, not a list or mapping",
                "write one value after the colon; text of several lines goes after '|', "
                "indented below it",
            )
        return str(node.value)

    def text(self, key: str, default: str | None = None) -> str:
        if not self.has(key):
            if default is not None:
                return default
            self.node_of(key)
        value = self.scalar(key).strip()
        if not value:
            self.fail(self.values[key], f"'{key}' is empty")
        if problem := invisible_only(self.path, self.values[key], f"'{key}'"):
            raise problem
        return value

    def web_address(self, key: str) -> str:
        """An optional http(s) address with a host: it becomes a link in the PDF, and a
        ``javascript:`` or ``file:`` one would run or open something on a reader's
        machine when clicked."""
        value = self.text(key, "")
        refusal = link_refusal(value, WEB_SCHEMES) if value else ""
        if refusal:
            self.fail(self.values[key], f"'{key}' is not a web address: {value!r}", refusal)
        return value

    def pattern(self, key: str, regex: str, what: str, default: str | None = None) -> str:
        value = self.text(key, default)
        if value != default and not re.fullmatch(regex, value):
            self.fail(self.values[key], f"'{key}' is not {what}: {value!r}")
        return value

    def boolean(self, key: str, default: bool) -> bool:
        if not self.has(key):
            return default
        written = self.scalar(key)
        if not _CORE_BOOLEAN.fullmatch(written):
            self.fail(
                self.values[key],
                f"'{key}' must be true or false, not {written!r}",
                boolean_hint(key),
            )
        return written.lower() == "true"

    def date(self, key: str) -> dt.date:
        value = self.scalar(key)
        try:
            return iso_date(value)
        except ValueError:
            typed = _ascii_digits(value)
            if typed != value and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", typed):
                # Thai ๒๐๒๗ or full-width ２０２７ look like the date and are no date.
                self.fail(
                    self.values[key],
                    f"'{key}' must be a date YYYY-MM-DD in ASCII digits, not {value!r}",
                    f"type it as {key}: {typed}",
                )
            leap_day = common_era_date(value, today())
            if leap_day:
                self.fail(
                    self.values[key],
                    f"'{key}' {value} is no date of the Common Era: a date of the"
                    f" {leap_day[0]} calendar? Dates are read in the Common Era",
                    f"write {key}: {leap_day[1].isoformat()}",
                )
            self.fail(self.values[key], f"'{key}' must be a date YYYY-MM-DD, not {value!r}")

    def integer(self, key: str) -> int:
        value = self.scalar(key)
        if not re.fullmatch(r"\d{1,6}", value):
            self.fail(self.values[key], f"'{key}' must be a whole number, not {value!r}")
        return int(value)

    def sequence(self, key: str) -> list[Node]:
        node = self.node_of(key)
        if not isinstance(node, SequenceNode):
            self.fail(node, f"'{key}' must be a list (lines starting with '- ')")
        if not node.value:
            self.fail(node, f"'{key}' is an empty list", EMPTY_LIST_HINT)
        return list(node.value)

    def __iter__(self) -> Iterator[str]:
        return iter(self.values)


#: What to do about an empty list (a table's ``rows: []``, a callout's ``[]``): it was
#: said with no hint, as if the list were the mistake and not what it lacks.
EMPTY_LIST_HINT = (
    "write at least one item under it, each on a line starting with '- ', or remove "
    "the block it belongs to"
)


def _ascii_digits(value: str) -> str:
    """``value`` with the digits of every script (๒, ２, ٢) as ASCII ones."""
    return "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in value)


def is_null(node: ScalarNode) -> bool:
    """Whether YAML reads ``node`` as no value: nothing, or a bare ~ or null."""
    return node.tag == "tag:yaml.org,2002:null" and node.value in _NULLS


def no_text(path: Path, node: Node, what: str) -> LeafletError | None:
    """The error for ``node`` written where text belongs as a bare ~, null or nothing,
    which YAML reads as no value (it printed as "~"), else None."""
    if not isinstance(node, ScalarNode) or not is_null(node):
        return None
    written = f"a bare {node.value}" if node.value else "nothing"
    return LeafletError(
        where(path, node),
        f"{what} has no text: {written} is no value in YAML",
        "write the text; to print the character itself, put it in quotes: '~'",
    )


def invisible_only(path: Path, node: Node, what: str) -> LeafletError | None:
    """The error for a value of ``node`` that holds only invisible characters (a
    zero-width space, a soft hyphen, a variation selector), else None: it looks filled
    in to the author and prints a blank, in a leaflet's text or any other value."""
    value = str(node.value) if isinstance(node, ScalarNode) else ""
    if not value.strip() or not prints_nothing(value):
        return None
    return LeafletError(
        where(path, node),
        f"{what} holds only invisible characters ({invisible_names(value)}): "
        "it would print nothing",
        "write the text, or delete the characters you cannot see",
    )


def suggest(name: str, known: Sequence[str]) -> str:
    close = nearest(name, known)
    if close:
        return f"did you mean '{close}'?"
    return "allowed keys: " + ", ".join(known)
