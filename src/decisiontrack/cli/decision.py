"""``decision add / list / show``: register and view decisions."""

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
    open_workspace,
    parse_date,
    workspace_root,
)

NAME = "decision"
app = group("登记和查看重大行政决策。")

CATEGORIES = "plan 重大规划 | policy 重大政策 | reform 重大改革 | project 重大项目 | normative 规范性文件 | other 其他"
CLASSIFICATIONS = "public 公开 | internal 内部 | secret 涉密"
STATUSES = "in-force 执行中 | suspended 中止执行 | terminated 终止执行 | amended 已修改 | expired 已到期"


@command(app, "add")
def add(
    title: Annotated[str | None, typer.Option(help="决策名称。")] = None,
    category: Annotated[str | None, typer.Option(help=f"类别：{CATEGORIES}。")] = None,
    adopted_on: Annotated[str | None, typer.Option(help="作出决策的日期，如 2024-01-08。")] = None,
    effective_from: Annotated[str | None, typer.Option(help="开始施行的日期。")] = None,
    effective_until: Annotated[str | None, typer.Option(help="执行期限截止日期（含当日），没有则不填。")] = None,
    undertaking_unit: Annotated[str | None, typer.Option(help="承办单位。")] = None,
    id: Annotated[str | None, typer.Option("--id", help="决策编号，默认为“通过年份-序号”，如 2024-001。")] = None,
    doc_number: Annotated[str | None, typer.Option(help="文号，如 鄂府发〔2024〕1号。")] = None,
    broad_impact: Annotated[bool, typer.Option(help="对公民权利义务发生普遍影响。")] = False,
    public_concern: Annotated[bool, typer.Option(help="群众普遍关注。")] = False,
    continue_intended: Annotated[bool, typer.Option(help="（规范性文件）有效期满后拟继续实施。")] = False,
    classification: Annotated[str, typer.Option(help=f"密级：{CLASSIFICATIONS}。")] = "public",
    summary: Annotated[str, typer.Option(help="内容摘要。")] = "",
    pre_decision_assessor: Annotated[
        str, typer.Option(help="决策作出前承担主要论证评估工作的单位（国务院令第713号第三十六条第二款：不得受委托开展后评估）。")
    ] = "",
    force: ForceOption = False,
    no_commit: NoCommitOption = False,
) -> None:
    """登记一项重大行政决策（写入 decisions/<编号>/decision.toml）。"""
    from decisiontrack.cli._prompts import Ask, fill_missing
    from decisiontrack.model.decision import CATEGORY_LABELS, CLASSIFICATION_LABELS
    from decisiontrack.ops.decisions import add_decision
    from decisiontrack.vocabulary import choose, choose_optional

    given = {
        "title": title,
        "category": choose_optional(category, CATEGORY_LABELS, "--category"),
        "adopted_on": parse_date(adopted_on, "--adopted-on"),
        "effective_from": parse_date(effective_from, "--effective-from"),
        "undertaking_unit": undertaking_unit,
    }
    classification = choose(classification, CLASSIFICATION_LABELS, "--classification")
    until = parse_date(effective_until, "--effective-until")
    root = workspace_root()
    values = fill_missing(
        given,
        [
            *([] if classification in ("secret", "涉密") else [Ask("title", "--title", "决策名称")]),  # ops/secrecy.py
            Ask("category", "--category", "类别", "choice", CATEGORY_LABELS),
            Ask("adopted_on", "--adopted-on", "作出决策的日期", "date"),
            Ask("effective_from", "--effective-from", "开始施行的日期", "date"),
            Ask("undertaking_unit", "--undertaking-unit", "承办单位"),
        ],
    )
    fields = {
        **values,
        "id": id,
        "doc_number": doc_number,
        "effective_until": until,
        "broad_impact": broad_impact,
        "public_concern": public_concern,
        "continue_intended": continue_intended,
        "classification": classification,
        "summary": summary,
        "pre_decision_assessor": pre_decision_assessor,
    }
    decision, change = add_decision(root, {k: v for k, v in fields.items() if v is not None}, force=force, commit=not no_commit)
    finish(root, change)
    typer.echo(f"已登记决策 {decision.id}：{decision.title}")


CLEARABLE = ("doc_number", "effective_until", "pre_decision_assessor", "summary")
"""Optional fields ``decision set`` clears when given an empty value (``--effective-until ""``: 长期)."""

DATE_OPTIONS = ("adopted_on", "effective_from", "effective_until")


def _given_fields(options: dict) -> dict:
    """The options given on the command line as model fields: dates parsed, choices as codes."""
    from decisiontrack.model.decision import CATEGORY_LABELS, CLASSIFICATION_LABELS
    from decisiontrack.vocabulary import choose

    fields: dict = {}
    for key, value in options.items():
        if value is None:
            continue
        option = "--" + key.replace("_", "-")
        if value == "" and key in CLEARABLE:
            fields[key] = None
        elif key in DATE_OPTIONS:
            fields[key] = parse_date(value, option)
        elif key == "category":
            fields[key] = choose(value, CATEGORY_LABELS, option)
        elif key == "classification":
            fields[key] = choose(value, CLASSIFICATION_LABELS, option)
        else:
            fields[key] = value
    return fields


@command(app, "set")
def set_fields(
    decision_id: DecisionArgument,
    title: Annotated[str | None, typer.Option(help="决策名称。")] = None,
    doc_number: Annotated[str | None, typer.Option(help="文号；写 \"\" 清除。")] = None,
    category: Annotated[str | None, typer.Option(help=f"类别：{CATEGORIES}。")] = None,
    adopted_on: Annotated[str | None, typer.Option(help="作出决策的日期。")] = None,
    effective_from: Annotated[str | None, typer.Option(help="开始施行的日期。")] = None,
    effective_until: Annotated[str | None, typer.Option(help="有效期至（含当日）；写 \"\" 表示长期有效。")] = None,
    undertaking_unit: Annotated[str | None, typer.Option(help="承办单位。")] = None,
    broad_impact: Annotated[bool | None, typer.Option("--broad-impact/--no-broad-impact",
                                                      help="对公民权利义务发生普遍影响（或不发生）。")] = None,
    public_concern: Annotated[bool | None, typer.Option("--public-concern/--no-public-concern",
                                                        help="群众普遍关注（或不再关注）。")] = None,
    continue_intended: Annotated[bool | None, typer.Option("--continue-intended/--no-continue-intended",
                                                           help="（规范性文件）有效期满后拟继续实施（或不拟）。")] = None,
    classification: Annotated[str | None, typer.Option(help=f"密级：{CLASSIFICATIONS}。")] = None,
    pre_decision_assessor: Annotated[str | None, typer.Option(
        help="决策前主要评估单位（国务院令第713号第三十六条第二款）；写 \"\" 清除。")] = None,
    summary: Annotated[str | None, typer.Option(help="内容摘要；写 \"\" 清除。")] = None,
    no_commit: NoCommitOption = False,
) -> None:
    """修改决策的字段：只改给出的选项，注释和其他内容保留，一次提交只含 decision.toml。"""
    from decisiontrack.ops.decisions import set_decision

    options = {
        "title": title, "doc_number": doc_number, "category": category, "adopted_on": adopted_on,
        "effective_from": effective_from, "effective_until": effective_until, "undertaking_unit": undertaking_unit,
        "broad_impact": broad_impact, "public_concern": public_concern, "continue_intended": continue_intended,
        "classification": classification, "pre_decision_assessor": pre_decision_assessor, "summary": summary,
    }
    root = decision_root(decision_id)
    _, change = set_decision(root, decision_id, _given_fields(options), commit=not no_commit)
    finish(root, change)
    if change.files:
        typer.echo(f"已修改决策 {decision_id}：{change.summary}")
    else:
        typer.echo(f"未修改决策 {decision_id}：所给的值与原记录相同。")


@command(app, "status")
def status(
    decision_id: DecisionArgument,
    new_status: Annotated[str, typer.Argument(
        metavar="STATUS",
        help="新状态：in-force 执行中 | suspended 中止执行 | terminated 终止执行 | amended 已修改 | expired 已到期，"
             "或办法的用语（继续执行、中止执行、停止执行、终止执行、修改、调整、废止、终结……）。")],
    on: Annotated[str | None, typer.Option("--on", help="新状态开始的日期，默认今天。")] = None,
    by_evaluation: Annotated[str, typer.Option("--by-evaluation", help="据以作出决定的评估编号（第二十条）。")] = "",
    basis: Annotated[str, typer.Option("--basis", help="作出决定的文件文号，如 鄂府发〔2024〕20号。")] = "",
    evidence: EvidenceOption = None,
    no_commit: NoCommitOption = False,
) -> None:
    """变更决策状态（停止执行、修改等，第二十条）：写入 status、status_since 并追加状态变更记录。"""
    from datetime import date

    from decisiontrack.model.decision import STATUS_LABELS
    from decisiontrack.ops.status import change_status

    root = decision_root(decision_id)
    decision, change = change_status(root, decision_id, new_status, parse_date(on, "--on") or date.today(),
                                     evaluation=by_evaluation, basis=basis, evidence=evidence or [],
                                     commit=not no_commit)
    finish(root, change)
    typer.echo(f"决策 {decision_id} 自 {decision.status_since} 起{STATUS_LABELS[decision.status]}。")


@command(app, "rename")
def rename(
    old_id: Annotated[str, typer.Argument(metavar="OLD", help="原决策编号。")],
    new_id: Annotated[str, typer.Argument(metavar="NEW", help="新决策编号。")],
    no_commit: NoCommitOption = False,
) -> None:
    """更改决策编号：整个目录移到新编号下（git log --follow 和 history 仍可追溯），报告中的引用随之更新。"""
    from decisiontrack.ops.rename import rename_decision

    root = decision_root(old_id)
    change = rename_decision(root, old_id, new_id, commit=not no_commit)
    finish(root, change)
    typer.echo(f"决策 {old_id} 已改为 {new_id}。")


@command(app, "list")
def list_decisions(
    unit: Annotated[str | None, typer.Option("--unit", help="只列承办单位含此文字的决策。")] = None,
    category: Annotated[str | None, typer.Option("--category", help=f"只列此类别：{CATEGORIES}。")] = None,
    status: Annotated[str | None, typer.Option("--status", help=f"只列此状态：{STATUSES}。")] = None,
    search: Annotated[str | None, typer.Option("--search", help="只列名称、文号或编号含此文字的决策。")] = None,
) -> None:
    """列出决策（可按承办单位、类别、状态筛选，或在名称和文号中查找）。"""
    from decisiontrack.cli import _console
    from decisiontrack.filters import DecisionFilter
    from decisiontrack.model.decision import CATEGORY_LABELS, STATUS_LABELS
    from decisiontrack.vocabulary import choose_optional

    wanted = DecisionFilter(unit, choose_optional(category, CATEGORY_LABELS, "--category"),
                            choose_optional(status, STATUS_LABELS, "--status"), search)
    workspace = open_workspace(only_decisions=True)  # decision.toml only: nothing else is shown
    rows = []
    shown = 0
    for folder in workspace.decisions.values():
        d = folder.decision
        if d is None:
            rows.append([folder.id, "", "", "", "", "（文件有误）"])
            continue
        if not wanted.matches(d):
            continue
        shown += 1
        period = f"{d.effective_from} 至 {d.effective_until or '长期'}"
        rows.append([d.id, CATEGORY_LABELS[d.category], period, d.undertaking_unit, STATUS_LABELS[d.status], d.title])
    _console.show_table(("编号", "类别", "施行期间", "承办单位", "状态", "名称"), rows)
    if wanted.active:
        typer.echo(f"符合条件的决策 {shown} 项（共 {len(workspace.decisions)} 项）。")
    _report_errors(workspace.errors)


def _report_errors(errors) -> None:
    """After showing what loaded, name each broken file and exit 3 (SPEC §4)."""
    if not errors:
        return
    from decisiontrack.cli import _console
    from decisiontrack.errors import ExitCode

    for problem in errors:
        _console.err().print(str(problem))
    _console.err().print("以上文件有误，未能显示；请修改后重试（可运行 decisiontrack validate）。")
    raise typer.Exit(int(ExitCode.DATA))


@command(app, "show")
def show(
    decision_id: DecisionArgument,
    as_of: Annotated[str | None, typer.Option("--as-of", help="按哪一天列出待办，默认今天。")] = None,
) -> None:
    """显示一项决策的时间线：方案、时间节点、意见统计、事实、督查、评估和待办。"""
    from datetime import date

    from decisiontrack.checking import run_check
    from decisiontrack.cli import _console
    from decisiontrack.cli._timeline import render_timeline
    from decisiontrack.ops.folders import open_decision

    root = workspace_root()
    open_decision(root, decision_id)
    result = run_check(root, parse_date(as_of, "--as-of") or date.today(), decision_id, keep_records=True)
    folder = result.workspace.decisions[decision_id]
    _console.out().print(render_timeline(root, folder, result.findings, result.profile))
    _report_errors(result.errors)
