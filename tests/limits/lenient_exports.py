"""Hand-made exports of six messages in every JSON format, for the ``--lenient`` tests: message n (1 to 6)
is said by a member of its own, and its text is ``texts[n - 1]`` (raw JSON), so a test puts a value
that breaks a JSON limit into any messages it likes and counts which are kept."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable

START = 1772359200  # 2026-03-01 10:00 UTC; message n is n minutes later


def _sender(number: int) -> str:
    return f"member{number}"


def telegram(texts: list[str]) -> bytes:
    def message(number: int, text: str) -> str:
        return (
            f'{{"id": {number}, "type": "message", "date_unixtime": "{START + 60 * number}",'
            f' "from": "{_sender(number)}", "from_id": "user{number}", "text": {text}}}'
        )

    return _document('{"name": "Group", "type": "private_supergroup", "id": 1, "messages": [', message, texts)


def discord(texts: list[str]) -> bytes:
    def message(number: int, text: str) -> str:
        return (
            f'{{"id": "{number}", "type": "Default", "timestamp": "2026-03-01T10:0{number}:00+00:00",'
            f' "content": {text}, "author": {{"id": "{number}", "name": "{_sender(number)}"}}}}'
        )

    head = '{"guild": {"id": "1", "name": "G"}, "channel": {"id": "2", "name": "general"}, "messages": ['
    return _document(head, message, texts)


def messenger(texts: list[str]) -> bytes:
    def message(number: int, text: str) -> str:
        return (
            f'{{"sender_name": "{_sender(number)}", "timestamp_ms": {(START + 60 * number) * 1000}, "content": {text}}}'
        )

    head = '{"participants": [{"name": "member1"}, {"name": "member2"}], "messages": ['
    # newest first, as Facebook writes them
    return _document(head, message, texts, newest_first=True)


def chatlab(texts: list[str]) -> bytes:
    def message(number: int, text: str) -> str:
        return (
            f'{{"platformMessageId": "m{number}", "sender": "u{number}", "accountName": "{_sender(number)}",'
            f' "timestamp": {START + 60 * number}, "type": 0, "content": {text}}}'
        )

    head = (
        '{"chatlab": {"version": "0.0.2"}, "meta": {"name": "Group", "platform": "wechat", "type": "group"},\n'
        '"members": [{"platformId": "u1", "accountName": "member1"}],\n"messages": ['
    )
    return _document(head, message, texts)


def chatlab_jsonl(texts: list[str]) -> bytes:
    lines = ['{"_type": "header", "chatlab": {"version": "0.0.2"}, "meta": {"name": "Group", "platform": "qq"}}']
    for number, text in enumerate(texts, 1):
        lines.append(
            f'{{"_type": "message", "platformMessageId": "m{number}", "sender": "u{number}",'
            f' "accountName": "{_sender(number)}", "timestamp": {START + 60 * number}, "type": 0, "content": {text}}}'
        )
    return ("\n".join(lines) + "\n").encode()


def jsonl(texts: list[str]) -> bytes:
    lines = [
        f'{{"time": {START + 60 * number}, "sender": "{_sender(number)}", "id": "{number}", "text": {text}}}'
        for number, text in enumerate(texts, 1)
    ]
    return ("\n".join(lines) + "\n").encode()


def slack(texts: list[str]) -> bytes:
    """A Slack workspace zip (stored, not deflated: a long text would pass --max-zip-ratio)."""

    def message(number: int, text: str) -> str:
        return f'{{"type": "message", "user": "U{number}", "ts": "{START + 60 * number}.000100", "text": {text}}}'

    users = [{"id": f"U{number}", "name": _sender(number)} for number in range(1, len(texts) + 1)]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("users.json", json.dumps(users))
        archive.writestr("channels.json", json.dumps([{"id": "C1", "name": "general"}]))
        archive.writestr("general/2026-03-01.json", _document("[", message, texts, close="]\n"))
    return buffer.getvalue()


def _document(
    head: str, message: Callable[[int, str], str], texts: list[str], *, newest_first: bool = False, close: str = "]}\n"
) -> bytes:
    numbered = list(enumerate(texts, 1))
    if newest_first:
        numbered.reverse()
    # one message per line from line 2 on
    return (head + "\n" + ",\n".join(message(number, text) for number, text in numbered) + "\n" + close).encode()


# format name -> (file name, builder)
FORMATS: dict[str, tuple[str, Callable[[list[str]], bytes]]] = {
    "telegram": ("result.json", telegram),
    "discord": ("discord.json", discord),
    "messenger": ("message_1.json", messenger),
    "chatlab": ("chatlab.json", chatlab),
    "chatlab-jsonl": ("chatlab.jsonl", chatlab_jsonl),
    "jsonl": ("chat.jsonl", jsonl),
    "slack": ("workspace.zip", slack),
}
