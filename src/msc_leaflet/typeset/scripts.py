"""Which scripts the stage knows, and how text splits into script runs.

HarfBuzz must be told the script and direction of each buffer (a Thai buffer does not
apply Latin ``liga``, a Latin buffer does not reorder sara am, an Arabic buffer joins
and runs right to left). Characters of no particular script (spaces, digits,
punctuation) join the run before them, so "ยา 2 เม็ด" is one Thai run and "(MSC)" after
Thai text is Latin.

Each script with rules of its own is described once, as a `ScriptProfile` row of
`SCRIPTS`: its Unicode ranges, ISO 15924 tag, and the characters that must not start
or end a line; any other letter takes Unicode's script. Every stage reads the profile
instead of testing for a language. Which script a locale is written in, and in which
direction, is the language's (`msc_leaflet.languages`, from CLDR).

To add a script: add a row below, give it a font family in ``data/theme.yaml``
(``fonts: scripts:``), and list its words in ``locales/<lang>/words.txt``. ICU
segments Lao, Khmer and Myanmar with dictionaries, and CJK between ideographs.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..languages import profile


@dataclass(frozen=True)
class ScriptProfile:
    """A script that needs its own shaping, fonts or line rules."""

    tag: str  # ISO 15924, as HarfBuzz and the theme's font table name it
    name: str  # for messages
    ranges: tuple[tuple[int, int], ...]
    # Never at a line start: besides combining marks (always excluded), these spacing
    # characters belong to the syllable or phrase before them.
    no_line_start: str = ""
    # Never at a line end: leading vowels are written before the consonant they
    # follow; opening brackets belong to what follows.
    no_line_end: str = ""
    # Signs written as several characters, never parted by a line: "etc." (Thai ฯลฯ,
    # Lao ຯລຯ, Khmer ។ល។, whose ។ is also the full stop ICU may break after).
    unbroken: tuple[str, ...] = ()
    # Of ``no_line_start``, the marks that may hang past the end of a line too narrow
    # for them and the syllable before them (a repeat mark, a stop): a line starting
    # with one reads as a stray. Never a letter or a vowel.
    hanging: str = ""
    # A paragraph's last line of fewer letters than this is a runt (`linebreak.is_runt`):
    # a scrap of a short word ("it.", ลง) reads as a mistake. Chinese and Japanese count
    # a character as a word and avoid only one alone (W3C clreq, jlreq).
    runt_letters: int = 4


# CJK line rules (JIS X 4051 "kinsoku", GB/T 15834): closing punctuation, iteration
# marks, the prolonged sound mark, the wave dash and small kana (ッ ャ ョ ァ…, which
# belong to the kana before them: リーフレ|ット reads as a broken word) never start a
# line; opening brackets never end one. Also the full-width tilde ～, which Japanese
# input methods type for the wave dash 〜, the postfix symbols ％ ‰ ℃ (JIS X 4051
# cl-20), and the interpunct · of a transcribed name (约翰·史密斯; W3C clreq).
CJK_NO_LINE_START = (
    "、。，．・：；？！ー」』）〕］｝〉》】〙〗〟ゝゞ々〻ヽヾ〜゠～·％‰℃"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ"
    "\u31f0\u31f1\u31f2\u31f3\u31f4\u31f5\u31f6\u31f7"  # small ㇰ-ㇷ
    "\u31f8\u31f9\u31fa\u31fb\u31fc\u31fd\u31fe\u31ff"  # small ㇸ-ㇿ
    "ｧｨｩｪｫｬｭｮｯｰ"  # halfwidth small kana and prolonged sound mark
)
CJK_NO_LINE_END = "「『（〔［｛〈《【〘〖〝"

SCRIPTS = (
    ScriptProfile(
        tag="Thai",
        name="Thai",
        ranges=((0x0E00, 0x0E7F),),
        # ะ sara a, ๆ mai yamok (repeat), ฯ paiyannoi (abbreviation), ๅ lakkhangyao
        # (ฤๅ), ำ sara am: all close the syllable before them. ๚ angkhankhu and ๛
        # khomut close a verse or a text, after its last word, even typed after a space.
        no_line_start="\u0e30\u0e46\u0e2f\u0e45\u0e33\u0e32\u0e5a\u0e5b",
        # เ แ โ ใ ไ precede the consonant they are pronounced after; ๏ fongman opens a
        # verse, before its first word.
        no_line_end="\u0e40\u0e41\u0e42\u0e43\u0e44\u0e4f",
        unbroken=("\u0e2f\u0e25\u0e2f",),  # ฯลฯ
        hanging="\u0e46\u0e2f\u0e5a\u0e5b",  # ๆ ฯ ๚ ๛
    ),
    ScriptProfile(
        tag="Laoo",
        name="Lao",
        ranges=((0x0E80, 0x0EFF),),
        # ໆ repeat mark, ຯ ellipsis (abbreviation), as Thai ๆ and ฯ; ະ າ ຳ and the ຽ of
        # ເ-ັຽ are written after their consonant and close its syllable, as Thai ะ า ำ
        no_line_start="\u0ec6\u0eaf\u0eb0\u0eb2\u0eb3\u0ebd",
        no_line_end="\u0ec0\u0ec1\u0ec2\u0ec3\u0ec4",  # leading vowels ເ ແ ໂ ໃ ໄ
        unbroken=("\u0eaf\u0ea5\u0eaf",),  # ຯລຯ
        hanging="\u0ec6\u0eaf",  # ໆ ຯ
    ),
    ScriptProfile(
        tag="Mymr",
        name="Myanmar",
        ranges=((0x1000, 0x109F), (0xA9E0, 0xA9FF), (0xAA60, 0xAA7F)),
        # ၊ ။ section marks close a phrase; ၏, "of" (and the formal full stop), follows
        # its noun, even typed after a space.
        no_line_start="\u104a\u104b\u104f",
        hanging="\u104a\u104b",
    ),
    ScriptProfile(
        tag="Khmr",
        name="Khmer",
        ranges=((0x1780, 0x17FF), (0x19E0, 0x19FF)),
        no_line_start="\u17d4\u17d5\u17d6\u17d7",  # ។ ៕ ៖ ៗ
        unbroken=("\u17d4\u179b\u17d4",),  # ។ល។
        hanging="\u17d4\u17d5\u17d6\u17d7",
    ),
    ScriptProfile(
        tag="Arab",
        name="Arabic",
        ranges=(
            (0x0600, 0x06FF),
            (0x0750, 0x077F),
            (0x08A0, 0x08FF),
            (0xFB50, 0xFDFF),
            (0xFE70, 0xFEFF),
        ),
        # ، ؛ ؟, and the percent and per mille signs ٪ ؉ ؊ (as % never starts a line)
        no_line_start="\u060c\u061b\u061f\u066a\u0609\u060a",
    ),
    ScriptProfile(
        tag="Deva",
        name="Devanagari",
        ranges=((0x0900, 0x097F), (0xA8E0, 0xA8FF)),
        # The danda । and double danda ॥ end a sentence or verse, as a full stop does,
        # and are often typed after a space ("मिलें ।"): a line starting with one read
        # as a stray stroke.
        no_line_start="\u0964\u0965",
        hanging="\u0964\u0965",
    ),
    ScriptProfile(
        tag="Hani",
        name="Han (Chinese, Japanese kanji)",
        ranges=(
            (0x2E80, 0x2FDF),  # radicals
            (0x3005, 0x3007),  # 々 〆 〇
            (0x3400, 0x4DBF),
            (0x4E00, 0x9FFF),
            (0xF900, 0xFAFF),
            (0x20000, 0x3FFFF),
        ),
        no_line_start=CJK_NO_LINE_START,
        no_line_end=CJK_NO_LINE_END,
        runt_letters=2,
    ),
    ScriptProfile(
        tag="Kana",
        name="Japanese kana",
        ranges=((0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFF66, 0xFF9F)),
        no_line_start=CJK_NO_LINE_START,
        no_line_end=CJK_NO_LINE_END,
        runt_letters=2,
    ),
)

BY_TAG = {script.tag: script for script in SCRIPTS}
LATIN = "Latn"

#: CLDR's script of a locale → the script whose font sets it: Chinese and Japanese text
#: is set in the Han family (which has kana), Korean in the Hangul one.
FONT_SCRIPTS = {"Hans": "Hani", "Hant": "Hani", "Jpan": "Hani", "Kore": "Hang"}

#: Full-width CJK punctuation and symbols: no script of their own, but only a CJK font
#: has them, and they take the line rules of the CJK scripts.
CJK_SYMBOLS = ((0x3000, 0x303F), (0xFF00, 0xFF65), (0x30FB, 0x30FC))


#: The scripts whose fonts also carry `CJK_SYMBOLS`: a CJK family is the one that has them.
CJK_SCRIPTS = ("Hani", "Kana")
#: Scripts written without spaces between words, which ICU breaks by dictionary: a
#: number written against one of their words is a word of its own (ปี|๒๕๔๙|บทความ).
UNSPACED_SCRIPTS = frozenset({"Thai", "Laoo", "Khmr", "Mymr"})


def script_ranges(tag: str) -> tuple[tuple[int, int], ...]:
    """The code points a font set for script ``tag`` is used for: a described script's
    ranges (`SCRIPTS`; the CJK ones with their full-width punctuation, `CJK_SYMBOLS`),
    else Unicode's for that script (a theme may name a font for Hebrew or Hangul).
    Empty for a tag Unicode does not know. A browser told these fetches the font only
    for a page that shows one of them (the desk's CSS ``unicode-range``)."""
    if tag in BY_TAG:
        extra = CJK_SYMBOLS if tag in CJK_SCRIPTS else ()
        return (*BY_TAG[tag].ranges, *extra)
    from fontTools.unicodedata import Scripts

    starts, values = Scripts.RANGES, Scripts.VALUES
    ends = [*(start - 1 for start in starts[1:]), 0x10FFFF]
    return tuple(
        (first, last)
        for first, last, script in zip(starts, ends, values, strict=True)
        if script == tag
    )


def locale_script(lang: str) -> str:
    """The script ``lang`` is written in, as the font table names it (its fonts come
    first for the neutral characters of its text)."""
    script = profile(lang).script
    return FONT_SCRIPTS.get(script, script)


#: The language of Latin-letter words in a text whose own script is another: the
#: medical terms Thai, Burmese or Arabic text keeps in Latin letters ("MSCs") are
#: English, and Vancouver style (NLM's Citing Medicine) cites an article in English.
LATIN_TERMS_LANGUAGE = "en"


def kept_terms_language(source_lang: str) -> str:
    """The language of the Latin-letter words a text keeps from a source written in
    ``source_lang``: the source's own when it is written in Latin letters (an English
    or Vietnamese leaflet), else `LATIN_TERMS_LANGUAGE`. A Thai clinic's "MSC" is no
    Thai word, and a screen reader told so spells it with a Thai voice."""
    if not source_lang or locale_script(source_lang) == LATIN:
        return source_lang
    return LATIN_TERMS_LANGUAGE


@lru_cache(maxsize=8192)
def script_of(char: str) -> str | None:
    """The script tag of ``char``: a described script's, else Unicode's for a letter
    (Hebr, Cyrl, Hang: a theme can name a font for it), None if neutral."""
    code = ord(char)
    for script in SCRIPTS:
        for first, last in script.ranges:
            if first <= code <= last:
                return script.tag
    if unicodedata.category(char)[0] != "L":
        return None
    if code < 0x0250:  # Basic Latin to Latin Extended-B
        return LATIN
    from fontTools.unicodedata import script as unicode_script

    tag = str(unicode_script(char))
    return LATIN if tag in ("Zyyy", "Zinh", "Zzzz") else tag


def is_cjk_symbol(char: str) -> bool:
    code = ord(char)
    return any(first <= code <= last for first, last in CJK_SYMBOLS)


def script_runs(text: str) -> list[tuple[int, int, str]]:
    """(start, end, script) runs covering ``text``; neutral characters join the run before."""
    runs: list[tuple[int, int, str]] = []
    start = 0
    current: str | None = None
    for i, char in enumerate(text):
        script = script_of(char)
        if script is None or script == current:
            continue
        if current is None:
            current = script  # leading neutrals join the first real run
            continue
        runs.append((start, i, current))
        start, current = i, script
    runs.append((start, len(text), current or LATIN))
    return runs


#: Closing punctuation of every script (Latin's, which Thai, Lao, Burmese and Khmer
#: text uses too): never at a line start.
CLOSING_PUNCTUATION = "”’»)]}.,;:!?"
NO_LINE_START = "".join(
    dict.fromkeys("".join(s.no_line_start for s in SCRIPTS) + CLOSING_PUNCTUATION + "%")
)
NO_LINE_END = "".join(dict.fromkeys("".join(s.no_line_end for s in SCRIPTS) + "“‘«([{"))
#: Marks that may hang past a narrow line's end (`ScriptProfile.hanging`).
HANGING = "".join(s.hanging for s in SCRIPTS)
#: The other characters of those scripts that never start a line (Thai and Lao vowels
#: written after their consonant, ะ า ำ): in an emergency they hang too.
HANGING_IN_AN_EMERGENCY = "".join(
    char for s in SCRIPTS if s.hanging for char in s.no_line_start if char not in s.hanging
)
UNBROKEN = tuple(sign for s in SCRIPTS for sign in s.unbroken)
#: What `ScriptProfile.runt_letters` is for a script without a profile (Latin).
RUNT_LETTERS = ScriptProfile("", "", ()).runt_letters


def runt_letters(text: str) -> int:
    """The `ScriptProfile.runt_letters` of the script of ``text``'s first letter."""
    script = next((script_of(char) for char in text if unicodedata.category(char)[0] == "L"), None)
    found = BY_TAG.get(script) if script else None
    return found.runt_letters if found else RUNT_LETTERS


#: Their characters: a break inside one has one on each side (asked at every break).
UNBROKEN_CHARS = frozenset("".join(UNBROKEN))
