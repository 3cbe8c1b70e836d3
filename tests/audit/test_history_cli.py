"""`sqtool audit --save` and `sqtool history` through the CLI, in both languages: two plans in one
folder keep separate histories, a period saved again is replaced (and said so), the table is one
column per period headed by its full dates, --delete removes one period, --all lists the groups."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, CliInvoke

DEMO = str(REPO / "examples" / "demo-wechat.csv")
JUNE, JULY = ("2026-06-01", "2026-06-30"), ("2026-07-01", "2026-07-31")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Two plans in one folder: the demo plan as it is, and a copy for another community."""
    text = (REPO / "examples" / "plan.yaml").read_text("utf-8")
    (tmp_path / "a.yaml").write_text(text, "utf-8")
    (tmp_path / "b.yaml").write_text(text.replace("name: 私域增长研习社", "name: 读书会二群", 1), "utf-8")
    return tmp_path


def save(cli: CliInvoke, plan: Path, period: tuple[str, str], *, lang: str = "en"):
    result = cli("--lang", lang, "audit", DEMO, "--plan", str(plan), "--since", period[0], "--until", period[1],
                 "--save", "-r", "json")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    return result


def history(cli: CliInvoke, *args: str, lang: str = "en"):
    return cli("--lang", lang, "history", *args)


def test_two_plans_in_one_folder_keep_separate_histories(cli: CliInvoke, folder: Path) -> None:
    save(cli, folder / "a.yaml", JUNE)
    save(cli, folder / "b.yaml", JUNE)
    save(cli, folder / "b.yaml", JULY)
    assert (folder / ".sqtool" / "history.sqlite").is_file()  # one database in the folder, two groups in it
    a = json.loads(history(cli, "--plan", str(folder / "a.yaml"), "-f", "json").stdout)
    b = json.loads(history(cli, "--plan", str(folder / "b.yaml"), "-f", "json").stdout)
    assert a["group"]["label"] == "私域增长研习社 (a.yaml)" and b["group"]["label"] == "读书会二群 (b.yaml)"
    assert [x["period"] for x in a["audits"]] == [{"first": "2026-06-01", "last": "2026-06-30"}]
    assert [x["period"]["first"] for x in b["audits"]] == ["2026-06-01", "2026-07-01"]
    assert a["audits"][0]["messages"] == b["audits"][0]["messages"] == 2281


@pytest.mark.parametrize(
    ("lang", "saved", "replaced"),
    [
        ("en", "audit of 2026-06-01..2026-06-30 saved to", "replacing the one saved before for this period"),
        ("zh", "已把 2026-06-01..2026-06-30 的体检结果保存到", "并替换了此前保存的同一时段的体检结果"),
    ],
)
def test_saving_the_same_period_again_replaces_it_and_says_so(
    cli: CliInvoke, folder: Path, lang: str, saved: str, replaced: str
) -> None:
    first = save(cli, folder / "a.yaml", JUNE, lang=lang)
    assert saved in first.stderr and replaced not in first.stderr
    second = save(cli, folder / "a.yaml", JUNE, lang=lang)
    assert replaced in second.stderr
    audits = json.loads(history(cli, "--plan", str(folder / "a.yaml"), "-f", "json").stdout)["audits"]
    assert len(audits) == 1


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_table_has_one_column_per_period_headed_by_full_dates(
    cli: CliInvoke, folder: Path, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "60")  # narrow: the dates must still be whole
    save(cli, folder / "a.yaml", JULY)
    save(cli, folder / "a.yaml", JUNE)  # saved later, shown first: ordered by period
    out = history(cli, "--plan", str(folder / "a.yaml"), lang=lang).stdout
    for day in ("2026-06-01", "2026-06-30", "2026-07-01", "2026-07-31"):
        assert day in out, out
    assert out.index("2026-06-01") < out.index("2026-07-01")
    assert "…" not in out  # nothing cut
    assert "私域增长研习社 (a.yaml)" in out
    assert ("Saved audits: 2" if lang == "en" else "已保存的体检：2 次") in out
    assert "2,281" in out and "2,332" in out


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_delete_removes_one_period(cli: CliInvoke, folder: Path, lang: str) -> None:
    save(cli, folder / "b.yaml", JUNE)
    save(cli, folder / "b.yaml", JULY)
    result = history(cli, "--plan", str(folder / "b.yaml"), "--delete", "2026-06-01..2026-06-30", lang=lang)
    assert result.exit_code == 0, result.stderr
    said = "removed the audit of 2026-06-01..2026-06-30" if lang == "en" else "删除 2026-06-01..2026-06-30 的体检结果"
    assert said in result.stderr
    audits = json.loads(history(cli, "--plan", str(folder / "b.yaml"), "-f", "json").stdout)["audits"]
    assert [x["period"]["first"] for x in audits] == ["2026-07-01"]
    # a period not saved is a clear error; a first day alone names the period too
    missing = history(cli, "--plan", str(folder / "b.yaml"), "--delete", "2026-05-01..2026-05-31", lang=lang)
    assert missing.exit_code == 2
    assert ("no saved audit of 2026-05-01..2026-05-31" if lang == "en" else "没有 2026-05-01..2026-05-31 的体检") in (
        missing.stderr
    )
    assert "2026-07-01..2026-07-31" in missing.stderr  # what there is to delete
    assert history(cli, "--plan", str(folder / "b.yaml"), "--delete", "2026-07-01").exit_code == 0


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_all_lists_the_groups_and_one_must_be_chosen(cli: CliInvoke, folder: Path, lang: str) -> None:
    save(cli, folder / "a.yaml", JUNE)
    save(cli, folder / "b.yaml", JUNE)
    save(cli, folder / "b.yaml", JULY)
    database = str(folder / ".sqtool" / "history.sqlite")
    listed = history(cli, "--history", database, "--all", lang=lang)
    assert listed.exit_code == 0, listed.stderr
    assert ("Groups in this history: 2" if lang == "en" else "此历史中的群：2 个") in listed.stdout
    assert "私域增长研习社 (a.yaml)" in listed.stdout and "读书会二群 (b.yaml)" in listed.stdout
    assert "2026-06-01..2026-07-31" in listed.stdout
    document = json.loads(history(cli, "--history", database, "--all", "-f", "json").stdout)
    assert [(g["label"], g["audits"]) for g in document["groups"]] == [
        ("私域增长研习社 (a.yaml)", 1),
        ("读书会二群 (b.yaml)", 2),
    ]
    unchosen = history(cli, "--history", database, lang=lang)
    assert unchosen.exit_code == 2
    assert ("holds the audits of 2 groups" if lang == "en" else "有 2 个群的体检") in unchosen.stderr
    assert "--all" in unchosen.stderr
    chosen = history(cli, "--history", database, "--group", "读书会二群 (b.yaml)", "-f", "json")
    assert len(json.loads(chosen.stdout)["audits"]) == 2
    unknown = history(cli, "--history", database, "--group", "nobody", lang=lang)
    assert unknown.exit_code == 2 and "nobody" in unknown.stderr


def test_without_a_plan_the_exports_group_then_its_path_is_the_group(cli: CliInvoke, tmp_path: Path) -> None:
    """The demo and a copy of it name one WeChat chat room: one group. Two generic CSVs, which name no
    group, stay apart by their paths, whatever folder the database is in."""
    database = tmp_path / "h.sqlite"
    copy = tmp_path / "copy.csv"
    shutil.copyfile(DEMO, copy)
    for export in (DEMO, str(copy)):
        done = cli("audit", export, "--save", "--history", str(database), "-r", "json")
        assert done.exit_code == 0, done.stderr
    assert "replacing the one saved before" in done.stderr  # the same room and period
    for name in ("a.csv", "b.csv"):
        (tmp_path / name).write_text("time,sender,text\n2026-01-05 09:00,Ann,hi\n2026-01-05 09:01,Bo,hello\n")
        done = cli("audit", str(tmp_path / name), "--tz", "UTC", "--save", "--history", str(database), "-r", "json")
        assert done.exit_code == 0, done.stderr
    groups = json.loads(cli("history", "--history", str(database), "--all", "-f", "json").stdout)["groups"]
    assert sorted((g["label"], g["audits"]) for g in groups) == [
        ("43215678901@chatroom", 1),
        ("a.csv", 1),
        ("b.csv", 1),
    ]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_format_1_database_is_migrated_by_the_command(
    cli: CliInvoke, tmp_path: Path, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database written by sqtool before groups: history --all migrates it and shows both groups."""
    from tests.audit.test_history import format_1_beside_its_plan

    monkeypatch.setenv("COLUMNS", "160")
    folder = format_1_beside_its_plan(tmp_path)
    listed = history(cli, "--history", str(folder / ".sqtool" / "history.sqlite"), "--all", lang=lang)
    assert listed.exit_code == 0, listed.stderr
    legacy = "audits saved without a plan by an older sqtool" if lang == "en" else "旧版 sqtool 在没有计划时保存的体检"
    assert legacy in listed.stdout and "私域增长研习社 (plan.yaml)" in listed.stdout
    shown = history(cli, "--plan", str(folder / "plan.yaml"), "-f", "json")
    assert [x["messages"] for x in json.loads(shown.stdout)["audits"]] == [2281, 2332]
    old = history(cli, "--history", str(folder / ".sqtool" / "history.sqlite"), "--group", legacy, "-f", "json")
    assert [x["messages"] for x in json.loads(old.stdout)["audits"]] == [2034]
