"""Many groups at once: the manifest (``manifest.py``), one group's audit as a picklable job
(``job.py``), where the jobs run (``executors.py``: this process, worker processes, Dask), and the
ranking with its status rules, filters and totals (``ranking.py``); ``scan.py`` writes a manifest
from a folder of exports. Nothing here prints or decides an exit code (commands/portfolio.py does).
"""

from __future__ import annotations

import sys
import types
from collections.abc import Sequence
from concurrent.futures import Executor
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqtool.errors import SqtoolError
from sqtool.portfolio.executors import OnDone, run_jobs
from sqtool.portfolio.job import DetailRenderer, GroupJob, GroupOutcome
from sqtool.portfolio.manifest import Manifest
from sqtool.portfolio.ranking import DORMANT_DAYS, RankedGroup, rank
from sqtool.settings import Lang, Limits

DEFAULT_DAYS = DORMANT_DAYS  # the period when --since is not given: the 30 days up to --until


@dataclass(frozen=True, slots=True)
class PortfolioResult:
    """Every group of the manifest, ranked, for one period."""

    manifest: Manifest
    since: date
    until: date
    groups: tuple[RankedGroup, ...]

    @property
    def outcomes(self) -> list[GroupOutcome]:
        """The outcomes in the manifest's order (what executors are compared on)."""
        order = {group.name: index for index, group in enumerate(self.manifest.groups)}
        return sorted((group.outcome for group in self.groups), key=lambda outcome: order[outcome.name])

    @property
    def failed(self) -> list[RankedGroup]:
        return [group for group in self.groups if group.status == "failed"]

    def stale_exports(self) -> date | None:
        """The day of the newest member message in any export when every audited group is dormant, so
        the period (which ends today by default) lies after all the exports; else None."""
        audited = [group for group in self.groups if group.status != "failed"]
        if not audited or any(group.status != "dormant" for group in audited):
            return None
        days = [
            group.figures.last_message.date()
            for group in audited
            if group.figures is not None and group.figures.last_message is not None
        ]
        return max(days) if days else None


def period_of(since: date | None, until: date | None, today: date) -> tuple[date, date]:
    """The portfolio's period: --until (default today) and --since (default the 30 days up to it)."""
    last = until if until is not None else today
    first = since if since is not None else last - timedelta(days=DEFAULT_DAYS - 1)
    if first > last:
        raise SqtoolError(
            "audit.bad_window", hint="audit.bad_window_hint", since=first.isoformat(), until=last.isoformat()
        )
    return first, last


def jobs_for(
    manifest: Manifest,
    since: date,
    until: date,
    *,
    lang: Lang = "en",
    limits: Limits | None = None,
    lenient: bool = False,
    detail: DetailRenderer | None = None,
) -> list[GroupJob]:
    return [
        GroupJob(entry, since, until, lang, limits if limits is not None else Limits(), lenient, detail)
        for entry in manifest.groups
    ]


def run_portfolio(
    manifest: Manifest,
    since: date,
    until: date,
    *,
    executor: Executor | None = None,
    lang: Lang = "en",
    limits: Limits | None = None,
    lenient: bool = False,
    sort: str = "status",
    on_done: OnDone | None = None,
    detail: DetailRenderer | None = None,
) -> PortfolioResult:
    """Audit every group of ``manifest`` for ``since..until`` on ``executor`` (None: this process), ranked;
    ``detail`` also renders each group's own full report in its worker."""
    jobs: Sequence[GroupJob] = jobs_for(
        manifest, since, until, lang=lang, limits=limits, lenient=lenient, detail=detail
    )
    outcomes = run_jobs(jobs, executor, on_done)
    return PortfolioResult(manifest, since, until, tuple(rank(outcomes, sort)))


class _CallablePortfolio(types.ModuleType):
    """``sqtool.portfolio`` is this package and the API function ``sqtool.portfolio(manifest, ...)``
    alike (as ``sqtool.audit`` is): calling it runs ``sqtool.api.portfolio``."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        from sqtool.api import portfolio

        return portfolio(*args, **kwargs)


sys.modules[__name__].__class__ = _CallablePortfolio
