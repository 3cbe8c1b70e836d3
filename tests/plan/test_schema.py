"""The plan JSON Schema itself (public contract) and the mapping of its errors to positioned findings."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from jsonschema import Draft202012Validator

from sqtool.plan.load import load_plan, parse_plan
from sqtool.plan.schema import _validator, plan_schema, schema_findings
from tests.conftest import REPO, SHARED, needs_shared

SCHEMA_FILE = REPO / "schemas" / "community-plan.schema.json"
MINIMAL = (
    "version: 1\n"
    "community:\n  name: 晨跑小队\n"
    "positioning:\n  shared_attribute: 跑者\n  common_goal: 每周三跑\n"
    "roles:\n  owner: 阿强\n"
)
CJK = re.compile(r"[\u4e00-\u9fff]")


def findings(text: str, lang: str = "en"):
    return schema_findings(parse_plan(text, "p.yaml", lang=lang), lang=lang)  # type: ignore[arg-type]


def lines(text: str, lang: str = "en") -> list[str]:
    return [f"{f.line}:{f.col} {f.message}" for f in findings(text, lang)]


def subschema(*path: str) -> dict:
    node = plan_schema()
    for part in path:
        node = node[part]
    while "$ref" in node:
        node = plan_schema()["$defs"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def object_schemas(node, path=()):
    """Every schema with "properties", outside if/then helpers, with its path."""
    if isinstance(node, dict):
        if "properties" in node and "if" not in path:
            yield path, node
        for key, value in node.items():
            if key not in ("if", "then"):
                yield from object_schemas(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from object_schemas(value, (*path, index))


def test_schema_is_valid_draft_2020_12_with_id_and_title():
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == "community-plan.schema.json"  # relative: resolves to the file itself, offline
    assert schema["title"]
    assert schema["required"] == ["version", "community", "positioning", "roles"]
    assert schema["properties"]["version"]["const"] == 1


def test_every_property_is_described_in_english_and_chinese():
    for path, node in object_schemas(plan_schema()):
        for name, prop in node["properties"].items():
            description = prop.get("description", "")
            english, separator, chinese = description.partition(" / ")
            assert separator and english and CJK.search(chinese), (path, name)
            assert not CJK.search(english), (path, name)


def test_every_known_level_is_closed_with_an_x_escape_hatch():
    for path, node in object_schemas(plan_schema()):
        assert node.get("additionalProperties") is False, path
        assert set(node.get("patternProperties", {})) == {"^x-"}, path


SPEC_FIELDS = {
    "community": {"name", "naming_method", "slogan", "platform", "capacity", "launch_date", "culture", "timezone"},
    "positioning": {
        "purpose",
        "category",
        "shared_attribute",
        "common_goal",
        "audience",
        "member_needs",
        "drives",
        "value_for_members",
        "values",
        "success_definition",
    },
    "members": {"target_size", "current_size", "sources", "seed_members"},
    "roles": {
        "owner",
        "admins",
        "opinion_leaders",
        "organizer",
        "spreader",
        "activist",
        "talker",
        "challenger",
        "red_packet_giver",
    },
    "rules": {"entry", "conduct", "nickname_format", "incentives", "removal", "announcement"},
    "growth": {"channels", "ab_expansion"},
    "offline": {"events", "chapters"},
    "monetization": {"purposes", "path", "conversion"},
    "thresholds": {
        "kol_per_members",
        "min_weekly_active_share",
        "max_unanswered_share",
        "max_first_response_minutes",
        "min_value_posts_per_week",
        "max_lurker_share",
    },
    "kpis": {"growth", "activation", "retention", "conversion", "referral"},
    "budget": {"money_per_month", "people"},
    "data_policy": {"kept", "visible_to", "retention_days"},
}


def test_every_spec_field_exists_with_its_exact_name():
    top = plan_schema()["properties"]
    assert set(top) == {
        *SPEC_FIELDS,
        "version",
        "value_output",
        "rituals",
        "governance",
        "offboarding",
        "content_plan",
        "channels",
        "playbook",  # metadata of the bundled playbooks (issue 6); plans written by init leave it out
    }
    for section, fields in SPEC_FIELDS.items():
        assert set(subschema("properties", section)["properties"]) == fields, section
    assert set(subschema("properties", "rules", "properties", "entry")["properties"]) == {
        "threshold",
        "fee",
        "criteria",
    }
    value_item = subschema("properties", "value_output", "items")
    # day_of_month and week_of_month place monthly items on the calendar (issue 19, `sqtool plan`)
    monthly = {"day_of_month", "week_of_month"}
    assert (
        set(value_item["properties"])
        == {"name", "kind", "cadence", "day", "time", "owner", "backup", "keywords"} | monthly
    )
    ritual = subschema("properties", "rituals", "items")
    assert (
        set(ritual["properties"])
        == {
            "name",
            "kind",
            "cadence",
            "day",
            "time",
            "announce_days_before",
            "host",
            "summary",
            "keywords",
        }
        | monthly
    )


def enum_at(*path: str) -> list:
    node = subschema(*path)
    return node["enum"] if "enum" in node else subschema(*path, "items")["enum"]


@pytest.mark.parametrize(
    ("path", "values"),
    [
        (
            ("properties", "community", "properties", "naming_method"),
            ["founder", "product", "content", "hobby", "attribute", "ideology", "combined"],
        ),
        (
            ("properties", "community", "properties", "slogan", "properties", "type"),
            ["functional", "benefit", "values"],
        ),
        (
            ("properties", "community", "properties", "platform"),
            ["wechat", "qq", "telegram", "discord", "whatsapp", "slack", "other"],
        ),
        (
            ("properties", "positioning", "properties", "category"),
            ["product", "entertainment", "knowledge", "arts", "interest", "region", "other"],
        ),
        (
            ("properties", "positioning", "properties", "member_needs"),
            ["contact", "work", "friendship", "learning", "exposure", "life", "service", "belonging"],
        ),
        (
            ("properties", "rules", "properties", "entry", "properties", "threshold"),
            ["open", "invite", "application", "paid", "task"],
        ),
        (
            ("properties", "rituals", "items", "properties", "kind"),
            ["topic", "guest_share", "check_in", "red_packet", "offline", "other"],
        ),
        (("$defs", "cadence"), ["daily", "weekdays", "weekly", "biweekly", "monthly", "quarterly", "yearly"]),
        (("$defs", "weekday"), ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]),
        (
            ("properties", "monetization", "properties", "purposes"),
            [
                "sell_products",
                "provide_services",
                "build_network",
                "gather_interests",
                "build_brand",
                "keep_customer_relations",
                "build_personal_influence",
                "none",
            ],
        ),
    ],
)
def test_enumerations_are_exactly_the_spec(path, values):
    assert enum_at(*path) == values


def test_the_example_plan_is_clean():
    plan = load_plan(REPO / "examples" / "plan.yaml")
    assert schema_findings(plan) == []
    first_line = plan.text.splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=../schemas/community-plan.schema.json"


def test_the_example_plan_describes_the_demo_group():
    data = load_plan(REPO / "examples" / "plan.yaml").data
    assert data["community"]["name"] == "私域增长研习社"
    assert (data["members"]["target_size"], data["members"]["current_size"]) == (500, 300)
    assert data["roles"]["owner"] == "周老师"
    assert data["roles"]["opinion_leaders"] == ["陈姐", "老王", "Mia", "大刘", "苏苏"]
    assert [item["keywords"] for item in data["value_output"]] == [["【每日案例】"], ["【资料包】"]]
    assert [(r["day"], r["time"]) for r in data["rituals"]] == [("thursday", "21:00-21:30"), ("sunday", "20:30-22:00")]
    assert data["rules"]["entry"]["fee"] == {"amount": 199, "currency": "CNY", "period": "year"}
    assert data["thresholds"]["min_weekly_active_share"] == 0.25


def test_every_section_of_the_schema_is_filled_in_the_example():
    data = load_plan(REPO / "examples" / "plan.yaml").data
    assert set(data) == set(plan_schema()["properties"]) - {"playbook"}  # playbook metadata is for playbooks only
    for section, fields in SPEC_FIELDS.items():
        assert set(data[section]) == fields, section


@needs_shared
def test_the_design_sketch_differs_only_in_data_policy():
    plan = load_plan(SHARED / "design" / "plan-example.yaml")
    assert [(f.line, f.message.split(",")[0]) for f in schema_findings(plan)] == [
        (119, "'data_policy' must be a mapping of 'key: value' lines")
    ]


@pytest.mark.parametrize("time", ["00:00", "23:59", "07:00", "21:00-21:30", "20:30-22:00"])
def test_good_times(time):
    assert findings(MINIMAL + f"rituals:\n  - name: x\n    time: '{time}'\n") == []


@pytest.mark.parametrize("time", ["24:00", "7:00", "21:00-", "21:00-21:30-22:00", "21.00", "9pm"])
def test_bad_times(time):
    (finding,) = findings(MINIMAL + f"rituals:\n  - name: x\n    time: '{time}'\n")
    assert (finding.line, finding.col) == (11, 11)
    assert finding.message.startswith("'time' must be a 24-hour time")


def test_extension_keys_are_accepted_everywhere():
    text = MINIMAL.replace("  owner: 阿强\n", "  owner: 阿强\n  x-note: 备注\n") + "x-team: growth\n"
    text += "rituals:\n  - name: x\n    x-color: red\n"
    assert findings(text) == []


def test_unknown_key_without_a_close_match_lists_the_allowed_keys():
    (finding,) = findings(MINIMAL + "zzz: 1\n")
    assert finding.message == "unknown key 'zzz' in the top level of the plan"
    assert finding.hint and finding.hint.startswith("keys allowed here: budget, channels, community")


def test_missing_keys_are_reported_one_by_one_at_the_parent():
    text = "version: 1\ncommunity: {}\npositioning:\n  purpose: x\nroles: {}\n"
    assert lines(text) == [
        "2:1 'name' is missing from 'community'",
        "3:1 'shared_attribute' is missing from 'positioning'",
        "3:1 'common_goal' is missing from 'positioning'",
        "5:1 'owner' is missing from 'roles'",
    ]


def test_missing_top_level_sections():
    assert lines("version: 1\nx-a: 1\n") == [
        "1:1 'community' is missing from the top level of the plan",
        "1:1 'positioning' is missing from the top level of the plan",
        "1:1 'roles' is missing from the top level of the plan",
    ]


def test_counts_or_names_for_roles():
    assert findings(MINIMAL.replace("  owner: 阿强\n", "  owner: 阿强\n  admins: 2\n  talker: [a, b]\n")) == []
    assert lines(MINIMAL.replace("  owner: 阿强\n", "  owner: 阿强\n  admins: -1\n")) == [
        "9:11 'admins' must be at least 0, got -1"
    ]
    assert lines(MINIMAL.replace("  owner: 阿强\n", "  owner: [阿强, 小美]\n")) == [
        '8:10 \'owner\' must be text, got ["阿强", "小美"]'
    ]
    assert lines(MINIMAL.replace("  owner: 阿强\n", "  owner: ''\n")) == ["8:10 'owner' must not be empty"]


def test_list_items_are_named_with_their_index():
    text = MINIMAL + "members:\n  sources: [公众号, 3]\n"
    assert lines(text) == ["10:18 'sources[1]' must be text, got 3"]


def test_day_is_a_weekday_whatever_the_cadence():
    weekly = MINIMAL + "value_output:\n  - name: 周报\n    cadence: weekly\n    day: friday\n"
    assert findings(weekly) == []
    expected = "12:10 'day' must be one of monday, tuesday, wednesday, thursday, friday, saturday, sunday, got "
    assert lines(weekly.replace("friday", "28")) == [expected + "28"]
    assert lines(weekly.replace("weekly", "monthly").replace("friday", "Friday")) == [expected + '"Friday"']


def test_free_text_conduct_rules_are_accepted():
    assert findings(MINIMAL + "rules:\n  conduct: [no_ads, 不刷屏, No Spam]\n") == []


def test_kpi_names_must_be_snake_case():
    (finding,) = findings(MINIMAL + "kpis:\n  growth: {New members: 50}\n")
    assert (finding.line, finding.col) == (10, 12)
    assert finding.message == "'New members' is not a valid key here; use lowercase letters, digits and '_'"


def test_long_values_are_shortened_in_messages():
    (finding,) = findings(MINIMAL + "members:\n  target_size: '" + "很" * 100 + "'\n")
    assert finding.message.endswith("…")
    assert len(finding.message) < 120


def test_empty_values_are_called_empty():
    assert lines(MINIMAL + "members:\n  target_size:\n") == [
        "10:15 'target_size' must be an integer, got an empty value"
    ]


def test_chinese_messages_and_hints_say_what_to_write():
    (finding,) = findings(MINIMAL + "members:\n  target_size: 很多\n", lang="zh")
    assert finding.message == '“target_size”应为整数，实际是 "很多"'
    assert finding.hint == "请写介于 1 和 100000000 之间的整数，例如 target_size: 100"


def test_findings_are_in_source_order_and_rule_sq001():
    text = MINIMAL + "members:\n  target_size: x\ncommunity_typo: 1\n"
    result = findings(text)
    assert [f.line for f in result] == sorted(f.line for f in result)
    assert {f.rule_id for f in result} == {"SQ001"}
    assert {f.path for f in result} == {"p.yaml"}


def test_validator_is_compiled_once():
    assert _validator() is _validator()


@needs_shared
def test_no_sentence_is_copied_from_the_seed_articles():
    result = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "seedcopy.py"), str(REPO)], capture_output=True, text=True, timeout=300
    )
    assert result.stdout == "" and result.returncode == 0


def test_repeated_items_point_at_the_repeat_even_in_long_lists():
    names = ", ".join(f"m{index}" for index in range(1000))
    text = MINIMAL.replace("  owner: 阿强\n", f"  owner: 阿强\n  admins: [{names}, m7, 1.0, 1]\n")
    (finding,) = findings(text)
    assert finding.message == "'admins' lists \"m7\" more than once"
    assert finding.col == text.splitlines()[8].rindex(", m7,") + 3  # the second m7, not the first
