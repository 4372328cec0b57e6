"""The commands the law issue adds: stage order refused unless --force, 督查报告, 年度评估计划, 方案."""

from __future__ import annotations

import tomllib

import pytest
from eval_helpers import DECISION, EVALUATION, make, written
from tests.helpers import build_tree, decision_toml, run, snapshot, workspace


def _evaluation(root) -> dict:
    return tomllib.loads((root / EVALUATION / "evaluation.toml").read_text(encoding="utf-8"))


def _commissioned(root) -> None:
    path = root / EVALUATION / "evaluation.toml"
    path.write_text(path.read_text(encoding="utf-8") + 'commissioned_to = "某咨询公司"\n', encoding="utf-8")


def _finished_report(root) -> None:
    run(root, "evaluation", "scaffold", "2022-001", "2024-mid-term", "--no-commit")
    report = root / EVALUATION / "report.md"
    report.write_text(written(report.read_text(encoding="utf-8")), encoding="utf-8")


def renqiu(tmp_path, category: str, rule: str, extra: str = ""):
    """A 任丘 workspace whose evaluation answers ``rule`` (and holds ``extra`` lines)."""
    root = make(tmp_path, profile="renqiu-2023", category=category)
    path = root / EVALUATION / "evaluation.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("ordos-2024/12.3", rule) + extra, encoding="utf-8")
    return root


def advance(root, stage, on, *more):
    return run(root, "evaluation", "advance", "2022-001", "2024-mid-term", stage, "--on", on, "--no-commit", *more)


# 第十四条第（三）项: a commissioned report is accepted before it is submitted.
def test_14_3_submitting_a_commissioned_report_before_acceptance_is_refused_unless_forced(tmp_path):
    root = make(tmp_path)
    _commissioned(root)
    _finished_report(root)
    before = snapshot(root)
    refused = advance(root, "submitted", "2024-10-20")
    assert refused.exit_code == 2
    assert ("--on：这样记录会打乱办法规定的程序顺序：第十四条第（三）项：审查验收应当在报送决策机关之前完成（尚未记录审查验收）"
            in refused.stderr)
    assert snapshot(root) == before
    assert advance(root, "accepted", "2024-10-19").exit_code == 0
    assert advance(root, "submitted", "2024-10-20").exit_code == 0


def test_14_3_an_acceptance_dated_after_submission_is_refused_unless_forced(tmp_path):
    root = make(tmp_path)
    _commissioned(root)
    assert advance(root, "submitted", "2024-10-20", "--force").exit_code == 0
    refused = advance(root, "accepted", "2024-10-25")
    assert refused.exit_code == 2
    assert "审查验收应当在报送决策机关之前完成（现为审查验收 2024-10-25，报送决策机关 2024-10-20）" in refused.stderr
    forced = advance(root, "accepted", "2024-10-25", "--force")
    assert forced.exit_code == 0, forced.stderr
    assert str(_evaluation(root)["accepted_on"]) == "2024-10-25"
    assert advance(root, "accepted", "2024-10-18", "--force").exit_code == 0  # a correction, in order


def test_14_3_an_evaluation_not_commissioned_needs_no_acceptance(tmp_path):
    root = make(tmp_path)
    _finished_report(root)
    assert advance(root, "submitted", "2024-10-20").exit_code == 0


# 任丘第二十四、二十九条 and 第二十条: 合法性审查 and 专家论证 before the report goes to 审议.
def test_renqiu_24_submitting_before_legality_review_is_refused(tmp_path):
    root = renqiu(tmp_path, "policy", "renqiu-2023/24")
    refused = advance(root, "submitted", "2024-10-20", "--force")
    assert refused.exit_code == 0  # --force records what happened
    late = advance(root, "legality_review", "2024-10-25")
    assert late.exit_code == 2
    assert "第二十四、二十九条：合法性审查应当在报送决策机关之前完成" in late.stderr


def test_renqiu_20_expert_review_after_submission_is_refused(tmp_path):
    root = renqiu(tmp_path, "normative", "renqiu-2023/12.2")
    assert advance(root, "legality_review", "2024-10-15").exit_code == 0
    assert advance(root, "submitted", "2024-10-20", "--force").exit_code == 0
    late = advance(root, "expert_review", "2024-10-22")
    assert late.exit_code == 2
    assert "第二十条第（二）项：专家论证应当在报送决策机关之前完成" in late.stderr


def test_renqiu_18_research_before_the_commissioned_plan_is_approved_is_refused(tmp_path):
    root = renqiu(tmp_path, "normative", "renqiu-2023/12.2", 'commissioned_to = "某研究院"\n')
    refused = advance(root, "research_completed", "2024-09-30")
    assert refused.exit_code == 2
    assert "第十八条第二款：方案审核同意应当在调查研究结束、专家论证、合法性审查、报送决策机关之前完成" in refused.stderr
    assert advance(root, "plan_approved", "2024-07-20").exit_code == 0
    assert advance(root, "research_completed", "2024-09-30").exit_code == 0
    assert str(_evaluation(root)["plan_approved_on"]) == "2024-07-20"


# 任丘第二十六条: the preparation of an 其他决策事项 evaluation.
def test_renqiu_26_scaffold_plan_of_an_other_decision(tmp_path):
    root = renqiu(tmp_path, "policy", "renqiu-2023/24")
    result = run(root, "evaluation", "scaffold", "2022-001", "2024-mid-term", "--plan", "--no-commit")
    assert result.exit_code == 0, result.stderr
    text = (root / EVALUATION / "plan.md").read_text(encoding="utf-8")
    for heading in ("## 一、确定跟踪反馈、评估事项", "## 二、确定跟踪反馈、评估机构、评估人员",
                    "## 三、制定跟踪反馈、评估方案", "### （一）目的", "### （二）标准", "### （三）方法", "### （四）经费"):
        assert heading in text
    assert "第二十六条" in text
    assert run(root, "evaluation", "lint", "2022-001", "2024-mid-term", "--plan").exit_code == 3
    (root / EVALUATION / "plan.md").write_text(written(text, None), encoding="utf-8")
    assert run(root, "evaluation", "lint", "2022-001", "2024-mid-term", "--plan").exit_code == 0


# 鄂尔多斯第十条: “形成书面督查报告”.
INSPECTION = f"{DECISION}/inspections/20240510-onsite-0001"


def test_10_inspection_scaffold_writes_the_written_report(tmp_path):
    root = make(tmp_path)
    result = run(root, "inspection", "scaffold", "2022-001", "20240510-onsite-0001", "--no-commit")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"已写入 {INSPECTION}.md\n"
    text = (root / f"{INSPECTION}.md").read_text(encoding="utf-8")
    assert 'title = "鄂尔多斯市“十四五”生态环境保护规划执行情况督查报告"' in text
    assert 'inspection = "20240510-onsite-0001"' in text
    assert "## 一、督查基本情况" in text and "## 四、整改事项及规定时间" in text
    assert "| 2 | 公开进度 | 2024年9月30日 | 未完成 | 未报审 |" in text
    assert "| 督查结论 | 台账不全 |" in text
    local = [line for line in text.splitlines() if "本部分为本地惯例" in line]
    assert len(local) == 2 and all("第十条第一款" in line for line in local)
    assert "条文没有规定督查报告的其他内容" in text
    again = run(root, "inspection", "scaffold", "2022-001", "20240510-onsite-0001", "--no-commit")
    assert again.exit_code == 2 and "已存在" in again.stderr
    assert run(root, "inspection", "scaffold", "2022-001", "20240510-onsite-0001", "--force", "--no-commit").exit_code == 0


def test_10_inspection_scaffold_refuses_unknown_inspections_and_profiles_without_the_template(tmp_path):
    root = make(tmp_path)
    unknown = run(root, "inspection", "scaffold", "2022-001", "20990101-onsite-ffff", "--no-commit")
    assert unknown.exit_code == 2 and "没有督查 20990101-onsite-ffff（已有：20240510-onsite-0001）" in unknown.stderr
    renqiu = make(tmp_path / "rq", profile="renqiu-2023")
    refused = run(renqiu, "inspection", "scaffold", "2022-001", "20240510-onsite-0001", "--no-commit")
    assert refused.exit_code == 2 and "办法 renqiu-2023 没有适用于该类决策的督查报告模板" in refused.stderr


# 任丘第十三条: “应当制定年度计划……报市政府批准后实施”.
def _normative(id: str, until: str, continued: bool = True, extra: str = "") -> dict[str, str]:
    text = decision_toml(id, "normative", "2021-01-01", until, ("continue_intended = true\n" if continued else "") + extra)
    return {f"decisions/{id}/decision.toml": text}


def test_13_annual_plan_lists_the_normative_documents_due_that_year(tmp_path):
    root = workspace(tmp_path, {
        **_normative("2021-001", "2025-12-31"),                     # due 2025-06-30
        **_normative("2021-002", "2026-06-30"),                     # due 2025-12-30
        **_normative("2021-003", "2026-07-31"),                     # due 2026-01-31: next year
        **_normative("2021-004", "2025-09-30", continued=False),    # not to continue: no evaluation
        "decisions/2021-005/decision.toml": decision_toml("2021-005", "policy", "2021-01-01", "2025-12-31"),
        **_normative("2021-006", "2029-12-31"),
        "decisions/2021-006/events/20240601-deemed-necessary-0001.toml":
            'kind = "deemed-necessary"\noccurred_on = 2024-06-01\nraised_by = "市司法局"\n',
    }, profile="renqiu-2023")
    result = run(root, "evaluation", "annual-plan", "2025", "--no-commit")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "已写入 annual-plans/2025.md\n"
    text = (root / "annual-plans/2025.md").read_text(encoding="utf-8")
    assert 'title = "鄂尔多斯市人民政府规范性文件跟踪反馈、后评估2025年度计划"' in text  # the workspace's organ
    rows = [line for line in text.splitlines() if line.startswith(("| 1 |", "| 2 |", "| 3 |", "| 4 |"))]
    assert len(rows) == 3
    assert rows[0] == ("| 1 | 鄂尔多斯市“十四五”生态环境保护规划 | 鄂府发〔2021〕88号 | 市生态环境局 "
                       "| 2024年6月1日起（尚未评估） | 第十二条第（二）项 |")
    assert rows[1].endswith("| 2025年6月30日起 | 有效期至2025年12月31日，届满前6个月，拟继续实施 |")
    assert rows[2].endswith("| 2025年12月30日起 | 有效期至2026年6月30日，届满前6个月，拟继续实施 |")
    for heading in ("## 一、列入计划的规范性文件", "## 二、计划的提出", "## 三、报批和实施"):
        assert heading in text
    assert "报市政府批准后实施" in text
    again = run(root, "evaluation", "annual-plan", "2025", "--no-commit")
    assert again.exit_code == 2 and "annual-plans/2025.md 已存在" in again.stderr


def test_13_annual_plan_refuses_a_bad_year_broken_files_and_profiles_without_it(tmp_path):
    root = workspace(tmp_path, _normative("2021-001", "2025-12-31"), profile="renqiu-2023")
    assert run(root, "evaluation", "annual-plan", "25", "--no-commit").exit_code == 2
    build_tree(root, {"decisions/2021-009/decision.toml": 'id = "2021-009"\n'})
    broken = run(root, "evaluation", "annual-plan", "2025", "--no-commit")
    assert broken.exit_code == 3 and "decisions/2021-009/decision.toml" in broken.stderr
    ordos = workspace(tmp_path / "o", _normative("2021-001", "2025-12-31"))
    refused = run(ordos, "evaluation", "annual-plan", "2025", "--no-commit")
    assert refused.exit_code == 2 and "办法 ordos-2024 没有年度评估计划模板" in refused.stderr


# 鄂尔多斯第六条: a plan names 责任人员、时间节点、方法步骤; ``plan create`` dates it.
@pytest.mark.parametrize("profile, hint", [("ordos-2024", "提示：方案尚未明确责任人员、时间节点、方法步骤（第六条）"),
                                           ("renqiu-2023", None)])
def test_6_plan_create_dates_the_plan_and_names_what_is_missing(tmp_path, profile, hint):
    root = workspace(tmp_path, {f"{DECISION}/decision.toml": decision_toml()}, profile)
    result = run(root, "plan", "create", "2022-001", "--responsible-unit", "市生态环境局", "--on", "2024-02-10",
                 "--no-commit")
    assert result.exit_code == 0, result.stderr
    assert "created_on = 2024-02-10" in (root / DECISION / "plan.toml").read_text(encoding="utf-8")
    if hint:
        assert hint in result.stderr
    else:
        assert result.stderr == ""  # 任丘 imposes no plan: nothing to say
    bad = run(root, "plan", "create", "2022-001", "--responsible-unit", "x", "--on", "2024-02-30", "--force",
              "--no-commit")
    assert bad.exit_code == 2 and "选项 --on 的日期“2024-02-30”无效" in bad.stderr


def test_6_interactive_plan_create_asks_for_people_milestones_and_methods(tmp_path, monkeypatch):
    """At a terminal, ``plan create`` asks for each part 第六条 requires, one answer at a time."""
    import questionary

    from decisiontrack.cli import _prompts

    answers = iter(["王某:科长:13900000000", "", "2024-06-30:完成年度调查", "", "问卷调查", "实地考察", ""])
    asked: list[str] = []

    class Answer:
        def __init__(self, message):
            asked.append(message)

        def unsafe_ask(self):  # Ctrl-C reaches the one handler (exit 130), not questionary's English
            return next(answers)

    monkeypatch.setattr(_prompts, "is_interactive", lambda: True)
    monkeypatch.setattr(questionary, "text", lambda message, validate=None: Answer(message))
    root = workspace(tmp_path, {f"{DECISION}/decision.toml": decision_toml()})
    result = run(root, "plan", "create", "2022-001", "--responsible-unit", "市生态环境局", "--on", "2024-02-10",
                 "--no-commit")
    assert result.exit_code == 0, result.stderr
    assert asked[0] == "责任人员（姓名:职务:联系方式）（第1项，直接回车结束）："
    assert any(message.startswith("时间节点") for message in asked)
    assert any(message.startswith("跟踪方法") for message in asked)
    data = tomllib.loads((root / DECISION / "plan.toml").read_text(encoding="utf-8"))
    assert data["people"] == [{"name": "王某", "role": "科长", "contact": "13900000000"}]
    assert [m["title"] for m in data["milestones"]] == ["完成年度调查"]
    assert data["methods"] == ["问卷调查", "实地考察"]
    assert result.stderr == ""


def test_6_plan_prompt_checks_each_answer():
    from decisiontrack.ops.decisions import milestone_problem, person_problem

    assert milestone_problem("2024-06-30:完成年度调查") is None
    assert "应写成 日期:事项" in milestone_problem("明年六月:调查")
    assert person_problem(":科长") is not None and person_problem("王某") is None


def test_export_public_cites_only_the_workspaces_own_banfa(tmp_path):
    """任丘 workspace: 任丘第七条 only; national: the 条例 excerpt has no disclosure article, so none."""
    from decisiontrack.export.public import PublicSet, index_markdown, withheld_markdown
    from decisiontrack.profiles import read_profile
    from decisiontrack.store.loader import load_workspace

    root = workspace(tmp_path, {}, "renqiu-2023")
    ws = load_workspace(root)
    renqiu = read_profile("renqiu-2023")
    index = index_markdown(PublicSet(), ws, renqiu)
    assert "根据《任丘市重大行政决策实施情况跟踪反馈和后评估办法（试行）》第七条，" in index
    assert "鄂尔多斯市重大行政决策实施情况" not in index and "鄂尔多斯市办法" not in index
    withheld = withheld_markdown(PublicSet(secret_count=1), renqiu)
    assert "（《任丘市重大行政决策实施情况跟踪反馈和后评估办法（试行）》第七条）" in withheld
    national = read_profile("national-2019")
    assert "根据" not in index_markdown(PublicSet(), ws, national)
    assert "鄂尔多斯市办法" not in withheld_markdown(PublicSet(secret_count=1), national)
