"""Table columns fitted to their content, hyphenation, and the parallel edition's
full-width tables (#21, item 1).

A narrow column used to cut words at any character ("Fastin|g", "อาหา|ร"): widths were
shares of the character count, and the emergency cut was the normal path.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import Any

import pypdf
import pypdfium2
import pytest
import yaml
from reportlab.platypus import Flowable
from typer.testing import CliRunner

from conftest import ORGANISATION, REFERENCES, leaflet_yaml
from fasting import build_fasting, text_lines
from msc_leaflet.build import build_leaflet
from msc_leaflet.build.options import Options
from msc_leaflet.cli.app import app
from msc_leaflet.i18n.pofile import read_po, write_po
from msc_leaflet.layout.table_widths import column_widths
from msc_leaflet.print_spec import PrintSpec
from msc_leaflet.project import Project
from msc_leaflet.typeset import make_paragraph
from msc_leaflet.typeset.cell_edges import inside_column
from msc_leaflet.typeset.fonts import shaping_font
from msc_leaflet.typeset.linebreak import fit_units, hyphenated, narrowest_width
from msc_leaflet.typeset.paragraph import TextParagraph
from msc_leaflet.typeset.placed import Placed
from msc_leaflet.typeset.render import is_end_space
from pdfjs_text import extract_pdfjs
from scripts_samples import SAMPLES
from typeset_support import EXTRACTORS, body_style, build_document, runs_for

runner = CliRunner()
PADDING = 12.0  # left + right padding of a cell (theme box-padding.table)


def cells(rows: list[list[str]], lang: str = "en") -> list[list[Flowable]]:
    style = body_style(size=9)
    return [[make_paragraph(runs_for([(text, "")], 9), style, lang) for text in r] for r in rows]


def widest_unit(column: list[Flowable]) -> float:
    return max(max(u.width for u in c.units) for c in column if isinstance(c, TextParagraph))


TABLE = [
    ["Blood test", "Fasting time", "Is fasting needed?"],
    ["Blood sugar (glucose)", "8 hours", "Needed: food raises blood sugar."],
    ["LDL cholesterol", "8–12 hours", "Needed: fat from a meal stays in the blood for hours."],
    ["Creatinine", "No fasting", "Not needed, but avoid a large meat meal the evening before."],
]
THAI_TABLE = [
    ["การตรวจเลือด", "งดอาหาร", "จำเป็นต้องงดอาหารหรือไม่"],
    ["แอลดีแอลคอเลสเตอรอล", "8–12 ชั่วโมง", "จำเป็น เพราะไขมันจากอาหารอยู่ในเลือดได้หลายชั่วโมง"],
]


@pytest.mark.parametrize(("rows", "lang"), [(TABLE, "en"), (THAI_TABLE, "th")])
def test_each_column_is_at_least_as_wide_as_its_widest_word(
    rows: list[list[str]], lang: str
) -> None:
    table = cells(rows, lang)
    width = 300.0
    widths = column_widths(table, width, PADDING)
    assert widths is not None
    assert sum(widths) == pytest.approx(width)
    for n, column in enumerate(zip(*table, strict=True)):
        assert widths[n] >= widest_unit(list(column)) + PADDING - 1e-6
    # The column of sentences gets the room the short columns do not need.
    assert widths[2] == max(widths)


def test_too_narrow_for_whole_words_english_is_hyphenated_and_thai_is_not() -> None:
    english = cells(TABLE)
    words = sum(widest_unit(list(c)) + PADDING for c in zip(*english, strict=True))
    narrower = words - 8
    widths = column_widths(english, narrower, PADDING)
    assert widths is not None  # "cholesterol" → "choles-terol" makes room
    for paragraph, width in zip(english[2], widths, strict=True):
        assert isinstance(paragraph, TextParagraph)
        low = max(narrowest_width(u, "en") for u in paragraph.units)
        assert width - PADDING >= low - 1e-6
    thai = cells(THAI_TABLE, "th")
    words = sum(widest_unit(list(c)) + PADDING for c in zip(*thai, strict=True))
    assert column_widths(thai, words - 8, PADDING) is None  # a Thai word is never cut here


def test_a_hyphenated_word_shows_a_hyphen_the_text_layer_does_not_hold(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "Fasting triglycerides cholesterol needed"
    column = 60.0  # narrower than "triglycerides" at 11 pt
    built = build_document(
        tmp_path / "narrow.pdf", [[(text, "")]], column=column, lang="en", monkeypatch=monkeypatch
    )
    assert "".join(built.lines).replace(" ", "") == text.replace(" ", "")  # no "-" as text
    paragraph = make_paragraph(runs_for([(text, "")]), body_style(), "en")
    inside = column - 12  # the frame's padding
    ends = [paragraph.units[line.end - 1] for line in paragraph.lines_for(inside)]
    cut = [unit.text for unit in ends if hyphenated(unit)]
    assert cut and all(part[-1].isalpha() for part in cut)  # Fast-, trigly-, choles-
    assert all(line.width <= inside + 1e-6 for line in paragraph.lines_for(inside))
    for extract in EXTRACTORS.values():
        extracted = extract(built.path)
        assert "-" not in extracted and "‐" not in extracted
    # The hyphens are drawn: one path object per hyphen (English has no outlined marks).
    page = pypdfium2.PdfDocument(built.path)[0]
    paths = [o for o in page.get_objects() if o.type == pypdfium2.raw.FPDF_PAGEOBJ_PATH]
    assert len(paths) == len(cut)


def test_a_cut_at_a_hyphenation_point_is_not_an_emergency() -> None:
    paragraph = make_paragraph(
        runs_for([("triglycerides xxxxxxxxxxxxxxxxxxxx", "")]), body_style(), "en"
    )
    forced: list[str] = []
    fit_units(paragraph.units, 40.0, "en", on_forced=lambda unit: forced.append(unit.text))
    assert forced == ["xxxxxxxxxxxxxxxxxxxx"]


def test_a_lao_word_wider_than_its_cell_is_cut_between_syllables() -> None:
    # ICU keeps ໂຕຣມອລ ("stromal") whole; a cell narrower than it cuts ໂຕຣ|ມອລ, not
    # ໂຕ|ຣມອລ, and no cut is an emergency. Table widths keep Lao words whole.
    paragraph = make_paragraph(runs_for([("ສະໂຕຣມອລ", "")]), body_style(), "lo")
    word = next(unit for unit in paragraph.units if unit.text == "ໂຕຣມອລ")
    forced: list[str] = []
    parts = fit_units([word], word.width * 0.7, "lo", on_forced=lambda u: forced.append(u.text))
    assert [part.text for part in parts] == ["ໂຕຣ", "ມອລ"] and forced == []
    assert narrowest_width(word, "lo") < word.width
    assert narrowest_width(word, "lo", syllables=False) == word.width


def test_the_parallel_a5_sets_each_languages_table_at_full_width(tmp_path: Path) -> None:
    """Half an A5 page cannot hold the fasting table's Thai words: each language's
    table gets the full width, the translation's first; A4 keeps them side by side."""
    a5 = text_lines(build_fasting(tmp_path, "th", "parallel", "a5"))
    thai = next(line for line in a5 if line.text.strip() == "การตรวจเลือด")
    english = next(line for line in a5 if line.text.strip() == "Blood test")
    assert abs(thai.x - english.x) < 1  # both at the left margin
    assert (thai.page, -thai.baseline) < (english.page, -english.baseline)  # Thai first
    last_column = next(line for line in a5 if line.text.startswith("Is fasting needed"))
    assert last_column.x - english.x > 150  # the full width, not half of it
    a4 = text_lines(build_fasting(tmp_path / "a4", "th", "parallel", "a4"))
    thai = next(line for line in a4 if line.text.strip() == "การตรวจเลือด")
    english = next(line for line in a4 if line.text.strip() == "Blood test")
    assert thai.page == english.page and thai.baseline == pytest.approx(english.baseline)
    assert english.x > thai.x + 200


#: A cell of advice and its Thai translation ("You may drink plain water, but no
#: coffee, tea, milk or sweet drinks."), repeated: a row taller than half an A5 page.
DRINKS = "You may drink plain water, but no coffee, tea, milk or sweet drinks."
THAI_DRINKS = "ดื่มน้ำเปล่าได้ แต่ห้ามดื่มกาแฟ ชา นม หรือน้ำหวาน"


def test_a_row_too_tall_for_a_half_page_column_sets_the_tables_at_full_width(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """A table whose words fit half an A5 page, but one of whose rows, set that narrow,
    is taller than the page: a row cannot split, so the parallel build was refused
    ("this table cell makes its row taller than a page ... shorten the cell"), though
    the single edition sets the same row at the full width on one page. Each
    language's table is set at the full width instead, the translation's first."""
    repeats = 20
    blocks = (
        "- table:\n    header: [Drink, Allowed]\n    rows:\n"
        f"      - [Water, '{' '.join([DRINKS] * repeats)}']\n  caption: What to drink.\n"
    )
    root = make_project({"sample": leaflet_yaml(blocks, references="")})
    assert runner.invoke(app, ["i18n", "init", "th", "--project", str(root)]).exit_code == 0
    catalog_path = root / "locales" / "th" / "LC_MESSAGES" / "sample.po"
    catalog = read_po(catalog_path)
    for entry in catalog.active:
        if entry.msgid == " ".join([DRINKS] * repeats):
            entry.msgstr = " ".join([THAI_DRINKS] * repeats)
    write_po(catalog_path, catalog)
    options = Options(spec=PrintSpec(paper="a5"))
    built = build_leaflet(
        Project.at(root), "sample", "th", tmp_path / "out", edition="parallel", options=options
    )
    lines = text_lines(built.path)
    thai = next(line for line in lines if line.text.startswith("ดื่มน้ำเปล่าได้"))
    english = next(line for line in lines if line.text.startswith("You may drink"))
    # One above the other in the same column of a full-width table, not side by side
    # (there the English column starts past the middle of the page).
    assert abs(thai.x - english.x) < 1
    assert (thai.page, -thai.baseline) < (english.page, -english.baseline)  # Thai first
    text = squash("".join(line.text for line in lines))
    assert text.count(squash(THAI_DRINKS)) == repeats
    assert text.count(squash(DRINKS)) == repeats


#: "Ask your treating doctor before you book a long journey.", the Japanese of the
#: languages fixture, and its English: a cell of a Japanese-source leaflet.
JOURNEY = "長い旅行を予約する前に、担当の医師に相談してください。"
JOURNEY_EN = "Ask your treating doctor before you book a long journey."


def test_rows_that_fit_one_by_one_but_not_two_by_two_set_the_tables_at_full_width(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """A Japanese-source table of four rows, each under half an A5 page in half its
    width, but two of them with the header more than a page: a data table splits
    leaving two rows on each page, and a table in a column of the parallel edition
    never learns it stands at the top of a page, where a single edition's splits
    anyhow. Each row fitted with the header, so the halves were kept, and the build
    was refused ("this table cell (…) makes its row taller than a page"). Each
    language's table is set at the full width instead."""
    cell = JOURNEY * 5
    rows = "".join(f"      - [胸の痛み, {cell}]\n" for _ in range(4))
    blocks = f"- table:\n    header: [サイン, すること]\n    rows:\n{rows}"
    text = leaflet_yaml(blocks, references="").replace("language: en", "language: ja")
    root = make_project({"sample": text})
    assert runner.invoke(app, ["i18n", "init", "en", "--project", str(root)]).exit_code == 0
    catalog_path = root / "locales" / "en" / "LC_MESSAGES" / "sample.po"
    catalog = read_po(catalog_path)
    english = {cell: " ".join([JOURNEY_EN] * 5), "胸の痛み": "Chest pain", "サイン": "Sign",
               "すること": "What to do"}  # fmt: skip
    for entry in catalog.active:
        entry.msgstr = english.get(entry.msgid, entry.msgid)
    write_po(catalog_path, catalog)
    options = Options(spec=PrintSpec(paper="a5"))
    built = build_leaflet(
        Project.at(root), "sample", "en", tmp_path / "out", edition="parallel", options=options
    )
    lines = text_lines(built.path)
    japanese = [line for line in lines if line.text.startswith("胸の")]  # 胸の|痛み
    chest = [line for line in lines if line.text.startswith("Chest")]  # Chest|pain
    assert len(japanese) == len(chest) == 4
    # One table above the other, at the left margin, not side by side (there the
    # source column starts past the middle of the page), the translation's first.
    assert max(line.x for line in japanese + chest) - min(line.x for line in japanese + chest) < 1
    assert (chest[-1].page, -chest[-1].baseline) < (japanese[0].page, -japanese[0].baseline)
    for name, extract in EXTRACTORS.items():
        read = squash(extract(built.path))
        assert read.count(squash(JOURNEY)) == read.count(squash(JOURNEY_EN)) == 4 * 5, name


# --- cells that wrap beside each other read back cell by cell (#16) -------------------

#: Two sentences a cell holds, per script: each wraps in half an A5 page.
CELL_TEXTS = {
    **{lang: SAMPLES[lang][:2] for lang in ("my", "km", "lo", "zh_Hans", "ar")},
    "en": [SAMPLES["en"][0], "Take the medicine twice a day and ask the doctor before it."],
    "th": [SAMPLES["th"][0], "กรุณารับประทานยาวันละ 2 ครั้ง ก่อนการรักษาให้ถามแพทย์ผู้ดูแล"],
}


def wrapping_rows(lang: str) -> list[list[str]]:
    """Rows whose neighbouring cells both wrap, to the same and to different line
    counts (a short cell beside a long one, two sentences beside one)."""
    one, two = CELL_TEXTS[lang]
    return [[one, two], [two, one], [one.split()[0], two], [f"{one} {two}", one]]


def _tables_project(root: Path) -> Path:
    """``root`` as a project with the test clinic and an empty leaflets folder."""
    (root / "organisations").mkdir()
    (root / "organisations" / "test-clinic.yaml").write_text(ORGANISATION, encoding="utf-8")
    (root / "leaflets").mkdir()
    return root


def _write_tables_leaflet(
    root: Path, leaflet_id: str, lang: str, tables: list[dict[str, Any]], **extra: Any
) -> None:
    """A leaflet written in ``lang`` holding only ``tables`` (and ``extra`` keys)."""
    leaflet = {
        "id": leaflet_id,
        "language": lang,
        **dict.fromkeys(("kicker", "title", "subtitle", "lede", "disclaimer"), "T"),
        "document": {
            "code": "T-001",
            "version": "1.0",
            "published": "2026-01-01",
            "next_review": "2027-01-01",
        },
        "audience": "T",
        "organisation": "test-clinic",
        "blocks": [{"table": table} for table in tables],
        **extra,
    }
    path = root / "leaflets" / f"{leaflet_id}.yaml"
    path.write_text(yaml.safe_dump(leaflet, allow_unicode=True), encoding="utf-8")


@pytest.fixture(scope="module")
def wrapped_tables(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """An A5 leaflet per script, written in it, holding the `wrapping_rows` table."""
    root = _tables_project(tmp_path_factory.mktemp("wrapped-tables"))
    pdfs = {}
    for lang in CELL_TEXTS:
        leaflet_id = f"table-{lang.lower().replace('_', '-')}"  # ids: no "_"
        table = {"header": ["A", "B"], "rows": wrapping_rows(lang)}
        _write_tables_leaflet(root, leaflet_id, lang, [table])
        options = Options(spec=PrintSpec(paper="a5"))
        built = build_leaflet(Project.at(root), leaflet_id, None, root / "out", options=options)
        pdfs[lang] = built.path
    return pdfs


def squash(text: str) -> str:
    """NFC, without whitespace or format characters (ZWSP, bidi marks)."""
    text = unicodedata.normalize("NFC", text)
    return "".join(c for c in text if not c.isspace() and unicodedata.category(c) != "Cf")


@pytest.mark.parametrize("lang", sorted(CELL_TEXTS))
def test_the_wrapping_rows_wrap_beside_each_other(
    wrapped_tables: dict[str, Path], lang: str
) -> None:
    # pdfium reads the content stream in drawing order, a drawn line per line.
    lines = [squash(line) for line in EXTRACTORS["pypdfium2"](wrapped_tables[lang]).splitlines()]
    for row in wrapping_rows(lang)[:2]:
        for cell in row:
            assert squash(cell) not in lines, "each cell of the first rows must wrap"


@pytest.mark.parametrize("lang", sorted(CELL_TEXTS))
@pytest.mark.parametrize("extractor", sorted(EXTRACTORS))
def test_every_extractor_reads_each_wrapped_cell_whole(
    wrapped_tables: dict[str, Path], lang: str, extractor: str
) -> None:
    """pdfminer and pdftotext join a cell's lines only when they are at most 1.5 × the
    font size apart; Burmese and Khmer cells are set farther apart, and their rows were
    read line by line across both cells until the text layer was written for them."""
    text = squash(EXTRACTORS[extractor](wrapped_tables[lang]))
    cells = [cell for row in wrapping_rows(lang) for cell in row]
    assert [cell for cell in cells if squash(cell) not in text] == []


@pytest.mark.parametrize("lang", ["en", "th"])
def test_cells_whose_lines_extractors_join_keep_their_drawn_text(
    wrapped_tables: dict[str, Path], lang: str
) -> None:
    # Latin (1.3 em) and Thai (1.43 em) cells are within the extractors' 1.5 em: their
    # text layer is the text drawn, never rescaled (``Tz``) and hidden behind outlines.
    for page in pypdf.PdfReader(wrapped_tables[lang]).pages:
        contents = page.get_contents()
        assert contents is not None
        assert b" Tz" not in contents.get_data()


# --- one hopeless cell does not starve the other columns ---------------------------------

HOPELESS = "x" * 160  # one "word" no column can hold: cut (and reported) whatever happens
STARVED_ROWS = {
    "en": [
        ["Test", "Code", "What to do before it"],
        ["LDL cholesterol", HOPELESS, "Do not eat for 8–12 hours; water is allowed."],
    ],
    "vi": [
        ["Xét nghiệm", "Mã", "Cần làm gì trước"],
        ["Cholesterol LDL", HOPELESS, "Không ăn trong 8–12 giờ; được uống nước lọc."],
    ],
    "th": [
        ["การตรวจเลือด", "รหัส", "ต้องทำอะไรก่อน"],
        ["แอลดีแอลคอเลสเตอรอล", HOPELESS, "งดอาหาร 8–12 ชั่วโมง ดื่มน้ำเปล่าได้"],
    ],
}


@pytest.mark.parametrize("lang", ["en", "vi", "th"])
def test_a_hopeless_cell_is_given_up_rather_than_other_columns_cut(lang: str) -> None:
    """A cell of one word wider than the whole table used to take the width in
    proportion to that word, and the words of the other columns ("cholesterol",
    แอลดีแอลคอเลสเตอรอล) were cut too, as emergencies; the word is cut anyway, so the
    other columns keep their longest word whole when the table can hold them all."""
    from msc_leaflet.layout.table_widths import squeezed

    table = cells(STARVED_ROWS[lang], lang)
    width = 300.0
    assert column_widths(table, width, PADDING) is None  # no layout without a cut
    widths = squeezed(table, width, PADDING)
    assert sum(widths) == pytest.approx(width)
    columns = [list(column) for column in zip(*table, strict=True)]
    for n in (0, 2):
        assert widths[n] >= widest_unit(columns[n]) + PADDING - 1e-6, (n, widths)
    # The given-up column still holds its own ordinary word ("Code", รหัส) whole.
    assert widths[1] >= widest_unit([columns[1][0]]) + PADDING - 1e-6, widths


def test_a_hopeless_cell_is_the_only_emergency_of_its_table(
    make_project: object, tmp_path: Path
) -> None:
    from conftest import leaflet_yaml

    rows = STARVED_ROWS["en"]
    blocks = f"- table:\n    header: {rows[0]}\n    rows:\n      - {rows[1]}\n"
    project = Project.at(make_project({"sample": leaflet_yaml(blocks, references="")}))  # type: ignore[operator]
    result = build_leaflet(project, "sample", None, tmp_path)
    cuts = [f.message for f in result.findings if getattr(f, "code", "") == "LAYOUT004"]
    assert len(cuts) == 1 and "xxxxxxxx" in cuts[0], cuts


class _Seen(Flowable):  # type: ignore[misc]
    """A line of fixed height that records the page it is drawn on."""

    def __init__(self, name: str, pages: dict[str, set[int]], height: float = 14.0) -> None:
        super().__init__()
        self.name, self.pages, self.height = name, pages, height

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        return aW, self.height

    def draw(self) -> None:
        self.pages.setdefault(self.name, set()).add(self.canv.getPageNumber())


@pytest.mark.parametrize("short_by", [1.0, 10.0])
def test_a_table_that_fits_leaves_no_caption_alone_on_the_next_page(
    tmp_path: Path, short_by: float
) -> None:
    # The Arabic edition of a new leaflet: the marker table fitted at the foot of the
    # page, its caption did not, and the box "split" after the table's last row (a
    # SplitTable that fits splits into itself and nothing), so the caption opened the
    # next page alone. The caption must keep at least the last row with it.
    from reportlab.lib.pagesizes import A5
    from reportlab.platypus import SimpleDocTemplate, Spacer

    from msc_leaflet.layout.blocks import Box, SplitTable

    pages: dict[str, set[int]] = {}
    rows = [[_Seen(f"row {n}", pages)] for n in range(6)]
    table = SplitTable(rows, repeatRows=1)
    caption = _Seen("caption", pages)
    doc = SimpleDocTemplate(str(tmp_path / "t.pdf"), pagesize=A5)
    frame = doc.height
    table_height = table.wrap(doc.width, frame)[1]
    # Room for the table, not for its caption too: far more than a box may leave empty.
    above = frame - table_height - caption.height + short_by
    doc.build([Spacer(1, above), Box([table, caption, Spacer(1, 6)])])
    assert pages["caption"] == pages["row 5"] == {2}, pages
    assert pages["row 1"] == {1}, pages  # the header keeps a row with it on page 1
    assert pages["row 0"] == {1, 2}, pages  # and is repeated above the rest


@pytest.mark.parametrize("short_by", [1.0, 10.0])
def test_a_table_over_three_pages_leaves_no_caption_alone_on_the_last(
    tmp_path: Path, short_by: float
) -> None:
    # The Burmese A5 proof of a new leaflet: its claims table split after its first
    # row at the foot of page 4; the rest of the rows filled page 5 exactly, and the
    # caption, no longer kept with the table once it had split, opened page 6 alone.
    # Every part of a split table keeps the caption with its last row.
    from reportlab.lib.pagesizes import A5
    from reportlab.platypus import SimpleDocTemplate, Spacer

    from msc_leaflet.layout.blocks import Box, SplitTable

    pages: dict[str, set[int]] = {}
    doc = SimpleDocTemplate(str(tmp_path / "t.pdf"), pagesize=A5)
    frame, line, pad = doc.height, 14.0, 6.0  # a row is its cell and 3 points above, below
    # The repeated header and four tall rows fill a page, with less than a line to spare.
    tall = (frame - 2 * line - pad + short_by) / 4 - pad
    heights = [line, line, tall, tall, tall, tall]
    rows = [[_Seen(f"row {n}", pages, height)] for n, height in enumerate(heights)]
    table = SplitTable(rows, repeatRows=1)
    caption = _Seen("caption", pages, line)
    above = frame - 2 * (line + pad) - tall / 2  # room for the header and the first row
    doc.build([Spacer(1, above), Box([table, caption, Spacer(1, 6)])])
    assert pages["row 1"] == {1} and pages["row 2"] == {2}, pages
    assert pages["caption"] == pages["row 5"], pages


# Drug and medical words a narrow cell (30-90 pt) must cut, in the languages whose
# text keeps them in Latin letters, and in Cyrillic (hydroxychloroquine).
LONG_WORDS = (
    "chloroquine hydroxychloroquine methylprednisolone mesenchymal immunomodulatory "
    "thrombocytopenia paracetamol acetaminophen гидроксихлорохин"
)
HOSTS = {
    "en": "{}",
    "vi": "Thuốc {} tế-bào gốc trung mô",
    "th": "ยา {} ที่โรงพยาบาล",
}


def _letters(text: str) -> int:
    return sum(char.isalpha() for char in text)


@pytest.mark.parametrize("lang", sorted(HOSTS))
@pytest.mark.parametrize("width", [30.0, 40.0, 50.0, 60.0, 90.0])
def test_every_cut_inside_a_latin_word_shows_a_hyphen(lang: str, width: float) -> None:
    """ "chloroqu" / "ine" read as two words: a word of a script written with hyphens
    cut at a line end ends in a hyphen wherever the cut falls (at a hyphenation point
    or, when none fits, in an emergency), keeps at least 2 letters before it and 3
    after, and the part with its hyphen fits the line."""
    text = HOSTS[lang].format(LONG_WORDS)
    paragraph = make_paragraph(runs_for([(text, "")], 9), body_style(size=9), lang)
    parts = fit_units(paragraph.units, width, lang)
    for before, after in pairwise(parts):
        joined = before.text[-1:] + after.text[:1]
        if not (joined.isalpha() and all(char < "\u0e00" for char in joined)):
            assert not hyphenated(before), (before.text, after.text)
            continue
        assert hyphenated(before), (width, before.text, after.text)
        assert before.width <= width + 1e-6, (width, before.text)
    for word in LONG_WORDS.split():
        pieces = [p.text.strip() for p in parts if p.text.strip() and p.text.strip() in word]
        if len(pieces) > 1 and "".join(pieces) == word:
            assert _letters(pieces[0]) >= 2 and _letters(pieces[-1]) >= 3, (width, pieces)


def test_a_medical_word_is_cut_at_its_dictionary_hyphenation_point() -> None:
    """Pyphen's English patterns miss medical words ("thrombocyt-openia", no point at
    all in "chloroquine"): the package's list of their hyphenations comes first, and a
    cut there is no emergency."""
    from msc_leaflet.typeset.hyphenation import hyphenation_points

    assert sorted(hyphenation_points("mesenchymal", "en")) == [3, 5, 8]
    assert sorted(hyphenation_points("Chloroquine", "th")) == [4, 6]
    assert 11 in hyphenation_points("thrombocytopenia", "vi")  # thrombocyto-penia
    paragraph = make_paragraph(runs_for([("chloroquine", "")], 9), body_style(size=9), "en")
    (word,) = paragraph.units
    forced: list[str] = []
    parts = fit_units([word], word.width * 0.8, "en", on_forced=lambda u: forced.append(u.text))
    assert [p.text for p in parts] == ["chloro", "quine"] and hyphenated(parts[0])
    assert forced == []


def test_an_emergency_cut_in_a_latin_word_is_still_reported() -> None:
    """No hyphenation point ("acet-aminophen") fits 15 pt: the cut is an emergency the
    check reports (LAYOUT004), and it too shows a hyphen."""
    paragraph = make_paragraph(runs_for([("acetaminophen", "")], 9), body_style(size=9), "en")
    forced: list[str] = []
    parts = fit_units(paragraph.units, 15.0, "en", on_forced=lambda u: forced.append(u.text))
    assert forced == ["acetaminophen"]
    assert len(parts) > 1 and all(hyphenated(p) for p in parts[:-1])
    assert _letters(parts[-1].text) >= 3


def test_a_vietnamese_compound_keeps_its_own_hyphen_only() -> None:
    """ "tế-bào" is cut after the author's hyphen, with no second one drawn, and a
    Vietnamese syllable is never hyphenated at an English pattern's point."""
    text = "tế-bào nghiêng trường"
    paragraph = make_paragraph(runs_for([(text, "")], 9), body_style(size=9), "vi")
    parts = fit_units(paragraph.units, 32.0, "vi")
    assert [p.text.strip() for p in parts] == ["tế-", "bào", "nghiêng", "trường"]
    assert not any(hyphenated(p) for p in parts)
    from msc_leaflet.typeset.hyphenation import hyphenation_points

    syllables = "nghiêng nghiệm trường thuốc khuyến người chuyển thường nguyễn giường"
    assert hyphenation_points(syllables, "vi") == set()


def test_an_emergency_hyphen_is_drawn_and_not_in_the_text_layer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Copy, search and a screen reader give "chloroquine" whole: the hyphen of a cut
    inside it, at a hyphenation point or not, is drawn and carries no text."""
    text = "Take chloroquine paracetamol methylprednisolone"
    column = 38.0  # 26 pt inside the padding: no point fits "paracetamol"
    built = build_document(
        tmp_path / "narrow.pdf", [[(text, "")]], column=column, lang="en", monkeypatch=monkeypatch
    )
    for name, extract in EXTRACTORS.items():
        extracted = extract(built.path)
        assert "-" not in extracted and "‐" not in extracted, name
        assert "".join(extracted.split()) == "".join(text.split()), (name, extracted)
    paragraph = make_paragraph(runs_for([(text, "")]), body_style(), "en")
    units = fit_units(paragraph.units, column - 12, "en")
    cut = [unit for unit in units if hyphenated(unit)]
    assert len(cut) >= 3
    page = pypdfium2.PdfDocument(built.path)[0]
    paths = [o for o in page.get_objects() if o.type == pypdfium2.raw.FPDF_PAGEOBJ_PATH]
    assert len(paths) == len(cut)


def test_a_malformed_hyphenation_list_line_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from msc_leaflet.errors import LeafletError
    from msc_leaflet.typeset import hyphenation

    path = tmp_path / "hyphenation-zz.txt"
    path.write_text("# comment\nchlo-ro-quine\nmes en chy mal\n", encoding="utf-8")
    monkeypatch.setattr(hyphenation, "hyphenation_list_path", lambda lang: path)
    with pytest.raises(LeafletError) as raised:
        hyphenation.listed_hyphenations("zz")
    assert raised.value.location.path == path and raised.value.location.line == 3


# --- each cell's text layer apart from its neighbours' ------------------------------------

#: Tables in which random leaflets found cells read across each other (real translations
#: of the desk's and leaflets' words), with the paper they were found on. pdftotext pulls
#: into a block the words less than a font size to its right or left, on its lines: a
#: Chinese or Japanese stop set on half an em at a line's end (…ありま / せん。 beside
#: 印刷できる / 言語) or an opening bracket at a line's start (（词句相同，) kept a box
#: an em wide, run into the 12 pt between two cells. pdfminer.six read a cell of one
#: line (အတည်ပြုချက်) on one line with the first line of the cell drawn after it, and
#: the rest of that cell after the next one.
NEIGHBOUR_TABLES: dict[str, list[dict[str, list[Any]]]] = {
    "ja": [
        {
            "header": [
                "新しい項目",
                "お問い合わせ",
                "見直し日",
                "これらが対象になる前の承認では確認されていません",
            ],
            "rows": [
                [
                    "その日のうちにクリニックに連絡してください。",
                    "このセットの内容",
                    "翻訳の言語の後に原文の言語",
                    "翻訳の言語の後に原文の言語",
                ],
                [
                    "このテーマのリーフレットはもうありません。すべてのテーマを表示しています。",
                    "印刷できる言語",
                    "画面と事務用プリンター",
                    "記録なし（この承認は文章が保存されるようになる前に行われました）",
                ],
            ],
        },
        {
            "header": [
                "この版は、リーフレットの原文の言語にはありません。",
                "その日のうちにクリニックに連絡してください。",
                "よくある質問",
                "すべての言語",
            ],
            "rows": [
                [
                    "すぐに 1669 に電話してください。",
                    "校正刷り – 配布しないでください",
                    "変更されました",
                    "点滴の後すぐに旅行できますか？",
                ]
            ],
        },
        {
            "header": [
                "リーフレットを少なくとも一つ選んでください。",
                "新しい発疹",
                "その日のうちにクリニックに連絡してください。",
            ],
            "rows": [
                ["WhatsApp", "その日のうちにクリニックに連絡してください。", "承認するには："],
                ["内容のチェック", "ご注意ください", "発熱または寒気"],
                [
                    "提供者の細胞は免疫系から隠れていますか？",
                    "いくつかのサインに対してすること。",
                    "該当するリーフレットはありません。検索語を消すか、別の言語を選んでください。",
                ],
            ],
        },
    ],
    "zh_Hans": [
        {
            "header": ["签字确认", "校样 – 请勿分发", "未发现任何问题。", "查找手册"],
            "rows": [
                ["生成患者资料包", "签字确认", "校样：尚未翻译的内容", "安全须知"],
                [
                    "简要回答",
                    "简短回答",
                    "捐献者的细胞能躲过免疫系统吗？",
                    "仅编号改变（词句相同，顺序相同）",
                ],
                ["立即求助", "回译检查", "在纳入这些内容之前所做的签字确认未涵盖它们", "常见问题"],
            ],
        },
        {
            "header": ["护士为您测量血压。", "立即拨打 1669。", "LINE"],
            "rows": [
                ["已没有此主题的手册，因此显示全部主题。", "更改列表分页", "本资料包内容"],
                [
                    "小册子的纸张用于印刷，屏幕阅读器无法读取。"
                    "对使用屏幕阅读器的读者，请提供 A4 或 A5 的 PDF。",
                    "无法读取项目中的一个文件。请让编辑修正它：",
                    "仅编号改变（词句相同，顺序相同）",
                ],
            ],
        },
    ],
    "my": [
        {
            "header": ["ပြီးစီးမှု", "ပြရန်", "အခြေအနေ", "ဘာသာပြန်ချက်များ"],
            "rows": [
                [
                    "အတည်ပြုချက်",
                    "၎င်းတို့ကို မထည့်သွင်းမီ ပြုလုပ်ခဲ့သော အတည်ပြုချက်တွင် မပါဝင်ပါ",
                    "ထုတ်ဝေသည့်နေ့",
                    "စာအုပ်ငယ် စာရွက်များသည် ပုံနှိပ်ရန်အတွက် ဖြစ်သည်- screen reader များက ဖတ်၍"
                    " မရပါ။ screen reader သုံးသူကို A4 သို့မဟုတ် A5 PDF ကို ပေးပါ။",
                ],
                ["ပြောင်းလဲသွားသည်", "စာကြည့်တိုက်", "အရေပြားတွင် အဖုအပိမ့်အသစ် ထွက်ခြင်း [@alpha2001]", "ဖွင့်ရန်"],
                [
                    "အဖျား သို့မဟုတ် ချမ်းတုန်ခြင်း",
                    "ဤလက်ကမ်းစာစောင်ကို ပြုလုပ်၍ မရပါ။ တည်းဖြတ်သူကို msc-leaflet build လုပ်ရန် ပြောပါ။",
                    "အတည်ပြုရန်-",
                    "ဤလက်ကမ်းစာစောင်ကို အွန်လိုင်းတွင်",
                ],
            ],
        },
    ],
}
#: In every other script, the wrapping rows (`wrapping_rows`): a cell of one word
#: beside one that wraps, which pdfminer.six read on one line with the first line
#: beside it wherever the two were close enough.
for _lang in ("en", "th", "lo", "km", "ar"):
    NEIGHBOUR_TABLES[_lang] = [{"header": ["A", "B"], "rows": wrapping_rows(_lang)}]


@pytest.fixture(scope="module")
def neighbour_tables(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """A leaflet per script holding its `NEIGHBOUR_TABLES`, built on A4 and on A5."""
    root = _tables_project(tmp_path_factory.mktemp("neighbour-tables"))
    references = yaml.safe_load(REFERENCES)["references"]
    pdfs = {}
    for lang, tables in NEIGHBOUR_TABLES.items():
        leaflet_id = f"cells-{lang.lower().replace('_', '-')}"
        _write_tables_leaflet(root, leaflet_id, lang, tables, references=references)
        for paper in ("a4", "a5"):
            options = Options(spec=PrintSpec(paper=paper))
            out = root / "out" / paper
            pdfs[lang, paper] = build_leaflet(
                Project.at(root), leaflet_id, None, out, options=options
            ).path
    return pdfs


def _neighbour_cells(lang: str) -> list[str]:
    return [
        re.sub(r"\s*\[@[^\]]*\]", "", cell)
        for table in NEIGHBOUR_TABLES[lang]
        for row in [table["header"], *table["rows"]]
        for cell in row
    ]


#: The extractors, and pdf.js (Firefox's viewer: skipped without Node and pdfjs-dist).
READERS = {**EXTRACTORS, "pdf.js": extract_pdfjs}


@pytest.mark.parametrize("paper", ["a4", "a5"])
@pytest.mark.parametrize("lang", sorted(NEIGHBOUR_TABLES))
@pytest.mark.parametrize("extractor", sorted(READERS))
def test_every_extractor_reads_each_cell_apart_from_its_neighbours(
    neighbour_tables: dict[tuple[str, str], Path], lang: str, paper: str, extractor: str
) -> None:
    text = squash(READERS[extractor](neighbour_tables[lang, paper]))
    assert [cell for cell in _neighbour_cells(lang) if squash(cell) not in text] == []


@pytest.mark.parametrize("paper", ["a4", "a5"])
@pytest.mark.parametrize("lang", sorted(NEIGHBOUR_TABLES))
def test_pdfminer_reads_no_line_across_two_cells(
    neighbour_tables: dict[tuple[str, str], Path], lang: str, paper: str
) -> None:
    """A cell of one line and the first line of the cell drawn after it were read as
    one line even where both stayed whole ("すぐに 1669 に電話してください。校正刷り"):
    no line of pdfminer's holds the end of a cell and the start of the next."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextBox

    lines = [
        squash(line.get_text())
        for page in extract_pages(neighbour_tables[lang, paper])
        for box in page
        if isinstance(box, LTTextBox)
        for line in box
    ]
    seams = [
        squash(before)[-3:] + squash(after)[:3]
        for table in NEIGHBOUR_TABLES[lang]
        for row in [table["header"], *table["rows"]]
        for before, after in pairwise(re.sub(r"\s*\[@[^\]]*\]", "", cell) for cell in row)
    ]
    inside = "|".join(squash(cell) for cell in _neighbour_cells(lang))  # seams a cell holds
    across = [seam for seam in seams if seam not in inside and any(seam in line for line in lines)]
    assert across == []


#: What hangs past a narrow cell's line (docs/scripts.md): stops, repeat and
#: abbreviation marks, brackets set on half an em at a line's start.
HANGING = {
    "ja": "血液、尿、熱。（注）「薬」、水。",
    "zh_Hans": "血液、尿、热。（注）“药”，水。",
    "th": "ไปๆ มาๆ ฯลฯ เร็วๆ นี้ ช้าๆ",
    "lo": "ໄປໆ ມາໆ ຯລຯ",
    "km": "ម្តងៗ រួចៗ។",
    "my": "ဆေး၊ ရေ။ ဆေး။",
}


def _boxes(line: list[Placed]) -> list[tuple[float, float]]:
    """Where each text-layer glyph of ``line`` starts and ends, spaces aside."""
    return [
        (start, start + glyph.width * item.piece.size / 1000)
        for item in line
        if not item.cluster.is_space and not is_end_space(item)
        for glyph in item.cluster.carriers
        for start in [item.x + glyph.x * item.piece.size / 1000]
    ]


def _drawn(line: list[Placed]) -> list[tuple[int, float, float]]:
    """The glyphs ``line`` draws (id, x, y): the text that is not a space glyph, and the
    glyphs drawn as outlines."""
    out = []
    for item in line:
        size = item.piece.size
        space = shaping_font(item.piece.run.font).face.charToGlyph.get(ord(" "), 0)
        drawn = [g for g in item.cluster.carriers if g.gid != space]
        drawn += [g for g in item.cluster.glyphs if g.key is None]
        out += [(g.gid, round(item.x + g.x * size / 1000, 4), g.y) for g in drawn]
    return sorted(out)


@pytest.mark.parametrize("lang", ["ja", "zh_Hans", "th", "lo", "km", "my", "vi", "hi", "en"])
def test_a_cells_text_layer_stays_inside_its_column(lang: str) -> None:
    """A glyph's box that runs into a cell's padding brings the next cell's words within
    pdftotext's reach: a stop or bracket set on half an em (its box an em wide), a mark
    hanging past a line an em or two wide, a syllable run past its end. Every box is
    written inside the column, and every glyph is drawn where it was."""
    crossed = 0
    for text in [*SAMPLES[lang], HANGING.get(lang, "")]:
        paragraph = make_paragraph(runs_for([(text, "")], 9.5), body_style(size=9.5), lang)
        for ems in (1.0, 1.3, 1.6, 2.0, 3.0, 4.0, 5.5, 7.0):
            width = ems * 9.5
            paragraph.wrap(width, 1e6)
            for line in paragraph._placed_lines(paragraph.lines_for(width)):
                kept = inside_column(line, 0.0, width)
                crossed += any(a < -0.01 or b > width + 0.01 for a, b in _boxes(line))
                outside = [(a, b) for a, b in _boxes(kept) if a < -0.01 or b > width + 0.01]
                assert outside == [], (ems, text)
                assert _drawn(kept) == _drawn(line), (ems, text)
    assert crossed, "some box must have run past its column"
