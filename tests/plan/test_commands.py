"""Unit tests of the helpers behind `validate`: default format and the colour decision."""

from __future__ import annotations

import io

import pytest

from sqtool.plan.commands import color_enabled, default_format
from sqtool.reporters import FORMATS
from sqtool.settings import Settings


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        if self.closed:
            raise ValueError("I/O operation on closed file")  # as real files do
        return True


@pytest.mark.parametrize(
    ("mode", "stream", "environ", "expected"),
    [
        ("always", io.StringIO(), {"NO_COLOR": "1"}, True),
        ("never", Terminal(), {}, False),
        ("auto", Terminal(), {}, True),
        ("auto", Terminal(), {"NO_COLOR": "1"}, False),
        ("auto", Terminal(), {"NO_COLOR": ""}, True),
        ("auto", Terminal(), {"TERM": "dumb"}, False),
        ("auto", io.StringIO(), {}, False),
        ("auto", None, {}, False),
    ],
)
def test_colour_decision(mode, stream, environ, expected):
    assert color_enabled(Settings(color=mode), stream, environ) is expected


def test_closed_stream_is_no_terminal():
    stream = Terminal()
    stream.close()
    assert color_enabled(Settings(), stream, {}) is False


def test_default_format():
    assert default_format({}) == "text"
    assert default_format({"GITHUB_ACTIONS": "false"}) == "text"
    assert default_format({"GITHUB_ACTIONS": "true"}) == ("github" if "github" in FORMATS else "text")
