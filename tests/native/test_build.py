"""`pip install` still succeeds without a C++ compiler: the build hook says why and the wheel is pure Python."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from types import ModuleType
from typing import Any, cast

import pytest

from tests.conftest import REPO


def hook() -> ModuleType:
    """hatch_build.py, loaded from the file at the top of the repository."""
    spec = importlib.util.spec_from_file_location("hatch_build", REPO / "hatch_build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def compile_native(root: Path, target: Path, **options: Any) -> str | None:
    """hatch_build.compile_native."""
    return cast("str | None", hook().compile_native(root, target, **options))


@pytest.mark.parametrize("compiler", ["/nonexistent/c++", "false"])
def test_a_missing_or_failing_compiler_is_a_reason_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, compiler: str
) -> None:
    """CXX naming no program, or a compiler that fails: the hook returns why, and builds nothing."""
    monkeypatch.setenv("CXX", compiler)
    target = tmp_path / "_core.so"
    why = compile_native(REPO, target)
    assert why is not None
    assert "compiler" in why
    assert not target.exists()


@pytest.mark.slow
def test_without_a_compiler_the_wheel_is_pure_python_and_runs(tmp_path: Path) -> None:
    """`pip wheel .` with no working compiler: a py3-none-any wheel, whose sqtool says it runs the Python readers."""
    environment = dict(os.environ, CXX="/nonexistent/c++")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "--no-build-isolation", "-w", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=600,
        env=environment,
    )
    assert built.returncode == 0, built.stderr[-3000:]
    (wheel,) = tmp_path.glob("sqtool-*.whl")
    assert wheel.name.endswith("-py3-none-any.whl")
    assert not [name for name in zipfile.ZipFile(wheel).namelist() if "_core" in name]
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "-q", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    run = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "SQTOOL_BACKEND")}
    run["PYTHONPATH"] = str(target)
    version = subprocess.run(
        [sys.executable, "-m", "sqtool", "--version"], cwd=tmp_path, env=run, capture_output=True, text=True, timeout=60
    )
    assert version.returncode == 0, version.stderr
    assert "backend: pure Python (the native module was not built" in version.stdout
