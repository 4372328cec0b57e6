"""``feedback/*.toml``: one public opinion each (Ordos 第七条; 任丘第八条)."""

from __future__ import annotations

from typing import Literal

from decisiontrack.model.common import Day, Record, Withdrawable, text_field

Channel = Literal["letter", "phone", "fax", "email", "online", "telegram", "visit", "meeting", "wechat"]
Stance = Literal["support", "oppose", "suggestion", "neutral"]

CHANNEL_LABELS: dict[str, str] = {
    "letter": "信函",
    "phone": "电话",
    "fax": "传真",
    "email": "电子邮件",
    "online": "网上",
    "telegram": "电报",
    "visit": "来访",
    "meeting": "座谈会",
    "wechat": "微信",
}
STANCE_LABELS: dict[str, str] = {
    "support": "支持",
    "oppose": "反对",
    "suggestion": "建议",
    "neutral": "中立",
}

FIELD_LABELS: dict[str, str] = {
    "received_on": "收到日期",
    "channel": "渠道",
    "stance": "态度",
    "summary": "意见摘要",
    "submitter": "提出人",
    "submitter.name": "提出人姓名",
    "submitter.contact": "提出人联系方式",
    "withdrawn_on": "撤回日期",
    "withdrawn_reason": "撤回原因",
}
CHANNEL_ALIASES = {"12345热线": "phone", "12345": "phone", "热线": "phone"}
"""Other names offices use for a channel (电话（12345热线）)."""


class Submitter(Record):
    """Who sent the opinion: personal information, hidden unless asked for."""

    name: str = text_field()
    contact: str = text_field()


class Opinion(Withdrawable):
    """An opinion or suggestion from a citizen, legal person or organisation."""

    received_on: Day
    channel: Channel
    stance: Stance
    summary: str = text_field()
    submitter: Submitter | None = None
