"""A hand-written ChatLab JSON Lines export full of hostile and private strings, written at test time:
markup in names, texts and the group name (script tags, event handlers, javascript: links, a closing
style tag), and contact details (phones, e-mails, WeChat ids, QQ numbers) inside messages."""

from __future__ import annotations

import json
from pathlib import Path

GROUP = '</style><script>alert("group")</script>私域测试群'
# (platform id, name): every one must vanish from an anonymized report, and stay inert in HTML
MEMBERS = (
    ("wxid_owner01", '"><img src=x onerror=alert(1)>陈姐'),
    ("wxid_script02", "<script>alert('name')</script>老王"),
    ("wxid_svg03", "<svg onload=alert(3)>小林"),
    ("wxid_link04", '<a href="javascript:alert(4)">Mia</a>'),
    ("wxid_style05", "</style><b>周老师</b>"),
    ("wxid_quiet06", "爱提问的阿冬"),
    ("wxid_lurker08", "只看不说的Leo"),  # on the member list, never posts
    ("wxid_joiner07", "新人小佳🌸"),
)
PHONE = "13800138000"
PHONE_SPACED = "+86 139 1234 5678"
EMAIL = "chen.jie@example.com"
WECHAT = "chenjie_2026"
QQ = "123456789"
SECRETS = (PHONE, "139 1234 5678", EMAIL, WECHAT, QQ)
T0 = 1780300800  # 2026-06-01 08:00 UTC


def hostile_lines() -> list[dict[str, object]]:
    owner, script, svg, link, style, quiet, _lurker, joiner = MEMBERS
    lines: list[dict[str, object]] = [
        {"_type": "header", "chatlab": {"version": "0.0.2"}, "meta": {"name": GROUP, "platform": "wechat"}},
    ]
    for member_id, name in MEMBERS[:-1]:
        lines.append({"_type": "member", "platformId": member_id, "accountName": name})
    texts = [
        (owner, f"微信 {WECHAT} 电话 {PHONE}，谁能帮我转告大家？"),
        (script, f"@{owner[1]} 资料发了吗？"),
        (owner, "<script>document.title='pwned'</script>收到，已发"),
        (svg, f"QQ号：{QQ} 有人能加我一下吗？<svg onload=alert(5)>"),
        (link, '看这个 <a href="javascript:alert(6)">链接</a> 怎么样？'),
        (style, f"{PHONE_SPACED} 这个号码谁能回一下？</style><img src=x onerror=alert(7)>"),
        (script, f"回复 {svg[1]}：好的，@{link[1]} 一起来"),
        (quiet, f"{EMAIL} 这个邮箱谁能发我一份资料？"),
    ]
    seconds = 0
    for day in range(40):
        for position, ((member_id, name), text) in enumerate(texts):
            seconds = day * 86400 + position * 600
            lines.append(
                {
                    "_type": "message",
                    "platformMessageId": f"m{day}-{position}",
                    "sender": member_id,
                    "accountName": name,
                    "timestamp": T0 + seconds,
                    "type": 0,
                    "content": text,
                }
            )
    lines.append(
        {
            "_type": "message",
            "platformMessageId": "join",
            "sender": "",
            "accountName": "",
            "timestamp": T0 + 35 * 86400,
            "type": 80,
            "content": f'"{owner[1]}"邀请"{joiner[1]}"加入了群聊',
        }
    )
    lines.sort(key=lambda line: int(line.get("timestamp", 0)))  # type: ignore[call-overload]
    return lines


def write_hostile_export(folder: Path, name: str = "chat.jsonl") -> Path:
    path = folder / name
    path.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in hostile_lines()) + "\n", "utf-8")
    return path


def originals() -> list[str]:
    """Every string an anonymized output must not contain."""
    names = [name for _id, name in MEMBERS]
    ids = [member_id for member_id, _name in MEMBERS[:-1]]  # the joiner is known by name only (a join line)
    plain = ["陈姐", "老王", "小林", "周老师", "阿冬", "只看不说的Leo", "新人小佳🌸", "私域测试群"]
    return [*names, *ids, *plain, *SECRETS, GROUP]
