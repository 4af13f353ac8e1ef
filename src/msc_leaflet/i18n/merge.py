"""Merge a fresh template into a translator's catalog without losing any translation.

This is ``update``'s core, as a pure function (template × old catalog → new catalog)
so the no-loss property can be tested without files. Rules, in order of trust:

1. same msgctxt and msgid: the entry is kept as it was (a fuzzy one stays fuzzy);
   obsolete entries come back to life this way when their text returns;
2. same msgid under a new msgctxt: the source text is identical, so the translation
   still fits; it moves along unchanged. This covers path contexts such as
   ``paragraph/4`` that shift when a block without an ``id:`` is added or deleted;
3. a similar msgid (same context preferred): the source changed, so the old
   translation is kept but marked fuzzy, with the source it was made for as ``#|``;
4. anything left that a translator wrote becomes obsolete (``#~``). Old entries that
   were never translated carry no work and are dropped.
"""

from __future__ import annotations

import copy
import difflib

from .catalog import Catalog, Entry, Key

SIMILAR = 0.6  # difflib ratio above which a changed source is "the same text, edited"
SAME_CONTEXT_BONUS = 0.3  # an edited block usually keeps its id / position


def merge(template: Catalog, old: Catalog, header: dict[str, str]) -> Catalog:
    """``old`` brought in line with ``template``; ``header`` is the merged header."""
    pool = old.active + old.obsolete  # active first: they win ties
    used: set[int] = set()
    result: list[Entry | None] = [None] * len(template.active)
    targets = template.active

    def take(index: int, candidate: Entry, fuzzy_edit: bool) -> None:
        used.add(id(candidate))
        result[index] = _carry(targets[index], candidate, fuzzy_edit)

    by_key: dict[Key, Entry] = {}
    by_msgid: dict[str, list[Entry]] = {}
    for entry in pool:
        by_key.setdefault(entry.key, entry)
        by_msgid.setdefault(entry.msgid, []).append(entry)

    for i, target in enumerate(targets):  # 1. exact
        found = by_key.get(target.key)
        if found is not None and id(found) not in used:
            take(i, found, fuzzy_edit=False)
    for i, target in enumerate(targets):  # 2. moved
        if result[i] is None:
            moved = [e for e in by_msgid.get(target.msgid, []) if id(e) not in used]
            if moved:
                take(i, moved[0], fuzzy_edit=False)
    for i, candidate in _similar_pairs(targets, result, [e for e in pool if id(e) not in used]):
        if result[i] is None and id(candidate) not in used:  # 3. edited
            take(i, candidate, fuzzy_edit=True)

    entries = [r if r is not None else copy.deepcopy(targets[i]) for i, r in enumerate(result)]
    leftovers = [e for e in old.obsolete + old.active if id(e) not in used]
    entries += _obsolete(leftovers, entries)
    return Catalog(
        header=header,
        header_comments=list(old.header_comments),
        header_flags=list(old.header_flags),
        entries=entries,
    )


def _similar_pairs(
    targets: list[Entry], result: list[Entry | None], candidates: list[Entry]
) -> list[tuple[int, Entry]]:
    """(target index, old entry) pairs worth a fuzzy match, best first."""
    scored: list[tuple[float, int, int, Entry]] = []
    for i, target in enumerate(targets):
        if result[i] is not None:
            continue
        matcher = difflib.SequenceMatcher(None, target.msgid, autojunk=False)
        for order, candidate in enumerate(candidates):
            if not candidate.has_translation:
                continue
            same = candidate.msgctxt == target.msgctxt
            matcher.set_seq1(candidate.msgid)
            if not same and matcher.real_quick_ratio() < SIMILAR:
                continue
            ratio = matcher.ratio()
            if same or ratio >= SIMILAR:
                scored.append(
                    (ratio + (SAME_CONTEXT_BONUS if same else 0.0), -i, -order, candidate)
                )
    scored.sort(key=lambda item: item[:3], reverse=True)
    return [(-minus_i, candidate) for _, minus_i, _, candidate in scored]


def _carry(target: Entry, old: Entry, fuzzy_edit: bool) -> Entry:
    """The template entry with the translator's part of ``old`` (msgstr, comments, flags)."""
    new = copy.deepcopy(target)
    new.msgstr = old.msgstr
    new.msgstr_plural = dict(old.msgstr_plural)
    new.comments = list(old.comments)
    new.flags = list(dict.fromkeys(old.flags + [f for f in target.flags if f != "fuzzy"]))
    if fuzzy_edit:
        new.set_fuzzy(True)
        # An entry that was already fuzzy keeps the source its msgstr was made for.
        was = old.fuzzy and old.previous_msgid is not None
        new.previous_msgid = old.previous_msgid if was else old.msgid
        previous_context = old.previous_msgctxt if was else old.msgctxt
        new.previous_msgctxt = previous_context if previous_context != new.msgctxt else None
    elif old.fuzzy:
        new.previous_msgid, new.previous_msgctxt = old.previous_msgid, old.previous_msgctxt
    new.obsolete = False
    return new


def _obsolete(leftovers: list[Entry], active: list[Entry]) -> list[Entry]:
    """Leftovers with a translator's work, as ``#~`` entries with unique keys.

    msgfmt rejects two entries with one key even when obsolete. Such a clash only
    arises from hand-edited files; the displaced translation is then kept as a
    translator comment on the surviving entry rather than dropped.
    """
    keep: dict[Key, Entry] = {e.key: e for e in active}
    out: list[Entry] = []
    for old in leftovers:
        if not (old.has_translation or old.comments):
            continue
        survivor = keep.get(old.key)
        if survivor is not None:
            if old.msgstr and old.msgstr != survivor.msgstr:
                survivor.comments.append("earlier translation: " + old.msgstr.replace("\n", "\\n"))
            continue
        entry = copy.deepcopy(old)
        entry.obsolete = True
        entry.extracted, entry.references = [], []
        keep[entry.key] = entry
        out.append(entry)
    return out
