"""The deadline calendar read back with icalendar: events, stable UIDs, all-day dates, summaries."""

from __future__ import annotations

from datetime import date

import pytest
from icalendar import Calendar
from tests.export.conftest import AS_OF, checked

from decisiontrack.export.calendar import calendar_duties, write_calendar

EXPECTED = {
    # uid: (day, summary) — clocks that started before the 办法 (2024-01-09) run from that day
    "2022-001/ordos-2024/6.milestone/m2@decisiontrack":
        (date(2024, 9, 30), "【第六条】2022-001 时间节点 m2“完成年度跟踪调查”到期"),
    "2022-001/ordos-2024/8/next@decisiontrack":
        (date(2024, 7, 9), "【第六、八条】2022-001 跟踪反馈报告到期"),
    "2022-001/ordos-2024/9/20240710-problem-eeee@decisiontrack":
        (date(2024, 7, 17),
         "【第九条】2022-001 执行中发现严重问题（20240710-problem-eeee）的报告到期"),
    "2022-001/ordos-2024/10/20240510-onsite-ffff/r1@decisiontrack":
        (date(2024, 8, 31), "【第十条第二款】2022-001 整改事项 r1“补齐监测站点”到期"),
    "2022-001/ordos-2024/10.review/inspections/20240510-onsite-ffff.toml/2024-06-20@decisiontrack":
        (date(2024, 9, 18), "【第十条第二款】2022-001 整改完成情况报审到期"),
    "2022-001/ordos-2024/19/2024-special@decisiontrack":
        (date(2024, 7, 20), "【第十九条】2022-001 评估 2024-special 报送决策机关到期"),
    "2023-002/ordos-2024/6/decision.toml/2024-01-09@decisiontrack":
        (date(2024, 4, 8), "【第六条】2023-002 制定跟踪反馈工作方案到期"),
    "2023-002/ordos-2024/12.2/evaluation@decisiontrack":
        (date(2024, 4, 8), "【第十二条第（二）项】2023-002 应当组织的后评估到期"),
    "2023-003/ordos-2024/6/decision.toml/2024-01-09@decisiontrack":
        (date(2024, 4, 8), "【第六条】2023-003 制定跟踪反馈工作方案到期"),
    "2024-001/ordos-2024/6/decision.toml/2024-03-02@decisiontrack":
        (date(2024, 5, 31), "【第六条】2024-001 制定跟踪反馈工作方案到期"),
}


def _events(path):
    return Calendar.from_ical(path.read_bytes()).walk("VEVENT")


@pytest.fixture
def result(ws):
    return checked(ws, AS_OF, calendar_duties)


@pytest.fixture
def ics(result, tmp_path):
    return write_calendar(result, tmp_path / "calendar.ics")


def test_every_open_duty_is_one_all_day_event(ics):
    events = _events(ics)
    got = {str(e["UID"]): (e.decoded("DTSTART"), str(e["SUMMARY"])) for e in events}
    assert got == EXPECTED
    for event in events:
        assert event["DTSTART"].params["VALUE"] == "DATE"
        assert (event.decoded("DTEND") - event.decoded("DTSTART")).days == 1
    assert b"DTSTART;VALUE=DATE:20240930" in ics.read_bytes()


def test_done_items_are_not_duties(ics):
    text = "".join(str(e["SUMMARY"]) for e in _events(ics))
    assert "m1" not in text and "r2" not in text
    assert "2023-mid-term" not in text  # submitted and decided: no deadline left


def test_descriptions_carry_the_title_and_the_message(ics):
    event = next(e for e in _events(ics) if str(e["UID"]).startswith("2022-001/ordos-2024/19/"))
    assert str(event["DESCRIPTION"]) == (
        "鄂尔多斯市“十四五”生态环境保护规划\n评估 2024-special 的调查研究于 2024-06-20 结束，"
        "应于 2024-07-20 前形成书面评估报告并提交市人民政府（第十九条）"
    )


def test_same_workspace_gives_the_same_file_and_uids(result, ics, tmp_path):
    again = write_calendar(result, tmp_path / "again.ics")
    assert again.read_bytes() == ics.read_bytes()
    assert [str(e["UID"]) for e in _events(again)] == [str(e["UID"]) for e in _events(ics)]


def test_uid_survives_a_date_change(ws, tmp_path):
    """A milestone moved to another day keeps its UID: a re-import moves the event."""
    plan = ws / "decisions/2022-001/plan.toml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("2024-09-30", "2024-10-31"),
                    encoding="utf-8")
    events = _events(write_calendar(checked(ws, AS_OF, calendar_duties), tmp_path / "moved.ics"))
    uid = "2022-001/ordos-2024/6.milestone/m2@decisiontrack"
    moved = next(e for e in events if str(e["UID"]) == uid)
    assert moved.decoded("DTSTART") == date(2024, 10, 31)
    assert len(events) == len(EXPECTED)


def test_renqiu_publication_deadline(tmp_path):
    """任丘第七条: a decided evaluation of a non-secret decision is published within 30 days."""
    from tests.helpers import decision_toml, workspace

    root = workspace(tmp_path / "rq", {
        "decisions/2023-001/decision.toml": decision_toml("2023-001", category="normative"),
        "decisions/2023-001/evaluations/e1/evaluation.toml": (
            'id = "e1"\nkind = "special"\nstarted_on = 2024-01-05\nsubmitted_on = 2024-02-01\n'
            'legality_review_on = 2024-01-20\nexpert_review_on = 2024-01-15\n'
            'decided_on = 2024-03-01\noutcome = "continue"\n'
        ),
    }, profile="renqiu-2023")
    events = _events(write_calendar(checked(root, date(2024, 3, 10), calendar_duties), tmp_path / "rq.ics"))
    published = [e for e in events if "结果公开" in str(e["SUMMARY"])]
    assert [(str(e["SUMMARY"]), e.decoded("DTSTART")) for e in published] == [
        ("【第七条】2023-001 评估 e1 结果公开到期", date(2024, 3, 31))
    ]
    assert str(published[0]["UID"]) == "2023-001/renqiu-2023/7/e1@decisiontrack"


def test_written_lines_round_trip_through_icalendar_and_stay_within_75_octets():
    """The calendar is written line by line: any text comes back as it was (RFC 5545 §3.1, §3.3.11)."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from decisiontrack.export.calendar import Duty, build_calendar

    @settings(max_examples=200, deadline=None)
    @given(st.text(alphabet=st.sampled_from("摘要;,\\\n\r\t:\"aZ9 （）“”、。𠀀"), max_size=120))
    def round_trip(text):
        ics = build_calendar([Duty(date(2024, 1, 8), "u1@decisiontrack", text, text * 2)], text, date(2024, 1, 1))
        assert all(len(line) <= 75 for line in ics.split(b"\r\n"))
        [event] = Calendar.from_ical(ics).walk("VEVENT")
        def lines(value):
            return value.replace("\r\n", "\n").replace("\r", "\n")

        assert str(event["SUMMARY"]) == lines(text)
        assert str(event["DESCRIPTION"]) == lines(text * 2)

    round_trip()
