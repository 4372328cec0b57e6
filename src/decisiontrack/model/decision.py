"""``decision.toml``: the major administrative decision (决策事项, SPEC §2)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import model_validator

from decisiontrack.model.common import (
    Day,
    Record,
    RecordId,
    RequiredText,
    check_order,
    optional_list,
    optional_text,
    text_field,
)

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

FIELD_LABELS: dict[str, str] = {
    "id": "编号",
    "title": "名称",
    "doc_number": "文号",
    "category": "类别",
    "adopted_on": "决策日期",
    "effective_from": "施行日期",
    "effective_until": "有效期至",
    "undertaking_unit": "承办单位",
    "broad_impact": "对公民权利义务发生普遍影响",
    "public_concern": "群众普遍关注",
    "continue_intended": "期满后拟继续实施",
    "classification": "密级",
    "status": "状态",
    "status_since": "状态起始日期",
    "pre_decision_assessor": "决策前评估单位",
    "summary": "内容摘要",
    "status_history": "状态变更记录",
}
"""Chinese names of the fields of decision.toml, as commit subjects and messages name them."""


class StatusChange(Record):
    """One entry of ``status_history``: the status from ``since``, and what decided it.

    ``basis`` names a document (文号); ``evaluation`` the evaluation whose outcome it carries out;
    ``evidence`` the copies of what decided it (常务会议纪要), relative to the decision's folder.
    """

    status: Status
    since: Day
    basis: str = optional_text()
    evaluation: str = optional_text()
    evidence: list[str] = optional_list()


class Decision(Record):
    """A decision; ``effective_until`` is inclusive and absent for open-ended ones."""

    id: RecordId
    title: RequiredText
    doc_number: str | None = None
    category: Category
    adopted_on: Day
    effective_from: Day
    effective_until: Day | None = None
    undertaking_unit: RequiredText
    broad_impact: bool = False
    public_concern: bool = False
    continue_intended: bool = False
    classification: Classification = "public"
    status: Status = "in-force"
    status_since: Day | None = None
    pre_decision_assessor: str = optional_text()
    summary: str = text_field()
    status_history: list[StatusChange] = optional_list()

    @model_validator(mode="after")
    def _dates_in_order(self) -> Decision:
        check_order(("施行日期 effective_from", self.effective_from),
                    ("截止日期 effective_until", self.effective_until))
        check_order(("通过日期 adopted_on", self.adopted_on),
                    ("截止日期 effective_until", self.effective_until))
        return self

    def status_on(self, day: date) -> str:
        """The status in force on ``day`` (SPEC: every record counts from its own date).

        ``status_history`` holds every change; a file that only states ``status`` and
        ``status_since`` is read as in force until then. Without dates, ``status`` holds always.
        """
        changes = [(c.since, c.status) for c in self.status_history]
        if self.status_since is not None and (self.status_since, self.status) not in changes:
            changes.append((self.status_since, self.status))
        if not changes:
            return self.status
        current = "in-force"
        for since, status in sorted(changes):
            if since <= day:
                current = status
        return current

