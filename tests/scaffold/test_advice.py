"""Name ideas per naming method (004) and the wizard's SQ104/SQ105 warnings, taken from the rules."""

from __future__ import annotations

from sqtool.scaffold.advice import guess_topic, name_advice, name_ideas, slogan_advice


def test_topic_guess_drops_the_kind_of_gathering():
    assert guess_topic("产品经理实战研习社") == "产品经理实战"
    assert guess_topic("周末城市徒步会") == "周末城市徒步"
    assert guess_topic("Tidewater Builders") == "Tidewater"
    assert guess_topic("社") == "社"


def test_ideas_follow_the_method_and_the_language_of_the_answers():
    assert "周老师读书会" in name_ideas("founder", "私域增长", "周老师")
    assert all("咖啡" in idea for idea in name_ideas("hobby", "咖啡", ""))
    assert name_ideas("product", "Tidewater", "Ana")[0] == "Tidewater Insiders"
    assert name_ideas("combined", "咖啡", "") == []  # needs both a founder and a topic
    assert name_ideas("unknown-method", "咖啡", "周老师") == []


def test_generic_names_and_long_slogans_warn_with_the_rule_ids():
    assert [advice.rule_id for advice in name_advice("全国程序员交流群")] == ["SQ105"]
    assert name_advice("私域增长研习社") == []
    long = slogan_advice("我们一起每天学习一点点进步一点点最后成为更好的自己")
    assert [advice.rule_id for advice in long] == ["SQ104"]
    assert long[0].args["length"] > long[0].args["limit"]
    assert slogan_advice("每周一课，少走弯路") == []


def test_ideas_do_not_repeat_the_owner_inside_the_topic():
    assert name_ideas("combined", "阿果鲜果吃货", "阿果")[0] == "阿果的鲜果吃货研习社"


def test_choice_labels_prefer_the_field_specific_one():
    from sqtool.i18n import Translator
    from sqtool.scaffold.wizard import label

    tr = Translator("zh")  # in Chinese the label alone, never the raw English key
    assert label("product", tr, "naming_method") == "从核心产品延伸"
    assert label("product", tr, "category") == "产品类"
    assert label("telegram", tr) == "Telegram群"
    assert label("mastodon", tr) == "mastodon"  # no label: the value as written
    english = Translator("en")
    assert label("product", english, "naming_method") == "product (after the core product)"
    assert label("invite", english) == "invite (by invitation)"
