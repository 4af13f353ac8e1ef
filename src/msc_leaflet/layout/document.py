"""Lay out one localised leaflet into PDF bytes.

Story order: title block → body blocks → numbered reference list → disclaimer and
contact box. Pages come from `pages.make_templates`; reference footers from
`footnotes`; bookmarks are added as headings are placed.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.platypus import BaseDocTemplate, Flowable, KeepTogether, Spacer

from .. import model as m
from ..inline import Span, plain_text
from ..labels import Labels
from ..references import format_reference, number_citations
from ..theme import Theme
from ..typeset import Run, WordList, default_family
from ..typeset.segmentation import EMPTY_WORD_LIST
from .blocks import BlockBuilder, keep_headings_with_boxes, make_table
from .footnotes import PageReferences
from .pages import DeferredCanvas, PageFurniture, footer_painter, make_templates
from .styles import build_styles
from .text import Writer

DateFormatter = Callable[[dt.date, str], str]


@dataclass(frozen=True)
class LayoutResult:
    pdf: bytes
    pages: int
    footer_overflows: tuple[int, ...]


class _LeafletDocument(BaseDocTemplate):  # type: ignore[misc]
    def afterFlowable(self, flowable: Flowable) -> None:
        title = getattr(flowable, "outline_title", None)
        if title:
            key = f"section-{self.seq.nextf('outline')}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=0, closed=False)


def layout_leaflet(
    leaflet: m.Leaflet,
    theme: Theme,
    labels: Labels,
    format_date: DateFormatter,
    words: WordList = EMPTY_WORD_LIST,
) -> LayoutResult:
    """PDF bytes of ``leaflet`` (already localised); ``words`` are terms never to split."""
    family = default_family()
    lang = leaflet.language
    styles = build_styles(theme, family, lang)
    numbers = number_citations(leaflet)
    writer = Writer(family, styles, numbers, lang, theme.colour("accent"), words)
    width = theme.page_size[0] - theme.margins["left"] - theme.margins["right"]

    by_key = {ref.key: ref for ref in leaflet.references}
    cited = sorted(numbers.items(), key=lambda item: item[1])
    entries = {
        n: writer.spans_paragraph([Span(f"{n}. "), *format_reference(by_key[key])], "reference")
        for key, n in cited
    }
    references = PageReferences(entries, width)
    control = " · ".join([
        leaflet.document.code,
        f"{labels('version')} {leaflet.document.version}",
        f"{labels('review-date')} {format_date(leaflet.document.next_review, lang)}",
    ])  # fmt: skip
    furniture = PageFurniture(
        theme=theme, family=family, labels=labels, lang=lang,
        title=plain_text(leaflet.title.value), organisation=leaflet.organisation.name,
        contact=_contact_lines(leaflet.organisation, labels), control=control,
        references=references,
    )  # fmt: skip
    buffer = io.BytesIO()
    doc = _LeafletDocument(
        buffer,
        pagesize=theme.page_size,
        title=plain_text(leaflet.title.value),
        author=leaflet.organisation.name,
        subject=plain_text(leaflet.audience.value) if leaflet.audience else "",
        keywords=list(leaflet.keywords),
        creator="msc-leaflet",
        producer="msc-leaflet (ReportLab)",
        invariant=1,
        lang=lang,
        initialFontName=family.regular,
    )
    doc.addPageTemplates(make_templates(doc, furniture))
    reference_list = [
        writer.spans_paragraph([Span(f"{n}. "), *format_reference(by_key[key])], "reference-list")
        for key, n in cited
    ]
    story = _story(leaflet, writer, theme, labels, format_date, reference_list)
    canvasmaker = type(
        "LeafletCanvas",
        (DeferredCanvas,),
        {"paint_footer": staticmethod(footer_painter(furniture))},
    )
    doc.build(story, canvasmaker=canvasmaker)
    return LayoutResult(buffer.getvalue(), doc.page, tuple(references.overflows))


def _contact_lines(org: m.Organisation, labels: Labels) -> list[str]:
    parts = [
        f"{labels(key)} {value}"
        for key, value in (("line", org.line), ("whatsapp", org.whatsapp))
        if value
    ]
    lines = ["  ·  ".join(parts)] if parts else []
    if org.web:
        lines.append(org.web.removeprefix("https://").removeprefix("http://").rstrip("/"))
    return lines


def _story(
    leaflet: m.Leaflet,
    w: Writer,
    theme: Theme,
    labels: Labels,
    format_date: DateFormatter,
    reference_entries: list[Flowable],
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
    meta = " · ".join([
        f"{labels('version')} {doc.version}",
        f"{labels('published')} {format_date(doc.published, leaflet.language)}",
        f"{labels('review-date')} {format_date(doc.next_review, leaflet.language)}",
    ])  # fmt: skip
    story.append(w.plain(meta, "small", colour=theme.colour("muted")))
    story.append(Spacer(1, theme.spacing["block"]))

    builder = BlockBuilder(w, theme, labels, leaflet.numbered_sections)
    body: list[Flowable] = []
    for block in leaflet.blocks:
        body.extend(builder.build(block))
    story.extend(keep_headings_with_boxes(body))

    if reference_entries:
        heading = w.plain(labels("references"), "heading")
        heading.outline_title = labels("references")
        story.append(heading)
        story.extend(reference_entries)
    story.append(_closing_box(leaflet, w, theme, labels))
    return story


def _closing_box(leaflet: m.Leaflet, w: Writer, theme: Theme, labels: Labels) -> Flowable:
    org = leaflet.organisation
    muted = theme.colour("muted")
    rows: list[list[Flowable]] = [
        [w.plain(labels("disclaimer"), "callout-label", colour=muted)],
        [w.paragraph(leaflet.disclaimer.value, "small")],
        [w.plain(labels("contact"), "callout-label", colour=muted)],
        [w.plain(org.name, "small", bold=True)],
    ]
    for key in ("address", "phone", "line", "whatsapp", "web"):
        value = getattr(org, key)
        if value:
            label = Run(f"{labels(key)}: ", w.family.bold, w.styles["small"].fontSize, muted)
            rows.append(
                [
                    w.spans_paragraph(
                        [Span(value, link=_link_for(key, value))], "small", prefix=[label]
                    )
                ]
            )
    if leaflet.url:
        label = Run(f"{labels('more-online')}: ", w.family.bold, w.styles["small"].fontSize, muted)
        rows.append(
            [w.spans_paragraph([Span(leaflet.url, link=leaflet.url)], "small", prefix=[label])]
        )
    table = make_table(rows, w.family.regular, [
        ("BACKGROUND", (0, 0), (-1, -1), theme.colour("quiet-fill")),
        ("LEFTPADDING", (0, 0), (-1, -1), 12),
        ("RIGHTPADDING", (0, 0), (-1, -1), 12),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("TOPPADDING", (0, 0), (-1, 0), 8),
        ("TOPPADDING", (0, 2), (-1, 2), 8),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 8),
    ], colWidths=["100%"])  # fmt: skip
    return KeepTogether([Spacer(1, theme.spacing["block"]), table])


def _link_for(key: str, value: str) -> str:
    if key == "web":
        return value if value.startswith(("http://", "https://")) else f"https://{value}"
    if key == "phone" or key == "whatsapp":
        return "tel:" + "".join(ch for ch in value if ch.isdigit() or ch == "+")
    return ""


__all__ = ["LayoutResult", "layout_leaflet"]
