"""Fuzz the native JSON readers under AddressSanitizer: no input may crash them, read out of bounds or hang.

    python tests/native/fuzz_native.py [--format telegram|discord|all] [--iterations N] [--seed S] [--build DIR]

Builds sqtool._native._core with ``-fsanitize=address`` (gcc or clang, into --build, a temporary
folder by default), then runs itself again under the ASan runtime (LD_PRELOAD) and feeds each
reader (TelegramReader, DiscordReader: both on the splitter of jsonitems.h) mutated exports of its
format: bytes flipped, inserted and deleted, runs cut out and spliced from other seeds, nesting,
escapes (lone and paired surrogates), huge numbers and odd times, or fields of its messages set to
odd values, each input fed in chunks cut at random places, with or without input limits; the
callbacks into Python (the hour's start, the zone of a time, a text's kind) sometimes fail, so that
the error paths run too. Any ASan report or crash ends the run with a non-zero exit and the input
is written to --build/crash-FORMAT-SEED.json. tests/native/test_fuzz.py runs a short bounded run of
each format; docs/performance.md and docs/security.md record longer ones.
"""

from __future__ import annotations

import argparse
import copy
import importlib.util
import json
import os
import random
import subprocess
import sys
import sysconfig
import tempfile
import time
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from functools import partial
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

TELEGRAM_SEEDS: list[bytes] = [
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
_AUTHOR = {"id": "111111111111111111", "name": "mlomb", "discriminator": "0", "nickname": "阿果", "isBot": False}
DISCORD_SEEDS: list[bytes] = [
    json.dumps(
        {
            "guild": {"id": "1", "name": "G"},
            "channel": {"id": "2", "type": "GuildTextChat", "name": "general"},
            "messages": [
                {"id": "10", "type": "Default", "timestamp": "2023-01-17T19:33:07.489+00:00", "timestampEdited": None,
                 "content": "hi 👆", "author": _AUTHOR, "attachments": [], "embeds": [], "stickers": [],
                 "reactions": [{"emoji": {"id": "", "name": "👆"}, "count": 2}], "mentions": []},
                {"id": 11, "type": "Reply", "timestamp": "2023-01-17T19:34:07.1234567+08:00", "content": "a.b https://x.io",
                 "author": {"id": 7, "name": "bot", "isBot": True}, "reference": {"messageId": "10"},
                 "mentions": [{"id": "111111111111111111"}, {"id": None}, 5], "attachments": [{"id": "1"}]},
                {"id": "12", "type": "GuildMemberJoin", "timestamp": "2023-01-17T19:35:07Z", "content": "",
                 "author": {"id": "8", "name": "new"}},
                {"id": "13", "timestamp": "2023-01-17T19:36:07-05:30", "content": " ", "author": None,
                 "stickers": [{"id": "1"}], "attachments": 1},
            ],
            "messageCount": 4,
        },
        ensure_ascii=False,
        indent=2,
    ).encode()
    + b"\n",
    b'{"messages": [{"type": "Default", "content": "\\ud83d\\udc46 \\ud83d \\udc46 \\u0000", "id": 1.5e300,'
    b' "timestamp": "2023-02-29T24:00:00.+24:00"}, [], "x", null]}',
    b'\xef\xbb\xbf{"messages":[\r\n{"id":12345678901234567890,"timestamp":"2023-01-17T19:33:07Z","author":'
    b'{"id":"1","id":"2"}}\r\n,\r\n{}]}',
    b'{"messages": [' + b'{"embeds": [' * 40 + b"]}" * 40 + b"]}",
]  # fmt: skip
SEEDS = {"telegram": TELEGRAM_SEEDS, "discord": DISCORD_SEEDS}
TOKENS = [b"{", b"}", b"[", b"]", b",", b":", b'"', b"\\", b"\\u", b"\\ud800", b"\\udc46", b"\\ud83d\\udc46", b"-",
          b"0" * 25, b"1e999", b"\xff", b"\xf0\x9f", b"\r\n", b'"message"', b'"date_unixtime"', b'"from"', b'"text"',
          b"null", b"true", b"false", b"0.0", b'"Default"', b'"Reply"', b'"timestamp"', b'"author"', b'"nickname"',
          b'"mentions"', b'"reference"', b'"messageId"', b'"content"', b'"stickers"', b'"attachments"', b'"isBot"',
          b'"2023-01-17T19:33:07.1234567+08:00"', b"+08:00", b"Z", b".123", b"T23:59:60"]  # fmt: skip


SANITIZED = "-O1 -g -fsanitize=address -fno-omit-frame-pointer"
# clang's coverage counters and comparison hooks as well, for libFuzzer (fuzz_coverage.py, under atheris)
COVERAGE = "-O1 -g -fsanitize=address,fuzzer-no-link -fno-omit-frame-pointer"


def build(directory: Path, *, coverage: bool = False) -> Path:
    """The extension compiled with AddressSanitizer, as ``directory``/_core.so (with ``coverage``: by clang++,
    instrumented for libFuzzer too)."""
    target = directory / ("_core" + sysconfig.get_config_var("EXT_SUFFIX"))
    if target.exists():
        return target
    sys.path.insert(0, str(REPO))
    from hatch_build import compile_native

    os.environ["SQTOOL_NATIVE_FLAGS"] = COVERAGE if coverage else SANITIZED
    if coverage:
        os.environ["CXX"] = os.environ.get("SQTOOL_FUZZ_CLANG", "clang++")
    why = compile_native(REPO, target)
    if why is not None:
        raise SystemExit(f"fuzz: cannot build the sanitized module: {why}")
    return target


def asan_runtime(*, coverage: bool = False) -> str:
    """The ASan runtime to preload: the compiler's libasan, or (``coverage``) atheris's ASan with libFuzzer."""
    if coverage:
        import atheris

        return str(Path(atheris.path()) / "asan_with_fuzzer.so")
    return subprocess.run(
        [os.environ.get("CXX", "c++"), "-print-file-name=libasan.so"], capture_output=True, text=True, check=True
    ).stdout.strip()


def rerun_under_asan(script: str, arguments: list[str], directory: Path, *, coverage: bool = False) -> int:
    """Build the sanitized module into ``directory``, then run ``script --child ARGUMENTS --build
    DIRECTORY`` with the ASan runtime preloaded (leaks not checked, abort on the first error): its exit code.
    Python allocates with malloc there (PYTHONMALLOC), so a read past a Python string's or list's end is
    caught too, not hidden in one of pymalloc's pools."""
    runtime = asan_runtime(coverage=coverage)
    build(directory, coverage=coverage)
    environment = dict(
        os.environ, LD_PRELOAD=runtime, ASAN_OPTIONS="detect_leaks=0:abort_on_error=1", PYTHONMALLOC="malloc"
    )
    environment.pop("SQTOOL_BACKEND", None)
    command = [sys.executable, script, "--child", *arguments, "--build", str(directory)]
    return subprocess.run(command, env=environment, check=False).returncode


def load(directory: Path) -> object:
    """The sanitized build in ``directory``, imported as sqtool._native._core in place of any other build."""
    sys.path.insert(0, str(REPO / "src"))
    target = directory / ("_core" + sysconfig.get_config_var("EXT_SUFFIX"))
    spec = importlib.util.spec_from_file_location("sqtool._native._core", target)
    assert spec is not None and spec.loader is not None
    core = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(core)
    sys.modules["sqtool._native._core"] = core
    import sqtool._native

    assert sqtool._native._imported()[0] is core
    return core


def mutate(
    rng: random.Random, data: bytes, seeds: list[bytes], tokens: list[bytes] = TOKENS, longest: int = 300
) -> bytes:
    """``data`` with 1 to 6 random edits: a flipped byte, a token, a cut, a run of another seed, a
    truncation, a token repeated up to ``longest`` times (every harness of tests/native/ uses it)."""
    buf = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        action = rng.randrange(6)
        at = rng.randint(0, len(buf))
        if action == 0 and buf:
            buf[min(at, len(buf) - 1)] = rng.randrange(256)
        elif action == 1:
            buf[at:at] = rng.choice(tokens)
        elif action == 2:
            del buf[at : at + rng.randint(1, 40)]
        elif action == 3:
            other = rng.choice(seeds)
            start = rng.randint(0, len(other))
            buf[at:at] = other[start : start + rng.randint(1, 200)]
        elif action == 4:
            buf = buf[: rng.randint(0, len(buf))]
        else:
            buf[at:at] = rng.choice(tokens) * rng.randint(1, longest)
    return bytes(buf)


VALUES: list[object] = [
    None, True, False, 0, 1, -7, 1.5, 0.0, 1e300, 2**63, "", " ", "x", "a.b", "https://x.io", "\ud83d", "\udc46 x",
    "😀", "1740823200", "-3601", "2023-01-17T19:33:07.1+08:00", "2023-02-29T10:00:00Z", "2023-01-17T19:33:07",
    [], [{}], [1, "x"], {}, {"id": 5}, {"id": None}, {"messageId": "1"}, [{"id": "1"}, {"id": 2}, 3],
    {"type": "mention", "text": "@b"},
]  # fmt: skip
KEYS = {
    "telegram": ["id", "type", "date_unixtime", "date", "from", "from_id", "text", "reply_to_message_id", "media_type",
                 "photo", "action", "members"],
    "discord": ["id", "type", "timestamp", "content", "author", "attachments", "stickers", "reference", "mentions",
                "author.id", "author.name", "author.nickname", "author.isBot", "reference.messageId"],
}  # fmt: skip


def mutate_fields(rng: random.Random, name: str) -> bytes:
    """A seed whose messages have some fields set to odd values (each field's checks, not the splitter's)."""
    document = json.loads(SEEDS[name][0])
    for item in document["messages"]:
        for _ in range(rng.randint(0, 3)):
            key = rng.choice(KEYS[name])
            value = copy.deepcopy(rng.choice(VALUES))  # a fresh list or object: none is shared by two fields
            if "." in key:
                outer, inner = key.split(".")
                if isinstance(item.get(outer), dict):
                    item[outer][inner] = value
            else:
                item[key] = value
    return json.dumps(document, ensure_ascii=True).encode()


SECONDS = [timedelta(seconds=second) for second in range(3600)]


def reader(core: object, name: str, rng: random.Random) -> object:
    """A native reader of format ``name``, with callbacks that sometimes answer None and sometimes fail."""
    from sqtool.chat.model import Message, MessageKind

    start = datetime(2025, 1, 1, tzinfo=UTC)
    seconds = SECONDS  # one list for every reader: 3,600 timedeltas made per input were most of a run's time
    failing = rng.random() < 0.1  # some readers meet a failing callback: the error paths run too

    def hour_start(hour: int) -> datetime | None:
        if failing and hour % 5 == 0:
            raise RuntimeError("fuzz: a failing callback")
        return None if hour % 7 == 0 else start + timedelta(hours=hour % 100000)

    def zone_of(suffix: str) -> tzinfo | None:
        if failing and suffix.startswith("-"):
            raise RuntimeError("fuzz: a failing callback")
        return None if suffix.endswith("5") else UTC if suffix == "Z" else timezone(timedelta(minutes=len(suffix)))

    def kind_of(text: str) -> MessageKind:
        if failing and len(text) % 3 == 0:
            raise RuntimeError("fuzz: a failing callback")
        return MessageKind.LINK

    # no limits, small ones (the stops near a limit) or the defaults
    limits = {
        "max_item": rng.choice((64, 4096)),
        "depth": rng.choice((0, 4, 100)),
        "string_bytes": rng.choice((0, 16, 1 << 20)),
        "int_digits": rng.choice((0, 3, 100)),
    }
    if name == "telegram":
        runs: dict[str, object] = {}
        if rng.random() < 0.5:  # the audit's mode: usual messages into MessageRuns (columns)
            from sqtool.chat.model import MessageRun

            def when(second: float) -> datetime:
                return start + timedelta(seconds=second % 10**9)

            span = rng.choice(((0, 1 << 62), (1740000000, 1750000000), (0, -1)))
            runs = {"run_type": partial(MessageRun, when), "low": span[0], "high": span[1]}
        return core.TelegramReader(Message, MessageKind.TEXT, kind_of, hour_start, seconds, **limits, **runs)  # type: ignore[attr-defined]
    kinds = (MessageKind.TEXT, MessageKind.MEDIA, MessageKind.STICKER)
    return core.DiscordReader(Message, kinds, kind_of, zone_of, ("Default", "Reply"), **limits)  # type: ignore[attr-defined]


def feed(core: object, name: str, data: bytes, rng: random.Random) -> None:
    """Feed ``data`` (from after the array's opening, as the glue does) in random chunks until the reader stops."""
    from sqtool.chat.model import Message, MessageRun

    native = reader(core, name, rng)
    opening = data.find(b"[")
    rest = data[opening + 1 :] if opening >= 0 else data
    while True:
        size = rng.choice((1, 2, 7, 64, 4096))
        chunk, rest = rest[:size], rest[size:]
        try:
            items, status, tail = native.feed(chunk)  # type: ignore[attr-defined]
        except RuntimeError as error:  # a failing callback: the glue stops reading natively there
            assert "fuzz: a failing callback" in str(error), error
            return
        for item in items:
            assert type(item) in (Message, bytes, MessageRun), type(item)
            if type(item) is MessageRun:
                columns = (item.ids, item.seconds, item.sender_ids, item.sender_names, item.texts, item.kinds)
                assert len(item) > 0 and all(len(column) == len(item) for column in (*columns, item.reply_to))
        if status != 0 or not rest:
            assert (tail is not None) == (status == 1)
            # the line breaks the splitter counted (the glue's line numbers): never more than were fed
            assert 0 <= native.newlines() <= data.count(b"\n")  # type: ignore[attr-defined]
            return


def differential(path: Path, export_format: str, rng: random.Random) -> None:
    """Both backends read the file (strict or --lenient, a random zone; for WhatsApp a random date order): the
    same records, skips and warnings, or the same error at the same place."""
    from zoneinfo import ZoneInfo

    from sqtool._native import ENVIRONMENT
    from sqtool.chat.read import read_exports
    from sqtool.errors import SqtoolError

    zone = ZoneInfo(rng.choice(("UTC", "Europe/Berlin", "Asia/Shanghai")))
    lenient = rng.random() < 0.5
    order = rng.choice((None, None, "dmy", "mdy")) if export_format == "whatsapp" else None
    outcomes = []
    for backend in ("python", "native"):
        os.environ[ENVIRONMENT] = backend
        try:
            chat = read_exports([path], format=export_format, tz=zone, lenient=lenient, date_order=order)
            outcomes.append(("read", list(chat), chat.skipped, repr(chat.warnings)))
        except SqtoolError as error:
            outcomes.append(("error", error.key, error.line, error.col, error.args_for_message))
    if outcomes[0] != outcomes[1]:
        raise AssertionError(f"the backends differ ({zone}, lenient={lenient}, order={order}):\n{outcomes}")


def run(names: list[str], iterations: int, seed: int, directory: Path) -> int:
    _core = load(directory)
    for name in names:
        rng = random.Random(seed)
        seeds = SEEDS[name]
        started = time.monotonic()
        for number in range(iterations):
            if number % 10 == 0:
                data = rng.choice(seeds)
            elif number % 3 == 0:
                data = mutate_fields(rng, name)
            else:
                data = mutate(rng, rng.choice(seeds), seeds)
            (directory / f"current-{name}.json").write_bytes(data)
            feed(_core, name, data, rng)
        print(f"fuzz {name}: {iterations} inputs, no crash, no ASan report, {time.monotonic() - started:.1f} s")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--format", choices=[*SEEDS, "all"], default="all")
    parser.add_argument("--iterations", type=int, default=20000, help="inputs per format")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--build", type=Path)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    directory = arguments.build or Path(tempfile.mkdtemp(prefix="sqtool-fuzz-"))
    names = list(SEEDS) if arguments.format == "all" else [arguments.format]
    if arguments.child:
        return run(names, arguments.iterations, arguments.seed, directory)
    options = ["--format", arguments.format, "--iterations", str(arguments.iterations), "--seed", str(arguments.seed)]
    returncode = rerun_under_asan(__file__, options, directory)
    if returncode != 0:
        inputs = sorted(directory.glob("current-*.json"), key=lambda path: path.stat().st_mtime)
        if inputs:  # the newest input is the one of the format that failed
            name = inputs[-1].stem.removeprefix("current-")
            crash = directory / f"crash-{name}-{arguments.seed}.json"
            inputs[-1].rename(crash)
            print(f"fuzz: the run failed (exit {returncode}); its last {name} input is in {crash}", file=sys.stderr)
    return returncode


if __name__ == "__main__":
    sys.exit(main())
