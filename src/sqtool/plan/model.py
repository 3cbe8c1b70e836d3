"""PlanModel: a typed, read-only view of a loaded plan, built once, with the position of every field.

Rules, the audit and its drift findings read the fields they share (community, roles, members,
thresholds, conduct, value outputs and rituals) from here, so a field means the same to all of them.
Plans reach rules with schema errors too, so building the model never raises: a field of the wrong
type is simply absent (None or empty), and the schema finding says why. ``data`` keeps the raw
mapping for the fields the model does not type.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Generic, Protocol, TypeVar

from sqtool.plan.access import get, items, number

Pointer = tuple[str | int, ...]  # a path into the plan: ("roles", "admins", 0)

T = TypeVar("T")


class PlanSource(Protocol):
    """What the model is built from (``sqtool.plan.load.LoadedPlan``).

    Read-only properties, so that frozen dataclasses (``LoadedPlan``) satisfy the protocol.
    """

    @property
    def path(self) -> str: ...

    @property
    def text(self) -> str: ...

    @property
    def data(self) -> Any: ...

    def position(self, pointer: Pointer) -> tuple[int, int]: ...

    def key_position(self, pointer: Pointer) -> tuple[int, int]: ...


@dataclass(frozen=True, slots=True)
class Located(Generic[T]):
    """A plan value with where it is: its pointer and the 1-based line and column of the value."""

    value: T
    pointer: Pointer
    line: int
    col: int


@dataclass(frozen=True, slots=True)
class Community:
    name: Located[str] | None = None
    platform: Located[str] | None = None
    timezone: Located[str] | None = None  # an IANA name; the schema checks its form
    capacity: Located[int] | None = None


@dataclass(frozen=True, slots=True)
class Roles:
    owner: Located[str] | None = None  # one person: a name (or a numeric id)
    admins: tuple[Located[str], ...] = ()  # names only; a count names nobody
    opinion_leaders: tuple[Located[str], ...] = ()
    # ecosystem role -> the people named for it (a role given as a count names nobody)
    ecosystem: Mapping[str, tuple[Located[str], ...]] = field(default_factory=lambda: MappingProxyType({}))

    def people(self) -> tuple[tuple[str, Located[str]], ...]:
        """(role, person) for the owner, each admin and each opinion leader the plan names."""
        found: list[tuple[str, Located[str]]] = [("owner", self.owner)] if self.owner is not None else []
        found += [("admins", person) for person in self.admins]
        found += [("opinion_leaders", person) for person in self.opinion_leaders]
        return tuple(found)


@dataclass(frozen=True, slots=True)
class Members:
    current_size: Located[int] | None = None
    target_size: Located[int] | None = None


@dataclass(frozen=True, slots=True)
class ScheduledItem:
    """One entry of ``value_output`` or ``rituals``: what is posted, when, and who posts it."""

    section: str  # "value_output" or "rituals"
    index: int  # position in that list
    name: str
    line: int
    col: int
    cadence: str | None  # lower-cased: daily, weekdays, weekly, biweekly, monthly, ...
    day: str | None  # lower-cased weekday name
    time: str | None  # "20:00" or "20:00-21:00" as written
    people: tuple[str, ...]  # owner and backup (value output) or host (ritual)
    keywords: tuple[str, ...]
    kind: str | None = None  # the item's ``kind`` (topic, guest_share, case_study, ...)
    owner: str | None = None  # the value output's owner, or the ritual's host
    backup: str | None = None
    month_day: int | None = None  # monthly/quarterly: ``day_of_month`` (1-28)
    week_of_month: int | None = None  # monthly/quarterly: ``week_of_month`` 1-4, or -1 for "last"
    announce_days_before: int | None = None
    summary: bool = False

    @property
    def pointer(self) -> Pointer:
        return (self.section, self.index)


# who is expected to post each section's items
_ITEM_PEOPLE = (("value_output", ("owner", "backup")), ("rituals", ("host",)))
# the ecosystem roles of article 000, besides the owner, admins and opinion leaders
ECOSYSTEM_ROLES = ("organizer", "spreader", "activist", "talker", "challenger", "red_packet_giver")


@dataclass(frozen=True, slots=True)
class PlanModel:
    """The plan as typed sections; ``position``/``key_position`` answer for any pointer, typed or not."""

    path: str
    text: str
    data: Mapping[str, Any]
    community: Community
    roles: Roles
    members: Members
    thresholds: Mapping[str, Located[float]]  # every numeric value under ``thresholds``
    conduct: Located[Any] | None  # rules.conduct as written (text, list or mapping)
    scheduled: tuple[ScheduledItem, ...]  # value outputs, then rituals, in plan order
    source: PlanSource = field(repr=False, compare=False)

    def position(self, pointer: Pointer) -> tuple[int, int]:
        """1-based (line, col) of the value at ``pointer``, or of its nearest existing ancestor."""
        return self.source.position(pointer)

    def key_position(self, pointer: Pointer) -> tuple[int, int]:
        """1-based (line, col) of the mapping key of the last element (for list items: the item)."""
        return self.source.key_position(pointer)

    @classmethod
    def of(cls, source: PlanSource) -> PlanModel:
        """The model of a loaded plan; never raises, whatever the plan's shape."""
        return _Builder(source).build()

    @classmethod
    def from_data(cls, data: Mapping[str, Any], path: str = "<data>") -> PlanModel:
        """The model of plan data built in code (no YAML text: every position is 1:1)."""
        return cls.of(_Unpositioned(path, "", data))


@dataclass(frozen=True, slots=True)
class _Unpositioned:
    path: str
    text: str
    data: Any

    def position(self, pointer: Pointer) -> tuple[int, int]:
        return 1, 1

    def key_position(self, pointer: Pointer) -> tuple[int, int]:
        return 1, 1


class _Builder:
    def __init__(self, source: PlanSource) -> None:
        self.source = source
        self.data = source.data if isinstance(source.data, Mapping) else {}

    def at(self, pointer: Pointer, value: T) -> Located[T]:
        line, col = self.source.position(pointer)
        return Located(value, pointer, line, col)

    def text(self, pointer: Pointer) -> Located[str] | None:
        value = get(self.data, pointer)
        return self.at(pointer, value.strip()) if isinstance(value, str) and value.strip() else None

    def person(self, pointer: Pointer) -> Located[str] | None:
        value = get(self.data, pointer)
        if isinstance(value, bool) or not isinstance(value, str | int):
            return None
        return self.at(pointer, str(value))

    def people(self, pointer: Pointer) -> tuple[Located[str], ...]:
        found = (self.person((*pointer, index)) for index, _ in items(self.data, pointer))
        return tuple(person for person in found if person is not None)

    def whole(self, pointer: Pointer) -> Located[int] | None:
        value = get(self.data, pointer)
        if isinstance(value, bool) or not isinstance(value, int):
            return None
        return self.at(pointer, value)

    def build(self) -> PlanModel:
        thresholds = get(self.data, ("thresholds",))
        numeric = {
            str(key): self.at(("thresholds", key), float(value))
            for key, value in (thresholds.items() if isinstance(thresholds, Mapping) else ())
            if number(value) is not None
        }
        conduct = get(self.data, ("rules", "conduct"))
        return PlanModel(
            path=self.source.path,
            text=self.source.text,
            data=self.data,
            community=Community(
                name=self.text(("community", "name")),
                platform=self.text(("community", "platform")),
                timezone=self.text(("community", "timezone")),
                capacity=self.whole(("community", "capacity")),
            ),
            roles=Roles(
                owner=self.person(("roles", "owner")),
                admins=self.people(("roles", "admins")),
                opinion_leaders=self.people(("roles", "opinion_leaders")),
                ecosystem=MappingProxyType({role: self.people(("roles", role)) for role in ECOSYSTEM_ROLES}),
            ),
            members=Members(
                current_size=self.whole(("members", "current_size")),
                target_size=self.whole(("members", "target_size")),
            ),
            thresholds=MappingProxyType(numeric),
            conduct=self.at(("rules", "conduct"), conduct) if conduct is not None else None,
            scheduled=tuple(self.scheduled()),
            source=self.source,
        )

    def scheduled(self) -> list[ScheduledItem]:
        found: list[ScheduledItem] = []
        for section, people_keys in _ITEM_PEOPLE:
            for index, entry in items(self.data, (section,)):
                if not isinstance(entry, Mapping) or not isinstance(entry.get("name"), str):
                    continue  # malformed items are the schema's to report
                line, col = self.source.key_position((section, index))
                listed = entry.get("keywords")
                keywords = listed if isinstance(listed, list) else []
                cadence, day, time = entry.get("cadence"), entry.get("day"), entry.get("time")
                kind, announce = entry.get("kind"), entry.get("announce_days_before")
                lead = "host" if section == "rituals" else "owner"
                found.append(
                    ScheduledItem(
                        section=section,
                        index=index,
                        name=entry["name"],
                        line=line,
                        col=col,
                        cadence=cadence.lower() if isinstance(cadence, str) else None,
                        day=str(day).strip().lower() if day is not None else None,
                        time=str(time) if time is not None else None,
                        people=tuple(
                            str(entry[key])
                            for key in people_keys
                            if isinstance(entry.get(key), str | int) and not isinstance(entry.get(key), bool)
                        ),
                        keywords=tuple(str(word) for word in keywords if str(word).strip()),
                        kind=kind if isinstance(kind, str) else None,
                        owner=_name(entry.get(lead)),
                        backup=_name(entry.get("backup")),
                        month_day=_whole(entry.get("day_of_month")),
                        week_of_month=-1
                        if entry.get("week_of_month") == "last"
                        else _whole(entry.get("week_of_month")),
                        announce_days_before=_whole(announce),
                        summary=entry.get("summary") is True,
                    )
                )
        return found


def _name(value: object) -> str | None:
    """A person as written (a name or a numeric id), None for anything else."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    return str(value).strip() or None


def _whole(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None
