"""Load a plan file: YAML 1.2-like values plus the line and column of every value and key.

The loader walks libyaml's event stream itself (no recursion in C, no PyYAML constructors), so it
can refuse duplicate keys, alias bombs and absurd nesting at the exact position where they occur,
and it resolves plain scalars by YAML 1.2 core rules: ``07:00``, ``2026-09-01`` and ``yes`` stay text.
Plain plans (no alias, anchor, ``!`` tag, merge or anything refused) are composed faster in C by
``plan/cnodes.py``, to the same data and positions; it declines everything else back to this walk.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import accumulate, count
from operator import add
from pathlib import Path
from typing import Any, Protocol

import yaml
from yaml import events
from yaml.parser import Parser as _PythonEventParser
from yaml.reader import Reader as _PythonReader
from yaml.scanner import Scanner as _PythonScanner

from sqtool.diagnostics import Finding, Severity
from sqtool.errors import SqtoolError
from sqtool.fsutil import refuse_special
from sqtool.i18n import Translator
from sqtool.plan.model import Pointer
from sqtool.settings import Lang


class _PurePythonParser(_PythonReader, _PythonScanner, _PythonEventParser):
    """PyYAML's own event parser, for installs without libyaml; same events and marks."""

    def __init__(self, stream: str) -> None:
        _PythonReader.__init__(self, stream)
        _PythonScanner.__init__(self)
        _PythonEventParser.__init__(self)

    def dispose(self) -> None:
        pass


try:  # libyaml is much faster
    from yaml._yaml import CParser as _FastParser  # where yaml.cyaml's CParser comes from (its stub does not export it)

    _Parser: type = _FastParser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    _Parser = _PurePythonParser


RULE_ID = "SQ000"
MAX_BYTES = 1024 * 1024  # a real plan is a few kilobytes; a megabyte of YAML already takes seconds to validate
MAX_ALIAS_VALUES = 10_000  # values that aliases may add in total once expanded
MAX_DEPTH = 64  # a plan is about five levels deep
MAX_INT_DIGITS = 1000  # Python refuses to convert 4,300+ digits; no plan, config or roster needs 1,000
STDIN_PATH = "<stdin>"

_UTF8_BOM = b"\xef\xbb\xbf"
_TAG = "tag:yaml.org,2002:"


@dataclass(frozen=True, slots=True)
class LoadedPlan:
    path: str  # display path as given ("<stdin>" for "-"), never prefixed with "./"
    text: str  # decoded source: BOM removed, CRLF normalised to LF
    data: Any  # dict/list/str/int/float/bool/None; dates and times stay strings
    # pointer -> (value line, value col, key line, key col), all 1-based (read from the nodes when asked,
    # for a plan composed in C: cnodes.NodePositions)
    positions: Mapping[Pointer, tuple[int, int, int, int]] = field(default_factory=dict, repr=False, compare=False)

    def position(self, pointer: Pointer) -> tuple[int, int]:
        """1-based (line, col) of the value at ``pointer``, or of its nearest existing ancestor."""
        line, col, _, _ = self._nearest(pointer)
        return line, col

    def key_position(self, pointer: Pointer) -> tuple[int, int]:
        """1-based (line, col) of the mapping key of the last element (for list items: the item)."""
        _, _, line, col = self._nearest(pointer)
        return line, col

    def _nearest(self, pointer: Pointer) -> tuple[int, int, int, int]:
        pointer = tuple(pointer)
        for end in range(len(pointer), -1, -1):
            found = self.positions.get(pointer[:end])
            if found is not None:
                return found
        return (1, 1, 1, 1)


class PlanLoadError(SqtoolError):
    """The YAML cannot become a plan (or the config, roster or answers ``key`` names); ``findings``
    (rule SQ000) say where and why."""

    def __init__(self, findings: list[Finding], key: str = "plan.load_failed") -> None:
        first = findings[0]
        super().__init__(key, path=first.path, line=first.line, col=first.col, message=first.message)
        self.findings = findings


def load_plan(source: str | Path, *, lang: Lang = "en", stdin_text: str | None = None) -> LoadedPlan:
    """Read, decode and parse one plan file (``"-"`` reads stdin, or ``stdin_text`` when given)."""
    path, raw = _read(source, stdin_text)
    return parse_plan(_decode(raw, path), path, lang=lang)


def parse_plan(text: str, path: str = "<string>", *, lang: Lang = "en") -> LoadedPlan:
    """Parse already-decoded plan text; raises PlanLoadError like load_plan."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    tr = Translator(lang)
    root = _tree(text, path, tr, "plan.load_failed")
    typed = _ime_refusal(text)  # parsed, but such a key became part of a text value
    if typed is not None:
        raise PlanLoadError([_finding(tr, path, typed)])
    if root is None or (root.kind == _SCALAR and root.data is None):
        raise PlanLoadError([_finding(tr, path, _Refusal("plan.empty", 1, 1, hint="plan.empty_hint"))])
    if root.kind != _MAP:
        kind = tr("plan.kind.sequence" if root.kind == _SEQ else "plan.kind.scalar")
        refusal = _Refusal("plan.not_mapping", root.line, root.col, hint="plan.not_mapping_hint", kind=kind)
        raise PlanLoadError([_finding(tr, path, refusal)])
    return LoadedPlan(path=path, text=text, data=root.data, positions=root.positions)


def parse_yaml(text: str, path: str, *, lang: Lang = "en", key: str = "yaml.load_failed") -> LoadedPlan:
    """Any other YAML sqtool reads (``.sqtool.yaml``, rosters, answers) through the plan's guards:
    size is the caller's, then alias bombs, nesting, unsafe tags, duplicate keys and absurdly long
    numbers are refused with a position (PlanLoadError with ``key``). The document may be any kind
    (``data`` is None for an empty one); values follow the same YAML 1.2 core rules as plans."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    root = _tree(text, path, Translator(lang), key)
    if root is None:
        return LoadedPlan(path=path, text=text, data=None)
    return LoadedPlan(path=path, text=text, data=root.data, positions=root.positions)


NODES_IN_C = True  # compose plain plans with libyaml's C composer (plan/cnodes.py); tests turn it off


def _tree(text: str, path: str, tr: Translator, key: str) -> Tree | None:
    """The plan's data and positions: composed in C when libyaml is here and the plan is plain, else
    from the event walk below, which refuses what it must at its exact position."""
    if NODES_IN_C and _Parser is not _PurePythonParser:
        from sqtool.plan import cnodes

        tree = cnodes.compose(text)
        if tree is not None:
            return tree
    root = _compose_refusing(text, path, tr, key)
    if root is None:
        return None
    positions: dict[Pointer, tuple[int, int, int, int]] = {}
    data = _build(root, (), root.line, root.col, positions)
    return Tree(root.kind, root.line, root.col, data, positions)


class Tree:
    """A composed document: the root's kind and position, its data and the position of every value."""

    __slots__ = ("col", "data", "kind", "line", "positions")

    def __init__(
        self, kind: int, line: int, col: int, data: Any, positions: Mapping[Pointer, tuple[int, int, int, int]]
    ) -> None:
        self.kind, self.line, self.col, self.data, self.positions = kind, line, col, data, positions


def _compose_refusing(text: str, path: str, tr: Translator, key: str) -> _Node | None:
    try:
        return _compose(text)
    except _Refusal as refused:
        raise PlanLoadError([_finding(tr, path, refused)], key) from None
    except yaml.MarkedYAMLError as error:
        refusal = _syntax_refusal(error, text)
        typed = _ime_refusal(text)  # a key typed with a Chinese IME: say so where it was typed, not a line later
        raise PlanLoadError(
            [_finding(tr, path, typed if typed and typed.line <= refusal.line else refusal)], key
        ) from None
    except yaml.reader.ReaderError as error:
        raise PlanLoadError([_finding(tr, path, _reader_refusal(error, text))], key) from None
    except yaml.YAMLError as error:  # any other parser complaint still names the file
        refusal = _Refusal("plan.yaml_syntax", 1, 1, hint="plan.yaml_syntax_hint", problem=str(error))
        raise PlanLoadError([_finding(tr, path, refusal)], key) from None


def display_path(source: str | Path) -> str:
    """The path as the user wrote it, without leading "./" (GitHub annotations need that)."""
    shown = str(source)
    while shown.startswith("./") and len(shown) > 2:
        shown = shown[2:]
    return shown


# -- reading and decoding --


def _read(source: str | Path, stdin_text: str | None) -> tuple[str, bytes]:
    if str(source) == "-":
        if stdin_text is not None:
            try:
                raw = stdin_text.encode("utf-8", "surrogateescape")
            except UnicodeEncodeError:
                raw = stdin_text.encode("utf-8", "surrogatepass")
        else:
            raw = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            raise SqtoolError(
                "fs.too_large", hint="plan.too_large_hint", path=STDIN_PATH, size=len(raw), limit=MAX_BYTES
            )
        return STDIN_PATH, raw
    path = display_path(source)
    file = Path(source)
    try:
        if file.is_dir():
            raise SqtoolError("plan.is_directory", path=path)
        refuse_special(file, path)  # a FIFO would block the open, a device never end
        size = file.stat().st_size
        if size > MAX_BYTES:
            raise SqtoolError("fs.too_large", hint="plan.too_large_hint", path=path, size=size, limit=MAX_BYTES)
        with file.open("rb") as stream:
            raw = stream.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise SqtoolError("fs.not_found", hint="fs.not_found_hint", path=path) from None
    except OSError as error:
        raise SqtoolError("fs.cannot_read", path=path, reason=error.strerror or str(error)) from None
    if len(raw) > MAX_BYTES:  # the file grew, or stat lied (a pipe)
        raise SqtoolError("fs.too_large", hint="plan.too_large_hint", path=path, size=len(raw), limit=MAX_BYTES)
    return path, raw


def _decode(raw: bytes, path: str) -> str:
    start = len(_UTF8_BOM) if raw.startswith(_UTF8_BOM) else 0
    try:
        return raw[start:].decode("utf-8")
    except UnicodeDecodeError as error:
        raise SqtoolError("plan.bad_utf8", hint="plan.bad_utf8_hint", path=path, offset=start + error.start) from None


# -- composing: libyaml events -> position-carrying nodes --

_SCALAR, _SEQ, _MAP = 0, 1, 2


@dataclass(slots=True)
class _Node:
    kind: int
    line: int
    col: int
    value: Any  # scalar: the resolved value; sequence: list[_Node]; mapping: list[tuple[_Node, _Node]]
    text: str = ""  # a scalar's source text (mapping keys use it)
    merge: bool = False  # a plain "<<" key
    size: int = 1  # values once every alias inside is expanded
    depth: int = 1


@dataclass(slots=True)
class _Frame:
    node: _Node
    anchor: str | None
    key: _Node | None = None
    seen: dict[str, int] = field(default_factory=dict)  # key text -> line, for duplicate keys


class _Refusal(Exception):
    """Content the loader refuses, with a catalogue key and a 1-based position."""

    def __init__(self, message_key: str, line: int, col: int, *, hint: str | None = None, **args: object) -> None:
        super().__init__(message_key)
        self.key, self.line, self.col, self.hint, self.args_for_message = message_key, line, col, hint, args


def _compose(text: str) -> _Node | None:
    try:
        return _Composer(text).compose()
    except yaml.MarkedYAMLError as error:
        # libyaml (PyYAML >= 6.0.2) scans a flow collection's brackets ahead of its events and refuses
        # 1,000 levels before the composer sees the 65th: compose again with the pure-Python parser,
        # which has no limit of its own, so the refusal has sqtool's wording and position
        if _Parser is _PurePythonParser or "nesting depth" not in (error.problem or ""):
            raise
        return _Composer(text, _PurePythonParser).compose()


class _Composer:
    def __init__(self, text: str, parser: type | None = None) -> None:
        self.text = text
        self.lines = _Lines(text)
        self.parser = parser or _Parser
        self.anchors: dict[str, _Node] = {}
        self.open_anchors: set[str] = set()
        self.stack: list[_Frame] = []
        self.root: _Node | None = None
        self.alias_values = 0

    def compose(self) -> _Node | None:
        parser = self.parser(self.text)
        try:
            documents = 0
            while True:
                event = parser.get_event()
                if isinstance(event, events.StreamEndEvent):
                    return self.root
                if isinstance(event, events.DocumentStartEvent):
                    documents += 1
                    if documents > 1:
                        line, col = self.lines.position(event.start_mark)
                        raise _Refusal("plan.multiple_documents", line, col, hint="plan.multiple_documents_hint")
                elif isinstance(event, events.ScalarEvent):
                    self._scalar(event)
                elif isinstance(event, events.SequenceStartEvent | events.MappingStartEvent):
                    self._start(event)
                elif isinstance(event, events.SequenceEndEvent | events.MappingEndEvent):
                    frame = self.stack.pop()
                    if frame.anchor is not None:
                        self.anchors[frame.anchor] = frame.node
                        self.open_anchors.discard(frame.anchor)
                    self._attach(frame.node)
                elif isinstance(event, events.AliasEvent):
                    self._alias(event)
        finally:
            parser.dispose()

    def _scalar(self, event: events.ScalarEvent) -> None:
        line, col = self.lines.position(event.start_mark)
        plain = event.tag is None and bool(event.implicit[0])  # untagged and unquoted
        if (plain or event.tag == _TAG + "int") and _too_many_digits(event.value):
            raise _Refusal("yaml.number_too_long", line, col, hint="yaml.number_too_long_hint", limit=MAX_INT_DIGITS)
        value = _resolve_plain(event.value) if plain else _resolve_tagged(event.value, event.tag, line, col)
        node = _Node(_SCALAR, line, col, value, text=event.value, merge=plain and event.value == "<<")
        if event.anchor is not None:
            self.anchors[event.anchor] = node
        self._attach(node)

    def _start(self, event: events.SequenceStartEvent | events.MappingStartEvent) -> None:
        line, col = self.lines.position(event.start_mark)
        is_map = isinstance(event, events.MappingStartEvent)
        _check_collection_tag(event.tag, _MAP if is_map else _SEQ, line, col)
        if len(self.stack) + 1 > MAX_DEPTH:
            raise _Refusal("plan.depth_limit", line, col, hint="plan.depth_limit_hint", limit=MAX_DEPTH)
        if event.anchor is not None:
            self.open_anchors.add(event.anchor)
        self.stack.append(_Frame(_Node(_MAP if is_map else _SEQ, line, col, []), event.anchor))

    def _alias(self, event: events.AliasEvent) -> None:
        line, col = self.lines.position(event.start_mark)
        name = event.anchor
        if name in self.open_anchors:
            raise _Refusal("plan.alias_recursive", line, col, hint="plan.alias_hint", name=name)
        node = self.anchors.get(name) if name is not None else None
        if node is None:
            raise _Refusal("plan.alias_undefined", line, col, hint="plan.alias_hint", name=name)
        self.alias_values += node.size
        if self.alias_values > MAX_ALIAS_VALUES:
            raise _Refusal("plan.alias_limit", line, col, hint="plan.alias_limit_hint", limit=MAX_ALIAS_VALUES)
        if len(self.stack) + node.depth > MAX_DEPTH:
            raise _Refusal("plan.depth_limit", line, col, hint="plan.depth_limit_hint", limit=MAX_DEPTH)
        # an alias is positioned where it is used, so findings point at "*name", not at the anchor
        used = _Node(node.kind, line, col, node.value, node.text, False, node.size, node.depth)
        self._attach(used)

    def _attach(self, node: _Node) -> None:
        if not self.stack:
            self.root = node
            return
        frame = self.stack[-1]
        parent = frame.node
        parent.size += node.size
        parent.depth = max(parent.depth, node.depth + 1)
        if parent.kind == _SEQ:
            parent.value.append(node)
            return
        if frame.key is None:
            if node.kind != _SCALAR:
                raise _Refusal("plan.complex_key", node.line, node.col, hint="plan.complex_key_hint")
            first_line = frame.seen.get(node.text)
            if first_line is not None:
                raise _Refusal(
                    "plan.duplicate_key",
                    node.line,
                    node.col,
                    hint="plan.duplicate_key_hint",
                    key=node.text,
                    first_line=first_line,
                )
            frame.seen[node.text] = node.line
            frame.key = node
            return
        if frame.key.merge and not _mergeable(node):
            raise _Refusal("plan.bad_merge", node.line, node.col, hint="plan.bad_merge_hint")
        parent.value.append((frame.key, node))
        frame.key = None


def _mergeable(node: _Node) -> bool:
    if node.kind == _MAP:
        return True
    return node.kind == _SEQ and all(item.kind == _MAP for item in node.value)


class _Mark(Protocol):
    """Where an event starts: PyYAML's ``yaml.Mark`` or libyaml's ``yaml._yaml.Mark``."""

    @property
    def index(self) -> int: ...


class _Lines:
    """1-based line and column from a mark's character index, counting only LF as a line break.

    libyaml also breaks lines at NEL, LS and PS (YAML 1.1); editors and this file's ``text`` do not.
    """

    def __init__(self, text: str) -> None:
        self.length = len(text)
        # where each line starts: the lengths of the lines before it, plus one LF for each (all in C)
        lines = text.split("\n")
        self.starts = list(map(add, accumulate(map(len, lines[:-1]), initial=0), count()))

    def position(self, mark: _Mark | None) -> tuple[int, int]:
        if mark is None:
            return 1, 1
        index = min(max(mark.index, 0), self.length)
        line = bisect.bisect_right(self.starts, index)
        return line, index - self.starts[line - 1] + 1


# -- scalars: YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution) --

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_INT = re.compile(r"[-+]?[0-9]+")
_OCT = re.compile(r"0o[0-7]+")
_HEX = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_INF = re.compile(r"[-+]?\.(?:inf|Inf|INF)")
_NAN = re.compile(r"\.(?:nan|NaN|NAN)")
_MISSING = object()


def _too_many_digits(text: str) -> bool:
    """A numeral too long to be a number anyone meant (and, past 4,300 digits, to convert at all)."""
    return len(text) > MAX_INT_DIGITS and any(pattern.fullmatch(text) for pattern in (_INT, _OCT, _HEX))


def _resolve_plain(text: str) -> Any:
    value = _core_value(text)
    return text if value is _MISSING else value


_MAY_BE_VALUE = frozenset("-+.0123456789~nNtTfF")


def _core_value(text: str) -> Any:
    if text and text[0] not in _MAY_BE_VALUE:  # most plan text (names, Chinese prose) is plainly text
        return _MISSING
    if text in _NULLS:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.fullmatch(text):
        return int(text)
    if _OCT.fullmatch(text):
        return int(text[2:], 8)
    if _HEX.fullmatch(text):
        return int(text[2:], 16)
    if _FLOAT.fullmatch(text):
        return float(text)
    if _INF.fullmatch(text):
        return float("-inf") if text.startswith("-") else float("inf")
    if _NAN.fullmatch(text):
        return float("nan")
    return _MISSING


_STRING_TAGS = frozenset({None, "!", _TAG + "str", _TAG + "timestamp", _TAG + "binary"})
_SCALAR_TAGS: dict[str, type] = {
    _TAG + "int": int,
    _TAG + "float": float,
    _TAG + "bool": bool,
    _TAG + "null": type(None),
}


def _resolve_tagged(text: str, tag: str | None, line: int, col: int) -> Any:
    """A quoted or explicitly tagged scalar: quotes mean text; !!int and friends must fit their tag."""
    if tag in _STRING_TAGS:
        return text
    wanted = _SCALAR_TAGS.get(tag) if tag else None
    if wanted is None:
        raise _Refusal("plan.bad_tag", line, col, hint="plan.bad_tag_hint", tag=_shown_tag(tag))
    value = _core_value(text)
    if wanted is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if value is _MISSING or type(value) is not wanted:
        raise _Refusal("plan.bad_tagged_value", line, col, hint="plan.bad_tag_hint", value=text, tag=_shown_tag(tag))
    return value


def _shown_tag(tag: str | None) -> str:
    return "!!" + tag.removeprefix(_TAG) if tag and tag.startswith(_TAG) else str(tag)


def _check_collection_tag(tag: str | None, kind: int, line: int, col: int) -> None:
    allowed = (None, "!", _TAG + ("map" if kind == _MAP else "seq"))
    if tag not in allowed:
        raise _Refusal("plan.bad_tag", line, col, hint="plan.bad_tag_hint", tag=_shown_tag(tag))


# -- nodes -> plain data and the position index --


def _build(
    node: _Node, pointer: Pointer, key_line: int, key_col: int, positions: dict[Pointer, tuple[int, int, int, int]]
) -> Any:
    positions[pointer] = (node.line, node.col, key_line, key_col)
    if node.kind == _SCALAR:
        return node.value
    if node.kind == _SEQ:
        return [
            _build(item, (*pointer, index), item.line, item.col, positions) for index, item in enumerate(node.value)
        ]
    return {
        key.text: _build(value, (*pointer, key.text), key.line, key.col, positions)
        for key, value in _effective_pairs(node).values()
    }


def _effective_pairs(node: _Node) -> dict[str, tuple[_Node, _Node]]:
    """A mapping's pairs with "<<" merges applied: own keys win, then earlier merged mappings."""
    own: dict[str, tuple[_Node, _Node]] = {}
    merged: dict[str, tuple[_Node, _Node]] = {}
    for key, value in node.value:
        if not key.merge:
            own[key.text] = (key, value)
            continue
        for source in [value] if value.kind == _MAP else value.value:
            for text, pair in _effective_pairs(source).items():
                merged.setdefault(text, pair)
    if not merged:
        return own
    return {text: pair for text, pair in merged.items() if text not in own} | own


# -- syntax errors -> refusals --

# libyaml's wording first, then PyYAML's where it differs; matched as prefixes
_PROBLEM_KEYS = (
    ("mapping values are not allowed", "plan.yaml.mapping_values"),
    ("could not find expected ':'", "plan.yaml.expected_colon"),
    ("did not find expected key", "plan.yaml.expected_key"),
    ("expected <block end>", "plan.yaml.expected_key"),
    ("did not find expected node content", "plan.yaml.expected_content"),
    ("expected the node content", "plan.yaml.expected_content"),
    ("found unexpected end of stream", "plan.yaml.unexpected_end"),
    ("did not find expected ',' or", "plan.yaml.flow_end"),
    ("expected ',' or", "plan.yaml.flow_end"),
)


def _syntax_refusal(error: yaml.MarkedYAMLError, text: str) -> _Refusal:
    mark = error.problem_mark or error.context_mark
    if error.problem == "found unexpected end of stream" and error.context_mark is not None:
        mark = error.context_mark  # where the unclosed quote or bracket starts helps more than the end of file
    lines = text.split("\n")
    line, col = _Lines(text).position(mark)
    problem = (error.problem or error.context or "").strip()
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    at = source_line[col - 1 : col]
    indentation = source_line[: len(source_line) - len(source_line.lstrip(" \t"))]
    if at == "\t" or "\t" in indentation or "tab" in problem:
        return _Refusal("plan.yaml_tab", line, col, hint="plan.yaml_tab_hint")
    key = next((key for prefix, key in _PROBLEM_KEYS if problem.startswith(prefix)), None)
    if problem.startswith("found character that cannot start any token"):
        return _Refusal("plan.yaml.bad_token", line, col, hint="plan.yaml_syntax_hint", char=repr(at))
    if key is not None:
        return _Refusal("plan.yaml_syntax", line, col, hint="plan.yaml_syntax_hint", problem=_Localised(key))
    return _Refusal("plan.yaml_syntax", line, col, hint="plan.yaml_syntax_hint", problem=problem)


def _ime_refusal(text: str) -> _Refusal | None:
    """The first key typed with a full-width colon or indented with a full-width space (plan/ime.py)."""
    if "：" not in text and "\u3000" not in text:
        return None
    from sqtool.plan.ime import key_mistakes

    for mistake in key_mistakes(text):
        return _Refusal(f"plan.ime_{mistake.kind}", mistake.line, mistake.col, hint=f"plan.ime_{mistake.kind}_hint")
    return None


def _reader_refusal(error: yaml.reader.ReaderError, text: str) -> _Refusal:
    if _Parser is _PurePythonParser:
        prefix = text[: max(error.position, 0)]
    else:  # libyaml reports a byte offset into the UTF-8 text it was given
        prefix = text.encode("utf-8")[: max(error.position, 0)].decode("utf-8", "ignore")
    line = prefix.count("\n") + 1
    col = len(prefix) - (prefix.rfind("\n") + 1) + 1
    character = error.character
    shown = f"U+{character:04X}" if isinstance(character, int) else repr(character)
    return _Refusal("plan.yaml_bad_char", line, col, hint="plan.yaml_bad_char_hint", char=shown)


class _Localised:
    """A message argument that is itself a catalogue entry, rendered in the finding's language."""

    def __init__(self, key: str) -> None:
        self.key = key


def _finding(tr: Translator, path: str, refusal: _Refusal) -> Finding:
    args = {
        name: tr(value.key) if isinstance(value, _Localised) else value
        for name, value in refusal.args_for_message.items()
    }
    return Finding(
        rule_id=RULE_ID,
        severity=Severity.ERROR,
        message=tr(refusal.key, **args),
        path=path,
        line=refusal.line,
        col=refusal.col,
        hint=tr(refusal.hint) if refusal.hint else None,
    )
