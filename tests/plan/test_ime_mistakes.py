"""Punctuation typed with a Chinese input method gets a message of its own at the line and column where
it was typed (issue 16): '：' after a key and '　' before one are load errors (SQ000), '，' in a flow list
is warning SQ002 with the fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sqtool.plan import ime
from sqtool.plan.ime import flow_comma_mistakes, key_mistakes

COLON = "version: 1\ncommunity:\n  name：晨读营\n  platform: wechat\n"
COLON_LAST = "version: 1\ncommunity:\n  name：晨读营\n"  # YAML reads it as text: no syntax error at all
SPACE = "version: 1\ncommunity:\n\u3000name: 晨读营\n  platform: wechat\n"
COMMA = "version: 1\nroles:\n  owner: 林老师\n  admins: [小美，小雨]\n"
FINE = (
    "version: 1\ncommunity:\n  name: 晨读营\n  slogan:\n    text: 目标：一年五十本书\n"
    "x-notes: |\n  note：a line of text\n  admins: [a，b]\n"
)

EXPECTED = {
    "en": {
        "colon": "3:7: error[SQ000]: a full-width colon '：' here: YAML needs ':' followed by a space",
        "space": "3:1: error[SQ000]: a full-width space '　' here: YAML indents with ordinary spaces only",
        "comma": "4:14: warning[SQ002]: a full-width comma '，' in a list: YAML reads one item '小美，小雨'",
        "comma_hint": "separate the items with ',': 小美, 小雨",
    },
    "zh": {
        "colon": "3:7: 错误[SQ000]: 这里是全角冒号“：”，YAML 的键后面要用半角冒号“:”再加一个空格",
        "space": "3:1: 错误[SQ000]: 这里有一个全角空格“　”，YAML 只能用半角空格缩进",
        "comma": "4:14: 警告[SQ002]: 列表里用了全角逗号“，”，YAML 会把“小美，小雨”读成一项",
        "comma_hint": "请改用半角逗号分隔：小美, 小雨",
    },
}


def _plan(tmp_path: Path, text: str) -> str:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("text", "kind"), [(COLON, "colon"), (COLON_LAST, "colon"), (SPACE, "space")])
def test_key_typed_with_an_ime_is_named_where_it_was_typed(cli, tmp_path, lang, text, kind):
    """The error points at the full-width character itself, not at a generic YAML error a line later."""
    path = _plan(tmp_path, text)
    for command in (("check",), ("validate",)):
        result = cli("--lang", lang, *command, path)
        assert result.exit_code == 1
        first = result.stdout.splitlines()[0]
        assert first == f"{path}:{EXPECTED[lang][kind]}", result.stdout


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_full_width_comma_in_a_flow_list_is_a_warning_with_the_fix(cli, tmp_path, lang):
    path = _plan(tmp_path, COMMA)
    result = cli("--lang", lang, "check", path, "--select", "SQ002", "--ignore", "SQ001")
    assert result.exit_code == 0  # a warning does not fail by default
    assert f"{path}:{EXPECTED[lang]['comma']}" in result.stdout
    assert EXPECTED[lang]["comma_hint"] in result.stdout


def test_chinese_text_with_full_width_punctuation_is_left_alone():
    """A value with '：', a block scalar's lines and a quoted name with '，' are no mistakes."""
    assert key_mistakes(FINE) == []
    assert flow_comma_mistakes(FINE) == []
    assert flow_comma_mistakes('admins: ["小美，小雨"]\n') == []
    assert key_mistakes("# 备注：name：x\n") == []


def test_positions_of_each_mistake():
    assert [(m.kind, m.line, m.col) for m in key_mistakes("a: 1\n- name：x\n  b: 2\n")] == [("colon", 2, 7)]
    found = flow_comma_mistakes("tags: [a, b，c, d，e]\n")
    assert [(m.line, m.col, m.text) for m in found] == [(1, 12, "b，c"), (1, 17, "d，e")]


IME_TEXT = st.lists(
    st.sampled_from(["name", "：", "\u3000", " ", "- ", "[", "]", "，", ",", "\n", "#", "|", "a", "小美", ":", "'"]),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=IME_TEXT)
def test_the_whole_text_pre_checks_skip_only_texts_without_mistakes(text: str) -> None:
    """key_mistakes and flow_comma_mistakes first ask one regex over the whole text whether any line
    could hold a mistake; with that pre-check made always true they must find the same."""
    import re

    from sqtool.plan import ime

    quick = (ime.key_mistakes(text), ime.flow_comma_mistakes(text))
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(ime, "_ANY_KEY_MISTAKE", re.compile(""))
        monkeypatch.setattr(ime, "_COMMA_IN_BRACKETS", re.compile(""))
        assert (ime.key_mistakes(text), ime.flow_comma_mistakes(text)) == quick


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=["a", "_", " ", "-", ":", "：", "\u3000", "\n", "说", "1", "#"], max_size=24))
def test_the_line_by_line_prefilter_agrees_with_the_whole_text_search(text: str) -> None:
    """key_mistakes tries only lines holding a full-width colon or space (ime._any_key_mistake); it must
    answer what one search of _ANY_KEY_MISTAKE over the whole text answers."""
    assert ime._any_key_mistake(text) is (ime._ANY_KEY_MISTAKE.search(text) is not None)
