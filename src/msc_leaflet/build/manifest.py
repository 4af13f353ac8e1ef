"""``build/manifest.json``: what each output was built from, and what it is.

One entry per output (by path relative to the output folder): the leaflet, locale,
fingerprint and hashed inputs, page count, size, SHA-256, warnings and build time.
It is derived data, written atomically, with sorted keys so it diffs cleanly; shards
of a split build write their own and are combined with `merge`.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import LeafletError, Location
from ..files import write_atomic

FORMAT = 1


@dataclass
class OutputEntry:
    leaflet: str
    locale: str
    fingerprint: str
    inputs: dict[str, str]
    pages: int
    size: int
    sha256: str
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0


@dataclass
class SourceEntry:
    """Facts about a leaflet file cached by its hash, so planning needs no YAML parsing."""

    sha256: str
    language: str


@dataclass
class Manifest:
    outputs: dict[str, OutputEntry] = field(default_factory=dict)
    sources: dict[str, SourceEntry] = field(default_factory=dict)

    def to_json(self) -> str:
        data = {
            "format": FORMAT,
            "tool": f"msc-leaflet {__version__}",
            "outputs": {key: asdict(entry) for key, entry in sorted(self.outputs.items())},
            "sources": {key: asdict(entry) for key, entry in sorted(self.sources.items())},
        }
        return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def manifest_path(out_dir: Path) -> Path:
    return out_dir / "manifest.json"


def load_manifest(path: Path) -> Manifest:
    """The manifest at ``path``; a missing or unreadable one means "nothing is known"."""
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            return Manifest()
        return Manifest(
            outputs={k: OutputEntry(**v) for k, v in data.get("outputs", {}).items()},
            sources={k: SourceEntry(**v) for k, v in data.get("sources", {}).items()},
        )
    except (OSError, ValueError, TypeError, AttributeError):
        return Manifest()


def save_manifest(path: Path, manifest: Manifest) -> None:
    write_atomic(path, manifest.to_json().encode("utf-8"))


def merge(paths: list[Path]) -> Manifest:
    """Combine shard manifests; two shards may not claim the same output differently."""
    merged = Manifest()
    for path in paths:
        if not path.is_file():
            raise LeafletError(Location(path), "manifest not found")
        part = load_manifest(path)
        if not part.outputs and path.stat().st_size > 0:
            try:
                json.loads(path.read_text(encoding="utf-8"))["outputs"]
            except (ValueError, KeyError, TypeError):
                raise LeafletError(Location(path), "not a msc-leaflet manifest") from None
        for key, entry in part.outputs.items():
            other = merged.outputs.get(key)
            if other and other.sha256 != entry.sha256:
                raise LeafletError(
                    Location(path),
                    f"output {key} differs from the one in another manifest",
                    "merge manifests of shards of the same build only",
                )
            merged.outputs[key] = entry
        merged.sources.update(part.sources)
    return merged
