"""The one frozen configuration object that the CLI builds and passes down."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Literal

from sqtool.errors import SqtoolError
from sqtool.langs import lang_from_locale as lang_from_locale  # its home is light to import

Lang = Literal["en", "zh"]
ColorMode = Literal["auto", "always", "never"]


@dataclass(frozen=True, slots=True)
class Settings:
    lang: Lang = "en"
    color: ColorMode = "auto"
    quiet: bool = False
    debug: bool = False
    limits: Limits = field(default_factory=lambda: Limits())


# -- limits: how much sqtool reads, nests and spends on one input before it stops with a named error --

KIB, MIB, GIB = 1 << 10, 1 << 20, 1 << 30


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on what sqtool reads from any one input (docs/limits.md lists each with its default).

    Every reader enforces them while it streams, never after loading: the input that passes one
    stops there with ``error[<option>]`` naming the limit and how to raise it (exit 2). Each field
    is a global ``--max-…`` option (``sqtool --max-input-bytes 8G audit …``); 0 means no limit.
    """

    input_bytes: int = 4 * GIB  # bytes read from one input: a file, stdin, one zip member (as inflated)
    zip_members: int = 200_000  # files in one zip archive
    zip_ratio: int = 250  # inflated size of a zip's members over the archive's size (past RATIO_FLOOR)
    depth: int = 100  # nesting of JSON arrays and objects
    # one JSON string, one text line, one CSV field, one typed answer: chat apps cap a message at tens of
    # kilobytes, and ijson's time grows with the square of a string's length (8 MiB: 4 s)
    string_bytes: int = 1 * MIB
    records: int = 50_000_000  # messages and events read from one export
    int_digits: int = 100  # digits of one number in an export, or of a list index in a key path
    seconds: int = 3600  # runtime of one command
    folder_depth: int = 32  # levels a folder walk or a ** glob goes down

    def describe(self, name: str) -> str:
        """The value of limit ``name`` as a person reads it (``16 MiB``, ``100``, ``none``)."""
        value = getattr(self, name)
        if not value:
            return "0"
        return human_size(value) if name in SIZE_LIMITS else str(value)


# limit field -> its global option; the order of docs/limits.md and of `sqtool --help`
LIMIT_OPTIONS: dict[str, str] = {
    "input_bytes": "--max-input-bytes",
    "zip_members": "--max-zip-members",
    "zip_ratio": "--max-zip-ratio",
    "depth": "--max-depth",
    "string_bytes": "--max-string-bytes",
    "records": "--max-records",
    "int_digits": "--max-int-digits",
    "seconds": "--max-seconds",
    "folder_depth": "--max-folder-depth",
}
SIZE_LIMITS = frozenset({"input_bytes", "string_bytes"})
RATIO_FLOOR = 64 * MIB  # a zip that inflates to less than this is never refused for its ratio

_UNITS = {"": 1, "b": 1, "k": KIB, "kb": KIB, "kib": KIB, "m": MIB, "mb": MIB, "mib": MIB, "g": GIB, "gb": GIB}
_UNITS |= {"gib": GIB, "t": GIB << 10, "tb": GIB << 10, "tib": GIB << 10}


def parse_size(text: str) -> int:
    """``"16M"``, ``"512KiB"``, ``"4G"`` or a plain count of bytes; ValueError when it is none of these."""
    cleaned = text.strip().lower().replace(" ", "").replace("_", "")
    split = len(cleaned) - len(cleaned.lstrip("0123456789"))
    number, unit = cleaned[:split], cleaned[split:]
    if not number.isdigit() or len(number) > 15 or unit not in _UNITS:
        raise ValueError(text)
    return int(number) * _UNITS[unit]


def parse_count(text: str) -> int:
    """A whole number of at most 15 digits (``_`` allowed between digits); ValueError otherwise."""
    cleaned = text.strip().replace("_", "")
    if not cleaned.isdigit() or len(cleaned) > 15:
        raise ValueError(text)
    return int(cleaned)


def human_size(size: int) -> str:
    """Bytes as ``3 GiB``, ``16 MiB``, ``512 KiB`` or ``100 bytes`` (whole units when exact)."""
    for unit, name in ((GIB, "GiB"), (MIB, "MiB"), (KIB, "KiB")):
        if size >= unit:
            whole, rest = divmod(size, unit)
            return f"{whole} {name}" if not rest else f"{size / unit:.1f} {name}"
    return f"{size} bytes"


def size_option(size: int) -> str:
    """Bytes as an option value ``parse_size`` reads back: ``16G``, ``64M``, ``4K`` or a plain count."""
    for unit, name in ((GIB, "G"), (MIB, "M"), (KIB, "K")):
        if size >= unit and not size % unit:
            return f"{size // unit}{name}"
    return str(size)


_ACTIVE: ContextVar[tuple[Limits, float]] = ContextVar("sqtool_limits", default=(Limits(), 0.0))


def active_limits() -> Limits:
    """The limits in force: those the command was started with, else the defaults."""
    return _ACTIVE.get()[0]


@contextmanager
def limits_in_force(limits: Limits) -> Iterator[None]:
    """Run the block under ``limits``; its runtime counts from here."""
    token = _ACTIVE.set((limits, time.monotonic()))
    try:
        yield
    finally:
        _ACTIVE.reset(token)


def over_time() -> bool:
    """Whether the command has run longer than ``--max-seconds`` (never outside ``limits_in_force``)."""
    limits, started = _ACTIVE.get()
    return bool(started and limits.seconds and time.monotonic() - started > limits.seconds)


def limit_error(
    name: str, *, path: str | None = None, line: int | None = None, key: str | None = None, **args: object
) -> SqtoolError:
    """The error for passing limit ``name``: ``path:line: error[max-…]``, with the hint to raise it.

    ``key`` is the message when it is not ``limit.<name>`` (a line, a field, an answer too long)."""
    limits = active_limits()
    option = LIMIT_OPTIONS[name]
    value = getattr(limits, name)
    bigger = size_option(value * 4) if name in SIZE_LIMITS else str(value * 4)
    return SqtoolError(
        key or f"limit.{name}",
        hint="limit.hint",
        path=path,
        line=line,
        code=option.removeprefix("--"),
        limit=limits.describe(name),
        option=option,
        bigger=bigger,
        **args,  # type: ignore[arg-type]  # message arguments, never SqtoolError's own keywords
    )
