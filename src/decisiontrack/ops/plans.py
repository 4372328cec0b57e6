"""Change a tracking plan (第六条) after it was made: move a milestone, add one, edit the rest.

A moved milestone keeps its history: ``[[milestones.moves]]`` records from, to, on which day and
why, so the plan shows it as moved and ``check --as-of`` a day before the move still sees the old
date (``Milestone.due_on``).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from decisiontrack.errors import UserError
from decisiontrack.model.plan import FIELD_LABELS, TrackingPlan
from decisiontrack.ops.change import Change, writes
from decisiontrack.ops.decisions import parse_milestone, parse_person
from decisiontrack.ops.fields import append_table, apply_fields, changed_labels, refuse_fields
from decisiontrack.ops.folders import decision_dir
from decisiontrack.store.loader import DECISIONS
from decisiontrack.store.records import edit_record


def _plan(root: Path, decision_id: str) -> tuple[Path, str]:
    path = decision_dir(root, decision_id) / "plan.toml"
    if not path.is_file():
        raise UserError(f"决策 {decision_id} 还没有跟踪反馈工作方案；请先运行 decisiontrack plan create {decision_id}")
    return path, f"{DECISIONS}/{decision_id}/plan.toml"


def _milestone(document, milestone_id: str, shown: str):
    milestones = document.get("milestones", [])
    for item in milestones:
        if item.get("id") == milestone_id:
            return item
    known = "、".join(str(i.get("id")) for i in milestones) or "无"
    raise UserError(f"{shown} 中没有时间节点 {milestone_id}（已有：{known}）")


@writes
def move_milestone(root: Path, decision_id: str, milestone_id: str, due: date, reason: str, on: date) -> Change:
    """Give an open milestone a new date, appending ``{from, to, on, reason}`` to its ``moves``."""
    path, shown = _plan(root, decision_id)
    if not reason.strip():
        raise UserError("--reason：请写明调整时间节点的原因（留作审计记录）")
    moved: dict = {}

    def change(document) -> None:
        item = _milestone(document, milestone_id, shown)
        if item.get("done_on") is not None:
            raise UserError(f"时间节点 {milestone_id} 已于 {item['done_on']} 完成，不能再调整")
        old = item["due"]
        if old == due:
            raise UserError(f"时间节点 {milestone_id} 的期限已是 {due}")
        last = max((m["on"] for m in item.get("moves", [])), default=None)
        if last is not None and on < last:
            raise UserError(f"--on：{on} 早于该时间节点上一次调整的日期 {last}")
        append_table(item, "moves", {"from": old, "to": due, "on": on, "reason": reason.strip()})
        item["due"] = due
        moved["from"] = old

    edit_record(path, shown, TrackingPlan, change)
    return Change("plan move", decision_id, f"{milestone_id} 由 {moved['from']} 调至 {due}（{reason.strip()}）")


def _next_number(ids: list[str]) -> int:
    numbers = [int(match.group(1)) for i in ids if (match := re.fullmatch(r"m(\d+)", i))]
    return max(numbers, default=0) + 1


@writes
def add_milestones(root: Path, decision_id: str, milestones: list[str]) -> Change:
    """Append milestones (``2024-06-30:完成年度调查``) with the next free ids ``m<N>``."""
    path, shown = _plan(root, decision_id)
    if not milestones:
        raise UserError("缺少 --milestone：写成 日期:事项，如 2024-06-30:完成年度调查，可重复")
    added: list[str] = []

    def change(document) -> None:
        ids = [str(item.get("id")) for item in document.get("milestones", [])]
        number = _next_number(ids)
        for text in milestones:
            milestone = parse_milestone(text, number)
            append_table(document, "milestones", {"id": milestone.id, "title": milestone.title, "due": milestone.due})
            added.append(f"{milestone.id}（{milestone.due}）")
            number += 1

    edit_record(path, shown, TrackingPlan, change)
    return Change("plan add-milestone", decision_id, "、".join(added))


SETTABLE = {key: label for key, label in FIELD_LABELS.items() if key != "milestones"}


@writes
def set_plan(root: Path, decision_id: str, fields: dict, people: list[str] | None = None) -> tuple[TrackingPlan, Change]:
    """Change fields of plan.toml in place; ``people`` (``姓名:职务:联系方式``) replace the list when given.

    Milestones have their own commands (``plan add-milestone``, ``plan move``, ``plan done``).
    """
    path, shown = _plan(root, decision_id)
    if people is not None:
        fields = {**fields, "people": [{k: v for k, v in parse_person(text).items() if v} for text in people]}
    refuse_fields(fields, SETTABLE, {"milestones": "plan add-milestone / plan move"}, "跟踪反馈工作方案")
    changed: list[str] = []

    def change(document) -> None:
        changed.extend(apply_fields(document, fields, TrackingPlan))

    plan = edit_record(path, shown, TrackingPlan, change)
    return plan, Change("plan set", decision_id, changed_labels(changed, FIELD_LABELS))
