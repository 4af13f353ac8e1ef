"""The page's own words (the ui catalog) printed in English in a translated leaflet.

A leaflet text left in English is named in a warning, and ``--strict`` refuses it; the
layout's own words ("Page 1 of 4", "References", the callout labels) fell back to
English without a word, even under ``--strict``: an untranslated, fuzzy or broken ui.po
entry gave a "Thai" leaflet English page furniture with exit 0.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from i18n_support import msgstr_line, set_msgstr
from msc_leaflet.build import Options, build_leaflet
from msc_leaflet.errors import LeafletError
from msc_leaflet.project import Project

FIXTURE = Path(__file__).parent / "fixtures" / "i18n"


@pytest.fixture
def project(tmp_path: Path) -> Project:
    shutil.copytree(FIXTURE, tmp_path / "p")
    return Project.at(tmp_path / "p")


def edit_ui(project: Project, context: str, msgstr: str, fuzzy: bool = False) -> int:
    """Set the th ui.po entry ``context``; its line in the file written."""
    return set_msgstr(project.locales_dir / "th" / "LC_MESSAGES" / "ui.po", context, msgstr, fuzzy)


def ui_warnings(project: Project, tmp_path: Path, locale: str = "th") -> list[str]:
    result = build_leaflet(project, "care-basics", locale, tmp_path / "out")
    return [str(f) for f in result.findings if "ui.po" in str(f.location)]


def test_a_complete_ui_catalog_gives_no_warning(project: Project, tmp_path: Path) -> None:
    assert ui_warnings(project, tmp_path) == []


def test_an_untranslated_label_on_the_page_is_named(project: Project, tmp_path: Path) -> None:
    line = edit_ui(project, "page-of", "")
    [warning] = ui_warnings(project, tmp_path)
    assert "ui.po" in warning and "warning" in warning
    assert f"page-of (line {line})" in warning and "English" in warning


def test_a_fuzzy_label_is_named(project: Project, tmp_path: Path) -> None:
    edit_ui(project, "references", "บรรณานุกรม", fuzzy=True)
    [warning] = ui_warnings(project, tmp_path)
    assert "fuzzy" in warning and "references" in warning


def test_a_broken_label_is_named_with_its_problem(project: Project, tmp_path: Path) -> None:
    edit_ui(project, "page-of", "หน้า {page}")  # {pages} lost
    [warning] = ui_warnings(project, tmp_path)
    line = msgstr_line(project.locales_dir / "th" / "LC_MESSAGES" / "ui.po", "page-of")
    assert f"ui.po:{line}:" in warning and "page-of" in warning and "{pages}" in warning


@pytest.mark.parametrize("field", ["{pages.real.x}", "{pages[0]}", "{pages:>40}", "{pages!r}"])
def test_a_label_whose_field_is_more_than_a_name_is_named_not_run(
    project: Project, tmp_path: Path, field: str
) -> None:
    """A translation of "Page {page} of {pages}" keeping both names but adding a field
    ``str.format`` reads as code (an attribute, an index, a width, a conversion)
    passed the placeholder check: the build stopped with a Python traceback on every
    Thai leaflet, or printed the footer padded wide. It is now refused as a broken
    label is: printed in English, named at its line."""
    edit_ui(project, "page-of", f"หน้า {{page}} จาก {{pages}} {field}")
    [warning] = ui_warnings(project, tmp_path)
    line = msgstr_line(project.locales_dir / "th" / "LC_MESSAGES" / "ui.po", "page-of")
    assert f"ui.po:{line}:" in warning and "page-of" in warning


def test_a_label_the_leaflet_does_not_print_is_not_reported(
    project: Project, tmp_path: Path
) -> None:
    edit_ui(project, "proof-watermark", "")  # only a proof prints it
    assert ui_warnings(project, tmp_path) == []


def test_a_locale_without_a_ui_catalog_is_named(project: Project, tmp_path: Path) -> None:
    (project.locales_dir / "th" / "LC_MESSAGES" / "ui.po").unlink()
    [warning] = ui_warnings(project, tmp_path)
    assert "no th catalog" in warning and "i18n init th" in warning


def test_english_needs_no_ui_catalog(project: Project, tmp_path: Path) -> None:
    assert ui_warnings(project, tmp_path, "en") == []
    assert ui_warnings(project, tmp_path, "en_GB") == []


def test_strict_refuses_page_words_in_english(project: Project, tmp_path: Path) -> None:
    edit_ui(project, "page-of", "")
    (project.root / "msc-leaflet.toml").write_text("[i18n]\nsignoff_required = []\n")
    out = tmp_path / "strict"
    with pytest.raises(LeafletError) as caught:
        build_leaflet(project, "care-basics", "th", out, options=Options(strict=True))
    assert "page-of" in str(caught.value) and "ui.po" in str(caught.value)
    assert not (out / "th" / "care-basics.pdf").exists()


def proof_last_page(project: Project, tmp_path: Path) -> str:
    from msc_leaflet.print_spec import PrintSpec
    from pdfread import page_texts

    options = Options(spec=PrintSpec(proof=True))
    result = build_leaflet(project, "care-basics", "th", tmp_path / "out", options=options)
    return " ".join(page_texts(result.path)[-1].split())


@pytest.mark.parametrize(
    ("context", "fuzzy", "kind"),
    [
        ("page-of", False, "untranslated"),  # drawn once the page count is known
        ("proof-watermark", True, "fuzzy"),  # drawn on every page of a proof
        ("references", True, "fuzzy"),  # a heading of the story
        ("version", False, "untranslated"),  # the document-control line
    ],
)
def test_the_proof_lists_the_page_words_printed_in_english(
    project: Project, tmp_path: Path, context: str, fuzzy: bool, kind: str
) -> None:
    # The proof's last page lists every leaflet text left in English for the reviewer;
    # the page's own words that fell back to English (commit 0333171 warns of them in
    # the build) were missing from it, and a Thai proof could say "complete".
    line = edit_ui(project, context, "" if not fuzzy else "คำแปล", fuzzy=fuzzy)
    last = proof_last_page(project, tmp_path)
    assert f"ui.po line {line}: {context}" in last and kind in last, last


def test_a_proof_with_every_page_word_translated_lists_none(
    project: Project, tmp_path: Path
) -> None:
    # The fixture's ui.po leaves the proof's own words untranslated: translate them.
    for context in ("proof-heading", "proof-intro", "proof-watermark", "proof-complete"):
        edit_ui(project, context, f"คำแปล {context}")
    last = proof_last_page(project, tmp_path)
    assert "ui.po" not in last and "คำแปล proof-heading" in last, last


@pytest.mark.parametrize(
    ("msgstr", "typed"),
    [
        ("หน้า {page} จาก {pages} \u202e", "\u202e"),  # I18N013, a bidi override
        ("หน้า {page} จาก {pages:>40}", "40"),  # I18N007 first: a number not in the source
        ("หน้า {page} จาก {pages!r}", "{pages!r}"),  # a field str.format runs as code
        ("หน้า {page} จาก {pages} {count}", "{count}"),  # I18N008, a placeholder added
        ("หน้า {page} จาก {pages} }", "}"),  # an unmatched brace
    ],
    ids=["bidi override", "field with a width", "conversion", "field added", "unmatched brace"],
)
def test_a_refused_label_is_named_at_its_column(
    project: Project, tmp_path: Path, msgstr: str, typed: str
) -> None:
    """A page label refused (printed in English) is named where the mistake is typed,
    as a leaflet's refused translation is: its line and column."""
    edit_ui(project, "page-of", msgstr)
    [warning] = ui_warnings(project, tmp_path)
    line = msgstr_line(project.locales_dir / "th" / "LC_MESSAGES" / "ui.po", "page-of")
    column = len('msgstr "') + msgstr.rindex(typed) + 1
    assert f"ui.po:{line}:{column}: warning: translation of 'page-of'" in warning, warning


def test_a_label_missing_from_an_older_catalog_says_how_to_add_it(
    project: Project, tmp_path: Path
) -> None:
    """A ui.po written before a release added a page word has no entry for it: the
    warning said "page-of (line 0)", a line that does not exist, and told the
    translator to translate an entry they could not find. It now says the entry is not
    in the file and that ``i18n update`` adds it."""
    path = project.locales_dir / "th" / "LC_MESSAGES" / "ui.po"
    entries = path.read_text("utf-8").split("\n\n")
    kept = [entry for entry in entries if 'msgctxt "page-of"' not in entry]
    assert len(kept) == len(entries) - 1
    path.write_text("\n\n".join(kept), "utf-8")
    [warning] = ui_warnings(project, tmp_path)
    assert "line 0" not in warning
    assert "page-of (not in ui.po)" in warning and "i18n update" in warning


@pytest.mark.parametrize(
    ("context", "msgstr", "written"),
    [("web", "เว็บ\nไซต์", "เว็บ ไซต์"), ("contact", "ติดต่อ\u2028เรา", "ติดต่อ"),
     ("page-of", "หน้า {page}\tจาก {pages}", "หน้า")],
    ids=["line feed", "line separator", "tab"],
)  # fmt: skip
def test_a_label_with_a_line_break_is_named_not_printed_split(
    project: Project, tmp_path: Path, context: str, msgstr: str, written: str
) -> None:
    """A page label prints on one line: "เว็บ\\nไซต์" for "Web" printed "เว็บ ไซต์:" in the
    closing box, a Thai word split by a space, with no warning. It is refused as a
    broken label is: named at the line and column of the break, English printed."""
    path = project.locales_dir / "th" / "LC_MESSAGES" / "ui.po"
    edit_ui(project, context, msgstr)
    result = build_leaflet(project, "care-basics", "th", tmp_path / "out")
    [warning] = [str(f) for f in result.findings if "ui.po" in str(f.location)]
    lines = path.read_text("utf-8").split("\n")  # not splitlines: U+2028 is in a line
    start = msgstr_line(path, context)
    broken = next(n for n in range(start, len(lines) + 1) if ("\\n" in lines[n - 1]
                  or "\\t" in lines[n - 1] or "\u2028" in lines[n - 1]))  # fmt: skip
    assert f"ui.po:{broken}:" in warning and f"'{context}'" in warning, warning
    assert "one line" in warning
    text = "".join(page.extract_text() for page in PdfReader(result.path).pages)
    assert written not in text
