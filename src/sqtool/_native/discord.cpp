// The native reader of DiscordChatExporter JSON exports (issue 22).
//
// The contract is the pure-Python reader's (sqtool.chat.readers.discord): this reader builds the
// Message of every item the Python reader reads as a message (a type of `message_types`, or none)
// whose fields it can write exactly as Python would: a timestamp of the form
// YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM), string or integer ids, string names and texts,
// true/false/null/strings/lists/objects where only their truth counts. Every other item (system
// events, naive times, floats, a key written twice, ...) goes back to Python as its raw bytes, and
// anything the splitter is not sure of stops it (jsonitems.h), so that Python says every error.

#include <cstdint>
#include <new>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "jsonitems.h"
// datetime.h after Python.h (jsonitems.h): it declares a static PyDateTimeAPI for this unit
#include <datetime.h>

namespace {

using namespace sqtool_native;

constexpr size_t MAX_NAMES = 1 << 16;  // the author cache is cleared past this many entries

struct Names {
  PyObject *id;    // str(author.get("id", ""))
  PyObject *name;  // the name the reader keeps
};

struct Reader {
  PyObject_HEAD
  PyObject *message_type;  // sqtool.chat.model.Message
  PyObject *text_kind;     // MessageKind.TEXT
  PyObject *media_kind;    // MessageKind.MEDIA
  PyObject *sticker_kind;  // MessageKind.STICKER
  PyObject *kind_of;       // classify.text_kind: the kind of a text that may hold a link
  PyObject *zone_of;       // the tzinfo of a time's suffix ("+08:00", "Z"), or None
  std::vector<std::string> *message_types;  // the types Python reads as messages
  std::unordered_map<int, PyObject *> *zones;  // suffix key -> tzinfo or Py_None (new references)
  std::unordered_map<std::string, Names> *names;  // author id and name -> their str objects
  Splitter *split;
};

bool digits_at(std::string_view text, size_t at, size_t count, int &value) {
  value = 0;
  for (size_t end = at + count; at < end; ++at) {
    unsigned char byte = static_cast<unsigned char>(text[at]);
    if (byte < '0' || byte > '9') return false;
    value = value * 10 + (byte - '0');
  }
  return true;
}

// The tzinfo (a borrowed reference) of a time's suffix, Py_None when Python reads no time from it;
// nullptr with an exception set on failure.
PyObject *zone(Reader *self, std::string_view suffix) {
  int key;
  if (suffix == "Z") {
    key = 1 << 20;
  } else {
    int hours, minutes;
    if (suffix.size() != 6 || (suffix[0] != '+' && suffix[0] != '-') || suffix[3] != ':' ||
        !digits_at(suffix, 1, 2, hours) || !digits_at(suffix, 4, 2, minutes))
      return Py_None;
    key = (suffix[0] == '-' ? 10000 : 0) + hours * 100 + minutes;
  }
  auto found = self->zones->find(key);
  if (found != self->zones->end()) return found->second;
  PyObject *text = decode(suffix);
  if (text == nullptr) return nullptr;
  PyObject *tzinfo = PyObject_CallOneArg(self->zone_of, text);
  Py_DECREF(text);
  if (tzinfo == nullptr) return nullptr;
  (*self->zones)[key] = tzinfo;
  return tzinfo;
}

// The aware datetime Python's parse_iso_time makes of a time written YYYY-MM-DDTHH:MM:SS, then an
// optional fraction of 1 to 9 digits (truncated to microseconds, as fromisoformat does), then Z or
// an offset. A new reference; Py_None (new reference) for any other form, or a time Python refuses;
// nullptr with an exception set on failure.
PyObject *timestamp(Reader *self, std::string_view text) {
  int year, month, day, hour, minute, second, micro = 0;
  if (text.size() < 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
      text[16] != ':' || !digits_at(text, 0, 4, year) || !digits_at(text, 5, 2, month) ||
      !digits_at(text, 8, 2, day) || !digits_at(text, 11, 2, hour) || !digits_at(text, 14, 2, minute) ||
      !digits_at(text, 17, 2, second))
    Py_RETURN_NONE;
  if (hour > 23) Py_RETURN_NONE;  // 24:00 is read differently by Python versions: Python decides
  size_t at = 19;
  if (text[at] == '.') {
    size_t start = ++at;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
      if (at - start < 6) micro = micro * 10 + (text[at] - '0');
      ++at;
    }
    size_t count = at - start;
    if (count == 0 || count > 9) Py_RETURN_NONE;
    for (; count < 6; ++count) micro *= 10;
  }
  PyObject *tzinfo = zone(self, text.substr(at));
  if (tzinfo == nullptr) return nullptr;
  if (tzinfo == Py_None) Py_RETURN_NONE;
  PyObject *made = PyDateTimeAPI->DateTime_FromDateAndTime(year, month, day, hour, minute, second, micro, tzinfo,
                                                           PyDateTimeAPI->DateTimeType);
  if (made == nullptr && PyErr_ExceptionMatches(PyExc_ValueError)) {  // 31 February: Python reads no time
    PyErr_Clear();
    Py_RETURN_NONE;
  }
  return made;
}

// str(value) of an id: a string or an integer (and `absent` when the key is missing); nullptr with no
// exception set for any other value (Python writes it), or with one set on failure.
PyObject *id_text(const element *value, const char *absent) {
  if (value == nullptr) return PyUnicode_FromString(absent);
  if (value->is_string()) return decode(std::string_view(value->get_string().value_unsafe()));
  if (value->is_int64()) {
    char buffer[24];
    std::string_view digits = int_text(value->get_int64().value_unsafe(), buffer);
    return PyUnicode_FromStringAndSize(digits.data(), static_cast<Py_ssize_t>(digits.size()));
  }
  if (value->is_null() && absent[0] == 'N') return PyUnicode_FromString("None");  // str(who.get("id"))
  return nullptr;
}

// The author's (id, name) str objects as the Python reader makes them: id = str(author.get("id", "")),
// name = str(author.get("nickname") or author.get("name") or id). Borrowed from the cache; false
// when Python must read the item (with an exception set on failure).
bool author_names(Reader *self, const element *author, Names &out, bool &is_bot) {
  static const std::string_view keys[4] = {"id", "nickname", "name", "isBot"};
  const element *slots[4] = {nullptr, nullptr, nullptr, nullptr};
  element values[4];
  is_bot = false;
  if (author != nullptr && author->is_object()) {
    if (!pick(author->get_object().value_unsafe(), keys, slots, values, 4)) return false;
  }  // anything else: the Python reader reads it as {}
  const element *id = slots[0];
  std::string_view id_raw, chosen;
  bool chosen_is_id = true;
  char buffer[24];
  if (id == nullptr) {
    id_raw = std::string_view();
  } else if (id->is_string()) {
    id_raw = id->get_string().value_unsafe();
  } else if (id->is_int64()) {
    id_raw = int_text(id->get_int64().value_unsafe(), buffer);
  } else {
    return false;
  }
  for (int at = 1; at <= 2 && chosen_is_id; ++at) {  // nickname, then name: the first one that is true
    const element *value = slots[at];
    if (value == nullptr) continue;
    bool truth;
    if (!truthy(*value, truth)) return false;
    if (!truth) continue;
    if (!value->is_string()) return false;  // str() of a number, a list, ...: Python writes it
    chosen = value->get_string().value_unsafe();
    chosen_is_id = false;
  }
  if (slots[3] != nullptr && !truthy(*slots[3], is_bot)) return false;
  std::string key = std::to_string(id_raw.size());  // the id's length first: no two pairs share a key
  key.push_back(chosen_is_id ? ':' : ';');
  key.append(id_raw);
  key.append(chosen);
  auto found = self->names->find(key);
  if (found != self->names->end()) {
    out = found->second;
    return true;
  }
  PyObject *id_object = decode(id_raw);
  if (id_object == nullptr) return false;
  PyObject *name_object = id_object;
  if (chosen_is_id) {
    Py_INCREF(name_object);
  } else {
    name_object = decode(chosen);
    if (name_object == nullptr) {
      Py_DECREF(id_object);
      return false;
    }
  }
  if (self->names->size() >= MAX_NAMES) {
    for (auto &entry : *self->names) {
      Py_DECREF(entry.second.id);
      Py_DECREF(entry.second.name);
    }
    self->names->clear();
  }
  out = Names{id_object, name_object};
  (*self->names)[key] = out;
  return true;
}

// Whether every character of `text` is white space as str.strip() sees it
bool blank_text(PyObject *text) {
  Py_ssize_t length = PyUnicode_GET_LENGTH(text);
  int kind = PyUnicode_KIND(text);
  const void *data = PyUnicode_DATA(text);
  for (Py_ssize_t at = 0; at < length; ++at)
    if (!Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, at))) return false;
  return true;
}

// The Message of an item the Python reader reads as a message, a new reference; Py_None (new
// reference) when Python must read the item; nullptr with an exception set on failure.
PyObject *discord_message(void *reader, element item) {
  Reader *self = static_cast<Reader *>(reader);
  if (!item.is_object()) Py_RETURN_NONE;
  enum { ID, TIME, AUTHOR, TYPE, CONTENT, STICKERS, ATTACHMENTS, REFERENCE, MENTIONS, KEYS };
  static const std::string_view keys[KEYS] = {"id",       "timestamp",   "author",    "type",    "content",
                                              "stickers", "attachments", "reference", "mentions"};
  const element *slots[KEYS];
  element values[KEYS];
  if (!pick(item.get_object().value_unsafe(), keys, slots, values, KEYS)) Py_RETURN_NONE;
  // item.get("type", "Default"), a value that is not a string read as "Default"
  if (slots[TYPE] != nullptr && slots[TYPE]->is_string()) {
    std::string_view type = slots[TYPE]->get_string().value_unsafe();
    bool message = false;
    for (const std::string &known : *self->message_types) message = message || type == known;
    if (!message) Py_RETURN_NONE;  // an event: the Python reader makes it
  }
  if (slots[TIME] == nullptr || !slots[TIME]->is_string()) Py_RETURN_NONE;
  // content: a string, "" for null, true/false, a list or an object; Python writes str() of a number
  std::string_view body;
  const element *content = slots[CONTENT];
  if (content != nullptr) {
    if (content->is_string()) {
      body = content->get_string().value_unsafe();
    } else if (content->is_number()) {
      Py_RETURN_NONE;
    }
  }
  bool stickers = false, attachments = false;
  if (slots[STICKERS] != nullptr && !truthy(*slots[STICKERS], stickers)) Py_RETURN_NONE;
  if (slots[ATTACHMENTS] != nullptr && !truthy(*slots[ATTACHMENTS], attachments)) Py_RETURN_NONE;
  // reference.messageId when true, as str
  const element *reply = nullptr;
  element reply_value;
  if (slots[REFERENCE] != nullptr && slots[REFERENCE]->is_object()) {
    static const std::string_view reference_keys[1] = {"messageId"};
    if (!pick(slots[REFERENCE]->get_object().value_unsafe(), reference_keys, &reply, &reply_value, 1))
      Py_RETURN_NONE;
    if (reply != nullptr) {
      bool truth;
      if (!truthy(*reply, truth)) Py_RETURN_NONE;
      if (!truth) {
        reply = nullptr;
      } else if (!reply->is_string() && !reply->is_int64()) {
        Py_RETURN_NONE;
      }
    }
  }
  // mentions: the ids of its objects (str(who.get("id"))), when it is a list
  const element *mentions = slots[MENTIONS];
  if (mentions != nullptr && !mentions->is_array()) mentions = nullptr;
  Py_ssize_t mentioned = 0;
  if (mentions != nullptr) {
    static const std::string_view mention_keys[1] = {"id"};
    simdjson::dom::array list = mentions->get_array().value_unsafe();  // a copy: the result is a temporary
    for (element who : list) {
      if (!who.is_object()) continue;
      const element *id = nullptr;
      element id_value;
      if (!pick(who.get_object().value_unsafe(), mention_keys, &id, &id_value, 1)) Py_RETURN_NONE;
      if (id != nullptr && !id->is_string() && !id->is_int64() && !id->is_null()) Py_RETURN_NONE;
      ++mentioned;
    }
  }
  Names author;
  bool is_bot;
  if (!author_names(self, slots[AUTHOR], author, is_bot)) {
    if (PyErr_Occurred()) return nullptr;
    Py_RETURN_NONE;
  }
  PyObject *args[9] = {nullptr};
  PyObject *result = nullptr;
  args[1] = timestamp(self, slots[TIME]->get_string().value_unsafe());
  if (args[1] == nullptr || args[1] == Py_None) goto done;
  args[0] = id_text(slots[ID], "");
  if (args[0] == nullptr) goto done;
  Py_INCREF(author.id);
  args[2] = author.id;
  Py_INCREF(author.name);
  args[3] = author.name;
  args[4] = decode(body);
  if (args[4] == nullptr) goto done;
  if (stickers) {
    args[5] = self->sticker_kind;
    Py_INCREF(args[5]);
  } else if (attachments && blank_text(args[4])) {
    args[5] = self->media_kind;
    Py_INCREF(args[5]);
  } else if (body.find('.') == std::string_view::npos && body.find("://") == std::string_view::npos) {
    // is_link's first test needs "://" or "www.": a text with neither is plain text
    args[5] = self->text_kind;
    Py_INCREF(args[5]);
  } else {
    args[5] = PyObject_CallOneArg(self->kind_of, args[4]);
    if (args[5] == nullptr) goto done;
  }
  if (reply == nullptr) {
    args[6] = Py_None;
    Py_INCREF(args[6]);
  } else {
    args[6] = id_text(reply, "");
    if (args[6] == nullptr) goto done;
  }
  args[7] = PyTuple_New(mentioned);
  if (args[7] == nullptr) goto done;
  if (mentioned) {
    Py_ssize_t at = 0;
    simdjson::dom::array list = mentions->get_array().value_unsafe();
    for (element who : list) {
      if (!who.is_object()) continue;
      static const std::string_view mention_keys[1] = {"id"};
      const element *id = nullptr;
      element id_value;
      pick(who.get_object().value_unsafe(), mention_keys, &id, &id_value, 1);
      PyObject *text = id_text(id, "None");
      if (text == nullptr) goto done;
      PyTuple_SET_ITEM(args[7], at++, text);
    }
  }
  args[8] = is_bot ? Py_True : Py_False;
  Py_INCREF(args[8]);
  result = PyObject_Vectorcall(self->message_type, args, 9, nullptr);
done:
  if (result == nullptr && !PyErr_Occurred()) {
    result = Py_None;
    Py_INCREF(result);
  }
  for (PyObject *arg : args) Py_XDECREF(arg);
  return result;
}

PyObject *reader_feed(Reader *self, PyObject *arg) {
  if (self->message_type == nullptr) {
    PyErr_SetString(PyExc_RuntimeError, "DiscordReader.__init__ was not called");
    return nullptr;
  }
  return self->split->feed(arg, discord_message, self);
}

int reader_init(Reader *self, PyObject *args, PyObject *kwargs) {
  static const char *names[] = {"message_type", "kinds",     "kind_of",      "zone_of",    "message_types",
                                "max_item",     "depth",     "string_bytes", "int_digits", nullptr};
  PyObject *message_type, *kinds, *kind_of, *zone_of, *message_types;
  Py_ssize_t max_item;
  int depth_limit = 0, digit_limit = 0;
  long long string_limit = 0;
  if (!PyArg_ParseTupleAndKeywords(args, kwargs, "OO!OOO!n|iLi", const_cast<char **>(names), &message_type,
                                   &PyTuple_Type, &kinds, &kind_of, &zone_of, &PyTuple_Type, &message_types,
                                   &max_item, &depth_limit, &string_limit, &digit_limit))
    return -1;
  if (PyTuple_GET_SIZE(kinds) != 3) {
    PyErr_SetString(PyExc_ValueError, "kinds must be (text, media, sticker)");
    return -1;
  }
  self->message_types->clear();
  for (Py_ssize_t at = 0; at < PyTuple_GET_SIZE(message_types); ++at) {
    Py_ssize_t size;
    const char *text = PyUnicode_AsUTF8AndSize(PyTuple_GET_ITEM(message_types, at), &size);
    if (text == nullptr) return -1;
    self->message_types->emplace_back(text, static_cast<size_t>(size));
  }
  PyObject *text = PyTuple_GET_ITEM(kinds, 0), *media = PyTuple_GET_ITEM(kinds, 1), *sticker = PyTuple_GET_ITEM(kinds, 2);
  Py_INCREF(message_type);
  Py_INCREF(text);
  Py_INCREF(media);
  Py_INCREF(sticker);
  Py_INCREF(kind_of);
  Py_INCREF(zone_of);
  Py_XSETREF(self->message_type, message_type);
  Py_XSETREF(self->text_kind, text);
  Py_XSETREF(self->media_kind, media);
  Py_XSETREF(self->sticker_kind, sticker);
  Py_XSETREF(self->kind_of, kind_of);
  Py_XSETREF(self->zone_of, zone_of);
  self->split->configure(max_item, depth_limit, string_limit, digit_limit);
  return 0;
}

void clear_caches(Reader *self) {
  if (self->zones != nullptr) {
    for (auto &entry : *self->zones) Py_DECREF(entry.second);
    self->zones->clear();
  }
  if (self->names != nullptr) {
    for (auto &entry : *self->names) {
      Py_DECREF(entry.second.id);
      Py_DECREF(entry.second.name);
    }
    self->names->clear();
  }
}

PyObject *reader_new(PyTypeObject *type, PyObject *, PyObject *) {
  Reader *self = reinterpret_cast<Reader *>(type->tp_alloc(type, 0));
  if (self == nullptr) return nullptr;
  self->message_types = new (std::nothrow) std::vector<std::string>();
  self->zones = new (std::nothrow) std::unordered_map<int, PyObject *>();
  self->names = new (std::nothrow) std::unordered_map<std::string, Names>();
  self->split = new (std::nothrow) Splitter();
  if (self->message_types == nullptr || self->zones == nullptr || self->names == nullptr || self->split == nullptr) {
    Py_DECREF(self);
    return PyErr_NoMemory();
  }
  return reinterpret_cast<PyObject *>(self);
}

void reader_dealloc(Reader *self) {
  clear_caches(self);
  delete self->zones;
  delete self->names;
  delete self->message_types;
  delete self->split;
  Py_XDECREF(self->message_type);
  Py_XDECREF(self->text_kind);
  Py_XDECREF(self->media_kind);
  Py_XDECREF(self->sticker_kind);
  Py_XDECREF(self->kind_of);
  Py_XDECREF(self->zone_of);
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

// Adds DiscordReader to the module (module.cpp); -1 with an exception set on failure.
int add_discord_reader(PyObject *module) {
  PyDateTime_IMPORT;
  if (PyDateTimeAPI == nullptr) return -1;
  ReaderType.tp_name = "sqtool._native._core.DiscordReader";
  ReaderType.tp_basicsize = sizeof(Reader);
  ReaderType.tp_flags = Py_TPFLAGS_DEFAULT;
  ReaderType.tp_doc = "DiscordChatExporter export items, fed a chunk at a time.";
  ReaderType.tp_new = reader_new;
  ReaderType.tp_init = reinterpret_cast<initproc>(reader_init);
  ReaderType.tp_dealloc = reinterpret_cast<destructor>(reader_dealloc);
  ReaderType.tp_methods = reader_methods;
  if (PyType_Ready(&ReaderType) < 0) return -1;
  Py_INCREF(&ReaderType);
  if (PyModule_AddObject(module, "DiscordReader", reinterpret_cast<PyObject *>(&ReaderType)) < 0) {
    Py_DECREF(&ReaderType);
    return -1;
  }
  return 0;
}
