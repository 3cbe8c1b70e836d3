"""The quick validity test (the generated plan/schemacheck.py) agrees with the explaining validator, so
the fast path loses no finding, and the committed code is the one the current schema generates."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sqtool.plan import fastschema
from sqtool.plan.access import get
from sqtool.plan.load import load_plan
from sqtool.plan.schema import explain_schema, schema_findings
from tests.conftest import REPO

EXAMPLE = load_plan(REPO / "examples" / "plan.yaml")
FIXTURES = sorted((REPO / "tests" / "rules").glob("SQ*/*/*.yaml"))


def _agree(data, loaded=None) -> None:
    """The quick test accepts exactly what jsonschema accepts, and jsonschema explains the same findings
    (wording, position, order) whether it looks inside every top-level property or only the rejected ones."""
    # mutated example data keeps the example's positions (a new value takes its nearest ancestor's)
    plan = loaded or EXAMPLE.__class__(path="x.yaml", text="", data=data, positions=EXAMPLE.positions)
    whole = explain_schema(plan, whole=True)  # jsonschema inside every property
    assert fastschema.surely_valid(data) is (not whole), data
    assert schema_findings(plan) == explain_schema(plan) == whole
    assert explain_schema(plan, lang="zh") == explain_schema(plan, lang="zh", whole=True)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda path: f"{path.parent.parent.name}/{path.parent.name}/{path.name}")
def test_fixtures_agree(path: Path) -> None:
    if path.parent.parent.name == "SQ000" and path.parent.name == "fail":
        return  # the loader refuses it before any schema check
    loaded = load_plan(path)
    _agree(loaded.data, loaded)


def _pointers(data, prefix=()):
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _pointers(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _pointers(value, (*prefix, index))


POINTERS = [pointer for pointer in _pointers(EXAMPLE.data) if pointer]
replacements = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 2000), st.floats(allow_nan=False), st.text(max_size=8),
    st.sampled_from(["2026-02-30", "2026-13-01", "2026-03-01", "07:00", "25:00", "x-extra", "daily", "sunday"]),
    st.lists(st.text(max_size=3), max_size=3),
    st.dictionaries(st.sampled_from(["x-a", "name", "bogus"]), st.integers(), max_size=2),
)  # fmt: skip


@settings(max_examples=120, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(POINTERS), replacements), min_size=1, max_size=3))
def test_mutated_plans_agree(mutations) -> None:
    data = copy.deepcopy(EXAMPLE.data)
    for pointer, value in mutations:
        parent = get(data, pointer[:-1])
        # an earlier mutation may have put a list where a dict was (or back): set only where the key fits
        if (isinstance(parent, dict) and isinstance(pointer[-1], str)) or (
            isinstance(parent, list) and isinstance(pointer[-1], int) and pointer[-1] < len(parent)
        ):
            parent[pointer[-1]] = value
    _agree(data)


def test_dates_follow_the_explaining_validator() -> None:
    assert fastschema._is_date("2026-03-01") and fastschema._is_date(20260301)
    assert not fastschema._is_date("2026-02-30") and not fastschema._is_date("20260301")
    assert not fastschema._is_date("２０２６-03-01")


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_non_finite_numbers_anywhere_are_left_to_the_explaining_validator(value: float) -> None:
    """surely_valid finds NaN and infinities with json.dumps(allow_nan=False), as schema.non_finite would."""
    data = copy.deepcopy(EXAMPLE.data)
    data["thresholds"]["max_lurker_share"] = value
    assert fastschema.surely_valid(data) is False
    data["thresholds"]["max_lurker_share"] = 0.5
    data["kpis"]["notes"] = [{"deep": [value]}]
    assert fastschema.surely_valid(data) is False
    _agree(data)


def test_the_generated_code_is_up_to_date() -> None:
    """plan/schemacheck.py was generated from the plan schema as it is now: after a schema change, run
    python -m sqtool.plan.fastschema. Its text is compared whole when the installed fastjsonschema is the
    one that wrote it (a newer release may word its code differently; the tests above check the behaviour)."""
    import fastjsonschema

    from sqtool.plan import schemacheck

    assert fastschema.schema_digest() == schemacheck.SCHEMA_SHA256, "run: python -m sqtool.plan.fastschema"
    if schemacheck.VERSION == fastjsonschema.VERSION:
        assert fastschema.main(["--check"]) == 0, "run: python -m sqtool.plan.fastschema"


def test_the_check_finds_a_stale_file_and_rewrites_it(tmp_path: Path) -> None:
    stale = tmp_path / "schemacheck.py"
    stale.write_text("SCHEMA_SHA256 = 'old'\n", encoding="utf-8")
    assert fastschema.main(["--check", str(stale)]) == 1
    assert fastschema.main([str(stale)]) == 0 and fastschema.main(["--check", str(stale)]) == 0
    assert "raise JsonSchemaValueException(" not in stale.read_text(encoding="utf-8")
