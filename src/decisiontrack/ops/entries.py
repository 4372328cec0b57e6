"""Append entries (opinions, events, inspections) and close what they open.

Each entry is a new file ``<YYYYMMDD>-<kind>-<4 hex>.toml`` so that departments adding
entries on the same day never collide in git (SPEC §2).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from decisiontrack.errors import UserError
from decisiontrack.model import event as event_model
from decisiontrack.model import feedback as feedback_model
from decisiontrack.model import inspection as inspection_model
from decisiontrack.model.common import Withdrawable
from decisiontrack.model.event import EVENT_LABELS, Event
from decisiontrack.model.feedback import CHANNEL_LABELS, Opinion
from decisiontrack.model.inspection import METHOD_LABELS, Inspection
from decisiontrack.ops.change import Change, build, writes
from decisiontrack.ops.evidence import keep_evidence
from decisiontrack.ops.fields import apply_fields, changed_labels, refuse_fields
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
def add_inspection(root: Path, decision_id: str, fields: dict, rectifications: list[str],
                   evidence: list[Path] | None = None) -> tuple[Inspection, Change]:
    """Record a supervision (督查, 第十条) and its rectification items, with copies of its papers."""
    folder = decision_dir(root, decision_id)
    items = [parse_rectification(text, i) for i, text in enumerate(rectifications, 1)]
    inspection = build(Inspection, {**fields, "rectifications": items}, {"rectifications": "--rectification"})
    if evidence:
        inspection.evidence = keep_evidence(evidence, folder)
    _new_entry(folder, "inspections", inspection.conducted_on, inspection.method, inspection)
    summary = f"{METHOD_LABELS[inspection.method]}（{inspection.conducted_on}，{len(items)}项整改）"
    return inspection, Change("inspection add", decision_id, summary)


@writes
def close_rectification(root: Path, decision_id: str, inspection_id: str, item_id: str,
                        on: date, reviewed_on: date | None = None, evidence: list[Path] | None = None) -> Change:
    """Set ``done_on`` (and optionally ``reviewed_on`` and the 验收确认 as evidence) of a rectification item.

    第十条第二款: 整改完成后报市人民政府审核.
    """
    folder = decision_dir(root, decision_id)
    path = _entry_path(folder, "inspections", inspection_id, "督查", decision_id)
    shown = f"{DECISIONS}/{decision_id}/inspections/{path.name}"
    kept = keep_evidence(evidence or [], folder)

    def change(document) -> None:
        item = close_item(document.get("rectifications", []), item_id, on, "整改事项", shown)
        if reviewed_on is not None:
            item["reviewed_on"] = reviewed_on
        if kept:
            item["evidence"] = kept

    edit_record(path, shown, Inspection, change)
    return Change("inspection done", decision_id, f"{path.stem} 整改事项 {item_id}（{on}）")


@writes
def scaffold_inspection_report(root: Path, decision_id: str, inspection_id: str, *, force: bool = False) -> Change:
    """Write ``inspections/<id>.md``: the 书面督查报告 of one inspection (鄂尔多斯第十条), from the
    profile's ``inspection-report`` template, prefilled with the inspection and its items."""
    from decisiontrack.errors import DataError
    from decisiontrack.ops.evaluations import open_with_profile
    from decisiontrack.reports.scaffold import inspection_document
    from decisiontrack.store.transaction import write_record

    folder = decision_dir(root, decision_id)
    path = _entry_path(folder, "inspections", inspection_id, "督查", decision_id)
    opened = open_with_profile(root, decision_id)
    shown = f"{DECISIONS}/{decision_id}/inspections/{path.name}"
    entry = next((e for e in opened.folder.inspections if e.path == shown), None)
    if entry is None:
        raise DataError([p for p in opened.problems if p.path == shown and p.severity == "error"])
    text = inspection_document(opened.folder, entry, opened.profile, opened.profile_dir)
    target = path.with_suffix(".md")
    if target.exists() and not force:
        raise UserError(f"{shown[:-5]}.md 已存在；如确需重新生成（会覆盖已写的内容），请加 --force")
    write_record(target, text, overwrite=force)
    return Change("inspection scaffold", decision_id, f"督查 {path.stem} 的督查报告框架")


@dataclass(frozen=True)
class EntryKind:
    """One kind of entry: its folder, model, Chinese name, the date it counts from, its field names."""

    folder: str
    model: type[Withdrawable]
    what: str
    command: str
    dated_by: str
    labels: dict[str, str]


ENTRY_KINDS: dict[str, EntryKind] = {
    "feedback": EntryKind("feedback", Opinion, "意见", "feedback", "received_on", feedback_model.FIELD_LABELS),
    "events": EntryKind("events", Event, "事实", "event", "occurred_on", event_model.FIELD_LABELS),
    "inspections": EntryKind("inspections", Inspection, "督查", "inspection", "conducted_on",
                             inspection_model.FIELD_LABELS),
}
"""The entries that ``set`` and ``withdraw`` edit, by their folder."""

WITHDRAWAL = {"withdrawn_on": "withdraw", "withdrawn_reason": "withdraw"}


def entry_path(root: Path, decision_id: str, kind_folder: str, entry_id: str) -> tuple[Path, str]:
    """The file of an entry and its path as shown; an unknown entry is exit 2 listing those there are."""
    kind = ENTRY_KINDS[kind_folder]
    folder = decision_dir(root, decision_id)
    path = _entry_path(folder, kind.folder, entry_id, kind.what, decision_id)
    return path, f"{DECISIONS}/{decision_id}/{kind.folder}/{path.name}"


@writes
def set_entry(root: Path, decision_id: str, kind_folder: str, entry_id: str, fields: dict) -> tuple[Withdrawable, Change]:
    """Correct fields of an opinion, event or inspection in place (``None`` clears an optional one).

    The file keeps its name (other records and commits name it); the result is validated as a whole.
    """
    kind = ENTRY_KINDS[kind_folder]
    path, shown = entry_path(root, decision_id, kind_folder, entry_id)
    settable = {k: v for k, v in kind.labels.items() if k not in WITHDRAWAL and "." not in k}
    elsewhere = {k: f"{kind.command} {command}" for k, command in WITHDRAWAL.items()}
    refuse_fields(fields, settable, elsewhere, kind.what)
    changed: list[str] = []

    def change(document) -> None:
        changed.extend(apply_fields(document, fields, kind.model))

    record = edit_record(path, shown, kind.model, change)
    return record, Change(f"{kind.command} set", decision_id, f"{path.stem}：{changed_labels(changed, kind.labels)}")


@writes
def withdraw_entry(root: Path, decision_id: str, kind_folder: str, entry_id: str, on: date,
                   reason: str) -> Change:
    """Mark an entry withdrawn from ``on``: it stays on disk for the audit trail and counts only before.

    An opinion withdrawn no longer counts toward 较多意见 (第十一条第（三）项) from that day on.
    """
    kind = ENTRY_KINDS[kind_folder]
    path, shown = entry_path(root, decision_id, kind_folder, entry_id)
    if not reason.strip():
        raise UserError("--reason：请写明撤回的原因（如 重复登记、登记错误），留作审计记录")

    def change(document) -> None:
        if document.get("withdrawn_on") is not None:
            raise UserError(f"{shown} 已于 {document['withdrawn_on']} 撤回（{document.get('withdrawn_reason', '')}）")
        dated = document.get(kind.dated_by)
        if dated is not None and on < dated:
            raise UserError(f"--on：撤回日期 {on} 早于该{kind.what}的日期 {dated}")
        apply_fields(document, {"withdrawn_on": on, "withdrawn_reason": reason.strip()}, kind.model)

    edit_record(path, shown, kind.model, change)
    return Change(f"{kind.command} withdraw", decision_id, f"{path.stem}（{on}，{reason.strip()}）")
