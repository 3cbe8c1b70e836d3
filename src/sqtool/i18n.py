"""One catalogue of user-facing text in English and Chinese.

Messages live in the modules of ``sqtool.messages``; each defines ``MESSAGES``, a mapping of
key -> {"en": ..., "zh": ...} with ``str.format`` placeholders. This module merges them once.

A count next to an English noun names both forms in its placeholder, ``{n:day|days}``: "1 day",
"2 days" (the number as given, a space, the form its value asks for). Chinese nouns do not inflect,
so the Chinese text writes ``{n} 天``.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import string
from functools import cache

from sqtool.settings import Lang


@cache
def catalogue() -> dict[str, dict[str, str]]:
    """Every message of every module in sqtool.messages, keyed by message key."""
    import sqtool.messages as package

    merged: dict[str, dict[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda item: item.name):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        for key, texts in module.MESSAGES.items():
            if key in merged:
                raise RuntimeError(f"message key {key!r} is defined twice (again in {info.name})")
            merged[key] = texts
    return merged


_PLURAL = re.compile(r"\{\w+:[^{}|]*\|[^{}]*\}")  # a placeholder naming a noun's two forms: {n:day|days}


def is_one(count: object) -> bool:
    """Whether a count takes the singular: 1, 1.0, or a number already written out as "1"."""
    if isinstance(count, str):
        count = count.strip().replace(",", "")
        try:
            count = float(count)
        except ValueError:
            return False
    return isinstance(count, int | float) and count == 1


class _PluralFormatter(string.Formatter):
    """``str.format`` that also reads ``{n:one|other}`` as the count and the noun's form for it."""

    def format_field(self, value: object, format_spec: str) -> str:
        if "|" in format_spec:
            one, other = format_spec.split("|", 1)
            return f"{value} {one if is_one(value) else other}"
        return super().format_field(value, format_spec)


_FORMATTER = _PluralFormatter()


@cache
def _has_plural(template: str) -> bool:
    return _PLURAL.search(template) is not None


def text(key: str, lang: Lang, /, **args: object) -> str:
    """The message ``key`` in ``lang``, formatted with ``args``."""
    entry = catalogue()[key]
    template = entry.get(lang) or entry["en"]
    if not args:
        return template
    return _FORMATTER.vformat(template, (), args) if _has_plural(template) else template.format(**args)


class Translator:
    """A callable bound to one language: ``tr("key", n=3)``."""

    __slots__ = ("lang",)

    def __init__(self, lang: Lang) -> None:
        self.lang: Lang = lang

    def __call__(self, key: str, /, **args: object) -> str:
        return text(key, self.lang, **args)
