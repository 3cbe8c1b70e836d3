"""Audit speed and memory on a generated 10^6-message export, against the floors of plain parsing.

    python benchmarks/audit_speed.py [--messages N] [--keep DIR]

Writes a Telegram Desktop JSON export and a WhatsApp (Android, 24 h) text export of the same chat,
then times, each in a fresh subprocess that also reports its peak RSS:
  * the floors: counting the Telegram messages with ijson, and matching the WhatsApp header regex;
  * the full path: sqtool.chat.read.read_exports(...) fed into sqtool.audit.engine.run_audit(...).
Prints figures and ratios against the targets (audit <= 2x the Telegram floor, <= 3x the WhatsApp
floor, peak RSS <= 300 MiB). It exits 2 with a clear message when the readers are not installed.
"""

from __future__ import annotations

import argparse
import json
import random
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
AUDIT = """
from sqtool.chat.read import read_exports
from sqtool.audit.engine import run_audit
from sqtool.audit.options import AuditOptions
report = run_audit(read_exports([{path!r}], format={format!r}), AuditOptions(members={members}))
count = report.current.summary.messages
"""


def measure(body: str) -> tuple[float, float, int]:
    """(seconds, peak RSS MiB, records counted) of ``body`` in a fresh interpreter."""
    code = _MEASURE.format(src=str(REPO / "src"), body=textwrap.indent(textwrap.dedent(body), ""))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "failed")
    seconds, peak, count = result.stdout.split()
    return float(seconds), float(peak), int(count)


def readers_available() -> bool:
    probe = subprocess.run(
        [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(REPO / 'src')!r}); import sqtool.chat.read"],
        capture_output=True,
        check=False,
    )
    return probe.returncode == 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="write the generated exports here and keep them")
    arguments = parser.parse_args()
    if not readers_available():
        print("audit_speed: sqtool.chat.read is not installed in this checkout; the chat readers are needed.")
        return 2
    with tempfile.TemporaryDirectory() as scratch:
        directory = arguments.keep or Path(scratch)
        directory.mkdir(parents=True, exist_ok=True)
        telegram, whatsapp = generate(directory, arguments.messages)
        print(f"generated {arguments.messages:,} messages: {telegram.stat().st_size / 2**20:.0f} MiB JSON, "
              f"{whatsapp.stat().st_size / 2**20:.0f} MiB txt")  # fmt: skip
        rows = [
            ("telegram floor (ijson count)", FLOOR_TELEGRAM.format(path=str(telegram))),
            ("whatsapp floor (header regex)", FLOOR_WHATSAPP.format(path=str(whatsapp))),
            ("audit telegram", AUDIT.format(path=str(telegram), format="telegram", members=MEMBERS)),
            ("audit whatsapp", AUDIT.format(path=str(whatsapp), format="whatsapp", members=MEMBERS)),
        ]
        results = {}
        for name, body in rows:
            results[name] = measure(body)
            seconds, peak, count = results[name]
            print(f"{name:32} {seconds:8.2f} s  {count / seconds:12,.0f} msg/s  peak RSS {peak:7.1f} MiB")
    tg_ratio = results["audit telegram"][0] / results["telegram floor (ijson count)"][0]
    wa_ratio = results["audit whatsapp"][0] / results["whatsapp floor (header regex)"][0]
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
