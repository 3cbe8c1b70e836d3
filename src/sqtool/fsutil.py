"""Atomic writes that never overwrite a user's file unless asked to."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from sqtool.errors import SqtoolError


def write_atomic(path: Path, content: str | bytes, *, force: bool = False) -> None:
    """Write ``content`` to ``path`` through a temporary file and a rename.

    Raises SqtoolError("fs.exists") when ``path`` exists and ``force`` is false, and
    SqtoolError("fs.cannot_write") when the folder cannot be written.
    """
    path = Path(path)
    if path.exists() and not force:
        raise SqtoolError("fs.exists", hint="fs.exists_hint", path=str(path))
    data = content.encode("utf-8") if isinstance(content, str) else content
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise SqtoolError("fs.cannot_write", path=str(path), reason=error.strerror or str(error)) from error
