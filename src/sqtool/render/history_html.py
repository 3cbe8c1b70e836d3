"""``sqtool history --report html``: one group's saved audits as one self-contained page (the shared
skeleton of render/html_page.py): diagnosis scores and key figures over time, and every saved audit."""

from __future__ import annotations

from sqtool.audit.history import DIAGNOSES, Group, HistoryEntry
from sqtool.i18n import Translator
from sqtool.render.audit_rows import number, share
from sqtool.render.charts import Series, line_chart
from sqtool.render.html_page import Page, generated_at, render_page

SCORE_COLOURS = ("s0", "s1", "s2", "s3", "s4")


def render_history_html(entries: list[HistoryEntry], group: Group | None, label: str, tr: Translator) -> str:
    """The page for ``entries`` (oldest first) of ``group``, shown as ``label``."""
    from sqtool import __version__

    periods = [e.period_last for e in entries]
    charts = []
    if entries:
        scores = [
            Series(
                tr(f"audit.diagnosis.{d}"),
                [e.score(d) for e in entries],
                SCORE_COLOURS[i],
            )
            for i, d in enumerate(DIAGNOSES)
        ]
        charts.append((tr("html.history.scores"), line_chart(scores, periods, tr("html.history.scores"), height=280)))
        figures = [
            Series(tr("audit.figure.messages"), [e.messages for e in entries], "s0"),
            Series(tr("audit.figure.senders"), [e.senders for e in entries], "s1", axis="right"),
        ]
        charts.append((tr("html.history.figures"), line_chart(figures, periods, tr("html.history.figures"))))
        shares = [
            Series(tr("audit.figure.lurker_share"), [e.lurker_share for e in entries], "s3"),
            Series(tr("audit.figure.weekly_active_share"), [e.weekly_active_share for e in entries], "s2"),
            Series(tr("audit.figure.unanswered_share"), [e.unanswered_share for e in entries], "s1"),
        ]
        charts.append((tr("html.history.shares"), line_chart(shares, periods, tr("html.history.shares"))))
    header = [
        tr("audit.column.period"),
        tr("audit.figure.messages"),
        tr("audit.figure.senders"),
        tr("audit.figure.lurker_share"),
        tr("audit.figure.gini"),
        tr("audit.figure.unanswered_share"),
        *(tr(f"audit.diagnosis.{d}") for d in DIAGNOSES),
    ]
    rows = [
        (
            f"{e.period_first}..{e.period_last}",
            number(e.messages),
            number(e.senders),
            share(e.lurker_share),
            number(e.gini, 2),
            share(e.unanswered_share),
            *(number(e.score(d)) for d in DIAGNOSES),
        )
        for e in reversed(entries)
    ]
    subtitle = (
        (tr("html.history.audits", count=len(entries), first=entries[0].period_first, last=entries[-1].period_last),)
        if entries
        else ()
    )
    page = Page(
        title=tr("html.history.title", group=label),
        lang=tr.lang,
        footer=tr("html.footer", version=__version__, time=generated_at().strftime("%Y-%m-%d %H:%M")),
        subtitle=subtitle,
    )
    return render_page(
        "history.html.j2",
        page,
        tr=tr,
        charts=charts,
        header=header,
        rows=rows,
        numeric=tuple(range(1, len(header))),
        group=group,
    )
