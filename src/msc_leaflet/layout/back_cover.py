"""The order of a booklet's pages once it is padded to a multiple of four: which page
is its back cover.

A saddle-stitched booklet's last page is its back cover, the page a reader turns the
booklet over to, and the one a clinic's contacts are looked for on. Padding pages
appended after the text made that a ruled *Notes* page, with the references and the
contacts on an inside page before it. So:

- when the last page of the text opens with the leaflet's ending (the reference list's
  heading or the closing box, nothing of the text before them continued onto it), that
  page moves to the back cover, and the *Notes* pages come between the text and it, as
  a printer lays out a booklet;
- otherwise (the ending starts on an earlier page and runs onto the last, which moved
  alone would cut it in two), the text keeps its order and the back cover is left
  blank but for its footer: not a *Notes* page.

Page 1 is the front cover and never moves.
"""

from __future__ import annotations

from typing import Literal, TypeVar

from reportlab.platypus import Flowable

#: The attribute that marks a flowable opening the leaflet's ending.
_OPENS_ENDING = "opens_leaflet_ending"

#: A page of the padded booklet: a laid-out page (its index), a ruled notes page, or
#: the blank back cover.
Slot = int | Literal["notes", "blank"]

F = TypeVar("F", bound=Flowable)


def mark_ending(flowable: F) -> F:
    """Mark ``flowable`` as opening the leaflet's ending (the reference list's heading,
    the closing box): a page that starts with it may be the back cover."""
    setattr(flowable, _OPENS_ENDING, True)
    return flowable


def opens_ending(flowable: Flowable) -> bool:
    """Whether ``flowable`` was marked by `mark_ending`."""
    return bool(getattr(flowable, _OPENS_ENDING, False))


def padded_order(laid_out: int, padding: int, last_opens_ending: bool) -> list[Slot]:
    """The pages of a document of ``laid_out`` pages padded with ``padding`` more, in
    print order (see the module docstring)."""
    text: list[Slot] = list(range(laid_out))
    if not padding:
        return text
    notes: list[Slot] = ["notes"] * padding
    if last_opens_ending and laid_out > 1:
        return [*text[:-1], *notes, text[-1]]
    return [*text, *notes[1:], "blank"]


__all__ = ["Slot", "mark_ending", "opens_ending", "padded_order"]
