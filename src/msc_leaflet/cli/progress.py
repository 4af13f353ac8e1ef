"""How a batch build tells the truth about what it did: live progress, summary, JSON.

A terminal gets a Rich progress bar with counts and ETA; anything else (CI logs) gets
one plain line per output. The summary and the JSON document are built from the same
`BatchReport`, so they cannot disagree.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from ..build.batch import BatchReport, Outcome, PlannedJob
from ..errors import escaped, headline, read_finding, shown_name
from .streams import json_text


def outcome_line(outcome: Outcome) -> str:
    job = shown_name(escaped(outcome.job.output))
    if outcome.status == "built":
        return f"built   {job} ({_pages(outcome.pages)}, {outcome.seconds:.2f} s)"
    if outcome.status == "skipped":
        return f"skipped {job} (up to date)"
    return f"FAILED  {job}\n{_indent(outcome.message)}"


def _pages(count: int) -> str:
    """ "1 page", "3 pages": every clinic's first build is of a one-page starter."""
    return f"{count} page" if count == 1 else f"{count} pages"


def _indent(text: str) -> str:
    return "\n".join(f"  {line}" for line in text.splitlines())


def summary(report: BatchReport) -> str:
    pages = sum(o.pages for o in report.outcomes if o.status in ("built", "skipped"))
    lines = [
        f"{report.count('built')} built, {report.count('skipped')} skipped, "
        f"{report.count('failed')} failed · {_pages(pages)} · {report.seconds:.2f} s"
    ]
    failures = [o for o in report.outcomes if o.status == "failed"]
    if failures:
        lines.append("failures:")
        lines += [f"- {shown_name(escaped(o.job.output))}: {headline(o.message)}" for o in failures]
    return "\n".join(lines)


def _problem(outcome: Outcome, root: Path) -> dict[str, object] | None:
    """Why ``outcome`` failed, keyed as ``check --json`` keys a finding; None when it
    did not, or failed inside the tool (no place to name: ``message`` says it)."""
    return outcome.problem.as_dict(root) if outcome.problem else None


def _warnings(warnings: Sequence[str], root: Path) -> list[dict[str, object]]:
    """An output's warnings, each once, keyed as ``check --json`` keys a finding (as its
    ``problem`` is): kept as text (`Outcome.warnings`, the manifest), read back here."""
    return [read_finding(warning).as_dict(root) for warning in dict.fromkeys(warnings)]


def _warned(said: Sequence[tuple[str, Sequence[str]]], root: Path) -> list[dict[str, object]]:
    """Every warning of a run once, keyed as a finding, with ``outputs``: the outputs
    that warned of it, in ``said``'s order (output, its warnings). A ``ui.po`` missing
    for a language is one warning for every leaflet built in it: the text output says
    it once, and a script counting the outputs' lists counted it once per leaflet."""
    outputs: dict[str, list[str]] = {}
    for output, warnings in said:
        for warning in dict.fromkeys(warnings):
            outputs.setdefault(warning, []).append(output)
    return [read_finding(w).as_dict(root) | {"outputs": o} for w, o in outputs.items()]


def _findings(report: BatchReport | None, failures: list[Outcome], root: Path) -> list[Any]:
    """The notes about the run and the failures' problems, each once: ``--json``'s
    ``findings``, the one list a script reads for every place a build found wrong."""
    found = [note.as_dict(root) for note in report.notes] if report else []
    found += [problem for o in failures if (problem := _problem(o, root))]
    return list({json_text(f): f for f in found}.values())


def as_json(report: BatchReport, root: Path) -> str:
    """``build --json``; files in ``findings`` and ``problem`` are named from the
    project at ``root``, whatever the working folder (``notes`` and ``message`` are
    the text output's lines, kept for the scripts that read them)."""
    failures = [o for o in report.outcomes if o.status == "failed"]
    ordered = sorted(report.outcomes, key=lambda o: o.job)
    document: dict[str, Any] = {
        "built": report.count("built"),
        "skipped": report.count("skipped"),
        "failed": report.count("failed"),
        "seconds": round(report.seconds, 3),
        "notes": [str(note) for note in report.notes],
        "findings": _findings(report, failures, root),
        "warned": _warned([(o.job.output, o.warnings) for o in ordered], root),
        "outputs": [
            {
                "output": o.job.output,
                "leaflet": o.job.leaflet_id,
                "locale": o.job.locale,
                "status": o.status,
                "pages": o.pages,
                "seconds": round(o.seconds, 3),
                "message": o.message,
                "problem": _problem(o, root),
                "warnings": _warnings(o.warnings, root),
            }
            for o in ordered
        ],
    }
    return json_text(document)


def dry_run_lines(planned: list[PlannedJob]) -> list[str]:
    return [
        f"rebuild {p.job.output}: {p.reason}" if p.reason else f"up to date {p.job.output}"
        for p in sorted(planned, key=lambda p: p.job)
    ]


def dry_run_json(planned: list[PlannedJob], failures: list[Outcome], root: Path) -> str:
    """What `dry_run_lines` says, for scripts: one document, the outputs a dry run of
    ``--json`` would build ("rebuild", with the reason), skip ("up to date") or could
    not plan ("failed", with the message), keyed as `as_json` keys a build's."""
    outputs: list[dict[str, Any]] = [
        {
            "output": p.job.output,
            "leaflet": p.job.leaflet_id,
            "locale": p.job.locale,
            "status": "rebuild" if p.reason else "up to date",
            "reason": p.reason,
            "message": "",
            "problem": None,
            "warnings": _warnings(p.warnings, root),
        }
        for p in planned
    ] + [
        {
            "output": o.job.output,
            "leaflet": o.job.leaflet_id,
            "locale": o.job.locale,
            "status": "failed",
            "reason": "",
            "message": o.message,
            "problem": _problem(o, root),
            "warnings": [],
        }
        for o in failures
    ]
    document: dict[str, Any] = {
        "dry_run": True,
        "rebuild": sum(1 for p in planned if p.reason),
        "up_to_date": sum(1 for p in planned if not p.reason),
        "failed": len(failures),
        "findings": _findings(None, failures, root),
        "warned": _warned(
            [(p.job.output, p.warnings) for p in sorted(planned, key=lambda p: p.job)], root
        ),
        "outputs": sorted(outputs, key=lambda o: (o["output"], o["status"])),
    }
    return json_text(document)


def _dumb_terminal() -> bool:
    """A terminal that cannot move its cursor (``TERM=dumb``: Emacs' shell and compilation
    buffers): Rich draws no bar there, and the build printed nothing until its summary."""
    return os.environ.get("TERM", "") == "dumb"


class LiveProgress:
    """A Rich progress bar on a terminal, plain lines otherwise; silent when quiet."""

    def __init__(self, quiet: bool, stream: TextIO | None = None) -> None:
        self.quiet = quiet
        self.stream = stream or sys.stdout
        self.bar: Any = None
        self.task: Any = None

    def start(self, planned: list[PlannedJob]) -> None:
        if self.quiet or not self.stream.isatty() or _dumb_terminal():
            return
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        self.bar = Progress(
            TextColumn("building"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
            TextColumn("{task.description}"), transient=True,
        )  # fmt: skip
        self.task = self.bar.add_task("", total=len(planned))
        self.bar.start()

    def update(self, outcome: Outcome) -> None:
        if self.bar is not None:
            self.bar.update(self.task, advance=1, description=outcome.job.output)
            if outcome.status == "failed":
                self.bar.console.print(outcome_line(outcome))
        elif not self.quiet or outcome.status == "failed":
            print(
                outcome_line(outcome),
                file=self.stream if outcome.status != "failed" else sys.stderr,
            )

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()
