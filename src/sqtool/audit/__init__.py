"""The audit engine: one pass over chat records into compact aggregates, then pure figure functions.

Entry point: ``sqtool.audit.engine.run_audit(records, options) -> AuditReport``.
"""

import sys
import types
from typing import Any


class _CallableAudit(types.ModuleType):
    """``sqtool.audit`` is this package and the API function ``sqtool.audit(exports, ...)`` alike: the
    package cannot be shadowed by a function (importing a submodule rebinds the name), so calling it
    runs ``sqtool.api.audit``."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        from sqtool.api import audit

        return audit(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableAudit
