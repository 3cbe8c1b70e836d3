"""Honest diagnoses through the CLI, in every report format and both languages: nothing measurable
is "not assessed" with what is missing (never "100 healthy"), advice agrees with the evidence, and
drift shows the plan's own value (kol_per_members: 1 per N)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import REPO, CliInvoke

DEMO = str(REPO / "examples" / "demo-wechat.csv")

# a quiet WhatsApp group: no question, members unknown: operations cannot be measured
STATEMENTS = """\
05/01/2026, 09:00 - Priya: The new schedule is pinned
05/01/2026, 09:05 - Tom: Thanks, looks good
06/01/2026, 20:00 - Zoe: Lovely evening at the meetup
06/01/2026, 20:02 - Priya: It was great to see you all
"""
# one person talking to nobody: nobody answers anybody, so nobody can be seen drawing answers
MONOLOGUE = """\
05/01/2026, 09:00 - 陈姐: 今天分享一个案例
05/01/2026, 09:10 - 陈姐: 第二部分明天继续
"""

NOT_ASSESSED = {"en": "not assessed", "zh": "未评估"}


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("report", ["text", "md", "json"])
def test_operations_without_questions_or_members_is_not_assessed(
    cli: CliInvoke, tmp_path: Path, lang: str, report: str
) -> None:
    export = write(tmp_path, "WhatsApp Chat with Owls.txt", STATEMENTS)
    result = cli("--lang", lang, "audit", export, "--tz", "UTC", "--report", report)
    assert result.exit_code == 0, result.stderr
    if report == "json":
        operations = next(d for d in json.loads(result.stdout)["diagnoses"] if d["id"] == "operations")
        assert (operations["score"], operations["status"]) == (None, "not_assessed")
        assert operations["missing"] == ["questions_and_members"]
        return
    out = " ".join(result.stdout.split())
    title = "4. Operations management" if lang == "en" else "四、运营管理"
    after = out[out.index(title) :]
    assert after[: len(title) + 30].count(NOT_ASSESSED[lang]) == 1, after[:80]
    said = (
        "no question was asked in this period and the member count is unknown" if lang == "en" else "这段时间没有人提问"
    )
    assert said in out


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_opinion_leaders_where_nobody_answers_anybody_are_not_assessed(
    cli: CliInvoke, tmp_path: Path, lang: str
) -> None:
    export = write(tmp_path, "WhatsApp Chat with 读书会.txt", MONOLOGUE)
    document = json.loads(cli("--lang", lang, "audit", export, "--tz", "UTC", "-r", "json").stdout)
    leaders = next(d for d in document["diagnoses"] if d["id"] == "opinion_leaders")
    assert (leaders["status"], leaders["missing"]) == ("not_assessed", ["replies"])
    assert leaders["action"].startswith("Not assessed" if lang == "en" else "未评估")
    assert all(d["score"] != 100 for d in document["diagnoses"])  # nothing measured is ever "100"


@pytest.mark.parametrize(
    ("lang", "wrong", "right"),
    [
        ("en", "Customers speak less than other members", "Customers post as much as the other members"),
        ("zh", "顾客比其他成员更沉默", "顾客发言并不比其他成员少"),
    ],
)
def test_customers_who_post_more_are_not_told_they_speak_less(
    cli: CliInvoke, tmp_path: Path, lang: str, wrong: str, right: str
) -> None:
    """Three demo posters are customers, one of them the shop that posts ads; the roster also lists
    ten members who never post. Customers post more than the others (3 of 3 against fewer), so the
    advice is about the broken rules, not about customers being quiet."""
    roster = tmp_path / "roster.csv"
    rows = ["name,tags", "陈姐,customer", "杨晓然,customer", "优选好物小店,customer"]
    rows += [f"潜水{n},member" for n in range(10)]
    roster.write_text("\n".join(rows) + "\n", "utf-8")
    result = cli("--lang", lang, "audit", DEMO, "--roster", str(roster), "-r", "json")
    assert result.exit_code == 0, result.stderr
    fans = next(d for d in json.loads(result.stdout)["diagnoses"] if d["id"] == "customers_as_fans")
    evidence = {e["key"]: e["value"] for e in fans["evidence"]}
    assert evidence["customer_posting_share"] > evidence["others_posting_share"]
    assert evidence["customer_violators"] == 1
    assert fans["status"] == "watch" and right in fans["action"] and wrong not in fans["action"]
    for report in ("text", "md"):
        out = cli("--lang", lang, "audit", DEMO, "--roster", str(roster), "-r", report).stdout
        assert right in " ".join(out.split())
        assert wrong not in " ".join(out.split())


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "the plan asks for 1 opinion leader per 10 members, so 300 members need 30; the export shows {n}"),
        ("zh", "计划要求每 10 名成员有 1 位意见领袖，300 名成员需要 30 位；实际只有 {n} 位"),
    ],
)
def test_drift_shows_the_plans_own_kol_per_members(cli: CliInvoke, tmp_path: Path, lang: str, expected: str) -> None:
    """kol_per_members: 10 is "1 per 10" (300 members need 30), never "the plan sets 30" or "1"."""
    plan = tmp_path / "plan.yaml"
    text = (REPO / "examples" / "plan.yaml").read_text("utf-8")
    plan.write_text(text.replace("kol_per_members: 100", "kol_per_members: 10"), "utf-8")
    document = json.loads(cli("--lang", lang, "audit", DEMO, "--plan", str(plan), "-r", "json").stdout)
    item = next(d for d in document["drift"] if d["subject"] == "kol_per_members")
    expected = expected.format(n=document["opinion_leaders"]["present"])
    assert expected in item["message"]
    assert item["planned"] == "10"
    out = "".join(cli("--lang", lang, "audit", DEMO, "--plan", str(plan)).stdout.split())  # wherever it wraps
    assert expected.split(",")[0].split("，")[0].replace(" ", "") in out
