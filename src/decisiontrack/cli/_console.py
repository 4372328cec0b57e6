"""The rich consoles: user text is never parsed as markup; colour only on a terminal."""

from __future__ import annotations

from functools import cache


@cache
def out():
    """Data goes to stdout."""
    from rich.console import Console

    return Console(markup=False, emoji=False, highlight=False)


@cache
def err():
    """Diagnostics go to stderr."""
    from rich.console import Console

    return Console(stderr=True, markup=False, emoji=False, highlight=False)


def table(*columns: str, title: str | None = None):
    """A plain table with the given column headers."""
    from rich import box
    from rich.table import Table

    grid = Table(title=title, box=box.SIMPLE_HEAVY, show_lines=False)
    for column in columns:
        grid.add_column(column, overflow="fold")
    return grid
