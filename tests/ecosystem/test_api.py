"""The Python API: sqtool.load_plan, sqtool.check, sqtool.audit -> AuditReport, tables, optional pandas."""

from __future__ import annotations

import json
import subprocess
import sys
import types
from datetime import date
from pathlib import Path

import pytest

import sqtool
from sqtool.render.audit_tables import COLUMNS
from tests.conftest import REPO
from tests.ecosystem.small_chat import write_small_chat

PLAN = REPO / "examples" / "plan.yaml"


def test_audit_returns_the_hand_counted_tables_as_lists_of_dicts(tmp_path: Path):
    chat, roster = write_small_chat(tmp_path)
    report = sqtool.audit([chat], roster=roster, tz="UTC")
    assert isinstance(report, sqtool.AuditReport)
    assert [(m["name"], m["messages"], m["lurker"]) for m in report.members] == [
        ("Alice", 3, False),
        ("Bob", 2, False),
        ("Carol", 2, False),
        ("Dan", 0, True),
    ]
    assert report.days == [
        {"day": date(2026, 3, 2), "messages": 3, "active_members": 2},
        {"day": date(2026, 3, 3), "messages": 2, "active_members": 2},
        {"day": date(2026, 3, 4), "messages": 2, "active_members": 2},
    ]
    document = report.to_dict()
    assert document["summary"]["messages"] == 7 and document["summary"]["members"] == 4
    assert document["responsiveness"]["questions"] == 2
    with pytest.raises(KeyError, match="choose one of"):
        report.table("nope")


def test_audit_takes_dates_zones_and_a_loaded_plan_like_the_command(tmp_path: Path, cli):
    chat, _ = write_small_chat(tmp_path)
    window = sqtool.audit(str(chat), since=date(2026, 3, 3), until="2026-03-03", tz="UTC")
    assert [day["day"] for day in window.days] == [date(2026, 3, 3)]
    from zoneinfo import ZoneInfo

    shanghai = sqtool.audit(chat, tz=ZoneInfo("Asia/Shanghai"))  # Tuesday 20:10 and 20:30 UTC are Wednesday 04:xx
    assert [day["messages"] for day in shanghai.days] == [3, 0, 4]
    by_path = sqtool.audit(REPO / "examples" / "demo-wechat.csv", plan=PLAN)
    by_model = sqtool.audit(REPO / "examples" / "demo-wechat.csv", plan=sqtool.load_plan(PLAN))
    assert by_path.to_dict() == by_model.to_dict()
    assert by_model.to_dict()["period"]["timezone"] == "Asia/Shanghai"  # the plan's zone, as the CLI
    result = cli(
        "audit", str(REPO / "examples" / "demo-wechat.csv"), "--plan", str(PLAN), "--report", "json", "--top", "0"
    )
    assert json.loads(result.stdout)["diagnoses"] == by_path.to_dict()["diagnoses"]
    assert [f.rule_id for f in by_path.findings] == [f.rule_id for f in by_model.findings] != []


def test_load_plan_and_check(tmp_path: Path):
    plan = sqtool.load_plan(PLAN)
    assert plan.community.name.value == "私域增长研习社" and plan.community.name.line == 7
    assert sqtool.check(PLAN) == []
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\ncommunity:\n  name: x\n  max_size: lots\n", "utf-8")
    findings = sqtool.check([bad])
    assert findings and findings[0].rule_id in ("SQ001", "SQ000")
    assert all(f.path == str(bad) for f in findings)
    assert "SQ101" not in {f.rule_id for f in sqtool.check(bad, ignore=["SQ101"])}
    assert {f.rule_id for f in sqtool.check(bad, select=["SQ001"])} == {"SQ001"}


def test_crlf_plans_load_with_the_same_positions(tmp_path: Path):
    """A plan saved with Windows line ends loads and checks exactly as the LF one."""
    crlf = tmp_path / "plan.yaml"
    crlf.write_bytes(PLAN.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    model = sqtool.load_plan(crlf)
    assert model.data == sqtool.load_plan(PLAN).data
    assert model.members.current_size.line == sqtool.load_plan(PLAN).members.current_size.line
    assert sqtool.check(crlf) == []


def test_crlf_plans_report_the_same_findings_at_the_same_places(cli, tmp_path: Path):
    """A failing plan saved with CRLF gets exactly the findings, lines and columns of its LF twin."""
    text = "version: 1\ncommunity:\n  name: 交流群\n  max_size: lots\nroles:\n  owner: 阿强\n"
    lf, crlf = tmp_path / "lf" / "plan.yaml", tmp_path / "crlf" / "plan.yaml"
    for path, newline in ((lf, "\n"), (crlf, "\r\n")):
        path.parent.mkdir()
        path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    found = [(f.rule_id, f.line, f.col, f.message) for f in sqtool.check(lf)]
    assert found and found == [(f.rule_id, f.line, f.col, f.message) for f in sqtool.check(crlf)]
    by_cli = cli("check", str(crlf), "--format", "json")
    assert by_cli.exit_code == 1
    located = {(f["message"], f["line"], f["col"]) for f in json.loads(by_cli.stdout)["findings"]}
    assert ("unknown key 'max_size' in 'community'", 4, 3) in located  # counted as the LF file counts


def test_bad_input_raises_input_error_with_place_and_language(tmp_path: Path):
    with pytest.raises(sqtool.InputError) as caught:
        sqtool.load_plan(tmp_path / "missing.yaml")
    assert caught.value.path == str(tmp_path / "missing.yaml") and caught.value.hint
    broken = tmp_path / "broken.yaml"
    broken.write_text("version: 1\ncommunity: [\n", "utf-8")
    with pytest.raises(sqtool.InputError) as located:
        sqtool.load_plan(broken)
    assert located.value.line is not None and str(located.value).startswith(f"{broken}:")
    with pytest.raises(sqtool.InputError) as chinese:
        sqtool.audit(tmp_path / "missing.csv", lang="zh")
    assert "不存在" in chinese.value.message
    chat, _ = write_small_chat(tmp_path)
    with pytest.raises(sqtool.InputError, match="not a date"):
        sqtool.audit(chat, since="March")


def test_frames_use_pandas_only_when_asked(tmp_path: Path, monkeypatch):
    """frame() hands the rows and columns to pandas.DataFrame (a stand-in module here: pandas is not a
    dependency); without pandas it says what to do."""
    chat, roster = write_small_chat(tmp_path)
    report = sqtool.audit(chat, roster=roster, tz="UTC")
    made: list[tuple[list[dict], list[str]]] = []
    fake = types.ModuleType("pandas")
    fake.DataFrame = lambda rows, columns: made.append((rows, columns)) or ("frame", len(rows))  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "pandas", fake)
    assert report.members_frame() == ("frame", 4)
    assert report.days_frame() == ("frame", 3)
    assert report.frame("heatmap") == ("frame", 7)
    assert made[0] == (report.members, list(COLUMNS["members"]))
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now fails as when it is not installed
    with pytest.raises(ModuleNotFoundError, match="pip install pandas"):
        report.frame("members")


def test_importing_and_auditing_never_imports_pandas(tmp_path: Path):
    chat, _ = write_small_chat(tmp_path)
    code = (
        "import sys, sqtool\n"
        f"r = sqtool.audit({str(chat)!r}, tz='UTC')\n"
        "r.members; r.days; r.to_dict(); [r.table(n) for n in r.table_names]\n"
        "import sqtool.audit.engine\n"  # the package keeps working as the function after a submodule import
        f"assert sqtool.audit({str(chat)!r}, tz='UTC').days == r.days\n"
        "print('pandas' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


def test_the_package_is_typed_and_the_wheel_says_so():
    """py.typed sits in the package; tests/plan/test_wheel.py checks the built wheel carries it."""
    assert (Path(sqtool.__file__).parent / "py.typed").is_file()
