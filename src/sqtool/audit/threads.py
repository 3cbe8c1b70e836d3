"""The conversation model: which earlier message each message answers, on every export.

One method for every export, never a switch on the export's format. Each message is taken in order
and given at most one parent, by the strongest evidence it carries (docs/metrics.md, "Who answers
whom"):

1. **link**: a reply link to an earlier message (Telegram, Discord, Slack threads, WeChat quotes);
2. **mention**: an @-mention of a member, or a message that opens with a member's name and a comma or
   colon ("Amy, try …"), answers that member's open question, else their latest message of the last
   THREAD_MINUTES;
3. **thread**: a message that shares uncommon words with the latest recent messages (within
   THREAD_MINUTES) that used them answers the latest of those, by someone else, whose shared words weigh
   THREAD_SCORE: words are weighed by how rare they were in the group's last DF_BLOCK to 2 * DF_BLOCK
   messages;
4. **turn**: otherwise a message continues the exchange its sender was in (the partner's latest
   message, within CONTINUE_MINUTES), or answers the message just before it when someone else wrote
   that within TURN_MINUTES (QUESTION_TURN_MINUTES when that was a question).

A question starts something new: it answers only through a link or a mention. A member who
habitually answers with reply links (LINK_HABIT of their recent answers) answers only that way too:
their unlinked lines are new remarks. This is a habit of one member, learnt as the export goes, never
a switch for the whole export: in a group where a third of the answers are linked, nobody's habit
is links.

Stickers, photos and files alone, red packets, greetings ("good morning", "早上好") and emoji-only
lines answer nothing unless they carry a reply link or a mention. A message never answers its own
sender, nor a later message.

Every figure of responsiveness, owner pull and opinion leaders is read from these parents: a
question is answered by the first message whose parent it is, within the cutoff; a member's post
drew a reply when some later message has it as parent; the edges (day, target, responder) keep the
evidence of the first message that made them. The fast pass (audit/fastpass.py) and the reference pass
(tests/audit/reference_pass.py) both feed this one model, message by message.
"""

from __future__ import annotations

import math
import re
from collections import Counter, deque
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from sys import intern
from typing import cast

from sqtool.audit import aggregate
from sqtool.audit.aggregate import Aggregate
from sqtool.chat.model import MessageKind

# Evidence, strongest first; the codes index EVIDENCE (and the Aggregate's evidence columns).
EVIDENCE = ("link", "mention", "thread", "turn")
LINK, MENTION, THREAD, TURN = range(4)
NO_EVIDENCE = 255
RECENT_IDS = aggregate.RECENT_IDS  # reply links resolve through the last this many message ids

TURN_MINUTES = 5.0  # an unmarked message answers the message just before it, when that came this soon
QUESTION_TURN_MINUTES = 15.0  # ... or this soon when the message just before is a question
CONTINUE_MINUTES = 10.0  # ... or continues its sender's exchange with one partner, this soon after
THREAD_MINUTES = 180.0  # a shared word, a mention or a name reach back this far (a reply link: any time)
# A member whose recent answers carry reply links at least this often answers with links: their
# unlinked lines are new remarks, not answers found by thread or turn (counted over about their last
# 1 / (1 - HABIT_DECAY) answers, once there are HABIT_MIN).
LINK_HABIT = 0.6
HABIT_DECAY = 0.9
HABIT_MIN = 4.0
DF_BLOCK = 500  # word rarity is counted over the group's last one or two blocks of this many messages
DF_WINDOW = 2 * DF_BLOCK
THREAD_SCORE = 2.3  # ln(N/df): one word in under a tenth of recent messages, or two a little more common
MIN_WORD_WEIGHT = 1.0  # a word in more than about 1 in 3 recent messages is no cue at all
LAST = 8  # recent messages remembered for the turn rule
PRUNE_EVERY = 4096  # messages between two clean-ups of the word postings

# ln((N + 1) / (df + 1)) for every count df a word can have among the last N = DF_WINDOW messages; early
# in an export (or a block) the window is not full, and the messages not seen count as lacking the word.
_WEIGHTS = [math.log((DF_WINDOW + 1) / (count + 1)) for count in range(DF_WINDOW + 2)]
_NOISE_KINDS = frozenset({MessageKind.STICKER, MessageKind.MEDIA, MessageKind.RED_PACKET})
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORDS = re.compile(rf"[{_CJK}]+|[^\W\d_{_CJK}]{{3,}}")
_HAS_WORD = re.compile(r"\w")
# Greetings that open a short message and answer nothing, in the languages sqtool reads.
_GREETING = re.compile(
    r"^\W*(?:good\s+(?:morning|afternoon|evening|night)|morning|hello|hi|hey|gm|gn|happy\s+\w+day|"
    r"buen(?:os|as)\s+(?:d[ií]as|tardes|noches)|bom\s+dia|boa\s+(?:tarde|noite)|guten\s+(?:morgen|tag|abend)|"
    r"bonjour|bonsoir|buongiorno|buonasera|selamat\s+(?:pagi|siang|sore|malam)|goedemorgen|günaydın|"
    r"доброе\s+утро|добрый\s+(?:день|вечер)|привет|صباح\s+الخير|مساء\s+الخير|सुप्रभात|नमस्ते|"
    r"早上好|早安|大家早|大家好|早|午安|下午好|晚上好|晚安|周.快乐|新年快乐)"
    r"(?:\W|all|everyone|各位|大家|呀|啊|哦)*$",
    re.IGNORECASE,
)
GREETING_MAX = 40  # longer messages say something besides the greeting
_ADDRESS = re.compile(r"^\s*@?([^\s,:，：@]{1,32})\s*[,:，：]")
STOPWORDS = frozenset(
    [
        "the",
        "and",
        "for",
        "you",
        "that",
        "this",
        "with",
        "have",
        "are",
        "was",
        "but",
        "not",
        "what",
        "how",
        "any",
        "can",
        "our",
        "your",
        "they",
        "them",
        "there",
        "then",
        "than",
        "just",
        "also",
        "from",
        "will",
        "would",
        "could",
        "should",
        "about",
        "into",
        "out",
        "all",
        "one",
        "its",
        "yes",
        "yeah",
        "okay",
        "thanks",
        "thank",
        "too",
        "very",
        "really",
        "here",
        "some",
        "more",
        "when",
        "where",
        "who",
        "why",
        "which",
        "been",
        "were",
        "我们",
        "你们",
        "他们",
        "大家",
        "可以",
        "一下",
        "这个",
        "那个",
        "什么",
        "怎么",
        "没有",
        "就是",
        "还是",
        "一个",
        "不是",
        "知道",
        "觉得",
        "现在",
        "今天",
        "时候",
        "因为",
        "所以",
        "如果",
        "但是",
        "然后",
        "这样",
        "那样",
        "自己",
        "已经",
        "有人",
        "谢谢",
        "感谢",
        "好的",
    ]
)


@lru_cache(maxsize=16_384)  # chats repeat their short lines ("ok", "thanks", "哈哈哈") all day
def words_of(text: str) -> tuple[str, ...]:
    """The words a thread cue can share: letters-only words of three or more, lower-cased, and the
    character pairs of Chinese runs; common function words left out. Each word once, in the order of
    iterating the set of them (the order the model weighs them in); a tuple of interned strings, since
    the cache holds thousands of them (a frozenset takes 216 to 728 bytes, a tuple 40 plus 8 a word)."""
    found: set[str] = set()
    for run in _WORDS.findall(text.lower()):
        if "\u3400" <= run[0] <= "\u9fff" or "\uf900" <= run[0] <= "\ufaff":  # a CJK run: its character pairs
            found.update(map(intern, map(str.__add__, run, run[1:])))  # run[i : i + 2] for each i, in C
        else:
            found.add(intern(run))
    return tuple(frozenset(found - STOPWORDS))


OPENING_CHARS = 40  # what a member list shows of a question: enough to recognise it


def opening(text: str) -> str:
    """The first words of ``text`` on one line, cut at OPENING_CHARS with an ellipsis; interned, so that a
    question asked again and again ("anyone?", "怎么办？") is kept once, however often it stays open."""
    line = " ".join(text.split())
    return intern(line if len(line) <= OPENING_CHARS else line[: OPENING_CHARS - 1].rstrip() + "…")


def is_noise(text: str, kind: MessageKind) -> bool:
    """Stickers, photos and files alone, red packets, greetings and emoji-only lines: they answer nothing
    by themselves (a reply link or a mention still makes them an answer)."""
    if kind in _NOISE_KINDS:
        return True
    if not _HAS_WORD.search(text):
        return True
    return len(text) <= GREETING_MAX and _GREETING.match(text) is not None


@dataclass(slots=True)
class _Said:
    """A recent message that later ones may answer."""

    seq: int
    sender: int
    ts: float  # POSIX seconds
    day: int
    question: int  # its position in the question table, -1 when it asks nothing


class Threads:
    """The conversation model, fed every kept message in order with ``message``; it fills the
    Aggregate's questions, edges, drawn replies and answers given."""

    def __init__(self, agg: Aggregate, cutoff_minutes: float, by_name: dict[str, int]):
        self.agg = agg
        self.cutoff = cutoff_minutes * 60
        self.by_name = by_name  # display name -> member, kept current by the pass
        self.asked_at: list[float] = []  # POSIX seconds of each question
        self.seq = 0
        self._ids: dict[str, tuple[int, int, int, int]] = {}  # id -> (seq, sender, day, question)
        self._id_order: deque[tuple[str, int]] = deque()
        self._postings: dict[str, _Said] = {}  # word -> the latest message that used it
        self._last: deque[_Said] = deque(maxlen=LAST)
        self._latest: dict[int, _Said] = {}  # member -> their latest message
        self._partner: dict[int, tuple[int, float]] = {}  # member -> (who they last answered, when)
        self._open_by_asker: dict[int, list[int]] = {}  # member -> their recent questions (table positions)
        self._answer_ways: dict[int, tuple[float, float]] = {}  # member -> (linked, unlinked) answers, decayed
        self._drawn: set[int] = set()  # seqs of messages that drew a reply
        self._df: Counter[str] = Counter()  # word -> messages that used it in the current block
        self._df_before: Counter[str] = Counter()  # ... and in the block before
        self._df_count = 0

    # -- the model --
    def batch(
        self,
        ids: list[str],
        senders: list[int],
        ts: list[float],
        days: list[int],
        texts: list[str],
        kinds: list[MessageKind],
        reply_to: list[str | None],
        targets: dict[int, list[int | None]],
        asked: list[int],
    ) -> None:
        """Take a batch of messages in order, one ``message`` each: the columns of the batch, the members
        each message's mentions name (by position), and the positions of its questions."""
        asking = set(asked)
        message = self.message
        no_targets: list[int | None] = []
        for position, (message_id, sender, when, day, text, kind, link) in enumerate(
            zip(ids, senders, ts, days, texts, kinds, reply_to, strict=True)
        ):
            found = targets.get(position, no_targets)
            message(message_id, sender, when, day, text, kind, link, found, position in asking)

    def message(
        self,
        message_id: str,
        sender: int,
        ts: float,
        day: int,
        text: str,
        kind: MessageKind,
        reply_to: str | None,
        targets: list[int | None],
        question: bool,
    ) -> None:
        """Take one message: find its parent, record what that makes it, then remember it."""
        noise = is_noise(text, kind)
        words = () if noise else words_of(text)
        found = self._parent(sender, ts, text, reply_to, targets, question, noise, words)
        if found is not None:
            self._answered(found, sender, ts, day)
        position = -1
        if question:
            position = self._ask(sender, ts, day, text)
        seq = self.seq
        self.seq += 1
        self._remember(message_id, seq, sender, ts, day, position)
        if not noise:
            said = _Said(seq, sender, ts, day, position)
            self._last.append(said)
            self._latest[sender] = said
            self._postings.update(dict.fromkeys(words, said))
            self._count_words(words)

    def _parent(
        self,
        sender: int,
        ts: float,
        text: str,
        reply_to: str | None,
        targets: list[int | None],
        question: bool,
        noise: bool,
        words: tuple[str, ...],
    ) -> tuple[tuple[int, int, int, int], int] | None:
        """((seq, sender, day, question) of the parent, evidence), or None."""
        if reply_to is not None:
            parent = self._ids.get(reply_to)
            if parent is None or parent[1] == sender or parent[0] >= self.seq:
                return None
            self._habit(sender, linked=True)
            return parent, LINK
        addressed = [target for target in targets if target is not None and target != sender]
        if not addressed and not noise and (named := _ADDRESS.match(text)) is not None:
            member = self.by_name.get(named.group(1))
            if member is not None and member != sender:
                addressed = [member]
        if addressed:
            return self._to_member(addressed, ts)
        if targets or noise or question:  # addressed to someone not here, noise, or a new question
            return None
        said = self._thread(sender, ts, words)
        evidence = THREAD
        if said is None:
            said, evidence = self._turn(sender, ts), TURN
        if said is None:
            return None
        if self._habit(sender, linked=False):  # this member answers with reply links: this is a new remark
            return None
        return _key(said), evidence

    def _habit(self, sender: int, linked: bool) -> bool:
        """Count one answer of ``sender`` (linked, or found by thread or turn), and tell whether they answer
        with reply links: at least LINK_HABIT of their last answers, HABIT_MIN of them at least."""
        links, weak = self._answer_ways.get(sender, (0.0, 0.0))
        links, weak = links * HABIT_DECAY + linked, weak * HABIT_DECAY + (not linked)
        self._answer_ways[sender] = (links, weak)
        return not linked and links + weak >= HABIT_MIN and links >= LINK_HABIT * (links + weak)

    def _to_member(self, members: list[int], ts: float) -> tuple[tuple[int, int, int, int], int] | None:
        """A mention or a name: the member's open question, else their latest recent message."""
        for member in members:
            asked = self._open_by_asker.get(member)
            position = asked[-1] if asked else None
            if position is not None and self._open(position, ts):
                said = self._latest.get(member)
                if said is not None and said.question == position:
                    return _key(said), MENTION
                return (-1, member, self.agg.questions.day[position], position), MENTION
            said = self._latest.get(member)
            if said is not None and 0 <= ts - said.ts <= THREAD_MINUTES * 60:
                return _key(said), MENTION
        return None

    def _thread(self, sender: int, ts: float, words: tuple[str, ...]) -> _Said | None:
        """The latest recent message by someone else whose shared uncommon words weigh enough."""
        postings, now, before = self._postings, self._df, self._df_before
        weighted: list[tuple[float, _Said]] = []
        reach = 0.0
        oldest = ts - THREAD_MINUTES * 60
        for word in words:
            said = postings.get(word)
            if said is not None and said.sender != sender and oldest <= said.ts <= ts:
                weight = _WEIGHTS[min(now.get(word, 0) + before.get(word, 0), DF_WINDOW)]
                if weight >= MIN_WORD_WEIGHT:
                    weighted.append((weight, said))
                    reach += weight
        if reach < THREAD_SCORE:  # even one message sharing every such word would not be enough
            return None
        scores: dict[int, float] = {}
        best: _Said | None = None
        for weight, said in weighted:
            score = scores.get(said.seq, 0.0) + weight
            scores[said.seq] = score
            if score >= THREAD_SCORE and (best is None or said.seq > best.seq):
                best = said  # the latest: chat answers what is fresh
        return best

    def _turn(self, sender: int, ts: float) -> _Said | None:
        """The exchange the sender is in, else the message just before, by someone else and soon enough."""
        partner = self._partner.get(sender)
        mine = self._latest.get(sender)
        if partner is not None and ts - partner[1] <= CONTINUE_MINUTES * 60:
            said = self._latest.get(partner[0])
            fresh = said is not None and 0 <= ts - said.ts <= CONTINUE_MINUTES * 60
            if fresh and (mine is None or said.seq > mine.seq):  # type: ignore[union-attr]
                return said
        if self._last:
            said = self._last[-1]
            window = QUESTION_TURN_MINUTES if said.question >= 0 else TURN_MINUTES
            if said.sender != sender and 0 <= ts - said.ts <= window * 60:
                return said
        return None

    # -- what a parent makes of a message --
    def _answered(self, found: tuple[tuple[int, int, int, int], int], responder: int, ts: float, day: int) -> None:
        (seq, target, target_day, position), evidence = found
        agg = self.agg
        agg.add_edge(day, target, responder, evidence)
        self._partner[responder] = (target, ts)  # an exchange: each side's next unmarked line answers the other
        self._partner[target] = (responder, ts)
        if seq >= 0 and seq not in self._drawn:
            self._drawn.add(seq)
            _bump(agg.drawn, target_day, target)
        if position >= 0:
            _bump(agg.answers_given, day, responder)
            # the answer takes the question, and the asker's other open ones of the moments before it
            # ("how do I export?" "anyone?"): one answer for a question asked twice
            asked = self.asked_at[position]
            table = agg.questions
            for earlier in self._open_by_asker.get(table.asker[position], ()):
                same_moment = earlier == position or asked - TURN_MINUTES * 60 <= self.asked_at[earlier] <= asked
                if same_moment and self._open(earlier, ts):
                    table.minutes[earlier] = (ts - self.asked_at[earlier]) / 60
                    table.responder[earlier] = responder
                    table.evidence[earlier] = evidence
                    table.opening[earlier] = ""  # only unanswered questions are listed with their words

    def _open(self, position: int, ts: float) -> bool:
        """Whether a question is still unanswered and within its cutoff at ``ts``."""
        asked = self.asked_at[position]
        minutes = self.agg.questions.minutes[position]
        return minutes != minutes and 0 <= ts - asked <= self.cutoff  # NaN: unanswered

    def _ask(self, asker: int, ts: float, day: int, text: str = "") -> int:
        table = self.agg.questions
        table.asked_at.append(ts)
        table.opening.append(opening(text))
        position = len(table)
        table.day.append(day)
        table.asker.append(asker)
        table.minutes.append(math.nan)
        table.responder.append(-1)
        table.evidence.append(NO_EVIDENCE)
        self.asked_at.append(ts)
        asked = self._open_by_asker.setdefault(asker, [])
        asked.append(position)
        while len(asked) > 1 and ts - self.asked_at[asked[0]] > self.cutoff:
            asked.pop(0)  # past its cutoff: no answer can take it any more
        return position

    def _remember(self, message_id: str, seq: int, sender: int, ts: float, day: int, question: int) -> None:
        """The id index of the last RECENT_IDS messages (a reply link finds the latest with its id)."""
        self._ids[message_id] = (seq, sender, day, question)
        order = self._id_order
        order.append((message_id, seq))
        if len(order) > RECENT_IDS:
            old_id, old_seq = order.popleft()
            if self._ids.get(old_id, (None,))[0] == old_seq:
                del self._ids[old_id]
            if len(self._drawn) > 2 * RECENT_IDS:
                self._drawn = {drawn for drawn in self._drawn if drawn > old_seq}

    def _count_words(self, words: tuple[str, ...]) -> None:
        """Word rarity, counted in blocks of DF_BLOCK messages: the current block and the one before, so
        memory follows the recent vocabulary, not the export's."""
        self._df.update(words)
        self._df_count += 1
        if self._df_count == DF_BLOCK:
            self._df_before, self._df, self._df_count = self._df, Counter(), 0
        if self.seq % PRUNE_EVERY == 0:
            self._prune()

    def _prune(self) -> None:
        """Forget the postings of words nobody used within THREAD_MINUTES of the latest message."""
        latest = self._last[-1].ts if self._last else 0.0
        oldest = latest - THREAD_MINUTES * 60
        self._postings = {word: said for word, said in self._postings.items() if said.ts >= oldest}

    def finish(self, last: float | None) -> None:
        """Questions still open with less than the cutoff left before the export's last record are
        pending (not judged)."""
        table = self.agg.questions
        table.pending = bytearray(
            1 if last is not None and minutes != minutes and last - asked < self.cutoff else 0
            for minutes, asked in zip(table.minutes, self.asked_at, strict=True)
        )


def _key(said: _Said) -> tuple[int, int, int, int]:
    return said.seq, said.sender, said.day, said.question


def _bump(per_day: dict[int, Mapping[int, int]], day: int, member: int) -> None:
    counter = cast("Counter[int] | None", per_day.get(day))  # Counters until the pass ends (aggregate.compact_days)
    if counter is None:
        per_day[day] = Counter({member: 1})
    else:
        counter[member] += 1
