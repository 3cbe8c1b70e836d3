"""Texts of --anonymize: the pseudonyms it shows and what the report says about them."""

MESSAGES: dict[str, dict[str, str]] = {
    "anon.member": {"en": "Member {code}", "zh": "成员{code}"},
    "anon.group": {"en": "(group name hidden)", "zh": "（群名已隐藏）"},
    "anon.group_n": {"en": "Group {number}", "zh": "群{number}"},
    "anon.note": {
        "en": "Anonymized: members appear under pseudonyms that hold for this report only; "
        "phone numbers, e-mails, WeChat ids and QQ numbers in texts are masked.",
        "zh": "已匿名：成员以化名显示（只在本报告内对应同一人）；文字中的手机号、邮箱、微信号和 QQ 号已遮盖。",
    },
}
