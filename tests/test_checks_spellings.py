"""CLAIM001: a promise however its words are spelt.

An English writer misspells a long claim word ("regenrate", "guarenteed"), prints rn
for m ("rniracle") or a digit for a letter ("m1racle", "cur3"); see checks/slips.py.

A writer spells a claim word in ways no list of phrases holds one by one: Japanese in
kana instead of kanji (かんち for 完治, なおります for 治ります), in katakana for emphasis
(カンチ, キセキ) or in half-width katakana an old form still types (ｶﾝﾁ). The page
promises the same cure; these tests hold the check to what a reader reads, and to the
words that only look close (かんちがい, "a misunderstanding")."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import leaflet_yaml
from msc_leaflet.checks import CheckConfig, run_checks
from msc_leaflet.checks.claims import claim_list, find_claims, risky_claim
from msc_leaflet.checks.text import plain
from msc_leaflet.project import Project
from test_checks import CLEAN, TODAY, leaflet, translated_context


def promises(text: str, lang: str) -> list[str]:
    """The claim words of ``text`` that are asserted, as the page prints them."""
    seen = plain(text).text
    return [
        seen[m.start : m.end]
        for m in find_claims(text, claim_list(lang), None, "")
        if not m.excused
    ]


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("当院の幹細胞で関節炎がかんちします。", "かんち"),  # 完治 in hiragana
        ("当院の幹細胞で関節炎がカンチします。", "カンチ"),  # … in katakana, for emphasis
        ("当院の幹細胞で関節炎がｶﾝﾁします。", "カンチ"),  # … half-width, as printed
        ("関節炎がこんちします。", "こんち"),  # 根治
        ("当院の幹細胞で関節炎がなおります。", "関節炎がなおります"),  # 治ります
        ("当院の幹細胞で関節炎がナオリマス。", "関節炎がナオリマス"),
        ("かならずなおります。", "かならずなお"),  # 必ず治ります
        ("当院の幹細胞で関節炎がキュアします。", "キュア"),  # English "cure"
        ("幹細胞でなんこつがさいせいします。", "なんこつがさいせい"),  # 軟骨が再生
        ("キセキの治療です。", "キセキの"),  # 奇跡の
        ("ミラクルな治療です。", "ミラクル"),  # "miracle"
        ("フクサヨウはありません。", "フクサヨウはありません"),  # 副作用はありません
        ("肌がわかがえります。", "わかがえ"),  # 若返ります
    ],
)
def test_a_japanese_promise_in_kana_is_found(sentence: str, words: str) -> None:
    assert promises(sentence, "ja") == [words]


@pytest.mark.parametrize(
    "sentence",
    [
        "幹細胞は関節炎をかんちさせません。",  # does not cure
        "カンチするわけではありません。",  # it is not that it cures
        "かんちがいしないでください。",  # do not misunderstand
        "カンチガイに注意。",
        "こんちゅうの話。",  # insects
        "なお、治療後は安静にしてください。",  # なお, "furthermore"
        "傷はすぐになおります。",  # a wound heals
        "リスクについて医師に相談してください。",  # risk, in katakana
    ],
)
def test_kana_that_promises_nothing_passes(sentence: str) -> None:
    assert promises(sentence, "ja") == []


def test_a_kana_promise_in_a_translation_names_its_words(
    make_project: Callable[..., Path],
) -> None:
    root = make_project({"sample": leaflet(CLEAN)})
    ctx = translated_context(root, {"answer": "当院の細胞で関節炎がカンチします。"}, "ja")
    assert ["“カンチ”" in issue.message for issue in risky_claim(ctx)] == [True]


def test_a_kana_promise_in_a_japanese_leaflet_stands_where_it_is_typed(
    make_project: Callable[..., Path],
) -> None:
    blocks = CLEAN + "- paragraph: 当院の細胞で関節炎がｶﾝﾁします [@alpha2001]。\n  id: p\n"
    root = make_project({"sample": leaflet(blocks).replace("language: en", "language: ja")})
    found = [
        f"{f.location.line}:{f.location.column}: {f.message}"
        for f in run_checks(Project.at(root), config=CheckConfig(today=TODAY))
        if getattr(f, "code", "") == "CLAIM001"
    ]
    assert found == ["20:26: risky claim “カンチ”"], found


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("Our cells are cureing arthritis.", "cureing"),  # the e kept before -ing
        ("Our cells regrowed cartilage.", "regrowed"),  # a regular ending
        ("Our cells regenrate cartilage.", "regenrate"),  # a letter left out
        ("Our cells regnerate cartilage.", "regnerate"),
        ("Our cells regenarate cartilage.", "regenarate"),  # a vowel for another
        ("Our cells REGENRATE cartilage.", "REGENRATE"),
        ("Cartilage regeneraton in weeks.", "regeneraton"),
        ("Our cells regenerateing cartilage.", "regenerateing"),  # a vowel added
        ("Our cells rejuvinate your joints.", "rejuvinate"),
        ("This is a rniracle.", "rniracle"),  # rn printed close as m
        ("A miracel for your knees.", "miracel"),  # two letters swapped
        ("Results are guarenteed.", "guarenteed"),
        ("Results are garanteed.", "garanteed"),
        ("Results gauranteed.", "gauranteed"),
        ("Our cells re-genrate cartilage.", "re-genrate"),  # a prefix set off too
        # a digit for the letter it is drawn like, in short words too
        ("A m1racle therapy.", "m1racle"),
        ("A M1RACLE therapy.", "M1RACLE"),
        ("Our cells cur3 arthritis.", "cur3"),
        ("Our cells regr0w cartilage.", "regr0w"),
        ("Results guarant33d.", "guarant33d"),
        # a short word's slips that make no other word: swapped, doubled, a hard c by ear
        ("Our cells kure arthritis.", "kure"),
        ("Our cells qure arthritis.", "qure"),
        ("Our cells cuer arthritis.", "cuer"),
        ("Our cells kured my knee.", "kured"),
        ("Stem cells curre arthritis.", "curre"),
        ("A mirakle therapy.", "mirakle"),  # … in a long word too
        # look-alike letters of other scripts, read as the Latin ones they are drawn as
        ("Our cells qur\u0435 arthritis.", "qure"),  # Cyrillic е
        ("Our cells \u0441uer arthritis.", "cuer"),  # Cyrillic с
        # Kure, the Japanese city, is a name only where no word in small letters follows
        ("Our cells Kure arthritis.", "Kure"),
        ("KURE YOUR KNEES TODAY.", "KURE"),
        ("Our cells \u039aure arthritis.", "Kure"),  # a Greek capital kappa
    ],
)
def test_an_english_promise_misspelt_is_found(sentence: str, words: str) -> None:
    assert promises(sentence, "en") == [words]


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("MSCs heall your joints.", "heall"),  # "heal", a warning: its slips are too
        ("MSCs hael your joints.", "hael"),
        ("Scientifically provne.", "provne"),
        ("Our cells h\u0435all your joints.", "heall"),  # a Cyrillic е as well
    ],
)
def test_a_warning_word_misspelt_is_found(sentence: str, words: str) -> None:
    seen = plain(sentence).text
    found = [
        (seen[m.start : m.end], m.claim.severity)
        for m in find_claims(sentence, claim_list("en"), None, "")
        if not m.excused
    ]
    assert found == [(words, "warning")], found


@pytest.mark.parametrize(
    "sentence",
    [
        "Our cells do not regenrate cartilage.",  # denied, misspelt or not
        "No clinic can garantee results.",
        "Degenerate discs are common.",  # a consonant for another: another word
        "Degenerative disease of the knee.",
        "We take good care of you.",  # short words' slips are words
        "Caring for your knee after the injection.",
        "Coring a sample is part of the test.",
        "Keep your records secure.",
        "HeLa cells are a laboratory cell line.",  # "heal" swapped is a name
        "Some call arthritis a curse.",  # "cures" swapped is a word
        "Pure water and a secure dressing.",
        "Regenerative medicine is a field of research.",
        "MSCs do not cur3 arthritis.",
        # words written with digits that are none of a claim's
        "CD34, HbA1c, H2O, IL-6, COVID-19, p53 and vitamin B12.",
        "Take 1 tablet at 10am; call 1669 or ward 3B.",
        # Kure (呉), a city in Japan, in an address or a reference's title
        "Kure Medical Center, 1-2-3 Chuo, Kure, Hiroshima 737-0023, Japan",
        "Knee outcomes at Kure Kyosai Hospital: a cohort study.",
        "Patients treated in Kure.",
        "Outcomes in Kure (Hiroshima) after surgery.",
    ],
)
def test_words_near_a_claim_word_pass(sentence: str) -> None:
    assert promises(sentence, "en") == []


DICTIONARY = Path("/usr/share/hunspell/en_US.dic")


@pytest.mark.skipif(not DICTIONARY.is_file(), reason="no hunspell en_US dictionary here")
def test_no_slip_read_as_a_claim_is_an_english_word() -> None:
    """A slip the check reads as a promise is no word of English (checked against
    hunspell's list, its stems with the common endings): "degenerate" is never read
    as "regenerate"."""
    # A name (hunspell writes it capitalised: "Kure", a city in Japan) is no word a
    # leaflet's sentence holds in lower case, where "kure" is "cure" spelt by ear.
    stems = {
        line.split("/")[0].casefold()
        for line in DICTIONARY.read_text("latin-1").splitlines()[1:]
        if line and not line[0].isupper()
    }
    endings = [("s", ""), ("es", ""), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", "")]
    endings += [("ing", "e"), ("ion", "e"), ("ly", "")]

    def english(word: str) -> bool:
        return word in stems or any(
            word.endswith(end) and word[: -len(end)] + stem in stems for end, stem in endings
        )

    listed = claim_list("en")
    words = [
        slip
        for slip, n in listed.slips
        if english(slip)
        # the word itself with another regular ending ("guaranteeed", "regrowes")
        and not any(slip.startswith(form.casefold()[:-1]) for form in listed.claims[n].forms)
    ]
    # "guaranty" is the older spelling of "guarantee": the same promise
    assert [word for word in words if not word.startswith("guaranty")] == []


def test_a_misspelt_promise_stands_where_it_is_typed(
    make_project: Callable[..., Path],
) -> None:
    blocks = CLEAN + "- paragraph: Our cells regenrate cartilage [@alpha2001].\n  id: p\n"
    root = make_project({"sample": leaflet(blocks)})
    found = [
        f"{f.location.line}:{f.location.column}: {f.message}"
        for f in run_checks(Project.at(root), config=CheckConfig(today=TODAY))
        if getattr(f, "code", "") == "CLAIM001"
    ]
    assert found == ["20:26: risky claim “regenrate”"], found


@pytest.mark.parametrize(
    ("locale", "msgstr", "words"),
    [
        # A translator's promise where the source says the cells send signals: the
        # same rules read the msgstr, and the hint names its catalog line and column.
        ("ja", "当院の細胞で関節炎がｶﾝﾁします。", "カンチ"),  # half-width katakana
        ("th", "เซลล์ของเรา regenrate กระดูกอ่อน", "regenrate"),  # English, misspelt
        ("th", "เซลล์ของเรา \u0280\u1d07\u0262\u0280\u1d0f\u1d21 กระดูกอ่อน", "regrow"),
    ],
)
def test_a_disguised_promise_in_a_catalog_names_its_msgstr(
    make_project: Callable[..., Path], locale: str, msgstr: str, words: str
) -> None:
    root = make_project({"sample": leaflet(CLEAN + "- paragraph: Cells send signals.\n  id: p\n")})
    header = f'msgid ""\nmsgstr ""\n"Language: {locale}\\n"\n'
    header += '"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    entry = f'msgctxt "p"\nmsgid "Cells send signals."\nmsgstr "{msgstr}"\n'
    po = root / "locales" / locale / "LC_MESSAGES" / "sample.po"
    po.parent.mkdir(parents=True)
    po.write_text(header + entry, "utf-8")
    found = run_checks(Project.at(root), config=CheckConfig(today=TODAY), locales=[locale])
    [claim] = [f for f in found if getattr(f, "code", "") == "CLAIM001"]
    assert f"risky claim “{words}”" in claim.message
    line = (header + entry).splitlines().index(f'msgstr "{msgstr}"') + 1
    lead = "当院の細胞で関節炎が" if locale == "ja" else "เซลล์ของเรา "  # before the claim
    column = len('msgstr "') + len(lead) + 1
    assert f"sample.po:{line}:{column})" in claim.hint, claim.hint


def test_the_city_of_kure_passes_where_a_reference_or_address_names_it(
    make_project: Callable[..., Path],
) -> None:
    """Kure (呉), a Japanese city and surname, is "kure", "cure" spelt by ear: its
    hospital in a reference's title and the clinic's address were CLAIM001 errors, a
    false alarm a reviewer learns to ignore. A promise beside it is still found."""
    references = (
        "references:\n"
        "  - key: alpha2001\n"
        "    authors: [Kure S, Beta B]\n"
        "    title: Knee outcomes at Kure Medical Center, a cohort in Kure\n"
        "    journal: J Test\n"
        "    year: 2001\n"
    )
    blocks = CLEAN + "- paragraph: Our cells kure arthritis [@alpha2001].\n  id: p\n"
    root = make_project({"sample": leaflet_yaml(blocks, references=references)})
    organisation = root / "organisations" / "test-clinic.yaml"
    organisation.write_text(
        organisation.read_text("utf-8") + "address: 1-2-3 Chuo, Kure, Hiroshima 737-0023\n",
        "utf-8",
    )
    found = [
        f"{f.location.line}:{f.location.column}: {f.message}"
        for f in run_checks(Project.at(root), config=CheckConfig(today=TODAY))
        if getattr(f, "code", "").startswith("CLAIM")
    ]
    assert found == ["20:26: risky claim “kure”"], found
