"""`sqtool playbooks`: a table of the bundled playbooks, or one of them in detail."""

from __future__ import annotations

from sqtool.console import make_console
from sqtool.i18n import Translator, catalogue
from sqtool.scaffold.keypath import get_value
from sqtool.scaffold.playbooks import Playbook, list_playbooks, load_playbook
from sqtool.settings import Settings


def term(value: object, tr: Translator) -> str:
    """An enumeration key in words (``weekly`` -> ``每周``), or the value itself when it has no label."""
    key = f"scaffold.choice.{value}"
    return tr(key) if key in catalogue() else str(value)


def _joined(words: list[str], settings: Settings) -> str:
    return ("、" if settings.lang == "zh" else ", ").join(words)


def show_all(settings: Settings) -> int:
    """The playbooks as a table that fits the terminal (titles and purposes wrap at word boundaries)."""
    import typer

    from sqtool.render.wrap import fill, table, terminal_width

    tr = Translator(settings.lang)
    headers = [
        tr(key)
        for key in (
            "scaffold.col_name",
            "scaffold.col_title",
            "scaffold.col_platforms",
            "scaffold.col_size",
            "scaffold.col_purposes",
        )
    ]
    rows = [
        [
            playbook.name,
            playbook.title_in(settings.lang),
            ", ".join(playbook.platforms),
            str(playbook.typical_size or ""),
            _joined([term(purpose, tr) for purpose in playbook.purposes], settings),
        ]
        for playbook in list_playbooks()
    ]
    typer.echo(tr("scaffold.playbooks_title"))
    typer.echo(table(headers, rows, width=terminal_width(), wrap_columns=[1, 2, 4]))
    if not settings.quiet:
        typer.echo(fill(tr("scaffold.playbooks_footer"), terminal_width()))
    return 0


def _rhythm(playbook: Playbook, tr: Translator) -> list[str]:
    lines = []
    for section in ("value_output", "rituals"):
        for item in playbook.data.get(section) or []:
            if isinstance(item, dict):
                lines.append(
                    tr(
                        "scaffold.show_item",
                        name=item.get("name", ""),
                        cadence=term(item.get("cadence", ""), tr),
                        day=term(item.get("day", ""), tr),
                        time=item.get("time", ""),
                    )
                    .replace("  ", " ")
                    .rstrip()
                )
    return ["  " + line.strip() for line in lines]


def show_one(settings: Settings, name: str, *, raw: bool = False) -> int:
    playbook = load_playbook(name)
    if raw:
        import typer

        typer.echo(playbook.path.read_text(encoding="utf-8"), nl=False)
        return 0
    from sqtool.render.wrap import terminal_width

    tr = Translator(settings.lang)
    console = make_console(settings)
    data = playbook.data
    lines = [
        f"{playbook.name}: {playbook.title_in(settings.lang)}",
        "",
        playbook.summary_in(settings.lang),
        "",
        tr("scaffold.show_purposes", purposes=_joined([term(purpose, tr) for purpose in playbook.purposes], settings)),
        tr("scaffold.show_platforms", platforms=", ".join(playbook.platforms)),
        tr("scaffold.show_size", size=playbook.typical_size or "?"),
        tr(
            "scaffold.show_community",
            name=get_value(data, ("community", "name"), ""),
            platform=get_value(data, ("community", "platform"), ""),
            slogan=get_value(data, ("community", "slogan", "text"), ""),
        ),
        tr("scaffold.show_rhythm"),
        *_rhythm(playbook, tr),
        tr("scaffold.show_sources"),
        *(
            tr("scaffold.show_source", section=key, articles=", ".join(value))
            for key, value in playbook.sources.items()
        ),
        "",
        tr("scaffold.show_file", path=playbook.path),
        tr("scaffold.show_next", name=playbook.name),
    ]
    from rich.text import Text

    from sqtool.render.wrap import wrap

    width = terminal_width()
    for line in lines:
        indent = " " * (len(line) - len(line.lstrip(" ")))
        hanging = indent + ("  " if line.lstrip().startswith("- ") else "")  # list items hang under their text
        for part in wrap(line, width, indent=indent, subsequent_indent=hanging) if line else [""]:
            console.print(Text(part))
    return 0
