"""A Lorenz curve: cumulative share of the total (y) held by the least active share of the people (x),
against the line of perfect equality, with reference points (such as the 90-9-1 rule) marked."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from sqtool.render.charts.svg import FONT, element, num, svg, text


def lorenz_curve(
    points: Sequence[tuple[float, float]],
    label: str,
    *,
    reference: Sequence[tuple[float, float]] = (),
    reference_label: str = "",
    equality_label: str = "",
    x_label: str = "",
    y_label: str = "",
    size: int = 300,
) -> Markup:
    """``points`` are (x, y) shares in 0..1, sorted by x; (0, 0) and (1, 1) are added when missing."""
    left, bottom, top_pad, right = 40, 34, 10, 12
    side = size - left - right
    width, height = size, top_pad + side + bottom

    def at(x: float, y: float) -> str:
        return f"{num(left + side * x)},{num(top_pad + side * (1 - y))}"

    curve = sorted({(0.0, 0.0), *((min(max(x, 0), 1), min(max(y, 0), 1)) for x, y in points), (1.0, 1.0)})
    body = [
        element("rect", {"x": left, "y": top_pad, "width": side, "height": side, "class": "frame"}),
        element("polyline", {"points": f"{at(0, 0)} {at(1, 1)}", "class": "line equality dashed"}),
        element(
            "polygon",
            {"points": " ".join(at(x, y) for x, y in curve) + f" {at(1, 0)}", "class": "area s0"},
        ),
        element("polyline", {"points": " ".join(at(x, y) for x, y in curve), "class": "line s0"}),
        text(left - 6, top_pad + 4, "100%", css="note", anchor="end", size=10),
        text(left - 6, top_pad + side, "0", css="note", anchor="end", size=10),
        text(left + side, top_pad + side + 14, "100%", css="note", anchor="end", size=10),
        text(left + side / 2, height - 4, x_label, css="note", anchor="middle", size=11),
    ]
    if y_label:
        body.append(text(left + 6, top_pad + FONT + 2, y_label, css="note", size=11))
    if equality_label:
        body.append(text(left + side * 0.52, top_pad + side * 0.44, equality_label, css="note", anchor="end", size=10))
    for x, y in reference:
        cx, cy = at(x, y).split(",")
        body.append(element("circle", {"cx": cx, "cy": cy, "r": 4, "class": "reference"}))
    if reference and reference_label:
        x, y = reference[0]
        cx, cy = at(x, y).split(",")
        body.append(text(float(cx) - 8, float(cy) - 8, reference_label, css="note", anchor="end", size=10))
    return svg(width, height, label, body, css="chart lorenz")
