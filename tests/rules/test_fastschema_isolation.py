"""The compiled validator must leave the shared, cached plan schema as it was."""

import copy

from sqtool.plan import fastschema
from sqtool.plan.schema import plan_schema


def test_compiling_does_not_rewrite_the_shared_schema():
    before = copy.deepcopy(plan_schema())
    fastschema.compiled_validator.cache_clear()
    assert fastschema.compiled_validator() is not None
    assert plan_schema() == before
