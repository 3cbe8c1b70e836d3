"""Huge sizes: the schema bounds member counts and rules compute ceilings exactly."""

from __future__ import annotations

import re
from pathlib import Path

from sqtool.plan.access import whole
from tests.conftest import REPO, CliInvoke

EXAMPLE = REPO / "examples" / "plan.yaml"
HUGE = "99999999999999999999999999999999999"


def _plan_with_size(tmp_path: Path, size: str) -> Path:
    text = re.sub(r"target_size: \d+", f"target_size: {size}", EXAMPLE.read_text(encoding="utf-8"))
    path = tmp_path / "huge.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_schema_refuses_a_size_beyond_the_bound_and_sq201_counts_exactly(cli: CliInvoke, tmp_path: Path) -> None:
    result = cli("check", str(_plan_with_size(tmp_path, HUGE)), "--today", "2026-06-01")
    assert result.exit_code == 1
    assert "error[SQ001]: 'target_size' must be at most 100000000" in result.stdout
    # one leader per 100 members, computed with integers: 10**33 exactly, never 999…45575230987042816
    assert f"needs {10**33} opinion leaders" in result.stdout
    assert "45575230987042816" not in result.stdout


def test_a_size_at_the_bound_is_valid(cli: CliInvoke, tmp_path: Path) -> None:
    result = cli("validate", str(_plan_with_size(tmp_path, "100000000")))
    assert "SQ001" not in result.stdout, result.stdout


def test_negative_counts_are_schema_errors(cli: CliInvoke, tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace("current_size: 300", "current_size: -3")
    path = tmp_path / "negative.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli("validate", str(path))
    assert result.exit_code == 1
    assert "current_size" in result.stdout


def test_whole_refuses_floats_too_large_to_be_exact() -> None:
    assert whole(3.0) == 3
    assert whole(2.0**53) == 2**53
    assert whole(1.0e35) is None  # int(1e35) would print 100000000000000004168…
    assert whole(10**35) == 10**35  # a YAML integer is exact at any size
