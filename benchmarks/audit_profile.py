"""Where the audit's CPU and memory go, on an export already written (issue 22, the audit pass).

    python benchmarks/audit_profile.py EXPORT [--format telegram] [--mode engine|command|cprofile|memory]
                                       [--reps R] [--top N]

Modes, each run in this process (run it once per mode for a fresh interpreter):
  * ``engine``: the records are read first (in parts, as the command's pass reads them: the native
    Telegram reader's MessageRuns), then ``run_audit`` alone is timed R times in CPU seconds
    (time.process_time); prints the median and the µs per message;
  * ``stages``: the CPU of reading, of the engine and of the JSON report, the fewest of R runs;
  * ``command``: ``sqtool --quiet audit EXPORT --report json`` as a user runs it (start-up excluded),
    the report written to a file, with wall and CPU seconds and the peak RSS of the process (ru_maxrss);
  * ``cprofile``: the engine under cProfile, the top N functions by their own time;
  * ``memory``: the engine under tracemalloc, streaming the records from the reader (as the command
    does), the top N allocation sites still held when the pass ends and the traced peak.

Write exports with benchmarks/audit_speed.py --keep DIR (its generator). SQTOOL_BACKEND chooses
the readers as for sqtool itself.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from sqtool.audit.engine import run_audit
from sqtool.audit.options import AuditOptions
from sqtool.chat.read import read_exports

MEMBERS = 2_000  # as benchmarks/audit_speed.py


def _options() -> AuditOptions:
    return AuditOptions(members=MEMBERS)


class _Parts(list):
    """What was read, handed to the pass as a ChatRead hands it (``parts()``: record lists and MessageRuns)."""

    def parts(self) -> Iterator[object]:
        return iter(self)


def _read(path: Path, export_format: str) -> _Parts:
    """The export read as the command's pass reads it: in parts (the native Telegram reader's runs)."""
    return _Parts(read_exports([path], format=export_format).parts())


def engine(path: Path, export_format: str, reps: int) -> None:
    records = _read(path, export_format)
    times = []
    for _ in range(reps):
        started = time.process_time()
        report = run_audit(records, _options())
        times.append(time.process_time() - started)
    count = report.current.summary.messages
    median = statistics.median(times)
    print(f"engine: {median:.3f} s CPU (median of {reps}), {median / count * 1e6:.2f} µs/msg, {count:,} messages")


def command(path: Path, export_format: str) -> None:
    from sqtool.cli import main

    argv = ["sqtool", "--quiet", "audit", str(path), "--format", export_format, "--members", str(MEMBERS)]
    sys.argv = [*argv, "--tz", "UTC", "--report", "json"]
    # the report goes to a file, as from a shell (a StringIO of Chinese text takes 4 bytes a character)
    with tempfile.TemporaryFile("w+", encoding="utf-8") as out:
        wall, cpu = time.perf_counter(), time.process_time()
        with contextlib.redirect_stdout(out):
            try:
                main()
            except SystemExit as exit:
                if exit.code:
                    raise
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        out.seek(0)
        count = json.load(out)["summary"]["messages"]
    print(f"command: {wall:.2f} s wall, {cpu:.2f} s CPU, {cpu / count * 1e6:.2f} µs/msg CPU, peak RSS {peak:.1f} MiB")


def stages(path: Path, export_format: str, reps: int) -> None:
    """CPU of each stage, the fewest of ``reps``: reading (in parts), the engine on what was read, the
    JSON report; garbage collection off, as in the command's pass."""
    from sqtool.render.audit import render_report

    best: dict[str, float] = {}
    for _ in range(reps):
        gc.disable()
        started = time.process_time()
        records = _read(path, export_format)
        read = time.process_time()
        report = run_audit(records, _options())
        audited = time.process_time()
        render_report(report, "json", "en", color=False)
        rendered = time.process_time()
        del records, report
        gc.enable()
        gc.collect()
        for name, seconds in (("read", read - started), ("engine", audited - read), ("report", rendered - audited)):
            best[name] = min(best.get(name, seconds), seconds)
    figures = ", ".join(f"{name} {seconds:.3f} s" for name, seconds in best.items())
    print(f"stages (CPU, fewest of {reps}): {figures}; total {sum(best.values()):.3f} s")


def cprofile(path: Path, export_format: str, top: int) -> None:
    import cProfile
    import pstats

    records = _read(path, export_format)
    profile = cProfile.Profile()
    profile.runcall(run_audit, records, _options())
    pstats.Stats(profile).sort_stats("tottime").print_stats(top)


def memory(path: Path, export_format: str, top: int) -> None:
    import tracemalloc

    from sqtool.audit import engine as engine_module
    from sqtool.audit.fastpass import Accumulator

    held: list[tracemalloc.Snapshot] = []
    finish = Accumulator.finish

    def snapshot_then_finish(self: Accumulator):  # type: ignore[no-untyped-def]
        held.append(tracemalloc.take_snapshot())
        return finish(self)

    Accumulator.finish = snapshot_then_finish  # type: ignore[method-assign]
    tracemalloc.start(1)
    engine_module.run_audit(read_exports([path], format=export_format), _options())
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    stats = held[0].statistics("lineno")
    total = sum(stat.size for stat in stats)
    print(f"held when the pass ends: {total / 2**20:.1f} MiB; traced peak {peak / 2**20:.1f} MiB")
    for stat in stats[:top]:
        print(f"{stat.size / 2**20:8.2f} MiB {stat.count:>9,} blocks  {stat.traceback}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("export", type=Path)
    parser.add_argument("--format", default="telegram")
    parser.add_argument("--mode", choices=("engine", "stages", "command", "cprofile", "memory"), default="engine")
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--top", type=int, default=25)
    arguments = parser.parse_args()
    print(f"backend: {os.environ.get('SQTOOL_BACKEND', 'auto')}; load average {os.getloadavg()[0]:.2f}")
    if arguments.mode == "engine":
        engine(arguments.export, arguments.format, arguments.reps)
    elif arguments.mode == "stages":
        stages(arguments.export, arguments.format, arguments.reps)
    elif arguments.mode == "command":
        command(arguments.export, arguments.format)
    elif arguments.mode == "cprofile":
        cprofile(arguments.export, arguments.format, arguments.top)
    else:
        memory(arguments.export, arguments.format, arguments.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
