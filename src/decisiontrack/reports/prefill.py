"""Facts from the records that a report starts from, so the officer never faces a blank page.

Personal information never enters a report: opinions are counted by channel and stance (no
names, contacts or summaries), a plan's people and an evaluation's members are not listed.
The facts are worded as a 公文 words them: dates as ``2025年3月3日``, periods as
``2025年下半年``, rules by their article and levels by the statute's words — never a rule id,
an internal number (m1, r1) or the name of a workspace file.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from decisiontrack.model.decision import CATEGORY_LABELS, STATUS_LABELS
from decisiontrack.model.evaluation import KIND_LABELS, SCOPE_LABELS, STAGES, Evaluation
from decisiontrack.model.event import EVENT_LABELS
from decisiontrack.model.feedback import CHANNEL_LABELS, STANCE_LABELS
from decisiontrack.model.folder import DecisionFolder
from decisiontrack.model.inspection import METHOD_LABELS
from decisiontrack.profiles.model import LEVEL_LABELS, Profile
from decisiontrack.wording import chinese_date, official_words, period_words


@dataclass(frozen=True)
class Table:
    """A block of facts: a caption, its source, column headers and rows of text."""

    caption: str
    source: str
    headers: tuple[str, ...]
    rows: list[tuple[str, ...]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _day(value: date | None, empty: str = "—") -> str:
    return chinese_date(value) if value else empty


def decision_facts(folder: DecisionFolder) -> Table:
    """决策基本情况: title, 文号, category, period, 承办单位, status."""
    d = folder.decision
    until = chinese_date(d.effective_until) if d.effective_until else "长期"
    period = f"{chinese_date(d.effective_from)}至{until}"
    rows = [
        ("决策名称", d.title),
        ("文号", d.doc_number or "—"),
        ("决策类别", CATEGORY_LABELS[d.category]),
        ("通过日期", chinese_date(d.adopted_on)),
        ("执行期间", period),
        ("承办单位", d.undertaking_unit),
        ("执行状态", STATUS_LABELS[d.status]),
    ]
    return Table("决策基本情况", "决策登记信息", ("项目", "内容"), rows)


def plan_facts(folder: DecisionFolder) -> Table:
    """跟踪反馈工作方案 (第六条): the responsible unit and every milestone with its status."""
    plan = folder.plan
    if plan is None:
        return Table(
            "跟踪反馈工作方案",
            "跟踪反馈工作方案",
            ("序号", "时间节点", "应完成日期", "完成日期", "状态"),
            notes=["尚未制定跟踪反馈工作方案。"],  # no article: only some 办法 require one (鄂尔多斯第六条)
        )
    rows = [
        (
            str(number),
            m.title or "—",
            chinese_date(m.due),
            _day(m.done_on),
            "已完成" if m.done_on else "未完成",
        )
        for number, m in enumerate(sorted(plan.milestones, key=lambda m: (m.due, m.id)), 1)
    ]
    done = sum(1 for m in plan.milestones if m.done_on)
    notes = [
        f"责任机构：{plan.responsible_unit}。",
        f"时间节点共 {len(plan.milestones)} 个，已完成 {done} 个，"
        f"未完成 {len(plan.milestones) - done} 个。",
    ]
    if plan.methods:
        notes.append(f"跟踪方法：{'、'.join(plan.methods)}。")
    return Table(
        "跟踪反馈工作方案及时间节点",
        "跟踪反馈工作方案",
        ("序号", "时间节点", "应完成日期", "完成日期", "状态"),
        rows,
        notes,
    )


def opinion_counts(folder: DecisionFolder) -> dict:
    """Counts by (channel, stance), by channel, by stance and in total — never who sent them.

    Withdrawn opinions are not counted.
    """
    opinions = folder.standing_opinions
    pairs = Counter((e.record.channel, e.record.stance) for e in opinions)
    return {
        "by_pair": dict(pairs),
        "by_channel": dict(Counter(e.record.channel for e in opinions)),
        "by_stance": dict(Counter(e.record.stance for e in opinions)),
        "total": len(opinions),
    }


def opinion_facts(folder: DecisionFolder) -> Table:
    """公众意见 (第七条; 任丘第八条) counted by channel and stance, with totals."""
    counts = opinion_counts(folder)
    stances = list(STANCE_LABELS)
    headers = ("渠道", *(STANCE_LABELS[s] for s in stances), "合计")
    rows = []
    for channel in CHANNEL_LABELS:
        if channel in counts["by_channel"]:
            cells = [str(counts["by_pair"].get((channel, s), 0)) for s in stances]
            rows.append((CHANNEL_LABELS[channel], *cells, str(counts["by_channel"][channel])))
    rows.append(
        ("合计", *(str(counts["by_stance"].get(s, 0)) for s in stances), str(counts["total"]))
    )
    dates = sorted(e.record.received_on for e in folder.standing_opinions)
    notes = [
        f"共收到公众意见 {counts['total']} 条"
        + (f"（{chinese_date(dates[0])}至{chinese_date(dates[-1])}）。" if dates else "。")
    ]
    return Table("公众意见统计", "公众意见记录", headers, rows, notes)


def event_facts(folder: DecisionFolder) -> Table:
    """事实 (第九、十一、十二条) with their dates and whether they were reported."""
    rows = [
        (
            chinese_date(e.record.occurred_on),
            EVENT_LABELS[e.record.kind],
            e.record.description or "—",
            _day(e.record.reported_on, "未报告"),
        )
        for e in sorted(folder.events, key=lambda e: (e.record.occurred_on, e.path))
    ]
    notes = [] if rows else ["未记录事实。"]
    return Table(
        "执行中的事实", "事实记录", ("发生日期", "类型", "情况", "向决策机关报告"), rows, notes
    )


def inspection_facts(folder: DecisionFolder) -> Table:
    """督查 (第十条) and the status of each rectification item."""
    rows = []
    notes = []
    for entry in sorted(folder.inspections, key=lambda e: (e.record.conducted_on, e.path)):
        i = entry.record
        head = (chinese_date(i.conducted_on), METHOD_LABELS[i.method], i.by or "—")
        if i.findings:
            notes.append(f"{chinese_date(i.conducted_on)}{METHOD_LABELS[i.method]}结论：{i.findings}")
        if not i.rectifications:
            rows.append((*head, "—", "—", "—", "—"))
        for r in i.rectifications:
            rows.append(
                (
                    *head,
                    r.item,
                    chinese_date(r.due),
                    _day(r.done_on, "未完成"),
                    _day(r.reviewed_on, "未报审"),
                )
            )
    items = [r for e in folder.inspections for r in e.record.rectifications]
    done = sum(1 for r in items if r.done_on)
    notes.insert(
        0, f"督查 {len(folder.inspections)} 次，整改事项 {len(items)} 项，已完成 {done} 项。"
    )
    return Table(
        "督查和整改情况",
        "督查记录",
        ("督查日期", "方式", "督查单位", "整改事项", "整改期限", "完成日期", "报审日期"),
        rows,
        notes,
    )


def indicator_facts(folder: DecisionFolder) -> Table:
    """Indicators of every progress report (第八条), in the order they were submitted."""
    rows = []
    for entry in sorted(folder.progress, key=lambda e: (e.record.submitted_on, e.path)):
        p = entry.record
        for ind in p.indicators:
            rows.append(
                (period_words(p.period), ind.name, ind.unit or "—", _text(ind.target), _text(ind.actual))
            )
    notes = [] if rows else ["跟踪反馈报告中尚无指标。"]
    latest = folder.latest_progress()
    if latest is not None and latest.record.progress_percent is not None:
        notes.append(
            f"最近一期（{period_words(latest.record.period)}）报告的执行进度："
            f"{latest.record.progress_percent}%。"
        )
    return Table("主要指标", "跟踪反馈报告", ("期间", "指标", "单位", "目标", "实际"), rows, notes)


def _text(value) -> str:
    return "—" if value is None else str(value)


def evaluation_facts(evaluation: Evaluation) -> Table:
    """The evaluation plan (第十四条第（一）项) and its stages, without members' names."""
    e = evaluation
    scope = SCOPE_LABELS[e.scope] + (f"：{e.scope_note}" if e.scope_note else "")
    rows = [
        ("评估类型", KIND_LABELS[e.kind]),
        ("评估范围", scope),
        ("评估目的", e.purpose or "—"),
        ("评估机关", e.evaluator or "—"),
        ("受委托机构", e.commissioned_to or "不委托"),
        ("评估人员", f"{len(e.members)} 名" if e.members else "—"),
        ("评估方法", "、".join(e.methods) or "—"),
        ("简易程序", "是" if e.simplified else "否"),
        ("启动日期", chinese_date(e.started_on)),
    ]
    rows += [(STAGES[s], _day(e.stage_date(s))) for s in STAGES if e.stage_date(s) is not None]
    return Table("评估工作基本情况", "评估方案", ("项目", "内容"), rows)


def trigger_facts(
    folder: DecisionFolder, evaluation: Evaluation, profile: Profile, due_soon_days: int = 30
) -> Table:
    """The rules this evaluation answers (``addresses``), as they stood on ``started_on``."""
    from decisiontrack.rules.engine import check_decision

    others = [f for f in folder.evaluations if f.id != evaluation.id]
    alone = dataclasses.replace(folder, evaluations=others)
    findings = {
        f.rule: f for f in check_decision(alone, profile, evaluation.started_on, due_soon_days)
    }
    rows = []
    for rule_id in evaluation.addresses:
        rule = profile.rule(rule_id)
        finding = findings.get(rule_id)
        article = rule.article if rule else "—"
        if finding is not None:
            rows.append(
                (article, LEVEL_LABELS[finding.level], chinese_date(finding.since), official_words(finding.message))
            )
        else:
            level = LEVEL_LABELS[rule.level] if rule else "—"
            rows.append((article, level, "—", "启动评估之日未检出该情形"))
    notes = [] if rows else ["本次评估未列出所回应的情形。"]
    return Table("启动评估的情形", "评估方案", ("条款", "要求", "起始日期", "情形"), rows, notes)


def one_inspection_facts(entry) -> Table:
    """One 督查 (第十条第一款): when, by whom, how, and its conclusion as recorded."""
    i = entry.record
    rows = [
        ("督查日期", _day(i.conducted_on)),
        ("督查机构", i.by or "—"),
        ("督查方式", METHOD_LABELS[i.method]),
        ("督查结论", i.findings or "—"),
    ]
    return Table("督查基本情况", "督查记录", ("项目", "内容"), rows)


def rectification_facts(entry) -> Table:
    """The rectification items of one 督查 and their 规定时间 (第十条第二款)."""
    rows = [
        (str(number), r.item or "—", _day(r.due), _day(r.done_on, "未完成"), _day(r.reviewed_on, "未报审"))
        for number, r in enumerate(entry.record.rectifications, 1)
    ]
    notes = [] if rows else ["督查结论未要求整改。"]
    return Table(
        "整改事项及规定时间", "督查记录", ("序号", "整改事项", "规定时间", "完成日期", "报市人民政府审核"), rows, notes
    )


def annual_facts(year: int, rows: list[tuple[str, ...]]) -> Table:
    """The normative documents whose evaluation falls due in ``year`` (任丘第十三条), numbered."""
    notes = [] if rows else [f"没有检出{year}年应当开始评估的规范性文件。"]
    return Table(
        f"{year}年应当进行跟踪反馈、后评估的规范性文件",
        "决策登记信息",
        ("序号", "名称", "文号", "承办单位", "评估时间", "情形"),
        [(str(number), *row) for number, row in enumerate(rows, 1)],
        notes,
    )
