"""Which QR code a leaflet's address is printed as: its error-correction level and its
side, chosen so that each module stays large enough for a phone's camera.

The side was fixed at 20 mm, so a long address (a campaign's query string) got a code
of 60 to 80 modules a quarter of a millimetre wide, which no phone reads from a
printed page. The usual code keeps its 20 mm; a denser one grows, within what the
closing box and the note have room for, until its modules are as large as they must
be; one that could not be is refused where the address is written (`content.loader`).

Plain data: the layout draws the `Symbol`; an address no code holds is refused at the
leaflet's `url:` line (`address_too_long`), by the build before a page is drawn and by
`check` (LAYOUT008).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.lib.units import mm

from ..content.inline import pdf_uri
from ..errors import LeafletError, Location

if TYPE_CHECKING:
    from ..content import model as m

QR_SIZE = 20 * mm  # the usual code: scans from arm's length; 10 mm is the usual minimum
#: The smallest module (X-dimension) a QR code is printed with: GS1 General
#: Specifications, section 5.12.3.1 (symbol specification tables), sets 0.396 mm as
#: the minimum for QR codes read by image scanners, phones included (quoted at
#: https://www.gs1uk.org/knowledge-hub/qr-codes-powered-by-gs1/how-big-should-a-qr-code-powered-by-gs1-be).
SMALLEST_MODULE = 0.396 * mm
#: The largest code a leaflet prints: half again the usual one. It still leaves the
#: contacts beside it in an A5 closing box most of the box's width.
LARGEST_QR = 30 * mm
#: The error-correction levels tried, in order: M (15 % of the code may be lost: a
#: scuffed or folded leaflet still scans) and, only when M needs a code larger than
#: `LARGEST_QR`, L (7 %), whose fewer modules are larger at the same size.
LEVELS = ("M", "L")


@dataclass(frozen=True)
class Symbol:
    """The QR code an address is printed as."""

    level: str  # error correction: "M" or "L"
    modules: int  # across its side
    side: float  # points


class AddressTooLong(ValueError):
    """No code `LARGEST_QR` wide holds the address with modules a phone resolves."""

    def __init__(self, url: str) -> None:
        self.url = url
        super().__init__(
            f"the leaflet's web address ({len(url)} characters) is too long for a QR code "
            f"a phone can read: a code holding it is over {LARGEST_QR / mm:.0f} mm wide, the "
            f"largest a leaflet prints, at the smallest module a camera resolves "
            f"({SMALLEST_MODULE / mm:.3f} mm)"
        )

    @property
    def hint(self) -> str:
        return (
            f"shorten the address to {longest_printable(self.url)} characters or fewer: "
            "drop tracking parameters (?utm_…) or give a short link that opens the same page"
        )


def qr_symbol(url: str) -> Symbol:
    """The code of ``url``; raises `AddressTooLong` when no printable code holds it."""
    symbol = _fitting(url)
    if symbol is None:
        raise AddressTooLong(url)
    return symbol


def _fitting(url: str) -> Symbol | None:
    """The usual 20 mm code at level M when its modules are large enough there; else
    the smallest code, at the first level in `LEVELS` that fits in `LARGEST_QR`, whose
    modules are `SMALLEST_MODULE`; None when no level fits."""
    for level in LEVELS:
        modules = module_count(url, level)
        side = max(QR_SIZE, modules * SMALLEST_MODULE)
        if side <= LARGEST_QR:
            return Symbol(level, modules, side)
    return None


def qr_data(url: str) -> str:
    """What the code of ``url`` holds: the address in ASCII, its host in IDNA form and
    the rest percent-encoded, as the page's link holds it (`pdf_uri`). ReportLab writes
    other characters as UTF-8 bytes with no ECI header, which a reader following ISO/IEC
    18004 takes for ISO-8859-1: a Thai path opened as mojibake, or not at all."""
    return pdf_uri(url)


def module_count(url: str, level: str) -> int:
    """The modules across the smallest QR code (version) holding ``url`` at ``level``,
    counted without encoding it. ReportLab's count stops at version 39, larger than
    any code a leaflet prints."""
    from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel

    code = QRCode(None, getattr(QRErrorCorrectLevel, level))
    code.addData(qr_data(url))
    return 17 + 4 * int(code.calculate_version())


def longest_printable(url: str) -> int:
    """How many of ``url``'s first characters a printable code holds: what to shorten
    an address to (about; a shorter address of other characters may encode denser)."""
    low, high = 0, len(url)
    while low < high:
        middle = (low + high + 1) // 2
        if _fitting(url[:middle]) is not None:
            low = middle
        else:
            high = middle - 1
    return low


def address_too_long(error: AddressTooLong, leaflet: m.Leaflet) -> LeafletError:
    """The error for ``leaflet``'s `url:`, which no printable QR code holds, at its line:
    the address is the source's, never translated."""
    return LeafletError(Location(leaflet.path, leaflet.url_line), str(error), error.hint)
