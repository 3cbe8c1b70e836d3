// sqtool._native._core: the native reader of Telegram Desktop JSON exports (issue 22).
//
// The contract is the pure-Python reader's (sqtool.chat.readers.telegram): this module only takes
// the usual message (whole epoch seconds, a named sender, a plain string text, no media) and builds
// the very same Message the Python reader builds; every other item goes back to Python as its raw
// bytes, and anything it is not sure of stops it, so that Python reads the rest of the file (and
// says every error, with its line). It therefore never has to repeat an error message.
//
// Memory stays bounded: bytes are fed a chunk at a time; an item is kept only until it is whole,
// and an item bigger than `max_item` bytes stops the native path. The input limits (nesting, string
// bytes, digits) are watched with a margin: the item that comes near one stops the native path, and
// the Python reader's JsonGuard says the error, with its line.
//
// Each whole item is parsed and fully validated by simdjson's DOM parser. On-Demand would be
// faster but it validates only the values it visits, and the Python readers refuse an item with
// bad JSON anywhere in it; DOM checks every byte, so "the native side accepted it" implies "the
// Python side reads it the same way".

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "simdjson/simdjson.h"

namespace {

enum Status : int { MORE = 0, END = 1, STOP = 2 };

enum Expect : int { FIRST_ITEM_OR_END, ITEM, COMMA_OR_END, IN_ITEM };

constexpr int LONG_DIGITS = 19;  // where an integer may leave the 64-bit range (yajl refuses it)

struct Reader {
  PyObject_HEAD
  PyObject *message_type;  // sqtool.chat.model.Message
  PyObject *text_kind;     // MessageKind.TEXT
  PyObject *usual_kind;    // kind of a text that may hold a link: the Python reader's own test
  PyObject *hour_start;    // the start of a UTC hour in the zone, or None
  PyObject *seconds;       // a list of 3600 timedeltas
  std::unordered_map<int64_t, PyObject *> *hours;  // UTC hour -> start (a new reference, or Py_None)
  simdjson::dom::parser *parser;
  std::string *pending;  // bytes not yet taken: the current unfinished item (and what follows)
  size_t scanned;        // bytes of *pending already scanned
  size_t item_start;     // where the current item starts in *pending
  Py_ssize_t max_item;
  int expect;
  int depth;
  bool in_string;
  bool escape;
  int digits;          // the run of digits outside strings that ends the scanned bytes
  int unicode_escape;  // inside \uXXXX: how many hex digits seen so far (0 when not inside)
  unsigned unicode_value;
  bool risky;  // the current item holds a long integer or a surrogate escape: Python's decoders decide
  bool stopped;
  // the input limits (settings.Limits; 0: none), checked with a margin: near one, the Python reader
  // (and its JsonGuard) reads on and says the error with its line
  int depth_limit;      // arrays and objects, counting the document's own object and the array
  long long string_limit;  // bytes of one string as written
  int digit_limit;         // digits of one number
  long long string_bytes;  // of the open string so far
};

bool blank(unsigned char byte) { return byte == ' ' || byte == '\t' || byte == '\r' || byte == '\n'; }

int hex_value(unsigned char byte) {
  if (byte >= '0' && byte <= '9') return byte - '0';
  if (byte >= 'a' && byte <= 'f') return byte - 'a' + 10;
  if (byte >= 'A' && byte <= 'F') return byte - 'A' + 10;
  return -1;
}

// Whether a JSON string's content (raw, without quotes) parses as Python's int() would take it,
// restricted to the plain form: an optional minus and 1 to 17 ASCII digits.
bool plain_integer(std::string_view text, int64_t &value) {
  size_t at = 0;
  bool negative = false;
  if (!text.empty() && text[0] == '-') {
    negative = true;
    at = 1;
  }
  size_t count = text.size() - at;
  if (count == 0 || count > 17) return false;
  int64_t result = 0;
  for (; at < text.size(); ++at) {
    unsigned char byte = static_cast<unsigned char>(text[at]);
    if (byte < '0' || byte > '9') return false;
    result = result * 10 + (byte - '0');
  }
  value = negative ? -result : result;
  return true;
}

int64_t floor_div(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

PyObject *decode(std::string_view text) {
  return PyUnicode_DecodeUTF8(text.data(), static_cast<Py_ssize_t>(text.size()), "strict");
}

// An id as the Python reader writes it: str(value) of a string or an integer ("" for null or absent).
// Returns nullptr with no exception set when the value is of another kind (Python reads that item).
PyObject *id_text(const simdjson::dom::element *value, bool absent_is_none) {
  if (value == nullptr || value->is_null()) {
    if (absent_is_none) Py_RETURN_NONE;
    return PyUnicode_FromStringAndSize("", 0);
  }
  if (value->is_string()) return decode(std::string_view(value->get_string().value_unsafe()));
  if (value->is_int64()) {
    int64_t number = value->get_int64().value_unsafe();
    char digits[24];
    char *end = digits + sizeof digits, *at = end;
    uint64_t magnitude = number < 0 ? 0 - static_cast<uint64_t>(number) : static_cast<uint64_t>(number);
    do {
      *--at = static_cast<char>('0' + magnitude % 10);
      magnitude /= 10;
    } while (magnitude != 0);
    if (number < 0) *--at = '-';
    return PyUnicode_FromStringAndSize(at, end - at);
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

// The Message of a usual item, a new reference; Py_None (new reference) when the item is not a
// usual message; nullptr with an exception set on failure.
PyObject *usual_message(Reader *self, simdjson::dom::element item) {
  using simdjson::dom::element;
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
  // is_link's first test needs "://" or a dot: a text with neither is plain text, any other is
  // left to the Python reader's own test
  if (body.find('.') == std::string_view::npos && body.find("://") == std::string_view::npos) {
    Py_INCREF(self->text_kind);
    args[5] = self->text_kind;
  } else {
    args[5] = PyObject_CallOneArg(self->usual_kind, args[4]);
    if (args[5] == nullptr) goto done;
  }
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

// Parse one whole item and append its Message (or its raw bytes) to `out`; false to stop.
// Returns -1 with an exception set on failure.
int take_item(Reader *self, const char *data, size_t size, PyObject *out) {
  if (self->risky) return 0;
  simdjson::dom::element item;
  // *pending keeps SIMDJSON_PADDING bytes of capacity past its end (reader_feed): no copy per item
  if (self->parser->parse(data, size, false).get(item) != simdjson::SUCCESS) return 0;
  PyObject *message = usual_message(self, item);
  if (message == nullptr) return -1;
  if (message == Py_None) {
    Py_DECREF(message);
    message = PyBytes_FromStringAndSize(data, static_cast<Py_ssize_t>(size));
    if (message == nullptr) return -1;
  }
  int failed = PyList_Append(out, message);
  Py_DECREF(message);
  return failed ? -1 : 1;
}

// feed(chunk) -> (items, status, rest): the items whole so far (Message, or bytes for Python to
// read), MORE (0), END (1: the array closed; rest holds the bytes from its "]") or STOP (2: Python
// reads on from the first item not handed out).
PyObject *reader_feed(Reader *self, PyObject *arg) {
  Py_buffer view;
  if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) != 0) return nullptr;
  if (self->stopped) {
    PyBuffer_Release(&view);
    PyErr_SetString(PyExc_RuntimeError, "the native reader has stopped");
    return nullptr;
  }
  std::string &pending = *self->pending;
  pending.reserve(pending.size() + static_cast<size_t>(view.len) + simdjson::SIMDJSON_PADDING);
  pending.append(static_cast<const char *>(view.buf), static_cast<size_t>(view.len));
  PyBuffer_Release(&view);
  PyObject *out = PyList_New(0);
  if (out == nullptr) return nullptr;
  int status = MORE;
  size_t rest_at = 0;
  size_t at = self->scanned;
  const size_t size = pending.size();
  const unsigned char *bytes = reinterpret_cast<const unsigned char *>(pending.data());
  while (at < size && status == MORE) {
    unsigned char byte = bytes[at];
    if (self->expect != IN_ITEM) {
      if (blank(byte)) {
        ++at;
        continue;
      }
      if ((self->expect == FIRST_ITEM_OR_END || self->expect == COMMA_OR_END) && byte == ']') {
        status = END;
        rest_at = at;
        break;
      }
      if (self->expect == COMMA_OR_END) {
        if (byte != ',') {
          status = STOP;
          break;
        }
        self->expect = ITEM;
        ++at;
        continue;
      }
      if (byte != '{') {  // not an object: the Python reader says what it is
        status = STOP;
        break;
      }
      self->expect = IN_ITEM;
      self->item_start = at;
      self->depth = 1;
      self->in_string = self->escape = false;
      self->risky = self->depth_limit && 3 >= self->depth_limit;
      self->digits = 0;
      self->unicode_escape = 0;
      ++at;
      continue;
    }
    if (self->in_string && !self->escape && !self->unicode_escape && byte != '"' && byte != '\\') {
      // the plain run of a string up to its next quote or backslash, found with memchr
      const unsigned char *quote = static_cast<const unsigned char *>(memchr(bytes + at, '"', size - at));
      size_t stop = quote != nullptr ? static_cast<size_t>(quote - bytes) : size;
      const void *backslash = memchr(bytes + at, '\\', stop - at);
      if (backslash != nullptr) stop = static_cast<size_t>(static_cast<const unsigned char *>(backslash) - bytes);
      self->string_bytes += static_cast<long long>(stop - at);
      at = stop;
      if (self->string_limit && self->string_bytes >= self->string_limit) {
        status = STOP;
        break;
      }
      continue;
    }
    if (self->in_string) {
      if (self->string_limit && ++self->string_bytes >= self->string_limit) self->risky = true;
      if (self->unicode_escape) {
        int digit = hex_value(byte);
        if (digit < 0) {
          self->unicode_escape = 0;  // bad JSON: the parser refuses the item
        } else {
          self->unicode_value = self->unicode_value * 16 + static_cast<unsigned>(digit);
          if (++self->unicode_escape == 5) {
            if (self->unicode_value >= 0xD800 && self->unicode_value <= 0xDFFF) self->risky = true;
            self->unicode_escape = 0;
          }
          ++at;
          continue;
        }
      }
      if (self->escape) {
        self->escape = false;
        if (byte == 'u') {
          self->unicode_escape = 1;
          self->unicode_value = 0;
        }
      } else if (byte == '\\') {
        self->escape = true;
      } else if (byte == '"') {
        self->in_string = false;
      }
      ++at;
      continue;
    }
    if (byte >= '0' && byte <= '9') {
      ++self->digits;
      if (self->digits >= LONG_DIGITS || (self->digit_limit && self->digits >= self->digit_limit)) self->risky = true;
      ++at;
      continue;
    }
    self->digits = 0;
    if (byte == '"') {
      self->in_string = true;
      self->string_bytes = 0;
    } else if (byte == '{' || byte == '[') {
      if (self->depth_limit && 2 + ++self->depth >= self->depth_limit) self->risky = true;
    } else if (byte == '}' || byte == ']') {
      if (--self->depth == 0) {
        size_t end = at + 1;
        int taken = take_item(self, pending.data() + self->item_start, end - self->item_start, out);
        if (taken < 0) {
          Py_DECREF(out);
          return nullptr;
        }
        if (taken == 0) {
          status = STOP;
          break;
        }
        self->expect = COMMA_OR_END;
        at = end;
        continue;
      }
    }
    ++at;
    if (self->risky) {  // near a limit, or a value Python's decoders must read: Python reads from this item
      status = STOP;
      break;
    }
  }
  PyObject *rest = nullptr;
  if (status == END) {
    rest = PyBytes_FromStringAndSize(pending.data() + rest_at, static_cast<Py_ssize_t>(size - rest_at));
    self->stopped = true;
  } else if (status == STOP) {
    self->stopped = true;
  } else {
    // keep only the unfinished item
    size_t keep = self->expect == IN_ITEM ? self->item_start : at;
    pending.erase(0, keep);
    self->item_start = 0;
    self->scanned = at - keep;
    if (self->expect == IN_ITEM && static_cast<Py_ssize_t>(pending.size()) > self->max_item) {
      status = STOP;  // a huge item: the Python reader streams it
      self->stopped = true;
    }
  }
  if (self->stopped) {
    pending.clear();
    pending.shrink_to_fit();
  }
  if (rest == nullptr) {
    rest = Py_None;
    Py_INCREF(rest);
  }
  return Py_BuildValue("(NiN)", out, status, rest);
}

int reader_init(Reader *self, PyObject *args, PyObject *kwargs) {
  static const char *names[] = {"message_type", "text_kind", "usual_kind",   "hour_start",   "seconds",
                                "max_item",     "depth",     "string_bytes", "int_digits", nullptr};
  PyObject *message_type, *text_kind, *usual_kind, *hour_start, *seconds;
  Py_ssize_t max_item;
  int depth_limit = 0, digit_limit = 0;
  long long string_limit = 0;
  if (!PyArg_ParseTupleAndKeywords(args, kwargs, "OOOOO!n|iLi", const_cast<char **>(names), &message_type,
                                   &text_kind, &usual_kind, &hour_start, &PyList_Type, &seconds, &max_item,
                                   &depth_limit, &string_limit, &digit_limit))
    return -1;
  self->depth_limit = depth_limit > 0 ? depth_limit : 0;
  self->string_limit = string_limit > 0 ? string_limit : 0;
  self->digit_limit = digit_limit > 0 ? digit_limit : 0;
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
  self->max_item = max_item;
  return 0;
}

PyObject *reader_new(PyTypeObject *type, PyObject *, PyObject *) {
  Reader *self = reinterpret_cast<Reader *>(type->tp_alloc(type, 0));
  if (self == nullptr) return nullptr;
  self->hours = new (std::nothrow) std::unordered_map<int64_t, PyObject *>();
  self->parser = new (std::nothrow) simdjson::dom::parser();
  self->pending = new (std::nothrow) std::string();
  if (self->hours == nullptr || self->parser == nullptr || self->pending == nullptr) {
    Py_DECREF(self);
    return PyErr_NoMemory();
  }
  self->expect = FIRST_ITEM_OR_END;
  return reinterpret_cast<PyObject *>(self);
}

void reader_dealloc(Reader *self) {
  if (self->hours != nullptr) {
    for (auto &entry : *self->hours) Py_DECREF(entry.second);
    delete self->hours;
  }
  delete self->parser;
  delete self->pending;
  Py_XDECREF(self->message_type);
  Py_XDECREF(self->text_kind);
  Py_XDECREF(self->usual_kind);
  Py_XDECREF(self->hour_start);
  Py_XDECREF(self->seconds);
  Py_TYPE(self)->tp_free(reinterpret_cast<PyObject *>(self));
}

PyMethodDef reader_methods[] = {
    {"feed", reinterpret_cast<PyCFunction>(reader_feed), METH_O,
     "feed(chunk) -> (items, status, rest): the items made whole by this chunk."},
    {nullptr, nullptr, 0, nullptr},
};

PyTypeObject ReaderType = {PyVarObject_HEAD_INIT(nullptr, 0)};

PyObject *implementation(PyObject *, PyObject *) {
  return PyUnicode_FromString(simdjson::get_active_implementation()->name().c_str());
}

PyMethodDef module_methods[] = {
    {"implementation", implementation, METH_NOARGS, "The simdjson kernel this machine runs (haswell, ...)."},
    {nullptr, nullptr, 0, nullptr},
};

PyModuleDef module_def = {PyModuleDef_HEAD_INIT, "_core", "sqtool's native readers (issue 22).", -1,
                          module_methods};

}  // namespace

int sqtool_add_whatsapp(PyObject *module);  // whatsapp.cpp

PyMODINIT_FUNC PyInit__core(void) {
  ReaderType.tp_name = "sqtool._native._core.TelegramReader";
  ReaderType.tp_basicsize = sizeof(Reader);
  ReaderType.tp_flags = Py_TPFLAGS_DEFAULT;
  ReaderType.tp_doc = "Telegram export items, fed a chunk at a time.";
  ReaderType.tp_new = reader_new;
  ReaderType.tp_init = reinterpret_cast<initproc>(reader_init);
  ReaderType.tp_dealloc = reinterpret_cast<destructor>(reader_dealloc);
  ReaderType.tp_methods = reader_methods;
  if (PyType_Ready(&ReaderType) < 0) return nullptr;
  PyObject *module = PyModule_Create(&module_def);
  if (module == nullptr) return nullptr;
  Py_INCREF(&ReaderType);
  if (PyModule_AddObject(module, "TelegramReader", reinterpret_cast<PyObject *>(&ReaderType)) < 0 ||
      PyModule_AddStringConstant(module, "SIMDJSON_VERSION", SIMDJSON_VERSION) < 0 || sqtool_add_whatsapp(module) < 0) {
    Py_DECREF(&ReaderType);
    Py_DECREF(module);
    return nullptr;
  }
  return module;
}
