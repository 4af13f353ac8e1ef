"""Write files so that an interrupted run never leaves a half-written one behind.

Every file the tool produces goes to a temporary file in the same directory, is
flushed to disk, then atomically renamed over the target: readers see the old file
or the new one, never a mixture, and a crash leaves the previous version intact.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from .errors import LeafletError, Location, display_path, escaped

Stamp = tuple[int, int, int, int]  # size, inode, mtime_ns, ctime_ns


def file_stamp(info: os.stat_result) -> Stamp:
    """What tells one version of a file from another without reading it: the key of every
    cache of a file's content. Size and modification time are not enough: ``cp -p``
    over a file, or an unzipped one, can bring another content at the same size and
    time; the inode (a file renamed into place) and the change time (written in place),
    which ``touch`` cannot set back, tell them apart (what ``git status`` trusts too)."""
    return (info.st_size, info.st_ino, info.st_mtime_ns, info.st_ctime_ns)


def write_atomic(
    path: Path,
    data: bytes,
    *,
    overwrite: bool = True,
    before_replace: Callable[[], None] | None = None,
) -> bool:
    """Write ``data`` to ``path``; returns False (and leaves the file alone) if unchanged.

    ``before_replace`` runs once ``data`` is on disk beside ``path``, the instant before
    the rename: a caller replacing a file someone may be editing checks there that it
    is still the file it read, and raises to keep it (the temporary file is removed).
    Checked before the write, a save during the write and its fsync (milliseconds on
    a disk) was replaced without a word.

    With ``overwrite=False`` the file must be new: one already there raises
    `FileExistsError`, even if it holds ``data`` (another run made it: it is not this
    one's to report made, nor to remove on a rollback), and the temp file is
    hard-linked into place, which raises it too rather than replace a file that
    appeared meanwhile.

    Temp file in the same directory (same filesystem, so ``os.replace`` is atomic),
    flushed and fsynced before the rename, then the directory fsynced so the rename
    itself survives a power cut. Skipping identical content keeps mtimes (and diffs) quiet.
    The temp file's name holds the pid, so a later run can tell a killed writer's
    leftovers from a live one's (`remove_stale_temp_files`, run before every write).
    """
    refuse_special_target(path)
    if not overwrite and os.path.lexists(path):
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path))
    remove_stale_temp_files(path.parent)
    if _holds(path, data):
        return False
    make_folder(path.parent)
    temp = _temp_name(path)
    try:
        # The name is known before the file exists: an interrupt (Ctrl-C, SIGTERM) at
        # any point, even the instant after the file is created, can still remove it.
        # A file replaced keeps its permissions; a new one gets the user's umask, as
        # from any other program (a shared folder's 002, a private 077), by the kernel.
        kept = path.stat().st_mode & 0o777 if path.exists() else None
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666 if kept is None else 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if kept is not None:
            os.chmod(temp, kept)
        if before_replace is not None:
            before_replace()
        if overwrite:
            os.replace(temp, path)
        else:
            try:
                os.link(temp, path)
            finally:
                os.unlink(temp)
    except BaseException as exc:
        if not isinstance(exc, FileExistsError):  # that file is not ours to remove
            with contextlib.suppress(OSError):
                os.unlink(temp)
        if isinstance(exc, FileExistsError) and not overwrite:
            raise
        if isinstance(exc, OSError):  # disk full, permissions: the user's to fix
            raise file_error(path, exc, "write") from None
        raise
    with contextlib.suppress(OSError):
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    return True


@contextmanager
def folder_locked(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` while the block runs, waiting for another
    run that holds it: two commands reading, changing and writing back one file in it
    (``signoff.yaml``) then take turns, and neither drops what the other added.

    The folder itself is locked (``flock`` on its descriptor), so no lock file is left
    in a project under version control, and the lock ends with the process, however
    it ends. Where there is no such lock (Windows) or the file system refuses one (some
    network shares), the block runs unlocked, as it always did."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    make_folder(folder)
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as exc:
        raise file_error(folder, exc, "read") from None
    try:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def refuse_special_target(path: Path, hint: str = "") -> None:
    """Refuse to write over anything but a regular file (or nothing) at ``path``.

    The rename in `write_atomic` would silently replace a named pipe or a device (as
    root, ``/dev/null`` itself) with a regular file, and a folder gives no name to put
    a temporary file beside (``-o .``). ``hint`` says what to name instead.
    """
    what = standing_there(path)
    if what is None:
        return  # a file, nothing there, or unreachable: the write itself reports that
    raise LeafletError(
        Location(path),
        f"is {what}, where a file must be written",
        hint or "name a file to write instead, or remove or rename what stands there",
    )


def standing_there(path: Path) -> str | None:
    """What stands at ``path`` where a file should be, in words ("a folder", "a special
    file (...)"); None for a regular file, nothing, or what cannot be looked at (the
    reader or writer that follows reports that). Asked without opening: a named pipe
    opened for reading waits for a writer for ever."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode):
        return None
    return "a folder" if stat.S_ISDIR(mode) else "a special file (a named pipe or a device)"


def _holds(path: Path, data: bytes) -> bool:
    """Whether ``path`` already holds ``data``. A file that cannot be read is refused,
    not replaced: its replacement would inherit the mode that hid it, and a file the
    user may not read is seldom one the tool should overwrite unasked."""
    if not path.is_file():
        return False
    try:
        return path.read_bytes() == data
    except OSError as exc:
        hint = "each run replaces it: let yourself read and write it (chmod u+rw), or remove it"
        raise file_error(path, exc, "read", hint) from None


def make_folder(folder: Path, hint: str = "") -> None:
    """Create ``folder`` and its parents, as a `LeafletError` when it cannot be one:
    a file in its place (or in a parent's), a folder the user may not write.
    ``hint`` says what to do instead (another output folder, for instance)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # FileExistsError is mkdir's word for a file standing there
        resolved(folder)  # a link that loops is one too: say that, not "is a file"
        blocker = _file_in_the_way([*reversed(folder.parents), folder])
        if blocker is not None:
            raise _not_a_folder(blocker, hint) from None
        raise file_error(folder, exc, "write", hint) from None


def _file_in_the_way(paths: list[Path]) -> Path | None:
    """The first of ``paths`` (outermost first) that is there but is no folder: the one
    the user has to move, which the OS error (on the path asked for) does not name."""
    return next((p for p in paths if os.path.lexists(p) and not p.is_dir()), None)


def _not_a_folder(path: Path, hint: str) -> LeafletError:
    return LeafletError(
        Location(path),
        "is a file, where a folder must be",
        hint or "remove or rename the file, or choose another folder",
    )


# What an OSError means for the user, by errno: the reason in plain words, and the
# usual remedy (a caller that knows better passes its own hint).
_REASONS = {
    errno.EACCES: ("permission denied", "ask its owner, or change its permissions (chmod)"),
    errno.EPERM: ("permission denied", "ask its owner, or change its permissions (chmod)"),
    errno.ENOSPC: ("no space left on the disk", "free some space, then run the command again"),
    errno.EDQUOT: ("disk quota exceeded", "free some space, then run the command again"),
    errno.EROFS: ("the file system is read-only", "choose a place you can write to"),
    errno.ENOTDIR: ("a file stands where a folder should be", "remove or rename that file"),
    errno.EISDIR: ("a folder stands where a file should be", "remove or rename that folder"),
    errno.ENOENT: ("no such file or folder", ""),
    errno.ELOOP: (
        "a loop of links: following them never reaches a file",
        "remove the link, or point it at the file or folder it stands for",
    ),
    errno.ENAMETOOLONG: ("the name is too long for the file system", "use a shorter name"),
}
# A caller's hint is for the usual failures (permissions); these say what to do themselves.
_OWN_REMEDY = frozenset({errno.ELOOP, errno.ENAMETOOLONG})


def file_error(path: Path, exc: OSError, doing: str, hint: str = "") -> LeafletError:
    """``exc``, raised while ``doing`` ("read", "write") ``path``, as the one message a
    user sees for it: ``PATH: error: cannot write: permission denied`` and what to do.
    The one translation of a file system failure: no exception name, no errno."""
    if exc.errno == errno.ENOTDIR and (blocker := _file_in_the_way([*reversed(path.parents)])):
        return _not_a_folder(blocker, hint)
    reason, usual = _REASONS.get(exc.errno or 0, ((exc.strerror or "failed").lower(), ""))
    if exc.errno in _OWN_REMEDY:
        hint = usual
    return LeafletError(Location(path), f"cannot {doing}: {reason}", hint or usual)


def resolved(path: Path, location: Location | None = None) -> Path:
    """``path`` made absolute with every link followed, as a `LeafletError` (at
    ``location``, else at the path) when the file system cannot name it: links that
    loop (`Path.resolve` raises RuntimeError for them before Python 3.13, OSError after)
    or a name too long for it (`Path.is_file` raises that one instead of answering).
    A path that does not exist yet is fine: it may be a file about to be written."""
    try:
        result = path.resolve()
    except RuntimeError:  # "Symlink loop from ...", before Python 3.13
        raise _unnamable(path, errno.ELOOP, location) from None
    except UnicodeEncodeError:
        raise _unencodable(path, location) from None
    except OSError as exc:
        raise _unnamable(path, exc.errno or errno.ELOOP, location) from None
    try:
        os.stat(result)
    except OSError as exc:  # not there (yet), or not ours to look at: the reader says so
        if exc.errno in _OWN_REMEDY:
            raise _unnamable(path, exc.errno, location) from None
    return result


def _unnamable(path: Path, code: int, location: Location | None) -> LeafletError:
    reason, hint = _REASONS.get(code, _REASONS[errno.ELOOP])
    if location is None or location == Location(path):  # the message is on the path itself
        return LeafletError(Location(path), reason, hint)
    shown = display_path(path)
    shown = shown if len(shown) <= 200 else f"{shown[:100]}…{shown[-60:]}"
    return LeafletError(location, f"path {shown!r}: {reason}", hint)


def _unencodable(path: Path, location: Location | None) -> LeafletError:
    """A name typed in a leaflet or theme (``figure: images/ภาพ.png``) that this process
    cannot hand to the file system: Python names files in the locale's encoding, ASCII
    under ``LC_ALL=C`` with ``PYTHONUTF8=0`` (a minimal container, a cron job), so the
    build failed as ``internal error: UnicodeEncodeError``. The file is there; the
    process has to run in a UTF-8 locale to name it."""
    encoding = sys.getfilesystemencoding()
    where = location or Location(path)
    return LeafletError(
        where,
        f"path {escaped(str(path.name))!r}: this msc-leaflet cannot name the file: it"
        f" passes file names to the system as {encoding}, which has no letters for it"
        " (the locale is not UTF-8: LC_ALL or LANG is C or POSIX)",
        "run it in a UTF-8 locale (export LC_ALL=C.UTF-8, or PYTHONUTF8=1), or rename"
        " the file with ASCII letters",
    )


def _temp_name(path: Path) -> Path:
    """``.<name>.<pid>.<8 random>.tmp`` beside ``path``, not yet taken."""
    while True:
        temp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
        if not temp.exists():  # O_EXCL in the caller settles a race
            return temp


# ``.<name>.<pid>.<random>.tmp`` as made by `write_atomic`; older versions wrote no pid.
_TEMP_NAME = re.compile(r"\..+?(?:\.(?P<pid>\d+))?\.[a-z0-9_]{8}\.tmp")
_STARTED = time.time()  # when this process (or the parent it was forked from) started


def remove_stale_temp_files(folder: Path) -> list[Path]:
    """Delete the temporary files a killed run of this tool left in ``folder``.

    SIGKILL (or a power cut) ends a process without running any cleanup, so a
    temporary file can survive `write_atomic`. One is stale when it was last written
    before this process started and the process named in it is gone; a run still
    writing (this one, or a parallel build) keeps its files. Returns what was removed.
    """
    removed = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            match = _TEMP_NAME.fullmatch(entry.name)
            if not match or not entry.is_file(follow_symlinks=False):
                continue
            with contextlib.suppress(OSError):
                pid = match.group("pid")
                written = entry.stat().st_mtime
                if written >= _STARTED or (pid and _may_be_writing(int(pid), written)):
                    continue
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def remove_stale_output_temp_files(out_dir: Path) -> list[Path]:
    """`remove_stale_temp_files` in an output folder and its locale folders (where
    `output_name` puts each PDF). Run by every build, even one with nothing to do: a
    build killed while writing ``th/x.pdf``, followed by builds that wrote nothing
    into ``th/``, left its half-written temporary file in the folder a print shop
    copies, for good."""
    removed = remove_stale_temp_files(out_dir)
    with contextlib.suppress(OSError):
        for entry in os.scandir(out_dir):
            if entry.is_dir(follow_symlinks=False):
                removed += remove_stale_temp_files(Path(entry.path))
    return removed


#: Seconds a process's start time, as /proc gives it, may be off: the boot time it
#: counts from is whole seconds.
_CLOCK_SLACK = 2.0


def _may_be_writing(pid: int, written: float) -> bool:
    """Whether process ``pid`` may be the writer of a temporary file last written at
    ``written`` (a time.time()), still at work. Not if no such process runs, if it is
    a zombie (a killed process stays one until its parent, or init, reaps it), or if it
    started after the file was last written: the pid was taken again by another
    process. That happens every run in a container, where the build is pid 1 and its
    workers get the same few pids; such a file was kept for ever. When unsure (another
    user's process, no /proc on macOS), the file is kept."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OverflowError:
        return True  # no pid at all
    except PermissionError:
        pass  # another user's process: /proc may still say when it started
    state, started = _process_state(pid)
    if state == "Z":
        return False
    return started is None or started <= written + _CLOCK_SLACK


def _process_state(pid: int) -> tuple[str, float | None]:
    """The state letter of process ``pid`` and when it started (a time.time()), from
    Linux's /proc; ("", None) where that cannot be read."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[-1].split()
        ticks = int(fields[19])  # field 22, starttime: clock ticks after boot
        boot = next(
            float(line.split()[1])
            for line in Path("/proc/stat").read_text().splitlines()
            if line.startswith("btime ")
        )
        return fields[0], boot + ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration):
        return "", None


def open_input(path: Path) -> BinaryIO:
    """``path`` opened for reading, as a `LeafletError` when it cannot be a file the tool
    reads: opened without blocking and checked on the open descriptor, so a folder, a
    FIFO (which would block the build forever) or a device where a file should be is
    refused before a byte is read."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        if os.path.islink(path):  # "file not found" of a name the user sees listed
            raise LeafletError(
                Location(path),
                f"{path.name} is a link to {os.readlink(path)}, which does not exist",
                "point the link at the file, or remove it",
            ) from None
        raise LeafletError(Location(path), "file not found") from None
    except OSError as exc:
        raise file_error(path, exc, "read") from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        # Checked before os.fdopen, which refuses a folder with IsADirectoryError.
        os.close(fd)
        raise LeafletError(
            Location(path),
            "is not a regular file",
            "a folder or special file stands where this file should be; remove or rename it",
        )
    return os.fdopen(fd, "rb")


def optional_file(path: Path) -> bool:
    """Whether the optional file ``path`` (a project's theme, settings or glossary) is
    there to read: False when nothing stands at its name, and the default applies; a
    `LeafletError` (`open_input`) when something that is no file does: a folder, a named
    pipe, a link to nothing. `Path.is_file` took each of those for "no file": `check`
    passed a theme.yaml folder that `build` refused, and a glossary folder turned the
    terminology checks off without a word."""
    if not os.path.lexists(path):
        return False
    open_input(path).close()
    return True


def read_input(path: Path, limit: int | None = None, hint: str = "") -> bytes:
    """The bytes of a file the tool reads (`open_input`), as a `LeafletError` when it
    cannot be one; nothing is read past ``limit`` (``hint`` says what to do about a file
    too large)."""
    with open_input(path) as handle:
        size = os.fstat(handle.fileno()).st_size
        if limit is not None and size > limit:
            raise LeafletError(
                Location(path), f"file is {size:,} bytes; the limit is {limit:,}", hint
            )
        try:
            return handle.read() if limit is None else handle.read(limit + 1)
        except OSError as exc:
            raise file_error(path, exc, "read") from None


OUTSIDE_HINT = (
    "keep every file the project uses inside the project folder, with no links to files elsewhere"
)


def leaves(root: Path, path: Path, location: Location | None = None) -> tuple[Path, bool]:
    """``path`` (relative to ``root``, or absolute) with every link followed, and whether
    it lands outside ``root``: the one test of "a link takes it out of the project", for
    the files a project names (`Project.inside`) and the fonts its theme names."""
    top = root.resolve()
    target = resolved(top / path, location)
    return target, not target.is_relative_to(top)


def user_cache_dir() -> Path | None:
    """The user's cache folder for this tool (font instances, hashes of large files):
    derived data only, safe to delete. ``None`` for a user with no home folder (a
    container run under an arbitrary uid has neither HOME nor a password entry): the
    cache is a convenience, and every user of it works without one. A relative
    ``XDG_CACHE_HOME`` (or HOME) is ignored, as the XDG spec says: it would put the cache
    in whatever folder the command runs in, the project under git."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(base):
        return Path(base) / "msc-leaflet"
    try:
        home = Path.home()
    except RuntimeError:  # "Could not determine home directory."
        return None
    return home / ".cache" / "msc-leaflet" if home.is_absolute() else None


_scratch: dict[int, Path] = {}  # pid → this process's own cache folder (`keep_derived`)


def keep_derived(folder: str, name: str, data: bytes) -> Path:
    """Write derived ``data`` as ``<user cache>/<folder>/<name>`` and return its path.

    Where the user cache is missing or cannot be written (no home, a read-only home, a
    full disk, a cache folder of another user), the file goes to a folder of this
    process in the temporary folder instead, and the build goes on. Written aside and
    renamed (parallel workers may make the same file); a temporary file is removed
    whatever stops the write, Ctrl-C included. Only when neither place can be written
    is it an error, naming the file."""
    cache = user_cache_dir()
    places = [cache / folder] if cache is not None else []
    places.append(_process_scratch() / folder)
    failure: OSError | None = None
    for place in places:
        target = place / name
        try:
            place.mkdir(parents=True, exist_ok=True)
            remove_stale_temp_files(place)
            _write_aside(target, data)
        except OSError as exc:
            failure = exc
            continue
        return target
    assert failure is not None
    raise file_error(places[-1] / name, failure, "write", "free some space in the temporary folder")


def _process_scratch() -> Path:
    import tempfile

    pid = os.getpid()  # a forked worker makes its own: the parent may remove its folder
    if pid not in _scratch:
        _scratch[pid] = Path(tempfile.mkdtemp(prefix="msc-leaflet-cache-"))
    return _scratch[pid]


def _write_aside(target: Path, data: bytes) -> None:
    temp = _temp_name(target)
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def output_name(locale: str, leaflet_id: str, variant: str = "") -> str:
    """``<locale>/<id><variant>.pdf``: an output's place in the output folder, and its key
    in the build manifest."""
    return f"{locale}/{leaflet_id}{variant}.pdf"


def download_name(locale: str, leaflet_id: str, variant: str = "") -> str:
    """``<id>.<locale><variant>.pdf``: an output's name once it leaves its folder (a
    browser's download). `output_name` with the locale folder brought into the name:
    two languages of one leaflet downloaded side by side were both ``<id>.pdf``."""
    return f"{leaflet_id}.{locale}{variant}.pdf"


def output_path(out_dir: Path, locale: str, leaflet_id: str, variant: str = "") -> Path:
    """``out_dir/<locale>/<id><variant>.pdf``; ids and locales are validated slugs, so this
    stays inside."""
    name = output_name(locale, leaflet_id, variant)
    path = resolved(out_dir / name)  # a loop of links is one message, not a RuntimeError
    if not path.is_relative_to(resolved(out_dir)):  # ids and locales are slugs: a link
        raise LeafletError(
            Location(out_dir),
            f"path {name!r} points outside the output folder, through a link",
            "remove the link, or choose another output folder (-o)",
        )
    return path


#: The line `git merge` (and Mercurial, and diff3) writes where both sides changed.
_CONFLICT_START = re.compile(r"^<{7}(?: |$)", re.MULTILINE)
_CONFLICT_END = re.compile(r"^>{7}(?: |$)", re.MULTILINE)


def refuse_merge_conflict(path: Path, text: str) -> None:
    """Refuse a text file holding an unresolved merge: the parsers would report the
    line after the marker as broken YAML (with a hint about quotes) or a malformed .po
    line, never what happened. A ``<<<<<<<`` line followed by a ``>>>>>>>`` line is one:
    no leaflet text, translation or setting starts a line with seven angle brackets."""
    start = _CONFLICT_START.search(text)
    if start is None or not _CONFLICT_END.search(text, start.end()):
        return
    raise LeafletError(
        Location(path, text.count("\n", 0, start.start()) + 1),
        "unresolved merge conflict: the <<<<<<<, ======= and >>>>>>> lines of a merge "
        "are still in the file",
        "keep the lines you want between them (one side, the other, or both), delete the "
        "three marker lines, and commit the result",
    )


def wide_encoding(raw: bytes) -> str | None:
    """ "UTF-16" or "UTF-32" when ``raw`` is text in one of them (Windows Notepad's
    "Unicode" is UTF-16 with a byte-order mark), else None. Without a mark, ASCII text
    in UTF-16 has a NUL byte beside every letter: seen in most of its first 64 pairs."""
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    head = raw[:128]
    pairs = len(head) // 2
    nuls = sorted((head[0::2].count(0), head[1::2].count(0)))
    # Text's NULs are all on one side of its pairs; a program's or a picture's are on
    # both (a program's header was "saved as UTF-16").
    if pairs >= 8 and nuls[1] >= pairs * 3 // 4 and nuls[0] <= pairs // 8:
        return "UTF-16"
    return None


#: How a PDF begins: its first lines are ASCII, so only its signature tells it apart.
_PDF_SIGNATURE = b"%PDF-"


def binary_content(raw: bytes) -> bool:
    """Whether ``raw`` is no text in any encoding (a picture, a PDF, a Word document, a
    program) rather than text with a stray character. Text in UTF-16 or UTF-32 is not
    (`wide_encoding` names it); neither is UTF-8 text holding a NUL: the parser names
    that character's line, which the author can find and delete."""
    head = raw[:1024]
    if head.startswith(_PDF_SIGNATURE):
        return True
    if b"\0" not in head or wide_encoding(raw):
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.reason != "unexpected end of data"  # not a character cut at 1 KiB
    return False


def refuse_binary(path: Path, raw: bytes) -> None:
    """Refuse a file that is no text (`binary_content`): as text, it was "not valid
    UTF-8" at some column, with a hint to save it as UTF-8 that no editor can follow."""
    if binary_content(raw):
        raise LeafletError(
            Location(path),
            "is not a text file: it holds binary data (a picture, a PDF, a Word document?)",
            "put the text file back under this name (from a backup or version control), "
            "and keep other files elsewhere",
        )


def refuse_wide_encoding(path: Path, raw: bytes) -> None:
    """Name UTF-16 and UTF-32 for what they are: as UTF-8 they read as a bad byte at
    1:1, or (without a byte-order mark) as NUL characters the author cannot find."""
    found = wide_encoding(raw)
    if found:
        raise LeafletError(
            Location(path, 1),
            f"the file is saved as {found}, not UTF-8",
            "save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8)",
        )


def decode_utf8(path: Path, raw: bytes) -> str:
    """Decode strictly, naming the line of the first bad byte; a file left mid-merge is
    refused as such (`refuse_merge_conflict`), a file that is no text as such."""
    refuse_wide_encoding(path, raw)
    refuse_binary(path, raw)
    if raw.startswith(b"\xef\xbb\xbf"):
        raise LeafletError(
            Location(path, 1, 1),
            "file starts with a byte-order mark (BOM)",
            "save the file as UTF-8 without BOM",
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise LeafletError(
            Location(path, line, column),
            "file is not valid UTF-8",
            "save the file with UTF-8 encoding",
        ) from None
    refuse_merge_conflict(path, text)
    return text
