"""Coverage-guided fuzzing of the native code (fuzz_coverage.py: atheris's libFuzzer under AddressSanitizer,
the module built by clang++ with -fsanitize=address,fuzzer-no-link): a bounded run of each target, and the
harness's own parts (the input-driven random choices, the seeds and the dictionary). Longer runs:
docs/performance.md. Needs clang++ and atheris (the test extra installs atheris on Linux x86_64; .ci/run
installs Debian's clang): a machine without them skips the runs, except in CI (CI=true), where they fail."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.native import fuzz_coverage
from tests.native.fuzz_coverage import HEADER, InputRandom
from tests.native.helpers import needs_native

HERE = Path(__file__).parent


def test_the_choices_come_from_the_input_bytes() -> None:
    """The harnesses' draws are read from the input (so libFuzzer's mutations steer them): byte 0 picks the
    first option, 255 the last; the same input always gives the same draws, after the bytes run out too."""
    assert InputRandom(b"\x00").choice("abc") == "a"
    assert InputRandom(b"\x02").choice("abc") == "c"
    assert InputRandom(b"\x80").random() == 0.5
    assert InputRandom(b"\x05\x01").randrange(1, 400) == 1 + 0x105
    one, other = InputRandom(b"xyz"), InputRandom(b"xyz")
    assert [one.randrange(1000) for _ in range(50)] == [other.randrange(1000) for _ in range(50)]
    assert InputRandom(b"xyz").sample(range(100), 5) != InputRandom(b"xyw").sample(range(100), 5)


def test_the_seed_corpus_and_dictionary_are_the_existing_harnesses() -> None:
    """Each JSON seed of fuzz_native.py (and fuzz_whatsapp.py's) is in the corpus behind a header of choices, and
    every dictionary line is a quoted libFuzzer token whose bytes are the mutator's token."""
    from tests.native import fuzz_native, fuzz_whatsapp

    for target, originals in (("telegram", fuzz_native.TELEGRAM_SEEDS), ("whatsapp", fuzz_whatsapp.SEEDS)):
        documents = {seed[HEADER:] for seed in fuzz_coverage.seeds(target)}
        assert set(originals) <= documents
    lines = fuzz_coverage.dictionary("discord").splitlines()
    assert '"\\x5cu"' in lines and '"\\xf0\\x9f"' in lines and '"\\x22messageId\\x22"' in lines
    for line in lines:
        assert re.fullmatch(r'"([\x20-\x21\x23-\x5b\x5d-\x7e]|\\x[0-9a-f]{2})+"', line), line
    assert fuzz_coverage.dictionary("threads") == ""


def _tools() -> str | None:
    """Why the coverage-guided runs cannot run here, or None."""
    if sys.platform != "linux":
        return "atheris's ASan runtime with libFuzzer is built for Linux"
    if shutil.which(os.environ.get("SQTOOL_FUZZ_CLANG", "clang++")) is None:
        return "no clang++ (apt-get install clang)"
    if importlib.util.find_spec("atheris") is None:
        return "atheris is not installed (pip install -e '.[test]' on Linux x86_64)"
    return None


@pytest.fixture(scope="module")
def instrumented(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for the instrumented module, built once by the first run."""
    why = _tools()
    if why is not None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{why}: CI must run the coverage-guided fuzzing (.ci/run installs clang)")
        pytest.skip(why)
    return tmp_path_factory.mktemp("coverage")


def _run(target: str, build: Path, *options: str) -> str:
    result = subprocess.run(
        [sys.executable, str(HERE / "fuzz_coverage.py"), target, "--build", str(build), *options],
        capture_output=True,
        text=True,
        timeout=1200,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-6000:]
    return output


@pytest.mark.slow
@needs_native
@pytest.mark.parametrize("target", fuzz_coverage.TARGETS)
def test_a_bounded_coverage_guided_run_is_clean(target: str, instrumented: Path) -> None:
    """12 seconds of libFuzzer on each native entry point from the seed corpus: no crash, no ASan report, no
    differing backend, no input over 30 s; and libFuzzer sees the C++ code's edges (the instrumented module's
    coverage, hundreds of edges from the seeds alone), so it is the native code that guides it."""
    output = _run(target, instrumented, "-max_total_time=12", "-seed=22")
    inited = re.search(r"INITED cov: (\d+) ft: (\d+)", output)
    assert inited is not None, output[-3000:]
    assert int(inited.group(1)) > 300, output[-3000:]
    assert re.search(r"Done \d+ runs in \d+ second", output), output[-3000:]


@pytest.mark.slow
@needs_native
def test_an_input_given_by_name_runs_once_alone(instrumented: Path, tmp_path: Path) -> None:
    """A kept input (a finding, here a seed) named on the command line is run once, not fuzzed from: how a
    crash is replayed and checked after its fix."""
    kept = tmp_path / "telegram-crash-example"
    kept.write_bytes(fuzz_coverage.seeds("telegram")[0])
    output = _run("telegram", instrumented, str(kept))
    assert f"Running: {kept}" in output and f"Executed {kept}" in output, output[-3000:]
    assert "INITED" not in output
