"""The theme as data: paragraph styles and box padding from theme.yaml, a project's
overrides, the readability floor on every style, and a `Theme` free of ReportLab."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTTextContainer, LTTextLine

from conftest import REPO, leaflet_yaml
from msc_leaflet.build import build_leaflet
from msc_leaflet.errors import LeafletError
from msc_leaflet.project import Project
from msc_leaflet.theme.colours import CMYK, RGB, relative_luminance
from msc_leaflet.theme.theme import PAPER, load_theme

BUNDLED = (REPO / "src" / "msc_leaflet" / "data" / "theme.yaml").read_text(encoding="utf-8")
APPENDED = BUNDLED.count("\n") + 1  # the line of what a test adds after the bundled theme
# A project theme written before styles and box padding were data: everything else.
WITHOUT_STYLES = BUNDLED[: BUNDLED.index("# Paragraph styles.")]


def project_theme(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "theme.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_loading_a_theme_needs_no_reportlab() -> None:
    code = (
        "import sys; from msc_leaflet.theme import load_theme; load_theme(); "
        "print(' '.join(sorted(sys.modules)))"
    )
    loaded = subprocess.check_output([sys.executable, "-c", code], text=True).split()
    assert not [m for m in loaded if m.split(".")[0] == "reportlab"]


def test_colours_and_page_sizes_are_plain_data_that_match_reportlab() -> None:
    from reportlab.lib.pagesizes import A4, A5, LETTER
    from reportlab.lib.units import mm

    assert PAPER == {"a4": A4, "a5": A5, "letter": LETTER}  # exactly, not approximately
    theme = load_theme(paper="a5")
    assert theme.page_size == A5
    assert theme.margins["left"] == 13 * mm
    assert theme.colour("accent") == RGB(0x0B / 255, 0x6E / 255, 0x74 / 255)
    assert isinstance(load_theme(colour_mode="cmyk").colour("accent"), CMYK)


def test_styles_come_from_the_theme_and_inherit() -> None:
    styles = load_theme().styles
    body, caption, quote = styles["body"], styles["caption"], styles["quote"]
    assert (body.font, body.size, body.leading, body.colour) == ("regular", 10.5, 15, "ink")
    # caption ← attribution ← small ← body: each says only what it changes
    assert (caption.size, caption.leading, caption.colour) == (9, 12, "muted")
    assert (caption.space_before, caption.space_after, caption.allow_widows) == (3, 6, False)
    assert (quote.font, quote.size, quote.leading, quote.space_after) == ("italic", 12, 17, 2)
    table = styles["table-head"]
    assert (table.font, table.size, table.leading) == ("bold", 9.5, 9.5 * 1.3)  # small + 0.5
    assert styles["heading"].keep_with_next and not body.keep_with_next


def test_a_project_theme_without_styles_gets_the_bundled_ones(tmp_path: Path) -> None:
    theme = load_theme(project_theme(tmp_path, WITHOUT_STYLES.replace("small: 9\n", "small: 10\n")))
    assert theme.styles["caption"].size == 10  # the bundled entries, read with its sizes
    assert theme.styles["table-cell"].size == 10.5
    assert theme.box_padding["closing"].left == 12


def test_a_project_theme_changes_only_what_it_names(tmp_path: Path) -> None:
    own = WITHOUT_STYLES + (
        "styles:\n  heading: {colour: accent}\n  callout: {parent: small}\n"
        "box-padding:\n  callout: {left: 20}\n"
    )
    theme = load_theme(project_theme(tmp_path, own))
    heading, callout = theme.styles["heading"], theme.styles["callout"]
    assert (heading.colour, heading.size, heading.font) == ("accent", 14, "bold")
    assert (callout.size, callout.leading, callout.space_after) == (9, 12, 3)  # own field kept
    assert theme.box_padding["callout"].left == 20
    assert theme.box_padding["closing"].left == 20  # inherits from the callout box
    assert theme.box_padding["closing"].bottom == 8


@pytest.mark.parametrize(
    ("styles", "message"),
    [
        ("  headng: {size: 12}\n", "unknown style 'headng'"),
        ("  heading: {weight: bold}\n", "style 'heading' has no field 'weight'"),
        ("  heading: {size: huge}\n", "size 'huge' is not a number or one of body"),
        ("  heading: {font: black}\n", "font 'black' is not one of regular"),
        ("  heading: {colour: teal}\n", "colour 'teal' is not one of ink"),
        ("  heading: {leading: 1.2 lines}\n", "leading '1.2 lines' is not a number"),
        ("  heading: {keep-with-next: 1}\n", "keep-with-next must be true or false"),
        ("  small: {parent: caption}\n", "an entry cannot inherit from itself"),
        ("  small: {parent: tiny}\n", "'small' inherits from 'tiny', which does not exist"),
    ],
)
def test_a_wrong_style_entry_is_refused_with_its_name(
    tmp_path: Path, styles: str, message: str
) -> None:
    path = project_theme(tmp_path, WITHOUT_STYLES + "styles:\n" + styles)
    with pytest.raises(LeafletError, match=re.escape(message)):
        load_theme(path)


@pytest.mark.parametrize(
    ("styles", "message"),
    [
        ("  table-cell: {size: 8.5}\n", "styles table-cell, table-head: 8.5 pt is below 9 pt"),
        ("  reference: {leading: 1em}\n", "style reference: leading 9 is below 1.2 × 9 pt"),
        ("  caption: {colour: rule}\n", "rule on paper: contrast"),
    ],
)
def test_the_floor_checks_every_style(tmp_path: Path, styles: str, message: str) -> None:
    path = project_theme(tmp_path, WITHOUT_STYLES + "styles:\n" + styles)
    with pytest.raises(LeafletError, match=re.escape(message)):
        load_theme(path)


@pytest.mark.parametrize(
    ("styles", "colours", "message"),
    [
        # The callout paragraphs' colour on the callout's fill: the grey passes on paper
        # (4.5:1) and black ink passes on the grey fill, so each pair checked passed,
        # and the callout's text was printed grey on grey: invisible, yet read aloud.
        (
            "  callout: {colour: grey}\n",
            {
                'fill: "#e6f2f2", edge: "#0b6e74", label: {screen: "#0a5a5f", '
                'print: "cmyk(0, 0, 0, 69)"}': 'fill: "#767676", edge: "#0b6e74", label: "#000000"'
            },
            "callout on the key-answer fill: contrast 1.00:1",
        ),
        (
            "  table-head: {parent: table-cell, font: bold, colour: grey}\n",
            {'table-head: "#e6f2f2"': 'table-head: "#767676"'},
            "table-head on table-head: contrast 1.00:1",
        ),
        (
            "  small: {colour: grey}\n",
            {
                'quiet-fill: "#f3f5f6"': 'quiet-fill: "#767676"',
                'muted: {screen: "#55646c", print: "cmyk(0, 0, 0, 62)"}': 'muted: "#000000"',
            },
            "small on quiet-fill: contrast 1.00:1",
        ),
    ],
)
def test_the_floor_checks_each_style_on_the_fill_it_is_printed_on(
    tmp_path: Path, styles: str, colours: dict[str, str], message: str
) -> None:
    ink = 'ink: {screen: "#1f2a30", print: "cmyk(0, 0, 0, 85)"}'
    theme = WITHOUT_STYLES.replace(ink, 'ink: "#000000"\n  grey: "#767676"')
    for old, new in colours.items():
        assert theme.count(old) == 1, old
        theme = theme.replace(old, new)
    path = project_theme(tmp_path, theme + "styles:\n" + styles)
    with pytest.raises(LeafletError, match=re.escape(message)):
        load_theme(path)
    # Without the style's colour, the same colours pass the floor (grey, then used by no
    # style, is left out: the theme refuses a colour nothing prints with).
    load_theme(project_theme(tmp_path, theme.replace('\n  grey: "#767676"', "")))


def test_display_styles_may_be_set_tighter(tmp_path: Path) -> None:
    path = project_theme(tmp_path, WITHOUT_STYLES + "styles:\n  heading: {leading: 1.1em}\n")
    assert load_theme(path).styles["heading"].leading == pytest.approx(15.4)


def _line_x(pdf: Path, text: str) -> float:
    """Where the first line holding ``text`` starts, in points from the page's left."""
    for page in extract_pages(str(pdf)):
        stack = list(page)
        while stack:
            item = stack.pop()
            if isinstance(item, LTTextLine) and text in item.get_text():
                return float(item.x0)
            if isinstance(item, LTTextContainer):
                stack.extend(item)
    raise AssertionError(f"{text!r} is not in {pdf}")


def test_box_padding_comes_from_the_theme(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    blocks = "- callout: The short answer.\n  kind: key-answer\n  id: answer\n"
    root = make_project({"sample": leaflet_yaml(blocks)})
    project = Project.at(root)
    before = build_leaflet(project, "sample", None, tmp_path / "before").path
    project_theme(root, BUNDLED.replace("callout: {left: 12,", "callout: {left: 40,"))
    after = build_leaflet(project, "sample", None, tmp_path / "after").path
    for text in ("The short answer", "This is not medical advice"):  # callout, closing box
        assert _line_x(after, text) - _line_x(before, text) == pytest.approx(28, abs=0.01)


# --- the font table names font files, and nothing else --------------------------------


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("package: fontpkg_sarabun", "package: antigravity", "not a font package"),
        ("package: fontpkg_sarabun", "package: os.path", "not a font package"),
        ("regular: Sarabun-Regular.ttf", "regular: ../../../../etc/passwd", "a font file name"),
        ("regular: Sarabun-Regular.ttf", "regular: /etc/passwd", "a font file name"),
        ("folder: noto-sans-lao", "folder: ../../../../etc", "no / or .."),
        # A name no file system holds: asking for it raised ENAMETOOLONG, an internal error.
        ("folder: noto-sans-lao", "folder: " + "x" * 100_000, "(100,000 characters)"),
        ("regular: Sarabun-Regular.ttf", "regular: " + "y" * 300 + ".ttf", "a font file name"),
    ],
    ids=[
        "module",
        "dotted-module",
        "file-up",
        "file-absolute",
        "folder-up",
        "folder-long",
        "file-long",
    ],
)
def test_a_font_entry_naming_something_else_is_refused_before_anything_is_imported_or_read(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    """`package:` was imported whatever it named (``antigravity`` opened a web browser;
    any installed module ran its import-time code), and a face file or folder with
    ``..`` or ``/`` was read from anywhere: a theme is a contributor's file, not code."""
    assert old in BUNDLED
    code = (
        "import sys\n"
        "from msc_leaflet.theme import load_theme\n"
        "from msc_leaflet.errors import LeafletError\n"
        "try:\n"
        f"    load_theme(__import__('pathlib').Path({str(tmp_path / 'theme.yaml')!r}))\n"
        "except LeafletError as exc:\n"
        "    print(exc)\n"
        "print('antigravity' in sys.modules)\n"
    )
    project_theme(tmp_path, BUNDLED.replace(old, new, 1))
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert output.endswith("False\n"), output
    assert "theme.yaml" in output and message in output
    assert max(map(len, output.splitlines())) < 400, "a long value is shown by its start"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("regular: Sarabun-Regular.ttf", "regular: Nope.ttf", "no font file"),
        ("package: fontpkg_sarabun", "package: fontpkg_not_installed", "is not installed"),
    ],
    ids=["missing-file", "missing-package"],
)
def test_a_font_the_theme_names_that_is_not_there_is_one_line(
    make_project: Callable[..., Path], tmp_path: Path, old: str, new: str, message: str
) -> None:
    """Were `internal error: TTFError: Can't open file "…/site-packages/…"` and
    `internal error: ModuleNotFoundError`, from `check` as from `build`."""
    from typer.testing import CliRunner

    from msc_leaflet.cli.app import app

    root = make_project()
    (root / "theme.yaml").write_text(BUNDLED.replace(old, new, 1), encoding="utf-8")
    for command in (["check"], ["build", "-o", str(tmp_path / "o")]):
        result = CliRunner().invoke(app, [*command, "--project", str(root)])
        output = result.stdout + result.stderr
        assert "internal error" not in output and "TTFError" not in output, output
        assert result.exit_code == 1
        assert re.search(r"theme\.yaml:\d+:\d+: error: (LOAD004: )?fonts: family Sarabun", output)
        assert message in output
    assert not list((tmp_path / "o").rglob("*.pdf"))


def test_a_font_file_that_is_no_font_is_one_line_whatever_the_language(
    make_project: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A face is parsed when the first text in its script is drawn: a broken Lao face
    failed only a Lao build, as ReportLab's TTFError."""
    from typer.testing import CliRunner

    from msc_leaflet.cli.app import app
    from msc_leaflet.typeset import font_files

    fonts = tmp_path / "fonts"
    shutil.copytree(REPO / "src" / "msc_leaflet" / "data" / "fonts", fonts)
    (fonts / "noto-sans-lao" / "NotoSansLao-Regular.ttf").write_text("not a font")
    monkeypatch.setattr(font_files, "data_path", lambda name: tmp_path / name)
    root = make_project()
    (root / "theme.yaml").write_text(BUNDLED, encoding="utf-8")
    out = str(tmp_path / "o")
    result = CliRunner().invoke(app, ["build", "-l", "en", "--project", str(root), "-o", out])
    output = result.stdout + result.stderr
    assert result.exit_code == 1 and "internal error" not in output, output
    assert "NotoSansLao-Regular.ttf is not a TrueType font" in output  # in an English build


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("margins: {top: 14,", "margins: {top: .nan,", "margins: top"),
        ("margins: {top: 14,", "margins: {top: .inf,", "margins: top"),
        ("margins: {top: 14,", "margins: {top: -14,", "margins: top"),
        ("margins: {top: 14,", "margins: {top: 400,", "leave"),
        ("body: 10.5", "body: .nan", "sizes: body"),
        ("paragraph: 6", "paragraph: -600", "spacing: paragraph"),
        ("th: 1.1", "th: -1", "leading-scale: th"),
        ("margins: {top: 14, ", "margins: {", "margins"),
        ('key-answer: {fill: "#e6f2f2", edge: "#0b6e74", label: {screen: "#0a5a5f", '
         'print: "cmyk(0, 0, 0, 69)"}}', 'key-answer: "#000000"', "key-answer"),
    ],
    ids=["nan", "inf", "negative", "no-room", "size-nan", "spacing-negative",
         "leading-scale-negative", "margin-missing", "callout-colour-plain"],
)  # fmt: skip
def test_a_theme_number_that_lays_out_nothing_is_refused(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    """A top margin of .nan, .inf or 400 mm built a PDF with no text at all (exit 0), a
    size of .nan one with 'nan' operators pdf readers reject; a missing margin side or a
    callout kind given one colour was `internal error: KeyError` in the layout."""
    assert old in BUNDLED
    with pytest.raises(LeafletError) as caught:
        load_theme(project_theme(tmp_path, BUNDLED.replace(old, new, 1)))
    assert "theme.yaml" in str(caught.value) and message in str(caught.value)


# --- every theme error names its line, in plain words --------------------------------

PYTHON_WORDING = (
    "NoneType", "object has no attribute", "could not convert", "Traceback", "'dict'",
    # str() of a YAML value: no theme holds these spellings
    "'None'", "'True'", "'False'", "['",
)  # fmt: skip


def _line_of(text: str, start: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if line.startswith(start))


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("", 1, "the theme file is empty"),
        ("# only a comment\n", 1, "the theme file is empty"),
        ("- a list\n", 1, "a theme is a mapping of entries"),
        ("paper: a4\n", 1, "the theme has no 'margins:' entry"),
        (BUNDLED.replace("margins: {top: 14, bottom: 14,", "margins: [14, 14]  #"), 5,
         "margins must be a mapping of top, bottom, left and right, in mm, not a list"),
        (BUNDLED.replace("  body: 10.5", "  body: big"), 27, "sizes: body must be a number"),
        (BUNDLED.replace("  small: 9\n", "  smal: 9\n"), 26, "sizes: 'small' is missing"),
        (BUNDLED.replace("paper: a4 ", "paper: "), 4, "paper (empty) is not a paper size"),
        (BUNDLED.replace("paper: a4 ", "paper: a3 "), 4, "paper 'a3' is not a paper size"),
        (BUNDLED + "paper: a5\n", APPENDED, "duplicate key 'paper' (first defined on line 4)"),
        (BUNDLED + "colors: {ink: '#000000'}\n", APPENDED, "unknown theme entry 'colors'"),
        (BUNDLED.replace("footer-approval: false", "footer-approval: 1"), 11,
         "footer-approval must be true or false"),
        (BUNDLED.replace('  rule: "#c9d6da"', "  rule: 12"), 20,
         "colours → rule: a colour is \"#rrggbb\" or cmyk(c, m, y, k), not a number (12)"),
        # Unquoted, a # starts a comment: the colour was "colour 'None'".
        (BUNDLED.replace('  rule: "#c9d6da"', "  rule: #c9d6da"), 20,
         "colours → rule: a colour is \"#rrggbb\" or cmyk(c, m, y, k), not (empty)"),
        (BUNDLED.replace('  rule: "#c9d6da"', "  rule: true"), 20, "not true/false (true)"),
        (BUNDLED.replace("paper: a4 ", "paper: on "), 4, "paper 'on' is not a paper size"),
        (BUNDLED.replace("      regular: NotoSansLao-Regular.ttf", "      regular: [a.ttf]"), 85,
         "regular a list is not a font file name"),
        (BUNDLED.replace("  heading:\n    font: bold", "  heading:\n    font: [bold]"), 152,
         "font a list is not one of regular"),
        (BUNDLED.replace("colours:\n", "colours:\n  info: {fill: '#ffffff'}\n"), 15,
         "no callout is of kind 'info'"),
        (BUNDLED.replace("      regular: NotoSansLao", "      regualr: NotoSansLao"), 85,
         "unknown key 'regualr'"),
        (BUNDLED.replace("{wght: 600}}  # as", "{wght: x}}  # as"), 62,
         "axis wght must be a number"),
        (BUNDLED.replace("  heading:\n    font: bold", "  heading:\n    font: black"), 152,
         "font 'black' is not one of regular"),
        (BUNDLED.replace("  small: {size: small,", "  small: {size: 8,"), 168,
         "below the readability floor"),
        (BUNDLED.replace("paper-margins:", "paper-margins:\n  a3: {top: 1}"), 7,
         "unknown paper 'a3'"),
        (BUNDLED + "output-intent: {profile: x.icc}\n", APPENDED,
         "output-intent: condition is missing"),
        (BUNDLED.replace("paper: a4", "paper: a4\n  colours: x"), 5, "invalid YAML"),
        # A key nothing looks up was kept without a word: Thai set in another script's
        # font, or without the room its stacked tone marks need.
        (BUNDLED.replace("    Thai: Sarabun", "    Thia: Sarabun"), 99,
         "fonts: scripts: 'Thia' is not a script tag"),
        (BUNDLED.replace("    Thai: Sarabun", "    thai: Sarabun"), 99,
         "fonts: scripts: 'thai' is not a script tag"),
        (BUNDLED.replace("  th: 1.1", "  tha: 1.1"), 110, "'tha' is never looked up"),
        (BUNDLED.replace("  th: 1.1", "  th_TH: 1.1"), 110, "'th_TH' is never looked up"),
        (BUNDLED.replace("  th: 1.1", "  xx: 1.1"), 110, "unknown locale 'xx'"),
        (BUNDLED.replace("  th: 1.1", "  'no': 1.1"), 110, "reads as a yes/no value"),
    ],
    ids=["empty", "comment", "list", "only-paper", "margins-list", "size-word", "size-typo",
         "paper-null", "paper-a3", "duplicate", "unknown-key", "flag", "colour-number",
         "colour-comment", "colour-bool", "paper-bool", "font-list", "style-list",
         "unknown-callout", "font-key-typo", "axis-word", "style-font", "floor",
         "paper-margins", "output-intent", "indentation", "script-typo", "script-case",
         "scale-iso639-2", "scale-region", "scale-unknown", "scale-no"],
)  # fmt: skip
def test_a_theme_error_names_its_line_in_plain_words(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    """Were "invalid theme: 'NoneType' object has no attribute 'get'", "'list' object
    has no attribute 'items'", "invalid theme: 'colours'" and "could not convert string
    to float: 'big'" with no line; a duplicate key and a misspelt entry (colors:) were
    silently accepted."""
    with pytest.raises(LeafletError) as caught:
        load_theme(project_theme(tmp_path, text))
    error = caught.value
    assert (error.location.path.name, error.location.line) == ("theme.yaml", line), str(error)
    assert message in error.message, str(error)
    assert error.hint, str(error)
    assert not [words for words in PYTHON_WORDING if words in str(error)], str(error)


@pytest.mark.parametrize(
    ("broken", "hint"),
    [
        ("paper: a4\n  colours: x\n", "start 'colours:' in the same column as the key above"),
        ("paper: a4\ncolours: x: y\n", 'info: "ISO Coated v2: sheet-fed offset"'),
        ("paper: a4\n---\ncolours: x\n", "one theme per file"),
    ],
    ids=["indentation", "colon", "documents"],
)
def test_a_theme_yaml_error_gets_a_hint_about_a_theme(
    tmp_path: Path, broken: str, hint: str
) -> None:
    """The YAML hints were a leaflet's: broken indentation in theme.yaml was answered
    with 'put the whole value in quotes: title: "Cells: what they do"'."""
    with pytest.raises(LeafletError) as caught:
        load_theme(project_theme(tmp_path, broken))
    assert caught.value.location.line == 2
    assert hint in caught.value.hint
    assert "title:" not in caught.value.hint and "leaflet" not in caught.value.hint


def test_a_theme_error_is_one_line_from_build(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from msc_leaflet.cli.app import app

    root = make_project()
    (root / "theme.yaml").write_text(BUNDLED + "colors: {ink: '#000000'}\n", encoding="utf-8")
    out = tmp_path / "o"
    result = CliRunner().invoke(app, ["build", "-l", "en", "--project", str(root), "-o", str(out)])
    output = result.stdout + result.stderr
    assert result.exit_code == 1, output
    assert f"theme.yaml:{APPENDED}:1: error: unknown theme entry 'colors'" in output
    assert "did you mean 'colours'?" in output
    assert not list(out.rglob("*.pdf"))


@pytest.mark.parametrize(
    ("table", "entry", "message", "hint"),
    [
        # Meant for the captions; no style names it, so the captions printed as before.
        ("sizes", "caption: 8", "sizes: 'caption' is used by no style", "size: caption"),
        ("spacing", "heading-afterr: 4", "spacing: 'heading-afterr'", "misspelling of"),
        ("colours", 'brand-red: "#b3261e"', "colours: 'brand-red' is used by no style", "colour:"),
    ],
)
def test_a_name_no_style_uses_is_refused_at_its_line(
    tmp_path: Path, table: str, entry: str, message: str, hint: str
) -> None:
    lines = BUNDLED.splitlines(keepends=True)
    at = lines.index(f"{table}:\n") + 1  # the entry's line, 1-based, right under the table
    lines.insert(at, f"  {entry}\n")
    with pytest.raises(LeafletError) as caught:
        load_theme(project_theme(tmp_path, "".join(lines)))
    assert message in caught.value.message and hint in caught.value.hint
    assert caught.value.location.line == at + 1


def test_a_name_a_style_uses_is_the_themes_own(tmp_path: Path) -> None:
    style = "  caption: {parent: attribution, space-before: 3"
    text = BUNDLED.replace("sizes:\n", "sizes:\n  caption: 9.5\n", 1)
    text = text.replace(style, style + ", size: caption + 0.5", 1)
    assert load_theme(project_theme(tmp_path, text)).styles["caption"].size == 10


@pytest.mark.parametrize(
    ("padding", "message"),
    [
        ("callout: {left: 1200}", "box-padding 'callout': left and right (1212 pt) leave"),
        ("quote: {right: 400}", "box-padding 'quote': left and right (414 pt) leave"),
        ("table: {left: 30, right: 30}", "box-padding 'table': left and right (60 pt)"),
        ("callout: {top: 5000}", "box-padding 'callout': top, bottom and between (5009 pt)"),
        ("callout: {left: .nan}", "box-padding 'callout': left nan is not a length"),
    ],
    ids=["callout-left", "quote-right", "table-cells", "callout-top", "nan"],
)
def test_a_box_padding_that_leaves_no_room_is_refused_at_its_line(
    tmp_path: Path, padding: str, message: str
) -> None:
    """`box-padding: {callout: {left: 1200}}` was accepted, and build printed ReportLab's
    "raised by class Box(…)@0x… wrap <SplitTable@0x…>" for the first callout."""
    path = project_theme(tmp_path, WITHOUT_STYLES + "box-padding:\n  " + padding + "\n")
    with pytest.raises(LeafletError) as caught:
        load_theme(path)
    line = WITHOUT_STYLES.count("\n") + 2
    assert caught.value.location.line == line, str(caught.value)
    assert message in caught.value.message, str(caught.value)
    assert caught.value.hint


KHMER_BOLD = "      bold: {instance: {wght: 600}}  # as Sarabun's SemiBold"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (KHMER_BOLD, "      bold: {instance: {wdht: 600}}", "has no axis 'wdht'"),
        (KHMER_BOLD, "      bold: {instance: {wght: .nan}}", "axis wght must be a number"),
        (KHMER_BOLD, "      bold: {instance: {wght: .inf}}", "axis wght must be a number"),
        (KHMER_BOLD, "      bold: {instance: {wght: 5000}}", "wght 5000 is outside"),
        ("      bold: Sarabun-SemiBold.ttf", "      bold: {instance: {wght: 600}}",
         "is not a variable font"),
    ],
    ids=["unknown-axis", "nan", "inf", "out-of-range", "static-font"],
)  # fmt: skip
def test_a_font_weight_the_font_cannot_make_is_refused_at_its_line(
    make_project: Callable[..., Path], tmp_path: Path, old: str, new: str, message: str
) -> None:
    """Were `internal error: KeyError: 'wdht'`, `cannot convert float NaN to integer`
    (naming the leaflet), and for 5000 or a static font a PDF built in another weight
    than the theme asked for, without a word."""
    from typer.testing import CliRunner

    from msc_leaflet.cli.app import app

    root = make_project()
    theme = BUNDLED.replace(old, new, 1)
    (root / "theme.yaml").write_text(theme, encoding="utf-8")
    line = _line_of(theme, new)
    for command in (["check"], ["build", "-l", "en", "-o", str(tmp_path / "o")]):
        result = CliRunner().invoke(app, [*command, "--project", str(root)])
        output = result.stdout + result.stderr
        assert result.exit_code == 1 and "internal error" not in output, output
        assert re.search(rf"theme\.yaml:{line}:\d+: error: (LOAD004: )?fonts\b", output), output
        assert message in output
    assert not list((tmp_path / "o").rglob("*.pdf"))


def test_a_variable_latin_family_prints_its_bold_weight(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """The Latin family was registered without its instances: with a variable font for
    Latin, every heading and bold word printed in the Regular weight, without a word."""
    import pikepdf

    from pdfread import embedded_fonts

    root = make_project()
    theme = BUNDLED.replace("    Latn: Sarabun", "    Latn: NotoSansDevanagari", 1)
    (root / "theme.yaml").write_text(theme, encoding="utf-8")
    pdf = build_leaflet(Project.at(root), "sample", "en", tmp_path / "o").path
    with pikepdf.open(pdf) as document:
        names = {str(font.BaseFont).split("+")[-1] for font in embedded_fonts(document)}
    assert {"NotoSansDevanagari-Regular", "NotoSansDevanagari-SemiBold"} <= names, names


@pytest.mark.parametrize("written", ["A4", "A5", "Letter"])
def test_a_paper_size_is_read_in_any_letter_case(
    make_project: Callable[..., Path], tmp_path: Path, written: str
) -> None:
    """Everyone writes A4: `paper: A4` in a theme was 'not a paper size' and
    `--paper A4` a usage error, while -l TH was read as th."""
    from typer.testing import CliRunner

    from msc_leaflet.cli.app import app

    root = make_project()
    theme = BUNDLED.replace("paper: a4 ", f"paper: {written} ", 1)
    assert load_theme(project_theme(tmp_path, theme)).paper == written.lower()
    out = str(tmp_path / "o")
    result = CliRunner().invoke(
        app, ["build", "-l", "en", "--paper", written, "--project", str(root), "-o", out]
    )
    assert result.exit_code == 0, result.stdout + result.stderr
    expected = {"a4": PAPER["a4"], "a5": PAPER["a5"], "letter": PAPER["letter"]}[written.lower()]
    from pypdf import PdfReader

    box = PdfReader(tmp_path / "o" / "en" / "sample.pdf").pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == tuple(round(n) for n in expected)


def test_a_colour_may_name_its_own_print_value(tmp_path: Path) -> None:
    """A print shop wants small text on one plate: a colour may say what a print build
    prints it in (device CMYK, as written), and a screen build still shows its screen
    colour. The plain "#1f2a30" became C35 M13 K81, body text on three plates."""
    text = BUNDLED.replace(
        '  rule: "#c9d6da"', '  rule: {screen: "#c9d6da", print: "cmyk(0, 0, 0, 20)"}'
    ).replace('"cmyk(0, 0, 0, 72)"', '"cmyk(0, 90, 85, 35)"')
    path = project_theme(tmp_path, text)
    screen, press = load_theme(path), load_theme(path, colour_mode="cmyk")
    assert screen.colour("rule") == load_theme().colour("rule")
    assert press.colour("rule") == CMYK(0, 0, 0, 0.2)
    assert screen.callouts["warning"].label == load_theme().callouts["warning"].label
    assert press.callouts["warning"].label == CMYK(0, 0.9, 0.85, 0.35)


def test_the_bundled_text_colours_print_on_black_alone_as_light_as_on_screen() -> None:
    """Body text, footers and callout labels: K only in a print build, each as dark as
    its screen colour (the same relative luminance, to the whole percent, rounded to the
    darker), so the text's contrast is kept."""
    screen, press = load_theme(), load_theme(colour_mode="cmyk")
    texts = {
        name: (screen.colour(name), press.colour(name)) for name in ("ink", "muted", "accent-text")
    }
    texts |= {
        name: (box.label, press.callouts[name].label) for name, box in screen.callouts.items()
    }
    for name, (shown, printed) in texts.items():
        assert isinstance(printed, CMYK) and printed[:3] == (0, 0, 0), name
        assert relative_luminance(printed) <= relative_luminance(shown), name
        lighter = CMYK(0, 0, 0, printed.black - 0.01)
        assert relative_luminance(lighter) > relative_luminance(shown), name


def test_accent_text_is_the_accent_unless_a_theme_names_it(tmp_path: Path) -> None:
    """Small text in the brand teal (header title, kicker, FAQ questions, list numbers,
    links) printed on cyan, magenta and black. It has a colour of its own, printed on
    black alone by the bundled theme; the band and the rules keep the teal. A project
    theme written before it existed, or that does not name it, prints that text in its
    own accent, as before."""
    screen, press = load_theme(), load_theme(colour_mode="cmyk")
    assert screen.colour("accent-text") == screen.colour("accent")  # screens: unchanged
    assert press.colour("accent-text") == CMYK(0, 0, 0, 0.62)
    assert press.colour("accent") != press.colour("accent-text")
    lines = [line for line in BUNDLED.splitlines(keepends=True) if "accent-text:" not in line]
    own = "".join(lines).replace('accent: "#0b6e74"', 'accent: "#6a1b9a"')
    for mode in ("rgb", "cmyk"):
        theme = load_theme(project_theme(tmp_path, own), colour_mode=mode)
        assert theme.colour("accent-text") == theme.colour("accent"), mode


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('  rule: "#c9d6da"', '  rule: {screen: "#c9d6da", print: "#000000"}',
         "colours → rule → print: a print value is written cmyk(c, m, y, k)"),
        ('  rule: "#c9d6da"', '  rule: {screen: "#c9d6da", prnt: "cmyk(0, 0, 0, 20)"}',
         "unknown key 'prnt'"),
        ('  rule: "#c9d6da"', '  rule: {print: "cmyk(0, 0, 0, 20)"}',
         "colours → rule has no screen colour"),
        ('  rule: "#c9d6da"', '  rule: {screen: "#c9d6da", print: "cmyk(0, 0, 0, 120)"}',
         "CMYK percentages must be 0–100"),
        ('print: "cmyk(0, 0, 0, 72)"', 'print: "#8c1d18"',
         "colours → warning → label → print: a print value is written cmyk(c, m, y, k)"),
        ('  rule: "#c9d6da"', '  rule: {screen: "#c9d6da", print: "cmyk(100, 100, 100, 100)"}',
         "colours → rule → print: 400 % total ink is more than a press lays down (300 %)"),
        ('  rule: "#c9d6da"', '  rule: "cmyk(90, 90, 90, 60)"',
         "colours → rule: 330 % total ink is more than a press lays down (300 %)"),
    ],
    ids=["rgb-print", "typo", "no-screen", "over-100", "label", "over-ink", "over-ink-plain"],
)  # fmt: skip
def test_a_wrong_print_value_is_refused_at_its_line(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    text = BUNDLED.replace(old, new)
    line = text[: text.index(new)].count("\n") + 1
    for mode in ("rgb", "cmyk"):  # a screen build refuses it too: `check` finds it first
        with pytest.raises(LeafletError) as caught:
            load_theme(project_theme(tmp_path, text), colour_mode=mode)
        error = caught.value
        assert error.location.line == line and message in error.message, str(error)
        assert error.hint and not [w for w in PYTHON_WORDING if w in str(error)], str(error)


def test_a_print_value_below_the_floor_is_refused_before_printing(tmp_path: Path) -> None:
    """A print value too light to read is refused by `check` and by every build, not
    only by the print build that would print it."""
    from msc_leaflet.theme.theme import theme_problem

    path = project_theme(tmp_path, BUNDLED.replace('"cmyk(0, 0, 0, 62)"', '"cmyk(0, 0, 0, 30)"'))
    for mode in ("rgb", "cmyk"):
        with pytest.raises(LeafletError) as caught:
            load_theme(path, colour_mode=mode)
        assert "readability floor" in caught.value.message and "print" in caught.value.message
        assert caught.value.location.line == 16
    assert theme_problem(path) is not None


def test_a_missing_callout_is_named_with_an_example_in_theme_words(tmp_path: Path) -> None:
    """The example of a callout whose label has a print value is written as YAML, not as
    Python ("label: \"{'screen': …}\"")."""
    start = BUNDLED.index("  warning: {")
    text = BUNDLED[:start] + BUNDLED[BUNDLED.index("\n", start) + 1 :]
    with pytest.raises(LeafletError) as caught:
        load_theme(project_theme(tmp_path, text))
    assert "'warning' is missing" in caught.value.message
    assert 'label: {screen: "#8c1d18", print: "cmyk(0, 0, 0, 72)"}' in caught.value.hint
    assert "'screen'" not in caught.value.hint


RICH = '  rule: {screen: "#c9d6da", print: "cmyk(80, 70, 70, 100)"}'  # 320 %
NEWS = '  rule: {screen: "#c9d6da", print: "cmyk(70, 50, 50, 100)"}'  # 270 %


@pytest.mark.parametrize(
    ("intent", "rule", "refused"),
    [
        ("", RICH, "320 % total ink is more than a press lays down (300 %)"),
        ("{profile: p.icc, condition: FOGRA39}", RICH, None),
        ("{profile: p.icc, condition: FOGRA39L}", RICH, None),
        ("{profile: p.icc, condition: IFRA26}", NEWS,
         "270 % total ink is more than a press lays down (240 %, the limit of IFRA26)"),
        ("{profile: p.icc, condition: FOGRA39, ink-limit: 260}", NEWS,
         "270 % total ink is more than a press lays down (260 %, the output intent's "
         "ink-limit)"),
        ("{profile: p.icc, condition: CX-Press, ink-limit: 320}", RICH, None),
    ],
    ids=["none", "fogra39", "fogra39-lab", "newsprint", "stated", "stated-unknown"],
)  # fmt: skip
def test_the_ink_limit_is_the_print_shops(
    tmp_path: Path, intent: str, rule: str, refused: str | None
) -> None:
    """The ink limit was a fixed 300 %: a FOGRA39 theme's rich black of 320 % (coated
    sheet-fed offset lays down 330 %) was refused, and newsprint's 270 % passed though
    the newspaper press lays down 240. The limit is now the printing condition's that
    the theme's output intent names, or the one the shop states (`ink-limit:`); 300 %
    without either. A colour over it is refused at its line."""
    from icc_support import cmyk_profile

    (tmp_path / "p.icc").write_bytes(cmyk_profile())  # the print build converts with it
    text = BUNDLED.replace('  rule: "#c9d6da"', rule)
    text += f"output-intent: {intent}\n" if intent else ""
    line = text[: text.index(rule)].count("\n") + 1
    for mode in ("rgb", "cmyk"):
        if refused is None:
            load_theme(project_theme(tmp_path, text), colour_mode=mode)
            continue
        with pytest.raises(LeafletError) as caught:
            load_theme(project_theme(tmp_path, text), colour_mode=mode)
        assert caught.value.location.line == line and refused in caught.value.message


@pytest.mark.parametrize("limit", ["lots", "50", "420", "true"])
def test_an_ink_limit_that_no_press_has_is_refused(tmp_path: Path, limit: str) -> None:
    text = BUNDLED + f"output-intent: {{profile: p.icc, condition: X, ink-limit: {limit}}}\n"
    with pytest.raises(LeafletError) as caught:
        load_theme(project_theme(tmp_path, text))
    assert "ink-limit" in caught.value.message and caught.value.hint
    assert caught.value.location.line == text.count("\n")


def test_a_theme_loaded_again_is_read_again_once_its_file_changes(tmp_path: Path) -> None:
    """Each job of a batch asks for the theme; it is made once per version of its files
    (#20), so an edit between two jobs is what the next job prints."""
    path = project_theme(tmp_path, BUNDLED)
    first = load_theme(path, "a4", "rgb")
    assert load_theme(path, "a4", "rgb") is first
    assert load_theme(path, "a5", "rgb").page_size == PAPER["a5"]
    path.write_text(BUNDLED.replace("margins: {top: 14,", "margins: {top: 20,", 1), "utf-8")
    assert load_theme(path, "a4", "rgb").margins["top"] != first.margins["top"]
    path.write_text(BUNDLED.replace("margins: {top: 14,", "margins: {top: -14,", 1), "utf-8")
    with pytest.raises(LeafletError, match="margins"):
        load_theme(path, "a4", "rgb")


def test_a_kept_theme_still_checks_the_font_files_it_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A project theme's font files are not part of what a kept theme is kept by: one
    that breaks between two builds is refused by the second, at the theme's line."""
    from msc_leaflet.typeset import font_files

    fonts = tmp_path / "fonts"
    shutil.copytree(REPO / "src" / "msc_leaflet" / "data" / "fonts", fonts)
    monkeypatch.setattr(font_files, "data_path", lambda name: tmp_path / name)
    path = project_theme(tmp_path, BUNDLED)
    load_theme(path, "a4", "rgb")
    (fonts / "noto-sans-lao" / "NotoSansLao-Regular.ttf").write_text("not a font")
    with pytest.raises(LeafletError, match=r"NotoSansLao-Regular\.ttf") as raised:
        load_theme(path, "a4", "rgb")
    assert raised.value.location.path == path and raised.value.location.line > 0


def test_a_theme_is_what_it_was_after_the_builds_that_used_it(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """Builds share the theme they load; none of them may change it."""
    from msc_leaflet.theme import theme as theme_module

    root = make_project()
    kept = load_theme(None, "a4", "rgb")
    for locale in ("en", "th"):
        build_leaflet(Project(root), "sample", locale, tmp_path / "o")
    assert load_theme(None, "a4", "rgb") is kept
    fresh = theme_module._load(
        theme_module.default_theme_path(), theme_module.default_theme_path(), "a4", "rgb"
    )[1]
    assert fresh == kept


# --- a clinic adds the font of a new language's script to its own project -------------

CLINIC_FAMILY = """\
    ClinicLao:
      folder: clinic-lao
      regular: NotoSansLao-Regular.ttf
      bold: NotoSansLao-Bold.ttf
      italic: regular
      bold-italic: bold
  scripts:
"""


def _clinic_font_project(root: Path) -> None:
    """The languages fixture with a theme that sets Lao in a family the project itself
    holds, in ``fonts/clinic-lao/`` (a clinic's own font for a script: Korean's, say)."""
    shutil.copytree(REPO / "tests" / "fixtures" / "languages", root)
    theme = BUNDLED.replace("  scripts:\n", CLINIC_FAMILY, 1)
    theme = theme.replace("    Laoo: NotoSansLao", "    Laoo: ClinicLao", 1)
    project_theme(root, theme)


def test_a_project_sets_a_script_in_a_font_it_holds_in_its_own_fonts_folder(
    tmp_path: Path,
) -> None:
    """A clinic adding Korean has no font package for Hangul and cannot write into the
    installed msc_leaflet: a family's `folder:` named only msc_leaflet/data/fonts, so
    the hint "add a font family that has Hangul" had nowhere to point. A project
    theme's `folder:` is now read from the project's own ``fonts/`` first, and the
    manifest names those files by their place in the project."""
    import json

    from msc_leaflet.build import run_batch
    from test_languages_editions import notdef_glyphs

    root = tmp_path / "clinic"
    _clinic_font_project(root)
    carried = REPO / "src" / "msc_leaflet" / "data" / "fonts" / "noto-sans-lao"
    shutil.copytree(carried, root / "fonts" / "clinic-lao")
    out = tmp_path / "out"
    report = run_batch(Project.at(root), ["after-your-infusion"], ["lo"], out_dir=out)
    assert [outcome.status for outcome in report.outcomes] == ["built"], report
    entries = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["outputs"]
    names = {name for entry in entries.values() for name in entry["inputs"]}
    assert "fonts/clinic-lao/NotoSansLao-Regular.ttf" in names, sorted(names)
    assert notdef_glyphs(out / "lo" / "after-your-infusion.pdf") == []


def test_a_font_folder_that_is_nowhere_says_where_to_put_it(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from msc_leaflet.cli.app import app

    root = tmp_path / "clinic"
    _clinic_font_project(root)
    for command in (["check"], ["build", "-l", "lo", "-o", str(tmp_path / "o")]):
        result = CliRunner().invoke(app, [*command, "--project", str(root)])
        output = result.stdout + result.stderr
        assert result.exit_code == 1 and "internal error" not in output, output
        assert re.search(r"theme\.yaml:\d+:\d+: error: (LOAD004: )?fonts: family ClinicLao", output)
        assert "put the font files in fonts/clinic-lao/" in output, output
    assert not list((tmp_path / "o").rglob("*.pdf"))
