"""Build hook: compile sqtool's native readers (src/sqtool/_native/) when a C++17 compiler is there.

Why a hatchling hook rather than setuptools or scikit-build-core: the wheel's layout (schemas and
playbooks copied in, the sdist's file list, the version read from the package) stays as it is and
tests/plan/test_wheel.py keeps building offline; the extension is a few translation units (SOURCES:
the module, the shared JSON splitter, one reader per format) plus simdjson's amalgamation, which one
compiler call builds, so CMake would add a build dependency and nothing else. gcc and clang (Linux,
macOS) are run directly; on Windows the hook uses setuptools' MSVC compiler class (a Windows-only build
requirement), which finds Visual Studio with vswhere and runs cl.exe and link.exe in the environment
vcvarsall.bat would set up (cibuildwheel and a plain `pip install` do not). The build is
optional, like ijson's and markupsafe's C speed-ups: without a compiler (or with
SQTOOL_BUILD_NATIVE=0) the wheel is pure Python and sqtool runs its Python readers.
An editable install compiles into src/sqtool/_native/ so that the checkout imports it.

Settings: SQTOOL_BUILD_NATIVE=0 skips the build; CXX names the compiler (on Windows, a driver taking
cl's options, such as clang-cl, in place of cl.exe); SQTOOL_NATIVE_FLAGS replaces the optimisation
flag, in the compiler's syntax (-O2 by default, /O2 with cl).
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


def _flags(default: str) -> list[str]:
    """$SQTOOL_NATIVE_FLAGS (optimisation and the like, in the compiler's own syntax), else ``default``."""
    return shlex.split(os.environ.get("SQTOOL_NATIVE_FLAGS", default))


def compile_native(root: Path, target: Path, *, platform: str = sys.platform, msvc: Any = None) -> str | None:
    """Compile the extension to ``target``; None when done, else why it was not built.

    gcc or clang everywhere but Windows; there, Microsoft's compiler (``msvc``: a setuptools compiler
    object, made by :func:`msvc_compiler` unless a test passes one).
    """
    native = root / NATIVE
    include = sysconfig.get_paths()["include"]
    if not (Path(include) / "Python.h").is_file():
        return f"Python.h is missing from {include} (install the python3-dev package)"
    if platform == "win32":
        return compile_msvc(native, Path(include), target, msvc)
    compiler = _compiler()
    if compiler is None:
        return "no C++ compiler found (set CXX)"
    command = [
        *compiler,
        "-std=c++17",
        *_flags("-O2"),
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
    if platform == "darwin":
        command += ["-undefined", "dynamic_lookup"]
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as error:  # CXX names a program that is not there or cannot run
        return f"cannot run the C++ compiler {compiler[0]}: {error.strerror or error}"
    if result.returncode != 0:
        return "the C++ compiler failed:\n" + (result.stderr[-4000:] or result.stdout[-4000:])
    return None


# cl.exe flags: C++17 (simdjson and our readers need std::string_view), C++ exceptions (std::bad_alloc
# is caught), the sources read as UTF-8 (they hold Chinese and Unicode punctuation literals; without
# /utf-8 cl reads them in the machine's code page), no assert(). setuptools adds /nologo /O2 /W3 /GL
# /DNDEBUG /MD (and /EHsc for C++) itself; they are repeated here so the build does not rest on its defaults.
MSVC_FLAGS = ("/std:c++17", "/EHsc", "/utf-8", "/DNDEBUG")


def msvc_compiler() -> Any:
    """setuptools' MSVC compiler object: it finds Visual Studio (vswhere, then the registry) and runs
    cl.exe and link.exe in that installation's environment, which cibuildwheel does not set up."""
    # setuptools first: importing it makes ``distutils`` its own copy (Python 3.12 and later have no other)
    import setuptools  # noqa: F401  # isort: skip
    from distutils.ccompiler import new_compiler

    return new_compiler(compiler="msvc")


def _python_libs() -> list[str]:
    """Where python3XY.lib is (pyconfig.h asks the linker for it): the base installation's libs folder."""
    folders = dict.fromkeys(str(Path(prefix) / "libs") for prefix in (sys.exec_prefix, sys.base_exec_prefix))
    return [folder for folder in folders if Path(folder).is_dir()]


def compile_msvc(native: Path, include: Path, target: Path, compiler: Any = None) -> str | None:
    """Compile and link the extension with Microsoft's compiler; None when done, else why not.

    $CXX, when set, replaces cl.exe by a compiler that takes cl's options (clang-cl, which simdjson
    recommends on Windows); $SQTOOL_NATIVE_FLAGS replaces /O2 (say ``/Od /Zi`` to debug).
    """
    try:
        from setuptools import errors
    except ImportError:
        return "setuptools is needed to find Microsoft's C++ compiler (pip install setuptools)"
    failures = (errors.BaseError, errors.CCompilerError, OSError)
    try:
        if compiler is None:
            compiler = msvc_compiler()
        if not compiler.initialized:
            compiler.initialize()
    except failures as error:
        return f"no Microsoft C++ compiler found (install the Build Tools for Visual Studio): {error}"
    if os.environ.get("CXX"):
        found = shutil.which(os.environ["CXX"])
        if found is None:
            return f"cannot run the C++ compiler {os.environ['CXX']}: not found"
        compiler.cc = found
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sqtool-msvc-") as scratch:
        try:
            objects = compiler.compile(
                [str(native / source) for source in SOURCES],
                output_dir=scratch,
                include_dirs=[str(include), str(native)],
                extra_postargs=[*MSVC_FLAGS, *_flags("/O2")],
            )
            compiler.link_shared_object(
                objects,
                str(target),
                library_dirs=_python_libs(),
                export_symbols=["PyInit__core"],
                build_temp=scratch,
            )
        except failures as error:  # cl writes its diagnostics to the build's output, which `pip install -v` shows
            return f"the C++ compiler failed: {error} (`pip install -v .` shows its messages)"
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
