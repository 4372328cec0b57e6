"""``import decisions`` / ``feedback import`` / ``evaluation import``: bring existing files in."""

from pathlib import Path
from typing import Annotated

import typer

from decisiontrack.cli._common import (
    DecisionArgument,
    NoCommitOption,
    command,
    decision_root,
    finish,
    group,
    workspace_root,
)

NAME = "import"
app = group("从已有的文件导入：决策事项台账（Excel 或 CSV）。")

SHOWN_FILES = 20
"""Up to this many written files are listed one by one; more are counted."""


@command(app, "decisions")
def decisions(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="决策事项台账：.xlsx 或 .csv 文件。")],
    sheet: Annotated[str | None, typer.Option("--sheet", help="工作表名称；默认为第一个有表头行的工作表。")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="只列出将要写入的内容，不写入。")] = False,
    mapping: Annotated[
        list[str] | None,
        typer.Option("--map", metavar="列名=字段",
                     help="列名=字段，指明未能识别的列，如 --map 批准日期=通过日期；字段写“忽略”则不导入该列。可重复。"),
    ] = None,
    update: Annotated[bool, typer.Option("--update", help="已存在的决策按文件更新不同的字段（同 decision set）。")] = False,
    no_commit: NoCommitOption = False,
) -> None:
    """导入决策事项台账：每行一项决策；有一处错误则整个文件不导入；已导入的行不会重复导入。"""
    from decisiontrack.ops.imports import import_decisions, plan_decisions

    root = workspace_root()
    if dry_run:
        plan = plan_decisions(root, file, sheet=sheet, mapping=mapping or [], update=update)
        _show_plan(plan)
        typer.echo(f"（试运行，未写入）{_counts(plan, update)}")
        return
    plan, change = import_decisions(root, file, sheet=sheet, mapping=mapping or [], update=update,
                                    commit=not no_commit)
    _finish_many(root, change)
    typer.echo(f"已从 {plan.file} 导入：{_counts(plan, update)}")
    _notes(plan)


def _counts(plan, update: bool) -> str:
    from decisiontrack.ops.imports import ADDED, DIFFERS, SAME, UPDATED

    text = f"新增 {plan.count(ADDED)} 项"
    if update:
        text += f"，更新 {plan.count(UPDATED)} 项"
    text += f"，已存在且无变化 {plan.count(SAME)} 项"
    if plan.count(DIFFERS):
        text += f"，已存在但内容不同 {plan.count(DIFFERS)} 项（加 --update 按文件更新）"
    return text + "。"


def _show_plan(plan) -> None:
    from decisiontrack.cli import _console
    from decisiontrack.model.decision import CATEGORY_LABELS, CLASSIFICATION_LABELS, FIELD_LABELS
    from decisiontrack.ops.imports import ACTION_LABELS

    where = f"工作表“{plan.sheet}”，" if plan.sheet else ""
    grid = _console.table("行", "编号", "决策名称", "类别", "通过日期", "施行日期", "截止日期", "承办单位", "密级", "导入",
                          title=f"{plan.file}（{where}表头在第 {plan.header_row} 行）", wide="决策名称")
    for planned in plan.rows:
        d = planned.decision
        action = ACTION_LABELS[planned.action]
        if planned.changes:
            action += "：" + "、".join(FIELD_LABELS.get(key, key) for key in planned.changes)
        grid.add_row(str(planned.row), d.id, d.title, CATEGORY_LABELS[d.category], str(d.adopted_on),
                     str(d.effective_from), str(d.effective_until or "长期"), d.undertaking_unit,
                     CLASSIFICATION_LABELS[d.classification], action)
    _console.out().print(grid)
    _notes(plan)


def _notes(plan) -> None:
    import sys

    from decisiontrack.model.decision import STATUS_LABELS

    for planned in getattr(plan, "rows", []):
        for key, (old, new) in getattr(planned, "held", {}).items():
            if key == "status":
                sys.stderr.write(f"提示：第 {planned.row} 行（{planned.decision.id}）的状态“{STATUS_LABELS[new]}”与记录"
                                 f"“{STATUS_LABELS[old]}”不同，未更新；状态请用 decision status 变更（需写明日期和依据）\n")
    for note in getattr(plan, "notes", []):
        sys.stderr.write(f"提示：{note}\n")
    from decisiontrack.export.ledger import DECISION_HEADERS

    # the columns export ledger computes (counts, stages, findings) are not data to import
    unrecognised = [name for name in plan.unrecognised if name not in DECISION_HEADERS]
    if unrecognised:
        sys.stderr.write(f"提示：未导入的列：{'、'.join(unrecognised)}（需要时用 --map 列名=字段 指明）\n")
    if getattr(plan, "skipped_notes", None):
        rows = "、".join(str(n) for n in plan.skipped_notes)
        sys.stderr.write(f"提示：跳过了整行合并的说明行（第 {rows} 行）\n")


def _finish_many(root, change) -> None:
    """Like ``finish``, but a bulk import lists its files only when there are few."""
    import sys

    if len(change.files) <= SHOWN_FILES:
        finish(root, change)
        return
    typer.echo(f"已写入 {len(change.files)} 个文件")
    for warning in change.warnings:
        sys.stderr.write(f"警告：{warning}\n")


def opinions(
    decision_id: DecisionArgument,
    file: Annotated[Path, typer.Argument(metavar="FILE", help="意见导出文件：.xlsx 或 .csv 文件。")],
    channel: Annotated[
        str | None, typer.Option("--channel", help="文件没有渠道列（或渠道为空）时的渠道，如 12345热线、网站、来信。")
    ] = None,
    stance: Annotated[str, typer.Option("--stance", help="文件没有态度列时的态度：支持、反对、建议、中立。")] = "建议",
    sheet: Annotated[str | None, typer.Option("--sheet", help="工作表名称；默认为第一个有表头行的工作表。")] = None,
    mapping: Annotated[
        list[str] | None,
        typer.Option("--map", metavar="列名=字段", help="列名=字段，指明未能识别的列，如 --map 工单描述=内容。可重复。"),
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="只列出将要写入的意见，不写入。")] = False,
    no_commit: NoCommitOption = False,
) -> None:
    """导入 12345 热线、网站或来信来访的意见导出文件（第七条）：每行一条意见，已导入的行不再重复导入。"""
    from decisiontrack.ops.imports import ADDED, SAME, import_opinions, plan_opinions

    root = decision_root(decision_id)
    options = {"channel": channel, "stance": stance, "sheet": sheet, "mapping": mapping or []}
    if dry_run:
        plan = plan_opinions(root, decision_id, file, **options)
        _show_opinions(plan)
        typer.echo(f"（试运行，未写入）新增 {plan.count(ADDED)} 条，已导入过 {plan.count(SAME)} 条。")
        return
    plan, change = import_opinions(root, decision_id, file, **options, commit=not no_commit)
    _finish_many(root, change)
    typer.echo(f"已从 {plan.file} 为决策 {decision_id} 导入意见：新增 {plan.count(ADDED)} 条，"
               f"已导入过 {plan.count(SAME)} 条。")
    _notes(plan)


def _show_opinions(plan) -> None:
    from decisiontrack.cli import _console
    from decisiontrack.model.feedback import CHANNEL_LABELS, STANCE_LABELS
    from decisiontrack.ops.imports import ACTION_LABELS

    grid = _console.table("行", "收到时间", "渠道", "态度", "摘要", "来源", "导入",
                          title=f"{plan.file} → 决策 {plan.decision_id}（表头在第 {plan.header_row} 行）", wide="摘要")
    for planned in plan.rows:
        o = planned.opinion
        grid.add_row(str(planned.row), str(o.received_at or o.received_on), CHANNEL_LABELS[o.channel],
                     STANCE_LABELS[o.stance], o.summary, o.source, ACTION_LABELS[planned.action])
    _console.out().print(grid)
    _notes(plan)


def report(
    decision_id: DecisionArgument,
    evaluation_id: Annotated[str, typer.Argument(metavar="EVAL", help="评估编号，如 2024-mid-term。")],
    file: Annotated[Path, typer.Argument(metavar="FILE", help="第三方交来的评估报告：.docx 文件。")],
    force: Annotated[bool, typer.Option("--force", help="替换已有的 report.md（已写的内容会丢失）。")] = False,
    no_commit: NoCommitOption = False,
) -> None:
    """导入 Word 格式的评估报告：转为 report.md（按办法的模板对应标题），原件另存为 report.original.docx。"""
    from decisiontrack.ops.evaluations import lint_document
    from decisiontrack.ops.imports import import_report

    root = decision_root(decision_id)
    imported, change = import_report(root, decision_id, evaluation_id, file, force=force, commit=not no_commit)
    finish(root, change)
    typer.echo(f"已导入评估报告：{imported.matched}/{imported.sections} 个部分与办法规定的内容对应。")
    for old, new in imported.renamed:
        typer.echo(f"  标题“{old}”对应“{new}”（原标题保留在注释中）")
    if imported.images:
        typer.echo(f"缺少附件：原件中的图片 {len(imported.images)} 张未导入（{'、'.join(imported.images)}），见原件。")
    result = lint_document(root, decision_id, evaluation_id)
    if result.problems:
        typer.echo(f"报告尚不完整（{len(result.problems)} 处），报送前请补全：")
        for problem in result.problems:
            typer.echo(f"  {problem}")
    else:
        typer.echo("报告完整，可以报送（evaluation advance … submitted）。")


def register(root: typer.Typer) -> None:
    """``import`` on the root app; ``import`` commands on the feedback and evaluation groups."""
    from decisiontrack.cli import evaluation, feedback

    root.add_typer(app, name=NAME)
    command(feedback.app, "import")(opinions)
    command(evaluation.app, "import")(report)

