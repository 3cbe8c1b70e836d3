"""The HTML page every sqtool report shares: Jinja2 with autoescaping, the page skeleton and CSS
(templates/base.html.j2, templates/page.css), the Content-Security-Policy, and the generation time.

A page is one self-contained file: no script, no external reference, every string from an export
escaped by Jinja2's autoescape (charts escape their own labels: render/charts/). A report template
extends ``base.html.j2`` and fills the ``content`` block; ``page`` (a :class:`Page`) fills the head.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from typing import TYPE_CHECKING, Any

from sqtool import __version__
from sqtool.settings import Lang

if TYPE_CHECKING:
    from jinja2 import Environment

# no script, no remote load of any kind; the page's own <style> and data: images only
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

LANG_TAGS = {"en": "en", "zh": "zh-CN"}


@dataclass(frozen=True, slots=True)
class Page:
    """What the skeleton needs: the title, lines under it, the footer, and the language."""

    title: str
    lang: Lang
    footer: str
    subtitle: tuple[str, ...] = ()
    csp: str = CSP
    version: str = __version__
    lang_tag: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "lang_tag", LANG_TAGS.get(self.lang, "en"))


def generated_at() -> datetime:
    """Now in UTC, or the time ``SOURCE_DATE_EPOCH`` names (reproducible builds: the same input gives
    the same bytes)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now(UTC).replace(microsecond=0)


@cache
def environment() -> Environment:
    """The one Jinja2 environment: templates from the package, autoescape on for every template
    but the CSS, undefined names an error (a typo must fail a test, not print nothing)."""
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    return Environment(
        loader=PackageLoader("sqtool.render", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "j2"), default_for_string=True, default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_page(template: str, page: Page, **context: Any) -> str:
    """``template`` (under render/templates/) rendered with ``page`` and ``context``."""
    return environment().get_template(template).render(page=page, **context)
