"""Terminal rendering with rich tables; every label comes from the catalogue (English or Chinese)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqtool.i18n import Translator
from sqtool.settings import Settings

if TYPE_CHECKING:
    from datetime import datetime

    from rich.console import Console

    from sqtool.chat.summary import ChatSummary


def chat_summary_text(summary: ChatSummary, settings: Settings, *, top: int = 10, plain: bool = False) -> str:
    """The terminal report as text; ``plain`` leaves colour out (for a file)."""
    import io

    from sqtool.console import make_console

    tr = Translator(settings.lang)
    buffer = io.StringIO()
    console = make_console(Settings(lang=settings.lang, color="never") if plain else settings, file=buffer)
    for warning in summary.warnings:
        console.print(f"{tr('audit.warning')}: {warning.text(tr)}", markup=False, highlight=False)
    if summary.messages == 0:
        console.print(tr("audit.empty", files=", ".join(summary.files)))
    print_chat_summary(console, summary, tr, top=top)
    return buffer.getvalue()


def print_chat_summary(console: Console, summary: ChatSummary, tr: Translator, *, top: int = 10) -> None:
    """The audit's first surface: what was read, and who wrote the most."""
    from rich.table import Table

    from sqtool.chat.summary import iso_seconds

    def when(value: datetime | None) -> str:
        return iso_seconds(value, sep=" ") or tr("audit.none")

    overview = Table(title=tr("audit.title"), show_header=False, title_justify="left")
    overview.add_column(style="bold")
    overview.add_column(overflow="fold")
    rows = [
        ("audit.files", "\n".join(summary.files)),
        ("audit.format", summary.format),
        ("audit.messages", str(summary.messages)),
        ("audit.senders", str(summary.senders)),
        ("audit.first", when(summary.first)),
        ("audit.last", when(summary.last)),
        ("audit.joins", str(summary.joins)),
        ("audit.leaves", str(summary.leaves)),
        ("audit.removals", str(summary.removals)),
    ]
    if summary.bot_messages:
        rows.append(("audit.bot_messages", str(summary.bot_messages)))
    if summary.skipped:
        rows.append(("audit.skipped", str(summary.skipped)))
    if summary.duplicates:
        rows.append(("audit.duplicates", str(summary.duplicates)))
    for key, value in rows:
        overview.add_row(tr(key), value)
    console.print(overview)

    senders = summary.top(top)
    if not senders:
        return
    table = Table(title=tr("audit.top_title", count=len(senders)), title_justify="left")
    table.add_column(tr("audit.rank"), justify="right")
    table.add_column(tr("audit.sender"))
    table.add_column(tr("audit.sender_id"))
    table.add_column(tr("audit.messages"), justify="right")
    table.add_column(tr("audit.share"), justify="right")
    for rank, sender in enumerate(senders, start=1):
        share = f"{sender.messages / summary.messages:.1%}" if summary.messages else "-"
        table.add_row(str(rank), sender.name, sender.id, str(sender.messages), share)
    console.print(table)
