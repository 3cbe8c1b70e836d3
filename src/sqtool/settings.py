"""The one frozen configuration object that the CLI builds and passes down."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

Lang = Literal["en", "zh"]
ColorMode = Literal["auto", "always", "never"]

_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


def lang_from_locale(environ: Mapping[str, str] | None = None) -> Lang:
    """Chinese when the first set locale variable starts with "zh", else English."""
    environ = os.environ if environ is None else environ
    for name in _LOCALE_VARIABLES:
        value = environ.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


@dataclass(frozen=True, slots=True)
class Settings:
    lang: Lang = "en"
    color: ColorMode = "auto"
    quiet: bool = False
    debug: bool = False
