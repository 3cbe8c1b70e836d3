"""`sqtool portfolio init DIR`: a manifest from a folder of exports, names read from the exports."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from sqtool.portfolio.manifest import load_manifest
from tests.portfolio.groups import PEOPLE, UNTIL, chat_rows, write_csv, write_telegram, write_whatsapp


@pytest.fixture
def exports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Five entries: a CSV (no name inside), a Telegram export and a WhatsApp file that name their
    group, a sub-folder holding one group's two exports, and a note that is no export."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "exports"
    rows = chat_rows(datetime(2026, 6, 1), 10, PEOPLE, 3)
    write_csv(folder / "sh1.csv", rows)
    write_telegram(folder / "tg.json", "上海2群", 1002, rows)
    write_whatsapp(folder / "WhatsApp Chat with 北京读书会.txt", rows)
    write_csv(folder / "杭州1群" / "june-a.csv", rows[:15])
    write_csv(folder / "杭州1群" / "june-b.csv", rows[15:])
    (folder / "notes.txt").write_text("call the venue on Monday\n", encoding="utf-8")
    return folder


def test_init_writes_one_group_per_export_or_folder(cli, exports: Path) -> None:
    result = cli("portfolio", "init", "exports")
    assert result.exit_code == 0, result.stderr
    assert "exports/groups.yaml: 4 groups written" in result.stderr
    assert "skipped exports/notes.txt: cannot tell which chat export this is" in result.stderr
    manifest = load_manifest("exports/groups.yaml")
    groups = {group.name: group.exports for group in manifest.groups}
    assert groups == {
        "北京读书会": ("exports/WhatsApp Chat with 北京读书会.txt",),
        "sh1": ("exports/sh1.csv",),
        "上海2群 (1002)": ("exports/tg.json",),
        "杭州1群": ("exports/杭州1群/june-a.csv", "exports/杭州1群/june-b.csv"),
    }
    text = (exports / "groups.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Groups for `sqtool portfolio`") and "tags: {city: Shanghai" in text


def test_the_written_manifest_runs(cli, exports: Path) -> None:
    """What init wrote is a manifest `portfolio` reads: every group audited (10 days x 3 messages)."""
    cli("portfolio", "init", "exports")
    import json

    result = cli("portfolio", "exports/groups.yaml", "--until", UNTIL, "-r", "json")
    assert result.exit_code == 0, result.stderr
    messages = {group["name"]: group["messages"] for group in json.loads(result.stdout)["groups"]}
    assert messages == {"北京读书会": 30, "sh1": 30, "上海2群 (1002)": 30, "杭州1群": 30}


def test_init_never_overwrites_without_force(cli, exports: Path) -> None:
    (exports / "groups.yaml").write_text("# my own manifest\n", encoding="utf-8")
    result = cli("portfolio", "init", "exports")
    assert result.exit_code == 2 and "already exists" in result.stderr
    assert (exports / "groups.yaml").read_text(encoding="utf-8") == "# my own manifest\n"
    assert cli("portfolio", "init", "exports", "--force").exit_code == 0
    assert len(load_manifest("exports/groups.yaml").groups) == 4
    assert cli("portfolio", "init", "exports", "-o", "all.yaml").exit_code == 0
    assert {group.exports[0] for group in load_manifest("all.yaml").groups} >= {"exports/sh1.csv"}


def test_init_in_chinese_and_on_a_folder_without_exports(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("empty").mkdir()
    result = cli("--lang", "zh", "portfolio", "init", "empty")
    assert result.exit_code == 2 and "在 empty 中没有找到聊天导出文件" in result.stderr
    result = cli("--lang", "zh", "portfolio", "init", "missing")
    assert result.exit_code == 2 and "missing 不是文件夹" in result.stderr
    write_csv(Path("empty") / "a.csv", chat_rows(datetime(2026, 6, 1), 1, PEOPLE, 2))
    result = cli("--lang", "zh", "portfolio", "init", "empty")
    assert result.exit_code == 0 and "已写入 1 个群" in result.stderr
    assert Path("empty/groups.yaml").read_text(encoding="utf-8").startswith("# `sqtool portfolio` 的群清单")
