"""XLIFF units as CAT tools write them back: segmented into sentences and laid out on
lines (memoQ, Trados, Okapi), or marked not to translate (``translate="no"``)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from i18n_support import copy_bundled, invoke
from msc_leaflet.i18n.pofile import read_po

FIXTURE = Path(__file__).parent / "fixtures" / "languages"


def exported(tmp_path: Path, locale: str, domain: str) -> tuple[Path, Path, Path]:
    """A project (the bundled one for th, else the languages fixture), its catalog of
    ``domain`` in ``locale``, and that catalog exported to XLIFF."""
    if locale == "th":
        project = copy_bundled(tmp_path)
    else:
        project = tmp_path / "p"
        shutil.copytree(FIXTURE, project)
    code, output = invoke("i18n", "export", "-l", locale, "-o", str(tmp_path / "x"),
                          "--project", str(project))  # fmt: skip
    assert code == 0, output
    po = project / "locales" / locale / "LC_MESSAGES" / f"{domain}.po"
    return project, po, tmp_path / "x" / f"{domain}.{locale}.xlf"


def segmented(text: str, context: str, sentences: list[tuple[str, str]], layout: str) -> str:
    """``text`` with the unit ``context`` split into ``sentences`` (English, translation)
    as memoQ and Trados write it: ``<seg-source>`` and a ``<target>`` of ``<mrk
    mtype="seg">``, one segment a line indented by ``layout`` ("" for none: one line)."""
    unit = re.search(
        rf'<trans-unit id="{re.escape(context)}".*?</source>\s*<target[^>]*>.*?</target>',
        text,
        re.S,
    )
    assert unit is not None
    head = unit[0][: unit[0].index("<target")]
    nl = f"\n{layout}" if layout else ""

    def marks(side: int) -> str:
        between = nl if layout else " "  # on one line, the space between two sentences
        return between.join(
            f'<mrk mtype="seg" mid="{n}">{pair[side]}</mrk>' for n, pair in enumerate(sentences, 1)
        )

    seg_source = f"<seg-source>{nl}{marks(0)}{nl}</seg-source>"
    target = f'<target state="translated">{nl}{marks(1)}{nl}</target>'
    return text.replace(unit[0], f"{head}{seg_source}\n{target}")


def imported(xlf: Path, project: Path, text: str) -> str:
    xlf.write_text(text, encoding="utf-8")
    code, output = invoke("i18n", "import", str(xlf), "--project", str(project))
    assert code == 0 and "Traceback" not in output, output
    return output


THAI_LEDE = [
    (
        "Some clinics give mesenchymal stromal cells (MSCs) through a drip into a vein.",
        "บางคลินิกให้เซลล์สโตรมัลชนิดมีเซนไคม์ (mesenchymal stromal cells; MSCs) เข้าหลอดเลือดดำผ่านสายน้ำเกลือ",
    ),
    (
        "This leaflet explains the main risks of this route, the checks that lower them, "
        "and the warning signs to watch for afterwards.",
        "เอกสารนี้อธิบายความเสี่ยงหลักของการให้เซลล์ด้วยวิธีนี้ การตรวจที่ช่วยลดความเสี่ยง"
        "เหล่านั้น และอาการเตือนที่ต้องเฝ้าระวังหลังได้รับเซลล์",
    ),
]


@pytest.mark.parametrize("layout", ["", "  ", "          ", "\t"])
def test_a_segmented_unit_laid_out_on_lines_imports_as_its_text(
    tmp_path: Path, layout: str
) -> None:
    """A tool that writes one ``<mrk>`` a line (memoQ, Okapi) had every segmented target
    refused as "begins with a line break", which no translator typed. The layout is
    read as what stands between the English's sentences: the catalog is unchanged."""
    project, po, xlf = exported(tmp_path, "th", "infusion-safety")
    before = po.read_bytes()
    text = segmented(xlf.read_text(encoding="utf-8"), "lede", THAI_LEDE, layout)
    assert ('<target state="translated">\n' in text) == bool(layout)
    output = imported(xlf, project, text)
    assert "0 changed, 63 unchanged" in output and po.read_bytes() == before
    # a sentence the agency edited comes in between the same two spaces
    edited = [THAI_LEDE[0], (THAI_LEDE[1][0], THAI_LEDE[1][1].replace("เอกสารนี้", "เอกสารฉบับนี้"))]
    output = imported(xlf, project, segmented(xlf.read_text("utf-8"), "lede", edited, layout))
    assert "  changed   lede" in output
    [lede] = [e for e in read_po(po).active if e.msgctxt == "lede"]
    assert lede.msgstr == f"{edited[0][1]} {edited[1][1]}"


def test_indentation_inside_a_segment_is_no_text(tmp_path: Path) -> None:
    """Trados and Okapi may indent a segment's own text (``<mrk …>⏎    text⏎  </mrk>``)."""
    project, po, xlf = exported(tmp_path, "th", "infusion-safety")
    before = po.read_bytes()
    indented = [(f"\n      {en}\n    ", f"\n      {th}\n    ") for en, th in THAI_LEDE]
    output = imported(xlf, project, segmented(xlf.read_text("utf-8"), "lede", indented, "    "))
    assert "0 changed, 63 unchanged" in output and po.read_bytes() == before


def test_japanese_sentences_laid_out_on_lines_join_without_a_space(tmp_path: Path) -> None:
    """Japanese puts no space between sentences: the layout between two segments is no
    space there, as the catalog has it, where in Thai it is one."""
    project, po, xlf = exported(tmp_path, "ja", "after-your-infusion")
    before = po.read_bytes()
    sentences = [
        (
            "This leaflet is general information only.",
            "このリーフレットは一般的な情報です。",
        ),
        (
            "It does not replace a consultation with your own doctor.",
            "ご自身の医師の診察に代わるものではありません。",
        ),
    ]
    text = segmented(xlf.read_text("utf-8"), "disclaimer", sentences, "  ")
    output = imported(xlf, project, text)
    assert " 0 changed" in output and po.read_bytes() == before, output


def test_a_line_break_a_translator_typed_inside_a_thai_segment_is_still_refused(
    tmp_path: Path,
) -> None:
    """Only the layout around a segment's text is dropped; a break inside it would
    print as a space no one typed in Thai, and is named at its line."""
    project, po, xlf = exported(tmp_path, "th", "infusion-safety")
    before = po.read_bytes()
    broken = [THAI_LEDE[0], (THAI_LEDE[1][0], THAI_LEDE[1][1].replace(" การตรวจ", "\nการตรวจ"))]
    xlf.write_text(segmented(xlf.read_text("utf-8"), "lede", broken, "  "), "utf-8")
    code, output = invoke("i18n", "import", str(xlf), "--project", str(project))
    assert code == 1 and "Traceback" not in output, output
    assert "unit 'lede': the translation breaks over lines" in output
    assert po.read_bytes() == before


KICKER_UNIT = '<trans-unit id="kicker" xml:space="preserve" resname="kicker">'
KICKER = '<target state="translated">ข้อมูลสำหรับผู้ป่วย</target>'
TITLE = '<target state="translated">ความปลอดภัยของ MSC ที่ให้ทางหลอดเลือดดำ</target>'


def _edited(text: str) -> str:
    """``text`` with new translations of the kicker and the title, and a note on each."""
    note = "<note>Checked by Lan.</note>"
    text = text.replace(KICKER, '<target state="translated">ข้อมูลผู้ป่วย</target>' + note)
    return text.replace(TITLE, '<target state="translated">ความปลอดภัยของ MSC</target>' + note)


@pytest.mark.parametrize("value", ["no", "NO"])
def test_a_unit_marked_translate_no_is_not_imported(tmp_path: Path, value: str) -> None:
    """XLIFF 1.2: a unit with translate="no" is not to be translated; its target (a
    copy of the English a tool made, a locked text) was imported as a translation and
    printed. It is left out, and said so."""
    project, po, xlf = exported(tmp_path, "th", "infusion-safety")
    text = _edited(xlf.read_text("utf-8"))
    text = text.replace(KICKER_UNIT, KICKER_UNIT.replace(">", f' translate="{value}">'))
    output = imported(xlf, project, text)
    assert "1 changed" in output and "  changed   title" in output, output
    assert '  left out  kicker (translate="no")' in output
    entries = {e.msgctxt: e for e in read_po(po).active}
    assert entries["kicker"].msgstr == "ข้อมูลสำหรับผู้ป่วย" and entries["kicker"].comments == []
    assert entries["title"].msgstr == "ความปลอดภัยของ MSC"


def test_translate_no_on_a_group_holds_for_its_units(tmp_path: Path) -> None:
    """A tool locks a group of units at once; a unit inside may say translate="yes"."""
    project, po, xlf = exported(tmp_path, "th", "infusion-safety")
    text = _edited(xlf.read_text("utf-8"))
    body = text[text.index("<body>") + len("<body>") : text.index("</body>")]
    title = body.index('<trans-unit id="title"')
    text = text.replace(
        body, f'<group translate="no">{body[:title]}</group><group>{body[title:]}</group>'
    )
    output = imported(xlf, project, text)
    assert '  left out  kicker (translate="no")' in output and "  changed   title" in output
    text = text.replace(KICKER_UNIT, KICKER_UNIT.replace(">", ' translate="yes">'))
    output = imported(xlf, project, text)
    assert "  changed   kicker" in output and "left out" not in output, output
    assert {e.msgctxt: e.msgstr for e in read_po(po).active}["kicker"] == "ข้อมูลผู้ป่วย"


def test_a_translate_value_xliff_lacks_is_refused_at_its_line(tmp_path: Path) -> None:
    project, po, xlf = exported(tmp_path, "th", "infusion-safety")
    before = po.read_bytes()
    text = xlf.read_text("utf-8")
    line = text[: text.index(KICKER_UNIT)].count("\n") + 1
    xlf.write_text(text.replace(KICKER_UNIT, KICKER_UNIT.replace(">", ' translate="false">')))
    code, output = invoke("i18n", "import", str(xlf), "--project", str(project))
    assert code == 1 and "Traceback" not in output, output
    assert f"{xlf}:{line}: error: <trans-unit> 'kicker': translate='false'" in output
    assert "neither yes nor no" in output and po.read_bytes() == before


def test_export_writes_every_unit_translatable() -> None:
    """Every entry export writes is for the translator (plural ones stay in the .po):
    no unit says translate="no", which a CAT tool would lock."""
    from msc_leaflet.i18n.catalog import Catalog, Entry
    from msc_leaflet.i18n.xliff_export import catalog_xliff

    catalog = Catalog(entries=[Entry("Patient information", msgctxt="kicker")])
    catalog.path = Path("locales/th/LC_MESSAGES/infusion-safety.po")
    text = catalog_xliff(catalog, "locales/th/LC_MESSAGES/infusion-safety.po", "en").decode()
    assert "<trans-unit" in text and "translate=" not in text


@pytest.mark.parametrize(
    ("unit", "said"),
    [
        (KICKER_UNIT.replace('resname="kicker"', 'resname="kick&#10;er"'), "a line break"),
        (KICKER_UNIT.replace('resname="kicker"', 'resname="kick&#x85;er"'), "control character"),
        (KICKER_UNIT.replace('resname="kicker"', f'resname="{"k" * 100_000}"'), "100000 char"),
        ("<trans-unit>", "a <trans-unit> has neither id nor resname"),
        ('<trans-unit id="" resname="">', "a <trans-unit> has neither id nor resname"),
    ],
    ids=["newline", "c1-control", "100k", "no-id", "empty-id"],
)
def test_a_unit_whose_id_no_export_writes_is_refused_at_its_line(
    tmp_path: Path, unit: str, said: str
) -> None:
    """A unit whose resname names no entry is kept as an obsolete entry under it (a
    block renamed since the export); one no export can have written put a tool's
    garbage, or 100,000 characters, into the catalog as a msgctxt, and one with no
    id nor resname an obsolete entry of no context."""
    project, po, xlf = exported(tmp_path, "th", "infusion-safety")
    before = po.read_bytes()
    text = xlf.read_text("utf-8")
    start = text[: text.index(KICKER_UNIT)].count("\n") + 1
    xlf.write_text(text.replace(KICKER_UNIT, unit), encoding="utf-8")
    code, output = invoke("i18n", "import", str(xlf), "--project", str(project))
    assert code == 1 and "Traceback" not in output, output
    assert said in output and po.read_bytes() == before
    line = int(output.split(":")[1])
    assert start <= line <= start + 2, output  # the unit's, or its target's


def test_a_unit_renamed_since_the_export_is_still_kept_as_obsolete(tmp_path: Path) -> None:
    """An unknown resname a block's id could be is not refused: its translation stays."""
    project, po, xlf = exported(tmp_path, "th", "infusion-safety")
    text = xlf.read_text("utf-8")
    renamed = KICKER_UNIT.replace('resname="kicker"', 'resname="eyebrow"').replace(
        'id="kicker"', 'id="eyebrow"'
    )
    output = imported(xlf, project, text.replace(KICKER_UNIT, renamed))
    assert "1 kept as obsolete" in output and "  obsolete  eyebrow" in output
    [kept] = read_po(po).obsolete
    assert (kept.msgctxt, kept.msgstr) == ("eyebrow", "ข้อมูลสำหรับผู้ป่วย")


@pytest.mark.parametrize("locale", ["th", "ja"])
def test_a_segmented_file_re_indented_by_an_xml_formatter_imports_unchanged(
    tmp_path: Path, locale: str
) -> None:
    """libxml2's formatter (``xmllint --format``; here lxml, which is libxml2) drops the
    blanks between elements and indents every element holding only elements: a
    ``<target>`` of ``<mrk>`` segments gets a line a segment, its space between
    sentences gone, where the units do not say ``xml:space="preserve"`` (export does;
    a tool that writes its own file may not). It imports as the catalog has it, in Thai
    and in Japanese."""
    from lxml import etree  # type: ignore[import-untyped]

    domain, context = ("infusion-safety", "lede") if locale == "th" else (
        "after-your-infusion", "disclaimer"
    )  # fmt: skip
    project, po, xlf = exported(tmp_path, locale, domain)
    before = po.read_bytes()
    entry = next(e for e in read_po(po).active if e.msgctxt == context)
    english = entry.msgid.split(". ", 1)
    english[0] += "."
    cut = entry.msgstr.index("เอกสารนี้" if locale == "th" else "ご自身")
    sentences = list(zip(english, [entry.msgstr[:cut].rstrip(), entry.msgstr[cut:]], strict=True))
    text = segmented(xlf.read_text("utf-8"), context, sentences, "")
    xlf.write_text(text.replace(' xml:space="preserve"', ""), "utf-8")  # as a tool writes it
    tree = etree.parse(str(xlf), etree.XMLParser(remove_blank_text=True))
    xlf.write_bytes(etree.tostring(tree, pretty_print=True, xml_declaration=True, encoding="utf-8"))
    assert re.search(r"<target[^>]*>\n\s+<mrk", xlf.read_text("utf-8"))
    code, output = invoke("i18n", "import", str(xlf), "--project", str(project))
    assert code == 0 and " 0 changed" in output, output
    assert po.read_bytes() == before


def test_every_bundled_export_re_indented_by_an_xml_formatter_imports_unchanged(
    tmp_path: Path,
) -> None:
    """libxml2's formatter over whole files without ``xml:space="preserve"``: it
    re-indents every unit and leaves each text element's content alone, so every
    catalog, in every script, comes back byte for byte."""
    from lxml import etree  # type: ignore[import-untyped]

    project = copy_bundled(tmp_path)
    before = {p: p.read_bytes() for p in (project / "locales").rglob("*.po")}
    files: list[str] = []
    for locale in sorted(p.name for p in (project / "locales").iterdir() if p.is_dir()):
        out = tmp_path / "x" / locale
        code, output = invoke("i18n", "export", "-l", locale, "-o", str(out),
                              "--project", str(project))  # fmt: skip
        assert code == 0, output
        for xlf in sorted(out.glob("*.xlf")):
            xlf.write_text(xlf.read_text("utf-8").replace(' xml:space="preserve"', ""), "utf-8")
            tree = etree.parse(str(xlf), etree.XMLParser(remove_blank_text=True))
            formatted = etree.tostring(tree, pretty_print=True, encoding="utf-8")
            xlf.write_bytes(formatted)
            files.append(str(xlf))
    code, output = invoke("i18n", "import", *files, "--project", str(project))
    assert code == 0 and output.count(" 0 changed") == len(files), output
    assert {p: p.read_bytes() for p in (project / "locales").rglob("*.po")} == before


# --- a target of inline elements only, laid out by a formatter ------------------------


def _wrapped(text: str, context: str, source: str, target: str) -> str:
    """``text`` with unit ``context``'s source and target replaced by ``source`` and
    ``target`` (inline markup), its ``xml:space="preserve"`` dropped as tools that write
    their own file drop it, so a formatter lays its elements out."""
    unit = re.search(rf'<trans-unit id="{re.escape(context)}".*?</target>', text, re.S)
    assert unit is not None
    new = re.sub(
        r"<source>.*?</source>",
        lambda _: f"<source>{source}</source>",
        unit[0],
        count=1,
        flags=re.S,
    )
    new = re.sub(
        r"(<target[^>]*>).*?</target>",
        lambda m: f"{m[1]}{target}</target>",
        new,
        count=1,
        flags=re.S,
    )
    return text.replace(unit[0], new).replace(' xml:space="preserve"', "")


def _libxml2(path: Path) -> None:
    """``xmllint --format`` (libxml2, here through lxml): blanks between elements
    dropped, every element holding only elements indented one child a line."""
    from lxml import etree  # type: ignore[import-untyped]

    tree = etree.parse(str(path), etree.XMLParser(remove_blank_text=True))
    path.write_bytes(
        etree.tostring(tree, pretty_print=True, xml_declaration=True, encoding="utf-8")
    )


def _elementtree(path: Path) -> None:
    """Python's own ``ElementTree.indent``, as scripts around CAT tools use it: the
    whitespace-only text of every element holding elements replaced by indentation."""
    import xml.etree.ElementTree as ET

    tree = ET.parse(path)
    ET.indent(tree, "    ")
    tree.write(path, encoding="utf-8", xml_declaration=True)


def _windows_tabs(path: Path) -> None:
    """A Windows tool's layout: tabs, CRLF line ends, around each inline element of a
    target or source that holds only elements."""
    text = path.read_text("utf-8")
    text = re.sub(r"(<(?:source|target)[^>]*>)(<mrk)", "\\1\r\n\t\t\t\t\\2", text)
    text = re.sub(r"(</mrk>)(</(?:source|target)>)", "\\1\r\n\t\t\t\\2", text)
    text = re.sub(r"(</mrk>)\s*(<mrk)", "\\1\r\n\t\t\t\t\\2", text)
    path.write_bytes(text.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8"))


FORMATTERS = {"xmllint": _libxml2, "ElementTree.indent": _elementtree, "tabs+CRLF": _windows_tabs}
COMMENT = '<mrk mtype="x-sdl-comment" sdl-cid="c1">{}</mrk>'  # Trados: a comment on a text
TERMS = '<mrk mtype="term">{}</mrk> <mrk mtype="term">{}</mrk>'  # two terms, a space between


@pytest.mark.parametrize("formatter", FORMATTERS)
def test_a_target_of_one_inline_element_laid_out_by_a_formatter_imports_as_its_text(
    tmp_path: Path, formatter: str
) -> None:
    """A target (and source) that is one ``<mrk>`` a tool wrapped the text in, which a
    formatter put on a line of its own, was refused as beginning with a line break no
    one typed, and its source, read with the layout, matched no entry: the translation
    was kept as obsolete. The layout is no text: the catalog comes back unchanged."""
    project, po, xlf = exported(tmp_path, "th", "infusion-safety")
    before = po.read_bytes()
    text = _wrapped(xlf.read_text("utf-8"), "kicker", COMMENT.format("Patient information"),
                    COMMENT.format("ข้อมูลสำหรับผู้ป่วย"))  # fmt: skip
    xlf.write_text(text, "utf-8")
    FORMATTERS[formatter](xlf)
    assert re.search(r"<target[^>]*>\r?\n\s+<(?:\w+:)?mrk", xlf.read_text("utf-8"))
    code, output = invoke("i18n", "import", str(xlf), "--project", str(project))
    assert code == 0 and "0 changed, 63 unchanged, 0 kept as obsolete" in output, output
    assert po.read_bytes() == before


@pytest.mark.parametrize("formatter", FORMATTERS)
def test_two_inline_elements_laid_out_on_lines_keep_the_space_between_words(
    tmp_path: Path, formatter: str
) -> None:
    """Vietnamese spaces its words: the line a formatter put between two marked terms,
    in place of the space between them, is read as that space."""
    project, po, xlf = exported(tmp_path, "vi", "after-your-infusion")
    before = po.read_bytes()
    text = _wrapped(xlf.read_text("utf-8"), "kicker", TERMS.format("Patient", "information"),
                    TERMS.format("Thông tin", "cho người bệnh"))  # fmt: skip
    xlf.write_text(text, "utf-8")
    FORMATTERS[formatter](xlf)
    assert re.search(r"</(?:\w+:)?mrk>\r?\n\s+<(?:\w+:)?mrk", xlf.read_text("utf-8"))
    code, output = invoke("i18n", "import", str(xlf), "--project", str(project))
    assert code == 0 and " 0 changed" in output, output
    assert po.read_bytes() == before


def test_two_inline_elements_laid_out_on_lines_in_thai_are_refused_not_guessed(
    tmp_path: Path,
) -> None:
    """Thai puts no space between words: whether one stood between two marked phrases
    before a formatter took it, no import can tell, and a wrong guess prints a phrase
    break no one typed, or joins two phrases. Refused at its line, saying what to do."""
    project, po, xlf = exported(tmp_path, "th", "infusion-safety")
    before = po.read_bytes()
    text = _wrapped(xlf.read_text("utf-8"), "kicker", TERMS.format("Patient", "information"),
                    TERMS.format("ข้อมูล", "สำหรับผู้ป่วย"))  # fmt: skip
    xlf.write_text(text, "utf-8")
    _libxml2(xlf)
    code, output = invoke("i18n", "import", str(xlf), "--project", str(project))
    assert code == 1 and "Traceback" not in output, output
    assert "unit 'kicker': the translation breaks over lines" in output
    assert "export without re-indenting" in output and po.read_bytes() == before


def test_spaces_a_translator_wrote_between_and_around_inline_elements_stay(
    tmp_path: Path,
) -> None:
    """Whitespace without a line break is text, not layout: a space the translator put
    between two marked phrases is in the catalog, and one before the first is still
    refused as whitespace the English lacks, not dropped unseen."""
    project, po, xlf = exported(tmp_path, "th", "infusion-safety")
    english = TERMS.format("Patient", "information")
    text = xlf.read_text("utf-8")
    output = imported(xlf, project, _wrapped(text, "kicker", english,
                                             TERMS.format("ข้อมูล", "สำหรับผู้ป่วย")))  # fmt: skip
    assert "  changed   kicker" in output
    [kicker] = [e for e in read_po(po).active if e.msgctxt == "kicker"]
    assert kicker.msgstr == "ข้อมูล สำหรับผู้ป่วย"
    before = po.read_bytes()
    xlf.write_text(_wrapped(text, "kicker", english, " " + COMMENT.format("ข้อมูล")), "utf-8")
    code, output = invoke("i18n", "import", str(xlf), "--project", str(project))
    assert code == 1 and "unit 'kicker': the translation begins with 1 space(s)" in output
    assert po.read_bytes() == before
