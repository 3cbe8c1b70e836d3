"""The optimised pass gives the very reports it gave before: golden JSON under tests/fixtures/audit/.

The goldens were written by the straightforward per-message code (before the issue 7 speed work);
regenerate them only on purpose, after checking the change in figures is wanted:
``python -m pytest tests/audit/test_golden.py --update-golden``.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sqtool.audit.engine import run_audit
from sqtool.audit.options import AuditOptions
from sqtool.audit.roster import Roster, RosterMember
from sqtool.chat.read import read_exports
from sqtool.commands.audit import AuditArguments, build_options
from sqtool.render.audit_json import report_to_json
from sqtool.settings import Settings
from tests.audit.golden_chat import generated_chat
from tests.conftest import golden_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "audit"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
DEMO = EXAMPLES / "demo-wechat.csv"
ROSTER = Roster(
    "roster.csv",
    (
        RosterMember("u0", "member 0", date(2026, 1, 5), frozenset({"owner"})),
        RosterMember("u1", "member 1", None, frozenset({"customer"})),
        RosterMember("u2", "member 2", None, frozenset({"staff"})),
        RosterMember("u999", "ghost", None, frozenset()),
    ),
)


def _check(name: str, document: dict) -> None:
    path = FIXTURES / f"{name}.json"
    text = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    assert json.loads(text) == json.loads(golden_text(path, text))


@pytest.mark.parametrize("with_plan", [True, False])
def test_demo_report_is_unchanged(with_plan: bool) -> None:
    arguments = AuditArguments(
        exports=(str(DEMO),), plan=str(EXAMPLES / "plan.yaml") if with_plan else None, since="2026-09-01"
    )
    report = run_audit(read_exports([str(DEMO)]), build_options(arguments, Settings()))
    document = report_to_json(report, top=0)
    document["summary"]["files"] = [Path(file).name for file in document["summary"]["files"]]
    document["plan"] = document["plan"] and Path(document["plan"]).name
    for item in document["drift"]:
        item["path"] = item["path"] and Path(item["path"]).name
    _check(f"demo-{'plan' if with_plan else 'bare'}", document)


CASES = {
    # reply links, a zone that moves its clocks inside the export, a roster with owner, customer, exclusion
    "linked-berlin": dict(
        linked=True,
        options=AuditOptions(tz=ZoneInfo("Europe/Berlin"), roster=ROSTER, exclude=frozenset({"tag:staff", "u5"})),
    ),
    # no reply links (the next-message rule), a window with its previous period, a short cutoff
    "unlinked-window": dict(
        linked=False,
        options=AuditOptions(
            tz=ZoneInfo("Asia/Shanghai"),
            since=date(2026, 4, 20),
            until=date(2026, 5, 19),
            members=500,
            response_cutoff_minutes=30,
        ),
    ),
    # UTC by default; the bare options most audits run with
    "unlinked-plain": dict(linked=False, options=AuditOptions()),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_generated_report_is_unchanged(name: str) -> None:
    case = CASES[name]
    records = generated_chat(20_000, linked=case["linked"])
    _check(f"generated-{name}", _short_lists(report_to_json(run_audit(records, case["options"]), top=0)))


def _short_lists(document: dict) -> dict:
    """The generated chats' member lists run to thousands of rows: each list's length and first five rows
    guard them here (tests/render/test_member_lists.py checks the rows against a hand count)."""
    lists = document.get("lists") or {}
    for key, value in list(lists.items()):
        if isinstance(value, list):
            lists[key] = {"count": len(value), "first": value[:5]}
    return document
