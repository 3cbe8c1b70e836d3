"""The Python API for notebooks and pipelines: ``sqtool.load_plan``, ``sqtool.check``, ``sqtool.audit``.

The same engine as the command line, without exit codes or printing: plans come back as a typed
``PlanModel``, checks as a list of ``Finding``, audits as an ``AuditReport`` whose tables are plain
lists of dicts (and pandas DataFrames when pandas is installed; it is imported only when asked for).
Bad input raises ``InputError`` with the file, line and a message in the chosen language.
docs/api.md shows a whole session.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqtool.audit.report import AuditReport as AuditResult
from sqtool.diagnostics import Finding
from sqtool.errors import SqtoolError
from sqtool.plan.model import PlanModel
from sqtool.settings import Lang

if TYPE_CHECKING:
    from concurrent.futures import Executor

    import pandas

    from sqtool.portfolio import PortfolioResult

__all__ = ["AuditReport", "Finding", "InputError", "PlanModel", "audit", "check", "load_plan", "portfolio"]

PathLike = str | Path


class InputError(ValueError):
    """A plan, export or option sqtool cannot use: where (``path``, ``line``, ``col``), what, and what to do."""

    def __init__(self, error: SqtoolError, lang: Lang) -> None:
        from sqtool.i18n import Translator

        message, hint = error.texts(Translator(lang))
        where = error.where()
        super().__init__(f"{where}: {message}" if where else message)
        self.key = error.key
        self.message = message
        self.hint = hint
        self.path = error.path
        self.line = error.line
        self.col = error.col

    def __str__(self) -> str:
        text = str(self.args[0])
        return f"{text} ({self.hint})" if self.hint else text


@contextmanager
def _errors(lang: Lang) -> Iterator[None]:
    try:
        yield
    except SqtoolError as error:
        raise InputError(error, lang) from error


def _paths(value: PathLike | Sequence[PathLike]) -> list[str]:
    return [str(value)] if isinstance(value, str | Path) else [str(item) for item in value]


def load_plan(path: PathLike, *, lang: Lang = "en") -> PlanModel:
    """The plan at ``path`` as a typed, read-only ``PlanModel`` (``.data`` holds the plain mapping).

    Raises InputError when the file cannot be read or is not a YAML mapping; schema problems are
    findings of ``check``, not errors here.
    """
    from sqtool.plan.load import load_plan as load

    with _errors(lang):
        return PlanModel.of(load(str(path), lang=lang))


def check(
    plans: PathLike | Sequence[PathLike],
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    severity: Sequence[str] = (),
    config: PathLike | None = None,
    today: date | None = None,
    lang: Lang = "en",
) -> list[Finding]:
    """Schema and rule findings of every plan (files, folders or globs, as on the command line),
    fix-first order. ``select``/``ignore`` take rule ids, ``severity`` "ID=LEVEL" items; the
    configuration file is ``config`` or the one `sqtool check` would find from the current folder."""
    from sqtool.commands.check import CheckRequest, resolve_config
    from sqtool.diagnostics import fix_first
    from sqtool.plan.files import expand_inputs
    from sqtool.rules.engine import check_files

    with _errors(lang):
        request = CheckRequest(
            files=tuple(_paths(plans)),
            select=tuple(select),
            ignore=tuple(ignore),
            severity=tuple(severity),
            config=None if config is None else str(config),
        )
        settings = resolve_config(request)
        sources = expand_inputs(request.files)
        result = check_files(sources, settings, lang=lang, today=today, workers=1)
    return fix_first(result.findings)


@dataclass(frozen=True, slots=True)
class AuditReport:
    """What ``sqtool.audit`` returns: the audit's result record (``result``) with its tables."""

    result: AuditResult
    lang: Lang = "en"

    def to_dict(self, *, top: int = 0) -> dict[str, Any]:
        """The JSON report (schemas/audit-report.schema.json) as a dict; ``top`` senders (0: all)."""
        from sqtool.render.audit_json import report_to_json

        return report_to_json(self.result, lang=self.lang, top=top)

    @property
    def table_names(self) -> tuple[str, ...]:
        from sqtool.render.audit_tables import TABLE_NAMES

        return TABLE_NAMES

    def table(self, name: str) -> list[dict[str, Any]]:
        """The rows of one table (see ``table_names``; the same tables as `--report csv`)."""
        from sqtool.render.audit_tables import TABLE_NAMES, table

        if name not in TABLE_NAMES:
            raise KeyError(f"no table {name!r}: choose one of {', '.join(TABLE_NAMES)}")
        return table(self.result, name)

    @property
    def members(self) -> list[dict[str, Any]]:
        """One row per member: posters and, with a roster, lurkers (most messages first)."""
        return self.table("members")

    @property
    def days(self) -> list[dict[str, Any]]:
        """One row per local day of the period: messages and active members."""
        return self.table("daily")

    @property
    def findings(self) -> list[Finding]:
        """Drift from the plan (empty without a plan)."""
        return self.result.findings

    def frame(self, name: str) -> pandas.DataFrame:
        """The table as a pandas DataFrame; pandas is imported here, and only here."""
        from sqtool.render.audit_tables import COLUMNS

        rows = self.table(name)
        try:
            import pandas
        except ModuleNotFoundError as error:
            from sqtool.i18n import Translator

            raise ModuleNotFoundError(Translator(self.lang)("api.no_pandas"), name="pandas") from error
        return pandas.DataFrame(rows, columns=list(COLUMNS[name]))

    def members_frame(self) -> pandas.DataFrame:
        return self.frame("members")

    def days_frame(self) -> pandas.DataFrame:
        return self.frame("daily")


def audit(
    exports: PathLike | Sequence[PathLike],
    *,
    plan: PathLike | PlanModel | None = None,
    roster: PathLike | None = None,
    members: int | None = None,
    since: date | str | None = None,
    until: date | str | None = None,
    tz: str | tzinfo | None = None,
    exclude: Sequence[str] = (),
    format: str | None = None,
    lenient: bool = False,
    date_order: str | None = None,
    lang: Lang = "en",
) -> AuditReport:
    """Audit the chat exports of one group, as `sqtool audit` does (same options, same figures).

    ``plan`` is a path or a ``PlanModel`` from ``load_plan``; ``since``/``until`` are dates or
    "YYYY-MM-DD"; ``tz`` an IANA name or a tzinfo (default: the plan's zone, else this machine's).
    """
    import dataclasses

    from sqtool.audit.engine import run_audit
    from sqtool.chat.read import read_exports
    from sqtool.commands.audit import AuditArguments, build_options
    from sqtool.settings import Settings

    with _errors(lang):
        arguments = AuditArguments(
            exports=tuple(_paths(exports)),
            plan=str(plan) if isinstance(plan, str | Path) else None,
            roster=None if roster is None else str(roster),
            members=members,
            since=since.isoformat() if isinstance(since, date) else since,
            until=until.isoformat() if isinstance(until, date) else until,
            tz=tz if isinstance(tz, str) else None,
            exclude=tuple(exclude),
        )
        options = build_options(arguments, Settings(lang=lang))
        options = dataclasses.replace(options, tables=True)
        if isinstance(plan, PlanModel):
            zone = tz if isinstance(tz, tzinfo) else None
            from sqtool.commands.audit import audit_zone

            options = dataclasses.replace(options, plan=plan, tz=zone or audit_zone(arguments.tz, plan))
        elif isinstance(tz, tzinfo):
            options = dataclasses.replace(options, tz=tz)
        records = read_exports(
            list(arguments.exports),
            format=format,
            tz=options.tz,
            lenient=lenient,
            date_order=date_order,
            lang=lang,
        )
        return AuditReport(run_audit(records, options), lang)


def portfolio(
    manifest: PathLike,
    *,
    since: date | str | None = None,
    until: date | str | None = None,
    executor: Executor | None = None,
    sort: str = "status",
    lenient: bool = False,
    lang: Lang = "en",
) -> PortfolioResult:
    """`sqtool portfolio` on a manifest: every group audited and ranked (``.groups``, each with its
    ``status``, ``reasons`` and ``figures``). ``executor`` is any ``concurrent.futures.Executor``
    (a ``ProcessPoolExecutor``, Dask's ``Client.get_executor()``); None runs the groups here, one by one.
    ``until`` defaults to today, ``since`` to the 30 days up to it."""
    from sqtool.commands.audit import parse_day
    from sqtool.portfolio import period_of, run_portfolio
    from sqtool.portfolio.manifest import load_manifest

    def day(value: date | str | None, option: str) -> date | None:
        return value if isinstance(value, date) or value is None else parse_day(value, option)

    with _errors(lang):
        loaded = load_manifest(str(manifest), lang=lang)
        first, last = period_of(day(since, "since"), day(until, "until"), date.today())
        return run_portfolio(loaded, first, last, executor=executor, lang=lang, lenient=lenient, sort=sort)
