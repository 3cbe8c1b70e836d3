"""sqtool: plan, check and audit online communities (社群) as code.

The Python API (docs/api.md): ``sqtool.load_plan``, ``sqtool.check``, ``sqtool.audit`` and ``sqtool.portfolio``, loaded
on first use so that ``import sqtool`` and the command line stay fast.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: `import sqtool` stays light

__version__ = "0.1.0"

if TYPE_CHECKING:
    from typing import Any

    from sqtool.api import AuditReport as AuditReport
    from sqtool.api import Finding as Finding
    from sqtool.api import InputError as InputError
    from sqtool.api import PlanModel as PlanModel
    from sqtool.api import audit as audit
    from sqtool.api import check as check
    from sqtool.api import load_plan as load_plan
    from sqtool.api import portfolio as portfolio

_API = frozenset({"AuditReport", "Finding", "InputError", "PlanModel", "check", "load_plan"})


def __getattr__(name: str) -> Any:
    if name in _API:
        from sqtool import api

        return getattr(api, name)
    if name in (
        "audit",
        "portfolio",
    ):  # the packages, callable as sqtool.audit(exports, ...), sqtool.portfolio(manifest)
        import importlib

        return importlib.import_module(f"sqtool.{name}")
    raise AttributeError(f"module 'sqtool' has no attribute {name!r}")
