"""One catalogue of user-facing text in English and Chinese.

Messages live in the modules of ``sqtool.messages``; each defines ``MESSAGES``, a mapping of
key -> {"en": ..., "zh": ...} with ``str.format`` placeholders. This module merges them once.
"""

from __future__ import annotations

import importlib
import pkgutil
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


def text(key: str, lang: Lang, /, **args: object) -> str:
    """The message ``key`` in ``lang``, formatted with ``args``."""
    entry = catalogue()[key]
    template = entry.get(lang) or entry["en"]
    return template.format(**args) if args else template


class Translator:
    """A callable bound to one language: ``tr("key", n=3)``."""

    __slots__ = ("lang",)

    def __init__(self, lang: Lang) -> None:
        self.lang: Lang = lang

    def __call__(self, key: str, /, **args: object) -> str:
        return text(key, self.lang, **args)
