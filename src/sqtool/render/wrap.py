"""Terminal prose and tables that keep their shape with Chinese text: display widths, not characters.

A Chinese character takes two columns on a terminal, and Chinese prose has no spaces to break at, so
``textwrap`` (which counts characters and breaks at spaces) either overflows or cannot wrap it. Here a
line may break at a space or between two wide characters, never before closing punctuation such as
``、`` or ``）`` and never after an opening one such as ``（``, as Chinese typesetting expects; a
command in backticks is never broken, nor is a name the caller asks to ``keep`` whole (a short
Chinese title such as 周日嘉宾分享 reads badly as 周日嘉宾分 / 享).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

MIN_WIDTH, MAX_WIDTH = 60, 100
KEEP_WIDTH = 16  # a name up to 8 Chinese characters wide is never broken (see ``short_names``)

# Kinsoku (禁则): these may not start a line …
_NO_LINE_START = frozenset("、，。．；：！？）］｝〕〉》」』】〙〗〟’”…—～·,.;:!?)]}%")
# … and these may not end one.
_NO_LINE_END = frozenset("（［｛〔〈《「『【〘〖〝‘“([{")


def terminal_width() -> int:
    """Columns to fill: the terminal's width (or $COLUMNS), kept between 60 and 100 for readable lines."""
    import shutil

    columns = shutil.get_terminal_size((80, 24)).columns
    return max(MIN_WIDTH, min(MAX_WIDTH, columns))


def display_width(text: str) -> int:
    """Columns ``text`` takes on a terminal (wide characters count two, control characters none)."""
    known = _known_width(text)
    if known is not None:
        return known
    from wcwidth import wcswidth, wcwidth

    width = wcswidth(text)
    if width >= 0:
        return width
    return sum(max(0, wcwidth(character)) for character in text)  # wcswidth gives up on control characters


def _is_wide(character: str) -> bool:
    known = _known_width(character)
    if known is not None:
        return known == 2
    from wcwidth import wcwidth

    return wcwidth(character) == 2


# Widths wcwidth gives the characters of ASCII, Chinese prose and its punctuation, known here so that
# help pages need not import wcwidth (tens of milliseconds at start-up). tests/render/test_wrap.py
# checks every one of them against wcwidth; any other character is measured by wcwidth.
_NARROW_PUNCTUATION = frozenset("\u00b7\u2014\u2018\u2019\u201c\u201d\u2026")
_WIDE_RANGES = ((0x3000, 0x3029), (0x4E00, 0x9FFF), (0xFF01, 0xFF60))


def _known_width(text: str) -> int | None:
    """The width of ``text`` when every character is in the table above, else None."""
    if text.isascii():
        return len(text) if text.isprintable() else _ascii_with_controls(text)
    width = 0
    for character in text:
        code = ord(character)
        if 0x20 <= code < 0x7F or character in _NARROW_PUNCTUATION:
            width += 1
        elif any(low <= code <= high for low, high in _WIDE_RANGES):
            width += 2
        elif code < 0x20 or code == 0x7F:
            continue
        else:
            return None
    return width


def _ascii_with_controls(text: str) -> int:
    return sum(1 for character in text if character.isprintable())


def short_names(names: Iterable[str]) -> tuple[str, ...]:
    """The names worth keeping on one line: those with Chinese (which could break between any two
    characters) no wider than ``KEEP_WIDTH`` columns; a longer title may still break."""
    return tuple(
        sorted(
            {name for name in names if 0 < display_width(name) <= KEEP_WIDTH and any(_is_wide(c) for c in name)},
            key=len,
            reverse=True,
        )
    )


def _tokens(text: str, keep: Sequence[str] = ()) -> list[tuple[str, bool]]:
    """Unbreakable pieces of ``text``, each with whether a space stood before it; each phrase of
    ``keep`` found in the text is one piece (the longest first where two start at one place)."""
    tokens: list[tuple[str, bool]] = []
    current, spaced = "", False

    def flush() -> None:
        nonlocal current, spaced
        if current:
            tokens.append((current, spaced))
            current, spaced = "", False

    kept = sorted({phrase for phrase in keep if phrase}, key=len, reverse=True)
    in_code = False  # a command in `backticks` stays on one line, to be copied whole
    position = 0
    while position < len(text):
        character = text[position]
        position += 1
        phrase = next((p for p in kept if text.startswith(p, position - 1)), None) if not in_code else None
        if phrase is not None:  # breaks around it only where its first and last characters allow them
            if _is_wide(phrase[0]) and not (current and current[-1] in _NO_LINE_END):
                flush()
            current += phrase
            position += len(phrase) - 1
            if _is_wide(phrase[-1]) and phrase[-1] not in _NO_LINE_END:
                flush()
        elif character == "`":
            if not in_code and current and _is_wide(current[-1]):
                flush()
            in_code = not in_code
            current += character
        elif in_code:
            current += character
        elif character == " ":
            flush()
            spaced = True
        elif character in _NO_LINE_START and (current or tokens) and (current or not spaced or _is_wide(character)):
            if not current:  # after a space or a wide character: stick to the piece before
                previous, before = tokens.pop()
                current, spaced = previous + (" " if spaced else ""), before
            current += character
            if _is_wide(character):
                flush()  # a line may break after Chinese punctuation ("：id" need not stay together)
        elif _is_wide(character):
            if not (current and current[-1] in _NO_LINE_END):
                flush()
            current += character
            if character not in _NO_LINE_END:
                flush()  # a line may break after any wide character
        else:
            current += character
    flush()
    return tokens


def wrap(
    text: str, width: int, *, indent: str = "", subsequent_indent: str | None = None, keep: Sequence[str] = ()
) -> list[str]:
    """Lines of at most ``width`` columns (a single piece wider than that, such as a path, stays whole);
    the phrases of ``keep`` are never broken."""
    later = indent if subsequent_indent is None else subsequent_indent
    lines: list[str] = []
    for paragraph in text.split("\n"):
        prefix = indent if not lines else later
        line, used = prefix, display_width(prefix)
        started = False
        for token, spaced in _tokens(paragraph, keep):
            gap = " " if spaced and started else ""
            size = display_width(token)
            if started and used + len(gap) + size > width:
                lines.append(line.rstrip())
                line, used, gap = later, display_width(later), ""
            line += gap + token
            used += len(gap) + size
            started = True
        lines.append(line.rstrip())
    return lines


def fill(
    text: str, width: int, *, indent: str = "", subsequent_indent: str | None = None, keep: Sequence[str] = ()
) -> str:
    """``wrap`` joined with newlines."""
    return "\n".join(wrap(text, width, indent=indent, subsequent_indent=subsequent_indent, keep=keep))


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    width: int,
    wrap_columns: Sequence[int],
    keep: Sequence[str] = (),
) -> str:
    """A plain table (``simple`` style) whose ``wrap_columns`` are wrapped so every line fits ``width``,
    never inside a phrase of ``keep``.

    The room left by the other columns goes first to each wrapped column's longest unbreakable piece,
    then the rest is shared in proportion to what each column would still need to stay on one line.
    """
    from tabulate import tabulate

    gap = 2  # tabulate's "simple" style puts two spaces between columns

    def header_width(index: int) -> int:
        return display_width(str(headers[index])) + 2  # tabulate pads a header by two (MIN_PADDING)

    natural = [
        max(header_width(index), *(display_width(str(row[index])) for row in rows)) for index in range(len(headers))
    ]
    least = {
        index: max(
            header_width(index),  # headers stay on one line
            *(display_width(token) for row in rows for token, _ in _tokens(str(row[index]), keep)),
        )
        for index in wrap_columns
    }
    fixed = sum(size for index, size in enumerate(natural) if index not in least)
    spare = max(0, width - fixed - gap * (len(headers) - 1) - sum(least.values()))
    wanted = sum(natural[index] - least[index] for index in least) or 1
    limits = {
        index: min(natural[index], least[index] + spare * (natural[index] - least[index]) // wanted) for index in least
    }
    wrapped = [
        [
            fill(str(value), limits[index], keep=keep) if index in limits else str(value)
            for index, value in enumerate(row)
        ]
        for row in rows
    ]
    return tabulate(wrapped, headers=list(headers), tablefmt="simple", disable_numparse=True)
