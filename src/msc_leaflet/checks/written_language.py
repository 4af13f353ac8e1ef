"""TEXT005, TEXT006: a leaflet whose text is not written in the language it declares.

A leaflet's ``language:`` chooses everything done with its text: the fonts and the
line breaks it is set with, the claim list that reads it for promises of cure, how its
numbers are read against a translation, and the language a screen reader speaks it in
(the PDF's /Lang). A clinic that copies an English leaflet and sets ``language: th``
before translating it gets a PDF whose English is checked against the Thai claim
list, so "cures arthritis" passes, and is read aloud by a Thai voice. So a source whose
letters are mostly another language's (`i18n.written_script.letters`, as I18N020 reads
a translation: a URL, an abbreviation, a term or name the project keeps is not read)
is an error at its ``language:`` line; a sentence of it in another language, where the
rest is the declared one, is a warning at its own line, as I18N020 is for a
translation: a quoted English sentence may be meant.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..content.inline import text_as_read
from ..errors import shown_value
from ..i18n.kept_terms import kept_terms
from ..i18n.written_script import MIN_CELLS, letters, script_name, strays
from ..languages import LanguageProfile, profile
from .registry import CheckContext, Issue, check
from .text import reader_texts

#: The share of a leaflet's letters, in cells, that must be another language's before
#: the leaflet is called written in it: more than half. A Thai text that glosses its
#: terms in English and names its drugs as their makers do holds far less (the bundled
#: leaflets' Thai translations, read so: 4 % at most).
FOREIGN_SHARE = 0.5
#: Letters of another language a leaflet needs, in cells, before its share is read: two
#: sentences' worth (`written_script.MIN_CELLS` each), so a starter with a two-word
#: English title and nothing else yet is not judged.
MIN_FOREIGN_CELLS = 2 * MIN_CELLS


@check(
    "TEXT005",
    "error",
    "The leaflet's text is mostly in another language than its `language:` says: it "
    "would be set, checked for claims of cure and read aloud as that language.",
)
def declared_language(ctx: CheckContext) -> Iterator[Issue]:
    leaflet = ctx.source
    kept = kept_terms(ctx.project, leaflet.language)
    own = other = 0
    scripts: dict[str, int] = {}
    language = profile(leaflet.language)
    texts = list(reader_texts(leaflet))
    # A language that signs its sentences (Japanese: kana) signs some of a leaflet's:
    # one with no kana at all is Chinese, though a sentence of kanji both write alike
    # is read as Japanese in a leaflet that has some (`written_script.foreign_form`).
    unsigned = language.signed_sentences and not any(language.signed(t.value) for t in texts)
    for text in texts:
        found = letters(text.value, leaflet.language, kept)
        own, other = own + found.own, other + found.other
        for name, cells in found.scripts:
            scripts[name] = scripts.get(name, 0) + cells
        if unsigned and found.own:
            name = f"{_script_name(text.value, language)} letters"
            scripts[name] = scripts.get(name, 0) + found.own
            own, other = own - found.own, other + found.own
    if other < MIN_FOREIGN_CELLS or other <= FOREIGN_SHARE * (own + other):
        return
    written_in = max(scripts, key=lambda name: scripts[name])
    name = profile(leaflet.language).name
    share = round(100 * other / (own + other))
    yield Issue(
        ctx.sources.key("language"),
        f"the leaflet says `language: {leaflet.language}` ({name}), but {share}% of its "
        f"text is written in {written_in}, not in {name}",
        f"set `language:` to the language its text is written in, or write it in {name}: "
        "`language:` chooses its fonts and line breaks, the claim list that checks it "
        "and the language a screen reader speaks it in",
    )


def _script_name(text: str, language: LanguageProfile) -> str:
    """The name of the script of the first of ``text``'s letters the language writes
    (Han for a Japanese leaflet's kanji)."""
    letter = next((c for c in text if c.isalpha() and language.has_letters(c)), "")
    return script_name(letter) if letter else language.name


@check(
    "TEXT006",
    "warning",
    "A sentence of the leaflet is in another language than its `language:`: a text "
    "left untranslated when the leaflet was written from another one.",
)
def sentence_language(ctx: CheckContext) -> Iterator[Issue]:
    leaflet = ctx.source
    if any(True for _ in declared_language(ctx)):  # one finding says it for every text
        return
    kept = kept_terms(ctx.project, leaflet.language)
    name = profile(leaflet.language).name
    for text in reader_texts(leaflet):
        for stray in strays(text.value, leaflet.language, kept):
            said = text_as_read(stray.sentence)
            yield Issue(
                ctx.sources.locate(text.line, stray.sentence),
                f"{shown_value(said)} is written in {stray.written_in}, not in {name}",
                f"write it in {name}, or, if the leaflet is written in another language, "
                "set its `language:` to that one",
            )
