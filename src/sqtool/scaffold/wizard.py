"""The interactive wizard: ask each question in turn, re-ask on a bad answer, change nothing on disk."""

from __future__ import annotations

import sys
from collections.abc import Collection, Sequence
from typing import Any, Protocol

from sqtool.i18n import Translator, catalogue
from sqtool.scaffold.advice import Advice, guess_topic, name_advice, name_ideas, slogan_advice
from sqtool.scaffold.answers import (
    QUESTIONS,
    TOPIC,
    AnswerProblem,
    Question,
    apply,
    asked,
    check,
    choices_for,
    default_of,
    members_per_leader,
    read_typed,
    shown,
)
from sqtool.scaffold.keypath import get_value

_YES = frozenset({"y", "yes", "是", "好", "对"})
_NO = frozenset({"n", "no", "否", "不"})


class Terminal(Protocol):
    """Where the wizard talks: ``ask`` raises EOFError when input ends, KeyboardInterrupt on Ctrl-C."""

    def say(self, text: str, *, style: str | None = None) -> None: ...

    def ask(self, prompt: str, default: str | None) -> str: ...


class RichTerminal:
    """A Terminal on a rich Console (colour and styles follow the console's settings)."""

    def __init__(self, console: Any) -> None:
        self.console = console

    def say(self, text: str, *, style: str | None = None) -> None:
        from rich.text import Text

        self.console.print(Text(text, style=style or ""), soft_wrap=False)  # wrap at words, not mid-word

    def ask(self, prompt: str, default: str | None) -> str:
        from rich.text import Text

        question = Text(prompt, style="bold")
        if default:
            question.append(f" [{default}]", style="cyan")
        question.append(": ")
        if _is_terminal(sys.stdin):
            return self.console.input(question)  # a terminal's line editing; its lines are short
        # scripted input: read one line, no more than --max-string-bytes of it (`< /dev/zero` stops)
        self.console.print(question, end="")
        return read_answer_line(sys.stdin)


def _is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def read_answer_line(stream: Any) -> str:
    """One typed answer from a stream, without its line end; EOFError when input has ended; an answer
    over ``--max-string-bytes`` is ``error[max-string-bytes]`` (read no further than that)."""
    from sqtool.settings import active_limits, limit_error

    limit = active_limits().string_bytes
    line = stream.readline(limit + 1 if limit else -1)
    if not line:
        raise EOFError
    if limit and len(line) > limit and not line.endswith("\n"):
        raise limit_error("string_bytes", key="limit.string_bytes_answer")
    return str(line).removesuffix("\n").removesuffix("\r")


def label(value: str, tr: Translator, field: str = "") -> str:
    """``wechat`` -> ``wechat (微信)`` when the catalogue has a label for it (for ``field`` first)."""
    key = f"scaffold.choice.{field}.{value}"
    if key not in catalogue():
        key = f"scaffold.choice.{value}"
    if key not in catalogue():
        return value
    text = tr(key)
    return value if text.lower() == value.replace("_", " ").lower() else f"{value} ({text})"


def choose_playbook(term: Terminal, tr: Translator, playbooks: Sequence[tuple[str, str]], default: str) -> str:
    """Let the user pick a playbook by number or name; ``playbooks`` is (name, title) pairs."""
    names = [name for name, _ in playbooks]
    term.say(tr("scaffold.pick_playbook"), style="bold")
    for number, (name, title) in enumerate(playbooks, start=1):
        term.say(tr("scaffold.playbook_choice", number=number, name=name, title=title))
    while True:
        raw = term.ask(tr("scaffold.ask_playbook"), default).strip() or default
        if raw.isdigit() and 1 <= int(raw) <= len(names):
            return names[int(raw) - 1]
        if raw in names:
            return raw
        term.say(
            tr("scaffold.retry", problem=tr("scaffold.err.choice", value=raw, choices=", ".join(names))), style="red"
        )


def _confirm(term: Terminal, tr: Translator) -> bool:
    while True:
        raw = term.ask(tr("scaffold.keep_anyway"), "n").strip().lower() or "n"
        if raw in _YES:
            return True
        if raw in _NO:
            return False
        term.say(tr("scaffold.retry", problem=tr("scaffold.yes_no")), style="red")


def _advice(question: Question, value: Any) -> list[Advice]:
    if question.key == "community.name" and isinstance(value, str):
        return name_advice(value)
    if question.key == "community.slogan.text" and isinstance(value, str):
        return slogan_advice(value)
    return []


def _help(term: Terminal, tr: Translator, question: Question, plan: dict[str, Any], topic: str) -> None:
    choices = choices_for(question)
    if choices:
        field = str(question.pointer[-1])
        listed = ", ".join(f"{number} {label(value, tr, field)}" for number, value in enumerate(choices, start=1))
        term.say(tr("scaffold.choices", choices=listed), style="dim")
    if question.key == "community.name":
        method = str(get_value(plan, ("community", "naming_method"), ""))
        ideas = name_ideas(method, topic, str(get_value(plan, ("roles", "owner"), "")))
        if ideas:
            shown_method = label(method, tr, "naming_method")
            term.say(tr("scaffold.name_ideas", method=shown_method, ideas=" / ".join(ideas)), style="dim")


def ask_questions(
    term: Terminal, tr: Translator, plan: dict[str, Any], *, skip: Collection[str] = (), topic: str = ""
) -> None:
    """Ask every question not in ``skip`` and store the answers in ``plan`` (nothing is written here)."""
    topic = topic or guess_topic(str(get_value(plan, ("community", "name"), "")))
    part = ""
    for question in QUESTIONS:
        if question.key in skip or not asked(question, plan):
            continue
        if question.part != part:
            part = question.part
            term.say("")
            term.say(tr("scaffold.section_heading", title=tr(part)), style="bold magenta")
        _help(term, tr, question, plan, topic)
        prompt = tr(question.prompt, per=members_per_leader(plan))
        while True:
            default = default_of(question, plan, topic)
            raw = term.ask(prompt, shown(default) or None)
            try:
                value = default if not raw.strip() and default is not None else read_typed(question, raw)
                if question.stored:
                    check(question, value, plan)
                elif not value:
                    raise AnswerProblem("scaffold.err.required")
            except AnswerProblem as problem:
                term.say(tr("scaffold.retry", problem=tr(problem.key, **problem.args_for_message)), style="red")
                continue
            warnings = _advice(question, value)
            for advice in warnings:
                term.say(
                    tr("scaffold.warning", rule=advice.rule_id, problem=tr(advice.key, **advice.args)), style="yellow"
                )
            if warnings and not _confirm(term, tr):
                continue
            break
        if question.key == TOPIC:
            topic = str(value)
        apply(plan, question, value)
