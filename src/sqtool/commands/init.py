"""`sqtool init`: gather every answer first (wizard or files), then write the plan once, atomically."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqtool.commands import EXIT_CLEAN
from sqtool.errors import SqtoolError
from sqtool.fsutil import refuse_to_replace
from sqtool.i18n import Translator
from sqtool.settings import Settings

DEFAULT_PLAYBOOK = "knowledge-course"


@dataclass(frozen=True, slots=True)
class InitOptions:
    path: str = "plan.yaml"
    playbook: str | None = None
    yes: bool = False
    assignments: tuple[str, ...] = ()  # --set key.path=value, in order
    answers: str | None = None  # --answers FILE
    force: bool = False
    interactive: bool = False  # ask even when stdin is not a terminal (scripted input)


def _stdin_is_terminal() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def init(settings: Settings, options: InitOptions) -> int:
    """Build, write and check a new plan; returns the exit code."""
    from sqtool.scaffold import build
    from sqtool.scaffold.playbooks import list_playbooks, load_playbook, playbook_names
    from sqtool.scaffold.render import render_plan

    lang = settings.lang
    tr = Translator(lang)
    target = Path(options.path)
    refuse_to_replace(target, force=options.force)  # refuse before asking anything

    answers_source = options.answers or ""
    from_file = build.read_answers(options.answers) if options.answers else {}
    from_set = build.parse_assignments(options.assignments)
    # where a problem found after all answers are in is reported: the answers the user gave
    source = "--set" if from_set else answers_source or options.path

    wizard = not options.yes
    if wizard and not options.interactive and not _stdin_is_terminal():
        if not options.answers:
            raise SqtoolError("scaffold.not_a_terminal", hint="scaffold.not_a_terminal_hint")
        wizard = False  # an answers file on a pipe: answer from the file alone

    chosen = options.playbook or _text(from_file.get(build.PLAYBOOK_KEY))
    if wizard:
        from sqtool.console import make_console
        from sqtool.scaffold.wizard import RichTerminal, ask_questions, choose_playbook

        console = make_console(settings)
        term = RichTerminal(console)
        term.say(tr("scaffold.welcome", path=options.path))
        try:
            if chosen is None:
                pairs = [(item.name, item.title_in(lang)) for item in list_playbooks()]
                chosen = choose_playbook(term, tr, pairs, DEFAULT_PLAYBOOK)
            plan = load_playbook(chosen).plan()
            build.apply_given(plan, from_file, source=answers_source, lang=lang)
            build.apply_given(plan, from_set, source="--set", lang=lang)
            preset = set(from_file) | set(from_set)
            ask_questions(term, tr, plan, skip=preset, topic=build.topic_of({**from_file, **from_set}))
        except EOFError:
            raise SqtoolError("scaffold.input_ended", hint="scaffold.input_ended_hint") from None
    else:
        if chosen is None:
            raise SqtoolError(
                "scaffold.no_playbook", hint="scaffold.no_playbook_hint", names=", ".join(playbook_names())
            )
        plan = load_playbook(chosen).plan()
        build.apply_given(plan, from_file, source=answers_source, lang=lang)
        build.apply_given(plan, from_set, source="--set", lang=lang)
    build.ensure_consistent(plan, source=source, lang=lang)

    shown_path = options.path.removeprefix("./") or options.path
    text = render_plan(plan, lang=lang, playbook=chosen, path=shown_path)
    problems = build.schema_problems(text, shown_path, lang=lang)
    if problems:
        raise SqtoolError("scaffold.invalid_result", path=source, problem=problems[0])

    from sqtool.fsutil import write_atomic

    write_atomic(target, text, force=options.force)
    _report(settings, shown_path)
    return EXIT_CLEAN


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _report(settings: Settings, path: str) -> None:
    """Say what was written, show the `check` result of the new plan and the commands to run next."""
    import typer

    from sqtool import __version__
    from sqtool.commands.check import CheckRequest, resolve_config
    from sqtool.reporters import ReportContext, render
    from sqtool.reporters.safe_text import one_line
    from sqtool.rules.config import CheckConfig
    from sqtool.rules.engine import check_files

    tr = Translator(settings.lang)
    shown = one_line(path)  # the name the user typed may carry escapes too
    typer.echo(tr("scaffold.written", path=shown))
    if settings.quiet:
        return
    try:  # the same configuration `sqtool check` will use next
        config = resolve_config(CheckRequest(files=(path,)), lang=settings.lang)
    except SqtoolError:  # a broken config file is reported by `sqtool check` itself; the plan is written
        config = CheckConfig()
    result = check_files([path], config, lang=settings.lang)
    typer.echo("")
    typer.echo(tr("scaffold.check_heading"))
    context = ReportContext(tool_version=__version__, lang=settings.lang, files=result.files)
    typer.echo(render("text", list(result.findings), context).rstrip("\n"))
    typer.echo("")
    typer.echo(tr("scaffold.next_steps"))
    for key in ("scaffold.next_edit", "scaffold.next_check", "scaffold.next_audit"):
        typer.echo(tr(key, path=shown))
