"""docs/api.md is a notebook session that runs: every ```pycon cell, in order, with the outputs shown."""

from __future__ import annotations

import doctest
import re

from tests.conftest import REPO

DOC = REPO / "docs" / "api.md"
CELL = re.compile(r"^```pycon\n(.*?)^```", re.M | re.S)


def test_the_notebook_example_in_docs_api_md_runs_with_the_outputs_it_shows(monkeypatch):
    text = DOC.read_text("utf-8")
    cells = CELL.findall(text)
    assert len(cells) >= 5, "the example lost its cells"
    monkeypatch.chdir(REPO)  # the example's paths are relative to the checkout
    test = doctest.DocTestParser().get_doctest("\n".join(cells), {}, "docs/api.md", str(DOC), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    failures: list[str] = []
    runner.run(test, out=failures.append)
    assert runner.summarize(verbose=False).failed == 0, "".join(failures)
    assert runner.summarize(verbose=False).attempted >= 15
