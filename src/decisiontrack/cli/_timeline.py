"""Present a decision's timeline with rich."""

from __future__ import annotations

from pathlib import Path


def render_timeline(root: Path, folder, findings=(), profile=None) -> object:
    """A rich renderable: the facts, the timeline table, opinion counts and open findings."""
    from rich.console import Group
    from rich.text import Text

    from decisiontrack.cli._console import table
    from decisiontrack.model.decision import CATEGORY_LABELS, CLASSIFICATION_LABELS, STATUS_LABELS
    from decisiontrack.profiles.model import LEVEL_LABELS
    from decisiontrack.timeline import opinion_counts, timeline

    d = folder.decision
    head = Text()
    head.append(f"{d.id}  {d.title}\n", style="bold")
    head.append(f"文号：{d.doc_number or '—'}　类别：{CATEGORY_LABELS[d.category]}　"
                f"状态：{STATUS_LABELS[d.status]}{f'（自 {d.status_since} 起）' if d.status_since else ''}　"
                f"密级：{CLASSIFICATION_LABELS[d.classification]}\n")
    head.append(f"施行期间：{d.effective_from} 至 {d.effective_until or '长期'}　承办单位：{d.undertaking_unit}"
                + (f"　决策前评估单位：{d.pre_decision_assessor}" if d.pre_decision_assessor else "") + "\n")
    plan = folder.plan
    head.append("跟踪反馈工作方案：" + (f"{plan.responsible_unit}，{len(plan.milestones)} 个时间节点"
                                        if plan else "尚未制定（第六条）"))
    grid = table("日期", "事项", "说明", title="时间线")
    outcomes = profile.outcomes_for(d.category) if profile is not None else None
    for item in timeline(folder, outcomes):
        grid.add_row(str(item.on), item.what, item.detail, style="yellow" if item.open else None)
    channels, stances = opinion_counts(folder)
    counted = sum(channels.values())
    withdrawn = len(folder.opinions) - counted
    counts = Text(f"公众意见共 {counted} 条" + (f"（另有 {withdrawn} 条已撤回）" if withdrawn else ""))
    if counted:
        counts.append("：" + "、".join(f"{k} {v}" for k, v in sorted(channels.items())))
        counts.append("；" + "、".join(f"{k} {v}" for k, v in sorted(stances.items())))
    parts = [head, grid, counts]
    if findings:
        pending = table("级别", "条款", "事项", "期限", title="待办与提示")
        for f in findings:
            pending.add_row(LEVEL_LABELS[f.level], f.article, f.message, str(f.due or ""))
        parts.append(pending)
    return Group(*parts)
