"""The WhatsApp reader scans blocks of lines: the same records whatever the block size, layout or digits."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sqtool.chat import textio
from sqtool.chat.errors import ReadContext
from sqtool.chat.readers import whatsapp
from sqtool.chat.source import Source
from sqtool.chat.timezones import localize
from sqtool.errors import SqtoolError
from tests.chat.helpers import read_all

CHAT = (
    "13/1/26, 10:00 - Ann: 第一行 first line\n"
    "and its second line\n"
    "\n"
    "13/1/26, 10:00 - Bob: <Media omitted>\n"
    "13/1/26, 10:01 - Ann: see https://example.com/a\n"
    "13/1/26, 10:01 - Ann added Cy\n"
    "13/1/26, 10:02 - Cy: hi @Ann\n"
    "13/1/26, 10:75 - Bob: a minute that does not exist\n"
    "which runs on\n"
    "14/1/26, 09:00 - Bob: the last one\n"
    "has no line end"
)
EXPECTED = [
    ("1", "Message", "第一行 first line\nand its second line"),  # the blank line at the end goes
    ("4", "Message", "<Media omitted>"),
    ("5", "Message", "see https://example.com/a"),
    ("6", "Event", "Ann added Cy"),
    ("7", "Message", "hi @Ann\nwhich runs on"),  # the bad header is skipped, its next line joins the record before
    ("10", "Message", "the last one\nhas no line end"),
]


def records(path, **options):
    result = read_all(path, lenient=True, **options)
    found = sorted(result.messages + result.events, key=lambda record: int(record.id))  # type: ignore[operator]
    return [(record.id, type(record).__name__, record.text) for record in found], result


@pytest.mark.parametrize("size", [1, 5, 40, textio.BLOCK_SIZE])
@pytest.mark.parametrize(
    ("encoding", "end"), [("utf-8", "\n"), ("utf-8", "\r\n"), ("gb18030", "\n"), ("utf-16", "\r\n")]
)
def test_records_do_not_depend_on_where_blocks_end(tmp_path, monkeypatch, size, encoding, end):
    # a header, a CRLF, a multi-line message and the pending record all fall across block ends
    monkeypatch.setattr(textio, "BLOCK_SIZE", size)
    monkeypatch.setattr(textio, "_UTF16_LINES", max(size // 8, 1))
    path = tmp_path / "WhatsApp Chat with Crew.txt"
    path.write_bytes(CHAT.replace("\n", end).encode(encoding))
    found, result = records(path)
    assert found == EXPECTED
    assert result.chat.skipped == 1
    kinds = {message.id: (message.kind.value, message.mentions) for message in result.messages}
    assert kinds == {
        "1": ("text", ()),
        "4": ("media", ()),
        "5": ("link", ()),  # mostly a URL
        "7": ("text", ("Ann",)),
        "10": ("text", ()),
    }


def test_records_before_a_bad_header_come_before_its_error(tmp_path):
    path = tmp_path / "WhatsApp Chat with Crew.txt"
    path.write_text("".join(f"13/1/26, 10:0{n} - Ann: line {n}\n" for n in range(5)) + "13/1/26, 10:99 - Ann: bad\n")
    ctx = ReadContext(display=str(path), tz=UTC, date_order="dmy")
    seen: list[str] = []
    with pytest.raises(SqtoolError) as caught:
        seen.extend(record.text for record in whatsapp.read(Source(path, str(path)), ctx))  # type: ignore[union-attr]
    assert (caught.value.key, caught.value.line) == ("chat.bad_date", 6)
    assert seen == [f"line {n}" for n in range(4)]  # the fifth was waiting for its continuation lines


def test_a_new_minute_of_a_known_hour_in_any_layout(tmp_path):
    # stamps with and without seconds, a leading mark, other digits: each minute as localize gives it
    zone = "Europe/Berlin"
    lines = [
        "2026/03/29, 01:58 - Ann: a",
        "2026/03/29, 01:59 - Ann: b",
        "2026/03/29, 01:59:30 - Ann: c",
        "\u200e2026/03/29, 01:05 - Ann: d",
        "2026/03/29, 01:٠٧ - Ann: e",  # Arabic-Indic digits are digits too
        "2026/03/29, 03:01 - Ann: f",  # after the spring change
        "2026/03/29, 03:01:05 - Ann: g",
        "2026/10/25, 02:30 - Ann: h",  # an hour that happens twice
        "2026/10/25, 02:31:59 - Ann: i",
    ]
    path = tmp_path / "WhatsApp Chat with Clock.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = read_all(path, tz=zone)
    got = {message.text: message.timestamp for message in result.messages}
    wall = {
        "a": (3, 29, 1, 58, 0),
        "b": (3, 29, 1, 59, 0),
        "c": (3, 29, 1, 59, 30),
        "d": (3, 29, 1, 5, 0),
        "e": (3, 29, 1, 7, 0),
        "f": (3, 29, 3, 1, 0),
        "g": (3, 29, 3, 1, 5),
        "h": (10, 25, 2, 30, 0),
        "i": (10, 25, 2, 31, 59),
    }
    for text, (month, day, hour, minute, second) in wall.items():
        expected = localize(datetime(2026, month, day, hour, minute, second), ZoneInfo(zone))
        assert got[text] == expected and got[text].utcoffset() == expected.utcoffset(), text


def test_minutes_and_seconds_over_59_are_bad_dates(tmp_path):
    path = tmp_path / "WhatsApp Chat with Clock.txt"
    path.write_text("[13/1/26, 10:00:00] A: ok\n[13/1/26, 10:00:60] A: no\n[13/1/26, 10:60:00] A: no\n")
    result = read_all(path, lenient=True)
    assert [message.text for message in result.messages] == ["ok"] and result.chat.skipped == 2


def test_first_header_past_the_head(tmp_path):
    # no header in the first 64 KiB to learn the usual layout from: the general pattern reads the rest
    path = tmp_path / "WhatsApp Chat with Late.txt"
    path.write_text("preamble line\n" * 6000 + "13/1/26, 10:00 - Ann: at last\n14/1/26, 10:00 - Bob: yes\n")
    result = read_all(path, format="whatsapp")
    assert [(message.id, message.text) for message in result.messages] == [("6001", "at last"), ("6002", "yes")]


# -- the block scan finds the headers that HEADER finds, one line at a time, split at the same place --


# Lines like a file's first header: each piece of a stamp is the first header's own or, now and then, a
# near miss (other sizes, separators, AM/PM spellings), so both the usual-layout pattern and the general
# one meet lines they must take and lines they must refuse
def number(size: int) -> st.SearchStrategy[str]:
    return st.text("0123456789٣", min_size=size, max_size=size)


PIECES = [  # (the kinds of first header, the near misses)
    (st.sampled_from(["", ""]), st.sampled_from(["\u200e", " ", "\u200e "])),  # marks
    (st.sampled_from(["", "["]), st.sampled_from(["", "["])),
    (st.sampled_from([1, 2, 4]), st.integers(1, 5)),  # day or month or year
    (st.sampled_from(["/", ".", "-"]), st.sampled_from(["/ ", ":", "//"])),
    (st.sampled_from([1, 2]), st.integers(1, 3)),
    (st.sampled_from(["/", ".", "-"]), st.sampled_from([". ", ","])),
    (st.sampled_from([2, 4]), st.integers(1, 5)),
    (st.sampled_from([", ", " "]), st.sampled_from([",  ", ",", ""])),
    (st.sampled_from([1, 2]), st.integers(1, 3)),  # hour
    (st.sampled_from([2]), st.integers(1, 3)),  # minute
    (st.sampled_from(["", ":07", ".59"]), st.sampled_from([":7", ":075", "::07"])),
    (
        st.sampled_from(["", " PM", "\u202fam", " p. m."]),
        st.sampled_from(["PM.", " pm", "  PM", " P M", "M", " P", " p. m"]),
    ),
    (st.sampled_from([" - ", " – "]), st.sampled_from([" -", "  - ", ": ", "- ", " — "])),
]


@st.composite
def layouts(draw: st.DrawFn) -> list[object]:
    return [draw(usual) for usual, _miss in PIECES]


@st.composite
def header_like(draw: st.DrawFn, layout: list[object], misses: bool = True) -> str:
    pieces = [
        draw(miss) if misses and not draw(st.integers(0, 3)) else value
        for value, (_usual, miss) in zip(layout, PIECES, strict=True)
    ]
    mark, bracket, d1, s1, d2, s2, d3, comma, hour, minute, second, ampm, tail = (
        draw(number(piece)) if isinstance(piece, int) else piece for piece in pieces
    )
    end = ("]" + draw(st.sampled_from([" ", "", "  "]))) if bracket else tail
    text = draw(st.sampled_from(["Ann: hi", "", " x", "~ Bo: a: b"]))
    return f"{mark}{bracket}{d1}{s1}{d2}{s2}{d3}{comma}{hour}:{minute}{second}{ampm}{end}{text}"


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_block_scan_agrees_with_header_line_by_line(data):
    layout = data.draw(layouts())
    first = data.draw(header_like(layout, misses=False))
    others = data.draw(st.lists(header_like(layout), min_size=1, max_size=6))
    scan, dates = whatsapp._scanners(first.encode())
    block = "".join("\n" + line for line in others)
    found = scan.findall(block)
    days = iter(dates.findall(block))
    assert len(found) == len(others)
    for line, (stamp, _bracket, rest, other) in zip(others, found, strict=True):
        match = whatsapp.HEADER.match(line)
        if match is None:
            assert (stamp, rest, other) == ("", "", line)
        else:
            assert (stamp, rest, other) == (line[: match.start("rest")], match.group("rest"), "")
            assert whatsapp._date_fields(next(days)) == match.group("date", "d1", "d2", "d3")
    assert next(days, None) is None


def test_usual_layout_is_tried_first():
    scan, dates = whatsapp._scanners(b"13/1/26, 10:00 - Ann: hi\n")
    assert scan.pattern.startswith("\\n(?:(\\d{1,2}/\\d{1,2}/\\d{1,2},\\ \\d{1,2}:\\d{2}\\ \\-\\ |")
    assert dates.findall("\n13/1/26, 10:00 - Ann: hi\n\u200e13/1/26, 10:00 - Bo: x") == [
        ("13/1/26", "", ""),
        ("", "", "13/1/26"),
    ]
