"""Problems in an export: raised as SqtoolError (exit 2) or, when lenient, counted and skipped."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import tzinfo

from sqtool.errors import SqtoolError


@dataclass(slots=True)
class ReadContext:
    """What a reader needs besides the bytes: where it reads, the zone of naive times, leniency."""

    display: str  # the path as the user gave it (plus "!member" inside a zip)
    tz: tzinfo
    lenient: bool = False
    skipped: int = 0  # bad records skipped so far (lenient only)
    on_read: Callable[[int], None] | None = None  # told how many bytes were read, for progress

    def bad_record(self, key: str, *, line: int | None = None, **args: object) -> None:
        """One record cannot be read: skip and count it when lenient, else stop with an error."""
        if self.lenient:
            self.skipped += 1
            return
        raise self.error(key, line=line, **args)

    def error(self, key: str, *, line: int | None = None, **args: object) -> SqtoolError:
        """An error about this export, with the hint to try --lenient."""
        return SqtoolError(key, hint="chat.lenient_hint", path=self.display, line=line, **args)
