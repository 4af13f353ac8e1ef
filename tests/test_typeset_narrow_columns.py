"""A written syllable wider than its column runs past it whole, never cut inside.

A conjunct is one shape the font draws from several letters: a Devanagari consonant
with a virama joined to the next (स्व, स्ट्रो, र्द्ध), a Khmer consonant with its
subscripts (ស្ត្រី), a Burmese stack or kinzi (သင်္ချိုင်း, အင်္ဂလိပ်), a vowel sign or a
tone mark on its letter (Lao ປ່, Thai ผู้). In a column narrower than one of them, an
emergency cut fell after the virama: the line ended "स्", a letter with a halant the
word does not have, the next started "वा"; Burmese "အ" / "င်္ဂ" put the kinzi over
nothing. The line runs past its end instead, the emergency reported.

Nor is a written syllable cut at its signs: Burmese "သောက်ပါ" printed "သော" / "က်ပါ",
the asat-killed final of one syllable starting the next line; Thai "ไม่" printed a
leading vowel alone at a line's end.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from reportlab.lib.enums import TA_LEFT

from msc_leaflet.typeset import make_paragraph
from msc_leaflet.typeset.orthographic import KANA_TAILS
from msc_leaflet.typeset.syllables import STACKERS
from typeset_support import EXTRACTORS, body_style, build_document, runs_for, split_lines

#: Words on MSC topics, each with conjuncts, stacks or marks: health, transplant,
#: mesenchymal stromal cells, safety, woman, stem cells, English, we, cemetery (a kinzi),
#: patient, safety.
WORDS = [
    ("hi", "स्वास्थ्य"),
    ("hi", "प्रत्यारोपण"),
    ("hi", "मेसेनकाइमल स्ट्रोमल कोशिकाएँ"),
    ("hi", "अर्द्ध"),
    ("km", "សុវត្ថិភាព"),
    ("km", "ស្ត្រី"),
    ("km", "កោសិកាស្ទែម"),
    ("my", "အင်္ဂလိပ်"),
    ("my", "ကျွန်ုပ်တို့"),
    ("my", "သင်္ချိုင်း"),
    ("lo", "ຜູ້ປ່ວຍ"),
    ("th", "ความปลอดภัย"),
]
KINZI = "\u1004\u103a\u1039"


def lines(text: str, lang: str, width: float) -> list[str]:
    paragraph = make_paragraph(runs_for([(text, "")], 10), body_style(TA_LEFT, 10), lang)
    paragraph.wrap(width, 10_000)
    return [line.strip() for line in paragraph.line_texts()]


@pytest.mark.parametrize(("lang", "text"), WORDS)
def test_no_line_cuts_a_conjunct_however_narrow_the_column(lang: str, text: str) -> None:
    for width in range(3, 41, 2):
        set_lines = lines(text, lang, width)
        assert "".join(set_lines).replace(" ", "") == text.replace(" ", ""), set_lines
        for line in set_lines:
            assert line[-1] not in STACKERS, (width, set_lines)  # स्| ស្| a stacker
            assert unicodedata.category(line[0]) not in ("Mn", "Mc"), (width, set_lines)
            assert not line.startswith(KINZI), (width, set_lines)  # its syllable before


# Emergency cuts between written syllables: a word wider than its column is cut where
# a reader of its script sees two syllables, never between a letter and what its script
# writes with it. Burmese "သောက်ပါ" ("please drink") was cut "သော" / "က်ပါ", a line
# starting with the killed final of the syllable before; Thai "ไม่" was cut "ไ" / "ม่".
# Words: drink (polite), clinic, health, cells, English; hospital, medicine, woman,
# safety; not effective, change, stem cells, schedule, hospital; hospital, have a
# fever, doctor, patient; medicine, necessary, doctor, health.
SYLLABLE_WORDS = {
    "my": ("သောက်ပါ", "ဆေးခန်း", "ကျန်းမာရေး", "ဆဲလ်များ", "အင်္ဂလိပ်"),
    "km": ("មន្ទីរពេទ្យ", "ថ្នាំពេទ្យ", "ស្ត្រី", "សុវត្ថិភាព"),
    "th": ("ไม่ได้ผล", "เปลี่ยนแปลง", "เซลล์ต้นกำเนิด", "กำหนดการ", "โรงพยาบาล"),
    "lo": ("ໂຮງໝໍ", "ເປັນໄຂ້", "ແພດໝໍ", "ຜູ້ປ່ວຍ"),
    "hi": ("चिकित्सा", "ज़रूरी", "डॉक्टर", "स्वास्थ्य"),
}
#: Letters that never start a line: Thai and Lao vowels written after their consonant
#: and the repeat and abbreviation marks, which end the syllable before them.
CLOSERS = "ะาำๅๆฯະາຳຽໆຯៗ"
#: Letters that never end one: Thai and Lao leading vowels, and the stackers (Burmese
#: U+1039, Khmer coeng U+17D2, the Devanagari virama) that write the next letter under
#: or into this one.
OPENERS = "เแโใไເແໂໃໄ" + "\u1039\u17d2\u094d"
#: The joiner and non-joiner an author may type after a virama to choose a conjunct's
#: form: a line ending in one after a virama ends in a broken conjunct too.
JOINERS = "\u200c\u200d"
#: Signs after a consonant that make it the final of the syllable before: Burmese asat
#: and stacker, Khmer bantoc and toandakhiat, Thai thanthakhat and Lao cancellation mark.
FINAL_SIGNS = "\u103a\u1039\u17cb\u17cd\u0e4c\u0ecc"
#: What may stand between such a consonant and its sign: the Burmese dot below (န့်),
#: Thai and Lao -ิ -ุ (พันธุ์).
BETWEEN_LETTER_AND_SIGN = "\u1037\u0e34\u0e38\u0eb4\u0eb8"


def syllable_problems(lines: list[str]) -> list[str]:
    """What a reader sees torn at each line break of ``lines`` (spaces dropped)."""
    problems = []
    for line in lines:
        first, last = line[0], line.rstrip(JOINERS)[-1]
        if unicodedata.category(first).startswith("M") or first in CLOSERS:
            problems.append(f"starts with {first!r}: {lines}")
        # a consonant whose sign (perhaps after a dot below or a vowel: န့်, ธุ์) kills it
        k = 1
        while line[k : k + 1] and line[k] in BETWEEN_LETTER_AND_SIGN:
            k += 1
        if line[k : k + 1] and line[k] in FINAL_SIGNS:
            problems.append(f"starts with a final {line[:3]!r}: {lines}")
        if last in OPENERS:
            problems.append(f"ends with {last!r}: {lines}")
    return problems


@pytest.mark.parametrize(
    ("lang", "word"), [(lang, word) for lang, words in SYLLABLE_WORDS.items() for word in words]
)
def test_a_word_wider_than_its_column_is_cut_between_written_syllables(
    lang: str, word: str
) -> None:
    for width in range(3, 60, 2):
        set_lines = lines(word, lang, width)
        assert "".join(set_lines) == word, (width, set_lines)
        assert not syllable_problems(set_lines), (width, syllable_problems(set_lines))


@pytest.mark.parametrize("word", ["क्\u200dषमा", "क्\u200cषमा", "आत्\u200dमा"])
def test_a_conjunct_whose_form_the_author_chose_is_never_cut(word: str) -> None:
    """क्<ZWJ>षमा ("forgiveness" with a half form asked for) was cut after the joiner,
    its line ending in a half क with no consonant to join."""
    for width in range(3, 40, 2):
        set_lines = lines(word, "hi", width)
        assert "".join(set_lines) == word, (width, set_lines)
        assert not syllable_problems(set_lines), (width, syllable_problems(set_lines))


@pytest.mark.parametrize(
    ("lang", "word"),
    [("th", "เซล\u200bล์ต้นกำเนิด"), ("th", "ไ\u200bม่ได้ผล"), ("my", "သော\u200bက်ပါ")],
)
def test_an_authors_zero_width_space_inside_a_syllable_is_no_cut(lang: str, word: str) -> None:
    """A zero-width space is an author's break, but not inside a written syllable:
    เซล<ZWSP>ล์ would start a line with a silenced ล์, ไ<ZWSP>ม่ end one on ไ."""
    for width in range(3, 60, 2):
        set_lines = lines(word, lang, width)
        assert "".join(set_lines) == word.replace("\u200b", ""), (width, set_lines)
        assert not syllable_problems(set_lines), (width, syllable_problems(set_lines))


@pytest.mark.parametrize("lang", sorted(SYLLABLE_WORDS))
def test_a_cut_word_reads_back_whole_from_the_text_layer(
    lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each word its own paragraph in a column 14 pt wide, narrower than all of them:
    the lines drawn part no written syllable, and every extractor, its lines joined,
    gives the words back as written."""
    words = SYLLABLE_WORDS[lang]
    path = tmp_path / f"{lang}.pdf"
    built = build_document(
        path, [[(word, "")] for word in words], column=14, lang=lang, monkeypatch=monkeypatch
    )
    assert len(built.lines) > len(words)  # every word was cut
    assert not syllable_problems(built.lines), syllable_problems(built.lines)
    for name, extract in EXTRACTORS.items():
        joined = "".join(split_lines(extract(path))).replace(" ", "")
        assert joined == "".join(words), (name, joined)


# A word in a column narrower than it is cut only where one written syllable ends and
# the next starts, each word given with "|" at those places: a line never starts with
# the final consonant of the syllable before. Thai ทุกๆ ("every") in a column an em
# wide was cut ทุ / กๆ, ความรู้ ("knowledge") ควา / ม / รู้, วัน๚ วั / น๚; Lao ທຸກໆ
# ທຸ / ກໆ; Khmer ផ្សេងៗ ("various") ផ្សេ / ងៗ, each next line starting with a final.
# Words: every day, knowledge, hospital, Bangkok, every day (verse end); knowledge,
# every day; various, children.
SYLLABLES = {
    "th": ("ทุกๆ| |วัน", "ความ|รู้", "โรง|พ|ยา|บาล", "กรุง|เทพฯ", "ทุก|วัน๚"),
    "lo": ("ຄວາມ|ຮູ້", "ທຸກໆ|ມື້"),
    "km": ("ផ្សេងៗ", "ក្មេងៗ។"),
}


@pytest.mark.parametrize(
    ("lang", "marked"), [(lang, word) for lang, words in SYLLABLES.items() for word in words]
)
def test_a_narrow_line_starts_with_no_final_consonant(lang: str, marked: str) -> None:
    word = marked.replace("|", "")
    pieces = marked.split("|")
    edges = {len("".join(pieces[:k])) for k in range(1, len(pieces))}
    for width in range(3, 60, 2):
        set_lines = [line.replace(" ", "") for line in lines(word, lang, width)]
        assert "".join(set_lines) == word.replace(" ", ""), (width, set_lines)
        cuts = {len("".join(set_lines[:k])) for k in range(1, len(set_lines))}
        assert cuts <= {at - word[:at].count(" ") for at in edges}, (width, set_lines)


#: Japanese words whose small kana, ー or iteration mark belong to the kana or kanji
#: before them: a little, wait, jet, coffee, check, people.
KANA_WORDS = ("ちょっと", "まって", "ジェット", "コーヒー", "チェック", "人々")


@pytest.mark.parametrize("word", KANA_WORDS)
def test_no_narrow_line_starts_with_a_small_kana(word: str) -> None:
    """JIS X 4051's strict rule holds in an emergency too: ちょっと in a column an em
    wide was set ち / ょ / っ / と, in two ems ちょ / っと, a line starting with half a
    sound; the kana runs past the line's end with what goes with it (ちょっ / と)."""
    for width in range(3, 60, 2):
        set_lines = lines(word, "ja", width)
        assert "".join(set_lines) == word, (width, set_lines)
        assert not [line for line in set_lines if line[0] in KANA_TAILS], (width, set_lines)


def test_a_hyphenated_part_cut_again_keeps_its_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Vietnamese sentence in a column 24 pt wide stopped the build with an
    IndexError: a part of a word already cut at a hyphen ("Bện-"), set again where
    the paragraph split across frames, was cut before its hyphen, which holds no
    text. Built, every extractor gives the words back as written."""
    text = "Bệnh nhân nên hỏi ý kiến bác sĩ trước khi uống 2 viên thuốc mỗi ngày."
    path = tmp_path / "vi.pdf"
    built = build_document(path, [[(text, "")]], column=24, lang="vi", monkeypatch=monkeypatch)
    assert "".join(built.lines).replace(" ", "") == text.replace(" ", "")
    for name, extract in EXTRACTORS.items():
        joined = "".join(split_lines(extract(path))).replace(" ", "")
        assert joined == text.replace(" ", ""), (name, joined)
