"""``export ledger``: the 台账 offices keep in Excel, one row per decision.

Offices file and filter their ledgers in Excel, so dates are real date cells (sortable), the
header row stays frozen and every column has a filter. A second sheet lists each finding with
the article that requires it, so a row's counts can be traced to the law.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from io import BytesIO
from pathlib import Path

from decisiontrack.export.output import target
from decisiontrack.model.decision import CATEGORY_LABELS, CLASSIFICATION_LABELS, STATUS_LABELS
from decisiontrack.model.evaluation import KIND_LABELS, STAGES
from decisiontrack.profiles.model import LEVEL_LABELS, LEVELS
from decisiontrack.status import stage_of
from decisiontrack.store.atomic import write_atomic

DECISION_HEADERS = (
    "编号", "决策名称", "文号", "类别", "密级", "状态", "承办单位",
    "通过日期", "施行日期", "截止日期", "跟踪反馈方案", "时间节点已完成", "时间节点未完成",
    "意见数", "事实数", "评估（阶段、结论）", "当前阶段", "下一个期限",
    *(LEVEL_LABELS[level] for level in LEVELS),
)
FINDING_HEADERS = (
    "决策编号", "决策名称", "级别", "规则", "条款", "起始日期", "期限", "内容", "文件",
)
ERROR_HEADERS = ("文件", "行", "问题")
DATE_FORMAT = "yyyy-mm-dd"
BROKEN = "（文件有误）"


def write_ledger(result, out: Path | None = None, force: bool = False) -> Path:
    """Write the ledger of a :class:`~decisiontrack.checking.CheckResult`; returns the path."""
    path = target(result.workspace.root, out, "ledger.xlsx", force)
    buffer = BytesIO()
    build_ledger(result).save(buffer)
    return write_atomic(path, buffer.getvalue(), overwrite=force)


def build_ledger(result):
    """The openpyxl workbook: 台账, 发现事项 and, when files are broken, 数据错误."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "台账"
    _fill(sheet, DECISION_HEADERS, decision_rows(result))
    _fill(book.create_sheet("发现事项"), FINDING_HEADERS, finding_rows(result))
    if result.errors:
        rows = [[p.path, p.line, p.message] for p in result.errors]
        _fill(book.create_sheet("数据错误"), ERROR_HEADERS, rows)
    return book


def decision_rows(result) -> list[list]:
    """One row per decision folder, in id order; a broken decision.toml still gets its row."""
    by_decision = result.findings_by_decision()
    rows = []
    for folder in result.workspace.decisions.values():
        d = folder.decision
        if d is None:
            rows.append([folder.id, BROKEN] + [None] * (len(DECISION_HEADERS) - 2))
            continue
        findings = by_decision.get(d.id, [])
        levels = Counter(f.level for f in findings)
        milestones = folder.plan.milestones if folder.plan is not None else []
        rows.append([
            d.id, d.title, d.doc_number or "", CATEGORY_LABELS[d.category],
            CLASSIFICATION_LABELS[d.classification], STATUS_LABELS[d.status], d.undertaking_unit,
            d.adopted_on, d.effective_from, d.effective_until,
            _plan_state(folder), sum(m.done_on is not None for m in milestones),
            sum(m.done_on is None for m in milestones), len(folder.opinions), len(folder.events),
            _evaluations(folder, result.profile, d.category), stage_of(folder),
            _next_deadline(folder, findings), *(levels.get(level, 0) for level in LEVELS),
        ])
    return rows


def finding_rows(result) -> list[list]:
    """Every finding in ``check`` order, with its article."""
    titles = {f.id: f.decision.title for f in result.workspace.decisions.values() if f.decision}
    return [
        [f.decision, titles.get(f.decision, ""), LEVEL_LABELS[f.level], f.rule, f.article,
         f.since, f.due, f.message, f.path]
        for f in result.findings
    ]


def _plan_state(folder) -> str:
    if folder.plan is not None:
        return f"已制定（{folder.plan.responsible_unit}）"
    return BROKEN if folder.plan_file_exists else "未制定"


def _evaluations(folder, profile, category: str) -> str:
    """``2024-mid-term 中期评估：作出决定（继续执行）``, one line per evaluation."""
    outcomes = profile.outcomes_for(category)
    lines = []
    for ev in folder.evaluations:
        e = ev.evaluation
        if e is None:
            lines.append(f"{ev.id} {BROKEN}")
            continue
        done = [label for stage, label in STAGES.items() if e.stage_date(stage)]
        line = f"{e.id} {KIND_LABELS[e.kind]}：{done[-1] if done else '已启动'}"
        if e.outcome:
            line += f"（{outcomes.get(e.outcome, e.outcome)}）"
        lines.append(line)
    return "\n".join(lines)


def _next_deadline(folder, findings) -> date | None:
    """The earliest open due date among the findings, milestones and rectification items."""
    dates = [f.due for f in findings if f.due is not None]
    if folder.plan is not None:
        dates += [m.due for m in folder.plan.milestones if m.done_on is None]
    for entry in folder.inspections:
        dates += [r.due for r in entry.record.rectifications if r.done_on is None]
    return min(dates, default=None)


def _fill(sheet, headers, rows) -> None:
    """Header row in bold, frozen and filtered; dates as date cells; widths fitted to the text."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    widths = [_width(h) for h in headers]
    for line in sheet.iter_rows(min_row=2):
        for index, cell in enumerate(line):
            if isinstance(cell.value, date):
                cell.number_format = DATE_FORMAT
            elif isinstance(cell.value, str) and "\n" in cell.value:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            widths[index] = max(widths[index], _width(cell.value))
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(width + 2, 60)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(sheet.max_row, 1)}"


def _width(value) -> int:
    """Display width: a Chinese character takes two columns; dates ten; the widest line counts."""
    if value is None:
        return 0
    if isinstance(value, date):
        return 10
    text = str(value)
    return max(sum(2 if ord(ch) > 0x2E7F else 1 for ch in line) for line in text.split("\n"))
