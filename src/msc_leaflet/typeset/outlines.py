"""Glyph outlines as PDF form XObjects, for glyphs drawn outside the text layer.

Thai marks (tone marks, upper and lower vowels, nikhahit), the second glyph of a
decomposed sara am, and the visible digits of a raised citation are painted as filled
paths: exactly the font's outlines at HarfBuzz's positions, but invisible to text
extractors, whose heuristics (sort by x, new line at a raised glyph) would otherwise
scramble them. The text they belong to is carried by the base glyph of their cluster.

Each distinct outline is written once per document, as a form XObject in font units
that takes the fill colour of whoever draws it; one occurrence alone is then
``q s 0 0 s x y cm /FormXob.m0_123 Do Q``, some 40 bytes. Written inline at every
occurrence, the marks of a 4-page Thai leaflet came to 1.1 MB of page content, and
compressing it was most of the cost of writing the file. Marks drawn one after another
at one size share a ``q … Q`` (`FormPlacer`): each after the first moves from the one
before in font units, ``1 0 0 1 dx dy cm /FormXob.m0_124 Do``.
"""

from __future__ import annotations

import weakref
from functools import lru_cache
from typing import Any

from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFFormXObject,
    PDFName,
    PDFStream,
    PDFZCompress,
)
from reportlab.pdfgen.canvas import Canvas

from .pdf_numbers import decimals, num, ratio
from .reportlab_overrides import document_of
from .shaping import Cluster, harfbuzz_font


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


class _PathPen:
    """A fontTools-style pen (HarfBuzz calls it) that writes PDF path operators."""

    def __init__(self) -> None:
        self.ops: list[str] = []
        self.current = (0.0, 0.0)
        self.points: list[tuple[float, float]] = []  # every point, for the bounding box

    def moveTo(self, p: tuple[float, float]) -> None:
        self.ops.append(f"{_n(p[0])} {_n(p[1])} m")
        self.current = p
        self.points.append(p)

    def lineTo(self, p: tuple[float, float]) -> None:
        self.ops.append(f"{_n(p[0])} {_n(p[1])} l")
        self.current = p
        self.points.append(p)

    def curveTo(self, *points: tuple[float, float]) -> None:
        (x1, y1), (x2, y2), (x3, y3) = points[-3:]
        self.ops.append(f"{_n(x1)} {_n(y1)} {_n(x2)} {_n(y2)} {_n(x3)} {_n(y3)} c")
        self.current = points[-1]
        self.points.extend(points[-3:])  # a Bézier lies inside its control points

    def qCurveTo(self, *points: tuple[float, float]) -> None:
        # TrueType quadratic segments, as cubic Béziers (PDF has no quadratic operator).
        control, end = points[-2], points[-1]
        x0, y0 = self.current
        c1 = (x0 + 2 / 3 * (control[0] - x0), y0 + 2 / 3 * (control[1] - y0))
        c2 = (end[0] + 2 / 3 * (control[0] - end[0]), end[1] + 2 / 3 * (control[1] - end[1]))
        self.curveTo(c1, c2, end)

    def closePath(self) -> None:
        self.ops.append("h")

    def endPath(self) -> None:
        pass


@lru_cache(maxsize=4096)
def glyph_path(font_name: str, gid: int) -> tuple[str, tuple[int, int, int, int]]:
    """Path operators for a glyph's outline in font units (origin at the pen), filled
    with the nonzero rule that TrueType outlines use, and a box around it; ``""`` for a
    glyph without an outline."""
    pen = _PathPen()
    harfbuzz_font(font_name).font.draw_glyph_with_pen(gid, pen)
    if not pen.ops:
        return "", (0, 0, 0, 0)
    xs = [p[0] for p in pen.points]
    ys = [p[1] for p in pen.points]
    # A unit of margin: the box clips, and antialiasing reaches past the outline.
    box = (int(min(xs)) - 2, int(min(ys)) - 2, int(max(xs)) + 2, int(max(ys)) + 2)
    return " ".join(pen.ops) + " f", box


class _GlyphForm(PDFFormXObject):  # type: ignore[misc]
    """A form XObject written with only the entries a glyph's form needs: ReportLab's
    adds /Type /XObject (optional), /FormType 1 and an identity /Matrix (the defaults,
    PDF 32000-1 §8.10.2), 50 bytes of each of the sixty forms of a Thai leaflet."""

    def format(self, document: Any) -> bytes:
        stream = PDFStream(content=self.stream, filters=[PDFZCompress] if self.compression else [])
        stream.dictionary["Subtype"] = PDFName("Form")
        stream.dictionary["BBox"] = self.BBox
        stream.dictionary["Resources"] = self.Resources
        return bytes(stream.format(document))


# Per document: the short tag of each font whose outlines it holds. Weak, so a
# document's table goes with it and a worker's memory does not grow with its builds.
_FONT_TAGS: weakref.WeakKeyDictionary[Any, dict[str, int]] = weakref.WeakKeyDictionary()


Form = tuple[str, float, float]  # resource name, x and y of the glyph in its cluster


class FormsTable:
    """The forms of clusters drawn into one list of forms in use (ReportLab starts one
    per page and per form) of one document: asked for every cluster with a mark drawn
    (most Arabic letters: Noto Sans Arabic draws their dots as marks; Lao and Thai
    vowels and tones). A line asks `forms_table` once and keeps the table."""

    __slots__ = ("doc", "in_use", "known", "names")

    def __init__(self, canvas: Canvas) -> None:
        self.in_use = canvas._formsinuse
        self.doc = document_of(canvas)
        # By identity: hashing a cluster hashes its glyphs. The cluster is kept with
        # its answer, so its id names no other cluster while the answer is kept.
        self.known: dict[tuple[str, int, bool], tuple[Cluster, list[Form]]] = {}
        self.names: dict[tuple[str, int], str | None] = {}  # many clusters share a mark

    def forms(self, canvas: Canvas, font_name: str, cluster: Cluster, every: bool) -> list[Form]:
        """The forms drawing ``cluster``'s glyphs that are outlines (those without a
        text key, or ``every`` glyph: of a raised superscript, or of invisible text), as
        `glyph_form` adds them to ``canvas``."""
        key = (font_name, id(cluster), every)
        found = self.known.get(key)
        if found is not None and found[0] is cluster:
            return found[1]
        names = self.names
        forms = []
        for glyph in cluster.glyphs:
            if glyph.key is not None and not every:
                continue
            name = names.get((font_name, glyph.gid), "")
            if name == "":
                name = glyph_form(canvas, self.doc, font_name, glyph.gid)
                names[font_name, glyph.gid] = name
            if name is not None:
                forms.append((name, glyph.x, glyph.y))
        self.known[key] = (cluster, forms)
        return forms


def forms_table(canvas: Canvas) -> FormsTable:
    """The canvas's `FormsTable` for what it draws into now."""
    table: FormsTable | None = canvas.__dict__.get(_ANSWERED)
    if (
        table is None
        or table.in_use is not canvas._formsinuse
        or table.doc is not document_of(canvas)
    ):
        table = canvas.__dict__[_ANSWERED] = FormsTable(canvas)
    return table


#: A canvas attribute: its `FormsTable`.
_ANSWERED = "_msc_cluster_forms"


def glyph_form(canvas: Canvas, doc: Any, font_name: str, gid: int) -> str | None:
    """The resource name of a form drawing the glyph's outline in font units, added to
    the document at first use and to the canvas's current page's resources; ``None``
    for a glyph without an outline (a space)."""
    path, (x0, y0, x1, y1) = glyph_path(font_name, gid)
    if not path:
        return None
    tags = _FONT_TAGS.setdefault(doc, {})
    tag = tags.setdefault(font_name, len(tags))
    name = f"m{tag}_{gid}"
    if not doc.hasForm(name):
        form = _GlyphForm(x0, y0, x1, y1)
        form.compression = canvas._pageCompression
        form.setStreamList(path)
        # No resources: a path needs none (ReportLab's default names the 14 standard fonts).
        form.Resources = PDFDictionary({})
        form.BBox = PDFArray([x0, y0, x1, y1])
        doc.addForm(name, form)
    if name not in canvas._formsinuse:
        canvas._formsinuse.append(name)
    return str(doc.getXObjectName(name))


def units_per_em(font_name: str) -> float:
    return 1000 / harfbuzz_font(font_name).scale


@lru_cache(maxsize=256)
def form_scale(font_name: str, size: float) -> str:
    """The scale, as written, of a glyph form (font units) drawn at ``size`` points:
    what `FormPlacer.place` is given, for a line's marks and a list's digits alike."""
    return ratio(size / units_per_em(font_name))


#: How far (points) a mark drawn by `FormPlacer` may stand from where it stood drawn
#: alone (at its position written to the thousandth). A millionth costs next to no
#: bytes (most moves are whole thousandths of a point in a few font units), where half a
#: thousandth moved enough edges to change eight times as many antialiased pixels.
#: Readers that keep matrices in single precision (pdfium) still round a chain of
#: moves differently from one position: by a unit of the last place, never more.
PLACEMENT_TOLERANCE = 0.000001
#: The most decimals a move in font units is written with: enough for any size a
#: leaflet prints (a thousandth of a font unit at 1,000 pt on a 1,000-unit em).
MOST_DECIMALS = 6


class FormPlacer:
    """Writes the forms a run of marks draws into ``ops``, a list of operators joined
    by line ends: the first of a run at one scale as ``q s 0 0 s x y cm /A Do``, every
    next one as ``1 0 0 1 dx dy cm /B Do`` (a move in font units from the one before),
    and ``Q`` after the last. Each move is taken from where the mark before it is
    drawn *as written*, so rounding never adds up along a line. The fill colour stays
    outside: an operator other than a form (`add`) ends the run, so the ``Q`` cannot
    undo a colour set for the marks after it."""

    __slots__ = ("ops", "scale", "unit", "x", "y")

    def __init__(self, ops: list[str]) -> None:
        self.ops = ops
        self.scale = ""  # of the open run, as written; "" when none is open
        self.unit = 0.0  # a font unit in points: the scale as written, read back
        self.x = self.y = 0.0  # where the last form of the run is drawn, in points

    def place(self, form: str, scale: str, x: float, y: float) -> None:
        """Draw the form named ``form`` with its origin at (``x``, ``y``), ``scale``
        points to the font unit (`form_scale`)."""
        if scale != self.scale:
            self.close()
            written_x, written_y = num(x), num(y)
            self.ops.append(f"q {scale} 0 0 {scale} {written_x} {written_y} cm /{form} Do")
            self.scale, self.unit = scale, float(scale)
            self.x, self.y = float(written_x), float(written_y)
            return
        dx, self.x = _move(self.x, x, self.unit)
        dy, self.y = _move(self.y, y, self.unit)
        if dx == dy == "0":  # a mark over another (Arabic: two dots of one letter)
            self.ops.append(f"/{form} Do")
        else:
            self.ops.append(f"1 0 0 1 {dx} {dy} cm /{form} Do")

    def add(self, operators: str) -> None:
        """Write ``operators`` (a fill colour, an overprint state) after the forms
        placed so far, outside their run."""
        self.close()
        self.ops.append(operators)

    def close(self) -> None:
        """End the open run, if any: on the line of its last form, as a lone mark's
        ``… Do Q`` always was."""
        if self.scale:
            self.ops[-1] += " Q"
            self.scale = ""


def _move(drawn: float, target: float, unit: float) -> tuple[str, float]:
    """The move, in font units of ``unit`` points, from a form drawn at ``drawn`` to
    ``target`` as a lone form writes it (`num`), with the fewest decimals that land
    within `PLACEMENT_TOLERANCE` of it; and where the form is then drawn."""
    goal = float(num(target))
    distance = (goal - drawn) / unit
    # A whole number of units (most vertical moves: 0), else straight to the fewest
    # decimals whose rounding can land within the tolerance: trying each count from
    # none was a third of the cost of drawing a Thai page's marks.
    for places in (0, *range(_fewest_places(unit), MOST_DECIMALS + 1)):
        text = decimals(distance, places)
        landed = drawn + unit * float(text)
        if abs(landed - goal) <= PLACEMENT_TOLERANCE:
            break
    return text, landed


@lru_cache(maxsize=64)
def _fewest_places(unit: float) -> int:
    """The fewest decimals (at least 1) of a move in font units of ``unit`` points whose
    rounding, half a unit of the last place, can stay within `PLACEMENT_TOLERANCE`."""
    places = 1
    while places < MOST_DECIMALS and 0.5 * 10**-places * unit > PLACEMENT_TOLERANCE:
        places += 1
    return places
