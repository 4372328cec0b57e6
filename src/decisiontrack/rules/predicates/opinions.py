"""The volume of public opinions.

Ordos 第十一条第（三）项: “公民、法人或者其它组织对决策实施情况提出较多意见的” (可以);
任丘第十二条第（一）项: “对规范性文件提出较多意见的” (应当).

Example: with ``threshold = 20`` and a 365-day window, the rule fires on the day the 20th
opinion of the window ending today was received.
"""

from __future__ import annotations

from collections.abc import Iterator

from decisiontrack.dates import shift
from decisiontrack.rules.context import Context, applies_to
from decisiontrack.rules.finding import Trigger


def opinion_volume(ctx: Context, params: dict) -> Iterator[Trigger]:
    """At least ``threshold`` opinions received in the ``window_days`` ending on the day checked."""
    if not applies_to(ctx.decision, params):
        return
    threshold, window = params["threshold"], params["window_days"]
    start = shift(ctx.as_of, days=-(window - 1))
    days = sorted(o.record.received_on for o in ctx.folder.opinions
                  if start <= o.record.received_on <= ctx.as_of and o.record.counts_on(ctx.as_of))
    if threshold > 0 and len(days) >= threshold:
        yield Trigger(days[threshold - 1], path=f"{ctx.folder.path}/feedback",
                      values={"count": len(days), "threshold": threshold, "window_days": window})
