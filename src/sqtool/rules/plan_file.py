"""Findings that come from reading the file (SQ000) and from the JSON Schema (SQ001), not from a check."""

from __future__ import annotations

from sqtool.rules.registry import declare

declare("SQ000", family="plan_file", severity="error")
declare("SQ001", family="plan_file", severity="error")
