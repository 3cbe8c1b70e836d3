"""Messages about reading and writing files."""

MESSAGES: dict[str, dict[str, str]] = {
    "fs.exists": {
        "en": "the file already exists and was left as it is",
        "zh": "文件已存在，未作改动",
    },
    "fs.exists_hint": {
        "en": "pass --force to replace it, or choose another path",
        "zh": "如需覆盖请加 --force，或换一个路径",
    },
    "fs.exists_not_generated_hint": {
        "en": "sqtool replaces only reports it wrote itself; pass --force to replace this file, or choose another path",
        "zh": "sqtool 只会直接覆盖它自己生成的报告；如需覆盖这个文件请加 --force，或换一个路径",
    },
    "fs.is_folder": {"en": "this is a folder, not a file", "zh": "这是文件夹，不是文件"},
    "fs.is_folder_hint": {
        "en": "name a file inside it, e.g. {path}/report.txt",
        "zh": "请指定其中的一个文件，例如 {path}/report.txt",
    },
    "fs.written": {"en": "report written to {path}", "zh": "报告已写入 {path}"},
    "fs.cannot_write": {"en": "cannot write the file: {reason}", "zh": "无法写入文件：{reason}"},
    "fs.not_found": {"en": "no such file", "zh": "文件不存在"},
    "fs.not_found_hint": {
        "en": "check the path; globs and folders are expanded by sqtool",
        "zh": "请检查路径；sqtool 会展开通配符和文件夹",
    },
    "fs.cannot_read": {"en": "cannot read the file: {reason}", "zh": "无法读取文件：{reason}"},
    "fs.too_large": {
        "en": "the file is {size:byte|bytes}, over the limit of {limit:byte|bytes}",
        "zh": "文件大小为 {size} 字节，超过上限 {limit} 字节",
    },
}
