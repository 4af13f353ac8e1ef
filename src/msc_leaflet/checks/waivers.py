"""Inline waivers: a block's ``note:`` may silence one check for that block, with a reason.

Written as ``note: "waive: CLAIM002 — quoting the FDA wording"`` (an em dash, ``--``,
``-`` or ``:`` before the reason; several waivers may share a note). The leaflet format
has no key for this, and the note is already where an author explains a block to the
translator, so the reason is read by both. A waiver applies to findings whose line
falls inside the block, in the source and in every translation of it.

A waiver without a reason (WAIVE001) or for an unknown code (WAIVE002) does not
silence anything; a waiver that silenced nothing (WAIVE003) is stale.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import Location
from .registry import declare
from .source import BlockSource, SourceMap

_WAIVER = re.compile(
    r"\bwaive:\s*(?P<code>[A-Za-z][A-Za-z0-9]*\d{3})\b\s*(?:(?:—|–|--|-|:)\s*)?(?P<reason>.*?)"
    r"\s*(?=;?\s*\bwaive:|$)",
    re.DOTALL,
)
MIN_REASON_LETTERS = 3

declare(
    "WAIVE001",
    "error",
    "A waiver must say why the check does not apply, for the next reviewer.",
    "runner",
)
declare(
    "WAIVE002",
    "error",
    "A waiver for a code that does not exist silences nothing and hides a typo.",
    "runner",
)
declare(
    "WAIVE003",
    "warning",
    "A waiver that silences nothing is stale; remove it so it cannot hide a future finding.",
    "runner",
)


@dataclass(frozen=True)
class Waiver:
    code: str
    reason: str
    block: BlockSource
    location: Location

    @property
    def has_reason(self) -> bool:
        return len(re.findall(r"\w", self.reason)) >= MIN_REASON_LETTERS

    def covers(self, code: str, where: Location) -> bool:
        """Whether the waiver silences a ``code`` finding at ``where``: inside its block,
        in its own leaflet file (a catalog's line 19 is not the leaflet's)."""
        return (
            code == self.code
            and where.path == self.location.path
            and self.block.first_line <= where.line <= self.block.last_line
        )


def waivers(source: SourceMap) -> list[Waiver]:
    found = []
    for block in source.blocks:
        if block.note_location is None:
            continue
        for match in _WAIVER.finditer(block.note):
            reason = match.group("reason").strip().rstrip(";").strip()
            found.append(Waiver(match.group("code").upper(), reason, block, block.note_location))
    return found
