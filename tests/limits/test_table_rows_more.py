"""Issue 18's table, the rows about what is not an input limit: each row's inputs run through sqtool in a
child process (tests/limits/bounded.py) and end in a named error or a bounded success, within 10 s of
processor time and 300 MiB, leaving no temporary file. The hardening tests (tests/hardening/) check
the same inputs in-process, in more detail; these check the Done-when of the table: time, memory,
exit code, no internal error, no stray file."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.fuzz.seeds import DISCORD, TELEGRAM, WHATSAPP
from tests.limits.bounded import run_bounded

EXPORT = REPO / "examples" / "demo-wechat.csv"
PLAN = REPO / "examples" / "plan.yaml"
BIG = "1" * 4400  # more digits than Python converts (4,300)
BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + n)}: &{chr(98 + n)} [*{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}]\n"
    for n in range(9)
)  # 390 bytes that expand to 9 * 5**9 values
DEEP_LIST = "[" * 1500 + "]" * 1500
HOSTILE = "\x1b]0;pwned\x07小林\x1b[2J\u202eevil\x00"


@dataclass(frozen=True)
class Row:
    """One input of a table row: files to write (name -> bytes), the arguments, what must come out."""

    files: dict[str, bytes]
    args: tuple[str, ...]
    code: int
    shown: str  # in stderr (or in stdout for a success)
    check: Callable[[str], bool] | None = None  # more about stdout


def _text(value: str) -> bytes:
    return value.encode("utf-8")


def _plan_with(old: str, new: str) -> bytes:
    text = PLAN.read_text(encoding="utf-8")
    assert old in text
    return _text(text.replace(old, new, 1))


def _hostile_telegram() -> bytes:
    document = json.loads(TELEGRAM.data)
    for message in document["messages"]:
        if message.get("from") == "小林":
            message["from"] = HOSTILE
    return _text(json.dumps(document))


def _discord_wrong_types() -> bytes:
    document = json.loads(DISCORD.data)
    document["messages"][1]["author"] = [1, 2]
    document["messages"][2]["mentions"] = "bo"
    document["messages"][1]["reference"] = {"messageId": [1]}
    return _text(json.dumps(document))


def _unknown_method_zip() -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("_chat.txt", WHATSAPP.data)
    data = bytearray(buffer.getvalue())
    for header, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):  # method 99 (AES)
        at = data.find(header)
        data[at + offset : at + offset + 2] = (99).to_bytes(2, "little")
    return bytes(data)


def _no_escapes(stdout: str) -> bool:
    return not any(raw in stdout for raw in ("\x1b", "\x07", "\u202e", "\x00")) and "evil" in stdout


ROWS: dict[str, Row] = {
    # a 390-byte .sqtool.yaml alias bomb, found by `check` in the current folder
    "config-alias-bomb": Row({".sqtool.yaml": _text(BOMB)}, ("check", str(PLAN)), 2, "alias"),
    # sender and file names with terminal escapes: text and Markdown audit reports
    "escapes-text": Row(
        {"result.json": _hostile_telegram()}, ("audit", "{dir}/result.json", "--tz", "UTC"), 0, "", _no_escapes
    ),
    "escapes-md": Row(
        {"result.json": _hostile_telegram()},
        ("audit", "{dir}/result.json", "--tz", "UTC", "-r", "md"),
        0,
        "",
        _no_escapes,
    ),
    "escapes-file-name": Row(
        {"chat\x1b[2J\u202e.json": TELEGRAM.data},
        ("audit", "{dir}/chat\x1b[2J\u202e.json", "--tz", "UTC", "-r", "md"),
        0,
        "chat",
        lambda out: "\x1b" not in out and "\u202e" not in out,
    ),
    # integers of 4,300+ digits: plan, config, pyproject, answers, roster
    "digits-plan": Row(
        {"plan.yaml": _plan_with("current_size: 300", f"current_size: {BIG}")}, ("validate", "{dir}/plan.yaml"), 1, ""
    ),
    "digits-config": Row(
        {"cfg.yaml": _text(f"kol_per_members: {BIG}\n")},
        ("check", str(PLAN), "--config", "{dir}/cfg.yaml"),
        2,
        "digits",
    ),
    "digits-pyproject": Row(
        {"pyproject.toml": _text(f"[tool.sqtool]\nkol_per_members = {BIG}\n")}, ("check", str(PLAN)), 2, "digits"
    ),
    "digits-answers": Row(
        {"answers.yaml": _text(f"members.target_size: {BIG}\n")},
        ("init", "{dir}/new.yaml", "--answers", "{dir}/answers.yaml"),
        2,
        "answers.yaml",
    ),
    "digits-roster": Row(
        {"roster.yaml": _text(f"- id: {BIG}\n")},
        ("audit", str(EXPORT), "--roster", "{dir}/roster.yaml"),
        2,
        "roster.yaml",
    ),
    # 1,500-deep config; `tool = 5` in pyproject; a binary or !!python roster
    "deep-config": Row(
        {"cfg.yaml": _text("select: " + DEEP_LIST + "\n")},
        ("check", str(PLAN), "--config", "{dir}/cfg.yaml"),
        2,
        "nested",
    ),
    "deep-pyproject": Row(
        {"pyproject.toml": _text("[tool.sqtool]\nselect = " + DEEP_LIST + "\n")},
        ("check", str(PLAN)),
        2,
        "pyproject.toml",
    ),
    "tool-5": Row({"pyproject.toml": b"tool = 5\n"}, ("check", str(PLAN)), 2, "must be a table of settings"),
    "binary-roster": Row(
        {"roster.csv": bytes(range(256)) * 40}, ("audit", str(EXPORT), "--roster", "{dir}/roster.csv"), 2, "roster.csv"
    ),
    "python-roster": Row(
        {"roster.yaml": b"- !!python/object/apply:os.system ['echo pwned']\n"},
        ("audit", str(EXPORT), "--roster", "{dir}/roster.yaml"),
        2,
        "roster.yaml:1:3",
    ),
    # huge option values and dates; a record dated year 1 or before 1970
    "members-10e30": Row(
        {}, ("audit", str(EXPORT), "--members", str(10**30)), 2, "--members is larger than sqtool accepts"
    ),
    "cutoff-10e20": Row({}, ("audit", str(EXPORT), "--response-cutoff", str(10**20)), 2, "larger than sqtool accepts"),
    "since-year-1": Row({}, ("audit", str(EXPORT), "--since", "0001-01-01"), 2, "outside the years 1800–2999"),
    "until-9999": Row({}, ("audit", str(EXPORT), "--until", "9999-12-31"), 2, "outside the years 1800–2999"),
    "record-year-1": Row(
        {"result.json": TELEGRAM.data.replace(b"1772413200", b"-62135596800")},
        ("audit", "{dir}/result.json", "--tz", "UTC"),
        2,
        "outside the years 1800–2999",
    ),
    "record-1969": Row(
        {
            "result.json": TELEGRAM.data.replace(b'"1772413200"', b'"-86400"').replace(
                b"2026-03-02T09:00:00", b"1969-12-31T00:00:00"
            )
        },
        ("audit", "{dir}/result.json", "--tz", "UTC", "-r", "json"),
        0,
        "",
    ),
    # invalid UTF-8 inside JSON; Discord fields of the wrong type; a zip with an unknown method
    "utf8-json": Row(
        {"channel.json": DISCORD.data.replace(b'"content": "', b'"content": "\xff\xfe\xc3(', 1)},
        ("audit", "{dir}/channel.json", "--tz", "UTC"),
        2,
        "invalid",
    ),
    "discord-types": Row(
        {"channel.json": _discord_wrong_types()}, ("audit", "{dir}/channel.json", "--tz", "UTC", "-r", "json"), 0, ""
    ),
    "zip-method": Row(
        {"chat.zip": _unknown_method_zip()},
        ("audit", "{dir}/chat.zip"),
        2,
        "compressed with a method sqtool cannot unpack",
    ),
    # a 300-character file name
    "long-name": Row({}, ("audit", "{dir}/" + "a" * 300 + ".json"), 2, "file name is too long"),
    # smaller gaps: .nan; audit --plan validate rejects; -o newdir/; -o ''; duplicate keys in .sqtool.yaml
    "nan-validate": Row(
        {"plan.yaml": _plan_with("min_weekly_active_share: 0.25", "min_weekly_active_share: .nan")},
        ("validate", "{dir}/plan.yaml"),
        1,
        "",
    ),
    "nan-audit": Row(
        {"plan.yaml": _plan_with("min_weekly_active_share: 0.25", "min_weekly_active_share: .nan")},
        ("audit", str(EXPORT), "--plan", "{dir}/plan.yaml"),
        2,
        "does not pass `sqtool validate`",
    ),
    "o-newdir": Row({}, ("audit", str(EXPORT), "-o", "{dir}/newdir/"), 2, "names a folder"),
    "o-empty": Row({}, ("audit", str(EXPORT), "-o", ""), 2, "the output file name is empty"),
    "duplicate-keys": Row(
        {".sqtool.yaml": b"select: [SQ2]\nselect: [SQ3]\n"}, ("check", str(PLAN)), 2, "duplicate key 'select'"
    ),
}


@pytest.mark.parametrize("name", sorted(ROWS))
def test_table_row_is_bounded_and_named(tmp_path: Path, name: str) -> None:
    row = ROWS[name]
    work = tmp_path / "work"
    spool = tmp_path / "tmp"
    work.mkdir()
    spool.mkdir()
    for file_name, data in row.files.items():
        (work / file_name).write_bytes(data)
    before = sorted(path.name for path in work.iterdir())
    args = [arg.replace("{dir}", str(work)) for arg in row.args]
    run = run_bounded(*args, cwd=work, env={"TMPDIR": str(spool)})
    assert run.code == row.code, (run.code, run.stderr[-2000:])
    if run.code == 2:
        assert "error" in run.stderr and row.shown in run.stderr, run.stderr[-2000:]
    else:
        assert row.shown in run.stdout
    if row.check is not None:
        assert row.check(run.stdout), run.stdout[-2000:]
    assert list(spool.iterdir()) == []  # no temporary file left
    assert sorted(path.name for path in work.iterdir()) == before  # nothing written next to the inputs


@pytest.mark.parametrize(
    ("args", "closed", "stdout_to", "shown"),
    [
        (("validate", "-"), (0,), None, "standard input is closed"),
        (("audit", "-", "--format", "csv"), (0,), None, "standard input is closed"),
        (("validate", str(PLAN)), (1,), None, "standard output is closed"),
        (("audit", str(EXPORT)), (), "/dev/full", "No space left on device"),
    ],
    ids=["validate-stdin-closed", "audit-stdin-closed", "stdout-closed", "stdout-full"],
)
def test_closed_and_full_streams_are_bounded_named_errors(
    tmp_path: Path, args: tuple[str, ...], closed: tuple[int, ...], stdout_to: str | None, shown: str
) -> None:
    """Standard input closed, standard output closed (it used to exit 0 silently) or full: a named
    error in a child process, within 10 s and 300 MiB, no temporary file left."""
    (tmp_path / "tmp").mkdir()
    run = run_bounded(*args, cwd=tmp_path, env={"TMPDIR": str(tmp_path / "tmp")}, closed=closed, stdout_to=stdout_to)
    assert run.code == 2 and shown in run.stderr, run.stderr[-2000:]
    assert list((tmp_path / "tmp").iterdir()) == []
