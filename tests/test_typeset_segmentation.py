"""Break opportunities: ICU, the project word list, and the Thai line rules."""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Iterable, Iterator, Sequence
from itertools import pairwise
from pathlib import Path

import pytest
from reportlab.lib.colors import black

from msc_leaflet.typeset import Run, default_family, make_paragraph, segmentation
from msc_leaflet.typeset.kept_groups import bound_prefix_ends
from msc_leaflet.typeset.segmentation import (
    WordList,
    allowed_break,
    break_opportunities,
    icu_breaks,
    keeps_syllable,
    line_breaks,
    load_word_list,
)
from typeset_support import WORDS, body_style


def pieces(text: str, breaks: list[int]) -> list[str]:
    cuts = [0, *breaks, len(text)]
    return [text[a:b] for a, b in pairwise(cuts)]


def test_icu_splits_a_transliteration_the_word_list_keeps_whole() -> None:
    text = "เซลล์มีเซนไคมอลและยาไอบูโพรเฟน"
    assert "ไค" in pieces(text, icu_breaks(text, "th"))  # ICU alone splits the term
    kept = pieces(text, break_opportunities(text, "th", load_word_list(WORDS)))
    assert "มีเซนไคมอล" in "|".join(kept).split("|")
    assert "ไอบูโพรเฟน" in kept


def test_the_project_word_list_has_the_required_terms() -> None:
    words = set(load_word_list(WORDS).words)
    assert {
        "มีเซนไคมอล",
        "มีเซนไคม์",
        "ไอบูโพรเฟน",
        "สโตรมัล",
        "เซลล์ต้นกำเนิด",
        "เอ็กโซโซม",
        "ไซโตไคน์",
    } <= words


def test_word_list_path_is_configurable(tmp_path: Path) -> None:
    custom = tmp_path / "words.txt"
    custom.write_text("# comment\nเซนไค\n", encoding="utf-8")
    text = "มีเซนไคมอล"
    assert load_word_list(custom) == WordList(("เซนไค",))
    breaks = break_opportunities(text, "th", load_word_list(custom))
    assert not any(2 < b < 7 for b in breaks)


def test_break_indices_are_python_indices_after_astral_characters() -> None:
    text = "𝑥 ผู้ป่วยที่ได้รับ"  # ICU reports UTF-16 offsets; one astral char shifts them
    for piece in pieces(text, icu_breaks(text, "th")):
        assert piece  # every cut falls between characters of the Python string
    assert "ผู้" in pieces(text, icu_breaks(text, "th"))


def test_no_line_starts_with_mai_yamok_even_after_an_author_space() -> None:
    text = "ดื่มน้ำมาก ๆ ทุกวัน"
    breaks = break_opportunities(text, "th")
    assert text.index("ๆ") not in breaks
    assert text.index("ทุก") in breaks


def test_line_rules() -> None:
    assert not allowed_break("กะ", 1)  # before sara a
    assert not allowed_break("ก่", 1)  # before a tone mark
    assert not allowed_break("เก", 1)  # after a leading vowel
    assert not allowed_break("“ก", 1)  # after an opening quote
    assert not allowed_break("ก”", 1)  # before a closing quote
    assert not allowed_break("กฯ", 1)
    assert allowed_break("กข", 1)


@pytest.mark.parametrize(
    ("lao", "thai"),
    [("ກະ", "กะ"), ("ມາ", "มา"), ("ນ້ຳ", "น้ำ"), ("ເສັຽ", None)],
)
def test_a_lao_vowel_written_after_its_consonant_never_starts_a_line(
    lao: str, thai: str | None
) -> None:
    """ະ າ ຳ (and the ຽ of ເສັຽ) close the syllable of the consonant before them, as
    Thai ะ า ำ do: a line that starts with one has parted a syllable. An emergency cut
    in a narrow column (ມ|າໆ) and an author's zero-width space (ມ<U+200B>າ) keep the
    line rules, so neither starts a line with one."""
    at = len(lao) - 1
    assert not allowed_break(lao, at), lao
    assert at not in break_opportunities(lao, "lo", forced=[at])
    if thai is not None:  # the rule Thai has kept all along
        assert not allowed_break(thai, len(thai) - 1)


def test_lao_pasted_with_a_zero_width_space_between_letters_starts_no_line_with_a_vowel() -> None:
    """Lao pasted from a page whose word breaker put a zero-width space between any two
    letters (ມ<U+200B>າ): each is an author's break, but the line rules still hold."""
    text = "ຜູ້ປ່ວຍໄປໆມາໆທຸກໆມື້ ດື່ມນ້ຳຫຼາຍໆ ກະລຸນາ ເສັຽ"
    pasted = "".join(
        char + ("\u200b" if unicodedata.category(after) == "Lo" else "")
        for char, after in pairwise(text + " ")
    )
    for width in range(16, 61, 3):
        paragraph = make_paragraph(
            [Run(pasted, default_family().regular, 10, black)], body_style(size=10), "lo"
        )
        paragraph.on_emergency_break = lambda _: None
        paragraph.wrap(width, 10_000)
        lines = [line.replace("\u200b", "") for line in paragraph.line_texts()]
        starts = {line[0] for line in lines[1:] if line}
        assert not starts & set("\u0eb0\u0eb2\u0eb3\u0ebd\u0ec6\u0eaf"), (width, lines)


def test_forbidden_and_forced_breaks() -> None:
    text = "ได้ผลดี"
    assert 3 not in break_opportunities(text, "th", forbidden=[3])
    assert 3 in break_opportunities("abcdef", "en", forced=[3])  # an author's zero-width space


def test_thai_stretch_around_a_position() -> None:
    """`_thai_run` (found by bisecting a paragraph's stretches) is the stretch a walk
    outwards from the position finds, at every position, ends and edges included."""
    import random

    from msc_leaflet.typeset.syllables import _thai_run, is_thai

    def walk(text: str, i: int) -> tuple[int, int]:
        start, end = i, i
        while start > 0 and is_thai(text[start - 1]):
            start -= 1
        while end < len(text) and is_thai(text[end]):
            end += 1
        return start, end

    letters = "กขงเแ่้ะาิ์ ab1."
    rng = random.Random(20)
    for _ in range(500):
        text = "".join(rng.choice(letters) for _ in range(rng.randint(0, 24)))
        assert [_thai_run(text, i) for i in range(len(text) + 1)] == [
            walk(text, i) for i in range(len(text) + 1)
        ]


def test_burmese_and_khmer_words_icu_does_not_know_break_between_syllables() -> None:
    # ICU's dictionaries split loanwords inside a syllable: ဆဲ|လ်များ ("cells"),
    # ဝ|က်ဘ်ဆိုက် ("website"), before a consonant killed by asat; កាស្ត្|រូ after a coeng.
    cases = {
        "my": ("ဆေးခန်းအချို့သည် mesenchymal stromal ဆဲလ်များ ကို ဝက်ဘ်ဆိုက် အွန်လိုင်း", "ဆဲလ်"),
        "km": ("កាស្ត្រូម៉ាម", "ស្ត្រូ"),
    }
    for lang, (text, word) in cases.items():
        breaks = line_breaks(text, lang)
        for at in breaks:
            assert text[at] not in "\u103a\u17cd\u1037" and text[at - 1] not in "\u1039\u17d2"
            assert not (text[at:].startswith("လ်") or text[at:].startswith("က်"))
        start = text.index(word)
        assert not any(start < at < start + len(word) for at in breaks), lang


def test_a_burmese_consonant_stacked_over_the_next_ends_the_syllable_before() -> None:
    # A Burmese stack (ကမ္ဘာ "world", ဗုဒ္ဓ, မန္တလေး, ပုဂ္ဂိုလ် "person") writes the
    # final of one syllable over the initial of the next: ကမ် + ဘာ. ICU split ကမ္ဘာ
    # inside the compound ကမ္ဘာ့ကျန်းမာရေးအဖွဲ့ (WHO) as က|မ္ဘာ, a line ending on the
    # vowel of a syllable whose final went to the next line.
    for text, word in [
        ("ကမ္ဘာ့ကျန်းမာရေးအဖွဲ့၏ အကြံပြုချက်ကို လိုက်နာပါ။", "ကမ္ဘာ"),
        ("ဗုဒ္ဓဘာသာဝင် လူနာများ", "ဗုဒ္ဓ"),
        ("မန္တလေးဆေးရုံ", "မန္တ"),
        ("အခြားပုဂ္ဂိုလ်အား မပေးပါနှင့်။", "ပုဂ္ဂိုလ်"),
    ]:
        start = text.index(word)
        for at in line_breaks(text, "my"):
            assert text[at + 1 : at + 2] != "\u1039", f"{text[:at]}|{text[at:]}"
            assert not start < at < start + len(word), f"{text[:at]}|{text[at:]}"
    # Between the words around a stack, ICU's breaks stay.
    assert len("ကမ္ဘာ့") in line_breaks("ကမ္ဘာ့ကျန်းမာရေး", "my")


def test_khmer_consonant_with_bantoc_ends_the_syllable_before() -> None:
    # ICU splits words it does not know before a final marked with bantoc: ហ្វា|ស់.
    for word in ("ហ្វាស់ម៉ាស់", "គ្លីនិកម៉ាប់", "ឡាហ្វាត់"):
        text = f"{word} ជា"
        for at in line_breaks(text, "km"):
            assert text[at + 1 : at + 2] != "\u17cb", f"{text[:at]}|{text[at:]}"


LAO_FIXTURE = Path(__file__).parent / "fixtures/languages/locales/lo/LC_MESSAGES"


def test_lao_loanwords_break_between_syllables() -> None:
    # ICU splits ຄລີນິກ ("clinic") as ຄ|ລີ|ນິກ: the cluster ຄລ cut in two.
    text = "ບາງຄລີນິກໃຫ້ເຊວສະໂຕຣມອລມີເຊັນໄຄມ (MSCs) ໄປໂຮງໝໍ"
    assert "ຄ" in pieces(text, icu_breaks(text, "lo"))  # what ICU alone does
    breaks = line_breaks(text, "lo")
    # words-lo.txt keeps ຄລີນິກ whole: at a line's end ຄລີ|ນິກ read as two words
    assert pieces(text, breaks)[:5] == ["ບາງ", "ຄລີນິກ", "ໃຫ້", "ເຊວ", "ສະ"]
    # Inside each word, a break may fall only where a syllable starts.
    syllable_starts = {"ຄລີນິກ": {3}, "ເຊວ": set(), "ໂຮງໝໍ": {3}, "ມີເຊັນໄຄມ": {2, 6}}
    for word, starts in syllable_starts.items():
        at = text.index(word)
        assert {b - at for b in breaks if at < b < at + len(word)} <= starts, word


def test_lao_syllables_of_the_fixture_sentences() -> None:
    from msc_leaflet.typeset.lao_syllables import syllable_boundaries

    cases = {
        "ຫຼັງຈາກການໃຫ້ເຊວທາງເສັ້ນເລືອດ": "ຫຼັງ|ຈາກ|ການ|ໃຫ້|ເຊວ|ທາງ|ເສັ້ນ|ເລືອດ",
        "ຂໍຄວາມຊ່ວຍເຫຼືອດ່ວນ": "ຂໍ|ຄວາມ|ຊ່ວຍ|ເຫຼືອ|ດ່ວນ",  # ຄວ: one initial
        "ໃຫ້ໂທຫາໜ່ວຍສຸກເສີນ": "ໃຫ້|ໂທ|ຫາ|ໜ່ວຍ|ສຸກ|ເສີນ",
        "ເຊື່ອງຕົວຈາກລະບົບພູມຄຸ້ມກັນ": "ເຊື່ອງ|ຕົວ|ຈາກ|ລະ|ບົບ|ພູມ|ຄຸ້ມ|ກັນ",  # not ຈາ|ກລະ
        "ຂ້ອຍເດີນທາງ": "ຂ້ອຍ|ເດີນ|ທາງ",  # ອ: the vowel of ຂ້ອຍ
    }
    for run, syllables in cases.items():
        cuts = [0, *sorted(syllable_boundaries(run)), len(run)]
        assert "|".join(run[a:b] for a, b in pairwise(cuts)) == syllables


def test_no_lao_break_of_the_fixture_falls_inside_a_syllable() -> None:
    import polib

    for catalog in LAO_FIXTURE.glob("*.po"):
        for entry in polib.pofile(str(catalog)):
            text = entry.msgstr
            for at in line_breaks(text, "lo"):
                # a consonant with no vowel ends no line: ບາງຄ|ລີ, ຕໍ່ຄ|ລີ
                head = text[:at].rstrip()
                assert not (head.endswith("ຄ") and text[at:].startswith("ລ")), text
                # one with no vowel after it starts none: ນິ|ກ, ເຊ|ວ
                assert text[at : at + 1] not in "ກງດນບມຍວ" or text[at + 1 : at + 2] not in (
                    "",
                    " ",
                    ".",
                    ",",
                    *"ເແໂໃໄ",
                ), text


def test_a_khmer_consonant_ending_its_word_after_a_vowel_is_its_final() -> None:
    # ICU splits words it does not know before their last consonant: ម៉ា|ម, ហ្វែ|ន.
    for text, word in [("កាស្ត្រូម៉ាម។", "ម៉ាម"), ("អាស៊ីតាមីណូហ្វែន ល្អ", "ហ្វែន")]:
        start = text.index(word)
        assert start + len(word) - 1 not in line_breaks(text, "km"), text
    # Inside a word a bare consonant may start a syllable: ICU's break there stays.
    assert "ធ្វើដំណើរបានភ្លាមៗ".index("ណើរ") + 3 in line_breaks("ធ្វើដំណើរបានភ្លាមៗ", "km")


def test_a_khmer_final_with_a_subscript_stays_with_its_vowel() -> None:
    # A word-final consonant with a subscript after a vowel sign is that syllable's
    # final cluster, the subscript silent (SEAsite Khmer, NIU: គ្រូពេទ្យ "doctor",
    # ចិត្ត, សាស្ត្រ): ពេ|ទ្យ tears the syllable pet in two.
    for word in ("ពេទ្យ", "ចិត្ត", "សាស្ត្រ", "សំបុត្រ"):
        text = f"មន្ទីរ{word} ល្អ"
        at = text.index("\u17d2", text.index(word)) - 1  # before the subscript's base
        assert keeps_syllable(text, at) is False, f"{text[:at]}|{text[at:]}"
    # A subscript followed by a vowel starts the next syllable: វិ|ទ្យា stays.
    assert keeps_syllable("វិទ្យា", 2)
    assert keeps_syllable("មន្ទីរពេទ្យកោសិកា", len("មន្ទីរពេ"))  # inside a run: ICU's


def test_a_lao_word_no_reading_covers_does_not_open_the_clusters_beside_it() -> None:
    # ສຸຂພາບ ("health", the older spelling with an inherent vowel) has no reading as
    # syllables, so the boundaries of its piece are those a reading reaches from either
    # end; ລີ|ນິກ is reached from the end, and ICU's ຄ|ລີ was kept with it: a line
    # ended "ສຸຂພາບຄ" with "ລີນິກ" on the next (A4 parallel edition).
    for text in ("ສຸຂພາບຄລີນິກ", "ຄລີນິກສຸຂພາບ", "ສຸຂພາບຄລີນິກ ສຸຂພາບ"):
        # A piece keeps the space after it: a line never starts with one.
        found = [piece.rstrip() for piece in pieces(text, line_breaks(text, "lo"))]
        assert "ຄລີນິກ" in found and "ຄ" not in found, found  # listed: words-lo.txt
    from msc_leaflet.typeset.lao_syllables import syllable_boundaries

    # a boundary in such a piece has a syllable on both sides: not ສຸ|ຂ, ລິ|ນ
    assert 6 in syllable_boundaries("ສຸຂພາບຄລີນິກ")  # ພາບ|ຄລີ
    assert not {3, 7} & syllable_boundaries("ສຸຂພາບຄລີນິກ")


@pytest.mark.parametrize("word", ["स्ट्रोमल", "স্ট্রোমাল", "ਸ੍ਟ੍ਰੋ", "ஸ்ட்ரோ", "స్ట్రో", "ස්ට්‍රෝ"])
def test_no_break_right_after_an_indic_virama(word: str) -> None:
    # Devanagari, Bengali, Gurmukhi, Tamil, Telugu, Sinhala: the virama joins its
    # consonant to the next (a conjunct, a half form): no syllable ends there.
    from msc_leaflet.typeset.segmentation import keeps_syllable

    after = [i for i in range(1, len(word)) if unicodedata.combining(word[i - 1]) == 9]
    assert after and not any(keeps_syllable(word, i) for i in after)


# Text mixing what the syllable and number rules read with what they pass over: Latin,
# Vietnamese, digits, slashes and units, Thai, Lao, Burmese, Khmer, Devanagari, Arabic.
MIXED = [
    "Take 5 mg/kg twice a day, 3 – 5 times; call +66 2 000 0000.",
    "Tế bào gốc trung mô 1/2 lần mỗi ngày",
    "ผู้ป่วยควรพักผ่อน 7 วัน/สัปดาห์",
    "ຄົນເຈັບຄວນພັກຜ່ອນ ໑໐ ມື້",
    "ကမ္ဘာ့ ကျန်းမာရေး ၅ မီလီဂရမ်",
    "សាស្ត្រ ពេទ្យ ២ ដង",
    "स्ट्रोक के बाद",
    "يأخذ ٥ ملغ/كغ",
]


@pytest.mark.parametrize("lang", ["en", "th", "my", "km", "lo", "vi", "ar"])
def test_line_breaks_skip_no_check_that_could_refuse_a_break(
    lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Skipping the syllable and number checks where the text gives them nothing to
    refuse leaves the very breaks all the checks give, in every language's breaking."""
    parts = [text[start:] for text in MIXED for start in range(0, len(text), 5)]
    parts += [a + " " + b for a, b in pairwise(MIXED)]
    skipped = [line_breaks(part, lang) for part in parts]
    monkeypatch.setattr(segmentation, "holds_syllable_letters", lambda text: True)
    monkeypatch.setattr(segmentation, "holds_number_signs", lambda text: True)
    assert skipped == [line_breaks(part, lang) for part in parts]


def test_a_lone_khmer_consonant_icu_leaves_after_a_vowel_is_that_syllables_final() -> None:
    # ICU cuts a loanword it does not know into clusters and leaves a syllable's final
    # consonant as a piece of its own: ក្លី|និ|ក ("clinic"), អ៊ី|ន|ស៊ុយ|លីន ("insulin").
    # A narrow line then started with the bare ក of និក.
    for marked, after in [
        ("ក្លី|និក", "ភ្លាមៗ"),
        ("អ៊ីន|ស៊ុយ|លីន", "។"),
        ("អង់|ទី|ប៊ី|យ៉ូ|ទិក", "ភ្លាមៗ"),
        ("ម៉ាក្រូ|ហ្វាក", "ភ្លាមៗ"),
        ("ស្តេ|រ៉ូ|អ៊ីត", "ភ្លាមៗ"),
    ]:
        word = marked.replace("|", "")
        text = f"សូមប្រើ{word}{after}"
        breaks = line_breaks(text, "km")
        start = text.index(word)
        inner = [b - start for b in breaks if start < b < start + len(word)]
        assert set(pieces(word, inner)) <= set(marked.split("|")), pieces(text, breaks)
    # A narrow column starts no line with a bare final.
    family = default_family()
    text = "សូមទូរស័ព្ទមកគ្លីនិកភ្លាមៗ ប្រសិនបើអ្នកមានគ្រុនក្តៅ។"
    paragraph = make_paragraph([Run(text, family.regular, 11, black)], body_style(), "km")
    paragraph.wrap(30, 1000)
    assert "ក" not in paragraph.line_texts(), paragraph.line_texts()


def test_korean_lines_break_at_spaces_not_between_syllables() -> None:
    # ICU's default rules break between any two Hangul syllables: a Korean leaflet
    # printed "기질세|포(MSCs)를", "주|입합니다", "태국에서|는". Korean writers, as
    # CSS word-break: keep-all, break lines at spaces (ICU's lw=phrase for Korean).
    text = "중간엽 기질세포(MSCs)를 정맥에 주입합니다. 태국에서는 1669에 전화하세요."
    starts = [0, *line_breaks(text, "ko")]
    assert all(text[i - 1] == " " for i in starts[1:]), [text[i:] for i in starts[1:]]
    lines = [text[a:b].strip() for a, b in pairwise([*starts, len(text)])]
    assert lines == text.split()
    # Another language keeps its own rules: Japanese still breaks between characters.
    assert len(line_breaks("細胞の点滴を受けた後に", "ja")) > 3


KHMER_HEALTH_WORDS = Path(__file__).parent / "fixtures/khmer/health-words.txt"
#: Words a Khmer health word follows (ending in a vowel sign, or in a final) and
#: precedes (ICU glued a final to ភ្លាមៗ "at once", ដែល "which", នៅ "at").
KHMER_BEFORE = ("សូមទៅ", "ដូចជា", "អំពី", "ប្រើ", "មាន", "")
KHMER_AFTER = ("ភ្លាមៗ", "ដែល", "នៅ", "ទទួល", "។", "")


def khmer_health_words() -> list[str]:
    lines = KHMER_HEALTH_WORDS.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def khmer_bare_final(word: str) -> bool:
    """Whether ``word`` ends in a bare consonant after a vowel sign: its last syllable's
    final (ហ្សែន, ព្យាបាល, វ៉ែន), which no line may start with."""
    return len(word) > 1 and "\u1780" <= word[-1] <= "\u17a2" and "\u17b6" <= word[-2] <= "\u17c5"


def test_no_khmer_line_starts_with_the_final_icu_glued_to_the_next_word() -> None:
    # ICU fits a word it does not know (ហ្សែន "gene"), or one before ៗ, to the letters
    # of the next and leaves the final consonant at the next line's start: ហ្សែ|នដែល,
    # ការព្យាបា|លភ្លាមៗ ("treatment at once"), ទទួ|លភ្លាមៗ, វ៉ែ|នភ្លាមៗ ("vein").
    words = khmer_health_words()
    assert len(words) >= 60
    wrong = []
    for word in words:
        for before in KHMER_BEFORE:
            for after in KHMER_AFTER:
                text = before + word + after
                breaks = line_breaks(text, "km")
                end = len(before) + len(word)
                if khmer_bare_final(word) and after and end - 1 in breaks:
                    wrong.append("|".join(pieces(text, breaks)))
                for at in breaks:  # and never a vowel sign, a sign or a subscript
                    assert unicodedata.category(text[at]) not in ("Mn", "Mc"), text
                    assert text[at - 1] != "\u17d2", text
    assert not wrong, wrong


@pytest.mark.parametrize(
    ("marked", "lang"),
    [
        ("ការ|ព្យា|បាល|ភ្លាមៗ", "km"),  # "treatment at once": not ព្យាបា|លភ្លាមៗ
        ("ហ្សែន|ដែល", "km"),  # "the gene which": not ហ្សែ|នដែល
        ("អាំងស៊ុយលីន|វេជ្ជបណ្ឌិត", "km"),  # not លី|នវេ|ជ្ជ: ICU's misfit tore វេជ្ជ too
        ("សរសៃ|វ៉ែន|ភ្លាមៗ", "km"),  # "vein at once": not វ៉ែ|នភ្លាមៗ
        # "kidneys receive": not ម្រ|ងនោ|មទ (words-km.txt); ICU's ទ|ទួល parts two
        # syllables, and stays
        ("មាន|តម្រងនោម|ទ|ទួល", "km"),
    ],
)
def test_a_khmer_final_icu_glued_to_the_next_word_moves_back(marked: str, lang: str) -> None:
    text = marked.replace("|", "")
    breaks = line_breaks(text, lang)
    assert set(pieces(text, breaks)) <= set(marked.split("|")), pieces(text, breaks)


def test_a_khmer_word_starting_with_a_syllable_with_no_vowel_sign_keeps_its_break() -> None:
    # ទទួល ("receive"), មនុស្ស ("person"), មហារីក ("cancer") start with a consonant
    # read with its inherent vowel: after a vowel sign it is no final. ICU's dictionary
    # knows them, and its break before them stays: ជា|ទទួល, never ជាទ|ទួល.
    for before, word in [("ដូចជា", "ទទួល"), ("ដូចជា", "មនុស្ស"), ("ជំងឺ", "មហារីក")]:
        text = f"{before}{word}ភ្លាមៗ"
        breaks = line_breaks(text, "km")
        assert len(before) in breaks and len(before) + 1 not in breaks, pieces(text, breaks)


def test_a_narrow_khmer_column_starts_no_line_with_a_final() -> None:
    family = default_family()
    text = "អ្នកជំងឺត្រូវការការព្យាបាលភ្លាមៗ ហើយហ្សែនដែលរងការខូចខាតត្រូវពិនិត្យ។"
    for width in (24, 30, 40, 60):
        paragraph = make_paragraph([Run(text, family.regular, 11, black)], body_style(), "km")
        paragraph.wrap(width, 2000)
        lines = paragraph.line_texts()
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        assert not any(line.startswith(("លភ្លាម", "នដែល")) for line in lines), lines


@pytest.mark.parametrize(
    ("marked", "term"),
    [
        ("ဒီ|ပါရာစီတမော|သည်", "ပါရာစီတမော"),  # ICU: ဒီပါ|ရာ|စီ|တ|မောသည်
        ("ကို|အင်ဆူလင်|ပါ", "အင်ဆူလင်"),  # ICU: ကို|အင်|ဆူ|လင်ပါ
        ("လူနာ|ဗိုင်းရပ်စ်|ရှိ", "ဗိုင်းရပ်စ်"),
    ],
)
def test_a_burmese_syllable_icu_glued_to_a_listed_word_is_broken_off(
    marked: str, term: str
) -> None:
    # ICU fits the syllables next to a word it does not know to its letters (ဒီပါ "this
    # pa", လင်ပါ): the listed word then kept the text from the word before to the
    # word after unbroken, ဒီပါရာစီတမောသည် one piece that a narrow cell cut anywhere.
    # Burmese spelling marks every syllable, so the listed word's edge is a syllable
    # boundary ICU did not see: a line may break there.
    text = marked.replace("|", "")
    words = WordList((term,))
    expected = [i - k for k, i in enumerate(j for j, c in enumerate(marked) if c == "|")]
    assert line_breaks(text, "my", words) == expected


ROOT = Path(__file__).parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
#: The languages whose lines break inside runs of letters, by dictionary.
DICTIONARY_LANGS = ("th", "lo", "km", "my")
#: Column widths every shipped paragraph is laid out at, in 10 pt text: a narrow table
#: column (6.4 em) up to an A4 page's measure.
SWEEP_WIDTHS = range(64, 421, 13)
#: Narrower columns, 3 to 6 ems (a table cell, parallel A5 columns), where a piece
#: between two line breaks is often wider than the line and is cut inside.
NARROW_WIDTHS = range(30, 64, 6)


def _plain_words(path: Path) -> list[str]:
    """The terms of a word list (one a line, ``#`` comments)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def never_cut_lists(lang: str) -> list[Path]:
    """Every list of ``lang``'s words the project ships or tests with that a line must
    never cut: the package's, the bundled project's and the fixture of medical words."""
    found = [
        ROOT / "src/msc_leaflet/data" / f"words-{lang}.txt",
        ROOT / "locales" / lang / "words.txt",
        FIXTURES / "medical-words" / f"{lang}.txt",
    ]
    return [path for path in found if path.is_file()]


def shipped_paragraphs(lang: str) -> list[str]:
    """Every paragraph of ``lang`` the project ships, as printed (markup read): each
    line of each msgstr of the bundled and the fixtures' catalogs, and each word list
    (the Khmer health words too) run together as a table cell sets it."""
    from babel.messages.pofile import read_po

    from msc_leaflet.content.inline import parse_inline

    catalogs = sorted(ROOT.glob(f"locales/{lang}/LC_MESSAGES/*.po"))
    catalogs += sorted(FIXTURES.glob(f"**/locales/{lang}/LC_MESSAGES/*.po"))
    found: list[str] = []
    for path in catalogs:
        with path.open("rb") as file:
            catalog = read_po(file)
        for message in catalog:
            strings = message.string if isinstance(message.string, tuple) else [message.string]
            for line in "\n".join(str(s) for s in strings if s and message.id).split("\n"):
                text = "".join(span.text for span in parse_inline(line)).strip()
                if segmentation.holds_syllable_letters(text):
                    found.append(text)
    lists = never_cut_lists(lang) + ([KHMER_HEALTH_WORDS] if lang == "km" else [])
    found += ["".join(_plain_words(path)) for path in lists]
    return found


def _set_width(text: str, lang: str, words: WordList) -> float:
    """How wide ``text`` is set alone at 10 pt."""
    alone = make_paragraph(
        [Run(text, default_family().regular, 10, black)], body_style(10), lang, words=words
    )
    return sum(unit.width for unit in alone.units)


def _words_cut(text: str, at: int, terms: Collection[str]) -> list[str]:
    """The terms of ``terms`` that a line ending at ``at`` cuts in two."""
    return [
        term
        for term in terms
        for start in range(max(0, at - len(term) + 1), at)
        if text.startswith(term, start)
    ]


def _may_end_a_line(text: str, at: int) -> bool:
    """Whether a line may end at ``at`` by the line rules, the text's ends included."""
    return at in (0, len(text)) or allowed_break(text, at)


def _line_starts(text: str, lines: Sequence[str]) -> list[int]:
    """Where each line of ``text`` after the first starts, past the spaces it broke
    at (a line may end before its space or after it)."""
    starts, at = [], 0
    for number, line in enumerate(lines):
        while not text.startswith(line, at) and text[at] == " ":
            at += 1
        assert text.startswith(line, at), (text[at:], line)
        if number:
            starts.append(at + len(line) - len(line.lstrip(" ")))
        at += len(line)
    return starts


def _set_lines(
    lang: str, listed: WordList, widths: Iterable[int]
) -> Iterator[tuple[str, int, int, list[str]]]:
    """Each shipped paragraph of ``lang`` set at each of ``widths``: (text, width, the
    offset a line starts at, the emergency cuts the layout reported at that width)."""
    for text in shipped_paragraphs(lang):
        paragraph = make_paragraph(
            [Run(text, default_family().regular, 10, black)], body_style(10), lang, words=listed
        )
        for width in widths:
            reported: list[str] = []
            paragraph.on_emergency_break = reported.append
            paragraph.wrap(width, 100_000)
            for at in _line_starts(text, paragraph.line_texts()):
                yield text, width, at, reported


@pytest.mark.parametrize("lang", DICTIONARY_LANGS)
def test_no_shipped_paragraph_ends_a_line_inside_a_word_at_any_width(lang: str) -> None:
    """Every Thai, Lao, Khmer and Burmese paragraph the project ships, set at every
    width of `SWEEP_WIDTHS`: no line ends inside a word of a shipped word list (unless
    that word alone is wider than the column: then it is cut between syllables, and
    reported if the build's lists hold it), and each line ends where ICU or the
    project's rules allow a break, or inside a piece wider than the column, between
    syllables. ICU splits compounds and loanwords differently in each context
    (កោ|សិកា "cell" before ស្ត្រូម៉ា, សរសៃ|ឈាម "blood vessel" before តូចៗ, โรง|พยาบาล,
    ຄ|ລີ|ນິກ): words tested alone between two others stayed whole, while the
    catalogs' sentences were cut."""
    listed = load_word_list(ROOT / "locales" / lang / "words.txt") if lang == "th" else WordList(())
    terms = {term for path in never_cut_lists(lang) for term in _plain_words(path)}
    used = set(listed.words + segmentation.builtin_word_list(lang).words)  # the build's
    wrong: set[str] = set()
    for text, width, at, reported in _set_lines(lang, listed, SWEEP_WIDTHS):
        breaks = line_breaks(text, lang, listed)
        allowed = set(icu_breaks(text, lang)) | set(breaks)
        pieces_at = [0, *breaks, len(text)]
        shown = f"{width} pt: {text[max(0, at - 12) : at]}|{text[at : at + 12]}"
        whole = unicodedata.category(text[at]) not in ("Mn", "Mc", "Me")
        syllables = whole and keeps_syllable(text, at)
        for term in _words_cut(text, at, terms):
            alone = syllables and _set_width(term, lang, listed) > width
            if not alone or (term in used and not reported):
                wrong.add(f"{shown} (inside {term})")
        if at not in allowed:
            start = max(b for b in pieces_at if b < at)
            end = min(b for b in pieces_at if b > at)
            if not (syllables and _set_width(text[start:end], lang, listed) > width):
                wrong.add(f"{shown} (no break)")
    assert not wrong, "\n".join(sorted(wrong))


@pytest.mark.parametrize(
    "marked",
    ["การ|ทบทวน|วรรณกรรม|ของ", "ผู้หญิง|ตั้ง|ครรภ์|ควร", "ธรรมชาติ|ของ|โรค", "กรรมการ|จริยธรรม|การ"],
)
def test_a_thai_word_with_ro_han_keeps_the_breaks_around_it(marked: str) -> None:
    # รร (ro han) is the vowel of the consonant before it (วรรณ "wan", กรรม "kam"): the
    # rules read the ว of วรรณ as the vowel -ัว of ทวน's น and the ม of กรรม as no
    # final, took ICU's breaks away, and a 90 pt column cut วรรณ|กรรม as an emergency.
    text = marked.replace("|", "")
    expected = [i - k for k, i in enumerate(j for j, c in enumerate(marked) if c == "|")]
    assert line_breaks(text, "th") == expected
    inside = text.index("รร")  # never between a consonant and its ro han, nor inside it
    assert not keeps_syllable(text, inside) and not keeps_syllable(text, inside + 1)


@pytest.mark.parametrize(
    "marked",
    [
        "ผู้ป่วย|รับ|การ|รักษา|ที่|บ้าน",
        "ยื่น|คำร้อง|การ|ร้อง|เรียน|ได้",
        "ระหว่าง|การ|รอ",
        "การ|รับประทาน|ยา",
        "อาหาร|รส|จัด",
    ],
)
def test_a_final_ro_ro_before_a_word_starting_with_ro_ro_is_no_ro_han(marked: str) -> None:
    # Two ร are a ro han only after a bare consonant and with no vowel on the second
    # (กรรม, วรรณ): in การ|รักษา the first ร closes การ. Read as a ro han, ICU's break
    # was dropped, การรักษาที่ became one piece and a narrow cell printed การรัก|ษา.
    text = marked.replace("|", "")
    expected = [i - k for k, i in enumerate(j for j, c in enumerate(marked) if c == "|")]
    assert line_breaks(text, "th") == expected


@pytest.mark.parametrize("lang", DICTIONARY_LANGS)
def test_a_piece_wider_than_a_narrow_column_is_cut_at_a_word_edge_first(lang: str) -> None:
    """Every shipped paragraph at each of `NARROW_WIDTHS`: a line that ends inside a
    piece (the letters between two of the sentence's line breaks) ends at the edge of a
    word of that piece read alone (ICU's, the lists', the syllable rules') whenever one
    fits on the line; only a line with none ends elsewhere. In its sentence ICU fits a
    piece's letters to the words around them (การรักษาที่, โรงพยาบาล between two
    words), and the cutter took the last syllable break that fitted: การรัก|ษา,
    โรงพยา|บาล."""
    listed = load_word_list(ROOT / "locales" / lang / "words.txt") if lang == "th" else WordList(())
    wrong: set[str] = set()
    for text in shipped_paragraphs(lang):
        breaks = line_breaks(text, lang, listed)
        pieces_at = [0, *breaks, len(text)]
        paragraph = make_paragraph(
            [Run(text, default_family().regular, 10, black)], body_style(10), lang, words=listed
        )
        for width in NARROW_WIDTHS:
            paragraph.wrap(width, 100_000)
            line_start = 0
            for at in _line_starts(text, paragraph.line_texts()):
                start = max(b for b in pieces_at if b <= line_start)
                end = min(b for b in pieces_at if b > line_start)
                if start < at < end:  # cut inside the piece start:end
                    piece = text[start:end]
                    edges = {start + e for e in line_breaks(piece, lang, listed)}
                    for a, b in segmentation.listed_spans(piece, lang, listed):
                        # a listed term's own edges, where a line may end at all (not
                        # after the opening quote of “สโตรมัล”)
                        edges |= {start + e for e in (a, b) if _may_end_a_line(text, start + e)}
                        edges |= {  # ICU's words inside a listed term alone: โรง|พยาบาล
                            start + a + e
                            for e in icu_breaks(piece[a:b], lang)
                            if allowed_break(text, start + a + e)
                            and keeps_syllable(text, start + a + e, dictionary=True)
                        }
                    # no word ends after a bound prefix (ผู้|เชี่ยวชาญ, ผู้|ดำเนินการ)
                    edges -= {start + e for e in bound_prefix_ends(piece, lang)}
                    passed = [e for e in edges if line_start < e < at]
                    if at not in edges and passed:
                        shown = f"{text[max(line_start, at - 12) : at]}|{text[at : at + 12]}"
                        wrong.add(f"{width} pt: {shown} (a word ends at {max(passed) - at})")
                line_start = at
    assert not wrong, "\n".join(sorted(wrong))


def _syllable_around(text: str, at: int) -> tuple[int, int]:
    """(start, end) of the syllable a cut at ``at`` falls inside: the nearest places on
    either side where a cut inside a word keeps syllables whole (or the letters end)."""

    def edge(i: int) -> bool:
        letters = segmentation.between_known_syllables(text, i)
        return not letters or keeps_syllable(text, i, syllable_list=True)

    start = max((i for i in range(1, at) if edge(i)), default=0)
    end = min((i for i in range(at + 1, len(text)) if edge(i)), default=len(text))
    return start, end


@pytest.mark.parametrize("lang", ["th", "lo"])
def test_a_narrow_column_cuts_a_word_at_a_syllable_edge_before_inside_one(lang: str) -> None:
    """Every shipped Thai and Lao paragraph at each of `NARROW_WIDTHS`: a line that ends
    inside a piece (no line break of its sentence there) ends at a syllable's edge;
    inside a syllable only when that syllable alone is wider than the column, and then
    reported (LAYOUT004). The cutter took the spelling's word for a syllable edge only
    where it was sure, and in an emergency the last place it could not rule out:
    ทบทว|น, สอดค|ล้อง, สนับส|นุน in a column where ทบ|ทวน, สอด|คล้อง, สนับ|สนุน fit."""
    listed = load_word_list(ROOT / "locales" / lang / "words.txt") if lang == "th" else WordList(())
    wrong: set[str] = set()
    for text, width, at, reported in _set_lines(lang, listed, NARROW_WIDTHS):
        if at in line_breaks(text, lang, listed):
            continue
        if not segmentation.between_known_syllables(text, at):
            continue
        if keeps_syllable(text, at, syllable_list=True):
            continue
        start, end = _syllable_around(text, at)
        wide = _set_width(text[start:end], lang, listed) > width
        if not (wide and reported):
            shown = f"{text[max(0, at - 12) : at]}|{text[at : at + 12]}"
            wrong.add(f"{width} pt: {shown} (inside {text[start:end]})")
    assert not wrong, "\n".join(sorted(wrong))


@pytest.mark.parametrize(
    "marked",
    [
        # "This leaflet tells you how to get ready": ICU read ពីរ ("two") + បៀប after
        # អ្នក, and a Khmer reader saw "two" at a line's end and no word at the next
        # one's start (journey5's Thai-first leaflet, translated into Khmer).
        "ឯកសារ|នេះ|ប្រាប់|អ្នក|ពី|របៀប|រៀបចំខ្លួន។",
        "ប្រាប់|គាត់|ពី|របៀប|លេបថ្នាំ",
        "ដឹង|អំពី|របៀប|លេបថ្នាំ",
        # ពីរ ("two") itself stays a word: អ្នក|ពីរ|រូប, "two people".
        "អ្នក|ពីរ|រូប",
    ],
)
def test_khmer_robiep_how_is_never_read_as_two(marked: str) -> None:
    text = marked.replace("|", "")
    breaks = line_breaks(text, "km")
    assert set(pieces(text, breaks)) <= set(marked.split("|")), pieces(text, breaks)


@pytest.mark.parametrize(
    ("text", "lang", "word"),
    [
        ("ຖ້າມີຄວາມດັນ ຕິດຕໍ່ໂທລະສັບ", "lo", "ຄວາມດັນ"),  # a listed word before a space
        ("ຖ້າມີຄຳຖາມ ຕິດຕໍ່ໂທລະສັບ", "lo", "ຄຳຖາມ"),
        ("ຖ້າເຈັບບ່ອນຜ່າຕັດ ໃຫ້ໂທຫາ", "lo", "ຜ່າຕັດ"),
    ],
)
def test_a_listed_word_before_a_space_breaks_after_the_space(
    text: str, lang: str, word: str
) -> None:
    """ICU breaks after a space; a listed word whose end met one was read as glued to
    the next word, and given a break before the space too: a Lao line then began with
    the space (' ຕິດຕໍ່…'), set one space in from the margin."""
    end = text.index(word) + len(word)
    breaks = segmentation.break_opportunities(text, lang)
    assert end + 1 in breaks and end not in breaks, breaks


#: Sentences holding a compound in brackets whose pieces read as other words, which
#: ICU's dictionary parts: คำ|เตือน ("word|warn" for "warning"), นัก|วิจัย, หลัก|ฐาน
#: ("pillar|base" for "evidence"), ຄຳ|ເຕືອນ, អ្នក|កែសម្រួល ("you|edit" for "editor").
#: No line ends inside the bracketed word, and a line may still end at its edges:
#: ให้|คำแนะนำ stays a break, as ICU gives it.
COMPOUNDS_IN_SENTENCES = [
    ("th", "แพทย์จะให้[คำแนะนำ]เรื่องยา"),
    ("th", "โปรดอ่าน[คำเตือน]ก่อนใช้ยา"),
    ("th", "โปรดอย่าอนุมัติ[คำแปล]"),
    ("th", "[คำตอบ]โดยสรุปคือไม่"),
    ("th", "โปรดอ่าน[คำกล่าวอ้าง]ของคลินิก"),
    ("th", "[นักวิจัย]ส่วนใหญ่เห็นด้วย"),
    ("th", "ส่งตัวอย่างเลือดไป[ห้องปฏิบัติการ]"),
    ("th", "ยังไม่มี[หลักฐาน]ที่ชัดเจน"),
    ("th", "ควร[ตรวจสอบ]ชื่อคลินิกก่อน"),
    ("th", "โปรดแจ้ง[ผู้ดูแล]ของคุณ"),
    ("th", "ยานี้อาจมี[ผลข้างเคียง]"),
    ("th", "ส่งไฟล์ให้[โรงพิมพ์]"),
    # รับประทาน ("to take a medicine, to eat") and รับประกัน ("to guarantee") are one
    # word each; ICU's รับ|ประทาน read "receive|bestow" (the fasting leaflet's
    # ห้ามรับ|ประทานอาหาร).
    ("th", "ห้าม[รับประทาน]อาหาร"),
    ("th", "ควร[รับประทาน]ยาหลังอาหาร"),
    ("th", "คลินิกไม่ควร[รับประกัน]ผลการรักษา"),
    ("th", "โปรดปรึกษา[ผู้เชี่ยวชาญ]ก่อน"),
    # ICU's ส่งตัว ("refer a patient") crosses into the listed ตัวอย่าง ("sample"):
    # the break moves to the listed word's start.
    ("th", "ส่ง[ตัวอย่าง]เลือดไปห้องปฏิบัติการ"),
    ("lo", "ອ່ານ[ຄຳເຕືອນ]ກ່ອນໃຊ້ຢາ"),
    ("lo", "ໃຫ້[ຜູ້ແກ້ໄຂ]ກວດເບິ່ງ"),
    ("lo", "ມີ[ຂໍ້ຜິດພາດ]"),
    ("km", "សូមឲ្យ[អ្នកកែសម្រួល]ពិនិត្យ"),
    ("km", "[អ្នកភាសាវិទ្យា]ទីពីរ"),
]


def _bracketed(marked: str) -> tuple[str, int, int]:
    """The sentence of ``marked`` and the span of its bracketed compound."""
    start = marked.index("[")
    end = marked.index("]") - 1
    return marked.replace("[", "").replace("]", ""), start, end


@pytest.mark.parametrize(("lang", "marked"), COMPOUNDS_IN_SENTENCES)
def test_a_compound_icu_parts_keeps_its_edges_and_no_break_inside(lang: str, marked: str) -> None:
    text, start, end = _bracketed(marked)
    breaks = line_breaks(text, lang)
    assert not [i for i in breaks if start < i < end], pieces(text, breaks)
    assert {start, end} - {0, len(text)} <= set(breaks), pieces(text, breaks)


@pytest.mark.parametrize(("lang", "marked"), COMPOUNDS_IN_SENTENCES)
def test_a_compound_icu_parts_is_never_cut_at_any_width(lang: str, marked: str) -> None:
    """Set at every width of the sweeps: no line starts inside the compound unless the
    compound alone is wider than the line."""
    text, start, end = _bracketed(marked)
    paragraph = make_paragraph(
        [Run(text, default_family().regular, 10, black)], body_style(10), lang
    )
    wide = _set_width(text[start:end], lang, WordList(()))
    cut = set()
    for width in (*NARROW_WIDTHS, *SWEEP_WIDTHS):
        paragraph.wrap(width, 100_000)
        for at in _line_starts(text, paragraph.line_texts()):
            if start < at < end and wide <= width:
                cut.add(f"{width} pt: {text[:at]}|{text[at:]}")
    assert not cut, "\n".join(sorted(cut))


#: Thai texts with ผู้ ("one who"), a bound prefix that makes a noun of the word after
#: it (ผู้ป่วย, ผู้หญิง, ผู้บริจาค): ICU ends a word after it (ผู้|หญิง, ผู้|บริจาค).
BOUND_PREFIX_TEXTS = [
    "ผู้หญิงตั้งครรภ์ควรปรึกษาแพทย์",
    "ข้อมูลของผู้บริจาคเซลล์",
    "ผู้ที่มีอาการแพ้ยา",
    "ที่ผู้เชี่ยวชาญคิดว่า",
    "ให้ผู้ตรวจทานอ่านอีกครั้ง",
]


@pytest.mark.parametrize("text", BOUND_PREFIX_TEXTS)
def test_a_line_never_ends_after_a_bound_prefix(text: str) -> None:
    """ผู้ at a line's end reads as a word of its own ("one who"), and the next line
    starts with a verb: no line breaks after it. The claim checks still read ICU's
    word boundary there (`break_opportunities`): a claim word after ผู้ is found."""
    prefix_ends = {i + len("ผู้") for i in range(len(text)) if text.startswith("ผู้", i)}
    assert not prefix_ends & set(line_breaks(text, "th")), pieces(text, line_breaks(text, "th"))
    listed = segmentation.listed_spans(text, "th")  # ผู้เชี่ยวชาญ: one word, listed
    icu = prefix_ends & set(icu_breaks(text, "th"))
    icu_after_prefix = {i for i in icu if not any(a < i < b for a, b in listed)}
    assert icu_after_prefix <= set(break_opportunities(text, "th"))


#: Burmese sentences whose verb carries the negation မ (does not change, do not push,
#: could not show, need not): ICU ends a word after it (မ|ပြောင်းလဲ), and a line ending
#: there left "… မ" at the margin and the next line saying the opposite ("they change").
BURMESE_NEGATIONS = [
    "ဆဲလ်များသည် များသောအားဖြင့် တစ်ရှူးအသစ် အဖြစ် မပြောင်းလဲကြပါ။",
    "စဉ်းစားရန် အချိန်ပေးပြီး ဆုံးဖြတ်ရန် သင့်ကို မဖိအားပေးပါ။",
    "နှစ်ပေါင်းများစွာ သုတေသနပြုခဲ့သော်လည်း ဤအချက်ကို မပြသနိုင်ခဲ့ပါ။",
    "အောင်ရန်အတွက် ဆဲလ်များသည် အောက်ပါတို့ကို လုပ်ရန် မလိုပါ။",
]


@pytest.mark.parametrize("text", BURMESE_NEGATIONS)
def test_a_burmese_line_never_ends_on_the_negation_before_its_verb(text: str) -> None:
    negation_ends = {i + 2 for i in range(len(text) - 1) if text.startswith(" မ", i)}
    assert negation_ends & set(icu_breaks(text, "my"))  # ICU parts them: the case to keep
    assert not negation_ends & set(line_breaks(text, "my")), pieces(text, line_breaks(text, "my"))
    paragraph = make_paragraph(
        [Run(text, default_family().regular, 10, black)], body_style(10), "my"
    )
    wrong = []
    for width in range(40, 260, 6):
        paragraph.wrap(width, 100_000)
        lines = paragraph.line_texts()
        if any(line.rstrip().endswith(" မ") for line in lines[:-1]):
            wrong.append(f"{width} pt: {' | '.join(lines)}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("text", BOUND_PREFIX_TEXTS)
def test_a_narrow_column_ends_no_line_on_a_bound_prefix_alone(text: str) -> None:
    """Set in columns from 30 pt (three ems): no line ends with ผู้ when the syllable
    after it fits on that line. A listed word wider than the column (ผู้เชี่ยวชาญ) is
    cut at syllable edges filling each line (ผู้เชี่ยว|ชาญ), not after its prefix."""
    paragraph = make_paragraph(
        [Run(text, default_family().regular, 10, black)], body_style(10), "th"
    )
    wrong = []
    for width in range(30, 200, 6):
        paragraph.wrap(width, 100_000)
        lines = paragraph.line_texts()
        for line in lines[:-1]:
            if line.rstrip().endswith("ผู้"):
                wrong.append(f"{width} pt: {' | '.join(lines)}")
    assert not wrong, "\n".join(wrong)
