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


def hyphenation_list_path(language: str) -> Path:
    """The package's list of medical hyphenations for Pyphen's language ``language``
    (``en_US`` reads ``hyphenation-en.txt``; it may not exist), read before Pyphen's
    patterns (`typeset.hyphenation`)."""
    return data_path(f"hyphenation-{language.split('_')[0]}.txt")


def hyphenation_lists() -> list[Path]:
    """Every shipped hyphenation list: any of them can move a line end in any build
    (a Thai leaflet's Latin words are hyphenated as English), so each is an input of
    every output's fingerprint."""
    return sorted(DATA_DIR.glob("hyphenation-*.txt"))


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
