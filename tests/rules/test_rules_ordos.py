"""Every rule of ordos-2024 at its date boundaries: the day before, the day it fires, the day after.

The 办法 took effect on 2024-01-09 (第二十四条 “本办法自印发之日起施行”, 印发 2024-01-09): the
decisions here start in 2022 so that most triggers fall after it; ``test_rules_as_of`` covers the
days around it.
"""

from __future__ import annotations

import pytest
from tests.rules.rule_helpers import PLAN, decision, evaluation, event, findings, levels, message, opinions, plan

PLAN_2022 = {**decision("plan", "2022-01-01", "2026-12-31"), **PLAN}
"""Five years, 2022–2026: more than half elapsed from 2024-07-02 (1,826 days; 914th day)."""


# 第十二条第（三）项: “五年以上长期执行的重大规划、重大政策等执行期限或进度过半时应进行中期评估”.
def test_12_3_mid_term_from_the_first_day_more_than_half_elapsed(tmp_path):
    assert levels(findings(tmp_path, PLAN_2022, "2024-07-01"), "ordos-2024/12.3") == []
    found = findings(tmp_path, PLAN_2022, "2024-07-02")
    assert levels(found, "ordos-2024/12.3") == [("must", "2024-07-02", "2024-09-30")]
    assert levels(findings(tmp_path, PLAN_2022, "2024-07-03"), "ordos-2024/12.3") == [("must", "2024-07-02", "2024-09-30")]
    finding = next(f for f in found if f.rule == "ordos-2024/12.3")
    assert finding.article == "第十二条第（三）项"
    assert finding.message == ("五年以上长期执行的决策执行期限过半（自 2024-07-02 起），应当进行中期评估（第十二条第（三）项）"
                               "（按本地设定：办理期限90日）")
    assert finding.settings == {"grace_days": 90}


def test_12_3_overdue_the_day_after_grace_days(tmp_path):
    assert levels(findings(tmp_path, PLAN_2022, "2024-09-30"), "ordos-2024/12.3") == [("must", "2024-07-02", "2024-09-30")]
    assert levels(findings(tmp_path, PLAN_2022, "2024-10-01"), "ordos-2024/12.3") == [("overdue", "2024-07-02", "2024-09-30")]


def test_12_3_answered_by_an_evaluation_only_from_its_started_on(tmp_path):
    """An evaluation answers a rule from its own ``started_on``: the day before, the duty still stands."""
    files = {**PLAN_2022, **evaluation("ordos-2024/12.3", "2024-07-10")}
    assert levels(findings(tmp_path, files, "2024-07-09"), "ordos-2024/12.3") == [("must", "2024-07-02", "2024-09-30")]
    assert levels(findings(tmp_path, files, "2024-07-10"), "ordos-2024/12.3") == []
    assert levels(findings(tmp_path, files, "2024-10-01"), "ordos-2024/12.3") == []


def test_12_3_early_credit_an_evaluation_started_within_183_days_before_answers(tmp_path):
    """第十二条第（三）项: early compliance is compliance (``early_credit_days``, a local setting)."""
    on_the_limit = {**PLAN_2022, **evaluation("ordos-2024/12.3", "2024-01-01")}
    assert levels(findings(tmp_path, on_the_limit, "2024-07-02"), "ordos-2024/12.3") == []
    a_day_too_early = {**PLAN_2022, **evaluation("ordos-2024/12.3", "2023-12-31")}
    assert levels(findings(tmp_path, a_day_too_early, "2024-07-02"), "ordos-2024/12.3") == [("must", "2024-07-02", "2024-09-30")]
    shorter = findings(tmp_path, on_the_limit, "2024-07-02", parameters={"early_credit_days": 30})
    assert levels(shorter, "ordos-2024/12.3") == [("must", "2024-07-02", "2024-09-30")]


def test_12_3_earlier_when_a_progress_report_states_more_than_half(tmp_path):
    report = "+++\nperiod = \"2024-Q1\"\nsubmitted_on = 2024-03-20\nprogress_percent = 55\n+++\n"
    files = {**PLAN_2022, "decisions/2022-001/progress/2024-Q1.md": report}
    assert levels(findings(tmp_path, files, "2024-03-19"), "ordos-2024/12.3") == []
    assert levels(findings(tmp_path, files, "2024-03-20"), "ordos-2024/12.3") == [("must", "2024-03-20", "2024-06-18")]
    at_half = files | {"decisions/2022-001/progress/2024-Q1.md": report.replace("55", "50")}
    assert levels(findings(tmp_path, at_half, "2024-03-21"), "ordos-2024/12.3") == []


def test_12_3_and_12_4_need_five_years(tmp_path):
    short = {**decision("plan", "2022-01-01", "2026-12-30"), **PLAN}
    found = findings(tmp_path, short, "2027-06-01")
    assert levels(found, "ordos-2024/12.3") == []
    assert levels(found, "ordos-2024/12.4") == []


def test_12_3_not_for_projects_or_normative_documents(tmp_path):
    for category in ("project", "normative"):
        files = {**decision(category, "2022-01-01", "2026-12-31"), **PLAN}
        assert levels(findings(tmp_path, files, "2024-08-01"), "ordos-2024/12.3") == []


# 第十二条第（四）项: “执行结束后应及时进行终期评估”, from the day after the real end.
def test_12_4_final_evaluation_from_the_day_after_effective_until(tmp_path):
    files = {**PLAN_2022, **evaluation("ordos-2024/12.3", "2024-07-10")}
    assert levels(findings(tmp_path, files, "2026-12-31"), "ordos-2024/12.4") == []
    assert levels(findings(tmp_path, files, "2027-01-01"), "ordos-2024/12.4") == [("must", "2027-01-01", "2027-04-01")]
    assert levels(findings(tmp_path, files, "2027-01-02"), "ordos-2024/12.4") == [("must", "2027-01-01", "2027-04-01")]
    assert levels(findings(tmp_path, files, "2027-04-02"), "ordos-2024/12.4") == [("overdue", "2027-01-01", "2027-04-01")]
    answered = files | evaluation("ordos-2024/12.4", "2027-02-01", "e2", "final")
    assert levels(findings(tmp_path, answered, "2027-04-02"), "ordos-2024/12.4") == []


def test_12_4_from_the_day_after_a_termination_before_effective_until(tmp_path):
    """第十二条第（四）项 “执行结束”: a decision terminated earlier ended on its ``status_since``."""
    files = {**decision("plan", "2022-01-01", "2026-12-31", 'status = "terminated"\nstatus_since = 2025-06-20\n'),
             **PLAN, **evaluation("ordos-2024/12.3", "2024-07-10")}
    assert levels(findings(tmp_path, files, "2025-06-20"), "ordos-2024/12.4") == []
    assert levels(findings(tmp_path, files, "2025-06-21"), "ordos-2024/12.4") == [("must", "2025-06-21", "2025-09-19")]
    assert levels(findings(tmp_path, files, "2025-06-22"), "ordos-2024/12.4") == [("must", "2025-06-21", "2025-09-19")]
    message_text = message(findings(tmp_path, files, "2025-06-22"), "ordos-2024/12.4")
    assert "已于 2025-06-20 执行结束" in message_text


def test_12_4_open_ended_decision_that_ran_five_years_before_it_was_terminated(tmp_path):
    ran_long = {**decision("policy", "2019-01-01", None, 'status = "terminated"\nstatus_since = 2024-06-30\n'), **PLAN}
    assert levels(findings(tmp_path, ran_long, "2024-06-30"), "ordos-2024/12.4") == []
    assert levels(findings(tmp_path, ran_long, "2024-07-01"), "ordos-2024/12.4") == [("must", "2024-07-01", "2024-09-29")]
    ran_short = {**decision("policy", "2021-01-01", None, 'status = "terminated"\nstatus_since = 2024-06-30\n'), **PLAN}
    assert levels(findings(tmp_path, ran_short, "2024-07-01"), "ordos-2024/12.4") == []


# 第十二条第（二）项: 重大改革事项，或普遍影响、群众普遍关注的重大政策“执行满一年的”.
@pytest.mark.parametrize("category, extra", [("reform", ""), ("policy", "broad_impact = true\n"),
                                             ("policy", "public_concern = true\n")])
def test_12_2_on_the_first_anniversary(tmp_path, category, extra):
    files = {**decision(category, "2024-03-01", None, extra), **plan("2024-03-10")}
    assert levels(findings(tmp_path, files, "2025-02-28"), "ordos-2024/12.2") == []
    assert levels(findings(tmp_path, files, "2025-03-01"), "ordos-2024/12.2") == [("must", "2025-03-01", "2025-05-30")]
    assert levels(findings(tmp_path, files, "2025-03-02"), "ordos-2024/12.2") == [("must", "2025-03-01", "2025-05-30")]
    assert levels(findings(tmp_path, files, "2025-05-31"), "ordos-2024/12.2") == [("overdue", "2025-03-01", "2025-05-30")]
    answered = files | evaluation("ordos-2024/12.2", "2025-04-01", kind="special")
    assert levels(findings(tmp_path, answered, "2025-05-31"), "ordos-2024/12.2") == []


@pytest.mark.parametrize("category, extra", [("policy", ""), ("plan", "broad_impact = true\n"),
                                             ("project", "public_concern = true\n"),
                                             ("normative", "broad_impact = true\npublic_concern = true\n")])
def test_12_2_only_reforms_and_policies_of_broad_impact_or_public_concern(tmp_path, category, extra):
    """第十二条第（二）项 names 重大改革事项 and 重大政策 only: not plans, projects or normative documents."""
    files = {**decision(category, "2024-03-01", None, extra), **plan("2024-03-10")}
    assert levels(findings(tmp_path, files, "2025-03-01"), "ordos-2024/12.2") == []


# 第十二条第（一）项: “出现较大争议、风险或重大分歧”.
@pytest.mark.parametrize("kind", ["controversy", "major-risk", "major-disagreement"])
def test_12_1_controversy_risk_disagreement(tmp_path, kind):
    files = {**PLAN_2022, **event(kind, "2024-04-01")}
    assert levels(findings(tmp_path, files, "2024-03-31"), "ordos-2024/12.1") == []
    assert levels(findings(tmp_path, files, "2024-04-01"), "ordos-2024/12.1") == [("must", "2024-04-01", "2024-06-30")]
    assert levels(findings(tmp_path, files, "2024-04-02"), "ordos-2024/12.1") == [("must", "2024-04-01", "2024-06-30")]
    assert levels(findings(tmp_path, files, "2024-07-01"), "ordos-2024/12.1") == [("overdue", "2024-04-01", "2024-06-30")]
    answered = files | evaluation("ordos-2024/12.1", "2024-04-15", kind="special")
    assert levels(findings(tmp_path, answered, "2024-07-01"), "ordos-2024/12.1") == []


def test_12_1_a_withdrawn_event_stops_triggering_from_its_withdrawn_on(tmp_path):
    files = {**PLAN_2022, **event("controversy", "2024-04-01",
                                  extra='withdrawn_on = 2024-05-01\nwithdrawn_reason = "误录"\n')}
    assert levels(findings(tmp_path, files, "2024-04-30"), "ordos-2024/12.1") == [("must", "2024-04-01", "2024-06-30")]
    assert levels(findings(tmp_path, files, "2024-05-01"), "ordos-2024/12.1") == []
    assert levels(findings(tmp_path, files, "2024-05-02"), "ordos-2024/12.1") == []


# 第十一条第（一）（二）（四）（五）项: events that allow an evaluation (可以).
@pytest.mark.parametrize("rule, kind", [("11.1", "basis-changed"), ("11.2", "below-target"),
                                        ("11.4", "evaluation-requested"), ("11.5", "deemed-necessary")])
def test_11_events_allow_an_evaluation(tmp_path, rule, kind):
    files = {**PLAN_2022, **event(kind, "2024-04-01", extra="reported_on = 2024-04-02\n")}
    rule_id = f"ordos-2024/{rule}"
    assert levels(findings(tmp_path, files, "2024-03-31"), rule_id) == []
    assert levels(findings(tmp_path, files, "2024-04-01"), rule_id) == [("may", "2024-04-01", None)]
    assert levels(findings(tmp_path, files, "2025-04-01"), rule_id) == [("may", "2024-04-01", None)]
    answered = files | evaluation(rule_id, "2024-05-01", kind="special")
    assert levels(findings(tmp_path, answered, "2024-04-30"), rule_id) == [("may", "2024-04-01", None)]
    assert levels(findings(tmp_path, answered, "2024-05-01"), rule_id) == []


def test_11_2_when_the_latest_progress_report_is_off_track(tmp_path):
    report = "+++\nperiod = \"2024-H1\"\nsubmitted_on = 2024-07-05\non_track = false\n+++\n"
    files = {**PLAN_2022, "decisions/2022-001/progress/2024-H1.md": report}
    assert levels(findings(tmp_path, files, "2024-07-04"), "ordos-2024/11.2") == []
    assert levels(findings(tmp_path, files, "2024-07-05"), "ordos-2024/11.2") == [("may", "2024-07-05", None)]
    later = files | {"decisions/2022-001/progress/2024-H2.md": report.replace("2024-H1", "2024-H2")
                     .replace("2024-07-05", "2025-01-05").replace("false", "true")}
    assert levels(findings(tmp_path, later, "2025-01-04"), "ordos-2024/11.2") == [("may", "2024-07-05", None)]
    assert levels(findings(tmp_path, later, "2025-01-05"), "ordos-2024/11.2") == []


# 第十一条第（三）项: “提出较多意见” — 较多 is a local setting (20 opinions in 365 days).
def test_11_3_opinion_volume_threshold_and_window(tmp_path):
    files = {**PLAN_2022, **opinions(20, "2024-02-01")}
    assert levels(findings(tmp_path, files, "2024-02-19"), "ordos-2024/11.3") == []
    found = findings(tmp_path, files, "2024-02-20")
    assert levels(found, "ordos-2024/11.3") == [("may", "2024-02-20", None)]
    assert message(found, "ordos-2024/11.3") == ("近365日收到公众意见20条（达到20条），可以组织后评估（第十一条第（三）项）"
                                                 "（按本地设定：较多意见20条、意见统计期间365日）")
    assert next(f for f in found if f.rule == "ordos-2024/11.3").settings == {
        "opinion_threshold": 20, "opinion_window_days": 365}
    # 365 days later the first opinion leaves the window: 19 remain.
    assert levels(findings(tmp_path, files, "2025-01-30"), "ordos-2024/11.3") == [("may", "2024-02-20", None)]
    assert levels(findings(tmp_path, files, "2025-01-31"), "ordos-2024/11.3") == []


def test_11_3_a_withdrawn_opinion_no_longer_counts_from_its_withdrawn_on(tmp_path):
    files = {**PLAN_2022, **opinions(19, "2024-02-01"),
             **opinions(1, "2024-02-20", extra='withdrawn_on = 2024-03-01\nwithdrawn_reason = "重复登记"\n')}
    assert levels(findings(tmp_path, files, "2024-02-29"), "ordos-2024/11.3") == [("may", "2024-02-20", None)]
    assert levels(findings(tmp_path, files, "2024-03-01"), "ordos-2024/11.3") == []
    assert levels(findings(tmp_path, files, "2024-03-02"), "ordos-2024/11.3") == []


def test_11_3_threshold_overridden_by_workspace_parameters(tmp_path):
    files = {**PLAN_2022, **opinions(5, "2024-02-01")}
    found = findings(tmp_path, files, "2024-02-05", parameters={"opinion_threshold": 5})
    assert levels(found, "ordos-2024/11.3") == [("may", "2024-02-05", None)]
    assert "按本地设定：较多意见5条" in message(found, "ordos-2024/11.3")


def test_11_3_dated_setting_never_rewrites_an_earlier_day(tmp_path):
    """A setting changed on 2024-06-01 (20 → 30) answers days before it with the old value."""
    files = {**PLAN_2022, **opinions(25, "2024-02-01")}
    dated = {"opinion_threshold": {"2024-01-09": 20, "2024-06-01": 30}}
    before = findings(tmp_path, files, "2024-05-31", parameters=dated)
    assert levels(before, "ordos-2024/11.3") == [("may", "2024-02-20", None)]
    assert next(f for f in before if f.rule == "ordos-2024/11.3").settings["opinion_threshold"] == 20
    assert levels(findings(tmp_path, files, "2024-06-01", parameters=dated), "ordos-2024/11.3") == []
    assert levels(findings(tmp_path, files, "2024-06-02", parameters=dated), "ordos-2024/11.3") == []


# 第六条: “应当制定……跟踪反馈工作方案，明确……责任机构和责任人员、时间节点、方法步骤”.
NEW_PROJECT = decision("project", "2024-02-01", None)


def test_6_no_plan_thirty_days_after_effective_from(tmp_path):
    """30 days is a local setting: 第六条 says 应当制定 and sets no time."""
    assert levels(findings(tmp_path, NEW_PROJECT, "2024-03-01"), "ordos-2024/6") == []
    found = findings(tmp_path, NEW_PROJECT, "2024-03-02")
    assert levels(found, "ordos-2024/6") == [("must", "2024-03-02", "2024-05-31")]
    assert message(found, "ordos-2024/6") == (
        "施行已满30日，尚未制定跟踪反馈工作方案；工作方案应当明确责任机构和责任人员、时间节点、方法步骤（第六条）"
        "（按本地设定：制定方案期限30日、办理期限90日）")
    assert levels(findings(tmp_path, NEW_PROJECT, "2024-03-03"), "ordos-2024/6") == [("must", "2024-03-02", "2024-05-31")]
    assert levels(findings(tmp_path, NEW_PROJECT, "2024-06-01"), "ordos-2024/6") == [("overdue", "2024-03-02", "2024-05-31")]


def test_6_a_plan_counts_from_its_created_on(tmp_path):
    files = {**NEW_PROJECT, **plan("2024-04-01", "2022-001")}
    assert levels(findings(tmp_path, files, "2024-03-31"), "ordos-2024/6") == [("must", "2024-03-02", "2024-05-31")]
    assert levels(findings(tmp_path, files, "2024-04-01"), "ordos-2024/6") == []
    assert levels(findings(tmp_path, files, "2024-04-02"), "ordos-2024/6") == []


def test_6_a_plan_without_created_on_counts_from_effective_from(tmp_path):
    files = {**NEW_PROJECT, "decisions/2022-001/plan.toml": PLAN["decisions/2022-001/plan.toml"].replace(
        "created_on = 2021-12-01\n", "")}
    assert levels(findings(tmp_path, files, "2024-03-02"), "ordos-2024/6") == []


def test_6_a_plan_lacking_people_milestones_or_methods_does_not_answer(tmp_path):
    bare = {**NEW_PROJECT, "decisions/2022-001/plan.toml": 'responsible_unit = "规划科"\ncreated_on = 2024-02-10\n'}
    found = findings(tmp_path, bare, "2024-03-02")
    assert levels(found, "ordos-2024/6") == [("must", "2024-03-02", "2024-05-31")]
    assert message(found, "ordos-2024/6").startswith("施行已满30日，跟踪反馈工作方案未明确责任人员、时间节点、方法步骤；")
    assert levels(findings(tmp_path, bare, "2024-03-01"), "ordos-2024/6") == []
    steps_only = {**NEW_PROJECT, "decisions/2022-001/plan.toml": (
        'responsible_unit = "规划科"\ncreated_on = 2024-02-10\nsteps = "每季度实地调查"\n'
        '[[people]]\nname = "王某"\n[[milestones]]\nid = "m1"\ndue = 2030-01-01\n')}
    assert levels(findings(tmp_path, steps_only, "2024-03-02"), "ordos-2024/6") == []


def milestone_plan(extra: str = "", due: str = "2024-06-30") -> dict[str, str]:
    text = PLAN["decisions/2022-001/plan.toml"] + f'[[milestones]]\nid = "m2"\ntitle = "中期调查"\ndue = {due}\n{extra}'
    return {**decision("plan", "2022-01-01", "2026-12-31"), "decisions/2022-001/plan.toml": text}


def test_6_milestone_due_soon_then_overdue_then_done(tmp_path):
    """第六条 “如期完成”: due-soon 30 days before, overdue the day after, gone once done."""
    files = milestone_plan()
    rule = "ordos-2024/6.milestone"
    assert levels(findings(tmp_path, files, "2024-05-30"), rule) == []
    assert levels(findings(tmp_path, files, "2024-05-31"), rule) == [("due-soon", "2024-05-31", "2024-06-30")]
    assert levels(findings(tmp_path, files, "2024-06-30"), rule) == [("due-soon", "2024-05-31", "2024-06-30")]
    found = findings(tmp_path, files, "2024-07-01")
    assert levels(found, rule) == [("overdue", "2024-07-01", "2024-06-30")]
    assert message(found, rule) == "跟踪反馈工作方案的时间节点 m2“中期调查”应于 2024-06-30 完成（第六条“如期完成”）"
    done = milestone_plan("done_on = 2024-07-02\n")
    assert levels(findings(tmp_path, done, "2024-07-01"), rule) == [("overdue", "2024-07-01", "2024-06-30")]
    assert levels(findings(tmp_path, done, "2024-07-02"), rule) == []


def test_6_milestone_moved_is_judged_by_the_due_date_in_force_that_day(tmp_path):
    moved = milestone_plan('[[milestones.moves]]\nfrom = 2024-06-30\nto = 2024-09-30\non = 2024-06-15\nreason = "汛期"\n',
                           due="2024-09-30")
    rule = "ordos-2024/6.milestone"
    assert levels(findings(tmp_path, moved, "2024-06-14"), rule) == [("due-soon", "2024-05-31", "2024-06-30")]
    assert levels(findings(tmp_path, moved, "2024-06-15"), rule) == []
    assert levels(findings(tmp_path, moved, "2024-07-01"), rule) == []
    assert levels(findings(tmp_path, moved, "2024-10-01"), rule) == [("overdue", "2024-10-01", "2024-09-30")]


# 第六、八条: reports on the cadence the plan fixed.
def test_8_progress_report_on_the_plans_cadence(tmp_path):
    text = PLAN["decisions/2022-001/plan.toml"].replace("[[people]]", "progress_report_every_months = 6\n[[people]]")
    report = "+++\nperiod = \"2024-H1\"\nsubmitted_on = 2024-01-31\n+++\n"
    files = {**decision(), "decisions/2022-001/plan.toml": text, "decisions/2022-001/progress/2024-H1.md": report}
    assert levels(findings(tmp_path, files, "2024-06-30"), "ordos-2024/8") == []
    assert levels(findings(tmp_path, files, "2024-07-01"), "ordos-2024/8") == [("due-soon", "2024-07-01", "2024-07-31")]
    assert levels(findings(tmp_path, files, "2024-07-31"), "ordos-2024/8") == [("due-soon", "2024-07-01", "2024-07-31")]
    assert levels(findings(tmp_path, files, "2024-08-01"), "ordos-2024/8") == [("overdue", "2024-08-01", "2024-07-31")]


# 第九条: 存在问题、客观情况发生重大变化、不可抗力 “应当及时向市人民政府报告” — 及时 read as 7 days.
@pytest.mark.parametrize("kind", ["problem", "basis-changed", "force-majeure"])
def test_9_unreported_event_overdue_after_seven_days(tmp_path, kind):
    files = {**PLAN_2022, **event(kind, "2024-04-01")}
    assert levels(findings(tmp_path, files, "2024-04-08"), "ordos-2024/9") == []
    found = findings(tmp_path, files, "2024-04-09")
    assert levels(found, "ordos-2024/9") == [("overdue", "2024-04-09", "2024-04-08")]
    assert message(found, "ordos-2024/9").endswith("（第九条）（按本地设定：报告期限7日）")
    assert next(f for f in found if f.rule == "ordos-2024/9").settings == {"event_report_days": 7}
    assert levels(findings(tmp_path, files, "2024-04-10"), "ordos-2024/9") == [("overdue", "2024-04-09", "2024-04-08")]


def test_9_a_report_counts_from_its_reported_on(tmp_path):
    files = {**PLAN_2022, **event("problem", "2024-04-01", extra="reported_on = 2024-04-10\n")}
    assert levels(findings(tmp_path, files, "2024-04-09"), "ordos-2024/9") == [("overdue", "2024-04-09", "2024-04-08")]
    assert levels(findings(tmp_path, files, "2024-04-10"), "ordos-2024/9") == []


@pytest.mark.parametrize("kind", ["controversy", "below-target", "evaluation-requested"])
def test_9_only_what_the_article_names(tmp_path, kind):
    """第九条 names 存在问题、客观情况发生重大变化、不可抗力: not controversy, not below-target."""
    files = {**PLAN_2022, **event(kind, "2024-04-01")}
    assert levels(findings(tmp_path, files, "2024-05-01"), "ordos-2024/9") == []


# 第十条第二款: “应当在规定时间内……完成督查结论中要求整改的事项，并报市人民政府审核”.
INSPECTION = ('conducted_on = 2024-05-10\nmethod = "onsite"\n[[rectifications]]\nid = "r1"\n'
              'item = "补齐台账"\ndue = 2024-08-31\n')


def inspection(extra="", head=""):
    return {"decisions/2022-001/inspections/20240510-onsite-0001.toml": head + INSPECTION + extra}


def test_10_rectification_due_soon_overdue_done(tmp_path):
    files = {**PLAN_2022, **inspection()}
    assert levels(findings(tmp_path, files, "2024-07-31"), "ordos-2024/10") == []
    assert levels(findings(tmp_path, files, "2024-08-01"), "ordos-2024/10") == [("due-soon", "2024-08-01", "2024-08-31")]
    found = findings(tmp_path, files, "2024-09-01")
    assert levels(found, "ordos-2024/10") == [("overdue", "2024-09-01", "2024-08-31")]
    assert next(f.article for f in found if f.rule == "ordos-2024/10") == "第十条第二款"
    done = {**PLAN_2022, **inspection("done_on = 2024-09-02\nreviewed_on = 2024-09-03\n")}
    assert levels(findings(tmp_path, done, "2024-09-01"), "ordos-2024/10") == [("overdue", "2024-09-01", "2024-08-31")]
    assert levels(findings(tmp_path, done, "2024-09-02"), "ordos-2024/10") == []


def test_10_a_withdrawn_inspection_stops_triggering(tmp_path):
    files = {**PLAN_2022, **inspection(head='withdrawn_on = 2024-09-05\nwithdrawn_reason = "重复录入"\n')}
    assert levels(findings(tmp_path, files, "2024-09-04"), "ordos-2024/10") == [("overdue", "2024-09-01", "2024-08-31")]
    assert levels(findings(tmp_path, files, "2024-09-05"), "ordos-2024/10") == []
    assert levels(findings(tmp_path, files, "2024-09-06"), "ordos-2024/10") == []


def test_10_review_a_completed_item_must_be_reported_for_review(tmp_path):
    """第十条第二款 “并报市人民政府审核”."""
    files = {**PLAN_2022, **inspection("done_on = 2024-08-20\nreviewed_on = 2024-09-05\n")}
    rule = "ordos-2024/10.review"
    assert levels(findings(tmp_path, files, "2024-08-19"), rule) == []
    assert levels(findings(tmp_path, files, "2024-08-20"), rule) == [("must", "2024-08-20", "2024-11-18")]
    assert levels(findings(tmp_path, files, "2024-09-04"), rule) == [("must", "2024-08-20", "2024-11-18")]
    assert levels(findings(tmp_path, files, "2024-09-05"), rule) == []


# 第十九条: 调查研究结束后“一个月内形成书面评估报告并提交市人民政府”.
def test_19_report_due_one_calendar_month_after_research(tmp_path):
    files = {**PLAN_2022, **evaluation("ordos-2024/12.3", "2024-07-02", extra="research_completed_on = 2024-10-31")}
    assert levels(findings(tmp_path, files, "2024-10-30"), "ordos-2024/19") == []
    assert levels(findings(tmp_path, files, "2024-10-31"), "ordos-2024/19") == [("due-soon", "2024-10-31", "2024-11-30")]
    assert levels(findings(tmp_path, files, "2024-11-30"), "ordos-2024/19") == [("due-soon", "2024-10-31", "2024-11-30")]
    found = findings(tmp_path, files, "2024-12-01")
    assert levels(found, "ordos-2024/19") == [("overdue", "2024-12-01", "2024-11-30")]
    assert next(f for f in found if f.rule == "ordos-2024/19").settings == {}  # 一个月 is the statute's
    submitted = files | evaluation("ordos-2024/12.3", "2024-07-02",
                                   extra="research_completed_on = 2024-10-31\nsubmitted_on = 2024-12-05")
    assert levels(findings(tmp_path, submitted, "2024-12-04"), "ordos-2024/19") == [("overdue", "2024-12-01", "2024-11-30")]
    assert levels(findings(tmp_path, submitted, "2024-12-05"), "ordos-2024/19") == []


# 第十四条第（三）项: a commissioned report “应当经决策承办单位审查验收并予以确认” — before it is submitted.
COMMISSIONED = 'commissioned_to = "某咨询公司"\nsubmitted_on = 2024-03-01\n'


def test_14_3_commissioned_report_submitted_without_acceptance(tmp_path):
    files = {**PLAN_2022, **evaluation("ordos-2024/11.5", "2024-01-10", extra=COMMISSIONED)}
    assert levels(findings(tmp_path, files, "2024-02-29"), "ordos-2024/14.3") == []
    found = findings(tmp_path, files, "2024-03-01")
    assert levels(found, "ordos-2024/14.3") == [("must", "2024-03-01", "2024-05-30")]
    assert "尚未经审查验收" in message(found, "ordos-2024/14.3")
    assert levels(findings(tmp_path, files, "2024-03-02"), "ordos-2024/14.3") == [("must", "2024-03-01", "2024-05-30")]


def test_14_3_acceptance_after_submission_is_a_finding(tmp_path):
    """第十四条第（三）项: acceptance recorded after the report was submitted breaks the order of steps."""
    files = {**PLAN_2022, **evaluation("ordos-2024/11.5", "2024-01-10", extra=COMMISSIONED + "accepted_on = 2024-03-05\n")}
    assert "尚未经审查验收" in message(findings(tmp_path, files, "2024-03-04"), "ordos-2024/14.3")
    found = findings(tmp_path, files, "2024-03-05")
    assert levels(found, "ordos-2024/14.3") == [("must", "2024-03-01", "2024-05-30")]
    assert "审查验收（2024-03-05）晚于该日" in message(found, "ordos-2024/14.3")


def test_14_3_answered_by_acceptance_before_or_on_submission_and_not_for_own_evaluations(tmp_path):
    for accepted in ("2024-02-25", "2024-03-01"):
        files = {**PLAN_2022, **evaluation("ordos-2024/11.5", "2024-01-10", extra=COMMISSIONED + f"accepted_on = {accepted}\n")}
        assert levels(findings(tmp_path, files, "2024-03-02"), "ordos-2024/14.3") == []
    own = {**PLAN_2022, **evaluation("ordos-2024/11.5", "2024-01-10", extra="submitted_on = 2024-03-01\n")}
    assert levels(findings(tmp_path, own, "2024-03-02"), "ordos-2024/14.3") == []


# 第二十条第三款: “作出停止执行或者修改决策的决定后，决策承办单位应当及时落实”.
def decided(outcome, status=""):
    stages = f'submitted_on = 2024-03-01\ndecided_on = 2024-04-01\noutcome = "{outcome}"'
    return {**decision("plan", "2022-01-01", "2026-12-31", status), **PLAN,
            **evaluation("ordos-2024/11.5", "2024-01-10", extra=stages)}


@pytest.mark.parametrize("outcome, label", [("adjust", "调整"), ("terminate", "终止执行")])
def test_20_a_decision_to_stop_or_amend_must_be_carried_out(tmp_path, outcome, label):
    files = decided(outcome)
    assert levels(findings(tmp_path, files, "2024-03-31"), "ordos-2024/20") == []
    found = findings(tmp_path, files, "2024-04-01")
    assert levels(found, "ordos-2024/20") == [("must", "2024-04-01", "2024-06-30")]
    assert f"决定“{label}”" in message(found, "ordos-2024/20")
    assert levels(findings(tmp_path, files, "2024-04-02"), "ordos-2024/20") == [("must", "2024-04-01", "2024-06-30")]


@pytest.mark.parametrize("outcome", ["suspend", "continue"])
def test_20_not_for_suspension_or_continuation(tmp_path, outcome):
    """第二十条 speaks of 停止执行 or 修改 only: 中止 and 继续 need no follow-up."""
    assert levels(findings(tmp_path, decided(outcome), "2024-04-02"), "ordos-2024/20") == []


def test_20_answered_from_the_day_the_status_changed(tmp_path):
    files = decided("adjust", 'status = "amended"\nstatus_since = 2024-05-01\n')
    assert levels(findings(tmp_path, files, "2024-04-30"), "ordos-2024/20") == [("must", "2024-04-01", "2024-06-30")]
    assert levels(findings(tmp_path, files, "2024-05-01"), "ordos-2024/20") == []
    assert levels(findings(tmp_path, files, "2024-05-02"), "ordos-2024/20") == []


def test_findings_sorted_by_level_decision_rule(tmp_path):
    files = {**decision("plan", "2021-01-01", "2025-12-31"),
             **decision("reform", "2021-01-01", "2025-12-31", id="2022-002")}
    found = findings(tmp_path, files, "2024-05-01")
    keys = [(f.level, f.decision, f.rule) for f in found]
    assert keys == [
        ("overdue", "2022-001", "ordos-2024/6"),
        ("overdue", "2022-001", "ordos-2024/12.3"),
        ("overdue", "2022-002", "ordos-2024/6"),
        ("overdue", "2022-002", "ordos-2024/12.2"),
        ("overdue", "2022-002", "ordos-2024/12.3"),
    ]
