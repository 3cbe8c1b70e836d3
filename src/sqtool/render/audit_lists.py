"""The member lists to act on as titled tables of text, shared by every report format and the CSV files."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqtool.audit.report import AuditReport, MemberLists
from sqtool.i18n import Translator
from sqtool.render.audit_rows import DASH, number

LIST_NAMES = ("never_posted", "gone_silent", "joiners_silent", "unanswered", "leader_candidates")


@dataclass(frozen=True, slots=True)
class ListTable:
    name: str  # one of LIST_NAMES: the CSV file is lists-<name>.csv
    title: str
    why: str  # what to do with the people on it
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[int, ...] = ()  # right-aligned columns
    known: bool = True  # False: the list cannot be drawn up (``why`` says what to give)

    @property
    def count(self) -> str:
        return str(len(self.rows)) if self.known else DASH


def _id(member_id: str, name: str) -> str:
    """The id, or nothing when the export knows the member by name only (no second copy)."""
    return "" if member_id == name else member_id


def _day(value: object) -> str:
    return DASH if value is None else str(value)


def list_tables(report: AuditReport, tr: Translator) -> list[ListTable]:
    """Every list, in LIST_NAMES order (empty ones too: "nobody" is news)."""
    lists = report.lists
    if lists is None:
        return []
    tables = [_never(lists, tr), _silent(lists, tr), _joiners(lists, tr), _unanswered(lists, tr), _leaders(lists, tr)]
    return [_without_empty_ids(table, tr("lists.column.id")) for table in tables]


def _without_empty_ids(table: ListTable, id_header: str) -> ListTable:
    """The table without its id column when no row has an id (exports that know names only)."""
    if id_header not in table.header or any(row[table.header.index(id_header)] for row in table.rows):
        return table
    at = table.header.index(id_header)
    return replace(
        table,
        header=table.header[:at] + table.header[at + 1 :],
        rows=tuple(row[:at] + row[at + 1 :] for row in table.rows),
        numeric=tuple(i - (i > at) for i in table.numeric if i != at),
    )


def _never(lists: MemberLists, tr: Translator) -> ListTable:
    why = tr("lists.never_posted.why" if lists.never_posted_base else "lists.never_posted.no_base")
    return ListTable(
        "never_posted",
        tr("lists.never_posted"),
        why,
        (tr("lists.column.name"), tr("lists.column.id")),
        tuple((m.name, _id(m.id, m.name)) for m in lists.never_posted),
        known=lists.never_posted_base is not None,
    )


def _silent(lists: MemberLists, tr: Translator) -> ListTable:
    return ListTable(
        "gone_silent",
        tr("lists.gone_silent", days=lists.silent_days),
        tr("lists.gone_silent.why", days=lists.silent_days),
        (tr("lists.column.name"), tr("lists.column.id"), tr("lists.column.messages"), tr("lists.column.last_post")),
        tuple((m.name, _id(m.id, m.name), number(m.messages), _day(m.last_day)) for m in lists.gone_silent),
        (2,),
    )


def _joiners(lists: MemberLists, tr: Translator) -> ListTable:
    return ListTable(
        "joiners_silent",
        tr("lists.joiners_silent"),
        tr("lists.joiners_silent.why"),
        (tr("lists.column.name"), tr("lists.column.id"), tr("lists.column.joined")),
        tuple(
            (m.name, _id(m.id, m.name), m.joined.strftime("%Y-%m-%d %H:%M") if m.joined else DASH)
            for m in lists.joiners_silent
        ),
    )


def _unanswered(lists: MemberLists, tr: Translator) -> ListTable:
    return ListTable(
        "unanswered",
        tr("lists.unanswered"),
        tr("lists.unanswered.why"),
        (tr("lists.column.asked"), tr("lists.column.asker"), tr("lists.column.id"), tr("lists.column.question")),
        tuple(
            (q.asked.strftime("%Y-%m-%d %H:%M"), q.asker, _id(q.asker_id, q.asker), q.opening) for q in lists.unanswered
        ),
    )


def _leaders(lists: MemberLists, tr: Translator) -> ListTable:
    return ListTable(
        "leader_candidates",
        tr("lists.leader_candidates"),
        tr("lists.leader_candidates.why"),
        (
            tr("lists.column.name"),
            tr("lists.column.responders"),
            tr("lists.column.drawn"),
            tr("lists.column.answers"),
        ),
        tuple(
            (c.name, number(c.distinct_responders), number(c.drawn), number(c.answers)) for c in lists.leader_candidates
        ),
        (1, 2, 3),
    )


def lists_summary(report: AuditReport, tr: Translator) -> str | None:
    """One line with the size of each list, for the top of a report."""
    lists = report.lists
    if lists is None:
        return None
    return tr(
        "lists.summary",
        never=len(lists.never_posted) if lists.never_posted_base else DASH,
        silent=len(lists.gone_silent),
        joiners=len(lists.joiners_silent),
        unanswered=len(lists.unanswered),
        candidates=len(lists.leader_candidates),
    )
