"""Tables sized to what they hold, on the body's line grid, never split inside a row.

Column widths follow the automatic layout of HTML tables: each column wants the width of
its longest cell and needs at least the width of its longest unbreakable piece — a date,
a number, a Latin word, or a short cell such as 未完成 — so ``2024年10月15日`` never breaks.
When the wants fit, the spare width is shared in proportion; when they do not, each column
gets its need and the rest goes to the columns that want more. Widths are written as a
fixed layout (``w:tblGrid``, ``w:tcW``) so Word, WPS and LibreOffice agree.
"""

from __future__ import annotations

import math
import re

#: Twips of one 4号 (14 pt) character, and the cell's left plus right margins.
CHAR_TWIPS = 280
CELL_PADDING = 2 * 108 + 30
SHORT_CELL = 6  # characters: a cell this short stays on one line
TEXT_FLOOR = 6  # characters a column of running text keeps when there is room for it
AUTOSPACE = 0.25  # characters Word and LibreOffice add between Chinese and Latin or digits
LATIN = 0.55  # characters a Latin letter or digit may take (Times New Roman 0.5, its stand-ins more)
_ARTICLE = r"第[一二三四五六七八九十百零〇]+[条款项](?:第[（(]?[一二三四五六七八九十]+[）)]?[款项])*"
_DATE = r"\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d{4}年(?:[上下]半年|第[一二三四]季度)?"
_UNBREAKABLE = re.compile(
    rf"{_ARTICLE}|{_DATE}|[\x21-\x7e]+[，。、；：）%]?|[^\x00-\x7f][，。、；：）]?"
)
_SCRIPT_CHANGE = re.compile(r"(?<=[0-9A-Za-z])(?=[^\x00-\x7f])|(?<=[^\x00-\x7f])(?=[0-9A-Za-z])")


def text_width(text: str) -> float:
    """Width in characters as laid out: Latin a little over half, plus the space at script changes."""
    latin = sum(1 for char in text if ord(char) < 0x2E80)
    return len(text) - latin * (1 - LATIN) + AUTOSPACE * len(_SCRIPT_CHANGE.findall(text))


def needed(text: str) -> float:
    """The narrowest width (in characters) a cell can take without breaking a unit."""
    lines = text.split("\n")
    if max(text_width(line) for line in lines) <= SHORT_CELL:
        return max(text_width(line) for line in lines)
    pieces = [piece for line in lines for piece in _UNBREAKABLE.findall(line)]
    return max((text_width(piece) for piece in pieces), default=0.0)


def wanted(text: str) -> float:
    """The width (in characters) a cell takes on one line per written line."""
    return max(text_width(line) for line in text.split("\n"))


def column_widths(rows: list[list[str]], total: int, char_twips: int = CHAR_TWIPS) -> list[int]:
    """Widths in twips of each column, summing to ``total``."""
    columns = max(len(row) for row in rows)
    least = [0.0] * columns
    most = [0.0] * columns
    for row in rows:
        for index, text in enumerate(row):
            least[index] = max(least[index], needed(text) * char_twips + CELL_PADDING)
            most[index] = max(most[index], wanted(text) * char_twips + CELL_PADDING)
    floor = TEXT_FLOOR * char_twips + CELL_PADDING
    roomy = [max(low, min(high, floor)) for low, high in zip(least, most, strict=True)]
    if sum(roomy) <= total:  # running text keeps a few characters a line when it can
        least = roomy
    if sum(most) <= total:
        widths = [width + (total - sum(most)) * width / sum(most) for width in most]
    elif sum(least) <= total:
        spare = total - sum(least)
        room = [high - low for high, low in zip(most, least, strict=True)]
        widths = [low + spare * extra / sum(room) for low, extra in zip(least, room, strict=True)]
    else:  # even the needs do not fit: shrink them all alike
        widths = [width * total / sum(least) for width in least]
    rounded = [int(width) for width in widths]
    rounded[-1] += total - sum(rounded)
    return rounded


def row_lines(cells: list[str], widths: list[int], char_twips: int = CHAR_TWIPS) -> int:
    """How many lines the tallest cell of a row takes in its column (at least one)."""
    lines = 1
    for text, width in zip(cells, widths, strict=False):
        room = max(width - CELL_PADDING, char_twips)
        count = sum(max(1, math.ceil(text_width(line) * char_twips / room - 1e-9)) for line in text.split("\n"))
        lines = max(lines, count)
    return lines
