"""Property tests for the whole pipeline: any valid leaflet, in any language, lays out
with nothing lost.

A hypothesis strategy writes leaflets we have never seen: random sequences of every
block kind docs/format.md lists, their texts real sentences of the clinic's languages
(scripts mixed in one paragraph), and hostile but valid text (a 300-letter word, a
long URL, a line of digits, emoji, stacked combining marks, right-to-left inside
left-to-right, a run of zero-width spaces). Each is built in-process and read back:

1. it builds, or is refused with a `LeafletError` naming the file and line;
2. every word of every text is in the text layer (pdfium, NFC, whitespace folded,
   line-end hyphens joined as tests/test_build_completeness.py reads them);
3. nothing is drawn outside the page and the text stays inside the side margins;
4. every font is embedded and subset.

The default run is derandomised and small (seconds); ``MSC_LEAFLET_SLOW=1``
runs many more examples. Each failure found is kept below as a plain test.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pypdfium2
import pypdfium2.raw as pdfium_c
import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from PIL import Image

from conftest import ORGANISATION
from msc_leaflet.build.build import build_leaflet
from msc_leaflet.build.options import Options
from msc_leaflet.content.inline import plain_text
from msc_leaflet.content.loader import load_leaflet
from msc_leaflet.errors import LeafletError
from msc_leaflet.i18n.extract import leaflet_template
from msc_leaflet.i18n.pofile import write_po
from msc_leaflet.print_spec import PrintSpec
from msc_leaflet.project import Project
from msc_leaflet.theme.theme import load_theme
from pdfread import font_problems
from scripts_samples import SAMPLES
from test_build_completeness import both_ways, read_back
from test_languages_editions import squash, unread
from typeset_support import extract_pdfium, extract_pypdf

SLOW = bool(os.environ.get("MSC_LEAFLET_SLOW"))
SETTINGS = settings(
    max_examples=200 if SLOW else 25,
    derandomize=not SLOW,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SIDE_BY_SIDE = settings(SETTINGS, max_examples=60 if SLOW else 8)

# Short sentences a leaflet would print, beside the longer ones of scripts_samples.
SENTENCES: dict[str, list[str]] = {
    "en": [*SAMPLES["en"], "Ask your doctor before any treatment.", "Cells grow in a dish."],
    "th": [*SAMPLES["th"], "โปรดปรึกษาแพทย์ก่อนรับการรักษา", "เซลล์เติบโตในห้องปฏิบัติการ"],
    "lo": [*SAMPLES["lo"], "ກະລຸນາປຶກສາທ່ານໝໍ."],
    "km": [*SAMPLES["km"], "សូមពិគ្រោះជាមួយវេជ្ជបណ្ឌិត។"],
    "my": [*SAMPLES["my"], "ဆရာဝန်ကို မေးမြန်းပါ။"],
    "vi": [*SAMPLES["vi"], "Tế bào phát triển trong phòng thí nghiệm."],
    "zh_Hans": [*SAMPLES["zh_Hans"], "请在治疗前咨询医生。"],
    "ja": [*SAMPLES["ja"], "治療の前に医師に相談してください。"],
    "ar": [*SAMPLES["ar"], "استشر طبيبك قبل العلاج."],
}
LANGUAGES = list(SENTENCES)

# Valid text a careless or hostile author may still type.
HOSTILE = [
    "Word " + "pneumono" * 37 + "sis end.",  # a 300-letter word, no break in it
    "See https://example.org/" + "path/segment-" * 12 + "end for more.",  # a long URL
    "1234567890" * 6,  # a line of only digits
    "Take it with water ✓ daily ♥.",  # symbols (emoji proper are refused, below)
    "Vie\u0323\u0302t Nam, ng\u01b0\u01a1\u0323c, ที่นั่น.",  # combining marks stacked
    "Ask about الدواء before you take it.",  # right to left inside left to right
    "Zero\u200b\u200b\u200b\u200bwidth spaces.",  # a run of zero-width spaces
]

# Text a leaflet may hold but the build must refuse, at its line: an emoji no font
# draws, a mark typed twice on one letter.
REFUSED = ["Take it with water 💊🩺 daily.", "Ca\u0301\u0301fe stacked."]
REFUSED_BLOCKS = [
    *({"paragraph": text} for text in REFUSED),
    {"table": {"header": ["Dose", "When"], "rows": [["2 mg", ""]]}},  # an empty cell
]

CITE = " [@alpha2001]"
REFERENCES = [
    {"key": "alpha2001", "authors": ["Alpha A"], "title": "A study of cells", "year": 2001},
]


@dataclass
class Written:
    """A leaflet being written: its blocks, and each text a reader must find printed."""

    language: str
    blocks: list[dict[str, Any]] = field(default_factory=list)
    printed: list[str] = field(default_factory=list)

    def text(self, source: str) -> str:
        """``source`` as the leaflet holds it, remembered as printed."""
        self.printed.append(plain_text(source))
        return source


@st.composite
def sentence(draw: st.DrawFn, language: str) -> str:
    """A sentence of ``language``, now and then another language's or a hostile one."""
    pool = draw(st.sampled_from(["own"] * 6 + ["other", "hostile"]))
    if pool == "own":
        return draw(st.sampled_from(SENTENCES[language]))
    if pool == "other":
        return draw(st.sampled_from(SENTENCES[draw(st.sampled_from(LANGUAGES))]))
    return draw(st.sampled_from(HOSTILE))


@st.composite
def marked_text(draw: st.DrawFn, language: str, max_sentences: int = 3) -> str:
    """One to ``max_sentences`` sentences, some with inline markup and a citation."""
    parts = []
    for _ in range(draw(st.integers(1, max_sentences))):
        text = draw(sentence(language))
        how = draw(st.sampled_from(["plain", "plain", "bold", "italic", "link", "cite"]))
        if how == "bold":
            text = f"**{text}**"
        elif how == "italic":
            text = f"*{text}*"
        elif how == "link":
            text = f"{text} [the clinic's page](https://example.org/a)"
        elif how == "cite":
            text += CITE
        parts.append(text)
    return " ".join(parts)


def add_block(draw: st.DrawFn, leaflet: Written) -> None:
    """Append one block of a random kind to ``leaflet``."""
    lang = leaflet.language
    kind = draw(
        st.sampled_from(
            ["heading", "paragraph", "list", "callout", "quote", "faq", "table", "figure"]
        )
    )
    if kind == "heading":
        leaflet.blocks.append({"heading": leaflet.text(draw(sentence(lang)))})
    elif kind == "paragraph":
        leaflet.blocks.append({"paragraph": leaflet.text(draw(marked_text(lang)))})
    elif kind == "list":
        items = [leaflet.text(draw(marked_text(lang, 2))) for _ in range(draw(st.integers(1, 5)))]
        leaflet.blocks.append(
            {"list": items, "style": draw(st.sampled_from(["bullet", "numbered"]))}
        )
    elif kind == "callout":
        body: str | list[str] = (
            [leaflet.text(draw(marked_text(lang))) for _ in range(draw(st.integers(1, 3)))]
            if draw(st.booleans())
            else leaflet.text(draw(marked_text(lang)))
        )
        block: dict[str, Any] = {"callout": body}
        block["kind"] = draw(st.sampled_from(["key-answer", "plain-terms", "warning"]))
        if draw(st.booleans()):
            block["title"] = leaflet.text(draw(sentence(lang)))
        leaflet.blocks.append(block)
    elif kind == "quote":
        block = {"quote": leaflet.text(draw(marked_text(lang, 2)))}
        if draw(st.booleans()):
            block["attribution"] = leaflet.text(draw(sentence(lang)))
        leaflet.blocks.append(block)
    elif kind == "faq":
        pairs = []
        for _ in range(draw(st.integers(1, 3))):
            question = leaflet.text(draw(sentence(lang)))
            answer: str | list[str] = (
                [leaflet.text(draw(marked_text(lang))) for _ in range(draw(st.integers(1, 2)))]
                if draw(st.booleans())
                else leaflet.text(draw(marked_text(lang)))
            )
            pairs.append({"q": question, "a": answer})
        leaflet.blocks.append({"faq": pairs})
    elif kind == "table":
        columns = draw(st.integers(1, 5))
        header = [leaflet.text(draw(cell(lang))) for _ in range(columns)]
        rows = [
            [leaflet.text(draw(cell(lang))) for _ in range(columns)]
            for _ in range(draw(st.integers(1, 12)))
        ]
        block = {"table": {"header": header, "rows": rows}}
        if draw(st.booleans()):
            block["caption"] = leaflet.text(draw(sentence(lang)))
        leaflet.blocks.append(block)
    else:
        if draw(st.booleans()):
            leaflet.blocks.append({"figure": "images/cells.png", "decorative": True})
        else:
            block = {"figure": "images/cells.png", "alt": draw(sentence(lang))}
            if draw(st.booleans()):
                block["caption"] = leaflet.text(draw(sentence(lang)))
            leaflet.blocks.append(block)


@st.composite
def cell(draw: st.DrawFn, language: str) -> str:
    """A table cell: a short word or number, a sentence, or a very long text."""
    how = draw(st.sampled_from(["short", "short", "sentence", "long"]))
    if how == "short":
        return draw(st.sampled_from(["CD105", "2 mg", "yes", "—", "12", "ครั้ง", "每天", "ថ្ងៃ"]))
    if how == "sentence":
        return draw(sentence(language))
    return " ".join(draw(sentence(language)) for _ in range(4))


@st.composite
def leaflets(draw: st.DrawFn, language: str | None = None) -> Written:
    """A valid leaflet (as a YAML tree in ``blocks``) and the texts it prints, in
    ``language`` or any."""
    language = language or draw(st.sampled_from(LANGUAGES))
    leaflet = Written(language)
    for _ in range(draw(st.integers(1, 14))):
        add_block(draw, leaflet)
    if draw(st.integers(0, 7)) == 0:  # now and then, one text the build must refuse
        at = draw(st.integers(0, len(leaflet.blocks)))
        leaflet.blocks.insert(at, draw(st.sampled_from(REFUSED_BLOCKS)))
    return leaflet


def leaflet_tree(leaflet: Written) -> dict[str, Any]:
    """The whole YAML tree of ``leaflet``: its metadata, blocks and references."""
    return {
        "id": "sample",
        "language": leaflet.language,
        "title": leaflet.text(SENTENCES[leaflet.language][-1]),
        "document": {
            "code": "T-1",
            "version": "1.0",
            "published": "2026-01-01",
            "next_review": "2027-01-01",
        },
        "organisation": "test-clinic",
        "url": "https://example.org/leaflets/sample",
        "disclaimer": leaflet.text(SENTENCES[leaflet.language][0]),
        "blocks": leaflet.blocks,
        "references": REFERENCES,
    }


@pytest.fixture(scope="module")
def project() -> Iterator[Project]:
    """One project for every example, with a small PNG for the figures."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for folder in ("leaflets", "organisations", "images"):
            (root / folder).mkdir()
        (root / "organisations" / "test-clinic.yaml").write_text(ORGANISATION)
        Image.new("RGB", (40, 24), (90, 140, 200)).save(root / "images" / "cells.png")
        yield Project.at(root)


SPECS = [PrintSpec(), PrintSpec(), PrintSpec(paper="a5"), PrintSpec(colour="cmyk")]


def build_or_refuse(project: Project, tree: dict[str, Any], spec: PrintSpec) -> Path | None:
    """The built PDF, or None when the build refused the leaflet with a `LeafletError`
    naming the file and line; any other exception fails the test (invariant 1)."""
    path = project.leaflets_dir / "sample.yaml"
    path.write_text(yaml.safe_dump(tree, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = Path(tempfile.mkdtemp(dir=project.root))
    try:
        result = build_leaflet(project, "sample", None, out, options=Options(spec=spec))
    except LeafletError as err:
        assert err.location.path and err.location.line, str(err)
        assert not list(out.rglob("*.pdf")), "a refused build left a PDF behind"
        return None
    return result.path


def words_missing(pdf: Path, printed: list[str]) -> list[str]:
    """Each printed word the text layer does not hold (invariant 2), read by pdfium.
    In a leaflet with right-to-left text, a word pdfium misreads counts as read when
    pypdf reads it: pdfium's own bidi pass cuts a line at each space or neutral and
    reverses the pieces of a Latin phrase inside Arabic ("s'clinic" for "clinic's") or
    moves the full stop after an Arabic phrase inside English, a limit of pdfium that
    docs/scripts.md names and tests/test_scripts_rtl.py keeps (`PDFIUM_MISREADS`)."""
    words = [word for text in printed for word in text.split() if squash(word)]
    missing = unread(words, pdf, read_back, squash(read_back(pdf)))
    if missing and any(unicodedata.bidirectional(c) in ("R", "AL") for c in "".join(printed)):
        missing = unread(missing, pdf, read_pypdf, squash(read_pypdf(pdf)))
    return missing


def read_pypdf(pdf: Path) -> str:
    """The text layer as pypdf reads it, line-end hyphens joined too (`both_ways`)."""
    return both_ways(extract_pypdf(pdf))


#: Ink may overhang a glyph's advance (an italic's tail, a mark above): points allowed.
OVERHANG = 2.0


def drawn_outside(pdf: Path, paper: str) -> list[str]:
    """Page objects outside the media box, and characters outside the side margins
    (invariant 3)."""
    theme = load_theme(paper=paper)
    left, right = theme.margins["left"], theme.page_size[0] - theme.margins["right"]
    found = []
    document = pypdfium2.PdfDocument(pdf)
    try:
        for number, page in enumerate(document, 1):
            x0, y0, x1, y1 = page.get_mediabox()
            for item in page.get_objects(max_depth=1):
                a, b, c, d = item.get_bounds()
                if a < x0 - OVERHANG or b < y0 - OVERHANG or c > x1 + OVERHANG or d > y1 + OVERHANG:
                    found.append(f"page {number}: object {item.type} at {(a, b, c, d)}")
            text = page.get_textpage()
            for i in range(text.count_chars()):
                char = text.get_text_range(i, 1)
                if not char.strip() or pdfium_c.FPDFText_IsGenerated(text.raw, i):
                    continue
                a, _, c, _ = text.get_charbox(i)
                if a < left - OVERHANG or c > right + OVERHANG:
                    found.append(f"page {number}: {char!r} at x {a:.1f}–{c:.1f}")
    finally:
        document.close()
    return found


def check_invariants(pdf: Path, printed: list[str], paper: str) -> None:
    assert words_missing(pdf, printed) == []
    assert drawn_outside(pdf, paper) == []
    assert font_problems(pdf) == []


@SETTINGS
@given(leaflets(), st.sampled_from(SPECS))
def test_any_valid_leaflet_lays_out_with_nothing_lost(
    project: Project, leaflet: Written, spec: PrintSpec
) -> None:
    tree = leaflet_tree(leaflet)
    pdf = build_or_refuse(project, tree, spec)
    event("refused" if pdf is None else "built")
    if pdf is not None:
        check_invariants(pdf, leaflet.printed, spec.paper or "a4")


#: "Ask your doctor before any treatment." as a translator of each language says it.
ASK_YOUR_DOCTOR = {
    "th": "โปรดปรึกษาแพทย์ก่อนรับการรักษา",
    "lo": "ກະລຸນາປຶກສາທ່ານໝໍ.",
    "km": "សូមពិគ្រោះជាមួយវេជ្ជបណ្ឌិត។",
    "my": "ဆရာဝန်ကို မေးမြန်းပါ။",
    "vi": "Hãy hỏi bác sĩ trước khi điều trị.",
    "zh_Hans": "请在治疗前咨询医生。",
    "ja": "治療の前に医師に相談してください。",
    "ar": "استشر طبيبك قبل العلاج.",
}


def translated(text: str, locale: str) -> str:
    """``text`` as a translator of ``locale`` writes it: "Ask your doctor before any
    treatment." in ``locale``, markup, citations and other text kept as written."""
    return text.replace(SENTENCES["en"][1], ASK_YOUR_DOCTOR[locale])


def write_translation(project: Project, locale: str) -> list[str]:
    """``locale``'s catalog of the sample leaflet, every entry translated (`translated`);
    returns the texts it prints."""
    leaflet, _ = load_leaflet(project.leaflet_path("sample"), project)
    catalog = leaflet_template(leaflet, project)
    catalog.header["Language"] = locale
    catalog.header_flags = []
    for entry in catalog.active:
        entry.msgstr = translated(entry.msgid, locale)
    path = project.locales_dir / locale / "LC_MESSAGES" / "sample.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    write_po(path, catalog)
    return [plain_text(e.msgstr) for e in catalog.active if printed_context(e.msgctxt or "")]


def printed_context(context: str) -> bool:
    """Whether the text of the catalog's ``context`` is printed on the page: not a
    figure's alt text (read aloud from the structure tree), nor a reference's title
    (printed only where the reference is cited)."""
    return not context.endswith("/alt") and not context.startswith("ref/")


@SIDE_BY_SIDE
@given(
    leaflets(language="en"),
    st.sampled_from([x for x in LANGUAGES if x != "en"]),
    st.sampled_from(["a4", "a5"]),
)
def test_any_valid_leaflet_lays_out_side_by_side(
    project: Project, leaflet: Written, locale: str, paper: str
) -> None:
    """The parallel edition: source and translation in two columns, half as wide."""
    tree = leaflet_tree(leaflet)
    if build_or_refuse(project, tree, PrintSpec()) is None:
        event("refused")
        return
    shutil.rmtree(project.locales_dir, ignore_errors=True)
    printed = write_translation(project, locale)
    spec = PrintSpec(paper=paper)
    out = Path(tempfile.mkdtemp(dir=project.root))
    try:
        result = build_leaflet(
            project, "sample", locale, out, edition="parallel", options=Options(spec=spec)
        )
    except LeafletError as err:
        assert err.location.path and err.location.line, str(err)
        event("refused")
        return
    event("built")
    unused = [f.message for f in result.findings if "not used" in f.message]
    assert unused == []  # the translations below are all printed
    check_invariants(result.path, leaflet.printed + printed, paper)


def test_the_extractor_reads_back_what_the_strategy_prints(project: Project) -> None:
    """The checks above are not vacuous: a word the leaflet never printed is missing."""
    leaflet = Written("en")
    leaflet.blocks.append({"paragraph": leaflet.text("Cells grow in a dish.")})
    pdf = build_or_refuse(project, leaflet_tree(leaflet), PrintSpec())
    assert pdf is not None
    assert words_missing(pdf, ["Cells grow"]) == []
    assert words_missing(pdf, ["Zebras"]) == ["Zebras"]
    assert extract_pdfium(pdf)


@pytest.mark.parametrize(
    "text",
    [
        "Ask about بفحص الدم.",  # an Arabic phrase ending a sentence of an English leaflet
        "يجب على المريض أن يأتي إلى المستشفى غدًا. سيقوم الطبيب بفحص الدم.",  # a whole one
    ],
)
def test_an_arabic_phrase_in_an_english_leaflet_reads_in_source_order(
    project: Project, text: str
) -> None:
    """Found by the property above: pdfium reads the full stop after an Arabic phrase
    of several words inside a left-to-right line first, and the phrase's words in
    reverse order (its bidi pass cuts a line at each space: docs/scripts.md). Every
    word is still in its text layer, and pypdf reads the sentence as typed."""
    leaflet = Written("en")
    leaflet.blocks.append({"paragraph": leaflet.text(text)})
    pdf = build_or_refuse(project, leaflet_tree(leaflet), PrintSpec())
    assert pdf is not None
    assert squash(text) in squash(extract_pypdf(pdf))
    assert words_missing(pdf, leaflet.printed) == []
