"""``build/manifest.json``: what each output was built from, and what it is.

One entry per output (by path relative to the output folder): the leaflet, locale,
fingerprint and hashed inputs, page count, size, SHA-256 and warnings; and one per
leaflet file: what planning and `msc-leaflet list` need to know of it. It is derived
data, written atomically, with sorted keys so it diffs cleanly, and holds nothing that
differs between runs or machines: the same build writes the same bytes (how long each
output took is in ``build --json``). Shards of a split build write their own and are
combined with `merge`.
"""

from __future__ import annotations

import io
import json
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import MISSING, Field, dataclass, field, fields
from pathlib import Path
from typing import Any, TypeVar, get_args, get_origin, get_type_hints

from .. import __version__
from ..errors import Finding, LeafletError, Location
from ..files import file_error, make_folder, read_input, write_atomic

FORMAT = 3  # 2: sources carry the title, version and review date; 3: no build times


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
    # Whether a catalog it printed holds a fuzzy translation of one of its texts: only
    # then does --allow-fuzzy change it (`batch.fingerprinted`). Unknown (a record
    # written before this was kept) counts as yes, so the option is never ignored.
    fuzzy: bool = True
    # The options it was built with, as given (`Options.as_dict`; the fingerprint holds
    # them as they shape the bytes): `preview` draws the file as built, and builds it
    # again so, instead of replacing a print file with a screen build. Empty: unknown.
    options: dict[str, object] = field(default_factory=dict)


@dataclass
class SourceEntry:
    """Facts about a leaflet file cached by its hash, so planning and listing need no
    YAML parsing (loading a leaflet costs more than all the rest of `list`)."""

    sha256: str
    language: str
    title: str
    version: str
    review: str  # the next review date, ISO 8601


@dataclass
class FailureEntry:
    """The last build of an output failed: why (``message``, as `build` said it) and
    with which options (`Options.as_dict`). A failed build writes nothing; the PDF at
    the output's path, if any, is an earlier build's, left as it was: ``earlier`` is
    its sha256 ("" when there was none). Without this, a --strict build refused for
    print left the draft before it in the folder, and nothing told it from a print file."""

    message: str
    options: dict[str, object]
    earlier: str = ""


_Entry = TypeVar("_Entry", OutputEntry, SourceEntry, FailureEntry)


@dataclass
class Manifest:
    outputs: dict[str, OutputEntry] = field(default_factory=dict)
    sources: dict[str, SourceEntry] = field(default_factory=dict)
    #: Outputs whose last build failed (`FailureEntry`); written only when there is one,
    #: so a manifest of good builds reads as it always did.
    failures: dict[str, FailureEntry] = field(default_factory=dict)
    #: Why the file this was read from could not be used (`load_manifest`), "" if it
    #: could or there was none. Not written: it is about the file, not the outputs.
    problem: str = field(default="", compare=False)

    def note(self, path: Path) -> Finding | None:
        """The warning a build gives about the manifest at ``path`` it could not use."""
        if not self.problem:
            return None
        return Finding(
            Location(path),
            "warning",
            f"{self.problem}: every output is rebuilt, and the manifest written anew",
            "nothing to do; this build replaces it (keep a copy first if another "
            "msc-leaflet wrote it)",
        )

    def to_bytes(self) -> bytes:
        """The manifest as UTF-8 JSON, indented, keys sorted.

        Encoded chunk by chunk into one buffer: `json.dumps` with an indent runs the
        Python encoder, which keeps a string object for every one of its ~130 chunks per
        output before joining them. On 400 outputs that list peaked at +10.3 MB for a
        2 MB file; the buffer at +2.3 MB (issue #20: the whole CLI's memory grew with
        the library). Same bytes, same speed."""
        data = {
            "format": FORMAT,
            "tool": f"msc-leaflet {__version__}",
            "outputs": {key: _fields(entry) for key, entry in sorted(self.outputs.items())},
            "sources": {key: _fields(entry) for key, entry in sorted(self.sources.items())},
        }
        if self.failures:
            data["failures"] = {k: _fields(entry) for k, entry in sorted(self.failures.items())}
        encoder = json.JSONEncoder(indent=2, sort_keys=True, ensure_ascii=False)
        buffer = io.BytesIO()
        write = buffer.write
        for chunk in encoder.iterencode(data):
            write(chunk.encode("utf-8"))
        write(b"\n")
        return buffer.getvalue()


def _fields(entry: OutputEntry | SourceEntry | FailureEntry) -> dict[str, Any]:
    """An entry's fields as JSON writes them. Not `dataclasses.asdict`, which copies every
    value deeply: writing a 400-output manifest peaked at 12.1 MB with the copies, 9.8
    without, and the copies took 22 ms where the fields take 0.6 (issue #20)."""
    return {f.name: getattr(entry, f.name) for f in fields(entry)}


def manifest_path(out_dir: Path) -> Path:
    return out_dir / "manifest.json"


#: What to do about an output folder the tool cannot use.
OUT_HINT = "choose another output folder (-o), or make this one a folder you can write to"


def load_manifest(path: Path) -> Manifest:
    """The manifest at ``path``; a missing or damaged one means "nothing is known" (it is
    derived data: everything is rebuilt). One the user may not read is an error: the
    next write would replace it, dropping the records of every other output."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            # A named pipe there made the build wait for a writer for ever.
            raise LeafletError(
                Location(path),
                "is not a regular file",
                "a folder or special file stands where the manifest should be; remove it "
                "to rebuild everything",
            )
        raw = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return Manifest()
    except OSError as exc:
        hint = "let yourself read and write it (chmod u+rw), or delete it to rebuild everything"
        raise file_error(path, exc, "read", hint) from None
    try:
        data: Any = _json(raw)
        found = data.get("format")
        if found != FORMAT:
            return Manifest(problem=_other_format(found, data.get("tool")))
        return Manifest(
            outputs={k: OutputEntry(**v) for k, v in data.get("outputs", {}).items()},
            sources={k: SourceEntry(**v) for k, v in data.get("sources", {}).items()},
            failures={k: FailureEntry(**v) for k, v in data.get("failures", {}).items()},
        )
    except (ValueError, TypeError, AttributeError):
        return Manifest(problem="the manifest cannot be read (cut short or damaged)")


def _other_format(found: object, tool: object) -> str:
    """Why a manifest of format ``found`` (written by ``tool``) is not used."""
    shown = isinstance(tool, str) and len(tool) <= 80 and tool.isprintable()
    writer = tool if shown else "another msc-leaflet"
    if isinstance(found, int) and not isinstance(found, bool) and found > FORMAT:
        return (
            f"the manifest was written by a newer msc-leaflet ({writer}, format {found}) than "
            f"this one (msc-leaflet {__version__} reads format {FORMAT})"
        )
    return f"the manifest was written by an older msc-leaflet ({writer}), in another format"


def _json(raw: bytes) -> Any:
    """The JSON document ``raw``, as a `ValueError` when it is none this tool could have
    written: not UTF-8 or not JSON, nested deeper than the reader recurses, or holding
    half a character (JSON may escape a lone surrogate, "\\ud800", which no file can
    hold: writing the manifest back failed with UnicodeEncodeError)."""
    try:
        data = json.loads(raw.decode("utf-8"))
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except (RecursionError, UnicodeError) as exc:
        raise ValueError(f"not a manifest this tool wrote: {type(exc).__name__}") from None
    return data


def prepare_output_folder(out_dir: Path, *, create: bool = True) -> None:
    """Refuse an output folder the build could not write, before any job runs: a file
    (or ``/dev/null``) in its place, or a folder the user may not write. Every job would
    fail on it, and then the manifest. With ``create``, the folder is made and its
    manifest's lock file opened, proving a build can be recorded there."""
    if out_dir.exists() and not out_dir.is_dir():
        raise LeafletError(Location(out_dir), "the output folder is a file", OUT_HINT)
    if create:
        make_folder(out_dir, OUT_HINT)
        os.close(_open_lock(manifest_path(out_dir)))


def save_manifest(path: Path, manifest: Manifest) -> None:
    write_atomic(path, manifest.to_bytes())


@dataclass
class Changes:
    """What one build run found out: outputs it built, outputs that failed (their old
    record is stale) and why (``failures``, of the jobs that ran), the leaflets' facts,
    and the leaflets withdrawn from the project with none of their PDFs left (their
    facts are stale). Applied to the manifest as it is on disk when the run ends, not
    as it was when the run began."""

    outputs: dict[str, OutputEntry] = field(default_factory=dict)
    failed: set[str] = field(default_factory=set)
    sources: dict[str, SourceEntry] = field(default_factory=dict)
    withdrawn: set[str] = field(default_factory=set)
    failures: dict[str, FailureEntry] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.outputs or self.failed or self.sources or self.withdrawn)

    def apply(self, manifest: Manifest) -> None:
        for key in self.failed:
            manifest.outputs.pop(key, None)
            manifest.failures.pop(key, None)  # a failure to plan, or a record forgotten
        for leaflet in self.withdrawn:
            manifest.sources.pop(leaflet, None)
        manifest.failures.update(self.failures)
        for key in self.outputs:
            manifest.failures.pop(key, None)  # built since: the failure is history
        manifest.outputs.update(self.outputs)
        manifest.sources.update(self.sources)


def record_changes(path: Path, changes: Changes) -> None:
    """Merge ``changes`` into the manifest at ``path`` under an exclusive lock.

    Two builds into one folder at once (two terminals, two CI steps) used to read the
    manifest at their start and write it at their end: the second write dropped the
    first build's records. Re-reading under a lock makes each write add to the other's.
    """
    make_folder(path.parent, OUT_HINT)
    with _locked(path):
        manifest = load_manifest(path)
        changes.apply(manifest)
        save_manifest(path, manifest)


def write_merged(path: Path, shards: list[Path]) -> Manifest:
    """Merge the ``shards`` (`merge`) and write the result to ``path``, under the lock
    every build takes to record its outputs there (`record_changes`).

    `manifest merge -o build/manifest.json` wrote without it: a build finishing in the
    same folder meanwhile had its records replaced, or replaced the merged ones, with no
    word. The shards are read under the lock too, so one of them may be ``path``."""
    make_folder(path.parent, OUT_HINT)
    with _locked(path):
        merged = merge(shards)
        save_manifest(path, merged)
    return merged


def _open_lock(path: Path) -> int:
    """The lock file beside the manifest at ``path``, open for `_locked`."""
    try:
        return os.open(path.with_name(f".{path.name}.lock"), os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise file_error(path.parent, exc, "write", OUT_HINT) from None


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive lock on the manifest at ``path`` while the block runs."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks; concurrent builds are not merged
        yield
        return
    fd = _open_lock(path)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def merge(paths: list[Path]) -> Manifest:
    """Combine shard manifests; two shards may not claim the same output differently.

    Every shard is read strictly (`read_shard`): the merged manifest replaces the real
    one, so a shard that silently counted as empty would drop its outputs from it.
    """
    merged = Manifest()
    for path in paths:
        part = read_shard(path)
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
        merged.failures.update(part.failures)
    return merged


def refuse_replacing_other(path: Path, hint: str) -> None:
    """Refuse to write the merged manifest over a file that is no manifest.

    ``manifest merge shard.json -o leaflets/infusion-safety.yaml`` (a slip of the
    shell's completion) replaced the leaflet with JSON and said "merged". A manifest,
    even a damaged one called ``manifest.json``, is derived data and may be replaced,
    as a build replaces it; anything else is someone's work."""
    if not path.is_file() or path.name == "manifest.json":
        return
    try:
        data: Any = _json(read_input(path))
    except (LeafletError, ValueError):
        data = None
    if isinstance(data, dict) and "format" in data and isinstance(data.get("outputs"), dict):
        return
    raise LeafletError(
        Location(path),
        "is not a msc-leaflet manifest: writing the merged manifest there would replace it",
        f"{hint}; if this file may go, delete it first",
    )


#: What to do about a shard manifest `merge` cannot use.
SHARD_HINT = "rebuild this shard with this version of msc-leaflet, or leave it out of the merge"


def read_shard(path: Path) -> Manifest:
    """The manifest at ``path``, or a `LeafletError` naming the file (and the entry) that
    cannot be read in full. Unlike `load_manifest`, nothing is "derived data, rebuild it":
    a damaged entry or another format is an error, never an empty manifest."""
    raw = read_input(path)
    try:
        data: Any = _json(raw)
    except ValueError:
        data = None
    if not isinstance(data, dict) or not isinstance(data.get("outputs"), dict):
        raise LeafletError(Location(path), "not a msc-leaflet manifest", SHARD_HINT)
    _check_format(path, data)
    sources, failures = data.get("sources", {}), data.get("failures", {})
    for name, part in (("sources", sources), ("failures", failures)):
        if not isinstance(part, dict):
            raise LeafletError(Location(path), f"the manifest's {name} are damaged", SHARD_HINT)
    return Manifest(
        outputs={k: _entry(path, "output", k, v, OutputEntry) for k, v in data["outputs"].items()},
        sources={k: _entry(path, "source", k, v, SourceEntry) for k, v in sources.items()},
        failures={k: _entry(path, "failure", k, v, FailureEntry) for k, v in failures.items()},
    )


def _check_format(path: Path, data: dict[str, Any]) -> None:
    """Refuse a shard of another manifest format: its entries mean something else."""
    found = data.get("format")
    if found == FORMAT:
        return
    tool = data.get("tool") if isinstance(data.get("tool"), str) else "an unknown version"
    if isinstance(found, int) and found > FORMAT:
        raise LeafletError(
            Location(path),
            f"manifest format {found} is newer than this msc-leaflet reads (format {FORMAT})",
            f"merge with the msc-leaflet that wrote it ({tool}), or upgrade msc-leaflet",
        )
    raise LeafletError(
        Location(path), f"manifest format {found!r} is not format {FORMAT}", SHARD_HINT
    )


def _entry(path: Path, kind: str, key: str, value: Any, cls: type[_Entry]) -> _Entry:
    """One output or source record of a shard, checked field by field so the message
    names what is wrong in the user's words rather than Python's."""
    where = f"{kind} {key}"
    if not isinstance(value, dict):
        raise LeafletError(Location(path), f"{where}: the entry is not a record", SHARD_HINT)
    known = {f.name: f for f in fields(cls)}
    missing = [n for n, f in known.items() if _required(f) and n not in value]
    unknown = sorted(set(value) - set(known))
    types = get_type_hints(cls)
    wrong = [n for n, v in value.items() if n in known and not _fits(v, types[n])]
    for problem, names in (("missing", missing), ("unknown", unknown), ("wrong type", wrong)):
        if names:
            listed = ", ".join(names)
            raise LeafletError(
                Location(path), f"{where}: damaged entry ({problem}: {listed})", SHARD_HINT
            )
    return cls(**value)


def _required(f: Field[Any]) -> bool:
    return f.default is MISSING and f.default_factory is MISSING


def _fits(value: Any, kind: Any) -> bool:
    """Whether a JSON ``value`` is of the field type ``kind`` (str, int, float, bool,
    dict or list of str; a dict of any JSON scalars for ``dict[str, object]``); a
    number written as 3 is a float too, true is no number."""
    origin = get_origin(kind) or kind
    if origin is bool or isinstance(value, bool):
        return origin is bool and isinstance(value, bool)
    if origin is float:
        return isinstance(value, int | float)
    if origin in (dict, list):
        items = value.values() if isinstance(value, dict) else value
        scalar = (str, int, float, bool, type(None)) if get_args(kind)[-1] is object else str
        return isinstance(value, origin) and all(isinstance(i, scalar) for i in items)
    return isinstance(value, origin)
