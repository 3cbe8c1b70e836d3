"""``sqtool history``: saved audits as a table with sparklines of the trend, or as JSON."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING

from sqtool.audit.history import DIAGNOSES, LEGACY_GROUP, Group, GroupSummary, HistoryEntry
from sqtool.i18n import Translator
from sqtool.render.audit_rows import number, share
from sqtool.render.sparkline import shrink, sparkline
from sqtool.render.wrap import display_width
from sqtool.reporters.safe_text import one_line
from sqtool.settings import Settings

if TYPE_CHECKING:
    from rich.console import Console


def render_history_json(entries: list[HistoryEntry]) -> str:
    """One group's audits, by period: ``{"version": 2, "group": {...}, "audits": [...]}``."""
    group = {"key": entries[0].group.key, "label": entries[0].group.label} if entries else None
    document = {"version": 2, "group": group, "audits": history_to_json(entries)}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def history_json_pieces(group: Group | None, entries: Iterable[HistoryEntry], page: int = 1000) -> Iterator[str]:
    """``render_history_json``'s text for ``group``'s audits, a page at a time as they come (one page
    in memory, however many there are)."""
    import orjson

    head = {"version": 2, "group": {"key": group.key, "label": group.label} if group is not None else None}
    # the head's text without its closing brace, then the audits' list
    yield json.dumps(head, ensure_ascii=False, indent=2)[:-2] + ',\n  "audits": ['
    entries = iter(entries)
    first = True
    while chunk := [_entry_json(entry) for entry in islice(entries, page)]:
        # orjson writes what json.dumps(indent=2) writes for these values (ints, short floats, text), 20x
        # faster; the page's list is indented one level deeper, and its brackets left out
        text = orjson.dumps(chunk, option=orjson.OPT_INDENT_2).decode("utf-8")
        yield ("\n" if first else ",\n") + "  " + text[2:-2].replace("\n", "\n  ")
        first = False
    yield "]\n}\n" if first else "\n  ]\n}\n"


def render_groups_json(groups: list[GroupSummary]) -> str:
    """The groups of a database (``history --all``)."""
    document = {
        "version": 2,
        "groups": [
            {
                "key": g.group.key,
                "label": g.group.label,
                "audits": g.audits,
                "period": {"first": g.first, "last": g.last},
            }
            for g in groups
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def group_label(group: Group, tr: Translator) -> str:
    """The group's label; format-1 audits saved without a plan are named as such."""
    return tr("history.legacy_group") if group.key == LEGACY_GROUP else group.label or group.key


def render_groups_text(groups: list[GroupSummary], settings: Settings, console: Console) -> None:
    """One row per group: its name, number of audits and the span of its periods."""
    from rich.table import Table

    tr = Translator(settings.lang)
    table = Table(title=tr("history.groups_title", count=len(groups)), title_justify="left")
    table.add_column(tr("history.column.group"), overflow="fold")
    table.add_column(tr("history.column.audits"), justify="right")
    table.add_column(tr("history.column.periods"), no_wrap=True)
    for summary in groups:
        table.add_row(
            group_label(summary.group, tr),
            str(summary.audits),
            f"{summary.first}..{summary.last}",
        )
    console.print(table)
    console.print(tr("history.groups_hint_shown"))


def history_to_json(entries: list[HistoryEntry]) -> list[dict[str, object]]:
    return [_entry_json(e) for e in entries]


def _entry_json(e: HistoryEntry) -> dict[str, object]:
    return {
        "id": e.id,
        "saved_at": e.saved_at,
        "group": e.group.label,
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


SHOWN = 6  # most recent periods shown as columns; the trend sparkline covers all of them


def render_history_text(entries: list[HistoryEntry], settings: Settings, console: Console) -> None:
    """One row per figure, one column per recent period (headed by its full first and last day), and a
    sparkline of the whole trend."""
    from rich.table import Table

    tr = Translator(settings.lang)
    if not entries:
        console.print(tr("audit.history_title", count=0))
        console.print(tr("audit.history_missing_hint"))
        return
    rows: list[tuple[str, list[str], list[float | None]]] = [
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
    title = tr("audit.history_title", count=len(entries))
    group = one_line(group_label(entries[-1].group, tr))
    table = Table(title=f"{group}: {title}", title_justify="left")
    table.add_column(tr("audit.column.figure"), overflow="fold")
    for entry in shown:  # a period's two days on two lines: the column stays narrow, the dates whole
        table.add_column(
            one_line(f"{entry.period_first}") + "\n.." + one_line(f"{entry.period_last}"),
            justify="right",
            no_wrap=True,
            min_width=12,
        )
    # the trend covers every saved audit: shrunk to the room the other columns leave, never wrapped
    label_width = max(display_width(label) for label, _, _ in rows)
    room = max(8, console.width - (label_width + 3) - 15 * len(shown) - 4)  # a period column takes 15
    table.add_column(tr("audit.history_trend"), no_wrap=True)
    for label, cells, series in rows:
        table.add_row(label, *cells[-SHOWN:], sparkline(shrink(series, room)) if len(entries) > 1 else "")
    console.print(table)
