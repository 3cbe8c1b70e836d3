"""Every rule's fixture pair: tests/rules/<ID>/fail/*.yaml with expected.json beside them, pass/*.yaml clean.

The whole pipeline runs (load, schema, rules, inline disables) with only the rule under test selected.
Drift rules (SQ8xx) are the audit's: each plan is audited against the export beside it (plan.csv), in UTC.
Calendar rules (SQ9xx) are `sqtool plan`'s: each plan is laid out over four weeks from 2026-06-01.
"""

from __future__ import annotations

import json
import threading
from datetime import UTC, date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sqtool.audit.engine import run_audit
from sqtool.audit.options import AuditOptions
from sqtool.chat.read import read_exports
from sqtool.plan.load import load_plan
from sqtool.plan.model import PlanModel
from sqtool.rules.config import CheckConfig
from sqtool.rules.engine import check_files
from sqtool.rules.registry import all_rules, rules_by_id

HERE = Path(__file__).resolve().parent
TODAY = date(2026, 6, 1)  # SQ203 counts a group's age from its launch date up to "today"
CALENDAR_START = date(2026, 6, 1)  # calendar rules (SQ9xx) lay the plan out from this Monday


def _cases() -> list[tuple[str, str, Path]]:
    return [
        (folder.name, kind, plan)
        for folder in sorted(HERE.glob("SQ*"))
        for kind in ("fail", "pass")
        for plan in sorted((folder / kind).glob("*.yaml"))
    ]


def _findings(rule_id: str, plan: Path, lang: str = "en") -> list:
    if rules_by_id()[rule_id].family == "drift":
        return [finding for finding in _audit_findings(plan, lang) if finding.rule_id == rule_id]
    if rules_by_id()[rule_id].family == "schedule":
        return [finding for finding in _calendar_findings(plan, lang) if finding.rule_id == rule_id]
    result = check_files([str(plan)], CheckConfig(select=(rule_id,)), lang=lang, today=TODAY)
    return [finding for finding in result.findings if finding.rule_id == rule_id]


def _calendar_findings(plan: Path, lang: str) -> tuple:
    """`sqtool plan` over four weeks from Monday 2026-06-01 (CALENDAR_START), in the plan's zone or UTC."""
    from sqtool.i18n import Translator
    from sqtool.schedule.kit import build_kit

    model = PlanModel.of(load_plan(plan, lang=lang))
    zone = model.community.timezone.value if model.community.timezone is not None else "UTC"
    return build_kit(model, CALENDAR_START, 4, ZoneInfo(zone), zone, Translator(lang)).findings


def _audit_findings(plan: Path, lang: str) -> tuple:
    options = AuditOptions(tz=UTC, plan=PlanModel.of(load_plan(plan, lang=lang)), lang=lang)
    return run_audit(read_exports([str(plan.with_suffix(".csv"))], tz=UTC), options).findings


@pytest.mark.parametrize(("rule_id", "kind", "plan"), _cases(), ids=lambda v: v.name if isinstance(v, Path) else v)
def test_fixture(rule_id: str, kind: str, plan: Path) -> None:
    found = _findings(rule_id, plan)
    if kind == "pass":
        assert found == [], [f"{f.line}:{f.col} {f.message}" for f in found]
        return
    expected = json.loads((plan.parent / "expected.json").read_text(encoding="utf-8"))[plan.name]
    assert len(found) == len(expected), [f"{f.line}:{f.col} {f.message}" for f in found]
    unmatched = list(found)
    for entry in expected:
        match = next(
            (
                f
                for f in unmatched
                if f.rule_id == entry["id"] and (f.line, f.col) == (entry["line"], entry["col"])
                if entry["message"] in f.message
            ),
            None,
        )
        assert match is not None, f"no finding {entry} among {[(f.line, f.col, f.message) for f in unmatched]}"
        unmatched.remove(match)
        assert match.hint and "{" not in match.hint, "every finding carries a formatted hint"
        assert match.path == str(plan)


def test_every_rule_has_a_fixture_pair_with_expectations() -> None:
    for rule in all_rules():
        folder = HERE / rule.id
        fails = sorted((folder / "fail").glob("*.yaml"))
        passes = sorted((folder / "pass").glob("*.yaml"))
        assert fails and passes, f"{rule.id} needs tests/rules/{rule.id}/fail/*.yaml and pass/*.yaml"
        expected = json.loads((folder / "fail" / "expected.json").read_text(encoding="utf-8"))
        assert sorted(expected) == [plan.name for plan in fails], rule.id
        assert all(expected.values()), f"{rule.id}: every failing fixture expects at least one finding"


def test_fixture_messages_are_chinese_with_lang_zh() -> None:
    for rule in all_rules():
        for plan in sorted((HERE / rule.id / "fail").glob("*.yaml")):
            english = _findings(rule.id, plan, "en")
            chinese = _findings(rule.id, plan, "zh")
            assert [(f.line, f.col) for f in english] == [(f.line, f.col) for f in chinese]
            for en, zh in zip(english, chinese, strict=True):
                assert en.message != zh.message or rule.id == "SQ001", (rule.id, en.message)


def test_worker_processes_give_the_same_findings_in_order() -> None:
    plans = [str(plan) for _, kind, plan in _cases() if kind == "fail"][:12]
    serial = check_files(plans, CheckConfig(), today=TODAY, workers=1)
    parallel = check_files(plans, CheckConfig(), today=TODAY, workers=2)
    assert parallel == serial and serial.findings


@pytest.mark.filterwarnings("error::DeprecationWarning")
def test_worker_processes_are_not_forked_from_a_threaded_process() -> None:
    """A host with threads of its own (a notebook, a Dask client left running) gets workers from a fork
    server: forking a threaded process may deadlock the child (Python 3.12 warns, an error here); the
    command line, one thread, still forks."""
    from sqtool.rules.engine import start_method

    plans = [str(plan) for _, kind, plan in _cases() if kind == "fail"][:4]
    serial = check_files(plans, CheckConfig(), today=TODAY, workers=1)
    stop = threading.Event()
    busy = threading.Thread(target=stop.wait, daemon=True)
    busy.start()
    try:
        assert start_method() in ("forkserver", "spawn")
        assert check_files(plans, CheckConfig(), today=TODAY, workers=2) == serial
    finally:
        stop.set()
        busy.join()


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="the system's thread count is read from /proc (Linux)")
@pytest.mark.filterwarnings("error::DeprecationWarning")
def test_a_thread_python_does_not_count_still_keeps_the_workers_from_forking(monkeypatch: pytest.MonkeyPatch) -> None:
    """A thread started outside `threading` (by a C library, or `_thread` as here) is not in
    threading.active_count(), but fork() would copy the process with it all the same (Python 3.12
    warns; an error here): the workers then come from a fork server too."""
    import _thread

    from sqtool.rules import engine

    plans = [str(plan) for _, kind, plan in _cases() if kind == "fail"][:4]
    serial = check_files(plans, CheckConfig(), today=TODAY, workers=1)
    python_threads, system_threads = threading.active_count(), engine._os_threads()
    held, started = _thread.allocate_lock(), _thread.allocate_lock()
    held.acquire()
    started.acquire()

    def wait() -> None:
        started.release()
        held.acquire()

    _thread.start_new_thread(wait, ())
    started.acquire()
    try:
        assert threading.active_count() == python_threads  # invisible to threading
        assert engine._os_threads() == system_threads + 1  # seen by the system
        # as in the command line, where this would be the only thread Python knows of
        monkeypatch.setattr(threading, "active_count", lambda: 1)
        assert engine.start_method() in ("forkserver", "spawn")
        assert check_files(plans, CheckConfig(), today=TODAY, workers=2) == serial
    finally:
        held.release()
