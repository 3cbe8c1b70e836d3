"""Atomic writes that never overwrite a user's file unless asked to."""

from __future__ import annotations

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
    if path.is_dir():
        raise SqtoolError("fs.is_folder", hint="fs.is_folder_hint", path=str(path))
    if path.exists() and not force:
        raise SqtoolError("fs.exists", hint="fs.exists_hint", path=str(path))
    folder = path.parent
    data = content.encode("utf-8") if isinstance(content, str) else content
    mode = _mode_for(path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
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
        raise SqtoolError("fs.cannot_write", path=str(path), reason=error.strerror or str(error)) from error


def _mode_for(path: Path) -> int:
    """The mode of the file being replaced, else 0o666 less the umask (what open() would give)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
