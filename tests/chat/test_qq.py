from datetime import UTC, datetime

from sqtool.chat.readers import qq, wechat
from sqtool.chat.sniff import Head
from tests.chat.helpers import read_all
from tests.conftest import CORPUS, FIXTURES, needs_shared

OWN = FIXTURES / "chat"


@needs_shared
def test_minimal_corpus_file():
    # two "YYYY-MM-DD HH:MM:SS Name(QQ)" headers after a fake "===" header block
    result = read_all(CORPUS / "qq_txt" / "qqchathistory_file.txt")
    assert result.chat.formats == ["qq"]
    assert result.senders == {"123123": 1, "456456": 1}
    assert [m.text for m in result.messages] == ["A", "B"]
    assert result.messages[0].timestamp == datetime(1883, 3, 7, 11, 22, 33, tzinfo=UTC)


def check_fixture(result):
    # 9 headers: 7 from members (书虫老李 2, 小周 4, 阿May 1) and 2 from 系统消息 (a join and a leave)
    assert result.chat.formats == ["qq"]
    assert result.senders == {"10001": 2, "20002": 3, "amay@example.com": 1}
    assert result.message_kinds == {"text": 2, "media": 1, "red_packet": 1, "sticker": 1, "link": 1}
    assert result.messages[0].sender_name == "书虫老李"  # the 【管理员】 title is dropped
    question = result.messages[2]
    assert question.text == "@书虫老李 请问第三章有电子版吗？\n我找了半天"
    assert question.mentions == ("书虫老李",)
    assert [(e.kind.value, e.member_name) for e in result.events] == [("join", "小周"), ("leave", "阿飞")]
    assert result.messages[-1].timestamp == datetime(2026, 2, 1, 21, 30, tzinfo=UTC)  # 9:30:00 PM


def test_gbk_with_crlf():
    check_fixture(read_all(OWN / "qq_gbk.txt"))


def test_utf8_with_bom():
    check_fixture(read_all(OWN / "qq_utf8_bom.txt"))


def test_qq_sniff():
    assert qq.sniff(Head.of(f"{qq.QQ_TITLE}\r\n\r\n消息分组:我的群聊\r\n".encode("gb18030"))) == qq.CONFIDENCE
    assert qq.sniff(Head.of("\ufeff2020-01-01 12:00:00 张三(12345)\n你好\n".encode())) == qq.CONFIDENCE
    assert qq.sniff(Head.of(b"2020-1-1 8:00:00 PM Ann<ann@example.com>\nhi\n")) == qq.CONFIDENCE
    late = b"x\n" * (qq.HEADER_LINES - 1) + b"2020-01-01 12:00:00 A(1)\n"
    assert qq.sniff(Head.of(late)) == qq.CONFIDENCE
    assert qq.sniff(Head.of(b"x\n" + late)) == 0.0  # past the lines searched
    assert qq.sniff(Head.of(b"2020-01-01 12:00:00 A\n")) == 0.0  # no QQ number: WeChat TXT
    assert qq.sniff(Head.of(b"{\n2020-01-01 12:00:00 A(1)\n")) == 0.0  # a JSON head
    assert qq.CONFIDENCE > wechat.TXT_CONFIDENCE  # a QQ header is also a WeChat TXT header
