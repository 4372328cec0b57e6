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
    group,
    parse_date,
)

MilestoneArgument = Annotated[str, typer.Argument(metavar="MILESTONE", help="时间节点编号，如 m1。")]

NAME = "plan"
app = group("跟踪反馈工作方案（第六条）：责任机构和人员、时间节点、方法步骤。")


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
    milestone_id: MilestoneArgument,
    on: Annotated[str | None, typer.Option("--on", help="完成日期，默认今天。")] = None,
    no_commit: NoCommitOption = False,
) -> None:
    """记录一个时间节点已完成。"""
    from datetime import date

    from decisiontrack.ops.decisions import close_milestone

    day = parse_date(on, "--on") or date.today()
    root = decision_root(decision_id)
    change = close_milestone(root, decision_id, milestone_id, day, commit=not no_commit)
    finish(root, change)


@command(app, "move")
def move(
    decision_id: DecisionArgument,
    milestone_id: MilestoneArgument,
    due: Annotated[str | None, typer.Option("--due", help="新的期限，如 2024-09-30。")] = None,
    reason: Annotated[str | None, typer.Option("--reason", help="调整原因（留作审计记录）。")] = None,
    on: Annotated[str | None, typer.Option("--on", help="作出调整的日期，默认今天。")] = None,
    no_commit: NoCommitOption = False,
) -> None:
    """调整一个时间节点的期限：原期限、新期限、调整日期和原因记入 moves，之前的日子仍按原期限检查。"""
    from datetime import date

    from decisiontrack.cli._prompts import Ask, fill_missing
    from decisiontrack.ops.plans import move_milestone

    day = parse_date(on, "--on") or date.today()
    given = {"due": parse_date(due, "--due"), "reason": reason}
    root = decision_root(decision_id)
    values = fill_missing(given, [Ask("due", "--due", "新的期限", "date"), Ask("reason", "--reason", "调整原因")])
    change = move_milestone(root, decision_id, milestone_id, values["due"], values["reason"], day, commit=not no_commit)
    finish(root, change)
    typer.echo(f"时间节点 {change.summary}；{day} 以前仍按原期限检查。")


@command(app, "add-milestone")
def add_milestone(
    decision_id: DecisionArgument,
    milestone: Annotated[list[str] | None, typer.Option(help="时间节点，写成 日期:事项，可重复；编号自动取下一个 mN。")] = None,
    no_commit: NoCommitOption = False,
) -> None:
    """给跟踪反馈工作方案增加时间节点（编号自动为下一个 m1、m2……）。"""
    from decisiontrack.ops.plans import add_milestones

    root = decision_root(decision_id)
    change = add_milestones(root, decision_id, milestone or [], commit=not no_commit)
    finish(root, change)
    typer.echo(f"已增加时间节点：{change.summary}")


@command(app, "set")
def set_fields(
    decision_id: DecisionArgument,
    responsible_unit: Annotated[str | None, typer.Option(help="负责跟踪反馈的责任机构。")] = None,
    person: Annotated[list[str] | None, typer.Option(help="责任人员，写成 姓名:职务:联系方式，可重复；替换原名单。")] = None,
    method: Annotated[list[str] | None, typer.Option(help="跟踪方法，可重复；给出时替换原有方法。")] = None,
    steps: Annotated[str | None, typer.Option(help="方法步骤。")] = None,
    progress_report_every_months: Annotated[
        int | None, typer.Option(help="每隔几个月报送一次跟踪反馈报告（第八条）；写 0 表示不定期。")
    ] = None,
    created_on: Annotated[str | None, typer.Option(help="方案制定日期。")] = None,
    no_commit: NoCommitOption = False,
) -> None:
    """修改跟踪反馈工作方案：责任机构和人员、方法、步骤、报告周期（时间节点用 add-milestone / move / done）。"""
    from decisiontrack.ops.plans import set_plan

    fields = {"responsible_unit": responsible_unit, "methods": method, "steps": steps,
              "created_on": parse_date(created_on, "--created-on")}
    fields = {key: value for key, value in fields.items() if value is not None}
    if progress_report_every_months is not None:
        fields["progress_report_every_months"] = progress_report_every_months or None
    root = decision_root(decision_id)
    _, change = set_plan(root, decision_id, fields, person, commit=not no_commit)
    finish(root, change)
    if change.files:
        typer.echo(f"已修改决策 {decision_id} 的跟踪反馈工作方案：{change.summary}")
    else:
        typer.echo(f"未修改决策 {decision_id} 的跟踪反馈工作方案：所给的值与原记录相同。")
