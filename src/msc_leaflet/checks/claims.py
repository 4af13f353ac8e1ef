"""Risky promises (cure, regrow, "no side effects", …) in the text a reader sees.

The phrase lists are data (``data/claims-<lang>.yaml``, named by the language's
profile in ``data/languages.yaml``; a language without a list is not checked).
How a phrase is found follows the profile too: on word boundaries from spaces
(English, Vietnamese, Arabic) or from the segmenter (Thai), or anywhere in the text
(Chinese, Japanese: a segmenter's missed boundary must not hide 治愈); a claim may be
two parts a few words apart, each no promise alone ("get rid of pain" … "forever":
`_together`). The hard part is not finding "cure" but not punishing the leaflet
that *warns* about it, so a match is reported only when its sentence does not warn
against or deny it:

* a **cue before** the claim in the same sentence ("Be *careful* of a clinic that
  promises a cure", "does *not* cure") — the claim words themselves are masked first,
  so the "no" of "no side effects" is not its own excuse;
* a **negation just after** it ("a cure is *not* guaranteed"), within a few words;
* the sentence is a **question** ("Can MSCs cure arthritis?"): it asks, it does not
  promise.

A claim inside quotation marks is quoted speech (an advert, a regulator's wording):
a warning (CLAIM002), to be waived with a reason once a reader confirms the text
around it debunks or attributes it.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal

from ..alternation import as_trie, longest_first
from ..content.model import (
    Block,
    Callout,
    Faq,
    Leaflet,
    ListBlock,
    Paragraph,
    Reference,
    Table,
    Text,
    texts,
)
from ..content.yaml_source import load_words
from ..data import data_path
from ..errors import LeafletError, Location
from ..languages import LanguageProfile, in_own_letters, language_of, profile, profiles
from ..project import Project
from .registry import CheckContext, Issue, check, msgstr_entry
from .segment import boundaries
from .slips import digit_readings, slip_table
from .source import SourceMap, po_locate, typed_before
from .text import (
    WORD_CHAR,
    WORD_MARKS,
    WORD_RUN,
    Plain,
    in_language,
    one_spelling,
    phrase_pattern,
    phrases_pattern,
    plain,
    reader_texts,
    sentences,
    typed_spellings,
)
from .waivers import pin_of

# How far after a claim a negation still denies it, in characters, where words are
# not spaced ("รับประกันผล ไม่ได้", "完治するわけではありません").
UNSPACED_AFTER_WINDOW = 30


@dataclass(frozen=True)
class Claim:
    phrase: str
    forms: tuple[str, ...]  # phrase and variants, longest first
    severity: str
    suggestion: str
    concept: str = ""  # what is promised, in a word every language's list shares ("cure")
    parts: tuple[tuple[str, ...], ...] = ()  # a claim in two parts (`together`): the
    # forms of each, longest first; the claim is both in one clause (`_together`)
    within: int = 0  # how far apart the parts may stand: words, or characters where
    # words are not spaced
    unless: tuple[str, ...] = ()  # phrases in which a form (or a part) is no claim:
    # "hard to cure"; "permanently damaged", where the permanence is the damage's
    advice: tuple[str, ...] = ()  # what, standing alone between a claim's two parts,
    # makes it advice: a habit given up for good ("say goodbye to smoking for good");
    # casefolded
    echoes: tuple[str, ...] = ()  # what, right after a part, says it again ("forever
    # and ever", "for ever and always", ตลอดไปและตลอดกาล): the part still stands alone
    # in its clause (`_without_afterthought`)
    ordered: bool = False  # the parts only in the listed order: "MSCs repair" promises,
    # "repair … after the infusion" and "arthritis stops you walking" do not
    hedges: tuple[str, ...] = ()  # words that, between the two parts, make the claim a
    # possibility or an aim ("MSCs may repair", "treatment to repair"); casefolded
    everyday: tuple[str, ...] = ()  # what the body repairs itself every day, right after
    # an ordered claim's later part: "cells repair small cuts" (`_everyday`)
    everyday_where: tuple[str, ...] = ()  # words that, after an `everyday` phrase, place
    # it in what the treatment targets ("small injuries in your knee")
    everyday_doers: tuple[str, ...] = ()  # where the claim's parts name no doer (Thai
    # สร้าง … ขึ้นมาใหม่, builds … anew): the body, one of which must stand right before
    # it for its `everyday` phrase to tell of the body's own renewal (ร่างกาย…ทุกวัน)
    doers: tuple[str, ...] = ()  # who must do what the parts say for it to be a claim:
    # one of these right before the first part ("Our cells help stop arthritis";
    # "Exercise helps stop arthritis" advises), with at most `ClaimList.auxiliaries`,
    # negations and `hedges` between (`_done_by`)
    slowed: tuple[str, ...] = ()  # what, right after the later part, makes a halt one of
    # the disease's progress ("help stop arthritis from getting worse")
    hedges_after: tuple[str, ...] = ()  # where words are not spaced, hedges a language
    # writes after the verb (Japanese 修復する可能性があります, "may repair"): a few
    # characters after the later part, in its clause (`_hedged_after`)

    @property
    def every_form(self) -> tuple[str, ...]:
        """Every form a match of the claim may start with: its phrase's, or its parts'."""
        return self.forms + tuple(form for part in self.parts for form in part)


@dataclass(frozen=True)
class ClaimList:
    lang: str
    claims: tuple[Claim, ...]
    cues_before: tuple[str, ...]  # warnings: anywhere before, short of a contrast
    cues_after: tuple[str, ...]
    after_window: int
    negations: tuple[str, ...] = ()  # only in the claim's own clause
    clause_words: tuple[str, ...] = ()  # words that start a clause ("and", "because")
    contrasts: tuple[str, ...] = ()  # clause words that end a warning's reach ("but"),
    # and the list's `facts`
    continuations: tuple[str, ...] = ()  # where words are not spaced: a phrase that
    # starts with one goes on from the phrase before (Thai ที่ "that")
    asides: tuple[str, ...] = ()  # words an aside between commas starts with ("including")
    joined_negations: tuple[str, ...] = ()  # a claim joined to one is denied: by a hyphen
    # in a spaced language ("non-curative"), written right before it where words are not
    # spaced (Burmese မ + ပျောက်ကင်းစေ, "does not cure")
    not_denials: tuple[str, ...] = ()  # a negation that denies nothing ("not only")
    rhetorical: tuple[str, ...] = ()  # a question that starts so asserts ("did you know")
    question_ends: tuple[str, ...] = ()  # words that end a question without a "?" (Thai ไหม)
    own_voice: tuple[str, ...] = ()  # the leaflet speaking ("we", "our"), lower case
    heeds: tuple[str, ...] = ()  # warnings (also in `cues_before`) that point at something
    # ("avoid surgery"): they warn only of it
    heed_ends: tuple[str, ...] = ()  # words that end what a heed points at ("that", "with")
    reports: tuple[str, ...] = ()  # words of report: a warning reaches what they report
    # ("clinics that say …"; Thai สัญญาว่า, past its phrase: `_warning_reach`), and one after
    # a claim reports the list before it (Burmese ဟု)
    not_cues: tuple[str, ...] = ()  # words that hold a cue and are other words (Thai
    # สัญญาณ "signal" holds สัญญา "promise"; อย่าง "like" holds อย่า "don't")
    rhetorical_ends: tuple[str, ...] = ()  # a question asked so after the claim asserts
    # it (Burmese …သိပါသလား, Japanese …ご存知ですか: "did you know")
    topics: tuple[str, ...] = ()  # where words are not spaced: what ends a claim that is
    # the topic of what follows a comma (Japanese は: 完治することは、…)
    verdicts: tuple[str, ...] = ()  # a denial of what was said, reaching past a comma
    # ("没有科学依据", has no scientific basis)
    bound: tuple[str, ...] = ()  # warnings only with what they promise after them
    # (`bound_objects`): Arabic تعد "promises", written as تُعدّ "is considered"
    bound_objects: tuple[str, ...] = ()  # words, or a letter a claim is joined to (ب)
    joined_clauses: tuple[str, ...] = ()  # letters that, joined to a claim, start its
    # clause (Arabic و "and": ويشفي)
    alternatives: tuple[str, ...] = ()  # "or": between the two parts of a claim
    # (`Claim.parts`), it offers them as two outcomes ("may go away or be permanent")
    negative_subjects: tuple[str, ...] = ()  # negations that are a sentence's subject
    # ("nothing", "none"; also in `negations`): compared with something after the claim
    # (`boasts`), they boast instead ("nothing cures arthritis like our cells")
    boasts: tuple[str, ...] = ()  # comparisons after a claim ("like", "better than")
    name_heads: tuple[str, ...] = ()  # where a space ends a phrase: nouns a Latin name
    # after them names (Thai เซลล์ MSC, "MSC cells"): the space between goes on
    # with the phrase (`_name_space`)
    facts: tuple[str, ...] = ()  # words that turn from a myth to what is true ("fact",
    # ข้อเท็จจริง, 事实): a warning before one does not reach past it (they are among
    # `contrasts`), nor a myth box's title (`find_claims`'s ``lead_in``); one inside a
    # warning word is the warning's (Vietnamese "sai sự thật", untrue: `_last_turn`)
    relatives: tuple[str, ...] = ()  # words that open a relative clause before the claim
    # (Thai ที่ "that"): a warning after it may be of what the clause describes
    relative_ends: tuple[str, ...] = ()  # the same, written after the claim's verb
    # (Burmese …စေမည့် ဆေးခန်း, "clinics that will cure")
    warnings_after: tuple[str, ...] = ()  # warnings said of what a relative clause
    # describes, after it ("คลินิกใดที่รับประกันผล ควรระวัง": `_warned_after`)
    particles: tuple[str, ...] = ()  # what may close a warning after it (Thai ไว้, นะคะ)
    not_clauses: tuple[str, ...] = ()  # phrases holding a clause word that start no
    # clause: "not yet", "as yet" ("so far", no "but": `_clause_start`)
    auxiliaries: tuple[str, ...] = ()  # words that may open a verb phrase after an aside
    # that parts it from its subject ("Our cells, taken from fat, will repair":
    # `_without_aside`), casefolded
    denials: tuple[str, ...] = ()  # what, opening the clause or sentence after a reported
    # claim, denies it ("Some clinics say …; there is no good evidence for this"), as
    # a `verdicts` phrase does (`_denied_after_report`)
    denial_objects: tuple[str, ...] = ()  # what may close a denial's clause: what it
    # denies, said again ("for this", "cho điều này", 支持这一点)
    conditions: tuple[str, ...] = ()  # diseases and pains that, asked about
    # ("Diabetes?", "Do you have diabetes?"), the next sentence may name by a pronoun
    # (`_named_again`)
    pronouns: tuple[str, ...] = ()  # the pronouns that may name them ("it", "them")
    asks: tuple[str, ...] = ()  # what may ask about a condition before it: whether the
    # reader has it ("do you have", "suffering from", Thai เป็น)
    asks_end: tuple[str, ...] = ()  # what may close that question before its "?"
    # (Vietnamese "không", Chinese 吗); Thai's `question_ends` close it without one
    owners: tuple[str, ...] = ()  # words that make a condition the reader's (or the
    # asker's) own, right before or after it ("your arthritis", ของคุณ, 我的): a longer
    # question about it ("Is your arthritis getting worse?") is about it too
    replies: tuple[str, ...] = ()  # a bare answer ("Yes."), passed over to the sentence
    # after it ("Can MSCs help my arthritis? Yes. Our cells get rid of it.")
    pronoun_hosts: tuple[tuple[str, str], ...] = ()  # (pronoun, the word it is written
    # joined to), among `pronouns`: Arabic عليه "on it" is على + ه, and the disease
    # written in its place keeps the على (تقضي عليه → تقضي على السكري)
    dropped: tuple[str, ...] = ()  # where a language drops the pronoun (Japanese): the
    # particles that mark a subject, an object or a topic (が, を, は); a sentence after
    # the question with none of them speaks of the disease asked (`_dropped_name`)
    slips: tuple[tuple[str, int], ...] = ()  # a long claim word's misspellings
    # ("regenrate") and the index of the claim they are read as (`checks.slips`)
    split_tails: tuple[str, ...] = ()  # what may follow a claim word split by a space
    # in its phrase, where spaces end phrases: หาย ขาดได้, หาย ขาดเลย (`_one_word_apart`)
    slip_names: tuple[str, ...] = ()  # names a slip spells with their capital: the
    # Japanese city Kure (呉), which is "kure", cure spelt by ear (`_a_name`)

    @cached_property
    def slip_claims(self) -> dict[str, int]:
        """`slips` as a table, looked up for each long word of a text (`_with_slips`)."""
        return dict(self.slips)

    @cached_property
    def word_claims(self) -> dict[str, int]:
        """Each one-word form of a promise (casefolded, ASCII), and its claim's index:
        what a word with digits for letters ("m1racle") is read against."""
        return {
            form.casefold(): n
            for n, claim in enumerate(self.claims)
            if claim.severity == "error"
            for form in claim.forms
            if form.isascii() and form.isalpha()
        }

    @cached_property
    def every_form(self) -> tuple[str, ...]:
        """Every form a match of one of the list's claims may start with
        (`Claim.every_form`): a text that holds none holds no claim."""
        return tuple(form for claim in self.claims for form in claim.every_form)

    @cached_property
    def denial_forms(self) -> tuple[str, ...]:
        """The forms of claims that open with one of the list's `negations` (a promise
        of absence, `_denial_starts`), sought in every text: gathered once a list."""
        return tuple(
            form
            for claim in self.claims
            for form in claim.forms
            if any(form.startswith(word) for word in self.negations)
        )


@dataclass(frozen=True)
class Match:
    claim: Claim
    start: int
    end: int
    quoted: bool
    excused: bool

    def text(self, source: str) -> str:
        return source[self.start : self.end]


@lru_cache(maxsize=8)
def claim_list(lang: str) -> ClaimList:
    """The packaged claim list for ``lang`` (an empty list for a language without one).

    Its words are kept in the language's one spelling (`text.one_spelling`), the one
    `find_claims` reads a text in."""
    name = profile(lang).claims
    path = data_path(name) if name else None
    if path is None or not path.is_file():
        return ClaimList(lang, (), (), (), 0)
    data = load_words(path.read_text("utf-8"))

    def spelled(words: list[str]) -> tuple[str, ...]:
        return tuple(one_spelling(word, lang)[0] for word in words)

    def typed(words: list[str]) -> list[str]:
        """``words``, and each as typed without the language's keyboard."""
        return [*words, *(t for word in words for t in typed_spellings(word, lang))]

    cues = data.get("cues", {})
    hyphened: dict[str, list[str]] = cues.get("hyphened_prefixes", {})

    def forms(words: list[str]) -> tuple[str, ...]:
        """``words`` and their typed spellings, in one spelling, longest first, and
        each set off from a `hyphened_prefixes` prefix ("re-generate")."""
        words = [*words, *(h for word in words for h in _hyphened(word, hyphened))]
        return tuple(sorted(set(spelled(typed(words))), key=len)[::-1])

    # A joined pronoun's host takes the letters any word may be written joined to (the
    # language's `word_prefixes`): ستعالجه (will treat it) and وتعالجه (and treats it)
    # are تعالجه, and read as ستعالج السكري, وتعالج السكري.
    joined: dict[str, list[str]] = {
        f"{prefix}{host}": [f"{prefix}{form}" for form in forms]
        for host, forms in cues.get("joined_pronouns", {}).items()
        for prefix in ("", *profile(lang).word_prefixes)
    }
    claims = tuple(
        claim
        for c in data["claims"]
        for claim in _typed_apart(
            Claim(
                c["phrase"],
                () if "together" in c else forms([c["phrase"], *c.get("variants", [])]),
                c["severity"],
                in_own_letters(c["suggestion"], lang),  # 可能有助於 for a Taiwan author
                c.get("concept", c["phrase"]),
                tuple(forms(part) for part in c.get("together", [])),
                int(c.get("within", 0)),
                forms(_flat(c.get("unless", []))),
                tuple(form.casefold() for form in forms(c.get("advice", []))),
                forms(c.get("echoes", [])),
                str(c.get("ordered", "")).casefold() == "true",
                tuple(form.casefold() for form in forms(c.get("hedges", []))),
                forms(c.get("everyday", [])),
                forms(c.get("everyday_where", [])),
                forms(c.get("everyday_doers", [])),
                forms(_flat(c.get("doers", []))),
                forms(c.get("slowed", [])),
                forms(c.get("hedges_after", [])),
            ),
            cues.get("typed_homographs", []),
            lang,
        )
    )
    return ClaimList(
        lang,
        claims,
        spelled([*cues.get("before", []), *cues.get("heed", [])]),
        spelled(cues.get("after", [])),
        int(cues.get("after_window", 3)),
        # A list that negates after the verb (Japanese: no `negations`) names its
        # negative subjects after the claim, among its `after` cues.
        spelled(
            [
                *cues.get("negations", []),
                *(cues.get("negative_subjects", []) if "negations" in cues else []),
            ]
        ),
        spelled(cues.get("clauses", [])),
        spelled([*cues.get("contrasts", []), *cues.get("facts", [])]),
        spelled(cues.get("continuations", [])),
        spelled(cues.get("asides", [])),
        spelled(cues.get("joined_negations", [])),
        spelled(cues.get("not_denials", [])),
        spelled(cues.get("rhetorical", [])),
        spelled(cues.get("question_ends", [])),
        tuple(word.casefold() for word in spelled(cues.get("own_voice", []))),
        spelled(cues.get("heed", [])),
        spelled(cues.get("heed_ends", [])),
        spelled(cues.get("reports", [])),
        spelled(cues.get("not_cues", [])),
        spelled(cues.get("rhetorical_ends", [])),
        spelled(cues.get("topics", [])),
        spelled(cues.get("verdicts", [])),
        spelled(cues.get("bound", [])),
        spelled(cues.get("bound_objects", [])),
        spelled(cues.get("joined_clauses", [])),
        spelled(cues.get("alternatives", [])),
        spelled(cues.get("negative_subjects", [])),
        spelled(cues.get("boasts", [])),
        spelled(cues.get("name_heads", [])),
        spelled(cues.get("facts", [])),
        spelled(cues.get("relatives", [])),
        spelled(cues.get("relative_ends", [])),
        spelled(cues.get("warnings_after", [])),
        spelled(cues.get("particles", [])),
        spelled(cues.get("not_clauses", [])),
        tuple(word.casefold() for word in spelled(cues.get("auxiliaries", []))),
        spelled(cues.get("denials", [])),
        spelled(cues.get("denial_objects", [])),
        spelled(_flat(cues.get("conditions", []))),
        spelled([*cues.get("pronouns", []), *_flat(list(joined.values()))]),
        spelled(cues.get("asks", [])),
        spelled(cues.get("asks_end", [])),
        spelled(cues.get("owners", [])),
        tuple(word.casefold() for word in spelled(cues.get("replies", []))),
        tuple(
            (form.casefold(), host)
            for host, forms in zip(spelled(list(joined)), joined.values(), strict=True)
            for form in spelled(forms)
        ),
        spelled(cues.get("dropped", [])),
        # "regenrate", "guarenteed": the slips of the list's long words (`checks.slips`)
        slip_table(
            [
                (n, form)
                for n, claim in enumerate(claims)
                if claim.severity == "error"
                for form in claim.forms
            ],
            int(cues.get("slips_from", 0)),
            [(n, form) for n, claim in enumerate(claims) for form in claim.forms],
            int(cues.get("short_slips_from", 0)),
            frozenset(word.casefold() for word in cues.get("not_slips", [])),
        ),
        split_tails=spelled(cues.get("split_tails", [])),
        slip_names=tuple(cues.get("slip_names", [])),
    )


def _hyphened(phrase: str, prefixes: dict[str, list[str]]) -> list[str]:
    """``phrase`` with a hyphen after the prefix of each of its words that starts with
    one of the stems listed for it (claims-en.yaml ``hyphened_prefixes``: "regenerate"
    as "re-generate"); none where no word does."""
    words = phrase.split(" ")
    for n, word in enumerate(words):
        for prefix, stems in prefixes.items():
            if word.casefold().startswith(tuple(stems)):
                words[n] = f"{word[: len(prefix)]}-{word[len(prefix) :]}"
    hyphened = " ".join(words)
    return [hyphened] if hyphened != phrase else []


def _flat(words: list[str | list[str]]) -> list[str]:
    """``words``, a list in it read as its words: a YAML alias of another claim's
    `variants` (claims-en.yaml ``*named_repairs``) beside phrases of the claim's own."""
    return [w for word in words for w in ([word] if isinstance(word, str) else word)]


def _typed_apart(claim: Claim, homographs: list[str], lang: str) -> tuple[Claim, ...]:
    """``claim``, and apart from it, as a warning, its forms typed without the
    language's keyboard that another word spells too (``homographs``, the list's
    `cues.typed_homographs`): Vietnamese "chua khoi" is chữa khỏi (cure) and chưa khỏi
    (not yet healed), so a text typed so may promise nothing, and is asked to write
    its tones. Typed with tones (Telex "chuwax khoir"), or in words no homograph
    spells ("dieu tri dut diem"), a form stays the promise."""
    if not homographs or claim.severity != "error" or not claim.forms:
        return (claim,)
    toned = {one_spelling(word, lang)[0].casefold(): word for word in homographs}
    bare = {
        typed.casefold(): word
        for spelled, word in toned.items()
        for typed in typed_spellings(spelled, lang)
    }
    ambiguous = tuple(
        form for form in claim.forms if any(w.casefold() in bare for w in form.split())
    )
    if not ambiguous:
        return (claim,)
    kept = tuple(form for form in claim.forms if form not in ambiguous)
    typed = sorted({w for f in ambiguous for w in f.split() if w.casefold() in bare})
    words = [
        f"“{word}” is “{bare[word.casefold()]}” or the “{mine}” of “{claim.phrase}”"
        for word in typed
        for mine in [_toned(word, claim.phrase, lang)]
    ]
    warning = dataclasses.replace(
        claim,
        forms=ambiguous,
        severity="warning",
        suggestion=f"write the tones: typed without them, {'; '.join(words)}, which "
        f"promises ({claim.suggestion})",
    )
    return (dataclasses.replace(claim, forms=kept), warning)


def _toned(typed: str, phrase: str, lang: str) -> str:
    """The word of ``phrase`` that ``typed`` is typed without its tones ("chữa" of
    "chữa khỏi" for "chua"); the phrase itself when none is."""
    return next(
        (
            word
            for word in phrase.split()
            if typed.casefold() in (t.casefold() for t in typed_spellings(word, lang))
        ),
        phrase,
    )


def find_claims(
    text: str,
    claims: ClaimList,
    project: Project | None = None,
    lead_in: str = "",
    asked: str = "",
) -> list[Match]:
    """Every claim in ``text`` (longest form wins where two overlap), judged in context.

    ``lead_in`` is text the sentence continues from: a list's introduction ending in a
    colon ("the cells do not have to:"), or a table cell's column header. ``asked`` is
    the question ``text`` answers (a FAQ's), whose disease its "it" may name.

    The text is read in its language's one spelling, as the list is (يَشْفِي is يشفي,
    "hoá" is "hóa"); a match's offsets are those of ``plain(text)``.
    """
    p = plain(text)
    question = one_spelling(plain(asked).text, claims.lang)[0] if asked else ""
    spelled, origin = _named_again(
        p.text, *one_spelling(p.text, claims.lang), claims, project, question
    )
    claims = _with_slips(spelled, claims)
    found = _occurrences(p.text, spelled, origin, claims, project)
    around = _Sentences(
        spelled, claims.lang, claims.name_heads, claims.continuations, claims.alternatives
    )
    starts = [s for _, s, _ in found]
    ends = [e for _, _, e in found]  # increasing too: the claims found do not overlap
    # The lead-in's colon joins it to the item; it ends no clause, nor does a space where
    # a space ends a phrase (Thai "เซลล์ต้นกำเนิดไม่สามารถ:" → "รักษาให้หายขาด").
    lead = one_spelling(lead_in.rstrip().rstrip(_COLONS), claims.lang)[0]
    joiner = " " if profile(claims.lang).word_spaces else ""
    # Where negations follow the verb (Japanese), one in the lead-in denies its items:
    # "次のことは証明されていません：" (the following is not proven:) → "関節炎の完治".
    lead_denies = (
        bool(lead)
        and not claims.negations
        and next(_finder(claims)(lead, claims.cues_after, 0), None) is not None
    )
    result = []
    for claim, start, end in found:
        if _a_name(spelled, start, end, claims):
            continue
        sentence_start, sentence = around.sentence(start, end)
        if lead and _past_fact(spelled[:sentence_start], claims):
            # A myth box's "Fact: …" is the leaflet's own word, and all after it.
            lead, lead_denies = "", False
        sentence_end = sentence_start + len(sentence)
        inside = range(bisect_right(ends, sentence_start), bisect_left(starts, sentence_end))
        masked = _mask(
            sentence, [(starts[i] - sentence_start, ends[i] - sentence_start) for i in inside]
        )
        # A question that opens "did you know" asserts what it asks, and so does one
        # that asks it after the claim (Burmese, Japanese).
        find = _finder(claims)
        asserts = next(find(masked[: start - sentence_start], claims.rhetorical, 0), None)
        if asserts is None:
            # Read from the claim's start, unmasked: a claim may end in it (を治しませんか).
            asserts = next(find(sentence, claims.rhetorical_ends, start - sentence_start), None)
        # "not only X but Y" asserts both: its "not" is no excuse, before or after.
        masked = _mask_words(masked, claims)
        shift = len(lead) + len(joiner) - sentence_start
        # The letter a claim is written joined to (Arabic ب: "تعد بالشفاء التام").
        written_as = claim.every_form
        joined = "" if any(spelled.startswith(f, start) for f in written_as) else spelled[start]
        excused = (
            lead_denies
            or _excused(
                f"{lead}{joiner}{masked}",
                start + shift,
                end + shift,
                claims,
                project,
                # Judged on the sentence as written: the claim's mask would hide a
                # question's ending joined to its verb (治ります|か。, "does it cure?").
                asserts is None and _is_question(sentence, claims),
                joined,
                claim.concept in BOASTED,
            )
            or _warned_after(spelled, sentence_start, start, end, claims, project)
            or _denied_after_report(spelled, sentence_start, start, end, claims)
        )
        written = origin[start], origin[end - 1] + 1
        result.append(Match(claim, *written, p.is_quoted(*written), excused))
    return result


#: A word in small letters after a name: the object of a verb the name is spelt as.
_SMALL_WORD_AFTER = re.compile(r"\s+[a-z]")


def _a_name(spelled: str, start: int, end: int, claims: ClaimList) -> bool:
    """Whether the claim found at ``spelled[start:end]`` is a name, as printed: a slip
    spelt as one of the list's ``slip_names`` with its capital ("Kure City Hospital",
    "Kure, Hiroshima", a reference's "… in Kure."), no word in small letters after it,
    as a verb's object would be ("Our cells Kure arthritis" promises, and "kure" or
    "KURE" are the slip). A name printed in look-alike letters is still the name a
    reader sees; TEXT001 names the word."""
    return spelled[start:end] in claims.slip_names and not _SMALL_WORD_AFTER.match(spelled, end)


#: A word of Latin letters (and digits: "m1racle"), and the parts a hyphen joins to
#: it ("re-genrate").
_LONG_WORD = re.compile(r"[A-Za-z0-9]{2,}(?:-[A-Za-z0-9]+)*")


def _with_slips(spelled: str, claims: ClaimList) -> ClaimList:
    """``claims`` with the slips of its long words that ``spelled`` holds ("regenrate",
    "re-genrate" with a prefix set off), and its words written with digits for letters
    ("m1racle", "cur3"), as forms of their claims, so that they are
    found and judged as the word is; the list itself where it holds none (most texts:
    no regular expression grows)."""
    if not claims.slips:
        return claims
    table = claims.slip_claims
    found = set()
    for word in _LONG_WORD.findall(spelled):
        key = word.replace("-", "").casefold()
        if key in table:
            found.add((word.casefold(), table[key]))
        for reading in digit_readings(key):  # "m1racle", "regr0w": a digit drawn as a letter
            n = claims.word_claims.get(reading, table.get(reading))
            if n is not None:
                found.add((word.casefold(), n))
    return _slipped(claims, tuple(sorted(found))) if found else claims


@lru_cache(maxsize=64)
def _slipped(claims: ClaimList, found: tuple[tuple[str, int], ...]) -> ClaimList:
    """``claims`` with each slip ``found`` (as written, its claim's index) a form."""
    listed = list(claims.claims)
    for slip, n in found:
        forms = {*listed[n].forms, slip}
        listed[n] = dataclasses.replace(listed[n], forms=tuple(sorted(forms, key=len)[::-1]))
    return dataclasses.replace(claims, claims=tuple(listed))


def _named_again(
    text: str,
    spelled: str,
    origin: tuple[int, ...],
    claims: ClaimList,
    project: Project | None = None,
    asked: str = "",
) -> tuple[str, tuple[int, ...]]:
    """``spelled`` with the pronouns that name a disease asked about written as that
    disease, and ``origin`` to match (the name's letters are the pronoun's).

    "Diabetes? Our therapy eliminates it." promises as "Our therapy eliminates
    diabetes" does, but a claim is judged in its own sentence, where "it" names
    nothing. Only a question that is a listed condition, alone or asked of the reader
    ("Do you have diabetes?", `ClaimList.asks`), or one about the reader's own
    ("Is your arthritis getting worse?", `ClaimList.owners`), is read so ("Is stress
    bad for arthritis?" may mean the stress by "it"), and only in the sentence (where
    spaces end phrases, the phrase) right after it, past a bare "Yes."
    (`ClaimList.replies`): its opening pronoun, the subject ("It goes away"), and the
    first after a word, the object. ``asked`` (in one spelling) is the question
    ``spelled`` answers: a FAQ's, before its first sentence."""
    if not (claims.pronouns or claims.dropped) or not claims.conditions:
        return spelled, origin
    if not _may_ask(asked + spelled, claims):
        return spelled, origin
    units = _units(spelled, claims.lang)
    if asked:
        # The FAQ's question is read whole, as one in the text is: its last phrase alone
        # ("ไหม" of เป็น เบาหวาน ไหม, "have diabetes?") asks of nothing.
        asked_units = _units(asked, claims.lang)
        faq = _asked_by(asked_units, len(asked_units) - 1, asked, claims)
        units = [(-1, asked_units[-1][1]), *units]
    cuts: set[int] | None = None
    out, mapped, done = [], [], 0
    for n in range(len(units) - 1):
        asking = faq if asked and n == 0 else _asked_by(units, n, spelled, claims)
        if asking is None:
            continue
        written, longer = asking
        start, following = _answer_after(units[n + 1 :], claims)
        at = _dropped_name(following, claims)
        if at is not None and not longer:
            out += [spelled[done : start + at], written]
            mapped += [*origin[done : start + at], *(origin[start + at],) * len(written)]
            done = start + at
            continue
        if cuts is None:
            cuts = _pronoun_cuts(text, origin, claims, project)
        for at, end in _naming_pronouns(spelled, start, start + len(following), claims, cuts):
            if longer and not _after_subject(spelled[start:at], claims):
                continue
            named = _named_as(spelled[at:end], written, claims)
            out += [spelled[done:at], named]
            named_at = (origin[min(at + i, end - 1)] for i in range(len(named)))
            mapped += [*origin[done:at], *named_at]
            done = end
    if not out:
        return spelled, origin
    return "".join([*out, spelled[done:]]), (*mapped, *origin[done:])


def _dropped_name(sentence: str, claims: ClaimList) -> int | None:
    """Where, in ``sentence`` (after a question about a disease), the disease its
    language leaves unsaid is read: at its first word, if the sentence names neither
    a subject nor an object (none of `ClaimList.dropped`: 当院の細胞治療で治ります,
    our cell therapy cures [it]) nor a disease of its own; None where it does (傷は数日で
    治ります, a wound heals in days) or the language writes its pronouns."""
    if not claims.dropped or not sentence.strip():
        return None
    if any(word in sentence for word in claims.dropped):
        return None
    if _conditions_pattern(claims.conditions, False).search(sentence):
        return None
    return len(sentence) - len(sentence.lstrip())


def _named_as(pronoun: str, condition: str, claims: ClaimList) -> str:
    """What ``pronoun`` reads as where it names ``condition``: the condition, after the
    word the pronoun is joined to, if any (`ClaimList.pronoun_hosts`: عليه is على
    السكري), so a claim that holds that word ("تقضي على") is found as written out."""
    host = next((h for form, h in claims.pronoun_hosts if form == pronoun.casefold()), "")
    return f"{host} {condition}" if host else condition


def _condition_asked(question: str, claims: ClaimList) -> tuple[str, bool] | None:
    """The condition ``question`` asks about, as written, and whether the question
    says more than it (`_owned_pattern`); None where it asks of no one condition."""
    language = profile(claims.lang)
    spaced = language.word_spaces
    stops = "".join(c for c in language.sentence_ends if not c.isascii())
    alone = _asked_pattern(
        claims.conditions, claims.asks, claims.asks_end, claims.question_ends, spaced, stops
    ).fullmatch(question)
    if alone is not None:
        return alone.group("name"), False
    if not claims.owners or not _is_question(question, claims):
        return None
    owned = _owned_pattern(claims.conditions, claims.owners, spaced)
    found = [m for m in owned.finditer(question) if m.group("name") or m.group("named")]
    named = _conditions_pattern(claims.conditions, spaced).findall(question)
    if len(found) != 1 or len(named) != 1:
        return None  # two diseases, or none the reader's own: "it" names no one
    return found[0].group("name") or found[0].group("named"), True


#: How many phrases a question typed with a space between its words may take (Khmer
#: តើ អ្នក មាន ជំងឺ ទឹកនោមផ្អែម ទេ?, "do you have diabetes?", takes six).
_QUESTION_PHRASES = 8


def _asked_by(
    units: list[tuple[int, str]], n: int, spelled: str, claims: ClaimList
) -> tuple[str, bool] | None:
    """`_condition_asked` of the question that ends with ``units[n]``. Where a space
    ends a phrase (Thai, Khmer), a writer may space a question's words too (เป็น
    เบาหวาน ไหม?, "have diabetes?"): no phrase of it asks alone, so the phrases before
    it are read with it as the language writes them, unspaced, back to one that ends
    in a mark (another sentence or question)."""
    asking = _condition_asked(units[n][1], claims)
    if asking is not None or profile(claims.lang).claim_sentences != "phrases":
        return asking
    question = units[n][1]
    for m in range(n - 1, max(-1, n - _QUESTION_PHRASES), -1):
        at, phrase = units[m]
        after = spelled[at + len(phrase) : units[m + 1][0]] if at >= 0 else "?"
        if after.strip() or phrase.rstrip().endswith(tuple(_QUESTION_MARKS)):
            return None  # a mark ends it: the question ended, or another was asked
        question = phrase + question
        asking = _condition_asked(question, claims)
        if asking is not None:
            return asking
    return None


def _answer_after(units: list[tuple[int, str]], claims: ClaimList) -> tuple[int, str]:
    """The first of ``units`` (after a question) that is not a bare reply ("Yes.")."""
    for at, unit in units[:-1]:
        bare = unit.strip().rstrip(".!,\u3002\uff01\u104a\u104b").strip().casefold()
        if bare not in claims.replies:
            return at, unit
    return units[-1]


def _after_subject(before: str, claims: ClaimList) -> bool:
    """Whether a pronoun after ``before`` (its sentence so far) follows a subject and
    its verb, not an opening gerund or command: "Stopping it helps" after "Is stress
    bad for your arthritis?" stops the stress. Where words are not spaced, any word
    before the pronoun will do."""
    if not profile(claims.lang).word_spaces:
        return bool(before.strip())
    return len(before.split()) >= 2


@lru_cache(maxsize=16)
def _conditions_pattern(conditions: tuple[str, ...], spaced: bool) -> re.Pattern[str]:
    """Any one of ``conditions``, on word boundaries where words are spaced."""
    edge, end = (rf"(?<!{WORD_CHAR})", rf"(?!{WORD_CHAR})") if spaced else ("", "")
    return re.compile(f"{edge}(?:{_alternatives(conditions, spaced)}){end}", re.IGNORECASE)


def _alternatives(words: tuple[str, ...], spaced: bool) -> str:
    """An alternation of ``words``, longest first, each word's spaces matching any run
    of blanks (where words are not spaced, none too)."""
    gap = r"\s+" if spaced else r"\s*"
    return "|".join(gap.join(map(re.escape, w.split())) for w in longest_first(words))


@lru_cache(maxsize=16)
def _owned_pattern(
    conditions: tuple[str, ...], owners: tuple[str, ...], spaced: bool
) -> re.Pattern[str]:
    """One of ``conditions`` (group ``name`` or ``named``) with one of ``owners`` right
    before it ("your arthritis", 我的关节炎) or after it (ข้อเข่าเสื่อมของคุณ, "viêm
    khớp của bạn"). Compiled once a list."""
    edge, end = (rf"(?<!{WORD_CHAR})", rf"(?!{WORD_CHAR})") if spaced else ("", "")
    gap = r"\s+" if spaced else r"\s*"
    owner, name = _alternatives(owners, spaced), _alternatives(conditions, spaced)
    return re.compile(
        f"{edge}(?:{owner}){gap}(?P<name>{name}){end}|{edge}(?P<named>{name}){gap}(?:{owner}){end}",
        re.IGNORECASE,
    )


#: What ends a question: ? in Latin, Chinese and Arabic script.
_QUESTION_MARKS = "?\uff1f\u061f"


def _may_ask(spelled: str, claims: ClaimList) -> bool:
    """Whether ``spelled`` may hold a question `_named_again` reads: a question mark,
    or a word that ends a question without one (Thai ไหม). Most texts hold neither."""
    return any(mark in spelled for mark in _QUESTION_MARKS) or any(
        word in spelled for word in claims.question_ends
    )


def _units(spelled: str, lang: str) -> list[tuple[int, str]]:
    """(offset, text) of the sentences of ``spelled``, or, where a space ends a phrase
    (Thai), of its phrases: a Thai question ends at its space, "?" or not."""
    language = profile(lang)
    if language.claim_sentences != "phrases":
        return _split_questions(sentences(spelled, lang), language.sentence_ends)
    breaks = list(_phrase_end(language.sentence_ends).finditer(spelled))
    starts = [0, *(m.end() for m in breaks)]
    ends = [*(m.start() for m in breaks), len(spelled)]
    return [(a, spelled[a:b]) for a, b in zip(starts, ends, strict=True)]


def _split_questions(units: list[tuple[int, str]], ends: str) -> list[tuple[int, str]]:
    """``units``, each also ended after a question mark where none of the language's
    sentence ``ends`` is one: Burmese ends a question with ။, but a writer whose
    keyboard has "?" ends it so (ဆီးချိုရောဂါ ရှိပါသလား? …), and the next sentence is
    its answer all the same. Japanese ends one with ？, and a half-width "?" just as
    often (関節炎ですか?幹細胞で治せます。): each mark the language's ends lack splits."""
    typed = "".join(mark for mark in _QUESTION_MARKS if mark not in ends)
    if not typed:
        return units
    end = _question_end(typed)
    split: list[tuple[int, str]] = []
    for at, unit in units:
        starts = [0, *(m.end() for m in end.finditer(unit) if m.end() < len(unit))]
        split += [(at + a, unit[a:b].rstrip()) for a, b in itertools.pairwise([*starts, len(unit)])]
    return split


@lru_cache(maxsize=8)
def _question_end(marks: str) -> re.Pattern[str]:
    """One of ``marks`` and the blanks after it: where `_split_questions` ends a unit."""
    return re.compile(rf"[{re.escape(marks)}]\s*")


@lru_cache(maxsize=16)
def _asked_pattern(
    conditions: tuple[str, ...],
    asks: tuple[str, ...],
    ends: tuple[str, ...],
    question_ends: tuple[str, ...],
    spaced: bool,
    stops: str = "",
) -> re.Pattern[str]:
    """A whole question about one of ``conditions`` (its group ``name``): one of
    ``asks`` may open it, one of ``ends`` close it, and a question mark end it, or,
    without one, a word of ``question_ends``, after one of ``ends`` too, and one of the
    script's own ``stops`` (Burmese ဆီးချို ရှိပါသလား။, "do you have diabetes?": its
    verb ရှိပါ, "have", and its question word သလား before ။). Compiled once a list."""
    gap = r"\s+" if spaced else r"\s*"

    def any_of(words: tuple[str, ...]) -> str:
        return _alternatives(words, spaced)

    ask = rf"(?:(?:{any_of(asks)}){gap})?" if asks else ""
    end = rf"(?:{gap}(?:{any_of(ends + question_ends)}))?" if ends + question_ends else ""
    mark = rf"\s*[{_QUESTION_MARKS}]"
    verb = rf"(?:{gap}(?:{any_of(ends)}))?" if ends else ""
    # The script's own end mark, or a question mark typed in its place (ရှိပါသလား?).
    stop = rf"\s*[{re.escape(stops)}{_QUESTION_MARKS}]?" if stops else ""
    closing = (
        rf"{end}{mark}|{verb}{gap}(?:{any_of(question_ends)}){stop}"
        if question_ends
        else f"{end}{mark}"
    )
    return re.compile(
        rf"\s*{ask}(?P<name>{any_of(conditions)})(?:{closing}){_CLOSERS}", re.IGNORECASE
    )


def _pronoun_cuts(
    text: str, origin: tuple[int, ...], claims: ClaimList, project: Project | None
) -> set[int] | None:
    """Where a word starts or ends in the one spelling of ``text``, where the segmenter
    finds words (Thai มัน "it" is no pronoun inside ไขมัน "fat", Khmer វា none inside
    សេវា "service", though Khmer claims match anywhere); None where words are spaced or
    pronouns are matched anywhere (Chinese: its `not_cues` hold 其它, "other")."""
    language = profile(claims.lang)
    if language.word_spaces or language.pronoun_match != "words":
        return None
    written = boundaries(text, project, claims.lang)
    return {j for j, i in enumerate(origin) if i in written} | {len(origin)}


def _naming_pronouns(
    spelled: str, start: int, stop: int, claims: ClaimList, cuts: set[int] | None
) -> list[tuple[int, int]]:
    """The pronouns from ``start`` to ``stop`` of ``spelled`` (one sentence) that name
    the condition asked about before it: the one that opens it, the subject ("It goes
    away"), and the first after a word, the object ("Our cells remove it"), so that
    "It is time to get rid of it" names it twice. Not a pronoun inside another word
    (`ClaimList.not_cues`)."""
    sentence = spelled[:start] + _mask_words(spelled[start:stop], claims)
    find = _spaced_find if profile(claims.lang).word_spaces else _unspaced_finder(cuts)
    found: list[tuple[int, int]] = []
    for at, end in sorted(find(sentence, claims.pronouns, start), key=lambda s: (s[0], -s[1])):
        if (found and at < found[-1][1]) or (cuts is not None and end not in cuts):
            continue  # inside the one found (它 in 它们), or a word's start (มันสมอง)
        found.append((at, end))
        if re.search(WORD_CHAR, spelled[start:at]):
            break  # the object: the subject, if any, is found already
    return found


def _denied_after_report(
    text: str, sentence_start: int, start: int, end: int, claims: ClaimList
) -> bool:
    """Whether the claim from ``start`` to ``end`` of ``text`` (in one spelling) is
    what others say, denied right after: a word of `ClaimList.reports` before it in its
    sentence, not in the leaflet's own voice, and a denial (`ClaimList.denials`,
    `ClaimList.verdicts`) that makes the whole of the next clause or sentence, but for
    a few words before it and what it denies after it (`ClaimList.denial_objects`):
    "Some clinics say their cells cure arthritis. There is no good evidence for
    this." Both are needed: "Our cells cure arthritis; there is no good evidence for
    this" is said in the leaflet's own voice, and "There is no evidence that they harm"
    denies something else."""
    denials = claims.denials + claims.verdicts
    if not denials or not _reported(text[sentence_start:start], claims):
        return False
    following = _next_clause(text, end, claims)
    spaced = profile(claims.lang).word_spaces
    lead = claims.after_window if spaced else UNSPACED_DENIAL_LEAD
    pattern = _denial_pattern(denials, claims.denial_objects, spaced, lead)
    return following is not None and pattern.fullmatch(following) is not None


#: How many characters may open a clause before its denial where words are not spaced
#: (แต่ "but", ซึ่ง "which", 这 "this", 但是 "but").
UNSPACED_DENIAL_LEAD = 12


def _reported(before: str, claims: ClaimList) -> bool:
    """Whether ``before``, the claim's sentence up to it, reports it: a word of
    `ClaimList.reports` in the claim's clause (after the last ; and contrast), not in
    the leaflet's own voice ("Some clinics say …", not "We say …")."""
    find = _finder(claims)
    lo = max([_last_turn(before, claims, find), *(m.end() for m in _CLAUSE_BREAK.finditer(before))])
    return any(not _voiced(before, at, claims, find) for at, _ in find(before, claims.reports, lo))


#: What ends the clause a denial is read in: ; . ! ? and their CJK and Arabic forms.
#: (The Devanagari danda । and double danda ॥ are Hindi's full stops.)
_DENIAL_CLAUSE_END = re.compile(r"[;.!?\uff1b\u3002\uff01\uff1f\u061b\u061f\u0964\u0965]")
#: What ends a claim's clause before the clause after it: the marks above, a comma or a
#: dash (, ، ， 、 – —).
_CLAIM_CLAUSE_END = re.compile(
    r"[;.!?,\uff1b\u3002\uff01\uff1f\u061b\u061f\u0964\u0965\u060c\uff0c\u3001\u2013\u2014]"
)


def _next_clause(text: str, end: int, claims: ClaimList) -> str | None:
    """The clause or sentence after the one of the claim ending at ``end``: after the
    next clause mark (or, where a space ends a phrase, the next phrase), to the end of
    its clause; None when the text ends first."""
    if profile(claims.lang).claim_sentences == "phrases":
        phrases = _phrase_end(profile(claims.lang).sentence_ends)
        brk = phrases.search(text, end)
        if brk is None:
            return None
        stop = phrases.search(text, brk.end())
        return text[brk.end() : stop.start() if stop else len(text)]
    brk = _CLAIM_CLAUSE_END.search(text, end)
    if brk is None:
        return None
    rest = text[brk.end() :]
    stop = _DENIAL_CLAUSE_END.search(rest)
    return rest[: stop.end() if stop else len(rest)]


@lru_cache(maxsize=16)
def _denial_pattern(
    denials: tuple[str, ...], objects: tuple[str, ...], spaced: bool, lead: int
) -> re.Pattern[str]:
    """A whole clause that is a denial (`_denied_after_report`): at most ``lead`` words
    (characters where words are not ``spaced``) before one of ``denials``, then at most
    one of ``objects``, closing marks and a mark that ends it."""

    def any_of(words: tuple[str, ...]) -> str:
        return "|".join(
            r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True)
        )

    before = rf"(?:{WORD_RUN}[^\w{WORD_MARKS}]+){{0,{lead}}}" if spaced else rf".{{0,{lead}}}?"
    after = rf"(?:\s*(?:{any_of(objects)}))?" if objects else ""
    closing = (
        _CLOSERS + r"(?:[.!?;\u3002\uff01\uff1f\uff1b\u061b\u061f\u0964\u0965]" + _CLOSERS + ")?"
    )
    return re.compile(
        rf"\W*{before}(?:{any_of(denials)}){after}{closing}", re.IGNORECASE | re.DOTALL
    )


def _past_fact(before: str, claims: ClaimList) -> bool:
    """Whether ``before``, the text ahead of a claim's sentence, has turned from a myth
    to the facts (`ClaimList.facts`): under a "Myth" title, "Stem cells are unsafe.
    Fact: this is false. Stem cells regrow cartilage." states the regrowth as true."""
    find = _finder(claims)
    return _last_turn(before, dataclasses.replace(claims, contrasts=claims.facts), find) > 0


def _last_turn(text: str, claims: ClaimList, find: Find) -> int:
    """Where the last contrast or fact (`ClaimList.contrasts`) in ``text`` ends, 0 when
    none is there. One inside a warning word is no turn but the warning's own word:
    Vietnamese "sai sự thật" (untrue) holds "sự thật" (the truth), and "Cẩn thận với
    quảng cáo sai sự thật rằng …" still warns of what follows."""
    cues = list(find(text, claims.cues_before, 0))
    return max(
        (
            end
            for start, end in find(text, claims.contrasts, 0)
            if not any(lo <= start and end <= hi for lo, hi in cues)
        ),
        default=0,
    )


#: How far after a claim's verb (characters) a relative ending may stand (Burmese
#: ပျောက်ကင်း|စေမည့်, "that will cure").
RELATIVE_END_REACH = 12


def _warned_after(
    text: str, sentence_start: int, start: int, end: int, claims: ClaimList, project: Project | None
) -> bool:
    """Whether the claim from ``start`` to ``end`` of ``text`` (in one spelling) is in a
    relative clause that a warning after it is said of, where the language names what
    it warns of first (Thai, Lao, Khmer, Burmese): "คลินิกใดที่รับประกันผล ควรระวัง"
    (any clinic that guarantees results: be wary), "ရလဒ်ကို အာမခံမည့် ဆေးခန်းများကို
    သတိထားပါ". The claim must follow a word of `ClaimList.relatives` in its phrase (or
    be followed by one of `ClaimList.relative_ends`), and the warning
    (`ClaimList.warnings_after`) must close its clause, but for `ClaimList.particles`:
    a warning with an object of its own ("ควรระวังการติดเชื้อ", watch for infection)
    warns of that, and one after a claim in no relative clause ("รักษาหายขาด ควรระวัง",
    cures completely; be careful) warns of nothing the claim says."""
    if not claims.warnings_after:
        return False
    language = profile(claims.lang)
    clause = _clause_after(text, end, language)
    if clause is None:
        return False
    if not any(word in text[end:clause] for word in claims.warnings_after):
        return False  # most claims: no warning after them to weigh
    # One reading of the segmenter over the claim's sentence and what follows it.
    region = text[sentence_start:clause]
    start, end = start - sentence_start, end - sentence_start
    segmented = language.claim_match == "words"
    find = _unspaced_finder(boundaries(region, project, claims.lang) if segmented else None)
    if not (_relative_before(region[:start], claims, find) or _relative_after(region, end, claims)):
        return False
    # "but", "and" after the claim: the warning is of another clause.
    if next(find(region, claims.contrasts + claims.clause_words, end), None) is not None:
        return False
    # Where spaces end phrases, the warning ends the claim's phrase or is the next.
    phrased = language.claim_sentences == "phrases"
    own = _phrase_end(language.sentence_ends).search(region, end) if phrased else None
    return any(
        (own is None or at < own.start() or at == own.end())
        and _only_particles(region[stop:], claims)
        for at, stop in find(region, claims.warnings_after, end)
    )


def _clause_after(text: str, end: int, language: LanguageProfile) -> int | None:
    """Where the clause a warning after the claim ending at ``end`` may close ends:
    where spaces end phrases, the end of the phrase after the claim's; else the next
    clause or sentence mark (Burmese ၊ ။). None for a language whose warnings come
    before what they warn of."""
    if language.claim_sentences == "phrases":
        breaks = list(itertools.islice(_phrase_end(language.sentence_ends).finditer(text, end), 2))
        if breaks and not breaks[0].group()[0].isspace():
            return breaks[0].start()  # a sentence mark (Khmer ។) ends the claim's phrase
        return breaks[1].start() if len(breaks) > 1 else len(text)
    if language.claim_sentences == "marks":
        stops = (
            m.start()
            for m in (_UNSPACED_CLAUSE_END.search(text, end), _SENTENCE_MARK.search(text, end))
            if m
        )
        return min(stops, default=len(text))
    return None


#: A sentence mark where a claim's sentence runs between marks (Burmese ။).
_SENTENCE_MARK = re.compile("[\u104b.!?]")


def _relative_before(before: str, claims: ClaimList, find: Find) -> bool:
    """Whether a word of `ClaimList.relatives` ("that") opens the claim's clause in its
    phrase (``before`` is the sentence up to the claim), with no clause word between:
    คลินิกใดที่รับประกันผล."""
    if not claims.relatives:
        return False
    lo = max(_phrase_start(before, claims), _clause_start(before, claims, find))
    return next(find(before, claims.relatives, lo), None) is not None


def _relative_after(text: str, end: int, claims: ClaimList) -> bool:
    """Whether one of `ClaimList.relative_ends` ends the claim's verb, close after it and
    before a space: Burmese ပျောက်ကင်း|စေမည့် (that will cure)."""
    word = text[end : end + RELATIVE_END_REACH].split(maxsplit=1)
    return bool(word) and any(ending in word[0] for ending in claims.relative_ends)


def _only_particles(rest: str, claims: ClaimList) -> bool:
    """Whether ``rest``, what follows a warning to its clause's end, is only
    `ClaimList.particles`, spaces and sentence marks: "ควรระวังไว้นะคะ" closes on the
    warning, "ควรระวังการติดเชื้อ" (watch for infection) names what it warns of."""
    return _particles(claims.particles).fullmatch(rest) is not None


@lru_cache(maxsize=16)
def _particles(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any run of ``words`` (longest first), spaces and sentence marks."""
    alternatives = [re.escape(w) for w in longest_first(words)]
    return re.compile(f"(?:{'|'.join([*alternatives, _CLOSING_MARKS])})*")


#: Spaces and marks that may close a warning after a claim.
_CLOSING_MARKS = "[\\s.!\u104a\u104b\u17d4\u17d5]"


def _occurrences(
    text: str, spelled: str, origin: tuple[int, ...], claims: ClaimList, project: Project | None
) -> list[tuple[Claim, int, int]]:
    """Each claim in ``spelled`` (``text`` in one spelling, ``origin`` its offsets there)."""
    language = profile(claims.lang)
    if not _may_hold(spelled, claims.every_form, language):
        return []  # most texts: no claim's form nor part, so no word to segment either
    segmented = language.claim_match == "words" and not language.word_spaces
    cuts = None
    if segmented:  # the segmenter reads the text as written
        written = boundaries(text, project, claims.lang)
        cuts = {j for j, i in enumerate(origin) if i in written}
        cuts |= _denial_starts(spelled, claims, language, cuts)
    hits: list[tuple[Claim, int, int]] = []
    for claim in claims.claims:
        if claim.parts:
            hits.extend((claim, s, e) for s, e in _together(spelled, claim, claims, cuts))
        found = _find_forms(spelled, claim.forms, language, cuts, claims.split_tails)
        if found:
            covered = _unless(spelled, claim, language, cuts)
            hits.extend((claim, s, e) for s, e in found if not covered.holds(s, e))
    hits.sort(key=lambda h: (h[1], -(h[2] - h[1])))
    kept: list[tuple[Claim, int, int]] = []
    for hit in hits:
        if not kept or hit[1] >= kept[-1][2]:
            kept.append(hit)
    return kept


def _together(
    text: str, claim: Claim, claims: ClaimList, cuts: set[int] | None
) -> list[tuple[int, int]]:
    """Where a claim in two parts (`Claim.parts`) is made: a form of each, in either
    order, with at most `Claim.within` words (characters, where words are not spaced)
    between them and nothing that ends their clause (`_one_clause`). Each part alone is
    no promise ("final results", "keep this leaflet forever"); together they are:
    "get rid of arthritis forever", تعالج مرضك نهائيا, 永远摆脱疼痛. A match runs
    from the first part to the second, so the cues around it are weighed as for a phrase.
    """
    language = profile(claims.lang)
    found = []
    for part in claim.parts:  # most texts hold no form of a part: nothing more to read
        spans = set(_find_forms(text, part, language, cuts))
        if not spans:
            return []
        found.append(spans)
    covered = _unless(text, claim, language, cuts)
    first, second = (sorted(span for span in spans if not covered.holds(*span)) for spans in found)
    if not first or not second:
        return []
    by_start = second
    by_end = sorted(second, key=lambda span: span[1])
    starts = [s for s, _ in by_start]
    ends = [e for _, e in by_end]
    nearest: dict[tuple[int, int], tuple[int, int, int]] = {}  # second part: gap, span
    for start, end in first:
        # The nearest second part after the first and before it: a farther one has
        # all that stands between the nearest and the first between them too.
        after = bisect_left(starts, end)
        before = bisect_right(ends, start) - 1
        near = [by_start[after]] if after < len(by_start) else []
        near += [by_end[before]] if before >= 0 and not claim.ordered else []
        for other_start, other_end in near:
            lo, hi = (end, other_start) if other_start >= end else (other_end, start)
            # No word is longer than this: a hostile "treat treat … forever" is not
            # read again for each "treat".
            if hi - lo > claim.within * PART_WORD_REACH:
                continue
            gap = _without_aside(text[lo:hi], claim, claims)
            if gap is None:
                first_at, last_at = min(start, other_start), max(end, other_end)
                gap = _without_afterthought(text, lo, hi, first_at, last_at, claim, claims)
            if (
                _one_clause(gap, claim, claims)
                and not _advice(text[lo:hi], claim)
                and not _hedged(gap, claim)
                and not _hedged_before(text, min(start, other_start), claim, language)
                and not _hedged_after(text, max(end, other_end), claim, language)
                and not _everyday(text, start, other_end, claim, claims)
                and _done_by(text, min(start, other_start), claim, claims)
                and _right_after(text, max(end, other_end), claim.slowed, claims) is None
            ):
                # Each second part pairs with its nearest first: "treat treat pain
                # forever" is the claim "treat pain forever".
                kept = nearest.get((other_start, other_end))
                if kept is None or hi - lo < kept[0]:
                    span = min(start, other_start), max(end, other_end)
                    nearest[other_start, other_end] = (hi - lo, *span)
                break
    return sorted((start, end) for _, start, end in nearest.values())


#: An aside set off by a pair of the same mark: commas (, ،) or dashes (– — or a spaced
#: hyphen), with the words before and after it.
_ASIDE = re.compile(
    r"(?P<pre>[^,\u060c\u2013\u2014]*?)\s*(?P<mark>[,\u060c\u2013\u2014]|\s-\s)"
    r"(?P<aside>[^,\u060c\u2013\u2014]+?)\s*(?P=mark)\s*(?P<post>[^,\u060c\u2013\u2014]*)"
)


def _without_aside(gap: str, claim: Claim, claims: ClaimList) -> str | None:
    """``gap``, the text between the two parts of a claim where words are spaced,
    without an aside that parts a subject from its verb: "Our cells—without surgery—
    repair cartilage", "Our cells, taken from your own fat, repair your knee" promise
    as "Our cells repair" does. Only an aside right before the verb phrase, which opens
    with nothing but `ClaimList.auxiliaries` ("…, will repair"): in "Unlike stem cells,
    which are studied, surgery can repair the joint" the words after the pair start a
    clause of their own. An aside that warns ("Stem cells, some adverts claim, repair
    cartilage": `_warned`) is the gap's: it keeps its marks, and the parts two clauses.
    Only in an `ordered` claim, whose parts are a doer and its deed ("MSCs" … "repair");
    None when the gap holds no such aside."""
    if not claim.ordered or not profile(claims.lang).word_spaces:
        return None  # an unspaced language's comma ends a clause more often than not
    aside = _ASIDE.fullmatch(gap)
    if aside is None or _warned(aside["aside"], claims, _spaced_find):
        return None
    words = re.findall(WORD_RUN, aside["post"].casefold())
    if any(word not in claims.auxiliaries for word in words):
        return None
    return f"{aside['pre']} {aside['post']}"


def _advice(gap: str, claim: Claim) -> bool:
    """Whether ``gap``, all that stands between a claim's two parts, is a habit given
    up for good (`Claim.advice`): "say goodbye to smoking for good", ودع التدخين إلى
    الأبد and บอกลาบุหรี่ตลอดไป advise; "get rid of smoking-related pain forever"
    still promises."""
    return bool(claim.advice) and " ".join(gap.split()).casefold() in claim.advice


def _hedged(gap: str, claim: Claim) -> bool:
    """Whether a word of ``gap``, between a claim's two parts, is one of its `Claim.hedges`:
    "MSCs may repair cartilage" says what may happen, "MSC treatment to repair cartilage"
    what is aimed at; "MSCs will repair cartilage" promises it."""
    return bool(claim.hedges) and any(
        word in claim.hedges for word in re.findall(WORD_RUN, gap.casefold())
    )


#: How many characters before a claim's first part, where words are not spaced, one
#: of its `Claim.hedges` may stand and still make it a possibility (`_hedged_before`).
UNSPACED_HEDGE_REACH = 8


def _hedged_before(text: str, first: int, claim: Claim, language: LanguageProfile) -> bool:
    """Whether, where words are not spaced, one of the claim's `Claim.hedges` stands in
    its clause a few characters before its first part. Chinese puts the hedge before
    the verb and its object, where English puts it between the doer and the verb
    ("MSCs may repair"): MSC可能有助于修复受损组织 (MSCs may help repair damaged tissue)
    and MSC可能会帮助你自己的组织进行修复 (may help your own tissue with its repair) say
    what may happen, the wording the claim's own suggestion gives; 干细胞能修复受损组织
    (stem cells can repair damaged tissue) promises."""
    if not claim.hedges or language.word_spaces:
        return False
    lead = text[max(0, first - UNSPACED_HEDGE_REACH) : first]
    marks = [m.end() for m in _UNSPACED_CLAUSE_MARK.finditer(lead)]
    lead = lead[marks[-1] :] if marks else lead
    return any(hedge in lead for hedge in claim.hedges)


def _hedged_after(text: str, last: int, claim: Claim, language: LanguageProfile) -> bool:
    """Whether, where words are not spaced, one of the claim's `Claim.hedges_after`
    stands in its clause a few characters after its later part. Japanese puts the hedge
    after the verb: MSCは組織の修復を助ける可能性があります (MSCs may help the repair of
    tissue) is the wording the claim's suggestion gives; 幹細胞は軟骨を修復します (stem
    cells repair cartilage) promises, and so does a hedge in the next clause (軟骨を修復
    し、痛みを和らげる可能性があります)."""
    if not claim.hedges_after or language.word_spaces:
        return False
    tail = text[last : last + UNSPACED_HEDGE_REACH]
    mark = _UNSPACED_CLAUSE_MARK.search(tail)
    tail = tail[: mark.start()] if mark else tail
    return any(hedge in tail for hedge in claim.hedges_after)


def _everyday(text: str, doer: int, deed_end: int, claim: Claim, claims: ClaimList) -> bool:
    """Whether the claim whose doer starts at ``doer`` and whose deed ends at
    ``deed_end`` tells of the body's own everyday repair: a phrase of `Claim.everyday`
    right after the deed ("Your own cells repair small cuts every day",
    ร่างกายสร้างเนื้อเยื่อขึ้นมาใหม่ทุกวัน), placed nowhere the treatment targets
    (`Claim.everyday_where`: "small injuries in your knee", …ทุกวันหลังฉีดสเต็มเซลล์,
    after the injection), and no word of the leaflet's own voice before the doer ("Our
    cells repair small cuts" is the product's). "Your own cells repair your knee" names
    what it targets. A claim whose parts name no doer (`Claim.everyday_doers`) tells of
    it only with the body named right before it: สเต็มเซลล์สร้างเนื้อเยื่อขึ้นมาใหม่ทุกวัน
    (stem cells build tissue anew every day) is the product's."""
    find = _finder(claims)
    if not claim.everyday:
        return False
    if claim.everyday_doers:
        named = _named_before(text, doer, claim.everyday_doers)
        if named is None:
            return False
        doer = named
    if _voiced(text, doer, claims, find):
        return False
    thing = _right_after(text, deed_end, claim.everyday, claims)
    return thing is not None and _right_after(text, thing[1], claim.everyday_where, claims) is None


def _right_after(
    text: str, at: int, words: tuple[str, ...], claims: ClaimList
) -> tuple[int, int] | None:
    """Where the first of ``words`` after ``at`` stands, when only spaces come between;
    None when another word or a mark comes first ("small cuts, in time" places the
    cuts nowhere)."""
    if not words:
        return None
    found = next(_finder(claims)(text, words, at), None)
    return found if found is not None and not text[at : found[0]].strip() else None


#: How many words may stand between a claim's doer and its first part (`_done_by`):
#: "Our cells will not help stop arthritis".
DOER_GAP_WORDS = 3


def _done_by(text: str, start: int, claim: Claim, claims: ClaimList) -> bool:
    """Whether the claim whose first part starts at ``start`` of ``text`` is done by
    one of its `Claim.doers` (always, for a claim that names none): the product or its
    cells right before it, with at most a few `ClaimList.auxiliaries` and negations
    between ("Our cells can help stop arthritis"; "MSCs do not help stop …" is found,
    and denied). A hedge among them makes it a possibility ("Our cells may help stop
    arthritis"), and another doer no claim ("Exercise helps stop arthritis")."""
    if not claim.doers:
        return True
    reach = max(0, start - (DOER_GAP_WORDS + 1) * PART_WORD_REACH)  # a bounded look back
    named = list(_spaced_find(text[:start], claim.doers, reach))
    if not named:
        return False
    gap = text[named[-1][1] : start]
    words = re.findall(WORD_RUN, gap.casefold())
    if len(words) > DOER_GAP_WORDS or re.sub(rf"[\w'’\s{WORD_MARKS}]+", "", gap):
        return False
    allowed = {*claims.auxiliaries, *(w.casefold() for w in claims.negations)}
    return all(word in allowed and word not in claim.hedges for word in words)


def _named_before(text: str, at: int, doers: tuple[str, ...]) -> int | None:
    """Where the one of ``doers`` that ends right before ``at`` (but for spaces)
    starts, the longest; None when none does."""
    before = text[:at].rstrip()
    return next((len(before) - len(d) for d in doers if before.endswith(d)), None)


def _unless(text: str, claim: Claim, language: LanguageProfile, cuts: set[int] | None) -> _Covered:
    """Where ``text`` holds a phrase of `Claim.unless`: a form inside one is no claim."""
    return _Covered(_find_forms(text, claim.unless, language, cuts))


class _Covered:
    """Spans of a text (`Claim.unless` phrases), merged where they overlap: whether one
    holds a given span is a bisection, however many there are."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [start for start, _ in merged]
        self.ends = [end for _, end in merged]

    def holds(self, start: int, end: int) -> bool:
        index = bisect_right(self.starts, start) - 1
        return index >= 0 and end <= self.ends[index]


#: Quotation marks (not the apostrophes ' and ’, which are in words): an odd number
#: between the two parts of a claim leaves one inside a quotation and one outside.
_QUOTE_MARKS = re.compile('["\u201c\u201d\u201e\u00ab\u00bb\u300c\u300d\u300e\u300f]')

#: The most characters a word between the two parts of a claim is read as.
PART_WORD_REACH = 40

#: Punctuation that, between the two parts of a claim, puts them in two clauses:
#: . ! ? ; : , and their Arabic, CJK, Burmese (၊ ။) and Khmer (។ ៕) forms, and dashes.
_PARTS_BREAK = re.compile(
    "[.!?;:,\u060c\u061b\u061f\u2013\u2014\u3001\u3002\uff01\uff0c\uff1a\uff1b"
    "\uff1f\u104a\u104b\u17d4\u17d5]"
)


#: A pause that may add a part to the clause before it (`_without_afterthought`): a
#: comma (, ، ， 、 and the Burmese ၊), a dash, or a colon before a value ("Success
#: rate: 100%"), with the spaces around it.
_PAUSE = r"\s*[,:\u060c\uff0c\uff1a\u3001\u104a\u2013\u2014]\s*|\s+-\s+"
#: What may follow the later part of a claim added after a pause, for it to stand
#: alone to its clause's end: closing quotation marks or brackets, then a mark that
#: ends a clause, or the end of the text.
_CLAUSE_ENDS = (
    "[.!?;:,\u2026\u060c\u061b\u061f\u2013\u2014\u3001\u3002\uff01\uff0c"
    "\uff1a\uff1b\uff1f\u104a\u104b\u17d4\u17d5]"
)
_CLOSERS = "[\\s\"'\u201d\u2019\u00bb)\\]\uff09\u300d\u300f]*"
_OPENERS = "[\\s\"'\u201c\u2018\u00ab(\\[\uff08\u300c\u300e]*"


#: How far before a claim's earlier part `_without_afterthought` looks for its clause's
#: start (opening quotation marks and spaces).
AFTERTHOUGHT_REACH = 64


@lru_cache(maxsize=4)
def _afterthought_patterns(spaces_end_phrases: bool) -> tuple[re.Pattern[str], ...]:
    """The pause that ends a gap, the one that starts it, what may follow a later part
    alone in its clause, and what may come before an earlier one. Where a space ends a
    phrase (Thai, Lao, Khmer), a space is a pause, and ends a clause."""
    pause = f"(?:{_PAUSE}|\\s+)" if spaces_end_phrases else f"(?:{_PAUSE})"
    end = f"(?:{_CLAUSE_ENDS}|\\s|\\Z)" if spaces_end_phrases else f"(?:{_CLAUSE_ENDS}|\\Z)"
    start = f"(?:\\A|{_CLAUSE_ENDS}|\\s)" if spaces_end_phrases else f"(?:\\A|{_CLAUSE_ENDS})"
    return (
        re.compile(f"{pause}\\Z"),
        re.compile(f"\\A{pause}"),
        re.compile(f"{_CLOSERS}{end}"),
        re.compile(f"{start}{_OPENERS}\\Z"),
    )


def _without_afterthought(
    text: str, lo: int, hi: int, first: int, last: int, claim: Claim, claims: ClaimList
) -> str:
    """The gap ``text[lo:hi]`` between the two parts of a claim (the earlier starting
    at ``first``, the later ending at ``last``), without the pause that adds one part
    to the other's clause: a comma or dash (or, where a space ends a phrase, a space)
    right before the later part when it stands alone to its clause's end ("frees you
    from pain, forever."; บอกลาอาการปวดเข่า ตลอดไป; 摆脱疼痛，永远。), or right after
    the earlier part when it stands alone from its clause's start ("Forever, free
    from pain"). A part with words of its own after the pause is a clause of its own:
    "Ice eases pain, permanently stopping sport is rarely needed". A part said again
    (`_echoed`: "forever and ever", 永远永远) still stands alone."""
    gap = text[lo:hi]
    language = profile(claims.lang)
    phrases = language.claim_sentences == "phrases"
    ending, opening, alone_after, alone_before = _afterthought_patterns(phrases)
    joiner = " " if language.word_spaces else ""
    pause = ending.search(gap)
    if pause and alone_after.match(text, _echoed(text, last, claim, language)):
        return gap[: pause.start()] + joiner
    said_again = min(_echoed(text, lo, claim, language), hi) - lo
    pause = opening.match(gap[said_again:])
    # A bounded look back: a paragraph of many parts is still read in linear time.
    if pause and alone_before.search(text, max(0, first - AFTERTHOUGHT_REACH), first):
        return joiner + gap[said_again + pause.end() :]
    return gap


#: How many sayings-again of a part `_echoed` passes ("forever and ever and always").
ECHOES_READ = 3


def _echoed(text: str, at: int, claim: Claim, language: LanguageProfile) -> int:
    """Where what follows ``at``, the end of a part of ``claim``, ends once every
    saying-again of it is passed: a phrase of `Claim.echoes` ("and ever", "and
    always", และตลอดกาล) or a form of a part again (永远永远), each after spaces or
    none. "Get rid of pain, forever and ever." adds the permanence as an afterthought
    as "…, forever." does."""
    forms = claim.echoes + tuple(form for part in claim.parts for form in part)
    anywhere = language.claim_match == "text"
    # A bounded number: a hostile "forever forever …" is not read again for each part.
    for _ in range(ECHOES_READ):
        start = at + (len(text[at:]) - len(text[at:].lstrip()))
        for form in forms:
            pattern = (
                _spaced_pattern(form, language.tag)
                if language.word_spaces
                else _unspaced_pattern(form, anywhere, "" if anywhere else language.tag)
            )
            found = pattern.match(text if language.word_spaces else _gaps_folded(text), start)
            if found and found.end() > start:
                at = found.end()
                break
        else:
            return at
    return at


def _one_clause(gap: str, claim: Claim, claims: ClaimList) -> bool:
    """Whether ``gap``, the text between the two parts of a claim, keeps them one claim:
    short enough (`Claim.within`), with no clause-ending mark, no contrast ("eases pain,
    but the damage stays forever"), no "or" (`ClaimList.alternatives`: "the numbness
    may go away or be permanent"), no negation ("eases pain, not forever") and no
    quotation mark that opens or closes between them. Where a space ends a phrase
    (Thai, Lao, Khmer), a space between the parts puts them in two phrases."""
    if _PARTS_BREAK.search(gap) or len(_QUOTE_MARKS.findall(gap)) % 2:
        return False  # another clause, or one part quoted and the other not
    language = profile(claims.lang)
    words = claims.negations + claims.cues_after + claims.contrasts + claims.alternatives
    if language.word_spaces:
        if len(re.findall(WORD_RUN, gap)) > claim.within:
            return False
        return next(_spaced_find(gap, words, 0), None) is None
    if len(gap) > claim.within:
        return False
    if language.claim_sentences == "phrases" and re.search(r"\s", gap):
        return False
    words += claims.joined_negations
    return next(_unspaced_finder(None)(gap, words, 0), None) is None


def _denial_starts(
    text: str, claims: ClaimList, language: LanguageProfile, cuts: set[int]
) -> set[int]:
    """Where a claim that opens with one of the list's negations (a promise of absence:
    Lao ບໍ່ມີຄວາມສ່ຽງ "no risk", Thai ไม่มีผลข้างเคียง "no side effects") starts, when
    it ends on a word boundary: a negation starts a word, whatever the segmenter says.
    ICU's Lao dictionary holds ຂາດບໍ່ມີ as one word, so in ຫາຍຂາດບໍ່ມີຄວາມສ່ຽງ (cured
    completely, no risk) neither the cure nor the "no risk" stood on a boundary."""
    return {
        start
        for start, end in _find_forms(text, claims.denial_forms, language, None)
        if end in cuts
    }


def _find_forms(
    text: str,
    forms: tuple[str, ...],
    language: LanguageProfile,
    cuts: set[int] | None,
    tails: tuple[str, ...] = (),
) -> list[tuple[int, int]]:
    """Where each of ``forms`` occurs (`_find`), form by form in their order. Every
    text is read for every form of every claim (some thousand a list); most texts
    hold none of a claim's forms, and one scan for any of them (`_may_hold`) says so
    at a fraction of the cost of one a form."""
    if not forms or not _may_hold(text, forms, language):
        return []
    return [span for form in forms for span in _find(text, form, language, cuts, tails)]


def _may_hold(text: str, forms: tuple[str, ...], language: LanguageProfile) -> bool:
    """Whether ``text`` may hold one of ``forms``: False only when `_find` finds none.
    Where words are spaced, one pattern of all their patterns (`_spaced_any`), with
    the same case folding: a prefilter of lower-cased letters would miss what
    ``re.IGNORECASE`` finds ("ſ" for "s", the Kelvin sign for "k")."""
    if not language.word_spaces:
        anywhere = language.claim_match == "text"
        lang = "" if anywhere else language.tag
        return _unspaced_any(forms, anywhere, lang).search(_gaps_folded(text)) is not None
    return bool(_spelled_out(text)) or _spaced_any(forms, language.tag).search(text) is not None


@lru_cache(maxsize=4096)
def _spaced_any(forms: tuple[str, ...], lang: str) -> re.Pattern[str]:
    """Any of ``forms`` on spaced word boundaries: it matches where a `_spaced_pattern`
    of one of them does, and nowhere else (`phrases_pattern`)."""
    return phrases_pattern(forms, _prefixes(lang), in_compounds=True)


def _find(
    text: str,
    form: str,
    language: LanguageProfile,
    cuts: set[int] | None,
    tails: tuple[str, ...] = (),
) -> list[tuple[int, int]]:
    """Where ``form`` occurs: on spaced word boundaries, on the segmenter's ``cuts``, or
    (``cuts`` None in an unspaced language) anywhere; split by a space, where a word of
    ``tails`` may follow it (`_one_word_apart`)."""
    if language.word_spaces:
        found = [(m.start(), m.end()) for m in _spaced_pattern(form, language.tag).finditer(text)]
        return found + _spelled_out_find(text, form) if _spelled_out(text) else found
    anywhere = language.claim_match == "text"
    lang = "" if anywhere else language.tag
    parts = _unspaced_parts(form, anywhere, lang)
    # Every match opens with its first piece (where words are cut by the segmenter, a
    # space may part that piece too: its first letter): most forms, most texts.
    lead = parts[0] if anywhere or not lang or parts[0].isascii() else parts[0][:1]
    if parts and lead not in text:
        return []
    return [
        (m.start(), m.end())
        for m in _unspaced_pattern(form, anywhere, lang).finditer(_gaps_folded(text))
        if cuts is None
        or (m.start() in cuts and m.end() in cuts and _one_word_apart(text, m, tails, cuts))
    ]


#: The most letters (marks not counted) of a claim's last piece after a space that is
#: read as the rest of the claim even where letters of its phrase follow it: a piece
#: of one syllable (ขาด, ຂາດ) starts a word of its phrase as readily (ขาดยา, "short of
#: medicine"; ຂາດນັດ, "missed the appointment"), so it is the claim's only where it
#: ends its phrase. A longer piece (ผลข้างเคียง, "side effects") is a word of its own.
SPLIT_PIECE_LETTERS = 3


def _one_word_apart(
    text: str, match: re.Match[str], tails: tuple[str, ...] = (), cuts: set[int] | None = None
) -> bool:
    """Whether a match of a claim in Thai or Lao that holds a space (or a line break:
    the page prints a folded YAML scalar's with one) is the claim read across it, not
    the end of one phrase and the start of the next. Thai and Lao end a phrase with a
    space, so "หาย ขาดยา" (recovered; short of medicine) and ອາການຫາຍ ຂາດນັດ (the
    symptoms are gone; missed the appointment) are two phrases; "ทำให้หาย ขาด" and
    หาย\nขาด are หายขาด (cured for good) split by a stray space or a line fold. A
    piece after the space longer than one syllable (`SPLIT_PIECE_LETTERS`) is a word
    of its own: "ไม่มี ผลข้างเคียงใดๆ" (no side effects whatsoever) still promises,
    and so does a piece followed by one of ``tails``, a word on the segmenter's
    ``cuts`` that goes on from a claim and starts none ("หาย ขาดได้", "หาย ขาดเลย")."""
    spaces = list(_SPACE_RUN.finditer(text, match.start(), match.end()))
    if not spaces or match.end() == len(text):
        return True
    after = text[match.end()]
    if not (after.isalpha() or unicodedata.category(after).startswith("M")):
        return True  # the piece ends its phrase
    end = match.end()
    if any(text.startswith(tail, end) and end + len(tail) in (cuts or ()) for tail in tails):
        return True
    piece = text[spaces[-1].end() : end]
    return sum(not unicodedata.category(c).startswith("M") for c in piece) > SPLIT_PIECE_LETTERS


_SPACE_RUN = re.compile(r"\s+")


#: Letters written one by one with the same mark between them ("c u r e", "c-u-r-e",
#: "c.u.r.e", "c*u*r*e", "C U R E"), three or more: a way past a list of words, as a
#: zero-width space inside one is (which `plain` removes).
_SPELLED_OUT = re.compile(
    r"(?<![^\W\d_])[^\W\d_](?P<mark>[\s.\-*_\u00b7\u2022]\s?)[^\W\d_]"
    r"(?:(?P=mark)[^\W\d_])+(?![^\W\d_])"
)


@lru_cache(maxsize=64)
def _spelled_out(text: str) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """Each run of letters written one by one in ``text`` (`_SPELLED_OUT`): its letters
    as one word, casefolded, and where each letter stands. Read once a text: every form
    of every claim asks."""
    runs = []
    for match in _SPELLED_OUT.finditer(text):
        at = tuple(match.start() + i for i, c in enumerate(match.group()) if c.isalpha())
        runs.append(("".join(text[i] for i in at).casefold(), at))
    return tuple(runs)


def _spelled_out_find(text: str, form: str) -> list[tuple[int, int]]:
    """Where ``form``, one word, is written letter by letter in ``text``: as a whole run,
    or as all of one but a first letter standing alone, an article ("a c u r e"). Not
    inside a longer run: "s e c u r e" is no "cure", nor "a b c" anything."""
    word = form.casefold()
    if len(word) < 3 or not word.isalpha():
        return []
    return [
        (at[lo], at[-1] + 1)
        for letters, at in _spelled_out(text)
        for lo in (0, 1)
        if letters[lo:] == word
    ]


@lru_cache(maxsize=4096)
def _spaced_pattern(form: str, lang: str) -> re.Pattern[str]:
    """``form`` on spaced word boundaries (`phrase_pattern`), built once: every text is
    read for every form of every claim, and two-part claims list many."""
    return phrase_pattern(form, _prefixes(lang), in_compounds=True)


@lru_cache(maxsize=4096)
def _unspaced_any(forms: tuple[str, ...], anywhere: bool, lang: str) -> re.Pattern[str]:
    """Any of ``forms`` where words are not spaced: it matches where an
    `_unspaced_pattern` of one of them does, on a word boundary or not, and nowhere
    else (their common start written once, `as_trie`)."""
    return re.compile(as_trie(_unspaced_atoms(form, anywhere, lang) for form in forms))


#: What may stand between two letters of a claim where words are not spaced: a space
#: or line break, and a hyphen or a middle dot, which no such script writes inside a
#: word and its reader reads past (หาย-ขาด, 治-愈, 完・治, ឱ្យជា-ដាច់, ပျောက်-ကင်း are
#: the claims; the page printed them and every check passed). The other hyphens and
#: middle dots are read as these two (`_gaps_folded`): a class holding a letter past
#: U+00FF costs Python's compiler a 64K-entry map at each of its hundreds of uses,
#: which made `check` two seconds slower where compiled patterns are not kept.
_UNSPACED_GAP = r"[\s\-\u00b7]*"
_GAP_FOLD = str.maketrans({"\u2010": "-", "\u2011": "-", "\u30fb": "\u00b7", "\u2027": "\u00b7"})
_WIDE_GAPS = frozenset("\u2010\u2011\u30fb\u2027")


def _gaps_folded(text: str) -> str:
    """``text`` with its hyphens and middle dots as `_UNSPACED_GAP` reads them, letter
    for letter, so a match's offsets are the text's own."""
    return text.translate(_GAP_FOLD) if not _WIDE_GAPS.isdisjoint(text) else text


def _unspaced_atoms(form: str, anywhere: bool, lang: str) -> list[str]:
    """`_unspaced_pattern` of ``form`` as regular-expression atoms: its letters, and
    the gaps (`_UNSPACED_GAP`) that may stand between its pieces."""
    atoms: list[str] = []
    for i, piece in enumerate(_unspaced_parts(form, anywhere, lang)):
        if i:
            atoms.append(_UNSPACED_GAP)
        if lang and not piece.isascii():
            # A space or line break inside one of the segmenter's words (หาย ขาด for
            # หายขาด), before any letter but a mark: `_one_word_apart` judges it.
            atoms += [
                re.escape(c)
                if k == 0 or unicodedata.category(c).startswith("M")
                else _UNSPACED_GAP + re.escape(c)
                for k, c in enumerate(piece)
            ]
        else:
            atoms += map(re.escape, piece)
    return atoms


@lru_cache(maxsize=1024)
def _unspaced_pattern(form: str, anywhere: bool = False, lang: str = "") -> re.Pattern[str]:
    """``form`` where words are not spaced: a space may stand or not between a word and
    a number, a Latin name or a sign ("ปลอดภัย 100%" is "ปลอดภัย100%" and
    "ปลอดภัย 100 %"; "FDA承認" is "FDA 承認"), as writers set them either way.

    ``anywhere`` (a phrase matched anywhere: Chinese, Japanese, Burmese, Khmer): a
    space may stand between any two of its letters too, as a space there is no word
    boundary (治　愈 letter-spaced; Burmese ပျောက် ကင်း spaced by syllable).

    ``lang`` (a phrase matched on the segmenter's words: Thai, Lao): a space may stand
    between two of its words, as a folded YAML scalar joins its lines with one, which
    the page prints ("ไม่มี ผลข้างเคียง", no | side effects, is still read as one)."""
    return re.compile("".join(_unspaced_atoms(form, anywhere, lang)))


@lru_cache(maxsize=4096)
def _unspaced_parts(form: str, anywhere: bool, lang: str) -> tuple[str, ...]:
    """The pieces of ``form`` that `_unspaced_pattern` allows a space between, each
    matched as written (so a text that holds no first piece holds no match)."""
    parts = _UNSPACED_PARTS.findall(form)
    if anywhere:
        return tuple(p for part in parts for p in ([part] if part.isascii() else list(part)))
    if lang:
        return tuple(
            w for part in parts for w in ([part] if part.isascii() else _words(part, lang))
        )
    return tuple(parts)


def _words(phrase: str, lang: str) -> list[str]:
    """The segmenter's words of ``phrase`` (in ``lang``, with no project word list)."""
    cuts = sorted(boundaries(phrase, None, lang))
    return [phrase[a:b] for a, b in itertools.pairwise(cuts) if a < b]


#: A word of Latin letters or digits, one ASCII sign, or a run of other letters.
_UNSPACED_PARTS = re.compile(r"[A-Za-z0-9]+|[!-/:-@\[-`{-~]|[^\sA-Za-z0-9!-/:-@\[-`{-~]+")


@lru_cache(maxsize=32)
def _prefixes(lang: str) -> tuple[str, ...]:
    return tuple(one_spelling(prefix, lang)[0] for prefix in profile(lang).word_prefixes)


#: The most text (characters) on either side of a claim that its sentence is read
#: for: no sentence is this long, and a hostile paragraph of one "sentence" holding
#: thousands of claims is judged in linear time.
SENTENCE_REACH = 1000


#: How many phrases joined by a continuation a claim's sentence reaches back over.
JOINED_PHRASES_READ = 4
#: Commas that end a phrase of a list, where spaces end phrases (Thai, Lao, Khmer).
_LIST_COMMAS = (",", "\u060c", "\uff0c", "\u3001")


class _Sentences:
    """The sentence around each claim of a text, split once: a paragraph can hold
    thousands of claims."""

    def __init__(
        self,
        text: str,
        lang: str,
        heads: tuple[str, ...] = (),
        continuations: tuple[str, ...] = (),
        alternatives: tuple[str, ...] = (),
    ) -> None:
        self.text = text
        language = profile(lang)
        self.phrases = language.claim_sentences == "phrases"
        if self.phrases:
            # Thai (like Lao and Khmer) marks phrase and sentence ends with a space; a
            # warning often sits in the phrase before the claim ("ระวังคลินิก
            # ที่อ้างว่า … หายขาด"), so a claim's sentence is its phrase and the one before.
            # A sentence-end mark of the script's own (Khmer ។) ends a phrase too; a
            # space beside a Latin name or a number may not (`_name_space`).
            breaks = [
                m
                for m in _phrase_end(language.sentence_ends).finditer(text)
                if not (m.group()[0].isspace() and _name_space(text, m.start(), m.end(), heads))
            ]
            self.starts = [0, *(m.end() for m in breaks)]
            self.spaces = [m.start() for m in breaks]
            # Phrases that start a sentence: the phrase before is not theirs.
            self.firsts = {m.end() for m in breaks if not m.group()[0].isspace()}
            # Phrases a word of `ClaimList.continuations` joins to the one before, as
            # `_phrase_start` reads them: "ความหวัง… คือ เซลล์ที่…" (the hope … is: cells
            # that …) is one sentence, and its phrase before is that one's too.
            # A comma before the space joins them too: it ends no sentence, and
            # "ລະວັງຄລີນິກທີ່ສັນຍາວ່າ ຈະໜຸ່ມຂຶ້ນ, ງອກໃໝ່ ຫຼື ຫາຍຂາດ" (beware of clinics
            # that promise youth, regrowth or a cure) reports its whole list.
            self.joined = {
                m.end()
                for m in breaks
                if m.group()[0].isspace()
                and (
                    text.endswith(_LIST_COMMAS, 0, m.start())
                    or any(
                        text.endswith(w, 0, m.start()) or text.startswith(w, m.end())
                        for w in continuations
                    )
                )
            }
            # Phrases that open with "or" (ឬ, ຫຼື, หรือ): the last item of a list whose
            # items a space alone may part ("សន្យាថា A B ឬ C", promises that A, B or C).
            self.ors = {
                m.end()
                for m in breaks
                if m.group()[0].isspace()
                and alternatives
                and text.startswith(alternatives, m.end())
            }
        else:
            # A "?" ends a sentence even where the script's own mark is another (。, ။):
            # "幹細胞で治りますか? はい。" asks, then answers.
            self.spans = _split_questions(sentences(text, lang), language.sentence_ends)
            self.starts = [start for start, _ in self.spans]

    def sentence(self, start: int, end: int) -> tuple[int, str]:
        """(offset, text) of the sentence of the claim from ``start`` to ``end``."""
        begin, stop = self._bounds(start, end)
        begin, stop = max(begin, start - SENTENCE_REACH), min(stop, end + SENTENCE_REACH)
        return begin, self.text[begin:stop]

    def _bounds(self, offset: int, end: int) -> tuple[int, int]:
        index = bisect_right(self.starts, offset) - 1
        if self.phrases:
            # A claim may hold a space ("ไม่มี ผลข้างเคียง"): its phrase ends after it.
            space = bisect_left(self.spaces, end)
            stop = self.spaces[space] if space < len(self.spaces) else len(self.text)
            own = index
            first = self.starts[index] in self.firsts
            index = self._joined_back(index if first else max(0, index - 1))
            # The last item of a list (after "or") reaches back to its first.
            if any(self.starts[k] in self.ors for k in range(index, own + 1)):
                index = self._joined_back(self._list_start(index))
            return self.starts[index], stop
        if index >= 0:
            start, sentence = self.spans[index]
            if offset < start + len(sentence):
                return start, start + len(sentence)
        return 0, len(self.text)

    def _joined_back(self, index: int) -> int:
        """The first of the phrases a continuation joins to the one at ``index``; a
        bounded walk, so a hostile run of "ที่ ที่ ที่ …" stays linear."""
        for _ in range(JOINED_PHRASES_READ):
            if index == 0 or self.starts[index] not in self.joined:
                break
            index -= 1
        return index

    def _list_start(self, index: int) -> int:
        """The first item of the list whose item before the last (after "or") is the
        phrase at ``index``: back over phrases a space alone parts, to one a
        continuation joins ("that": សន្យាថា A B ឬ C), within a few phrases; ``index``
        itself when none is found, so a list that no "that" opens stays two phrases."""
        for item in range(index, max(0, index - JOINED_PHRASES_READ), -1):
            if self.starts[item] in self.firsts:
                return index  # a sentence mark came first: not one list
            if self.starts[item] in self.joined:
                return item
        return index


@lru_cache(maxsize=16)
def _phrase_end(sentence_ends: str) -> re.Pattern[str]:
    """What ends a phrase where spaces end phrases: spaces, or a run of the script's own
    sentence-end marks (Khmer ។) and the spaces after it. ASCII marks do not: a Thai
    "อย. รับรอง" holds a full stop inside its phrase."""
    own = "".join(re.escape(c) for c in sentence_ends if not c.isascii())
    return re.compile(rf"[{own}]+\s*|\s+" if own else r"\s+")


def _mask(sentence: str, spans: list[tuple[int, int]]) -> str:
    """``sentence`` with the claims at ``spans`` (in order, not overlapping) blanked."""
    out, done = [], 0
    for start, end in spans:
        start, end = max(done, start), min(len(sentence), end)
        if start < end:
            out += [sentence[done:start], " " * (end - start)]
            done = end
    out.append(sentence[done:])
    return "".join(out)


def _finder(claims: ClaimList) -> Find:
    """How the list's cue words are found: on spaced word boundaries, or anywhere."""
    return _spaced_find if profile(claims.lang).word_spaces else _unspaced_finder(None)


def _mask_words(sentence: str, claims: ClaimList) -> str:
    """``sentence`` with the list's words that look like negations or warnings and are
    none blanked: `ClaimList.not_denials` ("not only"), `ClaimList.rhetorical` ("isn't
    it time", Thai รู้หรือไม่ "did you know") and `ClaimList.not_cues` (Thai สัญญาณ
    "signal", which a cue matched at the start of a word reads as สัญญา "promise")."""
    words = claims.not_denials + claims.rhetorical + claims.rhetorical_ends + claims.not_cues
    if not words:
        return sentence
    return _mask(sentence, list(_finder(claims)(sentence, words, 0)))


#: What a question ends with: ? in Latin, Chinese and Arabic script, then any closing
#: quotation marks or brackets.
_QUESTION = re.compile(r"[?\uff1f\u061f][”’\"')）」』]*\s*\Z")


def _is_question(sentence: str, claims: ClaimList) -> bool:
    if _QUESTION.search(sentence):
        return True
    ending = sentence.rstrip().rstrip(".!" + profile(claims.lang).sentence_ends)
    return any(ending.endswith(word) for word in claims.question_ends)


def _excused(
    sentence: str,
    start: int,
    end: int,
    claims: ClaimList,
    project: Project | None,
    asks: bool = False,
    joined: str = "",
    boastable: bool = False,
) -> bool:
    """Whether the claim from ``start`` to ``end`` of ``sentence`` is warned against,
    denied, or asked about (``asks``: its sentence is a question, and not one that
    asserts, "did you know"; ``boastable``: a deed a negative subject may be compared
    in, `BOASTED`)."""
    if asks:
        return True
    before, after = sentence[:start], sentence[end:]
    language = profile(claims.lang)
    if not language.word_spaces:
        segmented = language.claim_match == "words"
        cuts = boundaries(sentence, project, claims.lang) if segmented else None
        find = _unspaced_finder(cuts)
        phrased = language.claim_sentences == "phrases"
        phrase = _phrase_start(before, claims) if phrased else 0
        reach = _warning_reach(before, claims, find) if phrased else 0
        if _warned(before, claims, find, reach):
            return True
        boast = _unspaced_boast(sentence, start, end, claims, find) if boastable else []
        if not boast and _negated(before, claims, find, phrase):
            return True
        if claims.joined_negations and before.endswith(claims.joined_negations):
            return True  # Burmese မ + ပျောက်ကင်းစေ: "does not cure", written as one word
        window = min(len(sentence), end + UNSPACED_AFTER_WINDOW)
        stop_mark = _UNSPACED_CLAUSE_END.search(sentence, end)
        clause_end = stop_mark.start() if stop_mark else len(sentence)
        comma = _UNSPACED_COMMA.search(sentence, end, clause_end)
        if comma and not sentence[end : comma.start()].rstrip().endswith(claims.topics):
            # A comma after a finished clause ends it: "治愈关节炎，不会疼痛" (cures
            # arthritis, it does not hurt) promises; only a verdict on what was said
            # reaches past it ("治愈关节炎，这并没有科学依据", … this has no basis).
            if next(find(sentence[:window], claims.verdicts, comma.end()), None):
                return True
            clause_end = comma.start()
        return any(
            # A word of report (Burmese ဟု, "that … (is said)") reports the whole list
            # before it, past a ၊ and the window; a negation denies its own clause,
            # unless it is the negative subject of a boast (治療はありません).
            sentence[cue:stop] in claims.reports or stop <= min(window, clause_end)
            for cue, stop in find(sentence, claims.cues_after, end)
            if not any(lo <= cue < hi for lo, hi in boast)
        )
    if _warned(before, claims, _spaced_find, 0, joined):
        return True
    # A claim joined to "and" (Arabic ويشفي) starts a clause: no negation before it
    # reaches it.
    clause = after[: _clause_end(after, claims, _spaced_find)]
    if (
        joined not in claims.joined_clauses
        and _negated(before, claims, _spaced_find, 0)
        and not (boastable and _boasts(before, clause, claims))
    ):
        return True
    if claims.joined_negations and _joined_negation(claims.joined_negations).search(before):
        return True  # "non-curative": the claim is the second half of a denial
    if _judged_after(clause, claims):
        return True
    following = " ".join(re.findall(WORD_RUN, clause)[: claims.after_window])
    return any(phrase_pattern(cue).search(following) for cue in claims.cues_after)


def _judged_after(clause: str, claims: ClaimList) -> bool:
    """Whether a verdict (`ClaimList.verdicts`) ends what the claim says, in the rest
    of its ``clause``, where words are spaced: Vietnamese puts it last, past the
    `after_window`, "Tế bào gốc chữa khỏi mọi bệnh là sai sự thật" (that stem cells
    cure every disease is untrue). A clause word before it ("và", and) starts another
    statement, whose verdict judges only that one."""
    if not claims.verdicts:
        return False
    joined = next(_spaced_find(clause, claims.clause_words, 0), None)
    own = clause[: joined[0]] if joined else clause
    return next(_spaced_find(own, claims.verdicts, 0), None) is not None


def _boasts(before: str, clause: str, claims: ClaimList) -> bool:
    """Whether a negative subject before the claim (`ClaimList.negative_subjects`)
    is compared with something in the claim's ``clause`` after it (`ClaimList.boasts`):
    "Nothing cures arthritis like our cells", "No other treatment cures arthritis as
    well as ours" boast; "Nothing cures arthritis" denies."""
    if not claims.boasts or next(_spaced_find(clause, claims.boasts, 0), None) is None:
        return False
    return next(_spaced_find(before, claims.negative_subjects, 0), None) is not None


#: What a claim promises (`Claim.concept`) that a negative subject may be compared in:
#: a deed. "Nothing cures arthritis like our cells" boasts of a cure; "No treatment
#: has no side effects, like any medicine" and 没有任何疗法比手术更没有副作用 boast of
#: nothing, and deny.
BOASTED = ("cure", "regrowth", "ageing")


def _unspaced_boast(
    sentence: str, start: int, end: int, claims: ClaimList, find: Find
) -> list[tuple[int, int]]:
    """Where words are not spaced: the negative subjects (`ClaimList.negative_subjects`)
    of the claim from ``start`` to ``end`` of ``sentence`` when its clause compares
    them with something (`ClaimList.boasts`), else none. The comparison stands before
    the claim or after it: 没有任何疗法比干细胞更能治愈关节炎 (no therapy cures arthritis
    better than stem cells), ไม่มีการรักษาใดรักษาให้หายขาดได้ดีกว่า…, and in Japanese
    the subject comes after the claim: 幹細胞ほど関節炎を完治させる治療はありません. A
    denial that is no negative subject still denies the comparison under it:
    没有证据表明干细胞比手术更能治愈关節炎 (no evidence that … better than surgery)."""
    if not claims.boasts or not claims.negative_subjects:
        return []
    breaks = [m.end() for m in _UNSPACED_BREAK.finditer(sentence, 0, start)]
    lo = breaks[-1] if breaks else 0
    stop = _UNSPACED_BREAK.search(sentence, end)
    hi = stop.start() if stop else len(sentence)
    clause = sentence[:hi]
    subjects = [
        span
        for span in find(clause, claims.negative_subjects, lo)
        if span[1] <= start or span[0] >= end
    ]
    if not subjects:
        return []
    compared = any(
        b_end <= start or b_start >= end for b_start, b_end in find(clause, claims.boasts, lo)
    )
    return subjects if compared else []


#: What ends a clause a boast is read in, where words are not spaced: a comma, a
#: semicolon or a colon.
_UNSPACED_BREAK = re.compile(r"[;:,\uff0c\uff1b\uff1a\u3001\u061b\u104a]")


@lru_cache(maxsize=16)
def _joined_negation(prefixes: tuple[str, ...]) -> re.Pattern[str]:
    """One of ``prefixes`` and a hyphen, ending the text before a claim ("non-")."""
    return re.compile(
        rf"(?<!{WORD_CHAR})(?:" + "|".join(map(re.escape, prefixes)) + r")-\Z", re.IGNORECASE
    )


#: Where any of some words occurs in a text from a position on: (start, end) of each
#: match, in order.
Find = Callable[[str, tuple[str, ...], int], Iterator[tuple[int, int]]]


def _spaced_find(text: str, words: tuple[str, ...], lo: int) -> Iterator[tuple[int, int]]:
    # A pattern of many words tries each at every character; most are not in the
    # sentence at all, and a substring test says so at a fraction of the cost.
    folded = text.casefold()
    present = tuple(word for word in words if word.split()[0].casefold() in folded)
    if present:
        for match in _any_of(present).finditer(text, lo):
            yield match.start(), match.end()


@lru_cache(maxsize=512)
def _any_of(words: tuple[str, ...]) -> re.Pattern[str]:
    """`phrase_pattern` of any of ``words``, longest first: one scan of a sentence
    instead of one a word (a claim's sentence is read for some sixty words)."""
    bodies = [phrase_pattern(word).pattern for word in longest_first(words)]
    return re.compile("|".join(f"(?:{body})" for body in bodies), re.IGNORECASE)


def _unspaced_finder(cuts: set[int] | None) -> Find:
    """Matches that start on a word (``cuts``, from the segmenter), or anywhere."""

    def find(text: str, words: tuple[str, ...], lo: int) -> Iterator[tuple[int, int]]:
        found = []
        for word in words:
            i = text.find(word, lo)
            while i >= 0:
                if cuts is None or i in cuts:
                    found.append((i, i + len(word)))
                i = text.find(word, i + 1)
        return iter(sorted(found))

    return find


#: Punctuation that ends a clause: a negation before it denies nothing after it ("It
#: is not a drug; it cures arthritis"). Colons, commas and dashes are weighed apart
#: (`_negated`).
_CLAUSE_BREAK = re.compile(r"[;\uff1b\u061b]")  # ; ； ؛
#: Where a negation after a claim stops reaching it where words are not spaced: ; ； ؛
#: and the Burmese ၊ (a comma that ends a clause): "ပျောက်ကင်းစေသည်၊ ခွဲစိတ်ရန်
#: မလိုအပ်ဘူး" (it cures, no surgery needed).
_UNSPACED_CLAUSE_END = re.compile(r"[;\uff1b\u061b\u104a]")
#: A comma where words are not spaced (， 、 or one not inside a number): it ends the
#: claim's clause unless the claim is the topic before it (`ClaimList.topics`:
#: 完治することは、証明されていません, that it cures is not proven).
_UNSPACED_COMMA = re.compile(r"[\uff0c\u3001]|,(?!\d)")
_COLON = re.compile(r"[:\uff1a]")  # : ：
#: What ends a clause before a hedge where words are not spaced (`_hedged_before`):
#: commas, semicolons, colons and the Burmese ၊.
_UNSPACED_CLAUSE_MARK = re.compile(r"[\uff0c\u3001;\uff1b\u061b\u104a:\uff1a]|,(?!\d)")
_COLONS = ":\uff1a"
#: Marks that set off an aside in pairs, or start a clause alone: , ، ， – — and a
#: spaced hyphen.
_COMMA = re.compile(r"[,\u060c\uff0c\u2013\u2014]|\s-\s")


def _warned(before: str, claims: ClaimList, find: Find, reach: int = 0, joined: str = "") -> bool:
    """Whether a warning word (`ClaimList.cues_before`) comes before the claim in its
    sentence, with no contrast between: "Be careful: some clinics say their cells cure
    arthritis" warns; "Avoid hype, but our cells cure arthritis" promises.

    A warning word in the leaflet's own voice (`ClaimList.own_voice`, a few words
    before it: "we promise", "our cells are expected to") warns of nothing, nor does
    one the claim follows in that voice ("Avoid surgery: our cells regrow cartilage").
    ``reach``: where a warning word must stand at the earliest (`_warning_reach`).
    A word of `ClaimList.bound` warns only with what it promises after it: a word of
    `ClaimList.bound_objects`, or the letter the claim is ``joined`` to (Arabic تعد
    بالشفاء, "promises recovery"; تعد الخلايا علاجا … is "the cells are considered …")."""
    start = max(reach, _last_turn(before, claims, find))
    heeds = {s for s, _ in find(before, claims.heeds, start)} if claims.heeds else set()
    for cue_start, cue_end in find(before, claims.cues_before, start):
        if cue_start in heeds and _past_heed(before, cue_end, claims, find):
            continue
        if before[cue_start:cue_end] in claims.bound and not (
            joined in claims.bound_objects
            or next(find(before, claims.bound_objects, cue_end), None) is not None
        ):
            continue
        if not claims.own_voice:
            return True
        if _voiced(before, cue_start, claims, find):
            continue
        if next(find(before, claims.own_voice, cue_end), None) is None:
            return True
    return False


def _past_heed(before: str, heed_end: int, claims: ClaimList, find: Find) -> bool:
    """Whether the claim at the end of ``before`` lies past what a warning that points
    at something (`ClaimList.heeds`, ending at ``heed_end``) points at: "Avoid surgery
    with cells that regrow cartilage" warns of surgery, and offers the cells. What it
    points at ends at a word of `ClaimList.heed_ends` or at a colon, once a word of
    its own has followed it ("avoid surgery"; `_HEED_BREAK`); one right after it is its own ("be
    careful with miracle cures"; "be careful if you are told …" warns of the whole
    condition), as is a colon ("Be careful: some clinics say …"). A word of
    `ClaimList.reports` before or just after its end points it on ("be wary of clinics
    that say …")."""
    words = list(re.finditer(WORD_RUN, before[heed_end:]))
    if not words:
        return False
    first = heed_end + words[0].end()
    if next(find(before, claims.heed_ends, heed_end), (len(before), 0))[0] < first:
        return False  # "careful if", "careful with": it points at all that follows
    ends = [s for s, _ in find(before, claims.heed_ends, first)]
    ends += [m.start() for m in _HEED_BREAK.finditer(before, first)]
    if not ends:
        return False
    end = min(ends)
    # A report up to it ("adverts offering …", "clinics that say …") points on at what
    # it reports.
    return not any(
        start < end or start == _next_word(before, end)
        for start, _ in find(before, claims.reports, first)
    )


#: Marks that end what a warning points at, after its object: ; : ； ： ؛ and a dash
#: ("Avoid surgery — stem cells regrow cartilage"). A comma does not: "Beware of
#: miracle cures, guaranteed results and …" lists what it points at.
_HEED_BREAK = re.compile(r"[;:\uff1a\uff1b\u061b\u2013\u2014]|\s-\s")


def _next_word(text: str, at: int) -> int:
    """Where the word after the one (or the mark) at ``at`` starts."""
    match = re.compile(rf"{WORD_RUN[:-1]}*[^\w'’{WORD_MARKS}]+").match(text, at)
    return match.end() if match else len(text)


#: How many words before a warning word the leaflet's own voice makes it a promise
#: ("our cells are expected").
OWN_VOICE_REACH = 3
#: The same reach in characters where words are not spaced ("คลินิกของเราสัญญาว่า",
#: "本诊所承诺").
UNSPACED_OWN_VOICE_REACH = 16


def _voiced(before: str, cue_start: int, claims: ClaimList, find: Find) -> bool:
    """Whether the warning word at ``cue_start`` is said in the leaflet's own voice: a
    word of `ClaimList.own_voice` among the few words (or, where words are not spaced,
    characters) before it ("we promise", "เราสัญญา", "我们承诺")."""
    if profile(claims.lang).word_spaces:
        lead = re.findall(WORD_RUN, before[:cue_start])[-OWN_VOICE_REACH:]
        return any(word.casefold() in claims.own_voice for word in lead)
    lo = max(0, cue_start - UNSPACED_OWN_VOICE_REACH)
    return any(end <= cue_start for _, end in find(before, claims.own_voice, lo))


def _negated(before: str, claims: ClaimList, find: Find, start: int) -> bool:
    """Whether a negation (`ClaimList.negations`) denies the claim that follows
    ``before``: one in the claim's own clause, which starts after ``start`` (where the
    claim's phrase starts, in Thai), the last clause break and the last clause word. A
    colon starts a clause ("No surgery needed: our cells cure arthritis"), but a
    negation before it governs a list after it ("What MSCs do not do: persist, replace
    cells, or regenerate cartilage"). A comma or dash starts one too, unless it is one
    of a pair around an aside (`_asides`): "Without surgery, our cells regrow
    cartilage" and "Don't wait – our cells cure" promise; "No clinic – however good –
    can cure" denies."""
    start = max([start, *(m.end() for m in _CLAUSE_BREAK.finditer(before))])
    colon = max((m.end() for m in _COLON.finditer(before, start)), default=0)
    if colon:
        if _COMMA.search(before, colon) and _negated(before[: colon - 1], claims, find, 0):
            return True  # a list after the colon, which the clause before it negates
        start = colon
    start = max(start, _clause_start(before, claims, find))
    ends = sorted(end for _, end in find(before, claims.negations, start))
    # The nearest first, and a few: a sentence of "not, not, not, …" stays linear.
    return any(_asides(before, end, claims, find) for end in ends[::-1][:NEGATIONS_WEIGHED])


#: How many negations in a clause `_negated` weighs, nearest the claim first.
NEGATIONS_WEIGHED = 8


def _asides(before: str, negation: int, claims: ClaimList, find: Find) -> bool:
    """Whether what follows a negation ending at ``negation`` is one clause up to the
    claim (the end of ``before``): no comma or dash, or only pairs of them around
    asides that start with a word of `ClaimList.asides` ("No treatment, including MSCs,
    can cure"). A pair around anything else is a list of clauses ("No surgery, no
    pain, our cells cure arthritis")."""
    marks = list(_COMMA.finditer(before, negation))
    if len(marks) % 2:
        return False
    for opening in marks[::2]:
        aside = len(before) - len(before[opening.end() :].lstrip())  # its first word
        first = next(find(before, claims.asides, aside), None)
        if first is None or first[0] != aside:
            return False
    return True


def _clause_end(after: str, claims: ClaimList, find: Find) -> int:
    """Where the claim's clause ends in the text ``after`` it: at ; or :, or at a comma
    or dash, unless it opens an aside (`ClaimList.asides`) that a second one closes. A
    negation past it denies the next clause: "Our cells cure arthritis, never again
    pain" promises; "A cure, however, is not guaranteed" does not."""
    end = min(
        (m.start() for m in (_CLAUSE_BREAK.search(after), _COLON.search(after)) if m),
        default=len(after),
    )
    position = 0
    while mark := _COMMA.search(after, position, end):
        aside = len(after) - len(after[mark.end() :].lstrip())  # its first word
        first = next(find(after, claims.asides, aside), None)
        closing = _COMMA.search(after, mark.end(), end)
        if first is None or first[0] != aside or closing is None:
            return mark.start()
        position = closing.end()
    return end


def _warning_reach(before: str, claims: ClaimList, find: Find) -> int:
    """Where a warning word must stand to warn of the claim at the end of ``before``,
    where a space ends a phrase (Thai): in the claim's phrase, since "ระวังอาการแพ้
    เซลล์ต้นกำเนิดรักษาหายขาด" (watch for an allergy, stem cells cure completely) warns
    of the allergy and promises the cure. Only a space between two letters of the
    script ends a phrase here: one beside a colon ("ความเชื่อผิด: …", misconception: …)
    or quotation marks (เรื่องเล่า “ปาฏิหาริย์”) sets off what the warning names.
    Anywhere in the sentence when a word of report (`ClaimList.reports`: claims,
    promises, advertises) comes before the claim: what it reports may be a list of
    phrases ("ระวังคลินิกที่สัญญาว่าข้อเข่างอกใหม่ รักษาโรคให้หายขาด", beware of
    clinics that promise regrown knees, complete cures)."""
    if next(find(before, claims.reports, 0), None) is not None:
        return 0
    script = profile(claims.lang).has_letters
    # A comma ends a phrase as a letter does (its sentence goes on, `_Sentences`): "ระวัง
    # อาการแพ้, ไข้, เซลล์ต้นกำเนิดรักษาหายขาด" warns of the allergy and the fever only.
    return _phrase_start(
        before,
        claims,
        lambda c: script(c) or (c.isascii() and c.isalnum()) or c in _LIST_COMMAS,
    )


def _phrase_start(
    before: str, claims: ClaimList, letter: Callable[[str], bool] | None = None
) -> int:
    """Where the claim's phrase starts, where a space ends a phrase (Thai): a negation
    denies its own phrase only ("ไม่ต้องผ่าตัด เซลล์ของเรารักษาหายขาด", no surgery needed,
    our cells cure, promises), and the phrase before too where a word of
    `ClaimList.continuations` joins them (ที่, ว่า "that": "ไม่ใช่ยาวิเศษ ที่ทำให้หายขาด").
    With ``letter``, only a space between two characters it accepts ends a phrase. A
    space after a Latin name or a number never does, nor one between a noun and the
    name it takes (`_name_space`)."""
    phrase = 0
    for space in re.finditer(r"\s+", before):
        left, right = space.start(), space.end()
        if letter and not _between_letters(before, left, right, letter):
            continue
        if _name_space(before, left, right, claims.name_heads):
            continue
        if not any(
            before.endswith(w, 0, left) or before.startswith(w, right) for w in claims.continuations
        ):
            phrase = right
    return phrase


def _name_space(text: str, left: int, right: int, heads: tuple[str, ...]) -> bool:
    """Whether the space from ``left`` to ``right`` of a text whose spaces end phrases
    joins a Latin name or a number to its phrase: the space after one (`_after_name`),
    or the space before one after a noun that takes a name (``heads``, the list's
    `ClaimList.name_heads`: "ไม่มีหลักฐานว่าเซลล์ MSC รักษาหายขาด", no evidence that
    MSC cells cure completely). After any other word it ends a phrase: "ไม่ต้องผ่าตัด
    MSC รักษาหายขาด" (no surgery needed; MSCs cure completely)."""
    if _after_name(text, left):
        return True
    first = text[right : right + 1]
    return first.isascii() and first.isalnum() and text.endswith(heads, 0, left)


def _after_name(text: str, space: int) -> bool:
    """Whether the space at ``space`` of a text whose spaces end phrases follows a Latin
    name or a number: Thai, Lao and Khmer writers set one off with spaces on both sides
    ("ระวังคลินิกที่อ้างว่าเซลล์ MSC รักษาหายขาด", beware clinics that claim MSCs cure
    completely), so the space after it is a word's end, and what it starts goes on
    with the phrase before the name. The space before it still ends a phrase:
    "ไม่ต้องผ่าตัด MSC รักษาหายขาด" (no surgery needed; MSCs cure completely)."""
    last = text[space - 1 : space]
    return last.isascii() and (last.isalnum() or last == "%")


def _between_letters(text: str, left: int, right: int, letter: Callable[[str], bool]) -> bool:
    """Whether the gap from ``left`` to ``right`` of ``text`` stands between two
    characters ``letter`` accepts; the end of ``text``, where the claim starts, is one."""
    after = text[right : right + 1]
    return letter(text[left - 1 : left]) and (not after or letter(after))


def _clause_start(text: str, claims: ClaimList, find: Find) -> int:
    """Where the last clause word (`ClaimList.clause_words`) in ``text`` ends, 0 when
    none is there; not one inside a phrase of `ClaimList.not_clauses`: the "yet" of
    "cannot yet cure" means "so far", and the claim stays in the clause "cannot"
    denies, where "…, yet they cure" starts a clause of its own."""
    kept = list(find(text, claims.not_clauses, 0))
    return max(
        (
            end
            for start, end in find(text, claims.clause_words, 0)
            if not any(lo <= start and end <= hi for lo, hi in kept)
        ),
        default=0,
    )


def lead_ins(leaflet: Leaflet) -> dict[Text, str]:
    """Text each list item, table cell or callout paragraph continues from (see
    `find_claims`): a list's introduction ending in a colon, a column header that
    reads on or is a warning label (`_labels`), a callout's title that is one."""
    found: dict[Text, str] = {}
    previous: Block | None = None
    for block in leaflet.blocks:
        if isinstance(block, ListBlock) and isinstance(previous, Paragraph):
            intro = plain(previous.text.value).text.rstrip()
            if intro.endswith(tuple(_COLONS)):  # ":", or Chinese and Japanese "："
                last = sentences(intro, leaflet.language)[-1][1]
                found.update(dict.fromkeys(block.items, last))
        elif isinstance(block, Callout) and block.title is not None:
            # A box titled with a warning label ("Myth") holds what it warns of.
            title = plain(block.title.value).text
            if _labels(title, leaflet.language):
                found.update(dict.fromkeys(block.paragraphs, title))
        elif isinstance(block, Table):
            for row in block.rows:
                for header, cell in zip(block.header, row, strict=False):
                    heading = plain(header.value).text
                    if _reads_on(heading, plain(cell.value).text) or _labels(
                        heading, leaflet.language
                    ):
                        found[cell] = heading
        previous = block
    return found


def faq_questions(leaflet: Leaflet) -> dict[Text, str]:
    """The question each FAQ answer's first paragraph answers (see `find_claims`): "Can
    MSCs help my arthritis?" is what the "it" of "Our cells get rid of it" names."""
    return {
        entry.answer[0]: entry.question.value
        for block in leaflet.blocks
        if isinstance(block, Faq)
        for entry in block.entries
        if entry.answer
    }


def _labels(header: str, lang: str) -> bool:
    """Whether a column ``header`` is a warning label for its cells: a warning word that
    points at nothing of its own (`ClaimList.cues_before`, not `ClaimList.heeds`), not
    in the leaflet's own voice ("Myth", "What some clinics claim", 虚假宣传, ความเชื่อผิด),
    so each cell is what it warns of. "What we promise" and "Avoid surgery" label
    nothing."""
    claims = _label_list(lang)
    if not claims.cues_before:
        return False
    return _warned(one_spelling(header, lang)[0], claims, _finder(claims))


@lru_cache(maxsize=16)
def _label_list(lang: str) -> ClaimList:
    """``lang``'s claim list with only the warnings that point at nothing of their own."""
    claims = claim_list(lang)
    labels = tuple(word for word in claims.cues_before if word not in claims.heeds)
    return dataclasses.replace(claims, cues_before=labels, heeds=())


def _reads_on(header: str, cell: str) -> bool:
    """Whether ``cell`` continues its column ``header`` as a list item continues its
    introduction: the header ends in a colon or "…" ("MSC therapy is not …" → "a
    cure"), or the cell starts in lower case. A cell written as a sentence of its own
    does not: under "No surgery needed", "Our cells cure arthritis." promises a cure."""
    if header.rstrip().endswith((*_COLONS, "…", "...")):
        return True
    first = next((char for char in cell if char.isalpha()), "")
    return first.islower()


#: Where a text a claim is in comes from: the leaflet, the page's own words
#: (`page_word_texts`), or the organisation profile (`profile_texts`).
Origin = Literal["leaflet", "page", "profile"]


def _claims_in(ctx: CheckContext) -> Iterator[tuple[Text, Plain, Match, Origin]]:
    """Each claim in the texts ``ctx``'s leaflet prints, with its text, the text as
    read, and where the text comes from."""
    context = lead_ins(ctx.leaflet)
    questions = faq_questions(ctx.leaflet)
    source = {t.context: t.value for t in texts(ctx.source)}
    for text in reader_texts(ctx.leaflet):
        if ctx.is_translation and not in_language(text, ctx.leaflet.language, source):
            continue  # untranslated: already checked in the source language
        for match in _matches(ctx, text, context.get(text, ""), questions.get(text, "")):
            yield text, plain(text.value), match, "leaflet"
    # A msgstr the build refuses (a hidden character, a lost citation) is not printed,
    # but the translator fixes it: a promise in it is named with what refuses it.
    for text in ctx.refused:
        if text.is_reference_title or not in_language(text, ctx.leaflet.language, source):
            continue
        for match in _matches(ctx, text, ""):
            yield text, plain(text.value), match, "leaflet"
    for text in (*page_word_texts(ctx), *refused_page_word_texts(ctx)):
        for match in _matches(ctx, text, ""):
            yield text, plain(text.value), match, "page"
    if not ctx.is_translation:
        printed = [text for _, text in reference_texts(ctx, REFERENCE_LOCATORS)]
        for text in [*printed, *_address_texts(ctx)]:  # printed, never translated
            for match in _matches(ctx, text, ""):
                yield text, plain(text.value), match, "leaflet"
    for text in profile_texts(ctx):
        found: list[Match] = []
        # Read in every language it is printed with, and in English, as a clinic's
        # name is often English on a Thai page.
        written_for = [text.comment] if text.comment else []  # its own language's list
        for lang in dict.fromkeys(
            [
                *written_for,
                *claim_languages(text.value, ctx.leaflet.language),
                ctx.leaflet.language,
                "en",
            ]
        ):
            found += _claims_read(text.value, lang, ctx.project)
        for match in found:
            yield text, plain(text.value), match, "profile"


#: A hyphen, underscore or plus between two letters or digits of a web address: the
#: space between two words of its path ("no-miracle-cures").
_ADDRESS_JOINER = re.compile(r"(?<=[^\W_])[-_+](?=[^\W_])")


def address_words(address: str) -> str:
    """``address`` with the joiners between the words of its path read as spaces, the
    same length, so a finding's column holds: "clinic.example/no-miracle-cures" says
    what "No miracle cures" says, a denial, and was an error as "miracle" and "cures"
    read alone; "stem-cells-cure-arthritis" is still a promise."""
    return _ADDRESS_JOINER.sub(" ", address)


def _address_texts(ctx: CheckContext) -> Iterator[Text]:
    """The words the page prints from the leaflet's fields that are no `Text`, each as
    a text at its line: its own web address (`url:`), printed beside its QR code
    ("More online: clinic.example/stem-cells-cure-arthritis"), and its document code,
    at the foot of every page ("CURE-ALL-001"), in the leaflet's voice as the
    organisation's `web:` is. A promise in them was printed unread while the same
    words in the text were an error."""
    if ctx.leaflet.url:
        yield Text(address_words(ctx.leaflet.url), "url", ctx.sources.key("url").line)
    code = ctx.leaflet.document.code
    if code:
        yield Text(code, "document/code", ctx.sources.key("document.code").line)


#: The organisation profile's fields that are printed: in the band at the top of
#: every leaflet, and the name as every PDF's Author.
PRINTED_FIELDS = ("name", "address", "phone", "line", "whatsapp", "web")


def profile_texts(ctx: CheckContext) -> Iterator[Text]:
    """The organisation's printed fields, as texts at their lines of its profile
    (`Text.context`: the field). Every leaflet of the organisation prints them, so
    `run_checks` reports a claim there once, at the profile's line, where its note
    may waive it (a registered name no leaflet can change). A worded field gives each
    text its profile writes (`Organisation.wordings`), whichever this leaflet prints,
    with the locale it is written for as `Text.comment` ("" for every language)."""
    org = ctx.leaflet.organisation
    lines = profile_map(org.path)
    written = {wording.field for wording in org.wordings}
    for field in PRINTED_FIELDS:
        if field in written:  # each language's text, read by every leaflet's checks
            continue
        value = getattr(org, field)
        if value:
            line = lines.key(field).line if lines else 0
            yield Text(address_words(value) if field == "web" else value, field, line)
    for wording in org.wordings:
        yield Text(wording.value, wording.field, wording.line, wording.locale)


def profile_map(path: Path) -> SourceMap | None:
    """The organisation profile's `SourceMap`; None for a model built in code."""
    try:
        return SourceMap.read(path)
    except (LeafletError, OSError):
        return None


#: A reference's printed parts other than its title, read by the claim checks: its
#: locators, where no word of a claim belongs (CLAIM001), and its names, which a real
#: journal or person may share with one ("Wound Repair and Regeneration", Dr Heal:
#: CLAIM005, a warning), each with what a message calls it.
REFERENCE_LOCATORS = {"volume": "volume", "issue": "issue", "pages": "pages"}
REFERENCE_NAMES = {"journal": "journal", "authors": "author list"}


def reference_texts(ctx: CheckContext, fields: dict[str, str]) -> Iterator[tuple[str, Text]]:
    """The reference ``fields`` the leaflet prints in its list of references ("J Test.
    2001;12(3):1-9."), each with what a message calls it, as texts at their lines: no
    other check reads them, and a field holding a promise printed it unread."""
    for n, ref in enumerate(ctx.leaflet.references):
        for field, called in fields.items():
            value: str | tuple[str, ...] = getattr(ref, field)
            written = ", ".join(value) if isinstance(value, tuple) else value
            if written:
                line = ctx.sources.key(f"references[{n}].{field}").line or ref.line
                yield called, Text(written, f"{ref.key}/{field}", line)


def _matches(ctx: CheckContext, text: Text, lead_in: str, asked: str = "") -> list[Match]:
    found: list[Match] = []
    for lang in claim_languages(text.value, ctx.leaflet.language):
        found += _claims_read(text.value, lang, ctx.project, lead_in, asked)
    return found


@lru_cache(maxsize=4096)
def _claims_read(
    text: str, lang: str, project: Project | None, lead_in: str = "", asked: str = ""
) -> tuple[Match, ...]:
    """`find_claims` in ``text`` with ``lang``'s packaged list, read once: each of the
    CLAIM checks reads every text a leaflet prints, and every leaflet of an
    organisation prints its profile's fields."""
    return tuple(find_claims(text, claim_list(lang), project, lead_in, asked))


#: Latin letters, as a word: English words inside a text of another script.
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def claim_languages(text: str, lang: str) -> list[str]:
    """The languages whose claim lists read ``text`` of a leaflet in ``lang``: its own
    (`language_of`), each other language whose own letters it shows, and English for
    Latin words in a text in another language (no English claim is a Vietnamese word).
    A translation mixes in words of another language ("ช่วย regenerate กระดูกอ่อน", as
    Thai clinic adverts do) and an English text may quote a Thai phrase: each is read
    with its own list."""
    own = language_of(text, lang)
    written = profile(own)
    found = [own]
    for other in _listed_profiles():
        if other.tag in found or not other.signed(text):
            continue
        shown = _letters_of(other.signature).findall(text)
        if not written.letters or not all(written.has_letters(c) for c in shown):
            found.append(other.tag)  # Han in a Japanese text is Japanese, not Chinese
    if "en" not in found and _LATIN_WORD.search(plain(text).text):
        found.append("en")
    return found


@lru_cache(maxsize=1)
def _listed_profiles() -> tuple[LanguageProfile, ...]:
    """The described languages of a script of their own that have a claim list."""
    return tuple(p for p in profiles() if p.claims and p.signature and claim_list(p.tag).claims)


@lru_cache(maxsize=32)
def _letters_of(body: str) -> re.Pattern[str]:
    return re.compile(f"[{body}]")


def page_word_texts(ctx: CheckContext) -> tuple[Text, ...]:
    """The words the page prints itself in the leaflet's language, from the project's
    ``ui`` catalog (`i18n.page_words`): every leaflet in the language prints them, so
    `run_checks` reports a claim there once, at its catalog line."""
    try:
        from ..i18n import page_words
    except ImportError:  # no i18n stage: the page prints its English words
        return ()
    try:
        return page_words(ctx.locale, ctx.project)
    except LeafletError:  # a broken catalog: the build refuses it, naming file and line
        return ()


def refused_page_word_texts(ctx: CheckContext) -> tuple[Text, ...]:
    """The words of the leaflet's language's ``ui`` catalog the build refuses and
    prints in English (`i18n.refused_page_words`), as their msgstrs read."""
    try:
        from ..i18n import refused_page_words
    except ImportError:  # no i18n stage: the page prints its English words
        return ()
    try:
        return refused_page_words(ctx.locale, ctx.project)
    except LeafletError:  # a broken catalog: the build refuses it, naming file and line
        return ()


def _issue(
    ctx: CheckContext, text: Text, p: Plain, match: Match, what: str, origin: Origin
) -> Issue:
    phrase = match.text(p.text)
    nth = typed_before(p.text, phrase, match.start)  # "cure" twice in a text: which one
    if origin == "profile":  # one finding for the project: no language prefix
        path = ctx.leaflet.organisation.path
        lines = profile_map(path)
        return Issue(
            lines.locate(text.line, phrase, nth) if lines else Location(path),
            f"{what} “{phrase}” in the organisation's {text.context}, printed on every leaflet",
            f"safer: {match.claim.suggestion}",
            pin=pin_of(p.text),
        )
    page = origin == "page"
    prefix = f"[{ctx.locale}] " if ctx.is_translation or page else ""
    if page:  # a catalog entry no leaflet block holds, nor a block's waiver covers
        assert text.origin is not None
        # At the msgstr's line and column, in check as in i18n check: check named the
        # entry's line alone, and the translator looked for the word.
        typed = po_locate(text.origin, phrase, nth)
        return Issue(
            typed,
            f"{prefix}{what} “{phrase}” in a word the page prints itself ('{text.context}')",
            f"safer: {match.claim.suggestion}; change {msgstr_entry(text, phrase, nth)}",
            entry=typed,
        )
    location = ctx.sources.locate(text.line, phrase, nth) if not ctx.is_translation else None
    entry = ctx.msgstr_of(text, phrase, nth)
    in_block = ctx.sources.block_at(text.line) is not None  # where a waiver can be
    return Issue(
        location or ctx.sources.locate(text.line, ""),
        f"{prefix}{what} “{phrase}”",
        f"safer: {match.claim.suggestion}" + (f"; change {entry}" if entry else ""),
        subject=(text.context, match.claim.concept),
        pin=_sentence_pin(p.text, match.start, ctx.leaflet.language)
        if in_block and not ctx.is_translation
        else "",
        entry=ctx.entry_of(text, phrase, nth),
    )


def _sentence_pin(text: str, offset: int, lang: str) -> str:
    """The pin (`waivers.pin_of`) of the sentence of ``text`` holding ``offset``: what
    a waiver of the claim there names."""
    held = [s for start, s in sentences(text, lang) if start <= offset]
    return pin_of(held[-1] if held else text)


@check(
    "CLAIM001",
    "error",
    "A promise of cure, regrowth or safety misleads patients about an unproven therapy.",
    scope="locale",
    pinned=True,
)
def risky_claim(ctx: CheckContext) -> Iterator[Issue]:
    for text, p, match, origin in _claims_in(ctx):
        if match.claim.severity == "error" and not match.excused and not match.quoted:
            yield _issue(ctx, text, p, match, "risky claim", origin)


@check(
    "CLAIM002",
    "warning",
    "A quoted claim must be visibly debunked or attributed by the text around it; "
    "confirm with a waiver. Strict runs refuse a quoted promise.",
    scope="locale",
    pinned=True,
)
def quoted_claim(ctx: CheckContext) -> Iterator[Issue]:
    for text, p, match, origin in _claims_in(ctx):
        if match.quoted and not match.excused:
            issue = _issue(ctx, text, p, match, "quoted claim", origin)
            # For printing, the waiver is the confirmation: a testimonial's "it cured
            # my arthritis" is a promise until someone has read what surrounds it.
            if ctx.config.strict and match.claim.severity == "error":
                issue = dataclasses.replace(issue, severity="error")
            yield issue


@check(
    "CLAIM003",
    "warning",
    "Wording that is often a promise (reverse, proven, FDA "
    "approved) needs a precise, sourced statement.",
    scope="locale",
    pinned=True,
)
def doubtful_wording(ctx: CheckContext) -> Iterator[Issue]:
    for text, p, match, origin in _claims_in(ctx):
        if match.claim.severity == "warning" and not match.excused and not match.quoted:
            yield _issue(ctx, text, p, match, "wording that may overstate", origin)


def self_published(ref: Reference) -> bool:
    """Whether a reference has no journal, DOI or PMID: a web page, a brochure, a
    clinic's own report, which no editor or reviewer has read for the leaflet."""
    return not (ref.journal or ref.doi or ref.pmid)


@check(
    "CLAIM005",
    "warning",
    "A source whose title or address (with no journal, DOI or PMID), journal or authors "
    "promise a cure is an advertisement the leaflet prints as its evidence.",
)
def promising_source(ctx: CheckContext) -> Iterator[Issue]:
    yield from _promising_names(ctx)
    for ref in ctx.leaflet.references:
        if not self_published(ref):
            continue  # a published paper's title is a citation, whatever it asks
        for what, text in _self_published_texts(ctx, ref):
            for phrase in _promises(ctx, text):
                yield Issue(
                    ctx.sources.locate(text.line, phrase),
                    f"the {what} of '{ref.key}', a source with no journal, DOI or PMID, "
                    f"promises “{phrase}”",
                    "cite a published study for what the text says, or remove the "
                    "reference: a promise is no evidence of itself",
                )


def _self_published_texts(ctx: CheckContext, ref: Reference) -> Iterator[tuple[str, Text]]:
    """What the list of references prints of a self-published ``ref`` in its own
    words: its title, and its web address, printed where it has no DOI
    (`content.citations`): "clinic.example/stem-cells-cure-arthritis" advertised as
    the title would."""
    yield "title", ref.title
    if ref.url and not ref.doi:
        n = ctx.leaflet.references.index(ref)
        line = ctx.sources.key(f"references[{n}].url").line or ref.line
        yield "web address", Text(address_words(ref.url), f"{ref.key}/url", line)


@check(
    "CLAIM004",
    "warning",
    "A language without a claim list is not checked for promises of cure; a clinician "
    "who reads it must check its text before it is printed.",
    scope="locale",
)
def unchecked_language(ctx: CheckContext) -> Iterator[Issue]:
    language = ctx.leaflet.language
    if claim_list(language).claims:
        return
    source = {t.context: t.value for t in texts(ctx.source)}
    written = [
        text
        for text in reader_texts(ctx.leaflet)
        if not ctx.is_translation or in_language(text, language, source)
    ]
    if not written:
        return  # nothing in the language yet: the source's own checks read every text
    hint = "have a clinician who reads the language check them before printing"
    if ctx.is_translation:
        from ..i18n.catalog import catalog_path
        from ..i18n.signoff import leaflet_review

        if "clinical" in leaflet_review(ctx.project, ctx.source, ctx.locale)[1].current_roles:
            return  # a clinician signed off this very text (`msc-leaflet i18n review`)
        where = Location(catalog_path(ctx.project, ctx.locale, ctx.source.id))
        hint += ", and record it with `msc-leaflet i18n review --role clinical`"
    else:
        where = Location(ctx.sources.path)
    yield Issue(
        where,
        f"[{ctx.locale}] {profile(language).name} has no claim list: its "
        f"{len(written)} text(s) were not checked for promises of cure, regrowth or safety",
        f"{hint} (docs/translating.md lists the languages msc-leaflet has a claim list for)",
        entry=where if ctx.is_translation else None,  # the whole catalog
    )


def _promises(ctx: CheckContext, text: Text) -> Iterator[str]:
    """The promises a reference's ``text`` makes as it reads, neither excused (a denial,
    a warning) nor quoted: what CLAIM005 names."""
    for match in _matches(ctx, text, ""):
        if not (match.excused or match.quoted):
            yield match.text(plain(text.value).text)


def _promising_names(ctx: CheckContext) -> Iterator[Issue]:
    """A claim in a reference's journal or authors: printed in the list of references,
    and a journal makes the source "published", so its title goes unread too (a
    clinic's brochure with ``journal: Stem cells cure arthritis``)."""
    for called, text in reference_texts(ctx, REFERENCE_NAMES):
        key = text.context.rsplit("/", 1)[0]
        for phrase in _promises(ctx, text):
            yield Issue(
                ctx.sources.locate(text.line, phrase),
                f"the {called} of '{key}' promises “{phrase}”",
                f"check that it is the {called} as published (a real name may hold such a "
                "word); a name that promises is no evidence: cite a published study",
            )
