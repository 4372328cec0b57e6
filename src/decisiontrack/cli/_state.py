"""Per-invocation state set by the root callback (the ``-w`` option) and by ``workspace_root``."""

from __future__ import annotations

import os
from pathlib import Path

workspace_options: list[Path] = []
"""Every ``-w`` given, before or after the subcommand (several for the multi-workspace views)."""
root: Path | None = None


def shown_path(path: Path) -> str:
    """A written file as the user should see it: relative to the workspace when inside it."""
    if root is not None:
        relative = os.path.relpath(path, root)
        if not relative.startswith(".."):
            return Path(relative).as_posix()
    return str(path)
