"""Every reading edition passes the machine-checkable Matterhorn Protocol conditions
(`pdfua_rules.py`): a bundled leaflet in English and Thai in each edition, the proof,
a CMYK print file with bleed, the languages fixture in Arabic, Chinese, Japanese,
Burmese, Khmer, Lao, Vietnamese and Traditional Chinese, the QR code below or inside
the closing box, an Arabic parallel proof, and the desk's patient pack. Then the checker
itself is checked: each rule group reports a file broken the way it looks for.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from pikepdf import Array, Dictionary, Name

from msc_leaflet.build import Options, build_leaflet
from msc_leaflet.print_spec import PrintSpec
from msc_leaflet.project import Project
from pdfua_rules import BCP47, FontReading, check
from test_tagged_pack import thai_pack

REPO = Path(__file__).resolve().parents[1]
LANGUAGES = REPO / "tests" / "fixtures" / "languages"
# Every script the clinic prints that the bundled leaflets (en, th) do not.
LANGUAGES_CHECKED = ("ar", "zh_Hans", "ja", "my", "km", "lo", "vi")
LEAFLET = "stromal-or-stem"  # tables, lists, callouts, links and references
EDITIONS = (
    *(f"{locale}.{edition}" for locale in ("en", "th") for edition in ("single", "proof")),
    "th.parallel",
    "th.sequential",
    "th.cmyk-bleed",
    *(f"languages.{lang}" for lang in LANGUAGES_CHECKED),
    # Traditional Chinese (Taiwan), in the single and the parallel edition.
    "languages.zh_Hant",
    "languages.zh_Hant.parallel",
    # The QR code's note below the closing box (English), and the code inside the box
    # beside the contacts (an A5 Arabic leaflet with no room for the note below it).
    "en.online-note",
    "languages.ar.code-in-the-box",
    # A right-to-left parallel proof: margin notes on both sides, in two directions.
    "everything.ar.parallel-proof",
    "pack",
    # Editions not covered above: the A5 parallel edition (Thai; Arabic, whose one-line
    # rows carry the invisible glyph that ends pdfium's line, `shared_baselines`) and
    # the Arabic sequential edition.
    "th.parallel.a5",
    "languages.ar.parallel.a5",
    "languages.ar.sequential",
)
EVERYTHING = REPO / "tests" / "fixtures" / "everything"
TRADITIONAL = REPO / "tests" / "fixtures" / "zh_Hant" / "locales" / "zh_Hant"


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each file of EDITIONS, built once for the session."""
    out = tmp_path_factory.mktemp("matterhorn")
    project = Project.at(REPO)
    paths: dict[str, Path] = {}
    for locale in ("en", "th"):
        paths[f"{locale}.single"] = build_leaflet(project, LEAFLET, locale, out).path
        proof = Options(spec=PrintSpec(proof=True))
        paths[f"{locale}.proof"] = build_leaflet(project, LEAFLET, locale, out, options=proof).path
    for edition in ("parallel", "sequential"):
        paths[f"th.{edition}"] = build_leaflet(project, LEAFLET, "th", out, edition=edition).path
    press = Options(spec=PrintSpec(paper="a5", colour="cmyk", bleed=8.5, crop_marks=True))
    paths["th.cmyk-bleed"] = build_leaflet(
        project, "what-msc-can-do", "th", out / "press", options=press
    ).path
    languages = Project.at(LANGUAGES)
    for lang in LANGUAGES_CHECKED:
        paths[f"languages.{lang}"] = build_leaflet(
            languages, "after-your-infusion", lang, out / "languages"
        ).path
    paths["pack"] = thai_pack(out / "pack")
    paths["en.online-note"] = build_leaflet(project, "choosing-a-clinic", "en", out).path
    _new_features(out, paths)
    _more_editions(out, paths)
    return paths


def _more_editions(out: Path, paths: dict[str, Path]) -> None:
    """The A5 parallel and the Arabic sequential editions of EDITIONS."""
    a5 = Options(spec=PrintSpec(paper="a5"))
    paths["th.parallel.a5"] = build_leaflet(
        Project.at(REPO), LEAFLET, "th", out / "a5-parallel", edition="parallel", options=a5
    ).path
    languages = Project.at(LANGUAGES)
    paths["languages.ar.parallel.a5"] = build_leaflet(
        languages, "after-your-infusion", "ar", out / "a5-parallel", edition="parallel", options=a5
    ).path
    paths["languages.ar.sequential"] = build_leaflet(
        languages, "after-your-infusion", "ar", out / "sequential", edition="sequential"
    ).path


def _new_features(out: Path, paths: dict[str, Path]) -> None:
    """The files of EDITIONS for the features added after the first accessibility pass."""
    languages = out / "languages-project"
    shutil.copytree(LANGUAGES, languages)
    shutil.copytree(TRADITIONAL, languages / "locales" / "zh_Hant")
    for edition, name in (
        ("single", "languages.zh_Hant"),
        ("parallel", "languages.zh_Hant.parallel"),
    ):
        paths[name] = build_leaflet(
            Project.at(languages),
            "after-your-infusion",
            "zh_Hant",
            out / "zh_Hant",
            edition=edition,
        ).path
    # As test_languages_editions builds it: a web address, and paragraphs enough that the
    # note has no room below the closing box on the last A5 page.
    source = languages / "leaflets" / "after-your-infusion.yaml"
    filler = "  - paragraph: Rest today and drink water.\n" * 19
    text = source.read_text(encoding="utf-8")
    url = "https://example.org/leaflets/after-your-infusion"
    text = text.replace("\nblocks:", f"\nurl: {url}\nblocks:", 1)
    source.write_text(text.replace("\nreferences:", f"\n{filler}references:", 1), "utf-8")
    a5 = Options(spec=PrintSpec(paper="a5"))
    paths["languages.ar.code-in-the-box"] = build_leaflet(
        Project.at(languages), "after-your-infusion", "ar", out / "a5", options=a5
    ).path
    proof = Options(spec=PrintSpec(proof=True))
    paths["everything.ar.parallel-proof"] = build_leaflet(
        Project.at(EVERYTHING),
        "every-construct",
        "ar",
        out / "every",
        edition="parallel",
        options=proof,
    ).path


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_edition_passes_the_matterhorn_conditions(
    built: dict[str, Path], edition: str
) -> None:
    problems = check(built[edition])
    assert problems == [], "\n".join([edition, *problems])


# The checker checked: a file broken one way, and the rule that must say so.


def _elements(pdf: pikepdf.Pdf, role: str) -> list[Dictionary]:
    found: list[Dictionary] = []

    def walk(kid: object) -> None:
        if isinstance(kid, Array):
            for item in kid:
                walk(item)
        elif isinstance(kid, Dictionary) and "/S" in kid:
            if str(kid.S) == f"/{role}":
                found.append(kid)
            walk(kid.get("/K"))

    walk(pdf.Root.StructTreeRoot.K)
    return found


def _no_tabs(pdf: pikepdf.Pdf) -> None:
    for page in pdf.pages:
        del page.obj["/Tabs"]


def _underscore_lang(pdf: pikepdf.Pdf) -> None:
    _elements(pdf, "P")[0].Lang = pikepdf.String("th_TH")


def _duplicate_note_id(pdf: pikepdf.Pdf) -> None:
    first, second = _elements(pdf, "Note")[:2]
    second.ID = first.ID


def _note_on_a_page(pdf: pikepdf.Pdf) -> None:
    """A sticky note no element holds."""
    page = next(p for p in pdf.pages if "/Annots" in p.obj)
    page.obj.Annots.append(
        pdf.make_indirect(
            Dictionary(Type=Name.Annot, Subtype=Name.Text, Rect=[0, 0, 9, 9], Contents="?")
        )
    )


def _link_out_of_tree(pdf: pikepdf.Pdf) -> None:
    link = _elements(pdf, "Link")[0]
    kids = link.K if isinstance(link.K, Array) else Array([link.K])
    link.K = Array([k for k in kids if not (isinstance(k, Dictionary) and "/Obj" in k)])


def _notdef_drawn(pdf: pikepdf.Pdf) -> None:
    """The first text shown on page 1 starts with a code its font has no glyph for."""
    page = pdf.pages[0]
    stream: list[Any] = list(pikepdf.parse_content_stream(page))  # instructions, or tuples
    at = next(i for i, item in enumerate(stream) if str(item.operator) in ("Tj", "TJ"))
    font_name = next(i.operands[0] for i in reversed(stream[:at]) if str(i.operator) == "Tf")
    reading = FontReading.of(page.obj.Resources.Font[str(font_name)])
    missing = next(code for code in range(256) if code not in reading.cmap)
    operands = stream[at].operands
    shown = list(operands[0]) if isinstance(operands[0], Array) else [operands[0]]
    first = next(n for n, item in enumerate(shown) if isinstance(item, pikepdf.String))
    shown[first] = pikepdf.String(bytes([missing]) + bytes(shown[first])[1:])
    stream[at] = ([Array(shown)], pikepdf.Operator("TJ"))
    page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(stream))


def _artifact_in_a_paragraph(pdf: pikepdf.Pdf) -> None:
    page = pdf.pages[0]
    stream: list[Any] = list(pikepdf.parse_content_stream(page))
    at = next(
        i
        for i, item in enumerate(stream)
        if str(item.operator) == "BDC" and item.operands[0] == Name.P
    )
    stream[at + 1 : at + 1] = [
        ([Name.Artifact], pikepdf.Operator("BMC")),
        ([], pikepdf.Operator("EMC")),
    ]
    page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(stream))


def _suspects(pdf: pikepdf.Pdf) -> None:
    pdf.Root.MarkInfo.Suspects = True


def _parent_link(pdf: pikepdf.Pdf) -> None:
    _elements(pdf, "P")[1].P = pdf.Root.StructTreeRoot


def _first_font(pdf: pikepdf.Pdf) -> pikepdf.Object:
    return next(iter(pdf.pages[0].obj.Resources.Font.values()))


def _widths_off(pdf: pikepdf.Pdf) -> None:
    font = _first_font(pdf)
    font.Widths = Array([float(w) + 50 for w in font.Widths])


def _not_embedded(pdf: pikepdf.Pdf) -> None:
    del _first_font(pdf).FontDescriptor["/FontFile2"]


def _no_to_unicode(pdf: pikepdf.Pdf) -> None:
    del _first_font(pdf)["/ToUnicode"]


def _xmp_language(pdf: pikepdf.Pdf) -> None:
    packet = pdf.Root.Metadata.read_bytes().replace(
        b"<rdf:li>en</rdf:li>", b"<rdf:li>en_GB</rdf:li>"
    )
    pdf.Root.Metadata.write(packet)


BREAKAGES: dict[str, tuple[Callable[[pikepdf.Pdf], None], str]] = {
    "no /Tabs": (_no_tabs, "Matterhorn 28-008"),
    "th_TH as /Lang": (_underscore_lang, "Matterhorn 11 "),
    "a Note /ID twice": (_duplicate_note_id, "Matterhorn 19-004"),
    "an annotation outside the tree": (_note_on_a_page, "Matterhorn 28-002"),
    "a link annotation outside its Link": (_link_out_of_tree, "Matterhorn 28-002"),
    ".notdef drawn": (_notdef_drawn, "Matterhorn 31 (PDF/UA-1 7.21.8)"),
    "an artifact in a paragraph": (_artifact_in_a_paragraph, "Matterhorn 01-003"),
    "suspects": (_suspects, "Matterhorn 01-006"),
    "a wrong /P": (_parent_link, "/P is not its parent"),
    "widths not the glyphs'": (_widths_off, "Matterhorn 31 (PDF/UA-1 7.21.5)"),
    "a font not embedded": (_not_embedded, "Matterhorn 31 (PDF/UA-1 7.21.4.1)"),
    "no ToUnicode": (_no_to_unicode, "Matterhorn 10-001"),
    "en_GB in the XMP": (_xmp_language, "XMP language 'en_GB'"),
}


@pytest.mark.parametrize("breakage", BREAKAGES)
def test_the_checker_reports_a_file_broken_its_way(
    built: dict[str, Path], breakage: str, tmp_path: Path
) -> None:
    """So that a passing edition means something: each group finds what it looks for."""
    breaks, expected = BREAKAGES[breakage]
    pdf = pikepdf.open(built["en.single"])
    breaks(pdf)
    broken = tmp_path / "broken.pdf"
    pdf.save(broken)
    problems = check(broken)
    assert any(expected in p for p in problems), "\n".join([breakage, *problems])


@pytest.mark.parametrize("tag", ["th", "en", "zh-Hans", "sr-Latn-RS", "de-CH-1996", "x-klingon"])
def test_language_tags_that_are_bcp47(tag: str) -> None:
    assert BCP47.fullmatch(tag)


@pytest.mark.parametrize("tag", ["", "zh_Hans", "sr@latin", "en-", "english!", "th TH"])
def test_language_tags_that_are_not(tag: str) -> None:
    assert not BCP47.fullmatch(tag)
