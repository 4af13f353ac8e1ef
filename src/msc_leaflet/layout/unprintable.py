"""Content the layout cannot print → a message naming where the author fixes it.

A character no font draws would print as an empty box: `missing_glyph` names the text
holding it, at its leaflet line or, for a translation, its .po entry.

A block that fits on no page: ReportLab says ``Flowable <Table@0x7F… 2 rows x 2
cols(tallest row 662.55)> too large on page 2 in frame 'later-0'(493.2 x 714.3*)``:
nothing an author can act on. The document remembers the block it is placing
(`tag_block`, `block_of`) and turns the error into `file:line: error:` with what to
change.

A split that breaks ReportLab's rule (its first part must fit where it was asked to
go) is a fault of ours, and `split_fault` says so rather than blame the content.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.platypus import Flowable, KeepTogether, Table

from ..content import model as m
from ..errors import LeafletError, Location
from ..typeset import MissingGlyphError, cited_numbers
from .footnotes import ReferenceFrame, flowable_citations

_KINDS = {
    m.Heading: "heading",
    m.Paragraph: "paragraph",
    m.ListBlock: "list",
    m.Callout: "callout",
    m.Quote: "quote",
    m.Faq: "FAQ",
    m.Table: "table",
    m.Figure: "figure",
}


def tag_block(flowables: Sequence[Flowable], block: m.Block) -> None:
    """Remember on each of a block's flowables, and on every flowable inside them, which
    block it sets. A group is taken apart when it splits or joins the heading before it
    (`keep_headings_with_boxes`), and a table splits into new tables of the same cells:
    tagged only on the outside, their parts took the heading's block, and a table row
    too tall for a page was blamed on the heading."""
    for flowable in flowables:
        flowable.leaflet_block = block
        tag_block(_inside(flowable), block)


def block_of(flowable: Flowable | None) -> m.Block | None:
    """The block ``flowable`` sets: its own tag, or that of the first flowable inside it
    (a KeepTogether group, a row of the parallel edition)."""
    for _ in range(4):  # containers nest a few levels at most
        if flowable is None:
            return None
        block: m.Block | None = getattr(flowable, "leaflet_block", None)
        if block is not None:
            return block
        inside = _inside(flowable)
        flowable = inside[0] if inside else None
    return None


def _inside(flowable: Flowable) -> list[Flowable]:
    """The flowables in a KeepTogether group, or in a table's cells row by row."""
    if isinstance(flowable, KeepTogether):
        return list(flowable._content)
    if isinstance(flowable, Table):
        cells = [cell for row in flowable._cellvalues for cell in row]
        return [
            f
            for cell in cells
            for f in (cell if isinstance(cell, (list, tuple)) else [cell])
            if isinstance(f, Flowable)
        ]
    return []


def too_large(
    block: m.Block | None, flowable: Flowable | None, frame: object, leaflet: Path
) -> LeafletError:
    """The error for ``block`` (set as ``flowable``), which fits in no ``frame``."""
    if block is None:
        return LeafletError(
            Location(leaflet),
            "a part of the leaflet is larger than a page and cannot be split",
            "split long boxes, tables and lists into smaller blocks",
        )
    cited = flowable_citations(flowable) if flowable is not None else set()
    if isinstance(frame, ReferenceFrame) and cited and flowable is not None:
        block = _citing(block, flowable)
    kind = _KINDS.get(type(block), "block")
    where = Location(leaflet, block.line)
    if isinstance(frame, ReferenceFrame) and cited:
        footer = frame.references.height(cited)
        if footer > frame._height / 2:
            # Where the notes leave some of the page, the block is taller than what
            # they leave: "no room is left" beside "59%" read as a miscount.
            taken = footer / frame._height
            share = (
                f"are taller than the page: no room is left for the {kind} itself"
                if footer >= frame._height
                else f"take {taken:.0%} of the page: the {kind} does not fit in the "
                f"{1 - taken:.0%} they leave"
            )
            return LeafletError(
                where,
                f"this {kind} cites {len(cited)} references, and their notes at the foot "
                f"of the page {share}",
                "cite fewer references in one paragraph: split it, or cite each source "
                "where its statement is",
            )
    if (error := _text_too_tall(block, leaflet)) is not None:
        return error
    return LeafletError(
        where,
        f"this {kind} is taller than a page and cannot be split across pages",
        f"split the {kind} into smaller blocks",
    )


def _citing(block: m.Block, flowable: Flowable) -> m.Block:
    """The block whose text holds most of the citations inside ``flowable``: a heading
    kept with the paragraph under it (a group, a row of the parallel edition) cites
    nothing itself, and the error blamed it ("this heading cites 40 references", at a
    heading with no citation)."""
    counts: dict[int, tuple[m.Block, int]] = {}
    stack: list[object] = [flowable]
    while stack:
        item = stack.pop()
        if not isinstance(item, Flowable):
            continue
        own = len(cited_numbers(item))
        found: m.Block | None = getattr(item, "leaflet_block", None)
        if own and found is not None:
            counts[id(found)] = (found, counts.get(id(found), (found, 0))[1] + own)
        if isinstance(item, Table):
            stack += [f for row in item._cellvalues for cell in row
                      for f in (cell if isinstance(cell, (list, tuple)) else [cell])]  # fmt: skip
        stack += list(getattr(item, "_content", None) or [])
    if not counts:
        return block
    return max(counts.values(), key=lambda pair: pair[1])[0]


def _text_too_tall(block: m.Block, leaflet: Path) -> LeafletError | None:
    """The error for a block set as rows of one box (a table's cells, a callout's
    paragraphs, a quote), whose longest text makes a row taller than a page: a row
    cannot split. It stands where that text is written (its msgstr in a translation, as
    the translator cannot change the block) and says what its writer can do: "split the
    quote into smaller blocks" could not be followed, a quote having one text."""
    if isinstance(block, m.Table):
        cell = _longest([c for row in block.rows for c in row])
        return LeafletError(
            _written_at(cell, leaflet),
            f"this table cell ({len(cell.value):,} characters) makes its row taller than "
            "a page, and a table row cannot be split across pages",
            "shorten the cell, or spread its text over several rows (or make the table a list)",
        )
    if isinstance(block, m.Callout):
        what, kind = "paragraph of a callout", "a callout's paragraph"
        text = _longest(block.paragraphs)
        fix = "write it as several paragraphs of the callout (a list under callout:)"
    elif isinstance(block, m.Quote):
        what, kind = "quote", "a quote"
        text = _longest([block.text])
        fix = "shorten the quote to the words that matter, and say the rest in a paragraph"
    else:
        return None
    if text.catalog_entry:  # a translation: its translator can shorten it, no more
        fix = f"shorten the translation; or, in the leaflet, {fix}"
    return LeafletError(
        _written_at(text, leaflet),
        f"this {what} ({len(text.value):,} characters) is taller than a page, and {kind} "
        "cannot be split across pages",
        fix,
    )


def _written_at(text: m.Text, leaflet: Path, phrase: str = "") -> Location:
    """Where ``text``'s writer changes it: its leaflet line, or in a translation its
    msgstr's line, and with ``phrase`` the line and column it is typed at there
    (`checks.source`: a folded paragraph or a wrapped msgstr holds it lines below)."""
    if text.origin is None and not phrase:
        return text.location(leaflet)
    # Only when refusing: it reads the leaflet or the catalog again.
    from ..checks.source import po_locate, yaml_locate

    if text.origin is None:
        return yaml_locate(leaflet, text.line, phrase)
    return po_locate(text.origin, phrase)


def _longest(texts: Sequence[m.Text]) -> m.Text:
    """The longest of ``texts``: the one that makes its row the tallest."""
    return max(texts, key=lambda text: len(text.value))


def too_wide(block: m.Block | None, leaflet: Path) -> LeafletError:
    """The error for ``block``, whose box leaves its text no width (ReportLab: "flowable
    given negative availWidth", with the reprs of the objects involved)."""
    kind, where = _named(block, leaflet)
    return LeafletError(
        where,
        f"this {kind} is wider than its column: no room is left for its text",
        "make the theme's box-padding (left, right) or page margins smaller",
    )


def does_not_fit(block: m.Block | None, leaflet: Path) -> LeafletError:
    """The error for what ReportLab refuses outside the placing of one block (its own
    words name Python objects: --debug shows them), at the last block placed."""
    kind, where = _named(block, leaflet)
    return LeafletError(
        where,
        f"the content cannot be laid out, at or after this {kind}: a part of it is larger "
        "than a page",
        "split long boxes, tables and lists into smaller blocks",
    )


def _named(block: m.Block | None, leaflet: Path) -> tuple[str, Location]:
    """What to call ``block`` in a message, and its line (the leaflet's, without one)."""
    if block is None:
        return "part of the leaflet", Location(leaflet, 0)
    return _KINDS.get(type(block), "block"), Location(leaflet, block.line)


def raised_by_reportlab(error: BaseException) -> bool:
    """Whether ``error`` was raised in ReportLab's own code (a ValueError of ours, or a
    `MissingGlyphError`, is not), so its words are ReportLab's, not a message."""
    trace = error.__traceback__
    while trace is not None and trace.tb_next is not None:
        trace = trace.tb_next
    module = trace.tb_frame.f_globals.get("__name__", "") if trace is not None else ""
    return str(module).startswith("reportlab.")


def split_fault(block: m.Block | None, leaflet: Path) -> LeafletError:
    """The error for ``block``, which the layout failed to split between pages although
    no part of it is too large: a fault to report, not one for the author to fix."""
    kind, where = _named(block, leaflet)
    return LeafletError(
        where,
        f"the layout failed to split this {kind} between pages: a fault in msc-leaflet, "
        "not in the leaflet",
        "please report it, with this leaflet",
    )


def missing_glyph(
    error: MissingGlyphError, leaflets: Sequence[m.Leaflet], page_words: Sequence[m.Text] = ()
) -> LeafletError:
    """The error for a character the font lacks, at the first text that holds it: a
    leaflet's, else where the page's other words are written (`written_outside`), else
    one msc-leaflet writes itself (a date's digits)."""
    source = leaflets[0].path
    found = next((t for lf in leaflets for t in m.texts(lf) if error.char in t.value), None)
    if found is not None:
        return LeafletError(_written_at(found, source, error.char), *error.for_reader())
    outside = written_outside(error.char, leaflets, page_words)
    if outside is not None:
        message, hint = error.for_reader()
        return LeafletError(outside.location, f"{message}, in {outside.what}", hint)
    written = (
        f" ({leaflets[0].language}: the dates and numbers msc-leaflet prints are "
        f"written with {error.script} digits and names)"
    )
    return LeafletError(Location(source), *error.for_reader(written))


@dataclass(frozen=True)
class Outside:
    """Where a printed text that no leaflet holds is written, and what a message calls
    it ("a word the page prints itself ('contact')")."""

    location: Location
    what: str


def written_outside(
    printed: str, leaflets: Sequence[m.Leaflet], page_words: Sequence[m.Text]
) -> Outside | None:
    """Where ``printed`` (a character, or a run the layout cut) is written when no text
    of ``leaflets`` holds it: a word the page prints from ui.po (``page_words``, at its
    msgstr), or the organisation's band, at the profile's line. None if neither holds
    it. The one search every refusal of such a text makes: naming the leaflet's file
    sent the translator or the clinic's admin to a file that does not hold it."""
    for word in page_words:
        if word.origin is not None and (piece := _held(printed, word.value)):
            from ..checks.source import po_locate  # only when refusing: reads the catalog

            what = f"a word the page prints itself ('{word.context}')"
            return Outside(po_locate(word.origin, piece), what)
    for leaflet in leaflets:
        if (outside := _in_profile(printed, leaflet)) is not None:
            return outside
    return None


def _in_profile(printed: str, leaflet: m.Leaflet) -> Outside | None:
    """Where ``printed`` is typed in ``leaflet``'s organisation profile: a worded field
    the leaflet's language reads (name, address), else any value (a contact, which the
    model keeps without a line: its first place in the file is it)."""
    from ..checks.source import yaml_locate  # only when refusing: reads the profile

    org = leaflet.organisation
    for field in m.WORDED_FIELDS:
        wording = org.printed(field, leaflet.language)
        if wording is not None and (piece := _held(printed, wording.value)):
            what = f"the organisation's {field}, printed on every leaflet"
            return Outside(yaml_locate(org.path, wording.line, piece), what)
    for value in vars(org).values():
        if piece := _held(printed, str(value)):
            what = "the organisation profile, printed on every leaflet"
            return Outside(yaml_locate(org.path, 1, piece), what)
    return None


def _held(printed: str, value: str) -> str:
    """The part of ``printed`` that ``value`` holds ("" if none): all of it, or its
    longest word, as the layout prints a label before a value ("ที่อยู่: 12 …") in one
    run that no single text holds."""
    whole = printed.strip() or printed  # a space no font has is itself the text
    if whole in value:
        return whole
    longest = max(printed.split(), key=len, default="")
    return longest if longest and longest in value else ""
