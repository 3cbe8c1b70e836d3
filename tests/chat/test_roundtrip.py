"""Round trips: random messages written by a tiny writer per format and read back unchanged."""

from __future__ import annotations

import csv
import io
import json
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sqtool.chat.model import Message
from sqtool.chat.read import read_exports

ZONE = ZoneInfo("Asia/Shanghai")  # naive export times are written and read in this zone
START = datetime(2026, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Sent:
    when: datetime  # UTC, whole minutes
    sender_id: str
    name: str
    text: str


NAME = st.text(alphabet="abcxyzABC张王李社群 ", min_size=1, max_size=10).map(str.strip).filter(bool)
LINE = st.text(alphabet="abc xyz社群你好！？.,'\"", min_size=1, max_size=30).map(str.strip).filter(bool)
TEXT = st.lists(LINE, min_size=1, max_size=3).map("\n".join)


@st.composite
def conversations(draw: st.DrawFn) -> list[Sent]:
    people = draw(st.lists(NAME, min_size=1, max_size=4, unique=True))
    steps = draw(st.lists(st.integers(min_value=0, max_value=60 * 24 * 40), min_size=1, max_size=12))
    sent = []
    for minutes in sorted(steps):
        person = draw(st.integers(min_value=0, max_value=len(people) - 1))
        sent.append(Sent(START + timedelta(minutes=minutes), f"id{person}", people[person], draw(TEXT)))
    return sent


def local(when: datetime) -> datetime:
    return when.astimezone(ZONE).replace(tzinfo=None)


def csv_text(rows: list[list[object]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def write_telegram(sent: list[Sent], folder: Path) -> Path:
    messages = [
        {
            "id": n,
            "type": "message",
            "date": local(s.when).isoformat(),
            "from": s.name,
            "from_id": s.sender_id,
            "text": s.text,
        }
        for n, s in enumerate(sent)
    ]
    path = folder / "result.json"
    path.write_text(json.dumps({"name": "g", "type": "private_group", "id": 1, "messages": messages}, indent=1))
    return path


def write_discord(sent: list[Sent], folder: Path) -> Path:
    messages = [
        {
            "id": str(n),
            "type": "Default",
            "timestamp": s.when.isoformat(),
            "content": s.text,
            "author": {"id": s.sender_id, "name": s.name},
        }
        for n, s in enumerate(sent)
    ]
    path = folder / "channel.json"
    path.write_text(json.dumps({"guild": {"id": "1"}, "channel": {"id": "2"}, "messages": messages}))
    return path


def write_discord_csv(sent: list[Sent], folder: Path) -> Path:
    rows = [["AuthorID", "Author", "Date", "Content", "Attachments", "Reactions"]]
    rows += [[s.sender_id, s.name, s.when.isoformat(), s.text, "", ""] for s in sent]
    path = folder / "channel.csv"
    path.write_text(csv_text(rows), encoding="utf-8")
    return path


def write_whatsapp(sent: list[Sent], folder: Path) -> Path:
    lines = []
    for n, s in enumerate(sent):
        t = local(s.when)
        if n % 2:  # alternate the Android and iOS layouts (a parser-stress file, as in the corpus)
            lines.append(f"{t.day:02d}/{t.month:02d}/{t.year}, {t:%H:%M} - {s.name}: {s.text}")
        else:
            hour = t.hour % 12 or 12
            lines.append(
                f"[{t.day}.{t.month}.{t:%y}, {hour}:{t:%M:%S}\u202f{'PM' if t.hour >= 12 else 'AM'}] {s.name}: {s.text}"
            )
    path = folder / "_chat.txt"
    path.write_text("\r\n".join(lines), encoding="utf-8")
    return path


def write_qq(sent: list[Sent], folder: Path) -> Path:
    parts = [
        "消息记录（此消息记录为文本格式，不支持重新导入）",
        "",
        "=" * 64,
        "消息分组:我的QQ群",
        "=" * 64,
        "消息对象:群",
        "=" * 64,
        "",
    ]
    for s in sent:
        t = local(s.when)
        parts += [f"{t:%Y-%m-%d} {t.hour}:{t:%M:%S} {s.name}({s.sender_id.removeprefix('id')}000)", s.text, ""]
    path = folder / "qq.txt"
    path.write_bytes("\r\n".join(parts).encode("gb18030"))
    return path


def write_wechat(sent: list[Sent], folder: Path) -> Path:
    rows: list[list[object]] = [
        [
            "localId",
            "TalkerId",
            "Type",
            "SubType",
            "IsSender",
            "CreateTime",
            "Status",
            "StrContent",
            "StrTime",
            "Remark",
            "NickName",
            "Sender",
        ]
    ]
    rows += [
        [
            n + 1,
            "1@chatroom",
            1,
            0,
            0,
            int(s.when.timestamp()),
            2,
            s.text,
            f"{local(s.when):%Y-%m-%d %H:%M:%S}",
            "",
            s.name,
            s.sender_id,
        ]
        for n, s in enumerate(sent)
    ]
    path = folder / "wechat.csv"
    path.write_text(csv_text(rows), encoding="utf-8-sig")
    return path


def write_wechat_txt(sent: list[Sent], folder: Path) -> Path:
    parts = []
    for s in sent:
        parts += [f"{local(s.when):%Y-%m-%d %H:%M:%S} {s.name}", s.text, ""]
    path = folder / "wechat.txt"
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def write_slack(sent: list[Sent], folder: Path) -> Path:
    path = folder / "workspace.zip"
    users = {s.sender_id: s.name for s in sent}
    days: dict[str, list[dict[str, str]]] = {}
    for index, s in enumerate(sent):
        # ts is a message's identity in Slack: two messages never share one, so the writer makes each
        # unique with a per-message suffix (Slack's own ts carries a sequence in its fraction too)
        ts = f"{int(s.when.timestamp())}.{index:06d}"
        entry = {"type": "message", "user": s.sender_id, "text": s.text, "ts": ts}
        days.setdefault(f"{s.when:%Y-%m-%d}", []).append(entry)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("channels.json", json.dumps([{"id": "C1", "name": "general"}]))
        archive.writestr("users.json", json.dumps([{"id": k, "name": v} for k, v in users.items()]))
        for day, entries in days.items():
            archive.writestr(f"general/{day}.json", json.dumps(entries))
    return path


def write_messenger(sent: list[Sent], folder: Path) -> Path:
    messages = [
        {"sender_name": s.name, "timestamp_ms": int(s.when.timestamp() * 1000), "content": s.text}
        for s in reversed(sent)
    ]
    path = folder / "message_1.json"
    path.write_text(json.dumps({"participants": [{"name": s.name} for s in sent], "messages": messages}))
    return path


def write_csv(sent: list[Sent], folder: Path) -> Path:
    rows = [["time", "sender", "sender_id", "text"]]
    rows += [[local(s.when).isoformat(sep=" "), s.name, s.sender_id, s.text] for s in sent]
    path = folder / "any.csv"
    path.write_text(csv_text(rows), encoding="utf-8")
    return path


def write_jsonl(sent: list[Sent], folder: Path) -> Path:
    path = folder / "any.jsonl"
    path.write_text(
        "".join(
            json.dumps({"time": s.when.isoformat(), "sender": s.name, "sender_id": s.sender_id, "text": s.text}) + "\n"
            for s in sent
        )
    )
    return path


Writer = Callable[[list[Sent], Path], Path]
# layout -> (format name, writer, what the format uses as sender id)
WRITERS: dict[str, tuple[str, Writer, str]] = {
    "telegram": ("telegram", write_telegram, "id"),
    "discord": ("discord", write_discord, "id"),
    "discord-csv": ("discord-csv", write_discord_csv, "id"),
    "whatsapp": ("whatsapp", write_whatsapp, "name"),
    "qq": ("qq", write_qq, "qq"),
    "wechat-csv": ("wechat", write_wechat, "id"),
    "wechat-txt": ("wechat", write_wechat_txt, "name"),
    "slack": ("slack", write_slack, "id"),
    "messenger": ("messenger", write_messenger, "name"),
    "csv": ("csv", write_csv, "id"),
    "jsonl": ("jsonl", write_jsonl, "id"),
}


def expected_id(sent: Sent, style: str) -> str:
    return {"id": sent.sender_id, "name": sent.name, "qq": sent.sender_id.removeprefix("id") + "000"}[style]


@pytest.mark.parametrize("layout", list(WRITERS))
def test_round_trip(layout: str) -> None:
    format_name, writer, id_style = WRITERS[layout]

    @settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(conversations())
    def check(sent: list[Sent]) -> None:
        with tempfile.TemporaryDirectory() as folder:
            path = writer(sent, Path(folder))
            chat = read_exports([path], tz=ZONE)
            got = [r for r in chat if isinstance(r, Message)]
            assert chat.formats == [format_name]
            assert [(m.timestamp.replace(microsecond=0), m.sender_id, m.sender_name, m.text) for m in got] == [
                (s.when, expected_id(s, id_style), s.name, s.text) for s in sent
            ]
            assert all(m.timestamp.utcoffset() is not None for m in got)

    check()
