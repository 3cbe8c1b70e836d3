"""Calendar rules: what `sqtool plan` finds when it lays the plan out on real dates. They are reported
by sqtool.schedule.findings and declared here so that `rules`, `explain`, SARIF and `--fail-on` know them."""

from __future__ import annotations

from sqtool.rules.registry import declare

declare("SQ901", family="schedule", severity="warning", sources=("003", "004"))  # two items at once
declare("SQ902", family="schedule", severity="warning", sources=("003",))  # an item at night in the group's zone
declare("SQ903", family="schedule", severity="warning", sources=("003", "004"))  # announcement due before day one
declare("SQ904", family="schedule", severity="info", sources=("002",))  # an item the calendar cannot place
