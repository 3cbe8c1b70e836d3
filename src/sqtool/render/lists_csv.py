"""`sqtool audit --lists-csv DIR`: each member list to act on as one CSV file (UTF-8 with a BOM, so
Excel opens Chinese names correctly), every row, with stable English column names."""

from __future__ import annotations

from typing import Any

from sqtool.audit.report import ListedMember, MemberLists
from sqtool.render.audit_csv import csv_text
from sqtool.render.audit_lists import LIST_NAMES


def list_file_names() -> list[str]:
    return [f"lists-{name}.csv" for name in LIST_NAMES]


def _member(m: ListedMember) -> dict[str, Any]:
    return {"id": m.id, "name": m.name, "messages": m.messages, "last_post": m.last_day, "joined": m.joined}


def lists_csv_files(lists: MemberLists) -> dict[str, str]:
    """File name -> CSV text, in LIST_NAMES order."""
    member_columns = ["id", "name", "messages", "last_post", "joined"]
    tables: dict[str, tuple[list[dict[str, Any]], list[str]]] = {
        "never_posted": ([_member(m) for m in lists.never_posted], member_columns),
        "gone_silent": ([_member(m) for m in lists.gone_silent], member_columns),
        "joiners_silent": ([_member(m) for m in lists.joiners_silent], member_columns),
        "unanswered": (
            [
                {
                    "asked": q.asked.isoformat(timespec="seconds"),
                    "asker_id": q.asker_id,
                    "asker": q.asker,
                    "opening": q.opening,
                }
                for q in lists.unanswered
            ],
            ["asked", "asker_id", "asker", "opening"],
        ),
        "leader_candidates": (
            [
                {
                    "name": c.name,
                    "distinct_responders": c.distinct_responders,
                    "messages": c.messages,
                    "drawn": c.drawn,
                    "answers": c.answers,
                }
                for c in lists.leader_candidates
            ],
            ["name", "distinct_responders", "messages", "drawn", "answers"],
        ),
    }
    return {f"lists-{name}.csv": csv_text(*tables[name]) for name in LIST_NAMES}
