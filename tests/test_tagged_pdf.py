"""Tagged PDF (#17): every reading edition carries a structure tree that a screen reader
can follow — all text in the tree or an artifact, the tree reading the source in
order, headings by level, a language on every passage — read back by pikepdf and
PDFium (tagged_read.py), pdf.js (what Firefox builds its accessibility tree from) and
a third-party PDF/UA-1 checker.
"""

from __future__ import annotations

import re
import shutil
import unicodedata
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import Any

import pikepdf
import pypdfium2 as pdfium
import pytest
from pikepdf import Name
from PIL import Image

from conftest import leaflet_yaml
from i18n_support import set_msgstr
from msc_leaflet import i18n
from msc_leaflet.build import Options, build_leaflet
from msc_leaflet.content import model as m
from msc_leaflet.content.citations import format_reference, number_citations
from msc_leaflet.content.inline import plain_text
from msc_leaflet.content.loader import load_leaflet
from msc_leaflet.content.model import Leaflet
from msc_leaflet.i18n.workflow import init_locale
from msc_leaflet.print_spec import PrintSpec
from msc_leaflet.project import Project
from pdfjs_text import HERE as PDFJS
from pdfjs_text import require_pdfjs, run_pdfjs
from scripts_samples import SAMPLES
from tagged_read import Node, page_objects, parent_tree, structure
from test_scripts_build import TITLES, leaflet

REPO = Path(__file__).resolve().parents[1]
LATIN_LETTER = re.compile(r"[A-Za-z]")
LATIN_WORD = re.compile(r"[A-Za-z]+")
HEADING = re.compile(r"H([1-6])$")
# What the tree reads that the source's text does not say: citation numbers, and the
# numbers and bullets of list items.
NOT_IN_SOURCE = frozenset({"Reference", "Lbl"})


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The bundled library in English and Thai, and one leaflet in every edition."""
    out = tmp_path_factory.mktemp("tagged")
    project = Project.at(REPO)
    built: dict[str, Path] = {}
    for leaflet_id in project.leaflet_ids():
        for locale in ("en", "th"):
            built[f"{locale}/{leaflet_id}"] = build_leaflet(project, leaflet_id, locale, out).path
    for edition in ("parallel", "sequential"):
        result = build_leaflet(project, "infusion-safety", "th", out, edition=edition)
        built[f"th/infusion-safety.{edition}"] = result.path
    # The proof (watermark, margin notes: artifacts), and an A5 print file in CMYK with
    # bleed and crop marks (the marks are artifacts; the reading order is the same).
    print_spec = PrintSpec(proof=True)
    proof = build_leaflet(project, "stromal-or-stem", "th", out, options=Options(spec=print_spec))
    built["th/stromal-or-stem.proof"] = proof.path
    press = PrintSpec(paper="a5", colour="cmyk", bleed=8.5, crop_marks=True)
    result = build_leaflet(
        project, "what-msc-can-do", "th", out / "press", options=Options(spec=press)
    )
    built["th/what-msc-can-do.a5-cmyk"] = result.path
    return built


LANGUAGES = REPO / "tests" / "fixtures" / "languages"
FIXTURE_LANGS = ("my", "km", "lo", "vi", "zh_Hans", "ja", "ar", "hi")


@pytest.mark.parametrize("lang", FIXTURE_LANGS)
def test_every_language_is_tagged_with_its_language(lang: str, tmp_path: Path) -> None:
    """The languages fixture, single and parallel: all text in the tree or an artifact,
    the document and each column in its language, Latin terms in a non-Latin text as
    English, and the tree reading the leaflet's text in order (Arabic too: its lines
    are written in reading order)."""
    project = Project.at(LANGUAGES)
    source, _ = load_leaflet(project.leaflet_path("after-your-infusion"), project)
    for edition in ("single", "parallel"):
        path = build_leaflet(project, source.id, lang, tmp_path, edition=edition).path
        for number, page in enumerate(page_objects(path), 1):
            assert page.untagged_text == [], f"{lang} {edition} p{number}"
            assert page.untagged_other == 0, f"{lang} {edition} p{number}"
        document, owners = structure(path)
        assert set(parent_tree(path)) == set(owners)
        assert _checker_problems(path) == [], f"{lang} {edition}"
        tag = lang.replace("_", "-")
        if shutil.which("node") and (PDFJS / "node_modules" / "pdfjs-dist").is_dir():
            # pdf.js as well (Firefox): its tree, in this language (skipped, with the
            # reason, by test_pdfjs_reads_the_structure_tree when it is not installed)
            roles, langs, texts = _pdfjs_tree(path)
            assert {"Document", "H1", "P", "Note"} <= roles and tag in langs, (lang, edition)
            assert sum(bool(t.strip()) for t in texts) > 0.9 * len(texts), (lang, edition)
        assert document.lang == tag
        langs = {node.lang for node in document.walk()}
        assert tag in langs and (edition == "single" or "en" in langs)
        if lang not in ("vi", "ar") and edition == "single":
            for node in document.walk():
                if node.lang == tag:
                    assert not any(LATIN_LETTER.search(t) for t in node.texts), (lang, node.texts)
        if edition == "single":
            leaflet = i18n.localize_with_fallbacks(source, lang, project)[0]
            tree_text = _norm(document.text(skip=NOT_IN_SOURCE))
            _assert_in_order(tree_text, _source_texts(leaflet), f"{lang} {edition}")
            # Word for word: a line broken at a space ends in it, and none is added.
            heard = _words(document.text(skip=NOT_IN_SOURCE))
            _assert_in_order(heard, _source_texts(leaflet, _words), f"{lang} {edition}")
        else:
            english = i18n.localize_with_fallbacks(source, "en", project)[0]
            translated = i18n.localize_with_fallbacks(source, lang, project)[0]
            heard = _words(document.text(skip=NOT_IN_SOURCE))
            needles = _parallel_texts(translated, english, _words)
            _assert_in_order(heard, needles, f"{lang} {edition}")


@pytest.mark.parametrize("lang", ["vi", "th"])
def test_the_parallel_reference_heading_says_each_label_in_its_language(
    lang: str, tmp_path: Path
) -> None:
    """The parallel edition heads its one reference list with both labels ("Tài liệu
    tham khảo · References"). In a Latin-script translation no letter tells the source's
    label apart: it was read with the Vietnamese voice. It is a Span in the source
    language, in any script."""
    project = Project.at(LANGUAGES if lang != "th" else REPO)
    leaflet_id = "after-your-infusion" if lang != "th" else "infusion-safety"
    path = build_leaflet(project, leaflet_id, lang, tmp_path, edition="parallel").path
    document, _ = structure(path)
    [heading] = [n for n in document.walk() if n.role == "H2" and "References" in n.text()]
    assert heading.lang == lang
    assert [(kid.role, kid.lang, kid.text().strip()) for kid in heading.kids] == [
        ("Span", "en", "References")
    ]
    assert "References" not in "".join(heading.texts)


def _norm(text: str) -> str:
    """Text compared without the line breaks a layout adds: no whitespace, no hyphens
    (a hyphenated line end; PDFium reads a hyphen as \\x02), no format characters (the
    text layer's zero-width space after a line-end hyphen, right-to-left marks), NFC."""
    text = re.sub(r"[\s\-‐­\x02]", "", unicodedata.normalize("NFC", text))
    return "".join(c for c in text if unicodedata.category(c) != "Cf")


def _words(text: str) -> str:
    """Text compared as a listener hears it: word for word, each run of whitespace (a
    line's end too) one space, format characters (the text layer's marks) left out,
    PDFium's \\x02 for a line-end hyphen-minus read as one, NFC. Unlike `_norm`, two
    words run together, or a word split in two, do not compare equal."""
    text = unicodedata.normalize("NFC", text).replace("\x02", "-")
    return " ".join("".join(c for c in text if unicodedata.category(c) != "Cf").split())


def _source_texts(leaflet: Leaflet, norm: Callable[[str], str] = _norm) -> list[str]:
    """What the body of a leaflet says, in reading order (markup and citations off)."""
    texts = [t for t in (leaflet.kicker, leaflet.title, leaflet.subtitle, leaflet.lede) if t]
    for block in leaflet.blocks:
        if isinstance(block, m.Figure):  # its alt text is an attribute, not page text
            texts += [block.caption] if block.caption else []
        else:
            texts += list(m.texts(block))
    texts.append(leaflet.disclaimer)
    return [norm(plain_text(t.value)) for t in texts if plain_text(t.value).strip()]


def _localised(locale: str, leaflet_id: str) -> Leaflet:
    project = Project.at(REPO)
    source, _ = load_leaflet(project.leaflet_path(leaflet_id), project)
    return i18n.localize_with_fallbacks(source, locale, project)[0]


def _assert_in_order(haystack: str, needles: list[str], what: str) -> None:
    position = 0
    for needle in needles:
        found = haystack.find(needle, position)
        assert found >= 0, f"{what}: {needle[:60]!r} not in the tree after position {position}"
        position = found + len(needle)


def test_every_output_is_tagged_throughout(bundled: dict[str, Path]) -> None:
    for name, path in bundled.items():
        pdf = pikepdf.open(path)
        root = pdf.Root
        assert bool(root.MarkInfo.Marked), name
        assert bool(root.ViewerPreferences.DisplayDocTitle), name
        assert str(root.Lang) in ("en", "th"), name
        assert all(page.obj.Tabs == "/S" for page in pdf.pages), name
        # Every object on every page is content of the tree or an artifact.
        for number, page in enumerate(page_objects(path), 1):
            assert page.untagged_text == [], f"{name} p{number}: text outside the tree"
            assert page.untagged_other == 0, (
                f"{name} p{number}: graphics neither tagged nor artifact"
            )
        # Running heads and footers are pagination artifacts, on every page.
        for number, pdf_page in enumerate(pdf.pages, 1):
            operators = pikepdf.parse_content_stream(pdf_page)
            subtypes = {
                str(op.operands[1].get("/Subtype"))
                for op in operators
                if str(op.operator) == "BDC" and op.operands[0] == "/Artifact"
            }
            assert {"/Header", "/Footer"} <= subtypes, f"{name} p{number}: {subtypes}"
        # The ParentTree names, for every MCID, the element that holds it.
        _, owners = structure(path)
        assert set(parent_tree(path)) == set(owners), name


@pytest.mark.parametrize("locale", ["en", "th"])
def test_the_tree_reads_the_source_in_order(bundled: dict[str, Path], locale: str) -> None:
    for leaflet_id in Project.at(REPO).leaflet_ids():
        document, _ = structure(bundled[f"{locale}/{leaflet_id}"])
        tree_text = _norm(document.text(skip=NOT_IN_SOURCE))
        _assert_in_order(tree_text, _source_texts(_localised(locale, leaflet_id)), leaflet_id)


def test_parallel_edition_reads_each_translated_block_then_its_source(
    bundled: dict[str, Path],
) -> None:
    document, _ = structure(bundled["th/infusion-safety.parallel"])
    tree_text = _norm(document.text(skip=NOT_IN_SOURCE))
    thai, english = _localised("th", "infusion-safety"), _localised("en", "infusion-safety")
    # A heading shares its row with the block after it (editions.py): one row, one pair.
    rows: list[list[int]] = []
    for index in range(len(thai.blocks)):
        if rows and isinstance(thai.blocks[rows[-1][-1]], m.Heading) and len(rows[-1]) == 1:
            rows[-1].append(index)
        else:
            rows.append([index])
    needles = [
        "".join(_source_texts_of(leaflet.blocks[i]) for i in row)
        for row in rows
        for leaflet in (thai, english)
    ]
    _assert_in_order(tree_text, [n for n in needles if n], "parallel")
    langs = {node.lang for node in document.walk() if node.role == "Div"}
    assert {"th", "en"} <= langs


def _source_texts_of(block: object) -> str:
    return "".join(_norm(plain_text(t.value)) for t in m.texts(block))


def _parallel_texts(translated: Leaflet, source: Leaflet, norm: Callable[[str], str]) -> list[str]:
    """The texts of a parallel edition's blocks in the order its tree reads them: each
    row's translated blocks, then their source (a heading shares its row with the block
    after it, editions.py)."""
    rows: list[list[int]] = []
    for index in range(len(translated.blocks)):
        block = translated.blocks[rows[-1][-1]] if rows else None
        if isinstance(block, m.Heading) and len(rows[-1]) == 1:
            rows[-1].append(index)
        else:
            rows.append([index])
    return [
        norm(plain_text(text.value))
        for row in rows
        for leaflet in (translated, source)
        for index in row
        for text in m.texts(leaflet.blocks[index])
        if plain_text(text.value).strip()
    ]


@pytest.mark.parametrize("locale", ["en", "th"])
def test_the_tree_reads_the_source_word_for_word(bundled: dict[str, Path], locale: str) -> None:
    """A screen reader reads an element's lines as one text. Where a line broke at a
    space the author wrote, the tree reads that space ("most scientific", not
    "mostscientific"); where the source has none (between Thai words, at a hyphen),
    the tree adds none. Paragraphs, headings, list items, table cells, the editions."""
    for leaflet_id in Project.at(REPO).leaflet_ids():
        document, _ = structure(bundled[f"{locale}/{leaflet_id}"])
        heard = _words(document.text(skip=NOT_IN_SOURCE))
        leaflet = _localised(locale, leaflet_id)
        _assert_in_order(heard, _source_texts(leaflet, _words), f"{locale} {leaflet_id}")
        # The reference entries in the page footers, wrapped in a narrow size; a work
        # cited only on the page of the reference list is printed there alone.
        notes = [_words(n.text()) for n in document.walk() if n.role in ("Note", "LI")]
        for reference in leaflet.references:
            entry = _words("".join(span.text for span in format_reference(reference)))
            assert any(entry in note for note in notes), (leaflet_id, entry)
    if locale == "th":
        thai, english = _localised("th", "infusion-safety"), _localised("en", "infusion-safety")
        document, _ = structure(bundled["th/infusion-safety.sequential"])
        heard = _words(document.text(skip=NOT_IN_SOURCE))
        both = _source_texts(thai, _words) + _source_texts(english, _words)
        _assert_in_order(heard, both, "sequential")
        document, _ = structure(bundled["th/infusion-safety.parallel"])
        heard = _words(document.text(skip=NOT_IN_SOURCE))
        _assert_in_order(heard, _parallel_texts(thai, english, _words), "parallel")
        # A proof (its watermark and notes are artifacts) and an A5 print file.
        for name in ("th/stromal-or-stem.proof", "th/what-msc-can-do.a5-cmyk"):
            document, _ = structure(bundled[name])
            heard = _words(document.text(skip=NOT_IN_SOURCE))
            leaflet = _localised("th", name.split("/")[1].split(".")[0])
            _assert_in_order(heard, _source_texts(leaflet, _words), name)


def test_sequential_edition_reads_the_translation_then_the_source(
    bundled: dict[str, Path],
) -> None:
    document, _ = structure(bundled["th/infusion-safety.sequential"])
    tree_text = _norm(document.text(skip=NOT_IN_SOURCE))
    thai, english = _localised("th", "infusion-safety"), _localised("en", "infusion-safety")
    _assert_in_order(tree_text, _source_texts(thai) + _source_texts(english), "sequential")
    english_title = next(n for n in document.walk() if n.role == "H1" and n.lang == "en")
    assert _norm(english_title.text()) == _norm(plain_text(english.title.value))


def test_sequential_edition_groups_and_bookmarks_each_language(
    bundled: dict[str, Path],
) -> None:
    """The sequential edition is two whole leaflets, one after the other: a screen
    reader (and its list of landmarks) finds each as one section in its language, its
    page notes with it, and the bookmarks lead to each language's version, named in
    that language, with the version's title and sections under it."""
    path = bundled["th/infusion-safety.sequential"]
    document, _ = structure(path)
    assert [(n.role, n.lang) for n in document.kids] == [("Sect", "th"), ("Sect", "en")]
    thai, english = _localised("th", "infusion-safety"), _localised("en", "infusion-safety")
    for section, version in zip(document.kids, (thai, english), strict=True):
        titles = [n for n in section.walk() if n.role == "H1"]
        assert [_norm(n.text()) for n in titles] == [_norm(plain_text(version.title.value))]
        assert any(n.role == "Note" for n in section.walk())
    english_part = document.kids[1]
    assert all(n.lang == "en" for n in english_part.walk())
    assert _checker_problems(path) == []
    if shutil.which("node") and (PDFJS / "node_modules" / "pdfjs-dist").is_dir():
        roles, langs, _ = _pdfjs_tree(path)  # as Firefox reads it
        assert "Sect" in roles and {"th", "en"} <= langs
    pdf = pikepdf.open(path)
    pages = {page.obj.objgen: n for n, page in enumerate(pdf.pages)}
    with pdf.open_outline() as outline:
        top = list(outline.root)
        assert [item.title for item in top] == ["ไทย", "English"]
        destinations = [item.destination for item in top]
        assert all(isinstance(d, pikepdf.Array) for d in destinations)
        first = [pages[d[0].objgen] for d in destinations]  # type: ignore[index]
        inner = [[child.title for child in item.children] for item in top]
    assert first[0] == 0 and first[1] > 0
    assert inner[0][0] == plain_text(thai.title.value)
    assert inner[1][0] == plain_text(english.title.value)
    assert inner[1][-1] == "References" and len(inner[0]) == len(inner[1]) > 3


def test_latin_terms_in_thai_text_are_marked_english(bundled: dict[str, Path]) -> None:
    """A screen reader switches voice for "MSCs" inside a Thai sentence: every piece of
    Thai-language content holding Latin letters is a Span (or Link) in English."""
    spans = 0
    for leaflet_id in Project.at(REPO).leaflet_ids():
        document, _ = structure(bundled[f"th/{leaflet_id}"])
        for node in document.walk():
            for text in node.texts:
                if node.lang == "th":
                    assert not LATIN_LETTER.search(text), f"{leaflet_id}: {text!r} read as Thai"
            spans += node.role == "Span" and node.lang == "en"
    assert spans > 20


def test_a_term_that_wraps_onto_the_next_line_is_one_span(bundled: dict[str, Path]) -> None:
    """A term in another language broken over two lines is one Span, as a wrapped link
    is one Link: "(International Society for Cellular Therapy; ISCT)" in a Thai
    paragraph was two English Spans, "(International " and the rest, one after the
    other. No element reads two Spans of one language with nothing between them."""
    wrapped = 0
    for name, path in bundled.items():
        document, _ = structure(path)
        for node in document.walk():
            for before, after in pairwise(node.order):
                if isinstance(before, Node) and isinstance(after, Node):
                    same = before.role == after.role == "Span" and before.lang == after.lang
                    assert not same, f"{name}: {before.text()!r} then {after.text()!r}"
            if node.role == "Span" and len(node.texts) > 1:
                wrapped += 1
    assert wrapped >= 3  # the bundled Thai leaflets wrap some


def test_a_term_that_wraps_in_an_arabic_line_is_one_span_in_reading_order(
    tmp_path: Path,
) -> None:
    """Right to left, too: an English term over two lines of an Arabic lede is one
    English Span holding its two lines' text, which pdf.js reads in order (PDFium
    orders the words of a text object in a right-to-left page by its own bidi)."""
    project = tmp_path / "languages"
    shutil.copytree(LANGUAGES, project)
    term = "mesenchymal stromal cells grown from donated umbilical cord tissue; MSCs"
    catalog = project / "locales" / "ar" / "LC_MESSAGES" / "after-your-infusion.po"
    lede = f"تعطي بعض العيادات الخلايا السدوية الوسيطة ({term}) عن طريق التنقيط في الوريد."
    set_msgstr(catalog, "lede", lede)
    path = build_leaflet(Project.at(project), "after-your-infusion", "ar", tmp_path / "out").path
    document, _ = structure(path)
    spans = [n for n in document.walk() if n.role == "Span" and "MSCs" in n.text()]
    assert len(spans) == 1 and len(spans[0].texts) == 2  # one term, on two lines
    assert sorted(LATIN_WORD.findall(spans[0].text())) == sorted(LATIN_WORD.findall(term))
    if shutil.which("node") and (PDFJS / "node_modules" / "pdfjs-dist").is_dir():
        read = [text for page in run_pdfjs("structure.mjs", path)
                for text in _pdfjs_span_texts(page["tree"], page["texts"])]  # fmt: skip
        assert [_norm(text) for text in read if "MSCs" in text] == [_norm(term + ")")]


def _pdfjs_span_texts(item: dict[str, Any], ids: dict[str, str]) -> list[str]:
    """The text of each Span pdf.js reads, its content items joined."""
    kids = item.get("children", [])
    if item.get("role") == "Span":
        return ["".join(ids.get(kid.get("id", ""), "") for kid in kids)]
    return [text for kid in kids for text in _pdfjs_span_texts(kid, ids)]


def test_headings_notes_and_figures_follow_pdf_ua(bundled: dict[str, Path]) -> None:
    for name, path in bundled.items():
        document, _ = structure(path)
        nodes = document.walk()
        assert document.role == "Document"
        levels = [int(m.group(1)) for n in nodes if (m := HEADING.match(n.role))]
        assert levels[0] == 1, name
        for before, after in pairwise(levels):
            assert after <= before + 1, f"{name}: H{before} then H{after}"
        notes = [n for n in nodes if n.role == "Note"]
        assert notes, name  # every bundled leaflet cites
        ids = [n.element_id for n in notes]
        assert all(ids) and len(set(ids)) == len(ids), name
        for node in nodes:
            if node.role in ("P", "LBody", "TH", "TD", "Note") or HEADING.match(node.role):
                assert node.text().strip(), f"{name}: empty {node.role}"


def test_every_element_id_is_in_the_id_tree(bundled: dict[str, Path]) -> None:
    """A Note's /ID is how a reader (or a /Ref, a link) finds it: ISO 32000-1 (Table
    322) requires the structure tree root's /IDTree, mapping each /ID to its element,
    whenever an element has one. Every bundled output's notes have IDs."""
    for name, path in bundled.items():
        pdf = pikepdf.open(path)
        tree = pdf.Root.StructTreeRoot
        with_ids: dict[str, tuple[int, int]] = {}
        stack = [tree.K]
        while stack:
            element = stack.pop()
            if "/ID" in element:
                with_ids[bytes(element.ID).decode("latin-1")] = element.objgen
            kids = element.get("/K")
            for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
                if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                    stack.append(kid)
        assert with_ids, name
        assert "/IDTree" in tree, name
        named = pikepdf.NameTree(tree.IDTree)
        assert {key: value.objgen for key, value in named.items()} == with_ids, name


SKIPPING = """\
- heading: First part
  level: 3
- paragraph: One.
- heading: Second part
  level: 3
- paragraph: Two.
- heading: A section
- heading: Deep inside it
  level: 4
- paragraph: Three.
"""


@pytest.mark.parametrize("edition", ["single", "parallel"])
def test_a_skipped_heading_level_is_not_skipped_in_the_tree(
    make_project: Callable[..., Path], tmp_path: Path, edition: str
) -> None:
    """A heading written a level too deep (A11Y003 tells its author) is still read in
    the document's outline: a screen reader's heading list and PDF/UA (Matterhorn
    14-003) allow no skipped level. It is tagged one level below the heading it is
    under, as its bookmark is nested, and siblings stay siblings."""
    root = make_project({"sample": leaflet_yaml(SKIPPING)})
    (root / "locales" / "th" / "LC_MESSAGES").mkdir(parents=True)
    locale = "th" if edition == "parallel" else "en"
    path = build_leaflet(Project.at(root), "sample", locale, tmp_path, edition=edition).path
    document, _ = structure(path)
    headings = [
        (n.role, _norm(n.text()))
        for n in document.walk()
        if HEADING.match(n.role) and n.lang == "en"
    ]
    expected = [
        ("H1", _norm("A sample leaflet")),
        ("H2", _norm("First part")),
        ("H2", _norm("Second part")),
        ("H2", _norm("01 · A section")),
        ("H3", _norm("Deep inside it")),
    ]
    # The parallel edition reads each heading twice (both columns untranslated here).
    assert len(headings) == len(expected) * (2 if edition == "parallel" else 1)
    assert list(dict.fromkeys(headings)) == expected
    # Every heading has its bookmark, a subheading sharing its section heading's
    # parallel row too.
    pdf = pikepdf.open(path)
    with pdf.open_outline() as outline:
        top = [_norm(item.title) for item in outline.root]
        inner = {
            _norm(item.title): [_norm(kid.title) for kid in item.children] for item in outline.root
        }
    assert top[1:4] == [_norm("First part"), _norm("Second part"), _norm("01 · A section")]
    assert inner[_norm("01 · A section")] == [_norm("Deep inside it")]


def test_every_heading_has_its_bookmark(bundled: dict[str, Path]) -> None:
    """The bookmarks are the document's headings, the proof's own pages included (a
    reviewer jumps to "text not yet translated"); the parallel edition bookmarks the
    translation's column only, every one of them, on a row split over two pages too
    (05 and 06 of the Thai infusion-safety had none); the sequential edition's under a
    bookmark per language."""
    for name, path in bundled.items():
        document, _ = structure(path)
        read = document.walk()
        if name.endswith(".parallel"):  # a row's first Div is the translation's
            read = [n for row in document.kids for n in _translated_half(row).walk()]
        headings = [_norm(n.text(skip=NOT_IN_SOURCE)) for n in read if HEADING.match(n.role)]
        pdf = pikepdf.open(path)
        with pdf.open_outline() as outline:
            stack, titles = list(outline.root), []
            if name.endswith(".sequential"):
                stack = [kid for language in stack for kid in language.children]
            while stack:
                item = stack.pop(0)
                titles.append(_norm(item.title))
                stack[:0] = list(item.children)
        assert titles == headings, name


def _translated_half(row: Node) -> Node:
    """The translation's half of a parallel row (a Div of two Divs), or what is not one
    (the reference list, a page's Note)."""
    halves = [kid for kid in row.kids if kid.role == "Div"]
    return halves[0] if row.role == "Div" and len(halves) == 2 else row


BLOCKS = """\
- heading: Parts of the leaflet
- heading: Before you come
  level: 3
- paragraph: Read the [clinic's website](https://example.org/msc) before you come.
- list:
    - First point
    - Second point
  style: numbered
- quote: Ask what the cells are.
  attribution: A nurse
- table:
    header: [Test, Why]
    rows:
"""
FIGURE = """- figure: picture.png
  alt: A nurse checks a drip line.
  caption: Checking the line.
"""


@pytest.fixture
def features_pdf(make_project: Callable[..., Path], tmp_path: Path) -> Path:
    rows = "".join(f"      - [Check {n}, Reason number {n} for this check]\n" for n in range(40))
    root = make_project({"sample": leaflet_yaml(FIGURE + BLOCKS + rows)})
    Image.new("RGB", (300, 200), (200, 220, 240)).save(root / "picture.png")
    return build_leaflet(Project.at(root), "sample", "en", tmp_path / "out").path


def test_a_figure_is_a_figure_with_its_description(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_project({"sample": leaflet_yaml(FIGURE)})
    Image.new("RGB", (300, 200), (200, 220, 240)).save(root / "picture.png")
    path = build_leaflet(Project.at(root), "sample", "en", tmp_path / "out").path
    document, _ = structure(path)
    figure = next(n for n in document.walk() if n.role == "Figure")
    assert figure.alt == "A nurse checks a drip line."
    assert all(not page.untagged_other for page in page_objects(path))


CITED = """- heading: What the study [@alpha2001] and the review [@gamma2002] say
- figure: picture.png
  alt: A nurse checks a drip line [@alpha2001].
"""


def test_text_read_outside_the_page_drops_the_space_before_a_citation(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """A citation is set tight against its word ("study¹ and", "line¹."): the space the
    author typed before ``[@key]`` is not printed. What a reader gets of the same text
    outside the page — the bookmark a screen reader lists, a figure's /Alt, the title
    the viewer shows (Info and XMP) — drops it as well: not "study  and" or "line .",
    a full stop read as a word of its own."""
    title = "title: Cells [@alpha2001] and you [@gamma2002]\n"
    text = leaflet_yaml(CITED).replace("title: A sample leaflet\n", title)
    root = make_project({"sample": text})
    Image.new("RGB", (300, 200), (200, 220, 240)).save(root / "picture.png")
    path = build_leaflet(Project.at(root), "sample", "en", tmp_path / "out").path
    document, _ = structure(path)
    figure = next(n for n in document.walk() if n.role == "Figure")
    assert figure.alt == "A nurse checks a drip line."
    pdf = pikepdf.open(path)
    with pdf.open_outline() as outline:
        titles = [item.title for item in outline.root]
    assert titles[:2] == ["Cells and you", "01 · What the study and the review say"]
    assert str(pdf.docinfo.Title) == "Cells and you"
    assert pdf.open_metadata()["dc:title"] == "Cells and you"


@pytest.mark.parametrize(
    ("edition", "spec"),
    [("single", PrintSpec()), ("parallel", PrintSpec(paper="a5", bleed=3, crop_marks=True))],
)
def test_a_figure_says_where_it_is_on_its_page(
    make_project: Callable[..., Path], tmp_path: Path, edition: str, spec: PrintSpec
) -> None:
    """ISO 32000-1 (Table 343) requires a Figure drawn on a page to give its bounding box
    (a Layout attribute /BBox, in the page's default coordinates): a reader magnifying
    or reflowing the page, or a checker, finds the picture there. It is where PDFium
    finds the image, on a trimmed page and in a parallel column too."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    root = make_project({"sample": leaflet_yaml(FIGURE)})
    Image.new("RGB", (300, 200), (200, 220, 240)).save(root / "picture.png")
    (root / "locales" / "th" / "LC_MESSAGES").mkdir(parents=True)
    options = Options(spec=spec)
    locale = "th" if edition == "parallel" else "en"
    path = build_leaflet(
        Project.at(root), "sample", locale, tmp_path / "out", edition=edition, options=options
    ).path
    pdf = pikepdf.open(path)
    pages = {page.obj.objgen: n for n, page in enumerate(pdf.pages)}
    drawn = []
    for number, page in enumerate(pdfium.PdfDocument(path)):
        for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE]):
            drawn.append((number, tuple(round(v, 1) for v in obj.get_bounds())))
    figures = []
    stack = [pdf.Root.StructTreeRoot.K]
    while stack:
        element = stack.pop()
        if element.S == "/Figure":
            layout = element.A
            assert layout.O == "/Layout"
            box = tuple(round(float(v), 1) for v in layout.BBox)
            figures.append((pages[element.Pg.objgen], box))
        kids = element.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                stack.append(kid)
    assert figures and sorted(figures) == sorted(drawn)


def test_lists_tables_links_and_figures_carry_their_roles(features_pdf: Path) -> None:
    document, owners = structure(features_pdf)
    nodes = document.walk()
    roles = {n.role for n in nodes}
    assert {"L", "LI", "LBody", "Table", "TR", "TH", "TD", "Link", "BlockQuote", "H3"} <= roles
    assert "Figure" in roles
    assert len({page for page, _ in owners}) >= 2  # the table runs on to another page
    lists = [n for n in nodes if n.role == "L"]
    assert {"Decimal"} <= {n.attributes.get("ListNumbering") for n in lists}
    headers = [n for n in nodes if n.role == "TH"]
    # The table splits over pages and repeats its header: read once, with a scope.
    assert [_norm(h.text()) for h in headers] == ["Test", "Why"]
    assert all(h.attributes.get("Scope") == "Column" for h in headers)
    rows = [n for n in nodes if n.role == "TR"]
    assert len(rows) == 41
    link = next(n for n in nodes if n.role == "Link")
    assert _norm(link.text()) == _norm("clinic's website")
    pdf = pikepdf.open(features_pdf)
    annotations = [a for page in pdf.pages for a in page.obj.get("/Annots", [])]
    uri = next(a for a in annotations if "/URI" in a.get("/A", {}))
    assert "/StructParent" in uri and str(uri.Contents) == "https://example.org/msc"


WRAPPED_LINK = """\
- paragraph: >-
    Before you come, please take the time to read
    [the clinic's long page about what to expect before, during and after your visit
    to the clinic, with the questions patients often ask](https://example.org/long)
    and then [call us](tel:+66800000000) or [write](https://example.org/write).
"""


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_link_over_two_lines_is_one_link(
    make_project: Callable[..., Path], tmp_path: Path, lang: str
) -> None:
    """A screen reader lists and announces each Link element: a link whose words wrap
    onto the next line was two links ("the", "clinic's long page…"), each named by half
    its words. It is one Link with an annotation per line (PDF/UA allows several); two
    links side by side stay two, in Arabic too (its lines read right to left)."""
    first, second = SAMPLES["ar"]
    long_words = f"{second} {first} {second}"
    if lang == "ar":
        head = leaflet(lang, TITLES[lang], SAMPLES[lang]).split("blocks:", 1)[0]
        paragraph = f"{first} [{long_words}](https://example.org/long) [{first.split()[0]}]"
        text = f"{head}blocks:\n  - paragraph: {paragraph}(tel:+66800000000)\n"
        root = make_project({"sample": text})
    else:
        root = make_project({"sample": leaflet_yaml(WRAPPED_LINK)})
    path = build_leaflet(Project.at(root), "sample", None, tmp_path).path
    document, _ = structure(path)
    pdf = pikepdf.open(path)
    annotations = [
        a for page in pdf.pages for a in page.obj.get("/Annots", []) if "/StructParent" in a
    ]
    long = [a for a in annotations if str(a.A.URI) == "https://example.org/long"]
    assert len(long) >= 2  # the link wraps
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    owner = {parents[int(a.StructParent)].objgen for a in long}
    assert len(owner) == 1
    body = [n for n in document.walk() if n.role == "Link" and "(line" not in n.text()]
    first_body_links = [n for n in body if "+66" not in n.text() and "example.org" not in n.text()]
    assert len(first_body_links) == (3 if lang == "en" else 2)
    words = _norm(first_body_links[0].text())
    expected = (
        "the clinic's long page about what to expect before, during and after your visit "
        "to the clinic, with the questions patients often ask"
        if lang == "en"
        else long_words
    )
    assert words == _norm(expected)


def test_the_online_notes_label_and_address_read_a_word_apart(
    bundled: dict[str, Path],
) -> None:
    """The note beside the QR code prints its label on one line and the address on the
    next, one `P`: the label's line ends in a space of the text layer, as a line broken
    at a space does, so a screen reader reading the `P` as one text says "This leaflet
    online www.ednawellness.com", not "onlinewww.ednawellness.com"."""
    heard = {}
    for locale in ("en", "th"):
        document, _ = structure(bundled[f"{locale}/choosing-a-clinic"])
        notes = [
            node
            for node in document.kids
            if node.role == "P" and any(kid.role == "Link" for kid in node.kids)
        ]
        heard[locale] = _words(notes[-1].text())
    assert heard == {
        "en": "This leaflet online www.ednawellness.com",
        "th": "อ่านเอกสารนี้ทางออนไลน์ www.ednawellness.com",
    }


def _labels_problems(document: Any) -> list[str]:
    """Where a list item's bullet or number is not read with it — no ``Lbl`` before
    its ``LBody`` — or is not its item's, in reading order (``/ActualText`` where it
    has one). A reference list prints its numbers in its entries' text ("1. Dominici
    M…"): that number is the entry's ``Lbl`` too, and not in its body."""
    problems = []
    for node in document.walk():
        numbering = node.attributes.get("ListNumbering") if node.role == "L" else None
        if numbering not in ("Decimal", "Disc"):
            continue
        for count, item in enumerate(node.kids, 1):
            roles = [kid.role for kid in item.kids]
            if roles != ["Lbl", "LBody"]:
                problems.append(f"{node.lang} {item.text()[:30]!r}: {roles}")
                continue
            label, body = item.kids
            said = (label.actual_text or label.text()).strip()
            if re.match(r"\d+\.\s", body.text()):
                problems.append(f"{node.lang} {body.text()[:30]!r}: its number in its body")
            if numbering == "Disc":
                right = said == "•"
            else:  # the number in any script's digits, then the language's stop (၁။)
                digits = "".join(str(unicodedata.digit(c)) for c in said if c.isdigit())
                right = digits == str(count) and said[:1].isdigit() and not said[-1].isdigit()
            if not right:
                problems.append(f"{node.lang} {item.text()[:30]!r}: label {said!r}")
    return problems


def test_list_items_say_their_numbers_and_bullets(
    bundled: dict[str, Path],
    features_pdf: Path,
    make_project: Callable[..., Path],
    tmp_path: Path,
) -> None:
    """A screen reader reads an item's number (or bullet) with the item: an ``Lbl`` in
    the ``LI`` before its ``LBody`` (PDF 1.7 14.8.4.3.3), in reading order right to left
    too; "step 2" of an instruction is no use if only "2" is missing. The parallel
    edition draws its numbers as outlines with a text layer apart (`list_numbers`)."""
    paths = [features_pdf, *bundled.values()]
    project = Project.at(LANGUAGES)
    for lang in ("ar", "my"):
        for edition in ("single", "parallel"):
            built = build_leaflet(project, "after-your-infusion", lang, tmp_path, edition=edition)
            paths.append(built.path)
    # Written in Arabic and Burmese: numbered lists (".1" drawn right to left, "၁။").
    for lang in ("ar", "my"):
        items = "".join(f"      - {text}\n" for text in SAMPLES[lang])
        lists = f"  - list:\n{items}    style: numbered\n  - list:\n{items}"
        root = make_project({"sample": leaflet(lang, TITLES[lang], SAMPLES[lang]) + lists})
        paths.append(build_leaflet(Project.at(root), "sample", None, tmp_path / lang).path)
    for path in paths:
        document, _ = structure(path)
        assert any(n.role == "Lbl" for n in document.walk()), path.name
        assert _labels_problems(document) == [], path.name


def test_pdfjs_reads_the_structure_tree(bundled: dict[str, Path]) -> None:
    """pdf.js (Firefox's reader and accessibility tree) gets roles, languages and text."""
    require_pdfjs()
    for name in ("th/infusion-safety", "th/infusion-safety.parallel"):
        roles, langs, texts = _pdfjs_tree(bundled[name])
        assert {"Document", "H1", "H2", "P", "L", "LI", "LBody", "Note"} <= roles, name
        assert {"th", "en"} <= langs, name
        assert texts and sum(bool(t.strip()) for t in texts) > 0.9 * len(texts), name


def _pdfjs_tree(path: Path) -> tuple[set[str], set[str], list[str]]:
    """Roles, languages and the text of each content item, as pdf.js reads them."""
    roles: set[str] = set()
    langs: set[str] = set()
    texts: list[str] = []
    for page in run_pdfjs("structure.mjs", path):
        _walk_pdfjs(page["tree"], page["texts"], roles, langs, texts)
    return roles, langs, texts


def _walk_pdfjs(
    item: dict[str, Any], ids: dict[str, str], roles: set[str], langs: set[str], texts: list[str]
) -> None:
    if "role" in item:
        roles.add(str(item["role"]))
        if item.get("lang"):
            langs.add(str(item["lang"]))
    for child in item.get("children", []):
        if child.get("type") == "content":
            texts.append(ids.get(child["id"], ""))
        else:
            _walk_pdfjs(child, ids, roles, langs, texts)


def test_a_pdf_ua_checker_finds_no_error(bundled: dict[str, Path]) -> None:
    """pdfua (PyPI) checks 16 of PDF/UA-1's 106 machine-checkable rules: a structure
    tree, /MarkInfo, document and span languages, /Alt on figures, link descriptions,
    the document title, the XMP's pdfuaid claim. It is an opinion, not a
    certification (no veraPDF here)."""
    for name, path in bundled.items():
        assert _checker_problems(path) == [], name


def _checker_problems(path: Path) -> list[str]:
    from pdfua import Severity, validate

    return [
        f"{f.rule_id}: {f.message}"
        for f in validate(str(path)).findings
        if f.severity >= Severity.WARNING
    ]


QUOTE = """\
- quote: Ask what the cells are.
  attribution: A nurse
- paragraph: Read this first.
"""


def _proof_in_vietnamese(make_project: Callable[..., Path], out: Path) -> Path:
    """A proof in a Latin-script language with no catalog: every text is printed in
    English, so only its tags can tell a screen reader to read it with an English voice."""
    root = make_project({"sample": leaflet_yaml(QUOTE)})
    options = Options(spec=PrintSpec(proof=True))
    return build_leaflet(Project.at(root), "sample", "vi", out, options=options).path


def test_an_untranslated_quote_is_tagged_in_the_source_language(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """The quote marks and the attribution's dash the layout adds around a text do not
    hide that the text is printed untranslated (they once did: read as Vietnamese)."""
    document, _ = structure(_proof_in_vietnamese(make_project, tmp_path))
    quote = next(n for n in document.walk() if n.role == "BlockQuote")
    assert [(_norm(p.text()), p.lang) for p in quote.kids] == [
        (_norm("“Ask what the cells are.”"), "en"),
        (_norm("— A nurse"), "en"),
    ]


def test_a_proofs_list_of_untranslated_text_is_an_english_list(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """The proof's last page lists each untranslated text as L → LI → LBody (an LBody
    outside a list is no list to a screen reader), each in the language it is printed in."""
    document, _ = structure(_proof_in_vietnamese(make_project, tmp_path))
    assert _list_problems(document) == []
    lines = [n for n in document.walk() if n.role == "LBody" and "(line " in n.text()]
    assert lines and all(n.lang == "en" for n in lines)
    assert any("Ask what the cells are" in n.text() for n in lines)


def _list_problems(document: Any) -> list[str]:
    """Where the tree breaks PDF 1.7's list nesting: L holds LI, LI holds Lbl and LBody."""
    problems = []
    for node in document.walk():
        for kid in node.kids:
            if kid.role in ("LI",) and node.role != "L":
                problems.append(f"LI in {node.role}")
            if kid.role in ("Lbl", "LBody") and node.role != "LI":
                problems.append(f"{kid.role} in {node.role}: {kid.text()[:40]!r}")
    return problems


def test_a_label_with_no_translation_is_tagged_english(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """A layout label the ui catalog does not translate is printed in English, and
    tagged so: in a Latin-script language no Span can tell it apart by its letters."""
    document, _ = structure(_proof_in_vietnamese(make_project, tmp_path))
    langs = {_norm(n.text()): n.lang for n in document.walk() if n.role in ("P", "H2")}
    for label in ("Please note", "Contact us", "Proof: text not yet translated"):
        assert langs[_norm(label)] == "en", label


def _languages_built_with(tmp_path: Path, locale: str, context: str, msgstr: str) -> Path:
    """The languages fixture's leaflet built in ``locale`` with the entry ``context``
    translated ``msgstr``."""
    from i18n_support import set_msgstr

    root = tmp_path / "languages"
    shutil.copytree(LANGUAGES, root)
    catalog = root / "locales" / locale / "LC_MESSAGES" / "after-your-infusion.po"
    set_msgstr(catalog, context, msgstr)
    return build_leaflet(Project.at(root), "after-your-infusion", locale, tmp_path / "out").path


def test_a_space_after_a_citation_is_no_span_of_its_own(tmp_path: Path) -> None:
    """A kept source term, a citation, then a space and the translation's own words
    ("(mesenchymal stem cells)² ในปี …" in the bundled Thai): the citation ends the
    term, so the space after it is the translation's, not a `Span` in English holding
    nothing but a space (a screen reader switched voice for it)."""
    path = _languages_built_with(
        tmp_path,
        "ja",
        "where-cells-go",
        "点滴の後、多くの細胞はまず肺の細い血管（lung capillaries）[@galipeau2018] に"
        "とどまることがあります。細胞は長くはとどまりません。",
    )
    document, _ = structure(path)
    spans = [n for n in document.walk() if n.role == "Span"]
    assert any("lung capillaries" in n.text() for n in spans)
    assert [n.text() for n in spans if not any(c.isalpha() for c in n.text())] == []


def test_a_right_to_left_line_ending_in_a_term_and_a_citation_leaves_no_empty_span(
    tmp_path: Path,
) -> None:
    """An Arabic line ends in an invisible space and marks, drawn left of the line and
    so tagged by its leftmost cluster. Where the line's text ends in a kept term and a
    citation ("… PDF¹"), the leftmost cluster is the term's: after the `Reference` the
    tree held an English `Span` of its own that read nothing. They go with the text
    they follow: no element is left with nothing to read."""
    path = _languages_built_with(
        tmp_path, "ar", "where-cells-go", "لا تبقى الخلايا طويلًا في الرئتين PDF [@galipeau2018]"
    )
    document, _ = structure(path)
    paragraph = next(n for n in document.walk() if n.role == "P" and "الرئتين" in n.text())
    assert [(kid.role, kid.lang, _norm(kid.text())) for kid in paragraph.kids] == [
        ("Span", "en", "PDF"),
        ("Reference", "ar", "1"),
    ]
    assert [n.role for n in document.walk() if n.role == "Span" and not _norm(n.text())] == []


# A word in each script that names one language, and that language's tag.
FOREIGN_WORDS = {
    "ขอบคุณ": "th",
    "ကျေးဇူးတင်ပါတယ်": "my",
    "អរគុណ": "km",
    "ຂອບໃຈ": "lo",
    "ありがとう": "ja",
}


def _foreign_word_problems(document: Any, words: dict[str, str]) -> list[str]:
    """Each word of ``words`` read by an element in its language, none in another."""
    problems = []
    for word, lang in words.items():
        owners = [n for n in document.walk() if any(word in text for text in n.texts)]
        if not owners:
            problems.append(f"{word!r} not found in the tree")
        problems += [f"{word!r} read as {n.lang} ({n.role})" for n in owners if n.lang != lang]
    return problems


def test_a_word_in_another_script_is_read_in_its_language(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """A Thai, Burmese, Khmer, Lao or Japanese word quoted in English text (the word a
    patient will hear at the clinic, a ward's name) is a `Span` in that language: its
    script names the language, and a screen reader reading it with an English voice
    spells it out or skips it. The same in a heading, a list item, a table cell. Han,
    which Chinese and Japanese share, is Japanese in a paragraph with kana."""
    words = " ".join(f"{word} ({n})" for n, word in enumerate(FOREIGN_WORDS))
    blocks = f"""\
- heading: Thank you, ขอบคุณ
- paragraph: "Staff may say: {words}."
- paragraph: "Ask 病院ですか (is this the hospital?) in Japanese, or 医院 in Chinese."
- paragraph: "In Chinese, a hospital is 医院."
- list:
    - "The nurse says ขอบคุณ"
- table:
    header: [Word, Meaning]
    rows:
      - ["ขอบคุณ", thank you]
"""
    root = make_project({"sample": leaflet_yaml(blocks)})
    path = build_leaflet(Project.at(root), "sample", "en", tmp_path / "out").path
    document, _ = structure(path)
    assert _foreign_word_problems(document, FOREIGN_WORDS) == []
    # Han is Chinese unless kana in the same paragraph say the text is Japanese.
    han = [(re.sub(r"\W", "", "".join(n.texts)), n.lang) for n in document.walk()]
    assert [(text, lang) for text, lang in han if "院" in text] == [
        ("病院ですか", "ja"),
        ("医院", "ja"),
        ("医院", "zh-Hans"),
    ]
    english = [n for n in document.walk() if n.lang == "en" and "Staff may say" in "".join(n.texts)]
    assert english, "the sentence around the words is English"


def test_half_width_katakana_is_read_as_japanese(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """Half-width katakana (ｱﾘｶﾞﾄｳ, still typed on older Japanese systems and in clinic
    forms) and the small katakana extensions are kana, as their full-width forms are:
    Japanese, not the English of the paragraph around them."""
    blocks = """\
- paragraph: "Staff may say ｱﾘｶﾞﾄｳ at the door."
- paragraph: "The form says ｶﾀｶﾅ 病院 in the corner."
"""
    root = make_project({"sample": leaflet_yaml(blocks)})
    path = build_leaflet(Project.at(root), "sample", "en", tmp_path / "out").path
    document, _ = structure(path)
    assert _foreign_word_problems(document, {"ｱﾘｶﾞﾄｳ": "ja", "ｶﾀｶﾅ": "ja", "病院": "ja"}) == []


def test_a_word_in_a_third_script_in_a_translation_is_read_in_its_language(
    tmp_path: Path,
) -> None:
    """In a Khmer translation a Thai or Burmese word quoted for the patient is read in
    its language, not as Khmer, and the English term beside it still as English."""
    from i18n_support import set_msgstr

    root = tmp_path / "languages"
    shutil.copytree(LANGUAGES, root)
    catalog = root / "locales" / "km" / "LC_MESSAGES" / "after-your-infusion.po"
    set_msgstr(
        catalog,
        "where-cells-go",
        "កោសិកា (MSCs) មិននៅយូរទេ [@galipeau2018]។ ពាក្យថៃ «ขอบคุณ» មានន័យថា អរគុណ។ "
        "ពាក្យភូមា «ကျေးဇူးတင်ပါတယ်» ក៏មានន័យដូចគ្នា។",
    )
    path = build_leaflet(Project.at(root), "after-your-infusion", "km", tmp_path / "out").path
    document, _ = structure(path)
    expected = {"ขอบคุณ": "th", "ကျေးဇူးတင်ပါတယ်": "my", "MSCs": "en", "មិននៅយូរទេ": "km"}
    assert _foreign_word_problems(document, expected) == []


def _script_sign_problems(document: Any, signs: dict[str, str]) -> list[str]:
    """Each element reading one of ``signs`` (a punctuation mark only one script
    writes, and the language it is read in) in another language."""
    return [
        f"{sign!r} read as {node.lang} ({node.role}): {text!r}"
        for node in document.walk()
        for text in node.texts
        for sign, lang in signs.items()
        if sign in text and node.lang != lang
    ]


def test_a_scripts_own_punctuation_is_read_in_its_language(tmp_path: Path) -> None:
    """A Khmer full stop or colon right after a Latin-script word ("ហៅថា MSCs។", the
    contact line "LINE៖ @testclinic") was read in the English Span of the word: punctuation
    took the language of the text before it, and an English voice cannot say ។ or ៖.
    Punctuation only one script writes (Khmer ។ ៖, Burmese ။ ၊, Thai ๚) is read in that
    script's language, as its letters are; marks shared by scripts (a full stop, a
    bracket) still take the language of the text before them."""
    path = _languages_built_with(
        tmp_path,
        "km",
        "lede",
        "គ្លីនិកខ្លះបញ្ចូលកោសិកាស្ត្រូម៉ាមេសិនគីមតាមសេរ៉ូមចូលក្នុងសរសៃវ៉ែន។ កោសិកាទាំងនេះហៅថា MSCs។",
    )
    document, _ = structure(path)
    assert _script_sign_problems(document, {"។": "km", "៖": "km"}) == []
    # The Latin words themselves are still English: the sign ends their Span.
    assert _foreign_word_problems(document, {"MSCs": "en", "LINE": "en"}) == []


@pytest.mark.parametrize("lang", ["zh_Hans", "zh_Hant", "ja"])
def test_chinese_and_japanese_marks_after_a_kept_term_are_read_in_the_text(
    tmp_path: Path, lang: str
) -> None:
    """The full-width brackets, stops and colons of Chinese and Japanese (（）。：) are
    the text's own, as its letters are: after a kept English term ("間質基質細胞（MSCs）。",
    the contact line "LINE：@testclinic") the ）。 and ： were read in the term's English
    `Span`, in a voice that has no word for them. The term itself stays English."""
    root = tmp_path / "languages"
    shutil.copytree(LANGUAGES, root)
    if lang == "zh_Hant":  # the Taiwan catalog of the leaflet (tests/fixtures/zh_Hant)
        traditional = REPO / "tests" / "fixtures" / "zh_Hant" / "locales" / "zh_Hant"
        shutil.copytree(traditional, root / "locales" / "zh_Hant")
    path = build_leaflet(Project.at(root), "after-your-infusion", lang, tmp_path / "out").path
    document, _ = structure(path)
    english = [n.text() for n in document.walk() if n.role == "Span" and n.lang == "en"]
    assert "MSCs" in english
    assert [text for text in english if set(text) & set("（）。、，：；「」")] == []


def test_numbers_in_the_leaflets_digits_are_read_in_its_language(tmp_path: Path) -> None:
    """A Burmese leaflet numbers its references in Burmese digits ("၁. Galipeau J…"):
    the entry is English, but its number is the leaflet's, and an English voice cannot
    read "၁". The list's `Lbl`, the number of the page's `Note` and a citation in an
    untranslated (English) paragraph are read in Burmese; the Latin digits of the
    entry ("2018;22(6)") stay English."""
    from i18n_support import set_msgstr

    root = tmp_path / "languages"
    shutil.copytree(LANGUAGES, root)
    catalog = root / "locales" / "my" / "LC_MESSAGES" / "after-your-infusion.po"
    set_msgstr(catalog, "where-cells-go", "")  # printed in English, with its citation
    path = build_leaflet(Project.at(root), "after-your-infusion", "my", tmp_path / "out").path
    document, _ = structure(path)
    myanmar_digit = re.compile("[\u1040-\u1049]")
    problems = [
        f"{node.role} {node.lang}: {text!r}"
        for node in document.walk()
        for text in node.texts
        if myanmar_digit.search(text) and node.lang != "my"
    ]
    assert problems == []
    entries = [n for n in document.walk() if n.role in ("LBody", "Note") and "2018;22" in n.text()]
    assert entries and all(n.lang == "en" for n in entries)


def test_a_new_languages_own_digits_are_read_in_it_not_in_a_described_one(
    tmp_path: Path,
) -> None:
    """A Persian leaflet (a language `data/languages.yaml` does not describe) numbers
    its English references and page notes in Persian digits ("۱. Galipeau J…"). Those
    digits are Persian, the leaflet's: a screen reader told they are Arabic reads "۱"
    with an Arabic voice, "wahid" for "yek". Every Persian digit is tagged fa."""
    from i18n_support import set_msgstr
    from msc_leaflet.i18n.workflow import init_locale

    root = tmp_path / "languages"
    shutil.copytree(LANGUAGES, root)
    init_locale(Project.at(root), "fa")
    catalog = root / "locales" / "fa" / "LC_MESSAGES" / "after-your-infusion.po"
    # Written by the developers; to be reviewed by a professional medical translator.
    set_msgstr(catalog, "title", "پس از تزریق سلول")
    set_msgstr(
        catalog,
        "faq/1/answer",
        "نه. سلول‌های اهداکننده تا مدتی از دستگاه ایمنی دوری می‌کنند، "
        "اما از آن پنهان نیستند [@ankrum2014].",
    )
    path = build_leaflet(Project.at(root), "after-your-infusion", "fa", tmp_path / "out").path
    document, _ = structure(path)
    persian_digit = re.compile("[\u06f0-\u06f9]")
    numbered = [(node, text) for node in document.walk() for text in node.texts]
    assert any(node.role == "Lbl" and persian_digit.search(text) for node, text in numbered)
    problems = [
        f"{node.role} {node.lang}: {text!r}"
        for node, text in numbered
        if persian_digit.search(text) and node.lang != "fa"
    ]
    assert problems == []


# A cell whose markup holds no word (an author's "** **" placeholder) prints nothing.
BLANK_CELL = """\
- table:
    header: [Sign, What to do, When]
    rows:
      - [Chest pain, "** **", Now]
      - [Fever, Call the clinic., "****"]
"""


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_cell_that_prints_nothing_keeps_its_place_in_the_row(
    make_project: Callable[..., Path], tmp_path: Path, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A screen reader names a cell by the header of its column, counting the row's
    cells (PDF/UA-1 7.5: a table's rows are regular). A cell left out of its `TR`
    because it prints nothing shifted the ones after it: "Now" was read as what to do.
    Every row keeps a `TD` per column, the empty one holding nothing; right to left too.
    (The loader refuses such a cell; a model built in code can still hold one.)"""
    monkeypatch.setattr("msc_leaflet.content.loader.wordless", lambda *_: None)
    root = make_project({"sample": leaflet_yaml(BLANK_CELL)})
    (root / "locales" / lang / "LC_MESSAGES").mkdir(parents=True)
    path = build_leaflet(Project.at(root), "sample", lang, tmp_path / "out").path
    document, _ = structure(path)
    rows = [n for n in document.walk() if n.role == "TR"]
    cells = [[_norm(cell.text()) for cell in row.kids] for row in rows]
    assert [[cell.role for cell in row.kids] for row in rows] == [["TH"] * 3, *[["TD"] * 3] * 2]
    expected = [
        ["Sign", "What to do", "When"],
        ["Chest pain", "", "Now"],
        ["Fever", "Call the clinic.", ""],
    ]
    assert cells == [[_norm(cell) for cell in row] for row in expected]
    assert _checker_problems(path) == []


# A section heading whose markup holds no word (the loader refuses it), unnumbered.
WORDLESS_SECTION = """\
- heading: "** **"
- heading: A part of it
  level: 3
- paragraph: Some words.
"""


def test_a_heading_that_prints_nothing_leaves_no_gap_in_the_outline(
    make_project: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A section heading that prints nothing is in no screen reader's heading list: the
    part under it was tagged `H3` right after the title's `H1` (Matterhorn 14-003),
    while its bookmark sat under the title's. It is read as the section it leads.
    (The loader refuses such a heading; a model built in code can still hold one.)"""
    monkeypatch.setattr("msc_leaflet.content.loader.wordless", lambda *_: None)
    text = leaflet_yaml(WORDLESS_SECTION).replace("numbered_sections: true", "")
    root = make_project({"sample": text})
    path = build_leaflet(Project.at(root), "sample", "en", tmp_path).path
    document, _ = structure(path)
    headings = [(n.role, _norm(n.text())) for n in document.walk() if HEADING.match(n.role)]
    assert headings == [("H1", _norm("A sample leaflet")), ("H2", _norm("A part of it"))]
    with pikepdf.open(path).open_outline() as outline:
        assert [_norm(item.title) for item in outline.root][1:] == [_norm("A part of it")]


@pytest.mark.parametrize(
    ("typed", "dialled"),
    [
        ("+66 (0) 64 505 5599", "tel:+66645055599"),  # the bundled clinic's number
        ("+44 (0)20 7946 0000", "tel:+442079460000"),
        ("๐๒ ๑๒๓ ๔๕๖๗", "tel:021234567"),  # Thai digits: a dialler reads ASCII ones
        ("02 123 4567 ext. 12", "tel:021234567"),  # the first number, not 02123456712
        ("02 123 4567, 02 765 4321", "tel:021234567"),
    ],
)
def test_a_clinic_phone_number_links_to_the_number_printed(
    make_project: Callable[..., Path], tmp_path: Path, typed: str, dialled: str
) -> None:
    """The closing box prints the clinic's number as written and links it: "+66 (0) 64
    505 5599" linked tel:+660645055599, a number no network completes (the (0) is left
    out when dialling from abroad), and "02 123 4567 ext. 12" dialled 02123456712."""
    root = make_project({"sample": leaflet_yaml("- paragraph: Hello.\n")})
    org = root / "organisations" / "test-clinic.yaml"
    text = org.read_text("utf-8").replace('"+66 80 000 0000"', f'"{typed}"')
    org.write_text(text, "utf-8")
    path = build_leaflet(Project.at(root), "sample", None, tmp_path).path
    pdf = pikepdf.open(path)
    targets = {
        str(a.A.URI)
        for page in pdf.pages
        for a in page.obj.get("/Annots", [])
        if "/A" in a and str(a.A.URI).startswith("tel:")
    }
    assert targets == {dialled}


# A link label in the paragraph's language with a Latin name in it, at its end and at
# its start, as translators write them ("the ClinicalTrials.gov registry").
MIXED_LINK_BLOCKS = """\
- paragraph: Read more in [the ClinicalTrials.gov trial registry](https://clinicaltrials.gov).
  id: end
- paragraph: Or see [ClinicalTrials.gov, the trial registry](https://example.org/registry).
  id: start
"""
MIXED_LINKS = {
    "km": (
        "អានបន្ថែមនៅលើ[បញ្ជីចុះឈ្មោះការសាកល្បង ClinicalTrials.gov](https://clinicaltrials.gov)។",
        "ឬមើល[ClinicalTrials.gov បញ្ជីចុះឈ្មោះការសាកល្បង](https://example.org/registry)។",
    ),
    "ja": (
        "詳しくは[臨床試験の登録サイト ClinicalTrials.gov](https://clinicaltrials.gov)で。",
        "または[ClinicalTrials.govの臨床試験登録サイト](https://example.org/registry)で。",
    ),
}
NOT_LATIN = re.compile(r"[\u1780-\u17ff\u3040-\u30ff\u4e00-\u9fff]")


@pytest.mark.parametrize("lang", sorted(MIXED_LINKS))
@pytest.mark.parametrize("edition", ["single", "parallel"])
def test_a_link_reads_each_of_its_words_in_their_language(
    make_project: Callable[..., Path], tmp_path: Path, lang: str, edition: str
) -> None:
    """A screen reader speaks a link in its element's /Lang. A Khmer label that ended
    in "ClinicalTrials.gov" made the whole Link English, so its Khmer words were read
    by an English voice (and a Japanese one that began with it, Japanese read as
    English). Every word of a link is read in its own language: the Link's words in
    the Link's language, a name in another script a Span of its own inside it."""
    root = make_project({"sample": leaflet_yaml(MIXED_LINK_BLOCKS)})
    project = Project.at(root)
    init_locale(project, lang)
    catalog = root / "locales" / lang / "LC_MESSAGES" / "sample.po"
    for context, msgstr in zip(("end", "start"), MIXED_LINKS[lang], strict=True):
        set_msgstr(catalog, context, msgstr)
    path = build_leaflet(Project.at(root), "sample", lang, tmp_path, edition=edition).path
    document, _ = structure(path)
    links = [n for n in document.walk() if n.role == "Link" and NOT_LATIN.search(n.text())]
    assert len(links) == 2
    for link in links:
        for node in link.walk():
            for piece in node.texts:
                if LATIN_LETTER.search(piece):
                    assert node.lang == "en", (node.role, node.lang, piece)
                if NOT_LATIN.search(piece):
                    assert node.lang == lang, (node.role, node.lang, piece)
    assert _checker_problems(path) == []


DECORATIVE = """- figure: picture.png
  decorative: true
  caption: Our clinic's garden.
- figure: picture.png
  alt: A nurse checks a drip line.
  caption: Checking the line.
"""


def test_a_decorative_pictures_caption_is_a_paragraph_not_a_caption_of_nothing(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    # The picture is an artifact, so a Caption would describe nothing a reader can find;
    # its words are still printed, and read, as a paragraph of their own.
    root = make_project({"sample": leaflet_yaml(DECORATIVE)})
    Image.new("RGB", (300, 200), (200, 220, 240)).save(root / "picture.png")
    path = build_leaflet(Project.at(root), "sample", "en", tmp_path / "out").path
    document, _ = structure(path)
    roles = {n.text().strip(): n.role for n in document.walk() if n.texts}
    assert roles["Our clinic's garden."] == "P"
    assert roles["Checking the line."] == "Caption"
    assert [n.alt for n in document.walk() if n.role == "Figure"] == ["A nurse checks a drip line."]


# A clinic's leaflet written in Thai, its Latin-letter terms (MSC) kept in Thai text.
THAI_SOURCE = """\
id: msc-safety
language: th
title: ความปลอดภัยของ MSC
document:
  code: T-TH-002
  version: "1.0"
  published: 2026-01-01
  next_review: 2027-01-01
organisation: test-clinic
disclaimer: เอกสารนี้เป็นข้อมูลทั่วไปเท่านั้น
blocks:
  - paragraph: บางคลินิกให้ MSCs เข้าหลอดเลือดดำผ่านสายน้ำเกลือ
    id: lede
"""


@pytest.mark.parametrize(
    ("locale", "edition"), [("th", "single"), ("my", "single"), ("my", "parallel")]
)
def test_latin_terms_of_a_thai_source_are_marked_english(
    make_project: Callable[..., Path], tmp_path: Path, locale: str, edition: str
) -> None:
    # Latin letters in a non-Latin text were marked as the source's language, which
    # is right while the source is English: in a Thai clinic's leaflet "MSC" was
    # marked Thai, in its Thai PDF and in the Burmese one, translated or not, so a
    # screen reader spelled it with a Thai voice. Latin letters kept from a source
    # not written in Latin are English, as its Latin references are.
    root = make_project({"msc-safety": THAI_SOURCE})
    project = Project.at(root)
    if locale != "th":
        init_locale(project, locale)
        catalog = root / "locales" / locale / "LC_MESSAGES" / "msc-safety.po"
        set_msgstr(catalog, "title", "MSC ၏ ဘေးကင်းလုံခြုံမှု")  # the lede stays Thai
    path = build_leaflet(project, "msc-safety", locale, tmp_path, edition=edition).path
    document, _ = structure(path)
    latin = [(n.role, n.lang, t) for n in document.walk() for t in n.texts if "MSC" in t]
    assert latin and all(lang == "en" for _, lang, _ in latin), latin


# A clinic's leaflet written in Arabic, and one in Chinese, citing a work published
# in English.
CITING_SOURCE = """\
id: cell-names
language: {language}
title: {title}
document:
  code: T-CITE-001
  version: "1.0"
  published: 2026-01-01
  next_review: 2027-01-01
organisation: test-clinic
disclaimer: {disclaimer}
blocks:
  - paragraph: {paragraph} [@caplan2017]
references:
  - key: caplan2017
    authors: [Caplan AI]
    title: "Mesenchymal stem cells: time to change the name!"
    journal: Stem Cells Transl Med
    year: 2017
    volume: "6"
    issue: "6"
    pages: 1445–1451
"""
ARABIC_SOURCE = CITING_SOURCE.format(
    language="ar",
    title="أسماء الخلايا",
    disclaimer="هذه النشرة معلومات عامة فقط.",
    paragraph="تغيّر اسم هذه الخلايا",
)
CHINESE_SOURCE = CITING_SOURCE.format(
    language="zh-Hans",
    title="细胞的名称",
    disclaimer="本手册仅提供一般信息。",
    paragraph="这些细胞的名称变了。",
)


@pytest.mark.parametrize(
    ("source", "locale", "title", "translated", "title_lang", "edition"),
    [
        # The Thai translation of an Arabic leaflet: the entry held no Arabic letter,
        # yet it was set right to left and tagged Arabic ("‏.1445–1451:Caplan AI. …
        # 2017;6(6) .1" on the page), for it held letters of a script besides Latin.
        (ARABIC_SOURCE, "th", "ชื่อของเซลล์", "ถึงเวลาเปลี่ยนชื่อ", "th", "single"),
        (ARABIC_SOURCE, "th", "ชื่อของเซลล์", "ถึงเวลาเปลี่ยนชื่อ", "th", "parallel"),
        # The Japanese translation of a Chinese leaflet: its title's Han, which Chinese
        # writes too, made the entry Chinese, its authors read in a Chinese voice.
        (CHINESE_SOURCE, "ja", "細胞の名前", "名前を変える時が来た", "ja", "single"),
        (CHINESE_SOURCE, "ja", "細胞の名前", "名前を変える時が来た", "ja", "parallel"),
    ],
)
def test_a_reference_with_its_title_translated_is_still_english(
    make_project: Callable[..., Path],
    tmp_path: Path,
    source: str,
    locale: str,
    title: str,
    translated: str,
    title_lang: str,
    edition: str,
) -> None:
    # A work published in English is cited in English whatever its translated title's
    # letters: the entry is read left to right in an English voice, and its translated
    # title is a Span in its own language.
    root = make_project({"cell-names": source})
    project = Project.at(root)
    init_locale(project, locale)
    catalog = root / "locales" / locale / "LC_MESSAGES" / "cell-names.po"
    set_msgstr(catalog, "title", title)
    set_msgstr(catalog, "ref/caplan2017/title", translated)
    path = build_leaflet(project, "cell-names", locale, tmp_path, edition=edition).path
    document, _ = structure(path)
    entries = [n for n in document.walk() if n.role in ("Note", "LBody") and "Caplan" in n.text()]
    assert entries
    for entry in entries:
        assert entry.lang == "en", (entry.role, entry.lang, entry.text())
        assert "Stem Cells Transl Med. 2017;6(6):1445–1451." in _words(entry.text())
        spans = [(k.role, k.lang) for k in entry.walk() if translated[:3] in "".join(k.texts)]
        assert spans == [("Span", title_lang)], spans


def test_every_citation_links_to_its_entry_on_its_page(bundled: dict[str, Path]) -> None:
    """A reader who taps a citation's number lands on its entry at the foot of the same
    page, in every edition; a screen reader finds each number as a Link inside the
    citation's Reference, with its annotation, named in the language of its text
    ("เอกสารอ้างอิง 3"; the sequential edition's English half: "Reference 3"). Before, a
    citation was a Reference and nothing to follow."""
    for name, path in bundled.items():
        found = _citation_links(path)
        assert found, name
        for lang, printed, contents, entry in found:
            word = "เอกสารอ้างอิง" if lang == "th" else "Reference"
            assert contents == f"{word} {printed}", (name, contents)
            assert entry.startswith(f"{printed}."), (name, printed, entry)


@pytest.mark.parametrize("lang", ["ar", "my", "ja"])
def test_citations_link_in_other_scripts_and_columns(lang: str, tmp_path: Path) -> None:
    """Right to left (Arabic), in the leaflet's own digits (Burmese ၃), and in both
    columns of the parallel edition, each in its own language's words."""
    project = Project.at(LANGUAGES)
    tag = lang.replace("_", "-")
    for edition in ("single", "parallel"):
        path = build_leaflet(project, "after-your-infusion", lang, tmp_path, edition=edition).path
        found = _citation_links(path)
        assert found, (lang, edition)
        assert {link_lang for link_lang, *_ in found} == (
            {tag} if edition == "single" else {tag, "en"}
        )
        for link_lang, printed, contents, entry in found:
            # The entry's number, in the footer's digits (the English column's "1" is ၁)
            leading = re.match(r"\d+", entry)
            assert leading and int(leading[0]) == int(printed), (lang, printed, entry)
            assert contents.endswith(printed), (lang, contents)
            assert contents.startswith("Reference") == (link_lang == "en"), (lang, contents)


def _citation_links(path: Path) -> list[tuple[str, str, str, str]]:
    """Each number a citation prints: its Link's language, the number as printed, its
    annotation's /Contents and the text at the annotation's destination, checked to be
    a Link (inside the Reference) holding one annotation that goes to its own page."""
    pdf = pikepdf.open(path)
    pages: list[Any] = [page.obj for page in pdf.pages]
    objects = page_objects(path)
    named = _named_destinations(pdf)
    found = []
    for reference in _elements(pdf.Root.StructTreeRoot.K, "/Reference"):
        kids = _kids(reference)
        assert kids and all(str(kid.get("/S")) == "/Link" for kid in kids), path
        for link in kids:
            page = pages.index(link.Pg)
            mcids = [kid for kid in _kids_raw(link) if isinstance(kid, int)]
            printed = "".join(objects[page].texts.get(mcid, "") for mcid in mcids)
            printed = "".join(c for c in printed if c.isdecimal())
            annotation = _objr(link)
            assert annotation.Subtype == Name.Link and "/StructParent" in annotation
            # A named destination, one per entry per page: file.pdf#ref-<key>@p<page>.
            name = annotation.Dest
            assert isinstance(name, pikepdf.String), (path, page, name)
            assert re.fullmatch(rf"ref-{KEY}@p{page + 1}", str(name)), (path, str(name))
            target, _, left, top, _ = list(named[str(name)])
            assert target == link.Pg, (path, page, printed)  # the same page
            entry = _text_below(path, page, float(left), float(top))
            found.append((_lang_of(link), printed, str(annotation.Contents), entry))
    return found


def test_pdfjs_follows_each_citation_to_its_page(bundled: dict[str, Path]) -> None:
    """pdf.js (Firefox) sees each citation's link, described, going to its own page."""
    require_pdfjs()
    for name in ("en/what-research-says", "th/infusion-safety.parallel"):
        pages = run_pdfjs("links.mjs", bundled[name])
        internal = [(n, link) for n, links in enumerate(pages) for link in links if link["target"]]
        assert internal, name
        for number, link in internal:
            assert link["target"]["page"] == number, (name, link)
            assert re.fullmatch(r"(Reference|เอกสารอ้างอิง) \d+", link["contents"]), link


def _kids_raw(element: Any) -> list[Any]:
    kids = element.get("/K")
    return list(kids) if isinstance(kids, pikepdf.Array) else [] if kids is None else [kids]


def _kids(element: Any) -> list[Any]:
    """The structure elements among ``element``'s kids."""
    return [
        kid
        for kid in _kids_raw(element)
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == Name.StructElem
    ]


def _elements(element: Any, role: str) -> list[Any]:
    """Every element of ``role`` under ``element``, in tree order."""
    found = [element] if str(element.get("/S")) == role else []
    for kid in _kids(element):
        found += _elements(kid, role)
    return found


def _lang_of(element: Any) -> str:
    """``element``'s language: its own /Lang or its nearest ancestor's."""
    while "/Lang" not in element and "/P" in element:
        element = element.P
    return str(element.get("/Lang", ""))


def _objr(element: Any) -> Any:
    """The one annotation ``element`` holds."""
    objrs = [
        kid.Obj
        for kid in _kids_raw(element)
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == Name.OBJR
    ]
    assert len(objrs) == 1, objrs
    return objrs[0]


def _text_below(path: Path, page: int, left: float, top: float) -> str:
    """What pdfium reads in the first line under the point ``left, top``: an entry's
    number, where a citation's destination is."""
    document = pdfium.PdfDocument(path)
    text = document[page].get_textpage().get_text_bounded(left - 1, top - 9, left + 40, top - 2)
    return str(text).strip()


KEY = r"[A-Za-z0-9][A-Za-z0-9_:.-]*"  # a reference key, as the loader takes it


def _named_destinations(pdf: pikepdf.Pdf) -> dict[str, Any]:
    """The catalog's named destinations (its /Names /Dests name tree), by name."""
    names = pdf.Root.get("/Names")
    if names is None or "/Dests" not in names:
        return {}
    return {str(name): dest for name, dest in pikepdf.NameTree(names.Dests).items()}


def _list_entries(path: Path) -> dict[str, tuple[int, str]]:
    """Each ``ref-<key>`` destination: its page, and the text a reader sees there."""
    pdf = pikepdf.open(path)
    pages = [page.obj.objgen for page in pdf.pages]
    found = {}
    for name, dest in _named_destinations(pdf).items():
        if "@" not in name:
            target, kind, left, top, _ = list(dest)
            assert kind == Name.XYZ, (path, name)
            page = pages.index(target.objgen)
            found[name] = (page, _text_below(path, page, float(left), float(top)))
    return found


@pytest.mark.parametrize(
    "name", ["en/what-research-says", "th/stromal-or-stem", "th/infusion-safety.sequential"]
)
def test_an_address_names_each_entry_of_the_reference_list(
    bundled: dict[str, Path], name: str
) -> None:
    """``leaflet.pdf#ref-<key>`` opens at the reference's entry in the list at the end,
    as an address can name a section of a web page: a clinician sends a translator
    straight to the study a sentence cites. Before, the entries were no destination at
    all, and a citation's was an explicit one (page and position) no address can name.
    The sequential edition's first list (the translation's) holds the names."""
    project = Project.at(REPO)
    leaflet, _ = load_leaflet(project.leaflet_path(name.split("/")[1].split(".")[0]), project)
    numbers = number_citations(leaflet)
    entries = _list_entries(bundled[name])
    assert set(entries) == {f"ref-{key}" for key in numbers}, name
    for key, number in numbers.items():
        _, text = entries[f"ref-{key}"]
        assert text.startswith(f"{number}."), (name, key, text)
    # In the sequential edition, the entries of the first part's list: before the page
    # the second part's bookmark leads to.
    pdf = pikepdf.open(bundled[name])
    pages = [page.obj.objgen for page in pdf.pages]
    with pdf.open_outline() as outline:
        parts = [pages.index(_page_ref(item.destination)) for item in outline.root]
    end = parts[1] if name.endswith("sequential") else len(pages)
    assert all(page < end for page, _ in entries.values()), (name, entries, end)


def test_a_citation_destination_is_named_once_and_used(bundled: dict[str, Path]) -> None:
    """Every name is one entry's, no two entries share one, and a name a citation's
    link uses is in the tree: a link to a missing name goes nowhere in every viewer."""
    for name, path in bundled.items():
        pdf = pikepdf.open(path)
        named = _named_destinations(pdf)
        used = {
            str(a.Dest)
            for page in pdf.pages
            for a in page.obj.get("/Annots", [])
            if isinstance(a.get("/Dest"), pikepdf.String)
        }
        assert used and used <= set(named), (name, used - set(named))
        assert all(re.fullmatch(rf"ref-{KEY}(@p\d+)?", n) for n in named), name


def test_pdfjs_opens_an_address_at_its_reference(bundled: dict[str, Path]) -> None:
    """pdf.js (Firefox) resolves each name, as its viewer does for ``#ref-<key>`` and
    ``#nameddest=ref-<key>``, to the entry's page and position."""
    require_pdfjs()
    for name in ("en/what-research-says", "th/infusion-safety.parallel"):
        path = bundled[name]
        pdf = pikepdf.open(path)
        pages = [page.obj.objgen for page in pdf.pages]
        expected = {
            key: {"page": pages.index(dest[0].objgen), "left": float(dest[2]),
                  "top": float(dest[3])}
            for key, dest in _named_destinations(pdf).items()
        }  # fmt: skip
        resolved = run_pdfjs("destinations.mjs", path)
        assert expected and set(resolved) == set(expected), name
        for key, where in expected.items():
            got = resolved[key]
            assert got["page"] == where["page"], (name, key, got)
            assert abs(got["left"] - where["left"]) < 0.01, (name, key, got)
            assert abs(got["top"] - where["top"]) < 0.01, (name, key, got)
        links = [link for page in run_pdfjs("links.mjs", path) for link in page]
        assert {link["name"] for link in links if link["target"]} <= set(expected), name


def _page_ref(destination: object) -> tuple[int, int]:
    """The page an explicit destination (a bookmark's) goes to."""
    assert isinstance(destination, pikepdf.Array)
    return destination[0].objgen


# A Vietnamese place and person named in a translation into another script, as a
# clinic writes them, with a Latin term kept from the source beside them.
VIETNAMESE_NAMES = {
    "km": "សូមមកមន្ទីរពេទ្យ Chợ Rẫy នៅ Hồ Chí Minh។ វេជ្ជបណ្ឌិតរបស់អ្នកគឺ Nguyễn Văn An។ "
    "កោសិកាទាំងនេះហៅថា MSCs [@galipeau2018]។",
    "zh_Hans": "请到胡志明市（Hồ Chí Minh）的 Chợ Rẫy 医院就诊。医生是 Nguyễn Văn An。"
    "这些细胞叫做 MSCs [@galipeau2018]。",
    "ar": "يرجى زيارة مستشفى Chợ Rẫy في Hồ Chí Minh. طبيبك هو Nguyễn Văn An. "
    "تسمى هذه الخلايا MSCs [@galipeau2018].",
}
VIETNAMESE_WORDS = {w: "vi" for w in ("Chợ", "Rẫy", "Hồ", "Chí", "Minh", "Nguyễn", "Văn")}


@pytest.mark.parametrize("locale", sorted(VIETNAMESE_NAMES))
def test_a_vietnamese_name_in_another_script_is_read_in_vietnamese(
    tmp_path: Path, locale: str
) -> None:
    """Names like "Chợ Rẫy", "Hồ Chí Minh", "Nguyễn Văn An" in a Khmer, Chinese or
    Arabic text were English `Span`s, the kept source term's language, so a screen reader read
    them with English rules. A stretch of Latin words holding a letter only
    Vietnamese writes (ợ ẫ ồ ễ) is Vietnamese, all its syllables ("Chí", "Minh"); the
    source's term beside it ("MSCs") is still English."""
    path = _languages_built_with(tmp_path, locale, "where-cells-go", VIETNAMESE_NAMES[locale])
    document, _ = structure(path)
    assert _foreign_word_problems(document, {**VIETNAMESE_WORDS, "MSCs": "en"}) == []


def test_a_vietnamese_name_in_english_is_vietnamese_and_french_or_german_is_not(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """In an English text the same names are Vietnamese, and only they: the English
    words around them ("Hospital", "City", "The"), and French or German words with
    their own marks ("Café Müller", "Zürich", "Đorđević", whose đ Croatian writes
    too), stay English."""
    blocks = """\
- paragraph: "The Chợ Rẫy Hospital in Hồ Chí Minh City. Ask for Dr Nguyễn Văn An."
- paragraph: "Dr Đorđević of Zürich met us at the Café Müller in Lyon, which is élégant."
"""
    root = make_project({"sample": leaflet_yaml(blocks)})
    path = build_leaflet(Project.at(root), "sample", "en", tmp_path / "out").path
    document, _ = structure(path)
    english = ("The", "Hospital", "City", "Ask", "Đorđević", "Zürich", "Café", "Müller", "élégant")
    expected = {**VIETNAMESE_WORDS, **dict.fromkeys(english, "en")}
    assert _foreign_word_problems(document, expected) == []


#: The author merged two warning signs after the clinical approval; the translator's
#: merged item in each language ("trouble breathing or coughing up blood").
MERGED_SIGNS = {"ar": "صعوبة في التنفس أو سعال مع دم", "vi": "khó thở hoặc ho ra máu"}


@pytest.fixture(scope="module")
def merged_proofs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, list[str]]]:
    """Per language: the proof of the languages fixture after a merge signed off before,
    and the lines `i18n review` prints under the change ("was (Arabic): …")."""
    from i18n_support import invoke
    from msc_leaflet.i18n.pofile import read_po, write_po

    root = tmp_path_factory.mktemp("merged") / "languages"
    shutil.copytree(LANGUAGES, root)
    project = ("--project", str(root))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1796169600")  # 2026-12-02
        for locale in MERGED_SIGNS:
            signed = invoke("i18n", "review", "after-your-infusion", "-l", locale, "--by",
                            "Dr. Malee Srisuk", "--role", "clinical", *project)  # fmt: skip
            assert signed[0] == 0, signed
        leaflet = root / "leaflets" / "after-your-infusion.yaml"
        text = leaflet.read_text(encoding="utf-8")
        merged = text.replace("breathing\n      - coughing", "breathing or coughing")
        assert merged != text
        leaflet.write_text(merged, encoding="utf-8")
        assert invoke("i18n", "update", *project)[0] == 0
        built = {}
        for locale, words in MERGED_SIGNS.items():
            path = root / "locales" / locale / "LC_MESSAGES" / "after-your-infusion.po"
            catalog = read_po(path)
            for entry in catalog.active:  # the other fuzzy entry kept its right translation
                entry.msgstr = words if entry.msgctxt == "urgent-signs/2" else entry.msgstr
                entry.set_fuzzy(False)
            write_po(path, catalog)
            code, said = invoke("i18n", "review", "after-your-infusion", "-l", locale, *project)
            assert code == 0, said
            beside = [line.strip() for line in said.splitlines() if line.startswith("    ")]
            assert len(beside) == 4, said  # was and now, in English and in the translation
            options = Options(spec=PrintSpec(proof=True))
            proof = build_leaflet(
                Project.at(root), "after-your-infusion", locale, root / "out", options=options
            )
            built[locale] = (proof.path, beside)
    return built


def _said_in(line: str, locale: str) -> tuple[str, str, str]:
    """A was/now line of `i18n review` as (its label, its words, their language)."""
    label, words = line.split(": ", 1)
    return label + ":", words, "en" if "(English)" in label else locale


@pytest.mark.parametrize("locale", sorted(MERGED_SIGNS))
def test_a_proofs_texts_beside_a_change_are_read_in_their_language(
    merged_proofs: dict[str, tuple[Path, list[str]]], locale: str
) -> None:
    """The approved and current texts beside a merge were English list items holding
    the translation: a Vietnamese text was read with an English voice but for the words
    with a letter only Vietnamese writes ("ho ra máu" in English), and an Arabic one's
    label read ":(Arabic (was" to pdfium. Each is now its label (`Lbl`, English), then
    the text (`LBody`) in its own language, in the order `i18n review` prints them."""
    path, beside = merged_proofs[locale]
    document, _ = structure(path)
    assert _list_problems(document) == []
    items = [
        [(_norm(kid.text()), kid.lang) for kid in node.kids]
        for node in document.walk()
        if node.role == "LI"
        and any(k.role == "Lbl" and k.text().startswith(("was (", "now (")) for k in node.kids)
    ]
    expected = [
        [(_norm(label), "en"), (_norm(words), lang)]
        for label, words, lang in (_said_in(line, locale) for line in beside)
    ]
    assert items == expected
    texts = {_norm(_said_in(line, locale)[1]) for line in beside}
    for node in document.walk():  # no word of a text beside a change in another language
        if node.role == "LBody" and _norm(node.text()) in texts:
            assert {kid.lang for kid in node.walk()} == {node.lang}, node
    assert all(page.untagged_text == [] for page in page_objects(path))


@pytest.mark.parametrize("locale", sorted(MERGED_SIGNS))
def test_every_reader_reads_a_proofs_texts_beside_a_change(
    merged_proofs: dict[str, tuple[Path, list[str]]], locale: str
) -> None:
    """pdftotext read an Arabic "was (Arabic): صعوبة …" line from its right end (its
    label last) and pdfium its Arabic words in drawn order: a line mixing the two
    directions is one no reader of a right-to-left page reads right. The label and the
    text are lines of their own, each in one direction, and read back exactly."""
    from test_scripts_rtl import READERS, as_typed

    path, beside = merged_proofs[locale]
    for name, read in READERS.items():
        lines = {as_typed(line) for line in read(path).splitlines()}
        for label, words, _ in (_said_in(line, locale) for line in beside):
            assert {label, unicodedata.normalize("NFC", words)} <= lines, (name, label, words)


#: A clinic's profile edited after the clinical approval of its Thai text, the edit of
#: each, and the language the edited item is written in (whatever the proof's).
#: A Thai address for Thai readers; one Arabic address printed for every reader.
WRITTEN_AS_PRINTED = {
    "thai-address": (
        "address:\n  en: 12 Sukhumvit Road, Bangkok\n  th: 12 ถนนสุขุมวิท กรุงเทพฯ\n",
        ("12 ถนนสุขุมวิท", "14 ถนนสุขุมวิท"),
        ("12 ถนนสุขุมวิท กรุงเทพฯ", "14 ถนนสุขุมวิท กรุงเทพฯ"),
        "th",
    ),
    "arabic-address": (
        "address: شارع سوخومفيت، بانكوك\n",
        ("سوخومفيت", "سيلوم"),
        ("شارع سوخومفيت، بانكوك", "شارع سيلوم، بانكوك"),
        "ar",
    ),
    # A phone number, digits alone, is in its line's language as the page tags it
    # (`contact_language`), not in the leaflet's English by a rule of letters alone.
    "phone": (
        'phone: "+66 2 123 4567"\n',
        ("123 4567", "765 4321"),
        ("+66 2 123 4567", "+66 2 765 4321"),
        "th",
    ),
}


def _proof_after_profile_edit(root: Path, profile: str, old: str, new: str) -> Path:
    """The i18n fixture's Thai proof after ``profile`` was added to its clinic's profile,
    signed off, then ``old`` edited to ``new`` and the English name changed."""
    from i18n_support import invoke
    from test_i18n_signoff import FIXTURE, ORGANISATION, edit

    shutil.copytree(FIXTURE, root)
    with (root / ORGANISATION).open("a", encoding="utf-8") as written:
        written.write(profile)
    project = ("--project", str(root))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1796169600")  # 2026-12-02
        signed = invoke("i18n", "review", "care-basics", "-l", "th", "--by", "Dr. Malee Srisuk",
                        "--role", "clinical", *project)  # fmt: skip
        assert signed[0] == 0, signed
        edit(root / ORGANISATION, old, new)
        edit(root / ORGANISATION, "name: Test Clinic", "name: Test Clinic Bangkok")
        options = Options(spec=PrintSpec(proof=True))
        return build_leaflet(
            Project.at(root), "care-basics", "th", root / "out", options=options
        ).path


@pytest.mark.parametrize("case", sorted(WRITTEN_AS_PRINTED))
def test_a_proofs_contacts_are_tagged_in_the_language_they_are_written_in(
    tmp_path: Path, case: str
) -> None:
    """The proof's list of changes set a contact printed as written (the clinic's
    English name, its Thai address, an Arabic one) in the translation's language: the
    English name was tagged Thai and an Arabic address drawn left to right, so every
    reader read it backwards. Each is now tagged as the page tags it
    (`contact_language`, as the desk's sign-off page does: a phone number in the page's
    language) and set in its direction: the Arabic address reads back as typed."""
    from test_scripts_rtl import as_typed
    from typeset_support import EXTRACTORS

    profile, (old, new), texts, language = WRITTEN_AS_PRINTED[case]
    path = _proof_after_profile_edit(tmp_path / "p", profile, old, new)
    document, _ = structure(path)
    bodies = {_norm(node.text()): node.lang for node in document.walk() if node.role == "LBody"}
    expected = {"TestClinic": "en", "TestClinicBangkok": "en"}
    expected |= {_norm(text): language for text in texts}
    assert {text: bodies.get(text) for text in expected} == expected, bodies
    if language == "ar":
        for name, read in EXTRACTORS.items():
            lines = {as_typed(line) for line in read(path).splitlines()}
            assert set(texts) <= lines, (name, lines)


#: An organisation's address as its profile writes it, the page it is printed on, and
#: the language a screen reader must read it in: the locale it is written for, else the
#: one its letters show, whatever the page's.
THAI_ADDRESS = "12 ถนนสุขุมวิท แขวงคลองเตย กรุงเทพฯ 10110"
ENGLISH_ADDRESS = "12 Sukhumvit Road, Khlong Toei, Bangkok 10110"
VIETNAMESE_ADDRESS = "12 đường Lê Lợi, Quận 1, Thành phố Hồ Chí Minh"
CHINESE_ADDRESS = "曼谷市素坤逸路12号"  # written for zh, printed on a zh_Hans page: its own
CONTACTS_AS_PUBLISHED = [
    # The English address a Vietnamese page prints for want of a vi: one was read in a
    # Vietnamese voice: its letters are Vietnamese's too, but it is published in English.
    (f"address:\n  en: {ENGLISH_ADDRESS}\n  th: {THAI_ADDRESS}\n", "vi", ENGLISH_ADDRESS, "en"),
    (f"address:\n  en: {ENGLISH_ADDRESS}\n  th: {THAI_ADDRESS}\n", "km", ENGLISH_ADDRESS, "en"),
    (f"address:\n  en: {ENGLISH_ADDRESS}\n  th: {THAI_ADDRESS}\n", "ar", ENGLISH_ADDRESS, "en"),
    (f"address: {THAI_ADDRESS}\n", "en", THAI_ADDRESS, "th"),  # Thai in an English leaflet
    (f"address: {VIETNAMESE_ADDRESS}\n", "en", VIETNAMESE_ADDRESS, "vi"),
    (
        f"address:\n  zh: {CHINESE_ADDRESS}\n  en: {ENGLISH_ADDRESS}\n",
        "zh_Hans",
        CHINESE_ADDRESS,
        "",
    ),
]


@pytest.mark.parametrize(("profile", "locale", "address", "language"), CONTACTS_AS_PUBLISHED)
def test_a_contact_is_tagged_in_the_language_it_is_published_in(
    tmp_path: Path, profile: str, locale: str, address: str, language: str
) -> None:
    """A contact of the closing box is tagged by the contact as published, as a
    reference entry is (`typeset.printed_language.contact_language`): the address in
    the language the profile writes it for, or its letters show; a web address and a
    LINE id in Latin letters are English on a page of another script, and a phone
    number, digits alone, is read in its line's language, with its label.
    ``language`` "": the page's own."""
    root = tmp_path / "languages"
    shutil.copytree(LANGUAGES, root)
    (root / "organisations" / "test-clinic.yaml").write_text(
        f'name: Test Clinic\n{profile}phone: "+66 2 123 4567"\nline: "@testclinic"\n'
        "web: https://example.org\n",
        "utf-8",
    )
    path = build_leaflet(Project.at(root), "after-your-infusion", locale, tmp_path).path
    document, _ = structure(path)
    page = locale.replace("_", "-")

    def tagged(text: str) -> str:
        """The language of the innermost element holding ``text`` whole."""
        holding = [n for n in document.walk() if _norm(text) in _norm(n.text())]
        assert holding, text
        inner = [n for n in holding if not any(_norm(text) in _norm(k.text()) for k in n.kids)]
        return inner[-1].lang

    assert tagged(address) == (language or page)
    if locale == "ar":  # PDFium reads the phone and the address's pieces drawn reversed
        return
    assert tagged("+66 2 123 4567") == page
    latin_page = locale in ("en", "vi")
    assert tagged("example.org") == (page if latin_page else "en")
