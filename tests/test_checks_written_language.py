"""TEXT005 and TEXT006: a leaflet written in another language than its `language:`.

A leaflet copied from an English one and given `language: th` before it was translated
was set, checked for claims and tagged for screen readers as Thai, and no check said
so. These tests start projects as a clinic does (`init`, `new --language`), then change
what a clinic would: the declared language, or a sentence left in English."""

from __future__ import annotations

from pathlib import Path

import pytest

from i18n_support import invoke
from msc_leaflet.checks import run_checks
from msc_leaflet.cli.new import starter_templates
from msc_leaflet.errors import CheckFinding
from msc_leaflet.project import Project

STARTERS = sorted(starter_templates())
CODES = ("TEXT005", "TEXT006")


@pytest.fixture(scope="module")
def starters(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project from `init`, with a leaflet from `new --language` in every language a
    starter is written in (`starter-<language>`)."""
    root = tmp_path_factory.mktemp("written") / "clinic"
    code, output = invoke("init", str(root), "--name", "Test Clinic")
    assert code == 0, output
    for language in STARTERS:
        code, output = invoke("new", _id(language), "--language", language, "-p", str(root))
        assert code == 0, output
    return root


def _slug(language: str) -> str:
    """``language`` as a leaflet id may write it: zh-hans."""
    return language.lower().replace("_", "-")


def _id(language: str) -> str:
    return f"starter-{_slug(language)}"


def _found(root: Path, leaflet: str) -> list[CheckFinding]:
    findings = run_checks(Project.at(root), [leaflet], [])
    return [f for f in findings if isinstance(f, CheckFinding) and f.code in CODES]


def _leaflet(root: Path, language: str) -> Path:
    return root / "leaflets" / f"{_id(language)}.yaml"


def _replaced(root: Path, language: str, old: str, new: str, name: str) -> str:
    """A copy of the ``language`` starter, ``old`` replaced by ``new``, as ``name``."""
    text = _leaflet(root, language).read_text("utf-8")
    assert old in text
    text = text.replace(old, new).replace(f"id: {_id(language)}", f"id: {name}")
    (root / "leaflets" / f"{name}.yaml").write_text(text, "utf-8")
    return name


@pytest.mark.parametrize("language", STARTERS)
def test_every_starter_is_written_in_its_language(starters: Path, language: str) -> None:
    """`init` and `new --language` write each starter in the language it declares: no
    finding, or a clinic's first check would tell it its own starter is wrong."""
    assert _found(starters, _id(language)) == []
    assert _found(starters, "first-leaflet") == []


@pytest.mark.parametrize(
    ("written", "declared", "script"),
    [
        ("en", "th", "Latin letters"),  # an English leaflet not translated yet
        ("en", "km", "Latin letters"),
        ("en", "fa", "Latin letters"),  # a language with no starter: "set its language:"
        ("en", "hi", "Latin letters"),
        ("en", "vi", "English"),  # the same script: told by English words
        ("th", "lo", "Thai letters"),  # two scripts alike to a tired eye
        ("th", "km", "Thai letters"),
        ("zh_Hans", "ja", "Han letters"),  # Chinese: Han with no kana
        ("ja", "zh_Hans", "Japanese"),
        ("ar", "en", "Arabic letters"),
        ("my", "th", "Myanmar letters"),
    ],
)
def test_a_leaflet_in_another_language_than_it_declares_is_an_error(
    starters: Path, written: str, declared: str, script: str
) -> None:
    """One error, at the `language:` line, naming what the text is written in."""
    name = _replaced(
        starters, written, f"language: {written}", f"language: {declared}", f"as-{_slug(declared)}"
    )
    found = _found(starters, name)
    assert [(f.code, f.severity) for f in found] == [("TEXT005", "error")], found
    (finding,) = found
    lines = (starters / "leaflets" / f"{name}.yaml").read_text("utf-8").splitlines()
    assert lines[finding.location.line - 1] == f"language: {declared}", finding
    assert f"`language: {declared}`" in finding.message and script in finding.message, finding


@pytest.mark.parametrize(
    ("language", "old", "new", "codes"),
    [
        # A sentence left in English: a warning at its line, the rest being Thai.
        (
            "th",
            "เขียนประโยคสั้น ๆ ด้วยคำที่เข้าใจง่าย",
            "Ask your doctor how the cells were tested before you agree.",
            ["TEXT006"],
        ),
        # Drug names, abbreviations, an address and a gloss in English are Thai text.
        (
            "th",
            "เขียนประโยคสั้น ๆ ด้วยคำที่เข้าใจง่าย",
            "ยา Paracetamol และ MSC ISCT HLA-DR (mesenchymal stromal cells) ดูที่ "
            "https://www.example.org/cells",
            [],
        ),
        ("th", "title: ชื่อเรื่องของเอกสาร", "title: Stem Cells", []),  # a title of two words
        ("th", "title: ชื่อเรื่องของเอกสาร", "title: MSC FAQ ISCT", []),  # acronyms only
        ("km", "\nkicker: ", "\nkicker: Patient information sheet for you. ", ["TEXT006"]),
        (
            "vi",
            "title: Tiêu đề",
            "title: What you should know before the test. Tiêu đề",
            ["TEXT006"],
        ),
    ],
)
def test_a_sentence_in_another_language_is_a_warning_at_its_line(
    starters: Path, language: str, old: str, new: str, codes: list[str]
) -> None:
    name = _replaced(starters, language, old, new, f"sentence-{_slug(language)}-{len(new)}")
    found = _found(starters, name)
    assert [f.code for f in found] == codes, found
    for finding in found:
        assert finding.severity == "warning"
        lines = (starters / "leaflets" / f"{name}.yaml").read_text("utf-8").splitlines()
        assert new.split()[1] in lines[finding.location.line - 1], finding


@pytest.mark.parametrize(
    ("sentence", "codes"),
    [
        # Kanji alone, ended as a sentence, with a form only Japanese writes (発 労 働 済
        # 剤 薬: Chinese 发 劳 动 济 剂 药): a list or a notice as Japanese writes one.
        ("副作用：発熱、頭痛、倦怠感。", []),
        ("厚生労働省認可済臨床研究計画。", []),
        ("解熱剤服用後、経過観察。", []),
        # Kanji Japanese and Chinese share, as a Japanese notice writes them: the
        # leaflet says Japanese, and nothing in it says Chinese.
        ("治療費用：自由診療。", []),
        ("再生医療等安全性確保法。", []),  # 医, as Simplified writes it too
        ("施術後、入浴不可。", []),
        # Chinese left in it: Simplified forms, no kana, no Japanese form.
        ("检查前请多喝水，并按时服药。", ["TEXT006"]),
        ("本治疗不需要住院。", ["TEXT006"]),  # 疗: Japanese writes 療
        ("醫療費用：自由診療。", ["TEXT006"]),  # 醫, Traditional: Japanese writes 医
    ],
)
def test_a_japanese_sentence_of_kanji_alone_is_japanese(
    starters: Path, sentence: str, codes: list[str]
) -> None:
    """A Japanese sentence of kanji alone was warned of as Chinese ("Han letters alone")
    though it showed kanji no Chinese text writes: the sentence is told by those forms
    (``same-script.yaml``: ``own-forms``) as one with kana is. One of the kanji both
    share was warned of too (治療費用：自由診療。): it is named only with a form only
    Chinese writes (``foreign-forms``), and the finding names that form."""
    old = "短い文と分かりやすい言葉で書いてください。"
    name = _replaced(starters, "ja", old, sentence, f"kanji-{len(sentence)}-{len(codes)}")
    found = _found(starters, name)
    assert [f.code for f in found] == codes, found
    for finding in found:
        assert "a form Japanese does not write" in finding.message, finding


@pytest.mark.parametrize(
    ("sentence", "codes"),
    [
        # A citation written out in the text: an author's initial ends no sentence, so
        # the journal's name after it is no English sentence of its own.
        ("المرجع: Galipeau J, Sensebé L. Cell Stem Cell 2018.", []),
        ("أظهرت دراسة Smith A. أن الآثار الجانبية نادرة.", []),
        # An English sentence after an Arabic one is still named.
        ("اقرأ هذا. Drink water before the blood test.", ["TEXT006"]),
    ],
)
def test_an_initial_in_a_citation_ends_no_sentence(
    starters: Path, sentence: str, codes: list[str]
) -> None:
    old = "اكتب جملًا قصيرة بكلمات بسيطة."
    name = _replaced(starters, "ar", old, sentence, f"initial-{len(sentence)}")
    found = _found(starters, name)
    assert [f.code for f in found] == codes, found
