"""Per-language profiles: what every stage needs to know about a language, read once.

``data/languages.yaml`` describes each language (script, direction, how words and
sentences are delimited, how long a translation may be, its claim list). The checks
split sentences and count words with it, ``i18n check`` calibrates its length warning
with it and ``i18n init`` names the script; none of them asks ``lang == "th"``.

Shared by ``i18n`` and ``checks`` (and free for ``typeset``), so it sits at the top of
the package like ``print_spec.py``. Plain Python: PyYAML loads only on first use.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Literal

from .data import data_path

if TYPE_CHECKING:
    from .theme.fonts import FontConfig

Direction = Literal["ltr", "rtl"]
ClaimMatch = Literal["words", "text"]
#: What a claim's sentence is (``claim-sentences``): the phrase ended by a space and the
#: one before (Thai, Lao, Khmer), or the text between sentence-end marks (Burmese,
#: whose writers space words as freely as phrases, and end each sentence with ။).
ClaimSentences = Literal["phrases", "marks"]
#: How a narrow line finds the phrases it keeps whole (``phrases`` in languages.yaml).
Phrases = Literal["", "icu-phrase", "icu-words"]
PHRASES: tuple[Phrases, ...] = ("", "icu-phrase", "icu-words")

# Closing and opening quotes or brackets that may stand between a sentence's end mark
# and the next sentence.
#: A word in Latin letters (Basic Latin to Latin Extended-B, and Latin Extended
#: Additional: Vietnamese's ợ ẫ ồ), without the digits and marks around it.
LATIN_WORD = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]+")

_CLOSERS = "”’\"')\\]」』）"
_OPENERS = "“‘\"'(\\[「『（"


@dataclass(frozen=True)
class LanguageProfile:
    """How one language is written, as the checks and the translators' tools see it."""

    tag: str  # the profile's key: en, th, zh_Hans, …
    name: str  # English name, for messages
    script: str  # ISO 15924
    direction: Direction
    letters: str  # regex class body; "" for Latin
    signature: str  # letters that tell this language from another of the same script
    word_spaces: bool
    phrase_spaces: bool
    sentence_ends: str
    sentence_starts: str
    length_ratio: tuple[float, float]
    claims: str | None  # file name in data/, None: no claim list for this language
    claim_match: ClaimMatch
    claim_sentences: ClaimSentences = "marks"
    # Where a pronoun naming a disease asked about may stand (``pronoun-match``): a
    # pronoun is one short word the segmenter keeps whole even where it splits claims.
    pronoun_match: ClaimMatch = "words"
    era_year_offset: int = 0
    # The pre-Unicode encoding its text was saved in (a Python codec: cp874), which a
    # program reading Windows-1252 turns into Latin letters (`content.mojibake`).
    legacy_encoding: str = ""
    # A legacy font encoding (``font-encoding``): its names, and the Latin-1 letters the
    # language writes itself; any other Latin-1 character inside a word is the font's
    # (`content.text_policy`: Vietnamese in TCVN3 or VNI).
    font_encoding: str = ""
    latin1_letters: str = ""
    list_stop: str = "."  # after the number of a numbered list item
    quotes: tuple[str, str] = ("\u201c", "\u201d")  # a pull quote's opening and closing marks
    # The quotes of the language written in another script (``quotes-in-scripts``):
    # Traditional Chinese (Hant) quotes with 「」 where Simplified uses “”.
    script_quotes: tuple[tuple[str, tuple[str, str]], ...] = ()
    # The language written in another script, read letter for letter in this one's
    # (``letters-in-scripts``: a file of pairs, Traditional Chinese 體 as Simplified 体),
    # so this profile's claim list reads it too.
    script_letters: tuple[tuple[str, str], ...] = ()
    label_end: str = ": "  # after a label, before its value ("Phone: …")
    # Between a list's items ("Thai, English") and between clauses ("Signed off …; …").
    list_separator: str = ", "
    clause_separator: str = "; "
    # Around an aside after words ("Open PDF (Thai)"): Chinese and Japanese （ ）, no space.
    aside_open: str = " ("
    aside_close: str = ")"
    # Where a `keep-phrases` line may break, if not at every line-break opportunity.
    phrases: Phrases = ""
    keep_all: bool = False  # lines break only at spaces (Korean)
    # A web or e-mail address or a DOI that fits a line is never parted by one
    # (languages.yaml: whole-addresses): Chinese and Japanese.
    whole_addresses: bool = False
    # Spellings a reader takes for one word (languages.yaml: same-letters, optional-marks,
    # tone-pairs, tone-marks, word-prefixes); `checks.text.one_spelling` applies them.
    same_letters: tuple[tuple[str, str], ...] = ()
    optional_marks: str = ""  # regex class body
    tone_pairs: tuple[str, ...] = ()
    tone_marks: str = ""
    word_prefixes: tuple[str, ...] = ()
    # How a word is typed without the language's keyboard (languages.yaml: typed-letters,
    # typed-tones); `checks.text.typed_spellings` applies them.
    typed_letters: tuple[tuple[str, str], ...] = ()
    typed_tones: tuple[tuple[str, str], ...] = ()
    # Which letters may carry the language's marks, and the vowels written as one code
    # point (languages.yaml: marked-letters, vowel-marks, split-vowels);
    # `content.mark_typos` refuses a mark on another letter and names the one key.
    marked_letters: str = ""
    vowel_marks: str = ""
    split_vowels: tuple[tuple[str, str], ...] = ()
    # Every sentence shows the signature (languages.yaml: signed-sentences): Japanese,
    # whose sentence of Han alone is Chinese (`i18n.written_script`).
    signed_sentences: bool = False
    # CLDR names languages as a title does (Vietnamese "Tiếng Anh"), but a sentence
    # writes the name's first word in lower case after its start ("văn bản tiếng Anh")
    # (languages.yaml: names-lower-in-sentence).
    names_lower_in_sentence: bool = False
    # The long date as its reader writes it, in CLDR's pattern syntax, where CLDR's is
    # not (languages.yaml: long-date): "" prints CLDR's.
    long_date: str = ""

    @property
    def length_to_english(self) -> float:
        """How many characters this language typically writes per English character:
        the geometric middle of ``length_ratio`` (Chinese about 0.4, Burmese 1.4).
        `length-ratio` is counted against English, so a source in another language
        scales the bounds of its translations by this (`length_bounds`)."""
        low, high = self.length_ratio
        return math.sqrt(low * high)

    def length_bounds(self, source: LanguageProfile) -> tuple[float, float]:
        """The ``length_ratio`` of a translation into this language of a text written
        in ``source``: a Chinese sentence's English is three or four times its length,
        as a Thai one's is about its own. English as the source leaves them as listed."""
        scale = source.length_to_english / profile("en").length_to_english
        low, high = self.length_ratio
        return low / scale, high / scale

    def has_letters(self, text: str) -> bool:
        """Whether ``text`` contains a letter of this language's script (never for Latin)."""
        return bool(self.letters) and _letters(self.letters).search(text) is not None

    def signed(self, text: str) -> bool:
        """Whether ``text`` shows this language's own letters (kana for Japanese)."""
        return bool(self.signature) and _letters(self.signature).search(text) is not None

    @property
    def sentence_end(self) -> re.Pattern[str]:
        """Where one sentence ends and the next begins (the match is the gap between)."""
        return _sentence_end(self.sentence_ends, self.sentence_starts)


@cache
def profile(language: str) -> LanguageProfile:
    """The profile for a BCP 47 or gettext tag (``zh-Hans``, ``th_TH``, ``en``).

    A tag with a region or script takes its language's entry only if it is written in
    the same script (``zh_TW`` and ``zh_Hant`` are Traditional Chinese, not ``zh_Hans``).
    A language without an entry is described from CLDR: its script and direction (a
    Persian or Hebrew leaflet runs right to left, a Russian one is Cyrillic), and the
    sentence rules of the same language in another script, else of a described
    language of the same script, with ``claims-<tag>.yaml`` as its claim list."""
    table, aliases = _table()
    tag = language.replace("-", "_")
    for candidate in (tag, aliases.get(tag, ""), tag.split("_")[0]):
        found = table.get(candidate) or table.get(aliases.get(candidate, ""))
        if found and (candidate == tag or found.script == writing_system(tag)[0]):
            return found
    return _from_cldr(tag)


def _from_cldr(tag: str) -> LanguageProfile:
    from .project import cldr_locale

    base = language_subtag(tag)
    found = cldr_locale(tag)
    script, direction = writing_system(tag)
    table, aliases = _table()
    same_language = table.get(base) or table.get(aliases.get(base, ""))
    kin = same_language or next((p for p in table.values() if p.script == script), None)
    # No described language writes this script: words are spaced, and after an end mark
    # and a space any letter starts a sentence (Cyrillic, Greek and Hebrew capitals too).
    starts = kin.sentence_starts if kin else r"\w"
    own = f"{base}_{script}" if same_language else base  # zh_Hant beside zh (zh_Hans)
    # Traditional Chinese read letter for letter as Simplified: zh_Hans's claim list
    # reads it (`LanguageProfile.script_letters`).
    folded = dict(same_language.script_letters).get(script) if same_language else None
    return _replace(
        kin or table["en"],
        tag=own,
        name=found.english_name if found and found.english_name else base,
        script=script,
        direction=direction,
        sentence_starts=starts,
        claims=_claims_of(own, same_language.claims if same_language and folded else None),
        same_letters=_letter_pairs(folded) if folded else (kin or table["en"]).same_letters,
        era_year_offset=0,
        quotes=dict(same_language.script_quotes).get(script, same_language.quotes)
        if same_language
        else (kin or table["en"]).quotes,
        # Which letters take which marks is one language's spelling, not its script's:
        # Yoruba, read with English's rules, writes ń and ẹ́.
        marked_letters=same_language.marked_letters if same_language else "",
        vowel_marks=same_language.vowel_marks if same_language else "",
    )


def _claims_of(tag: str, folded: str | None) -> str | None:
    """The claim list of a language without an entry: ``claims-<tag>.yaml``, or, where
    none ships and its letters are read as another script's (``folded``), that one's."""
    own = f"claims-{tag}.yaml"
    return folded if folded and not data_path(own).is_file() else own


def _same_letters(mapping: dict[object, object]) -> tuple[tuple[str, str], ...]:
    """The pairs of a profile's ``same-letters``: a letter for a letter, or a range of
    letters for a range as long ("ァ-ヶ": "ぁ-ゖ", Japanese katakana read as the
    hiragana it sounds as), paired letter by letter in code point order."""
    pairs: list[tuple[str, str]] = []
    for written, read in ((str(k), str(v)) for k, v in mapping.items()):
        if len(written) == len(read) == 3 and written[1] == read[1] == "-":
            low, high = ord(written[0]), ord(written[2])
            if high - low != ord(read[2]) - ord(read[0]) or high < low:
                raise ValueError(f"same-letters: {written} and {read} differ in length")
            pairs += [(chr(c), chr(c - low + ord(read[0]))) for c in range(low, high + 1)]
        else:
            pairs.append((written, read))
    return tuple(pairs)


@cache
def _letter_pairs(name: str) -> tuple[tuple[str, str], ...]:
    """The pairs of ``data/<name>``, one "written read-as" pair a line (# comments)."""
    lines = data_path(name).read_text("utf-8").splitlines()
    pairs = (line.split() for line in lines if line.strip() and not line.startswith("#"))
    return tuple((written, read) for written, read in pairs)


def in_own_letters(text: str, language: str) -> str:
    """``text``, written in the letters of the language whose claim list ``language``
    borrows (a hint of claims-zh_Hans.yaml), in ``language``'s own letters: a Taiwan
    author was told 可能有助于缓解症状 in Simplified characters. Read back through the
    pairs that fold ``language``'s letters into the list's (`letters-in-scripts`), so
    the claim list and its hints stay one text; where several letters share one form
    (發 髮 → 发), the first the pairs list is the one written. Unchanged for a language
    that reads its own list."""
    table = _own_letters(profile(language).tag)
    return text.translate(table) if table else text


def lists_language(language: str) -> str:
    """The profile tag whose word lists (`data/link-text.yaml` …) read ``language``'s
    texts where it has none of its own: the described language its letters are read
    as (`letters-in-scripts`: zh_Hans for zh_Hant, zh_TW and zh_HK), else its own."""
    tag = profile(language).tag
    kin = _letters_kin(tag)
    return kin.tag if kin is not None else tag


def _letters_kin(tag: str) -> LanguageProfile | None:
    """The described language whose letters ``tag``'s texts are read as, when it is
    another (`letters-in-scripts`): Simplified Chinese for Traditional."""
    table, aliases = _table()
    base = language_subtag(tag)
    kin = table.get(base) or table.get(aliases.get(base, ""))
    if kin is None or kin.tag == tag or profile(tag).script not in dict(kin.script_letters):
        return None
    return kin


@cache
def _own_letters(tag: str) -> dict[int, str]:
    """The letters to write a borrowed list's text in for the profile ``tag``
    (`in_own_letters`): {} for a language with its own claim list."""
    kin = _letters_kin(tag)
    own = profile(tag)
    if kin is None or own.claims != kin.claims:
        return {}
    name = dict(kin.script_letters)[own.script]
    letters: dict[int, str] = {}
    for written, read in _letter_pairs(name):
        letters.setdefault(ord(read), written)
    return letters


def writing_system(tag: str) -> tuple[str, Direction]:
    """CLDR's script (ISO 15924: the tag's own script subtag, else the likely one) and
    direction for a language tag; Latin, left to right, for a tag CLDR does not know."""
    from .project import cldr_locale, likely_script

    found = cldr_locale(tag)
    if found is None:
        return "Latn", "ltr"
    script = found.script or likely_script(found.language) or "Latn"
    return script, "rtl" if found.text_direction == "rtl" else "ltr"


def right_to_left(language: str) -> bool:
    """Whether paragraphs of ``language`` run right to left (ar, fa, he, ur …)."""
    return profile(language).direction == "rtl"


def profiles() -> tuple[LanguageProfile, ...]:
    """Every described language, in the order of ``languages.yaml``."""
    return tuple(_table()[0].values())


def language_of(text: str, default: str) -> str:
    """The language a text is written in: ``default`` (the leaflet's) unless the text
    shows another described script's letters — a Thai phrase quoted in an English
    leaflet is read with the Thai segmenter and the Thai claim list."""
    if profile(default).has_letters(text):  # Han in a Japanese leaflet is Japanese
        return default
    # A narrower signature first: kana makes a text Japanese before its Han makes it Chinese.
    ordered = sorted(profiles(), key=lambda p: p.signature == p.letters)
    return next((p.tag for p in ordered if p.signed(text)), default)


def _replace(p: LanguageProfile, **changes: object) -> LanguageProfile:
    import dataclasses

    return dataclasses.replace(p, **changes)  # type: ignore[arg-type]


@cache
def _letters(body: str) -> re.Pattern[str]:
    return re.compile(f"[{body}]")


@cache
def _sentence_end(ends: str, starts: str) -> re.Pattern[str]:
    end = f"(?<=[{re.escape(ends)}])[{_CLOSERS}]*"
    if starts:  # a full stop is also a decimal point: only a space and a new start end it
        return re.compile(rf"{end}\s+(?=[{_OPENERS}]?[{starts}])")
    return re.compile(rf"{end}\s*(?=\S)")


@cache
def _table() -> tuple[dict[str, LanguageProfile], dict[str, str]]:
    from .content.yaml_source import load_data

    data = load_data(data_path("languages.yaml").read_text("utf-8"))
    aliases = {str(k): str(v) for k, v in (data.pop("aliases", None) or {}).items()}
    table = {str(tag): _profile(str(tag), entry) for tag, entry in data.items()}
    return table, aliases


def _profile(tag: str, entry: dict[str, object]) -> LanguageProfile:
    ratio = entry["length-ratio"]
    if not isinstance(ratio, list) or len(ratio) != 2:
        raise ValueError(f"languages.yaml: {tag}: length-ratio must be [low, high]")
    low, high = (float(x) for x in ratio)
    letters = str(entry.get("letters") or "")
    claims = entry.get("claims")
    phrases = next((kind for kind in PHRASES if kind == (entry.get("phrases") or "")), None)
    if phrases is None:
        raise ValueError(f"languages.yaml: {tag}: phrases must be one of {', '.join(PHRASES[1:])}")
    return LanguageProfile(
        tag=tag,
        name=str(entry["name"]),
        script=str(entry["script"]),
        direction="rtl" if entry["direction"] == "rtl" else "ltr",
        letters=letters,
        signature=str(entry.get("signature") or letters),
        word_spaces=bool(entry["word-spaces"]),
        phrase_spaces=bool(entry["phrase-spaces"]),
        sentence_ends=str(entry["sentence-ends"]),
        sentence_starts=str(entry.get("sentence-starts") or ""),
        length_ratio=(low, high),
        claims=str(claims) if claims else None,
        claim_match="text" if entry.get("claim-match") == "text" else "words",
        claim_sentences=_claim_sentences(tag, entry),
        pronoun_match=_pronoun_match(entry),
        era_year_offset=int(entry.get("era-year-offset", 0)),  # type: ignore[call-overload]
        list_stop=str(entry.get("list-stop", ".")),
        legacy_encoding=str(entry.get("legacy-encoding") or ""),
        font_encoding=str(entry.get("font-encoding") or ""),
        latin1_letters=str(entry.get("latin1-letters") or ""),
        quotes=_quotes(tag, entry.get("quotes")),
        script_quotes=tuple(
            (str(script), _quotes(tag, marks))
            for script, marks in _mapping(entry.get("quotes-in-scripts")).items()
        ),
        script_letters=tuple(
            (str(script), str(name))
            for script, name in _mapping(entry.get("letters-in-scripts")).items()
        ),
        label_end=str(entry.get("label-end", ": ")),
        **_list_separators(tag, entry.get("list-separators")),
        **_parentheses(tag, entry.get("parentheses")),
        phrases=phrases,
        keep_all=entry.get("keep-all") is True,
        whole_addresses=entry.get("whole-addresses") is True,
        # A letter of the language written in another script (``letters-in-scripts``)
        # is read as this one's in its own texts too: a Simplified Chinese leaflet with
        # a sentence pasted from a Hong Kong site (治癒, 關節) is read as 治愈, 关节.
        same_letters=_same_letters(_mapping(entry.get("same-letters")))
        + tuple(
            pair
            for name in _mapping(entry.get("letters-in-scripts")).values()
            for pair in _letter_pairs(str(name))
        ),
        optional_marks=str(entry.get("optional-marks") or ""),
        tone_pairs=tuple(str(pair) for pair in _sequence(entry.get("tone-pairs"))),
        tone_marks=str(entry.get("tone-marks") or ""),
        word_prefixes=tuple(str(prefix) for prefix in _sequence(entry.get("word-prefixes"))),
        typed_letters=tuple(
            (str(k), str(v)) for k, v in _mapping(entry.get("typed-letters")).items()
        ),
        typed_tones=tuple((str(k), str(v)) for k, v in _mapping(entry.get("typed-tones")).items()),
        marked_letters=str(entry.get("marked-letters") or ""),
        vowel_marks=str(entry.get("vowel-marks") or ""),
        split_vowels=tuple(
            (str(k), str(v)) for k, v in _mapping(entry.get("split-vowels")).items()
        ),
        signed_sentences=entry.get("signed-sentences") is True,
        names_lower_in_sentence=entry.get("names-lower-in-sentence") is True,
        long_date=str(entry.get("long-date") or ""),
    )


def _pronoun_match(entry: dict[str, object]) -> ClaimMatch:
    """``pronoun-match``: as ``claim-match`` unless the entry says otherwise."""
    value = entry.get("pronoun-match") or entry.get("claim-match")
    return "text" if value == "text" else "words"


def _claim_sentences(tag: str, entry: dict[str, object]) -> ClaimSentences:
    """``claim-sentences``: phrases where spaces end phrases, unless the entry says marks."""
    value = entry.get("claim-sentences") or ("phrases" if entry["phrase-spaces"] else "marks")
    if value not in ("phrases", "marks"):
        raise ValueError(f"languages.yaml: {tag}: claim-sentences must be phrases or marks")
    return "phrases" if value == "phrases" else "marks"


def _quotes(tag: str, value: object) -> tuple[str, str]:
    if value is None:
        return LanguageProfile.quotes
    if not isinstance(value, str) or len(value) != 2:
        raise ValueError(f"languages.yaml: {tag}: quotes must be two marks, opening and closing")
    return value[0], value[1]


def _list_separators(tag: str, value: object) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, list) or len(value) != 2 or not all(isinstance(v, str) for v in value):
        raise ValueError(f"languages.yaml: {tag}: list-separators must be [items, clauses]")
    return {"list_separator": value[0], "clause_separator": value[1]}


def _parentheses(tag: str, value: object) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, list) or len(value) != 2 or not all(isinstance(v, str) for v in value):
        raise ValueError(f"languages.yaml: {tag}: parentheses must be [opening, closing]")
    return {"aside_open": value[0], "aside_close": value[1]}


def listed(items: Iterable[str], language: str) -> str:
    """``items`` as ``language`` writes a list: "Thai, English", "ไทย อังกฤษ", "泰语、英语",
    "التايلاندية، الإنجليزية". The one join of words a reader sees (the desk's pages),
    so no template writes a Latin comma into an Arabic or Chinese page."""
    return profile(language).list_separator.join(items)


def conjoined(items: Sequence[str], language: str) -> str:
    """``items`` as a sentence of ``language`` lists them, with its word for "and":
    "th and en", "th และ en", "th 和 en", "th وen" (CLDR's list patterns, through
    Babel's ``format_list``). A sentence naming what to translate, or two values a
    link gave, read in Thai as one value with `listed`'s space ("cells MSC" a search
    of its own). A language CLDR has no pattern for falls back to `listed`."""
    from babel.core import UnknownLocaleError
    from babel.lists import format_list

    try:
        return format_list(list(items), style="standard", locale=language.replace("-", "_"))
    except (ValueError, KeyError, UnknownLocaleError):
        return listed(items, language)


def clauses_listed(items: Iterable[str], language: str) -> str:
    """``items``, each a clause of its own ("Signed off by …"), as ``language`` joins
    clauses: "; " in English, "؛ " in Arabic, "；" in Chinese, a space in Thai."""
    return profile(language).clause_separator.join(items)


def _mapping(value: object) -> dict[object, object]:
    return value if isinstance(value, dict) else {}


def _sequence(value: object) -> list[object]:
    return value if isinstance(value, list) else []


def describe(language: str, fonts: FontConfig | None) -> str:
    """One line for a translator starting ``language``: script, direction, spacing, the
    family the theme's font table (``fonts``) sets it in, or the family of another
    script that has its letters (`typeset.fonts.locale_font`), and whether the claim
    checks can read it. The script is named as people and the font table know it:
    Unicode's name and the key of `fonts: scripts:` ("Hangul (Hang)" for Korean, whose
    CLDR tag, Kore, is no key of the font table)."""
    p = profile(language)
    direction = "right to left" if p.direction == "rtl" else "left to right"
    spacing = "words separated by spaces" if p.word_spaces else "words not separated by spaces"
    script = p.script
    set_in = ""
    if fonts is not None:
        from .typeset.fonts import locale_font

        found = locale_font(fonts, language)
        script = f"{found.script_name} ({found.script})"
        key = f"fonts: scripts: {found.script}"
        if found.family and not found.borrowed:
            set_in = f"; set in {found.family}"
        elif found.family:
            set_in = (
                f"; no font for this script: its letters are borrowed from {found.family}, "
                f"made for another script; add a family designed for it and name it under "
                f"{key} (docs/scripts.md)"
            )
        else:
            set_in = (
                "; no font for this script yet: add a family to the theme's fonts: and name "
                f"it under {key}, or the build refuses the language (docs/scripts.md)"
            )
    from .checks.claims import claim_list

    unchecked = (
        ""
        if claim_list(language).claims
        else "; no claim list: `msc-leaflet check` cannot catch a promise of cure in it "
        "(CLAIM004), a clinician who reads it must"
    )
    return f"{language}: {p.name}, script {script}, {direction}, {spacing}{set_in}{unchecked}"


@lru_cache(maxsize=256)  # asked for every shaped run: a build's few tags, read once
def language_subtag(tag: str) -> str:
    """The language subtag of a BCP 47 or gettext tag, in lower case: zh for zh_Hans,
    zh-TW and ZH. The one reading of a tag's language, for the stages that key their
    own tables by it (ICU locales, full-width punctuation, leading; HarfBuzz reads the
    whole tag, `shaping_language`) and
    for the project's locale folders (th_TH, th-th and TH are Thai)."""
    return tag.replace("_", "-").split("-")[0].lower()


@lru_cache(maxsize=256)  # asked for every shaped run, as language_subtag is
def shaping_language(tag: str) -> str:
    """The tag HarfBuzz chooses a language's glyph forms by: the whole tag as BCP 47,
    for its script and region choose among the forms of one language. The shared CJK
    font's `locl` sets zh-Hant and zh-TW in Traditional Chinese forms, zh-HK and zh-MO
    in Hong Kong's, zh, zh-Hans and zh-CN in Simplified ones, and ja in Japanese ones.
    The language subtag alone (``zh``) printed a Taiwan leaflet's 骨 角 述 as mainland
    China writes them. A gettext encoding or modifier (``.UTF-8``, ``@latin``) is no
    part of it."""
    return bcp47(re.split(r"[.@]", tag, maxsplit=1)[0]).lower()


def bcp47(tag: str) -> str:
    """A gettext/Babel tag as BCP 47 (HTML ``lang``, PDF ``/Lang``): zh_Hans → zh-Hans."""
    return tag.replace("_", "-")
