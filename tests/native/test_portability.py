"""Our C++ (not the vendored simdjson) stays portable to MSVC and to 64-bit Windows, where `long` is 32 bits:
no compiler-specific builtins or attributes, no POSIX-only headers, no `long`-sized Python conversions;
and it compiles without warnings under -Wall -Wextra -Wpedantic (which also rejects GNU extensions)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sysconfig
from pathlib import Path

import pytest

from tests.conftest import REPO

NATIVE = REPO / "src" / "sqtool" / "_native"
OURS = sorted([*NATIVE.glob("*.cpp"), *NATIVE.glob("*.h")])

# what MSVC or LLP64 Windows break, and the portable spelling to use instead
NOT_PORTABLE = {
    r"\b__builtin_\w+": "a gcc/clang builtin (MSVC has none): use the standard library (std::bitset::count, ...)",
    r"\b__attribute__\b": "a gcc/clang attribute: use a standard [[attribute]]",
    r"\b__restrict__\b": "gcc's spelling of restrict",
    r"#\s*include\s*<(unistd|strings|sys/mman|pthread|dlfcn)\.h>": "a POSIX-only header",
    r"\bstrn?casecmp\b": "POSIX only: compare the bytes by hand",
    r"(?<![\w:])ssize_t\b": "POSIX only: use Py_ssize_t",
    r"\bPyLong_(As|From)(Unsigned)?Long\s*\(": "`long` is 32 bits on Windows: use the LongLong or Ssize_t forms",
    r"%l[dux]": "`long` is 32 bits on Windows: use %lld with long long (or PRId64)",
    r"\b__int128\b": "no 128-bit integers on MSVC",
}
ALLOWED = {  # PyLong_FromLong of values that are ints by type, so 32 bits everywhere
    ("threads.cpp", "PyLong_FromLong(self->day_shift)"),
    ("threads.cpp", "PyLong_FromLong(edge.day)"),
    ("threads.cpp", "PyLong_FromLong(table.evidence(static_cast<size_t>(index)"),  # EdgeTable::evidence returns int
    ("threads.cpp", "PyLong_FromLong(1)"),
    ("threads.cpp", "PyLong_FromLong(found.evidence)"),
    ("whatsapp.cpp", "PyLong_FromLong(into)"),
}


def code(path: Path) -> str:
    """The file without its comments and string literals (a rule is about code, not about what a message says)."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r'"(?:\\.|[^"\\\n])*"', '""', text)
    return re.sub(r"//[^\n]*|/\*.*?\*/", "", text, flags=re.DOTALL)


def test_our_cpp_uses_nothing_msvc_or_64_bit_windows_lacks() -> None:
    """Each non-portable spelling, outside comments and strings, in every source of ours; ints only into
    PyLong_FromLong (listed one by one: a new use must be looked at, then listed)."""
    assert [path.name for path in OURS] == sorted(
        ["discord.cpp", "jsonitems.cpp", "jsonitems.h", "module.cpp", "telegram.cpp", "threads.cpp", "whatsapp.cpp"]
    )
    found = []
    for path in OURS:
        text = code(path)
        for pattern, why in NOT_PORTABLE.items():
            for match in re.finditer(pattern, text):
                call = text[match.start() : text.find(")", match.start()) + 1]
                if (path.name, call) not in ALLOWED:
                    found.append(f"{path.name}: {call or match.group()}: {why}")
    assert not found, "\n".join(found)


def test_the_rules_see_what_they_forbid(tmp_path: Path) -> None:
    """The check is not blind: each spelling it forbids is found in code, and none in a comment or a string."""
    sample = tmp_path / "sample.cpp"
    sample.write_text(
        "#include <unistd.h>\nint n = __builtin_popcountll(x); ssize_t s; long v = PyLong_AsLong(o);\n"
        'printf("%ld", v); // __builtin_expect in a comment\nconst char *m = "ssize_t in a string";\n',
        encoding="utf-8",
    )
    text = code(sample)
    hits = {pattern for pattern in NOT_PORTABLE if re.search(pattern, text)}
    assert hits == {
        r"#\s*include\s*<(unistd|strings|sys/mman|pthread|dlfcn)\.h>",
        r"\b__builtin_\w+",
        r"(?<![\w:])ssize_t\b",
        r"\bPyLong_(As|From)(Unsigned)?Long\s*\(",
    }  # "%ld" sits in a string literal: the printf check reads the sources' raw text, below
    assert re.search(r"%l[dux]", sample.read_text(encoding="utf-8"))
    raw = "\n".join(path.read_text(encoding="utf-8") for path in OURS)
    assert not re.search(r"%l[dux]", raw)


def compilers() -> list[str]:
    return [name for name in ("g++", "clang++") if shutil.which(name)]


@pytest.mark.slow
@pytest.mark.parametrize("compiler", compilers())
@pytest.mark.parametrize("source", [path.name for path in OURS if path.suffix == ".cpp"])
def test_no_warning_under_wall_wextra_wpedantic(compiler: str, source: str) -> None:
    """Every source compiles warning-free with -Wall -Wextra -Wpedantic -Werror (C++17) under each compiler here.
    -Wno-missing-field-initializers: `PyTypeObject T = {PyVarObject_HEAD_INIT(nullptr, 0)}` is CPython's idiom
    (the other slots are zero and filled in at module init), which that warning alone objects to."""
    include = sysconfig.get_paths()["include"]
    command = [compiler, "-std=c++17", "-fsyntax-only", "-Wall", "-Wextra", "-Wpedantic", "-Werror",
               "-Wno-missing-field-initializers", f"-I{include}", f"-I{NATIVE}", str(NATIVE / source)]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
