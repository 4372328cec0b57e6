"""Shared pieces of every record: the base class, id and date types, labels.

Records are strict about what the SPEC fixes (vocabularies, real dates, ids) and keep
unknown keys (``extra="allow"``) so that users may annotate their files.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

ID_PATTERN = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$")


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
    """Base of every file's model: strict types, unknown keys kept in ``model_extra``."""

    model_config = ConfigDict(extra="allow", strict=True, validate_assignment=True, populate_by_name=True)


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
