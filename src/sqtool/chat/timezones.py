"""Time zones: the user's --tz, the local zone, and DST-safe conversion of naive export times."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqtool.errors import SqtoolError


def zone_named(name: str) -> tzinfo:
    """The IANA zone ``name`` (``Asia/Shanghai``, ``UTC``); SqtoolError when unknown."""
    try:
        if not name.strip():
            raise ValueError("empty zone name")
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError) as error:
        close = _close_zone(name)
        if close is not None:  # "utc", "asia/shanghai ", ...: say which one was meant
            raise SqtoolError("chat.bad_tz", hint="chat.bad_tz_close_hint", zone=name, close=close) from error
        raise SqtoolError("chat.bad_tz", hint="chat.bad_tz_hint", zone=name) from error


def _close_zone(name: str) -> str | None:
    """The IANA zone that ``name`` spells differently only in case or surrounding blanks."""
    from zoneinfo import available_timezones

    wanted = name.strip().casefold()
    if not wanted:
        return None
    return next((zone for zone in sorted(available_timezones()) if zone.casefold() == wanted), None)


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


_FIXED: dict[timedelta | None, tzinfo] = {}


def _fixed(offset: timedelta | None) -> tzinfo:
    """One shared fixed-offset zone per offset (a memo: there are only a few offsets)."""
    zone = _FIXED.get(offset)
    if zone is None:
        zone = _FIXED[offset] = timezone(offset or timedelta(0))
    return zone


def localize(naive: datetime, zone: tzinfo) -> datetime:
    """Attach ``zone``'s offset at that wall-clock time.

    Repeated times (DST ends) take the first occurrence and skipped times (DST starts) the
    offset before the change (zoneinfo's fold=0), so every run gives the same instant. The
    result carries a fixed offset, not the zone: Python compares and subtracts datetimes of one
    zone by wall clock, which is wrong across a DST change; fixed offsets are always exact.
    """
    fixed = local_hour_offset(zone, naive.year, naive.month, naive.day, naive.hour)
    return naive.replace(tzinfo=fixed if fixed is not None else _fixed(zone.utcoffset(naive.replace(fold=0))))


@lru_cache(maxsize=8192)
def local_hour_offset(zone: tzinfo, year: int, month: int, day: int, hour: int) -> tzinfo | None:
    """The fixed offset of a whole wall-clock hour (fold=0), or None when it changes within that hour."""
    start = datetime(year, month, day, hour)
    first, last = zone.utcoffset(start), zone.utcoffset(start.replace(minute=59, second=59))
    return _fixed(first) if first == last else None


def from_epoch(seconds: float, zone: tzinfo) -> datetime:
    """An epoch time as wall clock in ``zone``, with the fixed offset in force at that instant."""
    fixed = utc_hour_offset(zone, int(seconds // 3600))
    if fixed is not None:
        return datetime.fromtimestamp(seconds, tz=fixed)
    local = datetime.fromtimestamp(seconds, tz=zone)
    return local.replace(tzinfo=_fixed(local.utcoffset()), fold=0)


@lru_cache(maxsize=8192)
def utc_hour_offset(zone: tzinfo, hour: int) -> tzinfo | None:
    """The fixed offset of ``zone`` for a whole UTC hour, or None when it changes within that hour.

    Looking the zone up once per hour instead of once per message makes big exports much faster.
    """
    first = datetime.fromtimestamp(hour * 3600, tz=zone).utcoffset()
    last = datetime.fromtimestamp(hour * 3600 + 3599, tz=zone).utcoffset()
    return _fixed(first) if first == last else None


def parse_iso_time(value: str, zone: tzinfo) -> datetime | None:
    """An ISO 8601 time ("Z" allowed); one written without an offset is read in ``zone``. None if unreadable."""
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else localize(parsed, zone)
