// The native reader of Telegram Desktop JSON exports (issue 22).
//
// The contract is the pure-Python reader's (sqtool.chat.readers.telegram): this reader only takes
// the usual message (whole epoch seconds, a named sender, a plain string text, no media) and builds
// the very same Message the Python reader builds; every other item goes back to Python as its raw
// bytes, and anything it is not sure of stops it, so that Python reads the rest of the file (and
// says every error, with its line). It therefore never has to repeat an error message. The
// splitting, the chunks, the limits and the stop are jsonitems.h's, shared with discord.cpp.
//
// Given a run type (run_type=, sqtool.chat.model.MessageRun), it builds no Message at all: each
// usual message dated between low and high (POSIX seconds: years the read pipeline accepts in any
// offset) goes into the columns of the current run (id, seconds as a float, sender key, name,
// text, kind, reply id), and the run goes into the feed's list, as one item, before any other item
// and at the end of each feed. The Python side makes each message's time from its seconds, as it
// would have (MessageRun.when).

#include <cstdint>
#include <cstring>
#include <new>
#include <string>
#include <string_view>
#include <unordered_map>

#include "jsonitems.h"

namespace {

using namespace sqtool_native;

constexpr int kColumns = 7;  // id, seconds, sender key, name, text, kind, reply id

struct Reader {
  PyObject_HEAD
  PyObject *message_type;  // sqtool.chat.model.Message
  PyObject *text_kind;     // MessageKind.TEXT
  PyObject *usual_kind;    // kind of a text that may hold a link: the Python reader's own test
  PyObject *hour_start;    // the start of a UTC hour in the zone, or None
  PyObject *seconds;       // a list of 3600 timedeltas
  std::unordered_map<int64_t, PyObject *> *hours;  // UTC hour -> start (a new reference, or Py_None)
  Splitter *split;
  PyObject *run_type;                      // MessageRun (bound to its time maker), or nullptr: Messages
  PyObject *columns[kColumns];             // the current run's columns (lists), when run_type is set
  long long low, high;                     // the seconds a run takes
};

// An id as the Python reader writes it: str(value) of a string or an integer ("" for null or absent).
// Returns nullptr with no exception set when the value is of another kind (Python reads that item).
PyObject *id_text(const simdjson::dom::element *value, bool absent_is_none) {
  if (value == nullptr || value->is_null()) {
    if (absent_is_none) Py_RETURN_NONE;
    return PyUnicode_FromStringAndSize("", 0);
  }
  if (value->is_string()) return decode(std::string_view(value->get_string().value_unsafe()));
  if (value->is_int64()) {
    char buffer[24];
    std::string_view digits = int_text(value->get_int64().value_unsafe(), buffer);
    return PyUnicode_FromStringAndSize(digits.data(), static_cast<Py_ssize_t>(digits.size()));
  }
  return nullptr;
}

// The start of a UTC hour in the zone (a borrowed reference), or Py_None when the Python reader
// leaves that hour to from_epoch; nullptr with an exception on failure.
PyObject *start_of(Reader *self, int64_t hour) {
  auto found = self->hours->find(hour);
  if (found != self->hours->end()) return found->second;
  PyObject *start = PyObject_CallFunction(self->hour_start, "L", static_cast<long long>(hour));
  if (start == nullptr) return nullptr;
  (*self->hours)[hour] = start;
  return start;
}

// The kind of a usual message's text, a new reference (nullptr with an exception set on failure).
PyObject *kind_of(Reader *self, std::string_view body, PyObject *text) {
  // is_link's first test needs "://" or a dot: a text with neither is plain text, any other is
  // left to the Python reader's own test
  if (body.find('.') == std::string_view::npos && body.find("://") == std::string_view::npos) {
    Py_INCREF(self->text_kind);
    return self->text_kind;
  }
  return PyObject_CallOneArg(self->usual_kind, text);
}

// Appends a usual message to the current run's columns: Py_Ellipsis (kept), Py_None (Python reads
// the item), or nullptr with an exception set. On failure the columns may be uneven: the feed fails.
PyObject *run_message(Reader *self, int64_t seconds, const element *id, std::string_view name_text,
                      const element *sender_id, const element *text, const element *reply) {
  PyObject *values[kColumns] = {nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr};
  std::string_view body = text != nullptr ? std::string_view(text->get_string().value_unsafe()) : std::string_view();
  std::string_view key = sender_id->get_string().value_unsafe();
  PyObject *result = nullptr;
  values[0] = id_text(id, false);
  if (values[0] == nullptr) goto done;
  values[1] = PyFloat_FromDouble(static_cast<double>(seconds));
  if (values[1] == nullptr) goto done;
  values[3] = decode(name_text);
  if (values[3] == nullptr) goto done;
  if (key.empty()) {
    Py_INCREF(values[3]);
    values[2] = values[3];
  } else {
    values[2] = decode(key);
    if (values[2] == nullptr) goto done;
  }
  values[4] = decode(body);
  if (values[4] == nullptr) goto done;
  values[5] = kind_of(self, body, values[4]);
  if (values[5] == nullptr) goto done;
  values[6] = id_text(reply, true);
  if (values[6] == nullptr) goto done;
  for (int at = 0; at < kColumns; ++at)
    if (PyList_Append(self->columns[at], values[at]) < 0) goto done;
  result = Py_Ellipsis;
  Py_INCREF(result);
done:
  if (result == nullptr && !PyErr_Occurred()) {  // id_text: a value of another kind
    result = Py_None;
    Py_INCREF(result);
  }
  for (PyObject *value : values) Py_XDECREF(value);
  return result;
}

// Empties the current run's columns (at the start of each feed: a failed feed may leave some).
int clear_run(Reader *self) {
  for (PyObject *column : self->columns)
    if (column != nullptr && PyList_SetSlice(column, 0, PyList_GET_SIZE(column), nullptr) < 0) return -1;
  return 0;
}

// Appends the current run, when it holds a message, to `out` as one MessageRun; 0, or -1 with an exception set.
int flush_run(void *reader, PyObject *out) {
  Reader *self = static_cast<Reader *>(reader);
  if (self->run_type == nullptr || PyList_GET_SIZE(self->columns[0]) == 0) return 0;
  PyObject *run = PyObject_Vectorcall(self->run_type, self->columns, kColumns, nullptr);
  if (run == nullptr) return -1;
  int failed = PyList_Append(out, run);
  Py_DECREF(run);
  if (failed) return -1;
  for (PyObject *&column : self->columns) {  // the run owns its lists now: new ones for the next
    PyObject *fresh = PyList_New(0);
    if (fresh == nullptr) return -1;
    Py_SETREF(column, fresh);
  }
  return 0;
}

// The Message of a usual item, a new reference; Py_None (new reference) when the item is not a
// usual message; nullptr with an exception set on failure.
PyObject *usual_message(void *reader, element item) {
  Reader *self = static_cast<Reader *>(reader);
  if (!item.is_object()) Py_RETURN_NONE;
  const element *type = nullptr, *id = nullptr, *unixtime = nullptr, *name = nullptr, *sender_id = nullptr,
                *text = nullptr, *reply = nullptr;
  element values[7];
  const element **slots[7] = {&type, &id, &unixtime, &name, &sender_id, &text, &reply};
  static const std::string_view keys[7] = {"type", "id", "date_unixtime", "from", "from_id", "text",
                                           "reply_to_message_id"};
  static const std::string_view media[7] = {"media_type", "photo", "file", "poll", "location_information",
                                            "contact_information", "game_title"};
  simdjson::dom::object fields = item.get_object().value_unsafe();  // a copy: the result is a temporary
  for (simdjson::dom::key_value_pair field : fields) {
    for (const auto &key : media)
      if (field.key == key) Py_RETURN_NONE;  // media: the Python reader decides its kind
    for (int at = 0; at < 7; ++at) {
      if (field.key == keys[at]) {
        if (*slots[at] != nullptr) Py_RETURN_NONE;  // a key twice: Python keeps the last one
        values[at] = field.value;
        *slots[at] = &values[at];
      }
    }
  }
  if (type == nullptr || !type->is_string() || std::string_view(type->get_string().value_unsafe()) != "message")
    Py_RETURN_NONE;
  if (unixtime == nullptr || !unixtime->is_string() || name == nullptr || !name->is_string() ||
      sender_id == nullptr || !sender_id->is_string())
    Py_RETURN_NONE;
  std::string_view name_text = name->get_string().value_unsafe();
  if (name_text.empty()) Py_RETURN_NONE;
  if (text != nullptr && !text->is_string()) Py_RETURN_NONE;  // entities: plain_text and mentions in Python
  if (id != nullptr && !id->is_null() && !id->is_string() && !id->is_int64()) Py_RETURN_NONE;
  if (reply != nullptr && !reply->is_null() && !reply->is_string() && !reply->is_int64()) Py_RETURN_NONE;
  int64_t seconds = 0;
  if (!plain_integer(unixtime->get_string().value_unsafe(), seconds)) Py_RETURN_NONE;
  int64_t hour = floor_div(seconds, 3600);
  PyObject *start = start_of(self, hour);
  if (start == nullptr) return nullptr;
  if (start == Py_None) Py_RETURN_NONE;
  if (self->run_type != nullptr) {
    if (seconds < self->low || seconds > self->high) Py_RETURN_NONE;  // the year check decides, in Python
    return run_message(self, seconds, id, name_text, sender_id, text, reply);
  }
  PyObject *offset = PyList_GetItem(self->seconds, static_cast<Py_ssize_t>(seconds - hour * 3600));
  if (offset == nullptr) return nullptr;
  PyObject *timestamp = PyNumber_Add(start, offset);
  if (timestamp == nullptr) {
    if (PyErr_ExceptionMatches(PyExc_OverflowError) || PyErr_ExceptionMatches(PyExc_ValueError)) {
      PyErr_Clear();
      Py_RETURN_NONE;
    }
    return nullptr;
  }
  PyObject *args[7] = {nullptr, timestamp, nullptr, nullptr, nullptr, nullptr, nullptr};
  PyObject *result = nullptr;
  std::string_view body = text != nullptr ? std::string_view(text->get_string().value_unsafe()) : std::string_view();
  std::string_view key = sender_id->get_string().value_unsafe();
  args[0] = id_text(id, false);
  if (args[0] == nullptr) goto done;
  args[3] = decode(name_text);
  if (args[3] == nullptr) goto done;
  if (key.empty()) {
    Py_INCREF(args[3]);
    args[2] = args[3];
  } else {
    args[2] = decode(key);
    if (args[2] == nullptr) goto done;
  }
  args[4] = decode(body);
  if (args[4] == nullptr) goto done;
  args[5] = kind_of(self, body, args[4]);
  if (args[5] == nullptr) goto done;
  args[6] = id_text(reply, true);
  if (args[6] == nullptr) goto done;
  result = PyObject_Vectorcall(self->message_type, args, 7, nullptr);
done:
  if (result == nullptr && !PyErr_Occurred()) {
    result = Py_None;
    Py_INCREF(result);
  }
  for (PyObject *arg : args) Py_XDECREF(arg);
  return result;
}

// feed(chunk) -> (items, status, rest): see jsonitems.h
PyObject *reader_feed(Reader *self, PyObject *arg) {
  if (self->message_type == nullptr) {
    PyErr_SetString(PyExc_RuntimeError, "TelegramReader.__init__ was not called");
    return nullptr;
  }
  if (self->run_type == nullptr) return self->split->feed(arg, usual_message, self);
  if (clear_run(self) < 0) return nullptr;
  PyObject *result = self->split->feed(arg, usual_message, self, flush_run);
  if (result == nullptr) return nullptr;
  if (flush_run(self, PyTuple_GET_ITEM(result, 0)) < 0) {  // the run the chunk ends with
    Py_DECREF(result);
    return nullptr;
  }
  return result;
}

int reader_init(Reader *self, PyObject *args, PyObject *kwargs) {
  static const char *names[] = {"message_type", "text_kind",  "usual_kind", "hour_start", "seconds", "max_item",
                                "depth",        "string_bytes", "int_digits", "run_type",   "low",     "high",
                                nullptr};
  PyObject *message_type, *text_kind, *usual_kind, *hour_start, *seconds, *run_type = Py_None;
  Py_ssize_t max_item;
  int depth_limit = 0, digit_limit = 0;
  long long string_limit = 0, low = 0, high = -1;
  if (!PyArg_ParseTupleAndKeywords(args, kwargs, "OOOOO!n|iLiOLL", const_cast<char **>(names), &message_type,
                                   &text_kind, &usual_kind, &hour_start, &PyList_Type, &seconds, &max_item,
                                   &depth_limit, &string_limit, &digit_limit, &run_type, &low, &high))
    return -1;
  if (run_type != Py_None) {
    for (PyObject *&column : self->columns) {
      if (column != nullptr) continue;
      column = PyList_New(0);
      if (column == nullptr) return -1;
    }
    Py_INCREF(run_type);
    Py_XSETREF(self->run_type, run_type);
  } else {
    Py_CLEAR(self->run_type);
  }
  self->low = low;
  self->high = high;
  if (PyList_GET_SIZE(seconds) != 3600) {
    PyErr_SetString(PyExc_ValueError, "seconds must hold 3600 timedeltas");
    return -1;
  }
  Py_INCREF(message_type);
  Py_INCREF(text_kind);
  Py_INCREF(usual_kind);
  Py_INCREF(hour_start);
  Py_INCREF(seconds);
  Py_XSETREF(self->message_type, message_type);
  Py_XSETREF(self->text_kind, text_kind);
  Py_XSETREF(self->usual_kind, usual_kind);
  Py_XSETREF(self->hour_start, hour_start);
  Py_XSETREF(self->seconds, seconds);
  self->split->configure(max_item, depth_limit, string_limit, digit_limit);
  return 0;
}

PyObject *reader_new(PyTypeObject *type, PyObject *, PyObject *) {
  Reader *self = reinterpret_cast<Reader *>(type->tp_alloc(type, 0));
  if (self == nullptr) return nullptr;
  self->hours = new (std::nothrow) std::unordered_map<int64_t, PyObject *>();
  self->split = new (std::nothrow) Splitter();
  if (self->hours == nullptr || self->split == nullptr) {
    Py_DECREF(self);
    return PyErr_NoMemory();
  }
  return reinterpret_cast<PyObject *>(self);
}

void reader_dealloc(Reader *self) {
  if (self->hours != nullptr) {
    for (auto &entry : *self->hours) Py_DECREF(entry.second);
    delete self->hours;
  }
  delete self->split;
  Py_XDECREF(self->run_type);
  for (PyObject *column : self->columns) Py_XDECREF(column);
  Py_XDECREF(self->message_type);
  Py_XDECREF(self->text_kind);
  Py_XDECREF(self->usual_kind);
  Py_XDECREF(self->hour_start);
  Py_XDECREF(self->seconds);
  Py_TYPE(self)->tp_free(reinterpret_cast<PyObject *>(self));
}

PyObject *reader_newlines(Reader *self, PyObject *) { return PyLong_FromLongLong(self->split->newlines()); }

PyMethodDef reader_methods[] = {
    {"feed", reinterpret_cast<PyCFunction>(reader_feed), METH_O,
     "feed(chunk) -> (items, status, rest): the items made whole by this chunk."},
    {"newlines", reinterpret_cast<PyCFunction>(reader_newlines), METH_NOARGS,
     "newlines() -> int: the line breaks fed so far, up to the array's end once it closed."},
    {nullptr, nullptr, 0, nullptr},
};

PyTypeObject ReaderType = {PyVarObject_HEAD_INIT(nullptr, 0)};

}  // namespace

// Adds TelegramReader to the module (module.cpp); -1 with an exception set on failure.
int add_telegram_reader(PyObject *module) {
  ReaderType.tp_name = "sqtool._native._core.TelegramReader";
  ReaderType.tp_basicsize = sizeof(Reader);
  ReaderType.tp_flags = Py_TPFLAGS_DEFAULT;
  ReaderType.tp_doc = "Telegram export items, fed a chunk at a time.";
  ReaderType.tp_new = reader_new;
  ReaderType.tp_init = reinterpret_cast<initproc>(reader_init);
  ReaderType.tp_dealloc = reinterpret_cast<destructor>(reader_dealloc);
  ReaderType.tp_methods = reader_methods;
  if (PyType_Ready(&ReaderType) < 0) return -1;
  Py_INCREF(&ReaderType);
  if (PyModule_AddObject(module, "TelegramReader", reinterpret_cast<PyObject *>(&ReaderType)) < 0) {
    Py_DECREF(&ReaderType);
    return -1;
  }
  return 0;
}
