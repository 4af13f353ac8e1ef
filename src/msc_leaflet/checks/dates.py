"""Document control: review dates, version and document code.

A leaflet past its review date may carry out-of-date safety advice. Printing it is
refused (error) when the run is ``strict`` — what ``build --strict`` asks for — and
reported as a warning otherwise, so authors see it early without being blocked from
drafts. The loader already requires ``code`` and ``version``; DOC001/DOC002 also catch
placeholders (``TODO``, ``x.x``) and models built in code.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from ..content.text_policy import name
from ..eras import YEARS_AHEAD, another_era
from ..errors import Location
from .registry import CheckContext, Issue, check
from .text import as_ascii, look_alikes

CODE = re.compile(r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+")  # e.g. MSC-PI-001
VERSION = re.compile(r"[0-9]+(?:\.[0-9]+){0,2}")  # 1, 1.0, 2.1.3 (not ๑.๐: \d takes it)
PLACEHOLDERS = re.compile(r"todo|tbd|xxx|fixme|change-me|\?", re.IGNORECASE)


@check(
    "DATE001",
    "error",
    "A leaflet past its review date may give out-of-date safety advice; strict runs refuse it.",
)
def review_overdue(ctx: CheckContext) -> Iterator[Issue]:
    due = ctx.leaflet.document.next_review
    if due < ctx.today:
        yield Issue(
            ctx.sources.key("document.next_review"),
            f"next review was due on {due.isoformat()} ({(ctx.today - due).days} days ago)",
            "review the content, then update 'version', 'published' and 'next_review'",
            severity="error" if ctx.config.strict else "warning",
        )


@check("DATE002", "warning", "A review due soon needs planning before the next print run.")
def review_soon(ctx: CheckContext) -> Iterator[Issue]:
    due = ctx.leaflet.document.next_review
    left = (due - ctx.today).days
    if 0 <= left <= ctx.config.dates.review_soon_days:
        yield Issue(
            ctx.sources.key("document.next_review"),
            f"next review is due on {due.isoformat()}, in {left} days",
            "plan the review before printing a large run",
        )


def _far_ahead(what: str, key: str, value: str, year: int, today: dt.date) -> tuple[str, str]:
    """The message and hint for ``what`` (written ``value``, in ``year``) far ahead."""
    message = f"{what} is {year - today.year} years ahead"
    era = another_era(year, today)
    if era is None:
        return message, f"check the year of {key}"
    name, common = era
    typed = value.replace(str(year), str(common), 1)
    return (
        f"{message}: a year of the {name} calendar? Dates are read in the Common Era",
        f"write {key}: {typed} (the {name} year less {year - common})",
    )


@check(
    "DATE003",
    "error",
    "A date written in another calendar (a Buddhist Era 2570) lies centuries ahead: "
    "the review is never due.",
)
def date_far_ahead(ctx: CheckContext) -> Iterator[Issue]:
    document = ctx.leaflet.document
    for key, date in (("published", document.published), ("next_review", document.next_review)):
        if date.year - ctx.today.year > YEARS_AHEAD:
            message, hint = _far_ahead(
                f"{key} {date.isoformat()}", key, date.isoformat(), date.year, ctx.today
            )
            yield Issue(ctx.sources.key(f"document.{key}"), message, hint)
    for n, ref in enumerate(ctx.leaflet.references):
        if ref.year - ctx.today.year > YEARS_AHEAD:
            message, hint = _far_ahead(
                f"the year of reference '{ref.key}', {ref.year},",
                "year",
                str(ref.year),
                ref.year,
                ctx.today,
            )
            yield Issue(ctx.sources.key(f"references[{n}].year"), message, hint)


@check(
    "DOC001",
    "error",
    "The document code identifies a printed copy in audits and complaints; it must be real.",
)
def document_code(ctx: CheckContext) -> Iterator[Issue]:
    code = ctx.leaflet.document.code.strip()
    if look_alikes(code) and CODE.fullmatch(as_ascii(code)):
        yield _typed_otherwise(ctx, "code", "document code", code, as_ascii(code))
    elif not code or PLACEHOLDERS.search(code) or not CODE.fullmatch(code):
        yield Issue(
            ctx.sources.key("document.code"),
            f"document code {code!r} is missing or not a code like MSC-PI-001",
            "use the code from your document-control register",
        )


@check("DOC002", "error", "Without a real version a reader cannot tell two printed editions apart.")
def document_version(ctx: CheckContext) -> Iterator[Issue]:
    version = ctx.leaflet.document.version.strip()
    if look_alikes(version) and VERSION.fullmatch(as_ascii(version)):
        yield _typed_otherwise(ctx, "version", "version", version, f'"{as_ascii(version)}"')
    elif not version or not VERSION.fullmatch(version):
        yield Issue(
            ctx.sources.key("document.version"),
            f'version {version!r} is missing or not a number like "1.0"',
            'write it quoted, e.g. version: "1.1"',
        )


def _typed_otherwise(ctx: CheckContext, key: str, what: str, value: str, typed: str) -> Issue:
    """A document code or version that prints like a good one in characters that are
    not ASCII (a non-breaking hyphen, Thai or full-width digits): a search of the
    document-control register, or of the printed PDFs, does not find it."""
    names = ", ".join(name(c) for c in look_alikes(value))
    return Issue(
        ctx.sources.key(f"document.{key}"),
        f"{what} {value!r} holds {names}: write it in ASCII letters, digits and hyphens",
        f"write {key}: {typed}",
    )


ORGANISATION_PLACEHOLDER = "CHANGE-ME"  # what `msc-leaflet init` writes for every value


@check(
    "DOC003",
    "error",
    "A leaflet must name the organisation that hands it out, so patients know whom to call.",
)
def organisation_placeholder(ctx: CheckContext) -> Iterator[Issue]:
    org = ctx.leaflet.organisation
    printed = (org.name, org.address, org.phone, org.line, org.whatsapp, org.web)
    if not any(ORGANISATION_PLACEHOLDER in value for value in printed):
        return
    try:
        lines = org.path.read_text("utf-8").splitlines()
    except OSError:  # a model built in code: no file to point into
        lines = []
    line = next(
        (n for n, text in enumerate(lines, 1) if ORGANISATION_PLACEHOLDER in text.split("#")[0]),
        0,
    )
    yield Issue(
        Location(org.path, line),
        f"organisation profile still has a {ORGANISATION_PLACEHOLDER} placeholder",
        "replace every CHANGE-ME value with your organisation's own details",
    )
