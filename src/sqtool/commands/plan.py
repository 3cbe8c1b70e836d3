"""`sqtool plan`: the plan laid out as the team's operating kit for N weeks (calendar with owners and
preparation steps, role sheet, texts to paste, KPI sheet), optionally an ICS file; exit 1 when a
calendar finding reaches --fail-on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path

from sqtool.commands import findings_exit
from sqtool.diagnostics import fail_threshold
from sqtool.errors import SqtoolError
from sqtool.plan.model import PlanModel
from sqtool.settings import Settings

FORMATS = ("text", "md", "json")
DEFAULT_WEEKS = 4
MOST_WEEKS = 53  # a year: the calendar is for running the group, not for archiving


@dataclass(frozen=True, slots=True)
class PlanRequest:
    """The options of one `sqtool plan` run, as typed on the command line."""

    file: str
    weeks: str | None = None
    start: str | None = None
    tz: str | None = None
    format: str = "text"
    output: Path | None = None
    ics: Path | None = None
    force: bool = False
    fail_on: str = "error"


def weeks_of(value: str | None) -> int:
    if value is None:
        return DEFAULT_WEEKS
    try:
        weeks = int(value.strip())
    except ValueError:
        weeks = 0
    if not 1 <= weeks <= MOST_WEEKS:
        raise SqtoolError("kit.bad_weeks", hint="kit.bad_weeks_hint", value=value, most=MOST_WEEKS)
    return weeks


def start_of(value: str | None, zone: tzinfo, today: date | None = None) -> date:
    """--start, else the coming Monday in the group's zone (today when it is a Monday)."""
    if value is not None:
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise SqtoolError("kit.bad_start", hint="kit.bad_start_hint", value=value) from None
    now = today or datetime.now(zone).date()
    return now + timedelta(days=(7 - now.weekday()) % 7)


def plan_zone(name: str | None, plan: PlanModel) -> tuple[tzinfo, str]:
    """--tz, else the plan's community.timezone (errors point at its line), else this machine's zone."""
    from sqtool.chat.timezones import local_zone, zone_named

    if name is not None:
        return zone_named(name), name.strip()
    planned = plan.community.timezone
    if planned is not None:
        try:
            return zone_named(planned.value), planned.value
        except SqtoolError as error:
            raise SqtoolError(
                error.key, hint=error.hint, path=plan.path, line=planned.line, col=planned.col, zone=planned.value
            ) from error
    zone = local_zone()
    return zone, str(getattr(zone, "key", None) or zone)


def run_plan(settings: Settings, request: PlanRequest, today: date | None = None) -> int:
    """Build the kit, print or write it (and the ICS file), return the exit code."""
    import typer

    from sqtool.console import emit
    from sqtool.fsutil import write_atomic
    from sqtool.generated import may_replace, refuse_existing
    from sqtool.i18n import Translator
    from sqtool.plan.files import refuse_output_among_inputs, same_file
    from sqtool.reporters.safe_text import one_line
    from sqtool.schedule.kit import build_kit

    tr = Translator(settings.lang)
    if request.format not in FORMATS:
        raise SqtoolError(
            "kit.bad_format", hint="kit.bad_format_hint", value=request.format, choices=", ".join(FORMATS)
        )
    threshold = fail_threshold(request.fail_on)
    weeks = weeks_of(request.weeks)
    for target in (request.output, request.ics):
        refuse_output_among_inputs(target, [request.file])  # even with --force: never over the plan
    if request.output is not None and request.ics is not None and same_file(request.output, request.ics):
        raise SqtoolError("kit.ics_is_output", hint="kit.ics_is_output_hint", path=str(request.ics))
    refuse_existing(request.output, request.force)
    ics_replaceable = request.ics is not None and (may_replace(request.ics, request.force) or _is_our_ics(request.ics))
    if request.ics is not None and not ics_replaceable:
        raise SqtoolError("fs.exists", hint="fs.exists_not_generated_hint", path=str(request.ics))
    from sqtool.plan.schema import load_valid_plan

    plan = PlanModel.of(load_valid_plan(request.file, settings.lang, refusal="kit.plan_invalid"))
    zone, zone_name = plan_zone(request.tz, plan)
    first = start_of(request.start, zone, today)
    kit = build_kit(plan, first, weeks, zone, zone_name, tr)
    if not kit.schedulable:
        typer.echo(tr("kit.nothing", path=one_line(plan.path)), err=True)
        typer.echo(f"  {tr('core.hint_prefix')}: {tr('kit.nothing_hint')}", err=True)
    if request.format == "json":
        from sqtool.render.plan_json import render_json

        text = render_json(kit, tr)
    elif request.format == "md":
        from sqtool.render.plan_text import render_markdown

        text = render_markdown(kit, tr)
    else:
        from sqtool.render.plan_text import render_text

        text = render_text(kit, tr)
    emit(text, request.output, force=request.force, settings=settings, format_name=request.format)
    if request.ics is not None:
        from sqtool.schedule.ics import write_ics

        data, events = write_ics(kit, tr)
        write_atomic(request.ics, data, force=True)
        if not settings.quiet:
            typer.echo(tr("kit.ics_written", path=one_line(str(request.ics)), events=events), err=True)
    return findings_exit(kit.findings, threshold)


def _is_our_ics(path: Path) -> bool:
    """An ICS file sqtool wrote (its PRODID names sqtool plan): a re-export may replace it."""
    try:
        with path.open("rb") as stream:
            head = stream.read(512)
    except OSError:
        return False
    return b"BEGIN:VCALENDAR" in head and b"sqtool plan" in head
