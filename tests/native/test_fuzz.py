"""A bounded fuzz run of the native JSON readers (Telegram, Discord) under AddressSanitizer (fuzz_native.py;
longer runs: docs/performance.md). Runs where the C++ compiler ships the ASan runtime, as gcc and clang on Linux do."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.native.helpers import needs_native

SCRIPT = Path(__file__).with_name("fuzz_native.py")


def _asan_runtime() -> bool:
    try:
        found = subprocess.run(
            [os.environ.get("CXX", "c++"), "-print-file-name=libasan.so"], capture_output=True, text=True, timeout=30
        ).stdout.strip()
    except OSError:
        return False
    return os.path.isabs(found) and os.path.exists(found)


@pytest.mark.slow
@needs_native
@pytest.mark.skipif(sys.platform != "linux" or not _asan_runtime(), reason="no AddressSanitizer runtime here")
def test_a_bounded_fuzz_run_is_clean(tmp_path: Path) -> None:
    """3,000 mutated exports of each format fed in random chunks: no crash, no out-of-bounds read, no hang
    (ASan aborts on any)."""
    result = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            "--format",
            "all",
            "--iterations",
            "3000",
            "--seed",
            "22",
            "--build",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    assert "fuzz telegram: 3000 inputs, no crash, no ASan report" in result.stdout
    assert "fuzz discord: 3000 inputs, no crash, no ASan report" in result.stdout
