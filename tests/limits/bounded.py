"""Run sqtool in a subprocess and measure what it took: the Done-when of issue 18 is "a named error or a
bounded success within 10 s and 300 MiB". The child reports its own peak resident memory
(resource.getrusage) on a last stderr line, so the figure is that run's and nothing else's."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from tests.conftest import REPO

SECONDS = 10
MEMORY = 300 * 1024 * 1024

_CHILD = """
import resource, sys
from sqtool.cli import main
code = 0
try:
    main()
except SystemExit as stop:
    code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 2)
sys.stderr.flush()
sys.stderr.write("\\nSQTOOL-MAXRSS %d\\n" % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
sys.exit(code)
"""


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str  # without the measurement line
    peak_bytes: int

    def named_error(self, code: str) -> bool:
        """Exit 2 with ``error[code]`` and no internal error."""
        return self.code == 2 and f"error[{code}]" in self.stderr and "internal error" not in self.stderr


def run_bounded(
    *args: str,
    cwd: Path | None = None,
    stdin: IO[bytes] | bytes | None = None,
    env: Mapping[str, str] | None = None,
    seconds: float = SECONDS,
) -> Run:
    """Run ``sqtool ARGS``; fails the test if it takes longer than ``seconds`` or more than 300 MiB."""
    environment = dict(os.environ)
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "src"), environment.get("PYTHONPATH")]))
    environment["LANG"] = "en_US.UTF-8"
    environment.pop("GITHUB_ACTIONS", None)
    environment.update(env or {})
    feed = stdin if isinstance(stdin, bytes) else None
    handle = None if isinstance(stdin, bytes) or stdin is None else stdin
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, *args],
        cwd=cwd,
        input=feed,
        stdin=handle if feed is None else None,
        env=environment,
        capture_output=True,
        timeout=seconds,
    )
    stderr = done.stderr.decode("utf-8", "replace")
    found = re.search(r"\nSQTOOL-MAXRSS (\d+)\n$", stderr)
    assert found, stderr[-2000:]
    peak = int(found.group(1)) * (1 if sys.platform == "darwin" else 1024)
    run = Run(done.returncode, done.stdout.decode("utf-8", "replace"), stderr[: found.start()], peak)
    assert run.peak_bytes < MEMORY, (run.peak_bytes, run.stderr[-2000:])
    assert "internal error" not in run.stderr and "Traceback" not in run.stderr, run.stderr[-3000:]
    return run
