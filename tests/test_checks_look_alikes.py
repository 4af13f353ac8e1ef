"""A promise spelt with letters printed like those of its own script (`twin_letters`).

Each case below printed its promise on the page while every check passed: a Kangxi
radical is drawn as the ideograph (再⽣ prints as 再生), a capital I and a small l are
one stroke in the leaflets' sans-serif faces ("MlRACLE" prints as MIRACLE), Khmer's
deprecated ឣ is drawn as អ, Thai's obsolete ฃ as ข, the capital eth Ð as Vietnamese Đ,
Thai เ + เ as แ (a common way to type it),
a letter O among a share's digits is a zero ("1OO% safe") and a zero among capitals
an O ("REGR0W"), and a Greek capital iota,
read by Unicode's skeleton as a small l, hid "ΜΙRΑCLΕ"; small capitals ("ᴄᴜʀᴇ"), a
stroke (Cyrillic ӏ, the click letter ǀ) for l and Greek η for n hid theirs. The
claim checks now read them as printed, and TEXT001 names the word to the reviewer, as
a search of the PDF and a screen reader still read other characters.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from msc_leaflet.checks import CheckConfig, run_checks
from msc_leaflet.checks.claims import claim_list, find_claims, risky_claim
from msc_leaflet.checks.text import plain
from msc_leaflet.content.text_policy import hidden_in_words, visible
from msc_leaflet.project import Project
from test_checks import CLEAN, TODAY, findings_for, leaflet, translated_context

#: (language, sentence as typed, the words of the claim as printed)
DISGUISED = [
    ("zh_Hans", "干细胞能再\u2f63软骨。", "再生软骨"),  # KANGXI RADICAL LIFE for 生
    ("ja", "幹細胞で軟骨が再\u2f63します。", "軟骨が再生"),
    ("km", "ការព្យាបាល\u17a3ព្ភូតហេតុ", "អព្ភូតហេតុ"),  # deprecated QAQ for អ: miracle
    ("th", "ผู้ป่วยหาย\u0e03าด", "หายขาด"),  # obsolete KHO KHUAT for ข: cured for good
    ("vi", "Tế bào gốc \u00d0IỀU TRỊ DỨT \u00d0IỂM bệnh khớp.", "TRỊ DỨT ĐIỂM"),  # eth
    ("vi", "Tế bào gốc điều trị dứt d\u0335iểm bệnh khớp.", "trị dứt điểm"),  # d, stroke
    ("th", "ได้ผลเเน่นอน 100%", "ได้ผลแน่นอน 100%"),  # แ typed เ + เ: results for certain
    ("lo", "ເຊວສ້ອມເເປງທຸກຄວາມເສຍຫາຍ", "ສ້ອມແປງທຸກຄວາມເສຍຫາຍ"),  # ແ as ເ + ເ: repairs all damage
    ("en", "A MlRACLE therapy.", "MIRACLE"),  # a small l for I among capitals
    ("en", "Our cells ELlMlNATE arthritis.", "ELIMINATE arthritis"),
    ("en", "Our cells heaI your joints.", "heal"),  # a capital I for l among small letters
    ("en", "A \u039c\u0399R\u0391CL\u0395 therapy.", "MIRACLE"),  # Greek capitals, iota
    ("en", "MSCs hea\u04c0 your joints.", "heal"),  # Cyrillic capital palochka
    ("en", "Our cells are 1OO% safe.", "100% safe"),  # the letter O for a zero
    ("th", "ปลอดภัย 1OO%", "ปลอดภัย 100%"),
    ("en", "Our cells REGR0W cartilage.", "REGROW"),  # a zero for the letter O
    # small capitals, drawn as the capitals at the small letters' height: ʀ and ᴇ have
    # no likeness in Unicode's confusables
    ("en", "Our cells \u1d04\u1d1c\u0280\u1d07 arthritis.", "cure"),
    ("en", "Our cells \u0280\u1d07\u0262\u0280\u1d0f\u1d21 cartilage.", "regrow"),
    ("en", "MSCs hea\u04cf your joints.", "heal"),  # Cyrillic small palochka: a stroke
    ("en", "A mirac\u01c0e therapy.", "miracle"),  # the click letter ǀ: a stroke
    ("en", "Results guara\u03b7teed.", "guaranteed"),  # Greek eta for n
    # Cyrillic о and а that carry a Vietnamese tone (a combining mark): read as the
    # composed letter the list holds ("hoàn toàn", "trẻ hóa", "an toàn 100%")
    (
        "vi",
        "Tế bào gốc chữa khỏi h\u043e\u0430\u0300n t\u043e\u0430\u0300n bệnh.",
        "chữa khỏi hoàn toàn",
    ),
    ("vi", "Tế bào gốc giúp trẻ h\u043e\u0301a làn da.", "trẻ hóa"),
    ("vi", "Liệu pháp \u0430n to\u0430\u0300n 100%.", "an toàn 100%"),
    ("en", "Our cells qur\u0435 arthritis.", "qure"),  # a slip of "cure", a Cyrillic е
    # Greek κ, Cyrillic к and Coptic ⲕ, which the database reads as the Latin kra ĸ (a
    # small capital K) it names no likeness of, for the k of "cure" spelt by ear
    ("en", "Our cells \u03baure arthritis.", "kure"),
    ("en", "Our cells \u043aure arthritis.", "kure"),
    ("en", "Our cells \u2c95ure arthritis.", "kure"),
    ("en", "A mira\u043ale therapy.", "mirakle"),
    # Greek τ, read by the database as the small capital ᴛ
    ("en", "Results guaran\u03c4eed.", "guaranteed"),
    # Greek ε and Cyrillic є, read by the database as a barred c (ꞓ)
    ("en", "Our cells cur\u03b5 arthritis.", "cure"),
    ("en", "Our cells r\u0454gen\u0454rate cartilage.", "regenerate"),
    # Lisu letters are Latin capitals: a whole word of them prints as ours
    ("en", "Our cells \ua4da\ua4f4\ua4e3\ua4f0 arthritis.", "CURE"),
]


@pytest.mark.parametrize(("lang", "sentence", "printed"), DISGUISED)
def test_a_promise_in_letters_printed_alike_is_found(
    lang: str, sentence: str, printed: str
) -> None:
    seen = plain(sentence).text
    found = [(seen[m.start : m.end], m.excused) for m in find_claims(sentence, claim_list(lang))]
    assert (printed, False) in found, found


@pytest.mark.parametrize(("lang", "sentence", "printed"), DISGUISED)
def test_the_reviewer_is_shown_the_word_a_search_would_miss(
    lang: str, sentence: str, printed: str
) -> None:
    described = " ".join(description for _, description in hidden_in_words(sentence))
    assert "“" in described, sentence


@pytest.mark.parametrize(
    "text",
    [
        "McIntyre and AlphaFold",  # mixed case: names, read as typed
        "Is it IL-6, IgG or HbA1c? I will call.",
        "Take 5 mL, then 2 dL.",
        "Oxygen (O2) at 21%; CO 5%.",
        "CD40, H2O, ISO 9001, COVID-19 and N0 (a tumour stage)",
        "Il est là.",
        "A Phase IIa trial, then IIb; stage IIIa, a pI of 7.4",  # capital I as science writes it
        "การทดลองระยะ IIa และ IIIb",  # the same in a Thai text, read word by word
        "thử nghiệm giai đoạn IIa, pI 7,4",
        "再生医学の研究",  # the ideograph itself
        "ผู้ป่วยหายขาด",
        "Điều trị",
        "\u03b7 \u03b8\u03b5\u03c1\u03b1\u03c0\u03b5\u03af\u03b1",  # Greek, whole: η θεραπεία
        "\u04cf\u0430\u0431",  # a whole Cyrillic word with its palochka
    ],
)
def test_correct_text_reads_as_typed(text: str) -> None:
    assert visible(text) == text
    assert hidden_in_words(text) == []


def test_a_twin_in_a_translation_is_found(make_project: Callable[..., Path]) -> None:
    root = make_project({"sample": leaflet(CLEAN)})
    ctx = translated_context(root, {"answer": "เซลล์ของเราทำให้ผู้ป่วยหาย\u0e03าด"}, "th")
    assert ["หายขาด" in issue.message for issue in risky_claim(ctx)] == [True]


def test_a_disguised_promise_is_found_where_it_is_typed(
    make_project: Callable[..., Path],
) -> None:
    blocks = CLEAN + "- paragraph: Our cells heaI joints, a MlRACLE [@alpha2001].\n  id: p\n"
    root = make_project({"sample": leaflet(blocks)})
    assert findings_for(root, "CLAIM001")[0].startswith("20:41: error: risky claim “MIRACLE”")
    assert findings_for(root, "CLAIM003")[0].startswith("20:26: warning: wording that may ")
    hidden = findings_for(root, "TEXT001")
    assert [h.split(": ")[0] for h in hidden] == ["20:26", "20:41"], hidden
    assert "shows “heal”" in hidden[0] and "shows “MIRACLE”" in hidden[1]


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("\u0441ure", "cure"),  # a Cyrillic с
        ("\u1d04\u1d1c\u0280\u1d07", "cure"),  # small capitals
        ("mirac\u04cfe", "miracle"),  # a Cyrillic palochka for l
        ("\u039c\u0399R\u0391CL\u0395", "MIRACLE"),  # Greek capitals
        ("\u03baure", "kure"),  # a Greek kappa: "cure" spelt by ear
        ("cur\u03b5", "cure"),  # a Greek epsilon
        ("\ua4da\ua4f4\ua4e3\ua4f0", "CURE"),  # Lisu
    ],
)
def test_a_promise_in_another_script_s_letters_stands_where_it_is_typed(
    make_project: Callable[..., Path], typed: str, printed: str
) -> None:
    """The claim stood at its line alone (column 0) while TEXT001 named the column: the
    reviewer looked for "cure" and the file shows another script's letters."""
    blocks = CLEAN + f"- paragraph: Our cells {typed} arthritis [@alpha2001].\n  id: p\n"
    root = make_project({"sample": leaflet(blocks)})
    found = findings_for(root, "CLAIM001")
    assert [f.split(" (")[0] for f in found] == [f"20:26: error: risky claim “{printed}”"], found


def test_a_look_alike_with_a_tone_mark_stands_where_it_is_typed(
    make_project: Callable[..., Path],
) -> None:
    """The claim read "hoàn toàn" from a Cyrillic а and a combining grave, and stood at
    its line alone: the file holds no composed à to point at."""
    typed = "Tế bào gốc chữa khỏi h\u043e\u0430\u0300n t\u043e\u0430\u0300n bệnh khớp."
    blocks = CLEAN + f"- paragraph: {typed}\n  id: p\n"
    root = make_project({"sample": leaflet(blocks).replace("language: en", "language: vi")})
    found = [
        f"{f.location.line}:{f.location.column}: {f.message}"
        for f in run_checks(Project.at(root), config=CheckConfig(today=TODAY))
        if getattr(f, "code", "") == "CLAIM001"
    ]
    column = len("  - paragraph: ") + typed.index("chữa") + 1
    assert found == [f"20:{column}: risky claim “chữa khỏi hoàn toàn”"], found


def test_the_reviewer_is_shown_a_look_alike_word_whole_with_its_tone() -> None:
    """TEXT001 named “hоа” and left the n after the tone mark out."""
    typed = "chữa khỏi h\u043e\u0430\u0300n t\u043e\u0430\u0300n"
    described = [description for _, description in hidden_in_words(typed)]
    assert described == [
        "“h\u043e\u0430\u0300n” mixes Latin and Cyrillic letters",
        "“t\u043e\u0430\u0300n” mixes Latin and Cyrillic letters",
    ], described
