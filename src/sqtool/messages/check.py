# ruff: noqa: E501  (catalogue texts read better unbroken)
"""Messages of `sqtool check`, `sqtool rules` and `sqtool explain` (rule texts live in rules.py)."""

MESSAGES: dict[str, dict[str, str]] = {
    "check.unknown_rule": {
        "en": "unknown rule {rule!r} in {where}",
        "zh": "{where} 中的规则 {rule!r} 不存在",
    },
    "check.unknown_rule_hint": {
        "en": "run `sqtool rules` to list rule ids; prefixes such as SQ2 select a family",
        "zh": "运行 `sqtool rules` 查看规则编号；SQ2 这样的前缀可选中一整类",
    },
    "check.bad_severity_option": {
        "en": "--severity expects RULE=LEVEL, got {value!r}",
        "zh": "--severity 的格式应为 规则=级别，收到的是 {value!r}",
    },
    "check.bad_severity_hint": {
        "en": "for example --severity SQ201=error (levels: error, warning, info)",
        "zh": "例如 --severity SQ201=error（级别：error、warning、info）",
    },
    "check.bad_level": {
        "en": "unknown level {value!r} in {where}",
        "zh": "{where} 中的级别 {value!r} 无效",
    },
    "check.bad_level_hint": {"en": "use error, warning or info", "zh": "请使用 error、warning 或 info"},
    "check.bad_format": {"en": "unknown format {value!r}", "zh": "未知的输出格式 {value!r}"},
    "check.bad_format_hint": {"en": "choose one of: {choices}", "zh": "可选：{choices}"},
    "check.bad_today": {
        "en": "--today expects a date YYYY-MM-DD, got {value!r}",
        "zh": "--today 需要 YYYY-MM-DD 格式的日期，收到的是 {value!r}",
    },
    "check.bad_today_hint": {"en": "for example --today 2026-06-01", "zh": "例如 --today 2026-06-01"},
    "check.config_syntax": {"en": "the config file cannot be read: {reason}", "zh": "配置文件无法解析：{reason}"},
    "check.config_not_mapping": {"en": "the config file must be a mapping of settings", "zh": "配置文件必须是键值映射"},
    "check.config_unknown_key": {
        "en": "unknown setting {key!r}; known settings: {allowed}",
        "zh": "未知的配置项 {key!r}；可用的配置项：{allowed}",
    },
    "check.config_bad_value": {
        "en": "setting {key!r} has a bad value {value}",
        "zh": "配置项 {key!r} 的值 {value} 无效",
    },
    "check.config_hint": {
        "en": "see `sqtool explain` of a rule for its settings, or docs/rules.md",
        "zh": "各规则的配置见 `sqtool explain 规则编号` 或 docs/rules.md",
    },
    "check.statistics_title": {"en": "findings per rule", "zh": "各规则的问题数"},
    "check.col.count": {"en": "count", "zh": "数量"},
    "check.col.rule": {"en": "rule", "zh": "规则"},
    "check.col.name": {"en": "name", "zh": "名称"},
    "check.col.severity": {"en": "severity", "zh": "级别"},
    "check.col.source": {"en": "source", "zh": "来源"},
    "check.col.summary": {"en": "checks", "zh": "检查内容"},
    "check.no_source": {"en": "—", "zh": "—"},
    "check.name_and_summary": {"en": "{name}: {summary}", "zh": "{name}：{summary}"},
    "explain.unknown": {"en": "there is no rule {rule!r}", "zh": "没有编号为 {rule!r} 的规则"},
    "explain.unknown_hint": {"en": "run `sqtool rules` to list them", "zh": "运行 `sqtool rules` 查看全部规则"},
    "explain.source": {
        "en": "Source: article {articles}, retold in our own words (docs/sources.md describes the five articles)",
        "zh": "来源：文章 {articles}，用我们自己的话转述（五篇文章的介绍见 docs/sources.md）",
    },
    "explain.no_source": {
        "en": "Source: none of the articles; a consistency check of sqtool's own",
        "zh": "来源：不出自文章，是 sqtool 自己的一致性检查",
    },
    "explain.default_severity": {"en": "default severity: {severity}", "zh": "默认级别：{severity}"},
    "explain.why": {"en": "Why it matters", "zh": "为什么重要"},
    "explain.bad": {"en": "Fails", "zh": "不通过的写法"},
    "explain.good": {"en": "Passes", "zh": "通过的写法"},
    "explain.configure": {"en": "Configure", "zh": "如何配置"},
    "explain.configure_drift": {
        "en": "reported by: sqtool audit EXPORT --plan PLAN, at the plan line it concerns\n"
        "fail a CI run on it: --fail-on {severity}; drift is never checked by `sqtool check`",
        "zh": "由 sqtool audit 导出文件 --plan 计划文件 报告，位置指向计划中相关的那一行\n"
        "要让 CI 因此失败：加 --fail-on {severity}；`sqtool check` 不检查偏差",
    },
    "explain.configure_text": {
        "en": 'turn off: --ignore {rule}, or ignore = ["{rule}"] under [tool.sqtool] in pyproject.toml or in .sqtool.yaml\n'
        "change the level: --severity {rule}=error|warning|info, or a severity table in the config\n"
        "silence one line: # sqtool: disable={rule}; a whole file: # sqtool: disable-file={rule}",
        "zh": '关闭：--ignore {rule}，或在 pyproject.toml 的 [tool.sqtool] 或 .sqtool.yaml 中写 ignore = ["{rule}"]\n'
        "调整级别：--severity {rule}=error|warning|info，或在配置中写 severity 表\n"
        "只忽略一行：# sqtool: disable={rule}；忽略整个文件：# sqtool: disable-file={rule}",
    },
    "explain.option": {
        "en": "setting {name} (default {default}); set it as {setting} = N in the config",
        "zh": "配置项 {name}（默认 {default}）；在配置中写 {setting} = N",
    },
}
