"""``sqtool portfolio init DIR``: a manifest from a folder of exports, one group per export file or
per sub-folder, each export's format detected and the group named as the export names it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from sqtool.errors import SqtoolError


@dataclass(frozen=True, slots=True)
class FoundGroup:
    name: str
    exports: tuple[str, ...]  # relative to the manifest's folder, with forward slashes
    formats: tuple[str, ...]
    named_by_export: bool  # the name was read from the export (else: the file or folder name)


@dataclass(frozen=True, slots=True)
class Skipped:
    path: str
    reason: str  # the reader's error, in the chosen language


def find_groups(folder: Path, manifest_folder: Path, *, lang: str = "en") -> tuple[list[FoundGroup], list[Skipped]]:
    """The groups of ``folder``: each export file directly in it, and each sub-folder (an unzipped
    Slack export, or the exports of one group in any depth) whose exports become one group."""
    from sqtool.i18n import Translator

    if not folder.is_dir():
        raise SqtoolError("portfolio.init_not_folder", hint="portfolio.init_not_folder_hint", path=str(folder))
    tr = Translator("zh" if lang == "zh" else "en")
    groups: list[FoundGroup] = []
    skipped: list[Skipped] = []
    for entry in sorted(folder.iterdir(), key=lambda path: path.name):
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            found = _folder_group(entry, manifest_folder, tr, skipped)
        elif entry.is_file():
            found = _file_group(entry, manifest_folder, tr, skipped)
        else:
            continue
        if found is not None:
            groups.append(found)
    return _unique_names(groups), skipped


def _probe(path: Path, tr: object, skipped: list[Skipped]) -> tuple[str, str | None] | None:
    """(format, group name or None) of one export, or None (recorded in ``skipped``) when it is none."""
    from sqtool.chat.read import UNKNOWN, read_exports

    try:
        chat = read_exports([str(path)])
        formats = chat.formats
        if not formats or formats[0] == UNKNOWN:
            raise SqtoolError("portfolio.init_empty_export", path=str(path))
        return formats[0], chat.group
    except SqtoolError as error:
        message, _ = error.texts(tr)  # type: ignore[arg-type]
        skipped.append(Skipped(str(path), message))
        return None


def _relative(path: Path, manifest_folder: Path) -> str:
    try:
        shown = path.resolve().relative_to(manifest_folder.resolve())
    except ValueError:
        return str(path.resolve())
    return str(PurePosixPath(*shown.parts))


def _file_group(path: Path, manifest_folder: Path, tr: object, skipped: list[Skipped]) -> FoundGroup | None:
    probed = _probe(path, tr, skipped)
    if probed is None:
        return None
    format_name, group = probed
    name = group or _stem(path)
    return FoundGroup(name, (_relative(path, manifest_folder),), (format_name,), group is not None)


def _folder_group(folder: Path, manifest_folder: Path, tr: object, skipped: list[Skipped]) -> FoundGroup | None:
    from sqtool.chat.readers.slack import is_slack_folder
    from sqtool.fsutil import walk_files

    if is_slack_folder(folder):
        probed = _probe(folder, tr, skipped)
        if probed is None:
            return None
        return FoundGroup(folder.name, (_relative(folder, manifest_folder),), (probed[0],), False)
    exports: list[str] = []
    formats: list[str] = []
    names: set[str | None] = set()
    for path in sorted(walk_files(folder)):
        probed = _probe(path, tr, skipped)
        if probed is not None:
            exports.append(_relative(path, manifest_folder))
            formats.append(probed[0])
            names.add(probed[1])
    if not exports:
        return None
    named = len(names) == 1 and None not in names
    return FoundGroup(str(names.pop()) if named else folder.name, tuple(exports), tuple(formats), named)


def _stem(path: Path) -> str:
    name = path.name
    for suffix in (".txt", ".json", ".csv", ".jsonl", ".zip", ".html"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)] or name
    return name


def _unique_names(groups: list[FoundGroup]) -> list[FoundGroup]:
    """Two exports that name the same group become "name (2)" and so on: names are keys."""
    seen: dict[str, int] = {}
    unique = []
    for group in groups:
        count = seen.get(group.name, 0) + 1
        seen[group.name] = count
        name = group.name if count == 1 else f"{group.name} ({count})"
        unique.append(FoundGroup(name, group.exports, group.formats, group.named_by_export))
    return unique


def manifest_text(groups: list[FoundGroup], header: str) -> str:
    """The manifest as YAML (``header`` as comment lines on top); it loads back as written."""
    import yaml

    document = {
        "version": 1,
        "groups": [
            {
                "name": group.name,
                "exports": list(group.exports) if len(group.exports) > 1 else group.exports[0],
            }
            for group in groups
        ],
    }
    body = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=1000)
    comments = "".join(f"# {line}\n" if line else "#\n" for line in header.splitlines())
    return comments + body
