"""Problems in an export: raised as SqtoolError (exit 2) or, when lenient, counted and skipped."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import tzinfo

from sqtool.errors import SqtoolError


@dataclass(frozen=True, slots=True)
class ReadWarning:
    """Something the user should know about what was read; rendered in their language by ``text``."""

    key: str  # a catalogue key (messages/chat.py)
    path: str  # the export it is about ("" when it is about the whole run)
    args: tuple[tuple[str, str], ...] = ()

    def text(self, tr: Callable[..., str]) -> str:
        """``path: message`` in ``tr``'s language."""
        message = tr(self.key, **dict(self.args))
        return f"{self.path}: {message}" if self.path else message


@dataclass(slots=True)
class ReadContext:
    """What a reader needs besides the bytes: where it reads, the zone of naive times, leniency."""

    display: str  # the path as the user gave it (plus "!member" inside a zip)
    tz: tzinfo
    lenient: bool = False
    skipped: int = 0  # bad records skipped so far (lenient only)
    on_read: Callable[[int], None] | None = None  # told how many bytes were read, for progress
    date_order: str | None = None  # "dmy", "mdy" or "ymd" to force how WhatsApp dates are read
    lang: str = "en"  # the language of names a reader makes up (a deleted account)
    runs: bool = False  # a native reader may yield MessageRuns (columns) for the audit's pass (chat/read.py)
    warnings: list[ReadWarning] = field(default_factory=list)

    def warn(self, key: str, **args: object) -> None:
        """Note something doubtful about this export (the run goes on)."""
        self.warnings.append(ReadWarning(key, self.display, tuple((name, str(value)) for name, value in args.items())))

    def bad_record(
        self, key: str, *, line: int | None = None, locate: Callable[[], int | None] | None = None, **args: object
    ) -> None:
        """One record cannot be read: skip and count it when lenient, else stop with an error.

        ``locate`` finds the line when that costs a second look at the file: called only for the error.
        """
        if self.lenient:
            self.skipped += 1
            return
        if line is None and locate is not None:
            line = locate()
        raise self.error(key, line=line, **args)

    def long_line(self, line: int) -> None:
        """A line over ``--max-string-bytes``: skipped and counted when lenient, else ``error[max-string-bytes]``."""
        if self.lenient:
            self.skipped += 1
            return
        from sqtool.settings import limit_error

        raise limit_error("string_bytes", key="limit.string_bytes_line", path=self.display, line=line)

    def long_line_again(self, line: int) -> None:
        """A long line met by a pass before the reading proper: skipped uncounted when lenient (the
        reading counts it), else the same error."""
        if not self.lenient:
            self.long_line(line)

    def error(self, key: str, *, line: int | None = None, **args: object) -> SqtoolError:
        """An error about this export, with the hint to try --lenient."""
        return SqtoolError(key, hint="chat.lenient_hint", path=self.display, line=line, **args)  # type: ignore[arg-type]
