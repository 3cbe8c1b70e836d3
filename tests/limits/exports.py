"""Hand-made exports for the limit tests: small valid ones, and each with one hostile part spliced in."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path


def telegram(middle: str = '"hello"') -> bytes:
    """A Telegram Desktop export of three messages; the second's text is ``middle`` (raw JSON)."""
    first = {"id": 1, "type": "message", "date": "2026-03-01T10:00:00", "from": "Ana", "from_id": "user1", "text": "hi"}
    last = {"id": 3, "type": "message", "date": "2026-03-01T10:02:00", "from": "Ana", "from_id": "user1", "text": "ok"}
    second = '{"id": 2, "type": "message", "date": "2026-03-01T10:01:00", "from": "Bo", "from_id": "user2", "text": '
    return (
        '{"name": "Group", "type": "private_supergroup", "id": 1, "messages": [\n'
        + json.dumps(first)
        + ",\n"
        + second
        + middle
        + "},\n"
        + json.dumps(last)
        + "\n]}\n"
    ).encode()


def discord(middle: str = '"hello"') -> bytes:
    """A DiscordChatExporter export of three messages; the second's content is ``middle`` (raw JSON)."""

    def message(number: int, content: str) -> str:
        author = {"id": str(number % 2 + 7), "name": f"user{number % 2}"}
        return (
            f'{{"id": "{number}", "type": "Default", "timestamp": "2026-03-01T10:0{number}:00+00:00", '
            f'"content": {content}, "author": {json.dumps(author)}}}'
        )

    return (
        '{"guild": {"id": "1", "name": "G"}, "channel": {"id": "2", "type": "GuildTextChat", "name": "general"},'
        ' "messages": [\n' + ",\n".join([message(1, '"hi"'), message(2, middle), message(3, '"ok"')]) + "\n]}\n"
    ).encode()


def messenger(middle: str = '"hello"') -> bytes:
    """A Messenger export of three messages; the second's content is ``middle`` (raw JSON)."""
    return (
        '{"participants": [{"name": "Ana"}, {"name": "Bo"}], "messages": [\n'
        '{"sender_name": "Ana", "timestamp_ms": 1772359320000, "content": "ok"},\n'
        '{"sender_name": "Bo", "timestamp_ms": 1772359260000, "content": ' + middle + "},\n"
        '{"sender_name": "Ana", "timestamp_ms": 1772359200000, "content": "hi"}\n'
        "]}\n"
    ).encode()


def chatlab(middle: str = '"hello"', *, member: str = '"Bo"') -> bytes:
    """A ChatLab JSON export of three messages (a ChatLab message per line from line 5 on); Bo's
    accountName in ``members`` (line 3, read before the messages) is ``member`` and the second
    message's content is ``middle`` (both raw JSON)."""

    def message(number: int, sender: str, content: str) -> str:
        return (
            f'{{"platformMessageId": "m{number}", "sender": "{sender}", "accountName": "{sender}",'
            f' "timestamp": {1772359140 + 60 * number}, "type": 0, "content": {content}}}'
        )

    return (
        '{"chatlab": {"version": "0.0.2", "exportedAt": 1772360000},\n'
        '"meta": {"name": "Group", "platform": "wechat", "type": "group"},\n'
        '"members": [{"platformId": "u1", "accountName": "Ana"}, {"platformId": "u2", "accountName": '
        + member
        + "}],\n"
        '"messages": [\n'
        + ",\n".join([message(1, "u1", '"hi"'), message(2, "u2", middle), message(3, "u1", '"ok"')])
        + "\n]}\n"
    ).encode()


def chatlab_jsonl(middle: str = '"hello"') -> bytes:
    """A ChatLab JSON Lines export: a header, two member lines and three message lines; the second
    message (line 5) has ``middle`` (raw JSON) as its content."""

    def message(number: int, sender: str, content: str) -> str:
        return (
            f'{{"_type": "message", "platformMessageId": "m{number}", "sender": "{sender}",'
            f' "timestamp": {1772359140 + 60 * number}, "type": 0, "content": {content}}}'
        )

    lines = [
        '{"_type": "header", "chatlab": {"version": "0.0.2"}, "meta": {"name": "Group", "platform": "wechat"}}',
        '{"_type": "member", "platformId": "u1", "accountName": "Ana"}',
        '{"_type": "member", "platformId": "u2", "accountName": "Bo"}',
        message(1, "u1", '"hi"'),
        message(2, "u2", middle),
        message(3, "u1", '"ok"'),
    ]
    return ("\n".join(lines) + "\n").encode()


JSON_FORMATS = {"telegram": telegram, "discord": discord, "messenger": messenger}

WHATSAPP_LINES = "01/03/2026, 10:00 - Ana: hi\n01/03/2026, 10:01 - Bo: hello\n"


def whatsapp_zip(path: Path, *, long_line: int = 0, filler: int = 0, level: int = 1) -> Path:
    """A WhatsApp chat zip; ``long_line`` bytes of one message line between two messages, then
    ``filler`` lines of ordinary messages. Written a piece at a time: the test's memory stays small."""
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive,
        archive.open("WhatsApp Chat with Group.txt", "w", force_zip64=True) as member,
    ):
        member.write(WHATSAPP_LINES.encode())
        if long_line:
            member.write(b"01/03/2026, 10:02 - Bo: ")
            block = b"x" * (1 << 20)
            left = long_line
            while left > 0:
                member.write(block[: min(left, len(block))])
                left -= len(block)
            member.write(b"\n")
        line = b"01/03/2026, 10:03 - Ana: fine\n"
        for _ in range(filler // 1000):
            member.write(line * 1000)
        member.write(b"01/03/2026, 10:04 - Ana: bye\n")
    return path


def slack_zip(path: Path, *, day_bytes: int) -> Path:
    """A Slack workspace zip whose one day file inflates to about ``day_bytes`` (a long message text)."""
    users = [{"id": "U1", "name": "ana"}]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("users.json", json.dumps(users))
        archive.writestr("channels.json", json.dumps([{"id": "C1", "name": "general"}]))
        with archive.open("general/2026-03-01.json", "w", force_zip64=True) as member:
            member.write(b'[{"type": "message", "user": "U1", "ts": "1772359200.000100", "text": "')
            block = b"y" * (1 << 20)
            for _ in range(day_bytes >> 20):
                member.write(block)
            member.write(b'"}]')
    return path
