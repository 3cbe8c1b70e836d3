"""`sqtool portfolio --report html`: one self-contained page on the HTML core (no script, the CSP, every
name escaped), small multiples of each audited group's days, and with --with-details each group's own
full report written beside it and linked."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

from sqtool.i18n import text
from tests.portfolio.groups import UNTIL, four_groups

HOSTILE = '<script>alert(1)</script>"><img src=x>'


@pytest.fixture
def portfolio(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    manifest = four_groups(tmp_path)
    text = manifest.read_text(encoding="utf-8").replace("name: 上海1群", f"name: '{HOSTILE}'")
    manifest.write_text(text, encoding="utf-8")
    return manifest


def test_the_page_is_self_contained_and_escapes_every_name(cli, portfolio: Path) -> None:
    result = cli("portfolio", "groups.yaml", "--until", UNTIL, "-r", "html", "-o", "portfolio.html")
    assert result.exit_code == 1, result.stderr  # the broken export: a failed group
    page = Path("portfolio.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'http-equiv="Content-Security-Policy"' in page
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert re.search(r'<span class="badge act">act</span>', page) and '<span class="badge ">dormant</span>' in page
    # one small multiple per audited group (the failed one has no days), each a well-formed SVG
    charts = re.findall(r"<svg .*?</svg>", page, flags=re.S)
    assert len(charts) == 3
    for chart in charts:
        ElementTree.fromstring(chart)
    assert "360 (+0%)" in page and "120 (−67%)" in page
    assert "Messages per day, the last 30 days" in page


def test_small_multiples_share_one_scale(cli, portfolio: Path) -> None:
    """The busiest day of the portfolio (12 messages) tops every card: 12 a day draws higher than 4 a day."""
    cli("portfolio", "groups.yaml", "--until", UNTIL, "-r", "html", "-o", "portfolio.html")
    page = Path("portfolio.html").read_text(encoding="utf-8")
    charts = re.findall(r"<svg .*?</svg>", page, flags=re.S)
    heights = []
    for chart in charts:
        assert ">20</text>" in chart  # nice_max(12): the same ceiling on every card
        line = re.search(r'<polyline points="([^"]+)" class="line s0"', chart)
        assert line is not None
        heights.append(float(line.group(1).split()[0].split(",")[1]))
    # ranked: 上海2群 (4 a day), 北京1群 (0), the hostile-named group (12 a day); a smaller y is higher
    assert heights[2] < heights[0] < heights[1]


def test_with_details_writes_each_groups_own_report_and_links_it(cli, portfolio: Path) -> None:
    args = ("portfolio", "groups.yaml", "--until", UNTIL, "-r", "html", "-o", "out/portfolio.html")
    result = cli(*args, "--with-details", "out/groups", "--jobs", "2")
    assert "wrote the full report of 2 groups to out/groups" in result.stderr
    page = Path("out/portfolio.html").read_text(encoding="utf-8")
    links = re.findall(r'<a href="([^"]+)">', page)
    assert len(links) == 2 and all(link.startswith("groups/") for link in links)
    for link in links:
        detail = Path("out") / link.replace("&#39;", "'").replace("&amp;", "&")
        assert detail.is_file(), detail
        title = text("audit.report_title", "en", first="2026-06-01", last="2026-06-30", days=30)
        assert title in detail.read_text(encoding="utf-8")  # the group's own audit, of the portfolio's period
    from sqtool.render.portfolio_html import detail_format

    mine = Path("out/groups") / f"002-上海2群.{detail_format()}"
    assert "120" in mine.read_text(encoding="utf-8")
    assert cli(*args, "--with-details", "out/groups").exit_code == 1  # sqtool's own reports: replaced
    mine.write_text("my notes\n", encoding="utf-8")  # a user's file is never replaced without --force
    again = cli(*args, "--with-details", "out/groups")
    assert again.exit_code == 2 and "already exists" in again.stderr
    assert mine.read_text(encoding="utf-8") == "my notes\n"
    Path("a-file").write_text("x", encoding="utf-8")
    assert cli(*args, "--with-details", "a-file").exit_code == 2


def test_the_page_in_chinese(cli, portfolio: Path) -> None:
    cli("--lang", "zh", "portfolio", "groups.yaml", "--until", UNTIL, "-r", "html", "-o", "p.html")
    page = Path("p.html").read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in page and "排名" in page and "每日消息数" in page and "需行动" in page
    assert "坏群</strong>：exports/broken.csv" in page
