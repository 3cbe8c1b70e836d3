"""The documented generic JSON Lines format: one object per line with the generic CSV's keys.

``mentions`` is a list here; every other key means what it means in the generic CSV. A line over a
JSON limit (``--max-depth``, ``--max-int-digits``; ``--max-string-bytes`` for the whole line) is the
limit's named error, or one skipped record when lenient.
"""

from __future__ import annotations

from collections.abc import Iterator

import orjson

from sqtool.chat.errors import ReadContext
from sqtool.chat.jsonguard import loads_line
from sqtool.chat.jsonskip import unless_lenient
from sqtool.chat.model import Record
from sqtool.chat.readers.generic_csv import generic_record
from sqtool.chat.sniff import Head
from sqtool.chat.source import CountingStream, Source
from sqtool.chat.textio import numbered_lines
from sqtool.errors import SqtoolError
from sqtool.settings import active_limits

NAME = "jsonl"
# patterns of the format's look, for naming the closest format when no reader claims a file
HINTS = (r'^\{.*"time"\s*:', r'^\{.*"sender"\s*:')
PLATFORM = ""  # generic: it may come from any platform
# a whole record on the first line is surer than any key the JSON documents look for in their window
CONFIDENCE = 1.0


def sniff(head: Head) -> float:
    """A first line that is a whole JSON object with the generic ``time`` and ``sender`` keys."""
    record = head.first_json
    return CONFIDENCE if record is not None and "time" in record and "sender" in record else 0.0


def read(source: Source, ctx: ReadContext) -> Iterator[Record]:
    head = source.head()
    depth = active_limits().depth
    with source.open() as raw:
        stream = CountingStream(raw, ctx.on_read)
        for number, line in numbered_lines(stream, head, ctx.display, on_long_line=ctx.long_line):  # type: ignore[arg-type]
            if not line.strip():
                continue
            try:
                fields = loads_line(line, number, ctx.display, depth)
            except orjson.JSONDecodeError as error:
                ctx.bad_record("chat.bad_json", line=number, reason=error.msg)
                continue
            except SqtoolError as error:  # over a JSON limit: one skipped record when lenient, else the named error
                if (raised := unless_lenient(error, ctx.lenient)) is not None:
                    raise raised from None
                ctx.skipped += 1
                continue
            if not isinstance(fields, dict):
                ctx.bad_record("chat.bad_record", line=number, what=type(fields).__name__)
                continue
            fields = {str(key).lower(): value for key, value in fields.items()}
            mentions = fields.get("mentions")
            names = tuple(str(name) for name in mentions) if isinstance(mentions, list) else None
            record = generic_record(fields, number, ctx, mentions=names)
            if record is not None:
                yield record
