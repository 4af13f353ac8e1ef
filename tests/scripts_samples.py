"""Short patient sentences in each script the clinic prints, written for the tests.

Each says something a leaflet would (come to the hospital tomorrow, the doctor will
check your blood, take the medicine twice a day), with the Latin drug abbreviation,
digits and brackets that sit inside every script. No ``test_`` prefix: not collected.
"""

from __future__ import annotations

SAMPLES: dict[str, list[str]] = {
    "my": [
        "လူနာသည် မနက်ဖြန် ဆေးရုံသို့ လာရပါမည်။ ဆရာဝန်က သွေးစစ်ဆေးမှု ပြုလုပ်ပါမည်။",
        "ဆေးကို နေ့စဉ် ၂ ကြိမ် သောက်ပါ။ (MSC) ကုသမှုမတိုင်မီ ဆရာဝန်ကို မေးမြန်းပါ။",
        # A kinzi (င်္ဂ), a stack (မ္ဘ), medials together (ညွှန်း) and ေ drawn first.
        "ကမ္ဘာ့ကျန်းမာရေးအဖွဲ့က အင်္ဂလိပ်ဘာသာဖြင့် ထုတ်ပြန်ထားသော ဆေးညွှန်းကို ဖတ်ပါ။",
    ],
    "km": [
        "អ្នកជំងឺត្រូវមកមន្ទីរពេទ្យនៅថ្ងៃស្អែក។ វេជ្ជបណ្ឌិតនឹងពិនិត្យឈាមរបស់អ្នក។",
        "សូមលេបថ្នាំពីរដងក្នុងមួយថ្ងៃ។ មុនពេលព្យាបាល (MSC) សូមសួរវេជ្ជបណ្ឌិត។",
    ],
    "lo": [
        "ຄົນເຈັບຕ້ອງມາໂຮງໝໍໃນມື້ອື່ນ. ທ່ານໝໍຈະກວດເລືອດຂອງທ່ານ.",
        "ກະລຸນາກິນຢາມື້ລະ 2 ເທື່ອ. ກ່ອນການປິ່ນປົວ (MSC) ໃຫ້ຖາມທ່ານໝໍ.",
    ],
    "vi": [
        "Bệnh nhân cần đến bệnh viện vào ngày mai. Bác sĩ sẽ xét nghiệm máu của bạn.",
        "Hãy uống thuốc hai lần mỗi ngày. Trước khi điều trị (MSC), hãy hỏi bác sĩ.",
    ],
    "zh_Hans": [
        "患者需要在明天来医院。医生会为您检查血液（MSC治疗前）。",
        "请按时服药，每天2次。如有发热，请立即联系医院。",
    ],
    # Traditional Chinese (Taiwan): its own glyph forms, centred stops and number words.
    "zh_Hant": [
        "患者需要在明天來醫院。醫師會為您檢查血液（MSC治療前）。",
        "請按時服藥，每天2次。如有發燒，請立即聯絡醫院。",
    ],
    "ja": [
        "患者さんは明日、病院に来てください。医師が血液検査を行います（MSC治療の前）。",
        "薬は1日2回飲んでください。熱が出たら、すぐに病院へ連絡してください。",
    ],
    "ar": [
        "يجب على المريض أن يأتي إلى المستشفى غدًا. سيقوم الطبيب بفحص الدم.",
        "تناول الدواء مرتين في اليوم. اسأل الطبيب قبل العلاج بالخلايا.",
    ],
    "hi": [
        "रोगी को कल अस्पताल आना चाहिए। डॉक्टर आपके खून की जाँच करेंगे।",
        "दवा दिन में 2 बार लें (MSC उपचार से पहले)।",
    ],
    "th": ["ผู้ป่วยต้องมาโรงพยาบาลพรุ่งนี้ แพทย์จะตรวจเลือด (MSC) วันละ 2 ครั้ง"],
    "en": ["The patient should come to the hospital tomorrow (MSC) twice a day."],
}

#: The locales whose scripts run left to right (Arabic has its own tests).
LTR = ["my", "km", "lo", "vi", "zh_Hans", "zh_Hant", "ja", "hi", "th", "en"]
