"""Hardening round 2, what a reviewer cannot see: invisible characters, bidi controls,
look-alike letters, added numbers, control characters and mark floods.

Each class is tested where it enters (a leaflet's YAML, a translator's msgstr) and where
it would have slipped through (`check`, `i18n check`, `build --strict`).
"""

from __future__ import annotations

import contextlib
import re
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import leaflet_yaml
from i18n_support import msgstr_line
from msc_leaflet.checks.claims import claim_list, find_claims
from msc_leaflet.cli.app import app
from msc_leaflet.content.text_policy import MAX_MARKS, refusal, visible
from msc_leaflet.i18n.pofile import read_po, write_po
from msc_leaflet.i18n.translation_checks import NUMBERS, check_translation

runner = CliRunner()

# What a reader never sees (Default_Ignorable_Code_Point), as found in pasted text.
INVISIBLE = ["\u200b", "\u00ad", "\u2060", "\u200c", "\u200d", "\u180e", "\ufe0f", "\u034f"]
# Cyrillic and Greek letters drawn like the Latin ones of "cure", "regrow", "miracle".
LOOKALIKES = {"c": "\u0441", "e": "\u0435", "o": "\u043e", "r": "\u0433", "a": "\u0430"}


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout + result.stderr


def claims(text: str, lang: str = "en") -> list[str]:
    return [
        visible(text)[m.start : m.end]
        for m in find_claims(text, claim_list(lang), None, "")
        if not m.excused
    ]


# --- 1. invisible characters and look-alikes cannot hide a claim -----------------------


@pytest.mark.parametrize(
    "disguised",
    [
        "MSC therapy can cu\u200bre arthritis.",  # zero-width space
        "MSC therapy can cu\u00adre arthritis.",  # soft hyphen
        "MSC therapy can cu\u2060re arthritis.",  # word joiner
        "MSC therapy can \u0441ure arthritis.",  # Cyrillic с
        "MSC therapy can ｃｕｒｅ arthritis.",  # full-width
        "MSC therapy can \U0001d41c\U0001d42e\U0001d42b\U0001d41e arthritis.",  # maths bold
        "MSC therapy can C\u200bU\u200bR\u200bE arthritis.",
    ],
)
def test_a_disguised_claim_is_still_a_claim(disguised: str) -> None:
    assert claims(disguised) == ["cure"] or claims(disguised) == ["CURE"]


def test_a_thai_claim_split_by_a_zero_width_space_is_still_a_claim() -> None:
    assert claims("การรักษานี้ทำให้หาย\u200bขาด", "th") == ["หายขาด"]


@settings(max_examples=150, deadline=None)
@given(
    word=st.sampled_from(["cure", "regrow", "miracle", "guaranteed"]),
    inserts=st.lists(
        st.tuples(st.integers(0, 20), st.sampled_from(INVISIBLE)), min_size=1, max_size=4
    ),
    swap=st.booleans(),
)
def test_any_insertion_of_invisible_characters_keeps_a_claim_flagged(
    word: str, inserts: list[tuple[int, str]], swap: bool
) -> None:
    disguised = word
    for position, char in inserts:
        at = position % (len(disguised) + 1)
        disguised = disguised[:at] + char + disguised[at:]
    if swap:  # and one letter from another script, where it has a look-alike
        disguised = "".join(LOOKALIKES.get(c, c) if i == 1 else c for i, c in enumerate(disguised))
    assert claims(f"Our cells {disguised} everything.") != []


def test_check_and_strict_build_refuse_a_disguised_claim(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_project({"sample": leaflet_yaml("- paragraph: MSC therapy can cu\u200bre pain.\n")})
    code, output = invoke("check", "--project", str(root))
    assert code == 1
    assert "error: CLAIM001: risky claim “cure”" in output
    assert "warning: TEXT001: invisible U+200B ZERO WIDTH SPACE inside a word" in output
    code, output = invoke("build", "--strict", "--project", str(root), "-o", str(tmp_path / "o"))
    assert code == 1
    assert not list((tmp_path / "o").rglob("*.pdf"))


def test_a_word_mixing_latin_and_cyrillic_is_shown_to_the_reviewer(
    make_project: Callable[..., Path],
) -> None:
    root = make_project({"sample": leaflet_yaml("- paragraph: Ask your \u0441linic first.\n")})
    _, output = invoke("check", "--project", str(root))
    assert "TEXT001: “\u0441linic” mixes Latin and Cyrillic letters" in output


@pytest.mark.parametrize(
    ("disguised", "shown"),
    [
        # phonetic letters drawn like Latin ones, which no language spells words with
        ("Our cells re\u0261row cartilage.", "re\u0261row"),  # ɡ LATIN SMALL LETTER SCRIPT G
        ("A mir\u0251cle therapy.", "mir\u0251cle"),  # ɑ LATIN SMALL LETTER ALPHA
        ("Our cells \u1d04ure arthritis.", "\u1d04ure"),  # ᴄ LATIN LETTER SMALL CAPITAL C
        ("Results \u0261uaranteed.", "\u0261uaranteed"),
        # every letter a look-alike, from three scripts: Cyrillic С, Armenian Ս, Cherokee Ꮢ
        ("Our cells \u0421\u054d\u13d2\u0415 arthritis.", "\u0421\u054d\u13d2\u0415"),
    ],
)
def test_a_claim_spelt_with_look_alikes_without_a_plain_letter_is_still_a_claim(
    disguised: str, shown: str
) -> None:
    from msc_leaflet.content.text_policy import hidden_in_words

    assert claims(disguised) != []
    assert [shown in why for _, why in hidden_in_words(disguised)] == [True]


@pytest.mark.parametrize(
    "written",
    [
        "Tế bào gốc đã được nghiên cứu ở người.",  # Vietnamese
        "Die Straße ist lang; Ærø, Łódź, İzmir, œuvre.",
        "Стволовые клетки изучают в клинических испытаниях.",  # Russian
        "Τα κύτταρα μελετώνται.",  # Greek
        "Cells of 10 μm were counted.",
    ],
)
def test_letters_of_real_words_are_read_as_written(written: str) -> None:
    from msc_leaflet.content.text_policy import hidden_in_words

    assert visible(written) == written
    assert hidden_in_words(written) == []


def test_zero_width_spaces_in_thai_are_allowed_and_not_reported() -> None:
    assert refusal("ผู้ป่วย\u200bควร\u200bพักผ่อน") is None
    from msc_leaflet.content.text_policy import hidden_in_words

    assert hidden_in_words("ผู้ป่วย\u200bควร\u200bพักผ่อน") == []


def test_a_zero_width_space_before_a_mark_is_shown_to_the_reviewer() -> None:
    # It can break no line (a Thai tone mark printed alone at a line's start would be
    # a misprint), so the author's fix does nothing: say so.
    from msc_leaflet.content.text_policy import hidden_in_words

    found = hidden_in_words("ผู้ป่วยที\u200b่นี่")
    assert [offset for offset, _ in found] == [9]
    assert "U+200B" in found[0][1]
    assert hidden_in_words("ผู้ป่วย\u200bที่นี่") == []
    # Nor between a consonant and the stacker, coeng or virama joining it to the one
    # before, nor before a killed final: the line rules keep a stack and a syllable whole.
    for stacked in ("ကမ္\u200bဘာ", "ស្\u200bរី", "स्\u200bट", "ဆဲ\u200bလ်", "က\u200bမ္ဘာ"):
        assert [offset for offset, _ in hidden_in_words(stacked)] == [stacked.index("\u200b")]


def test_visible_keeps_thai_and_lao_vowels_whole() -> None:
    # NFKC would split ำ into ํา and ຳ into ໍາ: the checks must not judge split text.
    assert visible("ทำ ນ້ຳ ຳ") == "ทำ ນ້ຳ ຳ"


def test_visible_works_out_each_character_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The checks read every text of every translation through `visible`: each
    character's plain form and look-alike test are worked out once a process, not once
    per text or per character (#20), and what a check reads is the same."""
    from msc_leaflet.content import text_policy

    asked: list[str] = []

    def counted(form: Callable[[str], str]) -> Callable[[str], str]:
        def ask(char: str) -> str:
            asked.append(char)
            return form(char)

        return ask

    plain = text_policy.CharTable(counted(text_policy._plain_form))
    imitators = text_policy.CharTable(counted(text_policy._imitator))
    monkeypatch.setattr(text_policy, "_PLAIN_FORMS", plain)
    monkeypatch.setattr(text_policy, "_IMITATORS", imitators)
    read = text_policy.visible.__wrapped__
    texts = ["เซลล์ต้นกำเนิด ｶﾞ ２ ครั้ง " * 20, "ｓｔｅｍ ｃｅｌｌｓ เซลล์ " * 20, "рeɡrow ok"]
    assert [read(t) for t in texts] == [
        ("เซลล์ต้นกำเนิด ガ 2 ครั้ง " * 20),
        "stem cells เซลล์ " * 20,
        "pegrow ok",  # a Cyrillic р is drawn as a Latin p
    ]
    assert len(asked) <= 2 * len(set("".join(texts)))


@pytest.mark.parametrize(
    ("typed", "lang", "claim"),
    [
        # ສຳເລັດ 100% with its ຳ typed as ໍ + າ, as many Lao keyboards write it
        ("ເຊວຕົ້ນກຳເນີດ: ສ\u0ecd\u0eb2ເລັດ 100%", "lo", "ສຳເລັດ 100%"),
        ("ກ\u0ecd\u0eb2ຈັດອາການປວດຕະຫຼອດໄປ", "lo", "ກຳຈັດອາການປວດຕະຫຼອດໄປ"),
        # Thai copied from a PDF, whose text layer split ำ into ํ + า
        ("สเต็มเซลล์ได้ผลส\u0e4d\u0e32เร็จ 100%", "th", "ได้ผลสำเร็จ 100%"),
        ("ก\u0e4d\u0e32จัดอาการปวดได้ตลอดไป", "th", "กำจัดอาการปวดได้ตลอดไป"),
    ],
)
def test_sara_am_typed_as_two_characters_is_read_as_the_vowel_it_prints(
    typed: str, lang: str, claim: str
) -> None:
    """ໍ + າ (Thai ํ + า) print exactly as ຳ (ำ), with a tone mark before or between
    them: a Lao keyboard types ນໍ້າ so, and a Thai PDF's text layer gives ทํา back so.
    The checks read the vowel the reader sees, so such a claim is a claim."""
    assert claims(typed, lang) == [claim]
    assert visible("ນໍ້າ ນ້ໍາ ທ\u0ecd\u0eb2 ท\u0e4d\u0e49\u0e32") == "ນ້ຳ ນ້ຳ ທຳ ท้ำ"


def test_a_burmese_word_typed_with_the_digit_zero_for_wa_is_shown_and_read_as_a_word() -> None:
    from msc_leaflet.content.text_policy import hidden_in_words

    typed = "ဆရာ\u1040န်ကို ၁၀ ရက်အတွင်း မေးပါ"
    found = hidden_in_words(typed)
    assert [offset for offset, _ in found] == [3]
    assert "ဆရာ\u1040န်ကို" in found[0][1] and "U+1040" in found[0][1]
    assert visible(typed) == "ဆရာဝန်ကို ၁၀ ရက်အတွင်း မေးပါ"
    assert hidden_in_words("၁၀ရက် ၀ ရက် ဆရာဝန်") == []


def test_a_claim_typed_with_a_split_sara_am_is_pointed_at_where_it_is_typed(
    tmp_path: Path,
) -> None:
    from msc_leaflet.checks.source import po_locate
    from msc_leaflet.errors import Location

    catalog = tmp_path / "lo.po"
    typed = "ນໍ້າ ກ\u0ecd\u0eb2ຈັດອາການປວດຕະຫຼອດໄປ"
    catalog.write_text(f'msgctxt "p"\nmsgid "x"\nmsgstr "{typed}"\n', encoding="utf-8")
    found = po_locate(Location(catalog, 1), visible("ກ\u0ecd\u0eb2ຈັດອາການປວດ"))
    assert (found.line, found.column) == (3, len('msgstr "ນໍ້າ ') + 1)
    found = po_locate(Location(catalog, 1), visible("ນໍ້າ"))
    assert (found.line, found.column) == (3, len('msgstr "') + 1)


@pytest.mark.parametrize(
    "spelling",
    [
        "e\u0323\u0302",  # NFD
        "e\u0302\u0323",  # its marks in the other order
        "\u00ea\u0323",  # Windows-1258, VNI: ê, then the tone mark
        "\u1eb9\u0302",  # ẹ, then the circumflex
    ],
)
def test_a_vietnamese_claim_typed_with_its_tone_mark_apart_is_pointed_at(
    tmp_path: Path, spelling: str
) -> None:
    """A catalog saved by a Windows-1258 or VNI editor keeps a Vietnamese tone mark
    apart from the letter it sits on (ệ as ê ◌̣): the finding named the msgstr's line
    only, not where "khỏi hẳn" is typed, as it did for NFD."""
    from msc_leaflet.checks.source import po_locate
    from msc_leaflet.errors import Location

    catalog = tmp_path / "vi.po"
    typed = f"B{spelling}nh nh\u00e2n kho\u0309i h\u0103\u0309n b{spelling}nh."
    catalog.write_text(f'msgctxt "p"\nmsgid "x"\nmsgstr "{typed}"\n', encoding="utf-8")
    found = po_locate(Location(catalog, 1), visible("khỏi hẳn bệnh"))
    before = typed.index("kho")
    assert (found.line, found.column) == (3, len('msgstr "') + before + 1)


# --- 2. bidi controls ("Trojan Source") ------------------------------------------------


@pytest.mark.parametrize("control", ["\u202e", "\u202d", "\u2066", "\u2067", "\u2068", "\u200f"])
def test_bidi_controls_are_refused_in_a_left_to_right_leaflet(
    make_project: Callable[..., Path], tmp_path: Path, control: str
) -> None:
    text = f"- paragraph: Take 1 tablet {control}daily 2{chr(0x202C)} after meals.\n"
    root = make_project({"sample": leaflet_yaml(text)})
    code, output = invoke("build", "--project", str(root), "-o", str(tmp_path / "o"))
    assert code == 1
    assert f"U+{ord(control):04X}" in output and "left-to-right text" in output
    assert "sample.yaml:17:30: error: bidirectional control" in output
    assert not list((tmp_path / "o").rglob("*.pdf"))


def test_balanced_isolates_are_allowed_in_arabic_and_unbalanced_ones_are_not() -> None:
    assert refusal("خذ \u2066500 mg\u2069 يوميا", right_to_left=True) is None
    unclosed = refusal("خذ \u2066500 mg يوميا", right_to_left=True)
    assert unclosed is not None and "never closed" in unclosed.message
    stray = refusal("خذ 500 mg\u202c يوميا", right_to_left=True)
    assert stray is not None and "closes nothing" in stray.message


def set_msgstr(root: Path, context: str, msgstr: str) -> None:
    path = root / "locales" / "th" / "LC_MESSAGES" / "care-basics.po"
    catalog = read_po(path)
    for entry in catalog.active:
        if entry.msgctxt == context:
            entry.msgstr = msgstr
    write_po(path, catalog)


@pytest.mark.parametrize(
    ("msgstr", "message"),
    [
        ("ปิดผ้าพันแผลไว้ 4 ชั่วโมง \u202eและอย่าให้เปียกน้ำ\u202c", "bidirectional control"),
        ("ปิดผ้าพันแผลไว้ 4 ชั่วโมง \u2067และอย่าให้เปียกน้ำ\u2069", "bidirectional control"),
        ("ปิดผ้าพันแผลไว้ 4 ชั่วโมง\x1b[2J และอย่าให้เปียกน้ำ", "control character U+001B"),
        ("ปิดผ้าพันแผลไว้ 4 ชั่วโมง และอย่าให้เปียกน้ำ\ue000", "private-use character"),
        ("ป" + "\u0e49" * 500 + "ิดผ้าพันแผลไว้ 4 ชั่วโมง", "combining marks on one letter"),
        ("ปิดผ้าพันแผลไว้ 4 ชั่วโมง และรับประทานยา 500 mg", "number not in the source: 500"),
        ("ปิดผ้าพันแผลไว้ ๔ ชั่วโมง โทร 1669", "number not in the source: 1669"),
        ("ปิดผ้าพันแผลไว้ ชั่วโมง และอย่าให้เปียกน้ำ", "number missing or changed: 4"),
        ("ดู https://example.org ปิดผ้าพันแผลไว้ 4 ชั่วโมง", "URL not in the source"),
    ],
)
def test_a_translation_the_reviewer_cannot_see_rightly_is_refused(
    i18n_project: Path, tmp_path: Path, msgstr: str, message: str
) -> None:
    set_msgstr(i18n_project, "paragraph/4", msgstr)
    code, output = invoke("i18n", "check", "--project", str(i18n_project))
    assert code == 1 and message in output, output
    # Both name the line the translator edits, not the msgctxt two lines above it.
    po = i18n_project / "locales" / "th" / "LC_MESSAGES" / "care-basics.po"
    at = f"care-basics.po:{msgstr_line(po, 'paragraph/4')}:"  # and a column, for a character
    assert at in output, output
    # A plain build prints the English source for it and says so; --strict refuses.
    out = tmp_path / "out"
    code, output = invoke("build", "--project", str(i18n_project), "-l", "th", "-o", str(out))
    assert code == 0 and "not used, source text printed" in output
    assert at in output, output
    code, output = invoke(
        "build", "--strict", "--force", "--project", str(i18n_project), "-l", "th", "-o", str(out)
    )
    assert code == 1


def test_a_nul_in_a_translation_refuses_its_catalog(i18n_project: Path, tmp_path: Path) -> None:
    """GNU msgfmt cuts a string at a NUL without a word: no tool can carry the catalog
    as it is, so it is refused whole, at the line, until the character is removed."""
    set_msgstr(i18n_project, "paragraph/4", "ปิดผ้าพันแผลไว้ 4 ชั่วโมง\x00 และอย่าให้เปียกน้ำ")
    for command in (["i18n", "check"], ["build", "-l", "th", "-o", str(tmp_path / "out")]):
        code, output = invoke(*command, "--project", str(i18n_project))
        assert code == 1 and "control character U+0000" in output, output
        assert "care-basics.po:" in output and "Traceback" not in output


@settings(max_examples=200, deadline=None)
@given(
    number=st.integers(0, 99_999),
    action=st.sampled_from(["add", "drop", "change"]),
    thai_digits=st.booleans(),
)
def test_any_translation_that_adds_drops_or_changes_a_number_is_reported(
    number: int, action: str, thai_digits: bool
) -> None:
    source = "Keep the bandage on for 4 hours and call 1669 if you feel unwell."
    numbers = {"add": ("4", "1669", str(number)), "drop": ("4",), "change": ("4", str(number))}
    chosen = numbers[action]
    if action == "change" and number == 1669:
        return  # not a change
    if (action == "add" and str(number) in ("4", "1669")) or 1000 <= number < 3600:
        return  # same set, or a year the Buddhist Era may have converted
    if thai_digits:
        chosen = tuple(n.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")) for n in chosen)
    translation = "ปิดผ้าพันแผลไว้ " + " และ ".join(chosen) + " ชั่วโมง"
    problems = {p.code for p in check_translation(source, translation, "th")}
    assert NUMBERS.code in problems


def test_thai_digits_and_buddhist_era_years_are_the_same_numbers() -> None:
    source = "Reviewed in 2026; take 500 mg."
    assert [p for p in check_translation(source, "ทบทวนเมื่อ ๒๕๖๙ รับประทาน ๕๐๐ mg", "th")] == []


# --- 4. control characters and floods in leaflets --------------------------------------


def test_an_escaped_nul_in_a_yaml_title_is_refused_with_its_place(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    text = leaflet_yaml("- paragraph: Hello.\n").replace(
        "title: A sample leaflet", 'title: "A sample\\0 leaflet"'
    )
    root = make_project({"sample": text})
    code, output = invoke("build", "--project", str(root), "-o", str(tmp_path / "o"))
    assert code == 1
    assert "sample.yaml:4:" in output and "control character U+0000 NULL" in output


def test_a_raw_nul_byte_in_a_yaml_file_is_reported_by_line_and_column(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_project({"sample": leaflet_yaml("- paragraph: Hel\x00lo.\n")})
    code, output = invoke("build", "--project", str(root), "-o", str(tmp_path / "o"))
    assert code == 1
    assert "sample.yaml:17:19: error: control character U+0000 NULL in the file" in output
    assert "position" not in output


def test_a_flood_of_combining_marks_is_refused(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    flood = "e" + "\u0301" * 500
    root = make_project({"sample": leaflet_yaml(f"- paragraph: A {flood} column.\n")})
    code, output = invoke("build", "--project", str(root), "-o", str(tmp_path / "o"))
    assert code == 1 and f"more than {MAX_MARKS} combining marks on one letter" in output
    assert refusal("ญี่ปุ่น ผู้ป่วย กุ๊ก Việt Nam tiếng") is None  # real stacks are fine


# --- 5. round 3: hostile text in every script -----------------------------------------


@pytest.mark.parametrize("between", ["\u200d", "\u200c", "\u2060", "\u200b", "\u00ad"])
def test_invisible_characters_between_marks_do_not_hide_a_flood(between: str) -> None:
    """A joiner between two marks draws nothing: the marks still stack on one letter."""
    found = refusal("Z" + ("\u0301" + between) * (MAX_MARKS + 1) + " cells")
    assert found is not None and "combining marks on one letter" in found.message
    # A real joiner between a Devanagari virama and a letter still passes.
    assert refusal("क्\u200dष क्\u200cष") is None


@pytest.mark.parametrize("invisible", ["\u200b", "\u2060\u00ad", "\ufe0f", " \u200c "])
def test_a_text_of_only_invisible_characters_is_refused(
    make_project: Callable[..., Path], tmp_path: Path, invisible: str
) -> None:
    escaped = invisible.encode("ascii", "backslashreplace").decode()
    text = leaflet_yaml("- paragraph: Hello.\n").replace(
        "title: A sample leaflet", f'title: "{escaped}"'
    )
    root = make_project({"sample": text})
    code, output = invoke("build", "--project", str(root), "-o", str(tmp_path / "o"))
    assert code == 1 and "sample.yaml:4:8: error: 'title' holds only invisible" in output, output
    assert not list((tmp_path / "o").rglob("*.pdf"))


@pytest.mark.parametrize("invisible", ["\u200b", "\u2060\u200c", "\u00ad", "\u3000\u200b"])
def test_a_translation_of_only_invisible_characters_is_empty(invisible: str) -> None:
    problems = check_translation("Where the cells go", invisible, "ja")
    assert [p.code for p in problems] == ["I18N002"]
    assert "prints nothing" in problems[0].message


# "علاج نهائي" ("a final cure", claims-ar.yaml) stored back to front: a left-to-right
# override draws it as the claim, while the text the checks read is two other words.
REVERSED_ARABIC_CLAIM = "\u064a\u0626\u0627\u0647\u0646 \u062c\u0627\u0644\u0639"


@pytest.mark.parametrize("override", ["\u202d", "\u202e"])
def test_a_bidi_override_is_refused_even_balanced_in_arabic(override: str) -> None:
    found = refusal(f"{override}{REVERSED_ARABIC_CLAIM}\u202c", right_to_left=True)
    assert found is not None and found.offset == 0 and "override" in found.message
    problems = check_translation(
        "Where the cells go", f"{override}{REVERSED_ARABIC_CLAIM}\u202c", "ar"
    )
    assert [p.code for p in problems] == ["I18N013"]
    # Embeddings and isolates keep their use: they set a run's direction, not its order.
    assert refusal("خذ \u2066500 mg\u2069 و\u202a5 mg\u202c يوميا", right_to_left=True) is None


# The Lao block mirrors the Thai one (U+0E80 + n is the Lao letter of U+0E00 + n), and
# many pairs are drawn alike: Lao າ (U+0EB2) is Thai า (U+0E32).
THAI_CLAIM_WITH_LAO_VOWELS = "เซลล์ช่วยให้ห\u0eb2ยข\u0eb2ด"
LAO_CLAIM_WITH_THAI_VOWELS = "ເຊວຊ່ວຍໃຫ້ຫ\u0e32ຍຂ\u0e32ດ"


def test_a_thai_claim_spelt_with_lao_look_alikes_is_still_a_claim() -> None:
    assert claims(THAI_CLAIM_WITH_LAO_VOWELS, "th") == ["หายขาด"]
    assert claims(LAO_CLAIM_WITH_THAI_VOWELS, "lo") == ["ຫາຍຂາດ"]
    assert visible("ภาษาไทย ພາສາລາວ") == "ภาษาไทย ພາສາລາວ"  # each whole word is its language


def test_a_word_mixing_thai_and_lao_letters_is_shown_to_the_reviewer() -> None:
    from msc_leaflet.content.text_policy import hidden_in_words

    found = hidden_in_words(f"ผู้ป่วย {THAI_CLAIM_WITH_LAO_VOWELS}")
    assert found == [(8, f"“{THAI_CLAIM_WITH_LAO_VOWELS}” mixes Thai and Lao letters")]
    assert hidden_in_words("ภาษาไทย ພາສາລາວ ๆ ໆ") == []


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("\u0e48ผู้ป่วย", 0),  # a Thai tone mark opening a paragraph
        ("ผู้ป่วย \u0e49ควร", 8),  # … after a space
        ("ผู้ป่วย \u200b\u0e49ควร", 9),  # … after a space and a zero-width space
        ("ເຊວ \u0ec8", 4),  # Lao
        ("ក \u17d2ស", 2),  # a Khmer coeng with no consonant before it
        ("ဆဲလ် \u103bမ", 5),  # a Burmese medial alone
        ("क \u094d", 2),  # a Devanagari virama alone
        ("Việt (\u0301Nam)", 6),  # a combining accent after a bracket
    ],
)
def test_a_mark_with_no_letter_to_sit_on_is_refused(text: str, offset: int) -> None:
    found = refusal(text)
    assert found is not None and found.offset == offset and "no letter" in found.message


def test_a_harakah_alone_in_arabic_is_refused() -> None:
    found = refusal("\u064e \u0627\u0644\u062e\u0644\u0627\u064a\u0627", right_to_left=True)
    assert found is not None and found.offset == 0 and "no letter" in found.message


def test_burmese_typed_in_zawgyi_is_refused_as_zawgyi() -> None:
    # ေဆးရုံ ("hospital") in Zawgyi's visual order: the vowel sign before its consonant.
    found = refusal("\u1031\u1006\u1038\u101b\u102f\u1036 ကို")
    assert found is not None and found.offset == 0 and "Zawgyi" in found.message
    assert refusal("ဆေးရုံ ကို သွားပါ") is None  # the same word in Unicode


@pytest.mark.parametrize(
    ("zawgyi", "offset"),
    [
        # လူနာတွေ ("patients"): Zawgyi stores ေ before တ, so it follows the ာ of နာ.
        ("\u101c\u1030\u1014\u102c\u1031\u1010\u103c", 4),
        # ရှိသည် ("there is"): Zawgyi writes the final's asat with the stacker U+1039.
        ("\u101b\u103d\u102d\u101e\u100a\u1039", 5),
        # ကျန်းမာ ("healthy"): the same stacker before the visarga.
        ("\u1000\u103a\u1014\u1039\u1038\u1019\u102c", 3),
        # ကာမြင် typed in Zawgyi: the medial ra (Zawgyi's ျ) before its consonant, after ာ.
        ("\u1000\u102c\u103b\u1019\u1004\u1039", 2),
    ],
)
def test_zawgyi_inside_a_word_is_refused_as_zawgyi(zawgyi: str, offset: int) -> None:
    """A phrase in Zawgyi need not open with ေ: Burmese writes no space between words, so
    most of its signs sit inside a word, after a letter. Unicode orders a syllable's signs
    (consonant, medials, ေ, other vowels, tones) and never ends one with the stacker; the
    orders Zawgyi gives them read as Unicode print as broken syllables."""
    found = refusal(f"ဆရာဝန် {zawgyi}။")
    assert found is not None and found.offset == offset + 7, found
    assert "Zawgyi" in found.message and "Unicode" in found.hint


def test_burmese_in_unicode_order_is_not_taken_for_zawgyi() -> None:
    for text in [
        "လူနာတွေ ရှိသည်။ ကျန်းမာရေး မြန်မာ ကမ္ဘာ မင်္ဂလာ ကျွန်ုပ် မြွေ လျှော ဗုဒ္ဓ",
        "သင်္ချိုင်း၊ နေ့တိုင်း ဆေး ၂ လုံး သောက်ပါ။",
    ]:
        assert refusal(text) is None, text


def test_marks_on_their_letters_and_marks_shown_alone_on_purpose_pass() -> None:
    for text in [
        "ผู้ป่วย กุ๊ก ທ່ານໝໍ ពេទ្យ ស្រី ဆဲလ်များ क्षत्रिय Việt Nam يُشفى",
        "\u25cc\u0e48 \u00a0\u0301",  # on a dotted circle, or a no-break space (Unicode's way)
        "\u2764\ufe0f 1\u20e3",  # an emoji's selector, a keycap
    ]:
        assert refusal(text, right_to_left="ي" in text) is None, text


def test_a_replacement_character_is_refused_as_lost_text() -> None:
    """U+FFFD is what a wrong conversion leaves where a letter was: no font of the theme
    draws it, and the letter it stands for is gone; `check` says so, not only `build`."""
    found = refusal("bệnh vi\ufffdn")
    assert found is not None and found.offset == 7 and "lost" in found.message
    problems = check_translation("hospital", "bệnh vi\ufffdn", "vi")
    assert [p.code for p in problems] == ["I18N013"]


# --- 6. marks typed twice or out of order: a word that looks right but is not ---------

# ย้อนวัย ("reverse ageing", claims-th.yaml) and Lao ຍ້ອນໄວ with the tone mark typed twice:
# the page draws the two marks stacked or as one, the checks read another word.
DOUBLED_MARKS = [
    ("การรักษานี้ช่วยย\u0e49\u0e49อนวัย", 17, "th"),  # Thai mai tho twice
    ("กิ\u0e34น", 2, "th"),  # Thai sara i twice: drawn as one
    ("ຊ່ວຍຍ\u0ec9\u0ec9ອນໄວ", 6, "lo"),  # Lao mai tho twice
    ("ប\u17c9\u17c9ុន្តែ", 2, "km"),  # Khmer musikatoan twice: drawn as one
    ("ព\u17b7\u17b7ត", 2, "km"),  # Khmer sign i twice: drawn as one
    ("သည\u1037\u1037်", 3, "my"),  # Burmese dot below twice
    ("ကျန\u103a\u103aးမာ", 4, "my"),  # Burmese asat twice
    ("chữa kho\u0309\u0309i", 9, "vi"),  # Vietnamese hook above twice
    ("ي\u064f\u064fشفى", 2, "ar"),  # Arabic damma twice
    ("ش\u0651\u200d\u0651فاء", 3, "ar"),  # shadda twice, a joiner between draws nothing
]


@pytest.mark.parametrize(("text", "offset", "lang"), DOUBLED_MARKS)
def test_a_mark_typed_twice_on_one_letter_is_refused(text: str, offset: int, lang: str) -> None:
    found = refusal(text, right_to_left=lang == "ar")
    assert found is not None and found.offset == offset, found
    assert "twice" in found.message and "delete" in found.hint
    problems = check_translation("The treatment helps", text, lang)
    assert "I18N013" in [p.code for p in problems]


@pytest.mark.parametrize(
    ("text", "offset", "lang"),
    [
        ("ช่วยย\u0e48\u0e49อนวัย", 6, "th"),  # Thai mai ek and mai tho on one letter
        ("ຊ່ວຍຍ\u0ec8\u0ec9ອນໄວ", 6, "lo"),  # Lao
        ("ก\u0e34\u0e35น", 2, "th"),  # two Thai vowels above one letter
        ("ش\u0650\u064eفاء", 2, "ar"),  # kasra and fatha on one letter
    ],
)
def test_two_marks_of_one_place_on_one_letter_are_refused(
    text: str, offset: int, lang: str
) -> None:
    found = refusal(text, right_to_left=lang == "ar")
    assert found is not None and found.offset == offset, found
    assert "one letter" in found.message


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("ท\u0e48\u0e35", 1),  # ที่ with the tone mark typed before sara ii
        ("กั้น ก\u0e49\u0e31น", 6),  # กั้น, then typed tone first
        ("ທ\u0ec8\u0eb5", 1),  # Lao ທີ່
    ],
)
def test_a_tone_mark_typed_before_its_vowel_is_refused(text: str, offset: int) -> None:
    """Thai and Lao vowels above have combining class 0, so NFC leaves a tone mark typed
    before one where it is: the page draws the tone mark under the vowel."""
    found = refusal(text)
    assert found is not None and found.offset == offset, found
    assert "before" in found.message and "vowel" in found.hint


def test_real_words_with_several_marks_pass() -> None:
    for text in [
        "ที่ กั้น ผู้ป่วย กุ๊ก ก็ สิทธิ์ น้ำ ทุ่ง",  # Thai: vowel, then tone mark
        "ທີ່ ນ້ຳ ຜູ້ປ່ວຍ",  # Lao
        "ស្ត្រី ប៉ុន្តែ ព្យាបាល",  # Khmer: a coeng on each consonant
        "ကျန်းမာ သည့် မင်္ဂလာ",  # Burmese
        "Việt Nam chữa khỏi người",  # Vietnamese, composed and decomposed below
        unicodedata.normalize("NFD", "Việt Nam chữa khỏi người ệ"),
        "شِفَاءٌ مُّ يُشفى",  # Arabic: a shadda with a vowel
    ]:
        assert refusal(text, right_to_left="ش" in text) is None, text


@pytest.mark.parametrize(
    ("typed", "lang", "claim"),
    [
        ("การรักษานี้ช่วยย\u0e49\u0e49อนวัย", "th", "ย้อนวัย"),
        ("ຊ່ວຍຍ\u0ec9\u0ec9ອນໄວ", "lo", "ຍ້ອນໄວ"),
        ("ជាលិកាដុះឡើងវិ\u17b7ញ", "km", "ដុះឡើងវិញ"),  # Khmer sign i twice: "grows back"
    ],
)
def test_a_claim_with_a_mark_typed_twice_is_still_a_claim(
    typed: str, lang: str, claim: str
) -> None:
    """What `refusal` lets no text keep, the checks still read as it is drawn."""
    assert claims(typed, lang) == [claim]
    assert visible("ท\u0e48\u0e35") == "ที่" and visible("ທ\u0ec8\u0eb5") == "ທີ່"


def test_a_doubled_mark_in_a_leaflet_is_refused_at_its_line_and_column(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_project({"sample": leaflet_yaml("- paragraph: การรักษานี้ช่วยย\u0e49\u0e49อนวัย\n")})
    code, output = invoke("build", "--project", str(root), "-o", str(tmp_path / "o"))
    assert code == 1 and "sample.yaml:17:33: error: U+0E49 THAI CHARACTER MAI THO" in output
    assert "Traceback" not in output and not list((tmp_path / "o").rglob("*.pdf"))


# --- 7. marks a reviewer cannot see in Vietnamese, Khmer and Burmese ------------------


@pytest.mark.parametrize(
    ("text", "offset", "lang", "spellings"),
    [
        # khỏi ("cured") typed as ố (one character, o + circumflex + acute) + a grave
        ("chữa kh\u1ed1\u0300i", 8, "vi", ["\u1ed1", "\u1ed3"]),
        ("chữa kho\u0301\u0300i", 9, "vi", ["\u00f3", "\u00f2"]),  # o + acute + grave
        ("b\u1ea5\u0309t", 2, "vi", ["\u1ea5", "\u1ea9"]),  # ấ + a hook above
        ("kho\u0309\u200d\u0301i", 5, "vi", ["\u1ecf", "\u00f3"]),  # a joiner between
    ],
)
def test_two_vietnamese_tone_marks_on_one_letter_are_refused(
    text: str, offset: int, lang: str, spellings: list[str]
) -> None:
    """A syllable takes one tone: a tone typed after a letter typed with one (ố + ◌̀)
    prints two stacked, and the word the checks read is no word."""
    found = refusal(text)
    assert found is not None and found.offset == offset, found
    assert "Vietnamese tone mark" in found.message
    assert all(unicodedata.normalize("NFC", s) in found.hint for s in spellings), found.hint
    assert "I18N013" in [p.code for p in check_translation("cured", text, lang)]


def test_a_tone_typed_again_after_a_letter_typed_with_it_is_refused_and_read_once() -> None:
    found = refusal("chữa kh\u1ecf\u0309i")  # ỏ + a second hook above
    assert found is not None and found.offset == 8 and "twice" in found.message
    assert "U+1ECF" in found.message
    assert visible("chữa kh\u1ecf\u0309i") == "chữa khỏi"


@pytest.mark.parametrize(
    ("text", "offset", "words"),
    [
        ("ក\u17d2 ស", 1, "a space"),  # a coeng before a space
        ("ស\u17d2", 1, "the text's end"),
        ("ក\u17d2\u17b6", 1, "a vowel sign"),
        ("ក\u17d2\u17d2ស", 1, "a second coeng"),
        ("ពេទ្យ ក\u17d2.", 7, "punctuation"),
    ],
)
def test_a_khmer_coeng_with_no_consonant_after_it_is_refused(
    text: str, offset: int, words: str
) -> None:
    found = refusal(text)
    assert found is not None and found.offset == offset, (words, found)
    assert "U+17D2 KHMER SIGN COENG" in found.message and "consonant" in found.hint


@pytest.mark.parametrize(
    ("text", "offset", "expected"),
    [
        ("ប\u17bb\u17c9ន្តែ", 1, "shifter"),  # ប៉ុន្តែ with its vowel typed first
        ("ក\u17c1\u17b6", 2, "one Khmer vowel sign"),  # េ + ា, drawn like ោ
        ("ពេទ្យ ស\u17b8\u17b7", 8, "one Khmer vowel sign"),
    ],
)
def test_khmer_marks_typed_out_of_order_or_twice_a_syllable_are_refused(
    text: str, offset: int, expected: str
) -> None:
    found = refusal(text)
    assert found is not None and found.offset == offset, found
    assert expected in found.message + found.hint
    assert "I18N013" in [p.code for p in check_translation("but", text, "km")]


@pytest.mark.parametrize(
    ("text", "offset", "kind"),
    [
        ("လ\u103e\u103dတ်", 1, "before"),  # လွှတ် ("release") with ှ before ွ
        ("က\u103c\u103bး", 1, "before"),  # medial ra typed before medial ya
        ("က\u1031\u103b", 1, "before"),  # ေ before its medial
        ("က\u102f\u102dး", 1, "before"),  # ကိုး ("nine") with ု before ိ
        ("ကျန\u1038\u103aမာ", 3, "before"),  # ကျန်းမာ with း before ်
        ("က\u102c\u102f", 1, "before"),  # ာ before ု
        ("က\u102f\u1030", 2, "Burmese vowel below"),  # ု and ူ on one letter
        ("မ\u102d\u1032", 2, "Burmese vowel above"),
    ],
)
def test_burmese_signs_out_of_unicode_order_are_refused(text: str, offset: int, kind: str) -> None:
    """NFC leaves these signs (combining class 0) where they are typed: out of UTN #11's
    order the font draws a dotted circle, and a search for the word finds nothing."""
    found = refusal(f"ဆရာဝန် {text}")
    assert found is not None and found.offset == offset + 7, found
    assert kind in found.message and "U+10" in found.hint
    assert "I18N013" in [p.code for p in check_translation("healthy", text, "my")]
    assert refusal(f"ဆရာဝန် {text}") == refusal(f"ဆရာဝန် {text}")


def test_signs_typed_out_of_order_are_read_as_drawn() -> None:
    assert visible("လ\u103e\u103dတ်") == "လွှတ်"
    assert visible("ប\u17bb\u17c9ន្តែ") == "ប៉ុន្តែ"
    assert visible("ကျန\u1038\u103aမာ") == "ကျန်းမာ"


def test_correct_vietnamese_khmer_and_burmese_with_many_marks_pass() -> None:
    for text in [
        # Vietnamese, composed and decomposed: a tone with a circumflex, breve or horn.
        "Bệnh nhân cần uống thuốc đúng giờ. Người bệnh ở nhà nghỉ ngơi.",
        unicodedata.normalize("NFD", "Bệnh nhân cần uống thuốc đúng giờ. Ặ ậ ữ ỡ ờ"),
        "Tiếng Việt có dấu: à á ả ã ạ ằ ắ ẳ ẵ ặ ầ ấ ẩ ẫ ậ ừ ứ ử ữ ự",
        # Khmer: subscripts, a shifter before its vowel, split vowels as one sign.
        "អ្នកជំងឺត្រូវលេបថ្នាំឱ្យបានទៀងទាត់។ ប៉ុន្តែ ស្ត្រី ព្រោះ ដើម្បី ជឿ ក៊ី",
        "ឲ្យ ក្\u200dស ញ៉ាំ",
        # Burmese: medials in order, a contraction's asat, kinzi, stacked consonants.
        "လူနာသည် ဆေးကို အချိန်မှန် သောက်ရပါမည်။ ကျွန်ုပ် မင်္ဂလာ ကမ္ဘာ လွှတ် ကြွေ",
        "ကိုး သို့ ပြော့ ကျော်ကြား ဦးနှောက် ရှိသည့် ဆွေးနွေး မြှင့်",
        # Other scripts with letters typed with their marks: not Vietnamese tones.
        "がぎ ガ\u3099\u309a"[:2] + " أُمّ إِلى آمَن ǘ ǜ ά ῒ क़्",
    ]:
        assert refusal(text, right_to_left="أ" in text) is None, text


@pytest.mark.parametrize(
    ("typed", "offset", "character"),
    [
        ("Bệnh nhân đã kh\u1ed1\u0300i", 16, "U+0300 COMBINING GRAVE ACCENT"),
        ("ប\u17bb\u17c9ន្តែ", 1, "U+17BB KHMER VOWEL SIGN U"),
        ("ស\u17d2 ត្រី", 1, "U+17D2 KHMER SIGN COENG"),
        ("လ\u103e\u103dတ်", 1, "U+103E MYANMAR CONSONANT SIGN MEDIAL HA"),
    ],
)
def test_a_mistyped_mark_in_a_leaflet_is_refused_at_its_line_and_column(
    make_project: Callable[..., Path], tmp_path: Path, typed: str, offset: int, character: str
) -> None:
    root = make_project({"sample": leaflet_yaml(f"- paragraph: {typed}\n")})
    code, output = invoke("build", "--project", str(root), "-o", str(tmp_path / "o"))
    assert code == 1 and f"sample.yaml:17:{16 + offset}: error: {character}" in output, output
    assert "Traceback" not in output and not list((tmp_path / "o").rglob("*.pdf"))


@pytest.mark.parametrize(
    ("word", "character", "offered"),
    [
        ("kh\u1ed1\u0300i", "U+0300 COMBINING GRAVE ACCENT", ""),
        ("ក\u17c1\u17b6", "U+17B6 KHMER VOWEL SIGN AA", ""),
        ("ကျန\u1038\u103a", "U+1038 MYANMAR SIGN VISARGA", ""),
        # A mark on the wrong letter: the hint spells the syllable as it should be typed.
        ("น\u0e33\u0e49", "U+0E49 THAI CHARACTER MAI THO", "น้ำ"),
    ],
)
def test_a_mistyped_mark_in_a_msgstr_is_refused_at_its_line(
    i18n_project: Path, word: str, character: str, offered: str
) -> None:
    set_msgstr(i18n_project, "paragraph/4", f"ปิดผ้าพันแผลไว้ 4 ชั่วโมง ({word})")
    code, output = invoke("i18n", "check", "--project", str(i18n_project))
    po = i18n_project / "locales" / "th" / "LC_MESSAGES" / "care-basics.po"
    column = len('msgstr "ปิดผ้าพันแผลไว้ 4 ชั่วโมง (') + word.index(chr(int(character[2:6], 16))) + 1
    at = f"care-basics.po:{msgstr_line(po, 'paragraph/4')}:{column}: error: I18N013"
    assert code == 1 and at in output and character in output, output
    assert offered in output and "Traceback" not in output


# --- 8. Burmese typed in Zawgyi: every sentence refused, its Unicode passes ----------

# Unicode → Zawgyi, the published mapping (Rabbit converter's uni2zg rules, in its order;
# the subset these sentences need): a clinic pasting from Facebook or a Zawgyi phone
# gets these bytes, which a Zawgyi font shows the reviewer as the sentence meant.
UNICODE_TO_ZAWGYI = [
    ("\u1004\u103a\u1039", "\u1064"),  # kinzi င်္
    ("\u1014(?=[\u1030\u103d\u103e\u102f\u1039])", "\u108f"),  # short-tailed န
    ("\u102b\u103a", "\u105a"),
    ("\u102d\u1036", "\u108e"),
    ("\u104e\u1004\u103a\u1038", "\u104e"),  # ၎င်း
    ("\u100a(?=[\u1039\u102f\u1030\u103d])", "\u106b"),
    ("(\u1039[\u1000-\u1021])\u102f", "\\1\u1033"),
    ("(\u1039[\u1000-\u1021])\u1030", "\\1\u1034"),
    *((f"\u1039{chr(low)}", chr(stacked)) for low, stacked in (
        (0x1000, 0x1060), (0x1001, 0x1061), (0x1005, 0x1065), (0x1006, 0x1066),
        (0x1010, 0x1071), (0x1011, 0x1073), (0x1012, 0x1075), (0x1015, 0x1078),
        (0x1017, 0x107A), (0x1018, 0x107B), (0x1019, 0x107C), (0x101C, 0x1085),
    )),
    ("\u103d\u103e", "\u108a"),
    ("(\u1064)([\u1000-\u1021])", "\\2\\1"),  # kinzi after its consonant
    ("\u101b(?=[\u102f\u1030\u103d\u108a])", "\u1090"),  # short-tailed ရ
    # ေ, then the medial ra, before their consonant (the visual order)
    ("([\u1000-\u1021\u108f\u1090])([\u1060-\u1069\u106c\u106d\u1070-\u107c\u1085\u108a])?"
     "([\u103b-\u103e]*)?\u1031", "\u1031\\1\\2\\3"),
    ("([\u1000-\u1021])([\u1060-\u1069\u106c\u106d\u1070-\u107c\u1085])?(\u103c)", "\\3\\1\\2"),
    # asat, ya, ra, wa, ha each on the code point of the one before it
    ("\u103a", "\u1039"), ("\u103b", "\u103a"), ("\u103c", "\u103b"), ("\u103d", "\u103c"),
    ("\u103e", "\u103d"),
    ("\u103d\u102f", "\u1088"), ("\u103d\u1030", "\u1089"),  # ှု, ှူ
    ("([\u102f\u1030\u1014\u101b\u103c\u108a\u103d\u1088])([\u1032\u1036]?)\u1037", "\\1\\2\u1095"),
    ("\u102f\u1095", "\u102f\u1094"), ("\u1095\u1039", "\u1094\u1039"),  # dot below variants
]  # fmt: skip

# What a leaflet tells a patient, in Burmese as Unicode stores it.
BURMESE_SENTENCES = [
    "လူနာသည် ဆေးခန်းသို့ လာရမည်။",  # The patient must come to the clinic.
    "ဆရာဝန်နှင့် တိုင်ပင်ပါ။",  # Consult the doctor.
    "ဤဆေးကို နေ့စဉ် သောက်ပါ။",  # Take this medicine every day.
    "ဘေးထွက်ဆိုးကျိုးများ ရှိနိုင်ပါသည်။",  # There may be side effects.
    "ခေါင်းကိုက်ခြင်း ဖြစ်နိုင်သည်။",  # A headache may occur.
    "၎င်းကို ဆရာဝန်အား ပြောပြပါ။",  # Tell it to the doctor.
    "ရောဂါလက္ခဏာ ရှိပါက ဆေးရုံသို့ သွားပါ။",  # If you have symptoms, go to the hospital.
    "ကုသမှု",  # treatment
    "ဆေးရုံ",  # hospital
    "ကမ္ဘာ့ကျန်းမာရေး",  # world health
    "အင်္ဂလိပ်ဆေး",  # Western medicine
    "နှာခေါင်း",  # nose
    "ဆေးညွှန်း",  # prescription
    "ရှု",  # to look at: ှု alone
]


def to_zawgyi(text: str) -> str:
    for pattern, replacement in UNICODE_TO_ZAWGYI:
        text = re.sub(pattern, replacement, text)
    return text


@pytest.mark.parametrize("sentence", BURMESE_SENTENCES)
def test_every_burmese_sentence_typed_in_zawgyi_is_refused(sentence: str) -> None:
    """Zawgyi stores ေ and the medial ra before their consonant and its asat as the
    stacker, and draws stacked consonants, kinzi and variant signs with Mon, Karen and
    Shan code points. Some sentence of each kind passed: ကုသမႈ and ရႈ have no sign out of
    order, and a Burmese text never holds a Shan tone mark."""
    zawgyi = to_zawgyi(sentence)
    assert zawgyi != sentence
    found = refusal(zawgyi, language="my")
    assert found is not None, zawgyi
    assert "Zawgyi" in found.message and "Zawgyi-to-Unicode converter" in found.hint
    assert "\u1000" <= zawgyi[found.offset] <= "\u109f", found
    assert refusal(sentence, language="my") is None, sentence
    problems = check_translation("Treatment", zawgyi, "my")
    assert [p.offset for p in problems if p.code == "I18N013"] == [found.offset]


def test_a_zawgyi_sign_in_a_burmese_leaflet_is_refused_at_its_line_and_column(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """ကုသမႈ ("treatment") has no sign out of Unicode's order: its ႈ (U+1088, Zawgyi's ှု)
    is a Shan tone mark, which the leaflet's language, Burmese, never writes."""
    yaml = leaflet_yaml("- paragraph: ဆရာဝန်၏ ကုသမ\u1088\n").replace("language: en", "language: my")
    root = make_project({"sample": yaml})
    code, output = invoke("build", "--project", str(root), "-o", str(tmp_path / "o"))
    at = f"sample.yaml:17:{16 + len('ဆရာဝန်၏ ကုသမ')}: error: U+1088 MYANMAR SIGN SHAN TONE-3"
    assert code == 1 and at in output and "Zawgyi-to-Unicode" in output, output
    assert "Traceback" not in output and not list((tmp_path / "o").rglob("*.pdf"))


@pytest.mark.parametrize("language", ["", "en", "th", "shn"])
def test_shan_outside_burmese_text_is_not_taken_for_zawgyi(language: str) -> None:
    # ၵႂၢမ်းတႆး ("the Shan language") is written with the code points Zawgyi borrows.
    assert refusal("ၵႂၢမ်းတႆး", language=language) is None
    assert refusal("ၵႂၢမ်းတႆး", language="my") is not None


def test_no_shipped_burmese_text_is_taken_for_zawgyi() -> None:
    """Every Burmese catalog, word list and claim the project ships passes as Burmese."""
    root = Path(__file__).resolve().parents[1]
    texts = [
        entry.msgstr
        for po in [*root.glob("locales/my/**/*.po"), *root.glob("tests/fixtures/**/my/**/*.po")]
        for entry in read_po(po).entries
    ]
    for words in [
        root / "src/msc_leaflet/data/words-my.txt",
        root / "tests/fixtures/medical-words/my.txt",
    ]:
        texts += words.read_text(encoding="utf-8").splitlines()
    texts += re.findall(
        r"[\u1000-\u109f][^\"\n#]*",
        (root / "src/msc_leaflet/data/claims-my.yaml").read_text(encoding="utf-8"),
    )
    assert len(texts) > 100
    assert [t for t in texts if refusal(t.strip(), language="my")] == []


@pytest.mark.parametrize(
    ("zawgyi", "offset"),
    [
        # ပရင်တာ ("printer"): Zawgyi's asat is the stacker, so င္တ reads as တ under င.
        ("ပရင\u1039တာ", 3),
        ("လိပ\u1039စာ", 3),  # လိပ်စာ ("address"): ပ္စ
        ("ဘက\u1039တီးရီးယား", 2),  # ဘက်တီးရီးယား ("bacteria"): က္တ
        ("လုပ\u1039ရမည့\u1039အရာ", 3),  # လုပ်ရမည့်အရာ ("what to do"): ပ္ရ
        ("ကိုးကားခ\u103aက\u1039မ\u103aား", 10),  # ကိုးကားချက်များ ("references"): က္မ
    ],
)
def test_a_zawgyi_asat_before_the_next_syllable_is_refused_in_burmese(
    zawgyi: str, offset: int
) -> None:
    """Zawgyi writes a final's asat with the stacker U+1039, so the next syllable's
    consonant reads as stacked under the final: a stack Burmese never writes (Pali stacks
    a consonant under one of its own row, ကမ္ဘာ, လက္ခဏာ), printed as a broken cluster."""
    found = refusal(zawgyi, language="my")
    assert found is not None and found.offset == offset, (zawgyi, found)
    assert "Zawgyi" in found.message and "Zawgyi-to-Unicode converter" in found.hint


@pytest.mark.parametrize(
    "word",
    [
        "ကမ္ဘာ",  # world
        "လက္ခဏာ",  # symptom
        "ဗုဒ္ဓ",  # Buddha
        "သတ္တဝါ",  # living being
        "ပစ္စည်း",  # thing
        "မန္တလေး",  # Mandalay
        "ဥက္ကဋ္ဌ",  # chairman
        "ပုဂ္ဂိုလ်",  # person
        "ကဏ္ဍ",  # section
        "သမ္မတ",  # president
        "ပလ္လင်",  # throne
        "ဗြဟ္မာ",  # Brahma
        "အဓိပ္ပာယ်",  # meaning
        "ပဉ္စမ",  # fifth
        "ဝတ္ထု",  # object
    ],
)
def test_pali_stacks_in_burmese_are_not_taken_for_zawgyi(word: str) -> None:
    assert refusal(word, language="my") is None


@pytest.mark.parametrize(
    ("zawgyi", "unicode", "offset"),
    [
        ("အျမဲ", "အမြဲ", 0),  # always
        ("ကေလးမ်ား", "ကလေးများ", 0),  # children
        ("ကေလး အျမဲ", "ကလေး အမြဲ", len("ကေလး ")),  # children, always
    ],
)
def test_a_zawgyi_phrase_in_unicode_order_is_refused_by_the_detector(
    zawgyi: str, unicode: str, offset: int
) -> None:
    """အျမဲ ("always", Unicode အမြဲ) in Zawgyi has no sign out of Unicode's order: the
    medial ra (Zawgyi's ျ) typed before မ reads as a medial ya on အ, and Zawgyi's ya
    (မ်ား) as an asat. Google's Zawgyi detector scores the text Zawgyi; in a text of
    another language it is not asked."""
    found = refusal(zawgyi, language="my")
    assert found is not None and "Zawgyi" in found.message, found
    assert found.offset == offset and "Zawgyi-to-Unicode converter" in found.hint
    assert refusal(unicode, language="my") is None
    assert refusal(zawgyi, language="en") is None


def test_the_zawgyi_detector_is_imported_only_for_burmese_text() -> None:
    """The detector's model is read on first use: a Thai build never pays for it (#20)."""
    code = (
        "import sys; from msc_leaflet.content.text_policy import refusal;"
        "refusal('ผู้ป่วยควรพบแพทย์', language='th'); refusal('ကမ္ဘာ', language='km');"
        "assert 'myanmartools' not in sys.modules;"
        "refusal('ကမ္ဘာ', language='my'); assert 'myanmartools' in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# --- 9. Mojibake: text decoded in the wrong encoding, refused with what it should read --


def utf8_read_as_cp1252(text: str) -> str:
    """What a program that reads UTF-8 as Windows-1252 shows (the bytes cp1252 leaves
    undefined come out as the Latin-1 C1 controls, as browsers and Excel give them)."""
    return "".join(
        bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text.encode("utf-8")
    )


# Correct text a patient reads, in each language a leaflet is written in.
CORRECT_TEXTS = [
    ("th", "ผู้ป่วยควรพบแพทย์"),  # The patient should see a doctor.
    ("th", "กินยาวันละ 2 ครั้ง"),  # Take the medicine twice a day.
    ("my", "လူနာသည် ဆေးခန်းသို့ လာရမည်။"),
    ("km", "អ្នកជំងឺ"),  # patient
    ("lo", "ຄົນເຈັບ"),  # patient
    ("vi", "Bệnh nhân nên gặp bác sĩ."),  # The patient should see a doctor.
    ("zh_Hans", "患者应咨询医生。"),  # The patient should consult a doctor.
    ("ja", "患者さんは医師に相談してください。"),  # The patient should consult a doctor.
    ("ar", "يجب على المريض مراجعة الطبيب."),  # The patient must see the doctor.
    ("en", "The patient’s “follow-up” visit — in 2 weeks…"),
]


@pytest.mark.parametrize(("language", "text"), CORRECT_TEXTS)
def test_utf8_read_as_windows_1252_is_refused_with_what_it_should_read(
    language: str, text: str
) -> None:
    garbled = utf8_read_as_cp1252(text)
    assert garbled != text
    found = refusal(garbled, language=language)
    assert found is not None, garbled
    assert "encoding" in found.message
    first_bad = next(k for k, (a, b) in enumerate(zip(garbled, text, strict=False)) if a != b)
    assert found.offset == first_bad, (found, garbled)
    assert "paste it again from the original" in found.hint
    # The hint shows the word as it was meant.
    meant = text[first_bad:].split(" ", 1)[0]
    assert meant.rstrip(".。…") in found.hint, found.hint
    assert refusal(text, language=language) is None


@pytest.mark.parametrize(
    ("garbled", "meant"),
    [
        ("Sensebé", "Sensebé"),
        ("Müller", "Müller"),
        ("García", "García"),
        ("São Paulo", "São"),
        ("the patient’s leaflet", "patient’s"),
        ("“Call us”", "“Call"),
        ("Ä‘i khám", "đi"),  # Vietnamese đ
        ("Lê Văn Thịnh", "Lê"),  # LÃª alone is a capital before a symbol: Văn tells
        ("5Â\u00a0km", "5\u00a0km"),
        ("Ã‰COLE", "ÉCOLE"),
        ("Ã\u0089cole", "École"),  # É read as Latin-1: Ã and a C1 control
    ],
)
def test_latin_names_and_punctuation_read_in_the_wrong_encoding_are_refused(
    garbled: str, meant: str
) -> None:
    if "Ã" not in garbled and "Â" not in garbled and "Ä" not in garbled:
        garbled = utf8_read_as_cp1252(garbled)
    found = refusal(f"Reference: {garbled}.", language="en")
    assert found is not None and "encoding" in found.message, garbled
    assert meant in found.hint, found.hint


def test_thai_saved_as_windows_874_and_read_as_windows_1252_is_refused() -> None:
    garbled = "ผู้ป่วย".encode("cp874").decode("cp1252")  # ¼Ùé»èÇÂ
    found = refusal(f"คำแนะนำสำหรับ{' '}{garbled} ทุกคน", language="th")
    assert found is not None and "cp874" in found.message, found
    assert "ผู้ป่วย" in found.hint
    assert found.offset == len("คำแนะนำสำหรับ ")


@pytest.mark.parametrize(
    ("typed", "word"),
    [
        # TCVN3 (ABC, .VnTime): "Patient information"; "Before the cell infusion, ask
        # the doctor" (its soft hyphen is the ư of trước).
        ("Th«ng tin cho ng\u00adêi bÖnh", "Th«ng"),
        ("Tr\u00adíc khi truyÒn tÕ bµo, h·y hái b¸c sÜ.", "Tr\u00adíc"),
        # VNI (VNI-Times): "Patient information"; "stem cells are infused"
        ("Thoâng tin cho ngöôøi beänh", "ngöôøi"),
        ("Teá baøo goác ñöôïc truyeàn", "baøo"),
    ],
)
def test_vietnamese_typed_in_a_legacy_font_encoding_is_refused(typed: str, word: str) -> None:
    """Text pasted from an old Vietnamese document set in a TCVN3 or VNI font passed
    every check, and the patient read "Th«ng tin cho ng­êi bÖnh". It is refused, the
    encodings named, at the first word that shows it."""
    found = refusal(typed, language="vi")
    assert found is not None, typed
    assert "TCVN3 (ABC) or VNI" in found.message and "convert the text to Unicode" in found.hint
    assert f"“{word}”" in found.message and word in typed[found.offset - 2 :]
    other = refusal(typed, language="en")  # no legacy font is English's
    assert other is None or "legacy font" not in other.message


def test_a_vietnamese_catalog_names_a_tcvn3_title_and_a_grouped_hotline(tmp_path: Path) -> None:
    """The bundled infusion leaflet put into Vietnamese, its warning's title pasted from a
    TCVN3 document and the emergency number 1669 typed "1.669": `i18n check` names each
    at its msgstr's line and column with what to type, and the build prints the English
    for both rather than a title the patient cannot read or a number no one can dial."""
    import shutil

    root = tmp_path / "project"
    for folder in ("leaflets", "locales", "organisations"):
        shutil.copytree(Path(__file__).resolve().parents[1] / folder, root / folder)
    assert invoke("i18n", "init", "vi", "--project", str(root))[0] == 0
    po = root / "locales" / "vi" / "LC_MESSAGES" / "infusion-safety.po"
    catalog = read_po(po)
    for entry in catalog.active:
        if entry.msgctxt == "urgent-help/title":
            entry.msgstr = "Gäi cÊp cøu ngay"
        if entry.msgctxt == "urgent-help/1":
            entry.msgstr = (
                "Nếu bạn có bất kỳ dấu hiệu nào dưới đây, hãy gọi cấp cứu (**1.669** tại Thái "
                "Lan) hoặc đến khoa cấp cứu của bệnh viện gần nhất **ngay lập tức**."
            )
    write_po(po, catalog)
    code, output = invoke("i18n", "check", "--project", str(root))
    column = len('msgstr "Gä')  # the ä, the first character no Vietnamese word has
    title = f"infusion-safety.po:{msgstr_line(po, 'urgent-help/title')}:{column}:"
    assert code == 1 and f"{title} error: I18N013" in output, output
    assert "type “Gọi cấp cứu”" in output
    hotline = f"infusion-safety.po:{msgstr_line(po, 'urgent-help/1')}:"
    assert f"{hotline}" in output and "number grouped: “1.669”" in output
    assert "write 1669" in output and "Traceback" not in output
    out = tmp_path / "out"
    code, output = invoke(
        "build", "infusion-safety", "-l", "vi", "--project", str(root), "-o", str(out)
    )
    assert code == 0 and output.count("not used, source text printed") == 2, output
    text = copied_text(out / "vi" / "infusion-safety.pdf")
    assert "Gäi" not in text and "1.669" not in text and "(1669 in Thailand)" in text


def copied_text(pdf: Path) -> str:
    """The text a reader copies from ``pdf`` (pypdf), its lines joined by spaces."""
    from pypdf import PdfReader

    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(pdf).pages)


@pytest.mark.parametrize(
    ("typed", "word", "meant"),
    [
        ("bÖnh nh©n", "bÖnh", "bệnh nhân"),  # "patient": one sign, one capital
        ("Th«ng tin", "Th«ng", "Thông"),  # "information": the heading of a leaflet
        ("Hãy hỏi b¸c sÜ.", "b¸c", "bác sĩ"),  # a fragment pasted into Unicode text
        ("Gäi cÊp cøu ngay", "Gäi", "Gọi cấp cứu"),  # "call an ambulance now"
        ("cña b¹n", "cña", "của bạn"),
        ("bÖnh", "bÖnh", "bệnh"),  # a capital after a small letter: no word is so written
        ("TH¤NG TIN", "TH¤NG", "THÔNG"),  # set in the capitals font, .VnTimeH
        ("ng\u00adêi", "ng\u00adêi", "người"),  # its ư is a soft hyphen
    ],
)
def test_a_few_words_typed_in_tcvn3_are_refused_with_what_to_type(
    typed: str, word: str, meant: str
) -> None:
    """Two or three words of an old TCVN3 document pasted into a translation ("bÖnh
    nh©n", "Th«ng tin") passed: the check asked for two signs, or two in one word, and
    a short fragment has one. A word whose TCVN3 reading is a Vietnamese syllable is
    evidence now, and the hint gives the words to type."""
    found = refusal(typed, language="vi")
    assert found is not None, typed
    assert f"“{word}”" in found.message and "TCVN3" in found.message
    assert f"type “{meant}”" in found.hint, found.hint
    assert typed[found.offset] not in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


@pytest.mark.parametrize(
    "text",
    [
        "Müller K, Jürgen Bär, Universität Zürich, Düsseldorf.",
        "François, façade, naïve, Noël, Hôpital Necker, Ørsted, Åström, Søren.",
        "Kiểm tra 10 µm và 20 µm, liều 5 µg/kg, ±5 °C.",
        "Nghiên cứu của Åström và Müller năm 2014, Muñoz và Peña 2017.",
        "Zucker\u00adwatte, in\u00adfu\u00adsion, Be\u00adhand\u00adlung",  # soft hyphens
        "süß, Bär, für, Öl, Gül, año, niño, Björk, Smørrebrød",
        # Two such letters in one word, as VNI writes người ("ngöôøi"), but after
        # consonants, where VNI puts no mark.
        "Größe, Füße, Brückenstraße, Müßiggang, Citroën, coördinatie, Jääskeläinen",
    ],
)
@pytest.mark.parametrize("language", ["vi", "en"])
def test_names_and_words_of_other_languages_are_not_taken_for_tcvn3(
    text: str, language: str
) -> None:
    """Each of these has a Latin-1 letter Vietnamese does not write between two
    letters, as TCVN3 text has; none reads as a Vietnamese syllable in TCVN3
    (Müller would be "Mỹller"), so none is refused."""
    assert refusal(text, language=language) is None


@pytest.mark.parametrize(
    "text",
    [
        "Sensebé L, Lê Văn Thịnh, Müller K, São Paulo, Gérard Ménière, Åström.",
        "SÃO PAULO, IRMÃ, NGÃ”, CAFÉ»",  # a real Ã, and capitals before punctuation
        "«École» — «Über» ‘Fuß’ »Fuß« © 2024 ±5 °C ½ µg ×2 ¿Qué? ¡Sí!",
        "Œuvre, Æsir, Ørsted, Ñandú, Þór, Ðoàn, naïve, coöperate, façade",
        "Tiếng Việt: Ngã, hỏi, sắc — “dấu ngã”.",
        "ÃÂÄ ÆØÅ Åå",
    ],
)
@pytest.mark.parametrize("language", ["", "en", "vi", "th", "ja", "zh_Hans", "my", "ar"])
def test_real_names_with_accents_are_not_taken_for_mojibake(text: str, language: str) -> None:
    assert refusal(text, language=language) is None


def test_no_shipped_text_is_taken_for_mojibake() -> None:
    """Every catalog, leaflet, fixture, word list and claim list the project ships, in
    its own language: a false alarm would stop a build nobody can fix."""
    root = Path(__file__).resolve().parents[1]
    texts: list[tuple[str, str]] = []
    for po in [*root.glob("locales/**/*.po"), *root.glob("tests/fixtures/**/*.po")]:
        catalog = read_po(po)
        language = po.relative_to(root).parts[-3]
        texts += [(language, e.msgstr) for e in catalog.entries]
        texts += [("en", e.msgid) for e in catalog.entries]
    for path in [
        *root.glob("leaflets/**/*.yaml"),
        *root.glob("tests/fixtures/**/*.yaml"),
        *root.glob("src/msc_leaflet/data/*.yaml"),
        *root.glob("src/msc_leaflet/data/*.txt"),
        *root.glob("tests/fixtures/**/*.txt"),
    ]:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except UnicodeDecodeError:
            continue  # a fixture of bytes that are not UTF-8, on purpose
        texts += [(language, line) for line in lines for language in ("", "en", "th", "vi")]
    assert len(texts) > 1000
    refused = [(lang, t, refusal(t, language=lang)) for lang, t in texts]
    assert [(lang, t) for lang, t, r in refused if r and "encoding" in r.message] == []


def test_mojibake_in_a_leaflet_is_refused_at_its_line_and_column(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    garbled = utf8_read_as_cp1252("ผู้ป่วย")
    yaml = leaflet_yaml(f"- paragraph: คำแนะนำ {garbled}\n").replace("language: en", "language: th")
    root = make_project({"sample": yaml})
    code, output = invoke("build", "--project", str(root), "-o", str(tmp_path / "o"))
    at = f"sample.yaml:17:{16 + len('คำแนะนำ ')}: error:"
    assert code == 1 and at in output and "ผู้ป่วย" in output, output
    assert "Traceback" not in output and not list((tmp_path / "o").rglob("*.pdf"))


@pytest.mark.parametrize("style", [">-", ""])
def test_a_refusal_in_a_folded_paragraph_names_its_own_line_and_column(
    make_project: Callable[..., Path], tmp_path: Path, style: str
) -> None:
    """A paragraph written over several lines (``>-``, as every bundled leaflet writes
    them, or plain) was refused at the line of its key: the editor opened two lines
    above the pasted TCVN3 text. The line and column are now the character's."""
    paragraph = (
        "- paragraph: "
        + style
        + "\n    Thông tin cho người bệnh\n    Th«ng tin cho ng\u00adêi bÖnh.\n"
    )
    if not style:
        paragraph = (
            "- paragraph:\n    Thông tin cho người bệnh\n    Th«ng tin cho ng\u00adêi bÖnh.\n"
        )
    yaml = leaflet_yaml(paragraph).replace("language: en", "language: vi")
    root = make_project({"sample": yaml})
    code, output = invoke("build", "--project", str(root), "-o", str(tmp_path / "o"))
    [(line, typed)] = [(n, t) for n, t in enumerate(yaml.splitlines(), 1) if "Th«ng" in t]
    assert code == 1 and f"sample.yaml:{line}:{typed.index('«') + 1}: error:" in output, output
    assert "TCVN3" in output and "Traceback" not in output


def test_mojibake_in_a_msgstr_is_refused_at_its_line_and_column(i18n_project: Path) -> None:
    garbled = utf8_read_as_cp1252("น้ำ")
    set_msgstr(i18n_project, "paragraph/4", f"ปิดผ้าพันแผลไว้ 4 ชั่วโมง {garbled}")
    code, output = invoke("i18n", "check", "--project", str(i18n_project))
    po = i18n_project / "locales" / "th" / "LC_MESSAGES" / "care-basics.po"
    column = len('msgstr "ปิดผ้าพันแผลไว้ 4 ชั่วโมง ') + 1
    at = f"care-basics.po:{msgstr_line(po, 'paragraph/4')}:{column}: error: I18N013"
    assert code == 1 and at in output and "น้ำ" in output, output
    assert "Traceback" not in output


# --- 9. marks on the wrong letter, and the precise key to type instead ---------------


@pytest.mark.parametrize(
    ("text", "offset", "mark"),
    [
        ("bệnh n\u0302ặng", 6, "U+0302"),  # circumflex typed on n
        ("m\u0301ệt", 1, "U+0301"),  # acute on m (NFC makes it ḿ)
        ("\u00f1\u0301", 1, "U+0301"),  # acute after ñ: on n
        ("đau d\u0301ầu", 5, "U+0301"),  # acute on d
        ("\u0111\u0301au", 1, "U+0301"),  # acute on đ
        ("Thu\u1ed1c c\u0323", 7, "U+0323"),  # dot below on c, at the text's end
        ("kh\u0309i", 2, "U+0309"),  # hook above on h, the vowel after it
    ],
)
def test_a_vietnamese_mark_on_a_consonant_is_refused(text: str, offset: int, mark: str) -> None:
    """Vietnamese writes its tones and ă â ê ô ơ ư's marks on vowels only: ḿ or d́ is a
    slip of the input method, which the page prints and no search for the word finds."""
    found = refusal(text, language="vi")
    assert found is not None and found.offset == offset, found
    assert mark in found.message and "vowel" in found.message + found.hint
    assert "I18N013" in [p.code for p in check_translation("tired", text, "vi")]


@pytest.mark.parametrize(
    ("text", "offset", "spellings"),
    [
        ("b\u1ea1\u0301n", 2, ["ạ", "á"]),  # ạ + acute: nặng and sắc on one letter
        ("b\u1ead\u0300y", 2, ["ậ", "ầ"]),  # ậ + grave
        ("ba\u0323\u0303n", 3, ["ạ", "ã"]),  # decomposed: dot below, then tilde
        ("ba\u0301\u0323n", 3, ["á", "ạ"]),  # tone first, then the dot below
        ("kho\u0309\u0323e", 4, ["ỏ", "ọ"]),
    ],
)
def test_a_dot_below_and_a_tone_above_in_vietnamese_are_two_tones(
    text: str, offset: int, spellings: list[str]
) -> None:
    """The dot below is Vietnamese's nặng tone: with another tone the syllable has two,
    the page shows both and the word is no word. Only where the text is known to be
    Vietnamese: Yoruba writes ẹ́ with a tone above its dot."""
    found = refusal(text, language="vi")
    assert found is not None and found.offset == offset, found
    assert "Vietnamese tone mark" in found.message
    assert all(s in found.hint for s in spellings), found.hint
    assert "I18N013" in [p.code for p in check_translation("you", text, "vi")]
    assert refusal(text) is None and refusal(text, language="yo") is None


def test_correct_vietnamese_and_other_languages_marks_pass() -> None:
    vietnamese = "Bệnh nhân cần uống thuốc đúng giờ. Ặ ậ ữ ỡ ờ ỵ Ỷ ự ặ ệ ộ ợ Đà Nẵng"
    for text in [vietnamese, unicodedata.normalize("NFD", vietnamese), "DNA, mRNA, Wi-Fi"]:
        assert refusal(text, language="vi") is None, text
        assert refusal(text, language="vi_VN") is None, text
    # The marks on consonants of other Latin languages, and Yoruba's tone over its dot.
    for text, lang in [("ẹ́ ọ̀ ṣ ń", "yo"), ("Peña", "es"), ("m\u0301 n\u0300", ""), ("Peña", "vi")]:
        assert refusal(text, language=lang) is None, text


@pytest.mark.parametrize(
    ("text", "offset", "fixed"),
    [
        ("น\u0e33\u0e49", 2, "น้ำ"),  # น้ำ ("water") with its tone typed after sara am
        ("ดื่มน\u0e33\u0e49มาก", 6, "น้ำ"),
        ("ก\u0e32\u0e48", 2, "ก่า"),  # a tone after sara aa
        ("\u0e40\u0e48\u0e01", 1, "เก่"),  # a tone after the leading vowel
        ("ນ\u0eb3\u0ec9", 2, "ນ້ຳ"),  # Lao ນ້ຳ
        ("\u0ec0\u0ec8\u0e81", 1, "ເກ່"),  # Lao tone after the leading vowel
        ("ท\u0e32\u0e4d", 2, "ทาํ"),  # nikhahit typed after aa: it goes on the consonant
    ],
)
def test_a_thai_or_lao_mark_typed_after_a_vowel_letter_is_refused(
    text: str, offset: int, fixed: str
) -> None:
    """A Thai or Lao mark sits on a consonant: typed after ำ, า or เ it prints beside
    the vowel or on a dotted circle, and a search for น้ำ never finds นำ้."""
    found = refusal(text)
    assert found is not None and found.offset == offset, found
    assert "vowel" in found.message
    if fixed != "ทาํ":
        assert fixed in found.hint, found.hint
    lang = "lo" if "\u0e80" <= text[0] <= "\u0eff" else "th"
    assert "I18N013" in [p.code for p in check_translation("water", text, lang)]


def test_thai_and_lao_words_with_vowel_letters_and_marks_pass() -> None:
    for text in [
        "น้ำ ทำ เก่ง แม่ โต๊ะ ไม่ ใส่ ฤๅษี ก็ กำ ค่ำ สิทธิ์ ๆ ฯ เที่ยว",
        "ນ້ຳ ຄຳ ເກົ່າ ແມ່ ໂຕ໊ະ ໄມ້ ທ່ານໝໍ ຫຼ້າ ເບິ່ງ ນ້ຽງ",
    ]:
        assert refusal(text) is None, text


@pytest.mark.parametrize(
    ("text", "offset", "key"),
    [
        ("ក\u17c1\u17b6", 2, "type ោ U+17C4 instead of េ U+17C1 + ា U+17B6"),
        ("ដ\u17c1\u17b8ម", 2, "type ើ U+17BE instead of េ U+17C1 + ី U+17B8"),
        ("ព\u17c1\u17b6\u17c7", 2, "type ោ U+17C4 instead of េ U+17C1 + ា U+17B6"),
    ],
)
def test_a_khmer_vowel_typed_in_two_parts_names_the_one_key(
    text: str, offset: int, key: str
) -> None:
    found = refusal(text, language="km")
    assert found is not None and found.offset == offset, found
    assert key in found.hint, found.hint


@pytest.mark.parametrize(
    ("typed", "lang", "offset", "character"),
    [
        ("Bệnh nhân bị d\u0301au", "vi", len("Bệnh nhân bị d"), "U+0301 COMBINING ACUTE"),
        ("Bệnh b\u1ea1\u0301n", "vi", len("Bệnh bạ"), "U+0301 COMBINING ACUTE"),
        ("ดื่มน\u0e33\u0e49", "th", len("ดื่มนำ"), "U+0E49 THAI CHARACTER MAI THO"),
    ],
)
def test_a_mark_on_the_wrong_letter_in_a_leaflet_is_refused_at_its_line_and_column(
    make_project: Callable[..., Path],
    tmp_path: Path,
    typed: str,
    lang: str,
    offset: int,
    character: str,
) -> None:
    yaml = leaflet_yaml(f"- paragraph: {typed}\n").replace("language: en", f"language: {lang}")
    root = make_project({"sample": yaml})
    code, output = invoke("build", "--project", str(root), "-o", str(tmp_path / "o"))
    assert code == 1 and f"sample.yaml:17:{16 + offset}: error: {character}" in output, output
    assert "hint:" in output and "Traceback" not in output
    assert not list((tmp_path / "o").rglob("*.pdf"))


# --- 10. sara am typed as two characters: the page is right, a search finds nothing ---


@pytest.mark.parametrize(
    ("typed", "offset", "meant"),
    [
        ("ท\u0e4d\u0e32งาน", 1, "ทำ"),  # ทำงาน ("work"), ํ + า
        ("ดื่มน\u0e4d\u0e49\u0e32", 5, "น้ำ"),  # น้ำ with the tone typed between ํ and า
        ("ดื่มน\u0e49\u0e4d\u0e32", 5, "น้ำ"),  # น้ำ with the tone typed first
        ("ส\u0e4d\u0e32หรับผู้ป่วย", 1, "สำ"),  # สำหรับ ("for")
        ("ค\u0e48\u0e4d\u0e32", 1, "ค่ำ"),  # ค่ำ ("evening")
    ],
)
@pytest.mark.parametrize("language", ["th", ""])
def test_thai_sara_am_typed_as_nikhahit_and_aa_is_refused(
    typed: str, offset: int, meant: str, language: str
) -> None:
    """ํ + า print as ำ, but a reader's search for ทำ, น้ำ (and a screen reader) finds
    nothing: Thai writes ำ (U+0E33), which every Thai keyboard has a key for."""
    found = refusal(typed, language=language)
    assert found is not None and found.offset == offset, found
    assert "U+0E4D" in found.message and "U+0E32" in found.message, found
    assert "type ำ (U+0E33)" in found.hint and meant in found.hint, found.hint


def test_thai_words_with_sara_am_and_pali_nikhahit_pass() -> None:
    """ำ typed as one character passes, and so does the nikhahit alone, as Pali written
    in Thai letters uses it (พุทธํ สรณํ คจฺฉามิ, the refuge chant; สํ in สํสาร)."""
    for text in ["ทำงาน น้ำ ค่ำ สำหรับ กำลัง", "พุทธํ สรณํ คจฺฉามิ", "สํสาร อรหํ"]:
        assert refusal(text, language="th") is None, text


def test_a_tone_typed_after_a_split_sara_am_is_offered_as_one_vowel() -> None:
    # น ํ า ้ : the tone after า is refused (a mark after a vowel letter); the hint must
    # spell the syllable as it should be typed, น้ำ, not the split นํ้า.
    found = refusal("น\u0e4d\u0e32\u0e49")
    assert found is not None and "น้ำ" in found.hint and "\u0e4d" not in found.hint, found


@pytest.mark.parametrize("typed", ["ນ\u0ecd\u0ec9\u0eb2", "ນ\u0ec9\u0ecd\u0eb2", "ກ\u0ecd\u0eb2ລັງ"])
def test_lao_sara_am_typed_as_niggahita_and_aa_is_shown_not_refused(typed: str) -> None:
    """Lao ໍ + າ is a spelling in real use (Unicode's CLDR data for Lao writes ໂຄລໍາເບຍ
    and ກໍາລັງ so), and prints as ຳ: it passes the text policy, and the reviewer is
    shown it (TEXT001) with the one key to type, as a search for ຳ misses it."""
    from msc_leaflet.content.text_policy import hidden_in_words

    assert refusal(typed, language="lo") is None
    found = hidden_in_words(f"ເບິ່ງ {typed}")
    assert [offset for offset, _ in found] == [len("ເບິ່ງ ") + 1], found
    assert "type ຳ (U+0EB3)" in found[0][1], found
    assert hidden_in_words("ນ້ຳ ກຳລັງ ບໍ່ ຂໍ ທ່ານໝໍ") == []


def test_a_split_thai_sara_am_in_a_msgstr_is_refused_at_its_column(i18n_project: Path) -> None:
    set_msgstr(i18n_project, "paragraph/4", "ปิดผ้าพันแผลไว้ 4 ชั่วโมง ห้ามโดนน\u0e4d\u0e49\u0e32")
    code, output = invoke("i18n", "check", "--project", str(i18n_project))
    po = i18n_project / "locales" / "th" / "LC_MESSAGES" / "care-basics.po"
    column = len('msgstr "ปิดผ้าพันแผลไว้ 4 ชั่วโมง ห้ามโดนน') + 1
    at = f"care-basics.po:{msgstr_line(po, 'paragraph/4')}:{column}: error: I18N013"
    assert code == 1 and at in output and "U+0E33" in output, output
    assert "Traceback" not in output


def test_a_split_thai_sara_am_in_a_leaflet_is_refused_at_its_line_and_column(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    yaml = leaflet_yaml("- paragraph: ดื่มน\u0e4d\u0e49\u0e32มาก ๆ\n")
    root = make_project({"sample": yaml.replace("language: en", "language: th")})
    code, output = invoke("build", "--project", str(root), "-o", str(tmp_path / "o"))
    assert code == 1 and f"sample.yaml:17:{16 + len('ดื่มน')}: error:" in output, output
    assert "type ำ (U+0E33)" in output and "Traceback" not in output
    assert not list((tmp_path / "o").rglob("*.pdf"))


# --- 11. Mojibake of East Asian encodings ---------------------------------------------


def legacy_read_as_cp1252(text: str, encoding: str) -> str:
    """``text`` saved in ``encoding`` and read one byte per character in Windows-1252
    (its undefined bytes as Latin-1's C1 controls)."""
    raw = text.encode(encoding)
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in raw)


EAST_ASIAN = [
    ("ja", "cp932", "日本語の説明書"),  # Japanese instructions
    ("ja", "cp932", "患者さんは医師に相談してください"),
    ("zh_Hans", "gbk", "患者应咨询医生"),  # The patient should consult a doctor.
    ("zh_Hans", "gbk", "干细胞治疗"),  # stem-cell therapy
    ("ko", "cp949", "환자는 의사와 상담하십시오"),  # The patient should consult a doctor.
]


@pytest.mark.parametrize(("language", "encoding", "text"), EAST_ASIAN)
def test_east_asian_text_saved_in_its_encoding_and_read_as_cp1252_is_refused(
    language: str, encoding: str, text: str
) -> None:
    garbled = legacy_read_as_cp1252(text, encoding)
    found = refusal(f"Note: {garbled}", language=language)
    assert found is not None and encoding in found.message, (garbled, found)
    assert found.offset == len("Note: ")
    first_word = text.split(" ", 1)[0]
    assert first_word in found.hint, found.hint


@pytest.mark.parametrize(
    ("language", "encoding", "text"),
    [
        ("ja", "cp932", "日本"),  # 譌･譛ｬ: half-width katakana where bytes were
        ("ja", "cp932", "説明書"),  # 隱ｬ譏取嶌
        ("zh_Hans", "gbk", "日本"),  # 鏃ユ湰
        ("zh_Hans", "gbk", "干细胞治疗的风险"),
        ("ko", "cp949", "병원"),  # 蹂묒썝 ("hospital")
    ],
)
def test_utf8_read_as_an_east_asian_encoding_is_refused_when_it_decodes_cleanly(
    language: str, encoding: str, text: str
) -> None:
    garbled = text.encode("utf-8").decode(encoding)
    found = refusal(f"({garbled})", language=language)
    assert found is not None and f"read as {encoding}" in found.message, (garbled, found)
    assert found.offset == 1 and text in found.hint, found


def test_utf8_that_lost_bytes_in_a_double_byte_encoding_is_not_guessed() -> None:
    # 文字化け read as cp932 loses bytes (譁・ｭ怜喧縺・): nothing decodes back cleanly,
    # so no text is offered as the one meant (and no false alarm is raised).
    lossy = "文字化け".encode().decode("cp932", errors="replace").replace("\ufffd", "・")
    found = refusal(lossy, language="ja")
    assert found is None or "encoding" not in found.message


@pytest.mark.parametrize(
    "text",
    [
        "Sévère, Ménière, Sévérine Müller, Øster, Ñandú, «Fußnote», ¿Qué?",
        "Lê Văn Thịnh, Nguyễn Thị Hương — “bệnh nhân”",
        "ÉCOLE, NGÃ”, Ångström, Ærø, Þórr, Œuvre, Ça va",
    ],
)
@pytest.mark.parametrize("language", ["ja", "zh_Hans", "ko"])
def test_accented_latin_in_an_east_asian_text_is_not_taken_for_mojibake(
    text: str, language: str
) -> None:
    assert refusal(text, language=language) is None


def test_no_real_text_in_any_language_is_taken_for_east_asian_mojibake() -> None:
    """Every string the project ships or tests (catalogs, leaflets, fixtures, word and
    claim lists, and the strings of the tests), read as Japanese, Chinese and Korean,
    whose encodings are double-byte: no false alarm."""
    root = Path(__file__).resolve().parents[1]
    texts: set[str] = set()
    for po in [*root.glob("locales/**/*.po"), *root.glob("tests/fixtures/**/*.po")]:
        for entry in read_po(po).entries:
            texts |= {entry.msgstr, entry.msgid}
    for path in [
        *root.glob("leaflets/**/*.yaml"),
        *root.glob("locales/*.yaml"),
        *root.glob("tests/fixtures/**/*.yaml"),
        *root.glob("src/msc_leaflet/data/*.yaml"),
        *root.glob("src/msc_leaflet/data/*.txt"),
    ]:
        with contextlib.suppress(UnicodeDecodeError):
            texts |= set(path.read_text(encoding="utf-8").splitlines())
    for path in root.glob("tests/*.py"):
        source = path.read_text(encoding="utf-8")
        texts |= {s for s in re.findall(r'"([^"\\\n]*)"', source) if not s.isascii()}
    texts = {t for t in texts if not t.isascii() and "\\u" not in t}
    # The tests' own mojibake samples ("à¸–à¸™à¸™" for ถนน) are garbled on purpose.
    texts = {t for t in texts if not ((r := refusal(t)) and "read as" in r.message)}
    assert len(texts) > 1000
    refused = [
        (language, text)
        for text in sorted(texts)
        for language in ("ja", "zh_Hans", "ko")
        if (r := refusal(text, language=language))
        and "read as" in r.message
        and any(e in r.message for e in ("cp932", "gbk", "cp949"))
    ]
    assert refused == []


def test_a_run_of_marks_read_once_is_found_at_each_place_it_is_typed() -> None:
    """`mark_typos` reads each distinct run of marks once (a Thai paragraph repeats a few
    dozen, #20): the same slip typed twice, or after other text, is found where it is."""
    from msc_leaflet.content.mark_typos import RUN_CACHE_SIZE, _run_typos, mark_typos
    from msc_leaflet.content.text_policy import mark_runs

    slip = "ย\u0e49\u0e49อน"  # mai tho twice
    for text in [slip + " " + slip, "ที่ " + slip + " กั้น " + slip]:
        found = [(t.offset, t.other, t.kind) for t in mark_typos(text, mark_runs(text), "th")]
        first = text.index("\u0e49\u0e49")
        second = text.index("\u0e49\u0e49", first + 2)
        assert found == [(first + 1, first, "twice"), (second + 1, second, "twice")], text
        found_first = refusal(text)
        assert found_first is not None and found_first.offset == first + 1
    assert _run_typos.cache_info().maxsize == RUN_CACHE_SIZE  # bounded: memory stays flat


@pytest.mark.parametrize(
    "text",
    [
        "ဘာယူလာရမလဲ၊ ဘာကို သတိထားရမလဲ",  # What to bring, what to watch for
        "ဘာယူလာရမလဲ၊ ဘာကို သတိထားရမလဲ။",
        "ဘာကို သတိထားရမလဲ။ ဘာကို ယူလာရမလဲ။",  # What to watch for? What to bring?
    ],
)
def test_burmese_that_reads_the_same_in_zawgyi_is_not_refused(text: str) -> None:
    """A heading of letters and the vowel signs both encodings store alike (no ေ, medial,
    asat or stacker) prints the same whichever the author's keyboard was: nothing to
    convert. Google's detector scored these correct Unicode headings 0.9993 or more,
    and the Burmese-source leaflet's subtitle was refused as Zawgyi."""
    assert refusal(text, language="my") is None


def test_a_zawgyi_sign_beside_words_both_encodings_share_is_still_found() -> None:
    """The words both encodings store alike do not hide a Zawgyi word beside them."""
    found = refusal("ဘာကို သတိထားရမလဲ အျမဲ", language="my")
    assert found is not None and "Zawgyi" in found.message, found


@pytest.mark.parametrize(
    ("language", "meant"),
    [
        ("en", "ถนนสุขุมวิท"),  # a Thai address pasted into an English leaflet
        ("zh_Hans", "ถนนสุขุมวิท"),  # into a Chinese catalog: no GBK reading offered
        ("ja", "ผู้ป่วย"),
        ("vi", "ຄົນເຈັບ"),  # Lao
        ("th", "患者应咨询医生"),  # Chinese pasted into a Thai leaflet
        ("en", "مراجعة الطبيب"),  # Arabic into an English one
        ("km", "ဆေးရုံ"),  # Burmese into a Khmer one
    ],
)
def test_another_languages_text_read_in_the_wrong_encoding_is_refused_as_it_was_meant(
    language: str, meant: str
) -> None:
    """The UTF-8 check read a run only into the text's own letters (or Latin): a Thai
    address garbled as Windows-1252 in an English leaflet printed "à¸–à¸™à¸™…" with no
    word, and in a Chinese catalog the hint offered a GBK reading (喔栢笝…) instead of
    ถนน. A run of two characters or more of any described script is surely mojibake."""
    garbled = utf8_read_as_cp1252(meant)
    found = refusal(f"Address: {garbled}", language=language)
    assert found is not None and "UTF-8" in found.message, (garbled, found)
    assert found.offset == len("Address: ")
    assert meant.split(" ")[0] in found.hint, found.hint
