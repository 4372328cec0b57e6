"""``decision.toml``: the major administrative decision (决策事项, SPEC §2)."""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from decisiontrack.model.common import Day, Record, RecordId, check_order, text_field

Category = Literal["plan", "policy", "reform", "project", "normative", "other"]
Classification = Literal["public", "internal", "secret"]
Status = Literal["in-force", "suspended", "terminated", "amended", "expired"]

CATEGORY_LABELS: dict[str, str] = {
    "plan": "重大规划",
    "policy": "重大政策",
    "reform": "重大改革",
    "project": "重大项目",
    "normative": "规范性文件",
    "other": "其他",
}
CLASSIFICATION_LABELS = {"public": "公开", "internal": "内部", "secret": "涉密"}
STATUS_LABELS = {
    "in-force": "执行中",
    "suspended": "中止执行",
    "terminated": "终止执行",
    "amended": "已修改",
    "expired": "已到期",
}


class Decision(Record):
    """A decision; ``effective_until`` is inclusive and absent for open-ended ones."""

    id: RecordId
    title: str
    doc_number: str | None = None
    category: Category
    adopted_on: Day
    effective_from: Day
    effective_until: Day | None = None
    undertaking_unit: str
    broad_impact: bool = False
    public_concern: bool = False
    continue_intended: bool = False
    classification: Classification = "public"
    status: Status = "in-force"
    summary: str = text_field()

    @model_validator(mode="after")
    def _dates_in_order(self) -> Decision:
        check_order(("施行日期 effective_from", self.effective_from),
                    ("截止日期 effective_until", self.effective_until))
        check_order(("通过日期 adopted_on", self.adopted_on),
                    ("截止日期 effective_until", self.effective_until))
        return self

