"""Pictures (figures, the organisation's logo) in the colour model of the build.

A print edition (``--colour cmyk``) must hold no RGB at all: a print shop's preflight
flags it, and a PDF/X-4 file may not contain it. So an RGB picture is converted to CMYK
when it is drawn: with the press's profile when the theme names an ``output-intent``
(LittleCMS, `theme/icc.py`), else by the same naive rule as the theme's vector
colours (`theme/colours.py`). Grey and CMYK pictures need nothing and are drawn from
their file as in a screen build. Transparency is kept as a soft mask (``/SMask``), not
flattened onto white: the logo sits on the coloured band, where white would show as a
box. A screen build draws every picture from its file, exactly as before, unless
the picture is stored turned: a phone writes a photo taken upright as a landscape
JPEG with an EXIF Orientation saying how to turn it, which every viewer, browser and
the desk obey and ReportLab does not. Such a picture is drawn from an upright copy,
and measured upright (`picture_size`).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageOps
from reportlab.lib.utils import ImageReader

from ..theme.colours import rgb_pixels_to_cmyk
from ..theme.icc import press_transform
from ..theme.theme import Theme

AS_FILED = frozenset({"L", "CMYK"})  # opaque pictures ReportLab embeds in their own model
GREY = frozenset({"1", "L", "LA", "La", "I", "I;16", "I;16B", "I;16L", "F"})


EXIF_ORIENTATION = 0x0112
#: Orientations that swap width and height (a quarter turn, mirrored or not).
QUARTER_TURNS = frozenset({5, 6, 7, 8})


def turned(path: Path) -> int:
    """The EXIF orientation of the picture at ``path`` when it is stored turned or
    mirrored (2-8), else 0."""
    info = path.stat()
    return _orientation(path, info.st_ino, info.st_mtime_ns)


@lru_cache(maxsize=64)
def _orientation(path: Path, _inode: int, _mtime_ns: int) -> int:
    with Image.open(path) as image:  # the header only
        value = image.getexif().get(EXIF_ORIENTATION, 1)
    return value if isinstance(value, int) and 2 <= value <= 8 else 0


def picture_size(path: Path) -> tuple[float, float]:
    """Width and height in pixels of the picture as it is shown: upright."""
    width, height = (float(n) for n in ImageReader(str(path)).getSize())
    return (height, width) if turned(path) in QUARTER_TURNS else (width, height)


def needs_copy(path: Path, theme: Theme) -> bool:
    """Whether the picture cannot be drawn from its file as it is (a print build
    converts it, a turned picture is drawn upright)."""
    return theme.colour_mode == "cmyk" or bool(turned(path))


def drawable(path: Path, theme: Theme) -> str | ImageReader:
    """What the canvas draws for the picture at ``path`` (already checked by the loader):
    its file name, or a decoded copy: upright if it is stored turned, and in a print
    build in CMYK with its alpha as a mask."""
    if not needs_copy(path, theme):
        return str(path)
    upright = bool(turned(path))
    with Image.open(path) as image:
        if not upright and image.mode in AS_FILED and "transparency" not in image.info:
            return str(path)
        image.load()
        shown = ImageOps.exif_transpose(image) if upright else image
        if theme.colour_mode != "cmyk":
            return ImageReader(shown)
        alpha = _alpha(shown)
        if _grey(shown):
            return ImageReader(shown.convert("LA" if alpha is not None else "L"))
        colour = shown.copy() if shown.mode == "CMYK" else _cmyk(shown.convert("RGB"), theme)
    return _MaskedReader(colour, alpha)


def _alpha(image: Image.Image) -> Image.Image | None:
    """The picture's opacity (a palette's or a colour key's transparency too), or None."""
    if "transparency" in image.info or image.mode in ("RGBA", "LA", "La", "RGBa", "PA"):
        return image.convert("RGBA").getchannel("A")
    return None


def _grey(image: Image.Image) -> bool:
    """Whether the picture holds only greys (a grey palette counts), kept as DeviceGray."""
    if image.mode != "P":
        return image.mode in GREY
    colours = image.convert("RGB").getcolors(256) or []
    return all(len(set(rgb)) == 1 for _, rgb in colours if isinstance(rgb, tuple))


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
