"""`sqtool plan` end to end through the CLI: the wall sheet (80 columns, both languages), Markdown,
JSON against its schema, the ICS file, -o rules, findings and --fail-on, bad options and plans."""

from __future__ import annotations

import json
import re
from pathlib import Path

import icalendar
import jsonschema
import pytest

from sqtool.render.wrap import display_width
from tests.conftest import REPO, CliInvoke
from tests.schedule.helpers import ALL_KINDS_RITUALS, ALL_KINDS_VALUE, write_plan

EXAMPLE = str(REPO / "examples" / "plan.yaml")
START = ("--start", "2026-06-01")


def test_demo_plan_prints_a_week_by_week_sheet_with_owners(cli: CliInvoke) -> None:
    result = cli("plan", EXAMPLE, *START)
    assert result.exit_code == 0, result.output
    text = result.stdout
    for week in (1, 2, 3, 4):
        assert f"Week {week} · " in text
    assert "Week 5 · " not in text
    assert "Every day  08:00        每日案例拆解" in text and "周老师 / 小林" in text
    assert "Thu 06-04  21:00-21:30  周四话题夜" in text
    assert "▸ Announce 周日嘉宾分享:" in text and "▸ Remind the group: 周日嘉宾分享" in text
    for heading in ("Calendar", "Roles", "Texts to paste", "KPI sheet", "Findings"):
        assert f"\n{heading}\n" in text
    assert "responsiveness.unanswered_share" in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_line_fits_80_columns(cli: CliInvoke, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_plan(tmp_path, ALL_KINDS_VALUE, ALL_KINDS_RITUALS)
    (tmp_path / "example.yaml").write_bytes(Path(EXAMPLE).read_bytes())
    monkeypatch.chdir(tmp_path)  # a path longer than a line cannot wrap: give the plans short ones, as users do
    for source in ("example.yaml", "plan.yaml"):
        text = cli("--lang", lang, "plan", source, *START).stdout
        # findings keep check's one-line `path:line:col: ...` form (editors and grep read it), so they may be longer
        sheet = [line for line in text.splitlines() if not re.match(r"^\S+:\d+:\d+: ", line)]
        wide = [line for line in sheet if display_width(line) > 80]
        assert wide == [], wide[:3]


def test_chinese_sheet_reads_chinese(cli: CliInvoke) -> None:
    text = cli("--lang", "zh", "plan", EXAMPLE, *START).stdout
    assert "第 1 周 · 2026-06-01 – 2026-06-07" in text
    assert "周四 06-04  21:00-21:30  周四话题夜：主持人抛出话题，带动讨论" in text
    assert "【私域增长研习社】群公告" in text and "群昵称请统一改为：城市-行业-昵称" in text
    assert "【嘉宾分享】周日嘉宾分享 · 06-07（周日）20:30-22:00" in text  # the keyword opens it: the audit finds it
    for english in ("Week ", "Announce", "Owner", "Duties", "at least"):
        assert english not in text


def test_markdown_is_a_wiki_page(cli: CliInvoke) -> None:
    text = cli("plan", EXAMPLE, *START, "--format", "md").stdout
    assert text.startswith("# Operating kit: 私域增长研习社\n")
    assert "### Week 1 · 2026-06-01 – 2026-06-07" in text
    assert "| Day | Time | What | Owner / backup |" in text
    assert "```text\n【私域增长研习社】Group notice" in text
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    assert all(line.endswith(" |") for line in rows)


def test_json_follows_its_schema(cli: CliInvoke, tmp_path: Path) -> None:
    schema = json.loads((REPO / "schemas" / "plan-output.schema.json").read_text("utf-8"))
    plan = write_plan(tmp_path, ALL_KINDS_VALUE, ALL_KINDS_RITUALS)
    for lang in ("en", "zh"):
        document = json.loads(cli("--lang", lang, "plan", str(plan), *START, "-f", "json").stdout)
        jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(document)
        assert document["lang"] == lang and document["timezone"] == "Asia/Shanghai"
        kinds = {notice["kind"] for notice in document["notices"]}
        assert kinds == {"group_notice", "welcome", "announcement", "reminder", "ab_expansion"}
        actions = {step["action"].split(".")[0] for week in document["weeks"] for step in week["steps"]}
        assert actions == {"value", "guest_share", "topic", "check_in", "red_packet", "offline", "other"}


def test_output_file_is_written_and_may_be_replaced_but_never_the_plan(cli: CliInvoke, tmp_path: Path) -> None:
    plan = write_plan(tmp_path, ALL_KINDS_VALUE, ALL_KINDS_RITUALS)
    target = tmp_path / "calendar.md"
    assert cli("plan", str(plan), *START, "-f", "md", "-o", str(target)).exit_code == 0
    assert "Week 1" in target.read_text("utf-8")
    assert cli("plan", str(plan), *START, "-f", "md", "-o", str(target)).exit_code == 0  # its own report
    before = plan.read_bytes()
    for option in ("-o", "--ics"):
        result = cli("plan", str(plan), *START, option, str(plan), "--force")
        assert result.exit_code == 2 and plan.read_bytes() == before
    both = cli("plan", str(plan), "-o", str(tmp_path / "x.ics"), "--ics", str(tmp_path / "x.ics"))
    assert both.exit_code == 2 and "same file" in both.stderr and not (tmp_path / "x.ics").exists()
    someone = tmp_path / "notes.md"
    someone.write_text("mine\n", "utf-8")
    assert cli("plan", str(plan), "-o", str(someone)).exit_code == 2
    assert someone.read_text("utf-8") == "mine\n"


def test_ics_file_imports_and_a_re_export_replaces_it(cli: CliInvoke, tmp_path: Path) -> None:
    plan = write_plan(tmp_path, ALL_KINDS_VALUE, ALL_KINDS_RITUALS, timezone="Europe/Berlin")
    ics = tmp_path / "team.ics"
    result = cli("plan", str(plan), *START, "--ics", str(ics))
    assert result.exit_code == 0 and "team.ics" in result.stderr
    calendar = icalendar.Calendar.from_ical(ics.read_bytes())
    names = {str(event["SUMMARY"]) for event in calendar.walk("VEVENT") if event.get("RRULE")}
    assert names == {"Daily case", "Weekly pack", "Friday digest", *(n for n in _ritual_names())}
    assert cli("plan", str(plan), "--start", "2026-07-06", "--ics", str(ics)).exit_code == 0  # our file: replaced
    other = tmp_path / "holidays.ics"
    other.write_text("BEGIN:VCALENDAR\r\nPRODID:-//someone else//\r\nEND:VCALENDAR\r\n", "utf-8")
    assert cli("plan", str(plan), "--ics", str(other)).exit_code == 2


def _ritual_names() -> list[str]:
    return [line.split("name: ", 1)[1] for line in ALL_KINDS_RITUALS.splitlines() if "- name: " in line]


def test_nothing_schedulable_says_so_and_exits_0(cli: CliInvoke, tmp_path: Path) -> None:
    plan = write_plan(tmp_path, rituals="  - name: Someday\n    kind: other\n    cadence: monthly\n")
    for lang, words in (("en", "Nothing in"), ("zh", "还没有能排进日程的内容")):
        result = cli("--lang", lang, "plan", str(plan), *START)
        assert result.exit_code == 0
        assert words in result.stderr
        assert "SQ904" in result.stdout


def test_findings_use_checks_form_and_fail_on(cli: CliInvoke, tmp_path: Path) -> None:
    rituals = (
        '  - name: Late talk\n    kind: topic\n    cadence: weekly\n    day: friday\n    time: "23:30-23:59"\n'
        "    host: Lin\n"
    )
    plan = write_plan(tmp_path, rituals=rituals)
    result = cli("plan", str(plan), *START)
    assert result.exit_code == 0  # warnings, default --fail-on error
    line = next(line for line in result.stdout.splitlines() if "SQ902" in line)
    assert line.startswith(f"{plan}:") and ": warning[SQ902]: Late talk runs at 23:30-23:59 in Asia/Shanghai" in line
    assert cli("plan", str(plan), *START, "--fail-on", "warning").exit_code == 1
    assert cli("plan", str(plan), *START, "--fail-on", "never").exit_code == 0
    zh = cli("--lang", "zh", "plan", str(plan), *START).stdout
    assert "警告[SQ902]：" in zh or "警告[SQ902]: " in zh


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--weeks", "0"), "--weeks must be a whole number from 1 to 53"),
        (("--weeks", "many"), "not many"),
        (("--start", "next monday"), "--start must be a date"),
        (("--tz", "Mars/Olympus"), "Mars/Olympus"),
        (("--format", "pdf"), "unknown format pdf"),
        (("--fail-on", "sometimes"), "sometimes"),
    ],
)
def test_bad_options_are_usage_errors(cli: CliInvoke, args: tuple[str, ...], words: str) -> None:
    result = cli("plan", EXAMPLE, *args)
    assert result.exit_code == 2 and words in result.stderr, result.stderr
    assert "Traceback" not in result.output


def test_an_invalid_plan_points_at_its_first_problem(cli: CliInvoke, tmp_path: Path) -> None:
    plan = tmp_path / "broken.yaml"
    plan.write_text("version: 1\ncommunity:\n  name: x\n", "utf-8")
    result = cli("plan", str(plan))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{plan}:") and "sqtool validate" in result.stderr
    assert cli("plan", str(tmp_path / "missing.yaml")).exit_code == 2


def test_tz_reads_the_plan_in_another_zone(cli: CliInvoke) -> None:
    document = json.loads(cli("plan", EXAMPLE, *START, "--tz", "Europe/Berlin", "-f", "json").stdout)
    assert document["timezone"] == "Europe/Berlin"
    first = document["weeks"][1]["events"][0]
    assert first["start"].endswith("+02:00")  # 08:00 in Berlin summer time


def test_plan_is_in_the_help(cli: CliInvoke) -> None:
    assert "Lay the plan out as the team's week-by-week operating kit." in cli("--help").stdout
    assert "--ics FILE" in cli("plan", "--help").stdout
