"""The header of a translation (``.po``): what gettext tools need, nothing that churns.

A new catalog gets Language and Plural-Forms from Babel's CLDR-based plural table
and a PO-Revision-Date equal to the template's date (deterministic). An existing
catalog keeps everything its translators or their tools wrote (Last-Translator,
PO-Revision-Date, custom X- fields); only the fields derived from the template and
the encoding we write are refreshed.
"""

from __future__ import annotations

from babel.messages.plurals import get_plural

from .formatting import babel_locale

FROM_TEMPLATE = ("Project-Id-Version", "Report-Msgid-Bugs-To", "POT-Creation-Date")
ENCODING = {
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",  # format_po always writes UTF-8
    "Content-Transfer-Encoding": "8bit",
}


def plural_forms(locale: str) -> str:
    return str(get_plural(babel_locale(locale)))


def translation_header(
    template: dict[str, str], locale: str, old: dict[str, str] | None
) -> dict[str, str]:
    if old is None:
        header = {name: template.get(name, "") for name in FROM_TEMPLATE}
        header |= {
            "PO-Revision-Date": template.get("POT-Creation-Date", ""),
            "Last-Translator": "",
            "Language-Team": "",
            "Language": locale,
            **ENCODING,
            "Plural-Forms": plural_forms(locale),
        }
        if "X-Source-Language" in template:
            header["X-Source-Language"] = template["X-Source-Language"]
        return header
    header = dict(old)
    for name in FROM_TEMPLATE:
        if name in template:
            header[name] = template[name]
    if not header.get("Language"):
        header["Language"] = locale
    if not header.get("Plural-Forms") or "INTEGER" in header["Plural-Forms"]:
        header["Plural-Forms"] = plural_forms(locale)
    header |= ENCODING
    return header
