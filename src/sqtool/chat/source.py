"""Where an export's bytes come from: a file on disk or one member of a zip, read without extracting."""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from sqtool.errors import SqtoolError
from sqtool.fsutil import refuse_special
from sqtool.settings import active_limits, limit_error, over_time

# what zipfile raises on a damaged archive: bad magic or CRC, invalid deflate data, cut short, seek past the end
# (NotImplementedError: a compression method zipfile does not know, such as AES or PPMd;
# RuntimeError: an encrypted member, which zipfile opens only with a password; UnicodeDecodeError:
# a member name flagged as UTF-8 that is not)
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError, UnicodeDecodeError)
# zipfile unpacks bzip2 and LZMA a whole read at a time, with no bound on what one read gives: a 378-byte
# member handed 300 MB to a single 64 KiB read (deflate is unpacked a bounded piece at a time). No chat
# app writes them, so they are refused before anything is unpacked.
UNBOUNDED_METHODS = {zipfile.ZIP_BZIP2: "bzip2", zipfile.ZIP_LZMA: "LZMA"}


def refuse_unbounded(info: zipfile.ZipInfo, display: str) -> None:
    """``error: the zip member … is compressed with bzip2/LZMA`` for a member sqtool would read."""
    method = UNBOUNDED_METHODS.get(info.compress_type)
    if method is not None:
        raise SqtoolError(
            "chat.zip_method_refused",
            hint="chat.zip_method_refused_hint",
            path=display,
            member=info.filename,
            method=method,
        )


@dataclass(frozen=True, slots=True)
class Source:
    """One export file (``member`` is None) or one member of a zip archive."""

    path: Path
    display: str
    member: str | None = None

    @property
    def archive_display(self) -> str:
        """The path as the user gave it, without the ``!member`` suffix."""
        return self.display.removesuffix(f"!{self.member}") if self.member else self.display

    @property
    def name(self) -> str:
        """The file name that matters for detection (the member's name inside a zip)."""
        return (self.member or self.path.name).rsplit("/", 1)[-1]

    def size(self) -> int:
        if self.member is None:
            return self.path.stat().st_size
        try:
            with zipfile.ZipFile(self.path) as archive:
                return archive.getinfo(self.member).file_size
        except (*ZIP_ERRORS, KeyError) as error:
            raise damaged_zip(self.archive_display, self.member, error) from error

    def open(self) -> BinaryIO:
        """A binary stream of the export, cut off at ``--max-input-bytes`` (a zip member as it inflates)
        and ``--max-seconds``; the caller closes it. FIFOs, sockets and devices are refused."""
        if self.member is None:
            refuse_special(self.path, self.display)
            try:
                inner: BinaryIO = open(self.path, "rb")  # noqa: SIM115  # closed by the caller, through Bounded
            except OSError as error:
                raise SqtoolError("fs.cannot_read", path=self.display, reason=_reason(error)) from error
            return io.BufferedReader(Bounded(inner, self.display), 1 << 16)
        try:
            archive = zipfile.ZipFile(self.path)
        except ZIP_ERRORS as error:
            raise damaged_zip(self.archive_display, None, error) from error
        try:
            refuse_unbounded(archive.getinfo(self.member), self.archive_display)
            member = archive.open(self.member)
            # a zip member is a readable binary stream; typeshed's IO[bytes] and BinaryIO differ only in name
            stream = _ZipMemberStream(archive, member, self.archive_display, self.member)  # type: ignore[arg-type]
            return io.BufferedReader(Bounded(stream, self.display), 1 << 16)  # type: ignore[arg-type]
        except (*ZIP_ERRORS, KeyError) as error:
            archive.close()
            raise damaged_zip(self.archive_display, self.member, error) from error
        except SqtoolError:
            archive.close()
            raise

    def head(self, size: int = 65536) -> bytes:
        """The first ``size`` bytes, for detection and encoding sniffing."""
        with self.open() as stream:
            return stream.read(size)


class ReadStream(io.RawIOBase):
    """A readable raw stream whose subclasses define read(); readinto() comes from it."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


class _ZipMemberStream(ReadStream):
    """A zip member that also closes its archive; damage found while reading is a clear error."""

    def __init__(self, archive: zipfile.ZipFile, member: BinaryIO, display: str, name: str) -> None:
        self._archive = archive
        self._member = member
        self._display = display
        self._name = name

    def read(self, size: int = -1) -> bytes:
        try:
            return self._member.read(size)
        except ZIP_ERRORS as error:
            raise damaged_zip(self._display, self._name, error) from error

    def close(self) -> None:
        self._member.close()
        self._archive.close()
        super().close()


class Bounded(ReadStream):
    """Any input as read: stops with ``error[max-input-bytes]`` once more than the limit has come
    (before the parser sees those bytes), and with ``error[max-seconds]`` when the command runs too
    long; both name the line reached. Counting is per read, so a zip member is counted as it inflates."""

    def __init__(self, inner: BinaryIO, display: str, limit: int | None = None) -> None:
        self._inner = inner
        self._display = display
        self._limit = active_limits().input_bytes if limit is None else limit
        self.position = 0
        self.newlines = 0

    def read(self, size: int = -1) -> bytes:
        if self._limit:
            left = self._limit + 1 - self.position  # one byte more than allowed tells that there is more
            size = left if size is None or size < 0 else min(size, left)
        data = self._inner.read(size)
        self.position += len(data)
        if self._limit and self.position > self._limit:
            self.newlines += data.count(b"\n", 0, len(data) - (self.position - self._limit))
            raise limit_error("input_bytes", path=self._display, line=self.newlines + 1)
        self.newlines += data.count(b"\n")
        if over_time():
            raise limit_error("seconds", path=self._display, line=self.newlines + 1)
        return data

    def close(self) -> None:
        self._inner.close()
        super().close()


class CountingStream(ReadStream):
    """Counts the bytes read so far and reports them, so readers know where they are and show progress."""

    def __init__(self, inner: BinaryIO, on_read: Callable[[int], None] | None = None) -> None:
        self._inner = inner
        self.position = 0
        self.last_chunk = b""  # the bytes of the latest read, to place JSON errors on a line
        self.last_start = 0
        self._on_read = on_read

    def read(self, size: int = -1) -> bytes:
        data = self._inner.read(size)
        self.last_start = self.position
        self.last_chunk = data
        self.position += len(data)
        if self._on_read is not None and data:
            self._on_read(len(data))
        return data

    def close(self) -> None:
        self._inner.close()
        super().close()


def damaged_zip(display: str, member: str | None, error: BaseException) -> SqtoolError:
    """The error for a zip that cannot be read: bad CRC, bad magic, invalid deflate data, cut short."""
    reason = _reason(error)
    if isinstance(error, NotImplementedError | RuntimeError):
        return SqtoolError("chat.zip_unsupported", hint="chat.zip_unsupported_hint", path=display, member=member or "?")
    if member is None:
        return SqtoolError("chat.damaged_zip_whole", hint="chat.damaged_zip_hint", path=display, reason=reason)
    return SqtoolError("chat.damaged_zip", hint="chat.damaged_zip_hint", path=display, member=member, reason=reason)


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError):
        return error.strerror or str(error)
    return str(error) or type(error).__name__
