"""A plan the schema rejects is rejected everywhere it is read, and NaN or infinity is no number."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REPO, CliInvoke

PLAN = REPO / "examples" / "plan.yaml"
EXPORT = REPO / "examples" / "demo-wechat.csv"


def _plan(tmp_path: Path, old: str, new: str) -> Path:
    text = PLAN.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "plan.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


@pytest.mark.parametrize("value", [".nan", ".NaN", ".inf", "1e999"])
def test_validate_and_check_refuse_nan_and_infinity(cli: CliInvoke, tmp_path: Path, value: str) -> None:
    """`.nan` passed validate: NaN compares false with every bound, and an unbounded field took `.inf`."""
    plan = _plan(tmp_path, "max_first_response_minutes: 60", f"max_first_response_minutes: {value}")
    for command in (("validate", str(plan)), ("check", str(plan), "--today", "2026-06-01")):
        result = cli(*command)
        assert result.exit_code == 1, result.stdout
        assert "'max_first_response_minutes' must be a real number, not NaN or infinity" in result.stdout


def test_a_nan_where_the_schema_wants_an_integer_is_reported_once(cli: CliInvoke, tmp_path: Path) -> None:
    plan = _plan(tmp_path, "current_size: 300", "current_size: .nan")
    result = cli("validate", str(plan))
    assert result.exit_code == 1
    assert result.stdout.count("current_size") == 1 + result.stdout.count("hint: write an integer")


def test_the_compiled_check_does_not_wave_nan_through(tmp_path: Path) -> None:
    """`check` over many plans asks a compiled validator first; NaN must still reach the explaining one."""
    from sqtool.plan.fastschema import surely_valid
    from sqtool.plan.load import load_plan

    data = load_plan(_plan(tmp_path, "min_weekly_active_share: 0.25", "min_weekly_active_share: .nan")).data
    assert surely_valid(data) is False


@pytest.mark.parametrize(
    ("old", "new", "shown"),
    [
        ("version: 1", "version: 99", "'version' must be 1"),
        ("min_weekly_active_share: 0.25", "min_weekly_active_share: .nan", "not NaN or infinity"),
        ("platform: wechat", "platform: myspace", "platform"),
    ],
)
def test_audit_refuses_a_plan_that_validate_rejects(
    cli: CliInvoke, tmp_path: Path, old: str, new: str, shown: str
) -> None:
    plan = _plan(tmp_path, old, new)
    assert cli("validate", str(plan)).exit_code == 1
    result = cli("audit", str(EXPORT), "--plan", str(plan))
    assert result.exit_code == 2
    assert f"{plan}:" in result.stderr and "does not pass `sqtool validate`" in result.stderr and shown in result.stderr
    zh = cli("--lang", "zh", "audit", str(EXPORT), "--plan", str(plan))
    assert "没有通过 `sqtool validate`" in zh.stderr


def test_audit_still_accepts_the_example_plan(cli: CliInvoke) -> None:
    result = cli("audit", str(EXPORT), "--plan", str(PLAN), "-r", "json")
    assert result.exit_code == 0, result.stderr


def test_a_threshold_too_large_for_a_float_is_a_finding_not_an_overflow(cli: CliInvoke, tmp_path: Path) -> None:
    """Found by the long fuzz run: a 400-digit threshold made float() overflow while building the model."""
    plan = _plan(tmp_path, "max_first_response_minutes: 60", f"max_first_response_minutes: {'9' * 400}")
    for command in (("validate", str(plan)), ("check", str(plan), "--today", "2026-06-01")):
        result = cli(*command)
        assert result.exit_code in (0, 1), result.stderr
        assert "internal error" not in result.stderr
    audit = cli("audit", str(EXPORT), "--plan", str(plan), "-r", "json")
    assert audit.exit_code in (0, 2) and "internal error" not in audit.stderr
