"""``decisiontrack commit -m MSG``: put hand edits of record files into the audit trail.

Records are plain files, and people edit them by hand; a write git refused (exit 4) also leaves
files outside the history. This commits every record file of the workspace that differs from the
last commit or is untracked — inside the same locked transaction as every other write, so it
never races a command — after checking that they load: a broken record is not put in the
history other departments pull (exit 3, with ``path:line``).
"""

from __future__ import annotations

from pathlib import Path

from decisiontrack.errors import DataError, UserError, printable
from decisiontrack.model.common import CONTROL_CHARACTER
from decisiontrack.store.atomic import is_temporary
from decisiontrack.store.loader import DECISIONS


def commit_hand_edits(root: Path, message: str, only: list[Path] | None = None) -> tuple[list[str], list[str]]:
    """Commit the changed record files with ``message``: (their workspace-relative paths, git's warnings).

    ``only`` limits the commit to these files or folders (so one broken file need not hold back the rest).
    """
    from decisiontrack.store.git import TRAILER_HAND_EDITED, find_repository, record_file_states
    from decisiontrack.store.transaction import transaction

    if not message.strip():
        raise UserError("-m：提交说明不能为空，请写明修改了什么，如 -m \"更正 2024-001 的施行日期\"")
    if CONTROL_CHARACTER.search(message):
        raise UserError(f"-m：提交说明“{printable(message)}”含有控制字符，请删除后重试")
    if find_repository(root) is None:
        raise UserError("工作区不在 git 仓库中，没有可以提交的历史；可在工作区目录运行 git init 后重试")
    with transaction(root, explicit=True) as tx:
        changed = [(shown, state) for shown, state in record_file_states(root)
                   if state != "!!" and not is_temporary(shown) and _chosen(root / shown, only)]
        _check_loadable(root, [shown for shown, state in changed if "D" not in state])
        for shown, _ in changed:
            tx.adopt(root / shown)
        files = [shown for shown, _ in changed]
        tx.describe(message.strip(), command="commit")
        if files:
            tx.trailers[TRAILER_HAND_EDITED] = "、".join(files)
    return files, tx.warnings


def _chosen(path: Path, only: list[Path] | None) -> bool:
    if not only:
        return True
    path = path.resolve()
    return any(path == chosen or chosen in path.parents for chosen in (p.resolve() for p in only))


def _check_loadable(root: Path, files: list[str]) -> None:
    """Refuse (exit 3) when a file to commit does not load; other files' problems are not ours here."""
    from decisiontrack.store.loader import load_workspace

    ids = sorted({shown.split("/")[1] for shown in files
                  if shown.startswith(f"{DECISIONS}/") and shown.count("/") >= 2
                  and (root / DECISIONS / shown.split("/")[1]).is_dir()})
    workspace = load_workspace(root, ids=ids)
    chosen = set(files)
    errors = [problem for problem in workspace.errors if problem.path in chosen]
    if errors:
        raise DataError(errors)
