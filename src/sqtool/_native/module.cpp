// sqtool._native._core: the native readers of issue 22, one reader type per format, each in its own
// translation unit (telegram.cpp, discord.cpp, whatsapp.cpp; the JSON ones share jsonitems.h's splitter).

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "simdjson/simdjson.h"

int add_telegram_reader(PyObject *module);
int add_discord_reader(PyObject *module);
int add_whatsapp_scanner(PyObject *module);
int sqtool_add_thread_model(PyObject *module);  // threads.cpp: the audit's conversation model

namespace {

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

PyMODINIT_FUNC PyInit__core(void) {
  PyObject *module = PyModule_Create(&module_def);
  if (module == nullptr) return nullptr;
  if (PyModule_AddStringConstant(module, "SIMDJSON_VERSION", SIMDJSON_VERSION) < 0 ||
      add_telegram_reader(module) < 0 || add_discord_reader(module) < 0 || add_whatsapp_scanner(module) < 0 ||
      sqtool_add_thread_model(module) < 0) {
    Py_DECREF(module);
    return nullptr;
  }
  return module;
}
