"""Coverage-guided fuzzing of the native code: atheris (libFuzzer) under AddressSanitizer.

    python tests/native/fuzz_coverage.py TARGET [--build DIR] [--corpus DIR] [LIBFUZZER OPTION ...] [INPUT ...]

TARGET is one native entry point: ``telegram`` (TelegramReader), ``discord`` (DiscordReader), ``whatsapp``
(the line scanner and its date runs) or ``threads`` (the conversation model against the Python one, and
broken calls). The export is also read as a file by both backends (fuzz_native.differential), which must
agree: for every WhatsApp input, for 1 JSON input in 8 (as its bytes choose: a file costs 20 feeds).
The random harnesses of fuzz_native.py, fuzz_whatsapp.py and fuzz_threads.py do the work; here libFuzzer
chooses their inputs, keeping those that reach new edges of the C++ code.

Builds sqtool._native._core with clang++ ``-fsanitize=address,fuzzer-no-link`` into --build (a temporary
folder by default; fuzz_native.build), writes a seed corpus (the existing harnesses' seeds) and a libFuzzer
dictionary (their tokens and keys) there, then reruns itself with atheris's ``asan_with_fuzzer.so``
preloaded. Every input is read as 16 bytes of choices (InputRandom: chunk cuts, input limits, failing
callbacks, string width, zone; for ``threads`` the whole input is choices) and the document. Options that
start with ``-`` go to libFuzzer (``-max_total_time=600``, ``-runs=N``, ``-seed=S``, ``-jobs=N``); later
ones win over the defaults (``-timeout=30``: an input that takes longer is a hang, ``-max_len``, ``-dict``,
``-artifact_prefix=BUILD/TARGET-``). New inputs go to --corpus (BUILD/corpus-TARGET by default). Any crash,
ASan report, uncaught exception (a differing backend, a wrong type out) or hang stops the run with a
non-zero exit and the input in BUILD/TARGET-crash-* (or -timeout-*); give that file as INPUT to run it
again alone. tests/native/test_fuzz_coverage.py runs a bounded run of each target; docs/performance.md
records longer ones.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import fuzz_native  # noqa: E402  # the shared build, load, ASan re-run, seeds and JSON harness
import fuzz_threads  # noqa: E402
import fuzz_whatsapp  # noqa: E402

TARGETS = ("telegram", "discord", "whatsapp", "threads")
HEADER = 16  # bytes of choices before the document (the JSON and WhatsApp targets)
MAX_LEN = {"telegram": 4096, "discord": 4096, "whatsapp": 4096, "threads": 2048}


class InputRandom(random.Random):
    """A random.Random whose draws are read from the fuzz input's bytes, so that libFuzzer's mutations
    change the harnesses' choices (choice, randrange, sample, random all go through random() and
    getrandbits()); once the bytes run out, the draws come from a Mersenne Twister seeded with them, so
    that one input always gives the same run."""

    def __init__(self, choices: bytes) -> None:
        self._choices = choices
        self._at = 0
        super().__init__(choices)

    def random(self) -> float:
        if self._at < len(self._choices):
            self._at += 1
            return self._choices[self._at - 1] / 256
        return super().random()

    def getrandbits(self, k: int) -> int:
        size = (k + 7) // 8
        if self._at + size <= len(self._choices):
            value = int.from_bytes(self._choices[self._at : self._at + size], "little")
            self._at += size
            return value & ((1 << k) - 1)
        self._at = len(self._choices)
        return super().getrandbits(k)


def seeds(target: str) -> list[bytes]:
    """The seed corpus: the existing harnesses' seeds (and, for the JSON readers, seeds with odd field
    values), each behind a few headers of choices; for ``threads`` a few streams of choices."""
    rng = random.Random(22)
    if target == "threads":
        return [bytes(64), *(rng.randbytes(rng.choice((64, 512, 2048))) for _ in range(7))]
    headers = [bytes(HEADER), b"\xff" * HEADER, *(rng.randbytes(HEADER) for _ in range(2))]
    if target == "whatsapp":
        documents = fuzz_whatsapp.SEEDS
    else:
        documents = [*fuzz_native.SEEDS[target], *(fuzz_native.mutate_fields(rng, target) for _ in range(4))]
    return [header + document for header in headers for document in documents]


def dictionary(target: str) -> str:
    """A libFuzzer dictionary: the mutators' tokens, and for the JSON readers their quoted keys too."""
    if target == "threads":
        return ""
    if target == "whatsapp":
        tokens = list(fuzz_whatsapp.TOKENS)
    else:
        keys = {key.split(".")[-1] for key in fuzz_native.KEYS[target]}
        tokens = [*fuzz_native.TOKENS, *(f'"{key}"'.encode() for key in sorted(keys))]
    lines = []
    for token in dict.fromkeys(tokens):
        escaped = "".join(chr(byte) if 32 <= byte < 127 and byte not in b'"\\' else f"\\x{byte:02x}" for byte in token)
        lines.append(f'"{escaped}"')
    return "\n".join(lines) + "\n"


def harness(target: str, directory: Path) -> Callable[[bytes], None]:
    """The function libFuzzer calls with each input (the sanitized module already loaded)."""
    core = fuzz_threads.prepare(directory) if target == "threads" else fuzz_native.load(directory)
    if target == "threads":
        return lambda data: fuzz_threads.one(core, InputRandom(data))
    path = directory / f"current-{target}"

    def json(data: bytes) -> None:
        rng = InputRandom(data[:HEADER])
        fuzz_native.feed(core, target, data[HEADER:], rng)
        if rng.random() < 1 / 8:  # a file read by both backends costs 20 feeds: 1 input in 8 (as its bytes say)
            path.write_bytes(data[HEADER:])
            fuzz_native.differential(path, target, rng)

    if target in ("telegram", "discord"):
        return json

    def whatsapp(data: bytes) -> None:
        rng = InputRandom(data[:HEADER])
        text = data[HEADER:].decode("utf-8", "replace")
        width = rng.randrange(3)  # the 2-byte kind of string, the 1-byte one, the 4-byte one
        if width == 1:
            text = text.encode("latin-1", "replace").decode("latin-1")
        elif width == 2:
            text += "😀"
        fuzz_whatsapp.feed(core, text, rng)
        path.write_bytes(data[HEADER:])
        fuzz_native.differential(path, "whatsapp", rng)

    return whatsapp


def child(target: str, directory: Path, options: list[str]) -> int:
    import atheris

    test = harness(target, directory)
    atheris.Setup([sys.argv[0], *options], test)
    atheris.Fuzz()
    return 0  # not reached: libFuzzer exits the process


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("target", choices=TARGETS)
    parser.add_argument("--build", type=Path, help="the folder of the sanitized build, seeds and findings")
    parser.add_argument("--corpus", type=Path, help="where libFuzzer keeps the inputs it finds")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    arguments, options = parser.parse_known_args()
    directory = (arguments.build or Path(tempfile.mkdtemp(prefix="sqtool-fuzz-coverage-"))).resolve()
    target = arguments.target
    if arguments.child:
        return child(target, directory, options)
    directory.mkdir(parents=True, exist_ok=True)
    seeded = directory / f"seeds-{target}"
    seeded.mkdir(exist_ok=True)
    for number, seed in enumerate(seeds(target)):
        (seeded / f"seed-{number:02d}").write_bytes(seed)
    corpus = (arguments.corpus or directory / f"corpus-{target}").resolve()
    corpus.mkdir(parents=True, exist_ok=True)
    defaults = [
        "-timeout=30",
        f"-max_len={MAX_LEN[target]}",
        f"-artifact_prefix={directory}/{target}-",
        "-print_final_stats=1",
    ]
    words = dictionary(target)
    if words:
        (directory / f"{target}.dict").write_text(words)
        defaults.append(f"-dict={directory / f'{target}.dict'}")
    inputs = [option for option in options if not option.startswith("-")]
    flags = [option for option in options if option.startswith("-")]
    folders = [] if inputs else [str(corpus), str(seeded)]  # INPUT files: run them alone, do not fuzz
    return fuzz_native.rerun_under_asan(
        __file__, [target, *defaults, *flags, *inputs, *folders], directory, coverage=True
    )


if __name__ == "__main__":
    sys.exit(main())
