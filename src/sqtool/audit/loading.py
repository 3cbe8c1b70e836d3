"""The one time zone an audit reads and measures in; `audit` and `portfolio` share it (the plan they
read as validate does: `plan.schema.load_valid_plan`)."""

from __future__ import annotations

from datetime import tzinfo

from sqtool.errors import SqtoolError
from sqtool.plan.model import PlanModel


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
