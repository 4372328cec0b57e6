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

from decisiontrack.errors import UserError
from decisiontrack.export.output import target
from decisiontrack.model.decision import CATEGORY_LABELS, CLASSIFICATION_LABELS, STATUS_LABELS
from decisiontrack.model.evaluation import KIND_LABELS, STAGES
from decisiontrack.profiles.model import LEVEL_LABELS, LEVELS
from decisiontrack.status import next_due, stage_of
from decisiontrack.store.atomic import write_atomic
from decisiontrack.textwidth import display_width

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


def write_ledger(results, out: Path | None = None, force: bool = False) -> Path:
    """Write the ledger of a check whose view was :func:`ledger_row`; returns the path.

    ``results`` is one :class:`~decisiontrack.checking.CheckResult`, or the (label, result) pairs
    of several workspaces: then every sheet begins with the column 组织 and ``out`` is required.
    """
    pairs = results if isinstance(results, list) else [(results.label, results)]
    if len(pairs) > 1 and out is None:
        raise UserError("汇总多个工作区的台账时，请用 -o 指定输出文件，如 -o 全市台账.xlsx")
    path = target(pairs[0][1].workspace.root, out, "ledger.xlsx", force)
    buffer = BytesIO()
    build_ledger(pairs).save(buffer)
    return write_atomic(path, buffer.getvalue(), overwrite=force)


def build_ledger(pairs):
    """The openpyxl workbook (write-only: rows are streamed, not kept as cell objects):
    台账, 发现事项 and, when files are broken, 数据错误."""
    from openpyxl import Workbook

    several = len(pairs) > 1

    def sheet(name, headers, rows_of):
        rows = [[label, *row] if several else row for label, result in pairs for row in rows_of(result)]
        _fill(book.create_sheet(name), (["组织"] if several else []) + list(headers), rows)

    book = Workbook(write_only=True)
    sheet("台账", DECISION_HEADERS, lambda result: list(result.views.values()))
    sheet("发现事项", FINDING_HEADERS, finding_rows)
    if any(result.errors for _, result in pairs):
        sheet("数据错误", ERROR_HEADERS, lambda result: [[p.path, p.line, p.message] for p in result.errors])
    return book


def ledger_row(folder, findings, scope) -> list:
    """The view of the check pass that the ledger keeps: one row per decision folder; a broken
    decision.toml still gets its row."""
    d = folder.decision
    if d is None:
        return [folder.id, BROKEN] + [None] * (len(DECISION_HEADERS) - 2)
    levels = Counter(f.level for f in findings)
    milestones = folder.plan.milestones if folder.plan is not None else []
    return [
        d.id, d.title, d.doc_number or "", CATEGORY_LABELS[d.category],
        CLASSIFICATION_LABELS[d.classification], STATUS_LABELS[d.status], d.undertaking_unit,
        d.adopted_on, d.effective_from, d.effective_until,
        _plan_state(folder), sum(m.done_on is not None for m in milestones),
        sum(m.done_on is None for m in milestones), len(folder.opinions), len(folder.events),
        _evaluations(folder, scope.profile, d.category), stage_of(folder),
        next_due(folder, findings), *(levels.get(level, 0) for level in LEVELS),
    ]


def finding_rows(result) -> list[list]:
    """Every finding in ``check`` order, with its article."""
    titles = result.titles
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


def _fill(sheet, headers, rows) -> None:
    """Header row in bold, frozen and filtered; dates as date cells; widths fitted to the text.

    A write-only sheet takes its widths, panes and filter before the first row. An empty text is
    no cell at all (openpyxl writes a cell for ``""``).
    """
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    columns = list(zip(*rows, strict=True)) if rows else [()] * len(headers)
    for index, (title, values) in enumerate(zip(headers, columns, strict=True), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = _column_width(title, values)
    wrapped = [index for index, values in enumerate(columns) if any(isinstance(v, str) and "\n" in v for v in values)]
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(rows) + 1}"
    bold = Font(bold=True)
    header = []
    for text in headers:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        row = [None if value == "" else value for value in row]
        for index in wrapped:
            if isinstance(row[index], str) and "\n" in row[index]:
                cell = WriteOnlyCell(sheet, value=row[index])
                cell.alignment = wrap
                row[index] = cell
        sheet.append(row)


WIDEST = 60
"""No column is wider than this (in Excel's character widths); a longer text wraps or is cut off."""


def _column_width(title: str, values) -> int:
    """The widest of the header and the column's distinct values, two columns of margin, at most
    :data:`WIDEST`. Each distinct value is measured once (a title recurs on every one of its
    findings), and a text longer than the limit needs no measuring."""
    widest = _width(title)
    for value in set(values):
        if widest >= WIDEST - 2:
            break
        if isinstance(value, str) and len(value) >= WIDEST - 2 and "\n" not in value:
            widest = WIDEST - 2
        else:
            widest = max(widest, _width(value))
    return min(widest + 2, WIDEST)


def _width(value) -> int:
    """Display width: a Chinese character takes two columns; dates ten; the widest line counts."""
    if value is None:
        return 0
    if isinstance(value, date):
        return 10
    text = str(value)
    if "\n" not in text:
        return display_width(text)
    return max(display_width(line) for line in text.split("\n"))
