"""Pydantic records, one module per file kind of SPEC §2."""

from decisiontrack.model.decision import Decision
from decisiontrack.model.evaluation import Evaluation
from decisiontrack.model.event import Event
from decisiontrack.model.feedback import Opinion
from decisiontrack.model.inspection import Inspection, Rectification
from decisiontrack.model.plan import Milestone, Person, TrackingPlan
from decisiontrack.model.progress import Indicator, ProgressReport
from decisiontrack.model.workspace import Settings

__all__ = [
    "Decision",
    "Evaluation",
    "Event",
    "Indicator",
    "Inspection",
    "Milestone",
    "Opinion",
    "Person",
    "ProgressReport",
    "Rectification",
    "Settings",
    "TrackingPlan",
]
