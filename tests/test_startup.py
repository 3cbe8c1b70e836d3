"""`sqtool` and `sqtool --help` print the top-level page without importing typer (sqtool.launch and
sqtool.cli_pages, issue 22), and that page is typer's own, byte for byte, in both languages at every
width; anything else still goes through typer."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from sqtool import cli_pages
from sqtool.cli import app
from tests.conftest import REPO, run_sqtool

WIDTHS = (20, 52, 60, 79, 80, 100, 200)

# typer's page (sqtool.cli's app in standalone mode, as `sqtool` runs it) at each width, in a fresh
# interpreter per language because the help language is fixed when sqtool.cli is imported; not through
# CliRunner, which forces a width of its own
TYPER_PAGES = """
import contextlib, io, json, os, sys
sys.argv = ["sqtool", *sys.argv[1:]]
from sqtool.cli import app
pages = {}
for width in WIDTHS:
    os.environ["COLUMNS"] = str(width)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            app(prog_name="sqtool")
        except SystemExit as done:
            assert done.code == 0, done.code
    pages[width] = out.getvalue()
print(json.dumps(pages))
""".replace("WIDTHS", repr(WIDTHS))


def typer_pages(*argv: str, lang_env: str = "en_US.UTF-8") -> dict[int, str]:
    environment = {"PYTHONPATH": str(REPO / "src"), "LANG": lang_env, "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", TYPER_PAGES, *argv], env=environment, capture_output=True, text=True, check=True
    )
    return {int(width): page for width, page in json.loads(done.stdout).items()}


@pytest.mark.parametrize(
    ("argv", "lang_env"),
    [
        (("--help",), "en_US.UTF-8"),
        (("--help",), "zh_CN.UTF-8"),
        (("--lang", "zh", "--help"), "en_US.UTF-8"),
        (("-h", "--lang=en"), "zh_CN.UTF-8"),
    ],
)
def test_the_quick_page_is_typers_page_at_every_width(
    argv: tuple[str, ...], lang_env: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = typer_pages(*argv, lang_env=lang_env)
    assert expected[60] != expected[100]  # the widths are in force: the pages are laid out differently
    monkeypatch.setenv("LANG", lang_env)
    for width, page in expected.items():
        monkeypatch.setenv("COLUMNS", str(width))
        found = cli_pages.quick_help(list(argv))
        assert found is not None
        assert found[0] + "\n" == page, f"width {width}"
        assert found[1] is False  # stdout


def test_the_page_really_is_in_the_language_asked_for() -> None:
    """Guards the comparison above against comparing two English pages."""
    assert "用法：sqtool" in cli_pages.top_help("zh", 78, ["check"]) and "选项：" in cli_pages.top_help("zh", 78, [])
    assert cli_pages.top_help("en", 78, ["check"]).startswith("Usage: sqtool [OPTIONS] COMMAND [ARGS]...")


def test_the_commands_read_from_cli_source_are_the_apps() -> None:
    """The quick page lists the commands of cli.py's ``@command("...")`` lines: exactly typer's, in order.
    A command registered any other way must be added there (or this fails)."""
    assert cli_pages.command_names() == [info.name for info in app.registered_commands]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_sqtool_help_end_to_end_matches_and_imports_no_typer(lang: str) -> None:
    script = (
        "import runpy, sys\n"
        f"sys.argv = ['sqtool', '--lang', '{lang}', '--help']\n"
        "try:\n    runpy.run_module('sqtool', run_name='__main__')\n"
        "except SystemExit as done:\n"
        "    heavy = ('typer', 'click', 'rich', 'wcwidth', 'yaml', 'jsonschema')\n"
        "    print('EXIT', done.code, sorted(m for m in heavy if m in sys.modules), file=sys.stderr)\n"
    )
    environment = {"PYTHONPATH": str(REPO / "src"), "LANG": "en_US.UTF-8", "PATH": "/usr/bin:/bin", "COLUMNS": "80"}
    done = subprocess.run([sys.executable, "-c", script], env=environment, capture_output=True, text=True, check=True)
    assert done.stderr.strip() == "EXIT 0 []"
    assert done.stdout == typer_pages("--lang", lang, "--help")[80]


EXAMPLE_PLAN = str(REPO / "examples" / "plan.yaml")


@pytest.mark.parametrize(
    "argv",
    [
        ["check", EXAMPLE_PLAN, "--today", "2026-06-01", "--select", "SQ1,SQ2", "-f", "json"],
        ["validate", EXAMPLE_PLAN],
        ["--lang", "zh", "audit", "--help"],
        ["rules", "--help"],
    ],
    ids=["check", "validate", "audit-help", "rules-help"],
)
def test_commands_start_without_the_heavy_imports(argv: list[str]) -> None:
    """A valid plan passes the generated quick test (plan/fastschema.py): neither jsonschema (0.15 s to
    import) nor fastjsonschema (0.1 s, and as long again to compile the schema) is loaded; and options
    of text, flags and lists of text skip typer's conversion, so pydantic (0.1 s to import, more to
    build its adapters) is not loaded either (cli_help._process). If a typer release makes this fail,
    see whether _unconverted still reads its parameters (tests/test_cli_values.py compares the values)."""
    script = (
        "import runpy, sys\n"
        f"sys.argv = ['sqtool', *{argv!r}]\n"
        "try:\n    runpy.run_module('sqtool', run_name='__main__')\n"
        "except SystemExit as done:\n"
        "    heavy = ('jsonschema', 'fastjsonschema', 'pydantic')\n"
        "    print('EXIT', done.code, sorted(m for m in heavy if m in sys.modules), file=sys.stderr)\n"
    )
    environment = {"PYTHONPATH": str(REPO / "src"), "LANG": "en_US.UTF-8", "PATH": "/usr/bin:/bin", "COLUMNS": "80"}
    done = subprocess.run([sys.executable, "-c", script], env=environment, capture_output=True, text=True, check=True)
    assert done.stderr.strip() == "EXIT 0 []", done.stderr
    assert done.stdout.strip()


@pytest.mark.parametrize("lang_env", ["en_US.UTF-8", "zh_CN.UTF-8"])
def test_sqtool_alone_prints_the_page_on_stderr_and_exits_2_like_typer(lang_env: str) -> None:
    quick = run_sqtool(env={"LANG": lang_env, "COLUMNS": "70"})
    environment = {"LANG": lang_env, "COLUMNS": "70"}
    typer = subprocess.run(
        [sys.executable, "-c", "import sys; sys.argv = ['sqtool']; from sqtool.cli import main; main()"],
        env={"PYTHONPATH": str(REPO / "src"), "PATH": "/usr/bin:/bin", **environment},
        capture_output=True,
        text=True,
    )
    assert (quick.returncode, quick.stdout, quick.stderr) == (typer.returncode, typer.stdout, typer.stderr)
    assert quick.returncode == 2 and quick.stderr.startswith(("Usage:", "用法："))


@pytest.mark.parametrize(
    "argv",
    [
        ["--lang", "zh"],  # no command: typer's usage error
        ["--lang", "fr", "--help"],
        ["--quiet", "--help"],
        ["--help", "--help"],
        ["check", "--help"],
        ["--version"],
        ["--lang", "zh", "--lang", "en", "--help"],
    ],
)
def test_anything_but_the_plain_page_goes_through_typer(argv: list[str]) -> None:
    assert cli_pages.quick_help(argv) is None


def test_a_shell_asking_for_completions_is_answered_by_typer() -> None:
    """With _SQTOOL_COMPLETE set, `sqtool` (no arguments) completes commands, it does not print help."""
    done = run_sqtool(env={"_SQTOOL_COMPLETE": "complete_bash", "COMP_WORDS": "sqtool ch", "COMP_CWORD": "1"})
    assert done.stdout.split() == ["check"] and done.returncode == 0


def test_terminal_columns_is_shutils(monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    for columns in ("", "0", "x", "37", "120"):
        monkeypatch.setenv("COLUMNS", columns)
        assert cli_pages.terminal_columns() == shutil.get_terminal_size().columns


@pytest.mark.parametrize(("argv", "stream", "code"), [(["--help"], "stdout", 0), ([], "stderr", 2)])
def test_a_closed_stream_gets_nothing_and_the_same_exit_code(
    argv: list[str], stream: str, code: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As click's echo does when the shell closed the stream (`sqtool --help >&-`): no traceback."""
    from sqtool import launch

    monkeypatch.setattr(sys, "argv", ["sqtool", *argv])
    monkeypatch.setattr(sys, stream, None)
    with pytest.raises(SystemExit) as done:
        launch.main()
    assert done.value.code == code
