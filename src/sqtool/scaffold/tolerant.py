"""Answers typed the way people type them: ``8点``, ``早上8点``, ``8:00``, ``¥299``, ``299元``, ``500人``.

Each function returns the value in the plan's form (``08:00``, ``299``, ``500``) or None when it cannot
tell; the wizard then answers with an example of the expected form.
"""

from __future__ import annotations

import re

# 早上8点半, 晚上8点30, 下午3点, 8点, 8:00, 8：00, 8am, 8:30 pm
_PERIODS = {"凌晨": 0, "早上": 0, "早晨": 0, "上午": 0, "中午": 12, "下午": 12, "傍晚": 12, "晚上": 12, "夜里": 12}
_CLOCK = re.compile(
    r"^(?P<period>凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|夜里)?\s*"
    r"(?P<hour>\d{1,2})\s*(?:(?:[:：]\s*(?P<minute>\d{2}))|点\s*(?:(?P<half>半)|(?P<minutes>\d{1,2})\s*分?)?)?"
    r"\s*(?P<ampm>am|pm|a\.m\.|p\.m\.)?$",
    re.IGNORECASE,
)
_RANGE = re.compile(r"\s*(?:-|–|—|~|～|到|至)\s*")
_AMOUNT = re.compile(
    r"^(?:¥|￥|\$|rmb|cny)?\s*(?P<number>\d[\d,]*(?:\.\d+)?)\s*(?:元|块|块钱|rmb|cny)?(?:/年|每年)?$", re.I
)
_COUNT = re.compile(r"^(?P<number>\d[\d,]*(?:\.\d+)?)\s*(?P<scale>万|千|k)?\s*(?:人|位|名|个)?(?:左右)?$", re.I)


def clock_time(raw: str) -> str | None:
    """``HH:MM`` or ``HH:MM-HH:MM`` from a typed time, or None."""
    parts = _RANGE.split(raw.strip())
    if not 1 <= len(parts) <= 2 or not all(parts):
        return None
    times = []
    period = None
    for part in parts:
        match = _CLOCK.match(part.strip())
        if match is None:
            return None
        period = match.group("period") or period  # 晚上8点到10点: the period holds for both
        hour = int(match.group("hour"))
        minute = int(match.group("minute") or match.group("minutes") or (30 if match.group("half") else 0))
        ampm = (match.group("ampm") or "").lower().replace(".", "")
        if period is not None and _PERIODS[period] == 12 and hour < (6 if period == "中午" else 12):
            hour += 12  # 下午3点 is 15:00; 中午12点 stays 12:00, 中午1点 is 13:00
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if hour > 23 or minute > 59:
            return None
        times.append(f"{hour:02d}:{minute:02d}")
    return "-".join(times)


def amount(raw: str) -> int | float | None:
    """A price from ``299``, ``¥299``, ``299元``, ``1,299.50``, or None."""
    match = _AMOUNT.match(raw.strip())
    if match is None:
        return None
    number = float(match.group("number").replace(",", ""))
    return int(number) if number.is_integer() else number


def count(raw: str) -> int | None:
    """A number of people from ``500``, ``500人``, ``1,000``, ``2千``, ``1万``, or None."""
    match = _COUNT.match(raw.strip())
    if match is None:
        return None
    number = float(match.group("number").replace(",", ""))
    scale = {"万": 10_000, "千": 1_000, "k": 1_000}.get((match.group("scale") or "").lower(), 1)
    total = number * scale
    return int(total) if total.is_integer() else None
