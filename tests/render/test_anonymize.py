"""--anonymize: no original name, id, phone number, e-mail, WeChat id, QQ number or group name of the
hostile export reaches any output (terminal, Markdown, HTML, JSON, member-list CSVs, history), the same
member keeps one pseudonym within a report, and the salt decides the pseudonyms."""

from __future__ import annotations

import json
import string
from datetime import UTC
from html import unescape
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sqtool.audit.engine import run_audit
from sqtool.audit.options import AuditOptions
from sqtool.audit.roster import Roster, RosterMember
from sqtool.chat.model import EventKind
from sqtool.i18n import Translator
from sqtool.render.anonymize import anonymized, mask_contacts
from sqtool.render.audit import render_report
from sqtool.render.lists_csv import lists_csv_files
from tests.audit.builders import Chat
from tests.render.hostile import GROUP, MEMBERS, originals, write_hostile_export


def _leaks(text: str, secrets: list[str]) -> list[str]:
    return [secret for secret in secrets if secret in text]


def test_no_original_reaches_any_anonymized_output(cli, tmp_path: Path) -> None:
    """Every output of the audit and the history, in both languages, with --anonymize."""
    export = write_hostile_export(tmp_path)
    history = tmp_path / "h.sqlite"
    outputs: list[str] = []
    for lang in ("en", "zh"):
        for report in ("text", "md", "json", "html"):
            target = tmp_path / f"{lang}.{report}"
            args = ["--lang", lang, "audit", str(export), "--report", report, "-o", str(target), "--anonymize"]
            if report == "html":
                args += ["--lists-csv", str(tmp_path / f"lists-{lang}"), "--save", "--history", str(history)]
            result = cli(*args)
            assert result.exit_code == 0, result.output
            outputs.append(target.read_text("utf-8"))
        outputs += [path.read_text("utf-8-sig") for path in sorted((tmp_path / f"lists-{lang}").glob("*.csv"))]
        outputs.append(cli("--lang", lang, "audit", str(export), "--anonymize", "--top", "0").stdout)
        for fmt in ("text", "json"):
            outputs.append(cli("--lang", lang, "history", "--history", str(history), "-f", fmt, "--anonymize").stdout)
        outputs.append(cli("--lang", lang, "history", "--history", str(history), "--all", "--anonymize").stdout)
        page = tmp_path / f"history-{lang}.html"
        cli("--lang", lang, "history", "--history", str(history), "--report", "html", "-o", str(page), "--anonymize")
        outputs.append(page.read_text("utf-8"))
    assert len(outputs) == 2 * (4 + 5 + 1 + 2 + 1 + 1)
    for text in outputs:
        assert _leaks(text, originals()) == []
        assert _leaks(text, [export.name, str(tmp_path)]) == []
    # the lists and the senders were not emptied to get there
    document = json.loads(outputs[2])
    assert (
        len(document["senders"]) == 6
        and len(document["lists"]["never_posted"]) == 1
        and len(document["lists"]["unanswered"]) > 0
    )
    assert document["lists"]["joiners_silent"][0]["name"].startswith("Member ")


def test_the_plain_report_does_show_the_originals(cli, tmp_path: Path) -> None:
    """The guard above can fail: without --anonymize the same outputs hold names and contacts."""
    export = write_hostile_export(tmp_path)
    page = tmp_path / "plain.html"
    cli("audit", str(export), "--report", "html", "-o", str(page))
    texts = [cli("audit", str(export), "--report", fmt, "--top", "0").stdout for fmt in ("json", "md")]
    texts.append(unescape(page.read_text("utf-8")))
    assert [secret for secret in originals() if not any(secret in text for text in texts)] == []


def test_one_member_one_pseudonym_and_the_salt_decides(cli, tmp_path: Path) -> None:
    export = write_hostile_export(tmp_path)

    def document(*extra: str) -> dict:
        return json.loads(cli("audit", str(export), "--report", "json", "--top", "0", *extra).stdout)

    first = document("--anonymize-salt", "team-a")
    again = document("--anonymize-salt", "team-a")
    other = document("--anonymize-salt", "team-b")
    assert first == again  # a given salt: the same report, run after run
    ids = {s["id"] for s in first["senders"]}
    assert ids.isdisjoint({s["id"] for s in other["senders"]})  # another salt: nothing to join on
    by_id = {s["id"]: s["name"] for s in first["senders"]}
    for question in first["lists"]["unanswered"]:  # the asker of a question is the sender of the same code
        assert by_id[question["asker_id"]] == question["asker"]
    random_runs = {json.dumps(document("--anonymize")["senders"]) for _ in range(2)}
    assert len(random_runs) == 2  # no salt given: a fresh one each run


def test_keep_group_name(cli, tmp_path: Path) -> None:
    export = write_hostile_export(tmp_path)
    page = tmp_path / "a.html"
    cli("audit", str(export), "--report", "html", "-o", str(page), "--anonymize", "--keep-group-name")
    html = page.read_text("utf-8")
    assert "私域测试群" in html and "陈姐" not in html
    assert GROUP not in html  # still escaped: the group's markup is text


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("call 13800138000 now", "call [phone] now"),
        ("电话 +86 139 1234 5678 谁能回", "电话 [phone] 谁能回"),
        ("mail chen.jie@example.com", "mail [email]"),
        ("加我微信：chenjie_2026 哦", "加我[wechat] 哦"),
        ("wxid_abc123 来了", "[wechat] 来了"),
        ("我的QQ号：123456789", "我的[qq]"),
        ("138-0013-8000 或 010-12345678", "[phone] 或 [phone]"),
        ("订单 20260601123 已付", "订单 [phone] 已付"),  # seven digits or more: masked, whatever they are
        ("meet at 10:30, room 12, 2026-06-01, ¥1999", "meet at 10:30, room 12, 2026-06-01, ¥1999"),  # kept
    ],
)
def test_contacts_are_masked(text: str, masked: str) -> None:
    assert mask_contacts(text) == masked


CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
EMOJI = st.characters(min_codepoint=0x1F600, max_codepoint=0x1F64F)
NAMES = st.lists(
    st.text(st.one_of(CJK, EMOJI), min_size=2, max_size=6), min_size=3, max_size=6, unique_by=lambda n: n
).filter(lambda names: not any(a != b and a in b for a in names for b in names))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(names=NAMES, ids=st.lists(st.text(string.ascii_lowercase + string.digits, min_size=6, max_size=10)))
def test_property_no_cjk_or_emoji_name_leaks(names: list[str], ids: list[str]) -> None:
    """Any CJK and emoji names (and ids): none appears in any anonymized output, in English, after they
    asked, answered, mentioned and quoted each other, joined and stayed silent."""
    member_ids = [f"id_{n}_{i}" for n, i in zip(range(len(names)), [*ids, *["x" * 8] * len(names)], strict=False)]
    chat = Chat()
    for day in range(35):
        for position, name in enumerate(names[:-1]):
            other = names[(position + 1) % (len(names) - 1)]
            chat.records.append(
                _message(chat, f"{day}-{position}", member_ids[position], name, f"@{other} 你好？「{other}」说过", day)
            )
    chat.event(EventKind.JOIN, names[-1], at=34 * 24 * 60)
    roster = Roster(
        "r.csv", tuple(RosterMember(i, n, None, frozenset()) for i, n in zip(member_ids, names, strict=True))
    )
    report = run_audit(chat.sorted(), AuditOptions(tz=UTC, roster=roster, tables=True))
    hidden = anonymized(report, Translator("en"), salt="s")
    texts = [render_report(hidden, fmt, "en", color=False, top=0) for fmt in ("text", "md", "json", "html")]
    assert hidden.lists is not None
    texts += list(lists_csv_files(hidden.lists).values())
    secrets = [*names, *member_ids]
    for text in texts:
        assert _leaks(text, secrets) == []


def _message(chat: Chat, ident: str, member_id: str, name: str, text: str, day: int):  # type: ignore[no-untyped-def]
    from sqtool.chat.model import Message, MessageKind

    return Message(
        ident, chat.at(day * 24 * 60 + int(ident.split("-")[1]) * 7), member_id, name, text, MessageKind.TEXT
    )


def test_the_member_list_of_the_fixture_is_what_it_claims() -> None:
    """The fixture's members are real members of its export (the leak test would pass on an empty one)."""
    assert len(MEMBERS) == 8 and all(member_id.startswith("wxid_") for member_id, _ in MEMBERS)
