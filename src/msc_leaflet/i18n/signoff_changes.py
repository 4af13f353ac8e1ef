"""What changed in a translation since its approval, as the clinician re-reads it.

A catalog entry's context is often its position (``paragraph/4``, ``list/3/2``): moving,
inserting, splitting or merging one block renumbers every block after it. Compared
context by context, a revision with three edits listed forty changes, each moved text a
"new entry" at its new place and "removed" at its old one, and an unchanged paragraph
that inherited an edited one's context "the English text changed". So the approved
entries and the current ones are compared as two texts in reading order, by their
words (source and translation, without the context), as a diff compares lines:

- the same words in the same order under another context: *renumbered*, one line for
  all of them: their meaning cannot have changed (what moved around them is listed);
- the same words elsewhere in the order: *moved from* its old context;
- one entry for one: *source changed* / *translation changed* (noted "only spaces or
  punctuation" when that is all), or the same words *confirmed* / *marked fuzzy*;
- in a stretch of unequal length, a text that kept one side, or is another edited
  (`merge.similar`) with no other text living on in it: an edit, the rest new or
  removed;
- one for several, several for one: *split from* / *merged from*, with the approved and
  the current texts beside each other, once.

This is the one place that names a change: `i18n review`, the proof and stats read it.
A record made before the texts were kept (no ``wording``) is compared by context.

Each edit, split and merge carries its approved and current texts, a new entry its
current one and a removed entry its approved one, and `texts_beside` is the one wording
of them as "was"/"now" lines for `i18n review` and the proof (the desk sets the same
pairs itself, by the same `texts_shown`): a clinician approves what they read against
what they approved, not a context's name alone. An edit or a removal whose approved text
no record kept says so (`NOT_RECORDED`) rather than showing nothing. A removed entry is
named by where it was ("removed (was paragraph/5)", `removed`): its old context may be a
renumbered text's now.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from ..content.inline import text_as_read, text_as_written
from ..languages import language_of
from ..typeset.printed_language import contact_language
from .desk_labels import DESK_MESSAGES
from .formatting import english_language_name
from .labels import UI_LANGUAGE
from .merge import GRAM, SIMILAR, similar
from .signoff_scope import is_contact_line, is_page_word, is_translated

# What happened to an entry (`Change.kind`), in the words of the proof's list.
SOURCE_CHANGED = "source changed"
TRANSLATION_CHANGED = "translation changed"
# The same words, their fuzzy mark removed or added: what the translator did to them.
CONFIRMED = "translation confirmed (it was marked fuzzy)"
MARKED_FUZZY = "translation marked fuzzy (to be checked again)"
NEW_ENTRY = "new entry"
REMOVED = "removed"
MOVED = "moved"
SPLIT = "split"
MERGED = "merged"
REWRITTEN = "rewritten"
RENUMBERED = "renumbered only (the same words in the same order)"
#: Kinds said with the context(s) the text came from: "moved from paragraph/3".
FROM_ELSEWHERE = (MOVED, SPLIT, MERGED, REWRITTEN)
SMALL = "only spaces or punctuation"
#: The longest stretch of unmatched texts (approved and current together) searched for
#: a text edited beside a deletion (`_edits_among`): the search compares every pair,
#: so a whole leaflet rewritten (60 texts for 59) took 0.7 s, 300 for 299 six seconds.
#: A deletion beside an edit is two texts for one; a stretch of 12 is a rewrite.
MOST_COMPARED = 12
SHOWN_RENUMBERED = 3  # contexts named on the renumbered line; the count says the rest
#: Said in place of an edit's approved text where no record kept it (one made before
#: texts were kept, or before page items' were): an empty line read as "it was empty".
#: A desk word, so the desk says it in the reader's language and the CLI in its English.
NOT_RECORDED = DESK_MESSAGES["desk.change.not-recorded"]

Entry = tuple[str, str]  # (context, "<source digest> <translation digest>")
JOINER = " | "  # between the texts of a split or merge, on one line (`_joined`)


@dataclass(frozen=True)
class Change:
    """One change a clinician re-reads: ``context`` (several, comma-separated, for a split
    or merge) and the ``kind`` of change; for an edit, a split or a merge the approved
    texts and the current ones (a new entry's current, a removed one's approved), each
    a (source, translation) pair per entry ("" where not kept; an edit's ``before`` is
    empty where its approved texts were not kept, `kept_texts`), so every reader of the
    list (`i18n review`, the proof, the desk) shows the same was and now. Kept as parts,
    not as one English sentence, so that each reader can word it in its own language
    (`signoff.change_in_words`)."""

    context: str  # "" for a removed entry: no current entry is it (`removed`)
    kind: str
    before: tuple[tuple[str, str], ...] = ()
    after: tuple[tuple[str, str], ...] = ()
    # The context(s) it had: moved, split… from, an edit's old one, a removed entry's.
    origin: str = ""
    small: bool = False  # an edit of only spaces or punctuation
    count: int = 1  # the texts a renumbered line stands for

    @property
    def entry(self) -> str:
        """The context the texts of this change are read by (`is_translated`,
        `written_in`): its current one, or a removed entry's approved one."""
        return self.context or self.origin

    @property
    def what(self) -> str:
        """The change as the proof lists it: "moved from paragraph/3", "translation
        changed (only spaces or punctuation) (was list/2)", "removed (was paragraph/5)"."""
        if self.kind in FROM_ELSEWHERE:
            return f"{self.kind} from {self.origin}"
        if self.kind == RENUMBERED and self.count > 1:
            return f"{self.count} texts {RENUMBERED}"
        small = f" ({SMALL})" if self.small else ""
        return self.kind + small + (f" (was {self.origin})" if self.origin else "")


@dataclass(frozen=True)
class Known:
    """What the comparison knows besides the entries' digests: ``texts`` (digest → text,
    approved and current), the contexts the build ``refused`` now (named
    ``refused_words``) and ``fuzzy``: for each current translation's words, the digest
    of them confirmed and the one of them marked fuzzy → whether it is the fuzzy one, so
    that the same words under another digest are known to be confirmed or marked."""

    texts: Mapping[str, str]
    refused: Sequence[str] = ()
    refused_words: str = ""
    fuzzy: Mapping[str, bool] = field(default_factory=dict)


def wording_changes(
    approved: Mapping[str, str],
    current: Mapping[str, str],
    texts: Mapping[str, str],
    refused: Sequence[str],
    refused_words: str,
    fuzzy: Mapping[str, bool] | None = None,
) -> list[Change]:
    """The changes from the ``approved`` entries to the ``current`` ones (context →
    context-free digests, in reading order); ``texts``, ``refused``, ``refused_words``
    and ``fuzzy`` as `Known` holds them."""
    known = Known(texts, refused, refused_words, fuzzy or {})
    old, new = list(approved.items()), list(current.items())
    matcher = SequenceMatcher(None, [k for _, k in old], [k for _, k in new], autojunk=False)
    renumbered: list[str] = []
    blocks: list[tuple[list[int], list[int]]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            renumbered += [new[j][0] for i, j in zip(range(i1, i2), range(j1, j2), strict=True)
                           if old[i][0] != new[j][0]]  # fmt: skip
        else:
            blocks.append((list(range(i1, i2)), list(range(j1, j2))))
    moved = _moves(old, new, blocks)
    changes: list[Change] = []
    removed: list[Change] = []
    for olds, news in blocks:
        kept_old = [old[i] for i in olds if i not in moved.values()]
        kept_new = [new[j] for j in news if j not in moved]
        for j in news:
            if j in moved:
                changes.append(Change(new[j][0], MOVED, origin=old[moved[j]][0]))
        found = _block(kept_old, kept_new, known)
        changes += [c for c in found if c.kind != REMOVED]
        removed += [c for c in found if c.kind == REMOVED]
    if renumbered:
        changes.append(_renumbered(renumbered))
    return changes + removed


def _moves(
    old: list[Entry], new: list[Entry], blocks: list[tuple[list[int], list[int]]]
) -> dict[int, int]:
    """New index → old index of each entry whose words left their place in the order and
    stand elsewhere unchanged: each old entry matched once, the first free one."""
    free: dict[str, list[int]] = defaultdict(list)
    for olds, _ in blocks:
        for i in olds:
            free[old[i][1]].append(i)
    moved = {}
    for _, news in blocks:
        for j in news:
            if free.get(new[j][1]):
                moved[j] = free[new[j][1]].pop(0)
    return moved


def _block(old: list[Entry], new: list[Entry], known: Known) -> list[Change]:
    """The changes of one stretch of the text the diff could not match."""
    texts = known.texts
    if not old or not new:  # each with its text: a clinician approves what they can read
        return [Change(c, NEW_ENTRY, after=(_said(key, texts),)) for c, key in new] + [
            removed(c, (_said(key, texts),)) for c, key in old
        ]
    kept = _kept_sides(old, new, texts) or _edits_among(old, new, texts)
    if kept:
        return _around(kept, old, new, known)
    if len(old) == len(new):
        return [_edited(a, b, known) for a, b in zip(old, new, strict=True)]
    how = SPLIT if len(old) == 1 else MERGED if len(new) == 1 else REWRITTEN
    return [
        Change(
            ", ".join(c for c, _ in new),
            how,
            tuple(_said(key, texts) for _, key in old),
            tuple(_said(key, texts) for _, key in new),
            origin=", ".join(c for c, _ in old),
        )
    ]


def _kept_sides(
    old: list[Entry], new: list[Entry], texts: Mapping[str, str]
) -> list[tuple[int, int]]:
    """(old, new) index pairs of the entries of one stretch that kept their source, else
    (none keeping it) their translation, in order: one text edited in place, whatever
    was deleted or added beside it. A paragraph deleted beside one whose Thai was
    edited was "merged from paragraph/4, paragraph/5": the clinician read the deleted
    advice as folded into the other, which no longer says it. An empty translation
    (not yet translated) is no text kept."""
    for side in (0, 1):
        was, now = ([key.split()[side] for _, key in entries] for entries in (old, new))
        matcher = SequenceMatcher(None, was, now, autojunk=False)
        pairs = [
            (block.a + n, block.b + n)
            for block in matcher.get_matching_blocks()
            for n in range(block.size)
            if texts.get(was[block.a + n])
        ]
        if pairs:
            return pairs
    return []


def _edits_among(
    old: list[Entry], new: list[Entry], texts: Mapping[str, str]
) -> list[tuple[int, int]]:
    """(old, new) index pairs, in order, of the entries of one stretch of unequal length
    where one text is the other edited (`merge.similar`, the rule `update` carries a
    translation over by) and no other text of the stretch lives on in either
    (`_lives_on`): a paragraph deleted beside one whose English and Thai were both
    edited was "merged from paragraph/4, paragraph/5", as if the deleted advice were
    folded into the edited one, which does not say it. Where another text does live on
    (two list items joined, a sentence split off), none: a merge or a split."""
    if len(old) == len(new) or len(old) + len(new) > MOST_COMPARED:
        return []  # one for one: each an edit already; or a rewrite, too long to pair
    was = [texts.get(key.split()[0], "") for _, key in old]
    now = [texts.get(key.split()[0], "") for _, key in new]
    pairs: list[tuple[int, int]] = []
    for j, text in enumerate(now):
        start = pairs[-1][0] + 1 if pairs else 0
        i = next((i for i in range(start, len(was)) if similar(was[i], text)), None)
        if i is not None:
            pairs.append((i, j))
    lone_old = [was[i] for i in range(len(was)) if i not in {a for a, _ in pairs}]
    lone_new = [now[j] for j in range(len(now)) if j not in {b for _, b in pairs}]
    for i, j in pairs:
        if any(_lives_on(part, now[j]) for part in lone_old) or any(
            _lives_on(part, was[i]) for part in lone_new
        ):
            return []
    return pairs


def _lives_on(part: str, whole: str) -> bool:
    """Whether most of ``part`` is in ``whole`` in runs of at least `GRAM` characters
    (the runs `update` looks for): a list item joined to another, a sentence split off.
    Runs, not a subsequence: any short text is a scattered subsequence of a long one."""
    if not part:
        return False
    matcher = SequenceMatcher(None, part.casefold(), whole.casefold(), autojunk=False)
    shared = sum(block.size for block in matcher.get_matching_blocks() if block.size >= GRAM)
    return shared > SIMILAR * len(part.casefold())


def _around(
    kept: list[tuple[int, int]], old: list[Entry], new: list[Entry], known: Known
) -> list[Change]:
    """The changes of one stretch whose entries ``kept`` (`_kept_sides`) are edits: the
    stretches between them read as any other (`_block`), in reading order."""
    changes: list[Change] = []
    i = j = 0
    for a, b in kept:
        changes += _block(old[i:a], new[j:b], known)
        changes.append(_edited(old[a], new[b], known))
        i, j = a + 1, b + 1
    return changes + _block(old[i:], new[j:], known)


def removed(context: str, before: tuple[tuple[str, str], ...]) -> Change:
    """The entry approved at ``context`` and gone now, its approved texts ``before``.
    Named by no current context, its approved one said as where it was: a renumbered
    text can have that context now, and "paragraph/5: removed" under "paragraph/5: the
    English text changed" read as one entry edited and deleted. Every reader says
    "removed (was paragraph/5)" (`what`, `signoff.change_in_words`)."""
    return Change("", REMOVED, before=before, origin=context)


def _edited(old: Entry, new: Entry, known: Known) -> Change:
    """One entry's change: its source's, else its translation's (refused by the build,
    confirmed or marked fuzzy with the same words, or changed only in spaces or
    punctuation when the approved text is known)."""
    texts = known.texts
    (source_was, translation_was), (source, translation) = old[1].split(), new[1].split()
    origin = "" if old[0] == new[0] else old[0]
    said = (kept_texts(old[1], texts), kept_texts(new[1], texts))
    marked = (known.fuzzy.get(translation_was), known.fuzzy.get(translation))
    if source_was != source:
        kind, was, now = SOURCE_CHANGED, source_was, source
    elif new[0] in known.refused:
        return Change(new[0], known.refused_words, *said, origin=origin)
    elif None not in marked and marked[0] != marked[1]:  # the same words, re-marked
        return Change(new[0], MARKED_FUZZY if marked[1] else CONFIRMED, *said, origin=origin)
    else:
        kind, was, now = TRANSLATION_CHANGED, translation_was, translation
    small = _retouched(texts.get(was), texts.get(now))
    return Change(new[0], kind, *said, origin=origin, small=small)


def _retouched(was: str | None, now: str | None) -> bool:
    """Whether only blanks or punctuation differ between two known, different texts (the
    same text under another digest is a fuzzy or refused mark: no retouch)."""
    if was is None or now is None or was == now:
        return False
    return _letters(was) == _letters(now)


def _letters(text: str) -> str:
    """``text`` without its blanks and punctuation: what tells a rewrite from a retouch."""
    return "".join(c for c in text if unicodedata.category(c)[0] not in "PZC" and not c.isspace())


def _said(key: str, texts: Mapping[str, str]) -> tuple[str, str]:
    """The (source, translation) an entry's digests stand for; "" where not kept."""
    source, translation = key.split()
    return texts.get(source, ""), texts.get(translation, "")


def kept_texts(key: str, texts: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """An edited entry's side as `Change.before` and ``after`` hold it: the (source,
    translation) its digests ``key`` stand for, or nothing where either was not kept."""
    return (_said(key, texts),) if all(d in texts for d in key.split()) else ()


def _renumbered(contexts: list[str]) -> Change:
    """One line for every text renumbered only, naming the first few."""
    shown = ", ".join(contexts[:SHOWN_RENUMBERED]) + (
        ", …" if len(contexts) > SHOWN_RENUMBERED else ""
    )
    return Change(shown, RENUMBERED, count=len(contexts))


@dataclass(frozen=True)
class Beside:
    """One line of the texts beside a change: its ``label`` ("was (Thai)"), the
    ``words`` of that side's entries in one language, joined by " | ", and the
    ``language`` (tag) they are written in (`written_in`), which the proof sets and
    tags them in. Not ``recorded``: ``words`` is `NOT_RECORDED`, the program's English."""

    label: str
    words: str
    language: str
    recorded: bool = True


def texts_beside(change: Change, source: str, translation: str) -> Iterator[Beside]:
    """The approved and current texts of an edit, split or merge, the leaflet written
    in ``source`` and translated into ``translation`` (language tags), for each side
    `sides_shown` names. Nothing for a side or language with no text kept, but for an
    edit or a removal whose approved text was not kept: `NOT_RECORDED`. A page item printed as
    written (a phone, a DOI) is no language's: labelled "was", "now"."""
    translated = is_translated(change.entry)
    if approved_text_lost(change):
        yield Beside("was", NOT_RECORDED, UI_LANGUAGE, recorded=False)
    for side, said in (("was", approved_shown(change)), ("now", change.after)):
        for words, language in texts_shown(change, _joined(said), (source, translation)):
            label = f"{side} ({english_language_name(language)})" if translated else side
            yield Beside(label, words, language)


def texts_shown(
    change: Change, said: tuple[str, str], languages: tuple[str, str]
) -> list[tuple[str, str]]:
    """The (words, language tag) a reader is shown of the (source, printed) texts
    ``said`` of one side of ``change`` (approved or current), the leaflet's and its
    translation's languages being ``languages``: of the sides `sides_shown` names,
    those with words, each in the language it is written in (`written_in`), and a text
    once: a page word the catalog has no translation of prints its English source, and
    "now (English): Sources" was listed twice, as if two texts had changed. The one
    rule `i18n review`, the proof and the desk show texts by."""
    shown: list[tuple[str, str]] = []
    shown_as = _shown_as(change)
    for index in sides_shown(change):
        words = said[index]
        if not words.strip(" |"):
            continue
        words = shown_as(words)
        text = (words, written_in(change.entry, index, said, languages))
        if text not in shown:
            shown.append(text)
    return shown


def reads_markup(change: Change) -> bool:
    """Whether the texts of ``change`` are a leaflet's, whose markup the page reads
    (``**bold**``, ``[@key]``), not a page word or a page item printed as written (a
    phone, a reference entry, a picture's digest), whose ``*`` is a star."""
    return is_translated(change.entry) and not is_page_word(change.entry)


def _shown_as(change: Change) -> Callable[[str], str]:
    """How the texts of ``change`` are shown: a leaflet text as read, or as written
    where only what a reader does not see changed (`markup_only`); a page word or
    an item printed as written as it is."""
    if not reads_markup(change):
        return str
    shown = text_as_written if markup_only(change) else text_as_read
    # Each entry of a split or merge on its own (`_joined`): one refused for markup it
    # opens and never closes is shown as written, not every text beside it.
    return lambda words: JOINER.join(map(shown, words.split(JOINER)))


def markup_only(change: Change) -> bool:
    """Whether ``change`` is an edit of a leaflet text whose words read the same before
    and after (`text_as_read`): only its emphasis, a link's address, an escape or a
    break control changed. Its texts are shown as written, markup and all: shown as
    read, was and now were the same line, and the clinician had no change to see."""
    if not (reads_markup(change) and is_edit(change) and change.before):
        return False
    (was,), (now,) = change.before, change.after
    return was != now and all(
        text_as_read(a) == text_as_read(b) for a, b in zip(was, now, strict=True)
    )


def _joined(said: Sequence[tuple[str, str]]) -> tuple[str, str]:
    """The (source, translation) ``said`` of one side of a change, each language's texts
    on one line, entries joined by " | ", lines by " / "."""
    source, translation = (
        JOINER.join(" / ".join(pair[index].splitlines()) for pair in said) for index in (0, 1)
    )
    return source, translation


def sides_shown(change: Change) -> tuple[int, ...]:
    """The sides of a change's (source, translation) pairs a reader is shown, by every
    view alike (`i18n review`, the proof, the desk): for an edit, those whose words
    changed (a translation's edit is its translation's, not the unchanged English
    twice; where the approved ones are not known, the side its kind names); for a
    split or merge, and a new or removed entry (its current or approved text, nothing
    beside it), both; for any other change, none."""
    if is_split_or_merge(change) or change.kind in (NEW_ENTRY, REMOVED):
        return (0, 1)
    if not is_edit(change):
        return ()
    if not change.before:
        return (0,) if change.kind == SOURCE_CHANGED else (1,)
    (was,), (now,) = change.before, change.after
    # The same words re-marked (confirmed, marked fuzzy, refused): its translation, once.
    return tuple(index for index in (0, 1) if was[index] != now[index]) or (1,)


def approved_shown(change: Change) -> tuple[tuple[str, str], ...]:
    """The approved texts a reader is shown beside ``change`` (`Change.before`): none
    where they are the words it has now, only their fuzzy or refused mark changed.
    A translator who confirmed a fuzzy text unchanged was "the Thai translation
    changed" with no text at all: the clinician had nothing to approve against. Its
    text is shown once, as it is now."""
    return () if change.before == change.after else change.before


def written_in(context: str, side: int, said: tuple[str, str], languages: tuple[str, str]) -> str:
    """The language (tag) of ``said[side]``, side ``side`` (0: what the source writes, 1:
    what is printed) of the (source, printed) texts ``said`` of the entry or page item
    ``context``, of a leaflet written in ``languages[0]`` and translated into
    ``languages[1]``: the one rule every view sets and tags a text beside a change by.
    A side is in its language (`side_language`), but a page word printed as its source
    writes it: the catalog had no usable translation, so the page prints the program's
    English ("Sources" on a Thai page), which a Thai voice would read wrong. A page item
    printed as written is in no language of its side (a clinic's Thai address for Thai
    readers of an English leaflet, its English name in a Thai proof): its letters tell
    (`language_of`, the leaflet's language by default: a phone, a date), and a contact
    line is in the language the page tags it in (`contact_language`, on the page of
    ``languages[1]``): a web address on a Thai page is English, a phone number Thai,
    as the page reads them, not Thai and English as a rule of letters alone had it."""
    if is_contact_line(context):
        return contact_language(said[side], "", languages[1])
    if not is_translated(context):
        return language_of(said[side], languages[0])
    if is_page_word(context) and said[1] and said[1] == said[0]:
        return UI_LANGUAGE
    return side_language(context, side, languages)


def side_language(context: str, side: int, languages: tuple[str, str]) -> str:
    """The language (tag) side ``side`` of the translated entry or page word ``context``
    is written in, the leaflet's and its translation's being ``languages``: what a
    change of that side is named by ("the English text changed"). A page word's source
    is the program's English (`UI_LANGUAGE`) whatever the leaflet's: a later version's
    "References" reworded is no edit of a Thai leaflet's Thai."""
    return UI_LANGUAGE if side == 0 and is_page_word(context) else languages[side]


def approved_text_lost(change: Change) -> bool:
    """Whether ``change`` is an edit or a removal whose approved text no record kept:
    every reader says `NOT_RECORDED` in place of its "was", not nothing, read as "it was
    empty" (a removed entry under a record made before texts were kept showed no text
    at all: the clinician could not tell what the leaflet no longer says)."""
    return (is_edit(change) or change.kind == REMOVED) and not change.before


def is_edit(change: Change) -> bool:
    """Whether ``change`` is one entry's text edited in place (its source, its
    translation, or refused now): one current text for at most one approved."""
    others = (NEW_ENTRY, REMOVED, RENUMBERED, *FROM_ELSEWHERE)
    return change.kind not in others and len(change.after) == 1 and len(change.before) <= 1


def side_by_side(change: Change, source: str, translation: str) -> Iterator[str]:
    """`texts_beside` as `i18n review` prints them, one line each: "was (Thai): …"."""
    for line in texts_beside(change, source, translation):
        yield f"{line.label}: {line.words}"


def is_split_or_merge(change: Change) -> bool:
    """Whether ``change`` replaced several entries by one or one by several."""
    return bool(change.before) and len(change.before) != len(change.after)
