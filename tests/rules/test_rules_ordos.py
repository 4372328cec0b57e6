"""Every rule of ordos-2024 at its boundaries: the day before, the day it fires, answered, overdue."""

from __future__ import annotations

from datetime import date

import pytest
from tests.helpers import decision_toml, workspace

from decisiontrack.profiles import read_profile
from decisiontrack.rules.engine import check_workspace
from decisiontrack.store.loader import load_workspace

PLAN_2021 = decision_toml("2022-001", "plan", "2021-01-01", "2025-12-31")


def findings(tmp_path, files, as_of, profile="ordos-2024", parameters=None):
    root = workspace(tmp_path, files, profile)
    ws = load_workspace(root)
    assert ws.errors == []
    prof = read_profile(profile, root, parameters)
    return check_workspace(ws, prof, date.fromisoformat(as_of))


def levels(found, rule):
    return [(f.level, str(f.since), str(f.due) if f.due else None) for f in found if f.rule == rule]


def evaluation(rule, started_on, eval_id="e1", kind="mid-term", extra=""):
    return {f"decisions/2022-001/evaluations/{eval_id}/evaluation.toml": f"""\
        id = "{eval_id}"
        kind = "{kind}"
        addresses = ["{rule}"]
        started_on = {started_on}
        {extra}
        """}


PLAN = {"decisions/2022-001/plan.toml": 'responsible_unit = "规划科"\n'}


# 第十二条第（三）项 — the example of the issue: fires on 2023-07-03, not on 2023-07-02.
def test_12_3_mid_term_fires_when_more_than_half_elapsed(tmp_path):
    files = {"decisions/2022-001/decision.toml": PLAN_2021, **PLAN}
    assert levels(findings(tmp_path, files, "2023-07-02"), "ordos-2024/12.3") == []
    found = findings(tmp_path, files, "2023-07-03")
    assert levels(found, "ordos-2024/12.3") == [("must", "2023-07-03", "2023-10-01")]
    finding = next(f for f in found if f.rule == "ordos-2024/12.3")
    assert finding.article == "第十二条第（三）项"
    assert "第十二条第（三）项" in finding.message


def test_12_3_overdue_after_grace_days_and_answered_by_evaluation(tmp_path):
    files = {"decisions/2022-001/decision.toml": PLAN_2021, **PLAN}
    assert levels(findings(tmp_path, files, "2023-10-01"), "ordos-2024/12.3") == [("must", "2023-07-03", "2023-10-01")]
    assert levels(findings(tmp_path, files, "2023-10-02"), "ordos-2024/12.3") == [("overdue", "2023-07-03", "2023-10-01")]
    answered = {**files, **evaluation("ordos-2024/12.3", "2023-07-03")}
    assert levels(findings(tmp_path, answered, "2023-10-02"), "ordos-2024/12.3") == []


def test_12_3_not_answered_by_evaluation_started_before_it_fired(tmp_path):
    files = {"decisions/2022-001/decision.toml": PLAN_2021, **PLAN, **evaluation("ordos-2024/12.3", "2023-07-02")}
    assert levels(findings(tmp_path, files, "2023-07-03"), "ordos-2024/12.3") == [("must", "2023-07-03", "2023-10-01")]


def test_12_3_fires_earlier_when_progress_report_states_more_than_half(tmp_path):
    report = "+++\nperiod = \"2022-H2\"\nsubmitted_on = 2022-12-20\nprogress_percent = 55\n+++\n"
    files = {"decisions/2022-001/decision.toml": PLAN_2021, **PLAN,
             "decisions/2022-001/progress/2022-H2.md": report}
    assert levels(findings(tmp_path, files, "2022-12-20"), "ordos-2024/12.3") == [("must", "2022-12-20", "2023-03-20")]
    at_half = files | {"decisions/2022-001/progress/2022-H2.md": report.replace("55", "50")}
    assert levels(findings(tmp_path, at_half, "2022-12-20"), "ordos-2024/12.3") == []


def test_12_3_and_12_4_need_five_years(tmp_path):
    short = decision_toml("2022-001", "plan", "2021-01-01", "2025-12-30")
    files = {"decisions/2022-001/decision.toml": short, **PLAN}
    found = findings(tmp_path, files, "2026-06-01")
    assert levels(found, "ordos-2024/12.3") == []
    assert levels(found, "ordos-2024/12.4") == []


def test_12_3_ignores_projects(tmp_path):
    files = {"decisions/2022-001/decision.toml": decision_toml("2022-001", "project", "2021-01-01", "2025-12-31"), **PLAN}
    assert levels(findings(tmp_path, files, "2024-01-01"), "ordos-2024/12.3") == []


# 第十二条第（四）项: final evaluation from the day after effective_until.
def test_12_4_final_evaluation_from_day_after_end(tmp_path):
    files = {"decisions/2022-001/decision.toml": PLAN_2021, **PLAN,
             **evaluation("ordos-2024/12.3", "2023-07-10")}
    assert levels(findings(tmp_path, files, "2025-12-31"), "ordos-2024/12.4") == []
    assert levels(findings(tmp_path, files, "2026-01-01"), "ordos-2024/12.4") == [("must", "2026-01-01", "2026-04-01")]
    assert levels(findings(tmp_path, files, "2026-04-02"), "ordos-2024/12.4") == [("overdue", "2026-01-01", "2026-04-01")]
    answered = files | evaluation("ordos-2024/12.4", "2026-02-01", "e2", "final")
    assert levels(findings(tmp_path, answered, "2026-04-02"), "ordos-2024/12.4") == []


# 第十二条第（二）项: reform, broad impact or public concern, on the first anniversary.
@pytest.mark.parametrize("category, extra", [("reform", ""), ("policy", "broad_impact = true\n"),
                                             ("policy", "public_concern = true\n")])
def test_12_2_first_anniversary(tmp_path, category, extra):
    text = decision_toml("2022-001", category, "2023-07-01", None, extra)
    files = {"decisions/2022-001/decision.toml": text, **PLAN}
    assert levels(findings(tmp_path, files, "2024-06-30"), "ordos-2024/12.2") == []
    assert levels(findings(tmp_path, files, "2024-07-01"), "ordos-2024/12.2") == [("must", "2024-07-01", "2024-09-29")]
    assert levels(findings(tmp_path, files, "2024-09-30"), "ordos-2024/12.2") == [("overdue", "2024-07-01", "2024-09-29")]
    answered = files | evaluation("ordos-2024/12.2", "2024-08-01", kind="special")
    assert levels(findings(tmp_path, answered, "2024-09-30"), "ordos-2024/12.2") == []


def test_12_2_not_for_an_ordinary_policy(tmp_path):
    files = {"decisions/2022-001/decision.toml": decision_toml("2022-001", "policy", "2023-07-01", None), **PLAN}
    assert levels(findings(tmp_path, files, "2024-07-01"), "ordos-2024/12.2") == []


def event(kind, occurred_on, name="20240401-x-0001", extra=""):
    return {f"decisions/2022-001/events/{name}.toml": f'kind = "{kind}"\noccurred_on = {occurred_on}\n{extra}'}


# 第十二条第（一）项: controversy, risk or disagreement.
@pytest.mark.parametrize("kind", ["controversy", "major-risk", "major-disagreement"])
def test_12_1_controversy_risk_disagreement(tmp_path, kind):
    files = {"decisions/2022-001/decision.toml": PLAN_2021, **PLAN, **event(kind, "2024-04-01")}
    assert levels(findings(tmp_path, files, "2024-03-31"), "ordos-2024/12.1") == []
    assert levels(findings(tmp_path, files, "2024-04-01"), "ordos-2024/12.1") == [("must", "2024-04-01", "2024-06-30")]
    assert levels(findings(tmp_path, files, "2024-07-01"), "ordos-2024/12.1") == [("overdue", "2024-04-01", "2024-06-30")]
    answered = files | evaluation("ordos-2024/12.1", "2024-04-15", kind="special")
    assert levels(findings(tmp_path, answered, "2024-07-01"), "ordos-2024/12.1") == []


# 第十一条第（一）（二）（四）（五）项: events that allow an evaluation.
@pytest.mark.parametrize("rule, kind", [("11.1", "basis-changed"), ("11.2", "below-target"),
                                        ("11.4", "evaluation-requested"), ("11.5", "deemed-necessary")])
def test_11_events_allow_an_evaluation(tmp_path, rule, kind):
    files = {"decisions/2022-001/decision.toml": PLAN_2021, **PLAN,
             **event(kind, "2024-04-01", extra="reported_on = 2024-04-02\n")}
    rule_id = f"ordos-2024/{rule}"
    assert levels(findings(tmp_path, files, "2024-03-31"), rule_id) == []
    assert levels(findings(tmp_path, files, "2024-04-01"), rule_id) == [("may", "2024-04-01", None)]
    assert levels(findings(tmp_path, files, "2025-04-01"), rule_id) == [("may", "2024-04-01", None)]
    answered = files | evaluation(rule_id, "2024-05-01", kind="special")
    assert levels(findings(tmp_path, answered, "2025-04-01"), rule_id) == []


def test_11_2_when_latest_progress_report_is_off_track(tmp_path):
    report = "+++\nperiod = \"2024-H1\"\nsubmitted_on = 2024-07-05\non_track = false\n+++\n"
    files = {"decisions/2022-001/decision.toml": PLAN_2021, **PLAN,
             "decisions/2022-001/progress/2024-H1.md": report}
    assert levels(findings(tmp_path, files, "2024-07-04"), "ordos-2024/11.2") == []
    assert levels(findings(tmp_path, files, "2024-07-05"), "ordos-2024/11.2") == [("may", "2024-07-05", None)]
    later = files | {"decisions/2022-001/progress/2024-H2.md": report.replace("2024-H1", "2024-H2")
                     .replace("2024-07-05", "2025-01-05").replace("false", "true")}
    assert levels(findings(tmp_path, later, "2025-01-05"), "ordos-2024/11.2") == []


# 第十一条第（三）项: at least opinion_threshold opinions in the last 365 days.
def opinions(count, first="2024-01-01"):
    start = date.fromisoformat(first)
    files = {}
    for index in range(count):
        day = date.fromordinal(start.toordinal() + index)
        files[f"decisions/2022-001/feedback/{day:%Y%m%d}-letter-{index:04x}.toml"] = (
            f'received_on = {day}\nchannel = "letter"\nstance = "oppose"\n')
    return files


def test_11_3_opinion_volume_threshold_and_window(tmp_path):
    files = {"decisions/2022-001/decision.toml": PLAN_2021, **PLAN, **opinions(20)}
    assert levels(findings(tmp_path, files, "2024-01-19"), "ordos-2024/11.3") == []
    assert levels(findings(tmp_path, files, "2024-01-20"), "ordos-2024/11.3") == [("may", "2024-01-20", None)]
    # 365 days later the first opinion leaves the window: 19 remain.
    assert levels(findings(tmp_path, files, "2024-12-30"), "ordos-2024/11.3") == [("may", "2024-01-20", None)]
    assert levels(findings(tmp_path, files, "2024-12-31"), "ordos-2024/11.3") == []


def test_11_3_threshold_overridden_by_workspace_parameters(tmp_path):
    files = {"decisions/2022-001/decision.toml": PLAN_2021, **PLAN, **opinions(5)}
    found = findings(tmp_path, files, "2024-01-05", parameters={"opinion_threshold": 5})
    assert levels(found, "ordos-2024/11.3") == [("may", "2024-01-05", None)]
    assert "达到5条" in next(f.message for f in found if f.rule == "ordos-2024/11.3")


# 第六条: a plan within 30 days; milestones kept.
def test_6_missing_plan_thirty_days_after_effective_from(tmp_path):
    files = {"decisions/2022-001/decision.toml": decision_toml("2022-001", "project", "2024-01-01", None)}
    assert levels(findings(tmp_path, files, "2024-01-30"), "ordos-2024/6") == []
    assert levels(findings(tmp_path, files, "2024-01-31"), "ordos-2024/6") == [("must", "2024-01-31", "2024-04-30")]
    assert levels(findings(tmp_path, files, "2024-05-01"), "ordos-2024/6") == [("overdue", "2024-01-31", "2024-04-30")]
    with_plan = files | PLAN
    assert levels(findings(tmp_path, with_plan, "2024-05-01"), "ordos-2024/6") == []


def test_6_milestone_due_soon_then_overdue_then_done(tmp_path):
    plan = 'responsible_unit = "规划科"\n[[milestones]]\nid = "m1"\ntitle = "年度调查"\ndue = 2024-06-30\n'
    files = {"decisions/2022-001/decision.toml": PLAN_2021, "decisions/2022-001/plan.toml": plan}
    assert levels(findings(tmp_path, files, "2024-05-30"), "ordos-2024/6.milestone") == []
    assert levels(findings(tmp_path, files, "2024-05-31"), "ordos-2024/6.milestone") == [("due-soon", "2024-05-31", "2024-06-30")]
    assert levels(findings(tmp_path, files, "2024-06-30"), "ordos-2024/6.milestone") == [("due-soon", "2024-05-31", "2024-06-30")]
    found = findings(tmp_path, files, "2024-07-01")
    assert levels(found, "ordos-2024/6.milestone") == [("overdue", "2024-07-01", "2024-06-30")]
    assert next(f.message for f in found if f.rule == "ordos-2024/6.milestone") == (
        "跟踪反馈工作方案的时间节点 m1“年度调查”应于 2024-06-30 完成（第六条“如期完成”）")
    done = files | {"decisions/2022-001/plan.toml": plan + "done_on = 2024-07-02\n"}
    assert levels(findings(tmp_path, done, "2024-07-10"), "ordos-2024/6.milestone") == []


# 第八条: the cadence of progress reports.
def test_8_progress_report_cadence(tmp_path):
    plan = 'responsible_unit = "规划科"\nprogress_report_every_months = 6\n'
    report = "+++\nperiod = \"2024-H1\"\nsubmitted_on = 2024-01-31\n+++\n"
    files = {"decisions/2022-001/decision.toml": PLAN_2021, "decisions/2022-001/plan.toml": plan,
             "decisions/2022-001/progress/2024-H1.md": report}
    assert levels(findings(tmp_path, files, "2024-06-30"), "ordos-2024/8") == []
    assert levels(findings(tmp_path, files, "2024-07-01"), "ordos-2024/8") == [("due-soon", "2024-07-01", "2024-07-31")]
    assert levels(findings(tmp_path, files, "2024-08-01"), "ordos-2024/8") == [("overdue", "2024-08-01", "2024-07-31")]


# 第九条: problems reported within 7 days.
@pytest.mark.parametrize("kind", ["basis-changed", "force-majeure", "problem", "below-target"])
def test_9_unreported_event_overdue_after_seven_days(tmp_path, kind):
    files = {"decisions/2022-001/decision.toml": PLAN_2021, **PLAN, **event(kind, "2024-04-01")}
    assert levels(findings(tmp_path, files, "2024-04-08"), "ordos-2024/9") == []
    assert levels(findings(tmp_path, files, "2024-04-09"), "ordos-2024/9") == [("overdue", "2024-04-09", "2024-04-08")]
    reported = files | event(kind, "2024-04-01", extra="reported_on = 2024-04-10\n")
    assert levels(findings(tmp_path, reported, "2024-04-20"), "ordos-2024/9") == []


def test_9_not_for_controversy(tmp_path):
    files = {"decisions/2022-001/decision.toml": PLAN_2021, **PLAN, **event("controversy", "2024-04-01")}
    assert levels(findings(tmp_path, files, "2024-05-01"), "ordos-2024/9") == []


# 第十条: rectification items.
def test_10_rectification_due_soon_overdue_done(tmp_path):
    inspection = ('conducted_on = 2024-05-10\nmethod = "onsite"\n[[rectifications]]\nid = "r1"\n'
                  'item = "补齐台账"\ndue = 2024-08-31\n')
    files = {"decisions/2022-001/decision.toml": PLAN_2021, **PLAN,
             "decisions/2022-001/inspections/20240510-onsite-0001.toml": inspection}
    assert levels(findings(tmp_path, files, "2024-07-31"), "ordos-2024/10") == []
    assert levels(findings(tmp_path, files, "2024-08-01"), "ordos-2024/10") == [("due-soon", "2024-08-01", "2024-08-31")]
    found = findings(tmp_path, files, "2024-09-01")
    assert levels(found, "ordos-2024/10") == [("overdue", "2024-09-01", "2024-08-31")]
    assert "第十条第二款" in next(f.message for f in found if f.rule == "ordos-2024/10")
    done = files | {"decisions/2022-001/inspections/20240510-onsite-0001.toml": inspection + "done_on = 2024-08-20\n"}
    assert levels(findings(tmp_path, done, "2024-09-01"), "ordos-2024/10") == []


# 第十九条: one calendar month after research completed.
def test_19_report_due_one_calendar_month_after_research(tmp_path):
    files = {"decisions/2022-001/decision.toml": PLAN_2021, **PLAN,
             **evaluation("ordos-2024/12.3", "2024-01-02", extra="research_completed_on = 2024-01-31")}
    assert levels(findings(tmp_path, files, "2024-01-29"), "ordos-2024/19") == []
    assert levels(findings(tmp_path, files, "2024-01-30"), "ordos-2024/19") == [("due-soon", "2024-01-30", "2024-02-29")]
    assert levels(findings(tmp_path, files, "2024-02-29"), "ordos-2024/19") == [("due-soon", "2024-01-30", "2024-02-29")]
    assert levels(findings(tmp_path, files, "2024-03-01"), "ordos-2024/19") == [("overdue", "2024-03-01", "2024-02-29")]
    submitted = files | evaluation("ordos-2024/12.3", "2024-01-02",
                                   extra="research_completed_on = 2024-01-31\nsubmitted_on = 2024-03-05")
    assert levels(findings(tmp_path, submitted, "2024-03-10"), "ordos-2024/19") == []


# 第十四条第（三）项: a commissioned report must be accepted.
def test_14_3_commissioned_report_needs_acceptance(tmp_path):
    stages = 'commissioned_to = "某咨询公司"\nsubmitted_on = 2024-03-01'
    files = {"decisions/2022-001/decision.toml": PLAN_2021, **PLAN,
             **evaluation("ordos-2024/12.3", "2024-01-02", extra=stages)}
    assert levels(findings(tmp_path, files, "2024-03-01"), "ordos-2024/14.3") == [("must", "2024-03-01", "2024-05-30")]
    accepted = files | evaluation("ordos-2024/12.3", "2024-01-02", extra=stages + "\naccepted_on = 2024-02-25")
    assert levels(findings(tmp_path, accepted, "2024-03-01"), "ordos-2024/14.3") == []
    own = files | evaluation("ordos-2024/12.3", "2024-01-02", extra="submitted_on = 2024-03-01")
    assert levels(findings(tmp_path, own, "2024-03-01"), "ordos-2024/14.3") == []


# 第二十条: an outcome that changes the decision must be carried out.
@pytest.mark.parametrize("outcome, fires", [("adjust", True), ("suspend", True), ("terminate", True),
                                            ("continue", False)])
def test_20_outcome_carried_out(tmp_path, outcome, fires):
    stages = f'submitted_on = 2024-03-01\ndecided_on = 2024-04-01\noutcome = "{outcome}"'
    files = {"decisions/2022-001/decision.toml": PLAN_2021, **PLAN,
             **evaluation("ordos-2024/12.3", "2024-01-02", extra=stages)}
    expected = [("must", "2024-04-01", "2024-06-30")] if fires else []
    found = findings(tmp_path, files, "2024-04-01")
    assert levels(found, "ordos-2024/20") == expected
    labels = {"adjust": "调整", "suspend": "中止执行", "terminate": "终止执行"}
    if fires:
        assert f"决定“{labels[outcome]}”" in next(f.message for f in found if f.rule == "ordos-2024/20")
    amended = files | {"decisions/2022-001/decision.toml": PLAN_2021 + 'status = "amended"\n'}
    assert levels(findings(tmp_path, amended, "2024-04-01"), "ordos-2024/20") == []


def test_findings_sorted_by_level_decision_rule(tmp_path):
    files = {"decisions/2022-001/decision.toml": PLAN_2021,
             "decisions/2022-002/decision.toml": decision_toml("2022-002", "reform", "2021-01-01", "2025-12-31")}
    found = findings(tmp_path, files, "2024-01-01")
    keys = [(f.level, f.decision, f.rule) for f in found]
    assert keys == [
        ("overdue", "2022-001", "ordos-2024/6"),
        ("overdue", "2022-001", "ordos-2024/12.3"),
        ("overdue", "2022-002", "ordos-2024/6"),
        ("overdue", "2022-002", "ordos-2024/12.2"),
        ("overdue", "2022-002", "ordos-2024/12.3"),
    ]
