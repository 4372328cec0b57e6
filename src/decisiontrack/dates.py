"""Calendar arithmetic that never overflows: any date Python can hold works.

``effective_until = 9999-12-31`` is how offices write "open-ended"; a rule that adds a month or
a grace period to it must not crash the cron check. Every shift is clamped to the calendar's
ends, and :data:`OPEN_END` is read as "no end".
"""

from __future__ import annotations

import re
import unicodedata
from calendar import monthrange
from datetime import MAXYEAR, MINYEAR, date, timedelta

OPEN_END = date.max
"""``9999-12-31``: the common way to write an open-ended period; treated as having no end."""


def shift(day: date, *, years: int = 0, months: int = 0, days: int = 0) -> date:
    """``day`` moved by calendar years and months (1-31 + 1 month = 2-28/29, as dateutil), then days.

    Clamped to ``date.min``/``date.max`` instead of raising OverflowError. The month lengths come
    from the standard library's ``calendar``; a ``relativedelta`` object per call was a tenth of
    ``check``, and a test checks the result equals dateutil's on many random dates.
    """
    if years or months:
        year, month = divmod(day.year * 12 + day.month - 1 + years * 12 + months, 12)
        if not MINYEAR <= year <= MAXYEAR:
            return date.max if (years * 12 + months) > 0 else date.min
        day = date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))
    if not days:
        return day
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


def is_open_end(day: date | None) -> bool:
    """True for an absent end or ``9999-12-31``."""
    return day is None or day == OPEN_END


_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

DAY_FORM = "YYYY-MM-DD，如 2024-01-08"
"""How a date is written on the command line (shown in every message about a bad one)."""


def parse_day(text: str) -> date:
    """A date written ``YYYY-MM-DD`` and nothing else; raises ValueError.

    ``date.fromisoformat`` of Python 3.11 also takes ``20240101`` and ``2024-W01-1``, which a person
    reading the record would not recognise. Full-width digits and dashes, as a Chinese input
    method types them, count as their ASCII forms.
    """
    normal = unicodedata.normalize("NFKC", text).strip()
    if not _ISO_DAY.fullmatch(normal):
        raise ValueError(f"not YYYY-MM-DD: {text!r}")
    return date.fromisoformat(normal)
