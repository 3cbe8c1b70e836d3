"""Horizontal bars (one row per item, with an optional outlined "ghost" such as a plan or the
previous period, and a target line) and a vertical histogram with a marker line (a cutoff)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from sqtool.render.charts.svg import FONT, element, nice_max, svg, text, title


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: float
    shown: str  # the figure printed at the end of the bar, e.g. "42%" or "3 / 4"
    ghost: float | None = None  # drawn as an outline behind the bar (planned, previous period)
    css: str = "s0"  # series class: s0..s3 colours of the page


def bar_chart(
    bars: Sequence[Bar],
    label: str,
    *,
    top: float | None = None,
    target: float | None = None,
    target_label: str = "",
    width: int = 440,
    label_width: int = 150,
) -> Markup:
    """One row per bar, scaled to ``top`` (else the largest value or ghost); ``target`` draws a
    dashed vertical line across every row."""
    row, gap, head = 22, 8, 6
    height = head + len(bars) * (row + gap) + (FONT + 6 if target is not None else 0) + 4
    scale_top = top if top is not None else nice_max(max([b.value for b in bars] + [b.ghost or 0 for b in bars] + [0]))
    scale_top = scale_top or 1.0
    room = width - label_width - 60
    body: list[str] = []
    for position, bar in enumerate(bars):
        y = head + position * (row + gap)
        body.append(text(label_width - 8, y + row * 0.7, bar.label, anchor="end"))
        if bar.ghost is not None:
            body.append(
                element(
                    "rect",
                    {
                        "x": label_width,
                        "y": float(y),
                        "width": float(max(room * min(bar.ghost, scale_top) / scale_top, 1)),
                        "height": row,
                        "class": "ghost",
                    },
                )
            )
        length = room * min(max(bar.value, 0), scale_top) / scale_top
        body.append(
            element(
                "rect",
                {
                    "x": label_width,
                    "y": float(y + 3),
                    "width": float(max(length, 0.5 if bar.value > 0 else 0)),
                    "height": row - 6,
                    "class": f"bar {bar.css}",
                    "rx": 2,
                },
                title(f"{bar.label}: {bar.shown}"),
            )
        )
        body.append(text(label_width + length + 6, y + row * 0.7, bar.shown, css="figure"))
    if target is not None:
        x = label_width + room * min(target, scale_top) / scale_top
        bottom = head + len(bars) * (row + gap)
        body.append(element("line", {"x1": float(x), "x2": float(x), "y1": 2, "y2": float(bottom), "class": "target"}))
        body.append(text(x, bottom + FONT, target_label, css="note", anchor="middle"))
    return svg(width, height, label, body, css="chart bars")


def histogram(
    counts: Sequence[int],
    labels: Sequence[str],
    label: str,
    *,
    marker: float | None = None,
    marker_label: str = "",
    width: int = 560,
    height: int = 200,
) -> Markup:
    """Vertical bars of ``counts`` under their ``labels``; ``marker`` (a position in bars, e.g. 3.0
    is the left edge of the fourth bar) draws a dashed line such as the response cutoff."""
    left, bottom, top_pad = 40, 34, 18
    plot_w, plot_h = width - left - 8, height - bottom - top_pad
    peak = nice_max(max(counts, default=0))
    slot = plot_w / max(len(counts), 1)
    body = [
        element("line", {"x1": left, "x2": width - 8, "y1": top_pad + plot_h, "y2": top_pad + plot_h, "class": "axis"}),
        text(left - 6, top_pad + FONT * 0.4, f"{peak:.0f}", css="note", anchor="end"),
        text(left - 6, top_pad + plot_h, "0", css="note", anchor="end"),
    ]
    for position, (count, name) in enumerate(zip(counts, labels, strict=True)):
        h = plot_h * count / peak
        x = left + position * slot
        body.append(
            element(
                "rect",
                {
                    "x": float(x + slot * 0.12),
                    "y": float(top_pad + plot_h - h),
                    "width": float(slot * 0.76),
                    "height": float(h),
                    "class": "bar s0",
                },
                title(f"{name}: {count}"),
            )
        )
        if count:
            body.append(
                text(x + slot / 2, top_pad + plot_h - h - 4, str(count), css="figure", anchor="middle", size=10)
            )
        body.append(text(x + slot / 2, top_pad + plot_h + FONT + 4, name, css="note", anchor="middle", size=10))
    if marker is not None:
        x = left + marker * slot
        body.append(
            element("line", {"x1": float(x), "x2": float(x), "y1": 4, "y2": top_pad + plot_h, "class": "target"})
        )
        body.append(text(x + 4, FONT, marker_label, css="note"))
    return svg(width, height, label, body, css="chart histogram")
