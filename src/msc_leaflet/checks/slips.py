"""The slips a writer makes in a long claim word, read as the word.

A patient reads "regenrate", "guarenteed" and "rniracle" (rn printed close as m) as the
promise they misspell, but a list of phrases holds each word once, and no check read
them. Only a word of `claims-<lang>.yaml`'s ``cues.slips_from`` letters or more (7 in
English) is given its slips: a short word's slips are other words ("curing" and
"caring", "cure" and "care", "pure"), a long one's are not (tests/test_checks_spellings.py
holds every slip of the English list to the system's English dictionary when it has
one). The slips are one letter's: left out, doubled, swapped with the next, a vowel
for another or added, "rn" for "m" and a hard c spelt by ear, k or q ("mirakle") —
not another consonant ("regenerate" and "degenerate"). A short word (from
``cues.short_slips_from`` letters, 4 in English: "cure", "heal") is given only the slips
that make no other word as readily (`short_slips`: "cuer", "heall", "kure"), less the
few that do (``cues.not_slips``: "curse", "hela" of HeLa cells). A digit written for
the letter it is drawn like ("m1racle", "cur3", "regr0w") is read as the letter, in a
word of any length: no word of the list is spelt with digits, and a word that is one
read so is no other word."""

from __future__ import annotations

from collections.abc import Sequence

VOWELS = "aeiouy"
#: The letters a writer spells a hard c with by ear: "kure", "qure", "mirakle".
SOUNDED_AS = {"c": "kq"}


def slips(word: str) -> frozenset[str]:
    """Every one-letter slip of ``word`` (lower case), but ``word`` itself."""
    found: set[str] = set()
    for i, letter in enumerate(word):
        found.add(word[:i] + word[i + 1 :])  # left out: "regenrate"
        found.add(word[:i] + letter + word[i:])  # doubled: "miraccle"
        if i + 1 < len(word) and letter != word[i + 1]:
            found.add(word[:i] + word[i + 1] + letter + word[i + 2 :])  # swapped: "miracel"
        if letter in VOWELS:
            found |= {word[:i] + vowel + word[i + 1 :] for vowel in VOWELS}  # "guarenteed"
        if letter == "m":
            found.add(word[:i] + "rn" + word[i + 1 :])  # "rniracle"
        found |= {word[:i] + other + word[i + 1 :] for other in SOUNDED_AS.get(letter, "")}
    for i in range(len(word) + 1):
        found |= {word[:i] + vowel + word[i:] for vowel in VOWELS}  # added: "regenerateing"
    found.discard(word)
    return frozenset(found)


def short_slips(word: str) -> frozenset[str]:
    """The slips of a short ``word`` (lower case) that make no other word as readily
    as a vowel changed or a letter left out do ("cure": "care", "pure", "cur"): two
    letters swapped ("cuer"), one doubled ("heall"), a hard c spelt by ear ("kure",
    "qure"). `slip_table` leaves out the few that are words (``not_slips``: "curse")."""
    found: set[str] = set()
    for i, letter in enumerate(word):
        found.add(word[:i] + letter + word[i:])  # doubled: "heall"
        if i + 1 < len(word) and letter != word[i + 1]:
            found.add(word[:i] + word[i + 1] + letter + word[i + 2 :])  # swapped: "cuer"
        found |= {word[:i] + other + word[i + 1 :] for other in SOUNDED_AS.get(letter, "")}
    found.discard(word)
    return frozenset(found)


def slip_table(
    forms: list[tuple[int, str]],
    min_letters: int,
    short: Sequence[tuple[int, str]] = (),
    short_letters: int = 0,
    not_slips: frozenset[str] = frozenset(),
) -> tuple[tuple[str, int], ...]:
    """(slip, index of its claim) for the one-word ``forms`` (claim index, form) of
    ``min_letters`` ASCII letters or more, not themselves a slip of a listed form, and
    the `short_slips` of the one-word ``short`` forms of ``short_letters`` to
    ``min_letters`` letters (a claim of any severity: "heal" is a warning, "heall"
    too); a slip that is itself a listed form, one of ``not_slips`` (English words:
    "curse", "hela" for HeLa cells), or a slip of two claims' words, is left out (it
    is read as written)."""
    if min_letters <= 0:
        return ()
    listed = {form.casefold() for _, form in [*forms, *short]}
    # A misspelling the list holds ("cureing", a slip of "curing") has no slips of its
    # own: they would be a third word's ("careing" is "caring" misspelt)
    # (a letter added to a shorter form: "guarantee" is no slip of "guaranteed").
    misspelt = {slip for word in listed for slip in slips(word) if len(slip) > len(word)}
    owner: dict[str, int | None] = {}
    for index, form in forms:
        word = form.casefold()
        if len(word) < min_letters or not (word.isascii() and word.isalpha()):
            continue
        if word in misspelt:
            continue
        for slip in slips(word) - listed:
            owner[slip] = index if owner.get(slip, index) == index else None
    for index, form in short if short_letters > 0 else ():
        word = form.casefold()
        if not short_letters <= len(word) < min_letters or not (word.isascii() and word.isalpha()):
            continue
        for slip in short_slips(word) - listed - not_slips:
            owner[slip] = index if owner.get(slip, index) == index else None
    return tuple(sorted((slip, index) for slip, index in owner.items() if index is not None))


#: The letters a digit inside a word is written for, as it is drawn like them.
DIGIT_LETTERS = {"0": "o", "1": "il", "3": "e", "4": "a", "5": "s", "7": "t"}


def digit_readings(word: str) -> list[str]:
    """``word`` (lower case) with each digit read as a letter it stands for
    (`DIGIT_LETTERS`): "m1racle" is "miracle" or "mlracle"; none for a word of fewer
    than three letters or more than three digits (CD34, HbA1c and H2O are read as
    typed: they become no claim word either way)."""
    digits = sum(c.isdigit() for c in word)
    if not digits or digits > 3 or sum(c.isalpha() for c in word) < 3:
        return []
    readings = [""]
    for char in word:
        letters = DIGIT_LETTERS.get(char, char) if char.isdigit() else char
        readings = [r + letter for r in readings for letter in letters]
    return [r for r in readings if r.isalpha()]
