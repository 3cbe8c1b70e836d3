"""Messages of `sqtool plan`: the operating calendar, its steps, the role sheet, the announcement texts
ready to paste and the KPI sheet. Texts are sqtool's own words, filled from the plan's fields."""

_EN_ZH: dict[str, tuple[str, str]] = {
    # -- the report's frame --
    "kit.title": ("Operating kit: {name}", "运营执行表：{name}"),
    "kit.subtitle": (
        "{weeks:week|weeks} from {first} to {last}, times in {zone} · plan {path}",
        "{first} 至 {last}，共 {weeks} 周，时间按 {zone} · 计划文件 {path}",
    ),
    "kit.heading.calendar": ("Calendar", "日程表"),
    "kit.heading.unplaced": ("Not on the calendar", "未排进日程"),
    "kit.heading.undated": ("Without a date", "没有固定日期的事项"),
    "kit.heading.roles": ("Roles", "角色分工"),
    "kit.heading.notices": ("Texts to paste", "可直接复制的文案"),
    "kit.heading.kpis": ("KPI sheet", "指标表"),
    "kit.heading.findings": ("Findings", "发现的问题"),
    "kit.week": ("Week {n} · {first} – {last}", "第 {n} 周 · {first} – {last}"),
    "kit.week0": ("Before week 1 · due already, do it now", "第 1 周之前 · 已经到期，请马上处理"),
    "kit.col.day": ("Day", "日期"),
    "kit.col.time": ("Time", "时间"),
    "kit.col.what": ("What", "事项"),
    "kit.col.who": ("Owner / backup", "负责人 / 替补"),
    "kit.every.daily": ("Every day", "每天"),
    "kit.every.weekdays": ("Mon–Fri", "周一至周五"),
    "kit.any_time": ("any time", "不限时"),
    "kit.step_mark": ("prep", "准备"),
    "kit.nobody": ("(nobody named)", "（未指定）"),
    "kit.nothing": (
        "Nothing in {path} can be placed on a calendar yet: no value output or ritual has a cadence with its day.",
        "{path} 里还没有能排进日程的内容：没有哪项价值输出或仪式写了频率和对应的日期。",
    ),
    "kit.nothing_hint": (
        "add value_output or rituals with cadence, day and time (see `sqtool explain SQ904`)",
        "请在 value_output 或 rituals 中写上 cadence、day 和 time（见 `sqtool explain SQ904`）",
    ),
    "kit.findings.none": ("No clashes, night events or late announcements.", "没有撞车、深夜活动或来不及的预告。"),
    # -- rows of the calendar --
    "kit.weekday.monday": ("Mon", "周一"),
    "kit.weekday.tuesday": ("Tue", "周二"),
    "kit.weekday.wednesday": ("Wed", "周三"),
    "kit.weekday.thursday": ("Thu", "周四"),
    "kit.weekday.friday": ("Fri", "周五"),
    "kit.weekday.saturday": ("Sat", "周六"),
    "kit.weekday.sunday": ("Sun", "周日"),
    "kit.during.topic": (
        "{name}: host opens the question and keeps the talk going",
        "{name}：主持人抛出话题，带动讨论",
    ),
    "kit.during.guest_share": (
        "{name}: host introduces the guest, then leads the Q&A",
        "{name}：主持人介绍嘉宾，随后主持答疑",
    ),
    "kit.during.check_in": (
        "{name}: post the day's prompt, answer each check-in",
        "{name}：发当天的打卡题目，逐条回应打卡",
    ),
    "kit.during.red_packet": (
        "{name}: send the red packets, thank the luckiest",
        "{name}：发红包，点名感谢手气最佳的人",
    ),
    "kit.during.offline": ("{name}: welcome people at the door, take photos", "{name}：门口迎接大家，记得拍照"),
    # -- preparation and follow-up steps --
    "kit.step.value.prepare": ("Get tomorrow's {name} ready", "准备好明天的{name}"),
    "kit.step.value.line_up": (
        "Line up this week's {name}; agree with the backup which days they take",
        "排好本周的{name}，和替补说好哪几天由他发",
    ),
    "kit.step.guest_share.book": (
        "Contact the guest for {name}, agree on topic and time",
        "联系{name}的嘉宾，敲定主题和时间",
    ),
    "kit.step.guest_share.announce": (
        "Announce {name}: group notice, then the other channels",
        "发布{name}预告：先发群公告，再同步到其他渠道",
    ),
    "kit.step.guest_share.remind": ("Remind the group: {name} starts in an hour", "群内提醒：{name}一小时后开始"),
    "kit.step.guest_share.summary": (
        "Collect the questions of {name} and write the summary",
        "整理{name}的提问，写成总结",
    ),
    "kit.step.guest_share.publish": (
        "File the summary of {name} in the group files and post it to the other channels",
        "把{name}的总结上传群文件，并发到其他渠道",
    ),
    "kit.step.topic.pick": (
        "Choose the question for {name} and one example to open with",
        "定好{name}的话题，准备一个开场案例",
    ),
    "kit.step.topic.announce": ("Announce {name} and its question", "预告{name}和本期话题"),
    "kit.step.topic.highlights": ("Post the highlights of {name}", "把{name}的精彩观点整理发群"),
    "kit.step.check_in.announce": ("Announce {name} and how to check in", "预告{name}和打卡方式"),
    "kit.step.check_in.recap": (
        "Weekly recap of {name}: who kept it up, a word for each",
        "{name}周小结：点名坚持打卡的人，每人说一句鼓励",
    ),
    "kit.step.red_packet.budget": ("Set the amount and number of red packets for {name}", "定好{name}的红包金额和个数"),
    "kit.step.red_packet.announce": ("Announce {name} so people are online", "预告{name}，让大家准时在线"),
    "kit.step.offline.venue": ("Book the venue for {name}", "预订{name}的场地"),
    "kit.step.offline.announce": ("Announce {name} and open sign-up", "发布{name}通知，开放报名"),
    "kit.step.offline.signup": ("Confirm sign-ups for {name}, send address and time", "确认{name}的报名，发地址和时间"),
    "kit.step.offline.recap": ("Post photos and a recap of {name}", "发{name}的照片和回顾"),
    "kit.step.other.announce": ("Announce {name}", "预告{name}"),
    # -- why an item stays off the calendar --
    "kit.unplaced.no_cadence": ("it has no cadence", "没有写频率"),
    "kit.unplaced.no_day": ("a weekly item needs a day", "每周或隔周的安排要写星期几"),
    "kit.unplaced.no_month_day": (
        "a monthly item needs day_of_month, or week_of_month and day",
        "每月或每季度的安排要写 day_of_month，或 week_of_month 加 day",
    ),
    "kit.unplaced.yearly": ("a yearly item has no date in the plan", "每年一次的安排在计划里没有具体日期"),
    "kit.unplaced.unknown": ("its cadence is unknown", "频率无法识别"),
    # -- cadences in words --
    "kit.cadence.daily": ("every day", "每天"),
    "kit.cadence.weekdays": ("Mon–Fri", "工作日"),
    "kit.cadence.weekly": ("weekly", "每周"),
    "kit.cadence.biweekly": ("every other week", "隔周"),
    "kit.cadence.monthly": ("monthly", "每月"),
    "kit.cadence.quarterly": ("quarterly", "每季度"),
    "kit.cadence.yearly": ("yearly", "每年"),
    "kit.cadence.none": ("no fixed rhythm", "不定期"),
    "kit.cadence.weekly.day": ("every {day}", "每{day}"),
    "kit.cadence.biweekly.day": ("every other {day}", "隔周{day}"),
    "kit.cadence.monthly.month_day": ("monthly on day {n}", "每月 {n} 号"),
    "kit.cadence.quarterly.month_day": ("quarterly on day {n}", "每季度 {n} 号"),
    "kit.cadence.monthly.nth": ("{nth} {day} of the month", "每月{nth}{day}"),
    "kit.cadence.quarterly.nth": ("{nth} {day} of the quarter's month", "每季度首月{nth}{day}"),
    "kit.nth.1": ("first", "第一个"),
    "kit.nth.2": ("second", "第二个"),
    "kit.nth.3": ("third", "第三个"),
    "kit.nth.4": ("fourth", "第四个"),
    "kit.nth.last": ("last", "最后一个"),
    # -- the group notice --
    "kit.notice.our_group": ("our group", "本群"),
    "kit.notice.when": ("{weekday} {date} {time}", "{date}（{weekday}）{time}"),
    "kit.notice.host_unnamed": ("the host", "主持人"),
    "kit.notice.title": ("【{name}】Group notice", "【{name}】群公告"),
    "kit.notice.purpose": ("Why we are here: {purpose}", "本群宗旨：{purpose}"),
    "kit.notice.entry": ("Who joins: {entry}", "入群要求：{entry}"),
    "kit.notice.conduct": ("How we behave here:", "群内约定："),
    "kit.notice.nickname": ("Please set your group nickname as: {format}", "群昵称请统一改为：{format}"),
    "kit.notice.schedule": ("Regular schedule:", "固定安排："),
    "kit.notice.removal": ("If the rules are broken: {removal}", "违反约定的处理：{removal}"),
    "kit.entry.paid_fee": ("membership fee {amount} {currency} {period}", "会费 {amount} {currency}{period}"),
    "kit.entry.open": ("open to anyone interested", "感兴趣的朋友都可以加入"),
    "kit.entry.invite": ("by invitation of a member", "需由成员邀请"),
    "kit.entry.application": ("by application, reviewed by the admins", "需提交申请，由管理员审核"),
    "kit.entry.paid": ("paid membership", "付费入群"),
    "kit.entry.task": ("after completing the entry task", "完成入群任务后加入"),
    "kit.period.month": ("a month", "/月"),
    "kit.period.quarter": ("a quarter", "/季度"),
    "kit.period.year": ("a year", "/年"),
    "kit.period.once": ("once", "（一次性）"),
    "kit.conduct.no_ads": ("No ads or selling in the group.", "不发广告，不在群里推销。"),
    "kit.conduct.no_bare_links": (
        "Sharing a link? Add two or three lines: what it covers and why you recommend it.",
        "分享链接时附上两三句话：讲了什么、为什么推荐。",
    ),
    "kit.conduct.no_quarrels": ("Argue about ideas, never attack people.", "对事不对人，有分歧好好说。"),
    "kit.conduct.stay_on_topic": (
        "Keep to the group's topic; take side chats private.",
        "围绕本群主题交流，闲聊请私聊。",
    ),
    "kit.conduct.no_spam": ("No flooding: no chains of stickers or repeated posts.", "不刷屏，不连发表情和重复内容。"),
    "kit.conduct.no_poaching": (
        "Do not pull members into private chats to sell to them.",
        "不私下加人推销，不把成员拉去别的群。",
    ),
    "kit.conduct.no_politics": ("Leave politics outside the group.", "不讨论政治话题。"),
    "kit.conduct.respect_privacy": (
        "What is said here stays here: no screenshots out without consent.",
        "尊重隐私，未经同意不外传群聊截图。",
    ),
    # -- the welcome message --
    "kit.welcome.hello": ("Welcome to {name}!", "欢迎新朋友加入{name}！"),
    "kit.welcome.slogan": ("{slogan}.", "{slogan}。"),
    "kit.welcome.nickname": (
        "First, please change your group nickname to: {format}.",
        "先把群昵称改成“{format}”的格式。",
    ),
    "kit.welcome.introduce": (
        "Then say hello in a line or two: where you are, what you do, what you hope to get here.",
        "然后用一两句话介绍一下自己：在哪个城市、做什么、希望在这里收获什么。",
    ),
    "kit.welcome.rituals": ("Regular events: {rituals}.", "群里的固定活动：{rituals}。"),
    "kit.welcome.admins": (
        "The group notice has our rules; questions any time to {admins}.",
        "群规请看群公告，有问题随时找{admins}。",
    ),
    "kit.welcome.notice": ("The group notice has our rules.", "群规请看群公告。"),
    # -- ritual announcements and reminders ({tag}: the ritual's first keyword, so the audit finds it) --
    "kit.announce.topic": (
        (
            "{tag}{name} · {when}\nThis time's question: [your"
            " question]. Host: {host}. Think of one real case of your"
            " own and bring it along!"
        ),
        "{tag}{name} · {when}\n本期话题：【填写话题】。主持：{host}。先想想自己遇到过的真实案例，到时候一起聊！",
    ),
    "kit.announce.guest_share": (
        (
            "{tag}{name} · {when}\nGuest: [guest], on [topic]. The guest"
            " speaks first, then {host} hosts the Q&A. Write your"
            " questions down ahead, and share this notice with friends"
            " who would find it useful."
        ),
        (
            "{tag}{name} · {when}\n本期嘉宾：XXX，主题：XXX。嘉宾先分享，之后由{host}主持答疑。"
            "大家可以提前把问题准备好，也欢迎把这条预告转给用得上的朋友。"
        ),
    ),
    "kit.announce.check_in": (
        (
            "{tag}{name} · {when}\nHow to check in: post today's"
            " progress in one message, with a word or a photo. {host}"
            " answers every check-in."
        ),
        "{tag}{name} · {when}\n打卡方式：在群里发一条今天的进展，文字或图片都行。{host}会逐条回应。",
    ),
    "kit.announce.red_packet": (
        "{tag}{name} · {when}\nRed packets at the time above, be online! The luckiest draw gets a shout-out.",
        "{tag}{name} · {when}\n准时发红包，记得在线！手气最佳的朋友会被点名表扬。",
    ),
    "kit.announce.offline": (
        (
            "{tag}{name} · {when}\nPlace: [address]. Seats are limited:"
            " sign up by replying with your name and city. Host: {host}."
        ),
        "{tag}{name} · {when}\n地点：XXX。名额有限，回复“姓名+城市”报名。负责人：{host}。",
    ),
    "kit.announce.other": (
        "{tag}{name} · {when}\nHost: {host}. See you there!",
        "{tag}{name} · {when}\n负责人：{host}，到时见！",
    ),
    "kit.remind.topic": (
        "{tag}{name} starts at {time} today. Come and join in!",
        "{tag}今晚 {time} {name}，准时开聊，等你来！",
    ),
    "kit.remind.guest_share": (
        "{tag}{name} starts in an hour ({time}). Get your questions ready!",
        "{tag}{name}一小时后开始（{time}），问题准备好了吗？",
    ),
    "kit.remind.check_in": (
        "{tag}{name} is open ({time}). Post your check-in!",
        "{tag}{name}开始啦（{time}），快来打卡！",
    ),
    "kit.remind.red_packet": ("{tag}{name} at {time} today, stay online!", "{tag}今天 {time} {name}，别错过！"),
    "kit.remind.offline": (
        "{tag}{name} is today at {time}. See you there; message {host} if you are running late.",
        "{tag}{name}今天 {time} 开始，不见不散；路上耽误了请告诉{host}。",
    ),
    "kit.remind.other": ("{tag}{name} today at {time}.", "{tag}今天 {time} {name}。"),
    # -- the AB-expansion call --
    "kit.ab.now": (
        "We are {current} now; the next group opens at {trigger}.",
        "群里已经有 {current} 人了，满 {trigger} 人就开二群。",
    ),
    "kit.ab.goal": ("The next group opens when we reach {trigger}.", "满 {trigger} 人就开二群。"),
    "kit.ab.reward": ("When we get there: {reward}.", "达到人数时：{reward}。"),
    "kit.ab.invite": (
        "Invite a friend who would fit in here, and tell them what they will get.",
        "欢迎邀请身边合适的朋友进群，顺便告诉他在这里能收获什么。",
    ),
    "kit.ab.filter": ("Who moves to the new group: {filter}.", "进入新群的成员：{filter}。"),
    # -- undated items --
    "kit.undated.offline_events": (
        (
            "Offline events ({cadence}): {what}. Cities: {cities}. Pick"
            " the date about a month ahead, book the venue two weeks"
            " before, announce it a week before, confirm sign-ups two"
            " days before, post photos and a recap the day after."
        ),
        "线下活动（{cadence}）：{what}。城市：{cities}。提前一个月定日期，提前两周订场地，提前一周发通知，提前两天确认报名，活动第二天发照片和回顾。",
    ),
    "kit.undated.offline_default": ("a meetup of members", "成员线下聚会"),
    "kit.undated.no_chapters": ("not chosen yet", "尚未确定"),
    "kit.undated.ab_expansion": (
        (
            "AB expansion at {trigger:member|members}{now}: post the call"
            " (in the texts to paste), pick members for group B by the plan's"
            " filter, open group B and pin its notice, and keep the"
            " promised reward."
        ),
        (
            "满 {trigger} 人时扩群{now}：发扩群号召（见“可直接复制的文案”），按计划的筛选条件挑选进入 B 群的成员，"
            "建好 B 群并置顶群公告，兑现承诺的奖励。"
        ),
    ),
    "kit.undated.now": (" (now {current})", "（目前 {current} 人）"),
    # -- the role sheet --
    "kit.role.owner": ("owner", "群主"),
    "kit.role.admins": ("admins", "管理员"),
    "kit.role.opinion_leaders": ("opinion leaders", "意见领袖"),
    "kit.role.organizer": ("organizer", "组织者"),
    "kit.role.spreader": ("spreader", "传播者"),
    "kit.role.activist": ("activist", "积极分子"),
    "kit.role.talker": ("talker", "话痨"),
    "kit.role.challenger": ("challenger", "死磕分子"),
    "kit.role.red_packet_giver": ("red-packet giver", "发红包的人"),
    "kit.duty.owner": (
        "Sets the direction and the values, keeps the promised value coming, has the last word on the rules.",
        "定方向、立价值观，保证承诺的价值持续输出，群规最终由他拍板。",
    ),
    "kit.duty.admins": (
        "Welcome newcomers, keep order by the rules, answer questions, step in for an absent host.",
        "欢迎新人、按群规维持秩序、回答问题，主持人缺席时顶上。",
    ),
    "kit.duty.opinion_leaders": (
        "Answer questions in their field, open discussions, bring their own circles in.",
        "回答擅长领域的问题，发起讨论，把自己圈子里的人带进来。",
    ),
    "kit.duty.organizer": (
        "Books guests, runs the rituals and events, keeps this calendar up to date.",
        "邀约嘉宾，张罗各项活动，维护这份日程表。",
    ),
    "kit.duty.spreader": (
        "Forwards announcements and summaries to moments and other channels, brings newcomers.",
        "把预告和总结转到朋友圈和其他渠道，带来新成员。",
    ),
    "kit.duty.activist": (
        "Joins every activity first and replies early, so quiet moments warm up.",
        "每次活动带头参与、抢先回应，让冷场的时候热起来。",
    ),
    "kit.duty.talker": (
        "Keeps the conversation going in slow hours and picks up unanswered questions.",
        "冷清时段负责接话，捡起没人回的问题。",
    ),
    "kit.duty.challenger": (
        "Asks the hard question and tests claims, so discussions stay honest and deep.",
        "敢问尖锐的问题、较真求证，让讨论不浮于表面。",
    ),
    "kit.duty.red_packet_giver": (
        "Sends red packets at milestones and rituals, thanks those who contribute.",
        "在里程碑和固定活动时发红包，感谢有贡献的成员。",
    ),
    "kit.role.col.role": ("Role", "角色"),
    "kit.role.col.who": ("Who", "由谁担任"),
    "kit.role.col.duties": ("Duties", "职责"),
    "kit.role.open": ("nobody yet: open", "暂无人担任"),
    "kit.role.count": ("{n:person|people}, not named", "{n} 人，未写名字"),
    "kit.role.leads": ("Leads: {items}.", "负责：{items}。"),
    "kit.role.backs_up": ("Backup for: {items}.", "替补：{items}。"),
    "kit.role.unheld": ("Duties nobody holds: {roles}.", "还没人担的职责：{roles}。"),
    # -- texts to paste --
    "kit.notice_kind.group_notice": ("Group notice", "群公告"),
    "kit.notice_kind.welcome": ("Welcome message for new members", "新人欢迎语"),
    "kit.notice_kind.announcement": ("Announcement: {name}", "预告：{name}"),
    "kit.notice_kind.reminder": ("Reminder on the day: {name}", "当天提醒：{name}"),
    "kit.notice_kind.ab_expansion": ("AB-expansion call", "扩群号召"),
    # -- the KPI sheet --
    "kit.kpi.col.source": ("In the plan", "计划字段"),
    "kit.kpi.col.target": ("Target", "目标"),
    "kit.kpi.col.audit": ("`sqtool audit` JSON key", "`sqtool audit` JSON 字段"),
    "kit.kpi.min": ("at least {value}", "不低于 {value}"),
    "kit.kpi.max": ("at most {value}", "不高于 {value}"),
    "kit.kpi.per": ("one opinion leader per {value:member|members}", "每 {value} 人至少一位意见领袖"),
    "kit.kpi.not_measured": ("not in a chat export: count it yourself", "聊天记录里测不到，需自行统计"),
    "kit.kpi.none": ("The plan sets no thresholds, targets or KPIs.", "计划里没有写阈值、目标或 KPI。"),
    # -- options and errors --
    "kit.bad_weeks": (
        "--weeks must be a whole number from 1 to {most}, not {value}",
        "--weeks 必须是 1 到 {most} 之间的整数，而不是 {value}",
    ),
    "kit.bad_weeks_hint": ("for example --weeks 4", "例如 --weeks 4"),
    "kit.bad_start": (
        "--start must be a date like 2026-06-01, not {value}",
        "--start 必须是 2026-06-01 这样的日期，而不是 {value}",
    ),
    "kit.bad_start_hint": ("give the first day of the calendar as YYYY-MM-DD", "请用 YYYY-MM-DD 写出日程的第一天"),
    "kit.bad_format": ("unknown format {value}; choose one of {choices}", "未知的格式 {value}；可选：{choices}"),
    "kit.bad_format_hint": (
        "text for the terminal, md for a wiki, json for scripts",
        "text 用于终端，md 用于 wiki，json 供脚本读取",
    ),
    "kit.plan_invalid": (
        "the plan does not pass `sqtool validate`: {message}",
        "这份计划没有通过 `sqtool validate`：{message}",
    ),
    "kit.plan_invalid_hint": (
        "run `sqtool validate {path}` to see every problem, fix them, then plan again",
        "运行 `sqtool validate {path}` 查看全部问题，改好后再排日程",
    ),
    "kit.ics_is_output": (
        "--ics and -o name the same file, {path}: one would overwrite the other",
        "--ics 和 -o 指向同一个文件 {path}，后写的会覆盖先写的",
    ),
    "kit.ics_is_output_hint": (
        "give the calendar file its own name, e.g. --ics team.ics -o calendar.md",
        "给日历文件另起一个名字，例如 --ics team.ics -o calendar.md",
    ),
    "kit.ics_written": (
        "calendar file written to {path} ({events:event|events})",
        "日历文件已写入 {path}（{events} 个事件）",
    ),
}

MESSAGES: dict[str, dict[str, str]] = {key: {"en": en, "zh": zh} for key, (en, zh) in _EN_ZH.items()}
