"""Chinese wraps by display width, never opens a line with closing punctuation (。，、…), and never
splits an option name, in help pages, the wizard and reports (issue 16)."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from sqtool.cli_help import HELP_TEXTS
from sqtool.render.wrap import display_width, wrap
from tests.conftest import REPO

NO_LINE_START = "，。、；：！？）》」』】"
OPTION = re.compile(r"(?<![\w-])--[a-z][a-z-]*[a-z]")

# every help page at one width, in a fresh interpreter (the help language is fixed at import)
PAGES = """
import json, sys
sys.argv = ["sqtool", *sys.argv[1:]]
import typer
from typer.testing import CliRunner
from sqtool.cli import app
runner = CliRunner()
group = typer.main.get_command(app)
width = int(sys.argv.pop())
pages = {name: runner.invoke(app, [*filter(None, [name]), "--help"], terminal_width=width).output
         for name in ["", *group.commands]}
print(json.dumps(pages))
"""


def help_pages(lang: str, columns: int) -> dict[str, str]:
    environment = {"PYTHONPATH": str(REPO / "src"), "LANG": "en_US.UTF-8", "PATH": "/usr/bin:/bin"}
    environment["COLUMNS"] = str(columns)
    args = ["--lang", lang, str(columns)]
    done = subprocess.run([sys.executable, "-c", PAGES, *args], env=environment, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.parametrize("columns", [60, 80])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_help_pages_wrap_by_display_width(lang, columns):
    """No line opens with closing punctuation, every prose line fits, every option name stays whole."""
    pages = help_pages(lang, columns)
    for name, page in pages.items():
        for line in page.splitlines():
            assert not line.strip() or line.strip()[0] not in NO_LINE_START, (name, line)
            is_example = line.startswith("    sqtool") or line.startswith("  -")  # examples and option terms
            if not is_example and not re.search(r"\S{30,}", line):
                assert display_width(line) <= columns, (name, line)
        source = " ".join(texts[lang] for key, texts in HELP_TEXTS.items() if key.startswith(f"cli.{name}."))
        flat = re.sub(r"\s+", " ", page)
        for option in set(OPTION.findall(source)):
            assert option in flat, (name, option)


def test_wrap_never_opens_a_line_with_chinese_punctuation():
    """At every width, a line starts with no closing punctuation and keeps --options whole."""
    text = "用 --fail-on 设定级别，用 --select 选规则。计划（SQ000、SQ001）有问题时照样报告，除非写进 --ignore。"
    for width in range(12, 60):
        lines = wrap(text, width)
        assert all(line[:1] not in NO_LINE_START for line in lines), (width, lines)
        joined = " ".join(lines)
        assert all(option in joined for option in ("--fail-on", "--select", "--ignore")), (width, lines)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_wizard_lines_wrap_without_orphaned_punctuation(cli, tmp_path, lang):
    """The wizard's explanations (welcome, choices, problems) wrap the same way."""
    result = cli(
        "--lang", lang, "init", str(tmp_path / "plan.yaml"), "--interactive", "-p", "knowledge-course",
        input="\n" * 40, env={"COLUMNS": "50"},
    )  # fmt: skip
    assert result.exit_code == 0, result.stdout
    for line in result.stdout.splitlines():
        assert not line.strip() or line.strip()[0] not in NO_LINE_START, line
    assert "`sqtool init --resume`" in result.stdout  # a command in backticks is never split


@pytest.mark.parametrize("columns", ["80", "100"])
def test_the_chinese_audit_report_opens_no_line_with_closing_punctuation(cli, monkeypatch, columns: str) -> None:
    """The diagnoses' evidence and actions are wrapped by render/wrap.py, not by rich (which breaks
    Chinese before 。 as readily as anywhere)."""
    monkeypatch.setenv("COLUMNS", columns)
    result = cli(
        "--lang",
        "zh",
        "audit",
        str(REPO / "examples" / "demo-wechat.csv"),
        "--plan",
        str(REPO / "examples" / "plan.yaml"),
    )
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert [line for line in lines if line.strip() and line.strip()[0] in NO_LINE_START] == []
    assert max(display_width(line) for line in lines) <= int(columns)
