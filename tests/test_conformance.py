"""PDF/A-2u, PDF/X-4 and XMP metadata, read back from built PDFs with pikepdf.

The independent opinion is pikepdf's own PDF/A validator (`pikepdf.pdfa`, an allow-list
of ISO 19005-2 level B: file structure, fonts and their widths, colour and output
intents, annotations, actions, XMP). It does not check level U's Unicode mapping (our
text-layer tests do) nor anything of PDF/X; veraPDF, the reference, needs Java.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from PIL import ImageCms
from reportlab.pdfgen.canvas import Canvas
from typer.testing import CliRunner

from conftest import LONG_BLOCKS, REPO, leaflet_yaml
from i18n_support import copy_bundled
from icc_support import cmyk_profile
from msc_leaflet.build import Options, build_leaflet
from msc_leaflet.cli.app import app
from msc_leaflet.content.pdf_strings import KEYWORDS_BYTES, PDF_STRING_BYTES
from msc_leaflet.finishing.conformance import (
    STANDARDS,
    Conformance,
    conformance_step,
    write_metadata,
)
from msc_leaflet.finishing.final_pass import final_pass
from msc_leaflet.finishing.font_program import widths_agree
from msc_leaflet.finishing.xmp import DocumentMetadata, xmp_date, xmp_packet
from msc_leaflet.print_spec import PrintSpec
from msc_leaflet.project import Project
from msc_leaflet.theme.icc import read_header
from msc_leaflet.theme.output_intent import OutputIntent
from pdfjs_text import run_pdfjs

NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
    "pdfxid": "http://www.npes.org/pdfx/ns/id/",
    "xmpMM": "http://ns.adobe.com/xap/1.0/mm/",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
BUNDLED_THEME = REPO / "src" / "msc_leaflet" / "data" / "theme.yaml"
INTENT = """
output-intent:
  profile: profiles/press.icc
  condition: FOGRA39
  registry: http://www.color.org
  info: Coated offset, paper type 1
"""
runner = CliRunner()


def build(out: Path, locale: str = "en", edition: str = "single", **spec: Any) -> Path:
    options = Options(spec=PrintSpec(**spec))
    project = Project.at(REPO)
    return build_leaflet(
        project, "infusion-safety", locale, out, edition=edition, options=options
    ).path


class Xmp:
    """The XMP packet of a PDF, parsed as XML (any parse error fails the test)."""

    def __init__(self, pdf: pikepdf.Pdf) -> None:
        self.root = ET.fromstring(pdf.Root.Metadata.read_bytes())

    def all(self, path: str) -> list[str]:
        return [e.text or "" for e in self.root.iterfind(f".//rdf:Description/{path}", NS)]

    def one(self, path: str) -> str:
        values = self.all(path)
        assert len(values) == 1, (path, values)
        return values[0]

    def default(self, name: str) -> str:
        """The x-default entry of the language alternative ``name``, which comes first."""
        items = list(self.root.iterfind(f".//rdf:Description/{name}/rdf:Alt/rdf:li", NS))
        assert items and items[0].get(XML_LANG) == "x-default", name
        return items[0].text or ""


# What pikepdf's validator objects to by its own design, not for a fault of the file: it
# validates level B, so it expects pdfaid:conformance B (6.6.4-3); and its namespace
# allow-list knows no extension schemas (its dispositions.json says so), so the pdfuaid
# property of a tagged file and the schema describing it are "not permitted" to it,
# where veraPDF accepts them. `test_a_tagged_document_…` checks the description is there.
VALIDATOR_LIMITS = ("6.6.4-3", "pdfaExtension", "pdfaSchema", "pdfaProperty", "pdfuaid:part")


def pdfa_violations(path: Path) -> list[str]:
    """What pikepdf's PDF/A-2b validator finds, less its objections by design."""
    import pikepdf.pdfa

    report = pikepdf.pdfa.validate_written(path, "2b")
    found = [str(f) for f in report.findings]
    return [f for f in found if not any(limit in f for limit in VALIDATOR_LIMITS)]


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("en"))


def test_screen_edition_is_pdfa_2u_with_consistent_xmp(english: Path) -> None:
    with pikepdf.open(english) as pdf:
        info, xmp = pdf.docinfo, Xmp(pdf)
        assert xmp.one("pdfaid:part") == "2" and xmp.one("pdfaid:conformance") == "U"
        title = xmp.root.find(".//dc:title/rdf:Alt/rdf:li", NS)
        assert title is not None and title.get(XML_LANG) == "x-default"
        assert title.text == str(info.Title)
        assert xmp.one("dc:creator/rdf:Seq/rdf:li") == str(info.Author)
        assert xmp.default("dc:description") == str(info.Subject)
        assert xmp.all("dc:language/rdf:Bag/rdf:li") == [str(pdf.Root.Lang)] == ["en"]
        assert xmp.one("pdf:Producer") == str(info.Producer)
        assert xmp.one("xmp:CreatorTool") == str(info.Creator)
        assert xmp.one("pdf:Keywords") == str(info.Keywords)
        assert xmp.one("xmp:CreateDate") == xmp_date(str(info.CreationDate))
        assert xmp.one("xmp:ModifyDate") == xmp_date(str(info.ModDate))
        # Nothing PDF/A does not ask for and the file says elsewhere, and no padding.
        assert xmp.all("xmp:MetadataDate") == [] and xmp.all("dc:format") == []
        assert xmp.all("xmpMM:InstanceID") == [] and xmp.all("xmpMM:RenditionClass") == []
        packet = pdf.Root.Metadata.read_bytes()
        assert b"\n " not in packet and b"  " not in packet
        assert xmp.all("pdfxid:GTS_PDFXVersion") == [] and xmp.all("pdf:Trapped") == []
        assert "/Filter" not in pdf.Root.Metadata  # PDF/A: the packet stays readable
        assert not pdf.is_encrypted and len(pdf.trailer.ID) == 2


def test_every_stream_but_the_xmp_packet_is_compressed(english: Path) -> None:
    """The layout writes its streams plain; the final pass compresses them, once."""
    with pikepdf.open(english) as pdf:
        streams = [o for o in pdf.objects if isinstance(o, pikepdf.Stream)]
        plain = [o for o in streams if "/Filter" not in o and o.get("/Type") != "/Metadata"]
        assert len(streams) > 10 and plain == []


def test_screen_edition_has_an_srgb_output_intent_and_printing_links(english: Path) -> None:
    with pikepdf.open(english) as pdf:
        (intent,) = pdf.Root.OutputIntents
        assert intent.S == "/GTS_PDFA1"
        assert intent.DestOutputProfile.N == 3
        header = read_header(intent.DestOutputProfile.read_bytes())
        assert (header.device_class, header.colour_space) == ("mntr", "RGB ")
        links = [a for page in pdf.pages for a in page.obj.get("/Annots", [])]
        assert links and all(int(a.F) & 4 and not int(a.F) & (1 | 2 | 32) for a in links)


def test_the_srgb_profile_carries_no_time_of_its_making() -> None:
    """LittleCMS dates each profile it makes: left so, no two builds in different
    seconds would be byte-identical."""
    import zlib

    from msc_leaflet.theme.icc import FIXED_DATE, srgb_profile

    data = zlib.decompress(srgb_profile().compressed)
    assert data[24:36] == FIXED_DATE and data[84:100] == bytes(16)
    assert read_header(data).colour_space == "RGB "


def test_the_shipped_srgb_profile_converts_colours_as_littlecms_srgb_does() -> None:
    """``data/srgb.icc`` stands in for the profile LittleCMS makes (made once, shipped so
    no build pays for importing ImageCms): the same colours must come out of both."""
    import zlib
    from io import BytesIO

    from PIL import Image, ImageCms

    from msc_leaflet.theme.icc import srgb_profile

    shipped = ImageCms.ImageCmsProfile(BytesIO(zlib.decompress(srgb_profile().compressed)))
    made = ImageCms.createProfile("sRGB")
    lab = ImageCms.createProfile("LAB")
    levels = (0, 1, 17, 64, 128, 200, 254, 255)
    swatch = Image.new("RGB", (len(levels) ** 3, 1))
    swatch.putdata([(r, g, b) for r in levels for g in levels for b in levels])
    as_shipped = ImageCms.profileToProfile(swatch, shipped, lab, outputMode="LAB")
    as_made = ImageCms.profileToProfile(swatch, made, lab, outputMode="LAB")
    assert as_shipped is not None and as_made is not None
    # The file stores the curves as written, the built-in one computes them: they may
    # round one step apart in 8-bit Lab, never more.
    # Compared as raw bytes, a channel a byte: Image.getdata is deprecated (Pillow 14).
    pairs = zip(as_shipped.tobytes(), as_made.tobytes(), strict=True)
    assert max(abs(a - b) for a, b in pairs) <= 1


def test_an_independent_pdfa_validator_approves_the_english_leaflet(english: Path) -> None:
    assert pdfa_violations(english) == []


def test_shaped_thai_is_pdfa_once_its_font_programs_hold_its_widths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Thai glyphs are set at HarfBuzz's advances, one glyph at several (PDF/A-2
    §6.2.11.5 wants the font program to agree): `font_widths` gives each such code a
    copy of its glyph with its advance, so the Thai leaflet claims PDF/A-2u and the
    validator agrees. Without that step the programs disagree and the claim is withheld."""
    thai = build(tmp_path, "th")
    with pikepdf.open(thai) as pdf:
        assert Xmp(pdf).one("pdfaid:part") == "2"
        fonts = {f.objgen: f for p in pdf.pages for f in p.Resources.Font.values()}
        assert {widths_agree(font) for font in fonts.values()} == {True}
    assert pdfa_violations(thai) == []
    import msc_leaflet.build.build as build_module

    monkeypatch.setattr(build_module, "match_font_widths", lambda pdf: None)
    unmatched = build(tmp_path / "unmatched", "th")
    with pikepdf.open(unmatched) as pdf:
        assert Xmp(pdf).all("pdfaid:part") == []
        fonts = {f.objgen: f for p in pdf.pages for f in p.Resources.Font.values()}
        assert False in {widths_agree(font) for font in fonts.values()}
        assert pdf.Root.OutputIntents[0].S == "/GTS_PDFA1"  # colours still say what they mean
    assert any("6.2.11.5" in v for v in pdfa_violations(unmatched))
    step = conformance_step(Conformance("PDF/A-2u", ("th",)))
    final_pass(unmatched.read_bytes(), [step])
    assert step.claimed == "none"


def test_a_parallel_edition_names_both_languages(tmp_path: Path) -> None:
    with pikepdf.open(build(tmp_path, "th", edition="parallel")) as pdf:
        assert Xmp(pdf).all("dc:language/rdf:Bag/rdf:li") == ["th", "en"]
        assert str(pdf.Root.Lang) == "th"


def test_builds_are_byte_identical_and_dated_by_source_date_epoch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    first, second = build(tmp_path / "a"), build(tmp_path / "b")
    assert first.read_bytes() == second.read_bytes()
    with pikepdf.open(first) as pdf:
        created = Xmp(pdf).one("xmp:CreateDate")
        assert created == xmp_date(str(pdf.docinfo.CreationDate))
        assert created.startswith("2026-01-01T00:00:00")


def test_a_booklet_carries_its_claim_on_the_imposed_sheets(tmp_path: Path) -> None:
    with pikepdf.open(build(tmp_path, imposition="booklet")) as pdf:
        assert Xmp(pdf).one("pdfaid:part") == "2"
        assert pdf.Root.OutputIntents[0].S == "/GTS_PDFA1"


def test_cmyk_without_a_profile_claims_nothing(tmp_path: Path) -> None:
    with pikepdf.open(build(tmp_path, colour="cmyk", bleed=8.5)) as pdf:
        xmp = Xmp(pdf)
        assert xmp.all("pdfaid:part") == [] and xmp.all("pdfxid:GTS_PDFXVersion") == []
        assert xmp.default("dc:title") == str(pdf.docinfo.Title)
        assert "/OutputIntents" not in pdf.Root
        assert "/GTS_PDFXVersion" not in pdf.docinfo


def print_shop_project(make_project: Callable[..., Path], profile: bytes | None) -> Path:
    root = make_project()
    theme = BUNDLED_THEME.read_text(encoding="utf-8")
    (root / "theme.yaml").write_text(theme + INTENT, encoding="utf-8")
    if profile is not None:
        (root / "profiles").mkdir()
        (root / "profiles" / "press.icc").write_bytes(profile)
    return root


def pdfx_build(root: Path) -> Path:
    """The English PDF/X-4 build of the project at ``root``, which must succeed."""
    out = root / "out"
    args = ["build", "--project", str(root), "-o", str(out), "--colour", "cmyk", "--pdfx"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return out / "en" / "sample.pdf"


def test_cmyk_with_the_shops_profile_is_pdfx_4(make_project: Callable[..., Path]) -> None:
    root = print_shop_project(make_project, cmyk_profile())
    out = root / "out"
    args = ["build", "--project", str(root), "-o", str(out), "--colour", "cmyk", "--pdfx"]
    result = runner.invoke(app, [*args, "--bleed", "3mm"])
    assert result.exit_code == 0, result.output
    with pikepdf.open(out / "en" / "sample.pdf") as pdf:
        (intent,) = pdf.Root.OutputIntents
        assert intent.S == "/GTS_PDFX"
        assert str(intent.OutputConditionIdentifier) == "FOGRA39"
        assert str(intent.RegistryName) == "http://www.color.org"
        assert str(intent.Info) == "Coated offset, paper type 1"
        assert intent.DestOutputProfile.N == 4
        assert intent.DestOutputProfile.read_bytes() == cmyk_profile()
        assert str(pdf.docinfo.GTS_PDFXVersion) == "PDF/X-4"
        assert pdf.docinfo.Trapped == pikepdf.Name("/False")
        xmp = Xmp(pdf)
        assert xmp.one("pdfxid:GTS_PDFXVersion") == "PDF/X-4"
        assert xmp.one("pdf:Trapped") == "False"
        assert xmp.one("xmpMM:VersionID") == "1" and xmp.one("xmpMM:RenditionClass")
        assert xmp.all("pdfaid:part") == []
        assert all("/TrimBox" in page.obj and "/BleedBox" in page.obj for page in pdf.pages)
        assert pdf.pdf_version <= "1.6"  # PDF/X-4 is based on PDF 1.6
    # The profile is an input: a new one from the shop rebuilds the output.
    assert "up to date" in runner.invoke(app, [*args, "--bleed", "3mm"]).output
    (root / "profiles" / "press.icc").write_bytes(cmyk_profile(description="Press v2"))
    again = runner.invoke(app, [*args, "--bleed", "3mm", "--dry-run"])
    assert "press.icc" in again.output


def test_pictures_of_a_pdfx_build_are_converted_with_the_shops_profile(
    make_project: Callable[..., Path],
) -> None:
    """An RGB figure or logo made every PDF/X build fail ("image is RGB"): pictures are
    converted to CMYK with the press profile, transparency kept as a soft mask. The test
    profile prints every colour with black ink alone, unlike the naive conversion."""
    from PIL import Image

    root = print_shop_project(make_project, cmyk_profile())
    blocks = "- figure: figure.png\n  alt: A green square\n- paragraph: One.\n"
    (root / "leaflets" / "sample.yaml").write_text(leaflet_yaml(blocks), encoding="utf-8")
    org = root / "organisations" / "test-clinic.yaml"
    org.write_text(org.read_text(encoding="utf-8") + "logo: logo.png\n", encoding="utf-8")
    Image.new("RGB", (300, 300), (0, 128, 64)).save(root / "figure.png")
    Image.new("RGBA", (300, 120), (255, 0, 0, 128)).save(root / "logo.png")
    with pikepdf.open(pdfx_build(root)) as pdf:
        assert str(pdf.docinfo.GTS_PDFXVersion) == "PDF/X-4"
        images = [image for page in pdf.pages for image in page.get_images().values()]
        assert len(images) == 2
        for image in images:
            assert image.ColorSpace == pikepdf.Name.DeviceCMYK and image.BitsPerComponent == 8
            cyan, magenta, yellow, black = image.read_bytes()[:4]
            assert (cyan, magenta, yellow) == (0, 0, 0) and black > 0  # the press's inks
        assert sorted("/SMask" in image for image in images) == [False, True]


def test_the_band_and_a_logo_of_one_colour_print_alike_with_the_shops_profile(
    make_project: Callable[..., Path],
) -> None:
    """With the press profile, a logo on the band in the brand teal was converted
    through the profile and the band itself by the naive rule: the same teal printed in
    two different mixes of ink side by side (here C91 M5 K55 against black alone). The
    theme's screen colours are converted with the profile too, as the pictures are."""
    from PIL import Image

    root = print_shop_project(make_project, cmyk_profile())
    org = root / "organisations" / "test-clinic.yaml"
    org.write_text(org.read_text(encoding="utf-8") + "logo: logo.png\n", encoding="utf-8")
    Image.new("RGB", (600, 240), (0x0B, 0x6E, 0x74)).save(root / "logo.png")
    with pikepdf.open(pdfx_build(root)) as pdf:
        (logo,) = [image for page in pdf.pages for image in page.get_images().values()]
        pixel = tuple(value / 255 for value in logo.read_bytes()[:4])
        band = next(
            tuple(float(v) for v in instruction.operands)
            for instruction in pikepdf.parse_content_stream(pdf.pages[0])
            if str(instruction.operator) == "k"
        )
    assert band == pytest.approx(pixel, abs=1 / 255)


def test_greys_of_a_theme_print_on_black_alone_through_a_press_profile() -> None:
    """A press profile prints a neutral grey in all four inks (its grey balance); a
    theme's grey (text, rules) prints on black alone, as prepress tools keep K-only
    greys, and only colours go through the profile."""
    from msc_leaflet.theme.colours import CMYK, RGB, ThemeColour

    def press(colour: RGB) -> CMYK:  # a profile's rich mixes
        return CMYK(0.3, 0.2, 0.2, 0.5)

    grey = ThemeColour(RGB(0.6, 0.6, 0.6))
    assert grey.in_mode("cmyk", press) == CMYK(0, 0, 0, 0.4)
    assert ThemeColour(RGB(0.04, 0.43, 0.45)).in_mode("cmyk", press) == press(RGB(0, 0, 0))
    assert ThemeColour(RGB(0.04, 0.43, 0.45)).in_mode("rgb", press) == RGB(0.04, 0.43, 0.45)
    written = ThemeColour(RGB(0.2, 0.2, 0.2), CMYK(0, 0, 0, 0.85))
    assert written.in_mode("cmyk", press) == CMYK(0, 0, 0, 0.85)  # a print value as written
    assert ThemeColour(CMYK(1, 0, 0, 0)).in_mode("cmyk", press) == CMYK(1, 0, 0, 0)


def test_pdfx_without_a_profile_is_refused_naming_the_theme(
    make_project: Callable[..., Path],
) -> None:
    root = make_project()
    result = runner.invoke(
        app,
        ["build", "--project", str(root), "-o", str(root / "out"), "--colour", "cmyk", "--pdfx"],
    )
    assert result.exit_code == 1
    assert "theme.yaml" in result.output and "output-intent" in result.output
    assert "Traceback" not in result.output
    assert not (root / "out" / "en" / "sample.pdf").exists()


def _named_theme(output: str) -> Path:
    """The bundled theme's file, as the hint of ``output`` names it."""
    hint = output.split("hint: ", 1)[1].split("\n", 1)[0]
    named = [Path(word.strip("(),;:")) for word in hint.split() if "theme.yaml" in word]
    named = [path for path in named if path.name == "theme.yaml" and path.is_file()]
    assert named, hint
    return named[0]


def test_the_pdfx_hint_of_a_project_without_a_theme_leads_to_a_build(
    make_project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A clinic's project from `msc-leaflet init` has no theme.yaml. The refusal said
    "add to theme.yaml: output-intent: …"; a theme.yaml holding only that is refused in
    turn (a project theme replaces the bundled one, in full), and the next hint named
    src/msc_leaflet/data/theme.yaml, a path only a clone of the repository has. Both
    hints now name the bundled theme where it is installed: a copy of it, with the
    intent added, builds PDF/X-4."""
    root = make_project()
    monkeypatch.chdir(root)  # where a clinic runs it: no src/ folder here
    args = ["build", "-o", "out", "--colour", "cmyk", "--pdfx"]
    result = runner.invoke(app, args)
    assert result.exit_code == 1 and "no theme.yaml" in result.output
    assert _named_theme(result.output).read_bytes() == BUNDLED_THEME.read_bytes()

    (root / "theme.yaml").write_text(INTENT)  # the intent alone
    result = runner.invoke(app, args)
    assert result.exit_code == 1 and "margins" in result.output
    bundled = _named_theme(result.output)
    assert bundled.read_bytes() == BUNDLED_THEME.read_bytes()

    (root / "theme.yaml").write_text(bundled.read_text(encoding="utf-8") + INTENT)
    (root / "profiles").mkdir()
    (root / "profiles" / "press.icc").write_bytes(cmyk_profile())
    assert runner.invoke(app, args).exit_code == 0
    assert (root / "out" / "en" / "sample.pdf").is_file()


def test_pdfx_needs_cmyk(make_project: Callable[..., Path]) -> None:
    root = make_project()
    result = runner.invoke(app, ["build", "--project", str(root), "--pdfx"])
    assert result.exit_code == 2 and "cmyk" in result.output


@pytest.mark.parametrize(
    ("profile", "reason"),
    [
        (ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes(), "not a CMYK"),
        (cmyk_profile(device_class=b"mntr"), "not a CMYK"),
        (cmyk_profile(colour_space=b"RGB "), "not a CMYK"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "not an ICC profile"),
        (cmyk_profile()[:-10], "not an ICC profile"),
    ],
)
def test_a_profile_that_is_not_a_cmyk_output_profile_is_refused(
    make_project: Callable[..., Path], profile: bytes, reason: str
) -> None:
    root = print_shop_project(make_project, profile)
    result = runner.invoke(
        app, ["build", "--project", str(root), "-o", str(root / "out"), "--colour", "cmyk"]
    )
    assert result.exit_code == 1
    assert "press.icc" in result.output and reason in result.output
    assert "Traceback" not in result.output


def test_a_missing_profile_or_one_outside_the_project_is_refused(
    make_project: Callable[..., Path],
) -> None:
    root = print_shop_project(make_project, None)
    args = ["build", "--project", str(root), "-o", str(root / "out"), "--colour", "cmyk"]
    result = runner.invoke(app, args)
    assert result.exit_code == 1 and "press.icc" in result.output
    assert "not found" in result.output
    # A screen build never reads the print shop's profile.
    assert runner.invoke(app, args[:-2]).exit_code == 0
    theme = (root / "theme.yaml").read_text(encoding="utf-8")
    (root / "theme.yaml").write_text(theme.replace("profiles/press.icc", "../x.icc"))
    result = runner.invoke(app, args)
    assert result.exit_code == 1 and "outside the project" in result.output
    assert "theme.yaml" in result.output


def _pdf(content: bytes, resources: dict[str, Any] | None = None) -> bytes:
    """A one-page PDF drawing ``content`` with ``resources`` (made with pikepdf)."""
    pdf = pikepdf.new()
    pdf.add_blank_page()
    page = pdf.pages[0]
    page.obj.Contents = pdf.make_stream(content)
    page.obj.Resources = pikepdf.Dictionary(resources or {})
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def test_pdfx_refuses_an_unembedded_font_and_an_rgb_image(tmp_path: Path) -> None:
    profile = tmp_path / "press.icc"
    profile.write_bytes(cmyk_profile())
    intent = OutputIntent(profile, "FOGRA39")
    step = conformance_step(Conformance("PDF/X-4", ("en",), intent, tmp_path / "theme.yaml"))
    helvetica = _canvas_pdf(lambda c: c.drawString(72, 72, "Helvetica is not embedded"))
    with pytest.raises(ValueError, match="PDF/X: font Helvetica is not embedded"):
        final_pass(helvetica, [step])
    with pytest.raises(ValueError, match="Im1 is RGB"):
        step(_one_image_pdf("DeviceRGB", 3))


def test_pdfa_refuses_an_unembedded_font_and_a_cmyk_image() -> None:
    step = conformance_step(Conformance("PDF/A-2u", ("en",)))
    helvetica = _canvas_pdf(lambda c: c.drawString(72, 72, "Helvetica is not embedded"))
    with pytest.raises(ValueError, match="not embedded"):
        final_pass(helvetica, [step])
    with pytest.raises(ValueError, match="Im1 is CMYK"):
        step(_one_image_pdf("DeviceCMYK", 4))
    plain = final_pass(_pdf(b"0 0 0 1 k 0 0 9 9 re f"), [step])
    assert b"pdfaid" in pikepdf.open(io.BytesIO(plain)).Root.Metadata.read_bytes()


def _one_image_pdf(space: str, components: int) -> pikepdf.Pdf:
    """A page that draws one 2×2 image in the device colour ``space``."""
    pdf = pikepdf.new()
    image = pikepdf.Stream(pdf, bytes(4 * components))
    image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    image.Width, image.Height, image.BitsPerComponent = 2, 2, 8
    image.ColorSpace = pikepdf.Name(f"/{space}")
    pdf.add_blank_page()
    pdf.pages[0].obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im1=image))
    pdf.pages[0].obj.Contents = pdf.make_stream(b"q 9 0 0 9 0 0 cm /Im1 Do Q")
    return pdf


def _canvas_pdf(draw: Callable[[Canvas], None]) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    draw(canvas)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_a_tagged_document_claims_pdfua_with_its_schema_described(tmp_path: Path) -> None:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    conformance_step(Conformance("PDF/A-2u", ("th", "en")))(pdf)  # the output intent
    pdf.Root.MarkInfo = pikepdf.Dictionary(Marked=True)
    pdf.Root.StructTreeRoot = pdf.make_indirect(
        pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot)
    )
    pdf.docinfo["/Title"] = "Tagged"
    write_metadata(pdf, ["th", "en"], STANDARDS["PDF/A-2u"])
    packet = pdf.Root.Metadata.read_bytes()
    xmp = Xmp(pdf)
    assert xmp.one("pdfuaid:part") == "1" and xmp.one("pdfaid:part") == "2"
    assert b"<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>" in packet
    validated = tmp_path / "tagged.pdf"
    pdf.save(validated, fix_metadata_version=False)
    assert pdfa_violations(validated) == []
    untagged = pikepdf.new()
    write_metadata(untagged, ["en"], STANDARDS["none"])
    assert Xmp(untagged).all("pdfuaid:part") == []


def test_empty_info_entries_go_rather_than_disagree_with_the_xmp() -> None:
    pdf = pikepdf.new()
    pdf.docinfo["/Title"] = "A title"
    pdf.docinfo["/Subject"] = ""
    pdf.docinfo["/Keywords"] = ""
    write_metadata(pdf, ["en"], STANDARDS["PDF/A-2u"])
    assert "/Subject" not in pdf.docinfo and "/Keywords" not in pdf.docinfo
    xmp = Xmp(pdf)
    assert xmp.all("dc:description/rdf:Alt/rdf:li") == [] and xmp.all("pdf:Keywords") == []
    assert xmp.default("dc:title") == "A title"


def test_xmp_escapes_text_and_converts_dates() -> None:
    meta = DocumentMetadata(
        title="Cells & <tests> \x01", author="A \"B\"", subject="", keywords="",
        creator_tool="t", producer="p", created=xmp_date("D:20260102030405+07'00'"),
        modified=xmp_date("D:20260102"), languages=("zh-Hans",),
    )  # fmt: skip
    root = ET.fromstring(xmp_packet(meta))
    assert root.findtext(".//dc:title/rdf:Alt/rdf:li", namespaces=NS) == "Cells & <tests> "
    assert root.findtext(".//xmp:CreateDate", namespaces=NS) == "2026-01-02T03:04:05+07:00"
    assert root.findtext(".//xmp:ModifyDate", namespaces=NS) == "2026-01-02T00:00:00"
    assert xmp_date("D:20260102030405Z") == "2026-01-02T03:04:05Z"
    assert xmp_date("yesterday") == ""
    assert meta.document_id() == meta.document_id()


def test_a_thai_leaflet_lists_the_english_its_structure_tags(tmp_path: Path) -> None:
    """dc:language named only the edition's languages: a Thai leaflet whose references
    are printed (and tagged /Lang en) in English said it held Thai alone. The document's
    own language stays first, the others follow in the order the tree first tags them."""
    with pikepdf.open(build(tmp_path, "th")) as pdf:
        tagged = {str(e.Lang) for e in _elements(pdf.Root.StructTreeRoot) if "/Lang" in e}
        assert "en" in tagged  # the references, cited as published
        assert Xmp(pdf).all("dc:language/rdf:Bag/rdf:li") == ["th", "en"]
        assert str(pdf.Root.Lang) == "th"


@pytest.mark.parametrize(
    ("locale", "edition", "spec", "main"),
    [
        ("th", "single", {}, ["th"]),
        ("th", "parallel", {}, ["th", "en"]),
        ("en", "single", {}, ["en"]),
        ("th", "single", {"imposition": "booklet"}, ["th"]),
    ],
)
def test_dc_language_follows_the_tree_it_was_written_with(
    tmp_path: Path, locale: str, edition: str, spec: dict[str, str], main: list[str]
) -> None:
    """The build gives the metadata the languages the structure step wrote rather than
    reading the tree back (#20): what dc:language lists after the edition's own is still
    every /Lang of the file's tree, in the order a reader walking it meets them; a
    booklet's imposed sheets are untagged and list the edition's alone."""
    with pikepdf.open(build(tmp_path, locale, edition, **spec)) as pdf:
        tree = pdf.Root.get("/StructTreeRoot")
        walked = _tree_languages(tree.K) if tree is not None else []
        assert (tree is None) == ("imposition" in spec)
        assert Xmp(pdf).all("dc:language/rdf:Bag/rdf:li") == list(dict.fromkeys(main + walked))


def _tree_languages(node: Any) -> list[str]:
    """Every /Lang of a structure tree, element before its kids, kids in order."""
    if isinstance(node, pikepdf.Array):
        return [lang for kid in node for lang in _tree_languages(kid)]
    if not isinstance(node, pikepdf.Dictionary) or "/S" not in node:
        return []
    own = [str(node.Lang)] if "/Lang" in node else []
    return own + (_tree_languages(node.K) if "/K" in node else [])


def test_an_untagged_document_keeps_its_editions_languages(english: Path) -> None:
    with pikepdf.open(english) as pdf:
        del pdf.Root.StructTreeRoot
        write_metadata(pdf, ["en"], STANDARDS["none"])
        assert Xmp(pdf).all("dc:language/rdf:Bag/rdf:li") == ["en"]


def _elements(node: Any) -> list[Any]:
    found, stack = [], [node]
    while stack:
        item = stack.pop()
        if isinstance(item, pikepdf.Array):
            stack.extend(item)
        elif isinstance(item, pikepdf.Dictionary):
            found.append(item)
            if "/K" in item:
                stack.append(item.K)
    return found


def _alternatives(xmp: Xmp, name: str) -> list[tuple[str, str]]:
    """The (xml:lang, text) of each entry of the language alternative ``name``."""
    items = xmp.root.iterfind(f".//rdf:Description/{name}/rdf:Alt/rdf:li", NS)
    return [(item.get(XML_LANG, ""), item.text or "") for item in items]


def test_title_and_description_are_given_in_each_language_of_the_pdf(tmp_path: Path) -> None:
    """XMP said the title only as ``x-default``: a catalogue, a library or an assistive
    tool asking for the title in Thai or in English found neither, and a bilingual
    edition's second title was not stated at all. Now each language the edition is in
    has its own entry, after the ``x-default`` one (which matches Info /Title, as PDF/A
    asks)."""
    from msc_leaflet import i18n
    from msc_leaflet.content.inline import plain_text
    from msc_leaflet.content.loader import load_leaflet

    project = Project.at(REPO)
    source, _ = load_leaflet(project.leaflet_path("infusion-safety"), project)
    versions = {
        lang: i18n.localize_with_fallbacks(source, lang, project)[0] for lang in ("th", "en")
    }
    titles = {lang: plain_text(v.title.value) for lang, v in versions.items()}
    audiences = {lang: plain_text(v.audience.value) for lang, v in versions.items() if v.audience}
    assert titles["th"] != titles["en"] and audiences["th"] != audiences["en"]
    for edition, langs in (("single", ["th"]), ("parallel", ["th", "en"]),
                           ("sequential", ["th", "en"])):  # fmt: skip
        path = build(tmp_path / edition, "th", edition)
        with pikepdf.open(path) as pdf:
            xmp, info = Xmp(pdf), pdf.docinfo
            assert _alternatives(xmp, "dc:title") == [
                ("x-default", str(info.Title)),
                *[(lang, titles[lang]) for lang in langs],
            ], edition
            assert _alternatives(xmp, "dc:description") == [
                ("x-default", str(info.Subject)),
                *[(lang, audiences[lang]) for lang in langs],
            ], edition
        assert pdfa_violations(path) == [], edition


def test_a_pdfx_build_prints_the_themes_print_values_as_written(
    make_project: Callable[..., Path],
) -> None:
    """A print value is device CMYK for the press the theme's profile describes: a PDF/X
    build prints body text and footers in it unchanged (black alone), never through the
    profile into a four-colour grey."""
    root = print_shop_project(make_project, cmyk_profile())
    with pikepdf.open(pdfx_build(root)) as pdf:
        assert str(pdf.docinfo.GTS_PDFXVersion) == "PDF/X-4"
        fills = {
            tuple(float(v) for v in instruction.operands)
            for page in pdf.pages
            for instruction in pikepdf.parse_content_stream(page)
            if str(instruction.operator) == "k"
        }
    assert {(0.0, 0.0, 0.0, 0.85), (0.0, 0.0, 0.0, 0.62)} <= fills  # ink and muted


def test_a_pdfx_build_with_crop_marks_passes_preflight(make_project: Callable[..., Path]) -> None:
    """PDF/X-4 with bleed and crop marks: the marks in the Registration colour (a
    Separation /All over DeviceCMYK) leave the file PDF/X, and preflight, judging ink
    by the output intent's FOGRA39, finds no error."""
    from msc_leaflet.finishing.preflight import Requirements, preflight

    root = print_shop_project(make_project, cmyk_profile())
    out = root / "out"
    args = ["build", "--project", str(root), "-o", str(out), "--colour", "cmyk", "--pdfx"]
    result = runner.invoke(app, [*args, "--bleed", "3mm", "--crop-marks"])
    assert result.exit_code == 0, result.output
    report = preflight(out / "en" / "sample.pdf", Requirements(bleed=3 * 72 / 25.4))
    assert report.standard.startswith("PDF/X-4") and report.passed, report.findings
    infos = [f.message for f in report.findings if f.category == "colour"]
    assert "colour spaces: DeviceCMYK, Separation All" in infos


LINKED_BLOCKS = """\
- paragraph: Search [ClinicalTrials.gov](https://clinicaltrials.gov) for trials near you.
- paragraph: A study with a DOI [@gamma2002].
"""
PRESS_ANNOTATIONS = ("/TrapNet", "/PrinterMark")


def _meets(rect: Any, box: Any) -> bool:
    """The rectangles overlap (each is [x0 y0 x1 y1], in either order)."""
    (x0, x1), (y0, y1) = sorted(map(float, rect[0::2])), sorted(map(float, rect[1::2]))
    (bx0, bx1), (by0, by1) = sorted(map(float, box[0::2])), sorted(map(float, box[1::2]))
    return x0 < bx1 and x1 > bx0 and y0 < by1 and y1 > by0


def _dangling_references(pdf: pikepdf.Pdf) -> list[str]:
    """What a structure tree names that is not there: an OBJR to an annotation no page
    holds, an annotation or page whose /StructParent(s) key the /ParentTree lacks, a
    key at or past /ParentTreeNextKey, or a /Link element with nothing to click."""
    tree = pdf.Root.StructTreeRoot
    keys = {int(key) for key, _ in pikepdf.NumberTree(tree.ParentTree).items()}
    annotations = {a.objgen for page in pdf.pages for a in page.obj.get("/Annots", [])}
    problems = [f"key {key} ≥ /ParentTreeNextKey" for key in keys
                if key >= int(tree.ParentTreeNextKey)]  # fmt: skip
    for page in pdf.pages:
        if "/StructParents" in page.obj and int(page.obj.StructParents) not in keys:
            problems.append(f"page key {page.obj.StructParents}")
        for annotation in page.obj.get("/Annots", []):
            if "/StructParent" in annotation and int(annotation.StructParent) not in keys:
                problems.append(f"annotation key {annotation.StructParent}")
    for element in (e for e in _elements(tree.K) if "/S" in e):
        kids = element.get("/K")
        listed = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
        objrs = [k for k in listed if isinstance(k, pikepdf.Dictionary) and "/Obj" in k]
        problems += [f"OBJR to {k.Obj.objgen}" for k in objrs if k.Obj.objgen not in annotations]
        if element.S == "/Link" and not objrs:
            problems.append("a Link element with no annotation")
    return problems


def _pdfjs_items(item: dict[str, Any]) -> list[dict[str, Any]]:
    """The node pdf.js gives and every node under it."""
    return [item, *(n for kid in item.get("children", []) for n in _pdfjs_items(kid))]


def test_a_pdfx_build_keeps_no_link_where_the_press_prints(
    make_project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """PDF/X (ISO 15930-7 §6.3.1, as -1a and -3 before it) allows only TrapNet and
    PrinterMark annotations inside the BleedBox; our PDF/X-4 builds kept every link
    there and even set its Print flag, so Acrobat's, PitStop's and callas' PDF/X-4
    profiles rejected them. The links go, and the structure tree with them: no OBJR or
    /ParentTree entry names a removed link, and the link's text, still printed and
    still read, is a Span. The pages render exactly as they did with the links."""
    import pypdfium2

    from msc_leaflet.finishing import conformance
    from tagged_read import structure

    root = print_shop_project(make_project, cmyk_profile())
    text = leaflet_yaml(LINKED_BLOCKS + LONG_BLOCKS)
    (root / "leaflets" / "sample.yaml").write_text(text, encoding="utf-8")
    args = ["build", "--project", str(root), "--colour", "cmyk", "--pdfx", "--bleed", "3mm"]
    press = root / "press"
    assert runner.invoke(app, [*args, "-o", str(press)]).exit_code == 0
    with monkeypatch.context() as patched:  # as it was built before: links kept
        patched.setattr(conformance, "without_annotations_in_print", lambda pdf: None)
        result = runner.invoke(app, [*args, "-o", str(root / "linked")])
        assert result.exit_code == 0, result.output
    linked, path = root / "linked" / "en" / "sample.pdf", press / "en" / "sample.pdf"
    with pikepdf.open(linked) as before:
        assert sum(len(p.obj.get("/Annots", [])) for p in before.pages) >= 2
    with pikepdf.open(path) as pdf:
        assert str(pdf.docinfo.GTS_PDFXVersion) == "PDF/X-4"
        for page in pdf.pages:
            box = page.obj.get("/BleedBox", page.obj.get("/TrimBox"))
            inside = [
                str(a.get("/Subtype"))
                for a in page.obj.get("/Annots", [])
                if a.get("/Subtype") not in PRESS_ANNOTATIONS and _meets(a.Rect, box)
            ]
            assert inside == []
        assert _dangling_references(pdf) == []
    document, _ = structure(path)
    spans = [node.text().strip() for node in document.walk() if node.role == "Span"]
    assert "ClinicalTrials.gov" in spans
    assert not any(node.role == "Link" for node in document.walk())
    images = []
    for pdf_path in (linked, path):
        rendered = pypdfium2.PdfDocument(pdf_path)
        images.append([page.render(scale=1).to_pil().tobytes() for page in rendered])
        rendered.close()
    assert images[0] == images[1]
    # Preflight, as a shop's PDF/X profile, rejected the file with links; it passes now.
    from msc_leaflet.finishing.preflight import preflight

    def annotation_errors(pdf_path: Path) -> list[str]:
        findings = preflight(pdf_path).findings
        return [f.message for f in findings if f.severity == "error" and "annot" in f.message]

    assert annotation_errors(linked) and annotation_errors(path) == []
    # pdf.js (Firefox's reader and accessibility tree) reads the tree (skips without it).
    roles = {str(item.get("role")) for page in run_pdfjs("structure.mjs", path)
             for item in _pdfjs_items(page["tree"])}  # fmt: skip
    assert {"Document", "P", "Span"} <= roles and "Link" not in roles


def test_only_trap_nets_and_printer_marks_stay_where_a_press_file_prints() -> None:
    """Every other annotation meeting the BleedBox goes, tagged or not, whatever its
    flags; one in the slug (outside the BleedBox) and the press's own stay. A link
    element that was the link alone goes with it, one with text becomes a Span, and
    the /ParentTree keeps the keys still named."""
    from msc_leaflet.finishing.press_annotations import without_annotations_in_print

    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(300, 300))
    page = pdf.pages[0].obj
    page.TrimBox, page.BleedBox = [20, 20, 280, 280], [10, 10, 290, 290]

    def annotation(subtype: str, rect: list[float], **extra: Any) -> Any:
        entries: dict[str, Any] = dict(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name(subtype))
        return pdf.make_indirect(pikepdf.Dictionary(**entries, Rect=rect, **extra))

    texted = annotation("/Link", [50, 50, 90, 60], StructParent=1, F=4)
    alone = annotation("/Link", [50, 70, 90, 80], StructParent=2, F=2)  # hidden: still there
    slug = annotation("/Link", [292, 0, 300, 8], StructParent=3)  # outside the BleedBox
    mark = annotation("/PrinterMark", [0, 0, 300, 300])
    note = annotation("/Text", [200, 200, 220, 220])
    page.Annots = pikepdf.Array([texted, alone, slug, mark, note])
    tree = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))

    def element(role: str, parent: Any, kids: list[Any]) -> Any:
        entries: dict[str, Any] = dict(Type=pikepdf.Name.StructElem, S=pikepdf.Name(role))
        entries.update(P=parent, Pg=page)
        made = pdf.make_indirect(pikepdf.Dictionary(**entries))
        made.K = pikepdf.Array(kids)
        return made

    def objr(target: Any) -> pikepdf.Dictionary:
        return pikepdf.Dictionary(Type=pikepdf.Name.OBJR, Obj=target, Pg=page)

    document = element("/Document", tree, [])
    paragraph = element("/P", document, [])
    links = [
        element("/Link", paragraph, [0, objr(texted)]),
        element("/Link", paragraph, [objr(alone)]),
        element("/Link", paragraph, [1, objr(slug)]),
    ]
    paragraph.K, document.K, tree.K = pikepdf.Array(links), pikepdf.Array([paragraph]), document
    nums = [0, pikepdf.Array([links[0], links[2]]), 1, links[0], 2, links[1], 3, links[2]]
    tree.ParentTree = pdf.make_indirect(pikepdf.Dictionary(Nums=pikepdf.Array(nums)))
    tree.ParentTreeNextKey = 4
    pdf.Root.StructTreeRoot = tree
    page.StructParents = 0

    without_annotations_in_print(pdf)

    kept = [str(a.Subtype) for a in page.Annots]
    assert kept == ["/Link", "/PrinterMark"] and page.Annots[0].objgen == slug.objgen
    assert [str(kid.S) for kid in paragraph.K] == ["/Span", "/Link"]
    assert paragraph.K[0].K == 0  # the text it showed, and no annotation
    keys = [int(key) for key, _ in pikepdf.NumberTree(tree.ParentTree).items()]
    assert keys == [0, 3] and int(tree.ParentTreeNextKey) == 4
    assert _dangling_references(pdf) == []


def test_the_themes_ink_limit_travels_in_the_pdfx_file(make_project: Callable[..., Path]) -> None:
    """A shop's ink limit stated only in the theme (``ink-limit: 260``) was not written
    into the PDF: preflight of the print file judged it by FOGRA39's 330 % and passed a
    fill of 280 %, unless the shop typed ``--ink-limit 260`` again. The file now states
    its limit (in its XMP, which PDF/X and PDF/A allow to be extended), preflight reads
    it, and ``--ink-limit`` still has the last word. A theme that states no limit
    writes none: its condition says it."""
    from msc_leaflet.finishing.preflight import Requirements, preflight

    root = print_shop_project(make_project, cmyk_profile())
    theme = root / "theme.yaml"
    theme.write_text(theme.read_text(encoding="utf-8") + "  ink-limit: 260\n", encoding="utf-8")
    path = pdfx_build(root)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        assert Xmp(pdf).all("pdfxid:GTS_PDFXVersion") == ["PDF/X-4"]
        page = pdf.pages[0]  # a rich fill the shop's limit forbids, FOGRA39's allows
        page.contents_add(pdf.make_stream(b"q 0.8 0.6 0.4 1 k 20 20 30 30 re f Q"))
        pdf.save(path)

    def ink(requirements: Requirements | None = None) -> list[str]:
        report = preflight(path, requirements)
        return [f.message for f in report.findings if f.category == "ink"]

    assert ink() == ["280 % total ink in a fill (over 260 %, the limit the file states)"]
    assert ink(Requirements(ink_limit=300)) == []
    theme.write_text(BUNDLED_THEME.read_text(encoding="utf-8") + INTENT, encoding="utf-8")
    with pikepdf.open(pdfx_build(root)) as pdf:
        assert b"InkLimit" not in pdf.Root.Metadata.read_bytes()


def test_a_pdfx_build_overprints_its_100_percent_black_and_stays_pdfx_4(
    make_project: Callable[..., Path],
) -> None:
    """A press theme whose body text is 100 % black: the text overprints, in graphics
    states a PDF/X-4 file may hold (overprint and its mode; no transfer function or
    halftone, which PDF/X forbids), and the file stays PDF/X-4 and passes preflight
    without a word about black that knocks out."""
    from msc_leaflet.finishing.preflight import preflight

    root = print_shop_project(make_project, cmyk_profile())
    theme = (root / "theme.yaml").read_text(encoding="utf-8")
    body = 'ink: {screen: "#1f2a30", print: "cmyk(0, 0, 0, 85)"}'
    assert body in theme
    black = theme.replace(body, 'ink: "cmyk(0, 0, 0, 100)"')
    (root / "theme.yaml").write_text(black, encoding="utf-8")
    pdf_path = pdfx_build(root)
    with pikepdf.open(pdf_path) as pdf:
        assert str(pdf.docinfo.GTS_PDFXVersion) == "PDF/X-4"
        states = [
            state
            for page in pdf.pages
            for state in page.Resources.get("/ExtGState", pikepdf.Dictionary()).values()
        ]
        assert {"/OP": True, "/op": True, "/OPM": 1} in [dict(state) for state in states]
        assert all(set(state.keys()) <= {"/OP", "/op", "/OPM", "/ca", "/CA"} for state in states)
        for page in pdf.pages:  # every state a page sets is one it names
            named = set(page.Resources.get("/ExtGState", pikepdf.Dictionary()).keys())
            for instruction in pikepdf.parse_content_stream(page):
                if str(instruction.operator) == "gs":
                    assert str(instruction.operands[0]) in named
    report = preflight(pdf_path)
    assert report.passed and report.standard.startswith("PDF/X-4")
    assert [f for f in report.findings if f.category == "overprint"] == []


def test_a_pdfx_build_keeps_no_destination_its_links_went_to(
    make_project: Callable[..., Path],
) -> None:
    """A citation links to a named destination (``ref-<key>@p<page>``), and each entry
    of the reference list is one (``ref-<key>``): a screen edition keeps them all. A
    press file keeps no link where it prints, so no link goes to them and no one opens
    it at an address: the names go with the links (the bookmarks stay)."""
    root = print_shop_project(make_project, cmyk_profile())
    (root / "leaflets" / "sample.yaml").write_text(leaflet_yaml(LINKED_BLOCKS), "utf-8")
    args = ["build", "--project", str(root)]
    press = [*args, "--colour", "cmyk", "--pdfx", "--bleed", "3mm", "-o", str(root / "press")]
    for command in ([*args, "-o", str(root / "screen")], press):
        result = runner.invoke(app, command)
        assert result.exit_code == 0, result.output
    with pikepdf.open(root / "screen" / "en" / "sample.pdf") as screen:
        names = pikepdf.NameTree(screen.Root.Names.Dests)
        assert {"ref-gamma2002", "ref-gamma2002@p1"} <= set(names.keys())
    with pikepdf.open(root / "press" / "en" / "sample.pdf") as pdf:
        assert str(pdf.docinfo.GTS_PDFXVersion) == "PDF/X-4"
        assert "/Names" not in pdf.Root
        assert not any(page.obj.get("/Annots") for page in pdf.pages)
        with pdf.open_outline() as outline:
            assert list(outline.root)  # the bookmarks stay


@pytest.mark.parametrize(
    ("locale", "edition", "keywords"),
    [
        ("en", "single", ["safety", "infusions"]),
        ("th", "single", ["ความปลอดภัย", "การให้ทางหลอดเลือดดำ"]),
        # Two languages: the translation's words, then the source's, as the title.
        ("th", "parallel", ["ความปลอดภัย", "การให้ทางหลอดเลือดดำ", "safety", "infusions"]),
    ],
)
def test_the_keywords_are_in_the_language_of_the_edition(
    tmp_path: Path, locale: str, edition: str, keywords: list[str]
) -> None:
    """The keywords were never extracted for translators: a Thai PDF told a search
    engine and a viewer's document properties "safety, infusions" in English."""
    path = build(tmp_path, locale, edition=edition)
    with pikepdf.open(path) as pdf:
        xmp = Xmp(pdf)
        assert str(pdf.docinfo.Keywords) == ", ".join(keywords)
        assert xmp.one("pdf:Keywords") == str(pdf.docinfo.Keywords)
        assert xmp.all("dc:subject/rdf:Bag/rdf:li") == keywords
    assert pdfa_violations(path) == []  # dc:subject is a property PDF/A-2 knows


def test_a_keyword_holding_a_comma_is_one_subject() -> None:
    """Info /Keywords is one string; dc:subject keeps each keyword whole."""
    meta = DocumentMetadata(
        title="T", author="", subject="", keywords="cells, bone, marrow", creator_tool="",
        producer="", created="", modified="", languages=("en",),
        subjects=("cells", "bone, marrow"),
    )  # fmt: skip
    xmp = ET.fromstring(xmp_packet(meta))
    items = [e.text for e in xmp.iterfind(".//dc:subject/rdf:Bag/rdf:li", NS)]
    assert items == ["cells", "bone, marrow"]
    without = DocumentMetadata(**{**meta.__dict__, "subjects": ()})
    assert b"dc:subject" not in xmp_packet(without)
    assert meta.document_id() != without.document_id()


def test_two_languages_of_keywords_at_their_limit_make_a_valid_pdfa(tmp_path: Path) -> None:
    """A two-language edition joins both languages' keywords into one Info /Keywords, so
    each language may take half a PDF string: at that limit the file is still PDF/A (a
    string is at most 32,767 bytes); past it `check` refuses (test_hardening_content)."""
    root = copy_bundled(tmp_path)
    room = KEYWORDS_BYTES // 2  # characters, each two bytes in UTF-16
    english = ("cell safety " * room)[: room - len("safety, infusions, ")].strip()
    thai = ("ความปลอดภัย " * room)[: room - len("ความปลอดภัย, การให้ทางหลอดเลือดดำ, ")].strip()
    leaflet = root / "leaflets" / "infusion-safety.yaml"
    text = leaflet.read_text("utf-8").replace(
        "keywords: [safety, infusions]", f"keywords: [safety, infusions, '{english}']"
    )
    leaflet.write_text(text, "utf-8")
    catalog = root / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
    with catalog.open("a", encoding="utf-8") as po:
        po.write(f'\nmsgctxt "keywords/3"\nmsgid "{english}"\nmsgstr "{thai}"\n')
    project = Project.at(root)
    options = Options(spec=PrintSpec())
    path = build_leaflet(
        project, "infusion-safety", "th", tmp_path / "o", edition="parallel", options=options
    ).path
    with pikepdf.open(path) as pdf:
        stored = len(str(pdf.docinfo.Keywords).encode("utf-16-be")) + 2
        assert PDF_STRING_BYTES - 200 < stored <= PDF_STRING_BYTES
        assert Xmp(pdf).all("dc:subject/rdf:Bag/rdf:li")[2] == thai
    assert pdfa_violations(path) == []
