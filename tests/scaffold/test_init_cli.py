"""`sqtool init` end to end through the CLI: wizard with scripted input, and the non-interactive paths."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sqtool.diagnostics import Severity
from sqtool.plan.load import load_plan
from sqtool.plan.schema import schema_findings
from sqtool.rules.config import CheckConfig
from sqtool.rules.engine import check_files
from sqtool.scaffold.answers import QUESTIONS, asked
from sqtool.scaffold.playbooks import load_playbook, playbook_names
from tests.conftest import run_sqtool

# One line per prompt, in order; the lines marked "bad" must be refused and asked again.
WIZARD_SCRIPT = [
    "knowledge-course",  # playbook
    "想把私域做起来的中小商家和运营人",  # what group
    "一年内把私域复购做起来",  # why together
    "每日案例拆解、每周资料包、同行答疑",  # what together
    "为周老师的付费课程积累学员",  # purpose
    "9",  # category: bad, there are only seven
    "knowledge",
    "wechat",
    "600",  # target size: bad, a WeChat group holds 500
    "500",
    "周老师",  # owner
    "小林, 阿杰",  # admins
    "陈姐, 老王",  # opinion leaders: bad, 500 members need 5
    "陈姐, 老王, Mia, 大刘, 苏苏",
    "私域增长",  # topic for name ideas
    "content",  # naming method
    "私域交流群",  # name: generic, warned (SQ105)
    "n",  # ... so do not keep it
    "私域增长研习社",
    "每天拆一个私域案例",  # slogan
    "benefit",
    "paid",
    "199",  # fee
    "认同先思考再提问的约定",
    "每日案例拆解",  # value output
    "daily",
    "晚些时候",  # time: bad (8点 would do)
    "早上8点",  # understood as 08:00
    "周老师",  # producer
    "周老师",  # backup: bad, the same person as the producer of a daily output
    "小林",
    "provide_services, build_personal_influence",
]


def errors_of(path: Path) -> list[str]:
    result = check_files([str(path)], CheckConfig())
    return [finding.message for finding in result.findings if finding.severity is Severity.ERROR]


def test_wizard_end_to_end_with_scripted_input(cli, tmp_path):
    target = tmp_path / "plan.yaml"
    result = cli("init", str(target), "--interactive", input="\n".join(WIZARD_SCRIPT) + "\n")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "'9' is not one of the choices" in out
    assert "600 members do not fit in one WeChat group (capacity 500)" in out
    assert "500 members need at least 5 opinion leaders (one per 100); you named 2" in out
    assert "warning[SQ105]" in out and "'私域交流群' is a generic label" in out
    assert "name ideas for the content" in out and "私域增长干货帮" in out
    assert "'晚些时候' is not a time; type it like 08:00, 8点" in out
    assert "a daily output needs a backup person" in out
    assert " ".join(out.split()).count("Please try again.") == 5  # lines may wrap between the words
    assert f"Wrote {target}." in out
    assert "Check of the new plan:" in out and "sqtool check" in out

    data = load_plan(target).data
    assert data["community"]["name"] == "私域增长研习社"
    assert data["community"]["slogan"] == {"text": "每天拆一个私域案例", "type": "benefit"}
    assert data["positioning"]["common_goal"] == "一年内把私域复购做起来"
    assert data["roles"]["owner"] == "周老师"
    assert data["roles"]["admins"] == ["小林", "阿杰"]
    assert data["roles"]["opinion_leaders"] == ["陈姐", "老王", "Mia", "大刘", "苏苏"]
    assert data["rules"]["entry"]["fee"]["amount"] == 199
    assert data["value_output"][0]["time"] == "08:00"
    assert data["value_output"][0]["backup"] == "小林"
    assert data["monetization"]["purposes"] == ["provide_services", "build_personal_influence"]
    assert "playbook" not in data
    assert schema_findings(load_plan(target)) == []
    assert errors_of(target) == []
    assert cli("check", str(target)).exit_code == 0


def test_wizard_in_chinese_keeps_every_default(cli, tmp_path):
    target = tmp_path / "plan.yaml"
    result = cli("--lang", "zh", "init", str(target), "--interactive", "--playbook", "local-club", input="\n" * 40)
    assert result.exit_code == 0, result.stderr
    assert "你要建一个什么样的群" in result.stdout and "下一步" in result.stdout
    text = target.read_text(encoding="utf-8")
    assert "# 身份。" in text and "周末城市徒步会" in text
    assert errors_of(target) == []


def test_input_ending_early_writes_nothing(cli, tmp_path):
    target = tmp_path / "plan.yaml"
    result = cli("init", str(target), "--interactive", input="retail\n某群\n")
    assert result.exit_code == 2
    assert "standard input ended before every question was answered" in result.stderr
    assert not target.exists()


def test_ctrl_c_exits_130_and_writes_nothing(cli, tmp_path, monkeypatch):
    from sqtool.scaffold import wizard

    calls = []

    def ask(self, prompt, default):
        calls.append(prompt)
        if len(calls) == 1:  # at the first question: nothing answered, nothing to keep
            raise KeyboardInterrupt
        return ""

    monkeypatch.setattr(wizard.RichTerminal, "ask", ask)
    result = cli("init", str(tmp_path / "plan.yaml"), "--interactive")
    assert result.exit_code == 130
    assert "nothing was written" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_no_terminal_and_no_answers_is_a_usage_error(cli, tmp_path):
    result = cli("init", str(tmp_path / "plan.yaml"))
    assert result.exit_code == 2
    assert "standard input is not one" in result.stderr
    assert "--playbook NAME --yes" in result.stderr
    assert not (tmp_path / "plan.yaml").exists()


@pytest.mark.parametrize("name", playbook_names())
def test_every_playbook_non_interactively(cli, tmp_path, name):
    target = tmp_path / f"{name}.yaml"
    result = cli("init", str(target), "--playbook", name, "--yes")
    assert result.exit_code == 0, result.stderr
    assert "all clear" in result.stdout
    loaded = load_plan(target)
    assert "playbook" not in loaded.data
    assert loaded.text.startswith("# yaml-language-server: $schema=")
    assert schema_findings(loaded) == []
    assert errors_of(target) == []
    checked = cli("check", str(target))
    assert checked.exit_code == 0, checked.stdout
    assert cli("validate", str(target)).exit_code == 0


def test_set_values_are_yaml_and_checked(cli, tmp_path):
    target = tmp_path / "plan.yaml"
    result = cli(
        "init",
        str(target),
        "--playbook",
        "check-in",
        "--yes",
        "--set",
        "community.name=晨读打卡营",
        "--set",
        "roles.admins=[小周, 阿敏]",
        "--set",
        "members.target_size=300",
        "--set",
        "roles.opinion_leaders=[王姐, 老陈, 小李]",
        "--set",
        "community.launch_date=2026-09-01",
        "--set",
        "x-team.channel=#ops",
    )
    assert result.exit_code == 0, result.stderr
    data = load_plan(target).data
    assert data["community"]["name"] == "晨读打卡营"
    assert data["roles"]["admins"] == ["小周", "阿敏"]
    assert data["roles"]["organizer"] == ["小周"]  # the placeholder admin was renamed everywhere
    assert data["members"]["target_size"] == 300
    assert data["community"]["launch_date"] == "2026-09-01"
    assert data["x-team"] == {"channel": "#ops"}
    assert errors_of(target) == []


@pytest.mark.parametrize(
    ("assignment", "expected"),
    [
        ("community.nmae=x", "'community.nmae' is not a field of a community plan"),
        ("roles.opinion_leaders=3", "450 members need at least 5 opinion leaders (one per 100); you named 3"),
        ("roles.admins=[]", "roles.admins: name at least one admin"),
        ("members.target_size=lots", "members.target_size: 'lots' is not a whole number"),
        ("members.target_size=900", "900 members do not fit in one WeChat group"),
        ("community.platform=weixin", "'weixin' is not one of the choices"),
        ("community.name", "is not of the form key.path=value"),
        ("members.seed_members=many", "does not match the schema"),
    ],
)
def test_bad_set_is_exit_2_naming_the_key(cli, tmp_path, assignment, expected):
    target = tmp_path / "plan.yaml"
    result = cli("init", str(target), "--playbook", "retail", "--yes", "--set", assignment)
    assert result.exit_code == 2
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert not target.exists()


def test_answers_file_with_dotted_and_nested_keys(cli, tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        "playbook: professional-network\n"
        "community.name: 跨境操盘手互助会\n"
        "roles:\n  owner: 老周\n  admins: [阿May]\n"
        "value_output.0.time: '08:30'\n",
        encoding="utf-8",
    )
    target = tmp_path / "plan.yaml"
    result = cli("init", str(target), "--answers", str(answers))  # no terminal: answers alone suffice
    assert result.exit_code == 0, result.stderr
    data = load_plan(target).data
    assert data["community"]["name"] == "跨境操盘手互助会"
    assert data["roles"]["owner"] == "老周"
    assert data["roles"]["red_packet_giver"] == ["老周"]
    assert data["roles"]["admins"] == ["阿May"]
    assert data["value_output"][0]["time"] == "08:30"
    assert errors_of(target) == []


def test_answers_problems_name_the_file(cli, tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text("playbook: retail\nroles.opinion_leaders: [一个人]\n", encoding="utf-8")
    result = cli("init", str(tmp_path / "plan.yaml"), "--answers", str(answers))
    assert result.exit_code == 2
    assert str(answers) in result.stderr and "roles.opinion_leaders" in result.stderr


def test_set_overrides_answers_and_wizard_skips_given_keys(cli, tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text("community.name: 第一个名字\n", encoding="utf-8")
    target = tmp_path / "plan.yaml"
    result = cli(
        "init",
        str(target),
        "--interactive",
        "--playbook",
        "retail",
        "--answers",
        str(answers),
        "--set",
        "community.name=阿果水果研究所",
        input="\n" * 40,
    )
    assert result.exit_code == 0, result.stderr
    assert "Community name" not in result.stdout
    assert load_plan(target).data["community"]["name"] == "阿果水果研究所"


def test_missing_playbook_and_unknown_playbook(cli, tmp_path):
    result = cli("init", str(tmp_path / "a.yaml"), "--yes")
    assert result.exit_code == 2 and "no playbook chosen" in result.stderr and "retail" in result.stderr
    result = cli("init", str(tmp_path / "a.yaml"), "--yes", "--playbook", "bakery")
    assert result.exit_code == 2 and "'bakery'" in result.stderr


def test_refuses_to_overwrite_without_force(cli, tmp_path):
    target = tmp_path / "plan.yaml"
    target.write_text("mine\n", encoding="utf-8")
    result = cli("init", str(target), "--playbook", "retail", "--yes")
    assert result.exit_code == 2
    assert "already exists" in result.stderr and "--force" in result.stderr
    assert target.read_text(encoding="utf-8") == "mine\n"
    result = cli("init", str(target), "--playbook", "retail", "--yes", "--force")
    assert result.exit_code == 0
    assert "阿果鲜果吃货联盟" in target.read_text(encoding="utf-8")


def test_write_is_atomic(cli, tmp_path, monkeypatch):
    def fail(source, destination):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    result = cli("init", str(tmp_path / "plan.yaml"), "--playbook", "retail", "--yes")
    assert result.exit_code == 2
    assert "No space left on device" in result.stderr
    assert list(tmp_path.iterdir()) == []  # neither the plan nor a temporary file


def test_quiet_prints_only_what_was_written(cli, tmp_path):
    result = cli("--quiet", "init", str(tmp_path / "p.yaml"), "--playbook", "retail", "--yes")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"Wrote {tmp_path / 'p.yaml'}."


def test_subprocess_with_a_pipe_refuses_the_wizard(tmp_path):
    result = run_sqtool("init", "plan.yaml", cwd=tmp_path, input="")
    assert result.returncode == 2
    assert "--yes" in result.stderr and "Traceback" not in result.stderr
    result = run_sqtool("--lang", "zh", "init", "plan.yaml", "-p", "brand-fans", "-y", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "已写入 plan.yaml" in result.stdout
    assert (tmp_path / "plan.yaml").read_text(encoding="utf-8").count("\n# ") >= 15


def test_wizard_keeps_a_long_slogan_when_told_and_check_reports_it(cli, tmp_path):
    plan = load_playbook("local-club").plan()
    script: list[str] = []
    for question in QUESTIONS:  # Enter keeps every default but the slogan
        if question.key == "community.slogan.text":
            script += ["走出家门一起去看看这座城市每个角落的风景和故事吧朋友们", "maybe", "y"]
        elif asked(question, plan):
            script.append("")
    target = tmp_path / "plan.yaml"
    result = cli("init", str(target), "--interactive", "-p", "local-club", input="\n".join(script) + "\n")
    assert result.exit_code == 0, result.stderr
    assert "warning[SQ104]" in result.stdout
    assert "answer y or n. Please try again." in result.stdout
    assert "SQ104" in result.stdout.split("Check of the new plan:")[1]
    assert load_plan(target).data["community"]["slogan"]["text"].startswith("走出家门")
