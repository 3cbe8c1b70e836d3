"""Where the jobs run: in this process, in worker processes (``--jobs N``), or on a Dask distributed
cluster (``--executor dask`` for a local one, ``dask://HOST:PORT`` for a running scheduler).

Every executor is a ``concurrent.futures.Executor`` (Dask's through ``Client.get_executor()``), so
``run_jobs`` is the one loop for all of them, and the Python API accepts any executor. Outcomes come
back in the manifest's order whatever order the workers finish in; a worker that dies takes only
its own groups with it (each marked failed with the reason).
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor, as_completed
from contextlib import contextmanager

from sqtool.errors import SqtoolError
from sqtool.portfolio.job import Failure, GroupJob, GroupOutcome, audit_group

OnDone = Callable[[GroupOutcome, int, int], None]  # (outcome, groups done, groups in all)
MAX_JOBS = 1024
LOCAL = "processes"
DASK = "dask"
DASK_PREFIX = "dask://"


def run_jobs(
    jobs: Sequence[GroupJob], executor: Executor | None = None, on_done: OnDone | None = None
) -> list[GroupOutcome]:
    """Every job's outcome, in the order of ``jobs``: in this process when ``executor`` is None."""
    total = len(jobs)
    if executor is None:
        outcomes = []
        for done, job in enumerate(jobs, 1):
            outcome = audit_group(job)
            outcomes.append(outcome)
            if on_done is not None:
                on_done(outcome, done, total)
        return outcomes
    futures: dict[Future[GroupOutcome], int] = {
        executor.submit(audit_group, job): index for index, job in enumerate(jobs)
    }
    results: list[GroupOutcome | None] = [None] * total
    try:
        for done, future in enumerate(as_completed(futures), 1):
            index = futures[future]
            results[index] = _outcome(future, jobs[index])
            if on_done is not None:
                on_done(results[index], done, total)  # type: ignore[arg-type]
    except BaseException:  # Ctrl-C included: nothing queued starts any more
        for future in futures:
            future.cancel()
        raise
    return [outcome for outcome in results if outcome is not None]


def _outcome(future: Future[GroupOutcome], job: GroupJob) -> GroupOutcome:
    """The job's outcome, or a failed one when its worker could not deliver it (killed, out of memory)."""
    try:
        return future.result()
    except Exception as error:  # BrokenProcessPool, Dask's KilledWorker, a worker without sqtool...
        reason = f"{type(error).__name__}: {error}".strip().rstrip(":")
        failure = Failure("portfolio.worker_lost", "", reason)
        return GroupOutcome(job.entry.name, job.entry.tags, failure=failure)


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the main process, which cancels what is queued and stops them."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextmanager
def open_executor(spec: str | None, jobs: int) -> Iterator[Executor | None]:
    """The executor ``--executor`` names with ``--jobs`` workers; None (this process) for one local job."""
    if jobs < 1 or jobs > MAX_JOBS:
        raise SqtoolError("portfolio.bad_jobs", hint="portfolio.bad_jobs_hint", value=jobs, limit=MAX_JOBS)
    if spec in (None, LOCAL):
        if jobs == 1:
            yield None
            return
        yield from _process_pool(jobs)
        return
    if spec == DASK or spec.startswith(DASK_PREFIX):
        yield from _dask(spec, jobs)
        return
    raise SqtoolError("portfolio.bad_executor", hint="portfolio.bad_executor_hint", value=spec)


def _process_pool(jobs: int) -> Iterator[Executor]:
    methods = multiprocessing.get_all_start_methods()
    # not fork: the progress bar's thread (and the caller's) must not be copied into the workers
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    executor = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_ignore_interrupts)
    try:
        yield executor
    except BaseException:
        running = list((getattr(executor, "_processes", None) or {}).values())  # shutdown forgets them
        executor.shutdown(wait=False, cancel_futures=True)
        for process in running:  # the jobs already running stop too
            process.terminate()
        raise
    executor.shutdown(wait=True)


def _dask(spec: str, jobs: int) -> Iterator[Executor]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise SqtoolError("portfolio.no_dask", hint="portfolio.no_dask_hint") from None
    import logging

    if spec == DASK:
        cluster = LocalCluster(
            n_workers=jobs,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",  # a local cluster listens on this machine only
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        client = Client(cluster)
    else:
        address = spec[len(DASK_PREFIX) :]
        if not address:
            raise SqtoolError("portfolio.bad_executor", hint="portfolio.bad_executor_hint", value=spec)
        cluster = None
        try:
            client = Client(f"tcp://{address}", timeout="5s")
        except (OSError, TimeoutError) as error:
            raise SqtoolError(
                "portfolio.dask_unreachable", hint="portfolio.dask_unreachable_hint", address=address, reason=str(error)
            ) from None
    try:
        yield client.get_executor()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
