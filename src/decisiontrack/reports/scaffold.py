"""Build a report's Markdown: every section the profile requires, guidance, prefilled facts.

Each section carries its article's guidance as ``<!-- 待填写：… -->``: the renderer drops it,
and lint reports the section as unfinished until the officer has written text of their own.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from decisiontrack.model.evaluation import KIND_LABELS, Evaluation
from decisiontrack.model.folder import DecisionFolder
from decisiontrack.profiles.model import Profile, ReportTemplate, Section
from decisiontrack.reports import templates
from decisiontrack.reports.blocks import block, builders
from decisiontrack.wording import period_words

NUMERALS = "一二三四五六七八九十"
PLACEHOLDER = "<!-- 待填写"
OUTCOME_LABEL = "评估结论："
LOCAL_NOTE = "（本部分为本地惯例，不是条文规定的内容。）"


def numeral(n: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十 (headings of 公文 count this way)."""
    if n <= 10:
        return NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    return (NUMERALS[tens - 1] if tens > 1 else "") + "十" + (NUMERALS[ones - 1] if ones else "")


def placeholder(guidance: str, article: str) -> str:
    """The guidance as a comment lint recognises as “still to be written”."""
    text = guidance or "按条文的要求填写。"
    return f"<!-- 待填写（{article}）：{text} -->"


def outcome_line(outcomes: dict[str, str]) -> str:
    """``评估结论：`` followed by the choices the officer must reduce to one (or, where the 办法
    lists none, a request to state the conclusion)."""
    if not outcomes:
        return f"{OUTCOME_LABEL}{PLACEHOLDER}：写明评估结论和建议 -->"
    return f"{OUTCOME_LABEL}{PLACEHOLDER}：从{'、'.join(outcomes.values())}中选写一项 -->"


def _sections(template: ReportTemplate, known: dict, outcomes: dict[str, str]) -> list[dict]:
    result = []
    for index, section in enumerate(template.sections, 1):
        result.append(
            {
                "number": numeral(index),
                "heading": section.heading,
                "article": section.article,
                "placeholder": placeholder(section.guidance + (LOCAL_NOTE if section.basis == "local" else ""),
                                           section.article),
                "blocks": [block(name, known) for name in section.prefills],
                "outcome_line": outcome_line(outcomes) if section.outcome else "",
                "subitems": [
                    {
                        "number": numeral(j),
                        "heading": item.heading,
                        "article": item.article,
                        "placeholder": placeholder(item.guidance, item.article),
                    }
                    for j, item in enumerate(section.subitems, 1)
                ],
            }
        )
    return result


def _context(
    folder: DecisionFolder,
    profile: Profile,
    template: ReportTemplate,
    evaluation: Evaluation | None,
    extra: dict | None = None,
) -> dict:
    decision = folder.decision
    outcomes = profile.outcomes_for(decision.category)
    issuer = (evaluation.evaluator if evaluation is not None else "") or decision.undertaking_unit
    return {
        "decision": decision,
        "evaluation": evaluation,
        "profile": profile,
        "template": template,
        "kind_label": KIND_LABELS[evaluation.kind] if evaluation is not None else "",
        "issuer": issuer,
        "outcomes": outcomes,
        "sections": _sections(template, builders(folder, evaluation, profile, extra), outcomes),
    }


def evaluation_document(
    folder: DecisionFolder,
    evaluation: Evaluation,
    profile: Profile,
    kind: str = "evaluation-report",
    profile_dir: Path | None = None,
) -> str:
    """``report.md`` (or ``plan.md`` for kind evaluation-plan) of one evaluation."""
    template = templates.choose(profile, kind, folder.decision.category)
    return templates.render(template, _context(folder, profile, template, evaluation), profile_dir)


def progress_document(
    folder: DecisionFolder,
    profile: Profile,
    period: str,
    submitted_on: date,
    profile_dir: Path | None = None,
) -> str:
    """``progress/<period>.md`` (第八条), indicators carried over from the latest report."""
    template = templates.choose(profile, "progress-report", folder.decision.category)
    context = _context(folder, profile, template, None)
    latest = folder.latest_progress()
    context.update(
        period=period,
        period_label=period_words(period),
        submitted_on=submitted_on,
        indicators=latest.record.indicators if latest is not None else [],
    )
    return templates.render(template, context, profile_dir)


def required_headings(template: ReportTemplate) -> list[tuple[str, Section]]:
    """``一、heading`` for each section, in order (as lint names them)."""
    return [(f"{numeral(i)}、{s.heading}", s) for i, s in enumerate(template.sections, 1)]


def inspection_document(
    folder: DecisionFolder, entry, profile: Profile, profile_dir: Path | None = None
) -> str:
    """The 督查报告 of one inspection (鄂尔多斯第十条: “形成书面督查报告”), from the profile's
    ``inspection-report`` template."""
    from decisiontrack.reports import prefill

    template = templates.choose(profile, "inspection-report", folder.decision.category)
    extra = {
        "inspection": lambda: prefill.one_inspection_facts(entry),
        "rectifications": lambda: prefill.rectification_facts(entry),
    }
    context = _context(folder, profile, template, None, extra)
    context.update(inspection=entry.record, inspection_id=entry.stem,
                   issuer=entry.record.by or folder.decision.undertaking_unit)
    return templates.render(template, context, profile_dir)


def annual_plan_document(
    profile: Profile,
    year: int,
    rows: list[tuple[str, ...]],
    organization: str,
    issuer: str = "",
    profile_dir: Path | None = None,
) -> str:
    """The 年度评估计划 of ``year`` (任丘第十三条) listing ``rows``, from the ``annual-plan`` template."""
    from decisiontrack.reports import prefill

    template = profile.template("annual-plan")
    if template is None:
        from decisiontrack.errors import UserError

        raise UserError(f"办法 {profile.name} 没有年度评估计划模板（[[templates]] kind = \"annual-plan\"）")
    known = {"annual": lambda: prefill.annual_facts(year, rows)}
    context = {
        "profile": profile,
        "template": template,
        "year": year,
        "organization": organization,
        "issuer": issuer or organization,
        "sections": _sections(template, builders(None, None, profile, known), {}),
    }
    return templates.render(template, context, profile_dir)
