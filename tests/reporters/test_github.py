import pytest

from sqtool.diagnostics import Finding, Severity
from sqtool.reporters import default_format, render
from sqtool.reporters.github import escape_data, escape_property
from tests.reporters.samples import FINDINGS, check_golden, context


def test_golden(request):
    check_golden(request, "sample.github.txt", render("github", FINDINGS, context()))


def test_annotation_shape():
    finding = Finding("SQ001", Severity.ERROR, "bad value", "plans/a.yaml", 12, 5)
    lines = render("github", [finding], context(files=("plans/a.yaml",))).splitlines()
    assert lines[0] == "::error file=plans/a.yaml,line=12,col=5,title=SQ001::plans/a.yaml:12:5: bad value"
    assert lines[1] == "1 error, 0 warnings, 0 notes in 1 file"


@pytest.mark.parametrize(
    ("severity", "command"), [(Severity.ERROR, "error"), (Severity.WARNING, "warning"), (Severity.INFO, "notice")]
)
def test_severity_to_command(severity, command):
    out = render("github", [Finding("SQ101", severity, "m", "a.yaml")], context())
    assert out.startswith(f"::{command} file=a.yaml,")


def test_paths_are_never_prefixed_with_dot_slash():
    finding = Finding("SQ101", Severity.ERROR, "m", "./././plans/a.yaml", 2, 1)
    out = render("github", [finding], context(files=("./plans/a.yaml",)))
    assert "./" not in out
    assert out.startswith("::error file=plans/a.yaml,line=2,col=1,title=SQ101::plans/a.yaml:2:1: m")


def test_escaping_as_github_documents():
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"
    # ":" and "," are fine in the message body
    assert escape_data("a:b,c") == "a:b,c"


def test_a_message_cannot_start_a_second_command():
    finding = Finding("SQ101", Severity.WARNING, "x\n::error::injected", "we,ird:name.yaml", 3, 4, "50% then\nmore")
    out = render("github", [finding], context(files=()))
    lines = out.splitlines()
    assert len(lines) == 2  # the annotation and the summary, nothing injected
    assert lines[0] == (
        "::warning file=we%2Cird%3Aname.yaml,line=3,col=4,title=SQ101::"
        "we,ird:name.yaml:3:4: x\\x0a::error::injected%0Ahint: 50%25 then\\x0amore"
    )


def test_stdin_gets_no_file_property():
    out = render("github", [Finding("SQ000", Severity.ERROR, "not YAML", "<stdin>", 1, 1)], context(files=()))
    assert out.startswith("::error title=SQ000::<stdin>:1:1: not YAML")


def test_chinese_hint_prefix():
    out = render("github", FINDINGS, context(lang="zh"))
    assert "%0A提示: write a whole number such as 500" in out


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"GITHUB_ACTIONS": "true"}, "github"),
        ({"GITHUB_ACTIONS": "false"}, "text"),
        ({"GITHUB_ACTIONS": ""}, "text"),
        ({}, "text"),
        ({"GITLAB_CI": "true"}, "text"),
    ],
)
def test_default_format(environ, expected):
    assert default_format(environ) == expected


def test_default_format_reads_the_process_environment(monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert default_format() == "github"
    monkeypatch.delenv("GITHUB_ACTIONS")
    assert default_format() == "text"
