"""The ``decisiontrack`` command: the app, its groups and the one error handler.

Group modules import only typer at module level, so ``--help`` stays fast; each command
imports the core it needs inside its body. A run builds the options of only the group it calls
(:func:`app_for`): typer reads the signature of every command it is given, which for all 62 of
them is most of the time ``--help`` takes.
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


def app_for(argv: list[str]) -> typer.Typer:
    """The app with the command tree a run of ``argv`` can reach.

    Typer turns every registered command into click options before it runs one (15 ms for our
    62 commands, against 1 ms for the bare tree); a run reaches at most one group, so the others
    are given with their names and help only. Where the command cannot be read off ``argv`` with
    certainty, the whole tree is used.
    """
    import copy

    called = _called_name(argv)
    if called is None:
        return app
    trimmed = copy.copy(app)
    trimmed.registered_groups = [info if info.name == called else _named_only(info) for info in app.registered_groups]
    return trimmed


ROOT_OPTIONS_WITH_VALUE = ("-w", "--workspace")
ROOT_FLAGS = ("--version", "-h", "--help")


def _called_name(argv: list[str]) -> str | None:
    """The command or group ``argv`` names after the root options (``""`` for none), None if unsure."""
    position = 0
    while position < len(argv):
        token = argv[position]
        if token in ROOT_OPTIONS_WITH_VALUE:
            position += 2
        elif token in ROOT_FLAGS or token.startswith("--workspace=") or (token.startswith("-w") and len(token) > 2):
            position += 1
        elif token.startswith("-"):
            return None  # an option click will judge: leave it the whole tree
        else:
            return token
    return ""


def _named_only(info):
    """The group as the root's help lists it: its name and help, no commands (never run)."""
    import copy

    shown = copy.copy(info)
    shown.typer_instance = typer.Typer(help=info.typer_instance.info.help)
    return shown


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

    argv = sys.argv[1:] if argv is None else argv
    try:
        code = app_for(argv)(args=argv, prog_name="decisiontrack", standalone_mode=False)
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
