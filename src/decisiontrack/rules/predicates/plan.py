"""Tracking-plan duties.

第六条: “重大行政决策承办单位应当制定重大行政决策跟踪反馈工作方案，明确……时间节点、方法步骤等，
并严格按照工作方案如期完成重大行政决策事项。”
第八条: 承办单位“拟定跟踪反馈报告”. 第十条第二款: “决策承办单位应当在规定时间内……完成督查结论中
要求整改的事项”.

Example: a decision effective 2024-01-01 without plan.toml fires ``missing-plan`` (30 days)
on 2024-01-31; a milestone due 2024-06-30 without ``done_on`` is due-soon from 2024-05-31
(30-day window) and overdue from 2024-07-01.
"""

from __future__ import annotations

from collections.abc import Iterator

from decisiontrack.dates import shift
from decisiontrack.rules.context import Context, applies_to
from decisiontrack.rules.finding import Trigger


def missing_plan(ctx: Context, params: dict) -> Iterator[Trigger]:
    """No plan.toml ``after_days`` after ``effective_from`` (a broken plan file is not missing)."""
    folder = ctx.folder
    if folder.plan_file_exists or not applies_to(ctx.decision, params):
        return
    since = shift(ctx.decision.effective_from, days=params["after_days"])
    yield Trigger(since, path=folder.decision_path, values={"after_days": params["after_days"]})


def open_deadline(ctx: Context, params: dict) -> Iterator[Trigger]:
    """Each milestone (or rectification item) with a ``due`` date and no ``done_on``."""
    if not applies_to(ctx.decision, params):
        return
    folder = ctx.folder
    if params["items"] == "milestones":
        if folder.plan is None:
            return
        for m in folder.plan.milestones:
            if m.done_on is None:
                due = m.due_on(ctx.as_of)  # a day before a move still sees the old date
                yield Trigger(due, due, True, folder.plan_path, {"id": m.id, "item": m.title, "due": due})
    else:
        for entry in folder.inspections:
            for r in entry.record.rectifications:
                if r.done_on is None:
                    yield Trigger(r.due, r.due, True, entry.path,
                                  {"id": r.id, "item": r.item, "due": r.due, "inspection": entry.stem})


def progress_cadence(ctx: Context, params: dict) -> Iterator[Trigger]:
    """The next progress report is due ``progress_report_every_months`` after the last one."""
    folder = ctx.folder
    plan = folder.plan
    if plan is None or plan.progress_report_every_months is None or not applies_to(ctx.decision, params):
        return
    latest = folder.latest_progress()
    start = latest.record.submitted_on if latest else ctx.decision.effective_from
    due = shift(start, months=plan.progress_report_every_months)
    yield Trigger(due, due, True, latest.path if latest else folder.plan_path,
                  {"months": plan.progress_report_every_months, "last": start, "due": due})
