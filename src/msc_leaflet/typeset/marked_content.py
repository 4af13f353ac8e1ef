"""Tagged PDF at drawing time: which structure element each piece of page content is.

A tagged PDF marks every piece of page content either as content of a structure
element — a marked-content sequence ``/P <</MCID 3>> BDC … EMC`` that the structure
tree points to by page and MCID — or as an artifact (``/Artifact BMC … EMC``): page
furniture, rules and backgrounds, crop marks, and the outlines of marks and
superscripts, whose text the text layer already carries.

Page content is always inside exactly one of the two. Every page opens an artifact
sequence (`Tagger.begin_page`); a line of text that belongs to an element closes it,
marks its text inside its ``BT … ET`` (a link, a citation or a word in another
language gets its own sequence and element there), and opens it again. Whatever else
draws — ReportLab's table backgrounds, rules, anything drawn with no element
current — is therefore an artifact by default, and no text can reach a page
outside the tree unnoticed: the structure test checks exactly that.

The layout builds the tree (`Element`) in reading order and says which element is
being drawn (`Tagger.drawing`); `finishing/tagged_pdf.py` writes the tree.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

ARTIFACT_BEGIN = "/Artifact BMC"
END = "EMC"

# A canvas attribute: the document's `Tagger`, on a canvas that writes a tagged PDF.
TAGGER = "_msc_tagger"


@dataclass(frozen=True, slots=True)
class MarkedContent:
    """A marked-content sequence of an element: page index (0-based) and MCID."""

    page: int
    mcid: int


@dataclass(frozen=True, slots=True)
class Annotation:
    """A link annotation of an element: page index and its index in the page's /Annots."""

    page: int
    index: int


@dataclass(eq=False)
class Element:
    """A structure element. Its kids are in reading order.

    ReportLab deep-copies flowables to measure them; a flowable's element is shared by
    its copies and split parts (`__deepcopy__`), so whichever part is drawn adds its
    content to the one element.
    """

    role: str  # a standard structure type: P, H1, L, LI, LBody, Table, TH, Figure, …
    lang: str = ""  # BCP 47; written only where it differs from the enclosing element's
    alt: str = ""  # a figure's description
    # /ActualText: what its content says, where the drawing's order is not the reading
    # order (a right-to-left list's number, drawn ".1", reads "1.").
    actual_text: str = ""
    attributes: dict[str, Any] = field(default_factory=dict)  # /A, e.g. {"O": "Table"}
    parent: Element | None = None
    kids: list[Element | MarkedContent | Annotation] = field(default_factory=list)
    # The language of Latin-script words in this element's text when its own language is
    # written in another script: the terms a translation keeps from its source ("MSCs").
    terms_lang: str = ""
    # The language its text's letters of other scripts show together (Han beside kana:
    # Japanese), for the letters several languages share (`render.foreign_language`).
    letters_lang: str = ""
    # The Latin words of its text that name something in another Latin-script language
    # ("Chợ Rẫy": Vietnamese), by language (`i18n.same_script.latin_names`).
    latin_names: dict[str, str] = field(default_factory=dict)
    element_id: str = ""  # /ID (PDF/UA requires one on every Note)
    # Its text is all its own, in its language: no link, citation or kept term in it, so
    # its lines are marked without looking at each glyph (`render.uniform_text`).
    uniform: bool = False

    def add(self, role: str, **fields: Any) -> Element:
        """A new child element, after the existing kids."""
        fields.setdefault("lang", self.lang)
        fields.setdefault("terms_lang", self.terms_lang)
        child = Element(role, parent=self, **fields)
        self.kids.append(child)
        return child

    def effective_lang(self) -> str:
        return self.lang or (self.parent.effective_lang() if self.parent else "")

    def __deepcopy__(self, memo: dict[int, Any]) -> Element:
        return self

    def __copy__(self) -> Element:
        return self

    def __repr__(self) -> str:
        return f"Element({self.role}, {len(self.kids)} kids)"


class Tagger:
    """The tagging state of one document while it is drawn.

    ``root`` is the Document element. Its children are ordered by when they first
    show content, not by when the layout made them: the reference footer of a page
    (a Note) then follows the body of that page, and a block the layout made twice
    (a heading kept with a wide table) is read where it is printed. A part of the
    document (`open_part`: each language of the sequential edition) orders its own
    children the same way, and holds the notes of its pages.
    """

    def __init__(self, root: Element) -> None:
        self.root = root
        self.current: Element | None = None
        self.page = 0  # index of the page being drawn
        self.mcids: list[list[Element]] = []  # per page: the element of each MCID
        # Per element ordered by first content (the root, each part): its children
        # that showed anything, in the order they first did.
        self._placed: dict[int, dict[int, Element]] = {id(root): {}}
        # Where a page's notes go: the part its body was in (the root when no part).
        self.part = root
        # Per element, the Link or Span its last line ended in, with its key (a link's
        # ("link", url), a term's ("lang", "en")): a line of that element starting with
        # the same key continues it (a link or a term that wraps).
        self._open: dict[int, tuple[tuple[str, str], Element]] = {}

    def mark(self, element: Element) -> int:
        """A new MCID on the current page for content of ``element``."""
        while len(self.mcids) <= self.page:
            self.mcids.append([])
        page = self.mcids[self.page]
        page.append(element)
        element.kids.append(MarkedContent(self.page, len(page) - 1))
        self._place(element)
        return len(page) - 1

    def continued(self, element: Element, key: tuple[str, str]) -> Element | None:
        """The Link or Span of ``element`` for ``key`` that its previous line ended in:
        a screen reader names and lists a link by its element, and reads a term in
        another language as one, so a link or a term wrapped onto the next line is one
        element (a link with an annotation per line), not two halves ("(International "
        and "Society for Cellular Therapy; ISCT)" in a Thai paragraph)."""
        open_element = self._open.get(id(element))
        return open_element[1] if open_element is not None and open_element[0] == key else None

    def line_ended(self, element: Element, key: tuple[str, str], owner: Element | None) -> None:
        """A line of ``element`` ended in ``owner`` for ``key`` (None: in its own text,
        a citation or a label, which no next line continues)."""
        if owner is None:
            self._open.pop(id(element), None)
        else:
            self._open[id(element)] = (key, owner)

    def annotate(self, element: Element, index: int) -> None:
        """``element`` (a Link) owns annotation ``index`` of the current page."""
        element.kids.append(Annotation(self.page, index))
        self._place(element)

    def open_part(self, part: Element) -> None:
        """``part`` (a child of the root) orders its children by first content too."""
        self._placed[id(part)] = {}

    def _place(self, element: Element) -> None:
        node, part = element, self.root
        while node.parent is not None:
            placed = self._placed.get(id(node.parent))
            if placed is not None:
                placed.setdefault(id(node), node)
                if part is self.root and node.parent is not self.root:
                    part = node.parent
            node = node.parent
        if node is self.root:
            self.part = part

    def reading_order(self, element: Element | None = None) -> list[Element] | None:
        """The children of ``element`` (default: the Document) that show anything, in
        the order they first did; None for an element whose kids are in made order."""
        placed = self._placed.get(id(element if element is not None else self.root))
        return None if placed is None else list(placed.values())

    def content_begin(self, element: Element) -> str:
        """The operators that end the page's artifact sequence and begin ``element``'s
        content outside a text object (a figure's image)."""
        return f"{END}\n{begin_marked(element.role, self.mark(element))}"

    content_end = f"{END}\n{ARTIFACT_BEGIN}"


@contextmanager
def content_of(canvas: Any, element: Element | None) -> Iterator[None]:
    """What is drawn inside, outside any text object, is content of ``element`` (a
    list item's number, `list_numbers`); untagged canvas or no element: no change."""
    tagger = tagger_of(canvas)
    if tagger is None or element is None:
        yield
        return
    code: list[str] = canvas._code
    code.append(tagger.content_begin(element))
    try:
        yield
    finally:
        code.append(tagger.content_end)


def item_label(body: Element) -> Element:
    """The ``Lbl`` of the list item ``body`` is the ``LBody`` of, made before it the
    first time: a number printed in the body's own text (a reference list's "1. ") is
    read as the item's label. ``body`` itself when it is no list item's body (a page's
    Note prints the same entry)."""
    item = body.parent
    if body.role != "LBody" or item is None or item.role != "LI":
        return body
    index = item.kids.index(body)
    before = item.kids[index - 1] if index else None
    if isinstance(before, Element) and before.role == "Lbl":
        return before
    label = Element("Lbl", lang=body.lang, parent=item, terms_lang=body.terms_lang)
    item.kids.insert(index, label)
    return label


def page_box(canvas: Any, x: float, y: float, width: float, height: float) -> list[float]:
    """The rectangle ``x, y, width, height`` of the canvas's current coordinates as a
    /BBox in the page's default ones (left, bottom, right, top): where a Figure is,
    for its Layout attributes. ReportLab tracks the transformation as it is changed."""
    a, b, c, d, e, f = canvas._currentMatrix
    corners = [(x, y), (x + width, y), (x, y + height), (x + width, y + height)]
    xs = [a * u + c * v + e for u, v in corners]
    ys = [b * u + d * v + f for u, v in corners]
    return [round(min(xs), 3), round(min(ys), 3), round(max(xs), 3), round(max(ys), 3)]


def begin_marked(role: str, mcid: int) -> str:
    return f"/{role} <</MCID {mcid}>> BDC"


def tagger_of(canvas: object) -> Tagger | None:
    tagger: Tagger | None = getattr(canvas, TAGGER, None)
    return tagger


class drawing:  # a context manager, named as the call reads: with drawing(canvas, …)
    """Text drawn on ``canvas`` inside is content of ``element``. No element (a copy
    drawn again, a part of something tagged as a whole) or an untagged canvas: no change.

    A class rather than a generator: it is entered once per paragraph drawn."""

    __slots__ = ("_element", "_saved", "_tagger")

    def __init__(self, canvas: object, element: Element | None) -> None:
        self._tagger = tagger_of(canvas) if element is not None else None
        self._element = element
        self._saved: Element | None = None

    def __enter__(self) -> None:
        if self._tagger is not None:
            self._saved = self._tagger.current
            self._tagger.current = self._element

    def __exit__(self, *exc: object) -> None:
        if self._tagger is not None:
            self._tagger.current = self._saved


@contextmanager
def pagination(canvas: Any, part: str) -> Iterator[None]:
    """What is drawn inside is a pagination artifact, ``part`` Header or Footer: a
    screen reader that skips running heads and page numbers knows it is one."""
    tagger = tagger_of(canvas)
    if tagger is None:
        yield
        return
    code: list[str] = canvas._code
    code.append(f"{END}\n/Artifact <</Type /Pagination /Subtype /{part}>> BDC")
    try:
        yield
    finally:
        code.append(f"{END}\n{ARTIFACT_BEGIN}")
