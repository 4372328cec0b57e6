"""Run ``check`` as a whole: load, apply the profile, split findings from data errors."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from decisiontrack.errors import Problem, UserError
from decisiontrack.model.folder import Workspace
from decisiontrack.profiles.model import Profile
from decisiontrack.rules.finding import Finding


@dataclass
class CheckResult:
    """Findings and the data errors that stopped some files from being checked."""

    workspace: Workspace
    profile: Profile
    as_of: date
    findings: list[Finding]
    errors: list[Problem]


def run_check(root: Path, as_of: date, decision: str | None = None) -> CheckResult:
    """Check the workspace (or one decision) on ``as_of``."""
    from decisiontrack.ops.folders import decision_dir
    from decisiontrack.profiles import load_profile
    from decisiontrack.rules.engine import check_workspace
    from decisiontrack.store.loader import load_workspace

    if decision is not None:
        decision_dir(root, decision)
    workspace = load_workspace(root, only=decision)
    profile = load_profile(workspace)
    findings = check_workspace(workspace, profile, as_of)
    return CheckResult(workspace, profile, as_of, findings, sorted(workspace.errors))


def parse_level(value: str) -> str:
    """Check a ``--fail-on`` value."""
    from decisiontrack.profiles.model import LEVELS

    if value not in (*LEVELS, "never"):
        raise UserError(f"--fail-on 的值“{value}”无效，可选：{' | '.join(LEVELS)} | never")
    return value
