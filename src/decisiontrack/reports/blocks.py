"""Prefilled blocks as Markdown: each between ``<!-- 预填：… -->`` and ``<!-- /预填 -->``.

The markers let lint tell the facts the tool wrote from the text the officer wrote: a section
holding only prefilled facts is still unfinished.
"""

from __future__ import annotations

from collections.abc import Callable

from decisiontrack.errors import UserError
from decisiontrack.model.evaluation import Evaluation
from decisiontrack.model.folder import DecisionFolder
from decisiontrack.profiles.model import Profile
from decisiontrack.reports import prefill
from decisiontrack.reports.prefill import Table

OPEN = "<!-- 预填："
CLOSE = "<!-- /预填 -->"


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|") or "—"


def table_markdown(table: Table) -> str:
    """A Markdown table with its caption and notes, fenced by the prefill markers."""
    lines = [f"{OPEN}{table.caption}，来自 {table.source}；请核对，可删改 -->", ""]
    lines += [f"{table.caption}：", ""]
    if table.rows:
        lines.append("| " + " | ".join(table.headers) + " |")
        lines.append("|" + "|".join(" --- " for _ in table.headers) + "|")
        lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in table.rows]
        lines.append("")
    lines += [*(f"- {note}" for note in table.notes), ""] if table.notes else []
    lines.append(CLOSE)
    return "\n".join(lines)


def builders(
    folder: DecisionFolder | None,
    evaluation: Evaluation | None,
    profile: Profile,
    extra: dict[str, Callable[[], Table]] | None = None,
) -> dict[str, Callable[[], Table]]:
    """Every block a template section may name in ``prefill`` (``extra``: blocks of one document,
    such as the inspection of a 督查报告 or the list of an annual plan)."""
    if folder is None:
        return dict(extra or {})
    found: dict[str, Callable[[], Table]] = {
        "decision": lambda: prefill.decision_facts(folder),
        "plan": lambda: prefill.plan_facts(folder),
        "opinions": lambda: prefill.opinion_facts(folder),
        "events": lambda: prefill.event_facts(folder),
        "inspections": lambda: prefill.inspection_facts(folder),
        "indicators": lambda: prefill.indicator_facts(folder),
    }
    if evaluation is not None:
        found["evaluation"] = lambda: prefill.evaluation_facts(evaluation)
        found["triggers"] = lambda: prefill.trigger_facts(folder, evaluation, profile)
    return {**found, **(extra or {})}


def block(name: str, known: dict[str, Callable[[], Table]]) -> str:
    """The Markdown of one named block; an unknown name is a profile error."""
    if name not in known:
        raise UserError(f"报告模板的 prefill “{name}” 无效，可用：{'、'.join(known)}")
    return table_markdown(known[name]())
