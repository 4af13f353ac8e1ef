"""Static instances of variable fonts (Noto Sans Khmer Bold from its variable font).

PyPI's Noto packages ship variable fonts only. ReportLab embeds a font's default
outlines and HarfBuzz would have to be told the axes, so a weight other than the
default is made once with fontTools' instancer (2-4 s) and kept in the user's cache
folder, named by the source file's content hash and the axis values: the same bytes
on every machine, never downloaded, remade if the package changes.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from ..files import read_input, user_cache_dir

MAX_FONT_BYTES = 50_000_000


def cache_dir() -> Path:
    return user_cache_dir() / "fonts"


def instance_path(source: Path, axes: tuple[tuple[str, float], ...]) -> Path:
    """A static font of ``source`` at ``axes`` (e.g. (("wght", 700.0),)), made on first use."""
    data = read_input(source, MAX_FONT_BYTES)
    digest = hashlib.sha256(data).hexdigest()[:16]
    label = "-".join(f"{axis}{value:g}" for axis, value in axes)
    target = cache_dir() / f"{source.stem.split('[')[0]}-{label}-{digest}.ttf"
    if target.is_file():
        return target
    from io import BytesIO

    from fontTools.ttLib import TTFont
    from fontTools.varLib.instancer import instantiateVariableFont

    font = TTFont(BytesIO(data))
    # Every axis pinned (the others at their defaults: width 100), so the result is a
    # plain static font, not a variable font with one axis left.
    pinned = {axis.axisTag: axis.defaultValue for axis in font["fvar"].axes}
    pinned.update(dict(axes))
    static = instantiateVariableFont(font, pinned, updateFontNames=True)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        folder = target.parent
    except OSError:  # no writable cache: one per process, in the temporary folder
        folder = Path(tempfile.mkdtemp(prefix="msc-leaflet-fonts-"))
        target = folder / target.name
    # Written aside and renamed: parallel build workers may make the same instance.
    handle, scratch = tempfile.mkstemp(dir=folder, suffix=".ttf")
    with os.fdopen(handle, "wb") as out:
        static.save(out)
    os.chmod(scratch, 0o644)
    os.replace(scratch, target)
    return target
