"""Per-invocation state set by the root callback (the ``-w`` option)."""

from __future__ import annotations

from pathlib import Path

workspace_option: Path | None = None
