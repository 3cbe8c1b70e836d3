"""The files a command reads, and the guard that its report (``-o``) never replaces one of them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqtool.errors import SqtoolError
from sqtool.plan.files import same_file

STDIN = "-"
# the kinds of input a command reads besides its plans; each has its own message, fs.output_is_<kind>
INPUT_KINDS = ("export", "roster", "plan", "ad_keywords", "history", "config", "manifest")


def _inside(path: Path, folder: Path) -> bool:
    try:
        return folder.is_dir() and path.resolve().is_relative_to(folder.resolve())
    except OSError:
        return False


def refuse_input_as_output(output: Path | None, inputs: Sequence[tuple[str, str | Path | None]]) -> None:
    """Raise SqtoolError (exit 2) when ``output`` is one of ``inputs`` ((kind, path) pairs; None and "-"
    are skipped) or lies inside an input folder (an unzipped Slack export): --force never replaces an
    input, so the check runs whether it is given or not."""
    if output is None:
        return
    for kind, given in inputs:
        if kind not in INPUT_KINDS:
            raise ValueError(f"unknown input kind {kind!r}")
        if given is None or str(given) == STDIN:
            continue
        source = Path(given)
        if same_file(output, source):
            raise SqtoolError(f"fs.output_is_{kind}", hint="fs.output_is_input_hint", path=str(output))
        if _inside(output, source):
            raise SqtoolError(
                "fs.output_in_export_folder", hint="fs.output_is_input_hint", path=str(output), folder=str(source)
            )
