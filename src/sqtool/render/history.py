"""``sqtool history``: saved audits as a table with sparklines of the trend, or as JSON."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING

from sqtool.audit.history import DIAGNOSES, HistoryEntry
from sqtool.i18n import Translator
from sqtool.render.audit_rows import number, share
from sqtool.render.sparkline import sparkline
from sqtool.settings import Settings

if TYPE_CHECKING:
    from rich.console import Console


def render_history_json(entries: list[HistoryEntry]) -> str:
    return json.dumps({"version": 1, "audits": history_to_json(entries)}, ensure_ascii=False, indent=2) + "\n"


def history_json_pieces(entries: Iterable[HistoryEntry], page: int = 1000) -> Iterator[str]:
    """``render_history_json``'s text, a page of audits at a time as they come (one page in memory)."""
    import orjson

    yield '{\n  "version": 1,\n  "audits": ['
    entries = iter(entries)
    first = True
    while chunk := [_entry_json(entry) for entry in islice(entries, page)]:
        # orjson writes what json.dumps(indent=2) writes for these values (ints, short floats, text), 20x
        # faster; the page's list is indented one level deeper, and its brackets left out
        text = orjson.dumps(chunk, option=orjson.OPT_INDENT_2).decode("utf-8")
        yield ("\n" if first else ",\n") + "  " + text[2:-2].replace("\n", "\n  ")
        first = False
    yield "]\n}\n" if first else "\n  ]\n}\n"


def history_to_json(entries: list[HistoryEntry]) -> list[dict[str, object]]:
    return [_entry_json(e) for e in entries]


def _entry_json(e: HistoryEntry) -> dict[str, object]:
    return {
        "id": e.id,
        "saved_at": e.saved_at,
        "plan": e.plan,
        "period": {"first": e.period_first, "last": e.period_last},
        "messages": e.messages,
        "senders": e.senders,
        "members": e.members,
        "lurker_share": e.lurker_share,
        "gini": e.gini,
        "weekly_active_share": e.weekly_active_share,
        "opinion_leaders": {"present": e.leaders_present, "needed": e.leaders_needed},
        "median_first_response_minutes": e.median_first_response_minutes,
        "unanswered_share": e.unanswered_share,
        "scores": dict(e.scores),
    }


SHOWN = 6  # most recent audits shown as columns; the trend sparkline covers all of them


def render_history_text(entries: list[HistoryEntry], settings: Settings, console: Console) -> None:
    """One row per figure, one column per recent audit, and a sparkline of the whole trend."""
    from rich.table import Table

    tr = Translator(settings.lang)
    if not entries:
        console.print(tr("audit.history_title", count=0))
        console.print(tr("audit.history_missing_hint"))
        return
    rows: list[tuple[str, list[str], list[float | None]]] = [
        (tr("audit.column.period"), [f"{e.period_first}…{e.period_last}" for e in entries], []),
        (tr("audit.figure.messages"), [number(e.messages) for e in entries], [e.messages for e in entries]),
        (tr("audit.figure.senders"), [number(e.senders) for e in entries], [e.senders for e in entries]),
        (tr("audit.figure.members"), [number(e.members) for e in entries], [e.members for e in entries]),
        (tr("audit.figure.lurker_share"), [share(e.lurker_share) for e in entries], [e.lurker_share for e in entries]),
        (tr("audit.figure.gini"), [number(e.gini, 2) for e in entries], [e.gini for e in entries]),
        (
            tr("audit.figure.weekly_active_share"),
            [share(e.weekly_active_share) for e in entries],
            [e.weekly_active_share for e in entries],
        ),
        (
            tr("audit.figure.leaders_present"),
            [f"{e.leaders_present}/{number(e.leaders_needed)}" for e in entries],
            [e.leaders_present for e in entries],
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
        rows.append((tr(f"audit.diagnosis.{diagnosis}"), [number(s) for s in scores], list(scores)))
    shown = entries[-SHOWN:]
    table = Table(title=tr("audit.history_title", count=len(entries)), title_justify="left")
    table.add_column(tr("audit.column.figure"))
    for entry in shown:
        table.add_column(entry.saved_at[:10], justify="right")
    table.add_column(tr("audit.history_trend"))
    for label, cells, series in rows:
        table.add_row(label, *cells[-SHOWN:], sparkline(series) if len(entries) > 1 else "")
    console.print(table)
