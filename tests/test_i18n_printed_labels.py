"""`printed_labels` (what the desk counts to call a language ready) against what the build
records as printed, for every bundled leaflet and the languages fixture, in every
edition and as a booklet: a word the layout prints that `printed_labels` misses would let
the desk hand out a leaflet with an English label; one it adds that no page prints
holds a translated leaflet back for nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from msc_leaflet import i18n
from msc_leaflet.build import Options, build_leaflet
from msc_leaflet.content.loader import load_leaflet
from msc_leaflet.i18n.labels import UI_MESSAGES, Fallback, Labels
from msc_leaflet.i18n.printed_labels import printed_labels
from msc_leaflet.print_spec import PrintSpec
from msc_leaflet.project import Project

REPO = Path(__file__).resolve().parents[1]
PROJECTS = {"bundled": REPO, "languages": REPO / "tests" / "fixtures" / "languages"}
CASES = [
    (name, path.stem) for name, root in PROJECTS.items()
    for path in sorted((root / "leaflets").glob("*.yaml"))
]  # fmt: skip
# Every bundled callout has a title of its own: one without prints its kind's label.
UNTITLED = ("bundled", "choosing-a-clinic", "    title: The short answer\n")


def printed(
    project: Project, leaflet_id: str, out: Path, monkeypatch: pytest.MonkeyPatch
) -> set[str]:
    """Every page word the build prints in any edition and as a booklet, with a ui
    catalog that translates none (so each one printed is recorded)."""
    made: list[Labels] = []

    def untranslated(_locale: str, _project: Project) -> Labels:
        labels = Labels(fallbacks={key: Fallback("untranslated") for key in UI_MESSAGES})
        made.append(labels)
        return labels

    monkeypatch.setattr(i18n, "ui_labels", untranslated)
    source, _ = load_leaflet(project.leaflet_path(leaflet_id), project)
    other = "th" if source.language != "th" else "en"
    for edition in ("single", "parallel", "sequential"):
        build_leaflet(project, leaflet_id, other, out, edition=edition)
    booklet = Options(spec=PrintSpec(imposition="booklet"))
    build_leaflet(project, leaflet_id, other, out, options=booklet)
    return {key for labels in made for key in labels.printed_in_source}


@pytest.mark.parametrize(
    ("name", "leaflet_id", "cut"), [(*case, "") for case in CASES] + [UNTITLED]
)
def test_printed_labels_are_the_words_the_build_prints(
    name: str, leaflet_id: str, cut: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / name
    for folder in ("leaflets", "locales", "organisations"):
        shutil.copytree(PROJECTS[name] / folder, root / folder)
    project = Project.at(root)
    if cut:
        path = project.leaflet_path(leaflet_id)
        text = path.read_text(encoding="utf-8")
        assert text.count(cut) == 1
        path.write_text(text.replace(cut, ""), encoding="utf-8")
    source, _ = load_leaflet(project.leaflet_path(leaflet_id), project)
    expected = printed_labels(source, booklet=True)
    found = printed(project, leaflet_id, tmp_path / "out", monkeypatch)
    assert ("callout.key-answer" in found) == bool(cut)
    assert found <= expected, f"printed but not counted: {sorted(found - expected)}"
    # "Notes" is printed only on a booklet's padding page, when the pages need one.
    assert expected - found <= {"notes"}, f"counted, never printed: {sorted(expected - found)}"
