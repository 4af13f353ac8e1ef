"""Long paragraphs of Burmese, Khmer, Lao, Hindi and Vietnamese, as a leaflet prints them.

What an MSC is, its safety and what to ask, written for these tests, set in a narrow
and a wide column. A reader sees each line end at a word's end (ICU's dictionary
boundary, or a space), never inside a syllable, and every extractor gives back the
paragraph as written. Renders of these were read by eye and by tesseract (mya, khm,
lao, hin, vie) when they were written.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from msc_leaflet.typeset.segmentation import icu_breaks, keeps_syllable
from pdfjs_text import extract_pdfjs
from typeset_support import EXTRACTORS, BuiltDocument, build_document, rejoin

PARAGRAPHS = {
    "my": (
        "မီဆင်ကိုင်းမယ် စထရိုးမယ်ဆဲလ် (MSC) များသည် ရိုးတွင်းခြင်ဆီ၊ အဆီနှင့် "
        "ချက်ကြိုးတို့တွင် တွေ့ရသော ဆဲလ်များ ဖြစ်သည်။ သိပ္ပံပညာရှင်များသည် ဤဆဲလ်များက "
        "ခန္ဓာကိုယ်ကို မည်သို့ ကူညီနိုင်သည်ကို လေ့လာနေဆဲ ဖြစ်သည်။ ဤကုသမှုသည် "
        "ရောဂါအများစုအတွက် ထိရောက်ကြောင်း မသက်သေပြရသေးပါ။ ဆုံးဖြတ်ချက်မချမီ "
        "အန္တရာယ်နှင့် အကျိုးကျေးဇူးများအကြောင်း သင့်ဆရာဝန်ကို မေးမြန်းပါ။"
    ),
    "km": (
        "កោសិកាស្ត្រូម៉ាល់មេសង់ស៊ីម (MSC) គឺជាកោសិកាដែលមាននៅក្នុងខួរឆ្អឹង ខ្លាញ់ "
        "និងទងផ្ចិត។ អ្នកវិទ្យាសាស្ត្រកំពុងសិក្សាពីរបៀបដែលកោសិកាទាំងនេះអាចជួយរាងកាយ។ "
        "ការព្យាបាលនេះមិនទាន់ត្រូវបានបញ្ជាក់ថាមានប្រសិទ្ធភាពសម្រាប់ជំងឺភាគច្រើនទេ។ "
        "សូមសួរគ្រូពេទ្យរបស់អ្នកអំពីហានិភ័យ និងអត្ថប្រយោជន៍ មុនពេលសម្រេចចិត្ត។"
    ),
    "lo": (
        "ເຊວມີເຊັນໄຄມອລສະໂຕຣມອລ (MSC) ແມ່ນເຊວທີ່ພົບໃນໄຂກະດູກ, ໄຂມັນ ແລະ ສາຍບື. "
        "ນັກວິທະຍາສາດກຳລັງສຶກສາວ່າເຊວເຫຼົ່ານີ້ສາມາດຊ່ວຍຮ່າງກາຍໄດ້ແນວໃດ. "
        "ການປິ່ນປົວນີ້ຍັງບໍ່ທັນໄດ້ພິສູດວ່າມີປະສິດທິຜົນສຳລັບພະຍາດສ່ວນຫຼາຍ. "
        "ກະລຸນາຖາມທ່ານໝໍຂອງທ່ານກ່ຽວກັບຄວາມສ່ຽງ ແລະ ຜົນປະໂຫຍດ ກ່ອນທີ່ຈະຕັດສິນໃຈ."
    ),
    "hi": (
        "मेसेनकाइमल स्ट्रोमल कोशिकाएँ (MSC) अस्थि मज्जा, वसा और गर्भनाल में पाई जाने "
        "वाली कोशिकाएँ हैं। वैज्ञानिक अध्ययन कर रहे हैं कि ये कोशिकाएँ शरीर की कैसे मदद "
        "कर सकती हैं। यह उपचार अधिकांश बीमारियों के लिए प्रभावी सिद्ध नहीं हुआ है। निर्णय "
        "लेने से पहले अपने डॉक्टर से जोखिम और लाभ के बारे में पूछें।"
    ),
    "vi": (
        "Tế bào mô đệm trung mô (MSC) là những tế bào được tìm thấy trong tủy xương, mỡ "
        "và dây rốn. Các nhà khoa học đang nghiên cứu xem những tế bào này có thể giúp ích "
        "cho cơ thể như thế nào. Phương pháp điều trị này chưa được chứng minh là hiệu quả "
        "đối với hầu hết các bệnh. Hãy hỏi bác sĩ về những rủi ro và lợi ích trước khi "
        "quyết định. Lịch hẹn tiếp theo của bạn là ngày 12 tháng 5 năm 2027 lúc 8 giờ sáng."
    ),
}
COLUMNS = (90.0, 200.0)  # points: an A5 parallel column's cell, and a page's column


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, float], BuiltDocument]:
    cache: dict[tuple[str, float], BuiltDocument] = {}

    def get(lang: str, column: float) -> BuiltDocument:
        if (lang, column) not in cache:
            path = tmp_path_factory.mktemp(lang) / f"{lang}-{column:.0f}.pdf"
            with pytest.MonkeyPatch.context() as patch:
                cache[lang, column] = build_document(
                    path, [[(PARAGRAPHS[lang], "")]], lang=lang, column=column, monkeypatch=patch
                )
        return cache[lang, column]

    return get


@pytest.mark.parametrize("column", COLUMNS)
@pytest.mark.parametrize("lang", sorted(PARAGRAPHS))
def test_every_line_ends_at_a_word_s_end(
    built: Callable[[str, float], BuiltDocument], lang: str, column: float
) -> None:
    text = PARAGRAPHS[lang]
    document = built(lang, column)
    assert len(document.lines) > 3
    words = set(icu_breaks(text, lang))
    for _, breaks in rejoin(document.lines, [text]):
        for at in breaks:
            start = at
            while start > 0 and text[start - 1] == " ":
                start -= 1
            assert at in words or start in words, (text[:at][-12:], text[at:][:12])
            assert keeps_syllable(text, at, dictionary=True), (text[:at][-12:], text[at:][:12])


def squash(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    return "".join(char for char in text if not char.isspace())


@pytest.mark.parametrize("extractor", sorted(EXTRACTORS))
@pytest.mark.parametrize("lang", sorted(PARAGRAPHS))
def test_every_extractor_reads_the_paragraph_as_written(
    built: Callable[[str, float], BuiltDocument], lang: str, extractor: str
) -> None:
    for column in COLUMNS:
        path: Path = built(lang, column).path
        assert squash(EXTRACTORS[extractor](path)) == squash(PARAGRAPHS[lang])


@pytest.mark.parametrize("lang", sorted(PARAGRAPHS))
def test_pdfjs_reads_the_paragraph_as_written(
    built: Callable[[str, float], BuiltDocument], lang: str
) -> None:
    # Firefox's viewer and its find bar
    for column in COLUMNS:
        assert squash(extract_pdfjs(built(lang, column).path)) == squash(PARAGRAPHS[lang])
