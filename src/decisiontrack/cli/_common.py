"""What every command shares: the error guard, the workspace, dates and commits.

Nothing here imports rich, pydantic or questionary at module level.
"""

from __future__ import annotations

import functools
import inspect
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from decisiontrack.cli import _state


def guarded(function: Callable[..., Any]) -> Callable[..., Any]:
    """Turn expected errors into a Chinese message on stderr and the documented exit code."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from decisiontrack.errors import DataError, DecisionTrackError, NotCommitted

        kwargs.pop("show_help", None)  # our -h/--help: handled by its callback, typer passes it along
        try:
            return function(*args, **kwargs)
        except NotCommitted as error:
            _report_written(error.files)
            sys.stderr.write(f"错误：{error}\n")
            raise typer.Exit(int(error.exit_code)) from None
        except DataError as error:
            for problem in error.problems:
                sys.stderr.write(f"{problem}\n")
            sys.stderr.write("工作区数据有误，请按上面的位置修改后重试（可运行 decisiontrack validate）。\n")
            raise typer.Exit(int(error.exit_code)) from None
        except DecisionTrackError as error:
            sys.stderr.write(f"错误：{error}\n")
            raise typer.Exit(int(error.exit_code)) from None

    return wrapper


def _show_help(ctx: typer.Context, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        from decisiontrack.cli._help import render_help

        typer.echo(render_help(ctx), nl=False)
        raise typer.Exit()


HelpOption = Annotated[
    bool,
    typer.Option("-h", "--help", is_eager=True, expose_value=False, callback=_show_help, help="显示本帮助并退出。"),
]
"""Our own ``-h/--help`` (click's, with its English text, is switched off at the root)."""

WORKSPACE_AFTER = "workspace_after"
WorkspaceAfterOption = Annotated[
    list[Path] | None,
    typer.Option("--workspace", "-w", metavar="DIR", help="工作区目录（也可写在子命令之前）。", show_default=False),
]
"""``-w`` after the command's name (``decisiontrack check -w DIR``) as well as before it."""


def _with_help(function: Callable[..., Any]) -> Callable[..., Any]:
    """The function as typer sees it, with ``-h/--help`` added to its parameters."""
    return _with_parameter(function, "show_help", False, HelpOption)


def with_workspace_option(function: Callable[..., Any]) -> Callable[..., Any]:
    """The command also accepts ``-w`` after its name; the directories join those given before it."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        _state.workspace_options += kwargs.pop(WORKSPACE_AFTER, None) or []
        return function(*args, **kwargs)

    return _with_parameter(wrapper, WORKSPACE_AFTER, None, WorkspaceAfterOption)


def _with_parameter(function: Callable[..., Any], name: str, default: Any, annotation: Any) -> Callable[..., Any]:
    """``function`` as typer sees it, with one more keyword-only parameter."""
    signature = inspect.signature(function)
    parameter = inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)
    function.__signature__ = signature.replace(parameters=[*signature.parameters.values(), parameter])
    return function


def command(target: typer.Typer, name: str | None = None, **kwargs: Any):
    """Register a guarded command, with our Chinese ``-h/--help`` and ``-w`` after its name, on a typer app."""

    def decorate(function: Callable[..., Any]) -> Callable[..., Any]:
        target.command(name, **kwargs)(_with_help(with_workspace_option(guarded(function))))
        return function

    return decorate


def group(help: str) -> typer.Typer:
    """A command group (``decision``, ``plan`` …) with our ``-h/--help``; without a command it shows its help."""
    app = typer.Typer(help=help, no_args_is_help=True)

    @app.callback()
    def _group(show_help: HelpOption = False) -> None:
        pass

    return app


def parse_date(value: str | None, option: str) -> date | None:
    """Parse an ISO date given on the command line, naming the option when it is impossible."""
    if value is None:
        return None
    from decisiontrack.dates import DAY_FORM, parse_day
    from decisiontrack.errors import UserError, printable

    try:
        return parse_day(value)
    except ValueError:
        raise UserError(f"选项 {option} 的日期“{printable(value)}”无效：请写成真实的日期，格式为 {DAY_FORM}") from None


def open_workspace(*, only_decisions: bool = False):
    """Locate and load the workspace chosen by -w, the environment or the current folder."""
    from decisiontrack.store.loader import load_workspace

    return load_workspace(one_workspace(), only_decisions=only_decisions)


def one_workspace():
    """The one workspace a command works on (read commands start here; writing ones at
    :func:`workspace_root`); several ``-w`` are for the overviews only."""
    from decisiontrack.errors import UserError
    from decisiontrack.store.locate import find_workspace

    options = list(dict.fromkeys(_state.workspace_options))
    if len(options) > 1:
        raise UserError("此命令只能用于一个工作区，-w 只能给一次（check、status、brief、export ledger 可给多个）")
    return find_workspace(options[0] if options else None)


def workspace_roots():
    """Every workspace chosen: each -w, or the workspaces one level below a parent folder given."""
    from decisiontrack.store.locate import find_workspaces

    return find_workspaces(list(dict.fromkeys(_state.workspace_options)))


def is_interactive() -> bool:
    """Prompt only when a person is at a terminal (stdin and stdout both ttys)."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def workspace_root():
    """The workspace root chosen by -w, the environment or the current folder.

    Writing commands start here: a person at a terminal is told when another writer holds the lock.
    """
    from decisiontrack.store import transaction
    from decisiontrack.store.loader import load_settings

    root = one_workspace()
    load_settings(root)  # broken settings stop a writing command before it writes anything
    if sys.stderr.isatty():
        transaction.wait_notice = lambda text: sys.stderr.write(f"{text}\n")
    _state.root = root
    return root


def decision_root(decision_id: str):
    """The workspace root, after checking that decision ``decision_id`` exists (else exit 2).

    Commands check the id before asking for missing values, so nobody answers prompts in vain.
    """
    from decisiontrack.ops.folders import decision_dir

    root = workspace_root()
    decision_dir(root, decision_id)
    return root


def _report_written(files) -> None:
    from decisiontrack.cli import _state

    for path in files:
        typer.echo(f"已写入 {_state.shown_path(path)}")


def finish(root, change) -> None:
    """Report what a writing command wrote or removed (the operation has committed it), its notes and git's warnings."""
    _report_written([path for path in change.files if path not in change.removed])
    for path in change.removed:
        typer.echo(f"已移除 {_state.shown_path(path)}")
    for note in change.notes:
        sys.stderr.write(f"提示：{note}\n")
    for warning in change.warnings:
        sys.stderr.write(f"警告：{warning}\n")


NO_COMMIT_HELP = "不自动提交到 git。"
FORCE_HELP = "覆盖已存在的记录。"

DecisionArgument = Annotated[str, typer.Argument(metavar="ID", help="决策编号。")]
ForceOption = Annotated[bool, typer.Option("--force", help=FORCE_HELP)]
NoCommitOption = Annotated[bool, typer.Option("--no-commit", help=NO_COMMIT_HELP)]
EvidenceOption = Annotated[
    list[Path] | None,
    typer.Option("--evidence", help="证明材料（意见书、纪要、验收确认等），复制到 evidence/ 目录并记在该日期旁；可重复。"),
]
