"""The wheel ships the schema and the playbooks folder, and an installed copy finds them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile

import pytest

from tests.conftest import REPO


@pytest.mark.slow
def test_wheel_contains_the_data_and_an_installed_copy_finds_it(tmp_path):
    # --no-build-isolation: build with the hatchling already installed; tests never touch the network
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(REPO),
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = tmp_path.glob("sqtool-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "sqtool/_data/schemas/community-plan.schema.json" in names
    assert any(name.startswith("sqtool/_data/playbooks/") for name in names)
    # the HTML reports' templates and CSS (render/html_page.py loads them from the package)
    assert {"sqtool/render/templates/base.html.j2", "sqtool/render/templates/page.css"} <= set(names)
    assert "sqtool/py.typed" in names  # PEP 561: type checkers read the API's annotations (docs/api.md)

    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "-q", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    environment["PYTHONPATH"] = str(target)
    probe = (
        "import json, sqtool, sqtool.resources as r; "
        "from sqtool.render.html_page import environment; environment().get_template('base.html.j2'); "
        "print(json.dumps([sqtool.__file__, str(r.schema_path()), str(r.data_dir('playbooks'))]))"
    )
    found = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, env=environment, capture_output=True, text=True, timeout=60
    )
    assert found.returncode == 0, found.stderr
    package, schema, playbooks = json.loads(found.stdout)
    assert package.startswith(str(target))  # the installed copy, not the checkout
    assert schema == str(target / "sqtool" / "_data" / "schemas" / "community-plan.schema.json")
    assert playbooks == str(target / "sqtool" / "_data" / "playbooks")

    installed = subprocess.run(
        [sys.executable, "-m", "sqtool", "validate", str(REPO / "examples" / "plan.yaml")],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert installed.returncode == 0, installed.stderr
    assert installed.stdout.startswith("all clear")
