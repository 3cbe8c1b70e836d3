"""`sqtool history`: one group's saved audits by period (table with sparklines, or JSON), the groups
of a database (--all), or removing one period (--delete). The newest ``--last N`` periods are shown
(default 1000, 0: all); JSON is written as the rows are read, a page at a time, so any number of
saved audits fits in memory."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqtool.commands import EXIT_CLEAN
from sqtool.errors import SqtoolError
from sqtool.settings import Settings

if TYPE_CHECKING:
    from sqtool.audit.history import GroupSummary, HistoryEntry


@dataclass(frozen=True, slots=True)
class HistoryRequest:
    history: str | None = None  # --history FILE
    plan: str | None = None  # --plan FILE: its folder's database, and its group
    group: str | None = None  # --group NAME: a group's label or key
    output_format: str = "text"
    delete: str | None = None  # --delete PERIOD
    all_groups: bool = False  # --all
    last: int | None = None  # --last N: the newest N periods (None: DEFAULT_LAST; 0: every one)
    output: str | None = None  # -o FILE (html, text, json)
    force: bool = False
    anonymize: bool = False  # --anonymize: group name and plan path hidden (render/anonymize.py)
    anonymize_salt: str | None = None
    keep_group_name: bool = False
    portfolio: str | None = None  # --portfolio groups.yaml: each group's trend and the portfolio's


def show_history(settings: Settings, request: HistoryRequest) -> int:
    """Print one group's audits, the database's groups, or delete a period; 0 when done."""
    import typer

    from sqtool.audit.history import DEFAULT_LAST, default_history_path, delete_period, list_groups, list_periods
    from sqtool.i18n import Translator
    from sqtool.render.history import group_label, render_groups_json, render_groups_text

    if request.output_format not in ("text", "json", "html"):
        raise SqtoolError(
            "audit.bad_format", hint="audit.bad_format_hint", value=request.output_format, choices="text, json, html"
        )
    if request.portfolio is not None:
        return _show_portfolio(settings, request)
    if request.output is not None or request.output_format == "html":
        return _written(settings, request)
    if request.all_groups and request.delete is not None:
        raise SqtoolError("history.all_and_delete", hint="history.all_and_delete_hint")
    if request.last is not None and request.last < 0:
        raise SqtoolError("history.bad_last", hint="history.bad_last_hint", value=request.last)
    window = DEFAULT_LAST if request.last is None else request.last
    path = request.history or str(default_history_path(request.plan))
    groups = list_groups(path)
    if request.all_groups:
        if request.anonymize:
            from sqtool.render.anonymize import anonymized_groups

            groups = anonymized_groups(groups, Translator(settings.lang))
        if request.output_format == "json":
            typer.echo(render_groups_json(groups), nl=False)
        else:
            from sqtool.console import make_console

            render_groups_text(groups, settings, make_console(settings))
        return EXIT_CLEAN
    if not groups and request.delete is None:  # an empty database: the empty table says how to fill it
        _show(settings, path, None, request.output_format, window, request)
        return EXIT_CLEAN
    key = _chosen_group(request, groups, path)
    chosen = next(summary for summary in groups if summary.group.key == key)
    if request.delete is None:
        _show(settings, path, chosen, request.output_format, window, request)
        return EXIT_CLEAN
    first, last = _period(request.delete, list_periods(path, key), path)
    delete_period(path, key, first, last)
    if not settings.quiet:
        tr = Translator(settings.lang)
        typer.echo(tr("history.deleted", period=f"{first}..{last}", group=group_label(chosen.group, tr)), err=True)
    return EXIT_CLEAN


def _show(
    settings: Settings,
    path: str,
    chosen: GroupSummary | None,
    output_format: str,
    window: int,
    request: HistoryRequest | None = None,
) -> None:
    """The group's newest ``window`` periods (0: all): JSON streamed a page at a time, or the table
    (which says when older periods were left out)."""
    import sys

    import typer

    from sqtool.audit.history import iter_history, load_history
    from sqtool.render.history import history_json_pieces, render_history_text

    if request is not None and request.anonymize:
        _anonymized_show(settings, request, path, chosen, window)
        return
    if output_format == "json":
        entries = iter_history(path, chosen.group.key, window) if chosen is not None else iter(())
        for piece in history_json_pieces(chosen.group if chosen is not None else None, entries):
            sys.stdout.write(piece)
        sys.stdout.flush()
        return
    from sqtool.console import make_console

    shown: list[HistoryEntry] = load_history(path, chosen.group.key, window) if chosen is not None else []
    render_history_text(shown, settings, make_console(settings))
    if chosen is not None and len(shown) < chosen.audits:
        from sqtool.i18n import Translator

        typer.echo(Translator(settings.lang)("history.window", shown=len(shown), total=chosen.audits), err=True)


def _chosen_entries(
    settings: Settings, request: HistoryRequest, path: str, chosen: GroupSummary | None, window: int
) -> tuple[list[HistoryEntry], str]:
    """The group's newest ``window`` audits and the label to show, anonymized when asked."""
    from sqtool.audit.history import load_history
    from sqtool.i18n import Translator
    from sqtool.render.history import group_label

    tr = Translator(settings.lang)
    entries: list[HistoryEntry] = load_history(path, chosen.group.key, window) if chosen is not None else []
    label = group_label(chosen.group, tr) if chosen is not None else ""
    if request.anonymize:
        from sqtool.render.anonymize import anonymized_history

        entries = anonymized_history(entries, tr, salt=request.anonymize_salt, keep_group_name=request.keep_group_name)
        if not request.keep_group_name:
            label = tr("anon.group")
    return entries, label


def _anonymized_show(
    settings: Settings, request: HistoryRequest, path: str, chosen: GroupSummary | None, window: int
) -> None:
    """Text or JSON of the anonymized audits (read whole: the anonymized copy is made in memory)."""
    import typer

    from sqtool.render.history import render_history_json

    entries, _label = _chosen_entries(settings, request, path, chosen, window)
    if request.output_format == "json":
        typer.echo(render_history_json(entries), nl=False)
        return
    from sqtool.console import make_console
    from sqtool.render.history import render_history_text

    render_history_text(entries, settings, make_console(settings))


def _written(settings: Settings, request: HistoryRequest) -> int:
    """``-o FILE`` (any format) or ``--report html``: the chosen group's audits rendered whole and written
    atomically (or to stdout without -o)."""
    from sqtool.audit.history import DEFAULT_LAST, default_history_path, list_groups
    from sqtool.console import emit
    from sqtool.generated import output_path, refuse_existing
    from sqtool.i18n import Translator

    if request.all_groups or request.delete is not None:
        raise SqtoolError("history.output_only_show", hint="history.output_only_show_hint")
    if request.last is not None and request.last < 0:
        raise SqtoolError("history.bad_last", hint="history.bad_last_hint", value=request.last)
    window = DEFAULT_LAST if request.last is None else request.last
    path = request.history or str(default_history_path(request.plan))
    output = output_path(request.output)
    if output is not None and str(output) != "-":
        from sqtool.commands.inputs import refuse_input_as_output

        refuse_input_as_output(output, [("history", path), ("plan", request.plan)])
        refuse_existing(output, request.force)
    groups = list_groups(path)
    chosen = None
    if groups:
        key = _chosen_group(request, groups, path)
        chosen = next(summary for summary in groups if summary.group.key == key)
    entries, label = _chosen_entries(settings, request, path, chosen, window)
    tr = Translator(settings.lang)
    if request.output_format == "html":
        from sqtool.render.history_html import render_history_html

        text = render_history_html(entries, chosen.group if chosen else None, label, tr)
    elif request.output_format == "json":
        from sqtool.render.history import render_history_json

        text = render_history_json(entries)
    else:
        import io

        from rich.console import Console

        from sqtool.render.history import render_history_text

        buffer = io.StringIO()
        render_history_text(entries, settings, Console(file=buffer, width=100, no_color=True, highlight=False))
        text = buffer.getvalue()
    emit(text, output, force=request.force, settings=settings, format_name=request.output_format)
    return EXIT_CLEAN


def _show_portfolio(settings: Settings, request: HistoryRequest) -> int:
    """--portfolio: every group of the manifest with its trend, then the portfolio's (the sum per period)."""
    import typer

    from sqtool.audit.history import DEFAULT_LAST, default_history_path
    from sqtool.i18n import Translator
    from sqtool.portfolio.history import portfolio_totals, portfolio_trends
    from sqtool.portfolio.manifest import load_manifest

    combined = (request.plan, request.group, request.delete, request.output)
    if (
        any(value is not None for value in combined)
        or request.all_groups
        or request.anonymize
        or request.output_format == "html"
    ):
        raise SqtoolError("portfolio.history_portfolio_and_group", hint="portfolio.history_portfolio_and_group_hint")
    if request.last is not None and request.last < 0:
        raise SqtoolError("history.bad_last", hint="history.bad_last_hint", value=request.last)
    window = DEFAULT_LAST if request.last is None else request.last
    manifest = load_manifest(request.portfolio or "", lang=settings.lang)
    path = request.history or str(default_history_path(request.portfolio))
    try:
        trends = portfolio_trends(path, manifest, window)
    except SqtoolError as error:
        if error.key != "audit.history_missing":
            raise
        raise SqtoolError(
            "audit.history_missing", hint="portfolio.history_missing_hint", path=error.path, manifest=request.portfolio
        ) from None
    totals = portfolio_totals(trends)
    if request.output_format == "json":
        from sqtool.render.portfolio_history import render_portfolio_history_json

        typer.echo(render_portfolio_history_json(trends, totals, manifest.path), nl=False)
        return EXIT_CLEAN
    from sqtool.console import make_console
    from sqtool.render.portfolio_history import render_portfolio_history_text

    render_portfolio_history_text(trends, totals, manifest.path, Translator(settings.lang), make_console(settings))
    return EXIT_CLEAN


def _chosen_group(request: HistoryRequest, groups: list[GroupSummary], path: str) -> str:
    """The key of the group to show: --group (label or key), else the plan's, else the only one."""
    from sqtool.audit.history import plan_group

    names = "; ".join(summary.group.label or summary.group.key for summary in groups)
    if request.group is not None:
        from sqtool.audit.history import LEGACY_GROUP
        from sqtool.i18n import text

        legacy = {text("history.legacy_group", "en"), text("history.legacy_group", "zh"), LEGACY_GROUP}
        for summary in groups:
            key = summary.group.key
            if request.group in (summary.group.label, key) or (key == LEGACY_GROUP and request.group in legacy):
                return str(key)
        raise SqtoolError(
            "history.no_such_group", hint="history.groups_hint", path=path, name=request.group, names=names
        )
    if request.plan is not None and request.plan != "-":
        from sqtool.plan.load import load_plan
        from sqtool.plan.model import PlanModel

        community = PlanModel.of(load_plan(request.plan)).community.name
        group = plan_group(community.value if community is not None else None, request.plan)
        if any(summary.group.key == group.key for summary in groups):
            return group.key
        raise SqtoolError("history.no_such_group", hint="history.groups_hint", path=path, name=group.label, names=names)
    if len(groups) == 1:
        return str(groups[0].group.key)
    if not groups:
        raise SqtoolError("audit.history_missing", hint="audit.history_missing_hint", path=path)
    raise SqtoolError("history.several_groups", hint="history.groups_hint", path=path, count=len(groups), names=names)


def _period(given: str, periods: list[tuple[str, str]], path: str) -> tuple[str, str]:
    """The saved period ``given`` names: ``FIRST..LAST`` exactly, or a first day that only one period has."""
    text = given.strip()
    first, _, last = (part.strip() for part in text.partition(".."))
    matches = [period for period in periods if period[0] == first and (not last or period[1] == last)]
    if len(matches) == 1:
        return matches[0]
    shown = ", ".join(f"{a}..{b}" for a, b in periods) or "-"
    key = "history.period_ambiguous" if matches else "history.no_such_period"
    raise SqtoolError(key, hint="history.period_hint", path=path, period=text, periods=shown)
