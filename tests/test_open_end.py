"""Any date Python can hold works (issue 10, item 3): ``9999-12-31`` is open-ended everywhere.

``effective_until = 9999-12-31`` is how offices write "no end". It once killed ``check``,
``status``, ``decision show`` and both exports with an OverflowError; the cron check went
silently dead. Each view is run here on such a workspace, on an ordinary day and on the last day
the calendar has, and hypothesis throws the calendar's ends at every date field.
"""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import decision_toml, run, workspace

OPEN = "9999-12-31"
PLAN = f"""\
responsible_unit = "市发展和改革委员会规划科"
progress_report_every_months = 6
[[milestones]]
id = "m1"
title = "长期跟踪"
due = {OPEN}
"""
EVENT = f'kind = "problem"\noccurred_on = {OPEN}\n'
EVALUATION = f"""\
id = "9999-special"
kind = "special"
addresses = ["ordos-2024/11.1"]
started_on = 9999-12-30
research_completed_on = {OPEN}
"""
PROGRESS = '+++\nperiod = "2024-H1"\nsubmitted_on = 2024-07-10\n+++\n## 一、工作进展\n'
INSPECTION = f"""\
conducted_on = 2024-05-10
method = "onsite"
[[rectifications]]
id = "r1"
item = "长期整改"
due = {OPEN}
"""


@pytest.fixture
def open_ended(tmp_path):
    """One decision of each category running until 9999-12-31, with records dated on that day."""
    files = {}
    for number, category in enumerate(("plan", "policy", "reform", "project", "normative", "other"), 1):
        decision_id = f"2024-{number:03d}"
        files[f"decisions/{decision_id}/decision.toml"] = decision_toml(
            id=decision_id, category=category, effective_from="2024-01-01", effective_until=OPEN,
            extra="public_concern = true\ncontinue_intended = true\n")
    base = "decisions/2024-001"
    files.update({
        f"{base}/plan.toml": PLAN,
        f"{base}/events/99991231-problem-0a1b.toml": EVENT,
        f"{base}/evaluations/9999-special/evaluation.toml": EVALUATION,
        f"{base}/progress/2024-H1.md": PROGRESS,
        f"{base}/inspections/20240510-onsite-0a1b.toml": INSPECTION,
    })
    return workspace(tmp_path / "ws", files)


DAYS = ["2025-06-30", OPEN]


@pytest.mark.parametrize("as_of", DAYS)
@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
def test_check_runs_on_an_open_ended_workspace(open_ended, as_of, fmt):
    result = run(open_ended, "check", "--as-of", as_of, "--format", fmt, "--fail-on", "never")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""


def test_an_open_end_is_no_end_no_final_evaluation_and_no_midpoint(open_ended):
    """第十二条第（三）、（四）项 count from a real end: 9999-12-31 has none."""
    result = run(open_ended, "check", "--as-of", OPEN, "--format", "json", "--fail-on", "never")
    rules = {finding["rule"] for finding in json.loads(result.stdout)["findings"]}
    assert "ordos-2024/12.3" not in rules and "ordos-2024/12.4" not in rules


def test_deadlines_on_the_last_day_are_clamped_not_overflowing(open_ended):
    """第十九条: one month after research completed on 9999-12-31 is still 9999-12-31."""
    result = run(open_ended, "check", "--as-of", OPEN, "--format", "json", "--fail-on", "never")
    dues = {f["rule"]: f["due"] for f in json.loads(result.stdout)["findings"] if f["decision"] == "2024-001"}
    assert dues["ordos-2024/19"] == OPEN


@pytest.mark.parametrize("as_of", DAYS)
def test_status_runs_on_an_open_ended_workspace(open_ended, as_of):
    result = run(open_ended, "status", "--as-of", as_of)
    assert result.exit_code == 0, result.output
    assert "9999-12-31" in result.stdout


@pytest.mark.parametrize("as_of", DAYS)
def test_decision_show_runs_on_an_open_ended_decision(open_ended, as_of):
    result = run(open_ended, "decision", "show", "2024-001", "--as-of", as_of)
    assert result.exit_code == 0, result.output
    assert "9999-12-31" in result.stdout


@pytest.mark.parametrize("as_of", DAYS)
def test_export_ledger_runs_on_an_open_ended_workspace(open_ended, as_of, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / f"ledger-{as_of}.xlsx"
    result = run(open_ended, "export", "ledger", "-o", str(out), "--as-of", as_of)
    assert result.exit_code == 0, result.output
    sheet = load_workbook(out)["台账"]
    assert [row[9].value.date() for row in sheet.iter_rows(min_row=2)] == [date.max] * 6


@pytest.mark.parametrize("as_of", DAYS)
def test_export_calendar_runs_on_an_open_ended_workspace(open_ended, as_of, tmp_path):
    from icalendar import Calendar

    out = tmp_path / f"calendar-{as_of}.ics"
    result = run(open_ended, "export", "calendar", "-o", str(out), "--as-of", as_of)
    assert result.exit_code == 0, result.output
    events = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    last = [e for e in events if e.decoded("dtstart") == date.max]
    assert last and all(e.decoded("dtend") == date.max for e in last)


def test_export_public_runs_on_an_open_ended_workspace(open_ended, tmp_path):
    result = run(open_ended, "export", "public", str(tmp_path / "public"))
    assert result.exit_code == 0, result.output


def test_validate_warns_on_unlikely_dates_but_not_on_the_open_end(tmp_path):
    root = workspace(tmp_path, {
        "decisions/2024-001/decision.toml": decision_toml(id="2024-001", effective_until=OPEN),
        "decisions/2024-002/decision.toml": decision_toml(id="2024-002", effective_until="2204-12-31"),
        "decisions/2024-003/decision.toml": decision_toml(id="2024-003").replace(
            "adopted_on = 2020-12-01", "adopted_on = 1024-12-01"),
        "decisions/2024-003/events/20240401-problem-0a1b.toml": 'kind = "problem"\noccurred_on = 2401-04-01\n',
    })
    result = run(root, "validate")
    assert result.exit_code == 0
    assert result.stdout == (
        "decisions/2024-002/decision.toml:7: 警告：effective_until 的日期 2204-12-31 晚于 2100 年，"
        "可能是笔误；长期有效的请写 9999-12-31 或不写截止日期\n"
        "decisions/2024-003/decision.toml:5: 警告：adopted_on 的日期 1024-12-01 早于 1949 年，可能是笔误\n"
        "decisions/2024-003/events/20240401-problem-0a1b.toml:2: 警告：occurred_on 的日期 2401-04-01 "
        "晚于 2100 年，可能是笔误\n"
        "校验通过：3 项决策，3 个警告。\n"
    )
    assert run(root, "validate", "--strict").exit_code == 3


extreme = st.one_of(st.just(date.min), st.just(date.max), st.dates(date(9999, 1, 1), date.max),
                    st.dates(date.min, date(1, 12, 31)), st.dates())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(start=extreme, end=extreme, due=extreme, event=extreme, research=extreme, as_of=extreme,
       category=st.sampled_from(["plan", "policy", "reform", "normative"]),
       profile=st.sampled_from(["ordos-2024", "renqiu-2023"]))
def test_no_date_the_calendar_holds_crashes_a_view(tmp_path_factory, start, end, due, event, research, as_of,
                                                   category, profile):
    """Every view computes on the calendar's ends: nothing overflows (check, status, ledger, calendar)."""
    from decisiontrack.checking import EVERYTHING, check_many
    from decisiontrack.export.calendar import build_calendar, calendar_duties, duties
    from decisiontrack.export.ledger import build_ledger, ledger_row
    from decisiontrack.status import status_row

    start, end = min(start, end), max(start, end)
    research = max(research, start)
    root = workspace(tmp_path_factory.mktemp("ws"), {
        "decisions/2024-001/decision.toml": decision_toml(
            id="2024-001", category=category, effective_from=str(start), effective_until=str(end),
            extra="public_concern = true\ncontinue_intended = true\n").replace(
            "adopted_on = 2020-12-01", f"adopted_on = {start}"),
        "decisions/2024-001/plan.toml": PLAN.replace(OPEN, str(due)),
        "decisions/2024-001/events/x.toml": EVENT.replace(OPEN, str(event)),
        "decisions/2024-001/evaluations/e/evaluation.toml": (
            f'id = "e"\nkind = "special"\naddresses = ["ordos-2024/11.1"]\nstarted_on = {start}\n'
            f"research_completed_on = {research}\n"),
    }, profile=profile)
    results = {view: list(check_many([root], as_of, EVERYTHING, view))
               for view in (status_row, ledger_row, calendar_duties)}  # the views are computed in the pass
    for [(_, result)] in results.values():
        assert [p for p in result.errors if "addresses" not in p.message] == []
    build_ledger(results[ledger_row]).save(io.BytesIO())  # a write-only workbook is written out
    build_calendar(duties(results[calendar_duties][0][1]), "日历", as_of)
