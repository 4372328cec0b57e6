"""Run ``check`` as a whole: load, apply the profile, split findings from data errors."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from decisiontrack.errors import Problem
from decisiontrack.model.folder import Workspace
from decisiontrack.profiles.model import Profile
from decisiontrack.rules.finding import Finding

PARALLEL_FROM = 1000
"""Below this many decisions a second process costs more than it saves."""


@dataclass
class CheckResult:
    """Findings and the data errors that stopped some files from being checked.

    ``workspace`` holds only the settings (no decisions) when the check ran in two processes.
    """

    workspace: Workspace
    profile: Profile
    as_of: date
    findings: list[Finding]
    errors: list[Problem]
    titles: dict[str, str]

    def findings_by_decision(self) -> dict[str, list[Finding]]:
        """The findings grouped by decision id, each group in check order."""
        grouped: dict[str, list[Finding]] = {}
        for finding in self.findings:
            grouped.setdefault(finding.decision, []).append(finding)
        return grouped


def run_check(root: Path, as_of: date, decision: str | None = None, *, keep_records: bool = False) -> CheckResult:
    """Check the workspace (or one decision) on ``as_of``.

    Large workspaces are loaded and checked in two processes (one per core): loading
    and validating the files is what takes the time, and each decision is independent.
    """
    from decisiontrack.ops.folders import decision_dir
    from decisiontrack.profiles import load_profile
    from decisiontrack.rules.engine import check_workspace
    from decisiontrack.store.loader import decision_ids, load_workspace

    if decision is not None:
        decision_dir(root, decision)
    ids = [decision] if decision is not None else decision_ids(root)
    if keep_records or len(ids) < PARALLEL_FROM or (os.cpu_count() or 1) < 2:
        workspace = load_workspace(root, ids=ids)
        profile = load_profile(workspace)
        findings = check_workspace(workspace, profile, as_of)
        titles = {f.id: f.decision.title for f in workspace.decisions.values() if f.decision}
        return CheckResult(workspace, profile, as_of, findings, sorted(workspace.errors), titles)
    workspace = load_workspace(root, ids=[])
    profile = load_profile(workspace)
    half = len(ids) // 2
    findings, problems, titles = _in_two_processes(root, profile, as_of, ids[:half], ids[half:])
    errors = sorted([*workspace.errors, *(p for p in problems if p.severity == "error")])
    findings.sort(key=Finding.sort_key)
    return CheckResult(workspace, profile, as_of, findings, errors, titles)


def _check_part(root: Path, profile: Profile, as_of: date, ids: list[str]):
    from decisiontrack.rules.engine import check_workspace
    from decisiontrack.store.loader import load_workspace

    workspace = load_workspace(root, ids=ids)
    findings = check_workspace(workspace, profile, as_of)
    titles = {f.id: f.decision.title for f in workspace.decisions.values() if f.decision}
    return findings, workspace.problems, titles


def _in_two_processes(root, profile, as_of, first, second):
    """Check ``second`` in a forked child while this process checks ``first``."""
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(1) as pool:
        pending = pool.apply_async(_check_part, (root, profile, as_of, second))
        findings, problems, titles = _check_part(root, profile, as_of, first)
        more_findings, more_problems, more_titles = pending.get()
    return findings + more_findings, problems + more_problems, {**titles, **more_titles}


def parse_level(value: str) -> str:
    """A ``--fail-on`` value: a level by its code or Chinese label (应当), or never (从不)."""
    from decisiontrack.profiles.model import LEVEL_LABELS
    from decisiontrack.vocabulary import choose

    return choose(value, {**LEVEL_LABELS, "never": "从不"}, "--fail-on")
