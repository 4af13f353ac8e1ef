"""The Python API the CLI is a thin layer over: load → localise → lay out → write.

from pathlib import Path
from msc_leaflet.build import build_leaflet
from msc_leaflet.project import Project

result = build_leaflet(Project.at(Path(".")), "infusion-safety", "th", Path("build"))
print(result.path, result.pages, [str(w) for w in result.findings])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reportlab.platypus.doctemplate import LayoutError

from . import i18n
from .content import load_leaflet
from .errors import Finding, LeafletError, Location
from .layout import layout_leaflet
from .model import Leaflet
from .output import output_path, write_atomic
from .project import Project
from .theme import Theme, load_theme
from .typeset import WordList, load_word_list
from .typeset.segmentation import EMPTY_WORD_LIST


@dataclass(frozen=True)
class BuildResult:
    leaflet_id: str
    locale: str
    path: Path
    pages: int
    findings: list[Finding] = field(default_factory=list)


def project_words(project: Project, locale: str) -> WordList:
    """The project's ``locales/<lang>/words.txt``: terms a line must never split."""
    path = project.words_path(locale)
    return load_word_list(path) if path.is_file() else EMPTY_WORD_LIST


def refuse_unless_printable(
    project: Project, source: Leaflet, locale: str, i18n_findings: list[Finding]
) -> None:
    from .checks import load_config, run_checks

    problems = [f for f in i18n_findings if f.severity in ("error", "warning")]
    checks = run_checks(project, [source.id], [locale], load_config(project, strict=True))
    problems += [f for f in checks if f.severity == "error"]
    if problems:
        listed = "\n".join(f"  {finding}" for finding in problems[:10])
        more = f"\n  … and {len(problems) - 10} more" if len(problems) > 10 else ""
        raise LeafletError(
            Location(source.path),
            f"--strict: {len(problems)} problem(s) must be fixed before printing:\n{listed}{more}",
            "fix them, or build without --strict for a draft",
        )


def build_leaflet(
    project: Project,
    leaflet_id: str,
    locale: str | None,
    out_dir: Path,
    *,
    theme: Theme | None = None,
    allow_fuzzy: bool = False,
    strict: bool = False,
) -> BuildResult:
    source, findings = load_leaflet(project.leaflet_path(leaflet_id), project)
    return build_loaded(
        project,
        source,
        findings,
        locale or source.language,
        out_dir,
        theme=theme,
        allow_fuzzy=allow_fuzzy,
        strict=strict,
    )


def build_loaded(
    project: Project,
    source: Leaflet,
    findings: list[Finding],
    locale: str,
    out_dir: Path,
    *,
    theme: Theme | None = None,
    allow_fuzzy: bool = False,
    strict: bool = False,
) -> BuildResult:
    """Localise, lay out and write one PDF. ``strict`` (for printing) refuses to build
    when `msc-leaflet check` finds an error, or when any text is untranslated, fuzzy or
    failed the translation checks; nothing is written then."""
    leaflet, i18n_findings = i18n.localize(source, locale, project, allow_fuzzy=allow_fuzzy)
    if strict:
        refuse_unless_printable(project, source, locale, i18n_findings)
    labels = i18n.ui_labels(locale, project)
    try:
        words = project_words(project, locale)
        result = layout_leaflet(leaflet, theme or load_theme(), labels, i18n.format_date, words)
    except LayoutError as exc:
        raise LeafletError(
            Location(source.path),
            f"the content cannot be laid out: {str(exc).splitlines()[0][:200]}",
            "a block is larger than a page; split it into smaller blocks",
        ) from None
    except ValueError as exc:  # missing glyphs, oversized images: content the layout refuses
        raise LeafletError(Location(source.path), str(exc)) from None
    path = output_path(out_dir, locale, source.id)
    write_atomic(path, result.pdf)
    return BuildResult(source.id, locale, path, result.pages, [*findings, *i18n_findings])
