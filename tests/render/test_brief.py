"""``decisiontrack brief``: the leader's page of overdue and must duties (issue #14 item 7).

Dates are fixed with ``--as-of``; the workspace is the repository's sample (鄂尔多斯办法).
Levels appear in the statute's words, rules by their article (第十二条第（二）项 …), dates as
2025年6月30日; secret decisions are left out unless ``--include-secret`` (issue #10 item 8).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import docx
import pytest
from tests.helpers import run

SAMPLE_WORKSPACE = Path(__file__).resolve().parents[2] / "sample_workspace"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    target = tmp_path / "ws"
    shutil.copytree(SAMPLE_WORKSPACE, target)
    return target


def _make_secret(root: Path, decision_id: str) -> str:
    path = root / "decisions" / decision_id / "decision.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r'(?m)^classification = .*$', "", text) + '\nclassification = "secret"\n', encoding="utf-8")
    return re.search(r'(?m)^title = "(.*)"$', text).group(1)


def test_markdown_for_the_mail_counts_by_level_and_lists_overdue_and_must(root):
    result = run(root, "brief", "--as-of", "2025-06-30", "--format", "markdown")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.startswith("# 重大行政决策跟踪反馈和后评估待办事项汇总\n")
    assert "截至2025年6月30日，鄂尔多斯市人民政府登记的重大行政决策共7项" in text
    # 11 overdue: 第十二条第（二）项 no longer reaches the plan 2020-001 (a plan is not a 重大政策)
    assert "已逾期11项、应当1项、即将到期2项、可以2项、提示0项" in text
    assert "## 一、已逾期的事项（11项）" in text and "## 二、应当办理的事项（1项）" in text
    assert "**（一）鄂尔多斯市“十四五”生态环境保护规划**（市生态环境局）" in text
    # what is due (the rule's task), by when, and the article, each once (第十二条第（二）项: 执行满
    # 一年后评估, counted from 2024-01-09 when the 办法 took effect, plus the local 90 days)
    assert ("**（二）鄂尔多斯市网络预约出租汽车经营服务管理实施细则**（市交通运输局）："
            "1. 报送跟踪反馈报告（2025年1月9日前；第六、八条）；"
            "2. 已执行满1年，组织后评估（2024年4月8日前；第十二条第（二）项，本地设定）；"
            "3. 落实评估决定“调整”（2025年2月18日前；第二十条第三款，本地设定）。") in text
    assert "（2025年5月27日前；第九条，本地设定）" in text  # the 7 days of 第九条“及时”
    assert text.count("第十二条第（二）项") == 3  # once for each of the three decisions, never twice in a line
    assert ("现将已逾期和应当办理的事项汇总如下，其中标明“本地设定”的，是办法只说“及时”“较多”等、"
            "由本机关设定的数值（办理期限90日、制定方案期限30日、报告期限7日）。\n") in text
    assert text.rstrip().endswith("鄂尔多斯市人民政府\n\n2025年6月30日")
    _chinese_only(text)


def _chinese_only(text: str) -> None:
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text)
    for word in ("overdue", "must", "due-soon", "ordos-2024", ".toml", " m3", "2024-special"):
        assert word not in text, word


def test_docx_brief_is_a_gongwen(root):
    result = run(root, "brief", "--as-of", "2025-06-30")
    assert result.exit_code == 0, result.output
    out = root / "out" / "汇总-2025-06-30.docx"
    assert result.stdout.strip() == str(out)
    document = docx.Document(str(out))
    paragraphs = [p for p in document.paragraphs if p.text]
    assert paragraphs[0].style.name == "Title"
    assert paragraphs[0].text == "重大行政决策跟踪反馈和后评估待办事项汇总"
    texts = [p.text for p in paragraphs]
    assert "一、已逾期的事项（11项）" in texts
    # not sealed (GB/T 9704-2012 7.3.5.2), an internal brief: 附注 under the date
    assert texts[-3:] == ["鄂尔多斯市人民政府", "2025年6月30日", "（此件不予公开）"]
    _chinese_only("\n".join(texts))


def test_secret_decisions_are_left_out_entirely(root):
    title = _make_secret(root, "2020-001")
    text = run(root, "brief", "--as-of", "2025-06-30", "--format", "markdown").stdout
    assert title not in text
    assert "重大行政决策共6项" in text and "已逾期10项" in text


def test_include_secret_brings_them_back_and_marks_the_brief(root):
    title = _make_secret(root, "2020-001")
    text = run(root, "brief", "--as-of", "2025-06-30", "--format", "markdown", "--include-secret").stdout
    assert title in text and "重大行政决策共7项" in text
    result = run(root, "brief", "--as-of", "2025-06-30", "--include-secret")
    assert result.exit_code == 0
    document = docx.Document(str(root / "out" / "汇总-2025-06-30.docx"))
    assert document.paragraphs[1].text == "秘密"  # GB/T 9704-2012 7.2.2, second line


def test_unit_narrows_the_brief(root):
    text = run(root, "brief", "--as-of", "2025-06-30", "--format", "markdown", "--unit", "市交通运输局").stdout
    assert "承办单位为市交通运输局的重大行政决策共1项" in text
    assert "鄂尔多斯市网络预约出租汽车经营服务管理实施细则" in text
    assert "生态环境保护规划" not in text


def test_an_unknown_unit_is_exit_2_listing_the_known(root):
    result = run(root, "brief", "--as-of", "2025-06-30", "--unit", "市教育局")
    assert result.exit_code == 2
    assert "--unit：没有承办单位为“市教育局”的决策" in result.stderr and "市交通运输局" in result.stderr


def test_nothing_due_says_so(root):
    text = run(root, "brief", "--as-of", "2019-01-01", "--format", "markdown").stdout
    assert "目前没有已逾期或应当办理的事项。" in text


def test_a_day_before_the_banfa_took_effect_says_so(root):
    """鄂尔多斯办法第二十四条: 自印发之日起施行 (2024-01-09); nothing is counted before it (issue 11)."""
    text = run(root, "brief", "--as-of", "2023-12-31", "--format", "markdown").stdout
    assert ("已逾期0项、应当0项、即将到期0项、可以0项、提示0项。《鄂尔多斯市重大行政决策实施情况跟踪反馈和"
            "后评估办法》自2024年1月9日起施行，截至2023年12月31日尚未施行。") in text
    assert "目前没有已逾期或应当办理的事项。" in text
    assert "尚未施行" not in run(root, "brief", "--as-of", "2024-01-09", "--format", "markdown").stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--as-of", "2025-02-30"), "--as-of 的日期“2025-02-30”无效"),
        (("--format", "html"), "--format 的值“html”无效"),
        (("--format", "pdf", "-o", "x.docx"), "扩展名不一致"),
    ],
)
def test_bad_options_are_exit_2(root, args, message):
    result = run(root, "brief", *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_a_broken_record_is_listed_and_the_brief_still_written(root):
    (root / "decisions" / "2022-001" / "decision.toml").write_text("title = \n", encoding="utf-8")
    result = run(root, "brief", "--as-of", "2025-06-30", "--format", "markdown")
    assert result.exit_code == 3
    assert "另有1处记录有误，未能检查" in result.stdout
    assert "decisions/2022-001/decision.toml:1:" in result.stderr


def test_the_core_takes_several_workspaces(root):
    """The brief is a function of (organisation, check result) pairs: ready for several workspaces."""
    from datetime import date

    from decisiontrack.brief import brief_body, build_brief
    from decisiontrack.checking import run_check

    result = run_check(root, date(2025, 6, 30), keep_records=True)
    brief = build_brief([("甲市人民政府", result), ("乙市人民政府", result)], date(2025, 6, 30))
    assert brief.decisions == 14 and brief.counts["overdue"] == 22
    body = brief_body(brief)
    assert "甲市人民政府、乙市人民政府登记的重大行政决策共14项" in body
    assert "**（一）甲市人民政府鄂尔多斯市“十四五”生态环境保护规划**" in body
