"""Hand-made groups with answers known by counting: generic CSV, Telegram JSON and WhatsApp text exports
written by the tests (invented names and lines), and the manifest that lists them."""

from __future__ import annotations

import csv
import json
from datetime import datetime, timedelta
from pathlib import Path

UNTIL = "2026-06-30"  # every test's period: 2026-06-01..2026-06-30, the previous one 2026-05-02..2026-05-31
PERIOD_START = datetime(2026, 6, 1)
PREVIOUS_START = datetime(2026, 5, 2)


def chat_rows(start: datetime, days: int, people: list[str], per_day: int) -> list[tuple[str, str, str]]:
    """``per_day`` messages a day for ``days`` days from ``start`` (09:00 on), the speakers in turn."""
    rows = []
    for day in range(days):
        for index in range(per_day):
            moment = start + timedelta(days=day, hours=9, minutes=index * 7)
            rows.append((moment.isoformat(), people[(day + index) % len(people)], f"第{day}天的第{index}条"))
    return rows


def write_csv(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["time", "sender", "text"])
        writer.writerows(rows)
    return path


def write_telegram(path: Path, name: str, chat_id: int, rows: list[tuple[str, str, str]]) -> Path:
    messages = [
        {
            "id": number,
            "type": "message",
            "date": moment,
            "from": sender,
            "from_id": f"user{abs(hash(sender)) % 10**6}",
            "text": text,
        }
        for number, (moment, sender, text) in enumerate(rows, 1)
    ]
    document = {"name": name, "type": "private_supergroup", "id": chat_id, "messages": messages}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def write_whatsapp(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    lines = []
    for moment, sender, text in rows:
        when = datetime.fromisoformat(moment)
        lines.append(f"{when:%d/%m/%Y, %H:%M} - {sender}: {text}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


PEOPLE = [f"成员{number}" for number in range(15)]


def four_groups(folder: Path) -> Path:
    """Four groups whose figures are counted by hand (period 2026-06-01..30, the 30 days before):

    - 上海1群 (csv, members 20, city 上海): 12 messages a day both periods by all 15 people:
      360 messages, 15 active, previous 360 and 15; lurkers 5 of 20 = 25%.
    - 上海2群 (Telegram, city 上海): 360 messages by 15 before, then 4 a day by 4 people: 120 messages
      (-67%), 4 active (-73%): act (active members down by half).
    - 北京1群 (WhatsApp, city 北京): 8 a day from 2026-04-01 for 20 days, last on 2026-04-20: dormant.
    - 坏群: a file that is no chat export: failed.
    """
    write_csv(folder / "exports" / "sh1.csv", chat_rows(PREVIOUS_START, 60, PEOPLE, 12))
    dropping = chat_rows(PREVIOUS_START, 30, PEOPLE, 12) + chat_rows(PERIOD_START, 30, PEOPLE[:4], 4)
    write_telegram(folder / "exports" / "sh2.json", "上海2群", 1002, dropping)
    write_whatsapp(folder / "exports" / "bj1.txt", chat_rows(datetime(2026, 4, 1), 20, PEOPLE, 8))
    (folder / "exports" / "broken.csv").write_text("this is not a chat\n", encoding="utf-8")
    manifest = folder / "groups.yaml"
    manifest.write_text(
        """\
version: 1
groups:
  - name: 上海1群
    exports: exports/sh1.csv
    members: 20
    tags: {city: 上海, owner: 小王}
  - name: 上海2群
    exports: [exports/sh2.json]
    tags: {city: 上海, owner: 小李}
  - name: 北京1群
    exports: exports/bj*.txt
    tags: {city: 北京, owner: 小王}
  - name: 坏群
    exports: exports/broken.csv
""",
        encoding="utf-8",
    )
    return manifest
