"""Time one `sqtool check` over 1,000 generated plans against check-jsonschema over the same files.

Usage: python benchmarks/check_many.py [--plans N] [--runs N] [--keep DIR] [--check-jsonschema PATH]

The plans are variations of examples/plan.yaml (sizes, platforms, names, rituals, entry rules), so
the rules find different things in each. Both tools run once as a subprocess, startup included,
as a user or CI would run them, --runs times (default 3), interleaved so that a busy machine slows
both alike; the medians and their ratio are printed. check-jsonschema only validates the schema;
sqtool validates it and runs every rule. check-jsonschema is optional: install it (in a virtualenv of
its own, so its dependencies do not change sqtool's) with `pip install check-jsonschema` and pass its
path with --check-jsonschema, or have it on PATH. Target (issue 22): sqtool at least 10x faster.
Bytecode is cached (in a temporary folder) as in an installed package.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "plan.yaml"
SCHEMA = REPO / "schemas" / "community-plan.schema.json"

PLATFORMS = ["wechat", "qq", "telegram", "discord", "whatsapp", "slack"]
SIZES = [80, 200, 300, 450, 500, 800, 1500]
THRESHOLDS = ["paid", "open", "invite", "application", "task"]


def variation(base: str, index: int, rng: random.Random) -> str:
    """One plan: the example with its size, platform, name, entry and rituals changed."""
    text = base.replace("name: 私域增长研习社", f"name: 私域增长研习社{index}")
    text = text.replace("  platform: wechat", f"  platform: {rng.choice(PLATFORMS)}")
    text = text.replace("  target_size: 500", f"  target_size: {rng.choice(SIZES)}")
    text = text.replace("    threshold: paid", f"    threshold: {rng.choice(THRESHOLDS)}")
    if rng.random() < 0.3:
        text = text.replace("    announce_days_before: 2", "    announce_days_before: 0")
    if rng.random() < 0.3:
        text = text.replace("  opinion_leaders: [陈姐, 老王, Mia, 大刘, 苏苏]", "  opinion_leaders: [陈姐, 老王]")
    if rng.random() < 0.2:
        text = text.replace("    backup: 小林\n", "")
    if rng.random() < 0.1:
        text = text.replace("  capacity: 500", "  capacity: lots")  # a schema error, still checked by the rules
    return text


def generate(folder: Path, count: int) -> list[Path]:
    rng = random.Random(20260601)
    base = EXAMPLE.read_text(encoding="utf-8")
    paths = []
    for index in range(count):
        path = folder / f"plan-{index:04d}.yaml"
        path.write_text(variation(base, index, rng), encoding="utf-8")
        paths.append(path)
    return paths


TARGET = 10.0
PYCACHE = tempfile.mkdtemp(prefix="sqtool-check-many-pyc-")


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall-clock seconds and CPU seconds (user + system, all child processes) of one run."""
    environment = dict(os.environ, PYTHONPATH=str(REPO / "src"), NO_COLOR="1", PYTHONPYCACHEPREFIX=PYCACHE)
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    completed = subprocess.run(command, cwd=cwd, env=environment, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if completed.returncode not in (0, 1):
        sys.exit(f"{command[0]} failed ({completed.returncode}):\n{completed.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="generate the plans here and keep them")
    parser.add_argument("--check-jsonschema", dest="checker", help="path of the check-jsonschema command")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="sqtool-check-many-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        paths = generate(folder, args.plans)
        names = [path.name for path in paths]
        sqtool = [sys.executable, "-m", "sqtool", "check", ".", "--format", "json"]
        checker = args.checker or shutil.which("check-jsonschema") or _beside_python("check-jsonschema")
        other = [checker, "--schemafile", str(SCHEMA), *names] if checker else None
        print(f"plans: {len(paths)} ({sum(p.stat().st_size for p in paths) / 1024:.0f} KiB) on {os.cpu_count()} cores")
        print(f"load average before the runs: {os.getloadavg()[0]:.1f} (figures from a busy machine are slower)")
        timed(sqtool, folder)  # warm-up: bytecode written, plans in the page cache
        runs: dict[str, list[tuple[float, float]]] = {"sqtool": [], "other": []}
        for _ in range(args.runs):
            runs["sqtool"].append(timed(sqtool, folder))
            if other is not None:
                runs["other"].append(timed(other, folder))
        wall, cpu = _medians(runs["sqtool"])
        print(f"medians of {args.runs} interleaved runs")
        print(f"sqtool check (schema + {rule_count()} rules): {wall:6.2f} s wall, {cpu:6.2f} s CPU")
        if other is None:
            print("check-jsonschema: not installed, skipped (pip install check-jsonschema to compare)")
            return 0
        other_wall, other_cpu = _medians(runs["other"])
        print(f"check-jsonschema (schema only):   {other_wall:6.2f} s wall, {other_cpu:6.2f} s CPU")
        wall_ratio, cpu_ratio = other_wall / wall, other_cpu / cpu
        print(f"ratio check-jsonschema / sqtool:   {wall_ratio:6.2f}x wall, {cpu_ratio:.2f}x CPU")
        verdict = "met" if wall_ratio >= TARGET else "MISSED"
        print(f"target: sqtool at least {TARGET:.0f}x faster (wall) -> {verdict}")
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(PYCACHE, ignore_errors=True)
    return 0


def _medians(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(wall for wall, _ in runs), statistics.median(cpu for _, cpu in runs)


def rule_count() -> int:
    sys.path.insert(0, str(REPO / "src"))
    from sqtool.rules.registry import all_rules

    return sum(1 for rule in all_rules() if rule.check is not None)


def _beside_python(name: str) -> str | None:
    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else None


if __name__ == "__main__":
    sys.exit(main())
