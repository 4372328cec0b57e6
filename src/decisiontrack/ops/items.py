"""Dated items given on the command line (``日期:事项``) and closing them in a file.

Milestones (第六条) and rectification items (第十条) are both written ``2024-06-30:事项`` and
both closed by setting ``done_on`` on the item with a given id.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from decisiontrack.dates import parse_day
from decisiontrack.errors import UserError, printable

_DATED_ITEM = re.compile(r"([^:：]*)[:：]?(.*)", re.S)
"""``日期:事项``; the colon may be full-width, as a Chinese input method types it."""


def parse_dated_item(text: str, option: str, example: str) -> tuple[date, str]:
    """``2024-06-30:完成年度调查`` → (date, text); the error names the option and an example."""
    due_text, item = _DATED_ITEM.match(text).groups()
    try:
        return parse_day(due_text), item.strip()
    except ValueError:
        raise UserError(f"{option} “{printable(text)}” 无效：应写成 日期:事项，如 {example}，"
                        "日期格式为 YYYY-MM-DD 且必须真实存在") from None


def close_item(items: list[Any], item_id: str, on: date, what: str, shown: str) -> Any:
    """Set ``done_on`` of the item with ``item_id`` in a tomlkit array of tables; return it."""
    for item in items:
        if item.get("id") == item_id:
            if item.get("done_on") is not None:
                raise UserError(f"{what} {item_id} 已于 {item['done_on']} 完成")
            item["done_on"] = on
            return item
    known = "、".join(str(i.get("id")) for i in items) or "无"
    raise UserError(f"{shown} 中没有{what} {item_id}（已有：{known}）")
