"""render.audit.json_text: the audit's JSON report joined in pieces is json.dumps's text, byte for byte."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from sqtool.render.audit import json_text

_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=6) | st.dictionaries(st.text(max_size=4), inner, max_size=6),
    max_leaves=60,
)


@settings(max_examples=200, deadline=None)
@given(document=_VALUES)
def test_json_text_is_json_dumps(document: object) -> None:
    """Any JSON value (NaN, infinities, unicode and nesting included): the same text as json.dumps."""
    assert json_text(document) == json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def test_a_long_list_crosses_many_joins() -> None:
    """A list of 20,000 questions (more than a few thousand pieces a join) comes out whole and in order."""
    questions = [{"asked": f"2026-01-01T00:{n % 60:02d}", "opening": f"问题 {n}？"} for n in range(20_000)]
    document = {"unanswered": questions}
    assert json_text(document) == json.dumps(document, ensure_ascii=False, indent=2) + "\n"
