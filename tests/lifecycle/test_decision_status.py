"""``decision status``: carry out 停止执行 / 修改 on the decision itself (第二十条; 任丘第三十一条)."""

from __future__ import annotations

import json
import tomllib
from datetime import date

import pytest

from decisiontrack.model.decision import Decision
from decisiontrack.ops.status import parse_status
from decisiontrack.profiles.loader import read_profile
from tests.helpers import git, last_commit, run
from tests.lifecycle.conftest import DECISION, refused

EVALUATION = "decisions/2023-001/evaluations/2024-special/evaluation.toml"


def decided(repo, outcome: str = "terminate") -> None:
    """An evaluation whose outcome the government decided on 2024-06-01, committed."""
    path = repo / EVALUATION
    path.parent.mkdir(parents=True)
    path.write_text(
        'id = "2024-special"\nkind = "special"\nstarted_on = 2024-03-01\nsubmitted_on = 2024-05-20\n'
        f'decided_on = 2024-06-01\noutcome = "{outcome}"\n', encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "评估")


def findings(repo, as_of: str) -> list[str]:
    result = run(repo, "check", "--as-of", as_of, "--format", "json", "--fail-on", "never")
    return [f["rule"] for f in json.loads(result.stdout)["findings"]]


@pytest.mark.parametrize(
    ("word", "status"),
    [("继续执行", "in-force"), ("中止执行", "suspended"), ("停止执行", "terminated"), ("终止执行", "terminated"),
     ("修改", "amended"), ("调整", "amended"), ("terminated", "terminated"), ("已到期", "expired")],
)
def test_the_texts_own_words_name_a_status_through_the_ordos_profile(word, status):
    assert parse_status(read_profile("ordos-2024"), word) == status


@pytest.mark.parametrize(
    ("word", "status"),
    [("继续实施", "in-force"), ("推广", "in-force"), ("修改", "amended"), ("废止", "terminated"), ("终结", "terminated")],
)
def test_the_texts_own_words_name_a_status_through_the_renqiu_profile(word, status):
    assert parse_status(read_profile("renqiu-2023"), word) == status


def test_status_writes_status_since_and_history_in_one_commit_keeping_comments(repo):
    result = run(repo, "decision", "status", "2023-001", "停止执行", "--on", "2024-06-20",
                 "--basis", "鄂府发〔2024〕20号")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "决策 2023-001 自 2024-06-20 起终止执行。"
    text = (repo / DECISION).read_text(encoding="utf-8")
    assert "# 科室批注：下一次常务会议复核" in text and 'reviewer_note = "王科长"' in text
    data = tomllib.loads(text)
    assert (data["status"], data["status_since"]) == ("terminated", date(2024, 6, 20))
    assert data["status_history"] == [{"status": "terminated", "since": date(2024, 6, 20), "basis": "鄂府发〔2024〕20号"}]
    assert last_commit(repo) == ("变更状态 2023-001：终止执行（2024-06-20，鄂府发〔2024〕20号）", [DECISION])
    assert "Decisiontrack-Command: decision status" in git(repo, "log", "-1", "--format=%b")


def test_a_second_change_keeps_the_first_in_the_history_so_each_day_reads_as_it_was(repo):
    run(repo, "decision", "status", "2023-001", "suspended", "--on", "2024-01-10")
    run(repo, "decision", "status", "2023-001", "修改", "--on", "2024-03-01")
    decision = Decision.model_validate(tomllib.loads((repo / DECISION).read_text(encoding="utf-8")))
    assert [(c.status, c.since) for c in decision.status_history] == [
        ("suspended", date(2024, 1, 10)), ("amended", date(2024, 3, 1))]
    assert [decision.status_on(date(2024, 1, 9)), decision.status_on(date(2024, 1, 10)),
            decision.status_on(date(2024, 3, 1))] == ["in-force", "suspended", "amended"]


def test_ordos_20_is_answered_once_the_status_carries_out_the_decision(repo):
    """第二十条: 作出停止执行或者修改决策的决定后，决策承办单位应当及时落实."""
    decided(repo, "terminate")
    assert "ordos-2024/20" in findings(repo, "2024-06-10")
    result = run(repo, "decision", "status", "2023-001", "终止执行", "--on", "2024-06-20",
                 "--by-evaluation", "2024-special")
    assert result.exit_code == 0, result.stderr
    assert "ordos-2024/20" not in findings(repo, "2024-07-01")
    history = tomllib.loads((repo / DECISION).read_text(encoding="utf-8"))["status_history"]
    assert history == [{"status": "terminated", "since": date(2024, 6, 20), "evaluation": "2024-special"}]


def test_a_status_that_does_not_carry_out_the_evaluations_decision_is_refused(repo):
    """第二十条: the status must match the decision taken (调整 → amended, not terminated)."""
    decided(repo, "adjust")
    refused(repo, 2, "评估 2024-special 的决定是“调整”，对应状态 amended（已修改），与所给的 terminated（终止执行）不符",
            "decision", "status", "2023-001", "terminated", "--on", "2024-06-20", "--by-evaluation", "2024-special")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("作废", "--on", "2024-06-20"), "状态“作废”无效：可写 in-force（执行中）"),
        (("in-force", "--on", "2024-06-20"), "决策 2023-001 的状态已是执行中"),
        (("terminated", "--on", "2022-12-31"), "--on：2022-12-31 早于作出决策的日期 2023-01-20"),
        (("terminated", "--on", "2024-13-01"), "选项 --on 的日期“2024-13-01”无效"),
        (("terminated", "--on", "2024-06-20", "--by-evaluation", "2024-final"), "决策 2023-001 没有评估 2024-final"),
        (("terminated", "--on", "2024-06-20", "--evidence", "不存在的纪要.pdf"), "--evidence：找不到文件 不存在的纪要.pdf"),
    ],
)
def test_refused_cases_leave_everything_untouched(repo, args, message):
    refused(repo, 2, message, "decision", "status", "2023-001", *args)


def test_an_earlier_day_than_the_current_status_is_refused(repo):
    run(repo, "decision", "status", "2023-001", "suspended", "--on", "2024-05-01")
    result = run(repo, "decision", "status", "2023-001", "terminated", "--on", "2024-04-01")
    assert result.exit_code == 2
    assert "--on：2024-04-01 早于当前状态中止执行的起始日期 2024-05-01" in result.stderr


def test_an_unknown_decision_is_exit_2(repo):
    result = run(repo, "decision", "status", "2023-404", "terminated", "--on", "2024-06-20")
    assert result.exit_code == 2
    assert "未知的决策编号 2023-404" in result.stderr


def test_the_meeting_minutes_are_kept_as_evidence_and_committed_with_the_status(repo, tmp_path):
    minutes = tmp_path / "第12次常务会议纪要.pdf"
    minutes.write_bytes(b"%PDF-1.4 minutes")
    result = run(repo, "decision", "status", "2023-001", "停止执行", "--on", "2024-06-20",
                 "--evidence", str(minutes))
    assert result.exit_code == 0, result.stderr
    kept = "decisions/2023-001/evidence/第12次常务会议纪要.pdf"
    assert (repo / kept).read_bytes() == b"%PDF-1.4 minutes"
    history = tomllib.loads((repo / DECISION).read_text(encoding="utf-8"))["status_history"]
    assert history[-1]["evidence"] == ["evidence/第12次常务会议纪要.pdf"]
    assert last_commit(repo)[1] == sorted([DECISION, kept])
