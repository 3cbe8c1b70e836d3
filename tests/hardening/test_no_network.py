"""sqtool never touches the network: every command runs with sockets disabled in-process, and any
attempt to open, connect or resolve is recorded and fails the test."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from tests.conftest import REPO, CliInvoke

EXPORT = REPO / "examples" / "demo-wechat.csv"
PLAN = REPO / "examples" / "plan.yaml"


@pytest.fixture
def no_sockets(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    attempts: list[str] = []

    def refuse(name: str):  # type: ignore[no-untyped-def]
        def refused(*args: object, **kwargs: object) -> None:
            attempts.append(f"{name}{args[:2]}")
            raise OSError(f"network disabled in this test ({name})")

        return refused

    real_socket = socket.socket

    class GuardedSocket(real_socket):  # type: ignore[misc, valid-type]
        def __init__(self, family: int = -1, *args: object, **kwargs: object) -> None:
            if family in (socket.AF_INET, socket.AF_INET6, -1):
                attempts.append(f"socket({family})")
                raise OSError("network disabled in this test (socket)")
            super().__init__(family, *args, **kwargs)  # type: ignore[arg-type]

        connect = refuse("connect")
        connect_ex = refuse("connect_ex")
        sendto = refuse("sendto")

    monkeypatch.setattr(socket, "socket", GuardedSocket)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr"):
        monkeypatch.setattr(socket, name, refuse(name))
    return attempts


def test_the_guard_catches_a_connection(no_sockets: list[str]) -> None:
    with pytest.raises(OSError):
        socket.create_connection(("example.com", 80))
    with pytest.raises(OSError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    assert len(no_sockets) == 2


def test_every_command_runs_offline(cli: CliInvoke, tmp_path: Path, no_sockets: list[str]) -> None:
    history = tmp_path / "history.sqlite"
    roster = tmp_path / "roster.csv"
    roster.write_text("id,name,tags\nwxid_8kb7n487wezr,小秋酱,admin\n", encoding="utf-8")
    answers = tmp_path / "answers.yaml"
    answers.write_text("playbook: retail\ncommunity.name: 读书会\n", encoding="utf-8")
    runs = [
        (("--help",), 0),
        (("validate", str(PLAN)), 0),
        (("validate", str(PLAN), "-f", "sarif", "-o", str(tmp_path / "v.sarif")), 0),
        (("schema", "-o", str(tmp_path / "schema.json")), 0),
        (("check", str(PLAN), "--today", "2026-06-01", "-f", "json"), None),
        (("rules", "--format", "json"), 0),
        (("explain", "SQ201"), 0),
        (("playbooks",), 0),
        (("playbooks", "retail", "--yaml"), 0),
        (("init", str(tmp_path / "new.yaml"), "--answers", str(answers)), 0),
        (
            (
                "audit",
                str(EXPORT),
                "--plan",
                str(PLAN),
                "--roster",
                str(roster),
                "-r",
                "md",
                "-o",
                str(tmp_path / "audit.md"),
                "--save",
                "--history",
                str(history),
            ),
            0,
        ),
        (("audit", str(EXPORT), "-r", "json"), 0),
        (("history", "--history", str(history)), 0),
        (("history", "--history", str(history), "--format", "json"), 0),
    ]
    for args, expected in runs:
        result = cli(*args)
        assert result.exit_code in ((0, 1) if expected is None else (expected,)), (args, result.stderr)
        assert "internal error" not in result.stderr
    assert no_sockets == []
