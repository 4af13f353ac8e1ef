"""Turn a leaflet YAML file (and the organisation profile it names) into a `Leaflet`.

All validation of what the author wrote happens here, with file:line:col on every
message: unknown keys (with a did-you-mean), missing fields, wrong types, malformed
inline markup, citations to missing references. Warnings (a reference never cited)
come back as findings rather than stopping the build.
"""

from __future__ import annotations

import dataclasses
import re
import zlib
from pathlib import Path
from typing import Literal, TypeGuard, assert_never

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import Finding, LeafletError, Location, closest, either_of, escaped
from ..files import optional_file, read_input, standing_there
from ..project import LOCALE, SLUG, Project, check_leaflet_id, check_locale, check_slug
from . import model as m
from .inline import (
    WEB_SCHEMES,
    InlineError,
    as_printed,
    link_refusal,
    parse_inline,
    tel_link,
    web_link,
    wordless,
)
from .pdf_strings import refuse_overlong_keywords
from .wordings import worded
from .yaml_source import (
    EMPTY_LIST_HINT,
    ORGANISATION,
    Fields,
    invisible_only,
    load_yaml,
    no_text,
    suggest,
    where,
)

BlockKind = Literal[
    "heading", "paragraph", "list", "callout", "quote", "faq", "table", "figure"
]  # fmt: skip
BLOCK_KEYS: dict[BlockKind, tuple[str, ...]] = {  # the keys a block of each kind may have
    "heading": ("level",),
    "paragraph": (),
    "list": ("style",),
    "callout": ("kind", "title"),
    "quote": ("attribution",),
    "faq": (),
    "table": ("caption",),
    "figure": ("caption", "alt", "decorative"),
}
COMMON_BLOCK_KEYS = ("id", "note")
LEAFLET_KEYS = (
    "id", "language", "kicker", "title", "subtitle", "lede", "document", "audience",
    "organisation", "numbered_sections", "url", "keywords", "disclaimer", "blocks",
    "references",
)  # fmt: skip
DOCUMENT_KEYS = ("code", "version", "published", "next_review")
REFERENCE_KEYS = (
    "key", "authors", "title", "journal", "year", "volume", "issue", "pages", "doi",
    "pmid", "url",
)  # fmt: skip
# "note": not printed; where a waiver of a check of a printed field goes (docs/checks.md)
ORGANISATION_KEYS = ("name", "address", "phone", "line", "whatsapp", "web", "logo", "note")
HEADING_LENGTH_HINT = 40


def _is_block_kind(kind: str) -> TypeGuard[BlockKind]:
    return kind in BLOCK_KEYS


#: The most characters of a document code or version: both share one footer line with
#: the review date and the page number (`layout.pages` parts it between its items).
MAX_CONTROL_CHARACTERS = 60


class _Reader:
    """Reads one leaflet file; holds the path so every helper can point into it."""

    def __init__(self, path: Path, project: Project) -> None:
        self.path = path
        self.project = project
        self.image_bytes: dict[Path, int] = {}  # decoded size of each distinct image
        self.id_nodes: dict[int, Node] = {}  # the `id:` of each block that has one, by index

    def fields(self, node: Node, what: str, known: tuple[str, ...]) -> Fields:
        return Fields(self.path, node, what, known)

    def text(self, node: Node, context: str, comment: str, needs_words: bool = False) -> m.Text:
        """The text of ``node``, refused when it would print nothing, or, where
        ``needs_words`` (a title, a heading, an alt text, a question), no word."""
        if problem := no_text(self.path, node, f"'{context}'"):
            raise problem
        if isinstance(node, MappingNode) and len(node.value) == 1:
            key, value = node.value[0]
            if isinstance(key, ScalarNode) and isinstance(value, ScalarNode) and key.value:
                raise LeafletError(
                    where(self.path, node),
                    f"'{context}' is not text: the colon and space after '{key.value}' "
                    "make YAML read it as a name and a value",
                    f"quote the text: {_quoted(f'{key.value}: {value.value}')}"
                    if len(f"{key.value}{value.value}") < 60
                    else "put the text in quotes, or write it on the next lines after >-",
                )
        if not isinstance(node, ScalarNode) or not str(node.value).strip():
            raise LeafletError(where(self.path, node), f"'{context}' must be non-empty text")
        value = str(node.value)
        if problem := invisible_only(self.path, node, f"'{context}'"):
            raise problem
        # One spelling per text, as the page prints it (NFC, each run of blanks one
        # space): a leaflet saved decomposed (an editor's NFD, "ế" as e ◌̂ ◌́), or a
        # sentence retyped with two blanks or folded on other lines, is still the msgid
        # its catalogs translate, not new messages that turn every translation fuzzy and
        # every sign-off stale for an edit no reader sees. Its columns are then no
        # longer the file's, so a message names the line alone.
        composed = as_printed(value)
        column = _first_column(node, value) if composed == value.strip() else 0
        text = m.Text(composed, context, node.start_mark.line + 1, comment, column=column)
        try:
            parse_inline(value)
            silent = wordless(value, needs_words)
            if silent:
                silent.message = f"'{context}' {silent.message}"
                raise silent
        except InlineError as exc:
            location = where(self.path, node)
            if _typed_as_read(node, value):  # one line, each character as typed: exact
                quote = 1 if node.style else 0
                column = location.column + quote + exc.offset
                location = Location(self.path, location.line, column)
            raise LeafletError(location, exc.message, exc.hint) from None
        return text

    def field_text(
        self,
        fields: Fields,
        key: str,
        context: str,
        comment: str,
        required: bool = False,
        needs_words: bool = False,
    ) -> m.Text | None:
        if not fields.has(key):
            if required:
                fields.node_of(key)
            return None
        return self.text(fields.values[key], context, comment, needs_words)

    def paragraphs(self, node: Node, context: str, comment: str) -> tuple[m.Text, ...]:
        """A text, or a list of texts (one per paragraph)."""
        if isinstance(node, SequenceNode):
            if not node.value:
                raise LeafletError(
                    where(self.path, node), f"'{context}' is an empty list", EMPTY_LIST_HINT
                )
            return tuple(
                self.text(item, f"{context}/{n}", comment) for n, item in enumerate(node.value, 1)
            )
        return (self.text(node, context, comment),)

    def leaflet(self) -> m.Leaflet:
        f = self.fields(load_yaml(self.path), "leaflet", LEAFLET_KEYS)
        leaflet_id = f.pattern("id", SLUG, "a slug (a-z, 0-9, '-')")
        if leaflet_id != self.path.stem:
            f.fail(
                f.values["id"],
                f"id '{leaflet_id}' does not match the file name '{self.path.name}'",
                f"rename the file to {leaflet_id}.yaml or change the id",
            )
        url = f.web_address("url")
        keywords = self.keywords(f)
        refuse_overlong_keywords(self.path, keywords)
        language = check_locale(
            f.pattern("language", LOCALE, "a BCP 47 language tag"),
            where(self.path, f.node_of("language")),
        )
        leaflet = m.Leaflet(
            id=leaflet_id,
            path=self.path,
            language=language,
            kicker=self.field_text(f, "kicker", "kicker", "Small line above the title."),
            title=self.text(
                f.node_of("title"), "title", "Leaflet title; also the PDF title.", True
            ),
            subtitle=self.field_text(f, "subtitle", "subtitle", "Line under the title."),
            lede=self.field_text(f, "lede", "lede", "Introduction under the title."),
            audience=self.field_text(f, "audience", "audience", "Who the leaflet is for."),
            document=self.document(f.node_of("document")),
            organisation=self.organisation(f, language),
            numbered_sections=f.boolean("numbered_sections", False),
            url=url,
            url_line=f.line_of("url"),
            keywords=keywords,
            blocks=tuple(self.block(node, n) for n, node in enumerate(f.sequence("blocks"))),
            disclaimer=self.text(f.node_of("disclaimer"), "disclaimer", "Closing disclaimer."),
            references=self.references(f),
        )
        self.refuse_shared_contexts(leaflet)
        return leaflet

    def keywords(self, f: Fields) -> tuple[m.Text, ...]:
        """The PDF's keywords, each a text of its own (``keywords/1``, …): a translator
        translates them, so a translation's PDF is found by its readers' words."""
        if not f.has("keywords"):
            return ()
        return tuple(
            self.text(
                item,
                f"{m.KEYWORDS_CONTEXT}/{n}",
                f"PDF keyword {n}: not printed on the page; search engines and a PDF "
                "viewer's document properties show it.",
                needs_words=True,
            )
            for n, item in enumerate(f.sequence("keywords"), 1)
        )

    def refuse_shared_contexts(self, leaflet: m.Leaflet) -> None:
        """Refuse two texts with one translation context (msgctxt): a block id used
        twice, or one that is the context of another text (``id: title``, or
        ``id: paragraph`` on a list, whose items are paragraph/1, …, as the first
        paragraph without an id). They made two .pot entries of one msgctxt, or one
        entry a translator cannot tell apart from the other."""
        own = [(t, None) for t in m.texts(dataclasses.replace(leaflet, blocks=()))]
        in_blocks = [(t, n) for n, block in enumerate(leaflet.blocks) for t in m.texts(block)]
        seen: dict[str, tuple[m.Text, int | None]] = {}
        for text, n in [*own, *in_blocks]:
            if text.context not in seen:
                seen[text.context] = (text, n)
                continue
            first, first_block = seen[text.context]
            # The block whose id makes the shared context; without ids, contexts are
            # numbered by position and cannot meet.
            blamed, other, other_block = (
                (n, first, first_block) if n in self.id_nodes else (first_block, text, n)
            )
            if blamed is None or blamed not in self.id_nodes:
                raise LeafletError(
                    Location(self.path, text.line),
                    f"two texts share the translation context '{text.context}' "
                    f"(also line {first.line})",
                )
            block_id = leaflet.blocks[blamed].id
            if other_block is not None and leaflet.blocks[other_block].id == block_id:
                first_line = self.id_nodes[other_block].start_mark.line + 1
                message = f"block id '{block_id}' is used twice (first on line {first_line})"
            elif other_block is None:
                message = (
                    f"block id '{block_id}' is the translation context of the leaflet's "
                    f"{text.context} (line {other.line})"
                )
            else:
                message = (
                    f"block id '{block_id}' gives this block's texts the translation context "
                    f"'{text.context}', which the text on line {other.line} has"
                )
            raise LeafletError(
                where(self.path, self.id_nodes[blamed]),
                message,
                "give this block an id of its own: it names the block's texts for "
                "translators (the msgctxt of their .po entries)",
            )

    def scalar(self, node: Node, what: str) -> str:
        if problem := no_text(self.path, node, what[0].upper() + what[1:]):
            raise problem
        if not isinstance(node, ScalarNode) or not str(node.value).strip():
            raise LeafletError(where(self.path, node), f"{what} must be a non-empty single value")
        if problem := invisible_only(self.path, node, what[0].upper() + what[1:]):
            raise problem
        return str(node.value).strip()

    def document(self, node: Node) -> m.DocumentControl:
        f = self.fields(node, "document", DOCUMENT_KEYS)
        published, next_review = f.date("published"), f.date("next_review")
        if next_review <= published:
            f.fail(f.values["next_review"], "'next_review' must be after 'published'")
        code, version = f.text("code"), f.text("version")
        for key, value in (("code", code), ("version", version)):
            if len(value) > MAX_CONTROL_CHARACTERS:  # a 100 kB version: 34 s, 18 pages
                f.fail(
                    f.values[key],
                    f"'{key}' is {len(value):,} characters; it is printed in the footer of "
                    f"every page, with room for about {MAX_CONTROL_CHARACTERS}",
                    "shorten it: a code such as MSC-PI-004, a version such as 2.1",
                )
        return m.DocumentControl(code, version, published, next_review)

    def organisation(self, leaflet_fields: Fields, language: str) -> m.Organisation:
        """The profile the leaflet names, its worded fields as a ``language`` reader
        reads them (`Organisation.in_locale` gives another locale's)."""
        org_id = leaflet_fields.pattern("organisation", SLUG, "an organisation id (a slug)")
        check_slug(
            org_id, "organisation id", where(self.path, leaflet_fields.values["organisation"])
        )
        path = self.project.file("organisations", f"{org_id}.yaml")
        if not optional_file(path):
            known = sorted(p.stem for p in self.project.organisations_dir.glob("*.yaml"))
            leaflet_fields.fail(
                leaflet_fields.values["organisation"],
                f"no organisation profile '{org_id}' (looked for {path.name} in organisations/)",
                suggest(org_id, known) if known else "create organisations/<id>.yaml",
            )
        f = Fields(path, load_yaml(path, ORGANISATION), "organisation", ORGANISATION_KEYS)
        logo = None
        if f.has("logo"):  # printed in the band on page 1: checked as a figure's image
            logo = self.image_file(f, "logo")
            self.image_bytes[logo] = check_image(logo, where(path, f.values["logo"]))
        web = f.text("web", "")
        refusal = link_refusal(web_link(web), WEB_SCHEMES) if web else ""
        if refusal:
            f.fail(f.values["web"], f"'web' {web!r} is not allowed as a link", refusal)
        for key in ("phone", "whatsapp"):  # printed as a number to dial, and its link
            number = f.text(key, "")
            if number and not tel_link(number):
                f.fail(
                    f.values[key],
                    f"{key!r} {number!r} holds no number to dial",
                    f'write the number as it is dialled, e.g. {key}: "+66 2 123 4567"; '
                    "leave the key out if there is none",
                )
        f.node_of("name")  # required: every page's band and every PDF's Author print it
        # Not printed, but read for its waivers (`checks.waivers.profile_waivers`), which
        # read a single text: a note written as a list was taken for no note. Empty is
        # no note (the template writes note: "").
        if f.has("note"):
            f.scalar("note")
        wordings = tuple(
            wording
            for field in m.WORDED_FIELDS
            for wording in worded(f, field, self.project, language)
        )
        return m.Organisation(
            id=org_id,
            name="",
            path=path,
            phone=f.text("phone", ""),
            line=f.text("line", ""),
            whatsapp=f.text("whatsapp", ""),
            web=web,
            logo=logo,
            wordings=wordings,
            source_language=language,
        ).in_locale(language)

    def block(self, node: Node, index: int) -> m.Block:
        if not isinstance(node, MappingNode) or not node.value:
            raise LeafletError(
                where(self.path, node), "a block must be a mapping such as 'paragraph: ...'"
            )
        first = node.value[0][0]
        kind = str(first.value) if isinstance(first, ScalarNode) else ""
        if not _is_block_kind(kind):
            raise LeafletError(
                where(self.path, first),
                f"unknown block kind '{kind}'",
                suggest(kind, tuple(BLOCK_KEYS)),
            )
        f = self.fields(node, f"{kind} block", (kind, *BLOCK_KEYS[kind], *COMMON_BLOCK_KEYS))
        block_id = f.pattern("id", SLUG, "a slug (a-z, 0-9, '-')", "")
        if block_id:
            self.id_nodes[index] = f.values["id"]
        if block_id == m.REFERENCE_CONTEXT:
            f.fail(
                f.values["id"],
                f"block id '{block_id}' is reserved: the titles of references are translated "
                "under it",
                "choose another id; this block's texts would be taken for titles of cited "
                "works, which need no translation",
            )
        base = block_id or f"{kind}/{index + 1}"
        note = f.text("note", "")
        line = node.start_mark.line + 1

        def about(what: str) -> str:
            return f"{what}. {note}".strip() if note else f"{what}."

        value = f.node_of(kind)
        match kind:
            case "heading":
                level = self.heading_level(f)
                what = "Section heading" if level == m.SECTION_LEVEL else "Subheading"
                hint = f"{what}; also a PDF bookmark. Keep under {HEADING_LENGTH_HINT} characters"
                text = self.text(value, base, about(hint), needs_words=True)
                return m.Heading(text, block_id, line, level, context=base)
            case "paragraph":
                text = self.text(value, base, about("Paragraph"))
                return m.Paragraph(text, block_id, line, context=base)
            case "list":
                style = f.text("style", "bullet")
                if style not in ("bullet", "numbered"):
                    f.fail(
                        f.values["style"], f"list style must be bullet or numbered, not {style!r}"
                    )
                items = f.sequence("list")
                for item in items:
                    if isinstance(item, (SequenceNode, MappingNode)) and _nested_list(item):
                        raise LeafletError(
                            where(self.path, item),
                            "a list inside a list item: a leaflet's lists are not nested",
                            "put these items in a list block of their own after this one "
                            "(style: numbered for a numbered list), or write them as text",
                        )
                texts = tuple(
                    self.text(item, f"{base}/{n}", about(f"List item {n} of {len(items)}"))
                    for n, item in enumerate(items, 1)
                )
                return m.ListBlock(texts, style == "numbered", block_id, line, context=base)
            case "callout":
                callout_kind = f.text("kind")
                if callout_kind not in m.CALLOUT_KINDS:
                    f.fail(
                        f.values["kind"],
                        f"unknown callout kind '{callout_kind}'",
                        suggest(callout_kind, m.CALLOUT_KINDS),
                    )
                title = self.field_text(
                    f,
                    "title",
                    f"{base}/title",
                    about(f"Title of a {callout_kind} box"),
                    needs_words=True,
                )
                body = self.paragraphs(value, base, about(f"Text of a {callout_kind} box"))
                return m.Callout(callout_kind, title, body, block_id, line, context=base)
            case "quote":
                attribution = self.field_text(
                    f, "attribution", f"{base}/attribution", about("Quote attribution")
                )
                text = self.text(value, base, about("Pull quote"))
                return m.Quote(text, attribution, block_id, line, context=base)
            case "faq":
                entries = self.faq_entries(f.sequence("faq"), base, about)
                return m.Faq(entries, block_id, line, context=base)
            case "table":
                return self.table(f, base, about, block_id, line)
            case "figure":
                return self.figure(f, base, about, block_id, line)
            case _:
                assert_never(kind)

    def heading_level(self, f: Fields) -> int:
        """The heading's ``level:`` option (2 when absent), one of `model.HEADING_LEVELS`."""
        value = f.node_of("heading")
        if isinstance(value, MappingNode | SequenceNode):
            f.fail(
                value,
                "a heading's value is its text, not a mapping or a list",
                "write the text after 'heading:', and its level as an option on the next "
                "line, indented like 'id:': 'level: 3'",
            )
        if not f.has("level"):
            return m.SECTION_LEVEL
        level = f.integer("level")
        if level not in m.HEADING_LEVELS:
            *others, last = m.HEADING_LEVELS
            levels = f"{', '.join(map(str, others))} or {last}"
            hint = (
                f"level {m.TITLE_LEVEL} is the leaflet's title; a section is level "
                f"{m.SECTION_LEVEL}, a part of one {m.SECTION_LEVEL + 1}"
                if level < min(m.HEADING_LEVELS)
                else "a leaflet that needs more levels is easier to read as more sections"
            )
            f.fail(f.values["level"], f"heading level must be {levels}, not {level}", hint)
        return level

    def faq_entries(self, nodes: list[Node], base: str, about: object) -> tuple[m.FaqEntry, ...]:
        entries = []
        for n, node in enumerate(nodes, 1):
            f = self.fields(node, "FAQ entry", ("q", "a"))
            question = self.text(f.node_of("q"), f"{base}/{n}/question", f"FAQ question {n}.", True)
            answer = self.paragraphs(
                f.node_of("a"), f"{base}/{n}/answer", f"Answer to FAQ question {n}."
            )
            entries.append(m.FaqEntry(question, answer))
        return tuple(entries)

    def table(self, f: Fields, base: str, about, block_id: str, line: int) -> m.Table:  # type: ignore[no-untyped-def]
        t = self.fields(f.node_of("table"), "table", ("header", "rows"))
        header_nodes = t.sequence("header")
        if len(header_nodes) > m.MAX_TABLE_COLUMNS:
            t.fail(
                t.values["header"],
                f"table has {len(header_nodes)} columns; "
                f"at most {m.MAX_TABLE_COLUMNS} fit on the page",
                "split it into two tables, or turn it into a list",
            )
        header = tuple(
            self.text(cell, f"{base}/header/{c}", about(f"Table column heading {c}"))
            for c, cell in enumerate(header_nodes, 1)
        )
        rows = []
        for r, row in enumerate(t.sequence("rows"), 1):
            if not isinstance(row, SequenceNode) or len(row.value) != len(header):
                raise LeafletError(
                    where(self.path, row),
                    f"table row {r} must be a list of {len(header)} cells, like the header",
                )
            rows.append(
                tuple(
                    self.text(
                        cell, f"{base}/row/{r}/{c}", about(f"Table cell, row {r}, column {c}")
                    )
                    for c, cell in enumerate(row.value, 1)
                )
            )
        caption = self.field_text(f, "caption", f"{base}/caption", about("Table caption"))
        return m.Table(header, tuple(rows), caption, block_id, line, context=base)

    def image_file(self, f: Fields, key: str) -> Path:
        """The picture ``f``'s ``key`` names (a figure, a logo), refused at its line when
        no file stands there: a folder or a named pipe under its name is said to be one
        (it was "not found", where the author saw it), and the name is shown escaped (a
        newline in it split the message over two lines)."""
        written = f.text(key)
        path = self.project.written_file(written, where(f.path, f.values[key]))
        if path.is_file():
            return path
        what = "image" if key == "figure" else key
        if standing := standing_there(path):
            f.fail(
                f.values[key],
                f"{escaped(written)} is {standing}, not an image file",
                "name the picture's file itself (a PNG or JPEG), or remove or rename what "
                "stands there",
            )
        f.fail(
            f.values[key],
            f"{what} file not found: {escaped(written)}",
            self.project.missing_file_hint(written),
        )

    def figure(self, f: Fields, base: str, about, block_id: str, line: int) -> m.Figure:  # type: ignore[no-untyped-def]
        path = self.image_file(f, "figure")
        self.image_bytes[path] = check_image(path, where(self.path, f.values["figure"]))
        if sum(self.image_bytes.values()) > MAX_LEAFLET_IMAGE_BYTES:
            f.fail(
                f.values["figure"],
                f"the images of this leaflet take more than "
                f"{MAX_LEAFLET_IMAGE_BYTES / 1e6:.0f} MB once decoded",
                "scale them down: 300 dpi at the printed size is plenty",
            )
        decorative = f.boolean("decorative", False)
        if decorative and f.has("alt"):
            f.fail(
                f.values["alt"],
                "a decorative figure has no description: screen readers skip it",
                "remove 'alt:', or remove 'decorative: true' if the image shows something "
                "the text does not say",
            )
        if not decorative and not f.has("alt"):
            f.fail(
                f.node,
                "figure has no 'alt:' text: a reader who cannot see the image learns nothing "
                "from it",
                "add 'alt:' saying what the image shows, or 'decorative: true' if it only "
                "decorates the page",
            )
        alt = self.field_text(
            f,
            "alt",
            f"{base}/alt",
            about("Image description for screen readers"),
            needs_words=True,
        )
        caption = self.field_text(f, "caption", f"{base}/caption", about("Figure caption"))
        return m.Figure(path, alt, caption, block_id, line, decorative, context=base)

    def references(self, f: Fields) -> tuple[m.Reference, ...]:
        if not f.has("references"):
            return ()
        refs: list[m.Reference] = []
        seen: dict[str, int] = {}
        for node in f.sequence("references"):
            r = self.fields(node, "reference", REFERENCE_KEYS)
            key = r.pattern("key", r"[A-Za-z0-9][A-Za-z0-9_:.-]*", "a citation key")
            if key in seen:
                r.fail(
                    r.values["key"], f"duplicate reference key '{key}' (first on line {seen[key]})"
                )
            seen[key] = r.line_of("key")
            authors = r.sequence("authors")
            refs.append(
                m.Reference(
                    key=key,
                    authors=tuple(self.scalar(a, "an author") for a in authors),
                    title=self.text(
                        r.node_of("title"),
                        f"{m.REFERENCE_CONTEXT}/{key}/title",
                        "Title of a cited work.",
                        needs_words=True,
                    ),
                    year=r.integer("year"),
                    line=node.start_mark.line + 1,
                    url=r.web_address("url"),
                    **{
                        k: r.text(k, "")
                        for k in ("journal", "volume", "issue", "pages", "doi", "pmid")
                    },
                )
            )
        return tuple(refs)


MAX_IMAGE_PIXELS = 40_000_000  # 40 MP: an A4 page at 300 dpi is 8.7 MP; more only costs memory
# Memory is pixels × bytes per pixel, not pixels: a 36 MP 16-bit RGBA PNG compresses to
# 280 kB and decodes to 288 MB. Layout holds about four copies of one image while it
# embeds it (decoded, converted, alpha mask, compressed), one image at a time.
MAX_IMAGE_BYTES = 64_000_000  # e.g. 16 MP of RGBA, 21 MP of RGB: far above 300 dpi on A4
MAX_LEAFLET_IMAGE_BYTES = 256_000_000  # all distinct images of one leaflet together


def _typed_as_read(node: ScalarNode, value: str) -> bool:
    """Whether ``value`` was typed on one line, one character for each it holds: a
    plain scalar, or a quoted one without an escape (``\u200b``, a doubled ``''``)."""
    start, end = node.start_mark, node.end_mark
    if node.style not in (None, "", "'", '"') or start.line != end.line:
        return False
    quotes = 2 if node.style else 0
    return end.column - start.column - quotes == len(value)


def check_image(path: Path, location: Location) -> int:
    """Refuse images that are not images, or so large that decoding them would exhaust
    memory, or whose pixels cannot be decoded; returns the bytes the decoded image takes.

    The size comes from the header alone (Pillow decodes lazily), so a 20,000 × 20,000 px
    file is refused in milliseconds instead of allocating 1.2 GB. Only an image within
    the limits is then decoded once, and dropped: a file cut short by a download or with
    damaged pixel data has a good header, and was found only when ReportLab drew it.
    """
    from PIL import Image

    pillow_limit = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = None  # our own, lower limit applies below, from the header alone
    try:
        with Image.open(path) as image:
            width, height = image.size
            raw_mode = image.tile[0][3] if image.tile else image.mode
            sample_bytes = 2 if ";16" in str(raw_mode) or image.mode.startswith("I;16") else 1
            decoded = width * height * len(image.getbands()) * sample_bytes
    except (OSError, ValueError, IndexError, TypeError):
        raise LeafletError(
            location, f"not a readable image: {path.name}", "use a PNG or JPEG file"
        ) from None
    finally:
        Image.MAX_IMAGE_PIXELS = pillow_limit
    if width * height > MAX_IMAGE_PIXELS or decoded > MAX_IMAGE_BYTES:
        raise LeafletError(
            location,
            f"image {path.name} is {width:,} × {height:,} px, {decoded / 1e6:,.0f} MB once "
            f"decoded; the limits are 40 megapixels and {MAX_IMAGE_BYTES / 1e6:.0f} MB",
            "scale it down (300 dpi at the printed size is plenty), or save it as 8-bit RGB",
        )
    _decode(path, location)
    _one_picture(path, location)
    _stated_colours(path, location)
    return decoded


def _stated_colours(path: Path, location: Location) -> None:
    """Refuse a PNG whose cICP chunk states colours no print can show as a viewer
    does (`content/cicp.py`): an HDR picture printed flat and grey, silently."""
    from .cicp import read_cicp

    points = read_cicp(path)
    refusal = points.refusal() if points is not None else None
    if refusal is not None:
        raise LeafletError(
            location,
            f"image {path.name} cannot print as a viewer shows it: {refusal}",
            "export it again as an 8-bit sRGB PNG or JPEG (in an HDR editor, "
            "tone-map it to SDR first)",
        )


#: Formats whose further images no viewer shows in turn: a camera's JPEG carrying a
#: preview or a depth map (MPO), a Photoshop file's layers under the picture they make.
#: Their first image is the picture every viewer shows, and the one printed.
FIRST_IMAGE_SHOWN = frozenset({"MPO", "PSD"})
#: Formats whose further images are pages (shown one after another), not frames.
PAGED = frozenset({"TIFF"})


def _one_picture(path: Path, location: Location) -> None:
    """Refuse a picture a viewer shows as several, one after another: an animated GIF,
    PNG or WebP loops through its frames, a TIFF's viewer pages through its pages, and
    the PDF printed the first alone, silently. A warning in frame 2, approved where the
    clinician saw it, never reached the patient."""
    count, file_format = _frames(path)
    if count is None:
        raise _damaged(path, location)
    if count <= 1 or file_format in FIRST_IMAGE_SHOWN:
        return
    unit = "page" if file_format in PAGED else "frame"
    what = f"has {count:,} pages" if unit == "page" else f"is animated: {count:,} frames"
    never = f"{unit} 2" if count == 2 else f"{unit}s 2–{count:,}"
    raise LeafletError(
        location,
        f"image {path.name} {what}, which a viewer shows one after another; only the "
        f"first would print, never {never}",
        f"save the one {unit} the leaflet should show as a PNG or JPEG file; give each "
        f"{unit} that matters a figure of its own",
    )


def _frames(path: Path) -> tuple[int | None, str]:
    """How many frames (or pages) the picture at ``path`` holds, None when a later one
    is cut short or damaged (counting reads each one's header), and its format."""
    from PIL import Image

    with Image.open(path) as image:
        try:
            count: int | None = getattr(image, "n_frames", 1)
        except BROKEN_PICTURE:
            count = None
        return count, image.format or ""


def _decode(path: Path, location: Location) -> None:
    """Decode ``path`` once (an image within the limits), as a `LeafletError` if its
    pixels cannot be read. Cached by the file's content hash, not its path: a leaflet
    showing an image twice, the same photo filed under two names, and every locale's
    and edition's build of it in one worker decode it once (#20)."""
    from ..build.fingerprint import file_sha256  # the build's content hash, cached by stamp

    digest = file_sha256(path)
    if digest not in _DECODABLE:
        if len(_DECODABLE) >= DECODED_CACHE_SIZE:
            _DECODABLE.clear()  # a desk session lives for hours over changing pictures
        _DECODABLE[digest] = _decodes(read_input(path))
    if not _DECODABLE[digest]:
        raise _damaged(path, location)


def _damaged(path: Path, location: Location) -> LeafletError:
    """The error for a picture whose data cannot be decoded."""
    return LeafletError(
        location,
        f"not a readable image: {path.name}: its picture data is damaged or cut short",
        "export or download the image again; use a PNG or JPEG file",
    )


#: Whether each image content (by its SHA-256) decodes; a verdict is a few bytes, so the
#: bound only matters to a process that lives long (the desk).
DECODED_CACHE_SIZE = 4096
_DECODABLE: dict[str, bool] = {}


#: Pillow's words for broken picture data; none of them is ours to show.
BROKEN_PICTURE = (OSError, ValueError, IndexError, TypeError, SyntaxError, EOFError, zlib.error)


def _decodes(data: bytes) -> bool:
    import io

    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
    except BROKEN_PICTURE:
        return False
    return True


def load_leaflet(path: Path, project: Project) -> tuple[m.Leaflet, list[Finding]]:
    """Load and validate one leaflet. Raises `LeafletError`; returns warnings."""
    check_leaflet_id(path.stem, Location(path), "leaflet file name")
    leaflet = _Reader(path, project).leaflet()
    return leaflet, check_citations(leaflet)


def check_citations(leaflet: m.Leaflet) -> list[Finding]:
    """Missing references are errors; references never cited are warnings."""
    known = {ref.key for ref in leaflet.references}
    cited: set[str] = set()
    for text in m.texts(leaflet):
        for span in parse_inline(text.value):
            for key in span.cites:
                if key not in known:
                    raise LeafletError(
                        _citation_location(leaflet.path, text, key),
                        f"citation [@{key}] has no matching reference",
                        _citation_hint(key, sorted(known)),
                    )
                cited.add(key)
    return [
        Finding(
            Location(leaflet.path, ref.line),
            "warning",
            f"reference '{ref.key}' is never cited",
            f"cite it as [@{ref.key}] or remove it",
        )
        for ref in leaflet.references
        if ref.key not in cited
    ]


def _citation_location(path: Path, text: m.Text, key: str) -> Location:
    """Where ``@key`` is written in ``text``: its column when the text was typed as read
    (a long paragraph cites many works on one line), else the text's line."""
    found = re.search(rf"@{re.escape(key)}(?![A-Za-z0-9_:.-])", text.value)
    if not text.column or found is None:
        return Location(path, text.line)
    return Location(path, text.line, text.column + found.start())


def _citation_hint(key: str, known: list[str]) -> str:
    """The few keys ``key`` may misspell, else where a reference is added: the hint
    listed every key of the leaflet, and called them "allowed keys"."""
    if meant := closest(key, known):
        return f"did you mean {either_of([f'[@{name}]' for name in meant])}?"
    return f"add a reference with key: {key} under 'references:', or correct the citation"


def _first_column(node: ScalarNode, value: str) -> int:
    """The column of the stripped ``value``'s first character (`m.Text.column`)."""
    if not _typed_as_read(node, value):
        return 0
    quote = 1 if node.style else 0
    return node.start_mark.column + 1 + quote + len(value) - len(value.lstrip())


def _nested_list(item: Node) -> bool:
    """Whether a list item is a list of its own: written as one ("- - Two") or as a
    list block ("- list: …"), where the format allows only text."""
    if isinstance(item, SequenceNode):
        return True
    return any(
        isinstance(key, ScalarNode) and key.value == "list" and isinstance(value, SequenceNode)
        for key, value in item.value
    )


def _quoted(text: str) -> str:
    """``text`` as a YAML quoted scalar a hint can show to be copied."""
    return f'"{text}"' if '"' not in text else "'" + text.replace("'", "''") + "'"
