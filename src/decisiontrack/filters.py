"""Which decisions a list shows: by undertaking unit, category, status, or text in title and 文号.

Example: ``DecisionFilter(unit="生态环境", status="in-force").matches(decision)`` is true for a
decision in force whose 承办单位 contains 生态环境.
"""

from __future__ import annotations

from dataclasses import dataclass

from decisiontrack.model.decision import Decision


def _normal(text: str) -> str:
    return "".join(text.split()).casefold()


@dataclass(frozen=True)
class DecisionFilter:
    """Every given condition must hold; text conditions match a part, ignoring spaces and case."""

    unit: str | None = None
    category: str | None = None
    status: str | None = None
    search: str | None = None

    def matches(self, decision: Decision) -> bool:
        """True when the decision meets every condition given."""
        if self.unit and _normal(self.unit) not in _normal(decision.undertaking_unit):
            return False
        if self.category and decision.category != self.category:
            return False
        if self.status and decision.status != self.status:
            return False
        if self.search:
            wanted = _normal(self.search)
            return any(wanted in _normal(text) for text in (decision.title, decision.doc_number or "", decision.id))
        return True

    @property
    def active(self) -> bool:
        """True when any condition is given (a list then says how many it left out)."""
        return any((self.unit, self.category, self.status, self.search))
