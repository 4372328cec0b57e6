"""Test helpers: build a tree of files from a dict, and run the CLI as a user does."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from typer.testing import CliRunner, Result

from decisiontrack.cli import main

SETTINGS = """\
[workspace]
organization = "鄂尔多斯市人民政府"
profile = "{profile}"
"""


def build_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write ``{relative path: content}`` under ``root``; str content is dedented."""
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
    return root


def workspace(
    root: Path, files: dict[str, str | bytes] | None = None, profile: str = "ordos-2024"
) -> Path:
    """A workspace (no git) with settings and the given files."""
    settings = SETTINGS.format(profile=profile)
    return build_tree(root, {"decisiontrack.toml": settings, **(files or {})})


def run(root: Path | None, *args: str, input: str | None = None) -> Result:
    """Run the CLI as a user does, through ``main`` (the one handler), with ``-w root``.

    Returns typer's test Result (stdout and stderr apart); anything but ``SystemExit`` is a bug and
    propagates.
    """
    argv = (["-w", str(root)] if root is not None else []) + [str(a) for a in args]
    runner = CliRunner()
    with runner.isolation(input=input) as (stdout, stderr, output):
        code, exception, exc_info = 0, None, None
        try:
            main(argv)
        except SystemExit as exit:
            code = exit.code if isinstance(exit.code, int) else (0 if exit.code is None else 1)
            if code:
                exception, exc_info = exit, sys.exc_info()
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
        result = Result(runner=runner, stdout_bytes=stdout.getvalue(), stderr_bytes=stderr.getvalue(),
                        output_bytes=output.getvalue(), return_value=None, exit_code=code,
                        exception=exception, exc_info=exc_info)
    return result


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under root (outside .git), to assert that nothing changed."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".git" not in p.parts and p.name != ".decisiontrack.lock"
    }


def refused(root: Path, code: int, message: str, *args: str) -> None:
    """Run a command that must fail: its exit code, its message on stderr, nothing written."""
    before = snapshot(root)
    result = run(root, *args)
    assert result.exit_code == code, result.output
    assert message in result.stderr
    assert result.stdout == ""
    assert snapshot(root) == before


DECISION = """\
id = "{id}"
title = "鄂尔多斯市“十四五”生态环境保护规划"
doc_number = "鄂府发〔2021〕88号"
category = "{category}"
adopted_on = 2020-12-01
effective_from = {effective_from}
{until}undertaking_unit = "市生态环境局"
"""


def decision_toml(id: str = "2022-001", category: str = "plan", effective_from: str = "2021-01-01",
                  effective_until: str | None = "2025-12-31", extra: str = "") -> str:
    """A decision.toml text with the usual facts; ``extra`` lines are appended."""
    until = f"effective_until = {effective_until}\n" if effective_until else ""
    text = DECISION.format(id=id, category=category, effective_from=effective_from, until=until)
    return text + extra


def git(root: Path, *args: str) -> str:
    """Run git in ``root`` (paths unquoted, UTF-8) and return its output."""
    return subprocess.run(
        ["git", "-c", "core.quotePath=false", "-C", str(root), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    ).stdout


def commits(root: Path) -> list[str]:
    """The subjects of every commit, newest first."""
    return git(root, "log", "--format=%s").splitlines()


def last_commit(root: Path) -> tuple[str, list[str]]:
    """The subject and the files of HEAD."""
    lines = git(root, "show", "--name-only", "--format=%s", "HEAD").splitlines()
    return lines[0], sorted(line for line in lines[1:] if line)
