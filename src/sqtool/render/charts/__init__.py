"""sqtool's own small SVG chart helpers for the HTML reports: bars, lines, heatmap and Lorenz curve.

Each helper takes plain numbers and labels and returns one ``<svg>`` element as ``markupsafe.Markup``
(every label escaped here, so a template may print it as it is). No script, no external reference:
colours come from CSS classes of the page (``render/templates/page.css``), so dark mode and print
restyle every chart. Nothing here knows about audits; the audit, history and portfolio pages reuse them.
"""

from sqtool.render.charts.bars import bar_chart, histogram
from sqtool.render.charts.heatmap import heatmap
from sqtool.render.charts.lines import Series, line_chart
from sqtool.render.charts.lorenz import lorenz_curve

__all__ = ["Series", "bar_chart", "heatmap", "histogram", "line_chart", "lorenz_curve"]
