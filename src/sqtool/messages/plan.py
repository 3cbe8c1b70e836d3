"""Messages about plan files: loading YAML (SQ000), schema validation (SQ001), `validate` and `schema`."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- reading the file (SqtoolError, exit 2) --
    "plan.bad_utf8": {
        "en": "the file is not valid UTF-8 (bad byte at offset {offset})",
        "zh": "文件不是有效的 UTF-8 编码（偏移量 {offset} 处的字节有误）",
    },
    "plan.bad_utf8_hint": {
        "en": "save the file as UTF-8 (with or without BOM) in your editor",
        "zh": "请在编辑器中把文件另存为 UTF-8（带不带 BOM 均可）",
    },
    "plan.is_directory": {
        "en": "this is a folder, not a plan file",
        "zh": "这是一个文件夹，不是计划文件",
    },
    "plan.too_large_hint": {
        "en": "a community plan is a few kilobytes; check that this is the right file",
        "zh": "社群计划通常只有几 KB；请确认文件是否选对",
    },
    "plan.load_failed": {
        "en": "cannot load the plan: {message}",
        "zh": "无法加载计划：{message}",
    },
    # -- YAML content the loader refuses (findings, rule SQ000) --
    "plan.yaml_syntax": {"en": "invalid YAML: {problem}", "zh": "YAML 语法错误：{problem}"},
    "plan.yaml_syntax_hint": {
        "en": "check the indentation and the ': ' after each key here; quote text that contains ': ' or ' #'",
        "zh": "请检查此处的缩进以及每个键后的“: ”；含有“: ”或“ #”的文字请加引号",
    },
    "plan.yaml.mapping_values": {
        "en": "a ':' appears where no key can start (often an unquoted ': ' inside a value)",
        "zh": "此处不能出现“:”（常见原因：值里有未加引号的“: ”）",
    },
    "plan.yaml.expected_colon": {
        "en": "a key is not followed by ':'",
        "zh": "键后面缺少“:”",
    },
    "plan.yaml.expected_key": {
        "en": "the indentation does not line up with the keys above",
        "zh": "缩进与上面的键没有对齐",
    },
    "plan.yaml.expected_content": {
        "en": "a value was expected here",
        "zh": "此处缺少一个值",
    },
    "plan.yaml.unexpected_end": {
        "en": "the file ends in the middle of a value (an unclosed quote or bracket?)",
        "zh": "文件在某个值的中途结束（是否有未闭合的引号或括号？）",
    },
    "plan.yaml.bad_token": {
        "en": "a character here cannot start a value ({char})",
        "zh": "此处的字符不能作为值的开头（{char}）",
    },
    "plan.yaml.flow_end": {
        "en": "a list or mapping in brackets is not closed properly",
        "zh": "方括号或花括号中的列表或映射没有正确闭合",
    },
    "plan.yaml_tab": {
        "en": "tabs are not allowed for indentation in YAML",
        "zh": "YAML 不允许用 Tab 缩进",
    },
    "plan.yaml_tab_hint": {
        "en": "replace the tab with spaces (two per level is usual)",
        "zh": "请把 Tab 换成空格（通常每级两个空格）",
    },
    "plan.ime_colon": {
        "en": "a full-width colon '：' here: YAML needs ':' followed by a space",
        "zh": "这里是全角冒号“：”，YAML 的键后面要用半角冒号“:”再加一个空格",
    },
    "plan.ime_colon_hint": {
        "en": "retype it as ':' and a space (e.g. `name: 晨读营`); a Chinese input method types '：' in Chinese mode",
        "zh": "改成半角的“:”加空格（例如 `name: 晨读营`）；中文输入法在中文标点模式下会打出“：”",
    },
    "plan.ime_space": {
        "en": "a full-width space '　' here: YAML indents with ordinary spaces only",
        "zh": "这里有一个全角空格“　”，YAML 只能用半角空格缩进",
    },
    "plan.ime_space_hint": {
        "en": "replace it with ordinary spaces (two per level is usual)",
        "zh": "请换成半角空格（通常每级两个）",
    },
    "plan.yaml_bad_char": {
        "en": "the file contains a character that YAML does not allow ({char})",
        "zh": "文件中含有 YAML 不允许的字符（{char}）",
    },
    "plan.yaml_bad_char_hint": {
        "en": "delete the character; it is often a stray control character from copy and paste",
        "zh": "请删除该字符；它通常是复制粘贴带进来的控制字符",
    },
    "plan.empty": {
        "en": "the file is empty; a plan needs at least version, community, positioning and roles",
        "zh": "文件为空；计划至少需要 version、community、positioning 和 roles",
    },
    "plan.empty_hint": {
        "en": "run `sqtool init` to write a commented plan to start from, or `sqtool schema` to see every field",
        "zh": "运行 `sqtool init` 生成一份带注释的计划作为起点，或运行 `sqtool schema` 查看所有字段",
    },
    "plan.not_mapping": {
        "en": "a plan must be a mapping of 'key: value' lines, but this document is {kind}",
        "zh": "计划必须是“键: 值”形式的映射，但这个文档是{kind}",
    },
    "plan.not_mapping_hint": {
        "en": "begin the file with 'version: 1' and the other top-level keys, without a leading '-'",
        "zh": "文件应以“version: 1”等顶层键开头，前面不要有“-”",
    },
    "plan.kind.sequence": {"en": "a list", "zh": "一个列表"},
    "plan.kind.scalar": {"en": "a single value", "zh": "一个单独的值"},
    "plan.multiple_documents": {
        "en": "the file holds more than one YAML document ('---'); a plan is a single document",
        "zh": "文件包含多个 YAML 文档（“---”）；一个计划只能是一个文档",
    },
    "plan.multiple_documents_hint": {
        "en": "put each plan in its own file",
        "zh": "请把每个计划放到单独的文件中",
    },
    "plan.duplicate_key": {
        "en": "duplicate key '{key}': it is already defined at line {first_line}",
        "zh": "重复的键“{key}”：第 {first_line} 行已经定义过",
    },
    "plan.duplicate_key_hint": {
        "en": "keep only one of them; many YAML tools would silently drop the first",
        "zh": "只保留其中一个；很多 YAML 工具会悄悄丢掉前一个",
    },
    "plan.complex_key": {
        "en": "a key must be plain text, not a list or a mapping",
        "zh": "键必须是普通文字，不能是列表或映射",
    },
    "plan.complex_key_hint": {
        "en": "write the key as text followed by ':'",
        "zh": "请把键写成文字，后面跟“:”",
    },
    "plan.alias_limit": {
        "en": "aliases expand to more than {limit:value|values}; refusing to expand them (an alias bomb?)",
        "zh": "别名展开后超过 {limit} 个值，拒绝展开（疑似别名炸弹）",
    },
    "plan.alias_limit_hint": {
        "en": "write the values out, or use fewer nested aliases (*name); plans rarely need them",
        "zh": "请直接写出这些值，或减少嵌套别名（*name）；计划很少需要别名",
    },
    "plan.depth_limit": {
        "en": "values are nested more than {limit:level|levels} deep",
        "zh": "值的嵌套层级超过 {limit} 层",
    },
    "plan.depth_limit_hint": {
        "en": "a plan is only a few levels deep; check for runaway brackets or aliases",
        "zh": "计划只有几层嵌套；请检查是否有多余的括号或别名",
    },
    "plan.alias_undefined": {
        "en": "the alias '*{name}' refers to no anchor '&{name}' defined before it",
        "zh": "别名“*{name}”之前没有定义对应的锚点“&{name}”",
    },
    "plan.alias_recursive": {
        "en": "the alias '*{name}' refers to a value that contains the alias itself",
        "zh": "别名“*{name}”引用了包含它自身的值",
    },
    "plan.alias_hint": {
        "en": "define '&name' on an earlier, complete value, or write the value out",
        "zh": "请在前面一个完整的值上定义“&name”，或直接写出该值",
    },
    "plan.bad_tag": {
        "en": "the tag '{tag}' is not supported in a plan",
        "zh": "计划中不支持标签“{tag}”",
    },
    "plan.bad_tag_hint": {
        "en": "remove the tag; plans use plain YAML values (text, numbers, true/false, lists, mappings)",
        "zh": "请删除该标签；计划只使用普通 YAML 值（文字、数字、true/false、列表、映射）",
    },
    "plan.bad_tagged_value": {
        "en": "'{value}' cannot be read as {tag}",
        "zh": "“{value}”无法按 {tag} 读取",
    },
    "plan.bad_merge": {
        "en": "'<<' must refer to a mapping or a list of mappings",
        "zh": "“<<”只能引用一个映射或由映射组成的列表",
    },
    "plan.bad_merge_hint": {
        "en": "point '<<' at an anchored mapping, e.g. '<<: *defaults'",
        "zh": "请让“<<”指向带锚点的映射，例如“<<: *defaults”",
    },
}

MESSAGES |= {
    # -- schema validation (findings, rule SQ001) --
    "plan.schema.top_level": {"en": "the top level of the plan", "zh": "计划顶层"},
    "plan.schema.in_section": {"en": "'{section}'", "zh": "“{section}”"},
    "plan.schema.unknown_key": {
        "en": "unknown key '{key}' in {where}",
        "zh": "{where}中有未知的键“{key}”",
    },
    "plan.schema.unknown_key_hint_close": {
        "en": "did you mean '{suggestion}'? Keys of your own must start with 'x-'",
        "zh": "是否想写“{suggestion}”？自定义的键须以“x-”开头",
    },
    "plan.schema.unknown_key_hint": {
        "en": "keys allowed here: {known}; keys of your own must start with 'x-'",
        "zh": "此处可用的键：{known}；自定义的键须以“x-”开头",
    },
    "plan.schema.missing": {
        "en": "'{key}' is missing from {where}",
        "zh": "{where}缺少“{key}”",
    },
    "plan.schema.missing_hint": {
        "en": "add '{key}:' here ({about})",
        "zh": "请在此处添加“{key}:”（{about}）",
    },
    "plan.schema.type": {
        "en": "'{name}' must be {expected}, got {value}",
        "zh": "“{name}”应为{expected}，实际是 {value}",
    },
    "plan.schema.enum": {
        "en": "'{name}' must be one of {allowed}, got {value}",
        "zh": "“{name}”只能取以下值之一：{allowed}，实际是 {value}",
    },
    "plan.schema.key_or_text": {
        "en": "'{name}' is {value}, which looks like a key but is not a known one ({allowed})",
        "zh": "“{name}”的值 {value} 看起来像一个键，但不是已知的键（{allowed}）",
    },
    "plan.schema.key_or_text_hint": {
        "en": "use one of the known keys, or write the rule in your own words (with spaces or in Chinese)",
        "zh": "请使用已知的键，或直接用自己的话写出来（带空格或用中文）",
    },
    "plan.schema.did_you_mean": {"en": "did you mean '{suggestion}'?", "zh": "是否想写“{suggestion}”？"},
    "plan.schema.time": {
        "en": '\'{name}\' must be a 24-hour time "HH:MM" or a span "HH:MM-HH:MM", got {value}',
        "zh": "“{name}”应为 24 小时制时间“HH:MM”或时间段“HH:MM-HH:MM”，实际是 {value}",
    },
    "plan.schema.time_hint": {
        "en": 'write it in quotes, e.g. time: "21:00-21:30"',
        "zh": '请加引号书写，例如 time: "21:00-21:30"',
    },
    "plan.schema.currency": {
        "en": "'{name}' must be a three-letter currency code such as CNY or USD, got {value}",
        "zh": "“{name}”应为三个大写字母的货币代码，如 CNY 或 USD，实际是 {value}",
    },
    "plan.schema.currency_hint": {
        "en": "use the ISO 4217 code in capitals, e.g. currency: CNY",
        "zh": "请使用大写的 ISO 4217 代码，例如 currency: CNY",
    },
    "plan.schema.timezone": {
        "en": "'{name}' must be an IANA time zone such as Asia/Shanghai, got {value}",
        "zh": "“{name}”应为 IANA 时区名，如 Asia/Shanghai，实际是 {value}",
    },
    "plan.schema.timezone_hint": {
        "en": "write the region and city, e.g. timezone: Asia/Shanghai, or UTC",
        "zh": "请写“地区/城市”，例如 timezone: Asia/Shanghai，或写 UTC",
    },
    "plan.schema.pattern": {
        "en": "'{name}' does not have the expected form ({pattern}), got {value}",
        "zh": "“{name}”的格式不符合要求（{pattern}），实际是 {value}",
    },
    "plan.schema.date": {
        "en": "'{name}' must be a date written YYYY-MM-DD, got {value}",
        "zh": "“{name}”应为 YYYY-MM-DD 格式的日期，实际是 {value}",
    },
    "plan.schema.date_hint": {
        "en": "for example launch_date: 2026-03-01 (the date must exist in the calendar)",
        "zh": "例如 launch_date: 2026-03-01（日期须真实存在）",
    },
    "plan.schema.minimum": {
        "en": "'{name}' must be at least {limit}, got {value}",
        "zh": "“{name}”不能小于 {limit}，实际是 {value}",
    },
    "plan.schema.maximum": {
        "en": "'{name}' must be at most {limit}, got {value}",
        "zh": "“{name}”不能大于 {limit}，实际是 {value}",
    },
    "plan.schema.empty_text": {"en": "'{name}' must not be empty", "zh": "“{name}”不能为空"},
    "plan.schema.min_items": {
        "en": "'{name}' must list at least {limit:item|items}",
        "zh": "“{name}”至少要列出 {limit} 项",
    },
    "plan.schema.duplicate_item": {
        "en": "'{name}' lists {value} more than once",
        "zh": "“{name}”中 {value} 出现了不止一次",
    },
    "plan.schema.duplicate_item_hint": {"en": "remove the repeated entry", "zh": "请删除重复的一项"},
    "plan.schema.key_name": {
        "en": "'{key}' is not a valid key here; use lowercase letters, digits and '_'",
        "zh": "“{key}”不是有效的键；请只用小写字母、数字和“_”",
    },
    "plan.schema.other": {"en": "'{name}': {detail}", "zh": "“{name}”：{detail}"},
    "plan.hint.enum": {
        "en": "write one of {options}, for example {key}: {example}",
        "zh": "请写以下值之一：{options}，例如 {key}: {example}",
    },
    "plan.hint.kind": {"en": "write {kind}, for example {key}: {example}", "zh": "请写{kind}，例如 {key}: {example}"},
    "plan.hint.between": {"en": "{kind} from {low} to {high}", "zh": "介于 {low} 和 {high} 之间的{kind}"},
    "plan.hint.const": {"en": "write {key}: {example}", "zh": "请写 {key}: {example}"},
    "plan.hint.at_least": {"en": "{kind} of at least {low}", "zh": "不小于 {low} 的{kind}"},
    "plan.example.string": {"en": "some words of your own", "zh": "一段自己的话"},
    "plan.example.list": {"en": "[first, second]", "zh": "[第一项, 第二项]"},
    "plan.schema.empty_value": {"en": "an empty value", "zh": "空值"},
    "plan.type.or": {"en": " or ", "zh": "或"},
    "plan.type.integer": {"en": "an integer", "zh": "整数"},
    "plan.type.number": {"en": "a number", "zh": "数字"},
    "plan.type.string": {"en": "text", "zh": "文字"},
    "plan.type.boolean": {"en": "true or false", "zh": "true 或 false"},
    "plan.type.array": {"en": "a list", "zh": "列表"},
    "plan.type.object": {"en": "a mapping of 'key: value' lines", "zh": "“键: 值”映射"},
    "plan.type.null": {"en": "empty", "zh": "空"},
    "plan.type.other": {"en": "another kind of value", "zh": "其他类型的值"},
}

MESSAGES |= {
    # -- inputs and the validate/schema commands --
    "plan.no_match": {
        "en": "no YAML file matches '{pattern}'",
        "zh": "没有与“{pattern}”匹配的 YAML 文件",
    },
    "plan.output_is_input": {
        "en": "the report would overwrite {path}, which is one of the plans being read",
        "zh": "报告会覆盖 {path}，而它正是要读取的计划之一",
    },
    "plan.output_is_input_hint": {
        "en": "write the report to another file, e.g. --output report.txt (--force never replaces an input)",
        "zh": "请把报告写到别的文件，例如 --output report.txt（--force 也不会覆盖输入文件）",
    },
    "plan.no_match_hint": {
        "en": "check the pattern; quote it so that sqtool, not the shell, expands it ('plans/**/*.yaml')",
        "zh": "请检查通配符；加上引号让 sqtool 而不是 shell 展开它（'plans/**/*.yaml'）",
    },
    "plan.no_plans_in_folder": {
        "en": "the folder holds no .yaml or .yml file",
        "zh": "文件夹中没有 .yaml 或 .yml 文件",
    },
    "plan.no_plans_in_folder_hint": {
        "en": "plans must end in .yaml or .yml; hidden folders are skipped",
        "zh": "计划文件须以 .yaml 或 .yml 结尾；隐藏文件夹会被跳过",
    },
    "plan.schema_written": {
        "en": "schema written to {path}",
        "zh": "schema 已写入 {path}",
    },
}
