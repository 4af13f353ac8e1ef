"""The band at the top of page 1: what it prints (the organisation's name after its
logo, and its contact lines, in one language's words) and whether it fits the paper.

Plain data and widths, without a page: the build refuses a band that does not fit as
it makes the page templates (`pages.make_templates`), and `msc-leaflet check` asks the
same question before anything is laid out (LAYOUT007), so importing this module loads
no layout of the body.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.units import mm

from ..content import model as m
from ..errors import LeafletError, Location
from ..languages import right_to_left
from ..typeset.runs import Run
from ..typeset.units import runs_width

if TYPE_CHECKING:
    from ..i18n.labels import Labels
    from ..theme.theme import Theme
    from ..typeset import FontFamily

#: Ems between the running header's title and the organisation's name, and between
#: the document-control line and the page number.
HEADER_GAP = 2.0


@dataclass(frozen=True)
class Band:
    """What the band at the top of page 1 prints in one language's leaflet: the
    organisation's name (after its logo) and its contact lines. Plain data, so that
    `msc-leaflet check` can ask `band_problem` what the build would refuse without
    laying out a page."""

    theme: Theme
    family: FontFamily
    lang: str
    organisation: str
    contact: Sequence[tuple[str, ...]]  # the contact lines, each its items
    logo: Path | None = None
    at: Location | None = None  # where the name is written, for a name that cannot fit
    # The contact labels it prints from the language's ui catalog ("LINE" translated),
    # each at its msgstr: a contact too wide because of its label is the translator's.
    labels: tuple[m.Text, ...] = ()

    def run(self, text: str, size: float, colour: object, bold: bool = False) -> Run:
        return Run(text, self.family.face(bold, False), size, colour)  # type: ignore[arg-type]


def _band_widths(b: Band, band: float) -> tuple[float, float]:
    """(the name's width with the logo before it, the widest contact) in the band: the
    contacts' narrowest layout, one to a line (`band_contact_lines`)."""
    theme = b.theme
    name = runs_width([b.run(b.organisation, theme.sizes["band"], None, bold=True)], b.lang)
    if b.logo is not None:
        name += logo_size(b.logo, band)[0] + LOGO_GAP
    note = theme.sizes["small"]
    items = [item for line in b.contact for item in line]
    contacts = [runs_width([b.run(item, note, None)], b.lang) for item in items]
    return name, max(contacts, default=0.0)


def band_problem(b: Band) -> LeafletError | None:
    """Why the build refuses ``b`` on its theme's paper, or None when it fits. The band's
    name is drawn on one line beside the contacts: one too wide for the paper ran off
    the page and through the contacts, and the build said nothing. The one rule for
    the build (`make_templates`) and for `check` (LAYOUT007)."""
    theme = b.theme
    m = theme.margins
    body_width = theme.page_size[0] - m["left"] - m["right"]
    name, contacts = _band_widths(b, theme.spacing["band-height"] * mm)
    gap = HEADER_GAP * theme.sizes["small"]
    room = body_width - (contacts + gap if contacts else 0.0)
    if name <= room:
        return None
    where = b.at or Location(Path("organisations"))
    paper = theme.paper
    if name <= body_width / 2:  # a name of a fair length: the contacts leave it no room
        message = (
            f"the organisation's contact lines are too wide for the band at the top of page 1 "
            f"on {paper}: {contacts:.0f} pt of the {body_width:.0f} pt, beside the name"
        )
        label = _widening_label(b)
        if label is not None:
            from .unprintable import written_outside  # only when refusing: reads the catalog

            outside = written_outside(label.value, (), (label,))
            if outside is not None:  # at its msgstr: the translator shortens it
                return LeafletError(
                    outside.location,
                    f"{message}, the widest with {outside.what}",
                    f"shorten this translation of '{label.context}': the band prints it with "
                    "the organisation's contact, on one line beside its name",
                )
        return LeafletError(
            where, message, "shorten 'line', 'whatsapp' or 'web' in the organisation profile"
        )
    return LeafletError(
        where,
        f"the organisation's name is too wide for the band at the top of page 1 on {paper}: "
        f"{name:.0f} pt, and {max(room, 0):.0f} pt is left beside the contact lines",
        "shorten 'name' (for example, leave out the company form such as 'Co., Ltd.'), "
        "or print on larger paper",
    )


def _widening_label(b: Band) -> m.Text | None:
    """The translated label (`Band.labels`) that is the longer part of the band's widest
    contact ("ติดต่อเราทางไลน์ได้ตลอด… @clinic"), or None when the profile's value is, or
    the contact has no translated label. A label too long for the band is shortened in
    ui.po: naming the profile's `name:` line sent the translator's fix to the clinic."""
    note = b.theme.sizes["small"]

    def width(text: str) -> float:
        return runs_width([b.run(text, note, None)], b.lang)

    items = [item for line in b.contact for item in line]
    if not items or not b.labels:
        return None
    widest = max(items, key=width)
    held = [label for label in b.labels if label.value and label.value in widest]
    if not held:
        return None
    label = max(held, key=lambda text: len(text.value))
    return label if 2 * width(label.value) > width(widest) else None


LOGO_HEIGHT = 0.6  # of the band's height
LOGO_MAX_WIDTH: float = 50 * mm  # a wide logo is scaled down to this, leaving room for the name
LOGO_GAP: float = 4 * mm  # between the logo and the organisation's name


def logo_size(logo: Path, band: float) -> tuple[float, float]:
    """(width, height) of the logo in the band: its proportions kept, at most
    `LOGO_MAX_WIDTH` wide."""
    from .images import shown_size  # Pillow: only for a band with a logo

    px_width, px_height = (float(n) for n in shown_size(logo))
    height = band * LOGO_HEIGHT
    width = height * px_width / px_height
    if width > LOGO_MAX_WIDTH:
        width, height = LOGO_MAX_WIDTH, LOGO_MAX_WIDTH * px_height / px_width
    return width, height


#: The contacts the band prints after a label of the page's words ("LINE @clinic").
LABELLED_CONTACTS = ("line", "whatsapp")


def contact_lines(org: m.Organisation, labels: Labels, lang: str) -> list[tuple[str, ...]]:
    """The organisation's contacts for the band on page 1, in a ``lang`` leaflet: the
    items of each line (the band parts a line too wide beside the name between them)."""
    # Each label with its value, one stretch in a right-to-left line: as the parts of a
    # line of labels in any script, "LINE @clinic · WhatsApp +66 …" ran together and
    # the last value was drawn at the far end, before "LINE".
    values = (org.line, org.whatsapp)
    parts = [
        as_written(f"{labels(key)} {as_written(value, lang)}", lang)
        for key, value in zip(LABELLED_CONTACTS, values, strict=True)
        if value
    ]
    lines = [tuple(parts)] if parts else []
    if org.web:
        lines.append((short_url(org.web),))
    return lines


def leaflet_band(leaflet: m.Leaflet, labels: Labels, theme: Theme, family: FontFamily) -> Band:
    """What the band at the top of page 1 of ``leaflet`` (localised) prints, with
    ``labels`` its language's: for the page's furniture and for `check` (LAYOUT007)."""
    org = leaflet.organisation
    contact = contact_lines(org, labels, leaflet.language)
    where = Location(org.path, org.name_line)
    printed = tuple(word for word in labels.translated if word.context in LABELLED_CONTACTS)
    return Band(theme, family, leaflet.language, org.name, contact, org.logo, where, printed)


#: First strong isolate … pop directional isolate (UAX #9): the text between them is
#: ordered on its own, in the direction of its first letter (left to right if none).
FIRST_STRONG_ISOLATE, POP_ISOLATE = "\u2068", "\u2069"


def as_written(value: str, lang: str) -> str:
    """An organisation's ``value`` (an address, a phone number), printed after a label
    in a ``lang`` line, in the order it was written. In a right-to-left line the bidi
    algorithm orders a left-to-right value's pieces by the line around them: "45
    Riverside Road" printed as "Riverside Road 45", "+66 2 123 4567" with its groups
    right to left. An isolate keeps the value one stretch of its own direction."""
    if not right_to_left(lang):
        return value
    return f"{FIRST_STRONG_ISOLATE}{value}{POP_ISOLATE}"


def short_url(url: str) -> str:
    return url.removeprefix("https://").removeprefix("http://").rstrip("/")
