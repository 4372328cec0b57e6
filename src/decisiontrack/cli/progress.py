"""``progress new``: the tracking-feedback report of 第八条, prefilled from the records."""

from typing import Annotated

import typer

from decisiontrack.cli._common import (
    DecisionArgument,
    ForceOption,
    NoCommitOption,
    command,
    decision_root,
    finish,
    group,
    parse_date,
)

NAME = "progress"
app = group("跟踪反馈报告（第八条）：工作进展、执行效果、存在问题和解决建议、下一步工作安排。")


@command(app, "new")
def new(
    decision_id: DecisionArgument,
    period: Annotated[
        str | None, typer.Option(help="报告期间：2024、2024-H1、2024-Q3 或 2024-05。")
    ] = None,
    submitted_on: Annotated[
        str | None, typer.Option(help="报送日期（第八条报告的日期，按它计算下次报送期限）。")
    ] = None,
    force: ForceOption = False,
    no_commit: NoCommitOption = False,
) -> None:
    """生成跟踪反馈报告框架 progress/<期间>.md，预填方案、指标、意见、事实和督查。"""
    from decisiontrack.cli._prompts import Ask, fill_missing
    from decisiontrack.ops.progress import new_progress

    root = decision_root(decision_id)
    values = fill_missing(
        {"period": period, "submitted_on": parse_date(submitted_on, "--submitted-on")},
        [Ask("period", "--period", "报告期间，如 2024-H1"), Ask("submitted_on", "--submitted-on", "报送日期", "date")],
    )
    change = new_progress(root, decision_id, values["period"], values["submitted_on"], force=force, commit=not no_commit)
    finish(root, change)
