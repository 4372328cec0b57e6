"""The ``decisiontrack`` command: the app, its groups and the one error handler.

Group modules import only typer at module level, so ``--help`` stays fast; each command
imports the core it needs inside its body.
"""

from pathlib import Path
from typing import Annotated

import typer

from decisiontrack import __version__
from decisiontrack.cli import _state
from decisiontrack.cli._common import HelpOption

app = typer.Typer(
    name="decisiontrack",
    help="重大行政决策跟踪反馈和后评估工具：登记决策、记录意见和事实、检查法定期限、生成评估报告。",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": []},  # click's English help is off: every command has our -h/--help
)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"decisiontrack {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    workspace: Annotated[
        list[Path] | None,
        typer.Option(
            "--workspace",
            "-w",
            metavar="DIR",
            envvar="DECISIONTRACK_WORKSPACE",
            help="工作区目录；默认从当前目录向上查找 decisiontrack.toml。check、status、brief、export ledger "
            "可给多个 -w，或给出存放多个工作区的上级目录。也可写在子命令之后。",
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="显示版本号并退出。"),
    ] = False,
    show_help: HelpOption = False,
) -> None:
    """重大行政决策跟踪反馈和后评估工具。"""
    _state.workspace_options = list(workspace or [])


def _register() -> None:
    from decisiontrack.cli import (
        brief,
        checking,
        decision,
        evaluation,
        event,
        export,
        feedback,
        inspection,
        intake,
        plan,
        profile,
        progress,
        render,
        workspace,
    )

    workspace.register(app)
    checking.register(app)
    render.register(app)
    brief.register(app)
    for group in (profile, decision, plan, feedback, event, inspection, progress, evaluation, export):
        app.add_typer(group.app, name=group.NAME)
    intake.register(app)


CANCELLED = 130
"""Exit code of a prompt cancelled with Ctrl-C (as shells report an interrupt)."""


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point and the one handler of click's usage errors, said in Chinese.

    The app runs with ``standalone_mode=False`` so that click raises what it would print in
    English: a usage error becomes :func:`_usage.usage_error` (exit 2), a group called without a
    command shows its help (exit 2), a cancelled prompt says so (exit 130).
    """
    import sys

    from typer._click.exceptions import NoArgsIsHelpError, UsageError

    try:
        code = app(args=argv, prog_name="decisiontrack", standalone_mode=False)
    except NoArgsIsHelpError as error:
        from decisiontrack.cli._help import render_help

        typer.echo(render_help(error.ctx), nl=False)
        sys.exit(2)
    except UsageError as error:
        from decisiontrack.cli._usage import usage_error

        sys.stderr.write(usage_error(error))
        sys.exit(2)
    except typer.Abort:
        code = CANCELLED
    if code == CANCELLED:
        sys.stderr.write("\n已取消，未写入任何内容。\n")
    sys.exit(code if isinstance(code, int) else 0)


__all__ = ["app", "main"]

_register()
