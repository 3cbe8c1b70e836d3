"""How many members a group can hold on each platform; ``community.capacity`` overrides these."""

from __future__ import annotations

from typing import Any

from sqtool.plan.access import get, whole
from sqtool.plan.model import Pointer

# Sources (checked 2026; platforms change them, which is why community.capacity wins):
# - wechat: a WeChat group chat holds at most 500 members (WeChat help centre, 群聊人数上限).
# - qq: 200/500/1000/2000/3000 by the owner's membership level; 2000 is the usual upgraded group.
# - telegram: a supergroup holds up to 200,000 members (telegram.org/faq).
# - discord: a server is capped at 500,000 members unless Discord raises it (Discord support).
# - whatsapp: a group holds up to 1,024 members (WhatsApp help centre, 2022).
# - slack and other: no fixed group size, so no capacity check.
PLATFORM_CAPACITY: dict[str, int] = {
    "wechat": 500,
    "qq": 2000,
    "telegram": 200_000,
    "discord": 500_000,
    "whatsapp": 1024,
}


def capacity_of(data: Any) -> tuple[int, Pointer] | None:
    """The group's capacity and where it comes from (``community.capacity`` or ``community.platform``)."""
    explicit = whole(get(data, ("community", "capacity")))
    if explicit is not None and explicit > 0:
        return explicit, ("community", "capacity")
    platform = get(data, ("community", "platform"))
    if isinstance(platform, str) and platform.strip().lower() in PLATFORM_CAPACITY:
        return PLATFORM_CAPACITY[platform.strip().lower()], ("community", "platform")
    return None


def group_size(data: Any) -> tuple[int, Pointer] | None:
    """The size the plan is built for: the larger of ``target_size`` and ``current_size``."""
    best: tuple[int, Pointer] | None = None
    for key in ("target_size", "current_size"):
        size = whole(get(data, ("members", key)))
        if size is not None and size > 0 and (best is None or size > best[0]):
            best = (size, ("members", key))
    return best
