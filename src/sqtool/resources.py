"""Find the files sqtool ships (schemas, playbooks) in an installed wheel or a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """``schemas`` or ``playbooks``: inside the wheel (``sqtool/_data``) or at the checkout's top."""
    installed = _PACKAGE_DIR / "_data" / name
    if installed.is_dir():
        return installed
    checkout = _PACKAGE_DIR.parent.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"sqtool's {name}/ folder is missing from {installed} and {checkout}")


def schema_path(name: str = "community-plan") -> Path:
    return data_dir("schemas") / f"{name}.schema.json"
