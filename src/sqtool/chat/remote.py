"""Exports named by a URL (``s3://``, ``gs://``, ``az://``, ``https://``, ``file://``, ...), opened by fsspec.

A portfolio run on a Dask cluster reads its exports on the workers, from storage they all reach
(issue 21): a network file system is a plain path, object storage a URL. sqtool opens no connection
itself: a path the user wrote as a URL is handed to fsspec (installed with ``sqtool[dask]``, as Dask
itself needs it, plus the storage's own package such as s3fs), which opens it; every other path is
a local file. The bytes are copied to a temporary file a block at a time, up to
``--max-input-bytes`` (chat/read.py's spool, as for stdin), and read from there like any export,
so detection, the native readers and every limit work as they do on a local file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, BinaryIO

from sqtool.errors import SqtoolError

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def is_url(path: object) -> bool:
    """Whether ``path`` is written as a URL (scheme://...); a Windows drive (C:\\...) is not one."""
    return isinstance(path, str) and _URL.match(path) is not None


def _fsspec(url: str) -> Any:
    try:
        import fsspec
    except ImportError as error:
        raise SqtoolError("chat.url_needs_fsspec", hint="chat.url_needs_fsspec_hint", path=url) from error
    return fsspec


def _filesystem(url: str) -> Any:
    """(filesystem, path inside it) of ``url``, or the named error when fsspec cannot reach it."""
    fsspec = _fsspec(url)
    try:
        return fsspec.core.url_to_fs(url)
    except ValueError as error:  # "Protocol not known: xyz"
        protocol = url.split("://", 1)[0]
        raise SqtoolError(
            "chat.url_protocol_unknown", hint="chat.url_protocol_hint", path=url, protocol=protocol
        ) from error
    except ImportError as error:  # fsspec knows the protocol; its package (s3fs, gcsfs, adlfs...) is missing
        raise SqtoolError("chat.url_protocol_missing", path=url, reason=str(error).strip()) from error


@contextmanager
def open_url(url: str) -> Iterator[BinaryIO]:
    """A binary stream of the object at ``url``; a missing object or a refused read is a named error."""
    filesystem, inside = _filesystem(url)
    try:
        if filesystem.isdir(inside):
            raise IsADirectoryError(url)
        stream = filesystem.open(inside, "rb")
    except FileNotFoundError as error:
        raise SqtoolError("fs.not_found", hint="fs.not_found_hint", path=url) from error
    except IsADirectoryError as error:
        raise SqtoolError("chat.url_is_folder", hint="chat.url_is_folder_hint", path=url) from error
    except OSError as error:
        raise SqtoolError("fs.cannot_read", path=url, reason=str(error) or type(error).__name__) from error
    with stream:
        yield stream


def glob_urls(pattern: str) -> list[str]:
    """The URLs a glob URL matches, sorted, each with its protocol."""
    filesystem, inside = _filesystem(pattern)
    try:
        found = filesystem.glob(inside)
    except OSError as error:
        raise SqtoolError("fs.cannot_read", path=pattern, reason=str(error) or type(error).__name__) from error
    names = found if isinstance(found, list) else list(found)
    return sorted(filesystem.unstrip_protocol(name) for name in names if not filesystem.isdir(name))
