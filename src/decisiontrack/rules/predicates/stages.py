"""Duties along an evaluation's stages, and what follows its outcome.

鄂尔多斯第十四条第（三）项: 委托第三方的评估报告“应当经决策承办单位审查验收并予以确认”;
第十九条: “评估工作完成后，决策承办单位应当在一个月内形成书面评估报告并提交市人民政府”;
第二十条: 停止执行或者修改决策的决定作出后“决策承办单位应当及时落实”;
任丘第十八条第二款 (受委托机构的小组和方案“应当经委托机关审核同意”), 第二十条第（二）项 (专家论证),
第二十四、二十九条 (“经合法性审查后，报市政府常务会议审议”), 第七条 (结果“应向社会公开”),
第三十一条 (建议修改、废止的，按照法定程序组织修改或提请废止);
第713号第三十六条第二款 (决策作出前承担主要论证评估工作的单位不得受委托评估), 第三十七条
(未经法定程序不得随意变更或者停止执行).

A stage counts from its own date: on a day before it was recorded, it had not happened.

Example: research completed on 2024-01-31 → the report is due on 2024-02-29 (one calendar month).
A commissioned report submitted on 2024-03-01 and accepted on 2024-03-05 was submitted before
its acceptance: a 第十四条第（三）项 finding from 2024-03-01.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from decisiontrack.dates import shift
from decisiontrack.model.decision import STATUS_LABELS
from decisiontrack.model.evaluation import STAGES
from decisiontrack.rules.context import Context
from decisiontrack.rules.finding import Trigger
from decisiontrack.rules.schema import Param, takes

COMMISSIONED = Param("commissioned", "bool", "只看委托第三方（true）或不委托（false）的评估")


def _evaluation_path(folder) -> str:
    return f"{folder.path}/evaluation.toml"


def _stages(params: dict, key: str) -> list[str]:
    value = params[key]
    return [value] if isinstance(value, str) else list(value)


def _filtered(e, params: dict) -> bool:
    if "commissioned" in params and bool(e.commissioned_to.strip()) != params["commissioned"]:
        return False
    return "simplified" not in params or e.simplified == params["simplified"]


@takes(Param("after", "one-or-list", "之前应当完成 missing 的阶段（一个或多个，以最早者为准）", "stages",
             required=True),
       Param("missing", "one", "应当在 after 之前（或当日）完成的阶段", "stages", required=True),
       COMMISSIONED,
       Param("simplified", "bool", "只看简易程序（true）或非简易程序（false）的评估"))
def missing_stage(ctx: Context, params: dict) -> Iterator[Trigger]:
    """An evaluation that reached stage ``after`` without stage ``missing`` before it.

    Fires from the ``after`` date while ``missing`` is not recorded by the day checked, and for
    good when it was recorded only later (the order of steps was broken).
    """
    for folder, e in ctx.evaluations():
        breach = _breach(lambda stage, e=e: ctx.stage(e, stage), params) if _filtered(e, params) else None
        if breach is None:
            continue
        first, done = breach
        stage = STAGES[params["missing"]]
        state = f"尚未经{stage}" if done is None else f"{stage}（{done}）晚于该日"
        yield Trigger(first, path=_evaluation_path(folder),
                      values={"evaluation": e.id, "stage": stage, "reached": first, "state": state})


def _breach(stage_of, params: dict) -> tuple[date, date | None] | None:
    """(first ``after`` date, ``missing`` date or None) when ``missing`` did not come first."""
    reached = [day for stage in _stages(params, "after") if (day := stage_of(stage)) is not None]
    if not reached:
        return None
    done = stage_of(params["missing"])
    return None if done is not None and done <= min(reached) else (min(reached), done)


def order_problems(profile, evaluation, category: str, values: dict) -> list[str]:
    """What recording ``values`` (stage dates) would put out of the order the profile asks.

    The order is what the profile's ``missing-stage`` rules say (``missing`` before ``after``).
    Used by ``evaluation advance``, which refuses such a date unless ``--force``.
    """
    from decisiontrack.rules.context import resolve
    from decisiontrack.rules.predicates import PREDICATES

    e = evaluation.model_copy(update=values)
    parameters = profile.values_on(min(values.values()))
    problems = []
    for rule in profile.rules:
        if PREDICATES.get(rule.predicate) is not missing_stage:
            continue
        params = resolve(rule.params, parameters)
        categories = params.get("categories")
        if (categories is not None and category not in categories) or not _filtered(e, params):
            continue
        touched = any(f"{s}_on" in values for s in (*_stages(params, "after"), params["missing"]))
        breach = _breach(e.stage_date, params) if touched else None
        if breach is not None:
            later = "、".join(STAGES[s] for s in _stages(params, "after"))
            missing = STAGES[params["missing"]]
            first, done = breach
            when = f"（现为{missing} {done}，{later} {first}）" if done else f"（尚未记录{missing}）"
            problems.append(f"{rule.article}：{missing}应当在{later}之前完成{when}")
    return problems


@takes(Param("after", "one", "开始计算期限的阶段", "stages", required=True),
       Param("until", "one", "应当在期限内完成的阶段", "stages", required=True),
       Param("months", "int", "期限（日历月）", min=1, max=120),
       Param("days", "int", "期限（日）", min=1, max=3650),
       one_of=("months", "days"))
def deadline_after_stage(ctx: Context, params: dict) -> Iterator[Trigger]:
    """Stage ``until`` is due ``months`` (calendar) or ``days`` after stage ``after``."""
    for folder, e in ctx.evaluations():
        start = ctx.stage(e, params["after"])
        if start is None or ctx.stage(e, params["until"]) is not None:
            continue
        due = shift(ctx.counts_from(start), months=params.get("months", 0), days=params.get("days", 0))
        yield Trigger(due, due, True, _evaluation_path(folder), {"evaluation": e.id, "start": start, "due": due})


@takes(Param("outcomes", "list", "所列评估结论", "outcomes", required=True),
       Param("status", "one", "决策仍处于此状态时触发（与 in_force_only = true 同义）", "statuses"),
       Param("days", "int", "作出决定后多少日内应当落实（缺省：自决定之日起即为应当）", min=1, max=3650))
def outcome_status(ctx: Context, params: dict) -> Iterator[Trigger]:
    """A decided outcome in ``outcomes`` while the decision's status on the day is still ``status``.

    With ``days``: a deadline ``days`` after the decision instead of a state from its date.
    """
    if "status" in params and ctx.status != params["status"]:
        return
    for _folder, e in ctx.evaluations():
        outcome = ctx.outcome(e)
        if outcome not in params["outcomes"]:
            continue
        values = {"evaluation": e.id, "outcome": ctx.outcome_labels.get(outcome, outcome), "decided_on": e.decided_on}
        if "days" in params:
            due = shift(ctx.counts_from(e.decided_on), days=params["days"])
            yield Trigger(due, due, True, ctx.folder.decision_path, {**values, "due": due})
        else:
            yield Trigger(e.decided_on, path=ctx.folder.decision_path, values=values)


@takes(Param("days", "int", "作出决定后多少日内应当公开", required=True, min=1, max=3650),
       Param("exempt_classifications", "list", "不公开的密级（缺省：secret）", "classifications"))
def unpublished(ctx: Context, params: dict) -> Iterator[Trigger]:
    """A decided evaluation not ``published_on`` within ``days``; secret decisions are exempt."""
    if ctx.decision.classification in params.get("exempt_classifications", ["secret"]):
        return
    for folder, e in ctx.evaluations():
        decided = ctx.stage(e, "decided")
        if decided is not None and ctx.stage(e, "published") is None:
            due = shift(ctx.counts_from(decided), days=params["days"])
            yield Trigger(due, due, True, _evaluation_path(folder),
                          {"evaluation": e.id, "decided_on": decided, "due": due})


def _same_unit(a: str, b: str) -> bool:
    return bool(a.strip()) and "".join(a.split()) == "".join(b.split())


@takes()
def independent_evaluator(ctx: Context, params: dict) -> Iterator[Trigger]:
    """An evaluation commissioned to the unit that did the main pre-decision assessment.

    Names are compared as written (spaces ignored): record the same unit the same way.
    """
    assessor = ctx.decision.pre_decision_assessor
    for folder, e in ctx.evaluations():
        if _same_unit(assessor, e.commissioned_to):
            yield Trigger(e.started_on, path=_evaluation_path(folder),
                          values={"evaluation": e.id, "unit": e.commissioned_to.strip()})


def status_changes(decision) -> list[tuple[date, str, str, str]]:
    """Every dated status change: (since, status, basis, evaluation); the current status without a
    history entry counts from ``status_since`` (or, undated, from ``effective_from``)."""
    changes = [(c.since, c.status, c.basis, c.evaluation) for c in decision.status_history]
    if decision.status != "in-force" and not any(s == decision.status and (decision.status_since in (None, day))
                                                 for day, s, _b, _e in changes):
        changes.append((decision.status_since or decision.effective_from, decision.status, "", ""))
    return sorted(changes)


@takes(Param("statuses", "list", "改为这些状态须有记录在案的决定", "statuses", required=True))
def status_without_basis(ctx: Context, params: dict) -> Iterator[Trigger]:
    """A change to one of ``statuses`` with no recorded decision behind it by the day checked.

    A decision is recorded when the change names a document (``basis``) or an evaluation whose
    outcome was decided by then (``evaluation``).
    """
    decided = {e.id for _folder, e in ctx.evaluations() if ctx.stage(e, "decided") is not None}
    for since, status, basis, evaluation in status_changes(ctx.decision):
        if status not in params["statuses"] or since > ctx.as_of:
            continue
        if basis.strip() or evaluation in decided:
            continue
        yield Trigger(since, path=ctx.folder.decision_path,
                      values={"status": STATUS_LABELS[status], "changed_on": since})
