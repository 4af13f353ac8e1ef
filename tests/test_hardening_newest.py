"""Hostile input to the newest features: XLIFF files from CAT tools with BCP 47 tags as
real tools write them (docs/hardening.md, "The newest features")."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pypdf
import pytest

from conftest import leaflet_yaml
from i18n_support import copy_bundled, invoke


@pytest.fixture
def bundled(tmp_path: Path) -> Path:
    return copy_bundled(tmp_path)


def _catalogs(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.glob("locales/*/*/*.po"))}


def _retagged(root: Path, tmp_path: Path, locale: str, tag: str | None) -> Path:
    """The export of ``locale``'s infusion-safety catalog, its target-language set to
    ``tag`` (left out when None), with one translation changed so an import shows."""
    out = tmp_path / "x"
    code, output = invoke("i18n", "export", "-l", locale, "-o", str(out), "--project", str(root))
    assert code == 0, output
    xlf = out / f"infusion-safety.{locale}.xlf"
    text = xlf.read_text("utf-8")
    own = f'target-language="{locale.replace("_", "-")}"'
    assert own in text
    text = text.replace(own, f'target-language="{tag}"' if tag is not None else "")
    head, _, rest = text.partition("</source>")
    _, _, rest = rest.partition("<note")  # the first unit's target, translated or empty
    xlf.write_text(f'{head}</source><target state="translated">NEW</target><note{rest}', "utf-8")
    return xlf


@pytest.mark.parametrize(
    ("locale", "tag"),
    [
        ("th", "th-TH-u-nu-thai"),  # a Unicode extension: Thai digits, still Thai
        ("th", "th-x-clinic"),  # a CAT tool's private-use subtag
        ("th", "TH-th"),
        ("zh_TW", "zh-Hant-TW"),  # the full BCP 47 form of the zh_TW folder's locale
        ("zh_TW", "zh-hant-tw-x-memoq"),
    ],
)
def test_a_cat_tools_bcp_47_tag_for_the_catalogs_locale_is_imported(
    bundled: Path, tmp_path: Path, locale: str, tag: str
) -> None:
    # zh-Hant-TW into zh_TW and th-TH-u-nu-thai into th were refused as another
    # language's file ("the XLIFF file is for 'zh-Hant-TW', the catalog for zh_TW").
    if locale != "th":
        assert invoke("i18n", "init", locale, "--project", str(bundled))[0] == 0
    xlf = _retagged(bundled, tmp_path, locale, tag)
    po = bundled / "locales" / locale / "LC_MESSAGES" / "infusion-safety.po"
    for given in (["-l", locale], []):
        code, output = invoke("i18n", "import", str(xlf), *given, "--project", str(bundled))
        assert code == 0, output
        assert "1 changed" in output or "0 changed" in output
        assert 'msgstr "NEW"' in po.read_text("utf-8")


@pytest.mark.parametrize(
    ("locale", "tag"),
    [("zh_TW", "zh-Hans-TW"), ("zh_TW", "zh-CN"), ("th", "x-th"), ("th", "lo-x-th")],
)
def test_a_tag_of_another_language_or_script_is_still_refused(
    bundled: Path, tmp_path: Path, locale: str, tag: str
) -> None:
    if locale != "th":
        assert invoke("i18n", "init", locale, "--project", str(bundled))[0] == 0
    xlf = _retagged(bundled, tmp_path, locale, tag)
    before = _catalogs(bundled)
    code, output = invoke("i18n", "import", str(xlf), "-l", locale, "--project", str(bundled))
    assert code == 1, output
    assert f"{xlf}:3: error: the XLIFF file is for '{tag}', the catalog for {locale}" in output
    assert "Traceback" not in output and _catalogs(bundled) == before


def test_a_file_with_no_target_language_is_refused_at_its_file_element(
    bundled: Path, tmp_path: Path
) -> None:
    # XLIFF 1.2 makes target-language optional; the file was refused at line 1 as
    # "for 'no language'", which named no attribute to add.
    xlf = _retagged(bundled, tmp_path, "th", None)
    before = _catalogs(bundled)
    code, output = invoke("i18n", "import", str(xlf), "-l", "th", "--project", str(bundled))
    assert code == 1, output
    assert f"{xlf}:3: error: the XLIFF file names no target language" in output
    assert 'add target-language="th" to this <file> element' in output
    assert "Traceback" not in output and _catalogs(bundled) == before


def _export_th(root: Path, tmp_path: Path) -> bytes:
    out = tmp_path / "x"
    code, output = invoke("i18n", "export", "-l", "th", "-o", str(out), "--project", str(root))
    assert code == 0, output
    return (out / "infusion-safety.th.xlf").read_bytes()


@pytest.mark.parametrize(
    ("cut", "element"),
    [
        (lambda d: d[: len(d) // 2], None),  # half a download
        (lambda d: d[: d.index("ข้อมูล".encode()) + 2], "target"),  # inside a Thai letter
        (lambda d: d[: d.index(b"<source>") + 4], "trans-unit"),  # inside a tag
        (lambda d: d.rsplit(b"</xliff>", 1)[0], "xliff"),  # the last line lost
    ],
)
def test_a_file_cut_short_is_said_so_with_the_element_left_open(
    bundled: Path, tmp_path: Path, cut: object, element: str | None
) -> None:
    # expat's own words were all the user got: "not well-formed XML: no element found"
    # (or "unclosed token"), with no hint.
    assert callable(cut)
    xlf = tmp_path / "cut.xlf"
    xlf.write_bytes(cut(_export_th(bundled, tmp_path)))
    before = _catalogs(bundled)
    code, output = invoke("i18n", "import", str(xlf), "-l", "th", "--project", str(bundled))
    assert code == 1, output
    first = output.splitlines()[0]
    assert first.startswith(f"{xlf}:") and "the XLIFF file stops before its end: <" in first
    assert ": it was cut short" in first, first
    if element:
        assert f"<{element}>, opened on line" in first
    assert "get the whole file again" in output and "no element found" not in output
    assert _catalogs(bundled) == before


def test_an_empty_or_broken_file_is_said_so_with_what_to_do(bundled: Path, tmp_path: Path) -> None:
    data = _export_th(bundled, tmp_path)
    empty, broken = tmp_path / "empty.xlf", tmp_path / "broken.xlf"
    empty.write_bytes(b" \n")
    bad = data.replace(b"<source>Patient", b"<source>Pat<ient", 1)
    broken.write_bytes(bad)
    line = bad[: bad.index(b"<ient")].count(b"\n") + 1
    # The column where the XML stops making sense: the tag opened by the stray "<",
    # whose text "information" is read as an attribute with no "=" (at the "<" of </source>).
    column = bad.split(b"\n")[line - 1].index(b"</source>") + 1
    before = _catalogs(bundled)
    code, output = invoke("i18n", "import", str(empty), "-l", "th", "--project", str(bundled))
    assert code == 1 and f"{empty}:1: error: the XLIFF file is empty" in output, output
    code, output = invoke("i18n", "import", str(broken), "-l", "th", "--project", str(bundled))
    assert code == 1 and f"{broken}:{line}:{column}: error: not well-formed XML" in output, output
    assert "export it again, or fix the XML at this line" in output
    assert _catalogs(bundled) == before


def test_a_catalog_of_millions_of_short_lines_is_refused_at_once(bundled: Path) -> None:
    # A 17 MB catalog whose one msgstr was 2.5 million lines of a Thai syllable each
    # (under the 20 MB limit) took `i18n update` 3 minutes and 910 MB, `i18n check`
    # more than 5 minutes, for a text no leaflet could print.
    po = bundled / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
    text = po.read_text("utf-8")
    old = 'msgstr "ข้อมูลสำหรับผู้ป่วย"'
    assert old in text
    po.write_text(text.replace(old, 'msgstr ""\n' + '"ก "\n' * 300_000, 1), "utf-8")
    before = _catalogs(bundled)
    for command in (["i18n", "update"], ["i18n", "compile"], ["build", "infusion-safety"]):
        code, output = invoke(*command, "--project", str(bundled))
        assert code == 1, output
        assert "infusion-safety.po:250001: error: file has 300," in output, output
        assert "lines; the limit is 250,000" in output and "Traceback" not in output
        assert _catalogs(bundled) == before


def test_the_width_of_a_wrapped_catalog_is_read_from_its_first_lines() -> None:
    # Every line of every string was measured (line breaking included) at each parse.
    from msc_leaflet.i18n.pofile import as_written
    from msc_leaflet.i18n.wrapping import file_width

    given = 0
    line = ("", "ก ข ค ง จ ฉ ช ซ ฌ ญ ฎ ฏ ฐ ฑ ฒ ณ ด ต ถ ท ธ น บ ป ผ ฝ พ ฟ ภ ม ย ร ล ว ", "ศ")

    def strings(count: int) -> Iterator[tuple[int, tuple[str, ...]]]:
        nonlocal given
        for _ in range(count):
            given += 1
            yield 0, line

    few = file_width(strings(100), as_written)
    given = 0
    assert file_width(strings(1_000_000), as_written) == few
    assert given < 10_000


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "See [our page](https://example.org/after care) today.",
            "link target 'https://example.org/after care' holds a space",
        ),
        (
            "See [our page](https://example.org/page today.",
            "the link to 'https://example.org/page today.' is not closed with ')'",
        ),
        (
            "See [the article](https://en.wikipedia.org/wiki/A_(b_(c))) today.",
            "has brackets nested deeper than one pair",
        ),
    ],
)
def test_a_link_the_writer_meant_is_refused_not_printed_as_markup(
    make_project: Callable[..., Path], text: str, message: str
) -> None:
    # The page printed "[our page](https://example.org/after care)" as typed, with no
    # link, and the build ended 0 without a word.
    root = make_project({"sample": leaflet_yaml(f"- paragraph: {text}\n", references="")})
    code, output = invoke("build", "sample", "--project", str(root))
    assert code == 1, output
    assert "leaflets/sample.yaml:" in output and message in output, output
    assert "printed as typed" in output or "closing )" in output
    assert not list(root.glob("build/**/*.pdf"))


def test_words_in_brackets_and_parentheses_stay_text(make_project: Callable[..., Path]) -> None:
    text = "Ask us [at the desk] (any day), or see [the list] (page 2)."
    root = make_project({"sample": leaflet_yaml(f"- paragraph: {text}\n", references="")})
    code, output = invoke("build", "sample", "--project", str(root))
    assert code == 0, output


def test_a_link_beyond_ascii_opens_the_address_it_prints(
    make_project: Callable[..., Path],
) -> None:
    # A PDF link's URI is 7-bit ASCII; a Thai path and host were written as typed, which
    # readers decode as PDFDocEncoding or Latin-1: another page, or none.
    text = "See [the news](https://ศิริราช.ไทย/ข่าว) and [this](https://example.org/שלום?q=ก)."
    root = make_project({"sample": leaflet_yaml(f"- paragraph: {text}\n", references="")})
    code, output = invoke("build", "sample", "--project", str(root))
    assert code == 0, output
    (pdf,) = root.glob("build/**/sample.pdf")
    uris = {
        str(annot.get_object()["/A"]["/URI"])
        for page in pypdf.PdfReader(pdf).pages
        for annot in page.get("/Annots") or []
        if "/A" in annot.get_object() and "/URI" in annot.get_object()["/A"]
    }
    thai_host = "https://xn--b3c3cas6cjb.xn--o3cw4h/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7"
    assert thai_host in uris, uris
    assert "https://example.org/%D7%A9%D7%9C%D7%95%D7%9D?q=%E0%B8%81" in uris, uris
    assert all(uri.isascii() for uri in uris)


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ("- table:\n    header: [Marker, Expected]\n    rows: []\n", "'rows' is an empty list"),
        ("- callout: []\n  kind: warning\n  title: Before you go home\n", "is an empty list"),
        ("- list: []\n", "'list' is an empty list"),
    ],
)
def test_an_empty_list_says_what_to_write(
    make_project: Callable[..., Path], block: str, message: str
) -> None:
    # A table of no rows, a callout of only its title: the message had no hint.
    root = make_project({"sample": leaflet_yaml(block, references="")})
    code, output = invoke("build", "sample", "--project", str(root))
    assert code == 1, output
    assert "leaflets/sample.yaml:" in output and message in output, output
    assert "hint: write at least one item under it, each on a line starting with '- '" in output


@pytest.mark.parametrize(
    ("comment", "named"),
    [
        ("# , fuzzy", True),  # a space typed after the #
        ("#; fuzzy", True),
        ("# fuzzy", True),
        ("#  ,Fuzzy, c-format", True),
        ("# this was fuzzy before the review", False),  # a comment that says so
        ("# funny", False),
    ],
)
def test_a_comment_meant_as_a_fuzzy_mark_is_named(bundled: Path, comment: str, named: bool) -> None:
    # gettext reads flags only from "#," lines: "# , fuzzy" is a translator's comment,
    # the translation was printed as done, and `i18n check` said nothing.
    po = bundled / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
    text = po.read_text("utf-8")
    po.write_text(text.replace('msgctxt "title"', f'{comment}\nmsgctxt "title"', 1), "utf-8")
    line = po.read_text("utf-8").splitlines().index(comment) + 1
    code, output = invoke("i18n", "check", "--project", str(bundled))
    assert code == 0, output  # a warning, as a misspelt mark is
    found = [row for row in output.splitlines() if "I18N018" in row]
    if not named:
        assert not found, output
        return
    assert found == [
        f"{po}:{line}: warning: I18N018: title: the "
        f"comment {comment!r} is no flag line: gettext reads flags only from a line "
        "starting '#,', so the translation is printed as done"
    ], output
    assert "hint: write '#, fuzzy' (no space between # and the comma)" in output


def test_an_xliff_2_file_with_no_trglang_names_the_attribute_2_0_writes(
    bundled: Path, tmp_path: Path
) -> None:
    # The hint named 1.2's target-language on <file>, which an XLIFF 2.0 file has not.
    from test_i18n_xliff2 import as_2_0, exported

    xlf = exported(bundled, tmp_path / "x")
    two = tmp_path / "two.xlf"
    two.write_text(as_2_0(xlf).replace(' trgLang="th"', ""), "utf-8")
    before = _catalogs(bundled)
    code, output = invoke("i18n", "import", str(two), "-l", "th", "--project", str(bundled))
    assert code == 1, output
    assert f"{two}:3: error: the XLIFF file names no target language" in output, output
    assert 'add trgLang="th" to the <xliff> element (line 2)' in output
    assert _catalogs(bundled) == before
