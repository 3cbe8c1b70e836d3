"""`--anonymize`: the same report with every member replaced by a salted, stable pseudonym.

Within one report a member keeps one pseudonym (the same id gives the same code everywhere: senders,
lists, leaders, questions); the code is an HMAC of the member's id under a salt that is random per run
unless ``--anonymize-salt`` is given, so two anonymized reports cannot be joined by accident. Names and
ids are replaced where they stand and inside free text (mentions, quoted text, finding messages, notes),
and phone numbers, e-mail addresses, WeChat ids and QQ numbers inside text are masked. The group's name
and the export file names are replaced too, unless ``keep_group_name``.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from sqtool.audit.history import Group, GroupSummary, HistoryEntry
from sqtool.audit.report import (
    AuditReport,
    ExportInfo,
    Leader,
    ListedMember,
    MemberLists,
    MemberRow,
    NameCount,
    Note,
    OpenQuestion,
    QuestionRow,
    SenderCount,
)
from sqtool.i18n import Translator

CODE_LENGTH = 6  # hex digits: 16.7 million codes, lengthened on the rare clash within a report
MIN_TEXT_NAME = 2  # names this long or longer are replaced inside free text too (shorter: only after @)

# contact details inside message text, masked whatever member wrote them
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_WECHAT = re.compile(
    r"(?i)\bwxid_[a-z0-9_-]+|(?:微信号?|vx|v信|wx|wechat|weixin)\s*(?:id|号)?\s*[:：]?\s*[a-z][-_a-z0-9]{5,19}"
)
_QQ = re.compile(r"(?i)(?:qq|扣扣)\s*(?:号|号码|number|no\.?)?\s*[:：]?\s*\d{5,12}")
_PHONE = re.compile(
    r"(?<![\w+])(?:"
    r"\+\d{1,3}[\s-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}"  # international: +86 139 1234 5678
    r"|1[3-9]\d(?:[\s-]?\d{4}){2}"  # a Chinese mobile: 13800138000, 138-0013-8000
    r"|0\d{2,3}-\d{7,8}"  # a Chinese landline: 010-12345678
    r"|\d{7,}"  # any other run of seven digits or more (no dates: they have dashes)
    r")(?!\w)"
)


def mask_contacts(text: str) -> str:
    """``text`` with e-mail addresses, WeChat ids, QQ numbers and phone numbers (7 digits or more) masked."""
    text = _EMAIL.sub("[email]", text)
    text = _WECHAT.sub("[wechat]", text)
    text = _QQ.sub("[qq]", text)
    return _PHONE.sub("[phone]", text)


def new_salt() -> str:
    return secrets.token_hex(16)


@dataclass
class Pseudonyms:
    """Member id -> pseudonym code, and the replacements for free text."""

    salt: str
    tr: Translator
    codes: dict[str, str] = field(default_factory=dict)
    by_name: dict[str, str] = field(default_factory=dict)  # display name -> id of the member who has it
    literal: dict[str, str] = field(default_factory=dict)  # other strings to replace (files, the group)
    _pattern: re.Pattern[str] | None = None
    _used: set[str] = field(default_factory=set)

    def code(self, member_id: str) -> str:
        found = self.codes.get(member_id)
        if found is None:
            digest = hmac.new(self.salt.encode(), member_id.encode("utf-8", "surrogatepass"), hashlib.sha256)
            text = digest.hexdigest().upper()
            length = CODE_LENGTH
            while text[:length] in self._used:
                length += 1
            found = text[:length]
            self._used.add(found)
            self.codes[member_id] = found
            self._pattern = None
        return found

    def add(self, member_id: str, name: str) -> None:
        self.code(member_id)
        self.by_name.setdefault(name, member_id)

    def member_id(self, member_id: str) -> str:
        return f"anon-{self.code(member_id).lower()}"

    def member_name(self, member_id: str) -> str:
        return self.tr("anon.member", code=self.code(member_id))

    def name(self, name: str) -> str:
        """A display name that stands alone (a leader, a responder): its member's pseudonym."""
        return self.member_name(self.by_name.get(name, name))

    def text(self, text: str) -> str:
        """Free text with every known name, id, file and group name replaced and contacts masked."""
        if self._pattern is None:
            self._pattern = self._compile()
        if self._pattern is not None:
            text = self._pattern.sub(self._swap, text)
        return mask_contacts(text)

    def _compile(self) -> re.Pattern[str] | None:
        self._swaps: dict[str, str] = {}
        for member_id in self.codes:
            if len(member_id) >= MIN_TEXT_NAME:
                self._swaps[member_id] = self.member_id(member_id)
        for name, member_id in self.by_name.items():
            if len(name) >= MIN_TEXT_NAME:
                self._swaps[name] = self.member_name(member_id)
            self._swaps["@" + name] = "@" + self.member_name(member_id)  # a mention, however short the name
        self._swaps.update({k: v for k, v in self.literal.items() if k})
        if not self._swaps:
            return None
        ordered = sorted(self._swaps, key=len, reverse=True)  # longest first: 陈姐姐 before 陈姐
        return re.compile("|".join(re.escape(item) for item in ordered))

    def _swap(self, match: re.Match[str]) -> str:
        return self._swaps[match.group()]


def _members(report: AuditReport) -> Iterable[tuple[str, str]]:
    yield from ((s.id, s.name) for s in report.senders)
    for row in report.members or ():
        yield row.id, row.name
    for q in report.questions or ():
        yield q.asker_id, q.asker
        if q.responder_id is not None:
            yield q.responder_id, q.responder or q.responder_id
    if report.lists is not None:
        lists = report.lists
        for m in (*lists.never_posted, *lists.gone_silent, *lists.joiners_silent):
            yield m.id, m.name
        yield from ((q.asker_id, q.asker) for q in lists.unanswered)


def anonymized(
    report: AuditReport, tr: Translator, *, salt: str | None = None, keep_group_name: bool = False
) -> AuditReport:
    """``report`` with pseudonyms for every member and contacts masked in its texts."""
    names = Pseudonyms(salt if salt is not None else new_salt(), tr)
    for member_id, name in sorted(set(_members(report))):
        names.add(member_id, name)
    source = report.source
    files = {path: f"export-{index}{_suffix(path)}" for index, path in enumerate(source.files, start=1)}
    names.literal.update(files)
    names.literal.update({_base(path): shown for path, shown in files.items() if len(_base(path)) >= 3})
    group = source.group
    if group and not keep_group_name:
        names.literal[group] = tr("anon.group")
    text = names.text
    current = report.current

    def figures(f: Any) -> Any:
        return replace(
            f,
            opinion_leaders=replace(
                f.opinion_leaders,
                leaders=_leaders(f.opinion_leaders.leaders, names.name),
                candidates=_leaders(f.opinion_leaders.candidates, names.name),
            ),
            responsiveness=replace(f.responsiveness, responders=_counts(f.responsiveness.responders, names.name)),
            hygiene=replace(f.hygiene, offenders=_counts(f.hygiene.offenders, names.name)),
            owner=replace(f.owner, owners=tuple(names.name(owner) for owner in f.owner.owners)),
        )

    return replace(
        report,
        current=figures(current),
        previous=figures(report.previous) if report.previous is not None else None,
        drift=tuple(
            replace(
                item,
                subject=text(item.subject),
                planned=text(item.planned) if isinstance(item.planned, str) else item.planned,
                measured=text(item.measured) if isinstance(item.measured, str) else item.measured,
                finding=replace(
                    item.finding,
                    message=text(item.finding.message),
                    hint=text(item.finding.hint) if item.finding.hint else item.finding.hint,
                ),
            )
            for item in report.drift
        ),
        notes=(*(Note(note.key, _args(note.args, text)) for note in report.notes), Note("anon.note")),
        roster_path=text(report.roster_path) if report.roster_path else report.roster_path,
        senders=tuple(SenderCount(names.member_id(s.id), names.member_name(s.id), s.messages) for s in report.senders),
        source=ExportInfo(
            formats=source.formats,
            files=tuple(files[path] for path in source.files),
            skipped=source.skipped,
            duplicates=source.duplicates,
            bots=source.bots,
            warnings=tuple(
                replace(w, path=text(w.path), args=tuple((k, text(v)) for k, v in w.args)) for w in source.warnings
            ),
            group=(group if keep_group_name else tr("anon.group")) if group else group,
        ),
        members=tuple(_member_row(row, names) for row in report.members) if report.members is not None else None,
        questions=tuple(_question_row(q, names) for q in report.questions) if report.questions is not None else None,
        lists=_lists(report.lists, names) if report.lists is not None else None,
    )


def _suffix(path: str) -> str:
    match = re.search(r"\.[A-Za-z0-9]{1,5}$", path)
    return match.group() if match else ""


def _base(path: str) -> str:
    return re.split(r"[\\/]", path)[-1]


def _args(args: tuple[tuple[str, Any], ...], text: Callable[[str], str]) -> tuple[tuple[str, Any], ...]:
    return tuple((key, text(value) if isinstance(value, str) else value) for key, value in args)


def _leaders(items: tuple[Leader, ...], name: Callable[[str], str]) -> tuple[Leader, ...]:
    return tuple(replace(item, name=name(item.name)) for item in items)


def _counts(items: tuple[NameCount, ...], name: Callable[[str], str]) -> tuple[NameCount, ...]:
    return tuple(NameCount(name(item.name), item.count) for item in items)


def _member_row(row: MemberRow, names: Pseudonyms) -> MemberRow:
    return replace(row, id=names.member_id(row.id), name=names.member_name(row.id))


def _question_row(q: QuestionRow, names: Pseudonyms) -> QuestionRow:
    return replace(
        q,
        asker_id=names.member_id(q.asker_id),
        asker=names.member_name(q.asker_id),
        responder_id=names.member_id(q.responder_id) if q.responder_id is not None else None,
        responder=names.member_name(q.responder_id) if q.responder_id is not None else None,
    )


def _listed(m: ListedMember, names: Pseudonyms) -> ListedMember:
    return replace(m, id=names.member_id(m.id), name=names.member_name(m.id))


def _lists(lists: MemberLists, names: Pseudonyms) -> MemberLists:
    return replace(
        lists,
        never_posted=tuple(_listed(m, names) for m in lists.never_posted),
        gone_silent=tuple(_listed(m, names) for m in lists.gone_silent),
        joiners_silent=tuple(_listed(m, names) for m in lists.joiners_silent),
        unanswered=tuple(
            OpenQuestion(q.asked, names.member_id(q.asker_id), names.member_name(q.asker_id), names.text(q.opening))
            for q in lists.unanswered
        ),
        leader_candidates=_leaders(lists.leader_candidates, names.name),
    )


def anonymized_history(
    entries: list[HistoryEntry], tr: Translator, *, salt: str | None = None, keep_group_name: bool = False
) -> list[HistoryEntry]:
    """Saved audits with the plan's path left out and, unless ``keep_group_name``, the group's key and
    label replaced (a salted code as key, so the page cannot be joined to another by it)."""
    salt = salt if salt is not None else new_salt()
    out = []
    for entry in entries:
        group = entry.group
        if not keep_group_name:
            digest = hmac.new(salt.encode(), group.key.encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()
            group = Group(f"anon-{digest[:CODE_LENGTH]}", tr("anon.group"))
        out.append(replace(entry, group=group, plan=None))
    return out


def anonymized_groups(groups: list[GroupSummary], tr: Translator) -> list[GroupSummary]:
    """``history --all --anonymize``: the groups as Group 1, Group 2, ... in the order listed."""
    return [
        replace(summary, group=Group(f"group-{number}", tr("anon.group_n", number=number)))
        for number, summary in enumerate(groups, start=1)
    ]
