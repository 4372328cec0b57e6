"""Find a decision or evaluation folder by id, refusing ids that are unknown or unsafe."""

from __future__ import annotations

from pathlib import Path

from decisiontrack.errors import DataError, UserError
from decisiontrack.model.common import check_id
from decisiontrack.model.folder import DecisionFolder
from decisiontrack.store.loader import DECISIONS, load_decision


def safe_id(value: str, what: str) -> str:
    """Check an id given on the command line (no ``../``, no spaces)."""
    try:
        return check_id(value)
    except ValueError as error:
        raise UserError(f"{what}：{error}") from None


def decision_dir(root: Path, decision_id: str) -> Path:
    """The folder of an existing decision; an unknown id is a usage error (exit 2)."""
    safe_id(decision_id, "决策编号")
    folder = root / DECISIONS / decision_id
    if not (folder / "decision.toml").is_file():
        raise UserError(
            f"未知的决策编号 {decision_id}（没有 {DECISIONS}/{decision_id}/decision.toml）；"
            "可运行 decisiontrack decision list 查看已登记的决策"
        )
    return folder


def open_decision(root: Path, decision_id: str, problems: list | None = None) -> DecisionFolder:
    """Load one decision; a broken decision.toml stops the command with its problems.

    Problems of the decision's other files are appended to ``problems`` when given, so that
    the caller can show what loaded and still report what did not.
    """
    decision_dir(root, decision_id)
    found: list = []
    folder = load_decision(root, decision_id, found)
    if folder.decision is None:
        raise DataError([p for p in found if p.severity == "error"])
    if problems is not None:
        problems.extend(found)
    return folder
