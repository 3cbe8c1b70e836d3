"""Shared test helpers: run the CLI in-process or as a subprocess; locate ../shared."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

REPO = Path(__file__).resolve().parents[1]
# ../shared beside a checkout; a git worktree under wt/ finds it one level further up
SHARED = next(
    (folder / "shared" for folder in REPO.parents[:2] if (folder / "shared").is_dir()), REPO.parent / "shared"
)
CORPUS = SHARED / "corpus"
SEEDS = SHARED / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

needs_shared = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared is not beside this checkout")

CliInvoke = Callable[..., Result]


@pytest.fixture
def cli() -> CliInvoke:
    """Invoke sqtool in-process: ``cli("validate", "plan.yaml", input=None, env=None)``."""
    from sqtool.cli import app

    runner = CliRunner()

    def invoke(*args: str, input: str | bytes | None = None, env: Mapping[str, str] | None = None) -> Result:
        environment = {"LANG": "en_US.UTF-8", "LC_ALL": "", "NO_COLOR": "", "GITHUB_ACTIONS": ""}
        environment.update(env or {})
        return runner.invoke(app, list(args), input=input, env=environment, catch_exceptions=False)

    return invoke


def run_sqtool(
    *args: str,
    cwd: Path | None = None,
    input: str | bytes | None = None,
    env: Mapping[str, str] | None = None,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m sqtool`` in a subprocess, as a user would from a shell."""
    environment = dict(os.environ)
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "src"), environment.get("PYTHONPATH")]))
    environment.setdefault("LANG", "en_US.UTF-8")
    environment.pop("GITHUB_ACTIONS", None)
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "sqtool", *args],
        cwd=cwd,
        input=input,
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
    )


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite golden files under tests/fixtures/ from the current output instead of comparing.",
    )


_UPDATE_GOLDEN: list[bool] = [False]


def golden_text(path: Path, actual: str) -> str:
    """The golden file's text to compare ``actual`` with; with ``pytest --update-golden`` (the one way to
    update golden files) ``actual`` is written there first, atomically enough for a test run."""
    if _UPDATE_GOLDEN[0]:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="")
    assert path.is_file(), f"{path} is missing: run pytest with --update-golden and review the new file"
    return path.read_bytes().decode("utf-8")


def pytest_configure(config: pytest.Config) -> None:
    _UPDATE_GOLDEN[0] = bool(config.getoption("--update-golden"))
    # sqtool.cli picks the language of --help when it is imported: pin English for in-process tests
    # so a developer's zh locale does not change what they assert; zh help is tested in subprocesses.
    os.environ["LANG"] = "en_US.UTF-8"
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        os.environ.pop(name, None)
