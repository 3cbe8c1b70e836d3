"""`sqtool audit --report csv -o DIR`: every table as a UTF-8 CSV with a BOM, figures counted by hand."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from sqtool.render.audit_csv import BOM, csv_cell, csv_text
from sqtool.render.audit_tables import COLUMNS, TABLE_NAMES
from tests.ecosystem.small_chat import write_small_chat


def read_table(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(BOM.encode("utf-8")), f"{path.name} has no BOM (Excel would misread the Chinese)"
    text = raw.decode("utf-8-sig")
    assert "\r\n" in text, "rows end with CRLF as RFC 4180 says"
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def tables(cli, tmp_path: Path) -> dict[str, list[dict[str, str]]]:
    chat, roster = write_small_chat(tmp_path)
    out = tmp_path / "tables"
    result = cli("audit", str(chat), "--roster", str(roster), "--tz", "UTC", "--report", "csv", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert "11 tables written to" in result.stderr
    assert sorted(path.name for path in out.iterdir()) == sorted(f"{name}.csv" for name in TABLE_NAMES)
    found = {}
    for name in TABLE_NAMES:
        text = (out / f"{name}.csv").read_text("utf-8-sig")
        assert next(csv.reader(io.StringIO(text))) == list(COLUMNS[name]), name  # header even when empty
        found[name] = read_table(out / f"{name}.csv")
    return found


def test_senders_and_members_match_the_hand_count(tables):
    """Alice 3, Bob 2, Carol 2 (tie by name); Dan is a lurker from the roster; questions and answers per person."""
    assert [(r["rank"], r["name"], r["messages"], r["message_share"]) for r in tables["senders"]] == [
        ("1", "Alice", "3", "0.4286"),
        ("2", "Bob", "2", "0.2857"),
        ("3", "Carol", "2", "0.2857"),
    ]
    members = {r["name"]: r for r in tables["members"]}
    assert list(members) == ["Alice", "Bob", "Carol", "Dan"]
    assert {name: (r["active_days"], r["questions_asked"], r["first_responses"]) for name, r in members.items()} == {
        "Alice": ("2", "0", "1"),
        "Bob": ("2", "1", "1"),
        "Carol": ("2", "1", "0"),
        "Dan": ("0", "0", "0"),
    }
    assert (members["Bob"]["first_day"], members["Bob"]["last_day"]) == ("2026-03-02", "2026-03-04")
    assert (members["Dan"]["first_day"], members["Dan"]["lurker"], members["Dan"]["in_roster"]) == ("", "true", "true")
    assert tables["lurkers"] == [{"id": "d", "name": "Dan", "in_roster": "true"}]


def test_daily_weekly_and_heatmap_match_the_hand_count(tables):
    assert [(r["day"], r["messages"], r["active_members"]) for r in tables["daily"]] == [
        ("2026-03-02", "3", "2"),
        ("2026-03-03", "2", "2"),
        ("2026-03-04", "2", "2"),
    ]
    assert [(r["week_start"], r["messages"], r["active_members"]) for r in tables["weekly"]] == [
        ("2026-03-02", "7", "3")
    ]
    heat = {
        r["weekday_name"]: {k: int(v) for k, v in r.items() if k.startswith("h") and v != "0"}
        for r in tables["heatmap"]
    }
    assert heat == {
        "Monday": {"h09": 3},
        "Tuesday": {"h20": 2},
        "Wednesday": {"h08": 2},
        "Thursday": {},
        "Friday": {},
        "Saturday": {},
        "Sunday": {},
    }


def test_questions_list_each_question_with_its_first_response(tables):
    assert [
        (r["day"], r["asker"], r["answered"], r["minutes_to_first_response"], r["responder"])
        for r in tables["questions"]
    ] == [("2026-03-02", "Bob", "true", "4.0", "Alice"), ("2026-03-04", "Carol", "true", "30.0", "Bob")]
    assert tables["drift"] == [] and tables["value"] == []  # no plan: empty tables, header kept


def test_windows_line_ends_in_the_export_and_roster_give_the_same_tables(cli, tmp_path: Path, tables):
    """A chat and roster saved with CRLF (as Windows editors and Excel write them) read the same."""
    (tmp_path / "crlf").mkdir()
    chat, roster = write_small_chat(tmp_path / "crlf", newline="\r\n")
    assert b"\r\n" in chat.read_bytes()
    out = tmp_path / "crlf-tables"
    result = cli("audit", str(chat), "--roster", str(roster), "--tz", "UTC", "--report", "csv", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    for name in TABLE_NAMES:
        assert read_table(out / f"{name}.csv") == tables[name], name


def test_csv_needs_a_folder_and_never_overwrites_without_force(cli, tmp_path: Path):
    chat, _ = write_small_chat(tmp_path)
    no_folder = cli("audit", str(chat), "--report", "csv")
    assert no_folder.exit_code == 2 and "needs a folder" in no_folder.stderr
    a_file = tmp_path / "report.txt"
    a_file.write_text("mine", "utf-8")
    on_file = cli("audit", str(chat), "--report", "csv", "-o", str(a_file))
    assert on_file.exit_code == 2 and "is a file" in on_file.stderr
    assert a_file.read_text("utf-8") == "mine"
    out = tmp_path / "t"
    assert cli("audit", str(chat), "--report", "csv", "-o", str(out)).exit_code == 0
    (out / "senders.csv").write_text("edited by hand", "utf-8")
    again = cli("audit", str(chat), "--report", "csv", "-o", str(out))
    assert again.exit_code == 2 and "senders.csv" in again.stderr
    assert (out / "senders.csv").read_text("utf-8") == "edited by hand"
    forced = cli("audit", str(chat), "--report", "csv", "-o", str(out), "--force")
    assert forced.exit_code == 0 and (out / "senders.csv").read_bytes().startswith(BOM.encode())


def test_csv_errors_in_chinese(cli, tmp_path: Path):
    chat, _ = write_small_chat(tmp_path)
    result = cli("--lang", "zh", "audit", str(chat), "--report", "csv")
    assert result.exit_code == 2 and "文件夹" in result.stderr


def test_cells_quote_commas_quotes_and_line_breaks():
    """Names with commas, quotes and new lines stay one cell; None is empty, booleans are true/false."""
    text = csv_text([{"a": 'say "hi", ok', "b": "two\nlines", "c": None, "d": True}], ["a", "b", "c", "d"])
    assert text.startswith(BOM)
    assert list(csv.reader(io.StringIO(text[1:]))) == [["a", "b", "c", "d"], ['say "hi", ok', "two\nlines", "", "true"]]
    assert csv_cell(False) == "false" and csv_cell(0.5) == "0.5"


def test_every_table_row_has_exactly_the_declared_columns(tmp_path: Path):
    """The COLUMNS header of each table is what its rows carry (no column lost in the CSV)."""
    import sqtool

    chat, roster = write_small_chat(tmp_path)
    report = sqtool.audit(chat, roster=roster, tz="UTC")
    for name in TABLE_NAMES:
        for row in report.table(name):
            assert tuple(row) == COLUMNS[name], name


def test_csv_tables_never_replace_an_input_even_with_force(cli, tmp_path: Path):
    """An export that happens to be named like a table (members.csv) in the target folder stays as it is."""
    chat, _ = write_small_chat(tmp_path)
    named_like_a_table = tmp_path / "members.csv"
    named_like_a_table.write_bytes(chat.read_bytes())
    result = cli("audit", str(named_like_a_table), "--report", "csv", "-o", str(tmp_path), "--force")
    assert result.exit_code == 2, result.stdout
    assert named_like_a_table.read_bytes() == chat.read_bytes()
    assert not (tmp_path / "senders.csv").exists()  # refused before anything was written
