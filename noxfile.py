"""Run the test suite on every Python sqtool supports that this machine has: ``nox`` (all), or
``nox -s tests-3.12 -- -m "not slow"`` for one interpreter and a subset (.ci/run does that for 3.12
and 3.13; the README's test command covers 3.11).

Interpreters are found on PATH; pyenv's shims answer only for the versions pyenv has selected, so
every installed pyenv version is selected for the run. Missing interpreters are skipped, not failed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import nox

PYTHONS = ["3.11", "3.12", "3.13"]

nox.options.sessions = ["tests"]
nox.options.error_on_missing_interpreters = False
nox.options.download_python = "never"  # test the interpreters the machine has, never fetch one
nox.options.default_venv_backend = "venv"
# The environments live outside the checkout: tests read the checkout's own files (the seed-copy check
# walks every text file), and a virtualenv in it would be read too. SQTOOL_NOX_ENVDIR overrides.
_checkout = Path(__file__).resolve().parent
nox.options.envdir = os.environ.get("SQTOOL_NOX_ENVDIR") or str(
    Path(tempfile.gettempdir()) / f"sqtool-nox-{hashlib.sha256(str(_checkout).encode()).hexdigest()[:10]}"
)


def _select_pyenv_versions() -> None:
    """Let pyenv's python3.X shims run every installed 3.X (they refuse versions not selected)."""
    pyenv = shutil.which("pyenv")
    if pyenv is None or os.environ.get("PYENV_VERSION"):
        return
    listed = subprocess.run([pyenv, "versions", "--bare"], capture_output=True, text=True, check=False).stdout
    versions = [line.strip() for line in listed.splitlines() if line.strip()[:4] in {"3.11", "3.12", "3.13"}]
    if versions:
        os.environ["PYENV_VERSION"] = ":".join(sorted(versions))


_select_pyenv_versions()


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """The whole suite (or the pytest arguments after --) on one interpreter, two workers."""
    session.install("-q", "-e", ".[test]")
    session.run("python", "-m", "pytest", "-n", "2", "-q", *session.posargs)
