"""A seven-message chat and a four-member roster whose every table is counted by hand (see the tests)."""

from __future__ import annotations

from pathlib import Path

# Monday 2026-03-02 (UTC): Bob asks, Alice answers 4 minutes later; Tuesday: Alice shares, Carol thanks;
# Wednesday: Carol asks, Bob answers 30 minutes later. Both answers are reply links (reply_to), so
# every conversation model counts them. Dan is on the roster and never writes.
CHAT = """id,time,sender_id,sender,text,reply_to
1,2026-03-02T09:00:00+00:00,a,Alice,早上好,
2,2026-03-02T09:01:00+00:00,b,Bob,有人知道怎么报名吗？,
3,2026-03-02T09:05:00+00:00,a,Alice,在群公告里,2
4,2026-03-03T20:10:00+00:00,a,Alice,今天的分享开始了,
5,2026-03-03T20:30:00+00:00,c,Carol,谢谢,
6,2026-03-04T08:00:00+00:00,c,Carol,明天几点？,
7,2026-03-04T08:30:00+00:00,b,Bob,八点,6
"""
ROSTER = "id,name\na,Alice\nb,Bob\nc,Carol\nd,Dan\n"


def write_small_chat(folder: Path, *, newline: str = "\n") -> tuple[Path, Path]:
    """The chat and roster as files in ``folder`` (``newline`` "\\r\\n" writes them as Windows would)."""
    chat, roster = folder / "chat.csv", folder / "roster.csv"
    chat.write_bytes(CHAT.replace("\n", newline).encode("utf-8"))
    roster.write_bytes(ROSTER.replace("\n", newline).encode("utf-8"))
    return chat, roster
