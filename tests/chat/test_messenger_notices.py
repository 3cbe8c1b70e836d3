"""Messenger and Instagram notices: joins, leaves and removals, and every other notice as ``other``.

The fixture ``messenger_notices_no_participants.json`` is a hand-written thread part without
``participants`` (newest first): 5 things said (Ann twice, Bo a photo and a sentence that only
mentions joining, José once, his name stored as mojibake), 3 joins (Cy and Dan added in one
Subscribe, Eve "joined the group."), Cy leaves, Ann removes Dan, and 5 other notices (group named,
poll, theme, nickname, call).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sqtool.chat.readers import detect, messenger, telegram
from sqtool.chat.sniff import Head
from sqtool.chat.source import Source
from tests.chat.helpers import read_all
from tests.conftest import FIXTURES

FIXTURE = FIXTURES / "chat" / "messenger_notices_no_participants.json"


def test_fixture_counts_match_the_hand_counts() -> None:
    """Messages, senders and each kind of event, exactly."""
    result = read_all(FIXTURE)
    assert result.chat.formats == ["messenger"]  # detected without "participants"
    assert dict(result.senders) == {"Ann Lee": 2, "Bo Kim": 2, "José Ruiz": 1}
    assert dict(result.event_kinds) == {"join": 3, "leave": 1, "removal": 1, "other": 5}
    membership = [(e.kind.value, e.member_name) for e in result.events if e.member_name]
    assert membership == [("join", "Cy Park"), ("join", "Dan Ng"), ("join", "Eve Cho"), ("leave", "Cy Park"),
                          ("removal", "Dan Ng")]  # fmt: skip


def test_a_member_writing_notice_words_is_a_message() -> None:
    """ "I joined the group last week" does not start with its sender's name: it is a message."""
    texts = [message.text for message in read_all(FIXTURE).messages]
    assert "I joined the group last week, love it" in texts


# Hand-written notices per language: {a} is the sender (who did it), {b} someone else.
NOTICES = {
    "en": [
        "{a} added {b} to the group.",
        "{a} left the group.",
        "{a} removed {b} from the group.",
        "{a} joined the group.",
        "{a} created a poll: Pizza?",
        "{a} changed the theme to Love.",
        "{a} set the nickname for {b} to Bee.",
        "{a} named the group Readers.",
        "{a} started a call.",
    ],
    "es": [
        "{a} agregó a {b} al grupo.",
        "{a} salió del grupo.",
        "{a} eliminó a {b} del grupo.",
        "{a} se unió al grupo.",
        "{a} creó una encuesta: ¿Pizza?",
        "{a} cambió el tema a Amor.",
        "{a} estableció el apodo de {b} como Abeja.",
        "{a} le puso el nombre Lectores al grupo.",
        "{a} inició una llamada.",
    ],
    "pt-BR": [
        "{a} adicionou {b} ao grupo.",
        "{a} saiu do grupo.",
        "{a} removeu {b} do grupo.",
        "{a} entrou no grupo.",
        "{a} criou uma enquete: Pizza?",
        "{a} mudou o tema para Amor.",
        "{a} definiu o apelido de {b} como Abelha.",
        "{a} deu o nome Leitores ao grupo.",
        "{a} iniciou uma chamada.",
    ],
    "pt-PT": [
        "{a} adicionou {b} ao grupo.",
        "{a} saiu do grupo.",
        "{a} removeu {b} do grupo.",
        "{a} juntou-se ao grupo.",
        "{a} criou uma sondagem: Pizza?",
        "{a} alterou o tema para Amor.",
        "{a} definiu a alcunha de {b} como Abelha.",
        "{a} deu ao grupo o nome Leitores.",
        "{a} iniciou uma chamada.",
    ],
    "de": [
        "{a} hat {b} zur Gruppe hinzugefügt.",
        "{a} hat die Gruppe verlassen.",
        "{a} hat {b} aus der Gruppe entfernt.",
        "{a} ist der Gruppe beigetreten.",
        "{a} hat eine Umfrage erstellt: Pizza?",
        "{a} hat das Design zu Liebe geändert.",
        "{a} hat den Spitznamen von {b} auf Biene festgelegt.",
        "{a} hat die Gruppe Leser benannt.",
        "{a} hat einen Anruf gestartet.",
    ],
    "fr": [
        "{a} a ajouté {b} au groupe.",
        "{a} a quitté le groupe.",
        "{a} a retiré {b} du groupe.",
        "{a} a rejoint le groupe.",
        "{a} a créé un sondage : Pizza ?",
        "{a} a changé le thème en Amour.",
        "{a} a défini le pseudo de {b} sur Abeille.",
        "{a} a nommé le groupe Lecteurs.",
        "{a} a lancé un appel.",
    ],
    "it": [
        "{a} ha aggiunto {b} al gruppo.",
        "{a} ha abbandonato il gruppo.",
        "{a} ha rimosso {b} dal gruppo.",
        "{a} si è unito al gruppo.",
        "{a} ha creato un sondaggio: Pizza?",
        "{a} ha cambiato il tema in Amore.",
        "{a} ha impostato il soprannome di {b} su Ape.",
        "{a} ha chiamato il gruppo Lettori.",
        "{a} ha avviato una chiamata.",
    ],
    "id": [
        "{a} menambahkan {b} ke grup.",
        "{a} keluar dari grup.",
        "{a} mengeluarkan {b} dari grup.",
        "{a} bergabung ke grup.",
        "{a} membuat polling: Pizza?",
        "{a} mengubah tema menjadi Cinta.",
        "{a} mengatur nama panggilan {b} menjadi Lebah.",
        "{a} menamai grup Pembaca.",
        "{a} memulai panggilan.",
    ],
    "ru": [
        "{a} добавил(а) {b} в группу.",
        "{a} покинул(а) группу.",
        "{a} удалил(а) {b} из группы.",
        "{a} присоединился(-ась) к группе.",
        "{a} создал(а) опрос: Пицца?",
        "{a} изменил(а) тему на «Любовь».",
        "{a} установил(а) псевдоним Пчела для {b}.",
        "{a} назвал(а) группу «Читатели».",
        "{a} начал(а) звонок.",
    ],
    "tr": [
        "{a}, {b} kişisini gruba ekledi.",
        "{a} gruptan ayrıldı.",
        "{a}, {b} kişisini gruptan çıkardı.",
        "{a} gruba katıldı.",
        "{a} bir anket oluşturdu: Pizza?",
        "{a} temayı Aşk olarak değiştirdi.",
        "{a}, {b} için takma adı Arı olarak ayarladı.",
        "{a} grubun adını Okurlar olarak değiştirdi.",
        "{a} bir arama başlattı.",
    ],
    "nl": [
        "{a} heeft {b} aan de groep toegevoegd.",
        "{a} heeft de groep verlaten.",
        "{a} heeft {b} uit de groep verwijderd.",
        "{a} is lid geworden van de groep.",
        "{a} heeft een peiling gemaakt: Pizza?",
        "{a} heeft het thema gewijzigd in Liefde.",
        "{a} heeft de bijnaam van {b} ingesteld op Bij.",
        "{a} heeft de groep de naam Lezers gegeven.",
        "{a} is een gesprek begonnen.",
    ],
    "ar": [
        "{a} أضاف {b} إلى المجموعة.",
        "{a} غادر المجموعة.",
        "{a} أزال {b} من المجموعة.",
        "{a} انضم إلى المجموعة.",
        "{a} أنشأ استطلاعًا: بيتزا؟",
        "{a} غيّر السمة إلى حب.",
        "{a} عيّن الاسم المستعار لـ {b} إلى نحلة.",
        "{a} غيّر اسم المجموعة إلى القراء.",
        "{a} بدأ مكالمة.",
    ],
    "hi": [
        "{a} ने {b} को ग्रुप में जोड़ा.",
        "{a} ने ग्रुप छोड़ दिया.",
        "{a} ने {b} को ग्रुप से निकाल दिया.",
        "{a} ग्रुप में शामिल हुए.",
        "{a} ने एक पोल बनाया: पिज़्ज़ा?",
        "{a} ने थीम बदलकर प्यार की.",
        "{a} ने {b} का निकनेम मधुमक्खी सेट किया.",
        "{a} ने ग्रुप का नाम पाठक रखा.",
        "{a} ने कॉल शुरू की.",
    ],
    "zh-Hans": [
        "{a}将{b}添加到群组。",
        "{a}退出了群组。",
        "{a}将{b}移出了群组。",
        "{a}加入了群组。",
        "{a}发起了投票：吃披萨吗？",
        "{a}将主题更改为“爱”。",
        "{a}将{b}的昵称设为小蜜蜂。",
        "{a}将群名改为“读者”。",
        "{a}发起了通话。",
    ],
    "zh-Hant": [
        "{a}將{b}新增到群組。",
        "{a}退出了群組。",
        "{a}將{b}從群組移除。",
        "{a}加入了群組。",
        "{a}發起了投票：吃披薩嗎？",
        "{a}將主題變更為「愛」。",
        "{a}將{b}的暱稱設為小蜜蜂。",
        "{a}將群組名稱改為「讀者」。",
        "{a}發起了通話。",
    ],
}
# what each line above is: the membership kind (and who it names), or "other"
EXPECTED = [("join", "b"), ("leave", "a"), ("removal", "b"), ("join", "a")] + [("other", None)] * 5


@pytest.mark.parametrize("lang", sorted(NOTICES))
def test_notices_of_every_language(tmp_path: Path, lang: str) -> None:
    """Each language's membership notices name the right member; poll, theme, nickname, name and
    call notices are ``other``; none is counted as a message."""
    names = {"a": "Mia Hart", "b": "Noa Berg"}
    messages = [
        {"sender_name": names["a"], "timestamp_ms": 1709284000000 + 60000 * index, "content": line.format(**names)}
        for index, line in enumerate(NOTICES[lang])
    ]
    path = tmp_path / "message_1.json"
    path.write_text(json.dumps({"messages": messages[::-1]}, ensure_ascii=False), encoding="utf-8")
    result = read_all(path)
    assert result.messages == []
    got = [(event.kind.value, event.member_name) for event in result.events]
    assert got == [(kind, names[who] if who else None) for kind, who in EXPECTED]


def test_detection_without_participants() -> None:
    """A thread part with sender names and millisecond times, but no participants list, is Messenger."""
    source = Source(FIXTURE, str(FIXTURE))
    assert detect(source, source.head()) == "messenger"


@pytest.mark.parametrize(
    "text",
    [
        "Mia Hart here: the poll closes on Friday",
        "Mia Hart findet das Design schön",
        "Mia Hart думает, что опрос нужен",
        "Mia Hart 觉得这个主题不错",
    ],
)
def test_a_member_naming_themselves_is_still_a_message(tmp_path: Path, text: str) -> None:
    """Only a notice's own wording makes an event: a sentence that starts with its sender's name and
    mentions a poll, a design or a theme is something the member said."""
    item = {"sender_name": "Mia Hart", "timestamp_ms": 1709284000000, "content": text}
    path = tmp_path / "message_1.json"
    path.write_text(json.dumps({"messages": [item]}, ensure_ascii=False), encoding="utf-8")
    result = read_all(path)
    assert [message.text for message in result.messages] == [text]


def test_telegram_keys_outrank_a_thread_without_participants() -> None:
    """Without "participants" the Messenger keys are weaker evidence than Telegram's: a head with both is Telegram."""
    head = b'{"messages": [{"id": 1, "date_unixtime": "1"}, {"sender_name": "A", "timestamp_ms": 1}]}'
    assert messenger.sniff(Head.of(head)) < telegram.sniff(Head.of(head))
    assert messenger.sniff(Head.of(b'{"messages": [{"sender_name": "A", "timestamp_ms": 1}]}')) > 0
