"""Every file sqtool writes survives `kill -9` mid-write (the old file intact, no stray temporary file
after the next run), a full disk is a clear error, and two processes saving history lose no row."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sqtool.errors import SqtoolError
from sqtool.fsutil import remove_stale_temporaries, write_atomic
from tests.conftest import REPO, CliInvoke

EXPORT = REPO / "examples" / "demo-wechat.csv"
PLAN = REPO / "examples" / "plan.yaml"
ENV = dict(os.environ, PYTHONPATH=str(REPO / "src"), LANG="en_US.UTF-8")

# a CLI run whose fsync (after the temporary file is written, before the rename) announces itself
# and then hangs, so the test can kill it exactly mid-write
_HANGING_WRITE = """
import os, sys, time
marker = sys.argv[1]
def hang(fd):
    open(marker, "w").close()
    time.sleep(120)
os.fsync = hang
sys.argv = ["sqtool", *sys.argv[2:]]
from sqtool.cli import main
main()
"""


def _kill_mid_write(tmp_path: Path, *args: str) -> None:
    marker = tmp_path / "in-fsync"
    child = subprocess.Popen([sys.executable, "-c", _HANGING_WRITE, str(marker), *args], env=ENV, cwd=tmp_path)
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert child.poll() is None, "the write finished or failed before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.05)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)


def _temporaries(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".tmp"))


@pytest.mark.parametrize(
    "command",
    [
        ("audit", str(EXPORT), "--tz", "UTC", "-r", "md", "-o", "report.md", "--force"),
        ("validate", str(PLAN), "-f", "json", "-o", "report.md", "--force"),
        ("init", "report.md", "--force", "--answers", "answers.yaml"),
    ],
)
def test_kill_9_mid_write_keeps_the_old_file_and_the_next_run_cleans_up(
    cli: CliInvoke, tmp_path: Path, command: tuple[str, ...]
) -> None:
    report = tmp_path / "report.md"
    report.write_text("the old report\n", encoding="utf-8")
    (tmp_path / "answers.yaml").write_text("playbook: retail\ncommunity.name: 读书会\n", encoding="utf-8")
    _kill_mid_write(tmp_path, *command)
    assert report.read_text(encoding="utf-8") == "the old report\n"
    stale = _temporaries(tmp_path)
    assert len(stale) == 1 and stale[0].startswith(".report.md.sqtool-"), stale
    os.chdir(tmp_path)
    try:
        refused = cli(*[part for part in command if part != "--force"])  # even a refused run cleans up
    finally:
        os.chdir(REPO)
    assert refused.exit_code == 2 and "already exists" in refused.stderr
    assert _temporaries(tmp_path) == []
    assert report.read_text(encoding="utf-8") == "the old report\n"


def test_a_temporary_file_of_a_live_writer_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    mine = tmp_path / f".report.txt.sqtool-{os.getpid()}-abc.tmp"  # this very process is writing it
    parent = tmp_path / f".report.txt.sqtool-{os.getppid()}-abc.tmp"  # another live process
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    gone = tmp_path / f".report.txt.sqtool-{dead.stdout.strip()}-xyz.tmp"
    foreign = tmp_path / ".report.txt.abc.tmp"  # not sqtool's naming: never touched
    for path in (mine, parent, gone, foreign):
        path.write_text("partial", encoding="utf-8")
    assert remove_stale_temporaries(target) == [gone]
    assert mine.exists() and parent.exists() and foreign.exists() and not gone.exists()


def test_a_full_disk_is_a_clear_error_and_replaces_nothing(
    cli: CliInvoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = tmp_path / "report.txt"
    report.write_text("the old report\n", encoding="utf-8")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    result = cli("audit", str(EXPORT), "-o", str(report), "--force")
    assert result.exit_code == 2
    assert f"{report}: error: cannot write: No space left on device; nothing was replaced" in result.stderr
    assert "free some space" in result.stderr
    assert report.read_text(encoding="utf-8") == "the old report\n"
    assert _temporaries(tmp_path) == []


def test_write_atomic_refuses_to_follow_a_refusal_with_a_partial_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    write_atomic(target, "one\n")
    with pytest.raises(SqtoolError):
        write_atomic(target, "two\n")
    assert target.read_text(encoding="utf-8") == "one\n" and _temporaries(tmp_path) == []


_SAVER = """
import sys
from zoneinfo import ZoneInfo
from sqtool.audit.engine import run_audit
from sqtool.audit.history import Group, save_summary
from sqtool.audit.options import AuditOptions
from sqtool.chat.read import read_exports
history, export, rounds, go, saver = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
report = run_audit(read_exports([export], tz=ZoneInfo("UTC")), AuditOptions(tz=ZoneInfo("UTC")))
import os, time
while not os.path.exists(go):
    time.sleep(0.01)
for number in range(rounds):  # a group of its own each time: a save of the same group and period replaces it
    save_summary(history, report, Group(f"test:{saver}:{number}", f"{saver}-{number}"))
"""


def test_two_processes_saving_history_at_once_lose_no_row(tmp_path: Path) -> None:
    from sqtool.audit.history import load_history

    history = tmp_path / "history.sqlite"
    go = tmp_path / "go"
    rounds = 40
    savers = [
        subprocess.Popen(
            [sys.executable, "-c", _SAVER, str(history), str(EXPORT), str(rounds), str(go), str(saver)], env=ENV
        )
        for saver in range(2)
    ]
    time.sleep(0.5)
    go.touch()  # both start saving at the same moment
    assert [saver.wait(timeout=120) for saver in savers] == [0, 0]
    entries = load_history(history)
    assert len(entries) == 2 * rounds
    assert len({entry.id for entry in entries}) == 2 * rounds
