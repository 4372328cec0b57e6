"""``decisiontrack.toml``: the workspace settings (SPEC §2)."""

from __future__ import annotations

from pydantic import Field

from decisiontrack.model.common import Record

DEFAULT_PROFILE = "ordos-2024"


class WorkspaceSection(Record):
    """``[workspace]``: the deciding organ and the regulation it works under.

    ``allow_secret_text``: a repository on a classified network may hold the real titles and texts
    of secret decisions; by default they keep a placeholder only (``ops/secrecy.py``).
    """

    organization: str = ""
    profile: str = DEFAULT_PROFILE
    allow_secret_text: bool = False


class CheckSection(Record):
    """``[check]``: how far ahead ``due-soon`` looks."""

    due_soon_days: int = Field(default=30, ge=0, le=3650)


class GitSection(Record):
    """``[git]``: ``auto_commit`` defaults to true inside a git repository."""

    auto_commit: bool = True


class Settings(Record):
    """The whole settings file; ``[parameters]`` override the profile's defaults."""

    workspace: WorkspaceSection = Field(default_factory=WorkspaceSection)
    check: CheckSection = Field(default_factory=CheckSection)
    parameters: dict[str, int | float | bool | str | dict[str, int | float | bool | str]] = Field(default_factory=dict)
    """Checked against the profile (names, types, ranges, dated values) when it is loaded."""
    git: GitSection = Field(default_factory=GitSection)


