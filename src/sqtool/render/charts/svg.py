"""The few SVG building blocks the charts share: escaped elements, short numbers, nice axis steps."""

from __future__ import annotations

import math
from collections.abc import Iterable

from markupsafe import Markup, escape

FONT = 12  # label size in viewBox units; the charts are drawn 480 to 640 units wide


def num(value: float) -> str:
    """A coordinate with at most one decimal and no trailing zeros (small, byte-stable output)."""
    text = f"{value:.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text


def element(tag: str, attributes: dict[str, str | float | int | None], *children: str) -> str:
    """``<tag a="v">children</tag>`` with every attribute value escaped; children are already markup."""
    parts = [tag]
    for name, value in attributes.items():
        if value is None:
            continue
        shown = num(value) if isinstance(value, float) else str(value)
        parts.append(f'{name}="{escape(shown)}"')
    head = " ".join(parts)
    if not children:
        return f"<{head}/>"
    return f"<{head}>{''.join(children)}</{tag}>"


def text(x: float, y: float, label: str, css: str = "label", anchor: str = "start", size: int = FONT) -> str:
    """A label at (x, y), escaped."""
    return element(
        "text",
        {"x": float(x), "y": float(y), "class": css, "text-anchor": anchor, "font-size": size},
        str(escape(label)),
    )


def title(label: str) -> str:
    """The tooltip and accessible name of an SVG element."""
    return f"<title>{escape(label)}</title>"


def svg(width: int, height: int, label: str, body: Iterable[str], css: str = "chart") -> Markup:
    """The chart as one ``<svg>``: scaled to the width of its box, named for screen readers."""
    return Markup(
        element(
            "svg",
            {
                "xmlns": "http://www.w3.org/2000/svg",
                "viewBox": f"0 0 {width} {height}",
                "class": css,
                "role": "img",
                "aria-label": label,
                "preserveAspectRatio": "xMidYMid meet",
            },
            title(label),
            *body,
        )
    )


def nice_max(value: float) -> float:
    """The top of an axis: ``value`` rounded up to 1, 2, 2.5 or 5 times a power of ten (at least 1)."""
    if value <= 1:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return step * power
    return 10.0 * power  # pragma: no cover - the loop always returns


def short(value: float) -> str:
    """An axis figure: 950, 1.2k, 35k, 1.5M."""
    if abs(value) >= 1_000_000:
        return f"{value / 1_000_000:.1f}".removesuffix(".0") + "M"
    if abs(value) >= 10_000:
        return f"{value / 1000:.0f}k"
    if abs(value) >= 1000:
        return f"{value / 1000:.1f}".removesuffix(".0") + "k"
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"
