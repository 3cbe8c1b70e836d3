"""The two languages and the one the locale asks for, importable without anything else of sqtool
(``launch`` prints the top-level help page with it before typer is imported)."""

from __future__ import annotations

import os
from collections.abc import Mapping

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (mypy knows the name)
if TYPE_CHECKING:
    from sqtool.settings import Lang

_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


def lang_from_locale(environ: Mapping[str, str] | None = None) -> Lang:
    """Chinese when the first set locale variable starts with "zh", else English."""
    environ = os.environ if environ is None else environ
    for name in _LOCALE_VARIABLES:
        value = environ.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"
