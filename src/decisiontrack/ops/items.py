"""Dated items given on the command line (``日期:事项``) and closing them in a file.

Milestones (第六条) and rectification items (第十条) are both written ``2024-06-30:事项`` and
both closed by setting ``done_on`` on the item with a given id.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from decisiontrack.errors import UserError


def parse_dated_item(text: str, option: str, example: str) -> tuple[date, str]:
    """``2024-06-30:完成年度调查`` → (date, text); the error names the option and an example."""
    due_text, _, item = text.partition(":")
    try:
        return date.fromisoformat(due_text.strip()), item.strip()
    except ValueError:
        raise UserError(f"{option} “{text}” 无效：应写成 日期:事项，如 {example}，且日期必须真实存在") from None


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
