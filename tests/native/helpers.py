"""Both backends on one input: what each read (records, skipped count, warnings) or the error it said."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sqtool._native import ENVIRONMENT
from sqtool.chat.read import read_exports
from sqtool.errors import SqtoolError

BACKENDS = ("python", "native")


@contextmanager
def backend(name: str) -> Iterator[None]:
    """Run the readers of one backend (SQTOOL_BACKEND set for the block)."""
    before = os.environ.get(ENVIRONMENT)
    os.environ[ENVIRONMENT] = name
    try:
        yield
    finally:
        if before is None:
            del os.environ[ENVIRONMENT]
        else:
            os.environ[ENVIRONMENT] = before


def outcome(
    path: Path, *, export_format: str = "telegram", lenient: bool = False, tz: str = "UTC", parts: bool = False
) -> tuple:
    """("read", records, skipped, warnings, duplicates) or ("error", key, path, line, col, code, arguments).

    With ``parts`` the records are read as the audit's pass reads them (``ChatRead.parts()``: the
    native readers' MessageRuns among lists of records), each run made into its Messages."""
    try:
        chat = read_exports([path], format=export_format, tz=ZoneInfo(tz), lenient=lenient)
        if parts:
            records = [record for part in chat.parts() for record in (part if type(part) is list else part.messages())]
        else:
            records = list(chat)
    except SqtoolError as error:
        return ("error", error.key, error.path, error.line, error.col, error.code, error.args_for_message)
    return ("read", records, chat.skipped, repr(chat.warnings), chat.duplicates)


def both(path: Path, **options: object) -> tuple[tuple, tuple]:
    """The outcome of the Python readers, then of the native ones, on the same file. Each backend also
    reads it in parts, as the audit does: where that differs from reading records, its outcome is
    returned marked, so that the comparison fails."""
    outcomes = []
    for name in BACKENDS:
        with backend(name):
            records = outcome(path, **options)  # type: ignore[arg-type]
            in_parts = outcome(path, parts=True, **options)  # type: ignore[arg-type]
        outcomes.append(records if in_parts == records else ("read in parts", name, in_parts))
    return outcomes[0], outcomes[1]


def native_built() -> bool:
    from sqtool._native import _imported

    return _imported()[0] is not None


# The differential tests compare two backends: with only one built there is nothing to compare.
# tests/native/test_backend.py fails instead when a compiler is there and the module is not built.
needs_native = pytest.mark.skipif(not native_built(), reason="the native module is not built (no C++ compiler)")
