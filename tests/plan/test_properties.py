"""Property tests: no YAML text or plan shape makes the loader or the validator crash.

The only exceptions allowed out of load_plan/parse_plan are the documented ones (PlanLoadError,
SqtoolError); schema_findings never raises; every position points inside the file.
"""

from __future__ import annotations

import json
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sqtool.plan.load import PlanLoadError, parse_plan
from sqtool.plan.schema import schema_findings
from tests.conftest import REPO

EXAMPLE_LINES = (REPO / "examples" / "plan.yaml").read_text(encoding="utf-8").splitlines()
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# documents built from nested strategies cost more to generate; fewer examples keep the suite quick
SHAPED = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Characters that YAML gives meaning to, mixed with plain text, so random text hits many parser paths.
YAML_TOKENS = st.sampled_from(
    [
        *":-?[]{},&*!|>'\"%@`#\t\n\r \ufeff\x00\x85\u2028ab01.~周",
        *("x-", ": ", "- ", "\n  ", "&a ", "*a", "<<: ", "!!int "),
    ]
)
YAML_LIKE = st.lists(YAML_TOKENS, max_size=40).map("".join)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    # YAML allows neither control characters nor the noncharacters U+FFFE/U+FFFF unescaped
    st.text(
        alphabet=st.characters(
            codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp"), exclude_characters="\ufffe\uffff"
        ),
        max_size=20,
    ),
)
KEYS = st.text(alphabet=string.ascii_lowercase + "_-<>周 ", min_size=1, max_size=12)
JSON_LIKE = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(KEYS, children, max_size=4),
    max_leaves=25,
)


def positions_inside(plan_text: str, findings) -> bool:
    line_count = plan_text.count("\n") + 1
    return all(1 <= f.line <= line_count and f.col >= 1 for f in findings)


def check(text: str) -> None:
    try:
        plan = parse_plan(text, "fuzz.yaml")
    except PlanLoadError as error:
        assert error.findings and all(f.rule_id == "SQ000" for f in error.findings)
        assert positions_inside(text.replace("\r\n", "\n").replace("\r", "\n"), error.findings)
        return
    assert isinstance(plan.data, dict)
    found = schema_findings(plan)
    assert positions_inside(plan.text, found)
    assert all(f.rule_id == "SQ001" for f in found)


@FAST
@given(YAML_LIKE)
def test_random_yaml_like_text_never_crashes(text):
    check(text)


@FAST
@given(st.text(max_size=60))
def test_random_unicode_text_never_crashes(text):
    check(text)


@SHAPED
@given(st.dictionaries(KEYS, JSON_LIKE, min_size=1, max_size=6))
def test_json_documents_round_trip_with_a_position_for_every_value(data):
    text = json.dumps(data, ensure_ascii=False, indent=1)
    plan = parse_plan(text)
    assert plan.data == data
    for pointer in pointers(data):
        assert pointer in plan.positions
    schema_findings(plan)


@FAST
@given(
    st.lists(st.integers(min_value=0, max_value=len(EXAMPLE_LINES) - 1), min_size=1, max_size=4),
    st.sampled_from(["delete", "duplicate", "indent", "dedent", "garble"]),
    st.lists(YAML_TOKENS, max_size=3).map("".join),
)
def test_damaged_example_plans_never_crash(line_numbers, damage, noise):
    lines = list(EXAMPLE_LINES)
    for number in sorted(set(line_numbers), reverse=True):
        if damage == "delete":
            del lines[number]
        elif damage == "duplicate":
            lines.insert(number, lines[number])
        elif damage == "indent":
            lines[number] = "  " + lines[number]
        elif damage == "dedent":
            lines[number] = lines[number].lstrip()
        else:
            lines[number] = lines[number][: len(lines[number]) // 2] + noise
    check("\n".join(lines) + "\n")


PLAN_SHAPED = st.fixed_dictionaries(
    {"version": JSON_LIKE, "community": JSON_LIKE, "positioning": JSON_LIKE, "roles": JSON_LIKE},
    optional={
        "members": st.dictionaries(st.sampled_from(["target_size", "current_size", "seed_members", "x"]), JSON_LIKE),
        "rituals": st.lists(
            st.dictionaries(st.sampled_from(["name", "kind", "cadence", "day", "time", "host"]), JSON_LIKE)
        ),
        "thresholds": JSON_LIKE,
    },
)


@SHAPED
@given(PLAN_SHAPED)
def test_plan_shaped_documents_give_findings_not_exceptions(data):
    text = json.dumps(data, ensure_ascii=False, indent=2)
    plan = parse_plan(text)
    found = schema_findings(plan)
    assert positions_inside(plan.text, found)
    if data["version"] != 1 or type(data["version"]) is not int:
        assert any("'version'" in f.message for f in found)


def pointers(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from pointers(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from pointers(child, (*prefix, index))
