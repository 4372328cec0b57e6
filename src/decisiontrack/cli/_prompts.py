"""Ask for missing values at a terminal; without one, fail at once listing the options.

copier's habit: every prompt has a flag, and no prompt ever blocks cron or CI.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from decisiontrack.cli._common import is_interactive, parse_date
from decisiontrack.errors import UserError


@dataclass(frozen=True)
class Ask:
    """A required value: its key, its option, what to call it, and how to ask."""

    key: str
    option: str
    label: str
    kind: str = "text"  # text | date | choice | list
    choices: dict[str, str] | None = None
    required: bool = True
    check: Callable[[str], str | None] | None = None
    """For ``list``: returns a Chinese message when one answer is malformed, else None."""


def fill_missing(values: dict[str, Any], asks: list[Ask]) -> dict[str, Any]:
    """Return ``values`` with every missing value asked for at a terminal.

    Without a terminal, a missing required value is an error (exit 2) and an optional one
    (``required=False``) stays missing.
    """
    missing = [ask for ask in asks if values.get(ask.key) in (None, "", [])]
    if not missing:
        return values
    if not is_interactive():
        required = [ask for ask in missing if ask.required]
        if not required:
            return values
        listed = "、".join(f"{ask.option}（{ask.label}）" for ask in required)
        raise UserError(f"缺少必需的选项：{listed}。没有终端时无法询问，请在命令行中给出")
    import questionary

    filled = dict(values)
    for ask in missing:
        filled[ask.key] = _ask(questionary, ask)
    return filled


def _ask_list(questionary: Any, ask: Ask) -> list[str]:
    """One answer per prompt until an empty one."""
    def valid(text: str) -> bool | str:
        problem = ask.check(text) if ask.check is not None and text.strip() else None
        return problem or True

    answers: list[str] = []
    while True:
        answer = questionary.text(f"{ask.label}（第{len(answers) + 1}项，直接回车结束）：", validate=valid).ask()
        if answer is None:
            raise UserError("已取消")
        if not answer.strip():
            return answers
        answers.append(answer.strip())


def _ask(questionary: Any, ask: Ask) -> Any:
    if ask.kind == "list":
        return _ask_list(questionary, ask)
    if ask.kind == "choice" and ask.choices:
        options = [questionary.Choice(f"{label}（{value}）", value) for value, label in ask.choices.items()]
        answer = questionary.select(f"{ask.label}：", choices=options).ask()
    elif ask.kind == "date":
        answer = questionary.text(
            f"{ask.label}（如 2024-01-08）：",
            validate=lambda text: _valid_date(text) or "请输入真实的日期，如 2024-01-08",
        ).ask()
    else:
        answer = questionary.text(f"{ask.label}：", validate=lambda text: bool(text.strip()) or "不能为空").ask()
    if answer is None:
        raise UserError("已取消")
    return parse_date(answer, ask.option) if ask.kind == "date" else answer.strip()


def _valid_date(text: str) -> bool:
    try:
        parse_date(text, "")
    except UserError:
        return False
    return True
