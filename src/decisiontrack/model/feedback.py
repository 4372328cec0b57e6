"""``feedback/*.toml``: one public opinion each (Ordos 第七条; 任丘第八条)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import model_validator

from decisiontrack.model.common import Day, Record, Withdrawable, optional_text, text_field

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
    "received_at": "收到时间",
    "source": "来源",
}
CHANNEL_ALIASES = {"12345热线": "phone", "12345": "phone", "热线": "phone"}
"""Other names offices use for a channel (电话（12345热线）)."""


class Submitter(Record):
    """Who sent the opinion: personal information, hidden unless asked for."""

    name: str = text_field()
    contact: str = text_field()


class Opinion(Withdrawable):
    """An opinion or suggestion from a citizen, legal person or organisation.

    An imported opinion keeps where it came from (``source = "12345工单.xlsx#7"``: file and row)
    and, when the file has it, the full time it was received (``received_at``).
    """

    received_on: Day
    channel: Channel
    stance: Stance
    summary: str = text_field()
    submitter: Submitter | None = None
    received_at: datetime | None = None
    source: str = optional_text()

    @model_validator(mode="after")
    def _same_day(self) -> Opinion:
        if self.received_at is not None and self.received_at.date() != self.received_on:
            raise ValueError(f"收到时间 received_at（{self.received_at}）与收到日期 received_on（{self.received_on}）"
                             "不是同一天，请检查")
        return self
