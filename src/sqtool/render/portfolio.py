"""A portfolio (``sqtool portfolio``): the ranked table, the reasons of the groups to act on, the
failed groups and the totals, as plain text, Markdown or JSON (schemas/portfolio-report.schema.json)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from sqtool.i18n import Translator
from sqtool.portfolio import PortfolioResult
from sqtool.portfolio.ranking import STATUSES, RankedGroup, Reason, TagTotal, change, totals_by
from sqtool.render.md_text import md_cell, md_text
from sqtool.settings import Lang

REPORT_FORMATS = ("text", "md", "json", "html")
REPORT_VERSION = 1
DIAGNOSES = ("owner_pull", "opinion_leaders", "customers_as_fans", "operations", "value_output")
DASH = "-"
_NUMBERED = re.compile(r"^\S+?[.、]\s*")  # "2. Opinion leaders", "二、意见领袖": the name without its number


def render_portfolio(
    result: PortfolioResult,
    shown: Sequence[RankedGroup],
    report_format: str,
    lang: Lang,
    *,
    where: Sequence[str] = (),
    by: str | None = None,
    links: Mapping[str, str] | None = None,
) -> str:
    """The report of ``shown`` (the groups ``--where`` kept, in ranking order) in ``report_format``;
    ``links`` (HTML only) map a group to its own report."""
    tr = Translator(lang)
    if report_format == "html":
        from sqtool.render.portfolio_html import render_portfolio_html

        return render_portfolio_html(result, shown, lang, where=where, by=by, links=links)
    if report_format == "json":
        import json

        document = portfolio_to_json(result, shown, tr, where=where, by=by)
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    markdown = report_format == "md"
    return _document(result, shown, tr, where=where, by=by, markdown=markdown)


# -- cells --


def percent(value: float | None) -> str:
    return DASH if value is None else f"{value:.0%}"


def signed_percent(value: float | None) -> str:
    if value is None:
        return ""
    return f"{'+' if value >= 0 else '−'}{abs(value):.0%}"


def minutes(value: float | None, tr: Translator) -> str:
    if value is None:
        return DASH
    if value < 60:
        return tr("portfolio.unit.minutes", value=f"{value:.0f}")
    if value < 48 * 60:
        return tr("portfolio.unit.hours", value=f"{value / 60:.1f}")
    return tr("portfolio.unit.days", value=f"{value / 1440:.1f}")


def with_change(current: int, previous: int | None) -> str:
    moved = signed_percent(change(current, previous))
    return f"{current} ({moved})" if moved else str(current)


def headline(
    result: PortfolioResult, shown: Sequence[RankedGroup], where: Sequence[str], tr: Translator
) -> tuple[str, int, str]:
    """The report's title, the period's length in days and the count of shown groups per status."""
    count = len(result.groups)
    if where:
        title = tr("portfolio.title_selected", shown=len(shown), count=count, where=" ".join(where))
    else:
        title = tr("portfolio.title", count=count)
    days = (result.until - result.since).days + 1
    counts = tr("portfolio.list_separator").join(
        f"{status_text(status, tr)} {sum(1 for group in shown if group.status == status)}" for status in STATUSES
    )
    return title, days, counts


def status_text(status: str, tr: Translator) -> str:
    return tr(f"portfolio.status.{status}")


def reason_text(reason: Reason, tr: Translator) -> str:
    args: dict[str, Any] = dict(reason.args)
    if "diagnosis" in args:
        args["diagnosis"] = _NUMBERED.sub("", tr(f"audit.diagnosis.{args['diagnosis']}"))
    if "share" in args:
        args["share"] = f"{float(args['share']):.0%}"
    return tr(reason.key, **args)


def headers(tr: Translator) -> list[str]:
    names = ["rank", "group", "status", "members", "messages", "active", "lurkers", "leaders", "unanswered"]
    return [
        *(tr(f"portfolio.col.{name}") for name in names),
        tr("portfolio.col.first_response"),
        *(tr(f"portfolio.col.score.{diagnosis}") for diagnosis in DIAGNOSES),
        tr("portfolio.col.drift"),
    ]


def row(group: RankedGroup, tr: Translator) -> list[str]:
    figures = group.figures
    start = [str(group.rank), group.name, status_text(group.status, tr)]
    if figures is None:
        return start + [DASH] * (len(headers(tr)) - len(start))
    scores = {diagnosis: score for diagnosis, score, _ in figures.scores}
    leaders = (
        f"{figures.leaders_present}/{figures.leaders_needed}"
        if figures.leaders_needed is not None
        else str(figures.leaders_present)
    )
    return [
        *start,
        DASH if figures.members is None else str(figures.members),
        with_change(figures.messages, figures.messages_previous),
        with_change(figures.active, figures.active_previous),
        percent(figures.lurker_share),
        leaders,
        percent(figures.unanswered_share),
        minutes(figures.median_first_response_minutes, tr),
        *(DASH if scores.get(diagnosis) is None else str(scores[diagnosis]) for diagnosis in DIAGNOSES),
        str(len(figures.drift)),
    ]


def total_headers(tr: Translator, tag: str | None) -> list[str]:
    first = tag if tag is not None else ""
    return [
        first,
        tr("portfolio.col.groups"),
        tr("portfolio.col.members"),
        tr("portfolio.col.messages"),
        tr("portfolio.col.active"),
        *(status_text(status, tr) for status in STATUSES),
    ]


def total_row(total: TagTotal, tr: Translator, tag: str | None) -> list[str]:
    if tag is None:
        label = tr("portfolio.col.all")
    else:
        label = total.value if total.value is not None else tr("portfolio.col.untagged", tag=tag)
    moved = signed_percent(total.change)
    return [
        label,
        str(total.groups),
        DASH if total.members is None else str(total.members),
        f"{total.messages} ({moved})" if moved else str(total.messages),
        str(total.active),
        *(str(count) for _, count in total.statuses),
    ]


# -- text and Markdown --


def _document(
    result: PortfolioResult,
    shown: Sequence[RankedGroup],
    tr: Translator,
    *,
    where: Sequence[str],
    by: str | None,
    markdown: bool,
) -> str:
    from tabulate import tabulate

    style = "github" if markdown else "simple"

    def cell(text: str) -> str:
        return md_cell(text) if markdown else text

    def heading(text: str, level: int = 2) -> str:
        return f"{'#' * level} {md_text(text)}" if markdown else text

    def grid(header: list[str], rows: list[list[str]]) -> str:
        return tabulate(
            [[cell(value) for value in line] for line in rows],
            headers=[cell(value) for value in header],
            tablefmt=style,
            disable_numparse=True,
        )

    title, days, counts = headline(result, shown, where, tr)
    out = [
        heading(title, 1),
        "",
        tr("portfolio.period", first=result.since.isoformat(), last=result.until.isoformat(), days=days),
        tr("portfolio.status_counts", counts=counts),
        "",
    ]
    if not shown:
        out += [cell(tr("portfolio.none_selected", where=" ".join(where))), ""]
    else:
        out += [grid(headers(tr), [row(group, tr) for group in shown]), ""]
        out += [tr("portfolio.legend"), tr("portfolio.status_rules"), ""]
    urgent = [group for group in shown if group.status in ("act", "dormant", "watch")]
    if urgent:
        out += [heading(tr("portfolio.attention")), ""]
        for group in urgent:
            reasons = tr("portfolio.reason_separator").join(reason_text(reason, tr) for reason in group.reasons)
            line = tr(
                "portfolio.attention_line", name=group.name, status=status_text(group.status, tr), reasons=reasons
            )
            out.append(f"- {cell(line)}")
        out.append("")
    failed = [group for group in shown if group.status == "failed"]
    if failed:
        out += [heading(tr("portfolio.failed_title")), ""]
        for group in failed:
            failure = group.outcome.failure
            if failure is None:
                continue
            where_text = f"{failure.where}: " if failure.where else ""
            out.append(f"- {cell(tr('portfolio.failed_line', name=group.name, message=where_text + failure.message))}")
            if failure.hint:
                out.append(f"  {tr('core.hint_prefix')}: {cell(failure.hint)}")
        out.append("")
    if shown:
        title_key = tr("portfolio.by_title", tag=by) if by is not None else tr("portfolio.totals_title")
        totals = totals_by(shown, by)
        out += [heading(title_key), "", grid(total_headers(tr, by), [total_row(t, tr, by) for t in totals]), ""]
    return "\n".join(out).rstrip("\n") + "\n"


# -- JSON --


def portfolio_to_json(
    result: PortfolioResult,
    shown: Sequence[RankedGroup],
    tr: Translator,
    *,
    where: Sequence[str] = (),
    by: str | None = None,
) -> dict[str, Any]:
    """The report as JSON (schemas/portfolio-report.schema.json): keys are public API."""
    totals = totals_by(shown, by)
    return {
        "version": REPORT_VERSION,
        "tool": "sqtool",
        "kind": "portfolio",
        "manifest": result.manifest.path,
        "period": {
            "first": result.since.isoformat(),
            "last": result.until.isoformat(),
            "days": (result.until - result.since).days + 1,
        },
        "where": list(where),
        "groups_total": len(result.groups),
        "groups": [_group_json(group, tr) for group in shown],
        "by": by,
        "totals": [_total_json(total) for total in totals],
    }


def _group_json(group: RankedGroup, tr: Translator) -> dict[str, Any]:
    outcome = group.outcome
    document: dict[str, Any] = {
        "rank": group.rank,
        "name": outcome.name,
        "status": group.status,
        "reasons": [{"code": reason.key, "message": reason_text(reason, tr)} for reason in group.reasons],
        "tags": dict(outcome.tags),
    }
    figures = outcome.figures
    if figures is None:
        failure = outcome.failure
        document["error"] = (
            {"code": failure.key, "where": failure.where, "message": failure.message, "hint": failure.hint}
            if failure is not None
            else None
        )
        return document
    document.update(
        {
            "formats": list(dict.fromkeys(figures.formats)),
            "members": figures.members,
            "messages": figures.messages,
            "messages_previous": figures.messages_previous,
            "messages_change": change(figures.messages, figures.messages_previous),
            "active_members": figures.active,
            "active_members_previous": figures.active_previous,
            "active_members_change": change(figures.active, figures.active_previous),
            "lurker_share": figures.lurker_share,
            "opinion_leaders": {"present": figures.leaders_present, "needed": figures.leaders_needed},
            "unanswered_share": figures.unanswered_share,
            "median_first_response_minutes": figures.median_first_response_minutes,
            "scores": {diagnosis: {"score": score, "status": status} for diagnosis, score, status in figures.scores},
            "mean_score": figures.mean_score,
            "drift": [{"rule": rule, "severity": severity} for rule, severity in figures.drift],
            "last_message": figures.last_message.isoformat() if figures.last_message is not None else None,
        }
    )
    return document


def _total_json(total: TagTotal) -> dict[str, Any]:
    return {
        "value": total.value,
        "groups": total.groups,
        "members": total.members,
        "messages": total.messages,
        "messages_previous": total.messages_previous,
        "active_members": total.active,
        "statuses": dict(total.statuses),
    }
