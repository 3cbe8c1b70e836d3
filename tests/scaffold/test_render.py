"""The generated plan round-trips through the plan loader and carries comments in the chosen language."""

from __future__ import annotations

import pytest

from sqtool.plan.load import parse_plan
from sqtool.plan.schema import schema_findings
from sqtool.scaffold.playbooks import load_playbook, playbook_names
from sqtool.scaffold.render import SECTION_ORDER, render_plan


@pytest.mark.parametrize("name", playbook_names())
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_rendered_plan_round_trips_and_validates(name, lang):
    plan = load_playbook(name).plan()
    text = render_plan(plan, lang=lang, playbook=name, path="plan.yaml")
    loaded = parse_plan(text, "plan.yaml")
    assert loaded.data == plan
    assert schema_findings(loaded) == []


def test_modeline_comes_first_and_points_at_the_schema():
    text = render_plan(load_playbook("retail").plan(), lang="en", playbook="retail", path="plan.yaml")
    first = text.splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    assert first.endswith("community-plan.schema.json")


def test_every_section_has_a_comment_citing_its_article_in_chinese():
    plan = load_playbook("knowledge-course").plan()
    text = render_plan(plan, lang="zh", playbook="knowledge-course", path="plan.yaml")
    lines = text.splitlines()
    for section in plan:
        index = (
            lines.index(f"{section}:")
            if f"{section}:" in lines
            else next(i for i, line in enumerate(lines) if line.startswith(f"{section}:"))
        )
        assert lines[index - 1].startswith("# "), section
    assert "群主一个人撑不起一个群" in text
    assert "（002）" in text and "（004）" in text


def test_times_are_quoted_and_lists_of_names_stay_on_one_line():
    text = render_plan(load_playbook("check-in").plan(), lang="en", playbook="check-in", path="p.yaml")
    assert 'time: "06:30"' in text
    assert "  admins: [班长, 学习委员]" in text
    assert "&" not in text and "*id" not in text  # no anchors or aliases


def test_unknown_sections_follow_the_known_ones():
    plan = {"x-team": {"notes": "ours"}, **load_playbook("retail").plan()}
    text = render_plan(plan, lang="en", playbook="retail", path="p.yaml")
    assert text.index("x-team:") > text.index("budget:")
    assert list(parse_plan(text).data)[: len(SECTION_ORDER)][0] == "version"
