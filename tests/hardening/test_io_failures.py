"""What the system refuses or a damaged file holds ends in a named error (exit 2), never in the
last-resort handler: long file names, closed or full standard streams, a deleted current folder,
odd -o values, invalid UTF-8 in JSON, Discord fields of the wrong type, unknown zip compression,
bzip2 and LZMA zip members."""

from __future__ import annotations

import base64
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO, CliInvoke, run_sqtool
from tests.fuzz.seeds import DISCORD, MESSENGER, TELEGRAM, WECHAT_CSV, WHATSAPP

EXPORT = REPO / "examples" / "demo-wechat.csv"
PLAN = REPO / "examples" / "plan.yaml"
LONG = "a" * 300


@pytest.mark.parametrize(
    "args",
    [
        ("audit", f"{LONG}.json"),
        ("validate", f"{LONG}.yaml"),
        ("check", f"{LONG}.yaml"),
        ("audit", str(EXPORT), "-o", f"{LONG}.txt"),
        ("validate", str(PLAN), "-o", f"{LONG}.txt"),
    ],
)
def test_a_300_character_file_name_is_a_named_error(cli: CliInvoke, tmp_path: Path, args: tuple[str, ...]) -> None:
    os.chdir(tmp_path)
    try:
        result = cli(*args)
    finally:
        os.chdir(REPO)
    assert result.exit_code == 2
    assert "file name is too long" in result.stderr and "internal error" not in result.stderr
    assert "aaaa…aaaa" in result.stderr  # shortened so the message stays readable
    assert list(tmp_path.iterdir()) == []


def _shell(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    environment = dict(os.environ, PYTHONPATH=str(REPO / "src"), LANG="en_US.UTF-8")
    return subprocess.run(["sh", "-c", command], cwd=cwd, env=environment, capture_output=True, text=True, timeout=120)


def _sqtool() -> str:
    return f"{sys.executable} -m sqtool"


@pytest.mark.parametrize(
    ("command", "shown"),
    [
        ("validate - <&-", "standard input is closed"),
        ("check - <&-", "standard input is closed"),
        ("audit - --format csv <&-", "standard input is closed"),
        ("rules >&-", "standard output is closed"),
        (f"validate {PLAN} >&-", "standard output is closed"),
        ("rules > /dev/full", "No space left on device"),
        (f"audit {EXPORT} > /dev/full", "No space left on device"),
    ],
)
def test_closed_and_full_standard_streams_are_named_errors(tmp_path: Path, command: str, shown: str) -> None:
    if "/dev/full" in command and not Path("/dev/full").exists():
        pytest.skip("this system has no /dev/full")
    result = _shell(f"{_sqtool()} {command}", tmp_path)
    assert result.returncode == 2, result.stderr
    assert shown in result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr


def test_a_closed_stdout_does_not_stop_a_write_to_a_file(tmp_path: Path) -> None:
    result = _shell(f"{_sqtool()} audit {EXPORT} -o report.txt >&-", tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "report.txt").stat().st_size > 0


def test_a_deleted_current_folder_is_a_named_error(tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    script = (
        "import os, sys; os.chdir(sys.argv[1]); os.rmdir(sys.argv[1]); sys.argv = ['sqtool', 'check', sys.argv[2]];"
        " from sqtool.cli import main; main()"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(gone), str(PLAN)],
        env=dict(os.environ, PYTHONPATH=str(REPO / "src"), LANG="en_US.UTF-8"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2, result.stderr
    assert "the current folder cannot be used" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(("value", "shown"), [("", "the output file name is empty"), ("newdir/", "names a folder")])
def test_odd_output_paths_are_usage_errors(cli: CliInvoke, tmp_path: Path, value: str, shown: str) -> None:
    """-o newdir/ used to write a file named newdir; -o '' said ". already exists"."""
    target = value and f"{tmp_path}/{value}"  # Path() would drop the trailing slash
    for args in (("audit", str(EXPORT), "-o", target), ("validate", str(PLAN), "-o", target), ("schema", "-o", target)):
        result = cli(*args)
        assert result.exit_code == 2
        assert shown in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("seed", [TELEGRAM, DISCORD, MESSENGER], ids=lambda seed: seed.name)
def test_invalid_utf8_inside_json_is_a_named_error(cli: CliInvoke, tmp_path: Path, seed: object) -> None:
    data = seed.data  # type: ignore[attr-defined]
    at = data.index(b'"text"' if b'"text"' in data else b'"content"') + 10
    path = tmp_path / seed.name  # type: ignore[attr-defined]
    path.write_bytes(data[:at] + b"\xff\xfe\xc3(" + data[at:])
    for lenient in ((), ("--lenient",)):
        result = cli("audit", str(path), "--tz", "UTC", *lenient)
        assert result.exit_code == 2
        assert "internal error" not in result.stderr and str(path) in result.stderr


@pytest.mark.parametrize(
    ("index", "field", "value"),
    [
        (1, "reference", 7),
        (1, "reference", {"messageId": [1]}),
        (2, "mentions", "bo"),
        (2, "mentions", [1, "x", None]),
        (0, "type", ["GuildMemberJoin"]),
        (1, "author", [1, 2]),
        (1, "content", {"text": "hi"}),
        (1, "timestamp", 5),
    ],
)
def test_discord_fields_of_the_wrong_type(
    cli: CliInvoke, tmp_path: Path, index: int, field: str, value: object
) -> None:
    document = json.loads(DISCORD.data)
    document["messages"][index][field] = value
    path = tmp_path / "channel.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = cli("audit", str(path), "--tz", "UTC", "-r", "json")
    assert result.exit_code in (0, 2), result.stderr
    assert "internal error" not in result.stderr
    if result.exit_code == 0:
        assert json.loads(result.stdout)["summary"]["messages"] >= 1


def test_a_zip_with_an_unknown_compression_method(cli: CliInvoke, tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("_chat.txt", WHATSAPP.data)
    data = bytearray(buffer.getvalue())
    for header, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):  # method 99: AES, which zipfile cannot unpack
        at = data.find(header)
        data[at + offset : at + offset + 2] = (99).to_bytes(2, "little")
    path = tmp_path / "chat.zip"
    path.write_bytes(bytes(data))
    result = cli("audit", str(path))
    assert result.exit_code == 2
    assert "compressed with a method sqtool cannot unpack" in result.stderr
    zh = cli("--lang", "zh", "audit", str(path))
    assert "无法解压的压缩方式" in zh.stderr


# a WhatsApp chat zip of 516 bytes whose bzip2 member unpacks to a line and 400 MiB of zeros, made by
# zipfile.ZipFile(path, "w", ZIP_BZIP2) and kept here (compressing 400 MiB takes seconds of processor time)
BZIP2_BOMB = base64.b64decode(
    "UEsDBC4AAAAMAAAAIQAyr2Qy//////////8JABQAX2NoYXQudHh0AQAQABwAABkAAAAAewEAAAAAAABCWmg5MUFZJlNZwstm1gV+"
    "M90AwBBABvkQIAAgYQAIIABUNqhoADQRVGAGkHXwogKqidogIiqAHt62iMai1Mb3SdZRTdizwd/AISQACF8xQVkmU1kOCeLfAV+O"
    "QADAAAAIIAAwgE1GQqAlqQqAlzFBWSZTWQ4J4t8BX45AAMAAAAggADCATUZCoCWpCoCXMUFZJlNZDgni3wFfjkAAwAAACCAAMIBN"
    "RkKgJakKgJcxQVkmU1kOCeLfAV+OQADAAAAIIAAwgE1GQqAlqQqAlzFBWSZTWQ4J4t8BX45AAMAAAAggADCATUZCoCWpCoCXMUFZ"
    "JlNZDgni3wFfjkAAwAAACCAAMIBNRkKgJakKgJcxQVkmU1kOCeLfAV+OQADAAAAIIAAwgE1GQqAlqQqAlzFBWSZTWQ4J4t8BX45A"
    "AMAAAAggADCATUZCoCWpCoCXMUFZJlNZl3DExAAwjWAAwAACAAAIIAAwzAUppkoQWxShBeLuSKcKEh9h6AQAUEsBAi4DLgAAAAwA"
    "AAAhADKvZDJ7AQAAHAAAGQkAAAAAAAAAAAAAAIABAAAAAF9jaGF0LnR4dFBLBQYAAAAAAQABADcAAAC2AQAAAAA="
)


@pytest.mark.parametrize("method", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA], ids=["bzip2", "lzma"])
def test_a_zip_member_in_bzip2_or_lzma_is_refused_before_unpacking(tmp_path: Path, method: int) -> None:
    """zipfile unpacks bzip2 and LZMA a whole read at a time: one 64 KiB read of the bomb's member
    holds 400 MiB. Even with the ratio check off, such a member is refused by name before any
    unpacking, within 10 s and 300 MiB, in both languages; a WhatsApp chat and a Slack day file alike."""
    from tests.limits.bounded import run_bounded

    name = "bzip2" if method == zipfile.ZIP_BZIP2 else "LZMA"
    path = tmp_path / "chat.zip"
    if method == zipfile.ZIP_BZIP2:
        path.write_bytes(BZIP2_BOMB)
        with zipfile.ZipFile(path) as archive:
            (info,) = archive.infolist()
        assert (info.compress_type, info.file_size) == (zipfile.ZIP_BZIP2, 28 + (400 << 20))
    else:
        with zipfile.ZipFile(path, "w", method) as archive:
            archive.writestr("_chat.txt", WHATSAPP.data)
    run = run_bounded("--max-zip-ratio", "0", "audit", str(path), "--tz", "UTC")
    assert run.code == 2, run.stderr
    assert f"the zip member _chat.txt is compressed with {name}, which sqtool does not unpack" in run.stderr
    zh = run_bounded("--lang", "zh", "--max-zip-ratio", "0", "audit", str(path), "--tz", "UTC", "--lenient")
    assert zh.code == 2 and f"压缩包里的 _chat.txt 用的是 {name} 压缩" in zh.stderr
    slack = tmp_path / "slack.zip"
    with zipfile.ZipFile(slack, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("users.json", "[]")
        archive.writestr("channels.json", '[{"id": "C1", "name": "general"}]')
        archive.writestr("general/2026-03-01.json", "[]", compress_type=method)
    run = run_bounded("audit", str(slack), "--tz", "UTC")
    assert run.code == 2 and "general/2026-03-01.json is compressed with" in run.stderr, run.stderr


def test_run_sqtool_helper_still_sees_clean_runs(tmp_path: Path) -> None:
    """The subprocess route these tests use reports a clean run as clean (guards the harness)."""
    result = run_sqtool("validate", str(PLAN), cwd=tmp_path)
    assert result.returncode == 0 and "internal error" not in result.stderr


def test_a_1500_deep_folder_is_no_problem(cli: CliInvoke, tmp_path: Path) -> None:
    """Config discovery walks every parent of the current folder; 1,500 levels (7,500 characters,
    past PATH_MAX) end in a result or a named error, never in the last-resort handler."""
    os.chdir(tmp_path)
    levels = 0
    try:
        for _ in range(1500):
            os.mkdir("dddd")
            os.chdir("dddd")
            levels += 1
        Path("plan.yaml").write_bytes(PLAN.read_bytes())
        checked = cli("check", "plan.yaml", "--today", "2026-06-01")
        audited = cli("audit", str(EXPORT), "-o", "report.txt")
    finally:
        _remove_from_inside(levels)
        os.chdir(REPO)
    assert checked.exit_code in (0, 1) and "internal error" not in checked.stderr, checked.stderr
    assert audited.exit_code in (0, 2) and "internal error" not in audited.stderr, audited.stderr


def _remove_from_inside(levels: int) -> None:
    """Remove the deep tree bottom up with relative names (shutil.rmtree recurses once per level)."""
    for _ in range(levels):
        for entry in os.listdir("."):
            if entry != "dddd":
                os.remove(entry)
        os.chdir("..")
        os.rmdir("dddd")


def test_found_by_the_long_fuzz_run(cli: CliInvoke, tmp_path: Path) -> None:
    """A Telegram service record whose action is a list (TypeError: unhashable), and a zip whose
    member name is flagged UTF-8 but is not (UnicodeDecodeError inside zipfile)."""
    document = json.loads(TELEGRAM.data)
    document["messages"][0]["action"] = ["invite_members"]
    document["messages"][0]["members"] = 7
    telegram = tmp_path / "result.json"
    telegram.write_text(json.dumps(document), encoding="utf-8")
    result = cli("audit", str(telegram), "--tz", "UTC", "-r", "json")
    assert result.exit_code == 0, result.stderr
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("général.txt", WHATSAPP.data)  # non-ASCII: stored as UTF-8 with flag bit 11
    broken = tmp_path / "chat.zip"
    broken.write_bytes(buffer.getvalue().replace("é".encode(), b"\xe9\x28"))
    result = cli("audit", str(broken))
    assert result.exit_code == 2
    assert "the zip archive is damaged" in result.stderr and "internal error" not in result.stderr


@pytest.mark.parametrize("where", ["members", "meta"])
def test_invalid_utf8_in_a_chatlab_head_is_a_named_error(cli: CliInvoke, tmp_path: Path, where: str) -> None:
    """Found by the long fuzz run of the ChatLab family: bytes that are not UTF-8 in a member's name
    (read before the messages, for the roster) or in the group's name escaped the head's reading as
    UnicodeDecodeError; now the reading of the file names them, as for any JSON export."""
    from tests.fuzz.seeds import CHATLAB

    name = "小米" if where == "members" else "烘焙交流群"
    path = tmp_path / "chatlab.json"
    path.write_bytes(CHATLAB.data.replace(name.encode(), name.encode("gbk"), 1))
    result = cli("audit", str(path), "--tz", "UTC")
    assert result.exit_code == 2, result.stderr
    assert "invalid JSON: invalid UTF-8" in result.stderr and "internal error" not in result.stderr
    zh = cli("--lang", "zh", "audit", str(path), "--tz", "UTC")
    assert zh.exit_code == 2 and "内部错误" not in zh.stderr


@pytest.mark.parametrize("users", [18446744073709551616, 2.5, "Bo", {"name": "Bo"}, True])
def test_messenger_users_of_the_wrong_type(cli: CliInvoke, tmp_path: Path, users: object) -> None:
    """Found by the long fuzz run of the Messenger family: a Subscribe notice whose ``users`` is a
    number (TypeError: 'float' object is not iterable); now a notice that names nobody by ``users``,
    read from its text as before, and the export is audited."""
    document = json.loads(MESSENGER.data)
    notice = next(message for message in document["messages"] if message.get("type") == "Subscribe")
    notice["users"] = users
    path = tmp_path / "message_1.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = cli("audit", str(path), "--tz", "UTC", "-r", "json")
    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)["summary"]
    assert (summary["messages"], summary["joins"]) == (2, 1)  # Bo joins: named by the notice's own words


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "gb18030"])
def test_a_wechat_csv_in_another_encoding_names_its_group(cli: CliInvoke, tmp_path: Path, encoding: str) -> None:
    """Found by the long fuzz run of the WeChat family: a WeChat CSV saved as UTF-16 with CRLF lines
    was read by its reader but its group name was looked up in the head decoded as UTF-8, and the csv
    module's "new-line character seen in unquoted field" escaped as an internal error. The head is now
    decoded as the reader decodes it, and the group is named."""
    text = WECHAT_CSV.data.decode("utf-8-sig").replace("\r\n", "\n").replace("\n", "\r\n")
    path = tmp_path / "wechat.csv"
    path.write_bytes(text.encode(encoding))
    page = tmp_path / "audit.html"
    result = cli("audit", str(path), "--tz", "UTC", "-r", "html", "-o", str(page))
    assert result.exit_code == 0, result.stderr
    assert "1@chatroom" in page.read_text("utf-8")  # the TalkerId of the first row names the group
