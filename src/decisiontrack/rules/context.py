"""What a predicate sees: one decision, the day, and the resolved parameters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from decisiontrack.model.folder import DecisionFolder


@dataclass(frozen=True)
class Context:
    """One decision on one day under one profile's parameters."""

    folder: DecisionFolder
    as_of: date
    parameters: dict[str, Any]
    due_soon_days: int
    outcome_labels: dict[str, str]

    @property
    def decision(self):
        return self.folder.decision


def resolve(params: dict[str, Any], parameters: dict[str, Any]) -> dict[str, Any]:
    """Replace ``"$name"`` values by the profile's (or workspace's) parameter of that name."""
    return {
        key: parameters[value[1:]] if isinstance(value, str) and value.startswith("$") else value
        for key, value in params.items()
    }


def applies_to(decision, params: dict[str, Any]) -> bool:
    """The common filters: ``categories`` (any of) and ``flags`` (any true), ``in_force_only``."""
    categories = params.get("categories")
    flags = params.get("flags")
    if params.get("in_force_only", False) and decision.status != "in-force":
        return False
    by_category = categories is not None and decision.category in categories
    by_flag = flags is not None and any(getattr(decision, flag, False) for flag in flags)
    if categories is None and flags is None:
        return True
    return by_category or by_flag
