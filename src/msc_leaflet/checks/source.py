"""Positions in the leaflet's YAML that the typed model does not keep.

The model has a line per block and per text, which is enough to build a PDF but not
to point an author at the offending word in a folded paragraph, at a block's
``note:`` (where waivers live), or at ``document: next_review``. `SourceMap` reads the
same file with the same strict composer as the loader and answers those questions.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..alternation import longest_first
from ..content.text_policy import SARA_AM, lookalikes_of, typed_sara_am
from ..content.twin_letters import typed_for
from ..content.yaml_source import load_yaml, where
from ..errors import LeafletError, Location
from ..files import read_input
from ..i18n.typed import msgstr_place, typed_entry


@dataclass(frozen=True)
class BlockSource:
    """One block's extent in the file (1-based, inclusive) and its translator note."""

    first_line: int
    last_line: int
    note: str = ""
    note_location: Location | None = None


@dataclass
class SourceMap:
    path: Path
    text: str = ""
    blocks: list[BlockSource] = field(default_factory=list)
    keys: dict[str, Location] = field(default_factory=dict)  # "document.code" → where

    @classmethod
    def read(cls, path: Path) -> SourceMap:
        root = load_yaml(path)  # first: it refuses an unreadable, huge or non-UTF-8 file
        source = cls(path, read_input(path).decode("utf-8"))
        if isinstance(root, MappingNode):
            source._walk(root, "")
        return source

    def _walk(self, node: Node, prefix: str) -> None:
        if isinstance(node, MappingNode):
            for key, value in node.value:
                name = f"{prefix}{key.value}"
                self.keys[name] = where(self.path, value)
                if name == "blocks" and isinstance(value, SequenceNode):
                    self.blocks = [self._block(item) for item in value.value]
                else:
                    self._walk(value, name + ".")
        elif isinstance(node, SequenceNode):
            for n, item in enumerate(node.value):
                self._walk(item, f"{prefix.rstrip('.')}[{n}].")

    def _block(self, node: Node) -> BlockSource:
        # A block's last line: its node ends at the start of the next item (end_mark is
        # exclusive and sits on the next line), hence the end line without +1.
        first, last = node.start_mark.line + 1, max(node.start_mark.line + 1, node.end_mark.line)
        if isinstance(node, MappingNode):
            for key, value in node.value:
                if key.value == "note" and isinstance(value, ScalarNode):
                    return BlockSource(first, last, str(value.value), where(self.path, value))
        return BlockSource(first, last)

    def block_at(self, line: int) -> BlockSource | None:
        for block in self.blocks:
            if block.first_line <= line <= block.last_line:
                return block
        return None

    def key(self, name: str) -> Location:
        return self.keys.get(name, Location(self.path))

    def locate(self, line: int, phrase: str, nth: int = 0) -> Location:
        """Where ``phrase`` first occurs at or after ``line`` (a folded scalar spans lines),
        or its ``nth`` occurrence after that one (`typed_before`: the second "cure" of a
        paragraph stood at the first's column, and a sentence's two were one finding).

        Words may be separated by any whitespace (folding), so the search is a regex with
        ``\\s+`` between words. Falls back to the text's first line, column 0.
        """
        if not self.text or not line or not phrase.strip():
            return Location(self.path, line)
        starts = [0, *(m.end() for m in re.finditer("\n", self.text))]
        if line > len(starts):
            return Location(self.path, line)
        pattern = _as_typed(phrase, "\\" in self.text)
        match = _nth_match(pattern, self.text, starts[line - 1], nth)
        if match is None:
            return Location(self.path, line)
        found_line = self.text.count("\n", 0, match.start()) + 1
        column = match.start() - starts[found_line - 1] + 1
        block = self.block_at(line)
        if found_line - line > 40 or (block and found_line > block.last_line):
            # Not this text's phrase (its own is typed otherwise, say as a YAML escape):
            # do not point at another block's words.
            return Location(self.path, line)
        return Location(self.path, found_line, column)


def typed_before(text: str, phrase: str, offset: int) -> int:
    """How many times ``phrase`` is written in ``text`` (a text as the checks read it)
    before ``offset``: which of its occurrences in the file a finding there is."""
    if not phrase.strip():
        return 0
    return sum(1 for _ in _as_typed(phrase, "\\" in text).finditer(text, 0, offset))


def _nth_match(pattern: re.Pattern[str], text: str, start: int, nth: int) -> re.Match[str] | None:
    """The ``nth`` match of ``pattern`` in ``text`` from ``start`` (the last there is,
    where the file holds fewer than the text read: one typed as a YAML escape)."""
    found = list(itertools.islice(pattern.finditer(text, start), nth + 1))
    return found[-1] if found else None


#: What the checks read through and a file may hold inside a phrase: what the page
#: does not print (`text_policy.visible`: a soft hyphen, zero-width spaces and joiners,
#: a word joiner, a BOM, a variation selector) and inline markup (`content.inline`:
#: ``**cu**re``, ``c*ur*e``, ``[cu](https://…)re``, an escape), which stood a claim
#: split by it at its text's line alone; in a double-quoted YAML scalar, such a
#: character as an escape (``cu\\u00ADre``) and an escaped line break (``cu\\`` ⏎ ``re``).
_UNSEEN = (
    "(?:[\u00ad\u200b-\u200d\u2060\ufeff\ufe00-\ufe0f]|\\*{1,2}|\\\\(?=[*\\[\\]\\\\])"
    "|\\[(?!@)|\\]\\((?:[^()\\s]|\\([^()\\s]*\\))+\\)"
    "|\\\\(?:u00ad|u200[b-d]|u2060|ufeff|ufe0[0-9a-f]|xad|\\n[ \\t]*)"
    ")*"
)


def _escaped(char: str) -> set[str]:
    """The YAML escapes a double-quoted scalar may write ``char`` as (``\\u0441`` for a
    Cyrillic с): a finding on it stood at its line alone. Their hex digits in either
    case, as `_as_typed`'s pattern ignores case."""
    code = ord(char)
    found = {f"\\u{code:04x}", f"\\U{code:08x}"} if code <= 0xFFFF else {f"\\U{code:08x}"}
    return found | ({f"\\x{code:02x}"} if code <= 0xFF else set())


@lru_cache(maxsize=1024)
def _as_typed(phrase: str, escaped: bool = False) -> re.Pattern[str]:
    """``phrase`` (as the checks read it) as it may be typed in the file: its words
    apart by any whitespace (a folded scalar), an invisible character between any two
    of its letters, each letter composed or decomposed (NFD, as macOS saves) or in its
    full-width form (ｃｕｒｅ), a kana in its half-width one (ｶﾝﾁ, ｶﾞ), or as a letter
    printed alike (`twin_letters.typed_for`; another script's, or a small capital:
    `text_policy.lookalikes_of`); with ``escaped`` (a file that holds a backslash), as
    a double-quoted YAML scalar's escapes too (`_escaped`), which make the pattern
    three times as long to compile."""

    def letter(char: str) -> str:
        forms = set(_spellings(char))
        if char.isascii() and char.isalnum():
            forms |= {chr(ord(c) + 0xFEE0) for c in (char.lower(), char.upper())}
        elif char in _NARROW:
            forms |= set(_NARROW[char])  # カンチ typed ｶﾝﾁ
        elif SARA_AM.fullmatch(char):
            forms |= set(typed_sara_am(char))  # ນ້ຳ typed ນໍ້າ
        forms |= set(typed_for(char))  # "MIRACLE" typed MlRACLE, 生 typed ⽣
        forms |= set(lookalikes_of(char))  # "cure" typed сure (Cyrillic с), ᴄᴜʀᴇ
        decomposed = unicodedata.normalize("NFD", char)
        if len(decomposed) > 1:  # "toàn" typed with a Cyrillic а and a combining grave
            forms |= {alike + decomposed[1:] for alike in lookalikes_of(decomposed[0])}
        if escaped:
            forms |= {e for form in list(forms) if len(form) == 1 for e in _escaped(form)}
        return "(?:" + "|".join(map(re.escape, longest_first(forms))) + ")"

    words = [_UNSEEN.join(map(letter, _LETTERS.findall(word))) for word in phrase.split()]
    return re.compile(f"{_UNSEEN}\\s+{_UNSEEN}".join(words), re.IGNORECASE)


def _narrow_forms() -> dict[str, tuple[str, ...]]:
    """Each full-width kana and sign and its half-width spellings (NFKC makes ｶ カ and
    ｶﾞ ガ): the checks read the half-width ones a form still types as the page prints
    them, and the file holds them as typed."""
    narrow = [chr(c) for c in range(0xFF61, 0xFFA0)]
    spelled = narrow + [base + mark for base in narrow for mark in "\uff9e\uff9f"]
    found: dict[str, set[str]] = {}
    for typed in spelled:
        wide = unicodedata.normalize("NFKC", typed)
        if len(wide) == 1 and wide != typed:
            found.setdefault(wide, set()).add(typed)
    return {wide: tuple(sorted(forms)) for wide, forms in found.items()}


_NARROW = _narrow_forms()


@lru_cache(maxsize=4096)
def _spellings(char: str) -> tuple[str, ...]:
    """Every spelling of ``char`` that composes to it (NFC): the letter itself, NFD
    (as macOS saves), its marks typed in another order, and its base composed with some
    of its marks, the rest after it: Windows-1258 and the VNI keyboards write ệ as
    ê ◌̣, a tone mark apart from the letter that carries a circumflex. A finding then
    names the column of a phrase however the file spells it, not just its line."""
    composed = unicodedata.normalize("NFC", char)
    decomposed = unicodedata.normalize("NFD", composed)
    base, marks = decomposed[:1], list(decomposed[1:])
    found = {composed}
    for size in range(len(marks) + 1):
        for kept in itertools.combinations(range(len(marks)), size):
            head = unicodedata.normalize("NFC", base + "".join(marks[i] for i in kept))
            rest = [marks[i] for i in range(len(marks)) if i not in kept]
            found |= {
                head + "".join(order)
                for order in itertools.permutations(rest)
                if unicodedata.normalize("NFC", head + "".join(order)) == composed
            }
    return tuple(sorted(found))


#: A phrase's letters for `_as_typed`: a Thai or Lao sara am with its tone mark is one.
_LETTERS = re.compile(f"{SARA_AM.pattern}|.", re.DOTALL)


def yaml_locate(path: Path, line: int, phrase: str) -> Location:
    """Where ``phrase`` is typed in the leaflet at ``path``, at or after ``line`` (its
    text's first line; `SourceMap.locate`, through folding and escapes): a build that
    refuses a character names its column as `check` does. ``line`` alone when the file
    cannot be read again (changed or removed since)."""
    try:
        return SourceMap.read(path).locate(line, phrase)
    except (OSError, LeafletError):
        return Location(path, line)


def po_locate(origin: Location, phrase: str, nth: int = 0) -> Location:
    """Where ``phrase`` is typed in the msgstr of the catalog entry at ``origin`` (its
    first line or its msgstr's): the line and column of its first character, on the
    msgstr line or one of its continuation lines (`i18n.typed.msgstr_place`); the
    msgstr's line when the phrase is not found (a phrase split over two lines is). The
    ``nth`` occurrence after the first, as `SourceMap.locate`."""
    entry = typed_entry(origin)
    if entry is None:
        return origin
    typed = entry.forms[0]
    match = _nth_match(_as_typed(phrase, "\\" in typed), typed, 0, nth) if phrase.strip() else None
    return msgstr_place(origin, match.start() if match else None)
