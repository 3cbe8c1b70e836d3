"""`sqtool portfolio` end to end on four hand-made groups (tests/portfolio/groups.py has the hand counts)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.portfolio.groups import UNTIL, four_groups


@pytest.fixture
def portfolio(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return four_groups(tmp_path)


def _json(cli, *args: str) -> dict:
    result = cli("portfolio", "groups.yaml", "--until", UNTIL, "--report", "json", *args)
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)


def test_the_figures_match_the_hand_counts(cli, portfolio: Path) -> None:
    """Messages, active members, their changes, lurkers and members as counted in groups.py; each group
    read in its own format (csv, Telegram, WhatsApp found by a glob)."""
    groups = {group["name"]: group for group in _json(cli)["groups"]}
    sh1, sh2, bj1 = groups["上海1群"], groups["上海2群"], groups["北京1群"]
    assert (sh1["messages"], sh1["messages_previous"], sh1["active_members"], sh1["members"]) == (360, 360, 15, 20)
    assert sh1["lurker_share"] == pytest.approx(5 / 20) and sh1["formats"] == ["csv"]
    assert (sh2["messages"], sh2["messages_previous"], sh2["active_members"], sh2["active_members_previous"]) == (
        120,
        360,
        4,
        15,
    )
    assert sh2["messages_change"] == pytest.approx(120 / 360 - 1) and sh2["formats"] == ["telegram"]
    assert (bj1["messages"], bj1["active_members"], bj1["formats"]) == (0, 0, ["whatsapp"])
    assert bj1["reasons"][0]["code"] == "portfolio.reason.dormant" and "2026-04-20" in bj1["reasons"][0]["message"]


def test_the_ranking_and_the_statuses(cli, portfolio: Path) -> None:
    """failed first, then act (active members down 73%), dormant, healthy; the failed group's error is kept."""
    document = _json(cli)
    ranked = [(group["rank"], group["name"], group["status"]) for group in document["groups"]]
    assert ranked == [
        (1, "坏群", "failed"),
        (2, "上海2群", "act"),
        (3, "北京1群", "dormant"),
        (4, "上海1群", "healthy"),
    ]
    broken = document["groups"][0]["error"]
    assert broken["code"] == "chat.unknown_format" and broken["where"].endswith("broken.csv")
    assert document["period"] == {"first": "2026-06-01", "last": "2026-06-30", "days": 30}


def test_a_failed_group_does_not_stop_the_others_and_sets_the_exit_code(cli, portfolio: Path) -> None:
    """Exit 1 by default (a failure is an error), 0 with --fail-on never; the table still has every group."""
    result = cli("portfolio", "groups.yaml", "--until", UNTIL)
    assert result.exit_code == 1
    assert "坏群" in result.stdout and "cannot tell which chat export this is" in result.stdout
    assert "上海1群" in result.stdout and "360 (+0%)" in result.stdout and "120 (−67%)" in result.stdout
    assert cli("portfolio", "groups.yaml", "--until", UNTIL, "--fail-on", "never").exit_code == 0
    assert cli("portfolio", "groups.yaml", "--until", UNTIL, "--where", "status!=failed").exit_code == 0


def test_where_and_by(cli, portfolio: Path) -> None:
    """--where status=act / city=上海 choose rows (ranks stay the portfolio's); --by totals per tag value."""
    acting = _json(cli, "--where", "status=act")
    assert [group["name"] for group in acting["groups"]] == ["上海2群"] and acting["groups_total"] == 4
    shanghai = _json(cli, "--where", "city=上海", "--by", "owner")
    assert [(g["rank"], g["name"]) for g in shanghai["groups"]] == [(2, "上海2群"), (4, "上海1群")]
    totals = {total["value"]: total for total in shanghai["totals"]}
    assert totals["小王"]["messages"] == 360 and totals["小李"]["messages"] == 120
    result = cli("portfolio", "groups.yaml", "--until", UNTIL, "--by", "city", "--fail-on", "never")
    assert "Totals by city" in result.stdout
    line = next(line for line in result.stdout.splitlines() if line.startswith("上海 "))
    assert line.split()[:5] == ["上海", "2", "20", "480", "(−33%)"]  # 360 + 120 against 360 + 360


def test_bad_options_are_usage_errors(cli, portfolio: Path) -> None:
    for args, words in [
        (("--where", "colour=red"), "no column or tag 'colour'"),
        (("--by", "colour"), "'colour' is not one"),
        (("--by", "status"), "tags in this manifest: city, owner"),
        (("--report", "xml"), "not a portfolio report format"),
        (("--jobs", "0"), "--jobs must be between 1"),
        (("--executor", "spark"), "unknown executor 'spark'"),
        (("--since", "2026-07-01"), "--since"),
    ]:
        result = cli("portfolio", "groups.yaml", "--until", UNTIL, *args)
        assert result.exit_code == 2, (args, result.stderr)
        assert words in result.stderr, (args, result.stderr)
    assert cli("portfolio", "init").exit_code == 2


def test_by_without_tags_says_how_to_add_them(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--by on a manifest without tags names the option and shows how to tag groups, in both languages."""
    monkeypatch.chdir(tmp_path)
    Path("groups.yaml").write_text("version: 1\ngroups:\n- name: a\n  exports: a.csv\n", encoding="utf-8")
    english = cli("portfolio", "groups.yaml", "--by", "city")
    assert english.exit_code == 2 and "--by takes a tag" in english.stderr and "tags: {city:" in english.stderr
    chinese = cli("--lang", "zh", "portfolio", "groups.yaml", "--by", "city")
    assert chinese.exit_code == 2 and "还没有标签" in chinese.stderr


def test_markdown_and_chinese(cli, portfolio: Path) -> None:
    """The Markdown report has pipe tables and headings; --lang zh says everything in Chinese."""
    result = cli("portfolio", "groups.yaml", "--until", UNTIL, "-r", "md", "--fail-on", "never")
    assert result.stdout.startswith("# Portfolio: 4 groups") and "| 上海1群 |" in result.stdout.replace("  ", " ")
    result = cli("--lang", "zh", "portfolio", "groups.yaml", "--until", UNTIL, "--fail-on", "never")
    out = result.stdout
    assert "群组合：共 4 个群" in out and "需行动" in out and "沉寂" in out and "未能体检的群" in out
    assert "上海2群（需行动）：活跃人数下降 73%" in out


def test_the_report_file_is_written_once_all_groups_are_done_and_never_over_a_users_file(cli, portfolio: Path) -> None:
    result = cli("portfolio", "groups.yaml", "--until", UNTIL, "-o", "report.md", "-r", "md")
    assert result.exit_code == 1 and Path("report.md").read_text(encoding="utf-8").startswith("# Portfolio")
    assert cli("portfolio", "groups.yaml", "--until", UNTIL, "-o", "report.md").exit_code == 1  # its own: replaced
    Path("mine.md").write_text("my notes\n", encoding="utf-8")
    result = cli("portfolio", "groups.yaml", "--until", UNTIL, "-o", "mine.md")
    assert result.exit_code == 2 and Path("mine.md").read_text(encoding="utf-8") == "my notes\n"
    result = cli("portfolio", "groups.yaml", "--until", UNTIL, "-o", "groups.yaml", "--force")
    assert result.exit_code == 2 and "manifest" in result.stderr


def test_ctrl_c_writes_nothing(cli, portfolio: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An interrupt while the groups run: exit 130, no report, no history."""
    import sqtool.portfolio.executors as executors

    def interrupted(job):
        raise KeyboardInterrupt

    monkeypatch.setattr(executors, "audit_group", interrupted)
    result = cli("portfolio", "groups.yaml", "--until", UNTIL, "-o", "report.md", "--save")
    assert result.exit_code == 130
    assert not Path("report.md").exists() and not Path(".sqtool").exists()


def test_history_of_a_portfolio_never_saved_says_how_to_save_it(cli, portfolio: Path) -> None:
    """Before any --save, `history --portfolio` is exit 2 with the portfolio's own --save command; and
    the options it cannot honour (-o, html, --anonymize) are refused by name."""
    result = cli("history", "--portfolio", "groups.yaml")
    assert result.exit_code == 2 and "sqtool portfolio groups.yaml --save" in result.stderr
    for extra in (("-o", "h.html"), ("--format", "html"), ("--anonymize",)):
        refused = cli("history", "--portfolio", "groups.yaml", *extra)
        assert refused.exit_code == 2 and "--portfolio cannot be combined" in refused.stderr, extra
    assert not Path("h.html").exists()


def test_save_keeps_each_group_under_its_own_key_and_history_shows_the_portfolio(cli, portfolio: Path) -> None:
    """Two periods saved: each group's trend, and the portfolio's sum per period (failed groups left out)."""
    first = cli("portfolio", "groups.yaml", "--until", "2026-05-31", "--save", "--fail-on", "never")
    assert "saved the audits of 3 groups for 2026-05-02..2026-05-31" in first.stderr
    assert "1 failed group was not saved" in first.stderr
    cli("portfolio", "groups.yaml", "--until", UNTIL, "--save", "--fail-on", "never")
    from sqtool.audit.history import list_groups

    keys = {summary.group.key: summary.audits for summary in list_groups(".sqtool/history.sqlite")}
    assert keys == {"portfolio:上海1群": 2, "portfolio:上海2群": 2, "portfolio:北京1群": 2}
    result = cli("history", "--portfolio", "groups.yaml", "--format", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    totals = {row["period"]: row["messages"] for row in document["portfolio"]}
    assert totals == {"2026-05-02..2026-05-31": 360 + 360 + 0, "2026-06-01..2026-06-30": 360 + 120 + 0}
    shanghai2 = next(group for group in document["groups"] if group["name"] == "上海2群")
    assert [audit["messages"] for audit in shanghai2["audits"]] == [360, 120]
    text = cli("--lang", "zh", "history", "--portfolio", "groups.yaml")
    assert text.exit_code == 0 and "全部群" in text.stdout and "坏群" in text.stdout
    assert "尚未保存" in text.stdout
    assert cli("history", "--portfolio", "groups.yaml", "--all").exit_code == 2


def test_the_json_report_follows_its_schema(cli, portfolio: Path) -> None:
    """schemas/portfolio-report.schema.json describes every report: failed, dormant and audited groups, totals."""
    from jsonschema import Draft202012Validator

    from sqtool.resources import schema_path

    schema = json.loads(schema_path("portfolio-report").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    for extra in ((), ("--by", "city"), ("--where", "status=act")):
        document = _json(cli, *extra)
        errors = [f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(document)]
        assert errors == [], extra
    broken = dict(document, version=2)
    assert list(validator.iter_errors(broken))


def test_a_period_after_every_export_says_which_until_fits_them(cli, portfolio: Path) -> None:
    """By default the period ends today; exports that all end months ago make every group dormant, and
    sqtool says so on stderr with the --until that fits them (the newest member message, 2026-06-30),
    in both languages; with that --until, or --quiet, nothing is said."""
    result = cli("portfolio", "groups.yaml", "--fail-on", "never")
    assert result.exit_code == 0, result.stderr
    assert "Every group is dormant" in result.stderr and "--until 2026-06-30" in result.stderr
    assert "newest member message in the exports is from 2026-06-30" in result.stderr
    chinese = cli("--lang", "zh", "portfolio", "groups.yaml", "--fail-on", "never")
    assert "所有群都没有成员发言" in chinese.stderr and "--until 2026-06-30" in chinese.stderr
    assert "Every group" not in cli("--quiet", "portfolio", "groups.yaml", "--fail-on", "never").stderr
    fitted = cli("portfolio", "groups.yaml", "--until", "2026-06-30", "--fail-on", "never")
    assert "Every group" not in fitted.stderr and "healthy" in fitted.stdout
