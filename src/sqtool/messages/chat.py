"""Messages of the chat readers and of the audit's first surface."""

MESSAGES: dict[str, dict[str, str]] = {
    "chat.lenient_hint": {
        "en": "fix the export, or pass --lenient to skip bad records and count them",
        "zh": "请修正导出文件，或加 --lenient 跳过坏记录并计数",
    },
    "chat.json_truncated": {"en": "unexpected end of data", "zh": "数据意外结束"},
    "chat.bad_json": {"en": "invalid JSON: {reason}", "zh": "JSON 格式错误：{reason}"},
    "chat.bad_json_member": {
        "en": "invalid JSON in {member}: {reason}",
        "zh": "{member} 中的 JSON 格式错误：{reason}",
    },
    "chat.bad_zip": {"en": "not a readable zip archive: {reason}", "zh": "不是可读取的 zip 压缩包：{reason}"},
    "chat.bad_record": {"en": "unexpected record ({what})", "zh": "无法识别的记录（{what}）"},
    "chat.no_time": {"en": "record {record} has no readable time", "zh": "记录 {record} 没有可读的时间"},
    "chat.bad_date": {"en": "unreadable date or time: {value}", "zh": "无法识别的日期或时间：{value}"},
    "chat.bad_csv": {"en": "malformed CSV: {reason}", "zh": "CSV 格式错误：{reason}"},
    "chat.csv_columns": {
        "en": "row has {found} cells but the header names {expected}",
        "zh": "该行有 {found} 个单元格，但表头只有 {expected} 列",
    },
    "chat.bad_value": {
        "en": "unknown {column} {value!r}: use one of {allowed}",
        "zh": "未知的 {column} 值 {value!r}：可用值为 {allowed}",
    },
    "chat.no_sender": {"en": "row has no sender", "zh": "该行没有发送者"},
    "chat.unknown_encoding": {
        "en": "cannot tell the text encoding (tried UTF-8, UTF-16 and GB18030)",
        "zh": "无法判断文本编码（已尝试 UTF-8、UTF-16 和 GB18030）",
    },
    "chat.unknown_encoding_hint": {
        "en": "save the export as UTF-8 and try again",
        "zh": "请将导出文件另存为 UTF-8 后重试",
    },
    "chat.bad_encoding": {
        "en": "the text is not valid {encoding}: {reason}",
        "zh": "文本不是有效的 {encoding} 编码：{reason}",
    },
    "chat.unknown_format": {
        "en": "cannot tell which chat export this is (tried: {names})",
        "zh": "无法识别聊天导出格式（已尝试：{names}）",
    },
    "chat.unknown_format_hint": {
        "en": "name the format with --format, or convert the data to the generic CSV (time,sender,text)",
        "zh": "请用 --format 指定格式，或把数据转换为通用 CSV（time,sender,text）",
    },
    "chat.unknown_format_name": {"en": "unknown export format {name!r}", "zh": "未知的导出格式 {name!r}"},
    "chat.format_names_hint": {"en": "use one of: {names}", "zh": "可用格式：{names}"},
    "chat.is_folder": {"en": "is a folder, not an export file", "zh": "这是文件夹，不是导出文件"},
    "chat.is_folder_hint": {
        "en": "give the export file itself (Slack: the .zip as downloaded)",
        "zh": "请给出导出文件本身（Slack：下载得到的 .zip）",
    },
    "chat.bad_tz": {"en": "unknown time zone {zone!r}", "zh": "未知时区 {zone!r}"},
    "chat.bad_tz_hint": {
        "en": "use an IANA name such as Asia/Shanghai, Europe/Berlin or UTC",
        "zh": "请使用 IANA 时区名，例如 Asia/Shanghai、Europe/Berlin 或 UTC",
    },
    "audit.top_title": {"en": "Top {count} senders", "zh": "发言最多的 {count} 人"},
    "audit.rank": {"en": "#", "zh": "排名"},
    "audit.sender": {"en": "Sender", "zh": "发言人"},
    "audit.sender_id": {"en": "ID", "zh": "ID"},
    "audit.share": {"en": "Share", "zh": "占比"},
    "audit.reading": {"en": "Reading", "zh": "正在读取"},
    "audit.written": {"en": "report written to {path}", "zh": "报告已写入 {path}"},
}
