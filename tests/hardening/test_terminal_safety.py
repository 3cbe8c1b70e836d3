"""Names, ids and file names from an export reach no terminal or Markdown raw: control characters,
escape sequences (an OSC title, ESC[2J) and bidi overrides (RLO) come out as visible escapes, in
the audit's text and Markdown reports, in `history`, and in error messages, as `check` does."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from sqtool.reporters.safe_text import neutralised, one_line
from tests.conftest import CliInvoke
from tests.fuzz.seeds import TELEGRAM

HOSTILE = "\x1b]0;pwned\x07小林\x1b[2J\u202eevil\x00"
RAW = ("\x1b", "\x07", "\u202e", "\x00")


def _hostile_export(tmp_path: Path) -> Path:
    document = json.loads(TELEGRAM.data)
    for message in document["messages"]:
        if message.get("from") == "小林":
            message["from"] = HOSTILE
    path = tmp_path / "result.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


@pytest.mark.parametrize("report", ["text", "md"])
def test_audit_reports_escape_what_the_export_says(cli: CliInvoke, tmp_path: Path, report: str) -> None:
    result = cli("audit", str(_hostile_export(tmp_path)), "--tz", "UTC", "-r", report, "--top", "5")
    assert result.exit_code == 0, result.stderr
    assert not any(char in result.stdout for char in RAW)
    shown = "\\x1b]0;pwned\\x07小林\\x1b[2J\\u202eevil\\x00"  # visible, not acted on
    assert (shown if report == "text" else shown.replace("[", "\\[").replace("]", "\\]")) in result.stdout


def test_the_json_report_keeps_the_exact_name(cli: CliInvoke, tmp_path: Path) -> None:
    """JSON escapes control characters itself; its data stays exact for programs."""
    result = cli("audit", str(_hostile_export(tmp_path)), "--tz", "UTC", "-r", "json")
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout
    names = json.dumps(json.loads(result.stdout), ensure_ascii=False)
    assert "pwned" in names


def test_coloured_terminal_output_has_only_sqtools_own_escapes(cli: CliInvoke, tmp_path: Path) -> None:
    result = cli("--color", "always", "audit", str(_hostile_export(tmp_path)), "--tz", "UTC")
    assert result.exit_code == 0
    assert "\x1b]" not in result.stdout and "\x1b[2J" not in result.stdout and "\u202e" not in result.stdout
    assert "\x1b[" in result.stdout  # rich's colours are still there


def test_a_hostile_file_name_is_escaped_in_errors(cli: CliInvoke, tmp_path: Path) -> None:
    path = tmp_path / "\x1b[2J\u202eevil.json"
    path.write_text("{", encoding="utf-8")
    result = cli("audit", str(path))
    assert result.exit_code == 2
    assert not any(char in result.stderr for char in RAW)
    assert "\\x1b[2J\\u202eevil.json" in result.stderr


def test_history_escapes_values_from_a_tampered_database(cli: CliInvoke, tmp_path: Path) -> None:
    export = _hostile_export(tmp_path)
    history = tmp_path / "history.sqlite"
    assert cli("audit", str(export), "--tz", "UTC", "--save", "--history", str(history)).exit_code == 0
    with sqlite3.connect(history) as connection:  # someone else on a shared machine edits the file
        connection.execute("UPDATE audits SET period_first = ?, saved_at = ?", (HOSTILE, "\x1b[2J2026-01-01"))
    result = cli("history", "--history", str(history))
    assert result.exit_code == 0, result.stderr
    assert not any(char in result.stdout for char in RAW)


def test_neutralised_keeps_types_and_identity_where_nothing_changes() -> None:
    from dataclasses import dataclass
    from enum import StrEnum

    class Kind(StrEnum):
        A = "a"

    @dataclass(frozen=True)
    class Row:
        name: str
        kind: Kind
        names: tuple[str, ...]
        counts: dict[str, int]

    clean = Row("小林", Kind.A, ("a",), {"b": 1})
    assert neutralised(clean) is clean
    dirty = neutralised(Row("\x1b[2J", Kind.A, ("\u202e",), {"\x07": 1}))
    assert dirty == Row("\\x1b[2J", Kind.A, ("\\u202e",), {"\\x07": 1})
    assert dirty.kind is Kind.A
    assert one_line("tab\tkept") == "tab\tkept"


def test_written_file_names_are_escaped_too(cli: CliInvoke, tmp_path: Path) -> None:
    """`init` and `-o` say which file they wrote; a name with escapes is shown, not acted on."""
    plan = tmp_path / "\u202eplan.yaml"
    init = cli("init", str(plan), "-p", "retail", "-y")
    report = cli("audit", str(_hostile_export(tmp_path)), "--tz", "UTC", "-o", str(tmp_path / "\u202erep.txt"))
    for result in (init, report):
        assert result.exit_code == 0, result.stderr
        assert not any(char in result.stdout + result.stderr for char in RAW)
    assert plan.exists() and (tmp_path / "\u202erep.txt").exists()
