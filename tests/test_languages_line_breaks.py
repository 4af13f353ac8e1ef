"""Every line the typesetter breaks, in every language, edition and paper (#16).

The languages fixture is built in the single and parallel editions, with and without
the proof, on A4 and A5, in every language (and English, and Thai on a bundled Thai
leaflet), and every line break the paragraphs draw is recorded and judged against the
source text:

* it lies at an ICU line-break opportunity, never inside a term of the locale's
  words.txt (no hyphenation, no emergency cut: "a word split in half" is a defect);
* no line starts with a character JIS X 4051 or the script's rules keep off a line
  start (、。」） small kana, combining marks, ๆ), none ends with 「（, nor with a
  Burmese stacker, a Khmer coeng or a Devanagari virama (स्|ट्रो);
* no Lao line ends with a consonant whose vowel is on the next line (ບາງຄ|ລີນິກ) or
  starts with a final consonant (ນິ|ກ);
* a narrow table cell (``keep-phrases-below``) breaks Japanese and Chinese between
  phrases, unless a phrase alone is wider than the line.

The builds run in this process (no workers), so a hook on `TextParagraph` sees them.
"""

from __future__ import annotations

import re
import shutil
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from msc_leaflet import Options, PrintSpec, Project, build_leaflet
from msc_leaflet.typeset.address_breaks import identifier_breaks
from msc_leaflet.typeset.linebreak import Line
from msc_leaflet.typeset.paragraph import TextParagraph
from msc_leaflet.typeset.scripts import NO_LINE_END, NO_LINE_START
from msc_leaflet.typeset.segmentation import (
    EMPTY_WORD_LIST,
    WordList,
    icu_breaks,
    load_word_list,
    phrase_ends,
)

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "tests" / "fixtures" / "languages"
LEAFLET = "after-your-infusion"
LANGS = ("en", "my", "km", "lo", "vi", "zh_Hans", "ja", "ar", "hi", "th")
THAI_LEAFLET = "infusion-safety"  # the fixture has no Thai catalog: real Thai text
PAPERS = ("a4", "a5")
# (edition, proof); English, the source, has no parallel edition.
VARIANTS = (("single", False), ("parallel", False), ("single", True), ("parallel", True))

# JIS X 4051 line-start and line-end rules, written out here rather than read from the
# typesetter, which they judge. The dash ― may start a line (cl-08: it is only never
# parted from its pair ――); the full-width tilde is the wave dash 〜 as typed on Windows,
# and the interpunct · of a Chinese transcribed name is kept off a line start (clreq).
JIS_NO_START = (
    "、。，．・：；？！゛゜ヽヾゝゞ々〻ー‐〜～·’”）〕］｝〉》」』】〙〗〟℃°′″％‰"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ)]},.:;!?"
)
JIS_NO_END = "（〔［｛〈《「『【〘〖〝‘“([{"


@dataclass(frozen=True)
class Break:
    """One line break as drawn: ``source[:at]`` ends a line, ``source[at:]`` starts one."""

    output: str  # leaflet/lang/paper/edition
    page: int
    lang: str
    source: str  # the whole paragraph's text
    at: int
    line_start: int | None  # where the line ending here started (None: on another page)
    keep_phrases_below: float
    width: float

    def context(self) -> str:
        return (
            f"{self.source[max(0, self.at - 10) : self.at]}|{self.source[self.at : self.at + 10]}"
        )


class Recorder:
    """Records the breaks of every paragraph drawn, each against its whole text (a
    paragraph split across pages knows where its part starts in it)."""

    def __init__(self) -> None:
        self.output = ""
        self.breaks: list[Break] = []
        self.by_output: dict[str, list[Break]] = {}
        # (lang, paragraph text, offset) of every place a line of a drawn paragraph
        # could have ended: the starts of its units. Where lines happened to fall
        # is luck of the layout; these are what the line breaker offered.
        self.offered: set[tuple[str, str, int]] = set()

    def install(self, patch: pytest.MonkeyPatch) -> None:
        split, draw_lines = TextParagraph.split, TextParagraph._draw_lines
        recorder = self

        def recording_split(self: TextParagraph, width: float, height: float) -> list[object]:
            parts = split(self, width, height)
            if len(parts) == 2 and all(isinstance(p, TextParagraph) for p in parts):
                source, offset = _source(self)
                first, rest = parts
                first._source = rest._source = source  # type: ignore[union-attr]
                first._offset = offset  # type: ignore[union-attr]
                rest._offset = offset + len(first.getPlainText())  # type: ignore[union-attr]
            return parts

        def recording_draw(self: TextParagraph, lines: Sequence[Line], baseline: float) -> None:
            recorder.record(self, lines)
            draw_lines(self, lines, baseline)

        patch.setattr(TextParagraph, "split", recording_split)
        patch.setattr(TextParagraph, "_draw_lines", recording_draw)

    def record(self, paragraph: TextParagraph, lines: Sequence[Line]) -> None:
        source, offset = _source(paragraph)
        starts = [offset]
        for unit in paragraph.units:
            starts.append(starts[-1] + len(unit.text))
        self.offered.update((paragraph.lang, source, at) for at in starts[1:-1] if at)
        below = float(getattr(paragraph.style, "keepPhrasesBelow", 0))
        for n, line in enumerate(lines):
            at = starts[line.start]
            if at == 0:
                continue
            previous = starts[lines[n - 1].start] if n else None
            page = paragraph.canv.getPageNumber()
            self.breaks.append(
                Break(
                    self.output, page, paragraph.lang, source, at, previous, below, paragraph.width
                )
            )


def _source(paragraph: TextParagraph) -> tuple[str, int]:
    found = getattr(paragraph, "_source", None)
    if found is None:
        return paragraph.getPlainText(), 0
    return found, int(getattr(paragraph, "_offset", 0))


def outputs() -> Iterator[tuple[str, str, str, str, bool]]:
    """(leaflet, lang, paper, edition, proof) of every output judged."""
    for lang in LANGS:
        for paper in PAPERS:
            for edition, proof in VARIANTS:
                if not (lang == "en" and edition == "parallel"):
                    yield LEAFLET, lang, paper, edition, proof
    for edition, proof in VARIANTS[:2]:
        yield THAI_LEAFLET, "th", "a5", edition, proof


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> Recorder:
    """Every break drawn and offered; each output is built once."""
    root = tmp_path_factory.mktemp("line-breaks")
    shutil.copytree(FIXTURE, root / "project")
    projects = {LEAFLET: Project.at(root / "project"), THAI_LEAFLET: Project.at(REPO)}
    recorder = Recorder()
    with pytest.MonkeyPatch.context() as patch:
        recorder.install(patch)
        for leaflet, lang, paper, edition, proof in outputs():
            recorder.output = f"{leaflet}/{lang}/{paper}/{edition}{' proof' if proof else ''}"
            first = len(recorder.breaks)
            options = Options(spec=PrintSpec(paper=paper, proof=proof))
            out = root / "out" / paper
            build_leaflet(projects[leaflet], leaflet, lang, out, edition=edition, options=options)
            recorder.by_output[recorder.output] = recorder.breaks[first:]
    return recorder


@pytest.fixture(scope="module")
def drawn(recorded: Recorder) -> dict[str, list[Break]]:
    """Every break drawn, by output."""
    return recorded.by_output


def words_for(lang: str, output: str) -> WordList:
    path = (REPO if output.startswith(THAI_LEAFLET) else FIXTURE) / "locales" / lang / "words.txt"
    return load_word_list(path) if path.is_file() else EMPTY_WORD_LIST


def split_words(item: Break, words: WordList = EMPTY_WORD_LIST) -> list[str]:
    """Why ``item`` breaks inside a word: not at an ICU opportunity, or inside a term."""
    found = []
    if item.at not in {*icu_breaks(item.source, item.lang), *identifier_breaks(item.source)}:
        found.append("no ICU line-break opportunity (a hyphenated or cut word)")
    found += [
        f"inside the listed term {item.source[a:b]!r}"
        for a, b in words.protected_spans(item.source)
        if a < item.at < b
    ]
    return found


#: A Burmese consonant with asat (ဆဲလ်: လ်), or a Khmer one with toandakhiat or bantoc
#: (ស់): the end of the syllable before, never the start of a line (ICU splits unknown
#: words there).
KILLED_CONSONANT = re.compile("[\u1000-\u1021\u1780-\u17a2]\u1037?[\u103a\u17cd\u17cb]")


LAO_CONSONANTS = "ກຂຄງຈຊຍດຕຖທນບປຜຝພຟມຢຣລວສຫອຮໜໝ"
LAO_LEADING_VOWELS = "ເແໂໃໄ"


def split_lao_syllable(text: str, at: int) -> list[str]:
    """Why a Lao line break at ``at`` (the spaces around it are no line's) splits a
    syllable. Lao writes every vowel, so a consonant with nothing after it on its line
    and no vowel (nor a leading vowel, nor ອ or ວ as the vowel) before it is an initial
    whose vowel went to the next line; and one starting a line with neither a vowel
    sign, a vowel letter nor a cluster's ລ ຣ ວ after it is the final of the syllable
    before."""
    start = len(text) - len(text[at:].lstrip(" "))
    end = len(text[:at].rstrip(" "))
    found = []
    last = text[end - 1] if end else ""
    before = text[max(0, end - 4) : end - 1].rstrip("\u0ec8\u0ec9\u0eca\u0ecb")[-2:]
    if (
        last
        and last in LAO_CONSONANTS
        # after a consonant (not ອ ວ, which may be the vowel) or a vowel that takes no
        # final (ະ ໍ ຳ), unless a leading vowel is its vowel (ເຊ, ໂຕຣ)
        and (not before or before[-1] in LAO_CONSONANTS.replace("ອ", "").replace("ວ", "") + "ະໍຳ")
        and not any(c in LAO_LEADING_VOWELS for c in before)
    ):
        found.append(f"a Lao line ends with the initial {last!r}, its vowel on the next line")
    first = text[start] if start < len(text) else ""
    after = text[start + 1 : start + 2]
    # a vowel sign or letter, a tone mark, ຼ, or ລ ຣ ວ ອ (a cluster, -ອ-, -ວ-); ຫ before
    # a low consonant is the silent ຫ that makes it high (ຫຍັງ, ຫງາຍ, ຫມາ): an initial
    leading = first == "ຫ" and after in "ງຍນມລວຣ"
    if first and first in LAO_CONSONANTS and not leading and not (after and after in "ະັາຳິີຶືຸູົຼຽ່້໊໋ໍລຣວອ"):
        found.append(f"a Lao line starts with the final {first!r} of the syllable before")
    return found


def prohibited(item: Break) -> list[str]:
    """Why the line after ``item`` may not start, or the line before it may not end."""
    text, at = item.source, item.at
    start = len(text) - len(text[at:].lstrip(" "))
    end = len(text[:at].rstrip(" "))
    found = []
    if start < len(text):
        first = text[start]
        if at in identifier_breaks(text):  # an address: ".org", "?term" (Chicago's rule)
            pass
        elif first in JIS_NO_START or first in NO_LINE_START:
            found.append(f"a line starts with {first!r}")
        elif unicodedata.category(first) in ("Mn", "Mc", "Me"):
            found.append(f"a line starts with the combining mark {first!r}")
        elif KILLED_CONSONANT.match(text, start):
            found.append(f"a line starts with a killed consonant {text[start : start + 2]!r}")
        elif text[start + 1 : start + 2] == "\u1039":  # Myanmar stacker: ကမ် + ဘာ
            found.append(f"a line starts with a stacked final {text[start : start + 3]!r}")
    if end and (text[end - 1] in JIS_NO_END or text[end - 1] in NO_LINE_END):
        found.append(f"a line ends with {text[end - 1]!r}")
    if end and text[end - 1] in "\u1039\u17d2":  # Myanmar virama, Khmer coeng
        found.append("a line ends with a stacker: the next consonant goes under this one")
    if end and text[end - 1] == "\u094d":  # Devanagari virama: a half-letter (स्|ट्रो)
        found.append("a line ends with a virama: its consonant joins the next one")
    if item.lang == "lo":
        found += split_lao_syllable(text, at)
    return found


def split_phrases(item: Break) -> list[str]:
    """Why a narrow line (``keep-phrases-below``) breaks inside a Japanese or Chinese
    phrase that was not alone on it (a phrase wider than the line may be cut)."""
    if item.width >= item.keep_phrases_below or item.line_start is None:
        return []
    ends = phrase_ends(item.source, item.lang)
    if ends is None or item.at in ends or item.source[item.at - 1] == " ":
        return []
    if not any(item.line_start < end < item.at for end in ends):
        return []  # the line holds part of one phrase: it is wider than the line
    return ["inside a phrase that would fit on the next line"]


def violations(drawn: dict[str, list[Break]], lang: str) -> list[str]:
    found = []
    for output, breaks in drawn.items():
        words = words_for(lang, output)
        for item in breaks:
            if item.lang != lang:
                continue  # the English column of a parallel edition is judged as English
            for why in [*split_words(item, words), *prohibited(item), *split_phrases(item)]:
                found.append(f"{output} p{item.page}: {item.context()!r}: {why}")
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_no_line_breaks_inside_a_word_or_before_a_closing_mark(
    drawn: dict[str, list[Break]], lang: str
) -> None:
    assert violations(drawn, lang) == []


def test_no_lao_line_could_break_inside_a_syllable(recorded: Recorder) -> None:
    # Where the fixture's lines happen to fall, ICU's ຄ|ລີນິກ is never drawn; judge
    # every break the line breaker offered in a Lao paragraph instead.
    found = [
        f"{source[max(0, at - 10) : at]}|{source[at : at + 10]}: {why}"
        for lang, source, at in sorted(recorded.offered)
        if lang == "lo"
        for why in split_lao_syllable(source, at)
    ]
    assert any(lang == "lo" for lang, _, _ in recorded.offered)
    assert found == []


def test_every_output_was_built_and_recorded(drawn: dict[str, list[Break]]) -> None:
    # The hook sees every paragraph: each output broke lines, in its own language too
    # (the fixture has no Thai catalog: built in Thai, it prints English text).
    assert len(drawn) == len(list(outputs()))
    for output, breaks in drawn.items():
        leaflet, lang, *_ = output.split("/")
        translated = lang != "th" or leaflet == THAI_LEAFLET
        assert any(item.lang == lang or not translated for item in breaks), output


def test_the_checks_would_catch_a_word_split_in_half() -> None:
    def at(text: str, lang: str, below: float = 0, width: float = 100) -> Break:
        source = text.replace("|", "")
        line = 0 if below else None
        return Break("x", 1, lang, source, text.index("|"), line, below, width)

    assert split_words(at("cer|tain", "en"))
    assert split_words(at("มีเซน|ไคมอล", "th"), WordList(("มีเซนไคมอล",)))
    assert prohibited(at("細胞|。", "ja")) and prohibited(at("（|細胞", "ja"))
    assert prohibited(at("クリニ|ック", "ja")) and prohibited(at("ทุก|ๆ", "th"))
    assert prohibited(at("ဆဲ|လ်များ", "my")) and prohibited(at("ស្ត្|រូ", "km"))
    assert prohibited(at("က|မ္ဘာ", "my")) and not prohibited(at("ဝင်|ကမ္ဘာ", "my"))
    assert prohibited(at("ហ្វា|ស់", "km")) and prohibited(at("स्|ट्रो", "hi"))
    assert prohibited(at("कोशिक|ाएँ", "hi")) and not prohibited(at("कोशिकाएँ |वहाँ", "hi"))
    assert prohibited(at("ບາງຄ|ລີນິກ", "lo")) and prohibited(at("ຄລີນິ|ກໃນ", "lo"))
    assert prohibited(at("ຕໍ່ຄ|ລີນິກ", "lo")) and not prohibited(at("ໃຫ້|ເຊວ", "lo"))
    assert not prohibited(at("ບາງ|ຄລີ|ນິກ", "lo")) and not prohibited(at("ມອລ|ມີ", "lo"))
    assert not prohibited(at("ເຊວ|ສະໂຕຣ", "lo")) and not prohibited(at("ໂຕຣ|ມອລ", "lo"))
    assert not prohibited(at("ຖ້າມີ|ຫຍັງບໍ່ເຂົ້າໃຈ", "lo"))  # ຫຍ: one initial
    assert split_phrases(at("胸の痛|み", "ja", below=80, width=35))
    assert not split_phrases(at("胸の痛|み", "ja", below=80, width=110))  # a wide line
    assert not split_words(at("胸の痛|み", "ja")) and not prohibited(at("a |b", "en"))


def test_the_japanese_a5_parallel_table_keeps_its_labels_and_its_page(
    drawn: dict[str, list[Break]],
) -> None:
    # The label column holds 胸の|痛み and 発熱|または|寒気 (it printed 胸の痛|み and
    # 発熱ま|たは寒|気), and the table stays on page 2 beside the English one: a
    # label column widened by its share pushed it to the next page.
    breaks = drawn[f"{LEAFLET}/ja/a5/parallel"]
    labels = {(item.source, item.at, item.page) for item in breaks if item.keep_phrases_below}
    assert ("胸の痛み", 2, 2) in labels
    assert {("発熱または寒気", 2, 2), ("発熱または寒気", 5, 2)} <= labels
    assert max(item.page for item in breaks) == 3
