"""The git audit trail: each writing command commits exactly the files it wrote."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", "-C", str(root), *args], capture_output=True, text=True, encoding="utf-8"
    )


def in_repository(root: Path) -> bool:
    """True when ``root`` lies inside a git work tree (and git is installed)."""
    if shutil.which("git") is None:
        return False
    result = _git(root, "rev-parse", "--is-inside-work-tree")
    return result.returncode == 0 and result.stdout.strip() == "true"


def init_repository(root: Path) -> bool:
    """``git init``; False when git is not installed."""
    if shutil.which("git") is None:
        return False
    return _git(root, "init", "-q").returncode == 0


def commit_files(root: Path, files: list[Path], message: str) -> str | None:
    """Stage and commit exactly ``files``; returns a warning in Chinese when git refused."""
    names = [str(path.resolve().relative_to(root.resolve())) for path in files]
    added = _git(root, "add", "--", *names)
    if added.returncode != 0:
        return f"git add 失败，修改已保存但未提交：{added.stderr.strip()}"
    committed = _git(root, "commit", "-q", "-m", message, "--", *names)
    if committed.returncode != 0:
        detail = committed.stderr.strip() or committed.stdout.strip()
        if "user.email" in detail or "user.name" in detail or "identity" in detail:
            return ("git 未设置提交人，修改已保存但未提交；请运行 "
                    "git config user.name \"姓名\" 和 git config user.email \"邮箱\"")
        return f"git commit 失败，修改已保存但未提交：{detail}"
    return None


@dataclass(frozen=True)
class Commit:
    """One line of ``history``."""

    date: str
    author: str
    message: str


def history(root: Path, path: str) -> list[Commit]:
    """Commits that touched ``path`` (a decision folder), newest first."""
    result = _git(root, "log", "--date=short", "--format=%ad%x09%an%x09%s", "--", path)
    if result.returncode != 0:
        return []
    commits = []
    for line in result.stdout.splitlines():
        day, author, message = line.split("\t", 2)
        commits.append(Commit(day, author, message))
    return commits
