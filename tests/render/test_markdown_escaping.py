"""Names in the Markdown reports (audit, plan, portfolio) read as the letters they are in a Markdown
viewer: no HTML from a member's name, no emphasis, code or link from its marks, no extra table column
from a pipe. The reports are rendered with markdown-it (CommonMark with tables and raw HTML allowed,
as GitHub allows much of it) and the rendered page is read back."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from sqtool.render.md_text import md_cell, md_code, md_text
from tests.conftest import REPO
from tests.portfolio.groups import PERIOD_START, UNTIL, chat_rows, four_groups, write_csv

HOSTILE_NAMES = (
    "<script>alert(1)</script>老王",
    "<img src=x onerror=alert(2)>陈姐",
    "*老板* | 群主",
    "`rm -rf` 小林",
    "_Mia_ & <b>Tom</b> &amp;",
    "[链接](javascript:alert(3))",
    "# 周老师 ~~删~~ \\",
)
BLOCK_TAGS = {"h1", "h2", "h3", "p", "ul", "li", "blockquote", "pre", "code", "table", "thead", "tbody", "tr"}
ALLOWED = BLOCK_TAGS | {"th", "td", "em", "strong", "br", "hr"}


class _Page(HTMLParser):
    """The tags of a rendered page, its text, and the cells of each table row."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []
        self.rows: list[int] = []
        self.emphasised: list[str] = []
        self._inline: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "tr":
            self.rows.append(0)
        elif tag in ("td", "th"):
            self.rows[-1] += 1
        elif tag in ("em", "strong", "s", "del"):
            self._inline.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._inline and self._inline[-1] == tag:
            self._inline.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._inline:
            self.emphasised.append(data)


def rendered(markdown: str) -> _Page:
    page = _Page()
    page.feed(MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).render(markdown))
    return page


def assert_literal(markdown: str, names: tuple[str, ...]) -> _Page:
    """Every name shows as its own letters, nothing of it turns into a tag, and every table keeps its columns."""
    page = rendered(markdown)
    assert set(page.tags) <= ALLOWED, sorted(set(page.tags) - ALLOWED)
    text = "".join(page.text)
    for name in names:
        assert name in text, name
    assert not any(name in part for part in page.emphasised for name in names)
    return page


def test_md_text_shows_each_mark_literally() -> None:
    """Unit level: each hostile name alone, in a paragraph, a table cell and a code span."""
    for name in HOSTILE_NAMES:
        page = assert_literal(f"{md_text(name)}\n\n| a | b |\n|---|---|\n| {md_cell(name)} | x |\n", (name,))
        assert page.rows == [2, 2]
        assert "".join(rendered(md_code(name)).text).strip() == name
    assert md_cell("a\nb", newline="<br>") == "a<br>b"
    assert md_code("a `b` c") == "``a `b` c``" and md_code("`x") == "`` `x ``"


def write_hostile_csv(folder: Path) -> Path:
    """A generic CSV export whose senders all carry hostile names, posting every day of June 2026."""
    return write_csv(folder / "hostile.csv", chat_rows(PERIOD_START, 30, list(HOSTILE_NAMES), 9))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_audit_markdown_keeps_hostile_names_literal(cli, tmp_path: Path, lang: str) -> None:
    export = write_hostile_csv(tmp_path)
    result = cli("--lang", lang, "audit", str(export), "--report", "md", "--top", "0", "--members", "20")
    assert result.exit_code == 0, result.output
    page = assert_literal(result.stdout, HOSTILE_NAMES)
    assert len(set(page.rows)) > 1  # several tables, each row as wide as its header:
    markdown_rows = [line for line in result.stdout.splitlines() if line.startswith("| ")]
    assert len(markdown_rows) == sum(1 for _ in page.rows)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_plan_markdown_keeps_hostile_names_literal(cli, tmp_path: Path, lang: str) -> None:
    plan = tmp_path / "plan.yaml"
    text = (REPO / "examples" / "plan.yaml").read_text("utf-8")
    community, ritual = "<script>alert(1)</script>*私域*|研习社", "<img src=x onerror=alert(2)>`周四`话题夜"
    text = text.replace("name: 私域增长研习社", f"name: '{community}'").replace("name: 周四话题夜", f"name: '{ritual}'")
    plan.write_text(text, "utf-8")
    result = cli("--lang", lang, "plan", str(plan), "--format", "md", "--fail-on", "never")
    assert result.exit_code == 0, result.output
    page = assert_literal(result.stdout, (community, ritual))
    widths = [line.count(" | ") for line in result.stdout.splitlines() if line.startswith("| ")]
    assert widths and len(page.rows) == len(widths)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_portfolio_markdown_keeps_hostile_names_literal(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    monkeypatch.chdir(tmp_path)
    manifest = four_groups(tmp_path)
    hostile = "<img src=x onerror=alert(1)>*上海*|1群"
    manifest.write_text(manifest.read_text("utf-8").replace("name: 上海1群", f"name: '{hostile}'"), "utf-8")
    result = cli("--lang", lang, "portfolio", "groups.yaml", "--until", UNTIL, "-r", "md", "--fail-on", "never")
    assert result.exit_code == 0, result.output
    assert_literal(result.stdout, (hostile,))


def test_only_what_a_viewer_reads_as_markup_is_escaped() -> None:
    """Ids and names with an underscore inside a word, numbers and plain backslashes read as written in
    the raw file too; a leading list marker or heading mark, an edge underscore and HTML do not."""
    assert md_text("wxid_tvkjratw84mg Coco_沈 3.5 \\x1b") == "wxid_tvkjratw84mg Coco_沈 3.5 \\x1b"
    assert md_text("_Mia_ & <b>") == "\\_Mia\\_ &amp; &lt;b&gt;"
    assert [md_text(text) for text in ("# a", "- a", "+ a", "12. a", "3) a")] == [
        "\\# a",
        "\\- a",
        "\\+ a",
        "12\\. a",
        "3\\) a",
    ]
    assert md_text("a\\*b\\") == "a\\\\\\*b\\\\"
