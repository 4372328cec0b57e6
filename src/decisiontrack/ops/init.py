"""Create a new workspace (SPEC §4 ``init``)."""

from __future__ import annotations

import shutil
from pathlib import Path

from decisiontrack.errors import NotCommitted, UserError, printable
from decisiontrack.model.common import CONTROL_CHARACTER
from decisiontrack.ops.change import subject_verb
from decisiontrack.store.atomic import make_directory
from decisiontrack.store.locate import SETTINGS_FILE
from decisiontrack.store.transaction import transaction, write_record

SETTINGS_TEMPLATE = '''[workspace]
organization = {organization}   # 决策机关
profile = {profile}             # 内置办法：ordos-2024 / renqiu-2023 / national-2019，或自定义办法文件的路径

[check]
due_soon_days = 30               # “即将到期”提前多少天提示

[parameters]                     # 覆盖办法中的参数，例如 opinion_threshold = 20

[git]
auto_commit = true               # 每条写入命令自动提交它写入的文件
'''


def init_workspace(folder: Path, organization: str, profile: str, *, git: bool = True) -> tuple[list[Path], str | None]:
    """Write settings, ``decisions/`` and ``.gitignore``; ``git init`` and commit unless told not to.

    Returns the files written and a warning when git is not installed. A folder that cannot be
    made or written is a message naming it; what this call created is removed again, so a failed
    ``init`` leaves nothing half-made (a commit git refuses is exit 4 and keeps the files).
    """
    import json

    from decisiontrack.profiles.loader import profile_path
    from decisiontrack.store.git import in_repository, init_repository

    if not organization.strip():
        raise UserError("--org：决策机关不能为空，如 --org 鄂尔多斯市人民政府")
    if CONTROL_CHARACTER.search(organization):
        raise UserError(f"--org：“{printable(organization)}”含有控制字符，请删除后重试")
    settings = folder / SETTINGS_FILE
    if settings.exists():
        raise UserError(f"{settings} 已存在：该目录已经是工作区")
    profile_path(profile, folder)
    created = _first_missing(folder)
    make_directory(folder)
    had_git = (folder / ".git").exists()
    try:
        warning = None
        if git and not in_repository(folder) and not init_repository(folder):
            warning = "未找到 git，工作区未纳入版本管理；安装 git 后在该目录运行 git init"
        text = SETTINGS_TEMPLATE.format(
            organization=json.dumps(organization, ensure_ascii=False),
            profile=json.dumps(profile, ensure_ascii=False),
        )
        with transaction(folder, commit=git) as tx:
            write_record(settings, text)
            write_record(folder / "decisions" / ".gitkeep", "", overwrite=True)
            ignore = folder / ".gitignore"
            if not ignore.exists():
                write_record(ignore, "out/\n")
            tx.describe(subject_verb("init"), command="init")
    except NotCommitted:
        raise
    except BaseException:
        if created is not None:
            shutil.rmtree(created, ignore_errors=True)
        elif not had_git:
            shutil.rmtree(folder / ".git", ignore_errors=True)
        raise
    return tx.written, warning


def _first_missing(folder: Path) -> Path | None:
    """The outermost folder of ``folder``'s path that does not exist yet (what ``mkdir -p`` creates)."""
    missing = None
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            break
        missing = candidate
    return missing
