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

from collections.abc import Iterable, Sequence


def longest_first(words: Iterable[str]) -> list[str]:
    """``words``, each once, longest first and alphabetically among equals."""
    return sorted(set(words), key=lambda word: (-len(word), word))


#: Atoms, each to what may follow it; "" marks where an alternative ends.
_Trie = dict[str, "_Trie"]


def as_trie(alternatives: Iterable[Sequence[str]]) -> str:
    """One regular expression of ``alternatives``, each a sequence of regular-expression
    atoms, with the atoms they open with in common written once ("cure", "cured" and
    "curative" as ``cur(?:e(?:d|)|ative)``): it matches what one of them does, but a
    text is tried for each first atom once instead of for each alternative, where a
    thousand claim forms are asked of every text. Which alternative wins at a place is
    not that of `longest_first`: for whether (and where) any matches. In one order
    always (atoms sorted), for `cli.regex_code` to keep its program."""
    trie: _Trie = {}
    for atoms in alternatives:
        node = trie
        for atom in atoms:
            node = node.setdefault(atom, {})
        node[""] = {}  # an alternative ends here
    return _branches(trie)


def _branches(node: _Trie) -> str:
    """The expression of one trie ``node``: its atoms, each followed by its own node."""
    branches = [atom + _branches(child) for atom, child in sorted(node.items()) if atom]
    if "" in node:
        branches.append("")
    if not branches:
        return "(?!)"  # no alternative at all: matches nowhere
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"
