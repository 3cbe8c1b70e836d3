from sqtool import __version__
from tests.conftest import run_sqtool


def test_version(cli):
    result = cli("--version")
    assert result.exit_code == 0
    version, backend = result.stdout.strip().splitlines()
    assert version == f"sqtool {__version__}"
    assert backend.startswith("backend: ")  # which readers run: tests/native/test_backend.py


def test_help_lists_global_options(cli):
    result = cli("--help")
    assert result.exit_code == 0
    for option in ("--lang", "--color", "--no-color", "--quiet", "--version"):
        assert option in result.stdout


def test_unknown_language_is_a_usage_error(cli):
    result = cli("--lang", "fr", "--version")
    # --version is eager and exits first; a real command is needed to see --lang checked
    assert result.exit_code == 0
    result = run_sqtool("--lang", "fr", "nonexistent-command")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_python_dash_m_runs():
    result = run_sqtool("--version")
    assert result.returncode == 0, result.stderr
    assert __version__ in result.stdout


def test_a_closed_pipe_ends_quietly():
    import subprocess
    import sys

    from tests.conftest import REPO

    # `true` exits before sqtool writes, so the write meets a closed pipe
    command = f"{sys.executable} -m sqtool rules | true"
    result = subprocess.run(
        ["bash", "-c", command], capture_output=True, text=True, env={"PYTHONPATH": str(REPO / "src"), "LANG": "C"}
    )
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
