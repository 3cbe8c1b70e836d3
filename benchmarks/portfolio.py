"""`sqtool portfolio` on many generated groups: wall time and peak RSS per worker (issue 21).

    python benchmarks/portfolio.py [--small | --groups G --messages M] [--keep DIR] [--modes jobs1,jobs2,dask2]
                                   [--backends native,python]

Writes G groups of M messages each (default 200 x 50,000 = 10^7 messages; --small: 20 x 5,000) in
mixed formats (the generic CSV, Telegram JSON, WhatsApp text, JSON Lines and Discord JSON in turn), over the 60
days up to 2026-06-30 so both the period and the one before it have messages, and a groups.yaml
listing them. Then, each in a fresh subprocess, runs the whole portfolio through the Python API with
  * jobs1: no executor (every group in the main process, one after another),
  * jobs2: a ProcessPoolExecutor of 2 workers (what `--jobs 2` uses),
  * dask2: a Dask distributed LocalCluster of 2 single-threaded worker processes (`--executor dask`),
each with the native fast path and with the pure-Python readers (--backends; SQTOOL_BACKEND, which
the workers inherit), and prints the wall time, messages per second, and the peak RSS of every worker
(each job reports its process's peak as it ends; the largest is the worker's). It checks that every
run gives the same outcomes, and extrapolates the wall time of 200 x 50,000 from the measured throughput.
Target (issue 21): under 2 minutes with 2 jobs on 2 cores, RSS per worker bounded as in the
single-group audit (benchmarks/audit_speed.py: <= 300 MiB).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
UNTIL = "2026-06-30"
END = datetime(2026, 6, 30, 23, 0, tzinfo=UTC)
DAYS = 60
MEMBERS = 500
FULL_GROUPS, FULL_MESSAGES = 200, 50_000
TARGET_SECONDS = 120
TARGET_RSS_MIB = 300
FORMATS = ("csv", "telegram", "whatsapp", "jsonl", "discord")
TEXTS = (
    "今天的案例很有启发",
    "怎么做用户分层？",
    "【每日案例】第 {n} 期：复购率提升三成的做法",
    "agree, we saw the same",
    "https://example.com/article/{n}",
    "谢谢分享",
    "what tool do you use for tagging?",
)


def _messages(rng: random.Random, count: int) -> list[tuple[datetime, str, str]]:
    weights = [1 / (rank + 1) for rank in range(MEMBERS)]  # 1-9-90: a few talk a lot, most rarely
    senders = rng.choices(range(MEMBERS), weights=weights, k=count)
    step = DAYS * 86400 / count
    start = END - timedelta(days=DAYS)
    return [
        (start + timedelta(seconds=index * step), f"成员{sender}", rng.choice(TEXTS).format(n=index))
        for index, sender in enumerate(senders)
    ]


def write_group(folder: Path, index: int, count: int) -> tuple[str, str]:
    """One group's export in the index's format; returns (file name, format)."""
    rng = random.Random(index)
    kind = FORMATS[index % len(FORMATS)]
    rows = _messages(rng, count)
    if kind == "csv":
        path = folder / f"g{index:04d}.csv"
        with path.open("w", newline="", encoding="utf-8") as stream:
            writer = csv.writer(stream)
            writer.writerow(["time", "sender", "text"])
            writer.writerows((moment.isoformat(), sender, text) for moment, sender, text in rows)
    elif kind == "jsonl":
        path = folder / f"g{index:04d}.jsonl"
        with path.open("w", encoding="utf-8") as stream:
            for moment, sender, text in rows:
                record = {"time": moment.isoformat(), "sender": sender, "text": text}
                stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif kind == "whatsapp":
        path = folder / f"WhatsApp Chat with Bench {index:04d}.txt"
        with path.open("w", encoding="utf-8") as stream:
            for moment, sender, text in rows:
                stream.write(f"{moment:%d/%m/%Y, %H:%M} - {sender}: {text}\n")
    elif kind == "discord":
        path = folder / f"g{index:04d}-discord.json"
        with path.open("w", encoding="utf-8") as stream:
            stream.write(f'{{"guild": {{"id": "{index}", "name": "Bench {index}"}}, "channel": {{"id": "1", '
                         '"name": "general"}, "messages": [\n')  # fmt: skip
            for number, (moment, sender, text) in enumerate(rows, 1):
                post = {
                    "id": str(number),
                    "type": "Default",
                    "timestamp": moment.isoformat(timespec="milliseconds"),
                    "content": text,
                    "author": {"id": f"{1000 + int(sender[2:])}", "name": sender, "nickname": sender, "isBot": False},
                    "attachments": [],
                    "mentions": [],
                }
                stream.write(("," if number > 1 else "") + json.dumps(post, ensure_ascii=False) + "\n")
            stream.write("]}\n")
    else:
        path = folder / f"g{index:04d}.json"
        with path.open("w", encoding="utf-8") as stream:
            stream.write(f'{{"name": "Bench {index}", "type": "private_supergroup", "id": {index}, "messages": [\n')
            for number, (moment, sender, text) in enumerate(rows, 1):
                item = {
                    "id": number,
                    "type": "message",
                    "date": moment.strftime("%Y-%m-%dT%H:%M:%S"),
                    "date_unixtime": str(int(moment.timestamp())),
                    "from": sender,
                    "from_id": f"user{sender[2:]}",
                    "text": text,
                }
                stream.write(("," if number > 1 else "") + json.dumps(item, ensure_ascii=False) + "\n")
            stream.write("]}\n")
    return path.name, kind


def generate(folder: Path, groups: int, messages: int) -> Path:
    exports = folder / "exports"
    exports.mkdir(parents=True, exist_ok=True)
    lines = ["version: 1", "defaults:", "  tz: UTC", "groups:"]
    for index in range(groups):
        name, kind = write_group(exports, index, messages)
        city = ("上海", "北京", "深圳", "杭州")[index % 4]
        lines += [
            f"  - name: group-{index:04d}",
            f"    exports: 'exports/{name}'",
            f"    members: {MEMBERS}",
            f"    tags: {{city: {city}, format: {kind}}}",
        ]
    manifest = folder / "groups.yaml"
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return manifest


RUNNER = textwrap.dedent(
    """
    import json, os, resource, sys, time
    sys.path.insert(0, {src!r})
    import sqtool

    mode, manifest, until = sys.argv[1], sys.argv[2], sys.argv[3]
    started = time.perf_counter()
    if mode == "jobs1":
        result = sqtool.portfolio(manifest, until=until)
    elif mode == "jobs2":
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("forkserver")) as pool:
            result = sqtool.portfolio(manifest, until=until, executor=pool)
    else:
        import logging
        from distributed import Client, LocalCluster
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                               silence_logs=logging.ERROR)
        with cluster, Client(cluster) as client:
            result = sqtool.portfolio(manifest, until=until, executor=client.get_executor())
    wall = time.perf_counter() - started
    workers = {{}}
    for outcome in result.outcomes:
        workers[outcome.worker] = max(workers.get(outcome.worker, 0), outcome.peak_rss_kib)
    messages = sum(o.figures.messages + (o.figures.messages_previous or 0) for o in result.outcomes if o.figures)
    failed = [o.name for o in result.outcomes if o.failure is not None]
    summary = [(o.name, o.figures, o.failure) for o in result.outcomes]
    print(json.dumps({{
        "wall": wall,
        "cpu": sum(o.cpu_seconds for o in result.outcomes),
        "workers_kib": sorted(workers.values()),
        "main_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "messages": messages,
        "failed": failed,
        "fingerprint": repr(summary),
    }}))
    """
)


def run(mode: str, manifest: Path, backend: str) -> dict[str, object]:
    """One mode in a fresh interpreter, with the readers of ``backend`` (SQTOOL_BACKEND; workers inherit it)."""
    script = RUNNER.format(src=str(REPO / "src"))
    environment = {**os.environ, "SQTOOL_BACKEND": backend}
    done = subprocess.run(
        [sys.executable, "-c", script, mode, str(manifest), UNTIL],
        capture_output=True,
        text=True,
        check=False,
        env=environment,
    )
    if done.returncode != 0:
        sys.exit(f"{mode} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def native_built() -> bool:
    """Whether this checkout has the C++ fast path (sqtool._native._core)."""
    probe = f"import sys; sys.path.insert(0, {str(REPO / 'src')!r}); import sqtool._native._core"
    return subprocess.run([sys.executable, "-c", probe], capture_output=True, check=False).returncode == 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--small", action="store_true", help="20 groups x 5,000 messages")
    parser.add_argument("--groups", type=int, default=None)
    parser.add_argument("--messages", type=int, default=None)
    parser.add_argument("--modes", default="jobs1,jobs2,dask2")
    parser.add_argument("--keep", type=Path, default=None, help="write the groups here and keep them")
    parser.add_argument(
        "--backends", default=None, help="native,python (default: both where the native module is built)"
    )
    args = parser.parse_args()
    backends = [
        name.strip() for name in (args.backends or ("native,python" if native_built() else "python")).split(",")
    ]
    if "native" in backends and not native_built():
        sys.exit("portfolio: --backends native needs sqtool._native (pip install -e . with a C++17 compiler)")
    groups = args.groups or (20 if args.small else FULL_GROUPS)
    messages = args.messages or (5_000 if args.small else FULL_MESSAGES)
    modes = [mode.strip() for mode in args.modes.split(",") if mode.strip()]
    with tempfile.TemporaryDirectory(prefix="sqtool-portfolio-") as temporary:
        folder = args.keep or Path(temporary)
        started = datetime.now()
        manifest = generate(folder, groups, messages)
        seconds = (datetime.now() - started).total_seconds()
        total = f"{groups} groups x {messages:,} messages ({groups * messages:,})"
        print(f"{total} in {', '.join(FORMATS)}: written in {seconds:.0f} s")
        results = {f"{mode}/{backend}": run(mode, manifest, backend) for backend in backends for mode in modes}
    print(f"{'mode':<15}{'wall s':>9}{'msg/s':>12}{'job CPU s':>11}  peak RSS per worker (MiB)   main (MiB)")
    for mode, result in results.items():
        wall = float(result["wall"])  # type: ignore[arg-type]
        rate = groups * messages / wall
        workers = ", ".join(f"{kib / 1024:.0f}" for kib in result["workers_kib"])  # type: ignore[attr-defined]
        cpu = float(result["cpu"])  # type: ignore[arg-type]
        main_mib = int(result["main_kib"]) / 1024  # type: ignore[call-overload]
        print(f"{mode:<15}{wall:>9.1f}{rate:>12,.0f}{cpu:>11.1f}  {workers:<27} {main_mib:.0f}")
        if result["failed"]:
            print(f"  failed groups: {result['failed']}")
    fingerprints = {str(result["fingerprint"]) for result in results.values()}
    print("outcomes identical across modes:", "yes" if len(fingerprints) == 1 else "NO")
    scale = FULL_GROUPS * FULL_MESSAGES / (groups * messages)
    for backend in backends:
        if f"jobs2/{backend}" not in results:
            continue
        rate = groups * messages / float(results[f"jobs2/{backend}"]["wall"])  # type: ignore[arg-type]
        cpu = min(float(result["cpu"]) for key, result in results.items() if key.endswith(backend))  # type: ignore[arg-type]
        verdict = "" if scale != 1 else (" ok" if 1 / rate * groups * messages <= TARGET_SECONDS else " MISS")
        print(
            f"{backend}: --jobs 2 for {FULL_GROUPS} x {FULL_MESSAGES:,}: {FULL_GROUPS * FULL_MESSAGES / rate:.0f} s"
            f"{' (extrapolated)' if scale != 1 else ''} at the wall time measured here; {cpu * scale / 2:.0f} s from"
            f" the jobs' CPU time on 2 idle cores (target {TARGET_SECONDS} s){verdict}"
        )
    peak = max(max(result["workers_kib"]) for result in results.values()) / 1024  # type: ignore[call-overload]
    print(f"largest worker peak RSS: {peak:.0f} MiB (target {TARGET_RSS_MIB} MiB per worker)")


if __name__ == "__main__":
    main()
