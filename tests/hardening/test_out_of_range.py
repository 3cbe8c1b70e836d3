"""Numbers and dates out of range end in a named error (exit 2), never an OverflowError: the audit's
options, and records dated year 1, 1700 or 9999 in every export format (with --lenient such a
record is skipped and counted); records dated 1969 (before the Unix epoch) are read as any other."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO, CliInvoke
from tests.fuzz.seeds import EXPORTS, SLACK_MEMBERS, Seed

EXPORT = REPO / "examples" / "demo-wechat.csv"


@pytest.mark.parametrize(
    ("option", "value", "shown"),
    [
        ("--members", str(10**30), "--members is larger than sqtool accepts"),
        ("--response-cutoff", str(10**20), "--response-cutoff is larger than sqtool accepts"),
        ("--response-cutoff", "nan", "must be more than 0 minutes"),
        ("--top", str(10**25), "--top is larger than sqtool accepts"),
        ("--since", "0001-01-01", "outside the years 1800–2999"),
        ("--until", "9999-12-31", "outside the years 1800–2999"),
        ("--since", "1799-12-31", "outside the years 1800–2999"),
    ],
)
def test_extreme_options_are_named_errors(cli: CliInvoke, option: str, value: str, shown: str) -> None:
    result = cli("audit", str(EXPORT), option, value)
    assert result.exit_code == 2
    assert shown in result.stderr and "internal error" not in result.stderr


def test_the_options_errors_read_in_chinese(cli: CliInvoke) -> None:
    result = cli("--lang", "zh", "audit", str(EXPORT), "--since", "0001-01-01")
    assert result.exit_code == 2 and "超出了 sqtool 能处理的年份范围" in result.stderr


EPOCHS = {
    "0001-01-01": "-62135596800",
    "1700-06-01": "-8507289600",
    "1969-06-01": "-18000000",
    "9999-12-31": "253402214400",
}


def _dated(seed: Seed, day: str) -> bytes:
    """The seed with its 2 March 2026 records moved to ``day`` (ISO, D/M/Y, M/D/YY and epoch forms)."""
    year, month, date_of_month = day.split("-")
    encoding = "gb18030" if seed.name == "群聊.txt" else "utf-8"
    text = seed.data.decode(encoding)
    text = text.replace("2026-03-02", day).replace("02/03/2026", f"{date_of_month}/{month}/{year}")
    text = text.replace("1772413200", EPOCHS[day])
    return text.encode(encoding)


def _cases() -> list[tuple[str, Seed]]:
    """Every seed that _dated can move (the iOS WhatsApp one writes D/M/YY only; Slack has its own test)."""
    seeds = [seed for family in EXPORTS.values() for seed in family if seed.kind != "zip"]
    return [(seed.name, seed) for seed in seeds if _dated(seed, "1700-06-01") != seed.data]


@pytest.mark.parametrize("day", sorted(EPOCHS))
@pytest.mark.parametrize(("name", "seed"), _cases())
def test_a_record_out_of_range_is_a_bad_record_in_every_format(
    cli: CliInvoke, tmp_path: Path, name: str, seed: Seed, day: str
) -> None:
    data = _dated(seed, day)
    path = tmp_path / name
    path.write_bytes(data)
    strict = cli("audit", str(path), "--tz", "Asia/Shanghai", "-r", "json")
    if seed.kind == "text" and name.startswith("WhatsApp") and day == "0001-01-01":
        # the WhatsApp reader does not take "01/01/0001, 09:00 - …" for a message line: those
        # lines continue the message before, and no record is dated year 1
        assert strict.exit_code == 0 and '"0001-' not in strict.stdout
        return
    if day.startswith("1969"):  # before 1970 is no problem: a bounded success
        assert strict.exit_code == 0, strict.stderr
        assert json.loads(strict.stdout)["period"]["first"].startswith("1969-")
        return
    assert strict.exit_code == 2, strict.stdout
    assert "outside the years 1800–2999" in strict.stderr, strict.stderr
    lenient = cli("audit", str(path), "--tz", "Asia/Shanghai", "-r", "json", "--lenient")
    assert lenient.exit_code in (0, 2)  # 2 when nothing else is left to audit: a named error too
    assert "internal error" not in lenient.stderr and "Traceback" not in lenient.stderr


@pytest.mark.parametrize(("ts", "code"), [("-62135596800.000100", 2), ("253402214400.000100", 2), ("-1.5", 0)])
def test_slack_days_out_of_range_are_bad_records(cli: CliInvoke, tmp_path: Path, ts: str, code: int) -> None:
    members = dict(SLACK_MEMBERS)
    day = members["general/2026-03-02.json"].decode("utf-8")
    members["general/2026-03-02.json"] = re.sub(r'"1772413200\.000200"', f'"{ts}"', day).encode("utf-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    path = tmp_path / "slack.zip"
    path.write_bytes(buffer.getvalue())
    result = cli("audit", str(path), "--tz", "UTC")
    assert result.exit_code == code, result.stderr
    assert "internal error" not in result.stderr
    if code == 2:  # before year 1 Slack's reader finds no time at all; in 9999 the range check speaks
        assert "outside the years 1800–2999" in result.stderr or "has no readable time" in result.stderr
