"""Front matter of ``progress/<period>.md``: a tracking-feedback report (第八条)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from decisiontrack.model.common import Day, Record, RequiredText, text_field


class Indicator(Record):
    """A measured indicator: target and actual may be numbers or short texts."""

    name: RequiredText
    unit: str = text_field()
    target: int | float | str | None = None
    actual: int | float | str | None = None


class ProgressReport(Record):
    """第八条: 工作进展、执行效果、存在问题和解决建议、下一步工作安排.

    ``title``, ``issuer`` (落款单位) and ``classification``: what ``render`` prints
    around the body.
    """

    period: str = Field(min_length=1, max_length=32)
    submitted_on: Day
    progress_percent: int | float | None = Field(default=None, ge=0, le=100)
    on_track: bool | None = None
    indicators: list[Indicator] = Field(default_factory=list)
    title: str = text_field()
    issuer: str = text_field()
    classification: Literal["public", "internal", "secret"] = "public"
