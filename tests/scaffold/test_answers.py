"""The question table: reading typed answers, the checks between answers, and keeping the plan consistent."""

from __future__ import annotations

import pytest

from sqtool.scaffold.answers import (
    QUESTIONS,
    QUESTIONS_BY_KEY,
    AnswerProblem,
    apply,
    check,
    choices_for,
    ordered,
    read_typed,
    rename_people,
)
from sqtool.scaffold.keypath import enum_at, get_value, is_known, parse_key_path, set_value
from sqtool.scaffold.playbooks import load_playbook

Q = QUESTIONS_BY_KEY


def plan():
    return load_playbook("knowledge-course").plan()


def problem_of(key, value, data):
    with pytest.raises(AnswerProblem) as caught:
        check(Q[key], value, data)
    return caught.value.key


def test_every_stored_question_is_a_schema_field():
    for question in QUESTIONS:
        if question.stored:
            assert is_known(question.pointer), question.key


def test_choices_come_from_the_schema():
    assert choices_for(Q["community.platform"]) == enum_at(("community", "platform"))
    assert "none" in choices_for(Q["monetization.purposes"])
    assert choices_for(Q["value_output.0.cadence"])[0] == "daily"


def test_key_paths():
    assert parse_key_path("value_output.0.time") == ("value_output", 0, "time")
    with pytest.raises(ValueError):
        parse_key_path("roles..owner")
    data: dict = {}
    set_value(data, ("rituals", 1, "host"), "阿杰")
    assert data == {"rituals": [{}, {"host": "阿杰"}]}
    assert get_value(data, ("rituals", 1, "host")) == "阿杰"
    assert get_value(data, ("rituals", 5, "host"), "none") == "none"
    assert is_known(("x-anything", "deep")) and is_known(("roles", "admins", 3))
    assert not is_known(("community", "nmae"))


def test_typed_answers():
    assert read_typed(Q["roles.admins"], "小林，阿杰、 Mia ,") == ["小林", "阿杰", "Mia"]
    assert read_typed(Q["community.platform"], "4") == "discord"
    assert read_typed(Q["members.target_size"], " 300 ") == 300
    assert read_typed(Q["rules.entry.fee.amount"], "99.5") == 99.5
    with pytest.raises(AnswerProblem):
        read_typed(Q["members.target_size"], "many")


def test_checks_between_answers():
    data = plan()
    assert problem_of("members.target_size", 600, data) == "scaffold.err.over_capacity"
    assert problem_of("roles.opinion_leaders", ["陈姐"], data) == "scaffold.err.too_few_leaders"
    assert problem_of("roles.admins", [], data) == "scaffold.err.no_admins"
    assert problem_of("community.platform", "wexin", data) == "scaffold.err.choice"
    assert problem_of("value_output.0.time", "25:00", data) == "scaffold.err.time"
    assert problem_of("roles.admins", ["小林", "小林"], data) == "scaffold.err.duplicate"
    # the first value output of this playbook is daily: its backup must be someone else
    assert problem_of("value_output.0.backup", data["value_output"][0]["owner"], data) == "scaffold.err.backup_needed"
    check(Q["members.target_size"], 500, data)
    check(Q["value_output.0.time"], "20:30-22:00", data)


def test_new_platform_brings_its_capacity_and_expansion_fits():
    data = load_playbook("open-source").plan()
    apply(data, Q["community.platform"], "wechat")
    assert data["community"]["capacity"] == 500
    assert data["growth"]["ab_expansion"]["trigger_size"] < 500
    assert data["members"]["target_size"] == 500  # the Discord-sized target no longer fits
    apply(data, Q["community.platform"], "slack")
    assert "capacity" not in data["community"]


def test_leaving_paid_entry_drops_the_fee_and_back_again_asks_for_it():
    data = plan()
    apply(data, Q["rules.entry.threshold"], "open")
    assert "fee" not in data["rules"]["entry"]
    apply(data, Q["rules.entry.threshold"], "paid")
    assert data["rules"]["entry"]["fee"] == {"currency": "CNY", "period": "year"}


def test_renaming_people_follows_them_everywhere():
    data = plan()
    apply(data, Q["roles.owner"], "周老师")
    apply(data, Q["roles.admins"], ["小林"])
    assert data["roles"]["red_packet_giver"] == ["周老师"]
    assert data["value_output"][0] == {**data["value_output"][0], "owner": "周老师", "backup": "小林"}
    hosts = {ritual["host"] for ritual in data["rituals"]}
    assert hosts == {"小林"}  # both placeholder admins folded into the one admin given
    assert data["roles"]["organizer"] == ["小林"]


def test_rename_folds_duplicates():
    data = {"roles": {"spreader": ["a", "b"]}}
    rename_people(data, {"a": "c", "b": "c"})
    assert data["roles"]["spreader"] == ["c"]


def test_question_keys_are_applied_in_question_order():
    assert ordered(["x-note", "roles.opinion_leaders", "members.target_size"]) == [
        "members.target_size",
        "roles.opinion_leaders",
        "x-note",
    ]


def test_renamed_output_keeps_its_chat_keyword_in_step():
    data = plan()
    assert data["value_output"][0]["keywords"] == ["【每日案例短课】"]
    apply(data, Q["value_output.0.name"], "每日案例拆解")
    assert data["value_output"][0]["keywords"] == ["【每日案例拆解】"]
    data["value_output"][0]["keywords"] = ["#daily"]
    apply(data, Q["value_output.0.name"], "Daily case")
    assert data["value_output"][0]["keywords"] == ["#daily"]  # a keyword of the user's own is kept


def test_schema_paths_resolve_absolute_refs_too():
    schema = {
        "$id": "https://example.org/s.json",
        "properties": {"fee": {"$ref": "https://example.org/s.json#/$defs/money"}},
        "$defs": {"money": {"type": "object", "properties": {"amount": {"type": "number"}}}},
    }
    assert is_known(("fee", "amount"), schema)
    assert not is_known(("fee", "cents"), schema)


def test_people_may_be_a_count_until_names_are_known():
    data = plan()
    assert read_typed(Q["roles.opinion_leaders"], "5") == 5
    check(Q["roles.opinion_leaders"], 5, data)
    assert problem_of("roles.opinion_leaders", 4, data) == "scaffold.err.too_few_leaders"
    assert problem_of("roles.admins", 0, data) == "scaffold.err.no_admins"
    apply(data, Q["roles.admins"], 2)
    assert data["roles"]["admins"] == 2
