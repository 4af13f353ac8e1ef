"""Citation numbering and Vancouver-style reference formatting.

Numbers follow the order of first citation in reading order, as Vancouver requires;
both the body superscripts and the page-footer entries take them from `number_citations`.
"""

from __future__ import annotations

import dataclasses

from . import model as m
from .inline import Span, parse_inline

MAX_LISTED_AUTHORS = 6  # ICMJE/Vancouver: list six, then "et al."


def number_citations(leaflet: m.Leaflet) -> dict[str, int]:
    numbers: dict[str, int] = {}
    for text in m.texts(leaflet):
        if text.is_reference_title:
            continue
        for span in parse_inline(text.value):
            for key in span.cites:
                numbers.setdefault(key, len(numbers) + 1)
    return numbers


def with_published_titles(translation: m.Leaflet, source: m.Leaflet) -> tuple[m.Reference, ...]:
    """The translation's references, each whose title the translator translated given
    as published, the translation after it in square brackets (as Citing Medicine gives
    a translated title). For the edition that prints both languages with one reference
    list and one footer: a reader of the source language finds a work by the title it
    was published under, which the translated title alone left out."""
    published = {ref.key: ref.title.value for ref in source.references}
    return tuple(
        dataclasses.replace(
            ref, title=dataclasses.replace(ref.title, value=f"{original} [{ref.title.value}]")
        )
        if (original := published.get(ref.key, ref.title.value)) != ref.title.value
        else ref
        for ref in translation.references
    )


def format_authors(authors: tuple[str, ...]) -> str:
    names = [a for a in authors if a.rstrip(".").lower() != "et al"]
    truncated = len(names) > MAX_LISTED_AUTHORS or len(names) < len(authors)
    listed = ", ".join(names[:MAX_LISTED_AUTHORS])
    return f"{listed}, et al." if truncated else f"{listed}."


def _sentence(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else text + "."


def format_reference(ref: m.Reference) -> list[Span]:
    """One Vancouver entry, e.g. ``Author A, Author B. Title. Journal. 2006;8(4):315-7.``"""
    spans = [Span(format_authors(ref.authors) + " ")]
    title = parse_inline(ref.title.value)
    if title:
        last = title[-1]
        title[-1] = Span(_sentence(last.text), last.bold, last.italic, last.link)
    spans.extend(title)
    source = f" {_sentence(ref.journal)}" if ref.journal else ""
    source += f" {ref.year}"
    if ref.volume:
        source += f";{ref.volume}"
        if ref.issue:
            source += f"({ref.issue})"
    if ref.pages:
        source += f":{ref.pages}"
    spans.append(Span(source + "."))
    if ref.doi:
        spans.append(Span(" "))
        spans.append(Span(f"doi:{ref.doi}", link=f"https://doi.org/{ref.doi}"))
    if ref.pmid:
        spans.append(Span(f" PMID: {ref.pmid}."))
    if ref.url and not ref.doi:
        spans.append(Span(" "))
        spans.append(Span(ref.url, link=ref.url))
    return spans
