"""Facts of the implementation: reporting them, and the evaluations they call for.

鄂尔多斯第九条: 发现“存在问题、客观情况发生重大变化或者决策执行中发生不可抗力等严重影响决策目标
实现的，应当及时向市人民政府报告”; 国务院令第713号第三十五条第一款 alike. 鄂尔多斯第十一条 (可以)
and 第十二条第（一）项 (应当: “出现较大争议、风险或重大分歧”); 第713号第三十六条第一款 (可以).

An event counts from its ``occurred_on`` until it is withdrawn (``withdrawn_on``); a report counts
from its ``reported_on``.

Example: a ``problem`` event of 2024-04-01 without ``reported_on`` is overdue from 2024-04-09
(7 days, a local reading of 及时); a ``controversy`` of 2024-04-01 asks for an evaluation from
that day.
"""

from __future__ import annotations

from collections.abc import Iterator

from decisiontrack.dates import shift
from decisiontrack.model.event import EVENT_LABELS
from decisiontrack.rules.context import Context
from decisiontrack.rules.finding import Trigger
from decisiontrack.rules.schema import Param, takes

KINDS = Param("kinds", "list", "所列类型的事实", "kinds", required=True)


@takes(KINDS, Param("days", "int", "发生后多少日内应当报告", required=True, min=1, max=3650))
def unreported_event(ctx: Context, params: dict) -> Iterator[Trigger]:
    """An event of ``kinds`` not reported (by the day checked) within ``days`` of ``occurred_on``."""
    for entry in ctx.events():
        e = entry.record
        if e.kind in params["kinds"] and ctx.known(e.reported_on) is None:
            due = shift(ctx.counts_from(e.occurred_on), days=params["days"])
            yield Trigger(due, due, True, entry.path,
                          {"event": entry.stem, "kind": EVENT_LABELS[e.kind], "occurred_on": e.occurred_on,
                           "due": due})


@takes(KINDS, Param("also_when_off_track", "bool", "最近一期跟踪反馈报告 on_track = false 时也触发"))
def event(ctx: Context, params: dict) -> Iterator[Trigger]:
    """Each event of ``kinds`` (and, with ``also_when_off_track``, a latest report off track)."""
    for entry in ctx.events():
        e = entry.record
        if e.kind in params["kinds"]:
            yield Trigger(e.occurred_on, path=entry.path,
                          values={"event": entry.stem, "kind": EVENT_LABELS[e.kind], "occurred_on": e.occurred_on})
    if params.get("also_when_off_track"):
        latest = ctx.latest_progress()
        if latest is not None and latest.record.on_track is False:
            yield Trigger(latest.record.submitted_on, path=latest.path,
                          values={"kind": f"跟踪反馈报告 {latest.record.period} 显示未达预期",
                                  "occurred_on": latest.record.submitted_on})
