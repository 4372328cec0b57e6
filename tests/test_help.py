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
