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
    command really wrote (or removed), and what git warned about (a detached HEAD). ``notes`` are
    what the operation wants the user to know (e.g. that a secret title was not stored).
    """

    command: str
    decision_id: str
    summary: str
    files: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def message(self) -> str:
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
    """Validate options into a record; errors name the command-line option (``--adopted-on``).

    The option of an error at ``("submitter", "name")`` is ``--submitter-name``; ``option_names``
    maps a key (or the first keys joined by ``_``) to another option: ``{"milestones": "--milestone"}``.
    """
    try:
        return model.model_validate(data)
    except ValidationError as error:
        from decisiontrack.store.problems import describe_error, error_loc

        lines = []
        for item in error.errors(include_url=False):
            option = _option_for(error_loc(item), option_names or {})
            lines.append(f"{option}：{describe_error(item)}" if option else describe_error(item))
        raise UserError("；".join(lines)) from None


def _option_for(loc: tuple, option_names: dict[str, str]) -> str:
    keys = [str(part) for part in loc if not isinstance(part, int)]
    for end in range(len(keys), 0, -1):
        joined = "_".join(keys[:end])
        if joined in option_names:
            return option_names[joined]
    return "--" + "-".join(keys).replace("_", "-") if keys else ""
