#!/usr/bin/env python3
"""How fast sqtool reads big exports, next to the floor of a bare parse-and-count.

Generates Telegram JSON and WhatsApp txt exports of 100k and 1M messages under benchmarks/_data/
(kept between runs), then measures each reader in a fresh process and prints messages per second,
peak RSS, and the ratios to the floor (ijson streaming count for JSON, orjson.loads + count shown
too; a bytes line scan for txt). sqtool is timed with its pure-Python readers and, where
sqtool._native is built, with its native ones (SQTOOL_BACKEND): Telegram's simdjson reader and
WhatsApp's line scanner.

    python benchmarks/read_speed.py              # 100k and 1M
    python benchmarks/read_speed.py --sizes 100000
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "_data"
WORDS = [
    "社群", "运营", "today", "we", "talk", "about", "growth", "复购", "案例", "分享",
    "hello", "thanks", "好的", "收到", "question", "answer", "link",
]  # fmt: skip


def generate_telegram(path: Path, count: int) -> None:
    rng = random.Random(count)
    start = datetime(2025, 1, 1)
    with open(path, "w", encoding="utf-8") as out:
        out.write('{\n "name": "Bench",\n "type": "private_supergroup",\n "id": 1,\n "messages": [\n')
        for n in range(count):
            when = start + timedelta(seconds=n * 7)
            sender = rng.randrange(2000)
            message = {
                "id": n + 1,
                "type": "message",
                "date": when.isoformat(),
                "date_unixtime": str(int(when.timestamp())),
                "from": f"Member {sender}",
                "from_id": f"user{sender}",
                "text": " ".join(rng.choices(WORDS, k=rng.randint(3, 14))),
                "text_entities": [],
            }
            if n % 10 == 3:
                message["reply_to_message_id"] = n
            out.write(("  " if n == 0 else ",\n  ") + json.dumps(message, ensure_ascii=False, indent=None))
        out.write("\n ]\n}\n")


def generate_whatsapp(path: Path, count: int) -> None:
    rng = random.Random(count)
    start = datetime(2025, 1, 1)
    with open(path, "w", encoding="utf-8") as out:
        for n in range(count):
            when = start + timedelta(seconds=n * 7)
            text = " ".join(rng.choices(WORDS, k=rng.randint(3, 14)))
            out.write(f"{when:%d/%m/%Y, %H:%M} - Member {rng.randrange(2000)}: {text}\n")
            if n % 20 == 0:
                out.write("a second line of the same message\n")


def measure(kind: str, path: str) -> None:
    """Run in a child process: read the file one way, print count, seconds and peak RSS as JSON."""
    started, cpu = time.perf_counter(), time.process_time()
    if kind in ("sqtool", "native"):  # the pure-Python readers, then the native ones (issue 22)
        os.environ["SQTOOL_BACKEND"] = "python" if kind == "sqtool" else "native"
        sys.path.insert(0, str(HERE.parent / "src"))
        from zoneinfo import ZoneInfo

        from sqtool.chat.model import Message
        from sqtool.chat.read import read_exports

        count = sum(1 for record in read_exports([path], tz=ZoneInfo("UTC")) if isinstance(record, Message))
    elif kind == "orjson":
        import orjson

        with open(path, "rb") as handle:
            document = orjson.loads(handle.read())
        count = sum(1 for message in document["messages"] if message.get("type") == "message")
    elif kind == "ijson":  # the streaming floor of issue 22's targets
        import ijson

        with open(path, "rb") as handle:
            count = sum(1 for message in ijson.items(handle, "messages.item") if message.get("type") == "message")
    elif kind == "lines":
        header = re.compile(rb"^\d{1,2}/\d{1,2}/\d{2,4}, \d{1,2}:\d{2} - ")
        count = 0
        with open(path, "rb") as handle:
            for line in handle:
                if header.match(line):
                    count += 1
    else:
        raise SystemExit(f"unknown kind {kind}")
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    rss_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"count": count, "seconds": seconds, "cpu": cpu, "rss_mib": rss_kib / 1024}))


def run_child(kind: str, path: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--measure", kind, str(path)], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--measure", nargs=2, metavar=("KIND", "PATH"), help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.measure:
        measure(*options.measure)
        return 0
    DATA.mkdir(exist_ok=True)
    native = (
        subprocess.run([sys.executable, "-c", "import sqtool._native._core"], cwd=HERE.parent / "src").returncode == 0
    )
    print(f"load average {' '.join(f'{load:.1f}' for load in os.getloadavg())}")
    print(f"{'export':<28} {'reader':<8} {'messages':>9} {'seconds':>8} {'CPU s':>7} {'msg/s':>10} {'peak RSS':>9} "
          f"{'vs floor':>9}")  # fmt: skip
    for size in options.sizes:
        for name, generate, floors in (
            (f"telegram-{size}.json", generate_telegram, ("orjson", "ijson")),
            (f"whatsapp-{size}.txt", generate_whatsapp, ("lines",)),
        ):
            path = DATA / name
            if not path.exists():
                generate(path, size)
            # the native readers: Telegram JSON (simdjson) and WhatsApp text (the line scanner, whatsapp.cpp)
            kinds = (*floors, "sqtool", *(("native",) if native else ()))
            results = {kind: run_child(kind, path) for kind in kinds}
            floor = floors[-1]  # ratios against the streaming floor (ijson) or the line scan
            base = results[floor]
            for kind, result in results.items():
                rate = result["count"] / result["seconds"]
                ratio = "" if kind == floor else f"{result['seconds'] / base['seconds']:.2f}x time"
                ratio += "" if kind == floor else f" {result['cpu'] / base['cpu']:.2f}x CPU"
                print(
                    f"{name:<28} {kind:<8} {result['count']:>9} {result['seconds']:>8.2f} {result['cpu']:>7.2f}"
                    f" {rate:>10,.0f}"
                    f" {result['rss_mib']:>6.0f} MiB {ratio:>9}"
                )
            size_mib = os.path.getsize(path) / 2**20
            print(
                f"{'':<28} file {size_mib:.0f} MiB; RSS ratio sqtool/floor "
                f"{results['sqtool']['rss_mib'] / base['rss_mib']:.2f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
