"""Run the read commands over one or several workspaces: each file read once, in one pass.

Every view (``check``, ``status``, the ledger, the calendar, ``validate``) is the same pass: load a
decision's files, check it, keep what the view needs from it (a ``view`` function of the folder and
its findings), drop the records. Large workspaces are split between two processes (one per core):
loading and validating the files is what takes the time, and each decision is independent.

Secret decisions (``classification = "secret"``) are left out of every view unless the selection
includes them; broken files are reported all the same (their paths name no secret).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from decisiontrack.errors import Problem
from decisiontrack.model.folder import DecisionFolder, Workspace
from decisiontrack.model.workspace import Settings
from decisiontrack.profiles.model import Profile
from decisiontrack.rules.finding import Finding

PARALLEL_FROM = 1000
"""Below this many decisions a second process costs more than it saves."""



@dataclass(frozen=True)
class Scope:
    """What a view knows besides the decision: its workspace's settings and profile, and the day."""

    root: Path
    settings: Settings
    profile: Profile
    as_of: date
    prepared: Any = None
    """The engine's rules made ready for the day (the same for every decision)."""


View = Callable[[DecisionFolder, list[Finding], Scope], Any]
"""What a view keeps of one decision: called with its folder, its findings (as selected) and the
scope; must return something picklable (it may cross a process boundary)."""


@dataclass(frozen=True)
class Selection:
    """Which decisions and findings a view shows.

    ``unit`` matches when the undertaking unit contains it; ``category`` is a code; ``level`` keeps
    findings at or above it; ``due_within`` keeps findings due within that many days of the day
    (overdue ones included); secret decisions only with ``include_secret``.
    """

    decision: str | None = None
    unit: str | None = None
    category: str | None = None
    level: str | None = None
    due_within: int | None = None
    include_secret: bool = False

    def wants(self, decision) -> bool:
        """The decision-level filters (the secret rule apart)."""
        if self.unit is not None and self.unit not in decision.undertaking_unit:
            return False
        return self.category is None or decision.category == self.category

    def keeps(self, finding: Finding, as_of: date) -> bool:
        """The finding-level filters."""
        from decisiontrack.profiles.model import LEVELS

        if self.level is not None and LEVELS.index(finding.level) > LEVELS.index(self.level):
            return False
        if self.due_within is not None:
            return finding.due is not None and finding.due <= as_of + timedelta(days=self.due_within)
        return True

    @property
    def filters_decisions(self) -> bool:
        return self.unit is not None or self.category is not None

    @property
    def filters_findings(self) -> bool:
        return self.level is not None or self.due_within is not None


EVERYTHING = Selection(include_secret=True)
"""No filter at all: what ``decision show`` and the tests of the engine see."""


@dataclass
class CheckResult:
    """One workspace checked on one day: findings, data errors and what the view kept.

    ``workspace`` holds only the settings (no decisions) unless the check was asked to keep the
    records; ``views`` maps each shown decision id to what the view kept of it, in id order.
    """

    workspace: Workspace
    profile: Profile
    as_of: date
    findings: list[Finding]
    errors: list[Problem]
    titles: dict[str, str]
    views: dict[str, Any] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)
    secret_left_out: int = 0
    label: str = ""

    @property
    def organization(self) -> str:
        return self.workspace.settings.workspace.organization

    def findings_by_decision(self) -> dict[str, list[Finding]]:
        """The findings grouped by decision id, each group in check order."""
        grouped: dict[str, list[Finding]] = {}
        for finding in self.findings:
            grouped.setdefault(finding.decision, []).append(finding)
        return grouped


@dataclass
class _Target:
    """One workspace to scan: where it is, its settings and profile, and which decisions."""

    root: Path
    workspace: Workspace
    profile: Profile
    ids: list[str]
    label: str = ""


@dataclass
class _Part:
    """What one process found in one workspace (picklable)."""

    findings: list[Finding] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)
    views: dict[str, Any] = field(default_factory=dict)
    secret: int = 0


def run_check(root: Path, as_of: date, decision: str | None = None, *, keep_records: bool = False,
              selection: Selection | None = None, view: View | None = None, engine: bool = True) -> CheckResult:
    """Check one workspace (or one decision) on ``as_of``; see :func:`check_many`."""
    if decision is not None:
        selection = replace(selection or Selection(), decision=decision)
    if keep_records:
        return _with_records(root, as_of, selection or EVERYTHING)
    return next(check_many([root], as_of, selection, view, engine=engine))[1]


def check_many(roots: list[Path], as_of: date, selection: Selection | None = None, view: View | None = None,
               *, engine: bool = True) -> Iterator[tuple[str, CheckResult]]:
    """Each workspace's label (its organisation) and result, in the order given.

    ``engine=False`` only loads (``validate``); ``view`` is called for every shown decision.
    All decisions of all workspaces are shared out between the two processes.
    """
    selection = selection or Selection()
    targets = [_target(root, selection, alone=len(roots) == 1) for root in roots]
    if selection.decision is not None and not any(t.ids for t in targets):
        _target(roots[0], selection, alone=True)  # names the unknown id (exit 2)
    _label(targets)
    work = [(index, decision_id) for index, target in enumerate(targets) for decision_id in target.ids]

    def scan(items: list[tuple[int, str]]) -> dict[int, _Part]:
        return _scan(targets, items, as_of, selection, view, engine)

    if len(work) < PARALLEL_FROM or (os.cpu_count() or 1) < 2 or not hasattr(os, "fork"):
        parts = [scan(work)]
    else:
        half = len(work) // 2
        parts = list(_in_two_processes(lambda: scan(work[:half]), lambda: scan(work[half:])))
    for index, target in enumerate(targets):
        yield target.label, _result(target, [p[index] for p in parts if index in p], as_of)


def _target(root: Path, selection: Selection, alone: bool) -> _Target:
    from decisiontrack.ops.folders import decision_dir
    from decisiontrack.profiles import load_profile
    from decisiontrack.store.loader import DECISIONS, decision_ids, load_settings

    settings, problems = load_settings(root)
    workspace = Workspace(root=root, settings=settings, problems=problems)
    profile = load_profile(workspace)
    if selection.decision is not None:
        if alone:
            decision_dir(root, selection.decision)
        elif not (root / DECISIONS / selection.decision / "decision.toml").is_file():
            return _Target(root, workspace, profile, [])
        return _Target(root, workspace, profile, [selection.decision])
    return _Target(root, workspace, profile, decision_ids(root))


def _label(targets: list[_Target]) -> None:
    """The organisation names each workspace; two of one name are told apart by their folder."""
    names = [t.workspace.settings.workspace.organization or t.root.name for t in targets]
    for target, name in zip(targets, names, strict=True):
        target.label = name if names.count(name) == 1 else f"{name}（{target.root.name}）"


def _scan(targets: list[_Target], items: list[tuple[int, str]], as_of: date, selection: Selection,
          view: View | None, engine: bool) -> dict[int, _Part]:
    """Load, check and view each decision in turn; the records are dropped after their view."""
    from decisiontrack.rules.engine import Prepared, check_decision
    from decisiontrack.store.loader import load_decision

    parts: dict[int, _Part] = {}
    scopes = [Scope(target.root, target.workspace.settings, target.profile, as_of, Prepared.of(target.profile, as_of))
              for target in targets]
    for index, decision_id in items:
        target, scope = targets[index], scopes[index]
        part = parts.setdefault(index, _Part())
        folder = load_decision(target.root, decision_id, part.problems)
        d = folder.decision
        if d is None:  # broken: its errors are reported; a view without filters still shows its row
            if view is not None and not (selection.filters_decisions or selection.filters_findings):
                part.views[decision_id] = view(folder, [], scope)
            continue
        if not selection.wants(d):
            continue
        if d.classification == "secret" and not selection.include_secret:
            part.secret += 1
            continue
        findings: list[Finding] = []
        if engine:
            window = scope.settings.check.due_soon_days
            found = check_decision(folder, target.profile, as_of, window, scope.prepared)
            findings = sorted((f for f in found if selection.keeps(f, as_of)), key=Finding.sort_key)
            if selection.filters_findings and not findings:
                continue
        part.findings += findings
        part.titles[decision_id] = d.title
        if view is not None:
            part.views[decision_id] = view(folder, findings, scope)
    return parts


def _result(target: _Target, parts: list[_Part], as_of: date) -> CheckResult:
    problems = [*target.workspace.problems, *(p for part in parts for p in part.problems)]
    findings = [f for part in parts for f in part.findings]
    findings.sort(key=Finding.sort_key)
    return CheckResult(
        workspace=target.workspace,
        profile=target.profile,
        as_of=as_of,
        findings=findings,
        errors=sorted(p for p in problems if p.severity == "error"),
        titles={k: v for part in parts for k, v in part.titles.items()},
        views={k: v for part in parts for k, v in part.views.items()},
        warnings=sorted(p for p in problems if p.severity != "error"),
        secret_left_out=sum(part.secret for part in parts),
        label=target.label,
    )


def _with_records(root: Path, as_of: date, selection: Selection) -> CheckResult:
    """One process, every record kept in ``workspace`` (``decision show`` of one decision)."""
    from decisiontrack.ops.folders import decision_dir
    from decisiontrack.profiles import load_profile
    from decisiontrack.rules.engine import check_workspace
    from decisiontrack.store.loader import load_workspace

    if selection.decision is not None:
        decision_dir(root, selection.decision)
        workspace = load_workspace(root, only=selection.decision)
    else:
        workspace = load_workspace(root)
    profile = load_profile(workspace)
    findings = check_workspace(workspace, profile, as_of)
    titles = {f.id: f.decision.title for f in workspace.decisions.values() if f.decision}
    return CheckResult(workspace, profile, as_of, findings, sorted(workspace.errors), titles,
                       warnings=sorted(workspace.warnings))


def _in_two_processes(first: Callable[[], Any], second: Callable[[], Any]) -> tuple[Any, Any]:
    """Run ``second`` in a forked child while this process runs ``first``; both results.

    The child sends its result back pickled through a pipe; an exception there is raised here.
    """
    import pickle

    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: compute, send, and leave without running any exit handler
        os.close(reader)
        try:
            payload = pickle.dumps((True, second()), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException as error:  # noqa: BLE001 — handed to the parent, which raises it
            payload = _pickled_error(error)
        with os.fdopen(writer, "wb") as stream:
            stream.write(payload)
        os._exit(0)
    os.close(writer)
    try:
        mine = first()
    finally:
        with os.fdopen(reader, "rb") as stream:
            received = stream.read()
        os.waitpid(pid, 0)
    if not received:
        raise RuntimeError("the second process of check ended without a result")
    ok, theirs = pickle.loads(received)
    if not ok:
        raise theirs
    return mine, theirs


def _pickled_error(error: BaseException) -> bytes:
    import pickle

    try:
        return pickle.dumps((False, error))
    except Exception:  # noqa: BLE001 — an exception that cannot be pickled still reaches the parent
        return pickle.dumps((False, RuntimeError(repr(error))))


def parse_level(value: str, option: str = "--fail-on", allow_never: bool = True) -> str:
    """A ``--fail-on`` (or ``--level``) value: a level by its code or Chinese label (应当), or never (从不)."""
    from decisiontrack.profiles.model import LEVEL_LABELS
    from decisiontrack.vocabulary import choose

    return choose(value, {**LEVEL_LABELS, "never": "从不"} if allow_never else LEVEL_LABELS, option)


def parse_category(value: str | None) -> str | None:
    """A ``--category`` value: a code or its Chinese label."""
    from decisiontrack.model.decision import CATEGORY_LABELS
    from decisiontrack.vocabulary import choose_optional

    return choose_optional(value, CATEGORY_LABELS, "--category")
