"""A compiled validity test for the plan schema, so that `check` over many plans stays fast.

jsonschema explains errors well but walks the schema slowly (about 5 ms a plan); fastjsonschema
compiles the same schema to Python once (about 0.25 s) and then answers "valid?" in a fraction of
that. `check` asks it first and only runs the explaining validator on plans it rejects, so the
findings are exactly those of ``sqtool.plan.schema.schema_findings``. tests/rules/test_fastschema.py
checks that the two agree.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from datetime import date
from functools import cache
from typing import Any

# Below this many plans the compile time costs more than it saves.
MIN_PLANS = 40
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def _is_date(value: Any) -> bool:
    """jsonschema's own "date" check: YYYY-MM-DD in ASCII digits that is a real day (2026-02-30 is not)."""
    if not isinstance(value, str):
        return True
    if not _DATE.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


@cache
def compiled_validator() -> Callable[[Any], Any] | None:
    """The compiled validator, or None when fastjsonschema is not installed."""
    try:
        import fastjsonschema
    except ImportError:  # optional speed-up: the explaining validator still works alone
        return None
    from sqtool.plan.schema import plan_schema

    # fastjsonschema rewrites every $ref of the dict it compiles; give it a copy of the shared schema
    return fastjsonschema.compile(copy.deepcopy(plan_schema()), formats={"date": _is_date}, use_default=False)


def surely_valid(data: Any) -> bool:
    """True when the compiled validator accepts ``data``; False when it rejects it or is unavailable."""
    validator = compiled_validator()
    if validator is None:
        return False
    import fastjsonschema

    try:  # NaN or an infinity anywhere (as plan.schema.non_finite finds them, in C): let the schema explain
        json.dumps(data, allow_nan=False)
    except (ValueError, TypeError, RecursionError):
        return False

    try:
        validator(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True
