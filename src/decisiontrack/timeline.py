"""A decision's history as dated items, for ``decision show`` (and the ledger)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from decisiontrack.model.evaluation import KIND_LABELS, STAGES
from decisiontrack.model.event import EVENT_LABELS
from decisiontrack.model.feedback import CHANNEL_LABELS, STANCE_LABELS
from decisiontrack.model.folder import DecisionFolder
from decisiontrack.model.inspection import METHOD_LABELS


@dataclass(frozen=True, order=True)
class Item:
    """One dated line of the timeline; ``open`` marks a duty not yet done."""

    on: date
    what: str
    detail: str = ""
    open: bool = False


def timeline(folder: DecisionFolder) -> list[Item]:
    """Every dated fact of one decision, oldest first."""
    items: list[Item] = []
    d = folder.decision
    if d is not None:
        items.append(Item(d.adopted_on, "作出决策", d.doc_number or ""))
        items.append(Item(d.effective_from, "开始施行"))
        if d.effective_until:
            items.append(Item(d.effective_until, "执行期限届满"))
    if folder.plan is not None:
        for m in folder.plan.milestones:
            state = f"已于 {m.done_on} 完成" if m.done_on else "未完成"
            moves = "".join(f"；{move.on} 由 {move.from_} 调至 {move.to}（{move.reason}）" for move in m.moves)
            items.append(Item(m.due, f"时间节点 {m.id}", f"{m.title}（{state}{moves}）", m.done_on is None))
    for entry in folder.events:
        e = entry.record
        reported = f"，已于 {e.reported_on} 报告" if e.reported_on else ""
        items.append(Item(e.occurred_on, EVENT_LABELS[e.kind], f"{entry.stem}{reported}"))
    for entry in folder.progress:
        items.append(Item(entry.record.submitted_on, f"跟踪反馈报告 {entry.record.period}"))
    for entry in folder.inspections:
        i = entry.record
        items.append(Item(i.conducted_on, METHOD_LABELS[i.method], f"{i.by} {entry.stem}".strip()))
        for r in i.rectifications:
            state = f"已于 {r.done_on} 完成" if r.done_on else "未完成"
            items.append(Item(r.due, f"整改事项 {r.id}", f"{r.item}（{state}）", r.done_on is None))
    for ev in folder.evaluations:
        e = ev.evaluation
        if e is None:
            continue
        items.append(Item(e.started_on, f"启动{KIND_LABELS[e.kind]} {e.id}"))
        for stage, label in STAGES.items():
            day = e.stage_date(stage)
            if day is not None:
                detail = f"结论：{e.outcome}" if stage == "decided" and e.outcome else ""
                items.append(Item(day, f"评估 {e.id}：{label}", detail))
    return sorted(items)


def opinion_counts(folder: DecisionFolder) -> tuple[Counter, Counter]:
    """Opinions counted by channel and by stance, with Chinese labels (never personal data)."""
    channels = Counter(CHANNEL_LABELS[o.record.channel] for o in folder.opinions)
    stances = Counter(STANCE_LABELS[o.record.stance] for o in folder.opinions)
    return channels, stances
