"""Small multiples: one small line of values per card, every card drawn to the same top, so that a
portfolio's groups compare at a glance (a busy group's line stands high, a quiet one's lies low)."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from sqtool.render.charts.svg import element, nice_max, num, short, svg, text


def small_line(
    values: Sequence[float],
    top: float,
    first_label: str,
    last_label: str,
    label: str,
    *,
    width: int = 300,
    height: int = 110,
) -> Markup:
    """``values`` (one per x, evenly spaced) as a line over a shaded area, scaled from 0 to ``top``
    (the same for every card: nice_max of the largest value of them all)."""
    left, right, top_pad, bottom = 34, 8, 8, 20
    plot_w, plot_h = width - left - right, height - top_pad - bottom
    ceiling = nice_max(top)
    base_y = top_pad + plot_h
    body = [
        element("line", {"x1": left, "x2": left + plot_w, "y1": base_y, "y2": base_y, "class": "axis"}),
        element("line", {"x1": left, "x2": left + plot_w, "y1": top_pad, "y2": top_pad, "class": "grid"}),
        text(left - 4, top_pad + 4, short(ceiling), css="note", anchor="end", size=10),
        text(left - 4, base_y, "0", css="note", anchor="end", size=10),
        text(left, height - 4, first_label, css="note", size=10),
        text(left + plot_w, height - 4, last_label, css="note", anchor="end", size=10),
    ]
    if values:
        step = plot_w / max(len(values) - 1, 1)
        points = [
            f"{num(left + index * step)},{num(base_y - plot_h * min(value, ceiling) / ceiling)}"
            for index, value in enumerate(values)
        ]
        if len(points) == 1:
            x, y = points[0].split(",")
            body.append(element("circle", {"cx": x, "cy": y, "r": 2, "class": "dot s0"}))
        else:
            area = [
                f"{num(float(left))},{num(base_y)}",
                *points,
                f"{num(left + (len(values) - 1) * step)},{num(base_y)}",
            ]
            body.append(element("polygon", {"points": " ".join(area), "class": "area s0"}))
            body.append(element("polyline", {"points": " ".join(points), "class": "line s0"}))
    return svg(width, height, label, body, css="chart small")
