"""Head: an export's first bytes, decoded and cut up once, for every reader's ``sniff`` to test cheaply."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Any

from sqtool.chat.textio import decode_head

JSON_WINDOW = 65536  # characters of a JSON head the readers look for their keys in
LINES = 200  # physical lines of a text head whose non-blank ones the readers test


@dataclass(frozen=True)
class Head:
    """An export's head as the readers test it; a field that does not apply to this kind of head is empty."""

    # A head whose text opens with "{" is a JSON head: only ``window`` and ``first_json`` are set, so the
    # text formats (``lines``, ``csv_header``) never claim a JSON document, nor the JSON formats a text one.
    text: str  # the head decoded (any encoding textio sniffs), byte-order marks at the start removed
    stripped: str  # ``text`` without the blanks in front
    lines: tuple[str, ...]  # the non-blank lines among the first LINES, without line ends; () for a JSON head
    csv_header: tuple[str, ...] | None  # the first line as a CSV/TSV header, if it is delimited and not JSON
    first_json: dict[str, Any] | None  # the first line as a JSON object, if a JSON head's first line is one
    window: str  # the first JSON_WINDOW characters of a JSON head; "" for any other

    @property
    def is_json(self) -> bool:
        """The head opens with "{": a JSON document or JSON Lines."""
        return self.stripped.startswith("{")

    @classmethod
    def of(cls, data: bytes) -> Head:
        """The head of an export whose first bytes are ``data``."""
        text = decode_head(data).lstrip("\ufeff")
        stripped = text.lstrip()
        first_line = stripped.split("\n", 1)[0]
        if stripped.startswith("{"):
            return cls(text, stripped, (), None, _json_object(first_line.strip()), stripped[:JSON_WINDOW])
        lines = tuple(line.rstrip("\r") for line in stripped.split("\n")[:LINES] if line.strip())
        return cls(text, stripped, lines, _csv_header(first_line.rstrip("\r")), None, "")


def _json_object(line: str) -> dict[str, Any] | None:
    # only a line that ends the object can be one whole JSON Lines record; a pretty-printed document's cannot
    if not line.endswith("}"):
        return None
    try:
        record = json.loads(line)
    except (ValueError, RecursionError):  # nesting deeper than Python's stack: no record (the read says why)
        return None
    return record if isinstance(record, dict) else None


def _csv_header(line: str) -> tuple[str, ...] | None:
    if "," not in line and "\t" not in line and ";" not in line:
        return None
    try:
        return tuple(next(csv.reader(io.StringIO(line), dialect=_dialect(line))))
    except (csv.Error, StopIteration):
        return None


def _dialect(line: str) -> type[csv.Dialect]:
    return csv.excel_tab if line.count("\t") > line.count(",") else csv.excel
