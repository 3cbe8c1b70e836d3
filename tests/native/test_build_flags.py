"""The build hook picks the compiler and the flags of each platform: gcc/clang flags on Linux and macOS,
cl.exe flags through setuptools' MSVC compiler on Windows (exercised here with stand-in compilers)."""

from __future__ import annotations

import os
import stat
import sys
import sysconfig
import tomllib
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO
from tests.native.test_build import compile_native, hook

NATIVE = REPO / "src" / "sqtool" / "_native"
SOURCES = [str(NATIVE / source) for source in hook().SOURCES]


def recording_compiler(folder: Path) -> Path:
    """A stand-in `c++`: writes its arguments, one a line, to args.txt and creates the file after -o."""
    script = folder / "fake-c++"
    script.write_text(
        '#!/bin/sh\nprintf "%s\\n" "$@" > "$(dirname "$0")/args.txt"\n'
        'while [ $# -gt 0 ]; do if [ "$1" = -o ]; then : > "$2"; fi; shift; done\n',
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in compiler is a POSIX shell script")
@pytest.mark.parametrize("platform", ["linux", "darwin"])
def test_gcc_and_clang_get_cxx17_pic_hidden_symbols_and_on_macos_dynamic_lookup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, platform: str
) -> None:
    """$CXX runs once on every source with the gcc/clang flags; macOS alone links with -undefined dynamic_lookup."""
    monkeypatch.setenv("CXX", str(recording_compiler(tmp_path)))
    monkeypatch.delenv("SQTOOL_NATIVE_FLAGS", raising=False)
    target = tmp_path / "_core.so"
    assert compile_native(REPO, target, platform=platform) is None
    arguments = (tmp_path / "args.txt").read_text(encoding="utf-8").splitlines()
    assert arguments[:6] == ["-std=c++17", "-O2", "-shared", "-fPIC", "-fvisibility=hidden", "-DNDEBUG"]
    assert f"-I{sysconfig.get_paths()['include']}" in arguments
    assert [argument for argument in arguments if argument.endswith(".cpp")] == SOURCES
    assert arguments[arguments.index("-o") + 1] == str(target)
    assert ("-undefined" in arguments) == (platform == "darwin")
    assert not {"/std:c++17", "/EHsc", "/utf-8", "/O2"} & set(arguments)


@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in compiler is a POSIX shell script")
def test_sqtool_native_flags_replace_the_optimisation_flag(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQTOOL_NATIVE_FLAGS="-O0 -g" takes the place of -O2; the flags the build needs stay."""
    monkeypatch.setenv("CXX", str(recording_compiler(tmp_path)))
    monkeypatch.setenv("SQTOOL_NATIVE_FLAGS", "-O0 -g")
    assert compile_native(REPO, tmp_path / "_core.so", platform="linux") is None
    arguments = (tmp_path / "args.txt").read_text(encoding="utf-8").splitlines()
    assert arguments[:3] == ["-std=c++17", "-O0", "-g"]
    assert "-O2" not in arguments
    assert {"-shared", "-fPIC", "-fvisibility=hidden", "-DNDEBUG"} <= set(arguments)


class FakeMSVC:
    """Records what the hook asks of setuptools' MSVC compiler object (same methods, same keywords)."""

    def __init__(self, *, fail_to_find: bool = False, fail_to_compile: bool = False) -> None:
        self.initialized = False
        self.cc = "cl.exe"
        self.fail_to_find = fail_to_find
        self.fail_to_compile = fail_to_compile
        self.compiled: dict[str, Any] = {}
        self.linked: dict[str, Any] = {}

    def initialize(self) -> None:
        from setuptools.errors import PlatformError

        if self.fail_to_find:
            raise PlatformError("Microsoft Visual C++ 14.0 or greater is required.")
        self.initialized = True

    def compile(self, sources: list[str], **options: Any) -> list[str]:
        from setuptools.errors import CompileError

        self.compiled = {"sources": sources, **options}
        if self.fail_to_compile:
            raise CompileError("command 'cl.exe' failed with exit code 2")
        return [str(Path(options["output_dir"]) / f"{Path(source).stem}.obj") for source in sources]

    def link_shared_object(self, objects: list[str], output_filename: str, **options: Any) -> None:
        self.linked = {"objects": objects, "output_filename": output_filename, **options}
        Path(output_filename).write_bytes(b"MZ")


def test_on_windows_cl_gets_cxx17_exceptions_utf8_and_o2_and_the_module_is_exported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Windows branch: every source compiled with /std:c++17 /EHsc /utf-8 /DNDEBUG /O2 (no gcc flag),
    Python's headers and ours included, then linked to the target exporting PyInit__core."""
    monkeypatch.delenv("CXX", raising=False)
    monkeypatch.delenv("SQTOOL_NATIVE_FLAGS", raising=False)
    msvc = FakeMSVC()
    target = tmp_path / "_core.cp311-win_amd64.pyd"
    assert compile_native(REPO, target, platform="win32", msvc=msvc) is None
    assert msvc.initialized
    assert msvc.compiled["sources"] == SOURCES
    assert msvc.compiled["extra_postargs"] == ["/std:c++17", "/EHsc", "/utf-8", "/DNDEBUG", "/O2"]
    assert msvc.compiled["include_dirs"] == [sysconfig.get_paths()["include"], str(NATIVE)]
    assert msvc.linked["output_filename"] == str(target)
    assert msvc.linked["export_symbols"] == ["PyInit__core"]
    assert len(msvc.linked["objects"]) == len(SOURCES)
    assert target.is_file()
    assert msvc.cc == "cl.exe"  # no CXX: Visual Studio's own cl.exe


def test_on_windows_the_flags_and_cxx_variables_keep_their_meaning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQTOOL_NATIVE_FLAGS replaces /O2 in cl's syntax; CXX names a cl-compatible driver (clang-cl) that
    replaces cl.exe, and a CXX that is not there is a reason, not a crash."""
    clang_cl = tmp_path / "clang-cl"
    clang_cl.write_text("", encoding="utf-8")
    clang_cl.chmod(clang_cl.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("CXX", str(clang_cl))
    monkeypatch.setenv("SQTOOL_NATIVE_FLAGS", "/Od /Zi")
    msvc = FakeMSVC()
    assert compile_native(REPO, tmp_path / "_core.pyd", platform="win32", msvc=msvc) is None
    assert msvc.cc == str(clang_cl)
    assert msvc.compiled["extra_postargs"] == ["/std:c++17", "/EHsc", "/utf-8", "/DNDEBUG", "/Od", "/Zi"]

    monkeypatch.setenv("CXX", str(tmp_path / "missing" / "clang-cl"))
    why = compile_native(REPO, tmp_path / "_core.pyd", platform="win32", msvc=FakeMSVC())
    assert why is not None
    assert why.startswith("cannot run the C++ compiler")


@pytest.mark.parametrize(
    ("msvc", "says"),
    [
        (FakeMSVC(fail_to_find=True), "no Microsoft C++ compiler found (install the Build Tools for Visual Studio)"),
        (FakeMSVC(fail_to_compile=True), "the C++ compiler failed: command 'cl.exe' failed"),
    ],
)
def test_on_windows_no_visual_studio_or_a_failed_compile_is_a_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, msvc: FakeMSVC, says: str
) -> None:
    """No Visual Studio (setuptools' PlatformError) or cl failing (CompileError): the hook says why, builds nothing."""
    monkeypatch.delenv("CXX", raising=False)
    target = tmp_path / "_core.pyd"
    why = compile_native(REPO, target, platform="win32", msvc=msvc)
    assert why is not None
    assert why.startswith(says)
    assert not target.exists()


def test_setuptools_msvc_compiler_runs_cl_and_link_with_our_flags(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """setuptools' real MSVCCompiler, with Visual Studio's discovery stood in for (this is not Windows) and its
    commands recorded instead of run: the hook's calls fit its API, and the command lines are what cl.exe and
    link.exe need (/Tp C++ sources, our flags after setuptools' /O2 /MD, /DLL with /EXPORT:PyInit__core)."""
    msvc = hook().msvc_compiler()
    module = sys.modules[type(msvc).__module__]
    monkeypatch.setattr(module, "get_platform", lambda: "win-amd64")
    monkeypatch.setattr(module, "_get_vc_env", lambda spec: {"path": str(tmp_path / "vc" / "bin")})
    for name in ("include_dirs", "library_dirs"):  # initialize() sets these on the class
        monkeypatch.setattr(type(msvc), name, list(getattr(type(msvc), name, [])))
    commands: list[list[str]] = []

    def run(command: list[str], **_: Any) -> None:
        commands.append([str(part) for part in command])
        for part in command:  # stand in for cl and link: create the file each one writes
            for flag in ("/Fo", "/OUT:"):
                if str(part).startswith(flag):
                    Path(str(part)[len(flag) :]).parent.mkdir(parents=True, exist_ok=True)
                    Path(str(part)[len(flag) :]).write_bytes(b"")

    monkeypatch.setattr(msvc, "spawn", run, raising=False)  # setuptools < 75 runs commands with spawn
    monkeypatch.setattr(msvc, "call", run, raising=False)  # later ones with call
    monkeypatch.delenv("CXX", raising=False)
    monkeypatch.delenv("SQTOOL_NATIVE_FLAGS", raising=False)
    target = tmp_path / "out" / "_core.cp311-win_amd64.pyd"
    assert compile_native(REPO, target, platform="win32", msvc=msvc) is None

    *compiles, link = commands
    assert [os.path.basename(command[0]) for command in compiles] == ["cl.exe"] * len(SOURCES)
    assert [next(part[3:] for part in command if part.startswith("/Tp")) for command in compiles] == SOURCES
    for command in compiles:
        assert "/c" in command
        assert "/MD" in command  # the DLL C runtime, as python.exe
        assert command[-5:] == ["/std:c++17", "/EHsc", "/utf-8", "/DNDEBUG", "/O2"]
        assert f"-I{NATIVE}" in command
    assert os.path.basename(link[0]) == "link.exe"
    assert "/DLL" in link
    assert "/EXPORT:PyInit__core" in link
    assert f"/OUT:{target}" in link
    assert len([part for part in link if part.endswith(".obj")]) == len(SOURCES)


def test_every_cibuildwheel_platform_tests_the_compiled_module() -> None:
    """pyproject.toml: no platform's wheel test skips the import of sqtool._native._core (a wheel built without it
    fails), Windows is built for 64 bits only (simdjson's support), and setuptools is a build requirement on
    Windows alone (the hook's MSVC look-up; Linux and macOS builds need only hatchling)."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    wheels = config["tool"]["cibuildwheel"]
    for platform in ("linux", "macos", "windows"):
        command = wheels.get(platform, {}).get("test-command", wheels["test-command"])
        assert "import sqtool._native._core" in command, platform
    assert wheels["windows"]["archs"] == ["AMD64"]
    assert "*-win32" in wheels["skip"].split()
    requires = config["build-system"]["requires"]
    assert [requirement for requirement in requires if requirement.startswith("setuptools")] == [
        "setuptools>=70; sys_platform == 'win32'"
    ]
