// sqtool._native._core.ThreadModel: the per-message part of the conversation model (issue 22).
//
// A line-by-line mirror of sqtool.audit.threads.Threads (message, _parent, _habit, _to_member,
// _thread, _turn, _answered, _open, _ask, _remember, _count_words, _prune): the same state, the same
// order of evaluation, the same double arithmetic (the word weights are Python's own list), so that it
// finds the very same parents. What needs Python's Unicode regular expressions (noise, the words of a
// text, a name opening the text) is computed by the Python glue (sqtool.audit.threads_native) a batch
// at a time and handed over as columns; this core writes what it finds straight into the Aggregate's
// objects (edges, drawn, answers_given, the question table's answer columns).
//
// Strings (message ids, words) are keyed by their exact code points: PEP 393 stores every str in
// its narrowest kind, so (kind, raw bytes) is equal exactly when the strings are equal (lone
// surrogates included, which UTF-8 could not carry).
//
// The Python pass stays the fallback (SQTOOL_BACKEND=python) and the oracle:
// tests/audit/test_pass_differential.py runs the fast pass on both against the reference pass.

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <cmath>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <unordered_map>
#include <algorithm>
#include <bitset>
#include <utility>
#include <vector>

namespace {

enum Evidence : int { LINK = 0, MENTION = 1, THREAD = 2, TURN = 3 };

struct Said {
  int64_t seq;
  int64_t sender;
  double ts;
  int64_t day;
  int64_t question;
};

struct Parent {
  int64_t seq;
  int64_t sender;
  int64_t day;
  int64_t question;
  int evidence;
};

// A message id's entry in the index of recent ids (Threads._ids): 24 bytes.
struct IdEntry {
  int64_t seq;
  int32_t sender;
  int32_t day;
  int64_t question;
};

// The set bits of a word: std::bitset's count is standard C++ (MSVC has no __builtin_popcountll);
// libstdc++ and libc++ implement it with that builtin, so gcc and clang emit the same code as before.
inline int64_t ones(uint64_t word) { return static_cast<int64_t>(std::bitset<64>(word).count()); }

// The seqs of messages that drew a reply (Threads._drawn), one bit per message taken (125 KiB per
// million messages instead of a hash set's ~40 bytes per seq), with the set's size kept for the
// pruning rule of Threads._remember.
struct SeqSet {
  std::vector<uint64_t> bits;
  int64_t size = 0;
  size_t low = SIZE_MAX;  // no bit is set in the words below this one

  bool insert(int64_t seq) {
    const size_t word = static_cast<size_t>(seq) >> 6;
    if (word >= bits.size()) bits.resize(std::max(word + 1, bits.size() * 2), 0);
    const uint64_t mask = uint64_t{1} << (seq & 63);
    if (bits[word] & mask) return false;
    bits[word] |= mask;
    size += 1;
    low = std::min(low, word);
    return true;
  }

  // {seq for seq in set if seq > old}
  void keep_above(int64_t old) {
    const size_t last = static_cast<size_t>(old) >> 6;
    for (size_t word = low; word < last && word < bits.size(); ++word) {
      size -= ones(bits[word]);
      bits[word] = 0;
    }
    if (last < bits.size()) {
      const int shift = static_cast<int>(old & 63) + 1;
      const uint64_t dropped = shift == 64 ? ~uint64_t{0} : (uint64_t{1} << shift) - 1;
      size -= ones(bits[last] & dropped);
      bits[last] &= ~dropped;
    }
    low = std::max(low, last);
  }
};

struct Settings {
  double cutoff;            // seconds
  double turn;              // seconds: TURN_MINUTES * 60
  double question_turn;     // QUESTION_TURN_MINUTES * 60
  double continue_window;   // CONTINUE_MINUTES * 60
  double thread_window;     // THREAD_MINUTES * 60
  double link_habit;
  double habit_decay;
  double habit_min;
  double thread_score;
  double min_word_weight;
  int64_t df_block;
  int64_t df_window;
  int64_t last_size;
  int64_t prune_every;
  int64_t recent_ids;
  int member_bits;
  int day_shift;
};

struct State {
  Settings settings{};
  std::vector<double> weights;
  int64_t seq = 0;
  // the question table's columns this model reads (the Python arrays get the same values)
  std::vector<double> asked_at;
  std::vector<int64_t> question_day;
  std::vector<int64_t> question_asker;
  std::vector<double> question_minutes;
  std::unordered_map<std::string, IdEntry> ids;
  // the ids in the order taken, as pointers to the index's keys: a key's node is erased only when its
  // latest entry leaves, after every earlier entry of the same id, so no pointer here outlives its node
  std::deque<std::pair<const std::string *, int64_t>> id_order;
  std::unordered_map<std::string, Said> postings;
  std::deque<Said> last;
  std::unordered_map<int64_t, Said> latest;
  std::unordered_map<int64_t, std::pair<int64_t, double>> partner;
  std::unordered_map<int64_t, std::deque<int64_t>> open_by_asker;
  std::unordered_map<int64_t, std::pair<double, double>> answer_ways;
  SeqSet drawn_seqs;
  std::unordered_map<std::string, int64_t> df;
  std::unordered_map<std::string, int64_t> df_before;
  int64_t df_count = 0;
};


// The answer edges (Aggregate.edges): each distinct (day, target, responder) once, with the evidence
// of the first answer that made it, in the order made. 13 bytes an edge, kept in blocks of EDGE_BLOCK
// (so the store never doubles nor copies itself as a vector does: ~7 * 10^5 edges on 10^6 messages took
// 16 MiB of vector, 24 MiB while it grew), plus a table of 4-byte slots filled to at most three
// quarters; a dict of packed Python ints took about 80 bytes an edge.
struct Edge {
  int32_t day;
  int32_t target;
  int32_t responder;
};

constexpr size_t EDGE_BLOCK = 16384;

struct EdgeBlock {
  Edge edges[EDGE_BLOCK];
  uint8_t evidence[EDGE_BLOCK];
};

struct EdgeTable {
  std::vector<std::unique_ptr<EdgeBlock>> blocks;
  size_t count = 0;
  std::vector<uint32_t> slots;  // 0: empty, else an index into the edges plus one

  size_t size() const { return count; }
  const Edge &edge(size_t index) const { return blocks[index / EDGE_BLOCK]->edges[index % EDGE_BLOCK]; }
  int evidence(size_t index) const { return blocks[index / EDGE_BLOCK]->evidence[index % EDGE_BLOCK]; }

  static uint64_t hash(int32_t day, int32_t target, int32_t responder) {
    uint64_t x = (static_cast<uint64_t>(static_cast<uint32_t>(day)) << 32) ^
                 (static_cast<uint64_t>(static_cast<uint32_t>(target)) << 16) ^ static_cast<uint32_t>(responder);
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
  }

  void grow() {
    const size_t size = slots.empty() ? 1024 : slots.size() * 2;
    std::vector<uint32_t> bigger(size, 0);
    for (size_t index = 0; index < count; ++index) {
      const Edge &found = edge(index);
      size_t at = hash(found.day, found.target, found.responder) & (size - 1);
      while (bigger[at] != 0) at = (at + 1) & (size - 1);
      bigger[at] = static_cast<uint32_t>(index + 1);
    }
    slots.swap(bigger);
  }

  // edges.setdefault((day, target, responder), evidence); evidence is 0 to 255
  void setdefault(int32_t day, int32_t target, int32_t responder, int evidence) {
    if ((count + 1) * 4 > slots.size() * 3) grow();
    size_t at = hash(day, target, responder) & (slots.size() - 1);
    while (slots[at] != 0) {
      const Edge &found = edge(slots[at] - 1);
      if (found.day == day && found.target == target && found.responder == responder) return;
      at = (at + 1) & (slots.size() - 1);
    }
    if (count % EDGE_BLOCK == 0) blocks.push_back(std::make_unique<EdgeBlock>());
    EdgeBlock &block = *blocks.back();
    block.edges[count % EDGE_BLOCK] = {day, target, responder};
    block.evidence[count % EDGE_BLOCK] = static_cast<uint8_t>(evidence);
    count += 1;
    slots[at] = static_cast<uint32_t>(count);
  }
};

struct Edges {
  PyObject_HEAD
  EdgeTable *table;
  int member_bits;
  int day_shift;
};

PyObject *edges_new(PyTypeObject *type, PyObject *args, PyObject *kwargs) {
  static const char *names[] = {"member_bits", "day_shift", nullptr};
  int member_bits = 24, day_shift = 48;
  if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|ii", const_cast<char **>(names), &member_bits, &day_shift)) {
    return nullptr;
  }
  if (member_bits < 1 || member_bits > 30 || day_shift < 2 * member_bits || day_shift > 62) {
    PyErr_SetString(PyExc_ValueError, "EdgeSet: bits out of range");
    return nullptr;
  }
  Edges *self = reinterpret_cast<Edges *>(type->tp_alloc(type, 0));
  if (self == nullptr) return nullptr;
  self->table = new (std::nothrow) EdgeTable();
  if (self->table == nullptr) {
    Py_DECREF(self);
    return PyErr_NoMemory();
  }
  self->member_bits = member_bits;
  self->day_shift = day_shift;
  return reinterpret_cast<PyObject *>(self);
}

void edges_dealloc(Edges *self) {
  delete self->table;
  Py_TYPE(self)->tp_free(reinterpret_cast<PyObject *>(self));
}

Py_ssize_t edges_len(Edges *self) { return static_cast<Py_ssize_t>(self->table->size()); }

// add(day, target, responder, evidence): setdefault of one edge
PyObject *edges_add(Edges *self, PyObject *args) {
  int day, target, responder, evidence;
  if (!PyArg_ParseTuple(args, "iiii", &day, &target, &responder, &evidence)) return nullptr;
  const int limit = 1 << self->member_bits;
  if (day < 0 || target < 0 || target >= limit || responder < 0 || responder >= limit || evidence < 0 ||
      evidence > 255) {
    PyErr_SetString(PyExc_ValueError, "EdgeSet.add: a value out of range");
    return nullptr;
  }
  self->table->setdefault(day, target, responder, evidence);
  Py_RETURN_NONE;
}

// chunk(start, count) -> [(packed, evidence), ...] of the edges start .. start + count, in the order made
PyObject *edges_chunk(Edges *self, PyObject *args) {
  Py_ssize_t start, count;
  if (!PyArg_ParseTuple(args, "nn", &start, &count)) return nullptr;
  const EdgeTable &table = *self->table;
  const Py_ssize_t size = static_cast<Py_ssize_t>(table.size());
  if (start < 0 || count < 0) {
    PyErr_SetString(PyExc_ValueError, "EdgeSet.chunk: negative start or count");
    return nullptr;
  }
  const Py_ssize_t stop = start >= size ? start : std::min(size, start + count);
  PyObject *result = PyList_New(stop > start ? stop - start : 0);
  if (result == nullptr) return nullptr;
  PyObject *shift = PyLong_FromLong(self->day_shift);
  if (shift == nullptr) {
    Py_DECREF(result);
    return nullptr;
  }
  int64_t shifted_for = -1;
  PyObject *shifted = nullptr;
  for (Py_ssize_t index = start; index < stop; ++index) {
    const Edge &edge = table.edge(static_cast<size_t>(index));
    if (shifted == nullptr || shifted_for != edge.day) {
      PyObject *day = PyLong_FromLong(edge.day);
      PyObject *made = day != nullptr ? PyNumber_Lshift(day, shift) : nullptr;
      Py_XDECREF(day);
      Py_XSETREF(shifted, made);
      if (shifted == nullptr) break;
      shifted_for = edge.day;
    }
    PyObject *low = PyLong_FromLongLong((static_cast<int64_t>(edge.target) << self->member_bits) | edge.responder);
    PyObject *packed = low != nullptr ? PyNumber_Or(shifted, low) : nullptr;
    Py_XDECREF(low);
    PyObject *evidence = packed != nullptr ? PyLong_FromLong(table.evidence(static_cast<size_t>(index))) : nullptr;
    PyObject *pair = evidence != nullptr ? PyTuple_Pack(2, packed, evidence) : nullptr;
    Py_XDECREF(packed);
    Py_XDECREF(evidence);
    if (pair == nullptr) {
      Py_CLEAR(shifted);
      shifted_for = -2;
      break;
    }
    PyList_SET_ITEM(result, index - start, pair);
  }
  Py_DECREF(shift);
  if (PyErr_Occurred()) {
    Py_XDECREF(shifted);
    Py_DECREF(result);
    return nullptr;
  }
  Py_XDECREF(shifted);
  return result;
}

PyMethodDef edges_methods[] = {
    {"add", reinterpret_cast<PyCFunction>(edges_add), METH_VARARGS,
     "add(day, target, responder, evidence): the edge, unless it is there (the first evidence stays)."},
    {"chunk", reinterpret_cast<PyCFunction>(edges_chunk), METH_VARARGS,
     "chunk(start, count) -> [(packed, evidence)]: edges in the order made, packed as Aggregate packs them."},
    {nullptr, nullptr, 0, nullptr},
};

PySequenceMethods edges_sequence = {};

PyTypeObject EdgesType = {PyVarObject_HEAD_INIT(nullptr, 0)};

struct Model {
  PyObject_HEAD
  State *state;
  PyObject *edges;          // Aggregate.edges: an EdgeSet
  PyObject *drawn;          // Aggregate.drawn: day -> Counter(member -> posts that drew an answer)
  PyObject *answers_given;  // Aggregate.answers_given: day -> Counter(member -> answers)
  PyObject *counter_type;   // collections.Counter
  PyObject *minutes;        // QuestionTable.minutes (array 'd')
  PyObject *responder;      // QuestionTable.responder (array 'i')
  PyObject *evidence;       // QuestionTable.evidence (bytearray)
  PyObject *opening;        // QuestionTable.opening (list of str): "" once answered
  PyObject *empty;          // ""
};

// The exact code points of a str, as a key.
bool key_of(PyObject *text, std::string &out) {
  if (!PyUnicode_Check(text)) {
    PyErr_SetString(PyExc_TypeError, "ThreadModel: message ids and words must be str");
    return false;
  }
  if (PyUnicode_READY(text) < 0) return false;
  const int kind = PyUnicode_KIND(text);
  const char *data = static_cast<const char *>(PyUnicode_DATA(text));
  out.assign(1, static_cast<char>(kind));
  out.append(data, static_cast<size_t>(PyUnicode_GET_LENGTH(text)) * static_cast<size_t>(kind));
  return true;
}

// per_day.setdefault(day, Counter())[member] += 1, with Counter({member: 1}) for a new day.
bool bump(Model *self, PyObject *per_day, int64_t day, int64_t member) {
  PyObject *day_key = PyLong_FromLongLong(day);
  if (day_key == nullptr) return false;
  PyObject *member_key = PyLong_FromLongLong(member);
  if (member_key == nullptr) {
    Py_DECREF(day_key);
    return false;
  }
  bool ok = false;
  PyObject *counter = PyDict_GetItemWithError(per_day, day_key);  // borrowed
  if (counter == nullptr && !PyErr_Occurred()) {
    PyObject *made = PyObject_CallNoArgs(self->counter_type);
    if (made != nullptr) {
      PyObject *one = PyLong_FromLong(1);
      ok = one != nullptr && PyDict_SetItem(made, member_key, one) == 0 && PyDict_SetItem(per_day, day_key, made) == 0;
      Py_XDECREF(one);
      Py_DECREF(made);
    }
  } else if (counter != nullptr) {
    PyObject *count = PyDict_GetItemWithError(counter, member_key);  // borrowed
    if (count != nullptr || !PyErr_Occurred()) {
      long long value = count != nullptr ? PyLong_AsLongLong(count) : 0;
      if (!(value == -1 && PyErr_Occurred())) {
        PyObject *next = PyLong_FromLongLong(value + 1);
        ok = next != nullptr && PyDict_SetItem(counter, member_key, next) == 0;
        Py_XDECREF(next);
      }
    }
  }
  Py_DECREF(day_key);
  Py_DECREF(member_key);
  return ok;
}

// Aggregate.add_edge
bool add_edge(Model *self, int64_t day, int64_t target, int64_t responder, int evidence) {
  reinterpret_cast<Edges *>(self->edges)->table->setdefault(static_cast<int32_t>(day), static_cast<int32_t>(target),
                                                            static_cast<int32_t>(responder), evidence);
  return true;
}

// Threads._open
bool is_open(const State &st, int64_t position, double ts) {
  const double asked = st.asked_at[position];
  const double minutes = st.question_minutes[position];
  return std::isnan(minutes) && 0 <= ts - asked && ts - asked <= st.settings.cutoff;
}

// Threads._habit
bool habit(State &st, int64_t sender, bool linked) {
  auto found = st.answer_ways.find(sender);
  double links = 0.0, weak = 0.0;
  if (found != st.answer_ways.end()) {
    links = found->second.first;
    weak = found->second.second;
  }
  links = links * st.settings.habit_decay + (linked ? 1.0 : 0.0);
  weak = weak * st.settings.habit_decay + (linked ? 0.0 : 1.0);
  st.answer_ways[sender] = {links, weak};
  return !linked && links + weak >= st.settings.habit_min && links >= st.settings.link_habit * (links + weak);
}

Parent key(const Said &said, int evidence) { return {said.seq, said.sender, said.day, said.question, evidence}; }

// Threads._to_member
bool to_member(State &st, const std::vector<int64_t> &members, double ts, Parent &out) {
  for (int64_t member : members) {
    auto asked = st.open_by_asker.find(member);
    if (asked != st.open_by_asker.end() && !asked->second.empty()) {
      const int64_t position = asked->second.back();
      if (is_open(st, position, ts)) {
        auto said = st.latest.find(member);
        if (said != st.latest.end() && said->second.question == position) {
          out = key(said->second, MENTION);
          return true;
        }
        out = {-1, member, st.question_day[position], position, MENTION};
        return true;
      }
    }
    auto said = st.latest.find(member);
    if (said != st.latest.end() && 0 <= ts - said->second.ts && ts - said->second.ts <= st.settings.thread_window) {
      out = key(said->second, MENTION);
      return true;
    }
  }
  return false;
}

// Threads._thread
const Said *thread(State &st, int64_t sender, double ts, const std::vector<std::string> &words) {
  std::vector<std::pair<double, const Said *>> weighted;
  double reach = 0.0;
  const double oldest = ts - st.settings.thread_window;
  for (const std::string &word : words) {
    auto posted = st.postings.find(word);
    if (posted == st.postings.end()) continue;
    const Said &said = posted->second;
    if (said.sender != sender && oldest <= said.ts && said.ts <= ts) {
      int64_t count = 0;
      auto now = st.df.find(word);
      if (now != st.df.end()) count += now->second;
      auto before = st.df_before.find(word);
      if (before != st.df_before.end()) count += before->second;
      const double weight = st.weights[static_cast<size_t>(std::min(count, st.settings.df_window))];
      if (weight >= st.settings.min_word_weight) {
        weighted.emplace_back(weight, &said);
        reach += weight;
      }
    }
  }
  if (reach < st.settings.thread_score) return nullptr;
  std::vector<std::pair<int64_t, double>> scores;
  const Said *best = nullptr;
  for (const auto &[weight, said] : weighted) {
    double score = 0.0;
    size_t at = 0;
    for (; at < scores.size(); ++at) {
      if (scores[at].first == said->seq) break;
    }
    if (at == scores.size()) {
      scores.emplace_back(said->seq, 0.0);
    }
    score = scores[at].second + weight;
    scores[at].second = score;
    if (score >= st.settings.thread_score && (best == nullptr || said->seq > best->seq)) best = said;
  }
  return best;
}

// Threads._turn
const Said *turn(State &st, int64_t sender, double ts) {
  auto partner = st.partner.find(sender);
  auto mine = st.latest.find(sender);
  if (partner != st.partner.end() && ts - partner->second.second <= st.settings.continue_window) {
    auto said = st.latest.find(partner->second.first);
    const bool fresh = said != st.latest.end() && 0 <= ts - said->second.ts &&
                       ts - said->second.ts <= st.settings.continue_window;
    if (fresh && (mine == st.latest.end() || said->second.seq > mine->second.seq)) return &said->second;
  }
  if (!st.last.empty()) {
    const Said &said = st.last.back();
    const double window = said.question >= 0 ? st.settings.question_turn : st.settings.turn;
    if (said.sender != sender && 0 <= ts - said.ts && ts - said.ts <= window) return &said;
  }
  return nullptr;
}

// Threads._answered; false with a Python error set on failure.
bool answered(Model *self, const Parent &found, int64_t responder, double ts, int64_t day) {
  State &st = *self->state;
  if (!add_edge(self, day, found.sender, responder, found.evidence)) return false;
  st.partner[responder] = {found.sender, ts};
  st.partner[found.sender] = {responder, ts};
  if (found.seq >= 0 && st.drawn_seqs.insert(found.seq)) {
    if (!bump(self, self->drawn, found.day, found.sender)) return false;
  }
  if (found.question >= 0) {
    if (!bump(self, self->answers_given, day, responder)) return false;
    const double asked = st.asked_at[found.question];
    auto open = st.open_by_asker.find(st.question_asker[found.question]);
    if (open == st.open_by_asker.end()) return true;
    for (int64_t earlier : open->second) {
      const double then = st.asked_at[earlier];
      const bool same_moment = earlier == found.question || (asked - st.settings.turn <= then && then <= asked);
      if (same_moment && is_open(st, earlier, ts)) {
        const double minutes = (ts - then) / 60;
        st.question_minutes[earlier] = minutes;
        PyObject *value = PyFloat_FromDouble(minutes);
        PyObject *who = PyLong_FromLongLong(responder);
        PyObject *code = PyLong_FromLong(found.evidence);
        const bool ok = value != nullptr && who != nullptr && code != nullptr &&
                        PySequence_SetItem(self->minutes, earlier, value) == 0 &&
                        PySequence_SetItem(self->responder, earlier, who) == 0 &&
                        PySequence_SetItem(self->evidence, earlier, code) == 0 &&
                        PySequence_SetItem(self->opening, earlier, self->empty) == 0;
        Py_XDECREF(value);
        Py_XDECREF(who);
        Py_XDECREF(code);
        if (!ok) return false;
      }
    }
  }
  return true;
}

// Threads._ask (the Python glue has appended the question's row to the table already)
int64_t ask(State &st, int64_t asker, double ts, int64_t day) {
  const int64_t position = static_cast<int64_t>(st.asked_at.size());
  st.asked_at.push_back(ts);
  st.question_day.push_back(day);
  st.question_asker.push_back(asker);
  st.question_minutes.push_back(std::nan(""));
  std::deque<int64_t> &asked = st.open_by_asker[asker];
  asked.push_back(position);
  while (asked.size() > 1 && ts - st.asked_at[asked.front()] > st.settings.cutoff) asked.pop_front();
  return position;
}

// Threads._remember
void remember(State &st, std::string &&id, int64_t seq, int64_t sender, int64_t day, int64_t question) {
  const IdEntry entry{seq, static_cast<int32_t>(sender), static_cast<int32_t>(day), question};
  auto placed = st.ids.insert_or_assign(std::move(id), entry).first;
  st.id_order.emplace_back(&placed->first, seq);
  if (static_cast<int64_t>(st.id_order.size()) > st.settings.recent_ids) {
    const auto [old_id, old_seq] = st.id_order.front();
    st.id_order.pop_front();
    auto found = st.ids.find(*old_id);
    if (found != st.ids.end() && found->second.seq == old_seq) st.ids.erase(found);
    if (st.drawn_seqs.size > 2 * st.settings.recent_ids) st.drawn_seqs.keep_above(old_seq);
  }
}

// Threads._prune
void prune(State &st) {
  const double latest = st.last.empty() ? 0.0 : st.last.back().ts;
  const double oldest = latest - st.settings.thread_window;
  for (auto it = st.postings.begin(); it != st.postings.end();) {
    it = it->second.ts >= oldest ? std::next(it) : st.postings.erase(it);
  }
}

// Threads._count_words
void count_words(State &st, const std::vector<std::string> &words) {
  for (const std::string &word : words) st.df[word] += 1;
  st.df_count += 1;
  if (st.df_count == st.settings.df_block) {
    st.df_before.swap(st.df);
    st.df.clear();
    st.df_count = 0;
  }
  if (st.seq % st.settings.prune_every == 0) prune(st);
}

bool int64_of(PyObject *sequence, Py_ssize_t i, int64_t &out) {
  out = PyLong_AsLongLong(PyList_GET_ITEM(sequence, i));
  return !(out == -1 && PyErr_Occurred());
}

bool members_of(PyObject *list, std::vector<int64_t> &out, int64_t limit) {
  out.clear();
  if (list == nullptr || list == Py_None) return true;
  if (!PyList_Check(list)) {
    PyErr_SetString(PyExc_TypeError, "ThreadModel.feed: addressed members must be a list of ints");
    return false;
  }
  for (Py_ssize_t i = 0; i < PyList_GET_SIZE(list); ++i) {
    const long long member = PyLong_AsLongLong(PyList_GET_ITEM(list, i));
    if (member == -1 && PyErr_Occurred()) return false;
    if (member < 0 || member >= limit) {
      PyErr_SetString(PyExc_ValueError, "ThreadModel.feed: an addressed member out of range");
      return false;
    }
    out.push_back(member);
  }
  return true;
}

// feed(ids, senders, ts, days, noise, words, reply_to, addressed, targeted, questions) -> None
//   lists of one batch, position i the batch's i-th message: ids (str), senders (int), ts (float), days
//   (int), noise (bool), words (a tuple of str, weighed in that order), reply_to (str or None),
//   addressed (list of the members it is addressed to, or None), targeted (bool: it carries mentions),
//   questions (bool: it asks; its row is already in the question table)
PyObject *model_feed(Model *self, PyObject *args) {
  PyObject *ids, *senders, *ts, *days, *noise, *words, *reply_to, *addressed, *targeted, *questions;
  if (!PyArg_ParseTuple(args, "O!O!O!O!O!O!O!O!O!O!", &PyList_Type, &ids, &PyList_Type, &senders, &PyList_Type, &ts,
                        &PyList_Type, &days, &PyList_Type, &noise, &PyList_Type, &words, &PyList_Type, &reply_to,
                        &PyList_Type, &addressed, &PyList_Type, &targeted, &PyList_Type, &questions)) {
    return nullptr;
  }
  const Py_ssize_t count = PyList_GET_SIZE(ids);
  for (PyObject *column : {senders, ts, days, noise, words, reply_to, addressed, targeted, questions}) {
    if (PyList_GET_SIZE(column) != count) {
      PyErr_SetString(PyExc_ValueError, "ThreadModel.feed: the columns differ in length");
      return nullptr;
    }
  }
  if (self->state == nullptr) {
    PyErr_SetString(PyExc_RuntimeError, "ThreadModel: not initialised");
    return nullptr;
  }
  State &st = *self->state;
  std::string id;
  std::string reply;
  std::vector<std::string> message_words;
  std::vector<int64_t> members;
  for (Py_ssize_t i = 0; i < count; ++i) {
    int64_t sender, day;
    if (!int64_of(senders, i, sender) || !int64_of(days, i, day)) return nullptr;
    if (sender < 0 || sender >= (int64_t{1} << st.settings.member_bits) || day < 0 || day > INT32_MAX) {
      PyErr_SetString(PyExc_ValueError, "ThreadModel.feed: a sender or a day out of range");
      return nullptr;
    }
    const double when = PyFloat_AsDouble(PyList_GET_ITEM(ts, i));
    if (when == -1.0 && PyErr_Occurred()) return nullptr;
    const int is_noise = PyObject_IsTrue(PyList_GET_ITEM(noise, i));
    const int is_targeted = PyObject_IsTrue(PyList_GET_ITEM(targeted, i));
    const int is_question = PyObject_IsTrue(PyList_GET_ITEM(questions, i));
    if (is_noise < 0 || is_targeted < 0 || is_question < 0) return nullptr;
    if (!key_of(PyList_GET_ITEM(ids, i), id)) return nullptr;
    message_words.clear();
    if (!is_noise) {
      PyObject *iterator = PyObject_GetIter(PyList_GET_ITEM(words, i));
      if (iterator == nullptr) return nullptr;
      PyObject *word;
      std::string text;
      while ((word = PyIter_Next(iterator)) != nullptr) {
        const bool ok = key_of(word, text);
        Py_DECREF(word);
        if (!ok) {
          Py_DECREF(iterator);
          return nullptr;
        }
        message_words.push_back(text);
      }
      Py_DECREF(iterator);
      if (PyErr_Occurred()) return nullptr;
    }
    // Threads._parent
    Parent found{};
    bool has_parent = false;
    PyObject *link = PyList_GET_ITEM(reply_to, i);
    if (link != Py_None) {
      if (!key_of(link, reply)) return nullptr;
      auto parent = st.ids.find(reply);
      if (parent != st.ids.end() && parent->second.sender != sender && parent->second.seq < st.seq) {
        habit(st, sender, true);
        const IdEntry &linked = parent->second;
        found = {linked.seq, linked.sender, linked.day, linked.question, LINK};
        has_parent = true;
      }
    } else {
      if (!members_of(PyList_GET_ITEM(addressed, i), members, int64_t{1} << st.settings.member_bits)) return nullptr;
      if (!members.empty()) {
        has_parent = to_member(st, members, when, found);
      } else if (!(is_targeted || is_noise || is_question)) {
        const Said *said = thread(st, sender, when, message_words);
        int evidence = THREAD;
        if (said == nullptr) {
          said = turn(st, sender, when);
          evidence = TURN;
        }
        if (said != nullptr && !habit(st, sender, false)) {
          found = key(*said, evidence);
          has_parent = true;
        }
      }
    }
    if (has_parent && !answered(self, found, sender, when, day)) return nullptr;
    int64_t position = -1;
    if (is_question) position = ask(st, sender, when, day);
    const int64_t seq = st.seq;
    st.seq += 1;
    remember(st, std::move(id), seq, sender, day, position);
    if (!is_noise) {
      const Said said{seq, sender, when, day, position};
      st.last.push_back(said);
      if (static_cast<int64_t>(st.last.size()) > st.settings.last_size) st.last.pop_front();
      st.latest[sender] = said;
      for (const std::string &word : message_words) st.postings[word] = said;
      count_words(st, message_words);
    }
  }
  Py_RETURN_NONE;
}

PyObject *model_seq(Model *self, void *) { return PyLong_FromLongLong(self->state->seq); }

PyObject *model_postings(Model *self, void *) { return PyLong_FromSize_t(self->state->postings.size()); }

int model_init(Model *self, PyObject *args, PyObject *kwargs) {
  static const char *names[] = {"edges",   "drawn",   "answers_given", "counter",  "minutes", "responder",
                                "evidence", "opening", "weights",       "settings", nullptr};
  PyObject *edges, *drawn, *answers_given, *counter, *minutes, *responder, *evidence, *opening, *weights, *settings;
  if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O!O!O!OOOOO!O!O!", const_cast<char **>(names), &EdgesType, &edges,
                                   &PyDict_Type, &drawn, &PyDict_Type, &answers_given, &counter, &minutes, &responder,
                                   &evidence, &PyList_Type, &opening, &PyList_Type, &weights, &PyDict_Type, &settings)) {
    return -1;
  }
  State *st = new (std::nothrow) State();
  if (st == nullptr) {
    PyErr_NoMemory();
    return -1;
  }
  for (Py_ssize_t i = 0; i < PyList_GET_SIZE(weights); ++i) {
    const double weight = PyFloat_AsDouble(PyList_GET_ITEM(weights, i));
    if (weight == -1.0 && PyErr_Occurred()) {
      delete st;
      return -1;
    }
    st->weights.push_back(weight);
  }
  auto number = [&](const char *name, double &out) {
    PyObject *value = PyDict_GetItemString(settings, name);  // borrowed
    if (value == nullptr) {
      PyErr_Format(PyExc_KeyError, "ThreadModel: setting %s is missing", name);
      return false;
    }
    out = PyFloat_AsDouble(value);
    return !(out == -1.0 && PyErr_Occurred());
  };
  auto whole = [&](const char *name, int64_t &out) {
    PyObject *value = PyDict_GetItemString(settings, name);  // borrowed
    if (value == nullptr) {
      PyErr_Format(PyExc_KeyError, "ThreadModel: setting %s is missing", name);
      return false;
    }
    out = PyLong_AsLongLong(value);
    return !(out == -1 && PyErr_Occurred());
  };
  Settings &s = st->settings;
  int64_t member_bits = 0, day_shift = 0;
  const bool ok = number("cutoff", s.cutoff) && number("turn", s.turn) && number("question_turn", s.question_turn) &&
                  number("continue", s.continue_window) && number("thread", s.thread_window) &&
                  number("link_habit", s.link_habit) && number("habit_decay", s.habit_decay) &&
                  number("habit_min", s.habit_min) && number("thread_score", s.thread_score) &&
                  number("min_word_weight", s.min_word_weight) && whole("df_block", s.df_block) &&
                  whole("df_window", s.df_window) && whole("last", s.last_size) &&
                  whole("prune_every", s.prune_every) && whole("recent_ids", s.recent_ids) &&
                  whole("member_bits", member_bits) && whole("day_shift", day_shift);
  if (!ok || static_cast<int64_t>(st->weights.size()) <= s.df_window || s.prune_every <= 0 || s.df_block <= 0) {
    if (!PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "ThreadModel: settings out of range");
    delete st;
    return -1;
  }
  if (member_bits < 1 || member_bits > 30 || day_shift < 2 * member_bits || s.recent_ids < 1 || s.last_size < 1) {
    PyErr_SetString(PyExc_ValueError, "ThreadModel: settings out of range");
    delete st;
    return -1;
  }
  s.member_bits = static_cast<int>(member_bits);
  s.day_shift = static_cast<int>(day_shift);
  delete self->state;
  self->state = st;
  Py_INCREF(edges);
  Py_XSETREF(self->edges, edges);
  Py_INCREF(drawn);
  Py_XSETREF(self->drawn, drawn);
  Py_INCREF(answers_given);
  Py_XSETREF(self->answers_given, answers_given);
  Py_INCREF(counter);
  Py_XSETREF(self->counter_type, counter);
  Py_INCREF(minutes);
  Py_XSETREF(self->minutes, minutes);
  Py_INCREF(responder);
  Py_XSETREF(self->responder, responder);
  Py_INCREF(evidence);
  Py_XSETREF(self->evidence, evidence);
  Py_INCREF(opening);
  Py_XSETREF(self->opening, opening);
  PyObject *empty = PyUnicode_FromStringAndSize("", 0);
  if (empty == nullptr) return -1;
  Py_XSETREF(self->empty, empty);
  return 0;
}

void model_dealloc(Model *self) {
  delete self->state;
  Py_XDECREF(self->edges);
  Py_XDECREF(self->drawn);
  Py_XDECREF(self->answers_given);
  Py_XDECREF(self->counter_type);
  Py_XDECREF(self->minutes);
  Py_XDECREF(self->responder);
  Py_XDECREF(self->evidence);
  Py_XDECREF(self->opening);
  Py_XDECREF(self->empty);
  Py_TYPE(self)->tp_free(reinterpret_cast<PyObject *>(self));
}

PyMethodDef model_methods[] = {
    {"feed", reinterpret_cast<PyCFunction>(model_feed), METH_VARARGS,
     "feed(ids, senders, ts, days, noise, words, reply_to, addressed, targeted, questions): one batch, in order."},
    {nullptr, nullptr, 0, nullptr},
};

PyGetSetDef model_getset[] = {
    {"seq", reinterpret_cast<getter>(model_seq), nullptr, "messages taken so far", nullptr},
    {"postings", reinterpret_cast<getter>(model_postings), nullptr, "words remembered for thread cues", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

PyTypeObject ModelType = {PyVarObject_HEAD_INIT(nullptr, 0)};

}  // namespace

// Called by PyInit__core (telegram.cpp): adds ThreadModel to the module; -1 with an error set.
int sqtool_add_thread_model(PyObject *module) {
  ModelType.tp_name = "sqtool._native._core.ThreadModel";
  ModelType.tp_basicsize = sizeof(Model);
  ModelType.tp_flags = Py_TPFLAGS_DEFAULT;
  ModelType.tp_doc = "The conversation model of sqtool.audit.threads, fed a batch of columns at a time.";
  ModelType.tp_new = PyType_GenericNew;
  ModelType.tp_init = reinterpret_cast<initproc>(model_init);
  ModelType.tp_dealloc = reinterpret_cast<destructor>(model_dealloc);
  ModelType.tp_methods = model_methods;
  ModelType.tp_getset = model_getset;
  if (PyType_Ready(&ModelType) < 0) return -1;
  EdgesType.tp_name = "sqtool._native._core.EdgeSet";
  EdgesType.tp_basicsize = sizeof(Edges);
  EdgesType.tp_flags = Py_TPFLAGS_DEFAULT;
  EdgesType.tp_doc = "The answer edges of an audit: (day, target, responder) -> evidence, 16 bytes each.";
  EdgesType.tp_new = edges_new;
  EdgesType.tp_dealloc = reinterpret_cast<destructor>(edges_dealloc);
  EdgesType.tp_methods = edges_methods;
  edges_sequence.sq_length = reinterpret_cast<lenfunc>(edges_len);
  EdgesType.tp_as_sequence = &edges_sequence;
  if (PyType_Ready(&EdgesType) < 0) return -1;
  Py_INCREF(&ModelType);
  if (PyModule_AddObject(module, "ThreadModel", reinterpret_cast<PyObject *>(&ModelType)) < 0) {
    Py_DECREF(&ModelType);
    return -1;
  }
  Py_INCREF(&EdgesType);
  if (PyModule_AddObject(module, "EdgeSet", reinterpret_cast<PyObject *>(&EdgesType)) < 0) {
    Py_DECREF(&EdgesType);
    return -1;
  }
  return 0;
}
