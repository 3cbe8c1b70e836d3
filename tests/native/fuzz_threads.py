"""Fuzz the native conversation model (ThreadModel, _native/threads.cpp) under AddressSanitizer.

    python tests/native/fuzz_threads.py [--iterations N] [--seed S] [--build DIR]

Builds sqtool._native._core with ``-fsanitize=address`` (fuzz_native.build), reruns itself under the
ASan runtime and feeds models with small windows (a few recent ids, frequent pruning, short df blocks)
long random conversations in random batches: duplicate, dangling and surrogate ids, links forward and
back, mentions of anyone, times out of order, seqs far apart in the drawn bitmap; and broken calls
(columns of other lengths or types, members and days out of range, a question whose table row is
missing). Valid batches must give what the Python model gives; broken ones a Python exception. Any
ASan report or crash ends the run with a non-zero exit. tests/native/test_fuzz.py runs a bounded run.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))  # tests.audit.test_threads_native: the batches and the compared outcome
sys.path.insert(0, str(Path(__file__).resolve().parent))
import fuzz_native  # noqa: E402  # the shared build, load and ASan re-run

TEXTS = ("how do I export tags?", "export tags", "导出数据怎么弄？", "数据导出", "😀", "good morning", "amy, yes", "")


def conversation(rng: random.Random, count: int, members: int) -> list[tuple]:
    messages: list[tuple] = []
    ts = 1_767_000_000.0
    for n in range(count):
        ts += rng.choice((0, 1, 30, 299, 301, 900, 11_000, -60, -4000))
        ident = rng.choice((f"m{n}", f"m{n % 7}", "\ud800", f"id-{n}-" + "x" * rng.randrange(40)))
        reply_to = rng.choice((None, None, f"m{rng.randrange(n + 2)}", "\ud800", "gone"))
        targets = rng.choice(([], [], [rng.randrange(members)], [None, rng.randrange(members)]))
        text = rng.choice(TEXTS)
        messages.append((ident, rng.randrange(members), ts, int(ts // 86400) + 719_163, text, reply_to, targets))
    return messages


def prepare(directory: Path) -> object:
    """The sanitized module (fuzz_native.load), with the Python model's windows made small."""
    from sqtool.audit import threads

    core = fuzz_native.load(directory)
    small = {"RECENT_IDS": 5, "PRUNE_EVERY": 7, "DF_BLOCK": 6, "LAST": 3}
    for name, value in small.items():
        setattr(threads, name, value)
    threads.DF_WINDOW = 12
    threads._WEIGHTS = [math.log(13 / (count + 1)) for count in range(14)]
    return core


def one(core: object, rng: random.Random) -> None:
    """One random conversation in random batches through both models (the same answers), then broken calls."""
    from sqtool.audit.aggregate import Aggregate
    from sqtool.audit.threads import Threads
    from sqtool.audit.threads_native import NativeThreads
    from sqtool.chat.model import MessageKind
    from tests.audit.test_threads_native import _feed, _outcome

    members = rng.choice((2, 5, 300))
    raw = conversation(rng, rng.randrange(1, 400), members)
    messages = [
        (ident, sender, ts, day, text, MessageKind.TEXT, reply, targets, "?" in text or "？" in text)
        for ident, sender, ts, day, text, reply, targets in raw
    ]
    cuts = sorted(rng.sample(range(1, len(messages) + 1), min(len(messages), rng.randrange(1, 20))))
    python_agg, native_agg = Aggregate(), Aggregate()
    python = Threads(python_agg, rng.choice((30.0, 1440.0)), {"amy": 0})
    native = NativeThreads(native_agg, python.cutoff / 60, {"amy": 0}, core.ThreadModel, core.EdgeSet)  # type: ignore[attr-defined]
    for model in (python, native):
        _feed(model, messages, cuts)
        model.finish(messages[-1][2])
    assert _outcome(python_agg) == _outcome(native_agg), "the native model differs from the Python one"
    broken(core, native, rng)


def run(iterations: int, seed: int, directory: Path) -> int:
    core = prepare(directory)
    rng = random.Random(seed)
    started = time.monotonic()
    for _ in range(iterations):
        one(core, rng)
    print(f"fuzz: {iterations} conversations, no crash, no ASan report, {time.monotonic() - started:.1f} s")
    return 0


def broken(core: object, native: object, rng: random.Random) -> None:
    """Calls the glue never makes: each must raise, never crash."""
    model = native._model  # type: ignore[attr-defined]
    good = [["z"], [1], [1.0], [739_000], [False], [()], [None], [None], [False], [False]]
    changes = [
        (0, [1]),
        (1, [-1]),
        (1, [1 << 40]),
        (3, [-5]),
        (2, ["x"]),
        (5, [[1]]),
        (6, [3]),
        (7, [[-2]]),
        (7, [[1 << 30]]),
        (7, ["x"]),
        (rng.randrange(10), []),
        (rng.randrange(10), [None, None]),
        (9, [True]),  # a question whose row the table lacks
    ]
    for column, value in changes:
        args = [list(part) for part in good]
        args[column] = value
        try:
            model.feed(*args)
        except (TypeError, ValueError, IndexError, OverflowError):
            continue


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--iterations", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--build", type=Path)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    directory = arguments.build or Path(tempfile.mkdtemp(prefix="sqtool-fuzz-"))
    if arguments.child:
        return run(arguments.iterations, arguments.seed, directory)
    returncode = fuzz_native.rerun_under_asan(
        __file__, ["--iterations", str(arguments.iterations), "--seed", str(arguments.seed)], directory
    )
    if returncode != 0:
        print(f"fuzz: the conversation model failed (exit {returncode}), seed {arguments.seed}", file=sys.stderr)
    return returncode


if __name__ == "__main__":
    sys.exit(main())
