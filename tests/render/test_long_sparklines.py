"""Long sparklines (215 weeks, hundreds of saved audits) shrink to the terminal's width instead of
wrapping (issue 16)."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

import pytest

from sqtool.render.sparkline import BLOCKS, shrink, sparkline
from sqtool.render.wrap import display_width
from tests.conftest import REPO

DEMO = str(REPO / "examples" / "demo-wechat.csv")
HEADER = "localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\n"


def long_export(path, weeks: int = 215) -> None:
    """A WeChat CSV export with a few messages in each of ``weeks`` weeks (more some weeks than others)."""
    start = datetime(2022, 1, 3, 9, 0)
    rows = [HEADER]
    number = 0
    for week in range(weeks):
        for message in range(1 + (week * 7) % 5):
            when = start + timedelta(weeks=week, hours=message)
            number += 1
            sender = ("wxid_a", "阿杰") if message % 2 else ("wxid_b", "小林")
            rows.append(
                f"{number},1@chatroom,1,0,0,{int(when.timestamp())},2,第{week}周的第{message}条,"
                f"{when:%Y-%m-%d %H:%M:%S},,{sender[1]},{sender[0]}\n"
            )
    path.write_text("".join(rows), encoding="utf-8")


def spark_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if any(block in line for block in BLOCKS[1:])]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("columns", [60, 80])
def test_215_weeks_fit_on_one_line(cli, tmp_path, lang, columns):
    export = tmp_path / "long.csv"
    long_export(export)
    result = cli("--lang", lang, "audit", str(export), "--tz", "UTC", env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.stderr
    weekly = next(line for line in result.stdout.splitlines() if ("215 weeks" in line or "215 周" in line))
    assert display_width(weekly) <= columns, weekly
    index = result.stdout.splitlines().index(weekly)
    following = result.stdout.splitlines()[index + 1]
    assert not any(block in following for block in BLOCKS) or following.strip().startswith(("周", "Mon", "Tue")), (
        following
    )


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_history_trend_of_many_audits_stays_on_one_line(cli, tmp_path, lang):
    history = tmp_path / "history.sqlite"
    saved = cli("audit", DEMO, "--tz", "UTC", "--save", "--history", str(history), "-o", str(tmp_path / "r.txt"))
    assert saved.exit_code == 0, saved.stderr
    with sqlite3.connect(history) as db:  # 214 more weekly audits of the same group, of different sizes
        columns = [row[1] for row in db.execute("PRAGMA table_info(audits)") if row[1] != "id"]
        varied = {"messages": "(messages + ? * 37 % 500)", "period_first": "?", "period_last": "?"}
        picked = ", ".join(varied.get(name, name) for name in columns)
        for week in range(214):
            first = datetime(2022, 1, 3) + timedelta(weeks=week)
            values = {"messages": week, "period_first": f"{first:%Y-%m-%d}"}
            values["period_last"] = f"{first + timedelta(days=6):%Y-%m-%d}"
            arguments = [values[name] for name in columns if name in varied]
            db.execute(f"INSERT INTO audits ({', '.join(columns)}) SELECT {picked} FROM audits WHERE id = 1", arguments)
    result = cli("--lang", lang, "history", "--history", str(history), env={"COLUMNS": "150"})
    assert result.exit_code == 0, result.stderr
    assert all(display_width(line) <= 150 for line in result.stdout.splitlines())
    trend = spark_lines(result.stdout)
    # every trend on its figure's line, whole: no wrapped halves, nothing cut off
    assert trend and all(line.count("│") >= 3 and "…" not in line for line in trend), trend
    assert "215" in result.stdout.splitlines()[0]


def test_shrink_keeps_the_shape_and_the_gaps():
    assert shrink([1, 2, 3, 4], 10) == [1, 2, 3, 4]
    assert shrink([1, 3, 5, 7, None, None], 3) == [2, 6, None]
    assert len(sparkline(shrink(list(range(215)), 40))) <= 40
