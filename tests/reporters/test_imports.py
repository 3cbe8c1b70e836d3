"""Structure: `sqtool --help` stays fast because importing the CLI loads no heavy module."""

import json
import os
import subprocess
import sys

from sqtool.reporters import FORMATS
from tests.conftest import REPO

HEAVY = ("jsonschema", "yaml", "ijson", "orjson")
REPORTER_MODULES = tuple(f"sqtool.reporters.{module}" for module in (*FORMATS.values(), "safe_text"))


def modules_after(code: str) -> set[str]:
    """The names in sys.modules after running ``code`` in a fresh interpreter."""
    environment = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", script], env=environment, capture_output=True, text=True, check=True, timeout=60
    )
    return set(json.loads(result.stdout.splitlines()[-1]))


def loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == name or m.startswith(name + ".") for name in names))


def test_importing_the_cli_loads_no_heavy_module_and_no_reporter():
    modules = modules_after("import sqtool.cli")
    assert "sqtool.cli" in modules  # the probe works
    assert loaded(modules, HEAVY) == []
    assert loaded(modules, REPORTER_MODULES) == []


def test_the_format_registry_is_light_enough_for_help():
    # Commands import sqtool.reporters to list FORMATS in --help: that must stay cheap too.
    modules = modules_after("import sqtool.cli, sqtool.reporters\nsqtool.reporters.default_format({})")
    assert "sqtool.reporters" in modules
    assert loaded(modules, (*HEAVY, *REPORTER_MODULES, "rich", "xml", "hashlib")) == []


def test_the_probe_sees_a_reporter_once_it_renders():
    modules = modules_after(
        "from sqtool.reporters import ReportContext, render\nrender('sarif', [], ReportContext('1'))"
    )
    assert "sqtool.reporters.sarif" in modules
