"""What the entry groups (feedback, event, inspection) share: ``withdraw`` and presenting ``set``."""

from collections.abc import Callable
from typing import Annotated

import typer

from decisiontrack.cli._common import DecisionArgument, NoCommitOption, command, decision_root, finish, parse_date


def register_withdraw(target: typer.Typer, kind_folder: str, what: str, metavar: str) -> None:
    """Add ``withdraw ID ENTRY --reason … [--on DATE]`` for one kind of entry."""

    def withdraw(
        decision_id: DecisionArgument,
        entry_id: Annotated[str, typer.Argument(metavar=metavar, help=f"{what}文件名（不含 .toml）。")],
        reason: Annotated[str | None, typer.Option("--reason", help="撤回原因，如 重复登记（留作审计记录）。")] = None,
        on: Annotated[str | None, typer.Option("--on", help="撤回日期，默认今天。")] = None,
        no_commit: NoCommitOption = False,
    ) -> None:
        from datetime import date

        from decisiontrack.cli._prompts import Ask, fill_missing
        from decisiontrack.ops.entries import entry_path, withdraw_entry

        day = parse_date(on, "--on") or date.today()
        root = decision_root(decision_id)
        entry_path(root, decision_id, kind_folder, entry_id)
        values = fill_missing({"reason": reason}, [Ask("reason", "--reason", "撤回原因")])
        change = withdraw_entry(root, decision_id, kind_folder, entry_id, day, values["reason"], commit=not no_commit)
        finish(root, change)
        typer.echo(f"已撤回{what} {entry_id}：文件保留，自 {day} 起不再计入。")

    withdraw.__doc__ = f"撤回一条{what}：文件保留作审计记录，写明撤回日期和原因，自该日起不再计入。"
    command(target, "withdraw")(withdraw)


def finish_set(root, change, what: str, entry_id: str) -> None:
    """Report a ``set`` of an entry: what was written, or that nothing changed."""
    finish(root, change)
    if change.files:
        typer.echo(f"已更正{what} {change.summary}")
    else:
        typer.echo(f"未修改{what} {entry_id}：所给的值与原记录相同。")


def withdrawn_note(entry) -> str:
    """``2024-04-01 撤回：重复登记`` for a withdrawn entry, empty otherwise."""
    return f"{entry.withdrawn_on} 撤回：{entry.withdrawn_reason}" if entry.withdrawn_on else ""


def withdrawn_count(entries) -> str:
    """``共 5 条`` or ``共 5 条，已撤回 1 条`` for a list title."""
    withdrawn = sum(1 for entry in entries if entry.record.withdrawn_on is not None)
    return f"共 {len(entries)} 条" + (f"，已撤回 {withdrawn} 条" if withdrawn else "")


FOLDER_ATTRIBUTES = {"feedback": "opinions", "events": "events", "inspections": "inspections"}


def print_entries(decision_id: str, kind_folder: str, title: str, columns: list[str], row: Callable,
                  after: tuple[list[str], Callable] | None = None, wide: str | None = None) -> None:
    """The ``list`` of one kind of entry: oldest first, a 撤回 column when any is withdrawn, then broken files.

    ``row(record, entry)`` gives the cells; ``after`` adds columns behind the 撤回 column (personal data).
    """
    from decisiontrack.cli import _console
    from decisiontrack.cli.decision import _report_errors
    from decisiontrack.ops.entries import ENTRY_KINDS
    from decisiontrack.ops.folders import open_decision

    problems: list = []
    folder = open_decision(decision_root(decision_id), decision_id, problems)
    entries = getattr(folder, FOLDER_ATTRIBUTES[kind_folder])
    dated_by = ENTRY_KINDS[kind_folder].dated_by
    withdrawn = any(entry.record.withdrawn_on for entry in entries)
    extra_columns, extra = after or ([], None)
    grid = _console.table(*columns, *(["撤回"] if withdrawn else []), *extra_columns,
                          title=f"{decision_id} 的{title}（{withdrawn_count(entries)}）", wide=wide)
    for entry in sorted(entries, key=lambda e: (getattr(e.record, dated_by), e.path)):
        cells = row(entry.record, entry) + ([withdrawn_note(entry.record)] if withdrawn else [])
        grid.add_row(*cells, *(extra(entry.record) if extra else []))
    _console.out().print(grid)
    _report_errors([p for p in problems if p.severity == "error"])
