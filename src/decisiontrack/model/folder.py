"""The in-memory workspace: every record of every decision, with the paths it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from decisiontrack.errors import Problem
from decisiontrack.model.decision import Decision
from decisiontrack.model.evaluation import Evaluation
from decisiontrack.model.event import Event
from decisiontrack.model.feedback import Opinion
from decisiontrack.model.inspection import Inspection
from decisiontrack.model.plan import TrackingPlan
from decisiontrack.model.progress import ProgressReport
from decisiontrack.model.workspace import Settings

T = TypeVar("T")


@dataclass
class Entry(Generic[T]):
    """A record and the workspace-relative path of its file."""

    path: str
    record: T

    @property
    def stem(self) -> str:
        """The file name without its suffix: the id used by ``event reported`` and the like."""
        return Path(self.path).stem


@dataclass
class EvaluationFolder:
    """``evaluations/<id>/``: the plan and stages, and whether ``report.md`` exists."""

    id: str
    path: str
    evaluation: Evaluation | None
    has_report: bool = False

    @property
    def report_path(self) -> str:
        return f"{self.path}/report.md"


@dataclass
class DecisionFolder:
    """``decisions/<id>/`` with every record that loaded; broken files are in the problems."""

    id: str
    path: str
    decision: Decision | None = None
    plan: TrackingPlan | None = None
    plan_file_exists: bool = False
    opinions: list[Entry[Opinion]] = field(default_factory=list)
    events: list[Entry[Event]] = field(default_factory=list)
    progress: list[Entry[ProgressReport]] = field(default_factory=list)
    inspections: list[Entry[Inspection]] = field(default_factory=list)
    evaluations: list[EvaluationFolder] = field(default_factory=list)

    @property
    def decision_path(self) -> str:
        return f"{self.path}/decision.toml"

    @property
    def plan_path(self) -> str:
        return f"{self.path}/plan.toml"

    @property
    def standing_opinions(self) -> list[Entry[Opinion]]:
        """The opinions not withdrawn (a withdrawn one was 登记错误 or 重复登记): what reports count."""
        return [entry for entry in self.opinions if entry.record.withdrawn_on is None]

    def evaluation(self, evaluation_id: str) -> EvaluationFolder | None:
        """The evaluation folder with this id, if any."""
        return next((e for e in self.evaluations if e.id == evaluation_id), None)

    def latest_progress(self) -> Entry[ProgressReport] | None:
        """The progress report submitted last (第八条), if any."""
        if not self.progress:
            return None
        return max(self.progress, key=lambda entry: (entry.record.submitted_on, entry.path))


@dataclass
class Workspace:
    """A whole workspace loaded at once: settings, decisions by id, and every load problem."""

    root: Path
    settings: Settings
    decisions: dict[str, DecisionFolder] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def paths_with_errors(self) -> set[str]:
        return {p.path for p in self.errors}
