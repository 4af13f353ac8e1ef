"""Words as a regular expression's alternatives: longest first, in one order always.

Longest first, because a pattern takes the first alternative that matches, and the
longest word must win at its place (ผู้ป่วย before ผู้). In one order, because the words
often come from a set, whose order changes with the hash seed: the pattern's text
would then differ from one run to the next, though never what it matches (two words
of one length cannot both match at one place), and the command keeps each compiled
program by its pattern's text (`cli.regex_code`): a text that changes is compiled
again at every start, and its program kept once more.
"""

from __future__ import annotations

from collections.abc import Iterable


def longest_first(words: Iterable[str]) -> list[str]:
    """``words``, each once, longest first and alphabetically among equals."""
    return sorted(set(words), key=lambda word: (-len(word), word))
