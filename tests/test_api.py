"""The public Python API (`msc_leaflet.__init__`): every name resolves, and importing
the package or the command line stays cheap."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import msc_leaflet

HEAVY = ("reportlab", "babel", "uharfbuzz", "icu4py", "yaml", "pypdf", "pypdfium2", "PIL")


@pytest.mark.parametrize("name", [n for n in msc_leaflet.__all__ if n != "__version__"])
def test_every_public_name_resolves_and_is_documented(name: str) -> None:
    assert getattr(msc_leaflet, name) is not None
    assert re.search(rf"\b{name}\b", msc_leaflet.__doc__ or ""), f"{name} is not in the docstring"


def test_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = msc_leaflet.nope  # type: ignore[attr-defined]


@pytest.mark.parametrize("module", ["msc_leaflet", "msc_leaflet.cli.app"])
def test_import_loads_no_pipeline_dependency(module: str) -> None:
    # `msc-leaflet --help` imports both; the pipeline's libraries wait for a command.
    code = f"import sys, {module}; print(' '.join(sorted(sys.modules)))"
    loaded = set(subprocess.check_output([sys.executable, "-c", code], text=True).split())
    assert not {m for m in loaded if m.split(".")[0] in HEAVY}


def test_build_through_the_public_api(make_project: Callable[..., Path], tmp_path: Path) -> None:
    project = msc_leaflet.Project.at(make_project())
    result = msc_leaflet.build_leaflet(project, "sample", None, tmp_path / "out")
    assert result.path.is_file() and result.pages >= 1
    for expected in ("built", "skipped"):  # run_batch records a manifest; build_leaflet does not
        report = msc_leaflet.run_batch(project, out_dir=tmp_path / "batch")
        assert [outcome.status for outcome in report.outcomes] == [expected]


#: What only laying out needs: none of it belongs to `--help` or to `list` after a build.
LAYOUT_ONLY = ("reportlab.platypus", "pikepdf", "pythainlp", "uharfbuzz", "icu4py")
#: What only reading a leaflet needs: `list` after a build takes its facts from the manifest.
LOADING_ONLY = ("yaml", "msc_leaflet.content.loader")

RUN_COMMAND = """
import sys
from msc_leaflet.cli.app import main
sys.argv = ["msc-leaflet", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print("\\n" + " ".join(sorted(sys.modules)), file=sys.stderr)
"""


def command_modules(*args: str) -> set[str]:
    """The modules a fresh ``msc-leaflet ARGS`` process has imported when it ends."""
    done = subprocess.run(
        [sys.executable, "-c", RUN_COMMAND, *args], capture_output=True, text=True, check=True
    )
    return set(done.stderr.splitlines()[-1].split())


def loaded(modules: set[str], packages: tuple[str, ...]) -> set[str]:
    return {m for m in modules if any(m == n or m.startswith(n + ".") for n in packages)}


def test_help_and_list_import_nothing_of_the_layout(
    make_project: Callable[..., Path],
) -> None:
    # Not a timing test: what a command imports is what makes it slow to start (#20).
    assert not loaded(command_modules("--help"), LAYOUT_ONLY + LOADING_ONLY)
    root = make_project()
    # Nothing recorded yet: the YAML is read for the titles, but no leaflet is laid out
    # (300 leaflets took 68 s before the first line when each was, for its page count).
    before_a_build = command_modules("list", "-p", str(root))
    assert loaded(before_a_build, LOADING_ONLY) and not loaded(before_a_build, LAYOUT_ONLY)
    subprocess.run(
        [sys.executable, "-m", "msc_leaflet", "build", "-q", "-p", str(root)], check=True
    )
    assert not loaded(command_modules("list", "-p", str(root)), LAYOUT_ONLY + LOADING_ONLY)
    leaflet = next((root / "leaflets").glob("*.yaml"))
    leaflet.write_text(leaflet.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert loaded(command_modules("list", "-p", str(root)), LOADING_ONLY)  # an edit is read


def test_list_loads_a_leaflet_without_a_record_once(
    make_project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Before a build, or after an edit, `list` needs the facts: one load, and no layout
    # (the page count is the last build's, unknown until there is one).
    from msc_leaflet.cli.list import summarise
    from msc_leaflet.content import loader

    root = make_project()
    calls: list[Path] = []
    real = loader.load_leaflet

    def counted(path: Path, *args: Any, **kwargs: Any) -> Any:
        calls.append(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(loader, "load_leaflet", counted)
    rows = summarise(root)
    assert rows and rows[0].pages is None
    assert sorted(calls) == sorted(set(calls)) and len(calls) == len(rows)


def test_thai_clusters_come_without_the_pythainlp_package() -> None:
    code = (
        "import sys; from msc_leaflet.typeset.syllables import cluster_ends; "
        "print(sorted(cluster_ends('ต้องเตรียมตัว'))); "
        "print(any(m.startswith('pythainlp') for m in sys.modules))"
    )
    ends, loaded = subprocess.check_output([sys.executable, "-c", code], text=True).split("\n")[:2]
    from pythainlp.tokenize.tcc import tcc_pos

    assert ends == str(sorted(tcc_pos("ต้องเตรียมตัว")))
    assert loaded == "False"


#: Each deferred pattern, as its library reaches it (checked in a fresh interpreter:
#: in this one, a test module may have imported the library before msc_leaflet).
DEFERRED_PATTERNS = {
    "reportlab-uri": "from reportlab.platypus.paragraph import uri_pat as p",
    "reportlab-cjk-wrap": "from reportlab.lib.textsplit import rx as p",
    "yaml-non-printable": "from yaml.reader import Reader; p = Reader.NON_PRINTABLE",
    "pikepdf-xml": "from pikepdf.models.metadata._constants import re_xml_illegal_chars as p",
    "reportlab-unsafe-names": "from reportlab.lib.rl_safe_eval import __rl_unsafe_re__ as p",
    "babel-spaces": "from babel.numbers import SPACE_CHARS_RE as p",
    "babel-plural-word": "from babel.plural import _RULES; p = _RULES[1][1]",
}


@pytest.mark.parametrize("reach", DEFERRED_PATTERNS.values(), ids=DEFERRED_PATTERNS.keys())
def test_a_deferred_pattern_is_compiled_only_when_used(reach: str) -> None:
    code = f"import msc_leaflet\n{reach}\nprint(type(p).__name__, p._compiled is None)"
    assert subprocess.check_output([sys.executable, "-c", code], text=True).split() == [
        "LazyPattern",
        "True",
    ]


def test_deferred_patterns_match_as_their_libraries_expect() -> None:
    from pikepdf.models.metadata import _constants
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph
    from yaml.reader import Reader

    assert paragraph.uri_pat.match("https://example.org/a?b=1")
    assert not paragraph.uri_pat.match("not a url")
    assert textsplit.rx.sub(r"\1|", "ab中文") == "ab中|文|"
    assert Reader.NON_PRINTABLE.search("ผู้ป่วย\tok") is None
    found = Reader.NON_PRINTABLE.search("a\x07b")
    assert found is not None and found.start() == 1
    assert _constants.clean("a\x00b\ufffec") == "abc"
    from reportlab.lib import rl_safe_eval

    unsafe = rl_safe_eval.__rl_unsafe_re__
    assert unsafe.flags & re.M and unsafe.search("x.f_globals") and not unsafe.search("safe")
    from decimal import Decimal

    from babel import numbers, plural

    assert numbers.parse_decimal("1\u202f234,5", locale="fr") == Decimal("1234.5")
    assert plural.PluralRule({"one": "n is 1"})(1) == "one"
    assert plural.PluralRule({"one": "n is 1"})(2) == "other"


def test_pillow_loads_only_when_a_picture_needs_it() -> None:
    """ReportLab imports Pillow's image module at its top; it runs on first use
    (`deferred_modules`), and then works as Pillow's own."""
    code = (
        "import sys, msc_leaflet, reportlab.lib.utils as utils\n"
        "print('PIL.ExifTags' in sys.modules, utils.haveImages)\n"
        "print(utils.Image.new('L', (3, 2)).size, 'PIL.ExifTags' in sys.modules)"
    )
    lines = subprocess.check_output([sys.executable, "-c", code], text=True).splitlines()
    assert lines == ["False True", "(3, 2) True"]


def test_pyphen_runs_only_when_a_paragraph_is_hyphenated() -> None:
    """ReportLab's paragraph module imports Pyphen at its top; it runs on first use
    (`deferred_modules`): not when an output's fingerprint reads the version of every
    library that sets its bytes, and it works once a word is hyphenated."""
    code = (
        "import sys, types, msc_leaflet, reportlab.platypus.paragraph as paragraph\n"
        "from msc_leaflet.build import fingerprint\n"
        "versions = fingerprint.library_versions()\n"
        "run = lambda: type(sys.modules['pyphen']) is types.ModuleType\n"
        "print(run(), versions['pyphen'] not in ('', 'unknown'))\n"
        "from msc_leaflet.typeset.hyphenation import hyphenation_points\n"
        "print(bool(hyphenation_points('hyphenation', 'en')), run(), paragraph.pyphen.Pyphen)"
    )
    lines = subprocess.check_output([sys.executable, "-c", code], text=True).splitlines()
    assert lines == ["False True", "True True <class 'pyphen.Pyphen'>"]


#: The families of the content checks, which `msc-leaflet check` runs. A build runs
#: only the layout checks after laying out each output, and needs none of these.
CONTENT_CHECKS = tuple(
    f"msc_leaflet.checks.{family}"
    for family in (
        "loading", "references", "claims", "terminology", "readability", "dates",
        "hidden_text", "translations", "printable", "accessibility", "emphasis",
    )
)  # fmt: skip


def test_a_build_imports_only_the_checks_it_runs(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    # Not a timing test: every check family cost 2 % of a cold build's instructions (#20).
    root = make_project()
    out = str(tmp_path / "out")
    modules = command_modules("build", "-q", "-j1", "-p", str(root), "-o", out)
    assert "msc_leaflet.checks.layout" in modules and (tmp_path / "out").is_dir()
    assert not loaded(modules, CONTENT_CHECKS)
    # Nor Pillow's image core (its C module, EXIF and TIFF tables: 8-15 ms of a cold
    # build) for a leaflet with no picture: a picture's code imports it when it runs.
    assert not loaded(modules, ("PIL.ImageFile", "PIL._imaging", "PIL.ImageChops"))
    # Nor what a proof lists of a translation's changes since its sign-off (and difflib):
    # the layout names its type, a draft never reads it.
    assert "msc_leaflet.i18n.signoff_changes" not in modules
    # `check` runs them all, and --strict refuses a leaflet any of them reports as an error.
    assert loaded(command_modules("check", "-p", str(root)), CONTENT_CHECKS) == set(CONTENT_CHECKS)
    strict = ("build", "-q", "-j1", "--strict", "--force", "-p", str(root), "-o", out)
    assert loaded(command_modules(*strict), CONTENT_CHECKS) == set(CONTENT_CHECKS)


def test_a_build_finds_every_layout_check_in_the_families_it_imports() -> None:
    code = (
        "from msc_leaflet.checks.registry import all_checks, layout_checks\n"
        "print(' '.join(layout_checks()))\n"
        "print(' '.join(c.code for c in all_checks() if c.scope == 'layout'))"
    )
    found, every = subprocess.check_output([sys.executable, "-c", code], text=True).splitlines()
    assert found.split() == every.split() and found
