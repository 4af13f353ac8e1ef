"""Hindi promises of cure (`data/claims-hi.yaml`): Hindi was the one language the
project translates its interface into with no claim list, so a Hindi leaflet or msgstr
promising a cure passed `check` and `i18n check` (CLAIM004 only said nothing read it)."""

from __future__ import annotations

import re
import shutil
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import REPO, leaflet_yaml
from msc_leaflet.checks.claims import claim_list
from msc_leaflet.cli.app import app
from test_checks_claims import assert_judged, judged


@pytest.mark.parametrize(
    "sentence",
    [
        "MSC बीमारी को पूरी तरह ठीक करती हैं।",  # cure the disease completely
        "हमारी कोशिकाएँ गठिया को पूरी तरह से ठीक कर देती हैं।",
        "यह गठिया का स्थायी इलाज है।",  # a permanent cure
        "स्टेम सेल डायबिटीज़ को जड़ से खत्म करती हैं।",  # root out diabetes
        "एक इंजेक्शन से आप हमेशा के लिए ठीक हो जाएँगे।",  # well for ever
        "ये कोशिकाएँ नए अंग उगाती हैं।",  # grow new organs
        "हमारी कोशिकाएँ घुटने की उपास्थि दोबारा बनाती हैं।",  # build cartilage again
        "यह उपचार ऊतकों का पुनर्जनन करता है।",  # regenerates tissue
        "यह एक चमत्कारी इलाज है।",  # a miracle cure
        "हम सफलता की गारंटी देते हैं।",  # we guarantee success
        "यह इलाज 100% सफल है।",
        "यह इलाज 100 प्रतिशत सफल है।",  # per cent as a word
        "यह इलाज सौ प्रतिशत सफल है।",  # a hundred per cent in words
        "यह उपचार 100% सुरक्षित है।",
        # A negation in the next clause denies nothing of this one.
        "MSC पूरी तरह ठीक करती हैं, लेकिन महँगी नहीं हैं।",
        "MSC गठिया को ठीक करती हैं।",  # cure arthritis
        "हमारी स्टेम सेल डायबिटीज़ को ठीक कर सकती हैं।",  # can cure diabetes
        # Said in the leaflet's voice, a denial after it of something else denies nothing.
        "MSC गठिया को ठीक करती हैं। इसका कोई प्रमाण नहीं है कि वे महँगी हैं।",
        # a complete cure, in Devanagari as "pura ilaaj" is in Latin letters
        "स्टेम सेल से गठिया का पूरा इलाज होता है।",
        "यह डायबिटीज़ का संपूर्ण इलाज है।",
    ],
)
def test_a_hindi_promise_is_found(sentence: str) -> None:
    assert_judged(sentence, "hi", True)


@pytest.mark.parametrize(
    "sentence",
    [
        "MSC बीमारी को पूरी तरह ठीक नहीं करतीं।",  # do not cure completely
        "इसकी कोई गारंटी नहीं है।",  # there is no guarantee of it
        "MSC कोई चमत्कार नहीं हैं।",  # no miracle
        "इस बीमारी का अभी कोई स्थायी इलाज नहीं है।",  # no permanent cure yet
        "स्थायी इलाज अभी तक नहीं मिला है।",  # not found yet
        "परिणाम की गारंटी नही दी जा सकती।",  # नहीं typed without its nasal mark
        "क्या MSC गठिया को पूरी तरह ठीक कर सकती हैं?",  # a question
        "ऐसे क्लिनिक से सावधान रहें जो पूरी तरह ठीक करने का दावा करते हैं।",  # beware
        # What some clinics say, denied by the next clause or sentence.
        "कुछ क्लिनिक कहते हैं कि MSC गठिया को ठीक करती हैं। इसका कोई अच्छा प्रमाण नहीं है।",
        "कुछ क्लिनिक कहते हैं कि MSC गठिया को ठीक करती हैं, पर इसका कोई प्रमाण नहीं है।",
        "गठिया का अभी कोई पूरा इलाज नहीं है।",  # there is no complete cure yet
        "क्या गठिया का पूरा इलाज संभव है?",
    ],
)
def test_a_hindi_denial_or_warning_is_no_promise(sentence: str) -> None:
    assert_judged(sentence, "hi", False)


@pytest.mark.parametrize(
    "sentence",
    [
        "इलाज के बाद आराम करें।",  # इलाज, "treatment", alone
        "आराम करने से थकान ठीक हो जाती है।",  # rest eases tiredness
        "MSC गठिया को ठीक नहीं करतीं।",  # the negation inside the verb: no form
        "आप ठीक हैं।",  # ठीक, "fine", alone
        "दवा ठीक से लें।",  # ठीक से, "properly"
        "सब ठीक है, चिंता न करें।",
        "इलाजों के बारे में डॉक्टर से पूछें।",
        "घाव को पूरी तरह ठीक होने में दो हफ़्ते लगते हैं।",  # a wound's healing time
        "जब तक आप पूरी तरह ठीक महसूस न करें, आराम करें।",  # until you feel well
        "कोशिकाओं को प्रयोगशाला में उगाया जाता है।",  # cells grown in the laboratory
        "शरीर हर दिन नई कोशिकाएँ बनाता है।",  # the body makes new cells every day
        "दोबारा जाँच के लिए आएँ।",  # come for a check again
        "पुनर्योजी चिकित्सा एक नया क्षेत्र है।",  # regenerative medicine, the field
        "दुष्प्रभाव आमतौर पर हल्के होते हैं, पर गंभीर भी हो सकते हैं।",  # a hint's wording
        # इलाज is treatment too: get your full course of it
        "अपना पूरा इलाज कराएँ।",
        "पूरा इलाज करवाना ज़रूरी है।",
    ],
)
def test_ordinary_hindi_is_no_claim(sentence: str) -> None:
    assert_judged(sentence, "hi", None)


def test_a_claim_is_a_whole_hindi_word() -> None:
    # Python's \w takes no Devanagari vowel sign, so a vowel sign after a listed word
    # read as its end: चमत्कार was found inside चमत्कारिता, and नहीं was read as नह,
    # so the negation after a claim denied nothing.
    assert judged("उसकी बात में चमत्कारिता थी।", "hi") == []  # no listed word
    assert judged("MSC पूरी तरह ठीक नहीं करतीं।", "hi") == [("पूरी तरह ठीक", True, False)]


def test_a_nukta_letter_is_read_however_it_was_typed() -> None:
    # ड़ and ख़ as one code point or as the letter and a nukta sign: the same word.
    for form in ("NFC", "NFD"):
        sentence = unicodedata.normalize(form, "स्टेम सेल डायबिटीज़ को जड़ से ख़त्म करती हैं।")
        sentence = sentence.replace("\u095c", "\u0921\u093c").replace("\u0959", "\u0916\u093c")
        assert [m for m, excused, _ in judged(sentence, "hi") if not excused], form
        composed = sentence.replace("\u0921\u093c", "\u095c").replace("\u0916\u093c", "\u0959")
        assert [m for m, excused, _ in judged(composed, "hi") if not excused], form


def test_every_hindi_claim_gives_a_safer_wording() -> None:
    claims = claim_list("hi").claims
    assert claims
    assert all(claim.suggestion and claim.concept for claim in claims)


def _hindi_leaflet(paragraph: str) -> str:
    text = leaflet_yaml(f"- paragraph: {paragraph}\n  id: p\n")
    for english, hindi in {
        "language: en": "language: hi",
        "kicker: Patient information": "kicker: रोगी जानकारी",
        "title: A sample leaflet": "title: स्टेम सेल के बारे में",
        "subtitle: For the tests": "subtitle: रोगियों के लिए",
        "lede: A short introduction.": "lede: यह पर्चा स्टेम सेल उपचार के बारे में है।",
        "disclaimer: This is not medical advice.": "disclaimer: यह चिकित्सा सलाह नहीं है।",
    }.items():
        text = text.replace(english, hindi)
    return text


def _claim_rows(root: Path, *args: str) -> list[str]:
    result = CliRunner().invoke(app, ["check", "-p", str(root), *args])
    return [
        row for row in result.output.splitlines() if re.search(r": (?:error|warning): CLAIM00", row)
    ]


def test_a_hindi_leaflet_names_its_promise_at_file_line_and_column(
    make_project: Callable[..., Path],
) -> None:
    promise = "हमारी स्टेम सेल गठिया को जड़ से खत्म करती हैं।"
    text = _hindi_leaflet(promise)
    root = make_project({"sample": text})
    line = text.splitlines().index(f"  - paragraph: {promise}") + 1
    column = len("  - paragraph: ") + promise.index("जड़ से खत्म") + 1
    rows = _claim_rows(root)
    assert len(rows) == 1, rows
    assert rows[0].endswith(
        f"leaflets/sample.yaml:{line}:{column}: error: CLAIM001: risky claim “जड़ से खत्म”"
    ), rows
    # Denied, or said of nothing, the same leaflet passes, and CLAIM004 no longer says
    # Hindi went unread.
    for honest in ("MSC गठिया को जड़ से खत्म नहीं करतीं।", "इलाज के बाद दवा ठीक से लें।"):
        assert _claim_rows(make_project({"sample": _hindi_leaflet(honest)})) == [], honest


@pytest.mark.parametrize(
    ("msgstr", "claim"),
    [
        ("हमारी कोशिकाएँ शरीर को पूरी तरह ठीक कर देती हैं [@galipeau2018]।", "पूरी तरह ठीक"),
        ("इसकी कोई गारंटी नहीं है [@galipeau2018]।", None),
    ],
)
def test_a_hindi_msgstr_names_its_promise_at_file_line_and_column(
    tmp_path: Path, msgstr: str, claim: str | None
) -> None:
    project = tmp_path / "project"
    shutil.copytree(REPO / "tests" / "fixtures" / "languages", project)
    po = project / "locales" / "hi" / "LC_MESSAGES" / "after-your-infusion.po"
    text = po.read_text(encoding="utf-8")
    entry = re.search(r'msgctxt "where-cells-go"\nmsgid "[^\n]*"\nmsgstr "([^\n]*)"', text)
    assert entry is not None
    line = text.count("\n", 0, entry.start()) + 1 + 2  # the msgstr's, below msgctxt
    po.write_text(text[: entry.start(1)] + msgstr + text[entry.end(1) :], encoding="utf-8")

    rows = _claim_rows(project, "-l", "hi")
    result = CliRunner().invoke(app, ["i18n", "check", "-p", str(project)])
    if claim is None:
        assert rows == []
        assert "CLAIM00" not in result.output, result.output
        return
    assert len(rows) == 1 and f"CLAIM001: [hi] risky claim “{claim}”" in rows[0], rows
    column = len('msgstr "') + msgstr.index(claim) + 1
    where = f"locales/hi/LC_MESSAGES/after-your-infusion.po:{line}:{column}"
    checked = CliRunner().invoke(app, ["check", "-p", str(project), "-l", "hi"])
    assert where in " ".join(checked.output.split())  # the hint names the msgstr
    assert f"risky claim “{claim}”" in result.output and where in result.output


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        # Side effects denied, as "no side effects" is in English: its own नहीं is
        # part of the promise.
        ("इस इलाज का कोई साइड इफेक्ट नहीं है।", "कोई साइड इफेक्ट नहीं"),
        ("इस इलाज का कोई साइड इफ़ेक्ट नहीं है।", "कोई साइड इफ़ेक्ट नहीं"),  # with the nukta
        ("इस इलाज का कोई दुष्प्रभाव नहीं है।", "कोई दुष्प्रभाव नहीं"),
        ("बिना किसी साइड इफेक्ट के घुटने का इलाज।", "बिना किसी साइड इफेक्ट"),
        ("यह इलाज बिल्कुल सुरक्षित है।", "बिल्कुल सुरक्षित"),  # absolutely safe
        ("यह इलाज बिलकुल सुरक्षित है।", "बिलकुल सुरक्षित"),  # its other spelling
        ("यह इलाज एकदम सुरक्षित है।", "एकदम सुरक्षित"),
        # Ageing stopped or turned back, youth brought back
        ("हमारी स्टेम सेल बुढ़ापा रोकती हैं।", "बुढ़ापा रोकती"),
        ("स्टेम सेल से बुढ़ापा रोकना अब संभव है।", "बुढ़ापा रोकना"),
        ("हमारी कोशिकाएँ बुढ़ापे को रोकती हैं।", "बुढ़ापे को रोकती"),
        ("हमारा इलाज जवानी लौटाता है।", "जवानी लौटाता"),
        ("स्टेम सेल से जवानी लौटाना अब आसान है।", "जवानी लौटाना"),
        ("एक इंजेक्शन से फिर से जवान बनें।", "फिर से जवान"),
        # Proof as the product's own
        ("यह इलाज वैज्ञानिक रूप से सिद्ध है।", "वैज्ञानिक रूप से सिद्ध"),
        ("यह इलाज चिकित्सकीय रूप से प्रमाणित है।", "चिकित्सकीय रूप से प्रमाणित"),
        # Hinglish, in Latin letters
        ("Stem cell se pura ilaaj milega.", "pura ilaaj"),
        ("Ghutne ke dard ka poora ilaj.", "poora ilaj"),
        ("Koi side effect nahi.", "Koi side effect nahi"),
        ("Diabetes jad se khatam.", "jad se khatam"),
    ],
)
def test_the_hindi_list_holds_what_the_english_one_does(sentence: str, words: str) -> None:
    """Hindi had no entry for side effects denied, youth restored, "proven" or the
    Hinglish an Indian clinic advertises in: each passed `check`."""
    found = [(seen, excused) for seen, excused, _ in judged(sentence, "hi")]
    assert (words, False) in found, found


@pytest.mark.parametrize(
    "sentence",
    [
        "यह इलाज बिल्कुल सुरक्षित नहीं है।",  # not absolutely safe
        "यह दावा कि कोई साइड इफेक्ट नहीं है, भ्रामक है।",  # the claim … is misleading
        "कुछ क्लिनिक कहते हैं कि इलाज बिल्कुल सुरक्षित है। यह सच नहीं है।",
        "स्टेम सेल बुढ़ापा नहीं रोकतीं।",  # do not stop ageing
        "बुढ़ापा रोकना संभव नहीं है।",  # stopping ageing is not possible
        "यह इलाज वैज्ञानिक रूप से सिद्ध नहीं है।",  # not scientifically proven
        "यह साबित नहीं हुआ है कि स्टेम सेल काम करती हैं।",  # it is not proven that …
        "Stem cell se pura ilaaj nahi hota.",  # there is no complete cure
    ],
)
def test_a_new_hindi_claim_denied_is_no_promise(sentence: str) -> None:
    """Denied, warned of or reported and then denied: found and excused, or (a negation
    between its parts: बुढ़ापा नहीं रोकतीं) no claim at all."""
    assert all(excused for _, excused, _ in judged(sentence, "hi")), judged(sentence, "hi")


@pytest.mark.parametrize(
    "sentence",
    [
        "अधिकतर लोगों को कोई गंभीर साइड इफेक्ट नहीं होता।",  # no *serious* side effect
        "साइड इफेक्ट आमतौर पर हल्के होते हैं।",  # side effects are usually mild
        "बुढ़ापे में जोड़ों का दर्द आम है।",  # joint pain is common in old age
        "जवान लोगों में भी गठिया हो सकता है।",  # young people get arthritis too
        "उम्र बढ़ने के साथ उपास्थि पतली होती है।",  # cartilage thins with age
        "Apna pura ilaaj karayein.",  # complete your course of treatment
        "Doctor se side effect ke baare mein poochhein.",  # ask the doctor about them
    ],
)
def test_ordinary_hindi_with_the_new_claims_words_is_no_claim(sentence: str) -> None:
    assert_judged(sentence, "hi", None)


def test_hinglish_in_a_hindi_leaflet_is_read_by_both_lists(
    make_project: Callable[..., Path],
) -> None:
    """An English word in Hinglish is read by the English list ("guaranteed cure"),
    the Hindi words in Latin letters by the Hindi one ("pura ilaaj")."""
    text = _hindi_leaflet("Guaranteed cure! Stem cell se pura ilaaj milega.")
    rows = _claim_rows(make_project({"sample": text}))
    found = {row.split("risky claim ", 1)[1] for row in rows}
    assert {"“Guaranteed”", "“cure”", "“pura ilaaj”"} <= found, rows
