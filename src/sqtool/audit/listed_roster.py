"""The roster an export lists itself (ChatLab's ``members``), used when no --roster is given."""

from __future__ import annotations

from dataclasses import replace

from sqtool.audit.options import AuditOptions
from sqtool.audit.roster import Roster, RosterMember


def with_listed_roster(options: AuditOptions, records: object) -> AuditOptions:
    """``options`` with the exports' own member list as the roster, when they list one and neither --roster
    nor --members is given: the members who never posted are then counted as lurkers. The roster's path is
    the export's."""
    if options.roster is not None or options.members is not None:
        return options  # what the user gave wins: a roster file, or --members N
    listed_members = getattr(records, "listed_members", None)
    listed = listed_members() if callable(listed_members) else None
    if not listed:
        return options
    members = tuple(RosterMember(member.id, member.name, None, member.tags) for member in listed)
    path = ", ".join(getattr(records, "files", ())) or "-"
    return replace(options, roster=Roster(path, members))
