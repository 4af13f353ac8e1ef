"""Static instances of variable fonts (Noto Sans Khmer Bold from its variable font).

PyPI's Noto packages ship variable fonts only. ReportLab embeds a font's default
outlines and HarfBuzz would have to be told the axes, so a weight other than the
default is made once with fontTools' instancer (2-4 s) and kept in the user's cache
folder (`files.keep_derived`: a folder of the process where there is none to write),
named by the source file's content hash, fontTools' version and the axis values: the
same bytes on every machine, never downloaded, remade if the package or fontTools
changes.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..files import keep_derived, read_input, user_cache_dir

MAX_FONT_BYTES = 50_000_000


FOLDER = "fonts"  # in the user's cache folder
#: How a weight is made; raised when that changes, so that no cache keeps a weight made
#: the old way (2: the variable font's time stamp kept).
RECIPE = 2


def cache_dir() -> Path | None:
    cache = user_cache_dir()
    return cache / FOLDER if cache is not None else None


def instance_path(source: Path, axes: tuple[tuple[str, float], ...]) -> Path:
    """A static font of ``source`` at ``axes`` (e.g. (("wght", 700.0),)), made on first use."""
    import fontTools  # the package alone (its version): 10 ms, the instancer 10 times that

    data = read_input(source, MAX_FONT_BYTES)
    # The instancer's version too: a weight made by another fontTools has other bytes,
    # and a machine whose cache holds it would embed them where a fresh one would not.
    made_by = hashlib.sha256(data + f"{fontTools.version} {RECIPE}".encode()).hexdigest()[:16]
    label = "-".join(f"{axis}{value:g}" for axis, value in axes)
    name = f"{source.stem.split('[')[0]}-{label}-{made_by}.ttf"
    folder = cache_dir()
    if folder is not None and (folder / name).is_file():
        return folder / name
    from io import BytesIO

    from fontTools.ttLib import TTFont
    from fontTools.varLib.instancer import instantiateVariableFont

    font = TTFont(BytesIO(data))
    # Every axis pinned (the others at their defaults: width 100), so the result is a
    # plain static font, not a variable font with one axis left.
    pinned = {axis.axisTag: axis.defaultValue for axis in font["fvar"].axes}
    pinned.update(dict(axes))
    static = instantiateVariableFont(font, pinned, updateFontNames=True)
    # Saved with the variable font's own time stamp (head.modified), not the time of
    # the save or SOURCE_DATE_EPOCH: the subset a PDF embeds keeps it, so a weight made
    # at another time would give other bytes from the same inputs.
    static.recalcTimestamp = False
    made = BytesIO()
    static.save(made)
    return keep_derived(FOLDER, name, made.getvalue())
