"""Audit speed and memory on a generated export, against the floors of plain parsing (issue 7).

    python benchmarks/audit_speed.py [--messages N | --full] [--reps R] [--engine-only]
                                     [--compare REV] [--profile] [--keep DIR]

Writes a Telegram Desktop JSON export and a WhatsApp (Android, 24 h) text export of the same chat
(10^5 messages by default, 10^6 with --full: the size the targets are set for), then times, each in
a fresh subprocess that also reports its peak RSS:
  * the floors: counting the Telegram messages with ijson, and matching the WhatsApp header regex;
  * the full command: `sqtool --quiet audit EXPORT --report json` (start-up, reading, the audit and
    the JSON report), run in-process by sqtool.cli.main, with the pure-Python readers and, where
    sqtool._native is built, the native ones too (Telegram; issue 22's targets: <= 1.0x the ijson
    floor, <= 100 MiB; docs/performance.md);
  * the engine alone: the records are read into a list first, then only run_audit is timed with
    time.process_time (CPU time, so other jobs on the machine blur it less), R times, median shown,
    in microseconds per message. --compare REV also times the engine of git revision REV on the
    same records (its src/ extracted with git archive), for a before/after in one run.
End-to-end figures are the fastest of R runs (--reps; other work on the machine only adds time),
taken round by round with the floors so that both sides of a ratio see the same machine.
Prints figures and ratios against the targets (audit <= 2x the Telegram floor, <= 3x the WhatsApp
floor, peak RSS <= 300 MiB), and the engine's share of the end-to-end time. --profile prints the
engine's top functions under cProfile. It exits 2 with a clear message when the readers are missing.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TARGET_TELEGRAM_RATIO = 2.0
TARGET_WHATSAPP_RATIO = 3.0
TARGET_RSS_MIB = 300
TARGET_NATIVE_RATIO = 1.0  # issue 22: the native audit of 10^6 Telegram messages <= the ijson floor
TARGET_NATIVE_RSS_MIB = 100
MEMBERS = 2_000
TEXTS = (
    "今天的案例很有启发",
    "怎么做用户分层？",
    "【每日案例】第 {n} 期：复购率提升三成的做法",
    "agree, we saw the same",
    "https://example.com/article/{n}",
    "谢谢分享",
    "what tool do you use for tagging?",
    "周末有点忙，晚点补课",
)


def generate(directory: Path, messages: int, seed: int = 7) -> tuple[Path, Path]:
    """One chat written twice: Telegram JSON (streamed out, never held whole) and WhatsApp txt."""
    rng = random.Random(seed)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    telegram = directory / "result.json"
    whatsapp = directory / "WhatsApp Chat with Bench.txt"
    weights = [1 / (rank + 1) for rank in range(MEMBERS)]  # a few talk a lot, most rarely: 1-9-90
    senders = rng.choices(range(MEMBERS), weights=weights, k=messages)
    with telegram.open("w", encoding="utf-8") as tg, whatsapp.open("w", encoding="utf-8") as wa:
        tg.write('{"name": "Bench", "type": "private_supergroup", "id": 1, "messages": [\n')
        when = start
        for n in range(messages):
            when += timedelta(seconds=rng.randint(1, 60))
            sender = senders[n]
            text = rng.choice(TEXTS).format(n=n)
            record = {
                "id": n + 1,
                "type": "message",
                "date": when.strftime("%Y-%m-%dT%H:%M:%S"),
                "date_unixtime": str(int(when.timestamp())),
                "from": f"member {sender}",
                "from_id": f"user{sender}",
                "text": text,
            }
            if n and rng.random() < 0.2:
                record["reply_to_message_id"] = rng.randint(max(1, n - 50), n)
            tg.write(("," if n else "") + json.dumps(record, ensure_ascii=False) + "\n")
            wa.write(f"{when:%d/%m/%Y, %H:%M} - member {sender}: {text}\n")
        tg.write("]}\n")
    return telegram, whatsapp


_MEASURE = textwrap.dedent(
    """
    import resource, sys, time
    sys.path.insert(0, {src!r})
    started = time.perf_counter()
    count = 0
    {body}
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{{elapsed:.3f}} {{peak:.1f}} {{count}}")
    """
)

FLOOR_TELEGRAM = """
import ijson
with open({path!r}, "rb") as stream:
    for item in ijson.items(stream, "messages.item"):
        count += 1
"""
FLOOR_WHATSAPP = """
import re
header = re.compile(r"^(\\d{{1,2}})/(\\d{{1,2}})/(\\d{{2,4}}), (\\d{{1,2}}):(\\d{{2}}) - ([^:]+): ")
with open({path!r}, encoding="utf-8") as stream:
    for line in stream:
        if header.match(line):
            count += 1
"""
# the whole command, as a user runs it: CLI start-up, reading, the audit, the JSON report written out,
# with the readers of one backend (issue 22: native where sqtool._native is built, else pure Python)
AUDIT = """
import contextlib, io, json, os
os.environ["SQTOOL_BACKEND"] = {backend!r}
from sqtool.cli import main
sys.argv = ["sqtool", "--quiet", "audit", {path!r}, "--format", {format!r}, "--members", "{members}",
            "--tz", "UTC", "--report", "json"]
out = io.StringIO()
with contextlib.redirect_stdout(out):
    try:
        main()
    except SystemExit as exit:
        assert not exit.code, exit.code
count = json.loads(out.getvalue())["summary"]["messages"]
"""


# The engine alone: read once into a list (reader time excluded), then time run_audit only, in CPU
# seconds; prints one figure per repetition, then the message count.
ENGINE = """
import time
from sqtool.chat.read import read_exports
from sqtool.audit.engine import run_audit
from sqtool.audit.options import AuditOptions
records = list(read_exports([{path!r}], format={format!r}))
times = []
for _ in range({reps}):
    started = time.process_time()
    report = run_audit(records, AuditOptions(members={members}))
    times.append(time.process_time() - started)
count = report.current.summary.messages
print(" ".join(f"{{t:.4f}}" for t in times))
"""
PROFILE = """
import cProfile, pstats
from sqtool.chat.read import read_exports
from sqtool.audit.engine import run_audit
from sqtool.audit.options import AuditOptions
records = list(read_exports([{path!r}], format={format!r}))
profile = cProfile.Profile()
profile.runcall(run_audit, records, AuditOptions(members={members}))
pstats.Stats(profile).sort_stats("tottime").print_stats(12)
"""


def engine_seconds(path: Path, export_format: str, reps: int, src: Path = REPO / "src") -> tuple[float, int]:
    """(median CPU seconds of run_audit over ``reps`` runs on pre-read records, messages audited)."""
    body = ENGINE.format(path=str(path), format=export_format, reps=reps, members=MEMBERS)
    code = _MEASURE.format(src=str(src), body=body)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "failed")
    lines = result.stdout.split("\n")
    return statistics.median(float(t) for t in lines[0].split()), int(lines[1].split()[2])


def extract_src(revision: str, directory: Path) -> Path:
    """src/ of a git revision, unpacked under ``directory`` (for --compare)."""
    archive = subprocess.run(["git", "-C", str(REPO), "archive", revision, "src"], capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(directory)], input=archive.stdout, check=True)
    return directory / "src"


def measure(body: str, src: Path = REPO / "src") -> tuple[float, float, int]:
    """(seconds, peak RSS MiB, records counted) of ``body`` in a fresh interpreter."""
    code = _MEASURE.format(src=str(src), body=textwrap.indent(textwrap.dedent(body), ""))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "failed")
    seconds, peak, count = result.stdout.split()
    return float(seconds), float(peak), int(count)


def measure_rounds(rows: list[tuple[str, str]], reps: int) -> dict[str, tuple[float, float, int]]:
    """Each body ``reps`` times, round by round (floor, audit, floor, audit, ...), so a machine that
    slows down for a while slows both sides of a ratio; the fastest run of each, its largest peak."""
    runs: dict[str, list[tuple[float, float, int]]] = {name: [] for name, _ in rows}
    for _ in range(reps):
        for name, body in rows:
            runs[name].append(measure(body))
    return {name: (min(run[0] for run in done), max(run[1] for run in done), done[0][2]) for name, done in runs.items()}


def native_available() -> bool:
    """Whether sqtool._native is built in this checkout (an editable install compiles it into src/)."""
    probe = subprocess.run(
        [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(REPO / 'src')!r}); import sqtool._native._core"],
        capture_output=True,
        check=False,
    )
    return probe.returncode == 0


def readers_available() -> bool:
    probe = subprocess.run(
        [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(REPO / 'src')!r}); import sqtool.chat.read"],
        capture_output=True,
        check=False,
    )
    return probe.returncode == 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--full", action="store_true", help="10^6 messages, the size issue 7's targets are for")
    parser.add_argument(
        "--reps",
        type=int,
        default=3,
        help="repetitions: the fastest end-to-end run and the median engine run are shown",
    )
    parser.add_argument("--engine-only", action="store_true", help="skip the floors and the end-to-end runs")
    parser.add_argument("--compare", metavar="REV", help="also time the engine of this git revision")
    parser.add_argument("--profile", action="store_true", help="print the engine's top functions (cProfile)")
    parser.add_argument("--keep", type=Path, help="write the generated exports here and keep them")
    arguments = parser.parse_args()
    messages = 1_000_000 if arguments.full else arguments.messages
    if not readers_available():
        print("audit_speed: sqtool.chat.read is not installed in this checkout; the chat readers are needed.")
        return 2
    with tempfile.TemporaryDirectory() as scratch:
        directory = arguments.keep or Path(scratch)
        directory.mkdir(parents=True, exist_ok=True)
        telegram, whatsapp = generate(directory, messages)
        print(f"generated {messages:,} messages: {telegram.stat().st_size / 2**20:.0f} MiB JSON, "
              f"{whatsapp.stat().st_size / 2**20:.0f} MiB txt")  # fmt: skip
        exports = {"telegram": telegram, "whatsapp": whatsapp}
        engine: dict[str, float] = {}
        sources = [("engine", REPO / "src")]
        if arguments.compare:
            sources.append((f"engine @ {arguments.compare}", extract_src(arguments.compare, Path(scratch))))
        for label, src in sources:
            for export_format, path in exports.items():
                seconds, count = engine_seconds(path, export_format, arguments.reps, src)
                engine[f"{label} {export_format}"] = seconds
                print(f"{label + ' ' + export_format:32} {seconds:8.2f} s  {seconds / count * 1e6:8.2f} µs/msg (CPU, "
                      f"median of {arguments.reps})")  # fmt: skip
        if arguments.compare:
            for export_format in exports:
                before, after = (
                    engine[f"engine @ {arguments.compare} {export_format}"],
                    engine[f"engine {export_format}"],
                )
                print(f"engine {export_format}: {before / after:.2f}x faster than {arguments.compare}")
        if arguments.profile:
            for export_format, path in exports.items():
                body = PROFILE.format(path=str(path), format=export_format, members=MEMBERS)
                code = _MEASURE.format(src=str(REPO / "src"), body=body)
                print(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
        if arguments.engine_only:
            return 0
        native = native_available()
        rows = [
            ("telegram floor (ijson count)", FLOOR_TELEGRAM.format(path=str(telegram))),
            ("whatsapp floor (header regex)", FLOOR_WHATSAPP.format(path=str(whatsapp))),
            ("audit telegram", AUDIT.format(path=str(telegram), format="telegram", members=MEMBERS, backend="python")),
            ("audit whatsapp", AUDIT.format(path=str(whatsapp), format="whatsapp", members=MEMBERS, backend="python")),
        ]
        if native:  # WhatsApp has no native reader yet: its audit is the Python one either way
            rows.append(
                (
                    "audit telegram (native)",
                    AUDIT.format(path=str(telegram), format="telegram", members=MEMBERS, backend="native"),
                )
            )
        else:
            print("audit_speed: sqtool._native is not built here; only the pure-Python readers are timed")
        results = measure_rounds(rows, arguments.reps)
        for name, (seconds, peak, count) in results.items():
            print(f"{name:32} {seconds:8.2f} s  {count / seconds:12,.0f} msg/s  peak RSS {peak:7.1f} MiB")
    tg_ratio = results["audit telegram"][0] / results["telegram floor (ijson count)"][0]
    wa_ratio = results["audit whatsapp"][0] / results["whatsapp floor (header regex)"][0]
    if "audit telegram (native)" in results:
        native_seconds, native_peak, _ = results["audit telegram (native)"]
        native_ratio = native_seconds / results["telegram floor (ijson count)"][0]
        print(f"telegram: native readers {results['audit telegram'][0] / native_seconds:.2f}x the pure-Python audit")
        print(
            ("ok    " if native_ratio <= TARGET_NATIVE_RATIO else "MISS  ")
            + f"native audit / telegram floor = {native_ratio:.2f}x (issue 22's target <= {TARGET_NATIVE_RATIO}x)"
        )
        print(("ok    " if native_peak <= TARGET_NATIVE_RSS_MIB else "MISS  ")
              + f"native peak RSS = {native_peak:.0f} MiB (target <= {TARGET_NATIVE_RSS_MIB} MiB)")  # fmt: skip
    for export_format in exports:
        total = results[f"audit {export_format}"][0]
        share = engine[f"engine {export_format}"] / total
        print(f"{export_format}: engine {share:.0%} of the end-to-end audit, readers and the rest {1 - share:.0%}")
    peak = max(results["audit telegram"][1], results["audit whatsapp"][1])
    checks = [
        (f"audit / telegram floor = {tg_ratio:.2f}x (target <= {TARGET_TELEGRAM_RATIO}x)",
         tg_ratio <= TARGET_TELEGRAM_RATIO),
        (f"audit / whatsapp floor = {wa_ratio:.2f}x (target <= {TARGET_WHATSAPP_RATIO}x)",
         wa_ratio <= TARGET_WHATSAPP_RATIO),
        (f"peak RSS = {peak:.0f} MiB (target <= {TARGET_RSS_MIB} MiB)", peak <= TARGET_RSS_MIB),
    ]  # fmt: skip
    for text, ok in checks:
        print(("ok    " if ok else "MISS  ") + text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
