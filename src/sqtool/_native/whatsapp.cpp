// sqtool._native._core.WhatsAppScanner: the native line scanner of WhatsApp .txt exports (issue 22).
//
// The contract is the pure-Python reader's (sqtool.chat.readers.whatsapp): the Python side still
// finds the encoding, cuts the file into blocks of decoded lines (chat/textio.py: line limits, CR,
// BOM, UTF-16, bad bytes) and settles the date order; this scanner takes each block (a str whose
// every "\n" starts a line) and does the per-line work the Python loop did:
//
//  * which line is a message header: the general stamp pattern of whatsapp._stamp, written out by
//    hand (leading marks and blanks, an optional "[", three date numbers, the clock with optional
//    seconds and AM/PM, then "]" or " - "). Its character classes are explicit sets, repeated
//    exactly; the only class that depends on Unicode's tables is \d, so where a digit may stand and
//    a non-ASCII decimal digit does, the scanner is not sure and asks the Python pattern for that
//    line (the `unsure` callback). Every other line continues the message before it.
//  * the header's time: the start of its hour from the Python reader's own _hour_start (asked once
//    per distinct hour, kept here), plus minutes and seconds; an hour whose UTC offset changes inside
//    it is localized by the Python reader's _Clock._at; a date Python finds impossible is said by
//    the Python reader's ctx.bad_record (an error, or a --lenient skip), with the same line and text.
//  * the usual message (a named sender, a text with nothing the Python reader looks into: no "@",
//    no "://", no "www.", no media or deletion wording, no U+200E, no encryption notice) is built
//    here as the very Message the Python reader builds; every other record (system lines, media,
//    links, mentions, iOS placeholders) is built by the Python reader's _record from the same text.
//
//  * whatsapp_dates: the header dates of a block as runs of one date, which detect_date_order weighs
//    (one Python step per run instead of one per header).
//
// So there is nothing to hand back whole: what the scanner does not do exactly, it asks the Python
// reader to do, one line or one record at a time, and every error and skip is the Python reader's.
// Memory: one block (textio's 256 KiB) and the pending record's text; the caches of hour starts and
// of names (by the characters of the author field) are bounded.

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

#include <cstdint>
#include <unordered_map>

namespace {

enum Match : int { NOT_HEADER = 0, HEADER = 1, UNSURE = 2 };

constexpr size_t HOUR_CACHE = 4096;  // as the Python reader's _STAMP_CACHE

struct Hour {
  PyObject *start;  // a new reference: the hour's start, or Py_None for an impossible date
  bool naive;       // the zone's offset changes within this hour: each time is localized by Python
};

struct Known {
  PyObject *author;  // an author field (a new reference)
  PyObject *name;    // its name (a new reference)
};

constexpr size_t NAME_CACHE = 1 << 16;  // author fields kept by the hash of their characters

struct Scanner {
  PyObject_HEAD
  PyObject *message_type;  // sqtool.chat.model.Message
  PyObject *system;        // whatsapp._SYSTEM: the name of an author field that is a system line's words
  PyObject *names;         // the reader's dict: author field -> name (shared with _record)
  PyObject *name_of;       // whatsapp._name
  PyObject *record;        // (number, timestamp, rest) -> Message | list[Event]: whatsapp._record
  PyObject *hour_start;    // (d1, d2, d3, hour, ampm) -> datetime | None: whatsapp._hour_start
  PyObject *naive_at;      // (start, seconds) -> datetime: whatsapp._Clock._at for a naive start
  PyObject *bad_date;      // (number, value) -> None or raises: ctx.bad_record("chat.bad_date", ...)
  PyObject *unsure;        // (line) -> None | (timestamp | None, rest): the Python pattern for one line
  PyObject *into_hour;     // a list of 3600 timedeltas
  PyObject *tail;          // the values of the fields after `text` (kind, reply_to, ...) of a usual message
  Py_ssize_t offsets[16];  // where each field of Message sits in its object (0: build it by calling Message)
  Py_ssize_t fields;
  std::unordered_map<uint64_t, Hour> *hours;
  std::unordered_map<uint64_t, Known> *known;  // the names dict's entries, found without making a str
  // the pending record (a header whose record is not built yet): first == 0 when there is none
  long long first;
  PyObject *when;
  PyObject *prefix;  // its text from earlier blocks (or before a skipped line), or nullptr
  Py_ssize_t run_start, run_end;  // its text in the current block (when run_active)
  bool run_active;
  // the latest time made, kept for the next header of the same minute
  uint64_t last_key;
  int last_into;
  PyObject *last_when;
};

struct Stamp {
  Py_ssize_t d1s, d1e, d2s, d2e, d3s, d3e, hs, he, as, ae;
  int v1, v2, v3, hour, minute, second, ampm;  // second -1 when absent; ampm 0 none, 1 A, 2 P
  Py_ssize_t rest;
};

inline bool is_mark(Py_UCS4 c) {
  switch (c) {
    case 0x200e: case 0x200f: case 0x202a: case 0x202b: case 0x202c:
    case 0x2066: case 0x2067: case 0x2068: case 0x2069: case 0xfeff:
      return true;
    default:
      return false;
  }
}  // whatsapp._MARKS

// whatsapp._BLANKS: what \s matches but "\n"
inline bool is_blank(Py_UCS4 c) {
  if (c < 0x80) return c == '\t' || c == 0x0b || c == 0x0c || c == '\r' || (c >= 0x1c && c <= 0x1f) || c == ' ';
  return c == 0x85 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 ||
         c == 0x202f || c == 0x205f || c == 0x3000;
}

inline bool is_digit(Py_UCS4 c) { return c >= '0' && c <= '9'; }

// A run of digits at `at` of `low` to `high` ASCII digits: HEADER (value, `at` past it), NOT_HEADER,
// or UNSURE when a non-ASCII decimal digit (which \d matches) stands where a digit may.
template <typename C>
int number(const C *p, Py_ssize_t n, Py_ssize_t &at, int low, int high, int &value, Py_ssize_t &start) {
  start = at;
  int count = 0, result = 0;
  while (at < n && is_digit(p[at])) {
    if (count < 8) result = result * 10 + static_cast<int>(p[at] - '0');
    ++count;
    ++at;
  }
  if (at < n && p[at] >= 0x80 && Py_UNICODE_ISDECIMAL(static_cast<Py_UCS4>(p[at]))) return UNSURE;
  if (count < low || count > high) return NOT_HEADER;
  value = result;
  return HEADER;
}

// The stamp's end ("]" and blanks, or " - "), from `at`: the rest's start, or -1.
template <typename C>
Py_ssize_t stamp_end(const C *p, Py_ssize_t n, Py_ssize_t at, bool bracket) {
  if (bracket) {
    if (at >= n || p[at] != ']') return -1;
    ++at;
    while (at < n && is_blank(p[at])) ++at;  // [blank\u00a0]*: U+00A0 is a blank already
    return at;
  }
  if (at + 2 < n && is_blank(p[at]) && (p[at + 1] == '-' || p[at + 1] == 0x2013) && is_blank(p[at + 2]))
    return at + 3;
  return -1;
}

#define STEP(call)          \
  do {                      \
    int found_ = (call);    \
    if (found_ != HEADER) return found_; \
  } while (0)

// Whether the line p[0:n] starts with a header stamp, as whatsapp._stamp(_BLANKS, ...) matches it.
template <typename C>
int match_header(const C *p, Py_ssize_t n, Stamp &s) {
  Py_ssize_t at = 0;
  while (at < n && (is_blank(p[at]) || is_mark(p[at]))) ++at;
  bool bracket = at < n && p[at] == '[';
  if (bracket) ++at;
  STEP(number(p, n, at, 1, 4, s.v1, s.d1s));
  s.d1e = at;
  if (at >= n || !(p[at] == '.' || p[at] == '/' || p[at] == '-')) return NOT_HEADER;
  ++at;
  if (at < n && is_blank(p[at])) ++at;
  STEP(number(p, n, at, 1, 2, s.v2, s.d2s));
  s.d2e = at;
  if (at >= n || !(p[at] == '.' || p[at] == '/' || p[at] == '-')) return NOT_HEADER;
  ++at;
  if (at < n && is_blank(p[at])) ++at;
  STEP(number(p, n, at, 1, 4, s.v3, s.d3s));
  s.d3e = at;
  if (at < n && p[at] == ',') ++at;
  if (at >= n || !is_blank(p[at])) return NOT_HEADER;
  while (at < n && is_blank(p[at])) ++at;
  STEP(number(p, n, at, 1, 2, s.hour, s.hs));
  s.he = at;
  if (at >= n || !(p[at] == '.' || p[at] == ':')) return NOT_HEADER;
  ++at;
  Py_ssize_t ignored;
  STEP(number(p, n, at, 2, 2, s.minute, ignored));
  s.second = -1;
  if (at < n && (p[at] == '.' || p[at] == ':')) {
    // seconds, or no header at all: without them a "." or ":" starts neither AM/PM nor the stamp's end
    ++at;
    STEP(number(p, n, at, 2, 2, s.second, ignored));
  }
  s.ampm = 0;
  s.as = s.ae = at;
  Py_ssize_t mark = at;
  while (mark < n && (is_blank(p[mark]) || p[mark] == '_')) ++mark;  // [blank_\u202f\u00a0]*
  if (mark < n && (p[mark] == 'A' || p[mark] == 'a' || p[mark] == 'P' || p[mark] == 'p')) {
    Py_ssize_t from = mark;
    int kind = (p[mark] == 'P' || p[mark] == 'p') ? 2 : 1;
    ++mark;
    if (mark < n && p[mark] == '.') ++mark;
    if (mark < n && is_blank(p[mark])) ++mark;
    if (mark < n && (p[mark] == 'M' || p[mark] == 'm')) {
      ++mark;
      if (mark < n && p[mark] == '.') ++mark;
      Py_ssize_t rest = stamp_end(p, n, mark, bracket);
      if (rest >= 0) {
        s.ampm = kind;
        s.as = from;
        s.ae = mark;
        s.rest = rest;
        return HEADER;
      }
    }
  }
  Py_ssize_t rest = stamp_end(p, n, at, bracket);
  if (rest < 0) return NOT_HEADER;
  s.rest = rest;
  return HEADER;
}

#undef STEP

// The text of a usual message: true when nothing in it makes the Python reader look further
// (whatsapp._message's tests: mentions, links, media and deletion wording, iOS placeholders and
// system lines, the encryption notice). False sends the record to the Python reader's _record.
template <typename C>
bool plain_text(const C *p, Py_ssize_t start, Py_ssize_t end) {
  auto has = [&](Py_ssize_t at, const char *word) {
    for (Py_ssize_t k = 0; word[k]; ++k)
      if (at + k >= end || p[at + k] != static_cast<unsigned char>(word[k])) return false;
    return true;
  };
  for (Py_ssize_t at = start; at < end; ++at) {
    Py_UCS4 c = p[at];
    switch (c) {
      case '@':
      case 0x200e:  // an iOS placeholder or system line, or an Android deletion notice
      case 0x7aef:  // 端: 端到端加密
        return false;
      case ':':
        if (has(at, "://")) return false;
        break;
      case 'w':
      case 'W':
        if (at + 3 < end && (p[at + 1] == 'w' || p[at + 1] == 'W') && (p[at + 2] == 'w' || p[at + 2] == 'W') &&
            p[at + 3] == '.')
          return false;
        break;
      case 'o':
        if (has(at, "omitted")) return false;
        break;
      case 'O':
        if (has(at, "OMITTED")) return false;
        break;
      case 'a':
        if (has(at, "attached")) return false;
        break;
      case 'n':
        if (has(at, "nd-to-end encrypt")) return false;  // [Ee]nd-to-end encrypt
        break;
      case 'E':
        if (has(at, "Ende-zu-Ende")) return false;
        break;
      case 'd':
        if (has(at, "de extremo a extremo") || has(at, "de ponta a ponta")) return false;
        break;
      case 'b':
        if (has(at, "bout en bout")) return false;
        break;
      default:
        break;
    }
  }
  return true;
}

PyObject *line_number(long long number) {
  char digits[24];
  int size = snprintf(digits, sizeof digits, "%lld", number);
  return PyUnicode_FromStringAndSize(digits, size);
}

// A Message of a usual text: the five leading fields (borrowed), the rest from `tail`, as the dataclass's
// __init__ sets them; a new reference.
PyObject *usual_message(Scanner *self, PyObject *const *values) {
  if (self->fields == 0) return PyObject_Vectorcall(self->message_type, values, 5, nullptr);
  PyTypeObject *type = reinterpret_cast<PyTypeObject *>(self->message_type);
  PyObject *made = type->tp_alloc(type, 0);
  if (made == nullptr) return nullptr;
  char *base = reinterpret_cast<char *>(made);
  for (Py_ssize_t at = 0; at < self->fields; ++at) {
    PyObject *value = at < 5 ? values[at] : PyTuple_GET_ITEM(self->tail, at - 5);
    Py_INCREF(value);
    *reinterpret_cast<PyObject **>(base + self->offsets[at]) = value;
  }
  return made;
}

// Append a record (a Message) or the records of a list to `out`; steals `made`.
int add(PyObject *out, PyObject *made) {
  if (made == nullptr) return -1;
  int failed;
  if (PyList_CheckExact(made)) {  // the events of a system line
    failed = PyList_SetSlice(out, PyList_GET_SIZE(out), PyList_GET_SIZE(out), made);
  } else {
    failed = PyList_Append(out, made);
  }
  Py_DECREF(made);
  return failed;
}

// The name of an author field: the reader's names dict, filled by whatsapp._name (borrowed), or nullptr.
PyObject *name_for(Scanner *self, PyObject *author) {
  PyObject *name = PyDict_GetItemWithError(self->names, author);
  if (name != nullptr || PyErr_Occurred()) return name;
  name = PyObject_CallOneArg(self->name_of, author);
  if (name == nullptr) return nullptr;
  int failed = PyDict_SetItem(self->names, author, name);
  Py_DECREF(name);
  return failed ? nullptr : name;  // the dict holds it
}

template <typename C>
uint64_t hash_units(const C *p, Py_ssize_t start, Py_ssize_t end) {
  uint64_t hash = 14695981039346656037ull;  // FNV-1a over the characters, whatever the string's width
  for (Py_ssize_t at = start; at < end; ++at) hash = (hash ^ static_cast<uint64_t>(p[at])) * 1099511628211ull;
  return hash;
}

template <typename C>
bool same_units(PyObject *text, const C *p, Py_ssize_t start, Py_ssize_t end) {
  if (PyUnicode_GET_LENGTH(text) != end - start) return false;
  const int kind = PyUnicode_KIND(text);
  const void *data = PyUnicode_DATA(text);
  for (Py_ssize_t at = 0; at < end - start; ++at)
    if (PyUnicode_READ(kind, data, at) != static_cast<Py_UCS4>(p[start + at])) return false;
  return true;
}

void forget_names(Scanner *self) {
  for (auto &entry : *self->known) {
    Py_DECREF(entry.second.author);
    Py_DECREF(entry.second.name);
  }
  self->known->clear();
}

// The name of the author field text[start:end] (borrowed: the names dict and the cache hold it), or nullptr.
template <typename C>
PyObject *name_at(Scanner *self, PyObject *text, const C *p, Py_ssize_t start, Py_ssize_t end) {
  uint64_t hash = hash_units(p, start, end);
  auto found = self->known->find(hash);
  if (found != self->known->end() && same_units(found->second.author, p, start, end)) return found->second.name;
  PyObject *author = PyUnicode_Substring(text, start, end);
  if (author == nullptr) return nullptr;
  PyObject *name = name_for(self, author);
  if (name != nullptr && found == self->known->end()) {
    if (self->known->size() >= NAME_CACHE) forget_names(self);
    Py_INCREF(author);
    Py_INCREF(name);
    self->known->emplace(hash, Known{author, name});
  }
  Py_DECREF(author);
  return name;
}

// Build the record of a pending header whose whole text is text[start:end] (a str), as
// whatsapp._record does, into `out`.
template <typename C>
int emit_text(Scanner *self, PyObject *text, Py_ssize_t start, Py_ssize_t end, PyObject *out) {
  const C *p = reinterpret_cast<const C *>(PyUnicode_DATA(text));
  Py_ssize_t stop = end;
  while (stop > start && p[stop - 1] == '\n') --stop;  // rest.rstrip("\n")
  Py_ssize_t line_end = start;
  while (line_end < stop && p[line_end] != '\n') ++line_end;
  Py_ssize_t split = -1;
  for (Py_ssize_t at = start; at + 1 < line_end; ++at) {
    if (p[at] == ':' && p[at + 1] == ' ') {
      split = at;
      break;
    }
  }
  if (split > start && plain_text(p, split + 2, stop)) {
    PyObject *name = name_at(self, text, p, start, split);
    if (name == nullptr) return -1;
    if (name != self->system) {
      Py_ssize_t from = split + 2;
      while (from < stop && is_mark(p[from])) ++from;  // text.lstrip(_MARKS)
      PyObject *args[5] = {line_number(self->first), self->when, name, name, PyUnicode_Substring(text, from, stop)};
      PyObject *made = nullptr;
      if (args[0] != nullptr && args[4] != nullptr) made = usual_message(self, args);
      Py_XDECREF(args[0]);
      Py_XDECREF(args[4]);
      return add(out, made);
    }
  }
  // anything else is the Python reader's: _record(number, timestamp, rest, names)
  PyObject *rest = PyUnicode_Substring(text, start, end);
  if (rest == nullptr) return -1;
  PyObject *number = PyLong_FromLongLong(self->first);
  if (number == nullptr) {
    Py_DECREF(rest);
    return -1;
  }
  PyObject *made = PyObject_CallFunctionObjArgs(self->record, number, self->when, rest, nullptr);
  Py_DECREF(number);
  Py_DECREF(rest);
  return add(out, made);
}

int emit_span(Scanner *self, PyObject *text, Py_ssize_t start, Py_ssize_t end, PyObject *out) {
  switch (PyUnicode_KIND(text)) {
    case PyUnicode_1BYTE_KIND:
      return emit_text<Py_UCS1>(self, text, start, end, out);
    case PyUnicode_2BYTE_KIND:
      return emit_text<Py_UCS2>(self, text, start, end, out);
    default:
      return emit_text<Py_UCS4>(self, text, start, end, out);
  }
}

// The pending record's text so far as one str: prefix, "\n", the run in `block` (a new reference).
PyObject *pending_text(Scanner *self, PyObject *block) {
  if (!self->run_active) {
    Py_INCREF(self->prefix);
    return self->prefix;
  }
  PyObject *run = PyUnicode_Substring(block, self->run_start, self->run_end);
  if (run == nullptr || self->prefix == nullptr) return run;
  PyObject *joined = PyUnicode_FromFormat("%U\n%U", self->prefix, run);
  Py_DECREF(run);
  return joined;
}

// Keep the pending record's text as a str (before a skipped line, or at the end of a block).
int hold_pending(Scanner *self, PyObject *block) {
  if (self->first == 0 || !self->run_active) return 0;
  PyObject *text = pending_text(self, block);
  if (text == nullptr) return -1;
  Py_XSETREF(self->prefix, text);
  self->run_active = false;
  return 0;
}

// A continuation line [line, end) of the pending record: it extends the current run of lines when it
// follows it, else the run so far is kept as text and a new run starts. Lines before the first header
// belong to no record and are ignored.
int continue_pending(Scanner *self, PyObject *block, Py_ssize_t line, Py_ssize_t end) {
  if (self->first == 0) return 0;
  if (self->run_active && self->run_end + 1 == line) {
    self->run_end = end;
    return 0;
  }
  if (hold_pending(self, block) < 0) return -1;
  self->run_start = line;
  self->run_end = end;
  self->run_active = true;
  return 0;
}

// Build the pending record (if any) into `out` and forget it.
int emit_pending(Scanner *self, PyObject *block, PyObject *out) {
  if (self->first == 0) return 0;
  if (!self->run_active && self->prefix == nullptr) {
    PyErr_SetString(PyExc_RuntimeError, "the pending WhatsApp record has no text");
    return -1;
  }
  int failed;
  if (self->run_active && self->prefix == nullptr) {
    failed = emit_span(self, block, self->run_start, self->run_end, out);
  } else {
    PyObject *text = pending_text(self, block);
    if (text == nullptr) return -1;
    failed = emit_span(self, text, 0, PyUnicode_GET_LENGTH(text), out);
    Py_DECREF(text);
  }
  self->first = 0;
  Py_CLEAR(self->when);
  Py_CLEAR(self->prefix);
  self->run_active = false;
  return failed;
}

// The time of a header (a new reference), Py_None for an impossible date, nullptr on failure.
PyObject *time_of(Scanner *self, PyObject *line, const Stamp &s) {
  uint64_t key = (static_cast<uint64_t>(s.v1) << 34) | (static_cast<uint64_t>(s.v2) << 27) |
                 (static_cast<uint64_t>(s.v3) << 13) | (static_cast<uint64_t>(s.hour) << 6) |
                 (static_cast<uint64_t>(s.d1e - s.d1s == 4) << 2) | static_cast<uint64_t>(s.ampm);
  int into = s.minute * 60 + (s.second < 0 ? 0 : s.second);
  if (s.minute > 59 || s.second > 59) Py_RETURN_NONE;  // what replace(minute=, second=) refuses
  if (self->last_when != nullptr && key == self->last_key && into == self->last_into) {
    Py_INCREF(self->last_when);
    return self->last_when;
  }
  auto found = self->hours->find(key);
  if (found == self->hours->end()) {
    if (self->hours->size() >= HOUR_CACHE) {
      for (auto &entry : *self->hours) Py_DECREF(entry.second.start);
      self->hours->clear();
    }
    PyObject *ampm = s.ampm ? PyUnicode_Substring(line, s.as, s.ae) : (Py_INCREF(Py_None), Py_None);
    PyObject *d1 = PyUnicode_Substring(line, s.d1s, s.d1e), *d2 = PyUnicode_Substring(line, s.d2s, s.d2e),
             *d3 = PyUnicode_Substring(line, s.d3s, s.d3e), *hour = PyUnicode_Substring(line, s.hs, s.he);
    PyObject *start = nullptr;
    if (ampm && d1 && d2 && d3 && hour)
      start = PyObject_CallFunctionObjArgs(self->hour_start, d1, d2, d3, hour, ampm, nullptr);
    Py_XDECREF(ampm);
    Py_XDECREF(d1);
    Py_XDECREF(d2);
    Py_XDECREF(d3);
    Py_XDECREF(hour);
    if (start == nullptr) return nullptr;
    bool naive = false;
    if (start != Py_None) {
      PyObject *zone = PyObject_GetAttrString(start, "tzinfo");
      if (zone == nullptr) {
        Py_DECREF(start);
        return nullptr;
      }
      naive = zone == Py_None;
      Py_DECREF(zone);
    }
    found = self->hours->emplace(key, Hour{start, naive}).first;
  }
  const Hour &hour = found->second;
  if (hour.start == Py_None) Py_RETURN_NONE;
  PyObject *when;
  if (hour.naive) {
    PyObject *seconds = PyLong_FromLong(into);
    if (seconds == nullptr) return nullptr;
    when = PyObject_CallFunctionObjArgs(self->naive_at, hour.start, seconds, nullptr);
    Py_DECREF(seconds);
  } else {
    when = PyNumber_Add(hour.start, PyList_GET_ITEM(self->into_hour, into));
  }
  if (when == nullptr) return nullptr;
  Py_XSETREF(self->last_when, when);
  Py_INCREF(when);
  self->last_key = key;
  self->last_into = into;
  return when;
}

// A header line at block[line:line_end] with time `when` (stolen) and rest from `rest`: the pending
// record is built and this one becomes pending.
int new_header(Scanner *self, PyObject *block, long long number, PyObject *when, Py_ssize_t rest, Py_ssize_t line_end,
               PyObject *rest_text, PyObject *out) {
  if (emit_pending(self, block, out) < 0) {
    Py_DECREF(when);
    Py_XDECREF(rest_text);
    return -1;
  }
  self->first = number;
  self->when = when;
  if (rest_text != nullptr) {  // the Python pattern's rest
    self->prefix = rest_text;
    self->run_active = false;
  } else {
    self->run_start = rest;
    self->run_end = line_end;
    self->run_active = true;
  }
  return 0;
}

template <typename C>
int scan_block(Scanner *self, long long number, PyObject *block, PyObject *out) {
  const C *p = reinterpret_cast<const C *>(PyUnicode_DATA(block));
  const Py_ssize_t n = PyUnicode_GET_LENGTH(block);
  Py_ssize_t at = 0;  // at a "\n": a line starts after it
  while (at < n) {
    Py_ssize_t line = at + 1, end = line;
    while (end < n && p[end] != '\n') ++end;
    at = end;
    Stamp stamp;
    Py_UCS4 head = line < end ? static_cast<Py_UCS4>(p[line]) : 0;
    int found = NOT_HEADER;
    // a header starts with a digit, "[", a mark or a blank; most other lines are told by their first character
    if (is_digit(head) || head == '[' || is_blank(head) || is_mark(head) || (head >= 0x80 && Py_UNICODE_ISDECIMAL(head)))
      found = match_header(p + line, end - line, stamp);
    if (found == NOT_HEADER) {  // a continuation line
      if (continue_pending(self, block, line, end) < 0) return -1;
      ++number;
      continue;
    }
    if (found == UNSURE) {
      PyObject *text = PyUnicode_Substring(block, line, end);
      if (text == nullptr) return -1;
      PyObject *answer = PyObject_CallOneArg(self->unsure, text);
      Py_DECREF(text);
      if (answer == nullptr) return -1;
      if (answer == Py_None) {  // not a header after all: a continuation line
        Py_DECREF(answer);
        if (continue_pending(self, block, line, end) < 0) return -1;
        ++number;
        continue;
      }
      PyObject *when = PyTuple_GET_ITEM(answer, 0), *rest_text = PyTuple_GET_ITEM(answer, 1);
      Py_INCREF(when);
      Py_INCREF(rest_text);
      Py_DECREF(answer);
      if (when == Py_None) {
        Py_DECREF(when);
        Py_DECREF(rest_text);
        goto bad;
      }
      if (new_header(self, block, number, when, 0, 0, rest_text, out) < 0) return -1;
      ++number;
      continue;
    }
    {
      PyObject *when = time_of(self, block, Stamp{stamp.d1s + line, stamp.d1e + line, stamp.d2s + line,
                                                  stamp.d2e + line, stamp.d3s + line, stamp.d3e + line,
                                                  stamp.hs + line, stamp.he + line, stamp.as + line, stamp.ae + line,
                                                  stamp.v1, stamp.v2, stamp.v3, stamp.hour, stamp.minute,
                                                  stamp.second, stamp.ampm, stamp.rest + line});
      if (when == nullptr) return -1;
      if (when != Py_None) {
        if (new_header(self, block, number, when, stamp.rest + line, end, nullptr, out) < 0) return -1;
        ++number;
        continue;
      }
      Py_DECREF(when);
    }
  bad : {
    // an impossible date: the Python reader's error (or --lenient skip) for this line, which is no
    // part of any record; the continuation lines after it still join the pending record
    if (hold_pending(self, block) < 0) return -1;
    Py_ssize_t cut = line;
    for (int taken = 0; cut < end && taken < 40; ++taken) ++cut;  // (stamp + line_rest)[:40]
    PyObject *value = PyUnicode_Substring(block, line, cut);
    if (value == nullptr) return -1;
    PyObject *where = PyLong_FromLongLong(number);
    if (where == nullptr) {
      Py_DECREF(value);
      return -1;
    }
    PyObject *said = PyObject_CallFunctionObjArgs(self->bad_date, where, value, nullptr);
    Py_DECREF(where);
    Py_DECREF(value);
    if (said == nullptr) return -1;
    Py_DECREF(said);
    ++number;
  }
  }
  return hold_pending(self, block);
}

// The dates of the headers in `block`, a run of headers of the same date as one (text, d1, d2, d3, times)
// appended to `out`: what whatsapp.detect_date_order weighs, with one Python step per run.
template <typename C>
int date_runs(PyObject *block, PyObject *unsure, PyObject *out) {
  const C *p = reinterpret_cast<const C *>(PyUnicode_DATA(block));
  const Py_ssize_t n = PyUnicode_GET_LENGTH(block);
  PyObject *run = nullptr;  // [text, d1, d2, d3] of the current run
  long long times = 0;
  auto close = [&]() -> int {
    if (run == nullptr) return 0;
    PyObject *count = PyLong_FromLongLong(times);
    PyObject *entry = count ? PyTuple_Pack(5, PyTuple_GET_ITEM(run, 0), PyTuple_GET_ITEM(run, 1),
                                           PyTuple_GET_ITEM(run, 2), PyTuple_GET_ITEM(run, 3), count)
                            : nullptr;
    Py_XDECREF(count);
    Py_CLEAR(run);
    if (entry == nullptr) return -1;
    int failed = PyList_Append(out, entry);
    Py_DECREF(entry);
    return failed;
  };
  Py_ssize_t at = 0;
  while (at < n) {
    Py_ssize_t line = at + 1, end = line;
    while (end < n && p[end] != '\n') ++end;
    at = end;
    Py_UCS4 head = line < end ? static_cast<Py_UCS4>(p[line]) : 0;
    if (!(is_digit(head) || head == '[' || is_blank(head) || is_mark(head) ||
          (head >= 0x80 && Py_UNICODE_ISDECIMAL(head))))
      continue;
    Stamp stamp;
    int found = match_header(p + line, end - line, stamp);
    if (found == NOT_HEADER) continue;
    if (found == HEADER && run != nullptr &&
        same_units(PyTuple_GET_ITEM(run, 0), p, line + stamp.d1s, line + stamp.d3e)) {
      ++times;
      continue;
    }
    PyObject *entry;
    if (found == UNSURE) {
      PyObject *text = PyUnicode_Substring(block, line, end);
      if (text == nullptr) goto failed;
      entry = PyObject_CallOneArg(unsure, text);
      Py_DECREF(text);
      if (entry == nullptr) goto failed;
      if (entry == Py_None) {
        Py_DECREF(entry);
        continue;
      }
      if (!PyTuple_Check(entry) || PyTuple_GET_SIZE(entry) != 4) {
        Py_DECREF(entry);
        PyErr_SetString(PyExc_TypeError, "unsure must give (text, d1, d2, d3) or None");
        goto failed;
      }
      if (run != nullptr && PyUnicode_Compare(PyTuple_GET_ITEM(run, 0), PyTuple_GET_ITEM(entry, 0)) == 0) {
        Py_DECREF(entry);
        ++times;
        continue;
      }
      if (PyErr_Occurred()) {
        Py_DECREF(entry);
        goto failed;
      }
    } else {
      entry = Py_BuildValue("(NNNN)", PyUnicode_Substring(block, line + stamp.d1s, line + stamp.d3e),
                            PyUnicode_Substring(block, line + stamp.d1s, line + stamp.d1e),
                            PyUnicode_Substring(block, line + stamp.d2s, line + stamp.d2e),
                            PyUnicode_Substring(block, line + stamp.d3s, line + stamp.d3e));
      if (entry == nullptr) goto failed;
    }
    if (close() < 0) {
      Py_DECREF(entry);
      goto failed;
    }
    run = entry;
    times = 1;
  }
  return close();
failed:
  Py_XDECREF(run);
  return -1;
}

// dates(block, unsure) -> [(text, d1, d2, d3, times)]: the runs of header dates in `block`.
PyObject *whatsapp_dates(PyObject *, PyObject *const *args, Py_ssize_t nargs) {
  if (nargs != 2 || !PyUnicode_Check(args[0])) {
    PyErr_SetString(PyExc_TypeError, "dates(block: str, unsure)");
    return nullptr;
  }
  PyObject *block = args[0];
  if (PyUnicode_READY(block) < 0) return nullptr;
  PyObject *out = PyList_New(0);
  if (out == nullptr) return nullptr;
  int failed;
  switch (PyUnicode_KIND(block)) {
    case PyUnicode_1BYTE_KIND:
      failed = date_runs<Py_UCS1>(block, args[1], out);
      break;
    case PyUnicode_2BYTE_KIND:
      failed = date_runs<Py_UCS2>(block, args[1], out);
      break;
    default:
      failed = date_runs<Py_UCS4>(block, args[1], out);
      break;
  }
  if (failed) {
    Py_DECREF(out);
    return nullptr;
  }
  return out;
}

// block(number, block, out): the records the lines of `block` complete, appended to `out`.
PyObject *scanner_block(Scanner *self, PyObject *const *args, Py_ssize_t nargs) {
  if (nargs != 3 || !PyLong_Check(args[0]) || !PyUnicode_Check(args[1]) || !PyList_Check(args[2])) {
    PyErr_SetString(PyExc_TypeError, "block(number: int, block: str, out: list)");
    return nullptr;
  }
  long long number = PyLong_AsLongLong(args[0]);
  if (number == -1 && PyErr_Occurred()) return nullptr;
  PyObject *block = args[1];
  if (PyUnicode_READY(block) < 0) return nullptr;
  int failed;
  switch (PyUnicode_KIND(block)) {
    case PyUnicode_1BYTE_KIND:
      failed = scan_block<Py_UCS1>(self, number, block, args[2]);
      break;
    case PyUnicode_2BYTE_KIND:
      failed = scan_block<Py_UCS2>(self, number, block, args[2]);
      break;
    default:
      failed = scan_block<Py_UCS4>(self, number, block, args[2]);
      break;
  }
  if (failed) {  // the caller raises: nothing reads on, the pending record is dropped
    self->first = 0;
    self->run_active = false;
    Py_CLEAR(self->when);
    Py_CLEAR(self->prefix);
    return nullptr;
  }
  Py_RETURN_NONE;
}

// finish(out): the last record, once the file has ended.
PyObject *scanner_finish(Scanner *self, PyObject *out) {
  if (!PyList_Check(out)) {
    PyErr_SetString(PyExc_TypeError, "finish(out: list)");
    return nullptr;
  }
  if (emit_pending(self, nullptr, out) < 0) return nullptr;
  Py_RETURN_NONE;
}

// Where each field of Message (``fields``: their names in order) sits, when each is a plain slot of a
// type whose objects are made by tp_alloc alone (a slots dataclass without __post_init__, which the
// glue checks): then a usual message is filled in place, and the fields after the fifth take the
// values of ``sample`` (a Message built with the defaults). Else the scanner calls Message.
int fill_offsets(Scanner *self, PyObject *fields, PyObject *sample) {
  Py_ssize_t count = PyTuple_GET_SIZE(fields);
  if (!PyType_Check(self->message_type) || Py_TYPE(sample) != reinterpret_cast<PyTypeObject *>(self->message_type) ||
      count < 5 || count > 16)
    return 0;
  PyTypeObject *type = reinterpret_cast<PyTypeObject *>(self->message_type);
  Py_ssize_t offsets[16];
  for (Py_ssize_t at = 0; at < count; ++at) {
    PyObject *descriptor = PyDict_GetItemWithError(type->tp_dict, PyTuple_GET_ITEM(fields, at));
    if (descriptor == nullptr) {
      if (PyErr_Occurred()) return -1;
      return 0;
    }
    if (!Py_IS_TYPE(descriptor, &PyMemberDescr_Type)) return 0;
    PyMemberDef *member = reinterpret_cast<PyMemberDescrObject *>(descriptor)->d_member;
    if (member->type != T_OBJECT_EX || (member->flags & READONLY)) return 0;
    offsets[at] = member->offset;
  }
  PyObject *tail = PyTuple_New(count - 5);
  if (tail == nullptr) return -1;
  for (Py_ssize_t at = 5; at < count; ++at) {
    PyObject *value = *reinterpret_cast<PyObject **>(reinterpret_cast<char *>(sample) + offsets[at]);
    if (value == nullptr) {
      Py_DECREF(tail);
      return 0;
    }
    Py_INCREF(value);
    PyTuple_SET_ITEM(tail, at - 5, value);
  }
  Py_XSETREF(self->tail, tail);
  for (Py_ssize_t at = 0; at < count; ++at) self->offsets[at] = offsets[at];
  self->fields = count;
  return 0;
}

int scanner_init(Scanner *self, PyObject *args, PyObject *kwargs) {
  static const char *keywords[] = {"message_type", "system", "names",     "name_of", "record",
                                   "hour_start",   "naive_at", "bad_date", "unsure", "into_hour",
                                   "fields",       "template", nullptr};
  PyObject *values[10];
  PyObject *fields = nullptr, *sample = nullptr;
  if (!PyArg_ParseTupleAndKeywords(args, kwargs, "OOO!OOOOOOO!|O!O", const_cast<char **>(keywords), &values[0],
                                   &values[1], &PyDict_Type, &values[2], &values[3], &values[4], &values[5],
                                   &values[6], &values[7], &values[8], &PyList_Type, &values[9], &PyTuple_Type,
                                   &fields, &sample))
    return -1;
  if (PyList_GET_SIZE(values[9]) != 3600) {
    PyErr_SetString(PyExc_ValueError, "into_hour must hold 3600 timedeltas");
    return -1;
  }
  PyObject **slots[10] = {&self->message_type, &self->system,   &self->names,  &self->name_of,   &self->record,
                          &self->hour_start,   &self->naive_at, &self->bad_date, &self->unsure, &self->into_hour};
  for (int at = 0; at < 10; ++at) {
    Py_INCREF(values[at]);
    Py_XSETREF(*slots[at], values[at]);
  }
  self->fields = 0;
  if (fields != nullptr && sample != nullptr) return fill_offsets(self, fields, sample);
  return 0;
}

PyObject *scanner_new(PyTypeObject *type, PyObject *, PyObject *) {
  Scanner *self = reinterpret_cast<Scanner *>(type->tp_alloc(type, 0));
  if (self == nullptr) return nullptr;
  self->hours = new (std::nothrow) std::unordered_map<uint64_t, Hour>();
  self->known = new (std::nothrow) std::unordered_map<uint64_t, Known>();
  if (self->hours == nullptr || self->known == nullptr) {
    Py_DECREF(self);
    return PyErr_NoMemory();
  }
  return reinterpret_cast<PyObject *>(self);
}

void scanner_dealloc(Scanner *self) {
  if (self->hours != nullptr) {
    for (auto &entry : *self->hours) Py_DECREF(entry.second.start);
    delete self->hours;
  }
  if (self->known != nullptr) {
    forget_names(self);
    delete self->known;
  }
  Py_XDECREF(self->message_type);
  Py_XDECREF(self->system);
  Py_XDECREF(self->names);
  Py_XDECREF(self->name_of);
  Py_XDECREF(self->record);
  Py_XDECREF(self->hour_start);
  Py_XDECREF(self->naive_at);
  Py_XDECREF(self->bad_date);
  Py_XDECREF(self->unsure);
  Py_XDECREF(self->into_hour);
  Py_XDECREF(self->tail);
  Py_XDECREF(self->when);
  Py_XDECREF(self->prefix);
  Py_XDECREF(self->last_when);
  Py_TYPE(self)->tp_free(reinterpret_cast<PyObject *>(self));
}

PyMethodDef scanner_methods[] = {
    {"block", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)(void)>(scanner_block)), METH_FASTCALL,
     "block(number, block, out): append the records the lines of block complete to out."},
    {"finish", reinterpret_cast<PyCFunction>(scanner_finish), METH_O,
     "finish(out): append the last record once the file has ended."},
    {nullptr, nullptr, 0, nullptr},
};

PyTypeObject ScannerType = {PyVarObject_HEAD_INIT(nullptr, 0)};

PyMethodDef functions[] = {
    {"whatsapp_dates", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)(void)>(whatsapp_dates)), METH_FASTCALL,
     "whatsapp_dates(block, unsure) -> [(text, d1, d2, d3, times)]: the runs of header dates in a block of lines."},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

// Adds WhatsAppScanner and whatsapp_dates to the module (module.cpp); -1 with an exception set on failure.
int add_whatsapp_scanner(PyObject *module) {
  ScannerType.tp_name = "sqtool._native._core.WhatsAppScanner";
  ScannerType.tp_basicsize = sizeof(Scanner);
  ScannerType.tp_flags = Py_TPFLAGS_DEFAULT;
  ScannerType.tp_doc = "The lines of a WhatsApp text export, a block of decoded lines at a time.";
  ScannerType.tp_new = scanner_new;
  ScannerType.tp_init = reinterpret_cast<initproc>(scanner_init);
  ScannerType.tp_dealloc = reinterpret_cast<destructor>(scanner_dealloc);
  ScannerType.tp_methods = scanner_methods;
  if (PyType_Ready(&ScannerType) < 0 || PyModule_AddFunctions(module, functions) < 0) return -1;
  Py_INCREF(&ScannerType);
  if (PyModule_AddObject(module, "WhatsAppScanner", reinterpret_cast<PyObject *>(&ScannerType)) < 0) {
    Py_DECREF(&ScannerType);
    return -1;
  }
  return 0;
}
