"""``decision set``: edit decision.toml in place, validated as a whole, one commit naming the fields."""

from __future__ import annotations

import tomllib
from datetime import date

import pytest

from decisiontrack.errors import UserError
from decisiontrack.ops.decisions import set_decision
from tests.helpers import commits, git, last_commit, run, snapshot
from tests.lifecycle.conftest import DECISION, refused


def read(repo) -> dict:
    return tomllib.loads((repo / DECISION).read_text(encoding="utf-8"))


def test_set_changes_the_fields_keeps_comments_and_unknown_keys_and_commits_only_that_file(repo):
    result = run(repo, "decision", "set", "2023-001", "--title", "鄂尔多斯市中心城区机动车停车收费管理办法",
                 "--effective-until", "2027-12-31", "--pre-decision-assessor", "市司法局")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ("已写入 decisions/2023-001/decision.toml\n"
                             "已修改决策 2023-001：名称、有效期至、决策前评估单位\n")
    text = (repo / DECISION).read_text(encoding="utf-8")
    assert "# 草案名称" in text and "# 科室批注：下一次常务会议复核" in text
    data = read(repo)
    assert data["title"] == "鄂尔多斯市中心城区机动车停车收费管理办法"
    assert data["effective_until"] == date(2027, 12, 31)
    assert data["pre_decision_assessor"] == "市司法局"
    assert data["reviewer_note"] == "王科长"
    assert data["public_concern"] is True and data["doc_number"] == "鄂府发〔2023〕8号"
    # a new key sits where a new file would have it: after effective_from, before undertaking_unit
    assert text.index("effective_until") < text.index("undertaking_unit")
    assert last_commit(repo) == ("修改 2023-001：名称、有效期至、决策前评估单位", [DECISION])
    body = git(repo, "log", "-1", "--format=%b")
    assert "Decisiontrack-Command: decision set" in body and "Decisiontrack-Decision: 2023-001" in body
    assert git(repo, "status", "--porcelain") == ""


def test_flags_turn_off_and_choices_take_chinese_labels(repo):
    result = run(repo, "decision", "set", "2023-001", "--no-public-concern", "--broad-impact",
                 "--category", "重大改革", "--classification", "内部")
    assert result.exit_code == 0, result.stderr
    data = read(repo)
    assert (data["public_concern"], data["broad_impact"], data["category"], data["classification"]) == (
        False, True, "reform", "internal")
    assert commits(repo)[0] == "修改 2023-001：类别、对公民权利义务发生普遍影响、群众普遍关注、密级"


def test_an_empty_value_clears_an_optional_field(repo):
    run(repo, "decision", "set", "2023-001", "--effective-until", "2027-12-31")
    result = run(repo, "decision", "set", "2023-001", "--effective-until", "", "--doc-number", "")
    assert result.exit_code == 0, result.stderr
    data = read(repo)
    assert "effective_until" not in data and "doc_number" not in data
    assert commits(repo)[0] == "修改 2023-001：文号、有效期至"


def test_the_same_values_write_nothing_and_commit_nothing(repo):
    before = snapshot(repo), commits(repo)
    result = run(repo, "decision", "set", "2023-001", "--title", "鄂尔多斯市中心城区停车收费办法",
                 "--public-concern", "--no-broad-impact")
    assert result.exit_code == 0
    assert result.stdout == "未修改决策 2023-001：所给的值与原记录相同。\n"
    assert (snapshot(repo), commits(repo)) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--effective-until", "2020-12-31"), "截止日期 effective_until（2020-12-31）早于施行日期 effective_from（2023-03-01）"),
        (("--effective-from", "2023-02-30"), "选项 --effective-from 的日期“2023-02-30”无效"),
        (("--category", "重大事项"), "--category：“重大事项”不是可选的值（可用：plan（重大规划）"),
        (("--classification", "绝密"), "--classification：“绝密”不是可选的值"),
        ((), "没有给出要修改的内容"),
    ],
)
def test_refused_values_leave_the_file_and_the_history_untouched(repo, args, message):
    refused(repo, 2, message, "decision", "set", "2023-001", *args)


def test_an_unknown_or_unsafe_id_is_exit_2(repo):
    result = run(repo, "decision", "set", "2023-009", "--title", "x")
    assert result.exit_code == 2
    assert "未知的决策编号 2023-009" in result.stderr
    assert run(repo, "decision", "set", "../x", "--title", "x").exit_code == 2


def test_a_broken_decision_file_is_exit_3_and_stays_as_it_was(repo):
    (repo / DECISION).write_text('id = "2023-001"\ntitle = \n', encoding="utf-8")
    before = snapshot(repo)
    result = run(repo, "decision", "set", "2023-001", "--title", "x")
    assert result.exit_code == 3
    assert "decisions/2023-001/decision.toml:2" in result.stderr
    assert snapshot(repo) == before


def test_set_decision_is_the_core_the_importer_calls(repo):
    decision, change = set_decision(repo, "2023-001", {"undertaking_unit": "市交通运输局", "summary": "收费标准"})
    assert decision.undertaking_unit == "市交通运输局"
    assert change.message == "修改 2023-001：承办单位、内容摘要"
    assert [p.relative_to(repo).as_posix() for p in change.files] == [DECISION]
    with pytest.raises(UserError, match="decision rename"):
        set_decision(repo, "2023-001", {"id": "2023-002"})
    with pytest.raises(UserError, match="decision status"):
        set_decision(repo, "2023-001", {"status": "terminated"})
    with pytest.raises(UserError, match="没有可修改的字段“titel”"):
        set_decision(repo, "2023-001", {"titel": "x"})


def test_no_commit_writes_without_committing(repo):
    result = run(repo, "decision", "set", "2023-001", "--summary", "摘要", "--no-commit")
    assert result.exit_code == 0
    assert commits(repo)[0] == "登记"
    assert git(repo, "status", "--porcelain") == f" M {DECISION}\n"
