"""CSV exports read as dictionaries with the line each row starts on (quoted cells may span lines)."""

from __future__ import annotations

import csv
from collections.abc import Iterator

from sqtool.chat.errors import ReadContext
from sqtool.chat.source import CountingStream, Source
from sqtool.chat.textio import numbered_lines

_CELL_LIMIT = 1 << 24  # long messages are legitimate; the csv module's default 128 KiB cell limit is not


def csv_rows(source: Source, ctx: ReadContext) -> Iterator[tuple[int, dict[str, str]]]:
    """(line, row by column name) for each data row; a malformed row is a bad record."""
    if csv.field_size_limit() < _CELL_LIMIT:
        csv.field_size_limit(_CELL_LIMIT)
    head = source.head()
    with source.open() as raw:
        stream = CountingStream(raw, ctx.on_read)
        lines = (line + "\n" for _number, line in numbered_lines(stream, head, ctx.display))  # type: ignore[arg-type]
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
                ctx.bad_record("chat.bad_csv", line=start, reason=str(error))
                continue
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) > len(columns):
                ctx.bad_record("chat.csv_columns", line=start, found=len(cells), expected=len(columns))
                continue
            yield start, dict(zip(columns, cells, strict=False))
