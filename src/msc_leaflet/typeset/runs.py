"""The text stage's input: styled runs of plain text, independent of the leaflet model."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color


@dataclass(frozen=True)
class Run:
    """Plain text in one face, size and colour.

    ``cites`` carries the citation numbers a superscript run stands for, so the page
    layout can tell which references a drawn line cites (for the reference footers).
    ``label``: the run is a list item's number printed in its text (a reference list's
    "1. "), tagged as the item's ``Lbl`` rather than its body. ``lang``: the language
    (BCP 47) the run is in when it is not its paragraph's (the source's label beside the
    translation's, "Tài liệu tham khảo · References"), tagged as a ``Span`` in it.
    """

    text: str
    font: str  # a registered ReportLab font name
    size: float
    color: Color
    link: str = ""
    superscript: bool = False
    cites: tuple[int, ...] = ()
    label: bool = False
    lang: str = ""
