"""Cheap format signatures (FORMATS.md §8): look at the first bytes, never parse the whole file."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

from sqtool.chat.source import ZIP_ERRORS, Source, damaged_zip
from sqtool.chat.textio import decode_head

FORMAT_NAMES: tuple[str, ...] = (
    "telegram",
    "discord",
    "discord-csv",
    "whatsapp",
    "qq",
    "wechat",
    "slack",
    "messenger",
    "csv",
    "jsonl",
)

QQ_TITLE = "消息记录（此消息记录为文本格式，不支持重新导入）"
QQ_HEADER = re.compile(
    r"^(?P<date>\d{4}-\d{1,2}-\d{1,2})\s+(?P<time>\d{1,2}:\d{2}:\d{2})(?:\s*(?P<ampm>AM|PM|上午|下午))?\s+"
    r"(?P<who>.*?)(?:\((?P<qq>\d+)\)|<(?P<email>[^<>\s]+)>)\s*$"
)
WECHAT_COLUMNS = ("localId", "TalkerId", "Type", "SubType", "IsSender", "CreateTime")
CHATLOG_COLUMNS = ("Time", "SenderName", "Sender", "TalkerName", "Talker", "Content")
DISCORD_CSV_COLUMNS = ("AuthorID", "Author", "Date", "Content")
GENERIC_REQUIRED = ("time", "sender", "text")


def zip_source(path: Path, display: str) -> tuple[Source, str | None]:
    """The part of a zip to read, and its format when the layout tells: Slack workspace or WhatsApp chat."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = [info.filename for info in archive.infolist() if not info.is_dir()]
    except ZIP_ERRORS as error:
        # a file named .zip that is not one (or is cut short) must not be read as text
        raise damaged_zip(display, None, error) from error
    basenames = {name.rsplit("/", 1)[-1] for name in names}
    if {"channels.json", "users.json"} & basenames and any(_is_day_file(name) for name in names):
        return Source(path, display), "slack"
    texts = [name for name in names if name.lower().endswith(".txt") and not name.startswith("__MACOSX/")]
    chosen = next((name for name in texts if name.rsplit("/", 1)[-1] == "_chat.txt"), texts[0] if texts else None)
    if chosen is not None:
        return Source(path, f"{display}!{chosen}", member=chosen), None
    return Source(path, display), None


def _is_day_file(name: str) -> bool:
    return re.search(r"(^|/)[^/]+/\d{4}-\d{2}-\d{2}\.json$", name) is not None


def detect(source: Source, head: bytes) -> str | None:
    """The format name of an export from its first bytes, or None when nothing matches."""
    text = decode_head(head).lstrip("\ufeff")
    stripped = text.lstrip()
    if stripped.startswith("{"):
        return _detect_json(stripped)
    first_line = stripped.split("\n", 1)[0].rstrip("\r")
    header = _csv_header(first_line)
    if header:
        if all(column in header for column in WECHAT_COLUMNS) or all(column in header for column in CHATLOG_COLUMNS):
            return "wechat"
        if all(column in header for column in DISCORD_CSV_COLUMNS):
            return "discord-csv"
        if all(column in {name.strip().lower() for name in header} for column in GENERIC_REQUIRED):
            return "csv"
    from sqtool.chat.readers.whatsapp import HEADER

    lines = [line.rstrip("\r") for line in stripped.split("\n")[:200] if line.strip()]
    if lines and lines[0].strip() == QQ_TITLE:
        return "qq"
    if any(QQ_HEADER.match(line) for line in lines[:60]):
        return "qq"
    if lines and HEADER.match(lines[0]):
        return "whatsapp"
    from sqtool.chat.readers.wechat import TXT_HEADER

    if lines and TXT_HEADER.match(lines[0]) and sum(1 for line in lines[:60] if TXT_HEADER.match(line)) >= 1:
        return "wechat"
    return None


def _detect_json(text: str) -> str | None:
    first_line = text.split("\n", 1)[0].strip()
    if first_line.endswith("}"):
        try:
            record = json.loads(first_line)
        except ValueError:
            record = None
        if isinstance(record, dict) and all(key in record for key in ("time", "sender")):
            return "jsonl"
    window = text[:65536]
    if '"guild"' in window and '"channel"' in window and '"messages"' in window:
        return "discord"
    if '"participants"' in window and ('"sender_name"' in window or '"timestamp_ms"' in window):
        return "messenger"
    if '"messages"' in window and re.search(r'"type"\s*:\s*"(?:message|service)"', window):
        return "telegram"
    if '"chats"' in window and '"list"' in window:
        return "telegram"
    if '"messages"' in window and re.search(r'"(?:date|date_unixtime)"\s*:', window):
        return "telegram"
    return None


def _csv_header(line: str) -> list[str] | None:
    if "," not in line and "\t" not in line and ";" not in line:
        return None
    try:
        return next(csv.reader(io.StringIO(line), dialect=_dialect(line)))
    except (csv.Error, StopIteration):
        return None


def _dialect(line: str) -> type[csv.Dialect]:
    return csv.excel_tab if line.count("\t") > line.count(",") else csv.excel
