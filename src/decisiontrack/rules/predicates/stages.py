"""Duties along an evaluation's stages.

第十四条第（三）项: 委托第三方的评估报告“应当经决策承办单位审查验收并予以确认”;
第十九条: “评估工作完成后，决策承办单位应当在一个月内形成书面评估报告并提交市人民政府”;
第二十条: 停止执行或者修改决策的决定作出后应当及时落实;
任丘第二十条第（二）项 (专家论证), 第二十四、二十九条 (合法性审查), 第七条 (结果向社会公开).

Example: research completed on 2024-01-31 → the report is due on 2024-02-29 (one calendar month).
"""

from __future__ import annotations

from collections.abc import Iterator

from decisiontrack.dates import shift
from decisiontrack.model.evaluation import STAGES
from decisiontrack.rules.context import Context, applies_to
from decisiontrack.rules.finding import Trigger


def _evaluations(ctx: Context):
    for folder in ctx.folder.evaluations:
        if folder.evaluation is not None:
            yield folder, folder.evaluation


def missing_stage(ctx: Context, params: dict) -> Iterator[Trigger]:
    """An evaluation past stage ``after`` without stage ``missing``.

    Optional filters: ``commissioned`` (a third party was commissioned), ``simplified``.
    """
    if not applies_to(ctx.decision, params):
        return
    for folder, e in _evaluations(ctx):
        reached = e.stage_date(params["after"])
        if reached is None or e.stage_date(params["missing"]) is not None:
            continue
        if "commissioned" in params and bool(e.commissioned_to.strip()) != params["commissioned"]:
            continue
        if "simplified" in params and e.simplified != params["simplified"]:
            continue
        yield Trigger(reached, path=f"{folder.path}/evaluation.toml",
                      values={"evaluation": e.id, "stage": STAGES[params["missing"]], "reached": reached})


def deadline_after_stage(ctx: Context, params: dict) -> Iterator[Trigger]:
    """Stage ``until`` is due ``months`` (calendar) or ``days`` after stage ``after``."""
    if not applies_to(ctx.decision, params):
        return
    for folder, e in _evaluations(ctx):
        start = e.stage_date(params["after"])
        if start is None or e.stage_date(params["until"]) is not None:
            continue
        due = shift(start, months=params.get("months", 0), days=params.get("days", 0))
        yield Trigger(due, due, True, f"{folder.path}/evaluation.toml",
                      {"evaluation": e.id, "start": start, "due": due})


def outcome_status(ctx: Context, params: dict) -> Iterator[Trigger]:
    """A decided outcome in ``outcomes`` while the decision's status is still ``status``."""
    d = ctx.decision
    if d.status != params["status"]:
        return
    for _folder, e in _evaluations(ctx):
        if e.outcome in params["outcomes"] and e.decided_on is not None:
            yield Trigger(e.decided_on, path=ctx.folder.decision_path,
                          values={"evaluation": e.id, "outcome": ctx.outcome_labels.get(e.outcome, e.outcome),
                                  "decided_on": e.decided_on})


def unpublished(ctx: Context, params: dict) -> Iterator[Trigger]:
    """A decided evaluation not ``published_on`` within ``days``; secret decisions are exempt."""
    if ctx.decision.classification in params.get("exempt_classifications", ["secret"]):
        return
    for folder, e in _evaluations(ctx):
        if e.decided_on is not None and e.published_on is None:
            due = shift(e.decided_on, days=params["days"])
            yield Trigger(due, due, True, f"{folder.path}/evaluation.toml",
                          {"evaluation": e.id, "decided_on": e.decided_on, "due": due})
