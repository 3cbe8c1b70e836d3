"""Unit tests of the plan loader: values, positions, refusals (SQ000) and file errors."""

from __future__ import annotations

import io
import math
import time

import pytest

from sqtool.errors import SqtoolError
from sqtool.plan.load import (
    MAX_ALIAS_VALUES,
    MAX_BYTES,
    LoadedPlan,
    PlanLoadError,
    display_path,
    load_plan,
    parse_plan,
)

PLAN = """\
version: 1
community:
  name: 晨读营
  launch_date: 2026-09-01
roles:
  owner: 林老师
  admins: [小周, 阿敏]
value_output:
  - name: 每日书摘
    time: 07:00
  - name: 周报
    cadence: weekly
"""


def refused(text: str, lang: str = "en"):
    with pytest.raises(PlanLoadError) as caught:
        parse_plan(text, "p.yaml", lang=lang)  # type: ignore[arg-type]
    findings = caught.value.findings
    assert len(findings) == 1
    assert findings[0].rule_id == "SQ000"
    return findings[0]


def test_values_follow_yaml_1_2_core_rules():
    text = (
        "a: 07:00\nb: 2026-09-01\nc: yes\nd: on\ne: true\nf: FALSE\ng: ~\nh:\ni: 0.25\nj: 0o17\nk: 0x1F\n"
        "l: 1e3\nm: .inf\nn: -.Inf\no: .nan\np: '42'\nq: 042\nr: 1_000\ns: 12:30:00\nt: null\n"
    )
    data = parse_plan(text).data
    assert data["a"] == "07:00"
    assert data["b"] == "2026-09-01"
    assert data["c"] == "yes" and data["d"] == "on"
    assert data["e"] is True and data["f"] is False
    assert data["g"] is None and data["h"] is None and data["t"] is None
    assert data["i"] == 0.25 and data["j"] == 15 and data["k"] == 31
    assert data["l"] == 1000.0 and isinstance(data["l"], float)
    assert data["m"] == math.inf and data["n"] == -math.inf and math.isnan(data["o"])
    assert data["p"] == "42" and data["q"] == 42 and data["r"] == "1_000" and data["s"] == "12:30:00"


def test_explicit_tags_are_honoured_or_refused():
    assert parse_plan("a: !!int '5'\nb: !!float 3\nc: !!str 5\nd: !!bool 'true'\ne: ! 7\n").data == {
        "a": 5,
        "b": 3.0,
        "c": "5",
        "d": True,
        "e": "7",
    }
    finding = refused("a: !!int x\n")
    assert (finding.line, finding.col) == (1, 4)
    assert finding.message == "'x' cannot be read as !!int"
    finding = refused("a: !!python/object:os.system x\n")
    assert finding.message == "the tag '!!python/object:os.system' is not supported in a plan"


def test_positions_of_values_and_keys():
    plan = parse_plan(PLAN, "plan.yaml")
    assert plan.data["value_output"][0]["time"] == "07:00"
    assert plan.position(("community", "name")) == (3, 9)
    assert plan.key_position(("community", "name")) == (3, 3)
    assert plan.position(("roles", "admins", 1)) == (7, 16)  # columns count characters, not bytes
    assert plan.key_position(("roles", "admins", 1)) == (7, 16)
    assert plan.position(("value_output", 1)) == (11, 5)
    assert plan.key_position(("value_output", 1, "cadence")) == (12, 5)
    assert plan.position(()) == (1, 1)


def test_missing_pointer_falls_back_to_nearest_ancestor():
    plan = parse_plan(PLAN)
    assert plan.position(("roles", "opinion_leaders", 3)) == plan.position(("roles",))
    assert plan.key_position(("roles", "opinion_leaders")) == (5, 1)
    assert plan.position(("nothing", "here")) == (1, 1)


def test_pointer_may_be_any_sequence():
    from collections import deque

    plan = parse_plan(PLAN)
    assert plan.position(deque(["roles", "admins", 0])) == (7, 12)  # type: ignore[arg-type]


def test_text_has_bom_removed_and_crlf_normalised(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + PLAN.replace("\n", "\r\n").encode("utf-8"))
    plan = load_plan(path)
    assert plan.text == PLAN
    assert plan.data["community"]["name"] == "晨读营"
    assert plan.position(("value_output", 0, "time")) == (10, 11)


def test_loaded_plan_is_a_frozen_record():
    plan = parse_plan(PLAN)
    assert isinstance(plan, LoadedPlan)
    with pytest.raises(AttributeError):
        plan.path = "x"  # type: ignore[misc]


def test_merge_keys_apply_with_own_keys_winning():
    plan = parse_plan("base: &b {cadence: weekly, time: '20:00'}\nitem:\n  <<: *b\n  time: '21:00'\n")
    assert plan.data["item"] == {"cadence": "weekly", "time": "21:00"}
    assert plan.key_position(("item", "time")) == (4, 3)
    finding = refused("item:\n  <<: 5\n")
    assert (finding.line, finding.col) == (2, 7)


def test_duplicate_key_points_at_the_second_key():
    finding = refused("community:\n  name: a\n  slogan: b\n  name: c\n")
    assert (finding.line, finding.col) == (4, 3)
    assert finding.message == "duplicate key 'name': it is already defined at line 2"


def test_tab_indentation_is_named():
    finding = refused("community:\n\tname: x\n")
    assert (finding.line, finding.col) == (2, 1)
    assert finding.message == "tabs are not allowed for indentation in YAML"
    assert "空格" in refused("community:\n\tname: x\n", lang="zh").hint


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n", "---\n", "~\n"])
def test_empty_documents(text):
    finding = refused(text)
    assert (finding.line, finding.col) == (1, 1)
    assert finding.message.startswith("the file is empty")


@pytest.mark.parametrize(
    ("text", "kind"), [("- a\n- b\n", "a list"), ("just text\n", "a single value"), ("42\n", "a single value")]
)
def test_non_mapping_documents(text, kind):
    assert refused(text).message.endswith(f"this document is {kind}")


def test_alias_bomb_fails_fast():
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 9):
        previous = chr(ord("a") + level - 1)
        name = chr(ord("a") + level)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    started = time.perf_counter()
    finding = refused("\n".join(lines) + "\n")
    assert time.perf_counter() - started < 0.5
    assert finding.message.startswith(f"aliases expand to more than {MAX_ALIAS_VALUES} values")
    assert finding.line == 5


def test_aliases_within_budget_are_expanded():
    plan = parse_plan("people: &p [a, b]\nroles:\n  admins: *p\n  owner: *p\n")
    assert plan.data["roles"] == {"admins": ["a", "b"], "owner": ["a", "b"]}
    assert plan.position(("roles", "owner")) == (4, 10)  # where the alias is used
    assert plan.data["roles"]["admins"] is not plan.data["roles"]["owner"]


def test_recursive_and_undefined_aliases():
    assert refused("a: &a [1, *a]\n").message == "the alias '*a' refers to a value that contains the alias itself"
    finding = refused("a: *nowhere\n")
    assert (finding.line, finding.col) == (1, 4)
    assert "nowhere" in finding.message


def test_deep_nesting_is_refused_without_crashing():
    depth = 100_000
    finding = refused("a: " + "[" * depth + "]" * depth + "\n")
    assert finding.message.startswith("values are nested more than")
    # libyaml refuses at its own limit of 1,000 before sqtool's guard sees level 65: same place either way
    assert (finding.line, finding.col) == (1, 3 + 64)  # the mapping is level 1, the 64th bracket level 65


def test_multiple_documents_are_refused():
    finding = refused("a: 1\n---\nb: 2\n")
    assert (finding.line, finding.col) == (2, 1)


def test_complex_keys_are_refused():
    assert refused("? [a, b]\n: 1\n").message == "a key must be plain text, not a list or a mapping"


@pytest.mark.parametrize(
    ("text", "position", "start"),
    [
        ("a: b: c\n", (1, 5), "invalid YAML: a ':' appears where no key can start"),
        ("a: 'open\nb: 1\n", (1, 4), "invalid YAML: the file ends in the middle of a value"),
        ("a:\n  b: 1\n c: 2\n", (3, 2), "invalid YAML: the indentation does not line up"),
        ("a: [1, 2\n", (2, 1), "invalid YAML: a list or mapping in brackets is not closed"),
        ("a: @x\n", (1, 4), "a character here cannot start a value"),
        ("a: b\x00c\n", (1, 5), "the file contains a character that YAML does not allow (U+0000)"),
    ],
)
def test_syntax_errors_have_positions_and_plain_messages(text, position, start):
    finding = refused(text)
    assert (finding.line, finding.col) == position
    assert finding.message.startswith(start)
    assert finding.hint


def test_syntax_messages_in_chinese():
    assert refused("a: b: c\n", lang="zh").message.startswith("YAML 语法错误：此处不能出现")


def test_plan_load_error_is_a_sqtool_error_with_position():
    with pytest.raises(SqtoolError) as caught:
        parse_plan("a: 1\na: 2\n", "x.yaml")
    assert caught.value.where() == "x.yaml:2:1"


def test_missing_file_is_a_usage_error(tmp_path):
    with pytest.raises(SqtoolError) as caught:
        load_plan(tmp_path / "nope.yaml")
    assert caught.value.key == "fs.not_found"


def test_folder_is_a_usage_error(tmp_path):
    with pytest.raises(SqtoolError) as caught:
        load_plan(tmp_path)
    assert caught.value.key == "plan.is_directory"


def test_too_large_file_is_refused(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: " + b"x" * MAX_BYTES + b"\n")
    with pytest.raises(SqtoolError) as caught:
        load_plan(path)
    assert caught.value.key == "fs.too_large"


def test_invalid_utf8_names_the_byte_offset(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_bytes(b"\xef\xbb\xbfname: caf\xe9\n")
    with pytest.raises(SqtoolError) as caught:
        load_plan(path)
    assert caught.value.key == "plan.bad_utf8"
    assert caught.value.args_for_message["offset"] == 12


def test_stdin_text_and_stdin_stream(monkeypatch):
    plan = load_plan("-", stdin_text="version: 1\n")
    assert plan.path == "<stdin>" and plan.data == {"version": 1}
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO("\ufeffa: 1\r\n".encode())))
    assert load_plan("-").data == {"a": 1}


def test_stdin_text_with_undecodable_bytes_reports_the_offset():
    with pytest.raises(SqtoolError) as caught:
        load_plan("-", stdin_text="a: " + b"\xff".decode("utf-8", "surrogateescape"))
    assert caught.value.args_for_message["offset"] == 3


def test_display_path_drops_dot_slash(tmp_path, monkeypatch):
    assert display_path("./plans/a.yaml") == "plans/a.yaml"
    assert display_path("././a.yaml") == "a.yaml"
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.yaml").write_text("version: 1\n", encoding="utf-8")
    assert load_plan("./a.yaml").path == "a.yaml"


@pytest.mark.parametrize(
    "text",
    [PLAN, "a: 1\na: 2\n", "a:\n\tb: 1\n", "a: b: c\n", "a: &a [*a]\n", "- x\n", "a: 'open\n", "a: [1, 2\n"],
)
def test_pure_python_parser_agrees_with_libyaml(text, monkeypatch):
    from sqtool.plan import load

    def outcome():
        try:
            plan = parse_plan(text)
        except PlanLoadError as error:
            return [(f.line, f.col, f.message) for f in error.findings]
        return plan.data, plan.positions

    fast = outcome()
    monkeypatch.setattr(load, "_Parser", load._PurePythonParser)
    assert outcome() == fast
