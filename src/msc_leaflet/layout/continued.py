"""A group of flowables that, split across pages, says on the next page what it continues.

A callout is a table: its part on the next page opens with "Safety (continued)" where
its label would repeat (`blocks.SplitTable.continued`). An FAQ pair (its rule, its
question, its answer) is a group kept together, and an answer too long for a page went
on at the top of the next with no question above it: the reader who turned the page
met an answer to nothing. `ContinuedGroup` opens that part with the same label, the
question and "(continued)" in the words of the page's language (ui ``continued``),
drawn as an artifact as the callout's is: a screen reader reads the question once.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.platypus import Flowable, KeepTogether, Spacer
from reportlab.platypus.doctemplate import NullActionFlowable


class ContinuedGroup(KeepTogether):  # type: ignore[misc]
    """Flowables kept together, moved whole to the next page when they fit one; taller
    than a page, split where the page ends, the part on the next page opened with the
    flowable ``label`` makes for the width it is set in (a "(continued)" label, one
    line: made only for a split, so a group that never splits leaves the PDF as it was)
    and starting on a page of its own.

    ``keep``: how many of the first flowables a first part must hold and show something
    after (an FAQ pair's rule and question: never its question alone at a page's foot);
    ``carried``: this is such a part, its label first."""

    def __init__(
        self,
        flowables: list[Flowable],
        label: Callable[[float], Flowable],
        keep: int = 1,
        carried: bool = False,
    ) -> None:
        super().__init__(flowables)
        self.label = label
        self.keep = keep
        self.carried = carried

    def split(self, aW: float, aH: float) -> list[Flowable]:
        frame = getattr(self, "_frame", None)
        at_top = bool(getattr(frame, "_atTop", 0))
        if self.carried and frame is not None and not at_top:
            return [self.FrameBreak(), self]  # below the part it goes on from: never
        parts: list[Flowable] = list(super().split(aW, aH))
        if not parts or aH >= self._H:
            return parts  # it fits here
        if type(parts[0]) is NullActionFlowable:  # at the top of a page it overfills
            return self._split_here(aW, aH) or parts
        if frame is not None and frame._height < self._H:
            return [parts[0], self]  # to the next page, to be split at its top
        return parts  # moved whole to the next page

    def _split_here(self, aW: float, aH: float) -> list[Flowable] | None:
        """The flowables that fit ``aH`` (the last one split if it may), then the rest
        as a carried group; None when the first part would hold no more than ``keep``
        flowables (ReportLab's own split then: the flowables loose)."""
        content = list(self._content)
        first: list[Flowable] = []
        room = aH
        for index, flowable in enumerate(content):
            before = flowable.getSpaceBefore() if first else 0.0
            height = before + flowable.wrap(aW, max(room - before, 0.0))[1]
            if height <= room:
                first.append(flowable)
                room -= height + flowable.getSpaceAfter()
                continue
            pieces = flowable.split(aW, room - before) if room - before > 0 else []
            if len(pieces) == 2 and not isinstance(pieces[1], Spacer):  # not [self, nothing]
                first.append(pieces[0])
                rest = [pieces[1], *content[index + 1 :]]
            else:
                rest = content[index:]
            break
        else:
            return None
        if len(first) <= self.keep:
            return None
        carried = ContinuedGroup([self.label(aW), *rest], self.label, keep=1, carried=True)
        return [*first, carried]
