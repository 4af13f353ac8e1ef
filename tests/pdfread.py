"""Read back what a reader of a PDF sees: text per page, superscripts, footers, fonts."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from pathlib import Path
from typing import Any, TypeVar

import pikepdf
import pypdfium2
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTContainer, LTTextContainer, LTTextLine
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

T = TypeVar("T")

BODY_SIZE = 10.5
FOOTER_SIZE = 9.0  # theme `note`: the print floor; a page without a running footer is read so
# The start of a reference entry, in a footer or the list: its number, then a Vancouver
# author ("Galipeau J," "Ankrum JA,") or a group name and its year locator ("2018;").
ENTRY = re.compile(r"(\d+)\. (?=.*(?:\b\w[\w'’-]* [A-Z]{1,3}[,.]|\b(?:19|20)\d\d[;.]))")


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def pdfium_find(path: Path, queries: list[str]) -> dict[str, int]:
    """How many matches pdfium's own search (``FPDFText_FindStart``, as pypdfium2's
    ``PdfTextPage.search`` calls it: case ignored, not whole words) counts for each
    query in the whole document. Between two words of a query it accepts only spaces
    and line ends in the page's text, so a format character there (a mark of the text
    layer) hides the phrase."""
    document = pypdfium2.PdfDocument(path)
    try:
        counts = dict.fromkeys(queries, 0)
        for page in document:
            text_page = page.get_textpage()
            for query in queries:
                search = text_page.search(query)
                while search.get_next() is not None:
                    counts[query] += 1
        return counts
    finally:
        document.close()


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def items_of(
    container: LTContainer[Any], kind: type[T], through: type[LTContainer[Any]] = LTTextContainer
) -> list[T]:
    """Every ``kind`` inside pdfminer's layout ``container``, looking inside ``through``."""
    found: list[T] = []
    stack = list(container)
    while stack:
        item = stack.pop()
        if isinstance(item, kind):
            found.append(item)
        elif isinstance(item, through):
            stack.extend(item)
    return found


def _lines(path: Path) -> list[list[LTTextLine]]:
    return [
        sorted(items_of(layout, LTTextLine), key=lambda line: -line.y1)
        for layout in extract_pages(str(path))
    ]


def citations_by_page(path: Path) -> tuple[list[set[int]], list[set[int]]]:
    """(numbers cited in superscripts, numbers of footer entries) for each page."""
    cited: list[set[int]] = []
    footers: list[set[int]] = []
    for lines in _lines(path):
        page_cited: set[int] = set()
        page_footer: set[int] = set()
        for line in lines:
            chars = [c for c in line if isinstance(c, LTChar)]
            if not chars:
                continue
            groups: dict[int, str] = defaultdict(str)
            group = 0
            line_size = max(c.size for c in chars)
            for prev, char in zip([None, *chars], chars, strict=False):
                # Superscripts are set smaller than their line (never below the 9 pt floor).
                if char.size < line_size - 0.3:
                    if prev is None or prev.size >= line_size - 0.3:
                        group += 1
                    groups[group] += char.get_text()
            for text in groups.values():
                page_cited |= _expand(text)
        page_footer = {number for number, in_footer in _entries(lines) if in_footer}
        cited.append(page_cited)
        footers.append(page_footer)
    return cited, footers


def _size(line: LTTextLine) -> float:
    return max((c.size for c in line if isinstance(c, LTChar)), default=0.0)


def note_size(lines: list[LTTextLine]) -> float:
    """The size the page's footer is set in, as pdfminer reads it on this page: that of
    its running footer (version, page number), its lowest line, set in the same `note`
    style. Read from the page, not assumed: pdfminer reads a Khmer page's Latin larger
    (10.6 pt for 9.5) than the size it was set in."""
    sized = [line for line in lines if _size(line)]
    return _size(min(sized, key=lambda line: line.y0)) if sized else FOOTER_SIZE


def _entries(lines: list[LTTextLine]) -> list[tuple[int, bool]]:
    """Each reference entry that starts on the page (`ENTRY`: a numbered list of the
    body is none), with whether it is in the footer (set in the page's note size)
    rather than the reference list (set larger)."""
    note = note_size(lines)
    found = []
    for line in lines:
        match = ENTRY.match(line.get_text())
        if match and _size(line):
            found.append((int(match.group(1)), abs(_size(line) - note) < 0.2))
    return found


def listed_by_page(path: Path) -> list[set[int]]:
    """The numbers of the reference list's entries that start on each page."""
    return [
        {number for number, in_footer in _entries(lines) if not in_footer} for lines in _lines(path)
    ]


def notes_missing(path: Path) -> list[str]:
    """Pages whose footer lists other works than those it cites, but for the works its
    reference list prints (a page that prints the list has no note for them)."""
    cited, footers = citations_by_page(path)
    return [
        f"page {page}: cites {sorted(body)}, footer lists {sorted(footer)}, "
        f"the list {sorted(listed)}"
        for page, (body, footer, listed) in enumerate(
            zip(cited, footers, listed_by_page(path), strict=True), start=1
        )
        if footer != body - listed
    ]


def _expand(text: str) -> set[int]:
    numbers: set[int] = set()
    for part in re.findall(r"\d+(?:[–-]\d+)?", text):
        if "–" in part or "-" in part:
            a, b = re.split(r"[–-]", part)
            numbers |= set(range(int(a), int(b) + 1))
        else:
            numbers.add(int(part))
    return numbers


def font_problems(path: Path) -> list[str]:
    """Fonts that are not embedded subsets (standard-14 fonts included)."""
    problems = []
    for number, page in enumerate(PdfReader(path).pages, 1):
        resources = page["/Resources"]
        assert isinstance(resources, DictionaryObject)
        fonts = resources.get("/Font", {})
        for name, ref in fonts.items():
            font = ref.get_object()
            base = str(font.get("/BaseFont"))
            descriptor = font.get("/FontDescriptor")
            if font.get("/DescendantFonts"):
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            embedded = descriptor is not None and any(
                k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            if not embedded or not re.match(r"/[A-Z]{6}\+", base):
                problems.append(f"page {number}: {name} {base}")
    return problems


def embedded_fonts(pdf: pikepdf.Pdf) -> list[Any]:
    """Every font dictionary the pages use, once each."""
    found = {f.objgen: f for page in pdf.pages for f in page.Resources.Font.values()}
    return list(found.values())


def render_hashes(path: Path) -> list[str]:
    """A hash of each page as pdfium renders it at scale 2: equal hashes, same pixels."""
    document = pypdfium2.PdfDocument(path)
    return [hashlib.sha256(bytes(page.render(scale=2).buffer)).hexdigest() for page in document]
