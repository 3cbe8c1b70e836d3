"""Fuzz the native WhatsApp line scanner under AddressSanitizer: no input may crash it, read out of bounds, hang,
or read differently from the Python reader.

    python tests/native/fuzz_whatsapp.py [--iterations N] [--seed S] [--build DIR]

Builds sqtool._native._core with ``-fsanitize=address`` (as tests/native/fuzz_native.py does), reruns
itself under the ASan runtime with that build in place of any other, and for each input:
  * feeds the scanner and the date runs (its own callbacks into the Python reader) the mutated text cut
    into blocks at random places, in all three string widths (Latin-1, UCS-2 and astral text), with
    random line numbers, and checks that only records come out;
  * writes it as a file and reads it through ``read_exports`` with both backends (strict or
    --lenient, a random zone and date order): records, skips, warnings and errors must be identical.
Mutations: bytes flipped, inserted and deleted, runs cut out and spliced from other seeds, header
pieces (brackets, digits of other scripts, AM/PM, marks, blanks, dashes), CR and LF runs. Any ASan
report, crash or difference ends the run with a non-zero exit; the input is kept as --build/crash-*.txt.
tests/native/test_fuzz.py runs a short bounded run; docs/performance.md records a longer one.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))
import fuzz_native  # noqa: E402  # the shared build, mutator and ASan re-run

LRM, NNBSP, NBSP = "\u200e", "\u202f", "\u00a0"

SEEDS: list[bytes] = [
    (
        b"12/9/20, 23:55 - Bob: hello\n13/9/20, 00:01 - Ann: hi there\nsecond line\n\n"
        b"13/9/20, 00:02 - Ann: @Bob https://x.io\n13/9/20, 00:03 - Bob left\n31/02/20, 10:00 - A: bad\n"
    ),
    (
        f"[15/01/20, 2:22:56 PM] Mary: hi\n{LRM}[15/01/20, 2:22:57{NNBSP}p.{NBSP}m.] Club: {LRM}Ana added Bruno\n"
        f"[15/01/20, 14:23:00] Tom: {LRM}image omitted\n[15/01/20, 14:23:01] Tom: {LRM}This message was deleted.\n"
    ).encode(),
    "٠١/٠٣/٢٠٢٤, ٠٩:٠٠ - أحمد: مرحبا\n１/３/２４, １０:００ - A: 😀\n2024-03-01, 10:00 - 阿果: 怎么做？\n".encode(),
    b"\xef\xbb\xbf01/03/2024, 09:00 - A: x\r\n01/03/2024, 09:61 - B: y\r01/03/2024, 25:00 - C: z\r\n\xff\n",
    "01/03/2024, 09:00 - Messages and calls are end-to-end encrypted.\n01/03/2024, 09:01 - A: x\n".encode("utf-16"),
]
TOKENS = [
    b"[", b"]", b"/", b".", b"-", b":", b", ", b" - ", "–".encode(), b" AM", b" p.m.", NNBSP.encode(), NBSP.encode(),
    LRM.encode(), "\u202a".encode(), "\ufeff".encode(), "٣".encode(), "３".encode(), "😀".encode(), b"\n", b"\r",
    b"\r\n", b"\x00", b"\xff", b"12", b"2024", b"99999", b"@", b"://", b"www.", b" omitted", b": ",
]  # fmt: skip


def mutate(rng: random.Random, data: bytes) -> bytes:
    return fuzz_native.mutate(rng, data, SEEDS, TOKENS, longest=60)


def feed(core: object, text: str, rng: random.Random) -> None:
    """Feed ``text`` to a scanner in random blocks (each a run of lines after a "\n", as textio makes them)."""
    from datetime import UTC

    from sqtool.chat.errors import ReadContext
    from sqtool.chat.model import Event, Message
    from sqtool.chat.native_lines import make_scanner
    from sqtool.chat.readers.whatsapp import DAY_FIRST, MONTH_FIRST, _date_fields, _scanners
    from sqtool.errors import SqtoolError

    ctx = ReadContext("fuzz.txt", UTC, lenient=rng.random() < 0.5)
    head = text.encode("utf-8", "replace")
    scanner = make_scanner(core, ctx, rng.choice((DAY_FIRST, MONTH_FIRST)), head)
    dates = _scanners(head)[1].match

    def unsure(line: str) -> tuple[str, ...] | None:
        found = dates("\n" + line)
        return None if found is None else _date_fields(found.groups())

    lines = text.split("\n")
    number = rng.randint(1, 10**6)
    out: list[object] = []
    try:
        while lines:
            size = rng.choice((1, 2, 5, 50))
            block, lines = lines[:size], lines[size:]
            for run in core.whatsapp_dates("\n" + "\n".join(block), unsure):  # type: ignore[attr-defined]
                assert len(run) == 5 and run[4] >= 1, run
            scanner.block(number, "\n" + "\n".join(block), out)  # type: ignore[attr-defined]
            number += len(block)
        scanner.finish(out)
    except SqtoolError:
        return
    for record in out:
        assert type(record) in (Message, Event), type(record)


def run(iterations: int, seed: int, directory: Path) -> int:
    _core = fuzz_native.load(directory)
    rng = random.Random(seed)
    started = time.monotonic()
    path = directory / "current.txt"
    for number in range(iterations):
        data = mutate(rng, rng.choice(SEEDS)) if number % 10 else rng.choice(SEEDS)
        path.write_bytes(data)
        text = data.decode("utf-8", "replace")
        feed(_core, text, rng)
        feed(_core, text.encode("latin-1", "replace").decode("latin-1"), rng)  # the 1-byte string kind
        feed(_core, text + "😀", rng)  # the 4-byte kind
        fuzz_native.differential(path, "whatsapp", rng)
    print(f"fuzz: {iterations} inputs, no crash, no ASan report, no difference, {time.monotonic() - started:.1f} s")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--iterations", type=int, default=20000)
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
        crash = directory / f"crash-{arguments.seed}.txt"
        if (directory / "current.txt").exists():
            (directory / "current.txt").rename(crash)
        print(f"fuzz: the scanner failed (exit {returncode}); input kept in {crash}", file=sys.stderr)
    return returncode


if __name__ == "__main__":
    sys.exit(main())
