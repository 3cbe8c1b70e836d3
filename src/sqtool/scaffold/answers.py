"""The questions of `sqtool init`: one table that drives the wizard, ``--answers`` and ``--set``.

Each question names a key path in the plan, its prompt, how a typed answer is read, and which
other answers it must agree with (capacity, opinion leaders per member, a backup for daily output).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from sqtool.i18n import Translator
from sqtool.plan.model import Pointer
from sqtool.scaffold import tolerant
from sqtool.scaffold.keypath import enum_at, format_key_path, get_value, parse_key_path, set_value

Kind = Literal["text", "choice", "choices", "whole", "number", "names", "time"]

TOPIC = "topic"  # a helper answer for name ideas; not written to the plan

_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d(-([01]\d|2[0-3]):[0-5]\d)?")
_SEPARATORS = re.compile(r"[,，、;；]")
_CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True, slots=True)
class Question:
    key: str  # dotted key path in the plan (``TOPIC`` for the helper)
    prompt: str  # catalogue key of the prompt
    kind: Kind
    part: str  # catalogue key of the group of questions it belongs to
    optional: bool = False

    @property
    def pointer(self) -> Pointer:
        return parse_key_path(self.key)

    @property
    def stored(self) -> bool:
        return self.key != TOPIC


class AnswerProblem(Exception):
    """An answer that cannot be used: a catalogue key and its arguments, shown before re-asking."""

    def __init__(self, key: str, /, **args: object) -> None:
        super().__init__(key)
        self.key = key
        self.args_for_message = args

    def text(self, tr: Translator) -> str:
        """The problem in ``tr``'s language; a platform is named as people say it (微信群, not wechat群)."""
        args = dict(self.args_for_message)
        if isinstance(args.get("platform"), str):
            args["platform"] = platform_name(str(args["platform"]), tr)
        return tr(self.key, **args)


def platform_name(platform: str, tr: Translator) -> str:
    """``wechat`` -> 微信群 / WeChat; a platform the catalogue does not know stays as written."""
    from sqtool.i18n import catalogue

    key = f"scaffold.choice.{platform}"
    return tr(key) if key in catalogue() and platform != "other" else platform


QUESTIONS: tuple[Question, ...] = (
    Question("positioning.shared_attribute", "scaffold.q.shared_attribute", "text", "scaffold.part.basics"),
    Question("positioning.common_goal", "scaffold.q.common_goal", "text", "scaffold.part.basics"),
    Question("positioning.value_for_members", "scaffold.q.value_for_members", "text", "scaffold.part.basics"),
    Question("positioning.purpose", "scaffold.q.purpose", "text", "scaffold.part.basics"),
    Question(
        "positioning.category",
        "scaffold.q.category",
        "choice",
        "scaffold.part.basics",
    ),
    Question(
        "community.platform",
        "scaffold.q.platform",
        "choice",
        "scaffold.part.basics",
    ),
    Question("members.target_size", "scaffold.q.target_size", "whole", "scaffold.part.basics"),
    Question("roles.owner", "scaffold.q.owner", "text", "scaffold.part.people"),
    Question("roles.admins", "scaffold.q.admins", "names", "scaffold.part.people"),
    Question("roles.opinion_leaders", "scaffold.q.opinion_leaders", "names", "scaffold.part.people"),
    Question(TOPIC, "scaffold.q.topic", "text", "scaffold.part.identity"),
    Question(
        "community.naming_method",
        "scaffold.q.naming_method",
        "choice",
        "scaffold.part.identity",
    ),
    Question("community.name", "scaffold.q.name", "text", "scaffold.part.identity"),
    Question("community.slogan.text", "scaffold.q.slogan", "text", "scaffold.part.identity"),
    Question(
        "community.slogan.type",
        "scaffold.q.slogan_type",
        "choice",
        "scaffold.part.identity",
    ),
    Question(
        "rules.entry.threshold",
        "scaffold.q.threshold",
        "choice",
        "scaffold.part.entry",
    ),
    Question("rules.entry.fee.amount", "scaffold.q.fee", "number", "scaffold.part.entry"),
    Question("rules.entry.criteria", "scaffold.q.criteria", "text", "scaffold.part.entry"),
    Question("value_output.0.name", "scaffold.q.value_name", "text", "scaffold.part.value"),
    Question(
        "value_output.0.cadence",
        "scaffold.q.value_cadence",
        "choice",
        "scaffold.part.value",
    ),
    Question("value_output.0.time", "scaffold.q.value_time", "time", "scaffold.part.value"),
    Question("value_output.0.owner", "scaffold.q.value_owner", "text", "scaffold.part.value"),
    Question("value_output.0.backup", "scaffold.q.value_backup", "text", "scaffold.part.value", optional=True),
    Question(
        "monetization.purposes",
        "scaffold.q.purposes",
        "choices",
        "scaffold.part.money",
    ),
)

QUESTIONS_BY_KEY: dict[str, Question] = {question.key: question for question in QUESTIONS}

_PEOPLE_KEYS = ("roles.owner", "roles.admins", "roles.opinion_leaders")


def choices_for(question: Question) -> tuple[str, ...]:
    """The allowed values of a choice question: the enumeration of the shipped plan schema."""
    if question.kind not in ("choice", "choices"):
        return ()
    return enum_at(question.pointer)


def asked(question: Question, plan: Mapping[str, Any]) -> bool:
    """Whether the question applies to the plan as answered so far (a fee only for paid entry)."""
    if question.key == "rules.entry.fee.amount":
        return get_value(plan, ("rules", "entry", "threshold")) == "paid"
    return True


def members_per_leader(plan: Mapping[str, Any]) -> int:
    per = get_value(plan, ("thresholds", "kol_per_members"))
    return per if isinstance(per, int) and not isinstance(per, bool) and per > 0 else 100


def capacity(plan: Mapping[str, Any]) -> int | None:
    """How many members one group of the plan's platform holds (``community.capacity`` wins)."""
    explicit = get_value(plan, ("community", "capacity"))
    if isinstance(explicit, int) and not isinstance(explicit, bool) and explicit > 0:
        return explicit
    from sqtool.plan.platforms import PLATFORM_CAPACITY

    return PLATFORM_CAPACITY.get(str(get_value(plan, ("community", "platform"), "")))


def default_of(question: Question, plan: Mapping[str, Any], topic: str = "") -> Any:
    """What Enter keeps: the current value in the plan (from the playbook or earlier answers)."""
    if question.key == TOPIC:
        return topic or None
    return get_value(plan, question.pointer)


def shown(value: Any) -> str:
    """An answer as the user would type it: lists joined with commas."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(shown(item) for item in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_typed(question: Question, raw: str) -> Any:
    """Turn a typed answer into the value to store; AnswerProblem when it cannot be one."""
    raw = raw.strip()
    if question.kind == "names" and raw.isdigit():
        return int(raw)  # how many, when the names are not known yet (the schema allows a count)
    if question.kind in ("names", "choices"):
        return [part.strip() for part in _SEPARATORS.split(raw) if part.strip()]
    if question.kind == "choice":
        choices = choices_for(question)
        if raw.isdigit() and 1 <= int(raw) <= len(choices):
            return choices[int(raw) - 1]
        return raw
    if question.kind == "whole":  # 500, 500人, 1,000, 2千
        size = tolerant.count(raw)
        if size is None:
            raise AnswerProblem("scaffold.err.integer", value=raw)
        return size
    if question.kind == "number":  # 299, ¥299, 299元
        price = tolerant.amount(raw)
        if price is None:
            raise AnswerProblem("scaffold.err.number", value=raw)
        return price
    if question.kind == "time" and raw:  # 8:00, 8点, 早上8点, 20:30-22:00, 晚上8点到10点
        return tolerant.clock_time(raw) or raw  # not understood: check() answers with the expected form
    return raw


def coerce(question: Question, value: Any) -> Any:
    """Check the type of a value from an answers file or ``--set`` (already parsed as YAML)."""
    if question.kind in ("names", "choices"):
        if isinstance(value, str):
            return read_typed(question, value)
        if question.kind == "names" and isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return value
        if not isinstance(value, list) or not all(isinstance(item, str | int | float) for item in value):
            raise AnswerProblem("scaffold.err.not_list")
        return [str(item).strip() for item in value if str(item).strip()]
    if question.kind in ("whole", "number", "time") and isinstance(value, str):
        return read_typed(question, value)  # "500人", "¥299", "8点" in an answers file or --set, as typed
    if question.kind == "whole":
        if isinstance(value, bool) or not isinstance(value, int):
            raise AnswerProblem("scaffold.err.integer", value=shown(value))
        return value
    if question.kind == "number":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise AnswerProblem("scaffold.err.number", value=shown(value))
        return value
    if isinstance(value, list | dict):
        raise AnswerProblem("scaffold.err.not_text")
    return None if value is None else str(value).strip()


def check(question: Question, value: Any, plan: Mapping[str, Any]) -> None:
    """Raise AnswerProblem when ``value`` does not suit ``question`` in ``plan`` as answered so far."""
    if value is None or value == "" or value == [] or (question.kind == "names" and value == 0):
        if question.optional and not _backup_required(question, plan):
            return
        raise AnswerProblem(_empty_problem(question, plan), **_empty_args(question, plan))
    if question.kind == "choice" and value not in choices_for(question):
        raise AnswerProblem("scaffold.err.choice", value=value, choices=", ".join(choices_for(question)))
    if question.kind == "choices":
        for item in value:
            if item not in choices_for(question):
                raise AnswerProblem("scaffold.err.choice", value=item, choices=", ".join(choices_for(question)))
    if question.kind in ("names", "choices") and isinstance(value, list):
        for position, item in enumerate(value):
            if item in value[:position]:
                raise AnswerProblem("scaffold.err.duplicate", value=item)
    if question.kind in ("whole", "number") and value <= 0:
        raise AnswerProblem("scaffold.err.positive")
    if question.kind == "time" and not _TIME.fullmatch(str(value)):
        raise AnswerProblem("scaffold.err.time", value=value)
    if question.key == "members.target_size":
        limit = capacity(plan)
        if limit is not None and value > limit:
            platform = str(get_value(plan, ("community", "platform"), ""))
            raise AnswerProblem("scaffold.err.over_capacity", size=value, platform=platform, capacity=limit)
    if question.key == "roles.opinion_leaders":
        size, per = _size(plan), members_per_leader(plan)
        needed = -(-size // per) if size else 0
        named = value if isinstance(value, int) else len(value)
        if named < needed:
            raise AnswerProblem("scaffold.err.too_few_leaders", size=size, needed=needed, per=per, named=named)
    same_as_owner = value == get_value(plan, ("value_output", 0, "owner"))
    if question.key == "value_output.0.backup" and same_as_owner and _backup_required(question, plan):
        raise AnswerProblem("scaffold.err.backup_needed")


def _size(plan: Mapping[str, Any]) -> int:
    sizes = [get_value(plan, ("members", key)) for key in ("target_size", "current_size")]
    return max((size for size in sizes if isinstance(size, int) and not isinstance(size, bool)), default=0)


def _backup_required(question: Question, plan: Mapping[str, Any]) -> bool:
    return question.key == "value_output.0.backup" and get_value(plan, ("value_output", 0, "cadence")) == "daily"


def _empty_problem(question: Question, plan: Mapping[str, Any]) -> str:
    if question.key == "roles.admins":
        return "scaffold.err.no_admins"
    if question.key == "roles.opinion_leaders" and _size(plan):
        return "scaffold.err.too_few_leaders"
    if _backup_required(question, plan):
        return "scaffold.err.backup_needed"
    return "scaffold.err.required"


def _empty_args(question: Question, plan: Mapping[str, Any]) -> dict[str, object]:
    if _empty_problem(question, plan) == "scaffold.err.too_few_leaders":
        size, per = _size(plan), members_per_leader(plan)
        return {"size": size, "needed": -(-size // per), "per": per, "named": 0}
    return {}


def apply(plan: dict[str, Any], question: Question, value: Any) -> None:
    """Store an accepted answer, and keep the rest of the plan consistent with it."""
    if not question.stored:
        return
    pointer = question.pointer
    before = get_value(plan, pointer)
    if value is None or value == "" or value == []:
        _remove(plan, pointer)
        return
    set_value(plan, pointer, value)
    if question.key in _PEOPLE_KEYS:
        rename_people(plan, _renames(before, value))
    elif question.key == "community.platform" and value != before:
        _fit_platform(plan, value)
    elif question.key == "members.target_size":
        _fit_expansion(plan)
    elif question.key == "value_output.0.name" and isinstance(before, str):
        _retag(get_value(plan, ("value_output", 0)), before, value)
    elif question.key == "rules.entry.threshold":
        entry = get_value(plan, ("rules", "entry"))
        if value != "paid" and isinstance(entry, dict):
            entry.pop("fee", None)
        elif value == "paid" and isinstance(entry, dict) and not isinstance(entry.get("fee"), dict):
            entry["fee"] = {"currency": "CNY", "period": "year"}


def chat_tag(name: str) -> str:
    """The tag that marks a post of ``name`` in a chat: 【name】 for Chinese names, [name] otherwise."""
    return f"【{name}】" if _CJK.search(name) else f"[{name}]"


def _retag(item: Any, old_name: str, new_name: str) -> None:
    """A renamed output keeps its audit keyword in step when it was the playbook's tag for the old name."""
    if isinstance(item, dict) and isinstance(item.get("keywords"), list):
        item["keywords"] = [chat_tag(new_name) if word == chat_tag(old_name) else word for word in item["keywords"]]


def _remove(plan: dict[str, Any], pointer: Pointer) -> None:
    parent = get_value(plan, pointer[:-1])
    if isinstance(parent, dict):
        parent.pop(pointer[-1], None)


def _fit_platform(plan: dict[str, Any], platform: str) -> None:
    """A new platform brings its own group size limit (the playbook's capacity was for its platform)."""
    from sqtool.plan.platforms import PLATFORM_CAPACITY

    community = plan.setdefault("community", {})
    if platform in PLATFORM_CAPACITY:
        community["capacity"] = PLATFORM_CAPACITY[platform]
    else:
        community.pop("capacity", None)
    limit, members = capacity(plan), plan.get("members")
    if limit is not None and isinstance(members, dict):
        for key in ("target_size", "current_size"):  # the playbook's sizes were for its own platform
            if isinstance(members.get(key), int) and members[key] > limit:
                members[key] = limit
    _fit_expansion(plan)


def _fit_expansion(plan: dict[str, Any]) -> None:
    """Keep the AB-expansion trigger below the capacity and the target size (003)."""
    expansion = get_value(plan, ("growth", "ab_expansion"))
    trigger = expansion.get("trigger_size") if isinstance(expansion, dict) else None
    if not isinstance(trigger, int):
        return
    limits = [
        limit for limit in (capacity(plan), get_value(plan, ("members", "target_size"))) if isinstance(limit, int)
    ]
    if limits and trigger >= min(limits):
        expansion["trigger_size"] = max(1, math.floor(min(limits) * 0.9))


def _renames(before: Any, after: Any) -> dict[str, str]:
    """Old name -> new name, position by position; old names left over go to the first new one."""
    old = [before] if isinstance(before, str) else [item for item in before or [] if isinstance(item, str)]
    new = (
        [after]
        if isinstance(after, str)
        else [item for item in after if isinstance(item, str)]
        if isinstance(after, list)
        else []
    )
    if not new:
        return {}
    mapping = {name: new[min(position, len(new) - 1)] for position, name in enumerate(old)}
    return {name: replacement for name, replacement in mapping.items() if name != replacement}


def rename_people(plan: dict[str, Any], renames: Mapping[str, str]) -> None:
    """Replace playbook placeholder names wherever the plan refers to a person (roles, owners, hosts)."""
    if not renames:
        return

    def fix(value: Any) -> Any:
        if isinstance(value, str):
            return renames.get(value, value)
        if isinstance(value, list):
            fixed: list[Any] = []
            for item in value:
                item = fix(item)
                if item not in fixed:  # two placeholders may fold into one person
                    fixed.append(item)
            return fixed
        return value

    roles = plan.get("roles")
    if isinstance(roles, dict):
        for role, value in roles.items():
            roles[role] = fix(value)
    for section, fields in (("value_output", ("owner", "backup")), ("rituals", ("host",))):
        for item in plan.get(section) or []:
            if isinstance(item, dict):
                for name in fields:
                    if name in item:
                        item[name] = fix(item[name])


def ordered(keys: Iterable[str]) -> list[str]:
    """Question keys first in question order, then any other key paths in the order given."""
    keys = list(dict.fromkeys(keys))
    known = [question.key for question in QUESTIONS if question.key in keys]
    return known + [key for key in keys if key not in QUESTIONS_BY_KEY]


def key_of(pointer: Pointer) -> str:
    return format_key_path(pointer)
