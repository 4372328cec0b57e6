"""Each template's sections against the text of its article (quoted here from the regulations)."""

from __future__ import annotations

import pytest
from eval_helpers import EVALUATION, make
from tests.helpers import build_tree, run

from decisiontrack.profiles.loader import read_profile
from decisiontrack.reports.scaffold import evaluation_document
from decisiontrack.store.loader import load_workspace

# 鄂尔多斯 第十九条第二款 （一）至（九）
ORDOS_19 = """评估工作的基本情况，评估过程和方式
重大行政决策实施基本情况
重大行政决策实施中存在的主要问题和原因，提出改进建议
决策与法律、法规、规章及国家相关政策规定是否一致，与本级其它决策是否存在冲突或不协调的情况
决策在利益相关方中的接受程度和社会公众的认知、认可程度
是否达到重大行政决策目标和预期效果
决策是否存在负面因素或其它不利影响
作出建议继续执行、中止执行、终止执行或者调整重大行政决策的评估结论
决策机关或者评估单位认为需要说明的其它事项""".splitlines()

# 鄂尔多斯 第十八条 （一）至（六）
ORDOS_18 = """决策实施的效果与决策目的是否相符
决策实施的成本效益分析
实施对象对决策的接受程度
决策实施与经济社会发展的符合程度
决策实施带来的影响和可预期的长远影响
其它需要评估的内容""".splitlines()

# 鄂尔多斯 第八条: “工作进展、执行效果、执行中存在问题和解决建议、下一步工作安排”
ORDOS_8 = ["工作进展", "执行效果", "执行中存在问题和解决建议", "下一步工作安排"]

# 鄂尔多斯 第十四条第（一）项: “评估目的、评估人员、评估范围、评估时间、评估指标、
# 评估方法、评估程序、委托评估”
ORDOS_14_1 = [
    "评估目的",
    "评估人员",
    "评估范围",
    "评估时间",
    "评估指标",
    "评估方法",
    "评估程序",
    "委托评估",
]

# 任丘 第二十一条 （一）至（四）; 第十五条 （一）至（六）
RENQIU_21 = [
    "跟踪反馈、评估工作的基本情况",
    "实施绩效、制度设计等跟踪反馈、评估内容分析",
    "跟踪反馈、评估结论及建议",
    "其他需要说明的问题",
]
RENQIU_15 = {
    "合法性标准": "各项规定是否与现行法律法规规章以及国家有关政策的规定相一致。",
    "合理性标准": (
        "公平、公正原则是否得到体现；各项管理措施是否必要、适当；"
        "是否采用对行政相对人权益损害最小的方式实现制定目的；"
        "法律责任是否与违法行为的事实、性质、情节以及社会危害程度相当。"
    ),
    "协调性标准": (
        "政府规范性文件与同位阶的规范性文件是否存在冲突，规定的制度是否互相衔接，"
        "要求建立的配套制度是否完备。"
    ),
    "可操作性标准": (
        "规定的制度是否有针对性地解决行政管理中存在的问题；规定的措施是否高效、便民；"
        "规定的程序是否正当、简便、易于操作。"
    ),
    "规范性标准": (
        "制定技术是否规范，逻辑结构是否严密，表述是否准确，"
        "是否影响到政府规范性文件的正确、有效实施。"
    ),
    "实效性标准": "政府规范性文件是否得到普遍遵守和执行，是否实现预期的制定目的。",
}

# 任丘 第二十八条 （一）至（四）; 第二十五条 （一）至（七）
RENQIU_28 = [
    "对决策事项的作出与实施进行总体的跟踪反馈、评价，对决策效果、决策效率、决策效益作出定性与定量的跟踪反馈、评价",
    "作出决策跟踪反馈、评估和定性、定量评价的依据",
    "决策实施过程中存在的问题及改进对策",
    "对决策事项继续实施、推广、调整或终结的建议",
]
RENQIU_25 = [
    "决策的实施结果与决策目的是否符合",
    "实施决策的成本、效益分析",
    "实施决策带来的负面因素",
    "实施决策在特定对象中的接受程度",
    "实施决策与经济发展方向的符合程度",
    "实施决策带来的近期效益和长远影响",
    "主要经验、教训、措施和建议等",
]

ITEMS = "一二三四五六七八九"


def test_ordos_evaluation_report_is_article_19_with_article_18_under_six():
    template = read_profile("ordos-2024").template("evaluation-report", "plan")
    assert template.article == "第十九条"
    assert [s.heading for s in template.sections] == ORDOS_19
    assert [s.article for s in template.sections] == [f"第十九条第二款第（{n}）项" for n in ITEMS]
    assert [s.outcome for s in template.sections].index(True) == 7  # （八） the conclusion
    assert sum(s.outcome for s in template.sections) == 1
    six = template.sections[5]
    assert [i.heading for i in six.subitems] == ORDOS_18
    assert [i.article for i in six.subitems] == [f"第十八条第（{n}）项" for n in ITEMS[:6]]


def test_ordos_progress_report_is_article_8_and_plan_is_article_14_1():
    profile = read_profile("ordos-2024")
    progress = profile.template("progress-report", "plan")
    assert [s.heading for s in progress.sections] == ORDOS_8
    assert {s.article for s in progress.sections} == {"第八条"}
    plan = profile.template("evaluation-plan", "plan")
    assert [s.heading for s in plan.sections] == ORDOS_14_1
    assert {s.article for s in plan.sections} == {"第十四条第（一）项"}


def test_renqiu_normative_report_is_article_21_with_the_standards_of_article_15():
    template = read_profile("renqiu-2023").template("evaluation-report", "normative")
    assert template.article == "第二十一条"
    assert [s.heading for s in template.sections] == RENQIU_21
    assert [s.article for s in template.sections] == [f"第二十一条第（{n}）项" for n in ITEMS[:4]]
    analysis = template.sections[1]
    assert [i.heading for i in analysis.subitems] == list(RENQIU_15)
    assert [i.guidance for i in analysis.subitems] == list(RENQIU_15.values())
    assert [i.article for i in analysis.subitems] == [f"第十五条第（{n}）项" for n in ITEMS[:6]]
    assert [s.outcome for s in template.sections] == [False, False, True, False]


@pytest.mark.parametrize("category", ["policy", "plan", "other", "project"])
def test_renqiu_other_decision_report_is_article_28_with_the_contents_of_article_25(category):
    template = read_profile("renqiu-2023").template("evaluation-report", category)
    assert template.article == "第二十八条"
    assert [s.heading for s in template.sections] == RENQIU_28
    assert [i.heading for i in template.sections[0].subitems] == RENQIU_25
    assert [i.article for i in template.sections[0].subitems] == [
        f"第二十五条第（{n}）项" for n in ITEMS[:7]
    ]
    assert [s.outcome for s in template.sections] == [False, False, False, True]


def test_outcome_vocabularies_of_article_20_and_renqiu_articles_28_30():
    assert list(read_profile("ordos-2024").outcomes_for("plan").values()) == [
        "继续执行",
        "中止执行",
        "终止执行",
        "调整",
    ]
    renqiu = read_profile("renqiu-2023")
    assert list(renqiu.outcomes_for("normative").values()) == ["继续实施", "修改", "废止"]
    assert list(renqiu.outcomes_for("policy").values()) == ["继续实施", "推广", "调整", "终结"]


@pytest.mark.parametrize(
    ("profile", "category", "expected", "subitems"),
    [
        ("ordos-2024", "plan", ORDOS_19, ORDOS_18),
        ("renqiu-2023", "normative", RENQIU_21, list(RENQIU_15)),
        ("renqiu-2023", "policy", RENQIU_28, RENQIU_25),
    ],
)
def test_scaffold_holds_every_section_and_subitem_numbered_in_order(
    tmp_path, profile, category, expected, subitems
):
    root = make(tmp_path, profile, category)
    if profile != "ordos-2024":
        path = root / EVALUATION / "evaluation.toml"
        path.write_text(
            path.read_text(encoding="utf-8").replace("ordos-2024/12.3", "renqiu-2023/12.2"),
            encoding="utf-8",
        )
    ws = load_workspace(root)
    folder = ws.decisions["2022-001"]
    text = evaluation_document(folder, folder.evaluations[0].evaluation, read_profile(profile))
    positions = [text.index(f"\n## {ITEMS[i]}、{heading}\n") for i, heading in enumerate(expected)]
    assert positions == sorted(positions)
    for j, heading in enumerate(subitems):
        assert f"\n### （{ITEMS[j]}）{heading}\n" in text
    assert text.count("<!-- 待填写") == len(expected) + len(subitems) + 1  # + the 评估结论 line


CUSTOM_PROFILE = """\
name = "city-2025"
title = "某市重大行政决策后评估办法"
rules = []

[vocabularies]
methods = ["问卷调查"]

[vocabularies.outcomes.default]
keep = "继续执行"
stop = "停止执行"

[[templates]]
kind = "evaluation-report"
title = "评估报告"
article = "第九条"
file = "our-report.md"

[[templates.sections]]
heading = "评估情况"
article = "第九条第（一）项"
guidance = "写明评估情况。"

[[templates.sections]]
heading = "评估结论"
article = "第九条第（二）项"
outcome = true
"""

CUSTOM_TEMPLATE = """\
+++
title = {{ (decision.title ~ "评估报告") | toml }}
{% include "_report_head.md" %}
+++
本市格式。
{% import "_macros.md" as m %}
{{ m.body(sections) }}
"""


def test_a_custom_profile_brings_its_own_template(tmp_path):
    root = make(tmp_path)
    build_tree(
        root,
        {
            "decisiontrack.toml": '[workspace]\norganization = "某市人民政府"\n'
            'profile = "city/city-2025.toml"\n',
            "city/city-2025.toml": CUSTOM_PROFILE,
            "city/our-report.md": CUSTOM_TEMPLATE,
            f"{EVALUATION}/evaluation.toml": (
                'id = "2024-mid-term"\nkind = "mid-term"\nstarted_on = 2024-07-05\n'
            ),
        },
    )
    result = run(root, "evaluation", "scaffold", "2022-001", "2024-mid-term", "--no-commit")
    assert result.exit_code == 0, result.stderr
    text = (root / EVALUATION / "report.md").read_text(encoding="utf-8")
    assert "本市格式。" in text
    assert "## 一、评估情况" in text and "## 二、评估结论" in text
    assert "评估结论：<!-- 待填写：从继续执行、停止执行中选写一项 -->" in text
