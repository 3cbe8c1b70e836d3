"""`sqtool portfolio`: audit every group of a manifest (here, in worker processes or on Dask), rank
them, render once, write, save; `sqtool portfolio init DIR` writes the manifest from a folder.

Nothing is written before every group is done: Ctrl-C (exit 130) leaves no report and no history
row behind. Exit 1 when a shown group failed (an error) or has drift at ``--fail-on`` or above.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqtool.commands import EXIT_CLEAN, EXIT_FINDINGS
from sqtool.diagnostics import Severity, fail_threshold
from sqtool.errors import SqtoolError
from sqtool.settings import Settings

if TYPE_CHECKING:
    from sqtool.portfolio import PortfolioResult
    from sqtool.portfolio.executors import OnDone
    from sqtool.portfolio.job import DetailRenderer
    from sqtool.portfolio.manifest import Manifest
    from sqtool.portfolio.ranking import RankedGroup

REPORT_FORMATS = ("text", "md", "json", "html")


@dataclass(frozen=True, slots=True)
class PortfolioArguments:
    manifest: str
    jobs: int = 1
    executor: str | None = None  # processes (default), dask, dask://HOST:PORT
    since: str | None = None
    until: str | None = None
    report: str = "text"
    output: str | None = None
    force: bool = False
    save: bool = False
    history: str | None = None
    where: tuple[str, ...] = ()
    by: str | None = None
    sort: str = "status"
    fail_on: str = "error"
    lenient: bool = False
    with_details: str | None = None  # --with-details DIR: each group's own full report, linked from the HTML


def portfolio_action(settings: Settings, arguments: PortfolioArguments, *, today: date | None = None) -> int:
    """Run a whole `sqtool portfolio`; returns the exit code."""
    from sqtool.commands.audit import parse_day
    from sqtool.commands.inputs import refuse_input_as_output
    from sqtool.console import emit
    from sqtool.generated import output_path, refuse_existing
    from sqtool.portfolio import period_of, run_portfolio
    from sqtool.portfolio.executors import open_executor
    from sqtool.portfolio.manifest import load_manifest
    from sqtool.portfolio.ranking import SORTS, parse_where, select
    from sqtool.render.portfolio import render_portfolio

    if arguments.report not in REPORT_FORMATS:
        raise SqtoolError(
            "portfolio.bad_format",
            hint="portfolio.bad_format_hint",
            value=arguments.report,
            choices=", ".join(REPORT_FORMATS),
        )
    if arguments.sort not in SORTS:
        raise SqtoolError(
            "portfolio.bad_sort", hint="portfolio.bad_sort_hint", value=arguments.sort, choices=", ".join(SORTS)
        )
    threshold = fail_threshold(arguments.fail_on)
    output = output_path(arguments.output)
    history = _history_path(arguments)
    refuse_input_as_output(output, [("manifest", arguments.manifest), ("history", history)])
    refuse_existing(output, arguments.force)  # before the long run
    details = _details_folder(arguments.with_details)
    manifest = load_manifest(arguments.manifest, lang=settings.lang)
    conditions = parse_where(arguments.where, manifest.tag_keys)
    if arguments.by is not None and arguments.by not in manifest.tag_keys:
        raise SqtoolError(
            "portfolio.unknown_by_tag",
            hint="portfolio.unknown_by_tag_hint" if manifest.tag_keys else "portfolio.no_tags_hint",
            field=arguments.by,
            fields=", ".join(manifest.tag_keys),
        )
    since, until = period_of(
        parse_day(arguments.since, "--since"), parse_day(arguments.until, "--until"), today or date.today()
    )
    if arguments.executor is not None and arguments.executor.startswith("dask://"):
        manifest = _absolute(manifest)  # workers on other machines do not share this current folder
    with open_executor(arguments.executor, arguments.jobs) as executor, _progress(settings) as on_done:
        result = run_portfolio(
            manifest,
            since,
            until,
            executor=executor,
            lang=settings.lang,
            limits=settings.limits,
            lenient=arguments.lenient,
            sort=arguments.sort,
            on_done=on_done,
            detail=_detail_renderer() if details is not None else None,
        )
    shown = select(result.groups, conditions)
    links = write_details(settings, result, details, output, force=arguments.force) if details is not None else {}
    content = render_portfolio(
        result, shown, arguments.report, settings.lang, where=arguments.where, by=arguments.by, links=links
    )
    emit(content, output, force=arguments.force, settings=settings, format_name=arguments.report)
    if arguments.save:
        save_portfolio(settings, result, history)
    _tell_stale(settings, result, arguments.until)
    return _exit_code(shown, threshold)


def _tell_stale(settings: Settings, result: PortfolioResult, until: str | None) -> None:
    """When the default period (up to today) lies after every export, say which --until would fit them."""
    last = result.stale_exports() if until is None and not settings.quiet else None
    if last is not None:
        import typer

        from sqtool.i18n import Translator

        text = Translator(settings.lang)(
            "portfolio.stale_exports", since=result.since.isoformat(), until=result.until.isoformat(), last=last
        )
        typer.echo(text, err=True)


def _details_folder(value: str | None) -> Path | None:
    if value is None:
        return None
    folder = Path(value)
    if folder.exists() and not folder.is_dir():
        raise SqtoolError("portfolio.details_is_file", hint="portfolio.details_is_file_hint", path=value)
    return folder


def _detail_renderer() -> DetailRenderer:
    from sqtool.render.portfolio_html import group_detail

    return group_detail


def detail_name(index: int, name: str, extension: str) -> str:
    """A file name for a group's own report: its place in the manifest and its name, made safe."""
    import re

    safe = re.sub(r"[^\w.-]+", "-", name, flags=re.UNICODE).strip("-.")[:60] or "group"
    return f"{index + 1:03d}-{safe}.{extension}"


def write_details(
    settings: Settings, result: PortfolioResult, folder: Path, output: Path | None, *, force: bool
) -> dict[str, str]:
    """Each audited group's own report into ``folder`` (after every group is done, each file written
    atomically; sqtool's own earlier reports are replaced, a user's file only with --force); returns
    each group's link, relative to where the portfolio report goes."""
    import os

    import typer

    from sqtool.fsutil import write_atomic
    from sqtool.generated import marked, may_replace
    from sqtool.i18n import Translator
    from sqtool.render.portfolio_html import detail_format

    extension = detail_format()
    base = output.parent if output is not None else Path()
    links: dict[str, str] = {}
    for index, outcome in enumerate(result.outcomes):
        if outcome.detail is None:
            continue
        target = folder / detail_name(index, outcome.name, extension)
        write_atomic(target, marked(outcome.detail, extension), force=may_replace(target, force))
        links[outcome.name] = Path(os.path.relpath(target, base)).as_posix()
    if not settings.quiet:
        typer.echo(Translator(settings.lang)("portfolio.details_written", count=len(links), path=str(folder)), err=True)
    return links


def _history_path(arguments: PortfolioArguments) -> str | None:
    from sqtool.audit.history import default_history_path

    if arguments.history is not None:
        return arguments.history
    return str(default_history_path(arguments.manifest)) if arguments.save else None


def _absolute(manifest: Manifest) -> Manifest:
    import dataclasses

    from sqtool.chat.remote import is_url

    def absolute(value: str | None) -> str | None:
        return None if value is None else str(Path(value).absolute())

    groups = tuple(
        dataclasses.replace(
            entry,
            exports=tuple(export if is_url(export) else str(Path(export).absolute()) for export in entry.exports),
            plan=absolute(entry.plan),
            roster=absolute(entry.roster),
        )
        for entry in manifest.groups
    )
    return dataclasses.replace(manifest, groups=groups)


def _exit_code(shown: list[RankedGroup], threshold: Severity | None) -> int:
    """1 when a shown group failed (an error) or has drift at the threshold or above; never with ``never``."""
    if threshold is None:
        return EXIT_CLEAN
    for group in shown:
        if group.status == "failed" and Severity.ERROR.rank >= threshold.rank:
            return EXIT_FINDINGS
        figures = group.figures
        if figures is not None and any(Severity(severity).rank >= threshold.rank for _, severity in figures.drift):
            return EXIT_FINDINGS
    return EXIT_CLEAN


@contextmanager
def _progress(settings: Settings) -> Iterator[OnDone | None]:
    """Groups done / total and messages per second on stderr; only on a terminal, never with --quiet."""
    import sys

    if settings.quiet or not sys.stderr.isatty():
        yield None
        return
    import time

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from sqtool.console import make_console
    from sqtool.i18n import Translator

    tr = Translator(settings.lang)
    columns = (
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
    )
    started = time.monotonic()
    messages = 0
    with Progress(*columns, console=make_console(settings, stderr=True), transient=True) as bar:
        task = bar.add_task(tr("portfolio.progress"), total=None, rate="")

        def on_done(outcome: object, done: int, total: int) -> None:
            nonlocal messages
            figures = getattr(outcome, "figures", None)
            messages += figures.messages if figures is not None else 0
            rate = messages / max(time.monotonic() - started, 1e-6)
            bar.update(task, completed=done, total=total, rate=tr("portfolio.throughput", rate=f"{rate:,.0f}"))

        yield on_done


def save_portfolio(settings: Settings, result: PortfolioResult, history: str | None) -> None:
    """--save: every audited group's figures under its own group key, in one transaction."""
    import typer

    from sqtool.audit.history import SavedFigures, default_history_path, save_figures
    from sqtool.i18n import Translator
    from sqtool.portfolio.history import portfolio_group

    path = history or str(default_history_path(result.manifest.path))
    audits = []
    for group in result.groups:
        figures = group.figures
        if figures is None:
            continue
        saved = SavedFigures(
            plan=figures.plan_path,
            period_first=figures.period_first.isoformat(),
            period_last=figures.period_last.isoformat(),
            messages=figures.messages,
            senders=figures.active,
            members=figures.members,
            lurker_share=figures.lurker_share,
            gini=figures.gini,
            weekly_active_share=figures.weekly_active_share,
            leaders_present=figures.leaders_present,
            leaders_needed=figures.leaders_needed,
            median_first_response_minutes=figures.median_first_response_minutes,
            unanswered_share=figures.unanswered_share,
            scores=tuple((diagnosis, score) for diagnosis, score, _ in figures.scores),
        )
        audits.append((portfolio_group(group.name), saved))
    save_figures(path, audits)
    if not settings.quiet:
        tr = Translator(settings.lang)
        period = f"{result.since.isoformat()}..{result.until.isoformat()}"
        typer.echo(tr("portfolio.saved", count=len(audits), period=period, path=path), err=True)
        if result.failed:
            typer.echo(tr("portfolio.saved_failed", count=len(result.failed)), err=True)


def targets(given: list[str]) -> tuple[str, str | None]:
    """(manifest, None) for `portfolio MANIFEST`, ("", DIR) for `portfolio init DIR`; else a usage error."""
    if len(given) == 2 and given[0] == "init":
        return "", given[1]
    if len(given) == 1 and given[0] != "init":
        return given[0], None
    raise SqtoolError("portfolio.bad_arguments", hint="portfolio.bad_arguments_hint", given=" ".join(given))


def portfolio_init(settings: Settings, folder: str, output: str | None, force: bool) -> int:
    """`sqtool portfolio init DIR [-o FILE]`: the manifest of DIR's exports (DIR/groups.yaml by default)."""
    import typer

    from sqtool.fsutil import write_atomic
    from sqtool.i18n import Translator
    from sqtool.portfolio.manifest import DEFAULT_NAME
    from sqtool.portfolio.scan import find_groups, manifest_text
    from sqtool.reporters.safe_text import one_line

    tr = Translator(settings.lang)
    source = Path(folder)
    target = Path(output) if output is not None else source / DEFAULT_NAME
    if target.exists() and not force:  # before the scan: never over the user's file
        raise SqtoolError("fs.exists", hint="fs.exists_hint", path=str(target))
    groups, skipped = find_groups(source, target.parent, lang=settings.lang)
    if not settings.quiet:
        for item in skipped:
            if Path(item.path).resolve() != target.resolve():
                typer.echo(
                    tr("portfolio.init_skipped", path=one_line(item.path), reason=one_line(item.reason)), err=True
                )
    if not groups:
        raise SqtoolError("portfolio.init_none", hint="portfolio.init_none_hint", path=str(source))
    text = manifest_text(groups, tr("portfolio.init_header", folder=folder))
    write_atomic(target, text, force=force)
    if not settings.quiet:
        typer.echo(tr("portfolio.init_written", path=one_line(str(target)), count=len(groups)), err=True)
    return EXIT_CLEAN
