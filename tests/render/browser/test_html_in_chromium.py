"""The HTML reports in headless Chromium: the demo page at desktop and phone width in both languages
(every chart drawn, no console error, no request but the file itself, one column on a phone), a
hostile export whose names and texts try to run script, and the history page. Screenshots go to the
test's temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.render.browser.conftest import visit
from tests.render.hostile import write_hostile_export

pytestmark = pytest.mark.browser

DEMO = REPO / "examples" / "demo-wechat.csv"
PLAN = REPO / "examples" / "plan.yaml"
CHARTS = 9  # daily lines, heatmap, Lorenz, tiers, response times, joins, retention, value output (+1 history)


def _only_the_file(visit_requests: list[str], page: Path) -> list[str]:
    return [url for url in visit_requests if url != page.as_uri()]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_demo_report_looks_whole_at_desktop_and_phone_width(cli, chromium, tmp_path: Path, lang: str) -> None:
    page_file = tmp_path / f"demo-{lang}.html"
    result = cli("--lang", lang, "audit", str(DEMO), "--plan", str(PLAN), "--report", "html", "-o", str(page_file))
    assert result.exit_code == 0, result.output
    for width, name, dark in ((1280, "desktop", False), (390, "phone", False), (1280, "dark", True)):
        seen = visit(chromium, page_file, width=width, dark=dark)
        page = seen.page
        assert seen.console_errors == [] and seen.page_errors == [] and seen.dialogs == []
        assert _only_the_file(seen.requests, page_file) == []
        charts = page.query_selector_all("svg.chart")
        assert len(charts) == CHARTS - 1
        for chart in charts:
            box = chart.bounding_box()
            assert box is not None and box["width"] > 150 and box["height"] > 40
            assert len(chart.query_selector_all("rect, polyline, polygon, circle, line")) >= 3
        assert page.evaluate("document.documentElement.lang") == ("zh-CN" if lang == "zh" else "en")
        # nothing wider than the screen: the phone gets one column, not a sideways scroll
        assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
        if name == "phone":
            first, second = page.query_selector_all("#scorecard article")[:2]
            assert first.bounding_box()["x"] == second.bounding_box()["x"]  # stacked, not side by side
        page.screenshot(path=str(tmp_path / f"demo-{lang}-{name}.png"), full_page=True)
        page.context.close()
    assert (tmp_path / f"demo-{lang}-phone.png").stat().st_size > 10_000


def test_hostile_names_and_texts_run_no_script(cli, chromium, tmp_path: Path) -> None:
    """<script>, onerror, onload, javascript: links and </style> from the export stay text."""
    export = write_hostile_export(tmp_path)
    page_file = tmp_path / "hostile.html"
    cli("audit", str(export), "--report", "html", "-o", str(page_file), "--top", "0")
    seen = visit(chromium, page_file)
    page = seen.page
    assert seen.dialogs == [] and seen.page_errors == [] and seen.console_errors == []
    assert _only_the_file(seen.requests, page_file) == []
    assert page.title().startswith("Community audit")  # no script retitled the page
    dangerous = page.evaluate(
        """() => {
            const bad = [];
            for (const el of document.querySelectorAll('*')) {
                if (['SCRIPT', 'IMG', 'IFRAME', 'OBJECT', 'EMBED', 'A', 'B'].includes(el.tagName)) bad.push(el.tagName);
                for (const attr of el.attributes) if (attr.name.startsWith('on')) bad.push(attr.name);
            }
            return bad;
        }"""
    )
    assert dangerous == []
    assert page.query_selector_all("style") and len(page.query_selector_all("style")) == 1
    body = page.inner_text("body")
    assert "<script>alert('name')</script>老王" in body and '"><img src=x onerror=alert(1)>陈姐' in body
    assert "</style>" in body  # shown as text, it did not end the page's stylesheet
    page.screenshot(path=str(tmp_path / "hostile.png"), full_page=True)
    page.context.close()


def test_history_page(cli, chromium, tmp_path: Path) -> None:
    history = tmp_path / "h.sqlite"
    for month in ("06", "07", "08"):
        cli(
            "-q", "audit", str(DEMO), "--plan", str(PLAN), "--since", f"2026-{month}-01", "--until",
            f"2026-{month}-28", "--save", "--history", str(history),
        )  # fmt: skip
    page_file = tmp_path / "history.html"
    result = cli("--lang", "zh", "history", "--history", str(history), "--report", "html", "-o", str(page_file))
    assert result.exit_code == 0, result.output
    seen = visit(chromium, page_file, width=390)
    assert seen.console_errors == [] and _only_the_file(seen.requests, page_file) == []
    assert len(seen.page.query_selector_all("svg.chart")) == 3
    assert len(seen.page.query_selector_all("#audits tbody tr")) == 3
    seen.page.screenshot(path=str(tmp_path / "history-phone.png"), full_page=True)
    seen.page.context.close()
