"""Find the workspace: ``-w``, ``DECISIONTRACK_WORKSPACE`` or walking up like git finds ``.git``."""

from __future__ import annotations

from pathlib import Path

from decisiontrack.errors import UserError

SETTINGS_FILE = "decisiontrack.toml"


def find_workspace(option: Path | None = None, start: Path | None = None) -> Path:
    """The workspace root; ``option`` (from ``-w`` or the environment) wins over the search."""
    if option is not None:
        root = option.expanduser().resolve()
        if not (root / SETTINGS_FILE).is_file():
            raise UserError(
                f"目录 {option} 不是工作区（其中没有 {SETTINGS_FILE}）；"
                f"请检查 -w 选项，或先运行 decisiontrack init {option}"
            )
        return root
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / SETTINGS_FILE).is_file():
            return folder
    raise UserError(
        f"在 {here} 及其上级目录中找不到 {SETTINGS_FILE}；"
        "请进入工作区目录，或用 -w 指定工作区，或先运行 decisiontrack init"
    )


def find_workspaces(options: list[Path]) -> list[Path]:
    """The workspaces of the overviews: each ``-w`` that is a workspace, or every workspace one level
    below a folder that holds several (a city's repository cloned beside the others); none: as
    :func:`find_workspace`."""
    if not options:
        return [find_workspace()]
    roots: list[Path] = []
    for option in options:
        folder = option.expanduser().resolve()
        if (folder / SETTINGS_FILE).is_file() or not folder.is_dir():
            roots.append(find_workspace(option))
            continue
        below = sorted(child for child in folder.iterdir() if (child / SETTINGS_FILE).is_file())
        if not below:
            find_workspace(option)  # not a workspace and holds none: the usual message
        roots += below
    return list(dict.fromkeys(roots))
