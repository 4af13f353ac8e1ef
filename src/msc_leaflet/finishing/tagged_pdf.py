"""Write the structure tree of a tagged PDF (PDF/UA-1) into the finished file.

The layout marked every line with an MCID and built the tree in reading order
(`typeset/marked_content.py`, `layout/structure.py`). This step turns it into PDF
objects: a /StructElem per element that shows anything (an element made for
measuring and never drawn is left out), /K kids as MCIDs, marked-content references
on other pages and object references to link annotations; the /ParentTree that maps
each page's MCIDs and each annotation back to its element; the /IDTree that finds an
element by its /ID (a Note's: ISO 32000-1 requires it whenever an element has one);
and what PDF/UA asks of
the catalog and pages (/MarkInfo, /DisplayDocTitle, /Tabs /S, /StructParents).
"""

from __future__ import annotations

from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from ..typeset.marked_content import Annotation, Element, MarkedContent, Tagger

# Attribute values that are PDF names (the rest are strings or numbers).
_NAME_VALUES = {"O", "Scope", "ListNumbering", "Placement"}
# Elements whose kids keep their places though some show nothing: a table row, whose
# cells a screen reader counts to name each by its column's header (PDF/UA-1 7.5).
_EVERY_KID_COUNTS = {"TR"}


class StructureStep:
    """A `final_pass` step writing ``tagger``'s tree. Once it has run, ``languages`` are
    the /Lang values it wrote, each once, in the order the tree names them: what
    `conformance.tagged_languages` reads back from the file, known here without walking
    the tree's objects again (1 % of a build's CPU, #20)."""

    def __init__(self, tagger: Tagger) -> None:
        self.tagger = tagger
        self.languages: tuple[str, ...] | None = None

    def __call__(self, pdf: pikepdf.Pdf) -> None:
        writer = _Writer(pdf, self.tagger)
        writer.write()
        self.languages = tuple(writer.languages)


def tag_structure(tagger: Tagger) -> StructureStep:
    """A `final_pass` step writing ``tagger``'s tree."""
    return StructureStep(tagger)


class _Writer:
    def __init__(self, pdf: pikepdf.Pdf, tagger: Tagger) -> None:
        self.pdf = pdf
        self.tagger = tagger
        self.pages = [page.obj for page in pdf.pages]
        self.parents: list[list[Any]] = [[None] * len(m) for m in tagger.mcids]
        self.annotation_parents: list[Any] = []
        self._shows: dict[int, bool] = {}
        self.ids: dict[str, Any] = {}  # /ID → its element, for the /IDTree
        # Each /Lang written, in the order of the tree's elements (each is written
        # before its kids, in their order): `StructureStep.languages`.
        self.languages: dict[str, None] = {}

    def write(self) -> None:
        pdf, tagger = self.pdf, self.tagger
        tree = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
        root = tagger.root
        document = self._element(root, tree, "", tagger.reading_order())
        tree.K = document if document is not None else Array()
        nums: list[Any] = []
        for index, parents in enumerate(self.parents):
            if parents:
                self.pages[index].StructParents = index
                nums += [index, Array(parents)]
        first_annotation = len(self.pages)
        for offset, parent in enumerate(self.annotation_parents):
            nums += [first_annotation + offset, parent]
        tree.ParentTree = pdf.make_indirect(Dictionary(Nums=Array(nums)))
        tree.ParentTreeNextKey = first_annotation + len(self.annotation_parents)
        if self.ids:
            named = pikepdf.NameTree.new(pdf)
            for element_id, element in self.ids.items():
                named[element_id] = element
            tree.IDTree = named.obj
        for page in self.pages:
            page.Tabs = Name.S  # tab through links in structure order
        catalog = pdf.Root
        catalog.StructTreeRoot = tree
        catalog.MarkInfo = Dictionary(Marked=True)
        preferences = catalog.get("/ViewerPreferences", Dictionary())
        preferences.DisplayDocTitle = True
        catalog.ViewerPreferences = preferences

    def _shows_content(self, element: Element) -> bool:
        known = self._shows.get(id(element))
        if known is None:
            known = any(
                not isinstance(kid, Element) or self._shows_content(kid) for kid in element.kids
            )
            self._shows[id(element)] = known
        return known

    def _element(
        self,
        element: Element,
        parent: Any,
        inherited: str,
        kids: list[Element] | None = None,
        keep: bool = False,
    ) -> Any:
        """The indirect /StructElem of ``element``, or None when it shows nothing (an
        element of the layout's measuring) unless ``keep``: a cell of a row that shows,
        which stays in its place, empty."""
        listed = element.kids if kids is None else kids
        if not keep and not any(
            not isinstance(k, Element) or self._shows_content(k) for k in listed
        ):
            return None
        entries: dict[str, Any] = {
            "/Type": Name.StructElem,
            "/S": Name("/" + element.role),
            "/P": parent,
        }
        lang = element.lang
        if lang and lang != inherited:
            entries["/Lang"] = String(lang)
            self.languages.setdefault(lang)
        if element.alt:
            entries["/Alt"] = String(element.alt)
        if element.actual_text:
            entries["/ActualText"] = String(element.actual_text)
        if element.element_id:
            entries["/ID"] = String(element.element_id)
        if element.attributes:
            entries["/A"] = Dictionary(
                {
                    "/" + key: Name("/" + value) if key in _NAME_VALUES else value
                    for key, value in element.attributes.items()
                }
            )
        page = next((k.page for k in listed if isinstance(k, MarkedContent)), None)
        if page is not None:
            entries["/Pg"] = self.pages[page]
        ref = self.pdf.make_indirect(Dictionary(entries))
        if element.element_id:
            self.ids[element.element_id] = ref
        out: list[Any] = []
        keep_kids = element.role in _EVERY_KID_COUNTS
        for kid in listed:
            if isinstance(kid, Element):
                order = self.tagger.reading_order(kid)
                child = self._element(kid, ref, lang or inherited, order, keep_kids)
                if child is not None:
                    out.append(child)
            elif isinstance(kid, MarkedContent):
                self.parents[kid.page][kid.mcid] = ref
                if kid.page == page:
                    out.append(kid.mcid)
                else:
                    out.append(Dictionary(Type=Name.MCR, Pg=self.pages[kid.page], MCID=kid.mcid))
            else:
                out.append(self._annotation(kid, ref))
        if out:  # an empty cell has no /K at all
            ref.K = out[0] if len(out) == 1 else Array(out)
        return ref

    def _annotation(self, kid: Annotation, parent: Any) -> Dictionary:
        page = self.pages[kid.page]
        annotation = page.Annots[kid.index]
        annotation.StructParent = len(self.pages) + len(self.annotation_parents)
        self.annotation_parents.append(parent)
        if "/Contents" not in annotation:
            annotation.Contents = String(_describe(annotation))
        return Dictionary(Type=Name.OBJR, Obj=annotation, Pg=page)


def _describe(annotation: Any) -> str:
    """A link's description for assistive technology: where it goes."""
    action = annotation.get("/A")
    if action is not None and "/URI" in action:
        return str(action.URI)
    return "link within this document"
