"""Load a whole workspace into one :class:`Workspace`, collecting problems instead of raising.

A broken file never hides the rest (SPEC §4): it becomes a problem with its path and line, and
every other record still loads.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from decisiontrack.errors import DataError, Problem
from decisiontrack.model.common import TEXT_CHECKED, text_is_clean
from decisiontrack.model.decision import Decision
from decisiontrack.model.evaluation import Evaluation
from decisiontrack.model.event import Event
from decisiontrack.model.feedback import Opinion
from decisiontrack.model.folder import DecisionFolder, Entry, EvaluationFolder, Workspace
from decisiontrack.model.inspection import Inspection
from decisiontrack.model.plan import TrackingPlan
from decisiontrack.model.progress import ProgressReport
from decisiontrack.model.workspace import Settings
from decisiontrack.store.frontmatter import FrontMatterError, parse_front_matter, split_front_matter
from decisiontrack.store.locate import SETTINGS_FILE
from decisiontrack.store.parsecache import Shard, cache_folder, stat_key
from decisiontrack.store.problems import unknown_key_warnings, validation_problems
from decisiontrack.store.tomlfile import parse_toml, read_text

M = TypeVar("M", bound=BaseModel)

DECISIONS = "decisions"


class _Reader:
    """Reads files of one workspace, appending every problem to one list."""

    def __init__(self, root: Path, problems: list[Problem], shard: Shard | None = None):
        self.root = root
        self.problems = problems
        self.shard = shard

    def record(self, relative: str, model: type[M]) -> M | None:
        """A TOML record, or None with its problems noted; parsed once while the file is unchanged
        (:mod:`~decisiontrack.store.parsecache`)."""
        path = os.path.join(self.root, relative)
        key = stat_key(path) if self.shard is not None else None
        cached = self.shard.get(relative, key) if key is not None else None
        if cached is not None:
            data, clean = cached
            try:
                return model.model_validate(data, context={TEXT_CHECKED: True} if clean else None)
            except ValidationError:
                self.shard.drop(relative)  # cannot happen for an entry that loaded cleanly: read the text
        text, problem = read_text(path, relative)
        if problem:
            self.problems.append(problem)
            return None
        data, problem = parse_toml(text, relative)
        if problem:
            self.problems.append(problem)
            return None
        before, clean = len(self.problems), text_is_clean(text)
        record = self.validate(relative, model, data, text, clean=clean)
        if self.shard is not None:
            if record is not None and len(self.problems) == before:
                self.shard.put(relative, key, data, clean)
            else:
                self.shard.drop(relative)
        return record

    def front_matter(self, relative: str, model: type[M]) -> M | None:
        """The front matter of a Markdown file as a record (lines counted in the whole file)."""
        text, problem = read_text(os.path.join(self.root, relative), relative)
        if problem:
            self.problems.append(problem)
            return None
        try:
            data, _body, _line = parse_front_matter(text)
            head = split_front_matter(text)[0]
        except FrontMatterError as error:
            self.problems.append(Problem(relative, error.line, str(error)))
            return None
        return self.validate(relative, model, data, head, line_offset=1)

    def validate(self, relative: str, model: type[M], data: dict, text: str, line_offset: int = 0,
                 clean: bool | None = None) -> M | None:
        """Validate parsed data; errors and unknown-key warnings point at the key's line."""
        clean = text_is_clean(text) if clean is None else clean
        try:
            record = model.model_validate(data, context={TEXT_CHECKED: True} if clean else None)
        except ValidationError as error:
            for problem in validation_problems(error, text, relative):
                self.problems.append(_shift(problem, line_offset))
            return None
        warnings = unknown_key_warnings(record, text, relative)
        self.problems.extend(_shift(warning, line_offset) for warning in warnings)
        return record


def _shift(problem: Problem, offset: int) -> Problem:
    if not offset or problem.line is None:
        return problem
    return Problem(problem.path, problem.line + offset, problem.message, problem.severity)


def _files(folder: str, suffix: str) -> list[str]:
    try:
        with os.scandir(folder) as entries:
            return sorted(e.name for e in entries if e.name.endswith(suffix) and e.is_file())
    except (FileNotFoundError, NotADirectoryError):
        return []


def _folders(folder: str | Path) -> list[str]:
    try:
        with os.scandir(folder) as entries:
            return sorted(e.name for e in entries if e.is_dir() and not e.name.startswith("."))
    except (FileNotFoundError, NotADirectoryError):
        return []


def load_settings(root: Path) -> tuple[Settings, list[Problem]]:
    """Read ``decisiontrack.toml``; without valid settings nothing else can be checked."""
    problems: list[Problem] = []
    settings = _Reader(root, problems).record(SETTINGS_FILE, Settings)
    if settings is None:
        raise DataError([p for p in problems if p.severity == "error"])
    return settings, problems


def load_decision(root: Path, decision_id: str, problems: list[Problem], *,
                  only_decision: bool = False) -> DecisionFolder:
    """Load one ``decisions/<id>/`` folder (only its ``decision.toml`` with ``only_decision``)."""
    shard = Shard(cache_folder(root), decision_id)
    reader = _Reader(root, problems, shard)
    base = f"{DECISIONS}/{decision_id}"
    folder = DecisionFolder(id=decision_id, path=base)
    folder.decision = reader.record(f"{base}/decision.toml", Decision)
    if folder.decision is not None and folder.decision.id != decision_id:
        problems.append(Problem(f"{base}/decision.toml", _line_of_key(root / base / "decision.toml", "id"),
                                f"id “{folder.decision.id}” 与所在目录名 “{decision_id}” 不一致，请改成一致"))
    if not only_decision:
        _load_rest(root, base, folder, reader)
    shard.save(whole=not only_decision)
    return folder


def _load_rest(root: Path, base: str, folder: DecisionFolder, reader: _Reader) -> None:
    """Everything of a decision folder beside its ``decision.toml``."""
    problems = reader.problems
    here = os.path.join(root, base)
    folder.plan_file_exists = os.path.isfile(os.path.join(here, "plan.toml"))
    if folder.plan_file_exists:
        folder.plan = reader.record(f"{base}/plan.toml", TrackingPlan)
    for kind, model, target in (
        ("feedback", Opinion, folder.opinions),
        ("events", Event, folder.events),
        ("inspections", Inspection, folder.inspections),
    ):
        for name in _files(os.path.join(here, kind), ".toml"):
            record = reader.record(f"{base}/{kind}/{name}", model)
            if record is not None:
                target.append(Entry(f"{base}/{kind}/{name}", record))
    for name in _files(os.path.join(here, "progress"), ".md"):
        record = reader.front_matter(f"{base}/progress/{name}", ProgressReport)
        if record is not None:
            folder.progress.append(Entry(f"{base}/progress/{name}", record))
    for evaluation_id in _folders(os.path.join(here, "evaluations")):
        path = f"{base}/evaluations/{evaluation_id}"
        evaluation = reader.record(f"{path}/evaluation.toml", Evaluation)
        if evaluation is not None and evaluation.id != evaluation_id:
            problems.append(Problem(f"{path}/evaluation.toml", _line_of_key(root / path / "evaluation.toml", "id"),
                                    f"id “{evaluation.id}” 与所在目录名 “{evaluation_id}” 不一致，请改成一致"))
        has_report = os.path.isfile(os.path.join(root, path, "report.md"))
        folder.evaluations.append(EvaluationFolder(evaluation_id, path, evaluation, has_report))


def _line_of_key(path: Path, key: str) -> int | None:
    from decisiontrack.store.tomlfile import line_of

    text, _ = read_text(path, str(path))
    return line_of(text, (key,)) if text is not None else None


def decision_ids(root: Path) -> list[str]:
    """The ids of every decision folder, sorted."""
    return _folders(root / DECISIONS)


def load_workspace(root: Path, only: str | None = None, ids: list[str] | None = None, *,
                   only_decisions: bool = False) -> Workspace:
    """Load the workspace at ``root`` (or only decision ``only``, or ``ids``), with all its problems.

    ``only_decisions`` reads each ``decision.toml`` and nothing else (``decision list``).
    """
    settings, problems = load_settings(root)
    workspace = Workspace(root=root, settings=settings, problems=problems)
    if ids is None:
        ids = [only] if only is not None else decision_ids(root)
    for decision_id in ids:
        workspace.decisions[decision_id] = load_decision(root, decision_id, problems, only_decision=only_decisions)
    return workspace
