"""Generating the quick validity test must leave the shared, cached plan schema as it was."""

import copy

from sqtool.plan import fastschema
from sqtool.plan.schema import plan_schema


def test_generating_does_not_rewrite_the_shared_schema():
    before = copy.deepcopy(plan_schema())
    assert "def validate_community_plan_schema_json(" in fastschema.generated_code()
    assert plan_schema() == before
