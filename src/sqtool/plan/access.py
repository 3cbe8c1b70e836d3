"""Type-safe reads from a plan's data: rules run on plans with schema errors, so nothing may raise."""

from __future__ import annotations

import math
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqtool.plan.model import Pointer


def get(data: Any, pointer: Pointer, default: Any = None) -> Any:
    """The value at ``pointer``, or ``default`` when any step is missing or of the wrong type."""
    current = data
    for step in pointer:
        if isinstance(step, int) and isinstance(current, list):
            if not 0 <= step < len(current):
                return default
            current = current[step]
        elif isinstance(step, str) and isinstance(current, dict):
            if step not in current:
                return default
            current = current[step]
        else:
            return default
    return current


def mapping(data: Any, pointer: Pointer) -> dict[str, Any]:
    """The mapping at ``pointer``, or an empty one."""
    value = get(data, pointer)
    return value if isinstance(value, dict) else {}


def items(data: Any, pointer: Pointer) -> Iterator[tuple[int, Any]]:
    """``(index, item)`` of the list at ``pointer``; nothing when it is not a list."""
    value = get(data, pointer)
    if isinstance(value, list):
        yield from enumerate(value)


def text(value: Any) -> str | None:
    """A non-blank string (stripped), or None."""
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def number(value: Any) -> float | None:
    """An int or float (never a bool, NaN or infinity, nor an int too large to be a float), or None."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, int) and abs(value) > sys.float_info.max:  # 309+ digits: float() overflows
        return None
    return value


def whole(value: Any) -> int | None:
    """A whole number (``3`` or ``3.0``), or None."""
    found = number(value)
    if found is None or found != int(found):
        return None
    if isinstance(found, float) and abs(found) > 2**53:
        return None  # beyond 2**53 a float is already rounded: its int() would print digits nobody wrote
    return int(found)


def filled(value: Any) -> bool:
    """True for a non-blank string, a non-empty list or mapping, a number or True."""
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list | dict):
        return bool(value)
    if isinstance(value, bool):
        return value
    return number(value) is not None


def words(value: Any) -> list[str]:
    """Every non-blank string in a string, a list of strings or the values of a mapping (lower-cased)."""
    found: list[str] = []
    if isinstance(value, str):
        if value.strip():
            found.append(value.strip().lower())
    elif isinstance(value, list):
        for item in value:
            found.extend(words(item))
    elif isinstance(value, dict):
        for key, item in value.items():
            found.extend(words(key))
            found.extend(words(item))
    return found


def people(value: Any) -> int | None:
    """How many people a role names: a list of names, a count, or one name; None when unset."""
    if value is None:
        return None
    if isinstance(value, list):
        return sum(1 for item in value if filled(item))
    count = whole(value)
    if count is not None:
        return max(count, 0)
    if text(value):
        return 1
    return None


def names(value: Any) -> list[str]:
    """The names a role lists (a count names nobody)."""
    if isinstance(value, list):
        return [name for name in (text(item) for item in value) if name]
    single = text(value)
    return [single] if single else []
