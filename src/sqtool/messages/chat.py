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
        "en": "row has {found:cell|cells} but the header names {expected}",
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
    "chat.unknown_format_near_hint": {
        "en": "it looks most like {closest}: if it is, read it with --format {closest} (--lenient skips the records "
        "that do not fit); else convert the data to the generic CSV (time,sender,text)",
        "zh": "看着最像 {closest}：如果就是，请用 --format {closest} 指定格式（加 --lenient 可跳过读不了的记录）；"
        "不是的话，请把数据转换为通用 CSV（time,sender,text）",
    },
    "chat.unknown_format_name": {"en": "unknown export format {name!r}", "zh": "未知的导出格式 {name!r}"},
    "chat.format_names_hint": {"en": "use one of: {names}", "zh": "可用格式：{names}"},
    "chat.damaged_zip": {
        "en": "the zip archive is damaged (member {member}): {reason}",
        "zh": "zip 压缩包已损坏（成员 {member}）：{reason}",
    },
    "chat.damaged_zip_whole": {
        "en": "the zip archive is damaged: {reason}",
        "zh": "zip 压缩包已损坏：{reason}",
    },
    "chat.damaged_zip_hint": {
        "en": "download or export the archive again; if only part is damaged, unzip what you can and give that file",
        "zh": "请重新下载或导出压缩包；若只损坏了一部分，解压能解出的文件后再指定该文件",
    },
    "chat.ambiguous_dates_dmy": {
        "en": "dates like {example} could be day/month or month/day; read as day/month/year",
        "zh": "{example} 这样的日期既可能是日/月也可能是月/日；已按 日/月/年 读取",
    },
    "chat.ambiguous_dates_hint": {
        "en": "if that is wrong, force the order with --date-order dmy, mdy or ymd",
        "zh": "若不对，请用 --date-order 指定顺序：dmy、mdy 或 ymd",
    },
    "chat.bad_date_order": {"en": "unknown date order {name!r}", "zh": "未知的日期顺序 {name!r}"},
    "chat.bad_date_order_hint": {"en": "use one of: dmy, mdy, ymd", "zh": "可用值：dmy、mdy、ymd"},
    "chat.mixed_platforms": {
        "en": "exports of different platforms were merged ({names}): they are probably not the same group",
        "zh": "合并了不同平台的导出（{names}）：它们很可能不是同一个群",
    },
    "chat.deleted_account": {"en": "Deleted Account", "zh": "已注销账号"},
    "chat.bad_sender": {
        "en": "the {column} must be text or a number, not {what}",
        "zh": "{column} 必须是文本或数字，而不是 {what}",
    },
    "chat.no_records": {"en": "no {name} records found", "zh": "没有找到 {name} 记录"},
    "chat.no_records_like": {
        "en": "no {name} records found; the file looks like {detected}",
        "zh": "没有找到 {name} 记录；该文件看起来是 {detected}",
    },
    "chat.no_records_hint": {
        "en": "drop --format to detect the format, or give the export of that platform",
        "zh": "去掉 --format 让工具自动识别，或指定该平台的导出文件",
    },
    "chat.zip_not_format": {
        "en": "a zip archive is not a {name} export (only slack and whatsapp exports come zipped)",
        "zh": "zip 压缩包不是 {name} 导出（只有 slack 和 whatsapp 的导出是压缩包）",
    },
    "chat.zip_not_format_hint": {
        "en": "unzip it and give the export file inside, or drop --format",
        "zh": "请先解压并指定其中的导出文件，或去掉 --format",
    },
    "chat.not_slack_folder": {
        "en": "is a folder but not an unzipped Slack export (expected channels.json or users.json "
        "and channel folders of YYYY-MM-DD.json files)",
        "zh": "这是文件夹，但不是解压后的 Slack 导出（应有 channels.json 或 users.json，"
        "以及存放 YYYY-MM-DD.json 文件的频道文件夹）",
    },
    "chat.stdin_binary": {
        "en": "{name} exports cannot be read from stdin (they are zip archives or folders)",
        "zh": "{name} 导出无法从标准输入读取（它们是压缩包或文件夹）",
    },
    "chat.stdin_binary_hint": {
        "en": "give the file or folder path instead of -",
        "zh": "请给出文件或文件夹路径，而不是 -",
    },
    "chat.is_folder": {"en": "is a folder, not an export file", "zh": "这是文件夹，不是导出文件"},
    "chat.is_folder_hint": {
        "en": "give the export file itself, or a Slack export (the .zip as downloaded, or its unzipped folder)",
        "zh": "请给出导出文件本身，或 Slack 导出（下载得到的 .zip 或其解压后的文件夹）",
    },
    "chat.bad_tz": {"en": "unknown time zone {zone!r}", "zh": "未知时区 {zone!r}"},
    "chat.bad_tz_close_hint": {"en": "did you mean {close}?", "zh": "是不是指 {close}？"},
    "chat.bad_tz_hint": {
        "en": "use an IANA name such as Asia/Shanghai, Europe/Berlin or UTC",
        "zh": "请使用 IANA 时区名，例如 Asia/Shanghai、Europe/Berlin 或 UTC",
    },
    "audit.warning": {"en": "warning", "zh": "警告"},
    "audit.top_title": {"en": "Top {count:sender|senders}", "zh": "发言最多的 {count} 人"},
    "audit.rank": {"en": "#", "zh": "排名"},
    "audit.sender": {"en": "Sender", "zh": "发言人"},
    "audit.sender_id": {"en": "ID", "zh": "ID"},
    "audit.share": {"en": "Share", "zh": "占比"},
    "audit.reading": {"en": "Reading", "zh": "正在读取"},
    # exports named by a URL (chat/remote.py)
    "chat.url_needs_fsspec": {
        "en": "this export is a URL; sqtool reads URLs through fsspec, which is not installed",
        "zh": "这个导出文件是网址；sqtool 需要借助 fsspec 读取网址，但没有安装 fsspec",
    },
    "chat.url_needs_fsspec_hint": {
        "en": "pip install 'sqtool[dask]' (it brings fsspec), plus the storage's package, such as s3fs or gcsfs",
        "zh": "运行 pip install 'sqtool[dask]'（会装上 fsspec），再装上对应存储的包，如 s3fs、gcsfs",
    },
    "chat.url_protocol_unknown": {
        "en": "fsspec does not know the protocol '{protocol}'",
        "zh": "fsspec 不认识“{protocol}”这种协议",
    },
    "chat.url_protocol_hint": {
        "en": "write a local path, or a URL fsspec reads, such as s3://bucket/export.json or file:///data/export.json",
        "zh": "请写本地路径，或 fsspec 能读的网址，如 s3://bucket/export.json、file:///data/export.json",
    },
    "chat.url_protocol_missing": {
        "en": "this storage needs a package that is not installed: {reason}",
        "zh": "读取这种存储还需要一个没有安装的包：{reason}",
    },
    "chat.url_is_folder": {"en": "this URL is a folder, not an export file", "zh": "这个网址是文件夹，不是导出文件"},
    "chat.url_is_folder_hint": {
        "en": "name the export file, or a glob such as s3://bucket/exports/*.json in a portfolio manifest",
        "zh": "请写出导出文件本身，或在群清单里写通配符，如 s3://bucket/exports/*.json",
    },
}
