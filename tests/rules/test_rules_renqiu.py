"""Every rule of renqiu-2023 at its boundaries."""

from __future__ import annotations

import pytest
from tests.helpers import decision_toml
from tests.rules.test_rules_ordos import PLAN, evaluation, event, findings, levels, opinions

NORMATIVE = decision_toml("2022-001", "normative", "2021-01-01", "2025-12-31")


def profile_findings(tmp_path, files, as_of):
    return findings(tmp_path, files, as_of, profile="renqiu-2023")


# 第十二条第（一）项: a normative document with many opinions must be evaluated.
def test_12_1_normative_with_many_opinions(tmp_path):
    files = {"decisions/2022-001/decision.toml": NORMATIVE, **PLAN, **opinions(20)}
    assert levels(profile_findings(tmp_path, files, "2024-01-19"), "renqiu-2023/12.1") == []
    found = profile_findings(tmp_path, files, "2024-01-20")
    assert levels(found, "renqiu-2023/12.1") == [("must", "2024-01-20", "2024-04-19")]
    assert next(f.article for f in found if f.rule == "renqiu-2023/12.1") == "第十二条第（一）项"
    policy = decision_toml("2022-001", "policy", "2021-01-01", "2025-12-31")
    other = files | {"decisions/2022-001/decision.toml": policy}
    assert levels(profile_findings(tmp_path, other, "2024-01-20"), "renqiu-2023/12.1") == []


# 第十二条第（二）项: 市政府办公室或市司法局认为有必要.
def test_12_2_deemed_necessary(tmp_path):
    files = {"decisions/2022-001/decision.toml": NORMATIVE, **PLAN,
             **event("deemed-necessary", "2024-04-01", extra='raised_by = "市司法局"\n')}
    assert levels(profile_findings(tmp_path, files, "2024-03-31"), "renqiu-2023/12.2") == []
    assert levels(profile_findings(tmp_path, files, "2024-04-01"), "renqiu-2023/12.2") == [("must", "2024-04-01", "2024-06-30")]
    overdue = [("overdue", "2024-04-01", "2024-06-30")]
    assert levels(profile_findings(tmp_path, files, "2024-07-01"), "renqiu-2023/12.2") == overdue
    answered = files | evaluation("renqiu-2023/12.2", "2024-05-01", kind="special")
    assert levels(profile_findings(tmp_path, answered, "2024-07-01"), "renqiu-2023/12.2") == []


# 第十二条第（三）项: six calendar months before expiry, when it is to continue.
def test_12_3_six_months_before_expiry(tmp_path):
    files = {"decisions/2022-001/decision.toml": NORMATIVE + "continue_intended = true\n", **PLAN}
    assert levels(profile_findings(tmp_path, files, "2025-06-29"), "renqiu-2023/12.3") == []
    found = profile_findings(tmp_path, files, "2025-06-30")
    assert levels(found, "renqiu-2023/12.3") == [("must", "2025-06-30", "2025-09-28")]
    assert "届满前6个月" in next(f.message for f in found if f.rule == "renqiu-2023/12.3")
    not_continued = files | {"decisions/2022-001/decision.toml": NORMATIVE}
    assert levels(profile_findings(tmp_path, not_continued, "2025-07-01"), "renqiu-2023/12.3") == []


# 第十三条: the annual plan lists next year's evaluations.
def test_13_annual_plan_for_next_year(tmp_path):
    files = {"decisions/2022-001/decision.toml": NORMATIVE + "continue_intended = true\n", **PLAN}
    assert levels(profile_findings(tmp_path, files, "2023-12-31"), "renqiu-2023/13") == []
    found = profile_findings(tmp_path, files, "2024-11-01")
    assert levels(found, "renqiu-2023/13") == [("info", "2024-01-01", None)]
    assert "2025年" in next(f.message for f in found if f.rule == "renqiu-2023/13")
    assert levels(profile_findings(tmp_path, files, "2025-01-01"), "renqiu-2023/13") == []


# 第二十条第（二）项: expert review of a normative-document report, unless simplified.
def test_20_expert_review_of_normative_report(tmp_path):
    files = {"decisions/2022-001/decision.toml": NORMATIVE, **PLAN,
             **evaluation("renqiu-2023/12.1", "2024-01-02", extra="submitted_on = 2024-03-01")}
    assert levels(profile_findings(tmp_path, files, "2024-02-29"), "renqiu-2023/20") == []
    assert levels(profile_findings(tmp_path, files, "2024-03-01"), "renqiu-2023/20") == [("must", "2024-03-01", "2024-05-30")]
    reviewed = files | evaluation("renqiu-2023/12.1", "2024-01-02",
                                  extra="submitted_on = 2024-03-01\nexpert_review_on = 2024-02-20")
    assert levels(profile_findings(tmp_path, reviewed, "2024-03-01"), "renqiu-2023/20") == []
    simplified = files | evaluation("renqiu-2023/12.1", "2024-01-02", extra="submitted_on = 2024-03-01\nsimplified = true")
    assert levels(profile_findings(tmp_path, simplified, "2024-03-01"), "renqiu-2023/20") == []


# 第二十四、二十九条: legality review of every report.
@pytest.mark.parametrize("category", ["normative", "project"])
def test_24_legality_review(tmp_path, category):
    text = decision_toml("2022-001", category, "2021-01-01", "2025-12-31")
    files = {"decisions/2022-001/decision.toml": text, **PLAN,
             **evaluation("renqiu-2023/12.1", "2024-01-02", extra="submitted_on = 2024-03-01")}
    assert levels(profile_findings(tmp_path, files, "2024-03-01"), "renqiu-2023/24") == [("must", "2024-03-01", "2024-05-30")]
    reviewed = files | evaluation("renqiu-2023/12.1", "2024-01-02",
                                  extra="submitted_on = 2024-03-01\nlegality_review_on = 2024-03-05")
    assert levels(profile_findings(tmp_path, reviewed, "2024-03-10"), "renqiu-2023/24") == []


# 第七条: results published within 30 days, except secret decisions.
def test_7_publication_within_thirty_days(tmp_path):
    stages = 'submitted_on = 2024-03-01\ndecided_on = 2024-04-01\noutcome = "continue"'
    files = {"decisions/2022-001/decision.toml": NORMATIVE, **PLAN,
             **evaluation("renqiu-2023/12.1", "2024-01-02", extra=stages)}
    assert levels(profile_findings(tmp_path, files, "2024-04-01"), "renqiu-2023/7") == [("due-soon", "2024-04-01", "2024-05-01")]
    assert levels(profile_findings(tmp_path, files, "2024-05-02"), "renqiu-2023/7") == [("overdue", "2024-05-02", "2024-05-01")]
    published = files | evaluation("renqiu-2023/12.1", "2024-01-02", extra=stages + "\npublished_on = 2024-04-20")
    assert levels(profile_findings(tmp_path, published, "2024-05-02"), "renqiu-2023/7") == []
    secret = files | {"decisions/2022-001/decision.toml": NORMATIVE + 'classification = "secret"\n'}
    assert levels(profile_findings(tmp_path, secret, "2024-05-02"), "renqiu-2023/7") == []


# 第六、九、十条: the same tracking duties as in Ordos.
def test_tracking_duties_apply(tmp_path):
    plan = 'responsible_unit = "科"\n[[milestones]]\nid = "m1"\ndue = 2024-06-30\n'
    files = {"decisions/2022-001/decision.toml": NORMATIVE, "decisions/2022-001/plan.toml": plan,
             **event("problem", "2024-04-01")}
    found = profile_findings(tmp_path, files, "2024-07-01")
    assert levels(found, "renqiu-2023/6.milestone") == [("overdue", "2024-07-01", "2024-06-30")]
    assert levels(found, "renqiu-2023/9") == [("overdue", "2024-04-09", "2024-04-08")]
