"""Audit history in an embedded SQLite file: ``--save`` appends a summary, ``sqtool history`` reads them."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from sqtool.audit.report import AuditReport
from sqtool.errors import SqtoolError

SCHEMA_VERSION = 1
DEFAULT_NAME = Path(".sqtool") / "history.sqlite"
DIAGNOSES = ("owner_pull", "opinion_leaders", "customers_as_fans", "operations", "value_output")

_CREATE = """
CREATE TABLE IF NOT EXISTS audits (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    saved_at TEXT NOT NULL,
    plan TEXT,
    period_first TEXT NOT NULL,
    period_last TEXT NOT NULL,
    messages INTEGER NOT NULL,
    senders INTEGER NOT NULL,
    members INTEGER,
    lurker_share REAL,
    gini REAL NOT NULL,
    weekly_active_share REAL,
    leaders_present INTEGER NOT NULL,
    leaders_needed INTEGER,
    median_first_response_minutes REAL,
    unanswered_share REAL,
    scores TEXT NOT NULL
)
"""


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    id: int
    saved_at: str  # ISO 8601, UTC
    plan: str | None
    period_first: str
    period_last: str
    messages: int
    senders: int
    members: int | None
    lurker_share: float | None
    gini: float
    weekly_active_share: float | None
    leaders_present: int
    leaders_needed: int | None
    median_first_response_minutes: float | None
    unanswered_share: float | None
    scores: tuple[tuple[str, int | None], ...]  # (diagnosis id, score) in the order of article 002

    def score(self, diagnosis_id: str) -> int | None:
        return dict(self.scores).get(diagnosis_id)


# the fields read straight from the columns selected before ``scores``, in the same order
_STORED_FIELDS = tuple(f.name for f in fields(HistoryEntry) if f.name != "scores")


def default_history_path(plan_path: str | None = None) -> Path:
    """``.sqtool/history.sqlite`` beside the plan, else in the current folder."""
    if plan_path and plan_path != "-":
        return Path(plan_path).parent / DEFAULT_NAME
    return DEFAULT_NAME


@contextmanager
def _database(path: Path) -> Iterator[sqlite3.Connection]:
    """The history database, created or upgraded as needed, closed after use; any SQLite error on
    the way becomes one clear message naming the file."""
    connection = None
    try:
        connection = sqlite3.connect(path)
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise SqtoolError("audit.history_newer", hint="audit.history_newer_hint", path=str(path), version=version)
        connection.execute(_CREATE)
        # the order every read uses: `history --last N` takes the newest N without sorting every row
        connection.execute("CREATE INDEX IF NOT EXISTS audits_by_time ON audits (saved_at, id)")
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        yield connection
    except sqlite3.Error as error:
        raise SqtoolError(
            "audit.history_bad", hint="audit.history_bad_hint", path=str(path), reason=str(error)
        ) from error
    finally:
        if connection is not None:
            connection.close()


def save_summary(path: str | Path, report: AuditReport, *, saved_at: datetime | None = None) -> int:
    """Append the report's headline figures and scores; returns the new entry's id."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise SqtoolError("fs.cannot_write", path=str(target), reason=error.strerror or str(error)) from error
    figures = report.current
    row = (
        (saved_at or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds"),
        report.plan_path,
        figures.period.first.isoformat(),
        figures.period.last.isoformat(),
        figures.summary.messages,
        figures.summary.senders,
        figures.summary.members,
        figures.participation.lurker_share,
        figures.participation.gini,
        figures.weekly_active_share,
        figures.opinion_leaders.present,
        figures.opinion_leaders.needed,
        figures.responsiveness.median_first_response_minutes,
        figures.responsiveness.unanswered_share,
        json.dumps({d.id: d.score for d in report.diagnoses}),
    )
    with _database(target) as connection, connection:  # one transaction: the row is stored whole or not at all
        cursor = connection.execute(
            "INSERT INTO audits (saved_at, plan, period_first, period_last, messages, senders, members,"
            " lurker_share, gini, weekly_active_share, leaders_present, leaders_needed,"
            " median_first_response_minutes, unanswered_share, scores)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            row,
        )
    return int(cursor.lastrowid or 0)


DEFAULT_LAST = 1000  # audits `sqtool history` shows unless --last says otherwise (0: every one)
_COLUMNS = (
    "id, saved_at, plan, period_first, period_last, messages, senders, members, lurker_share, gini,"
    " weekly_active_share, leaders_present, leaders_needed, median_first_response_minutes,"
    " unanswered_share, scores"
)


def load_history(path: str | Path, last: int = 0) -> list[HistoryEntry]:
    """The saved audits, oldest first: the ``last`` most recent ones (0: every one)."""
    return list(iter_history(path, last))


def count_history(path: str | Path) -> int:
    """How many audits are saved in ``path``."""
    with _database(_existing(path)) as connection:
        return int(connection.execute("SELECT COUNT(*) FROM audits").fetchone()[0])


def iter_history(path: str | Path, last: int = 0) -> Iterator[HistoryEntry]:
    """The saved audits, oldest first, read from the database a page at a time (memory stays small
    however many there are): the ``last`` most recent ones, or every one when ``last`` is 0."""
    source = _existing(path)
    if last:
        recent = "SELECT * FROM audits ORDER BY saved_at DESC, id DESC LIMIT ?"
        query = f"SELECT {_COLUMNS} FROM ({recent}) ORDER BY saved_at, id"
        arguments: tuple[int, ...] = (last,)
    else:
        query, arguments = f"SELECT {_COLUMNS} FROM audits ORDER BY saved_at, id", ()
    with _database(source) as connection:
        cursor = connection.execute(query, arguments)
        while rows := cursor.fetchmany(_PAGE):
            yield from (_entry(row) for row in rows)


_PAGE = 1000  # rows fetched at a time


def _existing(path: str | Path) -> Path:
    source = Path(path)
    if not source.is_file():
        raise SqtoolError("audit.history_missing", hint="audit.history_missing_hint", path=str(source))
    return source


def _entry(row: tuple[Any, ...]) -> HistoryEntry:
    try:
        stored = orjson.loads(row[15])
    except (orjson.JSONDecodeError, TypeError):
        stored = {}
    if isinstance(stored, dict):
        scores = tuple((name, stored.get(name)) for name in DIAGNOSES)
    else:
        scores = tuple((name, None) for name in DIAGNOSES)
    # the columns are selected in the fields' order (mypy cannot count a slice's items)
    return HistoryEntry(*row[:15], scores=scores)  # type: ignore[misc]
