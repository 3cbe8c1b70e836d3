"""Name and slogan help for the wizard: ideas per naming method (004) and the SQ104/SQ105 warnings."""

from __future__ import annotations

import re
from dataclasses import dataclass

_CJK = re.compile(r"[\u3400-\u9fff]")

# Endings that name the *kind* of gathering rather than its subject; stripped to guess a topic word.
_KIND_ENDINGS = (
    "研习社", "俱乐部", "体验官", "联盟", "百日营", "训练营", "打卡营", "读书会", "同好会", "粉丝团",
    "研究所", "学院", "社", "会", "营", "团", "帮", "群",
    " builders", " club", " circle", " community", " fans", " hub", " crew",
)  # fmt: skip

# Name patterns per naming method of 004, in our own words: {topic} is the subject, {owner} the founder.
_PATTERNS: dict[str, dict[str, tuple[str, ...]]] = {
    "zh": {
        "founder": ("{owner}读书会", "{owner}研习社", "跟{owner}学{topic}"),
        "product": ("{topic}粉丝团", "{topic}体验官", "{topic}吃货联盟"),
        "content": ("{topic}干货帮", "{topic}研习社", "{topic}每日一课"),
        "hobby": ("{topic}同好会", "{topic}俱乐部", "周末{topic}团"),
        "attribute": ("{topic}同行会", "{topic}青年说", "{topic}小伙伴"),
        "ideology": ("{topic}行动派", "{topic}不设限", "一起{topic}"),
        "combined": ("{owner}的{topic}研习社", "{owner}{topic}同好会", "{topic}x{owner}"),
    },
    "en": {
        "founder": ("{owner}'s Circle", "{owner}'s Reading Room", "Learn {topic} with {owner}"),
        "product": ("{topic} Insiders", "{topic} Fan Club", "{topic} Tasters"),
        "content": ("{topic} Know-how", "{topic} Study Hall", "Daily {topic}"),
        "hobby": ("{topic} Club", "Weekend {topic}", "{topic} Meetup"),
        "attribute": ("{topic} Peers", "{topic} People", "Young {topic} Pros"),
        "ideology": ("{topic} Movement", "{topic} Without Limits", "{topic} Together"),
        "combined": ("{owner}'s {topic} Club", "{topic} Circle by {owner}", "{owner} x {topic}"),
    },
}


@dataclass(frozen=True, slots=True)
class Advice:
    rule_id: str
    key: str  # catalogue key of the warning
    args: dict[str, object]


def guess_topic(name: str) -> str:
    """A playbook's name without its "club"/"社" ending: a first guess at the topic word."""
    topic = name.strip()
    for ending in sorted(_KIND_ENDINGS, key=len, reverse=True):
        if topic.lower().endswith(ending) and len(topic) > len(ending):
            return topic[: len(topic) - len(ending)].strip()
    return topic


def name_ideas(method: str, topic: str, owner: str) -> list[str]:
    """Three names for ``method`` built from the topic word and the owner's name (Chinese if either is)."""
    owner, topic = owner.strip(), topic.strip()
    if owner and owner in topic and topic.replace(owner, "").strip():
        topic = topic.replace(owner, "").strip()  # "阿果鲜果" with owner 阿果: the topic is 鲜果
    lang = "zh" if _CJK.search(topic) or (_CJK.search(owner) and not topic) else "en"
    patterns = _PATTERNS[lang].get(method, ())
    ideas = []
    for pattern in patterns:
        if ("{owner}" in pattern and not owner.strip()) or ("{topic}" in pattern and not topic.strip()):
            continue
        ideas.append(pattern.format(owner=owner.strip(), topic=topic.strip()))
    return ideas


def name_advice(name: str) -> list[Advice]:
    """The SQ105 warning when ``name`` is a generic label."""
    from sqtool.rules.positioning import is_generic_name

    return [Advice("SQ105", "scaffold.warn.generic_name", {"name": name})] if is_generic_name(name) else []


def slogan_advice(slogan: str) -> list[Advice]:
    """The SQ104 warning when ``slogan`` is too long to remember."""
    from sqtool.rules.config import RuleOptions
    from sqtool.rules.positioning import display_length

    length, limit = display_length(slogan), RuleOptions().slogan_max_length
    return [Advice("SQ104", "scaffold.warn.long_slogan", {"length": length, "limit": limit})] if length > limit else []
