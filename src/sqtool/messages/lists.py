"""Member lists to act on: their headings, what to do with each, and their columns."""

MESSAGES: dict[str, dict[str, str]] = {
    "lists.never_posted": {"en": "Never posted", "zh": "从未发言"},
    "lists.never_posted.why": {
        "en": "On the member list but silent all period: welcome them by name or ask one easy question.",
        "zh": "在群成员名单里，但整个周期没说过话：点名欢迎，或者抛一个好回答的小问题。",
    },
    "lists.never_posted.no_base": {
        "en": "Give --roster (or an export with its member list, such as ChatLab's) to list who never posted.",
        "zh": "提供 --roster（或带成员名单的导出，如 ChatLab）才能列出从未发言的人。",
    },
    "lists.gone_silent": {"en": "Gone silent for {days:day|days}", "zh": "近 {days} 天沉默"},
    "lists.gone_silent.why": {
        "en": "Used to post, nothing in the last {days:day|days} and still in the group: a private hello works best.",
        "zh": "以前发过言，最近 {days} 天没动静，人还在群里：私聊问候一下最有效。",
    },
    "lists.joiners_silent": {"en": "Joined but never posted", "zh": "进群后一直没开口"},
    "lists.joiners_silent.why": {
        "en": "Joined in this period and not a word since: introduce them and tag them in the next topic.",
        "zh": "本周期进群，至今没说过话：帮他们做个介绍，下个话题 @ 一下。",
    },
    "lists.unanswered": {"en": "Unanswered questions", "zh": "没人回应的提问"},
    "lists.unanswered.why": {
        "en": "Nobody answered within the cutoff: answer them, even late, and thank whoever helps.",
        "zh": "在截止时间内无人回应：哪怕晚了也补一句回答，并感谢帮忙的人。",
    },
    "lists.leader_candidates": {"en": "Opinion-leader candidates", "zh": "意见领袖候选人"},
    "lists.leader_candidates.why": {
        "en": "Drew answers from several members, just below the bar: invite them to host a topic.",
        "zh": "已经能引来好几位成员回应，只差一点：邀请他们主持一个话题。",
    },
    "lists.column.name": {"en": "Member", "zh": "成员"},
    "lists.column.id": {"en": "ID", "zh": "ID"},
    "lists.column.messages": {"en": "Messages before", "zh": "此前消息数"},
    "lists.column.last_post": {"en": "Last post", "zh": "最后发言"},
    "lists.column.joined": {"en": "Joined", "zh": "进群时间"},
    "lists.column.asked": {"en": "Asked", "zh": "提问时间"},
    "lists.column.asker": {"en": "Asker", "zh": "提问人"},
    "lists.column.question": {"en": "First words", "zh": "问题开头"},
    "lists.column.responders": {"en": "Distinct responders", "zh": "回应人数"},
    "lists.column.drawn": {"en": "Posts answered", "zh": "获回应发言数"},
    "lists.column.answers": {"en": "Answers given", "zh": "解答他人次数"},
    "lists.summary": {
        "en": "To act on: {never} never posted, {silent} gone silent, {joiners:joiner|joiners} silent, "
        "{unanswered:unanswered question|unanswered questions}, {candidates:leader candidate|leader candidates}",
        "zh": "待跟进：从未发言 {never} 人，近期沉默 {silent} 人，新人未开口 {joiners} 人，"
        "未回应提问 {unanswered} 个，意见领袖候选 {candidates} 人",
    },
    "lists.csv_written": {
        "en": "Wrote {count:member list|member lists} to {path}",
        "zh": "已将 {count} 份成员名单写入 {path}",
    },
    "lists.needs_folder": {
        "en": "--lists-csv writes one CSV file per member list and needs a folder, not standard output",
        "zh": "--lists-csv 会为每份成员名单各写一个 CSV 文件，需要指定一个文件夹，不能输出到标准输出",
    },
    "lists.not_folder": {
        "en": "{path} is a file; --lists-csv writes a folder of member lists",
        "zh": "{path} 是一个文件；--lists-csv 要写入的是放成员名单的文件夹",
    },
    "lists.folder_hint": {
        "en": "give a folder (it is created when missing), for example: --lists-csv follow-up/",
        "zh": "请指定一个文件夹（不存在时会自动创建），例如：--lists-csv 跟进名单/",
    },
}
