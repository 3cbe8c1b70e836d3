"""Usage errors come from sqtool's catalogue in the chosen language, naming the option; the global
options work after the command name too (issue 16)."""

from __future__ import annotations

import re

import pytest

from sqtool.cli_errors import global_options_first
from tests.conftest import run_sqtool

CJK = re.compile(r"[\u4e00-\u9fff]")
ENGLISH_CLICK = (
    "No such option",
    "Missing argument",
    "for help.",
    "Invalid value",
    "Input should be",
    "Got unexpected",
    "Missing command",
)

# (arguments, what the English message says, what the Chinese one says)
CASES = [
    (["check", "--nope", "plan.yaml"], ["no such option: --nope"], ["没有 --nope 这个选项"]),
    (["check"], ["missing argument FILE"], ["缺少参数 FILE"]),
    (["chek"], ["no such command 'chek'", "Did you mean check"], ["没有 'chek' 这个命令", "你是不是想用 check"]),
    (
        ["audit", "x.txt", "--members", "abc"],
        ["--members needs a whole number", "'abc'"],
        ["--members 需要一个整数", "'abc'"],
    ),
    (["audit", "x.txt", "--top", "1.5"], ["--top needs a whole number"], ["--top 需要一个整数"]),
    (
        ["audit", "x.txt", "--response-cutoff", "soon"],
        ["--response-cutoff needs a number"],
        ["--response-cutoff 需要数字"],
    ),
    (["audit", "x.txt", "--report"], ["option --report needs a value"], ["选项 --report 后面要跟一个值"]),
    (["check", "p.yaml", "--format", "pdf"], ["--format takes one of text, json"], ["--format 只能取 text, json"]),
    (["rules", "extra"], ["unexpected extra argument(s): extra"], ["多出了参数：extra"]),
    (["-q"], ["a command is missing, e.g. sqtool audit FILE"], ["缺少命令，例如 sqtool audit 文件"]),
]


@pytest.mark.parametrize(("args", "english", "chinese"), CASES, ids=[" ".join(case[0]) for case in CASES])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_usage_error_in_the_chosen_language(lang, args, english, chinese):
    """Each usage and conversion error is sqtool's sentence in --lang, exit 2, with the option's name."""
    result = run_sqtool("--lang", lang, *args)
    assert result.returncode == 2, result.stderr
    for piece in english if lang == "en" else chinese:
        assert piece in result.stderr, result.stderr
    for english_only in ENGLISH_CLICK:  # click's own words (its help hint reads the same in English)
        assert english_only not in result.stderr or (lang == "en" and english_only == "for help."), result.stderr
    assert bool(CJK.search(result.stderr)) == (lang == "zh")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_usage_line_and_help_hint_in_the_chosen_language(lang):
    """The usage line and the "how to get help" line follow --lang as well, even given after the command."""
    result = run_sqtool("check", "--nope", "--lang", lang)
    assert result.returncode == 2
    if lang == "zh":
        assert "用法：sqtool check" in result.stderr and "运行 'sqtool check -h' 查看帮助。" in result.stderr
    else:
        assert "Usage: sqtool check" in result.stderr and "Try 'sqtool check -h' for help." in result.stderr


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_global_options_after_the_command(tmp_path, lang):
    """--lang, -q, --no-color and --color work after the command name as they do before it."""
    plan = tmp_path / "broken.yaml"
    plan.write_text("community: [\n", encoding="utf-8")
    before = run_sqtool("--lang", lang, "-q", "--no-color", "check", str(plan))
    after = run_sqtool("check", str(plan), "--lang", lang, "-q", "--no-color")
    assert after.returncode == before.returncode == 1  # a YAML error is a finding
    assert after.stdout == before.stdout and after.stderr == before.stderr
    assert bool(CJK.search(after.stdout + after.stderr)) == (lang == "zh")
    colored = run_sqtool("check", str(plan), f"--lang={lang}", "--color", "always")
    assert colored.returncode == 1 and "\x1b[" in colored.stdout and "\x1b[" not in after.stdout
    wrong = run_sqtool("rules", "--lang", lang, "--color", "pink")
    assert wrong.returncode == 2 and ("未知的颜色模式" in wrong.stderr) == (lang == "zh")


def test_help_after_the_command_follows_lang_after_it():
    """`sqtool check -h --lang zh` shows the Chinese help page."""
    result = run_sqtool("check", "-h", "--lang", "zh")
    assert result.returncode == 0 and "用法：sqtool check" in result.stdout


def test_global_options_first_keeps_option_values_and_what_follows_double_dash():
    """A command option's value that looks like a global option stays that option's value; -- ends moving."""

    def takes_value(command: str, option: str) -> bool:
        return option in ("--exclude", "-o")

    assert global_options_first(["check", "a.yaml", "--lang", "zh", "-q"], takes_value) == [
        "--lang",
        "zh",
        "-q",
        "check",
        "a.yaml",
    ]
    assert global_options_first(["audit", "x", "--exclude", "-q"], takes_value) == ["audit", "x", "--exclude", "-q"]
    assert global_options_first(["audit", "--", "--lang", "zh"], takes_value) == ["audit", "--", "--lang", "zh"]
    assert global_options_first(["--color", "never", "rules", "--lang=zh"], takes_value) == [
        "--color",
        "never",
        "--lang=zh",
        "rules",
    ]
