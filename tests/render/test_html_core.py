"""The HTML core every report page shares: Jinja2 autoescaping, the CSP, SOURCE_DATE_EPOCH, and the
SVG chart helpers (escaped labels, values drawn to scale, nothing outside the <svg>)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from html import unescape
from xml.etree import ElementTree

import pytest

from sqtool.render.charts import Series, bar_chart, heatmap, histogram, line_chart, lorenz_curve
from sqtool.render.charts.bars import Bar
from sqtool.render.charts.heatmap import level
from sqtool.render.charts.svg import nice_max, short
from sqtool.render.html_page import CSP, Page, environment, generated_at

HOSTILE = '"><img src=x onerror=alert(1)><script>alert(2)</script></style>'
SVG_NS = "{http://www.w3.org/2000/svg}"


def _parse(svg: str) -> ElementTree.Element:
    return ElementTree.fromstring(svg)  # well-formed XML: every label escaped


def test_every_chart_escapes_its_labels_and_stays_well_formed() -> None:
    """A hostile label reaches the SVG as text only, never as markup."""
    charts = [
        bar_chart([Bar(HOSTILE, 3, HOSTILE, ghost=4)], HOSTILE, target=2, target_label=HOSTILE),
        histogram([1, 2], [HOSTILE, "b"], HOSTILE, marker=1, marker_label=HOSTILE),
        line_chart([Series(HOSTILE, [1, None, 3])], [HOSTILE, "b", "c"], HOSTILE),
        heatmap([[0, 1], [2, 3]], [HOSTILE, "b"], ["0", HOSTILE], HOSTILE, every=1),
        lorenz_curve([(0.5, 0.1)], HOSTILE, reference=[(0.9, 0.0)], reference_label=HOSTILE, x_label=HOSTILE),
    ]
    for chart in charts:
        assert "<script" not in chart and "<img" not in chart and "</style" not in chart
        root = _parse(chart)
        assert root.tag == f"{SVG_NS}svg"
        assert root.attrib["aria-label"] == HOSTILE  # the parser gives back exactly the text
        texts = [node.text for node in root.iter(f"{SVG_NS}text")]
        assert HOSTILE in texts or any(HOSTILE in (n.text or "") for n in root.iter(f"{SVG_NS}title"))


def test_bars_are_drawn_to_scale() -> None:
    """A bar of 50 on a scale of 100 is half as long as a bar of 100."""
    root = _parse(bar_chart([Bar("a", 100, "100"), Bar("b", 50, "50")], "x", top=100))
    widths = [float(r.attrib["width"]) for r in root.iter(f"{SVG_NS}rect") if "bar" in r.attrib.get("class", "")]
    assert widths[1] == pytest.approx(widths[0] / 2, abs=0.1)


def test_histogram_bar_heights_follow_counts_and_marker_is_drawn() -> None:
    root = _parse(histogram([4, 2, 0], ["a", "b", "c"], "x", marker=2, marker_label="cutoff"))
    heights = [float(r.attrib["height"]) for r in root.iter(f"{SVG_NS}rect")]
    assert heights[0] == pytest.approx(2 * heights[1], abs=0.1) and heights[2] == 0
    assert any(line.attrib.get("class") == "target" for line in root.iter(f"{SVG_NS}line"))


def test_line_chart_breaks_at_gaps_and_thins_long_series() -> None:
    """A missing value splits the line; ten thousand days become at most MAX_POINTS points."""
    root = _parse(line_chart([Series("m", [1, 2, None, 4, 5])], list("abcde"), "x"))
    assert len(list(root.iter(f"{SVG_NS}polyline"))) == 2
    long = line_chart([Series("m", list(range(10_000)))], [str(i) for i in range(10_000)], "x")
    points = max(len(p.attrib["points"].split()) for p in _parse(long).iter(f"{SVG_NS}polyline"))
    assert points <= 400 and len(long) < 12_000


def test_heatmap_shades_in_six_steps() -> None:
    """Zero is its own shade; the peak is the darkest; values in between climb."""
    assert level(0, 10) == 0 and level(10, 10) == 5 and level(1, 10) == 1
    assert [level(v, 100) for v in (1, 20, 21, 60, 100)] == [1, 1, 2, 3, 5]
    root = _parse(heatmap([[0, 5], [10, 1]], ["r1", "r2"], ["c1", "c2"], "x"))
    classes = [r.attrib["class"] for r in root.iter(f"{SVG_NS}rect")]
    assert classes == ["h0", "h3", "h5", "h1"]


def test_lorenz_curve_runs_from_corner_to_corner() -> None:
    root = _parse(lorenz_curve([(0.5, 0.2)], "x"))
    curve = next(p for p in root.iter(f"{SVG_NS}polyline") if p.attrib["class"] == "line s0")
    points = curve.attrib["points"].split()
    assert len(points) == 3  # (0,0), (0.5,0.2), (1,1)


def test_axis_helpers() -> None:
    assert [nice_max(v) for v in (0, 7, 12, 180, 2600)] == [1.0, 10.0, 20.0, 200.0, 5000.0]
    assert [short(v) for v in (950, 1200, 35_000, 1_500_000)] == ["950", "1.2k", "35k", "1.5M"]


def test_page_skeleton_escapes_and_carries_the_csp() -> None:
    """The title and subtitle are escaped; the page forbids scripts and remote loads."""
    template = environment().from_string('{% extends "base.html.j2" %}{% block content %}{{ x }}{% endblock %}')
    html = template.render(page=Page(title=HOSTILE, lang="zh", footer="f", subtitle=(HOSTILE,)), x=HOSTILE)
    assert "<script" not in html and "<img" not in html
    assert f'content="{CSP}"' in unescape(html) and "default-src 'none'" in CSP and "script" not in CSP
    assert '<html lang="zh-CN">' in html
    assert re.search(r"<style>\n/\* sqtool report pages", html)


def test_a_typo_in_a_template_fails_instead_of_printing_nothing() -> None:
    from jinja2 import UndefinedError

    with pytest.raises(UndefinedError):
        environment().from_string("{{ missing.name }}").render()


def test_source_date_epoch_fixes_the_generation_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780000000")
    assert generated_at() == datetime.fromtimestamp(1780000000, UTC)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert generated_at().tzinfo is UTC
