"""Build hook: compile sqtool's native readers (src/sqtool/_native/) when a C++17 compiler is there.

Why a hatchling hook rather than setuptools or scikit-build-core: the wheel's layout (schemas and
playbooks copied in, the sdist's file list, the version read from the package) stays as it is and
tests/plan/test_wheel.py keeps building offline; the extension is a few translation units (SOURCES:
the module, the shared JSON splitter, one reader per format) plus simdjson's amalgamation, which one
compiler call builds, so CMake would add a build dependency and nothing else. The build is
optional, like ijson's and markupsafe's C speed-ups: without a compiler (or with
SQTOOL_BUILD_NATIVE=0) the wheel is pure Python and sqtool runs its Python readers.
An editable install compiles into src/sqtool/_native/ so that the checkout imports it.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

NATIVE = Path("src") / "sqtool" / "_native"
SOURCES = (
    "module.cpp",
    "jsonitems.cpp",
    "telegram.cpp",
    "discord.cpp",
    "whatsapp.cpp",
    "threads.cpp",
    "simdjson/simdjson.cpp",
)


def _compiler() -> list[str] | None:
    """The C++ compiler command: $CXX, else c++, g++ or clang++ on PATH."""
    if os.environ.get("CXX"):
        return shlex.split(os.environ["CXX"])
    for name in ("c++", "g++", "clang++"):
        found = shutil.which(name)
        if found:
            return [found]
    return None


def compile_native(root: Path, target: Path) -> str | None:
    """Compile the extension to ``target``; None when done, else why it was not built."""
    if sys.platform == "win32":
        return "the native build is set up for gcc and clang (Linux, macOS) only"
    compiler = _compiler()
    if compiler is None:
        return "no C++ compiler found (set CXX)"
    native = root / NATIVE
    include = sysconfig.get_paths()["include"]
    if not (Path(include) / "Python.h").is_file():
        return f"Python.h is missing from {include} (install the python3-dev package)"
    flags = shlex.split(os.environ.get("SQTOOL_NATIVE_FLAGS", "-O2"))
    command = [
        *compiler,
        "-std=c++17",
        *flags,
        "-shared",
        "-fPIC",
        "-fvisibility=hidden",
        "-DNDEBUG",
        f"-I{include}",
        f"-I{native}",
        *(str(native / source) for source in SOURCES),
        "-o",
        str(target),
    ]
    if sys.platform == "darwin":
        command += ["-undefined", "dynamic_lookup"]
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as error:  # CXX names a program that is not there or cannot run
        return f"cannot run the C++ compiler {compiler[0]}: {error.strerror or error}"
    if result.returncode != 0:
        return "the C++ compiler failed:\n" + (result.stderr[-4000:] or result.stdout[-4000:])
    return None


def up_to_date(root: Path, target: Path) -> bool:
    """Whether ``target`` is newer than every native source (an editable reinstall skips the compiler)."""
    if not target.is_file():
        return False
    built = target.stat().st_mtime
    sources = [*(root / NATIVE).glob("*.cpp"), *(root / NATIVE).glob("*.h"), *(root / NATIVE / "simdjson").glob("*")]
    return all(source.stat().st_mtime <= built for source in sources)


class NativeBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or os.environ.get("SQTOOL_BUILD_NATIVE", "1") == "0":
            return
        root = Path(self.root)
        name = "_core" + (sysconfig.get_config_var("EXT_SUFFIX") or ".so")
        if version == "editable":
            target = root / NATIVE / name
            why = None if up_to_date(root, target) else compile_native(root, target)
        else:
            self._scratch = tempfile.mkdtemp(prefix="sqtool-native-")
            target = Path(self._scratch) / name
            why = compile_native(root, target)
            if why is None:
                build_data["force_include"][str(target)] = f"sqtool/_native/{name}"
        if why is not None:
            # pure Python still works: say why the native readers are missing, do not fail the install
            self.app.display_warning(f"sqtool: native readers not built, the Python ones will run: {why}")
            return
        build_data["pure_python"] = False
        build_data["infer_tag"] = True

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        scratch = getattr(self, "_scratch", None)
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)
