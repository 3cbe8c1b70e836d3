"""A plan nested deeper than libyaml's own limit (PyYAML 6.0.x with libyaml refuses 1,000 levels of
brackets while scanning, before sqtool's guard at 64 sees them) gets sqtool's message at sqtool's
position through `validate` and `check`, in both languages, whichever parser the machine has."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.conftest import CliInvoke

DEPTH = 5_000  # well past libyaml's 1,000


@pytest.mark.parametrize("command", ["validate", "check"])
@pytest.mark.parametrize(
    ("lang", "message"),
    [("en", "values are nested more than 64 levels deep"), ("zh", "值的嵌套层级超过 64 层")],
)
def test_deep_brackets_get_sqtools_message_and_position(
    cli: CliInvoke, tmp_path: Path, command: str, lang: str, message: str
) -> None:
    plan = tmp_path / "deep.yaml"
    plan.write_text("community:\n  name: " + "[" * DEPTH + "]" * DEPTH + "\n", encoding="utf-8")
    result = cli("--lang", lang, command, str(plan))
    assert result.exit_code in (1, 2), result.stdout
    out = result.stdout + result.stderr
    # the mapping is level 1, "name"'s mapping level 2: the 63rd bracket (column 9 + 62) is level 65
    assert f"{plan}:2:{9 + 62}" in out and message in out
    assert "Traceback" not in out and "exceeded maximum nesting depth" not in out


def test_the_parser_this_machine_has() -> None:
    """Guards the premise: with libyaml (the usual wheel) its own parser stops at this depth and sqtool
    uses it, so the mapping to sqtool's message above is what the user sees; without libyaml sqtool
    reads with the pure-Python parser and its own guard is the only one."""
    from sqtool.plan import load

    text = "a: " + "[" * DEPTH + "]" * DEPTH
    if getattr(yaml, "__with_libyaml__", False):
        with pytest.raises(yaml.MarkedYAMLError, match="nesting depth"):
            yaml.compose(text, Loader=yaml.CSafeLoader)
        assert load._Parser is not load._PurePythonParser
    else:
        assert load._Parser is load._PurePythonParser
