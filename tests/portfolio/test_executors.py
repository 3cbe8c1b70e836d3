"""Where the jobs run: this process, worker processes and a real 2-worker Dask LocalCluster give the
same outcomes; a lost worker fails only its own group; outcomes keep the manifest's order."""

from __future__ import annotations

import json
import multiprocessing
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

import sqtool
from sqtool.errors import SqtoolError
from sqtool.portfolio import jobs_for, period_of
from sqtool.portfolio.executors import open_executor, run_jobs
from sqtool.portfolio.job import audit_group
from sqtool.portfolio.manifest import load_manifest
from tests.portfolio.groups import UNTIL, four_groups


@pytest.fixture
def manifest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return four_groups(tmp_path)


@pytest.mark.filterwarnings("error::DeprecationWarning")
def test_serial_processes_and_a_dask_local_cluster_agree(manifest: Path) -> None:
    """The Python API with no executor, a ProcessPoolExecutor of 2 and a Dask LocalCluster of 2 workers:
    the same outcomes (figures, failures, statuses and ranks); the jobs really ran in other processes.
    The pool starts its workers as `--jobs` does (a fork server): this test process may hold threads
    of an earlier Dask test, and forking a threaded process is what Python 3.12 warns of."""
    from distributed import Client, LocalCluster

    serial = sqtool.portfolio("groups.yaml", until=UNTIL)
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("forkserver")) as pool:
        processes = sqtool.portfolio("groups.yaml", until=UNTIL, executor=pool)
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with cluster, Client(cluster) as client:
        dask = sqtool.portfolio("groups.yaml", until=UNTIL, executor=client.get_executor())
    assert serial.outcomes == processes.outcomes == dask.outcomes
    assert [(g.rank, g.name, g.status) for g in serial.groups] == [(g.rank, g.name, g.status) for g in dask.groups]
    assert [g.status for g in serial.groups] == ["failed", "act", "dormant", "healthy"]
    import os

    assert {outcome.worker for outcome in processes.outcomes} != {os.getpid()}
    assert os.getpid() not in {outcome.worker for outcome in dask.outcomes}


def test_the_cli_gives_the_same_report_with_jobs_and_with_dask(cli, manifest: Path) -> None:
    """`--jobs 2` and `--executor dask --jobs 2` write the very JSON the serial run writes."""
    args = ("portfolio", "groups.yaml", "--until", UNTIL, "-r", "json", "--fail-on", "never")
    serial = cli(*args)
    assert serial.exit_code == 0, serial.stderr
    assert cli(*args, "--jobs", "2").stdout == serial.stdout
    dask = cli(*args, "--jobs", "2", "--executor", "dask")
    assert dask.exit_code == 0, dask.stderr
    assert dask.stdout == serial.stdout
    assert len(json.loads(serial.stdout)["groups"]) == 4


class _Reversed(Executor):
    """Runs every job when asked for the results, finishing them last first; the second job's worker dies."""

    def __init__(self) -> None:
        self.futures: list[tuple[Future, object]] = []

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def]
        future: Future = Future()
        self.futures.append((future, args[0]))
        if len(self.futures) == 4:
            for index, (pending, job) in reversed(list(enumerate(self.futures))):
                if index == 1:
                    pending.set_exception(BrokenProcessPool("a child process terminated abruptly"))
                else:
                    pending.set_result(fn(job))
        return future


def test_outcomes_keep_the_manifest_order_and_a_lost_worker_fails_only_its_group(manifest: Path) -> None:
    loaded = load_manifest("groups.yaml")
    since, until = period_of(None, None, __import__("datetime").date(2026, 6, 30))
    jobs = jobs_for(loaded, since, until)
    done: list[tuple[str, int, int]] = []
    outcomes = run_jobs(jobs, _Reversed(), lambda outcome, count, total: done.append((outcome.name, count, total)))
    assert [outcome.name for outcome in outcomes] == [group.name for group in loaded.groups]
    lost = outcomes[1]
    assert lost.figures is None and lost.failure is not None and lost.failure.key == "portfolio.worker_lost"
    assert "child process terminated abruptly" in lost.failure.message
    assert outcomes[0].figures is not None and outcomes[0].figures.messages == 360
    assert [count for _, count, _ in done] == [1, 2, 3, 4] and {total for _, _, total in done} == {4}


def test_one_job_is_pure_and_small(manifest: Path) -> None:
    """The same job gives the same outcome twice, and what crosses to the main process is small."""
    import pickle

    loaded = load_manifest("groups.yaml")
    since, until = period_of(None, None, __import__("datetime").date(2026, 6, 30))
    job = jobs_for(loaded, since, until)[0]
    first, second = audit_group(job), audit_group(job)
    assert first == second
    assert len(pickle.dumps(first)) < 2000 and len(pickle.dumps(job)) < 2000


def test_dask_missing_or_unreachable_is_said_plainly(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the extra installed, and with no scheduler at the address: clear errors, not tracebacks."""
    import sys

    with pytest.raises(SqtoolError) as caught, open_executor("dask://127.0.0.1:9", 1):
        pass
    assert caught.value.key == "portfolio.dask_unreachable"
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(SqtoolError) as caught, open_executor("dask", 2):
        pass
    assert caught.value.key == "portfolio.no_dask"
