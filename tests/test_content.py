"""The YAML reader and content validation: every error names file, line and column."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import REFERENCES, leaflet_yaml
from msc_leaflet.content import model as m
from msc_leaflet.content import yaml_source
from msc_leaflet.content.inline import WEB_SCHEMES, link_refusal
from msc_leaflet.content.loader import load_leaflet
from msc_leaflet.errors import Finding, LeafletError
from msc_leaflet.project import Project

GOOD = "- paragraph: Hello [@alpha2001] and [@gamma2002; @delta2003].\n"


def load(make_project: Callable[..., Path], text: str) -> tuple[m.Leaflet, list[Finding]]:
    root = make_project({"sample": text})
    project = Project.at(root)
    return load_leaflet(project.leaflet_path("sample"), project)


def error_of(make_project: Callable[..., Path], text: str | bytes) -> LeafletError:
    root = make_project({"sample": "placeholder"})
    path = root / "leaflets" / "sample.yaml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    project = Project.at(root)
    with pytest.raises(LeafletError) as info:
        load_leaflet(path, project)
    return info.value


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_valid_leaflet_loads_into_model(make_project: Callable[..., Path]) -> None:
    leaflet, findings = load(make_project, leaflet_yaml(GOOD))
    assert leaflet.id == "sample"
    assert leaflet.document.version == "2.1"
    assert isinstance(leaflet.blocks[0], m.Paragraph)
    assert leaflet.blocks[0].text.context == "paragraph/1"
    assert leaflet.organisation.name == "Test Clinic"
    assert findings == []


def test_texts_walk_in_reading_order(make_project: Callable[..., Path]) -> None:
    leaflet, _ = load(make_project, leaflet_yaml(GOOD))
    contexts = [t.context for t in m.texts(leaflet)]
    assert contexts[:4] == ["kicker", "title", "subtitle", "lede"]
    assert (
        contexts.index("paragraph/1")
        < contexts.index("disclaimer")
        < contexts.index("ref/alpha2001/title")
    )


def test_unknown_key_suggests_the_right_one(make_project: Callable[..., Path]) -> None:
    text = leaflet_yaml(GOOD).replace("subtitle:", "subtitel:")
    err = error_of(make_project, text)
    assert "unknown key 'subtitel'" in err.message
    assert "did you mean 'subtitle'" in err.hint
    assert (err.location.line, err.location.column) == (line_of(text, "subtitel"), 1)


def test_unknown_block_kind(make_project: Callable[..., Path]) -> None:
    err = error_of(make_project, leaflet_yaml("- paragrap: Hello\n"))
    assert "unknown block kind 'paragrap'" in err.message and "paragraph" in err.hint


def test_missing_required_field(make_project: Callable[..., Path]) -> None:
    text = leaflet_yaml(GOOD).replace("disclaimer: This is not medical advice.\n", "")
    err = error_of(make_project, text)
    assert "missing required key 'disclaimer'" in err.message
    assert err.location.line == 1


@pytest.mark.parametrize(
    ("blocks", "written"),
    [
        ("- list:\n    - Lab rule: the cells stick to plastic.\n", "- Lab rule: the"),
        ("- table:\n    header: [A, B]\n    rows:\n      - [Claim: new tissue, No]\n", "Claim:"),
        ("- faq:\n    - q: Why?\n      a:\n        - Note: ask your doctor.\n", "- Note:"),
    ],
    ids=["list item", "table cell", "faq answer"],
)
def test_text_with_a_colon_is_told_to_be_quoted(
    make_project: Callable[..., Path], blocks: str, written: str
) -> None:
    # "- Lab rule: the cells …" is a YAML mapping, not text: the loader said the item
    # "must be non-empty text", though it plainly held text, and gave no hint; clinic
    # staff write "Note:", "Tip:", "Claim:" at the start of items all the time.
    text = leaflet_yaml(blocks, references="")
    err = error_of(make_project, text)
    assert "non-empty" not in err.message
    assert "colon" in err.message and "quote" in err.hint
    assert err.location.line == line_of(text, written)


def test_a_nested_list_is_told_to_be_a_list_of_its_own(make_project: Callable[..., Path]) -> None:
    # A numbered list written inside a bulleted one "must be non-empty text".
    text = leaflet_yaml("- list:\n    - One\n    - - Two\n      - Three\n", references="")
    err = error_of(make_project, text)
    assert "non-empty" not in err.message and "list" in err.message
    assert "list" in err.hint and "after" in err.hint
    assert err.location.line == line_of(text, "- - Two")


def test_wrong_type(make_project: Callable[..., Path]) -> None:
    text = leaflet_yaml(GOOD).replace("title: A sample leaflet", "title: [A, list]")
    err = error_of(make_project, text)
    assert "'title' must be non-empty text" in err.message
    assert err.location.line == line_of(text, "title: [A")


def test_bad_date(make_project: Callable[..., Path]) -> None:
    err = error_of(make_project, leaflet_yaml(GOOD).replace("2027-01-01", "next year"))
    assert "'next_review' must be a date" in err.message


def test_duplicate_key_is_an_error(make_project: Callable[..., Path]) -> None:
    text = leaflet_yaml(GOOD).replace(
        "audience: Testers\n", "audience: Testers\naudience: Others\n"
    )
    err = error_of(make_project, text)
    assert "duplicate key 'audience'" in err.message
    assert err.location.line == line_of(text, "audience: Others")


def test_citation_to_missing_reference(make_project: Callable[..., Path]) -> None:
    text = leaflet_yaml("- paragraph: See [@nobody2020].\n")
    err = error_of(make_project, text)
    assert "[@nobody2020] has no matching reference" in err.message
    assert err.location.line == line_of(text, "nobody2020")


def test_uncited_reference_is_a_warning(make_project: Callable[..., Path]) -> None:
    _, findings = load(make_project, leaflet_yaml("- paragraph: Cites [@alpha2001] only.\n"))
    assert sorted(f.message for f in findings) == [
        "reference 'delta2003' is never cited",
        "reference 'gamma2002' is never cited",
    ]
    assert all(f.severity == "warning" and f.location.line > 0 for f in findings)


def test_malformed_markup_points_at_the_column(make_project: Callable[..., Path]) -> None:
    text = leaflet_yaml("- paragraph: Some **bold text\n")
    err = error_of(make_project, text)
    assert "never closed" in err.message
    assert err.location.line == line_of(text, "**bold")
    assert err.location.column == len("  - paragraph: Some ") + 1


def test_javascript_links_are_refused(make_project: Callable[..., Path]) -> None:
    err = error_of(make_project, leaflet_yaml("- paragraph: '[click](javascript:alert(1))'\n"))
    assert "not allowed" in err.message


@pytest.mark.parametrize(
    "url",
    [
        "javascript:app.alert(1)",
        "JAVASCRIPT:alert(1)",
        "file:///etc/passwd",
        "data:text/html,x",
        "http://",
        "https:// example.org",
        "www.example.org/study",
        "https://[::1/x",
    ],
)
def test_a_reference_or_leaflet_address_must_be_a_web_address(
    make_project: Callable[..., Path], url: str
) -> None:
    """A reference's and a leaflet's url become links in the PDF, as an inline link
    does: a script or a local file one click away is refused, as it is there."""
    reference = REFERENCES.replace("    pages: 3-4\n", f"    pages: 3-4\n    url: {url!r}\n")
    text = leaflet_yaml("- paragraph: See [@alpha2001].\n", references=reference)
    err = error_of(make_project, text)
    assert err.message == f"'url' is not a web address: {url!r}"
    assert err.location.line == line_of(text, "url:")
    err = error_of(make_project, leaflet_yaml("- paragraph: Hi.\n", extra=f"url: {url!r}\n"))
    assert err.message == f"'url' is not a web address: {url!r}"


@pytest.mark.parametrize(
    "url",
    [
        "https://clinic.example@evil.example/consent",
        "https://user:secret@clinic.example/",
        "http://clinic.example%2F@evil.example",
    ],
)
def test_a_web_address_with_a_name_before_its_host_is_refused(
    make_project: Callable[..., Path], url: str
) -> None:
    """ "https://clinic.example@evil.example" reads as the clinic's address to a reviewer
    and a patient, and opens evil.example: what stands before an @ is a user name. No
    leaflet link needs one (a password in it would be printed for anyone), so every
    link, inline or a reference's address, is refused with the host it would open."""
    err = error_of(make_project, leaflet_yaml(f"- paragraph: See [our page]({url}).\n"))
    assert "evil.example" in err.hint or "clinic.example" in err.hint
    assert "@" in err.hint
    reference = REFERENCES.replace("    pages: 3-4\n", f"    pages: 3-4\n    url: {url!r}\n")
    text = leaflet_yaml("- paragraph: See [@alpha2001].\n", references=reference)
    err = error_of(make_project, text)
    assert err.message == f"'url' is not a web address: {url!r}"
    assert err.location.line == line_of(text, "url:")
    assert link_refusal("mailto:info@clinic.example") == ""
    assert link_refusal("https://clinic.example/@team") == ""


@pytest.mark.parametrize(
    ("raw", "line"),
    [
        (b"id: a\n---\nid: b\n", 2),
        (b"id: a\ntitle: Cells: what they do\n", 2),
        (b'id: a\ntitle: "Cells\nlede: x\n', 2),
        (b'id: a\ntitle: "\\ud800"\n', 2),
        (b"id: a\ntitle: [one, two\n", 3),
        (b"id: a\ntitle: @home\n", 2),
    ],
)
def test_invalid_yaml_names_the_line_and_what_to_do(
    make_project: Callable[..., Path], raw: bytes, line: int
) -> None:
    err = error_of(make_project, raw)
    assert err.message.startswith("invalid YAML: ")
    assert err.location.line == line
    assert err.hint


def test_a_key_indented_too_deep_is_told_as_indentation(
    make_project: Callable[..., Path],
) -> None:
    """libyaml reads an over-indented key as more of the value above and says "mapping
    values are not allowed": the hint was to quote a value, not to fix the indentation."""
    err = error_of(make_project, b"id: a\ntitle: A title\n  lede: x\n")
    assert err.location.line == 3
    assert "'lede:' is indented deeper than the line above" in err.message
    assert "same column" in err.hint
    colon = error_of(make_project, b"id: a\ntitle: Cells: what they do\n")
    assert colon.hint == 'put the whole value in quotes: title: "Cells: what they do"'


@pytest.mark.parametrize(
    "problem",
    [
        "but found another document",
        "mapping values are not allowed in this context",
        "found invalid Unicode character escape code",
        "found unknown escape character",
        "found unexpected end of stream",
        "did not find expected key",
        "did not find expected ',' or ']'",
        "found undefined alias",
        "found character that cannot start any token",
    ],
)
def test_a_yaml_problem_is_told_in_our_words(problem: str) -> None:
    """libyaml's words are a parser's ("mapping values", "stream", "token"): each problem
    it reports for a leaflet is told as what the editor sees, with what to do."""
    meaning, hint = yaml_source._explained(problem, "a: b\n", 1, 1)
    assert meaning != problem and hint != yaml_source._ANY_PROBLEM
    assert not {"mapping", "stream", "token", "scalar"} & set(meaning.split())


def test_a_web_address_in_capitals_is_one() -> None:
    assert link_refusal("HTTPS://Example.org/Study?id=1#top", WEB_SCHEMES) == ""
    assert link_refusal("http://192.0.2.1:8080/", WEB_SCHEMES) == ""


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"\xef\xbb\xbfid: sample\n", "byte-order mark"),
        (b"id: sample\ntitle: caf\xe9\n", "not valid UTF-8"),
        (b"id: sample\n\ttitle: x\n", "invalid YAML"),
        (b"a: &x [1]\nb: *x\n", "anchors"),
        (b"", "file is empty"),
    ],
)
def test_bad_bytes_are_reported_with_position(
    make_project: Callable[..., Path], raw: bytes, message: str
) -> None:
    err = error_of(make_project, raw)
    assert message in err.message
    assert err.location.line >= 1


def test_billion_laughs_fails_fast(make_project: Callable[..., Path]) -> None:
    lines = ['a0: &a0 ["lol"]'] + [
        f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}]" for i in range(1, 30)
    ]
    err = error_of(make_project, "\n".join(lines) + "\n")
    assert "anchors" in err.message


def test_id_must_match_file_name(make_project: Callable[..., Path]) -> None:
    err = error_of(make_project, leaflet_yaml(GOOD, leaflet_id="other"))
    assert "does not match the file name" in err.message


def test_figure_outside_project_is_refused(make_project: Callable[..., Path]) -> None:
    err = error_of(make_project, leaflet_yaml("- figure: ../../etc/passwd\n  alt: x\n"))
    assert "outside the project" in err.message


def test_table_rows_must_match_header(make_project: Callable[..., Path]) -> None:
    blocks = "- table:\n    header: [A, B]\n    rows:\n      - [1, 2]\n      - [3]\n"
    err = error_of(make_project, leaflet_yaml(blocks))
    assert "row 2 must be a list of 2 cells" in err.message


def test_bundled_leaflets_load_cleanly() -> None:
    from conftest import REPO

    project = Project.at(REPO)
    assert len(project.leaflet_ids()) == 5
    for leaflet_id in project.leaflet_ids():
        _leaflet, findings = load_leaflet(project.leaflet_path(leaflet_id), project)
        assert findings == [], leaflet_id


def test_huge_image_is_refused_before_decoding(make_project: Callable[..., Path]) -> None:
    import zlib

    root = make_project({"sample": leaflet_yaml("- figure: big.png\n  alt: A picture.\n")})

    # A valid PNG header claiming 20,000 × 20,000 px: only the header may be read.
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")
        )

    ihdr = (20_000).to_bytes(4, "big") * 2 + bytes([8, 2, 0, 0, 0])
    (root / "big.png").write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b"")
    )
    project = Project.at(root)
    with pytest.raises(LeafletError) as info:
        load_leaflet(project.leaflet_path("sample"), project)
    assert "20,000 × 20,000 px" in info.value.message


def test_not_an_image(make_project: Callable[..., Path]) -> None:
    root = make_project({"sample": leaflet_yaml("- figure: fake.png\n  alt: A picture.\n")})
    (root / "fake.png").write_text("hello")
    project = Project.at(root)
    with pytest.raises(LeafletError, match="not a readable image"):
        load_leaflet(project.leaflet_path("sample"), project)


def test_too_many_table_columns(make_project: Callable[..., Path]) -> None:
    header = ", ".join(f"C{i}" for i in range(9))
    row = ", ".join(str(i) for i in range(9))
    blocks = f"- table:\n    header: [{header}]\n    rows:\n      - [{row}]\n"
    err = error_of(make_project, leaflet_yaml(blocks))
    assert "9 columns" in err.message


def test_an_edit_is_read_even_at_the_same_size_and_time(
    make_project: Callable[..., Path],
) -> None:
    # Parsed trees are reused while a file is unchanged (yaml_source._parse_once): an
    # edit that keeps the size and the modification time must still be seen.
    root = make_project({"sample": leaflet_yaml("- paragraph: Version one.\n")})
    project = Project.at(root)
    path = project.leaflet_path("sample")
    first, _ = load_leaflet(path, project)
    stat = path.stat()
    path.write_text(path.read_text("utf-8").replace("one", "two"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size
    second, _ = load_leaflet(path, project)
    assert [b.text.value for b in first.blocks if isinstance(b, m.Paragraph)] == ["Version one."]
    assert [b.text.value for b in second.blocks if isinstance(b, m.Paragraph)] == ["Version two."]


def test_every_block_kind_has_its_keys() -> None:
    from typing import get_args

    from msc_leaflet.content.loader import BLOCK_KEYS, BlockKind

    assert list(BLOCK_KEYS) == list(get_args(BlockKind))


def test_a_block_kind_without_a_branch_is_not_read_as_a_figure(
    make_project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # mypy reports the missing branch (`assert_never`); were it ignored, the block must
    # stop the load instead of reaching the figure reader as it once did.
    from msc_leaflet.content import loader

    monkeypatch.setitem(loader.BLOCK_KEYS, "steps", ())  # type: ignore[index, misc]
    root = make_project({"sample": leaflet_yaml("- steps: Wash your hands.\n")})
    project = Project.at(root)
    with pytest.raises(AssertionError, match="steps"):
        load_leaflet(project.leaflet_path("sample"), project)


def picture(root: Path, name: str = "photo.png") -> None:
    from PIL import Image

    Image.new("RGB", (40, 30), "teal").save(root / name)


def test_heading_levels(make_project: Callable[..., Path]) -> None:
    blocks = "- heading: A section\n- heading: A part of it\n  level: 3\n- paragraph: Text.\n"
    leaflet, _ = load(make_project, leaflet_yaml(blocks))
    levels = [(b.text.value, b.level) for b in leaflet.blocks if isinstance(b, m.Heading)]
    assert levels == [("A section", 2), ("A part of it", 3)]
    part = leaflet.blocks[1]
    assert isinstance(part, m.Heading)
    assert part.text.comment.startswith("Subheading; also a PDF bookmark.")


@pytest.mark.parametrize(
    ("level", "message", "hint"),
    [
        ("5", "heading level must be 2, 3 or 4, not 5", "more sections"),
        ("1", "heading level must be 2, 3 or 4, not 1", "level 1 is the leaflet's title"),
        ("three", "'level' must be a whole number, not 'three'", ""),
    ],
)
def test_heading_level_out_of_range_names_file_and_line(
    make_project: Callable[..., Path], level: str, message: str, hint: str
) -> None:
    text = leaflet_yaml(f"- heading: Too deep\n  level: {level}\n")
    err = error_of(make_project, text)
    assert err.message == message and hint in err.hint
    assert err.location.path.name == "sample.yaml"
    line = line_of(text, "level:")
    column = text.splitlines()[line - 1].index(level) + 1
    assert (err.location.line, err.location.column) == (line, column)


def test_heading_written_as_a_mapping_says_where_the_level_goes(
    make_project: Callable[..., Path],
) -> None:
    text = leaflet_yaml("- heading: {text: A part, level: 3}\n")
    err = error_of(make_project, text)
    assert "a heading's value is its text" in err.message
    assert "'level: 3'" in err.hint
    assert err.location.line == line_of(text, "heading:")


def test_decorative_figure_needs_no_alt(make_project: Callable[..., Path]) -> None:
    root = make_project({"sample": leaflet_yaml("- figure: photo.png\n  decorative: true\n")})
    picture(root)
    project = Project.at(root)
    leaflet, _ = load_leaflet(project.leaflet_path("sample"), project)
    figure = leaflet.blocks[0]
    assert isinstance(figure, m.Figure)
    assert figure.decorative and figure.alt is None
    assert "figure/1/alt" not in [t.context for t in m.texts(leaflet)]


def test_figure_without_alt_or_decorative_is_refused_at_its_block(
    make_project: Callable[..., Path],
) -> None:
    text = leaflet_yaml("- paragraph: First.\n- figure: photo.png\n  caption: Our clinic.\n")
    root = make_project({"sample": text})
    picture(root)
    project = Project.at(root)
    with pytest.raises(LeafletError) as info:
        load_leaflet(project.leaflet_path("sample"), project)
    assert info.value.message.startswith("figure has no 'alt:' text")
    assert "'decorative: true'" in info.value.hint
    assert info.value.location.line == line_of(text, "figure:")


def test_decorative_figure_with_alt_is_refused(make_project: Callable[..., Path]) -> None:
    text = leaflet_yaml("- figure: photo.png\n  alt: Our clinic.\n  decorative: true\n")
    root = make_project({"sample": text})
    picture(root)
    project = Project.at(root)
    with pytest.raises(LeafletError) as info:
        load_leaflet(project.leaflet_path("sample"), project)
    assert "a decorative figure has no description" in info.value.message
    assert info.value.location.line == line_of(text, "alt:")


def _line(text: str, start: str, after: int = 0) -> int:
    """The line of the first line starting with ``start`` (stripped) below line ``after``."""
    lines = text.split("\n")
    return next(n for n in range(after + 1, len(lines) + 1) if lines[n - 1].strip() == start)


@pytest.mark.parametrize(
    ("blocks", "first", "second", "message"),
    [
        (
            "- paragraph: One.\n  id: short-answer\n- paragraph: Two.\n  id: short-answer\n",
            "id: short-answer",
            "id: short-answer",
            "block id 'short-answer' is used twice (first on line {first})",
        ),
        (
            "- paragraph: One.\n  id: title\n",
            "title: A sample leaflet",
            "id: title",
            "block id 'title' is the translation context of the leaflet's title (line {first})",
        ),
        (
            "- paragraph: One.\n- list: [a, b]\n  id: paragraph\n",
            "- paragraph: One.",
            "id: paragraph",
            "block id 'paragraph' gives this block's texts the translation context "
            "'paragraph/1', which the text on line {first} has",
        ),
        (
            "- callout: One.\n  kind: warning\n  title: Take care\n  id: ref\n",
            "",
            "id: ref",
            "block id 'ref' is reserved: the titles of references are translated under it",
        ),
    ],
    ids=["twice", "leaflet-title", "generated-context", "ref"],
)
def test_a_block_id_that_names_another_text_is_refused_with_both_lines(
    make_project: Callable[..., Path], blocks: str, first: str, second: str, message: str
) -> None:
    """Two blocks with `id: short-answer` gave two .pot entries of one msgctxt, and
    `id: title` shared the leaflet title's; `id: ref` made a callout's texts look like
    reference titles, which need no translation."""
    text = leaflet_yaml(blocks)
    first_line = _line(text, first) if first else 0
    after = first_line if first == second else 0
    error = error_of(make_project, text)
    assert error.location.line == _line(text, second, after), str(error)
    assert error.message == message.format(first=first_line), str(error)
    assert error.hint


@pytest.mark.parametrize(
    ("blocks", "extra", "marker"),
    [
        ("- list: [a, ~]\n", "", "- list: [a, ~]"),
        ("- list: [a, null]\n", "", "- list: [a, null]"),
        ("- list:\n    - a\n    -\n", "", "-"),
        ("- table:\n    header: [A, B]\n    rows:\n      - [x, ~]\n", "", "- [x, ~]"),
        ("- faq:\n    - q: Why?\n      a: ~\n", "", "a: ~"),
        ("- faq:\n    - q: Why?\n      a: [Yes., NULL]\n", "", "a: [Yes., NULL]"),
        ("- callout: [One., ~]\n  kind: warning\n", "", "- callout: [One., ~]"),
        ("- paragraph: One.\n", "keywords: [cells, ~]\n", "keywords: [cells, ~]"),
    ],
    ids=["list", "list-null", "list-empty", "cell", "answer", "answer-list", "callout",
         "keyword"],
)  # fmt: skip
def test_a_null_where_text_belongs_is_an_error_not_a_tilde(
    make_project: Callable[..., Path], blocks: str, extra: str, marker: str
) -> None:
    """`- list: [a, ~]` printed "~": YAML's null read as the text it was written as."""
    text = leaflet_yaml(blocks, extra=extra)
    error = error_of(make_project, text)
    assert error.location.line == _line(text, marker), str(error)
    assert "has no text" in error.message or "is empty" in error.message, str(error)
    assert "in quotes" in error.hint


def test_a_quoted_tilde_is_text(make_project: Callable[..., Path]) -> None:
    leaflet, _ = load(make_project, leaflet_yaml("- list: [a, '~']\n"))
    assert isinstance(leaflet.blocks[0], m.ListBlock)
    assert [t.value for t in leaflet.blocks[0].items] == ["a", "~"]


@pytest.mark.parametrize("kind", ["corrupt", "huge"])
def test_an_organisation_logo_gets_the_checks_of_a_figure(
    make_project: Callable[..., Path], kind: str
) -> None:
    """The logo was checked only for existing: a corrupt or 20,000 × 20,000 px file
    passed, and was never drawn."""
    import zlib

    root = make_project({"sample": leaflet_yaml("- paragraph: One.\n")})
    org = root / "organisations" / "test-clinic.yaml"
    org.write_text(org.read_text(encoding="utf-8") + "logo: logo.png\n", encoding="utf-8")
    if kind == "corrupt":
        (root / "logo.png").write_text("not a picture")
    else:

        def chunk(tag: bytes, data: bytes) -> bytes:
            crc = zlib.crc32(tag + data).to_bytes(4, "big")
            return len(data).to_bytes(4, "big") + tag + data + crc

        ihdr = (20_000).to_bytes(4, "big") * 2 + bytes([8, 2, 0, 0, 0])
        header = chunk(b"IHDR", ihdr) + chunk(b"IEND", b"")
        (root / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + header)
    project = Project.at(root)
    with pytest.raises(LeafletError) as caught:
        load_leaflet(project.leaflet_path("sample"), project)
    assert (caught.value.location.path.name, caught.value.location.line) == (
        "test-clinic.yaml",
        5,
    )
    wanted = "not a readable image" if kind == "corrupt" else "20,000 × 20,000 px"
    assert wanted in caught.value.message


def _png_with_cicp(path: Path, code_points: bytes) -> None:
    """A small red PNG stating its colours by cICP code points (PNG 3rd ed.)."""
    from PIL import Image, PngImagePlugin

    chunks = PngImagePlugin.PngInfo()
    chunks.add(b"cICP", code_points)
    Image.new("RGB", (40, 20), (200, 40, 40)).save(path, "PNG", pnginfo=chunks)


@pytest.mark.parametrize(
    ("code_points", "said"),
    [
        (bytes([9, 16, 0, 1]), "dynamic range picture: its cICP chunk states the PQ"),  # BT.2100 PQ
        (
            bytes([9, 18, 0, 1]),
            "dynamic range picture: its cICP chunk states the HLG",
        ),  # BT.2100 HLG
        (bytes([1, 13, 0, 0]), "video-coded samples"),  # narrow range
        (bytes([1, 13, 1, 1]), "video-coded samples"),  # a YCbCr matrix
        (bytes([22, 13, 0, 1]), "primaries 22, transfer 13"),  # EBU Tech 3213
        (bytes([1, 1, 0, 1]), "primaries 1, transfer 1"),  # BT.709's camera curve
    ],
)
@pytest.mark.parametrize("where", ["figure", "logo"])
def test_a_png_whose_cicp_cannot_print_as_shown_is_named_at_its_line(
    make_project: Callable[..., Path], code_points: bytes, said: str, where: str
) -> None:
    """A PNG's cICP chunk overrules every other statement of its colours in a browser.
    An HDR picture (PQ, HLG) printed flat and grey where the reviewer saw it bright,
    and code points of no display the build converts from printed wrong colours; each
    is refused at the line naming the picture, with what to do."""
    text = leaflet_yaml("- figure: hdr.png\n  alt: A picture.\n")
    root = make_project({"sample": text})
    if where == "logo":
        org = root / "organisations" / "test-clinic.yaml"
        org.write_text(org.read_text(encoding="utf-8") + "logo: hdr.png\n", encoding="utf-8")
        text = org.read_text(encoding="utf-8")
        expected = ("test-clinic.yaml", line_of(text, "logo: hdr.png"))
    else:
        expected = ("sample.yaml", line_of(text, "figure: hdr.png"))
    _png_with_cicp(root / "hdr.png", code_points)
    project = Project.at(root)
    with pytest.raises(LeafletError) as caught:
        load_leaflet(project.leaflet_path("sample"), project)
    err = caught.value
    assert (err.location.path.name, err.location.line) == expected
    assert "hdr.png cannot print as a viewer shows it" in err.message and said in err.message
    assert err.hint is not None and "sRGB PNG or JPEG" in err.hint


@pytest.mark.parametrize("code_points", [bytes([1, 13, 0, 1]), bytes([12, 13, 0, 1])])
def test_a_png_whose_cicp_names_a_display_is_accepted(
    make_project: Callable[..., Path], code_points: bytes
) -> None:
    """sRGB's and Display P3's code points are read (the layout converts P3)."""
    root = make_project({"sample": leaflet_yaml("- figure: p3.png\n  alt: A picture.\n")})
    _png_with_cicp(root / "p3.png", code_points)
    project = Project.at(root)
    load_leaflet(project.leaflet_path("sample"), project)


def test_an_hdr_png_is_refused_by_the_command_without_a_traceback(
    make_project: Callable[..., Path],
) -> None:
    """The command prints the file, line and hint, exits non-zero, writes no PDF."""
    from typer.testing import CliRunner

    from msc_leaflet.cli.app import app

    root = make_project({"sample": leaflet_yaml("- figure: hdr.png\n  alt: A picture.\n")})
    _png_with_cicp(root / "hdr.png", bytes([9, 16, 0, 1]))
    result = CliRunner().invoke(app, ["build", "sample", "--project", str(root)])
    assert result.exit_code != 0
    assert "sample.yaml:" in result.output and "high dynamic range" in result.output
    assert "Traceback" not in result.output
    assert not list(root.rglob("*.pdf"))


# Text whose markup holds no word: the author sees text in the file, the page a blank.


@pytest.mark.parametrize(
    ("block", "needle", "message"),
    [
        ("- paragraph: '** **'", "paragraph:", "prints nothing"),
        ("- paragraph: '****'", "paragraph:", "prints nothing"),
        ("- heading: '*_ _*'", "heading:", "no words"),
        ('- heading: "**\\u200b\\ufe0f**"', "heading:", "prints nothing"),
        ("- heading: '[@alpha2001]'", "heading:", "no words"),
        ("- heading: '…'", "heading:", "no words"),
        ("- list:\n    - Rest.\n    - '* *'", "'* *'", "prints nothing"),
        ("- callout: Rest.\n  kind: warning\n  title: '**…**'", "title:", "no words"),
        ("- faq:\n    - q: '**…**'\n      a: Rest.", "- q:", "no words"),
        ("- table:\n    header: [Sign, When]\n    rows:\n      - [Fever, '** **']", "Fever", ""),
    ],
)
def test_text_whose_markup_prints_no_word_is_refused_where_typed(
    make_project: Callable[..., Path], block: str, needle: str, message: str
) -> None:
    text = leaflet_yaml(GOOD + block + "\n")
    error = error_of(make_project, text)
    typed = text.index(needle, text.index(block.split("\n")[0]))
    assert error.location.line == text.count("\n", 0, typed) + 1
    assert message in error.message and error.hint


@pytest.mark.parametrize(
    "label", ["** **", "[@alpha2001]", "*\u200b*", "\u2192"], ids=["bold", "cite", "zwsp", "arrow"]
)
def test_a_link_with_no_words_is_refused_at_its_column(
    make_project: Callable[..., Path], label: str
) -> None:
    """A 3-pt link to press, which a screen reader names by its address."""
    line = f"- paragraph: Read the rules [{label}](https://example.org/rules) first.\n"
    text = leaflet_yaml(GOOD + line)
    error = error_of(make_project, text)
    typed = text.splitlines()[line_of(text, "rules") - 1]
    assert (error.location.line, error.location.column) == (
        line_of(text, "rules"),
        typed.index("[", typed.index("rules")) + 1,
    )
    assert "link to https://example.org/rules with no words" in error.message
    assert "write inside [ ]" in error.hint


def test_a_cell_holding_a_citation_or_a_dash_still_loads(
    make_project: Callable[..., Path],
) -> None:
    """A citation prints its number and a dash says "none": a table may hold either."""
    table = "- table:\n    header: [Sign, Source]\n    rows:\n      - [Fever, '[@alpha2001]']\n"
    leaflet, _ = load(make_project, leaflet_yaml(GOOD + table + "      - [Rash, '–']\n"))
    assert isinstance(leaflet.blocks[-1], m.Table)


@pytest.mark.parametrize(
    ("where", "typed"),
    [
        ("organisation", 'name: "\\u200b"'),  # every page's band, every PDF's Author
        ("organisation", 'address: "\\u2060\\u00ad"'),
        ("leaflet", 'keywords: ["cells", "\\u200b"]'),  # every PDF's metadata
        ("leaflet", 'authors: [Alpha A, "\\u200b"]'),  # the reference list
        ("leaflet", 'journal: "\\ufe0f"'),
    ],
)
def test_a_value_of_only_invisible_characters_is_refused_in_every_field(
    make_project: Callable[..., Path], where: str, typed: str
) -> None:
    """Any printed value, not only a text with markup: it looks filled in and prints a
    blank (an organisation with no name, an author with none), and REF006 took the
    journal for given."""
    text = leaflet_yaml(GOOD)
    if typed.startswith("keywords"):
        text = leaflet_yaml(GOOD, extra=typed + "\n")
    elif where == "leaflet":
        key = typed.split(":")[0]
        first = next(row for row in text.splitlines() if row.strip().startswith(key + ":"))
        text = text.replace(first, first.split(key)[0] + typed, 1)
    root = make_project({"sample": text})
    path = root / "leaflets" / "sample.yaml"
    if where == "organisation":
        path = root / "organisations" / "test-clinic.yaml"
        key = typed.split(":")[0]
        profile = path.read_text("utf-8")
        rows = [row for row in profile.splitlines() if not row.startswith(key + ":")]
        path.write_text("\n".join([*rows, typed]) + "\n", "utf-8")
    project = Project.at(root)
    with pytest.raises(LeafletError) as info:
        load_leaflet(project.leaflet_path("sample"), project)
    error = info.value
    assert error.location.path == path
    assert error.location.line == line_of(path.read_text("utf-8"), typed.split("[")[0])
    assert "invisible" in error.message and "print nothing" in error.message


@pytest.mark.parametrize("quote", ["'", '"'])
def test_a_markup_error_in_a_quoted_text_stands_at_its_column(
    make_project: Callable[..., Path], quote: str
) -> None:
    """A text holding ': ' must be quoted; its markup error stood at the quote, not
    at the link or mark the author has to fix."""
    line = f"- paragraph: {quote}Rules: see [** **](https://example.org/rules) now.{quote}\n"
    text = leaflet_yaml(GOOD + line)
    error = error_of(make_project, text)
    typed = text.splitlines()[line_of(text, "Rules:") - 1]
    assert (error.location.line, error.location.column) == (
        line_of(text, "Rules:"),
        typed.index("[") + 1,
    )
    # An escape types several characters for one: the text's start, never a wrong column.
    escaped = leaflet_yaml(
        GOOD + line.replace("Rules", "R\\u0075les")
        if quote == '"'
        else GOOD + line.replace("Rules", "Rule''s")
    )
    error = error_of(make_project, escaped)
    assert error.location.column == typed.index(quote) + 1


@pytest.mark.parametrize(
    ("blocks", "line", "column"),
    [
        # A list item with the sub-items a writer indents under it.
        ("- list:\n    - Vitamins\n      - Fish oil\n    - Iron\n", 2, 7),
        # A paragraph that goes on as a list, plain and after >- or |.
        ("- paragraph: Ask us about\n    - blood thinners\n", 1, 5),
        ("- paragraph: >-\n    Ask us about:\n    - blood thinners\n", 2, 5),
        ("- paragraph: |\n    Ask us about:\n    - blood thinners\n", 2, 5),
        ("- faq:\n    - q: What to bring?\n      a: Your card\n        * your form\n", 3, 9),
    ],
)
def test_a_list_written_inside_text_is_refused(
    make_project: Callable[..., Path], blocks: str, line: int, column: int
) -> None:
    """A sub-list indented under a list item (or a list typed under a paragraph) is no
    list to YAML but the text's next line: "Vitamins - Fish oil" was printed as one
    item, without a word. It is refused where the dash stands, as a list written as a
    list inside a list item is."""
    text = leaflet_yaml(blocks)
    error = error_of(make_project, text)
    first = text.splitlines().index("blocks:") + 2  # the line of the first block
    assert (error.location.line, error.location.column) == (first + line, column + 2)
    assert "list" in error.message
    assert "a list block of their own" in error.hint


@pytest.mark.parametrize(
    "blocks",
    [
        "- paragraph: >-\n    A dash - in the middle of a line\n    is text.\n",
        '- paragraph: "Ask us about\n    - quoted text is as written"\n',
        "- paragraph: >-\n    The change was\n    -1 degree.\n",
    ],
)
def test_a_dash_quoted_or_inside_a_line_is_text(
    make_project: Callable[..., Path], blocks: str
) -> None:
    """Only a dash and a space opening a line of unquoted text is taken for a list."""
    leaflet, _ = load(make_project, leaflet_yaml(blocks))
    assert leaflet.blocks


def _profile(root: Path, text: str) -> None:
    (root / "organisations" / "test-clinic.yaml").write_text(text, encoding="utf-8")


PER_LANGUAGE = """\
name:
  en: Test Clinic
  ja: テストクリニック
address:
  en: 123 Sukhumvit Road, Bangkok 10110
  th: 123 ถนนสุขุมวิท กรุงเทพฯ 10110
  zh: 曼谷素坤逸路123号
phone: "+66 2 000 0000"
"""


def test_an_organisation_writes_its_name_and_address_per_language(
    make_project: Callable[..., Path],
) -> None:
    """A profile had one name and one address: a Thai clinic's English leaflet printed
    its Thai address to foreign patients. Each locale now prints its own text, else its
    language's (zh_Hans reads zh), else the text for the leaflet's own language."""
    root = make_project({"sample": leaflet_yaml(GOOD)})
    _profile(root, PER_LANGUAGE)
    project = Project.at(root)
    leaflet, _ = load_leaflet(project.leaflet_path("sample"), project)
    org = leaflet.organisation
    assert (org.name, org.address) == ("Test Clinic", "123 Sukhumvit Road, Bangkok 10110")
    assert org.in_locale("th").address == "123 ถนนสุขุมวิท กรุงเทพฯ 10110"
    assert org.in_locale("th").name == "Test Clinic"  # no Thai name: the leaflet's own
    assert org.in_locale("zh_Hans").address == "曼谷素坤逸路123号"
    assert org.in_locale("ja").name == "テストクリニック"
    assert org.in_locale("ja").name_line == 3
    assert org.in_locale("vi").address == "123 Sukhumvit Road, Bangkok 10110"
    assert org.in_locale("en").phone == org.in_locale("th").phone == "+66 2 000 0000"


def test_a_thai_leaflet_prints_the_thai_text_of_a_profile_by_default(
    make_project: Callable[..., Path],
) -> None:
    """The default is the text for the leaflet's own language, not the first written."""
    root = make_project({"sample": leaflet_yaml(GOOD).replace("language: en", "language: th")})
    _profile(root, PER_LANGUAGE.replace("  ja: テストクリニック", "  th: เทสต์คลินิก"))
    project = Project.at(root)
    leaflet, _ = load_leaflet(project.leaflet_path("sample"), project)
    assert leaflet.organisation.address == "123 ถนนสุขุมวิท กรุงเทพฯ 10110"
    assert leaflet.organisation.in_locale("en").address.startswith("123 Sukhumvit")


@pytest.mark.parametrize(
    ("written", "line", "message", "hint"),
    [
        ("name: Test Clinic\naddress:\n  en: Road 1\n  tha: ถนน 1\n", 4,
         "'address' in 'tha'", "nearest first: th"),
        ("name: Test Clinic\naddress:\n  th: ถนน 1\n", 2,
         "'address' has no text for en", "add 'en: ...' under 'address'"),
        ("name: Test Clinic\naddress:\n  zh-Hans: 路1号\n  zh_Hans: 路2号\n", 4,
         "'address' is written twice for zh_Hans", "keep one"),
        ("name: Test Clinic\naddress:\n  en: Road 1\n  th: ''\n", 4, "'address' in th is empty",
         ""),
        ("name:\n  en: [Test, Clinic]\n", 2, "'name' in en must be text", ""),
        ("name: Test Clinic\naddress: {}\n", 2, "'address' gives no text", ""),
    ],
    ids=["unknown-locale", "no-default", "twice", "empty", "list", "empty-mapping"],
)  # fmt: skip
def test_a_per_language_profile_text_is_checked_at_its_line(
    make_project: Callable[..., Path], written: str, line: int, message: str, hint: str
) -> None:
    root = make_project({"sample": leaflet_yaml(GOOD)})
    (root / "locales" / "th").mkdir(parents=True)
    _profile(root, written)
    project = Project.at(root)
    with pytest.raises(LeafletError) as caught:
        load_leaflet(project.leaflet_path("sample"), project)
    error = caught.value
    assert error.location.path.name == "test-clinic.yaml", error
    assert error.location.line == line, error
    assert message in error.message, error.message
    assert hint in error.hint, error.hint


@pytest.mark.parametrize(
    "written",
    ['  th: "à¸–à¸™à¸™ 1"\n', '  my: "\u1031\u1000\u102c"\n'],
    ids=["thai-mojibake", "burmese-typed-out-of-order"],
)
def test_a_per_language_profile_text_gets_the_text_policy_of_its_language(
    make_project: Callable[..., Path], written: str
) -> None:
    """Each language's text is refused what a text of that language is refused."""
    root = make_project({"sample": leaflet_yaml(GOOD)})
    _profile(root, "name: Test Clinic\naddress:\n  en: Road 1\n" + written)
    project = Project.at(root)
    with pytest.raises(LeafletError) as caught:
        load_leaflet(project.leaflet_path("sample"), project)
    assert caught.value.location.line == 4, caught.value


def test_a_right_to_left_profile_text_may_use_the_marks_right_to_left_text_needs(
    make_project: Callable[..., Path],
) -> None:
    """An Arabic address may hold a right-to-left mark (U+200F) to keep a number before
    a street name in its place, as an Arabic leaflet's text may; the file-wide check
    read every profile text as left to right and refused it. An English text in the
    same profile is still refused the mark: it has no use there."""
    root = make_project({"sample": leaflet_yaml(GOOD)})
    (root / "locales" / "ar").mkdir(parents=True)
    arabic = 'name: Test Clinic\naddress:\n  en: Road 1\n  ar: "\u200f1 شارع، بانكوك"\n'
    _profile(root, arabic)
    project = Project.at(root)
    leaflet, _ = load_leaflet(project.leaflet_path("sample"), project)
    assert leaflet.organisation.in_locale("ar").address == "\u200f1 شارع، بانكوك"
    _profile(root, arabic.replace("en: Road 1", 'en: "\u200fRoad 1"'))
    with pytest.raises(LeafletError) as caught:
        load_leaflet(project.leaflet_path("sample"), project)
    assert caught.value.location.line == 3, caught.value


def test_a_bare_zh_reader_reads_the_profiles_simplified_text(
    make_project: Callable[..., Path],
) -> None:
    """A profile written for zh_Hans (the spelling the bundled catalogs use) printed its
    English address on a ``language: zh`` leaflet, which is the same Simplified Chinese;
    a zh_Hant reader still never reads it."""
    root = make_project({"sample": leaflet_yaml(GOOD)})
    _profile(root, PER_LANGUAGE.replace("  zh: ", "  zh_Hans: "))
    project = Project.at(root)
    org = load_leaflet(project.leaflet_path("sample"), project)[0].organisation
    assert org.in_locale("zh").address == "曼谷素坤逸路123号"
    assert org.in_locale("zh_Hant").address == "123 Sukhumvit Road, Bangkok 10110"
