"""``decision list`` filters and ``evaluation list``: find a decision, see where its evaluations stand."""

from __future__ import annotations

import re
from datetime import date

import pytest

from decisiontrack.filters import DecisionFilter
from decisiontrack.model.decision import Decision
from tests.helpers import decision_toml, run, workspace


def rows(output: str) -> list[list[str]]:
    return [re.split(r"\s{2,}", line.strip()) for line in output.splitlines()
            if line.strip() and not set(line.strip()) <= {"━", "─"}]


@pytest.fixture
def three(tmp_path):
    return workspace(tmp_path / "ws", {
        "decisions/2022-001/decision.toml": decision_toml(),
        "decisions/2023-001/decision.toml": (
            'id = "2023-001"\ntitle = "鄂尔多斯市中心城区停车收费办法"\ndoc_number = "鄂府发〔2023〕8号"\n'
            'category = "policy"\nadopted_on = 2023-01-20\neffective_from = 2023-03-01\n'
            'undertaking_unit = "市发展和改革委员会"\nstatus = "terminated"\nstatus_since = 2024-06-20\n'),
        "decisions/2024-001/decision.toml": (
            'id = "2024-001"\ntitle = "鄂尔多斯市公共租赁住房管理办法"\ncategory = "normative"\n'
            'adopted_on = 2024-01-08\neffective_from = 2024-02-01\nundertaking_unit = "市住房和城乡建设局"\n'),
        "decisions/2022-001/evaluations/2024-mid-term/evaluation.toml": (
            'id = "2024-mid-term"\nkind = "mid-term"\naddresses = ["ordos-2024/12.3"]\nstarted_on = 2024-07-05\n'
            'research_completed_on = 2024-09-30\nlegality_review_on = 2024-10-15\n'
            'legality_review_evidence = ["evidence/合法性审查意见书.pdf"]\n'),
        "decisions/2022-001/evaluations/2025-special/evaluation.toml": (
            'id = "2025-special"\nkind = "special"\nstarted_on = 2025-03-01\nsubmitted_on = 2025-05-01\n'
            'decided_on = 2025-06-01\noutcome = "adjust"\n'),
    })


def ids(result) -> list[str]:
    return [row[0] for row in rows(result.stdout)[1:] if re.fullmatch(r"\d{4}-\d{3}", row[0])]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--unit", "生态环境"), ["2022-001"]),
        (("--category", "规范性文件"), ["2024-001"]),
        (("--category", "policy"), ["2023-001"]),
        (("--status", "终止执行"), ["2023-001"]),
        (("--status", "in-force"), ["2022-001", "2024-001"]),
        (("--search", "鄂府发〔2023〕8号"), ["2023-001"]),
        (("--search", "住房"), ["2024-001"]),
        (("--search", "鄂尔多斯", "--status", "执行中", "--unit", "住房"), ["2024-001"]),
        (("--search", "没有这样的决策"), []),
    ],
)
def test_decision_list_filters(three, args, expected):
    result = run(three, "decision", "list", *args)
    assert result.exit_code == 0, result.stderr
    assert ids(result) == expected
    assert result.stdout.splitlines()[-1] == f"符合条件的决策 {len(expected)} 项（共 3 项）。"


@pytest.mark.parametrize(("option", "value"), [("--category", "大项目"), ("--status", "作废")])
def test_decision_list_refuses_an_unknown_choice(three, option, value):
    result = run(three, "decision", "list", option, value)
    assert result.exit_code == 2
    assert f"{option}：“{value}”不是可选的值" in result.stderr


def test_the_filter_is_a_core_function():
    decision = Decision.model_validate({
        "id": "2024-001", "title": "公共租赁住房管理办法", "category": "normative", "adopted_on": date(2024, 1, 8),
        "effective_from": date(2024, 2, 1), "undertaking_unit": "市住房和城乡建设局"})
    assert DecisionFilter(unit="住房 和城乡").matches(decision)
    assert not DecisionFilter(category="policy").matches(decision)
    assert DecisionFilter(search="租赁").matches(decision) and not DecisionFilter().active


def test_evaluation_list_shows_stage_outcome_label_and_evidence(three):
    result = run(three, "evaluation", "list", "2022-001")
    assert result.exit_code == 0, result.stderr
    assert rows(result.stdout) == [
        ["2022-001 的评估（共 2 项）"],
        ["编号", "类型", "回应的规则", "启动日期", "已到阶段", "结论", "证明材料"],
        ["2024-mid-term", "中期评估", "12.3", "2024-07-05", "合法性审查（2024-10-15）", "1 份"],
        ["2025-special", "专项评估", "自愿评估", "2025-03-01", "作出决定（2025-06-01）", "调整"],
    ]


def test_evaluation_list_of_an_unknown_decision_is_exit_2(three):
    result = run(three, "evaluation", "list", "2099-001")
    assert result.exit_code == 2
    assert "未知的决策编号 2099-001" in result.stderr
