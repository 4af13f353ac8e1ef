"""The proof lists what `msc-leaflet check` finds: a clinician approving a translation
from the PDF alone must see the cure claim the tool already knows of."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from i18n_support import ROOT, copy_bundled, invoke, set_msgstr
from msc_leaflet.checks.reading_order import in_reading_order
from msc_leaflet.content.loader import load_leaflet
from msc_leaflet.errors import CheckFinding, Location
from msc_leaflet.i18n.labels import PROOF_WORDS
from msc_leaflet.i18n.pofile import read_po
from msc_leaflet.project import Project
from pdfread import page_texts

TH_HEADING = "ฉบับตรวจทาน: สิ่งที่การตรวจสอบพบ"  # "Proof: what the checks found"
TH_NONE = "ไม่มีข้อค้นพบ"  # "No findings"


def squeezed(text: str) -> str:
    """``text`` without white space: a line the proof wraps is one line again, also
    where it wraps after a hyphen, which the text layer follows with a zero-width space
    (#16; where a path of the test's temporary folder wraps depends on its length)."""
    return re.sub(r"[\s\u200b]+", "", text)


def proof(root: Path, out: Path, leaflet: str, locale: str) -> str:
    code, output = invoke(
        "build", leaflet, "-l", locale, "--proof", "--force", "--project", str(root),
        "-o", str(out),
    )  # fmt: skip
    assert code == 0, output
    return "\n".join(page_texts(out / locale / f"{leaflet}.proof.pdf"))


def check_findings(root: Path, leaflet: str, locale: str) -> list[dict[str, object]]:
    code, output = invoke(
        "check", leaflet, "-l", locale, "--format", "json", "--project", str(root)
    )
    assert code in (0, 1), output  # 1: an error among the findings
    document = json.loads(output[: output.rindex("}") + 1])
    return list(document["findings"])


def test_the_proof_lists_every_finding_of_check_errors_first_by_block(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cure claim typed into a Thai msgstr (CLAIM001, an error), a phrase too long
    (READ006) and a fuzzy entry (I18N001): `check -l th` names all three; the proof
    said nothing of them. Now its review pages list each, with its code, severity, the
    block's id as the margin prints it, the message and the hint; the error first."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796169600")
    root = copy_bundled(tmp_path)
    catalog = root / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
    # "Donor cells cure knee disease completely"
    set_msgstr(catalog, "donor-cells", "เซลล์จากผู้บริจาครักษาโรคข้อเข่าให้หายขาดได้[@ankrum2014]")
    set_msgstr(catalog, "risks-intro", "ข้อความ", fuzzy=True)
    found = check_findings(root, "infusion-safety", "th")
    assert {f["code"] for f in found} >= {"CLAIM001", "READ006", "I18N001"}, found

    text = proof(root, tmp_path / "out", "infusion-safety", "th")
    listed = squeezed(text[text.index(TH_HEADING) :])
    for finding in found:  # each, with what to do: the same words as `check`
        if finding["code"] == "I18N001":  # the fuzzy text: listed once, on the page before
            assert squeezed(str(finding["message"])) not in squeezed(text), finding
            continue
        assert squeezed(f"{finding['message']} — {finding['hint']}") in listed, finding
    claim = listed.index(squeezed("CLAIM001 (error) donor-cells: [th] risky claim “หายขาด”"))
    phrase = listed.index(squeezed("READ006 (warning) screening:"))
    assert claim < phrase
    assert squeezed("risks-intro (line 55; fuzzy, infusion-safety.po line") in squeezed(text)
    assert TH_NONE not in text


def test_a_leaflet_check_finds_nothing_in_says_so_in_the_readers_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796169600")
    root = copy_bundled(tmp_path)
    assert check_findings(root, "choosing-a-clinic", "th") == []
    code, output = invoke(
        "build", "choosing-a-clinic", "-l", "th", "--proof", "--project", str(root),
        "-o", str(tmp_path / "out"),
    )  # fmt: skip
    assert code == 0 and "page words" not in output, output  # no label printed in English
    last = page_texts(tmp_path / "out" / "th" / "choosing-a-clinic.proof.pdf")[-1]
    assert TH_HEADING in last
    assert last.split(TH_HEADING, 1)[1].split()[0] == TH_NONE


def test_an_english_proof_lists_its_findings_under_an_english_heading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796169600")
    root = copy_bundled(tmp_path)
    found = check_findings(root, "what-msc-can-do", "en")
    text = proof(root, tmp_path / "out", "what-msc-can-do", "en")
    listed = squeezed(text[text.index("Proof: what the checks found") :])
    assert found and all(squeezed(str(f["message"])) in listed for f in found)
    assert "No findings." not in text


def test_findings_are_listed_errors_first_then_in_the_order_of_the_page() -> None:
    """Within a severity, as a reader meets them: the title's text before the blocks,
    the blocks in their order, another file's (ui.po) after; a finding is named by the
    block whose lines hold it."""
    project = Project.at(ROOT)
    leaflet = load_leaflet(project.leaflet_path("infusion-safety"), project)[0]
    blocks = {block.id: block for block in leaflet.blocks}
    ui = ROOT / "locales" / "th" / "LC_MESSAGES" / "ui.po"
    references = next(e.line for e in read_po(ui).active if e.msgctxt == "references")

    def at(path: Path, line: int, severity: str, code: str) -> CheckFinding:
        return CheckFinding(Location(path, line), severity, code.lower(), "", code)

    findings = [
        at(ui, references + 2, "warning", "TEXT001"),
        at(leaflet.path, blocks["screening"].line, "warning", "READ006"),
        at(leaflet.path, blocks["infusion"].line + 1, "warning", "TEXT004"),
        at(leaflet.path, leaflet.title.line, "warning", "READ001"),
        at(leaflet.path, blocks["donor-cells"].line, "error", "CLAIM001"),
    ]
    placed = in_reading_order(leaflet, findings)
    assert [(p.code, p.context) for p in placed] == [
        ("CLAIM001", "donor-cells"),
        ("READ001", "title"),
        ("TEXT004", "infusion"),
        ("READ006", "screening"),
        ("TEXT001", "ui.po: references"),
    ]


@pytest.mark.parametrize("catalog", sorted(ROOT.glob("locales/*/LC_MESSAGES/ui.po")), ids=str)
def test_every_interface_language_translates_the_proofs_own_words(catalog: Path) -> None:
    entries = {e.msgctxt: e for e in read_po(catalog).active}
    for key in PROOF_WORDS:
        assert entries[key].msgstr.strip() and not entries[key].fuzzy, (catalog, key)


def test_a_proof_is_built_again_when_the_checks_settings_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The proof prints the content checks' findings, so their settings are its inputs
    (as --strict's): a READ006 turned off in msc-leaflet.toml left the proof, "up to
    date", still listing it."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796169600")
    root = copy_bundled(tmp_path)
    out = tmp_path / "out"
    args = ("build", "infusion-safety", "-l", "th", "--proof", "--project", str(root))
    code, output = invoke(*args, "-o", str(out))
    assert code == 0, output
    pdf = out / "th" / "infusion-safety.proof.pdf"
    assert "READ006" in page_texts(pdf)[-1]
    (root / "msc-leaflet.toml").write_text('[checks.READ006]\nseverity = "off"\n', "utf-8")
    code, output = invoke(*args, "-o", str(out))
    assert code == 0 and "1 built" in output, output
    last = page_texts(pdf)[-1]
    assert "READ006" not in last and TH_NONE in last


def test_a_two_language_proof_runs_the_checks_of_the_language_it_lists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A parallel edition's proof prints the translation's review pages only, but the
    build ran `check` on the English column too and dropped what it found (about
    0.4 s of a 2 s build). The checks run once, for the language the pages list."""
    import msc_leaflet.checks as checks

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796169600")
    root = copy_bundled(tmp_path)
    checked: list[list[str]] = []
    run = checks.run_checks

    def counted(*args: object, **kwargs: object) -> object:
        checked.append(list(args[2]))  # type: ignore[call-overload]
        return run(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(checks, "run_checks", counted)
    code, output = invoke(
        "build", "choosing-a-clinic", "-l", "th", "--edition", "parallel", "--proof",
        "--project", str(root), "-o", str(tmp_path / "out"),
    )  # fmt: skip
    assert code == 0, output
    assert checked == [["th"]]
    text = "\n".join(page_texts(tmp_path / "out" / "th" / "choosing-a-clinic.parallel.proof.pdf"))
    assert TH_HEADING in text and TH_NONE in text


@pytest.mark.parametrize("allow_fuzzy", [False, True])
def test_a_text_printed_in_english_is_listed_once_with_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, allow_fuzzy: bool
) -> None:
    """A fuzzy entry and an untranslated one were each listed three times on a proof:
    as printed in English, in the build's warning naming them, and as `check`'s I18N001
    relaying that warning. Each is now one line, with why and its catalog line. With
    --allow-fuzzy the fuzzy Thai is printed, and no line says it was "not used"."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796169600")
    root = copy_bundled(tmp_path)
    catalog = root / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
    set_msgstr(catalog, "risks-intro", "ข้อความ", fuzzy=True)
    set_msgstr(catalog, "screening", "")
    entry = {e.msgctxt: e.msgstr_line for e in read_po(catalog).active}
    extra = ("--allow-fuzzy",) if allow_fuzzy else ()
    code, output = invoke(
        "build", "infusion-safety", "-l", "th", "--proof", "--project", str(root),
        "-o", str(tmp_path / "out"), *extra,
    )  # fmt: skip
    assert code == 0, output
    text = squeezed("\n".join(page_texts(tmp_path / "out" / "th" / "infusion-safety.proof.pdf")))
    said = f"screening (line 89; untranslated, infusion-safety.po line {entry['screening']}):"
    assert text.count(squeezed(said)) == 1, text
    assert text.count("screening(line") == 1 and "I18N001" not in text, text
    fuzzy = f"risks-intro (line 55; fuzzy, infusion-safety.po line {entry['risks-intro']}):"
    assert text.count(squeezed(fuzzy)) == (0 if allow_fuzzy else 1), text
    assert "notused" not in text and "risks-intro(line" not in text.replace(squeezed(fuzzy), "")


def test_a_text_printed_in_english_is_listed_as_read_not_as_markup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The proof listed an untranslated text as its markup: "**Hemocompatibility
    screening** means…", a reviewer reading marks the page never prints. It is now
    listed as read: no emphasis marks or escapes, a link as its label, no soft hyphen
    or zero-width space; a citation as the [@key] its author wrote."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796169600")
    root = copy_bundled(tmp_path)
    leaflet = root / "leaflets" / "infusion-safety.yaml"
    source = leaflet.read_text("utf-8")
    written = (
        "**Hemocompatibility screening** means *testing*, before use, a \\*batch\\* "
        "(see [the guidance](https://example.org/guide)) of cells [@ankrum2014] in "
        "blood\u00ad\u200bwork."
    )
    start = source.index(">-\n      **Hemocompatibility screening**")
    end = source.index("clot.", start) + len("clot.")
    leaflet.write_text(source[:start] + json.dumps(written) + source[end:], "utf-8")
    catalog = root / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
    set_msgstr(catalog, "screening", "")
    text = proof(root, tmp_path / "out", "infusion-safety", "th")
    read = "Hemocompatibility screening means testing, before use, a *batch* (see the "
    read += "guidance) of cells [@ankrum2014] in bloodwork."
    assert squeezed(read) in squeezed(text), text
    assert "**" not in text and "\\" not in text and "example.org" not in text, text


NO_IDS = """\
id: no-ids
language: en
title: After your visit
document: {code: MSC-PI-090, version: "1.0", published: 2026-11-01, next_review: 2027-11-01}
organisation: sample-clinic
disclaimer: This leaflet is general information only.
blocks:
  - heading: Rest at home
  - paragraph: Rest for the rest of the day [@galipeau2018].
references:
  - {key: galipeau2018, authors: [Galipeau J, Sensébé L], year: 2018,
     title: "Mesenchymal stromal cells: clinical challenges and therapeutic opportunities",
     journal: Cell Stem Cell, volume: "22", issue: "6", pages: 824–833}
"""


@pytest.mark.parametrize("edition", ["single", "parallel"])
def test_a_block_without_an_id_is_named_by_its_context_in_the_margin_and_the_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edition: str
) -> None:
    """A block written without `id:` (the starter leaflet's paragraph and FAQ) has the
    context "paragraph/2" in its catalog, but its proof printed nothing beside it in the
    margin, and its findings were listed as "CLAIM001 (error) : [th] …": a reviewer
    could not tell which block, nor find its entry. Both now name "paragraph/2"."""
    import pypdfium2 as pdfium

    from msc_leaflet.theme import load_theme

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796169600")
    root = copy_bundled(tmp_path)
    (root / "leaflets" / "no-ids.yaml").write_text(NO_IDS, "utf-8")
    code, output = invoke("i18n", "init", "th", "--project", str(root), "-q")
    assert code == 0, output
    catalog = root / "locales" / "th" / "LC_MESSAGES" / "no-ids.po"
    for context, msgstr in [
        ("title", "หลังการมาพบแพทย์"),  # "After your visit"
        ("disclaimer", "เอกสารนี้เป็นข้อมูลทั่วไปเท่านั้น"),  # "general information only"
        ("heading/1", "พักผ่อนที่บ้าน"),  # "Rest at home"
        ("paragraph/2", "เซลล์รักษาโรคให้หายขาด [@galipeau2018]"),  # "cells cure completely"
    ]:
        set_msgstr(catalog, context, msgstr)
    code, output = invoke(
        "build", "no-ids", "-l", "th", "--proof", "--edition", edition, "--project",
        str(root), "-o", str(tmp_path / "out"),
    )  # fmt: skip
    assert code == 0, output
    suffix = ".proof.pdf" if edition == "single" else ".parallel.proof.pdf"
    pdf = tmp_path / "out" / "th" / f"no-ids{suffix}"
    body_left = load_theme().margins["left"]
    page = pdfium.PdfDocument(pdf)[0]
    text = page.get_textpage()
    margin = [
        text.get_text_bounded(*obj.get_bounds()).strip()
        for obj in page.get_objects()
        if obj.type == pdfium.raw.FPDF_PAGEOBJ_TEXT and obj.get_bounds()[2] < body_left
    ]
    assert "heading/1" in margin and "paragraph/2" in margin, margin
    listed = squeezed("\n".join(page_texts(pdf)))
    assert squeezed("CLAIM001 (error) paragraph/2: [th] risky claim “หายขาด”") in listed
