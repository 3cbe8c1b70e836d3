"""Messages of the hardening against hostile or careless input: YAML, TOML and CSV guards, numbers
and dates out of range, broken terminals and disks (docs/security.md)."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- a JSON record over a limit: --lenient skips it (chat/jsonskip.py) --
    "limit.hint_record": {
        "en": (
            "if the export is genuine, raise the limit: sqtool {option} {bigger} … (0: no limit; docs/limits.md);"
            " or pass --lenient to skip each message over it and count it"
        ),
        "zh": (
            "如果这份导出没有问题，可以调高上限：sqtool {option} {bigger} …（0 为不限；见 docs/limits.md）；"
            "也可以加 --lenient，跳过超限的消息并计数"
        ),
    },
    # -- YAML that is not a plan (config, roster, answers) through the plan loader's guards --
    "yaml.load_failed": {
        "en": "cannot read this YAML file: {message}",
        "zh": "无法读取这个 YAML 文件：{message}",
    },
    "yaml.number_too_long": {
        "en": "this number is more than {limit:digit|digits} long",
        "zh": "这个数字超过 {limit} 位",
    },
    "yaml.number_too_long_hint": {
        "en": "write a realistic number, or quote it if it is meant as text (an id, a phone number)",
        "zh": "请填写一个合理的数字；如果它其实是文字（编号、手机号），请加上引号",
    },
    # -- config files --
    "config.number_too_long": {
        "en": "the file holds an integer of more than {limit:digit|digits}",
        "zh": "文件里有一个超过 {limit} 位的整数",
    },
    "config.too_deep": {
        "en": "the file nests tables or arrays too deeply to be read",
        "zh": "文件里的表或数组嵌套太深，无法读取",
    },
    "config.tool_not_table": {
        "en": "'{name}' must be a table of settings, not a single value",
        "zh": "“{name}”必须是一张配置表，不能是单个值",
    },
    "config.tool_not_table_hint": {
        "en": 'write the settings under a [tool.sqtool] header, e.g. select = ["SQ2"]',
        "zh": '请把配置写在 [tool.sqtool] 标题下，例如 select = ["SQ2"]',
    },
    # -- the file system --
    "fs.no_current_folder": {
        "en": "the current folder cannot be used: {reason}",
        "zh": "当前文件夹无法使用：{reason}",
    },
    "fs.no_current_folder_hint": {
        "en": "the folder was probably deleted or moved; cd into an existing folder and run again",
        "zh": "当前文件夹可能已被删除或移走；请 cd 到一个存在的文件夹后重新运行",
    },
    # -- numbers and dates out of range --
    "audit.too_large": {
        "en": "{option} is larger than sqtool accepts (at most {limit})",
        "zh": "{option} 的值太大了（最多 {limit}）",
    },
    "audit.date_out_of_range": {
        "en": "{option} {value!r} is outside the years {first}–{last} that sqtool reads",
        "zh": "{option} {value!r} 超出了 sqtool 能处理的年份范围（{first}–{last} 年）",
    },
    "chat.time_out_of_range": {
        "en": "a record (id {id}) is dated {time}, outside the years {first}–{last} that sqtool reads",
        "zh": "有一条记录（id {id}）的时间是 {time}，超出了 sqtool 能处理的年份范围（{first}–{last} 年）",
    },
    # -- plans --
    "plan.schema.not_finite": {
        "en": "'{name}' must be a real number, not NaN or infinity",
        "zh": "“{name}”必须是实际的数字，不能是 NaN 或无穷大",
    },
    "audit.plan_invalid": {
        "en": "the plan does not pass `sqtool validate`: {message}",
        "zh": "这份计划没有通过 `sqtool validate`：{message}",
    },
    "audit.plan_invalid_hint": {
        "en": "run `sqtool validate {path}` to see every problem, fix them, then audit again",
        "zh": "运行 `sqtool validate {path}` 查看全部问题，改好后再体检",
    },
    # -- what the operating system refuses --
    "io.stdin_closed": {
        "en": "standard input is closed, so there is nothing to read from '-'",
        "zh": "标准输入已关闭，“-”读不到任何内容",
    },
    "io.stdout_closed": {
        "en": "standard output is closed, so the result cannot be shown",
        "zh": "标准输出已关闭，结果无法显示",
    },
    "io.closed_hint": {
        "en": "run the command without '<&-' or '>&-'; to keep the output, pass -o FILE",
        "zh": "运行命令时不要用“<&-”或“>&-”；要保存结果请加 -o 文件名",
    },
    "io.stdout_failed": {
        "en": "cannot write the output: {reason}",
        "zh": "无法输出结果：{reason}",
    },
    "fs.disk_full": {
        "en": "cannot write: {reason}; nothing was replaced",
        "zh": "无法写入：{reason}；原有文件没有被改动",
    },
    "fs.disk_full_hint": {
        "en": "free some space on that disk (or write with -o to another one) and run again",
        "zh": "请清理这块磁盘的空间（或用 -o 写到别的磁盘）后重新运行",
    },
    "fs.name_too_long": {
        "en": "the file name is too long for this system: {reason}",
        "zh": "文件名太长，系统无法处理：{reason}",
    },
    "fs.name_too_long_hint": {
        "en": "most systems allow 255 bytes per name (about 85 Chinese characters); rename or move the file",
        "zh": "多数系统每个文件名最多 255 字节（约 85 个汉字）；请改名或换个位置",
    },
    "fs.system_refused": {
        "en": "the system refused: {reason}",
        "zh": "系统拒绝了这个操作：{reason}",
    },
    "fs.empty_output": {
        "en": "the output file name is empty; name a file, e.g. -o report.md",
        "zh": "输出文件名为空；请写一个文件名，例如 -o report.md",
    },
    "fs.output_is_folder": {
        "en": "{path} names a folder; name a file inside it, e.g. -o {path}report.md",
        "zh": "{path} 是一个文件夹名；请指定其中的文件，例如 -o {path}report.md",
    },
    "chat.zip_unsupported": {
        "en": "the zip member {member} is encrypted or compressed with a method sqtool cannot unpack",
        "zh": "压缩包里的 {member} 加了密，或用了 sqtool 无法解压的压缩方式",
    },
    "chat.zip_method_refused": {
        "en": (
            "the zip member {member} is compressed with {method}, which sqtool does not unpack"
            " (it cannot be unpacked a bounded piece at a time, so a tiny member could fill the memory)"
        ),
        "zh": (
            "压缩包里的 {member} 用的是 {method} 压缩，sqtool 不解这种格式"
            "（它没法一小块一小块地解，几百字节就可能撑满内存）"
        ),
    },
    "chat.zip_method_refused_hint": {
        "en": "unzip it with your archive tool and give sqtool the file, or zip it again the usual way (deflate)",
        "zh": "请先用解压软件解开，再把文件交给 sqtool；或者用常见的压缩方式（deflate）重新打包",
    },
    "chat.zip_unsupported_hint": {
        "en": "unzip it with your archive tool and give sqtool the file, or zip it again without encryption",
        "zh": "请先用解压软件解开，再把文件交给 sqtool；或者重新打包（不要加密）",
    },
}
