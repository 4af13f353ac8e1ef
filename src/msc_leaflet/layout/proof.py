"""The proof edition: what a medical reviewer needs to sign off a translation.

A diagonal watermark (shapes, no text) keeps a proof from being handed out by mistake; each block's
gettext context sits in the margin beside it, so a comment on paper ("block
`risks-intro` reads oddly") finds its entry in the ``.po`` file; a last page lists
every text that is still printed in the source language and why, then what
`msc-leaflet check` finds in the leaflet in that language, then the translation's
sign-off history and the entries changed since its last approval.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.lib.colors import CMYKColor, Color
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, PageBreak

from ..content.inline import text_as_read
from ..errors import Finding
from ..i18n.labels import UI_LANGUAGE, UI_MESSAGES, Labels
from ..languages import right_to_left
from ..typeset import draw_runs, draw_runs_as_shapes, runs_width
from ..typeset.render import TEXT_SIZES
from .text import Writer

if TYPE_CHECKING:
    from ..i18n.localizer import Unprinted
    from ..i18n.signoff_changes import Beside
    from .pages import PageFurniture

# The language of what the proof prints in the program's own words (block contexts,
# findings, the sign-off record), whatever the leaflet's.
PROGRAM_LANGUAGE = "en"
MARGIN_NOTE_SIZE = 9.0  # turned along the margin, so the print floor costs no room
# The smallest a page crowded with blocks sets its notes at (`fit_margin_notes`): a
# reviewer's annotation, read at a desk, still legible as the fine print of a form.
MARGIN_NOTE_FLOOR = 6.0
WATERMARK_SIZE = 40.0  # the largest: a shorter label on a larger sheet is not enlarged
# How far a watermark's letters reach either side of the diagonal, in ems: its baseline
# is a third of an em below it, its tallest marks (Vietnamese ở, Thai ที่) an em above.
WATERMARK_HALF_HEIGHT = 0.8
# Margin notes: columns of them one line apart, each a gap after the last, none nearer
# the sheet's edge than a print shop's safe zone (what a trim a little off cuts away).
MARGIN_NOTE_GAP = MARGIN_NOTE_SIZE
SAFE_ZONE = 3 * mm
# A note whose block is a short one (a heading, a one-line paragraph) is longer than
# the block: placed where its block starts, in the one column, it ran into the next.
# (top, length, context) in; (x, top, context) out: the note runs down from ``top``.
NoteToPlace = tuple[float, float, str]
PlacedNote = tuple[float, float, str]


def proof_colour(mode: str) -> Color:
    """Review annotations in magenta, which no theme colour is: clearly not content."""
    return CMYKColor(0, 1, 0, 0) if mode == "cmyk" else Color(0.75, 0, 0.45)


def tag_context(flowables: Sequence[Flowable], *contexts: str) -> None:
    """Mark the first flowable of a block with the block's context, for the margin; of
    a row holding several blocks (the parallel edition's heading and the block after
    it), with each one's, so that every block a finding names is named beside it."""
    if not flowables:
        return
    first = flowables[0]
    while isinstance(first, KeepTogether) and first._content:
        first = first._content[0]
    first.proof_contexts = tuple(context for context in contexts if context)


#: A canvas attribute: where in the page's operators its margin notes begin. The footer,
#: drawn once the page count is known, goes there, before them: drawn after, it followed
#: a column's last note, which ends at the footer's baseline, and pdf.js read the two as
#: one line ("short-answer-29CHANGE-ME-001 · …") in its text layer and find bar.
NOTES_BEGIN = "_msc_margin_notes_at"


def draw_proof_marks(canvas: Canvas, f: PageFurniture) -> None:
    """The watermark across the page and this page's block contexts in the margin where
    the page's lines start, the left (the right on a right-to-left page), continued in
    the other when that one cannot hold them (`fit_margin_notes`)."""
    theme = f.theme
    width, height = theme.page_size
    colour = proof_colour(theme.colour_mode)
    watermark = f.labels("proof-watermark")
    size = watermark_size(
        runs_width([f.run(watermark, WATERMARK_SIZE, colour, bold=True)], f.lang), width, height
    )
    canvas.saveState()
    canvas.setFillAlpha(0.18)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(math.degrees(math.atan2(height, width)))  # the sheet's diagonal
    draw_runs_as_shapes(  # no text: a reader's copy of a proof is the leaflet's text
        canvas,
        0,
        -size / 3,
        [f.run(watermark, size, colour, bold=True)],
        f.lang,
        align="center",
    )
    canvas.restoreState()
    # Turned to run down the margin from the block's top: a context of any length fits
    # in a margin of any width. Each ends in a space, so that a reader copying one, or a
    # reviewer's search, finds it a word apart from the next (pypdf read the turned notes
    # of one column as one line: "short-answerinfusion").
    notes = [(top, context) for top, context in f.margin_notes]
    if not notes:
        return

    def measure(context: str, size: float) -> float:
        return runs_width([f.run(context + " ", size, colour)], PROGRAM_LANGUAGE)

    body = (theme.margins["left"], width - theme.margins["right"])
    page = len(f.log.page_kinds)
    fitted = fit_margin_notes(
        notes, measure, body, (width, height), page, right_to_left=right_to_left(f.lang)
    )
    if fitted.moved:
        f.log.margin_notes_moved.append(fitted.moved)
    # Reviewer's annotations, never text for a patient: the print floor the text-size
    # check (LAYOUT001) holds patient text to is no measure of them, and a page of many
    # short blocks sets them smaller (`MARGIN_NOTE_FLOOR`) rather than lose any.
    logged = getattr(canvas, TEXT_SIZES, None)
    setattr(canvas, NOTES_BEGIN, len(canvas._code))
    if fitted.size < MARGIN_NOTE_SIZE:
        setattr(canvas, TEXT_SIZES, None)
    for x, top, context in fitted.placed:
        canvas.saveState()
        canvas.translate(x, top)
        canvas.rotate(-90)
        draw_runs(canvas, 0, 0, [f.run(context + " ", fitted.size, colour)], PROGRAM_LANGUAGE)
        canvas.restoreState()
    setattr(canvas, TEXT_SIZES, logged)


def watermark_size(width_at_largest: float, page_width: float, page_height: float) -> float:
    """The size that keeps the watermark, ``width_at_largest`` wide at `WATERMARK_SIZE`,
    on the sheet along its diagonal, clear of the safe zone: at one size for every
    language, the Vietnamese "BẢN IN THỬ – không phát cho người bệnh" ran off both
    corners of an A5 proof and the Japanese one off the top, so a reviewer holding a
    trimmed proof read half a warning.

    A band of half-height h centred on the diagonal (length D) meets a side of the
    sheet at D/2 - h·max(H/W, W/H) from the centre; half the label must end there."""
    diagonal = math.hypot(page_width, page_height)
    steep = max(page_height / page_width, page_width / page_height)
    reach = diagonal / 2 - 2 * float(SAFE_ZONE)  # the safe zone, along the diagonal
    per_point = width_at_largest / WATERMARK_SIZE / 2 + WATERMARK_HALF_HEIGHT * steep
    return min(WATERMARK_SIZE, reach / per_point)


@dataclass(frozen=True)
class MovedNotes:
    """A page whose first margin (the left; the right on a right-to-left page) could not
    hold its block contexts at the usual size: how many continue in the other margin,
    the size they were all set at, and any that neither margin held even at
    `MARGIN_NOTE_FLOOR` (named in the findings, LAYOUT009, never drawn off the sheet)."""

    page: int
    facing: int
    size: float
    lost: tuple[str, ...] = ()
    right_to_left: bool = False  # the notes start in the right margin, continue in the left

    @property
    def margins(self) -> tuple[str, str]:
        """The margin the notes start in and the one they continue in, as named to the
        reviewer."""
        return ("right", "left") if self.right_to_left else ("left", "right")


@dataclass(frozen=True)
class FittedNotes:
    placed: list[PlacedNote]
    size: float
    moved: MovedNotes | None = None


def fit_margin_notes(
    notes: Sequence[tuple[float, str]],
    measure: Callable[[str, float], float],
    body: tuple[float, float],
    sheet: tuple[float, float],
    page: int = 0,
    *,
    right_to_left: bool = False,
) -> FittedNotes:
    """Where a page's block contexts go, every one on the sheet: in the margin where the
    page's lines start (the left; the right on a right-to-left page, where a reviewer's
    eye meets the block's first words and where an Arabic page's notes stood apart from
    them, across the page) at `MARGIN_NOTE_SIZE` while it holds them (every page of the
    bundled leaflets); else continued in the other margin; else both margins at a
    smaller size, a point at a time down to `MARGIN_NOTE_FLOOR`. A page of one-line
    paragraphs on A5 lost its last contexts below the sheet, where a reviewer could not
    see which block a comment was about. ``measure``: a context's length at a size;
    ``body``: the text's left and right edges; ``sheet``: its width and height."""
    width, height = sheet
    floor, ceiling = SAFE_ZONE, height - SAFE_ZONE
    tries = [(MARGIN_NOTE_SIZE, False)]
    size = MARGIN_NOTE_SIZE
    while size >= MARGIN_NOTE_FLOOR:
        tries.append((size, True))
        size -= 1.0
    placed: list[PlacedNote] = []
    lost: list[str] = []
    for size, facing in tries:
        start, other = margin_columns(body[0], size), facing_columns(body[1], width, size)
        if right_to_left:
            start, other = other, start
        columns = [*start, *(other if facing or not start else [])]  # never no column
        lengths = {context: measure(context, size) for _, context in notes}
        asked = [(top, lengths[context], context) for top, context in notes]
        placed = place_margin_notes(asked, columns, floor, ceiling, gap=size)
        lost = [context for _, top, context in placed if top - lengths[context] < floor - 0.01]
        if not lost:
            break
    if size == MARGIN_NOTE_SIZE and not facing:
        return FittedNotes(placed, size)
    moved = sum(1 for x, _, _ in placed if (x < body[0] if right_to_left else x > body[1]))
    if lost:  # neither margin holds them: drawn nowhere rather than off the sheet
        placed = [note for note in placed if note[2] not in lost]
    return FittedNotes(placed, size, MovedNotes(page, moved, size, tuple(lost), right_to_left))


def margin_columns(body_left: float, size: float = MARGIN_NOTE_SIZE) -> list[float]:
    """The baselines of the left margin's columns of notes at ``size``, nearest the text
    first: as many as the margin holds clear of the safe zone (always one, as the notes
    were before)."""
    pitch = size * 1.2
    first = body_left - 4 - size * 0.8  # the letters' tops 4 pt from the text
    columns = [first]
    # A turned note's descenders reach a quarter of its size beyond its baseline.
    while columns[-1] - pitch - size / 4 >= SAFE_ZONE:
        columns.append(columns[-1] - pitch)
    return columns


def facing_columns(body_right: float, sheet_width: float, size: float) -> list[float]:
    """The baselines of the right margin's columns of notes, nearest the text first,
    turned as the left margin's are (reading down), so their descenders face the text:
    4 pt from it, none nearer the sheet's edge than the safe zone."""
    pitch = size * 1.2
    columns = []
    x = body_right + 4 + size / 4
    while x + size * 0.8 <= sheet_width - SAFE_ZONE:
        columns.append(x)
        x += pitch
    return columns


def place_margin_notes(
    notes: Sequence[NoteToPlace],
    columns: Sequence[float],
    floor: float = float("-inf"),
    ceiling: float = float("inf"),
    gap: float = MARGIN_NOTE_GAP,
) -> list[PlacedNote]:
    """Where each note goes so that none overlaps another: beside its block's top, in the
    first column clear there (nearest the text); where no column is, in the column that
    clears first, moved down just below the note ending there. Top to bottom. A note
    moved down past ``floor`` (the sheet's safe zone, when drawn) was drawn off the sheet: a page of
    short blocks (one-line paragraphs on A5) lost its last contexts, so each column's
    notes are then moved up, as little as keeps them apart and above it, but none above
    ``ceiling``: notes that even so outnumber what the margin holds still end below
    ``floor``, never on one another."""
    ends = [float("inf")] * len(columns)  # where each column's last note ends (y)
    stacks: list[list[list[float | str]]] = [[] for _ in columns]  # [top, length, context]
    for top, length, context in sorted(notes, key=lambda note: -note[0]):
        free = [n for n, end in enumerate(ends) if end - gap >= top]
        column = free[0] if free else max(range(len(columns)), key=lambda n: ends[n])
        top = min(top, ends[column] - gap)
        stacks[column].append([top, length, context])
        ends[column] = top - length
    placed = []
    for x, stack in zip(columns, stacks, strict=True):
        lowest = floor  # the lowest a note's end may be, going up the column
        for note in reversed(stack):
            note[0] = max(float(note[0]), lowest + float(note[1]))
            lowest = float(note[0]) + gap
        highest = ceiling  # the highest a note's top may be, going down again
        for note in stack:
            note[0] = min(float(note[0]), highest)
            highest = float(note[0]) - float(note[1]) - gap
        placed += [(x, float(top), str(context)) for top, _, context in stack]
    return placed


def proof_page(
    w: Writer, labels: Labels, fallbacks: Sequence[Unprinted], findings: Sequence[Finding]
) -> list[Flowable]:
    """The last page of a proof: what a reviewer must not approve as translated.

    Each text printed in the source language is listed once, as printed (tagged in the
    source language), with why and its catalog entry (`unprinted_line`), then the
    page's own words (``ui.po``: headers, footers, "Page 1 of 2") printed in English,
    each with its entry and why; then the build's other findings, in the program's
    English: not the warning that names those texts again (`Unprinted.reported`)."""
    story: list[Flowable] = [PageBreak(), _heading(w, labels("proof-heading"))]
    # Drawn after this page is made: the footer once the page count is known, the
    # watermark as each page begins. Both are on every page of a proof.
    labels.will_print("page-of", "proof-watermark")
    complete = not fallbacks and not findings and not labels.printed_in_source
    if complete and not labels.falls_back("proof-complete"):
        story.append(w.plain(labels("proof-complete"), "body"))
        return story
    story.append(w.plain(labels("proof-intro"), "body"))
    story += _line_list(w, [unprinted_line(text) for text in fallbacks], w.source_lang)
    story += _line_list(w, page_word_lines(labels), UI_LANGUAGE)
    reported = [text.reported for text in fallbacks]
    story += [
        w.plain(finding.message, "small", language=PROGRAM_LANGUAGE)
        for finding in findings
        if finding not in reported
    ]
    return story


def unprinted_line(text: Unprinted) -> str:
    """A text printed in the source language as the proof lists it: its context, its
    leaflet line, why, its catalog entry, and the text: "risks-intro (line 55; fuzzy,
    infusion-safety.po line 102): MSCs are not blood cells…"."""
    origin = text.text.origin
    entry = f", {origin.path.name} line {origin.line}" if origin is not None else ""
    said = _short(text_as_read(text.value))
    return f"{text.context} (line {text.line}; {text.why}{entry}): {said}"


def findings_page(w: Writer, labels: Labels, checked: Sequence[str]) -> list[Flowable]:
    """What `msc-leaflet check` finds in the leaflet in this language (a cure claim in a
    msgstr, bold that prints plain, a sentence too long): each line its code, severity,
    the block's context as the margin names it, the message and what to do, errors
    first. The heading and "No findings." are page words (``ui.po``); the lines are the
    program's English, as the margin's contexts are."""
    story: list[Flowable] = [_heading(w, labels("proof-findings"))]
    if not checked:
        story.append(w.plain(labels("proof-no-findings"), "body"))
        return story
    return story + _line_list(w, checked, PROGRAM_LANGUAGE)


def page_word_lines(labels: Labels) -> list[str]:
    """One line per page word printed in English so far: its ui.po entry (line, when it
    has one), why, and the English printed."""
    lines = []
    for key, why in sorted(labels.printed_in_source.items()):
        where = f"ui.po line {why.line}" if why.line else "ui.po"
        reason = f"{why.kind}: {why.reason}" if why.reason else why.kind
        lines.append(f"{where}: {key} ({reason}): {_short(UI_MESSAGES[key])}")
    return lines


def signoff_page(
    w: Writer, history: Sequence[str], changed: Sequence[str | Beside]
) -> list[Flowable]:
    """The sign-off history and the entries changed since the last approval (issue #19).

    In English, as the margin contexts are: it is the record a reviewer signs against,
    not text for patients, and adding ui labels would make every catalog outdated. So
    it is tagged English, whatever the leaflet's language, but for the texts beside a
    split or merge (`changed_list`)."""
    if not history:
        return []
    english = PROGRAM_LANGUAGE
    story: list[Flowable] = [_heading(w, "Sign-off history", english)]
    story += _line_list(w, history, english)
    story.append(_heading(w, "Changed since the last approval", english))
    if not changed:
        story.append(w.plain("Nothing: the text is the one approved.", "body", language=english))
    story += changed_list(w, changed)
    return story


def changed_list(w: Writer, changed: Sequence[str | Beside]) -> list[Flowable]:
    """The changes, one list item each, and under an edit, a split or a merge its
    approved and current texts (`texts_beside`): each an item of its own, its label
    ("was (Arabic):", the ``Lbl``, in English) on one line and the text (the ``LBody``)
    under it, set and tagged in the language it is written in (`written_in`: a clinic's
    English name in a Thai proof is English, an Arabic address right to left). On one
    line, an Arabic text after an English label was read label last by pdftotext and
    word by word backwards by pdfium, and a Vietnamese one read in an English voice: no
    reader reads a line of two directions right.

    Each change is kept on one page with its texts (`KeepTogether`; one taller than a
    page is split): across a page break, a page of a long list began with "was
    (Thai):" under no line naming the entry, and a page ended with a change's line
    whose texts were overleaf."""
    if not changed:
        return []
    out: list[Flowable] = []
    change: list[Flowable] = []
    with w.group("L", attributes={"O": "List", "ListNumbering": "None"}):
        for line in changed:
            with w.group("LI"):
                if isinstance(line, str):
                    if change:
                        out.append(KeepTogether(change))
                    change = [w.plain(line, "reference-list", language=PROGRAM_LANGUAGE)]
                    continue
                label = f"{line.label}:"
                change.append(w.plain(label, "proof-label", role="Lbl", language=PROGRAM_LANGUAGE))
                change.append(
                    w.plain(line.words, "proof-text", role="LBody", language=line.language)
                )
    if change:
        out.append(KeepTogether(change))
    return out


def _heading(w: Writer, text: str, language: str = "") -> Flowable:
    """A heading of the proof's own pages, with its bookmark: a reviewer jumps there."""
    heading = w.plain(text, "heading", language=language)
    heading.outline_title = text
    return heading


def _line_list(w: Writer, lines: Sequence[str], language: str) -> list[Flowable]:
    """Lines set as a reference list is, tagged as a list (L, LI, LBody) in ``language``:
    an LBody outside a list item is no list to a screen reader (PDF/UA)."""
    if not lines:
        return []
    out = []
    with w.group("L", attributes={"O": "List", "ListNumbering": "None"}):
        for line in lines:
            with w.group("LI"):
                out.append(w.plain(line, "reference-list", language=language))
    return out


def _short(value: str, limit: int = 160) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"
