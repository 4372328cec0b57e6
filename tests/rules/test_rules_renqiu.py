"""Every rule of renqiu-2023 at its date boundaries, and no duty its articles do not impose.

The 办法 took effect on 2023-07-31 (第三十六条 “本办法自印发之日起施行”, 印发 2023-07-31).
"""

from __future__ import annotations

import pytest
from tests.rules.rule_helpers import decision, evaluation, event, findings, levels, message, opinions

NORMATIVE = decision("normative", "2021-01-01", "2025-12-31")
CONTINUED = decision("normative", "2021-01-01", "2025-12-31", "continue_intended = true\n")


def renqiu(tmp_path, files, as_of, parameters=None):
    return findings(tmp_path, files, as_of, profile="renqiu-2023", parameters=parameters)


# 任丘第六、九、十条 impose no plan-milestone, event-report or rectification duty.
def test_6_9_10_are_not_duties_of_renqiu(tmp_path):
    """任丘第六条 is about objectivity, 第九条 about collecting information, 第十条 about supplying
    materials: none of them sets a milestone, an event report or a rectification deadline."""
    files = {**NORMATIVE,
             "decisions/2022-001/plan.toml": 'responsible_unit = "科"\n[[milestones]]\nid = "m1"\ndue = 2024-06-30\n',
             **event("problem", "2024-04-01"),
             "decisions/2022-001/inspections/20240510-onsite-0001.toml": (
                 'conducted_on = 2024-05-10\nmethod = "onsite"\n[[rectifications]]\nid = "r1"\ndue = 2024-06-01\n')}
    found = renqiu(tmp_path, files, "2024-09-01")
    assert found == []
    from decisiontrack.profiles import read_profile

    ids = {rule.id for rule in read_profile("renqiu-2023").rules}
    assert ids.isdisjoint({"6", "6.milestone", "9", "10"})


# 第十二条第（一）项: 规范性文件“提出较多意见的”，应当进行跟踪反馈、后评估.
def test_12_1_normative_with_many_opinions(tmp_path):
    files = {**NORMATIVE, **opinions(20, "2024-01-01")}
    assert levels(renqiu(tmp_path, files, "2024-01-19"), "renqiu-2023/12.1") == []
    found = renqiu(tmp_path, files, "2024-01-20")
    assert levels(found, "renqiu-2023/12.1") == [("must", "2024-01-20", "2024-04-19")]
    assert next(f.article for f in found if f.rule == "renqiu-2023/12.1") == "第十二条第（一）项"
    assert "按本地设定：较多意见20条、意见统计期间365日、办理期限90日" in message(found, "renqiu-2023/12.1")
    assert levels(renqiu(tmp_path, files, "2024-01-21"), "renqiu-2023/12.1") == [("must", "2024-01-20", "2024-04-19")]
    policy = files | decision("policy", "2021-01-01", "2025-12-31")
    assert levels(renqiu(tmp_path, policy, "2024-01-20"), "renqiu-2023/12.1") == []


# 第十二条第（二）项: 市政府办公室或市司法局认为有必要.
def test_12_2_deemed_necessary(tmp_path):
    files = {**NORMATIVE, **event("deemed-necessary", "2024-04-01", extra='raised_by = "市司法局"\n')}
    assert levels(renqiu(tmp_path, files, "2024-03-31"), "renqiu-2023/12.2") == []
    assert levels(renqiu(tmp_path, files, "2024-04-01"), "renqiu-2023/12.2") == [("must", "2024-04-01", "2024-06-30")]
    assert levels(renqiu(tmp_path, files, "2024-04-02"), "renqiu-2023/12.2") == [("must", "2024-04-01", "2024-06-30")]
    assert levels(renqiu(tmp_path, files, "2024-07-01"), "renqiu-2023/12.2") == [("overdue", "2024-04-01", "2024-06-30")]
    answered = files | evaluation("renqiu-2023/12.2", "2024-05-01", kind="special")
    assert levels(renqiu(tmp_path, answered, "2024-07-01"), "renqiu-2023/12.2") == []


# 第十二条第（三）项: “在有效期届满前6个月，制定机关或实施机关认为需要继续实施的”.
def test_12_3_six_months_before_expiry(tmp_path):
    assert levels(renqiu(tmp_path, CONTINUED, "2025-06-29"), "renqiu-2023/12.3") == []
    found = renqiu(tmp_path, CONTINUED, "2025-06-30")
    assert levels(found, "renqiu-2023/12.3") == [("must", "2025-06-30", "2025-09-28")]
    assert "届满前6个月" in message(found, "renqiu-2023/12.3")
    assert next(f for f in found if f.rule == "renqiu-2023/12.3").settings == {"grace_days": 90}  # 6个月 is the text's
    assert levels(renqiu(tmp_path, CONTINUED, "2025-07-01"), "renqiu-2023/12.3") == [("must", "2025-06-30", "2025-09-28")]
    assert levels(renqiu(tmp_path, NORMATIVE, "2025-07-01"), "renqiu-2023/12.3") == []


def test_12_3_early_credit_an_evaluation_started_up_to_183_days_before_answers(tmp_path):
    """任丘第十二条第（三）项: an evaluation started shortly before the six-month mark is compliance."""
    early = {**CONTINUED, **evaluation("renqiu-2023/12.3", "2024-12-29", kind="special")}
    assert levels(renqiu(tmp_path, early, "2025-06-30"), "renqiu-2023/12.3") == []
    too_early = {**CONTINUED, **evaluation("renqiu-2023/12.3", "2024-12-28", kind="special")}
    assert levels(renqiu(tmp_path, too_early, "2025-06-30"), "renqiu-2023/12.3") == [("must", "2025-06-30", "2025-09-28")]


# 第十三条: “应当制定年度计划” — next year's evaluations shown in the year before.
def test_13_annual_plan_for_next_year(tmp_path):
    assert levels(renqiu(tmp_path, CONTINUED, "2023-12-31"), "renqiu-2023/13") == []
    assert levels(renqiu(tmp_path, CONTINUED, "2024-01-01"), "renqiu-2023/13") == [("info", "2024-01-01", None)]
    found = renqiu(tmp_path, CONTINUED, "2024-11-01")
    assert levels(found, "renqiu-2023/13") == [("info", "2024-01-01", None)]
    assert "2025年" in message(found, "renqiu-2023/13")
    assert levels(renqiu(tmp_path, CONTINUED, "2025-01-01"), "renqiu-2023/13") == []


# 第十八条第二款: 受委托机构“成立的小组和制订的方案应当经委托机关审核同意”.
COMMISSIONED = 'commissioned_to = "某研究院"\n'


def test_18_commissioned_plan_approved_before_the_work_goes_on(tmp_path):
    files = {**NORMATIVE, **evaluation("renqiu-2023/12.2", "2024-02-01",
                                       extra=COMMISSIONED + "research_completed_on = 2024-04-30\n")}
    assert levels(renqiu(tmp_path, files, "2024-04-29"), "renqiu-2023/18") == []
    found = renqiu(tmp_path, files, "2024-04-30")
    assert levels(found, "renqiu-2023/18") == [("must", "2024-04-30", "2024-07-29")]
    assert "尚未经方案审核同意" in message(found, "renqiu-2023/18")
    assert levels(renqiu(tmp_path, files, "2024-05-01"), "renqiu-2023/18") == [("must", "2024-04-30", "2024-07-29")]
    approved = {**NORMATIVE, **evaluation("renqiu-2023/12.2", "2024-02-01", extra=COMMISSIONED
                                          + "plan_approved_on = 2024-02-20\nresearch_completed_on = 2024-04-30\n")}
    assert levels(renqiu(tmp_path, approved, "2024-05-01"), "renqiu-2023/18") == []


def test_18_approval_after_the_research_is_a_finding_and_own_work_needs_none(tmp_path):
    late = {**NORMATIVE, **evaluation("renqiu-2023/12.2", "2024-02-01", extra=COMMISSIONED
                                      + "plan_approved_on = 2024-05-10\nresearch_completed_on = 2024-04-30\n")}
    assert "方案审核同意（2024-05-10）晚于该日" in message(renqiu(tmp_path, late, "2024-05-10"), "renqiu-2023/18")
    own = {**NORMATIVE, **evaluation("renqiu-2023/12.2", "2024-02-01", extra="research_completed_on = 2024-04-30\n")}
    assert levels(renqiu(tmp_path, own, "2024-05-01"), "renqiu-2023/18") == []
    other = {**decision("policy"), **evaluation("renqiu-2023/12.2", "2024-02-01",
                                                extra=COMMISSIONED + "research_completed_on = 2024-04-30\n")}
    assert levels(renqiu(tmp_path, other, "2024-05-01"), "renqiu-2023/18") == []


# 第二十条第（二）项: 组织有关专家对报告进行论证 — before it is submitted; not under 简易程序 (第二十二条).
def test_20_expert_review_of_a_normative_report(tmp_path):
    files = {**NORMATIVE, **evaluation("renqiu-2023/12.1", "2024-01-02",
                                       extra="legality_review_on = 2024-02-25\nsubmitted_on = 2024-03-01")}
    assert levels(renqiu(tmp_path, files, "2024-02-29"), "renqiu-2023/20") == []
    assert levels(renqiu(tmp_path, files, "2024-03-01"), "renqiu-2023/20") == [("must", "2024-03-01", "2024-05-30")]
    assert levels(renqiu(tmp_path, files, "2024-03-02"), "renqiu-2023/20") == [("must", "2024-03-01", "2024-05-30")]
    reviewed = {**NORMATIVE, **evaluation("renqiu-2023/12.1", "2024-01-02", extra=(
        "legality_review_on = 2024-02-25\nsubmitted_on = 2024-03-01\nexpert_review_on = 2024-02-20"))}
    assert levels(renqiu(tmp_path, reviewed, "2024-03-01"), "renqiu-2023/20") == []
    simplified = {**NORMATIVE, **evaluation("renqiu-2023/12.1", "2024-01-02",
                                            extra="submitted_on = 2024-03-01\nsimplified = true")}
    assert levels(renqiu(tmp_path, simplified, "2024-03-01"), "renqiu-2023/20") == []


def test_20_expert_review_after_submission_is_a_finding(tmp_path):
    """第二十条: 论证 comes before the report is 正式形成 and submitted."""
    files = {**NORMATIVE, **evaluation("renqiu-2023/12.1", "2024-01-02", extra=(
        "legality_review_on = 2024-02-25\nsubmitted_on = 2024-03-01\nexpert_review_on = 2024-03-10"))}
    found = renqiu(tmp_path, files, "2024-03-10")
    assert levels(found, "renqiu-2023/20") == [("must", "2024-03-01", "2024-05-30")]
    assert "专家论证（2024-03-10）晚于该日" in message(found, "renqiu-2023/20")


# 第二十四、二十九条: 报告“经合法性审查后，报市政府常务会议审议”.
@pytest.mark.parametrize("category", ["normative", "project"])
def test_24_legality_review_before_submission(tmp_path, category):
    base = decision(category, "2021-01-01", "2025-12-31")
    files = {**base, **evaluation("renqiu-2023/12.1", "2024-01-02",
                                  extra="submitted_on = 2024-03-01\nexpert_review_on = 2024-02-20")}
    assert levels(renqiu(tmp_path, files, "2024-02-29"), "renqiu-2023/24") == []
    assert levels(renqiu(tmp_path, files, "2024-03-01"), "renqiu-2023/24") == [("must", "2024-03-01", "2024-05-30")]
    late = {**base, **evaluation("renqiu-2023/12.1", "2024-01-02", extra=(
        "submitted_on = 2024-03-01\nexpert_review_on = 2024-02-20\nlegality_review_on = 2024-03-05"))}
    assert "尚未经合法性审查" in message(renqiu(tmp_path, late, "2024-03-04"), "renqiu-2023/24")
    found = renqiu(tmp_path, late, "2024-03-05")
    assert levels(found, "renqiu-2023/24") == [("must", "2024-03-01", "2024-05-30")]
    assert "合法性审查（2024-03-05）晚于该日" in message(found, "renqiu-2023/24")
    reviewed = {**base, **evaluation("renqiu-2023/12.1", "2024-01-02", extra=(
        "submitted_on = 2024-03-01\nexpert_review_on = 2024-02-20\nlegality_review_on = 2024-03-01"))}
    assert levels(renqiu(tmp_path, reviewed, "2024-03-10"), "renqiu-2023/24") == []


# 第七条: 结果“除涉及国家秘密、商业秘密或者个人隐私外，应向社会公开” — 30 days is a local setting.
def test_7_publication_within_thirty_days(tmp_path):
    stages = ('expert_review_on = 2024-02-20\nlegality_review_on = 2024-02-25\nsubmitted_on = 2024-03-01\n'
              'decided_on = 2024-04-01\noutcome = "continue"')
    files = {**NORMATIVE, **evaluation("renqiu-2023/12.1", "2024-01-02", extra=stages)}
    assert levels(renqiu(tmp_path, files, "2024-03-31"), "renqiu-2023/7") == []
    assert levels(renqiu(tmp_path, files, "2024-04-01"), "renqiu-2023/7") == [("due-soon", "2024-04-01", "2024-05-01")]
    assert levels(renqiu(tmp_path, files, "2024-05-01"), "renqiu-2023/7") == [("due-soon", "2024-04-01", "2024-05-01")]
    found = renqiu(tmp_path, files, "2024-05-02")
    assert levels(found, "renqiu-2023/7") == [("overdue", "2024-05-02", "2024-05-01")]
    assert message(found, "renqiu-2023/7").endswith("（按本地设定：公开期限30日）")
    published = {**NORMATIVE, **evaluation("renqiu-2023/12.1", "2024-01-02", extra=stages + "\npublished_on = 2024-05-03")}
    assert levels(renqiu(tmp_path, published, "2024-05-02"), "renqiu-2023/7") == [("overdue", "2024-05-02", "2024-05-01")]
    assert levels(renqiu(tmp_path, published, "2024-05-03"), "renqiu-2023/7") == []
    secret = files | decision("normative", "2021-01-01", "2025-12-31", 'classification = "secret"\n')
    assert levels(renqiu(tmp_path, secret, "2024-05-02"), "renqiu-2023/7") == []


# 第三十一条: 建议修改的“应当按照法定程序组织修改”，建议废止的“应当按照法定程序提请制定机关废止”.
def amended(outcome, status="", category="normative"):
    stages = (f'expert_review_on = 2024-02-20\nlegality_review_on = 2024-02-25\nsubmitted_on = 2024-03-01\n'
              f'decided_on = 2024-04-01\noutcome = "{outcome}"\npublished_on = 2024-04-10')
    return {**decision(category, "2021-01-01", "2025-12-31", status),
            **evaluation("renqiu-2023/12.1", "2024-01-02", extra=stages)}


@pytest.mark.parametrize("outcome, label", [("amend", "修改"), ("repeal", "废止")])
def test_31_amendment_or_repeal_still_in_force_after_the_local_days(tmp_path, outcome, label):
    files = amended(outcome)
    assert levels(renqiu(tmp_path, files, "2024-08-28"), "renqiu-2023/31") == []
    assert levels(renqiu(tmp_path, files, "2024-08-29"), "renqiu-2023/31") == [("due-soon", "2024-08-29", "2024-09-28")]
    assert levels(renqiu(tmp_path, files, "2024-09-28"), "renqiu-2023/31") == [("due-soon", "2024-08-29", "2024-09-28")]
    found = renqiu(tmp_path, files, "2024-09-29")
    assert levels(found, "renqiu-2023/31") == [("overdue", "2024-09-29", "2024-09-28")]
    assert f"建议“{label}”" in message(found, "renqiu-2023/31")
    assert message(found, "renqiu-2023/31").endswith("（按本地设定：组织修改或提请废止期限180日）")


def test_31_answered_when_the_document_is_amended_or_repealed_and_not_for_continuation(tmp_path):
    done = amended("repeal", 'status = "terminated"\nstatus_since = 2024-09-01\n')
    assert levels(renqiu(tmp_path, done, "2024-08-31"), "renqiu-2023/31") == [("due-soon", "2024-08-29", "2024-09-28")]
    assert levels(renqiu(tmp_path, done, "2024-09-01"), "renqiu-2023/31") == []
    assert levels(renqiu(tmp_path, amended("continue"), "2024-12-01"), "renqiu-2023/31") == []


def test_30_imposes_no_duty_on_other_decisions(tmp_path):
    """第三十条 makes a report 重要依据; only 第三十一条 (normative documents) imposes a duty."""
    files = amended("adjust", category="policy")
    assert [f.rule for f in renqiu(tmp_path, files, "2025-01-01") if f.rule.endswith(("/30", "/31"))] == []
