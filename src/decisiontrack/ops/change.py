"""What a writing command did: the files it wrote and its commit message."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from decisiontrack.errors import UserError


@dataclass
class Change:
    """Files written by one command, committed as ``<command>(<decision id>): <summary>``."""

    command: str
    decision_id: str
    summary: str
    files: list[Path] = field(default_factory=list)

    @property
    def message(self) -> str:
        return f"{self.command}({self.decision_id}): {self.summary}"


def build(model: type[BaseModel], data: dict, option_names: dict[str, str] | None = None):
    """Validate options into a record; errors name the command-line option (``--adopted-on``)."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        from decisiontrack.store.problems import describe_error

        lines = []
        for item in error.errors(include_url=False):
            loc = tuple(item["loc"])
            key = str(loc[0]) if loc else ""
            option = (option_names or {}).get(key, "--" + key.replace("_", "-")) if key else ""
            lines.append(f"{option}：{describe_error(item)}" if option else describe_error(item))
        raise UserError("；".join(lines)) from None


def record_change(root: Path, change: Change, *, commit: bool) -> str | None:
    """Commit the change when the workspace is a git repository with ``auto_commit``."""
    if not commit or not change.files:
        return None
    from decisiontrack.store.git import commit_files, in_repository
    from decisiontrack.store.loader import load_settings

    settings, _ = load_settings(root)
    if not settings.git.auto_commit or not in_repository(root):
        return None
    return commit_files(root, change.files, change.message)
