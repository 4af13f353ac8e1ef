"""READ001–006: grade level, sentence length, hard words, passive voice, Thai phrases."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest

from msc_leaflet.checks.readability import is_passive, long_phrase, measure, syllables
from test_checks import CLEAN, findings_for, leaflet, translated_context

EASY = (
    "- heading: Easy part\n"
    "- paragraph: >-\n"
    "    The cells send signals. The signals calm the body. You may feel less pain. "
    "It can take a few weeks. Ask your doctor what to expect. Keep a note of how you feel. "
    "Bring the note to your next visit. Your doctor will look at it with you.\n"
)
DENSE = (
    "- heading: Dense part\n"
    "- paragraph: >-\n"
    "    The administration of autologous mesenchymal stromal cells necessitates comprehensive "
    "preliminary evaluation, including haematological, immunological and cardiovascular "
    "investigations, which are ordinarily performed by specialised multidisciplinary teams in "
    "accredited institutions, because inadequately characterised preparations may precipitate "
    "unanticipated complications of considerable clinical significance.\n"
)


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("cell", 1),
        ("signals", 2),
        ("doctor", 2),
        ("inflammation", 4),
        ("bacteria", 4),
        ("table", 2),
        ("expected", 3),
        ("immune", 2),
        ("radio", 3),
        ("the", 1),
    ],
)
def test_syllables(word: str, count: int) -> None:
    assert syllables(word) == count


def test_flesch_kincaid_on_a_known_text() -> None:
    # "The cat sat on the mat." 6 words, 6 syllables, 1 sentence:
    # 0.39*6 + 11.8*1 - 15.59 = -1.45
    assert measure("The cat sat on the mat.").grade == pytest.approx(-1.45)


def test_passive_heuristic() -> None:
    assert is_passive("The cells are taken from fat.")
    assert is_passive("It is not often used.")
    assert not is_passive("The doctor takes the cells from fat.")
    assert is_passive("We are interested.")  # a known false positive: adjectival -ed


def test_read001_and_read002(make_project: Callable[..., Path]) -> None:
    dense = make_project({"sample": leaflet(CLEAN + DENSE)})
    [message] = findings_for(dense, "READ001")
    assert message.startswith("20:0: error: section “Dense part” reads at grade")
    easy = make_project({"sample": leaflet(CLEAN + EASY)})
    assert findings_for(easy, "READ001") == findings_for(easy, "READ002") == []
    warn = make_project({"sample": leaflet(CLEAN + DENSE)})
    assert findings_for(warn, "READ002") == []  # above 10 is READ001 only
    fifteen = findings_for(dense, "READ001")
    assert "limit 10" in fifteen[0]


def test_read002_warning_band(make_project: Callable[..., Path]) -> None:
    root = make_project({"sample": leaflet(CLEAN + EASY)})
    from msc_leaflet.checks.config import packaged_defaults

    strict = dataclasses.replace(packaged_defaults()[0], grade_warning=-5, grade_error=20)
    [message] = findings_for(root, "READ002", readability=strict)
    assert message.startswith("20:0: warning: section “Easy part” reads at grade")


def test_read003_read004_read005(make_project: Callable[..., Path]) -> None:
    dense = make_project({"sample": leaflet(CLEAN + DENSE)})
    assert findings_for(dense, "READ003")  # one 45-word sentence
    assert findings_for(dense, "READ004")
    passive = (
        "- heading: Passive part\n- paragraph: >-\n    The cells are taken from fat. They are "
        "grown in a lab. They are checked by staff. Then they are given to you. You rest. "
        "The room is kept warm. Your pulse is measured each hour. A meal is brought to you. "
        "The results are sent to your doctor. You go home the next day.\n"
    )
    assert findings_for(make_project({"sample": leaflet(CLEAN + passive)}), "READ005")
    easy = make_project({"sample": leaflet(CLEAN + EASY)})
    for code in ("READ003", "READ004", "READ005"):
        assert findings_for(easy, code) == []


#: Six paragraphs (p0 … p5) for a translation to fill; five of short Thai phrases
#: ("cells send signals, the body feels better") and one of a single long phrase
#: ("cells send signals to nearby cells to help reduce inflammation and help the body
#: repair itself better over several weeks after treatment").
SIX_PARAGRAPHS = "".join(f"- paragraph: x{n}\n  id: p{n}\n" for n in range(6))
SHORT_THAI_PHRASES = {f"p{n}": "เซลล์ส่งสัญญาณ ร่างกายรู้สึกดีขึ้น" for n in range(5)}
LONG_THAI_PHRASE = (
    "เซลล์ส่งสัญญาณไปยังเซลล์อื่นที่อยู่ใกล้เคียงเพื่อช่วยลดการอักเสบ"
    "และช่วยให้ร่างกายซ่อมแซมตัวเองได้ดีขึ้นในระยะเวลาหลายสัปดาห์หลังการรักษา"
)


def test_read006_long_thai_phrase(make_project: Callable[..., Path]) -> None:
    root = make_project({"sample": leaflet(CLEAN + SIX_PARAGRAPHS)})
    short, phrase = SHORT_THAI_PHRASES, LONG_THAI_PHRASE
    ctx = translated_context(root, {**short, "p5": phrase})
    [issue] = list(long_phrase(ctx))
    assert issue.message.startswith("[th] phrase of ")
    assert issue.location.line == 30
    balanced = translated_context(root, dict.fromkeys(short, "เซลล์ส่งสัญญาณ") | {"p5": "ดีขึ้น"})
    assert list(long_phrase(balanced)) == []


@pytest.mark.parametrize(
    ("typed", "plain_text"),
    [
        ("Watch for side\u2011effects. Don\u2019t stop.", "Watch for side-effects. Don't stop."),
        ("Watch for side\u2010effects. Don\u02bct stop.", "Watch for side-effects. Don't stop."),
    ],
)
def test_words_a_word_processor_types_count_as_typed_plainly(typed: str, plain_text: str) -> None:
    # A word processor's hyphen (U+2010, the non-breaking U+2011) and its apostrophe
    # (’, or ʼ after autocorrect) join a word as - and ' do: "side‑effects" was two
    # words and "donʼt" two, which lowered the grade and the sentence length.
    assert measure(typed) == measure(plain_text)


def test_read006_in_a_catalog_names_the_msgstr_line_and_column_of_the_phrase(
    make_project: Callable[..., Path],
) -> None:
    # READ006 named no catalog entry: the translator had to find the phrase to split.
    import dataclasses

    from msc_leaflet.content.model import map_texts
    from msc_leaflet.errors import Location

    root = make_project({"sample": leaflet(CLEAN + SIX_PARAGRAPHS)})
    short, phrase = SHORT_THAI_PHRASES, LONG_THAI_PHRASE
    po = root / "locales" / "th" / "LC_MESSAGES" / "sample.po"
    po.parent.mkdir(parents=True)
    po.write_text(f'msgctxt "p5"\nmsgid "x5"\nmsgstr ""\n"ดีขึ้น "\n"{phrase}"\n', "utf-8")
    ctx = translated_context(root, {**short, "p5": phrase})
    leaflet_in_po = map_texts(
        ctx.leaflet,
        lambda t: dataclasses.replace(t, origin=Location(po, 1)) if t.context == "p5" else t,
    )
    [issue] = list(long_phrase(dataclasses.replace(ctx, leaflet=leaflet_in_po)))
    assert issue.hint.endswith(f"the msgstr of 'p5' ({po}:5:2)"), issue.hint
