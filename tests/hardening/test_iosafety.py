"""iosafety at unit level: which OSError becomes which named error, and the closed-stream stand-ins."""

from __future__ import annotations

import errno
import sys

import pytest

from sqtool.iosafety import STDIN, STDOUT, guarded_streams, named_os_error


@pytest.mark.parametrize(
    ("error", "key"),
    [
        (OSError(errno.EBADF, "closed", STDIN), "io.stdin_closed"),
        (OSError(errno.EBADF, "closed", STDOUT), "io.stdout_closed"),
        (OSError(errno.ENOSPC, "No space left on device", "/tmp/x"), "fs.disk_full"),
        (OSError(errno.EDQUOT, "Disk quota exceeded", "/tmp/x"), "fs.disk_full"),
        (OSError(errno.ENAMETOOLONG, "File name too long", "a" * 300), "fs.name_too_long"),
        (OSError(errno.EIO, "Input/output error", STDOUT), "io.stdout_failed"),
        (OSError(errno.EACCES, "Permission denied", "/root/x"), "fs.system_refused"),
        (OSError(errno.EIO, "Input/output error"), "fs.system_refused"),
    ],
)
def test_each_refusal_has_its_name(error: OSError, key: str) -> None:
    named = named_os_error(error)
    assert named.key == key
    if key == "fs.name_too_long":
        assert named.path is not None and len(named.path) < 120 and "…" in named.path


def test_closed_streams_raise_ebadf_and_are_put_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    monkeypatch.setattr(sys, "stdout", None)
    with guarded_streams():
        with pytest.raises(OSError) as caught:
            sys.stdin.buffer.read(10)
        assert (caught.value.errno, caught.value.filename) == (errno.EBADF, STDIN)
        with pytest.raises(OSError) as caught:
            sys.stdout.write("x")
        assert caught.value.filename == STDOUT
        assert sys.stdin.isatty() is False
    assert sys.stdin is None and sys.stdout is None
