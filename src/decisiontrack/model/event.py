"""``events/*.toml``: one fact each, driving rules 9, 11 and 12 (SPEC §2)."""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from decisiontrack.model.common import Day, Withdrawable, check_order, text_field

EventKind = Literal[
    "basis-changed",
    "force-majeure",
    "below-target",
    "problem",
    "controversy",
    "major-risk",
    "major-disagreement",
    "evaluation-requested",
    "deemed-necessary",
]

EVENT_LABELS: dict[str, str] = {
    "basis-changed": "决策依据或客观情况发生重大变化",
    "force-majeure": "发生不可抗力",
    "below-target": "明显未达到预期效果",
    "problem": "执行中发现严重问题",
    "controversy": "出现较大争议",
    "major-risk": "出现重大风险",
    "major-disagreement": "出现重大分歧",
    "evaluation-requested": "执行单位申请后评估",
    "deemed-necessary": "有关机关认为确有必要",
}

FIELD_LABELS: dict[str, str] = {
    "kind": "类型",
    "occurred_on": "发生日期",
    "description": "情况说明",
    "reported_on": "报告日期",
    "raised_by": "提出单位",
    "withdrawn_on": "撤回日期",
    "withdrawn_reason": "撤回原因",
}


class Event(Withdrawable):
    """A fact of the implementation; ``reported_on`` absent = not yet reported (第九条)."""

    kind: EventKind
    occurred_on: Day
    description: str = text_field()
    reported_on: Day | None = None
    raised_by: str = text_field()

    @model_validator(mode="after")
    def _dates_in_order(self) -> Event:
        check_order(("发生日期 occurred_on", self.occurred_on),
                    ("报告日期 reported_on", self.reported_on))
        return self
