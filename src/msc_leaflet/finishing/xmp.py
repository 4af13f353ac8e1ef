"""The XMP metadata packet of a leaflet: what a library, an archive or a screen reader
reads about the document, in the one format PDF/A, PDF/X and PDF/UA all ask for.

Written from a template rather than through pikepdf's ``open_metadata()``, which parses
and re-serialises through an XML library: that adds about 3 ms to the final pass of a
leaflet, the template under 0.5 ms (`benchmarks/bench_conformance.py`, medians of 31
runs), and we never edit an existing packet, we write the whole one. Every value comes from a
`DocumentMetadata`, which `conformance.py` reads from the Info dictionary, so Info and
XMP cannot disagree (a PDF/A rule: ISO 19005-2 §6.6.2.3).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import astuple, dataclass
from html import escape

# XML 1.0 forbids most C0 controls even as character references.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_PDF_DATE = re.compile(
    r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:(Z)|([+-])(\d{2})'?(\d{2})?'?)?"
)


#: A text in each language a document is in: (BCP 47 tag, text), its main language first.
InLanguages = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class DocumentMetadata:
    """What the packet states; each field mirrors an Info entry or a conformance claim."""

    title: str
    author: str
    subject: str
    keywords: str
    creator_tool: str
    producer: str
    created: str  # XMP (ISO 8601) date, from Info /CreationDate
    modified: str  # from Info /ModDate; also the metadata date
    languages: tuple[str, ...]  # BCP 47, the document's language first
    trapped: str = ""  # "True" | "False" | "" (Info has no /Trapped)
    pdfa: tuple[int, str] | None = None  # (part, conformance), e.g. (2, "U")
    pdfua: bool = False  # pdfuaid:part 1: the document is tagged
    pdfx: str = ""  # "PDF/X-4" or ""
    # The title and the description (Info /Subject) in each language of the document,
    # stated after the x-default entry that mirrors Info: a reader asking for the title
    # in Thai, or a bilingual edition's English title, finds it.
    titles: InLanguages = ()
    descriptions: InLanguages = ()
    # The press's total ink in percent, as the print shop stated it (`INK_LIMIT`); None
    # where nothing is stated (a printing condition's own limit is known from its name).
    ink_limit: float | None = None
    # dc:subject: the keywords (Info /Keywords joins them), one item each, in each
    # language of the document, so a catalog or search engine indexes each word.
    subjects: tuple[str, ...] = ()

    def document_id(self) -> str:
        """A UUID that is the same whenever the same document is built again (PDF/X asks
        for xmpMM:DocumentID; a random one would break byte-identical builds)."""
        # The ids of documents that state no ink limit and no keywords stay as they were.
        values = astuple(self)[:-2]
        if self.ink_limit is not None:
            values += (self.ink_limit,)
        if self.subjects:
            values += (self.subjects,)
        digest = hashlib.sha256(repr(values).encode()).hexdigest()
        return f"uuid:{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:32]}"


def xmp_date(pdf_date: str) -> str:
    """A PDF date (``D:20260102030405+07'00'``) as XMP writes it
    (``2026-01-02T03:04:05+07:00``); "" when it is not a PDF date."""
    match = _PDF_DATE.fullmatch(pdf_date.strip())
    if not match:
        return ""
    year, month, day, hour, minute, second, zulu, sign, tz_hour, tz_minute = match.groups()
    text = f"{year}-{month or '01'}-{day or '01'}"
    text += f"T{hour or '00'}:{minute or '00'}:{second or '00'}"
    if zulu:
        return text + "Z"
    if sign:
        return text + f"{sign}{tz_hour}:{tz_minute or '00'}"
    return text


def _text(value: str) -> str:
    # html.escape, not xml.sax.saxutils.escape (the same for & < >): saxutils imports
    # urllib.request, and with it http.client and ssl, 10-25 ms of every cold build.
    return escape(_NOT_XML.sub("", value), quote=False)


def _alt(value: str, in_languages: InLanguages = ()) -> str:
    """A language alternative: ``value`` as x-default first (PDF/A matches it with the
    Info entry), then the text in each language, one entry per language."""
    entries = {"x-default": value}
    for lang, text in in_languages:
        entries.setdefault(lang, text)
    items = "".join(
        f'<rdf:li xml:lang="{_text(lang)}">{_text(text)}</rdf:li>' for lang, text in entries.items()
    )
    return f"<rdf:Alt>{items}</rdf:Alt>"


def _creator(author: str) -> str:
    seq = f"<rdf:Seq><rdf:li>{_text(author)}</rdf:li></rdf:Seq>"
    return f"<dc:creator>{seq}</dc:creator>" if author else ""


def _subject(keywords: tuple[str, ...]) -> str:
    """dc:subject, an unordered bag of the keywords; nothing when there are none."""
    if not keywords:
        return ""
    items = "".join(f"<rdf:li>{_text(keyword)}</rdf:li>" for keyword in keywords)
    return f"<dc:subject><rdf:Bag>{items}</rdf:Bag></dc:subject>"


def _simple(name: str, value: str) -> str:
    return f"<{name}>{_text(value)}</{name}>" if value else ""


# PDF/A-2 accepts only the XMP schemas of its time, and others described in the file:
# pdfuaid (2012) is younger, so a PDF/A file that claims PDF/UA describes it here.
_EXTENSIONS = """
<rdf:Description rdf:about="" \
xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" \
xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" \
xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag>{}</rdf:Bag></pdfaExtension:schemas>
</rdf:Description>"""
_PDFUA_SCHEMA = """<rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Part of ISO 14289 the document conforms to</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li>"""
# The print shop's ink limit, which no standard schema holds: a schema of our own, its
# namespace a name under .invalid (RFC 2606), which is never fetched and is no one
# else's. It is described as PDF/A asks of any schema it does not know; PDF/X, where
# it is written, asks for no description, and is no worse for one.
INK_PREFIX = "mscprint"
INK_NAMESPACE = "http://ns.msc-leaflet.invalid/print/1.0/"
INK_LIMIT = f"{INK_PREFIX}:InkLimit"
_INK_SCHEMA = f"""<rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>msc-leaflet print production</pdfaSchema:schema>
<pdfaSchema:namespaceURI>{INK_NAMESPACE}</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>{INK_PREFIX}</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>InkLimit</pdfaProperty:name>
<pdfaProperty:valueType>Real</pdfaProperty:valueType>
<pdfaProperty:category>external</pdfaProperty:category>
<pdfaProperty:description>Most total ink (cyan, magenta, yellow and black, in percent) \
the press of the output intent lays down, as the print shop states it</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li>"""


_CLAIM_NAMESPACES = {
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
    "pdfxid": "http://www.npes.org/pdfx/ns/id/",
}


def _claim(prefix: str, properties: str) -> str:
    """A description of its own per claim: PDF/A refuses a namespace it does not know
    even when declared and unused, so none is declared that the file does not use."""
    return (
        f'\n<rdf:Description rdf:about="" xmlns:{prefix}="{_CLAIM_NAMESPACES[prefix]}">'
        f"{properties}</rdf:Description>"
    )


def xmp_packet(meta: DocumentMetadata) -> bytes:
    """The complete XMP packet stating ``meta``, UTF-8 encoded."""
    languages = "".join(f"<rdf:li>{_text(lang)}</rdf:li>" for lang in meta.languages)
    claims = ""
    if meta.pdfa:
        part, level = meta.pdfa
        properties = f"<pdfaid:part>{part}</pdfaid:part><pdfaid:conformance>{level}"
        claims += _claim("pdfaid", properties + "</pdfaid:conformance>")
    schemas = ""
    if meta.pdfua:
        claims += _claim("pdfuaid", "<pdfuaid:part>1</pdfuaid:part>")
        if meta.pdfa:
            schemas += _PDFUA_SCHEMA
    if meta.pdfx:
        version = f"<pdfxid:GTS_PDFXVersion>{_text(meta.pdfx)}</pdfxid:GTS_PDFXVersion>"
        claims += _claim("pdfxid", version)
    if meta.ink_limit is not None:
        claims += (
            f'\n<rdf:Description rdf:about="" xmlns:{INK_PREFIX}="{INK_NAMESPACE}">'
            f"<{INK_LIMIT}>{meta.ink_limit:g}</{INK_LIMIT}></rdf:Description>"
        )
        schemas += _INK_SCHEMA
    if schemas:
        claims += _EXTENSIONS.format(schemas)
    # pdf:Trapped is younger than the XMP of PDF/A-2 (which refuses it) and required by
    # PDF/X-4: written where it is allowed.
    trapped = "" if meta.pdfa else _simple("pdf:Trapped", meta.trapped)
    document_id = meta.document_id()
    # PDF/X-4 asks for the document's version and rendition class (ISO 15930-7), and a
    # PDF/X file keeps all four ids; PDF/A asks for none, so its file says only which
    # document it is (dc:format and xmp:MetadataDate, which repeat what a PDF's own
    # header and xmp:ModifyDate say, are left out of every packet).
    versions = (
        f"<xmpMM:InstanceID>{document_id}</xmpMM:InstanceID>"
        "<xmpMM:VersionID>1</xmpMM:VersionID>"
        "<xmpMM:RenditionClass>default</xmpMM:RenditionClass>"
        if meta.pdfx
        else ""
    )
    description = _alt(meta.subject, meta.descriptions) if meta.subject else ""
    description = f"<dc:description>{description}</dc:description>" if description else ""
    # No padding (nothing edits the packet in place) and no indentation: a PDF/A
    # packet is stored uncompressed, so every byte of it counts.
    packet = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" \
xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" \
xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">
<dc:title>{_alt(meta.title, meta.titles)}</dc:title>
{_creator(meta.author)}
{description}
<dc:language><rdf:Bag>{languages}</rdf:Bag></dc:language>
{_subject(meta.subjects)}
{_simple("pdf:Keywords", meta.keywords)}
{_simple("pdf:Producer", meta.producer)}
{trapped}
{_simple("xmp:CreatorTool", meta.creator_tool)}
{_simple("xmp:CreateDate", meta.created)}
{_simple("xmp:ModifyDate", meta.modified)}
<xmpMM:DocumentID>{document_id}</xmpMM:DocumentID>{versions}
</rdf:Description>{claims}
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
    return "\n".join(line for line in packet.splitlines() if line.strip()).encode("utf-8")
