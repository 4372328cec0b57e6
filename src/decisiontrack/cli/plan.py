"""``plan create / done``: the tracking plan of 第六条."""

from typing import Annotated

import typer

from decisiontrack.cli._common import (
    DecisionArgument,
    ForceOption,
    NoCommitOption,
    command,
    decision_root,
    finish,
    parse_date,
    workspace_root,
)

NAME = "plan"
app = typer.Typer(help="跟踪反馈工作方案（第六条）：责任机构和人员、时间节点、方法步骤。", no_args_is_help=True)


@command(app, "create")
def create(
    decision_id: DecisionArgument,
    responsible_unit: Annotated[str | None, typer.Option(help="负责跟踪反馈的责任机构。")] = None,
    milestone: Annotated[list[str] | None, typer.Option(help="时间节点，写成 日期:事项，可重复。")] = None,
    person: Annotated[list[str] | None, typer.Option(help="责任人员，写成 姓名:职务:联系方式，可重复。")] = None,
    method: Annotated[list[str] | None, typer.Option(help="跟踪方法，如 问卷调查，可重复。")] = None,
    steps: Annotated[str, typer.Option(help="方法步骤。")] = "",
    progress_report_every_months: Annotated[
        int | None, typer.Option(help="每隔几个月报送一次跟踪反馈报告（第八条）。")
    ] = None,
    on: Annotated[str | None, typer.Option("--on", help="方案制定日期（created_on），默认今天。")] = None,
    force: ForceOption = False,
    no_commit: NoCommitOption = False,
) -> None:
    """制定跟踪反馈工作方案（写入 plan.toml）：第六条要求明确责任机构和责任人员、时间节点、方法步骤。"""
    from datetime import date

    from decisiontrack.cli._prompts import Ask, fill_missing
    from decisiontrack.ops.decisions import create_plan, milestone_problem, person_problem, plan_gaps

    root = decision_root(decision_id)
    created_on = parse_date(on, "--on") or date.today()
    values = fill_missing(
        {"responsible_unit": responsible_unit, "person": person or [], "milestone": milestone or [],
         "method": method or []},
        [Ask("responsible_unit", "--responsible-unit", "责任机构"),
         Ask("person", "--person", "责任人员（姓名:职务:联系方式）", "list", required=False, check=person_problem),
         Ask("milestone", "--milestone", "时间节点（日期:事项，如 2024-06-30:完成年度调查）", "list", required=False,
             check=milestone_problem),
         Ask("method", "--method", "跟踪方法（如 问卷调查）", "list", required=False)],
    )
    fields = {"responsible_unit": values["responsible_unit"], "created_on": created_on, "steps": steps,
              "methods": values["method"], "progress_report_every_months": progress_report_every_months}
    fields = {k: v for k, v in fields.items() if v is not None}
    plan, change = create_plan(root, decision_id, fields, values["milestone"], values["person"],
                               force=force, commit=not no_commit)
    finish(root, change)
    for article, lacking in plan_gaps(root, plan):
        typer.echo(f"提示：方案尚未明确{lacking}（{article}），补齐前 check 会继续提示。", err=True)


@command(app, "done")
def done(
    decision_id: DecisionArgument,
    milestone_id: Annotated[str, typer.Argument(metavar="MILESTONE", help="时间节点编号，如 m1。")],
    on: Annotated[str | None, typer.Option("--on", help="完成日期，默认今天。")] = None,
    no_commit: NoCommitOption = False,
) -> None:
    """记录一个时间节点已完成。"""
    from datetime import date

    from decisiontrack.ops.decisions import close_milestone

    root = workspace_root()
    change = close_milestone(root, decision_id, milestone_id, parse_date(on, "--on") or date.today(), commit=not no_commit)
    finish(root, change)
