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


SUBJECTS: dict[str, str] = {
    "init": "新建工作区",
    "decision add": "登记决策",
    "decision set": "修改",
    "decision status": "变更状态",
    "decision rename": "更改编号",
    "plan create": "制定跟踪反馈工作方案",
    "plan set": "修改跟踪反馈工作方案",
    "plan done": "完成时间节点",
    "plan move": "调整时间节点",
    "plan add-milestone": "增加时间节点",
    "feedback add": "登记意见",
    "feedback set": "修改意见",
    "feedback withdraw": "撤回意见",
    "event add": "登记事实",
    "event set": "修改事实",
    "event reported": "报告事实",
    "event withdraw": "撤回事实",
    "inspection add": "登记督查",
    "inspection set": "修改督查",
    "inspection done": "完成整改",
    "inspection withdraw": "撤回督查",
    "inspection scaffold": "生成督查报告框架",
    "progress new": "起草跟踪反馈报告",
    "evaluation start": "启动评估",
    "evaluation scaffold": "生成评估文书框架",
    "evaluation advance": "记录评估阶段",
    "evaluation decide": "记录评估决定",
    "evaluation annual-plan": "生成年度评估计划",
    "import decisions": "导入决策",
    "feedback import": "导入意见",
    "evaluation import": "导入评估报告",
    "undo": "撤销",
}
"""The Chinese verb of each writing command: the first words of its commit's subject line.

``history`` shows them for the ``Decisiontrack-Command`` trailer; a command missing here is
shown by its name.
"""


def subject_verb(command: str) -> str:
    """The Chinese name of a command, as commit subjects and ``history`` show it."""
    return SUBJECTS.get(command, command)


@dataclass
class Change:
    """What one command did, committed as ``<中文动作> <决策编号>：<摘要>`` (``修改 2023-001：名称``).

    ``files``, ``removed`` and ``warnings`` are filled by :func:`writes` from the transaction: the
    files the command really wrote or removed (``removed`` those removed), and what git warned
    about (a detached HEAD). ``trailers`` are added to the transaction's own
    (``Decisiontrack-Command``, ``Decisiontrack-Decision``). ``notes`` are what the operation wants
    the user to know (e.g. that a secret title was not stored).
    """

    command: str
    decision_id: str
    summary: str
    files: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    trailers: dict[str, str] = field(default_factory=dict)
    removed: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def message(self) -> str:
        head = f"{subject_verb(self.command)} {self.decision_id}".strip()
        return f"{head}：{self.summary}" if self.summary else head


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
            change.removed = list(tx.removed)
            tx.describe(change.message, command=change.command, decision=change.decision_id)
            tx.trailers.update(change.trailers)
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
