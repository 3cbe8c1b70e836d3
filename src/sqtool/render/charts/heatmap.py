"""A grid of counts (rows x columns, e.g. weekday x hour) shaded in six steps of one colour."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from markupsafe import Markup

from sqtool.render.charts.svg import element, svg, text, title

LEVELS = 6  # shade classes h0 (none) .. h5 (busiest); the page's CSS colours them


def level(value: int, peak: int) -> int:
    """0 for nothing, else 1..LEVELS-1 in equal steps of the peak."""
    if value <= 0 or peak <= 0:
        return 0
    return min(LEVELS - 1, 1 + (value * (LEVELS - 1) - 1) // peak)


def heatmap(
    grid: Sequence[Sequence[int]],
    row_labels: Sequence[str],
    column_labels: Sequence[str],
    label: str,
    *,
    every: int = 3,
    cell_title: Callable[[str, str, int], str] = lambda row, column, value: f"{row} {column}: {value}",
) -> Markup:
    """One square per cell; a column label every ``every`` columns; ``cell_title(row, column, value)``
    is the tooltip of a cell (a function, so the caller words the count: "1 message", "2 messages")."""
    columns = max((len(r) for r in grid), default=0)
    left, top_pad, cell = 44, 18, 22
    width, height = left + columns * cell + 4, top_pad + len(grid) * cell + 4
    peak = max((max(r) for r in grid if r), default=0)
    body: list[str] = []
    for c in range(0, columns, every):
        body.append(text(left + c * cell + cell / 2, 12, column_labels[c], css="note", anchor="middle", size=10))
    for r, row in enumerate(grid):
        y = top_pad + r * cell
        body.append(text(left - 6, y + cell * 0.68, row_labels[r], css="label", anchor="end", size=11))
        for c, value in enumerate(row):
            body.append(
                element(
                    "rect",
                    {
                        "x": left + c * cell + 1,
                        "y": y + 1,
                        "width": cell - 2,
                        "height": cell - 2,
                        "rx": 3,
                        "class": f"h{level(value, peak)}",
                    },
                    title(cell_title(row_labels[r], column_labels[c], value)),
                )
            )
    return svg(width, height, label, body, css="chart heatmap")
