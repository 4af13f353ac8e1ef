"""CLAIM001: a promise with a space, a line break or a zero-width space inside a word.

Thai and Lao end a phrase with a space, Khmer and Burmese write no space between words
and take a zero-width space as a line-break hint. A stray space or a folded YAML line
inside a claim word ("หาย ขาด" for หายขาด, "cured for good") hid it from the Thai
check, where the segmenter keeps หายขาด one word; and the Lao check, whose segmenter
cuts ຫາຍ|ຂາດ, read a phrase's end and the next phrase's start as the claim (ອາການຫາຍ
ຂາດນັດ, "the symptoms are gone; missed the appointment"). A space that splits one
claim word is read across; one that ends a phrase before another word is not."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from msc_leaflet.checks.claims import risky_claim
from test_checks import CLEAN, leaflet, translated_context
from test_checks_claims import judged


def asserted(sentence: str, lang: str) -> list[str]:
    """The claims ``sentence`` asserts (neither excused nor quoted), as printed."""
    return [seen for seen, excused, quoted in judged(sentence, lang) if not (excused or quoted)]


@pytest.mark.parametrize(
    ("sentence", "lang", "printed"),
    [
        ("เซลล์ต้นกำเนิดทำให้หาย ขาด", "th", "หาย ขาด"),  # stem cells cure for good
        ("เซลล์ต้นกำเนิดทำให้หาย\nขาด", "th", "หาย ขาด"),  # a line break
        ("เซลล์ทำให้หาย ขาด ได้ 100%", "th", "หาย ขาด"),
        # … or a word that goes on from a claim (`split_tails`): can, at all, already
        ("เซลล์ทำให้หาย ขาดได้", "th", "หาย ขาด"),
        ("โรคเบาหวานหาย ขาดเลย", "th", "หาย ขาด"),
        ("ເຊວເຮັດໃຫ້ຫາຍ ຂາດໄດ້", "lo", "ຫາຍ ຂາດ"),
        # … really, for sure, for ever
        ("ผู้ป่วยหาย ขาดจริงๆ", "th", "หาย ขาด"),
        ("ผู้ป่วยหาย ขาดแน่นอน", "th", "หาย ขาด"),
        ("ຄົນເຈັບຫາຍ ຂາດແທ້ໆ", "lo", "ຫາຍ ຂາດ"),
        ("เซลล์ทำให้หาย ขาด", "th", "หาย ขาด"),  # a no-break space
        ("เซลล์ทำให้หาย \u200bขาด", "th", "หาย ขาด"),  # a space and a break hint
        ("ເຊວຕົ້ນກຳເນີດເຮັດໃຫ້ຫາຍ ຂາດ", "lo", "ຫາຍ ຂາດ"),
        ("ເຊວຕົ້ນກຳເນີດເຮັດໃຫ້ຫາຍ\nຂາດ", "lo", "ຫາຍ ຂາດ"),
        # a longer piece after the space is a word of its own, whatever follows it
        ("การรักษานี้ไม่มี ผลข้างเคียงใดๆ", "th", "ไม่มี ผลข้างเคียง"),  # no side effects
        ("กระดูกอ่อนงอก ใหม่", "th", "งอก ใหม่"),  # cartilage grows anew
    ],
)
def test_a_space_inside_a_thai_or_lao_claim_word_does_not_hide_it(
    sentence: str, lang: str, printed: str
) -> None:
    found = [seen.replace("\n", " ").replace("\u00a0", " ") for seen in asserted(sentence, lang)]
    assert found == [printed], found


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("หาย ขาดยา", "th"),  # recovered; short of medicine
        ("อาการหาย ขาดนัด", "th"),  # the symptoms are gone; missed the appointment
        ("อาการหาย ขาดน้ำ", "th"),  # ...; dehydrated
        ("ไข้หาย ขาดงานสองวัน", "th"),  # the fever is gone; two days off work
        ("ອາການຫາຍ ຂາດນັດ", "lo"),
        ("ຫາຍ ຂາດຢາ", "lo"),
        ("ไม่ได้ทำให้หาย ขาด", "th"),  # does not cure: a denial, split or not
        ("เซลล์ทำให้หาย ขาดได้ยาก", "th"),  # hard to cure completely
        ("ไม่มีทางหาย ขาดจริงๆ", "th"),  # no way to cure it for good
        ("เซลล์ไม่ได้ทำให้หาย\nขาด", "th"),
        ("ເຊວບໍ່ໄດ້ເຮັດໃຫ້ຫາຍ ຂາດ", "lo"),
        ("ဒူးနာ မ\u200bပျောက်ကင်းစေနိုင်ပါ။", "my"),  # cannot cure knee pain
        ("កោសិកាដើមមិនធ្វើឱ្យជា\u200bសះស្បើយទាំងស្រុងទេ។", "km"),  # do not cure completely
        ("អ្នកនឹងជា\u200bសះស្បើយពីផលរំខាននេះក្នុងពីរបីថ្ងៃ។", "km"),  # you will recover from it
    ],
)
def test_a_space_between_two_phrases_or_a_denial_is_no_promise(sentence: str, lang: str) -> None:
    assert asserted(sentence, lang) == []


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("កោសិកាដើមធ្វើឱ្យជា\u200bសះស្បើយទាំងស្រុង។", "km"),  # cured completely
        ("កោសិកាដើមធ្វើឱ្យជា សះស្បើយទាំងស្រុង។", "km"),
        ("កោសិកាដើមធ្វើឱ្យជា\nសះស្បើយទាំងស្រុង។", "km"),
        ("កោសិកា​ដើម​ធានា​ជា​សះស្បើយ។", "km"),  # a break hint between every word
        ("ဒူးနာ ပျောက်\u200bကင်းစေသည်။", "my"),  # cures knee pain
        ("ဒူးနာ ပျောက်\nကင်းစေသည်။", "my"),
        ("ဒူးနာ​ပျောက်​ကင်း​စေ​သည်။", "my"),
    ],
)
def test_a_break_hint_or_space_inside_a_khmer_or_burmese_claim_does_not_hide_it(
    sentence: str, lang: str
) -> None:
    assert asserted(sentence, lang), judged(sentence, lang)


@pytest.mark.parametrize(
    ("lang", "first", "second", "words"),
    [
        ("th", "เซลล์ต้นกำเนิดทำให้โรคหาย", "ขาด", "หาย ขาด"),  # a word folded in two
        ("lo", "ເຊວຕົ້ນກຳເນີດເຮັດໃຫ້ພະຍາດຫາຍ", "ຂາດ", "ຫາຍ ຂາດ"),
    ],
)
def test_a_claim_word_folded_across_yaml_lines_is_named(
    make_project: Callable[..., Path], lang: str, first: str, second: str, words: str
) -> None:
    """The page prints the fold as a space; the finding names the words as printed."""
    blocks = CLEAN + f"- paragraph: >-\n    {first}\n    {second}\n  id: folded\n"
    root = make_project({"sample": leaflet(blocks).replace("language: en", f"language: {lang}")})
    issues = list(risky_claim(translated_context(root, {}, lang)))
    assert [(issue.subject[0], issue.message) for issue in issues] == [
        ("folded", f"risky claim “{words}”")
    ], issues


@pytest.mark.parametrize(
    "msgstr",
    [
        "อาการปวดเข่าหาย ขาดนัดได้",  # knee pain gone; may miss appointments
        "เซลล์ช่วยให้อาการดีขึ้น ขาดยาไม่ได้",  # cells help; do not go without medicine
    ],
)
def test_an_ordinary_thai_msgstr_with_the_claims_syllables_passes(
    make_project: Callable[..., Path], msgstr: str
) -> None:
    root = make_project({"sample": leaflet(CLEAN)})
    assert list(risky_claim(translated_context(root, {"answer": msgstr}, "th"))) == []


@pytest.mark.parametrize(
    ("sentence", "lang", "printed"),
    [
        # A hyphen or a middle dot, which none of these scripts writes inside a word,
        # printed the claim with a mark its reader reads past, and passed every check.
        ("ผู้ป่วยหาย-ขาด", "th", "หาย-ขาด"),  # cured for good
        ("ผู้ป่วยหาย·ขาด", "th", "หาย·ขาด"),
        ("ເຊວໃຫ້ຫາຍ-ຂາດ", "lo", "ຫາຍ-ຂາດ"),
        ("干细胞能治-愈关节炎。", "zh_Hans", "治-愈"),  # cures arthritis
        ("干细胞能治·愈关节炎。", "zh_Hans", "治·愈"),
        ("関節炎が完・治します。", "ja", "完・治"),  # cured completely
        ("関節炎が完-治します。", "ja", "完-治"),
        ("កោសិកាព្យាបាលជំងឺឱ្យជា-ដាច់។", "km", "ឱ្យជា-ដាច់"),  # cured completely
        ("ရောဂါကို ပျောက်-ကင်းစေသည်။", "my", "ပျောက်-ကင်းစေ"),  # cures the disease
    ],
)
def test_a_hyphen_or_a_dot_inside_an_unspaced_claim_does_not_hide_it(
    sentence: str, lang: str, printed: str
) -> None:
    assert asserted(sentence, lang) == [printed]


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("ผู้ป่วยไม่หาย-ขาด", "th"),  # not cured for good: denied, split or not
        ("目前没有能治-愈关节炎的方法。", "zh_Hans"),  # there is no way to cure it yet
        ("治疗-愈合", "zh_Hans"),  # treatment, healing: two words
    ],
)
def test_a_split_unspaced_claim_is_still_judged(sentence: str, lang: str) -> None:
    assert asserted(sentence, lang) == []
