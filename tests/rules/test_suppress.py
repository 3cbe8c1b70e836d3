"""Inline disables in a plan's text."""

from __future__ import annotations

from sqtool.diagnostics import Finding, Severity
from sqtool.rules.suppress import apply, parse


def _finding(rule_id: str, line: int) -> Finding:
    return Finding(rule_id, Severity.WARNING, "m", "p.yaml", line, 1)


def test_trailing_comment_covers_its_line_only() -> None:
    text = "a: 1\nroles:  # sqtool: disable=SQ201, sq202\nb: 2\n"
    kept = apply([_finding("SQ201", 2), _finding("SQ202", 2), _finding("SQ203", 2), _finding("SQ201", 3)], text)
    assert [(f.rule_id, f.line) for f in kept] == [("SQ203", 2), ("SQ201", 3)]


def test_comment_on_its_own_line_covers_the_next_content_line() -> None:
    text = "# sqtool: disable=SQ5\n\n# another comment\nrituals: []\nx: 1\n"
    kept = apply([_finding("SQ506", 4), _finding("SQ506", 5), _finding("SQ506", 1)], text)
    assert [f.line for f in kept] == [5]


def test_disable_file_and_all() -> None:
    text = "a: 1\n# sqtool: disable-file=SQ504,SQ1\n"
    assert [f.rule_id for f in apply([_finding("SQ504", 9), _finding("SQ101", 1), _finding("SQ201", 1)], text)] == [
        "SQ201"
    ]
    assert apply([_finding("SQ201", 1)], "a: 1  # sqtool: disable=all\n") == []


def test_directives_need_a_real_comment() -> None:
    assert parse("name: 'x#sqtool: disable=SQ201'\n").by_line == ()
    assert apply([_finding("SQ201", 1)], "name: x\n") == [_finding("SQ201", 1)]
