"""Cell values as offices type them: dates in every spelling, Chinese labels, yes/no marks.

Each parser returns the value or raises ``ValueError`` with a Chinese message; the caller adds the
cell's place. Text is NFKC-normalised first, so full-width digits and punctuation (``２０２２．１２．２０``)
read like half-width ones.

Example::

    >>> parse_date("2021年7月1日"), parse_date("2022.12.20"), parse_date("2023/6/15")
    (datetime.date(2021, 7, 1), datetime.date(2022, 12, 20), datetime.date(2023, 6, 15))
"""

from __future__ import annotations

import functools
import re
import unicodedata
from datetime import date, datetime, time

DATE_HINT = "请写成 2022-12-20、2022.12.20、2022/12/20 或 2022年12月20日，或设为日期格式的单元格"

_DATE = re.compile(
    r"^(\d{4})\s*(?:[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?|(\d{2})(\d{2}))"
    r"(?:(?:\s+|T)(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2})秒?)?分?)?$"
)
_YES = {"是", "有", "√", "✓", "✔", "y", "yes", "true", "1", "属于"}
_NO = {"否", "无", "×", "✗", "n", "no", "false", "0", "不属于", "-", "/"}


def clean(value) -> str:
    """A cell as text: NFKC, trimmed; numbers without a spurious ``.0``; empty for None."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unicodedata.normalize("NFKC", str(value)).strip()


def text(value) -> str:
    """A text cell, keeping the officer's characters (only trimmed; line breaks kept)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date() if value.time() == time() else value
    return str(value).strip()


def parse_moment(value) -> tuple[date, datetime | None]:
    """A date, and the full time when the cell has one (``2024-03-15 09:30`` or a date-time cell)."""
    if isinstance(value, datetime):
        return value.date(), (None if value.time() == time() else value.replace(microsecond=0))
    if isinstance(value, date):
        return value, None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = clean(value)
        if not re.fullmatch(r"\d{8}", number):
            raise ValueError(f"“{number}”是数字，不是日期；{DATE_HINT}")
        value = number
    written = clean(value)
    match = _DATE.match(written)
    if not match:
        raise ValueError(f"无法识别的日期“{written}”；{DATE_HINT}")
    year = int(match.group(1))
    month, day = next((match.group(i), match.group(i + 1)) for i in (2, 4, 6) if match.group(i))
    try:
        found = date(year, int(month), int(day))
    except ValueError:
        raise ValueError(f"日期“{written}”不存在（没有这一天）；请改为真实的日期") from None
    if match.group(8) is None:
        return found, None
    try:
        moment = time(int(match.group(8)), int(match.group(9)), int(match.group(10) or 0))
    except ValueError:
        raise ValueError(f"时间“{written}”不存在；请写成 2024-03-15 09:30") from None
    return found, datetime.combine(found, moment)


def parse_date(value) -> date:
    """A date in any of the spellings offices use, or an Excel date cell."""
    return parse_moment(value)[0]


def parse_choice(value, labels: dict[str, str], what: str, aliases: dict[str, str] | None = None) -> str:
    """The key of a vocabulary from its Chinese label, its key, or a documented alias.

    Read as every option reads a choice (``vocabulary.lookup``); a label starting with 重大 may also
    be written without it (``政策`` for 重大政策).
    """
    from decisiontrack.vocabulary import lookup

    written = clean(value)
    found = lookup(written, labels, {**_without_prefix(tuple(labels.items())), **(aliases or {})})
    if found is None:
        raise ValueError(f"{what}“{written}”无法识别；可写：{'、'.join(labels.values())}")
    return found


@functools.lru_cache(maxsize=16)
def _without_prefix(labels: tuple) -> dict[str, str]:
    """``政策`` for 重大政策: the labels starting with 重大, without it."""
    return {label[2:]: key for key, label in labels if label.startswith("重大")}


def parse_yes_no(value, what: str) -> bool:
    """是/否, √/×, Y/N; empty is no."""
    written = clean(value).lower()
    if written in _YES:
        return True
    if written in _NO or not written:
        return False
    raise ValueError(f"{what}“{written}”无法识别；请写“是”或“否”")
