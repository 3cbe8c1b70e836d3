# ruff: noqa: E501  (catalogue texts and YAML snippets read better unbroken)
"""Texts of the rule registry: per rule a name, a summary, the why (citing its article), a bad and a
good snippet, a hint and its messages. Written in our own words; article numbers refer to the five source articles
described in docs/sources.md.
"""

# rule id -> text name -> (English, Chinese)
_RULES: dict[str, dict[str, tuple[str, str]]] = {
    "SQ000": {
        "name": ("plan-unreadable", "计划文件无法读取"),
        "summary": (
            "the file is not a YAML mapping the loader can read (syntax, tabs, duplicate keys, empty file)",
            "文件不是加载器能读取的 YAML 映射（语法错误、制表符、重复键、空文件等）",
        ),
        "why": (
            "Nothing else can be checked until the file parses. The loader refuses duplicate keys, tabs and "
            "alias bombs on purpose: each of them silently changes what a plan means.",
            "文件解析成功之前，其他检查都无从谈起。加载器有意拒绝重复键、制表符缩进和别名炸弹，"
            "因为它们都会悄悄改变计划的含义。",
        ),
        "bad": (
            "community:\n  name: A\n  name: B   # duplicate key",
            "community:\n  name: 甲\n  name: 乙   # 重复的键",
        ),
        "good": ("community:\n  name: A", "community:\n  name: 甲"),
        "hint": ("fix the YAML at this position first", "请先修正此处的 YAML"),
    },
    "SQ001": {
        "name": ("schema-violation", "不符合计划结构"),
        "summary": ("the plan breaks the JSON Schema of plan files", "计划不符合计划文件的 JSON Schema"),
        "why": (
            "The schema is the contract every other command relies on: the calendar, the audit and the rules "
            "read the same fields. A plan with schema errors still gets its rule findings, but fix these first.",
            "Schema 是其他命令共同依赖的约定：日历、体检和规则读取的是同一批字段。"
            "不符合 Schema 的计划仍会得到规则检查结果，但请先修这一类。",
        ),
        "bad": ("version: 1\ncommunity:\n  capacity: many", "version: 1\ncommunity:\n  capacity: 很多"),
        "good": (
            "version: 1\ncommunity:\n  name: Morning Readers\n  capacity: 500",
            "version: 1\ncommunity:\n  name: 晨读营\n  capacity: 500",
        ),
        "hint": ("run `sqtool schema` to see the expected shape", "运行 `sqtool schema` 查看应有的结构"),
    },
    "SQ002": {
        "name": ("ime-comma-in-list", "列表里的全角逗号"),
        "summary": (
            "a flow list ([a, b]) whose items are joined by a full-width comma '，', so YAML reads one item",
            "方括号列表（[a, b]）的各项用了全角逗号“，”隔开，YAML 会把它们读成一项",
        ),
        "why": (
            "With a Chinese input method on, `admins: [小美，小雨]` looks like two admins, but YAML separates "
            "items only with ',' and reads one admin called '小美，小雨'. Every rule that counts people then "
            "counts wrong.",
            "打开中文输入法时，`admins: [小美，小雨]` 看上去是两位管理员，但 YAML 只认半角逗号“,”，"
            "会把它读成一位叫“小美，小雨”的管理员，之后所有按人数判断的规则都会算错。",
        ),
        "bad": ("roles:\n  admins: [Mei，Yu]", "roles:\n  admins: [小美，小雨]"),
        "good": ("roles:\n  admins: [Mei, Yu]", "roles:\n  admins: [小美, 小雨]"),
        "hint": ("separate the items with ',': {fixed}", "请改用半角逗号分隔：{fixed}"),
        "message": (
            "a full-width comma '，' in a list: YAML reads one item {item!r}",
            "列表里用了全角逗号“，”，YAML 会把“{item}”读成一项",
        ),
    },
    "SQ101": {
        "name": ("three-elements", "社群三要素"),
        "summary": (
            "shared attribute, common goal and operating rules are all present",
            "共同属性、共同目标、运营规则三者齐全",
        ),
        "why": (
            "Article 004 separates a real community from a chat of relatives or neighbours by three things: the "
            "members share an attribute, they pursue one goal, and the group runs by rules of its own. Without "
            "any one of them the group drifts into small talk and ads.",
            "文章 004 认为，社群和普通的亲友群、老乡群的区别在于三点：成员有共同的属性标签，"
            "追求同一个目标，并且有自己的运营制度。缺少任何一项，群就容易沦为闲聊和广告。",
        ),
        "bad": (
            "positioning:\n  shared_attribute: office workers\n# no common_goal, no rules",
            "positioning:\n  shared_attribute: 上班族\n# 没有 common_goal，也没有 rules",
        ),
        "good": (
            "positioning:\n  shared_attribute: office workers who want to read more\n  common_goal: fifty books a year\n"
            "rules:\n  conduct: [no_ads, no_bare_links, no_quarrels]",
            "positioning:\n  shared_attribute: 想多读书的上班族\n  common_goal: 一年读完五十本书\n"
            "rules:\n  conduct: [no_ads, no_bare_links, no_quarrels]",
        ),
        "hint": (
            "fill positioning.shared_attribute, positioning.common_goal and rules (entry or conduct)",
            "请填写 positioning.shared_attribute、positioning.common_goal 和 rules（entry 或 conduct）",
        ),
        "missing_attribute": (
            "the plan names no shared attribute of the members (one of the three elements)",
            "计划没有写出成员的共同属性（三要素之一）",
        ),
        "missing_goal": (
            "the plan names no common goal (one of the three elements)",
            "计划没有写出共同目标（三要素之一）",
        ),
        "missing_rules": (
            "the plan has no operating rules: neither rules.entry nor rules.conduct (one of the three elements)",
            "计划没有运营规则：rules.entry 和 rules.conduct 都没有（三要素之一）",
        ),
    },
    "SQ102": {
        "name": ("three-questions", "建群三问"),
        "summary": (
            "the plan answers what group this is, why people come together and what they do together",
            "计划回答了建什么群、为什么在一起、在一起做什么",
        ),
        "why": (
            "Article 004 asks three questions before any group is built: what kind of group, why these people "
            "belong together, and what they will do once together. Here the category answers the first, the "
            "needs or drives the second, and at least one value output or ritual the third.",
            "文章 004 主张建群前先想清楚三个问题：建一个什么样的群、大家为什么聚在一起、聚在一起做什么。"
            "本规则用类别回答第一问，用成员需求或驱动力回答第二问，用至少一项价值输出或仪式回答第三问。",
        ),
        "bad": (
            "positioning:\n  shared_attribute: runners\n  common_goal: a marathon",
            "positioning:\n  shared_attribute: 跑者\n  common_goal: 跑完马拉松",
        ),
        "good": (
            "positioning:\n  category: interest\n  member_needs: [learning, friendship]\nrituals:\n"
            "  - name: Sunday long run\n    kind: offline\n    cadence: weekly",
            "positioning:\n  category: interest\n  member_needs: [learning, friendship]\nrituals:\n"
            "  - name: 周日长距离\n    kind: offline\n    cadence: weekly",
        ),
        "hint": (
            "set positioning.category, member_needs (or drives) and plan a value output or a ritual",
            "请设置 positioning.category、member_needs（或 drives），并规划一项价值输出或仪式",
        ),
        "no_what": (
            "what group is it? positioning.category is not set",
            "建什么群？没有设置 positioning.category",
        ),
        "no_why": (
            "why are members together? positioning names no member_needs, drives or value_for_members",
            "为什么在一起？positioning 没有写 member_needs、drives 或 value_for_members",
        ),
        "no_together": (
            "what do members do together? the plan has no value output and no ritual",
            "在一起做什么？计划既没有价值输出也没有仪式",
        ),
    },
    "SQ103": {
        "name": ("monetization-purpose", "变现目的"),
        "summary": (
            "the plan states why the group exists and its monetization purposes (or explicitly none)",
            "计划写明建群目的和变现目的（或明确写“无”）",
        ),
        "why": (
            "Article 004 observes that most groups are built to earn in the end and lists seven purposes, from "
            "selling products to building personal influence. Naming yours, or saying plainly that there is "
            "none, decides the path, the entry threshold and how members will read your posts.",
            "文章 004 指出多数群最终是为了变现，并列出从卖产品到打造个人影响力的七种目的。"
            "写明你的目的，或明确说没有，决定了变现路径、入群门槛以及成员如何看待你的发言。",
        ),
        "bad": (
            "positioning:\n  purpose: ''\nmonetization: {}  # purpose unknown",
            "positioning:\n  purpose: ''\nmonetization: {}  # 目的不明",
        ),
        "good": (
            "positioning:\n  purpose: help members read daily and grow a course audience\nmonetization:\n"
            "  purposes: [provide_services]",
            "positioning:\n  purpose: 帮成员养成读书习惯，并为课程积累用户\nmonetization:\n  purposes: [provide_services]",
        ),
        "hint": (
            "write positioning.purpose and list monetization.purposes (use [none] when the group is not meant to earn)",
            "请填写 positioning.purpose 并列出 monetization.purposes（不打算变现就写 [none]）",
        ),
        "no_purpose": (
            "the plan does not say why the group is built (positioning.purpose)",
            "计划没有写建群目的（positioning.purpose）",
        ),
        "no_purposes": (
            "the plan does not say whether the group is meant to earn (monetization.purposes)",
            "计划没有说明是否打算变现（monetization.purposes）",
        ),
    },
    "SQ104": {
        "name": ("slogan", "社群口号"),
        "summary": ("the slogan has a type and is short enough to remember", "口号有类型，并且短到记得住"),
        "why": (
            "Article 004 treats a slogan like a password members recognise each other by, and sorts slogans "
            "into three kinds: functional, benefit and values. A slogan only works if people can repeat it, so "
            "length is counted the way it is remembered: one unit per Chinese character or per Latin word.",
            "文章 004 把口号看作成员相认的暗号，并把口号分为功能型、利益型和三观型三类。"
            "口号要能被复述才有用，所以长度按记忆的方式计算：一个汉字或一个英文单词算一个单位。",
        ),
        "bad": (
            "community:\n  slogan: Together we read, we share, we grow and we never ever give up on our dreams",
            "community:\n  slogan: 我们一起读书一起分享一起成长永远不放弃我们共同的梦想",
        ),
        "good": (
            "community:\n  slogan:\n    text: Twenty minutes a day, fifty books a year\n    type: benefit",
            "community:\n  slogan:\n    text: 每天二十分钟，一年五十本\n    type: benefit",
        ),
        "hint": (
            "give the slogan a text and a type (functional, benefit or values) and keep it short",
            "请把口号写成 text 加 type（functional、benefit 或 values），并保持简短",
        ),
        "missing": ("the community has no slogan", "社群没有口号"),
        "no_type": (
            "the slogan does not say its type (functional, benefit or values)",
            "口号没有注明类型（功能型、利益型或三观型）",
        ),
        "too_long": (
            "the slogan is {length:unit|units} long, over the limit of {limit}",
            "口号长度为 {length} 个单位，超过上限 {limit}",
        ),
    },
    "SQ105": {
        "name": ("group-name", "群名"),
        "summary": (
            'the name follows a naming method and is not a generic name like "exchange group"',
            "群名遵循某种起名方法，而不是“交流群”这类泛泛的名字",
        ),
        "why": (
            "Article 004 offers ways to name a group: extend from the central person or the core product, speak "
            "to the target members (content, hobby, attribute, ideology), or combine the two. It cites names "
            'ending in "exchange group" or "resource group" as typical of groups that went silent because they '
            "never said what they were for.",
            "文章 004 给出几种起名思路：从灵魂人物或核心产品延伸，针对目标成员（内容、爱好、属性、理念），或两者结合。"
            "文中举的以“交流群”“资源对接群”结尾的名字，正是那些没有目标、最终沉寂的群。",
        ),
        "bad": ("community:\n  name: National programmers exchange group", "community:\n  name: 全国程序员交流群"),
        "good": (
            "community:\n  name: Rust Night Shift\n  naming_method: hobby",
            "community:\n  name: 夜跑搭子团\n  naming_method: hobby",
        ),
        "hint": (
            "pick a name from your central person, product, content, hobby, attribute or ideology and set naming_method",
            "请从灵魂人物、产品、内容、爱好、属性或理念出发起名，并设置 naming_method",
        ),
        "generic": (
            "the name {name!r} is generic: it says the group chats but not what it is for",
            "群名 {name!r} 过于泛泛：只说明这是个群，没说明为什么聚在一起",
        ),
        "no_method": ("the plan does not say which naming method the name follows", "计划没有说明群名采用哪种起名方法"),
    },
    "SQ106": {
        "name": ("values-and-culture", "价值观与文化"),
        "summary": ("the plan states shared values and a culture of its own", "计划写明共同价值观和独特的文化"),
        "why": (
            "Article 000 puts values first: the founder states a fairly complete set of values and then looks for "
            "people who resonate with them. It also asks for a culture distinctive enough that members feel it "
            "and retell it outside the group.",
            "文章 000 把价值观放在第一位：创建者先提出一套较完整的价值观，再去寻找认同它的人。"
            "文章还要求社群文化有独特性，让成员产生共鸣并愿意向外讲述。",
        ),
        "bad": (
            "positioning:\n  values: []\ncommunity:\n  name: Morning Readers",
            "positioning:\n  values: []\ncommunity:\n  name: 晨读营",
        ),
        "good": (
            "positioning:\n  values: [persistence, sharing, respect]\ncommunity:\n  culture: early risers who swap book notes",
            "positioning:\n  values: [坚持, 分享, 尊重]\ncommunity:\n  culture: 早起、交换书摘、互相监督",
        ),
        "hint": (
            "list positioning.values and describe community.culture",
            "请列出 positioning.values 并描述 community.culture",
        ),
        "no_values": (
            "the plan lists no shared values (positioning.values)",
            "计划没有列出共同价值观（positioning.values）",
        ),
        "no_culture": (
            "the plan describes no culture of its own (community.culture)",
            "计划没有描述自己的文化（community.culture）",
        ),
    },
    "SQ201": {
        "name": ("opinion-leader-ratio", "意见领袖比例"),
        "summary": (
            "at least one opinion leader per kol_per_members members (500 → 5)",
            "每 kol_per_members 名成员至少一位意见领袖（500 人 → 5 位）",
        ),
        "why": (
            "Article 002 (self-check two) says a group without opinion leaders falls apart, and sizes them with the "
            "1-9-90 ratio: one leader draws in nine who talk and ninety who watch. So a 500-member group wants "
            "about five active leaders; the owner is counted separately. Change the ratio with "
            "thresholds.kol_per_members in the plan or kol_per_members in the config.",
            "文章 002（自检二）认为没有意见领袖的群容易散，并用 1-9-90 比例估算人数：一位领袖带动九位参与者和九十位旁观者。"
            "所以 500 人的群需要约五位活跃的意见领袖，群主另算。可在计划的 thresholds.kol_per_members "
            "或配置的 kol_per_members 中调整比例。",
        ),
        "bad": (
            "members:\n  target_size: 500\nroles:\n  opinion_leaders: [Ann, Bo]",
            "members:\n  target_size: 500\nroles:\n  opinion_leaders: [陈姐, 老王]",
        ),
        "good": (
            "members:\n  target_size: 500\nroles:\n  opinion_leaders: [Ann, Bo, Cy, Di, Ed]",
            "members:\n  target_size: 500\nroles:\n  opinion_leaders: [陈姐, 老王, Mia, 大刘, 苏苏]",
        ),
        "hint": (
            "recruit {needed:opinion leader|opinion leaders}, or lower the size or raise thresholds.kol_per_members",
            "请招募 {needed} 位意见领袖，或调低规模、调高 thresholds.kol_per_members",
        ),
        "message": (
            "needs {needed:opinion leader|opinion leaders} for {size:member|members} (one per {per}), the plan names {has}",
            "{size} 名成员需要 {needed} 位意见领袖（每 {per} 人一位），计划只列了 {has} 位",
        ),
    },
    "SQ202": {
        "name": ("owner-not-alone", "群主不唱独角戏"),
        "summary": (
            "the owner has at least one admin, and admins get incentives",
            "群主至少有一位管理员，且管理员有激励",
        ),
        "why": (
            "Article 004 warns that a group with only an owner leaves the founder talking to silence, and advises "
            "appointing deputies and a few active members and rewarding them materially, since people expect "
            "something in return for their time.",
            "文章 004 提醒，只有群主一个人的群，创建者往往说话没人接；建议设置几位副手、物色几位活跃分子，"
            "并给予物质激励，因为大家付出时间也希望有回报。",
        ),
        "bad": ("roles:\n  owner: Zhou\n  admins: []", "roles:\n  owner: 周老师\n  admins: []"),
        "good": (
            "roles:\n  owner: Zhou\n  admins: [Lin, Jie]\nrules:\n  incentives:\n    material: [monthly red packet]",
            "roles:\n  owner: 周老师\n  admins: [小林, 阿杰]\nrules:\n  incentives:\n    material: [月度红包]",
        ),
        "hint": (
            "name admins in roles.admins and give them incentives in rules.incentives",
            "请在 roles.admins 中指定管理员，并在 rules.incentives 中给出激励",
        ),
        "no_admins": (
            "{owner} runs the group alone: roles.admins names nobody",
            "{owner} 独自运营：roles.admins 没有任何人",
        ),
        "no_incentives": (
            "the admins get nothing in return: rules.incentives is empty",
            "管理员没有任何回报：rules.incentives 为空",
        ),
        "the_owner": ("the owner", "群主"),
    },
    "SQ203": {
        "name": ("self-organization-too-early", "过早自组织"),
        "summary": (
            "self-organised management only in a group older than maturity_months",
            "只有成立超过 maturity_months 个月的群才适合自组织管理",
        ),
        "why": (
            "Article 002 (self-check four) calls it a trap to let a new group manage itself because "
            "decentralisation is fashionable: self-organisation only works once every member has a clear role and "
            "habits have formed, which a newly started group lacks. The date rule uses the plan's launch_date.",
            "文章 002（自检四）认为，受“去中心化”影响让新群自我管理是一个误区：自组织的前提是每个人角色清晰、"
            "彼此形成默契，刚建立的群并不具备。本规则依据计划的 launch_date 计算群龄。",
        ),
        "bad": (
            "community:\n  launch_date: 2026-05-01\ngovernance: self-organized, no fixed admins",
            "community:\n  launch_date: 2026-05-01\ngovernance: 自组织管理，不设固定管理员",
        ),
        "good": (
            "community:\n  launch_date: 2026-05-01\ngovernance: owner sets direction, admins run the week",
            "community:\n  launch_date: 2026-05-01\ngovernance: 群主定方向，管理员负责日常执行",
        ),
        "hint": (
            "run the group with named roles first and revisit self-organisation later",
            "请先由明确的角色运营，等群成熟后再考虑自组织",
        ),
        "message": (
            "self-organised management planned for a group launched {launched}, {months_old:month|months} old; "
            "wait until it is {months_needed:month|months} old",
            "计划自组织管理，但群在 {launched} 成立，只有 {months_old} 个月；请等到满 {months_needed} 个月",
        ),
        "no_launch_date": (
            "self-organised management planned but community.launch_date is missing, so the group's age "
            "({months_needed:month|months} needed) cannot be checked",
            "计划自组织管理，但缺少 community.launch_date，无法确认群龄（需满 {months_needed} 个月）",
        ),
    },
    "SQ204": {
        "name": ("role-ecology", "角色生态"),
        "summary": (
            "groups above ecology_min_size cover every role of the ecology",
            "规模超过 ecology_min_size 的群覆盖所有生态角色",
        ),
        "why": (
            "Article 000 describes a healthy group as an ecology of complementary people: besides opinion leaders "
            "it wants organisers, spreaders, active members, chatterboxes, stubborn challengers and people happy "
            "to hand out red packets. Small groups can skip this; larger ones should plan who plays each part.",
            "文章 000 把健康的社群描述为角色互补的生态：除了意见领袖，还要有组织者、传播者、积极分子、话痨、"
            "较真的死磕分子和愿意发红包的人。小群可以不管，大群应当规划每个角色由谁担任。",
        ),
        "bad": (
            "members:\n  target_size: 300\nroles:\n  organizer: [Lin]",
            "members:\n  target_size: 300\nroles:\n  organizer: [小林]",
        ),
        "good": (
            "roles:\n  organizer: [Lin]\n  spreader: [Jie]\n  activist: 3\n  talker: 2\n  challenger: 1\n  red_packet_giver: [Zhou]",
            "roles:\n  organizer: [小林]\n  spreader: [阿杰]\n  activist: 3\n  talker: 2\n  challenger: 1\n  red_packet_giver: [周老师]",
        ),
        "hint": ("name people or give a count for each missing role", "请为每个缺少的角色写上人名或人数"),
        "missing": ("a group of {size} has nobody planned as: {roles}", "{size} 人的群没有规划以下角色：{roles}"),
    },
    "SQ205": {
        "name": ("duty-holders-known", "负责人在角色表中"),
        "summary": (
            "owners, backups and hosts are people the roles section names",
            "价值输出和仪式的负责人、替补、主持人都在角色表中",
        ),
        "why": (
            "Article 004 asks for a managing team (owner and admins) that publishes notices, runs activities and "
            "answers questions. A duty given to someone the roles section never mentions is usually a typo or a "
            "person nobody has asked yet.",
            "文章 004 要求设置群主和管理员来发公告、组织活动、解答问题。把职责交给角色表里没有的人，"
            "通常是笔误，或者是一个还没被邀请的人。",
        ),
        "bad": (
            "roles:\n  owner: Zhou\nvalue_output:\n  - name: daily case\n    owner: Zoe",
            "roles:\n  owner: 周老师\nvalue_output:\n  - name: 每日案例\n    owner: 周老斯",
        ),
        "good": (
            "roles:\n  owner: Zhou\nvalue_output:\n  - name: daily case\n    owner: Zhou",
            "roles:\n  owner: 周老师\nvalue_output:\n  - name: 每日案例\n    owner: 周老师",
        ),
        "hint": (
            "add the person to roles (admins, opinion leaders, ...) or fix the spelling",
            "请把此人加入 roles（管理员、意见领袖等）或修正拼写",
        ),
        "unknown": (
            "{person} is the {role} of {duty!r} but is not named anywhere in roles",
            "{person} 是 {duty!r} 的 {role}，但 roles 中没有此人",
        ),
    },
    "SQ301": {
        "name": ("conduct-rules", "群规要点"),
        "summary": ("conduct rules cover ads, bare links and quarrels", "群规涵盖广告、无介绍的链接和争吵"),
        "why": (
            "Article 001 notes that a group without rules fills with ads and unrelated posts, and suggests banning "
            "outside links and pointless arguments. Article 003 adds that a stream of links dropped without a word "
            "makes a group look like a dumping ground: ask members to say what a link is and why they share it.",
            "文章 001 指出没有规则的群会被广告和无关信息淹没，建议禁止外链和无谓争吵。"
            "文章 003 补充：只丢链接不说明会让群显得像灌水群，应要求分享者先介绍内容和分享理由。",
        ),
        "bad": ("rules:\n  conduct: [be_nice]", "rules:\n  conduct: [友善发言]"),
        "good": (
            "rules:\n  conduct: [no_ads, no_bare_links, no_quarrels]",
            "rules:\n  conduct: [no_ads, no_bare_links, no_quarrels]  # 不发广告、不丢裸链接、不争吵",
        ),
        "hint": (
            "add no_ads, no_bare_links and no_quarrels (or your own wording) to rules.conduct",
            "请在 rules.conduct 中加入 no_ads、no_bare_links、no_quarrels（或自己的表述）",
        ),
        "missing": ("the conduct rules say nothing about: {topics}", "群规没有涉及：{topics}"),
    },
    "SQ302": {
        "name": ("entry-threshold", "入群门槛"),
        "summary": (
            "the plan sets an entry threshold; open entry has criteria",
            "计划设置了入群门槛；开放入群也写明了条件",
        ),
        "why": (
            "Article 004 is blunt that groups anyone can join free tend to end as spam or zombie groups, and "
            "recommends a threshold such as a fee or membership so the people inside are the ones the group is "
            "for. An open group should at least say who it is meant for.",
            "文章 004 直言任何人都能免费进入的群往往沦为广告群、僵尸群，建议设置收费或会员制等门槛，"
            "让进群的人正是社群想服务的人。开放入群至少也要写明适合谁加入。",
        ),
        "bad": (
            "rules:\n  entry:\n    threshold: open  # and no criteria",
            "rules:\n  entry:\n    threshold: open  # 也没有入群条件",
        ),
        "good": (
            "rules:\n  entry:\n    threshold: application\n    criteria: agrees to post a reading note weekly",
            "rules:\n  entry:\n    threshold: application\n    criteria: 认同每周分享一篇读书笔记",
        ),
        "hint": (
            "set rules.entry.threshold and describe rules.entry.criteria",
            "请设置 rules.entry.threshold 并写明 rules.entry.criteria",
        ),
        "no_threshold": (
            "the plan sets no entry threshold (rules.entry.threshold)",
            "计划没有设置入群门槛（rules.entry.threshold）",
        ),
        "open_no_criteria": (
            "entry is open and no criteria say who the group is for",
            "入群完全开放，也没有写明适合谁加入",
        ),
    },
    "SQ303": {
        "name": ("removal-policy", "移出机制"),
        "summary": (
            "the plan says how members who do not share the values leave",
            "计划写明与价值观不符的成员如何离开",
        ),
        "why": (
            "Article 002 (self-check three) holds that identification and belonging are the only test for "
            "membership, and that people who do not share the values should be removed early rather than "
            "tolerated until they harm the group.",
            "文章 002（自检三）认为认同感和归属感是遴选成员的唯一标准，对价值观不同的人应尽早移出，"
            "而不是放任到危害社群。",
        ),
        "bad": ("rules:\n  conduct: [no_ads]  # no removal", "rules:\n  conduct: [no_ads]  # 没有移出机制"),
        "good": (
            "rules:\n  removal: after three breaches, a private note, then removal",
            "rules:\n  removal: 三次违规后私聊说明，然后移出",
        ),
        "hint": (
            "describe in rules.removal how and when members are asked to leave",
            "请在 rules.removal 中写明何时、如何请成员离开",
        ),
        "message": ("the plan has no removal policy (rules.removal)", "计划没有移出机制（rules.removal）"),
    },
    "SQ304": {
        "name": ("size-within-capacity", "规模不超容量"),
        "summary": ("target and current sizes fit the platform's group capacity", "目标规模和当前规模不超过平台群容量"),
        "why": (
            "Article 001 starts operations with pulling people into a group; a plan that aims past what one group "
            "on the platform can hold (a WeChat group stops at 500) will hit the wall on the day it succeeds. "
            "community.capacity overrides the platform default.",
            "文章 001 把拉人进群作为运营的起点；目标规模超过平台单群上限（微信群最多 500 人）的计划，"
            "会在成功的那天撞墙。community.capacity 可覆盖平台默认值。",
        ),
        "bad": (
            "community:\n  platform: wechat  # holds 500\nmembers:\n  target_size: 800",
            "community:\n  platform: wechat  # 最多 500 人\nmembers:\n  target_size: 800",
        ),
        "good": (
            "community:\n  platform: wechat\nmembers:\n  target_size: 450\ngrowth:\n  ab_expansion: {trigger_size: 400, filter: active members}",
            "community:\n  platform: wechat\nmembers:\n  target_size: 450\ngrowth:\n  ab_expansion: {trigger_size: 400, filter: 活跃成员}",
        ),
        "hint": (
            "lower the size, plan a second group (growth.ab_expansion) or pick another platform",
            "请调低规模、规划第二个群（growth.ab_expansion）或换平台",
        ),
        "over": (
            "{field} is {size}, over the capacity of {capacity} ({source})",
            "{field} 为 {size}，超过容量 {capacity}（{source}）",
        ),
    },
    "SQ305": {
        "name": ("incentives", "激励制度"),
        "summary": ("incentives include both material rewards and recognition", "激励既有物质奖励也有精神认可"),
        "why": (
            "Article 004 wants both kinds of reward: something material such as red packets or tips, and "
            "something that gives status, like titles, numbers or badges that make members feel they belong. "
            "Article 000 likewise rewards active contributors in spirit or in kind.",
            "文章 004 要求两种奖励都有：红包、打赏等物质奖励，以及头衔、编号、身份等让成员有身份感的精神激励。"
            "文章 000 同样主张对积极贡献者给予精神或物质奖励。",
        ),
        "bad": ("rules:\n  incentives:\n    material: [red packet]", "rules:\n  incentives:\n    material: [红包]"),
        "good": (
            "rules:\n  incentives:\n    material: [red packet]\n    recognition: [star of the week]",
            "rules:\n  incentives:\n    material: [红包]\n    recognition: [每周之星]",
        ),
        "hint": (
            "fill rules.incentives.material and rules.incentives.recognition",
            "请填写 rules.incentives.material 和 rules.incentives.recognition",
        ),
        "none": ("the plan has no incentives at all (rules.incentives)", "计划没有任何激励（rules.incentives）"),
        "no_material": ("incentives have no material reward", "激励中没有物质奖励"),
        "no_recognition": (
            "incentives have no recognition (titles, badges, status)",
            "激励中没有精神认可（头衔、徽章、身份）",
        ),
    },
    "SQ306": {
        "name": ("paid-entry-fee", "付费门槛与费用"),
        "summary": (
            "a paid threshold names its fee and a fee goes with a paid threshold",
            "付费门槛写明费用，写了费用的门槛应为付费",
        ),
        "why": (
            "Article 004 argues that a paid, membership-style threshold keeps quality up. That only works when "
            "the fee is stated, and a fee on a threshold that is not 'paid' means the plan contradicts itself.",
            "文章 004 认为会员制的付费门槛能保证质量。这要求写明费用；而非付费门槛却写了费用，说明计划自相矛盾。",
        ),
        "bad": (
            "rules:\n  entry:\n    threshold: paid  # how much?",
            "rules:\n  entry:\n    threshold: paid  # 收多少？",
        ),
        "good": (
            "rules:\n  entry:\n    threshold: paid\n    fee: {amount: 199, currency: CNY, period: year}",
            "rules:\n  entry:\n    threshold: paid\n    fee: {amount: 199, currency: CNY, period: year}  # 每年 199 元",
        ),
        "hint": (
            "set rules.entry.fee.amount, or change rules.entry.threshold",
            "请设置 rules.entry.fee.amount，或修改 rules.entry.threshold",
        ),
        "no_fee": ("entry is paid but no fee amount is given", "入群需付费，但没有写明金额"),
        "fee_not_paid": (
            "a fee of {amount} is set but the threshold is {threshold!r}, not 'paid'",
            "设置了 {amount} 的费用，但门槛是 {threshold!r} 而非 paid",
        ),
    },
    "SQ401": {
        "name": ("value-output", "价值输出"),
        "summary": ("at least one value output with a cadence", "至少一项有固定频率的价值输出"),
        "why": (
            "Article 002 (self-check five) names continuous value output as what keeps a group alive: people "
            "join for some value, and many groups die when the output slows or stops. The first kind of value "
            "also shapes how members see the group.",
            "文章 002（自检五）认为持续的价值输出是社群保持活力的核心：人们为某种价值而来，"
            "很多群正是因为输出变少或中断而死掉。最初的价值类型也决定了成员对社群的认知。",
        ),
        "bad": ("value_output: []  # nothing to offer", "value_output: []  # 没有可提供的价值"),
        "good": (
            "value_output:\n  - name: daily case study\n    cadence: daily\n    owner: Zhou\n    backup: Lin",
            "value_output:\n  - name: 每日案例拆解\n    cadence: daily\n    owner: 周老师\n    backup: 小林",
        ),
        "hint": (
            "plan at least one value output with a cadence (daily, weekly, ...)",
            "请规划至少一项带频率（daily、weekly 等）的价值输出",
        ),
        "none": ("the plan has no value output", "计划没有任何价值输出"),
        "no_cadence": (
            "no value output has a cadence (first: {name!r})",
            "没有一项价值输出写了频率（第一项：{name!r}）",
        ),
    },
    "SQ402": {
        "name": ("daily-output-backup", "每日输出有替补"),
        "summary": ("daily output has a backup besides its owner", "每日输出除负责人外还有替补"),
        "why": (
            "Article 002 (self-check five) points out that even a seasoned media person called a daily 60-second "
            "message a fight with himself. A daily promise carried by one person breaks on the first sick day; "
            "name a backup, or choose a cadence you can hold.",
            "文章 002（自检五）提到，连资深媒体人都把每天 60 秒语音称为和自己较劲。"
            "只靠一个人的每日承诺，生一次病就会中断；请指定替补，或选择能坚持的频率。",
        ),
        "bad": (
            "value_output:\n  - name: daily case\n    cadence: daily\n    owner: Zhou",
            "value_output:\n  - name: 每日案例\n    cadence: daily\n    owner: 周老师",
        ),
        "good": (
            "value_output:\n  - name: daily case\n    cadence: daily\n    owner: Zhou\n    backup: Lin",
            "value_output:\n  - name: 每日案例\n    cadence: daily\n    owner: 周老师\n    backup: 小林",
        ),
        "hint": (
            "add a backup who is not the owner, or make the cadence weekly",
            "请添加一位不同于负责人的 backup，或改为每周",
        ),
        "message": (
            "{name!r} is daily and rests on {owner} alone: no backup",
            "{name!r} 每日输出只靠 {owner} 一人，没有替补",
        ),
    },
    "SQ403": {
        "name": ("value-output-owner", "价值输出有负责人"),
        "summary": ("every value output has an owner", "每项价值输出都有负责人"),
        "why": (
            "Article 002 (self-check five) asks for a value point you are able to deliver at a frequency you "
            "design up front. Output that belongs to nobody has no one to keep that frequency.",
            "文章 002（自检五）要求选择自己力所能及的价值点，并预先设计输出频次。没有负责人的输出，就没有人保证频次。",
        ),
        "bad": (
            "value_output:\n  - name: weekly digest\n    cadence: weekly",
            "value_output:\n  - name: 每周资料包\n    cadence: weekly",
        ),
        "good": (
            "value_output:\n  - name: weekly digest\n    cadence: weekly\n    owner: Lin",
            "value_output:\n  - name: 每周资料包\n    cadence: weekly\n    owner: 小林",
        ),
        "hint": ("set an owner for the value output", "请为这项价值输出指定 owner"),
        "message": ("value output {name!r} has no owner", "价值输出 {name!r} 没有负责人"),
    },
    "SQ404": {
        "name": ("cadence-meets-threshold", "输出频次达标"),
        "summary": (
            "planned value posts per week reach thresholds.min_value_posts_per_week",
            "计划的每周价值输出次数达到 thresholds.min_value_posts_per_week",
        ),
        "why": (
            "Article 002 (self-check five) ties a group's life to keeping its output frequency. If the plan's own "
            "value outputs promise fewer posts a week than its threshold asks for, the audit will flag the group "
            "as failing its own target from day one. Daily counts as 7, weekly as 1, monthly as 12/52.",
            "文章 002（自检五）把社群的存续与输出频次绑定。如果计划中的价值输出每周承诺的次数少于自己设定的阈值，"
            "体检会从第一天起判定未达标。每日按 7 次、每周按 1 次、每月按 12/52 次计算。",
        ),
        "bad": (
            "value_output:\n  - {name: weekly digest, cadence: weekly, owner: Lin}\nthresholds:\n  min_value_posts_per_week: 7",
            "value_output:\n  - {name: 每周资料包, cadence: weekly, owner: 小林}\nthresholds:\n  min_value_posts_per_week: 7",
        ),
        "good": (
            "value_output:\n  - {name: daily case, cadence: daily, owner: Zhou, backup: Lin}\nthresholds:\n  min_value_posts_per_week: 7",
            "value_output:\n  - {name: 每日案例, cadence: daily, owner: 周老师, backup: 小林}\nthresholds:\n  min_value_posts_per_week: 7",
        ),
        "hint": (
            "add value output or lower thresholds.min_value_posts_per_week",
            "请增加价值输出或调低 thresholds.min_value_posts_per_week",
        ),
        "message": (
            "the value outputs plan {planned:post|posts} a week, the threshold asks for {required}",
            "价值输出每周计划 {planned} 次，阈值要求 {required} 次",
        ),
    },
    "SQ501": {
        "name": ("announce-ahead", "提前预告"),
        "summary": (
            "topics are announced at least 1 day ahead, guest sharings at least 2",
            "话题至少提前 1 天预告，嘉宾分享至少提前 2 天",
        ),
        "why": (
            "Article 004 gives a regular topic discussion a sense of ceremony by announcing it the day before, "
            "so members look forward to it. Article 003 posts the notice of a guest sharing two days ahead and "
            "asks members to pass it on, which is how the audience grows.",
            "文章 004 通过提前一天预告，让定期话题讨论有仪式感、让成员有期待。"
            "文章 003 提前两天发布嘉宾分享公告，并引导成员转发，以此扩大听众。",
        ),
        "bad": (
            "rituals:\n  - name: Sunday guest\n    kind: guest_share\n    announce_days_before: 0",
            "rituals:\n  - name: 周日嘉宾分享\n    kind: guest_share\n    announce_days_before: 0",
        ),
        "good": (
            "rituals:\n  - name: Sunday guest\n    kind: guest_share\n    announce_days_before: 2",
            "rituals:\n  - name: 周日嘉宾分享\n    kind: guest_share\n    announce_days_before: 2",
        ),
        "hint": ("set announce_days_before to {needed} or more", "请把 announce_days_before 设为 {needed} 或更多"),
        "too_late": (
            "{name!r} is announced {days:day|days} ahead; needs at least {needed}",
            "{name!r} 只提前 {days} 天预告，至少需要 {needed} 天",
        ),
        "unset": (
            "{name!r} does not say how far ahead it is announced; needs at least {needed:day|days}",
            "{name!r} 没有写提前几天预告，至少需要 {needed} 天",
        ),
    },
    "SQ502": {
        "name": ("guest-share-steps", "嘉宾分享流程"),
        "summary": ("a guest sharing has a host and a summary afterwards", "嘉宾分享有主持人，结束后有总结"),
        "why": (
            "Article 003 lists the organiser's work around a sharing: book the guest, announce it, host and "
            "stir up questions during it, then collect the questions and write a summary. It notes that many "
            "sharings end unattended with no one to carry them on; a host and a summary prevent that.",
            "文章 003 列出组织者围绕一次分享要做的事：约嘉宾、发预告、分享时主持并带动互动、结束后收集问题并整理总结。"
            "文中指出很多分享结束后无人跟进，主持人和总结可以避免这种情况。",
        ),
        "bad": (
            "rituals:\n  - name: Sunday guest\n    kind: guest_share",
            "rituals:\n  - name: 周日嘉宾分享\n    kind: guest_share",
        ),
        "good": (
            "rituals:\n  - name: Sunday guest\n    kind: guest_share\n    host: Lin\n    summary: true",
            "rituals:\n  - name: 周日嘉宾分享\n    kind: guest_share\n    host: 小林\n    summary: true",
        ),
        "hint": ("set host and summary: true on the guest sharing", "请为嘉宾分享设置 host 和 summary: true"),
        "no_host": ("guest sharing {name!r} has no host", "嘉宾分享 {name!r} 没有主持人"),
        "no_summary": ("guest sharing {name!r} plans no summary afterwards", "嘉宾分享 {name!r} 没有安排会后总结"),
    },
    "SQ503": {
        "name": ("rituals-do-not-clash", "仪式时间不冲突"),
        "summary": ("no two rituals overlap on the same day", "同一天的两个仪式时间不重叠"),
        "why": (
            "Not from the articles: a scheduling check. Two rituals at overlapping times on the same day split "
            "the audience and the hosts, and members learn neither slot.",
            "此条并非出自文章，而是排期检查：同一天时间重叠的两个仪式会分散听众和主持人，成员也记不住任何一个时段。",
        ),
        "bad": (
            "rituals:\n  - {name: topic night, cadence: weekly, day: sunday, time: '20:00-21:00'}\n"
            "  - {name: guest share, cadence: weekly, day: sunday, time: '20:30-22:00'}",
            "rituals:\n  - {name: 话题夜, cadence: weekly, day: sunday, time: '20:00-21:00'}\n"
            "  - {name: 嘉宾分享, cadence: weekly, day: sunday, time: '20:30-22:00'}",
        ),
        "good": (
            "rituals:\n  - {name: topic night, cadence: weekly, day: thursday, time: '21:00-21:30'}\n"
            "  - {name: guest share, cadence: weekly, day: sunday, time: '20:30-22:00'}",
            "rituals:\n  - {name: 话题夜, cadence: weekly, day: thursday, time: '21:00-21:30'}\n"
            "  - {name: 嘉宾分享, cadence: weekly, day: sunday, time: '20:30-22:00'}",
        ),
        "hint": ("move one of the two rituals to another day or time", "请把其中一个仪式移到别的日期或时段"),
        "message": ("{name!r} overlaps {other!r} on {day}", "{name!r} 与 {other!r} 在{day}时间重叠"),
    },
    "SQ504": {
        "name": ("offline-interaction", "线下互动"),
        "summary": ("some offline meeting is planned", "规划了某种线下见面"),
        "why": (
            "Article 000 asks for offline activities and, for nationwide groups, city chapters once conditions "
            "allow. Article 004 compares an online-only group to a romance that never meets in person: warm at "
            "first, then cold.",
            "文章 000 要求有线下活动，全国性的社群条件成熟时可设城市分会。文章 004 把只在线上交流的群比作从不见面的恋爱："
            "开始热络，很快冷淡。",
        ),
        "bad": ("offline: {}  # never meets", "offline: {}  # 从不见面"),
        "good": (
            "offline:\n  events: {cadence: quarterly}\n  chapters: [Shanghai]",
            "offline:\n  events: {cadence: quarterly}\n  chapters: [上海]",
        ),
        "hint": (
            "plan offline.events (a cadence) or offline.chapters",
            "请规划 offline.events（频率）或 offline.chapters",
        ),
        "message": (
            "the plan has no offline interaction (offline.events, offline.chapters)",
            "计划没有线下互动（offline.events、offline.chapters）",
        ),
    },
    "SQ505": {
        "name": ("fixed-rhythm", "固定节奏"),
        "summary": ("every ritual has a cadence and a time", "每个仪式都有频率和时间"),
        "why": (
            "Article 003 builds an 'exclusive time' habit: the same slot at a fixed frequency, so members "
            "expect it, and even limited perks reach everyone in turn. A ritual without a cadence or time "
            "cannot become a habit.",
            "文章 003 主张打造“专属时间”：固定频率、固定时段，让成员形成期待；即使福利有限，每周轮流也总能轮到。"
            "没有频率或时间的仪式无法形成习惯。",
        ),
        "bad": ("rituals:\n  - name: topic night\n    kind: topic", "rituals:\n  - name: 话题夜\n    kind: topic"),
        "good": (
            "rituals:\n  - name: topic night\n    kind: topic\n    cadence: weekly\n    day: thursday\n    time: '21:00-21:30'",
            "rituals:\n  - name: 话题夜\n    kind: topic\n    cadence: weekly\n    day: thursday\n    time: '21:00-21:30'",
        ),
        "hint": ("set cadence, day and time on the ritual", "请为仪式设置 cadence、day 和 time"),
        "no_cadence": ("ritual {name!r} has no cadence", "仪式 {name!r} 没有频率"),
        "no_time": ("ritual {name!r} has no time", "仪式 {name!r} 没有时间"),
    },
    "SQ506": {
        "name": ("has-rituals", "有固定仪式"),
        "summary": ("at least one recurring ritual is planned", "至少规划一个定期仪式"),
        "why": (
            "Article 004 turns output into interaction through regular topic discussions and guest sharings; "
            "article 003 makes a weekly guest sharing the backbone of its activity. A plan without any ritual "
            "leaves members with nothing to show up for.",
            "文章 004 通过定期话题讨论和嘉宾分享把输出变成互动；文章 003 把每周嘉宾分享作为活动主轴。"
            "没有任何仪式的计划，成员就没有按时出现的理由。",
        ),
        "bad": ("rituals: []  # nothing recurring", "rituals: []  # 没有定期活动"),
        "good": (
            "rituals:\n  - {name: topic night, kind: topic, cadence: weekly, day: thursday, time: '21:00-21:30'}",
            "rituals:\n  - {name: 话题夜, kind: topic, cadence: weekly, day: thursday, time: '21:00-21:30'}",
        ),
        "hint": ("plan a topic night, a guest sharing or a check-in", "请规划话题夜、嘉宾分享或打卡"),
        "message": ("the plan has no rituals", "计划没有任何仪式"),
    },
    "SQ601": {
        "name": ("path-matches-purposes", "变现路径与目的一致"),
        "summary": (
            "the monetization path serves the declared purposes and entry threshold",
            "变现路径与声明的目的和入群门槛一致",
        ),
        "why": (
            "Article 004 says the way a group earns must be planned from its purpose. A path that sells products "
            "while the purposes say only 'build a network', or a paid entry in a group that declares no "
            "monetization, tells members one thing and does another.",
            "文章 004 认为变现渠道要根据建群目的来规划。目的只写“拓展人脉”却在路径里卖货，"
            "或声明不变现却设置付费入群，都是说一套做一套。",
        ),
        "bad": (
            "monetization:\n  purposes: [build_network]\n  path: [free_group, product_sale]",
            "monetization:\n  purposes: [build_network]\n  path: [免费群, 产品销售]",
        ),
        "good": (
            "monetization:\n  purposes: [build_network, sell_products]\n  path: [free_group, product_sale]",
            "monetization:\n  purposes: [build_network, sell_products]\n  path: [免费群, 产品销售]",
        ),
        "hint": (
            "make monetization.purposes and monetization.path agree",
            "请让 monetization.purposes 与 monetization.path 保持一致",
        ),
        "none_with_path": (
            "purposes say no monetization, but the path has {stages:stage|stages}",
            "目的写明不变现，但路径有 {stages} 个阶段",
        ),
        "none_but_paid": ("purposes say no monetization, but entry is paid", "目的写明不变现，但入群需要付费"),
        "no_path": (
            "purposes ({purposes}) mean to earn, but monetization.path is empty",
            "目的（{purposes}）意在变现，但 monetization.path 为空",
        ),
        "stage_contradicts": (
            "path stage {stage!r} earns through {purpose}, which monetization.purposes does not list",
            "路径阶段 {stage!r} 属于 {purpose}，但 monetization.purposes 没有列出",
        ),
    },
    "SQ602": {
        "name": ("fans-not-customers", "别把顾客当粉丝"),
        "summary": (
            "entry criteria select by shared values, not by purchase volume",
            "入群条件按价值认同而非消费量筛选",
        ),
        "why": (
            "Article 002 (self-check three) warns against measuring members by sales: big buyers are not fans, "
            "and promoting them for their volume can turn them into a tumour inside the group. Its single test "
            "for membership is identification and belonging.",
            "文章 002（自检三）提醒不要用销量衡量成员：大客户不等于粉丝，因为单量大就重点发展他们，"
            "可能让他们成为社群的毒瘤。遴选成员只看认同感和归属感。",
        ),
        "bad": (
            "rules:\n  entry:\n    criteria: customers who spent over 5000 this year",
            "rules:\n  entry:\n    criteria: 年度累计消费满 5000 元的客户",
        ),
        "good": (
            "rules:\n  entry:\n    criteria: shares our values and joins the weekly topic",
            "rules:\n  entry:\n    criteria: 认同社群价值观并参加每周话题",
        ),
        "hint": (
            "select members by values and belonging; serve big buyers in a separate customer group",
            "请按价值认同和归属感筛选成员；大客户另建客户群服务",
        ),
        "message": (
            "entry criteria select by purchase volume ({words!r}) instead of shared values",
            "入群条件按消费量（{words!r}）而不是价值认同筛选",
        ),
    },
    "SQ603": {
        "name": ("conversion-described", "转化方式"),
        "summary": (
            "a group that sells says how it recognises and approaches likely buyers",
            "以销售为目的的群写明如何识别和转化潜在买家",
        ),
        "why": (
            "Article 001 starts conversion by spotting likely buyers from how active and engaged they are, then "
            "talking with them and offering a deal backed by earlier buyers' stories. A plan that means to sell "
            "should say how it will do that.",
            "文章 001 的转化从识别潜在买家开始：看成员的活跃度和参与度，再深入沟通，并用优惠和老用户案例促成购买。"
            "以销售为目的的计划应写明具体做法。",
        ),
        "bad": (
            "monetization:\n  purposes: [sell_products]\n  path: [free_group, product_sale]",
            "monetization:\n  purposes: [sell_products]\n  path: [免费群, 产品销售]",
        ),
        "good": (
            "monetization:\n  purposes: [sell_products]\n  path: [free_group, product_sale]\n"
            "  conversion: members active 30 days get a trial offer",
            "monetization:\n  purposes: [sell_products]\n  path: [免费群, 产品销售]\n  conversion: 活跃满 30 天的成员收到试用优惠",
        ),
        "hint": ("describe monetization.conversion", "请填写 monetization.conversion"),
        "message": (
            "the purposes mean to sell, but the plan does not say how buyers are recognised (monetization.conversion)",
            "目的在于销售，但计划没有写如何识别买家（monetization.conversion）",
        ),
    },
    "SQ701": {
        "name": ("ab-expansion", "AB 群扩散"),
        "summary": (
            "AB expansion triggers below capacity and filters who moves on",
            "AB 群扩散在容量之前触发，并筛选转群成员",
        ),
        "why": (
            "Article 003 grows a second group once the first is nearly full, with a reward when the group reaches "
            "a size, but stresses quality over numbers: pick the members who take part and give good ideas and "
            "move them to group B. The trigger must come before the group is full, and the filter must exist.",
            "文章 003 在第一个群接近满员时扩散出第二个群，并以群满给奖励的方式促进拉新，但强调质比量重要："
            "挑出积极互动、提出好建议的成员转入 B 群。触发人数必须低于容量，而且必须有筛选条件。",
        ),
        "bad": (
            "growth:\n  ab_expansion:\n    trigger_size: 500\n    reward: red packet",
            "growth:\n  ab_expansion:\n    trigger_size: 500\n    reward: 红包",
        ),
        "good": (
            "growth:\n  ab_expansion:\n    trigger_size: 400\n    reward: red packet\n    filter: members active in topic nights",
            "growth:\n  ab_expansion:\n    trigger_size: 400\n    reward: 红包\n    filter: 话题夜积极发言的成员",
        ),
        "hint": (
            "set trigger_size below capacity and describe filter",
            "请把 trigger_size 设为低于容量，并写明 filter",
        ),
        "trigger_over": (
            "AB expansion triggers at {trigger}, but the group holds only {capacity}",
            "AB 群扩散在 {trigger} 人时触发，但群容量只有 {capacity}",
        ),
        "no_trigger": ("AB expansion has no trigger_size", "AB 群扩散没有 trigger_size"),
        "no_filter": (
            "AB expansion has no filter for who moves to the B group",
            "AB 群扩散没有筛选进入 B 群成员的条件",
        ),
    },
    "SQ702": {
        "name": ("member-sources", "成员来源"),
        "summary": ("the plan says where members come from", "计划写明成员从哪里来"),
        "why": (
            "Article 001 begins with getting target users into the group, for example a personal QR code or a "
            "keyword that joins them automatically. Article 000 has the founder invite like-minded people who "
            "invite others in turn. A plan with no source of members has no first day.",
            "文章 001 的第一步是把目标用户拉进群，例如专属二维码、回复关键词自动入群。"
            "文章 000 让创建者邀请志同道合的人，再由他们邀请同频的人。没有成员来源的计划没有第一天。",
        ),
        "bad": ("growth: {}\nmembers: {}  # from nowhere", "growth: {}\nmembers: {}  # 没有来源"),
        "good": (
            "growth:\n  channels: [qr_code, referral]",
            "growth:\n  channels: [qr_code, referral]  # 二维码、老成员推荐",
        ),
        "hint": ("list growth.channels or members.sources", "请列出 growth.channels 或 members.sources"),
        "message": (
            "the plan does not say where members come from (growth.channels, members.sources)",
            "计划没有写成员来源（growth.channels、members.sources）",
        ),
    },
    "SQ801": {
        "name": ("ritual-kept", "仪式按计划举行"),
        "summary": (
            "each ritual of the plan was held as often as its cadence promises (audit with --plan)",
            "计划中的每项仪式都按频率举行了（audit --plan 时检查）",
        ),
        "why": (
            "Articles 003 and 004 build activity on fixed moments members can count on: a weekly sharing, a topic night. A ritual that is skipped now and then teaches members not to come, so the audit counts the planned slots in the period and the ones where the host or the ritual's keywords actually showed up.",
            "文章 003 和 004 都把活跃度建立在成员可以预期的固定时刻上：每周分享、主题夜聊。时有时无的仪式会让成员不再守时参加，所以体检会数出期间内计划的场次，以及主持人或仪式关键词真正出现的场次。",
        ),
        "bad": (
            "rituals:\n  - name: Friday sharing\n    cadence: weekly\n    day: friday\n    host: Lin\n# the export: a sharing on 1 of 4 Fridays",
            "rituals:\n  - name: 周五分享\n    cadence: weekly\n    day: friday\n    host: 林老师\n# 导出记录：4 个周五只举行了 1 次",
        ),
        "good": (
            "rituals:\n  - name: Friday sharing\n    cadence: weekly\n    day: friday\n    host: Lin\n# the export: Lin opens the sharing every Friday",
            "rituals:\n  - name: 周五分享\n    cadence: weekly\n    day: friday\n    host: 林老师\n# 导出记录：每个周五都由林老师开场",
        ),
        "hint": (
            "announce it ahead, give it a backup host, or change the plan to the cadence you can keep",
            "提前预告、安排替补主持人，或把计划改成守得住的频率",
        ),
    },
    "SQ802": {
        "name": ("value-output-kept", "价值输出按计划发布"),
        "summary": (
            "each planned value output was posted as often as planned (audit with --plan)",
            "计划中的每项价值输出都按频率发布了（audit --plan 时检查）",
        ),
        "why": (
            "Article 002 names steady value output as what keeps members from muting a group: a daily digest or a weekly case only works when it really comes. The audit matches posts by the item's owner, backup and keywords against the planned days.",
            "文章 002 指出，持续的价值输出是成员不屏蔽社群的理由：每日精选、每周案例只有真的按时出现才有用。体检按负责人、替补和关键词把发言与计划日期对上。",
        ),
        "bad": (
            "value_output:\n  - name: Daily case\n    cadence: daily\n    owner: Mei\n    keywords: [case]\n# the export: 9 cases in 30 days",
            "value_output:\n  - name: 每日案例\n    cadence: daily\n    owner: 小美\n    keywords: [案例]\n# 导出记录：30 天只有 9 篇案例",
        ),
        "good": (
            "value_output:\n  - name: Daily case\n    cadence: daily\n    owner: Mei\n    backup: Yu\n    keywords: [case]\n# the export: a case every day, Yu covers Mei's days off",
            "value_output:\n  - name: 每日案例\n    cadence: daily\n    owner: 小美\n    backup: 小雨\n    keywords: [案例]\n# 导出记录：每天都有案例，小美休息时由小雨补上",
        ),
        "hint": (
            "post with the item's keywords so the audit finds it, add a backup, or lower the cadence in the plan",
            "发布时带上该项的关键词以便识别，安排替补，或在计划中降低频率",
        ),
    },
    "SQ803": {
        "name": ("threshold-met", "达到计划指标"),
        "summary": (
            "the group meets the targets under thresholds (active share, answers, value posts, lurkers, leaders)",
            "社群达到 thresholds 中设定的目标（活跃占比、回应、价值输出、潜水比例、意见领袖）",
        ),
        "why": (
            "A target only matters if someone looks at it. Article 002's five self-checks give each target its figure; the audit measures the figure over the period and names every target the group missed, at the line that sets it.",
            "目标只有被对照才有意义。文章 002 的五项自查给每个目标都对应了一个数字；体检在所选期间内测出这些数字，并在设定目标的那一行指出没有达到的项。",
        ),
        "bad": (
            "thresholds:\n  max_unanswered_share: 0.2\n# the export: 45% of questions got no answer",
            "thresholds:\n  max_unanswered_share: 0.2\n# 导出记录：45% 的提问没有人回答",
        ),
        "good": (
            "thresholds:\n  max_unanswered_share: 0.2\n# the export: 12% of questions got no answer",
            "thresholds:\n  max_unanswered_share: 0.2\n# 导出记录：只有 12% 的提问没人回答",
        ),
        "hint": ("see the matching self-diagnosis for the first action", "请查看对应的自检项，按其中的第一步行动"),
    },
    "SQ804": {
        "name": ("named-role-active", "计划中的角色有发言"),
        "summary": (
            "the owner, admins and opinion leaders the plan names posted in the period",
            "计划中列出的群主、管理员和意见领袖在期间内有发言",
        ),
        "why": (
            "Article 002 starts its self-check with the people: a group whose owner or named leaders have gone quiet loses its pull first. A name that never posts is either a role nobody holds any more or a name that does not match the chat, and both need fixing in the plan.",
            "文章 002 的自查从人开始：群主或指定的意见领袖沉默了，社群最先失去凝聚力。从不发言的名字，要么是已经没人担任的角色，要么是与群昵称对不上的名字，两种情况都应在计划中修正。",
        ),
        "bad": (
            "roles:\n  owner: Amy\n  admins: [Ben]\n# the export: Ben posted nothing this month",
            "roles:\n  owner: 阿美\n  admins: [小本]\n# 导出记录：小本本月没有发言",
        ),
        "good": (
            "roles:\n  owner: Amy\n  admins: [Ben]\n# the export: both post every week",
            "roles:\n  owner: 阿美\n  admins: [小本]\n# 导出记录：两人每周都有发言",
        ),
        "hint": (
            "check the name matches the chat display name or id, or update the roles in the plan",
            "确认名字与群昵称或 id 一致，或更新计划中的角色",
        ),
    },
    "SQ805": {
        "name": ("named-leader-draws-answers", "意见领袖带动回应"),
        "summary": (
            "each opinion leader the plan names draws answers from several distinct members",
            "计划中的每位意见领袖都能得到多位不同成员的回应",
        ),
        "why": (
            "Article 002 counts opinion leaders by their echo, not by their title: a leader is someone whose posts many others answer. A named leader who posts but draws few distinct responders is not yet doing the job the plan counts on.",
            "文章 002 看意见领袖的影响力，而不是头衔：意见领袖是发言能引来许多人回应的成员。被指定却很少有人回应的意见领袖，还没有起到计划所期待的作用。",
        ),
        "bad": (
            "roles:\n  opinion_leaders: [Kai]\n# the export: Kai posted 40 times, 1 member answered",
            "roles:\n  opinion_leaders: [阿凯]\n# 导出记录：阿凯发言 40 条，只有 1 人回应",
        ),
        "good": (
            "roles:\n  opinion_leaders: [Kai]\n# the export: 12 different members answered Kai",
            "roles:\n  opinion_leaders: [阿凯]\n# 导出记录：有 12 位不同成员回应阿凯",
        ),
        "hint": (
            "give them a topic to host, or name someone who already draws answers",
            "给他们一个主持的话题，或改为指定已经能带动讨论的成员",
        ),
    },
    "SQ806": {
        "name": ("size-as-planned", "规模与计划相符"),
        "summary": (
            "the members counted agree with the plan's target size, capacity and current size",
            "统计到的成员数与计划的目标规模、容量和当前规模相符",
        ),
        "why": (
            "Article 000 asks for the group's size before it opens, since the platform, the roles and the rituals all depend on it. When the counted members fall short of the target, pass the capacity, or differ from the stated current size, the plan's arithmetic no longer holds.",
            "文章 000 要求开群前先想好规模，因为平台、角色和仪式都取决于它。统计到的成员数达不到目标、超过容量，或与计划写的当前规模相差很大时，计划里的各项估算就不再成立。",
        ),
        "bad": (
            "members:\n  target_size: 500\n# the export: 120 members",
            "members:\n  target_size: 500\n# 导出记录：120 名成员",
        ),
        "good": (
            "members:\n  target_size: 500\n# the export: 480 members",
            "members:\n  target_size: 500\n# 导出记录：480 名成员",
        ),
        "hint": (
            "update members in the plan, or review growth against the target",
            "更新计划中的 members，或对照目标检查拉新情况",
        ),
    },
    "SQ901": {
        "name": ("no-calendar-clash", "日程不撞车"),
        "summary": (
            "no two items of the calendar take place at the same time (sqtool plan)",
            "日程表里没有两项安排撞在同一时间（sqtool plan 时检查）",
        ),
        "why": (
            "Articles 003 and 004 give each ritual its own fixed moment: members can follow one thing at a time, and a host cannot run two sessions at once. Laid out on real dates, two items that overlap split the audience or leave one of them without its host, so the calendar flags every pair once.",
            "文章 003、004 让每项仪式各占一个固定时段：成员一次只能跟一件事，主持人也分不开身。把计划排到具体日期上后，时间重叠的两项安排要么分流了人，要么有一场没人主持，所以每一对撞车的安排都会提示一次。",
        ),
        "bad": (
            'rituals:\n  - name: Topic night\n    cadence: weekly\n    day: thursday\n    time: "21:00-22:00"\n  - name: Q&A hour\n    cadence: weekly\n    day: thursday\n    time: "21:30-22:30"',
            'rituals:\n  - name: 话题夜\n    cadence: weekly\n    day: thursday\n    time: "21:00-22:00"\n  - name: 答疑时间\n    cadence: weekly\n    day: thursday\n    time: "21:30-22:30"',
        ),
        "good": (
            'rituals:\n  - name: Topic night\n    cadence: weekly\n    day: thursday\n    time: "21:00-22:00"\n  - name: Q&A hour\n    cadence: weekly\n    day: tuesday\n    time: "21:00-22:00"',
            'rituals:\n  - name: 话题夜\n    cadence: weekly\n    day: thursday\n    time: "21:00-22:00"\n  - name: 答疑时间\n    cadence: weekly\n    day: tuesday\n    time: "21:00-22:00"',
        ),
        "message": (
            "{first} and {second} overlap on {day} at {time}",
            "{first}和{second}在 {day} {time} 撞车了",
        ),
        "double_booked": (
            "{person} runs both {first} and {second} on {day} at {time}",
            "{person}在 {day} {time} 同时负责{first}和{second}，分身乏术",
        ),
        "hint": (
            "move one of them to another day or hour, or give one a different host",
            "把其中一项挪到别的日子或时段，或换一位主持人",
        ),
    },
    "SQ902": {
        "name": ("not-at-night", "不在深夜安排活动"),
        "summary": (
            "no item of the calendar runs between 23:00 and 06:00 in the group's zone (sqtool plan)",
            "按社群所在时区，日程里没有安排在 23:00 到 06:00 之间的内容（sqtool plan 时检查）",
        ),
        "why": (
            "A session late at night in the group's own zone reaches the few who are still awake and wakes up the rest with notifications. Article 003 sets sharings in the evening when people are free; the calendar reads each time in the plan's zone (or --tz), so a time written for another country shows up here.",
            "按社群自己的时区，深夜的活动只有少数熬夜的人能参加，还会用消息提醒吵醒其他人。文章 003 把分享放在大家有空的晚上；日程按计划的时区（或 --tz）读每个时间，所以照别国时间写的安排会在这里暴露出来。",
        ),
        "bad": (
            'rituals:\n  - name: Night chat\n    cadence: weekly\n    day: friday\n    time: "23:30-00:30"',
            'rituals:\n  - name: 深夜闲聊\n    cadence: weekly\n    day: friday\n    time: "23:30-00:30"',
        ),
        "good": (
            'rituals:\n  - name: Evening chat\n    cadence: weekly\n    day: friday\n    time: "21:00-22:00"',
            'rituals:\n  - name: 晚间闲聊\n    cadence: weekly\n    day: friday\n    time: "21:00-22:00"',
        ),
        "message": (
            "{name} runs at {time} in {zone}, when most members are asleep",
            "{name}安排在 {time}（{zone}），这时大多数成员已经睡了",
        ),
        "hint": (
            "move it into the evening of the group's zone, or check that the plan's timezone is right",
            "把它挪到社群时区的晚上，或检查计划里的时区是否写对",
        ),
    },
    "SQ903": {
        "name": ("announce-in-time", "预告来得及发"),
        "summary": (
            "every announcement of the calendar falls on or after its first day (sqtool plan)",
            "日程里的每条预告都落在日程开始之后，来得及发（sqtool plan 时检查）",
        ),
        "why": (
            "Articles 003 and 004 announce a guest sharing two days ahead and a topic the day before, so people can keep the time free. When the calendar starts too close to an event, its announcement was due before day one: send it now, or plan that event without the usual notice.",
            "文章 003、004 提到嘉宾分享要提前两天预告、话题要提前一天预告，让大家留出时间。日程开始得离活动太近时，预告本该在第一天之前发出：要么现在马上发，要么接受这一场预告不足。",
        ),
        "bad": (
            "# sqtool plan plan.yaml --start 2026-06-06 (a Saturday)\nrituals:\n  - name: Sunday sharing\n    cadence: weekly\n    day: sunday\n    announce_days_before: 2",
            "# sqtool plan plan.yaml --start 2026-06-06（周六）\nrituals:\n  - name: 周日分享\n    cadence: weekly\n    day: sunday\n    announce_days_before: 2",
        ),
        "good": (
            "# sqtool plan plan.yaml --start 2026-06-01 (a Monday)\nrituals:\n  - name: Sunday sharing\n    cadence: weekly\n    day: sunday\n    announce_days_before: 2",
            "# sqtool plan plan.yaml --start 2026-06-01（周一）\nrituals:\n  - name: 周日分享\n    cadence: weekly\n    day: sunday\n    announce_days_before: 2",
        ),
        "message": (
            "{name} on {event} should have been announced on {due}, before the calendar starts on {first}",
            "{name}（{event}）的预告应在 {due} 发出，早于日程开始的 {first}",
        ),
        "hint": (
            "send the announcement today, or start the calendar earlier with --start",
            "今天就把预告发出去，或用 --start 让日程早点开始",
        ),
    },
    "SQ904": {
        "name": ("placeable", "能排进日程"),
        "summary": (
            "every value output and ritual has the cadence and day the calendar needs to place it (sqtool plan)",
            "每项价值输出和仪式都写了频率和日期，能排进日程（sqtool plan 时检查）",
        ),
        "why": (
            "A promise without a date is easy to let slide (article 002). Weekly needs a day of the week, monthly a day of the month or a week of the month and a day; without them the item stays off the calendar and nobody is reminded.",
            "没有具体日期的承诺最容易拖着拖着就没了（文章 002）。每周的要写星期几，每月的要写几号，或第几周的星期几；缺了这些，这项安排就排不进日程，也不会有人被提醒。",
        ),
        "bad": (
            "rituals:\n  - name: Monthly meetup\n    cadence: monthly",
            "rituals:\n  - name: 月度聚会\n    cadence: monthly",
        ),
        "good": (
            "rituals:\n  - name: Monthly meetup\n    cadence: monthly\n    week_of_month: last\n    day: saturday",
            "rituals:\n  - name: 月度聚会\n    cadence: monthly\n    week_of_month: last\n    day: saturday",
        ),
        "message": (
            "{name} is not on the calendar: {why}",
            "{name}没有排进日程：{why}",
        ),
        "hint": (
            "give it a cadence with its day (day, day_of_month or week_of_month), or put it on the calendar by hand",
            "给它写上频率和对应的日期（day、day_of_month 或 week_of_month），或手动安排进日程",
        ),
    },
}

MESSAGES: dict[str, dict[str, str]] = {
    f"rules.{rule_id}.{name}": {"en": en, "zh": zh}
    for rule_id, texts in _RULES.items()
    for name, (en, zh) in texts.items()
}

MESSAGES.update(
    {
        "list.separator": {"en": ", ", "zh": "、"},
        "rules.role.organizer": {"en": "organizer", "zh": "组织者"},
        "rules.role.spreader": {"en": "spreader", "zh": "传播者"},
        "rules.role.activist": {"en": "activist", "zh": "积极分子"},
        "rules.role.talker": {"en": "talker", "zh": "话痨"},
        "rules.role.challenger": {"en": "challenger", "zh": "死磕分子"},
        "rules.role.red_packet_giver": {"en": "red-packet giver", "zh": "发红包的人"},
        "rules.topic.ads": {"en": "ads", "zh": "广告"},
        "rules.topic.bare_links": {"en": "bare links", "zh": "无介绍的链接"},
        "rules.topic.quarrels": {"en": "quarrels", "zh": "争吵"},
        "rules.day.monday": {"en": "Monday", "zh": "周一"},
        "rules.day.tuesday": {"en": "Tuesday", "zh": "周二"},
        "rules.day.wednesday": {"en": "Wednesday", "zh": "周三"},
        "rules.day.thursday": {"en": "Thursday", "zh": "周四"},
        "rules.day.friday": {"en": "Friday", "zh": "周五"},
        "rules.day.saturday": {"en": "Saturday", "zh": "周六"},
        "rules.day.sunday": {"en": "Sunday", "zh": "周日"},
    }
)
