"""Fuzz the native Telegram reader under AddressSanitizer: no input may crash it, read out of bounds or hang.

    python tests/native/fuzz_telegram.py [--iterations N] [--seed S] [--build DIR]

Builds sqtool._native._core with ``-fsanitize=address`` (gcc or clang, into --build, a temporary
folder by default), then runs itself again under the ASan runtime (LD_PRELOAD) and feeds the reader
mutated exports: bytes flipped, inserted and deleted, runs cut out and spliced from other seeds,
nesting, escapes and huge numbers, each input fed in chunks cut at random places. Any ASan report
or crash ends the run with a non-zero exit and the input is written to --build/crash-*.json.
tests/native/test_fuzz.py runs a short bounded run; docs/performance.md records a longer one.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import subprocess
import sys
import sysconfig
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

SEEDS: list[bytes] = [
    json.dumps(
        {
            "name": "G",
            "messages": [
                {"id": 1, "type": "message", "date_unixtime": "1740823200", "from": "阿果", "from_id": "u1",
                 "text": "hi"},
                {"id": 2, "type": "message", "date_unixtime": "1740823260", "from": "B", "from_id": "", "text": "a.b",
                 "reply_to_message_id": 1},
                {"id": 3, "type": "service", "date_unixtime": "1740823300", "actor": "A", "action": "invite_members",
                 "members": ["C"]},
                {"id": "4", "type": "message", "date_unixtime": "-5", "from": "C", "from_id": "u3",
                 "text": ["x ", {"type": "mention", "text": "@B"}], "photo": "p.jpg"},
            ],
        },
        ensure_ascii=False,
    ).encode()
    + b"\n",
    b'{"messages": [{"type": "message", "text": "\\ud83d\\ude00 \\u0000 \\" \\\\", "id": 1.5e300}, [], "x", null]}',
    b'\xef\xbb\xbf{"messages":[\r\n{"id":12345678901234567890,"type":"message"}\r\n,\r\n{}]}',
    b'{"messages": [' + b'{"a": [' * 40 + b"]}" * 40 + b"]}",
]  # fmt: skip
TOKENS = [b"{", b"}", b"[", b"]", b",", b":", b'"', b"\\", b"\\u", b"\\ud800", b"-", b"0" * 25, b"1e999", b"\xff",
          b"\xf0\x9f", b"\r\n", b'"message"', b'"date_unixtime"', b'"from"', b'"text"', b"null", b"true"]  # fmt: skip


def build(directory: Path) -> Path:
    """The extension compiled with AddressSanitizer, as ``directory``/_core.so."""
    target = directory / ("_core" + sysconfig.get_config_var("EXT_SUFFIX"))
    if target.exists():
        return target
    sys.path.insert(0, str(REPO))
    from hatch_build import compile_native

    os.environ["SQTOOL_NATIVE_FLAGS"] = "-O1 -g -fsanitize=address -fno-omit-frame-pointer"
    why = compile_native(REPO, target)
    if why is not None:
        raise SystemExit(f"fuzz: cannot build the sanitized module: {why}")
    return target


def mutate(rng: random.Random, data: bytes) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        action = rng.randrange(6)
        at = rng.randint(0, len(buf))
        if action == 0 and buf:
            buf[min(at, len(buf) - 1)] = rng.randrange(256)
        elif action == 1:
            buf[at:at] = rng.choice(TOKENS)
        elif action == 2:
            del buf[at : at + rng.randint(1, 40)]
        elif action == 3:
            other = rng.choice(SEEDS)
            start = rng.randint(0, len(other))
            buf[at:at] = other[start : start + rng.randint(1, 200)]
        elif action == 4:
            buf = buf[: rng.randint(0, len(buf))]
        else:
            buf[at:at] = rng.choice(TOKENS) * rng.randint(1, 300)
    return bytes(buf)


def feed(core: object, data: bytes, rng: random.Random) -> None:
    """Feed ``data`` (from after the array's opening, as the glue does) in random chunks until the reader stops."""
    from sqtool.chat.model import Message, MessageKind

    start = datetime(2025, 1, 1, tzinfo=UTC)
    seconds = [timedelta(seconds=second) for second in range(3600)]

    def hour_start(hour: int) -> datetime | None:
        return None if hour % 7 == 0 else start + timedelta(hours=hour % 100000)

    reader = core.TelegramReader(Message, MessageKind.TEXT, lambda text: MessageKind.LINK, hour_start, seconds, 4096)  # type: ignore[attr-defined]
    opening = data.find(b"[")
    rest = data[opening + 1 :] if opening >= 0 else data
    while True:
        size = rng.choice((1, 2, 7, 64, 4096))
        chunk, rest = rest[:size], rest[size:]
        items, status, tail = reader.feed(chunk)
        for item in items:
            assert type(item) in (Message, bytes), type(item)
        if status != 0 or not rest:
            assert (tail is not None) == (status == 1)
            return


def run(iterations: int, seed: int, directory: Path) -> int:
    sys.path.insert(0, str(REPO / "src"))
    # the sanitized build, under the module's own name, in place of any other build
    target = directory / ("_core" + sysconfig.get_config_var("EXT_SUFFIX"))
    spec = importlib.util.spec_from_file_location("sqtool._native._core", target)
    assert spec is not None and spec.loader is not None
    _core = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(_core)
    rng = random.Random(seed)
    started = time.monotonic()
    for number in range(iterations):
        data = mutate(rng, rng.choice(SEEDS)) if number % 10 else rng.choice(SEEDS)
        (directory / "current.json").write_bytes(data)
        feed(_core, data, rng)
    print(f"fuzz: {iterations} inputs, no crash, no ASan report, {time.monotonic() - started:.1f} s")
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
    build(directory)
    runtime = subprocess.run(
        [os.environ.get("CXX", "c++"), "-print-file-name=libasan.so"], capture_output=True, text=True, check=True
    ).stdout.strip()
    environment = dict(os.environ, LD_PRELOAD=runtime, ASAN_OPTIONS="detect_leaks=0:abort_on_error=1")
    environment.pop("SQTOOL_BACKEND", None)
    child = subprocess.run(
        [sys.executable, __file__, "--child", "--iterations", str(arguments.iterations), "--seed", str(arguments.seed),
         "--build", str(directory)],
        env=environment,
        check=False,
    )  # fmt: skip
    if child.returncode != 0:
        crash = directory / f"crash-{arguments.seed}.json"
        if (directory / "current.json").exists():
            (directory / "current.json").rename(crash)
        print(f"fuzz: the reader failed (exit {child.returncode}); input kept in {crash}", file=sys.stderr)
    return child.returncode


if __name__ == "__main__":
    sys.exit(main())
