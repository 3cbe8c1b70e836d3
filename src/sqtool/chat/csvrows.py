"""CSV exports read as dictionaries with the line each row starts on (quoted cells may span lines)."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator

from sqtool.chat.errors import ReadContext
from sqtool.chat.source import CountingStream, Source
from sqtool.chat.textio import numbered_lines
from sqtool.settings import active_limits, limit_error


def csv_rows(source: Source, ctx: ReadContext) -> Iterator[tuple[int, dict[str, str]]]:
    """(line, row by column name) for each data row; a malformed row is a bad record.

    A field longer than ``--max-string-bytes`` (the csv module's own limit is set to it) is a bad
    record: ``error[max-string-bytes]``, or skipped with --lenient; so is a line longer than that.
    """
    limit = active_limits().string_bytes
    csv.field_size_limit(limit or sys.maxsize)
    head = source.head()
    with source.open() as raw:
        stream = CountingStream(raw, ctx.on_read)
        numbered = numbered_lines(stream, head, ctx.display, on_long_line=ctx.long_line)  # type: ignore[arg-type]
        lines = (line + "\n" for _number, line in numbered)
        first = next(lines, "")
        dialect = csv.excel_tab if first.count("\t") > first.count(",") else csv.excel
        columns = [name.strip() for name in next(csv.reader([first], dialect=dialect), [])]
        reader = csv.reader(lines, dialect=dialect)
        while True:
            start = reader.line_num + 2  # the header is line 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                if "field larger than field limit" in str(error):
                    _field_too_long(ctx, start)
                    continue
                ctx.bad_record("chat.bad_csv", line=start, reason=str(error))
                continue
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) > len(columns):
                ctx.bad_record("chat.csv_columns", line=start, found=len(cells), expected=len(columns))
                continue
            yield start, dict(zip(columns, cells, strict=False))


def _field_too_long(ctx: ReadContext, line: int) -> None:
    """A field over ``--max-string-bytes``: skipped when lenient, else ``error[max-string-bytes]``."""
    if ctx.lenient:
        ctx.skipped += 1
        return
    raise limit_error("string_bytes", key="limit.string_bytes_field", path=ctx.display, line=line)
