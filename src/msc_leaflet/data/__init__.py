"""Data files shipped with the package (theme, templates, claim lists, check defaults).

Configuration is data: these files, not constants in modules, hold the defaults.
"""

from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent


def data_path(name: str) -> Path:
    """The shipped data file ``name`` (e.g. ``"theme.yaml"``)."""
    return DATA_DIR / name
