"""What a state means on each side of XLIFF: the one table of which XLIFF 1.2 states
say a target is finished (and what XLIFF 2.0's mean in them), and the state export
writes for an entry.

Export (`xliff_export`) and import (`xliff_units`, `xliff_merge`) both read these, so
a state written is read back as what it said: ``signed-off`` with ``approved="yes"``
only for a text a current sign-off approved (`signed_entries`), ``translated``,
``needs-review-translation`` (fuzzy) or ``new``.
"""

from __future__ import annotations

from ..project import Project
from .catalog import UI_DOMAIN, Catalog, Entry
from .signed_entries import signed_off_contexts

# A target is the translator's finished text only in these states (XLIFF 1.2's
# state-value list); every other, "needs-review-…", "new" and a tool's own "x-…", is
# fuzzy: a text no one confirmed must not print as if someone had.
DONE_STATES = ("translated", "final", "signed-off")
# ...and only when no state-qualifier says it is a tool's suggestion or was rejected.
SUGGESTED = (
    *("fuzzy-match", "leveraged-mt", "mt-suggestion", "tm-suggestion"),
    *("rejected-grammar", "rejected-inaccurate", "rejected-length", "rejected-spelling"),
)
SIGNED_OFF = "signed-off"
# XLIFF 2.0's four segment states, as the 1.2 state that says the same of a target:
# "initial" is no one's finished text; "reviewed" and "final" are finished, but no
# sign-off of this project's (export writes no 2.0, so no such mark is ours).
STATES_2_0 = {"initial": "new", "translated": "translated", "reviewed": "final", "final": "final"}


def export_state(entry: Entry, signed_off: bool) -> str:
    """XLIFF 1.2's state of ``entry``'s target: ``signed-off`` ("changes are reviewed
    and approved") only for a text a current sign-off approved (`signed_entries`)."""
    if not entry.has_translation:
        return "new"
    if entry.fuzzy:
        return "needs-review-translation"
    return SIGNED_OFF if signed_off else "translated"


def target_fuzzy(state: str, qualifier: str, approved: str | None) -> bool:
    """Whether a target in ``state`` waits for a translator's review (`DONE_STATES`).

    ``approved`` is XLIFF 1.2's own word that someone confirmed the target or did
    not: "no" is fuzzy whatever the state (translate-toolkit reads an unapproved
    unit as fuzzy too); "yes" confirms a target whose state a tool left as it was
    ("new", its own "x-…"), but not one whose state asks for review ("needs-…") or
    whose qualifier says a machine or memory suggested it: a medical text that two
    attributes disagree on goes to a reviewer, not to print."""
    if approved == "no" or qualifier in SUGGESTED:
        return True
    if approved == "yes":
        return state.startswith("needs-")
    return state not in DONE_STATES


def signed_off_in(project: Project, catalog: Catalog) -> frozenset[str]:
    """The contexts of ``catalog`` whose text a sign-off approved (`signed_entries`)."""
    assert catalog.path is not None
    if catalog.path.stem == UI_DOMAIN:
        return frozenset()
    return signed_off_contexts(project, catalog.path.stem, catalog)
