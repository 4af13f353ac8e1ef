"""One rule for the plain values of every YAML file the project reads.

A leaflet or a glossary is read from the text written (`Fields`), the theme, the
sign-off records and the packaged data by their YAML type (`PlainConstructor`). Both
follow YAML 1.2's core schema: true and false are the only yes/no values, and what
YAML 1.1 would also read as one (yes, no, on, off) or as a number (0755, 1:30, 1_000)
is the text written.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ORGANISATION, REPO, leaflet_yaml
from i18n_support import invoke
from msc_leaflet.content.glossary import load_glossary
from msc_leaflet.content.loader import load_leaflet
from msc_leaflet.content.yaml_source import load_data
from msc_leaflet.errors import LeafletError
from msc_leaflet.i18n.signoff import read_signoffs
from msc_leaflet.project import Project
from msc_leaflet.theme.theme import load_theme

BUNDLED_THEME = (REPO / "src" / "msc_leaflet" / "data" / "theme.yaml").read_text("utf-8")
GLOSSARY = "concepts:\n  - id: wj\n    kept: {}\n    en: {{preferred: Wharton's jelly}}\n"


def _theme(tmp_path: Path, value: str) -> bool:
    path = tmp_path / "theme.yaml"
    path.write_text(
        BUNDLED_THEME.replace("footer-approval: false", f"footer-approval: {value}"), "utf-8"
    )
    return load_theme(path).footer_approval


def _leaflet(tmp_path: Path, value: str) -> bool:
    (tmp_path / "leaflets").mkdir(exist_ok=True)
    (tmp_path / "organisations").mkdir(exist_ok=True)
    (tmp_path / "organisations" / "test-clinic.yaml").write_text(ORGANISATION, "utf-8")
    path = tmp_path / "leaflets" / "sample.yaml"
    text = leaflet_yaml("- paragraph: Wash your hands.\n")
    path.write_text(text.replace("numbered_sections: true", f"numbered_sections: {value}"), "utf-8")
    return load_leaflet(path, Project.at(tmp_path))[0].numbered_sections


def _glossary(tmp_path: Path, value: str) -> bool:
    (tmp_path / "leaflets").mkdir(exist_ok=True)
    (tmp_path / "locales").mkdir(exist_ok=True)
    (tmp_path / "locales" / "glossary.yaml").write_text(GLOSSARY.format(value), "utf-8")
    [concept] = load_glossary(Project.at(tmp_path))
    return concept.kept


READERS = {"theme": _theme, "leaflet": _leaflet, "glossary": _glossary}


@pytest.mark.parametrize("value", ["yes", "on", "No", "OFF", "y", "1"])
@pytest.mark.parametrize("file", list(READERS))
def test_a_yes_no_setting_takes_only_true_or_false_in_every_file(
    tmp_path: Path, file: str, value: str
) -> None:
    """The theme read ``footer-approval: yes`` (and on, and No) as a yes/no answer,
    where a leaflet refused ``numbered_sections: yes``: one word meant two things,
    depending on the file it was written in."""
    with pytest.raises(LeafletError) as refused:
        READERS[file](tmp_path, value)
    assert "must be true or false" in refused.value.message, refused.value
    assert refused.value.location.line > 1 and refused.value.hint


@pytest.mark.parametrize(("value", "meant"), [("true", True), ("True", True), ("FALSE", False)])
@pytest.mark.parametrize("file", list(READERS))
def test_true_and_false_are_read_in_any_case_in_every_file(
    tmp_path: Path, file: str, value: str, meant: bool
) -> None:
    assert READERS[file](tmp_path, value) is meant


def test_the_theme_refuses_numbers_only_yaml_1_1_reads(tmp_path: Path) -> None:
    """``body: 1_0`` was 10 and ``body: 1:30`` 90 (YAML 1.1's sexagesimal), printed
    without a word; a number in YAML 1.2's form is still a number."""
    cases = [("1_0", "1_0", "body: 10"), ("1:30", "1:30", "e.g. body: 10"),
             ("'10.5'", "10.5", "body: 10.5")]  # fmt: skip
    path = tmp_path / "theme.yaml"
    for written, shown, hint in cases:
        path.write_text(BUNDLED_THEME.replace("  body: 10.5", f"  body: {written}"), "utf-8")
        with pytest.raises(
            LeafletError, match=f"body must be a number, 0 or more, not '{shown}'"
        ) as refused:
            load_theme(path)
        assert refused.value.hint.endswith(hint), refused.value
    path.write_text(BUNDLED_THEME.replace("  body: 10.5", "  body: 011"), "utf-8")
    assert load_theme(path).sizes["body"] == 11  # 9 in YAML 1.1, an octal number


def test_the_packaged_data_reads_by_the_same_rule() -> None:
    values = load_data("a: yes\nb: off\nc: true\nd: 0755\ne: 1:30\nf: 1.5\ng: .inf\n")
    assert values == {"a": "yes", "b": "off", "c": True, "d": 755, "e": "1:30", "f": 1.5,
                      "g": float("inf")}  # fmt: skip


def test_a_signoff_record_keeps_the_words_written(tmp_path: Path) -> None:
    """A note of "on", merged by hand into signoff.yaml, was read as the text "True"."""
    root = tmp_path / "p"
    shutil.copytree(REPO / "tests" / "fixtures" / "i18n", root)
    code, output = invoke(
        "i18n", "review", "care-basics", "-l", "th", "--by", "Somchai Jaidee",
        "--role", "reviewer", "--note", "checked", "--project", str(root),
    )  # fmt: skip
    assert code == 0, output
    path = root / "locales" / "th" / "signoff.yaml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("note: checked", "note: on"), "utf-8")
    [record] = read_signoffs(Project.at(root), "th")
    assert record.note == "on"


MERGED = {
    "theme.yaml": BUNDLED_THEME + "<<: {paper: a5}\n",
    "leaflets/sample.yaml": leaflet_yaml("- paragraph: Wash.\n", extra="<<: {kicker: News}\n"),
    "locales/glossary.yaml": GLOSSARY.format("true").replace(
        "    kept", "    <<: {kept: true}\n    kept"
    ),
}


@pytest.mark.parametrize("name", list(MERGED))
def test_a_merge_key_is_refused_by_name_in_every_file(tmp_path: Path, name: str) -> None:
    """``<<: {…}`` was "unknown key '<<'" with a list of the allowed keys (or, in a
    theme, "unknown theme entry"), which says nothing of what YAML does with it."""
    for folder in ("leaflets", "locales", "organisations"):
        (tmp_path / folder).mkdir()
    (tmp_path / "organisations" / "test-clinic.yaml").write_text(ORGANISATION, "utf-8")
    path = tmp_path / name
    path.write_text(MERGED[name], "utf-8")
    project = Project.at(tmp_path)
    with pytest.raises(LeafletError) as refused:
        if name == "theme.yaml":
            load_theme(path)
        elif name == "leaflets/sample.yaml":
            load_leaflet(path, project)
        else:
            load_glossary(project)
    assert refused.value.message == "a merge key (<<) is not allowed", refused.value
    assert refused.value.location.line > 1 and "in full" in refused.value.hint
