"""``validate``: every load problem plus the cross-references between files."""

from __future__ import annotations

from decisiontrack.errors import Problem
from decisiontrack.model.folder import Workspace


def validate_workspace(workspace: Workspace, profile=None) -> list[Problem]:
    """All problems (errors and warnings), sorted by path and line.

    With a profile, evaluation ``addresses`` must name its rules and ``outcome`` must be in
    its vocabulary for that kind of decision.
    """
    problems = list(workspace.problems) + evidence_problems(workspace)
    problems.extend(plan_warnings(workspace))
    if profile is not None:
        from decisiontrack.profiles.loader import profile_warnings

        problems.extend(profile_problems(workspace, profile))
        problems.extend(profile_warnings(workspace.settings.workspace.profile, workspace.root))
    return sorted(set(problems), key=lambda p: (p.path, p.line or 0, p.message))


def plan_warnings(workspace: Workspace) -> list[Problem]:
    """A plan without ``created_on`` counts from the decision's ``effective_from``: say so."""
    warnings = []
    for folder in workspace.decisions.values():
        if folder.plan is not None and folder.plan.created_on is None:
            warnings.append(Problem(folder.plan_path, None,
                                    "没有写 created_on（方案制定日期）：检查时视为自决策施行之日（effective_from）起已有方案；"
                                    "请补上方案实际制定的日期，如 created_on = 2024-02-10", "warning"))
    return warnings


def profile_problems(workspace: Workspace, profile) -> list[Problem]:
    """Cross-references against the profile: rule ids and outcome values."""
    from decisiontrack.store.tomlfile import line_of

    problems = []
    for folder in workspace.decisions.values():
        for ev in folder.evaluations:
            e = ev.evaluation
            if e is None:
                continue
            shown = f"{ev.path}/evaluation.toml"
            text = (workspace.root / shown).read_text(encoding="utf-8")
            for index, rule_id in enumerate(e.addresses):
                if profile.rule(rule_id) is None:
                    problems.append(Problem(shown, line_of(text, ("addresses", index)),
                                            f"addresses 中的规则“{rule_id}”不存在于办法 {profile.name}；"
                                            f"可运行 decisiontrack profile show {profile.name} 查看规则编号"))
            if e.outcome is not None and folder.decision is not None:
                allowed = profile.outcomes_for(folder.decision.category)
                if allowed and e.outcome not in allowed:
                    listed = "、".join(f"{k}（{v}）" for k, v in allowed.items())
                    problems.append(Problem(shown, line_of(text, ("outcome",)),
                                            f"评估结论 outcome“{e.outcome}”不在办法 {profile.name} 的结论中，可选：{listed}"))
    return problems


def _evidence_of(folder) -> list[tuple[str, str, list[str]]]:
    """(record path, folder the paths are relative to, paths) of every record that names evidence."""
    found = []
    if folder.decision is not None:
        found.append((folder.decision_path, folder.path, [p for c in folder.decision.status_history for p in c.evidence]))
    for entry in folder.inspections:
        i = entry.record
        found.append((entry.path, folder.path, [*i.evidence, *(p for r in i.rectifications for p in r.evidence)]))
    for ev in folder.evaluations:
        if ev.evaluation is not None:
            from decisiontrack.model.evaluation import STAGES

            paths = [p for stage in STAGES for p in ev.evaluation.stage_evidence(stage)]
            found.append((f"{ev.path}/evaluation.toml", ev.path, paths))
    return found


def evidence_problems(workspace: Workspace) -> list[Problem]:
    """A warning for each evidence file a record names that is not in its folder (moved or not committed)."""
    problems = []
    for folder in workspace.decisions.values():
        for record_path, base, paths in _evidence_of(folder):
            for path in paths:
                if not (workspace.root / base / path).is_file():
                    problems.append(Problem(record_path, None, f"证明材料 {base}/{path} 不存在；"
                                            "请放回该文件，或从记录中删去这一项", "warning"))
    return problems
