"""``status``: one row per decision — stage, next deadline and open findings by level."""

from __future__ import annotations

from collections import Counter

from decisiontrack.model.decision import CATEGORY_LABELS
from decisiontrack.model.evaluation import KIND_LABELS, STAGES


def stage_of(folder) -> str:
    """Where the decision stands: its latest evaluation's last stage, or its tracking state."""
    evaluations = [ev.evaluation for ev in folder.evaluations if ev.evaluation is not None]
    if evaluations:
        latest = max(evaluations, key=lambda e: (e.started_on, e.id))
        done = [label for stage, label in STAGES.items() if latest.stage_date(stage)]
        return f"{KIND_LABELS[latest.kind]}：{done[-1] if done else '已启动'}"
    if folder.plan is None:
        return "未制定方案"
    return "跟踪反馈中"


def next_deadline(folder, findings) -> str:
    """The earliest open due date among this decision's findings and open milestones."""
    dates = [f.due for f in findings if f.due is not None]
    if folder.plan is not None:
        dates += [m.due for m in folder.plan.milestones if m.done_on is None]
    for entry in folder.inspections:
        dates += [r.due for r in entry.record.rectifications if r.done_on is None]
    return str(min(dates)) if dates else ""


def decision_rows(result) -> list[list[str]]:
    """Rows of the status table, in decision id order."""
    by_decision = result.findings_by_decision()
    rows = []
    for folder in result.workspace.decisions.values():
        d = folder.decision
        if d is None:
            rows.append([folder.id, "（文件有误）", "", "", "", "", "", "", "", ""])
            continue
        findings = by_decision.get(d.id, [])
        counts = Counter(f.level for f in findings)
        rows.append([
            d.id, d.title, CATEGORY_LABELS[d.category], f"{d.effective_from} 至 {d.effective_until or '长期'}",
            stage_of(folder), next_deadline(folder, findings),
            *(str(counts.get(level, 0)) for level in ("overdue", "must", "due-soon", "may")),
        ])
    return rows
