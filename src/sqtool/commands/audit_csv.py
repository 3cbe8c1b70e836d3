"""`sqtool audit --report csv -o DIR`: the folder of tables, checked before the read and written atomically."""

from __future__ import annotations

from pathlib import Path

from sqtool.audit.report import AuditReport
from sqtool.errors import SqtoolError
from sqtool.settings import Settings


def csv_folder(output: Path | None, *, force: bool) -> list[Path]:
    """The files the tables go to, in folder ``output``; refuses (before a long read) no folder, a
    file, or tables already there without --force."""
    from sqtool.render.audit_tables import TABLE_NAMES

    if output is None or str(output) == "-":
        raise SqtoolError("audit.csv_needs_folder", hint="audit.csv_needs_folder_hint")
    if output.exists() and not output.is_dir():
        raise SqtoolError("audit.csv_not_folder", hint="audit.csv_not_folder_hint", path=str(output))
    files = [output / f"{name}.csv" for name in TABLE_NAMES]
    if not force:
        for path in files:
            if path.exists():
                raise SqtoolError("fs.exists", hint="fs.exists_hint", path=str(path))
    return files


def write_csv_tables(report: AuditReport, folder: Path, *, force: bool, settings: Settings) -> None:
    """Write every table of ``report`` into ``folder`` (each file atomically) and say so unless --quiet."""
    import typer

    from sqtool.fsutil import write_atomic
    from sqtool.i18n import Translator
    from sqtool.render.audit_csv import csv_files

    files = csv_files(report)
    for name, text in files.items():
        write_atomic(folder / name, text, force=force)
    if not settings.quiet:
        typer.echo(Translator(settings.lang)("audit.csv_written", count=len(files), path=folder), err=True)


def lists_files(output: Path, *, force: bool) -> list[Path]:
    """The files ``--lists-csv DIR`` writes; refuses (before a long read) stdout, a file, or lists already
    there without --force."""
    from sqtool.render.lists_csv import list_file_names

    if str(output) == "-":
        raise SqtoolError("lists.needs_folder", hint="lists.folder_hint")
    if output.exists() and not output.is_dir():
        raise SqtoolError("lists.not_folder", hint="lists.folder_hint", path=str(output))
    files = [output / name for name in list_file_names()]
    if not force:
        for path in files:
            if path.exists():
                raise SqtoolError("fs.exists", hint="fs.exists_hint", path=str(path))
    return files


def write_lists_csv(report: AuditReport, folder: Path, *, force: bool, settings: Settings) -> None:
    """Write each member list of ``report`` into ``folder`` (each file atomically) and say so unless --quiet."""
    import typer

    from sqtool.fsutil import write_atomic
    from sqtool.i18n import Translator
    from sqtool.render.lists_csv import lists_csv_files

    if report.lists is None:
        return
    files = lists_csv_files(report.lists)
    for name, text in files.items():
        write_atomic(folder / name, text, force=force)
    if not settings.quiet:
        typer.echo(Translator(settings.lang)("lists.csv_written", count=len(files), path=folder), err=True)
