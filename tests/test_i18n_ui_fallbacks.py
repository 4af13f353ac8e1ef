"""The page's own words (the ui catalog) printed in English in a translated leaflet.

A leaflet text left in English is named in a warning, and ``--strict`` refuses it; the
layout's own words ("Page 1 of 4", "References", the callout labels) fell back to
English without a word, even under ``--strict``: an untranslated, fuzzy or broken ui.po
entry gave a "Thai" leaflet English page furniture with exit 0.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from i18n_support import invoke, msgstr_line, set_msgstr
from msc_leaflet.build import Options, build_leaflet
from msc_leaflet.errors import LeafletError
from msc_leaflet.i18n.labels import PROOF_WORDS
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
    for context in sorted(PROOF_WORDS):
        edit_ui(project, context, f"คำแปล {context}")
    last = proof_last_page(project, tmp_path)
    # What `check` finds follows (it names a page word another edition prints: notes).
    listed = last.split("คำแปล proof-findings")[0]
    assert "ui.po" not in listed and "คำแปล proof-heading" in listed, last


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


# --- The build's refusals and `i18n check`'s findings: one list of rules -------------

_REFUSED = re.compile(
    r"^(?P<place>\S+?\.po:\d+(?::\d+)?): warning: translation of '(?P<context>[^']+)' not "
    r"used, (?:source text|English) printed: (?P<reasons>.*)$"
)


def _refusals(findings: list[str]) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """Each refusal the build warned of: its place, context and (code, words) reasons."""
    found = []
    for finding in findings:
        if (match := _REFUSED.match(finding.split("\n")[0])) is not None:
            parts = re.split(r"; (?=\[I18N\d{3}\] )", match["reasons"])
            reasons = [(m[1], m[2]) for p in parts if (m := re.match(r"\[(I18N\d{3})\] (.*)", p))]
            assert reasons, f"a refusal with no code: {finding}"
            found.append((match["place"], match["context"], reasons))
    return found


@pytest.mark.parametrize(
    ("catalog", "context", "msgstr", "code", "edition", "proof"),
    [
        ("ui", "web", "เว็บ\nไซต์", "I18N013", "single", False),  # the hunt's case
        ("ui", "web", "เว็บ\tไซต์", "I18N013", "single", False),
        ("ui", "contact", "ติดต่อ\u2028เรา", "I18N013", "single", False),
        ("ui", "web", "เว็บ\u2029ไซต์", "I18N013", "parallel", False),
        ("ui", "proof-watermark", "ฉบับ\nร่าง", "I18N013", "single", True),
        ("ui", "web", "เว็บไซต์" * 20, "I18N023", "single", False),  # over-long label
        ("ui", "page-of", "หน้า {page} จาก {pages} }", "I18N008", "single", False),
        ("ui", "page-of", "หน้า {page} จาก {pages!r}", "I18N008", "single", False),
        ("ui", "page-of", "หน้า {page} จาก {pages} \u202e", "I18N013", "single", False),
        ("ui", "web", "   ", "I18N002", "single", False),
        ("ui", "web", "\u200b\u200b", "I18N002", "single", False),  # prints nothing
        ("ui", "web", "เว็บไซต์ 5", "I18N007", "single", False),
        ("ui", "web", "à¹€à¸§à¹‡à¸š", "I18N013", "sequential", False),  # mojibake
        ("care-basics", "short-answer", "พักผ่อน **24 ชั่วโมง** และดื่มน้ำ", "I18N005",
         "single", False),
        ("care-basics", "short-answer", "พักผ่อน **24 ชั่วโมง และดื่มน้ำ [@alpha2001]",
         "I18N003", "single", False),
        ("care-basics", "paragraph/4", "ปิดผ้าพันแผลไว้ 5 ชั่วโมง และอย่าให้เปียกน้ำ",
         "I18N007", "parallel", False),
        ("care-basics", "title", "การดูแลตัวเอง\u202eหลังรับเซลล์", "I18N013", "single", True),
        ("care-basics", "title", " การดูแลตัวเองหลังรับเซลล์", "I18N009", "single", False),
    ],
    ids=[
        "ui line feed", "ui tab", "ui line separator", "ui paragraph separator parallel",
        "ui line break proof", "ui over-long", "ui unmatched brace", "ui conversion field",
        "ui bidi override", "ui whitespace", "ui zero-width only", "ui number added",
        "ui mojibake sequential", "citation lost", "markup broken", "number changed parallel",
        "bidi override proof", "leading space",
    ],
)  # fmt: skip
def test_every_translation_the_build_refuses_is_an_i18n_check_error_at_its_place(
    project: Project,
    tmp_path: Path,
    catalog: str,
    context: str,
    msgstr: str,
    code: str,
    edition: str,
    proof: bool,
) -> None:
    """A translator runs `i18n check` before handing a catalog over and must see every
    entry the build will print in the source language. "เว็บ\\nไซต์" for "Web" was refused
    by the build (English printed, a warning at its ui.po line) while `i18n check` said
    0 errors; so were an over-long label and an unmatched brace. The build's refusal
    and the check's error now come from one list of rules: the same file:line:column,
    code and words, and `i18n check` exits non-zero."""
    from msc_leaflet.print_spec import PrintSpec

    set_msgstr(project.locales_dir / "th" / "LC_MESSAGES" / f"{catalog}.po", context, msgstr)
    options = Options(spec=PrintSpec(proof=proof))
    result = build_leaflet(
        project, "care-basics", "th", tmp_path / "out", edition=edition, options=options
    )
    [(place, refused, reasons)] = _refusals([str(f) for f in result.findings])
    assert refused == context and code in [c for c, _ in reasons], reasons
    exit_code, output = invoke("i18n", "check", "--project", str(project.root))
    assert exit_code != 0, output
    first_code, first_words = reasons[0]
    assert f"{place}: error: {first_code}: {context}: {first_words}" in output, output
    for reason_code, words in reasons[1:]:
        assert f": error: {reason_code}: {context}: {words}" in output, output


@pytest.mark.parametrize(
    ("context", "msgstr"),
    [("web", "เว็บไซต์"), ("page-of", "หน้า {page} จาก {pages}"), ("contact", "ติดต่อเรา")],
)
def test_a_label_the_build_prints_is_no_i18n_check_error(
    project: Project, tmp_path: Path, context: str, msgstr: str
) -> None:
    """The other side of one list: a label the build prints gives `i18n check` no error."""
    edit_ui(project, context, msgstr)
    result = build_leaflet(project, "care-basics", "th", tmp_path / "out")
    assert _refusals([str(f) for f in result.findings]) == []
    exit_code, output = invoke("i18n", "check", "--project", str(project.root))
    assert exit_code == 0 and "0 error(s)" in output, output


@pytest.mark.parametrize(
    ("context", "msgstr", "code"),
    [
        ("desk.found", "พบ {count} ฉบับ }", "I18N008"),  # an unmatched brace
        ("desk.found", "พบ {count!r} ฉบับ", "I18N008"),  # a field str.format runs as code
        ("desk.name", "โต๊ะ\u202eเอกสาร", "I18N013"),  # a bidi override
        ("desk.name", "   ", "I18N002"),
        ("desk.version", "ฉบับ {version} 2", "I18N007"),  # a number added
        ("desk.name", "โต๊ะเอกสาร", None),  # shown
    ],
    ids=["unmatched brace", "conversion", "bidi override", "blank", "number added", "good"],
)
def test_a_desk_word_the_desk_refuses_is_an_i18n_check_error(
    project: Project, context: str, msgstr: str, code: str | None
) -> None:
    """The desk shows a word's English where its translation is broken, and `i18n check`
    names every such translation: an unmatched brace the desk refused passed the check,
    and a bidi override the check named was shown on the desk."""
    from msc_leaflet.desk.interface import interface

    line = edit_ui(project, context, msgstr)
    # Not ours when refused: the bundled library's translation, or the English.
    shown = interface(project, "th").translations.get(context) == msgstr
    exit_code, output = invoke("i18n", "check", "--project", str(project.root))
    assert shown == (code is None), output
    assert (exit_code != 0) == (code is not None), output
    if code is not None:
        msgstr_at = msgstr_line(project.locales_dir / "th" / "LC_MESSAGES" / "ui.po", context)
        assert re.search(rf"ui\.po:{msgstr_at}(:\d+)?: error: {code}: {context}: ", output), (
            line,
            output,
        )


@pytest.mark.parametrize(
    ("context", "msgstr"),
    [
        ("line", "ติดต่อเราทางไลน์ได้ตลอดยี่สิบสี่ชั่วโมงทุกวันไม่เว้นวันหยุดราชการ"),  # I18N023
        ("web", "เว็บ\nไซต์"),  # I18N013
        ("page-of", "หน้า {page}"),  # I18N008: {pages} lost
    ],
    ids=["over-long contact label", "line break", "placeholder lost"],
)
def test_a_label_the_build_prints_in_english_is_reported_by_check_as_the_build_does(
    project: Project, tmp_path: Path, context: str, msgstr: str
) -> None:
    """`build -l th` printed "LINE" in English for a 65-character translation and
    warned at its msgstr; `i18n check` named it; `check -l th` said nothing, exit 0.
    `check` now gives the build's warning, at its place, as it gives a leaflet
    catalog's refused entry (I18N001), once for every leaflet of the language."""
    from msc_leaflet.checks import run_checks
    from msc_leaflet.errors import CheckFinding

    edit_ui(project, context, msgstr)
    result = build_leaflet(project, "care-basics", "th", tmp_path / "out")
    built = [f for f in result.findings if "English printed" in f.message]
    assert [f.message.split("'")[1] for f in built] == [context]
    for locales in (["th"], []):
        checked = [
            f
            for f in run_checks(project, [], locales)
            if isinstance(f, CheckFinding) and "English printed" in f.message
        ]
        assert [(f.code, f.severity) for f in checked] == [("I18N001", "warning")]
        assert (checked[0].location, checked[0].message, checked[0].hint) == (
            built[0].location,
            built[0].message,
            built[0].hint,
        )


def test_a_refused_label_in_a_language_with_only_ui_po_is_reported_by_check(
    project: Project, tmp_path: Path
) -> None:
    # `build -l th` with no leaflet catalog still prints ui.po's words.
    (project.locales_dir / "th" / "LC_MESSAGES" / "care-basics.po").unlink()
    edit_ui(project, "web", "เว็บ\nไซต์")
    result = build_leaflet(project, "care-basics", "th", tmp_path / "out")
    [built] = [f for f in result.findings if "English printed" in f.message]
    from msc_leaflet.checks import run_checks

    checked = [f for f in run_checks(project) if "English printed" in f.message]
    assert [(f.location, f.message) for f in checked] == [(built.location, built.message)]


@pytest.mark.parametrize(
    ("context", "msgstr", "fuzzy"),
    [("contact", "", False), ("contact", "ติดต่อเรา", True)],
    ids=["untranslated", "fuzzy"],
)
def test_a_label_printed_in_english_for_want_of_a_translation_is_reported_by_check(
    project: Project, tmp_path: Path, context: str, msgstr: str, fuzzy: bool
) -> None:
    """`build -l th` warned that "Contact us" was untranslated (or fuzzy) and printed in
    English, and `build --strict` refused it; `check -l th` said nothing and exited 0.
    `check` now gives the build's own warning (I18N001), in its words, at ui.po."""
    from msc_leaflet.checks import run_checks
    from msc_leaflet.errors import CheckFinding

    edit_ui(project, "notes", "บันทึก")  # a booklet's word: `check` names it, a sheet's build not
    line = edit_ui(project, context, msgstr, fuzzy)
    result = build_leaflet(project, "care-basics", "th", tmp_path / "out")
    [built] = [f for f in result.findings if f"{context} (line {line})" in f.message]
    for locales in (["th"], []):
        checked = [f for f in run_checks(project, [], locales) if f.location == built.location]
        named = [
            f
            for f in checked
            if isinstance(f, CheckFinding) and f"{context} (line {line})" in f.message
        ]
        assert [(f.code, f.severity, f.message, f.hint) for f in named] == [
            ("I18N001", "warning", built.message, built.hint)
        ]


def test_check_names_a_ui_word_printed_in_english_once_over_every_leaflet(
    project: Project,
) -> None:
    """The page's words of every leaflet of a language are one finding, not one per
    leaflet: each leaflet's build names them, `check` once for the language."""
    from msc_leaflet.checks import run_checks

    source = project.leaflet_path("care-basics").read_text(encoding="utf-8")
    project.leaflet_path("care-basics").with_name("second.yaml").write_text(
        source.replace("id: care-basics", "id: second"), encoding="utf-8"
    )
    shutil.copy(
        project.locales_dir / "th" / "LC_MESSAGES" / "care-basics.po",
        project.locales_dir / "th" / "LC_MESSAGES" / "second.po",
    )
    edit_ui(project, "contact", "")
    found = [
        f.message
        for f in run_checks(project, [], ["th"])
        if "untranslated th page words" in f.message
    ]
    assert len(found) == 1 and "contact (line" in found[0], found


def test_check_names_a_language_with_only_a_leaflet_catalog_and_no_ui_po(
    project: Project, tmp_path: Path
) -> None:
    """No ui.po at all: the build prints every page word in English and says so."""
    from msc_leaflet.checks import run_checks

    (project.locales_dir / "th" / "LC_MESSAGES" / "ui.po").unlink()
    result = build_leaflet(project, "care-basics", "th", tmp_path / "out")
    [built] = [f for f in result.findings if "page prints itself" in f.message]
    checked = [f for f in run_checks(project, [], ["th"]) if "page prints itself" in f.message]
    assert [(f.location, f.hint) for f in checked] == [(built.location, built.hint)]
    assert "contact" in checked[0].message and "page-of" in checked[0].message


@pytest.mark.parametrize("where", ["ui", "leaflet"])
def test_check_strict_calls_an_error_what_build_strict_refuses_untranslated(
    project: Project, tmp_path: Path, where: str
) -> None:
    """`build --strict` refuses a page word or a leaflet text printed in English;
    `check --strict`, which judges "as for printing", called it a warning and exited 0."""
    if where == "ui":
        edit_ui(project, "contact", "")
    else:
        po = project.locales_dir / "th" / "LC_MESSAGES" / "care-basics.po"
        set_msgstr(po, "title", "")
    root = str(project.root)
    strict_build, built = invoke("build", "-l", "th", "--strict", "-o", str(tmp_path), "-p", root)
    assert strict_build == 1, built
    code, output = invoke("check", "-l", "th", "-p", root)
    assert code == 0 and "I18N001" in output, output
    code, output = invoke("check", "-l", "th", "--strict", "-p", root)
    assert code == 1, output
    assert [line for line in output.splitlines() if "I18N001" in line and "error" in line], output
