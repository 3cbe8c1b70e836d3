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

from collections.abc import Iterator, Mapping
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
    if CParser is None or _indicators(text) > MAX_INDICATORS or _other_breaks(text):
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


# libyaml also ends lines at NEL, LS and PS (YAML 1.1), sqtool only at LF (``load._Lines``): texts
# holding them are rare and take the event walk
def _other_breaks(text: str) -> bool:
    return "\x85" in text or "\u2028" in text or "\u2029" in text  # str's own search, no set built per character


def _indicators(text: str) -> int:
    return text.count("-") + text.count(":") + text.count("?") + text.count("[") + text.count("{")


_MAY_BE_VALUE = load._MAY_BE_VALUE


class _Walk:
    """The data of a node tree; positions are left to ``NodePositions``, which reads them from the same
    tree only when a finding asks (most values of most plans are never pointed at)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.properties = "!" in text or "&" in text  # a tag or an anchor may stand before a value
        # an alias needs an anchor ("&"), and an alias hands out the anchored node again: only then
        # must nodes be remembered to find one
        self.seen: set[int] | None = set() if "&" in text else None

    def tree(self, root: Any) -> load.Tree:
        positions = NodePositions(root, self.text)
        if type(root) is ScalarNode:
            scalar = self._scalar(root)
            line, col, _, _ = positions.root()
            return load.Tree(load._SCALAR, line, col, scalar, positions)
        data = self._value(root, 1)
        line, col, _, _ = positions.root()
        return load.Tree(load._MAP if type(root) is MappingNode else load._SEQ, line, col, data, positions)

    def _value(self, node: Any, depth: int) -> Any:
        seen = self.seen
        if seen is not None:
            if id(node) in seen:  # an alias: libyaml hands out the anchored node again
                raise _Decline
            seen.add(id(node))
        kind = type(node)
        if kind is ScalarNode:
            value: str = node.value
            if node.tag == _UNTAGGED and not self.properties and value and value[0] not in _MAY_BE_VALUE:
                return value  # most plan text: plainly text, quoted or not, whatever its length
            return self._scalar(node)
        if depth > load.MAX_DEPTH:
            raise _Decline
        if node.tag != _UNTAGGED:  # a refusal declines: the event walk says it at its position
            load._check_collection_tag(node.tag, load._MAP if kind is MappingNode else load._SEQ, 0, 0)
        if kind is SequenceNode:
            return [self._value(item, depth + 1) for item in node.value]
        mapping: dict[str, Any] = {}
        for key, value_node in node.value:
            if type(key) is not ScalarNode:
                raise _Decline
            if seen is not None:
                if id(key) in seen:
                    raise _Decline
                seen.add(id(key))
            text = key.value
            if key.tag != _UNTAGGED or self.properties or (text and text[0] in _MAY_BE_VALUE):
                self._scalar(key)  # a key's tag and digits are refused like any value's
            if text in mapping or text == "<<":
                raise _Decline
            mapping[text] = self._value(value_node, depth + 1)
        return mapping

    def _scalar(self, node: Any) -> Any:
        value: str = node.value
        if node.tag != _UNTAGGED:
            if node.tag == load._TAG + "int" and load._too_many_digits(value):
                raise _Decline
            return load._resolve_tagged(value, node.tag, 0, 0)  # a refusal declines (see above)
        if self.properties:
            start = node.start_mark.index
            if self.text[start : start + 1] in ("!", "&"):  # a "!" tag or an anchor: the event walk tells them apart
                raise _Decline
        if node.style:  # quoted or a block scalar: text (libyaml's composer gives plain ones the style "")
            return value
        if load._too_many_digits(value):
            raise _Decline
        return load._resolve_plain(value)


Position = tuple[int, int, int, int]


class NodePositions(Mapping[Pointer, Position]):
    """Pointer -> (value line, value col, key line, key col) of a plan composed in C, read from its node
    tree when asked: a pointer is followed down from the root, key by key and index by index.

    The lines and columns come from each mark's index, as the event walk counts them (libyaml's own
    line and column of an empty value can differ). Iterating (or comparing) gives every position, in
    the order and with the values the event walk's dictionary has."""

    def __init__(self, root: Any, text: str) -> None:
        self._root = root
        self._text = text
        self._lines: load._Lines | None = None
        self._every: dict[Pointer, Position] | None = None
        self._asked: dict[Pointer, Position] = {}
        self._index: dict[int, dict[str, tuple[Any, Any]]] = {}  # a mapping node's id -> its pairs by key

    def _where(self, node: Any) -> tuple[int, int]:
        if self._lines is None:
            self._lines = load._Lines(self._text)
        return self._lines.position(node.start_mark)

    def root(self) -> Position:
        line, col = self._where(self._root)
        return line, col, line, col

    def __getitem__(self, pointer: Pointer) -> Position:
        found = self.get(pointer)
        if found is None:
            raise KeyError(pointer)
        return found

    def get(self, pointer: Pointer, default: Any = None) -> Any:
        if self._every is not None:
            return self._every.get(pointer, default)
        found = self._asked.get(pointer)
        if found is None:
            found = self._follow(pointer)
            if found is None:
                return default
            self._asked[pointer] = found
        return found

    def _follow(self, pointer: Pointer) -> Position | None:
        node, key_node = self._root, self._root
        for part in pointer:
            kind = type(node)
            if kind is MappingNode:
                pair = self._pairs(node).get(part) if isinstance(part, str) else None
                if pair is None:
                    return None
                key_node, node = pair
            elif kind is SequenceNode and isinstance(part, int) and 0 <= part < len(node.value):
                node = key_node = node.value[part]
            else:
                return None
        line, col = self._where(node)
        key_line, key_col = (line, col) if key_node is node else self._where(key_node)
        return line, col, key_line, key_col

    def _pairs(self, node: Any) -> dict[str, tuple[Any, Any]]:
        """A mapping node's pairs by key text (the walk declined duplicate keys), indexed once."""
        pairs = self._index.get(id(node))
        if pairs is None:
            pairs = self._index[id(node)] = {key.value: (key, value) for key, value in node.value}
        return pairs

    def __contains__(self, pointer: object) -> bool:
        return isinstance(pointer, tuple) and self.get(pointer) is not None

    def _all(self) -> dict[Pointer, Position]:
        if self._every is None:
            every: dict[Pointer, Position] = {}
            self._collect(self._root, (), self._root, every)
            self._every = every
        return self._every

    def _collect(self, node: Any, pointer: Pointer, key_node: Any, every: dict[Pointer, Position]) -> None:
        line, col = self._where(node)
        key_line, key_col = (line, col) if key_node is node else self._where(key_node)
        every[pointer] = (line, col, key_line, key_col)
        if type(node) is SequenceNode:
            for index, item in enumerate(node.value):
                self._collect(item, (*pointer, index), item, every)
        elif type(node) is MappingNode:
            for key, value in node.value:
                self._collect(value, (*pointer, key.value), key, every)

    def __iter__(self) -> Iterator[Pointer]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())

    def __reduce__(self) -> tuple[Any, ...]:  # pickled as the dictionary it stands for (nodes hold C marks)
        return dict, (self._all(),)
