"""Which entries of a leaflet's catalog hold the very text a sign-off approved.

A sign-off (`signoff`) approves a whole leaflet in one locale, but records a digest of
each entry's source and translation. An entry whose digests are still those of the last
record in each role the project requires is *signed off*: its words are the ones the
reviewers approved, whatever changed elsewhere in the leaflet. `i18n export` says so
to a CAT tool (XLIFF 1.2 ``state="signed-off"`` and ``approved="yes"``), so an agency
sees which texts a reviewer already approved, and no text no one approved is marked so.
"""

from __future__ import annotations

from ..errors import LeafletError
from ..project import Project
from .catalog import Catalog, catalog_language
from .signoff import (
    ROLES,
    leaflet_state,
    read_signoffs,
    required_roles,
    signoff_locale,
)


def signed_off_contexts(project: Project, leaflet_id: str, catalog: Catalog) -> frozenset[str]:
    """The msgctxt of each entry of ``catalog`` (``leaflet_id``'s, in its own locale)
    that every required role's latest sign-off approved as it now reads; with no role
    required (``signoff_required = []``), every role that signed. Nothing for a catalog
    whose leaflet is gone or does not load, or whose project files (the organisation,
    signoff.yaml, msc-leaflet.toml) are in error: no approval is claimed that cannot be
    shown, and exporting or importing a catalog does not wait on them."""
    from ..content.loader import load_leaflet

    if catalog.path is None:
        return frozenset()
    locale = catalog_language(catalog.path)
    try:
        leaflet, _ = load_leaflet(project.leaflet_path(leaflet_id), project)
        history = [
            r
            for r in read_signoffs(project, signoff_locale(project, leaflet_id, locale))
            if r.leaflet == leaflet_id
        ]
        signed = {r.role for r in history}
        roles = required_roles(project) or tuple(role for role in ROLES if role in signed)
        latest = [next((r for r in reversed(history) if r.role == role), None) for role in roles]
        if not latest or any(record is None for record in latest):
            return frozenset()
        state = leaflet_state(project, leaflet, locale, catalog)
    except LeafletError:  # what `check` and `build` report; export and import go on
        return frozenset()
    approved = {
        context
        for context, digests in state.entries.items()
        if all(record is not None and record.entries.get(context) == digests for record in latest)
    }
    return frozenset(
        e.msgctxt
        for e in catalog.active
        if e.msgctxt in approved and e.has_translation and not e.fuzzy
    )
