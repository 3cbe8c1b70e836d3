"""Mutated exports, plans, configs, answers files and rosters through the whole CLI, in-process.

The property: every exit code is 0, 1 or 2, the last-resort "internal error" handler is never
reached, JSON output always parses, and no temporary file is left behind. The default profile runs
a bounded number of cases per family (seconds in CI); ``SQTOOL_FUZZ_LONG=1`` runs 10,000 per family
(``SQTOOL_FUZZ_EXAMPLES`` overrides the count, ``SQTOOL_FUZZ_LOG`` collects failing cases, with the
counts at the end of each family in ``LOG.counts`` and every 1,000 cases in ``LOG.progress``). The
figures of the long run are in docs/security.md.
"""

from __future__ import annotations

import json
import os
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz.mutate import mutated
from tests.fuzz.runner import Case, log_problem, run_case
from tests.fuzz.seeds import EXPORTS, FILES

LONG = os.environ.get("SQTOOL_FUZZ_LONG", "") not in ("", "0")
EXAMPLES = int(os.environ.get("SQTOOL_FUZZ_EXAMPLES", "10000" if LONG else "25"))
FAMILIES = {**EXPORTS, **FILES}
CASE_SECONDS = 20  # long profile: a case slower than this is reported (as an internal TimeoutError)
MEMORY_BYTES = 3 * 1024**3  # long profile: the address space a run may use; past it MemoryError is reported


@pytest.fixture(scope="module", autouse=True)
def _bounded_when_long() -> Iterator[None]:
    """In the long profile, cap memory and time so a runaway case is a finding, not a dead machine."""
    if not LONG:
        yield
        return
    import resource
    import signal

    limits = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, limits[1]))

    def too_slow(signum: int, frame: object) -> None:
        raise TimeoutError(f"case took over {CASE_SECONDS} s")

    previous = signal.signal(signal.SIGALRM, too_slow)
    try:
        yield
    finally:
        signal.signal(signal.SIGALRM, previous)
        resource.setrlimit(resource.RLIMIT_AS, limits)


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_no_fuzzed_input_reaches_the_internal_error_handler(family: str) -> None:
    found: list[str] = []
    count, problems = [0], [0]

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=not LONG,  # CI replays the same cases; the long profile explores
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=mutated(FAMILIES[family]), variant=st.integers(min_value=0, max_value=10_000))
    def run(case: tuple, variant: int) -> None:
        seed, data, mutations = case
        count[0] += 1
        if LONG and count[0] % 1000 == 0 and (summary := os.environ.get("SQTOOL_FUZZ_LOG")):
            with open(summary + ".progress", "a", encoding="utf-8") as stream:  # how far a long run has come
                stream.write(json.dumps({"family": family, "cases": count[0], "problems": problems[0]}) + "\n")
        fuzz_case = Case(family, seed, data, mutations, variant)
        with tempfile.TemporaryDirectory(prefix="sqtool-fuzz-") as folder:
            if LONG:
                signal.alarm(CASE_SECONDS)
            try:
                outcome = run_case(fuzz_case, Path(folder))
            finally:
                if LONG:
                    signal.alarm(0)
        if outcome.problem is not None:
            problems[0] += 1
            log_problem(fuzz_case, outcome)
            if len(found) < 1000:
                found.append(f"{seed.name} {mutations} {outcome.args[-6:]}: {outcome.problem}")

    try:
        run()
    finally:  # the figures of a long run are kept even when a case escaped hypothesis itself
        if LONG and (summary := os.environ.get("SQTOOL_FUZZ_LOG")):
            with open(summary + ".counts", "a", encoding="utf-8") as stream:
                stream.write(json.dumps({"family": family, "cases": count[0], "problems": problems[0]}) + "\n")
    assert found == [], "\n".join(found[:20])
