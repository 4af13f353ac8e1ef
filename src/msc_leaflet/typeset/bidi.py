"""Right-to-left text: the Unicode Bidirectional Algorithm (UAX #9), levels and order.

A paragraph of an Arabic leaflet runs right to left, and the numbers, Latin drug
names and citation markers inside it run left to right within it. The algorithm
resolves an embedding level per character (even: left to right, odd: right to left);
shaping then sets each run in its direction (HarfBuzz mirrors brackets in right-to-left
runs and joins Arabic letters), and each printed line shows its clusters in visual
order (rule L2: reverse every run at or above each odd level). The PDF text layer keeps
the logical order: glyphs are written in reading order at their visual positions
(``reading_order``).

Levels are those of python-bidi's reference implementation (``bidi.algorithm``), with
the bracket pairs' rule N0 it lacks (UAX #9 since 6.3, below); ICU's, the better-kept
one, is not exposed by icu4py. A paragraph without explicit controls
(every one the layout sets) gets them from the same rules applied to a string of class
letters (`_implicit_levels`), a tenth of the time. Lines break on logical text first,
as UAX #9 requires (levels are resolved per paragraph, reordering is per line).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from itertools import groupby
from typing import Any

from ..data import data_path

# Strong right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko, presentation
# forms) and explicit right-to-left controls: without any, a left-to-right paragraph
# has every level 0 and needs no work at all.
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u200f\u202b\u202e\u2067]")


def has_rtl(text: str) -> bool:
    return _RTL.search(text) is not None


def levels(text: str, rtl: bool) -> tuple[int, ...]:
    """The resolved embedding level of each character of the paragraph ``text``;
    ``rtl``: the paragraph runs right to left (base level 1)."""
    if not rtl and not has_rtl(text):
        # Not kept: as cheap to make again, and a batch's memory stays flat (#20).
        return (0,) * len(text)
    return _resolved(text, 1 if rtl else 0)


@lru_cache(maxsize=1024)
def _resolved(text: str, base: int) -> tuple[int, ...]:
    """`levels` of a paragraph with right-to-left text, from base level ``base``."""
    if ISOLATE_CONTROLS.search(text):
        return _isolated_levels(text, base)
    classes = text.translate(_CLASSES)
    if _UNLISTED not in classes:
        return _implicit_levels(classes, base, text)
    from bidi import algorithm

    storage = algorithm.get_empty_storage()
    storage["base_level"] = base
    storage["base_dir"] = ("L", "R")[base]
    algorithm.get_embedding_levels(text, storage, False, False)
    algorithm.explicit_embed_and_overrides(storage, False)
    algorithm.resolve_weak_types(storage, False)
    _pair_brackets_of_runs(storage["chars"], storage["runs"])  # N0: python-bidi has none
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    resolved = iter(char["level"] for char in storage["chars"])
    out: list[int] = []
    for char in text:
        # Embedding controls and boundary neutrals are removed by rule X9: they take
        # the level of the character before them.
        removed = unicodedata.bidirectional(char) in algorithm.X9_REMOVED
        out.append((out[-1] if out else base) if removed else next(resolved))
    return tuple(out)


# Isolates (LRI, RLI, FSI … PDI): what the text policy tells a translator to write to
# set a run's direction in right-to-left text, and what the layout writes around a value
# it prints untranslated. python-bidi's reference implementation has no rules for them
# (it raised AssertionError), so they are resolved here as UAX #9 does (BD13, X5a–X6a,
# X10): outside, an isolate is two neutrals, its initiator and its PDI, with nothing
# between them; inside, its text is a paragraph of its own at the next level of its
# direction, whatever is around it.
ISOLATE_CONTROLS = re.compile("[\u2066-\u2069]")
_INITIATORS = {"\u2066": "L", "\u2067": "R", "\u2068": ""}  # FSI: its first letter's
_PDI = "\u2069"
_STAND_IN = "\ufffc"  # a neutral (ON) of one character, for an initiator or a PDI
_EMBEDDING_PUSH = {"\u202a": 0, "\u202d": 0, "\u202b": 1, "\u202e": 1}  # LRE LRO, RLE RLO
_EMBEDDING_POP = "\u202c"


def _isolated_levels(text: str, base: int) -> tuple[int, ...]:
    """Levels of a paragraph holding isolates (see above)."""
    outer: list[str] = []  # the paragraph with the inside of each isolate taken out
    origin: list[int] = []  # where each character of ``outer`` is in ``text``
    insides: list[tuple[int, int, int]] = []  # (start, end, initiator's index in outer)
    i = 0
    while i < len(text):
        char = text[i]
        if char in _INITIATORS:
            end, depth = i + 1, 1
            while end < len(text):
                depth += (text[end] in _INITIATORS) - (text[end] == _PDI)
                if not depth:
                    break
                end += 1
            # ``end``: the matching PDI, or the paragraph's end for an isolate never closed
            insides.append((i + 1, end, len(outer)))
            outer.append(_STAND_IN)
            origin.append(i)
            if end < len(text):
                outer.append(_STAND_IN)
                origin.append(end)
            i = end + 1
        else:  # a PDI matching no initiator is a neutral too
            outer.append(_STAND_IN if char == _PDI else char)
            origin.append(i)
            i += 1
    outer_text = "".join(outer)
    resolved = [base] * len(text)
    for level, index in zip(levels(outer_text, bool(base)), origin, strict=True):
        resolved[index] = level
    for start, end, at in insides:
        inside = text[start:end]
        rtl = (_INITIATORS[text[start - 1]] or _first_strong(inside)) == "R"
        embedding = _embedding_level(outer_text, at, base)
        # The least greater level of the isolate's direction (X5a–X5c).
        level = embedding + (1 if rtl != (embedding % 2 == 1) else 2)
        resolved[start:end] = [level - level % 2 + x for x in levels(inside, rtl)]
    return tuple(resolved)


def _first_strong(text: str) -> str:
    """ "R" if the first strong letter of ``text`` outside its own isolates is
    right to left, else "L" (UAX #9 P2–P3, for FSI)."""
    depth = 0
    for char in text:
        if char in _INITIATORS:
            depth += 1
        elif char == _PDI:
            depth = max(0, depth - 1)
        elif not depth:
            kind = unicodedata.bidirectional(char)
            if kind in ("R", "AL"):
                return "R"
            if kind == "L":
                return "L"
    return "L"


def _embedding_level(text: str, at: int, base: int) -> int:
    """The embedding level at ``text[at]``: the paragraph's, raised by the explicit
    embeddings and overrides still open there (X1–X7, without overflow)."""
    stack = [base]
    for char in text[:at]:
        if char in _EMBEDDING_PUSH:
            top = stack[-1]
            rtl = _EMBEDDING_PUSH[char]
            stack.append(top + (1 + top % 2 if rtl else 2 - top % 2))
        elif char == _EMBEDDING_POP and len(stack) > 1:
            stack.pop()
    return stack[-1]


# A paragraph without explicit embeddings, overrides, isolates, boundary neutrals or
# paragraph separators (every paragraph the layout sets, in practice) is one run at
# the base level, and the rules python-bidi applies to it (W1-W7, N1-N2, I1-I2) are
# applied here to a string of one letter per character class, a few regular
# expressions instead of a dictionary per character: 0.45 ms of every Arabic
# paragraph, which a batch, building each paragraph once, pays in full. Same levels
# as python-bidi on millions of random texts of these classes (and, with N0, as
# fribidi's on ten thousand generated Arabic and English paragraphs).
_LETTERS = {
    "L": "L", "R": "R", "AL": "A", "EN": "E", "ES": "s", "ET": "t", "AN": "N",
    "CS": "c", "NSM": "m", "ON": "o", "WS": "w", "S": "S",
}  # fmt: skip
_UNLISTED = "x"  # any other class: python-bidi's own run


class _ClassTable(dict[int, str]):
    """Code point → class letter, for ``str.translate``; filled as characters are met."""

    def __missing__(self, code: int) -> str:
        if len(self) > 4096:  # a worker's memory stays flat (#20)
            self.clear()
        letter = self[code] = _LETTERS.get(unicodedata.bidirectional(chr(code)), _UNLISTED)
        return letter


_CLASSES = _ClassTable()


def class_letters(text: str) -> str:
    """The bidi class of each character of ``text`` as one letter (see `_LETTERS`:
    L, R, and A for AL among them; "x" for a class not listed there)."""
    return text.translate(_CLASSES)


_NSM = re.compile("m+")
_AFTER_AL = re.compile("A[^LR]*")  # W2: up to the next strong letter not Arabic
_AFTER_L = re.compile("L[^R]*")  # W7: up to the next right-to-left letter
_TO_ON = str.maketrans("stc", "ooo")  # W6
# N1: neutrals between two left-to-right letters, or two right-to-left letters or
# numbers; N2: all others take the paragraph's direction.
_BETWEEN = (re.compile("(?<=[REN])[Sow]+(?=[REN])"), re.compile("(?<=L)[Sow]+(?=L)"))
_TO_BASE = (str.maketrans("Sow", "LLL"), str.maketrans("Sow", "RRR"))
_IMPLICIT = ({"L": 0, "R": 1, "E": 2, "N": 2}, {"L": 2, "R": 1, "E": 2, "N": 2})  # I1, I2


def _implicit_levels(classes: str, base: int, text: str = "") -> tuple[int, ...]:
    """Levels of a paragraph of one run (see above), from its class letters and its
    ``text`` (for its brackets, rule N0)."""
    edge = "LR"[base]  # sor and eor, at both ends
    classes = edge + classes + edge
    typed = classes  # before W1, for the marks after a bracket (N0)
    if "m" in classes:  # W1: nonspacing marks take the class of what they follow
        classes = _NSM.sub(lambda m: m.string[m.start() - 1] * len(m[0]), classes)
    if "E" in classes:
        classes = _AFTER_AL.sub(lambda m: m[0].replace("E", "N"), classes)  # W2
    classes = classes.replace("A", "R")  # W3
    # W4: one separator between two numbers of a kind joins them (never chains: a
    # separator turned into a number has a number, not a separator, after it).
    classes = re.sub("(?<=E)[sc](?=E)", "E", classes)
    classes = re.sub("(?<=N)c(?=N)", "N", classes)
    if "t" in classes:  # W5
        classes = re.sub("t+(?=E)|(?<=E)t+", lambda m: "E" * len(m[0]), classes)
    classes = classes.translate(_TO_ON)  # W6
    if "E" in classes:
        classes = _AFTER_L.sub(lambda m: m[0].replace("E", "L"), classes)  # W7
    if _OPENING.search(text):
        classes = _paired_brackets(text, classes, typed, edge)
    other = "RL"[base]
    classes = _BETWEEN[base].sub(lambda m: other * len(m[0]), classes)  # N1
    classes = classes.translate(_TO_BASE[base])  # N2
    return tuple(map(_IMPLICIT[base].__getitem__, classes[1:-1]))


# Rule N0 (UAX #9 since 6.3): a pair of brackets takes the direction of the text inside
# it, or of the text before it where that is the other direction, so both brackets of
# "Vitamin D (cholecalciferol)" or "Smith et al. (2020)" in an Arabic line stand with
# the Latin inside them. Without it the closing bracket, between a Latin letter and the
# Arabic after it, took the line's direction and was drawn mirrored at the phrase's
# other end: "(Vitamin D (cholecalciferol". Pairs: data/bidi-brackets.txt.
def _bracket_table() -> tuple[dict[str, str], frozenset[str]]:
    """Each opening bracket → its closing one, and the set of closing ones, both in
    canonical form (BD16 pairs a bracket with its partner's canonical equivalent)."""
    pairs: dict[str, str] = {}
    for line in data_path("bidi-brackets.txt").read_text(encoding="utf-8").splitlines():
        fields = line.split("#", 1)[0].split()
        if fields:
            opening, closing = (chr(int(code, 16)) for code in fields)
            pairs[opening] = unicodedata.normalize("NFC", closing)
    return pairs, frozenset(pairs.values())


_PAIRS, _CLOSING = _bracket_table()
_OPENING = re.compile("[" + re.escape("".join(_PAIRS)) + "]")
_PAIRING_DEPTH = 63  # BD16: the stack of opening brackets holds no more


def bracket_pairs(text: str, classes: str) -> list[tuple[int, int]]:
    """(opening, closing) indices in ``text`` of its bracket pairs, by opening (BD16);
    ``classes``: a class letter per character, as `class_letters` gives them (a bracket
    pairs only as a neutral, class "o")."""
    stack: list[tuple[str, int]] = []  # (the closing bracket awaited, opening's index)
    pairs = []
    for index, char in enumerate(text):
        if classes[index] != "o":
            continue
        if char in _PAIRS:
            if len(stack) == _PAIRING_DEPTH:
                break
            stack.append((_PAIRS[char], index))
            continue
        closing = unicodedata.normalize("NFC", char)
        if closing not in _CLOSING:
            continue
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] == closing:
                pairs.append((stack[depth][1], index))
                del stack[depth:]
                break
    return sorted(pairs)


def _strong(classes: str) -> set[str]:
    """The strong directions among ``classes`` (letters after W7), numbers as R (N0)."""
    found = set()
    if "L" in classes:
        found.add("L")
    if "R" in classes or "E" in classes or "N" in classes:
        found.add("R")
    return found


def _paired_brackets(text: str, classes: str, typed: str, embedding: str) -> str:
    """``classes`` (after W7, with sos and eos at its ends) with rule N0 applied to the
    brackets of ``text``; ``typed``: the classes before W1, where a mark after a
    bracket stands ("m"), which takes the bracket's new direction; ``embedding``: the
    direction of the run's level, "L" or "R"."""
    opposite = "RL"[embedding == "R"]
    letters = list(classes)
    for opening, closing in bracket_pairs(text, classes[1:-1]):
        inside = _strong("".join(letters[opening + 2 : closing + 1]))
        if embedding in inside:
            direction = embedding
        elif opposite in inside:
            before = "".join(letters[: opening + 1])
            last = max(before.rfind("L"), before.rfind("R"), before.rfind("E"), before.rfind("N"))
            context = "L" if before[last] == "L" else "R"
            direction = opposite if context == opposite else embedding
        else:
            continue
        for bracket in (opening + 1, closing + 1):
            letters[bracket] = direction
            mark = bracket + 1
            while mark < len(letters) - 1 and typed[mark] == "m":
                letters[mark] = direction
                mark += 1
    return "".join(letters)


_TYPE_LETTERS = {"L": "L", "R": "R", "EN": "E", "AN": "N", "ON": "o"}


def _pair_brackets_of_runs(chars: Sequence[dict[str, Any]], runs: Sequence[dict[str, Any]]) -> None:
    """Rule N0 on python-bidi's level runs (``storage["chars"]`` and ``["runs"]``, after
    its weak types), where the paragraph has controls or classes `_implicit_levels`
    does not take."""
    for run in runs:
        start, length = run["start"], run["length"]
        own = chars[start : start + length]
        text = "".join(char["ch"] for char in own)
        if not _OPENING.search(text):
            continue
        letters = "".join(_TYPE_LETTERS.get(char["type"], "w") for char in own)
        typed = "".join("m" if char["orig"] == "NSM" else "w" for char in own)
        embedding = "LR"[own[0]["level"] % 2]
        edges = (run["sor"], run["eor"])
        classes = edges[0] + letters + edges[1]
        resolved = _paired_brackets(text, classes, f"w{typed}w", embedding)[1:-1]
        for char, before, after in zip(own, letters, resolved, strict=True):
            if before != after:
                char["type"] = after


def visual_order(line_levels: Sequence[int]) -> list[int]:
    """Indices of a line's items in left-to-right display order (rule L2)."""
    order = list(range(len(line_levels)))
    present = set(line_levels)
    if not present:
        return order
    highest = max(present)
    lowest_odd = min((level for level in present if level % 2), default=highest + 1)
    # Once per right-to-left line drawn, so the line is read once, as stretches of one
    # level, and reversed stretch by stretch. A stretch at a level or higher is a run
    # of such stretches of the line as given: reversals at higher levels stay inside it.
    stretches = []
    start = 0
    for level, same in groupby(line_levels):
        end = start + len(list(same))
        stretches.append((level, start, end))
        start = end
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        while i < len(stretches):
            if stretches[i][0] < level:
                i += 1
                continue
            j = i
            while j < len(stretches) and stretches[j][0] >= level:
                j += 1
            first, last = stretches[i][1], stretches[j - 1][2]
            order[first:last] = order[first:last][::-1]
            i = j
    return order
