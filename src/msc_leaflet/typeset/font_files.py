"""Which font files the bundled family uses: plain paths, no ReportLab, so build
fingerprints can hash them without loading the layout machinery."""

from __future__ import annotations

from pathlib import Path

SARABUN_FACES = {
    "regular": "Sarabun-Regular.ttf",
    "bold": "Sarabun-SemiBold.ttf",  # SemiBold: Bold fills the counters of Thai letters at 10 pt
    "italic": "Sarabun-Italic.ttf",
    "bold_italic": "Sarabun-SemiBoldItalic.ttf",
}


def sarabun_dir() -> Path:
    import fontpkg_sarabun

    return Path(fontpkg_sarabun.ROOT) / "files"


def font_files() -> list[Path]:
    """The font files every PDF embeds from, in face order."""
    return [sarabun_dir() / filename for filename in SARABUN_FACES.values()]
