"""The error contract, checked systematically: every input file of a project mutated
(`mutation_support`), and the commands a user runs judged against docs/hardening.md.
A deterministic slice runs always; every mutant with ``MSC_LEAFLET_SLOW=1``. The tests
after it hold each class of defect the sweep found."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

import mutation_support as ms
from conftest import REPO, leaflet_yaml
from msc_leaflet.cli.app import app

runner = CliRunner()
GOOD = leaflet_yaml("- paragraph: Hello.\n", references="")


SLOW = bool(os.environ.get("MSC_LEAFLET_SLOW"))


def test_a_slice_of_mutants_keeps_the_error_contract(tmp_path: Path) -> None:
    """Ten mutants of each input file of a small project (leaflet, organisation, both
    catalogs, word list, glossary, theme, settings), spread over all of them; `check`
    and `build` of each. On failure: which mutant broke which promise, and the output."""
    root = ms.make_project(tmp_path / "p", ms.SMALL)
    mutants = ms.every_nth(ms.all_mutants(root), 10)
    assert len({m.file for m in mutants}) == 8
    bad = ms.sweep(root, mutants)
    assert not bad, ms.summary(bad)


@pytest.mark.skipif(not SLOW, reason="every mutant of the bundled project: set MSC_LEAFLET_SLOW=1")
def test_every_mutant_keeps_the_error_contract(tmp_path: Path) -> None:
    """Every mutant of every input file of the bundled project, with list and i18n
    update besides check and build (~7,000 mutants: hours on a laptop)."""
    root = ms.make_project(tmp_path / "p", ms.BUNDLED)
    bad = ms.sweep(root, ms.all_mutants(root), full=True)
    assert not bad, ms.summary(bad)


def run(root: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, [*args, "--project", str(root)])
    output = result.stdout + (result.stderr or "")
    assert "Traceback" not in output
    return result.exit_code, output


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("!!binary aGVsbG8=", "!!binary"),
        ("!!python/object/apply:os.system [echo]", "!!python/object/apply:os.system"),
        ("!!set {a: null}", "!!set"),
        ("!clinic Hello", "!clinic"),
    ],
)
def test_a_yaml_tag_is_refused_at_its_line(
    make_project: Callable[..., Path], value: str, shown: str
) -> None:
    # `title: !!binary aGVsbG8=` built a leaflet titled "aGVsbG8=": the tag was dropped
    # without a word, and the author believed YAML had decoded it.
    root = make_project({"sample": GOOD.replace("title: A sample leaflet", f"title: {value}")})
    for command in (("check",), ("build", "-o", str(root / "out"))):
        code, output = run(root, *command)
        assert code == 1, output
        assert "leaflets/sample.yaml:4:8: " in output
        assert f"YAML tag '{shown}'" in output
    assert not (root / "out").exists() or not list((root / "out").rglob("*.pdf"))


GLOSSARY = """\
concepts:
  - id: msc
    why: One name for the cells.
    en:
      preferred: mesenchymal stromal cells
      forms: [mesenchymal stromal cell]
      discouraged: [mesenchymal stem cells]
"""


@pytest.mark.parametrize(
    ("old", "new", "where", "message"),
    [
        ("discouraged:", "discouragd:", "7:7", "unknown key 'discouragd'"),
        ("      forms:", "      preferred: MSCs\n      forms:", "6:7", "duplicate key 'preferred'"),
        ("[mesenchymal stromal cell]", "42", "6:14", "'forms' must be a list"),
        ("[mesenchymal stromal cell]", "a cell", "6:14", "'forms' must be a list"),
        ("preferred: mesenchymal stromal cells", "preferred: [a, b]", "5:18", "'preferred'"),
        ("      preferred: mesenchymal stromal cells\n", "", "5:7", "missing required key"),
        ("  - id: msc\n", "  - \n", "3:5", "missing required key 'id'"),
        ("    en:", "    tj:", "4:5", "'tj' is not a language"),
        ("why: One", "wyh: One", "3:5", "unknown key 'wyh'"),
        ("concepts:", "concept:", "1:1", "unknown key 'concept'"),
        ("[mesenchymal stem cells]", '["a\\u202eb"]', "7:23", "bidirectional control"),
    ],
    ids=[
        "typo",
        "duplicate",
        "forms-number",
        "forms-text",
        "preferred-list",
        "no-preferred",
        "no-id",
        "not-a-language",
        "typo-why",
        "typo-concepts",
        "bidi",
    ],
)
def test_a_glossary_mistake_is_named_at_its_line(
    make_project: Callable[..., Path], old: str, new: str, where: str, message: str
) -> None:
    # The glossary was read without positions or a schema: a misspelt 'discouragd' was
    # ignored (its terms never flagged), a duplicate key kept the last, 'forms' written
    # as one text was taken letter by letter, and every other mistake was one message
    # for the whole file with no line.
    root = make_project({"sample": GOOD})
    assert old in GLOSSARY
    (root / "locales").mkdir(exist_ok=True)
    (root / "locales" / "glossary.yaml").write_text(GLOSSARY.replace(old, new), encoding="utf-8")
    code, output = run(root, "check")
    assert code == 1, output
    assert f"locales/glossary.yaml:{where}: " in output, output
    assert message in output, output


def test_a_good_glossary_still_reads(make_project: Callable[..., Path]) -> None:
    root = make_project({"sample": GOOD.replace("Hello.", "Our mesenchymal stem cells.")})
    (root / "locales").mkdir(exist_ok=True)
    (root / "locales" / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    _, output = run(root, "check")
    assert "discouraged term “mesenchymal stem cells”" in output, output


THAI = "เซลล์ต้นกำเนิด\n"


@pytest.mark.parametrize(
    ("data", "where", "message"),
    [
        (THAI.encode() + b"caf\xe9\n", "2:4", "not valid UTF-8"),
        (THAI.encode("cp874"), "1:1", "not valid UTF-8"),  # Thai Windows' own encoding
        (b"\xef\xbb\xbf" + THAI.encode(), "1:1", "byte-order mark"),
        (THAI.encode("utf-16"), "1", "UTF-16"),
        (THAI.encode() + b"a\0b\n", "2:2", "control character U+0000"),
        (THAI.encode() + "ab\u202ecd\n".encode(), "2:3", "bidirectional control"),
        (THAI.encode() + b"<<<<<<< HEAD\nx\n=======\ny\n>>>>>>> b\n", "2", "merge conflict"),
    ],
    ids=["latin-1", "cp874", "bom", "utf-16", "nul", "bidi", "conflict"],
)
def test_a_broken_word_list_is_named_at_its_line(
    make_project: Callable[..., Path], data: bytes, where: str, message: str
) -> None:
    # words.txt was decoded with errors replaced and never checked: a list saved in
    # Thai Windows' encoding became U+FFFD strings that match nothing, so every term
    # the translator listed was split at line ends again, without a word.
    root = make_project({"sample": GOOD})
    (root / "locales" / "th").mkdir(parents=True)
    (root / "locales" / "th" / "words.txt").write_bytes(data)
    for command in (("build", "-l", "th", "-o", str(root / "out")), ("check", "-l", "th")):
        code, output = run(root, *command)
        assert code == 1, output
        assert f"locales/th/words.txt:{where}: " in output, output
        assert message in output, output
    assert not list((root / "out").rglob("*.pdf")) if (root / "out").exists() else True


@pytest.mark.parametrize("paper", ["[a4, a5]", "{a4: 1}"], ids=["list", "mapping"])
def test_a_theme_paper_that_is_no_name_is_named_at_its_line(
    make_project: Callable[..., Path], paper: str
) -> None:
    # Was "internal error: TypeError: unhashable type: 'list'", naming no file.
    root = make_project({"sample": GOOD})
    theme = (REPO / "src" / "msc_leaflet" / "data" / "theme.yaml").read_text(encoding="utf-8")
    assert "\npaper: a4 " in theme
    (root / "theme.yaml").write_text(theme.replace("\npaper: a4 ", f"\npaper: {paper} "), "utf-8")
    for command in (("build", "-o", str(root / "out")), ("check",)):
        code, output = run(root, *command)
        assert code == 1, output
        assert "theme.yaml:4:1: error: " in output, output
        assert "paper must be one paper name, not a list or mapping" in output
        assert "internal error" not in output


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("    parent: heading\n", "    parent: [heading]\n"),
        ("{parent: small, colour", "{parent: {a: 1}, colour"),
        ("closing: {parent: callout,", "closing: {parent: [callout],"),
    ],
    ids=["style-list", "style-mapping", "box-padding-list"],
)
def test_a_theme_parent_that_is_no_name_is_named_at_its_line(
    make_project: Callable[..., Path], old: str, new: str
) -> None:
    # Was "internal error: TypeError: unhashable type: 'list'" (exit 70, or per output).
    root = make_project({"sample": GOOD})
    theme = (REPO / "src" / "msc_leaflet" / "data" / "theme.yaml").read_text(encoding="utf-8")
    assert old in theme
    line = theme[: theme.index(old)].count("\n") + 1
    (root / "theme.yaml").write_text(theme.replace(old, new), encoding="utf-8")
    for command in (("build", "-o", str(root / "out")), ("check",)):
        code, output = run(root, *command)
        assert code == 1, output
        assert f"theme.yaml:{line}:" in output, output
        assert "parent must name another entry, not a list or mapping" in output, output
        assert "internal error" not in output


LONG_NAME = "Bangkok International Regenerative Medicine and Wellness Clinic Co., Ltd."
LONG_TITLE = "What to expect in the first two days after your mesenchymal stromal cell infusion"


def test_an_organisation_name_wider_than_the_band_is_named_at_its_line(
    make_project: Callable[..., Path],
) -> None:
    # On A5 this name ran off the page and through the contact lines, exit 0.
    root = make_project({"sample": GOOD})
    profile = root / "organisations" / "test-clinic.yaml"
    profile.write_text(profile.read_text("utf-8").replace("Test Clinic", LONG_NAME), "utf-8")
    code, output = run(root, "build", "--paper", "a5", "-o", str(root / "out"))
    assert code == 1, output
    assert "organisations/test-clinic.yaml:1: error: " in output, output
    assert "the organisation's name is too wide for the band at the top of page 1" in output
    assert "hint: shorten 'name'" in output
    assert not list((root / "out").rglob("*.pdf"))


def test_a_title_wider_than_the_running_header_is_shortened_there(
    make_project: Callable[..., Path],
) -> None:
    # The running header drew the whole title over the organisation's name.
    from conftest import LONG_BLOCKS
    from pdfread import page_texts

    leaflet = leaflet_yaml(LONG_BLOCKS).replace("A sample leaflet", LONG_TITLE)
    root = make_project({"sample": leaflet})
    code, output = run(root, "build", "--paper", "a5", "-o", str(root / "out"))
    assert code == 0, output
    second = page_texts(root / "out" / "en" / "sample.pdf")[1]
    header = second.splitlines()[0]
    assert header.startswith("What to expect in the first") and "…" in header, header
    assert header.endswith("Test Clinic"), header


def test_a_control_line_wider_than_the_footer_is_parted_below_the_page_number(
    make_project: Callable[..., Path],
) -> None:
    # A long version ran through "Page 1 of 1" in every footer (and a 100 kB one took
    # 34 s to make 18 pages of it), exit 0. Now the line is parted between its items.
    from pdfread import page_texts

    version = "2.1 (revised after the March clinical review)"
    root = make_project({"sample": GOOD.replace('version: "2.1"', f'version: "{version}"')})
    code, output = run(root, "build", "--paper", "a5", "-o", str(root / "out"))
    assert code == 0, output
    lines = page_texts(root / "out" / "en" / "sample.pdf")[0].splitlines()
    assert any(version in line and "Page" not in line for line in lines), lines


def test_a_huge_version_is_refused_at_its_line_before_any_layout(
    make_project: Callable[..., Path],
) -> None:
    root = make_project({"sample": GOOD.replace('version: "2.1"', f'version: "{"x" * 100_000}"')})
    code, output = run(root, "check")
    assert code == 1, output
    assert "leaflets/sample.yaml:9:12: error: " in output, output
    assert "'version' is 100,000 characters" in output


def test_list_names_a_broken_organisation_once(make_project: Callable[..., Path]) -> None:
    # Every leaflet printing the organisation repeated its error: five leaflets, five
    # copies of one problem.
    leaflets = {name: GOOD.replace("id: sample", f"id: {name}") for name in ("a", "b", "c")}
    root = make_project(leaflets)
    profile = root / "organisations" / "test-clinic.yaml"
    profile.write_text(profile.read_text("utf-8").replace("Test Clinic", "[a, b]"), "utf-8")
    code, output = run(root, "list")
    assert code == 1, output
    assert output.count("test-clinic.yaml:1:7: error: 'name' must be a single value") == 1, output


def test_a_ui_label_far_longer_than_a_label_is_printed_in_english(i18n_project: Path) -> None:
    # A 100 kB translation of "Version" made the footer's control line 414,217 pt wide,
    # and the build blamed the leaflet's document: line for it.
    po = i18n_project / "locales" / "th" / "LC_MESSAGES" / "ui.po"
    text = po.read_text("utf-8")
    assert 'msgctxt "version"\nmsgid "Version"\nmsgstr "' in text
    po.write_text(
        text.replace('msgid "Version"\nmsgstr "', 'msgid "Version"\nmsgstr "' + "ก" * 5000), "utf-8"
    )
    code, output = run(i18n_project, "build", "-l", "th", "-o", str(i18n_project / "out"))
    assert code == 0, output
    assert "ui.po:" in output and "'version' not used" in output, output
    assert "5,007 characters, where a page label has room for about 60" in output, output


def test_contact_lines_wider_than_the_band_are_named_as_such(
    make_project: Callable[..., Path],
) -> None:
    # A long 'line' left the name no room, and the error blamed the name.
    root = make_project({"sample": GOOD})
    profile = root / "organisations" / "test-clinic.yaml"
    text = profile.read_text("utf-8").replace('"@testclinic"', '"@' + "testclinic" * 30 + '"')
    profile.write_text(text, "utf-8")
    code, output = run(root, "build", "-o", str(root / "out"))
    assert code == 1, output
    assert "organisations/test-clinic.yaml:1: error: " in output, output
    assert "the organisation's contact lines are too wide for the band" in output, output
    assert "hint: shorten 'line', 'whatsapp' or 'web'" in output
