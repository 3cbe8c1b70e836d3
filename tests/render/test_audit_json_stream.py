"""`sqtool audit --report json` writes its report as it is made (issue 22's memory target): the text on
stdout and in an `-o` file is json.dumps's, byte for byte, with the member lists' rows made as written."""

from __future__ import annotations

import json
from datetime import UTC
from pathlib import Path

import pytest

from sqtool.audit.engine import run_audit
from sqtool.audit.options import AuditOptions
from sqtool.console import emit_chunks
from sqtool.errors import SqtoolError
from sqtool.fsutil import write_atomic_chunks
from sqtool.generated import marked
from sqtool.render.audit import json_report_chunks, render_report
from sqtool.render.audit_json import report_to_json
from sqtool.render.json_stream import Rows, plain
from sqtool.settings import Settings
from tests.audit.builders import Chat

DAY = 24 * 60


def _export(tmp_path: Path) -> Path:
    """A Telegram export with unanswered questions (Chinese and English), answered ones and a silent member."""
    messages = []
    for n in range(40):
        asker = f"user{n % 4}"
        messages.append(
            {
                "id": 2 * n + 1,
                "type": "message",
                "date": f"2026-03-{1 + n % 28:02d}T09:{n % 60:02d}:00",
                "date_unixtime": str(1772355600 + n * 86400 // 2),
                "from": f"成员 {n % 4}",
                "from_id": asker,
                "text": "怎么做用户分层？" if n % 3 else f"anyone know a tool for tagging #{n}?",
            }
        )
        if n % 5 == 0:
            messages.append(
                {
                    "id": 2 * n + 2,
                    "type": "message",
                    "date": f"2026-03-{1 + n % 28:02d}T09:{n % 60:02d}:30",
                    "date_unixtime": str(1772355600 + n * 86400 // 2 + 30),
                    "from": "群主",
                    "from_id": "owner",
                    "text": "先按活跃度分三层",
                    "reply_to_message_id": 2 * n + 1,
                }
            )
    path = tmp_path / "result.json"
    document = {"name": "读书会", "type": "private_supergroup", "id": 1, "messages": messages}
    path.write_text(json.dumps(document), "utf-8")
    return path


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_stdout_and_o_file_are_json_dumps_of_the_report(cli, tmp_path, lang):
    """stdout and the -o file hold the same text, which is json.dumps(indent=2, ensure_ascii=False) of the
    document it parses to, and the unanswered questions are listed."""
    export = _export(tmp_path)
    options = ("--tz", "UTC", "--members", "9", "--report", "json")
    shown = cli("--lang", lang, "audit", str(export), *options)
    assert shown.exit_code == 0, shown.stderr
    out = tmp_path / "report.json"
    written = cli("--lang", lang, "audit", str(export), *options, "-o", str(out))
    assert written.exit_code == 0, written.stderr
    text = out.read_text("utf-8")
    assert shown.stdout == text
    document = json.loads(text)
    assert text == json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    assert len(document["lists"]["unanswered"]) > 10
    assert "怎么做用户分层？" in text
    # run again over its own report: replaced without --force, as before
    again = cli("audit", str(export), *options, "-o", str(out))
    assert again.exit_code == 0, again.stderr


def _report():
    chat = Chat()
    for day in range(12):
        chat.say("asker", f"怎么做用户分层 {day}？", at=day * DAY)
        chat.say("other", "how do you tag members?", at=day * DAY + 5)
    return run_audit(chat.sorted(), AuditOptions(tz=UTC, members=20))


def test_lazy_document_is_the_plain_one_and_the_chunks_its_json():
    """report_to_json(lazy=True) made plain is report_to_json(), and the streamed report is render_report's
    JSON and json.dumps of that document."""
    report = _report()
    lazy = report_to_json(report, lazy=True)
    assert isinstance(lazy["lists"]["unanswered"], Rows)
    document = report_to_json(report)
    assert plain(report_to_json(report, lazy=True)) == document
    assert len(document["lists"]["unanswered"]) > 10
    streamed = "".join(json_report_chunks(report, "en"))
    assert streamed == json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    assert render_report(report, "json", "en", color=False) == streamed


def test_a_failed_stream_leaves_no_file(tmp_path):
    """An error while the chunks are made leaves neither the -o file nor a temporary beside it."""

    def chunks():
        yield "{\n"
        raise SqtoolError("fs.disk_full", path="x", reason="test")

    target = tmp_path / "report.json"
    with pytest.raises(SqtoolError):
        write_atomic_chunks(target, chunks())
    assert list(tmp_path.iterdir()) == []


def test_emit_chunks_marks_a_markdown_file_as_emit_does(tmp_path):
    """emit_chunks writes the text of its chunks with sqtool's marker line after it, as emit does."""
    target = tmp_path / "report.md"
    emit_chunks(iter(["# Title\n", "", "body"]), target, force=False, settings=Settings(quiet=True), format_name="md")
    assert target.read_text("utf-8") == marked("# Title\nbody", "md")
