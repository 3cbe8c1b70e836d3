"""CheckConfig: which rules run, at which severity, with which options; from config files and the CLI."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from sqtool.diagnostics import Severity, fail_threshold
from sqtool.errors import SqtoolError
from sqtool.settings import Lang

CONFIG_NAMES = (".sqtool.yaml", ".sqtool.yml")
MAX_CONFIG_BYTES = 1024 * 1024  # as for a plan: a config is a few lines, a pyproject a few kilobytes
_INT_DIGITS = 4300  # what Python converts at most (sys.get_int_max_str_digits), so what tomllib reads


@dataclass(frozen=True, slots=True)
class RuleOptions:
    """Numbers some rules read; a plan's own ``thresholds`` win over these where both exist."""

    kol_per_members: int = 100  # 002: one opinion leader per hundred members (the 1-9-90 ratio)
    maturity_months: int = 6  # 002: self-organisation only once a group has run long enough
    ecology_min_size: int = 100  # 000: below this a group is too small to need every role
    slogan_max_length: int = 16  # 004: a slogan works like an ad line, so it must be short


OPTION_NAMES: tuple[str, ...] = tuple(item.name for item in fields(RuleOptions))


ALWAYS_SELECTED = frozenset({"SQ000", "SQ001"})  # the plan could not be read / breaks the schema


@dataclass(frozen=True, slots=True)
class CheckConfig:
    select: tuple[str, ...] = ()  # rule ids or prefixes; empty means every rule
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()  # (id or prefix, level) overrides
    fail_on: Severity | None = Severity.ERROR  # None: never
    options: RuleOptions = field(default_factory=RuleOptions)
    source: str | None = None  # the config file these settings came from, if any

    def enabled(self, rule_id: str) -> bool:
        """Selected and not ignored; the more specific selector wins (``SQ2`` vs ``SQ201``). A plan that
        breaks the schema (SQ001) is reported unless ignored (an unreadable one, SQ000, only when
        --ignore names SQ000 itself: see ``engine.UNFILTERED``): ``--select`` narrows the rules, it never hides that the
        plan itself is broken."""
        selected = _longest_match(rule_id, self.select) if self.select else 0
        if selected is None:
            if rule_id not in ALWAYS_SELECTED:
                return False
            selected = 0
        ignored = _longest_match(rule_id, self.ignore)
        return ignored is None or ignored < selected

    def severity_of(self, rule_id: str, default: Severity) -> Severity:
        best: tuple[int, Severity] | None = None
        for selector, level in self.severity:
            if rule_id.startswith(selector) and (best is None or len(selector) >= best[0]):
                best = (len(selector), level)
        return best[1] if best else default


def _longest_match(rule_id: str, selectors: Iterable[str]) -> int | None:
    lengths = [len(selector) for selector in selectors if rule_id.startswith(selector)]
    return max(lengths) if lengths else None


def discover(start: Path, *, lang: Lang = "en") -> tuple[dict[str, Any], str] | None:
    """The nearest ``.sqtool.yaml`` or ``pyproject.toml`` with ``[tool.sqtool]`` from ``start`` upwards."""
    try:
        folder = start.resolve()
    except OSError as error:  # the current folder was deleted, or its path is too long for the system
        raise SqtoolError(
            "fs.no_current_folder", hint="fs.no_current_folder_hint", reason=error.strerror or str(error)
        ) from error
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            path = candidate / name
            if _is_file(path):
                return read_config_file(path, lang=lang), str(path)
        pyproject = candidate / "pyproject.toml"
        if _is_file(pyproject):
            section = _pyproject_section(pyproject)
            if section is not None:
                return section, str(pyproject)
    return None


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # a name too long for the system, or a folder we may not enter: no config there
        return False


def read_config_file(path: Path, *, lang: Lang = "en") -> dict[str, Any]:
    """The raw settings of a ``.sqtool.yaml`` or a ``pyproject.toml`` (its ``[tool.sqtool]`` table).

    YAML goes through the plan loader's guards (alias bombs, nesting, tags, duplicate keys, long
    numbers); TOML is refused when too deep or with 1,000-digit numbers, and ``tool`` must be a table.
    """
    if path.name == "pyproject.toml":
        return _pyproject_section(path) or {}
    from sqtool.plan.load import PlanLoadError, parse_yaml

    text = _read_text(path)
    try:
        raw = parse_yaml(text, str(path), lang=lang).data
    except PlanLoadError as error:
        raise SqtoolError(
            "check.config_syntax",
            hint="check.config_hint",
            path=str(path),
            line=error.line,
            col=error.col,
            reason=error.findings[0].message,
        ) from None
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise SqtoolError("check.config_not_mapping", hint="check.config_hint", path=str(path))
    return raw


def _read_text(path: Path) -> str:
    """The file's text, at most MAX_CONFIG_BYTES of UTF-8 (a BOM is dropped)."""
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_CONFIG_BYTES + 1)
    except OSError as error:
        raise SqtoolError("fs.cannot_read", path=str(path), reason=error.strerror or str(error)) from error
    if len(raw) > MAX_CONFIG_BYTES:
        raise SqtoolError("fs.too_large", path=str(path), size=f"> {MAX_CONFIG_BYTES}", limit=MAX_CONFIG_BYTES)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SqtoolError("plan.bad_utf8", hint="plan.bad_utf8_hint", path=str(path), offset=error.start) from None


def _pyproject_section(path: Path) -> dict[str, Any] | None:
    import tomllib  # only a pyproject.toml needs it

    text = _read_text(path)
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SqtoolError("check.config_syntax", hint="check.config_hint", path=str(path), reason=str(error)) from error
    except RecursionError:
        raise SqtoolError("config.too_deep", hint="check.config_hint", path=str(path)) from None
    except ValueError as error:  # Python refuses to convert an integer of 4,300+ digits
        raise SqtoolError(
            "config.number_too_long", hint="yaml.number_too_long_hint", path=str(path), limit=_INT_DIGITS
        ) from error
    tool = document.get("tool")
    if tool is None:
        return None
    if not isinstance(tool, dict):
        raise SqtoolError("config.tool_not_table", hint="config.tool_not_table_hint", path=str(path), name="tool")
    section = tool.get("sqtool")
    if section is None:
        return None
    if not isinstance(section, dict):
        raise SqtoolError(
            "config.tool_not_table", hint="config.tool_not_table_hint", path=str(path), name="tool.sqtool"
        )
    return section


def build_config(
    raw: Mapping[str, Any] | None,
    *,
    source: str | None = None,
    known_ids: Iterable[str] = (),
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    severity: Iterable[str] = (),
    fail_on: str | None = None,
) -> CheckConfig:
    """Merge file settings (``raw``) with CLI ones: CLI select and fail-on replace, ignore and severity add."""
    known = tuple(known_ids)
    file_settings = {str(key).replace("-", "_"): value for key, value in (raw or {}).items()}
    where = source or "<config>"
    allowed = {"select", "ignore", "severity", "fail_on", *OPTION_NAMES}
    for key in file_settings:
        if key not in allowed:
            raise SqtoolError(
                "check.config_unknown_key",
                hint="check.config_hint",
                path=where,
                key=key,
                allowed=", ".join(sorted(allowed)),
            )
    file_select = _selectors(file_settings.get("select"), known, where, "select")
    file_ignore = _selectors(file_settings.get("ignore"), known, where, "ignore")
    overrides = list(_severity_table(file_settings.get("severity"), known, where))
    for item in severity:
        rule_id, sep, level = item.partition("=")
        if not sep:
            raise SqtoolError("check.bad_severity_option", hint="check.bad_severity_hint", value=item)
        overrides.append((_checked_selector(rule_id, known, "--severity"), _level(level, "--severity")))
    options = RuleOptions()
    for name in OPTION_NAMES:
        if name in file_settings:
            value = file_settings[name]
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise SqtoolError(
                    "check.config_bad_value", hint="check.config_hint", path=where, key=name, value=repr(value)
                )
            options = replace(options, **{name: value})
    level_name = fail_on if fail_on is not None else file_settings.get("fail_on", "error")
    return CheckConfig(
        select=tuple(_selectors(list(select), known, "--select", "select")) if select else tuple(file_select),
        ignore=(*file_ignore, *_selectors(list(ignore), known, "--ignore", "ignore")),
        severity=tuple(overrides),
        fail_on=fail_threshold(level_name, "fail-on" if fail_on is None else "--fail-on"),
        options=options,
        source=source,
    )


def _selectors(value: Any, known: tuple[str, ...], where: str, key: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list):
        raise SqtoolError("check.config_bad_value", hint="check.config_hint", path=where, key=key, value=repr(value))
    found: list[str] = []
    for item in value:
        for part in str(item).split(","):
            if part.strip():
                found.append(_checked_selector(part, known, where))
    return found


def _checked_selector(selector: str, known: tuple[str, ...], where: str) -> str:
    cleaned = selector.strip().upper()
    if cleaned == "ALL":
        return "SQ"
    if known and not any(rule_id.startswith(cleaned) for rule_id in known):
        raise SqtoolError("check.unknown_rule", hint="check.unknown_rule_hint", rule=cleaned, where=where)
    return cleaned


def _severity_table(value: Any, known: tuple[str, ...], where: str) -> Iterable[tuple[str, Severity]]:
    if value is None:
        return
    if not isinstance(value, dict):
        raise SqtoolError(
            "check.config_bad_value", hint="check.config_hint", path=where, key="severity", value=repr(value)
        )
    for rule_id, level in value.items():
        yield _checked_selector(str(rule_id), known, where), _level(level, where)


def _level(value: Any, where: str) -> Severity:
    try:
        return Severity(str(value).strip().lower())
    except ValueError:
        raise SqtoolError("check.bad_level", hint="check.bad_level_hint", value=str(value), where=where) from None
