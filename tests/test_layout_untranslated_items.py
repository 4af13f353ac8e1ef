"""A list item printed untranslated (its translation missing) in a list of the
translation's: its text is in the source language, and so is everything read with it.
Its number or bullet is read in that language too, unless it is written in the page's
own digits; and where the item runs in the other direction than the list (English in
an Arabic list, whose bullets hang at the right), its text stays beside its bullet."""

from __future__ import annotations

import shutil
from pathlib import Path

import pypdfium2 as pdfium

from i18n_support import set_msgstr
from msc_leaflet.build import build_leaflet
from msc_leaflet.project import Project
from tagged_read import structure

LANGUAGES = Path(__file__).parent / "fixtures" / "languages"
LEAFLET = "after-your-infusion"
UNTRANSLATED = "trouble breathing"  # urgent-signs/2


def _build(tmp_path: Path, locale: str, numbered: bool = False) -> Path:
    """The fixture leaflet in ``locale`` with its second warning sign untranslated."""
    root = tmp_path / "languages"
    shutil.copytree(LANGUAGES, root)
    if numbered:
        source = root / "leaflets" / f"{LEAFLET}.yaml"
        text = source.read_text(encoding="utf-8")
        source.write_text(text.replace("style: bullet", "style: numbered"), encoding="utf-8")
    catalog = root / "locales" / locale / "LC_MESSAGES" / f"{LEAFLET}.po"
    set_msgstr(catalog, "urgent-signs/2", "")
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
