"""What a rendered 公文 needs besides its body: title, 落款, 密级 and 附注.

Reports carry these in their front matter; a plain Markdown file has none, so each
field falls back to what the body offers (the first ``# `` heading) or to nothing.

- ``classification = "secret"``: the 密级 (``secret_level``: 秘密, 机密 or 绝密; 秘密 when
  absent) and the 保密期限 (``secrecy_term``, e.g. ``"1年"``) on the second line as
  ``秘密★1年`` (GB/T 9704-2012 7.2.2).
- ``classification = "internal"`` is not a 密级: nothing is printed in that place; the
  公开属性 appears as the 附注 （此件不予公开） unless ``note`` says otherwise (7.3.6).
- ``seal = false``: the 落款 of a document without a seal (7.3.5.2); sealed by default (7.3.5.1).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from decisiontrack.errors import UserError
from decisiontrack.wording import chinese_date

__all__ = ["DocumentMeta", "MetaError", "chinese_date", "meta_from_front_matter"]

CLASSIFICATIONS = ("public", "internal", "secret")
SECRET_LEVELS = ("秘密", "机密", "绝密")
INTERNAL_NOTE = "此件不予公开"
_DATE_KEYS = ("issued_on", "submitted_on", "decided_on")
_TEXT_KEYS = ("title", "issuer", "secrecy_term", "note")
_H1 = re.compile(r"^ {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)


class MetaError(UserError):
    """A front-matter value that cannot be used; ``key`` lets the caller find its line."""

    def __init__(self, key: str, message: str):
        super().__init__(message)
        self.key = key


@dataclass(frozen=True)
class DocumentMeta:
    """The parts of a 公文 that sit around the body."""

    title: str = ""
    issuer: str = ""
    issued_on: date | None = None
    classification: str = "public"
    secret_level: str = "秘密"
    secrecy_term: str = ""
    seal: bool = True
    note: str = ""

    @property
    def secret_mark(self) -> str:
        """``秘密★1年`` for a secret document, else nothing (GB/T 9704-2012 7.2.2)."""
        if self.classification != "secret":
            return ""
        return f"{self.secret_level}★{self.secrecy_term}" if self.secrecy_term else self.secret_level


def meta_from_front_matter(data: dict, body: str) -> DocumentMeta:
    """Build the meta from front matter, falling back to the body's first ``# `` heading."""
    from decisiontrack.render.source import CONTROL

    for key in _TEXT_KEYS:
        if key in data and not isinstance(data[key], str | int):
            raise MetaError(key, f"{key} 应为文字，如 {key} = \"…\"")
        if isinstance(data.get(key), str) and CONTROL.search(data[key]):
            raise MetaError(key, f"{key} 中有不可见的控制字符，Word 文件不能容纳：请删去后重试")
    title = str(data.get("title") or "").strip() or _first_h1(body)
    issued_on = None
    for key in _DATE_KEYS:
        if data.get(key):
            issued_on = _as_date(data[key], key)
            break
    classification = str(data.get("classification", "public")).strip() or "public"
    if classification not in CLASSIFICATIONS:
        allowed = "、".join(CLASSIFICATIONS)
        raise MetaError("classification", f"classification 的值“{classification}”无效：只能是 {allowed} 之一")
    level = str(data.get("secret_level") or "秘密").strip()
    if level not in SECRET_LEVELS:
        raise MetaError("secret_level", f"secret_level 的值“{level}”无效：只能是 {'、'.join(SECRET_LEVELS)} 之一")
    seal = data.get("seal", True)
    if not isinstance(seal, bool):
        raise MetaError("seal", f"seal 的值“{seal}”无效：加盖印章写 seal = true，不加盖写 seal = false")
    term = data.get("secrecy_term", "")
    term = f"{term}年" if isinstance(term, int) else str(term).strip()
    note = data.get("note")
    if note is None:
        note = INTERNAL_NOTE if classification == "internal" else ""
    return DocumentMeta(
        title=title,
        issuer=str(data.get("issuer", "") or "").strip(),
        issued_on=issued_on,
        classification=classification,
        secret_level=level,
        secrecy_term=term,
        seal=seal,
        note=str(note).strip().strip("（）()"),
    )


def _first_h1(body: str) -> str:
    match = _H1.search(body)
    return match.group(1).strip() if match else ""


def _as_date(value: object, key: str) -> date:
    """TOML gives dates as ``date``; a quoted ``"2024-01-08"`` is accepted too."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    from decisiontrack.dates import parse_day

    try:
        return parse_day(str(value))  # YYYY-MM-DD only, as on the command line
    except ValueError:
        raise MetaError(key, f"{key} 的日期“{value}”无效：请写成 2024-01-08") from None
