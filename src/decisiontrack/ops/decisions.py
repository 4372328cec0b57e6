"""Register decisions and their tracking plans (第六条)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from decisiontrack.errors import UserError
from decisiontrack.model.decision import Decision
from decisiontrack.model.plan import TrackingPlan
from decisiontrack.ops.change import Change, build, writes
from decisiontrack.ops.folders import decision_dir, safe_id
from decisiontrack.ops.items import close_item, parse_dated_item
from decisiontrack.ops.secrecy import secret_text_allowed, withhold_secret_text
from decisiontrack.store.loader import DECISIONS
from decisiontrack.store.records import create_record, edit_record


def next_decision_id(root: Path, year: int) -> str:
    """``<year of adoption>-<NNN>``, the next free number of that year (SPEC §2)."""
    pattern = re.compile(rf"^{year}-(\d{{3,}})$")
    numbers = [0]
    folder = root / DECISIONS
    if folder.is_dir():
        for child in folder.iterdir():
            match = pattern.match(child.name)
            if match:
                numbers.append(int(match.group(1)))
    return f"{year}-{max(numbers) + 1:03d}"


@writes
def add_decision(root: Path, fields: dict, *, force: bool = False) -> tuple[Decision, Change]:
    """Write ``decisions/<id>/decision.toml``; the id defaults to the next free number."""
    if fields.get("id") is None:
        adopted = fields.get("adopted_on")
        if not isinstance(adopted, date):
            raise UserError("缺少 --adopted-on，无法生成默认编号")
        fields = {**fields, "id": next_decision_id(root, adopted.year)}
    safe_id(fields["id"], "--id")
    fields = dict(fields)
    notice = withhold_secret_text(fields["id"], fields, allowed=secret_text_allowed(root))
    decision = build(Decision, fields)
    path = root / DECISIONS / decision.id / "decision.toml"
    if path.exists() and not force:
        raise UserError(f"决策 {decision.id} 已存在（{DECISIONS}/{decision.id}/decision.toml）；"
                        "换一个 --id，或加 --force 覆盖")
    create_record(path, decision, force=force)
    return decision, Change("decision add", decision.id, decision.title, notes=[notice] if notice else [])


def parse_milestone(text: str, index: int) -> dict:
    """``2024-06-30:完成年度调查`` → the fields of milestone ``m<index>``."""
    due, title = parse_dated_item(text, "--milestone", "2024-06-30:完成年度调查")
    return {"id": f"m{index}", "title": title, "due": due}


def parse_person(text: str) -> dict:
    """``王某:科长:13900000000`` → name, role, contact."""
    name, role, contact = ([*text.split(":", 2), "", ""])[:3]
    if not name.strip():
        raise UserError(f"--person “{text}” 无效：应写成 姓名:职务:联系方式")
    return {"name": name.strip(), "role": role.strip(), "contact": contact.strip()}


@writes
def create_plan(root: Path, decision_id: str, fields: dict, milestones: list[str],
                people: list[str], *, force: bool = False) -> tuple[TrackingPlan, Change]:
    """Write ``plan.toml`` (第六条: 责任机构和责任人员、时间节点、方法步骤)."""
    folder = decision_dir(root, decision_id)
    path = folder / "plan.toml"
    if path.exists() and not force:
        raise UserError(f"{DECISIONS}/{decision_id}/plan.toml 已存在；要修改请直接编辑该文件，或加 --force 重写")
    data = {
        **fields,
        "milestones": [parse_milestone(text, i) for i, text in enumerate(milestones, 1)],
        "people": [parse_person(text) for text in people],
    }
    plan = build(TrackingPlan, data, {"milestones": "--milestone", "people": "--person"})
    create_record(path, plan, force=force)
    return plan, Change("plan create", decision_id, f"跟踪反馈工作方案（{len(plan.milestones)}个时间节点）")


@writes
def close_milestone(root: Path, decision_id: str, milestone_id: str, on: date) -> Change:
    """Set ``done_on`` of a milestone, keeping the file's comments and unknown keys."""
    folder = decision_dir(root, decision_id)
    path = folder / "plan.toml"
    shown = f"{DECISIONS}/{decision_id}/plan.toml"
    if not path.is_file():
        raise UserError(f"决策 {decision_id} 还没有跟踪反馈工作方案；请先运行 decisiontrack plan create {decision_id}")

    def change(document) -> None:
        close_item(document.get("milestones", []), milestone_id, on, "时间节点", shown)

    edit_record(path, shown, TrackingPlan, change)
    return Change("plan done", decision_id, f"时间节点 {milestone_id} 于 {on} 完成")
