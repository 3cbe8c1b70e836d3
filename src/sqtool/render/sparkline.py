"""Unicode sparklines: one block character per value, scaled between the series' min and max."""

from __future__ import annotations

from collections.abc import Sequence

BLOCKS = "▁▂▃▄▅▆▇█"


def shrink(values: Sequence[float | None], width: int) -> list[float | None]:
    """At most ``width`` points: the mean of consecutive runs (missing values left out; a run with
    none is missing), so a long series (215 weeks) fits on one line instead of wrapping."""
    width = max(1, width)
    if len(values) <= width:
        return list(values)
    size = -(-len(values) // width)
    out: list[float | None] = []
    for start in range(0, len(values), size):
        present = [value for value in values[start : start + size] if value is not None]
        out.append(sum(present) / len(present) if present else None)
    return out


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
