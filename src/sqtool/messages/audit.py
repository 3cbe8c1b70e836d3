"""Messages of the audit: errors, notes, the five self-diagnoses (article 002, in our own words),
evidence labels, drift findings, report headings and the history command."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- errors --
    "audit.no_messages": {
        "en": "no messages to audit: the export is empty or holds only system lines or bots",
        "zh": "没有可分析的消息：导出文件为空，或只有系统消息和机器人消息",
    },
    "audit.no_messages_hint": {
        "en": "export the whole group chat (not only system lines), and check that --exclude leaves someone",
        "zh": "请导出完整的群聊记录（不只是系统消息），并确认 --exclude 没有排除所有人",
    },
    "audit.bad_window": {
        "en": "the window starts on {since}, after it ends on {until}",
        "zh": "时间窗口的开始日期 {since} 晚于结束日期 {until}",
    },
    "audit.bad_window_hint": {"en": "give --since before --until", "zh": "请让 --since 早于 --until"},
    "audit.empty_window": {
        "en": "no message between {since} and {until}; the export runs from {first} to {last}",
        "zh": "{since} 至 {until} 之间没有消息；导出记录的时间范围是 {first} 至 {last}",
    },
    "audit.empty_window_hint": {
        "en": "choose --since/--until inside the export's dates",
        "zh": "请把 --since/--until 设在导出记录的日期范围内",
    },
    "audit.since_after_end": {
        "en": "--since {since} is after the export's last message on {last}; the export runs from {first} to {last}",
        "zh": "--since {since} 晚于导出记录的最后一条消息（{last}）；导出记录的时间范围是 {first} 至 {last}",
    },
    "audit.since_after_end_hint": {
        "en": "choose a --since on or before {last}",
        "zh": "请把 --since 设在 {last} 或更早",
    },
    "audit.until_before_start": {
        "en": "--until {until} is before the export's first message on {first}; the export runs from {first} to {last}",
        "zh": "--until {until} 早于导出记录的第一条消息（{first}）；导出记录的时间范围是 {first} 至 {last}",
    },
    "audit.until_before_start_hint": {
        "en": "choose an --until on or after {first}",
        "zh": "请把 --until 设在 {first} 或更晚",
    },
    "audit.roster_bad_date": {"en": "cannot read the joined date {value!r}", "zh": "无法识别入群日期 {value!r}"},
    "audit.roster_bad_date_hint": {"en": "write dates as YYYY-MM-DD", "zh": "日期请写成 YYYY-MM-DD"},
    "audit.roster_no_member_column": {
        "en": "the roster has no member column",
        "zh": "名单里没有成员列",
    },
    "audit.roster_columns_hint": {
        "en": "a roster needs an id or name column; joined and tags (admin, kol, customer, staff) are optional",
        "zh": "名单至少需要 id 或 name 列；joined（入群日期）和 tags（admin、kol、customer、staff）可选",
    },
    "audit.roster_missing_member": {"en": "this entry names no member", "zh": "这一行没有写成员"},
    "audit.roster_bad_csv": {"en": "cannot read the roster CSV: {reason}", "zh": "无法读取名单 CSV：{reason}"},
    "audit.roster_bad_yaml": {"en": "cannot read the roster YAML: {reason}", "zh": "无法读取名单 YAML：{reason}"},
    "audit.roster_not_list": {
        "en": "the roster YAML must be a list of members or a mapping with a members list",
        "zh": "名单 YAML 必须是成员列表，或含 members 列表的映射",
    },
    # -- notes --
    "audit.note.lurkers_unknown": {
        "en": "members who never posted are unknown: lurker figures need --roster, --members or members.current_size",
        "zh": "不知道有多少人从未发言：潜水比例需要 --roster、--members 或计划中的 members.current_size",
    },
    "audit.note.one_sender": {
        "en": "Only one person ({name}) posted in this period: replies, opinion leaders and response times"
        " need a conversation, so export the whole group chat or widen --since/--until",
        "zh": "本期只有一个人（{name}）发言：回复、意见领袖和响应时间都需要多人对话，"
        "请导出完整群聊，或放宽 --since/--until",
    },
    "audit.note.small_group": {
        "en": "only {members:member|members}: under 100 the top 1% is a single person, so read the tiers with care",
        "zh": "只有 {members} 名成员：不足 100 人时头部 1% 只有一个人，分层数据仅供参考",
    },
    "audit.note.no_plan": {
        "en": "no --plan: value output is not assessed and there is no drift check",
        "zh": "未提供 --plan：不评估价值输出，也不做计划偏差检查",
    },
    "audit.note.exclude_nobody": {
        "en": "--exclude {who!r} matched nobody in the export or the roster: check the spelling or the member id",
        "zh": "--exclude {who!r} 在导出记录和名单里都没有对上任何人：请检查名字的写法或成员 ID",
    },
    "audit.note.exclude_tag_no_roster": {
        "en": "--exclude tag:{tag} needs --roster: tags come from the roster's tags column, so nobody was excluded",
        "zh": "--exclude tag:{tag} 需要配合 --roster 使用：标签来自名单的 tags 列，所以这次没有排除任何人",
    },
    "audit.note.exclude_tag_nobody": {
        "en": "--exclude tag:{tag}: no one in the roster has the tag {tag!r}, so nobody was excluded",
        "zh": "--exclude tag:{tag}：名单里没有人带 {tag!r} 标签，所以这次没有排除任何人",
    },
    "audit.note.members_raised": {
        "en": "--members {given} is fewer than the {posters:person|people} who posted:"
        " counted as {posters:member|members}",
        "zh": "--members {given} 少于实际发过言的 {posters} 人：已按 {posters} 名成员计算",
    },
    "audit.note.excluded": {
        "en": "left out {records:record|records} of excluded members",
        "zh": "已排除被排除成员的 {records} 条记录",
    },
    "audit.note.other_events": {
        "en": "kept {events:system notice|system notices} of no kind sqtool knows (e.g. in a language it does"
        " not list) as events, not counted as messages",
        "zh": "有 {events} 条系统提示认不出是哪一类（比如用了未收录的语言），已按事件记下，没算进消息数",
    },
    # -- statuses and diagnoses (article 002) --
    "audit.status.healthy": {"en": "healthy", "zh": "健康"},
    "audit.status.watch": {"en": "watch", "zh": "留意"},
    "audit.status.act": {"en": "act", "zh": "需行动"},
    "audit.status.not_assessed": {"en": "not assessed", "zh": "未评估"},
    "audit.diagnosis.owner_pull": {"en": "1. Owner / IP pull", "zh": "一、群主（IP）号召力"},
    "audit.diagnosis.opinion_leaders": {"en": "2. Opinion leaders", "zh": "二、意见领袖"},
    "audit.diagnosis.customers_as_fans": {"en": "3. Customers taken for fans", "zh": "三、是否把顾客当粉丝"},
    "audit.diagnosis.operations": {"en": "4. Operations management", "zh": "四、运营管理"},
    "audit.diagnosis.value_output": {"en": "5. Continuous value output", "zh": "五、价值输出的持续性"},
    "audit.action.owner_pull.healthy": {
        "en": "Keep it up: the owner's posts get answers from many members. (002)",
        "zh": "保持：群主的发言能得到许多成员回应。（002）",
    },
    "audit.action.owner_pull.watch": {
        "en": "Have the owner post one question or case a day that "
        "invites answers, and reply to those who answer. (002)",
        "zh": "请群主每天发一个能引人回应的问题或案例，并回复参与的人。（002）",
    },
    "audit.action.owner_pull.act": {
        "en": "The group lacks a centre of gravity: the owner shoul"
        "d post useful content in person several times a week "
        "and answer replies within the hour for the next two weeks. (002)",
        "zh": "社群缺少向心力：接下来两周群主应每周多次亲自分享有用内容，并在一小时内回复回应者。（002）",
    },
    "audit.action.opinion_leaders.healthy": {
        "en": "Enough members draw answers from others; thank them in public and give them a role. (002)",
        "zh": "带动讨论的成员足够；请公开致谢，并给他们明确的身份。（002）",
    },
    "audit.action.opinion_leaders.watch": {
        "en": "Invite the candidates listed below to lead one topic each this month. (002)",
        "zh": "邀请下面列出的候选人本月各主持一个话题。（002）",
    },
    "audit.action.opinion_leaders.act": {
        "en": "Too few people start conversations others join: recruit one opinion leader per 100 members "
        "(knowledgeable, eager to share) and give each a weekly slot. (002)",
        "zh": "能带动他人讨论的人太少：按每百人一位的比例招募懂行、乐"
        "于分享的意见领袖，并给每人每周一个固定时段。（002）",
    },
    "audit.action.customers_as_fans.healthy": {
        "en": "Customers take part like the rest: the group selects on shared values, not purchases. (002)",
        "zh": "顾客与其他成员一样参与：社群以认同而非购买量来筛选成员。（002）",
    },
    "audit.action.customers_as_fans.watch": {
        "en": "Customers speak less than other members: ask what they came for, and serve pure support "
        "questions in a separate service channel. (002)",
        "zh": "顾客比其他成员更沉默：问问他们入群的期待，纯售后问题移到单独的服务渠道。（002）",
    },
    "audit.action.customers_as_fans.act": {
        "en": "Buyers are not fans: stop admitting by purchase alone, hold entrants to the group's values, "
        "and move members who do not share them out with a private word. (002)",
        "zh": "买家不等于粉丝：不要只凭购买入群，以价值认同作为门槛，对价值观不合的成员私下沟通后请出。（002）",
    },
    "audit.action.operations.healthy": {
        "en": "Operations run well: questions get answers and the rules hold. (002)",
        "zh": "运营到位：问题有人回答，群规得到遵守。（002）",
    },
    "audit.action.operations.watch": {
        "en": "Assign an admin on duty each day to answer open questions and remove bare links and ads. (002)",
        "zh": "每天安排一位值班管理员，回答未解决的问题，清理无说明链接和广告。（002）",
    },
    "audit.action.operations.act": {
        "en": "The group is left to run itself too early: write each"
        " admin's checklist (answer questions within an hour, "
        "enforce the rules, plan one interactive topic a week) and review it weekly. (002)",
        "zh": "过早放任社群自行运转：给每位管理员写清操作清单（一小时内回应"
        "提问、执行群规、每周策划一个互动话题），每周复盘。（002）",
    },
    "audit.action.value_output.healthy": {
        "en": "The planned value keeps arriving on time; keep the cadence rather than raising it. (002)",
        "zh": "计划的价值内容按时送达；保持节奏，不必加码。（002）",
    },
    "audit.action.value_output.watch": {
        "en": "Some planned value posts were missed: give each output a backup person and prepare a week ahead. (002)",
        "zh": "部分计划中的价值内容缺席：给每项输出配一位替补，并提前一周备好内容。（002）",
    },
    "audit.action.value_output.act": {
        "en": "Value output has stalled, which is how groups die: cut it to one thing you can surely deliver, "
        "at a cadence you can hold, and publish it on that schedule. (002)",
        "zh": "价值输出已停滞，这是社群衰亡的常见原因：收缩到一项自己擅长"
        "且确定能交付的内容，定一个守得住的频率并按时发布。（002）",
    },
    "audit.action.owner_pull.missing.owner": {
        "en": "Not assessed: name the owner (roles.owner in the plan, or tag owner in the roster)"
        " to measure their pull.",
        "zh": "未评估：请指明群主（计划中的 roles.owner，或名单中的 owner 标签），才能衡量群主的号召力。",
    },
    "audit.action.opinion_leaders.missing.members": {
        "en": "Not assessed: the member count is unknown, so the leaders the group needs cannot be told;"
        " give --members, --roster or members.current_size in the plan.",
        "zh": "未评估：成员数未知，算不出需要几位意见领袖；"
        "请用 --members、--roster 或计划中的 members.current_size 提供。",
    },
    "audit.action.opinion_leaders.missing.replies": {
        "en": "Not assessed: in this period nobody answered or mentioned anyone, so no one can be seen drawing"
        " answers; audit a longer period or an export with replies.",
        "zh": "未评估：这段时间里没有人回应或 @ 过别人，看不出谁能带动讨论；"
        "请对更长的时段做体检，或换一份有回复的导出记录。",
    },
    "audit.action.customers_as_fans.missing.customer_tags": {
        "en": "Not assessed: give --roster with a tags column marking customers (customer) to tell them from fans.",
        "zh": "未评估：请用 --roster 提供带 tags 列的名单，用 customer 标出顾客，才能与粉丝区分。",
    },
    "audit.action.customers_as_fans.missing.non_customers": {
        "en": "Not assessed: every member on the roster is tagged customer, so there is nobody to compare"
        " customers with; list the other members in the roster too.",
        "zh": "未评估：名单上每个人都标成了顾客，没有可以对比的其他成员；请把其他成员也列进名单。",
    },
    "audit.action.customers_as_fans.conduct": {
        "en": "Customers post as much as the other members, but some broke the group's rules: remind them"
        " of the rules in private, and say at entry that buying does not exempt anyone. (002)",
        "zh": "顾客发言并不比其他成员少，但有人违反了群规：私下提醒他们，并在入群时讲明买了产品也要守群规。（002）",
    },
    "audit.action.operations.missing.questions_and_members": {
        "en": "Not assessed: no question was asked in this period and the member count is unknown, so neither"
        " answers nor weekly activity can be measured; give --members, --roster or members.current_size,"
        " or audit a longer period.",
        "zh": "未评估：这段时间没有人提问，成员数也未知，既量不出回应情况，也算不出周活跃；"
        "请用 --members、--roster 或 members.current_size 提供成员数，或对更长的时段做体检。",
    },
    "audit.action.value_output.missing.plan": {
        "en": "Not assessed: give --plan with value_output items (cadence, time, keywords) to match posts against.",
        "zh": "未评估：请用 --plan 提供 value_output（频率、时间、关键词），以便比对实际发布。",
    },
    "audit.action.value_output.missing.value_outputs": {
        "en": "Not assessed: the plan lists no value output to hold the posts to; add value_output items"
        " (what, cadence, keywords) to the plan.",
        "zh": "未评估：计划里没有列出任何价值输出，无从比对；请在计划中加上 value_output（内容、频率、关键词）。",
    },
    # -- evidence labels --
    "audit.evidence.owner_messages": {"en": "owner's messages", "zh": "群主发言数"},
    "audit.evidence.owner_reply_share": {"en": "owner's posts that drew a reply", "zh": "群主发言获得回复的比例"},
    "audit.evidence.owner_reach_share": {"en": "posters who replied to the owner", "zh": "回应过群主的发言者比例"},
    "audit.evidence.leaders_present": {"en": "opinion leaders present (needed)", "zh": "现有意见领袖（所需）"},
    "audit.evidence.leaders_min_responders": {
        "en": "distinct responders needed to count as one",
        "zh": "认定为意见领袖所需的不同回应者数",
    },
    "audit.evidence.customer_posting_share": {"en": "customers who posted", "zh": "发过言的顾客比例"},
    "audit.evidence.others_posting_share": {"en": "other members who posted", "zh": "发过言的其他成员比例"},
    "audit.evidence.customer_violators": {"en": "customers who broke a rule", "zh": "违反群规的顾客数"},
    "audit.evidence.weekly_active_share": {"en": "weekly active members", "zh": "周活跃成员比例"},
    "audit.evidence.unanswered_share": {"en": "unanswered questions", "zh": "未获回应的提问比例"},
    "audit.evidence.median_first_response_minutes": {
        "en": "median minutes to first response",
        "zh": "首次回应时间中位数（分钟）",
    },
    "audit.evidence.violations_per_100": {"en": "rule breaches per 100 messages", "zh": "每百条消息的违规数"},
    "audit.evidence.value_kept_share": {"en": "planned value outputs held", "zh": "按计划完成的价值输出比例"},
    "audit.evidence.value_posts_per_week": {"en": "value posts per week", "zh": "每周价值内容数"},
    # -- drift (rule ids SQ801-SQ806) --
    "audit.drift.SQ801": {
        "en": "ritual {subject}: held {measured} of {planned:planned time|planned times} between {first} and {last}",
        "zh": "仪式「{subject}」：{first} 至 {last} 计划 {planned} 次，实际举行 {measured} 次",
    },
    "audit.drift.SQ801.none": {
        "en": "ritual {subject}: planned {planned:time|times} between {first} and {last}, held not once",
        "zh": "仪式「{subject}」：{first} 至 {last} 计划 {planned} 次，一次也没有举行",
    },
    "audit.drift.SQ802": {
        "en": "value output {subject}: delivered {measured} of {planned:planned time|planned times}"
        " between {first} and {last}",
        "zh": "价值输出「{subject}」：{first} 至 {last} 计划 {planned} 次，实际发布 {measured} 次",
    },
    "audit.drift.SQ802.none": {
        "en": "value output {subject}: planned {planned:time|times} between {first} and {last}, delivered not once",
        "zh": "价值输出「{subject}」：{first} 至 {last} 计划 {planned} 次，一次也没有发布",
    },
    "audit.drift.SQ803": {
        "en": "{figure} ({subject}): the plan sets {planned}, the export shows {measured}",
        "zh": "{figure}（{subject}）：计划设定 {planned}，实际为 {measured}",
    },
    "audit.threshold.min_weekly_active_share": {"en": "weekly active share", "zh": "周活跃成员占比"},
    "audit.threshold.max_unanswered_share": {"en": "share of questions left unanswered", "zh": "无人回答的提问占比"},
    "audit.threshold.max_first_response_minutes": {
        "en": "median minutes to a first answer",
        "zh": "首次回应时间中位数（分钟）",
    },
    "audit.threshold.min_value_posts_per_week": {"en": "value posts per week", "zh": "每周价值内容数"},
    "audit.threshold.max_lurker_share": {"en": "share of silent members", "zh": "潜水成员占比"},
    "audit.threshold.kol_per_members": {"en": "opinion leaders needed", "zh": "需要的意见领袖人数"},
    "audit.size.target_size": {"en": "target size", "zh": "目标规模"},
    "audit.size.capacity": {"en": "group capacity", "zh": "群容量"},
    "audit.size.current_size": {"en": "current size", "zh": "当前人数"},
    "audit.drift.SQ803.kol_per_members": {
        "en": "opinion leaders (kol_per_members): the plan asks for 1 opinion leader per {planned:member|members},"
        " so {members:member needs|members need} {needed}; the export shows {measured}",
        "zh": "意见领袖人数（kol_per_members）：计划要求每 {planned} 名成员有 1 位意见领袖，"
        "{members} 名成员需要 {needed} 位；实际只有 {measured} 位",
    },
    "audit.drift.SQ804": {
        "en": "{subject}, named as {role} in the plan, posted nothing in the period",
        "zh": "计划中的{role}「{subject}」在此期间没有发言",
    },
    "audit.drift.SQ805": {
        "en": "opinion leader {subject}: {messages:message|messages} drew"
        " {measured:distinct responder|distinct responders} (a leader draws {planned})",
        "zh": "意见领袖「{subject}」发言 {messages} 条，只有 {measured} 位不同成员回应（意见领袖应有 {planned} 位）",
    },
    "audit.drift.SQ805.none": {
        "en": "opinion leader {subject}: {messages:message|messages} and nobody responded (a leader draws {planned})",
        "zh": "意见领袖「{subject}」发言 {messages} 条，没有人回应（意见领袖应有 {planned} 位不同成员回应）",
    },
    "audit.drift.SQ806": {
        "en": "size: the plan's {figure} ({subject}) is {planned}, the audit counts {measured:member|members}",
        "zh": "规模：计划的{figure}（{subject}）为 {planned}，体检统计到 {measured} 名成员",
    },
    "audit.role.owner": {"en": "owner", "zh": "群主"},
    "audit.role.admins": {"en": "admin", "zh": "管理员"},
    "audit.role.opinion_leaders": {"en": "opinion leader", "zh": "意见领袖"},
}

MESSAGES.update(
    {
        "audit.history_missing": {"en": "no audit history here yet", "zh": "这里还没有体检历史"},
        "audit.history_missing_hint": {
            "en": "run sqtool audit with --save first, or point --history at the file",
            "zh": "请先用 sqtool audit --save 保存一次，或用 --history 指向历史文件",
        },
        "audit.history_bad": {"en": "cannot use the history database: {reason}", "zh": "无法使用历史数据库：{reason}"},
        "audit.history_bad_hint": {
            "en": "the file is not an sqtool history (SQLite); move it away or choose another --history",
            "zh": "该文件不是 sqtool 的历史数据库（SQLite）；请移走它或另选 --history",
        },
        "audit.history_newer": {
            "en": "the history was written by a newer sqtool (format {version})",
            "zh": "历史文件由更新版本的 sqtool 写入（格式 {version}）",
        },
        "audit.history_newer_hint": {"en": "upgrade sqtool to read it", "zh": "请升级 sqtool 后再读取"},
        "audit.history_title": {"en": "Saved audits: {count}", "zh": "已保存的体检：{count} 次"},
        "audit.history_trend": {"en": "trend", "zh": "趋势"},
    }
)

MESSAGES.update(
    {
        "audit.bad_format": {
            "en": "unknown output format {value!r}: use one of {choices}",
            "zh": "未知的输出格式 {value!r}：可选 {choices}",
        },
        "audit.bad_format_hint": {"en": "see --help for the formats", "zh": "可用格式见 --help"},
        "audit.csv_needs_folder": {
            "en": "--report csv writes one file per table and needs a folder: -o DIR",
            "zh": "--report csv 会为每张表各写一个文件，需要用 -o 指定一个文件夹",
        },
        "audit.csv_needs_folder_hint": {
            "en": "for example: sqtool audit chat.txt --report csv -o audit-tables/",
            "zh": "例如：sqtool audit chat.txt --report csv -o audit-tables/",
        },
        "audit.csv_not_folder": {
            "en": "{path} is a file; --report csv writes a folder of tables",
            "zh": "{path} 是一个文件；--report csv 要写入的是一个放表格的文件夹",
        },
        "audit.csv_not_folder_hint": {
            "en": "give a folder (it is created when missing)",
            "zh": "请指定一个文件夹（不存在时会自动创建）",
        },
        "audit.csv_written": {
            "en": "{count:table|tables} written to {path}",
            "zh": "已把 {count} 张表写入 {path}",
        },
    }
)

MESSAGES.update(
    {
        "audit.bad_date": {"en": "{option} {value!r} is not a date", "zh": "{option} {value!r} 不是日期"},
        "audit.bad_date_hint": {"en": "write dates as YYYY-MM-DD", "zh": "日期请写成 YYYY-MM-DD"},
        "audit.bad_top": {"en": "--top {value} is negative", "zh": "--top {value} 不能为负数"},
        "audit.bad_top_hint": {
            "en": "give how many senders to list, or 0 for all of them",
            "zh": "请填写要列出的发言人数，0 表示全部列出",
        },
        "audit.bad_members": {"en": "--members {value} is negative", "zh": "--members {value} 不能为负数"},
        "audit.bad_members_hint": {"en": "give the number of members in the group", "zh": "请填写群成员人数"},
        "audit.bad_cutoff": {
            "en": "--response-cutoff {value} must be more than 0 minutes",
            "zh": "--response-cutoff {value} 必须大于 0 分钟",
        },
        "audit.bad_cutoff_hint": {
            "en": "questions unanswered after this many minutes count as unanswered; the default is 1440 (a day)",
            "zh": "超过这么多分钟无人回应的提问算作未回应；默认 1440（一天）",
        },
    }
)
