"""Time every reporter on many findings; print seconds, findings per second and the ratio to json.

    python benchmarks/render_findings.py [FINDINGS] [FILES]

The default (10,000 findings over 1,000 files) is what `sqtool check` of 1,000 plans with ten
findings each hands to a reporter. The json reporter is the yardstick: a plain json.dumps.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from sqtool.diagnostics import Finding, Severity
from sqtool.reporters import FORMATS, ReportContext, render


def sample(findings: int, files: int) -> tuple[list[Finding], ReportContext]:
    severities = list(Severity)
    paths = [f"plans/社群-{index:04d}.yaml" for index in range(files)]
    items = [
        Finding(
            f"SQ{200 + index % 40}",
            severities[index % 3],
            f"needs {index % 9 + 1} opinion leaders for 500 members, plan names 2 (陈姐, 老王)",
            paths[index % files],
            index % 97 + 1,
            index % 13 + 1,
            "name more members who answer questions" if index % 2 else None,
        )
        for index in range(findings)
    ]
    return items, ReportContext("bench", files=tuple(paths))


def best_of(runs: int, action) -> float:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return min(timings)


def main() -> None:
    findings = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    files = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000
    items, context = sample(findings, files)
    timings = {name: best_of(3, lambda name=name: render(name, items, context)) for name in FORMATS}
    coloured = best_of(3, lambda: render("text", items, ReportContext("bench", files=context.files, color=True)))
    timings["text (colour)"] = coloured
    print(f"{findings:,} findings in {files:,} files, best of 3 runs")
    print(f"{'format':<14} {'seconds':>8} {'findings/s':>12} {'x json':>7}")
    for name, seconds in timings.items():
        print(f"{name:<14} {seconds:8.3f} {findings / seconds:12,.0f} {seconds / timings['json']:7.2f}")


if __name__ == "__main__":
    main()
