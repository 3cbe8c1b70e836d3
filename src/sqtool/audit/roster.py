"""Roster files (CSV or YAML): who is a member, since when, with which tags. Errors carry line numbers."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqtool.errors import SqtoolError
from sqtool.fsutil import read_input, refuse_special
from sqtool.settings import Lang

MAX_ROSTER_BYTES = 20 * 1024 * 1024
_ID_COLUMNS = ("id", "member_id", "member", "user_id", "成员id", "成员")
_NAME_COLUMNS = ("name", "display_name", "nickname", "昵称", "名字")
_JOINED_COLUMNS = ("joined", "join_date", "joined_at", "入群时间", "加入日期")
_TAG_COLUMNS = ("tags", "tag", "标签")
_TAG_SPLIT = re.compile(r"[;,|，；、\s]+")


@dataclass(frozen=True, slots=True)
class RosterMember:
    id: str | None
    name: str | None
    joined: date | None = None
    tags: frozenset[str] = frozenset()

    def aliases(self) -> tuple[str, ...]:
        """The strings a chat record may use for this member: its id and its name."""
        return tuple(key for key in (self.id, self.name) if key)


@dataclass(frozen=True, slots=True)
class Roster:
    path: str
    members: tuple[RosterMember, ...]

    def tagged(self, tag: str) -> tuple[RosterMember, ...]:
        return tuple(member for member in self.members if tag in member.tags)

    def has_tag(self, tag: str) -> bool:
        return any(tag in member.tags for member in self.members)


def load_roster(path: str | Path, *, lang: Lang = "en") -> Roster:
    """Read a CSV (header row) or YAML (list of mappings, or {members: [...]}) roster."""
    display = str(path)
    source = Path(path)
    try:
        refuse_special(source, display)  # a FIFO would block, /dev/zero never end
        if source.stat().st_size > MAX_ROSTER_BYTES:
            raise SqtoolError("fs.too_large", path=display, size=source.stat().st_size, limit=MAX_ROSTER_BYTES)
        raw = read_input(source, display, MAX_ROSTER_BYTES)
    except FileNotFoundError as error:
        raise SqtoolError("fs.not_found", hint="fs.not_found_hint", path=display) from error
    except OSError as error:
        raise SqtoolError("fs.cannot_read", path=display, reason=error.strerror or str(error)) from error
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("gb18030", errors="replace")  # rosters saved by Chinese Excel are often GBK
    text = text.replace("\r\n", "\n")
    members = (
        _from_yaml(text, display, lang) if source.suffix.lower() in (".yaml", ".yml") else _from_csv(text, display)
    )
    return Roster(path=display, members=tuple(members))


def _pick(row: dict[str, str], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = row.get(name)
        if value is not None and value.strip():
            return value.strip()
    return None


def _parse_date(value: object, display: str, line: int) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10].replace("/", "-"))
    except ValueError as error:
        raise SqtoolError(
            "audit.roster_bad_date", hint="audit.roster_bad_date_hint", path=display, line=line, value=text
        ) from error


def _tags(value: object) -> frozenset[str]:
    if value is None:
        return frozenset()
    items = value if isinstance(value, list) else _TAG_SPLIT.split(str(value))
    return frozenset(str(item).strip().lower() for item in items if str(item).strip())


def _from_csv(text: str, display: str) -> list[RosterMember]:
    reader = None
    try:
        try:
            dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
        return _csv_members(reader, display)
    except csv.Error as error:  # a NUL byte, a lone CR inside a field, a field over the size limit
        raise SqtoolError(
            "audit.roster_bad_csv",
            hint="audit.roster_columns_hint",
            path=display,
            line=reader.line_num if reader is not None else 1,
            reason=str(error),
        ) from error


def _csv_members(reader: csv.DictReader[str], display: str) -> list[RosterMember]:
    header = [(name or "").strip().lower() for name in (reader.fieldnames or [])]
    if not any(name in _ID_COLUMNS + _NAME_COLUMNS for name in header):
        raise SqtoolError("audit.roster_no_member_column", hint="audit.roster_columns_hint", path=display, line=1)
    members = []
    for row in reader:
        clean = {(key or "").strip().lower(): (value if isinstance(value, str) else "") for key, value in row.items()}
        member_id, name = _pick(clean, _ID_COLUMNS), _pick(clean, _NAME_COLUMNS)
        if member_id is None and name is None:
            if not any(value.strip() for value in clean.values()):
                continue  # blank line
            raise SqtoolError(
                "audit.roster_missing_member", hint="audit.roster_columns_hint", path=display, line=reader.line_num
            )
        joined = _parse_date(_pick(clean, _JOINED_COLUMNS), display, reader.line_num)
        members.append(RosterMember(member_id, name, joined, _tags(_pick(clean, _TAG_COLUMNS))))
    return members


def _from_yaml(text: str, display: str, lang: Lang) -> list[RosterMember]:
    """A YAML roster, through the plan loader's guards (bombs, nesting, tags, duplicate keys)."""
    from sqtool.plan.load import PlanLoadError, parse_yaml

    try:
        loaded = parse_yaml(text, display, lang=lang)
    except PlanLoadError as error:
        raise SqtoolError(
            "audit.roster_bad_yaml",
            hint="audit.roster_columns_hint",
            path=display,
            line=error.line,
            col=error.col,
            reason=error.findings[0].message,
        ) from None
    data: Any = loaded.data
    pointer: tuple[str | int, ...] = ()
    if isinstance(data, dict):
        data, pointer = data.get("members"), ("members",)
    if not isinstance(data, list):
        raise SqtoolError("audit.roster_not_list", hint="audit.roster_columns_hint", path=display, line=1)
    members = []
    for index, item in enumerate(data):
        line = loaded.position((*pointer, index))[0]
        if isinstance(item, str | int) and not isinstance(item, bool):
            item = {"name": str(item)}
        if not isinstance(item, dict):
            raise SqtoolError("audit.roster_missing_member", hint="audit.roster_columns_hint", path=display, line=line)
        clean = {str(key).strip().lower(): value for key, value in item.items()}
        as_text = {
            key: str(value)
            for key, value in clean.items()
            if isinstance(value, str | int) and not isinstance(value, bool) and value != ""
        }
        member_id, name = _pick(as_text, _ID_COLUMNS), _pick(as_text, _NAME_COLUMNS)
        if member_id is None and name is None:
            raise SqtoolError("audit.roster_missing_member", hint="audit.roster_columns_hint", path=display, line=line)
        joined_raw = next((clean[key] for key in _JOINED_COLUMNS if key in clean), None)
        tags_raw = next((clean[key] for key in _TAG_COLUMNS if key in clean), None)
        members.append(RosterMember(member_id, name, _parse_date(joined_raw, display, line), _tags(tags_raw)))
    return members
