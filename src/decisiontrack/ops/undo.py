"""``undo``: take back the last commit the tool made, with a new commit (as ``git revert`` does).

History is never rewritten: the files the last commit touched are put back as they were before
it, inside the one locked transaction, and committed as ``撤销 <its subject>`` with the trailer
``Decisiontrack-Reverts: <commit>``. A commit made by hand (no ``Decisiontrack-Command``
trailer), a commit that is not the last one, or a file changed since that commit is refused:
undoing must never lose what somebody wrote after it.
"""

from __future__ import annotations

from pathlib import Path

from decisiontrack.errors import UserError
from decisiontrack.ops.change import Change, subject_verb, writes
from decisiontrack.store.atomic import prune_empty_folders
from decisiontrack.store.git import changed_files, find_repository
from decisiontrack.store.history import TRAILER_REVERTS, Commit, changed_paths, file_at, log, resolve
from decisiontrack.store.loader import DECISIONS
from decisiontrack.store.transaction import remove_record, write_record


def last_commit(root: Path) -> Commit:
    """The last commit of the repository holding the workspace; refused outside git or before any."""
    repo = find_repository(root)
    if repo is None:
        raise UserError("工作区不在 git 仓库中，没有可撤销的提交")
    commits = log(repo, "HEAD", limit=1)
    if not commits:
        raise UserError("仓库中还没有任何提交，没有可撤销的内容")
    return commits[0]


def _check(root: Path, head: Commit, expected: str | None) -> None:
    repo = find_repository(root)
    if expected is not None:
        wanted = resolve(repo, expected)
        if wanted is None:
            raise UserError(f"找不到提交 {expected}")
        if wanted != head.sha:
            raise UserError(f"只能撤销最后一次提交：{expected} 不是最后一次提交（最后一次是 {head.sha[:8]}“{head.subject}”）；"
                            "更早的修改请用 decision set 等命令改正")
    if not head.command:
        raise UserError(f"最后一次提交 {head.sha[:8]}“{head.subject}”不是本工具所作（没有 Decisiontrack-Command 说明），"
                        "不能撤销；如确需撤销，请自行运行 git revert")
    if head.command == "init":
        raise UserError("最后一次提交是新建工作区，不能撤销")
    if len(head.parents) != 1:
        raise UserError(f"提交 {head.sha[:8]} 不是普通提交，不能撤销")


@writes
def undo(root: Path, expected: str | None = None) -> Change:
    """Revert the last commit if the tool made it; ``expected`` (a commit id) must name that commit."""
    head = last_commit(root)
    _check(root, head, expected)
    repo = find_repository(root)
    paths = changed_paths(repo, head)
    dirty = changed_files(repo, paths)
    if dirty:
        raise UserError(f"这些文件在最后一次提交后又被修改，尚未提交：{'、'.join(dirty)}；"
                        "请先提交（decisiontrack commit）或放弃这些修改，再撤销")
    for path in paths:
        before = file_at(repo, head.parents[0], path)
        target = repo.top / path
        if before is None:
            remove_record(target)
            prune_empty_folders(target, root / DECISIONS)
        else:
            write_record(target, before, overwrite=True)
    what = head.subject or subject_verb(head.command)
    return Change("undo", head.decision, what, trailers={TRAILER_REVERTS: head.sha})
