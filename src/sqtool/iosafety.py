"""What the operating system can refuse, as named errors: closed standard streams, a full disk,
a file name too long, a deleted current folder. ``commands.execute`` runs every command inside
``guarded_streams`` and turns any ``OSError`` that escapes a command into ``named_os_error``.
"""

from __future__ import annotations

import errno
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqtool.errors import SqtoolError

STDIN, STDOUT = "<stdin>", "<stdout>"

_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}


class _Closed:
    """Stands in for a standard stream the shell closed (``<&-``, ``>&-``): Python sets it to None,
    and click's echo then prints nothing and the command exits 0 as if all went well."""

    def __init__(self, name: str, what: str) -> None:
        self.name, self.what = name, what
        self.buffer = self

    def _refuse(self, *_: Any, **__: Any) -> Any:
        raise OSError(errno.EBADF, self.what, self.name)

    read = readline = readlines = write = writelines = fileno = _refuse

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def close(self) -> None:
        pass

    @property
    def closed(self) -> bool:
        return False  # "open" so that writers try, and fail loudly, instead of skipping quietly

    encoding = "utf-8"
    errors = "strict"


@contextmanager
def guarded_streams() -> Iterator[None]:
    """Run with stand-ins for closed stdin/stdout that raise EBADF, then flush stdout so a full disk
    or a broken device is reported now, inside the command, and not lost at interpreter exit."""
    saved = sys.stdin, sys.stdout
    if sys.stdin is None:
        sys.stdin = _Closed(STDIN, "standard input is closed")
    if sys.stdout is None:
        sys.stdout = _Closed(STDOUT, "standard output is closed")
    try:
        yield
        try:
            sys.stdout.flush()
        except ValueError:  # a stream closed by its owner (pytest's capture, a test runner)
            pass
        except OSError as error:
            if error.filename is None:
                error.filename = STDOUT
            raise
    finally:
        if isinstance(sys.stdin, _Closed):
            sys.stdin = saved[0]
        if isinstance(sys.stdout, _Closed):
            sys.stdout = saved[1]


def named_os_error(error: OSError) -> SqtoolError:
    """The catalogue's name for what the system refused, with the file it is about when known."""
    path = error.filename if isinstance(error.filename, str) else None
    reason = error.strerror or str(error)
    if error.errno == errno.EBADF and path in (STDIN, STDOUT):
        key = "io.stdin_closed" if path == STDIN else "io.stdout_closed"
        return SqtoolError(key, hint="io.closed_hint")
    if error.errno in _DISK_FULL:
        return SqtoolError("fs.disk_full", hint="fs.disk_full_hint", path=path, reason=reason)
    if error.errno == errno.ENAMETOOLONG:
        return SqtoolError("fs.name_too_long", hint="fs.name_too_long_hint", path=_shortened(path), reason=reason)
    if path == STDOUT:
        return SqtoolError("io.stdout_failed", reason=reason)
    return SqtoolError("fs.system_refused", path=path, reason=reason)


def _shortened(path: str | None) -> str | None:
    """A very long path shown by its start and end, so the message stays readable."""
    if path is None or len(path) <= 120:
        return path
    return f"{path[:60]}…{path[-40:]}"
