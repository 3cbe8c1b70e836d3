"""The native module built with clang (the compiler of macOS wheels) reads and audits exactly as the Python
readers do: what gcc's build is held to by the differential suites, on a smaller set of inputs."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import textwrap
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.native.test_build import compile_native
from tests.native.test_discord_differential import export, message

CLANG = shutil.which("clang++")
FIXTURES = REPO / "tests" / "fixtures" / "chat"


def telegram(path: Path) -> Path:
    """A Telegram export whose questions get replies, so the audit's conversation model has work to do."""
    messages = [
        {"id": n, "type": "message", "date_unixtime": str(1740823200 + 300 * n), "from": f"m{n % 7}",
         "from_id": f"user{n % 7}", "text": "怎么报名？" if n % 5 == 0 else "好的，谢谢",
         **({"reply_to_message_id": n - 1} if n % 5 == 1 else {})}
        for n in range(1, 400)
    ]  # fmt: skip
    path.write_text(json.dumps({"name": "G", "messages": messages}, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.slow
@pytest.mark.skipif(CLANG is None, reason="clang++ is not installed (apt-get install clang)")
def test_a_clang_build_reads_and_audits_as_the_python_readers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """CXX=clang++: the hook builds the module; a copy of sqtool holding it says it runs the native readers, and
    reads every WhatsApp fixture, a Telegram and a Discord export, and audits them, as its Python readers do."""
    assert CLANG is not None
    monkeypatch.setenv("CXX", CLANG)
    monkeypatch.delenv("SQTOOL_NATIVE_FLAGS", raising=False)
    site = tmp_path / "site"
    shutil.copytree(
        REPO / "src" / "sqtool",
        site / "sqtool",
        ignore=shutil.ignore_patterns("_core*", "*.cpp", "*.h", "simdjson", "__pycache__"),
    )
    assert compile_native(REPO, site / "sqtool" / "_native" / f"_core{sysconfig.get_config_var('EXT_SUFFIX')}") is None

    discord = tmp_path / "discord.json"
    discord.write_text(export([message(n, content="怎么加入？" if n % 4 == 0 else "ok") for n in range(120)]), "utf-8")
    exports = {
        telegram(tmp_path / "result.json"): "telegram",
        FIXTURES / "telegram_truncated.json": "telegram",
        discord: "discord",
        **dict.fromkeys(sorted(FIXTURES.glob("whatsapp_*.txt")), "whatsapp"),
    }

    environment = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "SQTOOL_BACKEND")}
    environment["PYTHONPATH"] = os.pathsep.join([str(site), str(REPO)])  # sqtool from the copy, tests from here
    script = textwrap.dedent(
        """
        import sys
        from pathlib import Path
        import sqtool
        from sqtool._native import core
        from tests.native.helpers import both
        assert sqtool.__file__.startswith(sys.argv[1]), sqtool.__file__
        assert core() is not None
        for argument in sys.argv[2:]:
            export_format, name = argument.split("=", 1)
            python, native = both(Path(name), export_format=export_format)
            assert python == native, name
            assert python[0] == "read" or "truncated" in name, (name, python)  # the cut file: the same error
        print(len(sys.argv) - 2)
        """
    )
    read = subprocess.run(
        [sys.executable, "-c", script, str(site), *(f"{name}={path}" for path, name in exports.items())],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert read.returncode == 0, read.stderr[-3000:]
    assert int(read.stdout) == len(exports) > 10

    def sqtool(*arguments: str, backend: str = "native") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "sqtool", *arguments],
            cwd=tmp_path,
            env={**environment, "SQTOOL_BACKEND": backend},
            capture_output=True,
            text=True,
            timeout=300,
        )

    assert sqtool("--version").stdout.splitlines()[1].startswith("backend: native (C++, simdjson")
    for path in (tmp_path / "result.json", discord, FIXTURES / "whatsapp_en_android.txt"):
        native = sqtool("--quiet", "audit", str(path), "--tz", "UTC", "--report", "json")
        python = sqtool("--quiet", "audit", str(path), "--tz", "UTC", "--report", "json", backend="python")
        assert native.returncode in (0, 1), native.stderr
        assert (native.returncode, json.loads(native.stdout)) == (python.returncode, json.loads(python.stdout))
