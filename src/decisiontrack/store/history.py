"""Read the audit trail back: the tool's commits, their trailers, and files as they were.

Every commit the tool makes carries ``Decisiontrack-Command`` and ``Decisiontrack-Decision``
trailers (``store.transaction``); ``history`` shows them and ``undo`` refuses a commit without
them. A renamed decision names its old id in ``Decisiontrack-Renamed-From``, so its history
continues under the new id.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field

from decisiontrack.store.git import TRAILER_COMMAND, TRAILER_DECISION, Repository

TRAILER_RENAMED_FROM = "Decisiontrack-Renamed-From"
TRAILER_REVERTS = "Decisiontrack-Reverts"

_FIELD, _RECORD = "\x1f", "\x1e"
_FORMAT = _FIELD.join(["%H", "%P", "%ad", "%an", "%s", "%(trailers:unfold,only)"]) + _RECORD


@dataclass(frozen=True)
class Commit:
    """One commit as ``history`` shows it and ``undo`` judges it."""

    sha: str
    parents: tuple[str, ...]
    date: str
    author: str
    subject: str
    trailers: dict[str, str] = field(default_factory=dict)

    @property
    def command(self) -> str:
        """The tool's command that made the commit; empty for a commit made by hand."""
        return self.trailers.get(TRAILER_COMMAND, "")

    @property
    def decision(self) -> str:
        return self.trailers.get(TRAILER_DECISION, "")


def _run(repo: Repository, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", "-C", str(repo.top), "-c", "core.quotePath=false", *args], capture_output=True)


def _trailers(text: str) -> dict[str, str]:
    trailers = {}
    for line in text.splitlines():
        key, sep, value = line.partition(": ")
        if sep:
            trailers[key.strip()] = value.strip()
    return trailers


def log(repo: Repository, revision: str = "HEAD", paths: list[str] | None = None, limit: int | None = None) -> list[Commit]:
    """Commits reachable from ``revision`` that touched ``paths`` (all when None), newest first."""
    args = ["log", f"--format={_FORMAT}", "--date=short"]
    if limit is not None:
        args.append(f"-n{limit}")
    args.append(revision)
    if paths is not None:
        args += ["--", *paths]
    result = _run(repo, *args)
    if result.returncode != 0:
        return []
    commits = []
    for record in result.stdout.decode("utf-8", "replace").split(_RECORD):
        parts = record.strip("\n").split(_FIELD)
        if len(parts) != 6:
            continue
        sha, parents, day, author, subject, trailers = parts
        commits.append(Commit(sha, tuple(parents.split()), day, author, subject, _trailers(trailers)))
    return commits


def decision_history(repo: Repository, folder: str, decision_id: str, revision: str = "HEAD") -> list[Commit]:
    """Every commit of a decision folder, newest first, following renames back through its old ids."""
    commits = log(repo, revision, [folder])
    renames = [c for c in commits if c.command == "decision rename" and c.decision == decision_id
               and c.trailers.get(TRAILER_RENAMED_FROM) and c.parents]
    if renames:
        first = renames[-1]  # the oldest rename into this id: before it, the decision had its old id
        old_id = first.trailers[TRAILER_RENAMED_FROM]
        old_folder = f"{folder.rsplit('/', 1)[0]}/{old_id}" if "/" in folder else old_id
        commits += decision_history(repo, old_folder, old_id, first.parents[0])
    return commits


def changed_paths(repo: Repository, commit: Commit) -> list[str]:
    """The files a commit added, changed or removed (renames as a removal and an addition)."""
    parent = commit.parents[0] if commit.parents else "--root"
    args = ["diff-tree", "-r", "--no-renames", "--name-only", "-z", "--no-commit-id"]
    args += [parent, commit.sha] if commit.parents else ["--root", commit.sha]
    result = _run(repo, *args)
    return [name for name in result.stdout.decode("utf-8").split("\0") if name]


def file_at(repo: Repository, revision: str, path: str) -> bytes | None:
    """The bytes of ``path`` in ``revision``; None when the file did not exist there."""
    result = _run(repo, "cat-file", "blob", f"{revision}:{path}")
    return result.stdout if result.returncode == 0 else None


def resolve(repo: Repository, revision: str) -> str | None:
    """The full id of a commit named by a short id, a branch or ``HEAD~1``; None when unknown."""
    result = _run(repo, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    if result.returncode != 0:
        return None
    return result.stdout.decode().strip() or None
