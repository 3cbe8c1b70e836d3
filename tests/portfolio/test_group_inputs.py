"""What a group takes from the manifest besides its exports (roster, plan, time zone, defaults), the
progress bar's terminal rule, and Ctrl-C stopping real worker processes."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from sqtool.portfolio import jobs_for, period_of
from sqtool.portfolio.executors import open_executor, run_jobs
from sqtool.portfolio.job import audit_group
from sqtool.portfolio.manifest import parse_manifest
from tests.conftest import REPO
from tests.portfolio.groups import PEOPLE, chat_rows, write_csv

JUNE = (date(2026, 6, 1), date(2026, 6, 30))


def _outcome(tmp_path: Path, manifest: str):
    loaded = parse_manifest(manifest, "groups.yaml", base=tmp_path)
    return audit_group(jobs_for(loaded, *JUNE)[0])


def test_a_roster_counts_the_lurkers(tmp_path: Path) -> None:
    """15 posters and a roster of 25 (the 15 and 10 who never wrote): 10 lurkers of 25."""
    write_csv(tmp_path / "a.csv", chat_rows(datetime(2026, 6, 1), 30, PEOPLE, 5))
    names = [*PEOPLE, *(f"潜水{n}" for n in range(10))]
    (tmp_path / "roster.csv").write_text("name\n" + "\n".join(names) + "\n", encoding="utf-8")
    outcome = _outcome(tmp_path, "groups:\n  - {name: a, exports: a.csv, roster: roster.csv}\n")
    assert outcome.figures is not None
    assert (outcome.figures.members, outcome.figures.active) == (25, 15)
    assert outcome.figures.lurker_share == pytest.approx(10 / 25)


def test_the_default_plan_is_checked_and_used(tmp_path: Path) -> None:
    """defaults.plan reaches every group: the example plan gives drift and its size; a plan the schema
    refuses fails only its group, with the plan's line."""
    write_csv(tmp_path / "a.csv", chat_rows(datetime(2026, 6, 1), 30, PEOPLE, 5))
    (tmp_path / "bad.yaml").write_text("community:\n  name: 1\n  size: many\n", encoding="utf-8")
    plan = REPO / "examples" / "plan.yaml"
    manifest = (
        f"defaults: {{plan: '{plan}'}}\n"
        "groups:\n  - {name: a, exports: a.csv}\n  - {name: b, exports: a.csv, plan: bad.yaml}\n"
    )
    loaded = parse_manifest(manifest, "groups.yaml", base=tmp_path)
    good, bad = (audit_group(job) for job in jobs_for(loaded, *JUNE))
    assert good.figures is not None and good.figures.plan_path == str(plan) and good.figures.drift
    assert bad.figures is None and bad.failure is not None and bad.failure.key == "audit.plan_invalid"
    assert bad.failure.where.startswith(str(tmp_path / "bad.yaml") + ":")


def test_a_missing_export_and_an_empty_glob_fail_only_their_group(tmp_path: Path) -> None:
    write_csv(tmp_path / "a.csv", chat_rows(datetime(2026, 6, 1), 3, PEOPLE, 2))
    manifest = (
        "groups:\n  - {name: a, exports: a.csv}\n  - {name: b, exports: gone.csv}\n  - {name: c, exports: 'c-*.txt'}\n"
    )
    loaded = parse_manifest(manifest, "groups.yaml", base=tmp_path)
    outcomes = run_jobs(jobs_for(loaded, *JUNE))
    assert outcomes[0].figures is not None and outcomes[0].figures.messages == 6
    assert outcomes[1].failure is not None and outcomes[1].failure.key == "fs.not_found"
    assert outcomes[2].failure is not None and outcomes[2].failure.key == "portfolio.glob_empty"


def test_the_progress_bar_shows_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Redirected stderr or --quiet: no bar (no callback); on a terminal: a callback per group."""
    import io
    import sys

    from sqtool.commands.portfolio import _progress
    from sqtool.settings import Settings

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stderr", io.StringIO())
    with _progress(Settings()) as on_done:
        assert on_done is None
    monkeypatch.setattr(sys, "stderr", Terminal())
    with _progress(Settings(quiet=True)) as on_done:
        assert on_done is None
    with _progress(Settings()) as on_done:
        assert on_done is not None
        on_done(None, 1, 2)  # a failed group has no figures: still counted


def test_ctrl_c_stops_the_worker_processes(tmp_path: Path) -> None:
    """An interrupt in the main process cancels what is queued and ends the running workers."""
    for index in range(6):
        write_csv(tmp_path / f"g{index}.csv", chat_rows(datetime(2026, 6, 1), 30, PEOPLE, 20))
    manifest = "groups:\n" + "".join(f"  - {{name: g{i}, exports: g{i}.csv}}\n" for i in range(6))
    jobs = jobs_for(parse_manifest(manifest, "groups.yaml", base=tmp_path), *period_of(None, None, JUNE[1]))

    def interrupt(outcome, done, total):
        raise KeyboardInterrupt

    workers = []
    with pytest.raises(KeyboardInterrupt), open_executor(None, 2) as executor:
        assert executor is not None
        workers = executor._processes  # type: ignore[attr-defined]
        run_jobs(jobs, executor, interrupt)
    for process in list(workers.values()):
        process.join(10)
        assert not process.is_alive()
