"""The check runner, config, waivers and the `check` command, on small fixture projects."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from conftest import REPO, leaflet_yaml
from msc_leaflet.checks import CheckConfig, CheckContext, all_checks, load_config, run_checks
from msc_leaflet.checks.source import SourceMap
from msc_leaflet.checks.waivers import pin_of
from msc_leaflet.cli.app import app
from msc_leaflet.cli.check import check
from msc_leaflet.content.loader import load_leaflet
from msc_leaflet.content.model import map_texts
from msc_leaflet.errors import CheckFinding, LeafletError
from msc_leaflet.project import Project

TODAY = dt.date(2026, 6, 1)
BAD = REPO / "tests" / "fixtures" / "checks" / "bad-leaflet"
CLEAN = """\
- callout: Cells send signals [@alpha2001].
  kind: key-answer
  id: answer
"""
REFERENCES = """\
references:
  - key: alpha2001
    authors: [Alpha A]
    title: A first study of cells
    journal: J Test
    year: 2001
    volume: "1"
    pages: 3-4
"""


def leaflet(blocks: str) -> str:
    return leaflet_yaml(blocks, references=REFERENCES)


def codes(root: Path, config: CheckConfig | None = None, **kw: object) -> list[str]:
    config = config or CheckConfig(today=TODAY)
    return [f.code for f in run_checks(Project.at(root), config=config, **kw)]  # type: ignore[attr-defined,arg-type]


def cli_app() -> typer.Typer:
    app = typer.Typer()
    app.command("check")(check)
    app.command("other")(lambda: None)  # two commands: Typer keeps "check" as a subcommand
    return app


def test_every_check_has_code_severity_and_rationale() -> None:
    checks = all_checks()
    assert len({c.code for c in checks}) == len(checks)
    for item in checks:
        assert item.severity in ("error", "warning", "info")
        assert item.rationale.endswith(".") and len(item.rationale) < 160


def _fresh_python(code: str, *args: str) -> str:
    """Stdout of ``code`` in a new interpreter, where nothing else has imported the checks."""
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return run.stdout


def test_set_of_checks_does_not_depend_on_what_was_imported_first() -> None:
    listing = (
        "from msc_leaflet.checks import all_checks; print(sorted(c.code for c in all_checks()))"
    )
    alone = _fresh_python(listing)
    after_runner = _fresh_python("import msc_leaflet.checks.runner; " + listing)
    assert alone == after_runner
    assert "'LOAD001'" in alone and "'I18N001'" in alone


def test_python_api_config_accepts_every_listed_code(make_project: Callable[..., Path]) -> None:
    root = make_project({"sample": leaflet(CLEAN)})
    (root / "msc-leaflet.toml").write_text('[checks.I18N001]\nseverity = "off"\n', "utf-8")
    script = (
        "import sys; from pathlib import Path; from msc_leaflet.checks import load_config;"
        "from msc_leaflet.project import Project;"
        "print(load_config(Project.at(Path(sys.argv[1]))).severities)"
    )
    assert _fresh_python(script, str(root)).strip() == "{'I18N001': 'off'}"


def test_clean_leaflet_has_no_findings(make_project: Callable[..., Path]) -> None:
    root = make_project({"sample": leaflet(CLEAN)})
    assert codes(root) == []


def test_load_error_becomes_a_finding(make_project: Callable[..., Path]) -> None:
    root = make_project({"sample": leaflet_yaml("- paragraph: See [@nobody].\n")})
    assert codes(root) == ["LOAD001"]


@pytest.mark.parametrize("leaflet_ids", [[], ["sample"]], ids=["all", "one"])
def test_a_broken_project_theme_is_an_error_of_check(
    make_project: Callable[..., Path], leaflet_ids: list[str]
) -> None:
    """`check` said nothing of a theme `build` refuses, and exited 0: a clinic's check
    before printing passed a theme no leaflet could be printed with."""
    root = make_project({"sample": leaflet(CLEAN)})
    bundled = (REPO / "src" / "msc_leaflet" / "data" / "theme.yaml").read_text(encoding="utf-8")
    theme = bundled.replace("margins: {top: 14, bottom: 14,", "margins: [14, 14]  #")
    (root / "theme.yaml").write_text(theme, encoding="utf-8")
    findings = run_checks(Project.at(root), leaflet_ids, config=CheckConfig(today=TODAY))
    assert [(f.code, f.location.path.name, f.location.line) for f in findings] == [  # type: ignore[attr-defined]
        ("LOAD004", "theme.yaml", 5)
    ]
    assert "margins must be a mapping" in findings[0].message
    result = CliRunner().invoke(app, ["check", "--project", str(root), *leaflet_ids])
    assert result.exit_code == 1
    assert "theme.yaml:5:1: error: LOAD004: margins must be a mapping" in result.output


def test_config_turns_a_check_off_and_changes_severity(
    make_project: Callable[..., Path],
) -> None:
    root = make_project({"sample": leaflet("- paragraph: MSCs cure arthritis.\n")})
    (root / "msc-leaflet.toml").write_text(
        '[checks.CLAIM001]\nseverity = "warning"\n[checks.REF002]\nseverity = "off"\n'
        "[checks.readability]\ngrade_warning = 6\n",
        encoding="utf-8",
    )
    config = load_config(Project.at(root), today=TODAY)
    assert config.readability.grade_warning == 6
    findings = run_checks(Project.at(root), config=config)
    assert [(f.code, f.severity) for f in findings] == [("CLAIM001", "warning")]  # type: ignore[attr-defined]


def test_config_rejects_unknown_settings(make_project: Callable[..., Path]) -> None:
    root = make_project({"sample": leaflet(CLEAN)})
    (root / "msc-leaflet.toml").write_text("[checks.CLAIM01]\nseverity = 'off'\n", "utf-8")
    with pytest.raises(LeafletError, match="did you mean 'CLAIM001'"):
        load_config(Project.at(root))
    (root / "msc-leaflet.toml").write_text("[checks.CLAIM001]\nseverity = 'loud'\n", "utf-8")
    with pytest.raises(LeafletError, match="not one of"):
        load_config(Project.at(root))
    # A setting `i18n check` would ignore must not look as if it worked.
    (root / "msc-leaflet.toml").write_text("[checks.I18N010]\nseverity = 'off'\n", "utf-8")
    with pytest.raises(LeafletError, match="translation rule of `msc-leaflet i18n check`"):
        load_config(Project.at(root))


@pytest.mark.parametrize(
    ("data", "line", "message"),
    [
        (b"[checks]\n# caf\xe9\n", 2, "not valid UTF-8"),
        (b"\xef\xbb\xbf[checks]\n", 1, "byte-order mark"),
        (b"[checks]\nx = 1\n[checks\n", 3, "not valid TOML"),
        (b'[checks]\nx = "open\n', 2, "not valid TOML"),
        (b"checks = 5\n", 1, "checks must be a section"),
        (b'[checks.readability]\n\ngrade_warning = "7"\n', 3, "must be a number, not text"),
        (b"[checks]\nreadability.grade_warning = [7]\n", 2, "must be a number, not a list"),
        (b"[checks.readability]\ngrade_warnin = 7\n", 2, "unknown setting"),
        (b"[checks.CLAIM001]\n\nseverity = 5\n", 3, "is not one of"),
        (b"[checks]\nCLAIM001 = 5\n", 2, "takes one key: severity"),
        # A misspelt section or [i18n] setting was silently ignored by every command.
        (b"# settings\n[chekcs.CLAIM001]\nseverity = 'off'\n", 2, "unknown section [chekcs]"),
        (b"[i18n]\nsignof_required = []\n", 2, "unknown setting 'signof_required' in [i18n]"),
        # A number no section can reach silenced its check without a word: a share meant
        # as a percentage, nan (false against every grade), a warning above the error.
        (b"[checks.readability]\n\npassive_share = 30\n", 3, "passive_share must be from 0 to 1"),
        (b"[checks.readability]\ngrade_warning = nan\n", 2, "grade_warning must be 0 or more"),
        (b"[checks.readability]\ngrade_error = inf\n", 2, "grade_error must be 0 or more"),
        (b"[checks.readability]\ngrade_warning = 12\n", 2, "READ002 would never warn"),
        (b"[checks.readability]\nmin_words = -1\n", 2, "min_words must be 0 or more"),
        (b"[checks.readability]\nthai_phrase_min_words = 2.5\n", 2, "must be a whole number"),
        (b"[checks.dates]\nreview_soon_days = -30\n", 2, "review_soon_days must be from 0"),
        (b"[checks.dates]\nreview_soon_days = 99999\n", 2, "must be from 0 to 1095, not 99999"),
    ],
    ids=["utf8", "bom", "table", "string", "value", "quoted", "list", "key", "severity", "kind",
         "section", "i18n-key", "percent", "nan", "inf", "order", "negative", "whole", "days",
         "days-max"],
)  # fmt: skip
def test_a_bad_settings_file_is_one_error_at_its_line(
    make_project: Callable[..., Path], data: bytes, line: int, message: str
) -> None:
    root = make_project({"sample": leaflet(CLEAN)})
    (root / "msc-leaflet.toml").write_bytes(data)
    with pytest.raises(LeafletError) as caught:
        load_config(Project.at(root))
    assert caught.value.location.line == line and message in caught.value.message
    assert caught.value.hint
    result = CliRunner().invoke(app, ["check", "--project", str(root)])
    assert result.exit_code == 1
    assert f"msc-leaflet.toml:{line}" in result.output and "internal error" not in result.output


def test_a_share_written_as_a_percentage_is_refused_with_its_fraction(
    make_project: Callable[..., Path],
) -> None:
    root = make_project({"sample": leaflet(CLEAN)})
    (root / "msc-leaflet.toml").write_text("[checks.readability]\nhard_word_share = 15\n", "utf-8")
    result = CliRunner().invoke(app, ["check", "--project", str(root)])
    assert result.exit_code == 1
    assert "15% is hard_word_share = 0.15" in result.output


def test_settings_inside_their_limits_are_taken(make_project: Callable[..., Path]) -> None:
    """Fractions of a grade, a share of 0 or 1 and a warning at the error grade are
    settings a team may choose: the limits refuse none of them."""
    root = make_project({"sample": leaflet(CLEAN)})
    (root / "msc-leaflet.toml").write_text(
        "[checks.readability]\ngrade_warning = 7.5\ngrade_error = 7.5\npassive_share = 1\n"
        "hard_word_share = 0\nmin_words = 0\n[checks.dates]\nreview_soon_days = 0\n",
        "utf-8",
    )
    config = load_config(Project.at(root))
    assert (config.readability.grade_warning, config.readability.passive_share) == (7.5, 1)
    assert config.dates.review_soon_days == 0


def test_every_packaged_default_is_inside_its_limits() -> None:
    """Each setting has limits, and the shipped default passes them."""
    from msc_leaflet.checks.config import packaged_defaults, packaged_limits

    limits = packaged_limits()
    for section in packaged_defaults():
        for name, value in dataclasses.asdict(section).items():
            bounds = limits[name]
            assert bounds.get("min", value) <= value <= bounds.get("max", value), name


def test_defaults_come_from_the_packaged_checks_yaml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from msc_leaflet.checks import config
    from msc_leaflet.data import data_path

    edited = tmp_path / "checks.yaml"
    text = data_path("checks.yaml").read_text("utf-8")
    edited.write_text(
        text.replace("grade_warning: 8", "grade_warning: 7").replace(
            "review_soon_days: 60", "review_soon_days: 90"
        ),
        "utf-8",
    )
    monkeypatch.setattr(config, "data_path", lambda name: edited)
    config.packaged_defaults.cache_clear()
    try:
        for defaults in (CheckConfig(), config.default_config()):
            assert defaults.readability.grade_warning == 7
            assert defaults.dates.review_soon_days == 90
    finally:
        monkeypatch.undo()
        config.packaged_defaults.cache_clear()


def test_docs_quote_the_packaged_defaults() -> None:
    """docs/checks.md writes a setting as `name` (value); each must match data/checks.yaml."""
    import re

    from msc_leaflet.content.yaml_source import load_data
    from msc_leaflet.data import data_path

    packaged = load_data(data_path("checks.yaml").read_text("utf-8"))
    defaults = {**packaged["readability"], **packaged["dates"]}
    docs = (REPO / "docs" / "checks.md").read_text("utf-8")
    quoted = {
        (name, float(number) / (100 if percent else 1))
        for name, number, percent in re.findall(r"`(\w+)` \((\d+(?:\.\d+)?)(%?)\)", docs)
    }
    assert quoted == {(name, float(value)) for name, value in defaults.items()}


def test_waiver_with_reason_silences_the_block(make_project: Callable[..., Path]) -> None:
    pin = pin_of("“The cells become new cartilage.”")
    block = (
        "- quote: '“The cells become new cartilage.”'\n"
        f"  note: 'waive: CLAIM002 {pin} — an advert quoted to debunk it'\n"
        "- paragraph: '“Our cells cure arthritis.”'\n"
    )
    root = make_project({"sample": leaflet(CLEAN + block)})
    assert codes(root) == ["CLAIM002"]  # the second block has no waiver


def test_waiver_without_reason_is_an_error_and_silences_nothing(
    make_project: Callable[..., Path],
) -> None:
    block = "- quote: '“The cells become new cartilage.”'\n  note: 'waive: CLAIM002'\n"
    root = make_project({"sample": leaflet(CLEAN + block)})
    assert sorted(codes(root)) == ["CLAIM002", "WAIVE001"]


def test_unknown_and_unused_waivers(make_project: Callable[..., Path]) -> None:
    block = (
        "- paragraph: Plain words.\n  note: 'waive: CLAIM999 — typo'\n"
        "- paragraph: More plain words.\n  note: 'Keep it short. waive: READ001 — a table'\n"
    )
    root = make_project({"sample": leaflet(CLEAN + block)})
    assert codes(root) == ["WAIVE002", "WAIVE003"]


def test_a_waiver_used_in_a_language_not_checked_is_not_called_stale() -> None:
    # `check -l th` told staff to remove the English myth list's CLAIM002 waiver: the
    # Thai text has no quoted claim, but the English one still needs the waiver.
    project = Project.at(REPO)
    config = CheckConfig(today=dt.date(2026, 11, 2))
    for locales in (["th"], ["en"], ["th", "en"]):
        found = run_checks(project, ["what-msc-can-do"], locales, config)
        assert [str(f) for f in found if getattr(f, "code", "") == "WAIVE003"] == [], locales


def test_check_does_not_call_a_layout_waiver_stale(make_project: Callable[..., Path]) -> None:
    # `check` lays out no page, so it cannot know whether the build needs the waiver.
    block = "- paragraph: Plain words.\n  note: 'waive: LAYOUT002 — kept alone on purpose'\n"
    root = make_project({"sample": leaflet(CLEAN + block)})
    assert "WAIVE003" not in codes(root)


def test_a_waiver_for_a_code_with_digits_inside_is_read(make_project: Callable[..., Path]) -> None:
    # "waive: A11Y006 — …" was not read as a waiver at all: the finding stayed, and no
    # WAIVE code said why.
    block = (
        "- paragraph: '[Click here](https://example.org) for the trial registry.'\n"
        "  note: 'waive: A11Y006 — the registry asked for this wording'\n"
        "- paragraph: '[Read more](https://example.org).'\n"
        "  note: 'waive: A11Y099 — a typo'\n"
    )
    root = make_project({"sample": leaflet(CLEAN + block)})
    assert codes(root) == ["A11Y006", "WAIVE002"]


def test_a_waiver_silences_only_findings_in_its_own_file(
    make_project: Callable[..., Path],
) -> None:
    # A waiver covered every finding whose line fell inside its block, in any file: a
    # leaflet block at lines 18-21 hid a rejected translation at line 19 of th.po (the
    # msgstr's line, where a rejected translation is named).
    block = (
        "- paragraph: Cells send signals [@alpha2001].\n  id: p\n"
        "  note: 'waive: I18N001 — the English name stays in every language'\n"
    )
    root = make_project({"sample": leaflet(CLEAN + block)})
    first = SourceMap.read(root / "leaflets" / "sample.yaml").blocks[-1].first_line
    header = 'msgid ""\nmsgstr ""\n"Language: th\\n"\n'
    header += '"Content-Type: text/plain; charset=UTF-8\\n"\n'
    entry = 'msgctxt "p"\nmsgid "Cells send signals [@alpha2001]."\nmsgstr "เซลล์ส่งสัญญาณ"\n'
    padding = "# a translator's remark\n" * (first - 3 - header.count("\n") - 1)
    po = root / "locales" / "th" / "LC_MESSAGES" / "sample.po"
    po.parent.mkdir(parents=True)
    po.write_text(header + padding + "\n" + entry, encoding="utf-8")
    found = run_checks(Project.at(root), config=CheckConfig(today=TODAY), locales=["th"])
    rejected = [f for f in found if f.location.path == po and f.location.line == first]
    assert rejected and "I18N005" in rejected[0].message  # the lost citation, not hidden


def test_waiver_applies_to_faq_blocks(make_project: Callable[..., Path]) -> None:
    # content/loader.py does not copy a faq block's note into its Texts; waivers read the YAML.
    block = (
        "- faq:\n    - q: Is it a miracle?\n      a: It is a miracle cure.\n"
        f"  note: 'waive: CLAIM001 {pin_of('It is a miracle cure.')} — fixture'\n"
    )
    root = make_project({"sample": leaflet(CLEAN + block)})
    assert codes(root) == []


def test_bundled_leaflets_have_no_errors() -> None:
    findings = run_checks(Project.at(REPO), config=CheckConfig(today=dt.date(2026, 11, 2)))
    errors = [str(f) for f in findings if f.severity == "error"]
    assert errors == [], "\n".join(errors)


def test_cli_text_output_and_exit_code() -> None:
    result = CliRunner().invoke(
        cli_app(), ["check", "--project", str(BAD), "--today", "2026-12-01", "-l", "en"]
    )
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert any(
        line.endswith("bad.yaml:5:34: error: CLAIM001: risky claim “cure”") for line in lines
    )
    assert any(line.startswith("  hint: safer:") for line in lines)


def test_a_buddhist_era_today_is_refused_saying_the_common_era_date() -> None:
    # A Thai user typed the print date as the calendar on the wall shows it: every
    # leaflet was judged 543 years late ("overdue by 198,000 days").
    result = CliRunner().invoke(app, ["check", "-p", str(REPO), "--today", "2569-06-01"])
    assert result.exit_code == 2  # a usage error, printed as the command prints it
    assert "2026-06-01" in result.output
    assert "overdue" not in result.output
    assert "Traceback" not in result.output


def test_a_buddhist_era_leap_day_today_is_refused_saying_the_common_era_date() -> None:
    # 2567-02-29 is a day of the Thai calendar (2024 CE), yet no Gregorian date.
    result = CliRunner().invoke(app, ["check", "-p", str(REPO), "--today", "2567-02-29"])
    assert result.exit_code == 2  # a usage error, printed as the command prints it
    assert "--today 2024-02-29" in result.output
    assert "Traceback" not in result.output


def test_cli_json_output(tmp_path: Path) -> None:
    project = tmp_path / "bad"
    shutil.copytree(BAD, project)
    result = CliRunner().invoke(
        cli_app(), ["check", "-p", str(project), "--format", "json", "--today", "2026-12-01"]
    )
    document = json.loads(result.stdout)
    first = document["findings"][0]
    assert set(first) >= {"file", "line", "column", "severity", "code", "message", "hint"}
    assert document["errors"] == sum(f["severity"] == "error" for f in document["findings"])
    assert result.exit_code == 1


def test_cli_list_shows_every_check() -> None:
    result = CliRunner().invoke(cli_app(), ["check", "--list", "--project", str(BAD)])
    assert result.exit_code == 0
    for item in all_checks():
        assert item.code in result.output


def test_cli_strict_makes_overdue_review_an_error(make_project: Callable[..., Path]) -> None:
    root = make_project({"sample": leaflet(CLEAN)})
    args = ["check", "-p", str(root), "--today", "2027-06-01"]
    assert CliRunner().invoke(cli_app(), args).exit_code == 0
    strict = CliRunner().invoke(cli_app(), [*args, "--strict"])
    assert strict.exit_code == 1
    assert "error: DATE001" in strict.output


# Helpers shared by the per-family test modules (tests/test_checks_*.py).


def findings_for(root: Path, code: str, **config: object) -> list[str]:
    """``file:line:col: severity: CODE: message`` lines for one check, paths relative."""
    cfg = CheckConfig(today=config.pop("today", TODAY), **config)  # type: ignore[arg-type]
    found = run_checks(Project.at(root), config=cfg, locales=["en"])
    return [
        f"{f.location.line}:{f.location.column}: {f.severity}: {f.message}"
        for f in found
        if getattr(f, "code", "") == code
    ]


def translated_context(
    root: Path, translations: dict[str, str], locale: str = "th"
) -> CheckContext:
    """A context for ``locale`` whose texts are replaced by ``translations`` (by msgctxt)."""
    project = Project.at(root)
    source, _ = load_leaflet(project.leaflet_path("sample"), project)
    localized = map_texts(
        source,
        lambda t: dataclasses.replace(t, value=translations.get(t.context, t.value)),
    )
    localized = dataclasses.replace(localized, language=locale)
    return CheckContext(
        localized,
        source,
        locale,
        project,
        CheckConfig(today=TODAY),
        SourceMap.read(source.path),
    )


@pytest.mark.parametrize(
    "typed",
    [
        "cu\u00adre",  # a soft hyphen copied from a PDF
        "cu\u200bre",  # a zero-width space
        "ｃｕｒｅ",  # full-width letters
        "cure",
        "cu\u2060re",  # a word joiner
        "cu\ufe0fre",  # a variation selector
        # inline markup inside the word, which the page prints as one word: the
        # finding stood at the paragraph's line alone
        "**cu**re",
        "c*ur*e",
        "[cu](https://example.org)re",
    ],
)
def test_a_finding_stands_where_its_words_are_typed(
    make_project: Callable[..., Path], typed: str
) -> None:
    # A claim the checks read through an invisible character, in full-width letters
    # or split by markup was looked for in the file as plainly spelt: not found there,
    # the finding pointed at the plain "cure" of the next paragraph, a line below.
    body = (
        f"- paragraph: Our cells {typed} arthritis.\n"
        "- paragraph: Be careful of clinics that say cells cure arthritis.\n"
    )
    text = leaflet(CLEAN + body)
    root = make_project({"sample": text})
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "Our cells" in row)
    column = text.splitlines()[line - 1].index(typed.lstrip("*[")) + 1
    found = findings_for(root, "CLAIM001")
    assert [f.split(": ", 1)[0] for f in found] == [f"{line}:{column}"], found


@pytest.mark.parametrize(
    "typed",
    [
        "\\u0441ure",  # a Cyrillic с, as a YAML escape
        "cu\\u00ADre",  # a soft hyphen, as one
        "\\x63ure",  # a plain c, as one
        "cu\\\n    re",  # an escaped line break inside the word
    ],
)
def test_a_claim_typed_as_a_yaml_escape_stands_at_its_column(
    make_project: Callable[..., Path], typed: str
) -> None:
    # A double-quoted scalar may write a letter, or what the page does not print, as an
    # escape: the file holds no "cure" to find, and the finding stood at its line alone.
    text = leaflet(CLEAN + f'- paragraph: "Our cells {typed} arthritis [@alpha2001]."\n')
    root = make_project({"sample": text})
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "Our cells" in row)
    column = text.splitlines()[line - 1].index(typed.split("\n")[0]) + 1
    found = findings_for(root, "CLAIM001")
    assert [f.split(": ", 1)[0] for f in found] == [f"{line}:{column}"], found


def test_each_claim_of_a_text_stands_at_its_own_word(make_project: Callable[..., Path]) -> None:
    # Every "cure" of a paragraph was looked up from its first line, so all stood at the
    # first one's column, and two in one sentence (one pin) were printed as one finding.
    row = "Our cells cure knees and **cu**re hips. Our cells cure backs"
    text = leaflet(CLEAN + f"- paragraph: {row} [@alpha2001].\n  id: p\n")
    root = make_project({"sample": text})
    line = next(n for n, typed in enumerate(text.splitlines(), 1) if row in typed)
    start = text.splitlines()[line - 1].index(row) + 1
    columns = [start + at for at in (10, 27, 50)]  # each word's first letter
    found = findings_for(root, "CLAIM001")
    assert [f.split(": ", 1)[0] for f in found] == [f"{line}:{c}" for c in columns], found


def test_each_claim_of_a_msgstr_names_its_own_column(make_project: Callable[..., Path]) -> None:
    root = make_project({"sample": leaflet(CLEAN + "- paragraph: Cells send signals.\n  id: p\n")})
    msgstr = "เซลล์ทำให้หายขาด และทำให้ข้อเข่าหายขาด"  # cures for good, and cures the knee
    header = 'msgid ""\nmsgstr ""\n"Language: th\\n"\n'
    header += '"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    entry = f'msgctxt "p"\nmsgid "Cells send signals."\nmsgstr "{msgstr}"\n'
    po = root / "locales" / "th" / "LC_MESSAGES" / "sample.po"
    po.parent.mkdir(parents=True)
    po.write_text(header + entry, "utf-8")
    found = run_checks(Project.at(root), config=CheckConfig(today=TODAY), locales=["th"])
    hints = sorted(f.hint for f in found if getattr(f, "code", "") == "CLAIM001")  # type: ignore[attr-defined]
    line = (header + entry).splitlines().index(f'msgstr "{msgstr}"') + 1
    columns = [len('msgstr "') + msgstr.index("หายขาด", at) + 1 for at in (0, 20)]
    assert [f"sample.po:{line}:{c})" in h for h, c in zip(hints, columns, strict=True)] == [
        True,
        True,
    ], hints


def test_text001_names_the_word_and_where_it_is_typed(make_project: Callable[..., Path]) -> None:
    # An invisible character cannot be seen in the file either: a finding at a long
    # paragraph's first line, naming no word, left the reviewer searching every word.
    body = (
        "- paragraph: >-\n"
        "    Ask your doctor about the\n"
        "    risks before you book a\n"
        "    \u0441linic visit, and the cu\u200bre\n"
        "    they advertise.\n"
    )
    text = leaflet(CLEAN + body)
    root = make_project({"sample": text})
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "linic visit" in row)
    assert sorted(findings_for(root, "TEXT001")) == [
        f"{line}:29: warning: invisible U+200B ZERO WIDTH SPACE inside a word: “cure”",
        f"{line}:7: warning: “\u0441linic” mixes Latin and Cyrillic letters",
    ]


def test_text001_reads_the_organisation_profile_and_the_keywords(
    make_project: Callable[..., Path],
) -> None:
    """The clinic's name is printed at the top of every page and is every PDF's Author;
    "S\u0430mple Clinic" with a Cyrillic а printed (from another font), and no search
    of the PDFs or the register finds it. The keywords go into every PDF's metadata.
    Neither was read for invisible or look-alike characters."""
    text = leaflet_yaml(CLEAN, extra='keywords: ["stem c\u200bells"]\n', references=REFERENCES)
    root = make_project({"sample": text})
    org = root / "organisations" / "test-clinic.yaml"
    profile = org.read_text("utf-8")
    name = next(line for line in profile.splitlines() if line.startswith("name:"))
    profile = profile.replace(name, 'name: "S\u0430mple Clinic"')
    org.write_text(profile, "utf-8")
    found = run_checks(Project.at(root), config=CheckConfig(today=TODAY), locales=["en"])
    text001 = sorted(
        (f.location.path.name, f.location.line, f.message)
        for f in found
        if getattr(f, "code", "") == "TEXT001"
    )
    name_line = next(n for n, row in enumerate(profile.splitlines(), 1) if "mple Clinic" in row)
    keywords_line = next(n for n, row in enumerate(text.splitlines(), 1) if "keywords:" in row)
    assert text001 == [
        ("sample.yaml", keywords_line, "invisible U+200B ZERO WIDTH SPACE inside a word: “cells”"),
        (
            "test-clinic.yaml",
            name_line,
            "“S\u0430mple” mixes Latin and Cyrillic letters, in the organisation's name, "
            "printed on every leaflet",
        ),
    ]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_translation_finding_names_the_po_line_and_column_of_its_words(
    make_project: Callable[..., Path], newline: str
) -> None:
    # A translator's catalog wraps a long msgstr over continuation lines: the hint named
    # the entry's msgctxt line, and the promise stood three lines below, in one of them.
    root = make_project({"sample": leaflet(CLEAN + "- paragraph: Cells send signals.\n  id: p\n")})
    header = 'msgid ""\nmsgstr ""\n"Language: th\\n"\n'
    header += '"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    entry = (
        'msgctxt "p"\nmsgid "Cells send signals."\nmsgstr ""\n"เซลล์ส่งสัญญาณ "\n"และรักษาหายขาดได้"\n'
    )
    po = root / "locales" / "th" / "LC_MESSAGES" / "sample.po"
    po.parent.mkdir(parents=True)
    po.write_bytes((header + entry).replace("\n", newline).encode("utf-8"))
    found = run_checks(Project.at(root), config=CheckConfig(today=TODAY), locales=["th"])
    [claim] = [f for f in found if getattr(f, "code", "") == "CLAIM001"]
    line = (header + entry).splitlines().index('"และรักษาหายขาดได้"') + 1
    column = '"และรักษาหายขาดได้"'.index("หายขาด") + 1
    assert f"sample.po:{line}:{column})" in claim.hint, claim.hint


def test_every_finding_in_a_translation_names_the_msgstr_line_of_its_words(
    make_project: Callable[..., Path],
) -> None:
    # TEXT001, TEXT002 and A11Y006 named the entry's msgctxt line, while claims and terms
    # named the msgstr line and column: a translator with a wrapped msgstr looked in the
    # wrong place. Every finding names the msgstr line, and the column of its words.
    blocks = CLEAN + (
        "- paragraph: Read the [trial registry](https://example.org/trials).\n  id: link\n"
        "- paragraph: Cells send signals.\n  id: hidden\n"
        "- paragraph: Cells send messages.\n  id: box\n"
    )
    root = make_project({"sample": leaflet(blocks)})
    header = 'msgid ""\nmsgstr ""\n"Language: th\\n"\n'
    header += '"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    entries = {
        "link": ("Read the [trial registry](https://example.org/trials).", "อ่านข้อมูล ",
                 "[คลิกที่นี่](https://example.org/trials)"),
        "hidden": ("Cells send signals.", "เซลล์ส่งสัญญาณ ", "sig\u200bnal"),
        "box": ("Cells send messages.", "เซลล์ส่งข้อความ ", "\ud55c\uad6d"),
    }  # fmt: skip
    po_text = header + "".join(
        f'msgctxt "{ctx}"\nmsgid "{msgid}"\nmsgstr ""\n"{head}"\n"{tail}"\n\n'
        for ctx, (msgid, head, tail) in entries.items()
    )
    po = root / "locales" / "th" / "LC_MESSAGES" / "sample.po"
    po.parent.mkdir(parents=True)
    po.write_text(po_text, "utf-8")
    lines = po_text.splitlines()
    found = run_checks(Project.at(root), config=CheckConfig(today=TODAY), locales=["th"])
    by_code = {f.code: f for f in found if hasattr(f, "code")}
    for code, ctx, words in [
        ("A11Y006", "link", "คลิกที่นี่"),
        ("TEXT001", "hidden", "sig\u200bnal"),
        ("TEXT002", "box", "\ud55c\uad6d"),
    ]:
        tail = f'"{entries[ctx][2]}"'
        line = lines.index(tail) + 1
        column = tail.index(words) + 1
        assert f"sample.po:{line}:{column})" in by_code[code].hint, (code, by_code[code].hint)


def test_text001_reads_the_words_the_page_prints_from_ui_po(i18n_project: Path) -> None:
    """A ui.po label is printed on every page of every leaflet in its language: "โปรดทຣาบ"
    with a Lao ຣ in the Thai word was printed, and no check named it."""
    ui = i18n_project / "locales" / "th" / "LC_MESSAGES" / "ui.po"
    text = ui.read_text(encoding="utf-8")
    line = text[: text.index("msgstr", text.index('msgctxt "disclaimer"'))].count("\n") + 1
    ui.write_text(text.replace('msgstr "โปรดทราบ"', 'msgstr "โปรดท\u0ea3าบ"'), encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "-p", str(i18n_project), "-l", "th"])
    found = [row for row in result.output.splitlines() if "TEXT001" in row]
    assert len(found) == 1, result.output
    assert f"locales/th/LC_MESSAGES/ui.po:{line}: warning: TEXT001: [th] " in found[0]
    assert found[0].endswith("in a word the page prints itself ('disclaimer')")
    assert "in the msgstr of 'disclaimer'" in result.output


def _text001(root: Path) -> list[tuple[str, int, int, str]]:
    found = run_checks(Project.at(root), config=CheckConfig(today=TODAY), locales=["en"])
    return sorted(
        (f.location.path.name, f.location.line, f.location.column, f.message)
        for f in found
        if getattr(f, "code", "") == "TEXT001"
    )


def test_text001_names_a_punycode_host_as_a_browser_shows_it(
    make_project: Callable[..., Path],
) -> None:
    """'xn--linic-0ye.example' is what the file holds; a browser shows "сlinic.example",
    with a Cyrillic с, a look-alike of the clinic's site. The reviewer read neither: the
    organisation's web address is printed on every leaflet, and a link with words for
    its text shows no host at all."""
    body = "- paragraph: Book on [our booking page](https://xn--linic-0ye.example/book).\n"
    text = leaflet(CLEAN + body)
    root = make_project({"sample": text})
    org = root / "organisations" / "test-clinic.yaml"
    profile = org.read_text("utf-8").replace("https://example.org", "https://xn--linic-0ye.example")
    org.write_text(profile, "utf-8")
    web_line = next(n for n, row in enumerate(profile.splitlines(), 1) if row.startswith("web:"))
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "booking page" in row)
    column = text.splitlines()[line - 1].index("https://") + 1
    lookalike = "“\u0441linic” mixes Latin and Cyrillic letters"
    assert _text001(root) == [
        (
            "sample.yaml",
            line,
            column,
            "the link “our booking page” opens xn--linic-0ye.example, which a browser "
            f"shows as “\u0441linic.example”: {lookalike}",
        ),
        (
            "test-clinic.yaml",
            web_line,
            6,
            "the organisation's web address xn--linic-0ye.example, printed on every "
            f"leaflet, is shown by a browser as “\u0441linic.example”: {lookalike}",
        ),
    ]


def test_text001_names_every_punycode_host_even_one_of_one_script(
    make_project: Callable[..., Path],
) -> None:
    """A Thai name is a real site's; the reviewer still reads it only decoded."""
    host = "ตัวอย่าง.example".encode("idna").decode("ascii")
    body = f"- paragraph: See [the clinic's page](https://{host}/).\n"
    [(_, _, _, message)] = _text001(make_project({"sample": leaflet(CLEAN + body)}))
    assert message == (
        f"the link “the clinic's page” opens {host}, which a browser shows as “ตัวอย่าง.example”"
    )


def test_text001_names_the_punycode_host_of_the_leaflets_own_address(
    make_project: Callable[..., Path],
) -> None:
    """The leaflet's `url:` is printed under its text and as a QR code, which no
    reviewer reads at all."""
    extra = "url: https://xn--linic-0ye.example/leaflet\n"
    text = leaflet_yaml(CLEAN, extra=extra, references=REFERENCES)
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith("url:"))
    assert _text001(make_project({"sample": text})) == [
        (
            "sample.yaml",
            line,
            6,
            "the leaflet's web address xn--linic-0ye.example, printed with a QR code, is "
            "shown by a browser as “\u0441linic.example”: “\u0441linic” mixes Latin and "
            "Cyrillic letters",
        )
    ]


def test_text001_names_a_punycode_host_of_a_reference_or_an_e_mail_link(
    make_project: Callable[..., Path],
) -> None:
    """A reference's address is printed in the list a reader follows, and an e-mail
    link's host is where the patient's message goes."""
    body = "- paragraph: Write to [the clinic](mailto:desk@xn--linic-0ye.example).\n"
    refs = REFERENCES.replace(
        "    title: A first study of cells\n",
        "    title: A first study of cells\n    url: https://xn--linic-0ye.example/study\n",
        1,
    )
    text = leaflet_yaml(CLEAN + body, references=refs)
    rows = text.splitlines()
    shown = "“\u0441linic.example”: “\u0441linic” mixes Latin and Cyrillic letters"
    found = _text001(make_project({"sample": text}))
    assert [(line, message) for _, line, _, message in found] == [
        (
            next(n for n, row in enumerate(rows, 1) if "the clinic" in row),
            f"the link “the clinic” opens xn--linic-0ye.example, which a browser shows as {shown}",
        ),
        (
            next(n for n, row in enumerate(rows, 1) if "url: https://xn--" in row),
            "the address of reference 'alpha2001' opens xn--linic-0ye.example, which a browser "
            f"shows as {shown}",
        ),
    ]


@pytest.mark.parametrize("domain", ["ui", "infusion-safety"])
def test_a_catalog_that_cannot_be_read_is_one_finding_and_the_rest_is_checked(
    tmp_path: Path, domain: str
) -> None:
    """A Thai catalog saved as UTF-16 (Notepad's "Unicode"), the page words' or one
    leaflet's: `check` stopped at the file with every other leaflet and language
    unchecked, and the desk's Status, which runs it, was a 500. It is one LOAD001 at
    the file, and the other leaflets' findings are still there."""
    root = tmp_path / "project"
    for folder in ("leaflets", "locales", "organisations"):
        shutil.copytree(REPO / folder, root / folder)
    broken = root / "locales" / "th" / "LC_MESSAGES" / f"{domain}.po"
    broken.write_bytes(b"\xff\xfe not a catalog")
    project = Project(root)
    every = run_checks(project, config=load_config(project, today=dt.date(2028, 1, 2)))
    found = [f for f in every if isinstance(f, CheckFinding)]
    assert len(found) == len(every)
    at_file = [
        f for f in found if f.location.path.name == broken.name and "th" in str(f.location.path)
    ]
    assert [(f.code, f.severity) for f in at_file] == [("LOAD001", "error")]
    overdue = {f.location.path.stem for f in found if f.code == "DATE001"}
    assert {"choosing-a-clinic", "stromal-or-stem", "what-research-says"} <= overdue
