"""Help and usage of every command in English and Chinese, all from the catalogue (issue 3)."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from sqtool.cli import app, help_language
from sqtool.i18n import catalogue
from sqtool.messages.cli import MESSAGES
from tests.conftest import REPO, run_sqtool

CJK = re.compile(r"[\u4e00-\u9fff]")
LEAKED_KEY = re.compile(r"\bcli\.[a-z_]+\.[a-z_.]+")
CLI_SOURCE = "".join(
    (REPO / "src" / "sqtool" / name).read_text(encoding="utf-8")
    for name in ("cli.py", "cli_help.py", "cli_errors.py", "cli_pages.py")
)
COMMANDS = tuple(info.name for info in app.registered_commands)

# Runs in a fresh interpreter, because the help language is fixed when sqtool.cli is imported:
# prints every command's help page and every parameter's help text as JSON.
HELP_DUMP = """
import json, sys
sys.argv = ["sqtool", *sys.argv[1:]]
import typer
from typer.testing import CliRunner
from sqtool.cli import app
group = typer.main.get_command(app)
runner = CliRunner()
pages = {"": runner.invoke(app, ["--help"]).output}
params = {"": [p.help or "" for p in group.params if p.name != "help"]}
for name, command in group.commands.items():
    pages[name] = runner.invoke(app, [name, "--help"]).output
    params[name] = [p.help or "" for p in command.params if p.name != "help"]
print(json.dumps({"pages": pages, "params": params}))
"""


def help_dump(*argv: str, lang_env: str = "en_US.UTF-8") -> dict[str, dict]:
    environment = {"PYTHONPATH": str(REPO / "src"), "LANG": lang_env, "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", HELP_DUMP, *argv], env=environment, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def zh_by_flag() -> dict[str, dict]:
    return help_dump("--lang", "zh")


@pytest.fixture(scope="module")
def zh_by_locale() -> dict[str, dict]:
    return help_dump(lang_env="zh_CN.UTF-8")


@pytest.fixture(scope="module")
def english() -> dict[str, dict]:
    return help_dump()


def test_every_command_is_probed(english):
    assert set(english["pages"]) == {"", *COMMANDS} and len(COMMANDS) >= 9


@pytest.mark.parametrize("dump", ["zh_by_flag", "zh_by_locale"])
def test_chinese_help_leaves_no_text_in_english(dump, request):
    pages = request.getfixturevalue(dump)
    english_texts = [texts["en"] for texts in MESSAGES.values()]
    for name, page in pages["pages"].items():
        assert CJK.search(page), name
        assert not LEAKED_KEY.search(page), name
        for text in english_texts:
            first_line = text.splitlines()[0]
            if first_line != "\b":
                assert first_line not in page, (name, first_line)
        for english in ("Usage:", "Options:", "Arguments:", "Commands:", "[default:", "[required]", "Show this"):
            assert english not in page, (name, english)
        assert page.startswith("用法：sqtool") and "选项：" in page, name
    for name, helps in pages["params"].items():
        assert helps, name
        for text in helps:
            assert CJK.search(text), (name, text)


def test_english_help_is_english(english):
    for name, page in english["pages"].items():
        assert not LEAKED_KEY.search(page), name
        assert page.startswith("Usage: sqtool") and "Options:" in page and "Show this help and exit." in page
    for name, helps in english["params"].items():
        for text in helps:
            assert text and text in {m["en"] for m in MESSAGES.values()}, (name, text)


def test_top_level_list_shows_whole_summaries(english, zh_by_flag):
    for pages, lang in ((english["pages"][""], "en"), (zh_by_flag["pages"][""], "zh")):
        for name in COMMANDS:
            assert f"{name}  " in pages
            assert MESSAGES[f"cli.{name}.short"][lang] in pages, (lang, name)
        assert "..." not in pages.partition("Commands:")[2]


def test_metavars_read_as_words_and_choices(english):
    pages = english["pages"]
    everything = "\n".join(pages.values())
    assert "<str>" not in everything and "<list[str]>" not in everything and "<path>" not in everything
    assert "{FILE}" not in everything
    assert "--lang en|zh" in pages[""] and "--color auto|always|never" in pages[""]
    assert "Usage: sqtool check [OPTIONS] FILE..." in pages["check"]
    assert "Usage: sqtool init [OPTIONS] [PATH]" in pages["init"]
    assert "[default: plan.yaml]" in pages["init"] and "[required]" in pages["explain"]
    assert "--fail-on error|warning|info|never" in pages["audit"]
    assert "-o, --output FILE" in pages["validate"] and "--format, --report text|json|html" in pages["history"]


def test_subprocess_help_by_flag_and_by_locale():
    # the user's way in: the flag before the command, the equals form, and the locale
    flag = run_sqtool("--lang", "zh", "--help")
    assert flag.returncode == 0 and MESSAGES["cli.app.help"]["zh"] in flag.stdout
    equals = run_sqtool("--lang=zh", "audit", "--help")
    assert MESSAGES["cli.audit.opt.tz"]["zh"][:20] in equals.stdout
    locale = run_sqtool("check", "--help", env={"LANG": "zh_CN.UTF-8", "LC_ALL": ""})
    assert locale.returncode == 0 and "检查计划" in locale.stdout and "Check plans" not in locale.stdout
    forced = run_sqtool("--lang", "en", "check", "--help", env={"LANG": "zh_CN.UTF-8", "LC_ALL": ""})
    assert "Check plans" in forced.stdout and not CJK.search(forced.stdout.partition("Arguments:")[2])


@pytest.mark.parametrize(
    ("argv", "environ", "expected"),
    [
        (["--lang", "zh", "check"], {}, "zh"),
        (["--lang=zh", "--help"], {"LANG": "en_US.UTF-8"}, "zh"),
        (["--lang", "en"], {"LANG": "zh_CN.UTF-8"}, "en"),
        (["--color", "never", "--lang", "zh", "audit"], {}, "zh"),
        (["check", "--lang", "zh"], {}, "zh"),  # a global option after the command name counts too
        (["check", "--", "--lang", "zh"], {}, "en"),  # after -- nothing is an option
        (["--lang", "fr", "--help"], {"LANG": "zh_CN.UTF-8"}, "zh"),  # unknown: the locale decides
        (["--lang"], {"LC_ALL": "zh_TW.UTF-8"}, "zh"),
        (["--lang", "zh", "--lang=en", "rules"], {}, "en"),
        ([], {}, "en"),
    ],
)
def test_help_language(argv, environ, expected):
    assert help_language(argv, environ) == expected


def test_every_key_cli_uses_exists_in_both_languages_and_none_is_unused():
    merged = catalogue()
    used = set(re.findall(r'tr_help\("(cli\.[a-z_.]+)"\)', CLI_SOURCE))
    used |= {f"cli.{name}.{part}" for name in COMMANDS for part in ("help", "short")}
    used |= set(re.findall(r'"(cli\.bad_[a-z_]+)"', CLI_SOURCE))
    used |= set(re.findall(r'"(cli\.err\.[a-z_]+)"', CLI_SOURCE))
    used |= set(re.findall(r"tr_help\('(cli\.[a-z_.]+)'\)", CLI_SOURCE))
    used |= set(re.findall(r"\btr\(['\"](cli\.[a-z_.]+)['\"]\)", CLI_SOURCE))  # cli_pages.py
    used |= {f"cli.heading.{name}" for name in ("arguments", "options", "commands")}
    for key in used:
        assert set(merged[key]) == {"en", "zh"}, key
    assert used == set(MESSAGES), set(MESSAGES) ^ used


def test_bad_colour_is_a_usage_error_in_the_chosen_language(cli):
    result = cli("--color", "pink", "rules")
    assert result.exit_code == 2 and "auto, always or never" in result.stderr
    zh = run_sqtool("--lang", "zh", "--color", "pink", "rules")
    assert zh.returncode == 2 and "未知的颜色模式" in zh.stderr and "Traceback" not in zh.stderr
