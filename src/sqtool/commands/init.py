"""`sqtool init`: gather every answer first (wizard or files), then write the plan once, atomically."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqtool.commands import EXIT_CLEAN, EXIT_INTERRUPTED
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
    resume: bool = False  # --resume: start from the answers kept when the last run was stopped


def resume_path(target: Path) -> Path:
    """Where Ctrl-C keeps the answers given so far: a hidden answers file beside the plan."""
    return target.with_name(f".{target.name}.answers.yaml")


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

    resume = resume_path(target)
    if options.resume and not resume.is_file():
        raise SqtoolError("scaffold.no_resume", hint="scaffold.no_resume_hint", path=str(resume), plan=options.path)
    answers_source = options.answers or (str(resume) if options.resume else "")
    from_file = build.read_answers(options.answers) if options.answers else {}
    if options.resume:
        from_file = {**build.read_answers(resume), **from_file}
    from_set = build.parse_assignments(options.assignments)
    # where a problem found after all answers are in is reported: the answers the user gave
    source = "--set" if from_set else answers_source or options.path

    wizard = not options.yes
    if wizard and not options.interactive and not _stdin_is_terminal():
        if not from_file:
            raise SqtoolError("scaffold.not_a_terminal", hint="scaffold.not_a_terminal_hint")
        wizard = False  # an answers file on a pipe: answer from the file alone

    chosen = options.playbook or _text(from_file.get(build.PLAYBOOK_KEY))
    if wizard:
        from sqtool.console import make_console
        from sqtool.scaffold.wizard import RichTerminal, ask_questions, choose_playbook

        console = make_console(settings)
        term = RichTerminal(console)
        term.say(tr("scaffold.welcome", path=options.path))
        answered: dict[str, Any] = {}
        try:
            if chosen is None:
                pairs = [(item.name, item.title_in(lang)) for item in list_playbooks()]
                chosen = choose_playbook(term, tr, pairs, DEFAULT_PLAYBOOK)
            plan = load_playbook(chosen).plan()
            build.apply_given(plan, from_file, source=answers_source, lang=lang)
            build.apply_given(plan, from_set, source="--set", lang=lang)
            preset = set(from_file) | set(from_set)
            ask_questions(
                term, tr, plan, skip=preset, topic=build.topic_of({**from_file, **from_set}), answered=answered
            )
        except EOFError:
            raise SqtoolError("scaffold.input_ended", hint="scaffold.input_ended_hint") from None
        except KeyboardInterrupt:
            kept = {**from_file, **from_set, **answered}
            if chosen is None or not kept:
                raise  # nothing answered yet: nothing to keep
            return _keep_for_resume(settings, options.path, resume, chosen, kept)
        review: list[str] = []
    else:
        if chosen is None:
            raise SqtoolError(
                "scaffold.no_playbook", hint="scaffold.no_playbook_hint", names=", ".join(playbook_names())
            )
        plan = load_playbook(chosen).plan()
        build.apply_given(plan, from_file, source=answers_source, lang=lang)
        build.apply_given(plan, from_set, source="--set", lang=lang)
        review = unasked(plan, set(from_file) | set(from_set))
    build.ensure_consistent(plan, source=source, lang=lang)

    shown_path = options.path.removeprefix("./") or options.path
    text = render_plan(plan, lang=lang, playbook=chosen, path=shown_path, review=review)
    problems = build.schema_problems(text, shown_path, lang=lang)
    if problems:
        raise SqtoolError("scaffold.invalid_result", path=source, problem=problems[0])

    from sqtool.fsutil import write_atomic

    write_atomic(target, text, force=options.force)
    resume.unlink(missing_ok=True)  # the plan is written: the kept answers are done with
    _report(settings, shown_path, plan, review)
    return EXIT_CLEAN


def unasked(plan: dict[str, Any], given: set[str]) -> list[str]:
    """Key paths of the questions the playbook answered without asking: no answer given, not in the wizard."""
    from sqtool.scaffold.answers import QUESTIONS, asked
    from sqtool.scaffold.keypath import get_value

    return [
        question.key
        for question in QUESTIONS
        if question.stored
        and question.key not in given
        and asked(question, plan)
        and get_value(plan, question.pointer) is not None
    ]


def _keep_for_resume(settings: Settings, path: str, resume: Path, playbook: str, kept: dict[str, Any]) -> int:
    """Ctrl-C in the wizard: keep the answers given so far in an answers file for `sqtool init --resume`."""
    import typer
    import yaml

    from sqtool.fsutil import write_atomic

    tr = Translator(settings.lang)
    document = {"playbook": playbook, **{key: value for key, value in kept.items() if key != "playbook"}}
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, default_flow_style=None)
    write_atomic(resume, tr("scaffold.resume_header", plan=path) + text, force=True)
    typer.echo("", err=True)
    typer.echo(tr("scaffold.kept_for_resume", count=len(kept), resume=str(resume), plan=path), err=True)
    return EXIT_INTERRUPTED


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _report(settings: Settings, path: str, plan: dict[str, Any], review: list[str]) -> None:
    """Say what was written, list what the playbook answered unasked, show the `check` result of the
    new plan and the commands to run next."""
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
    if review:
        from sqtool.scaffold.answers import QUESTIONS_BY_KEY, members_per_leader
        from sqtool.scaffold.keypath import get_value
        from sqtool.scaffold.wizard import shown_default

        typer.echo("")
        typer.echo(tr("scaffold.review_heading"))
        for key in review:
            question = QUESTIONS_BY_KEY[key]
            value = shown_default(question, get_value(plan, question.pointer), tr)
            prompt = tr(question.prompt, per=members_per_leader(plan))
            typer.echo(tr("scaffold.review_line", key=key, question=prompt, value=value))
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
    from sqtool.scaffold.render import find_repository_schema

    # the modeline points at sqtool's own copy of the schema: say how to keep one the team shares
    shared = find_repository_schema(Path(path).resolve().parent) is not None
    keys = ("scaffold.next_edit", "scaffold.next_check", *(() if shared else ("scaffold.next_schema",)))
    for key in (*keys, "scaffold.next_audit"):
        typer.echo(tr(key, path=shown))
