"""How long `sqtool --help` takes to start, against a bare `python -c pass`.

Usage: python benchmarks/startup.py [--runs N]

Runs each command N times (default 15), interleaved so that a busy machine slows them alike, and
prints the median and best wall time, the median CPU time (user + system) and their ratios to
`python -c pass`. Target (issue 22): `sqtool --help` at most 3x `python -c pass`; `sqtool` and
`sqtool --help` print the page from the catalogue without importing typer (sqtool/launch.py).
Bytecode is cached (in a temporary folder) as it is in an installed package, even when
PYTHONDONTWRITEBYTECODE is set. Also times `validate` and `check` of examples/plan.yaml, which do
load YAML and jsonschema.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TARGET = 3.0


def timed(command: list[str], environment: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system of the child) of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, env=environment, capture_output=True, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    environment = dict(os.environ)
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "src"), environment.get("PYTHONPATH")]))
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    environment["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="sqtool-startup-pyc-")
    plan = str(REPO / "examples" / "plan.yaml")
    sqtool = [sys.executable, "-m", "sqtool"]
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "sqtool --help": [*sqtool, "--help"],
        "sqtool --lang zh --help": [*sqtool, "--lang", "zh", "--help"],
        "sqtool rules --help (typer)": [*sqtool, "rules", "--help"],
        "sqtool audit --help": [*sqtool, "audit", "--help"],
        "sqtool validate examples/plan.yaml": [*sqtool, "validate", plan],
        "sqtool check examples/plan.yaml": [*sqtool, "check", plan],
    }
    for command in commands.values():  # warm-up: bytecode written, files in the page cache
        subprocess.run(command, env=environment, capture_output=True, check=False)
    walls: dict[str, list[float]] = {name: [] for name in commands}
    cpus: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            wall, cpu = timed(command, environment)
            walls[name].append(wall)
            cpus[name].append(cpu)
    base_wall = statistics.median(walls["python -c pass"])
    base_cpu = statistics.median(cpus["python -c pass"])
    print(f"{runs} interleaved runs on {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    print(f"{'command':<36} {'median ms':>10} {'best ms':>9} {'CPU ms':>8} {'wall ratio':>11} {'CPU ratio':>10}")
    for name in commands:
        wall, cpu = statistics.median(walls[name]), statistics.median(cpus[name])
        print(
            f"{name:<36} {wall * 1000:>10.1f} {min(walls[name]) * 1000:>9.1f} {cpu * 1000:>8.1f}"
            f" {wall / base_wall:>10.1f}x {cpu / base_cpu:>9.1f}x"
        )
    ratio = statistics.median(walls["sqtool --help"]) / base_wall
    verdict = "met" if ratio <= TARGET else "MISSED"
    print(f"target: sqtool --help <= {TARGET:.0f}x python -c pass -> {verdict} ({ratio:.1f}x wall)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
