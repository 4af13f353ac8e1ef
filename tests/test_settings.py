"""The project's configuration files (msc-leaflet.toml, theme, profiles, glossary), as
every command reads them."""

from __future__ import annotations

from pathlib import Path

import pytest

from i18n_support import invoke


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("i18n = [1]\n", 1, "i18n must be a section, not a value"),
        ("[i18n]\nsignoff_required = [1]\n", 2, "signoff_required must be a list of roles"),
        ('[i18n]\nsignoff_required = "clinical"\n', 2, "must be a list of roles"),
        ("[i18n]\nsignoff_requried = []\n", 2, "unknown setting 'signoff_requried'"),
        ('[checks.CLAIM01]\nseverity = "off"\n', 1, "unknown setting [checks.CLAIM01]"),
        ("[checks]\nreadability = 3\n", 2, "checks.readability must be a section"),
    ],
    ids=["i18n-value", "role-number", "role-text", "i18n-typo", "check-typo", "readability"],
)
@pytest.mark.parametrize(
    "command",
    [["check"], ["build", "-l", "th"], ["build", "-l", "th", "--strict"], ["i18n", "check"]],
    ids=["check", "build", "strict", "i18n-check"],
)
def test_every_command_refuses_the_same_settings_at_their_line(
    i18n_project: Path, tmp_path: Path, text: str, line: int, message: str, command: list[str]
) -> None:
    """Each command checked only the section it read: `check` and a draft build passed
    ``i18n = [1]`` and a signoff_required of numbers, which `build --strict` refused,
    so a team saw a clean check and then a print build that would not run. The file is
    now read whole by one loader, and every command that reads it refuses it alike."""
    (i18n_project / "msc-leaflet.toml").write_text(text, encoding="utf-8")
    out = ["-o", str(tmp_path / "out")] if command[0] == "build" else []
    code, output = invoke(*command, "--project", str(i18n_project), *out)
    assert code == 1, output
    assert f"msc-leaflet.toml:{line}: error: " in output and message in output, output
    assert "hint: " in output and "Traceback" not in output
    assert not list((tmp_path / "out").glob("**/*.pdf"))


@pytest.mark.parametrize(
    "name",
    ["msc-leaflet.toml", "theme.yaml", "locales/glossary.yaml", "organisations/test-clinic.yaml"],
)
@pytest.mark.parametrize("what", ["folder", "link to nothing"])
def test_a_project_file_that_is_no_file_is_refused_by_check(
    i18n_project: Path, name: str, what: str
) -> None:
    """A folder (or a link to nothing) called theme.yaml, msc-leaflet.toml or
    glossary.yaml was taken for no file: `check` passed, with the bundled theme, no
    settings and no terminology checks, where `build` refused the theme. An
    organisation profile so was "no organisation profile 'test-clinic'", with the
    hint "did you mean 'test-clinic'?"."""
    path = i18n_project / name
    if path.exists():
        path.unlink()
    if what == "folder":
        path.mkdir()
    else:
        path.symlink_to(i18n_project / "gone.yaml")
    code, output = invoke("check", "--project", str(i18n_project))
    assert code == 1, output
    assert f"{name}: error: " in output and "did you mean" not in output, output
    assert "hint: " in output and "Traceback" not in output


@pytest.mark.parametrize(
    ("text", "line", "message", "hint"),
    [
        ('[checks.claim001]\nseverity = "off"\n', 1, "unknown setting [checks.claim001]",
         "did you mean 'CLAIM001'?"),
        ('[checks.CLAIM001]\nseverity = "OFF"\n', 2, "severity 'OFF' is not one of",
         'write it in small letters: severity = "off"'),
        ('[checks.CLAIM001]\nseverity = "off"\n\n[checks.CLAIM001]\nseverity = "error"\n', 4,
         "[checks.CLAIM001] is written twice (first on line 1)", "keep one of the two"),
        ('[checks.CLAIM001]\nseverity = "off"\nseverity = "error"\n', 3,
         "'severity' in [checks.CLAIM001] is written twice (first on line 2)",
         "keep one of the two"),
        ("[i18n]\nsignoff_required = 2027-01-01\n", 2, "a list of roles, not a date or time",
         'signoff_required = ["clinical"]'),
        ('[i18n]\nsignoff_required = ["clinicial"]\n', 2, "'clinicial' is not one",
         'signoff_required = ["clinical"]'),
        ('[i18n]\nsignoff_required = "reviewer"\n', 2, "a list of roles, not text in quotes",
         'signoff_required = ["reviewer"]'),
    ],
    ids=["code-case", "severity-case", "section-twice", "setting-twice", "date", "role-typo",
         "role-text"],
)  # fmt: skip
def test_a_settings_mistake_says_what_to_write(
    i18n_project: Path, text: str, line: int, message: str, hint: str
) -> None:
    """Were: a code in small letters listed every check code; "OFF" was "write one in
    quotes"; a section or setting written twice was "this line is not valid TOML" on a
    line that is; a date was shown as Python's ``datetime.date(2027, 1, 1)``."""
    (i18n_project / "msc-leaflet.toml").write_text(text, encoding="utf-8")
    code, output = invoke("check", "--project", str(i18n_project))
    assert code == 1, output
    assert f"msc-leaflet.toml:{line}: error: " in output and message in output, output
    assert hint in output and "datetime" not in output, output


@pytest.mark.parametrize(
    "text",
    [
        '[checks.CLAIM001]\nseverity = "' + "x" * 100_000 + '"\n',
        "[checks." + "X" * 100_000 + ']\nseverity = "off"\n',
        '[i18n]\nsignoff_required = ["' + "x" * 100_000 + '"]\n',
        "[" + "c" * 100_000 + "]\n",
        "[checks]\n" + ("k" * 100_000 + " = 1\n") * 2,
    ],
    ids=["severity", "code", "role", "section", "twice"],
)
def test_a_pasted_setting_is_shown_by_its_start(i18n_project: Path, text: str) -> None:
    """A 100 kB name or value pasted into msc-leaflet.toml made a message line as long."""
    (i18n_project / "msc-leaflet.toml").write_text(text, encoding="utf-8")
    code, output = invoke("check", "--project", str(i18n_project))
    [error] = [line for line in output.splitlines() if ": error: " in line]
    assert code == 1 and len(error) < 300 and "(100,0" in error, error


def test_a_profile_note_that_is_no_text_is_refused(i18n_project: Path) -> None:
    """An organisation profile's ``note:`` holds the waivers of claims in its printed
    fields; written as a list, it was taken for no note, without a word."""
    profile = i18n_project / "organisations" / "test-clinic.yaml"
    note = "note: [waive: CLAIM001 @1a2b3c4d — our registered name]\n"
    profile.write_text(profile.read_text("utf-8") + note, encoding="utf-8")
    code, output = invoke("check", "--project", str(i18n_project))
    assert code == 1, output
    assert "test-clinic.yaml:" in output and "'note' must be a single value" in output, output
    assert "hint: write one value after the colon" in output
    text = profile.read_text("utf-8").replace(note, 'note: ""\n')
    profile.write_text(text, encoding="utf-8")  # empty, as the template writes it: no note
    assert "'note'" not in invoke("check", "--project", str(i18n_project))[1]
