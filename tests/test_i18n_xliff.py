"""XLIFF for translation agencies: export, import, and nothing lost on the way (#19)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from i18n_support import copy_bundled, invoke
from msc_leaflet.i18n.pofile import read_po


@pytest.fixture
def bundled(tmp_path: Path) -> Path:
    return copy_bundled(tmp_path)


def export(root: Path, out: Path) -> None:
    code, output = invoke("i18n", "export", "-l", "th", "--format", "xliff", "-o", str(out),
                          "--project", str(root))  # fmt: skip
    assert code == 0, output


def catalogs(root: Path) -> dict[str, bytes]:
    folder = root / "locales" / "th" / "LC_MESSAGES"
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.po"))}


def test_round_trip_is_byte_identical_on_every_bundled_catalog(
    bundled: Path, tmp_path: Path
) -> None:
    before = catalogs(bundled)
    export(bundled, tmp_path / "x")
    files = sorted((tmp_path / "x").glob("*.xlf"))
    assert [f.name for f in files] == [n.replace(".po", ".th.xlf") for n in before]
    code, output = invoke("i18n", "import", *map(str, files), "--project", str(bundled))
    assert code == 0, output
    assert catalogs(bundled) == before
    assert output.count("0 changed") == len(before)


def test_xliff_keeps_context_notes_references_and_state(bundled: Path, tmp_path: Path) -> None:
    export(bundled, tmp_path / "x")
    text = (tmp_path / "x" / "infusion-safety.th.xlf").read_text(encoding="utf-8")
    assert '<trans-unit id="kicker" xml:space="preserve" resname="kicker">' in text
    assert '<target state="translated">ข้อมูลสำหรับผู้ป่วย</target>' in text
    assert '<note from="developer">Small line above the title.</note>' in text
    assert '<context context-type="sourcefile">leaflets/infusion-safety.yaml</context>' in text
    assert 'target-language="th"' in text and 'original="locales/th/LC_MESSAGES/' in text


@pytest.mark.parametrize(
    ("locale", "header", "tag"),
    [
        ("zh_Hant", "zh_Hant", "zh-Hant"),  # the bundled Traditional ui catalog
        ("pt_BR", "pt_BR", "pt-BR"),
        ("th", "th_TH", "th-TH"),  # a Crowdin export's header, in locales/th
    ],
)
def test_export_names_the_language_in_bcp_47_and_imports_back_unchanged(
    bundled: Path, tmp_path: Path, locale: str, header: str, tag: str
) -> None:
    # XLIFF's source-language and target-language are BCP 47 tags; export wrote
    # gettext's spelling, target-language="zh_Hant" or "pt_BR", which no BCP 47 reader
    # (a CAT tool matching its project's languages) takes for Traditional Chinese or
    # Brazilian Portuguese.
    if locale != "th":
        assert invoke("i18n", "init", locale, "--project", str(bundled))[0] == 0
    folder = bundled / "locales" / locale / "LC_MESSAGES"
    for po in folder.glob("*.po"):
        text = po.read_text("utf-8")
        po.write_text(text.replace(f"Language: {locale}\\n", f"Language: {header}\\n"), "utf-8")
    before = {p.name: p.read_bytes() for p in sorted(folder.glob("*.po"))}
    out = tmp_path / "x"
    code, output = invoke("i18n", "export", "-l", locale, "-o", str(out), "--project", str(bundled))
    assert code == 0, output
    files = sorted(out.glob("*.xlf"))
    assert files
    for xlf in files:
        text = xlf.read_text(encoding="utf-8")
        assert f'source-language="en" target-language="{tag}"' in text, xlf.name
    code, output = invoke("i18n", "import", *map(str, files), "--project", str(bundled))
    assert code == 0, output
    assert {p.name: p.read_bytes() for p in sorted(folder.glob("*.po"))} == before


def test_agency_edits_are_merged_and_reported(bundled: Path, tmp_path: Path) -> None:
    export(bundled, tmp_path / "x")
    xlf = tmp_path / "x" / "infusion-safety.th.xlf"
    text = xlf.read_text(encoding="utf-8")
    # A new translation marked for review, and an emptied target, which must not erase.
    text = text.replace(
        '<target state="translated">ข้อมูลสำหรับผู้ป่วย</target>',
        '<target state="needs-review-translation">ข้อมูลผู้ป่วย</target>',
    )
    text = text.replace(
        '<target state="translated">ความปลอดภัยของ MSC ที่ให้ทางหลอดเลือดดำ</target>',
        '<target state="new"></target>',
    )
    # A unit whose English changed since the export: its translation is kept as obsolete.
    text = text.replace(
        "<source>What to know before and after cells are given into a vein</source>",
        "<source>What to know before cells are given</source>",
    )
    xlf.write_text(text, encoding="utf-8")
    code, output = invoke("i18n", "import", str(xlf), "-l", "th", "--project", str(bundled))
    assert code == 0, output
    assert "1 changed" in output and "1 kept as obsolete" in output
    assert "  changed   kicker" in output and "  obsolete  subtitle" in output
    po = read_po(bundled / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po")
    entries = {e.msgctxt: e for e in po.active}
    assert entries["kicker"].msgstr == "ข้อมูลผู้ป่วย" and entries["kicker"].fuzzy
    assert entries["title"].msgstr == "ความปลอดภัยของ MSC ที่ให้ทางหลอดเลือดดำ"
    assert not entries["title"].fuzzy
    [kept] = po.obsolete
    assert kept.msgid == "What to know before cells are given"
    assert kept.msgstr == "สิ่งที่ควรรู้ก่อนและหลังได้รับเซลล์ทางหลอดเลือดดำ"


def test_a_translator_note_of_several_lines_becomes_comment_lines(
    bundled: Path, tmp_path: Path
) -> None:
    export(bundled, tmp_path / "x")
    xlf = tmp_path / "x" / "infusion-safety.th.xlf"
    target = '<target state="translated">ข้อมูลสำหรับผู้ป่วย</target>'
    # (the blank lines a CAT tool indents a note with are no part of it)
    lines = '\n  \nChecked by Lan.\nmsgid "injected"\r\nKeep it short.\n    '
    note = f'<note from="translator">{lines}</note>'
    text = xlf.read_text(encoding="utf-8")
    xlf.write_text(text.replace(target, target + note, 1), encoding="utf-8")
    code, output = invoke("i18n", "import", str(xlf), "--project", str(bundled))
    assert code == 0 and "  changed   kicker" in output, output
    po = bundled / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
    entries = {e.msgctxt: e for e in read_po(po).active}
    assert entries["kicker"].comments == ["Checked by Lan.", 'msgid "injected"', "Keep it short."]
    assert "injected" not in [e.msgid for e in read_po(po).entries]
    before = po.read_bytes()
    code, output = invoke("i18n", "import", str(xlf), "--project", str(bundled))
    assert code == 0 and "0 changed" in output and "  changed" not in output, output
    assert po.read_bytes() == before


def test_importing_the_same_file_again_changes_nothing(bundled: Path, tmp_path: Path) -> None:
    """A unit whose source changed is kept once as ``#~``: a second import must not add it
    again (msgfmt rejects two entries with one context and text, even obsolete ones)."""
    export(bundled, tmp_path / "x")
    xlf = tmp_path / "x" / "infusion-safety.th.xlf"
    source = "<source>What to know before and after cells are given into a vein</source>"
    text = xlf.read_text(encoding="utf-8").replace(source, "<source>Changed source</source>")
    xlf.write_text(text, encoding="utf-8")
    code, output = invoke("i18n", "import", str(xlf), "--project", str(bundled))
    assert code == 0 and "1 kept as obsolete" in output, output
    po = bundled / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
    once = po.read_bytes()
    code, output = invoke("i18n", "import", str(xlf), "--project", str(bundled))
    assert code == 0 and "0 kept as obsolete" in output, output
    assert po.read_bytes() == once
    # A later file with another translation of that unit updates the one #~ entry.
    xlf.write_text(text.replace("สิ่งที่ควรรู้ก่อนและหลัง", "ใหม่ "), encoding="utf-8")
    code, output = invoke("i18n", "import", str(xlf), "--project", str(bundled))
    assert code == 0 and "1 kept as obsolete" in output, output
    [kept] = [e for e in read_po(po).obsolete if e.msgid == "Changed source"]
    assert kept.msgstr.startswith("ใหม่ ")
    assert "earlier translation: สิ่งที่ควรรู้ก่อนและหลังได้รับเซลล์ทางหลอดเลือดดำ" in kept.comments


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="GNU gettext msgfmt is not on PATH")
def test_import_writes_a_header_msgfmt_accepts(bundled: Path, tmp_path: Path) -> None:
    export(bundled, tmp_path / "x")
    po = bundled / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
    text = po.read_text(encoding="utf-8")
    po.write_text(text[text.index("\n\n") + 2 :], encoding="utf-8")  # no header
    xlf = tmp_path / "x" / "infusion-safety.th.xlf"
    code, output = invoke("i18n", "import", str(xlf), "--project", str(bundled))
    assert code == 0, output
    run = subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(po)], capture_output=True)
    assert run.returncode == 0 and run.stderr == b""
    assert read_po(po).header["Language"] == "th"


@pytest.mark.parametrize(
    ("edited", "which", "said"),
    [
        ("ข้อมูลสำหรับผู้ป่วย\n", "ends", "a line break"),
        ("\nข้อมูลสำหรับผู้ป่วย", "begins", "a line break"),
        # a space a CAT tool left: check refused the catalog the import wrote (I18N009)
        (" ข้อมูลสำหรับผู้ป่วย", "begins", "1 space(s)"),
        ("ข้อมูลสำหรับผู้ป่วย\u00a0", "ends", "1 space(s)"),
    ],
    ids=["trailing-line-break", "leading-line-break", "leading-space", "trailing-nbsp"],
)
def test_a_target_with_whitespace_at_an_end_its_source_lacks_is_refused(
    bundled: Path, tmp_path: Path, edited: str, which: str, said: str
) -> None:
    """A CAT tool that leaves a line break at the start or end of a target: the import
    wrote it into the .po, and GNU msgfmt (and so Poedit, Weblate, msgmerge's users)
    refused the catalog the import had just written. Now the file is refused, naming the
    unit, its line in the XLIFF file and what to do, and no catalog changes."""
    export(bundled, tmp_path / "x")
    xlf = tmp_path / "x" / "infusion-safety.th.xlf"
    text = xlf.read_text(encoding="utf-8")
    target = '<target state="translated">ข้อมูลสำหรับผู้ป่วย</target>'
    line = text[: text.index(target)].count("\n") + 1
    xlf.write_text(
        text.replace(target, f'<target state="translated">{edited}</target>'), encoding="utf-8"
    )
    before = catalogs(bundled)
    code, output = invoke("i18n", "import", str(xlf), "--project", str(bundled))
    assert code == 1, output
    first = output.splitlines()[0]
    assert first.startswith(f"{xlf}:{line}: error: "), output
    assert "kicker" in first and f"{which} with {said}" in first
    assert "no catalog was changed" in output and "Traceback" not in output
    assert catalogs(bundled) == before


def test_a_unit_for_a_plural_entry_is_refused(bundled: Path, tmp_path: Path) -> None:
    """A unit matching a plural entry (`export` leaves plurals out, so the file was made
    by hand or by another tool): its target went into the singular msgstr, which a plural
    entry never writes, and the translation was dropped while reported as changed."""
    export(bundled, tmp_path / "x")
    xlf = tmp_path / "x" / "ui.th.xlf"
    ui = bundled / "locales" / "th" / "LC_MESSAGES" / "ui.po"
    text = ui.read_text(encoding="utf-8")
    singular = 'msgid "References"\nmsgstr "เอกสารอ้างอิง"\n'
    assert singular in text
    ui.write_text(
        text.replace(
            singular,
            'msgid "References"\nmsgid_plural "References"\nmsgstr[0] "เอกสารอ้างอิง"\n',
        ),
        encoding="utf-8",
    )
    xlf.write_text(
        xlf.read_text(encoding="utf-8").replace(">เอกสารอ้างอิง<", ">รายการอ้างอิง<"),
        encoding="utf-8",
    )
    before = catalogs(bundled)
    code, output = invoke("i18n", "import", str(xlf), "--project", str(bundled))
    assert code == 1, output
    first = output.splitlines()[0]
    assert first.startswith(f"{xlf}:") and "references" in first and "plural" in first
    assert "Traceback" not in output
    assert catalogs(bundled) == before


def test_another_locale_or_project_is_refused(bundled: Path, tmp_path: Path) -> None:
    export(bundled, tmp_path / "x")
    xlf = tmp_path / "x" / "infusion-safety.th.xlf"
    before = catalogs(bundled)
    code, output = invoke("i18n", "import", str(xlf), "-l", "lo", "--project", str(bundled))
    assert code == 1 and "no lo catalog for 'infusion-safety'" in output
    other = tmp_path / "other.xlf"
    other.write_text(
        xlf.read_text(encoding="utf-8").replace('target-language="th"', 'target-language="lo"'),
        encoding="utf-8",
    )
    code, output = invoke("i18n", "import", str(other), "-l", "th", "--project", str(bundled))
    assert code == 1 and "the XLIFF file is for 'lo', the catalog for th" in output
    # Another leaflet's units under this leaflet's name (another project's file).
    wrong = (tmp_path / "x" / "stromal-or-stem.th.xlf").read_text(encoding="utf-8")
    wrong = wrong.replace("stromal-or-stem", "infusion-safety")
    other.write_text(wrong, encoding="utf-8")
    code, output = invoke("i18n", "import", str(other), "--project", str(bundled))
    assert code == 1 and "the XLIFF file is not this catalog's" in output
    assert catalogs(bundled) == before


def test_an_import_of_several_files_is_all_or_nothing(bundled: Path, tmp_path: Path) -> None:
    """A refused file (the second, or the second <file> of one document) changes no
    catalog: the first file's catalogs were already written, and importing both again
    once the second was fixed reported the first's work as unchanged."""
    export(bundled, tmp_path / "x")
    good = tmp_path / "x" / "infusion-safety.th.xlf"
    target = '<target state="translated">ข้อมูลสำหรับผู้ป่วย</target>'
    good.write_text(
        good.read_text(encoding="utf-8").replace(target, target.replace("ข้อมูล", "ข้อมูลใหม่")),
        encoding="utf-8",
    )
    bad = tmp_path / "x" / "ui.th.xlf"
    bad.write_text(
        bad.read_text(encoding="utf-8").replace('target-language="th"', 'target-language="lo"'),
        encoding="utf-8",
    )
    joined = tmp_path / "joined.xlf"  # both <file>s in one document
    files = [x.read_text(encoding="utf-8").split("<file", 1)[1] for x in (good, bad)]
    head = good.read_text(encoding="utf-8").split("<file", 1)[0]
    bodies = [f.rsplit("</xliff>", 1)[0] for f in files]
    joined.write_text(head + "".join("<file" + b for b in bodies) + "</xliff>\n", encoding="utf-8")
    before = catalogs(bundled)
    for args in ([str(good), str(bad)], [str(joined)]):
        code, output = invoke("i18n", "import", *args, "-l", "th", "--project", str(bundled))
        assert code == 1 and "the XLIFF file is for 'lo', the catalog for th" in output, output
        assert "no catalog was changed" in output and "updated" not in output
        assert catalogs(bundled) == before
    # Two files for one catalog that agree: both are applied, each reported.
    same = tmp_path / "same.xlf"
    shutil.copy(good, same)
    code, output = invoke("i18n", "import", str(good), str(same), "--project", str(bundled))
    assert code == 0 and output.count("  changed   kicker") == 1, output
    po = read_po(bundled / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po")
    assert {e.msgctxt: e.msgstr for e in po.active}["kicker"] == "ข้อมูลใหม่สำหรับผู้ป่วย"


XXE = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE xliff [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
<file original="locales/th/LC_MESSAGES/infusion-safety.po" target-language="th"
 source-language="en" datatype="po"><body>
<trans-unit id="kicker" resname="kicker"><source>Patient information</source>
<target state="translated">&secret;</target></trans-unit></body></file></xliff>
"""

LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10}">' for n in range(1, 10)
    ).replace("&lol0;", "&lol;")
    + ']>\n<xliff version="1.2">&lol9;</xliff>\n'
)


@pytest.mark.parametrize("payload", [XXE, LAUGHS], ids=["external-entity", "billion-laughs"])
def test_dtds_and_entities_are_refused(bundled: Path, tmp_path: Path, payload: str) -> None:
    before = catalogs(bundled)
    bad = tmp_path / "bad.xlf"
    bad.write_text(payload, encoding="utf-8")
    code, output = invoke("i18n", "import", str(bad), "--project", str(bundled))
    assert code == 1
    assert output.startswith(f"{bad}:2: error: XLIFF file declares a DTD or entities: refused")
    assert "root:" not in output and "Traceback" not in output
    assert catalogs(bundled) == before


def test_malformed_xml_is_one_line(bundled: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.xlf"
    bad.write_text('<?xml version="1.0"?>\n<xliff version="1.2"><file>\n', encoding="utf-8")
    code, output = invoke("i18n", "import", str(bad), "--project", str(bundled))
    assert code == 1 and output.startswith(f"{bad}:3: error: the XLIFF file stops before its end")
    bad.write_text('<?xml version="1.0"?>\n<xliff version="1.2"><file></xliff>\n', "utf-8")
    code, output = invoke("i18n", "import", str(bad), "--project", str(bundled))
    assert code == 1 and output.startswith(f"{bad}:2:30: error: not well-formed XML")


def test_a_fuzzy_entry_carries_the_english_it_was_translated_from(
    bundled: Path, tmp_path: Path
) -> None:
    # `i18n update` marks a translation fuzzy when its English changed, keeping the old
    # English (#| msgid): the agency's reviewer must see it too, and import keeps it.
    from msc_leaflet.i18n.pofile import write_po

    po = bundled / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
    catalog = read_po(po)
    [entry] = [e for e in catalog.active if e.msgctxt == "kicker"]
    entry.set_fuzzy(True)
    entry.previous_msgid = "Information for patients"
    write_po(po, catalog)
    before = po.read_bytes()
    export(bundled, tmp_path / "x")
    xlf = tmp_path / "x" / "infusion-safety.th.xlf"
    text = xlf.read_text(encoding="utf-8")
    assert '<note from="previous-source" annotates="source">Information for patients</note>' in text
    code, output = invoke("i18n", "import", str(xlf), "--project", str(bundled))
    assert code == 0, output
    assert po.read_bytes() == before


@pytest.mark.parametrize("text", ["CR\rin the middle", "CRLF\r\nline two", "ends in CR\r"])
def test_a_carriage_return_survives_the_round_trip(
    bundled: Path, tmp_path: Path, text: str
) -> None:
    # An XML parser reads a raw CR (and CR LF) as LF: the agency's file came back with
    # another English (kept as obsolete) and another translation.
    from msc_leaflet.i18n.pofile import write_po

    po = bundled / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
    catalog = read_po(po)
    [entry] = [e for e in catalog.active if e.msgctxt == "kicker"]
    entry.msgid, entry.msgstr = text, f"ไทย {text}"
    write_po(po, catalog)
    before = po.read_bytes()
    export(bundled, tmp_path / "x")
    code, output = invoke(
        "i18n", "import", str(tmp_path / "x" / "infusion-safety.th.xlf"), "--project", str(bundled)
    )
    assert code == 0, output
    assert po.read_bytes() == before


@pytest.mark.parametrize("locale_option", [[], ["-l", "th"]])
def test_a_file_for_a_regional_variant_goes_into_the_languages_catalog(
    bundled: Path, tmp_path: Path, locale_option: list[str]
) -> None:
    """CAT tools (memoQ, Trados) write a region into the target language: a file sent
    out as th came back as th-TH and could not be imported at all, with or without
    -l th. A build of th_TH prints the th catalog (`catalog_path`); an import of a
    th-TH file writes into it, the same way."""
    export(bundled, tmp_path / "x")
    xlf = tmp_path / "x" / "infusion-safety.th.xlf"
    text = xlf.read_text(encoding="utf-8").replace(
        'target-language="th"', 'target-language="th-TH"'
    )
    text = text.replace(
        '<target state="translated">ข้อมูลสำหรับผู้ป่วย</target>',
        '<target state="translated">ข้อมูลผู้ป่วย</target>',
    )
    xlf.write_text(text, encoding="utf-8")
    code, output = invoke("i18n", "import", str(xlf), *locale_option, "--project", str(bundled))
    assert code == 0, output
    po = read_po(bundled / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po")
    assert {e.msgctxt: e.msgstr for e in po.active}["kicker"] == "ข้อมูลผู้ป่วย"
    assert not (bundled / "locales" / "th_TH").exists()
    # Another language is still another language, region or not.
    before = catalogs(bundled)
    xlf.write_text(text.replace('target-language="th-TH"', 'target-language="lo-LA"'), "utf-8")
    code, output = invoke("i18n", "import", str(xlf), *locale_option, "--project", str(bundled))
    assert code == 1 and "lo" in output.splitlines()[0]
    assert catalogs(bundled) == before


@pytest.mark.parametrize("header", ["as written", "emptied"])
def test_a_thai_clinics_english_catalog_goes_out_thai_to_english_and_comes_back(
    tmp_path: Path, header: str
) -> None:
    """A Thai clinic sends its English catalogs to an agency: each file must say its
    sources are Thai. The export read the catalog's header itself, with a default of
    its own, and an emptied field ("X-Source-Language: ") made source-language="",
    which CAT tools refuse; now it asks the catalog, as every other stage does."""
    from msc_leaflet.cli.new import init_project

    root = init_project(tmp_path / "clinic", language="th").root
    code, output = invoke("i18n", "init", "en", "--project", str(root))
    assert code == 0, output
    po = root / "locales" / "en" / "LC_MESSAGES" / "first-leaflet.po"
    if header == "emptied":
        text = po.read_text(encoding="utf-8")
        po.write_text(text.replace('"X-Source-Language: th\\n"', '"X-Source-Language: \\n"'))
    code, output = invoke("i18n", "export", "-l", "en", "-o", str(tmp_path / "x"),
                          "--project", str(root))  # fmt: skip
    assert code == 0, output
    xlf = tmp_path / "x" / "first-leaflet.en.xlf"
    text = xlf.read_text(encoding="utf-8")
    assert 'target-language="en"' in text and 'source-language=""' not in text
    assert header == "emptied" or 'source-language="th"' in text
    assert "<source>ชื่อเรื่องของเอกสาร</source>" in text
    xlf.write_text(
        text.replace(
            '<source>ชื่อเรื่องของเอกสาร</source>\n        <target state="new" />',
            '<source>ชื่อเรื่องของเอกสาร</source>\n        <target state="translated">'
            "Title of the leaflet</target>",
        ),
        encoding="utf-8",
    )
    code, output = invoke("i18n", "import", str(xlf), "-l", "en", "--project", str(root))
    assert code == 0 and "1 changed" in output, output
    title = next(e for e in read_po(po).active if e.msgctxt == "title")
    assert (title.msgid, title.msgstr) == ("ชื่อเรื่องของเอกสาร", "Title of the leaflet")


def test_every_note_an_agency_adds_is_kept_once(bundled: Path, tmp_path: Path) -> None:
    """A CAT tool writes a reviewer's note as ``<note>`` or ``<note from="Lan">``, not as
    export's ``from="translator"``: each becomes a translator comment, beside the ones
    the entry had, and a note of ours whose ``from`` the tool dropped is not doubled.
    A note on a unit left untranslated is kept too."""
    po = bundled / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
    text = po.read_text(encoding="utf-8")
    kicker = 'msgctxt "kicker"\n'
    po.write_text(text.replace(kicker, "# Ours, before the export.\n" + kicker, 1), "utf-8")
    export(bundled, tmp_path / "x")
    xlf = tmp_path / "x" / "infusion-safety.th.xlf"
    text = xlf.read_text(encoding="utf-8")
    ours = '<note from="translator">Ours, before the export.</note>'
    assert ours in text
    target = '<target state="translated">ข้อมูลสำหรับผู้ป่วย</target>'
    notes = (
        "<note>Checked with the clinic.</note>"
        '<note from="Lan">Shorter, please.</note>'
        "<note>Small line above the title.</note>"  # the developer note, its from dropped
    )
    text = text.replace(ours, "").replace(target, target + notes, 1)
    title = '<target state="translated">ความปลอดภัยของ MSC ที่ให้ทางหลอดเลือดดำ</target>'
    assert title in text
    text = text.replace(title, '<target state="new"/><note>Which cells?</note>', 1)
    xlf.write_text(text, encoding="utf-8")
    code, output = invoke("i18n", "import", str(xlf), "--project", str(bundled))
    assert code == 0 and "  changed   kicker" in output, output
    entries = {e.msgctxt: e for e in read_po(po).active}
    assert entries["kicker"].comments == [
        "Ours, before the export.",
        "Checked with the clinic.",
        "Shorter, please.",
    ]
    assert entries["kicker"].extracted == ["Small line above the title."]
    assert entries["title"].comments == ["Which cells?"]
    assert entries["title"].msgstr == "ความปลอดภัยของ MSC ที่ให้ทางหลอดเลือดดำ"
    before = po.read_bytes()
    code, output = invoke("i18n", "import", str(xlf), "--project", str(bundled))
    assert code == 0 and "  changed" not in output, output
    assert po.read_bytes() == before


def test_inline_codes_keep_their_text_and_an_empty_one_is_refused(
    bundled: Path, tmp_path: Path
) -> None:
    """``<ph>``, ``<mrk>``, CDATA and character references give their text; ``<x/>`` holds
    none (the placeholder it stands for stays in the CAT tool), so the file is refused,
    naming the unit and line, rather than the translation printed without it."""
    export(bundled, tmp_path / "x")
    xlf = tmp_path / "x" / "ui.th.xlf"
    text = xlf.read_text(encoding="utf-8")
    page_of = '<target state="translated">หน้า {page} จาก {pages}</target>'
    references = '<target state="translated">เอกสารอ้างอิง</target>'
    assert page_of in text and references in text
    protected = '<mrk mtype="protected" mid="2">จาก</mrk>'
    coded = f'<target state="final">หน้า <ph id="1">{{page}}</ph> {protected} {{pages}}</target>'
    cdata = '<target state="translated"><![CDATA[เอกสาร & ]]>&#x0E2D;&#x0E49;างอิง</target>'
    edited = text.replace(page_of, coded, 1).replace(references, cdata, 1)
    xlf.write_text(edited, encoding="utf-8")
    po = bundled / "locales" / "th" / "LC_MESSAGES" / "ui.po"
    code, output = invoke("i18n", "import", str(xlf), "--project", str(bundled))
    assert code == 0, output
    entries = {e.msgctxt: e for e in read_po(po).active}
    assert entries["page-of"].msgstr == "หน้า {page} จาก {pages}"
    assert entries["references"].msgstr == "เอกสาร & อ้างอิง"
    before = po.read_bytes()
    line = text[: text.index(page_of)].count("\n") + 1
    for name, code_tag in [("x", '<x id="1"/>'), ("bx", '<bx id="1"/>'),
                           ("ph", '<ph id="1" ctype="x-placeholder"/>')]:  # fmt: skip
        empty = f'<target state="translated">หน้า {{page}} {code_tag} {{pages}}</target>'
        xlf.write_text(text.replace(page_of, empty, 1), encoding="utf-8")
        code, output = invoke("i18n", "import", str(xlf), "--project", str(bundled))
        assert code == 1 and "Traceback" not in output, output
        assert f"ui.th.xlf:{line}: error: unit 'page-of'" in output
        assert f"<{name}/>" in output and "no catalog was changed" in output
        assert po.read_bytes() == before


def test_a_file_without_the_xliff_namespace_is_imported(bundled: Path, tmp_path: Path) -> None:
    """Some tools write ``<xliff version="1.2">`` without its xmlns: its units are
    XLIFF's all the same. They were looked for in the namespace only, so such a file
    imported nothing and said "0 changed"."""
    export(bundled, tmp_path / "x")
    xlf = tmp_path / "x" / "infusion-safety.th.xlf"
    text = xlf.read_text(encoding="utf-8")
    target = '<target state="translated">ข้อมูลสำหรับผู้ป่วย</target>'
    text = text.replace(' xmlns="urn:oasis:names:tc:xliff:document:1.2"', "", 1)
    xlf.write_text(text.replace(target, target.replace("สำหรับ", ""), 1), encoding="utf-8")
    code, output = invoke("i18n", "import", str(xlf), "--project", str(bundled))
    assert code == 0 and "1 changed" in output and "  changed   kicker" in output, output
    po = bundled / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
    assert {e.msgctxt: e.msgstr for e in read_po(po).active}["kicker"] == "ข้อมูลผู้ป่วย"


@pytest.mark.parametrize(
    ("document", "said"),
    [
        ('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"/>', "no <file>"),
        ("<html/>", "not an XLIFF document (its root is <html>)"),
        ('<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0"/>', "no <file>"),
    ],
)
def test_a_document_with_nothing_to_import_is_refused(
    bundled: Path, tmp_path: Path, document: str, said: str
) -> None:
    before = catalogs(bundled)
    xlf = tmp_path / "agency.xlf"
    xlf.write_text(f'<?xml version="1.0"?>\n{document}\n', encoding="utf-8")
    code, output = invoke("i18n", "import", str(xlf), "--project", str(bundled))
    assert code == 1 and "Traceback" not in output, output
    assert "agency.xlf:1: error:" in output and said in output
    assert catalogs(bundled) == before


@pytest.mark.parametrize(
    ("attributes", "fuzzy"),
    [
        ('state="final"', False),
        ('state="signed-off"', False),
        ('state="translated" state-qualifier="exact-match"', False),
        ("", False),  # no state: a target is a translation (XLIFF 1.2)
        ('state="x-machine"', True),  # a tool's own state: no one said it is done
        ('state="needs-adaptation"', True),
        ('state="translated" state-qualifier="mt-suggestion"', True),
        ('state="translated" state-qualifier="leveraged-mt"', True),
        ('state="final" state-qualifier="rejected-inaccurate"', True),
    ],
)
def test_only_a_confirmed_target_imports_as_translated(
    bundled: Path, tmp_path: Path, attributes: str, fuzzy: bool
) -> None:
    """A target prints only when its state says a translator finished it; a tool's own
    state, a machine or memory suggestion, or a rejected one is fuzzy, for review (a
    state "x-…" imported as translated printed a text no one had confirmed), and the
    confirmed translation it replaces stays as a comment (it was gone)."""
    export(bundled, tmp_path / "x")
    xlf = tmp_path / "x" / "infusion-safety.th.xlf"
    target = '<target state="translated">ข้อมูลสำหรับผู้ป่วย</target>'
    text = xlf.read_text(encoding="utf-8")
    xlf.write_text(text.replace(target, f"<target {attributes}>ข้อมูลผู้ป่วย</target>"), "utf-8")
    code, output = invoke("i18n", "import", str(xlf), "--project", str(bundled))
    assert code == 0 and "  changed   kicker" in output, output
    po = bundled / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
    kicker = {e.msgctxt: e for e in read_po(po).active}["kicker"]
    assert (kicker.msgstr, kicker.fuzzy) == ("ข้อมูลผู้ป่วย", fuzzy)
    # a suggestion for review keeps the confirmed translation it displaced, once
    earlier = ["earlier translation: ข้อมูลสำหรับผู้ป่วย"] if fuzzy else []
    assert kicker.comments == earlier
    before = po.read_bytes()
    code, output = invoke("i18n", "import", str(xlf), "--project", str(bundled))
    assert code == 0 and "  changed" not in output and po.read_bytes() == before, output


def test_a_developer_note_returned_without_from_is_no_comment_of_an_obsolete_entry(
    bundled: Path, tmp_path: Path
) -> None:
    """A unit whose English changed since the export is kept as ``#~``, with the notes
    a reviewer wrote; the developer note a tool returned without its ``from`` is the
    entry's extracted comment, not a translator's comment."""
    export(bundled, tmp_path / "x")
    xlf = tmp_path / "x" / "infusion-safety.th.xlf"
    text = xlf.read_text(encoding="utf-8")
    source = "<source>Patient information</source>"
    developer = '<note from="developer">Small line above the title.</note>'
    assert source in text and developer in text
    text = text.replace(source, "<source>Information for every patient</source>", 1)
    text = text.replace(developer, "<note>Small line above the title.</note><note>Ask Lan.</note>")
    xlf.write_text(text, encoding="utf-8")
    code, output = invoke("i18n", "import", str(xlf), "--project", str(bundled))
    assert code == 0 and "1 kept as obsolete" in output, output
    po = bundled / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
    [kept] = read_po(po).obsolete
    assert kept.msgid == "Information for every patient"
    assert kept.comments == ["Ask Lan.", "imported from XLIFF: its source changed since the export"]


def test_a_file_returned_decomposed_changes_no_entry(tmp_path: Path) -> None:
    """A CAT tool that returns the Vietnamese text decomposed (NFD: "ệ" as e ◌̣ ◌̂)
    changed no word, but the import reported every entry changed and wrote them all
    again decomposed. An entry that reads the same keeps the catalog's spelling; one
    whose words changed is still taken."""
    import unicodedata

    project = tmp_path / "p"
    shutil.copytree(Path(__file__).parent / "fixtures" / "languages", project)
    po = project / "locales" / "vi" / "LC_MESSAGES" / "after-your-infusion.po"
    before = po.read_bytes()
    code, output = invoke("i18n", "export", "-l", "vi", "-o", str(tmp_path / "x"),
                          "--project", str(project))  # fmt: skip
    assert code == 0, output
    xlf = tmp_path / "x" / "after-your-infusion.vi.xlf"
    text = unicodedata.normalize("NFD", xlf.read_text(encoding="utf-8"))
    xlf.write_text(text, encoding="utf-8")
    code, output = invoke("i18n", "import", str(xlf), "--project", str(project))
    assert code == 0 and " 0 changed" in output, output
    assert po.read_bytes() == before
    edited = unicodedata.normalize("NFD", ">Sau khi được truyền tế bào</target>")
    original = unicodedata.normalize("NFD", ">Sau khi truyền tế bào</target>")
    assert original in text
    xlf.write_text(text.replace(original, edited), encoding="utf-8")
    code, output = invoke("i18n", "import", str(xlf), "--project", str(project))
    assert code == 0 and " 1 changed" in output, output
    [title] = [e for e in read_po(po).active if e.msgctxt == "title"]
    assert unicodedata.normalize("NFC", title.msgstr) == "Sau khi được truyền tế bào"


KICKER_UNIT = '<trans-unit id="kicker" xml:space="preserve" resname="kicker">'
KICKER = '<target state="translated">ข้อมูลสำหรับผู้ป่วย</target>'


@pytest.mark.parametrize(
    ("approved", "state", "fuzzy"),
    [
        ("no", "translated", True),  # not approved: no one confirmed it
        ("no", "final", True),
        ("yes", "translated", False),
        # approved alone, over a confirmed translation: export writes approved="yes" on
        # a signed-off text, and a tool that gave the edited unit its own state and left
        # that as it was confirmed nothing (`xliff_merge.imported_fuzzy`)
        ("yes", "new", True),
        ("yes", "x-done", True),
        ("yes", "needs-review-translation", True),  # the two disagree: a reviewer decides
    ],
)
def test_approved_on_a_unit_says_whether_the_target_is_confirmed(
    bundled: Path, tmp_path: Path, approved: str, state: str, fuzzy: bool
) -> None:
    """XLIFF 1.2's ``approved`` on a trans-unit was ignored: a unit marked approved="no"
    imported as a confirmed translation, which prints."""
    export(bundled, tmp_path / "x")
    xlf = tmp_path / "x" / "infusion-safety.th.xlf"
    text = xlf.read_text(encoding="utf-8")
    text = text.replace(KICKER_UNIT, KICKER_UNIT.replace(">", f' approved="{approved}">'))
    xlf.write_text(text.replace(KICKER, f'<target state="{state}">ข้อมูลผู้ป่วย</target>'), "utf-8")
    code, output = invoke("i18n", "import", str(xlf), "--project", str(bundled))
    assert code == 0, output
    po = bundled / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
    kicker = {e.msgctxt: e for e in read_po(po).active}["kicker"]
    assert (kicker.msgstr, kicker.fuzzy) == ("ข้อมูลผู้ป่วย", fuzzy)


@pytest.mark.parametrize("state", ["new", "x-done"])
def test_approved_confirms_a_first_translation_whose_state_a_tool_left(
    bundled: Path, tmp_path: Path, state: str
) -> None:
    """A text with no translation before is exported without approved: an approved="yes"
    on it is the tool's own, and confirms it whatever state the tool left."""
    export(bundled, tmp_path / "x")
    xlf = tmp_path / "x" / "infusion-safety.th.xlf"
    name = "ref/galipeau2018/title"
    unit = f'<trans-unit id="{name}" xml:space="preserve" resname="{name}">'
    text = xlf.read_text(encoding="utf-8")
    start = text.index(unit)
    empty = text.index('<target state="new" />', start)
    title = "เซลล์สโตรมัลชนิดมีเซนไคม์: ความท้าทายทางคลินิกและโอกาสในการรักษา"
    text = text[:empty] + f'<target state="{state}">{title}</target>' + text[empty + 22 :]
    xlf.write_text(text.replace(unit, unit.replace(">", ' approved="yes">')), "utf-8")
    code, output = invoke("i18n", "import", str(xlf), "--project", str(bundled))
    assert code == 0 and "  changed   ref/galipeau2018/title" in output, output
    po = bundled / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
    entry = {e.msgctxt: e for e in read_po(po).active}["ref/galipeau2018/title"]
    assert (entry.msgstr, entry.fuzzy) == (title, False)


def test_an_approved_value_xliff_lacks_is_refused_at_its_line(
    bundled: Path, tmp_path: Path
) -> None:
    export(bundled, tmp_path / "x")
    xlf = tmp_path / "x" / "infusion-safety.th.xlf"
    text = xlf.read_text(encoding="utf-8")
    line = text[: text.index(KICKER_UNIT)].count("\n") + 1
    xlf.write_text(text.replace(KICKER_UNIT, KICKER_UNIT.replace(">", ' approved="true">')))
    before = catalogs(bundled)
    code, output = invoke("i18n", "import", str(xlf), "--project", str(bundled))
    assert code == 1 and "Traceback" not in output, output
    assert f"infusion-safety.th.xlf:{line}: error: unit 'kicker': approved=" in output
    assert "neither yes nor no" in output and catalogs(bundled) == before


def test_a_unit_whose_resname_a_tool_dropped_is_matched_by_its_id(
    bundled: Path, tmp_path: Path
) -> None:
    """Export writes the context as both resname and id; a tool that returns only the
    id had every unit refused as another catalog's."""
    export(bundled, tmp_path / "x")
    xlf = tmp_path / "x" / "infusion-safety.th.xlf"
    text = xlf.read_text(encoding="utf-8")
    text = __import__("re").sub(r' resname="[^"]*"', "", text)
    xlf.write_text(text.replace(KICKER, '<target state="translated">ข้อมูลผู้ป่วย</target>'))
    code, output = invoke("i18n", "import", str(xlf), "--project", str(bundled))
    assert code == 0, output
    assert "1 changed" in output and "  changed   kicker" in output
    po = bundled / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
    assert {e.msgctxt: e.msgstr for e in read_po(po).active}["kicker"] == "ข้อมูลผู้ป่วย"


INFUSION = (
    "**การให้ทางหลอดเลือดดำ** คือการให้ของเหลวเข้าหลอดเลือดดำอย่างช้า ๆ ผ่านสายขนาดเล็ก "
    "คนทั่วไปมักเรียกว่า “ให้น้ำเกลือ” หรือ “ให้ IV” เมื่อแพทย์ให้เซลล์เข้าสู่หลอดเลือด "
    "แพทย์จะเรียกว่า *การให้เข้าทางหลอดเลือด (intravascular delivery)*"
)


@pytest.mark.parametrize(
    ("bold", "italic"),
    [
        ('<g id="1" ctype="bold">', '<g id="2" ctype="italic">'),
        ('<g id="1" ctype="x-bold">', '<g id="2" ctype="x-italic">'),
    ],
)
def test_a_g_of_bold_or_italic_becomes_the_leaflets_markup(
    bundled: Path, tmp_path: Path, bold: str, italic: str
) -> None:
    """A CAT tool that shows the English's ``**…**`` and ``*…*`` as formatting returns
    it as ``<g>``: its text alone lost the emphasis, and the build then printed the
    English in place of the translation (I18N003: markup missing). Now it reads back as
    the catalog's own text: nothing changed."""
    export(bundled, tmp_path / "x")
    xlf = tmp_path / "x" / "infusion-safety.th.xlf"
    text = xlf.read_text(encoding="utf-8")
    assert f'<target state="translated">{INFUSION}</target>' in text
    coded = INFUSION.replace("**การให้ทางหลอดเลือดดำ**", f"{bold}การให้ทางหลอดเลือดดำ</g>")
    coded = coded.replace("*การให้เข้าทางหลอดเลือด (intravascular delivery)*",
                          f"{italic}การให้เข้าทางหลอดเลือด (intravascular delivery)</g>")  # fmt: skip
    assert "*" not in coded
    before = catalogs(bundled)
    xlf.write_text(text.replace(INFUSION, coded), encoding="utf-8")
    code, output = invoke("i18n", "import", str(xlf), "--project", str(bundled))
    assert code == 0 and "0 changed, 63 unchanged" in output, output
    assert catalogs(bundled) == before


def test_a_g_of_formatting_the_english_lacks_is_refused(bundled: Path, tmp_path: Path) -> None:
    """Bold the English lacks made the build print the English in its place (I18N003)."""
    export(bundled, tmp_path / "x")
    xlf = tmp_path / "x" / "infusion-safety.th.xlf"
    text = xlf.read_text(encoding="utf-8")
    line = text[: text.index(KICKER)].count("\n") + 1
    bold = '<target state="translated"><g id="1" ctype="bold">ข้อมูล</g>สำหรับผู้ป่วย</target>'
    xlf.write_text(text.replace(KICKER, bold), encoding="utf-8")
    before = catalogs(bundled)
    code, output = invoke("i18n", "import", str(xlf), "--project", str(bundled))
    assert code == 1 and "Traceback" not in output, output
    assert f"infusion-safety.th.xlf:{line}: error: unit 'kicker': the formatting" in output
    assert "markup not in the source: **bold**" in output and catalogs(bundled) == before


@pytest.mark.parametrize(
    ("g", "said"),
    [('<g id="1" ctype="underlined">', 'ctype="underlined"'), ('<g id="1">', "no ctype")],
)
def test_a_g_of_formatting_the_leaflet_lacks_is_refused_at_its_line(
    bundled: Path, tmp_path: Path, g: str, said: str
) -> None:
    export(bundled, tmp_path / "x")
    xlf = tmp_path / "x" / "infusion-safety.th.xlf"
    text = xlf.read_text(encoding="utf-8")
    line = text[: text.index(KICKER)].count("\n") + 2
    coded = f'<target state="translated">ข้อมูล\n{g}สำหรับ</g>ผู้ป่วย</target>'
    xlf.write_text(text.replace(KICKER, coded))
    before = catalogs(bundled)
    code, output = invoke("i18n", "import", str(xlf), "--project", str(bundled))
    assert code == 1 and "Traceback" not in output, output
    assert f"infusion-safety.th.xlf:{line}: error: unit 'kicker': the translation marks" in output
    assert said in output and "no catalog was changed" in output
    assert catalogs(bundled) == before


@pytest.mark.parametrize("out", ["locales/th", "locales", "leaflets", "."])
def test_export_into_the_sources_is_refused_as_build_is(
    bundled: Path, tmp_path: Path, out: str
) -> None:
    """``export -o locales/th`` wrote .xlf files among the catalogs: the rule build's
    ``-o`` follows (`Project.output_folder`) now holds for export too."""
    before = sorted(p for p in bundled.rglob("*"))
    code, output = invoke("i18n", "export", "-l", "th", "--format", "xliff",
                          "-o", str(bundled / out), "--project", str(bundled))  # fmt: skip
    assert code == 1 and "Traceback" not in output, output
    assert "the export would write its XLIFF files" in output or "holds the project" in output
    assert "hint: export into a folder of its own" in output
    assert sorted(p for p in bundled.rglob("*")) == before


def test_bold_in_a_label_is_refused_as_labels_print_as_written(
    bundled: Path, tmp_path: Path
) -> None:
    export(bundled, tmp_path / "x")
    xlf = tmp_path / "x" / "ui.th.xlf"
    text = xlf.read_text(encoding="utf-8")
    page_of = '<target state="translated">หน้า {page} จาก {pages}</target>'
    line = text[: text.index(page_of)].count("\n") + 1
    bold = '<target state="translated">หน้า {page} <g id="1" ctype="bold">จาก</g> {pages}</target>'
    xlf.write_text(text.replace(page_of, bold), encoding="utf-8")
    before = catalogs(bundled)
    code, output = invoke("i18n", "import", str(xlf), "--project", str(bundled))
    assert code == 1 and "Traceback" not in output, output
    assert f"ui.th.xlf:{line}: error: unit 'page-of': the translation marks text bold" in output
    assert catalogs(bundled) == before


def _unit(text: str, context: str) -> str:
    start = text.index(f'<trans-unit id="{context}"')
    return text[start : text.index("</trans-unit>", start) + len("</trans-unit>")]


@pytest.mark.parametrize(
    ("edit", "said"),
    [
        (  # a second copy of the unit, translated otherwise
            lambda t: t.replace(_unit(t, "title"), _unit(t, "title") + _unit(t, "kicker")).replace(
                KICKER, '<target state="translated">ข้อมูลผู้ป่วย</target>', 1
            ),
            "unit 'kicker' appears twice with different translations (the first at line "
            "10: 'ข้อมูลผู้ป่วย', here 'ข้อมูลสำหรับผู้ป่วย'); no import can tell",
        ),
        (lambda t: t.replace(KICKER, KICKER + KICKER), "unit 'kicker' has 2 <target> elements"),
        (
            lambda t: t.replace("<source>Patient information</source>", ""),
            "unit 'kicker' has no <source>",
        ),
        (
            lambda t: t.replace(
                KICKER, "<target>" + "<mrk>" * 500 + "x" + "</mrk>" * 500 + "</target>"
            ),
            "nested more than 100 deep",  # was an internal error (RecursionError)
        ),
        (  # re-saved as UTF-8 under a one-byte declaration: every Thai letter garbled
            lambda t: t.replace("encoding='utf-8'", "encoding='iso-8859-1'"),
            "declares encoding='iso-8859-1' but is written in UTF-8",
        ),
        (  # a Lao text in the Thai file went into the Thai catalog
            lambda t: t.replace(KICKER, '<target xml:lang="lo">ຂໍ້ມູນສຳລັບຄົນເຈັບ</target>'),
            "unit 'kicker': the translation is marked xml:lang='lo', the file is for 'th'",
        ),
        # characters the build refuses, printing the English instead: only check said so
        (lambda t: t.replace("ข้อมูลสำหรับ", "ข้อมูล\u202eสำหรับ", 1), "U+202E"),
        (lambda t: t.replace("ข้อมูลสำหรับ", "ข้อมูล\u0085สำหรับ", 1), "U+0085"),
        (lambda t: t.replace("ข้อมูลสำหรับ", "ข้อมูล\ue000สำหรับ", 1), "U+E000"),
        (  # memoQ/Trados segments: the second sentence left untranslated
            lambda t: t.replace(
                KICKER,
                '<seg-source><mrk mtype="seg" mid="1">Patient</mrk> '
                '<mrk mtype="seg" mid="2">information</mrk></seg-source>'
                '<target><mrk mtype="seg" mid="1">ข้อมูลผู้ป่วย</mrk> '
                '<mrk mtype="seg" mid="2"></mrk></target>',
            ),
            "unit 'kicker': sentence 2 ('information') has no translation",
        ),
        (  # a tool that indents as it saves: Thai would print a phrase break no one typed
            lambda t: t.replace("ข้อมูลสำหรับผู้ป่วย<", "ข้อมูล\n          สำหรับผู้ป่วย<", 1),
            "unit 'kicker': the translation breaks over lines and the English does not",
        ),
        # a confirmed translation the build would refuse, printing the English instead
        (
            lambda t: t.replace("นานนัก[@galipeau2018]", "นานนัก", 1),
            "the build would print the English in place of this translation: [I18N005]",
        ),
        (  # the emergency number a patient would call
            lambda t: t.replace("(**1669** ในประเทศไทย)", "(**1699** ในประเทศไทย)", 1),
            "the build would print the English in place of this translation: [I18N",
        ),
    ],
    ids=[
        *("duplicate", "two-targets", "no-source", "deep", "misdeclared", "other-language"),
        *("right-to-left-override", "c1-control", "private-use", "untranslated-segment"),
        *("re-indented", "citation-lost", "number-changed"),
    ],
)
def test_a_malformed_unit_or_file_is_refused_at_its_line(
    bundled: Path, tmp_path: Path, edit: object, said: str
) -> None:
    """Each was imported: the later duplicate won, the second target was dropped, a
    missing source made an obsolete entry with an empty English, and a file declared
    ISO-8859-1 but written in UTF-8 replaced 61 Thai translations with mojibake."""
    export(bundled, tmp_path / "x")
    xlf = tmp_path / "x" / "infusion-safety.th.xlf"
    text = xlf.read_text(encoding="utf-8")
    assert callable(edit)
    xlf.write_text(edit(text), encoding="utf-8")
    before = catalogs(bundled)
    code, output = invoke("i18n", "import", str(xlf), "--project", str(bundled))
    assert code == 1 and "Traceback" not in output and "internal error" not in output, output
    assert output.startswith(f"{xlf}:") and ": error: " in output and said in output, output
    assert "no catalog was changed" in output and catalogs(bundled) == before


@pytest.mark.parametrize(
    "edit",
    [
        lambda t: t.replace(' resname="kicker"', ' resname=""'),  # a tool emptied it
        lambda t: "\ufeff" + t,  # a byte order mark
        lambda t: t.replace(KICKER, KICKER.replace("<target", '<target xml:lang="th-TH"')),
        lambda t: t.replace(  # memoQ/Trados segments, every one translated
            KICKER,
            '<seg-source><mrk mtype="seg" mid="1">Patient information</mrk></seg-source>'
            '<target><mrk mtype="seg" mid="1">ข้อมูลสำหรับผู้ป่วย</mrk></target>',
        ),
        lambda t: t.replace(_unit(t, "kicker"), "").replace(
            "<body>", "<body>" + _unit(t, "kicker")
        ),
        lambda t: t.replace(  # a CAT tool on Windows gives its own path
            'original="locales/th/LC_MESSAGES/',
            'original="C:\\Jobs\\msc\\locales\\th\\LC_MESSAGES\\',
        ),
    ],
    ids=["empty-resname", "bom", "regional-xml-lang", "segmented", "reordered", "windows-path"],
)
def test_what_a_cat_tool_changes_harmlessly_imports_the_same(
    bundled: Path, tmp_path: Path, edit: object
) -> None:
    export(bundled, tmp_path / "x")
    xlf = tmp_path / "x" / "infusion-safety.th.xlf"
    text = xlf.read_text(encoding="utf-8")
    assert callable(edit)
    xlf.write_text(edit(text), encoding="utf-8")
    before = catalogs(bundled)
    code, output = invoke("i18n", "import", str(xlf), "--project", str(bundled))
    assert code == 0 and "0 changed, 63 unchanged, 0 kept" in output, output
    assert catalogs(bundled) == before
    utf16 = edit(text).lstrip("\ufeff").replace("encoding='utf-8'", "encoding='utf-16'")
    xlf.write_bytes(utf16.encode("utf-16"))  # and as UTF-16, as some tools save it
    code, output = invoke("i18n", "import", str(xlf), "--project", str(bundled))
    assert code == 0 and "0 changed, 63 unchanged, 0 kept" in output, output


def test_every_bundled_locale_round_trips_byte_identical(bundled: Path, tmp_path: Path) -> None:
    """The refusals are of what a tool changed: no bundled catalog, in any script
    (Burmese, Khmer, Arabic, Japanese…), is refused or changed by its own export."""
    locales = sorted(p.name for p in (bundled / "locales").iterdir() if p.is_dir())
    before = {p: p.read_bytes() for p in (bundled / "locales").rglob("*.po")}
    files: list[str] = []
    for locale in locales:
        out = tmp_path / "x" / locale
        code, output = invoke("i18n", "export", "-l", locale, "--format", "xliff",
                              "-o", str(out), "--project", str(bundled))  # fmt: skip
        assert code == 0, output
        files += map(str, sorted(out.glob("*.xlf")))
    assert len(locales) > 5 and len(files) > len(locales)
    code, output = invoke("i18n", "import", *files, "--project", str(bundled))
    assert code == 0, output
    assert {p: p.read_bytes() for p in (bundled / "locales").rglob("*.po")} == before


def _joined(head_from: Path, *files: Path) -> str:
    """One XLIFF document holding the ``<file>`` elements of ``files``."""
    head = head_from.read_text(encoding="utf-8").split("<file", 1)[0]
    bodies = [
        "<file" + f.read_text(encoding="utf-8").split("<file", 1)[1].rsplit("</xliff>", 1)[0]
        for f in files
    ]
    return head + "".join(bodies) + "</xliff>\n"


def _line_of(path: Path, needle: str) -> int:
    text = path.read_text(encoding="utf-8")
    return text[: text.index(needle)].count("\n") + 1


@pytest.mark.parametrize("layout", ["two files", "two <file> elements"])
def test_two_files_that_translate_one_unit_otherwise_are_refused_naming_both(
    bundled: Path, tmp_path: Path, layout: str
) -> None:
    """A corrected file imported with the first (``import xliff/*.xlf``), or a document
    holding the catalog twice: the later replaced the earlier without a word, and which
    one the agency meant no import can tell. Refused, at both places; nothing written."""
    export(bundled, tmp_path / "x")
    first = tmp_path / "x" / "infusion-safety.th.xlf"
    text = first.read_text(encoding="utf-8")
    first.write_text(text.replace(KICKER, KICKER.replace("ข้อมูล", "ข้อมูลใหม่")), "utf-8")
    second = tmp_path / "second.xlf"
    second.write_text(text.replace(KICKER, KICKER.replace("ข้อมูล", "ข้อมูลล่าสุด")), "utf-8")
    line = _line_of(first, "<target state")  # of the kicker's target, the first unit
    args = [str(first), str(second)]
    if layout != "two files":
        joined = tmp_path / "joined.xlf"
        joined.write_text(_joined(first, first, second), encoding="utf-8")
        args, first, second = [str(joined)], joined, joined
    second_line = _line_of(second, "ข้อมูลล่าสุด")
    before = catalogs(bundled)
    code, output = invoke("i18n", "import", *args, "--project", str(bundled))
    assert code == 1 and "Traceback" not in output, output
    there = f"line {line}" if first == second else f"{first}:{line}"
    assert output.startswith(
        f"{second}:{second_line}: error: unit 'kicker' appears twice with different "
        f"translations (the first at {there}: 'ข้อมูลใหม่สำหรับผู้ป่วย', here "
        "'ข้อมูลล่าสุดสำหรับผู้ป่วย'); no import can tell which was meant"
    ), output
    assert "no catalog was changed" in output and catalogs(bundled) == before


def test_one_text_confirmed_in_one_file_and_sent_back_in_another_is_refused(
    bundled: Path, tmp_path: Path
) -> None:
    """The same words, confirmed in one file and marked for review in the other: whether
    they print depends on which was meant, so the import asks rather than picks."""
    export(bundled, tmp_path / "x")
    first = tmp_path / "x" / "infusion-safety.th.xlf"
    second = tmp_path / "second.xlf"
    review = KICKER.replace('state="translated"', 'state="needs-review-translation"')
    second.write_text(first.read_text(encoding="utf-8").replace(KICKER, review), "utf-8")
    before = catalogs(bundled)
    code, output = invoke("i18n", "import", str(first), str(second), "--project", str(bundled))
    assert code == 1 and "Traceback" not in output, output
    assert "unit 'kicker' appears twice with one translation, confirmed once and waiting " in output
    assert catalogs(bundled) == before
    # the same file twice, or an unchanged one with it, is no conflict
    code, output = invoke("i18n", "import", str(first), str(first), "--project", str(bundled))
    assert code == 0 and output.count("0 changed") == 2, output


NS_1_2 = 'xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"'


@pytest.mark.parametrize(
    "root",
    [
        'xmlns="urn:oasis:names:tc:xliff:document:1.1" version="1.1"',
        'version="1.1"',  # no namespace, as some older tools write it
        'version="1.1" xmlns="urn:oasis:names:tc:xliff:document:1.1"',
    ],
)
def test_xliff_1_1_imports_as_1_2_does(bundled: Path, tmp_path: Path, root: str) -> None:
    """XLIFF 1.1, which older tools write, was refused; every element import reads
    means in it what it means in 1.2: an edit comes in, a fuzzy unit stays fuzzy."""
    export(bundled, tmp_path / "x")
    xlf = tmp_path / "x" / "infusion-safety.th.xlf"
    text = xlf.read_text(encoding="utf-8")
    assert NS_1_2 in text
    edited = text.replace(NS_1_2, root).replace(KICKER, KICKER.replace("ข้อมูล", "ข้อมูลใหม่"))
    title = '<target state="translated">ความปลอดภัย'
    edited = edited.replace(title, title.replace("translated", "needs-review-translation"), 1)
    xlf.write_text(edited, encoding="utf-8")
    code, output = invoke("i18n", "import", str(xlf), "--project", str(bundled))
    assert code == 0 and " 2 changed, 61 unchanged" in output, output
    po = read_po(bundled / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po")
    entries = {e.msgctxt: e for e in po.active}
    assert (entries["kicker"].msgstr, entries["kicker"].fuzzy) == ("ข้อมูลใหม่สำหรับผู้ป่วย", False)
    assert entries["title"].fuzzy


@pytest.mark.parametrize(
    ("root", "said"),
    [
        (
            'version="1.0"',
            "XLIFF version '1.0' is not supported: import reads XLIFF 1.2, 1.1 and 2.0 (2.1, 2.2)",
        ),
        ("", "an XLIFF without a version is not supported"),
        (
            'xmlns="urn:oasis:names:tc:xliff:document:2.0" version="1.2"',
            "XLIFF version '1.2' in the namespace 'urn:oasis:names:tc:xliff:document:2.0' is "
            "not supported",
        ),
    ],
)
def test_an_xliff_version_import_does_not_read_is_refused_saying_which_it_reads(
    bundled: Path, tmp_path: Path, root: str, said: str
) -> None:
    export(bundled, tmp_path / "x")
    xlf = tmp_path / "x" / "infusion-safety.th.xlf"
    xlf.write_text(xlf.read_text(encoding="utf-8").replace(NS_1_2, root), encoding="utf-8")
    before = catalogs(bundled)
    code, output = invoke("i18n", "import", str(xlf), "--project", str(bundled))
    assert code == 1 and "Traceback" not in output, output
    assert output.startswith(f"{xlf}:1: error: {said}"), output
    assert "hint: export XLIFF 1.2 from the CAT tool (or 1.1, 2.0)" in output
    assert catalogs(bundled) == before
