"""Page pictures for the desk's previews and thumbnails, in a pool worker."""

from __future__ import annotations

from pathlib import Path

from ..finishing.preview import write_previews

DPI = 96.0  # an A4 page is 794 px wide: sharp on a tablet, light enough for a list


def render(pdf: Path, folder: Path, data: bytes | None = None) -> int:
    """Draw ``pdf`` (``data``: its bytes, read already) into ``folder``; its page count."""
    return len(write_previews(pdf, folder, dpi=DPI, data=data).pages)
