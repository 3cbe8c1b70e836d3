"""`sqtool audit --report html` and `sqtool history --report html`: one self-contained page (no script,
no remote reference, a CSP), every string from the export escaped, byte-identical for the same input
under SOURCE_DATE_EPOCH (golden file), and small for a big export."""

from __future__ import annotations

import dataclasses
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sqtool import __version__
from sqtool.audit.engine import run_audit
from sqtool.audit.options import AuditOptions
from sqtool.chat.read import read_exports
from sqtool.commands.audit import AuditArguments, build_options
from sqtool.i18n import Translator
from sqtool.render.audit import render_report
from sqtool.render.audit_html import render_html
from sqtool.settings import Settings
from tests.audit.golden_chat import generated_chat
from tests.conftest import FIXTURES, REPO, golden_text
from tests.render.hostile import MEMBERS, write_hostile_export

DEMO = REPO / "examples" / "demo-wechat.csv"
PLAN = REPO / "examples" / "plan.yaml"
EPOCH = "1790000000"  # 2026-09-21 14:13:20 UTC


class Elements(HTMLParser):
    """Every start tag with its attributes, as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Elements()
    parser.feed(html)
    return parser.tags


def _demo_report(lang: str):  # type: ignore[no-untyped-def]
    arguments = AuditArguments(exports=(str(DEMO),), plan=str(PLAN))
    options = dataclasses.replace(build_options(arguments, Settings(lang=lang)), tables=True)
    report = run_audit(read_exports([str(DEMO)]), options)
    report = dataclasses.replace(report, source=dataclasses.replace(report.source, files=("demo-wechat.csv",)))
    report = dataclasses.replace(
        report,
        drift=tuple(
            dataclasses.replace(item, finding=dataclasses.replace(item.finding, path="plan.yaml"))
            for item in report.drift
        ),
    )
    return report


def _demo_html(lang: str) -> str:
    return render_html(_demo_report(lang), Translator(lang))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_demo_page_is_unchanged(monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    """Golden files (update with --update-golden and review the diff); the same input gives the same
    bytes, the generation time included, under SOURCE_DATE_EPOCH."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    html = _demo_html(lang)
    assert html == _demo_html(lang)
    assert "2026-09-21 14:13" in html
    html = html.replace(f"sqtool {__version__}", "sqtool VERSION")  # a release does not change the page
    assert html == golden_text(FIXTURES / "audit" / f"demo-report-{lang}.html", html)
    markdown = render_report(_demo_report(lang), "md", lang, color=False)
    assert markdown == golden_text(FIXTURES / "audit" / f"demo-report-{lang}.md", markdown)


def test_the_page_is_self_contained(cli, tmp_path: Path) -> None:
    page = tmp_path / "a.html"
    result = cli("audit", str(DEMO), "--plan", str(PLAN), "--report", "html", "-o", str(page))
    assert result.exit_code == 0, result.output
    html = page.read_text("utf-8")
    tags = elements(html)
    assert html.startswith("<!DOCTYPE html>")
    assert not [tag for tag, _ in tags if tag in ("script", "link", "img", "iframe", "object", "embed", "a")]
    assert not [name for _, attrs in tags for name in attrs if name.startswith("on")]
    csp = [attrs["content"] for tag, attrs in tags if tag == "meta" and attrs.get("http-equiv")]
    assert csp == ["default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"]
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "") and "https://" not in html
    sections = [attrs["id"] for tag, attrs in tags if tag == "section"]
    assert sections == [
        "scorecard", "activity", "participation", "responsiveness", "membership", "value", "drift", "lists", "figures",
    ]  # fmt: skip
    assert sum(1 for tag, _ in tags if tag == "svg") == 8
    # sqtool's marker: a weekly job may replace its own page without --force
    again = cli("audit", str(DEMO), "--plan", str(PLAN), "--report", "html", "-o", str(page))
    assert again.exit_code == 0, again.output


def test_hostile_strings_are_escaped(cli, tmp_path: Path) -> None:
    """Names, texts and the group name of the export reach the page as text, never as markup."""
    export = write_hostile_export(tmp_path)
    page = tmp_path / "hostile.html"
    assert cli("audit", str(export), "--report", "html", "-o", str(page), "--top", "0").exit_code == 0
    html = page.read_text("utf-8")
    tags = elements(html)
    assert [tag for tag, _ in tags if tag in ("script", "img", "a", "b")] == []
    assert [name for _, attrs in tags for name in attrs if name.startswith("on")] == []
    assert html.count("<style>") == 1 and html.count("</style>") == 1
    assert "&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;老王" in html
    assert "&lt;/style&gt;&lt;script&gt;alert(&#34;group&#34;)" in html  # the group's name, escaped
    assert all(name not in html for _, name in MEMBERS if "<" in name)


def test_a_big_audit_stays_small() -> None:
    """The page has a fixed number of charts, line charts of at most 400 points and 100 rows per list,
    so its size does not grow with the export (the 10^6-message figure: benchmarks/html_report.py)."""
    report = run_audit(generated_chat(20_000, linked=False), AuditOptions(tables=True))
    html = render_html(report, Translator("en"))
    assert len(html.encode()) < 400_000


def test_history_page_and_its_errors(cli, tmp_path: Path) -> None:
    history = tmp_path / "h.sqlite"
    empty = tmp_path / "empty.html"
    result = cli("history", "--history", str(history), "--report", "html", "-o", str(empty))
    assert result.exit_code == 2  # no database yet: the usual error, not an empty page
    cli("-q", "audit", str(DEMO), "--plan", str(PLAN), "--save", "--history", str(history))
    page = tmp_path / "history.html"
    result = cli("--lang", "zh", "history", "--history", str(history), "--report", "html", "-o", str(page))
    assert result.exit_code == 0, result.output
    html = page.read_text("utf-8")
    assert "体检历史：私域增长研习社 (plan.yaml)" in html and html.count("<svg") == 3
    refused = cli("history", "--history", str(history), "--all", "--report", "html", "-o", str(page))
    assert refused.exit_code == 2 and "--all" in refused.output
    wrong = cli("history", "--history", str(history), "--report", "pdf")
    assert wrong.exit_code == 2 and "text, json, html" in wrong.output


def test_audit_lists_html_among_its_formats(cli) -> None:
    result = cli("audit", str(DEMO), "--report", "pdf")
    assert result.exit_code == 2 and "html" in result.output
