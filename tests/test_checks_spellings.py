"""CLAIM001: a promise however its words are spelt.

A writer spells a claim word in ways no list of phrases holds one by one: Japanese in
kana instead of kanji (かんち for 完治, なおります for 治ります), in katakana for emphasis
(カンチ, キセキ) or in half-width katakana an old form still types (ｶﾝﾁ). The page
promises the same cure; these tests hold the check to what a reader reads, and to the
words that only look close (かんちがい, "a misunderstanding")."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

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
