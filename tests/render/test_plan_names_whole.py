"""`sqtool plan`'s 80-column sheet keeps a short Chinese name (a ritual, a value output, a person: up
to 8 characters) on one line, in the tables and in prose, in both languages: 周日嘉宾分享, never
周日嘉宾分 at a line's end and 享 under it."""

from __future__ import annotations

import itertools

import pytest
import yaml

from sqtool.render.wrap import display_width, short_names, wrap
from tests.conftest import REPO

PLAN = REPO / "examples" / "plan.yaml"


def plan_names() -> list[str]:
    plan = yaml.safe_load(PLAN.read_text("utf-8"))
    return [item["name"] for section in ("value_output", "rituals") for item in plan.get(section) or []]


def broken(lines: list[str], name: str) -> list[tuple[str, str]]:
    """Pairs of lines where ``name`` ends one line (a cell's or the sheet's) and goes on in the next."""
    found = []
    for first, second in itertools.pairwise(lines):
        for cut in range(1, len(name)):
            if first.rstrip().endswith(name[:cut]) and name[cut:] in second and second.lstrip().find(name[cut:]) == 0:
                found.append((first, second))
    return found


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("weeks", ["2", "4"])
def test_the_demo_plans_names_stay_whole_at_80_columns(cli, lang: str, weeks: str) -> None:
    result = cli("--lang", lang, "plan", str(PLAN), "--start", "2026-06-01", "--weeks", weeks, "--fail-on", "never")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(display_width(line) for line in lines) <= 80
    names = plan_names()
    assert "周日嘉宾分享" in names and all(name in result.stdout for name in names)
    assert [pair for name in names for pair in broken(lines, name)] == []


def test_only_short_chinese_names_are_kept_whole() -> None:
    """Unit level: a kept name is one piece wherever it stands; a long title or a Latin one is not kept."""
    assert short_names(["周日嘉宾分享", "Mia", "一个很长很长的活动名称超过八个字", "周四话题夜"]) == (
        "周日嘉宾分享",
        "周四话题夜",
    )
    text = "▸ Collect the questions of 周日嘉宾分享 and write the summary"
    assert wrap(text, 34) == ["▸ Collect the questions of 周日嘉", "宾分享 and write the summary"]
    assert wrap(text, 34, keep=["周日嘉宾分享"]) == ["▸ Collect the questions of", "周日嘉宾分享 and write the summary"]
    assert wrap("负责：每周资料包、周四话题夜。", 20, keep=["周四话题夜"]) == ["负责：每周资料包、", "周四话题夜。"]
    assert wrap("Miami 周日", 6, keep=["Mia"]) == ["Miami", "周日"]  # no new break inside a word
