"""A text printed untranslated (its translation missing) among the translation's: it
is in the source language, and so is everything read with it. A list item's number or
bullet is read in the item's language, unless it is written in the page's own digits;
an item that runs in the other direction than its list (English in an Arabic list,
whose bullets hang at the right) stays beside its bullet; a citation's link in it is
described in its language, or tagged in the language its description is in."""

from __future__ import annotations

import shutil
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium

from conftest import ORGANISATION, leaflet_yaml
from i18n_support import set_msgstr
from msc_leaflet.build import build_leaflet
from msc_leaflet.project import Project
from tagged_read import structure

LANGUAGES = Path(__file__).parent / "fixtures" / "languages"
LEAFLET = "after-your-infusion"
UNTRANSLATED = "trouble breathing"  # urgent-signs/2


def _build(tmp_path: Path, locale: str, numbered: bool = False, also: tuple[str, ...] = ()) -> Path:
    """The fixture leaflet in ``locale`` with its second warning sign untranslated, and
    the entries ``also``."""
    root = tmp_path / "languages"
    shutil.copytree(LANGUAGES, root)
    if numbered:
        source = root / "leaflets" / f"{LEAFLET}.yaml"
        text = source.read_text(encoding="utf-8")
        source.write_text(text.replace("style: bullet", "style: numbered"), encoding="utf-8")
    catalog = root / "locales" / locale / "LC_MESSAGES" / f"{LEAFLET}.po"
    for context in ("urgent-signs/2", *also):
        set_msgstr(catalog, context, "")
    return build_leaflet(Project.at(root), LEAFLET, locale, tmp_path / "out").path


def _items(path: Path) -> list[list[tuple[str, str]]]:
    """Each item of the warning-sign list: its kids' roles and languages."""
    document, _ = structure(path)
    lists = [n for n in document.walk() if n.role == "L"]
    found = next(ls for ls in lists if any(UNTRANSLATED in item.text() for item in ls.kids))
    return [[(kid.role, kid.lang) for kid in item.kids] for item in found.kids]


def test_an_untranslated_items_bullet_is_read_in_the_items_language(tmp_path: Path) -> None:
    """Arabic page, English item: its bullet's Lbl is English as its body is (an
    Arabic voice announced it before an English sentence); the others stay Arabic."""
    path = _build(tmp_path, "ar")
    items = _items(path)
    assert items[1] == [("Lbl", "en"), ("LBody", "en")]
    assert all(item == [("Lbl", "ar"), ("LBody", "ar")] for n, item in enumerate(items) if n != 1)


def test_a_number_in_the_pages_own_digits_stays_in_the_pages_language(tmp_path: Path) -> None:
    """Burmese page, English item numbered "၂။": only a Burmese voice reads that
    number, so its Lbl stays Burmese while the item's text is English."""
    path = _build(tmp_path, "my", numbered=True)
    items = _items(path)
    assert items[1] == [("Lbl", "my"), ("LBody", "en")]


def _boxes(path: Path, text: str) -> list[tuple[float, float, float, float]]:
    """Where each occurrence of ``text`` is on the first page (left, bottom, right, top)."""
    pdf = pdfium.PdfDocument(path)
    textpage = pdf[0].get_textpage()
    boxes = []
    searcher = textpage.search(text)
    while (found := searcher.get_next()) is not None:
        start, count = found
        first = textpage.get_charbox(start)
        last = textpage.get_charbox(start + count - 1)
        boxes.append((first[0], first[1], last[2], last[3]))
    return boxes


def test_an_english_item_in_an_arabic_list_stands_beside_its_bullet(tmp_path: Path) -> None:
    """The Arabic list hangs its bullets at the right; the English item runs left to
    right, set flush against its bullet rather than at the column's left edge (it was,
    across the column from a bullet beside nothing)."""
    path = _build(tmp_path, "ar")
    [(_left, bottom, right, top)] = _boxes(path, UNTRANSLATED)
    bullets = [box for box in _boxes(path, "•") if box[1] < top and box[3] > bottom]
    assert bullets, "no bullet on the item's line"
    gap = min(box[0] for box in bullets) - right
    assert 0 < gap < 20  # points: the bullet's gap, not the column's width


def _links(path: Path) -> tuple[list[tuple[str, str]], list[str]]:
    """The citation links of the tree (their number, their language) and what the
    link annotations say, in page order."""
    document, _ = structure(path)
    links = [
        (node.text().strip("\u200e\u200f "), node.lang)
        for node in document.walk()
        if node.role == "Link" and node.text().strip("\u200e\u200f ").isdigit()
    ]
    with pikepdf.open(path) as pdf:
        said = [
            str(annotation.get("/Contents", ""))
            for page in pdf.pages
            for annotation in page.get("/Annots", [])
            if annotation.get("/Subtype") == "/Link" and "/Dest" in annotation
        ]
    return links, said


def test_a_citation_in_an_untranslated_sentence_is_described_in_its_language(
    tmp_path: Path,
) -> None:
    """Arabic page, English paragraph (untranslated) citing reference 1: its link said
    "المرجع 1" to a screen reader reading English; it says "Reference 1". A citation
    in a translated answer is still described in Arabic."""
    path = _build(tmp_path, "ar", also=("where-cells-go",))
    links, said = _links(path)
    assert links == [("1", "en"), ("2", "ar")]
    assert said == ["Reference 1", "المرجع 2"]


THAI_SOURCE = """\
id: sample
language: th
title: หลังการให้เซลล์
document:
  code: T-001
  version: "2.1"
  published: 2026-01-01
  next_review: 2027-01-01
organisation: test-clinic
disclaimer: นี่ไม่ใช่คำแนะนำทางการแพทย์
blocks:
  - paragraph: เซลล์ส่วนใหญ่อาจติดอยู่ในหลอดเลือดขนาดเล็กของปอดก่อน [@alpha2001]
references:
  - key: alpha2001
    authors: [Alpha A]
    title: A first study of cells
    journal: J Test
    year: 2001
"""


def test_a_citation_in_a_sentence_no_catalog_translates_is_tagged_as_described(
    tmp_path: Path,
) -> None:
    """A Thai leaflet built in English with no catalog: its Thai sentence cites
    reference 1, and the build has no Thai words to describe the link with. The link
    says "Reference 1", so it is tagged English, not Thai as the sentence is (a Thai
    voice read the English words)."""
    root = tmp_path / "project"
    (root / "leaflets").mkdir(parents=True)
    (root / "organisations").mkdir()
    (root / "organisations" / "test-clinic.yaml").write_text(ORGANISATION, encoding="utf-8")
    (root / "leaflets" / "sample.yaml").write_text(THAI_SOURCE, encoding="utf-8")
    path = build_leaflet(Project.at(root), "sample", "en", tmp_path / "out").path
    links, said = _links(path)
    assert links == [("1", "en")]
    assert said == ["Reference 1"]


def _left(path: Path, text: str, below: float = 10_000.0) -> float:
    """The left edge of the first ``text`` on the first page whose top is below
    ``below`` points."""
    return next(box[0] for box in _boxes(path, text) if box[3] < below)


def test_english_labels_on_an_arabic_page_stand_before_their_values(tmp_path: Path) -> None:
    """An Arabic build with no ui.po prints its labels in English before Arabic dates.
    The bidi algorithm joined a label to the digits after it: "Published 1" stood at
    the line's right end, away from "يناير 2026", and the footer read "2027 يناير
    T-001 · Version 2.1 · Review date 1". Each label now stands before its value in
    the Arabic line's order, right to left."""
    root = tmp_path / "project"
    (root / "leaflets").mkdir(parents=True)
    (root / "organisations").mkdir()
    (root / "organisations" / "test-clinic.yaml").write_text(ORGANISATION, encoding="utf-8")
    yaml = leaflet_yaml("- paragraph: Read this first.\n")
    (root / "leaflets" / "sample.yaml").write_text(yaml, encoding="utf-8")
    path = build_leaflet(Project.at(root), "sample", "ar", tmp_path / "out").path
    # The title block's line: Version 2.1 · Published 1 يناير 2026 · Review date …
    version, published, review = (_left(path, word) for word in ("Version", "Published", "Review"))
    assert version > published > _left(path, "2026") > review
    # The footer, under everything else: T-001 · Version 2.1 · Review date 1 يناير 2027
    # (pdfium reads the code "-001T" on a line of its own: docs/scripts.md).
    footer = max(box[3] for box in _boxes(path, "001"))
    code = _left(path, "001", footer + 1)
    later = [_left(path, word, footer + 1) for word in ("Version", "Review", "2027")]
    assert code > later[0] > later[1] > later[2]


ARABIC_SOURCE = """\
id: sample
language: ar
title: بعد تسريب الخلايا
document:
  code: T-001
  version: "2.1"
  published: 2026-01-01
  next_review: 2027-01-01
organisation: test-clinic
disclaimer: هذه النشرة معلومات عامة فقط.
blocks:
  - list:
      - ألم في الصدر
      - صعوبة في التنفس
"""


def test_an_arabic_item_in_an_english_list_stands_beside_its_bullet(tmp_path: Path) -> None:
    """The mirror: an Arabic leaflet built in English with no catalog. The list hangs
    its bullets at the left; each Arabic item runs right to left, set flush against its
    bullet (at the left), not at the column's right edge."""
    root = tmp_path / "project"
    (root / "leaflets").mkdir(parents=True)
    (root / "organisations").mkdir()
    (root / "organisations" / "test-clinic.yaml").write_text(ORGANISATION, encoding="utf-8")
    (root / "leaflets" / "sample.yaml").write_text(ARABIC_SOURCE, encoding="utf-8")
    path = build_leaflet(Project.at(root), "sample", "en", tmp_path / "out").path
    textpage = pdfium.PdfDocument(path)[0].get_textpage()
    bullets = _boxes(path, "•")
    assert len(bullets) == 2
    for _left, bottom, right, top in bullets:
        beside = textpage.get_text_bounded(right + 1, bottom, right + 20, top)
        assert beside.strip(), "nothing within 20 points right of the bullet"


def _column_right(path: Path) -> float:
    """The right edge of the Arabic column's text: the right end of a heading's line
    (its number, "01 ·", at the right of its words)."""
    textpage = pdfium.PdfDocument(path)[0].get_textpage()
    searcher = textpage.search("إلى أين تذهب الخلايا")
    start, _count = searcher.get_next()
    _left, bottom, _right, top = textpage.get_charbox(start)
    boxes = (textpage.get_charbox(k) for k in range(textpage.count_chars()))
    return float(max(box[2] for box in boxes if bottom - 2 < (box[1] + box[3]) / 2 < top + 2))


def test_an_english_paragraph_on_an_arabic_page_stands_at_the_columns_start(
    tmp_path: Path,
) -> None:
    """Arabic page, two English paragraphs (untranslated), each running left to right.
    The one of one line stands at the column's right, where the page's lines start: it
    was set at the column's left, across the page from where an Arabic reader looks for
    it. The one that wraps fills the column, its lines flush left as English lines are
    (CSS `width: fit-content`)."""
    path = _build(tmp_path, "ar", also=("signs-intro", "where-cells-go"))
    column = _column_right(path)
    [(left, _bottom, right, _top)] = _boxes(path, "Call emergency services")
    [(_l, _b, end, _t)] = _boxes(path, "if you have:")
    assert abs(end - column) < 1.5 and left < right < end  # left to right, ending at its start
    [(first, *_)] = _boxes(path, "After an infusion")
    [(second, *_)] = _boxes(path, "not stay for long")
    assert abs(second - first) < 1.5 and first < left - 100


def test_english_contact_lines_on_an_arabic_page_read_label_then_value(tmp_path: Path) -> None:
    """An Arabic build with no ui.po: each contact line of the closing box is English
    ("LINE: @testclinic"), and runs left to right, its label first, at the box's right.
    Set as Arabic, it read "@testclinic :LINE", its colon between the two."""
    root = tmp_path / "project"
    (root / "leaflets").mkdir(parents=True)
    (root / "organisations").mkdir()
    organisation = ORGANISATION + "phone: 02 123 4567\naddress: 45 Riverside Road\n"
    (root / "organisations" / "test-clinic.yaml").write_text(organisation, encoding="utf-8")
    yaml = leaflet_yaml("- paragraph: Read this first.\n")
    (root / "leaflets" / "sample.yaml").write_text(yaml, encoding="utf-8")
    path = build_leaflet(Project.at(root), "sample", "ar", tmp_path / "out").path
    name = min(_boxes(path, "Test Clinic"), key=lambda box: box[3])  # the box's, not the band's
    right = name[2]

    def below_name(found: str) -> tuple[float, float, float, float]:
        [box] = [box for box in _boxes(path, found) if box[3] < name[1]]
        return box

    lines = ["Address: 45 Riverside Road", "Phone: 02 123 4567", "LINE: @testclinic"]
    lines += ["WhatsApp: +66 80 000 0000", "Web: https://example.org"]
    text = pdfium.PdfDocument(path)[0].get_textpage().get_text_range()
    for line in lines:
        label, value = line.split(": ", 1)
        assert line in text
        label_left, *_ = below_name(f"{label}:")
        value_left, _bottom, value_right, _top = below_name(value)
        assert label_left < value_left and abs(value_right - right) < 1.5, line


def test_an_english_page_number_in_arabic_indic_digits_reads_as_english(tmp_path: Path) -> None:
    """An ar_EG build with no ui.po numbers its pages in Arabic-Indic digits inside the
    English "Page 1 of 1". The bidi algorithm orders those digits as Arabic, so the
    footer drew "١ of ١ Page", each word in its place from the right; it now reads
    "Page ١ of ١" left to right."""
    root = tmp_path / "project"
    (root / "leaflets").mkdir(parents=True)
    (root / "organisations").mkdir()
    (root / "organisations" / "test-clinic.yaml").write_text(ORGANISATION, encoding="utf-8")
    yaml = leaflet_yaml("- paragraph: Read this first.\n")
    (root / "leaflets" / "sample.yaml").write_text(yaml, encoding="utf-8")
    path = build_leaflet(Project.at(root), "sample", "ar_EG", tmp_path / "out").path
    [(page, bottom, right, top)] = _boxes(path, "Page")
    [(of, *_)] = _boxes(path, "of")
    beside = [box[0] for box in _boxes(path, "١") if box[1] < top and box[3] > bottom]
    digits = [x for x in beside if page < x < right + 40]  # not the footer's dates
    assert len(digits) == 2 and page < min(digits) < of < max(digits)
