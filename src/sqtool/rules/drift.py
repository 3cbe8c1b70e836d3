"""Drift rules: the plan against what an audited export shows. `sqtool audit --plan` reports them
(sqtool.audit.drift); they are declared here so that `rules`, `explain`, SARIF and `--fail-on` know them."""

from __future__ import annotations

from sqtool.rules.registry import declare

declare("SQ801", family="drift", severity="warning", sources=("003", "004"))  # a ritual held less than planned
declare("SQ802", family="drift", severity="warning", sources=("002",))  # value output kept less than planned
declare("SQ803", family="drift", severity="warning", sources=("002",))  # a plan threshold missed
declare("SQ804", family="drift", severity="warning", sources=("002",))  # a named role silent in the period
declare("SQ805", family="drift", severity="info", sources=("002",))  # a named opinion leader drawing few responders
declare("SQ806", family="drift", severity="info", sources=("000",))  # size against target, capacity, current size
