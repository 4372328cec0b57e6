"""``inspections/*.toml``: one supervision (督查, 第十条) with its rectification items."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from decisiontrack.model.common import (
    Day,
    Record,
    RecordId,
    Withdrawable,
    check_order,
    check_unique,
    optional_list,
    text_field,
)

InspectionMethod = Literal["written", "briefing", "onsite"]
METHOD_LABELS = {"written": "书面督查", "briefing": "听取汇报", "onsite": "实地督查"}
FIELD_LABELS: dict[str, str] = {
    "conducted_on": "督查日期",
    "method": "督查方式",
    "by": "督查机构",
    "findings": "督查结论",
    "evidence": "证明材料",
    "rectifications": "整改事项",
    "withdrawn_on": "撤回日期",
    "withdrawn_reason": "撤回原因",
}


class Rectification(Record):
    """An item to rectify (整改事项); open while ``done_on`` is absent."""

    id: RecordId
    item: str = text_field()
    due: Day
    done_on: Day | None = None
    reviewed_on: Day | None = None
    evidence: list[str] = optional_list()

    @model_validator(mode="after")
    def _dates_in_order(self) -> Rectification:
        check_order(("完成日期 done_on", self.done_on), ("报审日期 reviewed_on", self.reviewed_on))
        return self


class Inspection(Withdrawable):
    """第十条: 书面督查、听取汇报、实地督查, and what must be rectified by when.

    ``evidence`` (here and on a rectification item: 验收确认) are copies kept in the decision's
    ``evidence/`` folder, named relative to the decision's folder.
    """

    conducted_on: Day
    method: InspectionMethod
    by: str = text_field()
    findings: str = text_field()
    evidence: list[str] = optional_list()
    rectifications: list[Rectification] = Field(default_factory=list)

    @field_validator("rectifications")
    @classmethod
    def _unique_ids(cls, items: list[Rectification]) -> list[Rectification]:
        check_unique([r.id for r in items], "整改事项")
        return items

    def rectification(self, item_id: str) -> Rectification | None:
        """The rectification item with this id, if any."""
        return next((r for r in self.rectifications if r.id == item_id), None)
