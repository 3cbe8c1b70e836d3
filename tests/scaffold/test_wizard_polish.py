"""The wizard as a careful person expects it, in English and Chinese (issue 16): choices picked by
number, Chinese labels and defaults, defaults that follow earlier answers, tolerant input, what the
playbook answered unasked marked for review, and Ctrl-C kept for `sqtool init --resume`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from sqtool.plan.load import load_plan
from sqtool.scaffold.answers import QUESTIONS

# every answer of the knowledge-course playbook's wizard, so a test can leave out only what it asks
ALL_ANSWERS: dict[str, Any] = {
    "positioning.shared_attribute": "想把私域做起来的中小商家",
    "positioning.common_goal": "一年内把私域复购做起来",
    "positioning.value_for_members": "每日案例拆解",
    "positioning.purpose": "为付费课程积累学员",
    "positioning.category": "knowledge",
    "community.platform": "wechat",
    "members.target_size": 300,
    "roles.owner": "周老师",
    "roles.admins": ["小林", "阿杰"],
    "roles.opinion_leaders": ["陈姐", "老王", "Mia"],
    "topic": "私域增长",
    "community.naming_method": "content",
    "community.name": "私域增长研习社",
    "community.slogan.text": "每天拆一个私域案例",
    "community.slogan.type": "benefit",
    "rules.entry.threshold": "paid",
    "rules.entry.fee.amount": 199,
    "rules.entry.criteria": "认同先思考再提问的约定",
    "value_output.0.name": "每日案例拆解",
    "value_output.0.cadence": "daily",
    "value_output.0.time": "08:00",
    "value_output.0.owner": "周老师",
    "value_output.0.backup": "小林",
    "monetization.purposes": ["provide_services"],
}


def run_wizard(cli, tmp_path: Path, lang: str, asked: list[str], typed: list[str], *extra: str):
    """Run the wizard with every answer given in a file except the keys in ``asked``, typing ``typed``."""
    answers = {"playbook": "knowledge-course", **{k: v for k, v in ALL_ANSWERS.items() if k not in asked}}
    answers_file = tmp_path / "answers.yaml"
    answers_file.write_text(yaml.safe_dump(answers, allow_unicode=True), encoding="utf-8")
    target = tmp_path / "plan.yaml"
    result = cli(
        "--lang", lang, "init", str(target), "--interactive", "--answers", str(answers_file), *extra,
        input="\n".join(typed) + "\n",
    )  # fmt: skip
    return result, target


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2,7", ["provide_services", "build_personal_influence"]),
        ("2，7", ["provide_services", "build_personal_influence"]),
        ("2、7", ["provide_services", "build_personal_influence"]),
        ("1-3", ["sell_products", "provide_services", "build_network"]),
        ("5, 提供服务", ["build_brand", "provide_services"]),
    ],
)
def test_multi_select_by_numbers_and_ranges(cli, tmp_path, lang, typed, expected):
    """A multi-select question takes the numbers it lists, with any comma, 、, or a range."""
    result, target = run_wizard(cli, tmp_path, lang, ["monetization.purposes"], [typed])
    assert result.exit_code == 0, result.stdout + result.stderr
    assert load_plan(target).data["monetization"]["purposes"] == expected
    assert ("可多选，填编号即可" in result.stdout) == (lang == "zh")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_number_out_of_range_is_refused_with_the_choices(cli, tmp_path, lang):
    result, target = run_wizard(cli, tmp_path, lang, ["monetization.purposes"], ["2,9", "2"])
    assert result.exit_code == 0
    refused = "'9' is not one of the choices" if lang == "en" else "'9' 不在可选项中"
    assert refused in result.stdout
    assert load_plan(target).data["monetization"]["purposes"] == ["provide_services"]


def test_chinese_labels_first_and_defaults_in_chinese(cli, tmp_path):
    """In Chinese the choices read `1 产品类` and the default `[知识类]`, never the raw English key."""
    asked = ["positioning.category", "community.platform", "monetization.purposes"]
    result, target = run_wizard(cli, tmp_path, "zh", asked, ["", "", ""])
    assert result.exit_code == 0, result.stdout
    out = result.stdout
    assert "1 产品类" in out and "[知识类]" in out and "[微信群]" in out
    assert "[提供服务、打造个人影响力]" in out
    for raw in ("[knowledge]", "[wechat]", "1 product", "provide_services"):
        assert raw not in out
    data = load_plan(target).data
    assert data["positioning"]["category"] == "knowledge" and data["community"]["platform"] == "wechat"


def test_english_defaults_are_the_values(cli, tmp_path):
    result, _ = run_wizard(cli, tmp_path, "en", ["positioning.category"], ["3"])
    assert result.exit_code == 0 and "[knowledge]" in result.stdout and "1 product" in result.stdout


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_name_default_follows_the_topic(cli, tmp_path, lang):
    """The first name idea for the topic just typed becomes the default name (Enter keeps it)."""
    result, target = run_wizard(cli, tmp_path, lang, ["topic", "community.name"], ["读书打卡", ""])
    assert result.exit_code == 0, result.stdout
    name = load_plan(target).data["community"]["name"]
    assert name.startswith("读书打卡") and f"[{name}]" in result.stdout


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    ("key", "typed", "expected"),
    [
        ("value_output.0.time", "早上8点", "08:00"),
        ("value_output.0.time", "8:00", "08:00"),
        ("value_output.0.time", "20:30-22:00", "20:30-22:00"),
        ("value_output.0.time", "晚上8点到10点", "20:00-22:00"),
        ("rules.entry.fee.amount", "¥299", 299),
        ("rules.entry.fee.amount", "299元", 299),
        ("members.target_size", "500人", 500),
    ],
)
def test_tolerant_input(cli, tmp_path, lang, key, typed, expected):
    """Times, prices and sizes are understood as people type them."""
    asked = [key, "roles.opinion_leaders"] if key == "members.target_size" else [key]
    answers = [typed, "陈姐, 老王, Mia, 大刘, 苏苏"] if key == "members.target_size" else [typed]
    result, target = run_wizard(cli, tmp_path, lang, asked, answers)
    assert result.exit_code == 0, result.stdout
    value: Any = load_plan(target).data
    for part in key.split("."):
        value = value[int(part)] if part.isdigit() else value[part]
    assert value == expected


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    ("key", "example"),
    [
        ("value_output.0.time", {"en": "type it like 08:00, 8点", "zh": "请写成 08:00、8点"}),
        ("rules.entry.fee.amount", {"en": "type it like 299, ¥299", "zh": "请写成 299、¥299"}),
        ("members.target_size", {"en": "type it like 500 or 500人", "zh": "请写成 500 或 500人"}),
    ],
)
def test_what_is_not_understood_is_answered_with_an_example(cli, tmp_path, lang, key, example):
    good = {"value_output.0.time": "08:00", "rules.entry.fee.amount": "199", "members.target_size": "300"}[key]
    leaders = key == "members.target_size"  # the leaders are checked against the size: asked after it
    asked = [key, "roles.opinion_leaders"] if leaders else [key]
    result, _ = run_wizard(cli, tmp_path, lang, asked, ["很多", good, *(["陈姐, 老王, Mia"] if leaders else [])])
    assert result.exit_code == 0, result.stdout
    assert example[lang] in result.stdout.replace("\n", "")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_playbook_answers_not_asked_are_listed_and_marked_for_review(cli, tmp_path, lang):
    """--yes asks nothing: what the playbook answered is listed at the end and marked `# review:`."""
    target = tmp_path / "plan.yaml"
    result = cli("--lang", lang, "init", str(target), "-p", "retail", "-y", "--set", "community.name=晨光好物社")
    assert result.exit_code == 0, result.stderr
    heading = "Review these" if lang == "en" else "请核对以下各项"
    assert heading in result.stdout
    listed = result.stdout.split(heading, 1)[1]
    assert "roles.owner" in listed and "value_output.0.time" in listed and "community.name" not in listed
    text = target.read_text(encoding="utf-8")
    marker = "# review: from the playbook" if lang == "en" else "# review: 剧本给的值"
    lines = text.splitlines()
    marked = [lines[number + 1].strip() for number, line in enumerate(lines) if line.strip().startswith(marker)]
    assert any(line.startswith("owner:") for line in marked) and any(line.startswith("time:") for line in marked)
    assert not any(line.startswith("name: 晨光好物社") for line in marked)
    assert cli("check", str(target)).exit_code == 0  # the comments keep the plan valid


def test_the_wizard_marks_nothing_for_review(cli, tmp_path):
    result, target = run_wizard(cli, tmp_path, "en", ["monetization.purposes"], ["2"])
    assert result.exit_code == 0 and "Review these" not in result.stdout  # answers were given, not guessed
    assert "# review:" not in target.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_ctrl_c_keeps_answers_and_resume_continues(cli, tmp_path, monkeypatch, lang):
    """Ctrl-C keeps the answers given so far; `sqtool init --resume` asks only the rest, then tidies up."""
    from sqtool.scaffold import wizard

    target = tmp_path / "plan.yaml"
    typed = iter(["2", "", "", "", "", "3", "1"])  # playbook 2 (check-in), four texts, category, platform
    prompts: list[str] = []

    def interrupted(self, prompt, default):
        prompts.append(prompt)
        answer = next(typed, None)
        if answer is None:
            raise KeyboardInterrupt  # at the target size
        return answer

    monkeypatch.setattr(wizard.RichTerminal, "ask", interrupted)
    stopped = cli("--lang", lang, "init", str(target), "--interactive")
    assert stopped.exit_code == 130
    resume = tmp_path / ".plan.yaml.answers.yaml"
    kept = yaml.safe_load(resume.read_text(encoding="utf-8"))
    assert kept["playbook"] == "check-in" and kept["positioning.category"] == "knowledge"
    assert kept["community.platform"] == "wechat" and "members.target_size" not in kept
    assert ("--resume" in stopped.stderr) and (("已停止" in stopped.stderr) == (lang == "zh"))
    assert not target.exists()

    monkeypatch.undo()
    asked_first = len(prompts)
    rest = len([q for q in QUESTIONS if q.key not in kept]) + 2
    resumed = cli("--lang", lang, "init", str(target), "--resume", "--interactive", input="\n" * rest)
    assert resumed.exit_code == 0, resumed.stdout + resumed.stderr
    data = load_plan(target).data
    assert data["positioning"]["category"] == "knowledge" and data["community"]["platform"] == "wechat"
    assert not resume.exists()
    assert asked_first == 8
    assert ("目标人数" in resumed.stdout) == (lang == "zh") and "社群类别" not in resumed.stdout


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_resume_without_kept_answers_is_a_usage_error(cli, tmp_path, lang):
    result = cli("--lang", lang, "init", str(tmp_path / "plan.yaml"), "--resume", "--interactive")
    assert result.exit_code == 2
    assert ("no kept answers" in result.stderr) == (lang == "en")
    assert ("没有可以接着回答的记录" in result.stderr) == (lang == "zh")


def test_the_chinese_walkthrough_is_a_recording_of_the_current_wizard():
    """docs/init-walkthrough.md holds a tmux-recorded Chinese run: multi-select by numbers, Ctrl-C, --resume."""
    from sqtool.i18n import Translator

    text = (Path(__file__).resolve().parents[2] / "docs" / "init-walkthrough.md").read_text(encoding="utf-8")
    tr = Translator("zh")
    section = text.split("## 中文向导", 1)[1].split("```text", 1)[1].split("```", 1)[0]
    assert "$ sqtool --lang zh init plan.yaml\n" in section and "口号类型 [利益型]: ^C" in section
    assert "$ sqtool --lang zh init plan.yaml --resume\n" in section
    assert "[提供服务、打造个人影响力]: 2，7\n" in section and "]: 2、9\n" in section
    for line in (tr("scaffold.choices_how"), tr("scaffold.written", path="plan.yaml"), "平台 [微信群]: 1"):
        assert line in section, line
    kept = tr("scaffold.kept_for_resume", count=14, resume=".plan.yaml.answers.yaml", plan="plan.yaml")
    assert kept.replace("\n", "") in section.replace("\n", "")
