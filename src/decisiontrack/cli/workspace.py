"""``init``, ``validate``, ``commit``, ``history`` and ``undo``: the workspace as a whole."""

from pathlib import Path
from typing import Annotated

import typer

from decisiontrack.cli._common import (
    NoCommitOption,
    command,
    decision_root,
    finish,
    workspace_root,
)


def register(app: typer.Typer) -> None:
    """Add the workspace commands to the root app."""
    command(app, "init")(init)
    command(app, "validate")(validate)
    command(app, "commit")(commit)
    command(app, "history")(history)
    command(app, "undo")(undo)


def init(
    folder: Annotated[Path, typer.Argument(metavar="DIR", help="工作区目录，默认当前目录。")] = Path("."),
    profile: Annotated[
        str, typer.Option(help="适用的办法：ordos-2024 | renqiu-2023 | national-2019 | 自定义办法文件路径。")
    ] = "ordos-2024",
    org: Annotated[str | None, typer.Option("--org", help="决策机关，如 鄂尔多斯市人民政府。")] = None,
    no_git: Annotated[bool, typer.Option("--no-git", help="不初始化 git 仓库。")] = False,
) -> None:
    """新建工作区：decisiontrack.toml、decisions/、.gitignore，并初始化 git。"""
    from decisiontrack.cli._prompts import Ask, fill_missing
    from decisiontrack.ops.init import init_workspace

    values = fill_missing({"org": org}, [Ask("org", "--org", "决策机关")])
    _, warning = init_workspace(folder, values["org"], profile, git=not no_git)
    if warning:
        typer.echo(f"警告：{warning}", err=True)
    typer.echo(f"已在 {folder} 新建工作区（办法：{profile}）。下一步：decisiontrack decision add")


def validate(
    strict: Annotated[
        bool, typer.Option("--strict", help="有警告（如未提交的修改、可疑的日期）也以退出码 3 结束。")
    ] = False,
) -> None:
    """检查全部文件的格式和相互引用，并列出未提交到 git 的记录文件；每个问题一行：路径:行号: 说明。"""
    from decisiontrack.cli._common import one_workspace
    from decisiontrack.errors import ExitCode
    from decisiontrack.validation import validate as validate_files

    problems, count = validate_files(one_workspace())
    if problems:
        typer.echo("\n".join(str(problem) for problem in problems))
    errors = [p for p in problems if p.severity == "error"]
    warnings = len(problems) - len(errors)
    if errors or (strict and warnings):
        why = "（--strict：有警告也不通过）" if strict and not errors else ""
        typer.echo(f"发现 {len(errors)} 个错误、{warnings} 个警告{why}。", err=True)
        raise typer.Exit(int(ExitCode.DATA))
    typer.echo(f"校验通过：{count} 项决策，{warnings} 个警告。")


def commit(
    message: Annotated[str, typer.Option("--message", "-m", help="提交说明：修改了什么、为什么。")],
    paths: Annotated[
        list[Path] | None, typer.Argument(metavar="[路径]...", help="只提交这些文件或目录，默认全部记录文件。")
    ] = None,
) -> None:
    """把手工修改过的记录文件（decisiontrack.toml 和 decisions/ 下）提交到 git，先检查它们能否读取。"""
    from decisiontrack.cli import _state
    from decisiontrack.ops.commit import commit_hand_edits

    files, warnings = commit_hand_edits(workspace_root(), message, paths)
    if not files:
        typer.echo("没有需要提交的修改：记录文件与最近一次提交相同。")
        return
    for shown in files:
        typer.echo(f"已提交 {_state.shown_path(_state.root / shown)}")
    typer.echo(f"共提交 {len(files)} 个文件。")
    for warning in warnings:
        typer.echo(f"警告：{warning}", err=True)



def history(
    decision_id: Annotated[str | None, typer.Argument(metavar="ID", help="决策编号；不写则列出整个工作区的修改。")] = None,
) -> None:
    """列出修改历史：日期、提交人、操作和说明（说明中写明改了哪些字段）；改过编号的决策连同旧编号的历史。"""
    from decisiontrack.cli import _console
    from decisiontrack.store.git import find_repository
    from decisiontrack.store.history import decision_history, log
    from decisiontrack.store.loader import DECISIONS

    root = decision_root(decision_id) if decision_id is not None else workspace_root()
    repo = find_repository(root)
    if repo is None:
        typer.echo("工作区不是 git 仓库，没有修改历史。")
        return
    if decision_id is not None:
        commits = decision_history(repo, repo.relative(root / DECISIONS / decision_id), decision_id)
        title = f"{decision_id} 的修改历史"
    else:
        commits = log(repo, "HEAD", [repo.relative(root)])
        title = "工作区的修改历史"
    grid = _console.table("日期", "提交人", "说明", "提交", title=title, wide="说明")
    for commit in commits:
        subject = commit.subject if commit.command else f"（手工提交）{commit.subject}"
        grid.add_row(commit.date, commit.author, subject, commit.sha[:8])
    _console.out().print(grid)


def undo(
    commit: Annotated[
        str | None, typer.Argument(metavar="COMMIT", help="要撤销的提交（可选，用于确认）；只能是最后一次提交。")
    ] = None,
    no_commit: NoCommitOption = False,
) -> None:
    """撤销本工具所作的最后一次提交：以一次新的提交恢复原样（同 git revert，不改写历史）。"""
    from decisiontrack.ops.undo import undo as undo_last

    root = workspace_root()
    change = undo_last(root, commit, commit=not no_commit)
    finish(root, change)
    typer.echo(f"已撤销：{change.summary}")
