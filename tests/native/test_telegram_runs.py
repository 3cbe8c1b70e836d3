"""The native Telegram reader's MessageRuns (columns, no Message objects) through the read pipeline.

What the audit reads with ``ChatRead.parts()`` must be, record for record, what reading the records
gives, with either backend: tests/native/helpers.both reads each file four ways (records and parts,
Python and native) and the comparisons fail on any difference in the records, the skipped count,
the warnings, the duplicates or the error. The exports here are big enough that runs cross the
pipeline's chunks (1,024 records) and the reorder window (2,048), and hold what the run path treats
differently: disorder, duplicates, bad records between runs, years out of range, naive times, hours
whose offset changes, a cut file, the record limit. The audit's JSON through the CLI is compared too.
"""

from __future__ import annotations

import json
from datetime import UTC
from pathlib import Path

import pytest

from sqtool.chat.model import RUN_FIRST_SECOND, RUN_LAST_SECOND, Message, MessageRun
from sqtool.chat.read import read_exports
from sqtool.settings import Limits, limits_in_force
from tests.conftest import CliInvoke
from tests.native.helpers import backend, both, needs_native

pytestmark = needs_native
START = 1740823200  # 2025-03-01 10:00 UTC
# 2025-03-30 00:30 UTC: Berlin's clocks go forward at 01:00 UTC, inside the hour
BERLIN_CHANGE = 1743294600


def message(number: int, seconds: int, **fields: object) -> dict:
    record = {
        "id": number,
        "type": "message",
        "date": "2025-03-01T10:00:00",
        "date_unixtime": str(seconds),
        "from": f"member {number % 5}",
        "from_id": f"user{number % 5}",
        "text": ["hello there", "怎么报名？", "see https://x.io", "ok", "a.b"][number % 5] + f" {number % 7}",
    }
    record.update(fields)
    return record


def usual(count: int, step: int = 7, start: int = START) -> list[dict]:
    return [message(n, start + step * n) for n in range(count)]


def export(messages: list) -> str:
    return json.dumps({"name": "Group", "type": "private_supergroup", "id": 1, "messages": messages}, indent=1)


def _disorder_within_window() -> list:
    items = usual(3500)
    for n in range(50, 3500, 97):
        items[n]["date_unixtime"] = str(int(items[n]["date_unixtime"]) - 500)
    return items


def _disorder_past_window() -> list:
    items = usual(3500)
    items[2900]["date_unixtime"] = str(START + 3)  # 2,900 records late: past the window of 2,048
    items[1100]["date_unixtime"] = str(START + 7 * 1050)  # 50 late, in the second chunk
    return items


def _duplicates() -> list:
    """Copies right after their original: within a run, and across the edge of the de-duplication's
    chunks (records 1,023 and 1,024, 2,047 and 2,048 of the time-ordered stream); one copy out of place."""
    items = usual(3600)
    for at in (2047, 1023, 500):  # from the end, so that the earlier positions stay put
        items.insert(at + 1, dict(items[at]))
    items.insert(3000, dict(items[2980]))  # out of place, at the original's time: ordered() brings it back
    return items  # 3,604 records, 4 of them copies


def _one_instant() -> list:
    """Hundreds of messages at one second, across the edge of the de-duplication's chunks, some
    repeated, some sharing an id."""
    same = START + 7 * 900
    items = usual(900) + [message(900 + n, same) for n in range(400)] + usual(2400, start=START + 7000)
    items[1030] = dict(items[1000])  # the same id, time and content: a duplicate across the chunks
    items[1040] = {**items[1001], "text": "other words"}  # the same id, other content: kept
    items[1050] = {**items[1002], "id": 77777}  # the same content, another id: kept
    return items  # 3,700 records, 1 copy


def _bad_records() -> list:
    items: list = usual(3500)
    for at in range(300, 3500, 400):
        items[at] = 5 if at % 800 == 300 else {"id": at, "type": "message", "from": "a", "from_id": "u"}
    return items


def _years() -> list:
    items = usual(3500)
    items[1100]["date_unixtime"] = str(-5_500_000_000)  # 1795: out of range
    items[1200]["date_unixtime"] = str(RUN_FIRST_SECOND - 1)  # 1800-01-01: in range, left to Python
    items[1300]["date_unixtime"] = str(RUN_LAST_SECOND + 1)  # 2999-12-30: in range, left to Python
    items[1400]["date_unixtime"] = str(33_000_000_000)  # 3015: out of range
    return items


def _naive_times() -> list:
    items = usual(3500)
    for n in range(0, 3500, 3):
        del items[n]["date_unixtime"]
        minute, second = divmod(n % 3600, 60)
        items[n]["date"] = f"2025-03-01T10:{minute:02d}:{second:02d}"
    return items


def _service_between() -> list:
    items = usual(3500)
    for at in range(10, 3500, 37):
        items[at] = {
            "id": at,
            "type": "service",
            "date_unixtime": items[at]["date_unixtime"],
            "actor": f"member {at % 9}",
            "actor_id": f"user{at % 9}",
            "action": "invite_members" if at % 2 else "pin_message",
            "members": [f"new {at}"],
        }
    return items


CASES = {
    "a big export": lambda: usual(5000),
    "disorder within the window": _disorder_within_window,
    "disorder past the window": _disorder_past_window,
    "duplicates": _duplicates,
    "one instant across chunks": _one_instant,
    "bad records between runs": _bad_records,
    "years out of range": _years,
    "naive times": _naive_times,
    "service records between runs": _service_between,
    "an offset that changes": lambda: usual(3500, step=3, start=BERLIN_CHANGE - 4000),
}


# What each case reads, counted by hand from how it is made: (records kept, skipped with --lenient,
# duplicates, in time order), or the error it stops with without --lenient.
EXPECTED: dict[str, tuple[int, int, int, bool] | str] = {
    "a big export": (5000, 0, 0, True),
    "disorder within the window": (3500, 0, 0, True),
    "disorder past the window": (3500, 0, 0, False),  # one record 2,900 places late stays out of order
    "duplicates": (3600, 0, 4, True),
    "one instant across chunks": (3699, 0, 1, True),
    "bad records between runs": (3492, 8, 0, True),
    # the year 1800 record is 1,200 places late (inside the window), the year 2999 one stays last
    "years out of range": (3498, 2, 0, True),
    "naive times": (3500, 0, 0, False),  # a naive time every third record, from 10:00 Berlin time
    "service records between runs": (3500, 0, 0, True),  # 94 service records: one event each
    "an offset that changes": (3500, 0, 0, True),
}
ERRORS = {"bad records between runs": "chat.bad_record", "years out of range": "chat.time_out_of_range"}


@pytest.mark.parametrize("lenient", [False, True])
@pytest.mark.parametrize("name", sorted(CASES))
def test_runs_read_as_the_records(tmp_path: Path, name: str, lenient: bool) -> None:
    """Each case: the same records, skips, warnings, duplicates or error, read as records or in parts,
    and what was read is what the case holds (counted by hand)."""
    path = tmp_path / "result.json"
    path.write_text(export(CASES[name]()), encoding="utf-8")
    python, native = both(path, lenient=lenient, tz="Europe/Berlin")
    assert native == python
    if name in ERRORS and not lenient:
        assert python[:2] == ("error", ERRORS[name])
        return
    records, skipped, duplicates, in_order = EXPECTED[name]  # type: ignore[misc]
    stamps = [record.timestamp for record in python[1]]
    assert (len(stamps), python[2], python[4]) == (records, skipped, duplicates)
    assert (stamps == sorted(stamps)) == in_order


def test_the_audit_reads_runs(tmp_path: Path) -> None:
    """The native reader does make runs for the audit (and Messages when records are iterated), cut at
    the pipeline's chunks; their Messages are the records'."""
    path = tmp_path / "result.json"
    path.write_text(export(_service_between()), encoding="utf-8")
    with backend("native"):
        parts = list(read_exports([path], format="telegram").parts())
        records = list(read_exports([path], format="telegram"))
    runs = [part for part in parts if type(part) is MessageRun]
    assert runs and all(len(run) <= 1024 for run in runs)
    assert {type(record) for record in records} >= {Message}
    assert [record for part in parts for record in (part.messages() if type(part) is MessageRun else part)] == records


@pytest.mark.parametrize("cut", [0.3, 0.5, 0.77, 0.999])
def test_a_cut_file(tmp_path: Path, cut: float) -> None:
    """A big export cut part-way: the same error, or the same records kept and skipped."""
    text = export(_duplicates()).encode("utf-8")
    path = tmp_path / "result.json"
    path.write_bytes(text[: int(len(text) * cut)])
    for lenient in (False, True):
        python, native = both(path, lenient=lenient)
        assert native == python


@pytest.mark.parametrize("limit", [1024, 1500, 3603, 3604, 4000])
def test_the_record_limit(tmp_path: Path, limit: int) -> None:
    """--max-records: the same error past the limit (3,604 records here), at a chunk's edge or in a run."""
    path = tmp_path / "result.json"
    path.write_text(export(_duplicates()), encoding="utf-8")
    with limits_in_force(Limits(records=limit)):
        python, native = both(path)
    assert native == python
    assert (python[0] == "error") == (limit < 3604)


AUDITED = ["disorder within the window", "duplicates", "bad records between runs", "naive times"]


@pytest.mark.parametrize("name", AUDITED)
def test_audit_json_is_the_same_from_both_backends(cli: CliInvoke, tmp_path: Path, name: str) -> None:
    """`sqtool --quiet audit FILE --report json` over runs: the same report (or error) with either backend,
    strict and --lenient."""
    path = tmp_path / "result.json"
    path.write_text(export(CASES[name]()), encoding="utf-8")
    arguments = ("--quiet", "audit", str(path), "--format", "telegram", "--tz", "Europe/Berlin", "--report", "json")
    for extra in ((), ("--lenient",)):
        python = cli(*arguments, *extra, env={"SQTOOL_BACKEND": "python"})
        native = cli(*arguments, *extra, env={"SQTOOL_BACKEND": "native"})
        assert (native.exit_code, native.stdout, native.stderr) == (python.exit_code, python.stdout, python.stderr)


TAILS = {
    "garbage": "\n x",
    "too deep": ',\n "about":\n ' + "[" * 120 + "]" * 120 + "\n}",
    "too long a string": ',\n "about": "' + "y" * ((1 << 20) + 10) + '"}',
}


@pytest.mark.parametrize("name", sorted(TAILS))
def test_errors_after_the_array(tmp_path: Path, name: str) -> None:
    """An error in what follows the array of an export of thousands of lines (CRLF): the same error at
    the same line from both backends, strict and --lenient."""
    text = export(usual(3000)).replace("\n", "\r\n")  # ends "]\r\n}"
    path = tmp_path / "result.json"
    path.write_bytes((text[:-1] + TAILS[name]).encode("utf-8"))
    for lenient in (False, True):
        python, native = both(path, lenient=lenient)
        assert native == python
        if not lenient:
            assert python[0] == "error" and python[3] > 26_000  # the line: 9 a message


@pytest.mark.parametrize("chunk", [1, 7, 4096])
def test_the_reader_counts_the_line_breaks_of_the_array(tmp_path: Path, chunk: int) -> None:
    """The line breaks up to the array's "]" (what the glue gives the guard of the rest of the file), fed
    in chunks: blanks between items and inside them, CRLF, in runs and in items left to Python."""
    from sqtool.chat.errors import ReadContext
    from sqtool.chat.readers import telegram
    from sqtool.chat.source import Source

    data = export(_service_between()[:300]).replace("\n", "\r\n").encode("utf-8")
    path = tmp_path / "result.json"
    path.write_bytes(data)
    opening, closing = data.index(b"["), data.rindex(b"]")
    with backend("native"):
        context = ReadContext(str(path), UTC, runs=chunk != 7)
        reader = telegram._items(Source(path, str(path)), context)._reader(max_item=1 << 20)  # type: ignore[union-attr]
        rest = data[opening + 1 :]
        while True:
            _items, status, _tail = reader.feed(rest[:chunk])
            rest = rest[chunk:]
            if status:
                break
    assert status == 1 and reader.newlines() == data[opening:closing].count(b"\n") > 2000
