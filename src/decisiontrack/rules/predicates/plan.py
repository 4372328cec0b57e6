"""Tracking-plan duties.

鄂尔多斯第六条: “重大行政决策承办单位应当制定重大行政决策跟踪反馈工作方案，明确负责跟踪反馈的责任机构
和责任人员、时间节点、方法步骤等，并严格按照工作方案如期完成重大行政决策事项。”
第八条: 承办单位“拟定跟踪反馈报告”. 第十条第二款: “决策承办单位应当在规定时间内，按照要求完成督查
结论中要求整改的事项”. 第713号第三十四条: “向决策机关报告决策执行情况”.

A plan counts from its ``created_on``; a milestone is judged by the due date in force on the day
checked (``Milestone.due_on``); an item counts as done from its ``done_on``.

Example: a decision effective 2024-02-01 without plan.toml fires ``missing-plan`` (30 days, a
local setting: 第六条 sets no time) on 2024-03-02; so does a plan without people, milestones or
methods, naming what is missing. A milestone due 2024-06-30 without ``done_on`` is due-soon from
2024-05-31 (30-day window) and overdue from 2024-07-01.
"""

from __future__ import annotations

from collections.abc import Iterator

from decisiontrack.dates import shift
from decisiontrack.rules.context import Context
from decisiontrack.rules.finding import Trigger
from decisiontrack.rules.schema import PLAN_PART_LABELS, Param, takes


def missing_parts(plan, parts: list[str]) -> list[str]:
    """What of ``parts`` (people, milestones, methods) a plan lacks, as Chinese words."""
    present = {
        "people": bool(plan.people),
        "milestones": bool(plan.milestones),
        "methods": bool(plan.methods) or bool(plan.steps.strip()),
    }
    return [PLAN_PART_LABELS[part].split("（")[0] for part in parts if not present[part]]


@takes(Param("after_days", "int", "施行后多少日内应当制定方案", required=True, min=1, max=3650),
       Param("requires", "list", "方案必须明确的内容（缺少则不算已制定）", "plan_parts"))
def missing_plan(ctx: Context, params: dict) -> Iterator[Trigger]:
    """No plan made ``after_days`` after ``effective_from``, or a plan lacking ``requires``.

    A broken plan file is not missing (its errors are reported on their own).
    """
    since = shift(ctx.decision.effective_from, days=params["after_days"])
    values = {"after_days": params["after_days"]}
    if not ctx.plan_exists():
        yield Trigger(since, path=ctx.folder.decision_path, values={**values, "lacking": "尚未制定跟踪反馈工作方案"})
        return
    plan = ctx.plan
    lacking = missing_parts(plan, params.get("requires", [])) if plan is not None else []
    if lacking:
        text = f"跟踪反馈工作方案未明确{'、'.join(lacking)}"
        yield Trigger(since, path=ctx.folder.plan_path, values={**values, "lacking": text})


@takes(Param("items", "one", "milestones（时间节点）或 rectifications（整改事项）", "items", required=True))
def open_deadline(ctx: Context, params: dict) -> Iterator[Trigger]:
    """Each milestone (or rectification item) with a due date and not done by the day checked."""
    folder = ctx.folder
    if params["items"] == "milestones":
        plan = ctx.plan
        if plan is None:
            return
        for m in plan.milestones:
            if ctx.known(m.done_on) is None:
                due = m.due_on(ctx.as_of)
                yield Trigger(due, due, True, folder.plan_path, {"id": m.id, "item": m.title, "due": due})
    else:
        for entry in ctx.inspections():
            for r in entry.record.rectifications:
                if ctx.known(r.done_on) is None:
                    yield Trigger(r.due, r.due, True, entry.path,
                                  {"id": r.id, "item": r.item, "due": r.due, "inspection": entry.stem})


@takes()
def unreviewed_rectification(ctx: Context, params: dict) -> Iterator[Trigger]:
    """A rectification item done (by the day checked) but not yet reported for review (第十条第二款)."""
    for entry in ctx.inspections():
        for r in entry.record.rectifications:
            done = ctx.known(r.done_on)
            if done is not None and ctx.known(r.reviewed_on) is None:
                yield Trigger(done, path=entry.path,
                              values={"id": r.id, "item": r.item, "done_on": done, "inspection": entry.stem})


@takes(Param("months", "int", "每隔几个月报告一次；缺省时按 plan.toml 的 progress_report_every_months",
             min=1, max=120))
def progress_cadence(ctx: Context, params: dict) -> Iterator[Trigger]:
    """The next progress report is due ``months`` (or the plan's cadence) after the last one.

    Without a report yet, the clock starts when the plan was made (with the plan's cadence) or
    when the decision took effect (with ``months``).
    """
    plan = ctx.plan
    months = params.get("months")
    if months is None:
        if plan is None or plan.progress_report_every_months is None:
            return
        months, start = plan.progress_report_every_months, ctx.plan_made_on()
    else:
        start = ctx.decision.effective_from
    latest = ctx.latest_progress()
    if latest is not None:
        start, last_text = latest.record.submitted_on, f"上次报送为 {latest.record.submitted_on}"
        path = latest.path
    elif params.get("months") is None:
        last_text, path = f"工作方案于 {start} 制定，尚未报送", ctx.folder.plan_path
    else:
        last_text, path = f"决策于 {start} 施行，尚未报告", ctx.folder.decision_path
    due = shift(ctx.counts_from(start), months=months)
    yield Trigger(due, due, True, path, {"months": months, "last": start, "last_text": last_text, "due": due})
