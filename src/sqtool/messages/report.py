"""Messages of the finding reporters."""

MESSAGES: dict[str, dict[str, str]] = {
    "severity.error": {"en": "error", "zh": "错误"},
    "severity.warning": {"en": "warning", "zh": "警告"},
    "severity.info": {"en": "info", "zh": "提示"},
    # English picks a form by count (".one" for exactly 1, ".other" otherwise); Chinese nouns do not inflect.
    "report.count.error.one": {"en": "{n} error", "zh": "{n} 个错误"},
    "report.count.error.other": {"en": "{n} errors", "zh": "{n} 个错误"},
    "report.count.warning.one": {"en": "{n} warning", "zh": "{n} 个警告"},
    "report.count.warning.other": {"en": "{n} warnings", "zh": "{n} 个警告"},
    "report.count.info.one": {"en": "{n} note", "zh": "{n} 条提示"},
    "report.count.info.other": {"en": "{n} notes", "zh": "{n} 条提示"},
    "report.count.file.one": {"en": "{n} file", "zh": "{n} 个文件"},
    "report.count.file.other": {"en": "{n} files", "zh": "{n} 个文件"},
    "report.clean": {"en": "all clear: no findings in {files}", "zh": "全部通过：{files}都没有问题"},
    "report.clean.one": {"en": "all clear: no findings in {files}", "zh": "全部通过：{files}没有问题"},
    "report.summary": {
        "en": "{errors}, {warnings}, {infos} in {files}",
        "zh": "{files}中共有 {errors}、{warnings}和 {infos}",
    },
    "report.unknown_format": {
        "en": "unknown output format {name!r}; the formats are: {choices}",
        "zh": "未知的输出格式 {name!r}；可用的格式：{choices}",
    },
    "report.unknown_format_hint": {
        "en": "pick one of them with --format NAME",
        "zh": "用 --format 名称 选择其中一种",
    },
    # One line per --format choice, shown by reporters.format_help() in a command's --help.
    "report.format.text": {
        "en": "lines for people, path:line:col: severity[ID]: message, with hints and a summary",
        "zh": "给人读的逐行输出（路径:行:列: 级别[编号]: 说明），附提示和汇总",
    },
    "report.format.json": {
        "en": "one JSON document with the files, the findings and a summary (stable keys)",
        "zh": "一个 JSON 文档，包含文件、问题和汇总（键名稳定）",
    },
    "report.format.github": {
        "en": "GitHub Actions annotations (chosen automatically when GITHUB_ACTIONS=true)",
        "zh": "GitHub Actions 注释（在 GITHUB_ACTIONS=true 时自动选用）",
    },
    "report.format.gitlab": {
        "en": "GitLab Code Quality JSON for merge-request widgets",
        "zh": "GitLab 代码质量 JSON，用于合并请求页面",
    },
    "report.format.sarif": {
        "en": "SARIF 2.1.0 for code-scanning dashboards",
        "zh": "SARIF 2.1.0，用于代码扫描面板",
    },
    "report.format.junit": {
        "en": "JUnit XML: one failing test case per finding, one passing test case per clean file",
        "zh": "JUnit XML：每个问题一个失败的测试用例，每个没有问题的文件一个通过的测试用例",
    },
}
