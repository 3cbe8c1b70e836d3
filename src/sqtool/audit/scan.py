"""Every word the audit looks for in message texts, found in one scan per batch of messages.

The batch's texts are joined, lower-cased once, and scanned by one Aho-Corasick automaton
(pyahocorasick, in C) holding the question hints, the link markers, the ad and quarrel words and
the plan's keywords. Only the messages it flags get the exact, slower tests of audit.text and
audit.value, so the flags must be a superset: a message the exact test would accept is always
flagged (tests/audit/test_scan.py checks this against the exact tests).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate, compress, repeat
from operator import and_, itemgetter

import ahocorasick

from sqtool.audit.text import EN_OPENERS, QUARREL_WORDS, QUESTION_PARTICLES, ZH_QUESTION_WORDS

QUESTION, LINK, SUSPECT, KEYWORD = 1, 2, 4, 8
# A question mark or a Chinese question word in a text without a link: a question, no exact test needed.
SURE_QUESTION = 16
# Between two texts. Only the needles for a text's start hold it; a text holding it itself can only
# gain flags, which the exact tests then clear.
SEPARATOR = "\x00"
# Characters that the case-insensitive English opener test folds to a letter of an opener while
# str.lower() does not: İ lowers to "i" plus U+0307, ı and ſ stay as they are.
_FOLDED = ("\u0307", "ı", "ſ")
_SPACES = tuple(chr(code) for code in range(0x3001) if chr(code).isspace())  # all of them lie below U+3001


def _question_needles() -> Iterable[str]:
    yield from (*QUESTION_PARTICLES, *_FOLDED)
    yield from (SEPARATOR + opener.split()[0] for opener in EN_OPENERS)  # an opener starting the text
    yield from (SEPARATOR + space for space in _SPACES)  # a text starting with a space: tested exactly


class TextScan:
    """The automaton for one audit: fixed hints plus the ad words and the plan's keywords."""

    def __init__(self, ad_words: Iterable[str], keywords: Iterable[str]) -> None:
        flags: dict[str, int] = {}
        groups = (
            (("?", "？", *ZH_QUESTION_WORDS), QUESTION | SURE_QUESTION),
            (_question_needles(), QUESTION),
            (("://", "www."), LINK | QUESTION),  # a question may hide behind a URL that is_question drops
            ((*ad_words, *QUARREL_WORDS), SUSPECT),
            (keywords, KEYWORD),
        )
        for needles, flag in groups:
            for needle in needles:
                needle = needle.lower() if not needle.startswith(SEPARATOR) else needle
                if needle:
                    flags[needle] = flags.get(needle, 0) | flag
        self._automaton = ahocorasick.Automaton()
        for needle, flag in flags.items():
            self._automaton.add_word(needle, flag)
        self._automaton.make_automaton()

    def scan(self, texts: list[str]) -> Signals:
        """The positions in ``texts`` of the messages holding each kind of word."""
        if not texts:
            return Signals(set(), set(), set(), set(), set())
        plain = SEPARATOR + SEPARATOR.join(texts)
        joined = plain.lower()
        if len(joined) == len(plain):  # lower() kept every length: the texts start where they did
            lengths: Iterable[int] = map(len, texts)
        else:  # İ lowers to two characters
            lengths = (len(text.lower()) for text in texts)
        # where texts 1, 2, ... start: bisect_right of a match's end is the position of its text
        starts = list(accumulate(map((1).__add__, lengths), initial=1))[1:-1]
        hits = list(self._automaton.iter(joined))  # (end, flags), one per word found
        if not hits:
            return Signals(set(), set(), set(), set(), set())
        flags = list(map(itemgetter(1), hits))
        positions = list(map(bisect_right, repeat(starts), map(itemgetter(0), hits)))

        def having(flag: int) -> set[int]:
            return set(compress(positions, map(and_, flags, repeat(flag))))

        return Signals(having(QUESTION), having(SURE_QUESTION), having(LINK), having(SUSPECT), having(KEYWORD))


@dataclass(frozen=True, slots=True)
class Signals:
    """Positions of the messages in a batch whose text holds: a question hint, a sure question sign
    (see SURE_QUESTION), a link marker, an ad or quarrel word, one of the plan's keywords."""

    question: set[int]
    sure_question: set[int]
    link: set[int]
    suspect: set[int]
    keyword: set[int]
