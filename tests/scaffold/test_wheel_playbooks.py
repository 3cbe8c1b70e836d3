"""An installed wheel lists its bundled playbooks and writes a plan from one, outside any checkout."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from sqtool.scaffold.playbooks import playbook_names
from tests.conftest import REPO


@pytest.mark.slow
def test_installed_copy_lists_playbooks_and_inits_a_plan(tmp_path):
    build = [sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "--no-build-isolation", "-q"]
    subprocess.run([*build, "-w", str(tmp_path)], check=True, capture_output=True, timeout=300)
    (wheel,) = tmp_path.glob("sqtool-*.whl")
    target = tmp_path / "site"
    install = [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "-q", "--target", str(target)]
    subprocess.run([*install, str(wheel)], check=True, capture_output=True, timeout=300)
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    environment.update(PYTHONPATH=str(target), LANG="en_US.UTF-8")

    def sqtool(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "sqtool", *args]
        return subprocess.run(command, cwd=tmp_path, env=environment, capture_output=True, text=True, timeout=60)

    listed = sqtool("playbooks")
    assert listed.returncode == 0, listed.stderr
    assert all(name in listed.stdout for name in playbook_names())
    written = sqtool("init", "plan.yaml", "--playbook", "check-in", "--yes")
    assert written.returncode == 0, written.stderr
    assert "all clear" in written.stdout
    first_line = (tmp_path / "plan.yaml").read_text(encoding="utf-8").splitlines()[0]
    prefix = "# yaml-language-server: $schema="
    assert first_line.startswith(prefix)
    # the schema inside the installed package, as a path relative to the plan (no network needed)
    reference = first_line.removeprefix(prefix)
    assert reference == "site/sqtool/_data/schemas/community-plan.schema.json"
    assert (tmp_path / reference).is_file()
