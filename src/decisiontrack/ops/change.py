"""What a writing command did: the files it wrote and its commit message."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import ParamSpec, TypeVar

from pydantic import BaseModel, ValidationError

from decisiontrack.errors import UserError

P = ParamSpec("P")
R = TypeVar("R")


@dataclass
class Change:
    """What one command did, committed as ``<command>(<decision id>): <summary>``.

    ``files`` and ``warnings`` are filled by :func:`writes` from the transaction: the files the
    command really wrote (or removed), and what git warned about (a detached HEAD).
    """

    command: str
    decision_id: str
    summary: str
    files: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def message(self) -> str:
        if not self.decision_id:  # an import touches many decisions
            return f"{self.command}: {self.summary}"
        return f"{self.command}({self.decision_id}): {self.summary}"


def writes(operation: Callable[P, R]) -> Callable[..., R]:
    """Run a writing operation inside the workspace transaction (lock → write → commit → unlock).

    The operation takes the workspace root first and returns a :class:`Change` (alone or last in
    a tuple); callers pass ``commit=False`` for ``--no-commit``. A commit git refuses raises
    ``NotCommitted`` (exit 4) after the files were written.
    """

    @functools.wraps(operation)
    def run(root: Path, *args, commit: bool = True, **kwargs) -> R:
        from decisiontrack.store.transaction import transaction

        with transaction(root, commit=commit) as tx:
            result = operation(root, *args, **kwargs)
            change = result[-1] if isinstance(result, tuple) else result
            change.files = [*tx.written, *tx.removed]
            tx.describe(change.message, command=change.command, decision=change.decision_id)
        change.warnings = tx.warnings
        return result

    return run


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
