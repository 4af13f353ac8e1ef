"""Does a catalog belong to the leaflet it is used for? A silent fallback, named.

A catalog whose keys (msgctxt, msgid) match almost none of the leaflet's messages would
print the whole leaflet in the source language while every entry looks translated. It
happens when a tool drops the contexts (translate-toolkit's po2xliff → xliff2po round
trip, some CAT pipelines), when a file is copied under another leaflet's name, or when
a catalog was never updated after a rewrite. (An empty catalog is not one of these:
every text is then listed as untranslated.) Each cause has its own message, so the
person who reads it knows what to do; all of them are errors, not warnings.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from .catalog import Catalog, Key

MIN_SHARE = 0.5  # below this share of the leaflet's messages, the catalog is not its own


def mismatch(
    catalog: Catalog,
    expected: Collection[Key],
    domain: str,
    others: Mapping[str, Collection[Key]] | None = None,
) -> tuple[str, str] | None:
    """(message, hint) when ``catalog`` matches under half of ``expected``, else None.

    ``others`` are the other domains' templates, to name the leaflet a misplaced
    catalog belongs to.
    """
    if not expected:
        return None
    keys = set(catalog.lookup())
    wanted = set(expected)
    matched = len(keys & wanted)
    if matched >= MIN_SHARE * len(wanted):
        return None
    active = catalog.active
    if not active:  # a new, empty catalog: the untranslated-text warning lists everything
        return None
    share = f"matches {matched} of the {len(wanted)} messages of '{domain}'"
    no_context = [e for e in active if e.msgctxt is None]
    by_msgid = {msgid for _, msgid in wanted}
    if len(no_context) > len(active) // 2 and any(ctx for ctx, _ in wanted):
        same_text = sum(e.msgid in by_msgid for e in no_context)
        return (
            f"catalog {share}: {len(no_context)} of {len(active)} entries have no msgctxt "
            f"({same_text} of them with a source text of this leaflet): the file was probably "
            "round-tripped through a tool that drops contexts (po2xliff/xliff2po, a CAT tool)",
            "restore the .po from version control and send agencies "
            "`msc-leaflet i18n export --format xliff`, which keeps contexts",
        )
    best = max(
        ((len(keys & set(k)), d) for d, k in (others or {}).items() if d != domain),
        default=(0, ""),
    )
    if best[0] > matched and best[0] >= MIN_SHARE * len(keys):
        return (
            f"catalog {share} but {best[0]} of '{best[1]}': it is probably that "
            "leaflet's catalog under the wrong name",
            f"put the right file here, or move this one to {best[1]}.po",
        )
    return (
        f"catalog {share}: it is the wrong file, or out of date after a rewrite",
        "check the file, then run `msc-leaflet i18n update` to bring it up to date",
    )
