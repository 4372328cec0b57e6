"""``status``: one row per decision — stage, next deadline and open findings by level.

The row is what the check pass keeps of each decision (:func:`status_row` is its view), so the
table costs no second reading of any file. JSON, CSV and Markdown are built here; the text
table is the CLI's.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from decisiontrack.model.decision import CATEGORY_LABELS, STATUS_LABELS
from decisiontrack.model.evaluation import KIND_LABELS, STAGES
from decisiontrack.profiles.model import LEVEL_LABELS, LEVELS

BROKEN = "（文件有误）"
COUNTED = ("overdue", "must", "due-soon", "may")
"""The levels the table counts (``info`` is in JSON only)."""
HEADERS = ("编号", "类别", "施行期间", "阶段", "下一个期限", *(LEVEL_LABELS[level] for level in COUNTED), "名称")


@dataclass(frozen=True)
class StatusRow:
    """One decision in ``status``; ``title`` is None when its decision.toml is broken."""

    decision: str
    title: str | None
    category: str = ""
    undertaking_unit: str = ""
    status: str = ""
    effective_from: date | None = None
    effective_until: date | None = None
    stage: str = ""
    next_due: date | None = None
    counts: tuple[int, ...] = (0, 0, 0, 0, 0)
    path: str = ""

    @property
    def period(self) -> str:
        if self.effective_from is None:
            return ""
        return f"{self.effective_from} 至 {self.effective_until or '长期'}"

    def cells(self) -> list[str]:
        """The text cells in :data:`HEADERS` order."""
        if self.title is None:
            return [self.decision, "", "", "", "", *("" for _ in COUNTED), BROKEN]
        counts = dict(zip(LEVELS, self.counts, strict=True))
        return [self.decision, CATEGORY_LABELS[self.category], self.period, self.stage, str(self.next_due or ""),
                *(str(counts[level]) for level in COUNTED), self.title]

    def to_json(self) -> dict:
        return {
            "decision": self.decision,
            "title": self.title,
            "category": self.category,
            "undertaking_unit": self.undertaking_unit,
            "status": self.status,
            "effective_from": _iso(self.effective_from),
            "effective_until": _iso(self.effective_until),
            "stage": self.stage,
            "next_due": _iso(self.next_due),
            "findings": dict(zip(LEVELS, self.counts, strict=True)),
            "path": self.path,
        }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


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


def next_due(folder, findings) -> date | None:
    """The earliest open due date among this decision's findings, milestones and rectification items."""
    dates = [f.due for f in findings if f.due is not None]
    if folder.plan is not None:
        dates += [m.due for m in folder.plan.milestones if m.done_on is None]
    for entry in folder.inspections:
        dates += [r.due for r in entry.record.rectifications if r.done_on is None]
    return min(dates, default=None)


def status_row(folder, findings, scope=None) -> StatusRow:
    """The view of the check pass that ``status`` shows."""
    d = folder.decision
    if d is None:
        return StatusRow(folder.id, None, path=folder.decision_path)
    counts = Counter(f.level for f in findings)
    return StatusRow(
        decision=d.id, title=d.title, category=d.category, undertaking_unit=d.undertaking_unit, status=d.status,
        effective_from=d.effective_from, effective_until=d.effective_until, stage=stage_of(folder),
        next_due=next_due(folder, findings), counts=tuple(counts.get(level, 0) for level in LEVELS),
        path=folder.decision_path,
    )


def rows_of(results) -> list[tuple[str, StatusRow]]:
    """(workspace label, row) of every shown decision, workspace by workspace, in id order."""
    return [(label, row) for label, result in results for row in result.views.values()]


def to_json(as_of: date, results, several: bool) -> dict:
    """The object ``status --format json`` prints (its schema is in the README)."""
    decisions = []
    for label, row in rows_of(results):
        if row.title is None:
            continue
        decisions.append({"workspace": label, **row.to_json()} if several else row.to_json())
    errors = [{"workspace": label, **e.to_json()} if several else e.to_json()
              for label, result in results for e in result.errors]
    totals = Counter()
    for item in decisions:
        totals.update(item["findings"])
    return {
        "as_of": as_of.isoformat(),
        "decisions": decisions,
        "errors": errors,
        "summary": {"decisions": len(decisions), **{level: totals.get(level, 0) for level in LEVELS},
                    "errors": len(errors)},
    }


def to_csv(results, several: bool) -> str:
    """A CSV with a header row (UTF-8; Excel opens it through 数据 → 自文本)."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    head = ["组织"] if several else []
    writer.writerow([*head, "编号", "名称", "类别", "承办单位", "状态", "施行日期", "截止日期", "阶段", "下一个期限",
                     *(LEVEL_LABELS[level] for level in LEVELS)])
    for label, row in rows_of(results):
        first = [label] if several else []
        if row.title is None:
            writer.writerow([*first, row.decision, BROKEN])
            continue
        writer.writerow([*first, row.decision, row.title, CATEGORY_LABELS[row.category], row.undertaking_unit,
                         STATUS_LABELS[row.status], row.effective_from, row.effective_until or "", row.stage,
                         row.next_due or "", *row.counts])
    return buffer.getvalue()


def to_markdown(as_of: date, results, several: bool) -> str:
    """A Markdown table for e-mail, one per workspace."""
    lines = [f"# 重大行政决策执行情况一览（{as_of.isoformat()}）"]
    for label, result in results:
        lines += ["", f"## {label}" if several else f"决策机关：{label}", ""]
        lines += ["| " + " | ".join(HEADERS) + " |", "|" + "---|" * len(HEADERS)]
        for row in result.views.values():
            lines.append("| " + " | ".join(_cell(cell) for cell in row.cells()) + " |")
        if result.errors:
            lines += ["", f"数据错误 {len(result.errors)} 项："]
            lines += [f"- `{e.path}{':' + str(e.line) if e.line else ''}` {e.message}" for e in result.errors]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
