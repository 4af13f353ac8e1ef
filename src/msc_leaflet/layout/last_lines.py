"""The closing box takes the last lines of the text before it to its page.

The closing box (`story.TightenedToFit`, `qr.ClosingWithCode`) ends a part: where it
does not fit under the text before it, it opened a page that held nothing else (the
notice and the contacts alone on a sheet: what-msc-can-do, English single A5, page 6).
A typesetter keeps the end of a text with what follows it, so the reader who turns the
page still reads on: the last two lines of that text (the last entry of the reference
list, the end of the last paragraph) go to the next page with the box, and the page
before ends a little short.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, Spacer
from reportlab.platypus.doctemplate import FrameBreak, NullActionFlowable
from reportlab.platypus.flowables import HRFlowable

from ..typeset.paragraph import TextParagraph
from .footnotes import flowable_citations

#: Lines of the text that go on with the closing box, at least, and that a paragraph
#: split for it keeps on its page, as any split paragraph keeps two at a page's foot.
CARRIED_LINES = 2
#: The flowables before the closing box that may go on with it: enough for two lines
#: when the last are one-line entries of the reference list, and the heading above.
TAIL = 4
#: The most of a page that carrying lines may leave empty: more (a tall box that
#: cannot split) and the closing box goes alone to the next page, as before. A point
#: under the quarter a page may be left empty, measured from its last line's ink
#: (tests/page_fill.py), which stands higher than the frame's bottom: at 0.25,
#: what-msc-can-do Thai single A5 left page 6 26 % empty.
MOST_LEFT_EMPTY = 0.24


def with_last_lines(story: list[Flowable], closing: Flowable) -> list[Flowable]:
    """``story`` ending with ``closing`` (which has a ``tight`` form: its least whole
    height) and the last flowables before it, in one `WithLastLines`."""
    start = max(len(story) - TAIL, 0)
    # A heading kept with the first of them goes in too: ReportLab kept it with this
    # flowable, taller than any page, and moved both to the next page (a page early).
    while start and story[start - 1].getKeepWithNext():
        start -= 1
    return [*story[:start], WithLastLines(story[start:], closing)]


def whole_height(flowable: Flowable, canvas: Canvas | None, width: float, height: float) -> float:
    """``flowable``'s whole height at ``width``: a box (`KeepTogether`) wraps to more
    than any page to force a split, and keeps its real height aside."""
    _, tall = flowable.wrapOn(canvas, width, height)
    return float(getattr(flowable, "_H", tall))


def introduces(flowable: Flowable) -> bool:
    """Whether ``flowable`` belongs with the text after it: a heading, a keep-with-next
    paragraph (a FAQ question, a figure kept with its caption), a rule a FAQ pair opens
    with. Left at a page's foot, it would stand there without its text."""
    return isinstance(flowable, HRFlowable) or bool(
        getattr(flowable, "outline_title", None) or flowable.getKeepWithNext()
    )


class WithLastLines(Flowable):  # type: ignore[misc]
    """``before`` then ``closing``, placed one after the other, unless the closing box
    would not fit whole under ``before`` on this page: then the last `CARRIED_LINES`
    lines of ``before`` (and any heading over them) go on to the next page with it.

    Like `KeepTogether` it reports more height than any page has, so the frame asks it
    to split and it learns the room left; it gives its flowables after a
    `NullActionFlowable`, so the document places each by its own rules."""

    def __init__(self, before: Sequence[Flowable], closing: Flowable) -> None:
        super().__init__()
        self.before = list(before)
        self.closing = closing
        self._content = [*self.before, closing]  # where a footer finds citations

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return available_width, 0xFFFFFF  # always split (see the class docstring)

    def getSpaceBefore(self) -> float:
        return float(self.before[0].getSpaceBefore()) if self.before else 0.0

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        loose = [NullActionFlowable(), *self.before, self.closing]
        frame = getattr(self, "_frame", None)
        if frame is None or frame._atTop or not self.before:
            return loose
        try:
            return self._placed(frame, available_width, available_height) or loose
        except ValueError:  # a box with no width: placed alone, it is named at its line
            return loose

    def _placed(
        self, frame: Frame, available_width: float, available_height: float
    ) -> list[Flowable] | None:
        """The flowables with the last lines carried over, or ``None`` to place them
        as they come."""
        canvas = getattr(self, "canv", None)
        width = available_width
        room = room_once_placed(frame, available_height, self._content)
        above, after = stacked_height(self.before, canvas, width, room)
        if above > room:
            return None  # the text goes on to the next page itself, the box after it
        left = room - above - after
        if whole_height(self.closing.tight, canvas, width, left) <= left:
            return None  # it fits
        carried = carry(self.before, width)
        if carried is None:
            return None
        kept, moved = carried
        room = room_once_placed(frame, available_height, kept)
        empty = room - stacked_height(kept, canvas, width, room)[0]
        if not 0 <= empty <= MOST_LEFT_EMPTY * frame._height:
            return None  # what stays would not fit, or would leave too much empty
        return [NullActionFlowable(), *kept, FrameBreak(), *moved, self.closing]


def room_once_placed(frame: Frame, height: float, flowables: Sequence[Flowable]) -> float:
    """The room ``height`` in ``frame`` gives ``flowables`` with the reference footer
    they leave: the notes of the works they cite added, those of the reference list's
    entries they print whole dropped (`footnotes.PageReferences.listed`)."""
    references = getattr(frame, "references", None)
    if references is None:
        return height
    cited = references.on_page.union(*(flowable_citations(f) for f in flowables))
    keys = [getattr(f, "reference_key", "") for f in flowables
            if not getattr(f, "entry_cut", False)]  # fmt: skip
    footer = references.height_once_listed(cited, keys)
    return float(height + frame._y1p - (frame._y1 + frame._bottomPadding + footer))


def stacked_height(
    flowables: Sequence[Flowable], canvas: Canvas | None, width: float, height: float
) -> tuple[float, float]:
    """The height ``flowables`` take placed one under the other by a frame, and the
    space after the last (a frame drops it at a page's foot, and the next flowable's
    space before overlaps it, as ReportLab's ``overlapAttachedSpace``); the first's
    space before is the frame's to give."""
    total, after = 0.0, 0.0
    for index, flowable in enumerate(flowables):
        if index:
            total += after + max(flowable.getSpaceBefore() - after, 0.0)
        total += whole_height(flowable, canvas, width, height)
        after = float(flowable.getSpaceAfter())
    return total, after


def carry(before: Sequence[Flowable], width: float) -> tuple[list[Flowable], list[Flowable]] | None:
    """``before`` cut where its last `CARRIED_LINES` lines start (kept, moved): a
    paragraph long enough is split, keeping two lines at least; a shorter one, or a
    box, goes whole; a heading or other lead-in left at the end of the kept part goes
    too. None when nothing would be moved, or everything: what stands before ``before``
    (a heading kept with it) would then end the page alone."""
    kept, moved, foot = list(before), list[Flowable](), list[Flowable]()
    lines = 0
    while kept and lines < CARRIED_LINES:
        last = kept.pop()
        if isinstance(last, Spacer):
            foot.insert(0, last)  # space: it stays at the foot, not atop the next page
            continue
        if isinstance(last, TextParagraph):
            count, need = len(last.lines_for(width)), CARRIED_LINES - lines
            if count - need >= CARRIED_LINES:
                parts = last.split(width, (count - need) * last.pitch())
                if len(parts) == 2:
                    kept.append(parts[0])
                    moved.insert(0, parts[1])
                    break
            lines += count
        else:
            lines += CARRIED_LINES  # a box goes whole, counted as enough
        moved.insert(0, last)
    while kept and introduces(kept[-1]):
        moved.insert(0, kept.pop())
    return ([*kept, *foot], moved) if kept and moved else None
