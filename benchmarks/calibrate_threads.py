#!/usr/bin/env python3
"""Calibrate the conversation model (audit/threads.py) against a simulator that knows the truth.

The seeded simulator of tests/audit/simulator.py writes the same conversations as Telegram JSON
with 0%, 30% and 100% of the answers carrying reply links, and as WhatsApp or WeChat text (no
links at all). For each, the audit's unanswered share, median first response and opinion leaders
are set against the truth, and checked against the tolerances of issue 14: unanswered within ±8
points, median within ±25%, leaders found with precision and recall of at least 0.8. The table is
the one in docs/metrics.md ("Calibration").

    python benchmarks/calibrate_threads.py [--seeds 1 2 3] [--days 56]

Exits 1 when any row misses a tolerance.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.audit.calibration import (
    LEADER_PRECISION,
    LEADER_RECALL,
    MEDIAN_SHARE,
    UNANSWERED_POINTS,
    measured,
    precision_recall,
    truth,
)
from tests.audit.simulator import simulate

EXPORTS = (("telegram", 0.0), ("telegram", 0.3), ("telegram", 1.0), ("text", 0.0))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--days", type=int, default=56)
    args = parser.parse_args(argv)
    print(
        "| seed | lang | export | links | truth unanswered | measured | truth median | measured "
        "| leaders (truth) | found | precision | recall | ok |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    failed = 0
    for seed in args.seeds:
        for lang in ("en", "zh"):
            conversation = simulate(seed=seed, days=args.days, lang=lang)
            expected = truth(conversation)
            for export, share in EXPORTS:
                name = ("whatsapp" if lang == "en" else "wechat") if export == "text" else export
                found = measured(conversation, name, share)
                precision, recall = precision_recall(found.leaders, expected.leaders)
                ok = (
                    abs(found.unanswered_share - expected.unanswered_share) <= UNANSWERED_POINTS
                    and abs(found.median_minutes - expected.median_minutes) <= MEDIAN_SHARE * expected.median_minutes
                    and precision >= LEADER_PRECISION
                    and recall >= LEADER_RECALL
                )
                failed += not ok
                print(
                    f"| {seed} | {lang} | {name} | {share:.0%} | {expected.unanswered_share:.1%} | "
                    f"{found.unanswered_share:.1%} | {expected.median_minutes:.1f} | {found.median_minutes:.1f} | "
                    f"{len(expected.leaders)} | {len(found.leaders)} | {precision:.2f} | {recall:.2f} | "
                    f"{'yes' if ok else 'NO'} |"
                )
    print(f"\n{failed} row(s) outside the tolerances" if failed else "\nevery row within the tolerances")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
