"""Lines over a shared x axis (days, weeks, saved audits): one polyline per series, dashed for a
reference such as the previous period, a legend, and a few x labels."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from sqtool.render.charts.svg import FONT, element, nice_max, num, short, svg, text

MAX_POINTS = 400  # longer series are averaged into this many points: a decade of days stays a few KB


@dataclass(frozen=True, slots=True)
class Series:
    name: str
    values: Sequence[float | None]  # None: no value at this x (a gap in the line)
    css: str = "s0"
    dashed: bool = False
    axis: str = "left"  # "right": its own scale on the right (active members next to messages)


def _thin(values: Sequence[float | None], limit: int) -> list[float | None]:
    if len(values) <= limit:
        return list(values)
    size = -(-len(values) // limit)
    out: list[float | None] = []
    for start in range(0, len(values), size):
        present = [v for v in values[start : start + size] if v is not None]
        out.append(sum(present) / len(present) if present else None)
    return out


def _text_width(label: str, size: int = 11) -> float:
    """About how wide ``label`` is drawn: CJK and other wide characters take a full em."""
    return sum(size if ord(ch) >= 0x2E80 else size * 0.6 for ch in label)


def _legend(series: Sequence[Series], left: float, right: float) -> list[tuple[float, float]]:
    """The (x, baseline) of each legend entry, wrapping to a new row when the next would not fit."""
    places: list[tuple[float, float]] = []
    x, y = left, 16.0
    for s in series:
        entry = 22 + _text_width(s.name) + 16
        if places and x + entry > right:
            x, y = left, y + 18
        places.append((x, y))
        x += entry
    return places


def line_chart(
    series: Sequence[Series],
    x_labels: Sequence[str],
    label: str,
    *,
    width: int = 640,
    height: int = 240,
    ticks: int = 6,
) -> Markup:
    """Every series over ``len(x_labels)`` points (all series that long), scaled from 0."""
    count = len(x_labels)
    left, right, bottom = 44, 44 if any(s.axis == "right" for s in series) else 12, 26
    legend = _legend(series, left, width - 8)
    top_pad = int(legend[-1][1]) + 12 if legend else 12
    height += top_pad - 28  # a second row of legend makes the chart taller, not the plot smaller
    plot_w, plot_h = width - left - right, height - top_pad - bottom
    tops = {
        side: nice_max(max((v for s in series if s.axis == side for v in s.values if v is not None), default=0))
        for side in ("left", "right")
    }
    thinned = {id(s): _thin(s.values, MAX_POINTS) for s in series}
    points_n = max((len(v) for v in thinned.values()), default=count)
    body = [
        element(
            "line", {"x1": left, "x2": left + plot_w, "y1": top_pad + plot_h, "y2": top_pad + plot_h, "class": "axis"}
        ),
        element("line", {"x1": left, "x2": left + plot_w, "y1": top_pad, "y2": top_pad, "class": "grid"}),
        element(
            "line",
            {"x1": left, "x2": left + plot_w, "y1": top_pad + plot_h / 2, "y2": top_pad + plot_h / 2, "class": "grid"},
        ),
        text(left - 6, top_pad + 4, short(tops["left"]), css="note", anchor="end"),
        text(left - 6, top_pad + plot_h, "0", css="note", anchor="end"),
    ]
    if right > 12:
        body.append(text(left + plot_w + 6, top_pad + 4, short(tops["right"]), css="note"))
    for s in series:
        values = thinned[id(s)]
        step = plot_w / max(points_n - 1, 1)
        runs: list[list[str]] = [[]]
        for index, value in enumerate(values):
            if value is None:
                runs.append([])
                continue
            y = top_pad + plot_h - plot_h * value / tops[s.axis]
            runs[-1].append(f"{num(left + index * step)},{num(y)}")
        css = f"line {s.css}" + (" dashed" if s.dashed else "")
        for run in runs:
            if len(run) == 1:
                cx, cy = run[0].split(",")
                body.append(element("circle", {"cx": cx, "cy": cy, "r": 2, "class": f"dot {s.css}"}))
            elif run:
                body.append(element("polyline", {"points": " ".join(run), "class": css}))
    # x labels: the first, the last, and evenly spaced ones between
    if count:
        shown = sorted({round(i * (count - 1) / max(ticks - 1, 1)) for i in range(ticks)}) if count > 1 else [0]
        for index in shown:
            x = left + (plot_w * index / (count - 1) if count > 1 else plot_w / 2)
            anchor = "start" if index == 0 and count > 1 else ("end" if index == count - 1 and count > 1 else "middle")
            body.append(text(x, height - 8, x_labels[index], css="note", anchor=anchor, size=11))
    # legend across the top, in rows that fit the width
    for (x, y), s in zip(legend, series, strict=True):
        line_class = f"line {s.css}" + (" dashed" if s.dashed else "")
        body.append(element("line", {"x1": x, "x2": x + 18, "y1": y - 4, "y2": y - 4, "class": line_class}))
        body.append(text(x + 22, y, s.name, css="label", size=11))
    return svg(width, height, label, body, css="chart lines")


__all__ = ["FONT", "Series", "line_chart"]
