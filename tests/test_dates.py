"""Calendar arithmetic: dateutil's months, no OverflowError, strict command-line dates."""

from __future__ import annotations

from datetime import date

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from decisiontrack.dates import OPEN_END, is_open_end, parse_day, shift


@given(day=st.dates(min_value=date(1900, 1, 1), max_value=date(9000, 12, 31)),
       years=st.integers(-50, 50), months=st.integers(-600, 600), days=st.integers(-4000, 4000))
def test_shift_equals_dateutil(day, years, months, days):
    """第十九条“一个月内”, 第十二条“满一年”: calendar months as dateutil counts them (1-31 + 1 month = 2-28/29)."""
    assert shift(day, years=years, months=months, days=days) == day + relativedelta(years=years, months=months, days=days)


@pytest.mark.parametrize(("kwargs", "expected"), [
    ({"days": 1}, date.max), ({"months": 1}, date.max), ({"years": 5}, date.max), ({"days": -1}, date(9999, 12, 30)),
])
def test_shift_from_9999_12_31_is_clamped_not_an_overflow(kwargs, expected):
    assert shift(OPEN_END, **kwargs) == expected


def test_shift_below_the_calendar_is_clamped():
    assert shift(date(1, 1, 5), days=-10) == date.min
    assert shift(date(1, 3, 1), months=-5) == date.min


def test_9999_12_31_and_no_end_are_open_ended():
    assert is_open_end(None) and is_open_end(date(9999, 12, 31)) and not is_open_end(date(2099, 12, 31))


@pytest.mark.parametrize("text", ["20240101", "2024-1-8", "2024/01/08", "2024-W01-1", "2024-02-30"])
def test_a_command_line_date_is_yyyy_mm_dd_and_real(text):
    with pytest.raises(ValueError):
        parse_day(text)


def test_full_width_digits_read_as_ascii():
    assert parse_day("２０２４－０１－０８") == date(2024, 1, 8)
