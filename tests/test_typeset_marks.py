"""Thai marks and superscript digits drawn as outlines: each distinct outline is written
once per document (a form XObject) and the text layer reads as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject, StreamObject

import msc_leaflet
from typeset_support import THAI_PARAGRAPHS, build_document

REPO = Path(__file__).resolve().parents[1]


def _forms(path: Path) -> dict[str, int]:
    """Form XObjects on any page: name → size of the object's stream (compressed)."""
    forms: dict[str, int] = {}
    for page in PdfReader(path).pages:
        resources = page.get("/Resources")
        xobjects = resources.get_object().get("/XObject") if resources else None
        for name, ref in (xobjects.get_object() if xobjects else DictionaryObject()).items():
            assert isinstance(ref, IndirectObject)
            stream = ref.get_object()
            assert isinstance(stream, StreamObject)
            if stream.get("/Subtype") == "/Form":
                forms[name] = len(stream._data)
    return forms


def test_each_mark_outline_is_written_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    once = build_document(tmp_path / "1.pdf", THAI_PARAGRAPHS, monkeypatch=monkeypatch)
    four = build_document(tmp_path / "4.pdf", THAI_PARAGRAPHS, repeat=4, monkeypatch=monkeypatch)
    assert _forms(once.path), "marks are drawn through forms"
    assert set(_forms(four.path)) == set(_forms(once.path))  # more text, no new outline
    for built in (once, four):
        for page in PdfReader(built.path).pages:
            content = page.get_contents()
            assert content is not None
            assert b" c\n" not in content.get_data() and b" c " not in content.get_data()


def test_a_mark_form_says_only_what_is_not_a_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = build_document(tmp_path / "1.pdf", THAI_PARAGRAPHS, monkeypatch=monkeypatch)
    forms = _forms(built.path)
    assert forms
    reader = PdfReader(built.path)
    for page in reader.pages:
        resources = page["/Resources"].get_object()
        assert isinstance(resources, DictionaryObject)
        xobjects = resources["/XObject"].get_object()
        assert isinstance(xobjects, DictionaryObject)
        for ref in xobjects.values():
            form = ref.get_object()
            assert set(form) - {"/Length"} == {"/Subtype", "/BBox", "/Resources", "/Filter"}
            assert form["/Resources"] == {}  # a path needs none, and inherits none


def test_table_rows_and_footers_read_on_one_line(tmp_path: Path) -> None:
    """pypdf ends a line at every form: the marks go after the page's text, so a table
    row's cells (and a footer's two halves) still read as one line."""
    project = msc_leaflet.Project.at(REPO)
    result = msc_leaflet.build_leaflet(project, "stromal-or-stem", "th", tmp_path / "out")
    pages = [page.extract_text() for page in PdfReader(result.path).pages]
    lines = [line for text in pages for line in text.splitlines()]
    assert "ตัวบ่งชี้ที่ต้องมี พบ CD105, CD73 และ CD90 บนเซลล์" in lines
    assert any(line.endswith(f"หน้า 1 จาก {len(pages)}") and "MSC-PI" in line for line in lines)
    assert all(not text.endswith("\n") for text in pages)
