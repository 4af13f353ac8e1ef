"""I18N024: an identifier (CD45, COVID-19, PMID 12345678) keeps its ASCII digits and Latin
letters in every translation, where a quantity (45 mg) may take the language's digits."""

from __future__ import annotations

from pathlib import Path

import pytest

from msc_leaflet.i18n.translation_checks import IDENTIFIERS, check_translation


def _identifier_messages(source: str, translation: str, language: str) -> list[str]:
    return [
        p.message for p in check_translation(source, translation, language) if p.code == "I18N024"
    ]


MARKER = "Cells carry the marker CD45."
ARABIC = "Arabic-Indic digits"
WIDE = "full-width digits"
BOLD = "\U0001d402\U0001d40345"  # CD45 in mathematical bold capitals


@pytest.mark.parametrize(
    ("language", "source", "translation", "written", "meant", "kind"),
    [
        # A lab marker in each script's own digits: the same value, so I18N007 let it by.
        ("ar", MARKER, "تحمل الخلايا الواسم CD٤٥.", "CD٤٥", "CD45", ARABIC),
        ("th", MARKER, "เซลล์มีตัวบ่งชี้ CD๔๕", "CD๔๕", "CD45", "Thai digits"),
        ("my", MARKER, "ဆဲလ်များတွင် CD၄၅ အမှတ်အသား ရှိသည်။", "CD၄၅", "CD45", "Myanmar digits"),
        ("km", MARKER, "កោសិកាមានសញ្ញាសម្គាល់ CD៤៥។", "CD៤៥", "CD45", "Khmer digits"),
        ("lo", MARKER, "ເຊວມີເຄື່ອງໝາຍ CD໔໕.", "CD໔໕", "CD45", "Lao digits"),
        ("fa", MARKER, "سلول‌ها نشانگر CD۴۵ دارند.", "CD۴۵", "CD45", "Extended Arabic-Indic digits"),
        # Full-width, as a Chinese or Japanese input method types them.
        ("zh_Hans", MARKER, "ＣＤ４５。", "ＣＤ４５", "CD45", "full-width letters and digits"),
        ("ja", MARKER, "細胞はCD４５という目印を持ちます。", "CD４５", "CD45", WIDE),
        # Joined by a hyphen or a colon, and named whole.
        ("my", "A COVID-19 shot.", "COVID-၁၉ ထိုးပါ။", "COVID-၁၉", "COVID-19", "Myanmar digits"),
        ("ar", "IL-6 may rise.", "قد يرتفع IL-٦.", "IL-٦", "IL-6", ARABIC),
        ("th", "We test HLA-DR1.", "เราตรวจ HLA-DR๑", "HLA-DR๑", "HLA-DR1", "Thai digits"),
        ("ar", "E. coli O157:H7.", "E. coli O١٥٧:H٧.", "O١٥٧:H٧", "O157:H7", ARABIC),
        ("lo", "ICD-10 M17.0.", "ICD-10 M໑໗.໐.", "M໑໗.໐", "M17.0", "Lao digits"),
        ("th", "MSC-PI-004.", "ฉบับ MSC-PI-๐๐๔", "MSC-PI-๐๐๔", "MSC-PI-004", "Thai digits"),
        # The number after a word that names it, and a DOI.
        ("km", "PMID 1234567.", "PMID ១២៣៤៥៦៧។", "PMID ១២៣៤៥៦៧", "PMID 1234567", "Khmer digits"),
        ("zh_Hans", "ISO 9001.", "ISO ９００１认证。", "ISO ９００１", "ISO 9001", WIDE),
        ("ar", "ext. 1234.", "ext. ١٢٣٤.", "ext. ١٢٣٤", "ext. 1234", ARABIC),
        ("ar", "See 10.1000/182.", "انظر ١٠٫١٠٠٠/١٨٢.", "١٠٫١٠٠٠/١٨٢", "10.1000/182", ARABIC),
        # Letters drawn like Latin ones among Latin ones, which a search does not match.
        ("th", MARKER, "ตัวบ่งชี้ \u0421D45", "\u0421D45", "CD45", "Cyrillic letters"),
        ("th", MARKER, BOLD, BOLD, "CD45", "Mathematical letters"),
        # A change of case as well is still the source's name.
        ("th", "The p53 gene.", "ยีน P๕๓", "P๕๓", "p53", "Thai digits"),
    ],
)  # fmt: skip
def test_an_identifier_in_other_digits_is_named_with_the_spelling_to_write(
    language: str, source: str, translation: str, written: str, meant: str, kind: str
) -> None:
    """CD٤٥ for CD45 passed every check: I18N007 reads both as 45. A lab searching the
    printed marker finds nothing, so the finding names what was typed and what to write."""
    [problem] = [p for p in check_translation(source, translation, language) if p.code == "I18N024"]
    assert problem.severity == "error"
    assert problem.message == (
        f"identifier “{written}” written in {kind}: write {meant} as in the source; "
        "a doctor or a lab searches it as typed"
    )
    assert problem.offset == translation.index(written)


@pytest.mark.parametrize(
    ("language", "source", "translation"),
    [
        # Quantities may take the language's digits, whatever script their unit is in.
        ("ar", "Take 45 mg.", "تناول ٤٥ ملغ."),
        ("ar", "Take 45 mg.", "تناول ٤٥ mg."),
        ("ar", "Take 45mg.", "تناول ٤٥mg."),
        ("th", "Rest for 3 days.", "พักผ่อน ๓ วัน"),
        ("ar", "A dose of 1.2 x10^6 cells/kg.", "جرعة ١٫٢ x١٠^٦ خلية/كغ."),
        ("ar", "Give 2 mg/m2.", "أعط ٢ mg/m٢."),
        ("ar", "Come at 8h00.", "تعال الساعة ٨h٠٠."),
        # The identifier as typed, or said in the language's own letters.
        ("th", "Cells carry the marker CD45.", "เซลล์มีตัวบ่งชี้ CD45 ปริมาณ ๔๕ มก."),
        ("ja", "Cells carry the marker CD45.", "細胞はCD45という目印を持ちます。"),
        ("th", "Get the COVID-19 vaccine.", "ฉีดวัคซีนโควิด-19"),
        ("th", "Vitamin B12.", "วิตามินบี ๑๒"),
        # A non-breaking hyphen keeps COVID-19 on one line; its letters and digits are typed.
        ("my", "Get the COVID-19 vaccine.", "COVID\u201119 ကာကွယ်ဆေး ထိုးပါ။"),
        # A subscript is the chemist's typography; a word wholly in another script its own.
        ("th", "Breathe out CO2.", "หายใจออก CO₂"),
        ("el", "The a2 receptor.", "Ο υποδοχέας α2."),
        # A version typed in the language's digits is no identifier the source glued to letters.
        ("th", "Version 1.0 of the leaflet.", "เอกสารฉบับ ๑.๐"),
    ],
)
def test_a_quantity_or_an_identifier_kept_as_typed_is_no_finding(
    language: str, source: str, translation: str
) -> None:
    assert _identifier_messages(source, translation, language) == []


def test_a_url_is_left_to_its_own_rule() -> None:
    """A URL's v2 is I18N006's: one change, one finding."""
    source = "See https://example.org/v2/info today."
    translation = "ดู https://example.org/v๒/info วันนี้"
    codes = [p.code for p in check_translation(source, translation, "th")]
    assert "I18N006" in codes and IDENTIFIERS.code not in codes


def test_i18n_check_names_the_identifier_at_its_msgstr_and_the_build_prints_the_source(
    i18n_project: Path,
) -> None:
    """`i18n check` names CD๔๕ at the msgstr's line and column and exits non-zero; the
    build keeps the refused translation off the page, so the reader sees CD45."""
    from pypdf import PdfReader

    from i18n_support import invoke, msgstr_line, set_msgstr

    leaflet = i18n_project / "leaflets" / "care-basics.yaml"
    po = i18n_project / "locales" / "th" / "LC_MESSAGES" / "care-basics.po"
    old = "Redness or swelling that grows."
    new = "Redness where the CD45 sample was taken."
    for path in (leaflet, po):
        path.write_text(path.read_text("utf-8").replace(old, new), "utf-8")
    translation = "มีรอยแดงตรงที่เจาะเลือดตรวจ CD๔๕"
    set_msgstr(po, "call-us/2", translation)
    column = len('msgstr "') + translation.index("CD") + 1
    place = f"{msgstr_line(po, 'call-us/2')}:{column}"

    code, output = invoke("i18n", "check", "--project", str(i18n_project))
    assert code != 0
    [line] = [x for x in output.splitlines() if "I18N024" in x]
    assert f"care-basics.po:{place}: error: " in line, line
    assert "write CD45 as in the source" in line
    assert "Traceback" not in output

    out = i18n_project / "out"
    build = ["build", "care-basics", "-l", "th", "--force", "-p", str(i18n_project), "-o", str(out)]
    code, output = invoke(*build)
    assert code == 0, output
    assert f"care-basics.po:{place}: warning: " in output and "[I18N024]" in output, output
    [pdf] = out.rglob("*.pdf")
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "CD45" in text and "CD๔๕" not in text

    set_msgstr(po, "call-us/2", translation.replace("CD๔๕", "CD45"))
    code, output = invoke("i18n", "check", "--project", str(i18n_project))
    assert "I18N024" not in output


@pytest.mark.parametrize(
    "text",
    [
        "HLA-DR1 and O157:H7, well-known words, abc-.5 and x--12, MSC-PI-004 v2.1.",
        "a.b.c-d:e f-1 g:h-i2 9-k l..3 M17.0 end-",
        "no digits in any of these hyphen-joined words at all",
    ],
)
def test_identifier_runs_are_every_run_with_a_digit(text: str) -> None:
    """The run pattern skips plain words in C (#20): it finds exactly the identifiers
    the pattern without that shortcut finds."""
    import re

    from msc_leaflet.i18n import identifiers

    plain = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]+(?:[-.:][A-Za-z0-9]+)*")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(identifiers, "_RUN", plain)
        expected = list(identifiers._identifiers(text))
    assert list(identifiers._identifiers(text)) == expected


def test_translation_folded_one_call_per_character(monkeypatch: pytest.MonkeyPatch) -> None:
    """A long Thai msgstr is folded to ASCII with each distinct character worked out
    once a process, not once per character (a Python call each was most of I18N024's
    time in a batch build, #20); the finding is the same."""
    from msc_leaflet.content.text_policy import CharTable
    from msc_leaflet.i18n import identifiers

    asked: list[str] = []
    fold = identifiers._ascii_form

    def counted(char: str) -> str:
        asked.append(char)
        return fold(char)

    monkeypatch.setattr(identifiers, "_ASCII_FORMS", CharTable(counted))
    translation = "เซลล์มีตัวบ่งชี้ CD๔๕ " + "เซลล์ต้นกำเนิด " * 40
    assert _identifier_messages(MARKER, translation, "th")
    assert len(asked) == len(set(asked)) <= len(set(translation))
