"""Incremental builds rebuild exactly the outputs whose bytes (or verdict) can change:
an option that changes nothing, a settings section the build never reads, or a word of
``ui.po`` no PDF prints must leave a print shop's batch alone; a stale PDF must not."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import leaflet_yaml
from msc_leaflet.build import Options
from msc_leaflet.build.batch import run_batch
from msc_leaflet.print_spec import PrintSpec
from msc_leaflet.project import Project

SHORT = "- paragraph: Short text [@alpha2001].\n"


@pytest.fixture
def project(make_project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Project:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796169600")
    root = make_project(
        {
            "one": leaflet_yaml(SHORT, leaflet_id="one"),
            "two": leaflet_yaml(SHORT.replace("Short", "Other"), leaflet_id="two"),
        }
    )
    return Project.at(root)


def statuses(report: object) -> dict[str, str]:
    return {o.job.output: o.status for o in report.outcomes}  # type: ignore[attr-defined]


def rebuilt(report: object) -> set[str]:
    return {output for output, status in statuses(report).items() if status == "built"}


@pytest.mark.parametrize(
    ("first", "then", "rebuilds"),
    [
        # The bundled theme is A4: naming its paper changes nothing.
        (PrintSpec(), PrintSpec(paper="a4"), False),
        (PrintSpec(paper="a4"), PrintSpec(), False),
        # How the printer turns the sheet matters to booklet sheets only.
        (PrintSpec(), PrintSpec(duplex_flip="long-edge"), False),
        # A booklet's pages are A5 unless another paper is named.
        (PrintSpec(imposition="booklet"), PrintSpec(imposition="booklet", paper="a5"), False),
        # What does change the bytes still rebuilds.
        (PrintSpec(), PrintSpec(paper="a5"), True),
        (PrintSpec(imposition="booklet"), PrintSpec(imposition="booklet", paper="a4"), True),
        (
            PrintSpec(imposition="booklet"),
            PrintSpec(imposition="booklet", duplex_flip="long-edge"),
            True,
        ),
    ],
)
def test_an_option_that_changes_nothing_rebuilds_nothing(
    project: Project, tmp_path: Path, first: PrintSpec, then: PrintSpec, rebuilds: bool
) -> None:
    """`--paper a4` on an A4 theme, `--duplex` without a booklet: the PDF is the same, so
    a print shop's batch is not made again for it."""
    out, clean = tmp_path / "out", tmp_path / "clean"
    run_batch(project, ["one"], out_dir=out, options=Options(spec=first))
    report = run_batch(project, ["one"], out_dir=out, options=Options(spec=then))
    assert bool(rebuilt(report)) is rebuilds
    if not rebuilds:  # the output kept is the one a clean build with these options makes
        run_batch(project, ["one"], out_dir=clean, options=Options(spec=then))
        (name,) = statuses(report)
        assert (out / name).read_bytes() == (clean / name).read_bytes()


HEADER = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n'


def translate(project: Project, locale: str, *domains: str) -> None:
    """Start ``locale``'s catalogs of ``domains`` (no entry translated yet)."""
    for domain in domains:
        po = project.locales_dir / locale / "LC_MESSAGES" / f"{domain}.po"
        po.parent.mkdir(parents=True, exist_ok=True)
        po.write_text(HEADER, encoding="utf-8")


def named_in(report: object) -> set[Path]:
    return {note.location.path for note in report.notes}  # type: ignore[attr-defined]


def test_a_dropped_languages_pdfs_are_named_until_they_are_deleted(
    project: Project, tmp_path: Path
) -> None:
    """The clinic stops translating into Lao (locales/lo deleted): its PDFs stayed in the
    folder a print shop copies, without a word, where a clean build makes none. They are
    named as a withdrawn leaflet's are, never deleted; once deleted, forgotten."""
    import shutil

    from msc_leaflet.build.manifest import load_manifest

    out = tmp_path / "out"
    translate(project, "lo", "one", "two", "ui")
    translate(project, "th", "one", "ui")
    run_batch(project, out_dir=out)
    # A language built on request, with no catalog at all, was never translated: not named.
    run_batch(project, ["one"], ["vi"], out_dir=out)
    shutil.rmtree(project.locales_dir / "lo")
    report = run_batch(project, out_dir=out)
    assert rebuilt(report) == set()
    named = {note.location.path: note.message for note in report.notes}
    assert sorted(named) == [out / "lo" / "one.pdf", out / "lo" / "two.pdf"]
    assert all("left from an earlier build" in message for message in named.values())
    assert "locales/lo/LC_MESSAGES/one.po" in named[out / "lo" / "one.pdf"]
    assert (out / "lo" / "one.pdf").is_file()  # nothing is deleted
    # Only the leaflet's own catalog gone, the ui one kept: Thai prints no leaflet now.
    (project.locales_dir / "th" / "LC_MESSAGES" / "one.po").unlink()
    assert out / "th" / "one.pdf" in named_in(run_batch(project, out_dir=out))
    (out / "lo" / "one.pdf").unlink()
    assert named_in(run_batch(project, out_dir=out)) == {out / "lo/two.pdf", out / "th/one.pdf"}
    assert "lo/one.pdf" not in load_manifest(out / "manifest.json").outputs
