"""Which backend runs: said by `sqtool --version` (both languages), chosen by SQTOOL_BACKEND, and the
native one really reads (it builds the usual messages itself; anything else goes back to Python)."""

from __future__ import annotations

import json
import shutil
import sys
from datetime import UTC
from pathlib import Path

import pytest

from sqtool._native import core
from sqtool.chat.errors import ReadContext
from sqtool.chat.model import Message
from sqtool.chat.readers import discord, telegram
from sqtool.chat.source import Source
from sqtool.settings import Limits, limits_in_force
from tests.conftest import REPO, CliInvoke
from tests.native.helpers import backend, native_built, needs_native
from tests.native.test_build import hook


def a_compiler_is_here() -> bool:
    """gcc or clang on PATH; on Windows, Visual Studio as the build hook finds it (setuptools' look-up)."""
    if sys.platform != "win32":
        return any(shutil.which(name) for name in ("c++", "g++", "clang++"))
    from setuptools.errors import BaseError, CCompilerError

    try:
        hook().msvc_compiler().initialize()
    except (BaseError, CCompilerError, OSError):
        return False
    return True


def test_the_native_module_is_built_where_a_compiler_is() -> None:
    """`pip install` built the extension on this machine, which has a C++ compiler (else CI runs Python only)."""
    if not a_compiler_is_here():
        pytest.skip("no C++ compiler on this machine: the pure-Python install is the expected one")
    assert native_built(), "a C++ compiler is here but sqtool._native._core was not built (see pip's warning)"


@needs_native
def test_version_names_the_backend(cli: CliInvoke) -> None:
    """`sqtool --version` says which readers run, in English and Chinese, and follows SQTOOL_BACKEND."""
    native = cli("--version").stdout.splitlines()
    assert native[1].startswith("backend: native (C++, simdjson 3.")
    assert native[1].endswith(
        " kernel): reads Telegram JSON, Discord JSON, WhatsApp TXT and runs the audit's conversation model;"
        " other formats are read in Python"
    )
    forced = cli("--version", env={"SQTOOL_BACKEND": "python"}).stdout.splitlines()
    assert forced[1] == "backend: pure Python (SQTOOL_BACKEND=python is set)"
    chinese = cli("--lang", "zh", "--version", env={"SQTOOL_BACKEND": "python"}).stdout.splitlines()
    assert chinese[1] == "后端：纯 Python（已设置 SQTOOL_BACKEND=python）"
    chinese_native = cli("--version", "--lang", "zh").stdout.splitlines()[1]
    assert chinese_native.startswith("后端：原生（C++，simdjson 3.")
    assert chinese_native.endswith(
        "指令集），读取 Telegram JSON、Discord JSON、WhatsApp TXT，并运行体检的对话模型；其他格式用 Python 读取"
    )


def test_backend_python_turns_the_native_module_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """SQTOOL_BACKEND=python: no native module is used even when it is built."""
    monkeypatch.setenv("SQTOOL_BACKEND", "python")
    assert core() is None


@needs_native
def test_the_native_reader_builds_the_usual_messages(tmp_path: Path) -> None:
    """Usual messages come built by the native reader; a service record comes back to Python as a dict."""
    path = tmp_path / "result.json"
    usual = {"id": 1, "type": "message", "date_unixtime": "1740823200", "from": "A", "from_id": "u1", "text": "hi"}
    service = {"id": 2, "type": "service", "date_unixtime": "1740823260", "actor": "A", "action": "pin_message"}
    path.write_text(json.dumps({"name": "G", "messages": [usual, service, {**usual, "id": 3}]}), encoding="utf-8")
    with backend("native"):
        items = telegram._items(Source(path, str(path)), ReadContext(str(path), UTC))
        got = list(items)
    assert [type(item) for item in got] == [Message, dict, Message]
    assert items._python is None  # no fall-back to the Python reader
    assert items.line() == 1


@needs_native
def test_the_native_reader_builds_the_discord_messages(tmp_path: Path) -> None:
    """Discord messages (replies, bots, stickers too) come built by the native reader; a join comes back as a dict."""
    path = tmp_path / "general.json"
    author = {"id": "7", "name": "amy", "nickname": "Amy", "isBot": False}
    usual = {
        "id": "10",
        "type": "Default",
        "timestamp": "2026-03-02T09:00:00.123+08:00",
        "content": "hi",
        "author": author,
        "attachments": [],
        "stickers": [],
        "mentions": [],
    }
    reply = {
        **usual,
        "id": "11",
        "type": "Reply",
        "reference": {"messageId": "10"},
        "mentions": [{"id": "7"}],
        "author": {"id": "8", "name": "bot", "isBot": True},
        "stickers": [{"id": "1"}],
    }
    join = {**usual, "id": "12", "type": "GuildMemberJoin", "content": "Joined the server."}
    document = {"guild": {"id": "1", "name": "G"}, "channel": {"id": "2", "name": "general"},
                "messages": [usual, reply, join, {**usual, "id": "13", "content": "\U0001f446 ok"}]}  # fmt: skip
    path.write_text(json.dumps(document), encoding="utf-8")  # ensure_ascii: the emoji as "\\ud83d\\udc46"
    with backend("native"):
        items = discord._items(Source(path, str(path)), ReadContext(str(path), UTC))
        got = list(items)
    assert [type(item) for item in got] == [Message, Message, dict, Message]
    assert items._python is None  # no fall-back to the Python reader (an escaped emoji pair included)
    assert (got[1].reply_to, got[1].mentions, got[1].is_bot, got[1].kind) == ("10", ("7",), True, "sticker")
    assert got[3].text == "👆 ok"
    assert str(got[0].timestamp) == "2026-03-02 09:00:00.123000+08:00"


@needs_native
@pytest.mark.parametrize("reader", ["telegram", "discord"])
def test_with_the_limits_off_the_native_readers_still_read(tmp_path: Path, reader: str) -> None:
    """--max-depth 0 --max-string-bytes 0 --max-int-digits 0 (no limits): nested items are still built natively
    (the splitter counted nesting only when a depth limit was set, and stopped at the first nested item)."""
    path = tmp_path / "export.json"
    if reader == "telegram":
        item = {"id": 1, "type": "message", "date_unixtime": "1740823200", "from": "A", "from_id": "u1", "text": "hi",
                "text_entities": [{"type": "plain", "text": "hi"}], "reactions": [{"count": 2}]}  # fmt: skip
        document: dict = {"name": "G", "messages": [item, {**item, "id": 2}]}
    else:
        item = {"id": "1", "timestamp": "2026-03-02T09:00:00+00:00", "content": "hi", "author": {"id": "7"},
                "reactions": [{"emoji": {"name": "x"}, "count": 2}], "mentions": [{"id": "8"}]}  # fmt: skip
        document = {"guild": {"id": "1"}, "channel": {"id": "2"}, "messages": [item, {**item, "id": "2"}]}
    path.write_text(json.dumps(document), encoding="utf-8")
    module = telegram if reader == "telegram" else discord
    with backend("native"), limits_in_force(Limits(depth=0, string_bytes=0, int_digits=0)):
        items = module._items(Source(path, str(path)), ReadContext(str(path), UTC))
        got = list(items)
    assert [type(item) for item in got] == [Message, Message]
    assert items._python is None


@needs_native
@pytest.mark.parametrize("export", [REPO / "tests" / "fixtures" / "chat" / "telegram_truncated.json", None])
def test_audit_json_is_the_same_from_both_backends(cli: CliInvoke, tmp_path: Path, export: Path | None) -> None:
    """The whole command, `sqtool --quiet audit FILE --report json`, prints the same report with either backend."""
    if export is None:
        export = tmp_path / "result.json"
        messages = [
            {"id": n, "type": "message", "date_unixtime": str(1740823200 + 3000 * n), "from": f"m{n % 7}",
             "from_id": f"u{n % 7}", "text": ["怎么报名？", "see https://x.io", "好的", "thanks"][n % 4],
             **({"reply_to_message_id": n - 1} if n % 3 == 0 and n else {})}
            for n in range(400)
        ]  # fmt: skip
        export.write_text(json.dumps({"name": "G", "messages": messages}, ensure_ascii=False), encoding="utf-8")
    arguments = ("--quiet", "audit", str(export), "--format", "telegram", "--tz", "Asia/Shanghai", "--report", "json")
    python = cli(*arguments, "--lenient", env={"SQTOOL_BACKEND": "python"})
    native = cli(*arguments, "--lenient", env={"SQTOOL_BACKEND": "native"})
    assert (native.exit_code, native.stdout) == (python.exit_code, python.stdout)
    assert json.loads(native.stdout)["summary"]["messages"] > 0
    strict_python = cli(*arguments, env={"SQTOOL_BACKEND": "python"})
    strict_native = cli(*arguments, env={"SQTOOL_BACKEND": "native"})
    assert (strict_native.exit_code, strict_native.stdout, strict_native.stderr) == (
        strict_python.exit_code,
        strict_python.stdout,
        strict_python.stderr,
    )


def test_an_unknown_backend_is_a_usage_error(cli: CliInvoke, tmp_path: Path) -> None:
    """SQTOOL_BACKEND=rust: exit 2 with what to set, in English and Chinese, not an internal error."""
    export = REPO / "tests" / "fixtures" / "chat" / "telegram_truncated.json"
    result = cli("audit", str(export), "--format", "telegram", env={"SQTOOL_BACKEND": "rust"})
    assert result.exit_code == 2
    assert "SQTOOL_BACKEND=rust is not a backend sqtool knows" in result.stderr
    assert "SQTOOL_BACKEND=python" in result.stderr
    chinese = cli("--lang", "zh", "audit", str(export), "--format", "telegram", env={"SQTOOL_BACKEND": "rust"})
    assert chinese.exit_code == 2
    assert "SQTOOL_BACKEND=rust 不是 sqtool 认识的后端" in chinese.stderr


def test_native_asked_for_but_not_built(cli: CliInvoke, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQTOOL_BACKEND=native on a pure-Python install: exit 2 saying why, and --version says it too."""
    import sqtool._native as native

    monkeypatch.setattr(native, "_imported", lambda: (None, "No module named 'sqtool._native._core'"))
    export = REPO / "tests" / "fixtures" / "chat" / "telegram_truncated.json"
    result = cli("audit", str(export), "--format", "telegram", env={"SQTOOL_BACKEND": "native"})
    assert result.exit_code == 2
    assert "SQTOOL_BACKEND=native is set, but the native readers are not built" in result.stderr
    unset = cli("--version", env={"SQTOOL_BACKEND": ""}).stdout.splitlines()[1]
    assert unset == ("backend: pure Python (the native module was not built: no C++17 compiler when installed)")


def _discord_export(path: Path, count: int, *, cut: int | None = None) -> Path:
    """A DiscordChatExporter export of ``count`` messages: replies, questions, links, bots, joins, pins."""
    authors = [{"id": str(100 + n), "name": f"m{n}", **({"nickname": f"成员{n}"} if n % 2 else {})} for n in range(9)]
    messages = []
    for n in range(count):
        author = {**authors[n % 9], "isBot": n % 9 == 8}
        kind = "GuildMemberJoin" if n % 50 == 7 else "ChannelPinnedMessage" if n % 70 == 9 else "Default"
        record = {
            "id": str(900000 + n),
            "type": "Reply" if n % 4 == 1 and kind == "Default" else kind,
            "timestamp": f"2026-03-{1 + n // 40:02d}T{n % 24:02d}:{n % 60:02d}:05.{n % 1000:03d}+08:00",
            "content": ["怎么报名？", "see https://x.io/a", "好的 @m1", "thanks", ""][n % 5],
            "author": author,
            "attachments": [{"id": "1", "fileName": "a.png"}] if n % 5 == 4 else [],
            "mentions": [{"id": "101", "name": "m1"}] if n % 5 == 2 else [],
        }
        if record["type"] == "Reply":
            record["reference"] = {"messageId": str(900000 + n - 1)}
        messages.append(record)
    document = {"guild": {"id": "1", "name": "社群"}, "channel": {"id": "2", "name": "general"}, "messages": messages}
    data = json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")
    path.write_bytes(data if cut is None else data[:cut])
    return path


@needs_native
@pytest.mark.parametrize("case", ["whole", "cut"])
def test_discord_audit_json_is_the_same_from_both_backends(cli: CliInvoke, tmp_path: Path, case: str) -> None:
    """`sqtool --quiet audit FILE --report json` on a Discord export: the same report (or error) from either backend."""
    export = _discord_export(tmp_path / "general.json", 400, cut=None if case == "whole" else 60000)
    arguments = ("--quiet", "audit", str(export), "--format", "discord", "--tz", "Asia/Shanghai", "--report", "json")
    python = cli(*arguments, "--lenient", env={"SQTOOL_BACKEND": "python"})
    native = cli(*arguments, "--lenient", env={"SQTOOL_BACKEND": "native"})
    assert (native.exit_code, native.stdout) == (python.exit_code, python.stdout)
    assert json.loads(native.stdout)["summary"]["messages"] > 0
    strict_python = cli(*arguments, env={"SQTOOL_BACKEND": "python"})
    strict_native = cli(*arguments, env={"SQTOOL_BACKEND": "native"})
    assert (strict_native.exit_code, strict_native.stdout, strict_native.stderr) == (
        strict_python.exit_code,
        strict_python.stdout,
        strict_python.stderr,
    )
    if case == "cut":
        assert strict_native.exit_code == 2
        assert "general.json:2854: error: unexpected end of data" in strict_native.stderr


@needs_native
@pytest.mark.parametrize(
    "export",
    [
        REPO / "tests" / "fixtures" / "chat" / "whatsapp_en_android.txt",
        REPO / "tests" / "fixtures" / "chat" / "whatsapp_de_ios.txt",
        REPO / "tests" / "fixtures" / "chat" / "whatsapp_ios_utf16.txt",
        None,
    ],
    ids=["android", "ios", "utf-16", "generated"],
)
def test_whatsapp_audit_json_is_the_same_from_both_backends(
    cli: CliInvoke, tmp_path: Path, export: Path | None
) -> None:
    """`sqtool --quiet audit FILE --report json` on WhatsApp text prints the same report (and the same error on an
    impossible date) with either backend, strict and --lenient."""
    if export is None:
        export = tmp_path / "WhatsApp Chat with Club.txt"
        texts = ["怎么报名？", "see https://x.io", "好的", "thanks\nsecond line", "@m1 agreed", "<Media omitted>"]
        lines = [
            f"{1 + n // 300:02d}/03/2025, {n // 60 % 24:02d}:{n % 60:02d} - m{n % 7}: {texts[n % 6]}"
            for n in range(900)
        ]
        lines.insert(450, "31/02/2025, 10:00 - m1: an impossible date")
        lines.insert(200, "01/03/2025, 10:00 - m3 left")
        export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    arguments = ("--quiet", "audit", str(export), "--tz", "Asia/Shanghai", "--report", "json")
    for extra in (("--lenient",), ()):
        python = cli(*arguments, *extra, env={"SQTOOL_BACKEND": "python"})
        native = cli(*arguments, *extra, env={"SQTOOL_BACKEND": "native"})
        assert (native.exit_code, native.stdout, native.stderr) == (python.exit_code, python.stdout, python.stderr)
    lenient = cli(*arguments, "--lenient", env={"SQTOOL_BACKEND": "native"})
    assert json.loads(lenient.stdout)["summary"]["messages"] > 0
    if export.parent == tmp_path:  # the impossible date stops the strict read, with its line
        strict = cli(*arguments, env={"SQTOOL_BACKEND": "native"})
        bad = export.read_text(encoding="utf-8").splitlines().index("31/02/2025, 10:00 - m1: an impossible date") + 1
        assert strict.exit_code == 2 and f":{bad}: error: " in strict.stderr, strict.stderr
