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


RICH_ROWS = 200
"""Up to this many rows a terminal gets a rich table; more are printed plain (rich lays out every
row before the first line appears: 77% of ``check`` at 10,000 decisions)."""

PLAIN_WIDTH = 100
"""Line width of plain tables when ``COLUMNS`` does not say (a cron mail, a pipe)."""


def plain_lines(headers, rows, width: int | None = None):
    """A table as lines of fixed-width columns, two spaces apart; ids and dates never wrap.

    The last column is the free text (a title, a message): it follows on the line when the line
    stays within ``width``, and otherwise goes on its own line, indented, so a mail client that
    wraps long lines never breaks an id or a date.
    """
    import os

    from decisiontrack.textwidth import display_width

    if width is None:
        columns = os.environ.get("COLUMNS", "")
        width = int(columns) if columns.isdigit() else PLAIN_WIDTH
    measured: dict[str, int] = {}  # ids, articles and dates repeat: measure each text once

    def measure(text: str) -> int:
        found = measured.get(text)
        if found is None:
            found = measured[text] = display_width(text)
        return found

    fixed = len(headers) - 1
    table = [list(headers), *([str(cell) for cell in row] for row in rows)]
    widths = [max(measure(cells[index]) for cells in table) for index in range(fixed)]
    room = width - sum(widths) - 2 * fixed  # what is left for the free text on the same line
    for cells in table:
        head = "  ".join(cell + " " * (widths[i] - measure(cell)) for i, cell in enumerate(cells[:fixed]))
        last = cells[fixed]
        if not last:
            yield head.rstrip()
        elif 2 * len(last) <= room or (len(last) <= room and display_width(last) <= room):
            yield f"{head}  {last}"
        else:
            yield f"{head.rstrip()}\n    {last}"


def show_table(headers, rows, title: str | None = None) -> None:
    """Print a table to stdout: rich on a terminal for a few rows, plain lines otherwise."""
    import sys

    rows = list(rows)
    if sys.stdout.isatty() and len(rows) <= RICH_ROWS:
        grid = table(*headers, title=title, wide=headers[-1])
        for row in rows:
            grid.add_row(*(str(cell) for cell in row))
        out().print(grid)
        return
    text = "\n".join(plain_lines(headers, rows))
    sys.stdout.write((f"{title}\n" if title else "") + text + "\n")
