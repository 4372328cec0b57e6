"""Register decisions and their tracking plans (第六条)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from decisiontrack.errors import UserError
from decisiontrack.model.decision import FIELD_LABELS, Decision
from decisiontrack.model.plan import Milestone, TrackingPlan
from decisiontrack.ops.change import Change, build, writes
from decisiontrack.ops.fields import apply_fields, changed_labels, refuse_fields
from decisiontrack.ops.folders import decision_dir, safe_id
from decisiontrack.ops.items import close_item, parse_dated_item
from decisiontrack.ops.secrecy import secret_text_allowed, withhold_secret_text
from decisiontrack.store.loader import DECISIONS
from decisiontrack.store.records import create_record, edit_record

DEFAULT_ID = re.compile(r"^(\d{4})-(\d{3,})$")


def highest_numbers(root: Path) -> dict[int, int]:
    """The highest ``NNN`` of the default ids ``<year>-<NNN>`` in use, by year (one folder scan)."""
    highest: dict[int, int] = {}
    folder = root / DECISIONS
    if folder.is_dir():
        for child in folder.iterdir():
            match = DEFAULT_ID.match(child.name)
            if match:
                year, number = int(match.group(1)), int(match.group(2))
                highest[year] = max(highest.get(year, 0), number)
    return highest


def default_id(year: int, number: int) -> str:
    """``2024-007``: the form of SPEC §2."""
    return f"{year}-{number:03d}"


def next_decision_id(root: Path, year: int) -> str:
    """``<year of adoption>-<NNN>``, the next free number of that year (SPEC §2)."""
    return default_id(year, highest_numbers(root).get(year, 0) + 1)


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


SETTABLE = {key: label for key, label in FIELD_LABELS.items()
            if key not in ("id", "status", "status_since", "status_history")}
"""Fields of decision.toml that ``decision set`` changes; the id and the status have their own commands."""

SET_ELSEWHERE = {"id": "decision rename", "status": "decision status", "status_since": "decision status",
                 "status_history": "decision status"}


@writes
def set_decision(root: Path, decision_id: str, fields: dict) -> tuple[Decision, Change]:
    """Change fields of decision.toml in place (``None`` clears an optional one), validated as a whole.

    Comments and unknown keys stay; a result that would be invalid (an ``effective_until`` before
    ``effective_from``) is refused with the file untouched. Values equal to the old ones write
    nothing; the summary names the fields changed (``名称、有效期至``).
    """
    folder = decision_dir(root, decision_id)
    refuse_fields(fields, SETTABLE, SET_ELSEWHERE, "决策")
    changed: list[str] = []
    notes: list[str] = []
    allowed = secret_text_allowed(root)

    def change(document) -> None:
        changed.extend(apply_fields(document, fields, Decision))
        notice = withhold_secret_text(decision_id, document, allowed=allowed)  # a secret decision keeps no text
        if notice:
            notes.append(f"{notice}。此前的提交中仍有原来的文字，如须从 git 历史中清除，请由仓库管理员处理")

    shown = f"{DECISIONS}/{decision_id}/decision.toml"
    decision = edit_record(folder / "decision.toml", shown, Decision, change)
    return decision, Change("decision set", decision_id, changed_labels(changed, FIELD_LABELS), notes=notes)


def parse_milestone(text: str, index: int) -> Milestone:
    """``2024-06-30:完成年度调查`` → milestone ``m<index>``; a bad title names ``--milestone``."""
    due, title = parse_dated_item(text, "--milestone", "2024-06-30:完成年度调查")
    return build(Milestone, {"id": f"m{index}", "title": title, "due": due}, {"title": "--milestone"})


def milestone_problem(text: str) -> str | None:
    """The message a malformed ``--milestone`` gives, or None (for prompts)."""
    try:
        parse_milestone(text, 1)
    except UserError as error:
        return str(error)
    return None


def person_problem(text: str) -> str | None:
    """The message a malformed ``--person`` gives, or None (for prompts)."""
    try:
        parse_person(text)
    except UserError as error:
        return str(error)
    return None


def parse_person(text: str) -> dict:
    """``王某:科长:13900000000`` → name, role, contact."""
    name, role, contact = ([*text.split(":", 2), "", ""])[:3]
    if not name.strip():
        raise UserError(f"--person “{text}” 无效：应写成 姓名:职务:联系方式")
    return {"name": name.strip(), "role": role.strip(), "contact": contact.strip()}


@writes
def create_plan(root: Path, decision_id: str, fields: dict, milestones: list[str],
                people: list[str], *, force: bool = False) -> tuple[TrackingPlan, Change]:
    """Write ``plan.toml`` (第六条: 责任机构和责任人员、时间节点、方法步骤); ``created_on`` dates it."""
    folder = decision_dir(root, decision_id)
    path = folder / "plan.toml"
    if path.exists() and not force:
        raise UserError(f"{DECISIONS}/{decision_id}/plan.toml 已存在；要修改请直接编辑该文件，或加 --force 重写")
    data = {
        **fields,
        "milestones": [parse_milestone(text, i).model_dump(exclude_defaults=True)
                       for i, text in enumerate(milestones, 1)],
        "people": [parse_person(text) for text in people],
    }
    plan = build(TrackingPlan, data, {"milestones": "--milestone", "people": "--person"})
    create_record(path, plan, force=force)
    return plan, Change("plan create", decision_id, f"{plan.responsible_unit}，{len(plan.milestones)}个时间节点")


def plan_gaps(root: Path, plan: TrackingPlan) -> list[tuple[str, str]]:
    """(article, what is missing) for each rule of the workspace's profile that asks a plan to
    name certain things (Ordos 第六条: 责任人员、时间节点、方法步骤) and this plan lacks."""
    from decisiontrack.profiles.loader import read_profile
    from decisiontrack.rules.predicates import PREDICATES
    from decisiontrack.rules.predicates.plan import missing_parts, missing_plan
    from decisiontrack.store.loader import load_settings

    settings, _ = load_settings(root)
    profile = read_profile(settings.workspace.profile, root, settings.parameters)
    gaps = []
    for rule in profile.rules:
        if PREDICATES.get(rule.predicate) is missing_plan:
            lacking = missing_parts(plan, rule.params.get("requires", []))
            if lacking:
                gaps.append((rule.article, "、".join(lacking)))
    return gaps


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
    return Change("plan done", decision_id, f"{milestone_id}（{on}）")
