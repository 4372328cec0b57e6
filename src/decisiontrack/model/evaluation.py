"""``evaluations/<id>/evaluation.toml``: an evaluation and its stages (第十三—二十条)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from decisiontrack.model.common import Day, Record, RecordId, check_order, optional_list, text_field

EvaluationKind = Literal["mid-term", "final", "periodic", "special"]
Scope = Literal["whole", "partial"]

KIND_LABELS = {"mid-term": "中期评估", "final": "终期评估", "periodic": "定期评估", "special": "专项评估"}
SCOPE_LABELS = {"whole": "整体评估", "partial": "部分评估"}

STAGES: dict[str, str] = {
    "plan_approved": "方案审核同意",
    "research_completed": "调查研究结束",
    "expert_review": "专家论证",
    "accepted": "审查验收",
    "legality_review": "合法性审查",
    "submitted": "报送决策机关",
    "decided": "作出决定",
    "published": "向社会公开",
}
"""Stages recorded by ``evaluation advance`` (``decided`` by ``evaluation decide``).

``plan_approved``: 委托机关审核同意受委托机构的小组和方案 (任丘第十八条第二款).
"""


class Evaluation(Record):
    """An evaluation plan (第十四条第（一）项) and the dates of its stages.

    Beside each stage's date, ``<stage>_evidence`` lists the copies kept in the evaluation's
    ``evidence/`` folder (what a 司法局 reviewer asks for first).
    """

    id: RecordId
    kind: EvaluationKind
    addresses: list[str] = Field(default_factory=list)
    scope: Scope = "whole"
    scope_note: str = text_field()
    simplified: bool = False
    purpose: str = text_field()
    evaluator: str = text_field()
    commissioned_to: str = text_field()
    members: list[str] = Field(default_factory=list)
    methods: list[str] = Field(default_factory=list)
    started_on: Day
    plan_approved_on: Day | None = None
    plan_approved_evidence: list[str] = optional_list()
    research_completed_on: Day | None = None
    research_completed_evidence: list[str] = optional_list()
    expert_review_on: Day | None = None
    expert_review_evidence: list[str] = optional_list()
    accepted_on: Day | None = None
    accepted_evidence: list[str] = optional_list()
    legality_review_on: Day | None = None
    legality_review_evidence: list[str] = optional_list()
    submitted_on: Day | None = None
    submitted_evidence: list[str] = optional_list()
    decided_on: Day | None = None
    outcome: str | None = None
    decided_evidence: list[str] = optional_list()
    published_on: Day | None = None
    published_evidence: list[str] = optional_list()

    @model_validator(mode="after")
    def _stages_in_order(self) -> Evaluation:
        start = ("启动日期 started_on", self.started_on)
        for stage in STAGES:
            check_order(start, (f"{STAGES[stage]} {stage}_on", getattr(self, f"{stage}_on")))
        check_order(("调查研究结束 research_completed_on", self.research_completed_on),
                    ("报送日期 submitted_on", self.submitted_on))
        check_order(("报送日期 submitted_on", self.submitted_on),
                    ("决定日期 decided_on", self.decided_on))
        check_order(("决定日期 decided_on", self.decided_on),
                    ("公开日期 published_on", self.published_on))
        if (self.outcome is None) != (self.decided_on is None):
            raise ValueError("评估结论 outcome 与决定日期 decided_on 必须同时填写")
        return self

    def stage_date(self, stage: str):
        """The date a stage was recorded, or None."""
        return getattr(self, f"{stage}_on")

    def stage_evidence(self, stage: str) -> list[str]:
        """The evidence of a stage (合法性审查意见书, 专家论证意见 …), relative to the evaluation's folder."""
        return getattr(self, f"{stage}_evidence")
