"""``evaluation start / scaffold / lint / advance / decide``: 后评估 (第十三—二十条)."""

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
    workspace_root,
)

NAME = "evaluation"
app = group("后评估（第十三至二十条）：评估方案、评估报告框架与检查、各阶段日期、评估结论。")

STAGE_HELP = (
    "阶段：plan_approved（方案审核同意，任丘第十八条第二款）| "
    "research_completed（调查研究结束）| expert_review（专家论证）| accepted（审查验收）| "
    "legality_review（合法性审查）| submitted（报送决策机关）| published（向社会公开）。"
)

STAGE_ALIASES = {"审查验收": "accepted", "验收": "accepted", "报送": "submitted", "公开": "published"}
"""Shorter words officers use for a stage."""

EvaluationArg = Annotated[str, typer.Argument(metavar="EVAL", help="评估编号，如 2024-mid-term。")]
PlanOpt = Annotated[
    bool, typer.Option("--plan", help="评估方案 plan.md（第十四条第（一）项），而不是评估报告。")
]


@command(app, "start")
def start(
    decision_id: DecisionArgument,
    kind: Annotated[
        str | None, typer.Option(help="评估类型：mid-term 中期评估 | final 终期评估 | periodic 定期评估 | special 专项评估。")
    ] = None,
    addresses: Annotated[
        list[str] | None,
        typer.Option(help="本次评估回应的规则，如 ordos-2024/12.3（可只写 12.3），可重复；不写即自愿评估。"),
    ] = None,
    started_on: Annotated[str | None, typer.Option(help="启动日期。")] = None,
    evaluator: Annotated[str | None, typer.Option(help="评估机关。")] = None,
    method: Annotated[
        list[str] | None, typer.Option(help="评估方法（办法规定的方法之一），可重复。")
    ] = None,
    scope: Annotated[
        str, typer.Option(help="whole 整体评估 | partial 部分评估（第十三条）。")
    ] = "whole",
    scope_note: Annotated[str, typer.Option(help="部分评估的主要内容。")] = "",
    commissioned_to: Annotated[str, typer.Option(help="受委托的第三方机构。")] = "",
    member: Annotated[list[str] | None, typer.Option(help="评估人员，可重复。")] = None,
    purpose: Annotated[str, typer.Option(help="评估目的。")] = "",
    simplified: Annotated[
        bool, typer.Option("--simplified", help="采取简易程序（任丘第二十二条）。")
    ] = False,
    evaluation_id: Annotated[
        str | None, typer.Option("--id", help="评估编号，默认 <启动年份>-<类型>。")
    ] = None,
    force: ForceOption = False,
    no_commit: NoCommitOption = False,
) -> None:
    """启动评估：写入评估方案 evaluation.toml（第十四条第（一）项）。"""
    from decisiontrack.cli._prompts import Ask, fill_missing
    from decisiontrack.model.evaluation import KIND_LABELS, SCOPE_LABELS
    from decisiontrack.ops.evaluations import open_with_profile, parse_addresses, start_evaluation, triggered_rules
    from decisiontrack.vocabulary import choose, choose_optional

    given = {
        "kind": choose_optional(kind, KIND_LABELS, "--kind"),
        "started_on": parse_date(started_on, "--started-on"),
        "addresses": [part for text in addresses for part in text.replace(" ", ",").split(",")] if addresses else None,
        "evaluator": evaluator,
    }
    scope = choose(scope, SCOPE_LABELS, "--scope")
    root = decision_root(decision_id)
    values = fill_missing(
        given,
        [
            Ask("kind", "--kind", "评估类型", "choice", KIND_LABELS),
            Ask("started_on", "--started-on", "启动日期", "date"),
            Ask("addresses", "--addresses", "本次评估回应的规则", "several",
                lambda answers: triggered_rules(root, decision_id, answers["started_on"]), required=False,
                parse=lambda text: parse_addresses(open_with_profile(root, decision_id).profile, [text]),
                note="（写规则编号，如 12.1，多个用逗号分隔；直接回车即自愿评估，不回应任何规则）"),
            Ask("evaluator", "--evaluator", "评估机关"),
        ],
    )
    fields = {
        **values,
        "addresses": values["addresses"] or [],
        "methods": method or [],
        "scope": scope,
        "scope_note": scope_note,
        "commissioned_to": commissioned_to,
        "members": member or [],
        "purpose": purpose,
        "simplified": simplified,
        "id": evaluation_id,
    }
    evaluation, change = start_evaluation(root, decision_id, fields, force=force, commit=not no_commit)
    finish(root, change)
    if not evaluation.addresses:
        typer.echo(f"评估 {evaluation.id} 未回应任何规则（自愿评估）；如需回应，启动时用 --addresses 写明规则编号。")


@command(app, "scaffold")
def scaffold(
    decision_id: DecisionArgument,
    evaluation_id: EvaluationArg,
    plan: PlanOpt = False,
    force: Annotated[
        bool, typer.Option("--force", help="覆盖已存在的报告（已写的内容会丢失）。")
    ] = False,
    no_commit: NoCommitOption = False,
) -> None:
    """生成评估报告框架 report.md：办法要求的各部分，并预填记录中的事实。"""
    from decisiontrack.ops.evaluations import scaffold_document

    root = workspace_root()
    change = scaffold_document(root, decision_id, evaluation_id, plan=plan, force=force, commit=not no_commit)
    finish(root, change)


@command(app, "lint")
def lint(decision_id: DecisionArgument, evaluation_id: EvaluationArg, plan: PlanOpt = False) -> None:
    """检查评估报告：各部分和子项齐全、顺序正确、均已填写，评估结论只写一项；不完整时退出码为 3。"""
    import sys

    from decisiontrack.ops.evaluations import lint_document

    result = lint_document(workspace_root(), decision_id, evaluation_id, plan=plan)
    for problem in result.problems:
        typer.echo(str(problem))
    if result.problems:
        sys.stderr.write(f"报告尚未完成：{len(result.problems)} 处问题。\n")
        raise typer.Exit(3)
    outcome = f"，评估结论为“{result.outcome}”" if result.outcome else ""
    typer.echo(f"报告完整：{result.sections} 个部分、{result.subitems} 个子项均已填写{outcome}。")


@command(app, "advance")
def advance(
    decision_id: DecisionArgument,
    evaluation_id: EvaluationArg,
    stage: Annotated[str, typer.Argument(metavar="STAGE", help=STAGE_HELP)],
    on: Annotated[str | None, typer.Option("--on", help="日期，默认今天。")] = None,
    force: Annotated[
        bool, typer.Option("--force", help="覆盖已记录的日期；报送时不检查报告；如实记录顺序倒置的步骤。")
    ] = False,
    evidence: EvidenceOption = None,
    no_commit: NoCommitOption = False,
) -> None:
    """记录评估的一个阶段（报送前检查报告是否完整；日期须符合办法规定的程序顺序），可附该阶段的证明材料。"""
    from datetime import date

    from decisiontrack.model.evaluation import STAGES
    from decisiontrack.ops.evaluations import ADVANCE_STAGES
    from decisiontrack.ops.evaluations import advance as advance_stage
    from decisiontrack.vocabulary import lookup

    day = parse_date(on, "--on") or date.today()
    root = decision_root(decision_id)
    stage = lookup(stage, {s: STAGES[s] for s in ADVANCE_STAGES}, STAGE_ALIASES) or stage
    change = advance_stage(root, decision_id, evaluation_id, stage, day, force=force, evidence=evidence or [],
                           commit=not no_commit)
    finish(root, change)


@command(app, "decide")
def decide(
    decision_id: DecisionArgument,
    evaluation_id: EvaluationArg,
    outcome: Annotated[
        str | None, typer.Option(help="评估结论（办法规定的结论，如 continue 或 继续执行）。")
    ] = None,
    on: Annotated[str | None, typer.Option("--on", help="决定日期，默认今天。")] = None,
    force: Annotated[bool, typer.Option("--force", help="覆盖已记录的决定。")] = False,
    evidence: EvidenceOption = None,
    no_commit: NoCommitOption = False,
) -> None:
    """记录决策机关根据评估结果作出的决定（第二十条）。"""
    from datetime import date

    from decisiontrack.cli._prompts import Ask, fill_missing
    from decisiontrack.ops.evaluations import decide as decide_outcome
    from decisiontrack.ops.evaluations import open_with_profile

    day = parse_date(on, "--on") or date.today()
    root = decision_root(decision_id)

    def outcomes(_answers: dict) -> dict[str, str]:
        opened = open_with_profile(root, decision_id)
        return opened.profile.outcomes_for(opened.folder.decision.category)

    values = fill_missing({"outcome": outcome}, [Ask("outcome", "--outcome", "评估结论（第二十条）", "choice", outcomes)])
    change = decide_outcome(root, decision_id, evaluation_id, values["outcome"], day, force=force,
                            evidence=evidence or [], commit=not no_commit)
    finish(root, change)


@command(app, "list")
def list_evaluations(decision_id: DecisionArgument) -> None:
    """列出一项决策的评估：类型、回应的规则、启动日期、已到阶段、结论和证明材料数。"""
    from decisiontrack.cli import _console
    from decisiontrack.cli.decision import _report_errors
    from decisiontrack.model.evaluation import KIND_LABELS, STAGES
    from decisiontrack.ops.evaluations import open_with_profile

    opened = open_with_profile(decision_root(decision_id), decision_id)
    outcomes = opened.profile.outcomes_for(opened.folder.decision.category)
    grid = _console.table("编号", "类型", "回应的规则", "启动日期", "已到阶段", "结论", "证明材料",
                          title=f"{decision_id} 的评估（共 {len(opened.folder.evaluations)} 项）")
    for folder in opened.folder.evaluations:
        e = folder.evaluation
        if e is None:
            grid.add_row(folder.id, "（文件有误）", "", "", "", "", "")
            continue
        reached = [(STAGES[s], e.stage_date(s)) for s in STAGES if e.stage_date(s) is not None]
        stage = f"{reached[-1][0]}（{reached[-1][1]}）" if reached else "已启动"
        rules = "、".join(rule.split("/", 1)[-1] for rule in e.addresses) or "自愿评估"
        papers = sum(len(e.stage_evidence(s)) for s in STAGES)
        grid.add_row(e.id, KIND_LABELS[e.kind], rules, str(e.started_on), stage,
                     outcomes.get(e.outcome, e.outcome or ""), f"{papers} 份" if papers else "")
    _console.out().print(grid)
    _report_errors([p for p in opened.problems if p.severity == "error"])


@command(app, "annual-plan")
def annual_plan(
    year: Annotated[int, typer.Argument(metavar="YEAR", help="计划年度，如 2025。")],
    issuer: Annotated[str, typer.Option(help="提出计划的单位，默认为工作区的决策机关。")] = "",
    force: Annotated[bool, typer.Option("--force", help="覆盖已存在的年度计划（已写的内容会丢失）。")] = False,
    no_commit: NoCommitOption = False,
) -> None:
    """生成规范性文件跟踪反馈、后评估年度计划（任丘第十三条），写入 annual-plans/<年份>.md，报市政府批准。"""
    from decisiontrack.ops.evaluations import scaffold_annual_plan

    root = workspace_root()
    change = scaffold_annual_plan(root, year, issuer=issuer, force=force, commit=not no_commit)
    finish(root, change)
