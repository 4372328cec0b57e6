"""Cell values as offices type them: every date spelling, Chinese labels, yes/no marks, headers."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from decisiontrack.intake.columns import normalize_header
from decisiontrack.intake.tables import column_letter, decode
from decisiontrack.intake.values import parse_choice, parse_date, parse_moment, parse_yes_no
from decisiontrack.model.decision import CATEGORY_LABELS


@pytest.mark.parametrize("written", [
    "2022.12.20", "2022/12/20", "2022-12-20", "2022年12月20日", "2022年12月20号", "20221220", 20221220,
    "２０２２．１２．２０", " 2022 . 12 . 20 ", "2022年 12月 20日", date(2022, 12, 20), datetime(2022, 12, 20),
])
def test_every_date_spelling(written):
    assert parse_date(written) == date(2022, 12, 20)


@pytest.mark.parametrize("written", ["2023/6/15", "2023.6.15", "2023年6月15日", "2023-6-15"])
def test_dates_without_leading_zeros(written):
    assert parse_date(written) == date(2023, 6, 15)


@pytest.mark.parametrize(("written", "expected"), [
    ("2024/3/15 9:30", datetime(2024, 3, 15, 9, 30)),
    ("2024-03-15 09:30:12", datetime(2024, 3, 15, 9, 30, 12)),
    ("2024-03-15T09:30", datetime(2024, 3, 15, 9, 30)),
    ("2024年3月15日 9时30分", datetime(2024, 3, 15, 9, 30)),
    (datetime(2024, 3, 15, 9, 30, 5, 120), datetime(2024, 3, 15, 9, 30, 5)),
])
def test_full_times_are_kept(written, expected):
    assert parse_moment(written) == (date(2024, 3, 15), expected)


def test_a_date_without_time_has_no_moment():
    assert parse_moment("2024/3/15") == (date(2024, 3, 15), None)
    assert parse_moment(datetime(2024, 3, 15)) == (date(2024, 3, 15), None)


@pytest.mark.parametrize(("written", "message"), [
    ("2022.13.01", "日期“2022.13.01”不存在"),
    ("2023/2/30", "日期“2023/2/30”不存在"),
    ("2023年2月29日", "不存在"),
    ("明年", "无法识别的日期“明年”"),
    ("2022.12", "无法识别的日期“2022.12”"),
    (44915, "“44915”是数字，不是日期"),
    ("2024-03-15 25:00", "时间“2024-03-15 25:00”不存在"),
])
def test_impossible_or_unreadable_dates_say_why(written, message):
    with pytest.raises(ValueError, match=message):
        parse_date(written)


@pytest.mark.parametrize(("written", "key"), [
    ("重大政策", "policy"), ("政策", "policy"), ("policy", "policy"), (" 重大 规划 ", "plan"),
    ("规范性文件", "normative"), ("其他", "other"), ("重大项目", "project"), ("改革", "reform"),
])
def test_categories_by_label_short_label_or_key(written, key):
    assert parse_choice(written, CATEGORY_LABELS, "决策类别") == key


def test_an_unknown_label_lists_the_choices():
    with pytest.raises(ValueError, match="决策类别“重大事项”无法识别；可写：重大规划、重大政策"):
        parse_choice("重大事项", CATEGORY_LABELS, "决策类别")


@pytest.mark.parametrize(("written", "expected"), [("是", True), ("√", True), ("Y", True), ("否", False),
                                                  ("", False), (None, False), ("×", False)])
def test_yes_no(written, expected):
    assert parse_yes_no(written, "群众普遍关注") is expected


def test_yes_no_refuses_anything_else():
    with pytest.raises(ValueError, match="“也许”无法识别"):
        parse_yes_no("也许", "群众普遍关注")


def test_header_texts_compare_without_breaks_marks_and_notes():
    assert normalize_header("审议通过\n日期（必填）*") == "审议通过日期"
    assert normalize_header(" 承办 单位： ") == "承办单位"


def test_column_letters_as_excel_names_them():
    assert [column_letter(i) for i in (0, 4, 25, 26, 27, 701, 702)] == ["A", "E", "Z", "AA", "AB", "ZZ", "AAA"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
def test_csv_encodings_excel_saves_in_china(encoding):
    text = "决策事项名称,文号\n鄂尔多斯市“十四五”规划,鄂府发〔2021〕88号\n"
    assert decode(text.encode(encoding), "x.csv") == text
