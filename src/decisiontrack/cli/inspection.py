"""``inspection add / set / done / withdraw / list``: 督查 and 整改 (第十条)."""

from typing import Annotated

import typer

from decisiontrack.cli._common import (
    DecisionArgument,
    EvidenceOption,
    ForceOption,
    NoCommitOption,
    command,
    decision_root,
    finish,
    group,
    parse_date,
)
from decisiontrack.cli._entries import finish_set, print_entries, register_withdraw

NAME = "inspection"
app = group("督查和整改事项（第十条）。")

METHODS = "written 书面督查 | briefing 听取汇报 | onsite 实地督查"
InspectionArgument = Annotated[str, typer.Argument(metavar="INSPECTION", help="督查文件名（不含 .toml），见 inspection list。")]


def _method(method: str | None) -> str | None:
    from decisiontrack.model.inspection import METHOD_LABELS
    from decisiontrack.vocabulary import choose_optional

    return choose_optional(method, METHOD_LABELS, "--method")


@command(app, "add")
def add(
    decision_id: DecisionArgument,
    conducted_on: Annotated[str | None, typer.Option(help="督查日期。")] = None,
    method: Annotated[str | None, typer.Option(help=f"方式：{METHODS}。")] = None,
    by: Annotated[str, typer.Option(help="督查机构，如 市人民政府督查室。")] = "",
    findings: Annotated[str, typer.Option(help="督查结论。")] = "",
    rectification: Annotated[list[str] | None, typer.Option(help="整改事项，写成 期限:事项，可重复。")] = None,
    evidence: EvidenceOption = None,
    no_commit: NoCommitOption = False,
) -> None:
    """记录一次督查及其整改事项（写入 inspections/ 下的新文件）。"""
    from decisiontrack.cli._prompts import Ask, fill_missing
    from decisiontrack.model.inspection import METHOD_LABELS
    from decisiontrack.ops.entries import add_inspection

    given = {"conducted_on": parse_date(conducted_on, "--conducted-on"), "method": _method(method)}
    root = decision_root(decision_id)
    values = fill_missing(
        given,
        [Ask("conducted_on", "--conducted-on", "督查日期", "date"),
         Ask("method", "--method", "督查方式", "choice", METHOD_LABELS)],
    )
    _, change = add_inspection(root, decision_id, {**values, "by": by, "findings": findings},
                               rectification or [], evidence=evidence or [], commit=not no_commit)
    finish(root, change)


@command(app, "set")
def set_fields(
    decision_id: DecisionArgument,
    inspection_id: InspectionArgument,
    conducted_on: Annotated[str | None, typer.Option(help="督查日期。")] = None,
    method: Annotated[str | None, typer.Option(help=f"方式：{METHODS}。")] = None,
    by: Annotated[str | None, typer.Option(help="督查机构。")] = None,
    findings: Annotated[str | None, typer.Option(help="督查结论。")] = None,
    no_commit: NoCommitOption = False,
) -> None:
    """更正一次督查：只改给出的选项，文件名不变，整改事项、注释和其他内容保留。"""
    from decisiontrack.ops.entries import set_entry

    fields = {"conducted_on": parse_date(conducted_on, "--conducted-on"), "method": _method(method), "by": by,
              "findings": findings}
    root = decision_root(decision_id)
    _, change = set_entry(root, decision_id, "inspections", inspection_id,
                          {key: value for key, value in fields.items() if value is not None}, commit=not no_commit)
    finish_set(root, change, "督查", inspection_id)


@command(app, "done")
def done(
    decision_id: DecisionArgument,
    inspection_id: InspectionArgument,
    item_id: Annotated[str, typer.Argument(metavar="ITEM", help="整改事项编号，如 r1。")],
    on: Annotated[str | None, typer.Option("--on", help="完成日期，默认今天。")] = None,
    reviewed_on: Annotated[str | None, typer.Option(help="报市人民政府审核的日期。")] = None,
    evidence: EvidenceOption = None,
    no_commit: NoCommitOption = False,
) -> None:
    """记录一项整改事项已完成（第十条第二款），可附验收确认等证明材料。"""
    from datetime import date

    from decisiontrack.ops.entries import close_rectification

    day = parse_date(on, "--on") or date.today()
    reviewed = parse_date(reviewed_on, "--reviewed-on")
    root = decision_root(decision_id)
    change = close_rectification(root, decision_id, inspection_id, item_id, day, reviewed,
                                 evidence=evidence or [], commit=not no_commit)
    finish(root, change)


register_withdraw(app, "inspections", "督查", "INSPECTION")


@command(app, "list")
def list_inspections(decision_id: DecisionArgument) -> None:
    """列出一项决策的督查和整改事项：日期、方式、机构、整改完成情况（已撤回的注明撤回日期）。"""
    from decisiontrack.model.inspection import METHOD_LABELS

    def row(i, entry) -> list[str]:
        items = "；".join(f"{r.id} {r.item}（期限 {r.due}，{f'{r.done_on} 完成' if r.done_on else '未完成'}）"
                         for r in i.rectifications) or "无"
        return [str(i.conducted_on), METHOD_LABELS[i.method], i.by, items, entry.stem]

    print_entries(decision_id, "inspections", "督查", ["日期", "方式", "督查机构", "整改事项", "文件"], row,
                  wide="整改事项")


@command(app, "scaffold")
def scaffold(
    decision_id: DecisionArgument,
    inspection_id: InspectionArgument,
    force: ForceOption = False,
    no_commit: NoCommitOption = False,
) -> None:
    """生成书面督查报告框架（第十条），写入 inspections/<督查>.md；标注“本地惯例”的部分不是条文要求。"""
    from decisiontrack.ops.entries import scaffold_inspection_report

    root = decision_root(decision_id)
    change = scaffold_inspection_report(root, decision_id, inspection_id, force=force, commit=not no_commit)
    finish(root, change)
