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


def table(*columns: str, title: str | None = None, wide: str | None = None):
    """A plain table; every column but ``wide`` keeps its cells on one line where it can."""
    from rich import box
    from rich.table import Table

    grid = Table(title=title, box=box.SIMPLE_HEAVY, show_lines=False)
    for column in columns:
        if wide is None:
            grid.add_column(column, overflow="fold")
        elif column == wide:
            grid.add_column(column, overflow="fold", ratio=1, min_width=16)
        else:
            grid.add_column(column, no_wrap=True)
    return grid
