"""What a rule says about a decision on a given day."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from decisiontrack.profiles.model import LEVELS


@dataclass(frozen=True)
class Trigger:
    """What a predicate found: since when, due when, and values for the message.

    ``deadline`` triggers describe a date by which something must be done: the engine turns
    them into ``due-soon`` or ``overdue``. Other triggers are states that hold ``since`` a date.
    ``answerable_from`` is the earliest start of an evaluation that answers the trigger (default
    ``since``; earlier for a period trigger, where early compliance is compliance).
    """

    since: date
    due: date | None = None
    deadline: bool = False
    path: str | None = None
    values: dict = field(default_factory=dict)
    answerable_from: date | None = None


@dataclass(frozen=True)
class Finding:
    """One line of ``check``: SPEC §4 JSON fields."""

    decision: str
    rule: str
    article: str
    level: str
    since: date
    due: date | None
    message: str
    path: str
    settings: dict = field(default_factory=dict, compare=False)
    """Local settings (及时、较多 read as numbers) that gave this finding its date or threshold."""
    task: str = field(default="", compare=False)
    """What is to be done, in a few words (the rule's ``task``), for the leader's brief."""

    def sort_key(self) -> tuple:
        """By level (strongest first), then decision, then rule, then date and text."""
        return (LEVELS.index(self.level), self.decision, _rule_order(self.rule), self.since, self.message)

    def to_json(self) -> dict:
        return {
            "decision": self.decision,
            "rule": self.rule,
            "article": self.article,
            "level": self.level,
            "since": self.since.isoformat(),
            "due": self.due.isoformat() if self.due else None,
            "message": self.message,
            "path": self.path,
            "settings": dict(self.settings),
        }


def _rule_order(rule_id: str) -> tuple:
    """``ordos-2024/12.3`` sorts after ``ordos-2024/9`` (numbers compared as numbers)."""
    short = rule_id.partition("/")[2]
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in short.split("."))
