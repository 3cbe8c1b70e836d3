"""Which part of a zip is the export, and its format when the layout tells; a file's format is told by the readers."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from sqtool.chat.source import ZIP_ERRORS, Source, damaged_zip
from sqtool.settings import RATIO_FLOOR, active_limits, human_size, limit_error


def zip_source(path: Path, display: str) -> tuple[Source, str | None]:
    """The part of a zip to read, and its format when the layout tells: Slack workspace or WhatsApp chat."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except ZIP_ERRORS as error:
        # a file named .zip that is not one (or is cut short) must not be read as text
        raise damaged_zip(display, None, error) from error
    check_zip(infos, path.stat().st_size, display)
    names = [info.filename for info in infos if not info.is_dir()]
    basenames = {name.rsplit("/", 1)[-1] for name in names}
    if {"channels.json", "users.json"} & basenames and any(_is_day_file(name) for name in names):
        return Source(path, display), "slack"
    texts = [name for name in names if name.lower().endswith(".txt") and not name.startswith("__MACOSX/")]
    chosen = next((name for name in texts if name.rsplit("/", 1)[-1] == "_chat.txt"), texts[0] if texts else None)
    if chosen is not None:
        return Source(path, f"{display}!{chosen}", member=chosen), None
    return Source(path, display), None


def check_zip(infos: list[zipfile.ZipInfo], archive_size: int, display: str) -> None:
    """Refuse a zip before inflating anything: too many members, or members that would inflate past
    ``--max-zip-ratio`` times the archive (beyond a floor of 64 MiB, which any zip may reach).

    Members are then counted again as they inflate (source.Bounded): zipfile never yields more
    than a member's declared size, so the declared sizes bound what is read.
    """
    limits = active_limits()
    if limits.zip_members and len(infos) > limits.zip_members:
        raise limit_error("zip_members", path=display, count=len(infos))
    inflated = sum(info.file_size for info in infos)
    if limits.zip_ratio and inflated > max(limits.zip_ratio * archive_size, RATIO_FLOOR):
        raise limit_error("zip_ratio", path=display, size=human_size(inflated))


def _is_day_file(name: str) -> bool:
    return re.search(r"(^|/)[^/]+/\d{4}-\d{2}-\d{2}\.json$", name) is not None
