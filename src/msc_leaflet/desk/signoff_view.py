"""A translation's sign-off page: its history, what changed since the last approval and
what `i18n check` says of its entries, for a clinician reading before signing.

The changes are `i18n review`'s (`signoff.pending`, worded by `change_in_words` in the
reader's language, from the messages `i18n review` prints in English); the
findings are `i18n check`'s (`workflow.leaflet_catalog_checked`: its rules' and the
content checks' at each msgstr, a cure claim among them): the desk computes neither, so
a clinician at the desk and one at the command line read one list. The desk signs
nothing off: the record is made by `msc-leaflet i18n review`, which the page names.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import Finding
from ..i18n.catalog import catalog_path
from ..i18n.pofile import read_po
from ..i18n.signoff import UNCOVERED_PAGE, Pending, SignOff, change_in_words, pending
from ..i18n.signoff_changes import Change, approved_shown, approved_text_lost, texts_shown
from ..i18n.workflow import leaflet_catalog_checked
from ..project import Project
from .interface import Interface, Language

#: Changes shown on one page: a revision of a whole leaflet lists hundreds; the page
#: stays quick to draw and to scroll on a phone, the rest a link away.
CHANGES_PER_PAGE = 50


@dataclass(frozen=True)
class Said:
    """One approved or current text of a change, and the language it is written in."""

    words: str
    language: str


@dataclass(frozen=True)
class ShownChange:
    """One change as the page shows it: ``what`` in `i18n review`'s words (in the
    reader's language), the approved and current texts of each entry, those `i18n
    review` shows (`texts_shown`) (or, for an edit, ``not_recorded``: that no record
    kept the approved one), and `i18n check`'s findings on its entries. ``named``: the
    context in the reader's words where it is a sentence, not an entry's name
    (`UNCOVERED_PAGE`); "" for an entry's. ``context`` is "" for a removed entry,
    which ``what`` names ("removed (was paragraph/5)")."""

    context: str
    named: str
    what: str
    before: tuple[tuple[Said, ...], ...]  # (source, translation) per entry, as shown
    after: tuple[tuple[Said, ...], ...]
    findings: tuple[Finding, ...]
    not_recorded: bool = False  # an edit whose approved text no record kept


@dataclass(frozen=True)
class SignoffView:
    leaflet_id: str
    source: str  # the leaflet's language (its msgids')
    locale: str  # the translation's
    history: tuple[tuple[SignOff, bool], ...]  # every record, oldest first, and current
    changes: tuple[ShownChange, ...]  # this page's
    total: int  # changes in all
    page: int
    pages: int
    findings: tuple[Finding, ...]  # every finding of the leaflet's catalog
    review_command: str  # what records a sign-off: the desk does not

    @property
    def first(self) -> int:
        """The number of this page's first change, counted from 1."""
        return (self.page - 1) * CHANGES_PER_PAGE + 1


def page_count(total: int) -> int:
    return max(1, -(-total // CHANGES_PER_PAGE))


def signoff_view(
    project: Project, leaflet_id: str, locale: str, page: int, t: Interface
) -> SignoffView:
    """What the sign-off page of ``leaflet_id`` in ``locale`` shows, its ``page``-th page
    of changes (past the last: the last), the changes worded in ``t``'s language. Raises
    `LeafletError` as `i18n review` does (a leaflet or a signoff.yaml that cannot be
    read), named, file and line."""
    found = pending(project, leaflet_id, locale)
    findings = _catalog_findings(project, found)
    review = found.review
    pages = page_count(len(review.changes))
    page = min(max(page, 1), pages)
    start = (page - 1) * CHANGES_PER_PAGE
    languages = (found.leaflet.language, found.locale)
    shown = tuple(
        _shown(change, change_in_words(change, languages, t, Language), t, findings, languages)
        for change in review.changes[start : start + CHANGES_PER_PAGE]
    )
    return SignoffView(
        leaflet_id=found.leaflet.id,
        source=found.leaflet.language,
        locale=found.locale,
        history=tuple((r, r.current(found.state)) for r in review.history),
        changes=shown,
        total=len(review.changes),
        page=page,
        pages=pages,
        findings=tuple(f for findings_of in findings.values() for f in findings_of),
        review_command=(
            f"msc-leaflet i18n review {found.leaflet.id} -l {found.locale} --by NAME --role ROLE"
        ),
    )


def _shown(
    change: Change,
    what: str,
    t: Interface,
    findings: dict[str, list[Finding]],
    languages: tuple[str, str],
) -> ShownChange:
    # A removed entry's findings are none: no current entry is it ("" would fetch the
    # catalog header's), and the one now at its old context is another text.
    contexts = [c.strip() for c in change.context.split(",") if c.strip()]
    return ShownChange(
        change.context,
        t("desk.change.page-items") if change.context == UNCOVERED_PAGE else "",
        what,
        _said(change, approved_shown(change), languages),
        _said(change, change.after, languages),
        tuple(f for c in contexts for f in findings.get(c, ())),
        approved_text_lost(change),
    )


def _said(
    change: Change, pairs: Sequence[tuple[str, str]], languages: tuple[str, str]
) -> tuple[tuple[Said, ...], ...]:
    """``pairs`` (source, translation), of each the texts `i18n review` and the proof
    show (`texts_shown`: a translation's edit is its translation's, a text printed as
    its source writes it once), each with the language it is written in, the leaflet's
    and the translation's being ``languages``. A pair with nothing shown is left out:
    a "was" with no text under it reads as "it was empty"."""
    shown = (texts_shown(change, pair, languages) for pair in pairs)
    return tuple(tuple(Said(*text) for text in texts) for texts in shown if texts)


def _catalog_findings(project: Project, found: Pending) -> dict[str, list[Finding]]:
    """`i18n check`'s findings on the leaflet's catalog, by the context of the entry
    each stands in ("" for the header and what precedes the first entry)."""
    path = catalog_path(project, found.locale, found.leaflet.id)
    if not path.is_file():
        return {}
    catalog = read_po(path)
    starts = sorted((e.line, e.msgctxt or e.msgid) for e in catalog.active if e.line)
    by_context: dict[str, list[Finding]] = {}
    for finding in leaflet_catalog_checked(project, catalog):
        context = _entry_at(starts, finding.location.line or 0)
        by_context.setdefault(context, []).append(finding)
    return by_context


def _entry_at(starts: Sequence[tuple[int, str]], line: int) -> str:
    """The context of the entry that holds ``line``: the last to start at or before it."""
    index = bisect.bisect_right([start for start, _ in starts], line) - 1
    return starts[index][1] if index >= 0 else ""
