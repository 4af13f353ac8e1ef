"""Batch builds: incremental fingerprints, shards, manifest, failure semantics, parallelism."""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import json
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from batch_support import SHORT, statuses, two_leaflets
from conftest import leaflet_yaml
from msc_leaflet.build import Options, workers
from msc_leaflet.build.batch import Job, parse_shard, run_batch, shard
from msc_leaflet.build.forked import run_shared, shares
from msc_leaflet.build.manifest import FORMAT, Manifest, OutputEntry, load_manifest, merge
from msc_leaflet.build.workers import shared_locales, shared_processes, worker_count
from msc_leaflet.cli.app import app
from msc_leaflet.data import data_path
from msc_leaflet.files import write_atomic
from msc_leaflet.print_spec import PrintSpec
from msc_leaflet.project import Project

GLOSSARY = """\
concepts:
  - id: msc
    en:
      preferred: mesenchymal stromal cells (MSCs)
      discouraged: [mesenchymal stem cells]
"""


@pytest.fixture
def project(make_project: Callable[..., Path]) -> Project:
    return Project.at(two_leaflets(make_project))


def test_a_serial_batch_thaws_what_it_froze(project: Project, tmp_path: Path) -> None:
    """A -j1 batch leaves what its first job left alive out of the collector's full
    passes while it runs (#20) and thaws it when it ends: a program that calls
    `run_batch` again and again keeps nothing frozen that may become garbage later.
    Its PDFs are those each leaflet built alone gives."""
    before = gc.get_freeze_count()
    frozen: list[int] = []
    report = run_batch(
        project,
        out_dir=tmp_path / "all",
        on_outcome=lambda outcome: frozen.append(gc.get_freeze_count()),
    )
    assert set(statuses(report).values()) == {"built"}
    assert frozen[0] == before < frozen[-1]  # the second job ran with the first's frozen
    assert gc.get_freeze_count() == before
    for leaflet in ("one", "two"):
        run_batch(project, [leaflet], out_dir=tmp_path / leaflet)
        pdf = Path("en", f"{leaflet}.pdf")
        assert (tmp_path / "all" / pdf).read_bytes() == (tmp_path / leaflet / pdf).read_bytes()


def test_second_build_skips_everything(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert set(statuses(run_batch(project, out_dir=out)).values()) == {"built"}
    assert set(statuses(run_batch(project, out_dir=out)).values()) == {"skipped"}


def test_strict_build_refuses_once_the_settings_make_a_finding_an_error(
    project: Project, tmp_path: Path
) -> None:
    """A print run (--strict) that passed must not pass again, skipped as "up to date",
    after the team's settings make one of its warnings an error."""
    out = tmp_path / "out"
    strict = Options(strict=True)
    assert set(statuses(run_batch(project, ["one"], out_dir=out, options=strict)).values()) == {
        "built"
    }
    (project.root / "msc-leaflet.toml").write_text('[checks.REF002]\nseverity = "error"\n')
    report = run_batch(project, ["one"], out_dir=out, options=strict)
    assert statuses(report) == {"en/one.pdf": "failed"}
    assert "gamma2002" in report.outcomes[0].message


def test_strict_build_refuses_a_leaflet_whose_review_fell_due_since_it_passed(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--strict refuses a leaflet past its review date. One printed last month, due for
    review since, must not pass again as 'up to date': nothing in its files changed,
    but the day did."""
    from msc_leaflet import clock

    out, strict = tmp_path / "out", Options(strict=True)
    monkeypatch.setattr(clock, "today", lambda: dt.date(2026, 12, 1))  # due 2027-01-01
    assert statuses(run_batch(project, ["one"], out_dir=out, options=strict)) == {
        "en/one.pdf": "built"
    }
    monkeypatch.setattr(clock, "today", lambda: dt.date(2027, 1, 2))
    report = run_batch(project, ["one"], out_dir=out, options=strict)
    assert statuses(report) == {"en/one.pdf": "failed"}
    assert "DATE001" in report.outcomes[0].message
    # A draft is not refused for it: the output stays up to date.
    run_batch(project, ["one"], out_dir=out)
    assert statuses(run_batch(project, ["one"], out_dir=out)) == {"en/one.pdf": "skipped"}


def test_touch_without_change_does_not_rebuild(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch(project, out_dir=out)
    path = project.leaflet_path("one")
    path.write_bytes(path.read_bytes())
    assert set(statuses(run_batch(project, out_dir=out)).values()) == {"skipped"}


@pytest.mark.parametrize(
    ("change", "rebuilt"),
    [
        ("leaflet", {"en/one.pdf"}),
        ("organisation", {"en/one.pdf", "en/two.pdf"}),
        ("output deleted", {"en/one.pdf"}),
        ("output edited", {"en/one.pdf"}),
        # What the layout checks read: their warnings are recorded with every output.
        ("settings", {"en/one.pdf", "en/two.pdf"}),
        # Read by the content checks, which only --strict runs (below).
        ("glossary", set()),
    ],
)
def test_what_triggers_a_rebuild(
    project: Project, tmp_path: Path, change: str, rebuilt: set[str]
) -> None:
    out = tmp_path / "out"
    run_batch(project, out_dir=out)
    if change == "leaflet":
        path = project.leaflet_path("one")
        path.write_text(path.read_text().replace("Short text", "Changed text"))
    elif change == "organisation":
        org = project.organisations_dir / "test-clinic.yaml"
        org.write_text(org.read_text().replace("Test Clinic", "Renamed Clinic"))
    elif change == "output deleted":
        (out / "en" / "one.pdf").unlink()
    elif change == "settings":
        (project.root / "msc-leaflet.toml").write_text('[checks.LAYOUT002]\nseverity = "off"\n')
    elif change == "glossary":
        (project.locales_dir).mkdir(exist_ok=True)
        (project.locales_dir / "glossary.yaml").write_text(GLOSSARY)
    else:
        (out / "en" / "one.pdf").write_bytes(b"%PDF-edited")
    result = statuses(run_batch(project, out_dir=out))
    assert {k for k, v in result.items() if v == "built"} == rebuilt


def test_the_glossary_rebuilds_only_the_outputs_the_content_checks_judged(
    project: Project, tmp_path: Path
) -> None:
    """The glossary is read by the content checks, which --strict runs before printing:
    a new agreed term must check a print run again, and leave drafts alone."""
    drafts, prints, strict = tmp_path / "drafts", tmp_path / "prints", Options(strict=True)
    run_batch(project, ["one"], out_dir=drafts)
    run_batch(project, ["one"], out_dir=prints, options=strict)
    project.locales_dir.mkdir(exist_ok=True)
    (project.locales_dir / "glossary.yaml").write_text(GLOSSARY)
    assert statuses(run_batch(project, ["one"], out_dir=drafts)) == {"en/one.pdf": "skipped"}
    report = run_batch(project, ["one"], out_dir=prints, options=strict)
    assert statuses(report) == {"en/one.pdf": "built"}


def test_a_sign_off_rebuilds_only_the_outputs_that_print_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A translation's sign-off is printed by a proof (its history), by a theme's
    footer-approval, and refused without by --strict. Signing off a leaflet must not
    rebuild the reading PDFs of every leaflet in the language: their bytes do not
    change."""
    from i18n_support import invoke

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796169600")
    shutil.copytree(Path(__file__).parent / "fixtures" / "i18n", tmp_path / "p")
    project, out = Project.at(tmp_path / "p"), tmp_path / "out"
    proof = Options(spec=PrintSpec(proof=True))
    run_batch(project, ["care-basics"], ["th"], out)
    run_batch(project, ["care-basics"], ["th"], out, options=proof)

    def sign_off(role: str) -> None:
        code, output = invoke(
            "i18n", "review", "care-basics", "-l", "th", "--by", "Dr. Malee Srisuk",
            "--role", role, "--project", str(project.root),
        )  # fmt: skip
        assert code == 0, output

    sign_off("clinical")
    reading = run_batch(project, ["care-basics"], ["th"], out)
    assert statuses(reading) == {"th/care-basics.pdf": "skipped"}
    proofs = run_batch(project, ["care-basics"], ["th"], out, options=proof)
    assert statuses(proofs) == {"th/care-basics.proof.pdf": "built"}
    # A theme that prints the approval in the footer reads them for every output.
    theme = data_path("theme.yaml").read_text(encoding="utf-8")
    footer = theme.replace("footer-approval: false", "footer-approval: true")
    (project.root / "theme.yaml").write_text(footer, encoding="utf-8")
    run_batch(project, ["care-basics"], ["th"], out)
    sign_off("reviewer")
    reading = run_batch(project, ["care-basics"], ["th"], out)
    assert statuses(reading) == {"th/care-basics.pdf": "built"}


def test_a_file_replaced_with_its_size_and_time_is_seen_by_a_long_lived_process(
    project: Project, tmp_path: Path
) -> None:
    """The desk plans builds in one process for hours: an organisation (or a picture)
    replaced by another of the same size that kept the old one's time (unzipped,
    copied with ``cp -p``) must rebuild, as it does in a new process."""
    out = tmp_path / "out"
    run_batch(project, ["one"], out_dir=out)
    org = project.organisations_dir / "test-clinic.yaml"
    before = org.stat()
    replacement = org.with_name("replacement.tmp")
    replacement.write_text(org.read_text().replace("Test Clinic", "Best Clinic"))
    os.utime(replacement, ns=(before.st_atime_ns, before.st_mtime_ns))
    os.replace(replacement, org)
    assert org.stat().st_size == before.st_size
    assert statuses(run_batch(project, ["one"], out_dir=out)) == {"en/one.pdf": "built"}


def test_a_glossary_rewritten_in_place_with_its_time_is_read_again(
    project: Project, tmp_path: Path
) -> None:
    """``cp -p`` over a file keeps its inode, and gives it the old size and time when the
    new version is as long: a long-lived process (the desk) must rebuild and check the
    output against the new glossary, not the one it read before."""
    out, strict = tmp_path / "out", Options(strict=True)
    (project.root / "msc-leaflet.toml").write_text('[checks.TERM001]\nseverity = "error"\n')
    project.locales_dir.mkdir()
    glossary = project.locales_dir / "glossary.yaml"
    glossary.write_text(GLOSSARY.replace("mesenchymal stem cells", "Zhort text"))
    assert statuses(run_batch(project, ["one"], out_dir=out, options=strict)) == {
        "en/one.pdf": "built"
    }
    before = glossary.stat()
    with glossary.open("r+b") as handle:  # as cp -p writes: the same file, truncated
        handle.write(GLOSSARY.replace("mesenchymal stem cells", "Short text").encode())
    os.utime(glossary, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert glossary.stat().st_size == before.st_size
    report = run_batch(project, ["one"], out_dir=out, options=strict)
    assert statuses(report) == {"en/one.pdf": "failed"}
    assert "TERM001" in report.outcomes[0].message


def test_a_font_file_only_the_project_theme_names_is_an_input(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A clinic's theme may set its text in a font package of its own (or another file of
    a bundled one): when that font file changes (the package upgraded), the PDFs that
    embed it are out of date, as for the bundled theme's fonts."""
    import fontpkg_sarabun

    bundled = Path(fontpkg_sarabun.ROOT) / "files"
    package = tmp_path / "packages" / "fontpkg_clinic_test"
    (package / "files").mkdir(parents=True)
    (package / "__init__.py").write_text(
        "from pathlib import Path\nROOT = Path(__file__).resolve().parent\n"
    )
    font = package / "files" / "Clinic-Regular.ttf"
    font.write_bytes((bundled / "Sarabun-Regular.ttf").read_bytes())
    monkeypatch.syspath_prepend(str(package.parent))
    theme = data_path("theme.yaml").read_text(encoding="utf-8")
    sarabun = re.search(r"    Sarabun:\n(      .*\n)+", theme)
    assert sarabun is not None
    own = "    Sarabun:\n      package: fontpkg_clinic_test\n      regular: Clinic-Regular.ttf\n"
    own += "      bold: regular\n      italic: regular\n      bold-italic: regular\n"
    (project.root / "theme.yaml").write_text(theme.replace(sarabun.group(0), own))
    out = tmp_path / "out"
    assert statuses(run_batch(project, ["one"], out_dir=out)) == {"en/one.pdf": "built"}
    font.write_bytes((bundled / "Sarabun-Light.ttf").read_bytes())
    assert statuses(run_batch(project, ["one"], out_dir=out)) == {"en/one.pdf": "built"}


def test_an_input_saved_while_its_output_builds_rebuilds_it_next_time(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A translator saves a catalog (here: the organisation) while the desk or a build
    lays out the PDF from the version before. The inputs were hashed after the layout,
    so the manifest recorded the new file for a PDF of the old one: 'up to date' for
    ever after. What is recorded is what the build read."""
    from msc_leaflet.build import build as build_module

    org = project.organisations_dir / "test-clinic.yaml"
    real = build_module.build_loaded

    def saved_meanwhile(*args: object, **kwargs: object) -> object:
        result = real(*args, **kwargs)  # type: ignore[arg-type]
        org.write_text(org.read_text().replace("Test Clinic", "Renamed Clinic"))
        return result

    monkeypatch.setattr(build_module, "build_loaded", saved_meanwhile)
    out = tmp_path / "out"
    assert statuses(run_batch(project, ["one"], out_dir=out)) == {"en/one.pdf": "built"}
    monkeypatch.setattr(build_module, "build_loaded", real)
    assert statuses(run_batch(project, ["one"], out_dir=out)) == {"en/one.pdf": "built"}


def test_new_catalog_rebuilds_only_that_locale(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch(project, locales=["en", "th"], out_dir=out)
    po = project.locales_dir / "th" / "LC_MESSAGES" / "one.po"
    po.parent.mkdir(parents=True)
    po.write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n', encoding="utf-8"
    )
    result = statuses(run_batch(project, locales=["en", "th"], out_dir=out))
    assert {k for k, v in result.items() if v == "built"} == {"th/one.pdf"}


@pytest.mark.parametrize("domain", ["one", "ui"])
def test_regional_catalog_made_later_rebuilds_that_locale(
    project: Project, tmp_path: Path, domain: str
) -> None:
    """th_TH prints the th catalog while it has none of its own; the day a translator
    starts its own, th_TH's output is out of date (and th's is not)."""
    out = tmp_path / "out"
    header = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n'
    for name in ("one", "ui"):
        po = project.locales_dir / "th" / "LC_MESSAGES" / f"{name}.po"
        po.parent.mkdir(parents=True, exist_ok=True)
        po.write_text(header, encoding="utf-8")
    run_batch(project, ["one"], ["th", "th_TH"], out_dir=out)
    own = project.locales_dir / "th_TH" / "LC_MESSAGES" / f"{domain}.po"
    own.parent.mkdir(parents=True)
    own.write_text(header, encoding="utf-8")
    result = statuses(run_batch(project, ["one"], ["th", "th_TH"], out_dir=out))
    assert result == {"th/one.pdf": "skipped", "th_TH/one.pdf": "built"}


def test_manifest_names_every_input_portably(project: Project, tmp_path: Path) -> None:
    """No input is named by where this machine keeps it (its checkout, its virtual
    environment: /home/<user>/…): a shard built on another machine, or a project moved
    elsewhere, must still find them, and the manifest goes to print shops."""
    out = tmp_path / "out"
    run_batch(project, out_dir=out)
    entries = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["outputs"]
    names = {name for entry in entries.values() for name in entry["inputs"]}
    assert any(name.endswith(".ttf") for name in names)  # the fonts are recorded
    assert [name for name in names if Path(name).is_absolute() or ".." in Path(name).parts] == []
    assert set(statuses(run_batch(project, out_dir=out)).values()) == {"skipped"}


def test_a_project_folder_python_could_import_is_named_as_a_project(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``python -m msc_leaflet build -p clinic``, run from the folder holding the
    project, puts that folder on Python's path, where ``clinic`` (any folder whose name
    could be a module's) is an importable namespace package. Its files were recorded as
    an installed package's (``python:clinic/leaflets/…``), which a build started any
    other way cannot find: every output was rebuilt, and a shard's manifest named files
    no other machine has. Only a real package (with its ``__init__``) is one."""
    from msc_leaflet.build import fingerprint

    monkeypatch.syspath_prepend(str(project.root.parent))
    fingerprint._package_folder.cache_clear()
    out = tmp_path / "out"
    run_batch(project, ["one"], out_dir=out)
    entries = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["outputs"]
    names = {name for entry in entries.values() for name in entry["inputs"]}
    assert "leaflets/one.yaml" in names
    assert not [name for name in names if name.startswith(f"python:{project.root.name}/")]
    monkeypatch.undo()
    fingerprint._package_folder.cache_clear()
    assert set(statuses(run_batch(project, ["one"], out_dir=out)).values()) == {"skipped"}


def test_recorded_warnings_name_files_in_the_project_wherever_the_build_ran(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The manifest keeps each output's warnings. They named files as seen from where
    that build happened to run (an absolute /home/… path with --project from
    elsewhere), and were shown so later from anywhere else: wrong paths, and a
    manifest that differed with the folder of the build."""
    recorded: list[list[str]] = []
    for here in (project.root, tmp_path):
        monkeypatch.chdir(here)
        out = tmp_path / f"out-{len(recorded)}"
        run_batch(project, ["one"], out_dir=out)
        text = (out / "manifest.json").read_text(encoding="utf-8")
        assert str(tmp_path) not in text
        recorded.append(json.loads(text)["outputs"]["en/one.pdf"]["warnings"])
    assert recorded[0] == recorded[1] and recorded[0][0].startswith("leaflets/one.yaml:")
    monkeypatch.chdir(project.root.parent)  # shown from the folder above the project
    [skipped] = run_batch(project, ["one"], out_dir=tmp_path / "out-1").outcomes
    assert skipped.status == "skipped"
    assert skipped.warnings[0].startswith(f"{project.root.name}/leaflets/one.yaml:")


def test_a_recorded_warning_changes_only_the_paths_of_project_files(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from msc_leaflet.errors import recorded_text, shown_text

    po = project.locales_dir / "th" / "LC_MESSAGES" / "one.po"
    po.parent.mkdir(parents=True)
    po.write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    shown = (
        f"{project.root.name}/leaflets/one.yaml:5: warning: version 1.0 of it.\n"
        f"  hint: fix the msgstr of 'p1' ({po}:20), not /etc/hosts or e.g. words."
    )
    recorded = recorded_text(shown, project.root)
    assert recorded == (
        "leaflets/one.yaml:5: warning: version 1.0 of it.\n"
        "  hint: fix the msgstr of 'p1' (locales/th/LC_MESSAGES/one.po:20), not /etc/hosts "
        "or e.g. words."
    )
    assert shown_text(recorded, project.root) == shown.replace(
        str(po), f"{project.root.name}/locales/th/LC_MESSAGES/one.po"
    )


def test_options_are_part_of_the_fingerprint(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch(project, out_dir=out)
    cmyk = Options(spec=PrintSpec(colour="cmyk"))
    assert set(statuses(run_batch(project, out_dir=out, options=cmyk)).values()) == {"built"}


@pytest.mark.parametrize("before", ["1700000000", ""])
def test_an_incremental_build_gives_the_bytes_of_a_clean_one_after_the_date_changes(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, before: str
) -> None:
    """SOURCE_DATE_EPOCH dates every PDF: an output built under another date (or none)
    is not up to date, or a print shop's clean build of the same commit differs from
    the clinic's incremental one."""
    out, clean = tmp_path / "out", tmp_path / "clean"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", before)
    run_batch(project, ["one"], out_dir=out)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    assert statuses(run_batch(project, ["one"], out_dir=out)) == {"en/one.pdf": "built"}
    run_batch(project, ["one"], out_dir=clean)
    assert (out / "en" / "one.pdf").read_bytes() == (clean / "en" / "one.pdf").read_bytes()
    assert statuses(run_batch(project, ["one"], out_dir=out)) == {"en/one.pdf": "skipped"}


def test_an_upgraded_library_that_shapes_the_bytes_rebuilds(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """HarfBuzz, ICU, fontTools, pikepdf… set the bytes of every PDF as much as ReportLab
    does, and the package only asks for a least version of them: after an upgrade,
    outputs kept from before differ from a clean build's."""
    import fontTools

    from msc_leaflet.build import fingerprint

    installed = fingerprint.library_versions()
    assert installed["fonttools"] == fontTools.version  # read without importing any
    out = tmp_path / "out"
    run_batch(project, out_dir=out)
    upgraded = {**installed, "uharfbuzz": "999.0"}
    monkeypatch.setattr(fingerprint, "library_versions", lambda: upgraded)
    assert set(statuses(run_batch(project, out_dir=out)).values()) == {"built"}


def test_force_rebuilds(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch(project, out_dir=out)
    assert set(statuses(run_batch(project, out_dir=out, force=True)).values()) == {"built"}


def test_manifest_contents(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch(project, out_dir=out)
    raw = (out / "manifest.json").read_bytes()
    manifest = json.loads(raw)
    # Written in one stable form, so it diffs cleanly: indented, keys sorted, UTF-8.
    standard = json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert raw == standard.encode("utf-8")
    entry = manifest["outputs"]["en/one.pdf"]
    assert entry["leaflet"] == "one" and entry["locale"] == "en"
    assert entry["pages"] >= 1 and entry["size"] == (out / "en" / "one.pdf").stat().st_size
    assert len(entry["sha256"]) == 64 and len(entry["fingerprint"]) == 64
    assert "leaflets/one.yaml" in entry["inputs"]
    assert "organisations/test-clinic.yaml" in entry["inputs"]
    assert entry["inputs"]["locales/en/LC_MESSAGES/one.po"] == "absent"
    assert any("never cited" in w for w in entry["warnings"])


def test_a_withdrawn_leaflets_pdf_is_named_until_it_is_deleted(
    project: Project, tmp_path: Path
) -> None:
    """A leaflet withdrawn from the project (its file deleted) left its PDF and record
    behind, silently: the folder a print shop copies still held it, where a clean build
    has none. The build names it until it is deleted, then the manifest forgets it."""
    out = tmp_path / "out"
    run_batch(project, out_dir=out)
    project.leaflet_path("two").unlink()
    report = run_batch(project, out_dir=out)
    assert statuses(report) == {"en/one.pdf": "skipped"}
    [note] = report.notes
    assert note.location.path == out / "en" / "two.pdf" and "leaflets/two.yaml" in note.message
    code, output = invoke_cli("build", "--dry-run", "-p", str(project.root), "-o", str(out))
    assert code == 0 and "en/two.pdf" in output and "no longer in the project" in output
    (out / "en" / "two.pdf").unlink()
    assert not run_batch(project, out_dir=out).notes
    manifest = load_manifest(out / "manifest.json")
    assert sorted(manifest.outputs) == ["en/one.pdf"] and sorted(manifest.sources) == ["one"]


def invoke_cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def test_the_same_build_writes_the_same_manifest(project: Project, tmp_path: Path) -> None:
    """The manifest is kept beside the PDFs and diffed like them: a clean build on
    another machine, or the same outputs rebuilt, must write the same bytes. How long a
    build took differs every time (`--json` reports it)."""
    run_batch(project, out_dir=tmp_path / "a")
    run_batch(project, out_dir=tmp_path / "b", jobs=2)
    written = (tmp_path / "a" / "manifest.json").read_bytes()
    assert (tmp_path / "b" / "manifest.json").read_bytes() == written
    run_batch(project, out_dir=tmp_path / "a", force=True)
    assert (tmp_path / "a" / "manifest.json").read_bytes() == written


@pytest.mark.parametrize("n", [1, 2, 3, 5])
def test_every_job_is_in_exactly_one_shard(n: int) -> None:
    jobs = [Job(f"leaflet-{i}", loc) for i in range(7) for loc in ("en", "th")]
    slices = [shard(jobs, k, n) for k in range(1, n + 1)]
    flat = [job for part in slices for job in part]
    assert sorted(flat) == sorted(jobs)
    assert max(map(len, slices)) - min(map(len, slices)) <= 1


def test_parse_shard_rejects_nonsense() -> None:
    assert parse_shard("2/4") == (2, 4)
    for bad in ("0/2", "3/2", "x", "1/0"):
        with pytest.raises(ValueError):
            parse_shard(bad)


def test_shards_merge_into_the_full_manifest(project: Project, tmp_path: Path) -> None:
    run_batch(project, out_dir=tmp_path / "a", shard_of=(1, 2))
    run_batch(project, out_dir=tmp_path / "b", shard_of=(2, 2))
    merged = merge([tmp_path / "a" / "manifest.json", tmp_path / "b" / "manifest.json"])
    assert sorted(merged.outputs) == ["en/one.pdf", "en/two.pdf"]


def write_shard(path: Path, outputs: list[str]) -> dict[str, object]:
    """A shard manifest as a build writes it, returned as JSON data to damage."""
    entry = OutputEntry("one", "en", "0" * 64, {}, 1, 10, "1" * 64)
    path.write_bytes(Manifest({key: entry for key in outputs}).to_bytes())
    return json.loads(path.read_text())  # type: ignore[no-any-return]


def merge_cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["manifest", "merge", *args])
    return result.exit_code, result.stdout + result.stderr


def test_merge_refuses_a_shard_with_a_damaged_entry(tmp_path: Path) -> None:
    """A shard that counted as empty would drop its outputs from the real manifest."""
    write_shard(tmp_path / "a.json", ["en/one.pdf"])
    data = write_shard(tmp_path / "b.json", ["en/two.pdf", "en/three.pdf"])
    del data["outputs"]["en/two.pdf"]["fingerprint"]  # type: ignore[index]
    (tmp_path / "b.json").write_text(json.dumps(data))
    out = tmp_path / "manifest.json"
    out.write_text("the real one")
    code, output = merge_cli(str(tmp_path / "a.json"), str(tmp_path / "b.json"), "-o", str(out))
    assert code == 1
    assert "b.json" in output and "en/two.pdf" in output and "fingerprint" in output
    assert "Traceback" not in output and "merged" not in output
    assert out.read_text() == "the real one"


@pytest.mark.parametrize("fmt", [FORMAT + 1, FORMAT - 1, 1, None])
def test_merge_refuses_a_shard_of_another_format(tmp_path: Path, fmt: int | None) -> None:
    data = write_shard(tmp_path / "a.json", ["en/one.pdf"])
    data["format"] = fmt
    (tmp_path / "a.json").write_text(json.dumps(data))
    code, output = merge_cli(str(tmp_path / "a.json"), "-o", str(tmp_path / "m.json"))
    assert code == 1 and "a.json" in output and "format" in output
    assert not (tmp_path / "m.json").exists()


def test_merge_reads_back_what_a_build_writes(tmp_path: Path) -> None:
    write_shard(tmp_path / "a.json", ["en/one.pdf"])
    write_shard(tmp_path / "b.json", ["en/two.pdf"])
    merged = merge([tmp_path / "a.json", tmp_path / "b.json"])
    assert sorted(merged.outputs) == ["en/one.pdf", "en/two.pdf"]


def test_merge_refuses_a_folder_as_output(tmp_path: Path) -> None:
    write_shard(tmp_path / "a.json", ["en/one.pdf"])
    code, output = merge_cli(str(tmp_path / "a.json"), "-o", str(tmp_path))
    assert code == 1 and "is a folder" in output and "internal error" not in output


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_merge_never_replaces_a_named_pipe(tmp_path: Path) -> None:
    write_shard(tmp_path / "a.json", ["en/one.pdf"])
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    code, output = merge_cli(str(tmp_path / "a.json"), "-o", str(pipe))
    assert code == 1 and "special file" in output
    assert pipe.is_fifo()


def test_keep_going_builds_the_rest_and_exits_1(project: Project, tmp_path: Path) -> None:
    broken = project.leaflets_dir / "broken.yaml"
    broken.write_text(leaflet_yaml("- paragraph: See [@nobody].\n", leaflet_id="broken"))
    result = CliRunner().invoke(
        app, ["build", "--project", str(project.root), "--out", str(tmp_path / "out"), "-j1"]
    )
    assert result.exit_code == 1
    assert (tmp_path / "out" / "en" / "one.pdf").is_file()
    assert (tmp_path / "out" / "en" / "two.pdf").is_file()
    assert "broken.yaml" in result.stderr + result.stdout
    assert "1 failed" in result.stdout


def test_fail_fast_stops_at_the_first_failure(project: Project, tmp_path: Path) -> None:
    broken = project.leaflets_dir / "a-broken.yaml"
    broken.write_text(leaflet_yaml("- paragraph: See [@nobody].\n", leaflet_id="a-broken"))
    report = run_batch(project, out_dir=tmp_path / "out", fail_fast=True)
    assert [o.status for o in report.outcomes] == ["failed"]
    assert not (tmp_path / "out" / "en").exists()


def test_parallel_output_is_byte_identical(project: Project, tmp_path: Path) -> None:
    run_batch(project, out_dir=tmp_path / "j1", jobs=1)
    run_batch(project, out_dir=tmp_path / "j2", jobs=2)
    for name in ("en/one.pdf", "en/two.pdf"):
        assert (tmp_path / "j1" / name).read_bytes() == (tmp_path / "j2" / name).read_bytes()


def test_json_output_is_one_document(project: Project, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["build", "--project", str(project.root), "--out", str(tmp_path / "o"), "--json"]
    )
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["built"] == 2 and document["failed"] == 0
    assert {o["output"] for o in document["outputs"]} == {"en/one.pdf", "en/two.pdf"}


def test_dry_run_says_why(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch(project, out_dir=out)
    (out / "en" / "two.pdf").unlink()
    result = CliRunner().invoke(
        app, ["build", "--project", str(project.root), "--out", str(out), "--dry-run"]
    )
    assert "up to date en/one.pdf" in result.stdout
    assert "rebuild en/two.pdf: output missing" in result.stdout
    assert not (out / "en" / "two.pdf").exists()


def test_a_leaflet_or_locale_named_twice_is_built_once(project: Project, tmp_path: Path) -> None:
    report = run_batch(project, ["one", "one"], ["en", "EN", "en"], out_dir=tmp_path / "out")
    assert statuses(report) == {"en/one.pdf": "built"}


def test_corrupt_manifest_means_rebuild(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch(project, out_dir=out)
    (out / "manifest.json").write_text("{not json")
    assert load_manifest(out / "manifest.json").outputs == {}
    assert set(statuses(run_batch(project, out_dir=out)).values()) == {"built"}


@pytest.mark.parametrize(
    ("damage", "said"),
    [
        ("truncated", "cannot be read"),
        ("not json", "cannot be read"),
        ("future", "newer"),
    ],
)
def test_a_manifest_that_cannot_be_used_is_named_and_everything_rebuilt(
    project: Project, tmp_path: Path, damage: str, said: str
) -> None:
    """A manifest cut short (a full disk, a bad copy), garbled, or written by a newer
    msc-leaflet: every output is rebuilt, and the build says why, rather than
    'never built' for outputs that are right there."""
    out = tmp_path / "out"
    run_batch(project, out_dir=out)
    path = out / "manifest.json"
    text = path.read_text(encoding="utf-8")
    if damage == "truncated":
        path.write_text(text[: len(text) // 2], encoding="utf-8")
    elif damage == "not json":
        path.write_bytes(b"\x00" * 64)
    else:
        data = json.loads(text)
        data.update(format=99, tool="msc-leaflet 9.0")
        path.write_text(json.dumps(data), encoding="utf-8")
    args = ["build", "--project", str(project.root), "-o", str(out)]
    dry = CliRunner().invoke(app, [*args, "--dry-run"])
    assert dry.exit_code == 0 and "never built" not in dry.output
    assert f"{path}: warning: " in dry.output and said in dry.output
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "2 built, 0 skipped" in result.output and "Traceback" not in result.output
    assert f"{path}: warning: " in result.output and said in result.output
    assert load_manifest(path).outputs.keys() == {"en/one.pdf", "en/two.pdf"}
    path.write_text(text[:10], encoding="utf-8")
    document = json.loads(CliRunner().invoke(app, [*args, "--json"]).stdout)
    assert document["built"] == 2 and f"{path}: warning: " in document["notes"][0]


def test_strict_refuses_an_overdue_leaflet_and_writes_nothing(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    text = leaflet_yaml(SHORT + "- paragraph: More [@gamma2002; @delta2003].\n", leaflet_id="old")
    text = text.replace("published: 2026-01-01", "published: 2019-01-01")
    text = text.replace("next_review: 2027-01-01", "next_review: 2020-01-01")
    project = Project.at(make_project({"old": text}))
    report = run_batch(project, out_dir=tmp_path / "out", options=Options(strict=True))
    [outcome] = report.outcomes
    assert outcome.status == "failed"
    assert "--strict" in outcome.message and "DATE" in outcome.message
    assert not (tmp_path / "out" / "en" / "old.pdf").exists()
    draft = run_batch(project, out_dir=tmp_path / "out")
    assert [o.status for o in draft.outcomes] == ["built"]


def test_strict_refuses_untranslated_text(project: Project, tmp_path: Path) -> None:
    po = project.locales_dir / "th" / "LC_MESSAGES" / "one.po"
    po.parent.mkdir(parents=True)
    po.write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n', encoding="utf-8"
    )
    report = run_batch(project, ["one"], ["th"], tmp_path / "out", options=Options(strict=True))
    [outcome] = report.outcomes
    assert outcome.status == "failed" and "untranslated" in outcome.message


def test_workers_follow_the_work_unless_told(monkeypatch: pytest.MonkeyPatch) -> None:
    assert worker_count([0.3, 0.3], None) == 1  # a cold EN+TH build pays for no pool …
    assert worker_count([0.3, 0.3], 2) == 2  # -j2 is -j2
    assert worker_count([0.3], 4) == 1
    assert 1 <= worker_count([0.3] * 200, None) <= (os.cpu_count() or 1)
    monkeypatch.setattr(workers, "cpu_cores", lambda: 2)
    assert shared_processes([0.3, 0.3], None) == 2  # … but shares two cores with a fork
    assert shared_processes([0.3] * 5, None) == 2
    assert shared_processes([0.3, 0.3], 1) == 1  # -j1 is one process
    assert shared_processes([0.3], None) == 1


def test_shares_give_the_longest_job_to_the_least_loaded_process() -> None:
    assert shares([0.3, 0.1, 0.2, 0.25], 2) == [[0, 1], [3, 2]]
    assert shares([0.3], 2) == [[0]]  # no process without work


def test_a_build_too_small_for_a_pool_is_shared_with_a_forked_child(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As typed, two outputs too few for a pool are built by the command and one forked
    child at once, into the same PDFs and manifest as -j1 writes."""
    forked: list[int] = []
    real_fork = os.fork

    def fork() -> int:
        pid = real_fork()
        if pid:
            forked.append(pid)
        return pid

    monkeypatch.setattr(workers, "cpu_cores", lambda: 2)
    monkeypatch.setattr(os, "fork", fork)
    report = run_batch(project, out_dir=tmp_path / "typed", jobs=None)  # as typed
    assert len(forked) == 1 and statuses(report) == {"en/one.pdf": "built", "en/two.pdf": "built"}
    run_batch(project, out_dir=tmp_path / "j1", jobs=1)
    for name in ("en/one.pdf", "en/two.pdf", "manifest.json"):
        assert (tmp_path / "typed" / name).read_bytes() == (tmp_path / "j1" / name).read_bytes()


def test_a_bug_in_a_forked_child_is_raised_by_the_build() -> None:
    def build(job: str) -> str:
        if job == "theirs":
            raise ValueError(f"a bug building {job}")
        return job

    with pytest.raises(ValueError, match="a bug building theirs"):
        list(run_shared(["mine", "theirs"], [2.0, 1.0], 2, build))


def test_only_a_locale_with_several_jobs_is_set_up_before_forking() -> None:
    # One job each: set up in its own worker, beside the other, not one after the other.
    assert shared_locales(["en", "th"]) == []
    assert shared_locales(["th", "en", "th", "my"]) == ["th"]


def test_list_reads_the_page_count_a_build_recorded(project: Project) -> None:
    from msc_leaflet.cli.list import summarise

    # Before a build no count is known: `list` lays nothing out for one (68 s for 300).
    unknown = {row.id: row.pages for row in summarise(project.root)}
    assert set(unknown.values()) == {None}
    run_batch(project, out_dir=project.root / "build", jobs=1)
    built = {row.id: row.pages for row in summarise(project.root)}
    assert None not in built.values()
    manifest = load_manifest(project.root / "build" / "manifest.json")
    manifest.outputs["en/one.pdf"].pages = 99  # as if the theme made it long
    (project.root / "build" / "manifest.json").write_bytes(manifest.to_bytes())
    recorded = {row.id: row.pages for row in summarise(project.root)}
    assert recorded == {**built, "one": 99}
    (project.leaflets_dir / "one.yaml").write_text(
        leaflet_yaml(SHORT.replace("Short", "Changed"), leaflet_id="one")
    )
    assert {row.id: row.pages for row in summarise(project.root)} == {**built, "one": None}


def test_large_file_hashes_are_kept_between_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from msc_leaflet.build import fingerprint, hash_cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(hash_cache, "MIN_BYTES", 10)
    monkeypatch.setattr(hash_cache, "SETTLE_SECONDS", 0.0)
    monkeypatch.setattr(hash_cache, "_loaded", None)
    monkeypatch.setattr(fingerprint, "_cache", {})
    font = tmp_path / "font.ttf"
    font.write_bytes(b"0123456789abcdef")
    first = fingerprint.file_sha256(font)
    assert (tmp_path / "cache" / "msc-leaflet" / "file-hashes.json").is_file()
    monkeypatch.setattr(hash_cache, "_loaded", None)  # a new process reads the store
    monkeypatch.setattr(fingerprint, "_cache", {})
    assert hash_cache.stored_hash(font, font.stat()) == first
    before = font.stat().st_mtime_ns
    font.write_bytes(b"0123456789ABCDEF")  # same size, new content: hashed again
    os.utime(font, ns=(before, before + 1_000_000))  # a coarse clock may not have ticked
    fingerprint._cache.clear()
    assert fingerprint.file_sha256(font) != first
    small = tmp_path / "small.po"
    small.write_bytes(b"x")
    fingerprint.file_sha256(small)
    assert hash_cache.stored_hash(small, small.stat()) is None


def test_small_font_hashes_are_kept_between_processes_and_a_changed_one_rehashed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The theme's fonts under MIN_BYTES (Sarabun, 90 kB) were hashed again by every
    # process; a small catalog beside them is not kept (it may be edited all day).
    from msc_leaflet.build import fingerprint, hash_cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(hash_cache, "SETTLE_SECONDS", 0.0)
    monkeypatch.setattr(hash_cache, "_loaded", None)
    monkeypatch.setattr(fingerprint, "_cache", {})
    font = tmp_path / "Small-Regular.TTF"
    font.write_bytes(b"\x00\x01\x00\x00 a small font")
    assert font.stat().st_size < hash_cache.MIN_BYTES
    first = fingerprint.file_sha256(font)
    monkeypatch.setattr(hash_cache, "_loaded", None)  # a new process reads the store
    monkeypatch.setattr(fingerprint, "_cache", {})
    assert hash_cache.stored_hash(font, font.stat()) == first
    before = font.stat().st_mtime_ns
    font.write_bytes(b"\x00\x01\x00\x00 a SMALL font")  # same size, new content
    os.utime(font, ns=(before, before + 1_000_000))
    monkeypatch.setattr(fingerprint, "_cache", {})
    assert hash_cache.stored_hash(font, font.stat()) is None
    assert fingerprint.file_sha256(font) not in (first, None)
    catalog = tmp_path / "ui.po"
    catalog.write_bytes(b'msgid ""')
    fingerprint.file_sha256(catalog)
    assert hash_cache.stored_hash(catalog, catalog.stat()) is None


def test_a_locale_no_font_covers_fails_its_jobs_not_the_batch(
    project: Project, tmp_path: Path
) -> None:
    # Before forking, the parent typesets each locale's page words and date to warm the
    # workers up. Korean's date ("2027년") is Hangul, which no bundled font has: the
    # warm-up raised, and `build -j2` stopped as an internal error (exit 70) without
    # building English, where -j1 reported each Korean job with the script to add.
    report = run_batch(project, locales=["en", "ko"], out_dir=tmp_path / "out", jobs=2)
    assert statuses(report) == {
        "en/one.pdf": "built",
        "en/two.pdf": "built",
        "ko/one.pdf": "failed",
        "ko/two.pdf": "failed",
    }
    failed = [o.message for o in report.outcomes if o.status == "failed"]
    assert all("Hangul" in message for message in failed)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_locale_folder_no_font_covers_fails_only_its_jobs(
    project: Project, tmp_path: Path, jobs: int
) -> None:
    # locales/dv with empty catalogs: its jobs printed English PDFs with exit 0. Now they
    # fail, naming the script and the key to add, and every other locale still builds.
    from msc_leaflet.i18n import workflow

    workflow.init_locale(project, "th")
    workflow.init_locale(project, "dv")
    report = run_batch(project, out_dir=tmp_path / "out", jobs=jobs)
    assert statuses(report) == {
        "en/one.pdf": "built",
        "en/two.pdf": "built",
        "th/one.pdf": "built",
        "th/two.pdf": "built",
        "dv/one.pdf": "failed",
        "dv/two.pdf": "failed",
    }
    failed = [o.message for o in report.outcomes if o.status == "failed"]
    assert all("Thaana script" in m and "fonts: scripts: Thaa" in m for m in failed), failed
    assert not (tmp_path / "out" / "dv").exists() or not list((tmp_path / "out" / "dv").iterdir())


def test_a_dry_run_shows_the_shard_it_was_given(project: Project, tmp_path: Path) -> None:
    """`--dry-run --shard 1/2` listed every job: a CI matrix could not see what one of
    its machines would build."""
    args = ["build", "--project", str(project.root), "--out", str(tmp_path / "o"), "--dry-run"]
    lines = {
        k: CliRunner().invoke(app, [*args, "--shard", f"{k}/2"]).stdout.splitlines() for k in (1, 2)
    }
    assert len(lines[1]) == len(lines[2]) == 1 and lines[1] != lines[2]
    assert sorted(lines[1] + lines[2]) == sorted(CliRunner().invoke(app, args).stdout.splitlines())


def test_a_dry_run_with_json_is_one_json_document(project: Project, tmp_path: Path) -> None:
    """`--json` promises one JSON document on stdout; a dry run printed its plain lines."""
    out = tmp_path / "o"
    run_batch(project, ["one"], out_dir=out)
    result = CliRunner().invoke(
        app, ["build", "--project", str(project.root), "--out", str(out), "--dry-run", "--json"]
    )
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert document["dry_run"] is True and document["rebuild"] == 1 and document["failed"] == 0
    assert {(o["output"], o["status"], o["reason"]) for o in document["outputs"]} == {
        ("en/one.pdf", "up to date", ""),
        ("en/two.pdf", "rebuild", "never built"),
    }
    assert not (out / "en" / "two.pdf").exists()


def test_a_huge_jobs_number_starts_no_more_workers_than_the_machine_can_run(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`-j 1000` started one process per job: 135 outputs (5 leaflets × 9 locales × 3
    editions) were 135 processes of ~150 MB each on a 2-core laptop. The workers are now
    at most four per core, and the build says so."""
    from msc_leaflet.build import workers

    monkeypatch.setattr(workers, "cpu_cores", lambda: 2)
    assert worker_count([1.0] * 135, 1000) == 8
    assert worker_count([1.0] * 3, 1000) == 3
    assert worker_count([1.0] * 135, 5) == 5  # what the user asked, within reason
    result = CliRunner().invoke(
        app, ["build", "--project", str(project.root), "-o", str(tmp_path / "o"), "-j", "1000"]
    )
    assert result.exit_code == 0, result.stderr
    assert "-j 1000: 8 workers at most (4 per CPU core;" in result.stderr


def test_a_package_in_a_virtual_environment_inside_the_project_is_named_as_a_package(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A clinic that keeps its virtual environment in the project (``.venv``, as the
    README's commands make one) had its fonts recorded as ``.venv/lib/python3.11/…``:
    another machine's Python or environment folder named other files."""
    from msc_leaflet.build import fingerprint

    folder = project.root / ".venv" / "lib" / "python3.11" / "site-packages" / "fontpkg_x"
    (folder / "files").mkdir(parents=True)
    font = folder / "files" / "X-Regular.ttf"
    font.write_bytes(b"font")
    monkeypatch.setattr(
        fingerprint, "_package_folder", lambda name: folder if name == "fontpkg_x" else None
    )
    assert fingerprint.describe(project, font) == "python:fontpkg_x/files/X-Regular.ttf"
    assert fingerprint.resolve(project, "python:fontpkg_x/files/X-Regular.ttf") == font


@pytest.mark.parametrize(
    ("file", "old", "new"),
    [
        ("organisations/test-clinic.yaml", "Test Clinic", "Renamed Clinic"),
        ("leaflets/one.yaml", "Short text", "Edited text"),
    ],
)
def test_a_file_saved_between_the_jobs_of_a_leaflet_is_read_by_the_next_job(
    project: Project,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    file: str,
    old: str,
    new: str,
) -> None:
    """The jobs of one leaflet share what the first one loaded (#20), but only while its
    files are as they were: one saved meanwhile is what the next job prints, and the
    job built from the old one is built again next time."""
    from pypdf import PdfReader

    from msc_leaflet.build import build as build_module

    edited = project.root / file
    real = build_module.build_loaded
    calls: list[str] = []

    def saved_after_the_first(*args: object, **kwargs: object) -> object:
        result = real(*args, **kwargs)  # type: ignore[arg-type]
        if not calls:
            edited.write_text(edited.read_text().replace(old, new))
        calls.append("built")
        return result

    monkeypatch.setattr(build_module, "build_loaded", saved_after_the_first)
    out = tmp_path / "out"
    first = run_batch(project, ["one"], ["en", "th"], out_dir=out, force=True)
    assert list(statuses(first).values()) == ["built", "built"]
    second_output = out / first.outcomes[1].job.output
    text = " ".join(page.extract_text() for page in PdfReader(second_output).pages)
    assert new in " ".join(text.split())
    monkeypatch.setattr(build_module, "build_loaded", real)
    again = statuses(run_batch(project, ["one"], ["en", "th"], out_dir=out))
    first_output = first.outcomes[0].job.output
    assert again == {first_output: "built", first.outcomes[1].job.output: "skipped"}


def test_a_link_to_a_package_file_is_named_by_where_it_leads_now(
    project: Project, tmp_path: Path
) -> None:
    """A package's own files are named once per process (#20); a project file that is
    a link into a package is named by its target every time it is asked."""
    from msc_leaflet.build.fingerprint import PACKAGE, describe
    from msc_leaflet.typeset.font_files import font_files

    font = font_files()[0]
    assert describe(project, font) == describe(project, font)
    assert describe(project, font).startswith(PACKAGE)
    link = project.root / "fonts" / "body.ttf"
    link.parent.mkdir()
    link.symlink_to(font)
    assert describe(project, link) == describe(project, font)
    own = project.root / "fonts" / "own.ttf"
    own.write_bytes(font.read_bytes())
    link.unlink()
    link.symlink_to(own)
    assert describe(project, link) == "fonts/own.ttf"


def test_a_pdf_another_build_renamed_in_last_is_not_recorded_as_this_ones(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two builds of one output at once, across a save: one started before the author
    saved the leaflet and renamed its PDF (of the old text) in just after this one had
    written the new. This build hashed the file it found for its record: the manifest
    then said the PDF of the old text was built from the new, and every later build
    skipped it as up to date. The record holds the hash of the bytes this build wrote."""
    from msc_leaflet.build import build as build_module

    out = tmp_path / "out"
    run_batch(project, ["one"], out_dir=out)
    older = (out / "en" / "one.pdf").read_bytes()
    leaflet = project.leaflet_path("one")
    leaflet.write_text(leaflet.read_text("utf-8").replace("Short text", "Saved text"), "utf-8")
    real = write_atomic

    def other_build_renames_after(path: Path, data: bytes, **how: Any) -> bool:
        written = real(path, data, **how)
        (path.parent / "other.tmp").write_bytes(older)  # the other build's PDF
        os.replace(path.parent / "other.tmp", path)
        return written

    monkeypatch.setattr(build_module, "write_atomic", other_build_renames_after)
    assert statuses(run_batch(project, ["one"], out_dir=out)) == {"en/one.pdf": "built"}
    monkeypatch.undo()
    assert statuses(run_batch(project, ["one"], out_dir=out)) == {"en/one.pdf": "built"}
    assert (out / "en" / "one.pdf").read_bytes() != older


def test_a_leaflet_saved_during_its_build_is_listed_as_saved(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The author saves a new title while the leaflet builds. The build recorded the
    leaflet's facts (title, version, review date) as it had loaded them, under the hash
    of the file saved since: `list` then showed the old title and version for the new
    file, until some later build happened to load it again."""
    from msc_leaflet.build import build as build_module

    out = project.root / "build"  # where `list` looks
    leaflet = project.leaflet_path("one")
    saved = leaflet.read_text("utf-8").replace("A sample leaflet", "A saved title")
    saved = saved.replace('version: "2.1"', 'version: "3.0"')
    real = write_atomic

    def author_saves_meanwhile(path: Path, data: bytes, **how: Any) -> bool:
        leaflet.write_text(saved, "utf-8")
        return real(path, data, **how)

    monkeypatch.setattr(build_module, "write_atomic", author_saves_meanwhile)
    run_batch(project, ["one"], out_dir=out)
    monkeypatch.undo()
    result = CliRunner().invoke(app, ["list", "--project", str(project.root)])
    assert result.exit_code == 0, result.output
    [row] = [line for line in result.output.splitlines() if line.startswith("one")]
    assert "A saved title" in row and "3.0" in row


def test_a_strict_build_prints_the_version_it_checked(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--strict loads the leaflet, lays it out, and checks it, reading the file again.
    The author saving in between (the claim taken out of one copy and put back in
    another, a `git checkout` of the leaflet) made a PDF of one version pass on the
    checks of another: a promise of cure printed by a run that said it was fit to
    print. A file changed during the job now makes it start again from the new file,
    so what is written is what was checked."""
    from msc_leaflet.build import build as build_module
    from pdfread import page_texts

    out = tmp_path / "out"
    leaflet = project.leaflet_path("one")
    checked = leaflet.read_text("utf-8")
    leaflet.write_text(checked.replace("Short text", "This treatment cures arthritis"), "utf-8")
    real = build_module.refuse_unless_printable
    saves: list[str] = []

    def author_saves_meanwhile(*args: object) -> None:
        if not saves:
            saves.append(checked)
            leaflet.write_text(checked, "utf-8")
        real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(build_module, "refuse_unless_printable", author_saves_meanwhile)
    report = run_batch(project, ["one"], out_dir=out, options=Options(strict=True))
    assert statuses(report) == {"en/one.pdf": "built"}, report.outcomes[0].message
    text = " ".join(page_texts(out / "en" / "one.pdf"))
    assert "cures" not in text and "Short text" in text
    monkeypatch.undo()
    report = run_batch(project, ["one"], out_dir=out, options=Options(strict=True))
    assert statuses(report) == {"en/one.pdf": "skipped"}  # recorded as the file it is


def test_a_leaflet_saved_during_every_attempt_fails_naming_it_and_keeps_the_old_pdf(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from msc_leaflet.build import build as build_module

    out = tmp_path / "out"
    run_batch(project, ["one"], out_dir=out)
    before = (out / "en" / "one.pdf").read_bytes()
    leaflet = project.leaflet_path("one")
    real = build_module.refuse_unless_printable
    saves: list[int] = []

    def autosave(*args: object) -> None:  # an editor saving on its own, again and again
        saves.append(len(saves))
        leaflet.write_text(leaflet.read_text("utf-8") + f"# save {len(saves)}\n", "utf-8")
        real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(build_module, "refuse_unless_printable", autosave)
    report = run_batch(project, ["one"], out_dir=out, options=Options(strict=True))
    [outcome] = report.outcomes
    assert outcome.status == "failed" and len(saves) == 3
    assert (
        str(leaflet) in outcome.message
        and "changed while the PDF was being made" in outcome.message
    )
    assert "Traceback" not in outcome.message
    assert (out / "en" / "one.pdf").read_bytes() == before


@pytest.mark.parametrize("read", [1, 2], ids=["planning", "job"])
def test_a_leaflet_read_half_saved_is_read_again_once_saved(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, read: int
) -> None:
    """Editors that save in place (VS Code, nano) empty the file, then write it: a build
    reading it at that moment found half a leaflet, and failed with a YAML error at a
    line that is fine, though the file was whole a moment later. A file that changed
    since the job hashed it is read again instead."""
    from msc_leaflet.content import loader
    from pdfread import page_texts

    out = tmp_path / "out"
    leaflet = project.leaflet_path("one")
    whole = leaflet.read_text("utf-8").replace("Short text", "Saved text")
    real = loader.load_leaflet
    reads: list[int] = []

    def read_mid_save(path: Path, *args: object, **kwargs: object) -> object:
        reads.append(len(reads))
        if len(reads) == read:  # the editor has written the first half so far
            leaflet.write_text(whole[: len(whole) // 2] + '\n  - paragraph: "unfinished', "utf-8")
            try:
                return real(path, *args, **kwargs)  # type: ignore[arg-type]
            finally:
                leaflet.write_text(whole, "utf-8")  # and now the rest
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(loader, "load_leaflet", read_mid_save)
    report = run_batch(project, ["one"], out_dir=out)
    assert statuses(report) == {"en/one.pdf": "built"}, report.outcomes[0].message
    assert len(reads) > read
    assert "Saved text" in " ".join(page_texts(out / "en" / "one.pdf"))


def test_a_strict_build_refused_leaves_the_draft_untouched_and_says_so(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """A draft of a leaflet, then `build --strict` for the press, refused (the review is
    overdue): the draft stayed at en/old.pdf, named as the print file would be, the
    manifest dropped its record without a word, and the print shop was sent the draft.
    The draft is left as it was (nothing lost, nothing half-written), the failure says
    it is an earlier build's, and the manifest records the failure and that file."""
    text = leaflet_yaml(SHORT, leaflet_id="old")
    text = text.replace("published: 2026-01-01", "published: 2019-01-01")
    text = text.replace("next_review: 2027-01-01", "next_review: 2020-01-01")
    project = Project.at(make_project({"old": text}))
    out = tmp_path / "out"
    assert statuses(run_batch(project, out_dir=out)) == {"en/old.pdf": "built"}
    draft = (out / "en" / "old.pdf").read_bytes()
    before = sorted(p.name for p in (out / "en").iterdir())
    [refused] = run_batch(project, out_dir=out, options=Options(strict=True)).outcomes
    assert refused.status == "failed" and "--strict" in refused.message
    assert "en/old.pdf is an earlier build's, left as it was" in refused.message
    assert (out / "en" / "old.pdf").read_bytes() == draft
    assert sorted(p.name for p in (out / "en").iterdir()) == before  # no temporary file
    manifest = load_manifest(out / "manifest.json")
    assert "en/old.pdf" not in manifest.outputs
    failure = manifest.failures["en/old.pdf"]
    assert failure.options["strict"] is True and "--strict" in failure.message
    assert failure.earlier == hashlib.sha256(draft).hexdigest()
    assert str(tmp_path) not in failure.message  # a record kept, not this machine's paths
    # A build that succeeds again is the output's record; the failure is history.
    assert statuses(run_batch(project, out_dir=out)) == {"en/old.pdf": "built"}
    manifest = load_manifest(out / "manifest.json")
    assert "en/old.pdf" in manifest.outputs and manifest.failures == {}
    assert b'"failures"' not in (out / "manifest.json").read_bytes()


def test_a_strict_build_refused_with_nothing_before_it_records_no_earlier_file(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    text = leaflet_yaml(SHORT, leaflet_id="old")
    text = text.replace("next_review: 2027-01-01", "next_review: 2020-01-01")
    text = text.replace("published: 2026-01-01", "published: 2019-01-01")
    project = Project.at(make_project({"old": text}))
    out = tmp_path / "out"
    [refused] = run_batch(project, out_dir=out, options=Options(strict=True)).outcomes
    assert refused.status == "failed" and "earlier build" not in refused.message
    assert not (out / "en").exists() or not any((out / "en").iterdir())
    assert load_manifest(out / "manifest.json").failures["en/old.pdf"].earlier == ""


@pytest.mark.parametrize("locale", ["de", "fr_CA"])
def test_a_dry_run_warns_of_a_missing_catalog_as_the_build_does(
    project: Project, tmp_path: Path, locale: str
) -> None:
    """`build --dry-run -l de` (no de catalog) said "rebuild … never built" and nothing
    more, while the build itself warned that every text would print untranslated;
    with --strict the build refuses it, and the dry run must say so too."""
    args = ["build", "one", "-l", locale, "-p", str(project.root), "-o", str(tmp_path / "o")]
    said = f"no {locale} catalog for leaflet 'one': every text is printed untranslated"
    dry = CliRunner().invoke(app, [*args, "--dry-run"])
    assert dry.exit_code == 0 and said in dry.stderr, dry.output
    document = json.loads(CliRunner().invoke(app, [*args, "--dry-run", "--json"]).stdout)
    [output] = document["outputs"]
    assert output["status"] == "rebuild", output
    assert any(said in w["message"] for w in output["warnings"]), output
    strict = CliRunner().invoke(app, [*args, "--dry-run", "--strict"])
    built = CliRunner().invoke(app, [*args, "--strict"])
    assert strict.exit_code == built.exit_code == 1, strict.output + built.output
    assert said in strict.stderr and "--strict:" in strict.stderr, strict.output
    real = CliRunner().invoke(app, args)
    assert real.exit_code == 0 and said in real.stderr, real.output
    assert not CliRunner().invoke(app, [*args, "--dry-run"]).stderr  # up to date: no news


def test_the_glossary_rebuilds_the_translations_whose_warnings_it_changes(
    project: Project, tmp_path: Path
) -> None:
    """A translation's I18N020 warnings, recorded with its output, read the glossary's
    kept terms (`i18n.kept_terms`): a term kept must judge a Thai draft again, and leave
    the source language's outputs alone."""
    out = tmp_path / "out"
    run_batch(project, ["one"], ["en", "th"], out)
    project.locales_dir.mkdir(exist_ok=True)
    (project.locales_dir / "glossary.yaml").write_text(GLOSSARY)
    result = statuses(run_batch(project, ["one"], ["en", "th"], out))
    assert result == {"en/one.pdf": "skipped", "th/one.pdf": "built"}
