"""Messages of `sqtool history` and `audit --save` for histories kept per group."""

MESSAGES: dict[str, dict[str, str]] = {
    "history.saved": {
        "en": "audit of {period} saved to {path} for {group}",
        "zh": "已把 {period} 的体检结果保存到 {path}（{group}）",
    },
    "history.replaced": {
        "en": "audit of {period} saved to {path} for {group}, replacing the one saved before for this period",
        "zh": "已把 {period} 的体检结果保存到 {path}（{group}），并替换了此前保存的同一时段的体检结果",
    },
    "history.deleted": {
        "en": "removed the audit of {period} from the history of {group}",
        "zh": "已从「{group}」的历史中删除 {period} 的体检结果",
    },
    "history.legacy_group": {
        "en": "audits saved without a plan by an older sqtool",
        "zh": "旧版 sqtool 在没有计划时保存的体检",
    },
    "history.groups_title": {"en": "Groups in this history: {count}", "zh": "此历史中的群：{count} 个"},
    "history.column.group": {"en": "group", "zh": "群"},
    "history.column.audits": {"en": "audits", "zh": "体检次数"},
    "history.column.periods": {"en": "periods", "zh": "时段"},
    "history.groups_hint_shown": {
        "en": "show one with: sqtool history --group NAME (or --plan FILE)",
        "zh": "查看某个群：sqtool history --group 名称（或 --plan 文件）",
    },
    "history.several_groups": {
        "en": "this history holds the audits of {count} groups: {names}",
        "zh": "此历史中有 {count} 个群的体检：{names}",
    },
    "history.no_such_group": {
        "en": "no audits of {name} in this history; it holds: {names}",
        "zh": "此历史中没有「{name}」的体检；已有：{names}",
    },
    "history.groups_hint": {
        "en": "choose one with --group NAME or --plan FILE; sqtool history --all lists them",
        "zh": "请用 --group 名称或 --plan 文件选一个；sqtool history --all 可列出全部",
    },
    "history.no_such_period": {
        "en": "no saved audit of {period}; this group has: {periods}",
        "zh": "没有 {period} 的体检；这个群已保存的时段：{periods}",
    },
    "history.period_ambiguous": {
        "en": "{period} starts more than one saved period: {periods}",
        "zh": "以 {period} 开始的时段不止一个：{periods}",
    },
    "history.period_hint": {
        "en": "name the period as shown in the table's header, e.g. --delete 2026-06-01..2026-06-30",
        "zh": "请按表头写出时段，例如 --delete 2026-06-01..2026-06-30",
    },
    "history.all_and_delete": {
        "en": "--all and --delete cannot be used together",
        "zh": "--all 和 --delete 不能同时使用",
    },
    "history.all_and_delete_hint": {
        "en": "list the groups with --all, then delete a period of one with --group NAME --delete PERIOD",
        "zh": "先用 --all 列出各群，再用 --group 名称 --delete 时段 删除其中一个群的某个时段",
    },
    "history.output_only_show": {
        "en": "-o and --report html write one group's audits; they do not go with --all or --delete",
        "zh": "-o 和 --report html 用于导出一个群的体检记录，不能与 --all 或 --delete 同用",
    },
    "history.output_only_show_hint": {
        "en": "leave out --all/--delete, and choose the group with --group or --plan",
        "zh": "去掉 --all/--delete，用 --group 或 --plan 指定群",
    },
}
