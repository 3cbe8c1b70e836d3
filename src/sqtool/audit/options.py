"""AuditOptions and Thresholds: the one frozen configuration an audit runs with."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date, tzinfo
from typing import Any

from sqtool.audit.roster import Roster
from sqtool.plan.model import PlanModel
from sqtool.settings import Lang

# Ad words in both languages; a message containing one (case-insensitive) counts as an ad.
DEFAULT_AD_KEYWORDS: tuple[str, ...] = (
    "加微信",
    "加我微信",
    "加v",
    "vx",
    "v信",
    "招代理",
    "代理加盟",
    "兼职",
    "刷单",
    "返利",
    "优惠券",
    "扫码领",
    "私聊我",
    "免费领取",
    "promo code",
    "discount code",
    "buy now",
    "dm me",
    "airdrop",
    "limited offer",
    "click the link",
    "earn money",
)

DEFAULT_RESPONSE_CUTOFF_MINUTES = 24 * 60


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Targets the audit measures against (plan ``thresholds``; defaults from article 002 and common practice)."""

    kol_per_members: float = 100  # one opinion leader per 100 members (002, the 1-9-90 idea)
    min_weekly_active_share: float = 0.25
    max_unanswered_share: float = 0.2
    max_first_response_minutes: float = 60
    min_value_posts_per_week: float = 7
    max_lurker_share: float = 0.9  # 90% onlookers is normal under 1-9-90; more is a warning

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any] | None) -> Thresholds:
        """Defaults overridden by every numeric, positive-or-zero value present in ``values``."""
        chosen: dict[str, float] = {}
        for item in fields(cls):
            value = (values or {}).get(item.name)
            if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0:
                chosen[item.name] = float(value)
        if chosen.get("kol_per_members") == 0:
            del chosen["kol_per_members"]  # zero would divide by zero; the default stands
        return cls(**chosen)


@dataclass(frozen=True, slots=True)
class AuditOptions:
    since: date | None = None  # first local day of the window (inclusive); default: day of the first record
    until: date | None = None  # last local day of the window (inclusive); default: day of the last record
    tz: tzinfo | None = None  # default: the plan's community.timezone, else UTC
    members: int | None = None  # --members N
    roster: Roster | None = None
    plan: PlanModel | None = None
    exclude: frozenset[str] = frozenset()  # member ids, names, or "tag:<tag>" for roster tags
    response_cutoff_minutes: float = DEFAULT_RESPONSE_CUTOFF_MINUTES
    ad_keywords: tuple[str, ...] = DEFAULT_AD_KEYWORDS
    thresholds: Thresholds | None = None  # default: from the plan, else Thresholds()
    lang: Lang = "en"  # language of the drift findings' messages
    tables: bool = False  # keep per-member and per-question rows in the report (CSV, the Python API)

    def exclusions(self) -> tuple[set[str], frozenset[str]]:
        """The excluded member keys (ids and names) and the excluded roster tags (lower case) of --exclude."""
        keys = {item for item in self.exclude if not item.startswith("tag:")}
        tags = frozenset(item[4:].lower() for item in self.exclude if item.startswith("tag:"))
        return keys, tags

    def kept_days(self) -> tuple[int | None, int | None]:
        """The local days (date ordinals, None: open) whose records a pass keeps: the window and the
        period of the same length before it; records outside are skipped at once."""
        high = self.until.toordinal() if self.until else None
        low = None
        if self.since and self.until:
            length = self.until.toordinal() - self.since.toordinal() + 1
            low = self.since.toordinal() - length
        return low, high

    def effective_thresholds(self) -> Thresholds:
        if self.thresholds is not None:
            return self.thresholds
        if self.plan is None:
            return Thresholds()
        return Thresholds.from_mapping({name: item.value for name, item in self.plan.thresholds.items()})
