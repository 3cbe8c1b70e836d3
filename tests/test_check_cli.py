"""`sqtool check`, `sqtool rules` and `sqtool explain` end to end through the CLI."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sqtool.rules.docs import DEFAULT_PATH
from sqtool.rules.docs import main as docs_main
from sqtool.rules.registry import all_rules
from tests.conftest import REPO, run_sqtool

EXAMPLE = REPO / "examples" / "plan.yaml"
RULE_FIXTURES = REPO / "tests" / "rules"
TODAY = ("--today", "2026-06-01")

# A plan with known problems: 800 on WeChat (SQ304 error), 2 opinion leaders for 800 (SQ201), no admins (SQ202).
PROBLEMS = """\
version: 1
community:
  name: 晨读营
  platform: wechat
positioning:
  shared_attribute: 想多读书的上班族
  common_goal: 一年读完五十本书
members:
  target_size: 800
roles:
  owner: 林老师
  admins: []
  opinion_leaders: [王姐, 老陈]
rules:
  conduct: [no_ads, no_bare_links, no_quarrels]
"""


@pytest.fixture
def problems(tmp_path: Path) -> Path:
    path = tmp_path / "problems.yaml"
    path.write_text(PROBLEMS, encoding="utf-8")
    return path


def ids_in(output: str) -> list[str]:
    return [line.split("[", 1)[1].split("]", 1)[0] for line in output.splitlines() if "]: " in line and "[SQ" in line]


def test_example_plan_has_no_errors(cli) -> None:
    result = cli("check", str(EXAMPLE), *TODAY)
    assert result.exit_code == 0, result.output
    assert "error[" not in result.stdout
    assert "0 errors" in result.stdout or "all clear" in result.stdout


@pytest.mark.parametrize("playbook", sorted((REPO / "playbooks").glob("*.yaml")), ids=lambda path: path.name)
def test_bundled_playbooks_have_no_errors(cli, playbook: Path) -> None:
    result = cli("check", str(playbook), *TODAY)
    assert result.exit_code == 0, result.stdout
    assert "error[" not in result.stdout


def test_findings_summary_and_fix_first_order(cli, problems: Path) -> None:
    result = cli("check", str(problems), str(EXAMPLE), *TODAY)
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if line.startswith(str(problems))]
    levels = [line.split(": ", 2)[1].split("[")[0] for line in lines]
    assert levels == sorted(levels, key=["error", "warning", "info"].index), "fix first: errors, warnings, notes"
    assert f"{problems}:9:16: error[SQ304]: target_size is 800, over the capacity of 500 (wechat)" in lines
    assert any("needs 8 opinion leaders for 800 members (one per 100), the plan names 2" in line for line in lines)
    summary = result.stdout.strip().splitlines()[-1]
    assert summary.startswith("2 errors, ") and summary.endswith("in 2 files"), "SQ304 and SQ401"


# a rule's fixture plan holds only what the rule reads, so it breaks the schema (SQ001), which --select
# alone no longer hides
PARTIAL = ("--ignore", "SQ001")


def test_fail_on_and_severity_overrides(cli) -> None:
    plan = RULE_FIXTURES / "SQ201" / "fail" / "plan.yaml"
    assert cli("check", str(plan), "--select", "SQ201", *PARTIAL).exit_code == 0, "a warning does not fail by default"
    assert cli("check", str(plan), "--select", "SQ201", *PARTIAL, "--fail-on", "warning").exit_code == 1
    raised = cli("check", str(plan), "--select", "SQ201", *PARTIAL, "--severity", "SQ201=error")
    assert raised.exit_code == 1 and "error[SQ201]" in raised.stdout
    lowered = cli("check", str(plan), "--select", "SQ201", *PARTIAL, "--severity", "SQ2=info", "--fail-on", "warning")
    assert lowered.exit_code == 0 and "info[SQ201]" in lowered.stdout


def test_select_and_ignore(cli, problems: Path) -> None:
    only_roles = cli("check", str(problems), "--select", "SQ2", *TODAY)
    assert set(ids_in(only_roles.stdout)) == {"SQ201", "SQ202", "SQ204"}
    ignored = cli("check", str(problems), "--ignore", "SQ201,SQ3", *TODAY)
    assert "SQ201" not in ids_in(ignored.stdout) and not any(i.startswith("SQ3") for i in ids_in(ignored.stdout))
    specific = cli("check", str(problems), "--select", "SQ201", "--ignore", "SQ2")
    assert ids_in(specific.stdout) == ["SQ201"], "the more specific selector wins"


@pytest.mark.parametrize("format_name", ["json", "sarif", "gitlab", "junit", "github"])
def test_every_report_format(cli, problems: Path, format_name: str) -> None:
    result = cli("check", str(problems), "--format", format_name, "--select", "SQ201,SQ304")
    assert result.exit_code == 1
    if format_name == "json":
        document = json.loads(result.stdout)
        assert {f["rule_id"] for f in document["findings"]} == {"SQ201", "SQ304"}
    elif format_name == "sarif":
        run = json.loads(result.stdout)["runs"][0]
        assert {rule["id"] for rule in run["tool"]["driver"]["rules"]} >= {"SQ201", "SQ304"}
    elif format_name == "gitlab":
        assert len(json.loads(result.stdout)) == 2
    elif format_name == "junit":
        assert ET.fromstring(result.stdout).iter("failure")
        assert "SQ304" in result.stdout
    else:
        annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
        assert len(annotations) == 2 and f"{problems}:9:16" in "".join(annotations)


def test_statistics(cli, problems: Path) -> None:
    text = cli("check", str(problems), "--statistics", *TODAY)
    assert "findings per rule" in text.stdout and "SQ304" in text.stdout.split("findings per rule")[1]
    machine = cli("check", str(problems), "--statistics", "--format", "json", *TODAY)
    json.loads(machine.stdout)  # statistics stay out of machine-readable output
    assert "SQ304" in machine.stderr


def test_config_discovered_up_the_tree(cli, problems: Path, tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.sqtool]\nignore = ["SQ201"]\nfail-on = "warning"\n[tool.sqtool.severity]\nSQ304 = "info"\n',
        encoding="utf-8",
    )
    nested = tmp_path / "team" / "plans"
    nested.mkdir(parents=True)
    monkeypatch.chdir(nested)
    result = cli("check", str(problems), "--select", "SQ2,SQ304")
    assert "SQ201" not in ids_in(result.stdout)
    assert "info[SQ304]" in result.stdout
    assert result.exit_code == 1, "fail-on warning from the config; SQ202 is a warning"
    (tmp_path / "team" / ".sqtool.yaml").write_text("select: [SQ201]\nkol-per-members: 400\n", encoding="utf-8")
    nearer = cli("check", str(problems))
    assert "needs 2 opinion leaders for 800 members (one per 400)" not in nearer.stdout, "the plan has 2: clean"
    assert ids_in(nearer.stdout) == [] and nearer.exit_code == 0


def test_explicit_and_broken_config(cli, problems: Path, tmp_path: Path) -> None:
    config = tmp_path / "strict.yaml"
    config.write_text("select: SQ201\nseverity: {SQ201: error}\n", encoding="utf-8")
    result = cli("check", str(problems), "--config", str(config))
    assert ids_in(result.stdout) == ["SQ201"] and result.exit_code == 1
    config.write_text("selekt: [SQ201]\n", encoding="utf-8")
    broken = cli("check", str(problems), "--config", str(config))
    assert broken.exit_code == 2 and str(config) in broken.stderr and "selekt" in broken.stderr
    missing = cli("check", str(problems), "--config", str(tmp_path / "nope.yaml"))
    assert missing.exit_code == 2 and "nope.yaml" in missing.stderr


def test_inline_disables(cli, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        PROBLEMS.replace("  opinion_leaders: [王姐, 老陈]", "  opinion_leaders: [王姐, 老陈]  # sqtool: disable=SQ201")
        + "# sqtool: disable-file=SQ304\n",
        encoding="utf-8",
    )
    found = ids_in(cli("check", str(plan), "--select", "SQ2,SQ3").stdout)
    assert "SQ201" not in found and "SQ304" not in found and "SQ202" in found


def test_schema_errors_come_with_rule_findings(cli, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        PROBLEMS.replace("  platform: wechat\n", "  platform: wechat\n  capacity: many\n"), encoding="utf-8"
    )
    result = cli("check", str(plan), "--format", "json")
    ids = [finding["rule_id"] for finding in json.loads(result.stdout)["findings"]]
    assert "SQ001" in ids and "SQ304" in ids and "SQ201" in ids
    assert ids.index("SQ001") < ids.index("SQ201"), "fix-first: errors before warnings"


def test_unreadable_plan_is_a_finding_and_others_still_run(cli, tmp_path: Path, problems: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("community:\n  name: a\n  name: b\n", encoding="utf-8")
    result = cli("check", str(broken), str(problems), "--format", "json", "--select", "SQ304")
    findings = json.loads(result.stdout)["findings"]
    assert {(f["rule_id"], Path(f["path"]).name) for f in findings} == {
        ("SQ000", "broken.yaml"),
        ("SQ304", "problems.yaml"),
    }
    assert result.exit_code == 1


def test_fail_on_takes_the_same_levels_in_check_and_audit(cli, problems: Path) -> None:
    """--fail-on never exits 0 whatever is found; an unknown level names the option, in both commands."""
    assert cli("check", str(problems), "--fail-on", "never").exit_code == 0
    for command in (("check", str(problems)), ("audit", "examples/demo-wechat.csv")):
        for lang, needle, levels in (
            ("en", "unknown level 'bogus' for --fail-on", "error, warning, info or never"),
            ("zh", "--fail-on 的级别 'bogus' 无效", "error、warning、info 或 never"),
        ):
            result = cli("--lang", lang, *command, "--fail-on", "bogus")
            assert result.exit_code == 2 and needle in result.stderr and levels in result.stderr, result.stderr
            assert "format" not in result.stderr and "格式" not in result.stderr


@pytest.mark.parametrize(
    ("arguments", "needle"),
    [
        (("missing.yaml",), "missing.yaml"),
        (("{plan}", "--select", "SQ999"), "SQ999"),
        (("{plan}", "--severity", "SQ201"), "RULE=LEVEL"),
        (("{plan}", "--severity", "SQ201=loud"), "loud"),
        (("{plan}", "--fail-on", "bogus"), "'bogus' for --fail-on"),
        (("{plan}", "--today", "tomorrow"), "tomorrow"),
        (("{plan}", "--format", "xml"), "xml"),
    ],
)
def test_usage_errors_exit_2(cli, problems: Path, arguments, needle: str) -> None:
    result = cli("check", *(argument.format(plan=problems) for argument in arguments))
    assert result.exit_code == 2
    assert needle in result.stderr
    assert "Traceback" not in result.output


def test_stdin_and_output_file(cli, tmp_path: Path) -> None:
    result = cli("check", "-", "--select", "SQ304", input=PROBLEMS)
    assert result.stdout.startswith("<stdin>:9:16: error[SQ304]")
    report = tmp_path / "report.json"
    written = cli("check", "-", "--select", "SQ304", "--format", "json", "--output", str(report), input=PROBLEMS)
    assert written.exit_code == 1 and json.loads(report.read_text(encoding="utf-8"))["findings"]
    again = cli("check", "-", "--output", str(report), input=PROBLEMS)  # sqtool's own report: replaced
    assert again.exit_code == 1 and report.read_text(encoding="utf-8").startswith("<stdin>:")
    report.write_text("my notes\n", encoding="utf-8")
    refused = cli("check", "-", "--output", str(report), input=PROBLEMS)
    assert refused.exit_code == 2 and "--force" in refused.stderr
    assert report.read_text(encoding="utf-8") == "my notes\n"
    assert cli("check", "-", "--output", str(report), "--force", input=PROBLEMS).exit_code == 1


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_select_never_hides_a_broken_plan(cli, tmp_path: Path, lang: str) -> None:
    """--select narrows the rules but SQ000/SQ001 are still reported; SQ001 only --ignore hides, and an
    unreadable file (SQ000) nothing, as before."""
    unreadable = tmp_path / "unreadable.yaml"
    unreadable.write_text("community: [\n", encoding="utf-8")
    partial = RULE_FIXTURES / "SQ201" / "fail" / "plan.yaml"
    for plan, rule in ((unreadable, "SQ000"), (partial, "SQ001")):
        selected = cli("--lang", lang, "check", str(plan), "--select", "SQ201")
        assert rule in ids_in(selected.stdout) and selected.exit_code == 1
        assert ("错误" in selected.stdout) == (lang == "zh")
        ignored = cli("--lang", lang, "check", str(plan), "--select", "SQ201", "--ignore", rule)
        assert (rule in ids_in(ignored.stdout)) == (rule == "SQ000")
    prefix = cli("--lang", lang, "check", str(partial), "--select", "SQ2", "--ignore", "SQ0")
    assert "SQ001" not in ids_in(prefix.stdout)


def test_today_drives_the_date_rule(cli) -> None:
    plan = RULE_FIXTURES / "SQ203" / "fail" / "plan.yaml"
    assert "SQ203" in ids_in(cli("check", str(plan), "--select", "SQ203", *PARTIAL, "--today", "2026-06-01").stdout)
    assert ids_in(cli("check", str(plan), "--select", "SQ203", *PARTIAL, "--today", "2027-06-01").stdout) == []


def test_check_speaks_chinese(cli, problems: Path) -> None:
    result = cli("--lang", "zh", "check", str(problems), "--select", "SQ201")
    assert "800 名成员需要 8 位意见领袖（每 100 人一位），计划只列了 2 位" in result.stdout


def test_rules_table_and_json(cli) -> None:
    table = cli("rules")
    assert table.exit_code == 0
    for rule in all_rules():
        assert rule.id in table.stdout
    document = json.loads(cli("rules", "--format", "json").stdout)
    records = {record["id"]: record for record in document["rules"]}
    assert len(records) == len(all_rules())
    assert records["SQ201"]["sources"] == ["002"] and records["SQ201"]["severity"] == "warning"
    assert records["SQ201"]["options"] == ["kol_per_members"]
    assert cli("rules", "--format", "xml").exit_code == 2
    assert "意见领袖比例" in cli("--lang", "zh", "rules").stdout


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_explain_every_rule(cli, lang: str) -> None:
    headings = {
        "en": ("Why it matters", "Fails", "Passes", "Configure"),
        "zh": ("为什么重要", "不通过", "通过", "如何配置"),
    }
    for rule in all_rules():
        result = cli("--lang", lang, "explain", rule.id.lower())
        assert result.exit_code == 0, rule.id
        assert result.stdout.startswith(rule.id)
        for heading in headings[lang]:
            assert heading in result.stdout, (rule.id, heading)
        for source in rule.sources:
            assert source in result.stdout
        if rule.family == "drift":  # the audit reports drift: no inline disable, --fail-on decides
            assert f"--fail-on {rule.severity.value}" in result.stdout
        else:
            assert f"disable={rule.id}" in result.stdout


def test_explain_unknown_rule(cli) -> None:
    result = cli("explain", "SQ999")
    assert result.exit_code == 2 and "SQ999" in result.stderr and "sqtool rules" in result.stderr


def test_docs_page_is_up_to_date() -> None:
    assert docs_main(["--check", str(DEFAULT_PATH)]) == 0, "run: python -m sqtool.rules.docs"


def test_check_in_a_real_process() -> None:
    result = run_sqtool("check", str(EXAMPLE), "--format", "json", "--today", "2026-06-01")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["summary"]["error"] == 0


def test_github_actions_gets_annotations_and_colour_is_a_separate_choice(cli, problems: Path) -> None:
    inside = cli("check", str(problems), "--select", "SQ304", env={"GITHUB_ACTIONS": "true"})
    assert inside.stdout.startswith("::error ")
    coloured = cli("--color", "always", "check", str(problems), "--select", "SQ304")
    assert "\x1b[" in coloured.stdout and "SQ304" in coloured.stdout
    plain = cli("--color", "always", "check", str(problems), "--select", "SQ304", "--format", "json")
    assert "\x1b[" not in plain.stdout, "--format never implies colour"
