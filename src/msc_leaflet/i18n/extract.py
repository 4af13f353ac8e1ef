"""Leaflet model → translation template (one ``.pot`` per leaflet, plus ``ui``).

Every `Text` in the model becomes one message: msgctxt = `Text.context`, msgid = the
text with its inline markup as the author wrote it (``**bold**``, ``[@key]`` are
plain characters a translator can keep), ``#.`` = what the text is, ``#:`` = where
it is in the YAML. The same function backs `babel_extract`, so
``pybabel extract -F mapping.cfg`` sees exactly the messages ``i18n extract`` writes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..clock import source_moment
from ..content.inline import InlineError, parse_inline
from ..content.loader import load_leaflet
from ..content.model import REFERENCE_CONTEXT, Leaflet, Text, texts
from ..errors import LeafletError
from ..files import Stamp, file_stamp
from ..project import Project
from .catalog import UI_DOMAIN, Catalog, Entry
from .desk_labels import DESK_MESSAGES
from .labels import HEARD_NOT_PRINTED, UI_LANGUAGE, UI_MESSAGES

REFERENCE_PREFIX = REFERENCE_CONTEXT + "/"  # contexts of reference titles: optional
UI_TEMPLATE_DATE = dt.date(2026, 1, 1)  # the ui domain has no source file to date it by


def is_optional(context: str | None) -> bool:
    """Reference titles may stay in the original language (the cited work's title)."""
    return (context or "").startswith(REFERENCE_PREFIX)


def template_date(fallback: dt.date) -> str:
    """POT-Creation-Date: SOURCE_DATE_EPOCH if set, else a date from the content.

    Never the wall clock: re-running extract must give byte-identical files.
    """
    moment = source_moment() or dt.datetime(
        fallback.year, fallback.month, fallback.day, tzinfo=dt.UTC
    )
    return moment.strftime("%Y-%m-%d %H:%M+0000")


def template_header(project_id: str, date: str, source_language: str) -> dict[str, str]:
    return {
        "Project-Id-Version": project_id,
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": date,
        "PO-Revision-Date": "YEAR-MO-DA HO:MI+ZONE",
        "Last-Translator": "FULL NAME <EMAIL@ADDRESS>",
        "Language-Team": "LANGUAGE <LL@li.org>",
        "Language": "",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": source_language,
    }


def markup_note(value: str) -> str:
    """Tell the translator which markup must survive, in the words of docs/format.md."""
    try:
        spans = parse_inline(value)
    except InlineError:
        return ""
    kept: list[str] = []
    if any(s.bold for s in spans):
        kept.append("**bold**")
    if any(s.italic for s in spans):
        kept.append("*italic*")
    kept += sorted({f"[…]({s.link})" for s in spans if s.link})
    cites = [k for s in spans for k in s.cites]
    if cites:
        kept.append("citations " + ", ".join(f"[@{k}]" for k in dict.fromkeys(cites)))
    return f"Keep the markup: {'; '.join(kept)}." if kept else ""


def _comments(text: Text) -> list[str]:
    lines = [line for line in text.comment.splitlines() if line.strip()]
    if is_optional(text.context):
        lines.append("Optional: leave untranslated to print the original title.")
    note = markup_note(text.value)
    return [*lines, note] if note else lines


def leaflet_entries(leaflet: Leaflet, reference_path: str) -> list[Entry]:
    """One entry per distinct (context, text), in reading order."""
    entries: dict[tuple[str, str], Entry] = {}
    for text in texts(leaflet):
        where = f"{reference_path}:{text.line}"
        entry = entries.get((text.context, text.value))
        if entry is None:
            entries[(text.context, text.value)] = Entry(
                msgid=text.value,
                msgctxt=text.context,
                extracted=_comments(text),
                references=[where],
            )
        elif where not in entry.references:
            entry.references.append(where)
    return list(entries.values())


#: The end of the comment line that marks a template as ours (`workflow.stale_templates`
#: removes one whose leaflet is gone; a template someone else made is only named).
GENERATED = "by `msc-leaflet i18n extract`; do not edit."


def leaflet_template(leaflet: Leaflet, project: Project) -> Catalog:
    source = leaflet.path.relative_to(project.root).as_posix()
    return Catalog(
        header=template_header(
            f"{leaflet.id} {leaflet.document.version}",
            template_date(leaflet.document.published),
            leaflet.language,
        ),
        header_comments=[
            f"Translation template for the leaflet {leaflet.id!r}.",
            f"Generated from {source} {GENERATED}",
        ],
        header_flags=["fuzzy"],
        entries=leaflet_entries(leaflet, source),
    )


def ui_template() -> Catalog:
    """The layout's own words (`labels.UI_MESSAGES`) and the desk's (`desk.messages`),
    msgctxt = label key."""
    entries = []
    for key, message in UI_MESSAGES.items():
        heard = HEARD_NOT_PRINTED.get(key)
        extracted = [
            f"{heard} ({key}); not printed." if heard else f"Printed by the page layout ({key})."
        ]
        if "{" in message:
            extracted.append("Keep the {placeholders} exactly as they are.")
        entries.append(Entry(msgid=message, msgctxt=key, extracted=extracted))
    for key, message in DESK_MESSAGES.items():  # the web app's words (`msc-leaflet serve`)
        extracted = [f"Shown by the clinic desk, the web app ({key})."]
        if "{" in message:
            extracted.append("Keep the {placeholders} exactly as they are.")
        entries.append(Entry(msgid=message, msgctxt=key, extracted=extracted))
    return Catalog(
        header=template_header("msc-leaflet ui", template_date(UI_TEMPLATE_DATE), "en"),
        header_comments=[
            "Translation template for the words the leaflet layout prints.",
            "Generated by `msc-leaflet i18n extract`; do not edit.",
        ],
        header_flags=["fuzzy"],
        entries=entries,
    )


def project_templates(project: Project) -> dict[str, Catalog]:
    """Every template the project needs, by domain: each leaflet, then ``ui``."""
    templates: dict[str, Catalog] = {}
    for leaflet_id in project.leaflet_ids():
        leaflet, _warnings = load_leaflet(project.leaflet_path(leaflet_id), project)
        templates[leaflet.id] = leaflet_template(leaflet, project)
    templates[UI_DOMAIN] = ui_template()
    return templates


def msgid_language(project: Project, path: Path, declared: str = "") -> str:
    """The language the msgids of the catalog at ``path`` are written in: its leaflet's
    ``language:`` (the domain is the file's name), English for ``ui.po``. Every stage
    that reads msgids (`i18n check`'s numbers, export's source-language, stats' words)
    asks this, not the header: X-Source-Language is a copy `i18n extract` writes, which
    a translator's tool may drop or an older catalog lack, and read as English a Thai
    leaflet's 2534 (B.E.) refused a correct 1991 and its 10 มก. let "10 g" pass.

    ``declared`` (the header's X-Source-Language) answers only where the project cannot:
    a catalog whose leaflet is gone, or cannot be read just now (its own error is the
    build's and `check`'s to report, not a reason to refuse an export)."""
    domain = path.stem
    if domain == UI_DOMAIN:
        return UI_LANGUAGE
    if domain in project.leaflet_ids():
        try:
            source = project.leaflet_path(domain)
            return _leaflet_language(project, source, file_stamp(source.stat()))
        except (LeafletError, OSError):
            pass
    return declared or UI_LANGUAGE


@lru_cache(maxsize=64)
def _leaflet_language(project: Project, path: Path, stamp: Stamp) -> str:
    """A leaflet's ``language:``, read once per version of its file: `i18n check` asks
    it for each of the leaflet's catalogs, one per locale."""
    return load_leaflet(path, project)[0].language


def babel_extract(
    fileobj: Any,
    keywords: Mapping[str, Any],
    comment_tags: Sequence[str],
    options: Mapping[str, Any],
) -> Iterator[tuple[int, str, tuple[str, str], list[str]]]:
    """Babel extraction method for ``leaflets/*.yaml`` (entry point ``msc_leaflet``).

    Messages come out as ``pgettext`` calls so Babel keeps the context. The project
    root is the folder above ``leaflets/`` unless the mapping gives ``project = …``.
    """
    path = Path(getattr(fileobj, "name", "")).resolve()
    root = Path(options["project"]) if options.get("project") else path.parent.parent
    leaflet, _warnings = load_leaflet(path, Project.at(root))
    for entry, text in _first_texts(leaflet):
        yield text.line, "pgettext", (entry.msgctxt or "", entry.msgid), entry.extracted


def _first_texts(leaflet: Leaflet) -> Iterator[tuple[Entry, Text]]:
    for text in texts(leaflet):
        yield Entry(msgid=text.value, msgctxt=text.context, extracted=_comments(text)), text
