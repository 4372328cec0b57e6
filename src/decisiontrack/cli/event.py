"""``event add / reported``: facts that drive rules 9, 11 and 12."""

from typing import Annotated

import typer

from decisiontrack.cli._common import (
    DecisionArgument,
    NoCommitOption,
    command,
    finish,
    parse_date,
    workspace_root,
)

NAME = "event"
app = typer.Typer(help="执行中的事实：依据变化、争议、风险、申请评估等（第九、十一、十二条）。", no_args_is_help=True)

KINDS = ("basis-changed | force-majeure | below-target | problem | controversy | major-risk | "
         "major-disagreement | evaluation-requested | deemed-necessary")


@command(app, "add")
def add(
    decision_id: DecisionArgument,
    kind: Annotated[str | None, typer.Option(help=f"类型：{KINDS}。")] = None,
    on: Annotated[str | None, typer.Option("--on", help="发生日期。")] = None,
    description: Annotated[str, typer.Option(help="情况说明。")] = "",
    reported_on: Annotated[str | None, typer.Option(help="向决策机关报告的日期（第九条）。")] = None,
    raised_by: Annotated[str, typer.Option(help="提出单位（申请评估或认为有必要的机关）。")] = "",
    no_commit: NoCommitOption = False,
) -> None:
    """记录一项事实（写入 events/ 下的新文件）。"""
    from decisiontrack.cli._prompts import Ask, fill_missing
    from decisiontrack.model.event import EVENT_LABELS
    from decisiontrack.ops.entries import add_event

    root = workspace_root()
    values = fill_missing(
        {"kind": kind, "occurred_on": parse_date(on, "--on")},
        [Ask("kind", "--kind", "类型", "choice", EVENT_LABELS), Ask("occurred_on", "--on", "发生日期", "date")],
    )
    fields = {**values, "description": description, "raised_by": raised_by,
              "reported_on": parse_date(reported_on, "--reported-on")}
    _, change = add_event(root, decision_id, {k: v for k, v in fields.items() if v is not None}, commit=not no_commit)
    finish(root, change)


@command(app, "reported")
def reported(
    decision_id: DecisionArgument,
    event_id: Annotated[str, typer.Argument(metavar="EVENT", help="事实文件名（不含 .toml）。")],
    on: Annotated[str | None, typer.Option("--on", help="报告日期，默认今天。")] = None,
    no_commit: NoCommitOption = False,
) -> None:
    """记录事实已向决策机关报告（第九条）。"""
    from datetime import date

    from decisiontrack.ops.entries import mark_event_reported

    root = workspace_root()
    change = mark_event_reported(root, decision_id, event_id, parse_date(on, "--on") or date.today(), commit=not no_commit)
    finish(root, change)
