"""One exception tree and the documented exit codes (SPEC §4).

Only ``cli`` turns these into messages and exit codes; the core raises or returns them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path


class ExitCode(IntEnum):
    """SPEC §4: 0 success, 1 findings at or above --fail-on, 2 usage, 3 invalid data,
    4 (writing commands only) written but not committed to git."""

    OK = 0
    FINDINGS = 1
    USAGE = 2
    DATA = 3
    NOT_COMMITTED = 4


class DecisionTrackError(Exception):
    """Base of every error the tool expects; anything else is a bug."""

    exit_code = ExitCode.USAGE


class UserError(DecisionTrackError):
    """Bad usage: unknown id, bad option value, existing record without --force (exit 2)."""


class NotCommitted(DecisionTrackError):
    """The files were written but git did not commit them (exit 4): the audit trail is behind.

    ``files`` are the paths written; the message says why git refused and what to run.
    """

    exit_code = ExitCode.NOT_COMMITTED

    def __init__(self, message: str, files: list[Path]):
        self.files = files
        super().__init__(message)


class DataError(DecisionTrackError):
    """The workspace holds invalid data that stops the command (exit 3)."""

    exit_code = ExitCode.DATA

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True, order=True)
class Problem:
    """A problem found in a file: where it is and what is wrong, in Chinese.

    ``severity`` is ``error`` (the file or its value is unusable) or ``warning``
    (kept but suspicious, e.g. an unknown key).
    """

    path: str
    line: int | None
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        prefix = "警告：" if self.severity == "warning" else ""
        return f"{where}: {prefix}{self.message}"

    def to_json(self) -> dict:
        """The shape of an entry of ``errors`` in ``check --format json``."""
        return {"path": self.path, "line": self.line, "message": self.message}


def relative(path: Path, root: Path) -> str:
    """A path as the user sees it: relative to the workspace, with forward slashes."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def printable(text: str) -> str:
    """``text`` safe to echo in a message: control characters shown as ``\\x1b`` instead of acting."""
    import re

    return re.sub(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", lambda m: f"\\x{ord(m.group()):02x}", text)
