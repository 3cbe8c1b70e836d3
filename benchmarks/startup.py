"""How long `sqtool --help` takes to start, against a bare `python -c pass`.

Usage: python benchmarks/startup.py [--runs N]
Prints the median and best wall time of each over N runs (default 15) and their ratio. The CLI
imports heavy modules (jsonschema, the readers, the audit) lazily, so the ratio should stay small.
Also times `sqtool validate examples/plan.yaml`, which does load YAML and jsonschema.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def timed(command: list[str], runs: int, environment: dict[str, str]) -> list[float]:
    """Wall-clock seconds of ``runs`` runs of ``command``, after one warm-up run."""
    subprocess.run(command, env=environment, capture_output=True, check=True)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, env=environment, capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    environment = dict(os.environ)
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "src"), environment.get("PYTHONPATH")]))
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "sqtool --help": [sys.executable, "-m", "sqtool", "--help"],
        "sqtool validate examples/plan.yaml": [
            sys.executable,
            "-m",
            "sqtool",
            "validate",
            str(REPO / "examples" / "plan.yaml"),
        ],
    }
    medians = {}
    print(f"{'command':<40} {'median ms':>10} {'best ms':>10}   ({runs} runs)")
    for name, command in commands.items():
        times = timed(command, runs, environment)
        medians[name] = statistics.median(times)
        print(f"{name:<40} {medians[name] * 1000:>10.1f} {min(times) * 1000:>10.1f}")
    baseline = medians["python -c pass"]
    for name in list(commands)[1:]:
        print(f"ratio {name} / python -c pass: {medians[name] / baseline:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
