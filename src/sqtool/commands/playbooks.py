"""`sqtool playbooks [NAME]`: the bundled playbooks as a table, or one of them in detail (or as YAML)."""

from __future__ import annotations

from sqtool.commands import EXIT_CLEAN
from sqtool.settings import Settings


def show_all(settings: Settings) -> int:
    import typer

    from sqtool.i18n import Translator
    from sqtool.render.playbooks import playbooks_table
    from sqtool.render.wrap import fill, terminal_width

    tr = Translator(settings.lang)
    typer.echo(tr("scaffold.playbooks_title"))
    typer.echo(playbooks_table(settings, terminal_width()))
    if not settings.quiet:
        typer.echo(fill(tr("scaffold.playbooks_footer"), terminal_width()))
    return EXIT_CLEAN


def show_one(settings: Settings, name: str, *, raw: bool = False) -> int:
    from sqtool.scaffold.playbooks import load_playbook

    playbook = load_playbook(name)
    if raw:
        import typer

        typer.echo(playbook.path.read_text(encoding="utf-8"), nl=False)
        return EXIT_CLEAN
    from rich.text import Text

    from sqtool.console import make_console
    from sqtool.render.playbooks import playbook_lines
    from sqtool.render.wrap import terminal_width

    console = make_console(settings)
    for line in playbook_lines(playbook, settings, terminal_width()):
        console.print(Text(line))
    return EXIT_CLEAN
