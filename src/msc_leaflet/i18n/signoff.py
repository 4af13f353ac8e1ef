"""Review and sign-off of a translation, as linguistic validation does it.

Forward translation → review by a second linguist (``reviewer``) → optional
back-translation check (``back-translation``) → clinical approval (``clinical``). Each
sign-off is a record in ``locales/<lang>/signoff.yaml``, in the repository beside the
catalogs, bound to a fingerprint of the source entries, of the translation it
approved, and of everything else the page prints for a reader of that translation
(`signoff_scope`: its page words, contacts, numbers, references, pictures). Editing any
makes it *stale*; records are only ever appended, so the file is the history. A digest
per entry lets the proof list exactly what changed since the last approval.

Which roles a printed (``build --strict``) translation needs is the project's choice,
in ``msc-leaflet.toml``::

    [i18n]
    signoff_required = ["reviewer", "clinical"]   # default: ["clinical"]; [] turns it off
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..clock import iso_date, record_date
from ..content.composition import composed
from ..content.model import Leaflet, is_keyword_context
from ..content.text_policy import one_line_refusal, prints_nothing
from ..content.yaml_source import PlainConstructor, YamlFile, load_yaml, where
from ..errors import LeafletError, Location, counted, display_path, nearest, shown_value
from ..files import folder_locked, standing_there
from ..project import (
    Project,
    same_language,
    settings_location,
    settings_section,
    toml_kind,
    unknown_setting,
)
from .catalog import (
    Catalog,
    Entry,
    catalog_language,
    catalog_path,
    leaflet_locales,
    locale_folder,
    msgstr_as_read,
)
from .desk_labels import DESK_MESSAGES
from .extract import is_optional, leaflet_template
from .formatting import english_language_name
from .localizer import prints_translation, refusal_reasons
from .pofile import read_po
from .signoff_changes import (
    CONFIRMED,
    FROM_ELSEWHERE,
    MARKED_FUZZY,
    MERGED,
    MOVED,
    NEW_ENTRY,
    REMOVED,
    RENUMBERED,
    REWRITTEN,
    SOURCE_CHANGED,
    SPLIT,
    TRANSLATION_CHANGED,
    Beside,
    Change,
    kept_texts,
    removed,
    side_by_side,
    side_language,
    texts_beside,
    wording_changes,
)
from .signoff_scope import PageItem, is_page_item, is_translated, item_text, page_items

ROLES = ("reviewer", "back-translation", "clinical")
DEFAULT_REQUIRED = ("clinical",)
SIGNOFF_FILE = "signoff.yaml"
#: Longest name and note a sign-off keeps (a name, a remark on one line of the proof).
MAX_NAME = 200
MAX_NOTE = 2_000

SIGNOFF_YAML = YamlFile(
    "list of sign-offs",
    'note: "terminology: checked"',
    "the sign-offs of one language are a few kB: restore the file from git",
)
#: Named in the changes of an approval made before the page items were fingerprinted.
UNCOVERED_PAGE = DESK_MESSAGES["desk.change.page-items"]
UNCOVERED = "not covered by a sign-off made before they were"
NOT_READY_HINT = "translate and review them first; `msc-leaflet i18n stats` shows what is left"
DIGEST_CHARS = 12  # per entry: enough to tell edits apart, short enough to read in a diff
_HEADER = (
    "# Translation sign-offs, written by `msc-leaflet i18n review`; append-only history.\n"
    "# Each record is bound to the source and translation it approved (sha256).\n"
)


@dataclass(frozen=True)
class TextState:
    """The current source entries and translation of one leaflet in one locale."""

    source: str  # sha256 of every (msgctxt, msgid)
    translation: str  # sha256 of every usable msgstr
    entries: dict[str, str]  # msgctxt or page item → "<source digest> <translation digest>"
    # Contexts not printed translated (untranslated, fuzzy, or refused by the build's
    # checks): nothing to sign off yet. ``refused`` are those the build refuses.
    missing: tuple[str, ...] = ()
    page: str = ""  # sha256 of every page item (`signoff_scope`)
    refused: tuple[str, ...] = ()
    # Catalog entries only, in reading order: msgctxt → "<source> <translation>" digests
    # without the context, and digest → text, so a text that only moved is known as such
    # (`signoff_changes`).
    wording: dict[str, str] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    # Each current translation's digest confirmed and marked fuzzy → whether fuzzy: a
    # digest approved for the same words then tells a fuzzy mark removed or added.
    fuzzy: dict[str, bool] = field(default_factory=dict)


@dataclass(frozen=True)
class SignOff:
    leaflet: str
    role: str
    by: str
    date: dt.date
    source: str
    translation: str
    # "" in a record made before the page items were covered: current for no text.
    page: str = ""
    note: str = ""
    entries: dict[str, str] = field(default_factory=dict)
    # Absent from a record made before texts were kept: changes are then named by context.
    wording: dict[str, str] = field(default_factory=dict)
    # The approved texts by digest, each kept once per leaflet: in the first record that
    # approved it (`record_signoff`), so the file grows by what was edited.
    texts: dict[str, str] = field(default_factory=dict)

    def current(self, state: TextState) -> bool:
        return (self.source, self.translation, self.page) == (
            state.source,
            state.translation,
            state.page,
        )


@dataclass(frozen=True)
class Review:
    """What stats, the strict build and the proof need to know about one leaflet × locale."""

    state: str  # approved | reviewed | stale | translated | incomplete
    current_roles: tuple[str, ...]
    missing_roles: tuple[str, ...]
    history: tuple[SignOff, ...]
    changes: tuple[Change, ...]  # since the last approval (`signoff_changes`)
    approved_on: dt.date | None = None  # when the current text got its last required sign-off
    since: SignOff | None = None  # the approval ``changed`` is counted from

    @property
    def changed(self) -> tuple[tuple[str, str], ...]:
        """(context, what) of each change, as the proof lists them."""
        return tuple((change.context, change.what) for change in self.changes)


@dataclass(frozen=True)
class Pending:
    """What a sign-off of one leaflet × locale approves now: what `i18n review` shows
    the signer before and when signing."""

    leaflet: Leaflet
    locale: str
    state: TextState
    review: Review


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def _context(entry: Entry) -> str:
    return entry.msgctxt if entry.msgctxt is not None else entry.msgid


def text_state(
    template: Catalog, catalog: Catalog | None, page: dict[str, PageItem] | None = None
) -> TextState:
    """Fingerprints of ``template``'s entries and their translations in ``catalog``, and
    of the ``page`` items (`signoff_scope.page_items`) printed with them."""
    translated = catalog.lookup() if catalog is not None else {}
    language = catalog_language(catalog.path) if catalog is not None and catalog.path else ""
    sources, translations, entries, missing, refused = [], [], {}, [], []
    wording, texts, fuzzy = {}, {}, {}
    for entry in template.active:
        if is_keyword_context(entry.msgctxt):  # metadata, not read on a page (signoff_scope)
            continue
        found = translated.get(entry.key)
        rejected = found is not None and bool(
            refusal_reasons(found, language, template.source_language)
        )
        written = _translation(found, rejected)
        if not is_optional(entry.msgctxt) and not prints_translation(
            found, language, template.source_language
        ):
            missing.append(_context(entry))
            if rejected:
                refused.append(_context(entry))
        context = _context(entry)
        sources.append(_digest(context, entry.msgid))
        translations.append(_digest(context, *written))
        entries[context] = f"{sources[-1][:DIGEST_CHARS]} {translations[-1][:DIGEST_CHARS]}"
        said = {_digest(entry.msgid)[:DIGEST_CHARS]: entry.msgid}
        said[_digest(*written)[:DIGEST_CHARS]] = "\n".join(_read(found))
        wording[context] = " ".join(said)
        texts.update(said)
        if found is not None and found.has_translation:
            for marked in (False, True):
                fuzzy[_digest(*_translation(found, rejected, marked))[:DIGEST_CHARS]] = marked
    items = []
    for name, (source, printed) in (page or {}).items():
        items.append(_digest(name, source, printed))
        said = {_digest(name, source)[:DIGEST_CHARS]: item_text(name, source)}
        said[items[-1][:DIGEST_CHARS]] = printed  # kept, so an edit shows what was approved
        entries[name] = " ".join(said)
        texts.update(said)
    return TextState(
        _digest(*sources), _digest(*translations), entries, tuple(missing), _digest(*items),
        tuple(refused), wording, texts, fuzzy,
    )  # fmt: skip


def _translation(found: Entry | None, rejected: bool, fuzzy: bool | None = None) -> tuple[str, ...]:
    """What the fingerprint of ``found``'s translation is made of: its forms, and a mark
    when it is fuzzy. Nothing for an entry with no translation. A fuzzy reference title
    does not stop a sign-off (it may stay English) but `--allow-fuzzy` prints it: its
    words are approved with it, and the flag too, which decides whether it is printed.

    ``rejected``: the build refuses it now and prints the source instead
    (`localizer.refusal_reasons`). The verdict is what the reader reads, not the word
    lists and checks behind it (data/numbers.yaml, data/units.yaml, languages.yaml): an
    upgrade whose unit words refused an approved text printed English under a current
    approval, while one that changed words this text does not use must send no one back.
    No mark otherwise, so records made before it was fingerprinted stay current.
    ``fuzzy``: its words as if (not) marked fuzzy; by default as they are."""
    if found is None or not found.has_translation:
        return ("",)
    forms = _read(found)  # (msgstr,), or msgstr[0], msgstr[1]… of a plural
    marked = found.fuzzy if fuzzy is None else fuzzy
    marks = ("fuzzy",) * marked + ("refused",) * rejected
    return (*forms, *marks)


def _read(found: Entry | None) -> tuple[str, ...]:
    """``found``'s forms as its reader reads them, composed (`catalog.msgstr_as_read`): an
    editor that saved the catalog again decomposed (NFD, "ệ" as e ◌̣ ◌̂) or composed
    changed no word a reader reads, and made every approval stale, its changes listed
    with the same text as "was" and "now"."""
    return tuple(msgstr_as_read(form) for form in found.forms) if found else ()


def signoff_path(project: Project, locale: str) -> Path:
    return project.file("locales", locale_folder(project, locale), SIGNOFF_FILE)


def read_signoffs(project: Project, locale: str) -> list[SignOff]:
    path = signoff_path(project, locale)
    if not path.is_file() and standing_there(path) is None:
        return []  # none yet (a folder or a named pipe there is refused by the reader:
        # it was read as "no sign-offs", and every approval vanished from stats and review)
    try:
        root = load_yaml(path, SIGNOFF_YAML)
    except LeafletError as problem:
        if problem.message != "file is empty":
            raise
        return []
    if not isinstance(root, SequenceNode):
        raise LeafletError(where(path, root), "signoff.yaml must be a list of sign-offs")
    records = []
    for n, node in enumerate(root.value, 1):
        try:
            records.append(_record(PlainConstructor().construct_document(node)))
        except _Malformed as exc:
            raise LeafletError(
                where(path, _field(node, exc.key)),
                f"sign-off {n} is malformed: {exc}",
                "restore it from git",
            ) from None
        except (TypeError, ValueError, yaml.YAMLError) as exc:  # a date YAML cannot make
            raise LeafletError(
                where(path, _unreadable(node)),
                f"sign-off {n} is malformed: {exc}",
                "restore it from git",
            ) from None
    return records


class _Malformed(ValueError):
    """A record's field ``key`` is not what `i18n review` writes: named at its line."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


def _field(node: Node, key: str) -> Node:
    """The value of ``key`` in the record ``node``, where a message about it points; the
    record itself for a field it lacks. A hand-edited record was named "sign-off 2 is
    malformed: 'date'", with no line, in a file of a few hundred lines."""
    if isinstance(node, MappingNode):
        for name, value in node.value:
            if isinstance(name, ScalarNode) and name.value == key and isinstance(value, Node):
                return value
    return node


def _unreadable(node: Node) -> Node:
    """The field of the record ``node`` YAML cannot make a value of (2026-13-02, read
    as a date of month 13: an internal error), else the record."""
    for _, value in node.value if isinstance(node, MappingNode) else ():
        try:
            PlainConstructor().construct_document(value)
        except (TypeError, ValueError, yaml.YAMLError):
            return value if isinstance(value, Node) else node
    return node


def _record(item: Any) -> SignOff:
    if not isinstance(item, dict):
        raise _Malformed("", "not a mapping of leaflet, role, by, date…")
    # YAML reads 2026-11-01 as a date, 20261101 as a number: both go through the one
    # date rule, so a number, or a date with a time, is refused as any other bad date.
    written = _required(item, "date")
    try:
        date = iso_date(written.isoformat() if isinstance(written, dt.date) else str(written))
    except ValueError as exc:
        raise _Malformed("date", f"date: {exc}") from None
    role = _text(item, "role")
    if role not in ROLES:
        raise _Malformed("role", f"unknown role {role!r} (roles: {', '.join(ROLES)})")
    return SignOff(
        leaflet=_text(item, "leaflet"), role=role, by=_composed(_text(item, "by")),
        date=date, source=_text(item, "source"), translation=_text(item, "translation"),
        page=_text(item, "page", ""), note=_composed(_text(item, "note", "")),
        entries=_digests(item.get("entries"), "entries", 2),
        wording=_digests(item.get("wording"), "wording", 2),
        texts=_digests(item.get("texts"), "texts", None),
    )  # fmt: skip


def _required(item: dict[str, Any], key: str) -> Any:
    if item.get(key) is None:
        raise _Malformed(key, f"it has no {key}")
    return item[key]


def _text(item: dict[str, Any], key: str, default: str | None = None) -> str:
    """The record's field ``key`` as text: a name or digest YAML may read as a number,
    but not a list or a mapping (`by: [Dr B]` was printed "['Dr B']" in the proof's
    history). ``default`` where it may be left out."""
    value = item.get(key) if default is not None else _required(item, key)
    if value is None:
        return default or ""
    if isinstance(value, list | dict):
        raise _Malformed(
            key, f"{key} is a {'list' if isinstance(value, list) else 'mapping'}, not a text"
        )
    return str(value)


def _composed(said: str) -> str:
    """A name or note a reader reads (the proof's history, the desk's "Signed off by
    …"), `composed` (NFC): a terminal or a file saved decomposed wrote "Nguyễn" as its
    letters and their marks apart, which the desk showed so and a search missed."""
    return composed(said)


def _digests(value: Any, key: str, words: int | None) -> dict[str, str]:
    """A record's ``key`` mapping as written, each value a text: of ``words`` digests
    when given. Every change listed is read from them: a number or a lone digest
    written by hand ended `i18n review` and the desk's sign-off page in a traceback."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise _Malformed(key, f"{key} is not a mapping")
    for name, said in value.items():
        if not isinstance(said, str) or not _digest_count(said, words):
            wanted = f"{words} digests" if words else "a text"
            raise _Malformed(key, f"{key}: {name!s} is {said!r}, not {wanted}")
    return {str(name): said for name, said in value.items()}


def _digest_count(said: str, words: int | None) -> bool:
    """Whether ``said`` is ``words`` digests (None: any text)."""
    return words is None or len(said.split()) == words


#: The settings of [i18n] in ``msc-leaflet.toml``.
I18N_SETTINGS = ("signoff_required",)


def required_roles(project: Project) -> tuple[str, ...]:
    """The roles ``msc-leaflet.toml`` [i18n] signoff_required names (default: clinical)."""
    value = settings_section(project, "i18n").get("signoff_required", DEFAULT_REQUIRED)
    return tuple(value)


def check_section(section: dict[str, Any], path: Path) -> None:
    """Refuse an [i18n] table this stage cannot read: how `project_settings` checks the
    section for every command that reads the settings file."""
    for key in section:
        if key not in I18N_SETTINGS:
            raise unknown_setting(path, "i18n", key, I18N_SETTINGS)
    value = section.get("signoff_required", DEFAULT_REQUIRED)
    if isinstance(value, list | tuple):
        wrong = [role for role in value if role not in ROLES]
        if not wrong:
            return
        shown = shown_value(wrong[0]) if isinstance(wrong[0], str) else toml_kind(wrong[0])
        message = f"[i18n] signoff_required must be a list of roles, and {shown} is not one"
        meant = nearest(wrong[0], ROLES) if isinstance(wrong[0], str) else None
        example = f'"{meant}"' if meant else '"clinical"'
    else:
        message = f"[i18n] signoff_required must be a list of roles, not {toml_kind(value)}"
        example = f'"{value}"' if value in ROLES else '"clinical"'
    raise LeafletError(
        settings_location(path, "i18n", "signoff_required"),
        message,
        f"roles: {', '.join(ROLES)}; for example signoff_required = [{example}]",
    )


def record_signoff(
    project: Project,
    leaflet_id: str,
    locale: str,
    state: TextState,
    *,
    role: str,
    by: str,
    note: str = "",
    date: dt.date | None = None,
) -> SignOff:
    """Append a sign-off of the current text; refused while anything is untranslated."""
    path = signoff_path(project, locale)
    if role not in ROLES:
        hint = f"use one of: {', '.join(ROLES)}"
        raise LeafletError(Location(path), f"unknown role {role!r}", hint)
    for value, what in ((by, "name (--by)"), (note, "note (--note)")):
        problem = one_line_refusal(value)
        if problem is not None:
            raise LeafletError(
                Location(path), f"the sign-off's {what}: {problem.message}", problem.hint
            )
    for value, what, most in ((by, "name (--by)", MAX_NAME), (note, "note (--note)", MAX_NOTE)):
        if len(value) > most:
            # Kept for good in an append-only file read whole by every review: 20 notes
            # of 100,000 characters passed its size limit, and no sign-off could be read.
            raise LeafletError(
                Location(path),
                f"the sign-off's {what} is {len(value):,} characters; at most {most:,}",
                "shorten it: a record says who approved what; longer remarks belong "
                "in the translation's own comments or your review notes",
            )
    if prints_nothing(by):
        raise LeafletError(Location(path), "a sign-off needs a name", 'pass --by "Full Name"')
    if state.missing:
        # Named at the catalog's first such entry, where the work is: signoff.yaml, the
        # history, sent the translator to a file with nothing wrong in it.
        where, _ = first_missing(project, leaflet_id, locale, state)
        raise LeafletError(
            where,
            f"cannot sign off {leaflet_id} in {locale}: "
            f"{not_ready(state.missing, 'entry', state.refused)}",
            f"{first_to_do(project, leaflet_id, locale, state)}; then sign off again",
        )
    # Read and written back under a lock on the folder: a second sign-off at the same
    # moment (the reviewer's and the clinician's) waits, then adds to this one's file.
    with folder_locked(path.parent):
        earlier = read_signoffs(project, locale)
        kept = {d for r in earlier if r.leaflet == leaflet_id for d in r.texts}
        record = SignOff(
            leaflet_id, role, _composed(by.strip()), date or record_date(), state.source,
            state.translation, page=state.page, note=_composed(note.strip()),
            entries=dict(state.entries),
            wording=dict(state.wording),
            texts={d: text for d, text in state.texts.items() if d not in kept},
        )  # fmt: skip
        records = [*earlier, record]
        rows = [_row(r) for r in records]
        text = _HEADER + yaml.safe_dump(rows, allow_unicode=True, sort_keys=False, width=100)
        project.write(path, text.encode("utf-8"))  # through a shared folder's link
    return record


def _row(record: SignOff) -> dict[str, Any]:
    """A record as signoff.yaml writes it: the fields it has. ``wording`` and ``texts``
    are left out where empty, so a record of an earlier version is written back as read."""
    return {
        k: v
        for k, v in asdict(record).items()
        if v != "" and not (k in ("wording", "texts") and not v)
    }


def not_ready(missing: tuple[str, ...], noun: str, refused: tuple[str, ...] = ()) -> str:
    """Why a text cannot be signed off yet: "2 entries are untranslated or fuzzy (…)",
    and "1 entry is refused by the build's checks (…)" for ``refused`` (a part of
    ``missing``): called untranslated, a written translation sent its reader to stats."""
    others = tuple(context for context in missing if context not in refused)
    said = [
        f"{_counted(found, noun)} {what} ({_shown(found)})"
        for found, what in ((others, "untranslated or fuzzy"), (refused, REFUSED))
        if found
    ]
    return "; ".join(said)


#: What a translation the build refuses is (`localizer.prints_translation`); stats
#: says why, as NOT_READY_HINT tells.
REFUSED = "refused by the build's checks"


def _counted(found: tuple[str, ...], noun: str) -> str:
    many = f"{noun[:-1]}ies" if noun.endswith("y") else f"{noun}s"
    return counted(len(found), f"{noun} is", f"{many} are")


def _shown(contexts: tuple[str, ...]) -> str:
    return ", ".join(contexts[:8]) + (" …" if len(contexts) > 8 else "")


def first_missing(
    project: Project, leaflet_id: str, locale: str, state: TextState
) -> tuple[Location, Entry | None]:
    """Where the first text not printed translated (`TextState.missing`) is: its msgstr
    in the leaflet's catalog, and that entry; the catalog alone (no line) when it has
    no such entry or does not exist yet."""
    path = catalog_path(project, locale, leaflet_id)
    catalog = read_po(path) if path.is_file() else None
    context = state.missing[0]
    entry = next((e for e in catalog.active if _context(e) == context), None) if catalog else None
    return Location(path, (entry.msgstr_line or entry.line) if entry else 0), entry


def first_to_do(project: Project, leaflet_id: str, locale: str, state: TextState) -> str:
    """What to do before ``leaflet_id`` in ``locale`` can be signed off: the first text
    not printed translated (`TextState.missing`), at its msgstr, and what it needs. A
    strict build hinted `i18n review` alone, which then refused."""
    context = state.missing[0]
    location, entry = first_missing(project, leaflet_id, locale, state)
    where = display_path(location.path) + (f":{location.line}" if location.line else "")
    if entry is None or not entry.has_translation:
        todo = f"translate '{context}' at {where}"
    elif entry.fuzzy:
        todo = f"check the translation of '{context}' and remove its fuzzy flag at {where}"
    else:  # refused by the build's checks, or written in plural form
        todo = f"fix the translation of '{context}' at {where} (`msc-leaflet i18n check` says why)"
    more = len(state.missing) - 1
    return todo + (f" and {more} more (`msc-leaflet i18n stats`)" if more else "")


def review(
    project: Project, leaflet_id: str, locale: str, state: TextState, *, complete: bool
) -> Review:
    """The sign-off state of ``leaflet_id`` in ``locale`` against its current ``state``."""
    history = tuple(r for r in read_signoffs(project, locale) if r.leaflet == leaflet_id)
    required = required_roles(project)
    current = tuple(sorted({r.role for r in history if r.current(state)}, key=ROLES.index))
    missing = tuple(role for role in required if role not in current)
    if current and not missing:
        status = "approved"
    elif current:
        status = "reviewed"
    elif history:
        status = "stale"
    else:
        status = "translated" if complete else "incomplete"
    approvals = [
        r.date for r in history if r.current(state) and (r.role in required or not required)
    ]
    approved_on = max(approvals) if status == "approved" and approvals else None
    since = last_approval(history, required)
    texts = {d: text for r in history for d, text in r.texts.items()}
    changed = changed_since(since, state, {**texts, **state.texts})
    return Review(status, current, missing, history, changed, approved_on, since)


def last_approval(history: tuple[SignOff, ...], required: tuple[str, ...]) -> SignOff | None:
    """The sign-off changes are counted from: the latest in a required role, else the
    latest of any (a reviewer's, where the clinician has not signed yet)."""
    approvals = [r for r in history if r.role in required] or list(history)
    return approvals[-1] if approvals else None


def changed_since(
    approval: SignOff | None, state: TextState, texts: dict[str, str] | None = None
) -> tuple[Change, ...]:
    """What changed since ``approval``: the catalog's entries compared by their words
    (`signoff_changes`; by context for a record made before its texts were kept), the
    page items by name. ``texts``: digest → text, approved and current. A record made
    before the page items were covered is one line for all of them: none was approved."""
    if approval is None:
        return ()
    old = approval.entries
    covers_page = bool(approval.page)
    texts = texts or {}
    changed: list[Change] = []
    if not covers_page and any(is_page_item(context) for context in state.entries):
        changed.append(Change(UNCOVERED_PAGE, UNCOVERED))
    wording = state.wording  # the current texts, by context
    if approval.wording:  # else the catalog's entries are compared by context below
        words = wording_changes(
            approval.wording, wording, texts, state.refused, REFUSED, state.fuzzy
        )
    else:
        words, state = [], replace(state, wording={})
    for context, now in state.entries.items():
        if (is_page_item(context) and not covers_page) or context in state.wording:
            continue
        before = old.get(context)
        if before == now:
            continue
        if before is None:  # with its text, as a removed one: read before it is approved
            said = kept_texts(wording.get(context, now), texts)
            changed.append(Change(context, NEW_ENTRY, after=said))
            continue
        if before.split()[0] != now.split()[0]:
            what = SOURCE_CHANGED
        else:
            # Refused now (by this catalog's edit or by the package's checks): say why it
            # is no longer printed, not that its words changed, which they may not have.
            what = REFUSED if context in state.refused else TRANSLATION_CHANGED
        # A catalog entry's digests here include its context; its texts are kept by
        # its words alone (`wording`), which a record of an earlier version lacks.
        was = () if context in wording else kept_texts(before, texts)
        changed.append(Change(context, what, was, kept_texts(wording.get(context, now), texts)))
    changed += [
        removed(context, kept_texts(old[context], texts))
        for context in old
        if context not in state.entries and context not in approval.wording
    ]
    return (*words, *changed)


def leaflet_review(project: Project, leaflet: Leaflet, locale: str) -> tuple[TextState, Review]:
    """The current text of ``leaflet`` in ``locale`` and its sign-off state."""
    path = catalog_path(project, locale, leaflet.id)  # ar's, for an ar_EG build
    catalog = read_po(path) if path.is_file() else None
    state = leaflet_state(project, leaflet, locale, catalog)
    complete = catalog is not None and not state.missing
    text_locale = signoff_locale(project, leaflet.id, locale)
    return state, review(project, leaflet.id, text_locale, state, complete=complete)


def signoff_locale(project: Project, leaflet_id: str, locale: str) -> str:
    """The locale whose signoff.yaml holds the approvals of ``leaflet_id`` in ``locale``:
    that of the catalog a build of it reads (ar's for ar_EG, th's for th_TH, unless the
    variant has its own), where they are read. `i18n review -l th_TH` wrote its record
    to a new locales/th_TH/signoff.yaml that no review, build or desk page read: the
    reviewer's approval vanished, and a strict build asked for it again."""
    path = catalog_path(project, locale, leaflet_id)
    return catalog_language(path) if path.is_file() else locale


def leaflet_state(
    project: Project, leaflet: Leaflet, locale: str, catalog: Catalog | None
) -> TextState:
    """What a reader of ``leaflet`` in ``locale`` reads: its entries' source and their
    translations in ``catalog``, and the page items (`signoff_scope`)."""
    template = leaflet_template(leaflet, project)
    return text_state(template, catalog, page_items(project, leaflet, locale))


def proof_lines(
    result: Review, state: TextState, source: str, translation: str
) -> tuple[list[str], list[str | Beside]]:
    """The sign-off history (oldest first, each marked current or stale) and the entries
    changed since the last approval, as the proof's last page prints them: a split or
    merge followed by its approved and current texts, of a leaflet written in
    ``source`` translated into ``translation`` (language tags), kept apart from their
    labels so that each is set and tagged in its own language (an Arabic text inside an
    English line is read wrong)."""
    history = [
        f"{r.date.isoformat()} {r.role}: {r.by} ({'current' if r.current(state) else 'stale'})"
        + (f" — {r.note}" if r.note else "")
        for r in result.history
    ]
    changed: list[str | Beside] = []
    for c in result.changes:
        # Worded as `i18n review` words it: "the English text changed" names which
        # source (a Thai translation's English, or an English one's Thai), as
        # "source changed" did not.
        said = change_in_words(c, (source, translation))
        changed += [change_line(c, said), *texts_beside(c, source, translation)]
    return history, changed


def changes_in_words(pending: Pending) -> list[str]:
    """The changes since the last approval (the proof's list), each named as the proof
    names it, so the signer finds it there, and what changed in the languages' names:
    "lede: the English text changed", "organisation:phone: changed"."""
    languages = (pending.leaflet.language, pending.locale)
    lines = []
    for change in pending.review.changes:
        lines.append(change_line(change, change_in_words(change, languages)))
        lines += [f"  {line}" for line in side_by_side(change, *languages)]
    return lines


def change_line(change: Change, said: str) -> str:
    """The line naming ``change``, worded ``said`` (`change_in_words`), as `i18n review`
    and the proof print it: "paragraph/3: new entry"; a removed entry's, which no
    current context names, its words alone: "removed (was paragraph/5)"."""
    return f"{change.context}: {said}" if change.context else said


#: A desk.* message key and its values → the words (`desk.interface.Interface`, `english`).
Say = Callable[..., str]

#: The `desk_labels` message that words each kind of change taking no language's name.
CHANGE_MESSAGES = {
    NEW_ENTRY: "desk.change.new",
    REMOVED: "desk.change.removed",
    MOVED: "desk.change.moved",
    SPLIT: "desk.change.split",
    MERGED: "desk.change.merged",
    REWRITTEN: "desk.change.rewritten",
    RENUMBERED: "desk.change.renumbered",
    REFUSED: "desk.change.refused",
    UNCOVERED: "desk.change.uncovered",
}
#: The messages of the kinds of change said with the translation's language.
TRANSLATION_MESSAGES = {
    TRANSLATION_CHANGED: "desk.change.translation",
    CONFIRMED: "desk.change.confirmed",
    MARKED_FUZZY: "desk.change.marked-fuzzy",
}


def english(key: str, **values: object) -> str:
    """A desk message in its English source: what `i18n review` prints, and the desk in
    English, from the one wording (`desk_labels`) translators translate."""
    return DESK_MESSAGES[key].format(**values)


def change_in_words(
    change: Change,
    languages: tuple[str, str],
    say: Say = english,
    name: Callable[[str], object] = english_language_name,
) -> str:
    """What happened in ``change`` as `i18n review` says it, of a leaflet written in
    ``languages[0]`` translated into ``languages[1]`` (tags): "the Thai translation
    changed", the changed side named by the language it is written in (`side_language`,
    the rule its texts are tagged by: a page word's reworded source is "the English
    text", in a Thai leaflet too). ``say`` words it in another language and ``name``
    names a language for it: the desk's sign-off page in the reader's (its interface,
    and the languages as the reader names them). Built from messages, not from the
    English sentence, which a translated page cannot show."""
    said = _kind_in_words(change, languages, say, name)
    if change.small:
        said = say("desk.change.small", change=said)
    if change.origin and change.kind not in FROM_ELSEWHERE:
        said = say("desk.change.was-at", change=said, place=change.origin)
    return said


def _kind_in_words(
    change: Change, languages: tuple[str, str], say: Say, name: Callable[[str], object]
) -> str:
    """The kind of ``change`` alone, without its notes. An item printed as its source
    writes it (a phone, a DOI) has no translation: its "source changed" is "changed"."""
    if change.kind == SOURCE_CHANGED and not is_translated(change.context):
        return say("desk.change.item")
    if change.kind == SOURCE_CHANGED:
        return say("desk.change.source", language=name(side_language(change.context, 0, languages)))
    if change.kind in TRANSLATION_MESSAGES:
        language = name(side_language(change.context, 1, languages))
        return say(TRANSLATION_MESSAGES[change.kind], language=language)
    if change.kind == RENUMBERED and change.count > 1:
        return say("desk.change.renumbered-many", count=change.count)
    if change.kind in FROM_ELSEWHERE:
        return say(CHANGE_MESSAGES[change.kind], place=change.origin)
    return say(CHANGE_MESSAGES[change.kind])


def refuse_source_language(project: Project, leaflet: Leaflet, locale: str) -> None:
    """Refuse a sign-off of ``leaflet`` in the language it is written in: there is no
    translation to approve, and counting its texts against a catalog that does not
    exist called them all untranslated (the reviewer of a Thai leaflet was sent to
    fill a Thai catalog). The hint names the translations there are to sign off."""
    if not same_language(locale, leaflet.language):
        return
    others = [
        f"-l {other}"
        for other in leaflet_locales(project)
        if not same_language(other, leaflet.language)
        and catalog_path(project, other, leaflet.id).is_file()
    ]
    where = f"a translation of it ({', '.join(others)})" if others else "a translation of it"
    raise LeafletError(
        Location(leaflet.path),
        f"{leaflet.id} is written in {leaflet.language}: there is no {locale} translation "
        "to sign off",
        f"sign off {where}",
    )


def pending(project: Project, leaflet_id: str, locale: str) -> Pending:
    """What a sign-off of ``leaflet_id`` in ``locale`` would approve now: `i18n review`
    without a name shows it, so the signer reads what changed before signing."""
    from ..content.loader import load_leaflet

    locale = project.locale(locale)  # `-l xx` said its 40 entries were untranslated
    leaflet, _ = load_leaflet(project.leaflet_path(leaflet_id), project)
    refuse_source_language(project, leaflet, locale)
    state, found = leaflet_review(project, leaflet, locale)
    return Pending(leaflet, locale, state, found)


def sign_off(
    project: Project, leaflet_id: str, locale: str, *, role: str, by: str, note: str = ""
) -> tuple[SignOff, Pending, Review]:
    """`msc-leaflet i18n review`: record a sign-off of the current text; return the
    record, what it approved (the changes since the approval before it) and the new state."""
    before = pending(project, leaflet_id, locale)
    leaflet, locale = before.leaflet, before.locale
    record = record_signoff(
        project, leaflet.id, signoff_locale(project, leaflet.id, locale), before.state,
        role=role, by=by, note=note,
    )  # fmt: skip
    return record, before, leaflet_review(project, leaflet, locale)[1]
