"""Property tests for the three readers of untrusted text: any input gives a model or a
`LeafletError` (inline markup: an `InlineError`), never another exception.

Each reader gets arbitrary text and also input that is almost right (valid structure,
random values), which reaches much deeper into the validation than noise does.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from conftest import ORGANISATION
from msc_leaflet.content import model as m
from msc_leaflet.content.inline import InlineError, Span, parse_inline, plain_text
from msc_leaflet.content.loader import load_leaflet
from msc_leaflet.errors import LeafletError
from msc_leaflet.i18n.catalog import Catalog, Entry
from msc_leaflet.i18n.extract import leaflet_template
from msc_leaflet.i18n.pofile import format_po, parse_po, read_po
from msc_leaflet.project import Project

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def project() -> Iterator[Project]:
    """One project for every example (hypothesis runs many examples per test call)."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "leaflets").mkdir()
        (root / "organisations").mkdir()
        (root / "organisations" / "test-clinic.yaml").write_text(ORGANISATION)
        Image.new("RGB", (4, 4), "red").save(root / "logo.png")
        yield Project.at(root)


def load_or_error(project: Project, data: bytes) -> m.Leaflet | None:
    """The model, or None after a `LeafletError`; anything else fails the test. A loaded
    leaflet must also give a translation template that survives a .po round trip."""
    path = project.leaflets_dir / "sample.yaml"
    path.write_bytes(data)
    try:
        leaflet, _ = load_leaflet(path, project)
    except LeafletError as err:
        assert str(err).startswith(str(err.location))
        return None
    template = leaflet_template(leaflet, project)
    assert messages(parse_po(format_po(template))) == messages(template)
    return leaflet


def messages(catalog: Catalog) -> list[tuple[object, ...]]:
    """What a catalog says, without where it was read from."""
    return [
        (e.msgctxt, e.msgid, e.msgstr, e.extracted, e.references, e.flags, e.obsolete)
        for e in catalog.entries
    ]


# --- the YAML loader ---------------------------------------------------------------------


@SETTINGS
@given(st.binary(max_size=300))
def test_any_bytes_load_or_fail_cleanly(project: Project, data: bytes) -> None:
    load_or_error(project, data)


def tokens(*pieces: str, max_size: int) -> st.SearchStrategy[str]:
    """Text made of the given pieces (characters or short strings)."""
    return st.lists(st.sampled_from(pieces), max_size=max_size).map("".join)


YAML_NOISE = tokens(*"abc-:[]{}&*!|>'\"#%@`,? \n\t", "\n  ", "- ", ": ", "\u2028", "\x85", "ก้",
                    max_size=120)  # fmt: skip


@SETTINGS
@given(st.one_of(st.text(max_size=300), YAML_NOISE))
def test_any_text_loads_or_fails_cleanly(project: Project, text: str) -> None:
    load_or_error(project, text.encode("utf-8", "surrogatepass"))


def valid_leaflet() -> dict[str, Any]:
    return {
        "id": "sample",
        "language": "en",
        "title": "A title",
        "document": {
            "code": "T-1",
            "version": "1.0",
            "published": "2026-01-01",
            "next_review": "2027-01-01",
        },
        "organisation": "test-clinic",
        "disclaimer": "Not advice.",
        "blocks": [
            {"heading": "Part", "id": "part"},
            {"paragraph": "Text [@a2001]."},
            {"list": ["one", "two"], "style": "numbered"},
            {"callout": ["First.", "Second."], "kind": "key-answer", "title": "Key"},
            {"quote": "Said.", "attribution": "Someone"},
            {"faq": [{"q": "Why?", "a": ["Because.", "Also."]}]},
            {"table": {"header": ["A", "B"], "rows": [["1", "2"]]}, "caption": "T"},
            {"figure": "logo.png", "alt": "A logo"},
        ],
        "references": [{"key": "a2001", "authors": ["A B"], "title": "T", "year": 2001}],
    }


MARKUP_TEXT = tokens(*"ab *[]()@;\\:/", "**", "[@a2001]", "](https://x.org)", "ก้", "\u2028",
                     "\x0c", "](javascript:x)", max_size=30)  # fmt: skip
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates().map(dt.date.isoformat),
    st.text(max_size=30),
    MARKUP_TEXT,
    st.sampled_from(["", " ", "~", "null", "yes", "no", "../../etc/passwd", "a" * 70]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=8,
)


def paths(tree: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in the tree a value can be replaced."""
    found = [prefix] if prefix else []
    if isinstance(tree, dict):
        for key, value in tree.items():
            found += paths(value, (*prefix, key))
    elif isinstance(tree, list):
        for index, value in enumerate(tree):
            found += paths(value, (*prefix, index))
    return found


def replaced(tree: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(tree, dict):
        return {k: replaced(v, rest, value) if k == head else v for k, v in tree.items()}
    return [replaced(v, rest, value) if i == head else v for i, v in enumerate(tree)]


EDITS = st.lists(
    st.tuples(st.integers(min_value=0), VALUES, st.sampled_from(["replace", "delete", "add"])),
    min_size=1,
    max_size=4,
)


def edited(edits: list[tuple[int, Any, str]]) -> Any:
    tree: Any = valid_leaflet()
    for index, value, how in edits:
        places = paths(tree)
        if not places:
            break
        place = places[index % len(places)]
        parent_path, last = place[:-1], place[-1]
        parent: Any = tree
        for step in parent_path:
            parent = parent[step]
        if how == "delete":
            if isinstance(parent, dict):
                tree = replaced(tree, parent_path, {k: v for k, v in parent.items() if k != last})
            else:
                tree = replaced(tree, parent_path, [v for i, v in enumerate(parent) if i != last])
        elif how == "add" and isinstance(parent, dict):
            tree = replaced(tree, parent_path, {**parent, str(value)[:10]: value})
        else:
            tree = replaced(tree, place, value)
    return tree


def test_the_unedited_leaflet_loads(project: Project) -> None:
    text = yaml.safe_dump(valid_leaflet(), sort_keys=False)
    assert load_or_error(project, text.encode()) is not None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(EDITS)
def test_valid_structure_with_random_values_loads_or_fails_cleanly(
    project: Project, edits: list[tuple[int, Any, str]]
) -> None:
    text = yaml.safe_dump(edited(edits), allow_unicode=True, sort_keys=False)
    load_or_error(project, text.encode("utf-8", "surrogatepass"))


# --- inline markup -----------------------------------------------------------------------


@SETTINGS
@given(st.one_of(MARKUP_TEXT, st.text(max_size=300)))
def test_inline_markup_gives_spans_or_an_inline_error(text: str) -> None:
    try:
        spans = parse_inline(text)
    except InlineError as exc:
        assert 0 <= exc.offset <= len(text)
        assert exc.message
        return
    assert all(isinstance(span, Span) for span in spans)
    for span in spans:
        assert not span.link or span.link.lower().startswith(("http", "mailto:", "tel:"))
        assert bool(span.cites) != bool(span.text)  # a citation span carries no text
    # The text without markup; a citation drops the spaces typed before it, as printed.
    plain = ""
    for span in spans:
        plain = plain.rstrip(" ") if span.cites else plain + span.text
    assert plain_text(text) == plain.strip()


@pytest.mark.parametrize(
    "text", ["*see [the site](https://x.org) now*", "**[the site](https://x.org)**"]
)
def test_emphasis_may_enclose_a_link(text: str) -> None:
    # Found by the property above: the link text was checked as if it opened the style.
    spans = parse_inline(text)
    assert [span.link for span in spans if span.link] == ["https://x.org"]
    assert all(span.bold or span.italic for span in spans)


@pytest.mark.parametrize("text", ["[*the site](https://x.org)*", "**a [b** c](https://x.org)"])
def test_emphasis_may_not_cross_the_edge_of_a_link(text: str) -> None:
    with pytest.raises(InlineError, match="crosses the edge of a link text"):
        parse_inline(text)


# --- .po files ---------------------------------------------------------------------------

PO_LINE_KINDS = [
    'msgid ""', 'msgstr ""', 'msgid "a"', 'msgstr "b"', 'msgctxt "c"', '"x\\n"',
    'msgid_plural "as"', 'msgstr[0] "p"', 'msgstr[1] "q"', "#, fuzzy", "#. note",
    "#: a.yaml:1", '#| msgid "old"', '#| "more"', '#~ msgid "gone"', '#~ msgstr "x"',
    '#~| msgid "o"', "", "# comment", '"Language: th\\n"', 'msgstr[999999] "z"',
    '"Content-Type: text/plain; charset=latin-1\\n"', '"\\777\\x4"', '"\\q"',
    '"unterminated', "msgid", "\r", 'msgstr "\u2028"',
]  # fmt: skip
PO_LINES = st.lists(
    st.one_of(st.sampled_from(PO_LINE_KINDS), st.text(max_size=20)), max_size=25
).map("\n".join)


@SETTINGS
@given(st.one_of(PO_LINES, st.text(max_size=300)))
def test_any_po_text_parses_or_fails_cleanly(text: str) -> None:
    try:
        catalog = parse_po(text)
    except LeafletError as err:
        assert err.location.line >= 0
        return
    again = parse_po(format_po(catalog))  # what we write, we read back unchanged
    assert messages(again) == messages(catalog)


@SETTINGS
@given(st.binary(max_size=300))
def test_any_po_bytes_read_or_fail_cleanly(project: Project, data: bytes) -> None:
    path = project.root / "x.po"
    path.write_bytes(data)
    with contextlib.suppress(LeafletError):
        read_po(path)


# NUL is refused by every reader (YAML, .po, XLIFF): gettext would cut the text there;
# U+0004 by the .po reader, as by GNU: gettext ends a message's context with it.
NO_SURROGATES = st.text(
    st.characters(exclude_categories=["Cs"], exclude_characters="\x00\x04"), max_size=40
)


@SETTINGS
@given(
    st.lists(
        st.tuples(st.one_of(st.none(), NO_SURROGATES), NO_SURROGATES, NO_SURROGATES),
        max_size=5,
    )
)
def test_any_message_survives_a_write_and_read(
    texts: list[tuple[str | None, str, str]],
) -> None:
    unique = {(ctxt, msgid or "x"): msgstr for ctxt, msgid, msgstr in texts}
    catalog = Catalog(
        header={"Language": "th", "Content-Type": "text/plain; charset=UTF-8"},
        entries=[Entry(msgid, msgstr, ctxt) for (ctxt, msgid), msgstr in unique.items()],
    )
    assert messages(parse_po(format_po(catalog))) == messages(catalog)
    assert all(re.fullmatch(r"[^\n]*", line) for line in format_po(catalog).split("\n"))
