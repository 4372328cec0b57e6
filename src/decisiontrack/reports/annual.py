"""The 年度评估计划 (任丘第十三条): which normative documents' evaluations fall due in a year.

“市政府规范性文件跟踪反馈、后评估工作应当制定年度计划。评估计划由市政府办公室会同有关部门提出，
报市政府批准后实施。” The plan lists, for each document the profile's ``annual-plan`` rules cover,
the day in that year from which an evaluation is due (任丘第十二条第（三）项: 有效期届满前6个月,
when it is to continue), and every such document whose evaluation was already due and still
unanswered on 1 January of that year.

Pure: the workspace comes in loaded, rows go out.
"""

from __future__ import annotations

from datetime import date

from decisiontrack.profiles.model import Profile
from decisiontrack.wording import chinese_date


def annual_rows(workspace, profile: Profile, year: int, due_soon_days: int = 30) -> list[tuple[str, ...]]:
    """One row per document and reason, earliest first: title, 文号, 承办单位, from when, why."""
    from decisiontrack.rules.context import resolve
    from decisiontrack.rules.engine import check_decision
    from decisiontrack.rules.predicates import PREDICATES
    from decisiontrack.rules.predicates.periods import annual_plan, falls_due_in

    first_day = date(year, 1, 1)
    planning = [(rule, resolve(rule.params, profile.values_on(first_day)))
                for rule in profile.rules if PREDICATES.get(rule.predicate) is annual_plan]
    found = []
    for folder in workspace.decisions.values():
        d = folder.decision
        if d is None:
            continue
        covered = [params for _rule, params in planning if d.category in params.get("categories", [d.category])]
        if not covered:
            continue
        head = (d.title, d.doc_number or "—", d.undertaking_unit)
        for params in covered:
            start = falls_due_in(d, params, year)
            if start is not None and d.status_on(start) == "in-force":
                found.append((start, d.id, (*head, f"{chinese_date(start)}起",
                                           f"有效期至{chinese_date(d.effective_until)}，届满前{params['months']}个月，拟继续实施")))
        for finding in check_decision(folder, profile, first_day, due_soon_days):
            rule = profile.rule(finding.rule)
            if rule is not None and rule.asks_evaluation and rule.level == "must" and finding.since < first_day:
                found.append((finding.since, d.id, (*head, f"{chinese_date(finding.since)}起（尚未评估）", finding.article)))
    return [row for _day, _id, row in sorted(set(found))]
