"""CJK-aware wrapping and tables measured in display columns (sqtool.render.wrap)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from wcwidth import wcswidth

from sqtool.render.wrap import _NO_LINE_START, _tokens, display_width, fill, table, terminal_width, wrap

ZH = "文章 002（自检二）认为没有意见领袖的群容易散，并用 1-9-90 比例估算人数：一位领袖带动九位参与者、九十位旁观者。"


def test_display_width_counts_wide_characters_twice() -> None:
    assert display_width("群主") == 4
    assert display_width("a群") == 3
    assert display_width("a\x1bb") == 2  # control characters take no column


def test_chinese_prose_wraps_within_the_width_and_keeps_every_character() -> None:
    lines = wrap(ZH, 20)
    assert len(lines) > 1
    assert all(display_width(line) <= 20 for line in lines)
    assert "".join(lines).replace(" ", "") == ZH.replace(" ", "")


def test_no_line_starts_with_closing_punctuation_or_ends_with_an_opening_one() -> None:
    text = "打造品牌、维护客户关系、销售产品、提供服务（线下分会）、聚集兴趣。"
    for width in range(6, 30):
        for line in wrap(text, width):
            assert line[0] not in "、，。）", (width, line)
            assert line[-1] != "（", (width, line)


def test_english_wraps_at_spaces_and_keeps_long_words_whole() -> None:
    lines = wrap("see docs/a-very-long-path/that-cannot-break.md for more", 12)
    assert "docs/a-very-long-path/that-cannot-break.md" in lines
    assert all(" " not in line or display_width(line) <= 12 for line in lines)


def test_indents_count_toward_the_width() -> None:
    assert fill("one two three four", 10, indent="  ", subsequent_indent="    ") == "  one two\n    three\n    four"


@pytest.mark.parametrize(("columns", "expected"), [("40", 60), ("80", 80), ("250", 100)])
def test_terminal_width_is_clamped(monkeypatch: pytest.MonkeyPatch, columns: str, expected: int) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    assert terminal_width() == expected


def test_table_wraps_one_column_to_fit_and_aligns_by_display_width() -> None:
    rows = [["SQ201", "警告", "意见领袖比例：每 100 名成员至少一位意见领袖，并且要写清楚是谁"], ["SQ1", "错误", "短"]]
    text = table(["规则", "级别", "检查内容"], rows, width=40, wrap_columns=[2])
    lines = text.splitlines()
    assert all(wcswidth(line) <= 40 for line in lines)
    starts = {wcswidth(line[: line.index(level)]) for line in lines for level in ("警告", "错误") if level in line}
    assert len(starts) == 1  # the level column starts at the same display column on every row


words = st.text(alphabet="ab群主、，。（）a-z", min_size=1, max_size=12)


@given(st.lists(words, min_size=1, max_size=20), st.integers(min_value=14, max_value=40))
def test_wrapped_lines_fit_unless_one_piece_is_wider(pieces: list[str], width: int) -> None:
    lines = wrap(" ".join(pieces), width)
    for number, line in enumerate(lines):
        assert display_width(line) <= width or len(_tokens(line)) == 1
        assert number == 0 or line[0] not in _NO_LINE_START


def test_a_command_in_backticks_stays_on_one_line() -> None:
    lines = wrap("start a plan from one with `sqtool init --playbook NAME`。", 30)
    assert "`sqtool init --playbook NAME`。" in lines


def _wcwidth_display_width(text: str) -> int:
    """What display_width gave before its table: wcwidth alone."""
    from wcwidth import wcswidth, wcwidth

    width = wcswidth(text)
    return width if width >= 0 else sum(max(0, wcwidth(character)) for character in text)


def test_the_table_of_known_widths_agrees_with_wcwidth() -> None:
    """Every character display_width measures without wcwidth has wcwidth's width (help pages use it)."""
    from wcwidth import wcwidth

    from sqtool.render import wrap

    known = [chr(code) for code in range(0x80)] + sorted(wrap._NARROW_PUNCTUATION)
    known += [chr(code) for low, high in wrap._WIDE_RANGES for code in range(low, high + 1)]
    for character in known:
        assert wrap._known_width(character) is not None, hex(ord(character))
        assert display_width(character) == _wcwidth_display_width(character), hex(ord(character))
        assert wrap._is_wide(character) == (wcwidth(character) == 2), hex(ord(character))


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(
        alphabet=st.sampled_from(
            [
                *"a Z~\t\n\x00\x1b\x7f",
                "中",
                "文",
                "，",
                "。",
                "“",
                "—",
                "…",
                "\u3000",
                "é",
                "😀",
                "\ufe0f",
                "\u200d",
                "ｱ",
            ]
        ),
        max_size=30,
    )
)
def test_display_width_is_wcwidths_with_or_without_the_table(text: str) -> None:
    assert display_width(text) == _wcwidth_display_width(text)


def test_the_help_catalogue_is_measured_without_wcwidth() -> None:
    """Every character of the command line's help texts is in the table, so `sqtool --help` never
    imports wcwidth (tests/test_startup.py checks the imports of the real command)."""
    from sqtool.messages.cli import MESSAGES
    from sqtool.render import wrap

    for key, texts in MESSAGES.items():
        for text in texts.values():
            assert wrap._known_width(text) is not None, key
