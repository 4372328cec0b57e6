"""Prefilled facts equal the records; no scaffold carries personal data (第二十一条 保密义务)."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from eval_helpers import OPINIONS, PERSONAL, make

from decisiontrack.profiles.loader import read_profile
from decisiontrack.reports import prefill
from decisiontrack.reports.scaffold import evaluation_document, progress_document
from decisiontrack.store.loader import load_workspace


def _folder(tmp_path, **kwargs):
    return load_workspace(make(tmp_path, **kwargs)).decisions["2022-001"]


def test_opinion_counts_equal_the_records(tmp_path):
    folder = _folder(tmp_path)
    counts = prefill.opinion_counts(folder)
    assert counts["by_pair"] == dict(Counter(OPINIONS))
    assert counts["by_channel"] == {"letter": 3, "online": 2, "phone": 1}
    assert counts["by_stance"] == {"oppose": 3, "support": 2, "suggestion": 1}
    assert counts["total"] == len(OPINIONS) == len(folder.opinions)


def test_a_withdrawn_opinion_is_not_counted_in_a_report(tmp_path):
    """An opinion withdrawn as 登记错误 or 重复登记 counts neither toward 较多意见 nor in a report."""
    root = make(tmp_path)
    first = sorted((root / "decisions/2022-001/feedback").glob("*.toml"))[0]
    first.write_text("withdrawn_on = 2024-08-01\nwithdrawn_reason = \"重复登记\"\n" + first.read_text(encoding="utf-8"),
                     encoding="utf-8")
    counts = prefill.opinion_counts(load_workspace(root).decisions["2022-001"])
    assert counts["total"] == len(OPINIONS) - 1


def test_a_missing_plan_is_noted_without_an_article_other_办法_do_not_have(tmp_path):
    """Only 鄂尔多斯第六条 requires a 跟踪反馈工作方案: a 任丘 report must not cite 第六条 for it."""
    folder = _folder(tmp_path)
    folder.plan = None
    assert prefill.plan_facts(folder).notes == ["尚未制定跟踪反馈工作方案。"]


def test_the_opinion_table_counts_by_channel_and_stance_with_totals(tmp_path):
    table = prefill.opinion_facts(_folder(tmp_path))
    assert table.headers == ("渠道", "支持", "反对", "建议", "中立", "合计")
    assert table.rows == [
        ("信函", "0", "3", "0", "0", "3"),
        ("电话", "0", "0", "1", "0", "1"),
        ("网上", "2", "0", "0", "0", "2"),
        ("合计", "2", "3", "1", "0", "6"),
    ]


def test_decision_plan_events_inspections_indicators_and_triggers(tmp_path):
    folder = _folder(tmp_path)
    text = evaluation_document(folder, folder.evaluations[0].evaluation, read_profile("ordos-2024"))
    for fact in (
        "| 决策名称 | 鄂尔多斯市“十四五”生态环境保护规划 |",
        "| 文号 | 鄂府发〔2021〕88号 |",
        "| 决策类别 | 重大规划 |",
        "| 执行期间 | 2021年1月1日至2025年12月31日 |",
        "| 承办单位 | 市生态环境局 |",
        "| 1 | 完成年度跟踪调查 | 2024年6月30日 | 2024年6月20日 | 已完成 |",
        "| 2 | 完成中期总结 | 2024年12月31日 | — | 未完成 |",
        "| 2024年4月1日 | 出现较大争议 | 沿河企业搬迁引发争议 | 2024年4月3日 |",
        "| 2024年5月10日 | 实地督查 | 市人民政府督查室 | 公开进度 | 2024年9月30日 | 未完成 | 未报审 |",
        "督查 1 次，整改事项 2 项，已完成 1 项。",
        "| 2024年上半年 | PM2.5年均浓度 | 微克/立方米 | 30 | 28 |",
        "| 合计 | 2 | 3 | 1 | 0 | 6 |",
    ):
        assert fact in text, fact
    # the rule this evaluation answers (第十二条第（三）项), as it stood when the evaluation started:
    # by its article and the statute's word for the level, never by its id: past half on
    # 2023-07-03, counted from 2024-01-09 when the 办法 took effect (第二十四条)
    assert "| 第十二条第（三）项 | 已逾期 | 2024年1月9日 |" in text
    assert "ordos-2024/12.3" not in text


def test_prefilled_blocks_are_marked_so_lint_can_tell_them_from_the_officers_text(tmp_path):
    folder = _folder(tmp_path)
    text = evaluation_document(folder, folder.evaluations[0].evaluation, read_profile("ordos-2024"))
    assert text.count("<!-- 预填：") == text.count("<!-- /预填 -->") == 8


@pytest.mark.parametrize("kind", ["evaluation-report", "evaluation-plan", "progress-report"])
@pytest.mark.parametrize(
    ("profile", "category"),
    [("ordos-2024", "plan"), ("renqiu-2023", "normative"), ("renqiu-2023", "policy")],
)
def test_no_personal_data_in_any_scaffold(tmp_path, kind, profile, category):
    folder = _folder(tmp_path, profile=profile, category=category)
    p = read_profile(profile)
    if p.template(kind, category) is None:
        pytest.skip(f"{profile} has no {kind} for {category}")
    if kind == "progress-report":
        text = progress_document(folder, p, "2024-H2", date(2025, 1, 5))
    else:
        text = evaluation_document(folder, folder.evaluations[0].evaluation, p, kind)
    for personal in PERSONAL:
        assert personal not in text
    for summary in ("意见0", "意见5"):
        assert summary not in text


def test_progress_report_front_matter_is_a_valid_record_carrying_indicators_over(tmp_path):
    from decisiontrack.model.progress import ProgressReport
    from decisiontrack.store.frontmatter import parse_front_matter

    folder = _folder(tmp_path)
    text = progress_document(folder, read_profile("ordos-2024"), "2024-H2", date(2025, 1, 5))
    data, body, _ = parse_front_matter(text)
    report = ProgressReport.model_validate(data)
    assert (report.period, report.submitted_on) == ("2024-H2", date(2025, 1, 5))
    assert [(i.name, i.target, i.actual) for i in report.indicators] == [
        ("PM2.5年均浓度", 30, None)
    ]
    assert report.title.endswith("跟踪反馈报告（2024年下半年）") and report.issuer == "市生态环境局"
    assert [line for line in body.splitlines() if line.startswith("## ")] == [
        "## 一、工作进展",
        "## 二、执行效果",
        "## 三、执行中存在问题和解决建议",
        "## 四、下一步工作安排",
    ]


@pytest.mark.parametrize("kind", ["evaluation-report", "evaluation-plan", "progress-report"])
def test_scaffolds_speak_as_a_gongwen_not_as_the_records(tmp_path, kind):
    """No ISO date, period id, rule id or workspace file name outside the guidance comments."""
    import re

    from decisiontrack.reports.lint import real_text

    folder = _folder(tmp_path)
    profile = read_profile("ordos-2024")
    if kind == "progress-report":
        text = progress_document(folder, profile, "2024-H2", date(2025, 1, 5))
    else:
        text = evaluation_document(folder, folder.evaluations[0].evaluation, profile, kind)
    body = re.sub(r"<!--[\s\S]*?-->", "", text.split("+++", 2)[2])
    assert not re.search(r"\d{4}-\d{2}-\d{2}", body), body
    assert not re.search(r"\d{4}-(H[12]|Q[1-4])", body)
    assert "ordos-2024/" not in body and ".toml" not in body
    assert not re.search(r"\b[mr]\d+\b", body)
    assert real_text(text) is not None


def test_period_words():
    from decisiontrack.wording import period_words

    assert [period_words(p) for p in ("2025-H2", "2025-H1", "2025-Q3", "2025-05", "2025", "其他")] == [
        "2025年下半年", "2025年上半年", "2025年第三季度", "2025年5月", "2025年", "其他"
    ]


@pytest.mark.parametrize(("text", "written"), [
    ("时间节点“完成“一湖两河”综合治理工程阶段验收”", "时间节点“完成‘一湖两河’综合治理工程阶段验收”"),
    ("决定“调整”，落实“继续执行”", "决定“调整”，落实“继续执行”"),
    ("“一“二“三”二”一”", "“一‘二“三”二’一”"),
    ("没有引号", "没有引号"),
])
def test_quotation_marks_inside_quotation_marks_are_single(text, written):
    """GB/T 15834-2011《标点符号用法》: 引号里面还要用引号时，外面一层用双引号，里面一层用单引号."""
    from decisiontrack.wording import nested_quotes, plain_words

    assert nested_quotes(text) == written
    assert plain_words(text) == written
