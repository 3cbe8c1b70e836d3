"""Messages of the finding reporters."""

MESSAGES: dict[str, dict[str, str]] = {
    "severity.error": {"en": "error", "zh": "错误"},
    "severity.warning": {"en": "warning", "zh": "警告"},
    "severity.info": {"en": "info", "zh": "提示"},
    "report.clean": {"en": "all clear: no findings in {files} file(s)", "zh": "全部通过：{files} 个文件没有问题"},
    "report.summary": {
        "en": "{errors} error(s), {warnings} warning(s), {infos} note(s) in {files} file(s)",
        "zh": "{files} 个文件中共 {errors} 个错误、{warnings} 个警告、{infos} 条提示",
    },
}
