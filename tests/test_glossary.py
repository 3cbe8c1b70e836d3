"""The Chinese interface uses one word per concept: docs/glossary.md lists them, and every Chinese
text of the catalogue is checked against it (issue 16)."""

from __future__ import annotations

import re

from sqtool.i18n import catalogue
from tests.conftest import REPO

GLOSSARY = REPO / "docs" / "glossary.md"


def glossary_rows() -> list[tuple[str, str, list[str]]]:
    """(English, the word to use, the words not to use) of every row of the glossary table."""
    rows = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) < 3 or cells[0] in ("English", "---") or set(cells[0]) <= {"-"}:
            continue
        rows.append((cells[0], cells[1], [word.strip() for word in re.split(r"[、,]", cells[2]) if word.strip()]))
    return rows


def test_the_glossary_settles_the_four_words_issue_16_names():
    chosen = {used: avoided for _, used, avoided in glossary_rows()}
    assert "审计" in chosen["体检"]
    assert "备份人" in chosen["替补"]
    assert "相同属性" in chosen["共同属性"]
    assert "模板" in chosen["剧本"]


def avoided_words_in(messages: dict[str, dict[str, str]]) -> list[str]:
    """``key: 'word' (use 'other')`` for every avoided word in a Chinese message."""
    problems = []
    for key, texts in messages.items():
        zh = texts.get("zh", "")
        for _, used, avoided in glossary_rows():
            problems.extend(f"{key}: {word!r} (use {used!r})" for word in avoided if word in zh)
    return problems


def test_no_chinese_message_uses_a_word_the_glossary_avoids():
    assert avoided_words_in(catalogue()) == []


def test_every_chosen_word_is_used_somewhere():
    """A glossary row nobody follows is a row to drop: each chosen word appears in the catalogue."""
    texts = "".join(entry.get("zh", "") for entry in catalogue().values())
    for _, used, _ in glossary_rows():
        assert used in texts, used


def test_the_glossary_catches_a_slip():
    """The check is real: an avoided word put into a message is found."""
    slipped = {**catalogue(), "test.slip": {"en": "audit report", "zh": "审计报告"}}
    assert avoided_words_in(slipped) == ["test.slip: '审计' (use '体检')"]
