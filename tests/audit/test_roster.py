from datetime import date

import pytest

from sqtool.audit.roster import load_roster
from sqtool.errors import SqtoolError


def test_csv_roster_with_tags_and_dates(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text(
        "id,name,joined,tags\nu1,周老师,2026-03-01,owner;admin\nu2,陈姐,,kol customer\n\nu3,,2026/04/02,\n", "utf-8"
    )
    roster = load_roster(path)
    assert [m.id for m in roster.members] == ["u1", "u2", "u3"]
    assert roster.members[0].tags == frozenset({"owner", "admin"})
    assert roster.members[1].tags == frozenset({"kol", "customer"})
    assert roster.members[2].joined == date(2026, 4, 2)
    assert roster.has_tag("customer") and len(roster.tagged("kol")) == 1


def test_yaml_roster_list_or_members_mapping(tmp_path):
    path = tmp_path / "roster.yaml"
    path.write_text(
        "members:\n  - {name: 小林, tags: [admin]}\n  - 阿杰\n  - id: u9\n    joined: 2026-05-01\n", "utf-8"
    )
    roster = load_roster(path)
    assert [(m.id, m.name) for m in roster.members] == [(None, "小林"), (None, "阿杰"), ("u9", None)]
    assert roster.members[2].joined == date(2026, 5, 1)


def test_bad_date_names_the_line(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text("name,joined\na,2026-01-01\nb,last spring\n", "utf-8")
    with pytest.raises(SqtoolError) as caught:
        load_roster(path)
    assert (caught.value.key, caught.value.line) == ("audit.roster_bad_date", 3)


def test_missing_member_and_missing_column(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text("name,tags\na,kol\n,customer\n", "utf-8")
    with pytest.raises(SqtoolError) as caught:
        load_roster(path)
    assert (caught.value.key, caught.value.line) == ("audit.roster_missing_member", 3)
    path.write_text("city,age\nx,3\n", "utf-8")
    with pytest.raises(SqtoolError) as caught:
        load_roster(path)
    assert caught.value.key == "audit.roster_no_member_column"


def test_yaml_errors_carry_positions(tmp_path):
    path = tmp_path / "roster.yaml"
    path.write_text("- name: a\n- name: [b\n", "utf-8")
    with pytest.raises(SqtoolError) as caught:
        load_roster(path)
    assert caught.value.key == "audit.roster_bad_yaml" and caught.value.line is not None
    path.write_text("just text\n", "utf-8")
    with pytest.raises(SqtoolError) as caught:
        load_roster(path)
    assert caught.value.key == "audit.roster_not_list"
    path.write_text("- {tags: [kol]}\n", "utf-8")
    with pytest.raises(SqtoolError) as caught:
        load_roster(path)
    assert (caught.value.key, caught.value.line) == ("audit.roster_missing_member", 1)


def test_missing_file(tmp_path):
    with pytest.raises(SqtoolError) as caught:
        load_roster(tmp_path / "nope.csv")
    assert caught.value.key == "fs.not_found"


def test_gbk_roster(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_bytes("name,tags\n陈姐,customer\n".encode("gbk"))
    assert load_roster(path).members[0].name == "陈姐"
