"""XLIFF 2.0 import: what 2.0 core holds, as Okapi-style tools write it, comes in as the same
file in 1.2 does, and what import cannot read is refused at its line."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from i18n_support import KEPT, copy_bundled, invoke
from msc_leaflet.i18n.pofile import read_po

NS1 = "{urn:oasis:names:tc:xliff:document:1.2}"
NS2 = "urn:oasis:names:tc:xliff:document:2.0"
STATES = {  # export's 1.2 states as a 2.0 tool writes them
    "translated": "translated",
    "signed-off": "final",
    "new": "initial",
    "needs-review-translation": "initial",
}


@pytest.fixture
def bundled(tmp_path: Path) -> Path:
    return copy_bundled(tmp_path)


def as_2_0(
    xlf_1_2: Path, split: dict[str, list[str]] | None = None, ignorables: bool = True
) -> str:
    """The exported XLIFF 1.2 file as an Okapi-style XLIFF 2.0 one: a ``<unit>`` named
    by the resname, its notes, one ``<segment>`` (or, for a unit in ``split``, one a
    sentence of the target, the English cut alike, with ``<ignorable>`` spaces unless
    ``ignorables`` is false, as some tools write it)."""
    tree = ET.parse(xlf_1_2)
    file1 = tree.getroot().find(f"{NS1}file")
    assert file1 is not None
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<xliff xmlns="{NS2}" version="2.0" srcLang="{file1.get("source-language")}" '
        f'trgLang="{file1.get("target-language")}">',
        f'<file id="f1" original="{file1.get("original")}">',
    ]
    for unit in file1.iter(f"{NS1}trans-unit"):
        name = unit.get("resname", "")
        source = "".join(unit.find(f"{NS1}source").itertext())  # type: ignore[union-attr]
        target_element = unit.find(f"{NS1}target")
        assert target_element is not None
        target = "".join(target_element.itertext())
        state = STATES[target_element.get("state", "translated")] if target else "initial"
        notes = "".join(
            f"<note>{esc(''.join(n.itertext()))}</note>"
            for n in unit.findall(f"{NS1}note")
            if n.get("from") == "translator"
        )
        out.append(f'<unit id="u{len(out)}" name="{esc(name)}">')
        out.append(f"<notes>{notes}</notes>" if notes else "")
        pieces = (split or {}).get(name)
        if pieces is None:
            out.append(segment(state, source, target))
        else:
            english = re.split(r"(?<=\.) ", source)
            assert len(english) == len(pieces), english
            for n, (en, th) in enumerate(zip(english, pieces, strict=True)):
                if n and ignorables:
                    out.append("<ignorable><source> </source><target> </target></ignorable>")
                out.append(segment(state, en, th))
        out.append("</unit>")
    out += ["</file>", "</xliff>", ""]
    return "\n".join(out)


def esc(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def segment(state: str, source: str, target: str) -> str:
    own = f"<target>{esc(target)}</target>" if target else ""
    return f'<segment state="{state}"><source>{esc(source)}</source>{own}</segment>'


def exported(root: Path, out: Path) -> Path:
    code, output = invoke("i18n", "export", "-l", "th", "-o", str(out), "--project", str(root))
    assert code == 0, output
    return out / "infusion-safety.th.xlf"


def imported(root: Path, xlf: Path, text: str) -> tuple[int, str]:
    xlf.write_text(text, encoding="utf-8")
    return invoke("i18n", "import", str(xlf), "--project", str(root))


PO = Path("locales") / "th" / "LC_MESSAGES" / "infusion-safety.po"
KICKER = "<target>ข้อมูลสำหรับผู้ป่วย</target>"


def test_an_okapi_style_xliff_2_file_imports_as_the_1_2_one_does(
    bundled: Path, tmp_path: Path
) -> None:
    """XLIFF 2.0 was refused ("version '2.0' is not supported"). The whole catalog in
    2.0 comes back byte for byte; an edit comes in; an "initial" target is fuzzy."""
    before = (bundled / PO).read_bytes()
    xlf = exported(bundled, tmp_path / "x")
    text = as_2_0(xlf)
    target = tmp_path / "agency.xlf"
    code, output = imported(bundled, target, text)
    assert code == 0 and " 0 changed, 63 unchanged, 0 kept" in output, output
    assert (bundled / PO).read_bytes() == before
    title = '<segment state="translated"><source>Safety of MSC infusions</source>'
    assert KICKER in text and title in text
    edited = text.replace(KICKER, KICKER.replace("ข้อมูล", "ข้อมูลใหม่")).replace(
        title, title.replace("translated", "initial")
    )
    edited = edited.replace("</notes>", "</notes>", 1)
    code, output = imported(bundled, target, edited)
    assert code == 0 and " 2 changed, 61 unchanged" in output, output
    entries = {e.msgctxt: e for e in read_po(bundled / PO).active}
    assert (entries["kicker"].msgstr, entries["kicker"].fuzzy) == ("ข้อมูลใหม่สำหรับผู้ป่วย", False)
    assert entries["title"].fuzzy


LEDE = [
    "บางคลินิกให้เซลล์สโตรมัลชนิดมีเซนไคม์ (mesenchymal stromal cells; MSCs) เข้าหลอดเลือดดำผ่านสายน้ำเกลือ",
    "เอกสารนี้อธิบายความเสี่ยงหลักของการให้เซลล์ด้วยวิธีนี้ การตรวจที่ช่วยลดความเสี่ยง"
    "เหล่านั้น และอาการเตือนที่ต้องเฝ้าระวังหลังได้รับเซลล์",
]


def test_segments_and_the_ignorable_space_between_them_join_as_the_catalog_has_it(
    bundled: Path, tmp_path: Path
) -> None:
    before = (bundled / PO).read_bytes()
    xlf = exported(bundled, tmp_path / "x")
    assert " ".join(LEDE) in xlf.read_text("utf-8")
    code, output = imported(bundled, tmp_path / "a.xlf", as_2_0(xlf, {"lede": LEDE}))
    assert code == 0 and " 0 changed" in output, output
    assert (bundled / PO).read_bytes() == before
    # a sentence left untranslated beside a translated one: the paragraph would print half
    text = as_2_0(xlf, {"lede": LEDE}).replace(f"<target>{LEDE[1]}</target>", "")
    code, output = imported(bundled, tmp_path / "a.xlf", text)
    assert code == 1 and "Traceback" not in output, output
    assert "unit 'lede': sentence 2 ('This leaflet explains" in output, output
    assert "has no translation; the rest of the unit would print without it" in output
    assert (bundled / PO).read_bytes() == before


@pytest.mark.parametrize(
    ("inline", "said"),
    [
        (  # a code whose text the file holds in <originalData>: that text
            '<originalData><data id="d1">ผู้ป่วย</data></originalData>',
            None,
        ),
        ("", "holds an inline code <ph/> whose text the file does not hold"),
    ],
)
def test_an_inline_code_gives_the_text_its_original_data_holds_or_is_refused(
    bundled: Path, tmp_path: Path, inline: str, said: str | None
) -> None:
    xlf = exported(bundled, tmp_path / "x")
    text = as_2_0(xlf)
    unit = re.search(r'<unit id="\w+" name="kicker">', text)
    assert unit is not None
    text = text.replace(unit[0], unit[0] + inline).replace(
        KICKER, '<target>ข้อมูลสำหรับ<ph id="1" dataRef="d1"/></target>'
    )
    before = (bundled / PO).read_bytes()
    code, output = imported(bundled, tmp_path / "a.xlf", text)
    if said is None:
        assert code == 0 and " 0 changed" in output, output
        assert (bundled / PO).read_bytes() == before
    else:
        line = text[: text.index('<ph id="1"')].count("\n") + 1
        assert code == 1 and f"a.xlf:{line}: error: unit 'kicker': " in output, output
        assert said in output and (bundled / PO).read_bytes() == before


@pytest.mark.parametrize(
    ("edit", "said"),
    [
        (lambda t: t.replace('version="2.0"', 'version="3.0"'), "XLIFF version '3.0' in the"),
        (  # a NUL, or a lone surrogate, went into the catalog, which could not be written
            lambda t: t.replace(KICKER, '<target>ข้อมูล<cp hex="D800"/></target>'),
            "holds <cp hex='D800'>, a character XML cannot carry",
        ),
        (lambda t: t.replace(KICKER, KICKER + KICKER), "has 2 <target> elements"),
        (
            lambda t: t.replace(KICKER, '<target order="2">ข้อมูล</target>'),
            "a target moves its segment elsewhere (order='2')",
        ),
        (
            lambda t: t.replace(KICKER, '<target><pc id="1" subType="xlf:u">ข้อมูล</pc></target>'),
            "with a <pc> (xlf:u), formatting a leaflet cannot print",
        ),
        (
            lambda t: t.replace(
                "<xliff ", '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<xliff '
            ),
            "declares a DTD or entities",
        ),
        (
            lambda t: t.replace('trgLang="th"', 'trgLang="lo"'),
            "no lo catalog for 'infusion-safety' in this project",
        ),
    ],
)
def test_what_import_cannot_read_in_xliff_2_is_refused_with_its_place(
    bundled: Path, tmp_path: Path, edit: object, said: str
) -> None:
    xlf = exported(bundled, tmp_path / "x")
    assert callable(edit)
    before = (bundled / PO).read_bytes()
    code, output = imported(bundled, tmp_path / "a.xlf", edit(as_2_0(xlf)))
    assert code == 1 and "Traceback" not in output, output
    assert re.match(r".*a\.xlf:\d+: error: ", output) and said in output, output
    assert (bundled / PO).read_bytes() == before


def test_an_xliff_2_file_a_formatter_re_indented_imports_unchanged(
    bundled: Path, tmp_path: Path
) -> None:
    """libxml2's formatter over a 2.0 file, a target of one ``<mrk>`` (a term a tool
    marked) among its units: its layout is no text."""
    from lxml import etree  # type: ignore[import-untyped]

    before = (bundled / PO).read_bytes()
    xlf = exported(bundled, tmp_path / "x")
    text = as_2_0(xlf).replace(
        KICKER, '<target><mrk id="m1" type="term">ข้อมูลสำหรับผู้ป่วย</mrk></target>'
    )
    target = tmp_path / "a.xlf"
    target.write_text(text, encoding="utf-8")
    tree = etree.parse(str(target), etree.XMLParser(remove_blank_text=True))
    formatted = etree.tostring(tree, pretty_print=True, xml_declaration=True, encoding="utf-8")
    assert re.search(rb"<target>\n\s+<mrk", formatted)
    code, output = imported(bundled, target, formatted.decode("utf-8"))
    assert code == 0 and " 0 changed, 63 unchanged" in output, output
    assert (bundled / PO).read_bytes() == before


def test_bold_in_xliff_2_is_the_leaflets_markup_and_a_locked_unit_is_left_out(
    bundled: Path, tmp_path: Path
) -> None:
    """A ``<pc subType="xlf:b">`` a tool made of the English's ``**…**`` is that markup
    again (the catalog unchanged); a unit marked ``translate="no"`` is not imported."""
    before = (bundled / PO).read_bytes()
    xlf = exported(bundled, tmp_path / "x")
    text = as_2_0(xlf)
    bold = "**การตรวจคัดกรองความเข้ากันได้กับเลือด**"
    assert f"<target>{bold}" in text
    text = text.replace(
        f"<target>{bold}",
        '<target><pc id="1" type="fmt" subType="xlf:b">การตรวจคัดกรองความเข้ากันได้กับเลือด</pc>',
    )
    unit = re.search(r'<unit id="\w+" name="kicker"', text)
    assert unit is not None
    text = text.replace(unit[0], unit[0] + ' translate="no"').replace(
        KICKER, "<target>Patient information</target>"
    )
    code, output = imported(bundled, tmp_path / "a.xlf", text)
    assert code == 0 and " 0 changed" in output, output
    assert '  left out  kicker (translate="no")' in output
    assert (bundled / PO).read_bytes() == before


def test_nothing_a_translator_wrote_is_lost_through_xliff_2(bundled: Path, tmp_path: Path) -> None:
    """A fuzzy entry with its flags, comment and earlier English, a plural entry and an
    obsolete one come back byte for byte from a 2.0 file; a translator's note on the
    edited unit is kept as a comment, the fuzzy one confirmed only when it says so."""
    po = bundled / PO
    po.write_text(po.read_text("utf-8") + KEPT, encoding="utf-8")
    before = po.read_bytes()
    xlf = exported(bundled, tmp_path / "x")
    text = as_2_0(xlf)
    assert "ข้อมูลสำหรับผู้ป่วยทุกคน</target></segment>" in text
    code, output = imported(bundled, tmp_path / "a.xlf", text)
    assert code == 0 and " 0 changed" in output, output
    assert po.read_bytes() == before
    unit = re.search(r'<unit id="\w+" name="kicker">', text)
    assert unit is not None
    noted = text.replace(unit[0], unit[0] + "<notes><note>Shorter, as agreed.</note></notes>", 1)
    noted = noted.replace(KICKER, "<target>ข้อมูลผู้ป่วย</target>")
    code, output = imported(bundled, tmp_path / "a.xlf", noted)
    assert code == 0 and " 1 changed" in output, output
    old, new = before.decode().splitlines(), po.read_text("utf-8").splitlines()
    assert [line for line in old if line not in new] == ['msgstr "ข้อมูลสำหรับผู้ป่วย"']
    assert [line for line in new if line not in old] == [
        "# Shorter, as agreed.",
        'msgstr "ข้อมูลผู้ป่วย"',
    ]


@pytest.mark.parametrize("locale", ["th", "ja"])
def test_segments_with_no_ignorable_between_join_as_the_language_spaces_sentences(
    tmp_path: Path, locale: str
) -> None:
    """A tool that leaves out the ``<ignorable>`` space between two sentences: the
    English joined as "vein.This", matched no entry, and the translation was kept as
    obsolete, "source changed since the export". Joined with a space in English and
    Thai, with none in Japanese, the catalog comes back unchanged."""
    if locale == "th":
        root, domain, context, pieces = copy_bundled(tmp_path), "infusion-safety", "lede", LEDE
    else:
        root = tmp_path / "p"
        shutil.copytree(Path(__file__).parent / "fixtures" / "languages", root)
        domain, context = "after-your-infusion", "disclaimer"
        pieces = [
            "このリーフレットは一般的な情報です。",
            "ご自身の医師の診察に代わるものではありません。",
        ]
    code, output = invoke("i18n", "export", "-l", locale, "-o", str(tmp_path / "x"),
                          "--project", str(root))  # fmt: skip
    assert code == 0, output
    po = root / "locales" / locale / "LC_MESSAGES" / f"{domain}.po"
    before = po.read_bytes()
    text = as_2_0(tmp_path / "x" / f"{domain}.{locale}.xlf", {context: pieces}, ignorables=False)
    assert "</segment><segment" in text.replace("\n", "")
    code, output = imported(root, tmp_path / "a.xlf", text)
    assert code == 0 and " 0 changed" in output and "obsolete  " not in output, output
    assert po.read_bytes() == before
