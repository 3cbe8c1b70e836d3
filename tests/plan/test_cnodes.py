"""The two ways a plan is composed agree: libyaml's C composer walked in Python (plan/cnodes.py, the
fast path for plain plans) and the event walk of plan/load.py (every guard at its exact position).

Every YAML fixture in the repository and generated documents go through both; the data, the position
of every value and key, and every finding (message, line, column) must be identical. The special
cases are pinned too: the fast path must take plain plans (or it would be no fast path) and must
decline whatever only the event walk handles exactly (or its guards would be skipped)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sqtool.plan import cnodes, load
from sqtool.plan.load import PlanLoadError, parse_plan, parse_yaml
from tests.conftest import REPO
from tests.plan.test_properties import JSON_LIKE, YAML_LIKE

pytestmark = pytest.mark.skipif(cnodes.CParser is None, reason="PyYAML built without libyaml: one path only")

FIXTURES = sorted(
    path
    for pattern in ("*.yaml", "*.yml")
    for path in [*REPO.joinpath("tests").rglob(pattern), *REPO.joinpath("examples").rglob(pattern)]
)
EXAMPLE = (REPO / "examples" / "plan.yaml").read_text(encoding="utf-8")


def outcome(text: str, nodes_in_c: bool, monkeypatch: pytest.MonkeyPatch, *, plan: bool = True) -> object:
    monkeypatch.setattr(load, "NODES_IN_C", nodes_in_c)
    try:
        loaded = parse_plan(text, "p.yaml", lang="zh") if plan else parse_yaml(text, "p.yaml")
    except PlanLoadError as error:
        return [(f.message, f.line, f.col, f.hint) for f in error.findings]
    return repr(loaded.data), loaded.positions


def assert_same(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for plan in (True, False):
        assert outcome(text, True, monkeypatch, plan=plan) == outcome(text, False, monkeypatch, plan=plan)
    assert_same_when_asked(text, monkeypatch)


def assert_same_when_asked(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A plan composed in C reads each position from its nodes when asked (cnodes.NodePositions): every
    pointer, and pointers to nothing (a missing key, an index past the end, below a text), give what
    the event walk's dictionary gives, and so do a LoadedPlan's nearest-ancestor lookups."""
    try:
        monkeypatch.setattr(load, "NODES_IN_C", False)
        walked = parse_yaml(text, "p.yaml")
        monkeypatch.setattr(load, "NODES_IN_C", True)
        fast = parse_yaml(text, "p.yaml")  # fresh: nothing has asked for every position yet
    except PlanLoadError:
        return
    if not isinstance(fast.positions, cnodes.NodePositions):
        return  # declined: the event walk composed both
    asked = [
        probe
        for pointer in walked.positions
        for probe in (pointer, (*pointer, "nope"), (*pointer, 0), (*pointer, 99), (*pointer, -1), (*pointer, True))
    ]
    for pointer in asked:
        assert fast.positions.get(pointer) == walked.positions.get(pointer), pointer
        assert (pointer in fast.positions) == (pointer in walked.positions), pointer
        assert fast.position(pointer) == walked.position(pointer), pointer
        assert fast.key_position(pointer) == walked.key_position(pointer), pointer


def test_there_are_fixtures_to_compare() -> None:
    """Guards the premise of the next test: it walks the repository's YAML files, plans among them."""
    assert len(FIXTURES) > 50 and REPO / "examples" / "plan.yaml" in FIXTURES


@pytest.mark.parametrize("path", FIXTURES, ids=lambda path: str(path.relative_to(REPO)))
def test_every_yaml_fixture_composes_the_same_both_ways(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = path.read_bytes().decode("utf-8", "replace")
    assert_same(text, monkeypatch)


def test_plain_plans_take_the_fast_path() -> None:
    """The example plan is composed in C: without this the fast path could quietly never run (nor the
    positions read from its nodes be compared above)."""
    tree = cnodes.compose(EXAMPLE)
    assert tree is not None and tree.kind == load._MAP
    assert tree.data == parse_plan(EXAMPLE).data
    assert isinstance(parse_plan(EXAMPLE).positions, cnodes.NodePositions)


def test_positions_read_from_nodes_pickle_as_a_dictionary() -> None:
    """A LoadedPlan may cross to a worker process; libyaml's marks cannot, the positions can."""
    import pickle

    loaded = parse_plan(EXAMPLE)
    copied = pickle.loads(pickle.dumps(loaded))
    assert type(copied.positions) is dict and copied.positions == loaded.positions
    assert copied.position(("community", "name")) == loaded.position(("community", "name"))


# Each of these holds something only the event walk handles exactly: the fast path must decline it.
DECLINED = {
    "alias": "a: &x [1, 2]\nb: *x\n",
    "alias of a scalar": "a: &x 1\nb: *x\n",
    "recursive alias": "a: &x [*x]\n",
    "undefined alias": "a: *nowhere\n",
    "anchor alone": "a: &x 1\n",
    "non-specific tag on a plain number": "a: ! 123\n",
    "non-specific tag on a key": "! 1: a\n",
    "merge key": "a: 1\n<<: {b: 2}\n",
    "duplicate key": "a: 1\na: 2\n",
    "complex key": "? [a, b]\n: 1\n",
    "unsafe tag": "a: !!python/object:os.system x\n",
    "bad tagged value": "a: !!int twelve\n",
    "collection tag": "a: !!set {x: 1}\n",
    "long numeral": "a: " + "9" * 1001 + "\n",
    "long numeral as key": "9" * 1001 + ": a\n",
    "long tagged numeral": "a: !!int " + "1" * 1001 + "\n",
    "deep nesting": "a: " + "[" * 70 + "]" * 70 + "\n",
    "past libyaml's own depth": "a: " + "[" * 1500 + "]" * 1500 + "\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "syntax error": "a: [1, 2\n",
    "tab indentation": "a:\n\tb: 1\n",
    "next line character": "a: x\x85y\nb: 1\n",
    "line separator": "a: x\u2028y\nb: 1\n",
    "empty stream": "# only a comment\n",
    "many indicators": "a: [" + ", ".join(["-1"] * (cnodes.MAX_INDICATORS + 1)) + "]\n",
}


@pytest.mark.parametrize("text", DECLINED.values(), ids=DECLINED.keys())
def test_what_only_the_event_walk_handles_is_declined(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert cnodes.compose(text) is None
    assert_same(text, monkeypatch)


# and these are taken by the fast path, with the same result as the event walk
TAKEN = {
    "core schema scalars": "a: [07:00, 2026-09-01, yes, no, on, 0o17, 0x1F, 1e3, .inf, -.inf, .nan, ~, null, 012]\n",
    "quoted numbers stay text": "a: '1'\nb: \"2\"\nc: |\n  3\nd: >\n  4\n",
    "tagged values": "a: !!str 1\nb: !!float 2\nc: !!int 3\nd: !!bool true\ne: !!null ''\nf: !!map {x: 1}\n",
    "empty values": "a:\nb: []\nc: {}\nd: ''\n",
    "chinese and emoji": "名字: 晨读营 🌅\n说明: 「欢迎！」 wow!\n",
    "exclamation in text": "a: hello!\nb: 'yes!'\n",
    "ampersand in text": "a: Q&A\n",
    "numeric keys": "1: a\n2.5: b\ntrue: c\n",
    "sequence root": "- a\n- b: 1\n",
    "scalar root": "just text\n",
    "explicit document": "---\na: 1\n...\n",
}


@pytest.mark.parametrize("text", TAKEN.values(), ids=TAKEN.keys())
def test_plain_documents_are_taken_and_agree(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert cnodes.compose(text) is not None
    assert_same(text, monkeypatch)


GENERATED = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@GENERATED
@given(text=YAML_LIKE)
def test_random_yaml_like_text_composes_the_same(text: str) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert_same(text, monkeypatch)


@GENERATED
@given(
    data=JSON_LIKE,
    style=st.sampled_from([None, "'", '"']),
    flow=st.booleans(),
    indent=st.integers(min_value=2, max_value=6),
)
def test_dumped_documents_compose_the_same(data: object, style: str | None, flow: bool, indent: int) -> None:
    text = yaml.safe_dump(
        {"plan": data}, allow_unicode=True, default_style=style, default_flow_style=flow, indent=indent, width=40
    )
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert_same(text, monkeypatch)


@GENERATED
@given(
    lines=st.lists(st.integers(min_value=0, max_value=len(EXAMPLE.splitlines()) - 1), max_size=3),
    insert=st.sampled_from(["&a ", "*a ", "! ", "!!int ", "<<: ", "? ", "- ", "9" * 1001, "\t", "：", "[", "'"]),
)
def test_damaged_example_plans_compose_the_same(lines: list[int], insert: str) -> None:
    source = EXAMPLE.splitlines()
    for number in lines:
        line = source[number]
        cut = len(line) - len(line.lstrip(" ")) if number % 2 else len(line) // 2
        source[number] = line[:cut] + insert + line[cut:]
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert_same("\n".join(source) + "\n", monkeypatch)


@pytest.mark.parametrize("text", [":\n", ": \n", "? \n", "? a\n:\n", "a:\n", "\n:\n", "- \n-\n", "a: [,]\n"])
def test_empty_values_are_placed_as_the_event_walk_places_them(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """libyaml's own line and column of an empty value can differ from its index (found by hypothesis)."""
    assert_same(text, monkeypatch)
