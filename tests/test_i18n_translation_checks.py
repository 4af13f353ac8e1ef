"""Each translation check, with one translation it rejects and one it accepts."""

from __future__ import annotations

import pytest

from msc_leaflet.i18n.translation_checks import (
    CITATIONS,
    EMPTY,
    LENGTH,
    LINKS,
    MARKUP,
    NUMBERS,
    PLACEHOLDERS,
    URLS,
    WHITESPACE,
    Rule,
    check_translation,
)

SOURCE = "Rest for **24 hours** [@alpha2001]. See [the registry](https://clinicaltrials.gov)."
GOOD = "พักผ่อน **24 ชั่วโมง** [@alpha2001] ดู[ทะเบียน](https://clinicaltrials.gov)"


@pytest.mark.parametrize(
    ("rule", "source", "bad", "good"),
    [
        (EMPTY, "Rest.", "   ", "พักผ่อน"),
        (MARKUP, "Rest *now*.", "พักผ่อน *ตอนนี้", "พักผ่อน *ตอนนี้*"),  # invalid markup
        (MARKUP, SOURCE, GOOD.replace("**", ""), GOOD),  # bold lost
        (LINKS, SOURCE, GOOD.replace("clinicaltrials.gov", "example.org"), GOOD),
        (CITATIONS, SOURCE, GOOD.replace(" [@alpha2001]", ""), GOOD),
        (CITATIONS, "A [@a; @b].", "ก [@a]", "ก [@b; @a]"),  # order may change, set may not
        (NUMBERS, "Wait 48 hours at 38 °C.", "รอ 24 ชั่วโมง ที่ 38 °C", "รอ 48 ชั่วโมง ที่ ๓๘ °C"),
        (NUMBERS, "Named in 1991.", "ตั้งชื่อในปี 1992", "ตั้งชื่อในปี พ.ศ. 2534"),  # B.E. year
        (URLS, "Visit https://example.org today.", "ไปที่ example.org", "ไปที่ https://example.org"),
        (PLACEHOLDERS, "Page {page} of {pages}", "หน้า {page}", "หน้า {page} จาก {pages}"),
        (WHITESPACE, "Rest.", " พักผ่อน", "พักผ่อน"),
        (WHITESPACE, "Note: ", "หมายเหตุ:", "หมายเหตุ: "),
        (LENGTH, "Drink plenty of water for two whole days.", "ดื่มน้ำ", "ดื่มน้ำมาก ๆ ตลอดสองวันเต็ม"),
    ],
)
def test_rule_rejects_bad_and_accepts_good(rule: Rule, source: str, bad: str, good: str) -> None:
    assert rule.code in {p.code for p in check_translation(source, bad)}
    assert [p for p in check_translation(source, good) if p.code == rule.code] == []


@pytest.mark.parametrize(
    ("language", "source", "translation", "same"),
    [
        # Arabic writes its own decimal and thousands separators (٫ ٬).
        ("ar", "Take 2.5 ml.", "خذ ٢٫٥ مل.", True),
        ("ar", "Up to 1,000 cells.", "حتى ١٬٠٠٠ خلية.", True),
        ("ar", "Take 2.5 ml.", "خذ ٢٥ مل.", False),
        # Vietnamese and Lao write a decimal comma and group thousands with a point.
        ("vi", "Take 0.5 mg.", "Uống 0,5 mg.", True),
        ("vi", "Up to 1,000 cells.", "Tối đa 1.000 tế bào.", True),
        ("vi", "Take 1.5 mg.", "Uống 1.5 mg.", True),  # a point before no thousands
        ("vi", "Up to 1,000 cells.", "Tối đa 1,000 tế bào.", False),  # reads as 1
        ("vi", "Take 0.5 mg.", "Uống 0.500 mg.", False),  # reads as 500
        ("lo", "Take 0.5 mg.", "ກິນ 0,5 mg.", True),
        ("th", "Take 0.5 mg.", "รับประทาน 0,5 mg", False),  # Thai writes 0.5
        ("th", "Up to 1,000 cells.", "มากถึง ๑,๐๐๐ เซลล์", True),
    ],
)
def test_a_number_is_read_as_its_language_writes_it(
    language: str, source: str, translation: str, same: bool
) -> None:
    """A Vietnamese reader reads 1,000 as one and 0,5 as a half; an Arabic one writes
    ٢٫٥. The number a translation holds is the one its reader reads: a correct 0,5 mg
    was refused (and the English printed in its place), and 1,000 mg, which reads as
    1 mg, was passed."""
    found = [p.message for p in check_translation(source, translation, language)]
    numbers = [m for m in found if m.startswith("number")]
    assert (numbers == []) is same, numbers


@pytest.mark.parametrize(
    ("language", "translation"),
    [
        ("zh_Hans", "更多信息请访问https://example.org/info。"),
        ("ja", "詳しくはhttps://example.org/infoをご覧ください。"),
        ("ar", "للمزيد راجع https://example.org/info، أو اسأل طبيبك."),
        ("th", "ดูข้อมูลเพิ่มเติมที่https://example.org/infoได้เลย"),
        ("vi", "Xem https://example.org/info."),
    ],
)
def test_a_url_ends_where_the_text_around_it_begins(language: str, translation: str) -> None:
    """A URL is written against the words and punctuation of scripts without spaces
    ("…/info。"): read as part of it, they made the URL "changed", and the leaflet
    printed that paragraph in English."""
    source = "See https://example.org/info for more."
    assert [
        p for p in check_translation(source, translation, language) if p.code == URLS.code
    ] == []
    changed = translation.replace("/info", "/other")
    assert URLS.code in {p.code for p in check_translation(source, changed, language)}


def test_length_is_only_a_warning() -> None:
    [problem] = check_translation("Drink plenty of water for two whole days.", "ดื่มน้ำ")
    assert problem.severity == "warning"


def test_all_other_rules_are_errors() -> None:
    problems = check_translation(SOURCE, "พักผ่อน")
    assert {p.code for p in problems} >= {r.code for r in (MARKUP, LINKS, CITATIONS, NUMBERS)}
    assert all(p.severity == "error" for p in problems if p.code != LENGTH.code)


URL = "https://clinicaltrials.gov"
ZH_LINK = f"见[登记库]({URL})。"


@pytest.mark.parametrize(
    ("language", "translation", "typed"),
    [
        # A Chinese or Japanese input method types brackets, asterisks and @ full-width.
        ("zh_Hans", f"休息**24小时**［@alpha2001］。{ZH_LINK}", "［ ］"),
        ("ja", f"**24時間**休む[＠alpha2001]。[登録サイト]({URL})を参照。", "＠"),
        ("zh_Hans", f"休息＊＊24小时＊＊[@alpha2001]。{ZH_LINK}", "＊"),
        ("zh_Hans", f"休息**24小时**[@alpha2001]。见[登记库]（{URL}）。", "（ ）"),
        ("zh_Hans", f"休息**24小时**【@alpha2001】。{ZH_LINK}", "【 】"),
    ],
)
def test_markup_typed_in_full_width_says_so(language: str, translation: str, typed: str) -> None:
    """Markup lost because it was typed with an input method's full-width look-alikes:
    the message names the characters a translator typed and the ones to type instead,
    since "citation missing" alone points at a citation that is plainly there."""
    problems = check_translation(SOURCE, translation, language)
    lost = [p for p in problems if p.code in (MARKUP.code, LINKS.code, CITATIONS.code)]
    assert len(lost) == 1, problems
    assert typed in lost[0].message and "ASCII" in lost[0].message, lost[0].message


def test_ordinary_full_width_punctuation_is_not_taken_for_markup() -> None:
    """（…） is everyday Chinese punctuation: a lost citation beside it gets no note."""
    problems = check_translation("Rest (a day) [@a].", "休息（一天）。", "zh_Hans")
    assert [p.code for p in problems] == [CITATIONS.code]
    assert "ASCII" not in problems[0].message


@pytest.mark.parametrize(
    ("source", "bad", "good", "rule"),
    [
        ("**Stop** and rest.", "** **", "**หยุด** และพัก", EMPTY),  # the markup kept, no word
        ("**Stop** and rest.", "****", "**หยุด** และพัก", EMPTY),
        ("Warning signs", "…", "อาการเตือน", EMPTY),  # only punctuation for words
        ("Warning signs", "**\u200b**", "อาการเตือน", EMPTY),
        (SOURCE, GOOD.replace("[ทะเบียน]", "[** **]"), GOOD, MARKUP),  # a link to press, wordless
        (SOURCE, GOOD.replace("[ทะเบียน]", "[→]"), GOOD, MARKUP),
    ],
)
def test_a_translation_that_prints_no_word_is_refused(
    source: str, bad: str, good: str, rule: Rule
) -> None:
    """The build prints the source instead, and `check` says so (I18N001): a reviewer
    sees an entry filled in, the page would print a blank or a link of a few points."""
    assert rule.code in {p.code for p in check_translation(source, bad, "th")}
    assert check_translation(source, good, "th") == []


def test_a_translation_of_a_text_with_no_words_may_have_none() -> None:
    assert check_translation("—", "—", "th") == []
    assert check_translation("[@a]", "[@a]", "th") == []
