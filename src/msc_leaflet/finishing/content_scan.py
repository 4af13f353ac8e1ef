"""Walk a page's content streams as a printer's RIP would, and note what a print shop
checks: the resolution of every image at the size it is placed, the ink of every CMYK
fill, the width of every stroked line, the size of every piece of text, the colour
spaces and fonts used.

A small interpreter of the graphics state (PDF 32000-1 §8.4): ``q``/``Q``, ``cm``,
colours, line width, text matrices, and ``Do`` into forms (with their /Matrix) and
images. Colour that is not set by a colour operator is looked into too, since a print
shop's RIP prints it all: shadings (``sh``, shading patterns), the cells of tiling
patterns, inline images, and the appearance of every annotation that prints (a
stamp). It reads any PDF, not only ours, and a hostile one cannot make it loop or
crash: forms and patterns are entered at most `MAX_DEPTH` deep and never recursively,
the number of operators is capped, and an operator with operands of the wrong kind is
skipped.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
MAX_DEPTH = 12  # forms inside forms; real files nest two or three deep
MAX_OPERATORS = 5_000_000  # per page, forms included: beyond this the scan stops
MAX_SAVES = 10_000  # q without Q
FILLS = frozenset({"f", "F", "f*", "B", "B*", "b", "b*"})
STROKES = frozenset({"S", "s", "B", "B*", "b", "b*"})
SHOWS = frozenset({"Tj", "TJ", "'", '"'})
DEVICE = {"g": "DeviceGray", "rg": "DeviceRGB", "k": "DeviceCMYK"}
DEVICE_STROKE = {"G": "DeviceGray", "RG": "DeviceRGB", "K": "DeviceCMYK"}
PRINT_FLAG, HIDDEN_FLAG = 4, 2  # annotation flags (PDF 32000-1 §12.5.3)


@dataclass
class PageScan:
    """What one page uses, at the sizes it is printed (points, percent, ppi)."""

    images: list[tuple[str, float]] = field(default_factory=list)  # (name, lower ppi)
    max_ink: float = 0.0  # largest sum of CMYK percentages of a fill
    thinnest_line: float | None = None  # points, after scaling
    smallest_text: float | None = None  # points, after scaling
    spaces: set[str] = field(default_factory=set)  # colour space families
    fonts: dict[tuple[int, int], tuple[str, Dictionary]] = field(default_factory=dict)
    unreadable: list[str] = field(default_factory=list)  # what could not be read, and why
    operators: int = 0


def multiply(m: Matrix, n: Matrix) -> Matrix:
    """``m`` then ``n`` (PDF's row-vector convention: m × n)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def scale(m: Matrix) -> float:
    """How much ``m`` enlarges a length, on average over directions."""
    return math.sqrt(abs(m[0] * m[3] - m[1] * m[2]))


@dataclass
class _State:
    ctm: Matrix = IDENTITY
    line_width: float = 1.0
    fill_space: str = "DeviceGray"
    fill: tuple[float, ...] = (0.0,)
    stroke_space: str = "DeviceGray"
    font_size: float = 0.0
    font: tuple[tuple[int, int], str, Dictionary] | None = None  # set by Tf, used by Tj
    render_mode: int = 0

    def copy(self) -> _State:
        return _State(**self.__dict__)


def scan_page(page: pikepdf.Page) -> PageScan:
    """The scan of one page, forms, patterns and printed annotations all."""
    result = PageScan()
    scanner = _Scanner(result)
    try:
        scanner.run(page.obj, page.obj.get("/Resources"), _State(), set())
        for appearance, placed in _printed_appearances(page.obj):
            state = _State(ctm=placed)
            scanner.run(appearance, appearance.get("/Resources"), state, {appearance.objgen})
    except _Stop:
        result.unreadable.append(f"more than {MAX_OPERATORS:,} operators; the rest not checked")
    return result


class _Stop(Exception):
    pass


class _Scanner:
    def __init__(self, result: PageScan) -> None:
        self.result = result
        self.parsed: dict[tuple[int, int], list[Any]] = {}  # a glyph form drawn 1,000 times

    def instructions(self, stream: Any) -> list[Any]:
        key = stream.objgen if isinstance(stream, pikepdf.Object) else (0, 0)
        if key != (0, 0) and key in self.parsed:
            return self.parsed[key]
        try:
            parsed = list(pikepdf.parse_content_stream(stream))
        except (pikepdf.PdfError, TypeError, ValueError) as exc:
            self.result.unreadable.append(f"a content stream cannot be read ({exc})")
            parsed = []
        if key != (0, 0):
            self.parsed[key] = parsed
        return parsed

    def run(
        self, stream: Any, resources: Any, state: _State, entered: set[tuple[int, int]]
    ) -> None:
        saved: list[_State] = []
        text = IDENTITY
        line = IDENTITY
        for instruction in self.instructions(stream):
            self.result.operators += 1
            if self.result.operators > MAX_OPERATORS:
                raise _Stop
            op = str(instruction.operator)
            operands = instruction.operands
            try:
                if op == "q":
                    if len(saved) < MAX_SAVES:
                        saved.append(state.copy())
                elif op == "Q":
                    state = saved.pop() if saved else state
                elif op == "cm":
                    state.ctm = multiply(_matrix(operands), state.ctm)
                elif op == "w":
                    state.line_width = float(operands[0])
                elif op in DEVICE:
                    state.fill_space, state.fill = DEVICE[op], _numbers(operands)
                    self.result.spaces.add(state.fill_space)
                elif op in DEVICE_STROKE:
                    state.stroke_space = DEVICE_STROKE[op]
                    self.result.spaces.add(state.stroke_space)
                elif op in ("cs", "CS"):
                    space = _space_family(operands[0], resources)
                    self.result.spaces.add(space)
                    base = _pattern_base(operands[0], resources)
                    if base:  # an uncoloured pattern is painted in its base space
                        self.result.spaces.add(base)
                    if op == "cs":
                        state.fill_space, state.fill = space, ()
                    else:
                        state.stroke_space = space
                elif op in ("sc", "scn", "SC", "SCN"):
                    if op in ("sc", "scn"):
                        state.fill = _numbers(operands)
                    if operands and isinstance(operands[-1], Name):
                        self.pattern(operands[-1], resources, state, entered)
                elif op == "sh":
                    shadings = (
                        resources.get("/Shading") if isinstance(resources, Dictionary) else None
                    )
                    shading = (
                        shadings.get(operands[0]) if isinstance(shadings, Dictionary) else None
                    )
                    if isinstance(shading, Dictionary):
                        self.result.spaces.add(_space_family(shading.get("/ColorSpace"), resources))
                elif op == "BT":
                    text = line = IDENTITY
                elif op == "Tf":
                    state.font_size = float(operands[1])
                    state.font = _font(operands[0], resources)
                elif op == "Tr":
                    state.render_mode = int(operands[0])
                elif op == "Tm":
                    text = line = _matrix(operands)
                elif op in ("Td", "TD"):
                    line = multiply((1, 0, 0, 1, float(operands[0]), float(operands[1])), line)
                    text = line
                elif op in SHOWS:
                    self.text(operands, text, state)
                elif op == "Do":
                    self.draw(operands[0], resources, state, entered)
                elif op == "INLINE IMAGE":
                    image = operands[0]
                    space = image.obj.get("/ColorSpace")  # none in a mask
                    if space is not None and not bool(image.obj.get("/ImageMask", False)):
                        self.result.spaces.add(_space_family(space, resources))
                    self.image("inline image", int(image.width), int(image.height), state)
                if op in FILLS:
                    self.fill(state)
                if op in STROKES:
                    width = state.line_width * scale(state.ctm)
                    thinnest = self.result.thinnest_line
                    self.result.thinnest_line = width if thinnest is None else min(thinnest, width)
            except (IndexError, TypeError, ValueError, AttributeError, pikepdf.PdfError):
                continue  # an operator with the wrong operands draws nothing

    def fill(self, state: _State) -> None:
        if state.fill_space in ("DeviceCMYK", "ICCBased CMYK") and len(state.fill) == 4:
            self.result.max_ink = max(self.result.max_ink, 100 * sum(state.fill))

    def text(self, operands: list[Any], text: Matrix, state: _State) -> None:
        shown = operands[-1] if operands else b""
        strings = shown if isinstance(shown, Array) else [shown]
        if not any(isinstance(s, pikepdf.String) and len(bytes(s)) for s in strings):
            return
        if state.font is not None:  # a font counts where it shows text, not where it is set
            key, name, font = state.font
            self.result.fonts.setdefault(key, (name, font))
        if state.render_mode == 7:  # clipping only: nothing shows
            return
        if state.render_mode in (0, 2, 4, 6):
            self.fill(state)
        size = abs(state.font_size) * scale(multiply(text, state.ctm))
        smallest = self.result.smallest_text
        self.result.smallest_text = size if smallest is None else min(smallest, size)

    def draw(self, name: Any, resources: Any, state: _State, entered: set[tuple[int, int]]) -> None:
        xobjects = resources.get("/XObject") if isinstance(resources, Dictionary) else None
        xobject = xobjects.get(name) if isinstance(xobjects, Dictionary) else None
        if not isinstance(xobject, pikepdf.Stream):
            return
        subtype = xobject.get("/Subtype")
        if subtype == Name.Image:
            if not bool(xobject.get("/ImageMask", False)):
                self.result.spaces.add(_space_family(xobject.get("/ColorSpace"), resources))
            self.image(str(name), int(xobject.Width), int(xobject.Height), state)
        elif subtype == Name.Form:
            key = xobject.objgen
            if key in entered or len(entered) >= MAX_DEPTH:
                return
            inner = state.copy()
            if "/Matrix" in xobject:
                inner.ctm = multiply(_matrix(list(xobject.Matrix)), state.ctm)
            self.run(xobject, xobject.get("/Resources", resources), inner, entered | {key})

    def pattern(
        self, name: Any, resources: Any, state: _State, entered: set[tuple[int, int]]
    ) -> None:
        """What the pattern ``name`` paints: a shading pattern its shading's colour space,
        a tiling pattern its cell, run like a form in the pattern's own space."""
        patterns = resources.get("/Pattern") if isinstance(resources, Dictionary) else None
        pattern = patterns.get(name) if isinstance(patterns, Dictionary) else None
        if not isinstance(pattern, Dictionary | pikepdf.Stream):
            return
        if int(pattern.get("/PatternType", 0)) == 2:
            shading = pattern.get("/Shading")
            if isinstance(shading, Dictionary | pikepdf.Stream):
                self.result.spaces.add(_space_family(shading.get("/ColorSpace"), resources))
            return
        key = pattern.objgen
        if not isinstance(pattern, pikepdf.Stream) or key in entered or len(entered) >= MAX_DEPTH:
            return
        cell = state.copy()  # a cell is drawn in the pattern space: the page's default
        cell.ctm = _matrix(list(pattern.Matrix)) if "/Matrix" in pattern else IDENTITY
        self.run(pattern, pattern.get("/Resources", resources), cell, entered | {key})

    def image(self, name: str, width: int, height: int, state: _State) -> None:
        a, b, c, d, _, _ = state.ctm
        placed_w, placed_h = math.hypot(a, b) / 72, math.hypot(c, d) / 72  # inches
        if placed_w <= 0 or placed_h <= 0:
            return
        self.result.images.append((name, min(width / placed_w, height / placed_h)))


def _font(name: Any, resources: Any) -> tuple[tuple[int, int], str, Dictionary] | None:
    fonts = resources.get("/Font") if isinstance(resources, Dictionary) else None
    font = fonts.get(name) if isinstance(fonts, Dictionary) else None
    return (font.objgen, str(name), font) if isinstance(font, Dictionary) else None


def _matrix(operands: Iterable[Any]) -> Matrix:
    values = tuple(float(v) for v in operands)
    if len(values) != 6:
        raise ValueError("a matrix has six numbers")
    return values  # type: ignore[return-value]


def _numbers(operands: Iterable[Any]) -> tuple[float, ...]:
    """The numeric operands (``scn`` may end with a pattern's name)."""
    numbers = []
    for value in operands:
        if not isinstance(value, Name):
            numbers.append(float(value))
    return tuple(numbers)


def _printed_appearances(page: Dictionary) -> Iterable[tuple[pikepdf.Stream, Matrix]]:
    """The normal appearance of every annotation that prints (its Print flag set, not
    Hidden), with the matrix that places it in its /Rect (PDF 32000-1 §12.5.5)."""
    annotations = page.get("/Annots")
    for annotation in annotations if isinstance(annotations, Array) else ():
        if not isinstance(annotation, Dictionary):
            continue
        flags = annotation.get("/F", 0)
        if not isinstance(flags, int) or not flags & PRINT_FLAG or flags & HIDDEN_FLAG:
            continue
        appearances = annotation.get("/AP")
        normal = appearances.get("/N") if isinstance(appearances, Dictionary) else None
        shown = annotation.get("/AS")  # of a check box, say: the state it shows
        if isinstance(normal, Dictionary) and isinstance(shown, Name):
            normal = normal.get(shown)
        if not isinstance(normal, pikepdf.Stream):
            continue
        try:
            yield normal, _placed(normal, [float(v) for v in annotation.Rect])
        except (AttributeError, TypeError, ValueError, IndexError, pikepdf.PdfError):
            continue


def _placed(form: pikepdf.Stream, rect: list[float]) -> Matrix:
    """The form's /Matrix, then the scaling that fits its transformed /BBox to ``rect``."""
    matrix = _matrix(list(form.Matrix)) if "/Matrix" in form else IDENTITY
    x0, y0, x1, y1 = (float(v) for v in form.BBox)
    a, b, c, d, e, f = matrix
    xs = [a * x + c * y + e for x in (x0, x1) for y in (y0, y1)]
    ys = [b * x + d * y + f for x in (x0, x1) for y in (y0, y1)]
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    sx = (max(rect[0], rect[2]) - min(rect[0], rect[2])) / width if width else 1.0
    sy = (max(rect[1], rect[3]) - min(rect[1], rect[3])) / height if height else 1.0
    fit = (
        sx,
        0.0,
        0.0,
        sy,
        min(rect[0], rect[2]) - sx * min(xs),
        min(rect[1], rect[3]) - sy * min(ys),
    )
    return multiply(matrix, fit)


def _pattern_base(space: Any, resources: Any) -> str:
    """The base space of an uncoloured pattern space (``[/Pattern /DeviceRGB]``), or ""."""
    if isinstance(space, Name) and not str(space).startswith("/Device") and space != "/Pattern":
        spaces = resources.get("/ColorSpace") if isinstance(resources, Dictionary) else None
        space = spaces.get(space, space) if isinstance(spaces, Dictionary) else space
    if isinstance(space, Array) and len(space) > 1 and space[0] == Name.Pattern:
        return _space_family(space[1], resources)
    return ""


def _space_family(space: Any, resources: Any) -> str:
    """A colour space as a print shop names it: DeviceCMYK, DeviceRGB, ICCBased RGB,
    Separation, DeviceN, Lab, Indexed RGB, Pattern, …"""
    if isinstance(space, Name) and not str(space).startswith("/Device") and space != "/Pattern":
        spaces = resources.get("/ColorSpace") if isinstance(resources, Dictionary) else None
        space = spaces.get(space, space) if isinstance(spaces, Dictionary) else space
    if isinstance(space, Name):
        return str(space).lstrip("/")
    if isinstance(space, Array) and len(space) > 0:
        family = str(space[0]).lstrip("/")
        if family == "ICCBased" and len(space) > 1 and isinstance(space[1], pikepdf.Stream):
            n = space[1].get("/N")
            return "ICCBased " + {1: "Gray", 3: "RGB", 4: "CMYK"}.get(int(n or 0), "?")
        if family == "Indexed" and len(space) > 1:
            return "Indexed " + _space_family(space[1], resources)
        return family
    return "unknown"
