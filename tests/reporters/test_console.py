import io

import pytest

from sqtool.console import color_enabled, make_console
from sqtool.settings import Settings


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class BrokenStream(io.StringIO):
    def isatty(self) -> bool:
        raise ValueError("I/O operation on closed file")


TTY, PIPE = FakeTerminal(), io.StringIO()


@pytest.mark.parametrize(
    ("mode", "stream", "environ", "expected"),
    [
        ("always", PIPE, {}, True),
        ("always", PIPE, {"NO_COLOR": "1"}, True),  # an explicit --color always wins
        ("never", TTY, {}, False),
        ("never", TTY, {"FORCE_COLOR": "1"}, False),
        ("auto", TTY, {}, True),
        ("auto", PIPE, {}, False),
        ("auto", TTY, {"NO_COLOR": "1"}, False),
        ("auto", TTY, {"NO_COLOR": ""}, True),  # no-color.org: an empty value does not count
        ("auto", PIPE, {"FORCE_COLOR": "1"}, True),
        ("auto", PIPE, {"FORCE_COLOR": "0"}, False),
        ("auto", PIPE, {"FORCE_COLOR": ""}, False),
        ("auto", TTY, {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),  # NO_COLOR wins, as in rich
        ("auto", TTY, {"TERM": "dumb"}, False),
        ("auto", None, {}, False),
        ("auto", BrokenStream(), {}, False),
    ],
)
def test_color_enabled(mode, stream, environ, expected):
    assert color_enabled(Settings(color=mode), stream, environ) is expected


def test_color_enabled_reads_the_process_environment(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    assert color_enabled(Settings(color="auto"), FakeTerminal()) is False
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.delenv("TERM", raising=False)
    assert color_enabled(Settings(color="auto"), FakeTerminal()) is True


@pytest.mark.parametrize(("mode", "coloured"), [("always", True), ("never", False), ("auto", False)])
def test_make_console_follows_color_enabled(mode, coloured, monkeypatch):
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    sink = io.StringIO()
    console = make_console(Settings(color=mode), file=sink)
    console.print("[red]hello[/red]")
    assert ("\x1b[" in sink.getvalue()) is coloured
    assert "hello" in sink.getvalue()
