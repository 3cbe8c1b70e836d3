"""Atomic writes that never overwrite a user's file unless asked to."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from sqtool.errors import SqtoolError


def write_atomic(path: Path, content: str | bytes, *, force: bool = False) -> None:
    """Write ``content`` to ``path`` through a temporary file in the same folder and a rename.

    Refuses (SqtoolError) when ``path`` is a folder, and when it exists and ``force`` is false.
    Missing parent folders are created, as pytest's --junitxml and eslint's -o do. The new file gets
    the mode of the file it replaces, or the usual mode for the user's umask; a failure leaves no
    temporary file behind.
    """
    write_atomic_chunks(path, (content,), force=force)


def write_atomic_chunks(path: Path, chunks: Iterable[str | bytes], *, force: bool = False) -> None:
    """``write_atomic`` of the text ``chunks`` make, written into the temporary file as they come (a
    report of 10^6 messages is never held whole); an error while they are made leaves no file."""
    path = Path(path)
    if _is_stream(path):  # /dev/null, /dev/stdout, a pipe: written into, never renamed over
        _write_stream(path, chunks)
        return
    remove_stale_temporaries(path)  # even when this write is refused: the next run leaves no debris
    if path.is_dir():
        raise SqtoolError("fs.is_folder", hint="fs.is_folder_hint", path=str(path))
    if path.exists() and not force:
        raise SqtoolError("fs.exists", hint="fs.exists_hint", path=str(path))
    folder = path.parent
    mode = _mode_for(path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            prefix=f"{_temporary_prefix(path)}{os.getpid()}-", suffix=".tmp", dir=folder
        )
        try:
            with os.fdopen(handle, "wb") as stream:
                _write_chunks(stream, chunks)
                stream.flush()
                os.fsync(stream.fileno())
            os.chmod(temporary, mode)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG):
            raise SqtoolError(
                "fs.disk_full", hint="fs.disk_full_hint", path=str(path), reason=error.strerror or str(error)
            ) from error
        raise SqtoolError("fs.cannot_write", path=str(path), reason=error.strerror or str(error)) from error


def _is_stream(path: Path) -> bool:
    """Whether ``path`` is a character device or a pipe: something written to, not a file replaced (a
    rename over /dev/null would put a plain file in its place)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def _write_chunks(stream: BinaryIO, chunks: Iterable[str | bytes]) -> None:
    for chunk in chunks:
        stream.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)


def _write_stream(path: Path, chunks: Iterable[str | bytes]) -> None:
    try:
        with path.open("wb") as stream:
            _write_chunks(stream, chunks)
    except OSError as error:
        if error.errno in (errno.ENOSPC, errno.EFBIG):
            raise SqtoolError(
                "fs.disk_full", hint="fs.disk_full_hint", path=str(path), reason=error.strerror or str(error)
            ) from error
        raise SqtoolError("fs.cannot_write", path=str(path), reason=error.strerror or str(error)) from error


def refuse_to_replace(path: Path | str | None, *, force: bool) -> None:
    """Before any work: refuse (SqtoolError) when ``path`` exists and ``force`` is false, as
    write_atomic will; and clear what a killed earlier write left beside it either way."""
    if path is None:
        return
    path = Path(path)
    remove_stale_temporaries(path)
    if not force and path.exists():
        raise SqtoolError("fs.exists", hint="fs.exists_hint", path=str(path))


def _temporary_prefix(path: Path) -> str:
    """The start of write_atomic's temporary names for ``path``: ``.NAME.sqtool-PID-RANDOM.tmp``."""
    return f".{path.name}.sqtool-"


def remove_stale_temporaries(path: Path) -> list[Path]:
    """Delete the temporary files an earlier write of ``path`` left when it was killed (``kill -9``, a
    power cut): only sqtool's own names, and only when the process that made one is gone, so a
    concurrent write is never disturbed. Returns what was removed."""
    removed: list[Path] = []
    prefix = _temporary_prefix(path)
    try:
        candidates = [item for item in path.parent.iterdir() if item.name.startswith(prefix)]
    except OSError:
        return removed
    for item in candidates:
        owner, sep, rest = item.name[len(prefix) :].partition("-")
        if not (sep and owner.isdigit() and rest.endswith(".tmp")) or _alive(int(owner)):
            continue
        try:
            item.unlink()
            removed.append(item)
        except OSError:
            pass
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: alive
        return True
    except OverflowError:  # no such pid can exist
        return False
    return True


def _mode_for(path: Path) -> int:
    """The mode of the file being replaced, else 0o666 less the umask (what open() would give)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


# -- reading inputs: regular files only, never more than a limit --


def refuse_special(path: str | Path, display: str | None = None) -> None:
    """SqtoolError when ``path`` is a FIFO, socket or device: opening or reading one may never end.

    A missing path passes (the caller says "no such file" in its own words); folders pass too.
    """
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return
    if stat.S_ISFIFO(mode):
        kind = "fifo"
    elif stat.S_ISSOCK(mode):
        kind = "socket"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "device"
    else:
        kind = "other"
    raise SqtoolError(f"fs.not_regular_{kind}", hint="fs.not_regular_hint", path=display or str(path))


def read_input(path: str | Path, display: str | None = None, limit: int | None = None) -> bytes:
    """The bytes of one input file, refusing FIFOs and devices and stopping past ``limit`` bytes.

    ``limit`` defaults to ``--max-input-bytes``; passing it is ``error[max-input-bytes]`` (or, when
    ``limit`` is the caller's own, fs.too_large). Missing and unreadable files are SqtoolErrors.
    """
    from sqtool.settings import active_limits, limit_error

    shown = display or str(path)
    refuse_special(path, shown)
    own = limit is not None
    cap = limit if own else active_limits().input_bytes
    try:
        with open(path, "rb") as stream:
            data = stream.read(cap + 1) if cap else stream.read()
    except FileNotFoundError as error:
        raise SqtoolError("fs.not_found", hint="fs.not_found_hint", path=shown) from error
    except IsADirectoryError as error:
        raise SqtoolError("fs.is_folder_input", path=shown) from error
    except OSError as error:
        raise SqtoolError("fs.cannot_read", path=shown, reason=error.strerror or str(error)) from error
    if cap and len(data) > cap:
        if own:
            raise SqtoolError("fs.too_large", path=shown, size=f"{cap}+", limit=cap)
        raise limit_error("input_bytes", path=shown)
    return data


def read_stdin(limit: int | None = None, display: str = "<stdin>") -> bytes:
    """Stdin's bytes, at most ``limit`` (default ``--max-input-bytes``) plus one to tell that there was more.

    Past ``--max-input-bytes`` it is ``error[max-input-bytes]``; a caller with its own ``limit``
    gets the bytes read (``limit`` + 1 of them when there was more) and says so itself.
    """
    import sys

    from sqtool.settings import active_limits, limit_error

    own = limit is not None
    cap = limit if own else active_limits().input_bytes
    stream = sys.stdin.buffer if hasattr(sys.stdin, "buffer") else None
    try:
        if stream is None:  # a test harness's text stdin
            data = sys.stdin.read(cap + 1 if cap else -1).encode("utf-8", "surrogateescape")
        else:
            data = stream.read(cap + 1) if cap else stream.read()
    except (OSError, ValueError) as error:
        raise SqtoolError("fs.cannot_read", path=display, reason=str(error)) from error
    if cap and len(data) > cap and not own:
        raise limit_error("input_bytes", path=display)
    return data


def walk_files(root: Path, *, skip_hidden: bool = True) -> Iterator[Path]:
    """The files under ``root``, its folders walked without recursion and without following links to
    folders (a link that loops is never entered); deeper than ``--max-folder-depth`` is
    ``error[max-folder-depth]``. Hidden folders (.git) are skipped unless asked for."""
    from sqtool.settings import active_limits, limit_error

    limit = active_limits().folder_depth
    stack: list[tuple[Path, int]] = [(root, 0)]
    while stack:
        folder, depth = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError:
            continue  # unreadable: nothing to find there
        for entry in entries:
            path = Path(entry.path)
            if entry.is_dir(follow_symlinks=False):
                if skip_hidden and entry.name.startswith("."):
                    continue
                if limit and depth + 1 > limit:
                    raise limit_error("folder_depth", path=str(path))
                stack.append((path, depth + 1))
            elif entry.is_file():  # a link to a file is read like the file
                yield path


def current_folder() -> Path:
    """The current working folder, or a clear SqtoolError when it was deleted under us."""
    try:
        return Path.cwd()
    except OSError as error:
        raise SqtoolError(
            "fs.no_current_folder", hint="fs.no_current_folder_hint", reason=error.strerror or str(error)
        ) from error
