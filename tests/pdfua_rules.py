"""The machine-checkable conditions of the Matterhorn Protocol (PDF/UA-1, ISO 14289-1),
read with pikepdf and fontTools, for the structure tests.

`pdfua` (PyPI, in test_tagged_pdf.py) checks sixteen rules; this reads what it does not:
marked content nested the way the standard allows, the tree's parent links, ParentTree
and IDTree, each annotation's place in the tree, BCP 47 languages, and every glyph a
page draws (embedded, encoded as 7.21.6 asks, mapped to Unicode, as wide as its
program says, never .notdef). Each rule group is one function returning messages that
start with the Matterhorn checkpoint (with its failure condition where the number is
certain) and the PDF/UA-1 clause, so a failure says which condition of the standard it
breaks. What a screen reader reads (roles, languages, text per element) comes from
tagged_read.py.
"""

from __future__ import annotations

import io
import re
import xml.dom.minidom
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from xml.parsers.expat import ExpatError

import pikepdf
from fontTools.ttLib import TTFont
from pikepdf import Array, Dictionary, Name

from tagged_read import Node, page_objects, parent_tree, structure

# PDF 1.7 (ISO 32000-1 §14.8.4): the standard structure types.
STANDARD = frozenset(
    re.findall(
        r"\w+",
        """Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private
        P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote
        Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula
        Form""",
    )
)
# RFC 5646 §2.1, well-formed language tags (the irregular grandfathered tags aside).
_ALNUM = "[A-Za-z0-9]"
BCP47 = re.compile(
    rf"""(?:[A-Za-z]{{2,3}}(?:-[A-Za-z]{{3}}){{0,3}}|[A-Za-z]{{4,8}})
    (?:-[A-Za-z]{{4}})?
    (?:-(?:[A-Za-z]{{2}}|[0-9]{{3}}))?
    (?:-(?:{_ALNUM}{{5,8}}|[0-9]{_ALNUM}{{3}}))*
    (?:-[0-9A-WYZa-wyz](?:-{_ALNUM}{{2,8}})+)*
    (?:-[xX](?:-{_ALNUM}{{1,8}})+)?
    |[xX](?:-{_ALNUM}{{1,8}})+""",
    re.VERBOSE,
)
SHOW_TEXT = frozenset({"Tj", "TJ", "'", '"'})
PAINT = SHOW_TEXT | {"Do", "f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "sh", "BI"}
# Annotations PDF/UA-1 7.18 leaves out of the Annot rule: links and form fields have
# their own elements, printer's marks are never in the tree (7.18.6.2).
OWN_ELEMENT = {"/Link": "Link", "/Widget": "Form"}
HIDDEN_FLAG = 2  # annotation /F bit 2 (ISO 32000-1 Table 165)


def rule(checkpoint: str, clause: str, message: str) -> str:
    return f"Matterhorn {checkpoint} (PDF/UA-1 {clause}): {message}"


@dataclass
class RawTree:
    """The structure tree as stored: each element with its parent, and what claims each
    marked-content sequence and annotation (which tagged_read's reader does not keep)."""

    elements: list[tuple[pikepdf.Object, pikepdf.Object]] = field(default_factory=list)
    mcid_owner: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    claimed_twice: list[tuple[int, int]] = field(default_factory=list)
    annotation_owner: dict[tuple[int, int], pikepdf.Object] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def read_raw_tree(pdf: pikepdf.Pdf) -> RawTree:
    tree = RawTree()
    page_index = {page.obj.objgen: n for n, page in enumerate(pdf.pages)}
    root = pdf.Root.StructTreeRoot

    def claim(page: tuple[int, int] | None, mcid: int, owner: pikepdf.Object) -> None:
        if page is None or page not in page_index:
            tree.problems.append(rule("01", "7.1", f"MCID {mcid} of {owner.S} has no page"))
            return
        key = (page_index[page], mcid)
        if key in tree.mcid_owner:
            tree.claimed_twice.append(key)
        tree.mcid_owner[key] = owner.objgen

    def walk(kid: object, page: tuple[int, int] | None, parent: pikepdf.Object) -> None:
        if isinstance(kid, Array):
            for item in kid:
                walk(item, page, parent)
        elif isinstance(kid, int):
            claim(page, int(kid), parent)
        elif isinstance(kid, Dictionary) and kid.get("/Type") == Name.MCR:
            claim(kid.Pg.objgen if "/Pg" in kid else page, int(kid.MCID), parent)
        elif isinstance(kid, Dictionary) and kid.get("/Type") == Name.OBJR:
            tree.annotation_owner[kid.Obj.objgen] = parent
        elif isinstance(kid, Dictionary) and "/S" in kid:
            tree.elements.append((kid, parent))
            if "/K" in kid:
                walk(kid.K, kid.Pg.objgen if "/Pg" in kid else page, kid)

    walk(root.get("/K"), None, root)
    return tree


def check(path: Path) -> list[str]:
    """Every violation found in the PDF at ``path``; empty when it passes them all."""
    pdf = pikepdf.open(path)
    if "/StructTreeRoot" not in pdf.Root:
        return [rule("01", "7.1", "no structure tree")]
    raw = read_raw_tree(pdf)
    document, _ = structure(path)
    role_map = _role_map(pdf)
    return [
        *document_level(pdf),
        *role_mapping(pdf),
        *elements(document, role_map),
        *tree_links(pdf, raw, path),
        *marked_content(pdf, raw, path),
        *annotation_rules(pdf, raw),
        *fonts(pdf),
    ]


def document_level(pdf: pikepdf.Pdf) -> list[str]:
    """Catalog and metadata: checkpoints 01 (MarkInfo), 06 (XMP), 07 (DisplayDocTitle),
    11 (the document's language)."""
    out = []
    root = pdf.Root
    mark_info = root.get("/MarkInfo")
    if not (isinstance(mark_info, Dictionary) and bool(mark_info.get("/Marked", False))):
        out.append(rule("01", "7.1", "/MarkInfo /Marked is not true"))
    if isinstance(mark_info, Dictionary) and bool(mark_info.get("/Suspects", False)):
        out.append(rule("01-006", "7.1", "/MarkInfo /Suspects is true"))
    preferences = root.get("/ViewerPreferences")
    if not (isinstance(preferences, Dictionary) and bool(preferences.get("/DisplayDocTitle"))):
        out.append(rule("07-001", "7.1", "/ViewerPreferences /DisplayDocTitle is not true"))
    lang = str(root.get("/Lang", ""))
    if not BCP47.fullmatch(lang):
        out.append(rule("11", "7.2", f"the catalog's /Lang {lang!r} is not BCP 47"))
    if "/Metadata" not in root:
        return [*out, rule("06-001", "5", "no XMP metadata stream")]
    packet = root.Metadata.read_bytes()
    try:
        dom = xml.dom.minidom.parseString(packet)
    except ExpatError as error:
        return [*out, rule("06-001", "5", f"the XMP packet is not well-formed XML: {error}")]
    part = dom.getElementsByTagName("pdfuaid:part")
    values = [_text(p).strip() for p in part]
    values += re.findall(r'pdfuaid:part="([^"]*)"', packet.decode("utf-8", "replace"))
    if values != ["1"]:
        out.append(rule("06-002", "5", f"XMP pdfuaid:part is {values}, not ['1']"))
    titles = [t for t in dom.getElementsByTagName("dc:title") if t.toxml().strip()]
    if not titles or not "".join(_text(t) for t in titles).strip():
        out.append(rule("06-003", "7.1", "XMP has no dc:title"))
    langs = [li.getAttribute("xml:lang") for li in dom.getElementsByTagName("rdf:li")]
    for bag in dom.getElementsByTagName("dc:language"):
        langs += [_text(li).strip() for li in bag.getElementsByTagName("rdf:li")]
    for lang in langs:
        if lang and lang != "x-default" and not BCP47.fullmatch(lang):
            out.append(rule("11", "7.2", f"XMP language {lang!r} is not BCP 47"))
    return out


def _text(node: xml.dom.minidom.Node) -> str:
    if isinstance(node, xml.dom.minidom.Text):
        return node.data
    return "".join(_text(kid) for kid in node.childNodes)


def _role_map(pdf: pikepdf.Pdf) -> dict[str, str]:
    role_map = pdf.Root.StructTreeRoot.get("/RoleMap")
    if not isinstance(role_map, Dictionary):
        return {}
    return {str(k)[1:]: str(v)[1:] for k, v in role_map.items()}


def standard_role(role: str, role_map: dict[str, str]) -> str:
    """The standard type ``role`` stands for: itself, or where the role map leads."""
    seen = set()
    while role not in STANDARD and role in role_map and role not in seen:
        seen.add(role)
        role = role_map[role]
    return role


def role_mapping(pdf: pikepdf.Pdf) -> list[str]:
    """Checkpoint 02: each role map entry leads, without a cycle, to a standard type, and
    no standard type is remapped."""
    out = []
    role_map = _role_map(pdf)
    for source, target in role_map.items():
        if source in STANDARD:
            out.append(rule("02-004", "7.1", f"standard type {source} is remapped to {target}"))
        elif standard_role(source, role_map) not in STANDARD:
            out.append(rule("02-001", "7.1", f"{source} does not map to a standard type"))
    return out


def elements(document: Node, role_map: dict[str, str]) -> list[str]:
    """What each element is and holds: checkpoints 02 (standard types), 11 (languages),
    13 (figures), 14 (headings), 15 (tables), 16 (lists), 19 (notes)."""
    out: list[str] = []
    headings = []
    note_ids: Counter[str] = Counter()
    for node in _with_parents(document, None):
        element, parent = node
        role = standard_role(element.role, role_map)
        above = standard_role(parent.role, role_map) if parent else ""
        kids = [standard_role(kid.role, role_map) for kid in element.kids]
        if role not in STANDARD:
            out.append(rule("02-001", "7.1", f"{element.role} is not a standard type"))
        if not BCP47.fullmatch(element.lang):
            out.append(rule("11", "7.2", f"{role} has /Lang {element.lang!r}, not BCP 47"))
        if role == "Figure" and not (element.alt or element.actual_text):
            out.append(rule("13-004", "7.3", "a Figure has no /Alt"))
        if role == "Figure" and "BBox" not in element.attributes:
            out.append(rule("13", "7.3", "a Figure has no Layout /BBox"))
        if role == "H":
            out.append(rule("14", "7.4.4", "H used (the leaflets number their headings)"))
        if re.fullmatch(r"H[1-6]", role):
            headings.append(int(role[1]))
        if role == "L" and set(kids) - {"LI", "Caption", "L"}:
            out.append(rule("16", "7.6", f"L holds {kids}"))
        if role == "LI" and (above != "L" or set(kids) - {"Lbl", "LBody"}):
            out.append(rule("16", "7.6", f"LI in {above} holding {kids}"))
        if role in ("Lbl", "LBody") and above != "LI":
            out.append(rule("16", "7.6", f"{role} in {above}"))
        if role == "TR" and above not in ("Table", "THead", "TBody", "TFoot"):
            out.append(rule("15", "7.5", f"TR in {above}"))
        if role in ("TH", "TD") and above != "TR":
            out.append(rule("15", "7.5", f"{role} in {above}"))
        if role == "TH" and "Scope" not in element.attributes:
            out.append(rule("15-003", "7.5", "a TH has no /Scope"))
        if role == "Table":
            widths = [_row_width(row, role_map) for row in _rows(element, role_map)]
            if len(set(widths)) > 1:
                out.append(rule("15", "7.5", f"a Table's rows have {widths} cells"))
        if role == "Note":
            if not element.element_id:
                out.append(rule("19-003", "7.9", "a Note has no /ID"))
            note_ids[element.element_id] += 1
    out += [
        rule("19-004", "7.9", f"Note /ID {i!r} is used {n} times")
        for i, n in note_ids.items()
        if i and n > 1
    ]
    if headings and headings[0] != 1:
        out.append(rule("14-002", "7.4.2", f"the first heading is H{headings[0]}"))
    out += [
        rule("14-003", "7.4.2", f"H{a} is followed by H{b}")
        for a, b in pairwise(headings)
        if b > a + 1
    ]
    return out


def _with_parents(node: Node, parent: Node | None) -> Iterator[tuple[Node, Node | None]]:
    yield node, parent
    for kid in node.kids:
        yield from _with_parents(kid, node)


def _rows(table: Node, role_map: dict[str, str]) -> list[Node]:
    rows = []
    for kid in table.kids:
        role = standard_role(kid.role, role_map)
        if role == "TR":
            rows.append(kid)
        elif role in ("THead", "TBody", "TFoot"):
            rows += _rows(kid, role_map)
    return rows


def _row_width(row: Node, role_map: dict[str, str]) -> int:
    return sum(
        int(cell.attributes.get("ColSpan", 1))
        for cell in row.kids
        if standard_role(cell.role, role_map) in ("TH", "TD")
    )


def tree_links(pdf: pikepdf.Pdf, raw: RawTree, path: Path) -> list[str]:
    """The tree's own bookkeeping (ISO 32000-1 §14.7.2, §14.7.4.4), which screen readers
    follow from a page's content to its element: parent links, ParentTree, IDTree."""
    out = list(raw.problems)
    root = pdf.Root.StructTreeRoot
    for element, parent in raw.elements:
        if "/P" not in element or element.P.objgen != parent.objgen:
            out.append(rule("01", "7.1", f"{element.S}'s /P is not its parent"))
    out += [
        rule("01", "7.1", f"page {p + 1} MCID {m} is claimed twice") for p, m in raw.claimed_twice
    ]
    named = parent_tree(path)
    for key in sorted(set(named) | set(raw.mcid_owner)):
        if named.get(key) != raw.mcid_owner.get(key):
            page, mcid = key
            out.append(
                rule("01", "7.1", f"page {page + 1} MCID {mcid}: ParentTree and tree differ")
            )
    in_tree = {element.objgen for element, _ in raw.elements}
    keys = Counter(
        int(holder[key])
        for page in pdf.pages
        for holder, key in [(page.obj, "/StructParents")]
        + [(a, "/StructParent") for a in page.obj.get("/Annots", [])]
        if key in holder
    )
    out += [
        rule("01", "7.1", f"StructParent key {k} is used {n} times")
        for k, n in keys.items()
        if n > 1
    ]
    nums = root.ParentTree.get("/Nums", Array()) if "/ParentTree" in root else Array()
    tree_keys = [int(nums[i]) for i in range(0, len(nums), 2)]
    if tree_keys and int(root.get("/ParentTreeNextKey", 0)) <= max(tree_keys):
        out.append(rule("01", "7.1", "/ParentTreeNextKey is not above every ParentTree key"))
    for i in range(1, len(nums), 2):
        entry = nums[i]
        for target in entry if isinstance(entry, Array) else [entry]:
            if isinstance(target, Dictionary) and target.objgen not in in_tree:
                out.append(rule("01", "7.1", f"ParentTree {nums[i - 1]} names no element"))
    out += _id_tree(root, raw)
    return out


def _id_tree(root: pikepdf.Object, raw: RawTree) -> list[str]:
    """Each element's /ID is in the IDTree, leading back to that element."""
    found: dict[bytes, tuple[int, int]] = {}

    def read(node: pikepdf.Object) -> None:
        names = node.get("/Names", Array())
        for i in range(0, len(names), 2):
            found[bytes(names[i])] = names[i + 1].objgen
        for kid in node.get("/Kids", Array()):
            read(kid)

    if isinstance(root.get("/IDTree"), Dictionary):
        read(root.IDTree)
    out = []
    for element, _ in raw.elements:
        if "/ID" in element and found.get(bytes(element.ID)) != element.objgen:
            out.append(rule("19", "7.9", f"the IDTree does not lead to {element.S} {element.ID}"))
    return out


def marked_content(pdf: pikepdf.Pdf, raw: RawTree, path: Path) -> list[str]:
    """Checkpoint 01: all content is real content in the tree or an artifact, never one
    inside the other, each MCID once per page and claimed by an element."""
    out = []
    for number, (page, seen) in enumerate(zip(pdf.pages, page_objects(path), strict=True)):
        where = f"page {number + 1}"
        if seen.untagged_text or seen.untagged_other:
            out.append(rule("01-005", "7.1", f"{where}: content neither tagged nor artifact"))
        stack: list[tuple[str, int | None]] = []
        mcids: Counter[int] = Counter()
        resources = page.obj.get("/Resources", Dictionary())
        for operands, op in _instructions(page):
            if op in ("BMC", "BDC"):
                tag = str(operands[0])
                props = operands[1] if len(operands) > 1 else None
                if isinstance(props, Name):
                    props = resources.Properties[props]
                mcid = (
                    int(props.MCID) if isinstance(props, Dictionary) and "/MCID" in props else None
                )
                inside_artifact = any(t == "/Artifact" for t, _ in stack)
                inside_mcid = any(m is not None for _, m in stack)
                if tag == "/Artifact" and inside_mcid:
                    out.append(rule("01-003", "7.1", f"{where}: an artifact inside tagged content"))
                if mcid is not None and inside_artifact:
                    out.append(rule("01-004", "7.1", f"{where}: MCID {mcid} inside an artifact"))
                if mcid is not None and inside_mcid:
                    out.append(rule("01", "7.1", f"{where}: MCID {mcid} inside another"))
                if mcid is not None:
                    mcids[mcid] += 1
                stack.append((tag, mcid))
            elif op == "EMC":
                if not stack:
                    out.append(rule("01", "7.1", f"{where}: EMC without its BMC/BDC"))
                else:
                    stack.pop()
            elif op in PAINT and not stack:
                out.append(rule("01-005", "7.1", f"{where}: {op} outside marked content"))
        if stack:
            out.append(rule("01", "7.1", f"{where}: marked content left open"))
        out += [
            rule("01", "7.1", f"{where}: MCID {m} marks {n} sequences")
            for m, n in mcids.items()
            if n > 1
        ]
        claimed = {m for p, m in raw.mcid_owner if p == number}
        out += [
            rule("01", "7.1", f"{where}: MCID {m} is in no element")
            for m in sorted(set(mcids) - claimed)
        ]
        out += [
            rule("01", "7.1", f"{where}: the tree's MCID {m} marks nothing")
            for m in sorted(claimed - set(mcids))
        ]
    return out


def annotation_rules(pdf: pikepdf.Pdf, raw: RawTree) -> list[str]:
    """Checkpoint 28 (7.18): tab order follows the structure, every annotation is in
    the tree in its element (a Link in a Link) or hidden, with a description."""
    out = []
    named = _parent_tree_entries(pdf)
    for number, page in enumerate(pdf.pages, 1):
        annots = list(page.obj.get("/Annots", []))
        if annots and page.obj.get("/Tabs") != Name.S:
            out.append(rule("28-008", "7.18.3", f"page {number} has annotations but no /Tabs /S"))
        for annot in annots:
            subtype = annot.get("/Subtype")
            owner = raw.annotation_owner.get(annot.objgen)
            hidden = int(annot.get("/F", 0)) & HIDDEN_FLAG
            what = f"page {number} {subtype} annotation"
            if subtype == Name.PrinterMark:
                if owner is not None:
                    out.append(rule("28", "7.18.6.2", f"{what} is in the structure tree"))
                continue
            if subtype == Name.TrapNet:
                out.append(rule("28", "7.18.2", f"{what} is not permitted"))
                continue
            if hidden or subtype == Name.Popup:
                continue
            if owner is None:
                out.append(rule("28-002", "7.18.1", f"{what} is not in the structure tree"))
                continue
            expected = OWN_ELEMENT.get(str(subtype), "Annot")
            if str(owner.S)[1:] != expected:
                out.append(rule("28-011", "7.18.1", f"{what} is in {owner.S}, not {expected}"))
            if subtype != Name.Widget and not str(annot.get("/Contents", "")).strip():
                out.append(rule("28-004", "7.18.1", f"{what} has no /Contents"))
            key = annot.get("/StructParent")
            if key is None or named.get(int(key)) != owner.objgen:
                out.append(
                    rule("28", "7.18.1", f"{what}'s /StructParent does not name its element")
                )
    return out


def _parent_tree_entries(pdf: pikepdf.Pdf) -> dict[int, tuple[int, int]]:
    """ParentTree keys that name one element (an annotation's), by that element."""
    nums = pdf.Root.StructTreeRoot.ParentTree.get("/Nums", Array())
    return {
        int(nums[i]): nums[i + 1].objgen
        for i in range(0, len(nums), 2)
        if isinstance(nums[i + 1], Dictionary)
    }


def fonts(pdf: pikepdf.Pdf) -> list[str]:
    """Checkpoints 10 and 31 (7.21): every font a page draws text in is embedded, with an
    encoding its program can be read by, each code it draws maps to Unicode text, is
    drawn at its program's advance, and never draws the .notdef glyph."""
    out: list[str] = []
    read: dict[tuple[int, int], FontReading] = {}
    for number, page in enumerate(pdf.pages, 1):
        for font, codes in _drawn(page.obj, page.obj.get("/Resources", Dictionary())):
            where = f"page {number} {font.get('/BaseFont', '?')}"
            if font.objgen not in read:
                read[font.objgen] = FontReading.of(font)
            reading = read[font.objgen]
            out += [rule(*problem[:2], f"{where} {problem[2]}") for problem in reading.problems]
            for code in sorted(codes):
                text = reading.unicode.get(code, "")
                if not text or any(c == "\ufffd" or "\ue000" <= c <= "\uf8ff" for c in text):
                    out.append(rule("10-001", "7.21.7", f"{where} code {code} reads {text!r}"))
                if reading.program and reading.glyph(code) == 0:
                    out.append(rule("31", "7.21.8", f"{where} code {code} draws .notdef"))
                declared, advance = reading.widths(code)
                if advance is not None and abs(declared - advance) > 1:
                    wide = f"is {declared} wide, its glyph {advance:.0f}"
                    out.append(rule("31", "7.21.5", f"{where} code {code} {wide}"))
    return sorted(set(out), key=out.index)


@dataclass
class FontReading:
    """What a font dictionary and its embedded TrueType program say of each code."""

    font: pikepdf.Object
    unicode: dict[int, str]
    program: TTFont | None
    problems: list[tuple[str, str, str]]  # (checkpoint, clause, message)
    cmap: dict[int, str] = field(default_factory=dict)

    @classmethod
    def of(cls, font: pikepdf.Object) -> FontReading:
        unicode = _to_unicode(font["/ToUnicode"].read_bytes()) if "/ToUnicode" in font else {}
        problems = [] if "/ToUnicode" in font else [("10-001", "7.21.7", "has no /ToUnicode")]
        descendant = font.DescendantFonts[0] if font.get("/Subtype") == Name.Type0 else font
        descriptor = descendant.get("/FontDescriptor", Dictionary())
        if font.get("/Subtype") != Name.Type3 and not any(
            key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
        ):
            problems.append(("31", "7.21.4.1", "is not embedded"))
        if "/FontFile2" not in descriptor:  # another format: its glyphs are not read here
            return cls(font, unicode, None, problems)
        program = TTFont(io.BytesIO(descriptor.FontFile2.read_bytes()), lazy=True)
        reading = cls(font, unicode, program, problems)
        if font.get("/Subtype") == Name.TrueType:
            reading.read_simple_encoding(int(descriptor.get("/Flags", 0)))
        return reading

    def read_simple_encoding(self, flags: int) -> None:
        """7.21.6: a symbolic TrueType font has no /Encoding and one cmap subtable, or a
        (3,0) one; the codes are looked up in its (1,0) or (3,0) subtable (§9.6.6.4)."""
        assert self.program is not None
        tables = [(t.platformID, t.platEncID) for t in self.program["cmap"].tables]
        symbolic = bool(flags & 4)
        if symbolic and ("/Encoding" in self.font or (len(tables) != 1 and (3, 0) not in tables)):
            self.problems.append(("31", "7.21.6", f"is symbolic with cmap {tables}"))
        if not symbolic and (3, 1) not in tables and (1, 0) not in tables:
            self.problems.append(("31", "7.21.6", f"is non-symbolic with cmap {tables}"))
        for subtable in self.program["cmap"].tables:
            if (subtable.platformID, subtable.platEncID) in ((1, 0), (3, 0)):
                for code, name in subtable.cmap.items():
                    self.cmap.setdefault(code & 0xFF, name)

    def glyph(self, code: int) -> int:
        """The glyph id ``code`` draws (0: .notdef)."""
        assert self.program is not None
        order = self.program.getGlyphOrder()
        if self.font.get("/Subtype") != Name.Type0:
            return order.index(self.cmap[code]) if code in self.cmap else 0
        gids = self.font.DescendantFonts[0].get("/CIDToGIDMap")
        if isinstance(gids, pikepdf.Stream):  # Identity-H: the code is the CID
            return int.from_bytes(gids.read_bytes()[2 * code : 2 * code + 2] or b"\0", "big")
        return code if code < len(order) else 0

    def widths(self, code: int) -> tuple[float, float | None]:
        """A simple font's /Widths entry for ``code``, and its glyph's advance in the
        program (None where not read here), both in 1/1000 em."""
        if self.program is None or self.font.get("/Subtype") != Name.TrueType:
            return 0.0, None
        first = int(self.font.get("/FirstChar", 0))
        widths = self.font.get("/Widths", Array())
        declared = float(widths[code - first]) if 0 <= code - first < len(widths) else 0.0
        name = self.program.getGlyphOrder()[self.glyph(code)]
        advance = self.program["hmtx"][name][0] * 1000 / self.program["head"].unitsPerEm
        return declared, advance


def _drawn(
    holder: pikepdf.Object, resources: pikepdf.Object
) -> Iterator[tuple[pikepdf.Object, set[int]]]:
    """Each font a content stream (and the forms it draws) shows text in, with the codes."""
    used: dict[tuple[int, int], tuple[pikepdf.Object, set[int]]] = {}
    font: pikepdf.Object | None = None
    for operands, op in _instructions(holder):
        if op == "Tf":
            font = resources.Font[str(operands[0])]
        elif op in SHOW_TEXT and font is not None:
            codes = used.setdefault(font.objgen, (font, set()))[1]
            shown = operands[-1]
            for item in shown if isinstance(shown, Array) else [shown]:
                if isinstance(item, pikepdf.String):
                    codes |= set(_codes(font, bytes(item)))
        elif op == "Do":
            form = resources.XObject[str(operands[0])]
            if form.get("/Subtype") == Name.Form:
                yield from _drawn(form, form.get("/Resources", resources))
    yield from used.values()


def _instructions(
    holder: pikepdf.Object | pikepdf.Page,
) -> Iterator[tuple[list[pikepdf.Object], str]]:
    """Each operator of a content stream with its operands (an inline image as BI)."""
    for instruction in pikepdf.parse_content_stream(holder):
        if isinstance(instruction, pikepdf.ContentStreamInstruction):
            yield list(instruction.operands), str(instruction.operator)
        else:
            yield [], "BI"


def _codes(font: pikepdf.Object, data: bytes) -> list[int]:
    if font.get("/Subtype") == Name.Type0:  # Identity-H: two bytes a code
        return [int.from_bytes(data[i : i + 2], "big") for i in range(0, len(data), 2)]
    return list(data)


def _to_unicode(data: bytes) -> dict[int, str]:
    """A ToUnicode CMap's bfchar and bfrange entries (ISO 32000-1 §9.10.3)."""
    text = data.decode("latin-1")
    found: dict[int, str] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for code, value in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            found[int(code, 16)] = _utf16(value)
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        pattern = r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])"
        for low, high, value in re.findall(pattern, block):
            codes = range(int(low, 16), int(high, 16) + 1)
            if value.startswith("["):
                values = re.findall(r"<([0-9A-Fa-f]*)>", value)
                found.update(zip(codes, map(_utf16, values), strict=False))
            else:
                start = bytes.fromhex(value[1:-1])
                first = int.from_bytes(start, "big")
                for n, code in enumerate(codes):
                    found[code] = _utf16((first + n).to_bytes(len(start), "big").hex())
    return found


def _utf16(hex_text: str) -> str:
    return bytes.fromhex(hex_text).decode("utf-16-be", "replace")
