"""national-2019: 《重大行政决策程序暂行条例》（国务院令第713号）第五章, rule by rule at its boundaries."""

from __future__ import annotations

import pytest
from tests.helpers import run, workspace
from tests.rules.rule_helpers import decision, evaluation, event, findings, levels, message, opinions

POLICY = decision("policy", "2022-01-01", None, 'pre_decision_assessor = "市发展研究中心"\n')


def national(tmp_path, files, as_of, parameters=None):
    return findings(tmp_path, files, as_of, profile="national-2019", parameters=parameters)


# 第三十四条: 决策执行单位“向决策机关报告决策执行情况” — how often is a local setting (12 months).
def test_34_execution_reported(tmp_path):
    assert levels(national(tmp_path, POLICY, "2022-12-01"), "national-2019/34") == []
    assert levels(national(tmp_path, POLICY, "2022-12-02"), "national-2019/34") == [("due-soon", "2022-12-02", "2023-01-01")]
    assert levels(national(tmp_path, POLICY, "2023-01-01"), "national-2019/34") == [("due-soon", "2022-12-02", "2023-01-01")]
    found = national(tmp_path, POLICY, "2023-01-02")
    assert levels(found, "national-2019/34") == [("overdue", "2023-01-02", "2023-01-01")]
    assert message(found, "national-2019/34").endswith("（按本地设定：执行情况报告周期12个月）")
    report = {"decisions/2022-001/progress/2022.md": "+++\nperiod = \"2022\"\nsubmitted_on = 2022-12-20\n+++\n"}
    assert levels(national(tmp_path, POLICY | report, "2023-01-02"), "national-2019/34") == []
    assert levels(national(tmp_path, POLICY | report, "2023-12-21"), "national-2019/34") == [
        ("overdue", "2023-12-21", "2023-12-20")]


# 第三十五条第一款: 发现问题、客观情况重大变化、不可抗力，“应当及时向决策机关报告”.
@pytest.mark.parametrize("kind", ["problem", "basis-changed", "force-majeure"])
def test_35_unreported_event(tmp_path, kind):
    files = POLICY | event(kind, "2024-04-01")
    assert levels(national(tmp_path, files, "2024-04-08"), "national-2019/35") == []
    assert levels(national(tmp_path, files, "2024-04-09"), "national-2019/35") == [("overdue", "2024-04-09", "2024-04-08")]
    reported = POLICY | event(kind, "2024-04-01", extra="reported_on = 2024-04-10\n")
    assert levels(national(tmp_path, reported, "2024-04-09"), "national-2019/35") == [("overdue", "2024-04-09", "2024-04-08")]
    assert levels(national(tmp_path, reported, "2024-04-10"), "national-2019/35") == []


# 第三十六条第一款: the three cases in which the organ 可以 organise an evaluation.
@pytest.mark.parametrize("rule, kind", [("36.1.1", "below-target"), ("36.1.3", "deemed-necessary")])
def test_36_1_events_allow_an_evaluation(tmp_path, rule, kind):
    files = POLICY | event(kind, "2024-04-01")
    rule_id = f"national-2019/{rule}"
    assert levels(national(tmp_path, files, "2024-03-31"), rule_id) == []
    assert levels(national(tmp_path, files, "2024-04-01"), rule_id) == [("may", "2024-04-01", None)]
    assert levels(national(tmp_path, files, "2024-04-02"), rule_id) == [("may", "2024-04-01", None)]
    answered = files | evaluation(rule_id, "2024-05-01", kind="special")
    assert levels(national(tmp_path, answered, "2024-05-01"), rule_id) == []


def test_36_1_2_many_opinions_allow_an_evaluation(tmp_path):
    files = POLICY | opinions(20, "2024-01-01")
    assert levels(national(tmp_path, files, "2024-01-19"), "national-2019/36.1.2") == []
    found = national(tmp_path, files, "2024-01-20")
    assert levels(found, "national-2019/36.1.2") == [("may", "2024-01-20", None)]
    assert "按本地设定：较多意见20条、意见统计期间365日" in message(found, "national-2019/36.1.2")


# 第三十六条第二款: 委托第三方评估，“决策作出前承担主要论证评估工作的单位除外”.
def test_36_2_the_pre_decision_assessor_may_not_be_commissioned(tmp_path):
    files = POLICY | evaluation("national-2019/36.1.3", "2024-05-01", kind="special",
                                extra='commissioned_to = "市发展研究中心"\n')
    assert levels(national(tmp_path, files, "2024-04-30"), "national-2019/36.2") == []
    found = national(tmp_path, files, "2024-05-01")
    assert levels(found, "national-2019/36.2") == [("must", "2024-05-01", "2024-07-30")]
    assert "“市发展研究中心”" in message(found, "national-2019/36.2")
    assert levels(national(tmp_path, files, "2024-05-02"), "national-2019/36.2") == [("must", "2024-05-01", "2024-07-30")]
    other = POLICY | evaluation("national-2019/36.1.3", "2024-05-01", kind="special", extra='commissioned_to = "某大学"\n')
    assert levels(national(tmp_path, other, "2024-05-02"), "national-2019/36.2") == []
    own = POLICY | evaluation("national-2019/36.1.3", "2024-05-01", kind="special", extra='evaluator = "市发展研究中心"\n')
    assert levels(national(tmp_path, own, "2024-05-02"), "national-2019/36.2") == []


# 第三十七条: “未经法定程序不得随意变更或者停止执行”.
@pytest.mark.parametrize("status, label", [("terminated", "终止执行"), ("amended", "已修改")])
def test_37_a_change_without_a_recorded_decision(tmp_path, status, label):
    files = decision("policy", "2022-01-01", None, f'status = "{status}"\nstatus_since = 2024-06-20\n')
    assert levels(national(tmp_path, files, "2024-06-19"), "national-2019/37") == []
    found = national(tmp_path, files, "2024-06-20")
    assert levels(found, "national-2019/37") == [("must", "2024-06-20", "2024-09-18")]
    assert f"起为“{label}”" in message(found, "national-2019/37")
    assert levels(national(tmp_path, files, "2024-06-21"), "national-2019/37") == [("must", "2024-06-20", "2024-09-18")]


def test_37_a_change_with_a_document_or_a_decided_evaluation_is_no_finding(tmp_path):
    history = ('status = "amended"\nstatus_since = 2024-06-20\n[[status_history]]\nstatus = "amended"\n'
               'since = 2024-06-20\nbasis = "某府发〔2024〕9号"\n')
    assert levels(national(tmp_path, decision("policy", "2022-01-01", None, history), "2024-07-01"), "national-2019/37") == []
    by_evaluation = history.replace('basis = "某府发〔2024〕9号"', 'evaluation = "e1"')
    stages = 'submitted_on = 2024-06-01\ndecided_on = 2024-06-10\noutcome = "修改"\n'
    files = decision("policy", "2022-01-01", None, by_evaluation) | evaluation("national-2019/36.1.3", "2024-05-01",
                                                                            kind="special", extra=stages)
    assert levels(national(tmp_path, files, "2024-07-01"), "national-2019/37") == []
    undecided = decision("policy", "2022-01-01", None, by_evaluation) | evaluation(
        "national-2019/36.1.3", "2024-05-01", kind="special")
    assert levels(national(tmp_path, undecided, "2024-07-01"), "national-2019/37") == [("must", "2024-06-20", "2024-09-18")]


def test_37_suspension_and_expiry_are_not_changes_the_article_names(tmp_path):
    for status in ("suspended", "expired"):
        files = decision("policy", "2022-01-01", None, f'status = "{status}"\nstatus_since = 2024-06-20\n')
        assert levels(national(tmp_path, files, "2024-07-01"), "national-2019/37") == []


def test_national_profile_has_no_outcomes_and_scaffolds_the_generic_report(tmp_path):
    """Outcomes and templates are optional: the generic report is used, any conclusion counts."""
    files = POLICY | evaluation("national-2019/36.1.3", "2024-05-01", kind="special")
    root = workspace(tmp_path, files, "national-2019")
    result = run(root, "evaluation", "scaffold", "2022-001", "e1", "--no-commit")
    assert result.exit_code == 0, result.stderr
    text = (root / "decisions/2022-001/evaluations/e1/report.md").read_text(encoding="utf-8")
    assert "《重大行政决策程序暂行条例》没有规定评估报告的内容，以下为通用结构" in text
    assert "## 五、评估结论和建议" in text
    assert "评估结论：<!-- 待填写：写明评估结论和建议 -->" in text
    assert "本部分为本地惯例" in text
    lint = run(root, "evaluation", "lint", "2022-001", "e1")
    assert lint.exit_code == 3
    filled = text.replace("<!-- 待填写", "已填写。<!-- 待填写").replace(
        "评估结论：已填写。<!-- 待填写：写明评估结论和建议 -->", "评估结论：继续执行，完善配套措施。")
    (root / "decisions/2022-001/evaluations/e1/report.md").write_text(filled, encoding="utf-8")
    lint = run(root, "evaluation", "lint", "2022-001", "e1")
    assert lint.exit_code == 0, lint.stdout
    assert "评估结论为“继续执行，完善配套措施。”" in lint.stdout
    decided = run(root, "evaluation", "decide", "2022-001", "e1", "--outcome", "继续执行", "--on", "2024-08-01",
                  "--force", "--no-commit")
    assert decided.exit_code == 0, decided.stderr


def test_decision_add_records_the_pre_decision_assessor(tmp_path):
    root = workspace(tmp_path, {}, "national-2019")
    result = run(root, "decision", "add", "--title", "某市停车收费政策", "--category", "policy", "--adopted-on",
                 "2024-01-08", "--effective-from", "2024-02-01", "--undertaking-unit", "市发展和改革委员会",
                 "--pre-decision-assessor", "市发展研究中心", "--no-commit")
    assert result.exit_code == 0, result.stderr
    text = (root / "decisions/2024-001/decision.toml").read_text(encoding="utf-8")
    assert 'pre_decision_assessor = "市发展研究中心"' in text
