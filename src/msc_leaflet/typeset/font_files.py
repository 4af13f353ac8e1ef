"""Where the font files of the theme's families are: plain paths, no ReportLab, so build
fingerprints can hash them without loading the layout machinery.

Fonts come from PyPI font packages (``fontpkg-*``, their ``files/`` folder) or from the
OFL fonts carried in ``msc_leaflet/data/fonts/``; never from the machine's own fonts.
"""

from __future__ import annotations

import importlib
from functools import cache
from pathlib import Path

from ..data import data_path
from ..theme.fonts import ROLES, FontConfig, FontFamilySpec


def family_dir(family: FontFamilySpec) -> Path:
    if family.package:
        module = importlib.import_module(family.package)
        return Path(module.ROOT) / "files"
    return data_path("fonts") / family.folder


def face_path(family: FontFamilySpec, role: str) -> Path:
    return family_dir(family) / family.face_file(role)


def config_files(config: FontConfig) -> list[Path]:
    """Every font file of ``config``, once each, in family and face order."""
    files: dict[Path, None] = {}
    for family in config.families:
        for role in ROLES:
            files[face_path(family, role)] = None
    return list(files)


@cache
def bundled_config() -> FontConfig:
    """The font table of the bundled theme."""
    from ..content.yaml_source import load_data
    from ..theme.fonts import font_config

    data = load_data(data_path("theme.yaml").read_text(encoding="utf-8"))
    return font_config(data["fonts"])


def sarabun_dir() -> Path:
    """The folder of the Latin and Thai family (the desk serves it to browsers)."""
    return family_dir(bundled_config().family("Sarabun"))


def font_files() -> list[Path]:
    """The font files every PDF may embed from, in family and face order."""
    return config_files(bundled_config())
