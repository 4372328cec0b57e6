"""Evaluations (第十三—二十条): start the plan, scaffold and lint the report, record the stages.

Every stage is a date in ``evaluation.toml`` that the rules read: ``research_completed_on``
starts the one-month clock of 第十九条, ``accepted_on`` answers 第十四条第（三）项, and so on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from decisiontrack.errors import DataError, DecisionTrackError, ExitCode, Problem, UserError
from decisiontrack.model.evaluation import KIND_LABELS, STAGES, Evaluation
from decisiontrack.model.folder import DecisionFolder, EvaluationFolder
from decisiontrack.ops.change import Change, build, writes
from decisiontrack.ops.evidence import keep_evidence
from decisiontrack.ops.fields import apply_fields
from decisiontrack.ops.folders import decision_dir, safe_id
from decisiontrack.profiles.model import Profile
from decisiontrack.store.records import create_record, edit_record
from decisiontrack.vocabulary import lookup

ADVANCE_STAGES = tuple(stage for stage in STAGES if stage != "decided")
"""Stages recorded by ``evaluation advance``; ``decided`` belongs to ``evaluation decide``."""


class IncompleteReport(DecisionTrackError):
    """A report that does not lint may not be submitted (exit 3, as ``evaluation lint``)."""

    exit_code = ExitCode.DATA


@dataclass
class Opened:
    """A decision loaded with the profile it is checked under."""

    root: Path
    folder: DecisionFolder
    problems: list[Problem]
    profile: Profile
    profile_dir: Path


def open_with_profile(root: Path, decision_id: str) -> Opened:
    """Load one decision and the workspace's profile; a broken decision.toml stops here."""
    from decisiontrack.profiles.loader import profile_path, read_profile
    from decisiontrack.store.loader import load_decision, load_settings

    decision_dir(root, decision_id)
    settings, _ = load_settings(root)
    problems: list[Problem] = []
    folder = load_decision(root, decision_id, problems)
    if folder.decision is None:
        raise DataError([p for p in problems if p.severity == "error"])
    name = settings.workspace.profile
    profile = read_profile(name, root, settings.parameters)
    return Opened(root, folder, problems, profile, profile_path(name, root).parent)


def open_evaluation(opened: Opened, evaluation_id: str) -> EvaluationFolder:
    """The evaluation folder with this id; unknown is exit 2, a broken evaluation.toml exit 3."""
    safe_id(evaluation_id, "评估编号")
    found = opened.folder.evaluation(evaluation_id)
    if found is None or not (opened.root / found.path / "evaluation.toml").is_file():
        known = "、".join(e.id for e in opened.folder.evaluations) or "无"
        raise UserError(
            f"决策 {opened.folder.id} 没有评估 {evaluation_id}（已有：{known}）；"
            f"可运行 decisiontrack evaluation start {opened.folder.id} 启动评估"
        )
    if found.evaluation is None:
        raise DataError(
            [p for p in opened.problems if p.path.startswith(found.path) and p.severity == "error"]
        )
    return found


def parse_addresses(profile: Profile, given: list[str]) -> list[str]:
    """Full rule ids (``12.3`` → ``ordos-2024/12.3``); a rule the profile lacks is refused."""
    result = []
    for text in given:
        for part in text.replace("，", ",").split(","):
            rule_id = part.strip()
            if not rule_id:
                continue
            if "/" not in rule_id:
                rule_id = f"{profile.name}/{rule_id}"
            if profile.rule(rule_id) is None:
                asking = "、".join(profile.rule_id(r) for r in profile.rules if r.asks_evaluation)
                raise UserError(
                    f"--addresses：办法 {profile.name} 没有规则“{part.strip()}”"
                    f"（要求或允许评估的规则有：{asking}）"
                )
            if rule_id not in result:
                result.append(rule_id)
    return result


def triggered_rules(root: Path, decision_id: str, day: date) -> dict[str, str]:
    """The rules asking for an evaluation of this decision on ``day``, as a prompt offers them.

    ``{"ordos-2024/12.3": "12.3 第十二条第（三）项（应当）：…"}``; an evaluation may answer any of
    them, or none (a voluntary evaluation).
    """
    from decisiontrack.checking import run_check
    from decisiontrack.profiles.model import LEVEL_LABELS

    result = run_check(root, day, decision_id)
    offered: dict[str, str] = {}
    for finding in result.findings:
        rule = result.profile.rule(finding.rule)
        if rule is not None and rule.asks_evaluation and finding.rule not in offered:
            offered[finding.rule] = (f"{rule.id} {finding.article}（{LEVEL_LABELS[finding.level]}）："
                                     f"{finding.message}")
    return offered


@writes
def start_evaluation(
    root: Path, decision_id: str, fields: dict, *, force: bool = False
) -> tuple[Evaluation, Change]:
    """Write ``evaluations/<id>/evaluation.toml`` (评估方案, 第十四条第（一）项)."""
    opened = open_with_profile(root, decision_id)
    profile = opened.profile
    fields = {**fields, "addresses": parse_addresses(profile, fields.get("addresses", []))}
    known = profile.vocabularies.methods
    unknown = [m for m in fields.get("methods", []) if known and m not in known]
    if unknown:
        raise UserError(
            f"--method：“{'、'.join(unknown)}”不是办法 {profile.name} 规定的评估方法"
            f"（可用：{'、'.join(profile.vocabularies.methods)}）"
        )
    if fields.get("scope") == "partial" and not str(fields.get("scope_note", "")).strip():
        raise UserError("--scope partial 需要 --scope-note 写明评估的主要内容（第十三条）")
    if fields.get("id") is None:
        started = fields.get("started_on")
        if not isinstance(started, date) or not fields.get("kind"):
            raise UserError("缺少 --started-on 或 --kind，无法生成默认评估编号")
        fields["id"] = f"{started.year}-{fields['kind']}"
    safe_id(fields["id"], "--id")
    evaluation = build(
        Evaluation,
        fields,
        {"started_on": "--started-on", "methods": "--method", "members": "--member"},
    )
    path = opened.root / opened.folder.path / "evaluations" / evaluation.id / "evaluation.toml"
    if path.exists() and not force:
        raise UserError(
            f"评估 {evaluation.id} 已存在（{opened.folder.path}/evaluations/{evaluation.id}/）；"
            "换一个 --id，或加 --force 覆盖"
        )
    create_record(path, evaluation, force=force)
    return evaluation, Change("evaluation start", decision_id, f"{evaluation.id}（{KIND_LABELS[evaluation.kind]}）")


@writes
def scaffold_document(
    root: Path, decision_id: str, evaluation_id: str, *, plan: bool = False, force: bool = False
) -> Change:
    """Write ``report.md`` (or ``plan.md``): every section the profile requires, prefilled."""
    from decisiontrack.reports.scaffold import evaluation_document
    from decisiontrack.store.transaction import write_record

    opened = open_with_profile(root, decision_id)
    found = open_evaluation(opened, evaluation_id)
    kind = "evaluation-plan" if plan else "evaluation-report"
    text = evaluation_document(
        opened.folder, found.evaluation, opened.profile, kind, opened.profile_dir
    )
    path = root / found.path / ("plan.md" if plan else "report.md")
    if path.exists() and not force:
        raise UserError(
            f"{found.path}/{path.name} 已存在；如确需重新生成（会覆盖已写的内容），请加 --force"
        )
    write_record(path, text, overwrite=force)
    what = "评估方案" if plan else "评估报告"
    return Change("evaluation scaffold", decision_id, f"评估 {evaluation_id} 的{what}框架")


def lint_document(root: Path, decision_id: str, evaluation_id: str, *, plan: bool = False):
    """Lint ``report.md`` (or ``plan.md``) against the profile's template."""
    from decisiontrack.reports.lint import lint_report
    from decisiontrack.reports.templates import choose

    opened = open_with_profile(root, decision_id)
    found = open_evaluation(opened, evaluation_id)
    return _lint(opened, found, plan=plan, lint_report=lint_report, choose=choose)


def _lint(opened: Opened, found: EvaluationFolder, *, plan: bool, lint_report, choose):
    decision = opened.folder.decision
    kind = "evaluation-plan" if plan else "evaluation-report"
    shown = f"{found.path}/{'plan.md' if plan else 'report.md'}"
    path = opened.root / shown
    if not path.is_file():
        flag = " --plan" if plan else ""
        raise UserError(
            f"{shown} 不存在；请先运行 decisiontrack evaluation scaffold "
            f"{decision.id} {found.id}{flag}"
        )
    from decisiontrack.store.tomlfile import read_text

    text, problem = read_text(path, shown)
    if problem:
        raise DataError([problem])
    template = choose(opened.profile, kind, decision.category)
    expected = {
        "decision": decision.id,
        "evaluation": found.id,
        "kind": kind,
        "classification": decision.classification,
    }
    return lint_report(
        text, shown, template, opened.profile.outcomes_for(decision.category), expected
    )


@writes
def advance(
    root: Path, decision_id: str, evaluation_id: str, stage: str, on: date, *, force: bool = False,
    evidence: list[Path] | None = None,
) -> Change:
    """Record a stage's date (and copies of its evidence); ``submitted`` needs a report that lints (unless ``force``)."""
    if stage not in ADVANCE_STAGES:
        listed = "、".join(f"{s}（{STAGES[s]}）" for s in ADVANCE_STAGES)
        hint = "；作出决定请用 evaluation decide" if stage == "decided" else ""
        raise UserError(f"未知的阶段“{stage}”，可用：{listed}{hint}")
    opened = open_with_profile(root, decision_id)
    found = open_evaluation(opened, evaluation_id)
    key = f"{stage}_on"
    current = found.evaluation.stage_date(stage)
    if current is not None and not force:
        raise UserError(
            f"评估 {evaluation_id} 已于 {current} 记录{STAGES[stage]}；如需更正，请加 --force"
        )
    if stage == "submitted" and not force:
        _require_complete_report(opened, found)
    _check_dates(found.evaluation, {key: on})
    if not force:
        _require_order(opened, found, {key: on})
    values = {key: on, **_evidence(opened, found, stage, evidence)}
    return _edit(opened, found, values, f"{STAGES[stage]}（{on}）")


def _evidence(opened: Opened, found: EvaluationFolder, stage: str, sources: list[Path] | None) -> dict:
    """``<stage>_evidence``: the copies kept in the evaluation's ``evidence/`` folder, added to those there."""
    if not sources:
        return {}
    kept = keep_evidence(sources, opened.root / found.path)
    listed = found.evaluation.stage_evidence(stage)
    return {f"{stage}_evidence": [*listed, *(path for path in kept if path not in listed)]}


def _require_order(opened: Opened, found: EvaluationFolder, values: dict) -> None:
    """Refuse a stage date that breaks the order of steps the profile's rules ask for."""
    from decisiontrack.rules.predicates.stages import order_problems

    problems = order_problems(opened.profile, found.evaluation, opened.folder.decision.category, values)
    if problems:
        raise UserError("--on：这样记录会打乱办法规定的程序顺序：" + "；".join(problems)
                        + "。请先记录前一步骤；如需如实记录已经发生的顺序，加 --force")


def _require_complete_report(opened: Opened, found: EvaluationFolder) -> None:
    from decisiontrack.reports.lint import lint_report
    from decisiontrack.reports.templates import choose

    result = _lint(opened, found, plan=False, lint_report=lint_report, choose=choose)
    if result.problems:
        lines = "\n".join(str(p) for p in result.problems)
        raise IncompleteReport(
            f"评估报告尚未完成，不能报送（第十九条）：\n{lines}\n"
            "请补全后重试；确需先行记录报送日期的，加 --force"
        )


@writes
def decide(
    root: Path, decision_id: str, evaluation_id: str, outcome: str, on: date, *, force: bool = False,
    evidence: list[Path] | None = None,
) -> Change:
    """第二十条: record the decision organ's outcome (an id or label of the vocabulary)."""
    opened = open_with_profile(root, decision_id)
    found = open_evaluation(opened, evaluation_id)
    allowed = opened.profile.outcomes_for(opened.folder.decision.category)
    chosen = lookup(outcome, allowed) if allowed else outcome
    if chosen is None:
        listed = "、".join(f"{key}（{label}）" for key, label in allowed.items())
        raise UserError(
            f"--outcome：“{outcome}”不是办法 {opened.profile.name} 对该类决策规定的结论"
            f"（可用：{listed}）"
        )
    e = found.evaluation
    if e.submitted_on is None and not force:
        raise UserError(
            f"评估 {evaluation_id} 的报告尚未报送决策机关（第十九条），不能记录决定；"
            f"请先运行 decisiontrack evaluation advance {decision_id} {evaluation_id} submitted --on 日期，"
            "或加 --force"
        )
    if e.decided_on is not None and not force:
        raise UserError(
            f"评估 {evaluation_id} 已于 {e.decided_on} "
            f"作出决定“{allowed.get(e.outcome, e.outcome)}”；"
            "如需更正，请加 --force"
        )
    _check_dates(e, {"outcome": chosen, "decided_on": on})
    values = {"decided_on": on, "outcome": chosen, **_evidence(opened, found, "decided", evidence)}
    return _edit(opened, found, values, f"决定{allowed.get(chosen, chosen)}（{on}）")


def _check_dates(evaluation: Evaluation, values: dict) -> None:
    """The stages stay in order (the model says which); the error names ``--on``."""
    try:
        build(Evaluation, {**evaluation.model_dump(), **values})
    except UserError as error:
        raise UserError(f"--on：{error}") from None


def _edit(opened: Opened, found: EvaluationFolder, values: dict, summary: str) -> Change:
    path = opened.root / found.path / "evaluation.toml"
    shown = f"{found.path}/evaluation.toml"

    def change(document) -> None:
        apply_fields(document, values, Evaluation)  # each date and its evidence where the model has them

    edit_record(path, shown, Evaluation, change)
    command = "evaluation decide" if "outcome" in values else "evaluation advance"
    return Change(command, opened.folder.id, f"评估 {found.id} {summary}")


ANNUAL_PLANS = "annual-plans"


@writes
def scaffold_annual_plan(root: Path, year: int, *, issuer: str = "", force: bool = False) -> Change:
    """Write ``annual-plans/<year>.md``: the 年度评估计划 (任丘第十三条), listing the normative
    documents whose evaluation falls due that year, to be 报市政府批准."""
    from decisiontrack.profiles.loader import load_profile, profile_path
    from decisiontrack.reports.annual import annual_rows
    from decisiontrack.reports.scaffold import annual_plan_document
    from decisiontrack.store.loader import load_workspace
    from decisiontrack.store.transaction import write_record

    if not 1000 <= year <= 9998:
        raise UserError(f"年份 {year} 无效：请写四位年份，如 2025")
    workspace = load_workspace(root)
    if workspace.errors:
        raise DataError(workspace.errors)  # a broken file could hide a document the plan must list
    profile = load_profile(workspace)
    rows = annual_rows(workspace, profile, year, workspace.settings.check.due_soon_days)
    text = annual_plan_document(profile, year, rows, workspace.settings.workspace.organization, issuer,
                                profile_path(workspace.settings.workspace.profile, root).parent)
    path = root / ANNUAL_PLANS / f"{year}.md"
    if path.exists() and not force:
        raise UserError(f"{ANNUAL_PLANS}/{year}.md 已存在；如确需重新生成（会覆盖已写的内容），请加 --force")
    write_record(path, text, overwrite=force)
    return Change("evaluation annual-plan", "", f"{year}年度评估计划（{len(rows)}项）")
