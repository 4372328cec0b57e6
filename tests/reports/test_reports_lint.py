"""Lint: raw scaffold refused, finished report accepted, sections removed or swapped, outcomes."""

from __future__ import annotations

import re

import pytest
from eval_helpers import EVALUATION, make, written

from decisiontrack.profiles.loader import read_profile
from decisiontrack.reports.lint import lint_report
from decisiontrack.reports.scaffold import evaluation_document
from decisiontrack.store.loader import load_workspace

PATH = f"{EVALUATION}/report.md"
EXPECTED = {
    "decision": "2022-001",
    "evaluation": "2024-mid-term",
    "kind": "evaluation-report",
    "classification": "public",
}
THREE = "三、重大行政决策实施中存在的主要问题和原因，提出改进建议"
FOUR = (
    "四、决策与法律、法规、规章及国家相关政策规定是否一致，与本级其它决策是否存在冲突或不协调的情况"
)


def _scaffold(tmp_path, profile="ordos-2024", category="plan"):
    root = make(tmp_path, profile, category)
    if profile != "ordos-2024":
        path = root / EVALUATION / "evaluation.toml"
        path.write_text(
            path.read_text(encoding="utf-8").replace("ordos-2024/12.3", "renqiu-2023/12.2"),
            encoding="utf-8",
        )
    folder = load_workspace(root).decisions["2022-001"]
    p = read_profile(profile)
    return evaluation_document(folder, folder.evaluations[0].evaluation, p), p


def _lint(text, profile, category="plan", expected=EXPECTED):
    template = profile.template("evaluation-report", category)
    return lint_report(text, PATH, template, profile.outcomes_for(category), expected)


def _section(text: str, heading: str) -> str:
    """The ``## heading`` block up to the next ``## ``."""
    start = text.index(f"## {heading}")
    end = text.find("\n## ", start + 1)
    return text[start : end + 1] if end != -1 else text[start:]


def test_a_raw_scaffold_is_refused_section_by_section(tmp_path):
    text, profile = _scaffold(tmp_path)
    result = _lint(text, profile)
    assert not result.complete
    messages = [p.message for p in result.problems]
    assert (
        f"第十九条第二款第（三）项要求的“{THREE}”尚未填写（只有待填写说明或预填的事实）" in messages
    )
    assert any(
        "第十八条第（二）项要求的“（二）决策实施的成本效益分析”尚未填写" in m for m in messages
    )
    assert any(
        m.startswith("第十九条第二款第（八）项：") and "未写明评估结论" in m for m in messages
    )
    # 7 sections without sub-items or conclusion, 6 sub-items of 第十八条, 1 conclusion
    assert len(result.problems) == 14
    assert all(p.path == PATH and p.line for p in result.problems)


def test_problems_point_at_the_line_of_their_heading(tmp_path):
    text, profile = _scaffold(tmp_path)
    lines = text.splitlines()
    for problem in _lint(text, profile).problems:
        assert lines[problem.line - 1].startswith(("## ", "### "))


def test_a_finished_report_is_accepted_with_its_outcome(tmp_path):
    text, profile = _scaffold(tmp_path)
    result = _lint(written(text), profile)
    assert result.problems == []
    assert result.outcome == "继续执行"
    assert (result.sections, result.subitems) == (9, 6)


def test_prefilled_facts_alone_do_not_finish_a_section(tmp_path):
    text, profile = _scaffold(tmp_path)
    done = written(text)
    section = _section(done, "二、重大行政决策实施基本情况")
    only_facts = section.replace("经调查，情况如下：各项工作按计划推进。", "")
    result = _lint(done.replace(section, only_facts), profile)
    assert [p.message for p in result.problems] == [
        "第十九条第二款第（二）项要求的“二、重大行政决策实施基本情况”尚未填写（只有待填写说明或预填的事实）"
    ]


def test_a_removed_section_is_named_with_its_article(tmp_path):
    text, profile = _scaffold(tmp_path)
    done = written(text)
    result = _lint(done.replace(_section(done, THREE), ""), profile)
    assert [p.message for p in result.problems] == [f"缺少第十九条第二款第（三）项要求的“{THREE}”"]
    four_line = done.replace(_section(done, THREE), "").splitlines().index(f"## {FOUR}") + 1
    assert result.problems[0].line == four_line


def test_a_removed_subitem_is_named_with_article_18(tmp_path):
    text, profile = _scaffold(tmp_path)
    done = written(text)
    done = re.sub(r"### （二）决策实施的成本效益分析\n\n[^\n]*\n", "", done)
    assert [p.message for p in _lint(done, profile).problems] == [
        "缺少第十八条第（二）项要求的“（二）决策实施的成本效益分析”（在“六、是否达到重大行政决策目标和预期效果”之下）"
    ]


def test_two_swapped_sections_are_refused(tmp_path):
    text, profile = _scaffold(tmp_path)
    done = written(text)
    three, four = _section(done, THREE), _section(done, FOUR)
    swapped = done.replace(three + four, four + three)
    assert swapped != done
    messages = [p.message for p in _lint(swapped, profile).problems]
    assert messages == [f"顺序不对：第十九条第二款第（三）项要求的“{THREE}”应排在“{FOUR}”之前"]


def test_a_heading_may_keep_or_drop_its_number(tmp_path):
    text, profile = _scaffold(tmp_path)
    done = written(text).replace(
        f"## {THREE}", "## 三、 重大行政决策实施中存在的主要问题和原因,提出改进建议"
    )
    assert _lint(done, profile).complete


@pytest.mark.parametrize(
    ("conclusion", "fragment"),
    [
        (None, "未写明评估结论"),
        (
            "评估结论：建议继续执行，同时调整部分措施。",
            "只能写一项评估结论，现写了“继续执行”、“调整”",
        ),
        ("评估结论：建议废止。", "评估结论“建议废止。”不是可用的结论"),
    ],
)
def test_the_conclusion_names_exactly_one_outcome_of_article_20(tmp_path, conclusion, fragment):
    text, profile = _scaffold(tmp_path)
    done = written(text)
    done = done.replace("评估结论：建议继续执行。", conclusion or "")
    result = _lint(done, profile)
    assert len(result.problems) == 1
    problem = result.problems[0]
    assert problem.message.startswith("第十九条第二款第（八）项：")
    assert fragment in problem.message
    assert result.outcome is None


def test_a_conclusion_may_be_written_without_the_label(tmp_path):
    text, profile = _scaffold(tmp_path)
    done = written(text).replace("评估结论：建议继续执行。", "经综合评估，建议中止执行。")
    result = _lint(done, profile)
    assert result.complete and result.outcome == "中止执行"


def test_renqiu_normative_outcomes_are_those_of_articles_30_31(tmp_path):
    text, profile = _scaffold(tmp_path, "renqiu-2023", "normative")
    expected = {**EXPECTED}
    accepted = _lint(written(text, "修改"), profile, "normative", expected)
    assert accepted.complete and accepted.outcome == "修改"
    refused = _lint(written(text, "推广"), profile, "normative", expected)
    assert [p.message[:11] for p in refused.problems] == ["第二十一条第（三）项："]


def test_front_matter_is_checked(tmp_path):
    text, profile = _scaffold(tmp_path)
    done = written(text)
    broken = done.replace('evaluation = "2024-mid-term"', 'evaluation = "2023-final"').replace(
        'classification = "public"', 'classification = "top"'
    )
    broken = re.sub(r"title = .*\n", "", broken, count=1)
    messages = [p.message for p in _lint(broken, profile).problems]
    assert "前置信息缺少 title（应为非空文字）" in messages
    assert "前置信息 evaluation = “2023-final”，应为“2024-mid-term”" in messages
    assert any(m.startswith("classification 的值“top”无效") for m in messages)
    assert _lint("没有前置信息", profile).problems[0].line == 1


def test_a_report_less_secret_than_its_decision_is_refused(tmp_path):
    text, profile = _scaffold(tmp_path)
    problems = _lint(
        written(text), profile, expected={**EXPECTED, "classification": "secret"}
    ).problems
    assert len(problems) == 1 and "低于决策的密级" in problems[0].message
