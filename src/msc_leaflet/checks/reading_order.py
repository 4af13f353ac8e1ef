"""`check`'s findings on one leaflet × locale → each named by the block it stands in, in
the order a reader meets them: the list the proof's review pages print.

A clinician approves a translation from the proof alone; `check` knew of a cure claim
(CLAIM001) in a msgstr and the proof said nothing of it. The findings are the ones
`run_checks` gives (the build calls it, it is not done again here); this module only
places them: by the block's context (its id, or "paragraph/3" for a block without one),
which the proof prints beside the block in its margin, so a reviewer finds the text a
finding is about on the page.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..content.model import Leaflet, texts
from ..errors import CheckFinding, Finding, LeafletError
from .source import SourceMap

#: Errors first, then warnings, then suggestions: what stops a print comes first.
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class PlacedFinding:
    """One finding and where the proof says it is: ``context`` is the block's context (the
    proof's margin note), a text's context outside the blocks (``title``), a catalog's
    entry (``ui.po: references``) or else the file's name."""

    context: str
    finding: Finding

    @property
    def code(self) -> str:
        return self.finding.code if isinstance(self.finding, CheckFinding) else ""

    def line(self) -> str:
        """The finding as the proof prints it: code, severity, where, what, what to do."""
        code = f"{self.code} " if self.code else ""
        f = self.finding
        hint = f" — {f.hint}" if f.hint else ""
        return f"{code}({f.severity}) {self.context}: {f.message}{hint}"


def in_reading_order(leaflet: Leaflet, findings: Sequence[Finding]) -> list[PlacedFinding]:
    """``findings`` placed (`PlacedFinding`), errors first, each severity in the order
    of the page: the title's texts, the blocks, then the rest of the leaflet's file, then
    other files (ui.po, the organisation profile)."""
    places = _Places(leaflet)
    keyed = [(places.of(f), f) for f in findings]
    keyed.sort(key=lambda item: (SEVERITY_ORDER.get(item[1].severity, 3), item[0][0]))
    return [PlacedFinding(context, finding) for (_, context), finding in keyed]


Place = tuple[tuple[int, int, int, int, str], str]  # (sort key, context)


class _Places:
    """Where in the reading order a finding's file and line are, and the context named."""

    def __init__(self, leaflet: Leaflet) -> None:
        self.leaflet = leaflet
        try:
            self.blocks = SourceMap.read(leaflet.path).blocks
        except (LeafletError, OSError):  # a leaflet built in code: no file to map
            self.blocks = []
        self.contexts = [block.context for block in leaflet.blocks if block.context]
        in_blocks = {t.context for b in leaflet.blocks for t in texts(b)}
        self.outside = [t for t in texts(leaflet) if t.context not in in_blocks]
        self.catalogs: dict[Path, list[tuple[int, str]]] = {}

    def of(self, finding: Finding) -> Place:
        path, line, column = finding.location.path, finding.location.line, finding.location.column
        if path == self.leaflet.path:
            return self._in_leaflet(line, column)
        if path.suffix == ".po" and line:
            context = self._entry_at(path, line)
            if context and path.stem == self.leaflet.id:
                for n, block in enumerate(self.contexts):
                    if context == block or context.startswith(f"{block}/"):
                        return (1, n, line, column, ""), block
                return (0, 0, line, column, ""), context
            if context:
                return (3, 0, line, column, str(path)), f"{path.name}: {context}"
        where = f"{path.name}:{line}" if line else path.name
        return (3, 1, line, column, str(path)), where

    def _in_leaflet(self, line: int, column: int) -> Place:
        if len(self.blocks) == len(self.contexts):
            for n, block in enumerate(self.blocks):
                if block.first_line <= line <= block.last_line:
                    return (1, n, line, column, ""), self.contexts[n]
        for n, text in enumerate(self.outside):
            if text.line == line:
                before = 2 if text.is_reference_title else 0
                return (before, n, line, column, ""), text.context
        return (2, 0, line, column, ""), f"{self.leaflet.path.name}:{line}"

    def _entry_at(self, path: Path, line: int) -> str:
        """The context of the catalog entry holding ``line`` ("" where none does)."""
        if path not in self.catalogs:
            from ..i18n.pofile import read_po

            try:
                active = read_po(path).active
            except (LeafletError, OSError):
                active = []
            self.catalogs[path] = sorted((e.line, e.msgctxt or e.msgid) for e in active if e.line)
        starts = self.catalogs[path]
        index = bisect.bisect_right([start for start, _ in starts], line) - 1
        return starts[index][1] if index >= 0 else ""
