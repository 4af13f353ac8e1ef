"""One language's leaflet → the flowables of its story, in reading order.

Title block → body blocks → numbered reference list → disclaimer and contact box.
The editions (`editions.py`) assemble these pieces: one after the other for a single
language, or paired block by block for the parallel edition.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable, Spacer
from reportlab.platypus.doctemplate import NullActionFlowable

from ..content import model as m
from ..content.citations import format_reference
from ..content.inline import Span, plain_text, tel_link, web_link
from ..errors import Finding
from ..i18n.labels import UI_LANGUAGE, Labels
from ..i18n.printed_labels import BEFORE_A_VALUE, CONTACTS
from ..languages import profile, right_to_left
from ..theme.theme import Theme
from ..typeset import Run, WordList
from ..typeset.left_to_right import isolated
from ..typeset.printed_language import contact_language, reference_language
from ..typeset.scripts import LATIN, locale_script, script_of
from ..typeset.segmentation import EMPTY_WORD_LIST
from .back_cover import mark_ending
from .band import as_written
from .blocks import BlockBuilder, Box, list_number, make_table, padding_commands
from .colours import theme_colour
from .last_lines import whole_height
from .proof import tag_context

if TYPE_CHECKING:
    from ..i18n.localizer import Unprinted
    from ..i18n.signoff_changes import Beside
from .text import Writer
from .unprintable import tag_block

DateFormatter = Callable[[dt.date, str], str]


@dataclass(frozen=True)
class Localised:
    """One language of a leaflet and what the layout needs to print it."""

    leaflet: m.Leaflet
    labels: Labels
    words: WordList = EMPTY_WORD_LIST  # terms a line must never split
    fallbacks: tuple[Unprinted, ...] = ()  # proof: texts still printed in the source language
    findings: tuple[Finding, ...] = ()  # proof: why they are
    signoffs: tuple[str, ...] = ()  # proof: the translation's sign-off history
    changed: tuple[str | Beside, ...] = ()  # proof: entries changed since the last approval
    # (language name in that language, date): the translation's approval, for the footer
    approval: tuple[str, dt.date] | None = None
    # The leaflet's source language: the language of ``fallbacks`` and of the terms a
    # translation keeps from its source, for the tagged PDF's /Lang.
    source_language: str = ""
    # proof: what `check` finds in this language, one line each, errors first, each
    # severity in reading order (`checks.reading_order`)
    checked: tuple[str, ...] = ()


def title_block(
    leaflet: m.Leaflet, w: Writer, theme: Theme, labels: Labels, format_date: DateFormatter
) -> list[Flowable]:
    story: list[Flowable] = []
    if leaflet.kicker:
        story.append(w.paragraph(leaflet.kicker.value, "kicker"))
    title = w.paragraph(leaflet.title.value, "title")
    title.outline_title = plain_text(leaflet.title.value)
    story.append(title)
    if leaflet.subtitle:
        story.append(w.paragraph(leaflet.subtitle.value, "subtitle"))
    if leaflet.lede:
        story.append(w.paragraph(leaflet.lede.value, "lede"))
    doc = leaflet.document
    said = partial(label_before_value, labels, w.lang)
    meta = " · ".join([
        f"{said('version')} {doc.version}",
        f"{said('published')} {format_date(doc.published, leaflet.language)}",
        f"{said('review-date')} {format_date(doc.next_review, leaflet.language)}",
    ])  # fmt: skip
    story.append(w.plain(meta, "small", colour=theme_colour(theme, "muted")))
    story.append(Spacer(1, theme.spacing["block"]))
    return story


def label_before_value(labels: Labels, lang: str, key: str) -> str:
    """The label ``key`` printed before its value in a ``lang`` line. One printed in
    English (no translation) on a right-to-left page is a left-to-right isolate: the
    bidi algorithm made the digits after it part of it ("Published 1" then "يناير
    2026", drawn as "2026 يناير Published 1"); isolated, it stands before its date in
    the Arabic line's order, and the date reads as a date."""
    word = labels(key)
    if labels.falls_back(key) and right_to_left(lang):
        return isolated(word)
    return word


def block_flowables(builder: BlockBuilder, block: m.Block) -> list[Flowable]:
    """The flowables of one block, tagged with its context for the proof margin."""
    flowables = builder.build(block)
    tag_context(flowables, block.context)
    tag_block(flowables, block)
    return flowables


LABELS_APART = " · "  # between a translation's label and its source's, on one line


def reference_entries(
    leaflet: m.Leaflet, w: Writer, numbers: dict[str, int], style: str
) -> dict[int, Flowable]:
    """Numbered Vancouver entries of the cited references, by number."""
    by_key = {ref.key: ref for ref in leaflet.references}
    entries: dict[int, Flowable] = {}
    for key, n in sorted(numbers.items(), key=lambda item: item[1]):
        if key in by_key:
            with w.group("LI"):
                # Its number is the item's Lbl, the rest its LBody (`item_label`),
                # counted as a numbered list counts: "1. ", Burmese "၁။ ".
                counted = list_number(w.lang, rtl=False)(str(n))
                number = w.runs([Span(f"{counted} ")], w.styles[style])
                label = [replace(run, label=True) for run in number]
                spans = format_reference(by_key[key])
                # A reference is cited as it was published.
                language = reference_language(_as_published(by_key[key]), w.source_lang or w.lang)
                entry = w.spans_paragraph(spans, style, prefix=label, language=language)
                entry.reference_key = key  # its destination's name (`citation_links`)
                entries[n] = entry
    return entries


def _as_published(reference: m.Reference) -> str:
    """The text of ``reference``'s entry that tells the language the work is cited in:
    all of it but a title the translator translated (`ref/<key>/title`), whose letters
    are the translation's and can be the source's too: the Japanese title in a Chinese
    leaflet's Japanese translation is Han, which Chinese writes, and the entry was tagged
    Chinese, its English authors and journal read in a Chinese voice."""
    title = reference.title
    if title.origin is None:  # printed as written in the leaflet
        return "".join(span.text for span in format_reference(reference))
    untitled = replace(reference, title=replace(title, value=""))
    return "".join(span.text for span in format_reference(untitled))


def reference_list(
    leaflet: m.Leaflet,
    w: Writer,
    numbers: dict[str, int],
    heading: str,
    source_heading: str = "",
) -> list[Flowable]:
    """The numbered reference list at the end: a heading and a list (L) of entries.
    ``source_heading``: the source's own label, printed after the translation's (the
    parallel edition heads its one list in both languages)."""
    if not numbers:
        return []
    if source_heading:
        title = w.beside_source(heading, source_heading, "heading", LABELS_APART)
        title.outline_title = heading + LABELS_APART + source_heading
    else:
        title = w.plain(heading, "heading")
        title.outline_title = heading
    with w.group("L", attributes={"O": "List", "ListNumbering": "Decimal"}):
        entries = reference_entries(leaflet, w, numbers, "reference-list")
    if not entries:
        return []
    return [mark_ending(title), *entries.values()]


def closing_box(
    leaflet: m.Leaflet,
    w: Writer,
    theme: Theme,
    labels: Labels,
    code: Flowable | None = None,
    *,
    tight: bool = False,
) -> Flowable:
    """The notice and the contacts, in a shaded box; ``code``: a flowable (the QR code,
    `qr.CodeBesideContacts`) drawn beside the contacts, on their far side from where
    the lines start: right of them, left in a right-to-left language. ``tight``: with
    the theme's least padding for it (``closing-tight``), for `TightenedToFit`."""
    with w.group("Div"):
        return _closing_box(leaflet, w, theme, labels, code, tight)


def _closing_box(
    leaflet: m.Leaflet,
    w: Writer,
    theme: Theme,
    labels: Labels,
    code: Flowable | None,
    tight: bool,
) -> Flowable:
    org = leaflet.organisation
    muted = theme_colour(theme, "muted")
    rows: list[list[Flowable]] = [
        [w.plain(labels("disclaimer"), "callout-label", colour=muted)],
        [w.paragraph(leaflet.disclaimer.value, "small")],
        [w.plain(labels("contact"), "callout-label", colour=muted)],
        [w.plain(org.name, "small", bold=True)],
    ]
    contacts = [
        (key, value, _link_for(key, value)) for key in CONTACTS if (value := getattr(org, key))
    ]
    if leaflet.url:
        contacts.append(("more-online", leaflet.url, leaflet.url))
    for key, value, link in contacts:
        label = Run(labelled(key, labels, w), w.family.bold, w.styles["small"].fontSize, muted)
        language = _contact_language(key, value, labels, w.lang)
        wording = org.printed(key, w.lang) if key in CONTACTS else None
        written_for = wording.locale if wording is not None and wording.value == value else ""
        line = w.spans_paragraph(
            [Span(as_written(value, w.lang), link=link)],
            "small",
            prefix=[label],
            language=language,
            untranslated=bool(language),
            spans_language=contact_language(value, written_for, w.lang),
        )
        rows.append([line])
    sections = (0, 2)  # the notice (its label, its text) and the contacts
    commands = [
        ("BACKGROUND", (0, 0), (-1, -1), theme_colour(theme, "quiet-fill")),
        *padding_commands(theme.box_padding[CLOSING_PADDING[tight]], sections=sections),
    ]
    widths: list[object] = ["100%"]
    if code is not None:
        rows, widths, beside = _beside_contacts(rows, code, sections[1], right_to_left(w.lang))
        commands += beside
    table = make_table(rows, w, commands, colWidths=widths)
    # Kept whole, or split only between its sections (`splits_well`): a contact line
    # carried alone to a page of its own cost a sheet of paper (#21).
    table.sections = sections
    return Box([Spacer(1, theme.spacing["block"]), mark_ending(table)])


#: The closing box's padding (`theme.yaml` box-padding), and the least it may be given.
CLOSING_PADDING = {False: "closing", True: "closing-tight"}


class TightenedToFit(Flowable):  # type: ignore[misc]
    """The closing box (or the parallel row of the two) as built, or ``tight``, the
    same with the theme's least padding, where only that one fits whole in the room
    left: the closing box ends its part, so what of it does not fit opens a page that
    holds nothing else (what-msc-can-do, Thai parallel A4: the contacts alone on page
    6, 5 points short on page 5). Where neither fits, the box splits or moves by its
    own rules, with its own padding.

    Like `qr.ClosingWithCode` it reports more height than any page has, so the frame
    asks it to split and it learns the room left; it gives the one it chose after a
    `NullActionFlowable`, so the document places that by its own rules."""

    def __init__(self, normal: Flowable, tight: Flowable) -> None:
        super().__init__()
        self.normal = normal
        self.tight = tight

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return available_width, 0xFFFFFF  # always split (see the class docstring)

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        canvas = getattr(self, "canv", None)
        heights = (whole_height(f, canvas, available_width, available_height)
                   for f in (self.normal, self.tight))  # fmt: skip
        normal, tight = heights
        chosen = self.tight if tight <= available_height < normal else self.normal
        return [NullActionFlowable(), chosen]


def _beside_contacts(
    rows: list[list[Flowable]], code: Flowable, first: int, mirrored: bool
) -> tuple[list[list[Flowable]], list[object], list[tuple[object, ...]]]:
    """The closing box's one-column ``rows`` as two columns: each row before ``first``
    (the notice) across both, and ``code`` in a column of its own beside the contact
    rows from ``first`` on, as wide as it is with no padding (its quiet zone is its
    own), centred on their height. Its column is at the left in a right-to-left box,
    whose lines start at the right."""
    text, side = (1, 0) if mirrored else (0, 1)
    cells: list[list[Flowable]] = []
    for index, (cell,) in enumerate(rows):
        row: list[Flowable] = ["", ""]
        row[0 if index < first else text] = cell
        if index == first:
            row[side] = code
        cells.append(row)
    width = code.wrap(0, 0)[0]
    widths: list[object] = [width, "*"] if mirrored else ["*", width]
    commands: list[tuple[object, ...]] = [
        *(("SPAN", (0, index), (1, index)) for index in range(first)),
        ("SPAN", (side, first), (side, -1)),
        ("LEFTPADDING", (side, first), (side, -1), 0),
        ("RIGHTPADDING", (side, first), (side, -1), 0),
        ("VALIGN", (side, first), (side, -1), "MIDDLE"),
    ]
    return cells, widths, commands


def labels_before_values(labels: Labels) -> tuple[str, ...]:
    """The words ``labels`` prints before a value (`BEFORE_A_VALUE`, `labelled`), as its
    catalog gives them: what `typeset.kept_groups.keeping_labels` keeps with the value
    while the leaflet is laid out."""
    return tuple(labels.word(key) for key in BEFORE_A_VALUE)


def labelled(key: str, labels: Labels, w: Writer) -> str:
    """The label ``key`` and what ends it before a value, in the language it is printed
    in (`languages.yaml` label-end): "Phone: ", "电话：" (full-width, no space), and
    "Phone: " again for an English label a Chinese ui catalog lacks. A label its
    translator kept as written (the brand "LINE") is the translation's: "LINE：@…"
    above "网站：…", not "LINE: @…"."""
    lang = UI_LANGUAGE if labels.falls_back(key) else w.lang
    return labels(key) + profile(lang).label_end


def _contact_language(key: str, value: str, labels: Labels, lang: str) -> str:
    """The language a contact line of a ``lang`` page is in when it is not the page's:
    English, for an English label (ui.po has no translation) before a value with no
    letter of the page's script ("Phone: 02 123 4567", "LINE: @clinic"). Set as the
    page's, such a line on an Arabic page ran right to left, its label at the right and
    its colon between: "@clinic :LINE"; set as English, it reads "LINE: @clinic"."""
    if not labels.falls_back(key) or lang == UI_LANGUAGE:
        return ""
    scripts = {script_of(char) for char in value if char.isalpha()}
    if not scripts <= {LATIN} or locale_script(lang) in scripts:
        return ""
    return UI_LANGUAGE


def _link_for(key: str, value: str) -> str:
    if key == "web":
        return web_link(value)  # checked by the loader
    if key == "phone" or key == "whatsapp":
        return tel_link(value)
    return ""
