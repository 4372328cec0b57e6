"""The volume of public opinions.

鄂尔多斯第十一条第（三）项: “公民、法人或者其它组织对决策实施情况提出较多意见的” (可以);
任丘第十二条第（一）项: “对规范性文件提出较多意见的” (应当); 第713号第三十六条第一款第（二）项 (可以).
较多 is not a number in any of them: ``threshold`` and ``window_days`` are local settings.

An opinion counts from its ``received_on`` until it is withdrawn (``withdrawn_on``).

Example: with ``threshold = 20`` and a 365-day window, the rule fires on the day the 20th
opinion of the window ending today was received.
"""

from __future__ import annotations

from collections.abc import Iterator

from decisiontrack.dates import shift
from decisiontrack.rules.context import Context
from decisiontrack.rules.finding import Trigger
from decisiontrack.rules.schema import Param, takes


@takes(Param("threshold", "int", "“较多意见”的条数", required=True, min=1, max=1_000_000),
       Param("window_days", "int", "统计意见的期间（日，截至检查之日）", required=True, min=1, max=3650))
def opinion_volume(ctx: Context, params: dict) -> Iterator[Trigger]:
    """At least ``threshold`` opinions received in the ``window_days`` ending on the day checked."""
    threshold, window = params["threshold"], params["window_days"]
    start = shift(ctx.as_of, days=-(window - 1))
    days = sorted(day for day in ctx.opinions() if day >= start)
    if len(days) >= threshold:
        yield Trigger(days[threshold - 1], path=f"{ctx.folder.path}/feedback",
                      values={"count": len(days), "threshold": threshold, "window_days": window})
