"""The desk's words in the reader's language: the ``ui`` catalog, and the browser's choice.

The interface speaks English and every language with a ``ui`` catalog in the project.
A project made before the desk existed has no desk entries in its ``ui.po``; those fall
back to the catalog of the bundled library, then to English. Like the layout's labels,
a fuzzy or broken translation never reaches the screen: the English source does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.lists import format_list
from markupsafe import Markup, escape

from ..data import library_root
from ..errors import LeafletError
from ..files import Stamp, file_stamp
from ..i18n.catalog import UI_DOMAIN, catalog_language, locale_folders, msgstr_as_read, po_path
from ..i18n.desk_labels import DESK_MESSAGES
from ..i18n.localizer import label_errors
from ..i18n.pofile import read_po
from ..languages import bcp47, language_of, language_subtag, listed, profile, right_to_left
from ..project import Project, likely_script_tag, same_language

SOURCE_LANGUAGE = "en"
DESK_KEYS = tuple(DESK_MESSAGES)
_QUALITY = re.compile(r"\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$")


@lru_cache(maxsize=8)
def _translations(path: Path, stamp: Stamp) -> dict[str, str]:
    """Usable desk translations by key: translated, not fuzzy, and refused by none of the
    rules `i18n check` names a broken ui entry by (`localizer.label_errors`): the desk
    showed a bidi override the check named an error, and the check passed an unmatched
    brace the desk refused. Each is composed as the page's labels are
    (`catalog.msgstr_as_read`): a catalog an editor saved decomposed (NFD) showed
    "Ngày" as N g a ◌̀ y, which a browser's search for "Ngày" does not find and some
    fonts draw with the tone beside its letter."""
    found = {}
    language = catalog_language(path)
    for entry in read_po(path).active:
        key = entry.msgctxt or ""
        source = DESK_MESSAGES.get(key)
        if source is None or entry.msgid != source or not entry.translated:
            continue
        if not label_errors(key, source, entry, language):
            found[key] = msgstr_as_read(entry.msgstr)
    return found


def _catalog(path: Path) -> dict[str, str]:
    """A catalog that cannot be read (absent, half-saved, not UTF-8) gives no words:
    the English source is shown, as for a fuzzy entry, and no page fails over it."""
    try:
        return _translations(path, file_stamp(path.stat()))
    except (OSError, LeafletError):
        return {}


@dataclass(frozen=True)
class Word:
    """A desk word put into a sentence (a field's name in "Paper: “letter” is not
    offered"), translated with the sentence: the one who composes it may not know the
    reader's language yet."""

    key: str


@dataclass(frozen=True)
class Language:
    """A language put into a sentence, named as the reader names it ("ไทย" in Thai)."""

    code: str


@dataclass(frozen=True)
class Languages:
    """Languages put into a sentence as alternatives ("Thai or English"), each named as
    the reader names it: the leaflets of a pack may be written in more than one."""

    codes: tuple[str, ...]


@dataclass(frozen=True)
class Interface:
    """The desk's words in one language; call it with a key and the placeholders' values."""

    language: str
    translations: dict[str, str]

    def untranslated(self, keys: Sequence[str]) -> list[str]:
        """Those of ``keys`` this language shows in English (none in English)."""
        if self.language == SOURCE_LANGUAGE:
            return []
        return [key for key in keys if key not in self.translations]

    def __call__(self, key: str, **values: object) -> str:
        source = DESK_MESSAGES[key]
        text = self.translations.get(key, source)
        rtl = right_to_left(self.language)
        values = {
            name: _isolated(self._said(value, not text.startswith(f"{{{name}}}")), rtl)
            for name, value in values.items()
        }
        try:
            return text.format(**values)
        except (KeyError, IndexError, ValueError):
            return source.format(**values)

    def line(self, key: str) -> str:
        """The sentence ``key`` as a line of plain text (a refusal before any page runs).
        A browser lays plain text out left to right, whatever its language: an Arabic
        sentence's full stop then stood at its right end, where its reader starts. A
        right-to-left sentence is sent as an isolate of its own direction (RLI … PDI),
        which keeps its marks at its end; a left-to-right one as it is."""
        text = self(key)
        return f"\u2067{text}\u2069" if right_to_left(self.language) else text

    def _said(self, value: object, inside: bool) -> object:
        """``value`` as words of this language, ``inside`` a sentence (not at its start)."""
        if isinstance(value, Word):
            return self(value.key)
        if isinstance(value, Language):
            return self._in_sentence(language_label(value.code, self.language), inside)
        if isinstance(value, Languages):
            names = [language_label(code, self.language) for code in value.codes]
            lowered = [self._in_sentence(n, inside or i > 0) for i, n in enumerate(names)]
            return languages_label(lowered, self.language)
        return value

    def _in_sentence(self, name: str, inside: bool) -> str:
        """A language's ``name`` as a sentence writes it where it stands: Vietnamese
        "văn bản tiếng Anh", where CLDR's "Tiếng Anh" is a title's."""
        if inside and profile(self.language).names_lower_in_sentence:
            return name[:1].lower() + name[1:]
        return name


def language_label(code: str, ui: str) -> str:
    """``th`` as a reader of ``ui`` names it: "Thai", "ไทย"; a tag CLDR names no
    language by (``th_TH``, a leaflet's regional ``language:``) by its parts, "Thai
    (Thailand)", not the code."""
    try:
        reader = Locale.parse(ui.replace("-", "_"))
        tag = code.replace("-", "_")
        named = reader.languages.get(tag) or Locale.parse(tag).get_display_name(reader)
    except (ValueError, UnknownLocaleError):
        return code
    return str(named or code)


def languages_label(names: Sequence[str], ui: str) -> str:
    """Languages' ``names`` as alternatives in a reader of ``ui``'s words: "Thai or
    English", "ไทย หรือ อังกฤษ" (CLDR's list patterns: the word and its spacing differ
    by language)."""
    try:
        return format_list(names, style="or", locale=ui.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return listed(names, ui)


def _isolated(value: object, page_rtl: bool) -> object:
    """``value`` between first-strong isolates when its direction could be taken for the
    page's (a path or a name with punctuation on an Arabic page, an Arabic name on an
    English one): the bidi algorithm would reorder it with the sentence around it.
    Numbers and Latin text on a left-to-right page stay as they are."""
    if not isinstance(value, str) or not value:
        return value
    if page_rtl or _RIGHT_TO_LEFT.search(value) or BIDI_CONTROLS.search(value):
        return f"\u2068{value}\u2069"
    return value


#: Bidi controls (embeddings, overrides, isolates, marks). A value a link gives may
#: carry one: "“\u202eabc” is not offered here: …" drew the rest of the refusal right to
#: left, reversed, on an English page. Within an isolate an override ends at its close
#: (UAX #9, X6a), so the sentence around the value stays as written.
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def contained(value: str) -> str:
    """``value`` isolated when it carries a bidi control (`BIDI_CONTROLS`), so an
    override in one value quoted in a list does not reorder the next; else as it is."""
    return f"\u2068{value}\u2069" if BIDI_CONTROLS.search(value) else value


#: A check's finding about a translation begins with its locale (``[lo] phrase of …``).
_FINDING_LOCALE = re.compile(r"\[([A-Za-z]{2,3}(?:_[A-Za-z0-9]+)*)\] ")
#: What a check quotes (a phrase, a heading, a line): between curly double quotes.
_QUOTED = re.compile("“([^”]*)”")


def quotes_tagged(message: str, default: str) -> Markup:
    """``message`` (a check's finding, in ``default``, English) escaped, each quotation
    tagged with the language it is written in: a Lao phrase quoted in an English
    warning was read with an English voice, and quoted Han drawn with the CJK face of
    the page's language. The finding's own locale names it where the quote has its
    letters (Han in a ``[ja]`` finding is Japanese), else the quote's script does
    (`language_of`); a quote in ``default`` is left as it is. Latin letters name no
    language (`has_letters`): a Vietnamese quote stays in the English span, since a
    finding may quote the English term beside it ("“X” for “Y”")."""
    own = _FINDING_LOCALE.match(message)
    locale = own.group(1) if own else default

    def tagged(found: re.Match[str]) -> str:
        quote = found.group(1)
        known = locale != default and profile(locale).has_letters(quote)
        language = locale if known else language_of(quote, default)
        if language == default:
            return str(escape(found.group(0)))
        attrs = f'lang="{bcp47(language)}" dir="{profile(language).direction}"'
        return f"“<span {attrs}>{escape(quote)}</span>”"

    parts, last = [], 0
    for found in _QUOTED.finditer(message):
        parts += [str(escape(message[last : found.start()])), tagged(found)]
        last = found.end()
    return Markup("".join([*parts, str(escape(message[last:]))]))


#: Letters written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko … and their
#: presentation forms).
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def interface_languages(project: Project) -> list[str]:
    """English, then every language with a ``ui`` catalog in the project that (with the
    bundled library's) translates every word of the desk. A language half translated
    (a clinic's new Indonesian catalog) would show the rest in English on a page tagged
    as Indonesian, read with an Indonesian voice: it is offered once complete, and the
    Status page shows how far it is. A folder not named after a language (locales/tlh,
    a typo; `locale_folders`) is left out: the desk cannot name it, nor date or number
    in it, and every page failed while it was offered."""
    found = [
        name for name in locale_folders(project)[0] if po_path(project, name, UI_DOMAIN).is_file()
    ]
    return [
        SOURCE_LANGUAGE,
        *(
            name
            for name in found
            if name != SOURCE_LANGUAGE and not interface(project, name).untranslated(DESK_KEYS)
        ),
    ]


def interface(project: Project, language: str) -> Interface:
    """The desk's words in ``language``: the bundled library's ui catalog, with the
    project's own over it. A bare zh is the bundled zh_Hans (`likely_script_tag`): the
    desk looked for a bundled zh, found none, and never offered a clinic's Chinese."""
    if same_language(language, SOURCE_LANGUAGE):
        return Interface(SOURCE_LANGUAGE, {})
    library = Project(library_root("msc"))
    spellings = [language, likely_script_tag(language)]
    found = [po_path(library, name, UI_DOMAIN) for name in spellings if name]
    bundled = next((path for path in found if path.is_file()), found[0])
    ours = po_path(project, language, UI_DOMAIN)
    return Interface(language, _catalog(bundled) | _catalog(ours))


TRADITIONAL_CHINESE = ("zh-hant", "zh-tw", "zh-hk", "zh-mo")


def _other_chinese(tag: str, ours: str) -> bool:
    """Simplified and Traditional Chinese share the tag ``zh`` but not their characters."""
    return tag.startswith(TRADITIONAL_CHINESE) != ours.startswith(TRADITIONAL_CHINESE)


def negotiate(accept_language: str, available: Sequence[str]) -> str:
    """The first of ``available`` the browser asks for (RFC 9110 quality values), else
    English. ``th-TH`` matches ``th`` and ``zh-CN`` matches ``zh_Hans``; a Traditional
    Chinese reader (``zh-TW``, ``zh-Hant``) is not given Simplified characters."""
    wanted: list[tuple[float, int, str]] = []
    for index, part in enumerate(accept_language.split(",")[:20]):
        tag, _, params = part.partition(";")
        match = _QUALITY.fullmatch(params) if params else None
        quality = float(match.group(1)) if match else (1.0 if not params else 0.0)
        if tag.strip() and quality > 0:
            wanted.append((-quality, index, tag.strip().lower()))
    for _, _, tag in sorted(wanted):
        for language in available:
            ours = language.lower().replace("_", "-")
            if tag == ours or (
                language_subtag(tag) == language_subtag(ours) and not _other_chinese(tag, ours)
            ):
                return language
    return SOURCE_LANGUAGE
