"""The portfolio as one self-contained HTML page (the HTML core of render/html_page.py): the ranked
table with each group's status as a badge, why the groups to act on have their status, small
multiples of every group's daily messages on one scale, the failed groups, and the totals. With
``--with-details DIR`` each group's name links to its own full audit report in DIR."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from sqtool.i18n import Translator
from sqtool.portfolio import PortfolioResult
from sqtool.portfolio.ranking import RankedGroup, totals_by
from sqtool.render.portfolio import headers, headline, reason_text, row, status_text, total_headers, total_row
from sqtool.settings import Lang

if TYPE_CHECKING:
    from sqtool.audit.report import AuditReport

BADGES = {"failed": "act", "act": "act", "watch": "watch", "healthy": "healthy", "dormant": ""}
MULTIPLES_LIMIT = 60  # small multiples drawn at most (the ranked table lists every group)


def render_portfolio_html(
    result: PortfolioResult,
    shown: Sequence[RankedGroup],
    lang: Lang,
    *,
    where: Sequence[str] = (),
    by: str | None = None,
    links: Mapping[str, str] | None = None,
) -> str:
    """The page; ``links`` maps a group's name to the address of its own report (--with-details)."""
    from sqtool.render.charts.multiples import small_line
    from sqtool.render.html_page import Page, generated_at, render_page

    tr = Translator(lang)
    links = links or {}
    title, days, counts = headline(result, shown, where, tr)
    page = Page(
        title=title,
        lang=lang,
        footer=tr("html.footer", version=_version(), time=generated_at().strftime("%Y-%m-%d %H:%M")),
        subtitle=(
            tr("portfolio.period", first=result.since.isoformat(), last=result.until.isoformat(), days=days),
            tr("portfolio.status_counts", counts=counts),
        ),
    )
    header = headers(tr)
    rows = []
    for group in shown:
        cells = row(group, tr)
        rows.append(
            {
                "rank": cells[0],
                "name": cells[1],
                "status": cells[2],
                "badge": BADGES[group.status],
                "cells": cells[3:],
                "link": links.get(group.name),
            }
        )
    attention = [
        tr(
            "portfolio.attention_line",
            name=group.name,
            status=status_text(group.status, tr),
            reasons=tr("portfolio.reason_separator").join(reason_text(reason, tr) for reason in group.reasons),
        )
        for group in shown
        if group.status in ("act", "dormant", "watch")
    ]
    drawn = [group for group in shown if group.figures is not None][:MULTIPLES_LIMIT]
    top = float(max((max(group.figures.daily, default=0) for group in drawn if group.figures is not None), default=0))
    first, last = result.since.strftime("%m-%d"), result.until.strftime("%m-%d")
    multiples = []
    for group in drawn:
        figures = group.figures
        if figures is None:
            continue
        label = tr(
            "portfolio.multiple_label", name=group.name, first=result.since.isoformat(), last=result.until.isoformat()
        )
        multiples.append(
            {
                "heading": f"{group.rank}. {group.name}",
                "chart": small_line([float(value) for value in figures.daily], top, first, last, label),
                "caption": tr(
                    "portfolio.multiple_caption",
                    status=status_text(group.status, tr),
                    messages=figures.messages,
                    active=figures.active,
                ),
            }
        )
    failed = [
        {
            "name": group.name,
            "message": (f"{group.outcome.failure.where}: " if group.outcome.failure.where else "")
            + group.outcome.failure.message,
            "hint": group.outcome.failure.hint,
        }
        for group in shown
        if group.outcome.failure is not None
    ]
    totals = [total_row(total, tr, by) for total in totals_by(shown, by)] if shown else []
    context: dict[str, Any] = {
        "labels": {
            "ranking": tr("portfolio.html.ranking"),
            "legend": tr("portfolio.legend"),
            "rules": tr("portfolio.status_rules"),
            "none": tr("portfolio.none_selected", where=" ".join(where)),
            "attention": tr("portfolio.attention"),
            "activity": tr("portfolio.html.activity", days=days),
            "failed": tr("portfolio.failed_title"),
            "colon": tr("portfolio.colon"),
            "totals": tr("portfolio.by_title", tag=by) if by is not None else tr("portfolio.totals_title"),
        },
        "header": header,
        "rows": rows,
        "attention": attention,
        "multiples": multiples,
        "failed": failed,
        "total_header": total_headers(tr, by),
        "totals": totals,
        "total_numeric": tuple(range(1, len(total_headers(tr, by)))),
    }
    return render_page("portfolio.html.j2", page, **context)


def _version() -> str:
    from sqtool import __version__

    return __version__


DETAIL_FORMATS = ("html", "md")


def detail_format() -> str:
    """The format of each group's own report for --with-details: HTML where the audit has it, else Markdown."""
    from sqtool.render.audit import REPORT_FORMATS

    return next(name for name in DETAIL_FORMATS if name in REPORT_FORMATS)


def group_detail(report: AuditReport, lang: Lang) -> str:
    """One group's full audit report, as `sqtool audit --report FORMAT` writes it (run in the worker)."""
    from sqtool.render.audit import render_report

    return render_report(report, detail_format(), lang, color=False, width=100, top=10)
