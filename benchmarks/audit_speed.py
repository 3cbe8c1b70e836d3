"""Audit speed and memory on generated exports, against plain-parsing floors and peers (issues 7, 22).

    python benchmarks/audit_speed.py [--messages N | --full] [--formats LIST] [--reps R]
                                     [--chat-analytics CMD] [--peer-python PY]
                                     [--engine-only] [--compare REV] [--profile] [--keep DIR]

Writes one chat three times, as a Telegram Desktop JSON export, a WhatsApp (Android, 24 h) text
export and a DiscordChatExporter JSON export (10^5 messages by default; --full runs 10^5 and then
10^6, the size issue 22's targets are set for, and checks how much the peak memory grows between
them). Then it times, each in a fresh subprocess that also reports its CPU time and peak RSS, round
by round so that a machine that slows down for a while slows both sides of a ratio:
  * the floors: counting the Telegram messages with ijson (streaming), matching the WhatsApp header
    regex line by line, and orjson.loads of the whole Discord file with the garbage collector off;
  * the full command, `sqtool --quiet audit EXPORT --report json` (start-up, reading, the audit and
    the JSON report), run by sqtool.cli.main, with the pure-Python backend and, where sqtool._native
    is built, the native one (SQTOOL_BACKEND);
  * the peers, once per size, where they are installed: chat-analytics (npm; its CLI writes its
    HTML report from the same three exports: `npm install chat-analytics`, then --chat-analytics
    node_modules/.bin/chat-analytics, found on PATH otherwise) and whatstk (PyPI; it parses the
    WhatsApp export into a DataFrame: --peer-python a Python that has it, this one otherwise).
Wall times are medians of R rounds (--reps), CPU seconds the median of the same runs (the CPU is the
steadier figure on a shared machine), peak RSS the largest. Then it prints issue 22's targets, each
marked ok or MISS with its ratio.

The engine alone (--engine-only, --compare, --profile): the records are read into a list first, then
only run_audit is timed with time.process_time, R times, median shown, in microseconds per message;
--compare REV also times the engine of git revision REV (its src/ extracted with git archive) on the
same records, for a before/after in one run; --profile prints the engine's top functions under
cProfile. It exits 2 with a clear message when the readers are missing.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MEMBERS = 2_000
FORMATS = ("telegram", "whatsapp", "discord")
# issue 22's targets, for the native backend's whole audit
TARGET_FLOOR_RATIO = 1.0  # <= the format's floor (Telegram and WhatsApp at 10^6, Discord at 10^5)
TARGET_PEER_SPEED_UP = 30.0  # >= 30x faster than chat-analytics at 10^6
TARGET_RSS_MIB = 100.0  # peak RSS at 10^6, any format
TARGET_GROWTH_MIB = 30.0  # peak RSS growth from 10^5 to 10^6
FLOOR_SIZE = {"telegram": 1_000_000, "whatsapp": 1_000_000, "discord": 100_000}  # where each floor target is set
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
_DISCORD_HEAD = {
    "guild": {"id": "1", "name": "Bench", "iconUrl": ""},
    "channel": {"id": "2", "type": "GuildTextChat", "categoryId": "3", "category": "Text", "name": "general"},
    "dateRange": {"after": None, "before": None},
}


def generate(directory: Path, messages: int, seed: int = 7) -> dict[str, Path]:
    """One chat written three ways, streamed out (never held whole): {format: path}."""
    rng = random.Random(seed)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    paths = {
        "telegram": directory / f"result-{messages}.json",
        "whatsapp": directory / f"WhatsApp Chat with Bench {messages}.txt",
        "discord": directory / f"Bench - general [{messages}].json",
    }
    weights = [1 / (rank + 1) for rank in range(MEMBERS)]  # a few talk a lot, most rarely: 1-9-90
    senders = rng.choices(range(MEMBERS), weights=weights, k=messages)
    with (
        paths["telegram"].open("w", encoding="utf-8") as tg,
        paths["whatsapp"].open("w", encoding="utf-8") as wa,
        paths["discord"].open("w", encoding="utf-8") as dc,
    ):
        tg.write('{"name": "Bench", "type": "private_supergroup", "id": 1, "messages": [\n')
        dc.write(json.dumps(_DISCORD_HEAD, ensure_ascii=False)[:-1] + ', "messages": [\n')
        when = start
        for n in range(messages):
            when += timedelta(seconds=rng.randint(1, 60))
            sender = senders[n]
            text = rng.choice(TEXTS).format(n=n)
            reply = rng.randint(max(1, n - 50), n) if n and rng.random() < 0.2 else None
            record: dict[str, object] = {
                "id": n + 1,
                "type": "message",
                "date": when.strftime("%Y-%m-%dT%H:%M:%S"),
                "date_unixtime": str(int(when.timestamp())),
                "from": f"member {sender}",
                "from_id": f"user{sender}",
                "text": text,
            }
            post: dict[str, object] = {
                "id": str(n + 1),
                "type": "Reply" if reply else "Default",
                "timestamp": when.strftime("%Y-%m-%dT%H:%M:%S.000+00:00"),
                "timestampEdited": None,
                "isPinned": False,
                "content": text,
                "author": {"id": str(10_000 + sender), "name": f"member{sender}", "nickname": f"member {sender}",
                           "isBot": False},
                "attachments": [],
                "embeds": [],
                "stickers": [],
                "reactions": [],
                "mentions": [],
            }  # fmt: skip
            if reply:
                record["reply_to_message_id"] = reply
                post["reference"] = {"messageId": str(reply), "channelId": "2", "guildId": "1"}
            tg.write(("," if n else "") + json.dumps(record, ensure_ascii=False) + "\n")
            dc.write(("," if n else "") + json.dumps(post, ensure_ascii=False) + "\n")
            wa.write(f"{when:%d/%m/%Y, %H:%M} - member {sender}: {text}\n")
        tg.write("]}\n")
        dc.write(f'], "messageCount": {messages}}}\n')
    return paths


# Each measured body runs in a fresh interpreter and prints: wall seconds, CPU seconds (its own and its
# children's), peak RSS in MiB (its own or its largest child's, whichever is larger), records counted.
_MEASURE = textwrap.dedent(
    """
    import resource, sys, time
    sys.path.insert(0, {src!r})
    started = time.perf_counter()
    count = 0
    {body}
    elapsed = time.perf_counter() - started
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime
    peak = max(me.ru_maxrss, kids.ru_maxrss) / 1024
    print(f"{{elapsed:.3f}} {{cpu:.3f}} {{peak:.1f}} {{count}}")
    """
)

FLOORS = {
    "telegram": (
        "floor: ijson streaming count",
        """
import ijson
with open({path!r}, "rb") as stream:
    for item in ijson.items(stream, "messages.item"):
        count += 1
""",
    ),
    "whatsapp": (
        "floor: header regex per line",
        """
import re
header = re.compile(r"^(\\d{{1,2}})/(\\d{{1,2}})/(\\d{{2,4}}), (\\d{{1,2}}):(\\d{{2}}) - ([^:]+): ")
with open({path!r}, encoding="utf-8") as stream:
    for line in stream:
        if header.match(line):
            count += 1
""",
    ),
    "discord": (
        "floor: orjson, GC off",
        """
import gc, orjson
gc.disable()
with open({path!r}, "rb") as stream:
    count = len(orjson.loads(stream.read())["messages"])
""",
    ),
}
# the whole command, as a user runs it: CLI start-up, reading, the audit, the JSON report written to a file,
# with the readers of one backend (issue 22: native where sqtool._native is built, else pure Python)
AUDIT = """
import os, re, tempfile
os.environ["SQTOOL_BACKEND"] = {backend!r}
from sqtool.cli import main
report = tempfile.mktemp(suffix=".json")
sys.argv = ["sqtool", "--quiet", "audit", {path!r}, "--format", {format!r}, "--members", "{members}",
            "--tz", "UTC", "--report", "json", "-o", report]
try:
    main()
except SystemExit as exit:
    assert not exit.code, exit.code
with open(report, encoding="utf-8") as written:  # the count from the report's head: no second copy in memory
    count = int(re.search(r'"summary": [{{]\\s*"messages": (\\d+)', written.read(65536)).group(1))
os.unlink(report)
"""
# a peer's command line run as a child; {count} is known from the export (the peers print no count)
PEER = """
import subprocess
done = subprocess.run({command!r}, capture_output=True, text=True, cwd={cwd!r})
if done.returncode:
    raise SystemExit((done.stderr or done.stdout).strip().splitlines()[-1])
count = {messages}
"""
WHATSTK = """
import os, sys
sys.path.remove({src!r})
from whatstk import df_from_whatsapp
count = len(df_from_whatsapp({path!r}, hformat="%d/%m/%Y, %H:%M - %name:"))
"""
CA_PLATFORM = {"telegram": "telegram", "whatsapp": "whatsapp", "discord": "discord"}

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


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    cpu: float  # seconds, the process and its children
    peak: float  # MiB
    count: int


@dataclass(frozen=True)
class Row:
    """One measured command of one format at one size."""

    format: str
    label: str
    body: str
    kind: str  # floor, python, native, peer
    python: str = sys.executable
    once: bool = False  # peers: one round is enough (they are tens of times slower)


def run_body(body: str, python: str = sys.executable, src: Path = REPO / "src") -> list[str]:
    code = _MEASURE.format(src=str(src), body=textwrap.indent(textwrap.dedent(body), ""))
    result = subprocess.run([python, "-c", code], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "failed")
    return result.stdout.split("\n")


def measure(row: Row) -> Run:
    wall, cpu, peak, count = run_body(row.body, row.python)[-2].split()
    return Run(float(wall), float(cpu), float(peak), int(count))


def measure_rounds(rows: list[Row], reps: int) -> dict[tuple[str, str], Run]:
    """Each row ``reps`` times (peers once), round by round; median wall and CPU, largest peak."""
    runs: dict[tuple[str, str], list[Run]] = {(row.format, row.label): [] for row in rows}
    for round_number in range(reps):
        for row in rows:
            if row.once and round_number:
                continue
            try:
                runs[row.format, row.label].append(measure(row))
            except RuntimeError as error:
                print(f"audit_speed: {row.label} on {row.format} failed: {error}", file=sys.stderr)
    return {
        key: Run(
            statistics.median(run.wall for run in done),
            statistics.median(run.cpu for run in done),
            max(run.peak for run in done),
            done[0].count,
        )
        for key, done in runs.items()
        if done
    }


def engine_seconds(path: Path, export_format: str, reps: int, src: Path = REPO / "src") -> tuple[float, int]:
    """(median CPU seconds of run_audit over ``reps`` runs on pre-read records, messages audited)."""
    body = ENGINE.format(path=str(path), format=export_format, reps=reps, members=MEMBERS)
    lines = run_body(body, src=src)
    return statistics.median(float(t) for t in lines[0].split()), int(lines[1].split()[3])


def extract_src(revision: str, directory: Path) -> Path:
    """src/ of a git revision, unpacked under ``directory`` (for --compare)."""
    archive = subprocess.run(["git", "-C", str(REPO), "archive", revision, "src"], capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(directory)], input=archive.stdout, check=True)
    return directory / "src"


def probe(code: str, python: str = sys.executable) -> bool:
    done = subprocess.run(
        [python, "-c", f"import sys; sys.path.insert(0, {str(REPO / 'src')!r}); {code}"],
        capture_output=True,
        check=False,
    )
    return done.returncode == 0


def rows_for(paths: dict[str, Path], formats: list[str], native: bool, peers: dict[str, object], scratch: Path,
             messages: int) -> list[Row]:  # fmt: skip
    rows: list[Row] = []
    for name in formats:
        path = str(paths[name])
        label, floor = FLOORS[name]
        rows.append(Row(name, label, floor.format(path=path), "floor"))
        for backend in ("python", "native") if native else ("python",):
            body = AUDIT.format(path=path, format=name, members=MEMBERS, backend=backend)
            rows.append(Row(name, f"sqtool audit, {backend}", body, backend))
        if peers.get("chat-analytics"):
            command = [
                *peers["chat-analytics"],
                "-p",
                CA_PLATFORM[name],
                "-i",
                path,
                "-o",
                str(scratch / f"ca-{name}.html"),
            ]  # type: ignore[misc]
            body = PEER.format(command=command, cwd=str(scratch), messages=messages)
            rows.append(Row(name, "chat-analytics (report)", body, "peer", once=True))
        if name == "whatsapp" and peers.get("whatstk"):
            body = WHATSTK.format(src=str(REPO / "src"), path=path)
            rows.append(Row(name, "whatstk (parse only)", body, "peer", python=str(peers["whatstk"]), once=True))
    return rows


def print_table(messages: int, paths: dict[str, Path], results: dict[tuple[str, str], Run]) -> None:
    print(f"\n{messages:,} messages")
    print("| format | run | wall s | CPU s | CPU µs/msg | peak RSS MiB | wall vs floor |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for name in FORMATS:
        floor = results.get((name, FLOORS[name][0]))
        for (fmt, label), run in results.items():
            if fmt != name:
                continue
            ratio = f"{run.wall / floor.wall:.2f}x" if floor else "-"
            size = f"{name} ({paths[name].stat().st_size / 2**20:.0f} MiB)"
            print(f"| {size} | {label} | {run.wall:.2f} | {run.cpu:.2f} | {run.cpu / max(run.count, 1) * 1e6:.1f} "
                  f"| {run.peak:.0f} | {ratio} |")  # fmt: skip


def check_targets(by_size: dict[int, dict[tuple[str, str], Run]], native: bool) -> None:
    """Issue 22's targets, each ok or MISS with its figure, for what was measured."""
    print("\nissue 22's targets (native backend's whole audit):")
    if not native:
        print("  (sqtool._native is not built here: no native figures)")
        return
    lines: list[tuple[bool | None, str]] = []  # None: measured below the size the target is set at
    largest = max(by_size)
    for name in FORMATS:
        size = FLOOR_SIZE[name] if FLOOR_SIZE[name] in by_size else None
        results = by_size.get(size or largest, {})
        audit, floor = results.get((name, "sqtool audit, native")), results.get((name, FLOORS[name][0]))
        if audit and floor:
            ratio = audit.wall / floor.wall
            note = "" if size else f" (measured at {largest:,}; the target is set at {FLOOR_SIZE[name]:,})"
            text = (
                f"{name}: audit / {FLOORS[name][0]} = {ratio:.2f}x (CPU {audit.cpu / floor.cpu:.2f}x; target <= 1.0x)"
            )
            lines.append((ratio <= TARGET_FLOOR_RATIO if size else None, text + note))
        peer = results.get((name, "chat-analytics (report)"))
        if audit and peer:
            speed_up = peer.wall / audit.wall
            note = "" if largest >= 1_000_000 else f" (measured at {largest:,}; the target is set at 1,000,000)"
            text = f"{name}: {speed_up:.1f}x faster than chat-analytics (target >= {TARGET_PEER_SPEED_UP:.0f}x)"
            lines.append((speed_up >= TARGET_PEER_SPEED_UP if largest >= 1_000_000 else None, text + note))
        if audit:
            status = None if largest < 1_000_000 else audit.peak <= TARGET_RSS_MIB
            lines.append((status, f"{name}: peak RSS {audit.peak:.0f} MiB at {largest:,} "
                          f"(target <= {TARGET_RSS_MIB:.0f} MiB at 10^6)"))  # fmt: skip
        small, large = by_size.get(100_000, {}), by_size.get(1_000_000, {})
        if (name, "sqtool audit, native") in small and (name, "sqtool audit, native") in large:
            growth = large[name, "sqtool audit, native"].peak - small[name, "sqtool audit, native"].peak
            lines.append((growth <= TARGET_GROWTH_MIB, f"{name}: peak RSS grows {growth:.0f} MiB from 10^5 to 10^6 "
                          f"(target <= {TARGET_GROWTH_MIB:.0f} MiB)"))  # fmt: skip
    for ok, text in lines:
        print({True: "  ok    ", False: "  MISS  ", None: "  --    "}[ok] + text)


def find_peers(arguments: argparse.Namespace) -> dict[str, object]:
    peers: dict[str, object] = {}
    command = arguments.chat_analytics or shutil.which("chat-analytics")
    if command:
        peers["chat-analytics"] = command.split() if " " in command else [command]
    else:
        print("audit_speed: chat-analytics not found (npm install chat-analytics; --chat-analytics PATH)")
    python = arguments.peer_python or sys.executable
    if probe("import whatstk", python):
        peers["whatstk"] = python
    else:
        print(f"audit_speed: whatstk is not importable by {python} (pip install whatstk; --peer-python PY)")
    return peers


def engine_only(arguments: argparse.Namespace, paths: dict[str, Path], formats: list[str], scratch: Path) -> None:
    engine: dict[str, float] = {}
    sources = [("engine", REPO / "src")]
    if arguments.compare:
        sources.append((f"engine @ {arguments.compare}", extract_src(arguments.compare, scratch)))
    for label, src in sources:
        for name in formats:
            seconds, count = engine_seconds(paths[name], name, arguments.reps, src)
            engine[f"{label} {name}"] = seconds
            print(f"{label + ' ' + name:32} {seconds:8.2f} s  {seconds / count * 1e6:8.2f} µs/msg (CPU, "
                  f"median of {arguments.reps})")  # fmt: skip
    if arguments.compare:
        for name in formats:
            before, after = engine[f"engine @ {arguments.compare} {name}"], engine[f"engine {name}"]
            print(f"engine {name}: {before / after:.2f}x faster than {arguments.compare}")
    if arguments.profile:
        for name in formats:
            print(run_body(PROFILE.format(path=str(paths[name]), format=name, members=MEMBERS)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--full", action="store_true", help="10^5 then 10^6 messages (issue 22's targets)")
    parser.add_argument("--formats", default=",".join(FORMATS), help="comma-separated subset of " + ", ".join(FORMATS))
    parser.add_argument("--reps", type=int, default=3, help="rounds: medians are shown (peers run once)")
    parser.add_argument("--chat-analytics", metavar="CMD", help="chat-analytics' CLI (default: on PATH)")
    parser.add_argument("--peer-python", metavar="PY", help="a Python with whatstk (default: this one)")
    parser.add_argument("--engine-only", action="store_true", help="time run_audit alone on pre-read records")
    parser.add_argument("--compare", metavar="REV", help="with --engine-only: also time this git revision's engine")
    parser.add_argument("--profile", action="store_true", help="with --engine-only: the engine's top functions")
    parser.add_argument("--keep", type=Path, help="write the generated exports here and keep them")
    arguments = parser.parse_args()
    formats = [name.strip() for name in arguments.formats.split(",") if name.strip()]
    if unknown := [name for name in formats if name not in FORMATS]:
        parser.error(f"unknown format(s) {', '.join(unknown)}; choose from {', '.join(FORMATS)}")
    sizes = [100_000, 1_000_000] if arguments.full else [arguments.messages]
    if not probe("import sqtool.chat.read"):
        print("audit_speed: sqtool.chat.read is not installed in this checkout; the chat readers are needed.")
        return 2
    native = probe("import sqtool._native._core")
    if not native:
        print("audit_speed: sqtool._native is not built here; only the pure-Python backend is timed")
    peers = {} if arguments.engine_only else find_peers(arguments)
    by_size: dict[int, dict[tuple[str, str], Run]] = {}
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        directory = arguments.keep or scratch
        directory.mkdir(parents=True, exist_ok=True)
        for messages in sizes:
            paths = generate(directory, messages)
            if arguments.engine_only or arguments.compare or arguments.profile:
                engine_only(arguments, paths, formats, scratch)
                continue
            by_size[messages] = measure_rounds(
                rows_for(paths, formats, native, peers, scratch, messages), arguments.reps
            )
            print_table(messages, paths, by_size[messages])
    if by_size:
        check_targets(by_size, native)
    return 0


if __name__ == "__main__":
    sys.exit(main())
