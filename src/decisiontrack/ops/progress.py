"""``progress new``: scaffold a tracking-feedback report (跟踪反馈报告, 第八条)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from decisiontrack.errors import UserError
from decisiontrack.ops.change import Change, writes
from decisiontrack.ops.evaluations import open_with_profile

PERIOD = re.compile(r"^\d{4}(?:-(?:H[12]|Q[1-4]|0[1-9]|1[0-2]))?$")
"""``2024``, ``2024-H1``, ``2024-Q3`` or ``2024-05``; also names ``progress/<period>.md``."""


def check_period(period: str) -> str:
    """Refuse periods that are not a year, half-year, quarter or month."""
    if not PERIOD.fullmatch(period):
        raise UserError(
            f"--period “{period}” 无效：应写成 2024（年度）、2024-H1（半年）、"
            "2024-Q3（季度）或 2024-05（月度）"
        )
    return period


@writes
def new_progress(
    root: Path, decision_id: str, period: str, submitted_on: date, *, force: bool = False
) -> Change:
    """Write ``progress/<period>.md`` prefilled from the records; overwrite only with ``force``."""
    from decisiontrack.reports.scaffold import progress_document
    from decisiontrack.store.transaction import write_record

    check_period(period)
    opened = open_with_profile(root, decision_id)
    path = root / opened.folder.path / "progress" / f"{period}.md"
    if path.exists() and not force:
        raise UserError(
            f"{opened.folder.path}/progress/{period}.md 已存在；如确需重新生成，请加 --force"
        )
    text = progress_document(
        opened.folder, opened.profile, period, submitted_on, opened.profile_dir
    )
    write_record(path, text, overwrite=force)
    return Change("progress new", decision_id, period)
