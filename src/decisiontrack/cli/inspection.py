"""``inspection add / done``: 督查 and 整改 (第十条)."""

from typing import Annotated

import typer

from decisiontrack.cli._common import (
    DecisionArgument,
    ForceOption,
    NoCommitOption,
    command,
    finish,
    parse_date,
    workspace_root,
)

NAME = "inspection"
app = typer.Typer(help="督查和整改事项（第十条）。", no_args_is_help=True)


@command(app, "add")
def add(
    decision_id: DecisionArgument,
    conducted_on: Annotated[str | None, typer.Option(help="督查日期。")] = None,
    method: Annotated[str | None, typer.Option(help="方式：written 书面督查 | briefing 听取汇报 | onsite 实地督查。")] = None,
    by: Annotated[str, typer.Option(help="督查机构，如 市人民政府督查室。")] = "",
    findings: Annotated[str, typer.Option(help="督查结论。")] = "",
    rectification: Annotated[list[str] | None, typer.Option(help="整改事项，写成 期限:事项，可重复。")] = None,
    no_commit: NoCommitOption = False,
) -> None:
    """记录一次督查及其整改事项（写入 inspections/ 下的新文件）。"""
    from decisiontrack.cli._prompts import Ask, fill_missing
    from decisiontrack.model.inspection import METHOD_LABELS
    from decisiontrack.ops.entries import add_inspection

    root = workspace_root()
    values = fill_missing(
        {"conducted_on": parse_date(conducted_on, "--conducted-on"), "method": method},
        [Ask("conducted_on", "--conducted-on", "督查日期", "date"),
         Ask("method", "--method", "督查方式", "choice", METHOD_LABELS)],
    )
    _, change = add_inspection(root, decision_id, {**values, "by": by, "findings": findings},
                               rectification or [], commit=not no_commit)
    finish(root, change)


@command(app, "done")
def done(
    decision_id: DecisionArgument,
    inspection_id: Annotated[str, typer.Argument(metavar="INSPECTION", help="督查文件名（不含 .toml）。")],
    item_id: Annotated[str, typer.Argument(metavar="ITEM", help="整改事项编号，如 r1。")],
    on: Annotated[str | None, typer.Option("--on", help="完成日期，默认今天。")] = None,
    reviewed_on: Annotated[str | None, typer.Option(help="报市人民政府审核的日期。")] = None,
    no_commit: NoCommitOption = False,
) -> None:
    """记录一项整改事项已完成（第十条第二款）。"""
    from datetime import date

    from decisiontrack.ops.entries import close_rectification

    root = workspace_root()
    change = close_rectification(root, decision_id, inspection_id, item_id,
                                 parse_date(on, "--on") or date.today(),
                                 parse_date(reviewed_on, "--reviewed-on"), commit=not no_commit)
    finish(root, change)


@command(app, "scaffold")
def scaffold(
    decision_id: DecisionArgument,
    inspection_id: Annotated[str, typer.Argument(metavar="INSPECTION", help="督查文件名（不含 .toml）。")],
    force: ForceOption = False,
    no_commit: NoCommitOption = False,
) -> None:
    """生成书面督查报告框架（第十条），写入 inspections/<督查>.md；标注“本地惯例”的部分不是条文要求。"""
    from decisiontrack.ops.entries import scaffold_inspection_report

    root = workspace_root()
    change = scaffold_inspection_report(root, decision_id, inspection_id, force=force, commit=not no_commit)
    finish(root, change)
