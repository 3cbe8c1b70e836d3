"""`sqtool audit -o` never replaces a file the audit reads, --force or not: the export, the roster,
the plan, the ad-keyword file and the history database each get their own message, in both languages."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from sqtool.commands.inputs import refuse_input_as_output
from sqtool.errors import SqtoolError
from tests.conftest import REPO, CliInvoke

DEMO = REPO / "examples" / "demo-wechat.csv"
PLAN = REPO / "examples" / "plan.yaml"
ROSTER = "member,tags\n陈姐,owner\n小林,customer\n"


@pytest.fixture
def inputs(tmp_path: Path) -> dict[str, Path]:
    """A copy of every kind of input in one folder, so a test can aim -o at each."""
    files = {
        "export": tmp_path / "chat.csv",
        "plan": tmp_path / "plan.yaml",
        "roster": tmp_path / "roster.csv",
        "ad_keywords": tmp_path / "ads.txt",
    }
    shutil.copyfile(DEMO, files["export"])
    shutil.copyfile(PLAN, files["plan"])
    files["roster"].write_text(ROSTER, encoding="utf-8")
    files["ad_keywords"].write_text("代购\n加微信\n", encoding="utf-8")
    return files


def audit_args(files: dict[str, Path], history: Path) -> list[str]:
    return [
        "audit",
        str(files["export"]),
        "--plan",
        str(files["plan"]),
        "--roster",
        str(files["roster"]),
        "--ad-keywords",
        f"@{files['ad_keywords']}",
        "--save",
        "--history",
        str(history),
    ]


EXPECTED = {
    "export": ("which is the chat export being audited", "而它正是要体检的聊天导出文件"),
    "plan": ("which is the plan (--plan) this audit reads", "而它正是这次体检读取的计划（--plan）"),
    "roster": ("which is the roster (--roster) this audit reads", "而它正是这次体检读取的成员名单（--roster）"),
    "ad_keywords": ("which is the ad-keyword file (--ad-keywords @FILE)", "而它正是这次体检读取的广告关键词文件"),
}


@pytest.mark.parametrize("kind", sorted(EXPECTED))
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("force", [False, True])
def test_each_input_kind_is_refused(
    cli: CliInvoke, inputs: dict[str, Path], tmp_path: Path, kind: str, lang: str, force: bool
) -> None:
    target = inputs[kind]
    before = target.read_bytes()
    history = tmp_path / "history.sqlite"
    result = cli("--lang", lang, *audit_args(inputs, history), "-o", str(target), *(["--force"] if force else []))
    assert result.exit_code == 2, result.stdout
    expected = EXPECTED[kind][0 if lang == "en" else 1]
    assert f"{target}: " in result.stderr and expected in result.stderr
    assert ("--force never replaces an input" if lang == "en" else "--force 也不会覆盖输入文件") in result.stderr
    assert target.read_bytes() == before
    assert not history.exists()  # refused before anything was read or saved


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_history_database_is_refused(cli: CliInvoke, inputs: dict[str, Path], tmp_path: Path, lang: str) -> None:
    history = tmp_path / "history.sqlite"
    first = cli(*audit_args(inputs, history))
    assert first.exit_code == 0, first.stderr
    before = history.read_bytes()
    result = cli("--lang", lang, *audit_args(inputs, history), "-o", str(history), "--force")
    assert result.exit_code == 2
    expected = "which is the audit history database" if lang == "en" else "而它正是体检历史数据库"
    assert expected in result.stderr
    assert history.read_bytes() == before


def test_the_default_history_beside_the_plan_is_refused(cli: CliInvoke, inputs: dict[str, Path]) -> None:
    """Without --history, --save writes .sqtool/history.sqlite beside the plan: -o cannot aim there."""
    default = inputs["plan"].parent / ".sqtool" / "history.sqlite"
    result = cli("audit", str(inputs["export"]), "--plan", str(inputs["plan"]), "--save", "-o", str(default))
    assert result.exit_code == 2 and "audit history database" in result.stderr
    assert not default.exists()


def test_through_a_symlink_a_hard_link_and_another_spelling(
    cli: CliInvoke, inputs: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    export = inputs["export"]
    before = export.read_bytes()
    os.symlink(export, tmp_path / "link.csv")
    os.link(export, tmp_path / "hard.csv")
    monkeypatch.chdir(tmp_path)
    for output in ("link.csv", "hard.csv", "./chat.csv", "sub/../chat.csv", str(tmp_path / "chat.csv")):
        result = cli("audit", "chat.csv", "-o", output, "--force")
        assert result.exit_code == 2, output
        assert "which is the chat export being audited" in result.stderr
    # the export named through the link is the same file too
    result = cli("audit", "link.csv", "-o", "chat.csv", "--force")
    assert result.exit_code == 2
    assert export.read_bytes() == before


def test_inside_an_export_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "slack"
    (folder / "general").mkdir(parents=True)
    for lang_output in (folder / "report.md", folder / "general" / "2026-01-01.json"):
        with pytest.raises(SqtoolError) as caught:
            refuse_input_as_output(lang_output, [("export", str(folder))])
        assert caught.value.key == "fs.output_in_export_folder"


def test_other_paths_and_stdin_pass(cli: CliInvoke, inputs: dict[str, Path], tmp_path: Path) -> None:
    refuse_input_as_output(tmp_path / "report.md", [("export", "-"), ("plan", None), ("roster", inputs["roster"])])
    refuse_input_as_output(None, [("export", inputs["export"])])
    with pytest.raises(ValueError):
        refuse_input_as_output(tmp_path / "r.md", [("bogus", "x")])
    result = cli("audit", str(inputs["export"]), "-o", str(tmp_path / "report.md"))
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "report.md").is_file()


@pytest.mark.parametrize(("lang", "expected"), [("en", "which is the configuration this check reads"),
                                                ("zh", "而它正是这次检查读取的配置文件")])  # fmt: skip
@pytest.mark.parametrize("discovered", [False, True])
def test_check_refuses_its_config(
    cli: CliInvoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, expected: str, discovered: bool
) -> None:
    """check's configuration is an input too: given with --config, or found in the folder."""
    shutil.copyfile(PLAN, tmp_path / "plan.yaml")
    config = tmp_path / ".sqtool.yaml"
    config.write_text("select: SQ201\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    given = [] if discovered else ["--config", str(config)]
    result = cli("--lang", lang, "check", "plan.yaml", *given, "-o", str(config), "--force")
    assert result.exit_code == 2 and expected in result.stderr
    assert config.read_text(encoding="utf-8") == "select: SQ201\n"
