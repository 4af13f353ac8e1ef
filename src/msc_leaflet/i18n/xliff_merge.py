"""Merge a file's units into a catalog, in memory, never losing a translator's work.

By context and source text; an empty target never erases a translation; a translation
whose source changed since the export is kept as an obsolete entry (``#~``) instead of
dropped; every note a CAT tool adds is kept as a translator comment (`_comments`); a
target no one confirmed comes in fuzzy (`imported_fuzzy`). The refusals that come
before are `xliff_checks`' and `xliff_units`'; reading and writing files is
`xliff_import`'s.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from .catalog import Catalog, Entry, earlier_translation, msgstr_as_read
from .xliff_states import DONE_STATES, SIGNED_OFF
from .xliff_units import Unit


@dataclass
class ImportReport:
    path: Path  # the catalog written
    changed: list[str] = field(default_factory=list)  # contexts whose msgstr or state changed
    kept_obsolete: list[str] = field(default_factory=list)  # source changed since the export
    not_translated: list[str] = field(default_factory=list)  # translate="no": left out
    # Of ``changed``, those whose text a sign-off had approved: it is stale now.
    unsigned: list[str] = field(default_factory=list)
    # Of ``changed``, new words the file still marks signed-off or approved="yes": marks
    # a tool kept from the export, no sign-off of these words (`claims_sign_off`).
    marked_signed: list[str] = field(default_factory=list)
    # The roles whose sign-off a change makes stale (`msc-leaflet.toml`), for the hint.
    roles: tuple[str, ...] = ()
    unchanged: int = 0
    written: bool = False


def _keep_obsolete(catalog: Catalog, unit: Unit) -> bool:
    """Keep the target of a unit whose source is no longer in the catalog as a ``#~``
    entry; False when the catalog already holds it (the same file imported again).

    msgfmt rejects two entries with one context and text even when obsolete, so an
    obsolete entry with this key is updated in place; a different translation it held
    is kept as a translator comment, never dropped."""
    note = "imported from XLIFF: its source changed since the export"
    old = next((e for e in catalog.obsolete if e.key == (unit.context, unit.source)), None)
    if old is None:
        catalog.entries.append(
            Entry(
                msgid=unit.source, msgstr=unit.target, msgctxt=unit.context,
                comments=[*unit.comments, note], flags=["fuzzy"], obsolete=True,
            )
        )  # fmt: skip
        return True
    if old.msgstr == unit.target and old.msgid_plural is None:
        return False
    old.comments += [earlier_translation(text) for text in old.forms if text]
    old.comments += [c for c in [*unit.comments, note] if c not in old.comments]
    old.msgstr, old.msgid_plural, old.msgstr_plural = unit.target, None, {}
    old.set_fuzzy(True)
    return True


def merge_units(catalog: Catalog, units: list[Unit], report: ImportReport) -> None:
    """Apply ``units`` to ``catalog`` in place, as the module docstring says."""
    entries = catalog.lookup()
    for unit in units:
        entry = entries.get((unit.context, unit.source))
        label = unit.context or unit.source[:30]
        if not unit.translate:
            report.not_translated.append(label)
            continue
        if entry is None:
            # Its English changed since the export; the entry now in its place (its
            # context) has the developer notes a tool may return without their from.
            in_place = [e for e in catalog.active if e.msgctxt == unit.context]
            if unit.context is not None and in_place:
                unit = replace(unit, comments=_notes(unit, in_place[0]))
            if unit.target and _keep_obsolete(catalog, unit):
                report.kept_obsolete.append(label)
            elif unit.target:
                report.unchanged += 1
            continue
        comments = _comments(entry, unit)
        if not unit.target:  # an empty target never erases a translation; its notes stay
            if comments != entry.comments:
                entry.comments = comments
                report.changed.append(label)
            else:
                report.unchanged += 1
            continue
        fuzzy = imported_fuzzy(unit, entry)
        # A CAT tool that returns the text in another Unicode form (NFD: "ệ" as e ◌̣ ◌̂)
        # changed no word: the catalog keeps its own spelling, and the entry is unchanged.
        target = (
            entry.msgstr
            if msgstr_as_read(entry.msgstr) == msgstr_as_read(unit.target)
            else unit.target
        )
        if fuzzy and entry.translated and entry.msgstr != target:
            # A suggestion to review replaces no confirmed translation unseen: if the
            # reviewer turns it down, the one it displaced is still there to go back to.
            earlier = earlier_translation(entry.msgstr)
            comments += [earlier] if earlier not in comments else []
        if (entry.msgstr, entry.fuzzy, entry.comments) == (target, fuzzy, comments):
            report.unchanged += 1
            continue
        if entry.msgstr != target and claims_sign_off(unit):
            report.marked_signed.append(label)
        entry.msgstr = target
        entry.set_fuzzy(fuzzy)
        entry.comments = list(comments)
        if not fuzzy:
            entry.previous_msgctxt = entry.previous_msgid = None
        report.changed.append(label)


def imported_fuzzy(unit: Unit, entry: Entry) -> bool:
    """Whether ``unit``'s target comes into ``entry`` fuzzy: as its state and approved
    say (`Unit.fuzzy`), and also when only ``approved="yes"`` confirms a new text for
    an entry that had a confirmed one. Export writes ``approved="yes"`` on a signed-off
    text (`_state`): a tool that gives the edited unit a state of its own ("new",
    "x-…") and leaves that attribute as it was did not confirm the new words, and a
    medical text no one confirmed is not printed. Where the entry had no translation,
    or the text is the catalog's own, the approval can only be the tool's."""
    if unit.fuzzy:
        return True
    only_approved = unit.approved == "yes" and unit.state not in DONE_STATES
    changed = msgstr_as_read(entry.msgstr) != msgstr_as_read(unit.target)
    return only_approved and entry.translated and changed


def claims_sign_off(unit: Unit) -> bool:
    """Whether ``unit`` says its target is signed off (``state="signed-off"`` or
    ``approved="yes"``, which export writes on a text a sign-off approved).

    On new words that claim is no sign-off: a tool that lets a translator edit the text
    keeps both attributes as the export wrote them. Such a target imports as any edit of
    a confirmed text does, translated, because it is the agency's translation; the
    clinic's sign-off never passes to it (`signed_entries` binds an approval to the
    words approved, so it is stale), and the import names it (`ImportReport`), so the
    reviewer is asked to read these words before `build --strict` prints them."""
    return unit.state == SIGNED_OFF or unit.approved == "yes"


def _comments(entry: Entry, unit: Unit) -> list[str]:
    """The entry's translator comments with the unit's notes it lacks, after them.

    Every note but the ones export writes from the catalog is a translator's: a CAT
    tool writes a reviewer's as ``<note>`` or ``<note from="Lan">``, not ours
    ``from="translator"``. A note that repeats the entry's extracted comment or its
    ``#|`` English is one of ours whose ``from`` a tool dropped, not a second copy to
    keep. A comment the unit lacks stays: CAT tools differ in which notes they export
    again, so a missing note is no sign that anyone deleted it."""
    new = [c for c in _notes(unit, entry) if c not in entry.comments]
    return [*entry.comments, *new]


def _notes(unit: Unit, entry: Entry) -> list[str]:
    """The unit's notes that are no copy of what export wrote from ``entry`` (`_comments`)."""
    ours = {*entry.extracted, entry.previous_msgid}
    return list(dict.fromkeys(c for c in unit.comments if c not in ours))
