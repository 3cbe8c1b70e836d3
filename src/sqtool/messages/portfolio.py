"""Messages of `sqtool portfolio` (many groups ranked in one view) and `history --portfolio`."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- the manifest --
    "portfolio.manifest_problem": {"en": "invalid manifest: {message}", "zh": "群清单有误：{message}"},
    "portfolio.manifest_hint": {
        "en": "see docs/portfolio.md for the manifest's keys; `sqtool portfolio init DIR` writes one",
        "zh": "清单可用的键见 docs/portfolio.md；`sqtool portfolio init 文件夹` 可以自动生成一份",
    },
    "portfolio.manifest_hint_with": {
        "en": "{detail}; see docs/portfolio.md for the manifest's keys",
        "zh": "{detail}；清单可用的键见 docs/portfolio.md",
    },
    "fs.output_is_manifest": {
        "en": "the report would overwrite {path}, which is the portfolio's manifest",
        "zh": "报告会覆盖 {path}，而它正是群清单",
    },
    "portfolio.manifest_empty": {"en": "the manifest is empty", "zh": "群清单是空的"},
    "portfolio.manifest_empty_hint": {
        "en": "list the groups under 'groups:', or write a manifest with `sqtool portfolio init DIR`",
        "zh": "请在“groups:”下列出各群，或用 `sqtool portfolio init 文件夹` 生成清单",
    },
    "portfolio.manifest_is_folder": {
        "en": "{path} is a folder, not a manifest",
        "zh": "{path} 是文件夹，不是群清单",
    },
    "portfolio.manifest_is_folder_hint": {
        "en": "to write a manifest for the exports in it, run: sqtool portfolio init {path}",
        "zh": "如需为其中的导出文件生成清单，请运行：sqtool portfolio init {path}",
    },
    "portfolio.schema.top_level": {"en": "the top level of the manifest", "zh": "清单顶层"},
    "portfolio.schema.unknown_key": {"en": "unknown key '{key}' in {where}", "zh": "{where}中有未知的键“{key}”"},
    "portfolio.schema.unknown_key_hint": {
        "en": "keys allowed here: {known}; keys of your own must start with 'x-'",
        "zh": "此处可用的键：{known}；自定义的键须以“x-”开头",
    },
    "portfolio.schema.missing": {"en": "'{key}' is missing from {where}", "zh": "{where}缺少“{key}”"},
    "portfolio.schema.tag_name": {
        "en": "tag name '{key}' may not contain spaces or = ! < > ,",
        "zh": "标签名“{key}”不能包含空格或 = ! < > ,",
    },
    "portfolio.schema.exports": {
        "en": "'exports' must be a path or a list of paths, got {value}",
        "zh": "“exports”应为一个路径或路径列表，实际是 {value}",
    },
    "portfolio.example.groups": {
        "en": "for example: groups: [{name: Shanghai 1, exports: exports/sh1.txt}]",
        "zh": "例如：groups: [{name: 上海1群, exports: exports/sh1.txt}]",
    },
    "portfolio.example.name": {
        "en": "give every group a name, for example name: Shanghai 1",
        "zh": "请给每个群起个名字，例如 name: 上海1群",
    },
    "portfolio.example.exports": {
        "en": "name the group's export file(s), relative to the manifest, for example exports: exports/sh1.txt",
        "zh": "请写出这个群的导出文件（相对于清单所在文件夹），例如 exports: exports/sh1.txt",
    },
    "portfolio.duplicate_group": {
        "en": "the group name '{name}' is used twice (first on line {first})",
        "zh": "群名“{name}”重复了（第一次出现在第 {first} 行）",
    },
    "portfolio.duplicate_group_hint": {
        "en": "names are how sqtool keeps each group's history apart: give each group its own",
        "zh": "sqtool 靠群名区分各群的历史记录，请给每个群起不同的名字",
    },
    "portfolio.glob_empty": {"en": "no file matches {path}", "zh": "没有文件匹配 {path}"},
    "portfolio.glob_empty_hint": {
        "en": "check the pattern in the manifest; it is read relative to the manifest's folder",
        "zh": "请检查清单中的通配符；它相对于清单所在的文件夹",
    },
    # -- options --
    "portfolio.bad_jobs": {
        "en": "--jobs must be between 1 and {limit}, got {value}",
        "zh": "--jobs 应在 1 到 {limit} 之间，实际是 {value}",
    },
    "portfolio.bad_jobs_hint": {
        "en": "one worker per processor core is usually fastest, e.g. --jobs 4",
        "zh": "通常每个 CPU 核一个进程最快，例如 --jobs 4",
    },
    "portfolio.bad_executor": {"en": "unknown executor '{value}'", "zh": "未知的执行方式“{value}”"},
    "portfolio.bad_executor_hint": {
        "en": (
            "use --executor processes (default), dask (a local Dask cluster) or dask://HOST:PORT (a running scheduler)"
        ),
        "zh": "可用 --executor processes（默认）、dask（本机 Dask 集群）或 dask://主机:端口（已运行的调度器）",
    },
    "portfolio.no_dask": {
        "en": "--executor dask needs Dask distributed, which is not installed",
        "zh": "--executor dask 需要 Dask distributed，但尚未安装",
    },
    "portfolio.no_dask_hint": {
        "en": "install it with: pip install 'sqtool[dask]'",
        "zh": "请安装：pip install 'sqtool[dask]'",
    },
    "portfolio.dask_unreachable": {
        "en": "cannot reach the Dask scheduler at {address}: {reason}",
        "zh": "连接不上 {address} 的 Dask 调度器：{reason}",
    },
    "portfolio.dask_unreachable_hint": {
        "en": "start one with `dask scheduler` (and workers with `dask worker HOST:PORT`), or use --executor dask",
        "zh": "请先用 `dask scheduler` 启动调度器（用 `dask worker 主机:端口` 启动工作进程），或改用 --executor dask",
    },
    "portfolio.worker_lost": {
        "en": "the worker auditing this group stopped: {reason}",
        "zh": "负责体检这个群的工作进程中途退出：{reason}",
    },
    "portfolio.bad_sort": {"en": "cannot sort by '{value}'", "zh": "不能按“{value}”排序"},
    "portfolio.bad_sort_hint": {"en": "sort by one of: {choices}", "zh": "可按以下之一排序：{choices}"},
    "portfolio.bad_where": {
        "en": "--where '{value}' is not a condition",
        "zh": "--where “{value}” 不是有效的筛选条件",
    },
    "portfolio.bad_where_hint": {
        "en": (
            "write FIELD=VALUE or FIELD!=VALUE, several values with commas: --where status=act,watch --where city=上海"
        ),
        "zh": "请写成 字段=值 或 字段!=值，多个值用逗号分隔：--where status=act,watch --where city=上海",
    },
    "portfolio.unknown_where_field": {
        "en": "no column or tag '{field}' in this portfolio",
        "zh": "这个群清单中没有名为“{field}”的列或标签",
    },
    "portfolio.unknown_where_field_hint": {
        "en": "fields you can filter or total by: {fields}",
        "zh": "可用于筛选或汇总的字段：{fields}",
    },
    "portfolio.unknown_by_tag": {
        "en": "--by takes a tag of the manifest's groups; '{field}' is not one",
        "zh": "--by 只能按群清单里的标签汇总，没有“{field}”这个标签",
    },
    "portfolio.unknown_by_tag_hint": {
        "en": "tags in this manifest: {fields}",
        "zh": "这个群清单里的标签：{fields}",
    },
    "portfolio.no_tags_hint": {
        "en": "this manifest has no tags yet: give groups tags such as tags: {{city: Shanghai, owner: Wang}}",
        "zh": "这个群清单还没有标签：可以给群加上标签，如 tags: {{city: 上海, owner: 王}}",
    },
    "portfolio.stale_exports": {
        "en": "Every group is dormant in {since}..{until}, because the newest member message in the exports is "
        "from {last}. To rank the groups as they stood when they were exported, run again with --until {last}.",
        "zh": "{since} 至 {until} 这段时间所有群都没有成员发言：导出记录里最新的成员消息是 {last} 的。"
        "想看导出时各群的情况，请加上 --until {last} 再运行一次。",
    },
    "portfolio.bad_status": {"en": "no status '{value}'", "zh": "没有“{value}”这种状态"},
    "portfolio.bad_status_hint": {"en": "statuses: {choices}", "zh": "可用的状态：{choices}"},
    "portfolio.bad_format": {
        "en": "--report {value} is not a portfolio report format",
        "zh": "--report {value} 不是群组合报告支持的格式",
    },
    "portfolio.bad_format_hint": {"en": "choose one of: {choices}", "zh": "请从以下格式中选择：{choices}"},
    # -- init --
    "portfolio.init_not_folder": {"en": "{path} is not a folder", "zh": "{path} 不是文件夹"},
    "portfolio.init_not_folder_hint": {
        "en": "name the folder that holds the exports, one file or sub-folder per group",
        "zh": "请指定存放导出文件的文件夹，每个群一个文件或子文件夹",
    },
    "portfolio.init_empty_export": {"en": "{path} holds no messages", "zh": "{path} 中没有消息"},
    "portfolio.init_none": {
        "en": "no chat export found in {path}",
        "zh": "在 {path} 中没有找到聊天导出文件",
    },
    "portfolio.init_none_hint": {
        "en": (
            "put one export file (or one sub-folder of exports) per group in it; `sqtool audit FILE` tells why a file "
            "is not read"
        ),
        "zh": "请在其中为每个群放一个导出文件（或一个子文件夹）；`sqtool audit 文件` 可以看出某个文件为什么读不了",
    },
    "portfolio.init_header": {
        "en": (
            "Groups for `sqtool portfolio` (written by sqtool portfolio init from {folder}).\nPaths are relative to "
            "this file. Add per group: plan: FILE, roster: FILE, members: N,\ntags: {{city: Shanghai, product: coffee, "
            "owner: Wang}}; see docs/portfolio.md."
        ),
        "zh": (
            "`sqtool portfolio` 的群清单（由 sqtool portfolio init 根据 {folder} 生成）。\n路径相对于本文件。每个群还可"
            "以加上：plan: 计划文件、roster: 名单文"
            "件、members: 人数、\ntags: {{city: 上海, product: 咖啡, owner: 小王}}；详见 docs/portfolio.md。"
        ),
    },
    "portfolio.init_written": {
        "en": "{path}: {count:group|groups} written; check the names, then add plans and tags",
        "zh": "{path}：已写入 {count} 个群；请核对群名，再补上计划和标签",
    },
    "portfolio.init_skipped": {"en": "skipped {path}: {reason}", "zh": "已跳过 {path}：{reason}"},
    # -- the run --
    "portfolio.progress": {"en": "Auditing groups", "zh": "正在体检各群"},
    "portfolio.throughput": {"en": "{rate} messages/s", "zh": "每秒 {rate} 条消息"},
    "portfolio.saved": {
        "en": "saved the audits of {count:group|groups} for {period} to {path}",
        "zh": "已把 {count} 个群 {period} 的体检结果保存到 {path}",
    },
    "portfolio.saved_failed": {
        "en": "{count:failed group was|failed groups were} not saved",
        "zh": "有 {count} 个群体检失败，未保存",
    },
    # -- the report --
    "portfolio.title": {"en": "Portfolio: {count:group|groups}", "zh": "群组合：共 {count} 个群"},
    "portfolio.title_selected": {
        "en": "Portfolio: {shown} of {count:group|groups} ({where})",
        "zh": "群组合：{count} 个群中的 {shown} 个（{where}）",
    },
    "portfolio.period": {
        "en": "Period {first} to {last} ({days:day|days}), compared with the {days:day|days} before",
        "zh": "时段 {first} 至 {last}（{days} 天），与之前 {days} 天对比",
    },
    "portfolio.attention_line": {"en": "{name} ({status}): {reasons}", "zh": "{name}（{status}）：{reasons}"},
    "portfolio.list_separator": {"en": ", ", "zh": "，"},
    "portfolio.colon": {"en": ": ", "zh": "："},
    "portfolio.reason_separator": {"en": "; ", "zh": "；"},
    "portfolio.failed_line": {"en": "{name}: {message}", "zh": "{name}：{message}"},
    "portfolio.unit.minutes": {"en": "{value}m", "zh": "{value}分钟"},
    "portfolio.unit.hours": {"en": "{value}h", "zh": "{value}小时"},
    "portfolio.unit.days": {"en": "{value}d", "zh": "{value}天"},
    "portfolio.html.ranking": {"en": "Ranking", "zh": "排名"},
    "portfolio.html.activity": {
        "en": "Messages per day, the last {days:day|days} (one scale for all groups)",
        "zh": "每日消息数，最近 {days} 天（所有群用同一刻度）",
    },
    "portfolio.multiple_label": {
        "en": "{name}: messages per day from {first} to {last}",
        "zh": "{name}：{first} 至 {last} 每日消息数",
    },
    "portfolio.multiple_caption": {
        "en": "{status}: {messages:message|messages} by {active:member|members}",
        "zh": "{status}：{active} 人发了 {messages} 条消息",
    },
    "portfolio.details_written": {
        "en": "wrote the full report of {count:group|groups} to {path}",
        "zh": "已把 {count} 个群的完整体检报告写入 {path}",
    },
    "portfolio.details_is_file": {
        "en": "--with-details needs a folder, and {path} is a file",
        "zh": "--with-details 需要一个文件夹，而 {path} 是文件",
    },
    "portfolio.details_is_file_hint": {
        "en": "name a folder (it is created when missing), e.g. --with-details details/",
        "zh": "请指定一个文件夹（不存在时会自动创建），例如 --with-details details/",
    },
    "portfolio.status_counts": {"en": "Status: {counts}", "zh": "状态：{counts}"},
    "portfolio.status.failed": {"en": "failed", "zh": "失败"},
    "portfolio.status.act": {"en": "act", "zh": "需行动"},
    "portfolio.status.dormant": {"en": "dormant", "zh": "沉寂"},
    "portfolio.status.watch": {"en": "watch", "zh": "留意"},
    "portfolio.status.healthy": {"en": "healthy", "zh": "健康"},
    "portfolio.col.rank": {"en": "#", "zh": "#"},
    "portfolio.col.group": {"en": "group", "zh": "群"},
    "portfolio.col.status": {"en": "status", "zh": "状态"},
    "portfolio.col.members": {"en": "members", "zh": "成员"},
    "portfolio.col.messages": {"en": "messages", "zh": "消息"},
    "portfolio.col.active": {"en": "active", "zh": "活跃"},
    "portfolio.col.lurkers": {"en": "lurkers", "zh": "潜水"},
    "portfolio.col.leaders": {"en": "leaders", "zh": "意见领袖"},
    "portfolio.col.unanswered": {"en": "unanswered", "zh": "未答"},
    "portfolio.col.first_response": {"en": "1st reply", "zh": "首响"},
    "portfolio.col.score.owner_pull": {"en": "owner", "zh": "群主"},
    "portfolio.col.score.opinion_leaders": {"en": "KOL", "zh": "领袖"},
    "portfolio.col.score.customers_as_fans": {"en": "fans", "zh": "粉丝"},
    "portfolio.col.score.operations": {"en": "ops", "zh": "运营"},
    "portfolio.col.score.value_output": {"en": "value", "zh": "价值"},
    "portfolio.col.drift": {"en": "drift", "zh": "偏差"},
    "portfolio.col.groups": {"en": "groups", "zh": "群数"},
    "portfolio.col.all": {"en": "all groups", "zh": "全部"},
    "portfolio.col.untagged": {"en": "(no {tag})", "zh": "（无{tag}）"},
    "portfolio.legend": {
        "en": (
            "Changes (in brackets) are against the previous period. Scores 0-100: owner = owner pull, KOL = opinion "
            "leaders, fans = customers taken for fans, ops = operations, value = value output; - not assessed."
        ),
        "zh": (
            "括号内是与上一时段相比的变化。评分 0-100：群主 = 群主号召力，领袖 = 意见领袖，粉丝 = 是否把顾客当粉丝，运"
            "营 = 运营管理，价值 = 价值输出；- 表示未评估。"
        ),
    },
    "portfolio.status_rules": {
        "en": (
            "Status: dormant = no member message in the last 30 days of the period; act = a diagnosis at act, a drift "
            "error or active members down by half; watch = a diagnosis at watch, drift, or active members down by a "
            "quarter (docs/portfolio.md)."
        ),
        "zh": (
            "状态：沉寂 = 时段最后 30 天内没有成员发言；需行动 = 有诊断为“需行动”、有偏差错误或活跃人数减半；留意 = 有"
            "诊断为“留意”、有偏差或活跃人数少了四分之一（详见 docs/portfolio.md）。"
        ),
    },
    "portfolio.attention": {"en": "Why (groups to act on first)", "zh": "原因（优先处理的群）"},
    "portfolio.failed_title": {"en": "Groups that could not be audited", "zh": "未能体检的群"},
    "portfolio.by_title": {"en": "Totals by {tag}", "zh": "按 {tag} 汇总"},
    "portfolio.totals_title": {"en": "Totals", "zh": "合计"},
    "portfolio.none_selected": {
        "en": "No group matches {where}.",
        "zh": "没有符合 {where} 的群。",
    },
    "portfolio.reason.failed": {"en": "could not be audited", "zh": "无法体检"},
    "portfolio.reason.dormant": {
        "en": "no member message in the last {days:day|days} (last on {last})",
        "zh": "最近 {days} 天没有成员发言（最后一条在 {last}）",
    },
    "portfolio.reason.dormant_none": {
        "en": "no member message in the last {days:day|days}",
        "zh": "最近 {days} 天没有成员发言",
    },
    "portfolio.reason.diagnosis_act": {
        "en": "{diagnosis}: act (score {score})",
        "zh": "{diagnosis}：需行动（{score} 分）",
    },
    "portfolio.reason.diagnosis_watch": {
        "en": "{diagnosis}: watch (score {score})",
        "zh": "{diagnosis}：留意（{score} 分）",
    },
    "portfolio.reason.drift_errors": {
        "en": "{count:drift error|drift errors} against the plan",
        "zh": "与计划有 {count} 处严重偏差",
    },
    "portfolio.reason.drift": {
        "en": "{count:drift finding|drift findings} against the plan",
        "zh": "与计划有 {count} 处偏差",
    },
    "portfolio.reason.active_drop": {"en": "active members down {share}", "zh": "活跃人数下降 {share}"},
    # -- history --
    "portfolio.history_title": {
        "en": "Saved audits of the {count:group|groups} of {path}",
        "zh": "{path} 中 {count} 个群的历史体检",
    },
    "portfolio.history_col.periods": {"en": "saved", "zh": "已存"},
    "portfolio.history_col.latest": {"en": "latest period", "zh": "最近时段"},
    "portfolio.history_col.trend": {"en": "trend", "zh": "趋势"},
    "portfolio.history_col.score": {"en": "score", "zh": "均分"},
    "portfolio.history_total": {"en": "all groups", "zh": "全部群"},
    "portfolio.history_none": {"en": "not saved yet", "zh": "尚未保存"},
    "portfolio.history_hint": {
        "en": "save each period with: sqtool portfolio {path} --save",
        "zh": "每个时段可以这样保存：sqtool portfolio {path} --save",
    },
    "portfolio.history_missing_hint": {
        "en": "save the portfolio's audits first: sqtool portfolio {manifest} --save (or point --history at the file)",
        "zh": "请先保存这批群的体检结果：sqtool portfolio {manifest} --save（或用 --history 指向历史文件）",
    },
    "portfolio.history_portfolio_and_group": {
        "en": "--portfolio cannot be combined with --plan, --group, --all, --delete, -o, --anonymize or --format html",
        "zh": "--portfolio 不能与 --plan、--group、--all、--delete、-o、--anonymize 或 --format html 同时使用",
    },
    "portfolio.history_portfolio_and_group_hint": {
        "en": "show one group of the portfolio with: sqtool history --history FILE --group NAME",
        "zh": "如需查看组合中的某个群：sqtool history --history 文件 --group 群名",
    },
    "portfolio.bad_arguments": {
        "en": "expected a manifest, or init and a folder; got: {given}",
        "zh": "需要一个群清单，或 init 加一个文件夹；实际是：{given}",
    },
    "portfolio.bad_arguments_hint": {
        "en": "sqtool portfolio groups.yaml, or sqtool portfolio init exports/",
        "zh": "用法：sqtool portfolio groups.yaml，或 sqtool portfolio init exports/",
    },
}
