"""`msc-leaflet list`: one line per leaflet, from the model and its page count.

What a build recorded in ``build/manifest.json`` answers both: a leaflet's title,
version and review date while its file is unchanged, and its page count while that PDF
is current (same inputs, same tool, default options). A leaflet without such a record
is loaded for its title, version and review date, never laid out: its page count is
unknown (``None``, printed "–") until a build counts it. Laying out every leaflet not
built since its last edit took 68 s before the first line of a 300-leaflet project
(~0.2 s a leaflet); reading its YAML takes ~0.01 s. So a listing imports no part of the
layout (ReportLab, HarfBuzz, ICU), and after a build not even the YAML parser.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from dataclasses import asdict, dataclass
from pathlib import Path

from ..build.batch import Job, current_entry, source_facts
from ..build.manifest import FailureEntry, Manifest, load_manifest, manifest_path
from ..build.options import Options
from ..content.model import Leaflet
from ..errors import Finding, LeafletError, Location, headline
from ..project import Project
from .streams import json_text


@dataclass(frozen=True)
class Summary:
    id: str
    title: str
    version: str
    review: str
    pages: int | None  # None: not built since the leaflet last changed


#: What the listing prints for a page count no current build recorded.
UNKNOWN_PAGES = "–"


def summarise(
    root: Path,
    problems: list[LeafletError] | None = None,
    failed: list[Finding] | None = None,
    each: Callable[[Summary], None] | None = None,
) -> list[Summary]:
    """A row per leaflet. One that cannot be read raises its `LeafletError`, or, when
    ``problems`` is given, is added to it and left out: one broken leaflet must not
    hide the others from `msc-leaflet list` (a clinic's project holds dozens).
    ``failed``, when given, receives a warning per output whose last build failed
    (`failed_builds`), from the same reading of the manifest. ``each``, when given, is
    called with every row as soon as it is read, so a long listing starts at once."""
    project = Project.at(root)
    out_dir = project.build_dir  # where `msc-leaflet build` writes by default
    manifest = load_manifest(manifest_path(out_dir))
    if failed is not None:
        failed += failed_builds(out_dir, manifest)
    rows = []
    loaded: dict[str, Leaflet] = {}  # leaflets changed since the last build, loaded once
    misnamed = project.misnamed_leaflets()  # skipped without a word otherwise
    if misnamed and problems is None:
        raise misnamed[0]
    if problems is not None:
        problems += misnamed
    for leaflet_id in project.leaflet_ids():
        try:
            facts = source_facts(project, leaflet_id, manifest, loaded)
            entry = current_entry(
                project, Job(leaflet_id, facts.language), manifest, out_dir, Options()
            )
            pages = entry.pages if entry else None
        except LeafletError as problem:
            if problems is None:
                raise
            problems.append(problem)
            continue
        row = Summary(leaflet_id, facts.title, facts.version, facts.review, pages)
        rows.append(row)
        if each is not None:
            each(row)
    return rows


def failed_builds(out_dir: Path, manifest: Manifest) -> list[Finding]:
    """A warning for each output in ``out_dir`` whose last build failed (the manifest's
    ``failures``): the PDF at its path, if any, is an earlier build's. The listing showed
    the leaflet's current version beside it, and a clinic sent that file to print as it."""
    found = []
    for output, failure in sorted(manifest.failures.items()):
        path = out_dir / output
        if path.is_file():
            said = "the last build of this file failed: the PDF here is an earlier build's"
        else:
            said = "the last build of this file failed: there is no PDF of it"
        cause = headline(failure.message)
        found.append(
            Finding(
                Location(path),
                "warning",
                f"{said} ({cause})" if cause else said,
                f"fix that, then build it again: {_rebuild_command(output, failure)}",
            )
        )
    return found


def _rebuild_command(output: str, failure: FailureEntry) -> str:
    """The command that builds ``output`` again with the options its failed build had."""
    locale, name = output.split("/", 1) if "/" in output else ("", output)
    command = ["msc-leaflet", "build", name.split(".")[0]] + ["-l", locale] * bool(locale)
    with suppress(ValueError):  # a record of another version: its options are not ours
        command += Options.from_dict(failure.options).flags()
    return " ".join(command)


def as_json_document(
    rows: list[Summary], problems: list[LeafletError], failed: list[Finding], root: Path
) -> str:
    """``list --json``: a row per leaflet, keyed as `Summary`; each problem once, as text
    (``problems``, as scripts read it first) and, with the failed builds, as findings
    shaped as ``check --json``'s (file named from the project at ``root``, line apart)."""
    findings = [problem.finding().as_dict(root) for problem in problems]
    findings += [warning.as_dict(root) for warning in failed]
    document = {
        "leaflets": [asdict(row) for row in rows],
        "problems": list(dict.fromkeys(map(str, problems))),
        "findings": list({json_text(f): f for f in findings}.values()),
    }
    return json_text(document)
