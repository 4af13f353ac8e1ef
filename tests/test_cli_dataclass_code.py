"""The command line's kept dataclass methods (`msc_leaflet.cli.dataclass_code`): the
classes behave exactly as without it, a second start compiles nothing it has kept, and
a damaged or unwritable cache costs only the compilation (issue #20)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import REPO

# Runs in a fresh interpreter: the module is loaded from its file, so the package's own
# `install()` (run by `import msc_leaflet.cli`) does not touch the user's cache first.
PROGRAM = """
import dataclasses, importlib.util, json, sys
from pathlib import Path
spec = importlib.util.spec_from_file_location("dc", sys.argv[1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
compiled = []
def counting_compile(*args, **kwargs):
    compiled.append(args[0])
    return compile(*args, **kwargs)
module.compile = counting_compile
module.install(Path(sys.argv[2]))

@dataclasses.dataclass(frozen=True)
class Dose:
    amount: float
    unit: str = "mL"
    notes: tuple = dataclasses.field(default_factory=tuple)

@dataclasses.dataclass(order=True)
class Visit:
    day: int
    room: str

dose = Dose(2.5)
try:
    dose.amount = 3
    frozen = False
except dataclasses.FrozenInstanceError:
    frozen = True
print(json.dumps({
    "compiled": len(compiled),
    "repr": repr(dose),
    "equal": Dose(2.5) == dose and Dose(2.5, "L") != dose,
    "hash": hash(Dose(2.5)) == hash(dose),
    "frozen": frozen,
    "order": Visit(1, "b") < Visit(2, "a"),
    "default": Dose(1).notes == (),
}))
"""
MODULE = REPO / "src/msc_leaflet/cli/dataclass_code.py"


def _run(cache: Path, **env: str) -> dict[str, object]:
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM, str(MODULE), str(cache)],
        capture_output=True, text=True, check=True, env={**environment, **env},
    )  # fmt: skip
    assert done.stderr == ""  # nothing said at exit, whether the cache was written or not
    result: dict[str, object] = json.loads(done.stdout)
    return result


#: Dose: __init__ __repr__ __eq__ __hash__ __setattr__ __delattr__; Visit: __init__
#: __repr__ __eq__ __lt__ __le__ __gt__ __ge__.
COMPILED = 13
EXPECTED = {
    "repr": "Dose(amount=2.5, unit='mL', notes=())",
    "equal": True,
    "hash": True,
    "frozen": True,
    "order": True,
    "default": True,
}


def test_a_second_start_compiles_no_method_it_kept(tmp_path: Path) -> None:
    cache = tmp_path / "dataclasses.bin"
    first = _run(cache)
    assert first.pop("compiled") == COMPILED
    assert first == EXPECTED
    assert cache.exists()
    second = _run(cache)
    assert second.pop("compiled") == 0
    assert second == EXPECTED


def test_a_damaged_cache_is_compiled_again_and_replaced(tmp_path: Path) -> None:
    cache = tmp_path / "dataclasses.bin"
    cache.write_bytes(b"\x00 not marshal \xff")
    first = _run(cache)
    assert first.pop("compiled") == COMPILED
    assert first == EXPECTED
    assert _run(cache)["compiled"] == 0


def test_nothing_is_written_where_bytecode_may_not_be(tmp_path: Path) -> None:
    cache = tmp_path / "dataclasses.bin"
    read_only = _run(cache, PYTHONDONTWRITEBYTECODE="1")
    assert read_only.pop("compiled") == COMPILED
    assert read_only == EXPECTED
    assert not cache.exists()
    (tmp_path / "a-file").write_text("where the cache folder should be")
    unwritable = tmp_path / "a-file" / "dataclasses.bin"
    assert _run(unwritable)["compiled"] == COMPILED


def test_a_cache_of_the_older_form_is_compiled_again_and_replaced(tmp_path: Path) -> None:
    """msc-leaflet before `KeptFile` kept code objects, not their marshalled bytes: such
    a file is read as none (and never run), then written in the form read now."""
    import marshal

    cache = tmp_path / "dataclasses.bin"
    code = compile("def __init__(self): pass", "<string>", "exec")
    cache.write_bytes(marshal.dumps({"def __init__(self): pass": code}))
    first = _run(cache)
    assert first.pop("compiled") == COMPILED
    assert first == EXPECTED
    assert _run(cache)["compiled"] == 0


def test_a_cache_of_another_shape_is_compiled_again_and_replaced(tmp_path: Path) -> None:
    """A cache that reads as a dictionary but holds no code (texts where code should
    be, another version's format) stopped every command at start with a traceback
    ("source code string cannot contain null bytes") until the user found and deleted
    the file. It is damaged like any other, and costs only the compilation."""
    import marshal

    cache = tmp_path / "dataclasses.bin"
    first = _run(cache)
    assert first.pop("compiled") == COMPILED
    entries = marshal.loads(cache.read_bytes())
    cache.write_bytes(marshal.dumps({text: marshal.dumps(text) for text in entries}))
    again = _run(cache)
    assert again.pop("compiled") == COMPILED
    assert again == EXPECTED
    assert _run(cache)["compiled"] == 0


def _damaged(raw: bytes) -> bytes:
    """``raw`` with one bit flipped in its middle, as a failing disk or a cut copy leaves
    a file: it still reads as marshal, but is no longer the code that was kept."""
    middle = len(raw) // 2
    return raw[:middle] + bytes([raw[middle] ^ 0x10]) + raw[middle + 1 :]


def test_a_kept_method_damaged_inside_is_compiled_again_never_run(tmp_path: Path) -> None:
    """A bit flipped inside a kept code object was run as it read: the command stopped
    with "unknown opcode", "bad argument to internal function", or Python crashed
    (segmentation fault) at every start, until the user found and deleted the file. An
    entry is kept with a checksum; one that does not match it is compiled again."""
    import marshal

    cache = tmp_path / "dataclasses.bin"
    assert _run(cache).pop("compiled") == COMPILED
    entries = marshal.loads(cache.read_bytes())
    cache.write_bytes(marshal.dumps({text: _damaged(raw) for text, raw in entries.items()}))
    again = _run(cache)
    assert again.pop("compiled") == COMPILED
    assert again == EXPECTED
    assert _run(cache)["compiled"] == 0  # and written again whole
