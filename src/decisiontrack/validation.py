"""``validate``: every load problem plus the cross-references between files.

It is one pass of :mod:`decisiontrack.checking` without the rules: each decision's files are read
once, and :func:`folder_problems` (the pass's view) adds what only the records together show.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from decisiontrack.errors import Problem

_ANY_DAY = date(2000, 1, 1)
"""``validate`` checks no rule, so the day does not matter."""


def validate(root: Path) -> tuple[list[Problem], int]:
    """All problems (errors and warnings) of the workspace at ``root``, sorted by path and line,
    and the number of decisions.

    Evaluation ``addresses`` must name the profile's rules and ``outcome`` must be in its
    vocabulary for that kind of decision; evidence files must exist; the profile is checked too.
    """
    from decisiontrack.checking import EVERYTHING, check_many
    from decisiontrack.profiles.loader import profile_warnings

    [(_, result)] = list(check_many([root], _ANY_DAY, EVERYTHING, folder_problems, engine=False))
    problems = [*result.errors, *result.warnings, *(p for found in result.views.values() for p in found)]
    problems += profile_warnings(result.workspace.settings.workspace.profile, root)
    return sorted(set(problems), key=lambda p: (p.path, p.line or 0, p.message)), len(result.views)


def folder_problems(folder, findings, scope) -> list[Problem]:
    """The view of the pass that ``validate`` keeps: the cross-references of one decision."""
    return [*profile_problems(folder, scope.profile, scope.root), *evidence_problems(folder, scope.root),
            *plan_warnings(folder)]


def plan_warnings(folder) -> list[Problem]:
    """A plan without ``created_on`` counts from the decision's ``effective_from``: say so."""
    if folder.plan is not None and folder.plan.created_on is None:
        return [Problem(folder.plan_path, None,
                        "没有写 created_on（方案制定日期）：检查时视为自决策施行之日（effective_from）起已有方案；"
                        "请补上方案实际制定的日期，如 created_on = 2024-02-10", "warning")]
    return []


def profile_problems(folder, profile, root: Path) -> list[Problem]:
    """Rule ids and outcome values against the profile; the file is read again for a line number
    only when it holds such a problem."""
    problems = []
    for ev in folder.evaluations:
        e = ev.evaluation
        if e is None:
            continue
        shown = f"{ev.path}/evaluation.toml"
        for index, rule_id in enumerate(e.addresses):
            if profile.rule(rule_id) is None:
                problems.append(Problem(shown, _line(root, shown, ("addresses", index)),
                                        f"addresses 中的规则“{rule_id}”不存在于办法 {profile.name}；"
                                        f"可运行 decisiontrack profile show {profile.name} 查看规则编号"))
        if e.outcome is not None and folder.decision is not None:
            allowed = profile.outcomes_for(folder.decision.category)
            if allowed and e.outcome not in allowed:
                listed = "、".join(f"{k}（{v}）" for k, v in allowed.items())
                problems.append(Problem(shown, _line(root, shown, ("outcome",)),
                                        f"评估结论 outcome“{e.outcome}”不在办法 {profile.name} 的结论中，可选：{listed}"))
    return problems


def _line(root: Path, shown: str, loc: tuple) -> int | None:
    from decisiontrack.store.tomlfile import line_of, read_text

    text, _ = read_text(root / shown, shown)
    return line_of(text, loc) if text else None


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


def evidence_problems(folder, root: Path) -> list[Problem]:
    """A warning for each evidence file a record names that is not in its folder (moved or not committed)."""
    problems = []
    for record_path, base, paths in _evidence_of(folder):
        for path in paths:
            if not (root / base / path).is_file():
                problems.append(Problem(record_path, None, f"证明材料 {base}/{path} 不存在；"
                                        "请放回该文件，或从记录中删去这一项", "warning"))
    return problems
