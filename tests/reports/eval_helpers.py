"""A decision with every kind of record, and a report written to the end, for the report tests."""

from __future__ import annotations

import re
from pathlib import Path

from tests.helpers import decision_toml, workspace

DECISION = "decisions/2022-001"
EVALUATION = f"{DECISION}/evaluations/2024-mid-term"

PERSONAL = ("张三", "13900000000", "李四", "13800000000", "王五", "zhangsan@example.org")
"""Names and contacts in the records that no scaffold may contain."""

OPINIONS = [  # (channel, stance): letter oppose ×3, online support ×2, phone suggestion ×1
    ("letter", "oppose"),
    ("letter", "oppose"),
    ("letter", "oppose"),
    ("online", "support"),
    ("online", "support"),
    ("phone", "suggestion"),
]


def _opinion(index: int, channel: str, stance: str) -> str:
    return (
        f'received_on = 2024-03-{10 + index:02d}\nchannel = "{channel}"\nstance = "{stance}"\n'
        f'summary = "意见{index}"\n[submitter]\nname = "张三"\ncontact = "13900000000"\n'
    )


def records(category: str = "plan") -> dict[str, str]:
    """Decision 2022-001 with a plan, opinions, an event, an inspection, a progress report."""
    files = {
        f"{DECISION}/decision.toml": decision_toml(category=category),
        f"{DECISION}/plan.toml": (
            'responsible_unit = "市生态环境局规划科"\nmethods = ["问卷调查"]\n'
            '[[people]]\nname = "李四"\nrole = "科长"\ncontact = "13800000000"\n'
            '[[milestones]]\nid = "m1"\ntitle = "完成年度跟踪调查"\n'
            'due = 2024-06-30\ndone_on = 2024-06-20\n'
            '[[milestones]]\nid = "m2"\ntitle = "完成中期总结"\ndue = 2024-12-31\n'
        ),
        f"{DECISION}/events/20240401-controversy-0001.toml": (
            'kind = "controversy"\noccurred_on = 2024-04-01\ndescription = "沿河企业搬迁引发争议"\n'
            "reported_on = 2024-04-03\n"
        ),
        f"{DECISION}/inspections/20240510-onsite-0001.toml": (
            'conducted_on = 2024-05-10\nmethod = "onsite"\n'
            'by = "市人民政府督查室"\nfindings = "台账不全"\n'
            '[[rectifications]]\nid = "r1"\nitem = "补齐台账"\n'
            'due = 2024-08-31\ndone_on = 2024-08-20\n'
            '[[rectifications]]\nid = "r2"\nitem = "公开进度"\ndue = 2024-09-30\n'
        ),
        f"{DECISION}/progress/2024-H1.md": (
            '+++\nperiod = "2024-H1"\nsubmitted_on = 2024-07-01\nprogress_percent = 55\n'
            '[[indicators]]\nname = "PM2.5年均浓度"\nunit = "微克/立方米"\n'
            'target = 30\nactual = 28\n+++\n'
        ),
        f"{EVALUATION}/evaluation.toml": (
            'id = "2024-mid-term"\nkind = "mid-term"\naddresses = ["ordos-2024/12.3"]\n'
            'evaluator = "市生态环境局"\nmembers = ["王五"]\nmethods = ["问卷调查"]\n'
            'purpose = "检验规划中期实施效果"\nstarted_on = 2024-07-05\n'
            "# 联系人 zhangsan@example.org 不应进入报告\n"
        ),
    }
    for index, (channel, stance) in enumerate(OPINIONS):
        files[f"{DECISION}/feedback/202403{10 + index:02d}-{channel}-{index:04x}.toml"] = _opinion(
            index, channel, stance
        )
    return files


def make(
    root: Path, profile: str = "ordos-2024", category: str = "plan", extra: dict | None = None
) -> Path:
    """A workspace holding :func:`records`."""
    return workspace(root, {**records(category), **(extra or {})}, profile=profile)


def written(text: str, outcome: str | None = "继续执行") -> str:
    """A scaffold as the officer leaves it: every placeholder replaced by text, one outcome."""
    if outcome is not None:
        text = re.sub(r"评估结论：<!--.*?-->", f"评估结论：建议{outcome}。", text)
    return re.sub(r"<!-- 待填写[^>]*?-->", "经调查，情况如下：各项工作按计划推进。", text)
