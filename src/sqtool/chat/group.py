"""The group an export says it comes from, as its first bytes or its file name tell: the key under
which `audit --save` keeps the group's history when no plan names the community."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import PurePosixPath

from sqtool.chat.source import Source
from sqtool.chat.textio import sniff_encoding

_JSON_STRING = rb'"((?:[^"\\]|\\.)*)"'
_TELEGRAM_NAME = re.compile(rb'\A\s*\{\s*"name"\s*:\s*' + _JSON_STRING)
_TELEGRAM_ID = re.compile(rb'"id"\s*:\s*(-?\d+)\s*,\s*"messages"')
_DISCORD_GUILD = re.compile(rb'"guild"\s*:\s*\{\s*"id"\s*:\s*' + _JSON_STRING + rb'\s*,\s*"name"\s*:\s*' + _JSON_STRING)
_WHATSAPP_FILE = re.compile(r"^WhatsApp Chat (?:with |- )(?P<name>.+?)(?:\.txt|\.zip)?$", re.IGNORECASE)
_QQ_OBJECT = re.compile(r"^消息对象:(?P<name>.+)$", re.MULTILINE)
_WECHAT_TALKER = ("TalkerId", "talker")
_CHATLAB_META = re.compile(rb'"meta"\s*:\s*\{\s*"name"\s*:\s*' + _JSON_STRING)


def _json_text(raw: bytes) -> str:
    return str(json.loads(b'"' + raw + b'"'))


def export_group(format_name: str, source: Source, head: bytes) -> str | None:
    """The group's name (and id when the export has one) as the export states it, else None:
    Telegram's chat name and id, ChatLab's ``meta.name``, Discord's server, the group in a WhatsApp
    export's file name, QQ's "消息对象" line, the chat room id of a WeChat CSV."""
    try:
        if format_name == "telegram" and (name := _TELEGRAM_NAME.match(head)):
            chat_id = _TELEGRAM_ID.search(head)
            label = _json_text(name.group(1))
            return f"{label} ({chat_id.group(1).decode()})" if chat_id else label
        if format_name == "chatlab" and (meta := _CHATLAB_META.search(head)):
            return _json_text(meta.group(1)) or None
        if format_name == "discord" and (guild := _DISCORD_GUILD.search(head)):
            return f"{_json_text(guild.group(2))} ({_json_text(guild.group(1))})"
        if format_name == "whatsapp":
            for candidate in (PurePosixPath(source.archive_display).name, source.name):
                if found := _WHATSAPP_FILE.match(candidate):
                    return found.group("name").strip()
            return None
        # the reader's own choice of encoding (a WeChat CSV saved as UTF-16 or GB18030 is read, so named too)
        text = head.decode(sniff_encoding(head) or "utf-8-sig", errors="replace")
        if format_name == "qq" and (found := _QQ_OBJECT.search(text)):
            return found.group("name").strip()
        if format_name == "wechat":
            return _wechat_talker(text)
    except (ValueError, UnicodeError, csv.Error):  # a head cut or garbled where the name would be: no name
        return None
    return None


def _wechat_talker(text: str) -> str | None:
    """The TalkerId of a WeChat CSV's first row (``...@chatroom`` for a group)."""
    rows = csv.reader(io.StringIO(text))
    header = next(rows, None)
    column = next((header.index(name) for name in _WECHAT_TALKER if header and name in header), None)
    row = next(rows, None)
    if column is None or row is None or column >= len(row):
        return None
    return row[column].strip() or None
