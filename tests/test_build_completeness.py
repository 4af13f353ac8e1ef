"""Nothing a translator wrote is lost in any edition: a completeness invariant.

tests/fixtures/everything holds one leaflet with every construct docs/format.md lists
(kicker, title, subtitle, lede, the three callout kinds, headings of levels 2 to 4,
paragraph, bullet and numbered lists, quote and attribution, an FAQ whose answer has
two paragraphs, a table with its header row and caption, a figure with caption and alt
text, a decorative figure, the closing box with the disclaimer and contacts, the
online note, references), translated in full into Thai, Arabic, Chinese and Khmer.
Each is built once in every edition a clinic prints and read back:

- every msgstr (and, where the edition prints the English beside it, every msgid) is
  in the text layer (whitespace, format characters and line-end hyphens aside);
- every figure's translated alt text is an /Alt of the structure tree;
- every page's footer lists every work the page cites (the list's own page aside).

A construct one edition forgets, a caption it drops or a footer entry it leaves out
fails here with the edition, the language and the text that went missing.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pypdfium2
import pytest
from typer.testing import CliRunner

from msc_leaflet.cli.app import app
from msc_leaflet.desk.pack import Cover, CoverEntry, PackItem, make_pack
from msc_leaflet.i18n.pofile import read_po
from pdfread import citations_by_page
from tagged_read import structure
from test_languages_editions import squash, unread
from typeset_support import extract_pdfium

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "tests" / "fixtures" / "everything"
LEAFLET = "every-construct"
LANGS = ("th", "ar", "zh_Hans", "km")
# Where a text is not printed but kept: the audience is the PDF's subject, the keywords
# its keywords, the alt text is read aloud from the structure tree (each checked below,
# not in the text layer).
NOT_PRINTED = ("audience", "keywords/1", "desk-photo/alt")


@dataclass(frozen=True)
class Edition:
    """One output a clinic prints: the build options, the file's suffix, whether it
    prints the English source too, whether readers get it (tagged) or a press does."""

    options: tuple[str, ...]
    suffix: str
    with_source: bool = False
    tagged: bool = True


EDITIONS = {
    "single-a4": Edition(("--paper", "a4"), ""),
    "single-a5": Edition(("--paper", "a5"), ""),
    "parallel-a4": Edition(("--paper", "a4", "--edition", "parallel"), ".parallel", True),
    "parallel-a5": Edition(("--paper", "a5", "--edition", "parallel"), ".parallel", True),
    "sequential": Edition(("--edition", "sequential"), ".sequential", True),
    # Booklet sheets go to a press, not to a screen reader: they are not tagged.
    "booklet": Edition(("--imposition", "booklet"), ".booklet", tagged=False),
    "proof": Edition(("--proof",), ".proof"),
    "press": Edition(("--colour", "cmyk", "--bleed", "3mm", "--crop-marks"), ""),
}
PACK = "pack"  # the desk's patient pack: a cover, the single and the sequential edition
ALL = (*EDITIONS, PACK)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """Every edition of every language, built once: one CLI run per edition."""
    root = tmp_path_factory.mktemp("everything")
    project = root / "project"
    shutil.copytree(FIXTURE, project)
    pdfs: dict[tuple[str, str], Path] = {}
    for name, edition in EDITIONS.items():
        out = root / name
        args = ["build", "--project", str(project), "--out", str(out), *edition.options]
        args += [arg for lang in LANGS for arg in ("--locale", lang)]
        result = CliRunner().invoke(app, [*args, "--jobs", "2"])
        assert result.exit_code == 0, result.output
        assert "Traceback" not in result.output
        for lang in LANGS:
            pdfs[name, lang] = out / lang / f"{LEAFLET}{edition.suffix}.pdf"
    for lang in LANGS:
        pdfs[PACK, lang] = _pack(project, lang, pdfs["single-a4", lang], pdfs["sequential", lang])
    return pdfs


def _pack(project: Path, lang: str, single: Path, sequential: Path) -> Path:
    title = _translations(lang)["title"]
    cover = Cover(lang, title, "Test Clinic", "2026-11-01", title, (
        CoverEntry((title,), "en"), CoverEntry((title, "Your infusion visit"), "en"),
    ))  # fmt: skip
    path = single.parent / f"{LEAFLET}.pack.pdf"
    items = [PackItem(single, title), PackItem(sequential, title)]
    path.write_bytes(make_pack(project, cover, items))
    return path


def _translations(lang: str) -> dict[str, str]:
    """msgctxt → msgstr of the leaflet's catalog in ``lang``."""
    catalog = read_po(FIXTURE / "locales" / lang / "LC_MESSAGES" / f"{LEAFLET}.po")
    return {entry.msgctxt or "": entry.msgstr for entry in catalog.active if entry.msgid}


def printed_pieces(lang: str, *, source: bool = False) -> list[str]:
    """Every text of the catalog the reader reads on the page, as printed: markup
    dropped, cut where a citation becomes a superscript number. A reference title left
    untranslated is printed as published (its msgid)."""
    catalog = read_po(FIXTURE / "locales" / lang / "LC_MESSAGES" / f"{LEAFLET}.po")
    pieces = []
    for entry in catalog.active:
        if not entry.msgid or (entry.msgctxt or "") in NOT_PRINTED:
            continue
        text = entry.msgid if source or not entry.msgstr else entry.msgstr
        text = text.replace("**", "").replace("*", "")
        pieces += [p for p in re.split(r"\s*\[@[^\]]*\]", text) if p.strip()]
    return pieces


def both_ways(text: str) -> str:
    """``text`` once as drawn and once with words hyphenated at a line end joined
    again (a hyphen the text holds, "Check-in", may end a line too); a NUL between
    them, which no message holds."""
    joined = re.sub(r"(?<=\w)[-\u00ad\u2010]\s*[\r\n]+\s*(?=\w)", "", text)
    return f"{text}\n\x00\n{joined}"


def read_back(path: Path) -> str:
    """The text layer as pdfium reads it, both ways."""
    return both_ways(extract_pdfium(path))


def _missing(pieces: list[str], pdf: Path, extract: Callable[[Path], str]) -> list[str]:
    return unread(pieces, pdf, extract, squash(extract(pdf)))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("edition", ALL)
def test_every_translation_is_printed(
    built: dict[tuple[str, str], Path], edition: str, lang: str
) -> None:
    pdf = built[edition, lang]
    assert _missing(printed_pieces(lang), pdf, read_back) == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("edition", [e for e in ALL if e == PACK or EDITIONS[e].with_source])
def test_every_source_text_is_printed_beside_its_translation(
    built: dict[tuple[str, str], Path], edition: str, lang: str
) -> None:
    pdf = built[edition, lang]
    assert _missing(printed_pieces(lang, source=True), pdf, read_back) == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("edition", [e for e in ALL if e == PACK or EDITIONS[e].tagged])
def test_every_figure_s_alt_text_is_in_the_structure_tree(
    built: dict[tuple[str, str], Path], edition: str, lang: str
) -> None:
    root, _ = structure(built[edition, lang])
    alts = [squash(node.alt) for node in root.walk() if node.role == "Figure"]
    assert squash(_translations(lang)["desk-photo/alt"]) in alts


# The fixture's works, numbered in order of first citation (Vancouver).
CITED = ("galipeau2018", "ankrum2014")


def page_texts(path: Path) -> list[str]:
    """Each page's text layer, squashed, as `read_back` reads it."""
    document = pypdfium2.PdfDocument(path)
    try:
        return [squash(both_ways(page.get_textpage().get_text_range())) for page in document]
    finally:
        document.close()


# A booklet's sheets hold the A5 edition's pages as drawn forms (pdfminer reads them as
# figures, with no lines to find a superscript in): its pages are checked as single-a5.
CITING = tuple(edition for edition in ALL if edition != "booklet")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("edition", CITING)
def test_every_cited_work_is_printed_on_the_page_that_cites_it(
    built: dict[tuple[str, str], Path], edition: str, lang: str
) -> None:
    """In the page's footer, or in the reference list when that page prints the
    entry (docs/format.md#references): either way, by its title as translated or as
    published (the English part of the sequential edition cites it as published)."""
    pdf = built[edition, lang]
    cited, _ = citations_by_page(pdf)
    assert set().union(*cited) == {1, 2}, "the superscripts are not read back"
    translations = _translations(lang)
    titles = {
        key: [squash(translations[f"ref/{key}/title"]), squash(_source(f"ref/{key}/title"))]
        for key in CITED
    }
    missing = [
        f"page {page}: {CITED[number - 1]}"
        for page, (numbers, text) in enumerate(zip(cited, page_texts(pdf), strict=True), 1)
        for number in sorted(numbers)
        if not any(title and title in text for title in titles[CITED[number - 1]])
    ]
    assert missing == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("edition", list(EDITIONS))
def test_the_audience_is_the_pdf_s_subject(
    built: dict[tuple[str, str], Path], edition: str, lang: str
) -> None:
    """Not printed: the audience is the PDF's subject, in both languages where the
    edition prints both."""
    with pikepdf.open(built[edition, lang]) as pdf:
        subject = squash(str(pdf.docinfo.get("/Subject", "")))
    assert squash(_translations(lang)["audience"]) in subject
    if EDITIONS[edition].with_source:
        assert squash(_source("audience")) in subject


def _source(context: str) -> str:
    """The English of the entry ``context``, as the template holds it."""
    catalog = read_po(FIXTURE / "locales" / f"{LEAFLET}.pot")
    return next(e.msgid for e in catalog.active if e.msgctxt == context)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("edition", list(EDITIONS))
def test_the_keywords_are_the_pdf_s_keywords(
    built: dict[tuple[str, str], Path], edition: str, lang: str
) -> None:
    """Not printed: the keywords are the PDF's (Info and XMP), in both languages where
    the edition prints both. They never reached a translator: every edition kept the
    English ones."""
    with pikepdf.open(built[edition, lang]) as pdf:
        keywords = squash(str(pdf.docinfo.get("/Keywords", "")))
        packet = squash(pdf.Root.Metadata.read_bytes().decode("utf-8"))
    translated = squash(_translations(lang)["keywords/1"])
    assert translated in keywords and f"<rdf:li>{translated}</rdf:li>" in packet
    assert (squash(_source("keywords/1")) in keywords) == EDITIONS[edition].with_source
