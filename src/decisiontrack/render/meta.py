"""What a rendered 公文 needs besides its body: title, 落款 and 密级.

Reports carry these in their front matter; a plain Markdown file has none, so each
field falls back to what the body offers (the first ``# `` heading) or to nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from decisiontrack.errors import UserError

CLASSIFICATIONS = ("public", "internal", "secret")
#: The mark printed top-left (GB/T 9704 密级 position) for each non-public level.
CLASSIFICATION_MARKS = {"internal": "内部", "secret": "秘密"}
_DATE_KEYS = ("issued_on", "submitted_on", "decided_on")
_H1 = re.compile(r"^ {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class DocumentMeta:
    """The parts of a 公文 that sit around the body."""

    title: str = ""
    issuer: str = ""
    issued_on: date | None = None
    classification: str = "public"


def meta_from_front_matter(data: dict, body: str) -> DocumentMeta:
    """Build the meta from front matter, falling back to the body's first ``# `` heading."""
    title = str(data.get("title") or "").strip() or _first_h1(body)
    issued_on = None
    for key in _DATE_KEYS:
        if data.get(key):
            issued_on = _as_date(data[key], key)
            break
    classification = str(data.get("classification", "public")).strip() or "public"
    if classification not in CLASSIFICATIONS:
        allowed = "、".join(CLASSIFICATIONS)
        raise UserError(f"classification 的值“{classification}”无效：只能是 {allowed} 之一")
    return DocumentMeta(
        title=title,
        issuer=str(data.get("issuer", "") or "").strip(),
        issued_on=issued_on,
        classification=classification,
    )


def chinese_date(day: date) -> str:
    """Write a date as 公文 do: ``2024年1月8日``, without leading zeros."""
    return f"{day.year}年{day.month}月{day.day}日"


def _first_h1(body: str) -> str:
    match = _H1.search(body)
    return match.group(1).strip() if match else ""


def _as_date(value: object, key: str) -> date:
    """TOML gives dates as ``date``; a quoted ``"2024-01-08"`` is accepted too."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise UserError(f"{key} 的日期“{value}”无效：请写成 2024-01-08") from None
