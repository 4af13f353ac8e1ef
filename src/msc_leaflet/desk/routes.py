"""The desk's pages: library, leaflet, patient pack, status; and the PDFs and pictures
they link to. Each handler checks what it was asked (`choices`), reads the shelf, asks
`builds` for outputs and renders a template. Nothing here writes a source file.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable, Sequence
from typing import Any
from urllib.parse import urlencode

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from ..errors import Finding, LeafletError, Location
from ..files import download_name
from ..finishing.imposition import sheet_order
from ..finishing.preview import page_name
from ..i18n import format_date
from ..i18n.catalog import UI_DOMAIN, Catalog, locale_folders, po_path
from ..i18n.extract import ui_template
from ..i18n.formatting import language_name
from ..i18n.pofile import read_po
from ..i18n.stats import CatalogStats, catalog_stats
from ..languages import conjoined, profile, right_to_left
from ..print_spec import EDITIONS, PrintSpec
from ..project import same_language
from . import choices
from .app import UI_COOKIE, Desk
from .builds import BuildFailed, Built, NoSuchEdition, NotBuilt
from .choices import MAX_PACK, PAPERS, NotReady, PrintChoice, Refused
from .downloads import content_disposition
from .fonts import FONTS_PATH, desk_languages, font_file, served_config, stylesheet
from .guard import MAX_QUERY, sent_by_another_site
from .interface import (
    SOURCE_LANGUAGE,
    Interface,
    Language,
    Languages,
    interface,
    interface_languages,
    language_label,
)
from .pack import Cover, CoverEntry, PackItem, make_pack
from .shelf import LeafletCard, Shelf, described, in_project, without_folders
from .signoff_view import signoff_view

# The desk words the patient pack's cover prints, in the patient's language.
COVER_WORDS = ("desk.pack-cover", "desk.pack-for", "desk.pack-date", "desk.pack-contents")
# The language of what the desk does not translate: check findings, refusals, build
# errors (worded as the command line words them). Pages tag them with it.
MESSAGES_LANGUAGE = SOURCE_LANGUAGE
MAX_SEARCH = 200  # characters of a title search
# A pack link's mark that its reader was shown what the builds warned of (`pack_pdf`).
WARNED = "warned"
MAX_PAGES = 200  # a leaflet is a few pages; a larger page number is not a real request
PACK_NAME = "patient-pack"  # a pack's download: patient-pack.<locale>.pdf

Handler = Callable[[Request], Awaitable[Response]]


def routes() -> list[Route]:
    return [
        Route("/", _page(library)),
        Route("/leaflets/{leaflet_id}", _page(leaflet_page)),
        Route("/leaflets/{leaflet_id}/pdf", _page(leaflet_pdf)),
        Route("/leaflets/{leaflet_id}/pages/{page:int}.png", _page(page_picture)),
        Route("/leaflets/{leaflet_id}/signoff", _page(signoff_page)),
        Route("/pack", _page(pack_page)),
        Route("/pack.pdf", _page(pack_pdf)),
        Route("/status", _page(status_page)),
        Route("/interface", _page(switch_interface)),
        Route("/fonts.css", font_stylesheet),
        Route(FONTS_PATH + "/{digest}/{name}", font_face),
    ]


def _page(handler: Handler) -> Handler:
    """Refusals and build failures as a page in the reader's language, with their status."""

    @functools.wraps(handler)
    async def wrapped(request: Request) -> Response:
        t = _desk(request).interface_for(request)
        if moved := _respelled(request):
            return RedirectResponse(moved, 301)
        try:
            return await handler(request)
        except Refused as refused:
            if refused.key:  # the desk's own words, in the reader's language alone
                lead, reason = t(refused.key, **refused.values), ""
            else:  # the command line's check of an id or locale, introduced
                lead, reason = t("desk.bad-address"), refused.reason
            status = refused.status
        except BuildFailed as failed:
            if failed.key:  # the desk's own trouble (its pool, its file), in its words
                lead, reason = t(failed.key, **failed.values), ""
            else:  # the build's error, as the command line prints it, introduced
                lead, reason = t("desk.build-failed"), _failure(request, failed)
            status = 500
        except LeafletError as error:
            # A source the page needs cannot be read (a half-saved .po, say): named, file
            # and line, with what to do, as the command line would; not a bare 500.
            lead, reason, status = t("desk.source-error"), _source_error(request, error), 500
        return render(request, "error.html", {"reason": reason, "lead": lead}, status)

    return wrapped


def _respelled(request: Request) -> str | None:
    """This address with its locale in its one spelling (``lang=TH`` → ``lang=th``),
    every other choice kept; None when it is spelled so. The command line builds
    ``-l TH``, and the desk refused the same language in a link as one the project
    does not have; answered at one address, the page and its links name one locale."""
    params = request.query_params.multi_items()
    kept = [(k, (choices.respelled_locale(v) or v) if k == "lang" else v) for k, v in params]
    if kept == params:
        return None
    return f"{request.url.path}?{urlencode(kept)}"


async def no_such_page(request: Request, _error: Exception) -> Response:
    """An address the desk has no page for (a typo, an old bookmark): a page of the desk
    in the reader's language, with its menu and a way back, where Starlette answered
    the bare English text "Not Found"."""
    t = _desk(request).interface_for(request)
    return render(request, "error.html", {"lead": t("desk.no-page")}, 404)


def _source_error(request: Request, error: LeafletError) -> str:
    return described(_desk(request).project, error)


def _failure(request: Request, failed: BuildFailed) -> str:
    """A failed build's message with its file as the project names it (the build names
    it from the server's working directory, a path the clinic cannot act on)."""
    project = _desk(request).project
    if failed.problem is not None:
        return described(project, failed.problem)
    return without_folders(project, failed.message)


def _desk(request: Request) -> Desk:
    desk: Desk = request.app.state.desk
    return desk


def render(request: Request, template: str, context: dict[str, Any], status: int = 200) -> Response:
    desk = _desk(request)
    t = desk.interface_for(request)
    # Each language by its own name as CLDR gives it standing alone ("繁體中文"), as the
    # desk names languages elsewhere: Babel's display name wrote "中文 (繁體)", a Latin
    # space and parentheses in a Chinese name.
    switches = [
        (code, language_label(code, code), _switch_link(request, code))
        for code in interface_languages(desk.project)
    ]  # fmt: skip
    base = {
        "t": t, "ui": t.language, "switches": switches, "path": request.url.path,
        "language": lambda code: language_label(code, t.language),
        "messages_lang": MESSAGES_LANGUAGE,
        "date": lambda day: format_date(day, t.language),
        # How the reader's language punctuates: list and clause separators, label ends.
        "written": profile(t.language),
    }  # fmt: skip
    html = desk.templates.get_template(template).render(base | context)
    return HTMLResponse(html, status)


def _switch_link(request: Request, code: str) -> str:
    """The language switch back to this page. Its address rides in the link's query,
    percent-encoded once more: a page with a long query (a 200-letter Thai search) made
    a link the guard refuses as too long (`MAX_QUERY`); past that it leads back to the
    page without its query."""
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    for back in (here, request.url.path):
        query = urlencode({"lang": code, "next": back})
        if len(query) <= MAX_QUERY:
            break
    return f"/interface?{query}"


async def current_shelf(desk: Desk) -> Shelf:
    return await asyncio.to_thread(desk.shelf)


def _card_language(card: LeafletCard, wanted: str, ui: str) -> str:
    for candidate in (wanted, ui):
        if candidate and card.printable_in(candidate):
            return candidate
    return card.language


async def library(request: Request) -> Response:
    desk = _desk(request)
    shelf = await current_shelf(desk)
    t = desk.interface_for(request)
    params = request.query_params
    # Each asked for once, as the PDF route asks (`choices.single`), before a language
    # refused is read below as one since removed.
    language, topic, query = (choices.single(params, f, t.language) for f in ("lang", "topic", "q"))
    gone = ""
    try:
        language = choices.locale(shelf, language) if language else ""
    except Refused as refused:
        if not refused.key:
            raise  # not a language code at all: an address made by hand
        # A bookmark kept after a language was removed: as for a topic gone, the
        # library with every language, saying so at the language choice.
        language, gone = "", language
    stale = bool(topic) and topic not in shelf.topics
    if stale:
        # A bookmark, or a page opened before an editor renamed the keyword: the library
        # as asked for but with every topic, saying so at the topic list (the search
        # typed is kept); 404, as the topic is not there.
        topic = ""
    query = query[:MAX_SEARCH]
    # A link naming a language no leaflet is ready in (a bookmark, a translation
    # withdrawn): kept as asked, and the page says why nothing shows, at the choice.
    unprintable = bool(language) and language not in shelf.printable_locales
    cards = [
        (card, _card_language(card, language, t.language))
        for card in shelf.find(query, language, topic)
    ]
    return render(request, "library.html", {
        "shelf": shelf, "cards": cards, "chosen": language, "topic": topic, "query": query,
        "today": desk.today(), "stale_topic": stale, "unprintable": unprintable,
        "gone_language": gone, "relative": lambda f: in_project(desk.project, f.location),
    }, 404 if stale or gone else 200)  # fmt: skip


class NotBuiltYet(Refused):
    """A ``HEAD`` for an output not up to date: 404, nothing built. A ``HEAD`` asks
    for the headers a ``GET`` would get, yet ran the ``GET``'s build (a link checker,
    a browser checking a link before a download kept the cores busy); what a ``GET``
    would answer is not known until the build has run."""

    def __init__(self) -> None:
        super().__init__(404, "not built yet: a HEAD builds nothing, a GET builds it")


def _head(request: Request) -> bool:
    return request.method == "HEAD"


def _not_ready(card: LeafletCard, locale: str) -> str:
    """In English, for a log; the page says it with `Refused.key`."""
    return f"“{card.title(card.language)}” is not ready in {language_name(locale)}"


async def _built(
    desk: Desk, card: LeafletCard, choice: PrintChoice, head: bool = False
) -> tuple[Built, bytes]:
    """The output for ``choice`` and the bytes built, to hand out or draw: never a file
    another build renamed in meanwhile (`Builds.pdf_bytes`). For a ``head`` request,
    only an output already up to date; else a 404 (`NotBuiltYet`), nothing built."""
    if not (choice.proof or card.printable_in(choice.locale, choice.paper == "booklet")):
        # Handed out, it would read as the patient's own; the proof lists what is left.
        title, language = card.title(card.language), Language(choice.locale)
        raise NotReady(400, _not_ready(card, choice.locale), "desk.not-ready-title",
                       title=title, language=language)  # fmt: skip
    spec = choices.print_spec(choice.paper, choice.colour, choice.proof, desk.default_paper)
    try:
        return await desk.builds.pdf_bytes(card.id, choice.locale, choice.edition, spec,
                                           build=not head)  # fmt: skip
    except NotBuilt:
        raise NotBuiltYet() from None
    except NoSuchEdition:
        raise Refused(404, f"no {choice.edition} edition in {choice.locale}",
                      "desk.unavailable") from None  # fmt: skip


def _choice(request: Request, shelf: Shelf) -> tuple[LeafletCard, PrintChoice]:
    desk = _desk(request)
    card = choices.leaflet(shelf, request.path_params["leaflet_id"])
    ui = desk.interface_for(request).language
    return card, choices.print_choice(shelf, card, request.query_params, ui, desk.default_paper)


async def _pages(desk: Desk, built: Built, pdf: bytes) -> int:
    job = built.job
    folder = desk.builds.out_dir / "preview" / job.locale / f"{job.leaflet_id}{job.variant}"
    return await desk.previews(built.path, built.sha256, folder, pdf)


async def leaflet_page(request: Request) -> Response:
    desk = _desk(request)
    shelf = await current_shelf(desk)
    card = choices.leaflet(shelf, request.path_params["leaflet_id"])
    ui = desk.interface_for(request).language
    choice, bad = choices.kept_print_choice(
        shelf, card, request.query_params, ui, desk.default_paper
    )
    built: Built | None = None
    pages = 0
    problem = ""
    try:
        if not bad:  # nothing is built for choices nobody made
            built, pdf = await _built(desk, card, choice, _head(request))
            pages = await _pages(desk, built, pdf)
    except NotBuiltYet:
        raise
    except NotReady:
        problem = "desk.not-ready-in"
    except Refused:
        problem = "desk.unavailable"

    def where(finding: Finding) -> str:
        return in_project(desk.project, finding.location)

    # A catalog of the leaflet's that cannot be read is named under Translation, in
    # its language's row, file and line: not listed again among the checks (it was,
    # twice).
    above = {(where(f), f.message) for f in card.unreadable.values()}
    findings = [
        f for f in await desk.findings(shelf)
        if _leaflet_of(f) == card.id and (where(f), f.message) not in above
    ]  # fmt: skip
    t = desk.interface_for(request)
    booklet = built is not None and choice.paper == "booklet"
    # The page words printed in English, under Translation: those the build warned of
    # are said once, among its warnings (announced).
    warnings = _warnings(desk, built)
    english = card.words_in_english(choice.locale, choice.paper == "booklet")
    # Said at its field: a value not offered, or values given twice (each perhaps
    # offered: "“th, en” is not offered" read as if Thai were not).
    said_at_field = {
        b.field: t("desk.given-twice-here" if b.twice else "desk.not-offered", value=b.value)
        for b in bad
    }
    return render(request, "leaflet.html", {
        "card": card, "choice": choice, "problem": problem, "built": built,
        "pictures": picture_names(t, pages, booklet=booklet,
                                  right_to_left=right_to_left(choice.locale)),
        "landscape": booklet, "warnings": warnings,
        "english": _not_warned(desk, english, warnings),
        "shelf": shelf, "findings": findings, "editions": EDITIONS, "papers": PAPERS,
        "today": desk.today(), "relative": where,
        # A check result in one of the leaflet's catalogs (LOAD001 of a .po another
        # language reads) is named with its file and line: "the string is not closed"
        # alone did not say which catalog. Those in the leaflet's YAML are its own.
        "catalog_place": lambda f: where(f) if f.location.path.suffix == ".po" else "",
        "bad": said_at_field,
    }, 400 if bad else 200)  # fmt: skip


async def signoff_page(request: Request) -> Response:
    """A translation's sign-off history, what changed since its last approval (was and
    now) and `i18n check`'s findings on its entries: what `i18n review` shows a
    clinician before signing, read-only."""
    desk = _desk(request)
    shelf = await current_shelf(desk)
    card = choices.leaflet(shelf, request.path_params["leaflet_id"])
    t = desk.interface_for(request)
    params = request.query_params
    locale = choices.locale(shelf, choices.single(params, "lang", t.language))
    page = _page_number(choices.single(params, "page", t.language) or "1")
    view = await asyncio.to_thread(signoff_view, desk.project, card.id, locale, page, t)
    return render(request, "signoff.html", {
        "card": card, "view": view, "relative": lambda f: in_project(desk.project, f.location),
    })  # fmt: skip


def _page_number(value: str) -> int:
    """A page of a list counted from 1: digits only, as a link writes it."""
    if not (value.isascii() and value.isdigit()) or not 0 < int(value) <= MAX_PAGES * 100:
        raise Refused(400, f"not a page number: {value[:20]!r}")
    return int(value)


def picture_names(t: Interface, pictures: int, *, booklet: bool, right_to_left: bool) -> list[str]:
    """The name (alt text) of each page picture. A booklet's picture is one side of a
    sheet, two pages in the order they print (`sheet_order`): named "Page 1", the side
    holding pages 8 and 1 was taken for the leaflet's first page."""
    if not booklet:
        return [t("desk.page-image", page=n) for n in range(1, pictures + 1)]
    return [
        t("desk.sheet-back" if side % 2 else "desk.sheet-front",
          sheet=side // 2 + 1, left=left, right=right)
        for side, (left, right) in enumerate(sheet_order(2 * pictures, right_to_left))
    ]  # fmt: skip


def _warnings(desk: Desk, *built: Built | None) -> list[str]:
    """What the builds of ``built`` (a leaflet, a pack's leaflets) warned of, as
    `msc-leaflet build` prints it, each once, its files named as the project names them:
    the desk built the same PDFs and said nothing of a word printed in English."""
    said = (warning for one in built if one is not None for warning in one.warnings)
    return list(dict.fromkeys(without_folders(desk.project, warning) for warning in said))


def _not_warned(desk: Desk, findings: Sequence[Finding], warnings: list[str]) -> list[Finding]:
    """``findings`` the build's ``warnings`` do not say: a page word in English, listed
    under Translation, was said again in the build's warnings of the same page.
    Compared as shown (`without_folders`): a build names its files from its worker's
    folder, the page from wherever the desk was started."""
    said = set(warnings)
    return [f for f in findings if without_folders(desk.project, str(f)) not in said]


async def leaflet_pdf(request: Request) -> Response:
    desk = _desk(request)
    card, choice = _choice(request, await current_shelf(desk))
    built, data = await _built(desk, card, choice, _head(request))
    job = built.job
    return _pdf(data, download_name(job.locale, job.leaflet_id, job.variant))


def _pdf(data: bytes | None, name: str) -> Response:
    """A PDF to hand out, sent whole (docs/desk.md); ``None``: the headers of one not
    made, for a ``HEAD``, without a length (Starlette would say 0 bytes)."""
    response = Response(data, media_type="application/pdf", headers={
        "content-disposition": content_disposition(name),
        "cache-control": "no-cache",
    })  # fmt: skip
    if data is None:
        del response.headers["content-length"]
    return response


async def page_picture(request: Request) -> Response:
    desk = _desk(request)
    card, choice = _choice(request, await current_shelf(desk))
    number = request.path_params["page"]
    if not 1 <= number <= MAX_PAGES:  # refused before anything is built
        raise Refused(404, f"no page {number}", "desk.no-page")
    built, pdf = await _built(desk, card, choice, _head(request))
    pages = await _pages(desk, built, pdf)
    if number > pages:
        raise Refused(404, f"no page {number}", "desk.no-page")
    job = built.job
    folder = desk.builds.out_dir / "preview" / job.locale / f"{job.leaflet_id}{job.variant}"
    data = (folder / page_name(number)).read_bytes()
    return Response(data, media_type="image/png", headers={"cache-control": "no-cache"})


async def pack_page(request: Request) -> Response:
    """The pack form; a link back to it (``missing=1``, from an empty pack) keeps what
    was chosen."""
    desk = _desk(request)
    shelf = await current_shelf(desk)
    t = desk.interface_for(request)
    params = request.query_params
    try:
        # Each once (`choices.single`): ``lang=th&lang=en`` ticked one of the two
        # without a word, and the pack was made in a language nobody chose alone.
        for field in ("lang", "with_source"):
            choices.single(params, field, t.language)
    except Refused as refused:
        if not refused.key:
            raise  # no field the form offers: an address made by hand
        return _pack_form(request, shelf, t(refused.key, **refused.values), "language",
                          status=400)  # fmt: skip
    problem = t("desk.pack-choose") if choices.single(params, "missing", t.language) == "1" else ""
    return _pack_form(request, shelf, problem, "leaflets", status=200)


def _pack_form(
    request: Request,
    shelf: Shelf,
    problem: str,
    field: str,
    *,
    status: int,
    warnings: list[str] | None = None,
) -> Response:
    """The pack form as it was sent (ticks, language, original option): a refused pack
    comes back with ``problem`` (in the reader's language) tied to its ``field`` group,
    "leaflets" or "language", so nothing chosen is lost. A pack whose builds warned
    comes back with the ``warnings`` and a link to its PDF (`WARNED`)."""
    t = _desk(request).interface_for(request)
    params = request.query_params
    # A field given twice names no one value: nothing is picked for it (`pack_page`).
    wanted, with_source = (params.getlist(f) for f in ("lang", "with_source"))
    warned_pdf = ""
    if warnings:
        seen = [*((k, v) for k, v in params.multi_items() if k != WARNED), (WARNED, "1")]
        warned_pdf = f"/pack.pdf?{urlencode(seen)}"
    return render(request, "pack.html", {
        "shelf": shelf, "chosen": t.language if t.language in shelf.locales else "",
        "ticked": set(params.getlist("leaflet")), "with_source": with_source == ["1"],
        "originals": Languages(shelf.source_languages),
        "pack_lang": wanted[0] if len(wanted) == 1 and wanted[0] in shelf.locales else "",
        "problem": problem, "problem_field": field,
        "warnings": warnings or [], "warned_pdf": warned_pdf,
    }, status)  # fmt: skip


async def pack_pdf(request: Request) -> Response:
    desk = _desk(request)
    shelf = await current_shelf(desk)
    params = request.query_params
    ids = list(dict.fromkeys(params.getlist("leaflet")))
    if not ids:
        kept = [("missing", "1"), *((k, v) for k, v in params.multi_items() if k != "missing")]
        return RedirectResponse(f"/pack?{urlencode(kept)}", 303)
    t = desk.interface_for(request)
    if len(ids) > MAX_PACK:
        reason = t("desk.pack-too-many", count=MAX_PACK)
        return _pack_form(request, shelf, reason, "leaflets", status=400)
    group = "language"
    try:
        # Each once (`choices.single`): read as one of two, a pack was handed out in a
        # language nobody chose alone.
        lang, source, warned = (choices.single(params, f, t.language)
                                for f in ("lang", "with_source", WARNED))  # fmt: skip
        group = "leaflets"
        cards = [choices.leaflet(shelf, leaflet_id) for leaflet_id in ids]
        group = "language"
        lang = choices.locale(shelf, lang)
    except Refused as refused:
        if not refused.key:
            raise  # no id or language the form offers: an address made by hand
        # A leaflet renamed or a language removed since the form was opened: the form
        # comes back as sent, the error at its group, nothing else chosen lost.
        reason = t(refused.key, **refused.values)
        return _pack_form(request, shelf, reason, group, status=refused.status)
    for card in cards:
        if not card.printable_in(lang):
            # Handed out under a cover in the patient's language, it would read as
            # theirs: `build` warns of such a leaflet, and a pack has no room to.
            reason = t("desk.pack-not-ready", title=card.title(card.language),
                       language=Language(lang))  # fmt: skip
            return _pack_form(request, shelf, reason, "leaflets", status=400)
    words: Interface = interface(desk.project, lang)
    if missing := words.untranslated(COVER_WORDS):
        # The cover is the patient's first page: in English, the pack reads as not theirs.
        catalog = in_project(desk.project, Location(po_path(desk.project, lang, UI_DOMAIN)))
        reason = t("desk.pack-cover-english", language=Language(lang),
                   entries=conjoined(missing, t.language), catalog=catalog)  # fmt: skip
        return _pack_form(request, shelf, reason, "language", status=400)
    with_source = source == "1"
    editions = [
        "sequential" if with_source and not same_language(lang, card.language) else "single"
        for card in cards
    ]
    try:
        built = await asyncio.gather(*(
            desk.builds.pdf_bytes(card.id, lang, edition, PrintSpec(), build=not _head(request))
            for card, edition in zip(cards, editions, strict=True)
        ))  # fmt: skip
    except NotBuilt:
        raise NotBuiltYet() from None
    warnings = _warnings(desk, *(one for one, _ in built))
    if warnings and warned != "1":
        # What the builds warned of, said before the pack is handed out, as the leaflet
        # page says it: handed the file at once, the nurse never saw it.
        return _pack_form(request, shelf, "", "", status=200, warnings=warnings)
    # Named like a leaflet's download, its edition the leaflets' (one with its original).
    sequential = EDITIONS["sequential"]
    variant = f".{sequential.suffix}" if sequential.name in editions else ""
    name = download_name(lang, PACK_NAME, variant)
    if _head(request):
        # Its leaflets up to date, the pack is what a GET would join: said from that,
        # not joined (a cover set, every page copied) for headers alone. Its length is
        # known only once joined, so none is given.
        return _pdf(None, name)
    contents = tuple(
        CoverEntry((card.title(lang), card.title(card.language)), card.language)
        if edition == "sequential" else CoverEntry((card.title(lang),), card.language)
        for card, edition in zip(cards, editions, strict=True)
    )  # fmt: skip
    clinic = cards[0].organisation_in(lang)  # as the leaflets inside print it
    cover = Cover(
        lang, words("desk.pack-cover"), words("desk.pack-for", clinic=clinic),
        words("desk.pack-date", date=format_date(desk.today(), lang)),
        words("desk.pack-contents"), contents,
    )  # fmt: skip
    items = [PackItem(data, c.title(lang)) for (_, data), c in zip(built, cards, strict=True)]
    data = await desk.builds.run(make_pack, desk.project.root, cover, items)
    return _pdf(data, name)


def _leaflet_of(finding: Finding) -> str:
    return finding.location.path.stem


def _ui_stats(desk: Desk, shelf: Shelf) -> list[CatalogStats]:
    template = ui_template()
    rows = []
    for locale in shelf.locales:
        if locale == "en":
            continue
        path = po_path(desk.project, locale, UI_DOMAIN)
        try:
            catalog = read_po(path) if path.is_file() else Catalog(entries=template.active)
        except LeafletError:
            continue  # no row: the checks list it (LOAD001), file and line, with the rest
        rows.append(catalog_stats(UI_DOMAIN, locale, catalog, template, desk.project))
    return rows


def _said_where(desk: Desk, finding: Finding) -> tuple[str, str]:
    return in_project(desk.project, finding.location), finding.message


async def status_page(request: Request) -> Response:
    desk = _desk(request)
    shelf = await current_shelf(desk)
    checked = await desk.findings(shelf)
    # What the shelf could not read, listed (and counted) with the check results, once:
    # `check` reports a leaflet that does not load too, a misnamed folder not.
    seen = {_said_where(desk, f) for f in checked}
    findings = [*(p for p in shelf.problems if _said_where(desk, p) not in seen), *checked]
    return render(request, "status.html", {
        "shelf": shelf, "findings": findings, "ui_stats": _ui_stats(desk, shelf),
        "errors": sum(1 for f in findings if f.severity == "error"),
        "warnings": sum(1 for f in findings if f.severity == "warning"),
        "relative": lambda f: in_project(desk.project, f.location),
    })  # fmt: skip


async def switch_interface(request: Request) -> Response:
    desk = _desk(request)
    ui, params = desk.interface_for(request).language, request.query_params
    # Each once (`choices.single`): ``lang=th&lang=en`` switched to one of the two.
    lang, back = (choices.single(params, field, ui) for field in ("lang", "next"))
    if lang not in interface_languages(desk.project):
        raise Refused(404, f"the desk does not speak {lang[:20]!r}", "desk.no-page")
    back = back or "/"
    if not back.startswith("/") or back.startswith("//") or "\\" in back:
        back = "/"  # only a page of this desk: never an open redirect
    response = RedirectResponse(back, 303)
    if sent_by_another_site(request.headers):
        return response  # a link on another site does not choose the desk's language
    response.set_cookie(UI_COOKIE, lang, max_age=365 * 86400, httponly=True, samesite="strict")
    return response


#: A font's address carries its content hash (`fonts.WebFace.url`): the same address is
#: the same bytes for ever, so a tablet fetches each font once.
FOREVER = "public, max-age=31536000, immutable"


async def font_stylesheet(request: Request) -> Response:
    """The served fonts' CSS (`fonts.stylesheet`), for the project's font table as it is
    now: asked again on every page (it is small), so a changed theme shows at once."""
    project = _desk(request).project
    locales, _misnamed = locale_folders(project)  # a misnamed folder is no language
    css = stylesheet(served_config(project), desk_languages(locales))
    return Response(css, media_type="text/css", headers={"cache-control": "no-cache"})


async def font_face(request: Request) -> Response:
    """One face file the stylesheet names; any other path under /fonts is no page (404),
    whatever it names: only the font table's own files are ever read."""
    config = served_config(_desk(request).project)
    path = font_file(config, request.path_params["digest"], request.path_params["name"])
    if path is None:
        raise HTTPException(404)
    return FileResponse(path, media_type="font/ttf", headers={"cache-control": FOREVER})
