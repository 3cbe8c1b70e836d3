"""The bundled playbooks: complete example plans, one per community type, with metadata."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from sqtool.errors import SqtoolError
from sqtool.settings import Lang

METADATA_KEY = "playbook"


@dataclass(frozen=True, slots=True)
class Playbook:
    name: str  # the file stem, as typed after --playbook
    path: Path
    title: dict[str, str]  # {"en": ..., "zh": ...}
    summary: dict[str, str]
    purposes: tuple[str, ...]
    typical_size: int | None
    platforms: tuple[str, ...]
    sources: dict[str, tuple[str, ...]]  # plan section -> seed articles ("000".."004") it draws on
    data: dict[str, Any] = field(repr=False, compare=False)  # the whole file, metadata included

    def title_in(self, lang: Lang) -> str:
        return self.title.get(lang) or self.title.get("en", self.name)

    def summary_in(self, lang: Lang) -> str:
        return self.summary.get(lang) or self.summary.get("en", "")

    def plan(self) -> dict[str, Any]:
        """A fresh copy of the plan without the ``playbook`` metadata (what `init` starts from)."""
        return {key: copy.deepcopy(value) for key, value in self.data.items() if key != METADATA_KEY}


def playbooks_dir() -> Path:
    from sqtool.resources import data_dir

    return data_dir("playbooks")


def playbook_names() -> list[str]:
    return sorted(path.stem for path in playbooks_dir().glob("*.yaml"))


def _texts(value: Any) -> dict[str, str]:
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


@cache
def _load(path: Path) -> Playbook:
    from sqtool.plan.load import load_plan

    loaded = load_plan(path)
    meta = loaded.data.get(METADATA_KEY) if isinstance(loaded.data, dict) else None
    meta = meta if isinstance(meta, dict) else {}
    size = meta.get("typical_size")
    listed = meta.get("sources")
    sources = listed if isinstance(listed, dict) else {}
    return Playbook(
        name=path.stem,
        path=path,
        title=_texts(meta.get("title")),
        summary=_texts(meta.get("summary")),
        purposes=tuple(str(item) for item in meta.get("purposes") or ()),
        typical_size=size if isinstance(size, int) and not isinstance(size, bool) else None,
        platforms=tuple(str(item) for item in meta.get("platforms") or ()),
        sources={str(key): tuple(str(item) for item in value or ()) for key, value in sources.items()},
        data=loaded.data,
    )


def load_playbook(name: str) -> Playbook:
    """The playbook called ``name``; SqtoolError (exit 2) naming the choices when there is none."""
    names = playbook_names()
    if name not in names:
        raise SqtoolError(
            "scaffold.unknown_playbook", hint="scaffold.unknown_playbook_hint", name=name, names=", ".join(names)
        )
    return _load(playbooks_dir() / f"{name}.yaml")


def list_playbooks() -> list[Playbook]:
    return [load_playbook(name) for name in playbook_names()]
