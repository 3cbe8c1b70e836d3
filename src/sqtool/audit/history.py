"""Audit history in an embedded SQLite file: ``--save`` stores a summary per group and period,
``sqtool history`` reads one group's audits back.

Each audit is keyed by its group (``group_of``): the plan's community name and file, else the
export's group name, else the export's path; never by the folder the database sits in, so two
plans in one folder keep separate histories. Saving a period the group already has replaces it.
Databases of format 1 (one history per folder) are migrated in place when opened.

Reads go a page at a time through an index on (group, period, saved_at, id), so ``history`` shows
the newest ``--last N`` periods, and streams every one as JSON, however many audits are saved.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from sqtool.audit.report import AuditReport
from sqtool.chat.remote import is_url
from sqtool.errors import SqtoolError

SCHEMA_VERSION = 2
DEFAULT_NAME = Path(".sqtool") / "history.sqlite"
DIAGNOSES = ("owner_pull", "opinion_leaders", "customers_as_fans", "operations", "value_output")
LEGACY_GROUP = "legacy:"  # format-1 audits saved without a plan: their group cannot be told any more

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
    scores TEXT NOT NULL,
    group_key TEXT NOT NULL DEFAULT '',
    group_label TEXT NOT NULL DEFAULT ''
)
"""
# the order every read uses (a group's periods, then the latest saved of a period): `history --last N`
# takes the newest N, and the latest audit of each period is found, without sorting every row
_INDEX = "CREATE INDEX IF NOT EXISTS audits_by_period ON audits (group_key, period_first, period_last, saved_at, id)"


@dataclass(frozen=True, slots=True)
class Group:
    """Whose audits these are: ``key`` tells groups apart, ``label`` is what the user reads."""

    key: str
    label: str


@dataclass(frozen=True, slots=True)
class GroupSummary:
    group: Group
    audits: int
    first: str  # the first day of the earliest period saved
    last: str  # the last day of the latest period saved


@dataclass(frozen=True, slots=True)
class SavedFigures:
    """The figures one saved audit keeps (the columns of a history row)."""

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
    scores: tuple[tuple[str, int | None], ...]


@dataclass(frozen=True, slots=True)
class HistoryEntry(SavedFigures):
    """One saved audit as read back: its figures, when it was saved (its row id) and whose it is."""

    id: int
    saved_at: str  # ISO 8601, UTC
    group: Group = Group(LEGACY_GROUP, "")

    def score(self, diagnosis_id: str) -> int | None:
        return dict(self.scores).get(diagnosis_id)

    @property
    def period(self) -> str:
        """The period as written everywhere: ``2026-06-01..2026-06-30``."""
        return f"{self.period_first}..{self.period_last}"


@dataclass(frozen=True, slots=True)
class Saved:
    """What ``save_summary`` did: the new entry's id, and how many audits of the same group and
    period it replaced (0 or more: a migrated database may hold several)."""

    id: int
    replaced: int
    group: Group
    period: str


# the columns of a history row, named: reads and writes list them, never the dataclasses' field order,
# so a database saved by any earlier version reads the same (tests/fixtures/history/format-*.sqlite)
_FIGURE_COLUMNS = (
    "plan",
    "period_first",
    "period_last",
    "messages",
    "senders",
    "members",
    "lurker_share",
    "gini",
    "weekly_active_share",
    "leaders_present",
    "leaders_needed",
    "median_first_response_minutes",
    "unanswered_share",
)  # every field of SavedFigures but ``scores`` (stored as JSON)
_WRITTEN = ("saved_at", *_FIGURE_COLUMNS, "scores", "group_key", "group_label")
_COLUMNS = ", ".join(("id", *_WRITTEN))
# the audits that count: of several audits of one group and period (a migrated database) the last saved
_LATEST = (
    f"SELECT {_COLUMNS} FROM audits AS a WHERE NOT EXISTS (SELECT 1 FROM audits AS b"
    " WHERE b.group_key = a.group_key AND b.period_first = a.period_first AND b.period_last = a.period_last"
    " AND (b.saved_at > a.saved_at OR (b.saved_at = a.saved_at AND b.id > a.id)))"
)
_ORDER = "period_first, period_last, saved_at, id"
_NEWEST_FIRST = "period_first DESC, period_last DESC, saved_at DESC, id DESC"
DEFAULT_LAST = 1000  # periods `sqtool history` shows unless --last says otherwise (0: every one)
_PAGE = 1000  # rows fetched from the database at a time


def default_history_path(plan_path: str | None = None) -> Path:
    """``.sqtool/history.sqlite`` beside the plan, else in the current folder."""
    if plan_path and plan_path != "-":
        return Path(plan_path).parent / DEFAULT_NAME
    return DEFAULT_NAME


def plan_group(community_name: str | None, plan_path: str) -> Group:
    """A plan's group: its community name and its file name (the folder may move, the key stays)."""
    file_name = Path(plan_path).name
    name = (community_name or "").strip()
    return Group(f"plan:{name}:{file_name}", f"{name} ({file_name})" if name else file_name)


def group_of(
    *, community_name: str | None, plan_path: str | None, export_group: str | None, exports: Sequence[str]
) -> Group:
    """The group an audit belongs to: the plan's community name and file, else the export's group
    name (as the export states it), else the exports' paths (resolved, so ``./a`` and ``a`` agree; a URL
    as written)."""
    if plan_path is not None and plan_path != "-":
        return plan_group(community_name, plan_path)
    if export_group:
        return Group(f"export:{export_group}", export_group)
    paths = [export if export == "-" or is_url(export) else str(Path(export).resolve()) for export in exports]
    return Group("path:" + "\n".join(paths), ", ".join(Path(export).name or export for export in exports))


@contextmanager
def _database(path: Path) -> Iterator[sqlite3.Connection]:
    """The history database, created or migrated as needed, closed after use; any SQLite error on
    the way becomes one clear message naming the file."""
    connection = None
    try:
        connection = sqlite3.connect(path)
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise SqtoolError("audit.history_newer", hint="audit.history_newer_hint", path=str(path), version=version)
        if version < SCHEMA_VERSION:
            with connection:  # one transaction: migrated whole or not at all
                if version == 1:
                    _migrate_from_1(connection, path)
                connection.execute(_CREATE)
                connection.execute(_INDEX)
                connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        elif not connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'audits_by_period'"
        ).fetchone():
            with connection:  # a database of this format saved before the index came
                connection.execute(_INDEX)
        yield connection
    except sqlite3.Error as error:
        raise SqtoolError(
            "audit.history_bad", hint="audit.history_bad_hint", path=str(path), reason=str(error)
        ) from error
    finally:
        if connection is not None:
            connection.close()


def _migrate_from_1(connection: sqlite3.Connection, path: Path) -> None:
    """Format 1 kept one history per folder: each audit gets the group of the plan it was saved with
    (its community name read from the plan beside the database when it is still there), else the
    legacy group."""
    columns = {row[1] for row in connection.execute("PRAGMA table_info(audits)")}
    if "group_key" not in columns:
        connection.execute("ALTER TABLE audits ADD COLUMN group_key TEXT NOT NULL DEFAULT ''")
        connection.execute("ALTER TABLE audits ADD COLUMN group_label TEXT NOT NULL DEFAULT ''")
    plans = [row[0] for row in connection.execute("SELECT DISTINCT plan FROM audits WHERE group_key = ''")]
    for plan in plans:
        group = plan_group(_community_name(plan, path), plan) if plan else Group(LEGACY_GROUP, "")
        connection.execute(
            "UPDATE audits SET group_key = ?, group_label = ? WHERE group_key = '' AND plan IS ?",
            (group.key, group.label, plan),
        )


def _community_name(plan: str, database: Path) -> str | None:
    """community.name of a plan saved in a format-1 history: the database sat in ``.sqtool/`` beside it."""
    from sqtool.plan.load import load_plan
    from sqtool.plan.model import PlanModel

    for candidate in (database.resolve().parent.parent / Path(plan).name, Path(plan)):
        if candidate.is_file():
            try:
                name = PlanModel.of(load_plan(candidate)).community.name
            except (SqtoolError, OSError):  # a plan that no longer loads: its file name still tells it
                continue
            return name.value if name is not None else None
    return None


def figures_of(report: AuditReport) -> SavedFigures:
    """What ``save_summary`` keeps of an audit report."""
    figures = report.current
    return SavedFigures(
        plan=report.plan_path,
        period_first=figures.period.first.isoformat(),
        period_last=figures.period.last.isoformat(),
        messages=figures.summary.messages,
        senders=figures.summary.senders,
        members=figures.summary.members,
        lurker_share=figures.participation.lurker_share,
        gini=figures.participation.gini,
        weekly_active_share=figures.weekly_active_share,
        leaders_present=figures.opinion_leaders.present,
        leaders_needed=figures.opinion_leaders.needed,
        median_first_response_minutes=figures.responsiveness.median_first_response_minutes,
        unanswered_share=figures.responsiveness.unanswered_share,
        scores=tuple((d.id, d.score) for d in report.diagnoses),
    )


def save_summary(
    path: str | Path, report: AuditReport, group: Group | None = None, *, saved_at: datetime | None = None
) -> Saved:
    """Store the report's headline figures and scores for ``group`` (by default the plan's, else
    the legacy group); an audit of the same group and period is replaced."""
    if group is None:
        group = plan_group(None, report.plan_path) if report.plan_path else Group(LEGACY_GROUP, "")
    return save_figures(path, [(group, figures_of(report))], saved_at=saved_at)[0]


def save_figures(
    path: str | Path, audits: Sequence[tuple[Group, SavedFigures]], *, saved_at: datetime | None = None
) -> list[Saved]:
    """Store each group's figures in one transaction (`portfolio --save` keeps every group's or none);
    an audit of the same group and period is replaced."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise SqtoolError("fs.cannot_write", path=str(target), reason=error.strerror or str(error)) from error
    stamp = (saved_at or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds")
    saved = []
    with _database(target) as connection, connection:  # one transaction: replaced and stored, or neither
        for group, figures in audits:
            first, last = figures.period_first, figures.period_last
            row = (
                stamp,
                *(getattr(figures, column) for column in _FIGURE_COLUMNS),
                json.dumps(dict(figures.scores)),
                group.key,
                group.label,
            )
            replaced = connection.execute(
                "DELETE FROM audits WHERE group_key = ? AND period_first = ? AND period_last = ?",
                (group.key, first, last),
            ).rowcount
            cursor = connection.execute(
                f"INSERT INTO audits ({', '.join(_WRITTEN)}) VALUES ({', '.join('?' * len(_WRITTEN))})",
                row,
            )
            saved.append(Saved(int(cursor.lastrowid or 0), replaced, group, f"{first}..{last}"))
    return saved


def _existing(path: str | Path) -> Path:
    source = Path(path)
    if not source.is_file():
        raise SqtoolError("audit.history_missing", hint="audit.history_missing_hint", path=str(source))
    return source


def load_history(path: str | Path, group_key: str | None = None, last: int = 0) -> list[HistoryEntry]:
    """The saved audits of one group (every group when ``group_key`` is None), ordered by period; of
    several audits of one group and period (a migrated database) the last saved one; the ``last``
    most recent periods only (0: every one)."""
    return list(iter_history(path, group_key, last))


def iter_history(path: str | Path, group_key: str | None = None, last: int = 0) -> Iterator[HistoryEntry]:
    """``load_history``'s entries, read from the database a page at a time (memory stays that of one
    page however many audits are saved)."""
    source = _existing(path)
    where, arguments = ("", ()) if group_key is None else (" AND a.group_key = ?", (group_key,))
    if last:
        query = f"SELECT * FROM ({_LATEST}{where} ORDER BY {_NEWEST_FIRST} LIMIT ?) ORDER BY {_ORDER}"
        arguments = (*arguments, last)
    else:
        query = f"{_LATEST}{where} ORDER BY {_ORDER}"
    with _database(source) as connection:
        cursor = connection.execute(query, arguments)
        while rows := cursor.fetchmany(_PAGE):
            yield from (_entry(row) for row in rows)


def _entry(row: tuple[Any, ...]) -> HistoryEntry:
    """A row selected as ``_COLUMNS`` lists them, read by column name."""
    stored_row = dict(zip(("id", *_WRITTEN), row, strict=True))
    try:
        stored = orjson.loads(stored_row["scores"])
    except (ValueError, TypeError):  # orjson.JSONDecodeError is a ValueError
        stored = {}
    scores = tuple((name, stored.get(name) if isinstance(stored, dict) else None) for name in DIAGNOSES)
    return HistoryEntry(
        **{column: stored_row[column] for column in _FIGURE_COLUMNS},
        scores=scores,
        id=stored_row["id"],
        saved_at=stored_row["saved_at"],
        group=Group(stored_row["group_key"], stored_row["group_label"]),
    )


def list_groups(path: str | Path) -> list[GroupSummary]:
    """Every group in the database with its number of audits (periods) and the span of its periods, by
    label; counted by SQLite, so no audit is loaded. A group's label is that of its latest period."""
    query = (
        "SELECT group_key, COUNT(*), MIN(period_first), MAX(period_last),"
        " (SELECT group_label FROM audits AS b WHERE b.group_key = g.group_key"
        f" ORDER BY {_NEWEST_FIRST} LIMIT 1)"
        " FROM (SELECT DISTINCT group_key, period_first, period_last FROM audits) AS g GROUP BY group_key"
    )
    with _database(_existing(path)) as connection:
        summaries = [
            GroupSummary(group=Group(key, label), audits=int(count), first=first, last=last)
            for key, count, first, last, label in connection.execute(query)
        ]
    return sorted(summaries, key=lambda summary: (summary.group.label, summary.group.key))


def list_periods(path: str | Path, group_key: str) -> list[tuple[str, str]]:
    """The group's saved periods as (first, last) days, in order."""
    with _database(_existing(path)) as connection:
        return [
            (first, last)
            for first, last in connection.execute(
                "SELECT DISTINCT period_first, period_last FROM audits WHERE group_key = ?"
                " ORDER BY period_first, period_last",
                (group_key,),
            )
        ]


def delete_period(path: str | Path, group_key: str, first: str, last: str) -> int:
    """Remove the group's audits of the period ``first..last``; returns how many were removed."""
    with _database(_existing(path)) as connection, connection:
        return int(
            connection.execute(
                "DELETE FROM audits WHERE group_key = ? AND period_first = ? AND period_last = ?",
                (group_key, first, last),
            ).rowcount
        )
