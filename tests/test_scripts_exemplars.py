"""Every character each language writes, printed and read back.

For each locale the clinic prints (th, en, my, km, lo, vi, zh_Hans, ja, ar, hi) and
those a clinic may add next with the bundled fonts (zh_Hant, fa, ur, ms, id, fil), a
leaflet holds the language's CLDR exemplar characters (main, auxiliary, index,
punctuation and numbers: `tests/fixtures/exemplars/`) and sentences that use the hard
ones in real words, in regular, bold, italic and bold italic. No glyph may be a
font's .notdef box, every font is an embedded subset, and every reader gives the text
back. Korean needs a font the package does not carry (docs/scripts.md, "Adding a
font"): `test_scripts_build` checks that it is refused in one line.
"""

from __future__ import annotations

import json
import textwrap
import unicodedata
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pikepdf
import pypdfium2
import pytest
from PIL import Image

from conftest import ORGANISATION
from msc_leaflet.build import build_leaflet
from msc_leaflet.content.composition import composed, unified_ideograph
from msc_leaflet.languages import right_to_left
from msc_leaflet.project import Project
from pdfjs_text import extract_pdfjs, require_pdfjs
from pdfread import embedded_fonts, font_problems
from test_languages_editions import notdef_glyphs
from typeset_support import EXTRACTORS

EXEMPLARS = Path(__file__).parent / "fixtures" / "exemplars"

#: Sentences a leaflet could print, with the characters each script makes hard: marks
#: stacked on marks, letters that CLDR lists but modern text rarely writes, signs of
#: repetition and abbreviation, digits of the script. Written for these tests.
WORDS: dict[str, list[str]] = {
    "th": [
        # In the rainy season patients should wash their hands often and follow the
        # rules of the hospital in Bangkok.
        "ในฤดูฝน ผู้ป่วยควรล้างมือบ่อยๆ และปฏิบัติตามกฎของโรงพยาบาลในกรุงเทพฯ",
        # The letters kho khuat and kho khon are no longer used in Thai today; the word
        # lue-cha ("renown") is found in old literature.
        "ตัวอักษร ฃ ขวด และ ฅ คน ไม่ใช้แล้วในภาษาไทยปัจจุบัน คำว่า ฦๅชา พบได้ในวรรณคดีเก่า",
        "๏ ขอให้ท่านมีสุขภาพแข็งแรง ๚ะ๛",  # (verse marks) May you be in good health.
        # The nurse rolls the cotton into a ball; the food court is on floor 2; call ...
        "พยาบาลปั้นสำลีเป็นก้อนกลม ร้านฟู้ดคอร์ตอยู่ชั้น ๒ โทร. ๐๒ ๑๒๓ ๔๕๖๗ ฯลฯ",
        "กตัญญู ฐานะ จุฬาลงกรณ์ ก๋วยเตี๋ยว ญี่ปุ่น ฝั่ง ฟื้น น้ำ สิทธิ์ ก็",
    ],
    "lo": [
        # The doctor says not to drink much alcohol, and to wash your face often.
        "ທ່ານໝໍບອກວ່າ ບໍ່ຄວນດື່ມເຫຼົ້າຫຼາຍ ແລະ ໃຫ້ລ້າງໜ້າເລື້ອຍໆ.",
        # Please take the medicine twice a day and call the hospital on ...
        "ກະລຸນາກິນຢາມື້ລະ ໒ ເທື່ອ ແລະ ໂທຫາໂຮງໝໍ ໐໒໑ ໒໑໒ ໓໔໕.",
        "ຜູ້ປ່ວຍ ປີ້ ນ້ຳ ຮຽນ ຂໍ້ມູນ ຯລຯ",
    ],
    "km": [
        # Pregnant women must have regular check-ups at the hospital.
        "ស្ត្រីមានផ្ទៃពោះត្រូវទៅពិនិត្យសុខភាពនៅមន្ទីរពេទ្យជាប្រចាំ។",
        # Please wash your hands often and eat various vegetables. The medicine costs
        # 5,000 riel.
        "សូមលាងដៃឱ្យបានញឹកញាប់ និងញ៉ាំបន្លែផ្សេងៗ។ ថ្នាំនេះតម្លៃ ៥ ០០០៛។",
        "ក្រុមគ្រូពេទ្យ ព្យាបាល វិទ្យាសាស្ត្រ ចិត្ត ប្រាក់ ក្រសួងសុខាភិបាល ។ល។ ៘ ៜ",
    ],
    "my": [
        # At our hospital you may also ask in English.
        "ကျွန်ုပ်တို့၏ ဆေးရုံ၌ အင်္ဂလိပ်ဘာသာဖြင့်လည်း မေးမြန်းနိုင်ပါသည်။",
        # If there is a problem, tell the doctor at once. That is important.
        "ပြဿနာ ရှိပါက ဆရာဝန်ကို ချက်ချင်း ပြောပြပါ။ ၎င်းသည် အရေးကြီးပါသည်။",
        # Take the medicine and rest. Heart, blood vessel, the World Health Organization,
        # 1 tablet twice a day.
        "ဆေးသောက်၍ အနားယူပါ။ နှလုံး သွေးကြော ကမ္ဘာ့ကျန်းမာရေးအဖွဲ့ ဆေး ၁ ပြား နေ့စဉ် ၂ ကြိမ်",
    ],
    "vi": [
        "Trong thời gian điều trị, bạn cần đặc biệt chú ý đến sự thay đổi của cơ thể.",
        "Nếu thấy lẫn lộn, khó thở hoặc sưng, hãy gọi ngay cho bác sĩ Nguyễn ở bệnh viện.",
        "nghiêng, khuỷu, thuở, người, Ưu tiên, ĐƯỜNG, ỒN ÀO, Mỹ Tho, giờ, sự",
    ],
    "zh_Hans": [
        "请每天按时服药两次。如有发热，请立即联系医院（电话：０２—１２３４）。",
        "罕见字：叱𠮟、𩸽、髙、塡、辻、葛。",
    ],
    "zh_Hant": [
        "請每天按時服藥兩次。醫生會檢查您的血液，並說明治療的風險。",
        "如有發燒或呼吸困難，請立即聯絡醫院。",
    ],
    "ja": [
        "薬は１日２回、食後に飲んでください。𠮟らないでください。",
        # 葛 with an ideographic variation selector (葛󠄀, U+E0100): Noto Sans CJK has no
        # variation sequences and draws the everyday form; the selector reads back.
        "髙橋さん、山﨑さん、辻さん、葛\U000e0100飾区の方はお知らせください。",
        "ホッケ（𩸽）や塡補など、まれな字も正しく印刷されます。",
    ],
    "ar": [
        # Do not stop taking the medicine except after consulting the doctor (vowelled).
        "لا تَتَوَقَّفْ عَنْ تَنَاوُلِ الدَّوَاءِ إِلَّا بَعْدَ اسْتِشَارَةِ الطَّبِيبِ",
        # Warning (with tatweel): call the ambulance at once if you feel chest pain.
        "تـنـبـيـه: اتصل بالإسعاف فوراً إذا شعرت بألم في الصدر.",
        # Take 2 tablets a day for 5 days, then see the doctor in week 10.
        "خذ ٢ قرص يومياً لمدة ٥ أيام، ثم راجع الطبيب في الأسبوع ١٠.",
    ],
    "fa": [
        # Before treatment, the doctor checks your blood test.
        "پیش از درمان، پزشک آزمایش خون شما را بررسی می‌کند.",
        # Red and white blood cells are in the blood; genes are in every cell.
        "گلبول‌های قرمز و سفید در خون هستند؛ ژن‌ها در هر سلول هستند.",
        # Please take 5.5 millilitres of the medicine with water twice a day. Do not rub
        # your eyes.
        "لطفاً روزی ۲ بار، هر بار ۵٫۵ میلی‌لیتر دارو را با آب بخورید. چشم‌ها را نمالید.",
    ],
    "ur": [
        "ڈاکٹر آپ کے خون کا ٹیسٹ کریں گے۔",  # The doctor will test your blood.
        # Please take the medicine twice a day and drink more water.
        "براہ کرم دن میں دو بار دوا لیں اور زیادہ پانی پئیں۔",
    ],
    "hi": [
        # Please have yourself tested for tuberculosis at the health centre.
        "कृपया स्वास्थ्य केंद्र में क्षय रोग की जाँच करवाएँ।",
        # Doctors advise drinking more water and less exertion. Take care when the
        # season changes.
        "डॉक्टर ज़्यादा पानी पीने और श्रम कम करने की सलाह देते हैं। ऋतु बदलने पर ध्यान रखें।",
        # Take the medicine 2 times a day. Error, knowledge, pure, place, om.
        "दवा दिन में २ बार लें। त्रुटि, ज्ञान, शुद्ध, स्थान, ॐ।",
    ],
    "en": ["The patient’s naïve café coördinator: “résumé”, 5 µg, ±2 °C, 2½ tablets."],
    "ms": ["Sila datang ke hospital esok. Doktor akan memeriksa darah anda."],
    "id": ["Silakan datang ke rumah sakit besok. Dokter akan memeriksa darah Anda."],
    "fil": ["Pumunta po kayo sa ospital bukas. Susuriin ng doktor ang inyong dugo sa Parañaque."],
}

#: Signs that stack the consonant after them under or into the one before.
_STACKERS = ("\u1039", "\u17d2", "\u094d")


def exemplars(locale: str) -> dict[str, list[str]]:
    """The locale's CLDR exemplar sets, as `tests/fixtures/exemplars/README.md` says."""
    sets: dict[str, list[str]] = _exemplar_sets()[locale]
    return sets


@cache
def _exemplar_sets() -> dict[str, dict[str, list[str]]]:
    sets: dict[str, dict[str, list[str]]] = json.loads(
        (EXEMPLARS / "exemplars.json").read_text(encoding="utf-8")
    )
    return sets


def as_words(items: list[str], letter: str) -> list[str]:
    """Each exemplar as a writer types it: a mark on ``letter`` (the script's first
    letter), a stacker between two of it."""
    words = []
    for item in items:
        if item in _STACKERS:
            words.append(letter + item + letter)
        elif unicodedata.category(item[0]).startswith("M"):
            words.append(letter + item)
        else:
            words.append(item)
    return words


def markup(text: str) -> str:
    """``text`` as leaflet text: `*`, `[`, `]` and `\\` escaped, as they are markup."""
    for char in "\\*[]":
        text = text.replace(char, "\\" + char)
    return text


def quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def exemplar_paragraphs(locale: str) -> list[str]:
    """The locale's sentences and exemplar sets, 40 exemplars a paragraph."""
    sets = exemplars(locale)
    letter = next(c for c in sets["main"] if unicodedata.category(c[0]) == "Lo" or c.isalpha())
    paragraphs = list(WORDS[locale])
    for kind in ("main", "auxiliary", "index", "punctuation", "numbers"):
        words = as_words(sets.get(kind, []), letter)
        paragraphs += [" ".join(words[i : i + 40]) for i in range(0, len(words), 40)]
    return paragraphs


def leaflet(locale: str, paragraphs: list[str]) -> str:
    """One leaflet: each paragraph plain, **bold**, *italic* and ***bold italic***."""
    blocks = "".join(
        f"  - paragraph: {quoted(mark + markup(text) + mark)}\n"
        for text in paragraphs
        for mark in ("", "**", "*", "***")
    )
    title = quoted(markup(WORDS[locale][0].split()[0]))
    head = textwrap.dedent(
        f"""\
        id: sample
        language: {locale}
        title: {title}
        document:
          code: T-001
          version: "1.0"
          published: 2026-01-01
          next_review: 2027-01-01
        organisation: test-clinic
        disclaimer: {title}
        blocks:
          - heading: {title}
        """
    )
    return head + blocks


def squash(text: str) -> str:
    """``text`` composed as the leaflet holds it, without spaces and format characters."""
    text = composed(text)
    return "".join(c for c in text if not c.isspace() and unicodedata.category(c) != "Cf")


LOCALES = sorted(_exemplar_sets())


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """The exemplar leaflet of a locale, built once for every reader's test."""
    pdfs: dict[str, Path] = {}

    def build(locale: str) -> Path:
        if locale not in pdfs:
            root = tmp_path_factory.mktemp(locale)
            (root / "leaflets").mkdir()
            (root / "organisations").mkdir()
            (root / "organisations" / "test-clinic.yaml").write_text(ORGANISATION, "utf-8")
            source = leaflet(locale, exemplar_paragraphs(locale))
            (root / "leaflets" / "sample.yaml").write_text(source, "utf-8")
            pdfs[locale] = build_leaflet(Project.at(root), "sample", None, root / "out").path
        return pdfs[locale]

    return build


def assert_reads_back(locale: str, reader: str, extracted: str) -> None:
    """Every sentence and exemplar of ``locale`` is in the text ``reader`` gave back."""
    text = squash(extracted)
    paragraphs = exemplar_paragraphs(locale)
    if not right_to_left(locale):
        for paragraph in paragraphs:
            assert squash(paragraph) in text, (reader, paragraph)
        return
    # Isolated neutrals (« » ، ‰) between spaces of a right-to-left line have no order
    # of their own to keep; pdfium also reads each character of a right-to-left
    # stretch in its compatibility form (… as ..., ‑ as ‐: docs/scripts.md). The
    # sentences are read exactly.
    for sentence in WORDS[locale]:
        assert squash(sentence) in text, (reader, sentence)
    folded = reader == "pypdfium2"
    if folded:
        text = unicodedata.normalize("NFKC", text)
    for paragraph in paragraphs[len(WORDS[locale]) :]:
        for item in paragraph.split():
            item = unicodedata.normalize("NFKC", item) if folded else item
            assert squash(item) in text, (reader, item)


@pytest.mark.parametrize("locale", LOCALES)
def test_every_character_a_language_writes_prints_and_reads_back(
    built: Callable[[str], Path], locale: str
) -> None:
    pdf = built(locale)
    assert notdef_glyphs(pdf) == []
    assert font_problems(pdf) == []
    for name, extract in EXTRACTORS.items():
        assert_reads_back(locale, name, extract(pdf))


@pytest.mark.parametrize("locale", LOCALES)
def test_pdfjs_reads_every_character_a_language_writes(
    built: Callable[[str], Path], locale: str
) -> None:
    require_pdfjs()
    assert_reads_back(locale, "pdf.js", extract_pdfjs(built(locale)))


#: The faces each locale's own script prints in, regular to bold italic, as the table
#: of docs/scripts.md ("Fonts per script") declares them: a family without an italic
#: prints its italic upright, Noto Sans CJK its bold as regular; never a face the theme
#: does not name (a synthetic slant or weight). Latin text (digits, punctuation) is
#: Sarabun's in all four.
SARABUN = {"Sarabun-Regular", "Sarabun-SemiBold", "Sarabun-Italic", "Sarabun-SemiBoldItalic"}
OWN_FACES = {
    "km": {"NotoSansKhmer-Regular", "NotoSansKhmer-SemiBold"},
    "my": {"NotoSansMyanmar-Regular", "NotoSansMyanmar-Bold"},
    "lo": {"NotoSansLao-Regular", "NotoSansLao-Bold"},
    "ar": {"NotoSansArabic-Regular", "NotoSansArabic-SemiBold"},
    "fa": {"NotoSansArabic-Regular", "NotoSansArabic-SemiBold"},
    "ur": {"NotoSansArabic-Regular", "NotoSansArabic-SemiBold"},
    "hi": {"NotoSansDevanagari-Regular", "NotoSansDevanagari-SemiBold"},
    "ja": {"NotoSansCJKsc-Regular"},
    "zh_Hans": {"NotoSansCJKsc-Regular"},
    "zh_Hant": {"NotoSansCJKsc-Regular"},
}


@pytest.mark.parametrize("locale", LOCALES)
def test_each_script_prints_in_the_faces_the_theme_declares(
    built: Callable[[str], Path], locale: str
) -> None:
    with pikepdf.open(built(locale)) as pdf:
        faces = {str(font.BaseFont).split("+", 1)[-1] for font in embedded_fonts(pdf)}
    assert faces == SARABUN | OWN_FACES.get(locale, set())


#: Japanese names written in a form of their own: compatibility ideographs Unicode
#: composes (NFC) into another character that Noto Sans CJK draws differently.
NAMES = "神田\ufa19田 \u585a本\ufa10本 海\ufa45 都\ufa26 館\ufa2c"


def _glyph_tiles(pdf: Path, text: str) -> list[Image.Image]:
    """Each character's box of ``text`` on page 1, rendered at scale 6 in grey, all
    cut to the size of the first."""
    page = pypdfium2.PdfDocument(pdf)[0]
    textpage = page.get_textpage()
    found = textpage.search(text).get_next()
    assert found is not None, text
    start, count = found
    bitmap = page.render(scale=6, grayscale=True).to_pil()
    height = page.get_size()[1]
    boxes = [textpage.get_charbox(index) for index in range(start, start + count)]
    width, tall = boxes[0][2] - boxes[0][0], boxes[0][3] - boxes[0][1]
    tiles = []
    for left, bottom, _, _ in boxes:
        box = (left, height - bottom - tall, left + width, height - bottom)
        tiles.append(bitmap.crop(tuple(round(v * 6) for v in box)))
    return tiles


def _unlike(one: Image.Image, other: Image.Image) -> float:
    """The share of pixels of two glyph tiles that differ by more than a third of the
    grey scale (anti-aliasing at another sub-pixel offset stays under it)."""
    pairs = list(zip(one.tobytes(), other.tobytes(), strict=True))
    return sum(abs(a - b) > 85 for a, b in pairs) / len(pairs)


def test_a_name_written_in_a_compatibility_ideograph_prints_and_reads_as_typed(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    # 神 (U+FA19) is the old form of 神 with the 示 radical, 塚 (U+FA10) has a dot the
    # everyday 塚 lacks: composing the text printed and read back the everyday form.
    root = make_project({"sample": leaflet("ja", [NAMES])})
    pdf = build_leaflet(Project.at(root), "sample", None, tmp_path / "out").path
    for name, extract in EXTRACTORS.items():
        text = extract(pdf).replace(" ", "")
        assert NAMES.replace(" ", "") in text, name
    everyday, field, own = _glyph_tiles(pdf, "神田\ufa19")
    assert _unlike(own, everyday) > 0.05  # drawn in its own form, 示 for 礻
    assert _unlike(field, everyday) > 0.05  # (the measure tells glyphs apart)
    assert notdef_glyphs(pdf) == []


def test_a_compatibility_ideograph_the_font_lacks_is_drawn_as_its_unified_one(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    # Noto Sans CJK has 409 of the 1,002: U+FA76 (KPS 10721's 勇) is drawn with 勇
    # (U+52C7) and reads back as typed, where refusing it would stop a build that
    # printed before.
    typed = "勇\ufa76"
    assert unified_ideograph("\ufa76") == "勇"
    root = make_project({"sample": leaflet("ja", [f"{typed}さん"])})
    pdf = build_leaflet(Project.at(root), "sample", None, tmp_path / "out").path
    assert notdef_glyphs(pdf) == []
    for name, extract in EXTRACTORS.items():
        assert typed in extract(pdf), name
    unified, stand_in = _glyph_tiles(pdf, typed)
    assert _unlike(stand_in, unified) < 0.01


def test_text_is_composed_but_for_compatibility_ideographs() -> None:
    decomposed = unicodedata.normalize("NFD", "Bệnh viện")
    assert composed(decomposed + "\ufa19") == "Bệnh viện\ufa19"
    assert composed("\ufa19\u0301") == "\ufa19\u0301"  # nothing composes with it
    assert composed("\ufa11") == "\ufa11"  # 﨑 is a unified ideograph: never changed
    assert unified_ideograph("\ufa11") is None
    assert unified_ideograph("\ufa19") == "\u795e"
    assert composed("a\ufa19b\ufa10") == "a\ufa19b\ufa10"
