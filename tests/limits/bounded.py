"""Run sqtool in a subprocess and measure what it took: the Done-when of issue 18 is "a named error or a
bounded success within 10 s and 300 MiB". The child reports its own peak resident memory and the
processor time it used (resource.getrusage) on a last stderr line, so the figures are that run's and
nothing else's. Time is processor time, not the wall clock: the machine is shared, and a run that
waits for a busy processor has not done more work; the wall clock only gets a generous safety net."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Mapping
from contextlib import nullcontext
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
used = resource.getrusage(resource.RUSAGE_SELF)
peak = used.ru_maxrss  # kB on Linux; but it keeps the parent's peak across fork and exec, so prefer:
try:
    with open("/proc/self/status") as status:  # this process image's own high-water mark
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
except (OSError, StopIteration):
    pass
sys.stderr.write("\\nSQTOOL-MAXRSS %d %.3f\\n" % (peak, used.ru_utime + used.ru_stime))
sys.exit(code)
"""


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str  # without the measurement line
    peak_bytes: int
    seconds: float  # processor time, user and system

    def named_error(self, code: str) -> bool:
        """Exit 2 with ``error[code]`` and no internal error."""
        return self.code == 2 and f"error[{code}]" in self.stderr and "internal error" not in self.stderr


def run_bounded(
    *args: str,
    cwd: Path | None = None,
    stdin: IO[bytes] | bytes | None = None,
    env: Mapping[str, str] | None = None,
    seconds: float = SECONDS,
    closed: tuple[int, ...] = (),
    stdout_to: str | None = None,
) -> Run:
    """Run ``sqtool ARGS``; fails the test if it takes more than ``seconds`` of processor time or more
    than 300 MiB, or (a safety net on a loaded machine) six times ``seconds`` on the wall clock.

    ``closed`` names file descriptors (0: stdin, 1: stdout) the child starts without; ``stdout_to``
    sends its standard output to that file (``/dev/full``) instead of the test."""
    environment = dict(os.environ)
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "src"), environment.get("PYTHONPATH")]))
    environment["LANG"] = "en_US.UTF-8"
    environment.pop("GITHUB_ACTIONS", None)
    environment.update(env or {})
    feed = stdin if isinstance(stdin, bytes) else None
    handle = None if isinstance(stdin, bytes) or stdin is None else stdin

    def close_in_child() -> None:
        for descriptor in closed:
            os.close(descriptor)

    with open(stdout_to, "wb") if stdout_to else nullcontext(subprocess.PIPE) as output:  # type: ignore[attr-defined]
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, *args],
            cwd=cwd,
            input=feed,
            stdin=handle if feed is None else None,
            stdout=output,
            stderr=subprocess.PIPE,
            env=environment,
            timeout=seconds * 6,
            preexec_fn=close_in_child if closed else None,  # only closes descriptors
        )
    stderr = done.stderr.decode("utf-8", "replace")
    found = re.search(r"\nSQTOOL-MAXRSS (\d+) ([0-9.]+)\n$", stderr)
    assert found, stderr[-2000:]
    peak = int(found.group(1)) * (1 if sys.platform == "darwin" else 1024)
    used = float(found.group(2))
    stdout = (done.stdout or b"").decode("utf-8", "replace")
    run = Run(done.returncode, stdout, stderr[: found.start()], peak, used)
    assert run.peak_bytes < MEMORY, (run.peak_bytes, run.stderr[-2000:])
    assert run.seconds < seconds, (run.seconds, run.stderr[-2000:])
    if os.environ.get("SQTOOL_LIMITS_LOG"):  # the figures for docs/limits.md: one line per run
        with open(os.environ["SQTOOL_LIMITS_LOG"], "a", encoding="utf-8") as log:
            shown = " ".join(args)[:150]
            log.write(f"{run.seconds:6.2f} s {run.peak_bytes / 2**20:6.1f} MiB exit {run.code}  {shown}\n")
    assert "internal error" not in run.stderr and "Traceback" not in run.stderr, run.stderr[-3000:]
    return run
