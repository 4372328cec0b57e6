"""Stages feed the rules: each stage date raises or answers a duty of the regulations."""

from __future__ import annotations

from datetime import date

from tests.helpers import decision_toml, workspace

from decisiontrack.profiles.loader import read_profile
from decisiontrack.rules.engine import check_workspace
from decisiontrack.store.loader import load_workspace

EVALUATION = "decisions/2022-001/evaluations/e1/evaluation.toml"


def _findings(tmp_path, evaluation: str, profile="ordos-2024", as_of="2025-01-01", decision=None):
    files = {
        "decisions/2022-001/decision.toml": decision or decision_toml(),
        "decisions/2022-001/plan.toml": 'responsible_unit = "规划科"\n',
    }
    if evaluation:
        files[EVALUATION] = 'id = "e1"\nkind = "special"\nstarted_on = 2024-01-02\n' + evaluation
    root = workspace(tmp_path, files, profile=profile)
    ws = load_workspace(root)
    assert ws.errors == []
    return check_workspace(ws, read_profile(profile), date.fromisoformat(as_of))


def _levels(findings, rule):
    return [
        (f.level, f.since.isoformat(), f.due.isoformat() if f.due else None)
        for f in findings
        if f.rule == rule
    ]


# 第十九条: 调查研究结束后“一个月内形成书面评估报告并提交市人民政府”
def test_ordos_19_research_completed_starts_the_one_month_clock(tmp_path):
    stage = "research_completed_on = 2024-01-31\n"
    assert _levels(_findings(tmp_path / "a", stage, as_of="2024-02-29"), "ordos-2024/19") == [
        ("due-soon", "2024-01-30", "2024-02-29")
    ]
    assert _levels(_findings(tmp_path / "b", stage, as_of="2024-03-01"), "ordos-2024/19") == [
        ("overdue", "2024-03-01", "2024-02-29")
    ]


def test_ordos_19_is_silenced_by_submitted_on(tmp_path):
    stage = (
        "research_completed_on = 2024-01-31\nsubmitted_on = 2024-03-05\naccepted_on = 2024-03-01\n"
    )
    assert _levels(_findings(tmp_path, stage, as_of="2024-03-10"), "ordos-2024/19") == []


# 第十四条第（三）项: 委托第三方的评估报告“应当经决策承办单位审查验收并予以确认”
def test_ordos_14_3_commissioned_and_submitted_without_acceptance(tmp_path):
    stage = 'commissioned_to = "某研究院"\nsubmitted_on = 2024-03-05\n'
    assert _levels(_findings(tmp_path / "a", stage), "ordos-2024/14.3")[0][:2] == (
        "overdue",
        "2024-03-05",
    )
    assert (
        _levels(_findings(tmp_path / "b", stage + "accepted_on = 2024-03-04\n"), "ordos-2024/14.3")
        == []
    )
    not_commissioned = "submitted_on = 2024-03-05\n"
    assert _levels(_findings(tmp_path / "c", not_commissioned), "ordos-2024/14.3") == []


# 第二十条: 停止执行或者修改决策的决定作出后，承办单位应当及时落实
def test_ordos_20_outcome_adjust_while_still_in_force(tmp_path):
    stage = 'submitted_on = 2024-03-05\ndecided_on = 2024-04-01\noutcome = "adjust"\n'
    assert _levels(_findings(tmp_path / "a", stage, as_of="2024-04-02"), "ordos-2024/20") == [
        ("must", "2024-04-01", "2024-06-30")
    ]
    amended = decision_toml(extra='status = "amended"\n')
    assert _levels(_findings(tmp_path / "b", stage, decision=amended), "ordos-2024/20") == []
    kept = stage.replace('"adjust"', '"continue"')
    assert _levels(_findings(tmp_path / "c", kept), "ordos-2024/20") == []


# 任丘第二十四、二十九条: 报告“经合法性审查后”报市政府常务会议审议
def test_renqiu_24_submitted_without_legality_review(tmp_path):
    stage = "submitted_on = 2024-03-05\n"
    found = _findings(tmp_path / "a", stage, "renqiu-2023", as_of="2024-03-06")
    assert _levels(found, "renqiu-2023/24") == [("must", "2024-03-05", "2024-06-03")]
    reviewed = stage + "legality_review_on = 2024-03-01\n"
    assert _levels(_findings(tmp_path / "b", reviewed, "renqiu-2023"), "renqiu-2023/24") == []


# 任丘第二十条第（二）项: 组织有关专家对报告进行论证 (简易程序除外, 第二十二条)
def test_renqiu_20_normative_not_simplified_needs_expert_review(tmp_path):
    normative = decision_toml(category="normative")
    stage = "submitted_on = 2024-03-05\nlegality_review_on = 2024-03-01\n"
    found = _findings(tmp_path / "a", stage, "renqiu-2023", decision=normative)
    assert _levels(found, "renqiu-2023/20")[0][:2] == ("overdue", "2024-03-05")
    simplified = stage + "simplified = true\n"
    assert (
        _levels(
            _findings(tmp_path / "b", simplified, "renqiu-2023", decision=normative),
            "renqiu-2023/20",
        )
        == []
    )
    reviewed = stage + "expert_review_on = 2024-02-20\n"
    assert (
        _levels(
            _findings(tmp_path / "c", reviewed, "renqiu-2023", decision=normative), "renqiu-2023/20"
        )
        == []
    )
    policy = decision_toml(category="policy")
    assert (
        _levels(_findings(tmp_path / "d", stage, "renqiu-2023", decision=policy), "renqiu-2023/20")
        == []
    )


# 任丘第七条: 评估结果除涉密外应向社会公开（30 日，参数 publish_days）
def test_renqiu_7_publish_within_30_days_of_the_decision(tmp_path):
    stage = (
        "submitted_on = 2024-03-05\nlegality_review_on = 2024-03-01\n"
        'decided_on = 2024-04-01\noutcome = "continue"\n'
    )
    rule = "renqiu-2023/7"
    assert _levels(_findings(tmp_path / "a", stage, "renqiu-2023", as_of="2024-04-05"), rule) == [
        ("due-soon", "2024-04-01", "2024-05-01")
    ]
    assert (
        _levels(_findings(tmp_path / "b", stage, "renqiu-2023", as_of="2024-05-01"), rule)[0][0]
        == "due-soon"
    )
    assert _levels(_findings(tmp_path / "c", stage, "renqiu-2023", as_of="2024-05-02"), rule) == [
        ("overdue", "2024-05-02", "2024-05-01")
    ]
    published = stage + "published_on = 2024-04-20\n"
    assert (
        _levels(_findings(tmp_path / "d", published, "renqiu-2023", as_of="2024-06-01"), rule) == []
    )
    secret = decision_toml(extra='classification = "secret"\n')
    assert (
        _levels(
            _findings(tmp_path / "e", stage, "renqiu-2023", as_of="2024-06-01", decision=secret),
            rule,
        )
        == []
    )


# SPEC §3: an evaluation listing the rule in addresses and started on/after the trigger answers it
# (第十二条第（三）项: or up to early_credit_days before it — early compliance is compliance)
def test_an_evaluation_answers_the_rule_it_addresses_when_started_on_or_after_the_trigger(tmp_path):
    rule = "ordos-2024/12.3"  # the 2021–2025 plan is past half from 2023-07-03, counted from 2024-01-09
    assert _levels(_findings(tmp_path / "a", "", as_of="2024-04-09"), rule)[0][:2] == (
        "overdue",
        "2024-01-09",
    )
    answering = 'addresses = ["ordos-2024/12.3"]\n'
    assert _levels(_findings(tmp_path / "b", answering, as_of="2024-04-09"), rule) == []
    other_rule = 'addresses = ["ordos-2024/12.1"]\n'
    assert _levels(_findings(tmp_path / "c", other_rule, as_of="2024-04-09"), rule) != []
    files = {
        "decisions/2022-001/decision.toml": decision_toml(),
        "decisions/2022-001/plan.toml": 'responsible_unit = "规划科"\n',
        EVALUATION: 'id = "e1"\nkind = "mid-term"\nstarted_on = 2022-12-31\n'
        'addresses = ["ordos-2024/12.3"]\n',
    }
    ws = load_workspace(workspace(tmp_path / "d", files))
    too_early = check_workspace(ws, read_profile("ordos-2024"), date(2024, 4, 9))
    assert _levels(too_early, rule) != []
