"""`sqtool history --portfolio groups.yaml`: each group's saved trend and the portfolio's, one row each."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from sqtool.i18n import Translator
from sqtool.portfolio.history import GroupTrend, PeriodTotal
from sqtool.render.sparkline import shrink, sparkline
from sqtool.reporters.safe_text import one_line

if TYPE_CHECKING:
    from rich.console import Console

TREND_WIDTH = 12


def _mean(scores: tuple[tuple[str, int | None], ...]) -> float | None:
    known = [score for _, score in scores if score is not None]
    return sum(known) / len(known) if known else None


def render_portfolio_history_text(
    trends: list[GroupTrend], totals: list[PeriodTotal], manifest: str, tr: Translator, console: Console
) -> None:
    """One row per group (periods saved, the latest one's figures, the messages trend) and the portfolio."""
    from rich import box
    from rich.table import Table

    title = tr("portfolio.history_title", count=len(trends), path=one_line(manifest))
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True)
    table.add_column(tr("portfolio.col.group"), no_wrap=True)
    for key in ("portfolio.history_col.periods",):
        table.add_column(tr(key), justify="right", no_wrap=True)
    table.add_column(tr("portfolio.history_col.latest"), no_wrap=True)
    table.add_column(tr("portfolio.col.messages"), justify="right", no_wrap=True)
    table.add_column(tr("portfolio.col.active"), justify="right", no_wrap=True)
    table.add_column(tr("portfolio.history_col.score"), justify="right", no_wrap=True)
    table.add_column(tr("portfolio.history_col.trend"), no_wrap=True, min_width=6)
    for trend in trends:
        if not trend.entries:
            table.add_row(one_line(trend.name), "0", tr("portfolio.history_none"), "", "", "", "")
            continue
        latest = trend.entries[-1]
        mean = _mean(latest.scores)
        series: list[float | None] = [float(entry.messages) for entry in trend.entries]
        table.add_row(
            one_line(trend.name),
            str(len(trend.entries)),
            latest.period,
            str(latest.messages),
            str(latest.senders),
            "-" if mean is None else f"{mean:.0f}",
            sparkline(shrink(series, TREND_WIDTH)) if len(series) > 1 else "",
        )
    if totals:
        latest_total = totals[-1]
        series = [float(total.messages) for total in totals]
        table.add_section()
        table.add_row(
            tr("portfolio.history_total"),
            str(len(totals)),
            latest_total.period,
            str(latest_total.messages),
            str(latest_total.senders),
            "",
            sparkline(shrink(series, TREND_WIDTH)) if len(series) > 1 else "",
        )
    console.print(table)
    if not totals:
        console.print(tr("portfolio.history_hint", path=one_line(manifest)))


def render_portfolio_history_json(trends: list[GroupTrend], totals: list[PeriodTotal], manifest: str) -> str:
    document: dict[str, Any] = {
        "tool": "sqtool",
        "kind": "portfolio-history",
        "manifest": manifest,
        "groups": [
            {
                "name": trend.name,
                "audits": [
                    {
                        "period": entry.period,
                        "messages": entry.messages,
                        "active_members": entry.senders,
                        "members": entry.members,
                        "mean_score": _mean(entry.scores),
                        "scores": dict(entry.scores),
                    }
                    for entry in trend.entries
                ],
            }
            for trend in trends
        ],
        "portfolio": [
            {
                "period": total.period,
                "groups": total.groups,
                "messages": total.messages,
                "active_members": total.senders,
            }
            for total in totals
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
