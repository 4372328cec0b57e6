"""A workspace with everything the exports look at: a public decision full of personal data,
a secret one with a decided evaluation, an internal one, and one without any evaluation."""

from __future__ import annotations

from datetime import date

import pytest
from tests.helpers import decision_toml, workspace

AS_OF = date(2024, 7, 15)
SECRET_TITLE = "某涉密国防动员改革实施方案"
SECRET_DOC = "鄂府密〔2023〕5号"

#: Every personal value of the workspace: none may reach the public set.
PERSONAL = [
    "张三丰", "zhangsf@example.com", "王小明", "0477-8581234", "李四光", "13912345678",
    "东胜区天骄路8号", "lisi@mail.gov.cn", "13800138000", "110105194912310026",
    "11010519491231002X", "110105491231002", "(0477)8581235", "赵六", "+86 139-0000-1111",
]

PLAN = """\
responsible_unit = "市生态环境局规划科"
steps = "按季度调查"
progress_report_every_months = 6
[[people]]
name = "刘科长"
role = "科长"
contact = "东胜区天骄路8号"
[[people]]
name = "陈干事"
role = "干事"
contact = "lisi@mail.gov.cn"
[[milestones]]
id = "m1"
title = "制定调查问卷"
due = 2024-03-31
done_on = 2024-03-20
[[milestones]]
id = "m2"
title = "完成年度跟踪调查"
due = 2024-09-30
"""

OPINION_1 = """\
received_on = 2024-03-15
channel = "letter"
stance = "oppose"
summary = "反对调整"
[submitter]
name = "张三丰"
contact = "zhangsf@example.com"
"""
OPINION_2 = """\
received_on = 2024-03-16
channel = "phone"
stance = "suggestion"
summary = "建议延长过渡期"
[submitter]
name = "王小明"
contact = "0477-8581234"
"""
OPINION_3 = """\
received_on = 2024-03-17
channel = "visit"
stance = "support"
[submitter]
name = "李四光"
contact = "13912345678"
"""

EVENT = """\
kind = "problem"
occurred_on = 2024-07-10
description = "部分区域执行不到位"
"""

INSPECTION = """\
conducted_on = 2024-05-10
method = "onsite"
by = "市人民政府督查室"
[[rectifications]]
id = "r1"
item = "补齐监测站点"
due = 2024-08-31
[[rectifications]]
id = "r2"
item = "公开监测数据"
due = 2024-06-30
done_on = 2024-06-20
"""

EVALUATION = """\
id = "{id}"
kind = "mid-term"
addresses = ["ordos-2024/12.3"]
evaluator = "市生态环境局"
started_on = 2023-07-05
research_completed_on = 2023-09-30
submitted_on = 2023-10-20
decided_on = 2023-11-01
outcome = "continue"
"""

OPEN_EVALUATION = """\
id = "2024-special"
kind = "special"
evaluator = "市发展和改革委员会"
started_on = 2024-05-01
research_completed_on = 2024-06-20
"""

REPORT = """\
+++
title = "{title}"
issuer = "鄂尔多斯市生态环境局"
classification = "{classification}"
decision = "{decision}"
evaluation = "{evaluation}"
submitted_on = 2023-10-20
+++
# {title}

<!-- 指引：删除本行 -->

## 一、评估基本情况

本次评估由王小明、李四光等群众来信引发。张三丰（电话 138 0013 8000，邮箱 zhangsf@example.com）
反映执行问题；来访人赵六，身份证号 110105194912310026，另一人 11010519491231002X，
旧证 110105491231002。联系电话 (0477)8581235、+86 139-0000-1111，或 13800138000。
责任人联系地址：东胜区天骄路8号，邮箱 lisi@mail.gov.cn。

## 二、评估结论

继续执行。本决策与{secret}无关。

| 指标 | 联系人 |
|---|---|
| 满意度 | 张三丰 13912345678 |
"""


def _report(title: str, decision: str, evaluation: str, classification: str = "public") -> str:
    return REPORT.format(title=title, classification=classification, decision=decision,
                         evaluation=evaluation, secret=SECRET_TITLE)


def opinion_with(name: str, received: str = "2024-03-18") -> str:
    """An opinion by ``name`` (used to add a submitter the report names)."""
    return (f'received_on = {received}\nchannel = "visit"\nstance = "neutral"\n'
            f'[submitter]\nname = "{name}"\n')


@pytest.fixture
def ws(tmp_path):
    """The sample workspace (ordos-2024, no git)."""
    root = tmp_path / "ws"
    ev = "decisions/2022-001/evaluations/2023-mid-term"
    secret_ev = "decisions/2023-002/evaluations/2023-mid-term"
    internal_ev = "decisions/2023-003/evaluations/2023-mid-term"
    return workspace(root, {
        "decisions/2022-001/decision.toml": decision_toml("2022-001"),
        "decisions/2022-001/plan.toml": PLAN,
        "decisions/2022-001/feedback/20240315-letter-aaaa.toml": OPINION_1,
        "decisions/2022-001/feedback/20240316-phone-bbbb.toml": OPINION_2,
        "decisions/2022-001/feedback/20240317-visit-cccc.toml": OPINION_3,
        "decisions/2022-001/feedback/20240318-visit-dddd.toml": opinion_with("赵六"),
        "decisions/2022-001/events/20240710-problem-eeee.toml": EVENT,
        "decisions/2022-001/inspections/20240510-onsite-ffff.toml": INSPECTION,
        f"{ev}/evaluation.toml": EVALUATION.format(id="2023-mid-term"),
        f"{ev}/report.md": _report("生态环境保护规划中期评估报告", "2022-001", "2023-mid-term"),
        "decisions/2022-001/evaluations/2024-special/evaluation.toml": OPEN_EVALUATION,
        "decisions/2023-002/decision.toml": decision_toml(
            "2023-002", category="reform", effective_from="2021-01-01"
        ).replace("鄂尔多斯市“十四五”生态环境保护规划", SECRET_TITLE)
         .replace("鄂府发〔2021〕88号", SECRET_DOC) + 'classification = "secret"\n',
        f"{secret_ev}/evaluation.toml": EVALUATION.format(id="2023-mid-term"),
        f"{secret_ev}/report.md": _report(f"{SECRET_TITLE}评估报告", "2023-002", "2023-mid-term"),
        "decisions/2023-003/decision.toml": decision_toml("2023-003", category="policy").replace(
            "鄂尔多斯市“十四五”生态环境保护规划", "城区公交票价调整政策"
        ).replace("鄂府发〔2021〕88号", "鄂府发〔2023〕12号") + 'classification = "internal"\n',
        f"{internal_ev}/evaluation.toml": EVALUATION.format(id="2023-mid-term"),
        f"{internal_ev}/report.md": _report("公交票价调整政策评估报告", "2023-003", "2023-mid-term",
                                            classification="internal"),
        "decisions/2024-001/decision.toml": decision_toml(
            "2024-001", category="project", effective_from="2024-02-01", effective_until=None
        ).replace("鄂尔多斯市“十四五”生态环境保护规划", "中心城区供热管网改造项目"),
    })


@pytest.fixture
def result(ws):
    """``check`` of the sample workspace on :data:`AS_OF`, every record kept (``export public``)."""
    from decisiontrack.checking import run_check

    return run_check(ws, AS_OF, keep_records=True)


def checked(root, as_of, view, include_secret=True):
    """The check pass with an export's view (secret decisions included unless told otherwise)."""
    from decisiontrack.checking import Selection, run_check

    return run_check(root, as_of, selection=Selection(include_secret=include_secret), view=view)
