"""``decision status``: carry out what became of a decision (第二十条; 任丘第三十一条).

The decision organ decides to continue, suspend, stop or amend a decision; the decision's own
record must then say so, from the day it took effect, so that ``check --as-of`` sees each day as
it was. The status is given as a code, its Chinese label, or the text's own word (停止执行,
修改, 废止 …), which the profile's ``[status_words]`` maps to a status.

Example: ``decision status 2023-001 停止执行 --on 2024-06-20 --by-evaluation 2024-final``
writes ``status = "terminated"``, ``status_since = 2024-06-20`` and appends
``[[status_history]]`` (status, since, evaluation).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from decisiontrack.errors import UserError
from decisiontrack.model.decision import STATUS_LABELS, Decision
from decisiontrack.ops.change import Change, writes
from decisiontrack.ops.evaluations import open_evaluation, open_with_profile
from decisiontrack.ops.evidence import keep_evidence
from decisiontrack.ops.fields import append_table, apply_fields
from decisiontrack.profiles.model import Profile
from decisiontrack.store.records import edit_record
from decisiontrack.vocabulary import listing, lookup


def parse_status(profile: Profile, text: str) -> str:
    """A status from its code, its label (终止执行) or a word of the profile's text (停止执行、废止)."""
    status = lookup(text, STATUS_LABELS, profile.status_words)
    if status is None:
        words = "、".join(f"{word}→{STATUS_LABELS[status]}" for word, status in profile.status_words.items())
        raise UserError(f"状态“{text}”无效：可写 {listing(STATUS_LABELS)}"
                        + (f"，或办法 {profile.name} 的用语（{words}）" if words else ""))
    return status


def _check_evaluation(opened, evaluation_id: str, status: str, on: date) -> None:
    """The evaluation was decided, before ``on``, with an outcome this status carries out."""
    found = open_evaluation(opened, evaluation_id)
    e = found.evaluation
    decision = opened.folder.decision
    if e.decided_on is None:
        raise UserError(f"--by-evaluation：评估 {evaluation_id} 尚未作出决定；"
                        f"请先运行 decisiontrack evaluation decide {decision.id} {evaluation_id}")
    if on < e.decided_on:
        raise UserError(f"--on：{on} 早于评估 {evaluation_id} 作出决定的日期 {e.decided_on}")
    expected = opened.profile.status_for_outcome(decision.category, e.outcome)
    if expected is not None and expected != status:
        label = opened.profile.outcomes_for(decision.category).get(e.outcome, e.outcome)
        raise UserError(f"评估 {evaluation_id} 的决定是“{label}”，对应状态 {expected}（{STATUS_LABELS[expected]}），"
                        f"与所给的 {status}（{STATUS_LABELS[status]}）不符")


@writes
def change_status(root: Path, decision_id: str, status_text: str, on: date, *, evaluation: str = "",
                  basis: str = "", evidence: list[Path] | None = None) -> tuple[Decision, Change]:
    """Write ``status`` and ``status_since`` and append ``[[status_history]]`` (with any evidence)."""
    opened = open_with_profile(root, decision_id)
    decision = opened.folder.decision
    status = parse_status(opened.profile, status_text)
    if decision.status == status:
        since = f"（自 {decision.status_since} 起）" if decision.status_since else ""
        raise UserError(f"决策 {decision_id} 的状态已是{STATUS_LABELS[status]}{since}")
    if decision.status_since is not None and on < decision.status_since:
        raise UserError(f"--on：{on} 早于当前状态{STATUS_LABELS[decision.status]}的起始日期 {decision.status_since}")
    if on < decision.adopted_on:
        raise UserError(f"--on：{on} 早于作出决策的日期 {decision.adopted_on}")
    if evaluation:
        _check_evaluation(opened, evaluation, status, on)
    folder = root / opened.folder.path
    kept = keep_evidence(evidence or [], folder)

    def change(document) -> None:
        recorded = {(c.since, c.status) for c in decision.status_history}
        if decision.status_since is not None and (decision.status_since, decision.status) not in recorded:
            append_table(document, "status_history", {"status": decision.status, "since": decision.status_since})
        apply_fields(document, {"status": status, "status_since": on}, Decision)
        append_table(document, "status_history",
                     {"status": status, "since": on, "basis": basis, "evaluation": evaluation, "evidence": kept})

    updated = edit_record(folder / "decision.toml", opened.folder.decision_path, Decision, change)
    grounds = f"，依据评估 {evaluation}" if evaluation else ""
    grounds += f"，{basis}" if basis else ""
    return updated, Change("decision status", decision_id, f"{STATUS_LABELS[status]}（{on}{grounds}）")
