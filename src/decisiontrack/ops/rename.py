"""``decision rename OLD NEW``: a new id for a decision, its history kept.

Every file of ``decisions/OLD/`` moves to ``decisions/NEW/`` in one commit that removes the old
paths and adds the new ones (what ``git mv`` stages), so ``git log --follow`` and ``history NEW``
still reach the commits made under the old id. References follow: the ``id`` of decision.toml and
the ``decision`` key in the front matter of the reports (evaluation and progress reports).
"""

from __future__ import annotations

from pathlib import Path

from decisiontrack.errors import UserError
from decisiontrack.model.decision import Decision
from decisiontrack.ops.change import Change, writes
from decisiontrack.ops.folders import decision_dir, safe_id
from decisiontrack.store.atomic import prune_empty_folders
from decisiontrack.store.frontmatter import FrontMatterError, join_front_matter, split_front_matter
from decisiontrack.store.history import TRAILER_RENAMED_FROM
from decisiontrack.store.loader import DECISIONS
from decisiontrack.store.records import edit_record
from decisiontrack.store.transaction import remove_record, write_record


def _report_text(content: bytes, old_id: str, new_id: str) -> bytes:
    """A Markdown report whose front matter names the old decision now names the new one."""
    import tomlkit

    try:
        text = content.decode("utf-8")
        head, body, _ = split_front_matter(text)
        document = tomlkit.parse(head)
    except (UnicodeDecodeError, FrontMatterError, tomlkit.exceptions.ParseError):
        return content  # not ours to repair here: validate reports it under its new path
    if document.get("decision") != old_id:
        return content
    document["decision"] = new_id
    return join_front_matter(tomlkit.dumps(document), body).encode("utf-8")


@writes
def rename_decision(root: Path, old_id: str, new_id: str) -> Change:
    """Move every file of the decision to its new folder and make the references follow."""
    folder = decision_dir(root, old_id)
    safe_id(new_id, "新编号")
    target = root / DECISIONS / new_id
    if new_id == old_id:
        raise UserError(f"新编号与原编号相同（{old_id}）")
    if target.exists():
        raise UserError(f"编号 {new_id} 已被使用（{DECISIONS}/{new_id}/ 已存在）；请换一个编号")
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    for path in files:
        content = path.read_bytes()
        if path.suffix == ".md":
            content = _report_text(content, old_id, new_id)
        write_record(target / path.relative_to(folder), content)

    def change(document) -> None:
        document["id"] = new_id

    # a broken decision.toml is reported where the user has it, under the old id
    edit_record(target / "decision.toml", f"{DECISIONS}/{old_id}/decision.toml", Decision, change)
    for path in files:
        remove_record(path)
        prune_empty_folders(path, root / DECISIONS)
    return Change("decision rename", new_id, f"由 {old_id} 改为 {new_id}", trailers={TRAILER_RENAMED_FROM: old_id})
