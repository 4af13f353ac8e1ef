"""Inline markup → text-stage runs → paragraphs, for one localised leaflet.

`Writer` is the one place that knows how a span's bold/italic/link/citation maps to
fonts, colours and superscript numbers; every block builder goes through it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from ..content.inline import Span, parse_inline
from ..i18n.formatting import localize_digits
from ..i18n.labels import UI_LANGUAGE
from ..i18n.same_script import latin_names
from ..languages import bcp47, right_to_left
from ..typeset import FontFamily, Run, WordList, make_paragraph
from ..typeset.render import foreign_language, uniform_text
from ..typeset.scripts import kept_terms_language
from .structure import ROLES, Structure


class Writer:
    def __init__(
        self,
        family: FontFamily,
        styles: dict[str, ParagraphStyle],
        numbers: dict[str, int],
        lang: str,
        link_colour: Color,
        words: WordList,
        on_emergency_break: Callable[[str, str], None] | None = None,
        *,
        structure: Structure | None = None,
        source_lang: str = "",
        fallbacks: frozenset[str] = frozenset(),
        untranslated_labels: frozenset[str] = frozenset(),
        beside: bool = False,
        small_colours: Mapping[Color, Color] | None = None,
    ) -> None:
        self.family = family
        self.styles = styles
        self.numbers = numbers
        self.lang = lang
        self.link_colour = link_colour
        self.words = words  # the project's terms that must never be split at a line end
        # Told each unit cut as an emergency and the markup of the text it is in ("" for
        # what the layout writes itself), so the check names where to fix it (LAYOUT004).
        self.on_emergency_break = on_emergency_break
        # Tagging: the tree each paragraph joins, this text's language (BCP 47), the
        # source's (texts printed untranslated: ``fallbacks``), the Latin terms kept from it.
        self.structure = structure
        self.tag_lang = bcp47(lang)
        self.source_lang = source_lang
        terms = kept_terms_language(source_lang)  # a Thai source's "MSC" is English
        self.terms_tag = bcp47(terms) if terms else ""
        self.fallbacks = fallbacks
        self.untranslated_labels = untranslated_labels  # printed in UI_LANGUAGE
        # Its text is a column beside another (the parallel edition): each paragraph's
        # lines must read back as one block in extractors, as a table cell's do.
        self.beside = beside
        # A colour for large text → the one for small text (`colours.small_text_colours`):
        # what a citation's superscript, smaller than its paragraph, is printed in.
        self.small_colours = small_colours or {}

    def runs(
        self,
        spans: Sequence[Span],
        style: ParagraphStyle,
        colour: Color | None = None,
        bold: bool = False,
    ) -> list[Run]:
        ink = colour or style.textColor
        base_bold = bold or style.fontName == self.family.bold
        base_italic = style.fontName == self.family.italic
        runs: list[Run] = []
        for span in spans:
            font = self.family.face(base_bold or span.bold, base_italic or span.italic)
            if span.cites:
                # Vancouver sets the superscript tight against the word: drop the space the
                # author typed before [@key], which would also let a line start with it.
                if runs and runs[-1].text.endswith(" ") and not runs[-1].superscript:
                    last = runs.pop()
                    if last.text.rstrip(" "):
                        runs.append(
                            Run(last.text.rstrip(" "), last.font, last.size, last.color, last.link)
                        )
                numbers = tuple(self.numbers[key] for key in span.cites)
                # [@a][@b] and [@a] [@b] read as one citation, 1,2: set apart, they printed
                # one superscript 12 (or 1234 for four), a citation of a reference 12.
                if runs and runs[-1].cites:
                    numbers = runs.pop().cites + numbers
                runs.append(
                    Run(
                        self.number(_compress(numbers)),
                        font,
                        style.fontSize,
                        self.small_colours.get(ink, ink),
                        superscript=True,
                        cites=numbers,
                    )
                )
            elif span.text:
                colour_ = self.link_colour if span.link else ink
                runs.append(Run(span.text, font, style.fontSize, colour_, link=span.link))
        return runs

    def number(self, text: str) -> str:
        """A number the layout prints (citation, section, reference entry) in the
        locale's digits (`i18n.formatting`)."""
        return localize_digits(text, self.lang)

    def paragraph(
        self,
        source: str,
        style: str,
        *,
        prefix: Sequence[Run] = (),
        colour: Color | None = None,
        bold: bool = False,
        role: str = "",
        around: tuple[str, str] = ("", ""),
    ) -> Flowable:
        """A paragraph from inline-markup ``source`` in the named style; in a tagged PDF
        a ``role`` element (default: by style, `structure.ROLES`, else P). ``around``: what
        the layout prints before and after the source (a quote's marks, an attribution's
        dash); whether the text is printed untranslated is asked of ``source`` alone."""
        chosen = self.styles[style]
        before, after = around
        spans = parse_inline(f"{before}{source}{after}")
        runs = [*prefix, *self.runs(spans, chosen, colour, bold)]
        role = role or ROLES.get(style, "P")
        return self._set(runs, chosen, role, self.language_of(source), source)

    def list_item(self, source: str, style: str) -> Flowable:
        """A list item's paragraph. The list hangs its numbers and bullets at this
        text's line start (the right, in Arabic); an item printed in a language of the
        other direction (an untranslated English item in an Arabic list) runs in its
        own direction, as a block at its line end (`_set`), so its text stays beside
        its bullet rather than at the far side of the column."""
        language = self.language_of(source)
        chosen = self.styles[style]
        runs = self.runs(parse_inline(source), chosen)
        return self._set(runs, chosen, ROLES.get(style, "P"), language, source)

    def language_of(self, source: str) -> str:
        """The locale ``source`` is printed in when it is not this text's: the source
        language's, when its translation is missing; English, for a label of the layout
        with no translation; "" when it is translated."""
        if source in self.fallbacks:
            return self.source_lang
        return UI_LANGUAGE if source in self.untranslated_labels else ""

    def _set(
        self,
        runs: list[Run],
        style: ParagraphStyle,
        role: str,
        language: str,
        source: str = "",
        *,
        untranslated: bool = False,
    ) -> Flowable:
        """``runs`` as a paragraph element; ``language``, when not this text's own: the
        language the text is in (the source's, for a text printed untranslated or a
        reference; English, for what the program itself writes in English), so it is set
        and tagged as that language: an English sentence in an Arabic leaflet runs left to
        right, its stop at its end, and a screen reader reads it with an English voice.
        ``source``: the markup of the leaflet text set, which an emergency cut names.

        A text printed untranslated (``source`` or ``untranslated``) in a language of
        the other direction than the page's (English on an Arabic page) runs in its own
        direction, flush at its own start, but stands as a block at the page's start
        (`TextParagraph.block_at_end`): a reader of the page looks for it there, as for
        the translated text around it and the bullet of its list (docs/scripts.md). A
        reference or a program message in English is set as English is."""
        lang = language or self.lang
        report = self.on_emergency_break
        paragraph = make_paragraph(
            runs,
            style,
            lang,
            words=self.words,
            # Bound once per paragraph: the text stage tells only the unit it cut.
            on_emergency_break=(lambda cut: report(cut, source)) if report else None,
        )
        paragraph.in_cell = self.beside
        untranslated = untranslated or source in self.fallbacks
        if untranslated and right_to_left(lang) != right_to_left(self.lang):
            paragraph.block_at_end = True
        tagged = self.tagged(paragraph, role, language)
        _note_uniform(tagged, runs)
        return tagged

    def tagged(self, flowable: Flowable, role: str, language: str = "") -> Flowable:
        """``flowable`` as the content of a new ``role`` element in this text's language,
        or in ``language`` (a locale code) when the text is in another one."""
        if self.structure is None:
            return flowable
        lang = bcp47(language) if language else self.tag_lang
        return self.structure.tag(flowable, role, lang=lang, terms_lang=self.terms_tag)

    @contextmanager
    def group(self, role: str, **fields: Any) -> Iterator[None]:
        """Paragraphs made inside are children of a new ``role`` element (a list, a
        table row, a box), in this text's language."""
        if self.structure is None:
            yield
            return
        fields.setdefault("lang", self.tag_lang)
        fields.setdefault("terms_lang", self.terms_tag)
        with self.structure.group(role, **fields):
            yield

    def label(self, reading: str = "", drawn: str = "", item: str = "") -> None:
        """A list item's ``Lbl`` in the current group (its ``LI``), before its body:
        the list draws the number or bullet into it (`list_numbers`). ``reading``: the
        number in reading order, where it is drawn in another (right to left).
        ``drawn``: the number or bullet as printed; ``item``: the markup of the item's
        text. An item printed untranslated is read in its own language, and so is its
        number, as a reference entry's is: an Arabic page's "1." before an English
        sentence is not read with an Arabic voice. A number in the page's own digits
        (Burmese "၁။") stays in the page's language, which alone can read it."""
        if self.structure is None:
            return
        language = self.language_of(item) if item else ""
        if not language or _own_digits_in(drawn):
            self.structure.element("Lbl", actual_text=reading)
            return
        lang = bcp47(language)
        self.structure.element("Lbl", actual_text=reading, lang=lang, terms_lang=self.terms_tag)

    @contextmanager
    def untagged(self) -> Iterator[None]:
        """Paragraphs made inside join no element (the layout tags them when drawn)."""
        saved, self.structure = self.structure, None
        try:
            yield
        finally:
            self.structure = saved

    def plain(
        self,
        text: str,
        style: str,
        *,
        colour: Color | None = None,
        bold: bool = False,
        role: str = "",
        language: str = "",
    ) -> Flowable:
        """A paragraph of literal text (labels, numbers): no markup is interpreted.
        ``language``: the locale the text is in when it is not this text's (`_set`);
        without it, the source's or English for a text printed untranslated."""
        untranslated = not language and bool(self.language_of(text))
        return self.spans_paragraph(
            [Span(text)],
            style,
            colour=colour,
            bold=bold,
            role=role,
            language=language or self.language_of(text),
            untranslated=untranslated,
        )

    def beside_source(self, text: str, source_text: str, style: str, separator: str) -> Flowable:
        """A paragraph of literal ``text``, ``separator``, then ``source_text`` in the
        source language (the parallel edition's "Tài liệu tham khảo · References"):
        tagged as such, so a screen reader reads each label in its own language."""
        chosen = self.styles[style]
        source = bcp47(self.source_lang) if self.source_lang else ""
        runs = self.runs([Span(text + separator)], chosen)
        runs += [replace(run, lang=source) for run in self.runs([Span(source_text)], chosen)]
        return self._set(runs, chosen, ROLES.get(style, "P"), self.language_of(text))

    def spans_paragraph(
        self,
        spans: Sequence[Span],
        style: str,
        *,
        colour: Color | None = None,
        bold: bool = False,
        prefix: Sequence[Run] = (),
        role: str = "",
        language: str = "",
        untranslated: bool = False,
        spans_language: str = "",
    ) -> Flowable:
        """``language``: the text is in that locale's, not this text's; ``untranslated``:
        it is printed so for want of a translation (`_set`). ``spans_language``: the
        locale ``spans`` are in when it is not the paragraph's (a contact after its label:
        a Thai address on an English page), each tagged as a ``Span`` in it."""
        chosen = self.styles[style]
        own = self.runs(spans, chosen, colour, bold)
        if spans_language and bcp47(spans_language) != bcp47(language or self.lang):
            own = [replace(run, lang=bcp47(spans_language)) for run in own]
        runs = [*prefix, *own]
        role = role or ROLES.get(style, "P")
        return self._set(runs, chosen, role, language, untranslated=untranslated)


def _own_digits_in(text: str) -> bool:
    """Whether ``text`` has a digit of a script's own (Burmese ၁, Arabic-Indic ١), which
    only a voice of that script's language reads; Latin digits every voice reads."""
    return any(char.isdigit() and not char.isascii() for char in text)


def _note_uniform(flowable: Flowable, runs: Sequence[Run]) -> None:
    """Tell a paragraph's element whether its lines need looking at glyph by glyph, and
    which language its words in other scripts show together."""
    element = getattr(flowable, "structure", None)
    if element is not None:
        element.letters_lang = foreign_language(runs, element)
        text = "".join(run.text for run in runs)
        element.latin_names = latin_names(text, element.effective_lang())
        element.uniform = uniform_text(runs, element)


def _compress(numbers: tuple[int, ...]) -> str:
    """Vancouver superscripts: 1,2,3,5 → "1–3,5"."""
    ordered = sorted(set(numbers))
    parts: list[str] = []
    start = prev = ordered[0]
    for n in [*ordered[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        parts.append(
            str(start)
            if start == prev
            else f"{start}–{prev}"
            if prev > start + 1
            else f"{start},{prev}"
        )
        if n is not None:
            start = prev = n
    return ",".join(parts)
