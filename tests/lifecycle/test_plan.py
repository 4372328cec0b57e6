"""``plan move / add-milestone / set``: change the 第六条 plan and keep what it was."""

from __future__ import annotations

import json
import tomllib
from datetime import date

import pytest

from decisiontrack.model.plan import TrackingPlan
from tests.helpers import git, last_commit, run, snapshot
from tests.lifecycle.conftest import refused

PLAN = "decisions/2023-001/plan.toml"

PLAN_TEXT = """\
responsible_unit = "市发展和改革委员会价格科"
methods = ["问卷调查"]
# 方案经主任办公会同意
approved_by = "主任办公会"

[[people]]
name = "王某"
role = "科长"
contact = "13900000000"

[[milestones]]
id = "m1"
title = "完成年度跟踪调查"
due = 2024-06-30

[[milestones]]
id = "m2"
title = "完成中期总结"
due = 2024-12-31  # 年底前
"""


@pytest.fixture
def planned(repo):
    (repo / PLAN).write_text(PLAN_TEXT, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "方案")
    return repo


def plan(repo) -> TrackingPlan:
    return TrackingPlan.model_validate(tomllib.loads((repo / PLAN).read_text(encoding="utf-8")))


def findings(repo, as_of: str) -> list[dict]:
    result = run(repo, "check", "--as-of", as_of, "--format", "json", "--fail-on", "never")
    return [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "ordos-2024/6.milestone"]


def test_move_appends_from_to_on_reason_and_keeps_the_old_date_for_earlier_days(planned):
    """第六条: 如期完成 — a moved milestone is due on its new date only from the day of the move."""
    result = run(planned, "plan", "move", "2023-001", "m1", "--due", "2024-09-30", "--reason", "统计数据延迟发布",
                 "--on", "2024-06-15")
    assert result.exit_code == 0, result.stderr
    milestone = plan(planned).milestone("m1")
    assert milestone.due == date(2024, 9, 30)
    assert [(m.from_, m.to, m.on, m.reason) for m in milestone.moves] == [
        (date(2024, 6, 30), date(2024, 9, 30), date(2024, 6, 15), "统计数据延迟发布")]
    text = (planned / PLAN).read_text(encoding="utf-8")
    assert "# 方案经主任办公会同意" in text and "# 年底前" in text and "[[milestones.moves]]" in text
    assert last_commit(planned) == ("调整时间节点 2023-001：m1 由 2024-06-30 调至 2024-09-30（统计数据延迟发布）", [PLAN])
    assert [f["due"] for f in findings(planned, "2024-06-14")][:1] == ["2024-06-30"]
    assert findings(planned, "2024-07-15") == []  # no longer overdue: it was moved on 2024-06-15
    assert [(f["level"], f["due"]) for f in findings(planned, "2024-09-15")] == [("due-soon", "2024-09-30")]
    shown = run(planned, "decision", "show", "2023-001", "--as-of", "2024-07-15")
    assert "2024-06-15 由 2024-06-30 调至 2024-09-30（统计数据延迟发布）" in shown.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("m9", "--due", "2024-09-30", "--reason", "x"), "decisions/2023-001/plan.toml 中没有时间节点 m9（已有：m1、m2）"),
        (("m1", "--due", "2024-06-30", "--reason", "x"), "时间节点 m1 的期限已是 2024-06-30"),
        (("m1", "--due", "2024-06-31", "--reason", "x"), "选项 --due 的日期“2024-06-31”无效"),
        (("m1", "--due", "2024-09-30"), "缺少必需的选项：--reason（调整原因）"),
    ],
)
def test_refused_moves_leave_the_plan_untouched(planned, args, message):
    refused(planned, 2, message, "plan", "move", "2023-001", *args)


def test_a_done_milestone_cannot_be_moved(planned):
    run(planned, "plan", "done", "2023-001", "m1", "--on", "2024-06-20")
    result = run(planned, "plan", "move", "2023-001", "m1", "--due", "2024-09-30", "--reason", "x")
    assert result.exit_code == 2
    assert "时间节点 m1 已于 2024-06-20 完成，不能再调整" in result.stderr


def test_add_milestone_takes_the_next_free_number(planned):
    result = run(planned, "plan", "add-milestone", "2023-001", "--milestone", "2025-06-30:完成第二次跟踪调查",
                 "--milestone", "2025-12-31:形成跟踪反馈报告")
    assert result.exit_code == 0, result.stderr
    assert [(m.id, m.title, m.due) for m in plan(planned).milestones][2:] == [
        ("m3", "完成第二次跟踪调查", date(2025, 6, 30)), ("m4", "形成跟踪反馈报告", date(2025, 12, 31))]
    assert last_commit(planned) == ("增加时间节点 2023-001：m3（2025-06-30）、m4（2025-12-31）", [PLAN])
    assert "# 年底前" in (planned / PLAN).read_text(encoding="utf-8")


def test_add_milestone_refuses_a_bad_item_and_a_missing_plan(repo, planned):
    before = snapshot(planned)
    result = run(planned, "plan", "add-milestone", "2023-001", "--milestone", "明年:总结")
    assert result.exit_code == 2
    assert "--milestone “明年:总结” 无效：应写成 日期:事项" in result.stderr
    assert snapshot(planned) == before
    (planned / PLAN).unlink()
    result = run(planned, "plan", "add-milestone", "2023-001", "--milestone", "2025-06-30:调查")
    assert result.exit_code == 2
    assert "决策 2023-001 还没有跟踪反馈工作方案" in result.stderr


def test_set_replaces_people_and_methods_and_names_the_fields(planned):
    result = run(planned, "plan", "set", "2023-001", "--person", "李某:副科长:13800000000", "--method", "实地考察",
                 "--method", "问卷调查", "--progress-report-every-months", "6", "--steps", "每半年调查一次")
    assert result.exit_code == 0, result.stderr
    p = plan(planned)
    assert [(x.name, x.role, x.contact) for x in p.people] == [("李某", "副科长", "13800000000")]
    assert (p.methods, p.progress_report_every_months, p.steps) == (["实地考察", "问卷调查"], 6, "每半年调查一次")
    assert [m.id for m in p.milestones] == ["m1", "m2"]
    text = (planned / PLAN).read_text(encoding="utf-8")
    assert 'approved_by = "主任办公会"' in text and "# 年底前" in text
    assert last_commit(planned) == ("修改跟踪反馈工作方案 2023-001：方法步骤、跟踪方法、报告周期、责任人员", [PLAN])
    run(planned, "plan", "set", "2023-001", "--progress-report-every-months", "0")
    assert plan(planned).progress_report_every_months is None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--progress-report-every-months", "200"), "progress_report_every_months"),
        (("--person", ":科长"), "--person “:科长” 无效：应写成 姓名:职务:联系方式"),
        ((), "没有给出要修改的内容"),
    ],
)
def test_refused_plan_changes(planned, args, message):
    refused(planned, 2, message, "plan", "set", "2023-001", *args)
