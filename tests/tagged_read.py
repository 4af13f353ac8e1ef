"""Read a tagged PDF back the way assistive technology does, for the structure tests.

Two independent readers: pikepdf walks the structure tree (roles, /Lang, /Alt, /ID,
kids in reading order), and PDFium says which marked-content sequence every object on
a page is in and what text each sequence shows. Together they prove that all text is
either in the tree or an artifact, and give the text of each element in reading order.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as raw


@dataclass
class Node:
    role: str
    lang: str  # effective: its own /Lang or its ancestors'
    alt: str = ""
    actual_text: str = ""  # /ActualText: what it reads instead of its content
    element_id: str = ""
    attributes: dict[str, str] = field(default_factory=dict)
    texts: list[str] = field(default_factory=list)  # its own content, in order
    kids: list[Node] = field(default_factory=list)
    # Its content and its kids in reading order: str for content, Node for a kid.
    order: list[str | Node] = field(default_factory=list)

    def walk(self) -> list[Node]:
        return [self, *(n for kid in self.kids for n in kid.walk())]

    def text(self, skip: frozenset[str] = frozenset()) -> str:
        """The text of the element and its kids in reading order."""
        return "".join(
            item if isinstance(item, str) else item.text(skip)
            for item in self.order
            if isinstance(item, str) or item.role not in skip
        )


@dataclass
class PageObjects:
    """What PDFium finds on one page: text per MCID, and objects outside any tag."""

    texts: dict[int, str] = field(default_factory=dict)
    untagged_text: list[str] = field(default_factory=list)  # text in neither MCID nor Artifact
    untagged_other: int = 0  # paths/images in neither


def _marks(obj: object) -> list[str]:
    names = []
    for index in range(raw.FPDFPageObj_CountMarks(obj)):
        mark = raw.FPDFPageObj_GetMark(obj, index)
        length = ctypes.c_ulong()
        raw.FPDFPageObjMark_GetName(mark, None, 0, ctypes.byref(length))
        buffer = (ctypes.c_ushort * (length.value // 2 + 1))()
        raw.FPDFPageObjMark_GetName(mark, buffer, length, ctypes.byref(length))
        names.append(bytes(buffer)[: length.value].decode("utf-16-le").rstrip("\0"))
    return names


def _text_of(obj: object, textpage: object) -> str:
    size = raw.FPDFTextObj_GetText(obj, textpage, None, 0)
    buffer = (ctypes.c_ushort * (size // 2 + 1))()
    raw.FPDFTextObj_GetText(obj, textpage, buffer, size)
    return bytes(buffer)[:size].decode("utf-16-le").rstrip("\0")


def page_objects(path: Path) -> list[PageObjects]:
    pdf = pdfium.PdfDocument(path)
    pages = []
    for page in pdf:
        found = PageObjects()
        textpage = page.get_textpage()
        for index in range(raw.FPDFPage_CountObjects(page.raw)):
            obj = raw.FPDFPage_GetObject(page.raw, index)
            kind = raw.FPDFPageObj_GetType(obj)
            mcid = raw.FPDFPageObj_GetMarkedContentID(obj)
            artifact = "Artifact" in _marks(obj)
            if kind == raw.FPDF_PAGEOBJ_TEXT:
                text = _text_of(obj, textpage.raw)
                if mcid >= 0 and not artifact:
                    found.texts[mcid] = found.texts.get(mcid, "") + text
                elif not artifact:
                    found.untagged_text.append(text)
            elif mcid < 0 and not artifact:
                found.untagged_other += 1
        pages.append(found)
    return pages


def structure(path: Path) -> tuple[Node, dict[tuple[int, int], Node]]:
    """The Document node, and the node each (page index, MCID) is content of."""
    pdf = pikepdf.open(path)
    page_index = {page.obj.objgen: n for n, page in enumerate(pdf.pages)}
    objects = page_objects(path)
    owners: dict[tuple[int, int], Node] = {}
    tree = pdf.Root.StructTreeRoot

    def build(element: pikepdf.Dictionary, inherited: str) -> Node:
        lang = str(element.get("/Lang", inherited))
        attributes = element.get("/A")
        node = Node(
            role=str(element.S)[1:],
            lang=lang,
            alt=str(element.get("/Alt", "")),
            actual_text=str(element.get("/ActualText", "")),
            element_id=str(element.get("/ID", "")),
            attributes={str(k)[1:]: str(v).lstrip("/") for k, v in attributes.items()}
            if isinstance(attributes, pikepdf.Dictionary)
            else {},
        )
        page = page_index.get(element.Pg.objgen) if "/Pg" in element else None
        kids = element.get("/K")  # none: an element holding nothing (an empty table cell)
        items = list(kids) if isinstance(kids, pikepdf.Array) else [] if kids is None else [kids]
        for kid in items:
            if isinstance(kid, int):
                assert page is not None, f"{node.role}: an MCID kid with no /Pg"
                where = (page, kid)
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                where = (page_index[kid.Pg.objgen], int(kid.MCID))
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
                node.order.append("")
                continue
            else:
                assert isinstance(kid, pikepdf.Dictionary), f"{node.role}: a kid {kid!r}"
                child = build(kid, lang)
                node.kids.append(child)
                node.order.append(child)
                continue
            text = objects[where[0]].texts.get(where[1], "")
            owners[where] = node
            node.texts.append(text)
            node.order.append(text)
        return node

    document = tree.K
    assert isinstance(document, pikepdf.Dictionary)
    return build(document, str(pdf.Root.get("/Lang", ""))), owners


def parent_tree(path: Path) -> dict[tuple[int, int], tuple[int, int]]:
    """(page index, MCID) → the objgen of the element the ParentTree names."""
    pdf = pikepdf.open(path)
    out = {}
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    by_key = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    for index, page in enumerate(pdf.pages):
        if "/StructParents" not in page.obj:
            continue
        for mcid, element in enumerate(by_key[int(page.obj.StructParents)]):
            out[(index, mcid)] = element.objgen
    return out
