"""The group an export says it comes from (chat/group.py): the key of its audit history when no
plan names the community. Each format's own place for it, and None when the export does not say."""

from __future__ import annotations

from pathlib import Path

import pytest

from sqtool.chat.group import export_group
from sqtool.chat.read import read_exports
from sqtool.chat.source import Source
from tests.conftest import FIXTURES, REPO


def src(name: str, display: str | None = None, member: str | None = None) -> Source:
    return Source(Path(name), display or name, member)


@pytest.mark.parametrize(
    ("format_name", "source", "head", "expected"),
    [
        ("telegram", src("result.json"), b'{\n "name": "\\u8bfb\\u4e66\\u4f1a",\n "type": "private_supergroup",'
         b'\n "id": 1234567,\n "messages": [', "读书会 (1234567)"),
        ("telegram", src("result.json"), b'{"name": "Owls", "type": "x"', "Owls"),
        ("chatlab", src("c.jsonl"), '{"_type":"header","chatlab":{"version":"0.0.2"},"meta":{"name":"周五读书会",'
         '"platform":"wechat"}}'.encode(), "周五读书会"),
        ("chatlab", src("c.json"), b'{"chatlab": {"version": "0.0.2"}, "meta": {"platform": "qq"}}', None),
        ("discord", src("c.json"), b'{"guild": {"id": "81", "name": "Night Owls", "iconUrl": ""}, "channel"',
         "Night Owls (81)"),
        ("whatsapp", src("WhatsApp Chat with Night Owls.txt"), b"", "Night Owls"),
        ("whatsapp", src("x.zip", "WhatsApp Chat - 读书会.zip!_chat.txt", "_chat.txt"), b"", "读书会"),
        ("whatsapp", src("chat.txt"), b"", None),
        ("qq", src("q.txt"), "消息分组:我的QQ群\n消息对象:读书会\n".encode(), "读书会"),
        ("wechat", src("w.csv"), b"localId,TalkerId,Type\n1,123@chatroom,1\n", "123@chatroom"),
        ("wechat", src("w.csv"), b"localId,Type\n1,1\n", None),
        ("csv", src("g.csv"), b"time,sender,text\n", None),
    ],
)  # fmt: skip
def test_each_format_names_its_group(format_name: str, source: Source, head: bytes, expected: str | None) -> None:
    assert export_group(format_name, source, head) == expected


def test_a_read_names_the_group_only_when_every_export_agrees(tmp_path: Path) -> None:
    demo = REPO / "examples" / "demo-wechat.csv"
    assert read_exports([demo]).group == "43215678901@chatroom"
    assert read_exports([demo, demo]).group == "43215678901@chatroom"
    qq = FIXTURES / "chat" / "qq_utf8_bom.txt"
    assert read_exports([qq]).group == "读书会"
    assert read_exports([demo, qq]).group is None
