"""The fixed set of predicate types. A rule of a profile names one and gives its parameters.

A new article is a new row of profile data, or at worst one new function here — never a
branch on a rule id. Each function declares its parameters (``.params``, see
:mod:`decisiontrack.rules.schema`), so a profile naming an unknown one is refused.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from decisiontrack.rules.context import Context
from decisiontrack.rules.finding import Trigger
from decisiontrack.rules.predicates import events, opinions, periods, plan, stages

Predicate = Callable[[Context, dict], Iterable[Trigger]]

PREDICATES: dict[str, Predicate] = {
    "missing-plan": plan.missing_plan,
    "open-deadline": plan.open_deadline,
    "unreviewed-rectification": plan.unreviewed_rectification,
    "progress-cadence": plan.progress_cadence,
    "unreported-event": events.unreported_event,
    "event": events.event,
    "opinion-volume": opinions.opinion_volume,
    "anniversary": periods.anniversary,
    "period-midpoint": periods.period_midpoint,
    "period-end": periods.period_end,
    "before-expiry": periods.before_expiry,
    "annual-plan": periods.annual_plan,
    "missing-stage": stages.missing_stage,
    "deadline-after-stage": stages.deadline_after_stage,
    "outcome-status": stages.outcome_status,
    "unpublished": stages.unpublished,
    "independent-evaluator": stages.independent_evaluator,
    "status-without-basis": stages.status_without_basis,
}
