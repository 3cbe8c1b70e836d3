"""Whatever a script passes to --set, init either builds a valid plan or stops with a clear SqtoolError."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sqtool.errors import SqtoolError
from sqtool.scaffold import build
from sqtool.scaffold.answers import QUESTIONS
from sqtool.scaffold.playbooks import load_playbook, playbook_names, playbooks_dir
from sqtool.scaffold.render import render_plan

KEYS = [question.key for question in QUESTIONS] + [
    "community",
    "version",
    "value_output.3.name",
    "roles.owner.name",
    "x-note",
    "members..size",
    "rituals.0",
]
VALUES = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["[]", "[a, b]", "{a: 1}", "null", "0", "-5", "1e9", "true", "07:00", "'x", "[unclosed", "#x"]),
)


@settings(max_examples=80, deadline=None)
@given(name=st.sampled_from(playbook_names()), key=st.sampled_from(KEYS), value=VALUES)
def test_any_assignment_builds_a_valid_plan_or_fails_clearly(name, key, value):
    plan = load_playbook(name).plan()
    try:
        build.apply_given(plan, build.parse_assignments([f"{key}={value}"]), source="--set")
        build.ensure_consistent(plan, source="--set")
    except SqtoolError as error:
        assert error.key.startswith("scaffold.")
        return
    text = render_plan(plan, lang="en", playbook=name, path="p.yaml")
    problems = build.schema_problems(text, "p.yaml")
    assert all(isinstance(problem, str) and problem for problem in problems)


def test_parse_scalar_reads_yaml_1_2_values():
    assert build.parse_scalar("07:00") == "07:00"
    assert build.parse_scalar("2026-09-01") == "2026-09-01"
    assert build.parse_scalar("yes") == "yes"
    assert build.parse_scalar("true") is True
    assert build.parse_scalar("[小林, 阿杰]") == ["小林", "阿杰"]
    assert build.parse_scalar("#ops") == "#ops"
    assert build.parse_scalar('"a: b"') == "a: b"  # quoted: text on purpose
    for not_yaml in ("a: b", "[a", "{a", "*x"):
        with pytest.raises(ValueError):
            build.parse_scalar(not_yaml)
    assert build.parse_scalar("null") is None


def test_missing_answers_file_is_a_clear_error(cli, tmp_path):
    result = cli("init", str(tmp_path / "p.yaml"), "--answers", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 2
    assert "nope.yaml" in result.stderr and "Traceback" not in result.stderr


def test_playbooks_readme_lists_every_playbook():
    readme = (playbooks_dir() / "README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| `([a-z-]+)` \|", readme, flags=re.M))
    assert listed == set(playbook_names())


def test_walkthrough_transcript_matches_the_wizard():
    walkthrough = Path(__file__).resolve().parents[2] / "docs" / "init-walkthrough.md"
    text = walkthrough.read_text(encoding="utf-8")
    for line in ("-- what, why, with whom --", "Keep it anyway? (y/n) [n]: n", "Wrote plan.yaml."):
        assert line in text
