"""Ask for missing values at a terminal; without one, fail at once listing the options.

copier's habit: every prompt has a flag, and no prompt ever blocks cron or CI. Each answer is
checked as it is typed (a wrong date is asked again at once, never reported after the last
question), by the same conversion the command line uses. questionary's own words are replaced by
Chinese ones; Ctrl-C cancels without writing anything.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from decisiontrack.cli._common import is_interactive, parse_date
from decisiontrack.errors import UserError

SELECT_HINT = "（用 ↑↓ 选择，回车确认）"

Choices = dict[str, str] | Callable[[dict[str, Any]], dict[str, str]]
"""code → label, or a function of the answers so far that gives them (rules triggered on a day)."""


@dataclass(frozen=True)
class Ask:
    """A value to ask for: its key, its option, what to call it, and how to ask and check it.

    ``kind`` is ``text``, ``date``, ``choice`` (one of ``choices``), ``several`` (``choices`` are
    listed, the answer names any number of them or of others ``parse`` accepts, or none) or
    ``list`` (one answer per prompt until an empty one). ``parse`` turns a typed
    answer into the value or raises :class:`UserError`; ``check`` returns a Chinese message for a
    malformed answer (else None). Either message is shown under the prompt and the question asked
    again. An ask that is not ``required`` is only put to a person at a terminal; without one the
    value stays unset.
    """

    key: str
    option: str
    label: str
    kind: str = "text"
    choices: Choices | None = None
    parse: Callable[[str], Any] | None = None
    required: bool = True
    note: str = ""
    check: Callable[[str], str | None] | None = None


def fill_missing(values: dict[str, Any], asks: list[Ask]) -> dict[str, Any]:
    """Return ``values`` with every missing value asked for (or raise, exit 2, listing the required ones)."""
    missing = [ask for ask in asks if values.get(ask.key) in (None, "", [])]
    if not missing:
        return values
    if not is_interactive():
        required = [ask for ask in missing if ask.required]
        if required:
            listed = "、".join(f"{ask.option}（{ask.label}）" for ask in required)
            raise UserError(f"缺少必需的选项：{listed}。没有终端时无法询问，请在命令行中给出")
        return values
    import questionary

    filled = dict(values)
    for ask in missing:
        filled[ask.key] = _ask(questionary, ask, filled)
    return filled


def convert(ask: Ask, text: str) -> Any:
    """A typed answer as the value, or :class:`UserError` saying what is wrong with it."""
    text = text.strip()
    if not text:
        raise UserError("不能为空")
    problem = ask.check(text) if ask.check is not None else None
    if problem:
        raise UserError(problem)
    if ask.parse is not None:
        return ask.parse(text)
    if ask.kind == "date":
        try:
            return parse_date(text, ask.option)
        except UserError:
            raise UserError("请输入真实的日期，如 2024-01-08") from None
    return text


def checker(ask: Ask) -> Callable[[str], bool | str]:
    """questionary's ``validate``: True, or the Chinese message shown under the prompt."""

    def check(text: str) -> bool | str:
        try:
            convert(ask, text)
        except UserError as error:
            return str(error)
        return True

    return check


def _choices(ask: Ask, answers: dict[str, Any]) -> dict[str, str]:
    return ask.choices(answers) if callable(ask.choices) else dict(ask.choices or {})


def _ask(questionary: Any, ask: Ask, answers: dict[str, Any]) -> Any:
    title = f"{ask.label}{ask.note}："
    if ask.kind == "choice":
        options = [questionary.Choice(f"{label}（{code}）", code) for code, label in _choices(ask, answers).items()]
        return questionary.select(title, choices=options, instruction=SELECT_HINT).unsafe_ask()
    if ask.kind == "several":
        return _ask_several(questionary, ask, answers)
    if ask.kind == "list":
        return _ask_list(questionary, ask)
    example = "（如 2024-01-08）" if ask.kind == "date" else ""
    answer = questionary.text(f"{ask.label}{example}{ask.note}：", validate=checker(ask)).unsafe_ask()
    return convert(ask, answer)


def _ask_list(questionary: Any, ask: Ask) -> list[Any]:
    """One answer per prompt, each checked as typed, until an empty one."""
    check = checker(ask)
    answers: list[Any] = []
    while True:
        prompt = f"{ask.label}（第{len(answers) + 1}项，直接回车结束）："
        answer = questionary.text(prompt, validate=lambda text: not text.strip() or check(text)).unsafe_ask()
        if not answer.strip():
            return answers
        answers.append(convert(ask, answer))


def _ask_several(questionary: Any, ask: Ask, answers: dict[str, Any]) -> Any:
    """List what is offered (by number and article), then take a typed answer; blank means none.

    Typed rather than ticked: questionary's checkbox says "done" in English once answered.
    """
    import typer

    offered = _choices(ask, answers)
    if offered:
        typer.echo(f"{ask.label}可选：")
        for label in offered.values():
            typer.echo(f"  {label}")
    check = checker(ask)
    answer = questionary.text(f"{ask.label}{ask.note}：", validate=lambda text: not text.strip() or check(text)).unsafe_ask()
    return convert(ask, answer) if answer.strip() else []
