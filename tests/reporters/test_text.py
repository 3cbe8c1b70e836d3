import re

from sqtool.diagnostics import Finding, Severity
from sqtool.reporters import render
from tests.reporters.samples import FINDINGS, check_golden, context

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def test_golden_english(request):
    check_golden(request, "sample.text.en.txt", render("text", FINDINGS, context()))


def test_golden_chinese(request):
    check_golden(request, "sample.text.zh.txt", render("text", FINDINGS, context(lang="zh")))


def test_line_format_hint_and_summary():
    lines = render("text", FINDINGS, context()).splitlines()
    assert lines[0] == "plans/b,c.yaml:1:1: info[SQ504]: no offline interaction planned: 0% of rituals meet in person"
    # within a file: the error before the warning (fix-first), each followed by its hint
    assert lines[1] == "plans/私域 增长.yaml:9:16: error[SQ001]: 'target_size' must be an integer, got \"five hundred\""
    assert lines[2] == "  hint: write a whole number such as 500"
    assert lines[3].startswith("plans/私域 增长.yaml:14:3: warning[SQ201]: needs 5 opinion leaders")
    assert lines[-1] == "1 error, 1 warning, 1 note in 3 files"


def test_chinese_labels_and_summary():
    text = render("text", FINDINGS, context(lang="zh"))
    assert "plans/私域 增长.yaml:9:16: 错误[SQ001]:" in text
    assert "警告[SQ201]" in text and "提示[SQ504]" in text
    assert "  提示: write a whole number such as 500" in text
    assert text.splitlines()[-1] == "3 个文件中共有 1 个错误、1 个警告和 1 条提示"


def test_clean_run_says_so_in_both_languages():
    assert render("text", [], context()).strip() == "all clear: no findings in 3 files"
    assert render("text", [], context(lang="zh")).strip() == "全部通过：3 个文件都没有问题"


def test_summary_counts_files_with_findings_even_if_not_listed():
    finding = Finding("SQ101", Severity.ERROR, "m", "other.yaml")
    assert render("text", [finding], context(files=())).splitlines()[-1].endswith("in 1 file")
    assert render("text", [finding], context()).splitlines()[-1].endswith("in 4 files")


def test_no_colour_unless_asked():
    plain = render("text", FINDINGS, context(color=False))
    assert "\x1b" not in plain
    coloured = render("text", FINDINGS, context(color=True))
    assert "\x1b[" in coloured
    assert "\x1b[1;31m" in coloured  # errors in bold red
    # colour changes the look, never the words
    assert ANSI.sub("", coloured) == plain


def test_hostile_text_stays_on_one_line_and_cannot_drive_the_terminal():
    finding = Finding(
        "SQ101", Severity.ERROR, "evil\x1b[2J\nfake.yaml:1:1: error[SQ000]: \u202egnp.exe\x07", "a.yaml", 2, 3, "x\ry"
    )
    out = render("text", [finding], context(files=("a.yaml",)))
    lines = out.splitlines()
    assert len(lines) == 3
    assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out and "\r" not in out
    assert lines[0] == r"a.yaml:2:3: error[SQ101]: evil\x1b[2J\x0afake.yaml:1:1: error[SQ000]: \u202egnp.exe\x07"
    assert lines[1] == r"  hint: x\x0dy"


def test_the_context_decides_not_the_environment(monkeypatch):
    # the command has already weighed --color, NO_COLOR and the terminal: the reporter obeys it
    for name, value in {"NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "20"}.items():
        monkeypatch.setenv(name, value)
    long = Finding("SQ101", Severity.ERROR, "word " * 60, "a.yaml", 1, 1, "more " * 60)
    coloured = render("text", [long], context(color=True))
    assert "\x1b[1;31m" in coloured
    assert len(coloured.splitlines()) == 3  # never wrapped, whatever the terminal width
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b" not in render("text", [long], context(color=False))
