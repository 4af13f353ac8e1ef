"""`texts()` walks the model through a per-class list of fields instead of asking
`dataclasses` at every node (#20); it must find exactly what the generic walk finds."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from msc_leaflet.content.loader import load_leaflet
from msc_leaflet.content.model import Text, texts
from msc_leaflet.project import Project

ROOT = Path(__file__).resolve().parent.parent
PROJECTS = [ROOT, ROOT / "tests" / "fixtures" / "languages"]


def generic_texts(obj: object) -> Iterator[Text]:
    """The walk as first written: every dataclass field, in order, at every node."""
    if isinstance(obj, Text):
        yield obj
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for field in dataclasses.fields(obj):
            yield from generic_texts(getattr(obj, field.name))
    elif isinstance(obj, tuple):
        for item in obj:
            yield from generic_texts(item)


def _leaflet_paths() -> list[Path]:
    return sorted(p for root in PROJECTS for p in (root / "leaflets").glob("*.yaml"))


@pytest.mark.parametrize("path", _leaflet_paths(), ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_texts_finds_what_the_generic_walk_finds(path: Path) -> None:
    leaflet, _ = load_leaflet(path, Project(path.parent.parent))
    found = list(texts(leaflet))
    assert found == list(generic_texts(leaflet))
    assert [id(t) for t in found] == [id(t) for t in generic_texts(leaflet)]
    for block in leaflet.blocks:  # any node, not only a whole leaflet
        assert list(texts(block)) == list(generic_texts(block))


def test_texts_of_what_holds_none() -> None:
    assert list(texts("plain string")) == []
    assert list(texts(Text)) == []  # a class, not an instance
    assert list(texts(())) == []
