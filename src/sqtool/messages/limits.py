"""Messages about the limits on what sqtool reads (settings.Limits, docs/limits.md)."""

MESSAGES: dict[str, dict[str, str]] = {
    "limit.input_bytes": {
        "en": "this input is larger than the limit of {limit}; sqtool stopped reading there",
        "zh": "这份输入超过了 {limit} 的上限，sqtool 读到这里就停下了",
    },
    "limit.zip_members": {
        "en": "the zip holds {count:file|files}, more than the limit of {limit}",
        "zh": "这个 zip 里有 {count} 个文件，超过了 {limit} 个的上限",
    },
    "limit.zip_ratio": {
        "en": "the zip would inflate to {size}, more than {limit:time|times} its own size (a zip bomb?)",
        "zh": "这个 zip 解压后会有 {size}，超过自身大小的 {limit} 倍（可能是压缩炸弹）",
    },
    "limit.depth": {
        "en": "JSON nested deeper than the limit of {limit:level|levels}",
        "zh": "JSON 嵌套超过了 {limit} 层的上限",
    },
    "limit.string_bytes": {
        "en": "a JSON string here is longer than the limit of {limit}",
        "zh": "这里有一个 JSON 字符串超过了 {limit} 的长度上限",
    },
    "limit.string_bytes_line": {
        "en": "this line is longer than the limit of {limit}",
        "zh": "这一行超过了 {limit} 的长度上限",
    },
    "limit.string_bytes_field": {
        "en": "a CSV field starting here is longer than the limit of {limit}",
        "zh": "从这里开始的一个 CSV 字段超过了 {limit} 的长度上限",
    },
    "limit.string_bytes_answer": {
        "en": "the answer is longer than the limit of {limit}",
        "zh": "这个回答超过了 {limit} 的长度上限",
    },
    "limit.records": {
        "en": "this export holds more than the limit of {limit:record|records}",
        "zh": "这份导出的记录数超过了 {limit} 条的上限",
    },
    "limit.int_digits": {
        "en": "a number with more than the limit of {limit:digit|digits}",
        "zh": "有一个数字超过了 {limit} 位的上限",
    },
    "limit.seconds": {
        "en": "still running after the limit of {limit:second|seconds}; stopped",
        "zh": "运行超过了 {limit} 秒的上限，已停止",
    },
    "limit.folder_depth": {
        "en": "the folder goes deeper than the limit of {limit:level|levels} (or loops through a link)",
        "zh": "文件夹层级超过了 {limit} 层的上限（或者通过链接绕成了环）",
    },
    "limit.hint": {
        "en": "if the input is genuine, raise the limit: sqtool {option} {bigger} … (0: no limit; docs/limits.md)",
        "zh": "如果这份输入没有问题，可以调高上限：sqtool {option} {bigger} …（0 为不限；见 docs/limits.md）",
    },
    "limit.cut_strings": {
        "en": "{count} JSON strings longer than {limit} were skipped with their records (--lenient)",
        "zh": "有 {count} 个超过 {limit} 的 JSON 字符串连同所在记录被跳过（--lenient）",
    },
    "limit.bad_value": {
        "en": "{value!r} is not a valid value for {option}",
        "zh": "{value!r} 不是 {option} 的有效取值",
    },
    "limit.bad_value_hint": {
        "en": "give a whole number; sizes may end in K, M or G (16M, 4G); 0 means no limit",
        "zh": "请给一个整数；大小可以带 K、M、G 后缀（如 16M、4G）；0 表示不设上限",
    },
    "fs.not_regular_fifo": {
        "en": "this is a named pipe (FIFO), not a file; sqtool does not read from it (it could wait forever)",
        "zh": "这是命名管道（FIFO），不是普通文件；sqtool 不从这里读取（可能会一直卡住）",
    },
    "fs.not_regular_socket": {
        "en": "this is a socket, not a file; sqtool does not read from it",
        "zh": "这是套接字，不是普通文件；sqtool 不从这里读取",
    },
    "fs.not_regular_device": {
        "en": "this is a device, not a file; sqtool does not read from it (it could never end)",
        "zh": "这是设备文件，不是普通文件；sqtool 不从这里读取（可能永远读不完）",
    },
    "fs.not_regular_other": {
        "en": "this is a special file, not a regular one; sqtool does not read from it",
        "zh": "这是特殊文件，不是普通文件；sqtool 不从这里读取",
    },
    "fs.not_regular_hint": {
        "en": "save the data to a file first, or pipe it in and pass - (stdin is read up to --max-input-bytes)",
        "zh": "请先把数据存成文件，或者用管道输入并传 -（标准输入最多读取 --max-input-bytes）",
    },
    "fs.is_folder_input": {
        "en": "this is a folder; name a file inside it",
        "zh": "这是文件夹，请指定其中的一个文件",
    },
    "scaffold.index_too_large": {
        "en": "the list index {index} in {key} is larger than {most}, the most a plan's list may use",
        "zh": "{key} 里的列表下标 {index} 超过了计划列表允许的最大值 {most}",
    },
    "scaffold.index_too_large_hint": {
        "en": "number list items from 0 (value_output.0.time, value_output.1.time, …)",
        "zh": "列表项从 0 开始编号（value_output.0.time、value_output.1.time……）",
    },
    "history.window": {
        "en": "showing the last {shown} of {total:saved period|saved periods}; --last N shows more (0: all)",
        "zh": "只显示了已保存的 {total} 个时段中最近的 {shown} 个；用 --last N 可以多看一些（0 为全部）",
    },
    "history.bad_last": {
        "en": "--last {value} is not a number of periods",
        "zh": "--last {value} 不是有效的时段个数",
    },
    "history.bad_last_hint": {
        "en": "give how many recent periods to show, or 0 for all of them",
        "zh": "请写要显示最近几个时段，写 0 就显示全部",
    },
}
