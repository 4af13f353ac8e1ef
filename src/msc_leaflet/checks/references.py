"""Reference checks: citations resolve, references are used once each and well-formed.

The loader already refuses a citation to a missing key in the source file; REF001
repeats it on the model so a translated leaflet (or one built in code) is held to the
same rule. Field rules follow the Vancouver style the layout prints (content/citations.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from ..content.inline import InlineError, citation_keys
from ..content.model import Reference, texts
from ..content.text_policy import name, visible
from .registry import CheckContext, Issue, check
from .text import as_ascii, look_alikes

# ASCII digits: Python's \d also takes ๑ and １, which print like digits but resolve nothing.
DOI = re.compile(r"10\.[0-9]{4,9}/\S+")
PMID = re.compile(r"[1-9][0-9]{0,8}")
DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)


def _cited(ctx: CheckContext) -> Iterator[tuple[str, int]]:
    for text in texts(ctx.leaflet):
        if text.is_reference_title:
            continue
        try:
            keys = citation_keys(text.value)
        except InlineError:
            continue
        for key in keys:
            yield key, text.line


@check("REF001", "error", "A citation without a reference prints a number that leads nowhere.")
def unresolved_citation(ctx: CheckContext) -> Iterator[Issue]:
    known = {ref.key for ref in ctx.leaflet.references}
    for key, line in _cited(ctx):
        if key not in known:
            yield Issue(
                ctx.sources.locate(line, f"@{key}"),
                f"citation [@{key}] has no matching reference",
                "add it under 'references:' or fix the key",
            )


@check("REF002", "warning", "An uncited reference suggests a claim lost its source.")
def uncited_reference(ctx: CheckContext) -> Iterator[Issue]:
    cited = {key for key, _ in _cited(ctx)}
    for n, ref in enumerate(ctx.leaflet.references):
        if ref.key not in cited:
            yield Issue(
                ctx.sources.key(f"references[{n}].key"),
                f"reference '{ref.key}' is never cited",
                f"cite it as [@{ref.key}] where it supports the text, or remove it",
            )


def _title_key(ref: Reference) -> tuple[str, int]:
    """A title as read (`visible`: no soft hyphen, accents composed, ﬁ as fi), its
    punctuation and case left out."""
    title = unicodedata.normalize("NFKC", visible(ref.title.value))
    return (re.sub(r"\W+", " ", title).strip().casefold(), ref.year)


@check("REF003", "error", "The same work listed twice gets two numbers and looks like two sources.")
def duplicate_reference(ctx: CheckContext) -> Iterator[Issue]:
    seen: dict[object, Reference] = {}
    for n, ref in enumerate(ctx.leaflet.references):
        keys: list[tuple[str, object]] = [("title and year", _title_key(ref))]
        if ref.doi:
            keys.append(("DOI", DOI_PREFIX.sub("", ref.doi).lower()))
        if ref.pmid:
            keys.append(("PMID", ref.pmid.strip()))
        for what, value in keys:
            first = seen.get((what, value))
            if first is not None:
                yield Issue(
                    ctx.sources.key(f"references[{n}].key"),
                    f"reference '{ref.key}' duplicates '{first.key}' (same {what})",
                    f"keep one and cite it as [@{first.key}] everywhere",
                )
                break
        for what, value in keys:
            seen.setdefault((what, value), ref)


def _typed_otherwise(value: str) -> str:
    """What a message says of an identifier's `look_alikes`, or ""."""
    return ", ".join(name(c) for c in look_alikes(value))


@check("REF004", "error", "A malformed DOI prints a link that does not resolve.")
def doi_syntax(ctx: CheckContext) -> Iterator[Issue]:
    for n, ref in enumerate(ctx.leaflet.references):
        if ref.doi and _typed_otherwise(ref.doi):
            typed = as_ascii(DOI_PREFIX.sub("", ref.doi))
            yield Issue(
                ctx.sources.key(f"references[{n}].doi"),
                f"DOI '{ref.doi}' holds {_typed_otherwise(ref.doi)}, which print like "
                "ASCII characters but make a link that does not resolve",
                f"type it as {typed}" if DOI.fullmatch(typed) else "retype it in ASCII",
            )
        elif ref.doi and not DOI.fullmatch(ref.doi):
            bare = DOI_PREFIX.sub("", ref.doi)
            hint = (
                f"write the bare DOI: {bare}"
                if bare != ref.doi and DOI.fullmatch(bare)
                else "a DOI looks like 10.1080/14653240600855905"
            )
            yield Issue(
                ctx.sources.key(f"references[{n}].doi"),
                f"'{ref.doi}' is not a DOI (10.<4–9 digits>/<suffix>)",
                hint,
            )


@check("REF005", "error", "A PMID is a PubMed number; anything else cannot be looked up.")
def pmid_syntax(ctx: CheckContext) -> Iterator[Issue]:
    for n, ref in enumerate(ctx.leaflet.references):
        if ref.pmid and not PMID.fullmatch(ref.pmid):
            typed = as_ascii(ref.pmid)
            yield Issue(
                ctx.sources.key(f"references[{n}].pmid"),
                f"'{ref.pmid}' is not a PMID (ASCII digits only)",
                f'type it in ASCII digits: pmid: "{typed}"'
                if PMID.fullmatch(typed)
                else 'quote it as digits, e.g. pmid: "16923606"',
            )


@check(
    "REF006",
    "warning",
    "Vancouver entries need journal, volume and pages (or a URL) for a reader to find the work.",
)
def vancouver_fields(ctx: CheckContext) -> Iterator[Issue]:
    for n, ref in enumerate(ctx.leaflet.references):
        where = ctx.sources.key(f"references[{n}].key")
        if not ref.authors:
            yield Issue(where, f"reference '{ref.key}' has no authors")
        if ref.journal:
            missing = [name for name in ("volume", "pages") if not getattr(ref, name)]
            if missing and not (ref.doi or ref.pmid):
                yield Issue(
                    where,
                    f"reference '{ref.key}' lacks {' and '.join(missing)} and has no DOI or PMID",
                    "add them, or a doi:/pmid: so a reader can find the article",
                )
        elif not ref.url and not ref.doi:
            yield Issue(
                where,
                f"reference '{ref.key}' has neither a journal nor a URL or DOI",
                "add journal (for an article) or url (for a web page or report)",
            )
