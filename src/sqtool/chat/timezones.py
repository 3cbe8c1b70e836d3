"""Time zones: the user's --tz, the local zone, and DST-safe conversion of naive export times."""

from __future__ import annotations

import os
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqtool.errors import SqtoolError


def zone_named(name: str) -> tzinfo:
    """The IANA zone ``name`` (``Asia/Shanghai``, ``UTC``); SqtoolError when unknown."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise SqtoolError("chat.bad_tz", hint="chat.bad_tz_hint", zone=name) from error


def local_zone() -> tzinfo:
    """The machine's zone as a real IANA zone when it can be found (so DST works), else its offset."""
    name = os.environ.get("TZ", "").lstrip(":")
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    try:
        target = str(Path("/etc/localtime").resolve())
        if "zoneinfo/" in target:
            return ZoneInfo(target.split("zoneinfo/", 1)[1])
    except (OSError, ZoneInfoNotFoundError, ValueError):
        pass
    return datetime.now().astimezone().tzinfo or UTC


def localize(naive: datetime, zone: tzinfo) -> datetime:
    """Attach ``zone`` to a wall-clock time.

    Repeated times (DST ends) take the first occurrence and skipped times (DST starts) the
    offset before the change: zoneinfo's fold=0, so every run gives the same instant.
    """
    return naive.replace(tzinfo=zone, fold=0)


def from_epoch(seconds: float, zone: tzinfo) -> datetime:
    """An epoch time shown in ``zone``."""
    return datetime.fromtimestamp(seconds, tz=zone)
