"""The command line's kept regular expressions (`msc_leaflet.cli.regex_code`): a
pattern compiled from the kept program is the pattern Python compiles, a second start
parses nothing it has kept, and a damaged, refused or unwritable cache costs only the
compilation (issue #20)."""

from __future__ import annotations

import json
import marshal
import os
import subprocess
import sys
from pathlib import Path

import pytest

# Runs in a fresh interpreter whose user cache folder is the test's: `import
# msc_leaflet.cli` installs the kept programs as the command does.
PROGRAM = r"""
import json, re, sys, threading
import msc_leaflet.cli
from msc_leaflet.cli import regex_code

parsed = []
real_parse = re._compiler._parser.parse
def counting_parse(pattern, *args, **kwargs):
    parsed.append(pattern)
    return real_parse(pattern, *args, **kwargs)
re._compiler._parser.parse = counting_parse

SAMPLES = ["Take 2 tablets at 8 a.m.", "ผู้ป่วย ๒ เม็ด", "İstanbul straße ΣΊΣΥΦΟΣ",
           "(?P<x>)", "a\nb\nc", "ပါ၊ ငါး", "e-mail: me@example.org", ""]
PATTERNS = [
    (r"(?P<count>\d+)\s+(?P<unit>tablets?)", 0),
    (r"ผู้\S*|[\u0e01-\u0e2e]+", 0),
    (r"strasse|σίσυφος", re.IGNORECASE),
    (r"^(\w)$", re.MULTILINE),
    (r"(?x) [a-z]+ @ [a-z.]+  # an address", 0),
    (r"(?<=\s)[\u1000-\u109f]+(?=၊)?", 0),
    (r"(a)|(b)|(?P<c>c)", re.ASCII | re.IGNORECASE),
]

def described(pattern):
    return {
        "pattern": pattern.pattern, "flags": pattern.flags, "groups": pattern.groups,
        "groupindex": dict(pattern.groupindex),
        "found": [[m.span(), m.groups(), m.groupdict()] for text in SAMPLES
                  for m in pattern.finditer(text)],
        "split": [pattern.split(text) for text in SAMPLES],
    }

found = [described(re.compile(text, flags)) for text, flags in PATTERNS]
found.append([m.group(0).decode() for m in re.finditer(rb"[a-z]+(\d)?", b"ab1 c")])
in_threads = []
def compile_in_thread(n):
    in_threads.append(described(re.compile(rf"(x{{{n}}})(y)?")))
threads = [threading.Thread(target=compile_in_thread, args=(n,)) for n in range(1, 9)]
[thread.start() for thread in threads]
[thread.join() for thread in threads]
print(json.dumps({
    "parsed": sum(1 for p in parsed if isinstance(p, (str, bytes))),
    "found": found,
    "threads": sorted(in_threads, key=lambda d: d["pattern"]),
}, sort_keys=True))
"""


def _run(cache_home: Path, **env: str) -> dict[str, object]:
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    environment.update(XDG_CACHE_HOME=str(cache_home), **env)
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM], capture_output=True, text=True, check=True,
        env=environment,
    )  # fmt: skip
    assert done.stderr == ""  # nothing said at exit, whether the cache was written or not
    result: dict[str, object] = json.loads(done.stdout)
    return result


def _without_the_cache() -> dict[str, object]:
    """The same program on Python's own compiler: the cache's install undone."""
    program = PROGRAM.replace("import msc_leaflet.cli\n", "").replace(
        "from msc_leaflet.cli import regex_code\n", ""
    )
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def _kept(cache_home: Path) -> Path:
    (kept,) = (cache_home / "msc-leaflet").glob("regex.*.bin")
    return kept


@pytest.fixture(scope="module")
def as_python_compiles() -> dict[str, object]:
    return _without_the_cache()


def test_a_kept_program_matches_as_python_compiles_it(
    tmp_path: Path, as_python_compiles: dict[str, object]
) -> None:
    first = _run(tmp_path)
    second = _run(tmp_path)
    assert first.pop("parsed") != 0
    assert second.pop("parsed") == 0  # every pattern came from the kept programs
    expected = {k: v for k, v in as_python_compiles.items() if k != "parsed"}
    assert first == expected
    assert second == expected


def test_a_damaged_cache_is_compiled_again_and_replaced(
    tmp_path: Path, as_python_compiles: dict[str, object]
) -> None:
    _run(tmp_path)
    kept = _kept(tmp_path)
    kept.write_bytes(b"\x00 not marshal \xff")
    again = _run(tmp_path)
    assert again.pop("parsed") != 0
    assert again["found"] == as_python_compiles["found"]
    assert _run(tmp_path)["parsed"] == 0


def test_a_program_the_regex_engine_refuses_is_compiled_again(
    tmp_path: Path, as_python_compiles: dict[str, object]
) -> None:
    """A file that reads as marshal but holds a broken program (sealed as a sound one
    is, so it reaches `_sre`): `_sre` refuses it and the pattern is parsed again, never
    matched by a wrong program."""
    from msc_leaflet.sealed import seal, unseal

    _run(tmp_path)
    kept = _kept(tmp_path)
    entries = marshal.loads(kept.read_bytes())
    for key, raw in entries.items():
        unsealed = unseal(raw)
        assert unsealed is not None
        flags, code, *names = marshal.loads(unsealed)
        entries[key] = seal(marshal.dumps((flags, code[: len(code) // 2], *names)))
    kept.write_bytes(marshal.dumps(entries))
    again = _run(tmp_path)
    assert again.pop("parsed") != 0
    assert again == {k: v for k, v in as_python_compiles.items() if k != "parsed"}


def test_nothing_is_written_where_bytecode_may_not_be(tmp_path: Path) -> None:
    read_only = _run(tmp_path, PYTHONDONTWRITEBYTECODE="1")
    assert read_only["parsed"] != 0
    assert not list((tmp_path / "msc-leaflet").glob("regex.*.bin"))
    (tmp_path / "a-file").write_text("where the cache folder should be")
    assert _run(tmp_path / "a-file")["parsed"] != 0


def test_the_library_leaves_python_s_compiler_as_it_found_it() -> None:
    """Only the command line installs the kept programs: a program that imports the
    library compiles with Python's own `re`."""
    done = subprocess.run(
        [sys.executable, "-c",
         "import re, msc_leaflet, msc_leaflet.build; "
         "print(type(re._compiler._sre).__name__)"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert done.stdout.strip() == "module"


def test_a_kept_program_damaged_inside_is_parsed_again_never_matched(
    tmp_path: Path, as_python_compiles: dict[str, object]
) -> None:
    """A kept program whose numbers changed (a letter 'a', 97, read as 'b': two bits of
    a failing disk) still passed `_sre`'s check, and matched wrongly with no word said:
    ``[a-z]+`` stopped at every 'a', and a claim pattern would miss its word. An entry
    is kept with a checksum; one that does not match it is parsed again."""
    _run(tmp_path)
    kept = _kept(tmp_path)
    entries = marshal.loads(kept.read_bytes())
    a, b = (97).to_bytes(4, "little"), (98).to_bytes(4, "little")
    entries = {key: raw.replace(a, b) for key, raw in entries.items()}
    kept.write_bytes(marshal.dumps(entries))
    again = _run(tmp_path)
    assert again.pop("parsed") != 0
    assert again == {k: v for k, v in as_python_compiles.items() if k != "parsed"}


def test_each_command_keeps_its_own_programs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``check`` keeps a pattern for each text it reads (9 MB for the bundled library):
    in a file it shared with ``build``, every build read and held them."""
    from msc_leaflet.cli.regex_code import cache_file, command_of

    assert command_of(["msc-leaflet", "--debug", "build", "-l", "th"]) == "build"
    assert command_of(["msc-leaflet", "i18n", "check", "-l", "th"]) == "i18n"
    assert command_of(["-c"]) == command_of(["msc-leaflet", "../../x"]) == "other"
    assert command_of(["msc-leaflet", "Build\n"]) == "other"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    build, check = cache_file(["msc-leaflet", "build"]), cache_file(["msc-leaflet", "check"])
    assert (
        build
        and check
        and build != check
        and build.parent == check.parent == tmp_path / "msc-leaflet"
    )
