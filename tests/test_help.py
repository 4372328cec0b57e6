"""Every command and option has Chinese help text (sqlite-utils' test_docs habit)."""

from __future__ import annotations

import re

import typer

from decisiontrack.cli import app
from tests.helpers import run

CHINESE = re.compile(r"[\u4e00-\u9fff]")


def _commands(group, prefix=()):
    for name, command in sorted(group.commands.items()):
        path = (*prefix, name)
        if hasattr(command, "commands"):
            yield path, command
            yield from _commands(command, path)
        else:
            yield path, command


def test_every_command_and_option_has_chinese_help():
    root = typer.main.get_command(app)
    seen = []
    for path, command in _commands(root):
        seen.append(" ".join(path))
        assert CHINESE.search(command.help or ""), f"{' '.join(path)} has no Chinese help"
        for param in command.params:
            if param.param_type_name == "option" and param.name != "help":
                assert CHINESE.search(param.help or ""), f"{' '.join(path)} {param.opts} has no Chinese help"
    for expected in ["init", "check", "validate", "status", "history", "render", "decision add", "plan done",
                     "feedback list", "event reported", "inspection done", "profile show"]:
        assert expected in seen


def test_help_runs_for_every_group():
    for group in ["decision", "plan", "feedback", "event", "inspection", "profile"]:
        result = run(None, group, "--help")
        assert result.exit_code == 0
        assert CHINESE.search(result.stdout)


def _help_of(application, argv):
    from typer.testing import CliRunner

    return CliRunner().invoke(application, argv, prog_name="decisiontrack").output


def test_a_run_builds_only_the_group_it_calls():
    """typer reads every command's signature it is given; a run is given only the group it calls."""
    from decisiontrack.cli import app_for

    def real(argv):
        return {info.name for info in app_for(argv).registered_groups if info.typer_instance.registered_commands}

    assert real(["--help"]) == set()
    assert real(["-w", "ws", "check", "--as-of", "2026-07-20"]) == set()
    assert real(["--workspace=ws", "decision", "set", "2023-001"]) == {"decision"}
    assert real(["-wws", "feedback", "import", "2023-001", "x.csv"]) == {"feedback"}
    assert app_for(["--bogus", "decision", "list"]) is app  # an option click must judge: the whole tree
    assert app_for([]) is not app and real([]) == set()


def test_root_help_is_the_same_with_groups_named_only():
    """The root's help lists every group with its help, whether or not its commands were built."""
    from decisiontrack.cli import app_for

    trimmed = _help_of(app_for(["--help"]), ["--help"])
    assert trimmed == _help_of(app, ["--help"])
    for name in ("decision", "plan", "feedback", "event", "inspection", "progress", "evaluation", "export", "import"):
        assert re.search(rf"^  {name} +\S", trimmed, re.MULTILINE), name


def test_a_mistyped_group_is_still_suggested():
    """With the groups named only, click still knows their names for its suggestion."""
    result = run(None, "decison", "list")
    assert result.exit_code == 2
    assert "decision" in result.stderr
