"""The bundled playbooks as a table, or one of them in detail (`sqtool playbooks [NAME]`)."""

from __future__ import annotations

from sqtool.i18n import Translator, catalogue
from sqtool.scaffold.answers import platform_name
from sqtool.scaffold.keypath import get_value
from sqtool.scaffold.playbooks import Playbook, list_playbooks
from sqtool.settings import Settings


def term(value: object, tr: Translator) -> str:
    """An enumeration key in words (``weekly`` -> ``每周``), or the value itself when it has no label."""
    key = f"scaffold.choice.{value}"
    return tr(key) if key in catalogue() else str(value)


def _joined(words: list[str], settings: Settings) -> str:
    return ("、" if settings.lang == "zh" else ", ").join(words)


def playbooks_table(settings: Settings, width: int) -> str:
    """The playbooks as a table that fits ``width`` (titles and purposes wrap at word boundaries)."""
    from sqtool.render.wrap import table

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
            _joined([platform_name(name, tr) for name in playbook.platforms], settings),
            str(playbook.typical_size or ""),
            _joined([term(purpose, tr) for purpose in playbook.purposes], settings),
        ]
        for playbook in list_playbooks()
    ]
    return table(headers, rows, width=width, wrap_columns=[1, 2, 4])


def _rhythm(playbook: Playbook, tr: Translator) -> list[str]:
    lines = []
    for section in ("value_output", "rituals"):
        for item in playbook.data.get(section) or []:
            if isinstance(item, dict):
                when = schedule(str(item.get("cadence", "")), str(item.get("day", "")), str(item.get("time", "")), tr)
                lines.append(tr("scaffold.show_item", name=item.get("name", ""), when=when).rstrip())
    return ["  " + line.strip() for line in lines]


def schedule(cadence: str, day: str, time: str, tr: Translator) -> str:
    """When something happens, as people say it: 每周五 12:30 / every Friday 12:30, 每天 06:30 / daily 06:30."""
    if day and cadence in ("weekly", "biweekly"):
        phrase = tr(f"scaffold.when.{cadence}", day=term(day, tr))
    else:
        phrase = " ".join(part for part in (term(cadence, tr) if cadence else "", term(day, tr) if day else "") if part)
    return f"{phrase} {time}".strip()


def playbook_lines(playbook: Playbook, settings: Settings, width: int) -> list[str]:
    """One playbook in detail, wrapped to ``width`` (list items hang under their text)."""
    from sqtool.render.wrap import wrap

    tr = Translator(settings.lang)
    data = playbook.data
    lines = [
        f"{playbook.name}: {playbook.title_in(settings.lang)}",
        "",
        playbook.summary_in(settings.lang),
        "",
        tr("scaffold.show_purposes", purposes=_joined([term(purpose, tr) for purpose in playbook.purposes], settings)),
        tr(
            "scaffold.show_platforms",
            platforms=_joined([platform_name(name, tr) for name in playbook.platforms], settings),
        ),
        tr("scaffold.show_size", size=playbook.typical_size or "?"),
        tr(
            "scaffold.show_community",
            name=get_value(data, ("community", "name"), ""),
            platform=platform_name(str(get_value(data, ("community", "platform"), "")), tr),
            slogan=get_value(data, ("community", "slogan", "text"), ""),
        ),
        tr("scaffold.show_rhythm"),
        *_rhythm(playbook, tr),
        tr("scaffold.show_sources"),
        *(
            tr("scaffold.show_source", section=key, articles=_joined(list(value), settings))
            for key, value in playbook.sources.items()
        ),
        "",
        tr("scaffold.show_file", path=playbook.path),
        tr("scaffold.show_next", name=playbook.name),
    ]
    wrapped: list[str] = []
    for line in lines:
        indent = " " * (len(line) - len(line.lstrip(" ")))
        hanging = indent + ("  " if line.lstrip().startswith("- ") else "")
        wrapped.extend(wrap(line, width, indent=indent, subsequent_indent=hanging) if line else [""])
    return wrapped
