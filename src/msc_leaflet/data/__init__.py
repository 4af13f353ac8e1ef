"""Data files shipped with the package (theme, templates, claim lists, check defaults),
and the bundled leaflet library.

Configuration is data: these files, not constants in modules, hold the defaults.
"""

from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent
LIBRARIES = ("msc",)


def data_path(name: str) -> Path:
    """The shipped data file ``name`` (e.g. ``"theme.yaml"``)."""
    return DATA_DIR / name


def word_list_path(locale: str) -> Path:
    """The package's word list for ``locale``'s language (``words-th.txt``; it may not
    exist): everyday words ICU's dictionary splits in every project, read with the
    project's own ``locales/<lang>/words.txt`` (`typeset.segmentation`) and hashed with
    it into each output's fingerprint."""
    from ..languages import language_subtag  # languages imports this module: not at its top

    return data_path(f"words-{language_subtag(locale)}.txt")


def library_root(name: str) -> Path:
    """The project folder of the bundled library ``name`` (``leaflets/``, ``locales/``,
    ``organisations/``).

    A wheel carries it under ``data/library/<name>/`` (pyproject's force-include). A
    source checkout has no such copy: the repository root *is* that project, and it is
    what the wheel packages, so there is one source of truth and nothing to sync.
    """
    if name not in LIBRARIES:
        raise KeyError(name)
    packaged = DATA_DIR / "library" / name
    if packaged.is_dir():
        return packaged
    return DATA_DIR.parents[2]  # src/msc_leaflet/data -> the repository
