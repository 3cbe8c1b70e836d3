"""``sqtool history``: saved audits as a table with sparklines of the trend, or as JSON."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from sqtool.audit.history import DIAGNOSES, HistoryEntry, history_to_json
from sqtool.i18n import Translator
from sqtool.render.audit_rows import number, share
from sqtool.render.sparkline import sparkline
from sqtool.settings import Settings

if TYPE_CHECKING:
    from rich.console import Console


def render_history_json(entries: list[HistoryEntry]) -> str:
    return json.dumps({"version": 1, "audits": history_to_json(entries)}, ensure_ascii=False, indent=2) + "\n"


def render_history_text(entries: list[HistoryEntry], settings: Settings, console: Console) -> None:
    from rich.table import Table

    tr = Translator(settings.lang)
    table = Table(title=tr("audit.history_title", count=len(entries)), title_justify="left")
    columns: list[tuple[str, list[str], list[float | None]]] = [
        (tr("audit.column.saved"), [e.saved_at[:16].replace("T", " ") for e in entries], []),
        (tr("audit.column.period"), [f"{e.period_first}…{e.period_last}" for e in entries], []),
        (tr("audit.figure.messages"), [number(e.messages) for e in entries], [e.messages for e in entries]),
        (tr("audit.figure.senders"), [number(e.senders) for e in entries], [e.senders for e in entries]),
        (tr("audit.figure.lurker_share"), [share(e.lurker_share) for e in entries], [e.lurker_share for e in entries]),
        (tr("audit.figure.gini"), [number(e.gini, 2) for e in entries], [e.gini for e in entries]),
        (
            tr("audit.figure.weekly_active_share"),
            [share(e.weekly_active_share) for e in entries],
            [e.weekly_active_share for e in entries],
        ),
        (
            tr("audit.figure.median_response"),
            [number(e.median_first_response_minutes) for e in entries],
            [e.median_first_response_minutes for e in entries],
        ),
        (
            tr("audit.figure.unanswered_share"),
            [share(e.unanswered_share) for e in entries],
            [e.unanswered_share for e in entries],
        ),
    ]
    for diagnosis in DIAGNOSES:
        scores = [e.score(diagnosis) for e in entries]
        columns.append((tr(f"audit.diagnosis.{diagnosis}"), [number(s) for s in scores], list(scores)))
    for title, _cells, _series in columns:
        table.add_column(title, overflow="fold")
    for row in range(len(entries)):
        table.add_row(*(cells[row] for _title, cells, _series in columns))
    if len(entries) > 1:
        table.add_row(tr("audit.history_trend"), "", *(sparkline(series) for _t, _c, series in columns[2:]))
    console.print(table)
