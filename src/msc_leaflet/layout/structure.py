"""The structure tree of a leaflet, built in reading order as its flowables are made.

Every block builder makes its flowables through the `Writer` (`text.py`), which asks
this module for the element of each paragraph; containers (a list, a table, a box)
are opened with `Structure.group` around the flowables they hold. So the tree is in
source order by construction: a parallel edition reads each translated block and then
its source, whichever column it is printed in (docs/accessibility.md). What the tree
holds and how it is written is in `typeset/marked_content.py` and
`finishing/tagged_pdf.py`; which role each kind of block gets is in
docs/accessibility.md and the ``ROLES`` table below.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from reportlab.platypus import Flowable

from ..typeset.marked_content import Element, Tagger

# The role of a paragraph by its style, where the block builder does not say.
ROLES = {
    "title": "H1",
    "heading": "H2",
    "list-item": "LBody",
    "reference-list": "LBody",
    "caption": "Caption",
}


class Structure:
    """The tree under construction: a Document element and where new elements go."""

    def __init__(self, lang: str, terms_lang: str = "") -> None:
        self.root = Element("Document", lang=lang, terms_lang=terms_lang)
        self.tagger = Tagger(self.root)
        self._parents = [self.root]

    @property
    def parent(self) -> Element:
        return self._parents[-1]

    @contextmanager
    def group(self, role: str, **fields: Any) -> Iterator[Element]:
        """Elements made inside are children of a new ``role`` element."""
        element = self.parent.add(role, **fields)
        self._parents.append(element)
        try:
            yield element
        finally:
            self._parents.pop()

    @contextmanager
    def part(self, lang: str, terms_lang: str = "") -> Iterator[Element]:
        """Elements made inside belong to one part of the document, a `Sect` in
        ``lang`` (each language of the sequential edition): read as one section, its
        children in the order they are printed, its pages' notes in it."""
        with self.group("Sect", lang=lang, terms_lang=terms_lang) as section:
            self.tagger.open_part(section)
            yield section

    def element(self, role: str, **fields: Any) -> Element:
        return self.parent.add(role, **fields)

    def tag(self, flowable: Flowable, role: str, **fields: Any) -> Flowable:
        """``flowable`` drawn as the content of a new ``role`` element."""
        flowable.structure = self.element(role, **fields)
        return flowable
