"""One contract, two backends: the native WhatsApp line scanner reads every text export exactly as the Python reader.

Records (every field), the skipped count and warnings, or the error (catalogue key, file, line,
arguments) must be identical, strict and --lenient: on the corpus, the reader's fixtures (every
language the phrase tables cover, Android and iOS) and their re-encodings, hand-made quirks, every
cut of a small export, exports bigger than one block of lines, and hypothesis-generated exports.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sqtool.settings import Limits, limits_in_force
from tests.conftest import CORPUS, REPO, needs_shared
from tests.native.helpers import both, needs_native

pytestmark = needs_native
FIXTURES = sorted((REPO / "tests" / "fixtures" / "chat").glob("whatsapp_*.txt"))
LRM, NNBSP, NBSP = "\u200e", "\u202f", "\u00a0"


def assert_same(path: Path, **options: object) -> tuple:
    python, native = both(path, export_format="whatsapp", **options)
    assert native == python
    return python


@needs_shared
@pytest.mark.parametrize("lenient", [False, True])
@pytest.mark.parametrize("name", sorted(path.name for path in (CORPUS / "whatsapp_txt").glob("*") if CORPUS.is_dir()))
def test_corpus(name: str, lenient: bool) -> None:
    """The corpus's WhatsApp exports (text and zipped) read the same by both backends, in place."""
    assert assert_same(CORPUS / "whatsapp_txt" / name, lenient=lenient)[0] == "read"


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda path: path.name)
def test_fixtures(fixture: Path) -> None:
    """The reader's fixtures (15 languages, Android and iOS, 12 h, DST, UTF-16) read the same, also in Berlin time."""
    assert assert_same(fixture)[0] == "read"
    assert_same(fixture, lenient=True, tz="Europe/Berlin")


def _text(fixture: Path) -> str:
    data = fixture.read_bytes()
    for encoding in ("utf-16", "utf-8-sig"):
        if data.startswith(codecs.BOM_UTF16_LE if encoding == "utf-16" else codecs.BOM_UTF8):
            return data.decode(encoding)
    return data.decode("utf-8")


ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
WIDE_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
_CLOCK = re.compile(r"^(\W{0,3}\[?[\d./-]+,? )(\d{1,2}):(\d{2})((?::\d{2})?)", re.MULTILINE)
_MORNING = ("{} AM", "{} a. m.", f"{{}}{NNBSP}a.m.")
_AFTERNOON = ("{} PM", f"{{}}{NNBSP}p.{NBSP}m.", "{}pm")


def _twelve_hour(text: str) -> str:
    """Every header's clock as a 12-hour one, with AM/PM markers written the ways exports write them."""

    def clock(found: re.Match[str]) -> str:
        hour, minute = int(found[2]), int(found[3])
        marker = (_AFTERNOON if hour >= 12 else _MORNING)[minute % 3]
        return found[1] + marker.format(f"{hour % 12 or 12}:{found[3]}{found[4]}")

    return _CLOCK.sub(clock, text)


def _impossible_dates(text: str) -> str:
    """After every third line, a header with an impossible date and a line that continues it."""
    lines = text.splitlines(True)
    for at in range(len(lines) - 1, 0, -3):
        lines.insert(at, "31/02/24, 10:00 - X: no such day\ncontinued after it\n")
    return "".join(lines)


REWRITES: dict[str, Callable[[str], bytes]] = {
    "12-hour clocks": lambda text: _twelve_hour(text).encode("utf-8"),
    "impossible dates": lambda text: _impossible_dates(text).encode("utf-8"),
    "crlf": lambda text: text.replace("\n", "\r\n").encode("utf-8"),
    "bom": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "utf-16": lambda text: text.encode("utf-16"),
    "utf-16-be without bom": lambda text: text.encode("utf-16-be"),
    "lone cr": lambda text: text.replace("\n", "\r").encode("utf-8"),
    "lrm before each line": lambda text: "".join(LRM + line for line in text.splitlines(True)).encode("utf-8"),
    "cut in half": lambda text: text.encode("utf-8")[: len(text.encode("utf-8")) // 2],
    "arabic-indic digits": lambda text: text.translate(ARABIC_DIGITS).encode("utf-8"),
    "full-width digits": lambda text: text.translate(WIDE_DIGITS).encode("utf-8"),
    "narrow no-break spaces": lambda text: text.replace(" ", NNBSP).encode("utf-8"),
    "en dash": lambda text: text.replace(" - ", " – ").encode("utf-8"),
}


@pytest.mark.parametrize("rewrite", sorted(REWRITES))
def test_fixtures_rewritten(tmp_path: Path, rewrite: str) -> None:
    """Every fixture (each language) re-encoded or rewritten: 12 h clocks, impossible dates, CRLF, BOM, UTF-16, CR, LRM,
    cut, other digits and blanks."""
    for fixture in FIXTURES:
        path = tmp_path / fixture.name
        path.write_bytes(REWRITES[rewrite](_text(fixture)))
        for lenient in (False, True):
            python, native = both(path, export_format="whatsapp", lenient=lenient)
            assert native == python, (fixture.name, lenient)


QUIRKS: dict[str, str] = {
    "android 24 h": "12/9/20, 23:55 - Bob: hello\n13/9/20, 00:01 - Ann: hi there\n",
    "android 12 h month first": (
        "1/12/26, 11:59 PM - Kim: late\n1/13/26, 12:00 AM - Lee: midnight\n1/13/26, 12:00 pm - Kim: noon\n"
    ),
    "12 h localized markers": (
        f"13/01/26, 1:15{NNBSP}p.{NBSP}m. - Lee: hola\n13/01/26, 9:05{NNBSP}a. m. - Ana: buenos días\n"
        "13/01/26, 9:05 A.M. - Ana: x\n13/01/26, 9:05_PM - Ana: y\n13/01/26, 9:05 P M - Ana: z\n"
    ),
    "12 h hour 13": "13/01/26, 13:15 PM - Lee: thirteen\n13/01/26, 0:15 AM - Lee: zero\n",
    "ios brackets": (
        "[15/01/20, 02:22:56] Mary: hi\n[15/01/20, 2:22:57 PM] Mary: ‎image omitted\n"
        f"{LRM}[15/01/20, 14:23:00] Tom: ‎<attached: 00000012-PHOTO.jpg>\n[15/01/20, 14:23:01]   Tom: spaced\n"
    ),
    "ios group lines": (
        f"[01.03.24, 09:00:00] Club: {LRM}Messages and calls are end-to-end encrypted.\n"
        f"[01.03.24, 09:01:00] Club: {LRM}Ana created group “Club”\n[01.03.24, 09:02:00] Club: {LRM}Ana added Bruno\n"
        f"[01.03.24, 09:03:00] Ana: {LRM}This message was deleted.\n[01.03.24, 09:04:00] Club: {LRM}something new\n"
        f"[01.03.24, 09:05:00] Bruno: {LRM}You deleted this message.\n"
        f"[01.03.24, 09:06:00] Bruno: {LRM}sticker omitted\n"
    ),
    "android system lines": (
        "01/03/2024, 09:00 - Messages and calls are end-to-end encrypted. No one outside can read them.\n"
        '01/03/2024, 09:01 - Ana created group "Club"\n01/03/2024, 09:02 - Ana added Bruno\n'
        '01/03/2024, 09:03 - Bruno left\n01/03/2024, 09:04 - Ana changed the subject from "A: B" to "C"\n'
        "01/03/2024, 09:05 - Ana: <Media omitted>\n01/03/2024, 09:06 - Ana: This message was deleted\n"
        "01/03/2024, 09:07 - Ana: IMG-1.jpg (file attached)\n01/03/2024, 09:08 - Ana changed this group's icon\n"
        "01/03/2024, 09:09 - Chat: Messages to this group are now secured with end-to-end encryption.\n"
    ),
    "mentions links and dashes": (
        "01/03/2024, 09:00 - Ana: @Bruno see https://x.io\n01/03/2024, 09:01 - Bruno: WWW.EXAMPLE.COM ok\n"
        "01/03/2024, 09:02 - Ana: well-known - yes\n01/03/2024, 09:03 - Ana: a.b.c and wWw.x\n"
        "01/03/2024, 09:04 - Ana: de ponta a ponta\n01/03/2024, 09:04 - Ana: bout en bout\n"
        "01/03/2024, 09:04 - Ana: 端到端加密\n01/03/2024, 09:04 - Ana: Ende-zu-Ende\n"
        "01/03/2024, 09:04 - Ana: de extremo a extremo\n01/03/2024, 09:04 - Ana: End-to-end encrypted\n"
        "01/03/2024, 09:05 - Ana: omitted attached OMITTED\n01/03/2024, 09:06 - Ana: ww.w. w.ww.\n"
    ),
    "multi-line bodies": (
        "before the first header\n01/03/2024, 09:00 - Ana: first\nsecond\n\nthird\n\n\n"
        "01/03/2024, 09:01 - Ana: \n01/03/2024, 09:02 - Bob: x\n@Ana continued\nhttps://x.io\n"
        "01/03/2024, 09:03 - Bob: one\n01/03/2024, 09:04 - header without author\nand a second line: with colon\n"
        "01/03/2024, 09:05 - : empty author\n01/03/2024, 09:06 - A:no space\n01/03/2024, 09:07 - \n"
    ),
    "names": (
        f"01/03/2024, 09:00 - ~{NNBSP}Bruno: hi\n01/03/2024, 09:01 - \u202a+49{NBSP}170{NBSP}1234567\u202c: yo\n"
        "01/03/2024, 09:02 - Zoe\u0301: e acute\n01/03/2024, 09:03 - Zoé: composed\n"
        f"01/03/2024, 09:04 - {LRM}Ana: marked\n01/03/2024, 09:05 - Ana: \u200f\u202amarks before the text\n"
    ),
    "ambiguous dates": "01/02/24, 10:00 - A: x\n02/03/24, 10:00 - B: y\n03/04/24, 10:00 - A: z\n",
    "month first by backward steps": "".join(f"{m}/{d}/24, 10:00 - A: x\n" for m in (1, 2, 3) for d in (1, 5, 9)),
    "order told by other digits": "01/02/24, 10:00 - A: x\n٠١/١٣/٢٤, 10:00 - B: y\n01/02/24, 10:00 - A: z\n",
    "ambiguous in other digits": "٠١/٠٢/٢٤, 10:00 - A: x\n٠٢/٠٣/٢٤, 10:00 - B: y\n01/02/24, 10:00 - A: z\n",
    "year first": "2024-03-01, 10:00 - A: x\n2024/3/2 10:00 - B: y\n2024.03.03, 10:00:05 - A: z\n",
    "two- and four-digit years": "01/03/24, 10:00 - A: x\n02/03/2024, 10:00 - B: y\n03/03/0024, 10:00 - A: z\n",
    "impossible dates": (
        "14/01/24, 10:00 - A: ok\n31/02/24, 10:00 - A: february\ncontinued after a bad date\n"
        "14/01/24, 10:61 - A: minute\n14/01/24, 25:00 - A: hour\n14/01/24, 10:00:61 - A: second\n"
        "14/13/24, 10:00 - A: month\n15/01/24, 10:00 - B: after\n"
    ),
    "near headers": (
        "14/01/24, 10:00 - A: ok\n14/01/24, 10:00\n14/01/24 10:00 - no comma is fine\n14/01/24,10:00 - no blank\n"
        "14/01/24, 10:000 - three minute digits\n14/01/24, 10:00:5 - one second digit\n12345/01/24, 10:00 - A: x\n"
        "14/01/24, 10:00 -A: no blank after\n[14/01/24, 10:00 ] A: space in bracket\n[14/01/24, 10:00 AM]A: tight\n"
        "14/01/24, 10.00 - A: dot clock\n14-01-24, 10:00 - A: dashes\n14/ 01/ 24, 10:00 - A: blanks\n"
        "14/01/24, 10:00 am  - A: two blanks\n[14/01/24, 10:00:00 a.m.] A: dotted\n\t14/01/24, 10:00 - A: tab first\n"
    ),
    "unicode digits": (
        "٠١/٠٣/٢٠٢٤, ٠٩:٠٠ - أحمد: مرحبا\n01/03/2024, 09:0٥ - أحمد: mixed\n１/３/２４, １０:００ - A: full width\n"
        "01/03/2024, 09:10 - B: ascii\n01/03/2024, ٠٩:١١ - C: hour\n٠١/03/2024, 09:12 - D: day\n"
    ),
    "odd characters": (
        "01/03/2024, 09:00 - A: nul \x00 and vt \x0b and ff \x0c\n01/03/2024, 09:01 - B: line sep \u2028 para \u2029\n"
        "01/03/2024, 09:02 - C: 😀 astral\n01/03/2024, 09:03 - D: \ufeffbom inside\n\x85\n"
    ),
    "mixed line ends": "01/03/2024, 09:00 - A: x\r\n01/03/2024, 09:01 - B: y\r01/03/2024, 09:02 - C: z\nmore\r\n",
    "dst change hour": (
        "31/03/2024, 01:59 - A: before\n31/03/2024, 02:30 - A: skipped hour\n31/03/2024, 03:00 - A: after\n"
        "27/10/2024, 02:30 - B: repeated hour\n27/10/2024, 02:59:59 - B: end of it\n27/10/2024, 03:00 - B: x\n"
    ),
    "no newline at the end": "01/03/2024, 09:00 - A: x\n01/03/2024, 09:01 - B: y",
    "only continuation lines": "hello\nworld\n",
    "empty": "",
}


@pytest.mark.parametrize("lenient", [False, True])
@pytest.mark.parametrize("name", sorted(QUIRKS))
def test_quirks(tmp_path: Path, name: str, lenient: bool) -> None:
    """Each quirk a real or damaged export has: the same records, skips, warnings and errors from both backends."""
    path = tmp_path / "WhatsApp Chat with Club.txt"
    path.write_bytes(QUIRKS[name].encode("utf-8"))
    assert_same(path, lenient=lenient, tz="Europe/Berlin")
    assert_same(path, lenient=lenient, tz="America/New_York")


@pytest.mark.parametrize("lenient", [False, True])
def test_damaged_bytes(tmp_path: Path, lenient: bool) -> None:
    """Invalid UTF-8 after many good lines, and a file that is no text at all: the same error or skip."""
    path = tmp_path / "chat.txt"
    good = "".join(f"01/03/2024, 09:{n % 60:02d} - A: line {n}\n" for n in range(40)).encode("utf-8")
    path.write_bytes(good + b"01/03/2024, 10:00 - B: bad \xff byte\n" + good)
    assert_same(path, lenient=lenient)
    path.write_bytes(b"\x00\xff" * 500)
    assert_same(path, lenient=lenient)


@pytest.mark.parametrize("lenient", [False, True])
def test_a_line_over_the_line_limit(tmp_path: Path, lenient: bool) -> None:
    """A line over --max-string-bytes (a header or a continuation): the same error, or the same skip."""
    path = tmp_path / "chat.txt"
    text = "01/03/2024, 09:00 - A: x\n01/03/2024, 09:01 - B: " + "y" * 3000 + "\nshort\n" + "z" * 3000 + "\n"
    path.write_text(text + "01/03/2024, 09:02 - C: after\n", encoding="utf-8")
    with limits_in_force(Limits(string_bytes=1000)):
        assert_same(path, lenient=lenient)


def test_every_cut_of_a_small_export(tmp_path: Path) -> None:
    """A file cut at any byte (a copy that stopped part-way): the same outcome, strict and lenient."""
    data = QUIRKS["ios brackets"].encode("utf-8") + QUIRKS["impossible dates"].encode("utf-8")
    path = tmp_path / "chat.txt"
    for end in range(0, len(data), 2):
        path.write_bytes(data[:end])
        for lenient in (False, True):
            python, native = both(path, export_format="whatsapp", lenient=lenient)
            assert native == python, (end, lenient)


@pytest.mark.parametrize("lenient", [False, True])
def test_an_export_of_many_blocks(tmp_path: Path, lenient: bool) -> None:
    """Over a megabyte (several of textio's blocks): bodies, bad dates and system lines across block ends."""
    lines = []
    for n in range(24000):
        day, minute = 1 + n // 1440 % 28, n % 1440
        lines.append(f"{day:02d}/03/2024, {minute // 60:02d}:{minute % 60:02d} - member {n % 37}: message {n}")
        if n % 7 == 0:
            lines.append(f"continued {n}\n" * (n % 4))
        if n % 997 == 0:
            lines.append(f"31/02/2024, 10:00 - A: impossible {n}\nafter the impossible one")
        if n % 101 == 0:
            lines.append(f"{day:02d}/03/2024, 10:00 - member 1 left")
    path = tmp_path / "chat.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert_same(path, lenient=lenient, tz="Asia/Shanghai")


@pytest.mark.parametrize("month_first", [False, True])
def test_the_date_order_told_late(tmp_path: Path, month_first: bool) -> None:
    """A date order told only megabytes in (or never: the ambiguity warning), runs of dates across block ends."""
    lines = []
    for n in range(30000):
        day, month = 1 + n // 2400, 1 + n // 2400 % 12
        first, second = (month, day) if month_first else (day, month)
        lines.append(f"{first:02d}/{second:02d}/2024, {n // 100 % 24:02d}:{n % 60:02d} - m{n % 5}: text {n}")
    path = tmp_path / "chat.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert_same(path)
    assert assert_same(path)[0] == "read"
    never = [f"{1 + n // 2400:02d}/03/2024, 10:{n % 60:02d} - m: x {n}" for n in range(20000)]  # both readings go on
    path.write_text("\n".join(never) + "\n", encoding="utf-8")
    assert "ambiguous" in assert_same(path)[3]


def test_the_native_scanner_builds_the_usual_messages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No silent fall-back: the usual messages are the scanner's; only the system line and the link reach _record."""
    from sqtool.chat import native_lines
    from tests.native.helpers import backend, outcome

    asked: list[str] = []
    python_record = native_lines._record

    def counted(number: int, timestamp: object, rest: str, names: dict) -> object:
        asked.append(rest)
        return python_record(number, timestamp, rest, names)  # type: ignore[arg-type]

    monkeypatch.setattr(native_lines, "_record", counted)
    path = tmp_path / "chat.txt"
    usual = "".join(f"01/03/2024, 09:{n:02d} - member {n % 3}: plain text {n}\n" for n in range(50))
    path.write_text(usual + "01/03/2024, 10:00 - Ana left\n01/03/2024, 10:01 - Ana: https://x.io\n", encoding="utf-8")
    with backend("native"):
        read = outcome(path, export_format="whatsapp")
    assert read[0] == "read" and len(read[1]) == 52
    assert asked == ["Ana left", "Ana: https://x.io"]


_DATES = st.sampled_from(
    ["14/01/24", "1/14/24", "2024-01-14", "14.01.2024", "31/02/24", "٠١/٠٣/٢٤", "01/02/24", "3/4/24"]
)
_CLOCKS = st.sampled_from(
    ["09:00", "9:05", "23:59", "09:00:30", "9:05 PM", f"9:05{NNBSP}a.{NBSP}m.", "12:00 AM", "10:61"]
)
_TEXTS = st.one_of(
    st.sampled_from(
        ["hello", "@Ana hi", "see https://x.io", "www.x.io", "<Media omitted>", f"{LRM}image omitted", "well-known",
         "This message was deleted", "Messages and calls are end-to-end encrypted.", "a: b", "", "怎么做？"]
    ),
    st.text(max_size=12),
)  # fmt: skip
_LINE = st.one_of(
    st.tuples(
        st.sampled_from(["", LRM, " "]),
        st.booleans(),
        _DATES,
        _CLOCKS,
        st.sampled_from(["Ana", "~ Bo", "+49 170 1", "Club", "", f"{LRM}Eve"]),
        _TEXTS,
    ).map(
        lambda parts: (
            f"{parts[0]}[{parts[2]}, {parts[3]}] {parts[4]}: {parts[5]}"
            if parts[1]
            else f"{parts[0]}{parts[2]}, {parts[3]} - {parts[4]}{': ' if parts[4] else ''}{parts[5]}"
        )
    ),
    _TEXTS,
    st.text(max_size=20),
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    lines=st.lists(_LINE, max_size=25),
    crlf=st.booleans(),
    bom=st.booleans(),
    cut=st.one_of(st.none(), st.integers(0, 2000)),
    lenient=st.booleans(),
    order=st.sampled_from([None, "dmy", "mdy", "ymd"]),
)
def test_generated_exports(tmp_path: Path, lines, crlf, bom, cut, lenient, order) -> None:
    """Generated exports (any layout, date order, 12/24 h, marks, system lines, odd text, CRLF, BOM, cut short)."""
    text = ("\r\n" if crlf else "\n").join(lines)
    data = (codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8", "surrogatepass")
    if cut is not None:
        data = data[:cut]
    path = tmp_path / "chat.txt"
    path.write_bytes(data)
    from zoneinfo import ZoneInfo

    from sqtool.chat.read import read_exports
    from sqtool.errors import SqtoolError
    from tests.native.helpers import backend

    outcomes = []
    for name in ("python", "native"):
        with backend(name):
            try:
                chat = read_exports([path], format="whatsapp", tz=ZoneInfo("Europe/Berlin"), lenient=lenient,
                                    date_order=order)  # fmt: skip
                outcomes.append(("read", list(chat), chat.skipped, repr(chat.warnings)))
            except SqtoolError as error:
                outcomes.append(("error", error.key, error.path, error.line, error.args_for_message))
    assert outcomes[1] == outcomes[0]
