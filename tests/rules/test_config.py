"""CheckConfig: selection by specificity, severity overrides, file discovery and merging with the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from sqtool.diagnostics import Severity
from sqtool.errors import SqtoolError
from sqtool.rules.config import CheckConfig, build_config, discover
from sqtool.rules.registry import all_rules

KNOWN = [rule.id for rule in all_rules()]


def test_selection_prefers_the_more_specific_selector() -> None:
    config = CheckConfig(select=("SQ201",), ignore=("SQ2",))
    assert config.enabled("SQ201")
    assert not config.enabled("SQ202")
    assert not CheckConfig(ignore=("SQ5",)).enabled("SQ501")
    assert CheckConfig().enabled("SQ999")
    assert not CheckConfig(select=("SQ1",)).enabled("SQ201")


def test_severity_override_by_id_or_prefix() -> None:
    config = CheckConfig(severity=(("SQ2", Severity.INFO), ("SQ201", Severity.ERROR)))
    assert config.severity_of("SQ201", Severity.WARNING) is Severity.ERROR
    assert config.severity_of("SQ202", Severity.WARNING) is Severity.INFO
    assert config.severity_of("SQ301", Severity.WARNING) is Severity.WARNING


def test_cli_select_replaces_file_select_and_ignore_adds() -> None:
    raw = {"select": ["SQ1"], "ignore": "SQ104", "fail-on": "warning", "kol-per-members": 150}
    config = build_config(
        raw, source="x.yaml", known_ids=KNOWN, select=["sq2"], ignore=["SQ105"], severity=["SQ201=error"]
    )
    assert config.select == ("SQ2",)
    assert config.ignore == ("SQ104", "SQ105")
    assert config.fail_on is Severity.WARNING
    assert config.options.kol_per_members == 150
    assert config.severity == (("SQ201", Severity.ERROR),)
    assert build_config(raw, known_ids=KNOWN, fail_on="info").fail_on is Severity.INFO


@pytest.mark.parametrize(
    ("raw", "kwargs", "key"),
    [
        ({"colour": 1}, {}, "check.config_unknown_key"),
        ({"select": ["SQ99"]}, {}, "check.unknown_rule"),  # no rule id starts so (SQ9xx are the calendar rules)
        ({}, {"ignore": ["XX1"]}, "check.unknown_rule"),
        ({}, {"severity": ["SQ201"]}, "check.bad_severity_option"),
        ({}, {"severity": ["SQ201=fatal"]}, "check.bad_level"),
        ({"fail_on": "sometimes"}, {}, "core.bad_fail_on"),
        ({"kol_per_members": 0}, {}, "check.config_bad_value"),
        ({"severity": ["SQ201"]}, {}, "check.config_bad_value"),
    ],
)
def test_bad_settings_are_usage_errors(raw, kwargs, key) -> None:
    with pytest.raises(SqtoolError) as caught:
        build_config(raw, source="cfg", known_ids=KNOWN, **kwargs)
    assert caught.value.key == key


def test_discovery_walks_up_and_prefers_sqtool_yaml(tmp_path: Path) -> None:
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    assert discover(nested) is None or not str(discover(nested)[1]).startswith(str(tmp_path))
    (tmp_path / "pyproject.toml").write_text('[tool.sqtool]\nignore = ["SQ504"]\n', encoding="utf-8")
    raw, source = discover(nested)
    assert raw == {"ignore": ["SQ504"]} and source == str(tmp_path / "pyproject.toml")
    (tmp_path / "a" / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    assert discover(nested)[1] == str(tmp_path / "pyproject.toml"), "a pyproject without [tool.sqtool] is skipped"
    (tmp_path / "a" / ".sqtool.yaml").write_text("select: [SQ2]\n", encoding="utf-8")
    assert discover(nested) == ({"select": ["SQ2"]}, str(tmp_path / "a" / ".sqtool.yaml"))


def test_broken_config_files_name_the_file(tmp_path: Path) -> None:
    (tmp_path / ".sqtool.yaml").write_text("select: [SQ2\n", encoding="utf-8")
    with pytest.raises(SqtoolError) as caught:
        discover(tmp_path)
    assert caught.value.key == "check.config_syntax" and caught.value.path.endswith(".sqtool.yaml")
    (tmp_path / ".sqtool.yaml").write_text("- SQ2\n", encoding="utf-8")
    with pytest.raises(SqtoolError) as caught:
        discover(tmp_path)
    assert caught.value.key == "check.config_not_mapping"
    (tmp_path / ".sqtool.yaml").unlink()
    (tmp_path / "pyproject.toml").write_text("[tool.sqtool\n", encoding="utf-8")
    with pytest.raises(SqtoolError) as caught:
        discover(tmp_path)
    assert caught.value.key == "check.config_syntax"
