"""The 台账 read back with openpyxl: headers, one row per decision, real dates, frozen, filtered."""

from __future__ import annotations

from datetime import date, datetime

import openpyxl
import pytest
from tests.export.conftest import AS_OF, checked

from decisiontrack.export.ledger import DECISION_HEADERS, FINDING_HEADERS, ledger_row, write_ledger


@pytest.fixture
def result(ws):
    return checked(ws, AS_OF, ledger_row)


@pytest.fixture
def book(result, tmp_path):
    return openpyxl.load_workbook(write_ledger(result, tmp_path / "ledger.xlsx"))


def _rows(sheet):
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def _day(value):
    assert isinstance(value, datetime), value  # openpyxl reads date cells as datetimes
    return value.date()


def test_sheets_headers_frozen_and_filtered(book):
    assert book.sheetnames == ["台账", "发现事项"]
    for sheet, headers in ((book["台账"], DECISION_HEADERS), (book["发现事项"], FINDING_HEADERS)):
        assert [c.value for c in sheet[1]] == list(headers)
        assert sheet.freeze_panes == "A2"
        last = sheet.cell(1, len(headers)).column_letter
        assert sheet.auto_filter.ref == f"A1:{last}{sheet.max_row}"
        assert all(c.font.bold for c in sheet[1])
    ledger = book["台账"]
    assert ledger.column_dimensions["B"].width > ledger.column_dimensions["A"].width > 8


def test_column_widths_fit_the_widest_text_up_to_sixty(book):
    """Two columns a Chinese character, ten a date, two of margin, at most 60 (long messages wrap)."""
    ledger, findings = book["台账"], book["发现事项"]
    assert ledger.column_dimensions["A"].width == len("2022-001") + 2
    titles = [row[1] for row in _rows(ledger)[1:]]
    assert "鄂尔多斯市“十四五”生态环境保护规划" in titles  # the widest: 16 characters two wide, two quotes one
    assert ledger.column_dimensions["B"].width == 16 * 2 + 2 + 2
    assert ledger.column_dimensions["H"].width == 12  # 通过日期: a date cell, ten columns
    assert findings.column_dimensions["H"].width == 60  # 内容: the messages are longer than the limit


def test_one_row_per_decision(book):
    header, *rows = _rows(book["台账"])
    assert [r[0] for r in rows] == ["2022-001", "2023-002", "2023-003", "2024-001"]
    row = dict(zip(header, rows[0], strict=True))
    assert row["决策名称"] == "鄂尔多斯市“十四五”生态环境保护规划"
    assert row["文号"] == "鄂府发〔2021〕88号"
    assert (row["类别"], row["密级"], row["状态"]) == ("重大规划", "公开", "执行中")
    assert row["承办单位"] == "市生态环境局"
    assert _day(row["通过日期"]) == date(2020, 12, 1)
    assert _day(row["施行日期"]) == date(2021, 1, 1)
    assert _day(row["截止日期"]) == date(2025, 12, 31)
    assert row["跟踪反馈方案"] == "已制定（市生态环境局规划科）"
    counts = ("时间节点已完成", "时间节点未完成", "意见数", "事实数")
    assert [row[key] for key in counts] == [1, 1, 4, 1]
    assert row["评估（阶段、结论）"] == (
        "2023-mid-term 中期评估：作出决定（继续执行）\n2024-special 专项评估：调查研究结束"
    )
    assert _day(row["下一个期限"]) == date(2024, 7, 9)  # 第六、八条: six months from 2024-01-09
    levels = ("已逾期", "应当", "即将到期", "可以", "提示")
    assert [row[key] for key in levels] == [1, 1, 1, 0, 0]  # 应当: 第十条第二款 报市人民政府审核
    open_ended = dict(zip(header, rows[3], strict=True))
    assert open_ended["截止日期"] is None and open_ended["跟踪反馈方案"] == "未制定"
    assert book["台账"]["H2"].is_date and book["台账"]["H2"].number_format == "yyyy-mm-dd"


def test_findings_sheet_has_every_finding_with_its_article(book, result):
    header, *rows = _rows(book["发现事项"])
    assert len(rows) == len(result.findings) == 7
    for row, finding in zip(rows, result.findings, strict=True):
        assert row[0] == finding.decision and row[3] == finding.rule and row[4] == finding.article
        assert _day(row[5]) == finding.since
        assert row[7] == finding.message
    first = rows[0]
    assert first[:5] == [
        "2022-001", "鄂尔多斯市“十四五”生态环境保护规划", "已逾期", "ordos-2024/8", "第六、八条"
    ]
    assert [r[4] for r in rows].count("第十九条") == 1


def test_broken_files_get_a_row_and_a_sheet(result, ws, tmp_path):
    (ws / "decisions/2024-001/decision.toml").write_text("id = \n", encoding="utf-8")
    book = openpyxl.load_workbook(write_ledger(checked(ws, AS_OF, ledger_row), tmp_path / "l.xlsx"))
    assert book.sheetnames == ["台账", "发现事项", "数据错误"]
    assert _rows(book["台账"])[4][:2] == ["2024-001", "（文件有误）"]
    assert _rows(book["数据错误"])[1][0] == "decisions/2024-001/decision.toml"


def test_refuses_to_overwrite(result, tmp_path):
    from decisiontrack.errors import UserError

    out = tmp_path / "ledger.xlsx"
    out.write_bytes(b"keep")
    with pytest.raises(UserError, match="--force"):
        write_ledger(result, out)
    assert out.read_bytes() == b"keep"
    write_ledger(result, out, force=True)
    assert openpyxl.load_workbook(out).sheetnames[0] == "台账"


def test_default_path_is_out_ledger(result, ws):
    assert write_ledger(result) == ws / "out" / "ledger.xlsx"
