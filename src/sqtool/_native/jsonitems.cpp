// The splitter and value helpers every native JSON reader shares (see jsonitems.h).

#include "jsonitems.h"

#include <cstring>

namespace sqtool_native {

namespace {

constexpr int LONG_DIGITS = 19;  // where an integer may leave the 64-bit range (yajl refuses it)

bool blank(unsigned char byte) { return byte == ' ' || byte == '\t' || byte == '\r' || byte == '\n'; }

int hex_value(unsigned char byte) {
  if (byte >= '0' && byte <= '9') return byte - '0';
  if (byte >= 'a' && byte <= 'f') return byte - 'a' + 10;
  if (byte >= 'A' && byte <= 'F') return byte - 'A' + 10;
  return -1;
}

}  // namespace

Splitter::Splitter() = default;

void Splitter::configure(Py_ssize_t max_item, int depth, long long string_bytes, int int_digits) {
  max_item_ = max_item;
  depth_limit_ = depth > 0 ? depth : 0;
  string_limit_ = string_bytes > 0 ? string_bytes : 0;
  digit_limit_ = int_digits > 0 ? int_digits : 0;
}

int Splitter::take_item(const char *data, size_t size, PyObject *out, BuildItem build, void *reader,
                        FlushItems flush) {
  if (risky_) return 0;
  element item;
  // pending_ keeps SIMDJSON_PADDING bytes of capacity past its end (feed): no copy per item
  if (parser_.parse(data, size, false).get(item) != simdjson::SUCCESS) return 0;
  PyObject *record = build(reader, item);
  if (record == nullptr) return -1;
  if (record == Py_Ellipsis) {  // the reader kept it
    Py_DECREF(record);
    return 1;
  }
  if (flush != nullptr && flush(reader, out) < 0) {
    Py_DECREF(record);
    return -1;
  }
  if (record == Py_None) {
    Py_DECREF(record);
    record = PyBytes_FromStringAndSize(data, static_cast<Py_ssize_t>(size));
    if (record == nullptr) return -1;
  }
  int failed = PyList_Append(out, record);
  Py_DECREF(record);
  return failed ? -1 : 1;
}

PyObject *Splitter::feed(PyObject *arg, BuildItem build, void *reader, FlushItems flush) {
  Py_buffer view;
  if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) != 0) return nullptr;
  if (stopped_) {
    PyBuffer_Release(&view);
    PyErr_SetString(PyExc_RuntimeError, "the native reader has stopped");
    return nullptr;
  }
  std::string &pending = pending_;
  pending.reserve(pending.size() + static_cast<size_t>(view.len) + simdjson::SIMDJSON_PADDING);
  pending.append(static_cast<const char *>(view.buf), static_cast<size_t>(view.len));
  PyBuffer_Release(&view);
  PyObject *out = PyList_New(0);
  if (out == nullptr) return nullptr;
  int status = MORE;
  size_t rest_at = 0;
  size_t at = scanned_;
  const size_t size = pending.size();
  const unsigned char *bytes = reinterpret_cast<const unsigned char *>(pending.data());
  while (at < size && status == MORE) {
    unsigned char byte = bytes[at];
    if (expect_ != IN_ITEM) {
      if (blank(byte)) {
        newlines_ += byte == '\n';
        ++at;
        continue;
      }
      if ((expect_ == FIRST_ITEM_OR_END || expect_ == COMMA_OR_END) && byte == ']') {
        status = END;
        rest_at = at;
        break;
      }
      if (expect_ == COMMA_OR_END) {
        if (byte != ',') {
          status = STOP;
          break;
        }
        expect_ = ITEM;
        ++at;
        continue;
      }
      if (byte != '{') {  // not an object: the Python reader says what it is
        status = STOP;
        break;
      }
      expect_ = IN_ITEM;
      item_start_ = at;
      depth_ = 1;
      in_string_ = escape_ = false;
      surrogate_ = NONE;
      risky_ = depth_limit_ && 3 >= depth_limit_;
      digits_ = 0;
      unicode_escape_ = 0;
      ++at;
      continue;
    }
    if (in_string_ && !escape_ && !unicode_escape_ && !surrogate_ && byte != '"' && byte != '\\') {
      // the plain run of a string up to its next quote or backslash, found with memchr
      const unsigned char *quote = static_cast<const unsigned char *>(memchr(bytes + at, '"', size - at));
      size_t stop = quote != nullptr ? static_cast<size_t>(quote - bytes) : size;
      const void *backslash = memchr(bytes + at, '\\', stop - at);
      if (backslash != nullptr) stop = static_cast<size_t>(static_cast<const unsigned char *>(backslash) - bytes);
      string_bytes_ += static_cast<long long>(stop - at);
      at = stop;
      if (string_limit_ && string_bytes_ >= string_limit_) {
        status = STOP;
        break;
      }
      continue;
    }
    if (in_string_) {
      if (string_limit_ && ++string_bytes_ >= string_limit_) risky_ = true;
      if (surrogate_ == HIGH) {  // a high surrogate escape must be followed by "\u" and a low one
        surrogate_ = byte == '\\' ? HIGH_BACKSLASH : NONE;
        risky_ = risky_ || surrogate_ == NONE;
      } else if (surrogate_ == HIGH_BACKSLASH) {
        surrogate_ = byte == 'u' ? LOW : NONE;
        risky_ = risky_ || surrogate_ == NONE;
      }
      if (unicode_escape_) {
        int digit = hex_value(byte);
        if (digit < 0) {
          unicode_escape_ = 0;  // bad JSON: the parser refuses the item
          surrogate_ = NONE;
        } else {
          unicode_value_ = unicode_value_ * 16 + static_cast<unsigned>(digit);
          if (++unicode_escape_ == 5) {
            // a surrogate pair escaped is one character to every parser; a lone surrogate is not
            bool high = unicode_value_ >= 0xD800 && unicode_value_ <= 0xDBFF;
            bool low = unicode_value_ >= 0xDC00 && unicode_value_ <= 0xDFFF;
            if (surrogate_ == LOW) {
              risky_ = risky_ || !low;
              surrogate_ = NONE;
            } else if (high) {
              surrogate_ = HIGH;
            } else if (low) {
              risky_ = true;
            }
            unicode_escape_ = 0;
          }
          ++at;
          continue;
        }
      }
      if (escape_) {
        escape_ = false;
        if (byte == 'u') {
          unicode_escape_ = 1;
          unicode_value_ = 0;
        }
      } else if (byte == '\\') {
        escape_ = true;
      } else if (byte == '"') {
        in_string_ = false;
      }
      ++at;
      continue;
    }
    if (byte >= '0' && byte <= '9') {
      ++digits_;
      if (digits_ >= LONG_DIGITS || (digit_limit_ && digits_ >= digit_limit_)) risky_ = true;
      ++at;
      continue;
    }
    digits_ = 0;
    if (byte == '"') {
      in_string_ = true;
      string_bytes_ = 0;
    } else if (byte == '{' || byte == '[') {
      ++depth_;  // counted with no limit too (0): the item ends where its own brace closes
      if (depth_limit_ && 2 + depth_ >= depth_limit_) risky_ = true;
    } else if (byte == '}' || byte == ']') {
      if (--depth_ == 0) {
        size_t end = at + 1;
        int taken = take_item(pending.data() + item_start_, end - item_start_, out, build, reader, flush);
        if (taken < 0) {
          Py_DECREF(out);
          return nullptr;
        }
        if (taken == 0) {
          status = STOP;
          break;
        }
        expect_ = COMMA_OR_END;
        at = end;
        continue;
      }
    } else if (byte == '\n') {
      ++newlines_;  // between the tokens of an item (a raw one inside a string makes the item bad JSON)
    }
    ++at;
    if (risky_) {  // near a limit, or a value Python's decoders must read: Python reads from this item
      status = STOP;
      break;
    }
  }
  PyObject *rest = nullptr;
  if (status == END) {
    rest = PyBytes_FromStringAndSize(pending.data() + rest_at, static_cast<Py_ssize_t>(size - rest_at));
    stopped_ = true;
  } else if (status == STOP) {
    stopped_ = true;
  } else {
    // keep only the unfinished item
    size_t keep = expect_ == IN_ITEM ? item_start_ : at;
    pending.erase(0, keep);
    item_start_ = 0;
    scanned_ = at - keep;
    if (expect_ == IN_ITEM && static_cast<Py_ssize_t>(pending.size()) > max_item_) {
      status = STOP;  // a huge item: the Python reader streams it
      stopped_ = true;
    }
  }
  if (stopped_) {
    pending.clear();
    pending.shrink_to_fit();
  }
  if (rest == nullptr) {
    if (status == END) {  // PyBytes_FromStringAndSize failed
      Py_DECREF(out);
      return nullptr;
    }
    rest = Py_None;
    Py_INCREF(rest);
  }
  return Py_BuildValue("(NiN)", out, status, rest);
}

PyObject *decode(std::string_view text) {
  return PyUnicode_DecodeUTF8(text.data(), static_cast<Py_ssize_t>(text.size()), "strict");
}

std::string_view int_text(int64_t number, char *buffer) {
  char *end = buffer + 24, *at = end;
  uint64_t magnitude = number < 0 ? 0 - static_cast<uint64_t>(number) : static_cast<uint64_t>(number);
  do {
    *--at = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude != 0);
  if (number < 0) *--at = '-';
  return std::string_view(at, static_cast<size_t>(end - at));
}

bool pick(simdjson::dom::object object, const std::string_view *keys, const element **slots, element *values,
          int count) {
  for (int at = 0; at < count; ++at) slots[at] = nullptr;
  for (simdjson::dom::key_value_pair field : object) {
    for (int at = 0; at < count; ++at) {
      if (field.key == keys[at]) {
        if (slots[at] != nullptr) return false;  // a key twice: Python keeps the last one
        values[at] = field.value;
        slots[at] = &values[at];
        break;
      }
    }
  }
  return true;
}

bool truthy(const element &value, bool &truth) {
  switch (value.type()) {
    case simdjson::dom::element_type::NULL_VALUE:
      truth = false;
      return true;
    case simdjson::dom::element_type::BOOL:
      truth = value.get_bool().value_unsafe();
      return true;
    case simdjson::dom::element_type::INT64:
      truth = value.get_int64().value_unsafe() != 0;
      return true;
    case simdjson::dom::element_type::UINT64:
      truth = value.get_uint64().value_unsafe() != 0;
      return true;
    case simdjson::dom::element_type::STRING:
      truth = value.get_string_length().value_unsafe() != 0;
      return true;
    case simdjson::dom::element_type::ARRAY:
      truth = value.get_array().value_unsafe().size() != 0;  // saturates, never 0 for a non-empty array
      return true;
    case simdjson::dom::element_type::OBJECT:
      truth = value.get_object().value_unsafe().size() != 0;
      return true;
    default:  // DOUBLE, BIGINT
      return false;
  }
}

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

}  // namespace sqtool_native
