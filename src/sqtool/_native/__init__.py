"""Which backend reads chat exports: the native one (C++, built with the package) or pure Python.

The native module is optional: a machine without a C++17 compiler installs sqtool without it and
runs the Python readers, which are also the test oracle (tests/native/). SQTOOL_BACKEND=python
forces the Python readers; SQTOOL_BACKEND=native makes a missing native module an error.
"""

from __future__ import annotations

import os
from functools import cache
from types import ModuleType

from sqtool.errors import SqtoolError

ENVIRONMENT = "SQTOOL_BACKEND"
# the formats read natively, each by the reader type of _core that reads it (said by sqtool --version)
READERS = (
    ("TelegramReader", "Telegram JSON"),
    ("DiscordReader", "Discord JSON"),
    ("WhatsAppScanner", "WhatsApp TXT"),
)


@cache
def _imported() -> tuple[ModuleType | None, str]:
    try:
        from sqtool._native import _core  # type: ignore[attr-defined]
    except ImportError as error:
        return None, str(error)
    return _core, ""


def core() -> ModuleType | None:
    """The native module when it runs (built and not turned off by SQTOOL_BACKEND=python).

    Raises SqtoolError (exit 2) for SQTOOL_BACKEND=native without the module, or a value it does not know.
    """
    wanted = os.environ.get(ENVIRONMENT, "").strip().lower()
    if wanted == "python":
        return None
    if wanted not in ("", "auto", "native"):
        raise SqtoolError("core.backend_unknown", hint="core.backend_unknown_hint", variable=ENVIRONMENT, value=wanted)
    module, why = _imported()
    if module is None and wanted == "native":
        raise SqtoolError("core.backend_missing", hint="core.backend_missing_hint", variable=ENVIRONMENT, reason=why)
    return module


def backend() -> str:
    """``native`` or ``python``: the readers this process runs."""
    return "native" if core() is not None else "python"


def formats(module: ModuleType) -> list[str]:
    """The formats ``module`` reads natively (the others are read by the Python readers)."""
    return [name for reader, name in READERS if hasattr(module, reader)]


def status(lang: str = "en") -> tuple[str, dict[str, str]]:
    """The catalogue key of the line ``sqtool --version`` prints about the backend, and its arguments."""
    try:
        module = core()
    except SqtoolError as error:
        return error.key, {key: str(value) for key, value in error.args_for_message.items()}
    if module is not None:
        listed = ("、" if lang == "zh" else ", ").join(formats(module))
        return "core.backend_native", {
            "simdjson": module.SIMDJSON_VERSION,
            "kernel": module.implementation(),
            "formats": listed,
        }
    if _imported()[0] is not None:
        return "core.backend_python_forced", {"variable": ENVIRONMENT}
    return "core.backend_python_unbuilt", {}
