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

Nor can it exhaust memory. A content stream is read as qpdf tokenizes it, one
operator at a time (a list of 8 million parsed operators took 3.5 GB), and a stream
is only decoded when its decoded size is known to be within `MAX_STREAM_BYTES` (and
the page's within `MAX_PAGE_BYTES`): Flate, which packs 1 GB of spaces into 1 MB, is
counted with a bounded inflater first; other filters are trusted up to their worst
expansion.
"""

from __future__ import annotations

import base64
import binascii
import math
import string
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name

from ..typeset.to_unicode import read_cmap
from .image_ink import pdf_image_ink

Matrix = tuple[float, float, float, float, float, float]
Box = tuple[float, float, float, float]  # x0, y0, x1, y1
Path = tuple[Matrix, list[tuple[str, list[Any]]]]  # a path's operators, and where it is
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
MAX_DEPTH = 12  # forms inside forms; real files nest two or three deep
MAX_OPERATORS = 5_000_000  # per page, forms included: beyond this the scan stops
MAX_SAVES = 10_000  # q without Q
MAX_OPERANDS = 1_000  # kept per operator: more are read and counted, not kept
MAX_KEPT_STEPS = 100_000  # of forms, per page, to draw them again without reading them
MAX_STREAM_BYTES = 64_000_000  # decoded, one content stream: ~10 million operators
MAX_PAGE_BYTES = 256_000_000  # decoded, every stream a page draws (forms included)
#: How many bytes one encoded byte may decode to, at most, per filter (Flate is inflated
#: and counted where it can be): LZW's 12-bit codes name strings of up to 4,096 bytes, a
#: run-length pair 128 bytes, an ASCII85 "z" 4.
EXPANSION = {
    "/FlateDecode": 1032,  # zlib's own limit, when it is not the last filter and cannot be
    "/LZWDecode": 4096,  # inflated first
    "/RunLengthDecode": 64,
    "/ASCII85Decode": 4,
    "/ASCIIHexDecode": 1,
}
FILLS = frozenset({"f", "F", "f*", "B", "B*", "b", "b*"})
STROKES = frozenset({"S", "s", "B", "B*", "b", "b*"})
SHOWS = frozenset({"Tj", "TJ", "'", '"'})
PATH_POINTS = frozenset({"m", "l", "c", "v", "y", "re"})  # path operators with points
ENDS_PATH = FILLS | STROKES | {"n"}
MAX_FILLS = 20_000  # areas kept per page to find what lies under white text
# Areas looked at, per page, for what lies under white text: white text on paper looks at
# every one. Beyond this (a hostile file's millions of white words) the page's white text
# is not looked under any more; real pages look at a few hundred.
MAX_AREA_LOOKS = 500_000
# Invisible text kept, per page, until glyph outlines drawn over it say it prints
# (`_Scanner.confirm`); the oldest goes first. Our lines keep one or two.
MAX_PENDING = 64
#: How far from 0 and 1 a CMYK colour's inks may be and still be 100 % black alone.
BLACK_TOLERANCE = 0.001
DEVICE = {"g": "DeviceGray", "rg": "DeviceRGB", "k": "DeviceCMYK"}
DEVICE_STROKE = {"G": "DeviceGray", "RG": "DeviceRGB", "K": "DeviceCMYK"}
PRINT_FLAG, HIDDEN_FLAG = 4, 2  # annotation flags (PDF 32000-1 §12.5.3)
# An inline image's abbreviated names (PDF 32000-1 §8.9.7, tables 93 and 94).
INLINE_NAMES = {
    "/W": "/Width", "/H": "/Height", "/CS": "/ColorSpace", "/IM": "/ImageMask",
    "/G": "/DeviceGray", "/RGB": "/DeviceRGB", "/CMYK": "/DeviceCMYK", "/I": "/Indexed",
}  # fmt: skip


@dataclass(frozen=True)
class PlacedImage:
    """A picture as printed: its pixels and its placed size. No resource name: a print
    shop or a clinic cannot match "FormXob.9587bc…" to a picture, but can its size."""

    kind: str  # "image" or "inline image"
    width: int  # pixels
    height: int
    placed_w: float  # inches, after scaling
    placed_h: float

    @property
    def ppi(self) -> float:
        """The lower of the two resolutions: the one a print shop judges."""
        return min(self.width / self.placed_w, self.height / self.placed_h)


INKS = ("cyan", "magenta", "yellow", "black")


@dataclass(frozen=True)
class PlatedText:
    """Text printed on more than one plate: what it says (as far as its font tells),
    its size on paper and the inks it is made of."""

    text: str
    size: float  # points, after scaling
    inks: tuple[str, ...]  # of `INKS`, in that order


@dataclass(frozen=True)
class _Invisible:
    """Invisible text waiting for the glyph outlines that print it (`_Scanner.confirm`):
    its colour, where it stands, its size as drawn, what it says, and the inks of the
    fill under it when it is white (looked up as it is shown, before its own glyphs
    are fills on the page)."""

    colour: tuple[str, tuple[float, ...]]
    band: Box  # its baseline's neighbourhood: outlines meeting it are its glyphs
    size: float
    text: Callable[[], str]  # what it says, read only if it is named
    under: tuple[str, ...] | None
    vanishes: bool


@dataclass
class PageScan:
    """What one page uses, at the sizes it is printed (points, percent, ppi)."""

    images: list[PlacedImage] = field(default_factory=list)
    max_ink: float = 0.0  # largest sum of CMYK percentages of a fill
    max_image_ink: float = 0.0  # … of a pixel of a CMYK picture (`image_ink`)
    # … and of a stroked line reaching inside the trim (marks outside it are cut away)
    max_line_ink: float = 0.0
    thinnest_line: float | None = None  # points, after scaling
    smallest_text: float | None = None  # points, after scaling
    smallest_plated: PlatedText | None = None  # the smallest text on more than one plate
    # The smallest white text knocked out of a fill of more than one plate; its inks are
    # the fill's, the plates the letters are holes in.
    smallest_knocked_out: PlatedText | None = None
    # White that vanishes on press (set to overprint), the first on the page: ("text",
    # what it says, "" if its font does not tell), ("fill", "") or ("line", "").
    white_overprint: tuple[str, str] | None = None
    # 100 % black text that knocks out (`_black_knocks_out`), the first on the page: what
    # it says ("" if its font does not tell).
    black_knockout: str | None = None
    # The Registration colour (Separation /All) inside the trim, the first on the page:
    # ("text", what it says), ("fill", "") or ("line", ""). It prints on every plate.
    registration: tuple[str, str] | None = None
    spaces: set[str] = field(default_factory=set)  # colour space families
    fonts: dict[tuple[int, int], tuple[str, Dictionary]] = field(default_factory=dict)
    unreadable: list[str] = field(default_factory=list)  # what could not be read, and why
    operators: int = 0
    decoded: int = 0  # bytes of content decoded, forms included


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
    stroke: tuple[float, ...] = (0.0,)
    font_size: float = 0.0
    overprint: bool = False  # of fills and text (/op, else /OP, of an ExtGState)
    stroke_overprint: bool = False  # of strokes, text's outlines too (/OP)
    overprint_mode: int = 0  # /OPM: 1, a zero ink leaves the plate's ink under it
    font: tuple[tuple[int, int], str, Dictionary] | None = None  # set by Tf, used by Tj
    render_mode: int = 0

    def copy(self) -> _State:
        return _State(**self.__dict__)


def scan_page(
    page: pikepdf.Page, inks: dict[tuple[int, int], float | None] | None = None
) -> PageScan:
    """The scan of one page, forms, patterns and printed annotations all. ``inks``:
    each picture's most ink, by object, as read on earlier pages (a logo on every page
    is decoded once); the pictures this page reads are added to it."""
    result = PageScan()
    scanner = _Scanner(result, _trim(page.obj), {} if inks is None else inks)
    try:
        scanner.run(page.obj, page.obj.get("/Resources"), _State(), set())
        for appearance, placed in _printed_appearances(page.obj):
            state = _State(ctm=placed)
            scanner.run(appearance, appearance.get("/Resources"), state, {appearance.objgen})
    except _Stop as stop:
        result.unreadable.append(f"{stop}; the rest not checked")
    return result


class _Stop(Exception):
    """The page's reading budget is spent; the message says which."""


class _Tokens(pikepdf.StreamParser):  # type: ignore[misc]
    """Hands each operator, with its operands, to ``step`` as qpdf reads it: nothing of
    the stream is kept but the operands of the operator being read. An inline image
    (``BI`` dictionary ``ID`` data ``EI``) is one step, "INLINE IMAGE", whose operands
    are its dictionary's keys and values."""

    def __init__(
        self, step: Callable[[str, list[Any]], None], result: PageScan, room: int = 0
    ) -> None:
        super().__init__()
        self.step = step
        self.result = result
        self.operands: list[Any] = []
        self.inline: list[Any] = []
        self.values = 0
        # The steps, kept while there is ``room`` for them: a form is drawn again from
        # them (a glyph form is drawn hundreds of times a page). None once it is full.
        self.kept: list[tuple[str, list[Any]]] | None = [] if room else None
        self.room = room

    def _step(self, op: str, operands: list[Any]) -> None:
        if self.kept is not None:
            self.kept.append((op, operands))
            if len(self.kept) > self.room:
                self.kept = None
        self.step(op, operands)

    def handle_object(self, obj: Any, offset: int, length: int) -> None:
        if isinstance(obj, pikepdf.Operator):
            op = str(obj)
            self.result.operators += 1
            if self.result.operators > MAX_OPERATORS:
                raise _Stop(f"more than {MAX_OPERATORS:,} operators")
            if op == "ID":
                self.inline = self.operands
            elif op == "EI":
                self._step("INLINE IMAGE", self.inline)
            else:
                self._step(op, self.operands)
            self.operands = []
            return
        self.values += 1
        if self.values > 4 * MAX_OPERATORS:  # numbers with no operator: still work to read
            raise _Stop(f"more than {4 * MAX_OPERATORS:,} values")
        if len(self.operands) < MAX_OPERANDS:
            self.operands.append(obj)

    def handle_eof(self) -> None:
        pass


def _filters(stream: pikepdf.Stream) -> list[str]:
    value = stream.get("/Filter")
    if value is None:
        return []
    return [str(f) for f in value] if isinstance(value, Array) else [str(value)]


def decoded_size_within(stream: pikepdf.Stream, limit: int) -> int | None:
    """The decoded size of ``stream`` if it is at most ``limit`` bytes, else None, found
    without holding more than ``limit`` bytes: Flate is inflated in bounded steps (and
    only counted when it is the last filter), ASCII85 and ASCIIHex are decoded when
    their worst expansion fits, any other filter is judged by its worst expansion and
    that of the filters after it."""
    data = stream.read_raw_bytes()
    filters = _filters(stream)
    for index, name in enumerate(filters):
        last = index == len(filters) - 1
        try:
            if name == "/FlateDecode":
                inflated = _inflate(data, limit, keep=not last)
                if inflated is None or isinstance(inflated, int):
                    return inflated
                data = inflated
            elif name in _DECODERS and len(data) * EXPANSION[name] <= limit:
                data = _DECODERS[name](data)
            else:
                worst = len(data)
                for later in filters[index:]:
                    worst *= EXPANSION.get(later, limit + 1)  # unknown: no bound known
                return worst if worst <= limit else None
        except (ValueError, zlib.error):
            return 0  # damaged: qpdf says so when it reads it
    return len(data) if len(data) <= limit else None


def undo_filters(data: bytes, filters: list[str], limit: int) -> bytes | None:
    """``data`` with ``filters`` undone in order (ASCII85, ASCIIHex, Flate: what wraps a
    JPEG), if it stays within ``limit`` bytes; None beyond it, for any other filter, or
    for damaged data."""
    for name in filters:
        try:
            if name == "/FlateDecode":
                inflated = _inflate(data, limit, keep=True)
                if not isinstance(inflated, bytes):
                    return None
                data = inflated
            elif name in _DECODERS and len(data) * EXPANSION[name] <= limit:
                data = _DECODERS[name](data)
            else:
                return None
        except (ValueError, zlib.error):
            return None
    return data if len(data) <= limit else None


def _inflate(data: bytes, limit: int, keep: bool) -> bytes | int | None:
    """``data`` inflated (``keep``) or its inflated size, None beyond ``limit``."""
    inflater = zlib.decompressobj()
    parts: list[bytes] = []
    total, pending = 0, data
    while pending and total <= limit:
        part = inflater.decompress(pending, 1 << 20)
        total += len(part)
        if keep:
            parts.append(part)
        pending = inflater.unconsumed_tail
    if total > limit:
        return None
    return b"".join(parts) if keep else total


def _ascii85(data: bytes) -> bytes:
    text = data.strip()
    text = text[2:] if text.startswith(b"<~") else text
    return base64.a85decode(text.split(b"~>")[0])


def _ascii_hex(data: bytes) -> bytes:
    digits = bytes(c for c in data.split(b">")[0] if chr(c) in string.hexdigits)
    return binascii.unhexlify(digits + b"0" * (len(digits) % 2))


_DECODERS = {"/ASCII85Decode": _ascii85, "/ASCIIHexDecode": _ascii_hex}


def _trim(page: Dictionary) -> Box | None:
    """The page's TrimBox (else its CropBox, else its MediaBox), normalised; None when
    none is four numbers."""
    for key in ("/TrimBox", "/CropBox", "/MediaBox"):
        box = page.get(key)
        try:
            values = [float(v) for v in box] if isinstance(box, Array) else []
        except (TypeError, ValueError):
            continue
        if len(values) == 4:
            x0, y0, x1, y1 = values
            return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
    return None


class _Scanner:
    def __init__(
        self,
        result: PageScan,
        trim: Box | None = None,
        inks: dict[tuple[int, int], float | None] | None = None,
    ) -> None:
        self.result = result
        self.inks = {} if inks is None else inks  # picture → its most ink, once read
        self.trim = trim  # strokes outside it (crop marks) are cut away: no ink counted
        self.decoded = 0  # bytes of content decoded for this page, forms included
        self.forms: dict[tuple[int, int], list[tuple[str, list[Any]]]] = {}  # read before
        self.room = MAX_KEPT_STEPS  # steps of forms that may still be kept
        self.unicode: dict[tuple[int, int], dict[int, str]] = {}  # font → code → text
        # Filled areas on the page so far, in painting order: the path as drawn (its
        # bounds are worked out only if white text asks, which is rare), and the inks the
        # fill prints, None where its colour space does not say (RGB, a spot colour).
        self.areas: list[tuple[Path, tuple[str, ...] | None]] = []
        self.bounds: dict[int, Box | None] = {}  # of self.areas, by index, once asked
        self.looks = MAX_AREA_LOOKS  # areas that may still be looked at
        self.pending: list[_Invisible] = []  # invisible text whose outlines may follow

    def streams(self, stream: Any) -> list[pikepdf.Stream]:
        """The content streams of a page (its /Contents, one or an array) or of a form."""
        if isinstance(stream, pikepdf.Stream):
            return [stream]
        contents = stream.get("/Contents") if isinstance(stream, Dictionary) else None
        if isinstance(contents, pikepdf.Stream):
            return [contents]
        return [c for c in contents if isinstance(c, pikepdf.Stream)] if contents else []

    def affordable(self, streams: list[pikepdf.Stream]) -> bool:
        """Whether these streams may be decoded: each within `MAX_STREAM_BYTES`, and the
        page's total within `MAX_PAGE_BYTES`; noted as unreadable when not."""
        for stream in streams:
            size = decoded_size_within(stream, MAX_STREAM_BYTES)
            if size is None:
                self.result.unreadable.append(
                    f"a content stream is larger than {MAX_STREAM_BYTES / 1e6:.0f} MB once "
                    "decompressed; it was not checked"
                )
                return False
            self.decoded += size
            self.result.decoded = self.decoded
            if self.decoded > MAX_PAGE_BYTES:
                raise _Stop(f"more than {MAX_PAGE_BYTES / 1e6:.0f} MB of content")
        return True

    def run(
        self, stream: Any, resources: Any, state: _State, entered: set[tuple[int, int]]
    ) -> None:
        frame = _Frame(self, resources, state, entered)
        form = isinstance(stream, pikepdf.Stream)
        key = stream.objgen if form else (0, 0)
        if key in self.forms:  # drawn before on this page: its steps again, not its bytes
            for op, operands in self.forms[key]:
                self.result.operators += 1
                if self.result.operators > MAX_OPERATORS:
                    raise _Stop(f"more than {MAX_OPERATORS:,} operators")
                frame.step(op, operands)
            return
        if not self.affordable(self.streams(stream)):
            return
        tokens = _Tokens(frame.step, self.result, self.room if form and key != (0, 0) else 0)
        try:
            if form:
                pikepdf.Object._parse_stream(stream, tokens)
            else:
                pikepdf.Page(stream).parse_contents(tokens)
        except (pikepdf.PdfError, TypeError, ValueError) as exc:
            self.result.unreadable.append(f"a content stream cannot be read ({exc})")
            return
        if tokens.kept is not None:
            self.forms[key] = tokens.kept
            self.room -= len(tokens.kept)

    def fill(self, state: _State, path: Path | None = None) -> None:
        if state.fill_space in ("DeviceCMYK", "ICCBased CMYK") and len(state.fill) == 4:
            self.result.max_ink = max(self.result.max_ink, 100 * sum(state.fill))
        if path is not None and _registration(state.fill_space, state.fill):
            self.registered("fill", "", _bounds(*path))
        if self.pending and path is not None:
            self.confirm(state, path)
        if path is not None and path[1] and len(self.areas) < MAX_FILLS:
            self.areas.append((path, _inks(state)))
        if self.result.white_overprint is None and _vanishes(state):
            self.result.white_overprint = ("fill", "")

    def stroked_white(self, state: _State) -> bool:
        """Whether strokes in this state are white set to overprint (`_vanishes`)."""
        return self.result.white_overprint is None and _white_overprint(
            state.stroke_space, state.stroke, state.stroke_overprint, state.overprint_mode
        )

    def registered(self, kind: str, text: str, box: Box | None) -> None:
        """Note the first thing on the page in the Registration colour that reaches
        inside the trim (``box``: its bounds on the page; crop marks lie outside)."""
        inside = box is not None and (self.trim is None or _meet(box, self.trim))
        if self.result.registration is None and inside:
            self.result.registration = (kind, text)

    def line(self, state: _State, path: Path) -> None:
        """Count a stroked line's ink if it reaches inside the trim."""
        if _registration(state.stroke_space, state.stroke):
            self.registered("line", "", _bounds(*path))
        if self.stroked_white(state):
            self.result.white_overprint = ("line", "")
        if state.stroke_space not in ("DeviceCMYK", "ICCBased CMYK") or len(state.stroke) != 4:
            return
        box, trim = _bounds(*path), self.trim
        if box is not None and trim is not None and not _meet(box, trim):
            return
        self.result.max_line_ink = max(self.result.max_line_ink, 100 * sum(state.stroke))

    def under(self, x: float, y: float) -> tuple[str, ...] | None:
        """The inks of the last fill painted whose bounds hold (x, y); None for paper
        or a fill whose colour space does not say."""
        for index in range(len(self.areas) - 1, -1, -1):
            self.looks -= 1
            if self.looks < 0:
                return None
            if index not in self.bounds:
                self.bounds[index] = _bounds(*self.areas[index][0])
            box = self.bounds[index]
            if box is not None and box[0] <= x <= box[2] and box[1] <= y <= box[3]:
                return self.areas[index][1]
        return None

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
        if state.render_mode in (1, 2, 5, 6) and self.stroked_white(state):
            self.result.white_overprint = ("text", self.shown(strings, state))
        if state.render_mode in (0, 2, 4, 6):
            if self.result.white_overprint is None and _vanishes(state):
                self.result.white_overprint = ("text", self.shown(strings, state))
            if self.result.registration is None and _registration(state.fill_space, state.fill):
                x, y = multiply(text, state.ctm)[4:]
                self.registered("text", self.shown(strings, state), (x, y, x, y))
            self.black_text(lambda: self.shown(strings, state), state)
            self.fill(state)
        size = abs(state.font_size) * scale(multiply(text, state.ctm))
        if state.render_mode == 3:
            self.invisible(strings, size, text, state)
        smallest = self.result.smallest_text
        self.result.smallest_text = size if smallest is None else min(smallest, size)
        if state.render_mode in (0, 2, 4, 6):
            self.plates(strings, size, state)
            self.knocked_out(strings, size, state, multiply(text, state.ctm))

    def black_text(self, text: Callable[[], str], state: _State) -> None:
        """Note the text ``text`` says (worked out only if it is the first on the page) if
        it is 100 % black and knocks out (`_black_knocks_out`)."""
        if self.result.black_knockout is None and _black_knocks_out(state):
            self.result.black_knockout = text()

    def plates(self, strings: Iterable[Any], size: float, state: _State) -> None:
        """Note the text if it is filled on more than one plate and is the smallest such
        on the page so far (only CMYK says its plates: the press separates the rest)."""
        self.plated(lambda: self.shown(strings, state), size, state)

    def plated(self, text: Callable[[], str] | str, size: float, state: _State) -> None:
        """`plates`, for text that ``text`` says (worked out by calling it: only the
        smallest text needs to be read)."""
        if state.fill_space not in ("DeviceCMYK", "ICCBased CMYK") or len(state.fill) != 4:
            return
        inks = _inks(state) or ()
        plated = self.result.smallest_plated
        if len(inks) < 2 or (plated is not None and plated.size <= size):
            return
        self.result.smallest_plated = PlatedText(
            text if isinstance(text, str) else text(), size, inks
        )

    def knocked_out(
        self, strings: Iterable[Any], size: float, state: _State, placed: Matrix
    ) -> None:
        """Note the text if it is paper white (no ink) on a fill of more than one plate,
        and the smallest such on the page so far: its letters are holes in each of those
        plates, which misregistration fills in. The fill is the last one painted whose
        bounds hold the text's start, a third of its height up."""
        plated = self.result.smallest_knocked_out
        if _inks(state) != () or (plated is not None and plated.size <= size):
            return
        under = self.under_text(state, placed)
        if under is not None and len(under) >= 2:
            text = self.shown(strings, state)
            self.result.smallest_knocked_out = PlatedText(text, size, under)

    def under_text(self, state: _State, placed: Matrix) -> tuple[str, ...] | None:
        """The inks of the fill under text placed by ``placed`` (text matrix × CTM): the
        last one painted whose bounds hold its start, a third of its height up."""
        rise = 0.3 * state.font_size
        return self.under(placed[4] + rise * placed[2], placed[5] + rise * placed[3])

    def invisible(self, strings: Iterable[Any], size: float, text: Matrix, state: _State) -> None:
        """Keep invisible text of ``size`` points until outlines of its colour are filled
        over it: then it is the text layer of glyphs drawn as outlines
        (`typeset/outlines.py`: a table cell's or a parallel column's lines, a citation's
        digits), and is checked as the text they print (`confirm`), at the layer's size.
        That may be larger than the glyphs (`typeset/line_pitch.py`), but how much is
        not in the file: the layer is squeezed with ``Tz`` to a width, the glyphs' own or
        a list number's box. Invisible text that nothing is drawn over (a scan's OCR
        layer) prints nothing, and has no plates to check."""
        placed = multiply(text, state.ctm)
        inks = _inks(state)
        white = inks == ()
        black = _black(state.fill_space, state.fill)
        if size <= 0 or inks is None or not (white or black or len(inks) >= 2):
            return  # on one plate, or on plates it does not say: nothing to check
        x, y = placed[4], placed[5]
        self.pending.append(
            _Invisible(
                (state.fill_space, state.fill),
                (x - size, y - 0.5 * size, math.inf, y + 1.2 * size),
                size,
                partial(self.said, strings, state.font[2] if state.font is not None else None),
                self.under_text(state, placed) if white else None,
                _vanishes(state),
            )
        )
        del self.pending[:-MAX_PENDING]

    def confirm(self, state: _State, path: Path) -> None:
        """Check the invisible text this fill prints the glyphs of, if any: text of
        its colour whose baseline the fill's bounds meet (`invisible`)."""
        colour = (state.fill_space, state.fill)
        if not any(waiting.colour == colour for waiting in self.pending):
            return
        # The path's first point, not its bounds: a glyph's outline has hundreds of
        # points, and a page thousands of glyphs.
        point = _first_point(*path)
        if point is None:
            return
        box = (*point, *point)
        printed = [w for w in self.pending if w.colour == colour and _meet(box, w.band)]
        if not printed:
            return
        self.pending = [w for w in self.pending if w not in printed]
        for waiting in printed:
            size = waiting.size
            if self.result.white_overprint is None and waiting.vanishes:
                self.result.white_overprint = ("text", waiting.text())
            self.black_text(waiting.text, state)  # as its outlines print
            self.plated(waiting.text, size, state)
            under, knocked = waiting.under, self.result.smallest_knocked_out
            if under is not None and len(under) >= 2 and (knocked is None or size < knocked.size):
                self.result.smallest_knocked_out = PlatedText(waiting.text(), size, under)

    def shown(self, strings: Iterable[Any], state: _State) -> str:
        """What the strings of a text operator say, its runs of spaces made one."""
        return self.said(strings, state.font[2] if state.font is not None else None)

    def said(self, strings: Iterable[Any], font: Dictionary | None) -> str:
        """What ``strings`` say in ``font`` (`shown`)."""
        shown = "".join(
            self.decode(font, bytes(s)) for s in strings if isinstance(s, pikepdf.String)
        )
        return " ".join(shown.split())

    def decode(self, font: Dictionary | None, data: bytes) -> str:
        """What ``data`` says in a one-byte font, by its ToUnicode CMap; "" where the font
        does not tell (a two-byte font, a CMap of another form)."""
        if font is None or font.get("/Subtype") == Name.Type0:
            return ""
        key = font.objgen
        if key not in self.unicode:
            self.unicode[key] = _to_unicode(font)
        table = self.unicode[key]
        return "".join(table.get(code, "") for code in data)

    def draw(self, name: Any, resources: Any, state: _State, entered: set[tuple[int, int]]) -> None:
        xobjects = resources.get("/XObject") if isinstance(resources, Dictionary) else None
        xobject = xobjects.get(name) if isinstance(xobjects, Dictionary) else None
        if not isinstance(xobject, pikepdf.Stream):
            return
        subtype = xobject.get("/Subtype")
        if subtype == Name.Image:
            if not bool(xobject.get("/ImageMask", False)):
                self.result.spaces.add(_space_family(xobject.get("/ColorSpace"), resources))
                key = xobject.objgen
                if key not in self.inks:
                    self.inks[key] = pdf_image_ink(xobject)
                ink = self.inks[key]
                if ink is not None:
                    self.result.max_image_ink = max(self.result.max_image_ink, ink)
            self.image("image", int(xobject.Width), int(xobject.Height), state)
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

    def image(self, kind: str, width: int, height: int, state: _State) -> None:
        a, b, c, d, _, _ = state.ctm
        placed_w, placed_h = math.hypot(a, b) / 72, math.hypot(c, d) / 72  # inches
        if placed_w <= 0 or placed_h <= 0:
            return
        self.result.images.append(PlacedImage(kind, width, height, placed_w, placed_h))


class _Frame:
    """The graphics state of one content stream being read (a page's, or a form's)."""

    def __init__(
        self, scanner: _Scanner, resources: Any, state: _State, entered: set[tuple[int, int]]
    ) -> None:
        self.scanner = scanner
        self.result = scanner.result
        self.resources = resources
        self.state = state
        self.entered = entered
        self.saved: list[_State] = []
        self.text = IDENTITY
        self.line = IDENTITY
        self.path: list[tuple[str, list[Any]]] = []  # the path being built, as drawn

    def step(self, op: str, operands: list[Any]) -> None:
        state, resources, saved = self.state, self.resources, self.saved
        text, line = self.text, self.line
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
                state.stroke_space, state.stroke = DEVICE_STROKE[op], _numbers(operands)
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
                    state.stroke_space, state.stroke = space, ()
            elif op in ("sc", "scn", "SC", "SCN"):
                if op in ("sc", "scn"):
                    state.fill = _numbers(operands)
                else:
                    state.stroke = _numbers(operands)
                if operands and isinstance(operands[-1], Name):
                    self.scanner.pattern(operands[-1], resources, state, self.entered)
            elif op == "sh":
                shadings = resources.get("/Shading") if isinstance(resources, Dictionary) else None
                shading = shadings.get(operands[0]) if isinstance(shadings, Dictionary) else None
                if isinstance(shading, Dictionary | pikepdf.Stream):
                    self.result.spaces.add(_space_family(shading.get("/ColorSpace"), resources))
            elif op == "gs":
                states = resources.get("/ExtGState") if isinstance(resources, Dictionary) else None
                graphics = states.get(operands[0]) if isinstance(states, Dictionary) else None
                if isinstance(graphics, Dictionary):
                    _set_overprint(state, graphics)
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
                self.scanner.text(operands, text, state)
            elif op in PATH_POINTS:
                self.path.append((op, operands))
            elif op == "Do":
                self.scanner.draw(operands[0], resources, state, self.entered)
            elif op == "INLINE IMAGE":
                image = _inline_dictionary(operands)
                space = _inline_space(image)  # none in a mask
                if space is not None:
                    self.result.spaces.add(_space_family(space, resources))
                size = int(image.get("/Width", 0)), int(image.get("/Height", 0))
                self.scanner.image("inline image", *size, state)
            if op in FILLS:
                self.scanner.fill(state, (state.ctm, self.path))
            if op in STROKES:
                self.scanner.line(state, (state.ctm, self.path))
                width = state.line_width * scale(state.ctm)
                thinnest = self.result.thinnest_line
                self.result.thinnest_line = width if thinnest is None else min(thinnest, width)
            if op in ENDS_PATH and self.path:
                self.path = []  # a new list: the scanner keeps the one filled
        except (IndexError, TypeError, ValueError, AttributeError, pikepdf.PdfError):
            pass  # an operator with the wrong operands draws nothing
        self.state, self.text, self.line = state, text, line


def _bounds(ctm: Matrix, path: list[tuple[str, list[Any]]]) -> Box | None:
    """The bounds on the page of a path (its operators' points placed by ``ctm``; a
    curve's control points count, which can only widen them); None if it has none."""
    xs, ys = [], []
    a, b, c, d, e, f = ctm
    for op, operands in path:
        try:
            values = [float(v) for v in operands]
        except (TypeError, ValueError):
            continue
        if op == "re" and len(values) == 4:
            x, y, w, h = values
            values = [x, y, x + w, y, x, y + h, x + w, y + h]  # every corner: it may turn
        for x, y in zip(values[::2], values[1::2], strict=False):
            xs.append(a * x + c * y + e)
            ys.append(b * x + d * y + f)
    if not xs:
        return None
    return (min(xs), min(ys), max(xs), max(ys))


def _first_point(ctm: Matrix, path: list[tuple[str, list[Any]]]) -> tuple[float, float] | None:
    """Where on the page a path begins (its first operator's first point, placed by
    ``ctm``); None if it has none."""
    for _, operands in path[:1]:
        try:
            x, y = float(operands[0]), float(operands[1])
        except (TypeError, ValueError, IndexError):
            return None
        a, b, c, d, e, f = ctm
        return (a * x + c * y + e, b * x + d * y + f)
    return None


def _set_overprint(state: _State, graphics: Dictionary) -> None:
    """The overprint of fills, and its mode, as an ExtGState sets them (PDF 32000-1
    §8.4.5: /op, if absent, is /OP)."""
    fill, stroke = graphics.get("/op", graphics.get("/OP")), graphics.get("/OP")
    if isinstance(fill, bool):
        state.overprint = fill
    if isinstance(stroke, bool):
        state.stroke_overprint = stroke
    mode = graphics.get("/OPM")
    if isinstance(mode, int) and not isinstance(mode, bool):
        state.overprint_mode = mode


def _vanishes(state: _State) -> bool:
    """Whether a fill in this state is white set to overprint (`_white_overprint`)."""
    return _white_overprint(state.fill_space, state.fill, state.overprint, state.overprint_mode)


def _white_overprint(space: str, values: tuple[float, ...], overprint: bool, mode: int) -> bool:
    """Whether paint in ``space`` is white set to overprint, which prints nothing and
    clears nothing: CMYK white under overprint mode 1 (its zero inks leave each plate as
    it was), a white grey (it names the black plate only, and leaves the others), or a
    spot colour at tint 0 (Separation or DeviceN: it names its own plates only, in any
    mode, and a screen shows it in its alternate's white)."""
    if not overprint or not values:
        return False
    if space == "DeviceN" or (space.startswith("Separation ") and space != "Separation None"):
        return all(value <= 0 for value in values)
    if _plates(space, values) != ():
        return False
    return mode == 1 or space in ("DeviceGray", "ICCBased Gray")


def _black(space: str, values: tuple[float, ...]) -> bool:
    """Whether a colour is 100 % black alone, in DeviceCMYK: the colour that overprint
    mode 1 prints on the black plate only. (A grey, or CMYK in an ICC space, is left
    alone: overprint mode 1 is DeviceCMYK's, PDF 32000-1 §8.6.7.)"""
    return (
        space == "DeviceCMYK"
        and len(values) == 4
        and max(values[:3]) <= BLACK_TOLERANCE
        and values[3] >= 1 - BLACK_TOLERANCE
    )


def _black_knocks_out(state: _State) -> bool:
    """Whether a fill in this state is 100 % black (`_black`) that knocks out: not set
    to overprint, or set to in overprint mode 0, where its zero inks clear the plates
    under it as knocking out does."""
    overprints = state.overprint and state.overprint_mode == 1
    return not overprints and _black(state.fill_space, state.fill)


def _registration(space: str, values: tuple[float, ...]) -> bool:
    """Whether a colour is the Registration colour at some strength: the Separation
    /All, which a RIP prints on every plate it makes, spot plates included."""
    return space == "Separation All" and bool(values) and values[0] > 0


def _meet(box: Box, other: Box) -> bool:
    """Whether two boxes share any point."""
    return box[0] <= other[2] and other[0] <= box[2] and box[1] <= other[3] and other[1] <= box[3]


def _inks(state: _State) -> tuple[str, ...] | None:
    """The plates a fill prints on (`_plates`)."""
    return _plates(state.fill_space, state.fill)


def _plates(space: str, values: tuple[float, ...]) -> tuple[str, ...] | None:
    """The plates a colour prints on, of `INKS`: a CMYK colour's inks over 0, a grey's
    black unless it is white; None for a colour space that does not say (RGB, which the
    press separates, a spot colour)."""
    if space in ("DeviceCMYK", "ICCBased CMYK") and len(values) == 4:
        return tuple(name for name, share in zip(INKS, values, strict=True) if share > 0)
    if space in ("DeviceGray", "ICCBased Gray") and len(values) == 1:
        return ("black",) if values[0] < 1 else ()
    return None


def _inline_dictionary(operands: list[Any]) -> dict[str, Any]:
    """An inline image's dictionary (``/W 4 /H 4 /CS /RGB``), its keys spelt out."""
    return {
        INLINE_NAMES.get(str(k), str(k)): v
        for k, v in zip(operands[::2], operands[1::2], strict=False)
    }


def _inline_space(image: dict[str, Any]) -> Any:
    """An inline image's colour space, its abbreviations spelt out; None for a mask."""
    if bool(image.get("/ImageMask", False)):
        return None
    space = image.get("/ColorSpace")
    if isinstance(space, Name):
        return Name(INLINE_NAMES.get(str(space), str(space)))
    if isinstance(space, Array) and len(space) > 1:
        first, base = (Name(INLINE_NAMES.get(str(v), str(v))) for v in (space[0], space[1]))
        return Array([first, base, *list(space)[2:]])
    return space


def _printed_appearances(page: Dictionary) -> Iterable[tuple[pikepdf.Stream, Matrix]]:
    """The normal appearance of every annotation that prints (its Print flag set, not
    Hidden), with the matrix that places it in its /Rect (PDF 32000-1 §12.5.5)."""
    annotations = page.get("/Annots")
    for annotation in annotations if isinstance(annotations, Array) else ():
        normal = printed_appearance(annotation)
        if normal is None:
            continue
        try:
            yield normal, _placed(normal, [float(v) for v in annotation.Rect])
        except (AttributeError, TypeError, ValueError, IndexError, pikepdf.PdfError):
            continue


def printed_appearance(annotation: object) -> pikepdf.Stream | None:
    """The normal appearance ``annotation`` prints, in the state it shows; None when it
    prints nothing (its Print flag clear, or Hidden, or no appearance)."""
    if not isinstance(annotation, Dictionary):
        return None
    flags = annotation.get("/F", 0)
    if not isinstance(flags, int) or not flags & PRINT_FLAG or flags & HIDDEN_FLAG:
        return None
    appearances = annotation.get("/AP")
    normal = appearances.get("/N") if isinstance(appearances, Dictionary) else None
    shown = annotation.get("/AS")  # of a check box, say: the state it shows
    if isinstance(normal, Dictionary) and isinstance(shown, Name):
        normal = normal.get(shown)
    return normal if isinstance(normal, pikepdf.Stream) else None


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


def _font(name: Any, resources: Any) -> tuple[tuple[int, int], str, Dictionary] | None:
    fonts = resources.get("/Font") if isinstance(resources, Dictionary) else None
    font = fonts.get(name) if isinstance(fonts, Dictionary) else None
    return (font.objgen, str(name), font) if isinstance(font, Dictionary) else None


#: What a one-byte font without a ToUnicode CMap most likely shows: printable ASCII is
#: the same in the standard, WinAnsi and MacRoman encodings.
_ASCII = {code: chr(code) for code in range(0x20, 0x7F)}


def _to_unicode(font: Dictionary) -> dict[int, str]:
    """A one-byte font's codes → text, from its ToUnicode CMap (as our fonts and
    ReportLab's write it), else its printable ASCII; {} when its CMap cannot be read."""
    cmap = font.get("/ToUnicode")
    if cmap is None:
        return _ASCII
    try:
        if not isinstance(cmap, pikepdf.Stream) or decoded_size_within(cmap, 1 << 20) is None:
            return {}
        read = read_cmap(cmap.read_bytes().decode("latin-1"))
    except (pikepdf.PdfError, ValueError):
        return {}
    if read is None:
        return {}
    return {
        code: bytes.fromhex(value).decode("utf-16-be", "replace") for code, value in read[2].items()
    }


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


def _space_family(space: Any, resources: Any) -> str:
    """A colour space as a print shop names it: DeviceCMYK, DeviceRGB, ICCBased RGB,
    Separation All (its colourant), DeviceN, Lab, Indexed RGB, Pattern, …"""
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
        if family == "Separation" and len(space) > 1 and isinstance(space[1], Name):
            return f"Separation {str(space[1]).lstrip('/')}"  # its plate: All, a spot's name
        return family
    return "unknown"
