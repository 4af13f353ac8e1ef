"""An organisation profile's worded fields (its name, its address), read per language.

A clinic hands out leaflets in several languages, and its name and address are words
the reader must read: a Japanese clinic's Vietnamese leaflet printed its address in
Japanese. A worded field is either one text for every language (``address: ...``) or
a mapping from locale to text::

    address:
      en: 123 Sukhumvit Road, Bangkok 10110
      th: 123 ถนนสุขุมวิท กรุงเทพฯ 10110

Which text a leaflet prints is `model.Organisation.printed`'s rule (docs/format.md).
Every key must be a language the project knows (one it describes or translates into),
so a misspelt ``tha:`` is not a Thai address no leaflet ever prints; every text gets
the text policy of its own language, as a leaflet's text does.
"""

from __future__ import annotations

from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode

from ..errors import LeafletError, nearest_first
from ..languages import profiles
from ..project import Project, check_locale, parent_locales, same_language
from . import composition
from . import model as m
from .yaml_source import ORGANISATION, Fields, invisible_only, load_yaml, no_text, where


def worded(f: Fields, field: str, project: Project, language: str) -> tuple[m.Wording, ...]:
    """Every text ``f`` writes for ``field`` (none if it is left out), refused unless a
    ``language`` leaflet has a text of its own (`default_of`)."""
    if not f.has(field):
        return ()
    node = f.node_of(field)
    if not isinstance(node, MappingNode):
        return (m.Wording(field, "", composed(f.text(field)), f.line_of(field)),)
    if not node.value:
        f.fail(node, f"'{field}' gives no text", f"write '{field}: ...', or one line per language")
    wordings: dict[str, m.Wording] = {}
    for key, value in node.value:
        locale = _locale_of(f, key, field, project, language)
        if locale.lower() in wordings:
            f.fail(
                key,
                f"'{field}' is written twice for {locale} "
                f"(line {wordings[locale.lower()].line} too)",
                "keep one of the two",
            )
        wordings[locale.lower()] = m.Wording(
            field, locale, _text(f, value, field, locale), value.start_mark.line + 1
        )
    found = tuple(wordings.values())
    default_of(f, f.keys[field], field, found, language)
    return found


def default_of(
    f: Fields, node: Node, field: str, wordings: tuple[m.Wording, ...], language: str
) -> m.Wording:
    """The text a ``language`` leaflet prints for ``field``: the one for its language,
    else the plain one. Refused when there is neither: any other language's text would
    be a guess at what its readers read."""
    org = m.Organisation("", "", f.path, wordings=wordings, source_language=language)
    found = org.printed(field, language)
    if found is None:
        written = ", ".join(w.locale for w in wordings)
        f.fail(
            node,
            f"'{field}' has no text for {language}, the language of the leaflet printed "
            f"with it (it has one for {written})",
            f"add '{language}: ...' under '{field}'; its readers read the leaflet's language",
        )
    return found


def _locale_of(f: Fields, key: Node, field: str, project: Project, language: str) -> str:
    """The locale a key of a worded field names, in its one spelling."""
    written = str(key.value) if isinstance(key, ScalarNode) else ""
    at = where(f.path, key)
    known = known_languages(project, language)
    try:
        locale = check_locale(written, at)
    except LeafletError as refused:
        message = f"'{field}' in {written!r}: {refused.message}"
        raise LeafletError(at, message, _hint(written, known)) from None
    if not any(same_language(locale, k) for k in known):
        raise LeafletError(
            at,
            f"'{field}' in {written!r}: the project prints no leaflet in {locale}",
            _hint(written, known),
        )
    return locale


def _hint(written: str, known: list[str]) -> str:
    return f"write one of the project's languages, nearest first: {nearest_first(written, known)}"


def known_languages(project: Project, language: str) -> list[str]:
    """The languages a profile text may be written for: those the package describes
    (data/languages.yaml), the project's locale folders, the leaflet's own, and the
    languages each is a variant of (zh for zh_Hans)."""
    from ..i18n.catalog import locale_folders  # the stage above: a cycle

    tags = [p.tag for p in profiles()] + locale_folders(project)[0] + [language]
    with_parents = [parent for tag in tags for parent in [tag, *parent_locales(tag)]]
    return list(dict.fromkeys(with_parents))


def _text(f: Fields, node: Node, field: str, locale: str) -> str:
    """The text of one language. Its text policy (bidi marks, Zawgyi, mojibake) was
    applied when the file was read, in the language its key names (`load_yaml`'s
    ``worded`` fields), at the exact column of the character refused."""
    what = f"'{field}' in {locale}"
    if problem := no_text(f.path, node, what):
        raise problem
    if not isinstance(node, ScalarNode):
        f.fail(node, f"{what} must be text, not a list or mapping")
    value = str(node.value).strip()
    if not value:
        f.fail(node, f"{what} is empty")
    if problem := invisible_only(f.path, node, what):
        raise problem
    return composed(value)


def composed(value: str) -> str:
    """``value`` composed (NFC), as a leaflet's text is held (`inline.as_printed`), its
    lines kept (an address's). A profile saved decomposed by its editor ("Việt" as
    e ◌̣ ◌̂) printed the right glyphs, but the clinic's name is also every PDF's
    /Author and XMP creator, which kept the letters a search does not find."""
    return composition.composed(value)


def written_names(path: Path) -> tuple[str, ...]:
    """The names the organisation profile at ``path`` writes, in every language it
    writes one (``name: EDNA Wellness`` or one line per locale), as written: the
    clinic's own name, which a translation may print in any catalog (`i18n.kept_terms`).
    Nothing for a profile that cannot be read: the loader names its mistake at its line
    when a leaflet printed with it is built or checked."""
    try:
        top = load_yaml(path, ORGANISATION)
    except LeafletError:
        return ()
    fields = top.value if isinstance(top, MappingNode) else []
    node = next((v for k, v in fields if getattr(k, "value", None) == "name"), None)
    values = [v for _, v in node.value] if isinstance(node, MappingNode) else [node]
    return tuple(
        str(v.value).strip() for v in values if isinstance(v, ScalarNode) and str(v.value).strip()
    )
