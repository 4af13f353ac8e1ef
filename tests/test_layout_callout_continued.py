"""A callout split by a page break opens its part on the next page with its label and
"(continued)", in the words of the page's language (`ui.po`: ``continued``).

Its continuation showed no label: a reader who turned the page met shaded text with no
name, and could not tell a warning from a short answer. The continued label is an
artifact, as a data table's repeated header is: a screen reader reads the box once,
its label once (docs/accessibility.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import REPO, leaflet_yaml
from i18n_support import invoke
from msc_leaflet.build import build_leaflet
from msc_leaflet.build.options import Options
from msc_leaflet.i18n.pofile import read_po, write_po
from msc_leaflet.layout.blocks import _closed
from msc_leaflet.print_spec import PrintSpec
from msc_leaflet.project import Project
from pdfread import page_texts
from tagged_read import page_objects, structure

PARAGRAPH = (
    "Mesenchymal stromal cells mostly send signals to other cells. They calm inflammation "
    "and help the body's own repair, but they do not turn into new tissue in people."
)
LINE = "Call the clinic at once if you have a fever or chills after the infusion."


def _callout(title: str = "") -> str:
    """Text that fills most of an A5 page, a heading, then a callout of nine paragraphs:
    it starts on the first page and goes on to the next."""
    before = "".join(f"- paragraph: {PARAGRAPH}\n" for _ in range(3))
    lines = "".join(f"    - {LINE} ({n})\n" for n in range(1, 10))
    named = f"  title: {title}\n" if title else ""
    return (
        before
        + "- heading: After the infusion\n"
        + f"- callout:\n{lines}  kind: warning\n{named}"
        + "- paragraph: Keep this leaflet.\n"
    )


def _build(root: Path, locale: str = "en", edition: str = "single") -> Path:
    options = Options(spec=PrintSpec(paper="a5"))
    project = Project.at(root)
    return build_leaflet(
        project, "sample", locale, root / "out", edition=edition, options=options
    ).path


def _pages(texts: list[str], needle: str) -> list[int]:
    return [n for n, text in enumerate(texts, 1) if needle in " ".join(text.split())]


@pytest.mark.parametrize(
    ("title", "label"), [("", "Safety"), ("Before you go home", "Before you go home")]
)
def test_a_split_callout_says_on_the_next_page_what_box_it_continues(
    make_project: Callable[..., Path], title: str, label: str
) -> None:
    root = make_project({"sample": leaflet_yaml(_callout(title), references="")})
    pdf = _build(root)
    texts = page_texts(pdf)
    first, last = _pages(texts, f"{LINE} (1)"), _pages(texts, f"{LINE} (9)")
    assert first and last and first[0] < last[0], (first, last)  # the callout is split
    continued = _pages(texts, f"{label} (continued)")
    assert continued == [first[0] + 1], continued
    # Above the first line the next page shows of the box, never below it.
    page = " ".join(texts[continued[0] - 1].split())
    shown = min(n for n in range(1, 10) if f"{LINE} ({n})" in page)
    assert page.index(f"{label} (continued)") < page.index(f"{LINE} ({shown})"), page
    # The label itself is printed once, on the page the box starts on.
    assert sum(" ".join(t.split()).count(label) for t in texts) == 2, texts


def test_the_continued_label_is_an_artifact_a_screen_reader_skips(
    make_project: Callable[..., Path],
) -> None:
    root = make_project({"sample": leaflet_yaml(_callout(), references="")})
    pdf = _build(root)
    assert any("Safety (continued)" in " ".join(t.split()) for t in page_texts(pdf))
    document, _ = structure(pdf)
    assert "continued" not in document.text()
    boxes = [node for node in document.walk() if node.role == "Div" and "Safety" in node.text()]
    assert len(boxes) == 1 and boxes[0].text().count("Safety") == 1, [b.text() for b in boxes]
    for page in page_objects(pdf):
        assert not any("continued" in text for text in page.texts.values())
        assert not page.untagged_text  # drawn as an artifact, not outside any tag


def test_the_parallel_edition_continues_each_languages_callout_in_its_words(
    make_project: Callable[..., Path],
) -> None:
    root = make_project({"sample": leaflet_yaml(_callout(), references="")})
    for command in (("extract",), ("init", "th")):
        code, output = invoke("i18n", *command, "--project", str(root))
        assert code == 0, output
    texts = page_texts(_build(root, "th", "parallel"))
    thai, english = _pages(texts, "ความปลอดภัย (ต่อ)"), _pages(texts, "Safety (continued)")
    assert thai and thai == english, (thai, english)


def test_every_bundled_language_translates_the_continued_label() -> None:
    """Each ``ui.po`` says "(continued)" in its own words and keeps the box's label."""
    catalogs = sorted((REPO / "locales").glob("*/LC_MESSAGES/ui.po"))
    assert len(catalogs) >= 10
    for path in catalogs:
        entry = next(e for e in read_po(path).active if e.msgctxt == "continued")
        assert entry.msgstr.count("{label}") == 1 and not entry.fuzzy, path
        assert "continued" not in entry.msgstr, path


def test_an_arabic_parallel_callout_continues_in_arabic_on_its_side(tmp_path: Path) -> None:
    """Right to left, A5: the continued label is the Arabic catalog's, on the same page
    as the source's, in the column that starts at the right."""
    import shutil

    project = tmp_path / "project"
    shutil.copytree(REPO / "tests" / "fixtures" / "languages", project)
    leaflet = project / "leaflets" / "after-your-infusion.yaml"
    lines = "".join(f"      - {LINE} ({n})\n" for n in range(1, 10))
    added = (
        "".join(f"  - paragraph: {PARAGRAPH}\n" for _ in range(3))
        + f"  - callout:\n{lines}    kind: plain-terms\n    id: extra-box\n"
    )
    text = leaflet.read_text("utf-8")
    text = text.replace(
        "  - heading: Where the cells go\n", added + "\n  - heading: Where the cells go\n", 1
    )
    leaflet.write_text(text, "utf-8")
    options = Options(spec=PrintSpec(paper="a5"))
    path = build_leaflet(
        Project.at(project), "after-your-infusion", "ar", tmp_path / "out",
        edition="parallel", options=options,
    ).path  # fmt: skip
    texts = page_texts(path)
    arabic = [n for n, t in enumerate(texts, 1) if "تابع" in t]
    english = _pages(texts, "In plain terms (continued)")
    assert arabic and arabic == english, (arabic, english)
    assert _pages(texts, f"{LINE} (1)")[0] == arabic[0] - 1


QUESTION = "What happens after the infusion?"
ANSWER = " ".join(
    f"Sentence {n} of a long answer says what the clinic does after the infusion, step by step."
    for n in range(1, 30)
)


def _faq(last: bool) -> str:
    """Text on the first page, then an FAQ pair whose answer is taller than an A5 page;
    ``last``: the pair ends the leaflet."""
    before = "".join(f"- paragraph: {PARAGRAPH}\n" for _ in range(3))
    after = "" if last else "- paragraph: Keep this leaflet.\n"
    pair = (
        f"- faq:\n    - q: {QUESTION}\n      a: {ANSWER}\n    - q: Is it safe?\n      a: Mostly.\n"
    )
    return before + pair + after


@pytest.mark.parametrize(("last", "locale", "said"), [
    (False, "en", f"{QUESTION} (continued)"),
    (True, "en", f"{QUESTION} (continued)"),
    (False, "th", f"{QUESTION} (ต่อ)"),
])  # fmt: skip
def test_a_split_faq_answer_goes_on_under_its_question_continued(
    make_project: Callable[..., Path], last: bool, locale: str, said: str
) -> None:
    """An answer taller than a page went on at the top of the next with no question
    above it. Its part on the next page opens with the question and "(continued)" in
    the page's language (ui ``continued``, as a callout's), above its first line."""
    root = make_project({"sample": leaflet_yaml(_faq(last), references="")})
    if locale != "en":
        for command in (("extract",), ("init", locale)):
            code, output = invoke("i18n", *command, "--project", str(root))
            assert code == 0, output
    pdf = _build(root, locale)
    texts = page_texts(pdf)
    first, end = _pages(texts, "Sentence 1 of"), _pages(texts, "Sentence 29 of")
    assert first and end and first[0] < end[0], (first, end)  # the answer is split
    assert _pages(texts, said) == list(range(first[0] + 1, end[0] + 1)), texts
    for number in range(first[0] + 1, end[0] + 1):
        page = " ".join(texts[number - 1].split())
        assert page.index(said) < page.index("Sentence"), page
    # A screen reader reads the question once: the label is an artifact.
    document, _ = structure(pdf)
    assert document.text().count(QUESTION) == 1
    for objects in page_objects(pdf):
        assert not objects.untagged_text


def test_the_parallel_edition_continues_a_split_faq_answer_in_each_column(
    make_project: Callable[..., Path],
) -> None:
    """In half a page's width the answer takes three pages: each page after the first
    opens each column with the question and "(continued)" in that column's language,
    the question cut to the one line a column's width leaves it."""
    root = make_project({"sample": leaflet_yaml(_faq(False), references="")})
    for command in (("extract",), ("init", "th")):
        code, output = invoke("i18n", *command, "--project", str(root))
        assert code == 0, output
    pdf = _build(root, "th", "parallel")
    texts = page_texts(pdf)
    first, end = _pages(texts, "Sentence 1 of"), _pages(texts, "Sentence 29 of")
    assert first and end and end[0] - first[0] >= 2, (first, end)
    following = list(range(first[0] + 1, end[-1] + 1))
    for said in ("(ต่อ)", "(continued)"):  # the question cut to fit the column's line
        assert _pages(texts, said) == following, texts
        for line in (line for text in texts for line in text.splitlines() if said in line):
            assert QUESTION.startswith(line.strip().removesuffix(said).strip("… ")), line
    document, _ = structure(pdf)
    assert document.text().count(QUESTION) == 2  # once in each language's column
    for objects in page_objects(pdf):
        assert not objects.untagged_text


LONG_QUESTIONS = {
    "en": (
        "What happens after the infusion, who watches over me in the first hours, "
        "and when may I go home to my family and eat again?"
    ),
    "th": (
        "หลังจากได้รับเซลล์แล้วจะเกิดอะไรขึ้นบ้าง ใครจะดูแลฉันในช่วงชั่วโมงแรก "
        "และฉันจะกลับบ้านไปหาครอบครัวและกินอาหารได้เมื่อไร"
    ),
}
# The Thai question's words: it may be cut only between two of them.
THAI_WORDS = [
    "หลังจาก", "ได้รับ", "เซลล์", "แล้ว", "จะ", "เกิด", "อะไร", "ขึ้น", "บ้าง", " ",
    "ใคร", "จะ", "ดูแล", "ฉัน", "ใน", "ช่วง", "ชั่วโมง", "แรก", " ",
    "และ", "ฉัน", "จะ", "กลับ", "บ้าน", "ไป", "หา", "ครอบครัว", "และ", "กิน", "อาหาร", "ได้",
    "เมื่อไร",
]  # fmt: skip


def _word_ends(question: str) -> set[int]:
    """Where a word of ``question`` ends: after each Thai word, before each space."""
    if not question.isascii():
        assert "".join(THAI_WORDS) == question
        return {len("".join(THAI_WORDS[:n])) for n in range(1, len(THAI_WORDS))}
    return {n for n in range(1, len(question)) if question[n] in " ,"}


def _long_faq_project(make_project: Callable[..., Path], locale: str) -> Path:
    """A project whose leaflet's FAQ asks a question three lines long in A5 and answers
    it over more than a page; in Thai, its question translated."""
    before = "".join(f"- paragraph: {PARAGRAPH}\n" for _ in range(3))
    blocks = before + f"- faq:\n    - q: {LONG_QUESTIONS['en']}\n      a: {ANSWER}\n"
    root = make_project({"sample": leaflet_yaml(blocks, references="")})
    if locale != "en":
        for command in (("extract",), ("init", locale)):
            code, output = invoke("i18n", *command, "--project", str(root))
            assert code == 0, output
        path = root / "locales" / locale / "LC_MESSAGES" / "sample.po"
        catalog = read_po(path)
        for entry in catalog.active:
            if entry.msgid == LONG_QUESTIONS["en"]:
                entry.msgstr = LONG_QUESTIONS[locale]
        write_po(path, catalog)
    return root


@pytest.mark.parametrize(
    ("locale", "edition"), [("en", "single"), ("th", "single"), ("th", "parallel")]
)
def test_a_long_question_is_repeated_as_a_one_line_reminder(
    make_project: Callable[..., Path], locale: str, edition: str
) -> None:
    """A question three lines long was repeated whole above its answer's rest: lines a
    reader did not need, enough to cost a page. The label is now one line, the question
    cut after a whole word (a whole Thai word, never inside one) and ended with "…"; in
    the parallel edition, in each column."""
    pdf = _build(_long_faq_project(make_project, locale), locale, edition)
    texts = page_texts(pdf)
    said = {"en": "(continued)", "th": "(ต่อ)"}
    shown = {"en": 0, "th": 0}
    for language in {"en", locale} if edition == "parallel" else {locale}:
        question = LONG_QUESTIONS[language]
        for line in (line.strip() for text in texts for line in text.splitlines()):
            if said[language] not in line:
                continue
            # The label's line holds all of it: the cut question, "…", "(continued)".
            assert line.endswith(said[language]), line
            cut = line.removesuffix(said[language]).strip()
            assert cut.endswith("…"), line
            cut = cut.removesuffix("…")
            assert cut and question.startswith(cut), (cut, question)
            assert len(cut) in _word_ends(question), cut
            shown[language] += 1
        assert shown[language], texts


# The works cited in a long answer, by the sentence that cites them, and what their
# entry in a page's footer says.
CITED = {2: ("alpha2001", "A first study"), 21: ("delta2003", "A third study"),
         24: ("gamma2002", "A second study")}  # fmt: skip


@pytest.mark.parametrize(("locale", "edition"), [("en", "single"), ("th", "parallel")])
def test_each_page_of_a_split_answer_lists_the_references_cited_on_it(
    make_project: Callable[..., Path], locale: str, edition: str
) -> None:
    """An answer split by a page break cites works on both pages: each page's footer
    lists exactly the works cited on it, those of the part carried to the next page
    there, not on the page the answer began on."""
    answer = " ".join(
        f"Sentence {n}" + (f" [@{CITED[n][0]}]" if n in CITED else "")
        + " of a long answer says what the clinic does after the infusion, step by step."
        for n in range(1, 30)
    )  # fmt: skip
    after = "".join(f"- paragraph: {PARAGRAPH}\n" for _ in range(8))  # the list apart
    blocks = (
        "".join(f"- paragraph: {PARAGRAPH}\n" for _ in range(3))
        + f"- faq:\n    - q: {QUESTION}\n      a: {answer}\n"
        + after
    )
    root = make_project({"sample": leaflet_yaml(blocks)})
    if locale != "en":
        for command in (("extract",), ("init", locale)):
            code, output = invoke("i18n", *command, "--project", str(root))
            assert code == 0, output
    texts = page_texts(_build(root, locale, edition))
    pages = {
        n: [page for page, text in enumerate(texts, 1) if re.search(rf"Sentence {n}\D", text)]
        for n in CITED
    }
    assert len({page for found in pages.values() for page in found}) >= 2, pages  # split
    listing = _pages(texts, "A first study of cells. J Test")[-1]  # the reference list
    for number, text in enumerate(texts, 1):
        if number >= listing:
            break
        cited = {CITED[n][1] for n, found in pages.items() if number in found}
        listed = {title for _, title in CITED.values() if title in text}
        assert listed == cited, (number, text)


def test_a_cut_question_keeps_no_markup_and_no_citation(
    make_project: Callable[..., Path],
) -> None:
    """A question with emphasis and a citation, cut: its reminder showed the citation's
    number as a plain digit glued to the word ("cells1"); it is printed as the question
    reads, its emphasis marks read, without the citation (the answer's note is its own)."""
    question = (
        "Is it **safe** to have the cells [@alpha2001] when I am older and have other "
        "long illnesses such as diabetes, heart disease or kidney disease?"
    )
    before = "".join(f"- paragraph: {PARAGRAPH}\n" for _ in range(3))
    blocks = before + f'- faq:\n    - q: "{question}"\n      a: {ANSWER}\n'
    pdf = _build(make_project({"sample": leaflet_yaml(blocks)}))
    labels = [
        line.strip()
        for text in page_texts(pdf)
        for line in text.splitlines()
        if "(continued)" in line
    ]
    assert labels, page_texts(pdf)
    printed = "Is it safe to have the cells when I am older and have other long illnesses"
    for line in labels:
        cut = line.removesuffix("(continued)").strip().removesuffix("…")
        assert cut and printed.startswith(cut), line


def test_a_question_cut_inside_a_quotation_closes_it() -> None:
    """A question cut inside a quotation left it open (“เซลล์ส่ง… (ต่อ)"): the cut
    closes each mark it opened, after its "…"."""
    assert _closed("ทำไมไม่เรียกว่า “เซลล์ส่ง…") == "ทำไมไม่เรียกว่า “เซลล์ส่ง…”"
    assert _closed("Why not (as some say…") == "Why not (as some say…)"
    assert _closed('Why call them "signalling…') == 'Why call them "signalling…"'
    assert _closed("为什么不叫「信号…") == "为什么不叫「信号…」"
    assert _closed("Is “it” safe…") == "Is “it” safe…"
