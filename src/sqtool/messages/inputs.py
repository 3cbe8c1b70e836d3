"""Messages of the guard that a report (-o) never replaces one of the files the command reads."""

MESSAGES: dict[str, dict[str, str]] = {
    "fs.output_is_export": {
        "en": "the report would overwrite {path}, which is the chat export being audited",
        "zh": "报告会覆盖 {path}，而它正是要体检的聊天导出文件",
    },
    "fs.output_is_roster": {
        "en": "the report would overwrite {path}, which is the roster (--roster) this audit reads",
        "zh": "报告会覆盖 {path}，而它正是这次体检读取的成员名单（--roster）",
    },
    "fs.output_is_plan": {
        "en": "the report would overwrite {path}, which is the plan (--plan) this audit reads",
        "zh": "报告会覆盖 {path}，而它正是这次体检读取的计划（--plan）",
    },
    "fs.output_is_ad_keywords": {
        "en": "the report would overwrite {path}, which is the ad-keyword file (--ad-keywords @FILE) this audit reads",
        "zh": "报告会覆盖 {path}，而它正是这次体检读取的广告关键词文件（--ad-keywords @文件）",
    },
    "fs.output_is_history": {
        "en": "the report would overwrite {path}, which is the audit history database",
        "zh": "报告会覆盖 {path}，而它正是体检历史数据库",
    },
    "fs.output_is_config": {
        "en": "the report would overwrite {path}, which is the configuration this check reads",
        "zh": "报告会覆盖 {path}，而它正是这次检查读取的配置文件",
    },
    "fs.output_in_export_folder": {
        "en": "the report would be written inside {folder}, the export folder being audited",
        "zh": "报告会写进 {folder}，而这正是要体检的导出文件夹",
    },
    "fs.output_is_input_hint": {
        "en": "write the report to another file, e.g. -o report.md (--force never replaces an input)",
        "zh": "请把报告写到别的文件，例如 -o report.md（--force 也不会覆盖输入文件）",
    },
}
