"""Find the header row of a sheet and which column holds which field.

Ledgers start with a title row (``鄂尔多斯市重大行政决策事项台账``), a blank row or a 填报单位 line;
the header is the first row that names the columns a file cannot do without (for a ledger, a name
and a date). Header texts are compared without spaces, line breaks, ``*`` marks and parenthetical
notes, so ``审议通过\\n日期（必填）`` is ``审议通过日期``. ``--map 列名=字段`` names the rest.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from decisiontrack.errors import UserError
from decisiontrack.intake.tables import ImportRefused, Table, column_letter

HEADER_SCAN_ROWS = 30
"""How far down a sheet the header row is looked for."""

IGNORE = ("忽略", "ignore", "-")
"""``--map 列名=忽略`` leaves a column out."""

QUIET = ("序号",)
"""Headers of columns that carry nothing to import and are not worth a note."""


@dataclass(frozen=True)
class Column:
    """A field a file may carry: its record key, its Chinese name, the headers offices write."""

    key: str
    label: str
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)


@dataclass
class Header:
    """The header row found: where each field is, and the columns nobody claimed."""

    row: int
    names: list[str]
    columns: dict[str, int] = field(default_factory=dict)
    unrecognised: list[str] = field(default_factory=list)

    def header_of(self, key: str) -> str:
        return self.names[self.columns[key]]

    def places(self, table: Table, row: int) -> Places:
        """Where each field of ``row`` is, named only when a message needs it."""
        return Places(table, self, row)


@dataclass(frozen=True)
class Places:
    """The cells of one row by field: ``places["adopted_on"]`` → ``工作表“台账” E6（审议通过日期）``."""

    table: Table
    header: Header
    row: int

    def get(self, key: str) -> str | None:
        if key not in self.header.columns:
            return None
        return self.table.place(self.row, self.header.columns[key], self.header.header_of(key))

    def __getitem__(self, key: str) -> str:
        return self.get(key) or self.table.row_place(self.row)


def normalize_header(value) -> str:
    """``审议通过\\n日期（必填）*`` → ``审议通过日期``."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value))
    text = re.sub(r"\([^)]*\)|【[^】]*】|\[[^\]]*\]", "", text)
    return re.sub(r"[\s*:：]", "", text)


def parse_mapping(options: list[str], columns: tuple[Column, ...]) -> dict[str, str | None]:
    """``--map 列名=字段`` (a field's key or Chinese name, or 忽略) → normalised header → key or None."""
    by_name = {}
    for column in columns:
        by_name[column.key] = column.key
        by_name[normalize_header(column.label)] = column.key
    mapping: dict[str, str | None] = {}
    for option in options:
        header, sep, target = option.partition("=")
        header, target = normalize_header(header), target.strip()
        if not sep or not header or not target:
            raise UserError(f"--map “{option}” 无效：应写成 列名=字段，如 --map 批准日期=通过日期")
        if target in IGNORE:
            mapping[header] = None
        elif target in by_name or normalize_header(target) in by_name:
            mapping[header] = by_name.get(target) or by_name[normalize_header(target)]
        else:
            listed = "、".join(f"{c.label}（{c.key}）" for c in columns)
            raise UserError(f"--map “{option}”：没有字段“{target}”；可用的字段：{listed}，或写“忽略”")
    return mapping


def locate_header(
    tables: list[Table],
    sheet: str | None,
    columns: tuple[Column, ...],
    mapping: dict[str, str | None],
    enough: Callable[[set[str]], bool],
    wanted: str,
) -> tuple[Table, Header]:
    """The sheet (``--sheet``, else the first with a header row) and its header row.

    ``wanted`` says in words which columns make a header, for the refusal.
    """
    if sheet is not None:
        chosen = [t for t in tables if t.sheet == sheet]
        if not chosen:
            names = "、".join(f"“{t.sheet}”" for t in tables if t.sheet is not None) or "无（CSV 文件没有工作表）"
            raise UserError(f"--sheet：文件中没有工作表“{sheet}”；已有：{names}")
        tables = chosen
    for table in tables:
        header = find_header(table, columns, mapping, enough)
        if header is not None:
            return table, header
    where = f"工作表“{sheet}”" if sheet else "文件"
    raise ImportRefused(f"{tables[0].file}：{where}的前 {HEADER_SCAN_ROWS} 行中找不到表头行（应有一行同时写着{wanted}）；"
                        "列名不同时请用 --map 列名=字段 指明")


def find_header(
    table: Table,
    columns: tuple[Column, ...],
    mapping: dict[str, str | None],
    enough: Callable[[set[str]], bool],
) -> Header | None:
    """The first row (within :data:`HEADER_SCAN_ROWS`) whose recognised fields are ``enough``."""
    aliases = {normalize_header(name): column.key for column in columns for name in column.names}
    for index, row in enumerate(table.rows[:HEADER_SCAN_ROWS]):
        keys = [_key(cell, aliases, mapping) for cell in row]
        if enough({key for key in keys if key}):
            return _header(table, index + 1, row, keys)
    return None


def _key(cell, aliases: dict[str, str], mapping: dict[str, str | None]) -> str | None:
    name = normalize_header(cell)
    if name in mapping:
        return mapping[name]
    return aliases.get(name)


def _header(table: Table, number: int, row: list, keys: list[str | None]) -> Header:
    names = ["" if cell is None else str(cell).strip() for cell in row]
    header = Header(number, names)
    twice: dict[str, list[int]] = {}
    for index, key in enumerate(keys):
        if key is None:
            if names[index] and normalize_header(names[index]) not in QUIET:
                header.unrecognised.append(names[index])
            continue
        twice.setdefault(key, []).append(index)
        header.columns.setdefault(key, index)
    clashes = {key: places for key, places in twice.items() if len(places) > 1}
    if clashes:
        lines = []
        for places in clashes.values():
            listed = "、".join(f"{column_letter(i)}{number}（{names[i]}）" for i in places)
            lines.append(f"{listed} 对应同一字段")
        first = names[next(iter(clashes.values()))[1]]
        raise ImportRefused(f"{table.file} 表头有歧义：{'；'.join(lines)}；"
                            f"请用 --map 指明不导入的一列，如 --map {first}=忽略")
    return header


def data_rows(table: Table, header: Header) -> Iterator[tuple[int, dict]]:
    """Each data row below the header: its number and the value of each field's cell.

    Blank rows (or rows with values only in ignored columns), note rows (one merged cell across the
    table) and the header repeated on a printed page are skipped.
    """
    for number in range(header.row + 1, len(table.rows) + 1):
        if number in table.notes:
            continue
        cells = table.rows[number - 1]
        given = {key: cells[index] if index < len(cells) else None for key, index in header.columns.items()}
        written = {key: _plain(value) for key, value in given.items()}
        if not any(written.values()):
            continue
        if all(written[key] == _plain(header.header_of(key)) for key in given):
            continue
        yield number, given


def _plain(value) -> str:
    return "" if value is None else unicodedata.normalize("NFKC", str(value)).strip()
