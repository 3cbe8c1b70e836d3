"""Bounded fuzz runs of the native readers and conversation model under AddressSanitizer (fuzz_telegram.py,
fuzz_whatsapp.py, fuzz_threads.py; longer runs: docs/performance.md). Runs where the C++ compiler ships the
ASan runtime, as gcc and clang on Linux do."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.native.helpers import needs_native

HERE = Path(__file__).parent


def _asan_runtime() -> bool:
    try:
        found = subprocess.run(
            [os.environ.get("CXX", "c++"), "-print-file-name=libasan.so"], capture_output=True, text=True, timeout=30
        ).stdout.strip()
    except OSError:
        return False
    return os.path.isabs(found) and os.path.exists(found)


pytestmark = [
    pytest.mark.slow,
    needs_native,
    pytest.mark.skipif(sys.platform != "linux" or not _asan_runtime(), reason="no AddressSanitizer runtime here"),
]


@pytest.fixture(scope="module")
def sanitized(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for the sanitized module: both fuzzers load the same build (compiled once, by the first)."""
    return tmp_path_factory.mktemp("asan")


def _fuzz(script: str, iterations: int, seed: int, build: Path) -> str:
    result = subprocess.run(
        [
            sys.executable,
            str(HERE / script),
            "--iterations",
            str(iterations),
            "--seed",
            str(seed),
            "--build",
            str(build),
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    return result.stdout


def test_a_bounded_fuzz_run_is_clean(sanitized: Path) -> None:
    """3,000 mutated Telegram exports fed in random chunks: no crash, no out-of-bounds read, no hang (ASan aborts)."""
    assert "no crash, no ASan report" in _fuzz("fuzz_telegram.py", 3000, 22, sanitized)


def test_a_bounded_whatsapp_fuzz_run_is_clean(sanitized: Path) -> None:
    """1,500 mutated WhatsApp exports: the scanner fed random blocks in the three string widths, and both backends
    reading each as a file: no crash, no ASan report, no difference."""
    assert "no crash, no ASan report, no difference" in _fuzz("fuzz_whatsapp.py", 1500, 22, sanitized)


def test_a_bounded_fuzz_run_of_the_conversation_model_is_clean(sanitized: Path) -> None:
    """300 random conversations in random batches through the native conversation model (and broken calls):
    the same answers as the Python model, no crash, no out-of-bounds access (ASan aborts on any)."""
    assert "no crash, no ASan report" in _fuzz("fuzz_threads.py", 300, 22, sanitized)
