"""Inline waivers: a block's ``note:`` may silence one check for that block, with a reason.

Written as ``note: "waive: CLAIM002 — quoting the FDA wording"`` (an em dash, ``--``,
``-`` or ``:`` before the reason; several waivers may share a note). The leaflet format
has no key for this, and the note is already where an author explains a block to the
translator, so the reason is read by both. A waiver applies to findings whose line
falls inside the block, in the source and in every translation of it.

A waiver of a claim (a `Check.pinned` code) names the sentences it was written for by
their fingerprints, ``waive: CLAIM001 @1a2b3c4d — …`` (`pin_of`; each finding's hint
gives its own): the reason is true of the sentence a reviewer read, not of a claim
written into the block later, nor of that sentence once reworded.

A waiver without a reason (WAIVE001), for an unknown code (WAIVE002), or of a claim
with no pin (WAIVE004) does not silence anything; a waiver, or a pin, that silenced
nothing (WAIVE003) is stale.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from yaml.nodes import MappingNode, ScalarNode

from ..content.yaml_source import ORGANISATION, load_yaml, where
from ..errors import LeafletError, Location
from .registry import declare
from .source import BlockSource, SourceMap

_WAIVER = re.compile(
    r"\bwaive:\s*(?P<code>[A-Za-z][A-Za-z0-9]*\d{3})\b(?P<pins>(?:\s*@\w+)*)"
    r"\s*(?:(?:—|–|--|-|:)\s*)?(?P<reason>.*?)\s*(?=;?\s*\bwaive:|$)",
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
    "WAIVE004",
    "error",
    "A waiver of a claim must name the sentences it is for, or it silences a claim "
    "written into the block later.",
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
    pins: tuple[str, ...] = ()  # "@1a2b3c4d": the sentences it is for (`pin_of`)

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
    return [waiver for block in source.blocks for waiver in _in_note(block)]


def profile_waivers(path: Path) -> list[Waiver]:
    """The waivers in an organisation profile's ``note:``, for the claims in its printed
    fields (one finding for the project, at the profile's line): a clinic cannot
    rename itself in a leaflet's block."""
    try:
        root = load_yaml(path, ORGANISATION)
    except (LeafletError, OSError):  # a model built in code, or a profile the loader refused
        return []
    if not isinstance(root, MappingNode):
        return []
    for key, value in root.value:
        if key.value == "note" and isinstance(value, ScalarNode):
            whole = BlockSource(1, root.end_mark.line + 1, str(value.value), where(path, value))
            return _in_note(whole)
    return []


def _in_note(block: BlockSource) -> list[Waiver]:
    if block.note_location is None:
        return []
    found = []
    for match in _WAIVER.finditer(block.note):
        reason = match.group("reason").strip().rstrip(";").strip()
        pins = tuple(pin.lower() for pin in re.findall(r"@\w+", match["pins"]))
        found.append(Waiver(match.group("code").upper(), reason, block, block.note_location, pins))
    return found


#: Hex digits of a pin: enough that two sentences of one block never share one.
PIN_DIGITS = 8


def pin_of(sentence: str) -> str:
    """The fingerprint a waiver names a sentence by ("@1a2b3c4d"): of its words as read
    (markup and citations left out), however the YAML folds its lines."""
    words = " ".join(sentence.split())
    return "@" + hashlib.sha256(words.encode("utf-8")).hexdigest()[:PIN_DIGITS]
