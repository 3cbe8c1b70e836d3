"""Messages of `sqtool init` and `sqtool playbooks`: prompts, errors, and the comments of a new plan."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- playbooks --
    "scaffold.unknown_playbook": {
        "en": "there is no playbook named {name!r}",
        "zh": "没有名为 {name!r} 的剧本",
    },
    "scaffold.unknown_playbook_hint": {
        "en": "choose one of: {names} (see `sqtool playbooks`)",
        "zh": "可选：{names}（见 `sqtool playbooks`）",
    },
    "scaffold.broken_playbook": {
        "en": "the bundled playbook {name!r} cannot be read: {reason}",
        "zh": "内置剧本 {name!r} 无法读取：{reason}",
    },
    "scaffold.col_name": {"en": "name", "zh": "名称"},
    "scaffold.col_title": {"en": "title", "zh": "标题"},
    "scaffold.col_platforms": {"en": "platforms", "zh": "平台"},
    "scaffold.col_size": {"en": "size", "zh": "规模"},
    "scaffold.col_purposes": {"en": "purposes", "zh": "变现目的"},
    "scaffold.playbooks_title": {"en": "Bundled playbooks", "zh": "内置剧本"},
    "scaffold.playbooks_footer": {
        "en": "Show one with `sqtool playbooks NAME`; start a plan from one with `sqtool init --playbook NAME`.",
        "zh": "查看单个剧本：`sqtool playbooks NAME`；用剧本新建计划：`sqtool init --playbook NAME`。",
    },
    "scaffold.show_purposes": {"en": "Monetization purposes: {purposes}", "zh": "适合的变现目的：{purposes}"},
    "scaffold.show_platforms": {"en": "Platforms: {platforms}", "zh": "适合的平台：{platforms}"},
    "scaffold.show_size": {"en": "Typical size: {size:member|members}", "zh": "典型规模：{size} 人"},
    "scaffold.show_community": {
        "en": "Example community: {name} ({platform}), slogan: {slogan}",
        "zh": "示例社群：{name}（{platform}），口号：{slogan}",
    },
    "scaffold.show_rhythm": {"en": "Weekly rhythm:", "zh": "运营节奏："},
    "scaffold.show_item": {"en": "  - {name}: {when}", "zh": "  - {name}：{when}"},
    "scaffold.when.weekly": {"en": "every {day}", "zh": "每{day}"},
    "scaffold.when.biweekly": {"en": "every other {day}", "zh": "每两周的{day}"},
    "scaffold.show_sources": {"en": "Where each section comes from:", "zh": "各部分的出处："},
    "scaffold.show_source": {"en": "  {section}: articles {articles}", "zh": "  {section}：文章 {articles}"},
    "scaffold.show_file": {"en": "File: {path}", "zh": "文件：{path}"},
    "scaffold.show_next": {
        "en": "Start from it: sqtool init --playbook {name}",
        "zh": "以此新建：sqtool init --playbook {name}",
    },
    # -- non-interactive input --
    "scaffold.not_a_terminal": {
        "en": "the wizard needs a terminal, and standard input is not one",
        "zh": "向导需要在终端中运行，而当前标准输入不是终端",
    },
    "scaffold.not_a_terminal_hint": {
        "en": "run non-interactively with `sqtool init --playbook NAME --yes` (add --set key.path=value or "
        "--answers answers.yaml), or pass --interactive to answer the questions from standard input",
        "zh": "可非交互运行：`sqtool init --playbook NAME --yes`（再加 --set key.path=value 或 "
        "--answers answers.yaml），或加 --interactive 从标准输入回答问题",
    },
    "scaffold.no_playbook": {
        "en": "no playbook chosen for a non-interactive run",
        "zh": "非交互运行时没有指定剧本",
    },
    "scaffold.no_playbook_hint": {
        "en": "add --playbook NAME or a `playbook: NAME` line in the answers file; names: {names}",
        "zh": "请加 --playbook NAME，或在答案文件中写 `playbook: NAME`；可选：{names}",
    },
    "scaffold.bad_set": {
        "en": "--set {assignment!r} is not of the form key.path=value",
        "zh": "--set {assignment!r} 的格式不是 key.path=value",
    },
    "scaffold.bad_set_hint": {
        "en": "for example --set community.name=晨读会 or --set roles.admins=[小林,阿杰]",
        "zh": "例如 --set community.name=晨读会 或 --set roles.admins=[小林,阿杰]",
    },
    "scaffold.unknown_key": {
        "en": "{key!r} is not a field of a community plan",
        "zh": "{key!r} 不是社群计划中的字段",
    },
    "scaffold.unknown_key_hint": {
        "en": "use dotted paths from the schema, e.g. community.name, roles.admins, value_output.0.time "
        "(`sqtool schema` prints every field)",
        "zh": "请使用 schema 中的点分路径，例如 community.name、roles.admins、value_output.0.time"
        "（`sqtool schema` 会列出所有字段）",
    },
    "scaffold.bad_value": {
        "en": "{key}: {problem}",
        "zh": "{key}：{problem}",
    },
    "scaffold.bad_value_hint": {
        "en": "correct the value of {key} and run the command again",
        "zh": "请修改 {key} 的值后重新运行",
    },
    "scaffold.set_not_yaml": {
        "en": "--set {key}={value} does not read as a YAML value",
        "zh": "--set {key}={value} 的值不是合法的 YAML",
    },
    "scaffold.set_not_yaml_hint": {
        "en": "to mean the text itself, quote it: --set '{key}=\"{value}\"'; a list is written [a, b]",
        "zh": "如果就是这段文字，请加引号：--set '{key}=\"{value}\"'；列表写作 [a, b]",
    },
    "scaffold.needs_mapping": {
        "en": "{key} is a section of fields and needs a mapping, not the single value {value!r}",
        "zh": "{key} 是一组字段，需要一个映射，不能只给一个值 {value!r}",
    },
    "scaffold.needs_mapping_hint": {
        "en": "set the fields inside it one by one, for example --set {example}",
        "zh": "请逐个设置其中的字段，例如 --set {example}",
    },
    "scaffold.needs_list": {
        "en": "{key} needs a list, not the single value {value!r}",
        "zh": "{key} 需要一个列表，不能只给一个值 {value!r}",
    },
    "scaffold.needs_list_hint": {
        "en": "write the items in brackets, for example --set {key}=[a, b]",
        "zh": "请把各项写在方括号里，例如 --set {key}=[甲, 乙]",
    },
    "scaffold.answers_unreadable": {
        "en": "cannot read the answers file: {message}",
        "zh": "无法读取答案文件：{message}",
    },
    "scaffold.bad_answers": {
        "en": "the answers file must be a YAML mapping of key paths to values",
        "zh": "答案文件必须是“字段路径: 值”形式的 YAML 映射",
    },
    "scaffold.bad_answers_hint": {
        "en": "for example a line `community.name: 晨读会` or a nested `community: {{name: 晨读会}}`",
        "zh": "例如一行 `community.name: 晨读会`，或嵌套写法 `community: {{name: 晨读会}}`",
    },
    "scaffold.invalid_result": {
        "en": "the plan built from these answers does not match the schema: {problem}",
        "zh": "根据这些答案生成的计划不符合 schema：{problem}",
    },
    "scaffold.input_ended": {
        "en": "standard input ended before every question was answered; nothing was written",
        "zh": "标准输入在回答完所有问题前就结束了；没有写入任何文件",
    },
    "scaffold.input_ended_hint": {
        "en": "give one line per question, or run with --yes to keep the defaults",
        "zh": "请每个问题给一行答案，或加 --yes 使用默认值",
    },
    # -- the wizard --
    "scaffold.welcome": {
        "en": "sqtool init: a few questions, then a commented plan in {path}.\n"
        "Enter keeps the [default]; Ctrl-C stops without writing the plan and keeps your answers for "
        "`sqtool init --resume`.",
        "zh": "sqtool init：回答几个问题，然后在 {path} 生成带注释的计划。\n"
        "直接回车使用[默认值]；按 Ctrl-C 随时停下，计划不会写入，已答的内容会保存下来，"
        "之后用 `sqtool init --resume` 接着回答。",
    },
    "scaffold.pick_playbook": {"en": "Which kind of community is closest?", "zh": "哪种社群最接近你的想法？"},
    "scaffold.playbook_choice": {"en": "  {number}) {name}: {title}", "zh": "  {number}）{title}（{name}）"},
    "scaffold.ask_playbook": {"en": "Playbook (number or name)", "zh": "剧本（填编号或名称）"},
    "scaffold.choices": {"en": "  choices: {choices}", "zh": "  可选：{choices}"},
    "scaffold.choices_how": {
        "en": "  pick several by number: 2,7 or a range 1-3",
        "zh": "  可多选，填编号即可：2,7、2，7、2、7 或范围 1-3",
    },
    "scaffold.section_heading": {"en": "-- {title} --", "zh": "—— {title} ——"},
    "scaffold.retry": {"en": "  ! {problem}. Please try again.", "zh": "  ! {problem}，请重新输入。"},
    "scaffold.warning": {"en": "  warning[{rule}]: {problem}", "zh": "  警告[{rule}]：{problem}"},
    "scaffold.keep_anyway": {"en": "Keep it anyway? (y/n)", "zh": "仍然保留吗？(y/n)"},
    "scaffold.name_ideas": {
        "en": "  name ideas for the {method} method: {ideas}",
        "zh": "  按“{method}”起名法的建议：{ideas}",
    },
    "scaffold.written": {"en": "Wrote {path}.", "zh": "已写入 {path}。"},
    "scaffold.check_heading": {"en": "Check of the new plan:", "zh": "新计划的检查结果："},
    "scaffold.next_steps": {"en": "Next steps:", "zh": "下一步："},
    "scaffold.next_edit": {
        "en": "  edit {path} (every section has a comment saying what it is for)",
        "zh": "  编辑 {path}（每一部分都有注释说明用途）",
    },
    "scaffold.next_check": {
        "en": "  sqtool check {path}     # schema and every rule, after each edit",
        "zh": "  sqtool check {path}     # 每次修改后检查 schema 和所有规则",
    },
    "scaffold.next_schema": {
        "en": "  sqtool schema -o schemas/community-plan.schema.json   # a schema copy in the repository for editors "
        "(then point the plan's first line at it, see docs/editor.md)",
        "zh": "  sqtool schema -o schemas/community-plan.schema.json   # 在仓库里放一份 schema 给编辑器用"
        "（再把计划第一行指向它，见 docs/editor.md）",
    },
    "scaffold.next_audit": {
        "en": "  sqtool audit EXPORT --plan {path}   # once the group is running",
        "zh": "  sqtool audit EXPORT --plan {path}   # 社群运行后对照聊天记录体检",
    },
    "scaffold.review_heading": {
        "en": "Review these: the playbook answered them, you were not asked (marked '# review:' in the plan):",
        "zh": "请核对以下各项：它们是剧本直接给的，没有问过你（计划里已用“# review:”标出）：",
    },
    "scaffold.review_line": {"en": "  {key}: {value}   ({question})", "zh": "  {key}：{value}（{question}）"},
    "scaffold.review_comment": {
        "en": "review: from the playbook, not asked",
        "zh": "review: 剧本给的值，没有问过你，请核对",
    },
    "scaffold.resume_header": {
        "en": "# Answers kept when `sqtool init {plan}` was stopped; `sqtool init {plan} --resume` continues.\n",
        "zh": "# `sqtool init {plan}` 中途停止时保存的回答；运行 `sqtool init {plan} --resume` 接着回答。\n",
    },
    "scaffold.kept_for_resume": {
        "en": "Stopped. Your {count:answer is|answers are} kept in {resume}; `sqtool init {plan} --resume` "
        "continues where you left off. The plan was not written.",
        "zh": "已停止。你的 {count} 个回答保存在 {resume}；运行 `sqtool init {plan} --resume` 可以接着回答。"
        "计划还没有写入。",
    },
    "scaffold.no_resume": {
        "en": "no kept answers to resume: {path} does not exist",
        "zh": "没有可以接着回答的记录：{path} 不存在",
    },
    "scaffold.no_resume_hint": {
        "en": "answers are kept when the wizard is stopped with Ctrl-C; run `sqtool init {plan}` to start",
        "zh": "只有在向导里按 Ctrl-C 停止时才会保存回答；请运行 `sqtool init {plan}` 从头开始",
    },
    "scaffold.yes_no": {"en": "answer y or n.", "zh": "请回答 y 或 n。"},
    # -- questions (prompt and help) --
    "scaffold.q.platform": {"en": "Platform", "zh": "平台"},
    "scaffold.q.target_size": {"en": "Target size (members)", "zh": "目标人数"},
    "scaffold.q.category": {"en": "Category", "zh": "社群类别"},
    "scaffold.q.shared_attribute": {
        "en": "What group is it? Who belongs (the attribute members share)",
        "zh": "你要建一个什么样的群？成员的共同属性是什么",
    },
    "scaffold.q.common_goal": {
        "en": "Why are you together? (the goal members share)",
        "zh": "大家为什么要在一起？（共同目标）",
    },
    "scaffold.q.value_for_members": {
        "en": "What will you do together? (what members get)",
        "zh": "在一起做什么？（成员能得到什么）",
    },
    "scaffold.q.purpose": {"en": "Why do you build it? (your purpose)", "zh": "你为什么要建这个群？（目的）"},
    "scaffold.q.purposes": {
        "en": "Monetization purposes (comma-separated)",
        "zh": "变现目的（多个用逗号分隔）",
    },
    "scaffold.q.topic": {
        "en": "In a word or two, what is it about? (for name ideas)",
        "zh": "用一两个词说说主题（用于起名建议）",
    },
    "scaffold.q.naming_method": {"en": "Naming method", "zh": "起名方法"},
    "scaffold.q.name": {"en": "Community name", "zh": "社群名称"},
    "scaffold.q.slogan": {"en": "Slogan", "zh": "口号"},
    "scaffold.q.slogan_type": {"en": "Slogan type", "zh": "口号类型"},
    "scaffold.q.threshold": {"en": "Entry threshold", "zh": "入群门槛"},
    "scaffold.q.fee": {"en": "Fee (amount)", "zh": "费用（金额）"},
    "scaffold.q.criteria": {"en": "Entry criteria (who is welcome)", "zh": "入群标准（欢迎什么样的人）"},
    "scaffold.q.owner": {"en": "Owner (群主)", "zh": "群主"},
    "scaffold.q.admins": {"en": "Admins (comma-separated)", "zh": "管理员（逗号分隔）"},
    "scaffold.q.opinion_leaders": {
        "en": "Opinion leaders (comma-separated; about one per {per:member|members})",
        "zh": "意见领袖（逗号分隔；约每 {per} 人一位）",
    },
    "scaffold.q.value_name": {"en": "Main value output (what the group gets regularly)", "zh": "主要价值输出"},
    "scaffold.q.value_cadence": {"en": "How often", "zh": "频率"},
    "scaffold.q.value_time": {"en": "At what time (HH:MM)", "zh": "几点发布（HH:MM）"},
    "scaffold.q.value_owner": {"en": "Who produces it", "zh": "由谁负责"},
    "scaffold.q.value_backup": {"en": "Who stands in when they cannot", "zh": "由谁替补"},
    # -- question sections --
    "scaffold.part.basics": {"en": "what, why, with whom", "zh": "是什么、为什么、和谁"},
    "scaffold.part.identity": {"en": "name and slogan", "zh": "名称与口号"},
    "scaffold.part.entry": {"en": "entry", "zh": "入群门槛"},
    "scaffold.part.people": {"en": "people", "zh": "人员"},
    "scaffold.part.value": {"en": "value output", "zh": "价值输出"},
    "scaffold.part.money": {"en": "monetization", "zh": "变现"},
    # -- answer problems --
    "scaffold.err.required": {"en": "an answer is needed", "zh": "此项必须填写"},
    "scaffold.err.choice": {
        "en": "{value!r} is not one of the choices ({choices})",
        "zh": "{value!r} 不在可选项中（{choices}）",
    },
    "scaffold.err.integer": {
        "en": "{value!r} is not a whole number; type it like 500 or 500人",
        "zh": "{value!r} 不是整数，请写成 500 或 500人 这样",
    },
    "scaffold.err.number": {
        "en": "{value!r} is not an amount; type it like 299, ¥299 or 299元",
        "zh": "{value!r} 不是金额，请写成 299、¥299 或 299元 这样",
    },
    "scaffold.err.positive": {"en": "give a number above zero", "zh": "请输入大于零的数"},
    "scaffold.err.over_capacity": {
        "en": "{size:member does|members do} not fit in one {platform} group (capacity {capacity})",
        "zh": "{size} 人超出了一个{platform}的容量（{capacity} 人）",
    },
    "scaffold.err.time": {
        "en": "{value!r} is not a time; type it like 08:00, 8点, 早上8点 or 20:30-22:00",
        "zh": "{value!r} 不是时间，请写成 08:00、8点、早上8点 或 20:30-22:00 这样",
    },
    "scaffold.err.too_few_leaders": {
        "en": "{size:member needs|members need} at least {needed:opinion leader|opinion leaders} (one per {per});"
        " you named {named}",
        "zh": "{size} 人的群至少需要 {needed} 位意见领袖（每 {per} 人一位），现在只有 {named} 位",
    },
    "scaffold.err.no_admins": {
        "en": "name at least one admin: an owner alone cannot keep a group going",
        "zh": "请至少填写一位管理员：只有群主一个人撑不起一个群",
    },
    "scaffold.err.backup_needed": {
        "en": "a daily output needs a backup person other than its owner",
        "zh": "每日输出需要一位不同于负责人的替补",
    },
    "scaffold.err.not_text": {"en": "a piece of text is expected here", "zh": "此处应为文字"},
    "scaffold.err.not_list": {"en": "a list of names is expected here", "zh": "此处应为名单列表"},
    "scaffold.err.duplicate": {"en": "{value!r} is listed twice", "zh": "{value!r} 重复出现"},
    # -- name and slogan help (004) --
    "scaffold.warn.generic_name": {
        "en": "{name!r} is a generic label that says nothing about the group; pick a naming method (004)",
        "zh": "{name!r} 是泛泛的标签，看不出是什么群；请按一种起名方法来取名（第 004 篇）",
    },
    "scaffold.warn.long_slogan": {
        "en": "the slogan is {length:character|characters} long; keep it under {limit} so people can repeat it (004)",
        "zh": "口号长 {length} 个字符；控制在 {limit} 以内才便于传播（第 004 篇）",
    },
    # -- choice labels --
    "scaffold.choice.wechat": {"en": "WeChat", "zh": "微信群"},
    "scaffold.choice.qq": {"en": "QQ", "zh": "QQ群"},
    "scaffold.choice.other": {"en": "other", "zh": "其他"},
    "scaffold.choice.telegram": {"en": "Telegram", "zh": "Telegram群"},
    "scaffold.choice.discord": {"en": "Discord", "zh": "Discord服务器"},
    "scaffold.choice.whatsapp": {"en": "WhatsApp", "zh": "WhatsApp群"},
    "scaffold.choice.slack": {"en": "Slack", "zh": "Slack工作区"},
    "scaffold.choice.product": {"en": "product", "zh": "产品类"},
    "scaffold.choice.entertainment": {"en": "entertainment", "zh": "娱乐类"},
    "scaffold.choice.knowledge": {"en": "knowledge", "zh": "知识类"},
    "scaffold.choice.arts": {"en": "arts", "zh": "文艺类"},
    "scaffold.choice.interest": {"en": "interest", "zh": "兴趣类"},
    "scaffold.choice.region": {"en": "region", "zh": "地域类"},
    "scaffold.choice.naming_method.product": {"en": "after the core product", "zh": "从核心产品延伸"},
    "scaffold.choice.founder": {"en": "after the founder", "zh": "从灵魂人物延伸"},
    "scaffold.choice.content": {"en": "after the content", "zh": "按内容"},
    "scaffold.choice.hobby": {"en": "after the hobby", "zh": "按爱好"},
    "scaffold.choice.attribute": {"en": "after who members are", "zh": "按成员属性"},
    "scaffold.choice.ideology": {"en": "after a belief", "zh": "按理念"},
    "scaffold.choice.combined": {"en": "two methods combined", "zh": "两种方法结合"},
    "scaffold.choice.functional": {"en": "functional", "zh": "功能型"},
    "scaffold.choice.benefit": {"en": "benefit", "zh": "利益型"},
    "scaffold.choice.values": {"en": "values", "zh": "三观型"},
    "scaffold.choice.open": {"en": "open", "zh": "开放"},
    "scaffold.choice.invite": {"en": "by invitation", "zh": "邀请制"},
    "scaffold.choice.application": {"en": "by application", "zh": "申请制"},
    "scaffold.choice.paid": {"en": "paid", "zh": "付费"},
    "scaffold.choice.task": {"en": "after a task", "zh": "完成任务"},
    "scaffold.choice.daily": {"en": "daily", "zh": "每天"},
    "scaffold.choice.weekly": {"en": "weekly", "zh": "每周"},
    "scaffold.choice.biweekly": {"en": "every two weeks", "zh": "每两周"},
    "scaffold.choice.monthly": {"en": "monthly", "zh": "每月"},
    "scaffold.choice.quarterly": {"en": "quarterly", "zh": "每季度"},
    "scaffold.choice.weekdays": {"en": "on weekdays", "zh": "工作日"},
    "scaffold.choice.yearly": {"en": "yearly", "zh": "每年"},
    "scaffold.choice.monday": {"en": "Monday", "zh": "周一"},
    "scaffold.choice.tuesday": {"en": "Tuesday", "zh": "周二"},
    "scaffold.choice.wednesday": {"en": "Wednesday", "zh": "周三"},
    "scaffold.choice.thursday": {"en": "Thursday", "zh": "周四"},
    "scaffold.choice.friday": {"en": "Friday", "zh": "周五"},
    "scaffold.choice.saturday": {"en": "Saturday", "zh": "周六"},
    "scaffold.choice.sunday": {"en": "Sunday", "zh": "周日"},
    "scaffold.choice.sell_products": {"en": "sell products", "zh": "销售产品"},
    "scaffold.choice.provide_services": {"en": "provide services", "zh": "提供服务"},
    "scaffold.choice.build_network": {"en": "build a network", "zh": "拓展人脉"},
    "scaffold.choice.gather_interests": {"en": "gather an interest", "zh": "聚集兴趣"},
    "scaffold.choice.build_brand": {"en": "build a brand", "zh": "打造品牌"},
    "scaffold.choice.keep_customer_relations": {"en": "keep customer relations", "zh": "维护客户关系"},
    "scaffold.choice.build_personal_influence": {"en": "build personal influence", "zh": "打造个人影响力"},
    "scaffold.choice.none": {"en": "none", "zh": "不变现"},
    # -- comments of the generated plan: what each section is for and which article it comes from --
    "scaffold.header": {
        "en": "Community plan written by `sqtool init` from the {playbook!r} playbook.\n"
        "Edit freely; `sqtool check {path}` tells you what is missing. Articles 000-004 are the five\n"
        "articles sqtool's method is drawn from (`sqtool explain RULE` cites them).",
        "zh": "本计划由 `sqtool init` 根据剧本 {playbook!r} 生成。\n"
        "可随意修改；`sqtool check {path}` 会指出还缺什么。文中的 000-004 指 sqtool 方法所依据的\n"
        "五篇文章（`sqtool explain 规则号` 会注明出处）。",
    },
    "scaffold.section.version": {
        "en": "Schema version of this file, so that later sqtool versions can migrate it.",
        "zh": "本文件的 schema 版本，便于以后的 sqtool 版本自动迁移。",
    },
    "scaffold.section.playbook": {
        "en": "Playbook metadata (only in bundled playbooks).",
        "zh": "剧本元数据（只出现在内置剧本中）。",
    },
    "scaffold.section.community": {
        "en": "Identity. A name built by one naming method and a short slogan of a clear type (functional,\n"
        "benefit or values) make the group easy to remember and to recommend (004).\n"
        "The platform sets how many people one group can hold.",
        "zh": "身份。按一种起名方法取名，再配一句类型明确（功能、利益或三观）的短口号，\n"
        "群才好记、好传播（004）。平台决定了一个群最多能容纳多少人。",
    },
    "scaffold.section.positioning": {
        "en": "Positioning: the three questions of 004 (what group, why together, what together) and its three\n"
        "elements: a shared attribute, a common goal, and the rules below. The purpose and the drives\n"
        "that bring people in come from 000; member needs are the eight kinds listed in 004.",
        "zh": "定位：回答 004 的三个问题（什么群、为什么在一起、在一起做什么），具备三要素：\n"
        "共同属性、共同目标和下面的规则。建群目的与吸引人的驱动力见 000；成员需求取自 004 的八类。",
    },
    "scaffold.section.members": {
        "en": "Members: how big the group should grow and where the first people come from (000).",
        "zh": "成员：计划做到多大，第一批人从哪里来（000）。",
    },
    "scaffold.section.roles": {
        "en": "Roles. An owner alone cannot carry a group: name admins and reward them (004). Plan about one\n"
        "opinion leader per hundred members, after the 1-9-90 ratio (002), and a mix of organizers,\n"
        "spreaders, active members, talkers, challengers and red-packet givers (000).",
        "zh": "角色。群主一个人撑不起一个群：要设管理员并给予激励（004）。按 1-9-90 比例，\n"
        "大约每一百人配一位意见领袖（002）；再配齐组织者、传播者、积极分子、话痨、\n"
        "较真的人和愿意发红包的人（000）。",
    },
    "scaffold.section.rules": {
        "en": "Rules. An entry threshold filters for people who fit (004). Conduct rules keep out ads, links\n"
        "dropped without a word of introduction and quarrels (001, 003). Reward both materially and with\n"
        "recognition (004), and say how members who do not share the values leave (002).",
        "zh": "规则。入群门槛筛选出合适的人（004）。行为规范要挡住广告、不加介绍就丢的链接和争吵\n"
        "（001、003）。激励既要有物质也要有荣誉（004），并写明价值观不合的成员如何离开（002）。",
    },
    "scaffold.section.value_output": {
        "en": "Value output: what the group receives on a fixed rhythm. Choose something you can keep up\n"
        "and give every daily item a backup; groups die when the output slows or stops (002).",
        "zh": "价值输出：群按固定节奏得到的东西。选自己擅长、做得下去的内容，每日输出要有替补；\n"
        "输出变少或中断，群就会沉寂（002）。",
    },
    "scaffold.section.rituals": {
        "en": "Rituals at fixed times build a habit. Announce a topic night at least a day ahead and a guest\n"
        "talk two days ahead; a guest talk needs a host and a written summary afterwards (003, 004).",
        "zh": "固定时间的仪式能培养习惯。话题讨论至少提前一天预告，嘉宾分享提前两天；\n"
        "嘉宾分享要有主持人，结束后整理总结（003、004）。",
    },
    "scaffold.section.growth": {
        "en": "Growth: QR codes and keyword auto-join bring people in (001). AB expansion: a reward when the\n"
        "group reaches a size, then the most active members move on to a second group (003).",
        "zh": "增长：用二维码和关键词自动入群引流（001）。AB 群扩散：群到一定人数时给奖励，\n"
        "再把最积极的成员筛选到第二个群（003）。",
    },
    "scaffold.section.offline": {
        "en": "Offline: meeting in person turns online acquaintances into friends; open city chapters once\n"
        "a region has enough members (000, 004).",
        "zh": "线下：见过面，网友才会变成朋友；某地成员够多时再开城市分会（000、004）。",
    },
    "scaffold.section.monetization": {
        "en": "Monetization: which of the seven purposes of 004 this group serves, the stages from free to\n"
        "paid, and how likely buyers are noticed from their activity and then approached (001).",
        "zh": "变现：本群服务于 004 所列七种目的中的哪几种，从免费到付费的路径，\n"
        "以及如何从活跃度中发现潜在买家并跟进（001）。",
    },
    "scaffold.section.governance": {
        "en": "Governance: who decides what. Leave a group to run itself only once it is mature and every\n"
        "member knows their part (002).",
        "zh": "治理：谁决定什么。只有群已成熟、人人清楚自己的职责时，才适合放手让它自我运转（002）。",
    },
    "scaffold.section.offboarding": {
        "en": "Offboarding: how people leave or move on without bitterness (Community Canvas).",
        "zh": "离开机制：成员如何体面地离开或转到别处（社群画布）。",
    },
    "scaffold.section.content_plan": {
        "en": "Content plan: the themes that give the value output a direction (001).",
        "zh": "内容规划：给价值输出定方向的主题安排（001）。",
    },
    "scaffold.section.channels": {
        "en": "Outside channels where the group also publishes, so members amplify each other (000).",
        "zh": "群外的发布渠道，让成员互相助力、放大声量（000）。",
    },
    "scaffold.section.data_policy": {
        "en": "Data policy: what is kept about members and for how long (Community Canvas).",
        "zh": "数据政策：保存成员的哪些信息、保存多久（社群画布）。",
    },
    "scaffold.section.thresholds": {
        "en": "Targets that `sqtool audit` checks against a chat export; the opinion-leader ratio follows\n"
        "the 1-9-90 ratio (002).",
        "zh": "`sqtool audit` 对照聊天记录检查的指标；意见领袖比例依据 1-9-90 比例（002）。",
    },
    "scaffold.section.kpis": {
        "en": "KPIs along the member journey: growth, activation, retention, conversion, referral (001).",
        "zh": "沿用户旅程的关键指标：增长、激活、留存、转化、裂变（001）。",
    },
    "scaffold.section.budget": {
        "en": "Budget: money and people per month; decide it before you start (000).",
        "zh": "预算：每月投入的钱和人手；开始之前就要想清楚（000）。",
    },
    "scaffold.section.other": {
        "en": "Further fields.",
        "zh": "其他字段。",
    },
}
