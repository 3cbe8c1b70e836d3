import pytest

from sqtool.errors import SqtoolError
from sqtool.i18n import Translator
from sqtool.reporters import FORMATS, ReportContext, clean_path, format_help, render


def test_the_six_formats_are_registered():
    assert list(FORMATS) == ["text", "json", "github", "gitlab", "sarif", "junit"]


def test_every_format_renders_a_clean_run():
    for name in FORMATS:
        assert render(name, [], ReportContext("1.0", files=("a.yaml",))).endswith("\n")


def test_unknown_format_is_a_usage_error_naming_the_choices():
    with pytest.raises(SqtoolError) as caught:
        render("sarif2", [], ReportContext("1.0"))
    error = caught.value
    message = Translator("en")(error.key, **error.args_for_message)
    assert message == "unknown output format 'sarif2'; the formats are: text, json, github, gitlab, sarif, junit"
    assert "--format" in Translator("zh")(error.hint, **error.args_for_message)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_format_help_describes_every_format(lang):
    lines = format_help(lang).splitlines()
    assert [line.split(":", 1)[0] for line in lines] == list(FORMATS)
    assert all(len(line.split(":", 1)[1].strip()) > 10 for line in lines)


@pytest.mark.parametrize(
    ("path", "expected"),
    [("./a.yaml", "a.yaml"), ("././p/a.yaml", "p/a.yaml"), ("a.yaml", "a.yaml"), ("./", "./"), ("<stdin>", "<stdin>")],
)
def test_clean_path(path, expected):
    assert clean_path(path) == expected
