"""Shared pieces of every record: the base class, id and date types, labels.

Records are strict about what the SPEC fixes (vocabularies, real dates, ids) and keep
unknown keys (``extra="allow"``) so that users may annotate their files.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo, model_validator
from pydantic_core import PydanticCustomError

ID_PATTERN = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$")

CONTROL_CHARACTER = re.compile(r"\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Characters pasted text must not carry: ANSI escapes, backspace, NUL… (tab and line breaks are fine)."""

_CONTROL_NAMES = {"\x00": "NUL", "\x08": "退格", "\x1b": "ESC，终端颜色等转义序列的开头", "\x7f": "DEL", "\r": "单独的回车"}


def describe_control_character(char: str) -> str:
    """``\\x1b（ESC，终端颜色等转义序列的开头）``: what a user needs to find and delete it."""
    code = f"\\x{ord(char):02x}"
    name = _CONTROL_NAMES.get(char)
    return f"{code}（{name}）" if name else code


TEXT_CHECKED = "text_checked"
"""Validation context key: the record's file text was searched whole (:func:`text_is_clean`)."""


def text_is_clean(text: str) -> bool:
    """True when no value read from this TOML text can hold a control character.

    None is in the text, and without a backslash no escape (``\\b``, ``\\u001b``) can make one.
    One search of the file instead of a walk of every value of every nested record.
    """
    return "\\" not in text and CONTROL_CHARACTER.search(text) is None


def find_control_character(value, at: tuple = ()) -> tuple[tuple, str] | None:
    """The key path and first control character in a string or nested data, if any."""
    if isinstance(value, str):
        match = CONTROL_CHARACTER.search(value)
        return (at, match.group()) if match else None
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        found = find_control_character(item, (*at, key))
        if found:
            return found
    return None


def check_required_text(value: str) -> str:
    """A required text (a title, a unit) may not be empty or only spaces."""
    if not value.strip():
        raise PydanticCustomError("blank_text", "不能为空，也不能只有空格")
    return value


RequiredText = Annotated[str, AfterValidator(check_required_text)]
"""A text the SPEC requires: ``title``, ``undertaking_unit``, ``responsible_unit``, a person's name."""


def check_id(value: str) -> str:
    """Refuse ids that could escape their folder or break git paths (SPEC §2)."""
    if not ID_PATTERN.fullmatch(value) or value in {".", ".."} or ".." in value:
        raise ValueError(
            f"编号“{value}”无效：只能使用字母、数字、“.”“_”“-”，以字母或数字开头，最长64个字符"
        )
    return value


RecordId = Annotated[str, AfterValidator(check_id)]
"""An id of a decision, evaluation, milestone or rectification item."""

Day = Annotated[date, Field(strict=True)]
"""A TOML local date (``2024-01-08``, unquoted); strings are refused."""


class Record(BaseModel):
    """Base of every file's model: strict types, unknown keys kept in ``model_extra``.

    No text of any record, unknown keys included, may hold a control character: pasted from a
    terminal or a web page, an ANSI escape or a backspace would garble every view and break Word.
    The error carries the key path (``ctx["at"]``) so that a file's line or an option can be named.
    """

    model_config = ConfigDict(extra="allow", strict=True, validate_assignment=True, populate_by_name=True)

    @model_validator(mode="before")
    @classmethod
    def _no_control_characters(cls, data, info: ValidationInfo):
        if info.context and info.context.get(TEXT_CHECKED):
            return data  # the loader searched the whole file text once (text_is_clean)
        found = find_control_character(data) if isinstance(data, dict) else None
        if found:
            at, char = found
            raise PydanticCustomError(
                "control_character",
                "含有控制字符 {char}，多半是从终端或网页粘贴带入的；请删除它（只允许制表符和换行）",
                {"char": describe_control_character(char), "at": at},
            )
        return data


def text_field() -> str:
    """A free-text field a person may not have written yet (SPEC §2: optional)."""
    return Field(default="")


OMIT_WHEN_EMPTY = {"omit_when_empty": True}
"""Field metadata: a new record file leaves the key out while it is empty (no noise in every file)."""


def optional_text() -> str:
    """A text field that only some records have (e.g. the reason of a withdrawal)."""
    return Field(default="", json_schema_extra=OMIT_WHEN_EMPTY)


def optional_list():
    """A list that only some records have (e.g. the moves of a milestone)."""
    return Field(default_factory=list, json_schema_extra=OMIT_WHEN_EMPTY)


class Withdrawable(Record):
    """An entry (opinion, event, inspection) that can be withdrawn but stays on disk for the audit trail.

    A withdrawn entry counts for days before ``withdrawn_on`` only, so ``check --as-of`` an
    earlier day still sees it.
    """

    withdrawn_on: Day | None = None
    withdrawn_reason: str = optional_text()

    def counts_on(self, day: date) -> bool:
        """True while the entry is not withdrawn on ``day``."""
        return self.withdrawn_on is None or day < self.withdrawn_on


def check_unique(ids: list[str], what: str) -> None:
    """Raise when two items of a list share an id (milestones, rectification items)."""
    seen: set[str] = set()
    for item_id in ids:
        if item_id in seen:
            raise ValueError(f"{what}编号“{item_id}”重复：同一文件中的编号必须唯一")
        seen.add(item_id)


def check_order(earlier: tuple[str, date | None], later: tuple[str, date | None]) -> None:
    """Raise when a later stage is dated before an earlier one."""
    (first_name, first), (second_name, second) = earlier, later
    if first is not None and second is not None and second < first:
        raise ValueError(f"{second_name}（{second}）早于{first_name}（{first}），请检查日期")
