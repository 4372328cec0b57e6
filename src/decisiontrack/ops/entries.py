"""Append entries (opinions, events, inspections) and close what they open.

Each entry is a new file ``<YYYYMMDD>-<kind>-<4 hex>.toml`` so that departments adding
entries on the same day never collide in git (SPEC §2).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from decisiontrack.errors import UserError
from decisiontrack.model.event import EVENT_LABELS, Event
from decisiontrack.model.feedback import CHANNEL_LABELS, Opinion
from decisiontrack.model.inspection import METHOD_LABELS, Inspection
from decisiontrack.ops.change import Change, build, writes
from decisiontrack.ops.folders import decision_dir
from decisiontrack.ops.items import close_item, parse_dated_item
from decisiontrack.store.loader import DECISIONS
from decisiontrack.store.records import create_record, edit_record, entry_file_name


def _new_entry(folder: Path, kind_folder: str, day: date, kind: str, record) -> Path:
    target = folder / kind_folder
    path = target / entry_file_name(day, kind, target)
    create_record(path, record)
    return path


@writes
def add_opinion(root: Path, decision_id: str, fields: dict) -> tuple[Opinion, Change]:
    """Record one public opinion (第七条; 任丘第八条)."""
    folder = decision_dir(root, decision_id)
    submitter = {k: v for k, v in (fields.pop("submitter", None) or {}).items() if v}
    opinion = build(Opinion, {**fields, **({"submitter": submitter} if submitter else {})},
                    {"received_on": "--received-on"})
    _new_entry(folder, "feedback", opinion.received_on, opinion.channel, opinion)
    summary = f"{CHANNEL_LABELS[opinion.channel]}意见（{opinion.received_on}）"
    return opinion, Change("feedback add", decision_id, summary)


@writes
def add_event(root: Path, decision_id: str, fields: dict) -> tuple[Event, Change]:
    """Record a fact that drives rules 9, 11 and 12."""
    folder = decision_dir(root, decision_id)
    event = build(Event, fields, {"occurred_on": "--on"})
    _new_entry(folder, "events", event.occurred_on, event.kind, event)
    summary = f"{EVENT_LABELS[event.kind]}（{event.occurred_on}）"
    return event, Change("event add", decision_id, summary)


def _entry_path(folder: Path, kind_folder: str, entry_id: str, what: str, decision_id: str) -> Path:
    name = entry_id if entry_id.endswith(".toml") else f"{entry_id}.toml"
    if "/" in name or "\\" in name or name.startswith("."):
        raise UserError(f"{what}编号“{entry_id}”无效：请写文件名，如 20240401-controversy-1a2b")
    path = folder / kind_folder / name
    if not path.is_file():
        existing = sorted(p.stem for p in (folder / kind_folder).glob("*.toml"))
        listed = "、".join(existing) if existing else "无"
        raise UserError(f"决策 {decision_id} 没有{what} {entry_id}（已有：{listed}）")
    return path


@writes
def mark_event_reported(root: Path, decision_id: str, event_id: str, on: date) -> Change:
    """Record that an event was reported to the decision organ (第九条)."""
    folder = decision_dir(root, decision_id)
    path = _entry_path(folder, "events", event_id, "事实", decision_id)
    shown = f"{DECISIONS}/{decision_id}/events/{path.name}"

    def change(document) -> None:
        if document.get("reported_on") is not None:
            raise UserError(f"{shown} 已记录于 {document['reported_on']} 报告")
        document["reported_on"] = on

    edit_record(path, shown, Event, change)
    return Change("event reported", decision_id, f"{path.stem} 于 {on} 向决策机关报告")


def parse_rectification(text: str, index: int) -> dict:
    """``2024-08-31:整改事项`` → rectification ``r<index>``."""
    due, item = parse_dated_item(text, "--rectification", "2024-08-31:补齐台账")
    return {"id": f"r{index}", "item": item, "due": due}


@writes
def add_inspection(root: Path, decision_id: str, fields: dict,
                   rectifications: list[str]) -> tuple[Inspection, Change]:
    """Record a supervision (督查, 第十条) and its rectification items."""
    folder = decision_dir(root, decision_id)
    items = [parse_rectification(text, i) for i, text in enumerate(rectifications, 1)]
    inspection = build(Inspection, {**fields, "rectifications": items}, {"rectifications": "--rectification"})
    _new_entry(folder, "inspections", inspection.conducted_on, inspection.method, inspection)
    summary = f"{METHOD_LABELS[inspection.method]}（{inspection.conducted_on}，{len(items)}项整改）"
    return inspection, Change("inspection add", decision_id, summary)


@writes
def close_rectification(root: Path, decision_id: str, inspection_id: str, item_id: str,
                        on: date, reviewed_on: date | None = None) -> Change:
    """Set ``done_on`` (and optionally ``reviewed_on``) of a rectification item (第十条第二款)."""
    folder = decision_dir(root, decision_id)
    path = _entry_path(folder, "inspections", inspection_id, "督查", decision_id)
    shown = f"{DECISIONS}/{decision_id}/inspections/{path.name}"

    def change(document) -> None:
        item = close_item(document.get("rectifications", []), item_id, on, "整改事项", shown)
        if reviewed_on is not None:
            item["reviewed_on"] = reviewed_on

    edit_record(path, shown, Inspection, change)
    return Change("inspection done", decision_id, f"整改事项 {item_id} 于 {on} 完成")
