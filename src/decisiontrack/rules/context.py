"""What a predicate sees: one decision as it stood on one day, under one profile's parameters.

Every record counts from its own date (SPEC §3), so ``check --as-of D`` rebuilds day D: a plan
exists from its ``created_on``, an evaluation from its ``started_on``, a stage from its own date,
an opinion, event or inspection until it is withdrawn, a milestone is judged by the due date in
force that day, and the decision's status is the one it had that day. Predicates read the records
only through the methods here, so none of them can forget it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

from decisiontrack.model.evaluation import Evaluation
from decisiontrack.model.folder import DecisionFolder, Entry, EvaluationFolder
from decisiontrack.model.plan import TrackingPlan


@dataclass(frozen=True)
class Context:
    """One decision on one day under one profile's parameters.

    ``in_force_from`` is the day the 办法 took effect (None: no date stated): a clock that would
    have started earlier starts then.
    """

    folder: DecisionFolder
    as_of: date
    parameters: dict[str, Any]
    due_soon_days: int
    outcome_labels: dict[str, str]
    in_force_from: date | None = None

    @property
    def decision(self):
        return self.folder.decision

    def counts_from(self, day: date) -> date:
        """The later of ``day`` and the day the 办法 took effect: when a duty's clock starts."""
        return max(day, self.in_force_from) if self.in_force_from is not None else day

    def known(self, day: date | None) -> date | None:
        """A recorded date, if it had happened by the day checked (else None)."""
        return day if day is not None and day <= self.as_of else None

    @cached_property
    def status(self) -> str:
        """The decision's status on the day checked."""
        return self.decision.status_on(self.as_of)

    @property
    def plan(self) -> TrackingPlan | None:
        """The tracking plan, if made by the day checked (without ``created_on``: from ``effective_from``)."""
        plan = self.folder.plan
        if plan is None or self.plan_made_on() > self.as_of:
            return None
        return plan

    def plan_made_on(self) -> date:
        """The day the plan counts from."""
        plan = self.folder.plan
        created = plan.created_on if plan is not None else None
        return created or self.decision.effective_from

    def plan_exists(self) -> bool:
        """A plan file made by the day checked (a broken plan file counts: it is not missing)."""
        if self.folder.plan is None:
            return self.folder.plan_file_exists
        return self.plan is not None

    def opinions(self) -> list[date]:
        """The days opinions were received, up to the day checked, withdrawn ones left out."""
        return [o.record.received_on for o in self.folder.opinions
                if o.record.received_on <= self.as_of and o.record.counts_on(self.as_of)]

    def events(self) -> Iterator[Entry]:
        """Events that had occurred by the day checked and were not withdrawn by then."""
        for entry in self.folder.events:
            if entry.record.occurred_on <= self.as_of and entry.record.counts_on(self.as_of):
                yield entry

    def inspections(self) -> Iterator[Entry]:
        """Inspections conducted by the day checked and not withdrawn by then."""
        for entry in self.folder.inspections:
            if entry.record.conducted_on <= self.as_of and entry.record.counts_on(self.as_of):
                yield entry

    def progress(self) -> list[Entry]:
        """Progress reports submitted by the day checked."""
        return [e for e in self.folder.progress if e.record.submitted_on <= self.as_of]

    def latest_progress(self) -> Entry | None:
        """The progress report submitted last by the day checked."""
        reports = self.progress()
        return max(reports, key=lambda e: (e.record.submitted_on, e.path)) if reports else None

    def evaluations(self) -> Iterator[tuple[EvaluationFolder, Evaluation]]:
        """Evaluations started by the day checked."""
        for folder in self.folder.evaluations:
            e = folder.evaluation
            if e is not None and e.started_on <= self.as_of:
                yield folder, e

    def stage(self, evaluation: Evaluation, stage: str) -> date | None:
        """The date of a stage, if reached by the day checked."""
        return self.known(evaluation.stage_date(stage))

    def outcome(self, evaluation: Evaluation) -> str | None:
        """The outcome decided, if decided by the day checked."""
        return evaluation.outcome if self.stage(evaluation, "decided") is not None else None


def resolve(params: dict[str, Any], parameters: dict[str, Any]) -> dict[str, Any]:
    """Replace ``"$name"`` values by the profile's (or workspace's) parameter of that name."""
    return {
        key: parameters[value[1:]] if isinstance(value, str) and value.startswith("$") else value
        for key, value in params.items()
    }


def applies_to(ctx: Context, params: dict[str, Any]) -> bool:
    """The common filters: ``categories`` (any of), ``flags`` (any true, only within
    ``flag_categories`` when given), ``in_force_only`` (status on the day checked)."""
    decision = ctx.decision
    if params.get("in_force_only", False) and ctx.status != "in-force":
        return False
    categories = params.get("categories")
    flags = params.get("flags")
    if categories is None and flags is None:
        return True
    by_category = categories is not None and decision.category in categories
    flag_categories = params.get("flag_categories")
    by_flag = (flags is not None and any(getattr(decision, flag, False) for flag in flags)
               and (flag_categories is None or decision.category in flag_categories))
    return by_category or by_flag
