"""Evaluations due by the calendar of a decision's period.

鄂尔多斯第十二条第（二）项: “重大改革事项、对公民权利义务发生普遍影响或群众普遍关注的重大政策执行满一年的”;
第十二条第（三）项: “五年以上长期执行的重大规划、重大政策等执行期限或进度过半时应进行中期评估”;
第十二条第（四）项: 同类决策“执行结束后应及时进行终期评估”;
任丘第十二条第（三）项: “规范性文件在有效期届满前6个月，制定机关或实施机关认为需要继续实施的”;
任丘第十三条: “应当制定年度计划”.

Example: a plan 2021-01-01..2025-12-31 (1,826 days, inclusive) is past half on the day when
914 days have elapsed counting inclusively: 2023-07-03. Its final evaluation is due from 2026-01-01,
or from the day after its ``status_since`` when it was terminated earlier. An evaluation started
within ``early_credit_days`` before a period trigger answers it: early compliance is compliance.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from decisiontrack.dates import is_open_end, shift
from decisiontrack.rules.context import Context
from decisiontrack.rules.finding import Trigger
from decisiontrack.rules.schema import Param, takes

ENDED = ("terminated", "expired")
"""Statuses that end the execution before ``effective_until`` (第十二条第（四）项 “执行结束”)."""

MIN_YEARS = Param("min_years", "int", "“五年以上长期执行”：期间不少于几年", required=True, min=1, max=100)
EARLY = Param("early_credit_days", "int", "触发前多少日内启动的评估也算回应（提前完成即为完成）",
              min=0, max=3650, shapes_finding=False)
MONTHS = Param("months", "int", "有效期届满前几个月", required=True, min=1, max=120)
REQUIRE = Param("require", "list", "这些标志都为真才适用（如 continue_intended）", "flags")


def _long_enough(start: date, end: date | None, min_years: int) -> bool:
    """The inclusive period ``start``..``end`` lasts at least ``min_years`` calendar years."""
    if is_open_end(end):
        return False
    return shift(end, days=1) >= shift(start, years=min_years)


def midpoint(start: date, end: date) -> date:
    """The first day on which more than half of the inclusive period has elapsed."""
    total = (end - start).days + 1
    return shift(start, days=total // 2)


def _early(trigger_day: date, params: dict) -> date:
    return shift(trigger_day, days=-params.get("early_credit_days", 0))


@takes(Param("years", "int", "施行满几年（按日历年）", required=True, min=1, max=100))
def anniversary(ctx: Context, params: dict) -> Iterator[Trigger]:
    """``years`` calendar years after ``effective_from``."""
    since = shift(ctx.decision.effective_from, years=params["years"])
    yield Trigger(since, path=ctx.folder.decision_path, values={"years": params["years"]})


@takes(MIN_YEARS, Param("progress_above", "int", "“进度过半”：进度报告的百分比超过此数", min=0, max=100), EARLY)
def period_midpoint(ctx: Context, params: dict) -> Iterator[Trigger]:
    """More than half the period elapsed, or a progress report states more than half done."""
    d = ctx.decision
    if not _long_enough(d.effective_from, d.effective_until, params["min_years"]):
        return
    since, reason = midpoint(d.effective_from, d.effective_until), "执行期限过半"
    above = params.get("progress_above")
    for entry in ctx.progress():
        report = entry.record
        if above is not None and report.progress_percent is not None and report.progress_percent > above:
            if report.submitted_on < since:
                since, reason = report.submitted_on, f"跟踪反馈报告 {report.period} 显示进度 {report.progress_percent}%"
    yield Trigger(since, path=ctx.folder.decision_path, values={"reason": reason, "midpoint": since},
                  answerable_from=_early(since, params))


def real_end(ctx: Context) -> date | None:
    """The last day of execution: ``effective_until``, or the day a status that ends it
    (terminated, expired) took effect, whichever is earlier — as known on the day checked."""
    d = ctx.decision
    ends = [] if is_open_end(d.effective_until) else [d.effective_until]
    changes = [(c.since, c.status) for c in d.status_history]
    if d.status_since is not None:
        changes.append((d.status_since, d.status))
    ends += [since for since, status in changes if status in ENDED and since <= ctx.as_of]
    return min(ends) if ends else None


@takes(MIN_YEARS)
def period_end(ctx: Context, params: dict) -> Iterator[Trigger]:
    """From the day after the real end of a long-term decision.

    Long-term: the planned period lasts ``min_years``; an open-ended decision, when it really ran
    that long before it ended.
    """
    d = ctx.decision
    end = real_end(ctx)
    if end is None:
        return
    planned = d.effective_until if not is_open_end(d.effective_until) else end
    if _long_enough(d.effective_from, planned, params["min_years"]):
        yield Trigger(shift(end, days=1), path=ctx.folder.decision_path, values={"until": end})


def _before_expiry(d, params: dict) -> date | None:
    if is_open_end(d.effective_until):
        return None
    if any(not getattr(d, flag, False) for flag in params.get("require", [])):
        return None
    return shift(d.effective_until, months=-params["months"])


@takes(MONTHS, REQUIRE, EARLY)
def before_expiry(ctx: Context, params: dict) -> Iterator[Trigger]:
    """``months`` calendar months before ``effective_until`` (with the ``require`` flags set)."""
    d = ctx.decision
    since = _before_expiry(d, params)
    if since is not None:
        yield Trigger(since, path=ctx.folder.decision_path,
                      values={"until": d.effective_until, "months": params["months"]},
                      answerable_from=_early(since, params))


def falls_due_in(decision, params: dict, year: int) -> date | None:
    """The day in ``year`` on which a ``before-expiry`` evaluation of ``decision`` falls due, if any."""
    start = _before_expiry(decision, params)
    return start if start is not None and start.year == year else None


@takes(MONTHS, REQUIRE)
def annual_plan(ctx: Context, params: dict) -> Iterator[Trigger]:
    """Decisions whose ``before_expiry`` date falls in the next calendar year (任丘第十三条)."""
    d = ctx.decision
    start = falls_due_in(d, params, ctx.as_of.year + 1)
    if start is not None:
        yield Trigger(date(ctx.as_of.year, 1, 1), path=ctx.folder.decision_path,
                      values={"year": start.year, "start": start, "until": d.effective_until})
