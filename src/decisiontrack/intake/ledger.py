"""The 决策事项台账 an office keeps in Excel, read into ``decision.toml`` fields row by row.

The headers offices write (决策事项名称, 审议通过日期, 有效期至, 责任单位 …) and the ones ``export
ledger`` writes are both recognised, so the exported ledger imports back. Labels are the model's own
(``CATEGORY_LABELS``, ``CLASSIFICATION_LABELS``, ``STATUS_LABELS``); an empty 有效期至 is open-ended;
a 备注 that names 群众普遍关注 or 普遍影响 sets that flag. Every bad cell becomes one line of the
refusal, so the officer fixes the whole file at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from decisiontrack.intake import values
from decisiontrack.intake.columns import Column, Header, Places, data_rows, locate_header, parse_mapping
from decisiontrack.intake.tables import ImportRefused, Table, read_tables
from decisiontrack.model.decision import CATEGORY_LABELS, CLASSIFICATION_LABELS, STATUS_LABELS

COLUMNS = (
    Column("id", "编号", ("决策编号",)),
    Column("title", "决策名称", ("决策事项名称", "事项名称", "名称", "决策事项")),
    Column("doc_number", "文号", ("发文字号", "文件文号")),
    Column("category", "类别", ("决策类别", "决策类型", "事项类别")),
    Column("adopted_on", "通过日期", ("审议通过日期", "决策日期", "作出决策日期", "审议日期")),
    Column("effective_from", "施行日期", ("实施日期", "生效日期", "开始施行日期")),
    Column("effective_until", "截止日期", ("有效期至", "有效期截止日期", "执行期限", "失效日期")),
    Column("undertaking_unit", "承办单位", ("责任单位", "牵头单位", "决策承办单位")),
    Column("classification", "密级", ("涉密情况",)),
    Column("status", "状态", ("执行状态", "实施状态")),
    Column("summary", "内容摘要", ("摘要", "主要内容")),
    Column("public_concern", "群众普遍关注", ("是否群众普遍关注",)),
    Column("broad_impact", "普遍影响", ("是否普遍影响", "对公民权利义务发生普遍影响")),
    Column("remarks", "备注", ("说明",)),
)
"""What a ledger's columns may hold; ``remarks`` only carries the two flags (and its text)."""

REQUIRED = ("title", "category", "adopted_on", "effective_from", "undertaking_unit")
DATES = ("adopted_on", "effective_from", "effective_until")
FLAG_WORDS = {"public_concern": "群众普遍关注", "broad_impact": "普遍影响"}
"""A 备注 naming these words sets the flag (Ordos 第十二条第（二）项 reads them)."""

STATUS_ALIASES = {"有效": "in-force", "现行有效": "in-force", "施行中": "in-force", "实施中": "in-force",
                  "已废止": "terminated", "废止": "terminated", "已失效": "expired", "失效": "expired",
                  "中止": "suspended", "终止": "terminated", "已修订": "amended"}
CLASSIFICATION_ALIASES = {"秘密": "secret", "机密": "secret", "绝密": "secret", "不公开": "internal"}


@dataclass
class LedgerRow:
    """One data row: the fields it gives and the cell each came from (for messages)."""

    number: int
    fields: dict = field(default_factory=dict)
    places: Places | None = None
    remarks: str = ""
    failed: bool = False


@dataclass
class Ledger:
    """The rows of one sheet, the header found, and every problem of every cell."""

    table: Table
    header: Header
    rows: list[LedgerRow] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    skipped_notes: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def has_id(self) -> bool:
        return "id" in self.header.columns


def read_ledger(path: Path, sheet: str | None = None, mapping: list[str] | None = None) -> Ledger:
    """Read the ledger's sheet (``sheet``, else the first one with a header row)."""
    chosen = parse_mapping(mapping or [], COLUMNS)
    table, header = locate_header(read_tables(path), sheet, COLUMNS, chosen, _is_ledger_header,
                                  "名称列和日期列，如“决策事项名称”和“审议通过日期”")
    missing = [c for c in COLUMNS if c.key in REQUIRED and c.key not in header.columns]
    if missing:
        listed = "、".join(f"{c.label}（{'/'.join(c.aliases[:3])}）" for c in missing)
        raise ImportRefused(f"{table.file} 的表头（第 {header.row} 行）缺少必需的列：{listed}；"
                            f"请在文件中加上，或用 --map 列名={missing[0].label} 指明")
    ledger = Ledger(table, header, skipped_notes=sorted(n for n in table.notes if n > header.row))
    for number, given in data_rows(table, header):
        ledger.rows.append(_read_row(ledger, number, given))
    _sequence_is_not_an_id(ledger)
    return ledger


def _sequence_is_not_an_id(ledger: Ledger) -> None:
    """An 编号 column holding only 1, 2, 3 … is a 序号: the ids are made as ``decision add`` makes them."""
    ids = [row.fields.get("id") for row in ledger.rows if row.fields.get("id")]
    if not ids or not all(value.isdigit() for value in ids):
        return
    for row in ledger.rows:
        row.fields.pop("id", None)
    name = ledger.header.header_of("id")
    del ledger.header.columns["id"]
    ledger.notes.append(f"“{name}”列只有序号（{'、'.join(ids[:3])}……），按序号处理：编号按“通过年份-序号”生成")


def _is_ledger_header(keys: set[str]) -> bool:
    """A title and a date: what makes a row the header of a ledger (issue 13)."""
    return "title" in keys and any(key in keys for key in DATES)


def _read_row(ledger: Ledger, number: int, given: dict) -> LedgerRow:
    table, header = ledger.table, ledger.header
    row = LedgerRow(number, places=header.places(table, number))
    for key, value in given.items():
        try:
            _convert(row, key, value)
        except ValueError as error:
            ledger.problems.append(f"{row.places[key]}：{error}")
            row.failed = True
    if _beyond_flags(row.remarks) and "summary" not in row.fields:
        row.fields["summary"] = f"备注：{row.remarks}"  # kept, not lost
    return row


def _beyond_flags(remarks: str) -> bool:
    """True when a 备注 says more than the flag words."""
    return bool(re.sub(r"(?:对公民权利义务发生)?普遍影响|群众普遍关注|[\s、，,;；。]", "", remarks))


def _convert(row: LedgerRow, key: str, value) -> None:
    """Set ``row.fields[key]`` from a cell; empty optional cells leave the default."""
    written = values.text(value)
    if key in DATES:
        if written:
            row.fields[key] = values.parse_date(value)
        elif key == "effective_until":
            row.fields[key] = None  # empty 有效期至: open-ended
        else:
            raise ValueError("不能为空：请填写日期")
    elif key == "category":
        row.fields[key] = values.parse_choice(written, CATEGORY_LABELS, "决策类别") if written else _empty("决策类别")
    elif key == "classification":
        row.fields[key] = (values.parse_choice(written, CLASSIFICATION_LABELS, "密级", CLASSIFICATION_ALIASES)
                           if written else "public")
    elif key == "status":
        if written:
            row.fields[key] = values.parse_choice(written, STATUS_LABELS, "状态", STATUS_ALIASES)
    elif key in FLAG_WORDS:
        if values.parse_yes_no(value, FLAG_WORDS[key]):
            row.fields[key] = True
    elif key == "remarks":
        row.remarks = written
        for flag, words in FLAG_WORDS.items():
            if words in written:
                row.fields[flag] = True
    elif key in ("title", "undertaking_unit"):
        row.fields[key] = written or _empty("名称" if key == "title" else "承办单位")
    elif key == "doc_number":
        row.fields[key] = written or None
    else:  # id, summary
        if written:
            row.fields[key] = written


def _empty(what: str):
    raise ValueError(f"不能为空：请填写{what}")
