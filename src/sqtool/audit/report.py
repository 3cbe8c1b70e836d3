"""The audit report: frozen records the engine returns and renderers read (render/audit_json.py writes its JSON)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqtool.chat.errors import ReadWarning
from sqtool.diagnostics import Finding


@dataclass(frozen=True, slots=True)
class Period:
    first: date
    last: date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


@dataclass(frozen=True, slots=True)
class NameCount:
    name: str
    count: int


@dataclass(frozen=True, slots=True)
class Summary:
    messages: int
    senders: int
    members: int | None  # the membership base; None when only posters are known
    members_source: str  # "roster", "option", "plan" or "seen"
    first: datetime | None  # first and last message in the period
    last: datetime | None


@dataclass(frozen=True, slots=True)
class Tier:
    name: str  # "top_1", "next_9", "rest"
    members: int
    messages: int
    message_share: float


@dataclass(frozen=True, slots=True)
class Participation:
    members: int  # population for the tiers: the base, or posters when the base is unknown
    posters: int
    lurkers: int | None
    lurker_share: float | None  # None when lurkers cannot be counted
    tiers: tuple[Tier, ...]  # over all members (never-posters included)
    tiers_posters: tuple[Tier, ...]  # over posters only
    gini: float  # over all members
    gini_posters: float
    lorenz: tuple[float, ...]  # share of messages written by the least active 0%, 10%, ..., 100% of members
    writers_50: int  # fewest members who together wrote half of the messages
    writers_80: int
    small_group: bool  # under 100 members: the top 1% is a single person


@dataclass(frozen=True, slots=True)
class Leader:
    name: str
    distinct_responders: int
    messages: int
    drawn: int = 0  # their messages that drew an answer from someone else
    answers: int = 0  # their answers to other members' questions


@dataclass(frozen=True, slots=True)
class OpinionLeaders:
    needed: int | None  # ceil(members / kol_per_members); None without a membership base
    present: int
    min_responders: int  # distinct others needed to count as an opinion leader
    evidence: tuple[tuple[str, int], ...]  # answer edges of the period per evidence (threads.EVIDENCE)
    leaders: tuple[Leader, ...]  # the present ones, most responders first
    candidates: tuple[Leader, ...]  # the next ones below the bar, for the report


@dataclass(frozen=True, slots=True)
class DayCount:
    day: date
    messages: int
    active_members: int


@dataclass(frozen=True, slots=True)
class Activity:
    daily: tuple[DayCount, ...]
    weekly: tuple[DayCount, ...]  # day = Monday of the week
    slope_per_day: float  # least-squares trend of messages per day, in messages per day per day
    last_30_messages: int
    previous_30_messages: int
    change_30: float | None  # last_30 / previous_30 - 1
    silent_days: int
    heatmap: tuple[tuple[int, ...], ...]  # 7 weekdays (Monday first) x 24 local hours
    weekly_active_share: float | None
    previous_daily: tuple[DayCount, ...] = ()  # the previous period of the same length, day by day


@dataclass(frozen=True, slots=True)
class Responsiveness:
    questions: int
    answered: int
    unanswered: int
    pending: int  # too recent to judge
    unanswered_share: float | None
    median_first_response_minutes: float | None
    p90_first_response_minutes: float | None
    within_target_share: float | None  # answered within max_first_response_minutes, of judged questions
    responders: tuple[NameCount, ...]
    evidence: tuple[tuple[str, int], ...] = ()  # answered questions per evidence (threads.EVIDENCE)


@dataclass(frozen=True, slots=True)
class Membership:
    joins: int
    leaves: int
    removals: int
    retention_7: float | None
    retention_7_base: int
    retention_30: float | None
    retention_30_base: int
    joiners_posting_share: float | None
    median_hours_to_first_post: float | None


@dataclass(frozen=True, slots=True)
class ConductCheck:
    rule: str  # the plan's conduct entry, e.g. "no_ads"
    violations: int | None  # None when sqtool cannot measure this rule


@dataclass(frozen=True, slots=True)
class Hygiene:
    links: int
    bare_links: int
    ads: int
    quarrels: int
    red_packets: int
    violations_per_100: float  # (bare links + ads + quarrels) per 100 messages
    conduct: tuple[ConductCheck, ...]
    offenders: tuple[NameCount, ...]


@dataclass(frozen=True, slots=True)
class ValueItem:
    section: str  # "value_output" or "rituals"
    index: int
    name: str
    cadence: str | None
    planned: int | None
    held: int
    kept_share: float | None  # held / planned


@dataclass(frozen=True, slots=True)
class ValueOutput:
    items: tuple[ValueItem, ...]
    value_posts: int
    value_posts_per_week: float | None


@dataclass(frozen=True, slots=True)
class OwnerPull:
    owners: tuple[str, ...]
    messages: int
    replied: int
    reply_share: float | None
    distinct_repliers: int
    reach_share: float | None  # distinct repliers / other posters


@dataclass(frozen=True, slots=True)
class PeriodFigures:
    period: Period
    summary: Summary
    participation: Participation
    opinion_leaders: OpinionLeaders
    responsiveness: Responsiveness
    membership: Membership
    hygiene: Hygiene
    value: ValueOutput
    owner: OwnerPull
    weekly_active_share: float | None


@dataclass(frozen=True, slots=True)
class Evidence:
    key: str  # catalogue key of the label: audit.evidence.<key>
    value: float | None
    threshold: float | None
    unit: str  # "share", "minutes", "count", "per_week", "score"
    ok: bool | None  # meets its threshold; None when there is no threshold or no value


@dataclass(frozen=True, slots=True)
class Diagnosis:
    id: str  # owner_pull, opinion_leaders, customers_as_fans, operations, value_output
    score: int | None
    status: str  # healthy, watch, act, not_assessed
    evidence: tuple[Evidence, ...]
    action_key: str  # catalogue key of the first action (or of what to provide when not assessed)
    missing: tuple[str, ...] = ()  # when not assessed: what would make it measurable (members, questions, ...)


@dataclass(frozen=True, slots=True)
class DriftItem:
    kind: str  # ritual, value_output, threshold, role, size
    subject: str
    planned: float | str | None
    measured: float | str | None
    finding: Finding


@dataclass(frozen=True, slots=True)
class Note:
    key: str  # catalogue key
    args: tuple[tuple[str, str | int | float], ...] = ()


@dataclass(frozen=True, slots=True)
class SenderCount:
    id: str
    name: str  # the latest display name the sender used
    messages: int  # in the period


@dataclass(frozen=True, slots=True)
class MemberRow:
    """One member of the period (``sqtool audit --report csv``, ``sqtool.audit(...).members``)."""

    id: str
    name: str  # the latest display name
    messages: int  # in the period
    message_share: float  # of all messages of the period
    active_days: int  # local days with at least one message
    first_day: date | None  # first and last local day with a message; None for a lurker
    last_day: date | None
    questions_asked: int
    first_responses: int  # questions of others this member answered first
    in_roster: bool
    owner: bool

    @property
    def lurker(self) -> bool:
        """A known member (roster) who wrote nothing in the period."""
        return self.messages == 0


@dataclass(frozen=True, slots=True)
class QuestionRow:
    """One question of the period and its first response by someone else."""

    day: date  # local day it was asked
    asker_id: str
    asker: str
    answered: bool
    pending: bool  # asked too close to the end of the export to judge
    minutes_to_first_response: float | None
    responder_id: str | None
    responder: str | None


@dataclass(frozen=True, slots=True)
class ListedMember:
    """A member on a list to act on (never posted, gone silent, joined but never posted)."""

    id: str
    name: str
    messages: int  # before the list's cut-off (gone silent), else 0
    last_day: date | None  # their last message, when they wrote one
    joined: datetime | None = None  # when they joined, for joiners


@dataclass(frozen=True, slots=True)
class OpenQuestion:
    """A question of the period nobody answered within the cutoff."""

    asked: datetime  # in the audit's zone
    asker_id: str
    asker: str
    opening: str  # its first words (audit/threads.OPENING_CHARS)


@dataclass(frozen=True, slots=True)
class MemberLists:
    """Members and questions to act on (SPEC §6): who to welcome, wake, answer, or ask to lead."""

    never_posted: tuple[ListedMember, ...]  # known members (roster, export member list) silent all period
    never_posted_base: str | None  # "roster" or "listed" (the export's member list); None: nobody to compare
    gone_silent: tuple[ListedMember, ...]  # posted before, nothing in the last SILENT_DAYS days, still in
    silent_days: int
    joiners_silent: tuple[ListedMember, ...]  # joined in the period and never posted since
    unanswered: Sequence[OpenQuestion]  # audit/lists.OpenQuestions: each made when read; a tuple works too
    leader_candidates: tuple[Leader, ...]


@dataclass(frozen=True, slots=True)
class ExportInfo:
    """What was read: the exports, their formats, and the records the readers dropped."""

    formats: tuple[str, ...] = ()
    files: tuple[str, ...] = ()
    skipped: int = 0  # bad records skipped with --lenient
    duplicates: int = 0  # records seen twice in overlapping exports
    bots: int = 0  # messages by bots and integrations, left out of every figure
    warnings: tuple[ReadWarning, ...] = ()  # what the readers want the user to know (ambiguous dates, ...)
    group: str | None = None  # the group's name or id as the export states it, when every file agrees

    @property
    def format(self) -> str:
        """One name when every file has the same format, else the names joined with "+"."""
        return "+".join(dict.fromkeys(self.formats))


@dataclass(frozen=True, slots=True)
class AuditReport:
    current: PeriodFigures
    previous: PeriodFigures | None  # same length just before; None when no record falls in it
    activity: Activity
    diagnoses: tuple[Diagnosis, ...]
    drift: tuple[DriftItem, ...]
    notes: tuple[Note, ...]
    plan_path: str | None
    roster_path: str | None
    excluded_records: int
    senders: tuple[SenderCount, ...] = ()  # every sender of the period, most messages first
    source: ExportInfo = ExportInfo()
    timezone: str = "UTC"  # the zone export times were read in and days are counted in
    # per-member and per-question rows, kept only when AuditOptions.tables asks (CSV, the Python API)
    members: tuple[MemberRow, ...] | None = None
    questions: tuple[QuestionRow, ...] | None = None
    lists: MemberLists | None = None  # the member lists to act on (audit/lists.py)
    response_cutoff_minutes: float | None = None  # answers later than this count as none

    def top_senders(self, count: int) -> tuple[SenderCount, ...]:
        """The ``count`` most active senders (all of them when count is 0)."""
        return self.senders if count <= 0 else self.senders[:count]

    @property
    def findings(self) -> list[Finding]:
        return [item.finding for item in self.drift]
