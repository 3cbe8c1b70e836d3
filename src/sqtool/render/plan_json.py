"""`sqtool plan --format json`: the operating kit for scripts. Keys are public API
(schemas/plan-output.schema.json); texts are in the chosen language, keys and ids never are."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqtool.i18n import Translator
from sqtool.render.plan_rows import during, step_text
from sqtool.schedule.kit import OperatingKit

FORMAT_VERSION = 1


def _moment(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def kit_document(kit: OperatingKit, tr: Translator) -> dict[str, Any]:
    calendar = kit.calendar
    return {
        "version": FORMAT_VERSION,
        "tool": "sqtool",
        "lang": tr.lang,
        "plan": kit.path,
        "community": kit.community,
        "timezone": calendar.zone_name,
        "first": calendar.first.isoformat(),
        "last": calendar.last.isoformat(),
        "items": [
            {
                "id": item.key,
                "section": item.section,
                "index": item.index,
                "name": item.name,
                "kind": item.kind,
                "cadence": item.cadence.kind,
                "time": item.window.label() if item.window is not None else None,
                "owner": item.owner,
                "backup": item.backup,
                "placed": item.cadence.placeable,
                "line": item.line,
                "col": item.col,
            }
            for item in calendar.items
        ],
        "weeks": [
            {
                "number": week.number,
                "first": week.first.isoformat(),
                "last": week.last.isoformat(),
                "events": [
                    {
                        "item": o.item.key,
                        "name": o.item.name,
                        "date": o.day.isoformat(),
                        "start": _moment(o.start),
                        "end": _moment(o.end),
                        "owner": o.item.owner,
                        "backup": o.item.backup,
                        "text": during(o.item, tr),
                    }
                    for o in week.occurrences
                ],
                "steps": [
                    {
                        "item": s.item.key,
                        "action": s.action,
                        "date": s.day.isoformat(),
                        "at": _moment(s.at),
                        "who": s.who,
                        "for_date": s.event.isoformat(),
                        "announcement": s.announcement,
                        "text": step_text(s, tr),
                    }
                    for s in week.steps
                ],
            }
            for week in calendar.weeks
        ],
        "unplaced": [{"item": u.item.key, "name": u.item.name, "reason": u.reason} for u in calendar.unplaced],
        "undated": [{"kind": u.kind, "text": u.text} for u in kit.undated],
        "roles": [
            {
                "role": row.role,
                "holders": list(row.holders),
                "count": row.count,
                "held": row.held,
                "duties": tr(f"kit.duty.{row.role}"),
                "leads": list(row.leads),
                "backs_up": list(row.backs_up),
            }
            for row in kit.roles
        ],
        "notices": [{"kind": n.kind, "subject": n.subject, "text": n.text} for n in kit.notices],
        "kpis": [
            {"source": k.source, "name": k.name, "target": k.target, "bound": k.bound, "audit_key": k.audit_key}
            for k in kit.kpis
        ],
        "findings": [
            {
                "rule_id": f.rule_id,
                "severity": f.severity.value,
                "message": f.message,
                "hint": f.hint,
                "path": f.path,
                "line": f.line,
                "col": f.col,
            }
            for f in kit.findings
        ],
    }


def render_json(kit: OperatingKit, tr: Translator) -> str:
    return json.dumps(kit_document(kit, tr), ensure_ascii=False, indent=2) + "\n"
