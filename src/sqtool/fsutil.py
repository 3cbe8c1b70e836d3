"""Atomic writes that never overwrite a user's file unless asked to."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

from sqtool.errors import SqtoolError


def write_atomic(path: Path, content: str | bytes, *, force: bool = False) -> None:
    """Write ``content`` to ``path`` through a temporary file in the same folder and a rename.

    Refuses (SqtoolError) when ``path`` is a folder, and when it exists and ``force`` is false.
    Missing parent folders are created, as pytest's --junitxml and eslint's -o do. The new file gets
    the mode of the file it replaces, or the usual mode for the user's umask; a failure leaves no
    temporary file behind.
    """
    path = Path(path)
    if _is_stream(path):  # /dev/null, /dev/stdout, a pipe: written into, never renamed over
        _write_stream(path, content)
        return
    remove_stale_temporaries(path)  # even when this write is refused: the next run leaves no debris
    if path.is_dir():
        raise SqtoolError("fs.is_folder", hint="fs.is_folder_hint", path=str(path))
    if path.exists() and not force:
        raise SqtoolError("fs.exists", hint="fs.exists_hint", path=str(path))
    folder = path.parent
    data = content.encode("utf-8") if isinstance(content, str) else content
    mode = _mode_for(path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            prefix=f"{_temporary_prefix(path)}{os.getpid()}-", suffix=".tmp", dir=folder
        )
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
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


def _write_stream(path: Path, content: str | bytes) -> None:
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        with path.open("wb") as stream:
            stream.write(data)
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


def current_folder() -> Path:
    """The current working folder, or a clear SqtoolError when it was deleted under us."""
    try:
        return Path.cwd()
    except OSError as error:
        raise SqtoolError(
            "fs.no_current_folder", hint="fs.no_current_folder_hint", reason=error.strerror or str(error)
        ) from error
