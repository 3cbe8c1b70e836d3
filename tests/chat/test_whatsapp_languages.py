"""WhatsApp system lines in every listed language, on Android and iOS: counted by hand, never messages.

Each fixture ``tests/fixtures/chat/whatsapp_<lang>_<android|ios>.txt`` was written by hand with the
same story: the encryption notice, the group created, Ana adds Bruno, then Carla, Dario and Eva in
one line, Fabio joins by the invite link, Dario leaves, Ana removes Eva, a notice in a language no
table lists (Japanese), and members talking, among them a phone number wrapped in U+202A/U+202C,
"Zoé" typed composed and decomposed, and on iOS "~"+U+202F before a non-contact, placeholders
(an image left out, an attachment, a deleted message, and one in an unlisted language).
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.chat.helpers import read_all
from tests.conftest import FIXTURES

LANGUAGES = ("en", "es", "pt-BR", "pt-PT", "de", "fr", "it", "id", "ru", "tr", "nl", "ar", "hi", "zh-Hans", "zh-Hant")

# Counted by hand from the fixtures' lines (see the module docstring for the story):
# Android: 17 lines = 8 messages (Ana, Bruno, Carla, Fabio, the phone number, Bruno's media, Zoé twice)
#          + 2 notices (encryption, created) + 4 joins in 2 lines + 1 join by link + 1 leave + 1 removal
#          + 1 subject change + 1 unknown notice ("other").
# iOS: 20 lines = 12 messages (Ana, ~Bruno, Bruno's image, Carla, Fabio, the wrapped phone number, Ana's
#          attachment, Fabio's deleted message, Zoé twice, Carla's unlisted-language placeholder, the bare
#          phone number) + 2 notices + 5 joins + 1 leave (under Dario's own name) + 1 removal + 1 "other".
ANDROID = {"messages": 8, "senders": 6, "join": 5, "leave": 1, "removal": 1, "rename": 1, "service": 2, "other": 1}
IOS = {"messages": 12, "senders": 6, "join": 5, "leave": 1, "removal": 1, "rename": 0, "service": 2, "other": 1}
# Android: Bruno 2 (text, media), Zoé 2, the rest 1; iOS: each of the six twice
PER_SENDER = {"android": [2, 2, 1, 1, 1, 1], "ios": [2, 2, 2, 2, 2, 2]}
# who the five joins, the leave and the removal name, in each language's script
PEOPLE = {
    "ar": ("بشير", "كريم", "داود", "عمر", "فادي"),
    "hi": ("ब्रूनो", "कार्ला", "दारियो", "ईवा", "फ़ाबियो"),
    "ru": ("Бруно", "Карлу", "Дарио", "Еву", "Фабио"),
    "zh-Hans": ("布鲁诺", "卡拉", "达里奥", "伊娃", "法比奥"),
    "zh-Hant": ("布魯諾", "卡拉", "達里奧", "伊娃", "法比奧"),
}


def fixture(lang: str, platform: str) -> Path:
    return FIXTURES / "chat" / f"whatsapp_{lang}_{platform}.txt"


@pytest.mark.parametrize("platform", ["android", "ios"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_fixture_counts_match_the_hand_counts(lang: str, platform: str) -> None:
    """Messages, senders, joins, leaves, removals and unknown notices of each language's fixture, exactly."""
    result = read_all(fixture(lang, platform))
    expected = ANDROID if platform == "android" else IOS
    kinds = result.event_kinds
    got = {"messages": len(result.messages), "senders": len(result.senders)}
    got.update({kind: kinds.get(kind, 0) for kind in ("join", "leave", "removal", "rename", "service", "other")})
    assert got == expected
    assert sorted(result.senders.values(), reverse=True) == PER_SENDER[platform]


@pytest.mark.parametrize("platform", ["android", "ios"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_membership_events_name_the_right_people(lang: str, platform: str) -> None:
    """Joins name Bruno, Carla, Dario, Eva, Fabio (a list split at the language's own "and"); Dario
    leaves, Eva is removed."""
    bruno, carla, dario, eva, fabio = PEOPLE.get(lang, ("Bruno", "Carla", "Dario", "Eva", "Fabio"))
    events = read_all(fixture(lang, platform)).events
    by_kind: dict[str, list[str | None]] = {}
    for event in events:
        by_kind.setdefault(event.kind.value, []).append(event.member_name)
    assert by_kind["join"] == [bruno, carla, dario, eva, fabio]
    assert by_kind["leave"] == [dario]
    assert by_kind["removal"] == [eva]


@pytest.mark.parametrize("platform", ["android", "ios"])
def test_names_merge_across_their_spellings(platform: str) -> None:
    """The phone number with or without U+202A/U+202C/U+00A0, "~"+U+202F, and NFC/NFD are one sender each."""
    senders = read_all(fixture("de", platform)).senders
    assert senders["+49 170 1234567"] == (2 if platform == "ios" else 1)
    assert senders[unicodedata.normalize("NFC", "Zoé")] == 2
    assert "Club" not in senders  # the group's name never becomes a sender
    assert all("~" not in name and "\u202f" not in name for name in senders)


def test_ios_placeholders_are_messages_of_their_kind() -> None:
    """An image left out and an attachment are media; a deleted message is a message too."""
    result = read_all(fixture("de", "ios"))
    kinds = {message.text: message.kind.value for message in result.messages}
    assert kinds["Bild weggelassen"] == "media"
    assert kinds["<attached: 00000012-PHOTO-2024-03-01-09-16-00.jpg>"] == "media"
    assert kinds["Diese Nachricht wurde gelöscht."] == "text"


def test_unknown_ios_notice_is_other_only_under_the_group(tmp_path: Path) -> None:
    """A U+200E line no table knows is an event under the group's name, a message under a member's."""
    path = tmp_path / "_chat.txt"
    path.write_text(
        "[01.03.24, 09:00:00] Club: \u200eMessages and calls are end-to-end encrypted.\r\n"
        "[01.03.24, 09:01:00] Club: \u200eAnaがグループの設定を変更しました\r\n"
        "[01.03.24, 09:02:00] Ana: \u200eAnaがグループの設定を変更しました\r\n",
        encoding="utf-8",
    )
    result = read_all(path)
    assert [event.kind.value for event in result.events] == ["service", "other"]
    assert [message.sender_name for message in result.messages] == ["Ana"]


# Hand-written system lines per language: {a} did it, {b}/{c}/{d} are named in it.
SYSTEM_LINES = {
    "en": [
        "{a} added {b}",
        "{a} added {b}, {c} and {d}",
        "{a} removed {b}",
        "{b} left",
        "{b} joined using this group's invite link",
        '{a} created group "{c}"',
        "{a} changed this group's icon",
        '{a} changed the subject from "{c}" to "{d}"',
        "{a} pinned a message",
        "You added {b}",
        "{a} added you",
    ],
    "es": [
        "{a} añadió a {b}",
        "{a} añadió a {b}, {c} y {d}",
        "{a} eliminó a {b}",
        "{b} salió del grupo",
        "{b} se unió usando el enlace de invitación de este grupo",
        '{a} creó el grupo "{c}"',
        "{a} te añadió",
    ],
    "pt-BR": [
        "{a} adicionou {b}",
        "{a} adicionou {b}, {c} e {d}",
        "{a} removeu {b}",
        "{b} saiu",
        "{b} entrou usando o link de convite deste grupo",
        '{a} criou o grupo "{c}"',
        "{a} adicionou você",
    ],
    "pt-PT": [
        "{a} adicionou {b}",
        "{a} removeu {b}",
        "{b} saiu",
        "{b} aderiu através da ligação de convite deste grupo",
        "{a} adicionou-te",
    ],
    "de": [
        "{a} hat {b} hinzugefügt.",
        "{a} hat {b}, {c} und {d} hinzugefügt.",
        "{a} hat {b} entfernt.",
        "{b} hat die Gruppe verlassen.",
        "{b} ist über den Einladungslink dieser Gruppe beigetreten.",
        "{a} hat die Gruppe „{c}“ erstellt.",
        "{a} hat das Gruppenbild geändert.",
        "Du hast {b} hinzugefügt.",
    ],
    "fr": [
        "{a} a ajouté {b}",
        "{a} a ajouté {b}, {c} et {d}",
        "{a} a retiré {b}",
        "{b} est parti",
        "{b} a rejoint le groupe via le lien d'invitation",
        "{a} a créé le groupe « {c} »",
        "{a} vous a ajouté",
    ],
    "it": [
        "{a} ha aggiunto {b}",
        "{a} ha aggiunto {b}, {c} e {d}",
        "{a} ha rimosso {b}",
        "{b} è uscito",
        "{b} si è unito tramite il link d'invito di questo gruppo",
        '{a} ha creato il gruppo "{c}"',
    ],
    "id": [
        "{a} menambahkan {b}",
        "{a} menambahkan {b}, {c} dan {d}",
        "{a} mengeluarkan {b}",
        "{b} keluar",
        "{b} bergabung menggunakan tautan undangan grup ini",
        '{a} membuat grup "{c}"',
    ],
    "ru": [
        "{a} добавил(а) {b}",
        "{a} добавил(а) {b}, {c} и {d}",
        "{a} удалил(а) {b}",
        "{b} вышел(-ла)",
        "{b} присоединился(-ась) по ссылке-приглашению в эту группу",
        '{a} создал(а) группу "{c}"',
    ],
    "tr": [
        "{a}, {b} kişisini ekledi",
        "{a}, {b}, {c} ve {d} kişilerini ekledi",
        "{a}, {b} kişisini çıkardı",
        "{b} ayrıldı",
        "{b}, bu grubun davet bağlantısını kullanarak katıldı",
        '{a}, "{c}" grubunu oluşturdu',
    ],
    "nl": [
        "{a} heeft {b} toegevoegd",
        "{a} heeft {b}, {c} en {d} toegevoegd",
        "{a} heeft {b} verwijderd",
        "{b} heeft de groep verlaten",
        "{b} neemt deel via de uitnodigingslink van deze groep",
        '{a} heeft groep "{c}" aangemaakt',
    ],
    "ar": [
        "{a} أضاف {b}",
        "{a} أضاف {b}، {c} و{d}",
        "{a} أزال {b}",
        "{b} غادر",
        "{b} انضم باستخدام رابط الدعوة الخاص بهذه المجموعة",
        'أنشأ {a} المجموعة "{c}"',
    ],
    "hi": [
        "{a} ने {b} को जोड़ा",
        "{a} ने {b}, {c} और {d} को जोड़ा",
        "{a} ने {b} को निकाला",
        "{b} ने ग्रुप छोड़ दिया",
        "{b} इस ग्रुप के आमंत्रण लिंक से शामिल हुए",
        '{a} ने ग्रुप "{c}" बनाया',
    ],
    "zh-Hans": [
        "{a}添加了{b}",
        "{a}添加了{b}、{c}和{d}",
        "{a}移除了{b}",
        "{b}已退出",
        "{b}通过此群组的邀请链接加入",
        "{a}创建了群组“{c}”",
    ],
    "zh-Hant": [
        "{a}新增了{b}",
        "{a}新增了{b}、{c}和{d}",
        "{a}移除了{b}",
        "{b}已退出",
        "{b}透過此群組的邀請連結加入",
        "{a}建立了群組「{c}」",
    ],
}
assert set(SYSTEM_LINES) == set(LANGUAGES)

# names as people write them: letters of any script, digits, spaces and the usual punctuation inside
# (no ":" which would make an Android line "Name: text", no line breaks, no brackets)
_NAME_CHARS = st.characters(whitelist_categories=("Lu", "Ll", "Lo", "Nd"), whitelist_characters=" .'-~+")
NAMES = st.text(_NAME_CHARS, min_size=1, max_size=16).map(str.strip).filter(bool)
LINES = st.sampled_from([(lang, line) for lang, lines in SYSTEM_LINES.items() for line in lines])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    line=LINES,
    a=NAMES,
    b=NAMES,
    c=NAMES,
    d=NAMES,
    author=st.one_of(st.just("Club"), NAMES),
    ios=st.booleans(),
)
def test_no_system_line_is_ever_a_message(tmp_path_factory, line, a, b, c, d, author, ios) -> None:
    """Any listed language's system line, naming anyone, under the group's or any member's name (iOS) or
    with no author (Android), is read as an event and never counted as a message."""
    _lang, template = line
    text = template.format(a=a, b=b, c=c, d=d)
    path = tmp_path_factory.mktemp("wa") / "chat.txt"
    if ios:
        body = "[01.03.24, 09:00:00] Club: \u200eMessages and calls are end-to-end encrypted.\r\n"
        body += f"[01.03.24, 09:01:00] {author}: \u200e{text}\r\n"
    else:
        body = f"01/03/2024, 09:01 - {text}\n"
    path.write_text(body, encoding="utf-8")
    result = read_all(path)
    assert result.messages == [], text
    assert result.events


@pytest.mark.parametrize(
    "line",
    [
        "Ana hat den Betreff von „Club“ zu „Lesen: 2024“ geändert.",
        'Ana cambió el asunto de "Club" a "Leer: 2024"',
        "安娜将主题从“读书会”更改为“读书: 2024”",
        'Ana changed the subject from "Club" to "Reading: 2024"',
    ],
)
def test_android_subject_change_with_a_colon_is_an_event(tmp_path: Path, line: str) -> None:
    """A new group name holding ": " does not make the subject line a message from "Ana hat den Betreff ..."."""
    path = tmp_path / "chat.txt"
    path.write_text(f"01/03/2024, 09:00 - {line}\n01/03/2024, 09:01 - Ana: ok\n", encoding="utf-8")
    result = read_all(path)
    assert [message.sender_name for message in result.messages] == ["Ana"]
    assert [event.kind.value for event in result.events] == ["rename"]


@pytest.mark.parametrize("platform", ["android", "ios"])
def test_audit_counts_and_notes_through_the_cli(cli, platform: str) -> None:
    """End to end: the German fixture's audit has the hand counts, and its one unknown notice is in
    the notes in English and in Chinese."""
    path = str(fixture("de", platform))
    result = cli("audit", path, "--tz", "UTC", "--report", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    summary = document["summary"]
    expected = ANDROID if platform == "android" else IOS
    assert (summary["messages"], summary["senders"]) == (expected["messages"], expected["senders"])
    assert (summary["joins"], summary["leaves"], summary["removals"]) == (5, 1, 1)
    assert any(note.startswith("kept 1 system notice of no kind sqtool knows") for note in document["notes"])
    chinese = cli("--lang", "zh", "audit", path, "--tz", "UTC")
    assert "有1条系统提示认不出是哪一类" in "".join(chinese.stdout.split())  # the terminal wraps lines
