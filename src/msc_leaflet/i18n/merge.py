"""Merge a fresh template into a translator's catalog, the way GNU ``msgmerge --previous`` does.

This is ``update``'s core, as a pure function (template × old catalog → new catalog)
so the no-loss property can be tested without files. Translators and their tools know
msgmerge, so each template entry gets what msgmerge would give it
(``tests/test_i18n_merge.py`` runs msgmerge as the oracle):

1. an old entry with the same msgctxt and msgid, active or obsolete: kept as it was
   (a fuzzy one stays fuzzy), so a deleted text that returns gets its translation back;
2. otherwise the most similar old translation, if similar enough (`TranslationMemory`),
   marked fuzzy with the source it was made for as ``#|``. The context hardly counts:
   a renamed block id or a list item that moved by one position has the same text under
   a new msgctxt, and a translator should look at it again before it is printed;
3. otherwise untranslated.

One old translation may be suggested for several new entries (a paragraph split in
two). Old entries used by none become obsolete (``#~``), in the old file's order.
Deviations from msgmerge, all in favour of keeping the translator's work, are listed in
docs/translating.md.
"""

from __future__ import annotations

import copy
import functools
import itertools
import math
from collections import Counter
from collections.abc import Sequence

from ..content.inline import as_printed
from .catalog import HEADER_KEY, Catalog, Entry, Key, declared_plurals, earlier_translation
from .flags import merged_flags, needs_review

SIMILAR = 0.6  # msgmerge's FUZZY_THRESHOLD: above it a changed source is "the same text, edited"
SAME_CONTEXT_BONUS = 0.00001  # msgmerge's: only breaks ties in favour of the same context
GRAM = 4  # msgmerge suggests only old sources sharing a run of 4 characters with the new
SHORT_LENGTH_RANGE = 2 / SIMILAR - 1  # beyond this length ratio no pair reaches SIMILAR


def merge(
    template: Catalog, old: Catalog, header: dict[str, str], *, printed_sources: bool = False
) -> Catalog:
    """``old`` brought in line with ``template``; ``header`` is the merged header.

    With ``printed_sources`` (a leaflet's template, whose msgids are its texts as the
    page prints them), an old msgid is also matched in that spelling (`_as_printed`);
    otherwise msgids are compared byte for byte, as msgmerge does (a ui message's
    trailing space is part of it)."""
    exact: dict[Key, Entry] = {}
    for entry in old.active + old.obsolete:  # active first: they win a (hand-made) clash
        exact.setdefault(entry.key, entry)
    printed = _as_printed(old) if printed_sources else {}
    memory = TranslationMemory(old.entries)
    used: set[int] = set()
    entries = []
    plurals = declared_plurals(header)
    for target in template.active:
        found = exact.get(target.key, printed.get(target.key))
        similar = None if found is not None else memory.suggest(target)
        if target.msgid_plural is not None and plurals is not None:
            # msgmerge gives a plural text the catalog's number of forms, not the template's
            target = copy.copy(target)
            target.msgstr_plural = dict.fromkeys(range(plurals), "")
        if found is not None:
            entries.append(_carry(target, found, fuzzy_edit=False))
        elif similar is not None:
            entries.append(_carry(target, similar, fuzzy_edit=True))
        else:
            entries.append(copy.deepcopy(target))
        if plurals is not None:
            _fit_forms(entries[-1], plurals)
        if found is not None or similar is not None:
            used.add(id(found or similar))
    leftovers = [e for e in old.entries if id(e) not in used]  # in the file's order
    entries += _obsolete(leftovers, entries)
    # An obsolete header is dropped (`_obsolete`); what a translator wrote on it is not.
    dropped = [c for e in leftovers if e.key == HEADER_KEY for c in e.comments]
    return Catalog(
        header=header,
        header_written=list(old.header_written),
        header_lines=old.header_lines,
        header_comments=[*old.header_comments, *dropped],
        header_flags=list(old.header_flags),
        entries=entries,
        trailing_comments=list(old.trailing_comments),
        newline=old.newline,
        wrapped=old.wrapped,
        wrap_width=old.wrap_width,
        reference_width=old.reference_width,
    )


def _as_printed(old: Catalog) -> dict[Key, Entry]:
    """``old``'s entries by their msgid as the page prints it (`inline.as_printed`),
    where that differs from the msgid written: a catalog extracted when msgids kept a
    text's blanks as typed ("first day and  usually") or decomposed holds the very text
    the template now gives in its printed spelling. Matched as the same text, not as an
    edit: its translation stays as it was, not fuzzy for a change no reader sees.
    (msgmerge compares msgids byte for byte: docs/translating.md.)"""
    found: dict[Key, Entry] = {}
    for entry in old.active + old.obsolete:
        spelled = as_printed(entry.msgid)
        if spelled != entry.msgid and entry.key != HEADER_KEY:
            found.setdefault((entry.msgctxt, spelled), entry)
    return found


def adopt_moved(catalogs: Sequence[Catalog]) -> None:
    """Give an untranslated text the translation another of ``catalogs`` (one language's,
    merged) keeps only as obsolete for the very same text: the author moved it from one
    leaflet to another. It is fuzzy with its old context as ``#|``, as a text moved
    inside a leaflet is; the other catalog keeps its obsolete entry. (msgmerge merges
    one file at a time and leaves such a text untranslated.)"""
    for catalog in catalogs:
        moved: dict[str, Entry] = {}
        for other in catalogs:
            if other is not catalog:
                for entry in other.obsolete:
                    if entry.has_translation:
                        moved.setdefault(entry.msgid, entry)
        if not moved:
            continue
        plurals = declared_plurals(catalog.header)
        for index, entry in enumerate(catalog.entries):
            old = moved.get(entry.msgid)
            if entry.obsolete or entry.has_translation or entry.key == HEADER_KEY or old is None:
                continue
            adopted = _carry(entry, old, fuzzy_edit=True)
            own = entry.comments  # an untranslated entry's translator comments stay first
            adopted.comments = [*own, *(c for c in old.comments if c not in own)]
            if plurals is not None:
                _fit_forms(adopted, plurals)
            catalog.entries[index] = adopted


class TranslationMemory:
    """The old catalog's translations, searched by similarity of source text like msgmerge.

    Similarity is msgmerge's ``fstrcmp``: 2 × (longest common subsequence) / (sum of
    lengths), over characters. The best candidate above `SIMILAR` wins; among equals
    the one with the same context, then the one sharing most 4-grams, then the first in
    the file, which is msgmerge's order of search.
    """

    def __init__(self, entries: Sequence[Entry]) -> None:
        self.entries = [e for e in entries if e.has_translation]  # file order
        self.contexts = [e.msgctxt for e in self.entries]
        self.by_msgid: dict[str, list[Entry]] = {}
        for entry in self.entries:
            self.by_msgid.setdefault(entry.msgid, []).append(entry)

    # Built on the first search only: an update where no text changed needs neither.
    @functools.cached_property
    def holders(self) -> dict[str, list[int]]:
        """4-gram -> indexes of the entries that contain it."""
        found: dict[str, list[int]] = {}
        for index, entry in enumerate(self.entries):
            for gram in dict.fromkeys(_grams(entry.msgid)):
                found.setdefault(gram, []).append(index)
        return found

    @functools.cached_property
    def sources(self) -> _Sources:
        return _Sources([e.msgid for e in self.entries])

    def suggest(self, target: Entry) -> Entry | None:
        """The old entry whose translation fits ``target`` best, if any is similar enough."""
        same_text = self.by_msgid.get(target.msgid)
        if same_text:  # a moved or renamed text: only the same text reaches ratio 1.0
            return next((e for e in same_text if e.msgctxt in (None, target.msgctxt)), same_text[0])
        eligible = self._eligible(target.msgid)
        if not eligible:
            return None
        length, unmatched = len(target.msgid), self.sources.compare(target.msgid)
        lengths, bonus_for = self.sources.lengths, (None, target.msgctxt)
        best: tuple[float, int, int] | None = None  # (weight, rank, -index), highest wins
        floor = SIMILAR
        for index, rank in eligible.items():  # the hot loop of a big update: kept lean
            other = lengths[index]
            bonus = SAME_CONTEXT_BONUS if self.contexts[index] in bonus_for else 0.0
            # the lengths alone bound the ratio: skip the count when it cannot even tie
            if 2 * (other if other < length else length) / (length + other) + bonus < floor:
                continue
            weight = 2 * self.sources.common(unmatched, index) / (length + other) + bonus
            if weight > SIMILAR and (best is None or (weight, rank, -index) > best):
                best, floor = (weight, rank, -index), weight
        return None if best is None else self.entries[-best[2]]

    def _eligible(self, msgid: str) -> dict[int, int]:
        """Candidates msgmerge would look at, by index, with the rank it visits them in.

        A text of four characters or more is compared only with old sources sharing at
        least one 4-gram, ranked by how many of its 4-grams they share; a shorter one
        with old sources of a length that can still reach `SIMILAR`, shortest first.
        """
        if not msgid:
            return {}  # the header's msgid; msgmerge never looks for it
        if len(msgid) >= GRAM:
            holders = (self.holders.get(gram, ()) for gram in _grams(msgid))
            return Counter(itertools.chain.from_iterable(holders))
        shortest = math.ceil(len(msgid) / SHORT_LENGTH_RANGE)
        longest = int(len(msgid) * SHORT_LENGTH_RANGE)
        return {
            i: -len(e.msgid)
            for i, e in enumerate(self.entries)
            if shortest <= len(e.msgid) <= longest
        }


def similar(old: str, new: str) -> bool:
    """Whether ``new`` is ``old`` edited, by the rule `update` carries a translation over
    by (msgmerge's: 2 × longest common subsequence ÷ the sum of the lengths, above
    `SIMILAR`): the sign-off's changes call the same pair of texts an edit."""
    if not old or not new:
        return False
    common = _Sources([old]).common_lengths(new)[0]
    return 2 * common / (len(old) + len(new)) > SIMILAR


def _grams(text: str) -> list[str]:
    return [text[i : i + GRAM] for i in range(len(text) - GRAM + 1)]


class _Sources:
    """Many source texts side by side in one integer, so that one pass of bit-parallel
    LCS (Hyyrö's formulation of Allison–Dix) measures a new text against all of them.

    Python runs one loop step per character of the new text, and the big-integer
    arithmetic inside does the rest in C: one pass over 2,000 sources costs about as
    much as a few pairwise comparisons would. Each source gets whole bytes and at least
    one zero guard bit above it, which absorbs the carry so it cannot leak into the
    next source.
    """

    def __init__(self, texts: list[str]) -> None:
        self.lengths = [len(t) for t in texts]
        self.starts = [0]
        for length in self.lengths:
            self.starts.append(self.starts[-1] + length // 8 + 1)
        size = self.starts[-1]
        masks: dict[str, bytearray] = {}
        for text, start in zip(texts, self.starts, strict=False):  # starts has one more
            for position, char in enumerate(text):
                mask = masks.get(char)
                if mask is None:
                    mask = masks[char] = bytearray(size)
                mask[start + position // 8] |= 1 << (position % 8)
        self.masks = {char: int.from_bytes(mask, "little") for char, mask in masks.items()}
        self.ones = int.from_bytes(
            b"".join(b"\xff" * (n // 8) + bytes([(1 << n % 8) - 1]) for n in self.lengths),
            "little",
        )
        self.size = size

    def compare(self, text: str) -> bytes:
        """One pass over ``text``; the bits left set are source characters outside the
        longest common subsequence of ``text`` with that source (read with `common`)."""
        unmatched = self.ones
        for char in text:
            mask = self.masks.get(char)
            if mask is not None:
                matched = unmatched & mask
                unmatched = ((unmatched + matched) | (unmatched - matched)) & self.ones
        return unmatched.to_bytes(self.size, "little")

    def common(self, unmatched: bytes, index: int) -> int:
        """Length of the longest common subsequence of the compared text and source ``index``."""
        rest = unmatched[self.starts[index] : self.starts[index + 1]]
        return self.lengths[index] - int.from_bytes(rest, "little").bit_count()

    def common_lengths(self, text: str) -> list[int]:
        unmatched = self.compare(text)
        return [self.common(unmatched, i) for i in range(len(self.lengths))]


def _carry(target: Entry, old: Entry, fuzzy_edit: bool) -> Entry:
    """The template entry with the translator's part of ``old`` (msgstr, comments, its
    own flags; the format flags are the template's, `flags`).

    A translation in the other shape (plural for a singular text, or the reverse) or made
    for another plural text is carried over too, and marked fuzzy with the old source as
    ``#|``, as msgmerge does, and so is one the template made a format string of
    (`flags.needs_review`)."""
    new = copy.deepcopy(target)
    # A text still the same keeps the lines it was written on, and so does an old source
    # that becomes the #| text of a fuzzy entry (as msgmerge writes it).
    new.lines, new.indents = dict(old.lines), dict(old.indents)
    for name in ("msgctxt", "msgid", "msgid_plural"):
        if name in old.lines and f"#| {name}" not in new.lines:
            new.lines[f"#| {name}"] = old.lines[name]
            if name in old.indents:
                new.indents[f"#| {name}"] = old.indents[name]
    new.comments = list(old.comments)
    _reshape(new, old)
    new.flags = merged_flags(target.flags, old.flags)  # format flags are the template's
    # A plural text edited under the same singular one (msgmerge matches on msgid alone)
    # is an edit too: the forms were written for the old plural.
    reshaped = old.msgid_plural != target.msgid_plural
    texts = [target.msgid, target.msgid_plural or "", *old.forms]
    recheck = not old.fuzzy and needs_review(target.flags, old.flags, texts)
    if fuzzy_edit or (reshaped and old.has_translation) or (recheck and old.has_translation):
        new.set_fuzzy(True)
        # An entry that was already fuzzy keeps the source its msgstr was made for.
        was = old.fuzzy and old.previous_msgid is not None
        _set_previous(new, _previous(old) if was else (old.msgctxt, old.msgid, old.msgid_plural))
    elif old.fuzzy and old.has_translation:
        _set_previous(new, _previous(old))
    if not new.has_translation:  # GNU reads no fuzzy entry there, and msgmerge writes none
        new.set_fuzzy(False)
    new.obsolete = False
    return new


Source = tuple[str | None, str | None, str | None]  # msgctxt, msgid, msgid_plural


def _previous(entry: Entry) -> Source:
    """The source ``entry``'s fuzzy msgstr was made for (its ``#|`` lines)."""
    return entry.previous_msgctxt, entry.previous_msgid, entry.previous_msgid_plural


def _set_previous(entry: Entry, source: Source) -> None:
    entry.previous_msgctxt, entry.previous_msgid, entry.previous_msgid_plural = source


def _reshape(new: Entry, old: Entry) -> None:
    """Give ``new`` the translation of ``old`` in ``new``'s shape.

    For a singular text msgstr[0] becomes the msgstr, as msgmerge does; the other forms,
    which msgmerge drops, stay as translator comments. A plural text gets the singular
    translation in every form, as msgmerge does."""
    if new.msgid_plural is not None:
        forms = new.msgstr_plural or {0: ""}
        new.msgstr_plural = (
            dict(old.msgstr_plural)
            if old.msgid_plural is not None
            else dict.fromkeys(forms, old.msgstr)
        )
        return
    new.msgstr = old.forms[0] if old.forms else ""
    for form in old.forms[1:]:
        comment = earlier_translation(form)
        if form and form != new.msgstr and comment not in new.comments:
            new.comments.append(comment)


def _fit_forms(entry: Entry, count: int) -> None:
    """Give a plural translation the header's number of forms, ``count``.

    The count changes when update fills in a missing Plural-Forms (gettext assumed two;
    CLDR gives Japanese one, Arabic six) or a translator corrects it; msgmerge leaves the
    forms as they were, and msgfmt --check refuses the file. Forms are added empty or
    taken off the end; a translation so changed is fuzzy, for the translator to write
    the forms for the new count, and a form taken off stays as a translator comment."""
    if entry.msgid_plural is None or len(entry.msgstr_plural) == count:
        return
    forms = entry.forms
    entry.msgstr_plural = {i: forms[i] if i < len(forms) else "" for i in range(count)}
    if any(forms):
        entry.set_fuzzy(True)
    for form in forms[count:]:
        comment = earlier_translation(form)
        if form and comment not in entry.comments:
            entry.comments.append(comment)


def _obsolete(leftovers: list[Entry], active: list[Entry]) -> list[Entry]:
    """Leftovers with a translator's work, as ``#~`` entries with unique keys.

    msgfmt rejects two entries with one key even when obsolete. Such a clash only
    arises from hand-edited files; the displaced translation and the translator's
    comments are then kept as translator comments on the surviving entry, not dropped.
    An obsolete header (``#~ msgid ""``, a hand edit) is dropped: it holds header fields
    of some earlier file, no translation, and GNU tools refuse it beside the header. Its
    translator comments join the header's (`merge`).
    """
    kept = [e for e in leftovers if (e.has_translation or e.comments) and e.key != HEADER_KEY]
    keep: dict[Key, Entry] = {e.key: e for e in active}
    winners: dict[Key, Entry] = {}
    for old in sorted(kept, key=lambda e: e.obsolete):  # an active one wins a clash
        if old.key not in keep and old.key not in winners:
            winners[old.key] = old
    out: list[Entry] = []
    for old in kept:  # in the file's order, as msgmerge writes them: no reordered diff
        if winners.get(old.key) is old:
            entry = copy.deepcopy(old)
            entry.obsolete = True
            entry.extracted, entry.references = [], []
            keep[entry.key] = entry
            out.append(entry)
    for old in kept:
        survivor = keep[old.key]
        if winners.get(old.key) is not old:
            earlier = [earlier_translation(f) for f in old.forms if f and f not in survivor.forms]
            for comment in old.comments + earlier:
                if comment not in survivor.comments:
                    survivor.comments.append(comment)
    return out
