"""Unicode sparklines: one block character per value, scaled between the series' min and max."""

from __future__ import annotations

from collections.abc import Sequence

BLOCKS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[float | None]) -> str:
    """``▁▃█`` for 1, 2, 5; a space for a missing value; all lowest when the series is flat."""
    present = [v for v in values if v is not None]
    if not present:
        return ""
    low, high = min(present), max(present)
    span = high - low
    out = []
    for value in values:
        if value is None:
            out.append(" ")
        elif span == 0:
            out.append(BLOCKS[0] if high == 0 else BLOCKS[3])
        else:
            out.append(BLOCKS[min(len(BLOCKS) - 1, int((value - low) / span * (len(BLOCKS) - 1) + 0.5))])
    return "".join(out)
