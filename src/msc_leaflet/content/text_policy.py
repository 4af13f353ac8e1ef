"""The text policy: which characters may reach a leaflet, and the text the checks judge.

A leaflet has two readers who must see the same sentence: the patient (the PDF) and
the reviewer (an editor, a translation platform, `msc-leaflet check`). Characters that
show differently to the two are the attack surface:

* **Refused** where text enters the model (`yaml_source` for every YAML scalar, the
  translation checks for every msgstr): control characters (NUL, ESC, DEL, C1), bidi
  overrides, and bidi embeddings, isolates and marks ("Trojan Source", CVE-2021-42574)
  except in a right-to-left language and then only balanced, private-use characters (no font
  draws them), surrogates and noncharacters, invisible tag characters, a byte-order
  mark inside text, U+FFFD (a letter lost in a conversion), more than `MAX_MARKS`
  combining marks on one letter (a "Zalgo" column drawn through the header), a mark
  with no letter to sit on, a mark typed twice or out of order on one letter, or a
  Khmer coeng with nothing to write below (`mark_typos`), Burmese signs in the Zawgyi
  encoding's order, or in Burmese text its forms (`zawgyi`), text decoded in the wrong
  encoding (`mojibake`: à¸œ for ผ, Ã© for é), Thai sara am typed as ํ + า (`sara_am`),
  and a text of only invisible characters (`prints_nothing`).
* **Kept and shown to the reviewer**: zero-width spaces and joiners, word joiners and
  soft hyphens have real uses (Thai and Lao line-break hints, Arabic and Indic
  joining, hyphenation points), so they are allowed — but where no script needs them,
  inside a Latin, Cyrillic or Greek word, `checks/hidden_text.py` reports them, and
  words that mix Latin with look-alike letters of another script.
* **Judged as seen**: `visible` is the text the checks match claims, terms and numbers
  in: default-ignorable characters removed, Thai ำ and Lao ຳ typed as two characters
  read as the vowel they print, compatibility forms of ASCII (full-width
  ``ｃｕｒｅ``, mathematical bold) folded, positional and width forms of other letters
  (Arabic presentation forms, half-width katakana) read as the letters, and look-alike
  letters in mixed-script words mapped to Latin (Unicode's confusables data, via
  ``confusable_homoglyphs``), and letters printed as another of their own script read
  as that one (`twin_letters`: 再⽣ is 再生, "MlRACLE" MIRACLE).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, groupby

from ..typeset.syllables import STACKERS, final_consonant
from .mark_typos import (
    BURMESE_SIGN_ORDER,
    COENG,
    KHMER_SHIFTER_ORDER,
    THAI_TONE_ORDER,
    MarkTypo,
    as_drawn,
    dangling_coeng,
    mark_after_vowel_letter,
    mark_off_its_letters,
    mark_typos,
)
from .mojibake import Mojibake, as_meant, mojibake
from .sara_am import LAO_SARA_AM, THAI_SARA_AM, joined, split_sara_am, syllable
from .twin_letters import (
    has_twin,
    pairs_in,
    read_bar_word,
    read_bars,
    read_pairs,
    read_zeros,
    twin_of,
    zeros_in,
)
from .zawgyi import ZAWGYI_LANGUAGE, zawgyi_sign

MAX_MARKS = 8  # Thai stacks 2, Vietnamese 2, Burmese and Khmer clusters up to ~5

# Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt, Unicode 15): drawn
# as nothing, so a reader never sees them, whatever the font.
_IGNORABLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0000-\U000e0fff]"
)
_EMBEDDINGS = {"\u202a": "\u202c", "\u202b": "\u202c", "\u202d": "\u202c", "\u202e": "\u202c"}
_ISOLATES = {"\u2066": "\u2069", "\u2067": "\u2069", "\u2068": "\u2069"}
_BIDI_MARKS = {"\u200e", "\u200f", "\u061c"}
# An override draws the letters it holds in the order it names, whatever their own
# direction: Arabic stored back to front under U+202D prints as a word the checks never
# read (a reversed "علاج نهائي" printed the claim and passed). Embeddings and isolates
# only set the direction of a run, so right-to-left text keeps them.
_OVERRIDES = {"\u202d", "\u202e"}
BIDI_CONTROLS = frozenset(
    {*_EMBEDDINGS, *_EMBEDDINGS.values(), *_ISOLATES, *_ISOLATES.values(), *_BIDI_MARKS}
)
_ALLOWED_CONTROLS = {"\n", "\t"}
# Scripts whose letters double as Latin ones (а/a, ο/o, ѕ/s …): a word mixing them with
# Latin reads as one English word but matches no English rule.
# Lisu's letters are Latin capitals by design (ꓚꓴꓣꓰ prints as CURE).
LOOKALIKE_SCRIPTS = ("CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE", "COPTIC", "LISU")


@dataclass(frozen=True)
class Refusal:
    """Why ``text`` cannot be printed: the offset of the first bad character, and words."""

    offset: int
    message: str
    hint: str


def name(char: str) -> str:
    """``U+202E RIGHT-TO-LEFT OVERRIDE``: a character the reader cannot see, in words."""
    fallback = _CONTROL_NAMES.get(char, "CONTROL" if unicodedata.category(char) == "Cc" else "")
    return f"U+{ord(char):04X} {unicodedata.name(char, fallback or 'unnamed character')}"


# unicodedata has no names for controls; these are their Unicode name aliases.
_CONTROL_NAMES = {"\x00": "NULL", "\x07": "BELL", "\x08": "BACKSPACE", "\x1b": "ESCAPE"}
_CONTROL_NAMES["\x7f"] = "DELETE"
_CONTROL_NAMES["\x85"] = "NEXT LINE (NEL)"  # YAML's "\N": was "U+0085 CONTROL"
_CONTROL_NAMES |= {"\t": "CHARACTER TABULATION", "\n": "LINE FEED", "\r": "CARRIAGE RETURN"}
#: Characters that end a line: kept in a paragraph, refused in a one-line field.
LINE_BREAKS = frozenset("\n\t\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def one_line_refusal(text: str) -> Refusal | None:
    """Why ``text`` cannot be a one-line field (a reviewer's name or note, printed on one
    line of the proof and kept in signoff.yaml), or None: what `refusal` refuses in any
    text, a bidi control (the field is set left to right; a name in Arabic reads right
    without one) and a line break or tab, which would start a second line."""
    return line_break_refusal(text) or refusal(text)


def line_break_refusal(text: str) -> Refusal | None:
    """Why ``text``, printed on one line, cannot be: the first line break or tab in it
    (a page label: "เว็บ\nไซต์" for "Web" printed "เว็บ ไซต์:", a word split by a space)."""
    for offset, char in enumerate(text):
        if char in LINE_BREAKS:
            return Refusal(offset, f"line break {name(char)}", "write it on one line")
    return None


def refusal(text: str, right_to_left: bool = False, language: str = "") -> Refusal | None:
    """The first reason ``text`` must not be printed, or None.

    ``right_to_left``: the text's language is written right to left, where bidi
    controls have a real use (and must then be balanced). ``language``: the text's
    language, where known; Burmese text is refused the code points only Zawgyi gives it.
    """
    # Every scalar of every leaflet is read here, so a text is first read as one letter
    # per character kind: only one with a character to refuse (or a long run of marks)
    # is walked character by character, to name the first.
    if not text.isascii():
        garbled = _mojibake_refusal(text, language) or _font_encoded_refusal(text, language)
        if garbled is not None:
            return garbled
    kinds = text.translate(_KINDS)
    if ("m" in kinds or "c" in kinds) and _MAYBE_BASELESS.search(kinds):
        baseless = _baseless_mark(text)
        if baseless is not None:
            return baseless
    burmese = _written_in_zawgyi_language(language)
    if "m" in kinds or "c" in kinds or burmese:
        zawgyi = zawgyi_sign(text, burmese)
        if zawgyi is not None:
            offset, what = zawgyi
            return Refusal(offset, f"{name(text[offset])} {what}: {_ZAWGYI}", _ZAWGYI_HINT)
    if COENG in text:
        coeng = dangling_coeng(text)
        if coeng is not None:
            return Refusal(
                coeng,
                f"{name(COENG)} has no consonant after it to write below its letter: the "
                "page draws it alone on a dotted circle",
                "type the consonant that goes below right after the coeng, or delete it",
            )
    if "m" in kinds or "d" in kinds:
        misplaced = _misplaced_mark(text, language)
        if misplaced is not None:
            return misplaced
        split = _split_thai_sara_am(text)
        if split is not None:
            return split
    if "x" not in kinds and "m" * (MAX_MARKS + 1) not in kinds:
        typo = _mark_typo(text, kinds, language)
        if typo is not None or "b" not in kinds:
            return typo  # or nothing to refuse, nor to balance
        if right_to_left:
            return _unbalanced_bidi(text) or _reordering_controls(text)
    marks = 0
    for offset, char in enumerate(text):
        category = unicodedata.category(char)
        if category in ("Mn", "Me"):
            marks += 1
            if marks > MAX_MARKS:
                return Refusal(
                    offset,
                    f"more than {MAX_MARKS} combining marks on one letter",
                    "remove the stacked marks; no language needs that many",
                )
            continue
        if not _IGNORABLE.fullmatch(char):
            # A joiner or word joiner between two marks draws nothing: the marks still
            # stack on the one letter ("Z" + (U+0301 U+200D) × 40 drew a 40-mark column).
            marks = 0
        if category == "Cc" and char not in _ALLOWED_CONTROLS:
            return Refusal(offset, f"control character {name(char)}", PASTE_HINT)
        if char in BIDI_CONTROLS and not right_to_left:
            return Refusal(
                offset,
                f"bidirectional control {name(char)} in left-to-right text",
                "remove it: it makes editors show the text in another order than the PDF",
            )
        if char in _OVERRIDES:
            return Refusal(
                offset,
                f"bidirectional override {name(char)}",
                "remove it: it prints the letters in another order than they are written, "
                "so the page shows words the checks never read; to set a run's direction, "
                "use an isolate (U+2066 to U+2069)",
            )
        if category == "Co":
            return Refusal(
                offset,
                f"private-use character {name(char)}",
                "no font draws it; replace it with the character you meant",
            )
        if char == "\ufffd":
            return Refusal(
                offset,
                f"{name(char)}: a letter was lost here when the text was converted from "
                "another encoding",
                "retype the word from the original document",
            )
        if category == "Cs" or _is_noncharacter(char) or char == "\ufeff":
            return Refusal(offset, f"invalid character {name(char)}", PASTE_HINT)
        if "\U000e0000" <= char <= "\U000e007f":
            return Refusal(offset, f"invisible tag character {name(char)}", PASTE_HINT)
        if category == "Cn":
            return Refusal(
                offset,
                f"unassigned character U+{ord(char):04X}",
                "no font draws it; replace it with the character you meant",
            )
    typo = _mark_typo(text, kinds, language)
    if typo is not None or not right_to_left:
        return typo
    return _unbalanced_bidi(text) or _reordering_controls(text)


def _mojibake_refusal(text: str, language: str) -> Refusal | None:
    """Text decoded in the wrong encoding (`mojibake`), with the word it should read:
    valid UTF-8 to the loader, garbage to the patient, and often C1 controls that would
    otherwise be refused with no word of what was meant."""
    letters, legacy = _letters_and_legacy_encoding(language)
    found = mojibake(text, letters, legacy, lambda word: refusal(word, language=language) is None)
    if found is None:
        return None
    meant = _shown(as_meant(text, found, letters))
    return Refusal(
        found.start,
        f"“{_shown(text[found.start : found.end])}” is “{_shown(found.meant)}” in "
        f"{_saved_as(found)} read as {found.read_as} (the wrong encoding): the "
        "patient would read these letters instead",
        f"this looks like “{meant}” decoded wrongly: paste it again from the original "
        f"(saved as UTF-8), or type “{meant}”",
    )


#: Latin-1's characters after its space and controls: where a legacy font's codes land.
_LATIN1 = re.compile("[\u00a1-\u00ff]")


def _font_encoded_refusal(text: str, language: str) -> Refusal | None:
    """Text typed in a legacy font encoding of ``language`` (``font-encoding`` in
    `data/languages.yaml`: Vietnamese in TCVN3 or VNI) and pasted: valid UTF-8 of Latin-1
    characters ("Th«ng tin cho bÖnh nh©n") that the document's font drew as the
    language's letters and every other font draws as they are. Found among the Latin-1
    characters between two letters that are none of the language's own: two signs
    (TCVN3 draws a's tones as ¸ µ ¶ · ¹: "b¸c sÜ"), or two in one word that VNI
    writes there (`_vni_sign`: người is "ngöôøi", được "ñöôïc"); or a word of TCVN3
    codes that reads as a Vietnamese syllable (`_tcvn3_words`), so that two words
    pasted ("bÖnh nh©n", "Th«ng tin") are found too. A German or French name
    (Müller, naïve, façade) has one letter so per word, and reads as no Vietnamese
    syllable: no evidence."""
    if not language:
        return None
    from ..languages import profile  # as `_letters_and_legacy_encoding`

    own = profile(language)
    if not own.font_encoding:
        return None
    # A soft hyphen between letters is a hyphenation point (in\u00adfu\u00adsion) as
    # often as TCVN3's ư: it is evidence only in a word that reads as Vietnamese.
    found = [
        match.start()
        for match in _LATIN1.finditer(text)
        if match.group() not in own.latin1_letters
        and match.group() != "\u00ad"
        and text[match.start() - 1 : match.start()].isalpha()
        and text[match.end() : match.end() + 1].isalpha()
    ]
    signs = [at for at in found if not text[at].isalpha()]
    vni = [at for at in found if _vni_sign(text, at)]
    words = Counter(text.count(" ", 0, at) for at in vni)  # which word each is in
    legacy = _tcvn3_words(text, own.latin1_letters) if "TCVN3" in own.font_encoding else []
    if (
        len(signs) < 2
        and max(words.values(), default=0) < 2
        and not any(strong for _, strong in legacy)
        and len({word.group() for word, _ in legacy}) < 2
    ):
        return None
    start = min([*found[:1], *(_first_code(word, own.latin1_letters) for word, _ in legacy)])
    word = re.search(r"\S*$", text[:start])
    rest = re.match(r"\S*", text[start:])
    shown = (word.group() if word else "") + (rest.group() if rest else "")
    convert = "convert the text to Unicode (UniKey's converter, or Word with the original font)"
    # Read as TCVN3 only where every sign of it is in a word that reads so: VNI's
    # "ngöôøi" reads as no word in TCVN3, and its reading would mislead.
    in_words = all(any(w.start() <= at < w.end() for w, _ in legacy) for at in found)
    meant = _tcvn3_meant(text, legacy) if in_words else ""
    return Refusal(
        start,
        f"“{_shown(shown)}” looks like {own.name} typed in a legacy font encoding "
        f"({own.font_encoding}): the patient would read these characters, not the letters "
        "the old font drew",
        f"in TCVN3 this is “{_shown(meant)}”: type “{_shown(meant)}”, or {convert} and "
        "paste it again"
        if meant
        else f"{convert}, then paste it again",
    )


# VNI writes ư, ơ, đ as ö, ô, ñ, and a vowel's other marks as a character after it
# (người is "ngöôøi": ø, the grave accent, after ô). Of these, the Latin-1 letters
# Vietnamese does not write itself; a mark among them counts only after a vowel, as
# VNI puts it: the ø of "Smørrebrød" and the ü of "Müller" follow consonants.
_VNI_LETTERS = frozenset("öÖñÑ")
_VNI_MARKS = frozenset("øØûÛïÏäÄåÅëËüÜ")
_VNI_VOWELS = frozenset("aeiouyAEIOUYöÖôÔ")


def _vni_sign(text: str, at: int) -> bool:
    """Whether the character at ``at`` is one VNI writes there: one of its letters, or
    one of its marks right after a vowel."""
    char = text[at]
    return char in _VNI_LETTERS or (char in _VNI_MARKS and at > 0 and text[at - 1] in _VNI_VOWELS)


#: A word as TCVN3 text holds it: ASCII letters and the Latin-1 codes of its letters.
_TCVN3_WORD = re.compile("[A-Za-z\u00a1-\u00ff]+")


def _tcvn3_words(text: str, own: str) -> list[tuple[re.Match[str], bool]]:
    """The words of ``text`` that are Vietnamese syllables typed in TCVN3: ASCII
    letters with a code of `tcvn3.CODES` that is none of the language's ``own``
    Latin-1 letters, which read, decoded, as a syllable (bÖnh is bệnh; Müller,
    Mỹller, is none). Each with whether it alone tells TCVN3: a sign among its
    letters (nh©n, Th«ng, b¸c, ng­êi), or a capital after a small letter (bÖnh,
    cÊp), which no word is written with. A unit after the micro sign (µg, µm) is no
    TCVN3 à."""
    from . import tcvn3  # read only for a text with Latin-1 characters in it

    if tcvn3.CODES.isdisjoint(set(text) - set(own)):  # most texts: no code to read
        return []
    words = []
    for match in _TCVN3_WORD.finditer(text):
        word = match.group()
        codes = [at for at, char in enumerate(word) if char in tcvn3.CODES and char not in own]
        if not codes or word[0] == "\u00b5" or not re.search("[A-Za-z]", word):
            continue
        if not tcvn3.is_syllable(tcvn3.decoded(word)):
            continue
        strong = any(
            not word[at].isalpha() or (word[at].isupper() and at and word[at - 1].islower())
            for at in codes
        )
        words.append((match, strong))
    return words


def _first_code(word: re.Match[str], own: str) -> int:
    """Where the first character of ``word`` that is none of the language's own
    letters stands in the text: the column a refusal names."""
    return word.start() + next(
        at for at, char in enumerate(word.group()) if not char.isascii() and char not in own
    )


def _tcvn3_meant(text: str, legacy: list[tuple[re.Match[str], bool]]) -> str:
    """The run of ``text`` from the first TCVN3 word of ``legacy`` to the last, as
    its writer typed it (bÖnh nh©n → bệnh nhân), or "" where a word in it with a
    Latin-1 character reads as no Vietnamese syllable: a converter must judge it."""
    if not legacy:
        return ""
    from . import tcvn3

    run = text[legacy[0][0].start() : legacy[-1][0].end()]
    for match in _TCVN3_WORD.finditer(run):
        if not match.group().isascii() and not tcvn3.is_syllable(tcvn3.decoded(match.group())):
            return ""
    return tcvn3.decoded(run)


def _saved_as(found: Mojibake) -> str:
    return "UTF-8" if found.encoding == "UTF-8" else f"text saved as {found.encoding}"


#: How much of a run of mojibake a message quotes: a pasted paragraph is one run.
_SHOWN = 40


def _shown(text: str) -> str:
    """``text`` to quote in a message: its controls named (mojibake holds C1 controls,
    which some terminals obey), cut to ``_SHOWN`` characters."""
    cut = text[:_SHOWN] + ("…" if len(text) > _SHOWN else "")
    return "".join(f"<U+{ord(c):04X}>" if unicodedata.category(c) == "Cc" else c for c in cut)


@lru_cache(maxsize=64)
def _letters_and_legacy_encoding(language: str) -> tuple[Callable[[str], bool], str]:
    """Whether a character is a letter of ``language`` (of any described language when
    none is known), and the language's legacy encoding. Imported here, not at the top,
    as in `_written_in_zawgyi_language`."""
    from ..languages import profile, profiles

    if language:
        own = profile(language)
        return own.has_letters, own.legacy_encoding
    every = [p for p in profiles() if p.letters]
    return (lambda char: any(p.has_letters(char) for p in every)), ""


#: Two marks in a row, or a letter typed with its marks and one after it, in the kinds
#: `_KindTable` gives (invisible characters dropped).
_TWO_MARKS = re.compile("[mcd][mc]")


def _mark_typo(text: str, kinds: str, language: str = "") -> Refusal | None:
    """The first mark of ``text`` typed twice on its letter, of a place its letter has
    filled, or typed before its vowel (`mark_typos`): the page shows the word meant, the
    checks, a search and a screen reader read another."""
    if not _TWO_MARKS.search(kinds):
        return None
    typos = mark_typos(text, mark_runs(text), language)
    typo = min(typos, key=lambda t: t.offset, default=None)
    if typo is None:
        return None
    char, other = name(text[typo.offset]), name(text[typo.other])
    if typo.kind == "twice":
        has_it = "" if text[typo.other] == text[typo.offset] else f" ({other} has it already)"
        return Refusal(
            typo.offset,
            f"{char} is typed twice on one letter{has_it}: the page shows one mark, or two "
            "stacked, where the word has one, and the checks, a search and a screen reader "
            "read another word",
            "delete the second one",
        )
    if typo.kind == "place" and typo.what == "Khmer vowel sign":
        return Refusal(
            typo.offset,
            f"{char} after {other} on one letter, which takes one {typo.what}: the page "
            "may draw the two as one vowel, and the checks, a search and a screen reader "
            "read two",
            _one_key_hint(text[typo.other], text[typo.offset]),
        )
    if typo.kind == "place":
        same_place = unicodedata.combining(text[typo.offset]) == unicodedata.combining(typo.clash)
        drawn = "draws one over the other" if same_place else "prints both"
        return Refusal(
            typo.offset,
            f"{char} after {other} on one letter, which takes one {typo.what}: the page {drawn}",
            f"keep the mark the word is spelt with and delete the other: type "
            f"{_spelt_without(text, typo, text[typo.offset])} or "
            f"{_spelt_without(text, typo, typo.clash)}",
        )
    return _order_refusal(typo, char, other)


def _one_key_hint(first: str, second: str) -> str:
    """What to type for two Khmer vowel signs on one letter: the one sign they look
    like, when Khmer has one (`split-vowels` in languages.yaml: ោ for េ + ា)."""
    from ..languages import profile

    one = next((v for v, parts in profile("km").split_vowels if parts == first + second), "")
    if one:
        return (
            f"type {one} {_code(one)} instead of {first} {_code(first)} + {second} "
            f"{_code(second)}: Khmer has one key for the vowel drawn in two parts"
        )
    return (
        "type the vowel as one sign: a vowel drawn in two parts (ោ, ើ, ៀ) has a key of "
        "its own; otherwise keep the vowel the word is spelt with and delete the other"
    )


def _code(text: str) -> str:
    return " ".join(f"U+{ord(c):04X}" for c in text)


def _misplaced_mark(text: str, language: str) -> Refusal | None:
    """A mark on a letter that never takes it: a Thai or Lao mark after a vowel letter
    (`mark_after_vowel_letter`), or, in a language whose profile names the letters its
    marks sit on (Vietnamese), one on another letter (`mark_off_its_letters`). The page
    prints the slip; the checks, a search and a screen reader read no word."""
    after_vowel = mark_after_vowel_letter(text)
    if after_vowel is not None:
        return _after_vowel_refusal(text, *after_vowel)
    letters, marks, language_name = _marked_letters(language)
    if not letters:
        return None
    found = mark_off_its_letters(text, letters, marks)
    if found is None:
        return None
    offset, letter = found
    vowels = " ".join(dict.fromkeys(letters.lower()))
    return Refusal(
        offset,
        f"{name(text[offset])} is on “{letter}”, a letter that takes no mark: "
        f"{language_name} writes its tone marks, and the marks of its vowels, only on a "
        f"vowel ({vowels}), so "
        "the page prints a mark no word has, and a search for the word finds nothing",
        f"type “{letter}” without the mark, and the mark on the syllable's vowel",
    )


def _split_thai_sara_am(text: str) -> Refusal | None:
    """Thai sara am typed as ํ + า (`sara_am`): the page prints ำ, a search for the
    word finds nothing. After `_misplaced_mark`, which names a tone typed after า."""
    if "\u0e4d" not in text:
        return None
    match = split_sara_am(text, "Thai")
    if match is None:
        return None
    meant = syllable(text, match)
    return Refusal(
        match.start(),
        f"{name(chr(0x0E4D))} and {name(chr(0x0E32))} typed for sara am: the page prints "
        "ำ, but a search for the word, a screen reader and a copy from the PDF read two "
        "other characters",
        f"type ำ ({_code(THAI_SARA_AM)}), the one key for sara am, after the tone mark: "
        f"{meant} ({_code(meant)})",
    )


def _after_vowel_refusal(text: str, offset: int, syllable: str) -> Refusal:
    mark, script = text[offset], script_of(text[offset]).title()
    vowel = next(c for c in reversed(text[:offset]) if not _IGNORABLE.fullmatch(c))
    hint = (
        f"retype the syllable with the mark on its consonant: {syllable} ({_code(syllable)})"
        if syllable
        else "retype the syllable with the mark right after its consonant"
    )
    return Refusal(
        offset,
        f"{name(mark)} is typed after {name(vowel)}, a vowel letter: a {script} mark sits "
        "on its consonant, so the page draws it beside the vowel or on a dotted circle, "
        "and the checks, a search and a screen reader read another word",
        hint,
    )


@lru_cache(maxsize=64)
def _marked_letters(language: str) -> tuple[str, str, str]:
    """The letters ``language``'s marks sit on, those marks (tone and vowel marks) and
    its name; "" when it names none. Imported here, as in `_written_in_zawgyi_language`."""
    if not language:
        return "", "", ""
    from ..languages import profile

    own = profile(language)
    return own.marked_letters, own.tone_marks + own.vowel_marks, own.name


def _order_refusal(typo: MarkTypo, char: str, other: str) -> Refusal:
    """A mark typed before one its script stores first (`mark_typos._out_of_order`)."""
    if typo.what == THAI_TONE_ORDER:
        drawn = "the page draws the tone mark under the vowel"
        hint = "its vowel first, then the tone mark"
    elif typo.what == KHMER_SHIFTER_ORDER:
        drawn, hint = (
            "Khmer stores the register shifter before the vowel, so the page draws it "
            "on a dotted circle",
            "the register shifter first, then the vowel",
        )
    else:
        assert typo.what == BURMESE_SIGN_ORDER, typo
        drawn, hint = (
            "Unicode stores a Burmese syllable's signs in one order (medials ျ ြ ွ ှ, then "
            "ေ, the vowels above, below, ါ ာ, then ံ ့ ် း), and the page may draw a "
            "dotted circle",
            f"{other} first, then {char}",
        )
    return Refusal(
        typo.offset,
        f"{char} is typed before {other}: {drawn}, and the checks, a search and a screen "
        "reader read another word",
        f"retype the syllable: {hint}",
    )


def _spelt_without(text: str, typo: MarkTypo, mark: str) -> str:
    """The letter ``typo`` is on, typed with its marks but ``mark``, as one would type it
    (NFC: ố, not o ◌̂ ◌́), and its code points: a spelling the hint can offer."""
    start = min(typo.offset, typo.other)
    while start and unicodedata.category(text[start])[0] == "M":
        start -= 1
    end = max(typo.offset, typo.other) + 1
    letter = unicodedata.normalize("NFD", _IGNORABLE.sub("", text[start:end])).replace(mark, "", 1)
    spelt = unicodedata.normalize("NFC", letter)
    return f"{spelt} ({' '.join(f'U+{ord(c):04X}' for c in spelt)})"


#: What to do about a character that has no place in text (see `refusal`).
PASTE_HINT = "remove it (it often comes with text copied from another program)"


class _KindTable(dict[int, str]):
    """Code point → "m" (a combining mark), "c" (a spacing mark), "d" (a letter typed
    with its marks as one character, ố), "b" (a bidi control),
    "x" (refused in any text), "" (another invisible character: dropped, so marks around
    it read as one run, as `refusal` counts them), "p" (whitespace or punctuation, which
    no mark sits on) or "." for `str.translate`."""

    def __missing__(self, code: int) -> str:
        if len(self) > 4096:  # a worker's memory stays flat (#20)
            self.clear()
        char = chr(code)
        category = unicodedata.category(char)
        if category in ("Mn", "Me"):
            kind = "m"
        elif category == "Mc":
            kind = "c"  # a spacing mark (Burmese ေ, Devanagari ा): it has a letter too
        elif (category == "Cc" and char not in _ALLOWED_CONTROLS) or char in _OVERRIDES:
            kind = "x"
        elif char in BIDI_CONTROLS:
            kind = "b"
        elif category in ("Co", "Cs", "Cn") or _is_noncharacter(char) or _never_in_text(char):
            kind = "x"
        elif _IGNORABLE.fullmatch(char):
            kind = ""
        elif _typed_with_marks(char):
            kind = "d"
        else:
            kind = "p" if _separates(char, category) else "."
        self[code] = kind
        return kind


_KINDS = _KindTable()


class _MarkRunTable(_KindTable):
    """`_KindTable` with an invisible character as "i", not dropped: the kinds stand at
    their characters' offsets, so a run of marks found in them is a run of the text."""

    def __missing__(self, code: int) -> str:
        kind = super().__missing__(code) or "i"
        self[code] = kind
        return kind


_MARK_RUN_KINDS = _MarkRunTable()
#: Two marks or more on one letter (invisible characters between them draw nothing),
#: counting those a letter is typed with (ố) as one.
_MARK_RUN = re.compile("[mcd]i*[mc][mci]*")


def _typed_with_marks(char: str) -> bool:
    """Whether ``char`` is a letter and marks as one character (ố, が, أ): Unicode's
    canonical decomposition splits it into them."""
    decomposition = unicodedata.decomposition(char)
    return (
        bool(decomposition)
        and not decomposition.startswith("<")
        and len(unicodedata.normalize("NFD", char)) > 1
    )


def mark_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of two marks or more in ``text``: where `mark_typos`
    looks, found in C so a Thai paragraph is not walked letter by letter."""
    return [m.span() for m in _MARK_RUN.finditer(text.translate(_MARK_RUN_KINDS))]


#: A mark opening a text or after whitespace or punctuation, maybe after bidi controls,
#: in the kinds `_KindTable` gives: what `_baseless_mark` then reads exactly.
_MAYBE_BASELESS = re.compile("(?:^|p)[bm]*[mc]")
#: The ASCII characters no mark sits on: whitespace, punctuation and symbols.
_ASCII_SEPARATORS = frozenset(
    "\t\n\r " + "".join(c for c in map(chr, range(0x21, 0x7F)) if not c.isalnum())
)


def _separates(char: str, category: str) -> bool:
    """Whitespace or punctuation (not the no-break space, which a mark shown alone sits
    on): a mark right after it has no letter."""
    if char.isascii():
        return char in _ASCII_SEPARATORS
    return category[0] == "P" or (category[0] == "Z" and char != "\u00a0")


def _baseless_mark(text: str) -> Refusal | None:
    """A mark that opens the text or follows a space or punctuation (invisible characters
    between count for nothing): it has no letter to sit on. Fonts draw it over a dotted
    circle, or over the character before it, and it is always a slip: a Thai tone mark
    typed after the space, a Khmer coeng whose consonant was deleted, a harakah left
    over. In Burmese it is the sign of the Zawgyi encoding, which stores ေ and the
    medial ြ before their consonant, as drawn: a Zawgyi font shows the reviewer good
    Burmese, the PDF prints broken syllables. Unicode's way to show a mark alone, on a
    no-break space or U+25CC DOTTED CIRCLE, passes."""
    after_separator = True  # the text's start
    for offset, char in enumerate(text):
        if _IGNORABLE.fullmatch(char):
            continue
        category = unicodedata.category(char)
        if category not in ("Mn", "Mc", "Me"):
            after_separator = _separates(char, category)
        elif after_separator:
            return _baseless_refusal(offset, char)
    return None


_ZAWGYI = (
    "this is how Burmese typed in the Zawgyi encoding reads as Unicode, and the PDF "
    "would print broken syllables"
)
_ZAWGYI_HINT = (
    "convert the text from Zawgyi to Unicode (a Zawgyi-to-Unicode converter), then "
    "check it with a Unicode Burmese font"
)


@lru_cache(maxsize=64)
def _written_in_zawgyi_language(language: str) -> bool:
    """Whether ``language`` (a leaflet's or catalog's tag: my, my_MM) is the one Zawgyi
    encodes. Imported here, not at the top: the profiles are read through the YAML
    reader, which reads every text through this module (with no language)."""
    if not language:
        return False
    from ..languages import profile

    return profile(language).tag == ZAWGYI_LANGUAGE


def _baseless_refusal(offset: int, char: str) -> Refusal:
    if "\u1000" <= char <= "\u109f":
        return Refusal(offset, f"{name(char)} has no letter before it: {_ZAWGYI}", _ZAWGYI_HINT)
    return Refusal(
        offset,
        f"{name(char)} has no letter to sit on (it opens the text or follows a space "
        "or punctuation)",
        "retype the word, with the mark after its letter; to show a mark by itself, "
        "put it on U+25CC DOTTED CIRCLE",
    )


def _never_in_text(char: str) -> bool:
    """A tag character, a byte-order mark, or U+FFFD (what a failed conversion leaves)."""
    return char in "\ufeff\ufffd" or "\U000e0000" <= char <= "\U000e007f"


def _is_noncharacter(char: str) -> bool:
    code = ord(char)
    return 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE


def _unbalanced_bidi(text: str) -> Refusal | None:
    """Every embedding, override and isolate closed, properly nested, in the same text."""
    stack: list[tuple[int, str]] = []
    for offset, char in enumerate(text):
        if char in _EMBEDDINGS or char in _ISOLATES:
            stack.append((offset, _EMBEDDINGS.get(char) or _ISOLATES[char]))
        elif char in ("\u202c", "\u2069"):
            if not stack or stack[-1][1] != char:
                return Refusal(
                    offset, f"{name(char)} closes nothing", "remove it, or add its opening control"
                )
            stack.pop()
    if stack:
        offset, _ = stack[-1]
        return Refusal(
            offset,
            f"{name(text[offset])} is never closed",
            "close it in the same text, or remove it: unclosed controls reorder what follows",
        )
    return None


def _reordering_controls(text: str) -> Refusal | None:
    """Bidi controls in right-to-left text that make its words read in another order
    than they are written: an Arabic word after a left-to-right mark inside a
    left-to-right isolate (⁦لا‎ تشفي الخلايا⁩ is printed "تشفي الخلايا … لا", the cells
    cure … no), English words parted by right-to-left marks. The checks, a search and a
    screen reader read the text as written (the PDF's text layer keeps it), the patient
    the page. An isolate round a run of the other direction (an English name, a phone
    number: without it, 80 000 0000 prints its groups back to front) puts its words
    in the order written, and is allowed; so are the controls of a text that reads as
    it would without them."""
    if not any(char in BIDI_CONTROLS for char in text):
        return None
    from ..typeset.bidi import levels, visual_order
    from .inline import without_citations  # inline reads this module

    # A citation after an isolate ("زر ⁦clinic.example⁩ [@ref1]") is a reference number,
    # no word: its Latin key read as one refused a correctly isolated address.
    text = without_citations(text)
    bare = "".join(char for char in text if char not in BIDI_CONTROLS)
    printed = _as_read(text, visual_order(levels(text, True)))
    if printed == sorted(set(printed)) or printed == _as_read(
        bare, visual_order(levels(bare, True))
    ):
        return None
    offset = next(k for k, char in enumerate(text) if char in BIDI_CONTROLS)
    return Refusal(
        offset,
        f"{name(text[offset])} and the bidirectional controls with it print this text's "
        "words in another order than they are written: the page shows a sentence the "
        "checks, a search and a screen reader never read",
        "remove the controls between its words; to set an English name or a number in "
        "right-to-left text, put one isolate (U+2066 … U+2069) round the whole run",
    )


def _as_read(text: str, order: list[int]) -> list[int]:
    """The words of the right-to-left line ``text``, shown in the visual ``order``
    (left to right), in the order its reader reads them: from the right, and each
    stretch of left-to-right words (English, numbers) from its left. A word is named
    by where it starts among the characters that are no bidi control, so a text reads
    alike with its controls and without them."""
    uncontrolled = list(accumulate(char not in BIDI_CONTROLS for char in text))
    word_at: dict[int, int] = {}
    first_letter: dict[int, str] = {}
    for found in re.finditer(r"\w+", text):
        named = uncontrolled[found.start()]
        word_at |= dict.fromkeys(range(found.start(), found.end()), named)
        first_letter[named] = found.group()[0]
    shown = [word for word, _ in groupby(word_at[k] for k in order if k in word_at)]
    groups: list[tuple[bool, list[int]]] = []  # (left to right, its words)
    for word in shown:
        ltr = unicodedata.bidirectional(first_letter[word]) in ("L", "EN", "AN")
        if ltr and groups and groups[-1][0]:
            groups[-1][1].append(word)
        else:
            groups.append((ltr, [word]))
    return [word for _, words in reversed(groups) for word in words]


def prints_nothing(text: str) -> bool:
    """True when ``text`` has nothing a reader can see: only whitespace and
    default-ignorable characters (zero-width spaces and joiners, soft hyphens, variation
    selectors). Such a title or translation looks filled in to a reviewer, whose editor
    shows a line or an entry that is there, and prints a blank."""
    return not _IGNORABLE.sub("", text).strip()


def invisible_names(text: str) -> str:
    """The distinct invisible characters of ``text``, named, for a message."""
    found = dict.fromkeys(c for c in text if _IGNORABLE.fullmatch(c))
    return ", ".join(name(c) for c in found)


@lru_cache(maxsize=256)  # a translated text is read several times (numbers, words)
def visible(text: str) -> str:
    """``text`` as a reader sees it, for the checks to judge (see the module docstring)."""
    if text.isascii():
        return read_zeros(read_bars(text))  # "MlRACLE" is the MIRACLE the page shows
    text = read_pairs(_IGNORABLE.sub("", unicodedata.normalize("NFC", text)))  # เเ: แ
    runs = mark_runs(text)
    if runs:
        text = as_drawn(text, runs)  # ย้้อนวัย is the ย้อนวัย the page shows
    text = joined(text)  # ทํา, ນໍ້າ: the one vowel the page prints (`sara_am`)
    if MYANMAR_ZERO in text:
        text = "".join(MYANMAR_WA if typed_for_wa(text, k) else c for k, c in enumerate(text))
    # Each character's form worked out once a process, and read in C (`CharTable`): the
    # checks ask for every text of every translation, 8 % of a batch build's CPU when
    # asked per character, and still a Python step per distinct character after (#20).
    plain = text.translate(_PLAIN_FORMS)
    if plain != text:  # no form is empty: only a character changed changes the text
        # a half-width ｶﾞ is カ and a combining ゙: one ガ
        text = unicodedata.normalize("NFC", plain)
    if _THAI_LETTER.search(text) and _LAO_LETTER.search(text):
        text = _THAI_LAO_RUN.sub(lambda m: _one_of_thai_and_lao(m.group()), text)
    if _mixed(text):
        # Composed again: a look-alike that carries a tone ("hоа̀n" with a Cyrillic а
        # and a combining grave) is the Vietnamese "hoàn" a search and the lists hold.
        text = unicodedata.normalize("NFC", _WORD.sub(lambda m: _latin_skeleton(m.group()), text))
    return read_zeros(read_bars(text))


#: Sara am, with the tone mark before it, as `visible` gives it: what `typed_sara_am`
#: spells out as it may be typed.
SARA_AM = re.compile("[\u0e48-\u0e4b]?\u0e33|[\u0ec8-\u0ecb]?\u0eb3")


def typed_sara_am(seen: str) -> list[str]:
    """Each way a sara am ``seen`` as `visible` reads it (``SARA_AM``: ้ำ, ຳ) may be
    typed: as it is, or its nikhahit and aa apart with the tone mark before or between
    them."""
    tone, am = seen[:-1], seen[-1]
    nikhahit, aa = ("\u0e4d", "\u0e32") if am == "\u0e33" else ("\u0ecd", "\u0eb2")
    return list(dict.fromkeys([seen, tone + nikhahit + aa, nikhahit + tone + aa]))


MYANMAR_ZERO = "\u1040"
MYANMAR_WA = "\u101d"


def typed_for_wa(text: str, k: int) -> bool:
    """Whether ``text[k]`` is the Myanmar digit ၀ typed for the letter ဝ, drawn alike
    and swapped by Burmese typists (ဆရာ၀န် "doctor", ၀င် "enter"): no digit beside it,
    and a vowel sign or medial on it, a letter or sign of its word before it, or a
    killed final after it (a number carries none of these). A search for the word, or a
    screen reader, finds a digit."""
    if text[k] != MYANMAR_ZERO:
        return False
    before, after = text[k - 1 : k] if k else "", text[k + 1 : k + 2]
    if "\u1040" <= before <= "\u1049" or "\u1040" <= after <= "\u1049":
        return False  # ၁၀, ၁၀ရက်: a number
    if "\u102b" <= after <= "\u103e" or "\u1000" <= before <= "\u103f":
        return True
    return bool(after) and final_consonant(text, k + 1)


# The Lao block mirrors the Thai one, letter for letter where the alphabets share one
# (U+0E81 ກ is U+0E01 ก, U+0EB2 າ is U+0E32 า), and many pairs are drawn alike: a Thai
# claim spelt with a Lao vowel (ห + Lao າ + ยข + Lao າ + ด) prints as หายขาด and matched
# nothing. No word is written in both, so a run mixing them is read in the script most
# of its letters are in.
_THAI_LAO_RUN = re.compile("[\u0e00-\u0eff]+")
_THAI_AND_LAO = frozenset({"Thai", "Lao"})
_THAI_LETTER = re.compile("[\u0e00-\u0e7f]")  # the blocks `_thai_or_lao` tells apart
_LAO_LETTER = re.compile("[\u0e80-\u0eff]")


def _thai_or_lao(char: str) -> str:
    if "\u0e00" <= char <= "\u0e7f":
        return "Thai"
    return "Lao" if "\u0e80" <= char <= "\u0eff" else ""


def _one_of_thai_and_lao(run: str) -> str:
    """``run`` with its letters of the other script as their twins in the main one."""
    lao = sum(1 for char in run if char >= "\u0e80")
    if lao == 0 or lao == len(run):
        return run
    shift = 0x80 if lao * 2 < len(run) else -0x80  # Lao letters to Thai, or Thai to Lao
    return "".join(_twin(char, shift) for char in run)


def _twin(char: str, shift: int) -> str:
    if (shift > 0) != (char >= "\u0e80"):
        return char  # already in the run's main script
    twin = chr(ord(char) - shift)
    return twin if unicodedata.name(twin, "") else char


def _mixes_thai_and_lao(run: str) -> bool:
    return {_thai_or_lao(char) for char in run if unicodedata.category(char)[0] == "L"} == (
        _THAI_AND_LAO
    )


#: A word of letters, with the general combining marks typed on them (a decomposed
#: tone on a Vietnamese vowel, on a look-alike too: "hоа̀n" is one word, named whole).
_WORD = re.compile(
    "[^\\W\\d_](?:[^\\W\\d_]|[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f])*"
)
# Compatibility forms that are the same letter drawn another way: Arabic presentation
# forms (ﻳﺸﻔﻲ, as text copied from an old PDF comes), half-width katakana, full-width
# and mathematical letters.
_SAME_LETTER_FORMS = frozenset(
    {"<initial>", "<medial>", "<final>", "<isolated>", "<narrow>", "<wide>", "<font>"}
)


def _plain_form(char: str) -> str:
    """Full-width, mathematical and other compatibility forms of ASCII letters and digits
    as ASCII, and positional and width forms of other letters as the letters. Not NFKC
    on everything: that would split Thai ำ and Lao ຳ, and make Chinese ！ and ， ASCII
    punctuation, which ends no Chinese sentence."""
    if char.isascii():
        return char
    twin = twin_of(char)  # 再⽣ (a Kangxi radical) is 再生, ឣ អ, Ð Vietnamese Đ
    if twin != char:
        return twin
    folded = unicodedata.normalize("NFKC", char)
    if folded.isascii() and folded.isalnum():
        return folded
    tag = unicodedata.decomposition(char).split(" ", 1)[0]
    if tag in _SAME_LETTER_FORMS and all(unicodedata.category(c)[0] in "LM" for c in folded):
        return folded
    return char


class CharTable(dict[int, str]):
    """``form`` of each character as a `str.translate` table, worked out when a
    character is first met; cleared past 4096 entries, so a worker's memory stays flat."""

    def __init__(self, form: Callable[[str], str]) -> None:
        super().__init__()
        self.form = form

    def __missing__(self, code: int) -> str:
        if len(self) > 4096:
            self.clear()
        value = self[code] = self.form(chr(code))
        return value


_PLAIN_FORMS = CharTable(_plain_form)


# Latin letters of phonetic notation (IPA ɡ and ɑ, small capitals ᴄ and ᴜ): no language
# spells its words with them, and many are drawn exactly like a letter of "regrow" or
# "miracle", so "reɡrow" printed as the claim and matched nothing.
_PHONETIC_LATIN = re.compile("[\u0250-\u02af\u1d00-\u1dbf\ua720-\ua7ff\uab30-\uab6f]")


#: Letters drawn as a Latin one that Unicode's confusables (as `confusable_homoglyphs`
#: gives them) name otherwise or not at all: the Cyrillic palochka and the click
#: letter ǀ are a bare stroke, an l in "heaӏ" (the database's first likeness is i, and
#: "heai" hid the claim); Greek η is an n with a longer leg ("regeηerate"). The
#: database reads Greek ε, ϵ and Cyrillic є as a barred c (ꞓ), where a reader of
#: "curε" reads e; and it gives Greek κ, Cyrillic к and Coptic ⲕ the Latin kra ĸ, a
#: small capital K, that it names no likeness of, so "κure" printed the "kure" of a
#: writer spelling by ear and matched nothing.
_DRAWN_AS = {
    "\u04cf": "l", "\u01c0": "l", "\u03b7": "n",
    "\u03b5": "e", "\u03f5": "e", "\u0454": "e", "\u0138": "k",
}  # fmt: skip

#: A small capital is the capital drawn at the height of the small letters: a reader
#: reads "ᴄᴜʀᴇ" as "CURE", and the database names no likeness for ʀ or ᴇ.
_SMALL_CAPITAL = re.compile(r"LATIN LETTER SMALL CAPITAL ([A-Z])")


def _may_imitate(char: str) -> bool:
    """Whether ``char`` is of a script whose letters double as Latin ones, or a
    phonetic Latin letter, or one of `_DRAWN_AS`."""
    return (
        script_of(char) in LOOKALIKE_SCRIPTS
        or bool(_PHONETIC_LATIN.match(char))
        or char in _DRAWN_AS
    )


def _mixed(text: str) -> bool:
    """Whether ``text`` holds a character not ASCII that may imitate a Latin letter."""
    return bool(text.translate(_IMITATORS))


def _imitator(char: str) -> str:
    """``char`` where it is no ASCII and may imitate a Latin letter, else ""."""
    return "" if char.isascii() or not _may_imitate(char) else char


_IMITATORS = CharTable(_imitator)


def _latin_skeleton(word: str) -> str:
    scripts = {"LATIN" if char.isascii() else script_of(char) for char in word}
    if len(scripts) == 1 and scripts <= set(LOOKALIKE_SCRIPTS) - {"LISU"}:
        # A whole word in another script is that language, not a disguise; but Lisu's
        # alphabet is Latin capitals (Fraser's), a word of it printed as one of ours.
        return word
    # Latin letters and look-alikes, or look-alikes of several scripts ("СՍᏒЕ", with
    # Cyrillic, Armenian and Cherokee letters): one word drawn in Latin letters.
    return "".join(latin_lookalike(char) or char for char in word)


def _drawn_as(char: str) -> str:
    """The ASCII letter ``char`` is drawn as where the database says otherwise or
    nothing (`_DRAWN_AS`, a small capital), else "": also read for the likeness the
    database gives, which may be such a letter (κ → ĸ, τ → ᴛ)."""
    if char in _DRAWN_AS:
        return _DRAWN_AS[char]
    small_capital = _SMALL_CAPITAL.fullmatch(unicodedata.name(char, "") if len(char) == 1 else "")
    return small_capital.group(1).lower() if small_capital else ""


@lru_cache(maxsize=4096)
def latin_lookalike(char: str) -> str | None:
    """The ASCII letter ``char`` is drawn like (Cyrillic с → c, phonetic ɡ → g), or None."""
    if char.isascii() or not _may_imitate(char):
        return None
    drawn = _drawn_as(char)
    if drawn:
        return drawn
    from confusable_homoglyphs import confusables

    # A phonetic letter is Latin itself: its look-alikes are among the Latin ones.
    other = [] if script_of(char) == "LATIN" else ["latin"]
    found = confusables.is_confusable(char, preferred_aliases=other, greedy=True) or []
    for entry in found:
        for glyph in entry["homoglyphs"]:
            drawn = _drawn_as(glyph["c"])  # Greek τ is the small capital ᴛ, so a t
            if drawn:
                return drawn
            if len(glyph["c"]) == 1 and glyph["c"].isascii() and glyph["c"].isalpha():
                # Unicode's skeleton of a capital bar (Greek Ι, Cyrillic І) is a small
                # l: "ΜΙRΑCLΕ" read as "MlRACLE" matched no claim. A capital is drawn
                # as the capital I; `read_bars` reads it as l among small letters.
                bar = char.isupper() and glyph["c"] == "l"
                return "I" if bar else str(glyph["c"])
    return None


#: Where the letters `latin_lookalike` reads as Latin ones are encoded: Greek and Coptic,
#: Cyrillic, Armenian, Cherokee, Coptic, Lisu, the phonetic Latin blocks, and `_DRAWN_AS`.
_LOOKALIKE_BLOCKS = (
    (0x0250, 0x02AF), (0x0370, 0x058F), (0x13A0, 0x13FF), (0x1D00, 0x1DBF),
    (0x2C80, 0x2CFF), (0xA4D0, 0xA4FF), (0xA720, 0xA7FF), (0xAB30, 0xAB6F),
    (0xAB70, 0xABBF),
)  # fmt: skip


@lru_cache(maxsize=1)
def _lookalikes() -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    chars = [chr(c) for low, high in _LOOKALIKE_BLOCKS for c in range(low, high + 1)]
    for char in [*chars, *_DRAWN_AS]:
        latin = latin_lookalike(char)
        if latin:
            found.setdefault(latin.lower(), []).append(char)
    return {letter: tuple(dict.fromkeys(chars)) for letter, chars in found.items()}


def lookalikes_of(letter: str) -> tuple[str, ...]:
    """The letters of other scripts (and phonetic Latin) drawn like the ASCII
    ``letter``, either case (`latin_lookalike` read back): a finding on "сure" typed
    with a Cyrillic с names the column where it is typed."""
    return _lookalikes().get(letter.lower(), ()) if letter.isascii() else ()


@lru_cache(maxsize=4096)
def script_of(char: str) -> str:
    """The first word of the character's Unicode name: LATIN, CYRILLIC, THAI …"""
    return unicodedata.name(char, "").split(" ", 1)[0]


def hidden_in_words(text: str) -> list[tuple[int, str]]:
    """(offset, description) of what a reviewer cannot see inside a word of a script
    that never needs it: invisible characters between Latin, Cyrillic or Greek letters,
    a zero-width space before a mark (a break hint inside a letter, which no line
    takes), Lao ຳ typed as ໍ + າ (`sara_am`: a spelling in use, which a search misses),
    and words mixing Latin letters with look-alikes from another script."""
    found = []
    for offset, char in enumerate(text):
        if _IGNORABLE.fullmatch(char) and 0 < offset < len(text) - 1:
            before, after = text[offset - 1], text[offset + 1]
            if _alphabetic(before) and _alphabetic(after):
                found.append((offset, f"invisible {name(char)} inside a word"))
            elif char == "\u200b" and (
                unicodedata.category(after) in ("Mn", "Mc", "Me")
                or before in STACKERS
                or final_consonant(text, offset + 1)
            ):
                # An author's line-break hint (ที<U+200B>่, ကမ္<U+200B>ဘာ, ဆဲ<U+200B>လ်)
                # that can break nothing: a line never parts a letter from its marks, a
                # consonant from the stacker that writes it under the one before, nor
                # starts with a syllable's killed final.
                described = f"invisible {name(char)} inside a letter: no line can break there"
                found.append((offset, described))
    for offset in (k for k, char in enumerate(text) if char == MYANMAR_ZERO):
        if typed_for_wa(text, offset):
            start = offset
            while start and "\u1000" <= text[start - 1] <= "\u103f":
                start -= 1
            end = offset + 1
            while end < len(text) and "\u1000" <= text[end] <= "\u103f":
                end += 1
            found.append(
                (
                    offset,
                    f"“{text[start:end]}” is spelt with {name(MYANMAR_ZERO)}, drawn as the "
                    f"letter {name(MYANMAR_WA)}: a search or a screen reader finds a digit",
                )
            )
    lao_split = split_sara_am(text, "Lao") if "\u0ecd" in text else None
    if lao_split is not None:
        typed = text[max(lao_split.start() - 1, 0) : lao_split.end()]
        found.append(
            (
                lao_split.start(),
                f"“{typed}” is spelt with {name(chr(0x0ECD))} and {name(chr(0x0EB2))}, "
                f"printed as ຳ: a search for {syllable(text, lao_split)} finds nothing; "
                f"type ຳ ({_code(LAO_SARA_AM)}) after the tone mark",
            )
        )
    seen = _IGNORABLE.sub("", text)
    for match in _THAI_LAO_RUN.finditer(seen):
        if _mixes_thai_and_lao(match.group()):
            found.append((match.start(), f"“{match.group()}” mixes Thai and Lao letters"))
    found += _twins_and_bars(text)
    for match in _WORD.finditer(seen):
        word = match.group()
        if _latin_skeleton(word) == word:
            continue
        lookalikes = dict.fromkeys(c for c in word if latin_lookalike(c))
        scripts = sorted({script_of(c) for c in lookalikes})
        if any(c.isascii() for c in word) and "LATIN" not in scripts:
            described = f"mixes Latin and {' and '.join(s.title() for s in scripts)} letters"
        else:
            described = "is spelt with letters drawn like Latin ones: " + ", ".join(
                name(c) for c in lookalikes
            )
        found.append((match.start(), f"“{word}” {described}"))
    return found


def _twins_and_bars(text: str) -> list[tuple[int, str]]:
    """(offset, description) of each letter of ``text`` printed as another of its own
    writing system (`twin_letters`): the page shows the word, and a search of the PDF,
    a screen reader and a copy give another, so the reviewer is shown it. The word is
    quoted as typed, a few characters around the letter where words are not spaced."""
    found = []
    if has_twin(text):
        for offset, char in enumerate(text):
            twin = twin_of(char)
            if twin != char:
                typed = _typed_around(text, offset)
                found.append(
                    (
                        offset,
                        f"“{typed}” is spelt with {name(char)}, printed as {twin} "
                        f"({', '.join(name(c) for c in twin)}): a search for the word "
                        "or a screen reader finds another character",
                    )
                )
    for pair in pairs_in(text):
        typed = _typed_around(text, pair.start())
        found.append(
            (
                pair.start(),
                f"“{typed}” is spelt with {' + '.join(name(c) for c in pair.group())}, "
                f"printed as {read_pairs(pair.group())}: a search for the word or a screen "
                "reader finds other characters",
            )
        )
    for zero in zeros_in(text):
        word = zero.group()
        number = word[:1].isdigit() or (word[:1] in "Oo" and any(c.isdigit() for c in word))
        which = "the letter O for a zero" if number else "a zero for the letter O"
        shown = word.replace("O", "0").replace("o", "0") if number else word.replace("0", "O")
        found.append(
            (
                zero.start(),
                f"“{word}” is spelt with {which}, printed alike: the page shows "
                f"“{shown}”, which a search for it does not find",
            )
        )
    if text.isascii() and read_bars(text) == text:
        return found
    for match in _WORD.finditer(text):
        word = match.group()
        if not word.isascii() or read_bar_word(word) == word:
            continue  # a look-alike of another script is named as such, below
        read = read_bar_word(word)
        which = "small l" if read.count("I") > word.count("I") else "capital I"
        among = "capitals" if which == "small l" else "small letters"
        found.append(
            (
                match.start(),
                f"“{word}” is spelt with a {which} among {among}, printed alike: the page "
                f"shows “{read}”, which a search for it does not find",
            )
        )
    return found


def _typed_around(text: str, offset: int) -> str:
    """The word of ``text`` at ``offset``, or where letters are not spaced (Chinese,
    Thai) two letters either side of it in its run, with the marks on them."""

    def in_word(char: str) -> bool:
        return char.isalnum() or unicodedata.category(char)[0] == "M"

    start, end, letters = offset, offset + 1, 0
    while start > 0 and in_word(text[start - 1]) and letters < 2:
        start -= 1
        letters += unicodedata.category(text[start])[0] != "M"
    letters = 0
    while end < len(text) and in_word(text[end]) and (letters < 3 or not text[end].isalnum()):
        letters += unicodedata.category(text[end])[0] != "M"
        end += 1
    return text[start:end]


def _alphabetic(char: str) -> bool:
    return char.isalnum() and (char.isascii() or script_of(char) in ("LATIN", *LOOKALIKE_SCRIPTS))
