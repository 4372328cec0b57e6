"""Facts of the implementation: reporting them, and the evaluations they call for.

第九条: 发现“存在问题、客观情况发生重大变化或者……发生不可抗力等严重影响决策目标实现的，
应当及时向市人民政府报告”. 第十一条 (可以) and 第十二条第（一）项 (应当: “出现较大争议、风险或重大分歧”).

Example: a ``problem`` event of 2024-04-01 without ``reported_on`` is overdue from 2024-04-09
(7 days); a ``controversy`` of 2024-04-01 asks for an evaluation from that day.
"""

from __future__ import annotations

from collections.abc import Iterator

from decisiontrack.dates import shift
from decisiontrack.model.event import EVENT_LABELS
from decisiontrack.rules.context import Context, applies_to
from decisiontrack.rules.finding import Trigger


def unreported_event(ctx: Context, params: dict) -> Iterator[Trigger]:
    """An event of ``kinds`` not reported within ``days`` of ``occurred_on``."""
    if not applies_to(ctx.decision, params):
        return
    for entry in ctx.folder.events:
        e = entry.record
        if e.kind in params["kinds"] and e.reported_on is None:
            due = shift(e.occurred_on, days=params["days"])
            yield Trigger(due, due, True, entry.path,
                          {"event": entry.stem, "kind": EVENT_LABELS[e.kind], "occurred_on": e.occurred_on,
                           "due": due})


def event(ctx: Context, params: dict) -> Iterator[Trigger]:
    """Each event of ``kinds`` (and, with ``also_when_off_track``, a latest report off track)."""
    if not applies_to(ctx.decision, params):
        return
    for entry in ctx.folder.events:
        e = entry.record
        if e.kind in params["kinds"]:
            yield Trigger(e.occurred_on, path=entry.path,
                          values={"event": entry.stem, "kind": EVENT_LABELS[e.kind], "occurred_on": e.occurred_on})
    if params.get("also_when_off_track"):
        latest = ctx.folder.latest_progress()
        if latest is not None and latest.record.on_track is False:
            yield Trigger(latest.record.submitted_on, path=latest.path,
                          values={"kind": f"跟踪反馈报告 {latest.record.period} 显示未达预期",
                                  "occurred_on": latest.record.submitted_on})
