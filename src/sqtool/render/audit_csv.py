"""`sqtool audit --report csv`: every table of the audit as one CSV file, UTF-8 with a BOM for Excel."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

from sqtool.audit.report import AuditReport
from sqtool.render.audit_tables import COLUMNS, TABLE_NAMES, Row, table

BOM = "\ufeff"


def csv_cell(value: Any) -> str:
    """One cell: empty for None, true/false for booleans, ISO dates, numbers as Python writes them."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def csv_text(rows: list[Row], columns: list[str] | None = None) -> str:
    """Rows as CSV text (header first, CRLF line ends as RFC 4180 and Excel expect), with a BOM."""
    header = columns if columns is not None else (list(rows[0]) if rows else [])
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([csv_cell(row.get(column)) for column in header])
    return BOM + buffer.getvalue()


def csv_files(report: AuditReport) -> dict[str, str]:
    """File name -> CSV text for every table (the report must carry its per-member and question rows)."""
    return {f"{name}.csv": csv_text(table(report, name), list(COLUMNS[name])) for name in TABLE_NAMES}
