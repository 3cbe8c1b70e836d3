"""Errors a user can act on. The CLI renders them from the catalogue and exits with code 2."""

from __future__ import annotations

from collections.abc import Callable


class SqtoolError(Exception):
    """Bad input or usage: a catalogue key, its arguments, and where it happened if known."""

    def __init__(
        self,
        key: str,
        /,
        *,
        hint: str | None = None,
        path: str | None = None,
        line: int | None = None,
        col: int | None = None,
        code: str | None = None,
        **args: object,
    ) -> None:
        super().__init__(key)
        self.key = key
        self.hint = hint
        self.path = path
        self.line = line
        self.col = col
        self.code = code  # a short name shown as error[code]: the limit passed (max-input-bytes), say
        self.args_for_message = args

    def where(self) -> str:
        """``path:line:col`` as far as it is known, or an empty string."""
        parts = [part for part in (self.path, self.line, self.col) if part is not None]
        return ":".join(str(part) for part in parts)

    def texts(self, tr: Callable[..., str]) -> tuple[str, str | None]:
        """The message and the hint in ``tr``'s language; both may use ``{path}`` too."""
        args = {"path": self.path, **self.args_for_message}
        return tr(self.key, **args), (tr(self.hint, **args) if self.hint else None)
