"""The interactive wizard: ask each question in turn, re-ask on a bad answer, change nothing on disk."""

from __future__ import annotations

import re
import sys
from collections.abc import Collection, MutableMapping, Sequence
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
_PICKS = re.compile(r"[,，、;；\s]+")  # 2,7  2，7  2、7  2 7
_RANGE = re.compile(r"^(\d+)\s*(?:-|–|~|～|到|至)\s*(\d+)$")


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

        from sqtool.render.wrap import fill

        # wrapped by display width, Chinese punctuation never opening a line, `commands` and options whole
        width = max(40, self.console.width - 1)
        lines = []
        for paragraph in text.split("\n"):
            body = paragraph.lstrip(" ")
            indent = paragraph[: len(paragraph) - len(body)]
            lines.append(fill(body, width, indent=indent, subsequent_indent=indent + "  ") if body else "")
        self.console.print(Text("\n".join(lines), style=style or ""), soft_wrap=True)

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


def _label_text(value: str, tr: Translator, field: str) -> str | None:
    key = f"scaffold.choice.{field}.{value}"
    if key not in catalogue():
        key = f"scaffold.choice.{value}"
    return tr(key) if key in catalogue() else None


def label(value: str, tr: Translator, field: str = "") -> str:
    """How a choice is shown: in Chinese its Chinese label alone (``knowledge`` -> ``知识类``); in English
    the value, with its label when that says more (``invite`` -> ``invite (by invitation)``)."""
    text = _label_text(value, tr, field)
    if text is None:
        return value
    if tr.lang == "zh":
        return text
    return value if text.lower() == value.replace("_", " ").lower() else f"{value} ({text})"


def shown_default(question: Question, value: Any, tr: Translator) -> str:
    """The ``[default]`` of a question in the chosen language: choices by their labels, never the raw key."""
    if value is None:
        return ""
    if question.kind in ("choice", "choices") and tr.lang == "zh":  # English shows the values themselves
        field = str(question.pointer[-1])
        values = value if isinstance(value, list) else [value]
        joiner = "、" if tr.lang == "zh" else ", "
        return joiner.join(label(str(item), tr, field) for item in values)
    return shown(value)


def picked(question: Question, raw: str, tr: Translator) -> Any:
    """A typed choice as the value(s) to store: numbers (``2``), lists of numbers (``2,7``, ``2，7``,
    ``2、7``), ranges (``1-3``), the values themselves or their labels in either language."""
    choices = choices_for(question)
    field = str(question.pointer[-1])
    names: dict[str, str] = {}
    for value in choices:
        names[value.lower()] = value
        for lang in ("en", "zh"):
            text = _label_text(value, Translator(lang), field)
            if text:
                names.setdefault(text.lower(), value)
    found: list[str] = []
    pieces = [raw.strip()] if question.kind == "choice" else [piece for piece in _PICKS.split(raw) if piece]
    for piece in pieces:
        span = _RANGE.match(piece)
        if piece.isdigit() and 1 <= int(piece) <= len(choices):
            found.append(choices[int(piece) - 1])
        elif span and 1 <= int(span[1]) <= int(span[2]) <= len(choices):
            found.extend(choices[int(span[1]) - 1 : int(span[2])])
        elif piece.lower() in names:
            found.append(names[piece.lower()])
        else:
            joiner = "、" if tr.lang == "zh" else ", "
            listed = joiner.join(f"{number} {label(value, tr, field)}" for number, value in enumerate(choices, 1))
            raise AnswerProblem("scaffold.err.choice", value=piece, choices=listed)
    if question.kind == "choice":
        return found[0]
    return list(dict.fromkeys(found))


def _retry(tr: Translator, problem: str) -> str:
    """``! <problem>. Please try again.``: the problem's own closing stop is not doubled."""
    return tr("scaffold.retry", problem=problem.rstrip(".。"))


def choose_playbook(term: Terminal, tr: Translator, playbooks: Sequence[tuple[str, str]], default: str) -> str:
    """Let the user pick a playbook by number or name; ``playbooks`` is (name, title) pairs."""
    names = [name for name, _ in playbooks]
    titles = {title: name for name, title in playbooks}
    term.say(tr("scaffold.pick_playbook"), style="bold")
    for number, (name, title) in enumerate(playbooks, start=1):
        term.say(tr("scaffold.playbook_choice", number=number, name=name, title=title))
    shown = next((title for name, title in playbooks if name == default), default) if tr.lang == "zh" else default
    while True:
        raw = term.ask(tr("scaffold.ask_playbook"), shown).strip() or default
        if raw.isdigit() and 1 <= int(raw) <= len(names):
            return names[int(raw) - 1]
        if raw in names:
            return raw
        if raw in titles or raw == shown:
            return titles.get(raw, default)
        term.say(_retry(tr, tr("scaffold.err.choice", value=raw, choices=", ".join(names))), style="red")


def _confirm(term: Terminal, tr: Translator) -> bool:
    while True:
        raw = term.ask(tr("scaffold.keep_anyway"), "n").strip().lower() or "n"
        if raw in _YES:
            return True
        if raw in _NO:
            return False
        term.say(_retry(tr, tr("scaffold.yes_no")), style="red")


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
        joiner = "　" if tr.lang == "zh" else ", "
        listed = joiner.join(f"{number} {label(value, tr, field)}" for number, value in enumerate(choices, start=1))
        term.say(tr("scaffold.choices", choices=listed), style="dim")
        if question.kind == "choices":
            term.say(tr("scaffold.choices_how"), style="dim")
    if question.key == "community.name":
        ideas = _ideas(plan, topic)
        if ideas:
            shown_method = label(str(get_value(plan, ("community", "naming_method"), "")), tr, "naming_method")
            term.say(tr("scaffold.name_ideas", method=shown_method, ideas=" / ".join(ideas)), style="dim")


def _ideas(plan: dict[str, Any], topic: str) -> list[str]:
    method = str(get_value(plan, ("community", "naming_method"), ""))
    return list(name_ideas(method, topic, str(get_value(plan, ("roles", "owner"), ""))))


def _default(question: Question, plan: dict[str, Any], topic: str, changed_topic: bool) -> Any:
    """What Enter keeps; the name follows the topic typed just before: its first suggestion."""
    if question.key == "community.name" and changed_topic:
        ideas = _ideas(plan, topic)
        if ideas:
            return ideas[0]
    return default_of(question, plan, topic)


def ask_questions(
    term: Terminal,
    tr: Translator,
    plan: dict[str, Any],
    *,
    skip: Collection[str] = (),
    topic: str = "",
    answered: MutableMapping[str, Any] | None = None,
) -> None:
    """Ask every question not in ``skip`` and store the answers in ``plan`` (nothing is written here);
    each accepted answer is also put in ``answered`` (key path -> value), so Ctrl-C can keep them."""
    changed_topic = bool(topic)
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
            default = _default(question, plan, topic, changed_topic)
            raw = term.ask(prompt, shown_default(question, default, tr) or None)
            try:
                if not raw.strip() and default is not None:
                    value = default
                elif question.kind in ("choice", "choices"):
                    value = picked(question, raw, tr)
                else:
                    value = read_typed(question, raw)
                if question.stored:
                    check(question, value, plan)
                elif not value:
                    raise AnswerProblem("scaffold.err.required")
            except AnswerProblem as problem:
                term.say(_retry(tr, problem.text(tr)), style="red")
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
            changed_topic = changed_topic or value != topic
            topic = str(value)
        apply(plan, question, value)
        if answered is not None:
            answered[question.key] = value
