"""Schema-error hints say what to write, not the field's description again."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REPO, CliInvoke

BROKEN = REPO / "tests" / "fixtures" / "plans" / "broken"


def _hints(cli: CliInvoke, path: Path, lang: str = "en") -> list[str]:
    result = cli("--lang", lang, "validate", str(path))
    prefix = "  hint: " if lang == "en" else "  提示: "
    return [line.removeprefix(prefix) for line in result.stdout.splitlines() if line.startswith(prefix)]


def test_a_type_error_hint_names_the_kind_the_range_and_an_example(cli: CliInvoke) -> None:
    hints = _hints(cli, BROKEN / "wrong_type.yaml")
    assert hints == ["write an integer from 1 to 100000000, for example target_size: 100"]
    assert "Members you aim for" not in " ".join(hints)


def test_an_enum_item_hint_lists_the_choices_with_an_example(cli: CliInvoke) -> None:
    hints = _hints(cli, BROKEN / "bad_enum.yaml")
    assert any(hint.startswith("write one of contact, work,") and "member_needs: [contact]" in hint for hint in hints)


def test_const_and_mapping_hints(cli: CliInvoke) -> None:
    hints = _hints(cli, BROKEN / "wrong_version.yaml")
    assert "write version: 1" in hints
    assert any("community: {name: …}" in hint for hint in hints)


def test_chinese_hint_is_actionable_too(cli: CliInvoke) -> None:
    expected = "请写介于 1 和 100000000 之间的整数，例如 target_size: 100"
    assert _hints(cli, BROKEN / "wrong_type.yaml", "zh") == [expected]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_empty_plan_points_at_sqtool_init_not_a_repository_file(cli: CliInvoke, lang: str) -> None:
    hints = _hints(cli, BROKEN / "empty.yaml", lang)
    assert any("sqtool init" in hint for hint in hints)
    assert not any("examples/" in hint for hint in hints)


def test_every_broken_fixture_hint_differs_from_a_bare_description(cli: CliInvoke) -> None:
    for path in sorted(BROKEN.glob("*.yaml")):
        for hint in _hints(cli, path):
            key, colon, rest = hint.partition(": ")
            assert not (colon and key.isidentifier() and rest[:1].isupper()), (path.name, hint)
