"""Help of the command line: the app, its global options, every command and option (--help, usage)."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- the app and its global options --
    "cli.app.help": {
        "en": "Plan, check and audit online communities (社群) as code.",
        "zh": "以代码的方式规划、检查线上社群，并给它做体检。",
    },
    "cli.opt.lang": {
        "en": "Output and help language (default: from LANG/LC_ALL; zh* gives Chinese).",
        "zh": "输出和帮助的语言（默认取自 LANG/LC_ALL；以 zh 开头即为中文）。",
    },
    "cli.opt.color": {
        "en": "Colour: auto (only on a terminal), always or never.",
        "zh": "颜色：auto（仅在终端中着色）、always 或 never。",
    },
    "cli.opt.no_color": {"en": "Same as --color never.", "zh": "等同于 --color never。"},
    "cli.opt.quiet": {"en": "Print findings only; no progress.", "zh": "只输出检查结果，不显示进度。"},
    "cli.opt.debug": {
        "en": "Show a traceback on internal errors.",
        "zh": "内部错误时显示完整的调用栈（traceback）。",
    },
    "cli.opt.max_input_bytes": {
        "en": "Most bytes read from one input: a file, stdin, a zip member as it inflates (0: none). Default 4G.",
        "zh": "单份输入最多读取的字节数：文件、标准输入、解压中的 zip 成员（0 为不限）。默认 4G。",
    },
    "cli.opt.max_zip_members": {
        "en": "Most files in one zip archive (0: none). Default 200000.",
        "zh": "单个 zip 里最多的文件数（0 为不限）。默认 200000。",
    },
    "cli.opt.max_zip_ratio": {
        "en": "Most a zip may inflate, as a multiple of its size, once past 64 MiB (0: none). Default 250.",
        "zh": "zip 解压后超过 64 MiB 时，最多可以是自身大小的多少倍（0 为不限）。默认 250。",
    },
    "cli.opt.max_depth": {
        "en": "Deepest nesting of JSON arrays and objects in an export (0: none). Default 100.",
        "zh": "导出文件里 JSON 数组和对象的最深嵌套层数（0 为不限）。默认 100。",
    },
    "cli.opt.max_string_bytes": {
        "en": "Longest single JSON string, text line, CSV field or typed answer (0: none). Default 1M.",
        "zh": "单个 JSON 字符串、文本行、CSV 字段或输入回答的最大长度（0 为不限）。默认 1M。",
    },
    "cli.opt.max_records": {
        "en": "Most messages and events read from one export (0: none). Default 50000000.",
        "zh": "单份导出最多读取的消息和事件条数（0 为不限）。默认 50000000。",
    },
    "cli.opt.max_int_digits": {
        "en": "Most digits of one number in a JSON export (0: none). Default 100.",
        "zh": "JSON 导出里单个数字的最多位数（0 为不限）。默认 100。",
    },
    "cli.opt.max_seconds": {
        "en": "Longest a command may run while reading, in seconds (0: none). Default 3600.",
        "zh": "命令读取输入时最长可运行的秒数（0 为不限）。默认 3600。",
    },
    "cli.opt.max_folder_depth": {
        "en": "Deepest a folder walk or ** glob goes; links that loop are not followed (0: none). Default 32.",
        "zh": "遍历文件夹或 ** 通配时最深的层数；成环的链接不会跟随（0 为不限）。默认 32。",
    },
    "cli.history.opt.last": {
        "en": "Show the group's N latest periods (default 1000; 0: all, JSON streamed a page at a time).",
        "zh": "只显示该群最近的 N 个时段（默认 1000；0 为全部，JSON 分页逐段输出）。",
    },
    # -- sqtool portfolio (messages/portfolio.py holds its other texts) --
    "cli.portfolio.short": {
        "en": "Audit and rank every group of a manifest.",
        "zh": "按群清单体检所有群并排名。",
    },
    "cli.portfolio.help": {
        "en": """Audit every group listed in a manifest (groups.yaml) and rank them in one table: members,
messages and active members with their change, lurkers, opinion leaders, unanswered questions, first
response, the five diagnosis scores, drift, and a status (healthy, watch, act, dormant, failed).

`sqtool portfolio init DIR` writes the manifest from a folder of exports (one file or sub-folder per
group). The period is --since..--until (default: the 30 days up to today). One group that cannot be
read is marked failed; the others go on. Ctrl-C writes nothing.

Exit status: 0 done, 1 a failed group or drift at --fail-on or above (default error), 2 the manifest or
an option is wrong (with the file and line).

\b
Examples:
  sqtool portfolio init exports/
  sqtool portfolio exports/groups.yaml --until 2026-06-30 --jobs 2
  sqtool portfolio groups.yaml --where status=act,dormant --where city=上海
  sqtool portfolio groups.yaml --by city --report md -o portfolio.md
  sqtool portfolio groups.yaml --executor dask://10.0.0.5:8786 --save""",
        "zh": """\b
按群清单（groups.yaml）给每个群做体检，并在一张表里排名：
成员、消息和活跃人数及其变化、潜水比例、意见领袖、未答问题、
首次响应、五项诊断评分、与计划的偏差，以及状态
（健康、留意、需行动、沉寂、失败）。

\b
`sqtool portfolio init 文件夹` 根据导出文件生成清单
（每个群一个文件或子文件夹）。
时段为 --since..--until（默认：截至今天的 30 天）。
某个群读不了时只把它标为失败，其余照常体检；
按 Ctrl-C 中断时不会写出任何文件。

\b
退出码：0 完成，1 有群体检失败或有偏差达到 --fail-on（默认 error），
2 清单或选项有误（注明文件和行号）。

\b
示例：
  sqtool portfolio init exports/
  sqtool portfolio exports/groups.yaml --until 2026-06-30 --jobs 2
  sqtool portfolio groups.yaml --where status=act,dormant --where city=上海
  sqtool portfolio groups.yaml --by city --report md -o portfolio.md
  sqtool portfolio groups.yaml --executor dask://10.0.0.5:8786 --save""",
    },
    "cli.portfolio.arg.target": {
        "en": "The manifest (groups.yaml), or `init DIR` to write one from a folder of exports.",
        "zh": "群清单（groups.yaml），或用 `init 文件夹` 根据导出文件生成清单。",
    },
    "cli.portfolio.opt.jobs": {
        "en": "Audit N groups at a time, each in its own worker process (default 1: in this process).",
        "zh": "同时体检 N 个群，每个群在单独的进程中（默认 1：在当前进程中）。",
    },
    "cli.portfolio.opt.executor": {
        "en": (
            "Where the jobs run: processes (default), dask (a local Dask cluster of --jobs workers) or "
            "dask://HOST:PORT (a running scheduler; needs sqtool[dask] and exports the workers can open)."
        ),
        "zh": (
            "在哪里运行：processes（默认）、dask（本机 Dask 集群，--jobs 个工作进程）或 dask://主机:端口（已运行的调度"
            "器；需要 sqtool[dask]，且工作节点能打开导出文件）。"
        ),
    },
    "cli.portfolio.opt.since": {
        "en": "First day of the period (default: 29 days before --until).",
        "zh": "时段的第一天（默认：--until 之前 29 天）。",
    },
    "cli.portfolio.opt.until": {
        "en": "Last day of the period (default: today).",
        "zh": "时段的最后一天（默认：今天）。",
    },
    "cli.portfolio.opt.where": {
        "en": (
            "Show only the groups where FIELD=VALUE (or !=): status, name, format or a tag; values with commas; repeat "
            "to combine."
        ),
        "zh": "只显示 字段=值（或 !=）的群：status、name、format 或某个标签；多个值用逗号分隔；可重复使用以叠加条件。",
    },
    "cli.portfolio.opt.by": {
        "en": "Totals per value of this tag (city, product, owner...).",
        "zh": "按这个标签的每个值汇总（城市、产品线、负责人……）。",
    },
    "cli.portfolio.opt.sort": {
        "en": "Ranking order: status (most urgent first, default), score, messages, active, change or name.",
        "zh": "排名方式：status（最需处理的在前，默认）、score、messages、active、change 或 name。",
    },
    "cli.portfolio.opt.report": {
        "en": "Report format: text, md, json or html (one self-contained page with small multiples of activity).",
        "zh": "报告格式：text、md、json 或 html（单个网页文件，含各群活跃度小图）。",
    },
    "cli.portfolio.opt.with_details": {
        "en": "Also write each group's own full audit report into DIR (HTML), linked from the HTML report.",
        "zh": "同时把每个群各自的完整体检报告写入该文件夹（HTML），并在 HTML 报告中链接过去。",
    },
    "cli.portfolio.opt.save": {
        "en": (
            "Save every group's figures to the history, each under its own group (beside the manifest unless "
            "--history)."
        ),
        "zh": "把每个群的数据分别保存到历史记录中（默认保存在清单旁边，可用 --history 指定）。",
    },
    "cli.portfolio.opt.fail_on": {
        "en": (
            "Exit 1 when a group failed (an error) or has drift at this severity or above (default error; never: "
            "always 0)."
        ),
        "zh": "有群体检失败（视为 error）或偏差达到该级别及以上时退出码为 1（默认 error；never：始终为 0）。",
    },
    "cli.history.opt.portfolio": {
        "en": "Show every group of this portfolio manifest with its trend, and the portfolio's total.",
        "zh": "显示群清单中每个群的趋势，以及整个群组合的合计。",
    },
    "cli.opt.version": {"en": "Print the version and exit.", "zh": "显示版本号后退出。"},
    "cli.opt.help": {"en": "Show this help and exit.", "zh": "显示本帮助后退出。"},
    "cli.usage": {"en": "Usage: ", "zh": "用法："},
    "cli.heading.arguments": {"en": "Arguments:", "zh": "参数："},
    "cli.heading.options": {"en": "Options:", "zh": "选项："},
    "cli.heading.commands": {"en": "Commands:", "zh": "命令："},
    "cli.tag.default": {"en": "default: ", "zh": "默认："},
    "cli.tag.required": {"en": "required", "zh": "必填"},
    "cli.bad_color": {
        "en": "unknown colour mode {value!r}: use auto, always or never",
        "zh": "未知的颜色模式 {value!r}：请使用 auto、always 或 never",
    },
    "cli.aborted": {"en": "Aborted.", "zh": "已取消。"},
    # -- usage errors (click's own, in the chosen language; sqtool.cli_errors) --
    "cli.err.try_help": {"en": "Try '{command}' for help.", "zh": "运行 '{command}' 查看帮助。"},
    "cli.err.no_such_command": {"en": "no such command {name!r}.", "zh": "没有 {name!r} 这个命令。"},
    "cli.err.no_such_option": {"en": "no such option: {option}.", "zh": "没有 {option} 这个选项。"},
    "cli.err.did_you_mean": {"en": " Did you mean {names}?", "zh": "你是不是想用 {names}？"},
    "cli.err.missing_argument": {"en": "missing argument {name}.", "zh": "缺少参数 {name}。"},
    "cli.err.missing_option": {"en": "missing option {name}.", "zh": "缺少选项 {name}。"},
    "cli.err.needs_value": {
        "en": "option {option} needs a value after it.",
        "zh": "选项 {option} 后面要跟一个值。",
    },
    "cli.err.no_value_taken": {
        "en": "option {option} takes no value.",
        "zh": "选项 {option} 不带值。",
    },
    "cli.err.bad_value": {"en": "invalid value for {option}: {problem}", "zh": "{option} 的值无效：{problem}"},
    "cli.err.missing_command": {
        "en": "a command is missing, e.g. sqtool audit FILE or sqtool check PLAN.",
        "zh": "缺少命令，例如 sqtool audit 文件 或 sqtool check 计划文件。",
    },
    "cli.err.extra_arguments": {
        "en": "unexpected extra argument(s): {args}.",
        "zh": "多出了参数：{args}。",
    },
    "cli.err.not_whole": {
        "en": "{option} needs a whole number, like 500; got {value!r}.",
        "zh": "{option} 需要一个整数，比如 500；收到的是 {value!r}。",
    },
    "cli.err.not_number": {
        "en": "{option} needs a number, like 90 or 1.5; got {value!r}.",
        "zh": "{option} 需要数字，比如 90 或 1.5；收到的是 {value!r}。",
    },
    "cli.err.not_choice": {
        "en": "{option} takes one of {choices}; got {value!r}.",
        "zh": "{option} 只能取 {choices} 之一；收到的是 {value!r}。",
    },
    # -- options and arguments shared by several commands --
    "cli.arg.plan_files": {
        "en": "Plan files, folders (their *.yaml/*.yml) or quoted globs; - reads stdin.",
        "zh": "计划文件、文件夹（读取其中的 *.yaml/*.yml）或加引号的通配符；- 表示读标准输入。",
    },
    "cli.opt.report_format": {
        "en": "Report format (default: text, or github inside GitHub Actions).",
        "zh": "报告格式（默认 text；在 GitHub Actions 中默认 github）。",
    },
    "cli.opt.output": {
        "en": "Write to this file instead of stdout (- is stdout).",
        "zh": "写入这个文件，而不是输出到标准输出（- 表示标准输出）。",
    },
    "cli.opt.force": {
        "en": "Replace the --output file if it exists (a report sqtool wrote is replaced without it).",
        "zh": "--output 指定的文件已存在时覆盖它（sqtool 自己生成的报告不加此项也会覆盖）。",
    },
    "cli.opt.history": {
        "en": "History database (default: .sqtool/history.sqlite beside --plan, else here).",
        "zh": "历史数据库（默认：--plan 所在文件夹的 .sqtool/history.sqlite，否则为当前文件夹）。",
    },
    "cli.opt.plans_only": {
        "en": "Skip YAML files that are not plans: keep *plan.yaml, files under a plans/ folder and files whose "
        "first lines carry a yaml-language-server $schema marker naming community-plan (for pre-commit hooks).",
        "zh": "跳过不是计划的 YAML 文件：只保留 *plan.yaml、plans/ 文件夹下的文件，以及开头几行有指向 "
        "community-plan 的 yaml-language-server $schema 标记的文件（供 pre-commit 钩子使用）。",
    },
    "cli.opt.text_or_json": {
        "en": "Output: text (for people) or json (for scripts).",
        "zh": "输出格式：text（给人看）或 json（给脚本用）。",
    },
    # -- validate --
    "cli.validate.short": {
        "en": "Check plan files against the plan JSON Schema.",
        "zh": "按计划的 JSON Schema 校验计划文件。",
    },
    "cli.validate.help": {
        "en": """Check plan files against the plan JSON Schema; report errors at file:line:col.

Exit status: 0 all valid, 1 some plan is invalid, 2 usage error or unreadable file.

\b
Examples:
  sqtool validate examples/plan.yaml
  sqtool validate plans/ 'teams/**/*.yaml'
  cat plan.yaml | sqtool validate -
  sqtool --lang zh validate plan.yaml
  sqtool validate plans/ --format sarif --output plans.sarif""",
        "zh": """按计划的 JSON Schema 校验计划文件；错误以 文件:行:列 的形式报告。

退出码：0 全部有效，1 有计划无效，2 用法错误或文件无法读取。

\b
示例：
  sqtool validate examples/plan.yaml
  sqtool validate plans/ 'teams/**/*.yaml'
  cat plan.yaml | sqtool validate -
  sqtool --lang zh validate plan.yaml
  sqtool validate plans/ --format sarif --output plans.sarif""",
    },
    # -- schema --
    "cli.schema.short": {
        "en": "Print the JSON Schema of plan files.",
        "zh": "输出计划文件的 JSON Schema。",
    },
    "cli.schema.help": {
        "en": """Print the JSON Schema of plan files (for editors and SchemaStore).

\b
Examples:
  sqtool schema > community-plan.schema.json
  sqtool schema --output .vscode/community-plan.schema.json
In a plan, point YAML editors at it with a first line such as:
  # yaml-language-server: $schema=community-plan.schema.json""",
        "zh": """输出计划文件的 JSON Schema（供编辑器和 SchemaStore 使用）。

\b
示例：
  sqtool schema > community-plan.schema.json
  sqtool schema --output .vscode/community-plan.schema.json
在计划文件的第一行写上这样一行，YAML 编辑器就会使用它：
  # yaml-language-server: $schema=community-plan.schema.json""",
    },
    # -- check --
    "cli.check.short": {
        "en": "Check plans: the JSON Schema, then every rule.",
        "zh": "检查计划：先校验 JSON Schema，再运行所有规则。",
    },
    "cli.check.help": {
        "en": """Check plans: JSON Schema first, then every rule (exit 0 clean, 1 findings at --fail-on, 2 bad input).

Settings come from [tool.sqtool] in pyproject.toml or .sqtool.yaml, looked up from the current folder
upwards. Inside a plan, `# sqtool: disable=SQ201` silences a rule on that line (or the next one when the
comment stands alone) and `# sqtool: disable-file=SQ504` in the whole file.

\b
Examples:
  sqtool check examples/plan.yaml
  sqtool check plans/ --ignore SQ504 --severity SQ201=error --fail-on warning
  sqtool check plans/ --format sarif --output plans.sarif
  sqtool explain SQ201""",
        "zh": """\b
检查计划：先校验 JSON Schema，再运行每条规则
（退出码 0 无问题，1 有达到 --fail-on 级别的结果，2 输入有误）。

\b
配置取自 pyproject.toml 的 [tool.sqtool] 或 .sqtool.yaml，从当前文件夹逐级向上查找。
在计划中，`# sqtool: disable=SQ201` 让该行（注释单独成行时为下一行）不再报告这条规则，
`# sqtool: disable-file=SQ504` 则对整个文件生效。

\b
示例：
  sqtool check examples/plan.yaml
  sqtool check plans/ --ignore SQ504 --severity SQ201=error --fail-on warning
  sqtool check plans/ --format sarif --output plans.sarif
  sqtool explain SQ201""",
    },
    "cli.check.opt.select": {
        "en": "Only these rule ids or prefixes (comma-separated or repeated), e.g. SQ2,SQ501; "
        "a broken plan (SQ000, SQ001) is reported all the same (SQ001 unless in --ignore).",
        "zh": "只运行这些规则编号或前缀（逗号分隔或重复给出），例如 SQ2,SQ501；"
        "计划文件本身有问题（SQ000、SQ001）时照样报告（SQ001 写进 --ignore 才不报）。",
    },
    "cli.check.opt.ignore": {
        "en": "Skip these rule ids or prefixes (adds to the config).",
        "zh": "跳过这些规则编号或前缀（在配置文件的基础上追加）。",
    },
    "cli.check.opt.severity": {
        "en": "Change a rule's level, e.g. SQ201=error (repeatable).",
        "zh": "修改某条规则的级别，例如 SQ201=error（可重复）。",
    },
    "cli.check.opt.fail_on": {
        "en": "Exit 1 when a finding is at or above this level (default: error).",
        "zh": "有结果达到或高于这个级别时以 1 退出（默认 error）。",
    },
    "cli.check.opt.statistics": {
        "en": "Also print how many findings each rule made.",
        "zh": "同时输出每条规则各产生了多少条结果。",
    },
    "cli.check.opt.config": {
        "en": "Read settings from this file instead of finding .sqtool.yaml or pyproject.toml.",
        "zh": "从这个文件读取配置，而不去查找 .sqtool.yaml 或 pyproject.toml。",
    },
    "cli.check.opt.today": {
        "en": "Date that date rules (SQ203) treat as today.",
        "zh": "日期类规则（SQ203）视为“今天”的日期。",
    },
    # -- plan --
    "cli.plan.short": {
        "en": "Lay the plan out as the team's week-by-week operating kit.",
        "zh": "把计划排成团队按周执行的运营表。",
    },
    "cli.plan.help": {
        "en": """Lay a plan out as the team's operating kit: a week-by-week calendar with owners, backups and
preparation steps, the role sheet, texts to paste (group notice, welcome, announcements, reminders,
the AB-expansion call) and the KPI sheet with the `sqtool audit` key of each figure.

Times are read in the plan's community.timezone (or --tz). Findings (SQ901-SQ904: clashes, events at
night, announcements due before the first day, items the calendar cannot place) are printed like
`sqtool check` does; exit 1 when one reaches --fail-on, 2 for a bad plan or option.

\b
Examples:
  sqtool plan examples/plan.yaml
  sqtool plan examples/plan.yaml --weeks 8 --start 2026-06-01 --format md -o calendar.md
  sqtool plan examples/plan.yaml --ics team.ics --lang zh""",
        "zh": """\b
把计划排成团队的运营执行表：按周的日程（负责人、替补和准备步骤）、角色分工、
可直接复制的文案（群公告、欢迎语、预告、当天提醒、扩群号召），以及指标表
（每个指标对应 `sqtool audit` 的哪个字段）。

\b
时间按计划的 community.timezone（或 --tz）理解。发现的问题（SQ901-SQ904：撞车、
深夜活动、预告早于日程第一天、排不进日程的事项）按 `sqtool check` 的格式输出；
有问题达到 --fail-on 级别时以 1 退出，计划或选项有误时以 2 退出。

\b
示例：
  sqtool plan examples/plan.yaml
  sqtool plan examples/plan.yaml --weeks 8 --start 2026-06-01 --format md -o calendar.md
  sqtool plan examples/plan.yaml --ics team.ics --lang zh""",
    },
    "cli.plan.arg.file": {"en": "The plan file (YAML).", "zh": "计划文件（YAML）。"},
    "cli.plan.opt.weeks": {
        "en": "How many weeks the calendar covers (default 4, at most 53).",
        "zh": "日程覆盖几周（默认 4 周，最多 53 周）。",
    },
    "cli.plan.opt.start": {
        "en": "First day of the calendar (default: the coming Monday in the plan's zone).",
        "zh": "日程的第一天（默认：按计划时区的下一个周一）。",
    },
    "cli.plan.opt.tz": {
        "en": "Read the plan's times in this IANA zone instead of community.timezone.",
        "zh": "按这个 IANA 时区理解计划里的时间，而不用 community.timezone。",
    },
    "cli.plan.opt.format": {
        "en": "text for the terminal (default), md for a wiki page, json for scripts.",
        "zh": "text 用于终端（默认），md 可贴到 wiki，json 供脚本读取。",
    },
    "cli.plan.opt.ics": {
        "en": "Also write the calendar as an ICS file for calendar apps (a re-export updates the same events).",
        "zh": "同时把日程写成 ICS 文件，供日历应用导入（再次导出会更新原有事件，不会重复）。",
    },
    "cli.plan.opt.fail_on": {
        "en": "Exit 1 when a calendar finding is at or above this level (default: error).",
        "zh": "日程问题达到或高于这个级别时以 1 退出（默认 error）。",
    },
    # -- rules --
    "cli.rules.short": {
        "en": "List every rule of `sqtool check`.",
        "zh": "列出 `sqtool check` 的所有规则。",
    },
    "cli.rules.help": {
        "en": "List every rule of `sqtool check` with its id, level, source article and what it checks.",
        "zh": "列出 `sqtool check` 的每条规则：编号、级别、出处文章以及检查的内容。",
    },
    # -- explain --
    "cli.explain.short": {
        "en": "Explain one rule, with examples.",
        "zh": "解释一条规则，并附示例。",
    },
    "cli.explain.help": {
        "en": "Explain one rule: why it matters (citing its article), a failing and a passing example, "
        "how to configure it.",
        "zh": "解释一条规则：为什么重要（注明出处文章）、一个不通过和一个通过的示例，以及如何配置它。",
    },
    "cli.explain.arg.rule": {"en": "A rule id such as SQ201.", "zh": "规则编号，例如 SQ201。"},
    # -- audit --
    "cli.audit.short": {
        "en": "Audit a group chat export: diagnoses, figures, drift.",
        "zh": "给群聊导出记录做体检：诊断、数据和与计划的偏差。",
    },
    "cli.audit.help": {
        "en": """Audit a group chat: five diagnoses first, then figures, activity, top senders and drift from the plan.

One time zone is used for reading and measuring: --tz, else the plan's community.timezone, else this
machine's zone; the report names it.

Exit status: 0 audited, 1 a drift finding at --fail-on or above, 2 an export, plan or option is wrong
(with the file and line).

\b
Examples:
  sqtool audit examples/demo-wechat.csv --plan examples/plan.yaml
  sqtool audit result.json --tz Asia/Shanghai --members 480 --since 2026-06-01 --until 2026-06-30
  sqtool audit chat.txt --roster members.csv --exclude tag:bot --report md -o audit.md
  sqtool audit export.zip --plan plan.yaml --save --fail-on warning
  sqtool --lang zh audit examples/demo-wechat.csv --plan examples/plan.yaml""",
        "zh": """\b
给一个群聊做体检：先给出五项诊断，再给出数据、活跃度、发言最多的成员以及与计划的偏差。

\b
读取和统计使用同一个时区：--tz，否则取计划的 community.timezone，
否则取本机时区；报告中会注明。

\b
退出码：0 体检完成，1 有偏差结果达到或高于 --fail-on，
2 导出文件、计划或选项有误（注明文件和行号）。

\b
示例：
  sqtool audit examples/demo-wechat.csv --plan examples/plan.yaml
  sqtool audit result.json --tz Asia/Shanghai --members 480 --since 2026-06-01 --until 2026-06-30
  sqtool audit chat.txt --roster members.csv --exclude tag:bot --report md -o audit.md
  sqtool audit export.zip --plan plan.yaml --save --fail-on warning
  sqtool --lang zh audit examples/demo-wechat.csv --plan examples/plan.yaml""",
    },
    "cli.audit.arg.exports": {
        "en": "Chat exports of one group: Telegram result.json, DiscordChatExporter JSON/CSV, WhatsApp .txt "
        "or .zip, QQ .txt, WeChat CSV/TXT (MemoTrace, chatlog), Slack .zip, Messenger JSON, ChatLab JSON/JSONL "
        "(WeFlow, qq-chat-exporter), generic CSV/JSONL. "
        "An unzipped Slack export folder works too, - reads standard input, and a URL such as "
        "s3://bucket/chat.json is opened through fsspec (pip install 'sqtool[dask]'). "
        "Several exports are merged and de-duplicated.",
        "zh": "同一个群的聊天导出：Telegram result.json、DiscordChatExporter JSON/CSV、WhatsApp .txt 或 .zip、"
        "QQ .txt、微信 CSV/TXT（MemoTrace、chatlog）、Slack .zip、Messenger JSON、ChatLab JSON/JSONL（WeFlow、"
        "qq-chat-exporter 等导出）、通用 CSV/JSONL。"
        "也可以是解压后的 Slack 导出文件夹；- 表示从标准输入读取；s3://bucket/chat.json 这样的网址通过 fsspec "
        "读取（需 pip install 'sqtool[dask]'）。多个导出会合并并去重。",
    },
    "cli.audit.opt.format": {
        "en": "Read every export as this format instead of detecting it: telegram, discord, discord-csv, "
        "whatsapp, qq, wechat, slack, messenger, chatlab, csv, jsonl.",
        "zh": "按这个格式读取所有导出，而不自动识别：telegram、discord、discord-csv、"
        "whatsapp、qq、wechat、slack、messenger、chatlab、csv、jsonl。",
    },
    "cli.audit.opt.tz": {
        "en": "IANA zone (e.g. Asia/Shanghai) for reading times the export writes without offset AND for "
        "counting days and hours. Default: the plan's community.timezone, else this machine's zone.",
        "zh": "IANA 时区（例如 Asia/Shanghai），既用于解读导出中不带时差的时间，也用于按天和小时统计。"
        "默认取计划的 community.timezone，否则取本机时区。",
    },
    "cli.audit.opt.date_order": {
        "en": "Order of day, month and year in WhatsApp dates (dmy, mdy or ymd) when the export cannot tell; "
        "default: decided from the dates themselves, with a warning when they are ambiguous.",
        "zh": "WhatsApp 日期中日、月、年的顺序（dmy、mdy 或 ymd），用于导出本身无法判断时；"
        "默认根据日期自行判断，无法判断时给出警告。",
    },
    "cli.audit.opt.lenient": {
        "en": "Skip bad records and count them instead of stopping at the first.",
        "zh": "跳过有问题的记录并计数，而不是遇到第一条就停止。",
    },
    "cli.audit.opt.plan": {
        "en": "Community plan: drift findings (SQ8xx), targets, rituals, owner, size.",
        "zh": "社群计划：用于偏差结果（SQ8xx）、目标、仪式、群主和规模。",
    },
    "cli.audit.opt.roster": {
        "en": "Member list (CSV/YAML: id, name, tags) so silent members count and tags such as customer work.",
        "zh": "成员名单（CSV/YAML：id、name、tags），让沉默成员也被计入，并可使用 customer 等标签。",
    },
    "cli.audit.opt.members": {
        "en": "Group size when there is no roster (to count lurkers).",
        "zh": "没有成员名单时的群人数（用于统计潜水成员）。",
    },
    "cli.audit.opt.since": {
        "en": "First day audited (default: first message).",
        "zh": "体检范围的第一天（默认：第一条消息的日期）。",
    },
    "cli.audit.opt.until": {
        "en": "Last day audited (default: last message).",
        "zh": "体检范围的最后一天（默认：最后一条消息的日期）。",
    },
    "cli.audit.opt.exclude": {
        "en": "Leave out a member id or name, or tag:TAG of the roster, e.g. a bot (repeatable).",
        "zh": "排除某个成员的 id 或名字，或名单中的 tag:TAG，例如机器人（可重复）。",
    },
    "cli.audit.opt.response_cutoff": {
        "en": "A question unanswered this long counts as unanswered.",
        "zh": "提问超过这么多分钟仍无人回复，即算作未回复。",
    },
    "cli.audit.opt.ad_keywords": {
        "en": "Ad words instead of the built-in list: comma-separated, or @FILE with one per line.",
        "zh": "代替内置列表的广告词：逗号分隔，或 @FILE（每行一个）。",
    },
    "cli.audit.opt.report": {
        "en": "Report format: text, md (Markdown), json, csv (every table as a UTF-8 CSV file in folder -o DIR), "
        "or html (one self-contained page with charts, no script: -o report.html).",
        "zh": "报告格式：text、md（Markdown）、json、csv（每张表一个 UTF-8 CSV 文件，写入 -o 指定的文件夹），"
        "或 html（自带图表、不含脚本的单个网页：-o report.html）。",
    },
    "cli.audit.opt.save": {
        "en": "Save this run's figures in the group's history, replacing an audit of the same period"
        " (see `sqtool history`).",
        "zh": "把这次运行的数据存入该群的历史记录，同一时段已有的体检会被替换（见 `sqtool history`）。",
    },
    "cli.audit.opt.fail_on": {
        "en": "Exit 1 when a drift finding is at or above this level; never: always exit 0.",
        "zh": "有偏差结果达到或高于这个级别时以 1 退出；never：总是以 0 退出。",
    },
    "cli.audit.opt.top": {
        "en": "How many senders, and members of each list to act on, to show (0: all).",
        "zh": "显示多少位发言者，以及每份待跟进名单显示多少人（0：全部）。",
    },
    "cli.audit.opt.lists_csv": {
        "en": "Also write each member list to act on (never posted, gone silent, joiners who never posted, "
        "unanswered questions, leader candidates) as a CSV file in folder DIR (UTF-8 with BOM for Excel).",
        "zh": "另外把每份待跟进名单（从未发言、近期沉默、进群未开口、没人回应的提问、意见领袖候选）"
        "各写成一个 CSV 文件，放进文件夹 DIR（带 BOM 的 UTF-8，Excel 直接打开不乱码）。",
    },
    "cli.opt.anonymize": {
        "en": "Replace every member's name and id with a pseudonym (stable within this report, random per run) "
        "and mask phone numbers, e-mails, WeChat ids and QQ numbers in texts; the group name is hidden too.",
        "zh": "把每位成员的名字和 ID 换成化名（同一报告内一人一个，每次运行随机），并遮盖文字中的手机号、"
        "邮箱、微信号和 QQ 号；群名也一并隐藏。",
    },
    "cli.opt.anonymize_salt": {
        "en": "Salt for --anonymize (implies it): the same salt gives the same pseudonyms run after run.",
        "zh": "--anonymize 使用的固定密钥（给出即开启匿名）：用同一个密钥，每次得到的化名都一样。",
    },
    "cli.opt.keep_group_name": {
        "en": "With --anonymize, keep the group's name in the report.",
        "zh": "匿名时保留群名。",
    },
    "cli.history.opt.format": {
        "en": "Output format: text, json, or html (one self-contained page with charts; -o FILE).",
        "zh": "输出格式：text、json，或 html（自带图表的单个网页文件；用 -o 指定文件）。",
    },
    # -- playbooks --
    "cli.playbooks.short": {
        "en": "List the bundled playbooks, or show one.",
        "zh": "列出内置的剧本，或显示其中一个。",
    },
    "cli.playbooks.help": {
        "en": "List the bundled playbooks (ready plans per community type), or show one.",
        "zh": "列出内置的剧本（按社群类型准备好的计划），或显示其中一个。",
    },
    "cli.playbooks.arg.name": {
        "en": "Show this playbook (omit to list them all).",
        "zh": "显示这个剧本（省略则列出全部）。",
    },
    "cli.playbooks.opt.yaml": {"en": "Print the playbook file itself.", "zh": "输出剧本文件本身。"},
    # -- init --
    "cli.init.short": {
        "en": "Create a commented community plan.",
        "zh": "创建一份带注释的社群计划。",
    },
    "cli.init.help": {
        "en": """Create a commented community plan: a wizard, or --playbook NAME --yes for scripts and CI.

The wizard asks what the group is, why members are together and what they do together, then
name, slogan, platform, size, entry, people, value output and monetization, with defaults from
the playbook. All answers are collected before the plan is written; Ctrl-C writes no plan but
keeps the answers given so far beside it, and --resume goes on from them. Without a terminal, pass
--yes or --answers. Exit 0 written, 2 bad input or existing file, 130 stopped with Ctrl-C.""",
        "zh": """\b
创建一份带注释的社群计划：用向导，或在脚本和 CI 中用 --playbook NAME --yes。

\b
向导先问这个群是什么、成员为什么聚在一起、一起做什么，再问名称、口号、平台、
规模、入群方式、人员、价值输出和变现，默认值来自剧本。所有回答收集完毕后才写入文件；
按 Ctrl-C 不会写入计划，但已答的内容会保存在计划旁边，之后用 --resume 接着回答。
没有终端时，请使用 --yes 或 --answers。
退出码：0 已写入，2 输入有误或文件已存在，130 按 Ctrl-C 停下。""",
    },
    "cli.init.arg.path": {"en": "Where to write the new plan.", "zh": "新计划写入的位置。"},
    "cli.init.opt.playbook": {
        "en": "Start from this playbook (see `sqtool playbooks`).",
        "zh": "以这个剧本为起点（见 `sqtool playbooks`）。",
    },
    "cli.init.opt.yes": {
        "en": "Ask nothing: keep the playbook's values except those given.",
        "zh": "不提问：除已给出的值外，沿用剧本中的值。",
    },
    "cli.init.opt.set": {
        "en": "Set one field, e.g. --set community.name=晨读会 (repeatable; YAML values).",
        "zh": "设置一个字段，例如 --set community.name=晨读会（可重复；值按 YAML 解析）。",
    },
    "cli.init.opt.answers": {
        "en": "YAML file of key paths and values (and `playbook: NAME`).",
        "zh": "包含键路径和值（以及 `playbook: NAME`）的 YAML 文件。",
    },
    "cli.init.opt.force": {"en": "Replace PATH if it exists.", "zh": "PATH 已存在时覆盖它。"},
    "cli.init.opt.interactive": {
        "en": "Ask the questions even when stdin is not a terminal.",
        "zh": "即使标准输入不是终端也提问。",
    },
    "cli.init.opt.resume": {
        "en": "Continue a wizard stopped with Ctrl-C, from the answers it kept beside PATH.",
        "zh": "接着回答上次按 Ctrl-C 停下的向导（从保存在 PATH 旁边的回答继续）。",
    },
    # -- history --
    "cli.history.short": {
        "en": "Show the trend across saved audits.",
        "zh": "显示已保存体检的变化趋势。",
    },
    "cli.history.help": {
        "en": "Show one group's audits saved with `sqtool audit --save`, one column per period, with the trend."
        " Each audit is kept under its group (the plan's community name and file, else the export's group,"
        " else the export's path); saving a period again replaces it.",
        "zh": "按时段逐列显示某个群用 `sqtool audit --save` 保存的体检，并给出趋势。"
        "每次体检按群保存（计划的社群名称和文件，否则用导出记录里的群，否则用导出文件路径）；"
        "同一时段再次保存会替换旧的。",
    },
    "cli.history.opt.plan": {
        "en": "Plan file: its group's audits, from .sqtool/history.sqlite in its folder.",
        "zh": "计划文件：显示该计划所属群的体检，读取其所在文件夹的 .sqtool/history.sqlite。",
    },
    "cli.history.opt.group": {
        "en": "The group to show: its name as `sqtool history --all` lists it.",
        "zh": "要查看的群：填写 `sqtool history --all` 列出的名称。",
    },
    "cli.history.opt.delete": {
        "en": "Remove the group's audit of PERIOD (FIRST..LAST as the table shows it, or its first day).",
        "zh": "删除该群 PERIOD 时段的体检（按表头写成 开始..结束，或只写开始日期）。",
    },
    "cli.history.opt.all": {
        "en": "List the groups in the history database, with their audits and periods.",
        "zh": "列出历史数据库中的所有群，以及各自的体检次数和时段。",
    },
    # -- completion --
    "cli.completion.short": {
        "en": "Print the shell completion script for bash, zsh or fish.",
        "zh": "输出 bash、zsh 或 fish 的命令补全脚本。",
    },
    "cli.completion.help": {
        "en": """Print the script that lets your shell complete sqtool: commands, options, plan files, rule ids
(explain, --select, --ignore) and playbook names.

\b
Examples:
  # bash, in ~/.bashrc:
  eval "$(sqtool completion bash)"
  # zsh, in ~/.zshrc after compinit:
  eval "$(sqtool completion zsh)"
  # fish:
  sqtool completion fish \\
    > ~/.config/fish/completions/sqtool.fish""",
        "zh": """\b
输出命令补全脚本，让 shell 能补全 sqtool 的命令、选项、计划文件、规则编号
（explain、--select、--ignore）和剧本名称。

\b
示例：
  # bash，写进 ~/.bashrc：
  eval "$(sqtool completion bash)"
  # zsh，写进 ~/.zshrc，放在 compinit 之后：
  eval "$(sqtool completion zsh)"
  # fish：
  sqtool completion fish \\
    > ~/.config/fish/completions/sqtool.fish""",
    },
    "cli.completion.arg.shell": {"en": "The shell: bash, zsh or fish.", "zh": "shell 类型：bash、zsh 或 fish。"},
}
