"""Plans for the calendar tests: the demo plan with its value outputs and rituals replaced."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import REPO

EXAMPLE = REPO / "examples" / "plan.yaml"


def plan_text(value_output: str = "", rituals: str = "", timezone: str = "Asia/Shanghai") -> str:
    """examples/plan.yaml (valid) with its ``value_output`` and ``rituals`` sections swapped for these."""
    text = EXAMPLE.read_text(encoding="utf-8")
    head, rest = text.split("value_output:\n", 1)
    _, tail = rest.split("growth:\n", 1)
    head = head.replace("timezone: Asia/Shanghai", f"timezone: {timezone}")
    middle = (f"value_output:\n{value_output}" if value_output else "value_output: []\n") + (
        f"\nrituals:\n{rituals}" if rituals else "\nrituals: []\n"
    )
    return f"{head}{middle}\ngrowth:\n{tail}"


def write_plan(folder: Path, value_output: str = "", rituals: str = "", timezone: str = "Asia/Shanghai") -> Path:
    path = folder / "plan.yaml"
    path.write_text(plan_text(value_output, rituals, timezone), encoding="utf-8")
    return path


ALL_KINDS_RITUALS = """\
  - name: Topic night
    kind: topic
    cadence: weekly
    day: thursday
    time: "21:00-21:30"
    host: Lin
    summary: true
    keywords: ["[topic]"]
  - name: Guest sharing
    kind: guest_share
    cadence: weekly
    day: sunday
    time: "20:30-22:00"
    announce_days_before: 2
    host: Mei
    summary: true
  - name: Morning check-in
    kind: check_in
    cadence: weekdays
    time: "07:00-08:00"
    host: Kai
  - name: Red packet hour
    kind: red_packet
    cadence: monthly
    day_of_month: 15
    time: "20:00"
  - name: City meetup
    kind: offline
    cadence: monthly
    week_of_month: last
    day: saturday
    time: "14:00-17:00"
    host: Lin
  - name: Book swap
    kind: other
    cadence: biweekly
    day: wednesday
    time: "19:00-20:00"
    announce_days_before: 3
    host: Yu
"""

ALL_KINDS_VALUE = """\
  - name: Daily case
    kind: case_study
    cadence: daily
    time: "08:00"
    owner: Mei
    backup: Yu
  - name: Weekly pack
    kind: resource
    cadence: weekly
    day: monday
    time: "12:00"
    owner: Yu
  - name: Friday digest
    kind: news
    cadence: weekly
    day: friday
    owner: Mei
"""
