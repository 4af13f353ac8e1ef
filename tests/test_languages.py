"""Every language a Bangkok clinic's patients read (issue #16): the per-language profile
(`msc_leaflet.languages`) drives sentences, words, claims and the length warning;
numbers and dates follow CLDR; the ui catalogs and the test leaflet are complete.

Nothing here builds a PDF in Burmese, Khmer, Lao, Chinese, Japanese or Arabic: the
fonts for those scripts come with the typesetter's own work. Vietnamese is Latin and
set in the bundled font, so its PDF is read back below.
"""

from __future__ import annotations

import datetime as dt
import shutil
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from msc_leaflet.build.batch import job_locales_for
from msc_leaflet.checks.claims import claim_list, find_claims, risky_claim
from msc_leaflet.checks.segment import words_of
from msc_leaflet.checks.text import one_spelling, plain, sentences
from msc_leaflet.cli.app import app
from msc_leaflet.i18n import catalog_locales, format_date, format_number, language_name
from msc_leaflet.i18n.catalog import leaflet_locales
from msc_leaflet.i18n.formatting import format_count
from msc_leaflet.i18n.localizer import ui_labels
from msc_leaflet.i18n.pofile import read_po
from msc_leaflet.i18n.translation_checks import check_translation
from msc_leaflet.languages import (
    describe,
    language_of,
    language_subtag,
    profile,
    profiles,
    shaping_language,
)
from msc_leaflet.project import Project
from msc_leaflet.theme.theme import load_theme
from pdfread import page_texts
from test_checks import CLEAN, leaflet, translated_context

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "tests" / "fixtures" / "languages"
NEW = ("my", "km", "lo", "vi", "zh_Hans", "ja", "ar", "hi")
ZWSP = "\u200b"


def test_every_new_language_has_a_profile_of_its_own() -> None:
    described = {p.tag for p in profiles()}
    assert {"en", "th", *NEW} <= described
    assert profile("zh-Hans") == profile("zh") == profile("zh_Hans")
    assert profile("ar").direction == "rtl" and profile("th").era_year_offset == 543
    assert [profile(lang).word_spaces for lang in ("vi", "ar", "zh_Hans", "ja", "my")] == [
        True, True, False, False, False,
    ]  # fmt: skip
    # A language without an entry reads like English and looks for its own claim list.
    assert profile("de").claims == "claims-de.yaml" and profile("de").word_spaces


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Take 2.5 mg. Then rest! Why? Because.", ["Take 2.5 mg.", "Then rest!", "Why?"]),
        ("zh_Hans", "请休息。多喝水！有问题吗？", ["请休息。", "多喝水！", "有问题吗？"]),
        (
            "ja",
            "休んでください。水を飲んでください。",
            ["休んでください。", "水を飲んでください。"],
        ),
        ("my", "အနားယူပါ။ ရေသောက်ပါ။", ["အနားယူပါ။", "ရေသောက်ပါ။"]),
        ("km", "សូមសម្រាក។ សូមផឹកទឹក។", ["សូមសម្រាក។", "សូមផឹកទឹក។"]),
        ("ar", "هل تشعر بألم؟ اتصل بنا. الجرعة 2.5 ملغ.", ["هل تشعر بألم؟", "اتصل بنا."]),
        ("vi", "Hãy nghỉ ngơi. Đừng lái xe.", ["Hãy nghỉ ngơi.", "Đừng lái xe."]),
        # Hindi ends a sentence with the danda । (a question still with ?).
        ("hi", "नहीं। कोशिकाएँ वहाँ नहीं रुकतीं। क्या यह ठीक है?", ["नहीं।", "कोशिकाएँ वहाँ नहीं रुकतीं।"]),
        ("mr", "विश्रांती घ्या। पाणी प्या।", ["विश्रांती घ्या।", "पाणी प्या।"]),  # Marathi: hi's rules
    ],
)
def test_sentences_end_where_the_language_ends_them(
    lang: str, text: str, expected: list[str]
) -> None:
    found = [s.strip() for _, s in sentences(text, lang)]
    assert found[: len(expected)] == expected


@pytest.mark.parametrize(
    ("lang", "script", "direction"),
    [
        ("fa", "Arab", "rtl"),
        ("ur", "Arab", "rtl"),
        ("he", "Hebr", "rtl"),
        ("ru", "Cyrl", "ltr"),
        ("sr_Latn", "Latn", "ltr"),
        ("ko", "Kore", "ltr"),
        ("de", "Latn", "ltr"),
    ],
)
def test_a_language_without_a_profile_is_written_as_cldr_says(
    lang: str, script: str, direction: str
) -> None:
    found = profile(lang)
    assert (found.script, found.direction) == (script, direction)
    assert found.name and found.name != lang  # CLDR's English name, for messages


def test_a_region_or_script_in_another_script_is_not_its_languages_profile() -> None:
    # zh_TW and zh_Hant are Traditional Chinese: the zh (Simplified) entry's rules for
    # words and sentences, but their own script and name; with no claim list of their
    # own, their letters are read as Simplified ones by the Simplified list.
    for tag in ("zh_Hant", "zh-TW", "zh_HK"):
        found = profile(tag)
        assert (found.script, found.word_spaces) == ("Hant", False), tag
        assert "Traditional" in found.name and found.claims == "claims-zh_Hans.yaml", tag
        assert ("體", "体") in found.same_letters, tag
        said = [s.strip() for _, s in sentences("請休息。多喝水。", tag)]
        assert said == ["請休息。", "多喝水。"], tag
    for tag in ("zh", "zh_CN", "zh-Hans", "th_TH", "ja_JP", "ar_EG", "en_US"):
        assert profile(tag) == profile(tag.split("_")[0].split("-")[0].replace("zh", "zh_Hans"))
    assert profile("pa_PK").direction == "rtl" and profile("pa").direction == "ltr"


def test_the_script_of_a_letter_comes_from_unicode() -> None:
    from msc_leaflet.typeset.scripts import locale_script, script_of

    letters = {"ש": "Hebr", "Ж": "Cyrl", "λ": "Grek", "한": "Hang", "é": "Latn", "ệ": "Latn"}
    assert {char: script_of(char) for char in letters} == letters
    assert script_of("-") is None and script_of("2") is None
    assert [locale_script(t) for t in ("ja", "zh_Hant", "ko", "fa")] == [
        "Hani", "Hani", "Hang", "Arab"
    ]  # fmt: skip


def test_sentences_of_languages_without_a_profile() -> None:
    ru = "Отдохните. Пейте воду. Доза 2.5 мг."
    assert [s.strip() for _, s in sentences(ru, "ru")] == [
        "Отдохните.",
        "Пейте воду.",
        "Доза 2.5 мг.",
    ]
    fa = "استراحت کنید. آب بنوشید."
    assert [s.strip() for _, s in sentences(fa, "fa")] == ["استراحت کنید.", "آب بنوشید."]


def test_a_decimal_point_does_not_end_a_sentence() -> None:
    assert len(sentences("The dose was 2.5 mg in 2026.", "en")) == 1
    assert len(sentences("الجرعة 2.5 ملغ.", "ar")) == 1


def test_words_are_counted_by_spaces_or_by_the_segmenter() -> None:
    assert words_of("Hãy hỏi bác sĩ điều trị của bạn.", "vi") == [
        "Hãy", "hỏi", "bác", "sĩ", "điều", "trị", "của", "bạn",
    ]  # fmt: skip
    assert len(words_of("اسأل طبيبك المعالج قبل السفر", "ar")) == 5
    # A vowel sign, virama or vowel mark belongs to its word: Python's \w does not
    # match combining marks, and a space split cut every Hindi word into letters.
    assert words_of("अपना इलाज करने वाले डॉक्टर से पूछें।", "hi") == [
        "अपना", "इलाज", "करने", "वाले", "डॉक्टर", "से", "पूछें",
    ]  # fmt: skip
    assert words_of("يَشْفِي المَرَض", "ar") == ["يَشْفِي", "المَرَض"]
    # No spaces: the segmenter finds several words where a space split finds one.
    for lang, text in [
        ("zh_Hans", "请先询问您的主治医生"),
        ("ja", "担当の医師に相談してください"),
        ("th", "ถามแพทย์ที่รักษาคุณก่อนเดินทาง"),
        ("lo", "ໃຫ້ຖາມທ່ານໝໍທີ່ປິ່ນປົວທ່ານ"),
        ("km", "សូមសួរគ្រូពេទ្យដែលព្យាបាលអ្នក"),
        ("my", "သင့်ကိုကုသနေသောဆရာဝန်ကိုမေးပါ"),
    ]:
        assert len(words_of(text, lang)) >= 3, lang
        assert "".join(words_of(text, lang)) == text, lang


def test_length_warning_is_calibrated_per_language() -> None:
    source = "Ask your treating doctor before you book a long journey."  # 56 characters

    def warned(translation: str, lang: str) -> bool:
        return any(p.code == "I18N010" for p in check_translation(source, translation, lang))

    chinese = "出远门前先问医生。"  # 9 characters: a sixth of the English, normal for Chinese
    assert not warned(chinese, "zh_Hans")
    assert warned(chinese, "de")  # the same shortness in a Latin-script language: text lost
    assert not warned("長い旅行の前に医師に相談", "ja")  # 12 characters, 0.2×
    burmese = "က" * int(len(source) * 2.5)  # Myanmar syllables take several code points
    assert not warned(burmese, "my")
    assert warned("x" * int(len(source) * 4.5), "my")
    assert warned("短", "zh_Hans")  # one character for a sentence is still too short
    # Hindi runs at 0.6-1.3x the English in code points (matras and viramas count);
    # a third of the English is text lost.
    assert not warned("लंबी यात्रा बुक करने से पहले अपना इलाज करने वाले डॉक्टर से पूछें।", "hi")
    assert warned("पहले डॉक्टर से पूछें।", "hi")  # 0.38x: "Ask a doctor first" only


@pytest.mark.parametrize(
    ("lang", "claim", "warned"),
    [
        (
            "vi",
            "Liệu pháp này chữa khỏi thoái hóa khớp.",
            "Hãy cẩn thận với nơi hứa chữa khỏi bệnh.",
        ),
        (
            "vi",
            "Điều trị không có tác dụng phụ.",
            "Không ai hứa hẹn điều trị không có tác dụng phụ.",
        ),
        ("zh_Hans", "干细胞可以根治关节炎。", "要警惕声称能根治关节炎的诊所。"),
        ("zh_Hans", "这种疗法没有副作用。", "不要相信宣传说没有副作用的广告。"),
        ("zh_Hans", "效果有保证。", "没有人能保证效果。"),
        ("ja", "この治療で関節炎が完治します。", "この治療で完治するわけではありません。"),
        ("ja", "副作用はありません。", "「副作用はありません」という広告に注意してください。"),
        ("ja", "奇跡の治療です。", "奇跡の治療をうたう広告に注意してください。"),
        ("ar", "هذا العلاج يشفي المرض.", "احذر من عيادة تدعي أنها تشفي المرض."),
        ("ar", "العلاج بدون آثار جانبية.", "لا تصدق إعلانات عن علاج بدون آثار جانبية."),
        # "The treatment rebuilds damaged cartilage" / "regenerates the tissues".
        ("ar", "العلاج يعيد بناء الغضروف التالف.", "احذر من عيادة تدعي أنها تعيد بناء الغضروف."),
        ("ar", "الخلايا تجدد الأنسجة.", "لا تصدق من يقول إن الخلايا تجدد الأنسجة."),
        # Regrowth as translators write it (each passed every check): "These cells regrow
        # cartilage" / "Beware of a clinic that claims it regrows cartilage"; "helps
        # tissue grow back" / "no evidence of tissue growing back"; "cartilage grows
        # again" / "do not believe who says so"; "the cells renew damaged joints".
        ("ar", "هذه الخلايا تعيد نمو الغضروف.", "احذر من عيادة تدعي أنها تعيد نمو الغضروف."),
        ("ar", "العلاج يساعد على إعادة نمو الأنسجة.", "لا يوجد دليل على إعادة نمو الأنسجة."),
        ("ar", "الغضروف ينمو مجدداً بعد الحقن.", "لا تصدق من يقول إن الغضروف ينمو مجدداً."),
        ("ar", "الخلايا تجدد المفاصل التالفة.", "احذر من إعلانات تقول إن الخلايا تجدد المفاصل."),
        # "Damaged cartilage comes back to life" / "new cartilage grows in", and adverts
        # saying so.
        ("ja", "傷んだ軟骨がよみがえります。", "「軟骨がよみがえる」という広告に注意して。"),
        ("ja", "新しい軟骨が生えてきます。", "新しい軟骨が生えるという広告に注意してください。"),
        # "Damaged tissue is fully repaired and regenerated" / "say goodbye to joint pain
        # for ever", and clinics or adverts saying so.
        ("zh_Hans", "受损组织可以完全修复再生。", "要警惕声称组织能修复再生的诊所。"),
        ("zh_Hans", "永远告别关节疼痛。", "不要相信“永远告别关节疼痛”的广告。"),
        # "Stem cells help you be cured completely." / "Beware of clinics that claim a
        # complete cure."
        ("lo", "ເຊວຕົ້ນກຳເນີດຊ່ວຍໃຫ້ຫາຍຂາດ.", "ລະວັງຄລີນິກທີ່ອ້າງວ່າຫາຍຂາດ."),
        # "This treatment has no side effects." / "Do not believe adverts saying it has
        # no side effects."
        ("lo", "ການປິ່ນປົວນີ້ບໍ່ມີຜົນຂ້າງຄຽງ.", "ຢ່າເຊື່ອໂຄສະນາວ່າບໍ່ມີຜົນຂ້າງຄຽງ."),
        # "The cells help cartilage regrow." / "No one can guarantee results."
        ("lo", "ເຊວຊ່ວຍໃຫ້ກະດູກອ່ອນງອກໃໝ່.", "ບໍ່ມີໃຜຮັບປະກັນຜົນໄດ້."),
        (
            "en",
            "The therapy rebuilds damaged cartilage.",
            "Beware of promises to rebuild cartilage.",
        ),
    ],
)
def test_claim_lists_catch_their_words_and_excuse_warnings(
    lang: str, claim: str, warned: str
) -> None:
    claims = claim_list(lang)
    [found] = find_claims(claim, claims)
    assert not found.excused
    assert all(m.excused or m.quoted for m in find_claims(warned, claims))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("vi", "Liệu pháp này chữa k\u200bhỏi bệnh."),
        ("zh_Hans", "可以根\u200b治关节炎。"),
        ("ja", "関節炎が完\u200b治します。"),
        ("ar", "هذا العلاج يش\u200bفي المرض."),
    ],
)
def test_an_invisible_character_does_not_hide_a_claim(lang: str, text: str) -> None:
    assert ZWSP in text
    [found] = find_claims(text, claim_list(lang))
    assert not found.excused


# A claim spelled another way that a reader takes for the same word: each slipped past
# the claim lists, which hold one spelling.
@pytest.mark.parametrize(
    ("lang", "text", "phrase"),
    [
        ("ar", "هذا العلاج يَشْفِي المرض.", "يَشْفِي"),  # short vowels written
        ("ar", "هذه الخلايا مُعجِزة.", "مُعجِزة"),
        ("ar", "هذا العلاج يشـــفي المرض.", "يشـــفي"),  # tatweel stretches the word
        ("ar", "هذا علاج نهائى للمرض.", "علاج نهائى"),  # ى for ي
        ("ar", "هذا العلاج یشفی المرض.", "یشفی"),  # a Persian keyboard's ی
        ("ar", "هذه الخلايا معجزه.", "معجزه"),  # ة written ه
        ("ar", "هذا العلاج ﻳﺸﻔﻲ المرض.", "يشفي"),  # presentation forms, from an old PDF
        ("ar", "هذا العلاج ويشفي المرض.", "ويشفي"),  # و "and" joined to the word
        ("ar", "العلاج سيشفي المرض.", "سيشفي"),  # س "will"
        ("vi", "Liệu pháp giúp trẻ hoá cơ thể.", "trẻ hoá"),  # the new tone placement
        ("vi", "Liệu pháp đảo ngược lão hoá.", "đảo ngược lão hoá"),
        ("ja", "この治療はﾘｽｸはありません。", "リスクはありません"),  # half-width katakana
    ],
)
def test_a_claim_in_another_spelling_is_found(lang: str, text: str, phrase: str) -> None:
    [found] = find_claims(text, claim_list(lang))
    assert not found.excused
    assert found.text(plain(text).text) == phrase


@pytest.mark.parametrize(
    ("lang", "warned"),
    [
        # The cues are read in the same spelling: a voweled "beware" still warns.
        ("ar", "اِحْذَرْ من عيادة تدعي أنها تَشْفِي المرض."),
        ("ar", "لا تصدق إعلانات عن علاجٍ بدون آثارٍ جانبيةٍ."),
        ("vi", "Hãy cẩn thận với nơi hứa trẻ hoá."),
    ],
)
def test_a_warning_in_another_spelling_still_excuses(lang: str, warned: str) -> None:
    found = find_claims(warned, claim_list(lang))
    assert found and all(m.excused for m in found)


def test_one_spelling_keeps_the_offsets_of_the_text() -> None:
    text = "هذا يَشْفِي."
    spelled, origin = one_spelling(text, "ar")
    assert spelled == "هذا يشفي."
    assert [text[i] for i in origin[:-1]] == [c for c in text if c not in "\u064e\u0652\u0650"]
    assert origin[-1] == len(text)
    assert one_spelling("thủy hóa", "vi") == ("thuỷ hoá", tuple(range(9)))
    assert one_spelling("toán", "vi")[0] == "toán"  # the tone already on its vowel
    assert one_spelling("ผู้ป่วย", "th") == ("ผู้ป่วย", tuple(range(8)))


def test_languages_without_a_claim_list_say_so() -> None:
    for lang in ("fa", "ko"):
        assert profile(lang).claims is None and claim_list(lang).claims == (), lang
    # Marathi takes Hindi's rules, not its claim list: its negation is नाही, not नहीं.
    assert claim_list("mr").claims == ()
    for lang in ("en", "th", "vi", "zh_Hans", "ja", "ar", "lo", "my", "km", "hi"):
        assert claim_list(lang).claims, lang


def test_a_claim_in_a_translation_is_reported_in_that_language(
    make_project: Callable[..., Path],
) -> None:
    root = make_project({"sample": leaflet(CLEAN + "- paragraph: x\n  id: p1\n")})
    ctx = translated_context(root, {"p1": "Liệu pháp này chữa\u200b khỏi bệnh."}, locale="vi")
    [issue] = list(risky_claim(ctx))
    assert issue.message == "[vi] risky claim “chữa khỏi”"
    # Text left in English (the source, printed as a fallback) was judged in English.
    untranslated = translated_context(root, {}, locale="vi")
    assert list(risky_claim(untranslated)) == []
    ctx = translated_context(root, {"p1": "干细胞可以根治关节炎。"}, locale="zh_Hans")
    assert [i.message for i in risky_claim(ctx)] == ["[zh_Hans] risky claim “根治”"]


def test_the_script_of_a_text_names_its_language() -> None:
    assert language_of("Ask about มีเซนไคมอล cells", "en") == "th"
    assert language_of("問題ありません", "en") == "ja"
    assert language_of("没有问题", "en") == "zh_Hans"
    assert language_of("没有问题", "ja") == "ja"  # Han in a Japanese leaflet is Japanese
    assert language_of("Hãy hỏi bác sĩ", "vi") == "vi"


MYANMAR = str.maketrans("0123456789", "၀၁၂၃၄၅၆၇၈၉")
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@pytest.mark.parametrize(
    ("lang", "page"),
    [
        ("en", "12"),
        ("th", "12"),  # CLDR: Thai's default numbering system is Latin
        ("my", "12".translate(MYANMAR)),
        ("km", "12"),
        ("lo", "12"),
        ("vi", "12"),
        ("zh_Hans", "12"),
        ("ja", "12"),
        ("ar", "12"),  # CLDR: plain ar uses Latin digits …
        ("ar_EG", "12".translate(ARABIC_INDIC)),  # … Egyptian Arabic the Arabic-Indic ones
    ],
)
def test_numbers_the_tool_prints_use_the_locales_digits(lang: str, page: str) -> None:
    assert format_count(12, lang) == page


@pytest.mark.parametrize(
    ("lang", "page"),
    [
        ("fa", "۱۲"),  # arabext: Persian forms
        ("dz", "༡༢"),  # tibt
        ("sat", "᱑᱒"),  # olck
        ("ff_Adlm", "𞥑𞥒"),  # adlm
        ("nqo", "߁߂"),  # nkoo
        ("ccp", "𑄷𑄸"),  # cakm
        ("mni_Mtei", "꯱꯲"),  # mtei
        ("hnj", "𞅁𞅂"),  # hmnp
    ],
)
def test_every_numbering_system_a_locale_defaults_to_has_its_digits(lang: str, page: str) -> None:
    # Only the systems the bundled languages use were listed; the others (Tibetan for
    # Dzongkha, Ol Chiki for Santali …) printed Latin digits, silently.
    assert format_count(12, lang) == page


def test_no_cldr_locale_falls_back_to_latin_digits() -> None:
    from babel import Locale
    from babel.localedata import locale_identifiers

    from msc_leaflet.i18n.formatting import LATIN_DIGITS, locale_digits

    for tag in locale_identifiers():
        system = Locale.parse(tag).default_numbering_system
        digits = locale_digits(tag)
        assert (digits == LATIN_DIGITS) == (system == "latn"), (tag, system)
        assert [unicodedata.digit(d) for d in digits] == list(range(10)), (tag, system)


@pytest.mark.parametrize(
    ("lang", "date"),
    [
        ("en", "2 December 2026"),
        ("th", "2 ธันวาคม 2569"),  # Buddhist Era
        ("my", "2026 ဒီဇင်ဘာ 2".translate(MYANMAR)),
        ("km", "2 ធ្នូ 2026"),
        ("lo", "2 ທັນວາ 2026"),
        ("vi", "2 tháng 12 năm 2026"),  # as a Vietnamese reader writes it, not CLDR's comma
        ("zh_Hans", "2026年12月2日"),
        ("ja", "2026年12月2日"),
        ("ar", "2 ديسمبر 2026"),
        ("ar_EG", "2 ديسمبر 2026".translate(ARABIC_INDIC)),
    ],
)
def test_dates_follow_the_locale(lang: str, date: str) -> None:
    assert format_date(dt.date(2026, 12, 2), lang) == date


def test_grouped_numbers_and_language_names() -> None:
    assert format_number(1234, "my") == "၁,၂၃၄"
    assert format_number(1234.5, "ar_EG") == "١٬٢٣٤٫٥"
    assert format_number(1234, "th") == "1,234"
    names = {lang: language_name(lang) for lang in NEW}
    assert names == {
        "my": "မြန်မာ",
        "km": "ខ្មែរ",
        "lo": "ລາວ",
        "vi": "Tiếng Việt",
        "zh_Hans": "中文",
        "ja": "日本語",
        "ar": "العربية",
        "hi": "हिन्दी",
    }


def test_the_footer_says_page_x_of_y_in_the_locales_words_and_digits() -> None:
    project = Project.at(REPO)
    page_of = {
        lang: ui_labels(lang, project)(
            "page-of", page=format_count(3, lang), pages=format_count(12, lang)
        )
        for lang in NEW
    }
    assert page_of == {
        "my": "စာမျက်နှာ ၃ / ၁၂",
        "km": "ទំព័រ 3 នៃ 12",
        "lo": "ໜ້າ 3 ຈາກ 12",
        "vi": "Trang 3/12",
        "zh_Hans": "第 3 页，共 12 页",
        "ja": "3 / 12 ページ",
        "ar": "صفحة 3 من 12",
        "hi": "पृष्ठ 3 / 12",
    }


def _invoke(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("root", [REPO, FIXTURE], ids=["library", "test-leaflet"])
def test_catalogs_are_complete_and_clean(root: Path) -> None:
    # Warnings of the content checks, which `check` gives too, may stand (a long Thai
    # phrase: READ006); none of the catalogs' own.
    output = _invoke("i18n", "check", "--project", str(root)).strip()
    warned = [line for line in output.splitlines() if ": warning: " in line]
    allowed = [line for line in warned if ": I18N" not in line]
    assert warned == allowed, output
    assert output.endswith(f"0 error(s), {len(allowed)} warning(s)"), output
    rows = [line.split() for line in _invoke("i18n", "stats", "--project", str(root)).splitlines()]
    done, status = rows[0].index("done"), rows[0].index("status")
    new_rows = [row for row in rows if len(row) > 2 and row[1] in NEW]
    assert new_rows and all([row[done], row[status]] == ["100%", "ready"] for row in new_rows)
    expected = {"ui"} if root == REPO else {"ui", "after-your-infusion"}
    assert {row[0] for row in new_rows} == expected
    assert {row[1] for row in new_rows} == set(NEW)


@pytest.mark.parametrize("lang", NEW)
def test_every_new_catalog_asks_for_a_professional_review(lang: str) -> None:
    for path in [
        REPO / "locales" / lang / "LC_MESSAGES" / "ui.po",
        FIXTURE / "locales" / lang / "LC_MESSAGES" / "ui.po",
        FIXTURE / "locales" / lang / "LC_MESSAGES" / "after-your-infusion.po",
    ]:
        catalog = read_po(path)
        assert "professional medical translator" in catalog.header["X-Review-Required"]
        assert any("professional medical translator" in c for c in catalog.header_comments)
        assert catalog.header["Language"] == lang


TRADITIONAL_UI = REPO / "locales" / "zh_Hant" / "LC_MESSAGES" / "ui.po"


def _simplified_only_letters() -> set[str]:
    """The Simplified letters of data/traditional-chinese.txt that no Traditional text
    writes (准 is 準's Simplified form, but Taiwan writes 核准 "approve" with it)."""
    from msc_leaflet.languages import _letter_pairs

    pairs = _letter_pairs("traditional-chinese.txt")
    traditional = {written for written, _ in pairs}
    return {read for _, read in pairs if read not in traditional} - {"准"}


def test_the_traditional_chinese_ui_catalog_is_taiwan_chinese_to_review() -> None:
    """A zh_Hant leaflet printed "References", "Page 1 of 4" and the review date in
    English beside its Chinese text: there was no zh_Hant ui.po. Its catalog translates
    every message the Simplified one does, in Traditional letters and Taiwan's words
    (資訊 not 信息, 網路 not 網絡, 搜尋, 列印, 專案, 醫師) and quotes (「」), and says
    it awaits a professional medical translator's review."""
    catalog = read_po(TRADITIONAL_UI)
    assert catalog.header["Language"] == "zh_Hant"
    assert "professional medical translator" in catalog.header["X-Review-Required"]
    assert any("professional medical translator" in c for c in catalog.header_comments)
    simplified = read_po(REPO / "locales" / "zh_Hans" / "LC_MESSAGES" / "ui.po")
    written = {(e.msgctxt, e.msgid): e.msgstr for e in catalog.entries if e.msgid}
    assert set(written) == {(e.msgctxt, e.msgid) for e in simplified.entries if e.msgid}
    assert all(written.values()) and not any(e.fuzzy for e in catalog.entries)
    text = "".join(written.values())
    assert sorted(set(text) & _simplified_only_letters()) == []
    for mainland in ("信息", "視頻", "網絡", "菜單", "打印", "屏幕", "項目", "界面", "“", "”"):
        assert mainland not in text, mainland
    words = {ctxt: msgstr for (ctxt, _), msgstr in written.items()}
    assert words["references"] == "參考文獻" and words["contact"] == "聯絡我們"
    assert "網路" in words["more-online"] and "搜尋" in words["desk.search"]
    assert "印表機" in words["desk.colour.rgb"] and "專案" in words["desk.no-language-here"]
    assert words["desk.role.clinical"] == "臨床醫師" and "「{value}」" in words["desk.not-offered"]


@pytest.mark.parametrize("tag", ["zh_Hant", "zh_TW", "zh_HK", "zh-Hant"])
def test_a_taiwan_or_hong_kong_page_prints_its_words_in_traditional_chinese(tag: str) -> None:
    """Each Traditional Chinese tag reads the zh_Hant catalog, never the Simplified
    one (第 3 页), nor English."""
    labels = ui_labels(tag, Project.at(REPO))
    assert labels("page-of", page="3", pages="12") == "第 3 頁，共 12 頁"
    assert (labels("references"), labels("review-date")) == ("參考文獻", "審核日期")


def test_a_language_with_only_its_ui_catalog_is_not_built(tmp_path: Path) -> None:
    project = Project.at(REPO)
    assert set(NEW) <= set(catalog_locales(project))
    assert leaflet_locales(project) == ["th"]
    assert job_locales_for(project, "en", []) == ["en", "th"]


def test_new_projects_get_every_ui_language(tmp_path: Path) -> None:
    _invoke("init", str(tmp_path / "clinic"), "--name", "Clinic")
    for lang in NEW:
        assert (tmp_path / "clinic" / "locales" / lang / "LC_MESSAGES" / "ui.po").is_file()


def test_i18n_init_names_the_script_and_its_font(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    out = _invoke("i18n", "init", "de", "--project", str(root))
    assert (
        "de: German, script Latin (Latn), left to right, words separated by spaces; set in Sarabun"
        in out
    )
    fonts = load_theme().fonts  # the bundled theme sets every script the clinic reads
    families = {"my": "NotoSansMyanmar", "zh_Hans": "NotoSansCJKsc", "ja": "NotoSansCJKsc"}
    for lang, family in {**families, "ar": "NotoSansArabic", "fa": "NotoSansArabic"}.items():
        assert f"; set in {family}" in describe(lang, fonts), lang
    # The translator hears which languages the claim checks cannot read (CLAIM004).
    for lang in ("fa", "ko"):
        assert describe(lang, fonts).endswith("a clinician who reads it must"), lang
    for lang in ("ar", "zh_Hans", "ja", "th", "lo", "my", "km", "hi"):
        assert "claim list" not in describe(lang, fonts), lang
    assert describe("my", fonts).startswith(
        "my: Burmese, script Myanmar (Mymr), left to right, words not"
    )
    hebrew = describe("he", fonts)
    assert "Hebrew, script Hebrew (Hebr), right to left" in hebrew
    assert "no font for this script yet" in hebrew and "fonts: scripts: Hebr" in hebrew


def test_i18n_init_names_the_family_a_script_without_one_borrows(tmp_path: Path) -> None:
    # The bundled theme names no Cyrillic family, but the CJK one has Cyrillic: a Russian
    # leaflet builds in it, and the translator is told so, not that it will not print.
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    russian = _invoke("i18n", "init", "ru", "--project", str(root))
    assert "script Cyrillic (Cyrl)" in russian and "borrowed from NotoSansCJKsc" in russian
    assert "fonts: scripts: Cyrl" in russian and "refuses" not in russian
    hebrew = _invoke("i18n", "init", "he", "--project", str(root))  # no family has Hebrew
    assert "borrowed" not in hebrew and "the build refuses the language" in hebrew


def test_the_vietnamese_leaflet_prints_in_vietnamese(tmp_path: Path) -> None:
    _invoke(
        "build", "after-your-infusion", "-l", "vi", "--project", str(FIXTURE),
        "-o", str(tmp_path), "-q",
    )  # fmt: skip
    pages = page_texts(tmp_path / "vi" / "after-your-infusion.pdf")
    assert "Sau khi truyền tế bào" in pages[0]
    assert "Ngày xem xét lại 1 tháng 11 năm 2027" in pages[0]
    assert [p.split()[-1] for p in pages] == ["1/2", "2/2"]
    assert "Trang 1/2" in pages[0]


@pytest.mark.parametrize(
    ("lang", "named", "key"),
    [
        ("ko", "script Hangul (Hang)", "fonts: scripts: Hang"),
        ("he", "script Hebrew (Hebr)", "fonts: scripts: Hebr"),
        ("dv", "script Thaana (Thaa)", "fonts: scripts: Thaa"),
        ("mn_Mong", "script Mongolian (Mong)", "fonts: scripts: Mong"),
        ("ru", "script Cyrillic (Cyrl)", "fonts: scripts: Cyrl"),
    ],
)
def test_i18n_init_names_the_script_as_the_theme_keys_it(lang: str, named: str, key: str) -> None:
    # `i18n init ko` said "script Kore" and asked for a family under `Hang`: CLDR's tag
    # for Korean writing (Hangul with Han), not the key a theme's font table uses.
    line = describe(lang, load_theme().fonts)
    assert named in line and key in line, line
    assert "script Kore" not in line


def test_mn_mong_borrows_no_latin_family(tmp_path: Path) -> None:
    # CLDR writes Mongolian's months in Latin ("M01"): Sarabun has those letters, and
    # Mongolian was said to be "borrowed from Sarabun", which has no Mongolian at all.
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    line = _invoke("i18n", "init", "mn_Mong", "--project", str(root))
    assert "borrowed" not in line and "refuses" in line, line


def test_a_korean_translation_of_normal_length_is_not_called_incomplete() -> None:
    """Korean writes a syllable in one character (세포 주입 후 for "After your cell
    infusion": 0.29×). It took English's lower bound (0.33×), and `i18n check` asked of
    every short, correct Korean title and label "is it complete?" (I18N010). A Korean
    text at a sixth of its English has still lost words."""

    def warned(source: str, translation: str) -> bool:
        return any(p.code == "I18N010" for p in check_translation(source, translation, "ko"))

    # Written by the developers; to be reviewed by a professional medical translator.
    assert not warned("After your cell infusion", "세포 주입 후")
    assert not warned("Patients and families", "환자와 가족")
    assert not warned("Fever or chills", "열 또는 오한")
    source = "Ask your treating doctor before you book a long journey."
    assert not warned(source, "장거리 여행을 예약하기 전에 담당 의사에게 물어보세요.")
    assert warned(source, "의사에게 물어보세요.")  # 0.18x: "Ask the doctor" only


def test_a_persian_pull_quote_is_set_in_persian_quotation_marks(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """Persian quotes with guillemets, «…» (CLDR's quotationStart and quotationEnd for
    fa). With no profile of its own, Persian took Arabic's turned English marks ”…“."""
    from pypdf import PdfReader

    from conftest import leaflet_yaml
    from msc_leaflet.build import build_leaflet

    # Written by the developers; to be reviewed by a professional medical translator.
    quote = "سلول‌ها مدت زیادی در ریه‌ها نمی‌مانند."
    text = leaflet_yaml(f"- quote: '{quote}'\n", references="")
    root = make_project({"sample": text.replace("language: en", "language: fa", 1)})
    pdf = build_leaflet(Project.at(root), "sample", "fa", tmp_path / "out").path
    page = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    page = page.translate(dict.fromkeys(map(ord, "\u200e\u200f\u061c")))  # direction marks
    assert f"«{quote}»" in page, page
    assert profile("fa").quotes == ("«", "»")


@pytest.mark.parametrize("tag", ["zh_Hant", "zh_TW"])
def test_a_traditional_chinese_pull_quote_is_set_in_corner_brackets(
    make_project: Callable[..., Path], tmp_path: Path, tag: str
) -> None:
    """Taiwan and Hong Kong quote with 「…」 (CLDR's quotationStart and quotationEnd
    for zh_Hant); Traditional Chinese took Simplified's “…” with the rest of its
    profile. Simplified keeps “…”."""
    from pypdf import PdfReader

    from conftest import leaflet_yaml
    from msc_leaflet.build import build_leaflet

    # Written by the developers; to be reviewed by a professional medical translator.
    quote = "這些細胞不會在肺部停留很久。"
    text = leaflet_yaml(f"- quote: '{quote}'\n", references="")
    root = make_project({"sample": text.replace("language: en", f"language: {tag}", 1)})
    pdf = build_leaflet(Project.at(root), "sample", tag, tmp_path / "out").path
    page = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert f"「{quote}」" in page, page
    assert profile("zh_Hans").quotes == ("“", "”")


def test_a_persian_word_is_persian_and_an_arabic_one_typed_on_a_persian_keyboard_arabic() -> None:
    """Letters only Persian writes (پ چ ژ گ) make a word Persian; the ی and ک a Persian
    keyboard types for Arabic ي and ك do not (the Arabic claim list must still read
    such a text)."""
    assert language_of("گلبول", "en") == "fa"
    assert language_of("یشفی المرض", "en") == "ar"  # يشفي typed with ی
    assert language_of("الطبيب", "en") == "ar"
    assert profile("fa").direction == "rtl" and profile("fa_AF").tag == "fa"


@pytest.mark.parametrize(
    ("tag", "subtag"),
    [("th", "th"), ("zh_Hans", "zh"), ("zh-TW", "zh"), ("ZH", "zh"), ("my_MM", "my")],
)
def test_language_subtag_reads_bcp47_and_gettext_tags_alike(tag: str, subtag: str) -> None:
    """Line breaking, squeezed punctuation and leading all key by it, so a gettext tag
    (zh_Hans) and a BCP 47 one (zh-Hans) get the same typesetting."""
    assert language_subtag(tag) == subtag


@pytest.mark.parametrize(
    ("tag", "harfbuzz"),
    [
        ("zh_Hans", "zh-hans"),
        ("zh-TW", "zh-tw"),
        ("zh_Hant", "zh-hant"),
        ("zh_Hant.UTF-8", "zh-hant"),
        ("ja_JP", "ja-jp"),
        ("sr@latin", "sr"),
    ],
)
def test_shaping_reads_the_whole_tag(tag: str, harfbuzz: str) -> None:
    """HarfBuzz chooses among one language's glyph forms by its script and region
    (zh-Hant, zh-TW: Traditional Chinese forms), so it is given the whole tag."""
    assert shaping_language(tag) == harfbuzz


def test_length_warning_reads_the_ratio_from_the_source_language() -> None:
    """`length-ratio` is counted against an English source. A clinic writing in Chinese
    had every plain English or Thai translation of a sentence called "3.5× the length
    of the source; is it complete?" (I18N010): 3.5× is what a full English sentence
    is of its Chinese. The source's own ratio to English now scales the bounds, so a
    text that has lost half its words is still named, from any source."""

    def warned(source: str, translation: str, lang: str, source_language: str) -> bool:
        problems = check_translation(source, translation, lang, source_language=source_language)
        return any(p.code == "I18N010" for p in problems)

    # Written by the developers; to be reviewed by a professional medical translator.
    chinese = "已登记的试验通常不向参加者收取治疗费用。"  # 20 characters
    english = "A registered trial usually does not charge participants for the treatment."
    thai = "การวิจัยที่ลงทะเบียนแล้วมักไม่เก็บค่ารักษาจากผู้เข้าร่วม"
    burmese = "မှတ်ပုံတင်ထားသော စမ်းသပ်မှုသည် ပါဝင်သူများထံမှ ကုသခ ပုံမှန်အားဖြင့် မယူပါ။"
    assert not warned(chinese, english, "en", "zh_Hans")  # 3.8×
    assert not warned(chinese, thai, "th", "zh_Hans")
    assert not warned(chinese, burmese, "my", "zh_Hans")
    assert warned(chinese, "A trial.", "en", "zh_Hans")  # words lost, whatever the source
    assert warned(chinese, "การวิจัย", "th", "zh_Hans")
    japanese = "登録された試験では、通常、参加者に治療費を請求しません。"
    assert not warned(japanese, english, "en", "ja")
    # From English nothing moves: the same sentence in Chinese is still in bounds, and
    # an English text as long as the Chinese one's English is not.
    assert not warned(english, chinese, "zh_Hans", "en")
    assert warned(english, "试验。", "zh_Hans", "en")
    assert warned("Ask your doctor before you book.", "x" * 120, "th", "en")


@pytest.mark.parametrize(
    ("language", "items", "clauses"),
    [
        ("en", "a, b", "a; b"),
        ("th", "a b", "a b"),
        ("my", "a\u104a b", "a\u104a b"),  # ၊
        ("zh_Hans", "a\u3001b", "a\uff1bb"),  # 、 ；
        ("zh-Hant", "a\u3001b", "a\uff1bb"),  # the same language, the same marks
        ("ja", "a\u3001b", "a\uff1bb"),
        ("ar", "a\u060c b", "a\u061b b"),  # ، ؛
        ("fa", "a\u060c b", "a\u061b b"),
        ("ur", "a\u060c b", "a\u061b b"),  # undescribed: Arabic script's marks
        ("vi", "a, b", "a; b"),
    ],
)
def test_lists_are_joined_as_each_language_writes_them(
    language: str, items: str, clauses: str
) -> None:
    """The desk joined every list with a Latin ", " and "; ": Arabic writes ، and ؛,
    Chinese and Japanese 、 and ；, Thai a space (languages.yaml: list-separators)."""
    from msc_leaflet.languages import clauses_listed, listed

    assert listed(["a", "b"], language) == items
    assert clauses_listed(["a", "b"], language) == clauses
    assert listed(["a"], language) == "a" and listed([], language) == ""


@pytest.mark.parametrize(
    ("tag", "quote"),
    [
        ("zh_Hant", "「這些細胞不會在肺部停留很久。」"),
        ("ja", "「細胞は肺に長くとどまりません。」"),
        ("en", "“The cells do not stay in the lungs for long.”"),
    ],
)
def test_a_pull_quote_typed_in_quotation_marks_prints_them_once(
    make_project: Callable[..., Path], tmp_path: Path, tag: str, quote: str
) -> None:
    """An author who types the marks round a pull quote (「…」, as a Taiwan writer
    quotes) got the language's own marks round them too: 「「…」」 on the page."""
    from pypdf import PdfReader

    from conftest import leaflet_yaml
    from msc_leaflet.build import build_leaflet

    # Written by the developers; to be reviewed by a professional medical translator.
    text = leaflet_yaml(f"- quote: '{quote}'\n", references="")
    root = make_project({"sample": text.replace("language: en", f"language: {tag}", 1)})
    pdf = build_leaflet(Project.at(root), "sample", tag, tmp_path / "out").path
    page = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert quote in page, page
    assert quote[0] * 2 not in page and quote[-1] * 2 not in page, page
