"""Lao syllable boundaries: where a Lao|Lao line break may fall at all.

ICU's Lao dictionary splits words it does not know (loanwords, drug and cell names)
into pieces that can end inside a syllable: ຄ|ລີ|ນິກ ("clinic") cuts the initial
cluster ຄລ in two, as Thai ค|รี would. So every ICU break between two Lao letters must
also fall where a syllable ends.

Modern Lao spelling writes every vowel (ສະບາຍ where Thai writes สบาย, with an inherent
vowel), so a syllable can be read off its letters alone, as Thai's cannot. A syllable
here (`syllable_pattern`) is

* an initial: a consonant, ຫ before a sonorant (ຫນ ຫມ ຫລ ຫວ…, also written ໜ ໝ ຫຼ),
  or a stop or fricative before ລ ຣ (ຄລີນິກ, ໂປຣ) or ວ (ຄວາມ, ກວ່າ), with its tone
  mark;
* its vowel: a leading vowel ເ ແ ໂ ໃ ໄ written before the initial, and the signs and
  letters after it (ະ າ ຳ ໍ ິ ີ ຶ ື ຸ ູ, ເ-ືອ, ເ-ົາ, -ຽ-, -ົ-, -ັ-, and ອ ວ as the
  closed vowels -ອ- and -ວ-: ບອກ, ກວດ);
* its final: ກ ງ ດ ນ ບ ມ ຍ ວ, or ລ ສ ຟ in loanwords (ມອລ, ແກັສ), and a consonant
  silenced with ໌. -ັ-, -ົ-, -ຽ-, -ອ- and -ວ- are closed vowels: they always take one.

A break may fall at a position only if some reading of the whole Lao stretch as a
sequence of such syllables ends one there (`syllable_boundaries`). Where two readings
both parse (ມາກ|ວ່າ, ມາ|ກວ່າ: a final then an initial, or a cluster) both boundaries
stay: ICU's dictionary picks between them for the words it knows. Only ກ ດ ບ before
ລ or ຣ are settled here, as the final (`FINAL_OR_CLUSTER`). A stretch no reading
covers (an old or Pali spelling with an inherent vowel: ສຸຂພາບ) keeps the boundaries
a reading reaches from either end of its piece (from one leading vowel to the next)
where a syllable also starts (from the start) or ends (from the end), so it can
still break, and never inside a cluster beside it (ສຸຂພາບ|ຄລີນິກ, not ສຸຂພາບຄ|ລີນິກ).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

CONSONANTS = "ກຂຄຆງຈຉຊຌຍຎຏຐຑຒຓດຕຖທຘນບປຜຝພຟຠມຢຣລວຨຩສຫຬອຮໜໝໞໟ"
LEADING_VOWELS = "ເແໂໃໄ"
TONE_MARKS = "\u0ec8\u0ec9\u0eca\u0ecb"
#: ຼ, the subscript lo of ຫຼ: a second consonant written under the first.
SEMIVOWEL_LO = "\u0ebc"
#: ໌, the cancellation mark: the consonant under it is silent (of the syllable before).
CANCELLATION = "\u0ecc"
#: ະ ັ າ ຳ ິ ີ ຶ ື ຸ ູ ຺ ົ ຼ ຽ and ໍ: the vowels written after the initial.
VOWELS = "".join(map(chr, range(0x0EB0, 0x0EBE))) + "\u0ecd"
#: Letters and marks a syllable is spelt with. Digits, ໆ and ຯ are not: they end a
#: stretch, and the line rules (`scripts`) keep ໆ off a line start.
LETTERS = frozenset(CONSONANTS + LEADING_VOWELS + VOWELS + TONE_MARKS + CANCELLATION)
#: Native finals, then the finals of loanwords.
FINALS = "ກງດນບມຍວ" + "ລສຟ"
#: ຫ makes these a high-class initial: ຫນ ຫມ ຫລ ຫວ ຫງ ຫຍ ຫຣ.
AFTER_HO = "ງຍນມລວຣ"
#: Consonants that start a cluster with ລ or ຣ (loanwords: ຄລີນິກ, ໂປຣ, ເກຣດ) and with
#: ວ (ຄວາມ, ກວ່າ, ແຂວງ). Nasals and glides are left out: ນວາ, ມລາ read as a final
#: and a new initial.
BEFORE_L_R = "ກຂຄຕຖທປຜພບດຟສ"
BEFORE_W = "ກຂຄຈຊສຕຖທປຜພຟຮ"
#: Native finals that could also start a ລ/ຣ cluster. Modern Lao spells no native word
#: with such a cluster, so after a syllable that can take one of these as its final,
#: it is that final (ຈາກ|ລະບົບ, ທຸກ|ລາຍການ), never the start of ກລ, ດຣ, ບລ.
FINAL_OR_CLUSTER = "ກດບ"

_C = f"[{CONSONANTS}]"
_T = f"[{TONE_MARKS}]"
_HEAD = f"(?:ຫ[{AFTER_HO}]|[{BEFORE_L_R}][ລຣ]|[{BEFORE_W}]ວ|{_C}){SEMIVOWEL_LO}?"
_INITIAL = f"{_HEAD}{_T}?"
_SILENT = f"{_C}{CANCELLATION}"
_FINAL = f"(?:[{FINALS}](?:{_SILENT})?|{_SILENT})"


def _sign(signs: str) -> str:
    """A vowel sign above or below with the tone mark typed before or after it."""
    return f"(?:[{signs}]{_T}?|{_T}[{signs}])"


# The tone mark belongs to the initial (`_INITIAL`); with a sign above or below it may
# be typed before or after the sign (ມີ້ and ມ້ີ look the same), hence `_sign`.
_FORMS = (
    f"{_INITIAL}ະ",  # ສະ
    f"{_INITIAL}າ{_FINAL}?",  # ມາ, ທາງ
    f"{_INITIAL}(?:ຳ|ໍາ)",  # ຄຳ, ນ້ຳ (ໍາ: the older spelling of ຳ)
    f"{_HEAD}{_sign('ໍ')}",  # ບໍ່, ຂໍ້: open only
    f"{_HEAD}{_sign('ິີຶືຸູ')}{_FINAL}?",  # ມີ, ກິນ, ມື້, ຢູ່, ສຸດ
    f"{_HEAD}{_sign('ັົ')}{_FINAL}",  # ສັ່ນ, ຄົນ, ຕົວ: -ັ- and -ົ- always take a final
    f"{_INITIAL}[ອວຽ]{_FINAL}",  # ບອກ, ກ່ອນ, ກວດ, ດຽວ: closed vowels
    f"[ເແໂໃໄ]{_INITIAL}(?:ະ|{_FINAL})?",  # ເຊ, ເຊວ, ແລະ, ໂຕຣ, ໃຫ້, ໄຄມ, ເສຍ
    f"[ເແ]{_HEAD}{_sign('ັ')}{_FINAL}",  # ເຈັບ, ເຊັນ, ແກັສ
    f"ເ{_HEAD}{_sign('ິີ')}{_FINAL}?",  # ເດີນ, ເອິກ, ເບິ່ງ
    f"ເ{_HEAD}{_sign('ື')}ອ{_FINAL}?",  # ເລືອດ, ເຊື່ອງ, ເກືອ
    f"ເ{_HEAD}{_sign('ົ')}າ",  # ເຂົ້າ
    f"ເ{_INITIAL}າະ",  # ເກາະ
)


@lru_cache(maxsize=1)
def syllable_pattern() -> re.Pattern[str]:
    """One Lao syllable, compiled at the first Lao text: compiling it costs 8 ms, which a
    build without Lao (every Thai and English one) would pay at import."""
    return re.compile("|".join(f"(?:{form})" for form in _FORMS))


#: No syllable above is longer: ເ + ກຣ + ື + ່ + ອ + ດ + a silenced consonant.
LONGEST = 10


def is_lao_letter(char: str) -> bool:
    """A Lao letter or mark a syllable is spelt with (not a digit, ໆ or ຯ)."""
    return char in LETTERS


def lao_syllable_break(text: str, i: int) -> bool:
    """Whether a break between ``text[i-1]`` and ``text[i]`` (both Lao letters) falls
    between two syllables of the Lao stretch around it."""
    starts, ends = _lao_runs(text)
    k = bisect_right(starts, i - 1) - 1  # the stretch holding text[i - 1]
    return i - starts[k] in syllable_boundaries(text[starts[k] : ends[k]])


@lru_cache(maxsize=1024)
def syllable_boundaries(run: str) -> frozenset[int]:
    """Offsets inside ``run`` (all Lao letters) where one syllable ends and the next
    starts.

    A leading vowel always starts a syllable, so the run is read piece by piece, each
    from one leading vowel to the next: a spelling no reading covers then costs the
    breaks of its piece only, not those of the whole paragraph.
    """
    starts = [p for p, char in enumerate(run) if p == 0 or char in LEADING_VOWELS]
    found: set[int] = set()
    for start, end in zip(starts, [*starts[1:], len(run)], strict=True):
        piece = run[start:end]
        found.update(start + p for p in _piece_boundaries(piece))
        if end < len(run) and piece[-1] not in CONTINUED:
            found.add(end)
    return frozenset(found)


#: Never the last letter of a syllable: a leading vowel, ຼ, and the vowels -ັ-, -ົ-,
#: -ຽ- (with or without a tone mark after them) that always take a final.
CONTINUED = LEADING_VOWELS + SEMIVOWEL_LO + "\u0eb1\u0ebb\u0ebd"


def _piece_boundaries(piece: str) -> set[int]:
    """Offsets inside ``piece`` where a syllable ends, by every reading that covers
    it; if none does, by the readings that cover it from its start or up to its
    end."""
    n = len(piece)
    fullmatch = syllable_pattern().fullmatch
    ends = [
        [e for e in range(p + 1, min(n, p + LONGEST) + 1) if fullmatch(piece, p, e)]
        for p in range(n)
    ]
    from_start = [False] * (n + 1)
    from_start[0] = True
    for p in range(n):
        if not from_start[p]:
            continue
        if piece[p] in FINAL_OR_CLUSTER and piece[p + 1 : p + 2] in ("ລ", "ຣ"):
            before = range(max(0, p - LONGEST), p)
            if any(from_start[q] and p in ends[q] and p + 1 in ends[q] for q in before):
                ends[p] = []  # ຈາກ|ລະ, not ຈາ|ກລະ: the syllable before takes it as final
        for e in ends[p]:
            from_start[e] = True
    to_end = [False] * (n + 1)
    to_end[n] = True
    for p in range(n - 1, -1, -1):
        to_end[p] = any(to_end[e] for e in ends[p])
    if from_start[n]:
        return {p for p in range(1, n) if from_start[p] and to_end[p]}
    # No reading covers the piece. A reading from its start reaches past the spot none
    # can read, and one from its end reaches before it: each vouches for one side of a
    # boundary only. The other side must be a syllable too, or ສຸຂພາບ beside ຄລີນິກ
    # opened ຄ|ລີ (ລີນິກ reads to the end, the lone ຄ ends no syllable) and ຄລີນ|ິກ.
    ended = {e for starts in ends for e in starts}
    return {p for p in range(1, n) if (from_start[p] and ends[p]) or (to_end[p] and p in ended)}


_LAO_RUN = re.compile(f"[{''.join(sorted(LETTERS))}]+")


@lru_cache(maxsize=64)
def _lao_runs(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Starts and ends of the stretches of Lao letters of a paragraph."""
    runs = [m.span() for m in _LAO_RUN.finditer(text)]
    return tuple(a for a, _ in runs), tuple(b for _, b in runs)
