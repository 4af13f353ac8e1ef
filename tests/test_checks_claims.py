"""CLAIM001–003: risky promises, quoted claims, and the warning-context rule."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from i18n_support import UI_CATALOG_CLAIMS
from msc_leaflet.checks.claims import (
    Claim,
    claim_list,
    doubtful_wording,
    find_claims,
    quoted_claim,
    risky_claim,
    unchecked_language,
)
from msc_leaflet.checks.waivers import pin_of
from msc_leaflet.content.model import texts
from test_checks import CLEAN, findings_for, leaflet, translated_context


def judged(text: str, lang: str = "en", lead_in: str = "") -> list[tuple[str, bool, bool]]:
    from msc_leaflet.checks.text import plain

    seen = plain(text).text
    return [
        (seen[m.start : m.end], m.excused, m.quoted)
        for m in find_claims(text, claim_list(lang), None, lead_in)
    ]


def assert_judged(sentence: str, lang: str, promise: bool | None) -> None:
    """``sentence`` holds a claim that is a promise (True) or excused (False), or no
    claim at all (None)."""
    found = judged(sentence, lang)
    if promise is None:
        assert found == [], found
        return
    assert found, sentence
    assert any(not excused for _, excused, _ in found) == promise, found


@pytest.mark.parametrize(
    "sentence",
    [
        "Be careful of a clinic that promises a cure.",
        "Be careful if you are told that the treatment has no side effects.",
        "MSCs do not regrow cartilage.",
        "A cure is not guaranteed.",
        "Can MSCs cure arthritis?",
        "People expected the cells to turn into new tissue.",
    ],
)
def test_warning_context_is_not_a_claim(sentence: str) -> None:
    assert all(excused for _, excused, _ in judged(sentence)), judged(sentence)


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("Our cells cure arthritis.", "cure"),
        ("The treatment has no side effects.", "no side effects"),
        ("Results are guaranteed.", "guaranteed"),
        ("This miracle therapy works.", "miracle"),
        ("Cells regrow cartilage. Be careful.", "regrow"),  # the cue is in another sentence
        ("The cells become new cartilage.", "become new cartilage"),
        ("Our cells rebuild tissue.", "rebuild tissue"),
        ("The cells replace damaged cells.", "replace damaged cells"),
        ("Stem cells restore your cartilage.", "restore your cartilage"),
        ("Get permanent relief from knee pain.", "permanent relief"),
        ("MSCs heal your joints.", "heal"),
        # common forms the list missed
        ("A permanent fix for knee pain.", "permanent fix"),
        ("The cells help your cartilage grow back.", "grow back"),
        ("Rejuvenate your joints with your own cells.", "Rejuvenate"),
        ("Feel young again after one infusion.", "young again"),
        ("The infusion has zero side effects.", "zero side effects"),
        ("The treatment is totally safe.", "totally safe"),
        ("It is 100 percent safe.", "100 percent safe"),
        ("It works for everyone.", "works for everyone"),
        ("A 100% success rate.", "100% success rate"),
    ],
)
def test_asserted_claims_are_found_with_the_phrase(sentence: str, phrase: str) -> None:
    assert (phrase, False, False) in judged(sentence)


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("Our miracle-cure cells ease knee pain.", "cure"),
        ("Our miracle-cure cells ease knee pain.", "miracle"),
        ("Stem cells are a cure-all for knee pain.", "cure"),
        ("Self-regenerating joints after one infusion.", "regenerating"),
        ("A guaranteed-results package.", "guaranteed"),
    ],
)
def test_a_claim_inside_a_hyphenated_word_is_found(sentence: str, phrase: str) -> None:
    # A hyphen counted as part of the word: "miracle-cure" and "cure-all" passed.
    assert (phrase, False, False) in judged(sentence)


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("The treatment is risk free.", "en"),  # listed as "risk-free"
        ("The treatment is side effect free.", "en"),  # listed as "side-effect free"
        ("The treatment is 100 % safe.", "en"),  # listed as "100% safe"
        ("Phương pháp này an toàn 100 %.", "vi"),  # listed as "an toàn 100%"
        # Where words are not spaced, a space may stand or not between a word and a
        # number, a Latin name or a sign: listed "ปลอดภัย 100%", "100%有效", "FDA承認".
        ("การรักษานี้ปลอดภัย100%", "th"),  # this treatment is 100% safe
        ("การรักษานี้ปลอดภัย 100 %", "th"),
        ("ยานี้ อย.รับรอง", "th"),  # this drug is approved by the Thai FDA
        ("这种疗法 100 % 有效。", "zh_Hans"),  # this therapy is 100% effective
        ("この治療は FDA 承認です。", "ja"),  # this treatment is FDA approved
    ],
)
def test_a_listed_phrase_is_found_however_it_is_spaced(sentence: str, lang: str) -> None:
    # A hyphen in a listed phrase matched only a hyphen, and "100%" only without a space.
    assert [excused for _, excused, _ in judged(sentence, lang)] == [False]


@pytest.mark.parametrize(
    "sentence",
    [
        "MSC therapy is a non-curative treatment.",
        "Ask about non-regenerative uses.",
        "Some wounds are non-healing.",
    ],
)
def test_a_negating_prefix_denies_the_claim_it_joins(sentence: str) -> None:
    assert all(excused for _, excused, _ in judged(sentence)), judged(sentence)


@pytest.mark.parametrize("sentence", ["There is no cure for arthritis.", "No miracle exists."])
def test_no_denies_the_claim_after_it(sentence: str) -> None:
    # The cue "no" was read from YAML as a boolean, so it never matched.
    assert all(excused for _, excused, _ in judged(sentence)), judged(sentence)


#: Promises wrapped in a negation that denies something else (#16's "safe against what
#: a reviewer cannot see"): each negation sat before the claim in its sentence, and
#: every one of these passed as a warning.
NEGATION_ELSEWHERE = [
    "Without surgery, our stem cells regrow cartilage.",
    "No surgery needed: our cells cure arthritis.",
    "No waiting list, no hospital stay, and our cells cure knee pain.",
    "Not only do MSCs ease pain, they also cure arthritis.",
    "Our treatment is not expensive and cures arthritis.",
    "Don't wait - our cells regenerate your joints.",
    "Don't wait – our cells cure arthritis.",
    "Our cells—without surgery—regrow cartilage.",
    "You will never need a knee replacement because our cells regrow cartilage.",
    "Never again suffer; MSCs cure joint pain.",
    "We cannot treat everyone, but our cells cure most patients.",
    "It is not a drug; it cures arthritis.",
    "Unlike drugs, which cannot cure arthritis, our cells cure it.",
    "No other clinic offers this: guaranteed results.",
    "Forget painkillers that don't work: stem cells cure the cause.",
    "While no study shows it, our cells cure arthritis.",
    "Avoid hype, but our cells cure arthritis.",
    "No surgery, no pain, our cells cure arthritis.",
    "No waiting, quick recovery, our cells cure arthritis.",
]

#: Denials and warnings whose negation or warning reaches the claim across an aside,
#: a list or a colon: none may fail.
DENIED_ACROSS = [
    "There is no good evidence that MSCs, or any other cells, regrow cartilage.",
    "No treatment, including MSCs, can cure osteoarthritis.",
    "No clinic – however good – can guarantee results.",
    "No clinic—however good—can cure arthritis.",
    "MSCs cannot cure arthritis, and they do not regrow cartilage.",
    "What MSCs do not reliably do: persist, replace cells, or regenerate cartilage.",
    "Our cells help repair: not regeneration, not replacement, not regrowth.",
    "Be wary of clinics that say, in their adverts, that cells cure arthritis.",
    "Be careful: some clinics say their cells cure arthritis.",
    "No study has shown that MSCs regrow cartilage in people.",
    "The cells do not turn into new cartilage; they send signals.",
    "Cells cannot, as far as we know, cure arthritis.",
    "MSCs do not, in any study so far, regrow cartilage.",
]


@pytest.mark.parametrize(
    "unit", ["cure, ", "Our cells cure arthritis. ", "Get rid of pain forever. "]
)
def test_a_paragraph_of_thousands_of_claims_is_judged_whole(unit: str) -> None:
    # Each claim re-split its paragraph into sentences and masked every claim of it:
    # 8,000 took minutes. Each is still judged in its own sentence.
    found = judged(unit * 8000)
    assert len(found) == 8000
    assert not any(excused for _, excused, _ in found)


def test_a_sentence_of_many_first_parts_is_judged_in_linear_time() -> None:
    # Each "treat" read the whole text between it and the one "forever" at the end.
    for count in (200, 20_000):
        assert judged("treat " * count + "pain forever.") == [("treat pain forever", False, False)]


def test_a_sentence_of_many_negations_is_judged_in_linear_time() -> None:
    # Each negation weighed counts the commas after it: all of them, in a hostile
    # "not, not, not, …", took time growing with the square of the sentence.
    for count in (200, 20_000):
        assert judged("not, " * count + "our cells cure arthritis.") == [("cure", False, False)]


@pytest.mark.parametrize("sentence", NEGATION_ELSEWHERE)
def test_a_negation_of_something_else_excuses_no_claim(sentence: str) -> None:
    assert any(not excused for _, excused, _ in judged(sentence)), judged(sentence)


@pytest.mark.parametrize("sentence", DENIED_ACROSS)
def test_a_negation_reaches_its_claim_across_asides_and_lists(sentence: str) -> None:
    assert all(excused for _, excused, _ in judged(sentence)), judged(sentence)


@pytest.mark.parametrize(
    ("sentence", "lang", "promise"),
    [
        ("Không cần phẫu thuật, tế bào gốc chữa khỏi bệnh khớp.", "vi", True),
        ("Chúng tôi không đắt, và tế bào của chúng tôi chữa khỏi bệnh.", "vi", True),
        ("Tế bào gốc không chữa khỏi bệnh khớp.", "vi", False),
        ("Không có nghiên cứu nào cho thấy tế bào gốc chữa khỏi bệnh khớp.", "vi", False),
        ("بدون جراحة، خلايانا تشفي المفاصل.", "ar", True),
        ("العلاج ليس دواء، لكنه يشفي المفاصل.", "ar", True),
        ("الخلايا الجذعية لا تشفي التهاب المفاصل.", "ar", False),
        ("لا توجد دراسة تثبت أن الخلايا تشفي المفاصل.", "ar", False),
        ("这不是药物，但它能治愈关节炎。", "zh_Hans", True),  # not a drug, but it cures
        ("干细胞不能治愈关节炎。", "zh_Hans", False),
        ("目前没有研究证明干细胞可以治愈关节炎。", "zh_Hans", False),
        ("没有一家诊所，无论多好，能保证效果。", "zh_Hans", False),  # an aside
    ],
)
def test_negations_keep_to_their_clause_in_other_languages(
    sentence: str, lang: str, promise: bool
) -> None:
    assert any(not excused for _, excused, _ in judged(sentence, lang)) == promise


@pytest.mark.parametrize(
    ("sentence", "promise"),
    [
        ("We promise our cells cure arthritis.", True),
        ("Our promise: a cure.", True),
        ("A promising cure for arthritis.", True),
        ("Our cells are expected to cure arthritis.", True),
        ("We hope our cells cure your arthritis.", True),
        ("We claim our cells cure arthritis.", True),
        ("Avoid surgery: our cells regrow cartilage.", True),
        ("Careful research shows our cells cure arthritis.", True),
        ("Be careful of a clinic that promises a cure.", False),
        ("Be careful: some clinics say their cells cure arthritis.", False),
        ("We warn patients about clinics that promise a cure.", False),
        ("Some clinics promise that their cells regrow cartilage.", False),
        ("People expected the cells to turn into new tissue.", False),
        ("Beware of adverts that promise a miracle.", False),
    ],
)
def test_a_warning_word_in_the_leaflets_own_voice_warns_of_nothing(
    sentence: str, promise: bool
) -> None:
    # "We promise …", "our promise", "a promising cure", "avoid surgery: our cells …"
    # passed: any warning word earlier in the sentence excused the claim.
    assert any(not excused for _, excused, _ in judged(sentence)) == promise, judged(sentence)


@pytest.mark.parametrize(
    ("sentence", "promise"),
    [
        # A hope told of, as "People expected the cells to turn into new tissue." The
        # first is stromal-or-stem's 'two-meanings' in Chinese, named CLAIM001.
        ("第二种是许多患者从这个词中听到的希望：能重建组织、替代受损细胞的细胞。", False),
        ("许多患者希望干细胞能重建组织。", False),  # many patients hope stem cells …
        ("人们期望这些细胞在体内变成新的软骨。", False),  # people expected …
        ("人们以为干细胞能治愈关节炎。", False),  # people (wrongly) thought …
        # … but not the leaflet's own hope, nor a promise's praise
        ("我们希望干细胞能治愈你的关节炎。", True),  # we hope …
        ("本诊所期待干细胞能治愈你的关节炎。", True),  # this clinic expects …
        ("干细胞是有希望治愈关节炎的疗法。", True),  # a promising therapy that cures
        ("干细胞给你带来了希望：它能治愈关节炎。", True),  # brings you hope: it cures
        ("充满希望的新疗法能治愈关节炎。", True),  # a hopeful new therapy cures
        ("令人期待的新疗法能治愈关节炎。", True),  # an exciting new therapy cures
        ("干细胞为患者带来新的希望：能彻底治愈。", True),  # new hope: a cure
        ("我院期待干细胞能治愈你的关节炎。", True),  # our hospital expects …
        ("许多人希望干细胞能治愈关节炎，但是我们的细胞能治愈关节炎。", True),
    ],
)
def test_a_hope_told_of_in_chinese_is_no_promise(sentence: str, promise: bool) -> None:
    assert_judged(sentence, "zh_Hans", promise)


@pytest.mark.parametrize(
    ("sentence", "lang", "promise"),
    [
        # Written by the developers; to be reviewed by a professional medical translator.
        ("我們的幹細胞療法保證治癒關節炎。", "zh_Hant", True),  # guarantees a cure
        ("幹細胞能讓軟骨重新長出來。", "zh_TW", True),  # makes cartilage grow back
        ("目前尚未證明幹細胞能治癒關節炎。", "zh_Hant", False),  # not yet shown
        ("小心聲稱能根治關節炎的廣告。", "zh_Hant", False),  # beware of adverts that …
        ("請按時服藥，並定期回診。", "zh_Hant", None),  # take it on time, come back
    ],
)
def test_traditional_chinese_is_read_by_the_chinese_claim_list(
    sentence: str, lang: str, promise: bool | None
) -> None:
    """A Taiwan or Hong Kong leaflet (zh_Hant, zh_TW) had no claim list: 保證治癒 printed
    unseen, with only CLAIM004's warning. Its letters are read as Simplified ones
    (data/traditional-chinese.txt), so claims-zh_Hans.yaml reads it."""
    assert_judged(sentence, lang, promise)


# Each Chinese hint of claims-zh_Hans.yaml as a Traditional Chinese author is given
# it: the same words in Taiwan, written in its letters. A hint added to the list in
# Simplified must be added here, read by someone who writes Traditional Chinese.
TRADITIONAL_HINTS = {
    "副作用通常较轻，但也可能严重": "副作用通常較輕，但也可能嚴重",
    "可能有助于缓解症状": "可能有助於緩解症狀",
    "可能有助于身体自我修复": "可能有助於身體自我修復",
    "效果因人而异": "效果因人而異",
    "有些患者仍可能需要手术": "有些患者仍可能需要手術",
    "已在……研究中": "已在……研究中",
    "正在研究中": "正在研究中",
}


def _han_runs(text: str) -> list[str]:
    return re.findall(r"[\u4e00-\u9fff，…]+", text)


@pytest.mark.parametrize("lang", ["zh_Hant", "zh_TW", "zh_HK", "zh-Hant"])
def test_a_traditional_chinese_author_is_given_hints_in_traditional_letters(
    make_project: Callable[..., Path], lang: str
) -> None:
    """The Simplified claim list reads a Taiwan or Hong Kong text, but its hints told
    the author 可能有助于身体自我修复 in Simplified characters; they are given in
    Traditional ones, from the same list (no second copy of it to drift)."""
    simplified = {run for c in claim_list("zh_Hans").claims for run in _han_runs(c.suggestion)}
    assert simplified == set(TRADITIONAL_HINTS)  # a new hint: add its Traditional form
    traditional = {run for c in claim_list(lang).claims for run in _han_runs(c.suggestion)}
    assert traditional == set(TRADITIONAL_HINTS.values())
    root = make_project({"sample": leaflet(CLEAN + "- paragraph: Cells send signals.\n  id: p\n")})
    ctx = translated_context(root, {"p": "我們的幹細胞能讓軟骨重新長出來。"}, lang)
    [issue] = list(risky_claim(ctx))
    assert issue.message == f"[{lang}] risky claim “重新長出”"
    assert "可能有助於身體自我修復" in issue.hint


@pytest.mark.parametrize(
    ("sentence", "promise"),
    [
        # What may happen, or what the cells help the body do, written before the verb
        # as Chinese writes it: the zh suggestion's own wording, and stromal-or-stem's
        # 'function-signals' ("MSCs may help your own tissue with its repair work").
        ("MSC可能有助于修复受损组织。", None),
        ("MSC可能会帮助你自己的组织进行修复。", None),
        ("MSC有助于修复受损软骨。", None),
        # A repair the cells do is still a promise, and a hedge in another clause
        # hedges nothing.
        ("干细胞能修复受损组织。", True),
        ("我们的干细胞修复你的关节。", True),
        ("可能需要一些时间，干细胞能修复受损组织。", True),
        ("这种疗法可以促进软骨再生。", True),
    ],
)
def test_a_hedged_repair_in_chinese_is_no_promise(sentence: str, promise: bool | None) -> None:
    assert_judged(sentence, "zh_Hans", promise)


@pytest.mark.parametrize(
    ("sentence", "promise"),
    [
        # Japanese writes the hedge after the verb: the ja suggestion's wording. The
        # first was CLAIM001 on a correct translation of "MSCs may help your own tissue
        # with its repair work"; かもしれません passed only by its ません ("not").
        ("MSCは組織の修復を助ける可能性があります。", None),
        ("MSCは軟骨を修復する可能性があります。", None),
        ("MSCは組織の修復を支えるかもしれません。", None),
        # A repair the cells do, and a hedge in the next clause, still promise.
        ("幹細胞は軟骨を修復します。", True),
        ("当院の幹細胞は傷ついた軟骨を修復します。", True),
        ("軟骨を修復し、痛みを和らげる可能性があります。", True),
        # a full recovery promised, denied, or advised as rest until it
        ("幹細胞で関節炎が全快します。", True),
        ("幹細胞で全快するわけではありません。", False),
        ("全快するまで無理をしないでください。", None),
    ],
)
def test_a_hedged_repair_in_japanese_is_no_promise(sentence: str, promise: bool | None) -> None:
    assert_judged(sentence, "ja", promise)


@pytest.mark.parametrize(
    ("sentence", "promise"),
    [
        ("Avoid surgery with cells that regrow cartilage.", True),
        ("Avoid surgery using cells that regrow cartilage.", True),
        ("Avoid knee replacement thanks to cells that cure arthritis.", True),
        ("Avoid surgery by letting stem cells regrow cartilage.", True),
        ("Avoid surgery: stem cells regrow cartilage.", True),
        ("Beware of surgery when stem cells can regrow cartilage.", True),
        ("Avoid surgery because stem cells regrow cartilage.", True),
        ("Avoid surgery — stem cells regrow cartilage.", True),
        ("Avoid knee surgery; stem cells regrow cartilage.", True),
        ("Warning signs: a clinic that says its cells cure arthritis.", False),
        ("A red flag is a clinic with miracle cures.", False),
        ("Beware of miracle cures, guaranteed results and the like.", False),
        ("Avoid miracle cures.", False),
        ("Be careful with miracle cures.", False),
        ("Avoid clinics that promise to regrow cartilage.", False),
        ("Be careful: some clinics say their cells cure arthritis.", False),
        ("Warning: no treatment regrows cartilage.", False),
        ("Be careful if you are told that the treatment has no side effects.", False),
        ("Be careful when a clinic says its cells regrow cartilage.", False),
        ("Beware of adverts offering cells that regrow cartilage.", False),
        ("Be wary of clinics that sell stem cells which cure arthritis.", False),
    ],
)
def test_a_warning_word_warns_only_of_what_it_points_at(sentence: str, promise: bool) -> None:
    # "Avoid surgery with cells that regrow cartilage" promises: what it warns of is
    # surgery, and the cells that regrow cartilage are offered instead. A warning word
    # that points at something ("avoid surgery") warns of nothing past a relative
    # ("that"), a means ("with", "using", "by") or a colon after its object.
    assert any(not excused for _, excused, _ in judged(sentence)) == promise, judged(sentence)


@pytest.mark.parametrize(
    ("sentence", "lang", "promise"),
    [
        ("Did you know our cells cure arthritis?", "en", True),
        ("Why suffer when our cells cure arthritis?", "en", True),
        ("Ready for a permanent fix?", "en", True),
        ("Isn't it time for a cure?", "en", True),
        ("Who wouldn't want a miracle?", "en", True),
        ("Can MSCs cure arthritis?", "en", False),
        ("Is it true that MSCs cure arthritis?", "en", False),
        ("Will the cells regrow my cartilage?", "en", False),
        ("รู้หรือไม่ว่าเซลล์ของเรารักษาหายขาด", "th", True),  # did you know our cells cure
        ("เซลล์รักษาหายขาดได้ไหม", "th", False),  # can the cells cure completely?
        ("MSC ทำให้หายขาดได้หรือไม่", "th", False),  # can MSCs cure completely or not?
    ],
)
def test_a_question_that_asserts_is_no_excuse(sentence: str, lang: str, promise: bool) -> None:
    # "Did you know …?" and "Why suffer when …?" promise in a question's form; a Thai
    # question ends in a particle (ไหม, หรือไม่), not a question mark.
    assert any(not excused for _, excused, _ in judged(sentence, lang)) == promise, judged(
        sentence, lang
    )


@pytest.mark.parametrize(
    ("sentence", "lang", "promise"),
    [
        ("Our cells cure arthritis, never again pain.", "en", True),
        ("Our cells cure arthritis — not a myth.", "en", True),
        ("Our cells regrow cartilage; never surgery.", "en", True),
        ("A cure, however, is not guaranteed.", "en", False),
        ("A cure is not guaranteed.", "en", False),
        ("Regrowth isn't shown in people.", "en", False),
        # our cells cure arthritis completely, no surgery needed
        ("Tế bào của chúng tôi chữa khỏi hoàn toàn viêm khớp, không cần phẫu thuật.", "vi", True),
        ("Việc chữa khỏi không được đảm bảo.", "vi", False),  # a cure is not guaranteed
        ("خلايانا تشفي التهاب المفاصل، لا جراحة.", "ar", True),  # ours cure, no surgery
        ("干细胞能治愈关节炎；不会复发。", "zh_Hans", True),  # cures; never relapses
    ],
)
def test_a_negation_after_a_claim_denies_it_in_its_own_clause_only(
    sentence: str, lang: str, promise: bool
) -> None:
    # A negation after a comma or dash belongs to the next clause: it excused the claim.
    assert any(not excused for _, excused, _ in judged(sentence, lang)) == promise, judged(
        sentence, lang
    )


@pytest.mark.parametrize(
    ("sentence", "lang", "promise"),
    [
        ("MSCs not only cure arthritis but also ease pain.", "en", True),
        ("Our cells cure not just pain but arthritis.", "en", True),
        ("Our cells are not merely safe: they are a miracle.", "en", True),
        ("There is no doubt our cells cure arthritis.", "en", True),
        ("Without a doubt, our cells regrow cartilage.", "en", True),
        ("Our cells never fail to cure arthritis.", "en", True),
        ("No wonder our cells cure arthritis.", "en", True),
        ("There is no proof that our cells cure arthritis.", "en", False),
        ("MSCs do not cure arthritis, and not only because trials are small.", "en", False),
        # cells not only ease pain but also cure arthritis
        ("Tế bào không chỉ giảm đau mà còn chữa khỏi hoàn toàn viêm khớp.", "vi", True),
        ("Tế bào không những chữa khỏi viêm khớp mà còn giảm đau.", "vi", True),
        ("Tế bào gốc không chữa khỏi bệnh khớp.", "vi", False),
        # the cells do not only ease pain, but rather cure the joints
        ("الخلايا لا تخفف الألم فقط بل تشفي المفاصل.", "ar", True),
        ("الخلايا ليس فقط تخفف الألم بل تشفي المفاصل.", "ar", True),
        ("الخلايا الجذعية لا تشفي التهاب المفاصل.", "ar", False),
    ],
)
def test_not_only_denies_nothing(sentence: str, lang: str, promise: bool) -> None:
    # "not only X but Y" asserts both: its "not" excused the claim after it.
    assert any(not excused for _, excused, _ in judged(sentence, lang)) == promise, judged(
        sentence, lang
    )


@pytest.mark.parametrize(
    ("sentence", "promise"),
    [
        ("ไม่ต้องผ่าตัด เซลล์ของเรารักษาหายขาด", True),  # no surgery needed, our cells cure
        ("ไม่เจ็บ ไม่ผ่าตัด หายขาดแน่นอน", True),  # no pain, no surgery, surely cured
        ("การรักษานี้ไม่ใช่ยา แต่รักษาหายขาด", True),  # not a drug, but it cures
        ("อย่ารอช้า เซลล์ของเรารักษาหายขาด", True),  # don't wait, our cells cure
        ("เซลล์ต้นกำเนิดไม่ได้ทำให้หายขาด", False),  # stem cells do not cure
        ("ระวังคลินิกที่อ้างว่า หายขาด", False),  # beware of clinics that claim a cure
        ("เซลล์ต้นกำเนิดไม่ใช่ยาวิเศษ ที่ทำให้หายขาดได้", False),  # not a magic drug that cures
        ("ยังไม่มีงานวิจัยยืนยันว่า เซลล์ทำให้กระดูกอ่อนงอกใหม่", False),  # no study confirms that
    ],
)
def test_a_thai_negation_denies_its_own_phrase(sentence: str, promise: bool) -> None:
    assert any(not excused for _, excused, _ in judged(sentence, "th")) == promise


def test_a_list_lead_in_negates_its_items_through_its_colon() -> None:
    assert judged("Guaranteed structural regeneration", lead_in="Stem cell therapy is not:") == [
        ("Guaranteed", True, False),
        ("regeneration", True, False),
    ]


def test_every_claim_list_is_read_as_text() -> None:
    from msc_leaflet.data import data_path
    from msc_leaflet.languages import profiles

    for language in profiles():
        if language.claims and data_path(language.claims).is_file():
            found = claim_list(language.tag)
            words = [*found.cues_before, *found.cues_after]
            words += [form for claim in found.claims for form in claim.every_form]
            assert found.claims and all(isinstance(word, str) for word in words), language.tag
            # A claim is a phrase with its variants, or two parts some words apart.
            for claim in found.claims:
                assert bool(claim.forms) != bool(claim.parts), (language.tag, claim.phrase)
                if claim.parts:
                    assert len(claim.parts) == 2 and all(claim.parts), claim.phrase
                    assert claim.within > 0, claim.phrase


def test_word_boundaries() -> None:
    assert judged("Securely procured samples; regenerative medicine is a field.") == []


def test_longest_form_wins() -> None:
    assert [p for p, _, _ in judged("They will reverse ageing.")] == ["reverse ageing"]


def test_list_item_continues_its_colon_lead_in() -> None:
    assert judged("turn into new tissue, or", lead_in="The cells do not have to:") == [
        ("turn into new tissue", True, False)
    ]


def test_thai_claims_use_word_boundaries_and_cues() -> None:
    assert judged("เซลล์ของเรารักษาหายขาด", "th") == [("รักษาหาย", False, False)] or judged(
        "เซลล์ของเรารักษาหายขาด", "th"
    ) == [("หายขาด", False, False)]
    assert all(e for _, e, _ in judged("ระวังคลินิกที่สัญญาว่าจะรักษาหายขาด", "th"))
    assert judged("ไม่มีผลข้างเคียง", "th") == [("ไม่มีผลข้างเคียง", False, False)]


def test_claim001_fails_and_passes(make_project: Callable[..., Path]) -> None:
    bad = make_project(
        {"sample": leaflet(CLEAN + "- paragraph: >-\n    Our cells\n    cure arthritis.\n")}
    )
    assert findings_for(bad, "CLAIM001") == ["22:7: error: risky claim “cure”"]
    good = make_project({"sample": leaflet(CLEAN + "- paragraph: Beware of promises of a cure.\n")})
    assert findings_for(good, "CLAIM001") == []


def test_claim002_quoted_claim(make_project: Callable[..., Path]) -> None:
    root = make_project({"sample": leaflet(CLEAN + "- quote: '“It is a miracle.”'\n")})
    assert findings_for(root, "CLAIM002") == ["20:22: warning: quoted claim “miracle”"]
    assert findings_for(root, "CLAIM001") == []
    plain_quote = make_project({"sample": leaflet(CLEAN + "- quote: It helped me walk.\n")})
    assert findings_for(plain_quote, "CLAIM002") == []


def test_a_quoted_promise_is_refused_for_printing_unless_waived(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    # A patient's testimonial in quotation marks was a warning even for --strict, so a
    # printed leaflet could promise a cure in a happy patient's words, with no one
    # having confirmed that the text around it debunks or attributes it.
    from typer.testing import CliRunner

    from msc_leaflet.cli.app import app

    testimonial = (
        "- quote: '“This treatment cured my arthritis!”'\n"
        "  attribution: A happy patient\n  id: testimonial\n"
    )
    root = make_project({"sample": leaflet(CLEAN + testimonial)})
    assert findings_for(root, "CLAIM002") == ["20:29: warning: quoted claim “cured”"]
    assert findings_for(root, "CLAIM002", strict=True) == ["20:29: error: quoted claim “cured”"]
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["build", "--strict", "-p", str(root), "-o", str(out)])
    assert result.exit_code == 1 and "CLAIM002" in result.output
    assert not list(out.rglob("*.pdf"))
    # Quoted wording that only may overstate stays a warning; a waiver is the confirmation.
    proven = make_project({"sample": leaflet(CLEAN + "- quote: '“It is proven.”'\n")})
    quoted = findings_for(proven, "CLAIM002", strict=True)
    assert quoted == ["20:20: warning: quoted claim “proven”"]
    pin = pin_of("“This treatment cured my arthritis!”")
    waived = testimonial + f"  note: 'waive: CLAIM002 {pin} — the next paragraph says why'\n"
    root = make_project({"sample": leaflet(CLEAN + waived)})
    assert findings_for(root, "CLAIM002", strict=True) == []


def test_claim003_doubtful_wording(make_project: Callable[..., Path]) -> None:
    root = make_project({"sample": leaflet(CLEAN + "- paragraph: The product is FDA-approved.\n")})
    assert findings_for(root, "CLAIM003") == [
        "20:31: warning: wording that may overstate “FDA-approved”"
    ]
    good = make_project({"sample": leaflet(CLEAN + "- paragraph: Ask if it is approved.\n")})
    assert findings_for(good, "CLAIM003") == []


def test_a_language_without_a_claim_list_is_named_not_passed(
    make_project: Callable[..., Path],
) -> None:
    # "These cells cure your illness completely and rebuild the tissue." Persian has no
    # claim list: nothing can catch the promise, so the check says the text went
    # unchecked, at the catalog a reviewer opens.
    root = make_project({"sample": leaflet(CLEAN + "- paragraph: Cells send signals.\n  id: p\n")})
    promise = "این سلول‌ها بیماری شما را به‌طور کامل درمان می‌کنند و بافت را بازسازی می‌کنند."
    persian = translated_context(root, {"p": promise}, "fa")
    assert list(risky_claim(persian)) == []
    [issue] = unchecked_language(persian)
    assert "Persian has no claim list" in issue.message and "1 text" in issue.message
    assert "i18n review --role clinical" in issue.hint
    assert issue.location.path == root / "locales" / "fa" / "LC_MESSAGES" / "sample.po"
    # Nothing in Persian yet (the source printed as it is): nothing went unchecked.
    assert list(unchecked_language(translated_context(root, {}, "fa"))) == []
    # Thai has a list.
    assert list(unchecked_language(translated_context(root, {"p": "เซลล์ส่งสัญญาณ"}))) == []


def test_a_clinical_sign_off_answers_for_a_language_without_a_claim_list(
    tmp_path: Path,
) -> None:
    # Once a clinician has signed off the current Persian text, the warning has done its
    # job; an edit to the text makes the sign-off stale and brings it back. (The
    # fixture's catalog is Hindi's, which has a claim list now, filed as Persian's.)
    import shutil

    from typer.testing import CliRunner

    from conftest import REPO
    from msc_leaflet.cli.app import app

    project = tmp_path / "project"
    shutil.copytree(REPO / "tests" / "fixtures" / "languages", project)
    (project / "locales" / "hi").rename(project / "locales" / "fa")
    for po in (project / "locales" / "fa" / "LC_MESSAGES").glob("*.po"):
        text = po.read_text(encoding="utf-8").replace("Language: hi", "Language: fa")
        po.write_text(text, encoding="utf-8")

    def warned() -> bool:
        result = CliRunner().invoke(app, ["check", "-p", str(project), "-l", "fa"])
        return "CLAIM004" in result.output

    assert warned()
    review = ["i18n", "review", "after-your-infusion", "-l", "fa", "-p", str(project)]
    result = CliRunner().invoke(app, [*review, "--role", "clinical", "--by", "Dr Test Reviewer"])
    assert result.exit_code == 0, result.output
    assert not warned()
    po = project / "locales" / "fa" / "LC_MESSAGES" / "after-your-infusion.po"
    edited = re.sub(r'msgstr "(?=[^"])', 'msgstr "۔', po.read_text(encoding="utf-8"), count=1)
    po.write_text(edited, encoding="utf-8")  # the first translated entry, not the header
    assert warned()


def test_claims_in_a_translation(make_project: Callable[..., Path]) -> None:
    root = make_project({"sample": leaflet(CLEAN + "- paragraph: Cells send signals.\n  id: p\n")})
    ctx = translated_context(root, {"p": "เซลล์ของเราช่วยให้หายขาด"})
    issues = list(risky_claim(ctx))
    assert [i.message for i in issues] == ["[th] risky claim “หายขาด”"]
    assert issues[0].location.line == 20
    fine = translated_context(root, {"p": "ระวังคลินิกที่อ้างว่ารักษาให้หายขาด"})
    assert list(risky_claim(fine)) == [] and list(quoted_claim(fine)) == []


def test_a_claim_in_a_catalog_names_the_entry_to_change(tmp_path: Path) -> None:
    # The finding stands at the leaflet line (where the block's waivers are), and its
    # hint names the msgstr the translator edits: it used to name only the English file.
    import shutil

    from typer.testing import CliRunner

    from conftest import REPO
    from msc_leaflet.cli.app import app

    project = tmp_path / "project"
    shutil.copytree(REPO / "tests" / "fixtures" / "languages", project)
    po = project / "locales" / "vi" / "LC_MESSAGES" / "after-your-infusion.po"
    text = po.read_text(encoding="utf-8")
    entry = re.search(r'msgctxt "where-cells-go"\nmsgid "[^\n]*"\nmsgstr "([^\n]*)"', text)
    assert entry is not None
    line = text.count("\n", 0, entry.start()) + 1
    promise = "Liệu pháp giúp trẻ hoá cơ thể [@galipeau2018]."  # "rejuvenates the body"
    po.write_text(text[: entry.start(1)] + promise + text[entry.end(1) :], encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "-p", str(project), "-l", "vi"])
    assert result.exit_code == 1, result.output
    assert "CLAIM001: [vi] risky claim “trẻ hoá”" in result.output
    hint = " ".join(result.output.split())
    assert "change the msgstr of 'where-cells-go' (" in hint
    # At the msgstr's line (two below the msgctxt) and the column of the claim.
    column = len('msgstr "') + promise.index("trẻ hoá") + 1
    assert f"locales/vi/LC_MESSAGES/after-your-infusion.po:{line + 2}:{column})" in hint


def test_a_claim_in_the_page_words_of_a_ui_catalog_is_found(i18n_project: Path) -> None:
    # The words the page prints itself (the disclaimer's label, a callout's label) come
    # from ui.po; a translator's "รักษาหายขาด" (cures completely) there was printed on
    # every Thai page, by a --strict build too, and no check read it.
    from typer.testing import CliRunner

    from msc_leaflet.cli.app import app

    ui = i18n_project / "locales" / "th" / "LC_MESSAGES" / "ui.po"
    text = ui.read_text(encoding="utf-8")
    assert text.count('msgstr "โปรดทราบ"') == 1
    line = (
        text[: text.index("msgstr", text.index('msgctxt "disclaimer"'))].count("\n") + 1
    )  # its msgstr's
    ui.write_text(text.replace('msgstr "โปรดทราบ"', 'msgstr "รักษาหายขาด"'), encoding="utf-8")
    # A second leaflet prints the same words: the catalog's line is reported once.
    leaflets = i18n_project / "leaflets"
    (leaflets / "care-basics-2.yaml").write_text(
        (leaflets / "care-basics.yaml")
        .read_text(encoding="utf-8")
        .replace("id: care-basics", "id: care-basics-2", 1),
        encoding="utf-8",
    )
    po = i18n_project / "locales" / "th" / "LC_MESSAGES"
    (po / "care-basics-2.po").write_bytes((po / "care-basics.po").read_bytes())
    result = CliRunner().invoke(app, ["check", "-p", str(i18n_project), "-l", "th"])
    assert result.exit_code == 1, result.output
    found = [row for row in result.output.splitlines() if "CLAIM001" in row]
    assert len(found) == 1, result.output
    column = len('msgstr "รักษา') + 1  # at the word, as i18n check names it
    assert found[0].endswith(
        f"locales/th/LC_MESSAGES/ui.po:{line}:{column}: error: CLAIM001: [th] risky claim “หายขาด” "
        "in a word the page prints itself ('disclaimer')"
    )
    assert "change the msgstr of 'disclaimer'" in result.output


@pytest.mark.parametrize("locale", ["th", "vi", "zh_Hans", "ja", "ar", "lo", "my", "km", "hi"])
def test_the_shipped_page_words_make_no_claim(locale: str) -> None:
    from conftest import REPO
    from msc_leaflet.i18n import page_words
    from msc_leaflet.project import Project

    words = page_words(locale, Project.at(REPO))
    assert len(words) > 10  # the catalog is read
    assert [judged(w.value, locale) for w in words if judged(w.value, locale)] == []


def test_a_waiver_covers_no_claim_a_translation_adds(tmp_path: Path) -> None:
    # The block's waiver is for the claim its English text reports and rebuts (that the
    # cells "become new tissue"); a translator who added "our cells cure the knee
    # completely" to its Thai text was silenced by it too. The Thai for what the
    # English promises (regrowth) is still covered.
    import shutil

    from conftest import REPO
    from msc_leaflet.checks import CheckConfig, run_checks
    from msc_leaflet.project import Project

    for folder in ("leaflets", "locales", "organisations"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    po = tmp_path / "locales" / "th" / "LC_MESSAGES" / "stromal-or-stem.po"
    text = po.read_text(encoding="utf-8")
    end = 'งานวิจัยสนับสนุนภาพแบบที่สองมากกว่าแบบแรกมาก"'
    assert text.count(end) == 1  # the msgstr of 'plain-terms-names', which has the waiver
    added = " เซลล์ของเราทำให้กระดูกอ่อนงอกใหม่ เซลล์ของเรารักษาข้อเข่าให้หายขาด"
    po.write_text(text.replace(end, end[:-1] + added + '"'), "utf-8")
    config = CheckConfig(today=dt.date(2026, 11, 2))
    for locales in (["th"], []):
        found = run_checks(Project.at(tmp_path), ["stromal-or-stem"], locales, config)
        claims = [f.message for f in found if getattr(f, "code", "") == "CLAIM001"]
        assert claims == ["[th] risky claim “หายขาด”"], locales


def test_a_claim_in_the_keywords_is_found(make_project: Callable[..., Path]) -> None:
    # Keywords go into every PDF's metadata (what search engines and a PDF viewer's
    # properties show) and onto the desk's shelf; no check read them.
    from conftest import leaflet_yaml

    text = leaflet_yaml(CLEAN, extra="keywords: [arthritis, stem cell cure]\n")
    line = text.splitlines().index("keywords: [arthritis, stem cell cure]") + 1
    root = make_project({"sample": text})
    assert findings_for(root, "CLAIM001") == [f"{line}:33: error: risky claim “cure”"]
    fine = leaflet_yaml(CLEAN, extra="keywords: [arthritis, safety]\n")
    assert findings_for(make_project({"sample": fine}), "CLAIM001") == []


@pytest.mark.parametrize(
    ("written", "locale", "phrase"),
    [
        ("เซลล์ของเราช่วย regenerate กระดูกอ่อน", "th", "regenerate"),  # our cells help …
        ("MSC là liệu pháp miracle cho khớp gối.", "vi", "miracle"),  # MSC is a … therapy
        ("干细胞疗法是 miracle cure。", "zh_Hans", "miracle"),
        ("Our cells help your knees (รักษาหายขาด).", "en", "หายขาด"),  # "cures completely"
        ("Our cells cure the knee (ข้อเข่า).", "en", "cure"),  # read as Thai alone before
    ],
)
def test_a_claim_in_another_language_inside_a_text_is_found(
    make_project: Callable[..., Path], written: str, locale: str, phrase: str
) -> None:
    # A translation mixing in English words (common in Thai clinic adverts), or an
    # English text with a Thai phrase, was read with one language's list only.
    root = make_project({"sample": leaflet(CLEAN + "- paragraph: Cells send signals.\n  id: p\n")})
    if locale == "en":
        root = make_project({"sample": leaflet(CLEAN + f"- paragraph: {written}\n  id: p\n")})
        found = [i.message for i in risky_claim(translated_context(root, {}, "en"))]
        assert found == [f"risky claim “{phrase}”"], found
        return
    ctx = translated_context(root, {"p": written}, locale)
    found = [i.message for i in risky_claim(ctx)]
    assert f"[{locale}] risky claim “{phrase}”" in found, found


@pytest.mark.parametrize(
    ("written", "locale"),
    [
        ("เซลล์สโตรมัลชนิดมีเซนไคม์ (MSC) ได้รับการศึกษาใน ClinicalTrials.gov", "th"),
        ("Tế bào MSC đã được nghiên cứu ở người.", "vi"),
        ("MSC 疗法仍在研究中。", "zh_Hans"),
        ("MSC の研究は続いています。", "ja"),
    ],
)
def test_english_names_inside_a_translation_are_no_claim(
    make_project: Callable[..., Path], written: str, locale: str
) -> None:
    root = make_project({"sample": leaflet(CLEAN + "- paragraph: Cells send signals.\n  id: p\n")})
    assert list(risky_claim(translated_context(root, {"p": written}, locale))) == []


def _claim_findings(root: Path, *codes: str) -> list[tuple[str, str, str]]:
    from msc_leaflet.checks import CheckConfig, run_checks
    from msc_leaflet.project import Project

    found = run_checks(Project.at(root), config=CheckConfig(today=dt.date(2026, 6, 1)))
    return [(f.code, f.message, f.hint) for f in found if f.code in codes]  # type: ignore[attr-defined]


def _pin(hint: str) -> str:
    pins: list[str] = re.findall(r"@[0-9a-f]{8}\b", hint)
    assert len(pins) == 1, hint
    return pins[0]


RETOLD = "'“Stem” suggests that the cells become new tissue. Research backs another picture.'"


def test_a_waiver_is_pinned_to_the_claim_it_was_written_for(
    make_project: Callable[..., Path],
) -> None:
    # A block's waiver silenced every later claim in it: "Our cells cure arthritis."
    # added to a block waived for the belief it rebuts passed unreported.
    unpinned = f"- paragraph: {RETOLD}\n  note: 'waive: CLAIM001 — says what the word suggests'\n"
    root = make_project({"sample": leaflet(CLEAN + unpinned)})
    found = _claim_findings(root, "CLAIM001", "WAIVE004")
    # A waiver that names no text silences nothing, and says how to pin it.
    assert [(code, message) for code, message, _ in found] == [
        ("CLAIM001", "risky claim “become new tissue”"),
        ("WAIVE004", "waiver for CLAIM001 names no text it is for, so it silences nothing"),
    ]
    pin = _pin(found[0][2])
    assert f"waive: CLAIM001 {pin} —" in found[0][2]
    pinned = unpinned.replace("CLAIM001 —", f"CLAIM001 {pin} —")
    root = make_project({"sample": leaflet(CLEAN + pinned)})
    assert _claim_findings(root, "CLAIM001", "WAIVE003", "WAIVE004") == []
    # A claim added to the block later is reported: the waiver is not for it.
    added = pinned.replace("another picture.'", "another picture. Our cells cure arthritis.'")
    root = make_project({"sample": leaflet(CLEAN + added)})
    found = _claim_findings(root, "CLAIM001", "WAIVE003", "WAIVE004")
    assert [(code, message) for code, message, _ in found] == [("CLAIM001", "risky claim “cure”")]


def test_a_waiver_whose_text_changed_asks_to_be_renewed(
    make_project: Callable[..., Path],
) -> None:
    unpinned = f"- paragraph: {RETOLD}\n  note: 'waive: CLAIM001 — says what the word suggests'\n"
    root = make_project({"sample": leaflet(CLEAN + unpinned)})
    pin = _pin(_claim_findings(root, "CLAIM001")[0][2])
    changed = unpinned.replace("CLAIM001 —", f"CLAIM001 {pin} —").replace(
        "“Stem” suggests that the cells", "Our cells"
    )
    root = make_project({"sample": leaflet(CLEAN + changed)})
    found = _claim_findings(root, "CLAIM001", "WAIVE003")
    assert [code for code, _, _ in found] == ["CLAIM001", "WAIVE003"]
    claim, stale = found
    assert "changed" in claim[2] and _pin(claim[2]) != pin  # the pin to renew it with
    assert pin in stale[1] and "changed" in stale[1]


def _organisation_claims(root: Path) -> list[tuple[str, str, str, int]]:
    from msc_leaflet.checks import CheckConfig, run_checks
    from msc_leaflet.project import Project

    found = run_checks(Project.at(root), config=CheckConfig(today=dt.date(2026, 6, 1)))
    return [
        (f.code, f.severity, f.message, f.location.line)  # type: ignore[attr-defined]
        for f in found
        if f.location.path.parent.name == "organisations"
    ]


def test_a_claim_in_the_organisation_profile_is_found_once(
    make_project: Callable[..., Path],
) -> None:
    # The organisation's name and address print at the top of every leaflet and go into
    # every PDF's Author; "Miracle Cure Clinic" passed every check.
    from conftest import leaflet_yaml

    root = make_project(
        {name: leaflet_yaml(CLEAN, leaflet_id=name) for name in ("sample", "second")}
    )
    (root / "organisations" / "test-clinic.yaml").write_text(
        "name: Miracle Cure Clinic\n"
        "address: Regrow Your Knees Center, 1 Example Road, Bangkok\n"
        "web: https://example.org\n",
        "utf-8",
    )
    found = _organisation_claims(root)
    assert [(code, severity, line) for code, severity, _, line in found] == [
        ("CLAIM001", "error", 1),
        ("CLAIM001", "error", 1),
        ("CLAIM001", "error", 2),
    ]  # once for the project, not once a leaflet
    assert "printed on every leaflet" in found[0][2] and "“Miracle”" in found[0][2]


def test_a_claim_in_a_thai_organisation_name_is_found(make_project: Callable[..., Path]) -> None:
    from conftest import leaflet_yaml

    thai = leaflet_yaml(CLEAN).replace("language: en", "language: th")
    root = make_project({"sample": thai})
    profile = root / "organisations" / "test-clinic.yaml"
    profile.write_text("name: คลินิกรักษาหายขาด Regrow Center\n", "utf-8")  # cures completely
    phrases = sorted(
        message.split("“")[1].split("”")[0] for _, _, message, _ in _organisation_claims(root)
    )
    assert phrases == ["Regrow", "หายขาด"]


def test_a_registered_name_is_waived_in_the_organisation_profile(
    make_project: Callable[..., Path],
) -> None:
    # A clinic cannot rename itself per leaflet: its profile's note takes the waiver,
    # pinned to the name it was written for.
    root = make_project()
    profile = root / "organisations" / "test-clinic.yaml"
    profile.write_text("name: Miracle Clinic\n", "utf-8")
    assert [code for code, *_ in _organisation_claims(root)] == ["CLAIM001"]
    pin = pin_of("Miracle Clinic")
    note = f'note: "waive: CLAIM001 {pin} — the clinic\'s registered name (licence 12345)"\n'
    profile.write_text("name: Miracle Clinic\n" + note, "utf-8")
    assert _organisation_claims(root) == []
    profile.write_text("name: Miracle Cure Clinic\n" + note, "utf-8")
    assert [code for code, *_ in _organisation_claims(root)] == ["CLAIM001", "CLAIM001", "WAIVE003"]


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("การรักษานี้ปลอดภัย ๑๐๐%", "th"),  # Thai digits: this treatment is 100% safe
        ("การรักษานี้ปลอดภัย๑๐๐%", "th"),
        ("การรักษานี้ปลอดภัย 100％", "th"),  # a full-width per cent sign
        ("ປິ່ນປົວນີ້ປອດໄພ ໑໐໐%", "lo"),  # Lao digits
        ("这种疗法100％有效。", "zh_Hans"),  # full-width ％: this therapy is 100% effective
        ("这种疗法１００％有效。", "zh_Hans"),
        ("この治療は100％安全です。", "ja"),  # this treatment is 100% safe
        ("العلاج آمن ١٠٠٪.", "ar"),  # Arabic-Indic digits and the Arabic per cent sign
        ("العلاج آمن 100٪.", "ar"),
        ("العلاج آمن ۱۰۰%.", "ar"),  # Persian digits
        ("Phương pháp này an toàn 100％.", "vi"),
        ("The treatment is 100％ safe.", "en"),
    ],
)
def test_a_number_is_read_in_any_digits_and_per_cent_sign(sentence: str, lang: str) -> None:
    # "ปลอดภัย ๑๐๐%", "آمن ١٠٠٪" and "100％安全" print the listed "100%" promise in the
    # digits and per cent sign of the language; they were not found.
    assert [excused for _, excused, _ in judged(sentence, lang)] == [False], judged(sentence, lang)


@pytest.mark.parametrize(
    ("sentence", "lang", "promise"),
    [
        # Burmese: our cells cure arthritis completely
        ("ကျွန်ုပ်တို့၏ ဆဲလ်များသည် အဆစ်ရောင်ရောဂါကို လုံးဝ ပျောက်ကင်းစေသည်။", "my", True),
        ("ဤကုသမှုသည် ဒူးနာကို အပြီးတိုင် ပျောက်ကင်းစေပါသည်။", "my", True),  # for good
        ("ဆဲလ်များက အရိုးနုအသစ်ကို ဖြစ်ပေါ်စေသည်။", "my", True),  # make new cartilage
        ("ရလဒ်ကို အာမခံပါသည်။", "my", True),  # results are guaranteed
        ("ဤကုသမှုတွင် ဘေးထွက်ဆိုးကျိုး မရှိပါ။", "my", True),  # no side effects
        ("MSC သည် အံ့ဖွယ်ဆေး ဖြစ်သည်။", "my", True),  # a miracle medicine
        ("ဤကုသမှုသည် ၁၀၀% ထိရောက်ပါသည်။", "my", True),  # 100% effective
        ("ဆဲလ်ကုသမှုက သင့်ကို အသက်ပြန်ငယ်စေပါသည်။", "my", True),  # makes you young again
        # no surgery needed, the cells cure the disease completely
        ("ခွဲစိတ်ရန် မလိုဘဲ ဆဲလ်များက ရောဂါကို လုံးဝ ပျောက်ကင်းစေသည်။", "my", True),
        # the cells cure the disease, no need for surgery: the negation is past ၊
        ("ဆဲလ်များက ရောဂါကို ပျောက်ကင်းစေသည်၊ ခွဲစိတ်ရန် မလိုအပ်ဘူး။", "my", True),
        # the cells cure the disease, that's right: ဟုတ်တယ် reports nothing
        ("ဆဲလ်တွေက ရောဂါကို ပျောက်ကင်းစေတယ်၊ ဟုတ်တယ်။", "my", True),
        # the cells cure the disease or ease knee pain: သို့မဟုတ် ("or") holds no "not"
        ("ဆဲလ်များက ရောဂါကို ပျောက်ကင်းစေသည် သို့မဟုတ် ဒူးနာကို သက်သာစေသည်။", "my", True),
        # be careful of clinics that promise to regrow cartilage, to cure the disease
        # completely: a Burmese report (ဟု, "that …") ends the list it reports
        (
            "အရိုးနု ပြန်ပေါက်စေမည်၊ ရောဂါ လုံးဝ ပျောက်ကင်းစေမည်ဟု ကတိပေးသော ဆေးခန်းများကို သတိထားပါ။",
            "my",
            False,
        ),
        # MSC treatment is not a medicine that cures the disease
        ("MSC ကုသမှုသည် ရောဂါကို ပျောက်ကင်းစေသော ဆေး မဟုတ်ပါ။", "my", False),
        ("MSC သည် အဆစ်ရောင်ရောဂါကို မပျောက်ကင်းစေနိုင်ပါ။", "my", False),  # cannot cure
        ("ပျောက်ကင်းစေကြောင်း သက်သေ မရှိသေးပါ။", "my", False),  # no proof yet that it cures
        ("ဆဲလ်များက ရောဂါကို ပျောက်ကင်းစေနိုင်သလား။", "my", False),  # can the cells cure?
        # be careful of clinics that advertise that the cells cure the disease completely
        (
            "ဆဲလ်များက ရောဂါကို လုံးဝ ပျောက်ကင်းစေသည်ဟု ကြော်ငြာသော ဆေးခန်းများကို သတိထားပါ။",
            "my",
            False,
        ),
        # Khmer: our cells cure arthritis completely
        ("កោសិការបស់យើងព្យាបាលជំងឺរលាកសន្លាក់ឱ្យជាដាច់។", "km", True),
        ("ការព្យាបាលនេះធានាលទ្ធផល ១០០%។", "km", True),  # guarantees results 100%
        ("កោសិកាធ្វើឱ្យឆ្អឹងខ្ចីដុះឡើងវិញ។", "km", True),  # make cartilage grow back
        ("ការព្យាបាលនេះគ្មានផលរំខានទាល់តែសោះ។", "km", True),  # no side effects at all
        ("នេះជាថ្នាំអព្ភូតហេតុ។", "km", True),  # a miracle medicine
        ("អ្នកនឹងជាសះស្បើយជាអចិន្ត្រៃយ៍។", "km", True),  # you will recover permanently
        ("កោសិកាធ្វើឱ្យអ្នកក្មេងឡើងវិញ។", "km", True),  # make you young again
        ("មិនចាំបាច់វះកាត់ កោសិការបស់យើងព្យាបាលឱ្យជាដាច់។", "km", True),  # no surgery, cures
        ("ប្រយ័ត្ន។ កោសិការបស់យើងព្យាបាលឱ្យជាដាច់។", "km", True),  # the cue is elsewhere
        # MSC treatment is not a cure
        ("ការព្យាបាលដោយ MSC មិនមែនជាការព្យាបាលឱ្យជាដាច់ទេ។", "km", False),
        ("កោសិកាដើមមិនព្យាបាលជំងឺរលាកសន្លាក់ឱ្យជាដាច់ទេ។", "km", False),
        # beware of clinics that claim the cells cure completely
        ("ប្រយ័ត្ននឹងគ្លីនិកដែលអះអាងថាកោសិកាព្យាបាលឱ្យជាដាច់។", "km", False),
        ("តើកោសិកាអាចព្យាបាលឱ្យជាដាច់បានទេ?", "km", False),  # can the cells cure?
        # no research yet shows that the cells make cartilage grow back
        ("មិនទាន់មានការស្រាវជ្រាវណាបង្ហាញថាកោសិកាធ្វើឱ្យឆ្អឹងខ្ចីដុះឡើងវិញទេ។", "km", False),
        ("ការជក់បារីត្រូវបានហាមឃាត់ជាដាច់ខាត។", "km", False),  # smoking is strictly forbidden
    ],
)
def test_burmese_and_khmer_promises_are_found(sentence: str, lang: str, promise: bool) -> None:
    # Burmese and Khmer had no claim list: a translation that promised a cure passed.
    found = judged(sentence, lang)
    assert any(not excused for _, excused, _ in found) == promise, found


@pytest.mark.parametrize("locale", ["my", "km"])
def test_the_fixture_translations_in_burmese_and_khmer_make_no_claim(locale: str) -> None:
    # The honest sentences of a real translation: warning signs, "cells do not stay
    # long", questions to the doctor.
    from msc_leaflet.i18n.pofile import read_po

    root = Path(__file__).parent / "fixtures" / "languages" / "locales" / locale
    for path in sorted(root.glob("LC_MESSAGES/*.po")):
        for entry in read_po(path).entries:
            if entry.msgstr:
                found = judged(entry.msgstr, locale)
                assert all(excused or quoted for _, excused, quoted in found), (path, found)


@pytest.mark.parametrize(
    ("sentence", "lang", "promise"),
    [
        # The leaflet's own voice: "we promise (that) our cells cure …"
        ("เราสัญญาว่าเซลล์ของเรารักษาหายขาด", "th", True),
        ("คลินิกของเรารับประกันว่าหายขาด", "th", True),  # our clinic guarantees a cure
        ("ระวังคลินิกที่สัญญาว่ารักษาหายขาด", "th", False),  # beware of clinics that promise
        ("我们承诺干细胞能治愈关节炎。", "zh_Hans", True),
        ("本诊所承诺干细胞能治愈关节炎。", "zh_Hans", True),
        ("小心声称干细胞能治愈关节炎的诊所。", "zh_Hans", False),
        ("Chúng tôi hứa tế bào chữa khỏi bệnh khớp.", "vi", True),
        ("Hãy cẩn thận với quảng cáo hứa chữa khỏi bệnh khớp.", "vi", False),
        ("عيادتنا تعد بأن الخلايا تشفي المفاصل.", "ar", True),  # our clinic promises
        ("احذر من العيادات التي تعد بأن الخلايا تشفي المفاصل.", "ar", False),
        ("ພວກເຮົາສັນຍາວ່າເຊວປິ່ນປົວໃຫ້ຫາຍຂາດ", "lo", True),
        ("យើងសន្យាថាកោសិកាព្យាបាលឱ្យជាដាច់។", "km", True),
        ("ប្រយ័ត្នគ្លីនិកដែលសន្យាថាកោសិកាព្យាបាលឱ្យជាដាច់។", "km", False),
        ("ကျွန်ုပ်တို့ ကတိပေးပါသည်၊ ဆဲလ်များက ရောဂါကို လုံးဝ ပျောက်ကင်းစေသည်။", "my", True),
        ("当院が約束する完治を体験してください。", "ja", True),  # the cure our clinic promises
        ("完治を約束する広告に注意してください。", "ja", False),  # beware adverts promising
        # "No doubt", "not only": negations that deny nothing
        ("ไม่ต้องสงสัยเลยว่าเซลล์ของเรารักษาหายขาด", "th", True),
        ("เซลล์ไม่เพียงลดปวดแต่ยังรักษาหายขาด", "th", True),
        ("لا شك أن خلايانا تشفي المفاصل.", "ar", True),
        ("بلا شك خلايانا تشفي المفاصل.", "ar", True),
        ("Không còn nghi ngờ gì tế bào chữa khỏi bệnh khớp.", "vi", True),
        ("ບໍ່ຕ້ອງສົງໄສເລີຍວ່າເຊວປິ່ນປົວໃຫ້ຫາຍຂາດ", "lo", True),
        ("មិនត្រឹមតែបំបាត់ការឈឺចាប់ ថែមទាំងព្យាបាលឱ្យជាដាច់។", "km", True),
        # A question that asserts: "did you know …?"
        ("你知道干细胞能治愈关节炎吗？", "zh_Hans", True),
        ("هل تعلم أن خلايانا تشفي المفاصل؟", "ar", True),
        ("Bạn có biết tế bào của chúng tôi chữa khỏi bệnh khớp?", "vi", True),
        ("ຮູ້ບໍ່ວ່າເຊວຂອງພວກເຮົາປິ່ນປົວໃຫ້ຫາຍຂາດ", "lo", True),
        ("តើអ្នកដឹងទេថាកោសិការបស់យើងព្យាបាលឱ្យជាដាច់?", "km", True),
        # did you know that our cells cure the disease? (asked after what it asserts)
        ("ကျွန်ုပ်တို့၏ ဆဲလ်များက ရောဂါကို ပျောက်ကင်းစေကြောင်း သင် သိပါသလား။", "my", True),
        ("当院の幹細胞で関節炎が完治することをご存知ですか？", "ja", True),
        ("幹細胞で関節炎が完治するのでしょうか？", "ja", False),  # can stem cells cure it?
        ("干细胞能治愈关节炎吗？", "zh_Hans", False),  # can stem cells cure arthritis?
        ("هل تشفي الخلايا الجذعية المفاصل؟", "ar", False),
        ("Tế bào gốc có chữa khỏi bệnh khớp không?", "vi", False),
        ("តើកោសិកាអាចព្យាបាលឱ្យជាដាច់បានឬទេ", "km", False),
    ],
)
def test_english_tightenings_hold_in_every_language(
    sentence: str, lang: str, promise: bool
) -> None:
    # The leaflet's own voice ("we promise"), "no doubt", "not only" and "did you know"
    # were read as warnings, denials and questions in every language but English.
    found = judged(sentence, lang)
    assert any(not excused for _, excused, _ in found) == promise, found


EVERY_KIND_OF_TEXT = """\
- heading: What the cells do
  id: h
- paragraph: Read [the trial registry](https://clinicaltrials.gov).
  id: p
- callout: Cells send signals.
  kind: warning
  title: Please note
  id: c
- quote: Cells send signals.
  attribution: A doctor
  id: q
- faq:
    - q: What do the cells do?
      a: They send signals.
  id: f
- table:
    header: [Question, Answer]
    rows:
      - [Do the cells stay?, No.]
  id: t
- figure: photo.png
  alt: A nurse and a patient
  caption: An infusion room
  id: fig
"""

#: A promise of cure in each language, as a translator might write it in any text.
CURES = {
    "th": "เซลล์รักษาหายขาด",  # the cells cure completely
    "lo": "ເຊວປິ່ນປົວໃຫ້ຫາຍຂາດ",
    "my": "ဆဲလ်များက ရောဂါကို ပျောက်ကင်းစေသည်",
    "km": "កោសិកាព្យាបាលឱ្យជាដាច់",
    "vi": "Tế bào chữa khỏi bệnh",
    "zh_Hans": "干细胞能治愈关节炎",
    "ja": "幹細胞で関節炎が完治",
    "ar": "الخلايا تشفي المفاصل",
}


@pytest.mark.parametrize("locale", sorted(CURES))
def test_a_claim_is_found_in_every_kind_of_text_the_patient_sees(
    make_project: Callable[..., Path], locale: str
) -> None:
    # Titles, headings, FAQ questions, callout titles, table cells, captions, alt text,
    # link text: each is printed (or read aloud) to the patient, in each language.
    from PIL import Image

    from msc_leaflet.content.model import texts

    root = make_project({"sample": leaflet(CLEAN + EVERY_KIND_OF_TEXT)})
    Image.new("RGB", (40, 30), "teal").save(root / "photo.png")
    source = translated_context(root, {}, "en").source
    contexts = [t.context for t in texts(source) if not t.is_reference_title]
    cure = CURES[locale]
    translations = {c: cure for c in contexts}
    translations["p"] = f"[{cure}](https://clinicaltrials.gov)"  # the link text
    issues = risky_claim(translated_context(root, translations, locale))
    found = {issue.subject[0] for issue in issues}
    assert found == set(contexts), set(contexts) - found


@pytest.mark.parametrize(
    ("locale", "label", "promise", "phrase"),
    [
        ("my", "သတိပြုရန်", "လုံးဝ ပျောက်ကင်းစေသည်", "လုံးဝ ပျောက်ကင်း"),  # cures completely
        ("km", "សូមចំណាំ", "ព្យាបាលឱ្យជាដាច់", "ព្យាបាលឱ្យជា"),  # cures completely
    ],
)
def test_a_burmese_or_khmer_promise_in_the_page_words_is_found(
    tmp_path: Path, locale: str, label: str, promise: str, phrase: str
) -> None:
    # The page's own words (ui.po) are read in every language that now has a list.
    import shutil

    from typer.testing import CliRunner

    from conftest import REPO
    from msc_leaflet.cli.app import app

    project = tmp_path / "project"
    shutil.copytree(REPO / "tests" / "fixtures" / "languages", project)
    ui = project / "locales" / locale / "LC_MESSAGES" / "ui.po"
    text = ui.read_text(encoding="utf-8")
    ui.write_text(text.replace(f'msgstr "{label}"', f'msgstr "{promise}"'), encoding="utf-8")
    line = text[: text.index(f'msgstr "{label}"')].count("\n") + 1  # the msgstr's own line
    result = CliRunner().invoke(app, ["check", "-p", str(project), "-l", locale])
    assert result.exit_code == 1, result.output
    [row] = [row for row in result.output.splitlines() if "CLAIM001" in row]
    column = len('msgstr "') + promise.index(phrase) + 1
    assert f"ui.po:{line}:{column}: error: CLAIM001: [{locale}] risky claim “{phrase}”" in row


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("قال مريض: «خلاياهم شفتني تماما»", "ar"),  # a patient said: "their cells cured me"
        ("قال مريض: ”لقد شفاني العلاج“", "ar"),  # Arabic sets quotes ” … “ (CLDR)
        ("قالت مريضة: ”شفيت تمامًا بعد الحقنة“", "ar"),  # "I was fully cured after the shot"
        ("ผู้ป่วยเล่าว่า “ผมหายขาดแล้ว”", "th"),  # "I am cured completely"
        ("患者说：“我的关节炎被治愈了。”", "zh_Hans"),
        ("患者さんの声「関節炎が完治しました」", "ja"),
        ("Bệnh nhân nói: “Tôi đã khỏi hẳn.”", "vi"),
        ("អ្នកជំងឺនិយាយថា «ខ្ញុំបានជាដាច់ស្រឡះ»។", "km"),
        ("လူနာက “ကျွန်တော့်ရောဂါ လုံးဝ ပျောက်ကင်းသွားပြီ” ဟု ပြောသည်။", "my"),
    ],
)
def test_a_quoted_testimonial_is_read_as_quoted_speech(sentence: str, lang: str) -> None:
    # A patient's testimonial promises a cure too (CLAIM002, an error for printing);
    # the Arabic "شفاني" (it cured me) was not listed, and Arabic's own quotation marks
    # (” … “) were not read as quotation marks.
    found = judged(sentence, lang)
    assert found and all(quoted for _, _, quoted in found), found


@pytest.mark.parametrize(
    ("sentence", "lang", "promise"),
    [
        # our cells cure completely, (and it) never comes back
        ("เซลล์ของเรารักษาหายขาดไม่กลับมาเป็นซ้ำ", "th", True),
        ("ເຊວຂອງພວກເຮົາປິ່ນປົວໃຫ້ຫາຍຂາດບໍ່ກັບມາເປັນອີກ", "lo", True),
        ("干细胞治愈关节炎不会复发。", "zh_Hans", True),
        ("干细胞能治愈关节炎，永不复发。", "zh_Hans", True),
        ("当院の幹細胞で関節炎が完治し、再発しません。", "ja", True),
        ("Tế bào chữa khỏi bệnh khớp không tái phát.", "vi", True),
        ("កោសិកាព្យាបាលឱ្យជាដាច់មិនរើឡើងវិញ។", "km", True),
        ("ဆဲလ်များက ရောဂါကို ပျောက်ကင်းစေပြီး ပြန်မဖြစ်တော့ပါ။", "my", True),
        # a denial stays one
        ("รักษาให้หายขาดไม่ได้", "th", False),  # cannot be cured completely
        ("ไม่มีหลักฐานว่าโรคจะไม่กลับมาเป็นซ้ำ", "th", False),  # no proof it will not recur
        ("干细胞不能治愈关节炎。", "zh_Hans", False),
        ("完治するわけではありません。", "ja", False),
        ("Không có gì đảm bảo bệnh không tái phát.", "vi", False),  # nothing ensures it
    ],
)
def test_a_promise_of_no_relapse_is_no_denial(sentence: str, lang: str, promise: bool) -> None:
    # "Cured, never comes back" is the advert's promise of a permanent cure; where words
    # are not spaced, its "not" after the claim read as the claim's own denial.
    found = judged(sentence, lang)
    assert any(not excused for _, excused, _ in found) == promise, found


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("การรักษานี้ได้ผล 100%", "th"),  # this treatment works 100%
        ("การรักษานี้ได้ผล ๑๐๐%", "th"),
        ("ການປິ່ນປົວນີ້ໄດ້ຜົນ 100%", "lo"),
        ("Phương pháp này hiệu quả 100%.", "vi"),
        ("Tỷ lệ thành công 100%.", "vi"),  # a 100% success rate
        ("العلاج فعال بنسبة 100%.", "ar"),  # effective at a rate of 100%
        ("العلاج آمن بنسبة ١٠٠٪.", "ar"),
        ("この治療の効果は100％です。", "ja"),  # the effect of this treatment is 100%
        ("成功率100％の治療です。", "ja"),
        ("这种疗法的有效率达100%。", "zh_Hans"),  # an effective rate of 100%
        ("ការព្យាបាលនេះជោគជ័យ 100%។", "km"),
        ("ဤကုသမှု၏ ထိရောက်မှုသည် ၁၀၀% ဖြစ်သည်။", "my"),
    ],
)
def test_a_hundred_per_cent_promise_is_found_in_every_language(sentence: str, lang: str) -> None:
    # English lists "100% effective" and "100% success"; the other lists had only
    # "100% safe" (or not even that): "ได้ผล 100%", "hiệu quả 100%", "فعال بنسبة 100%" passed.
    found = judged(sentence, lang)
    assert found and not all(excused for _, excused, _ in found), found


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("干细胞能治 愈关节炎。", "zh_Hans"),  # a space inside 治愈 (cure)
        ("干细胞能治\u3000愈关节炎。", "zh_Hans"),  # an ideographic space
        ("干细胞能 治 愈 关 节 炎。", "zh_Hans"),  # letter-spaced for emphasis
        ("関節炎が完\u3000治します。", "ja"),
        ("ဆဲလ်များက ရောဂါကို ပျောက် ကင်း စေသည်။", "my"),  # Burmese spaced by syllable
        ("ဆဲလ်များက ရောဂါကို လုံးဝပျောက် ကင်းစေသည်။", "my"),
        ("កោសិកាព្យាបាល ឱ្យ ជា ដាច់ ស្រឡះ។", "km"),
    ],
)
def test_a_space_inside_a_phrase_matched_anywhere_does_not_hide_it(
    sentence: str, lang: str
) -> None:
    # Where a phrase is matched anywhere (Chinese, Japanese, Burmese, Khmer), a space
    # inside it is no word boundary: a writer may space Burmese syllables freely, and
    # letter-spacing (治　愈) hid a claim as a zero-width space no longer does.
    found = judged(sentence, lang)
    assert found and not all(excused for _, excused, _ in found), found


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("干细胞能治愈关节炎，没有任何风险。", "zh_Hans"),  # cures arthritis, without any risk
        ("干细胞能治愈关节炎，无风险。", "zh_Hans"),
        ("เซลล์รักษาหายขาดไม่มีความเสี่ยง", "th"),  # cures completely, no risk
        ("ເຊວປິ່ນປົວໃຫ້ຫາຍຂາດ ບໍ່ມີຄວາມສ່ຽງ", "lo"),
        ("完治します。副作用もありません。", "ja"),  # it cures; no side effects either
        ("Tế bào chữa khỏi bệnh, không rủi ro.", "vi"),
        ("ဆဲလ်များက ရောဂါကို ပျောက်ကင်းစေပြီး အန္တရာယ် မရှိပါ။", "my"),
    ],
)
def test_no_risk_after_a_cure_is_a_second_promise(sentence: str, lang: str) -> None:
    # "Cures, with no risk": the "no" of a safety promise the list did not hold denied
    # the cure before it, and the safety promise went unreported.
    found = judged(sentence, lang)
    assert len(found) == 2 and not any(excused for _, excused, _ in found), found


@pytest.mark.parametrize(
    ("sentence", "lang", "promise"),
    [
        # stem cells treat effectively (อย่างได้ผล) until cured completely
        ("เซลล์ต้นกำเนิดรักษาอย่างได้ผลจนหายขาด", "th", True),
        ("อย่างไรก็ตามเซลล์ของเรารักษาหายขาด", "th", True),  # however, our cells cure
        ("ເຊວຂອງພວກເຮົາປິ່ນປົວຢ່າງໄດ້ຜົນໃຫ້ຫາຍຂາດ", "lo", True),
        # the cells shown on the computer cure completely
        ("កោសិកាដែលបង្ហាញលើកុំព្យូទ័រព្យាបាលឱ្យជាដាច់។", "km", True),
        # cells send signals (สัญญาณ, not สัญญา "promise") that cure completely
        ("เซลล์ส่งสัญญาณที่ทำให้หายขาด", "th", True),
        ("เซลล์ส่งสัญญาณให้กระดูกอ่อนงอกใหม่", "th", True),
        ("ເຊວສົ່ງສັນຍານທີ່ເຮັດໃຫ້ຫາຍຂາດ", "lo", True),
        # the cited research (อ้างอิง, not อ้าง "claim") shows the cells cure completely
        ("งานวิจัยที่อ้างอิงแสดงว่าเซลล์รักษาหายขาด", "th", True),
        # avoid surgery and cure: a warning of surgery, not of the claim
        ("หลีกเลี่ยงการผ่าตัดด้วยเซลล์ที่ทำให้หายขาด", "th", True),
        ("干细胞可以避免手术并治愈关节炎。", "zh_Hans", True),
        ("Tế bào giúp tránh được phẫu thuật và chữa khỏi bệnh.", "vi", True),
        ("العلاج يساعد على تجنب الجراحة ويشفي المفاصل.", "ar", True),
        ("幹細胞の宣伝どおり関節炎が完治します。", "ja", True),  # cures, as advertised
        ("ระวังคลินิกที่สัญญาว่ารักษาหายขาด", "th", False),  # beware clinics that promise
        ("หลีกเลี่ยงคลินิกที่อ้างว่ารักษาหายขาด", "th", False),  # avoid clinics that claim
        ("避免相信声称干细胞能治愈关节炎的广告。", "zh_Hans", False),
        ("อย่าเชื่อคลินิกที่บอกว่ารักษาหายขาด", "th", False),  # don't believe clinics that say
        ("ຢ່າເຊື່ອຄລີນິກທີ່ບອກວ່າປິ່ນປົວໃຫ້ຫາຍຂາດ", "lo", False),
    ],
)
def test_a_word_that_holds_a_cue_warns_of_and_denies_nothing(
    sentence: str, lang: str, promise: bool
) -> None:
    # Thai อย่าง ("in a manner", "like") starts with อย่า ("don't"), Lao ຢ່າງ with ຢ່າ,
    # Khmer កុំព្យូទ័រ ("computer") with កុំ: read as negations, they excused the claim.
    # สัญญาณ ("signal", in every Thai MSC leaflet) holds สัญญา ("promise"), อ้างอิง
    # ("cite") อ้าง ("claim"), and avoiding surgery is the advert's promise, not a
    # warning: read as warnings, they excused the claim.
    found = judged(sentence, lang)
    assert any(not excused for _, excused, _ in found) == promise, found


@pytest.mark.parametrize(
    ("sentence", "lang", "promise"),
    [
        # watch for an allergy; stem cells cure completely
        ("ระวังอาการแพ้ เซลล์ต้นกำเนิดรักษาหายขาด", "th", True),
        # avoid fatty food; our treatment gives a guaranteed result
        ("หลีกเลี่ยงอาหารมัน การรักษาของเรารับประกันผล", "th", True),
        # a warning that points through a word of report at the list it reports
        ("ระวังคลินิกที่สัญญาว่าข้อเข่างอกใหม่ รักษาโรคให้หายขาด", "th", False),
        ("ระวังคลินิกที่โฆษณาว่า ไม่มีผลข้างเคียง", "th", False),
        # a warning that names what it warns of after a colon
        ("ความเชื่อผิด: เซลล์ต้นกำเนิดรักษาหายขาด", "th", False),
        # a warning in the claim's own phrase warns of it, across the spaces that set
        # off a quotation
        ("ระวังการรักษาที่รับประกันผล", "th", False),
        ("ควรระวังเรื่องเล่า “ปาฏิหาริย์” ของผู้ป่วยเพียงรายเดียว", "th", False),
        # Lao and Khmer end phrases with spaces too: watch for an allergy (for bleeding);
        # the cells cure completely
        ("ລະວັງອາການແພ້ ເຊວປິ່ນປົວໃຫ້ຫາຍຂາດ", "lo", True),
        ("ລະວັງຄລີນິກທີ່ສັນຍາວ່າ ປິ່ນປົວໃຫ້ຫາຍຂາດ", "lo", False),
        ("ប្រយ័ត្នការហូរឈាម កោសិកាព្យាបាលឱ្យជាដាច់", "km", True),
        ("ប្រយ័ត្នគ្លីនិកដែលសន្យាថា ព្យាបាលឱ្យជាដាច់", "km", False),
    ],
)
def test_a_warning_warns_of_its_own_phrase_or_what_it_reports(
    sentence: str, lang: str, promise: bool
) -> None:
    # A space ends a Thai phrase: "watch for an allergy" warned of the allergy, and the
    # promise in the next phrase was excused by it. A warning reaches past its phrase
    # only through a word that reports (claims, promises, advertises) or a colon.
    found = judged(sentence, lang)
    assert found, sentence
    assert any(not excused for _, excused, _ in found) == promise, found


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        # be careful of a clinic that promises to regrow tissue, reverse a disease or
        # cure you (the Lao of stromal-or-stem's warning, as a paragraph)
        (
            "ລະວັງຄລີນິກທີ່ສັນຍາວ່າ ຈະເຮັດໃຫ້ເນື້ອເຍື່ອງອກໃໝ່, ເຮັດໃຫ້ພະຍາດກັບຄືນດີ ຫຼື ປິ່ນປົວທ່ານໃຫ້ຫາຍຂາດ.",
            "lo",
        ),
        # … that promises youth, regrown tissue or a cure
        ("ລະວັງຄລີນິກທີ່ສັນຍາວ່າ ຈະໜຸ່ມຂຶ້ນ, ເນື້ອເຍື່ອງອກໃໝ່, ຫຼື ປິ່ນປົວໃຫ້ຫາຍຂາດ.", "lo"),
        ("ប្រយ័ត្នគ្លីនិកដែលសន្យាថា នឹងធ្វើឱ្យក្មេងឡើងវិញ, ធ្វើឱ្យជាលិកាដុះឡើងវិញ ឬព្យាបាលឱ្យជាដាច់។", "km"),
        ("ระวังคลินิกที่สัญญาว่า ย้อนวัย, ทำให้ข้อเข่างอกใหม่ หรือรักษาโรคให้หายขาด", "th"),
        # the same lists with spaces alone between the items before "or" (the Khmer of
        # stromal-or-stem's warning)
        (
            "សូមប្រយ័ត្នចំពោះគ្លីនិកដែលសន្យាថា នឹងធ្វើឱ្យជាលិកាដុះឡើងវិញ ធ្វើឱ្យជំងឺត្រឡប់វិញ ឬព្យាបាលអ្នកឱ្យជាសះស្បើយ។",
            "km",
        ),
        ("ລະວັງຄລີນິກທີ່ສັນຍາວ່າ ຈະໜຸ່ມຂຶ້ນ ເນື້ອເຍື່ອງອກໃໝ່ ຫຼື ປິ່ນປົວໃຫ້ຫາຍຂາດ.", "lo"),
        ("ระวังคลินิกที่สัญญาว่า ย้อนวัย ทำให้ข้อเข่างอกใหม่ หรือรักษาโรคให้หายขาด", "th"),
    ],
)
def test_a_word_of_report_reaches_every_item_of_a_list_set_off_by_commas(
    sentence: str, lang: str
) -> None:
    # A claim's sentence was its phrase and the one before, so in a list of three
    # promises the warning and its "promises that" fell out of the last item's reach:
    # a correct warning was reported as the leaflet's own promise of a cure. A comma
    # ends no sentence: the phrases it joins are one; and the item after "or" reaches
    # back over the items a space alone parts, to the "that" that opens the list.
    found = judged(sentence, lang)
    assert len(found) >= 2, found
    assert all(excused for _, excused, _ in found), found


@pytest.mark.parametrize(
    ("sentence", "lang", "promise"),
    [
        # the cells make cartilage grow (up, back) anew: a word between "grow" and "anew"
        ("ເຊວເຮັດໃຫ້ກະດູກອ່ອນງອກຄືນໃໝ່", "lo", True),
        ("ເຊວເຮັດໃຫ້ກະດູກອ່ອນງອກຂຶ້ນມາໃໝ່", "lo", True),
        ("เซลล์ทำให้กระดูกอ่อนงอกขึ้นใหม่", "th", True),
        ("เซลล์ทำให้กระดูกอ่อนงอกกลับมาใหม่", "th", True),
        ("កោសិកាធ្វើឱ្យឆ្អឹងខ្ចីដុះវិញ។", "km", True),  # grows back
        ("កោសិកាធ្វើឱ្យឆ្អឹងខ្ចីលូតលាស់ឡើងវិញ។", "km", True),  # grows again
        # … and denied: there is no evidence that they do; they do not
        ("ບໍ່ມີຫຼັກຖານວ່າເຊວເຮັດໃຫ້ກະດູກອ່ອນງອກຄືນໃໝ່", "lo", False),
        ("ไม่มีหลักฐานว่าเซลล์ทำให้กระดูกอ่อนงอกขึ้นใหม่", "th", False),
        ("កោសិកាមិនធ្វើឱ្យឆ្អឹងខ្ចីដុះវិញទេ។", "km", False),
    ],
)
def test_regrowth_is_found_with_a_word_before_anew(sentence: str, lang: str, promise: bool) -> None:
    # The lists held "grow anew" (งอกใหม่, ງອກໃໝ່) and "grow up again" (ដុះឡើងវិញ) only:
    # the same promise with "up", "back" or "up and out" between passed unreported.
    assert_judged(sentence, lang, promise)


@pytest.mark.parametrize(
    ("sentence", "promise"),
    [
        # stem cells treat diabetes to a full recovery: the illness between the verb and
        # its result, as ព្យាបាល…បានជាដាច់ already read it
        ("កោសិកាដើមព្យាបាលជំងឺទឹកនោមផ្អែមឱ្យជាសះស្បើយ។", True),
        ("កោសិកាដើមមិនព្យាបាលជំងឺទឹកនោមផ្អែមឱ្យជាសះស្បើយទេ។", False),  # … do not
        ("តើកោសិកាអាចព្យាបាលជំងឺរលាកសន្លាក់ឱ្យជាសះស្បើយបានទេ?", False),  # can they?
    ],
)
def test_a_khmer_cure_with_the_illness_between_treat_and_recovery(
    sentence: str, promise: bool
) -> None:
    # ព្យាបាលឱ្យជា was listed only written together; with the illness between, the
    # cure passed unreported.
    assert_judged(sentence, "km", promise)


def test_recovering_alone_is_no_khmer_cure() -> None:
    # "you will recover from this side effect in a few days" is care advice
    assert_judged("អ្នកនឹងជាសះស្បើយពីផលរំខាននេះក្នុងពីរបីថ្ងៃ។", "km", None)


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        # watch for an infection, a fever; the cells cure completely
        ("ລະວັງການຕິດເຊື້ອ, ໄຂ້, ເຊວປິ່ນປົວໃຫ້ຫາຍຂາດ.", "lo"),
        ("ប្រយ័ត្នការឆ្លងមេរោគ, គ្រុនក្តៅ, កោសិកាព្យាបាលឱ្យជាដាច់។", "km"),
        ("ระวังอาการแพ้, ไข้, เซลล์ต้นกำเนิดรักษาหายขาด", "th"),
        ("ระวังอาการแพ้, เซลล์ต้นกำเนิดรักษาหายขาด", "th"),
        # a list no "that" opens: watch for bleeding, fever; the cells ease pain or cure
        ("ប្រយ័ត្នការហូរឈាម គ្រុនក្តៅ កោសិកាបំបាត់ការឈឺចាប់ ឬព្យាបាលឱ្យជាដាច់។", "km"),
        ("ระวังอาการแพ้ ไข้ เซลล์ต้นกำเนิดลดปวด หรือรักษาหายขาด", "th"),
        # a sentence mark between the warning and the list
        ("ប្រយ័ត្នគ្លីនិកដែលសន្យាថាជាសះស្បើយ។ កោសិកាបំបាត់ការឈឺចាប់ ឬព្យាបាលឱ្យជាដាច់។", "km"),
    ],
)
def test_a_warning_without_a_report_stops_at_a_comma(sentence: str, lang: str) -> None:
    # Without a word of report a warning names only its own phrase, and a comma ends
    # that phrase as a space does: it warns of the infection, and the cure is promised.
    found = judged(sentence, lang)
    assert found, sentence
    assert any(not excused for _, excused, _ in found), found


@pytest.mark.parametrize(
    ("sentence", "lang", "phrases"),
    [
        # stem cells treat joint disease until it is cured completely, with no risk:
        # ICU's Lao dictionary reads ຂາດບໍ່ມີ as one word, so neither claim stood on a
        # word boundary, and both went unreported
        (
            "ເຊວຕົ້ນກຳເນີດປິ່ນປົວພະຍາດຂໍ້ໃຫ້ຫາຍຂາດບໍ່ມີຄວາມສ່ຽງ",
            "lo",
            ["ຫາຍຂາດ", "ບໍ່ມີຄວາມສ່ຽງ"],
        ),
        ("ປິ່ນປົວໃຫ້ຫາຍຂາດບໍ່ມີຜົນຂ້າງຄຽງ", "lo", ["ປິ່ນປົວໃຫ້ຫາຍ", "ບໍ່ມີຜົນຂ້າງຄຽງ"]),
        ("เซลล์รักษาหายขาดไม่มีผลข้างเคียง", "th", ["หายขาด", "ไม่มีผลข้างเคียง"]),
    ],
)
def test_a_promise_of_no_risk_is_found_whatever_word_the_segmenter_glues_it_to(
    sentence: str, lang: str, phrases: list[str]
) -> None:
    found = judged(sentence, lang)
    assert [(p, e) for p, e, _ in found] == [(p, False) for p in phrases], found


@pytest.mark.parametrize(
    ("sentence", "lang", "promise"),
    [
        # Thai, Lao and Khmer writers set a Latin name off with spaces: the space after
        # it is a word's, not a phrase's end, so the warning or the denial before the
        # name reaches the claim after it. Beware clinics that claim MSCs cure completely:
        ("ระวังคลินิกที่อ้างว่าเซลล์ MSC รักษาหายขาด", "th", False),
        ("ระวังคลินิกที่โฆษณาว่า stem cell รักษาหายขาด", "th", False),
        # there is no evidence that MSCs help cartilage regrow
        ("ไม่มีหลักฐานว่า MSC ช่วยให้กระดูกอ่อนงอกใหม่", "th", False),
        ("ລະວັງຄລີນິກທີ່ອ້າງວ່າເຊວ MSC ປິ່ນປົວໃຫ້ຫາຍ", "lo", False),
        ("ប្រយ័ត្នគ្លីនិកដែលសន្យាថា MSC ព្យាបាលឱ្យជាដាច់", "km", False),
        # The space before the name still ends a phrase: watch for an allergy; MSCs cure
        # completely. No surgery needed; MSCs cure completely.
        ("ระวังอาการแพ้ MSC รักษาหายขาด", "th", True),
        ("ไม่ต้องผ่าตัด MSC รักษาหายขาด", "th", True),
        ("ไม่ต้องผ่าตัด เซลล์ MSC รักษาหายขาด", "th", True),
        ("ລະວັງອາການແພ້ MSC ປິ່ນປົວໃຫ້ຫາຍຂາດ", "lo", True),
        ("ប្រយ័ត្នការហូរឈាម MSC ព្យាបាលឱ្យជាដាច់", "km", True),
        ("เซลล์ MSC รักษาหายขาด", "th", True),
    ],
)
def test_a_latin_name_set_off_by_spaces_ends_no_phrase(
    sentence: str, lang: str, promise: bool
) -> None:
    found = judged(sentence, lang)
    assert found, sentence
    assert any(not excused for _, excused, _ in found) == promise, found


@pytest.mark.parametrize(
    ("sentence", "lang", "promise"),
    [
        # A full-width comma after a finished clause ends it: the negation after it
        # denies the next clause, not the cure. Stem cells cure arthritis, it does not
        # hurt; curing disease is no dream; no surgery needed; no hospital stay needed.
        ("干细胞能治愈关节炎，不会疼痛。", "zh_Hans", True),
        ("干细胞可以根治疾病，不是梦想。", "zh_Hans", True),
        ("干细胞可以根治关节炎，无需手术。", "zh_Hans", True),
        ("幹細胞で完治します、手術は必要ありません。", "ja", True),
        ("幹細胞で関節炎が完治し、入院の必要はありません。", "ja", True),
        # A claim that is the topic before the comma is what the rest denies: that it
        # cures completely is not proven; the claim that stem cells cure arthritis has
        # no scientific basis; that the cells cure arthritis is not a fact.
        ("完治することは、証明されていません。", "ja", False),
        ("干细胞能根治关节炎的说法，没有科学依据。", "zh_Hans", False),
        # A verdict on what was said reaches past the comma: stem cells cure
        # arthritis — this has no scientific basis / is not true.
        ("干细胞能治愈关节炎，这并没有科学依据。", "zh_Hans", False),
        ("幹細胞で関節炎が完治する、という科学的根拠はありません。", "ja", False),
        ("这不是根治方法。", "zh_Hans", False),  # this is no cure
        # A warning of what was said reaches past it too: beware adverts that say it
        # cures completely; clinics that advertise it; this is false advertising.
        ("完治します、という広告に注意してください。", "ja", False),
        ("関節炎が完治する、とうたうクリニックに気をつけてください。", "ja", False),
        ("干细胞能根治关节炎，这是虚假宣传。", "zh_Hans", False),
        ("能根治关节炎，这类广告要小心。", "zh_Hans", False),
    ],
)
def test_a_full_width_comma_ends_the_clause_a_negation_denies(
    sentence: str, lang: str, promise: bool
) -> None:
    found = judged(sentence, lang)
    assert found, sentence
    assert any(not excused for _, excused, _ in found) == promise, found


@pytest.mark.parametrize(
    ("sentence", "promise"),
    [
        # تُعدّ / يُعدّ is "is considered" as often as تَعِد "promises": it warns only
        # with what it promises (بأن, أن, or a claim joined to ب). Stem cells are
        # considered a treatment that cures arthritis; stem-cell treatment is
        # considered a final cure for arthritis (with and without its vowels).
        ("تعد الخلايا الجذعية علاجا يشفي التهاب المفاصل.", True),
        ("تُعَدُّ الخلايا الجذعية علاجًا يشفي التهاب المفاصل.", True),
        ("يعد العلاج بالخلايا الجذعية علاجا نهائيا لالتهاب المفاصل.", True),
        ("يُعدّ العلاج بالخلايا الجذعية علاجًا نهائيًا لالتهاب المفاصل.", True),
        # the treatment guarantees recovery; a final recovery from arthritis
        ("العلاج يضمن الشفاء من التهاب المفاصل.", True),
        ("الخلايا الجذعية تضمن الشفاء من التهاب المفاصل.", True),
        ("الخلايا الجذعية شفاء نهائي لالتهاب المفاصل.", True),
        # beware clinics that promise a complete recovery / that the cells cure
        ("احذر العيادات التي تعد بالشفاء التام.", False),
        ("احذر العيادات التي تعد بأن الخلايا تشفي التهاب المفاصل.", False),
        ("تعد بعض العيادات بعلاج نهائي، وهذا غير صحيح.", False),
        # this is not a final cure; no one guarantees recovery; it will not cure
        ("هذا ليس علاجا نهائيا.", False),
        ("لا أحد يضمن الشفاء.", False),
        ("لن تشفي الخلايا التهاب المفاصل.", False),
    ],
)
def test_arabic_promise_verbs_are_read_in_their_sense(sentence: str, promise: bool) -> None:
    found = judged(sentence, "ar")
    assert found, sentence
    assert any(not excused for _, excused, _ in found) == promise, found


#: A Vietnamese promise written in decomposed (NFD) marks.
_NFD_CURE = unicodedata.normalize("NFD", "Tế bào gốc chữa khỏi bệnh khớp.")


@pytest.mark.parametrize(
    ("sentence", "promise"),
    [
        # Typed without tones (no Vietnamese keyboard), or in raw Telex keystrokes (the
        # keyboard switched off): stem cells cure joint disease completely; treat it
        # for good; no side effects; stem cells cure joint disease.
        ("Te bao goc chua khoi hoan toan benh khop.", True),
        ("Dieu tri dut diem benh khop.", True),
        ("Khong co tac dung phu.", True),
        ("Te bao goc chuwax khoir benh khop.", True),
        # no surgery needed, but stem cells cure the disease
        ("Khong can phau thuat nhung te bao goc chua khoi benh.", True),
        (_NFD_CURE, True),
        (_NFD_CURE.upper(), True),
        # Denied or warned of, without tones too: stem cells do not cure joint
        # disease; be careful with adverts that promise a complete cure.
        ("Te bao goc khong chua khoi benh khop.", False),
        ("Hay can than voi quang cao hua chua khoi benh.", False),
        # Written with tones, chưa khỏi is "not yet healed", no promise: if your joints
        # are not yet fully healed, see the doctor again.
        ("Nếu khớp của bạn chưa khỏi hoàn toàn, hãy tái khám.", None),
    ],
)
def test_a_vietnamese_promise_is_found_without_its_tones(
    sentence: str, promise: bool | None
) -> None:
    assert_judged(sentence, "vi", promise)


@pytest.mark.parametrize(
    ("lang", "first", "second"),
    [
        ("th", "การรักษานี้ไม่มี", "ผลข้างเคียง"),  # this treatment has no | side effects
        ("th", "เซลล์ช่วยให้กระดูกอ่อนงอก", "ใหม่"),  # the cells help cartilage regrow
        ("lo", "ການປິ່ນປົວນີ້ບໍ່ມີ", "ຄວາມສ່ຽງ"),  # this treatment has no | risk
    ],
)
def test_a_claim_folded_across_yaml_lines_is_found(
    make_project: Callable[..., Path], lang: str, first: str, second: str
) -> None:
    # A folded scalar joins its lines with a space, which the page prints: a Thai or
    # Lao reader still reads one phrase, and the check must too.
    from conftest import leaflet_yaml

    blocks = CLEAN + f"- paragraph: >-\n    {first}\n    {second}\n  id: folded\n"
    source = leaflet_yaml(blocks).replace("language: en", f"language: {lang}")
    root = make_project({"sample": source})
    issues = risky_claim(translated_context(root, {}, lang))
    assert [issue.subject[0] for issue in issues] == ["folded"], issues


@pytest.mark.parametrize(
    ("first", "second", "printed"),
    [
        ("Results are guaran-", "teed.", "guaran- teed"),  # a word broken at a line end
        ("Our cells regen-", "erate cartilage.", "regen- erate"),
        ("A mir-", "acle therapy.", "mir- acle"),
    ],
)
def test_a_claim_broken_by_a_hyphen_at_a_yaml_line_end_is_found_where_typed(
    make_project: Callable[..., Path], first: str, second: str, printed: str
) -> None:
    # Pasted from a PDF, a word broken at a line end keeps its hyphen: the fold prints
    # "guaran- teed", which its reader reads whole, and no claim matched it.
    blocks = CLEAN + f"- paragraph: {first}\n    {second}\n  id: broken\n"
    root = make_project({"sample": leaflet(blocks)})
    column = len("  - paragraph: ") + first.index(printed.split("-")[0]) + 1
    found = [f for f in findings_for(root, "CLAIM001") + findings_for(root, "CLAIM003")]
    assert [f.split(": ")[0] for f in found] == [f"20:{column}"], found
    assert f"“{printed}”" in found[0]


@pytest.mark.parametrize(
    "sentence",
    ["Both short- and long-term effects are listed.", "There is a pre- or post-operative step."],
)
def test_a_hyphen_before_a_word_of_its_own_joins_nothing(sentence: str) -> None:
    assert judged(sentence) == []


@pytest.mark.parametrize(
    ("locale", "intro", "items"),
    [
        # Stem cells cannot: cure arthritis; make cartilage regrow. The intro ends in
        # the full-width colon Chinese and Japanese write.
        ("zh_Hans", "干细胞不能：", ["根治关节炎", "让软骨重新长出"]),
        ("ja", "次のことは証明されていません：", ["関節炎の完治", "軟骨が再生すること"]),
        ("th", "เซลล์ต้นกำเนิดไม่สามารถ:", ["รักษาข้อเข่าเสื่อมให้หายขาด", "ทำให้กระดูกอ่อนงอกใหม่"]),
        # With no negation, the items promise: what stem-cell treatment gives:
        ("ja", "幹細胞治療の効果：", ["関節炎の完治", "軟骨が再生すること"]),
        ("th", "เซลล์ต้นกำเนิดช่วย:", ["รักษาข้อเข่าเสื่อมให้หายขาด", "ทำให้กระดูกอ่อนงอกใหม่"]),
    ],
)
def test_a_list_continues_its_introduction_through_any_colon(
    make_project: Callable[..., Path], locale: str, intro: str, items: list[str]
) -> None:
    # A negation in the introduction denies the items after its colon; Chinese and
    # Japanese write a full-width colon, and Thai runs the introduction on into the
    # item with no space (a space would end the phrase the negation governs).
    blocks = CLEAN + "- paragraph: 'The cells cannot do this:'\n  id: intro\n"
    blocks += "- list:\n    - Cure arthritis.\n    - Regrow cartilage.\n  id: items\n"
    root = make_project({"sample": leaflet(blocks)})
    source = translated_context(root, {}, "en").source
    contexts = [t.context for t in texts(source) if t.context.startswith("items")]
    translations = {"intro": intro, **dict(zip(contexts, items, strict=True))}
    issues = [i.message for i in risky_claim(translated_context(root, translations, locale))]
    promise = not any(word in intro for word in ("不能", "ません", "ไม่"))
    assert len(issues) == (2 if promise else 0), issues


@pytest.mark.parametrize(
    ("sentence", "promise"),
    [
        # و ("and") joined to the claim starts a clause of its own, as "and" does in
        # English: the treatment needs no surgery and cures the joints / and
        # guarantees recovery.
        ("العلاج لا يحتاج إلى جراحة ويشفي المفاصل.", True),
        ("العلاج لا يؤلم ويضمن الشفاء.", True),
        ("العلاج لا يحتاج إلى جراحة و يشفي المفاصل.", True),
        # … and does not cure the joints; there is no evidence that the cells cure
        ("العلاج لا يحتاج إلى جراحة ولا يشفي المفاصل.", False),
        ("لا يوجد دليل على أن الخلايا تشفي المفاصل.", False),
        ("ليس علاجا نهائيا ولا يشفي المفاصل.", False),
    ],
)
def test_an_arabic_and_ends_the_clause_a_negation_denies(sentence: str, promise: bool) -> None:
    found = judged(sentence, "ar")
    assert found, sentence
    assert any(not excused for _, excused, _ in found) == promise, found


@pytest.mark.parametrize(
    ("locale", "header", "cell", "promise"),
    [
        # A cell written as a sentence of its own does not continue its column header:
        # the header's "no" is about surgery, not about the cure the cell promises.
        ("en", "No surgery needed", "Our cells cure arthritis.", True),
        ("zh_Hans", "无需手术", "干细胞能治愈关节炎。", True),  # no surgery needed
        ("th", "ไม่ต้องผ่าตัด", "เซลล์รักษาหายขาด", True),  # no surgery needed
        # A header that reads on into its cells, by a colon or "…", or a cell that
        # starts in lower case, still denies what the cell says.
        ("en", "MSC therapy is not …", "a cure for arthritis", False),
        ("en", "MSC therapy is not", "a cure for arthritis", False),
        ("en", "The cells cannot:", "Cure arthritis.", False),
        ("zh_Hans", "干细胞不能：", "治愈关节炎", False),  # stem cells cannot: cure arthritis
        ("th", "เซลล์ต้นกำเนิดไม่สามารถ:", "รักษาให้หายขาด", False),  # cannot: cure completely
    ],
)
def test_a_table_cell_continues_its_header_only_when_it_reads_on(
    make_project: Callable[..., Path], locale: str, header: str, cell: str, promise: bool
) -> None:
    blocks = CLEAN + "- table:\n    header: [Topic, Fact]\n    rows:\n      - [Cells, Safe.]\n"
    blocks += "  id: facts\n"
    root = make_project({"sample": leaflet(blocks)})
    source = translated_context(root, {}, "en").source
    values = {t.context: t.value for t in texts(source) if t.context.startswith("facts")}
    by_value = {value: context for context, value in values.items()}
    translations = {by_value["Fact"]: header, by_value["Safe."]: cell}
    issues = [i.message for i in risky_claim(translated_context(root, translations, locale))]
    assert bool(issues) == promise, issues


@pytest.mark.parametrize(
    ("sentence", "lang", "promise"),
    [
        # A relief promised for ever, its two parts apart: the relief, then the
        # permanence (or the other way round), a few words between.
        ("Say goodbye to knee pain for good.", "en", True),
        ("Get rid of arthritis forever.", "en", True),
        ("Our stem cells free you from joint pain for ever.", "en", True),
        ("Stem cells permanently relieve knee pain.", "en", True),
        ("Get rid of knee pain and stiffness for good.", "en", True),
        ("The treatment does not free you from pain for ever.", "en", False),
        ("Be careful of clinics that say their cells get rid of pain forever.", "en", False),
        # treats your illness for good; get rid of the pain for ever; stem cells rid
        # you of knee pain for ever; the treatment does not rid you of the pain for
        # ever; beware clinics that claim to treat the disease for good
        ("تعالج مرضك نهائياً.", "ar", True),
        ("تخلص من الألم إلى الأبد.", "ar", True),
        ("الخلايا الجذعية تخلصك من آلام الركبة للأبد.", "ar", True),
        ("العلاج لا يخلصك من الألم إلى الأبد.", "ar", False),
        ("احذر العيادات التي تدعي أنها تعالج المرض نهائيا.", "ar", False),
        # freed from pain for ever; stem cells free you from knee pain for ever;
        # removes joint pain permanently; it does not free you from pain for ever
        ("痛みから永遠に解放されます。", "ja", True),
        ("幹細胞でひざの痛みから永遠に解放。", "ja", True),
        ("関節の痛みを永久に取り除きます。", "ja", True),
        ("痛みから永遠に解放されるわけではありません。", "ja", False),
        # get rid of pain for ever; stem cells rid you of joint pain permanently;
        # stem cells cannot rid you of pain for ever
        ("永远摆脱疼痛。", "zh_Hans", True),
        ("干细胞让您永久摆脱关节痛。", "zh_Hans", True),
        ("干细胞不能让您永远摆脱疼痛。", "zh_Hans", False),
        # the pain goes for good; say goodbye to knee pain for ever; stem cells do
        # not make the pain go for good
        ("หายปวดถาวร", "th", True),
        ("บอกลาอาการปวดเข่าตลอดไป", "th", True),
        ("เซลล์ต้นกำเนิดไม่ได้ทำให้หายปวดถาวร", "th", False),
        # stem cells free you from joint pain for ever; … do not free you …
        ("Tế bào gốc giúp bạn thoát khỏi đau khớp vĩnh viễn.", "vi", True),
        ("Chấm dứt cơn đau mãi mãi.", "vi", True),
        ("Tế bào gốc không giúp bạn thoát khỏi đau khớp vĩnh viễn.", "vi", False),
        # get rid of the pain for ever (Khmer, Lao); frees you from pain for ever
        # (Burmese), and the same denied
        ("បំបាត់ការឈឺចាប់ជារៀងរហូត", "km", True),
        ("កោសិកាដើមមិនបំបាត់ការឈឺចាប់ជារៀងរហូតទេ", "km", False),
        # ជាស្ថាពរ, "permanently", as ជាអចិន្ត្រៃយ៍: pain gone, recovered, for good
        ("កោសិកាដើមបំបាត់ការឈឺចាប់ជាស្ថាពរ។", "km", True),
        ("អ្នកនឹងជាសះស្បើយជាស្ថាពរ។", "km", True),
        ("កោសិកាដើមមិនបំបាត់ការឈឺចាប់ជាស្ថាពរទេ។", "km", False),
        ("ກຳຈັດອາການປວດຕະຫຼອດໄປ", "lo", True),
        ("ບໍ່ສາມາດກຳຈັດອາການປວດຕະຫຼອດໄປ", "lo", False),
        ("နာကျင်မှုမှ ထာဝရ လွတ်မြောက်စေသည်။", "my", True),
        ("နာကျင်မှုမှ ထာဝရ မလွတ်မြောက်စေနိုင်ပါ။", "my", False),
        # One part alone is no promise: final results of the study; the injection
        # does not hurt at all; your records are kept permanently; ice eases the pain,
        # keep this leaflet forever; some patients need the medicine for ever.
        ("Ice eases the pain; keep this leaflet forever.", "en", None),
        ("Exercise eases pain, but the damage stays forever.", "en", None),
        ("ستنشر النتائج النهائية للدراسة في عام 2027.", "ar", None),
        ("لا يؤلم الحقن نهائيا.", "ar", None),
        ("この記録は永久に保存されます。", "ja", None),
        ("我们会永久保存您的病历。", "zh_Hans", None),
        ("ผู้ป่วยบางคนต้องใช้ยาตลอดไป", "th", None),
        ("Hồ sơ chữa trị của bạn được lưu trữ vĩnh viễn.", "vi", None),
        ("ឯកសាររបស់អ្នកត្រូវបានរក្សាទុកជាអចិន្ត្រៃយ៍", "km", None),
        # "Or" offers two outcomes: the numbness may go away or may be permanent
        # (English, Thai); a negation after the verb: this scar may never fade
        # (Japanese); بشكل دائم is "constantly" too: the doctor treats patients
        # constantly.
        ("The numbness may ease or become permanent, so tell your doctor.", "en", None),
        ("อาการชาอาจหายไปหรืออาจเป็นถาวร", "th", None),
        ("この傷跡は永遠に消えない場合があります。", "ja", None),
        ("يعالج الطبيب المرضى بشكل دائم.", "ar", None),
        # The permanence is the damage's: injections may ease pain in joints
        # permanently damaged by arthritis.
        ("Injections may ease pain in joints permanently damaged by arthritis.", "en", None),
        # One part quoted, the other not: the advert's words end before "forever".
        ("The advert said “get rid of pain” forever.", "en", None),
        # farewell to knee pains for ever; bid joint pain farewell for ever; get rid
        # of knee pain for ever (said to a woman)
        ("وداعا لآلام الركبة إلى الأبد.", "ar", True),
        ("ودّع آلام المفاصل إلى الأبد.", "ar", True),
        ("تخلّصي من ألم الركبة للأبد.", "ar", True),
    ],
)
def test_a_promise_in_two_parts_is_found(sentence: str, lang: str, promise: bool | None) -> None:
    found = judged(sentence, lang)
    if promise is None:
        assert found == [], found
        return
    # A denial is read as one (found and excused), or, where the negation stands
    # between the two parts (Burmese မ joined to the verb), as no claim at all.
    assert found or not promise, sentence
    assert any(not excused for _, excused, _ in found) == promise, found


@pytest.mark.parametrize(
    ("sentence", "promise"),
    [
        # Arabic puts the verb before its subject: the treatment guarantees recovery;
        # stem cells guarantee recovery; no doctor guarantees recovery with stem cells.
        ("يضمن العلاج الشفاء.", True),
        ("تضمن الخلايا الجذعية الشفاء من التهاب المفاصل.", True),
        ("لا يضمن أي طبيب الشفاء بالخلايا الجذعية.", False),
        # يضمن alone is "ensures": the doctor ensures your safety during recovery.
        ("يضمن الطبيب سلامتك أثناء فترة الشفاء.", None),
        # تضمّن is also "included": the study included important results.
        ("تضمن البحث نتائج مهمة عن الخلايا.", None),
    ],
)
def test_an_arabic_verb_before_its_subject_still_guarantees(
    sentence: str, promise: bool | None
) -> None:
    assert_judged(sentence, "ar", promise)


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        # "Cannot" written after the verb: many patients can never get rid of joint
        # pain; arthritis cannot be cured at the root; stem cells cannot cure it.
        ("很多患者永远摆脱不了关节痛。", "zh_Hans"),
        ("关节炎根治不了。", "zh_Hans"),
        ("干细胞治愈不了关节炎。", "zh_Hans"),
        # Arthritis is hard to cure (the usual way to say it cannot be cured).
        ("关节炎很难治愈。", "zh_Hans"),
        ("关节炎难以根治。", "zh_Hans"),
        ("完治は難しいとされています。", "ja"),
        ("関節炎は完治が困難な病気です。", "ja"),
        ("関節炎は完治しにくい病気です。", "ja"),
        ("โรคนี้รักษาให้หายขาดได้ยาก", "th"),
        ("ພະຍາດຂໍ້ອັກເສບປິ່ນປົວໃຫ້ຫາຍຂາດໄດ້ຍາກ", "lo"),
        ("Bệnh khớp rất khó chữa khỏi.", "vi"),
        ("Arthritis is hard to cure.", "en"),
        ("Osteoarthritis is difficult to cure completely.", "en"),
        # It never cures completely; you are never freed from pain for ever.
        ("完治することはない。", "ja"),
        ("痛みから永遠に解放されることはない。", "ja"),
    ],
)
def test_a_cure_said_to_be_hard_or_impossible_is_no_promise(sentence: str, lang: str) -> None:
    found = judged(sentence, lang)
    assert all(excused for _, excused, _ in found), found


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        # Still promises: after the cure, follow-up visits cannot be avoided (免不了
        # holds 不了); patients who find walking hard are cured too (the hard thing is
        # not the cure); our cells cure arthritis that is hard to treat.
        ("治愈后免不了定期复查。", "zh_Hans"),
        ("Our cells cure arthritis that is hard to treat.", "en"),
        ("Bệnh nhân khó thở cũng được chữa khỏi.", "vi"),
    ],
)
def test_a_hard_thing_near_a_cure_still_lets_it_promise(sentence: str, lang: str) -> None:
    found = judged(sentence, lang)
    assert any(not excused for _, excused, _ in found), found


@pytest.mark.parametrize(
    ("sentence", "promise"),
    [
        # A promise that the illness never comes back, as every other list holds
        # (ไม่กลับมาเป็นซ้ำ, 不会复发, 再発しません): its "never" is no denial.
        ("Your arthritis will never come back.", True),
        ("The pain never returns.", True),
        ("With our cells, knee pain never comes back.", True),
        # Warned of or denied: nobody can promise that the pain will never come back.
        ("Nobody can promise that the pain will never come back.", False),
        ("We cannot say that arthritis never comes back.", False),
        # No illness in it: some patients never come back for their check-up.
        ("Some patients never come back for their check-up.", None),
    ],
)
def test_an_english_promise_that_the_illness_never_comes_back_is_found(
    sentence: str, promise: bool | None
) -> None:
    found = judged(sentence)
    if promise is None:
        assert found == [], found
        return
    assert found, sentence
    assert any(not excused for _, excused, _ in found) == promise, found


@pytest.mark.parametrize(
    ("sentence", "promise"),
    [
        # The verb before its subject: stem cells renew damaged cartilage; the
        # treatment rebuilds cartilage; stem cells bring back the growth of cartilage.
        ("تجدد الخلايا الجذعية الغضروف التالف.", True),
        ("يعيد العلاج بناء الغضروف.", True),
        ("تعيد الخلايا الجذعية نمو الغضروف.", True),
        # stem cells do not renew cartilage
        ("لا تجدد الخلايا الجذعية الغضروف.", False),
        # The doctor re-examines the joints after a month; renews the prescription;
        # see the doctor if pain in the cartilage comes back (تجدد, "comes back").
        ("يعيد الطبيب فحص المفاصل بعد شهر.", None),
        ("يجدد الطبيب الوصفة كل شهر.", None),
        ("راجع الطبيب عند تجدد الألم في الغضروف.", None),
    ],
)
def test_an_arabic_regrowth_with_the_verb_first_is_found(
    sentence: str, promise: bool | None
) -> None:
    assert_judged(sentence, "ar", promise)


@pytest.mark.parametrize(
    ("locale", "promise", "denial"),
    [
        # The translators' own words: get rid of the pain for ever, and the same
        # denied (it does not rid you of the pain for ever; cannot rid you of it).
        ("ar", "تخلص من الألم إلى الأبد.", "العلاج لا يخلصك من الألم إلى الأبد."),
        ("ja", "痛みから永遠に解放されます。", "痛みから永遠に解放されるわけではありません。"),
        ("zh_Hans", "永远摆脱疼痛。", "干细胞不能让您永远摆脱疼痛。"),
    ],
)
def test_a_two_part_promise_in_a_translation_is_found_in_its_block(
    make_project: Callable[..., Path], locale: str, promise: str, denial: str
) -> None:
    root = make_project({"sample": leaflet(CLEAN + "- paragraph: Cells send signals.\n  id: p\n")})
    issues = list(risky_claim(translated_context(root, {"p": promise}, locale)))
    assert len(issues) == 1 and issues[0].message.startswith(f"[{locale}] risky claim"), issues
    assert issues[0].subject == ("p", "cure"), issues  # what the block's waiver covers
    assert list(risky_claim(translated_context(root, {"p": denial}, locale))) == []


@pytest.mark.parametrize(
    ("sentence", "lang", "promise"),
    [
        # A word that holds the permanence itself: Thai ลาขาด ("part for good") with
        # the pain it parts from; English "pain-free forever"; Chinese 一劳永逸 ("once
        # and for all"): solve joint pain once and for all.
        ("ลาขาดจากอาการปวด", "th", True),
        ("ลาขาดจากอาการปวดเข่า", "th", True),
        ("Pain-free forever.", "en", True),
        ("Stay pain free for good with our cells.", "en", True),
        ("一劳永逸地解决关节痛。", "zh_Hans", True),
        # Denied: stem cells do not make you part from the pain for good; there is no
        # once-and-for-all treatment.
        ("เซลล์ต้นกำเนิดไม่ได้ทำให้ลาขาดจากอาการปวด", "th", False),
        ("关节炎没有一劳永逸的疗法。", "zh_Hans", False),
        # Advice: quit cigarettes for good.
        ("ลาขาดจากบุหรี่", "th", None),
    ],
)
def test_a_word_that_holds_its_own_permanence_promises(
    sentence: str, lang: str, promise: bool | None
) -> None:
    found = judged(sentence, lang)
    if promise is None:
        assert found == [], found
        return
    assert found or not promise, sentence
    assert any(not excused for _, excused, _ in found) == promise, found


@pytest.mark.parametrize(
    ("sentence", "lang", "promise"),
    [
        # A negation before a comma, colon or joined "and" denies another clause: no
        # surgery needed, (you) get rid of the pain for ever.
        ("无需手术，永远摆脱疼痛。", "zh_Hans", True),
        ("手術は必要ありません、痛みから永遠に解放されます。", "ja", True),
        ("No surgery needed: get rid of arthritis forever.", "en", True),
        ("Không cần phẫu thuật, thoát khỏi đau khớp vĩnh viễn.", "vi", True),
        ("ไม่ต้องผ่าตัด บอกลาอาการปวดเข่าตลอดไป", "th", True),
        ("العلاج لا يحتاج إلى جراحة ويخلصك من الألم نهائيا.", "ar", True),
        # A verdict past the comma reaches it: … this has no scientific basis; beware
        # adverts that say so.
        ("永远摆脱疼痛，这没有科学依据。", "zh_Hans", False),
        ("痛みから永遠に解放されます、という広告に注意してください。", "ja", False),
    ],
)
def test_a_two_part_promise_keeps_to_its_clause(sentence: str, lang: str, promise: bool) -> None:
    found = judged(sentence, lang)
    assert found, sentence
    assert any(not excused for _, excused, _ in found) == promise, found


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        # Recovery itself made permanent: recovered for ever (Khmer); knee disease
        # will heal for ever (Burmese: ပျောက်ကင်း alone, "heals", is only a warning);
        # recovered from the disease for ever after one injection (Vietnamese);
        # recovered from the pain for ever (Lao).
        ("ជាសះស្បើយជារៀងរហូត", "km"),
        ("ဒူးနာရောဂါ ထာဝရ ပျောက်ကင်းသွားမည်။", "my"),
        ("Khỏi bệnh vĩnh viễn chỉ sau một lần tiêm.", "vi"),
        ("ຫາຍຈາກອາການປວດຕະຫຼອດໄປ", "lo"),
    ],
)
def test_a_recovery_made_permanent_is_a_promise(sentence: str, lang: str) -> None:
    found = [
        m
        for m in find_claims(sentence, claim_list(lang), None)
        if m.claim.severity == "error" and not m.excused
    ]
    assert found, sentence


@pytest.mark.parametrize(
    ("sentence", "lang", "promise"),
    [
        # The permanence added after a comma, a dash or (Thai, Lao) a space, alone to
        # the end of its clause, is the same promise: frees you from pain, forever;
        # get rid of knee pain – for good; free from pain, for ever (Thai); say goodbye
        # to knee pain, for ever (Thai, Lao); rid of pain, for ever (Chinese);
        # free of joint pain, for ever (Vietnamese); get rid of the pain, for ever
        # (Arabic).
        ("It frees you from pain, forever.", "en", True),
        ("Get rid of knee pain – for good!", "en", True),
        ("ปลอดจากอาการปวด ตลอดไป", "th", True),
        ("ปลอดจากอาการปวดตลอดไป", "th", True),
        ("บอกลาอาการปวดเข่า ตลอดไป", "th", True),
        ("ກຳຈັດອາການປວດ ຕະຫຼອດໄປ", "lo", True),
        ("摆脱疼痛，永远。", "zh_Hans", True),
        ("Thoát khỏi đau khớp, vĩnh viễn.", "vi", True),
        ("تخلص من الألم، إلى الأبد.", "ar", True),
        # Denied, as without the comma: stem cells do not free you from pain, for ever.
        ("Stem cells do not free you from pain, forever.", "en", False),
        ("เซลล์ต้นกำเนิดไม่ได้ทำให้หายปวด ตลอดไป", "th", False),
        # A clause of its own after the comma, or a full stop or semicolon between:
        # no promise in two parts.
        ("Ice eases pain, permanently stopping sport is rarely needed.", "en", None),
        ("Ice eases the pain. Forever young is a song.", "en", None),
        ("Ice eases the pain; keep this leaflet forever.", "en", None),
        # The permanence said twice, as an afterthought too, is the same promise: get
        # rid of pain, forever and ever; for ever and always; forever and ever, free
        # from pain; for ever and for all time (Thai, Lao); for ever, for ever
        # (Chinese); for ever and eternally (Vietnamese).
        ("Get rid of pain, forever and ever.", "en", True),
        ("Get rid of pain, for ever and always!", "en", True),
        ("Forever and ever, free from pain.", "en", True),
        ("บอกลาอาการปวดเข่า ตลอดไปและตลอดกาล", "th", True),
        ("ກຳຈັດອາການປວດ ຕະຫຼອດໄປແລະຕະຫຼອດການ", "lo", True),
        ("摆脱疼痛，永远永远。", "zh_Hans", True),
        ("Thoát khỏi đau khớp, mãi mãi và vĩnh viễn.", "vi", True),
        # Still denied, and still no afterthought when a clause of its own follows:
        # stem cells do not free you from pain, forever and ever; ice eases pain,
        # forever and ever is a long time.
        ("Stem cells do not free you from pain, forever and ever.", "en", False),
        ("Ice eases pain, forever and ever is a long time.", "en", None),
    ],
)
def test_a_permanence_added_after_a_comma_is_the_same_promise(
    sentence: str, lang: str, promise: bool | None
) -> None:
    # A comma, or a Thai, Lao or Chinese pause, between the two parts hid the promise.
    found = judged(sentence, lang)
    if promise is None:
        assert found == [], found
        return
    assert found, sentence
    assert any(not excused for _, excused, _ in found) == promise, found


@pytest.mark.parametrize(
    ("sentence", "lang", "promise"),
    [
        # A negative subject compared with something boasts in every list that
        # denies before its claim, as "Nothing cures arthritis like our cells" does:
        # no therapy cures arthritis better than stem cells (Chinese 比…更, Japanese
        # より/ほど, Thai ดีกว่า, Arabic أفضل من); nothing cures arthritis like stem cells
        # (Chinese 像…一样, Arabic مثل).
        ("没有任何疗法比干细胞更能治愈关节炎。", "zh_Hans", True),
        ("没有什么能像干细胞一样治愈关节炎。", "zh_Hans", True),
        ("幹細胞ほど関節炎を完治させる治療はありません。", "ja", True),
        ("幹細胞より早く関節炎を完治させる方法はありません。", "ja", True),
        ("ไม่มีการรักษาใดรักษาข้อเข่าเสื่อมให้หายขาดได้ดีกว่าเซลล์ต้นกำเนิด", "th", True),
        ("لا يوجد علاج يشفي التهاب المفاصل أفضل من خلايانا.", "ar", True),
        ("لا شيء يشفي التهاب المفاصل مثل الخلايا الجذعية.", "ar", True),
        # Without a comparison, a denial: no therapy can cure arthritis.
        ("没有任何疗法能治愈关节炎。", "zh_Hans", False),
        ("関節炎を完治させる治療はありません。", "ja", False),
        ("ไม่มีการรักษาใดรักษาข้อเข่าเสื่อมให้หายขาดได้", "th", False),
        ("لا يوجد علاج يشفي التهاب المفاصل.", "ar", False),
        # A comparison under a denial that is no negative subject still denies: there
        # is no evidence that stem cells cure arthritis better than surgery.
        ("没有证据表明干细胞比手术更能治愈关节炎。", "zh_Hans", False),
        ("幹細胞が手術より関節炎を完治させるという証拠はありません。", "ja", False),
        ("ไม่มีหลักฐานว่าเซลล์ต้นกำเนิดรักษาให้หายขาดได้ดีกว่าการผ่าตัด", "th", False),
        ("لا يوجد دليل على أن الخلايا تشفي التهاب المفاصل أفضل من الجراحة.", "ar", False),
        # An honest comparison holds no cure or regrowth to boast of: no therapy is
        # safer than surgery; no treatment has no side effects, like any medicine.
        ("没有任何疗法比手术更安全。", "zh_Hans", None),
        ("没有任何疗法比手术更没有副作用。", "zh_Hans", False),
        ("No treatment has no side effects, like any medicine.", "en", False),
    ],
)
def test_a_negative_subject_compared_boasts_in_every_language(
    sentence: str, lang: str, promise: bool | None
) -> None:
    # Only the English list knew the boast: 没有任何疗法比干细胞更能治愈关节炎 read as a denial.
    assert_judged(sentence, lang, promise)


@pytest.mark.parametrize(
    ("sentence", "lang", "promise"),
    [
        # A negative subject denies what it does: nothing gets rid of arthritis for
        # ever; none of these treatments cures it; nobody can regrow cartilage; there
        # is no treatment that cures arthritis (Arabic ما من); there is no treatment
        # yet that cures this disease completely (Thai, Lao: ใด "any" goes on past
        # its space).
        ("Nothing gets rid of arthritis forever.", "en", False),
        ("None of these treatments cures arthritis.", "en", False),
        ("Nobody can regrow your cartilage.", "en", False),
        ("ما من علاج يشفي التهاب المفاصل.", "ar", False),
        ("ยังไม่มีการรักษาใด รักษาโรคนี้ให้หายขาดได้", "th", False),
        ("ຍັງບໍ່ມີການປິ່ນປົວໃດ ປິ່ນປົວພະຍາດນີ້ໃຫ້ຫາຍຂາດໄດ້", "lo", False),
        # A negative subject compared with something boasts: nothing cures arthritis
        # like our cells; nothing regrows cartilage better than MSCs; no other
        # treatment cures arthritis as well as ours; nothing but our cells can cure it.
        ("Nothing cures arthritis like our cells.", "en", True),
        ("Nothing regrows cartilage better than MSCs.", "en", True),
        ("No other treatment cures arthritis as well as ours.", "en", True),
        ("Nothing but our cells can cure arthritis.", "en", True),
        # "Nothing else", "no other": but one does.
        ("Nothing else regrows cartilage.", "en", True),
        ("No other clinic can guarantee results.", "en", True),
    ],
)
def test_a_negative_subject_denies_unless_it_boasts(
    sentence: str, lang: str, promise: bool
) -> None:
    # "Nothing", "none", "nobody" and ما من were no negations: an honest denial failed.
    assert_judged(sentence, lang, promise)


@pytest.mark.parametrize(
    ("sentence", "lang", "promise"),
    [
        # A noun the Latin name names goes on with it past the space: there is no
        # evidence that MSC cells cure knee osteoarthritis completely (Thai, Lao,
        # Khmer); … that PRP treatment regrows cartilage; beware clinics that claim
        # MSC cells cure completely.
        ("ไม่มีหลักฐานว่าเซลล์ MSC รักษาโรคข้อเข่าเสื่อมให้หายขาดได้", "th", False),
        ("ยังไม่มีหลักฐานว่าการรักษา PRP ทำให้กระดูกอ่อนงอกใหม่", "th", False),
        ("ระวังคลินิกที่อ้างว่าเซลล์ MSC รักษาหายขาด", "th", False),
        ("ບໍ່ມີຫຼັກຖານວ່າເຊວ MSC ປິ່ນປົວໃຫ້ຫາຍຂາດໄດ້", "lo", False),
        ("គ្មានភស្តុតាងថាកោសិកា MSC ព្យាបាលឱ្យជាដាច់ស្រឡះ", "km", False),
        # Any other word before the name ends its phrase: no surgery needed, MSCs
        # cure completely.
        ("ไม่ต้องผ่าตัด MSC รักษาหายขาด", "th", True),
        ("ไม่ต้องผ่าตัด เซลล์ MSC รักษาหายขาด", "th", True),
    ],
)
def test_a_noun_before_a_latin_name_goes_on_with_it(
    sentence: str, lang: str, promise: bool
) -> None:
    # The space between เซลล์ (cells) and MSC ended the phrase a denial governs.
    assert_judged(sentence, lang, promise)


@pytest.mark.parametrize(
    ("sentence", "severity"),
    [
        # Typed bare, "chua khoi" is chữa khỏi (cure) or chưa khỏi (not yet healed): a
        # patient not yet fully healed is no promise, so the bare form is a warning to
        # write the tones. Written with them, or in Telex keys (which carry the tone),
        # or in words no "not yet" spells, it is the promise.
        ("Benh nhan chua khoi hoan toan.", "warning"),
        ("Te bao goc chua khoi benh khop.", "warning"),
        ("Tế bào gốc chữa khỏi bệnh khớp.", "error"),
        ("Te bao goc chuwax khoir benh khop.", "error"),
        ("Dieu tri dut diem benh khop.", "error"),
        ("Te bao goc giup khoi han benh khop.", "error"),
    ],
)
def test_a_vietnamese_phrase_typed_bare_as_two_words_is_a_warning(
    sentence: str, severity: str
) -> None:
    found = [m for m in find_claims(sentence, claim_list("vi"), None) if not m.excused]
    assert [m.claim.severity for m in found] == [severity], found


def test_a_vietnamese_phrase_typed_bare_names_both_readings(
    make_project: Callable[..., Path],
) -> None:
    root = make_project({"sample": leaflet(CLEAN + "- paragraph: Cells send signals.\n  id: p\n")})
    ctx = translated_context(root, {"p": "Benh nhan chua khoi hoan toan."}, "vi")
    assert list(risky_claim(ctx)) == []
    issues = list(doubtful_wording(ctx))
    assert len(issues) == 1, issues
    assert "“chưa”" in issues[0].hint and "“chữa khỏi”" in issues[0].hint, issues


@pytest.mark.parametrize(
    ("sentence", "lang", "promise"),
    [
        # A rate of 100%, however it is worded: our success rate is 100%; effective in
        # 100% of patients; a success rate of 100% (Arabic, in its own digits); a
        # recovery rate of 100% (Arabic); the success rate is 100% (Chinese, Japanese,
        # Vietnamese); the efficacy rate reaches 100% (Chinese); 100% efficacy,
        # effective up to 100% (Thai).
        ("Our success rate is 100%.", "en", True),
        ("Success rate: 100%.", "en", True),
        ("The treatment is effective in 100% of patients.", "en", True),
        ("نسبة النجاح ١٠٠٪.", "ar", True),
        ("نسبة نجاح العلاج 100%.", "ar", True),
        ("معدل الشفاء 100%.", "ar", True),
        ("成功率为100%。", "zh_Hans", True),
        ("有效率达到百分之百。", "zh_Hans", True),
        ("成功率は100%です。", "ja", True),
        ("Tỷ lệ thành công là 100%.", "vi", True),
        ("ประสิทธิภาพ 100%", "th", True),
        ("ได้ผลถึง 100%", "th", True),
        # Denied: no clinic has a success rate of 100%.
        ("No clinic has a success rate of 100%.", "en", False),
        # A rate that is not 100%, or 100% of something else: the success rate was
        # 40% at 100 days; all (100%) of the dose is given in one infusion.
        ("The success rate was 40% at 100 days.", "en", None),
        ("All (100%) of the dose is given in one infusion.", "en", None),
    ],
)
def test_a_rate_of_a_hundred_per_cent_is_a_promise_however_worded(
    sentence: str, lang: str, promise: bool | None
) -> None:
    # Only "100% success" in that order was listed: "our success rate is 100%" and
    # نسبة النجاح ١٠٠٪ passed.
    assert_judged(sentence, lang, promise)


@pytest.mark.parametrize(
    ("sentence", "promise"),
    [
        # A word processor's hyphens (U+2010 hyphen, U+2011 non-breaking hyphen) print
        # as "-": no side-effects; a risk-free treatment; get rid of pain for-ever; our
        # miracle-cure cells; and a non-curative treatment is still no promise.
        ("No side\u2011effects.", True),
        ("A risk\u2010free treatment.", True),
        ("Get rid of pain for\u2011ever.", True),
        ("Our miracle\u2011cure cells ease knee pain.", True),
        ("MSC therapy is a non\u2011curative treatment.", False),
    ],
)
def test_a_claim_written_with_a_unicode_hyphen_is_read_as_with_a_hyphen(
    sentence: str, promise: bool
) -> None:
    # "No side‑effects" with a non-breaking hyphen matched no phrase: a space matched
    # only an ASCII hyphen.
    assert_judged(sentence, "en", promise)


@pytest.mark.parametrize(
    ("sentence", "lang", "promise"),
    [
        # A claim said to be unknown, unclear, unlikely or unshown, or asked in a
        # "whether" clause, is asserted by no one.
        ("Whether MSCs regrow cartilage is unknown.", "en", False),
        ("It is unclear whether MSCs regrow cartilage.", "en", False),
        ("It is uncertain if stem cells cure arthritis.", "en", False),
        ("There is little evidence that MSCs regrow cartilage.", "en", False),
        ("Studies have failed to show that MSCs regrow cartilage.", "en", False),
        ("MSCs are unlikely to regrow cartilage.", "en", False),
        ("Ask your doctor whether MSCs can regrow cartilage.", "en", False),
        # it is not yet clear whether stem cells can cure arthritis; whether stem
        # cells can cure arthritis is still unclear
        ("目前尚不清楚干细胞能否治愈关节炎。", "zh_Hans", False),
        ("干细胞能否治愈关节炎还不清楚。", "zh_Hans", False),
        # Still promises: the doubt is of something else, or in another sentence or
        # clause.
        ("Whether you are 30 or 70, our cells regrow cartilage.", "en", True),
        ("Unable to walk? Our cells regrow cartilage.", "en", True),
        ("Our cells never fail to cure arthritis.", "en", True),
        ("Our cells cure knee pain of unknown cause.", "en", True),
        ("无论年龄大小，干细胞都能治愈关节炎。", "zh_Hans", True),
        # the way stem cells cure arthritis is not yet clear (it still says they do)
        ("干细胞治愈关节炎的机制还不清楚。", "zh_Hans", True),
    ],
)
def test_a_claim_said_to_be_unknown_or_unlikely_is_no_promise(
    sentence: str, lang: str, promise: bool
) -> None:
    # "It is unclear whether MSCs regrow cartilage" was reported as a promise.
    assert_judged(sentence, lang, promise)


@pytest.mark.parametrize(
    ("sentence", "lang", "promise"),
    [
        # "Per cent" written as a word is the sign: this treatment is 100 per cent
        # effective or safe, in Thai, Chinese (百分之百, "a hundred parts of a
        # hundred"), Japanese, Arabic (in its own digits too), Vietnamese and English.
        ("การรักษานี้ได้ผล 100 เปอร์เซ็นต์", "th", True),
        ("การรักษานี้ปลอดภัย 100 เปอร์เซ็นต์", "th", True),
        ("这种疗法百分之百安全。", "zh_Hans", True),
        ("这种疗法百分百有效。", "zh_Hans", True),
        ("この治療は100パーセント安全です。", "ja", True),
        ("العلاج آمن ١٠٠ بالمئة.", "ar", True),
        ("العلاج آمن مئة بالمئة.", "ar", True),
        ("Phương pháp này an toàn 100 phần trăm.", "vi", True),
        ("It is one hundred percent safe.", "en", True),
        # Another number, in words too, is no claim: about 60 per cent of patients
        # felt less pain.
        ("About 60 percent of patients felt less pain.", "en", None),
        ("ผู้ป่วยประมาณ 60 เปอร์เซ็นต์ปวดน้อยลง", "th", None),
    ],
)
def test_per_cent_written_as_a_word_is_read_as_the_sign(
    sentence: str, lang: str, promise: bool | None
) -> None:
    # "ปลอดภัย 100 เปอร์เซ็นต์" and 百分之百安全 passed where "ปลอดภัย 100%" failed.
    assert_judged(sentence, lang, promise)


@pytest.mark.parametrize(
    ("sentence", "lang", "promise"),
    [
        # Honest advice: "for good" before a noun is "good" (treat your knees well for
        # good health; fix your posture for good sleep; ease into exercise for good
        # results); a habit given up for good (say goodbye to smoking for good; get rid
        # of cigarettes for ever; say goodbye to cigarettes for ever in Chinese, Thai
        # and Arabic; be rid of the craving to smoke for good; give up tobacco for
        # ever in Vietnamese).
        ("Treat your knees well for good health.", "en", None),
        ("Fix your posture for good sleep.", "en", None),
        ("Ease into exercise for good results.", "en", None),
        ("Say goodbye to smoking for good.", "en", None),
        ("Get rid of cigarettes forever.", "en", None),
        ("永远告别香烟。", "zh_Hans", None),
        ("彻底摆脱烟瘾。", "zh_Hans", None),
        ("บอกลาบุหรี่ตลอดไป", "th", None),
        ("ودع التدخين إلى الأبد.", "ar", None),
        ("Loại bỏ thuốc lá vĩnh viễn.", "vi", None),
        # Still promises: the pain or illness is what goes for good.
        ("Get rid of knee pain for good with our cells.", "en", True),
        ("Get rid of smoking-related pain forever.", "en", True),
        ("Say goodbye to arthritis for good.", "en", True),
        ("永远告别关节痛。", "zh_Hans", True),
        ("ودع آلام المفاصل إلى الأبد.", "ar", True),
    ],
)
def test_a_habit_given_up_for_good_is_advice_not_a_cure(
    sentence: str, lang: str, promise: bool | None
) -> None:
    # "Say goodbye to smoking for good" and "for good health" were reported as cures.
    assert_judged(sentence, lang, promise)


@pytest.mark.parametrize(
    ("sentence", "promise"),
    [
        # A word processor types the apostrophe of "don't" as ’ (U+2019), or ʼ: the
        # denial is the same.
        ("MSCs don’t cure arthritis.", False),
        ("A cure isn’t guaranteed.", False),
        ("Stem cells won’t regrow cartilage.", False),
        ("MSCs can\u02bct regrow cartilage.", False),
        # And a question that asserts is still one: isn't it time to regrow your
        # cartilage?
        ("Isn’t it time to regrow your cartilage?", True),
    ],
)
def test_a_curly_apostrophe_is_an_apostrophe(sentence: str, promise: bool) -> None:
    # "MSCs don’t cure arthritis", typed with smart quotes on, was a promise.
    assert_judged(sentence, "en", promise)


def test_a_curly_single_quotation_still_quotes() -> None:
    assert [q for _, _, q in judged("The advert said ‘our cells cure arthritis’.")] == [True]


@pytest.mark.parametrize(
    ("locale", "header", "cell", "promise"),
    [
        # A column headed by a warning label lists what it warns of: a "Myth" column
        # of a myth-and-fact table; what some clinics claim; false advertising
        # (Chinese); misconception (Thai).
        ("en", "Myth", "Stem cells regrow cartilage.", False),
        ("en", "What some clinics claim", "Stem cells cure arthritis.", False),
        ("zh_Hans", "虚假宣传", "干细胞能治愈关节炎。", False),
        ("th", "ความเชื่อผิด", "เซลล์รักษาหายขาด", False),
        # A header in the leaflet's own voice, or one that points at something else,
        # labels nothing: what we promise; avoid surgery.
        ("en", "What we promise", "Our cells cure arthritis.", True),
        ("en", "Avoid surgery", "Our cells cure arthritis.", True),
    ],
)
def test_a_column_headed_by_a_warning_label_warns_of_its_cells(
    make_project: Callable[..., Path], locale: str, header: str, cell: str, promise: bool
) -> None:
    # The "Myth" column of a myth-and-fact table was reported cell by cell.
    blocks = CLEAN + "- table:\n    header: [Topic, Fact]\n    rows:\n      - [Cells, Safe.]\n"
    blocks += "  id: facts\n"
    root = make_project({"sample": leaflet(blocks)})
    source = translated_context(root, {}, "en").source
    values = {t.context: t.value for t in texts(source) if t.context.startswith("facts")}
    by_value = {value: context for context, value in values.items()}
    translations = {by_value["Fact"]: header, by_value["Safe."]: cell}
    issues = [i.message for i in risky_claim(translated_context(root, translations, locale))]
    assert bool(issues) == promise, issues


@pytest.mark.parametrize(
    ("title", "promise"),
    [
        # A box titled with a warning label holds what it warns of: myth; what some
        # clinics claim.
        ("Myth", False),
        ("What some clinics claim", False),
        # A title in the leaflet's own voice labels nothing: what we promise.
        ("What we promise", True),
    ],
)
def test_a_callout_titled_with_a_warning_label_warns_of_its_text(
    make_project: Callable[..., Path], title: str, promise: bool
) -> None:
    # A "Myth" box stating the myth was reported as the leaflet's promise.
    blocks = CLEAN + (
        f"- callout: Stem cells regrow cartilage.\n  kind: plain-terms\n  title: {title}\n"
        "  id: box\n"
    )
    root = make_project({"sample": leaflet(blocks)})
    issues = [i.message for i in risky_claim(translated_context(root, {}, "en"))]
    assert bool(issues) == promise, issues


@pytest.mark.parametrize("heading", ["Warning signs", "Reading a clinic's claims", "Common myths"])
def test_a_heading_excuses_no_promise_in_its_section(
    make_project: Callable[..., Path], heading: str
) -> None:
    # A heading reaches nothing: under the bundled library's own "Warning signs" or
    # "Reading a clinic's claims", a plain promise reached print unreported when a
    # warning-label heading excused its whole section. A myth list is introduced by a
    # colon, or waived once, pinned to its sentence.
    blocks = CLEAN + (
        f"- heading: {heading}\n  id: section\n"
        "- paragraph: MSC therapy cures knee arthritis.\n  id: promise\n"
    )
    root = make_project({"sample": leaflet(blocks)})
    issues = [i.message for i in risky_claim(translated_context(root, {}, "en"))]
    assert issues, heading


def test_a_self_published_source_whose_title_promises_is_a_warning(
    make_project: Callable[..., Path],
) -> None:
    # A reference title quotes the literature: "Can stem cells cure arthritis?" in a
    # journal is a citation, not the leaflet's promise. A "source" with no journal, DOI
    # or PMID (a clinic's own page, a brochure) whose title promises a cure is an
    # advertisement the leaflet lends its voice to.
    from conftest import leaflet_yaml

    refs = (
        "references:\n"
        "  - key: alpha2001\n"
        "    authors: [Alpha A]\n"
        "    title: Stem cells cure knee arthritis\n"
        "    journal: J Test\n"
        "    year: 2001\n"
        '    volume: "1"\n'
        "    pages: 3-4\n"
        "  - key: clinic2024\n"
        "    authors: [Sunrise Clinic]\n"
        "    title: >-\n"
        "      Our stem cells\n"
        "      cure knee arthritis\n"
        "    year: 2024\n"
        "    url: https://example.org/cure\n"
    )
    body = "- paragraph: See [@clinic2024].\n"
    root = make_project({"sample": leaflet_yaml(CLEAN + body, references=refs)})
    path = root / "leaflets" / "sample.yaml"
    line = path.read_text("utf-8").splitlines().index("      cure knee arthritis") + 1
    expected = [
        f"{line}:7: warning: the title of 'clinic2024', a source with no journal, DOI or "
        "PMID, promises “cure”",
        # … and its address, printed in the list in words (tests/test_checks_printed_addresses.py)
        f"{line + 2}:30: warning: the web address of 'clinic2024', a source with no "
        "journal, DOI or PMID, promises “cure”",
    ]
    assert findings_for(root, "CLAIM005") == expected
    # The same file saved with Windows line ends: the same place.
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert findings_for(root, "CLAIM005") == expected
    assert findings_for(root, "CLAIM001") == []


@pytest.mark.parametrize(
    ("sentence", "lang", "claim"),
    [
        # A mark typed on a letter of an English word prints as the word with an accent,
        # which a reader reads as the word: stem cells cure arthritis.
        ("Stem cells cu\u0307re arthritis.", "en", "cu\u0307re"),
        ("Stem cells cu\u0301re arthritis.", "en", "cúre"),  # u + U+0301, made ú by NFC
        ("Stem cells cúre arthritis.", "en", "cúre"),
        ("Stem cells cure\u0308 arthritis.", "en", "curë"),
        # A Latin mark has no place on a Thai or Lao letter: this treatment cures for good.
        ("การรักษานี้ทำให้หา\u0301ยขาด", "th", "หา\u0301ยขาด"),
        ("การรักษานี้ทำให้หายขา\u0307ด", "th", "หายขา\u0307ด"),
        ("ການປິ່ນປົວນີ້ຫາ\u0301ຍຂາດ", "lo", "ຫາ\u0301ຍຂາດ"),
        # Nor a mark of another script: a Khmer sign, an Arabic fatha, a Devanagari nukta.
        ("การรักษานี้ทำให้หา\u17c9ยขาด", "th", "หา\u17c9ยขาด"),
        ("การรักษานี้ทำให้หายข\u064eาด", "th", "หายข\u064eาด"),
        ("Stem cells cu\u093cre arthritis.", "en", "cu\u093cre"),
    ],
)
def test_a_stray_mark_hides_no_promise(sentence: str, lang: str, claim: str) -> None:
    """The page prints the word with a mark over a letter; the claim check read another
    word and found nothing. The finding still stands at the words as typed."""
    found = judged(sentence, lang)
    assert [(unicodedata.normalize("NFC", c), excused) for c, excused, _ in found] == [
        (unicodedata.normalize("NFC", claim), False)
    ]


def test_a_vietnamese_tone_still_tells_words_apart() -> None:
    """Vietnamese marks make other words: chưa khỏi (not yet healed) is no chữa khỏi."""
    assert_judged("Nếu khớp của bạn chưa khỏi hoàn toàn, hãy tái khám.", "vi", None)


@pytest.mark.parametrize(
    ("sentence", "promise"),
    [
        # Promises a clinic's advertising makes in Vietnamese: regenerates the knee,
        # works for everyone, without any side effect, young again, cures at the root,
        # blows the pain away for ever, clinically proven (a warning, as "proven").
        ("Tế bào gốc tái tạo khớp gối bị tổn thương.", True),
        ("Phương pháp này hiệu quả với tất cả mọi người.", True),
        ("Liệu pháp này hiệu quả cho mọi người.", True),
        ("Liệu pháp an toàn, không có bất kỳ tác dụng phụ nào.", True),
        ("Tiêm tế bào gốc không gây tác dụng phụ.", True),
        ("Giúp bạn trẻ lại 10 tuổi.", True),
        ("Tế bào gốc giúp đẩy lùi lão hóa.", True),
        ("Chữa tận gốc bệnh thoái hóa khớp.", True),
        ("Đánh bay cơn đau khớp mãi mãi.", True),
        ("Liệu pháp đã được chứng minh lâm sàng.", True),
        ("Không chỉ chữa khỏi đau khớp mà còn làm trẻ hóa cơ thể.", True),
        # Honest sentences: denials, a warning, side effects named, a child, a cause
        # found at its root, the name of the field.
        ("Tế bào gốc không thể tái tạo khớp gối.", False),
        ("Chưa có nghiên cứu nào cho thấy tế bào gốc giúp bạn trẻ lại.", False),
        ("Không có phương pháp nào hiệu quả với tất cả mọi người.", False),
        ("Hãy cẩn thận với quảng cáo hứa chữa tận gốc bệnh khớp.", False),
        ("Sau khi tiêm, bạn có thể bị tác dụng phụ như sốt hoặc đau.", None),
        ("Trẻ em dưới 18 tuổi không được điều trị bằng tế bào gốc.", None),
        ("Bác sĩ sẽ tìm nguyên nhân tận gốc của cơn đau.", None),
        ("Y học tái tạo là một lĩnh vực nghiên cứu mới.", None),
    ],
)
def test_vietnamese_advertising_promises_are_found(sentence: str, promise: bool | None) -> None:
    """A checker writes what a clinic's marketing says in Vietnamese: each is reported,
    and the honest sentences beside them are not."""
    assert_judged(sentence, "vi", promise)


@pytest.mark.parametrize(
    ("sentence", "promise"),
    [
        # Promises a clinic's advertising makes in Chinese: cartilage grows again, works
        # for everyone, money back if it fails, no side effect at all, ten years younger,
        # joints as good as new, the illness gone once the medicine comes, damaged organs
        # regenerated, clinically confirmed (a warning, as "proven").
        ("干细胞疗法让软骨重新生长。", True),
        ("本疗法对所有人都有效。", True),
        ("人人有效。", True),
        ("疗效确切，无效退款。", True),
        ("安全无痛，无任何副作用。", True),
        ("让您年轻十岁。", True),
        ("帮您重返青春。", True),
        ("干细胞能让关节恢复如初。", True),
        ("药到病除。", True),
        ("干细胞能再生受损的器官。", True),
        ("本疗法经临床证实有效。", True),
        # Honest sentences: denials, a question, a warning, side effects named, the name
        # of the field, a trial under way.
        ("目前没有研究证明干细胞能让软骨重新生长。", False),
        ("干细胞疗法并非对所有人都有效。", False),
        ("干细胞能让关节恢复如初吗？", False),
        ("警惕声称能让您年轻十岁的广告。", False),
        ("治疗可能有副作用，例如发热。", None),
        ("再生医学是一个新的研究领域。", None),
        ("临床试验仍在进行中。", None),
    ],
)
def test_chinese_advertising_promises_are_found(sentence: str, promise: bool | None) -> None:
    """A checker writes what a clinic's marketing says in Chinese: each is reported, and
    the honest sentences beside them are not."""
    assert_judged(sentence, "zh_Hans", promise)


@pytest.mark.parametrize(
    ("sentence", "promise"),
    [
        # 尚未 "not yet", 并未 "did not", 未能 "failed to", 从未 "never", 未经 "without
        # being", 不一定 "not necessarily": honest leaflets say so of a cure.
        ("目前尚未证明干细胞能治愈关节炎。", False),
        ("研究并未发现干细胞能让软骨再生。", False),
        ("在试验中，干细胞未能治愈关节炎。", False),
        ("干细胞从未治愈过关节炎。", False),
        ("这种说法未经临床证实。", False),
        ("干细胞不一定能治愈关节炎。", False),
        # The denial reaches its own clause only.
        ("尚未用于儿童，干细胞能治愈关节炎。", True),
    ],
)
def test_chinese_not_yet_and_never_deny(sentence: str, promise: bool) -> None:
    """'It has not yet been shown that stem cells cure arthritis' was reported as a
    promise: the Chinese list knew 没有 and 不能 but no negation written with 未."""
    assert_judged(sentence, "zh_Hans", promise)


@pytest.mark.parametrize(
    ("sentence", "promise"),
    [
        # Promises a clinic's advertising makes in Japanese: works for anyone, not a
        # worry of side effects at all, zero risk, a dream treatment, ten years younger,
        # the pain never comes back, joints as they were, freed from pain for life,
        # clinically proven (a warning, as "proven").
        ("どなたにも効果があります。", True),
        ("誰にでも効きます。", True),
        ("副作用の心配は一切ありません。", True),
        ("リスクゼロの治療です。", True),
        ("画期的な夢の治療法です。", True),
        ("10歳若く見えるようになります。", True),
        ("痛みが二度と戻りません。", True),
        ("関節が元通りになります。", True),
        ("一度の治療で一生痛みから解放されます。", True),
        ("臨床的に証明された治療です。", True),
        # Honest sentences: denials, a warning, side effects named, life back to normal,
        # a medicine taken for life, cartilage once lost.
        ("幹細胞で関節が元通りになるわけではありません。", False),
        ("臨床的に証明されていません。", False),
        ("「夢の治療」と宣伝するクリニックに注意してください。", False),
        ("発熱などの副作用が出ることがあります。", None),
        ("元通りの生活に戻るには時間がかかります。", None),
        ("一生、薬を飲み続ける必要があります。", None),
        ("一度すり減った軟骨は二度と元に戻りません。", None),
    ],
)
def test_japanese_advertising_promises_are_found(sentence: str, promise: bool | None) -> None:
    """A checker writes what a clinic's marketing says in Japanese: each is reported,
    and the honest sentences beside them are not."""
    assert_judged(sentence, "ja", promise)


@pytest.mark.parametrize(
    ("sentence", "promise"),
    [
        # Promises a clinic's advertising makes in Arabic: effective for all patients,
        # works with everyone, gives you back your youth, without any risk, renews
        # damaged organs, scientifically proven (a warning, as "proven").
        ("علاج فعال لجميع المرضى.", True),
        ("ينجح العلاج مع الجميع.", True),
        ("علاج ثوري يعيد لك شبابك.", True),
        ("الخلايا الجذعية تعيد الشباب إلى بشرتك.", True),
        ("العلاج بدون أي مخاطر.", True),
        ("حقن آمن وخال من المخاطر.", True),
        ("تجدد الخلايا الأعضاء التالفة.", True),
        ("علاج مثبت علميا.", True),
        # Honest sentences: denials, a warning, risks named, pain that comes back.
        ("لا يوجد علاج فعال لجميع المرضى.", False),
        ("لم يثبت أن الخلايا الجذعية تعيد الشباب.", False),
        ("هذا العلاج غير مثبت علميا.", False),
        ("احذر من الإعلانات التي تعد بعلاج بدون أي مخاطر.", False),
        ("قد يسبب العلاج بعض المخاطر مثل العدوى.", None),
        ("تجدد الألم بعد الحقن أمر شائع.", None),
        ("يتابع الطبيب جميع المرضى بعد الحقن.", None),
    ],
)
def test_arabic_advertising_promises_are_found(sentence: str, promise: bool | None) -> None:
    """A checker writes what a clinic's marketing says in Arabic: each is reported, and
    the honest sentences beside them are not."""
    assert_judged(sentence, "ar", promise)


@pytest.mark.parametrize(
    ("sentence", "promise"),
    [
        # Promises a clinic's advertising makes in Burmese: makes cartilage regenerate,
        # effective for everyone, success a full hundred per cent, no side effect at all,
        # ten years younger, scientifically proven (a warning, as "proven").
        ("ပင်မဆဲလ်များသည် အရိုးနုကို ပြန်လည်ရှင်သန်စေသည်။", True),
        ("ဤကုထုံးသည် လူတိုင်းအတွက် ထိရောက်ပါသည်။", True),
        ("အောင်မြင်မှု ရာနှုန်းပြည့် ဖြစ်သည်။", True),
        ("ဘေးထွက်ဆိုးကျိုး ဘာမှ မရှိပါ။", True),
        ("အသက် ၁၀ နှစ် ပိုငယ်စေပါသည်။", True),
        ("ဤကုထုံးကို သိပ္ပံနည်းကျ သက်သေပြပြီး ဖြစ်သည်။", True),
        # Honest sentences: denials, side effects named, the name of the field.
        ("ပင်မဆဲလ်များသည် အရိုးနုကို ပြန်လည်ရှင်သန်စေကြောင်း သက်သေ မရှိပါ။", False),
        ("ဤကုထုံးသည် လူတိုင်းအတွက် ထိရောက်သည် မဟုတ်ပါ။", False),
        ("လူတိုင်းအတွက် ထိရောက်မှု မရှိပါ။", None),
        ("ဘေးထွက်ဆိုးကျိုးများ ရှိနိုင်ပါသည်။", None),
        ("ပြန်လည်ရှင်သန်ရေး ဆေးပညာသည် သုတေသန နယ်ပယ်တစ်ခု ဖြစ်သည်။", None),
    ],
)
def test_burmese_advertising_promises_are_found(sentence: str, promise: bool | None) -> None:
    """A checker writes what a clinic's marketing says in Burmese: each is reported, and
    the honest sentences beside them are not."""
    assert_judged(sentence, "my", promise)


@pytest.mark.parametrize(
    ("sentence", "promise"),
    [
        # Promises a clinic's advertising makes in Khmer: effective for everyone, younger
        # than before, no longer hurts for ever, new organs, confirmed by science (a
        # warning, as "proven").
        ("មានប្រសិទ្ធភាពសម្រាប់មនុស្សគ្រប់គ្នា។", True),
        ("ធ្វើឱ្យអ្នកមើលទៅក្មេងជាងមុន ១០ ឆ្នាំ។", True),
        ("លែងឈឺជង្គង់ជារៀងរហូត។", True),
        ("កោសិកាដើមបង្កើតសរីរាង្គថ្មី។", True),
        ("ការព្យាបាលនេះបានបញ្ជាក់ដោយវិទ្យាសាស្ត្រ។", True),
        # Honest sentences: denials, side effects named, pain that eases.
        ("មិនមានការព្យាបាលណាមួយមានប្រសិទ្ធភាពសម្រាប់មនុស្សគ្រប់គ្នាទេ។", False),
        ("មិនទាន់បានបញ្ជាក់ដោយវិទ្យាសាស្ត្រទេ។", False),
        ("អាចមានផលរំខានដូចជាគ្រុនក្តៅ។", None),
        ("ការឈឺចាប់អាចថយចុះបន្តិចម្តងៗ។", None),
    ],
)
def test_khmer_advertising_promises_are_found(sentence: str, promise: bool | None) -> None:
    """A checker writes what a clinic's marketing says in Khmer: each is reported, and
    the honest sentences beside them are not."""
    assert_judged(sentence, "km", promise)


@pytest.mark.parametrize(
    ("sentence", "promise"),
    [
        # Promises a clinic's advertising makes in Lao: works for everyone, turns back
        # the years, younger, scientifically proven (a warning, as "proven").
        ("ການປິ່ນປົວນີ້ໄດ້ຜົນກັບທຸກຄົນ.", True),
        ("ເຊວຕົ້ນກຳເນີດຊ່ວຍຍ້ອນໄວ.", True),
        ("ເຮັດໃຫ້ໜຸ່ມຂຶ້ນ 10 ປີ.", True),
        ("ການປິ່ນປົວນີ້ພິສູດແລ້ວທາງວິທະຍາສາດ.", True),
        # Honest sentences: denials, side effects named, a child's age.
        ("ບໍ່ມີການປິ່ນປົວໃດໄດ້ຜົນກັບທຸກຄົນ.", False),
        ("ຍັງບໍ່ໄດ້ພິສູດທາງວິທະຍາສາດ.", False),
        ("ອາດມີຜົນຂ້າງຄຽງ ເຊັ່ນ ໄຂ້.", None),
        ("ເດັກອາຍຸຕ່ຳກວ່າ 18 ປີ ບໍ່ຄວນຮັບການປິ່ນປົວນີ້.", None),
    ],
)
def test_lao_advertising_promises_are_found(sentence: str, promise: bool | None) -> None:
    """A checker writes what a clinic's marketing says in Lao: each is reported, and the
    honest sentences beside them are not."""
    assert_judged(sentence, "lo", promise)


@pytest.mark.parametrize(
    ("sentence", "lang", "promise"),
    [
        # 治療 is "treatment": "be sure to continue the treatment" and "until the
        # treatment is fully over" are instructions, not 必ず治る / 完全に治る.
        ("必ず治療を続けてください。", "ja", None),
        ("医師の指示どおり、必ず治療を受けてください。", "ja", None),
        ("完全に治療が終わるまで通院してください。", "ja", None),
        ("必ず治験の説明を読んでください。", "ja", None),
        ("必ず治ります。", "ja", True),
        ("完全に治ります。", "ja", True),
        ("必ず治癒します。", "ja", True),
        # 包治疗: "includes the treatment" (本套餐包治疗和检查), not 包治 "cures all".
        ("本套餐包治疗和检查。", "zh_Hans", None),
        ("包治百病。", "zh_Hans", True),
    ],
)
def test_a_word_for_treatment_is_no_cure(sentence: str, lang: str, promise: bool | None) -> None:
    """'Be sure to continue the treatment' was an error (CLAIM001): 必ず治 matched the
    start of 必ず治療."""
    assert_judged(sentence, lang, promise)


@pytest.mark.parametrize(
    ("sentence", "promise"),
    [
        # Surely, absolutely cures; surely gets better; effective for 100% of people;
        # stops ageing; the pain goes and never comes back.
        ("絶対に治ります。", True),
        ("確実に治ります。", True),
        ("必ず良くなります。", True),
        ("100%の方に効果があります。", True),
        ("すべての方に効果があります。", True),
        ("幹細胞が老化を止めます。", True),
        ("痛みが消えて二度と戻りません。", True),
        # Instructions and denials.
        ("確実に治療を続けてください。", None),
        ("老化を止めることはできません。", False),
        ("すべての方に効果があるわけではありません。", False),
    ],
)
def test_japanese_certainty_and_everyone_are_promises(sentence: str, promise: bool | None) -> None:
    """More of a Japanese advert's phrasings: each is reported, the honest ones not."""
    assert_judged(sentence, "ja", promise)


@pytest.mark.parametrize(
    ("sentence", "promise"),
    [
        # No more pain, for ever; surely cured; cured 100%; a guaranteed cure; "ko", the
        # way a chat or a poster writes không.
        ("Không còn đau nữa, mãi mãi.", True),
        ("Không còn đau khớp vĩnh viễn.", True),
        ("Chắc chắn khỏi bệnh.", True),
        ("Khỏi bệnh 100%.", True),
        ("Bảo đảm khỏi bệnh.", True),
        ("Ko có tác dụng phụ.", True),
        # Honest: pain that may stay, a question, a denial.
        ("Nếu vẫn còn đau sau 2 tuần, hãy gọi cho phòng khám.", None),
        ("Không ai có thể chắc chắn khỏi bệnh.", False),
        ("Tôi có chắc chắn khỏi bệnh không?", False),
        ("Tế bào gốc ko chữa khỏi bệnh khớp.", False),
        ("Ko chỉ giảm đau mà còn chữa khỏi hoàn toàn.", True),
    ],
)
def test_vietnamese_more_advertising_phrasings(sentence: str, promise: bool | None) -> None:
    """More of a Vietnamese advert's phrasings: each is reported, the honest ones not."""
    assert_judged(sentence, "vi", promise)


@pytest.mark.parametrize(
    ("sentence", "lang", "promise"),
    [
        # Chinese: from now on, goodbye to pain; never hurts again.
        ("从此告别疼痛。", "zh_Hans", True),
        ("从此摆脱关节痛。", "zh_Hans", True),
        ("再也不痛了。", "zh_Hans", True),
        ("打完针后再也不会疼。", "zh_Hans", True),
        ("从此告别香烟。", "zh_Hans", None),
        ("从此以后，请定期复查。", "zh_Hans", None),
        # Arabic: cures you (completely), you will never feel the pain again, causes no
        # side effects (آثار or أعراض جانبية).
        ("يشفيك تماما.", "ar", True),
        ("لن تشعر بالألم مرة أخرى.", "ar", True),
        ("العلاج لا يسبب أي أعراض جانبية.", "ar", True),
        ("علاج بدون أعراض جانبية.", "ar", True),
        ("قد يسبب العلاج أعراضا جانبية مثل الحمى.", "ar", None),
        ("لا يوجد دليل على أن الخلايا الجذعية تشفيك.", "ar", False),
    ],
)
def test_goodbye_to_pain_from_now_on_is_a_promise(
    sentence: str, lang: str, promise: bool | None
) -> None:
    """More of a Chinese or Arabic advert's phrasings: each is reported, the honest ones
    not."""
    assert_judged(sentence, lang, promise)


@pytest.mark.parametrize(
    ("sentence", "lang", "promise"),
    [
        # "Stem cells repair any damage": every list reports it, in its own words.
        ("Stem cells repair any damage.", "en", True),
        ("MSCs repair all damage in the body.", "en", True),
        ("Stem cells do not repair any damage.", "en", False),
        ("No treatment can repair all damage.", "en", False),
        ("The surgeon will repair the damage to your tendon.", "en", None),
        ("เซลล์ต้นกำเนิดซ่อมแซมทุกความเสียหาย", "th", True),
        ("Tế bào gốc sửa chữa mọi tổn thương.", "vi", True),
        ("Tế bào gốc không thể sửa chữa mọi tổn thương.", "vi", False),
        ("干细胞可以修复身体任何损伤。", "zh_Hans", True),
        ("干细胞修复一切损伤。", "zh_Hans", True),
        ("干细胞不能修复所有损伤。", "zh_Hans", False),
        ("幹細胞があらゆる損傷を修復します。", "ja", True),
        ("幹細胞は、どんな損傷も修復します。", "ja", True),
        ("الخلايا الجذعية تصلح أي ضرر في الجسم.", "ar", True),
        ("لا تصلح الخلايا الجذعية أي ضرر.", "ar", False),
        ("ပင်မဆဲလ်များသည် ခန္ဓာကိုယ်၏ မည်သည့်ထိခိုက်မှုကိုမဆို ပြုပြင်ပေးသည်။", "my", True),
        ("កោសិកាដើមជួសជុលការខូចខាតគ្រប់ប្រភេទ។", "km", True),
        ("ເຊວຕົ້ນກຳເນີດສ້ອມແປງທຸກຄວາມເສຍຫາຍ.", "lo", True),
    ],
)
def test_repairs_any_damage_is_a_promise(sentence: str, lang: str, promise: bool | None) -> None:
    """'Stem cells repair any damage', the sweeping promise of a clinic's advert, passed
    check in every language."""
    assert_judged(sentence, lang, promise)


@pytest.mark.parametrize(
    ("sentence", "lang", "promise"),
    [
        # Works for every patient, years younger, no more pain for ever, proven: the
        # English and Thai lists, which the other lists follow, missed these forms.
        ("It works for every patient.", "en", True),
        ("Effective for all patients.", "en", True),
        ("Look 10 years younger.", "en", True),
        ("Feel 20 years younger!", "en", True),
        ("No more pain, forever!", "en", True),
        ("No treatment works for every patient.", "en", False),
        ("Children younger than 12 should not be treated.", "en", None),
        ("There is no more pain relief we can offer.", "en", None),
        ("ได้ผลกับทุกคน", "th", True),
        ("ดูอ่อนกว่าวัย 10 ปี", "th", True),
        ("พิสูจน์แล้วทางวิทยาศาสตร์", "th", True),
        ("ไม่มีการรักษาใดได้ผลกับทุกคน", "th", False),
        ("ยังไม่ได้พิสูจน์ทางวิทยาศาสตร์", "th", False),
        ("เด็กอายุต่ำกว่า 18 ปีไม่ควรรับการรักษานี้", "th", None),
    ],
)
def test_everyone_younger_and_proven_in_english_and_thai(
    sentence: str, lang: str, promise: bool | None
) -> None:
    """The classes the thinner lists gained, in the lists they follow."""
    assert_judged(sentence, lang, promise)


@pytest.mark.parametrize(
    ("sentence", "lang", "promise"),
    [
        # Never hurts again, for ever (the negation is the promise's own); guarantees
        # recovery.
        ("ไม่ปวดอีกเลยตลอดไป", "th", True),
        ("ບໍ່ປວດອີກຕະຫຼອດໄປ.", "lo", True),
        ("ធានាជាសះស្បើយ។", "km", True),
        # Honest: pain that may come back, a warranty of nothing the leaflet promises.
        ("ถ้าไม่ปวดอีก ให้มาตรวจตามนัด", "th", None),
        ("ຖ້າບໍ່ປວດອີກ ໃຫ້ມາກວດຕາມນັດ.", "lo", None),
        ("មិនអាចធានាជាសះស្បើយបានទេ។", "km", False),
    ],
)
def test_never_hurts_again_for_ever_in_thai_lao_and_khmer(
    sentence: str, lang: str, promise: bool | None
) -> None:
    """'No more pain, for ever' and 'guarantees recovery' passed check in these lists."""
    assert_judged(sentence, lang, promise)


@pytest.mark.parametrize(
    ("sentence", "lang", "promise"),
    [
        # Healed for good (รហូត "for ever" after the recovery); not "rest until
        # recovered" (រហូតដល់, "until").
        ("អ្នកនឹងជាសះស្បើយរហូត។", "km", True),
        ("ការព្យាបាលនេះធ្វើឱ្យអ្នកជាសះស្បើយរហូត។", "km", True),
        ("សូមសម្រាកនៅផ្ទះរហូតដល់ជាសះស្បើយ។", "km", None),
        # Not only cures …, but: the cure is asserted; and cartilage regrows too (も).
        ("関節炎を治すだけでなく、体も元気にします。", "ja", True),
        ("軟骨も再生します。", "ja", True),
        ("軟骨は再生しません。", "ja", False),
        ("傷は数日で治ります。", "ja", None),
        # One treatment, lifelong benefit; satisfaction guaranteed.
        ("一次治疗终身受益。", "zh_Hans", True),
        ("干细胞疗法，包您满意！", "zh_Hans", True),
        ("养成良好的生活习惯，让您终身受益。", "zh_Hans", None),
        ("没有证据表明一次治疗能让您终身受益。", "zh_Hans", False),
        ("満足保証。", "ja", True),
        ("一度の治療で一生効果が続きます。", "ja", True),
        ("一度の治療で一生効果が続くわけではありません。", "ja", False),
        # Hype a demanding reviewer rejects: wonder drug, magic bullet, panacea,
        # fountain of youth (errors, as "miracle"); breakthrough, revolutionary,
        # game-changer (wording to look at, as "proven").
        ("This wonder drug ends arthritis.", "en", True),
        ("Our stem cells are a magic bullet for arthritis.", "en", True),
        ("Stem cells are a panacea.", "en", True),
        ("Stem cells: the fountain of youth.", "en", True),
        ("There is no magic bullet for arthritis.", "en", False),
        ("ยาวิเศษรักษาข้อเข่า", "th", True),
        ("เซลล์ต้นกำเนิดไม่ใช่ยาครอบจักรวาล", "th", False),
    ],
)
def test_lifelong_cures_guaranteed_satisfaction_and_hype_are_found(
    sentence: str, lang: str, promise: bool | None
) -> None:
    """Promises the lists missed: healed for good (Khmer), not only cures (Japanese),
    one treatment for life and satisfaction guaranteed (Chinese, Japanese), and the
    hype words of English and Thai adverts."""
    assert_judged(sentence, lang, promise)


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("A breakthrough treatment for knee pain.", "breakthrough"),
        ("A revolutionary therapy for your knees.", "revolutionary"),
        ("Our cells are a game-changer for arthritis.", "game-changer"),
    ],
)
def test_breakthrough_hype_is_wording_to_look_at(sentence: str, phrase: str) -> None:
    # "Breakthrough" and its kin passed unremarked; they are CLAIM003 wording, as
    # "proven" is: research may have one, a leaflet must say what it was.
    found = [m for m in find_claims(sentence, claim_list("en")) if not m.excused]
    assert [(m.text(sentence), m.claim.severity) for m in found] == [(phrase, "warning")]


def test_breakthrough_pain_is_a_clinical_term() -> None:
    assert judged("Tell your nurse about any breakthrough pain.") == []


@pytest.mark.parametrize(
    ("sentence", "lang", "promise"),
    [
        # A guarantee of something that is no outcome: privacy, an insurer.
        ("We guarantee the privacy of your medical records.", "en", None),
        ("เรารับประกันความเป็นส่วนตัวของข้อมูลของคุณ", "th", None),
        ("บริษัทรับประกันภัยจะติดต่อคุณ", "th", None),
        ("ພວກເຮົາຮັບປະກັນຄວາມເປັນສ່ວນຕົວຂອງຂໍ້ມູນທ່ານ", "lo", None),
        ("ບໍລິສັດຮັບປະກັນໄພຈະຕິດຕໍ່ທ່ານ", "lo", None),
        # An honest "cannot guarantee" passes; a guaranteed result still fires.
        ("คลินิกไม่สามารถรับประกันผลการรักษาได้", "th", False),
        ("ບໍ່ສາມາດຮັບປະກັນຜົນໄດ້", "lo", False),
        ("The clinic cannot guarantee results.", "en", False),
        ("We guarantee results.", "en", True),
        ("รับประกันผล 100%", "th", True),
        ("เรารับประกันความเป็นส่วนตัวและรับประกันผลการรักษา", "th", True),
        ("ຮັບປະກັນຜົນ 100%", "lo", True),
    ],
)
def test_a_guarantee_of_no_outcome_is_no_claim(
    sentence: str, lang: str, promise: bool | None
) -> None:
    """A clinic guaranteeing privacy, or naming an insurer (Thai รับประกันภัย, Lao
    ຮັບປະກັນໄພ), promised nothing, yet was reported as a guaranteed result."""
    assert_judged(sentence, lang, promise)


@pytest.mark.parametrize(
    ("locale", "title", "text"),
    [
        # "Myth" / "Common misconceptions" as translators write them.
        ("th", "ความเข้าใจผิดที่พบบ่อย", "เซลล์ต้นกำเนิดรักษาหายขาด"),
        ("lo", "ຄວາມເຂົ້າໃຈຜິດ", "ເຊວຕົ້ນກຳເນີດປິ່ນປົວໃຫ້ຫາຍ"),
        ("km", "ការយល់ខុសទូទៅ", "កោសិកាដើមព្យាបាលជាដាច់ស្រឡះ។"),
        ("zh_Hans", "常见误区", "干细胞能治愈关节炎。"),
        ("ja", "よくある俗説", "幹細胞で関節炎が完治します。"),
        ("vi", "Những lầm tưởng phổ biến", "Tế bào gốc chữa khỏi bệnh khớp."),
        ("my", "အထင်အမြင်မှားများ", "ပင်မဆဲလ်သည် အဆစ်ရောင်ရောဂါကို ပျောက်ကင်းစေသည်။"),
        ("ar", "خرافات شائعة", "الخلايا الجذعية تشفي التهاب المفاصل."),
    ],
)
def test_a_myth_box_is_a_myth_box_in_every_language(
    make_project: Callable[..., Path], locale: str, title: str, text: str
) -> None:
    # The English "Myth" box excused its myth, but its translation's title was no
    # warning label in most lists: the translated box was reported as a promise.
    blocks = CLEAN + (
        "- callout: Stem cells regrow cartilage.\n  kind: plain-terms\n  title: Myth\n  id: box\n"
    )
    root = make_project({"sample": leaflet(blocks)})
    source = translated_context(root, {}, "en").source
    by_value = {t.value: t.context for t in texts(source)}
    translations = {by_value["Myth"]: title, by_value["Stem cells regrow cartilage."]: text}
    issues = [i.message for i in risky_claim(translated_context(root, translations, locale))]
    assert issues == []


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        # After "fact" the text states what it holds true: the myth's label no longer
        # reaches it.
        ("Myth: stem cells are unsafe; fact: stem cells regrow cartilage.", "en"),
        ("ความเชื่อผิด: เซลล์อันตราย ข้อเท็จจริง: เซลล์รักษาหายขาด", "th"),
        ("误区：干细胞不安全；事实：干细胞能治愈关节炎。", "zh_Hans"),
    ],
)
def test_a_myth_label_does_not_reach_past_the_fact(sentence: str, lang: str) -> None:
    assert_judged(sentence, lang, True)


@pytest.mark.parametrize(
    ("title", "text", "promise"),
    [
        ("Myth", "Stem cells regrow cartilage.", False),
        # The fact a myth box states is the leaflet's own word, and is read so.
        ("Myth", "Stem cells are unsafe. Fact: stem cells regrow cartilage.", True),
        ("Myth", "Stem cells regrow cartilage. Fact: no study has shown this.", False),
        ("Myth", "Stem cells are unsafe. Fact: that is wrong. Stem cells regrow cartilage.", True),
    ],
)
def test_a_myth_box_excuses_its_myth_not_its_fact(
    make_project: Callable[..., Path], title: str, text: str, promise: bool
) -> None:
    # A "Myth" box reached every sentence in it: a "Fact:" that promised regrowth
    # passed, the box title a loophole.
    blocks = CLEAN + (f'- callout: "{text}"\n  kind: plain-terms\n  title: {title}\n  id: box\n')
    root = make_project({"sample": leaflet(blocks)})
    issues = [i.message for i in risky_claim(translated_context(root, {}, "en"))]
    assert bool(issues) == promise, issues


@pytest.mark.parametrize(
    ("sentence", "lang", "promise"),
    [
        # Pushy sentences a clinic advert writes in Lao: cures diabetes completely,
        # regrows cartilage, the knee like new, works 100%, effective for life, young
        # again, permanent results.
        ("ເຊວຕົ້ນກຳເນີດປິ່ນປົວໃຫ້ຫາຍຂາດໂຣກເບົາຫວານ", "lo", True),
        ("ກະດູກອ່ອນງອກໃໝ່", "lo", True),
        ("ຫົວເຂົ່າກັບມາຄືໃໝ່", "lo", True),
        ("ຫົວເຂົ່າເໝືອນໃໝ່", "lo", True),
        ("ປິ່ນປົວໂຣກຂໍ້ເຂົ່າເສື່ອມໄດ້ 100%", "lo", True),
        ("ປິ່ນປົວເທື່ອດຽວໄດ້ຜົນຕະຫຼອດຊີວິດ", "lo", True),
        ("ເຮັດໃຫ້ກັບມາໜຸ່ມອີກຄັ້ງ", "lo", True),
        ("ຜົນຖາວອນ", "lo", True),
        # Honest Lao: cannot cure, research asks whether, cannot guarantee, the wound
        # heals, an insurer, treatment that may be needed for life.
        ("ເຊວຕົ້ນກຳເນີດບໍ່ສາມາດປິ່ນປົວໃຫ້ຫາຍຂາດໄດ້", "lo", False),
        ("ການຄົ້ນຄວ້າກຳລັງສຶກສາວ່າເຊວຕົ້ນກຳເນີດສ້າງກະດູກອ່ອນໃໝ່ໄດ້ຫຼືບໍ່", "lo", False),
        ("ພວກເຮົາບໍ່ສາມາດຮັບປະກັນຜົນໄດ້", "lo", False),
        ("ບາດແຜຈະດີຂຶ້ນພາຍໃນສອງສາມມື້", "lo", None),
        ("ບໍລິສັດຮັບປະກັນໄພບໍ່ຈ່າຍຄ່າປິ່ນປົວນີ້", "lo", None),
        ("ອາດຕ້ອງປິ່ນປົວຕະຫຼອດຊີວິດ", "lo", None),
        # Vietnamese: cures diabetes, regrows cartilage, the knee like new, cured
        # 100%, effective for life, young again, permanent results.
        ("Tế bào gốc chữa khỏi bệnh tiểu đường.", "vi", True),
        ("Tái tạo sụn khớp hoàn toàn.", "vi", True),
        ("Đầu gối trở lại như mới.", "vi", True),
        ("Khớp gối như mới sau một lần tiêm.", "vi", True),
        ("Chữa khỏi thoái hóa khớp 100%.", "vi", True),
        ("Chỉ một lần điều trị, hiệu quả suốt đời.", "vi", True),
        ("Tế bào gốc giúp bạn trẻ lại 10 tuổi.", "vi", True),
        ("Kết quả vĩnh viễn.", "vi", True),
        ("Liệu pháp tế bào gốc chữa khỏi bệnh khớp.", "vi", True),  # liệu pháp: therapy
        # Honest Vietnamese: does not cure, research asks whether, cannot promise, the
        # wound heals, insurance, "as if just injured", treatment for life, unproven.
        ("Tế bào gốc không chữa khỏi bệnh khớp.", "vi", False),
        ("Nghiên cứu đang tìm hiểu liệu tế bào gốc có thể tái tạo sụn.", "vi", False),
        ("Chúng tôi không thể hứa hẹn kết quả.", "vi", None),
        ("Vết thương sẽ lành sau vài ngày.", "vi", None),
        ("Bảo hiểm y tế không chi trả cho liệu pháp này.", "vi", None),
        ("Đau nhiều như mới bị chấn thương.", "vi", None),
        ("Bệnh cần điều trị suốt đời.", "vi", None),
        ("Hiệu quả suốt đời chưa được chứng minh.", "vi", False),
        # Arabic: cures diabetes, renews cartilage, the knee like new, one injection
        # for life, results that last a lifetime, permanent results, youth given back.
        ("الخلايا الجذعية تشفي السكري.", "ar", True),
        ("تجدد الخلايا الجذعية الغضروف.", "ar", True),
        ("علاج يجعل الركبة كالجديدة.", "ar", True),
        ("تعود ركبتك كالجديد.", "ar", True),
        ("حقنة واحدة تكفيك مدى الحياة.", "ar", True),
        ("نتائج تدوم مدى الحياة.", "ar", True),
        ("نتائج دائمة.", "ar", True),
        ("تعيد لك شبابك.", "ar", True),
        # Honest Arabic: cannot promise, researchers study whether, the wound heals,
        # insurance, does not cure, treatment for life, not shown like new.
        ("لا يمكننا أن نعد بالشفاء.", "ar", None),
        ("يدرس الباحثون ما إذا كانت الخلايا الجذعية تجدد الغضروف.", "ar", False),
        ("يلتئم الجرح خلال أيام.", "ar", None),
        ("لا يغطي التأمين الصحي هذا العلاج.", "ar", None),
        ("الخلايا الجذعية لا تشفي السكري.", "ar", False),
        ("قد تحتاج إلى العلاج مدى الحياة.", "ar", None),
        ("لم يثبت أن الركبة تعود كالجديدة.", "ar", False),
        # Burmese: cures diabetes, regrows cartilage, the knee like new, effective for
        # life, success 100%.
        ("ပင်မဆဲလ်သည် ဆီးချိုရောဂါကို ပျောက်ကင်းစေသည်။", "my", True),
        ("အရိုးနု ပြန်ပေါက်စေသည်။", "my", True),
        ("ဒူးသည် အသစ်ကဲ့သို့ ပြန်ဖြစ်လာမည်။", "my", True),
        ("တစ်ကြိမ်ကုသရုံဖြင့် တစ်သက်လုံး ထိရောက်သည်။", "my", True),
        ("အောင်မြင်မှု 100% ဖြစ်သည်။", "my", True),
        # Honest Burmese: cannot cure, cannot promise results, the wound heals,
        # insurance will not pay, will not be like new.
        ("ပင်မဆဲလ်သည် ဆီးချိုရောဂါကို မပျောက်ကင်းစေနိုင်ပါ။", "my", False),
        ("ရလဒ်ကို ကတိမပေးနိုင်ပါ။", "my", None),
        ("ဒဏ်ရာသည် ရက်အနည်းငယ်အတွင်း ကျက်မည်။", "my", None),
        ("အာမခံကုမ္ပဏီက ဤကုသမှုအတွက် ပေးချေမည် မဟုတ်ပါ။", "my", None),
        ("ဒူးသည် အသစ်ကဲ့သို့ ပြန်ဖြစ်လာမည် မဟုတ်ပါ။", "my", False),
    ],
)
def test_pushy_and_honest_sentences_in_lao_vietnamese_arabic_and_burmese(
    sentence: str, lang: str, promise: bool | None
) -> None:
    """What a clinic advert writes (like new, 100%, for life, permanent results) passed
    in these languages; the honest sentences beside them must still pass."""
    assert_judged(sentence, lang, promise)


@pytest.mark.parametrize(
    ("sentence", "promise"),
    [
        ("รักษาข้อเข่าเสื่อมได้ 100%", True),  # treats knee osteoarthritis 100%
        ("เข่ากลับมาเหมือนใหม่", True),  # the knee like new again
        ("ข้อเข่ากลับมาใช้งานได้เหมือนใหม่", True),
        ("ได้ผลตลอดชีวิต", True),  # effective for life
        # The cost of treatment reimbursed or covered in full is no cure.
        ("ค่ารักษาเบิกได้ 100%", None),
        ("ประกันครอบคลุมค่ารักษา 100%", None),
        ("ผู้ป่วยบางคนต้องรักษาตลอดชีวิต", None),  # some patients need treatment for life
    ],
)
def test_thai_hundred_per_cent_cures_and_like_new_are_found(
    sentence: str, promise: bool | None
) -> None:
    assert_judged(sentence, "th", promise)


@pytest.mark.parametrize(
    ("sentence", "lang", "promise"),
    [
        # Be wary of any clinic that guarantees results: the warning comes last.
        ("คลินิกใดที่รับประกันผลการรักษา ควรระวัง", "th", False),
        ("คลินิกใดที่รับประกันผลการรักษาควรระวัง", "th", False),
        ("คลินิกใด ที่รับประกันผลการรักษา ควรระวังไว้นะคะ", "th", False),
        ("โฆษณาใดที่บอกว่าเข่ากลับมาเหมือนใหม่ อย่าเชื่อ", "th", False),
        ("ຄລີນິກໃດທີ່ຮັບປະກັນຜົນ ຄວນລະວັງ", "lo", False),
        ("ຄລີນິກໃດທີ່ຮັບປະກັນຜົນຄວນລະວັງ", "lo", False),
        ("គ្លីនិកណាដែលធានាលទ្ធផល គួរប្រុងប្រយ័ត្ន។", "km", False),
        ("ရောဂါ လုံးဝ ပျောက်ကင်းစေမည့် ဆေးခန်းများကို သတိထားပါ။", "my", False),
        ("ရလဒ်ကို အာမခံပါသည်ဆိုသော ဆေးခန်းများကို သတိထားပါ။", "my", False),
        # A warning after a claim in no relative clause, or one with an object of its
        # own, excuses nothing.
        ("เซลล์ของเรารักษาหายขาด ควรระวัง", "th", True),
        ("รับประกันผลการรักษา 100% ควรระวังการปลอมแปลง", "th", True),
        ("ผู้ป่วยที่รักษากับเราหายขาด ควรระวังการติดเชื้อ", "th", True),
        ("เซลล์ของเรารักษาหายขาด ผู้ที่แพ้ยาควรระวัง", "th", True),
        ("คลินิกที่รับประกันผล แต่ควรระวัง", "th", True),
        ("ຄລີນິກເຮົາຮັບປະກັນຜົນ ຄວນລະວັງ", "lo", True),
        ("គ្លីនិកដែលធានាលទ្ធផល គួរប្រុងប្រយ័ត្នការឆ្លងមេរោគ។", "km", True),
        ("ရောဂါ လုံးဝ ပျောက်ကင်းစေမည့် ဆေးကို သတိထား၍ သောက်ပါ။", "my", True),
        ("ရောဂါ လုံးဝ ပျောက်ကင်းစေသည်၊ သတိထားပါ။", "my", True),
    ],
)
def test_a_warning_after_a_claim_in_a_relative_clause_warns_of_it(
    sentence: str, lang: str, promise: bool
) -> None:
    """Thai, Lao, Khmer and Burmese name what they warn of first: "คลินิกใดที่
    รับประกันผล…ควรระวัง" (be wary of any clinic that guarantees results) was reported
    as a promise."""
    assert_judged(sentence, lang, promise)


@pytest.mark.parametrize(
    ("sentence", "promise"),
    [
        # After "sự thật" / "thực tế" (the truth, in fact) the text states what it holds
        # true: the myth's label no longer reaches it.
        ("Lầm tưởng: tế bào gốc nguy hiểm; sự thật: tế bào gốc chữa khỏi bệnh khớp.", True),
        ("Lầm tưởng: tế bào gốc nguy hiểm; thực tế: tế bào gốc chữa khỏi bệnh khớp.", True),
        # "sai sự thật" (untrue) holds "sự thật" and is a warning: it cuts nothing off.
        ("Hãy cảnh giác với quảng cáo sai sự thật rằng tế bào gốc chữa khỏi bệnh.", False),
        ("Thông tin sai sự thật: tế bào gốc chữa khỏi bệnh khớp.", False),
    ],
)
def test_a_vietnamese_fact_ends_a_myth_and_untrue_still_warns(sentence: str, promise: bool) -> None:
    assert_judged(sentence, "vi", promise)


def _reference_with(field: str) -> str:
    """A cited, published reference whose ``field`` (a printed part other than its
    title) is set to a promise, last in the file so its line is easy to find."""
    lines = {
        "volume": '    volume: "12, guaranteed cure"\n',
        "issue": '    volume: "12"\n    issue: "3, cures arthritis"\n',
        "pages": "    pages: 1-9 our cells cure arthritis\n",
        "journal": "    journal: Stem cells cure arthritis\n",
        "authors": "    authors: [Alpha A, Stem cells cure arthritis]\n",
    }
    return (
        "references:\n  - key: alpha2001\n    title: A first study of cells\n    year: 2001\n"
        + ("" if field == "authors" else "    authors: [Alpha A]\n")
        + ("" if field == "journal" else "    journal: J Test\n")
        + lines[field]
    )


@pytest.mark.parametrize("field", ["volume", "issue", "pages"])
def test_a_promise_in_a_references_locator_is_a_risky_claim(
    make_project: Callable[..., Path], field: str
) -> None:
    # A reference's volume, issue and pages are printed in the list under the text
    # ("J Test. 2001;12, guaranteed cure."), and no check read them: any text passed.
    from conftest import leaflet_yaml

    text = leaflet_yaml(
        CLEAN + "- paragraph: See [@alpha2001].\n", references=_reference_with(field)
    )
    line = len(text.splitlines())
    found = findings_for(make_project({"sample": text}), "CLAIM001")
    assert found and all(f.startswith(f"{line}:") for f in found), found
    assert any("“cure" in f for f in found), found


@pytest.mark.parametrize("field", ["journal", "authors"])
def test_a_promise_in_a_references_names_is_shown(
    make_project: Callable[..., Path], field: str
) -> None:
    # A journal's or an author's name is printed as written, and made the source
    # "published" (so its title was never read either). Real names may hold a listed
    # word ("Wound Repair and Regeneration", Dr Heal): a warning a reviewer reads.
    from conftest import leaflet_yaml

    text = leaflet_yaml(
        CLEAN + "- paragraph: See [@alpha2001].\n", references=_reference_with(field)
    )
    line = len(text.splitlines())
    found = findings_for(make_project({"sample": text}), "CLAIM005")
    what = "journal" if field == "journal" else "author list"
    assert found == [
        f"{line}:{text.splitlines()[-1].index('cure') + 1}: warning: the {what} of "
        f"'alpha2001' promises “cure”"
    ], found


def test_a_real_journal_and_locators_are_not_claims(make_project: Callable[..., Path]) -> None:
    from conftest import leaflet_yaml

    refs = (
        "references:\n  - key: alpha2001\n    authors: [Alpha A, Heal B]\n"
        "    title: A first study of cells\n    journal: Regen Med\n    year: 2001\n"
        '    volume: "8 Suppl 1"\n    issue: "Pt 2"\n    pages: e1234\n'
    )
    root = make_project(
        {"sample": leaflet_yaml(CLEAN + "- paragraph: See [@alpha2001].\n", references=refs)}
    )
    assert findings_for(root, "CLAIM001") == []


@pytest.mark.parametrize(
    ("sentence", "lang", "promise"),
    [
        # "No matter (whether)" widens a promise; its ไม่/ບໍ່/មិន is no denial. Whatever
        # the disease, it is cured completely; whatever your age, you grow young again.
        ("ไม่ว่าจะเป็นโรคอะไรก็รักษาหายขาด", "th", True),
        ("ไม่ว่าจะเป็นโรคอะไร ก็หายขาดได้", "th", True),
        ("ไม่ว่าคุณจะอายุเท่าไรก็ย้อนวัยได้", "th", True),
        ("ບໍ່ວ່າຈະເປັນພະຍາດຫຍັງກໍປິ່ນປົວໃຫ້ຫາຍຂາດ", "lo", True),
        ("មិនថាជំងឺអ្វីក៏ព្យាបាលជាដាច់", "km", True),
        # Whatever the disease, stem cells can treat it: a cure-all, with or without a
        # space; treats every disease, all kinds of disease.
        ("ไม่ว่าจะเป็นโรคอะไร เซลล์ต้นกำเนิดก็รักษาได้", "th", True),
        ("ไม่ว่าจะเป็นโรคอะไรเซลล์ต้นกำเนิดก็รักษาได้", "th", True),
        ("รักษาได้ทุกโรค", "th", True),
        ("สเต็มเซลล์รักษาได้สารพัดโรค", "th", True),
        # Honest: a real negation after "no matter" still denies; no drug treats every
        # disease; beware clinics that claim to; found early it can be treated; whatever
        # the disease, see a doctor; side effects can happen.
        ("ไม่ว่าจะเป็นโรคอะไร ก็ไม่มีวิธีใดรักษาให้หายขาด", "th", False),
        ("ไม่ว่าคลินิกจะบอกอะไร เซลล์ต้นกำเนิดก็ไม่ได้รักษาให้หายขาด", "th", False),
        ("เซลล์ต้นกำเนิดไม่ได้รักษาให้หายขาด ไม่ว่าจะเป็นโรคอะไร", "th", False),
        ("ไม่มียาใดรักษาได้ทุกโรค", "th", False),
        ("ระวังคลินิกที่อ้างว่ารักษาได้ทุกโรค", "th", False),
        ("ບໍ່ວ່າຈະເປັນພະຍາດຫຍັງ ເຊວຕົ້ນກຳເນີດກໍບໍ່ສາມາດປິ່ນປົວໃຫ້ຫາຍຂາດໄດ້", "lo", False),
        ("មិនថាជំងឺអ្វី កោសិកាដើមមិនអាចព្យាបាលជាដាច់បានទេ", "km", False),
        ("ถ้าพบเร็วก็รักษาได้", "th", None),
        ("ไม่ว่าจะเป็นโรคอะไร ควรปรึกษาแพทย์ก่อนรักษา", "th", None),
        ("ไม่ว่าจะเป็นโรคอะไร ผลข้างเคียงก็เกิดขึ้นได้", "th", None),
    ],
)
def test_no_matter_widens_a_promise_and_denies_nothing(
    sentence: str, lang: str, promise: bool | None
) -> None:
    """Thai ไม่ว่า, Lao ບໍ່ວ່າ and Khmer មិនថា ("no matter") start with the word for
    "not": "ไม่ว่าจะเป็นโรคอะไรก็รักษาหายขาด" (whatever the disease, it is cured) passed
    as a denial, and "…เซลล์ต้นกำเนิดก็รักษาได้" (stem cells can treat it) was not seen."""
    assert_judged(sentence, lang, promise)


@pytest.mark.parametrize(
    ("sentence", "promise"),
    [
        # Unvowelled شفاه is also "lips" and شفاها "orally": dry lips, cracked lips,
        # tell your doctor orally are no testimonial.
        ("قد تجف شفاه المريض بعد العلاج.", None),
        ("تشقق شفاه الطفل أمر شائع.", None),
        ("أخبر طبيبك شفاها بأي أعراض.", None),
        # With who cured, it is: God cured him (her) after one injection.
        ("شفاه الله بعد حقنة واحدة.", True),
        ("شفاها الله تماما بعد حقنة واحدة.", True),
        # "Cures him / her / them", the pronoun joined to the verb.
        ("مهما كان مرضك، الخلايا الجذعية تشفيه.", True),
        ("هذا العلاج يشفيها من آلام الركبة.", True),
        ("خلايانا تشفيهم جميعا.", True),
        ("الخلايا الجذعية لا تشفيه.", False),
        ("لا يوجد دليل على أن الخلايا الجذعية تشفيه.", False),
    ],
)
def test_arabic_lips_are_no_cure_and_cures_him_is(sentence: str, promise: bool | None) -> None:
    """Arabic "جفاف شفاه المريض" (the patient's dry lips) was a cure claim, an error a
    translator could only waive; "الخلايا الجذعية تشفيه" (stem cells cure him) passed."""
    assert_judged(sentence, "ar", promise)


@pytest.mark.parametrize(
    ("sentence", "promise"),
    [
        # The verdict comes last, past the three words after the claim: untrue, not
        # right, not proven, a rumour.
        ("Tế bào gốc chữa khỏi mọi bệnh là sai sự thật.", False),
        ("Nói rằng tế bào gốc chữa khỏi mọi bệnh là không đúng.", False),
        ("Việc tế bào gốc chữa khỏi thoái hóa khớp chưa được chứng minh.", False),
        ("Tế bào gốc tái tạo sụn khớp hoàn toàn là tin đồn.", False),
        # A verdict on another statement, after "và" (and) or a comma, excuses nothing.
        ("Tế bào gốc chữa khỏi mọi bệnh và tin đồn rằng nó nguy hiểm là sai sự thật.", True),
        ("Tế bào gốc chữa khỏi mọi bệnh, tin đồn rằng nó nguy hiểm là sai sự thật.", True),
    ],
)
def test_a_vietnamese_verdict_after_the_claim_denies_it(sentence: str, promise: bool) -> None:
    """Vietnamese "… là sai sự thật" (… is untrue) stood past the three-word window after the claim,
    so a leaflet that debunked a cure-all was reported as promising it."""
    assert_judged(sentence, "vi", promise)


@pytest.mark.parametrize("locale", ["km", "my", "th", "zh_Hans", "ar"])
def test_an_english_promise_left_in_a_catalog_of_another_script_is_read(
    make_project: Callable[..., Path], locale: str
) -> None:
    # A translator who pasted an English sentence into the Khmer catalog (journey5):
    # a text with none of the catalog's letters was taken for the source text printed
    # as a fallback, and "Our stem cells cure arthritis." went onto the Khmer PDF with
    # no finding. Only the source's own text is skipped: the source's checks read it.
    root = make_project({"sample": leaflet(CLEAN + "- paragraph: Cells send signals.\n  id: p\n")})
    promise = translated_context(root, {"p": "Our stem cells cure arthritis."}, locale)
    assert [i.message for i in risky_claim(promise)] == [f"[{locale}] risky claim “cure”"]
    fallback = translated_context(root, {}, locale)  # untranslated: the source's text
    assert list(risky_claim(fallback)) == []


def test_a_claim_in_any_language_of_the_organisation_profile_is_found_at_its_line(
    make_project: Callable[..., Path],
) -> None:
    """With a name and address per language, the checks read only the text printed in
    the leaflet's own language: a cure promised in the Thai address, printed on every
    Thai leaflet, passed the checks of the English source. Each text is read, in its
    own language, once for the project, at its line."""
    root = make_project()
    (root / "organisations" / "test-clinic.yaml").write_text(
        "name:\n"
        "  en: Test Clinic\n"
        "  vi: Phòng khám chữa khỏi hoàn toàn\n"  # the clinic that cures completely
        "address:\n"
        "  en: 1 Example Road, Bangkok\n"
        "  th: คลินิกรักษาหายขาด 1 ถนนตัวอย่าง\n",  # cures completely
        "utf-8",
    )
    found = _organisation_claims(root)
    assert sorted((line, message.split("“")[1].split("”")[0]) for _, _, message, line in found) == [
        (3, "chữa khỏi hoàn toàn"),
        (6, "หายขาด"),
    ], found
    assert all("organisation's" in message for *_, message, _ in found)


@pytest.mark.parametrize(
    ("sentence", "promise"),
    [
        # "yet" after a negation is "so far", no "but": the negation still denies.
        ("Cell therapy cannot yet cure most diseases.", False),
        ("MSCs do not yet cure arthritis.", False),
        ("MSCs don't yet cure arthritis.", False),
        ("MSCs can not yet cure arthritis.", False),
        ("Stem cells have not yet been shown to cure arthritis.", False),
        ("MSCs cannot as yet cure arthritis.", False),
        ("MSCs have yet to be shown to cure arthritis.", False),
        ("No treatment can yet cure arthritis.", False),
        ("A cure is yet to be found.", False),
        # "yet" joining two clauses still ends the negation's reach.
        ("MSCs are not cheap, yet they cure arthritis.", True),
        ("MSCs are not cheap yet they cure arthritis.", True),
        ("It is not a drug yet it cures arthritis.", True),
    ],
)
def test_not_yet_denies_a_claim(sentence: str, promise: bool) -> None:
    """A Chinese clinic's 细胞治疗还不能治愈大多数疾病 translated as "Cell therapy cannot
    yet cure most diseases" was an error, CLAIM001 risky claim "cure", and `build
    --strict` refused the English leaflet: "yet" is a clause word ("…, yet they cure")
    and cut the claim's clause off from its "cannot"."""
    assert_judged(sentence, "en", promise)


@pytest.mark.parametrize(
    ("sentence", "lang", "promise"),
    [
        # stem cells treat diabetes until it is cured
        ("ເຊວຕົ້ນກຳເນີດປິ່ນປົວໂລກເບົາຫວານໃຫ້ຫາຍໄດ້", "lo", True),
        ("ເຊວປິ່ນປົວອາການປວດຂໍ້ໃຫ້ຫາຍຂາດ", "lo", True),  # treat joint pain, cured completely
        ("ເຊວຂອງພວກເຮົາຮັກສາພະຍາດຂໍ້ເຂົ່າໃຫ້ຫາຍ", "lo", True),  # our cells heal knee disease
        ("สเต็มเซลล์รักษาโรคเบาหวานให้หายได้", "th", True),
        ("เซลล์ของเรารักษาข้อเข่าเสื่อมให้หาย", "th", True),
        # no treatment can cure this disease: denied
        ("ບໍ່ມີການປິ່ນປົວໃດທີ່ປິ່ນປົວພະຍາດນີ້ໃຫ້ຫາຍໄດ້", "lo", False),
        ("ເຊວບໍ່ສາມາດປິ່ນປົວໂລກເບົາຫວານໃຫ້ຫາຍໄດ້", "lo", False),
        ("เซลล์ไม่สามารถรักษาโรคเบาหวานให้หายได้", "th", False),
        # treat asthma so you can breathe (ຫາຍໃຈ, หายใจ) easily: no cure
        ("ປິ່ນປົວພະຍາດຫືດໃຫ້ຫາຍໃຈໄດ້ສະດວກ", "lo", None),
        ("รักษาโรคหืดให้หายใจได้สะดวก", "th", None),
        # treated, then rested: the two in separate sentences
        ("ພວກເຮົາປິ່ນປົວທ່ານ. ໃຫ້ຫາຍໃຈຊ້າໆ", "lo", None),
    ],
)
def test_treat_until_cured_with_the_illness_between(
    sentence: str, lang: str, promise: bool | None
) -> None:
    """A Lao clinic's ເຊວຕົ້ນກຳເນີດປິ່ນປົວໂລກເບົາຫວານໃຫ້ຫາຍໄດ້ ("stem cells treat diabetes
    until it is cured") passed `check` clean: ປິ່ນປົວໃຫ້ຫາຍ was listed only as one word,
    and Lao and Thai put the illness between the verb and its result."""
    assert_judged(sentence, lang, promise)


# Promises of repair, restoration, removal, proof, said in words each honest alone:
# every one passed `msc-leaflet check` with no CLAIM001.
PUSHY_REPAIRS_AND_REMOVALS = [
    "Our cells rebuild your damaged cartilage.",
    "MSCs repair damaged joints.",
    "MSCs restore your knee.",
    "MSCs fix damaged nerves.",
    "MSCs replace damaged tissue with new healthy tissue.",
    "Stem cells renew your body.",
    "The therapy eliminates diabetes.",
    "MSCs wipe out the disease.",
    "MSCs get rid of arthritis.",
    "MSCs stop the disease.",
    "Pain disappears after one injection.",
    "This treatment will make your knee like new again.",
    "Cells turn back the clock on your joints.",
    "Walk without pain again.",
    "You will never need knee surgery.",
    "Proven to work.",
    "Clinically proven.",
    "We have yet to see a patient our cells did not cure.",
    # other tenses, persons and word orders
    "MSCs will repair your knee.",
    "The injection repairs worn cartilage.",
    "Our therapy has restored the knees of many patients.",
    "Stem cell treatment rebuilt her hip.",
    "Knees restored by our cells.",
    "Cartilage rebuilt with stem cells in weeks.",
    "We offer restoration of your cartilage.",
    "Our infusion halts multiple sclerosis.",
    "Your arthritis disappears.",
    "Arthritis goes away with MSCs.",
    "You won't need a knee replacement.",
    "Not one patient failed to improve.",
    "Scientifically proven results.",
]


@pytest.mark.parametrize("sentence", PUSHY_REPAIRS_AND_REMOVALS)
def test_a_promise_of_repair_removal_or_proof_is_a_risky_claim(sentence: str) -> None:
    found = [
        m
        for m in find_claims(sentence, claim_list("en"))
        if not m.excused and not m.quoted and m.claim.severity == "error"
    ]
    assert found, judged(sentence)


#: Careful leaflets in the same words: no asserted promise (none found, or excused).
HONEST_REPAIRS_AND_REMOVALS = [
    "Researchers are studying whether MSCs can help repair cartilage.",
    "No study has shown that MSCs rebuild cartilage.",
    "Surgery may be needed to repair the joint.",
    "Your body repairs small injuries on its own.",
    "Ask whether the clinic's claims have been proven.",
    "Stop the treatment if you have a fever.",
    "MSCs may help the body repair damaged cartilage.",
    "MSCs may repair cartilage in the laboratory.",
    "MSC treatment to repair cartilage is still being studied.",
    "MSCs do not repair cartilage.",
    "Stem cells can renew themselves.",
    "Physiotherapy helps restore function after treatment.",
    "Arthritis stops many people from working.",
    "Pain at the injection site usually goes away within a day.",
    "Most people with knee pain never need surgery.",
    "Not a single patient in the study was cured.",
    "They do not turn back the clock on a worn joint.",
    "Being studied is not the same as being proven.",
    "Cartilage restoration is a field of surgery.",
    "Weight loss may slow arthritis.",
    "Be wary of clinics that say their cells repair damaged joints.",
    "No treatment can get rid of arthritis.",
    "Is it proven to work?",
    "MSCs support the body's own repair.",
    "Cells in your body repair small injuries every day.",
    "The nurse may replace the dressing after the infusion.",
    "Surgeons can replace a worn knee joint.",
    "If the pain does not go away after one injection, call the clinic.",
    "Painkillers may ease pain but do not stop arthritis.",
    "The clinic cannot promise that your knee will be as good as new.",
    "You will not need to stay overnight after the infusion.",
    "Be careful of adverts that say a treatment is clinically proven.",
    "Stem cells that renew themselves are rare in adults.",
]


@pytest.mark.parametrize("sentence", HONEST_REPAIRS_AND_REMOVALS)
def test_honest_words_of_repair_removal_and_proof_pass(sentence: str) -> None:
    assert all(excused for _, excused, _ in judged(sentence)), judged(sentence)


def test_a_promise_of_repair_fails_the_check_at_its_line(
    make_project: Callable[..., Path],
) -> None:
    root = make_project(
        {"sample": leaflet(CLEAN + "- paragraph: >-\n    Our cells\n    rebuild your knee.\n")}
    )
    assert findings_for(root, "CLAIM001") == ["21:11: error: risky claim “cells rebuild”"]
    honest = make_project(
        {"sample": leaflet(CLEAN + "- paragraph: Your body repairs small injuries on its own.\n")}
    )
    assert findings_for(honest, "CLAIM001") == []


#: Promises of repaired, restored or rebuilt tissue, a disease done away with, a
#: clinical proof or the end of surgery, as clinics' marketing writes them in each
#: language with a claim list: every one passed `check` (or was only a CLAIM003
#: warning, "clinically proven"), though the product rule refuses them.
TISSUE_PROMISES = [
    ("เซลล์ของเราซ่อมแซมกระดูกอ่อนให้กลับมาเหมือนใหม่", "th"),
    ("เซลล์ของเราซ่อมแซมกระดูกอ่อนที่เสียหาย", "th"),
    ("สเต็มเซลล์ฟื้นฟูข้อเข่าให้กลับมาปกติ", "th"),
    ("สเต็มเซลล์ฟื้นฟูกระดูกอ่อนที่เสียหาย", "th"),
    ("เซลล์ต้นกำเนิดกำจัดโรคเบาหวาน", "th"),
    ("การรักษานี้พิสูจน์แล้วทางคลินิก", "th"),
    ("ผ่านการพิสูจน์ทางคลินิกแล้ว", "th"),
    ("ไม่ต้องผ่าตัดอีกต่อไป", "th"),
    ("คุณจะไม่ต้องผ่าตัดเข่าอีกเลย", "th"),
    ("ข้อเข่ากลับมาแข็งแรงเหมือนเดิม", "th"),
    ("ย้อนเวลาให้ข้อเข่าของคุณ", "th"),
    ("Tế bào gốc phục hồi sụn khớp bị tổn thương.", "vi"),
    ("Liệu pháp tế bào gốc tái tạo khớp gối.", "vi"),
    ("Tế bào gốc giúp đẩy lùi bệnh tiểu đường.", "vi"),
    ("Phương pháp này đã được chứng minh lâm sàng.", "vi"),
    ("Bạn sẽ không bao giờ cần phẫu thuật khớp gối.", "vi"),
    ("Tế bào gốc sửa chữa sụn bị hư hại.", "vi"),
    ("Khớp gối trở lại bình thường như trước.", "vi"),
    ("Tế bào gốc loại bỏ bệnh viêm khớp.", "vi"),
    ("Tế bào gốc giúp khôi phục sụn khớp.", "vi"),
    ("Không cần phẫu thuật nữa.", "vi"),
    ("Tế bào gốc đánh bay bệnh tiểu đường.", "vi"),
    ("Quay ngược thời gian cho đôi khớp của bạn.", "vi"),
    ("干细胞修复受损软骨。", "zh_Hans"),
    ("让关节焕然一新。", "zh_Hans"),
    ("干细胞根除糖尿病。", "zh_Hans"),
    ("本疗法经临床证实。", "zh_Hans"),
    ("从此不再需要膝关节手术。", "zh_Hans"),
    ("干细胞让膝关节恢复正常。", "zh_Hans"),
    ("干细胞可以修复软骨。", "zh_Hans"),
    ("干细胞消除糖尿病。", "zh_Hans"),
    ("让您的关节时光倒流。", "zh_Hans"),
    ("您再也不需要做手术。", "zh_Hans"),
    ("干细胞帮您摆脱关节炎。", "zh_Hans"),
    ("幹細胞が傷ついた軟骨を修復します。", "ja"),
    ("関節を若返らせます。", "ja"),
    ("臨床的に証明された治療です。", "ja"),
    ("膝の手術はもう必要ありません。", "ja"),
    ("関節を元の状態に戻します。", "ja"),
    ("失われた軟骨を取り戻します。", "ja"),
    ("時計の針を巻き戻します。", "ja"),
    ("新品のような膝に戻ります。", "ja"),
    ("糖尿病を根本から治します。", "ja"),
    ("軟骨を修復し、関節を健康な状態に戻します。", "ja"),
    ("الخلايا الجذعية ترمم الغضروف التالف.", "ar"),
    ("هذا العلاج يرمم الغضروف.", "ar"),
    ("العلاج يقضي على السكري.", "ar"),
    ("علاج مثبت سريريًا.", "ar"),
    ("لن تحتاج إلى جراحة الركبة بعد اليوم.", "ar"),
    ("تعيد الركبة إلى حالتها الطبيعية.", "ar"),
    ("الخلايا الجذعية تصلح الغضروف التالف.", "ar"),
    ("تخلص من التهاب المفاصل مع خلايانا.", "ar"),
    ("يعيد عقارب الساعة إلى الوراء.", "ar"),
    ("وداعا للجراحة.", "ar"),
    ("الخلايا الجذعية تقضي على التهاب المفاصل.", "ar"),
    ("ပင်မဆဲလ်များသည် ပျက်စီးနေသော အရိုးနုကို ပြုပြင်ပေးသည်။", "my"),
    # Repaired, then helped: the help is another verb's, the repair still promised.
    ("ကျွန်ုပ်တို့၏ ဆဲလ်များသည် ပျက်စီးနေသော တစ်ရှူးကို ပြုပြင်ပေးပြီး ကျန်းမာရေးကို ကူညီသည်။", "my"),
    ("ကျွန်ုပ်တို့၏ ဆဲလ်များသည် တစ်ရှူးကို ပြုပြင်ပေးသည်။ ပြုပြင်မှုကို ကူညီသည်။", "my"),
    # A hope in the next sentence warns of nothing in this one.
    ("ကျွန်ုပ်တို့၏ ဆဲလ်များသည် တစ်ရှူးကို ပြန်လည်တည်ဆောက်ပေးသည်။ မျှော်လင့်ချက်သစ် ဖြစ်သည်။", "my"),
    ("ဒူးဆစ်ကို ပုံမှန်အတိုင်း ပြန်ဖြစ်စေသည်။", "my"),
    ("ဆီးချိုရောဂါကို ပျောက်ကင်းစေသည်။", "my"),
    ("လက်တွေ့ စမ်းသပ်မှုဖြင့် သက်သေပြပြီး ဖြစ်သည်။", "my"),
    ("ခွဲစိတ်ကုသမှု မလိုအပ်တော့ပါ။", "my"),
    ("ဆီးချိုရောဂါကို အမြစ်ပြတ် ဖယ်ရှားပေးသည်။", "my"),
    ("កោសិកាដើមព្យាបាលបានជាដាច់។", "km"),
    ("កោសិកាដើមជួសជុលឆ្អឹងខ្ចីដែលខូច។", "km"),
    ("ធ្វើឱ្យជង្គង់ត្រឡប់មកធម្មតាវិញ។", "km"),
    ("កម្ចាត់ជំងឺទឹកនោមផ្អែម។", "km"),
    ("ការព្យាបាលនេះត្រូវបានបញ្ជាក់តាមគ្លីនិក។", "km"),
    ("លែងត្រូវការវះកាត់ទៀតហើយ។", "km"),
    ("ជង្គង់ដូចថ្មីវិញ។", "km"),
    ("ເຊວຕົ້ນກຳເນີດສ້ອມແປງກະດູກອ່ອນທີ່ເສຍຫາຍ", "lo"),
    ("ຟື້ນຟູຂໍ້ເຂົ່າໃຫ້ກັບມາປົກກະຕິ", "lo"),
    ("ກຳຈັດພະຍາດເບົາຫວານ", "lo"),
    ("ພິສູດແລ້ວທາງຄລີນິກ", "lo"),
    ("ບໍ່ຕ້ອງຜ່າຕັດອີກຕໍ່ໄປ", "lo"),
]

#: The same words in honest sentences: research asks whether, no study has shown,
#: surgery may be needed to repair, the body repairs small wounds itself, ask for
#: proof, a warning of such adverts. None is a promise.
HONEST_REPAIRS = [
    ("งานวิจัยกำลังศึกษาว่าเซลล์ต้นกำเนิดซ่อมแซมกระดูกอ่อนได้หรือไม่", "th"),
    ("ยังไม่มีการศึกษาใดแสดงว่าเซลล์ต้นกำเนิดฟื้นฟูข้อเข่าให้กลับมาปกติ", "th"),
    ("บางคนอาจต้องผ่าตัดเพื่อซ่อมแซมกระดูกอ่อนที่ฉีกขาด", "th"),
    ("ร่างกายซ่อมแซมบาดแผลเล็ก ๆ ได้เอง", "th"),
    ("ขอหลักฐานการพิสูจน์ทางคลินิกจากคลินิก", "th"),
    ("ยังไม่มีการพิสูจน์ทางคลินิกว่าเซลล์ต้นกำเนิดกำจัดโรคเบาหวานได้", "th"),
    ("ผู้ป่วยบางคนยังต้องผ่าตัดเปลี่ยนข้อเข่า", "th"),
    ("กายภาพบำบัดช่วยฟื้นฟูการเคลื่อนไหวของข้อ", "th"),
    ("ระวังคลินิกที่โฆษณาว่าซ่อมแซมกระดูกอ่อนได้", "th"),
    ("Các nhà nghiên cứu đang tìm hiểu liệu tế bào gốc có phục hồi sụn hay không.", "vi"),
    ("Chưa có nghiên cứu nào cho thấy tế bào gốc tái tạo khớp gối.", "vi"),
    ("Một số người có thể cần phẫu thuật để sửa chữa sụn bị rách.", "vi"),
    ("Cơ thể tự phục hồi những vết thương nhỏ.", "vi"),
    ("Hãy yêu cầu phòng khám đưa ra bằng chứng lâm sàng.", "vi"),
    ("Chưa có bằng chứng lâm sàng cho thấy tế bào gốc đẩy lùi bệnh tiểu đường.", "vi"),
    ("Vật lý trị liệu giúp phục hồi khả năng vận động.", "vi"),
    ("Một số người vẫn cần phẫu thuật thay khớp gối.", "vi"),
    ("研究人员正在研究干细胞能否修复软骨。", "zh_Hans"),
    ("目前没有研究证明干细胞能修复软骨。", "zh_Hans"),
    ("有些患者可能需要手术修复受损的软骨。", "zh_Hans"),
    ("身体能自行修复小的伤口。", "zh_Hans"),
    ("请向诊所索取临床证据。", "zh_Hans"),
    ("康复训练有助于恢复关节活动。", "zh_Hans"),
    ("一些患者仍然需要做膝关节置换手术。", "zh_Hans"),
    ("干细胞能否根除糖尿病尚无定论。", "zh_Hans"),
    ("幹細胞が軟骨を修復できるかどうかは研究中です。", "ja"),
    ("幹細胞が軟骨を修復することを示した研究はまだありません。", "ja"),
    ("傷ついた軟骨を修復するために手術が必要になることがあります。", "ja"),
    ("体は小さな傷を自分で修復します。", "ja"),
    ("クリニックに臨床的な証拠を求めましょう。", "ja"),
    ("リハビリは関節の動きを取り戻すのに役立ちます。", "ja"),
    ("膝の手術が必要な方もいます。", "ja"),
    ("يدرس الباحثون ما إذا كانت الخلايا الجذعية ترمم الغضروف.", "ar"),
    ("لم تثبت أي دراسة أن الخلايا الجذعية تقضي على السكري.", "ar"),
    ("قد تحتاج إلى جراحة لإصلاح الغضروف الممزق.", "ar"),
    ("يصلح الجسم الجروح الصغيرة بنفسه.", "ar"),
    ("اطلب من العيادة دليلا سريريا.", "ar"),
    ("يساعد العلاج الطبيعي على استعادة حركة المفصل.", "ar"),
    ("يحتاج بعض المرضى إلى جراحة الركبة.", "ar"),
    ("ပင်မဆဲလ်များက အရိုးနုကို ပြုပြင်နိုင်မနိုင် သုတေသနပြုနေဆဲ ဖြစ်သည်။", "my"),
    ("ပျက်စီးနေသော အရိုးနုကို ပြုပြင်ရန် ခွဲစိတ်ရန် လိုအပ်နိုင်သည်။", "my"),
    ("ခန္ဓာကိုယ်သည် သေးငယ်သော ဒဏ်ရာများကို သူ့အလိုလို ပြုပြင်သည်။", "my"),
    ("ဆေးခန်းကို သက်သေအထောက်အထား တောင်းပါ။", "my"),
    ("လူနာအချို့ ခွဲစိတ်ကုသမှု လိုအပ်နိုင်သည်။", "my"),
    # Found translating a bundled leaflet: cells that may help or support a tissue's own
    # repair (the claim's own suggestion, with the tissue named).
    ("MSC များသည် သင့်ကိုယ်ပိုင်တစ်ရှူး၏ ပြုပြင်ရေးအလုပ်ကို ကူညီနိုင်ကောင်း ကူညီနိုင်သည်။", "my"),
    ("ပင်မဆဲလ်များသည် သင့်တစ်ရှူး၏ ကိုယ်ပိုင် ပြုပြင်မှုကို အထောက်အကူ ပြုနိုင်သည်။", "my"),
    ("ဆဲလ်များက အရိုးနု၏ ပြုပြင်ခြင်းကို ထောက်ကူနိုင်သည်။", "my"),
    # The hope patients hear in a word, as English "hope" and Thai ความหวัง.
    (
        "ဒုတိယ အဓိပ္ပာယ်မှာ လူနာအများအပြား ထိုစကားလုံးတွင် ကြားရသော မျှော်လင့်ချက် ဖြစ်ပြီး "
        "တစ်ရှူးကို ပြန်လည်တည်ဆောက်ကာ ပျက်စီးနေသော ဆဲလ်များနေရာကို အစားထိုးသော ဆဲလ်များကို "
        "ဆိုလိုသည်။",
        "my",
    ),
    ("អ្នកស្រាវជ្រាវកំពុងសិក្សាថាតើកោសិកាដើមអាចជួសជុលឆ្អឹងខ្ចីបានឬទេ។", "km"),
    ("អ្នកខ្លះអាចត្រូវការវះកាត់ដើម្បីជួសជុលឆ្អឹងខ្ចីដែលរហែក។", "km"),
    ("រាងកាយជួសជុលរបួសតូចៗដោយខ្លួនឯង។", "km"),
    ("សូមសុំភស្តុតាងពីគ្លីនិក។", "km"),
    ("មិនទាន់មានការសិក្សាណាបង្ហាញថាកោសិកាដើមព្យាបាលជំងឺទឹកនោមផ្អែមបានជាដាច់ទេ។", "km"),
    ("ນັກຄົ້ນຄວ້າກຳລັງສຶກສາວ່າເຊວຕົ້ນກຳເນີດສ້ອມແປງກະດູກອ່ອນໄດ້ຫຼືບໍ່", "lo"),
    ("ບາງຄົນອາດຕ້ອງຜ່າຕັດເພື່ອສ້ອມແປງກະດູກອ່ອນທີ່ຈີກຂາດ", "lo"),
    ("ຮ່າງກາຍສ້ອມແປງບາດແຜນ້ອຍໆໄດ້ເອງ", "lo"),
    ("ຂໍຫຼັກຖານຈາກຄລີນິກ", "lo"),
    ("ຍັງບໍ່ມີການສຶກສາໃດສະແດງວ່າເຊວຕົ້ນກຳເນີດກຳຈັດພະຍາດເບົາຫວານໄດ້", "lo"),
    # Found in the shipped Thai catalog: may help your own tissue repair itself.
    ("ก็อาจช่วยให้เนื้อเยื่อของคุณเองซ่อมแซมตัวเองได้", "th"),
    # A temperature, a knee's movement back after physiotherapy; germs removed.
    ("ไข้จะกลับมาปกติภายในสองวัน", "th"),
    ("ล้างมือเพื่อกำจัดเชื้อโรค", "th"),
    ("Rửa tay giúp loại bỏ vi khuẩn gây bệnh.", "vi"),
    ("Phục hồi chức năng khớp gối cần nhiều tuần.", "vi"),
    ("术后关节功能逐渐恢复。", "zh_Hans"),
    ("世界卫生组织提醒患者注意风险。", "zh_Hans"),
    ("再生医学是一个新的研究领域。", "zh_Hans"),
    ("一度すり減った軟骨は二度と元に戻りません。", "ja"),
    ("関節の再生医療は研究段階です。", "ja"),
    ("لن تحتاج إلى جراحة لحقن الخلايا.", "ar"),
    ("تخلص من التدخين نهائيا.", "ar"),
    # Denied: not yet clinically proven; no evidence that …; cannot.
    ("การรักษานี้ยังไม่ได้รับการพิสูจน์ทางคลินิก", "th"),
    ("Phương pháp này chưa được chứng minh lâm sàng.", "vi"),
    ("هذا العلاج غير مثبت سريريا.", "ar"),
    ("ການປິ່ນປົວນີ້ຍັງບໍ່ໄດ້ຮັບການພິສູດທາງຄລີນິກ", "lo"),
    ("ការព្យាបាលនេះមិនទាន់បានបញ្ជាក់តាមគ្លីនិកទេ។", "km"),
    ("目前尚未临床证实。", "zh_Hans"),
    ("这种说法未经临床证实。", "zh_Hans"),
    ("ไม่มีหลักฐานว่าเซลล์ต้นกำเนิดซ่อมแซมกระดูกอ่อนได้", "th"),
    ("干细胞不能修复软骨。", "zh_Hans"),
    ("MSC ไม่สามารถกำจัดโรคเบาหวานได้", "th"),
]


@pytest.mark.parametrize(("sentence", "lang"), TISSUE_PROMISES)
def test_a_promise_of_repaired_tissue_is_an_error_in_every_language(
    sentence: str, lang: str
) -> None:
    """A promise that "stem cells repair damaged cartilage" (ซ่อมแซมกระดูกอ่อน, phục hồi sụn, 修复软骨,
    軟骨を修復, يرمم الغضروف), "eliminates diabetes", is "clinically proven", "you will
    never need surgery": each passed `check` in its language."""
    found = [
        (claim.phrase, claim.severity)
        for claim, excused, quoted in _judged_claims(sentence, lang)
        if not excused and not quoted
    ]
    assert any(severity == "error" for _, severity in found), found


@pytest.mark.parametrize(("sentence", "lang"), HONEST_REPAIRS)
def test_the_same_words_in_an_honest_sentence_are_no_promise(sentence: str, lang: str) -> None:
    found = _judged_claims(sentence, lang)
    assert not any(
        claim.severity == "error" and not excused and not quoted for claim, excused, quoted in found
    ), found


def _judged_claims(sentence: str, lang: str) -> list[tuple[Claim, bool, bool]]:
    """Each claim in ``sentence`` with whether it is excused and quoted."""
    return [(m.claim, m.excused, m.quoted) for m in find_claims(sentence, claim_list(lang))]


#: Promises split by an aside between the doer and the verb, as adverts write them:
#: a pair of dashes or commas around what the product is or spares. Each passed.
PROMISES_ROUND_AN_ASIDE = [
    ("Our cells—without surgery—repair cartilage.", "en"),
    ("Our cells – without surgery – repair cartilage.", "en"),
    ("Our cells, taken from your own fat, repair your knee.", "en"),
    ("MSCs, given in one injection, restore your knee.", "en"),
    ("Stem cells, we promise, rebuild your joint.", "en"),
    ("Tế bào gốc, lấy từ mỡ của bạn, sửa chữa sụn bị hư hại.", "vi"),
    ("สเต็มเซลล์สร้างกระดูกอ่อนขึ้นมาใหม่", "th"),
    ("เซลล์ของเราสร้างเนื้อเยื่อขึ้นใหม่", "th"),
]

#: Honest sentences in the same shapes: an aside that warns, a reported claim denied in
#: the next clause or sentence, the body's own everyday repair, exercise that helps.
HONEST_AROUND_AN_ASIDE = [
    ("Stem cells, some adverts claim, repair cartilage.", "en"),
    ("Stem cells, contrary to adverts, do not repair cartilage.", "en"),
    ("Your own cells repair small cuts every day.", "en"),
    ("Cells repair minor injuries on their own.", "en"),
    ("Exercise helps stop arthritis from getting worse.", "en"),
    ("Some clinics say their cells cure arthritis; there is no good evidence for this.", "en"),
    ("Some clinics say their cells cure arthritis. There is no good evidence for this.", "en"),
    ("Some clinics say their cells cure arthritis, but this is not true.", "en"),
    ("Some adverts say stem cells regrow cartilage. However, no study has shown this.", "en"),
    (
        "บางคลินิกบอกว่าเซลล์ของเขารักษาข้อเข่าเสื่อมให้หายขาด แต่ไม่มีหลักฐานที่ดียืนยันเรื่องนี้",
        "th",
    ),
    ("บางคลินิกบอกว่าเซลล์ของเขารักษาข้อเข่าเสื่อมให้หายขาด ซึ่งไม่เป็นความจริง", "th"),
    ("เซลล์ของร่างกายซ่อมแซมบาดแผลเล็ก ๆ ทุกวัน", "th"),
    (
        "Một số phòng khám nói rằng tế bào của họ chữa khỏi viêm khớp; "
        "không có bằng chứng tốt nào cho điều này.",
        "vi",
    ),
    (
        "Một số phòng khám nói rằng tế bào của họ chữa khỏi viêm khớp. "
        "Không có bằng chứng tốt nào cho điều này.",
        "vi",
    ),
    ("Tế bào của bạn sửa chữa những vết cắt nhỏ mỗi ngày.", "vi"),
    ("有些诊所说他们的细胞能治愈关节炎。这没有可靠的证据。", "zh_Hans"),
    ("有些诊所说他们的细胞能治愈关节炎；但没有可靠的证据支持这一点。", "zh_Hans"),
    ("您自己的细胞每天都在修复小伤口。", "zh_Hans"),
    # The shipped Thai catalog: the hope patients hear; signals instead of rebuilding.
    (
        "แบบที่สองคือความหวังที่ผู้ป่วยหลายคนได้ยินในคำนี้ คือ เซลล์ที่สร้างเนื้อเยื่อขึ้นมาใหม่และเข้าไปแทนที่เซลล์ที่เสียหาย",
        "th",
    ),
    ("อธิบายว่าเซลล์ทำหน้าที่ส่งสัญญาณแทนที่จะสร้างเนื้อเยื่อขึ้นใหม่", "th"),
]

#: Still promises: the product, or its reader's knee, named; a report in the leaflet's
#: own voice; a denial of something else after the report; no report at all.
STILL_PROMISES = [
    ("Your own cells repair your knee.", "en"),
    ("Our cells repair small cuts every day.", "en"),
    ("MSCs repair small cuts and your knee.", "en"),
    ("Our cells help get rid of arthritis.", "en"),
    ("MSCs stop arthritis from getting worse.", "en"),
    ("We say our cells cure arthritis. There is no good evidence against this.", "en"),
    ("Some clinics say their cells cure arthritis. There is no evidence that they harm.", "en"),
    ("Our cells cure arthritis. There is no good evidence for surgery.", "en"),
    ("Our cells cure arthritis; there is no good evidence for this.", "en"),
    ("เซลล์ของคุณเองซ่อมแซมข้อเข่า", "th"),
    ("เซลล์ของเรารักษาข้อเข่าเสื่อมให้หายขาด ไม่มีหลักฐานที่ดียืนยันเรื่องนี้", "th"),
    ("Tế bào gốc chữa khỏi viêm khớp. Không có bằng chứng tốt nào cho điều này.", "vi"),
    ("我们的细胞能治愈关节炎。这没有可靠的证据。", "zh_Hans"),
    ("干细胞修复受损软骨。", "zh_Hans"),
]


@pytest.mark.parametrize(("sentence", "lang"), PROMISES_ROUND_AN_ASIDE + STILL_PROMISES)
def test_a_promise_round_an_aside_or_after_a_report_is_found(sentence: str, lang: str) -> None:
    found = [
        claim.severity
        for claim, excused, quoted in _judged_claims(sentence, lang)
        if not excused and not quoted
    ]
    assert "error" in found, _judged_claims(sentence, lang)


@pytest.mark.parametrize(("sentence", "lang"), HONEST_AROUND_AN_ASIDE)
def test_a_denied_report_natural_repair_and_help_are_no_promise(sentence: str, lang: str) -> None:
    found = _judged_claims(sentence, lang)
    assert not any(
        claim.severity == "error" and not excused and not quoted for claim, excused, quoted in found
    ), found


#: The body's own everyday renewal, in languages whose repair claims name no doer: each
#: was reported (Thai) or is kept passing (Vietnamese, Chinese).
BODYS_OWN_RENEWAL = [
    ("ร่างกายสร้างเนื้อเยื่อขึ้นมาใหม่ทุกวัน", "th"),  # the body builds tissue anew every day
    ("ร่างกายสร้างเนื้อเยื่อขึ้นใหม่ทุกวัน", "th"),
    ("ร่างกายของเราสร้างเนื้อเยื่อขึ้นมาใหม่อยู่ทุกวัน", "th"),  # our bodies … every day
    ("ร่างกายสร้างเนื้อเยื่อขึ้นมาใหม่ตลอดเวลา", "th"),  # … all the time
    ("ร่างกายสร้างเนื้อเยื่อขึ้นมาใหม่ทุกวัน ส่วนกระดูกอ่อนซ่อมแซมตัวเองได้น้อย", "th"),
    ("Cơ thể tự tạo lại mô mới mỗi ngày.", "vi"),
    ("身体每天都会自我修复小伤口。", "zh_Hans"),
]

#: Still promises: the product or our cells as the doer, tissue the treatment targets,
#: the renewal placed after the treatment, and cartilage, which is not renewed daily.
RENEWAL_STILL_PROMISED = [
    ("เซลล์ของเราซ่อมแซมกระดูกอ่อน", "th"),  # our cells repair cartilage
    ("เซลล์ของเราสร้างเนื้อเยื่อขึ้นใหม่ทุกวัน", "th"),  # our cells … every day
    ("สเต็มเซลล์สร้างเนื้อเยื่อขึ้นมาใหม่ทุกวัน", "th"),  # stem cells … every day
    ("ร่างกายสร้างเนื้อเยื่อขึ้นมาใหม่ทุกวันหลังฉีดสเต็มเซลล์", "th"),  # … after the injection
    ("ร่างกายสร้างเนื้อเยื่อขึ้นมาใหม่ทุกวัน ด้วยสเต็มเซลล์", "th"),  # … with stem cells
    ("ร่างกายสร้างกระดูกอ่อนขึ้นมาใหม่ทุกวัน", "th"),  # the body rebuilds cartilage daily
    ("ร่างกายสร้างเนื้อเยื่อขึ้นมาใหม่", "th"),  # no "every day": after what?
]


@pytest.mark.parametrize(("sentence", "lang"), BODYS_OWN_RENEWAL)
def test_the_bodys_own_everyday_renewal_is_no_promise(sentence: str, lang: str) -> None:
    found = _judged_claims(sentence, lang)
    assert not any(
        claim.severity == "error" and not excused and not quoted for claim, excused, quoted in found
    ), found


@pytest.mark.parametrize(("sentence", "lang"), RENEWAL_STILL_PROMISED)
def test_renewal_by_the_product_or_of_cartilage_still_promises(sentence: str, lang: str) -> None:
    found = [
        claim.severity
        for claim, excused, quoted in _judged_claims(sentence, lang)
        if not excused and not quoted
    ]
    assert "error" in found, _judged_claims(sentence, lang)


@pytest.mark.parametrize(
    ("sentence", "promise"),
    [
        # The product or its cells helping to stop a disease promise to halt it.
        ("Our cells help stop arthritis.", True),
        ("Our cells help stop arthritis for good.", True),
        ("MSCs help to stop diabetes.", True),
        ("The therapy helps stop multiple sclerosis.", True),
        ("Stem cells will help halt Parkinson's.", True),
        ("Our cells can help stop the disease.", True),
        # Hedged, about the disease's progress, or done by something else: honest.
        ("Our cells may help stop arthritis.", None),
        ("MSCs might help halt the disease.", None),
        ("Stem cells could help stop diabetes.", None),
        ("Our cells help stop arthritis from getting worse.", None),
        ("MSCs may help stop the disease from progressing.", None),
        ("Exercise helps stop arthritis from getting worse.", None),
        ("Exercise helps stop arthritis.", None),
        ("Losing weight can help stop osteoarthritis from getting worse.", None),
        # Denied or asked: excused.
        ("Our cells do not help stop arthritis.", False),
        ("Do stem cells help stop arthritis?", False),
    ],
)
def test_the_product_helping_to_stop_a_disease_is_a_promise(
    sentence: str, promise: bool | None
) -> None:
    found = [
        (claim.phrase, excused)
        for claim, excused, quoted in _judged_claims(sentence, "en")
        if claim.severity == "error" and not quoted
    ]
    if promise is None:
        assert found == [], found
    else:
        assert found and any(not excused for _, excused in found) == promise, found


@pytest.mark.parametrize(
    "sentence",
    [
        "Our cells c u r e arthritis.",
        "C U R E your arthritis today!",
        "Our cells c-u-r-e arthritis.",
        "Our cells c.u.r.e arthritis.",
        "Our cells c*u*r*e arthritis.",
        "We offer a c u r e.",
        "A m i r a c l e for your knees.",
        "Your cartilage will r e g r o w.",
        # the spellings already read as the word, kept
        "This is a cure-all.",
        "Our cells cures!!!",
        "OUR CELLS CURE ARTHRITIS.",
        "Our cells c\u200bure arthritis.",
        "Our cells cu\u00adre arthritis.",
        "Our cells \uff43\uff55\uff52\uff45 arthritis.",
        "Our cells \u0441ure arthritis.",
    ],
)
def test_a_claim_spelled_out_letter_by_letter_is_found(sentence: str) -> None:
    assert any(not excused for _, excused, _ in judged(sentence)), judged(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "MSCs do not c u r e arthritis.",  # letter-spaced, and still denied
        "Take vitamins A, B, C and D.",
        "Ask about the c u f f size.",
        "Keep your records s e c u r e.",  # no "cure" inside a longer run
        "See sections a b c of the form.",
        "The U.S.A. and the E.U. regulate cell therapy.",
    ],
)
def test_letter_spacing_finds_no_claim_where_none_is(sentence: str) -> None:
    assert all(excused for _, excused, _ in judged(sentence)), judged(sentence)


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        # A disease asked about alone, then removed by the product as "it": read as if
        # the disease were written there ("Our therapy eliminates diabetes").
        ("Diabetes? Our therapy eliminates it.", "eliminates it"),
        ("Knee pain? Our cells make it disappear.", "make it disappear"),
        ("Arthritis? Stem cells can cure it.", "cure"),
        ("Osteoarthritis? Our stem cells get rid of it.", "get rid of it"),
        ("Lupus?  MSCs eradicate it.", "eradicate it"),
        ("Arthritis and diabetes? Our therapy eliminates them.", None),  # not one name
        ("Welcome. Joint pain? Our treatment will make it go away.", "make it go away"),
        ("Multiple sclerosis? The therapy halts it!", "halts it"),
        # … and as written there: the product making a pain vanish is a promise.
        ("Our cells make knee pain disappear.", "make knee pain disappear"),
    ],
)
def test_a_disease_asked_about_alone_is_the_pronoun_after_it(
    text: str, reported: str | None
) -> None:
    promises = [seen for seen, excused, _ in judged(text) if not excused]
    assert promises == ([reported] if reported else []), judged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Diabetes? Ask your doctor about it.",
        "Knee pain? Our leaflet explains it.",
        "Arthritis? No treatment can cure it yet.",
        "Diabetes? Cells do not cure it.",
        "Diabetes? Our therapy does not eliminate it.",
        "Knee pain? Rest can make it go away.",  # not the product
        "Knee pain? Our cells may make it go away.",  # a possibility
        "Do you have diabetes? Our leaflet explains it.",
        "What is arthritis? Our doctors explain it.",
        "Arthritis? Can stem cells stop it?",  # a question again
        "Diabetes. Our therapy eliminates it.",  # no question: "it" names nothing asked
        "Diabetes? Talk to us. Our therapy eliminates it.",  # not the next sentence
        "Arthritis? It is a disease of the joints.",
        "Ice can make the swelling go away.",  # not the product
        "The treatment makes you tired and that goes away.",  # a side effect, gone
    ],
)
def test_a_pronoun_after_an_honest_or_other_question_stays_honest(text: str) -> None:
    assert all(excused for _, excused, _ in judged(text)), judged(text)


def test_a_pronoun_claim_is_reported_where_the_pronoun_is(
    make_project: Callable[..., Path],
) -> None:
    root = make_project(
        {"sample": leaflet(CLEAN + "- paragraph: Diabetes? Our therapy eliminates it.\n")}
    )
    assert findings_for(root, "CLAIM001") == ["20:38: error: risky claim “eliminates it”"]
    # … at the column the same claim with the disease written out is reported.
    make_project(
        {"sample": leaflet(CLEAN + "- paragraph: Diabetes? Our therapy eliminates diabetes.\n")}
    )
    assert findings_for(root, "CLAIM001") == ["20:38: error: risky claim “eliminates diabetes”"]


# What `re.IGNORECASE` folds and `str.lower`/`str.casefold` do not make the same letter
# (ſ is s, the Kelvin sign is k, ı and İ are i): a shortcut that looks for a form's
# letters lower-cased would skip a match the form's own pattern finds.
_FOLDED_APART = (
    lambda form: form,
    str.upper,
    lambda form: form.replace("s", "\u017f"),
    lambda form: form.replace("k", "\u212a"),
    lambda form: form.replace("i", "\u0131"),
    lambda form: form.upper().replace("I", "\u0130"),
    lambda form: form.replace(" ", "-"),
    lambda form: f"miracle-{form}-all",
    lambda form: f"x{form} {form}s",
    lambda form: " ".join(form),  # letter by letter: "c u r e"
    lambda form: "و" + form,  # Arabic "and", joined
)


@pytest.mark.parametrize("lang", ["en", "vi", "ar", "th", "lo", "zh", "ja", "my", "km"])
def test_one_scan_for_a_claims_forms_finds_all_that_each_form_finds(lang: str) -> None:
    """A claim's forms (its phrase's, each part's, its `unless` phrases) are sought in a
    text at once, and a text that holds no form of any claim is read no further; what
    is found must be what seeking each form alone finds, in the same order, in every
    spelling a reader's pattern folds."""
    from msc_leaflet.checks.claims import _find, _find_forms, _may_hold
    from msc_leaflet.languages import profile

    language = profile(lang)
    claims = claim_list(lang)
    found_any = 0
    for claim in claims.claims:
        for forms in (claim.forms, *claim.parts, claim.unless):
            for form in forms:
                for write in _FOLDED_APART:
                    text = f"Note: {write(form)}, it says."
                    each = [span for f in forms for span in _find(text, f, language, None)]
                    assert _find_forms(text, forms, language, None) == each, text
                    if each and forms is not claim.unless:
                        assert _may_hold(text, claims.every_form, language), text
                    found_any += bool(each)
    assert found_any > 100  # the texts do hold the forms


@pytest.mark.parametrize(
    ("phrases", "text"),
    [
        (("cure", "cured", "curative"), "It is \u017fure and CURATIVE."),
        (("risk-free", "risk"), "It is RISK FREE."),
        (("100% safe", "safe"), "It is 100 % safe."),
        (("skin", "kill"), "\u212aILL"),
        (("shift", "hit"), "H\u0130T and shıft"),
        (("cure all",), "a cure-all"),
        (("cure",), "secure"),
        (("cure", "curing"), "cured"),
        (("", "-"), "a"),
        ((), "a, cure"),  # none: matches nowhere, not even between words
    ],
)
@pytest.mark.parametrize("in_compounds", [False, True])
@pytest.mark.parametrize("prefixes", [(), ("و", "x")])
def test_a_pattern_of_many_phrases_matches_where_one_of_theirs_does(
    phrases: tuple[str, ...], text: str, in_compounds: bool, prefixes: tuple[str, ...]
) -> None:
    from msc_leaflet.checks.text import phrase_pattern, phrases_pattern

    one = phrases_pattern(phrases, prefixes, in_compounds=in_compounds)
    for at in range(len(text) + 1):
        each = [phrase_pattern(p, prefixes, in_compounds=in_compounds) for p in phrases]
        assert bool(one.match(text, at)) == any(p.match(text, at) for p in each), (text, at)


@pytest.mark.parametrize(
    ("text", "lang", "reported"),
    [
        # The disease asked about in a question that asks whether the reader has it.
        ("Do you have diabetes? Our therapy eliminates it.", "en", "eliminates it"),
        ("Are you suffering from arthritis? Our cells get rid of it.", "en", "get rid of it"),
        ("Suffering from knee pain? Our cells make it go away.", "en", "make it go away"),
        ("Living with lupus? MSCs eradicate it.", "en", "eradicate it"),
        # The pronoun as the subject, and then as the object too.
        ("Arthritis? It will be gone for good.", "en", "It will be gone"),
        ("Knee pain? It goes away after one injection.", "en", "goes away after one injection"),
        ("Do you have arthritis? It is time to get rid of it.", "en", "get rid of it"),
        # Thai: have diabetes? our cells eliminate it; knee disease? cured completely
        ("เป็นเบาหวานไหม? เซลล์ของเรากำจัดมันได้", "th", "กำจัดมัน"),
        ("เป็นเบาหวานไหม เซลล์ของเรากำจัดมันได้", "th", "กำจัดมัน"),  # no "?": ไหม asks
        ("คุณเป็นโรคข้อเข่าเสื่อมหรือไม่? เซลล์ของเราขจัดมันได้", "th", "ขจัดมัน"),
        ("โรคข้อเข่า? หายขาดได้", "th", "หายขาด"),
        # low-fat food helps, and our cells eliminate it: มัน in ไขมัน (fat) is no "it"
        ("เป็นเบาหวานไหม? อาหารไขมันต่ำช่วยได้และเซลล์ของเรากำจัดมันได้", "th", "กำจัดมัน"),
        # Vietnamese: diabetes? our cells cure / drive out / get rid of it
        ("Bệnh tiểu đường? Tế bào của chúng tôi chữa khỏi nó.", "vi", "chữa khỏi"),
        ("Bệnh tiểu đường? Tế bào của chúng tôi đẩy lùi nó.", "vi", "đẩy lùi nó"),
        ("Bạn có bị viêm khớp không? Tế bào gốc loại bỏ nó.", "vi", "loại bỏ nó"),
        # Chinese: diabetes? our cells can root it out / eliminate it
        ("糖尿病？我们的细胞能根治它。", "zh_Hans", "根治"),
        ("糖尿病？我们的细胞能消除它。", "zh_Hans", "消除它"),
        ("你有关节炎吗？我们的干细胞能根除它。", "zh_Hans", "根除它"),
    ],
)
def test_a_disease_asked_about_is_the_pronoun_in_any_place_and_language(
    text: str, lang: str, reported: str
) -> None:
    promises = [seen for seen, excused, _ in judged(text, lang) if not excused]
    assert promises == [reported], judged(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Do you have diabetes? Ask your doctor about it.", "en"),
        ("Knee pain? It may get better with exercise.", "en"),  # a hedge
        ("Arthritis? No treatment can cure it yet.", "en"),
        ("Diabetes? Cells do not cure it.", "en"),
        ("Do you have arthritis? It is not cured by stem cells.", "en"),
        ("Arthritis? It does not go away after one injection.", "en"),
        ("Do you have diabetes or arthritis? Our therapy eliminates them.", "en"),  # two
        ("Is stress bad for arthritis? Stopping it helps.", "en"),  # "it" is the stress
        ("Do you have diabetes? Talk to us. Our therapy eliminates it.", "en"),
        # Thai: cells cannot eliminate it; ask your doctor about it; may ease it
        ("เป็นเบาหวานไหม? เซลล์ไม่สามารถกำจัดมันได้", "th"),
        ("เป็นเบาหวานไหม? ปรึกษาแพทย์เกี่ยวกับมัน", "th"),
        ("ปวดเข่าไหม? การออกกำลังกายอาจช่วยบรรเทามันได้", "th"),
        # get rid of excess fat by exercising: มัน inside ไขมัน (fat) is no "it"
        ("เป็นเบาหวานไหม? กำจัดไขมันส่วนเกินด้วยการออกกำลังกาย", "th"),
        # Vietnamese: cells do not drive it out; ask your doctor about it
        ("Bệnh tiểu đường? Tế bào không đẩy lùi được nó.", "vi"),
        ("Bệnh tiểu đường? Hãy hỏi bác sĩ về nó.", "vi"),
        ("Bạn có bị viêm khớp không? Tế bào gốc không chữa khỏi nó.", "vi"),
        # Chinese: no therapy can eliminate it yet; ask a doctor about it; 其它 "other"
        ("糖尿病？目前没有疗法能消除它。", "zh_Hans"),
        ("你有糖尿病吗？请向医生咨询它。", "zh_Hans"),
        ("糖尿病？消除其它风险因素很重要。", "zh_Hans"),  # removing other risk factors matters
    ],
)
def test_a_pronoun_naming_a_disease_asked_about_stays_honest_in_any_language(
    text: str, lang: str
) -> None:
    assert all(excused for _, excused, _ in judged(text, lang)), judged(text, lang)


def answered(question: str, answer: str, lang: str = "en") -> list[tuple[str, bool]]:
    """``answer``'s claims judged as a FAQ's answer to ``question``: (seen, excused)."""
    from msc_leaflet.checks.text import plain

    seen = plain(answer).text
    return [
        (seen[m.start : m.end], m.excused)
        for m in find_claims(answer, claim_list(lang), None, asked=question)
    ]


@pytest.mark.parametrize(
    ("question", "answer", "lang", "reported"),
    [
        # The question names the disease; the answer removes "it".
        ("Can MSCs help my arthritis?", "Yes, they cure it.", "en", "cure"),
        ("Can MSCs help my arthritis?", "Our cells eliminate it.", "en", "eliminate it"),
        ("Can MSCs help my arthritis?", "Yes. Our cells get rid of it.", "en", "get rid of it"),
        ("Do you have diabetes?", "Our therapy eliminates it.", "en", "eliminates it"),
        ("Knee pain?", "Our cells make it disappear.", "en", "make it disappear"),
        ("Is your arthritis getting worse?", "Our cells stop it.", "en", "stop it"),
        # Thai: can stem cells help my knee osteoarthritis? our cells can eliminate it
        ("เซลล์ต้นกำเนิดช่วยโรคข้อเข่าเสื่อมของฉันได้ไหม", "เซลล์ของเรากำจัดมันได้", "th", "กำจัดมัน"),
        # … the question written with a space between its phrases, as Thai and Khmer
        # writers often do: (do you) have diabetes? our cells can eliminate it
        ("เป็น เบาหวาน ไหม", "เซลล์ของเรากำจัดมันได้", "th", "กำจัดมัน"),
        ("คุณ เป็น โรคข้อเข่าเสื่อม หรือไม่?", "เซลล์ของเราขจัดมันได้", "th", "ขจัดมัน"),
        (
            "เซลล์ต้นกำเนิด ช่วย โรคข้อเข่าเสื่อม ของฉัน ได้ไหม",
            "เซลล์ของเรากำจัดมันได้",
            "th",
            "กำจัดมัน",
        ),
        ("តើ អ្នក មាន ជំងឺ ទឹកនោមផ្អែម ទេ?", "កោសិការបស់យើងកម្ចាត់វាបាន", "km", "កម្ចាត់វា"),
        # Japanese: are you troubled by diabetes? (ended with 。) our cell therapy cures [it]
        ("糖尿病でお悩みですか。", "当院の細胞治療で治ります。", "ja", "当院の細胞治療で治ります"),
        # Vietnamese: can stem cells help my arthritis? our cells get rid of it
        (
            "Tế bào gốc có giúp được bệnh viêm khớp của tôi không?",
            "Tế bào của chúng tôi loại bỏ nó.",
            "vi",
            "loại bỏ nó",
        ),
        # Chinese: can stem cells help my arthritis? our cells can root it out
        ("干细胞能帮助我的关节炎吗？", "我们的细胞能根除它。", "zh_Hans", "根除它"),
    ],
)
def test_a_faq_answer_names_the_disease_its_question_asks_about(
    question: str, answer: str, lang: str, reported: str
) -> None:
    promises = [seen for seen, excused in answered(question, answer, lang) if not excused]
    assert promises == [reported], answered(question, answer, lang)


@pytest.mark.parametrize(
    ("question", "answer", "lang"),
    [
        (
            "Can MSCs help my arthritis?",
            "Research is still going on; no treatment can cure it yet.",
            "en",
        ),
        ("Can MSCs help my arthritis?", "Ask your doctor about it.", "en"),
        ("Can MSCs help my arthritis?", "Our cells do not eliminate it.", "en"),
        ("Can MSCs help my arthritis?", "Studies are small. Our cells eliminate it.", "en"),
        ("Is stress bad for your arthritis?", "Stopping it helps.", "en"),
        ("Are stem cells safe?", "Our cells eliminate it.", "en"),  # no disease asked
        # Thai: ask your doctor about it; cells cannot eliminate it
        ("เซลล์ต้นกำเนิดช่วยโรคข้อเข่าเสื่อมของฉันได้ไหม", "ปรึกษาแพทย์เกี่ยวกับมัน", "th"),
        ("เซลล์ต้นกำเนิดช่วยโรคข้อเข่าเสื่อมของฉันได้ไหม", "เซลล์ไม่สามารถกำจัดมันได้", "th"),
        # … spaced: (do you) have diabetes? cells cannot eliminate it
        ("เป็น เบาหวาน ไหม", "เซลล์ไม่สามารถกำจัดมันได้", "th"),
        # Vietnamese: ask your doctor about it
        ("Tế bào gốc có giúp được bệnh viêm khớp của tôi không?", "Hãy hỏi bác sĩ về nó.", "vi"),
        # Chinese: no therapy can eliminate it yet; please ask a doctor about it
        ("干细胞能帮助我的关节炎吗？", "目前没有疗法能消除它。", "zh_Hans"),
        ("干细胞能帮助我的关节炎吗？", "请向医生咨询它。", "zh_Hans"),
    ],
)
def test_an_honest_faq_answer_about_the_disease_asked_stays_honest(
    question: str, answer: str, lang: str
) -> None:
    assert all(excused for _, excused in answered(question, answer, lang))


def test_a_faq_answer_is_reported_with_its_question_s_disease(
    make_project: Callable[..., Path],
) -> None:
    root = make_project(
        {
            "sample": leaflet(
                CLEAN
                + "- faq:\n"
                + "    - q: Can MSCs help my arthritis?\n"
                + "      a: Our cells make it disappear for good.\n"
                + "    - q: Is your arthritis getting worse?\n"
                + "      a:\n"
                + "        - Our cells stop it.\n"
                + "        - Ask your doctor about it.\n"
                + "    - q: Do you have diabetes?\n"
                + "      a: Ask your doctor about it.\n"
            )
        }
    )
    assert findings_for(root, "CLAIM001") == [
        "22:22: error: risky claim “make it disappear”",
        "25:23: error: risky claim “stop it”",
    ]


@pytest.mark.parametrize(
    ("text", "lang", "reported"),
    [
        # A longer question about the reader's own disease (a possessive before it).
        ("Is your arthritis getting worse? Our cells stop it.", "en", "stop it"),
        ("Does your lupus keep you awake? Our therapy eliminates it.", "en", "eliminates it"),
        ("Can MSCs help my arthritis? Our cells get rid of it.", "en", "get rid of it"),
        # Thai: is your knee osteoarthritis getting worse? our cells can eliminate it
        ("โรคข้อเข่าเสื่อมของคุณแย่ลงไหม เซลล์ของเรากำจัดมันได้", "th", "กำจัดมัน"),
        # Vietnamese: is your arthritis getting worse? stem cells get rid of it
        ("Bệnh viêm khớp của bạn có nặng hơn không? Tế bào gốc loại bỏ nó.", "vi", "loại bỏ nó"),
        # Chinese: has your arthritis got worse? our stem cells can root it out
        ("你的关节炎加重了吗？我们的干细胞能根除它。", "zh_Hans", "根除它"),
    ],
)
def test_a_disease_the_reader_owns_in_a_longer_question_is_the_pronoun_after_it(
    text: str, lang: str, reported: str
) -> None:
    promises = [seen for seen, excused, _ in judged(text, lang) if not excused]
    assert promises == [reported], judged(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Is your arthritis getting worse? Ask your doctor about it.", "en"),
        ("Is your arthritis getting worse? Rest can ease it.", "en"),
        ("Is stress bad for your arthritis? Stopping it helps.", "en"),  # "it": the stress
        ("Are your arthritis and diabetes worse? Our therapy eliminates them.", "en"),  # two
        ("Is your arthritis getting worse? Our cells do not stop it.", "en"),
        ("Is your doctor kind? Our cells eliminate it.", "en"),  # no disease
        # Thai: is your knee osteoarthritis getting worse? consult a doctor about it
        ("โรคข้อเข่าเสื่อมของคุณแย่ลงไหม ปรึกษาแพทย์เกี่ยวกับมัน", "th"),
        # Vietnamese: is your arthritis getting worse? ask your doctor about it
        ("Bệnh viêm khớp của bạn có nặng hơn không? Hãy hỏi bác sĩ về nó.", "vi"),
        # Chinese: has your arthritis got worse? no therapy can eliminate it yet
        ("你的关节炎加重了吗？目前没有疗法能消除它。", "zh_Hans"),
    ],
)
def test_a_pronoun_after_a_longer_question_about_the_reader_s_disease_stays_honest(
    text: str, lang: str
) -> None:
    assert all(excused for _, excused, _ in judged(text, lang)), judged(text, lang)


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        # The product ridding the reader of a pain, the pain written out or named by "it".
        ("Our cells get rid of knee pain.", "get rid of knee pain"),
        ("Knee pain? Our cells get rid of it.", "get rid of it"),
        ("Joint pain? Our therapy eliminates it.", "eliminates it"),
        ("Do you have back pain? MSCs will banish it.", "banish it"),
        # … or the pain gone with the product after it.
        ("Get rid of knee pain with our cells.", "Get rid of knee pain with our cells"),
        ("Knee pain? Say goodbye to it with our cells.", "Say goodbye to it with our cells"),
        # A command naming the disease asked about: "beat arthritis with our cells".
        ("Arthritis? Beat it with our cells!", "Beat it"),
        ("Knee pain? Say goodbye to it for good.", "Say goodbye to it for good"),
    ],
)
def test_the_product_ridding_the_reader_of_a_pain_asked_about_is_a_claim(
    text: str, reported: str
) -> None:
    promises = [seen for seen, excused, _ in judged(text) if not excused]
    assert promises == [reported], judged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Knee pain? Rest can get rid of it.",  # not the product
        "Knee pain? Our cells may get rid of it.",  # a possibility
        "Knee pain? Our cells do not get rid of it.",
        "Painkillers get rid of pain for a few hours.",
        "Knee pain? Say goodbye to it.",  # neither for good nor by the product
        "Knee pain? Ask your doctor how to get rid of it.",
        "Get rid of the pain with ice after the injection.",
        "Use ice to get rid of swelling after one injection.",  # a side effect eased
        "Is stress bad for knee pain? Our cells get rid of it.",  # "it" may be the stress
    ],
)
def test_a_pain_asked_about_and_relieved_otherwise_stays_honest(text: str) -> None:
    assert all(excused for _, excused, _ in judged(text)), judged(text)


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        # Do you suffer from diabetes? Our cells do away with it (على + ه: عليه).
        ("هل تعاني من السكري؟ خلايانا تقضي عليه.", "تقضي عليه"),
        # Knee osteoarthritis? Our treatment does away with it (feminine: عليها).
        ("خشونة الركبة؟ علاجنا يقضي عليها.", "يقضي عليها"),
        # Do you suffer from arthritis? Our cells rid you of it (من + ه: منه).
        ("هل تعاني من التهاب المفاصل؟ خلايانا تخلصك منه.", "تخلصك منه"),
        # … past a bare "yes".
        ("هل تعاني من السكري؟ نعم. علاجنا يقضي عليه.", "يقضي عليه"),
    ],
)
def test_an_arabic_pronoun_joined_to_its_preposition_names_the_disease_asked(
    text: str, reported: str
) -> None:
    promises = [seen for seen, excused, _ in judged(text, "ar") if not excused]
    assert promises == [reported], judged(text, "ar")


@pytest.mark.parametrize(
    "text",
    [
        "هل تعاني من السكري؟ اسأل طبيبك عنه.",  # ask your doctor about it
        "هل تعاني من السكري؟ خلايانا لا تقضي عليه.",  # our cells do not do away with it
        "هل تعاني من السكري؟ لا يوجد علاج يقضي عليه حتى الآن.",  # no treatment does, yet
        "السكري. علاجنا يقضي عليه.",  # no question: "it" names nothing asked
        # Is stress bad for diabetes? Our cells do away with it: "it" may be the stress.
        "هل التوتر سيئ لمرض السكري؟ خلايانا تقضي عليه.",
        # Words that end in ه are no pronoun: this (هذه), face (وجه), God (الله).
        "هل تعاني من السكري؟ هذه الخلايا تقضي على الالتهاب في الوجه بإذن الله.",
        "هل تعاني من السكري؟ تقضي هذه الحمية على الوزن الزائد.",
        "هل تعاني من السكري؟ يمكن الوقاية منه بالرياضة.",  # it can be prevented by exercise
    ],
)
def test_an_arabic_pronoun_after_an_honest_or_other_question_stays_honest(text: str) -> None:
    assert all(excused for _, excused, _ in judged(text, "ar")), judged(text, "ar")


@pytest.mark.parametrize(
    ("text", "promise"),
    [
        # Have diabetes? our cells can eliminate it (with "?", and ended by ບໍ alone).
        ("ເປັນເບົາຫວານບໍ? ເຊວຂອງພວກເຮົາກຳຈັດມັນໄດ້", True),
        ("ເປັນເບົາຫວານບໍ ເຊວຂອງພວກເຮົາກຳຈັດມັນໄດ້", True),
        # Arthritis? stem cells can eliminate it
        ("ຂໍ້ອັກເສບ? ເຊວຕົ້ນກຳເນີດກຳຈັດມັນໄດ້", True),
        # … cells cannot eliminate it; consult a doctor about it
        ("ເປັນເບົາຫວານບໍ? ເຊວບໍ່ສາມາດກຳຈັດມັນໄດ້", False),
        ("ເປັນເບົາຫວານບໍ? ປຶກສາທ່ານໝໍກ່ຽວກັບມັນ", None),
        # get rid of excess fat by exercising: ມັນ inside ໄຂມັນ (fat) is no "it"
        ("ເປັນເບົາຫວານບໍ? ກຳຈັດໄຂມັນສ່ວນເກີນດ້ວຍການອອກກຳລັງກາຍ", None),
        ("ເບົາຫວານ. ເຊວຂອງພວກເຮົາກຳຈັດມັນໄດ້", None),  # no question
    ],
)
def test_a_lao_pronoun_names_the_disease_asked_before_it(text: str, promise: bool | None) -> None:
    assert_judged(text, "lo", promise)


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        # Diabetes? Our cells treat it for good (تعالج + ه: تعالجه).
        ("السكري؟ خلايانا تعالجه نهائيا.", "تعالجه نهائيا"),
        # Do you suffer from arthritis? We treat it for ever (نعالج + ه).
        ("هل تعاني من التهاب المفاصل؟ نعالجه إلى الأبد.", "نعالجه إلى الأبد"),
        # Knee osteoarthritis? Our treatment treats it for good (feminine: يعالجها).
        ("خشونة الركبة؟ علاجنا يعالجها نهائيا.", "يعالجها نهائيا"),
        # … the verb written with "will" or "and" joined to its front: our cells will
        # treat it for good, we will treat it for good, and (our cells) treat it for good
        ("السكري؟ خلايانا ستعالجه نهائيا.", "ستعالجه نهائيا"),
        ("السكري؟ سنعالجه نهائيا.", "سنعالجه نهائيا"),
        ("السكري؟ خلايانا وتعالجه نهائيا.", "وتعالجه نهائيا"),
        # … and a preposition's host so: do you suffer from diabetes? our cells will
        # finish it off (ستقضي عليه)
        ("هل تعاني من السكري؟ خلايانا ستقضي عليه.", "ستقضي عليه"),
        # "you" (all) joined to the verb: our cells treat you for good; we rid you of
        # the pain for ever
        ("السكري؟ خلايانا تعالجكم نهائيا.", "تعالجكم نهائيا"),
        ("خلايانا نخلصكم من الألم إلى الأبد.", "نخلصكم من الألم إلى الأبد"),
    ],
)
def test_an_arabic_pronoun_joined_to_a_claim_verb_names_the_disease_asked(
    text: str, reported: str
) -> None:
    promises = [seen for seen, excused, _ in judged(text, "ar") if not excused]
    assert promises == [reported], judged(text, "ar")


@pytest.mark.parametrize(
    "text",
    [
        "السكري؟ خلايانا لا تعالجه نهائيا.",  # our cells do not treat it for good
        "السكري؟ خلايانا لن تعالجه نهائيا.",  # … will not treat it for good
        "خلايانا لا تعالجكم نهائيا.",  # our cells do not treat you for good
        "السكري؟ سنعالجه لكن ليس نهائيا.",  # we will treat it, but not for good
        "السكري؟ طبيبك يعالجه.",  # your doctor treats it: not for good
        "السكري. خلايانا تعالجه نهائيا.",  # no question: "it" names nothing asked
        # Is stress bad for diabetes? We treat it for good: "it" may be the stress.
        "هل التوتر سيئ لمرض السكري؟ نعالجه نهائيا.",
        # Words that merely end in ه are no pronoun: its treatment (علاجه), his face.
        "السكري؟ علاجه يحتاج إلى وقت ولا يزول نهائيا.",
        "السكري؟ تعالج الممرضة وجهه ولا يؤلم نهائيا.",
    ],
)
def test_an_arabic_pronoun_joined_to_a_verb_stays_honest_where_nothing_is_promised(
    text: str,
) -> None:
    assert all(excused for _, excused, _ in judged(text, "ar")), judged(text, "ar")


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        # Suffering from diabetes? Our clinic's cell therapy cures it.
        ("糖尿病でお悩みですか？当院の細胞治療で治ります。", "当院の細胞治療で治ります"),
        # Arthritis? Stem cells can cure it.
        ("関節炎ですか？幹細胞で治せます。", "幹細胞で治せます"),
        # … past a bare "yes".
        ("糖尿病でお悩みですか？はい。当院の細胞治療で治ります。", "当院の細胞治療で治ります"),
    ],
)
def test_a_japanese_sentence_without_its_object_names_the_disease_asked(
    text: str, reported: str
) -> None:
    promises = [seen for seen, excused, _ in judged(text, "ja") if not excused]
    assert promises == [reported], judged(text, "ja")


@pytest.mark.parametrize(
    "text",
    [
        "関節の痛み？医師に相談してください。",  # joint pain? consult a doctor
        "糖尿病ですか？治療法はまだ研究中です。",  # diabetes? treatments are still studied
        "糖尿病でお悩みですか？当院の細胞治療で治るわけではありません。",  # does not cure
        # Diabetes? A wound heals in a few days: the sentence names what heals (は).
        "糖尿病ですか？傷は数日で治ります。",
        "糖尿病。当院の細胞治療で治ります。",  # no question: nothing asked
        # Is stress bad for diabetes? …: a longer question names no one disease.
        "ストレスは糖尿病に悪いですか？すぐに消えます。",
    ],
)
def test_a_japanese_sentence_after_an_honest_or_other_question_stays_honest(text: str) -> None:
    assert all(excused for _, excused, _ in judged(text, "ja")), judged(text, "ja")


@pytest.mark.parametrize(
    ("sentence", "promise"),
    [
        # The prefix set off by a hyphen (typed, or U+2011 no-break) or a space
        ("Stem cells re-generate cartilage.", True),
        ("Stem cells re\u2011generate cartilage.", True),
        ("Stem cells re generate cartilage.", True),
        ("Our cells re-grow your cartilage.", True),
        ("Our cells will re-build your knee.", True),
        ("Stem cells do not re-generate cartilage.", False),
        # Hyphened, these are other words: cover again, store again
        ("Please re-cover the wound with a clean dressing.", None),
        ("Re-store the leaflet in a dry place.", None),
    ],
)
def test_a_claim_word_with_its_prefix_hyphened_is_the_claim(
    sentence: str, promise: bool | None
) -> None:
    """ "re-generate" and "re-grow" read as "regenerate" and "regrow"; they passed."""
    assert_judged(sentence, "en", promise)


@pytest.mark.parametrize(
    ("text", "promise"),
    [
        # Suffering from diabetes? / Is it diabetes? Our cell therapy cures it: the
        # question ended with 。, as formal Japanese often ends one, or a half-width "?"
        ("糖尿病でお悩みですか。当院の細胞治療で治ります。", True),
        ("糖尿病ですか。当院の細胞治療で治ります。", True),
        ("糖尿病でお悩みですか?当院の細胞治療で治ります。", True),
        ("関節炎ですか?幹細胞で治せます。", True),
        ("関節炎ですか? 幹細胞で治せます。", True),
        # Can stem cells cure diabetes? — asked, with 。 or "?", before a bare "yes"
        ("幹細胞で糖尿病が治りますか。", False),
        ("幹細胞で糖尿病が治りますか?", False),
        ("幹細胞で糖尿病が治りますか? はい。", False),
        ("幹細胞で糖尿病が治るでしょうか。", False),
        # … but a か that ends no question asks nothing: the effect is certain
        ("幹細胞で糖尿病が完治、効果は確か。", True),
        ("糖尿病ですか。治療法はまだ研究中です。", None),  # treatments are still studied
        # An invitation asks nothing: why not cure arthritis (completely) with stem
        # cells?; let's cure it. A question about it still asks: won't it cure?
        ("幹細胞で関節炎を治しませんか？", True),
        ("幹細胞で関節炎を治しませんか。", True),
        ("幹細胞で関節炎を完治させませんか？", True),
        ("幹細胞で関節炎を治しましょう。", True),
        ("幹細胞で関節炎は完治しませんか？", False),
    ],
)
def test_a_japanese_question_ended_with_a_full_stop_or_a_half_width_mark_asks(
    text: str, promise: bool | None
) -> None:
    """ですか。 and a "?" typed half-width ended no question: "can stem cells cure
    diabetes?" with 。 was reported as a promise, and "diabetes? … cures [it]" passed;
    an invitation (治しませんか？, "why not cure it?") was excused as a question."""
    assert_judged(text, "ja", promise)


@pytest.mark.parametrize(
    ("sentence", "promise"),
    [
        ("当院の細胞治療で糖尿病が治ります。", True),  # cures diabetes, written out
        ("幹細胞で関節炎を治します。", True),  # cures arthritis
        ("関節炎が完治します。", True),  # the 完治 claim's, not this one's
        ("糖尿病の人の傷は一週間ほどで治ります。", None),  # a diabetic's wound heals
        # joint pain after the injection goes away quickly: a side effect's course
        ("注射後の関節の痛みはすぐに消えます。", None),
        ("糖尿病が治るという証拠はありません。", False),  # there is no evidence it cures
        ("糖尿病の人は傷が治りにくいです。", None),  # diabetics' wounds heal slowly
        ("注射後の痛みは数日で消えます。", None),  # a side effect that fades
    ],
)
def test_a_japanese_disease_cured_is_a_claim_and_a_pain_fading_is_not(
    sentence: str, promise: bool | None
) -> None:
    assert_judged(sentence, "ja", promise)


@pytest.mark.parametrize(
    ("text", "promise"),
    [
        # Do you have diabetes? our cells can eliminate it (ទេ? and ឬ? close the question).
        ("តើអ្នកមានជំងឺទឹកនោមផ្អែមទេ? កោសិការបស់យើងកម្ចាត់វាបាន", True),
        ("តើអ្នកមានជំងឺទឹកនោមផ្អែមឬ? កោសិការបស់យើងកម្ចាត់វាបាន", True),
        # Diabetes? stem cells can eliminate it; arthritis? our treatment eliminates it
        ("ទឹកនោមផ្អែម? កោសិកាដើមកម្ចាត់វាបាន", True),
        ("តើអ្នកមានជំងឺរលាកសន្លាក់ទេ? ការព្យាបាលរបស់យើងកម្ចាត់វា", True),
        # Diabetes? our stem cell service can eliminate it: វា inside សេវា ("service")
        # is no "it", so the "it" after it is read.
        ("ទឹកនោមផ្អែម? សេវាកោសិកាដើមរបស់យើងកម្ចាត់វាបាន", True),
        # … our clinic's door is open and our cells can eliminate it: nor in ទ្វារ ("door")
        ("ទឹកនោមផ្អែម? ទ្វារគ្លីនិកយើងបើកហើយកោសិការបស់យើងកម្ចាត់វាបាន", True),
        # … ask your doctor about it; no treatment can eliminate it yet; cells cannot
        # eliminate it
        ("តើអ្នកមានជំងឺទឹកនោមផ្អែមទេ? សូមសួរគ្រូពេទ្យរបស់អ្នកអំពីវា", None),
        ("តើអ្នកមានជំងឺទឹកនោមផ្អែមទេ? មិនទាន់មានការព្យាបាលណាអាចកម្ចាត់វាបានទេ", False),
        ("តើអ្នកមានជំងឺទឹកនោមផ្អែមទេ? កោសិកាមិនអាចកម្ចាត់វាបានទេ", False),
        # Knee pain? ask the doctor about it; our service helps you
        ("ឈឺជង្គង់ទេ? សូមសួរគ្រូពេទ្យអំពីវា", None),
        ("តើអ្នកមានជំងឺទឹកនោមផ្អែមទេ? សេវារបស់យើងជួយអ្នក", None),
        ("ទឹកនោមផ្អែម។ កោសិការបស់យើងកម្ចាត់វាបាន", None),  # no question: "it" names nothing
    ],
)
def test_a_khmer_pronoun_names_the_disease_asked_before_it(text: str, promise: bool | None) -> None:
    assert_judged(text, "km", promise)


@pytest.mark.parametrize(
    ("text", "promise"),
    [
        # Do you have diabetes? our cells remove it (၎င်း, written; အဲဒါ, spoken): read as
        # ဆီးချိုရောဂါကို ဖယ်ရှားပေးသည် (remove diabetes).
        ("ဆီးချိုရောဂါ ရှိပါသလား။ ကျွန်ုပ်တို့၏ ဆဲလ်များက ၎င်းကို ဖယ်ရှားပေးသည်။", True),
        ("ဆီးချို ရှိလား။ ကျွန်ုပ်တို့၏ ဆဲလ်များက အဲဒါကို ဖယ်ရှားပေးတယ်။", True),
        # Do you have arthritis? our treatment removes it; … yes. our cells remove it
        ("သင် အဆစ်ရောင် ရှိပါသလား။ ကျွန်ုပ်တို့၏ ကုသမှုက ၎င်းကို ဖယ်ရှားပေးသည်။", True),
        ("ဆီးချိုရောဂါ ရှိပါသလား။ ဟုတ်ကဲ့။ ကျွန်ုပ်တို့၏ ဆဲလ်များက ၎င်းကို ဖယ်ရှားပေးသည်။", True),
        # … our cells remove it, written out
        ("ကျွန်ုပ်တို့၏ ဆဲလ်များက ဆီးချိုကို ဖယ်ရှားပေးသည်။", True),
        # … please consult your doctor about it; there is no proof that cells can
        # remove it
        ("ဆီးချိုရောဂါ ရှိပါသလား။ ၎င်းအကြောင်း ဆရာဝန်နှင့် တိုင်ပင်ပါ။", None),
        ("ဆီးချိုရောဂါ ရှိပါသလား။ ဆဲလ်များက ၎င်းကို ဖယ်ရှားပေးနိုင်ကြောင်း သက်သေ မရှိပါ။", False),
        # Knee pain? please consult a doctor about it
        ("ဒူးနာ ရှိပါသလား။ အဲဒါကို ဆရာဝန်နှင့် တိုင်ပင်ပါ။", None),
        # Diabetes. our cells remove it: no question, so "it" names nothing asked
        ("ဆီးချိုရောဂါ။ ကျွန်ုပ်တို့၏ ဆဲလ်များက ၎င်းကို ဖယ်ရှားပေးသည်။", None),
    ],
)
def test_a_burmese_pronoun_names_the_disease_asked_before_it(
    text: str, promise: bool | None
) -> None:
    assert_judged(text, "my", promise)


@pytest.mark.parametrize(
    ("text", "lang", "promise"),
    [
        # Burmese: do you have diabetes? our cells remove it, the question closed by "?"
        # (as a keyboard without ။ types it), with or without a space before it
        ("ဆီးချိုရောဂါ ရှိပါသလား? ကျွန်ုပ်တို့၏ ဆဲလ်များက ၎င်းကို ဖယ်ရှားပေးသည်။", "my", True),
        ("ဆီးချိုရောဂါ ရှိပါသလား ? ကျွန်ုပ်တို့၏ ဆဲလ်များက ၎င်းကို ဖယ်ရှားပေးသည်။", "my", True),
        ("ဆီးချို? ကျွန်ုပ်တို့၏ ဆဲလ်များက ၎င်းကို ဖယ်ရှားပေးသည်။", "my", True),
        # … ၎င်း typed with the digit ၄ (၄င်း), the common slip: still "it"
        ("ဆီးချိုရောဂါ ရှိပါသလား။ ကျွန်ုပ်တို့၏ ဆဲလ်များက ၄င်းကို ဖယ်ရှားပေးသည်။", "my", True),
        ("ဆီးချိုရောဂါ ရှိပါသလား? ကျွန်ုပ်တို့၏ ဆဲလ်များက ၄င်းကို ဖယ်ရှားပေးသည်။", "my", True),
        # … please consult your doctor about it (၄င်း), closed by "?": no claim
        ("ဆီးချိုရောဂါ ရှိပါသလား? ၄င်းအကြောင်း ဆရာဝန်နှင့် တိုင်ပင်ပါ။", "my", None),
        # … there is no proof that cells can remove it: a denial
        ("ဆီးချိုရောဂါ ရှိပါသလား? ဆဲလ်များက ၄င်းကို ဖယ်ရှားပေးနိုင်ကြောင်း သက်သေ မရှိပါ။", "my", False),
        # Thai: (do you) have diabetes? our cells eliminate it, a space between its words
        ("เป็น เบาหวาน ไหม? เซลล์ของเรากำจัดมันได้", "th", True),
        ("เป็น เบาหวาน ไหม เซลล์ของเรากำจัดมันได้", "th", True),
        ("คุณ เป็น โรคข้อเข่าเสื่อม หรือไม่? เซลล์ของเราขจัดมันได้", "th", True),
        # … cells cannot eliminate it; ask your doctor about it
        ("เป็น เบาหวาน ไหม? เซลล์ไม่สามารถกำจัดมันได้", "th", False),
        ("เป็น เบาหวาน ไหม? ปรึกษาแพทย์เกี่ยวกับมัน", "th", None),
        # Khmer: do you have diabetes? our cells can eliminate it, spaced as Thai is
        ("តើ អ្នក មាន ជំងឺ ទឹកនោមផ្អែម ទេ? កោសិការបស់យើងកម្ចាត់វាបាន", "km", True),
        ("តើ អ្នក មាន ជំងឺទឹកនោមផ្អែម ទេ ? កោសិការបស់យើងកម្ចាត់វាបាន", "km", True),
        # … cells cannot eliminate it
        ("តើ អ្នក មាន ជំងឺ ទឹកនោមផ្អែម ទេ? កោសិកាមិនអាចកម្ចាត់វាបានទេ", "km", False),
        # … a question ended before (។), then words and a pronoun: nothing asked of it
        ("ទឹកនោមផ្អែម។ តើ អ្នក ដឹង ទេ? កោសិការបស់យើងកម្ចាត់វាបាន", "km", None),
    ],
)
def test_a_question_typed_otherwise_still_names_the_disease_for_the_pronoun(
    text: str, lang: str, promise: bool | None
) -> None:
    """A Burmese question closed by "?" instead of ။, a Thai or Khmer one written with a
    space between each word, and ၎င်း typed ၄င်း (the digit four) were read as no
    question, or no "it": "do you have diabetes? our cells remove it" passed."""
    assert_judged(text, lang, promise)


def _ui_only(root: Path, locale: str) -> Path:
    """``root`` with ``locale`` holding only its ui catalog (its leaflets' catalogs
    removed, as in a locale a translator has started with the page's own words)."""
    folder = root / "locales" / locale / "LC_MESSAGES"
    for po in folder.glob("*.po"):
        if po.stem != "ui":
            po.unlink()
    return folder / "ui.po"


@pytest.mark.parametrize(
    ("locale", "promise", "phrase"),
    UI_CATALOG_CLAIMS,
)
def test_a_claim_in_the_ui_catalog_of_a_locale_with_no_leaflet_catalog_is_found(
    tmp_path: Path, locale: str, promise: str, phrase: str
) -> None:
    # `build -l vi` prints every leaflet with the Vietnamese page words of ui.po (the
    # closing box's "Contact us"), its text untranslated; `check` read only the locales
    # with a leaflet's catalog, so a cure promised there was printed unread.
    from typer.testing import CliRunner

    from i18n_support import copy_bundled, msgstr_line, set_msgstr
    from msc_leaflet.cli.app import app

    root = copy_bundled(tmp_path)
    ui = _ui_only(root, locale)
    set_msgstr(ui, "contact", promise)
    line = msgstr_line(ui, "contact")
    column = len('msgstr "') + promise.index(phrase) + 1
    row = (
        f"locales/{locale}/LC_MESSAGES/ui.po:{line}:{column}: error: CLAIM001: [{locale}] "
        f"risky claim “{phrase}” in a word the page prints itself ('contact')"
    )

    def claims(*args: str) -> list[str]:
        result = CliRunner().invoke(app, ["check", "-p", str(root), "--today", "2026-06-01", *args])
        lines = result.output.splitlines()
        return [f"{lines[n]}\n{lines[n + 1]}" for n, row in enumerate(lines) if "CLAIM001" in row]

    found = claims()  # every leaflet, every locale: once, at the catalog's line
    assert len(found) == 1 and found[0].split("\n")[0].endswith(row), found
    assert claims("-l", locale) == found  # as `check -l` reads it: the same code and hint
    assert claims("what-msc-can-do") == found  # one leaflet, as `build` prints each


def test_a_hidden_character_in_the_ui_catalog_of_a_locale_with_no_leaflet_catalog_is_found(
    tmp_path: Path,
) -> None:
    # TEXT001 reads the page's words as CLAIM001 does: in every locale with a ui.po.
    from i18n_support import copy_bundled, msgstr_line, set_msgstr
    from msc_leaflet.checks import CheckConfig, run_checks
    from msc_leaflet.project import Project

    root = copy_bundled(tmp_path)
    ui = _ui_only(root, "vi")
    set_msgstr(ui, "web", "Tran\u200bg web")  # a zero-width space inside "Trang"
    config = CheckConfig(today=dt.date(2026, 6, 1))
    found = [
        (f.location.line, f.message)
        for f in run_checks(Project.at(root), [], [], config)
        if getattr(f, "code", "") == "TEXT001" and f.location.path.name == "ui.po"
    ]
    assert found == [
        (
            msgstr_line(ui, "web"),
            "[vi] invisible U+200B ZERO WIDTH SPACE inside a word: “Trang”, "
            "in a word the page prints itself ('web')",
        )
    ], found


@pytest.mark.parametrize(
    ("sentence", "promise"),
    [
        # Stem cells help you recover completely; the patient healed for good after
        # treatment; the knee recovers fully; joint pain disappears for ever: a cure as
        # an advert words it. Missed before: no listed phrase was in them.
        ("Tế bào gốc giúp bạn phục hồi hoàn toàn.", True),
        ("Bệnh nhân lành hẳn sau điều trị.", True),
        ("Sau một lần truyền, bạn sẽ hồi phục hoàn toàn.", True),
        ("Đau khớp biến mất vĩnh viễn.", True),
        # Stem cells heal the knee; rebuild the body; rebuild the damaged areas.
        ("Tế bào gốc chữa lành khớp gối.", True),
        ("Tế bào gốc giúp tái tạo cơ thể.", True),
        ("Tế bào gốc tái tạo vùng bị tổn thương.", True),
        # Denied or warned of: stem cells do not help you recover completely; not
        # everyone recovers completely; be careful of adverts promising you will heal
        # for good; joint pain does not go away for ever.
        ("Tế bào gốc không giúp phục hồi hoàn toàn.", False),
        ("Không phải ai cũng phục hồi hoàn toàn.", False),
        ("Hãy cẩn thận với quảng cáo hứa bạn sẽ lành hẳn.", False),
        ("Đau khớp không biến mất vĩnh viễn.", False),
        ("Tế bào gốc không chữa lành khớp gối.", False),
        # Regenerative medicine studies how the body repairs itself: the field's name.
        ("Y học tái tạo nghiên cứu cách cơ thể tự sửa chữa.", None),
        # The injection site usually heals in a few days: no claim.
        ("Vết tiêm thường lành sau vài ngày.", None),
    ],
)
def test_a_vietnamese_full_recovery_is_a_claim(sentence: str, promise: bool | None) -> None:
    assert_judged(sentence, "vi", promise)
    assert_judged(unicodedata.normalize("NFD", sentence), "vi", promise)


def test_a_vietnamese_full_recovery_is_a_warning_for_the_reviewer() -> None:
    """A nurse says a bruise healed completely as an advert says a disease did: the
    reviewer reads which, so the phrase is a warning, not an error."""
    found = find_claims("Tế bào gốc giúp bạn phục hồi hoàn toàn.", claim_list("vi"), None, "")
    assert [(m.claim.phrase, m.claim.severity, m.claim.concept) for m in found] == [
        ("phục hồi hoàn toàn", "warning", "cure")
    ]


@pytest.mark.parametrize(
    ("sentence", "promise"),
    [
        ("干細胞能治癒關節炎。", True),  # stem cells cure arthritis, in traditional characters
        ("幹細胞療法永不復發。", True),  # never relapses
        ("幹細胞沒有副作用。", True),  # no side effects
        ("幹細胞能讓軟骨再生。", True),  # cartilage regenerates
        ("目前沒有證據表明幹細胞能治癒關節炎。", False),  # no evidence that … (a denial)
        ("小心聲稱能治癒關節炎的診所。", False),  # beware clinics claiming … (a warning)
        ("再生醫學的研究", None),  # regenerative medicine: the field's name
    ],
)
def test_a_chinese_text_in_traditional_characters_is_read_as_the_list_is(
    sentence: str, promise: bool | None
) -> None:
    # A Hong Kong or Taiwanese writer, or a text pasted from their sites, writes 治癒 and
    # 關節 for the list's 治愈 and 关节: the promise printed and matched nothing
    # (`same-letters` of zh_Hans in data/languages.yaml).
    assert_judged(sentence, "zh_Hans", promise)


@pytest.mark.parametrize(
    ("locale", "msgstr", "claim"),
    [
        ("th", "เซลล์ต้นกำเนิดรักษาเบาหวาน\u202eให้หายขาดได้", "หายขาด"),  # a bidi override
        ("th", "เซลล์ต้นกำเนิดรักษาเบาหวานให้หายขาดได้\ufeff", "หายขาด"),  # a BOM pasted in
        ("vi", "Tế bào gốc\u200e chữa khỏi hoàn toàn bệnh tiểu đường.", "chữa khỏi hoàn toàn"),
        ("ja", "幹細胞は糖尿病を\u202a完治させます。", "完治"),  # a bidi embedding
    ],
)
def test_a_claim_in_a_refused_msgstr_is_named_with_what_refuses_it(
    tmp_path: Path, locale: str, msgstr: str, claim: str
) -> None:
    """A msgstr the build refuses for a hidden character prints its source text, so no
    check read it: the translator removed the character, and only then learnt the
    sentence promised a cure. `i18n check` names both at once, at the msgstr, and
    `check` fails on the promise too."""
    from i18n_support import copy_bundled, invoke, msgstr_line, set_msgstr

    root = copy_bundled(tmp_path)
    po = root / "locales" / locale / "LC_MESSAGES" / "what-msc-can-do.po"
    if not po.is_file():
        assert invoke("i18n", "init", locale, "-q", "--project", str(root))[0] == 0
    set_msgstr(po, "subtitle", msgstr)
    line = msgstr_line(po, "subtitle")

    code, output = invoke("i18n", "check", "--project", str(root))

    assert code == 1, output
    rows = [row for row in output.splitlines() if f"{po.name}:{line}:" in row.split(" ")[0]]
    codes = [row.split(": error: ")[1].split(":")[0] for row in rows]
    assert codes == ["I18N013", "CLAIM001"], output
    assert f"risky claim “{claim}”" in rows[1]
    code, checked = invoke("check", "-l", locale, "what-msc-can-do", "--project", str(root))
    assert code == 1 and f"CLAIM001: [{locale}] risky claim “{claim}”" in checked, checked
    assert "Traceback" not in output + checked


def test_a_claim_in_a_refused_page_word_is_named_with_what_refuses_it(tmp_path: Path) -> None:
    """The same for a word the page prints itself (ui.po), refused and printed in English."""
    from i18n_support import copy_bundled, invoke, msgstr_line, set_msgstr

    root = copy_bundled(tmp_path)
    ui = root / "locales" / "th" / "LC_MESSAGES" / "ui.po"
    set_msgstr(ui, "contact", "ติดต่อเรา รักษา\u202eหายขาด")
    line = msgstr_line(ui, "contact")
    code, output = invoke("i18n", "check", "--project", str(root))
    rows = [row for row in output.splitlines() if f"ui.po:{line}:" in row.split(" ")[0]]
    assert code == 1 and len(rows) == 2, output
    assert "I18N013" in rows[0] and "CLAIM001: [th] risky claim “หายขาด”" in rows[1], output


def test_a_refused_msgstr_that_promises_nothing_adds_no_claim(tmp_path: Path) -> None:
    from i18n_support import copy_bundled, invoke, set_msgstr

    root = copy_bundled(tmp_path)
    po = root / "locales" / "th" / "LC_MESSAGES" / "what-msc-can-do.po"
    # cannot cure diabetes completely: a denial, refused for its bidi override
    set_msgstr(po, "subtitle", "เซลล์ต้นกำเนิดยังรักษาโรคเบาหวาน\u202eให้หายขาดไม่ได้")
    code, output = invoke("i18n", "check", "--project", str(root))
    assert code == 1 and "I18N013" in output and "CLAIM" not in output, output
