"""What an audit reads besides the exports, read as `sqtool validate` reads it: the plan (refused
when the schema refuses it) and the one time zone; `audit` and `portfolio` share them."""

from __future__ import annotations

from datetime import tzinfo

from sqtool.diagnostics import Severity
from sqtool.errors import SqtoolError
from sqtool.plan.load import LoadedPlan
from sqtool.plan.model import PlanModel
from sqtool.settings import Lang


def load_valid_plan(source: str, lang: Lang) -> LoadedPlan:
    """A plan that passes `sqtool validate` (YAML and schema), else a SqtoolError at its first problem:
    the audit compares the chat with the plan, so it must read the plan as validate does."""
    from sqtool.plan.load import load_plan
    from sqtool.plan.schema import schema_findings

    loaded = load_plan(source, lang=lang)
    problems = [finding for finding in schema_findings(loaded, lang=lang) if finding.severity is Severity.ERROR]
    if problems:
        first = problems[0]
        raise SqtoolError(
            "audit.plan_invalid",
            hint="audit.plan_invalid_hint",
            path=first.path,
            line=first.line,
            col=first.col,
            message=first.message,
        )
    return loaded


def audit_zone(name: str | None, plan: PlanModel | None = None) -> tzinfo:
    """The one zone for reading and measuring: --tz, else the plan's community.timezone, else this
    machine's zone (as IANA name when it can be found, so DST is right)."""
    from sqtool.chat.timezones import local_zone, zone_named

    if name is not None:
        return zone_named(name)
    if plan is not None and (planned := plan.community.timezone) is not None:
        try:
            return zone_named(planned.value)
        except SqtoolError as error:  # point at the plan line, not at an option the user did not give
            raise SqtoolError(
                error.key, hint=error.hint, path=plan.path, line=planned.line, col=planned.col, zone=planned.value
            ) from error
    return local_zone()
