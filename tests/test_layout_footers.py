"""Reference footers under stress: a page cites many works, and each is still listed at
the foot of the page that cites it, with the body moved on rather than refused."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest
import yaml

from conftest import REPO, leaflet_yaml
from msc_leaflet.build import build_leaflet
from msc_leaflet.build.options import Options
from msc_leaflet.i18n.pofile import read_po, write_po
from msc_leaflet.i18n.workflow import init_locale
from msc_leaflet.print_spec import PrintSpec
from msc_leaflet.project import Project
from page_fill import page_fill
from pdfread import citations_by_page, listed_by_page, page_texts
from test_languages_editions import squash


def _references(count: int) -> str:
    study = {"journal": "J Test", "year": 2001}
    return yaml.safe_dump(
        {
            "references": [
                {"key": f"s{n:02d}", "authors": ["Author A", "Other B"], "title": title, **study}
                for n in range(count)
                for title in [
                    f"Safety of stromal cell infusions in adults with knee pain: trial {n}, "
                    "a randomised comparison with saline, with two years of follow-up"
                ]
            ]
        }
    )


def test_an_evidence_table_citing_a_work_per_row_splits_its_footer_over_pages(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    # Each row cites its own study: 40 footer entries are taller than a page, but the
    # table splits between rows, each part listing only the works it cites. The split
    # used to reserve room for the whole table's 40 entries, found no room for any row
    # and refused the leaflet ("notes ... are taller than the page").
    rows = "\n".join(f'    - ["Study {n} [@s{n:02d}]", "no serious harm"]' for n in range(40))
    blocks = f"- table:\n    header: [Study, Result]\n    rows:\n{rows}\n"
    root = make_project({"sample": leaflet_yaml(blocks, references=_references(40))})
    result = build_leaflet(Project.at(root), "sample", None, tmp_path / "out")
    cited, footers = citations_by_page(result.path)
    assert set().union(*cited) == set(range(1, 41))
    for page, (numbers, listed) in enumerate(zip(cited, footers, strict=True), start=1):
        assert numbers <= listed, f"page {page} cites {sorted(numbers - listed)} unlisted"
    # A part sized to its own footer leaves a little room: the rest of the table waits
    # for the next page rather than starting again there under a repeated header.
    for page, text in enumerate(page_texts(result.path), start=1):
        assert text.count("Result") <= 1, f"page {page} repeats the table header"


def _filler(count: int) -> str:
    sentence = "Rest for a day after the visit and drink water when you feel thirsty. "
    return "\n".join(f"- paragraph: {sentence * 6}" for _ in range(count))


def test_a_paragraph_split_mid_page_keeps_room_only_for_the_notes_it_holds(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    # A long paragraph starting low on page 1 cites four works in its last sentence,
    # which falls on page 2. Its first part used to keep room at page 1's foot for
    # those four notes too, printed on page 2: page 1 was left a fifth empty.
    cites = "; ".join(f"@s{n:02d}" for n in range(4))
    closing = f"Ask your doctor which of these studies apply to you [{cites}]."
    long = "Keep the wound dry and clean, and watch it each day for redness. " * 30
    blocks = f"{_filler(7)}\n- paragraph: {long}{closing}\n"
    root = make_project({"sample": leaflet_yaml(blocks, references=_references(4))})
    result = build_leaflet(Project.at(root), "sample", None, tmp_path / "out")
    cited, footers = citations_by_page(result.path)
    assert cited[0] == footers[0] == set(), "the test needs a page 1 that cites nothing"
    assert cited[1] == {1, 2, 3, 4}
    # each printed in full on page 2: in its foot, or in the list (no note then)
    page_2 = "".join(page_texts(result.path)[1].split())
    assert all(page_2.count(f"trial{n},") == 1 for n in range(4)), page_2
    fills = page_fill(result.path, "a4")
    assert fills[0].empty < 30, f"page 1 ends {fills[0].empty:.0f} pt above its foot"


def _named_destinations(path: Path) -> dict[str, tuple[int, float]]:
    """Each named destination: its page (from 1) and the top it leads to."""
    pdf = pikepdf.open(path)
    pages = [page.obj.objgen for page in pdf.pages]
    tree = pikepdf.NameTree(pdf.Root.Names.Dests)
    return {str(n): (pages.index(d[0].objgen) + 1, float(d[3])) for n, d in tree.items()}


def _citation_targets(path: Path) -> list[tuple[int, str]]:
    """(page, destination name) of each link a page holds."""
    pdf = pikepdf.open(path)
    return [
        (number, str(annotation.Dest))
        for number, page in enumerate(pdf.pages, start=1)
        for annotation in page.obj.get("/Annots", [])
        if isinstance(annotation.get("/Dest"), pikepdf.String)
    ]


def _reprinted(path: Path, titles: list[str]) -> list[str]:
    """The reference titles a page of ``path`` prints more than once."""
    squeezed = ["".join(title.split()) for title in titles]
    return [
        f"page {page}: {title}"
        for page, text in enumerate(page_texts(path), start=1)
        for title, squeeze in zip(titles, squeezed, strict=True)
        if "".join(text.split()).count(squeeze) > 1
    ]


def _assert_citations_lead_to_their_page(path: Path) -> None:
    named = _named_destinations(path)
    targets = _citation_targets(path)
    assert targets
    for page, name in targets:
        assert named[name][0] == page, f"page {page}'s link {name} leads to {named[name][0]}"


def test_a_page_that_prints_the_reference_list_repeats_none_of_it_in_notes(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    # The last page cites two works and prints the list: its foot repeated both
    # entries under the list that prints them in full. A work the list prints whole
    # on the same page has no note there; its citations lead to the list's entry.
    blocks = (
        "- paragraph: Ask about the first study [@alpha2001].\n"
        "- paragraph: And about the third [@delta2003].\n"
    )
    root = make_project({"sample": leaflet_yaml(blocks)})
    result = build_leaflet(Project.at(root), "sample", None, tmp_path / "out")
    assert _reprinted(result.path, ["A first study of cells", "A third study"]) == []
    cited, _ = citations_by_page(result.path)
    assert cited == [{1, 2}]
    _assert_citations_lead_to_their_page(result.path)


@pytest.mark.parametrize("edition", ["parallel", "sequential"])
def test_no_bundled_page_repeats_in_notes_what_its_reference_list_prints(
    tmp_path: Path, edition: str
) -> None:
    # what-msc-can-do, Thai parallel A4: page 5's foot repeated references 3 and 5,
    # printed in full by the list above them (40 pt: the leaflet took a sixth page).
    project = Project.at(REPO)
    result = build_leaflet(project, "what-msc-can-do", "th", tmp_path, edition=edition)
    leaflet = yaml.safe_load(project.leaflet_path("what-msc-can-do").read_text())
    titles = [reference["title"] for reference in leaflet["references"]]
    assert _reprinted(result.path, titles) == []
    _assert_citations_lead_to_their_page(result.path)
    if edition == "parallel":  # the room given back split the closing box, once
        together = [("ติดต่อเรา" in text, "Contact us" in text) for text in page_texts(result.path)]
        assert all(thai == english for thai, english in together), together


def _header_ink_over_rule(pdf: Path, page_index: int) -> tuple[float, float]:
    """(lowest ink of the running header's text, middle of the rule under it), in
    points from the page's foot, as pdfium reads the page: its glyph boxes are the ink
    (its box of a stroked line is wider than the stroke, so the middle is compared)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[page_index]
        _, height = page.get_size()
        rules = [
            obj.get_bounds()
            for obj in page.get_objects(max_depth=1)
            if obj.type == pypdfium2.raw.FPDF_PAGEOBJ_PATH
        ]
        rule = max(
            (b for b in rules if b[3] - b[1] < 2 and b[2] - b[0] > 100 and b[1] > height / 2),
            key=lambda b: b[1],
        )
        text = page.get_textpage()
        boxes = [text.get_charbox(i) for i in range(text.count_chars())]
        header = [b for b in boxes if b[3] > b[1] and b[1] > rule[1] - 12 and b[3] > rule[3]]
        return min(b[1] for b in header), (rule[1] + rule[3]) / 2
    finally:
        document.close()


@pytest.mark.parametrize("lang", ["my", "km", "th", "lo"])
def test_no_mark_of_the_running_header_touches_the_rule_under_it(
    make_project: Callable[..., Path], tmp_path: Path, lang: str
) -> None:
    """A Burmese header's ျ and ြ hang 4.3 pt under its 9 pt baseline, and its rule
    stood 4 pt under it: the letters stood on the rule (after-your-infusion, my)."""
    from scripts_samples import SAMPLES
    from test_scripts_build import TITLES, leaflet

    titles = {**TITLES, "th": "ผู้ป่วยอยู่ที่บ้าน"}
    # A title whose letters hang deepest: Burmese ျ ြ, Khmer subscripts, Thai ู, Lao ູ.
    deep = {"my": "ကျောက်ကပ် ပြုပြင်", "km": "ការថែទាំ ក្រោយ", "th": "ผู้ดูแล", "lo": "ຜູ້ດູແລ"}
    title = f"{titles[lang]} {deep[lang]}"
    root = make_project({"sample": leaflet(lang, title, SAMPLES[lang] * 60)})
    pdf = build_leaflet(Project.at(root), "sample", None, tmp_path / "out").path
    ink, rule = _header_ink_over_rule(pdf, 1)
    # Half the 0.5 pt rule, then half a point of paper between it and the lowest ink.
    assert ink - rule >= 0.25 + 0.5, (lang, ink, rule)


def test_the_footer_reader_finds_the_list_on_a_khmer_parallel_page(tmp_path: Path) -> None:
    """tests/pdfread.py told the reference list by a fixed 9.5 pt; pdfminer reads the
    Latin of the Khmer parallel edition's list larger (10.6 pt), so the list page's
    citations were reported as a missing footer. The page's own note size tells the
    footer from the list, and a body's numbered list is no reference entry."""
    from pdfread import listed_by_page, notes_missing

    project = Project.at(REPO / "tests" / "fixtures" / "everything")
    for edition in ("parallel", "single"):
        path = build_leaflet(project, "every-construct", "km", tmp_path, edition=edition).path
        assert notes_missing(path) == [], edition
        assert set().union(*listed_by_page(path)) == {1, 2}, edition
        assert citations_by_page(path)[1][0] == {1}, edition  # page 1's footer


def test_the_document_code_and_version_print_as_typed_beside_native_page_digits(
    tmp_path: Path,
) -> None:
    """The footer writes its page numbers and review date in Burmese digits (၁ / ၄), but
    the document code and the version are identifiers a clinic's register and an
    auditor search as typed: MSC-PI-004 and 1.0, never MSC-PI-၀၀၄ or ၁.၀."""
    path = build_leaflet(Project.at(REPO), "infusion-safety", "my", tmp_path).path
    for number, text in enumerate(page_texts(path), start=1):
        assert "MSC-PI-004 · ဗားရှင်း 1.0 ·" in text, text
        assert f"စာမျက်နှာ {'၀၁၂၃၄၅၆၇၈၉'[number]} /" in text, text
        assert "MSC-PI-၀" not in text and "၁.၀" not in text


#: "You may drink plain water, but no coffee, tea, milk or sweet drinks.", in Thai (the
#: fasting fixture's), and in English: a cell of a Thai-source leaflet's table.
THAI_DRINKS = "ดื่มน้ำเปล่าได้ แต่ห้ามดื่มกาแฟ ชา นม หรือน้ำหวาน"
DRINKS = "You may drink plain water, but no coffee, tea, milk or sweet drinks."


def test_a_parallel_table_that_fits_a_page_but_not_above_its_notes_splits_there(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """A Thai-source table of three rows fits the bare page of an A5 parallel column,
    but not above the notes of the works it cites: it moves whole to the next page,
    and there must split. In a column a table was never told it starts a page (where
    the single edition's splits however it can), so it split nowhere, and the build
    was refused ("this table cell (…) makes its row taller than a page")."""
    repeats = 3
    cell = " ".join([THAI_DRINKS] * repeats)
    cites = "; ".join(f"@s{n:02d}" for n in range(6))
    rows = "".join(f"      - ['น้ำ [{cites}]', '{cell}']\n" for _ in range(3))
    blocks = f"- heading: สิ่งที่ดื่มได้\n- table:\n    header: [เครื่องดื่ม, คำแนะนำ]\n    rows:\n{rows}"
    text = leaflet_yaml(blocks, references=_references(6)).replace("language: en", "language: th")
    root = make_project({"sample": text})
    project = Project.at(root)
    catalog_path = root / "locales" / "en" / "LC_MESSAGES" / "sample.po"
    init_locale(project, "en")
    catalog = read_po(catalog_path)
    english = {cell: " ".join([DRINKS] * repeats), "สิ่งที่ดื่มได้": "What you may drink",
               "เครื่องดื่ม": "Drink", "คำแนะนำ": "Advice"}  # fmt: skip
    for entry in catalog.active:
        if entry.msgid.startswith("น้ำ ["):
            entry.msgstr = entry.msgid.replace("น้ำ", "Water")
        else:
            entry.msgstr = english.get(entry.msgid, entry.msgid)
    write_po(catalog_path, catalog)
    options = Options(spec=PrintSpec(paper="a5"))
    built = build_leaflet(
        project, "sample", "en", tmp_path / "out", edition="parallel", options=options
    )
    cited, footers = citations_by_page(built.path)
    in_list = listed_by_page(built.path)  # the list's page has no notes of what it prints
    for page, numbers in enumerate(cited, start=1):
        listed = footers[page - 1] | in_list[page - 1]
        assert numbers <= listed, f"page {page} cites {sorted(numbers - listed)} unlisted"
    read = "".join(squash(page) for page in page_texts(built.path))
    assert read.count(squash(THAI_DRINKS)) == read.count(squash(DRINKS)) == 3 * repeats


def test_a_longer_translations_table_splits_beside_its_source_kept_whole(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """The English table of a Thai-source leaflet is taller than its source: above the
    notes of the works a row cites, it must split at the top of a page while the Thai
    table beside it fits whole. A box going on alone beside its counterpart's end moved
    the row on, to a page that gave it no more room, and the build was refused ("this
    table cell (…) makes its row taller than a page")."""
    cites = "; ".join(f"@s{n:02d}" for n in range(10))
    advice = " ".join([DRINKS] * 4)
    english = {  # Thai and English; the first two rows' advice is longer in English
        "เครื่องดื่ม": "Drink", "คำแนะนำ": "Advice", "สิ่งที่ดื่มได้": "What you may drink",
        "น้ำเปล่า": "Plain water", "กาแฟ": "Coffee", "ชา": "Tea", "ห้ามดื่ม": "Do not drink it.",
        "ดื่มได้": advice, f"ดื่มได้บ้าง [{cites}]": f"{advice} [{cites}]",
    }  # fmt: skip
    blocks = (
        "- table:\n    header: [เครื่องดื่ม, คำแนะนำ]\n    rows:\n"
        f"      - [น้ำเปล่า, ดื่มได้]\n      - [กาแฟ, 'ดื่มได้บ้าง [{cites}]']\n"
        "      - [ชา, ห้ามดื่ม]\n  caption: สิ่งที่ดื่มได้\n"
    )
    text = leaflet_yaml(blocks, references=_references(10)).replace("language: en", "language: th")
    root = make_project({"sample": text})
    project = Project.at(root)
    init_locale(project, "en")
    catalog_path = root / "locales" / "en" / "LC_MESSAGES" / "sample.po"
    catalog = read_po(catalog_path)
    for entry in catalog.active:
        entry.msgstr = english.get(entry.msgid, entry.msgid)
    write_po(catalog_path, catalog)
    options = Options(spec=PrintSpec(paper="a5"))
    built = build_leaflet(
        project, "sample", "en", tmp_path / "out", edition="parallel", options=options
    )
    read = "".join(squash(page) for page in page_texts(built.path))
    assert read.count(squash(DRINKS)) == 2 * 4
    cited, footers = citations_by_page(built.path)
    in_list = listed_by_page(built.path)
    for page, numbers in enumerate(cited, start=1):
        assert numbers <= footers[page - 1] | in_list[page - 1], f"page {page}"
