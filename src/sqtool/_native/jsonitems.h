// What every native JSON reader of sqtool._native._core shares (issue 22): the splitter that cuts a
// top-level array of objects into whole items as chunks arrive, the protocol that hands the rest of
// a file back to the Python reader when the native side is not sure, and the helpers that build
// Python values from simdjson's DOM exactly as the Python readers build them from orjson's dicts.
//
// A format (telegram.cpp, discord.cpp) supplies one function, BuildItem, that turns a whole, valid
// item into the record the Python reader would build, or says "not mine" (the item's bytes then go
// to Python). The contract of every reader built on the splitter, seen from Python
// (sqtool/chat/native_items.py):
//
//   feed(chunk) -> (items, status, rest)
//     items:  the records made whole by this chunk, each a built record or the item's raw bytes
//     status: MORE (0: feed the next chunk), END (1: the array closed; rest holds the bytes from its
//             "]" on) or STOP (2: the native side is not sure; Python reads the file again and skips
//             the items already handed out)
//
// Memory stays bounded: an item is kept only until it is whole, and one bigger than max_item bytes
// stops the native path. The input limits (nesting, string bytes, digits) are watched with a
// margin: the item that comes near one stops the native path, and the Python reader's JsonGuard
// says the error with its line. Each whole item is parsed and fully validated by simdjson's DOM
// parser (On-Demand validates only what it visits; the Python readers refuse an item with bad JSON
// anywhere in it), so "the native side accepted it" implies "the Python side reads it the same way".

#ifndef SQTOOL_NATIVE_JSONITEMS_H
#define SQTOOL_NATIVE_JSONITEMS_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "simdjson/simdjson.h"

namespace sqtool_native {

using simdjson::dom::element;

enum Status : int { MORE = 0, END = 1, STOP = 2 };

// What a format makes of one whole, valid item: a new reference to the record it built, Py_None (a
// new reference) to hand the item's bytes to Python, Py_Ellipsis (a new reference) when the reader
// kept the item itself (telegram.cpp's runs of columns), or nullptr with an exception set.
using BuildItem = PyObject *(*)(void *reader, element item);
// Called before an item is appended to the feed's list, so that what a reader kept comes first:
// 0, or -1 with an exception set.
using FlushItems = int (*)(void *reader, PyObject *out);

// Cuts the top-level array into items, a chunk at a time (fed from after the array's "[").
class Splitter {
 public:
  Splitter();
  // max_item: bytes of one item kept at most; depth, string_bytes, int_digits: settings.Limits (0: none)
  void configure(Py_ssize_t max_item, int depth, long long string_bytes, int int_digits);
  // feed(chunk) as above; `build` makes the record of each whole item. nullptr with an exception set on failure.
  // `flush` (may be nullptr) runs before each item appended to the list (see FlushItems).
  PyObject *feed(PyObject *chunk, BuildItem build, void *reader, FlushItems flush = nullptr);
  // Line breaks in the bytes scanned so far, up to the array's "]" once it closed (exact when the
  // array closed: a raw line break inside a string stops the native path).
  long long newlines() const { return newlines_; }

 private:
  enum Expect : int { FIRST_ITEM_OR_END, ITEM, COMMA_OR_END, IN_ITEM };
  // after a high surrogate escape: its "\", its "u", then the low one's four digits
  enum Surrogate : int { NONE = 0, HIGH, HIGH_BACKSLASH, LOW };
  // 1: appended to out; 0: stop (bad JSON or risky); -1: failure with an exception set
  int take_item(const char *data, size_t size, PyObject *out, BuildItem build, void *reader, FlushItems flush);

  simdjson::dom::parser parser_;
  std::string pending_;  // bytes not yet taken: the current unfinished item (and what follows)
  size_t scanned_ = 0;   // bytes of pending_ already scanned
  size_t item_start_ = 0;
  Py_ssize_t max_item_ = 0;
  int expect_ = FIRST_ITEM_OR_END;
  int depth_ = 0;
  bool in_string_ = false;
  bool escape_ = false;
  int digits_ = 0;          // the run of digits outside strings that ends the scanned bytes
  int unicode_escape_ = 0;  // inside \uXXXX: how many hex digits seen so far (0 when not inside)
  unsigned unicode_value_ = 0;
  int surrogate_ = NONE;
  bool risky_ = false;  // the item holds a long integer or a lone surrogate escape: Python's decoders decide
  bool stopped_ = false;
  int depth_limit_ = 0;          // arrays and objects, counting the document's own object and the array
  long long string_limit_ = 0;   // bytes of one string as written
  int digit_limit_ = 0;          // digits of one number
  long long string_bytes_ = 0;   // of the open string so far
  long long newlines_ = 0;       // line breaks scanned outside strings
};

// --- values as the Python readers see them ---------------------------------------------------------

// str of a JSON string (a new reference; nullptr with an exception set on failure)
PyObject *decode(std::string_view text);

// str(value) of a 64-bit integer, written into `buffer` (at least 24 bytes); returns the text
std::string_view int_text(int64_t number, char *buffer);

// The values of the named keys of an object (nullptr where absent); false when one of them is there
// twice (Python keeps the last one: the native side leaves such an item to Python).
bool pick(simdjson::dom::object object, const std::string_view *keys, const element **slots, element *values,
          int count);

// Python's truthiness of a JSON value, when the native side knows it exactly: false for a float
// (bool(1e-400) depends on how the parser rounds), true with `truth` set otherwise.
bool truthy(const element &value, bool &truth);

// Whether a JSON string's content parses as Python's int() would take it, restricted to the plain
// form: an optional minus and 1 to 17 ASCII digits.
bool plain_integer(std::string_view text, int64_t &value);

int64_t floor_div(int64_t a, int64_t b);

}  // namespace sqtool_native

#endif  // SQTOOL_NATIVE_JSONITEMS_H
