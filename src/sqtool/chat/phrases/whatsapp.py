"""WhatsApp's group system lines (Android and iOS), one table per language.

Source of every table: the group notices WhatsApp for Android and for iOS writes into an exported
chat in that display language (the apps' own interface wording; where app versions word a notice
differently, each wording is listed). Both platforms share the wording; they differ in layout only
(Android: a line with no ``Name: `` part; iOS: ``Name: `` + U+200E + the notice), which the reader
tells apart. A line no table recognises is still a system line when its layout says so.
"""

from __future__ import annotations

from sqtool.chat.phrases import PhraseTable

SOURCE = "WhatsApp Android and iOS group notices as written in an exported chat ({language} display language)"

ENGLISH = PhraseTable(
    language="en",
    source=SOURCE.format(language="English"),
    you="You",
    list_separators=(", ", " and "),
    added=("{actor} added {members}", "{members} (?:was|were) added"),
    joined=(
        "{member} joined using (?:this group's|this community's|your) invite link",
        "{member} joined from the community",
        "{member} joined",
    ),
    left=("{member} left(?: the group)?",),
    removed=("{actor} removed {members}", "{members} (?:was|were) removed"),
    rename_hints=("changed the subject", "changed the group name", "changed this group's name"),
    pin_hints=("pinned a message",),
    notice_hints=(
        "end-to-end encrypted",  # the encryption notice at the top of every chat
        "created group",
        "created this group",
        "changed this group's icon",
        "deleted this group's icon",
        "changed the group description",
        "deleted the group description",
        "security code",
        "changed their phone number",
        "changed to a new number",
        "now an admin",
        "no longer an admin",
        "changed this group's settings",
        "changed the settings",
        "disappearing messages",
        "message timer",
    ),
    media_placeholders=(
        "(?:image|video|audio|sticker|GIF|document|Contact card|video note) omitted",
        "<attached: [^<>]+>",
    ),
    sticker_words=("sticker",),
    placeholders=(
        "This message was deleted",
        "You deleted this message",
        "POLL:.*",
    ),
)

SPANISH = PhraseTable(
    language="es",
    source=SOURCE.format(language="Spanish"),
    you="Tú",
    list_separators=(", ", " y "),
    added=(
        "{actor} (?:añadió|agregó) a {members}",
        "{actor} te(?P<member>) (?:añadió|agregó)",
        "(?P<member>)Añadiste a {members}",
    ),
    joined=(
        "{member} se unió usando el enlace de invitación(?: de este grupo| de esta comunidad)?",
        "{member} se unió desde la comunidad",
        "{member} se unió(?: al grupo)?",
        "(?P<member>)Te uniste(?: .*)?",
    ),
    left=("{member} salió(?: del grupo)?", "(?P<member>)Saliste(?: del grupo)?"),
    removed=("{actor} eliminó a {members}", "{actor} te(?P<member>) eliminó", "(?P<member>)Eliminaste a {members}"),
    rename_hints=("cambió el asunto", "cambió el nombre del grupo", "cambiaste el asunto"),
    pin_hints=("fijó un mensaje",),
    notice_hints=(
        "cifrados de extremo a extremo",  # the encryption notice at the top of every chat
        "creó el grupo",
        "creaste el grupo",
        "ícono de este grupo",
        "icono de este grupo",
        "imagen de este grupo",
        "descripción del grupo",
        "código de seguridad",
        "cambió su número",
        "ahora es admin",
        "ya no es admin",
        "mensajes temporales",
        "configuración del grupo",
        "ajustes del grupo",
    ),
    media_placeholders=("(?:imagen|video|audio|sticker|GIF|documento|tarjeta de contacto) omitid[oa]",),
    sticker_words=("sticker",),
    placeholders=("Se eliminó este mensaje", "Eliminaste este mensaje", "ENCUESTA:.*"),
)

PORTUGUESE_BR = PhraseTable(
    language="pt-BR",
    source=SOURCE.format(language="Portuguese (Brazil)"),
    you="Você",
    list_separators=(", ", " e "),
    added=("{actor} adicionou {members}", "(?P<member>)Você adicionou {members}"),
    joined=(
        "{member} entrou usando o link de convite(?: deste grupo| desta comunidade)?",
        "{member} entrou pela comunidade",
        "{member} entrou(?: no grupo)?",
    ),
    left=("{member} saiu(?: do grupo)?",),
    removed=("{actor} removeu {members}",),
    rename_hints=("mudou o assunto", "mudou o nome do grupo", "alterou o nome do grupo"),
    pin_hints=("fixou uma mensagem",),
    notice_hints=(
        "criptografia de ponta a ponta",  # the encryption notice at the top of every chat
        "criou o grupo",
        "imagem deste grupo",
        "descrição do grupo",
        "código de segurança",
        "mudou seu número",
        "mudou o número",
        "agora é admin",
        "não é mais admin",
        "mensagens temporárias",
        "configurações do grupo",
    ),
    media_placeholders=("(?:imagem|vídeo|áudio|figurinha|GIF|documento|cartão de contato) ocultad[oa]",),
    sticker_words=("figurinha",),
    placeholders=("Mensagem apagada", "Você apagou esta mensagem", "ENQUETE:.*"),
)

PORTUGUESE_PT = PhraseTable(
    language="pt-PT",
    source=SOURCE.format(language="Portuguese (Portugal)"),
    you="Tu",
    list_separators=(", ", " e "),
    added=("{actor} adicionou {members}", "{actor} adicionou-te(?P<member>)"),
    joined=(
        "{member} (?:entrou|aderiu) através da ligação de convite(?: deste grupo| desta comunidade)?",
        "{member} (?:entrou|aderiu)(?: ao grupo)?",
    ),
    left=("{member} saiu(?: do grupo)?",),
    removed=("{actor} removeu {members}", "{actor} removeu-te(?P<member>)"),
    rename_hints=("alterou o assunto", "alterou o nome do grupo"),
    pin_hints=("afixou uma mensagem",),
    notice_hints=(
        "encriptação ponto a ponto",  # the encryption notice at the top of every chat
        "criou o grupo",
        "imagem deste grupo",
        "descrição do grupo",
        "código de segurança",
        "mudou de número",
        "é agora administrador",
        "já não é administrador",
        "mensagens temporárias",
        "definições do grupo",
    ),
    media_placeholders=("(?:imagem|vídeo|áudio|autocolante|GIF|documento) omitid[oa]",),
    sticker_words=("autocolante",),
    placeholders=("Esta mensagem foi apagada", "Apagaste esta mensagem", "SONDAGEM:.*"),
)

GERMAN = PhraseTable(
    language="de",
    source=SOURCE.format(language="German"),
    you="Du",
    list_separators=(", ", " und "),
    added=("{actor} (?:hat|hast) {members} hinzugefügt", "{members} (?:wurde|wurdest|wurden) hinzugefügt"),
    joined=(
        "{member} (?:ist|bist) über den Einladungslink (?:dieser Gruppe|dieser Community) beigetreten",
        "{member} (?:ist|bist) (?:der Gruppe )?über die Community beigetreten",
        "{member} (?:ist|bist) (?:der Gruppe )?beigetreten",
    ),
    left=("{member} (?:hat|hast) die Gruppe verlassen",),
    removed=("{actor} (?:hat|hast) {members} entfernt", "{members} (?:wurde|wurdest|wurden) entfernt"),
    rename_hints=("den Betreff", "den Gruppennamen"),
    pin_hints=("Nachricht angeheftet", "Nachricht fixiert"),
    notice_hints=(
        "Ende-zu-Ende-verschlüsselt",  # the encryption notice at the top of every chat
        "erstellt",
        "Gruppenbild",
        "Gruppenbeschreibung",
        "Sicherheitsnummer",
        "neue Nummer",
        "Telefonnummer",
        "jetzt Admin",
        "nicht mehr Admin",
        "selbstlöschende Nachrichten",
        "Gruppeneinstellungen",
    ),
    media_placeholders=("(?:Bild|Video|Audio|Sticker|GIF|Dokument|Kontaktkarte) weggelassen", "<Anhang: [^<>]+>"),
    sticker_words=("Sticker",),
    placeholders=("Diese Nachricht wurde gelöscht", "Du hast diese Nachricht gelöscht", "UMFRAGE:.*"),
)

FRENCH = PhraseTable(
    language="fr",
    source=SOURCE.format(language="French"),
    you="Vous",
    list_separators=(", ", " et "),
    added=("{actor} (?:a|avez) ajouté {members}", "{actor} vous(?P<member>) a ajouté(?:e)?"),
    joined=(
        "{member} (?:a|avez) rejoint (?:le groupe |la communauté )?(?:via|avec|en utilisant) le lien d'invitation.*",
        "{member} (?:a|avez) rejoint(?: le groupe| la communauté)?",
    ),
    left=("{member} (?:est|êtes) parti(?:e|s|es)?", "{member} (?:a|avez) quitté(?: le groupe)?"),
    removed=("{actor} (?:a|avez) retiré {members}", "{actor} vous(?P<member>) a retiré(?:e)?"),
    rename_hints=("le sujet", "le nom du groupe", "l'objet du groupe"),
    pin_hints=("épinglé un message",),
    notice_hints=(
        "chiffrés de bout en bout",  # the encryption notice at the top of every chat
        "créé le groupe",
        "créé ce groupe",
        "l'icône de ce groupe",
        "la photo de ce groupe",
        "la description du groupe",
        "code de sécurité",
        "changé de numéro",
        "maintenant admin",
        "n'est plus admin",
        "messages éphémères",
        "paramètres du groupe",
    ),
    media_placeholders=("(?:image|vidéo|audio|autocollant|GIF|document) (?:omis|omise|absente?)",),
    sticker_words=("autocollant",),
    placeholders=("Ce message a été supprimé", "Vous avez supprimé ce message", "SONDAGE ?:.*"),
)

ITALIAN = PhraseTable(
    language="it",
    source=SOURCE.format(language="Italian"),
    you="Tu",
    list_separators=(", ", " e "),
    added=("{actor} (?:ha|hai) aggiunto {members}", "{actor} ti(?P<member>) ha aggiunto"),
    joined=(
        "{member} si è unit[oa] tramite il link d'invito(?: di questo gruppo| di questa community)?",
        "{member} si è unit[oa](?: al gruppo| dalla community)?",
        "(?P<member>)Ti sei unit[oa](?: .*)?",
    ),
    left=(
        "{member} è uscit[oa](?: dal gruppo)?",
        "{member} ha abbandonato(?: il gruppo)?",
        "(?P<member>)Sei uscit[oa]",
    ),
    removed=("{actor} (?:ha|hai) rimosso {members}", "{actor} ti(?P<member>) ha rimosso"),
    rename_hints=("l'oggetto", "il nome del gruppo"),
    pin_hints=("fissato un messaggio",),
    notice_hints=(
        "crittografati end-to-end",  # the encryption notice at the top of every chat
        "creato il gruppo",
        "l'immagine di questo gruppo",
        "l'icona di questo gruppo",
        "la descrizione del gruppo",
        "codice di sicurezza",
        "cambiato numero",
        "amministratore",
        "messaggi effimeri",
        "impostazioni del gruppo",
    ),
    media_placeholders=("(?:immagine|video|audio|sticker|GIF|documento) omess[oa]",),
    sticker_words=("sticker",),
    placeholders=("Questo messaggio è stato eliminato", "Hai eliminato questo messaggio", "SONDAGGIO:.*"),
)

INDONESIAN = PhraseTable(
    language="id",
    source=SOURCE.format(language="Indonesian"),
    you="Anda",
    list_separators=(", ", " dan "),
    added=("{actor} menambahkan {members}",),
    joined=(
        "{member} bergabung menggunakan tautan undangan(?: grup ini| komunitas ini)?",
        "{member} bergabung dari komunitas",
        "{member} bergabung(?: ke grup)?",
    ),
    left=("{member} keluar(?: dari grup)?",),
    removed=("{actor} (?:mengeluarkan|menghapus) {members}",),
    rename_hints=("mengubah subjek", "mengubah nama grup"),
    pin_hints=("menyematkan pesan",),
    notice_hints=(
        "terenkripsi end-to-end",  # the encryption notice at the top of every chat
        "membuat grup",
        "ikon grup",
        "deskripsi grup",
        "kode keamanan",
        "nomor telepon",
        "mengganti nomor",
        "sekarang admin",
        "bukan admin lagi",
        "pesan sementara",
        "setelan grup",
    ),
    media_placeholders=("(?:gambar|video|audio|stiker|GIF|dokumen) tidak disertakan",),
    sticker_words=("stiker",),
    placeholders=("Pesan ini telah dihapus", "Anda menghapus pesan ini", "POLLING:.*"),
)

RUSSIAN = PhraseTable(
    language="ru",
    source=SOURCE.format(language="Russian"),
    you="Вы",
    list_separators=(", ", " и "),
    added=("{actor} (?:добавил|добавила|добавил\\(а\\)|добавили) {members}",),
    joined=(
        "{member} (?:присоединился|присоединилась|присоединился\\(-ась\\)|присоединились)"
        "(?: к группе)?(?: по ссылке-приглашению.*| из сообщества)?",
    ),
    left=(
        "{member} (?:вышел|вышла|вышел\\(-ла\\)|вышли|покинул|покинула|покинул\\(а\\)|покинули)(?: из группы| группу)?",
    ),
    removed=("{actor} (?:удалил|удалила|удалил\\(а\\)|удалили) {members}",),
    rename_hints=("тему", "название группы"),
    pin_hints=("закрепил",),
    notice_hints=(
        "сквозным шифрованием",  # the encryption notice at the top of every chat
        "создал",
        "фото группы",
        "значок группы",
        "описание группы",
        "код безопасности",
        "номер",
        "админ",
        "исчезающие сообщения",
        "настройки группы",
    ),
    media_placeholders=("(?:изображение|видео|аудио|стикер|GIF|документ) (?:отсутствует|пропущено|пропущен)",),
    sticker_words=("стикер",),
    placeholders=("Данное сообщение удалено", "Вы удалили данное сообщение", "ОПРОС:.*"),
)

TURKISH = PhraseTable(
    language="tr",
    source=SOURCE.format(language="Turkish"),
    you="Siz",
    list_separators=(", ", " ve "),
    added=("{actor}, {members} (?:kişisini|kişilerini) ekledi", "{actor},? sizi(?P<member>) ekledi"),
    joined=(
        "{member},? bu (?:grubun|topluluğun) davet bağlantısını kullanarak katıldı",
        "{member},? topluluktan katıldı",
        "{member},? (?:gruba )?katıldı",
    ),
    left=("{member},? (?:gruptan )?ayrıldı",),
    removed=("{actor}, {members} (?:kişisini|kişilerini) çıkardı", "{actor},? sizi(?P<member>) çıkardı"),
    rename_hints=("konuyu", "grup adını"),
    pin_hints=("sabitledi",),
    notice_hints=(
        "uçtan uca şifreli",  # the encryption notice at the top of every chat
        "oluşturdu",
        "grup simgesini",
        "grup açıklamasını",
        "güvenlik kodu",
        "numarasını",
        "yönetici",
        "süreli mesajlar",
        "grup ayarlarını",
    ),
    media_placeholders=("(?:görüntü|video|ses|çıkartma|GIF|belge) dahil edilmedi",),
    sticker_words=("çıkartma",),
    placeholders=("Bu mesaj silindi", "Bu mesajı sildiniz", "ANKET:.*"),
)

DUTCH = PhraseTable(
    language="nl",
    source=SOURCE.format(language="Dutch"),
    you="Jij",
    list_separators=(", ", " en "),
    added=("{actor} (?:heeft|hebt) {members} toegevoegd", "{members} (?:is|bent|zijn) toegevoegd"),
    joined=(
        "{member} (?:neemt|neem) deel via de uitnodigingslink van deze (?:groep|community)",
        "{member} (?:is|bent) lid geworden(?: .*)?",
        "{member} (?:neemt|neem) deel(?: .*)?",
    ),
    left=("{member} (?:heeft|hebt) de groep verlaten", "{member} (?:is|bent) vertrokken"),
    removed=("{actor} (?:heeft|hebt) {members} verwijderd", "{members} (?:is|bent|zijn) verwijderd"),
    rename_hints=("het onderwerp", "de groepsnaam"),
    pin_hints=("bericht vastgezet",),
    notice_hints=(
        "end-to-end versleuteld",  # the encryption notice at the top of every chat
        "aangemaakt",
        "groepsafbeelding",
        "groepsbeschrijving",
        "beveiligingscode",
        "nieuw nummer",
        "beheerder",
        "verdwijnende berichten",
        "groepsinstellingen",
    ),
    media_placeholders=("(?:afbeelding|video|audio|sticker|GIF|document) weggelaten",),
    sticker_words=("sticker",),
    placeholders=("Dit bericht is verwijderd", "Je hebt dit bericht verwijderd", "PEILING:.*"),
)

ARABIC = PhraseTable(
    language="ar",
    source=SOURCE.format(language="Arabic"),
    you="أنت",
    list_separators=("، ", ", ", " و"),
    added=("{actor} (?:أضاف|أضافت|أضفت) {members}", "قام {actor} بإضافة {members}"),
    joined=(
        "{member} (?:انضم|انضمت|انضممت) باستخدام رابط الدعوة.*",
        "{member} (?:انضم|انضمت|انضممت)(?: .*)?",
    ),
    left=("{member} (?:غادر|غادرت)(?: .*)?",),
    removed=("{actor} (?:أزال|أزالت|أزلت) {members}", "قام {actor} بإزالة {members}"),
    rename_hints=("الموضوع", "اسم المجموعة"),
    pin_hints=("رسالة مثبتة", "بتثبيت رسالة", "ثبّت رسالة", "ثبت رسالة"),
    notice_hints=(
        "مشفرة تمامًا",  # the encryption notice at the top of every chat
        "أنشأ",
        "صورة المجموعة",
        "رمز المجموعة",
        "وصف المجموعة",
        "رمز الأمان",
        "رقم",
        "مشرف",
        "الرسائل المؤقتة",
        "إعدادات المجموعة",
    ),
    media_placeholders=(
        "(?:الصورة|الفيديو|الصوت|الملصق|المستند) (?:محذوف|محذوفة|مستبعد|مستبعدة)",
        "تم استبعاد (?:الصورة|الفيديو|الصوت|الملصق|المستند)",
    ),
    sticker_words=("الملصق",),
    placeholders=("تم حذف هذه الرسالة", "لقد حذفت هذه الرسالة", "استطلاع:.*"),
)

HINDI = PhraseTable(
    language="hi",
    source=SOURCE.format(language="Hindi"),
    you="आप",
    list_separators=(", ", " और "),
    added=("{actor} ने {members} को (?:जोड़ा|ऐड किया)", "{actor} ने आपको(?P<member>) (?:जोड़ा|ऐड किया)"),
    joined=(
        "{member} (?:ने )?(?:इस ग्रुप|इस कम्युनिटी) के (?:आमंत्रण|इनवाइट) लिंक (?:से|का इस्तेमाल करके) "
        "(?:ज्वाइन किया|शामिल हुए|शामिल हुआ|शामिल हुईं|शामिल हुई)",
        "{member} (?:ग्रुप में )?(?:शामिल हुए|शामिल हुआ|शामिल हुईं|शामिल हुई)",
        "{member} ने (?:ग्रुप )?ज्वाइन किया",
    ),
    left=("{member} ने (?:ग्रुप )?छोड़ (?:दिया|दी)", "{member} (?:ग्रुप से )?(?:चले गए|चला गया|चली गई|बाहर निकल गए)"),
    removed=("{actor} ने {members} को (?:निकाला|हटाया|निकाल दिया|हटा दिया)",),
    rename_hints=("विषय", "ग्रुप का नाम"),
    pin_hints=("पिन किया",),
    notice_hints=(
        "एंड-टू-एंड एन्क्रिप्टेड",  # the encryption notice at the top of every chat
        "ग्रुप बनाया",
        "बनाया",
        "आइकन",
        "आइकॉन",
        "विवरण",
        "सुरक्षा कोड",
        "नंबर",
        "एडमिन",
        "गायब होने वाले",
        "सेटिंग",
    ),
    media_placeholders=("(?:फ़ोटो|इमेज|वीडियो|ऑडियो|स्टिकर|GIF|डॉक्यूमेंट) (?:छोड़ा गया|छोड़ी गई|हटाया गया)",),
    sticker_words=("स्टिकर",),
    placeholders=("यह मैसेज हटा दिया गया", "आपने यह मैसेज हटाया", "पोल:.*"),
)

CHINESE_SIMPLIFIED = PhraseTable(
    language="zh-Hans",
    source=SOURCE.format(language="Chinese (Simplified)"),
    you="你",
    list_separators=("、", "，", ", ", " 和 ", "和"),
    added=("{actor} ?(?:添加了|已添加) ?{members}",),
    joined=(
        "{member} ?(?:已)?通过此(?:群组|社群)的邀请链接加入(?:了群组)?",
        "{member} ?(?:已)?(?:从社群)?加入(?:了)?(?:群组|群聊)?",
    ),
    left=("{member} ?(?:已退出|退出了|已离开|离开了)(?:群组|群聊)?",),
    removed=("{actor} ?(?:移除了|已移除) ?{members}",),
    rename_hints=("主题", "群组名称", "群名"),
    pin_hints=("置顶了",),
    notice_hints=(
        "端到端加密",  # the encryption notice at the top of every chat
        "创建了群组",
        "创建群组",
        "群组图标",
        "群组头像",
        "群组描述",
        "群组简介",
        "安全码",
        "号码",
        "管理员",
        "限时消息",
        "群组设置",
    ),
    media_placeholders=("(?:图片|视频|音频|贴图|GIF|文档)(?:已忽略|已省略)", "已省略(?:图片|视频|音频|贴图|GIF|文档)"),
    sticker_words=("贴图",),
    placeholders=("此消息已删除", "你删除了此消息", "投票：.*"),
)

CHINESE_TRADITIONAL = PhraseTable(
    language="zh-Hant",
    source=SOURCE.format(language="Chinese (Traditional)"),
    you="你",
    list_separators=("、", "，", ", ", " 和 ", "和"),
    added=("{actor} ?(?:新增了|已新增) ?{members}",),
    joined=(
        "{member} ?(?:已)?透過此(?:群組|社群)的邀請連結加入(?:了群組)?",
        "{member} ?(?:已)?(?:從社群)?加入(?:了)?(?:群組)?",
    ),
    left=("{member} ?(?:已退出|退出了|已離開|離開了)(?:群組)?",),
    removed=("{actor} ?(?:移除了|已移除) ?{members}",),
    rename_hints=("主題", "群組名稱"),
    pin_hints=("置頂了",),
    notice_hints=(
        "端對端加密",  # the encryption notice at the top of every chat
        "建立了群組",
        "建立群組",
        "群組圖示",
        "群組相片",
        "群組說明",
        "群組描述",
        "安全碼",
        "號碼",
        "管理員",
        "限時訊息",
        "群組設定",
    ),
    media_placeholders=("(?:圖片|影片|音訊|貼圖|GIF|文件)(?:已略去|已省略)", "已略去(?:圖片|影片|音訊|貼圖|GIF|文件)"),
    sticker_words=("貼圖",),
    placeholders=("此訊息已刪除", "你刪除了此訊息", "投票：.*"),
)

# the order the reader tries them in: a line one table misreads must be read by an earlier one first
TABLES: tuple[PhraseTable, ...] = (
    ENGLISH,
    SPANISH,
    PORTUGUESE_BR,
    PORTUGUESE_PT,
    GERMAN,
    FRENCH,
    ITALIAN,
    INDONESIAN,
    RUSSIAN,
    TURKISH,
    DUTCH,
    ARABIC,
    HINDI,
    CHINESE_SIMPLIFIED,
    CHINESE_TRADITIONAL,
)
