"""``plan.toml``: the tracking plan (跟踪反馈工作方案, Ordos 第六条)."""

from __future__ import annotations

from datetime import date

from pydantic import Field, field_validator

from decisiontrack.model.common import Day, Record, RecordId, RequiredText, check_unique, optional_list, text_field

FIELD_LABELS: dict[str, str] = {
    "responsible_unit": "责任机构",
    "created_on": "制定日期",
    "steps": "方法步骤",
    "methods": "跟踪方法",
    "progress_report_every_months": "报告周期",
    "people": "责任人员",
    "milestones": "时间节点",
}


class Person(Record):
    """A responsible person (责任人员); ``contact`` is personal information."""

    name: RequiredText
    role: str = text_field()
    contact: str = text_field()


class MilestoneMove(Record):
    """A milestone moved to a new date (``plan move``): from, to, on which day, and why."""

    from_: Day = Field(alias="from")
    to: Day
    on: Day
    reason: str = text_field()


class Milestone(Record):
    """A time node (时间节点) of the plan; open while ``done_on`` is absent.

    ``due`` is the date in force now; ``moves`` keep the earlier ones, so a day before a move
    still sees the old date (``due_on``).
    """

    id: RecordId
    title: str = text_field()
    due: Day
    done_on: Day | None = None
    moves: list[MilestoneMove] = optional_list()

    def due_on(self, day: date) -> date:
        """The due date in force on ``day``: the ``from`` of the first move made after it, else ``due``."""
        for move in sorted(self.moves, key=lambda m: m.on):
            if move.on > day:
                return move.from_
        return self.due


class TrackingPlan(Record):
    """第六条: 责任机构和责任人员、时间节点、方法步骤."""

    responsible_unit: RequiredText
    created_on: Day | None = None
    steps: str = text_field()
    methods: list[str] = Field(default_factory=list)
    progress_report_every_months: int | None = Field(default=None, ge=1, le=120)
    people: list[Person] = Field(default_factory=list)
    milestones: list[Milestone] = Field(default_factory=list)

    @field_validator("milestones")
    @classmethod
    def _unique_ids(cls, milestones: list[Milestone]) -> list[Milestone]:
        check_unique([m.id for m in milestones], "时间节点")
        return milestones

    def milestone(self, milestone_id: str) -> Milestone | None:
        """The milestone with this id, if any."""
        return next((m for m in self.milestones if m.id == milestone_id), None)


