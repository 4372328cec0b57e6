"""``validate``: every load problem plus the cross-references between files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from decisiontrack.errors import Problem

_ANY_DAY = date(2000, 1, 1)
"""``validate`` checks no rule, so the day does not matter."""


def validate(root: Path) -> tuple[list[Problem], int]:
    """All problems (errors and warnings) of the workspace at ``root``, sorted by path and line,
    and the number of decisions: one pass over the files (no rule is checked).

    Evaluation ``addresses`` must name the profile's rules and ``outcome`` must be in its
    vocabulary for that kind of decision.
    """
    from decisiontrack.checking import EVERYTHING, check_many

    [(_, result)] = list(check_many([root], _ANY_DAY, EVERYTHING, cross_references, engine=False))
    problems = [*result.errors, *result.warnings, *(p for found in result.views.values() for p in found)]
    return sorted(set(problems), key=lambda p: (p.path, p.line or 0, p.message)), len(result.views)


def cross_references(folder, findings, scope) -> list[Problem]:
    """The view of the pass that ``validate`` keeps: rule ids and outcome values against the profile.

    The file is read again for a line number only when it holds such a problem.
    """
    profile = scope.profile
    problems = []
    for ev in folder.evaluations:
        e = ev.evaluation
        if e is None:
            continue
        shown = f"{ev.path}/evaluation.toml"
        for index, rule_id in enumerate(e.addresses):
            if profile.rule(rule_id) is None:
                problems.append(Problem(shown, _line(scope, shown, ("addresses", index)),
                                        f"addresses 中的规则“{rule_id}”不存在于办法 {profile.name}；"
                                        f"可运行 decisiontrack profile show {profile.name} 查看规则编号"))
        if e.outcome is not None and folder.decision is not None:
            allowed = profile.outcomes_for(folder.decision.category)
            if e.outcome not in allowed:
                listed = "、".join(f"{k}（{v}）" for k, v in allowed.items())
                problems.append(Problem(shown, _line(scope, shown, ("outcome",)),
                                        f"评估结论 outcome“{e.outcome}”不在办法 {profile.name} 的结论中，可选：{listed}"))
    return problems


def _line(scope, shown: str, loc: tuple) -> int | None:
    from decisiontrack.store.tomlfile import line_of, read_text

    text, _ = read_text(scope.root / shown, shown)
    return line_of(text, loc) if text else None
