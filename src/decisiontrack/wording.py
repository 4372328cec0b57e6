"""The words an official document uses for dates and periods, never the file's ISO forms.

A 公文 writes ``2025年3月3日`` (no leading zeros, GB/T 9704-2012 7.3.5), a half-year as
``2025年下半年``; ``2025-03-03`` and ``2025-H2`` are how the records store them. Reports,
the renderer and the brief all take their wording from here.
"""

from __future__ import annotations

import re
from datetime import date

ISO_DATE = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")
_PERIOD = re.compile(r"^(\d{4})(?:-(H[12]|Q[1-4]|\d{2}))?$")
_HALVES = {"H1": "上半年", "H2": "下半年"}
_QUARTERS = {"Q1": "第一季度", "Q2": "第二季度", "Q3": "第三季度", "Q4": "第四季度"}


def chinese_date(day: date) -> str:
    """``2024年1月8日``: the 公文 form, without leading zeros."""
    return f"{day.year}年{day.month}月{day.day}日"


def chinese_dates_in(text: str) -> str:
    """Every ISO date inside ``text`` written the 公文 way (impossible dates are left alone)."""

    def word(match: re.Match) -> str:
        try:
            return chinese_date(date(*(int(part) for part in match.groups())))
        except ValueError:
            return match.group(0)

    return ISO_DATE.sub(word, text)


def period_words(period: str) -> str:
    """``2025-H2`` → 2025年下半年, ``2025-Q3`` → 2025年第三季度, ``2025-05`` → 2025年5月, ``2025`` → 2025年."""
    match = _PERIOD.match(period)
    if not match:
        return period
    year, part = match.groups()
    if part is None:
        return f"{year}年"
    if part in _HALVES:
        return f"{year}年{_HALVES[part]}"
    if part in _QUARTERS:
        return f"{year}年{_QUARTERS[part]}"
    return f"{year}年{int(part)}月"


def official_words(message: str) -> str:
    """A rule's message in a 公文's words: Chinese dates, no trailing article in brackets."""
    return nested_quotes(strip_article(chinese_dates_in(message)))


def nested_quotes(text: str) -> str:
    """Quotation marks inside quotation marks as single ones (GB/T 15834-2011《标点符号用法》，引号).

    A milestone “完成“一湖两河”综合治理” quoted by a message becomes “完成‘一湖两河’综合治理”.
    A “ opens when it comes first or after an opening one; a ” closes the innermost.
    """
    out, depth = [], 0
    for char in text:
        if char == "“":
            out.append("“" if depth % 2 == 0 else "‘")
            depth += 1
        elif char == "”" and depth:
            depth -= 1
            out.append("”" if depth % 2 == 0 else "’")
        else:
            out.append(char)
    return "".join(out)


def strip_article(message: str) -> str:
    """Drop a trailing ``（第…条…）`` (the article has a column of its own)."""
    if not message.endswith("）"):
        return message
    depth = 0
    for index in range(len(message) - 1, -1, -1):
        depth += {"）": 1, "（": -1}.get(message[index], 0)
        if depth == 0:
            return message[:index].rstrip() if message[index + 1 :].startswith("第") else message
    return message


_IDENTIFIER = re.compile(r"\s*(?<![\w-])(?:[mr]\d+|\d{8}-[a-z][a-z-]*-[0-9a-f]+|\d{4}-[a-z][a-z-]*)(?![\w-])\s*")
_CJK_SPACE = re.compile(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])")


def plain_words(message: str) -> str:
    """A finding's message for a reader of no records: 公文 dates, no ids, no article.

    Record ids (milestone ``m3``, rectification ``r1``, evaluation ``2024-special``, event and
    inspection file names) mean nothing on paper; the article has a column of its own.
    """
    text = _IDENTIFIER.sub(" ", chinese_dates_in(message))
    text = _CJK_SPACE.sub("", text).replace("（）", "").replace("()", "")
    return nested_quotes(strip_article(text.strip()))
