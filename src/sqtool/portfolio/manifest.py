"""The portfolio manifest (groups.yaml): loaded with the plans' hardened YAML loader, checked against
schemas/portfolio-manifest.schema.json, every problem told at its line and column."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from sqtool.chat.remote import is_url
from sqtool.errors import SqtoolError
from sqtool.i18n import Translator
from sqtool.plan.load import LoadedPlan, display_path, parse_yaml
from sqtool.plan.model import Pointer
from sqtool.resources import schema_path
from sqtool.settings import Lang

SCHEMA_NAME = "portfolio-manifest"
MAX_MANIFEST_BYTES = 16 * 1024 * 1024  # some 100,000 groups; a real manifest is far smaller
DEFAULT_NAME = "groups.yaml"


@dataclass(frozen=True, slots=True)
class GroupEntry:
    """One group of the manifest, its paths resolved against the manifest's folder (globs kept)."""

    name: str
    exports: tuple[str, ...]
    plan: str | None = None
    roster: str | None = None
    members: int | None = None
    tz: str | None = None
    format: str | None = None
    tags: tuple[tuple[str, str], ...] = ()
    line: int = 1  # where the entry starts in the manifest
    col: int = 1

    def tag(self, key: str) -> str | None:
        return dict(self.tags).get(key)


@dataclass(frozen=True, slots=True)
class Manifest:
    path: str  # as the user gave it
    groups: tuple[GroupEntry, ...]

    @property
    def tag_keys(self) -> tuple[str, ...]:
        """Every tag key some group has, in the order they first appear."""
        return tuple(dict.fromkeys(key for group in self.groups for key, _ in group.tags))


@cache
def manifest_schema() -> dict[str, Any]:
    return json.loads(schema_path(SCHEMA_NAME).read_text(encoding="utf-8"))


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(manifest_schema())


def load_manifest(source: str | Path, *, lang: Lang = "en") -> Manifest:
    """The manifest at ``source``; SqtoolError at the first problem's line and column."""
    from sqtool.fsutil import read_input

    path = display_path(source)
    if Path(source).is_dir():
        raise SqtoolError("portfolio.manifest_is_folder", hint="portfolio.manifest_is_folder_hint", path=path)
    raw = read_input(source, path, MAX_MANIFEST_BYTES)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SqtoolError("plan.bad_utf8", hint="plan.bad_utf8_hint", path=path, offset=error.start) from None
    return parse_manifest(text, path, base=Path(source).parent, lang=lang)


def parse_manifest(text: str, path: str = "<string>", *, base: Path | None = None, lang: Lang = "en") -> Manifest:
    """A manifest from its text; paths in it are resolved against ``base`` (default: the current folder)."""
    loaded = parse_yaml(text, path, lang=lang)
    if loaded.data is None:
        raise SqtoolError("portfolio.manifest_empty", hint="portfolio.manifest_empty_hint", path=path, line=1, col=1)
    errors = list(_validator().iter_errors(loaded.data))
    problems = sorted(
        ((_explain(error, loaded, Translator(lang)), error.validator) for error in errors),
        # at one place, an unknown key (a typo) says more than the missing key it was meant to be
        key=lambda pair: (pair[0].line or 0, pair[0].col or 0, pair[1] != "additionalProperties"),
    )
    if problems:
        raise problems[0][0]
    return _build(loaded, base if base is not None else Path())


def _build(loaded: LoadedPlan, base: Path) -> Manifest:
    data: dict[str, Any] = loaded.data
    defaults: dict[str, Any] = data.get("defaults") or {}
    groups: list[GroupEntry] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(data["groups"]):
        name = item["name"].strip()
        line, col = loaded.position(("groups", index, "name"))
        if name in seen:
            raise SqtoolError(
                "portfolio.duplicate_group",
                hint="portfolio.duplicate_group_hint",
                path=loaded.path,
                line=line,
                col=col,
                name=name,
                first=seen[name],
            )
        seen[name] = line
        exports = item["exports"] if isinstance(item["exports"], list) else [item["exports"]]
        tags = {str(key): _tag_text(value) for key, value in (defaults.get("tags") or {}).items()}
        tags.update({str(key): _tag_text(value) for key, value in (item.get("tags") or {}).items()})
        start_line, start_col = loaded.position(("groups", index))
        groups.append(
            GroupEntry(
                name=name,
                exports=tuple(_resolved(base, export) for export in exports),
                plan=_resolved_or_none(base, item.get("plan", defaults.get("plan"))),
                roster=_resolved_or_none(base, item.get("roster")),
                members=item.get("members"),
                tz=item.get("tz", defaults.get("tz")),
                format=item.get("format", defaults.get("format")),
                tags=tuple(tags.items()),
                line=start_line,
                col=start_col,
            )
        )
    return Manifest(loaded.path, tuple(groups))


def _tag_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _resolved(base: Path, value: str) -> str:
    """``value`` against the manifest's folder; an absolute path (or ``~/``) or a URL stays as written."""
    if is_url(value):
        return value
    expanded = Path(value).expanduser()
    return display_path(expanded if expanded.is_absolute() else base / expanded)


def _resolved_or_none(base: Path, value: str | None) -> str | None:
    return None if value is None else _resolved(base, value)


# -- schema errors -> positioned SqtoolErrors --


def _explain(error: ValidationError, loaded: LoadedPlan, tr: Translator) -> SqtoolError:
    pointer: Pointer = tuple(error.absolute_path)
    where = _where(pointer, tr)
    validator = error.validator
    schema = error.schema if isinstance(error.schema, dict) else {}
    if validator == "additionalProperties":
        known = sorted(schema.get("properties", {}))
        instance: dict[str, Any] = error.instance if isinstance(error.instance, dict) else {}
        unexpected = [str(key) for key in instance if key not in known and not str(key).startswith("x-")]
        key = unexpected[0] if unexpected else ""
        line, col = loaded.key_position((*pointer, key))
        return _error(
            loaded,
            line,
            col,
            tr("portfolio.schema.unknown_key", key=key, where=where),
            tr("portfolio.schema.unknown_key_hint", known=", ".join(known)),
        )
    if validator == "required":
        present = error.instance if isinstance(error.instance, dict) else {}
        missing = next((key for key in _keyword(error) if key not in present), "")
        line, col = loaded.key_position(pointer)
        return _error(loaded, line, col, tr("portfolio.schema.missing", key=missing, where=where), _hint(missing, tr))
    if "propertyNames" in error.schema_path:
        line, col = loaded.key_position((*pointer, str(error.instance)))
        return _error(loaded, line, col, tr("portfolio.schema.tag_name", key=error.instance), None)
    line, col = loaded.position(pointer)
    name = _name(pointer, tr)
    shown = _shown(error.instance, tr)
    if validator == "oneOf":  # exports: one path or a list of them
        return _error(loaded, line, col, tr("portfolio.schema.exports", value=shown), _hint("exports", tr))
    if validator == "type":
        expected = _type_names(_keyword(error), tr)
        return _error(loaded, line, col, tr("plan.schema.type", name=name, expected=expected, value=shown), None)
    if validator == "const":
        expected = json.dumps(_keyword(error))
        return _error(loaded, line, col, tr("plan.schema.type", name=name, expected=expected, value=shown), None)
    if validator == "enum":
        allowed = ", ".join(str(option) for option in _keyword(error))
        return _error(loaded, line, col, tr("plan.schema.enum", name=name, allowed=allowed, value=shown), None)
    if validator == "minimum":
        message = tr("plan.schema.minimum", name=name, limit=_keyword(error), value=shown)
        return _error(loaded, line, col, message, None)
    if validator == "minLength" or (validator == "pattern" and pointer and pointer[-1] == "name"):
        return _error(loaded, line, col, tr("plan.schema.empty_text", name=name), None)
    if validator == "minItems":
        return _error(loaded, line, col, tr("plan.schema.min_items", name=name, limit=_keyword(error)), None)
    if validator == "pattern" and pointer and pointer[-1] == "tz":
        return _error(loaded, line, col, tr("plan.schema.timezone", name=name, value=shown), None)
    return _error(loaded, line, col, tr("plan.schema.other", name=name, detail=error.message), None)


def _keyword(error: ValidationError) -> Any:
    """The failed keyword's value (every error validation yields has one; the stubs allow none)."""
    return error.validator_value


def _error(loaded: LoadedPlan, line: int, col: int, message: str, hint: str | None) -> SqtoolError:
    return SqtoolError(
        "portfolio.manifest_problem",
        hint="portfolio.manifest_hint" if hint is None else "portfolio.manifest_hint_with",
        path=loaded.path,
        line=line,
        col=col,
        message=message,
        detail=hint or "",
    )


def _hint(key: str, tr: Translator) -> str | None:
    examples = {
        "groups": "portfolio.example.groups",
        "name": "portfolio.example.name",
        "exports": "portfolio.example.exports",
    }
    return tr(examples[key]) if key in examples else None


def _where(pointer: Pointer, tr: Translator) -> str:
    if not pointer:
        return tr("portfolio.schema.top_level")
    dotted = ""
    for part in pointer:
        dotted += f"[{part}]" if isinstance(part, int) else (f".{part}" if dotted else part)
    return tr("plan.schema.in_section", section=dotted)


def _name(pointer: Pointer, tr: Translator) -> str:
    if not pointer:
        return tr("portfolio.schema.top_level")
    tail: list[str] = []
    for part in reversed(pointer):
        tail.append(f"[{part}]" if isinstance(part, int) else str(part))
        if not isinstance(part, int):
            break
    return "".join(reversed(tail))


def _shown(value: Any, tr: Translator) -> str:
    if value is None:
        return tr("plan.schema.empty_value")
    shown = json.dumps(value, ensure_ascii=False)
    return shown if len(shown) <= 60 else shown[:59] + "…"


def _type_names(types: str | list[str], tr: Translator) -> str:
    names = [types] if isinstance(types, str) else list(types)
    return tr("plan.type.or").join(tr(f"plan.type.{name}") for name in names)
