"""Pictures (figures, the organisation's logo) in the colour model of the build.

A print edition (``--colour cmyk``) must hold no RGB at all: a print shop's preflight
flags it, and a PDF/X-4 file may not contain it. So an RGB picture is converted to CMYK,
once a process (`_converted`): with the press's profile when the theme names an
``output-intent`` (LittleCMS, `theme/icc.py`), else by the same naive rule as the
theme's vector colours (`theme/colours.py`); a photo filed as a JPEG prints as a CMYK
JPEG (`_photo_jpeg`). Grey and CMYK pictures need nothing and are drawn from
their file as in a screen build. Transparency is kept as a soft mask (``/SMask``), not
flattened onto white: the logo sits on the coloured band, where white would show as a
box. A screen build draws every picture from its file, exactly as before, but for a CMYK
one (a designer's print file of the logo): a screen edition is PDF/A-2u with an sRGB
output intent and may hold no CMYK, so it is shown in RGB by the rule the theme's
cmyk(...) colours follow on screen; and for a truecolour or grey PNG with a see-through
colour key (`_colour_keyed`), which ReportLab would print opaque.

A picture tagged with a profile of other colours than sRGB's (Adobe RGB, a camera's
setting; Display P3, every iPhone photo) is converted to sRGB by it first, in every
build (`_in_srgb`), as viewers and browsers show it: read as sRGB, its greens and reds
printed dull. A photo so tagged is then a JPEG of its converted pixels, as a print
build's is; one tagged sRGB, as most are, is embedded as filed. A grey picture's profile
(linear grey, a scanner's) is read alike, and it stays grey; a CMYK picture's (a press's)
shows it on screen. In print with the press's profile, a picture of its own profile goes
straight to the press's (`_to_press`): through sRGB, a wide-gamut photo's greens were
clipped; a CMYK one separated for another press printed its inks, not its colours.
A PNG that states its colours in gAMA and cHRM chunks instead of a profile (linear
light, from scientific and medical software) is read by the profile they describe
(`theme/png_chunks.py`, `_stated_profile`), as browsers read it, on every one of these
paths; so is one whose cICP chunk names its display (Display P3, linear BT.709), which
overrules every other chunk, as in a browser (`content/cicp.py`).

A photo is drawn the way up its EXIF Orientation says (`draw_picture`): a phone stores
what the sensor saw and a tag saying how to turn it, which every viewer and browser
obeys, and a PDF viewer does not. The turn is made by the drawing's matrix, not by
turning the pixels, so a JPEG is still embedded as it was filed.

Greys of more than 8 bits a sample (a 16-bit scan or micrograph) are the exception, in
every build: ReportLab, like Pillow's own conversion, cuts each sample to 8 bits rather
than scaling it, so all but the darkest 1/256 of such a picture printed white. They are
scaled to 8-bit greys here (`_eight_bit_grey`), which is all a PDF image needs; one
of a grey profile of its own (a linear-grey scan) is read by it at its 16 bits first,
since cut to 8 bits a linear grey's shadows print in visible steps.

Every picture is stored in one filter, binary (`_binary_streams`): a JPEG as its own
bytes, anything else in Flate, compressed once; the final pass keeps both as they are.
"""

from __future__ import annotations

import hashlib
import io
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image, ImageMath
from reportlab import rl_config
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from ..theme.colours import cmyk_pixels_to_rgb, most_ink, rgb_pixels_to_cmyk
from ..theme.icc import picture_to_press, picture_to_srgb, press_transform
from ..theme.png_chunks import chunk_profile
from ..theme.theme import Theme

if TYPE_CHECKING:
    from PIL.ImageCms import ImageCmsTransform
    from PIL.ImageFile import ImageFile

AS_FILED = frozenset({"L", "CMYK"})  # opaque pictures ReportLab embeds in their own model
GREY = frozenset({"1", "L", "LA", "La"})
# Pillow's modes for greys deeper than 8 bits: 16-bit PNG and TIFF, 32-bit integer or
# floating-point TIFF.
DEEP_GREY = frozenset({"I", "I;16", "I;16B", "I;16L", "I;16N", "F"})
#: The canvas attribute holding the layout's record of placed pictures
#: (`pages.LayoutLog.pictures`), which `note_placed` adds to.
PICTURES = "_msc_pictures"


ORIENTATION = 0x0112  # the EXIF tag
# Where each orientation shows a stored pixel (x, y: 0–1 from the top left), as Pillow's
# `ImageOps.exif_transpose` turns it (2 mirrors, 6 turns a quarter clockwise, …).
SHOWN: dict[int, Callable[[float, float], tuple[float, float]]] = {
    1: lambda x, y: (x, y),
    2: lambda x, y: (1 - x, y),
    3: lambda x, y: (1 - x, 1 - y),
    4: lambda x, y: (x, 1 - y),
    5: lambda x, y: (y, x),
    6: lambda x, y: (1 - y, x),
    7: lambda x, y: (1 - y, 1 - x),
    8: lambda x, y: (y, 1 - x),
}
SIDEWAYS = frozenset({5, 6, 7, 8})  # shown a quarter turn from how it is stored


def orientation(path: Path) -> int:
    """The picture's EXIF Orientation, 1 (as stored) when it has none or a bad one."""
    with Image.open(path) as image:
        value = image.getexif().get(ORIENTATION, 1)
    return value if value in SHOWN else 1


def shown_size(path: Path) -> tuple[int, int]:
    """Width and height in pixels of the picture as a viewer shows it."""
    with Image.open(path) as image:
        width, height = image.size
    return (height, width) if orientation(path) in SIDEWAYS else (width, height)


def draw_picture(
    canvas: Canvas,
    source: str | ImageReader,
    path: Path,
    box: tuple[float, float, float, float],
    mask: object,
) -> None:
    """Draw ``source`` (the picture at ``path``, or a copy `drawable` made) filling
    ``box`` (x, y, width, height) the way up a viewer shows it, and note its resolution."""
    x, y, width, height = box
    note_placed(canvas, path, shown_size(path)[0], width)
    turned = orientation(path)
    with named_by_content(source) as picture, _binary_streams():
        if turned == 1:
            canvas.drawImage(picture, x, y, width, height, mask=mask)
            return

        def shown(u: float, v: float) -> tuple[float, float]:  # PDF's y runs up, EXIF's down
            sx, sy = SHOWN[turned](u, 1 - v)
            return sx, 1 - sy

        (e, f), (ax, ay), (cx, cy) = shown(0, 0), shown(1, 0), shown(0, 1)
        canvas.saveState()
        canvas.transform(
            (ax - e) * width, (ay - f) * height, (cx - e) * width, (cy - f) * height,
            x + e * width, y + f * height,
        )  # fmt: skip
        canvas.drawImage(picture, 0, 0, 1, 1, mask=mask)
        canvas.restoreState()


@contextmanager
def _binary_streams() -> Iterator[None]:
    """While a picture is drawn, ReportLab stores it binary. By default it spells every
    picture in ASCII85 (printable characters, a quarter larger) around its compression:
    a JPEG's bytes so (3.3 MB of photos took 12.3 MB of PDF), and any other picture's
    compressed pixels so, which the final pass then decoded and compressed again (#20).
    ReportLab reads the setting when a picture is first drawn in a document, so the
    setting is ours for that moment only."""
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


@contextmanager
def named_by_content(source: str | ImageReader) -> Iterator[ImageReader]:
    """``source`` as a reader of its pixels while it is drawn. ReportLab names a picture
    drawn from a file name after that name, the file's full path, and writes the name
    into the page: the same project in another folder gave other bytes. A reader is
    named after its content (`_FiledPicture`), and embedded as the file was (a JPEG's
    own bytes, anything else compressed). The reader made here is emptied once drawn: it
    holds the file and any decoded pixels, and a JPEG's reader refers to itself, so only
    a full garbage collection would free them (eight large photos took 1.2 GB more)."""
    reader = _FiledPicture(source) if isinstance(source, str) else source
    try:
        yield reader
    finally:
        if isinstance(reader, _FiledPicture):  # made for this draw (`_Copy.reader` too)
            reader.__dict__.clear()


class _FiledPicture(ImageReader):  # type: ignore[misc]
    """A picture drawn from its file. ReportLab names a reader's picture after the
    pixels `getRGBData` gives, so naming a JPEG decoded it on every draw (in every
    language and edition: a leaflet with three large photos built twice as slowly,
    #20), though the PDF carries the JPEG's own bytes and never its pixels. A JPEG is
    named after those bytes instead, which ReportLab reads for nothing else; any other
    picture is embedded from its pixels, so it is decoded anyway and named by them."""

    def getRGBData(self) -> bytes:  # ReportLab's name
        if self.jpeg_fh() is None:
            data: bytes = super().getRGBData()
            return data
        self._dataA = None  # a JPEG has no alpha channel to mask with
        return b"JPEG " + hashlib.sha256(self.fp.getbuffer()).hexdigest().encode()


def note_placed(canvas: object, path: Path, pixels_wide: float, points_wide: float) -> None:
    """Record that the picture at ``path``, ``pixels_wide`` px across, was drawn
    ``points_wide`` points wide: its lowest resolution is what LAYOUT005 judges."""
    placed = getattr(canvas, PICTURES, None)
    if placed is None or points_wide <= 0:
        return
    ppi = pixels_wide / (points_wide / 72)
    if path not in placed or ppi < placed[path][0]:
        placed[path] = (ppi, points_wide)


def picture_ink(path: Path) -> float | None:
    """The most total ink (percent of C + M + Y + K) any pixel of the picture at ``path``
    holds, if it is CMYK: a print build embeds such a picture as filed, so only it can
    hold more than the press's limit (an RGB picture is converted within it). None for
    any other picture."""
    with Image.open(path) as image:
        return most_ink(image) if image.mode == "CMYK" else None


def printed_as_filed(path: Path, theme: Theme) -> bool:
    """Whether a build with ``theme`` embeds the picture at ``path`` as its file holds
    it (`_as_filed`), so that its inks are the file's: a CMYK picture of another press's
    profile is converted to the shop's, within its ink limit (LAYOUT006 judges only the
    pictures printed as filed)."""
    with _opened(path) as image:
        return _as_filed(image, theme)


@contextmanager
def _opened(path: Path) -> Iterator[Image.Image]:
    """The picture at ``path`` opened, with the code points of its cICP chunk, which
    Pillow does not read, in its ``info`` (``cicp``; `content/cicp.py`): converted
    copies keep them, as they keep every chunk Pillow reads."""
    from ..content.cicp import read_cicp

    with Image.open(path) as image:
        points = read_cicp(path) if image.format == "PNG" else None
        if points is not None:
            image.info["cicp"] = points
        keyed = _deep_keyed(image, path)
        yield keyed if keyed is not None else _deep_grey_alpha(image)


#: Pillow's raw mode of a 16-bit grey PNG with alpha, which it reads as RGBA.
DEEP_GREY_ALPHA = "LA;16B"


def _deep_grey_alpha(image: ImageFile) -> Image.Image:
    """A 16-bit grey PNG with alpha as the grey picture it is (LA), anything else as
    it is. Pillow reads it as RGBA, so a print build separated its greys into four
    inks (by the press's profile, a rich grey of C, M and Y under K: a fringe of colour
    wherever the plates miss), where every other grey picture prints in black ink alone."""
    tile = image.tile[0] if len(image.tile) == 1 else None
    if image.mode == "RGBA" and tile is not None and tile.args == DEEP_GREY_ALPHA:
        return image.convert("LA")
    return image


#: Pillow's raw mode of a 16-bit truecolour PNG's samples, and the one that reads the
#: same bytes little-end first: Pillow keeps the first byte of each sample, so read so
#: it keeps the second.
DEEP_RGB, DEEP_RGB_LOW_BYTES = "RGB;16B", "RGB;16L"


def _deep_keyed(image: ImageFile, path: Path) -> Image.Image | None:
    """A 16-bit truecolour PNG with a see-through colour (tRNS) as RGBA, its opacity
    exactly the key's, else None. Pillow reads such a picture in 8 bits (each sample's
    first byte) but keeps its key in 16: the key matched no pixel, and the see-through
    colour (a logo's white on the band) printed as a box. Every pixel whose 16 bits are
    the key's is see-through, as in a browser, and no other: its second bytes are read
    too. The key stays in ``info``, so it is still drawn with its mask (`_colour_keyed`)."""
    key = image.info.get("transparency")
    tile = image.tile[0] if len(image.tile) == 1 else None
    if not isinstance(key, tuple) or image.mode != "RGB" or tile is None or tile.args != DEEP_RGB:
        return None
    from PIL import ImageChops  # only for such a picture: Pillow's C core loads with it

    with Image.open(path) as low:
        low.tile = [tile._replace(args=DEEP_RGB_LOW_BYTES)]
        low.load()
        seconds = low.split()
    hidden = Image.new("L", image.size, 255)  # 255 where every sample is the key's
    for first, second, value in zip(image.split(), seconds, key, strict=True):
        for byte, want in ((first, value >> 8), (second, value & 255)):
            hidden = ImageChops.multiply(hidden, byte.point(lambda v, w=want: 255 * (v == w)))
    rgba = image.copy()  # its info too: the key
    rgba.putalpha(ImageChops.invert(hidden))
    return rgba


def drawable(path: Path, theme: Theme) -> str | ImageReader:
    """What the canvas draws for the picture at ``path`` (already checked by the loader):
    its file name, or a copy converted once a process (`_converted`): in a print build
    in CMYK with its alpha as a mask, in a screen build a CMYK picture in RGB, and in
    any build a deep grey picture in 8-bit greys."""
    if printed_as_filed(path, theme):
        return str(path)
    return _converted(path, theme).reader()


def _as_filed(image: Image.Image, theme: Theme) -> bool:
    """Whether the picture is drawn from its file, as it is: a picture already in the
    build's colour model, opaque or transparent as ReportLab reads it, and in sRGB (or,
    CMYK in print, in the press's colours: its own profile is the press's, or it has
    none, or the theme names no press to convert to)."""
    if image.mode in DEEP_GREY:
        return False
    if theme.colour_mode != "cmyk":
        return image.mode != "CMYK" and _own_profile(image) is None and not _colour_keyed(image)
    if image.mode == "CMYK":
        return "transparency" not in image.info and _to_press(image, theme) is None
    opaque = image.mode in AS_FILED and "transparency" not in image.info
    return opaque and _own_profile(image) is None


@dataclass(frozen=True)
class _Copy:
    """A picture as a build draws it, where that is not its file: a photo's CMYK JPEG
    (`_photo_jpeg`), or pixels with their opacity. Kept for the process (`_converted`),
    so each draw only wraps it in a new reader."""

    jpeg: bytes | None = None
    pixels: Image.Image | None = None
    alpha: Image.Image | None = None

    def reader(self) -> ImageReader:
        if self.jpeg is not None:
            return _FiledPicture(io.BytesIO(self.jpeg))
        assert self.pixels is not None
        if self.pixels.mode == "CMYK" or self.alpha is not None:
            return _MaskedReader(self.pixels, self.alpha)
        return ImageReader(self.pixels)

    @property
    def size(self) -> int:
        """Bytes it holds, about."""
        pictures = [p for p in (self.pixels, self.alpha) if p is not None]
        return len(self.jpeg or b"") + sum(p.width * p.height * len(p.getbands()) for p in pictures)


def _converted(path: Path, theme: Theme) -> _Copy:
    """The picture at ``path`` converted for ``theme``'s builds, once a process for each
    content and way of converting it: the logo is drawn on every page, a photo in every
    language and edition, and converting a large photo took a quarter of a print build
    (#20). Named by the file's content hash, not its path: a picture replaced under the
    same name (the desk lives for hours) is converted anew."""
    from ..build.fingerprint import file_sha256  # the build's content hash, cached by stamp

    key = (file_sha256(path), _conversion(theme))
    if key in _COPIES:
        _COPIES.move_to_end(key)
        return _COPIES[key]
    copy = _convert(path, theme)
    if copy.size <= COPIES_MAX_BYTES:
        _COPIES[key] = copy
        while sum(kept.size for kept in _COPIES.values()) > COPIES_MAX_BYTES:
            _COPIES.popitem(last=False)  # the least recently drawn
    return copy


def _conversion(theme: Theme) -> str:
    """What a picture's copy depends on besides its content: the colour mode, and in
    print the press profile's content (or the naive rule, without one)."""
    from ..build.fingerprint import file_sha256

    intent = theme.output_intent
    if theme.colour_mode != "cmyk" or intent is None:
        return theme.colour_mode
    return f"cmyk {file_sha256(intent.profile)}"


#: Bytes of converted pictures a process keeps (`_converted`): a dozen photos' CMYK
#: JPEGs, or a few large converted PNGs; the least recently drawn go first.
COPIES_MAX_BYTES = 256 * 1024 * 1024
_COPIES: OrderedDict[tuple[str, str], _Copy] = OrderedDict()


def _convert(path: Path, theme: Theme) -> _Copy:
    """The picture at ``path`` as `drawable` describes it, converted."""
    with _opened(path) as image:
        if image.mode in DEEP_GREY:
            return _Copy(pixels=_eight_bit_grey(image))
        image.load()
        photo = image.format == "JPEG"
        if theme.colour_mode != "cmyk" and image.mode == "CMYK":
            shown = _in_srgb(image)  # by its own profile, where it has one
            rgb = shown if shown.mode == "RGB" else cmyk_pixels_to_rgb(image)
            return _Copy(pixels=rgb, alpha=_alpha(image))
        flat = _unpalette(image)
        press = _to_press(flat, theme)
        shown = flat if press is not None else _in_srgb(flat)
        alpha = _alpha(flat)  # a colour key matches the filed colours, not the converted
        if theme.colour_mode != "cmyk":  # a picture of another profile, in sRGB
            colour = shown.convert("L" if shown.mode in GREY else "RGB")
        elif press is not None:  # from its own profile straight to the press's
            colour = press.apply(shown.convert("CMYK" if shown.mode == "CMYK" else "RGB"))
        elif _grey(image):
            grey = shown.convert("LA" if alpha is not None else "L")
            if photo and alpha is None:  # a grey photo of its own profile, in sRGB's greys
                return _Copy(jpeg=_photo_jpeg(grey))
            return _Copy(pixels=grey)
        else:
            colour = shown.copy() if shown.mode == "CMYK" else _cmyk(shown.convert("RGB"), theme)
        if photo and alpha is None:
            return _Copy(jpeg=_photo_jpeg(colour))
    return _Copy(pixels=colour, alpha=alpha)


#: The mode whose profile a picture of each Pillow mode carries (`_own_profile`): a
#: palette's colours are RGB, a grey's opacity is not a colour.
PROFILED = {"RGB": "RGB", "RGBA": "RGB", "P": "RGB", "CMYK": "CMYK", "L": "L", "LA": "L"}


def _stated_profile(image: Image.Image) -> bytes | None:
    """The ICC profile the picture states its colours in: the one it embeds, else the
    one a PNG's gAMA and cHRM chunks describe (`theme/png_chunks.py`), as browsers
    read them: a linear PNG from a microscope's software printed its mid grey 128 as
    128, where every browser shows about 188. None for a picture that states none."""
    grey = image.mode in DEEP_GREY or PROFILED.get(image.mode) == "L"
    profile = image.info.get("icc_profile")
    if isinstance(profile, bytes) and "cicp" not in image.info:  # cICP overrules iCCP
        return profile
    return chunk_profile(image.info, grey)


def _own_profile(image: Image.Image) -> bytes | None:
    """The picture's own ICC profile (`_stated_profile`), where its colours are not
    what the build reads a picture of its mode as: an RGB photo tagged Adobe RGB (a
    camera's setting) or Display P3 (an iPhone's) printed dull as if its values were
    sRGB; a grey one tagged linear grey (a scanner's) far too dark; a CMYK one
    (separated for a press) was shown on screen by the naive rule. Every viewer shows
    them by their profile."""
    profile = _stated_profile(image)
    mode = PROFILED.get(image.mode)
    if profile is None or mode is None:
        return None
    return profile if picture_to_srgb(profile, mode) is not None else None


def _in_srgb(image: Image.Image) -> Image.Image:
    """``image`` (no palette) in sRGB, converted by its own profile where it has one of
    other colours (`_own_profile`): RGB or RGBA as it was, a grey in greys (L or LA), a
    CMYK picture in RGB; its opacity kept as it was."""
    profile = _own_profile(image)
    if profile is None:
        return image
    mode = "RGBA" if image.mode == "RGBA" else PROFILED[image.mode]
    transform = picture_to_srgb(profile, mode)
    assert transform is not None
    converted: Image.Image = transform.apply(image.convert(mode))
    if mode == "L":  # sRGB's greys: red, green and blue are one
        converted = converted.convert("L")
    if image.mode in ("RGBA", "LA"):
        converted.putalpha(image.getchannel("A"))  # LittleCMS may not carry it over
    return converted


def _to_press(image: Image.Image, theme: Theme) -> ImageCmsTransform | None:
    """The transform straight from the picture's own profile to the press's, in a print
    build whose theme names one: for an RGB picture of other colours than sRGB's (a
    wide-gamut photo, whose greens sRGB would clip) and a CMYK one separated for
    another press. None for any other picture, converted as before."""
    intent = theme.output_intent
    profile = _stated_profile(image)
    if theme.colour_mode != "cmyk" or intent is None or profile is None:
        return None
    if image.mode != "CMYK" and (PROFILED.get(image.mode) != "RGB" or not _own_profile(image)):
        return None
    mode = "CMYK" if image.mode == "CMYK" else "RGB"
    return picture_to_press(profile, mode, intent.profile, theme.path or Path("theme.yaml"))


#: Quality of a photo's converted JPEG (`_photo_jpeg`), every ink at full resolution.
PRINT_JPEG_QUALITY = 95


def _photo_jpeg(converted: Image.Image) -> bytes:
    """A photo filed as a JPEG, converted (to CMYK, or to sRGB from its own profile), as
    a JPEG again. Its pixels in Flate took twice the room and seconds to compress (a
    grainy 12-megapixel test photo: 27 MB a PDF against 13 MB); a press file's photos
    are CMYK JPEGs as a rule. The photo was
    a JPEG already, and at quality 95 with no ink subsampled this second one changes an
    ink by about half a level of 255 on average, less than the photo's own compression
    did. Pillow writes it as Adobe's tools do (inverted, with an Adobe marker), which
    ReportLab's /Decode for a CMYK JPEG expects."""
    out = io.BytesIO()
    converted.save(out, "JPEG", quality=PRINT_JPEG_QUALITY, subsampling=0)
    return out.getvalue()


def _eight_bit_grey(image: Image.Image) -> Image.Image:
    """A grey picture of more than 8 bits a sample in 8-bit greys, scaled, not cut: its
    white (`_white`) becomes 255, and a grey profile of its own is read as an 8-bit
    grey's is (`_scaled_grey`). A transparent colour (PNG's tRNS) becomes a mask, as
    `_alpha` makes for others."""
    wide = image.convert("F")
    grey = _scaled_grey(wide, _white(image, wide), _stated_profile(image))
    key = image.info.get("transparency")
    if not isinstance(key, int | float):
        return grey
    shown = ImageMath.lambda_eval(lambda a: (a["v"] != key) * 255, v=wide)
    assert isinstance(shown, Image.Image)
    grey.putalpha(shown.convert("L"))
    return grey


def _white(image: Image.Image, wide: Image.Image) -> float:
    """The largest value of a deep grey's sample depth (``wide`` is it in floats). A
    16-bit mode says its depth; a 32-bit integer or a float picture does not, so its
    depth is the smallest of 1.0 (floats only), 8 and 16 bits that holds its brightest
    sample, else that sample."""
    if image.mode.startswith("I;16"):
        return 65535.0
    _, top = wide.getextrema()  # one band: (least, most)
    brightest = max(float(top), 0.0) if isinstance(top, int | float) else 0.0
    depths = ((1.0,) if image.mode == "F" else ()) + (255.0, 65535.0)
    return next((depth for depth in depths if brightest <= depth), brightest)


def _scaled_grey(wide: Image.Image, white: float, profile: object) -> Image.Image:
    """``wide`` (greys in floats, ``white`` their white) in 8-bit greys; by ``profile``
    where it is a grey profile of other greys than sRGB's (`picture_to_srgb`), read at
    16 bits. Its profile dropped, a 16-bit scan tagged linear grey printed its mid grey
    128 where viewers show 188; cut to 8 bits before the profile, its shadows printed in
    steps of 6 levels of 255, bands across a micrograph's dark field."""
    transform = picture_to_srgb(profile, "I;16") if isinstance(profile, bytes) else None
    if transform is None:
        return wide.point(lambda v: v * 255 / white + 0.5).convert("L")
    sixteen = wide.point(lambda v: v * 65535 / white + 0.5).convert("I").convert("I;16")
    shown: Image.Image = transform.apply(sixteen)
    return shown.convert("L")  # sRGB's greys: red, green and blue are one


def _unpalette(image: Image.Image) -> Image.Image:
    """A palette picture as the colours it shows, with their opacity where it has any:
    converted once, as Pillow asks of a palette whose entries each carry an opacity (an
    8-bit PNG from pngquant or "Save for Web"). Converted to anything but RGBA, Pillow
    printed a warning of its own, naming its source line, among the build's output."""
    if image.mode != "P":
        return image
    return image.convert("RGBA" if "transparency" in image.info else "RGB")


def _colour_keyed(image: Image.Image) -> bool:
    """Whether a truecolour or grey picture makes one colour see-through (PNG's tRNS),
    which every viewer honours. ReportLab reads that key for a palette alone: drawn
    from its file, the see-through colour printed (a black box around a logo, or a
    text a viewer never showed), so such a picture is drawn with its opacity as a
    mask (`_alpha`)."""
    return "transparency" in image.info and image.mode != "P"


def _alpha(image: Image.Image) -> Image.Image | None:
    """The picture's opacity (a palette's or a colour key's transparency too), or None."""
    if "transparency" in image.info or image.mode in ("RGBA", "LA", "La", "RGBa", "PA"):
        return image.convert("RGBA").getchannel("A")
    return None


def _grey(image: Image.Image) -> bool:
    """Whether the picture holds only greys (a grey palette counts), kept as DeviceGray."""
    if image.mode != "P":
        return image.mode in GREY
    palette = image.getpalette("RGB") or []
    used = [index for _, index in image.getcolors(256) or [] if isinstance(index, int)]
    return all(len(set(palette[3 * i : 3 * i + 3])) <= 1 for i in used)


def _cmyk(image: Image.Image, theme: Theme) -> Image.Image:
    intent = theme.output_intent
    if intent is None:
        return rgb_pixels_to_cmyk(image)
    transform = press_transform(intent.profile, theme.path or Path("theme.yaml"))
    converted: Image.Image = transform.apply(image)
    return converted


class _MaskedReader(ImageReader):  # type: ignore[misc]
    """A CMYK picture with an alpha channel, which ReportLab's reader only keeps for
    RGBA and LA pictures: it is given as the soft mask ReportLab writes for those."""

    def __init__(self, image: Image.Image, alpha: Image.Image | None) -> None:
        super().__init__(image)
        self._alpha = alpha

    def getRGBData(self) -> bytes:  # ReportLab's name
        data: bytes = super().getRGBData()
        if self._alpha is not None and getattr(self, "_dataA", None) is None:
            self._dataA = ImageReader(self._alpha)
        return data
