"""The fast way to load a plain plan: libyaml composes the node tree in C, Python only walks it.

``plan/load.py`` walks libyaml's events in Python so that it can refuse alias bombs, deep nesting,
unsafe tags and duplicate keys at the exact position where they occur. Most plans have none of
these, and for them composing the nodes in C (PyYAML's ``CParser.get_single_node``, with a resolver
that does nothing) and walking the finished tree is about twice as fast. This walk builds the same
data and the same position of every value and key; whenever a plan holds anything the event walk
would refuse or treat specially (an alias or anchor, a ``!`` tag, a merge key, a duplicate or complex
key, a bad tag, a long numeral, nesting past the limit, a syntax error, several documents), it
declines and the event walk does the whole plan again, so every refusal keeps its wording and
position. tests/plan/test_cnodes.py compares both on every plan fixture and on generated YAML.
"""

from __future__ import annotations

from typing import Any

from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from sqtool.plan import load
from sqtool.plan.model import Pointer

CParser: type | None
try:
    from yaml._yaml import CParser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    CParser = None

_UNTAGGED = ""  # what the resolver below gives nodes without a tag (or with the non-specific "!")

# libyaml's composer recurses in C once per nesting level. Every collection needs a character of its
# own ("-", "?", ":", "[" or "{"), so a text with fewer of them than this cannot nest deeper, and the C
# stack stays small; a text with more (no real plan) takes the event walk, which uses no C recursion.
MAX_INDICATORS = 2_000

Positions = dict[Pointer, tuple[int, int, int, int]]


class _Decline(Exception):
    """The plan holds something only the event walk handles exactly."""


if CParser is not None:

    class _NodeParser(CParser):  # type: ignore[misc,valid-type]
        """libyaml's composer with a resolver that only says "no tag": values are resolved while walking."""

        def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
            return _UNTAGGED

        def descend_resolver(self, current_node: Any, current_index: Any) -> None:
            return None

        def ascend_resolver(self) -> None:
            return None


def compose(text: str) -> load.Tree | None:
    """The plan's tree, or None when libyaml is missing, the text is empty of documents or this walk
    declines (then ``load`` composes it from events)."""
    if CParser is None or _indicators(text) > MAX_INDICATORS or _OTHER_BREAKS.intersection(text):
        return None
    parser = _NodeParser(text)
    try:
        root = parser.get_single_node()
    except Exception:  # any complaint: the event walk says it in sqtool's words, at its position
        return None
    finally:
        parser.dispose()
    if root is None:
        return None
    try:
        return _Walk(text).tree(root)
    except (_Decline, load._Refusal):
        return None


# libyaml also ends lines at NEL, LS and PS (YAML 1.1), sqtool only at LF (``load._Lines``); without
# them libyaml's own line and column of a node are sqtool's, less one
_OTHER_BREAKS = frozenset("\x85\u2028\u2029")


def _indicators(text: str) -> int:
    return text.count("-") + text.count(":") + text.count("?") + text.count("[") + text.count("{")


_MAY_BE_VALUE = load._MAY_BE_VALUE


class _Walk:
    def __init__(self, text: str) -> None:
        self.text = text
        self.positions: Positions = {}
        self.seen: set[int] = set()
        self.properties = "!" in text or "&" in text  # a tag or an anchor may stand before a value

    def tree(self, root: Any) -> load.Tree:
        mark = root.start_mark
        line, col = mark.line + 1, mark.column + 1
        if type(root) is ScalarNode:
            scalar = self._scalar(root, line, col)
            self.positions[()] = (line, col, line, col)
            return load.Tree(load._SCALAR, line, col, scalar, self.positions)
        data = self._value(root, (), line, col, line, col, 1)
        return load.Tree(load._MAP if type(root) is MappingNode else load._SEQ, line, col, data, self.positions)

    def _value(self, node: Any, pointer: Pointer, line: int, col: int, key_line: int, key_col: int, depth: int) -> Any:
        seen = self.seen
        if id(node) in seen:  # an alias: libyaml hands out the anchored node again
            raise _Decline
        seen.add(id(node))
        self.positions[pointer] = (line, col, key_line, key_col)
        kind = type(node)
        if kind is ScalarNode:
            value: str = node.value
            if node.tag == _UNTAGGED and not self.properties and value and value[0] not in _MAY_BE_VALUE:
                return value  # most plan text: plainly text, quoted or not, whatever its length
            return self._scalar(node, line, col)
        if depth > load.MAX_DEPTH:
            raise _Decline
        if node.tag != _UNTAGGED:
            load._check_collection_tag(node.tag, load._MAP if kind is MappingNode else load._SEQ, line, col)
        if kind is SequenceNode:
            items = []
            for index, item in enumerate(node.value):
                mark = item.start_mark
                item_line, item_col = mark.line + 1, mark.column + 1
                items.append(self._value(item, (*pointer, index), item_line, item_col, item_line, item_col, depth + 1))
            return items
        mapping: dict[str, Any] = {}
        for key, value_node in node.value:
            if type(key) is not ScalarNode or id(key) in seen:
                raise _Decline
            seen.add(id(key))
            mark = key.start_mark
            key_line, key_col = mark.line + 1, mark.column + 1
            text = key.value
            if key.tag != _UNTAGGED or self.properties or (text and text[0] in _MAY_BE_VALUE):
                self._scalar(key, key_line, key_col)  # a key's tag and digits are refused like any value's
            if text in mapping or text == "<<":
                raise _Decline
            mark = value_node.start_mark
            mapping[text] = self._value(
                value_node, (*pointer, text), mark.line + 1, mark.column + 1, key_line, key_col, depth + 1
            )
        return mapping

    def _scalar(self, node: Any, line: int, col: int) -> Any:
        value: str = node.value
        if node.tag != _UNTAGGED:
            if node.tag == load._TAG + "int" and load._too_many_digits(value):
                raise _Decline
            return load._resolve_tagged(value, node.tag, line, col)
        if self.properties:
            start = node.start_mark.index
            if self.text[start : start + 1] in ("!", "&"):  # a "!" tag or an anchor: the event walk tells them apart
                raise _Decline
        if node.style:  # quoted or a block scalar: text (libyaml's composer gives plain ones the style "")
            return value
        if load._too_many_digits(value):
            raise _Decline
        return load._resolve_plain(value)
