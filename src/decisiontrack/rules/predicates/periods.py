"""Evaluations due by the calendar of a decision's period.

第十二条第（二）项: 重大改革事项、普遍影响或群众普遍关注的重大政策“执行满一年的”;
第十二条第（三）项: “五年以上长期执行的重大规划、重大政策等执行期限或进度过半时应进行中期评估”;
第十二条第（四）项: 同类决策“执行结束后应及时进行终期评估”;
任丘第十二条第（三）项: “规范性文件在有效期届满前6个月……认为需要继续实施的”; 任丘第十三条: 年度计划.

Example: a plan 2021-01-01..2025-12-31 (1,826 days, inclusive) is past half on the day when
914 days have elapsed counting inclusively: 2023-07-03. Its final evaluation is due from 2026-01-01.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from decisiontrack.dates import is_open_end, shift
from decisiontrack.rules.context import Context, applies_to
from decisiontrack.rules.finding import Trigger


def _long_enough(decision, min_years: int) -> bool:
    """The inclusive period lasts at least ``min_years`` calendar years."""
    if is_open_end(decision.effective_until):
        return False
    return shift(decision.effective_until, days=1) >= shift(decision.effective_from, years=min_years)


def midpoint(start: date, end: date) -> date:
    """The first day on which more than half of the inclusive period has elapsed."""
    total = (end - start).days + 1
    return shift(start, days=total // 2)


def anniversary(ctx: Context, params: dict) -> Iterator[Trigger]:
    """``years`` calendar years after ``effective_from``."""
    d = ctx.decision
    if applies_to(d, params):
        since = shift(d.effective_from, years=params["years"])
        yield Trigger(since, path=ctx.folder.decision_path, values={"years": params["years"]})


def period_midpoint(ctx: Context, params: dict) -> Iterator[Trigger]:
    """More than half the period elapsed, or a progress report states more than half done."""
    d = ctx.decision
    if not applies_to(d, params) or not _long_enough(d, params["min_years"]):
        return
    since, reason = midpoint(d.effective_from, d.effective_until), "执行期限过半"
    above = params.get("progress_above")
    for entry in ctx.folder.progress:
        report = entry.record
        if above is not None and report.progress_percent is not None and report.progress_percent > above:
            if report.submitted_on < since:
                since, reason = report.submitted_on, f"跟踪反馈报告 {report.period} 显示进度 {report.progress_percent}%"
    yield Trigger(since, path=ctx.folder.decision_path, values={"reason": reason, "midpoint": since})


def period_end(ctx: Context, params: dict) -> Iterator[Trigger]:
    """From the day after ``effective_until``."""
    d = ctx.decision
    if applies_to(d, params) and _long_enough(d, params["min_years"]):
        yield Trigger(shift(d.effective_until, days=1), path=ctx.folder.decision_path,
                      values={"until": d.effective_until})


def _before_expiry(d, params: dict) -> date | None:
    if is_open_end(d.effective_until):
        return None
    if any(not getattr(d, flag, False) for flag in params.get("require", [])):
        return None
    return shift(d.effective_until, months=-params["months"])


def before_expiry(ctx: Context, params: dict) -> Iterator[Trigger]:
    """``months`` calendar months before ``effective_until`` (with the ``require`` flags set)."""
    d = ctx.decision
    since = _before_expiry(d, params) if applies_to(d, params) else None
    if since is not None:
        yield Trigger(since, path=ctx.folder.decision_path,
                      values={"until": d.effective_until, "months": params["months"]})


def annual_plan(ctx: Context, params: dict) -> Iterator[Trigger]:
    """Decisions whose ``before_expiry`` date falls in the next calendar year (任丘第十三条)."""
    d = ctx.decision
    start = _before_expiry(d, params) if applies_to(d, params) else None
    if start is not None and start.year == ctx.as_of.year + 1:
        yield Trigger(date(ctx.as_of.year, 1, 1), path=ctx.folder.decision_path,
                      values={"year": start.year, "start": start, "until": d.effective_until})
