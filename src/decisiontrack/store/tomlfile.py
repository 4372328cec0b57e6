"""Read TOML files into plain data, turning every failure into a :class:`Problem` with a line.

tomllib's errors carry "at line N, column M" only inside their message, and pydantic's carry a
``loc`` path but no line: :func:`line_of` maps such a path back to the key's line in the source.
"""

from __future__ import annotations

import re
import tomllib
from datetime import date
from pathlib import Path

from decisiontrack.errors import Problem
from decisiontrack.model.common import CONTROL_CHARACTER, describe_control_character

_AT_LINE = re.compile(r"\(at line (\d+), column \d+\)")
_DATE_LIKE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"""^\s*((?:"[^"]*"|'[^']*'|[A-Za-z0-9_\-]+)(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[A-Za-z0-9_\-]+))*)\s*=""")

_MESSAGES = {
    "Illegal character '\\n'": "字符串缺少结尾的引号（文字须写在同一行的两个引号之间）",
    "Invalid date or datetime": "日期无效",
    "Unterminated string": "字符串缺少结尾的引号",
    "Cannot overwrite a value": "同一个键重复定义",
    "Cannot declare": "同一个表重复定义",
    "Invalid value": "值无效（文字须加引号，日期写作 2024-01-08 且不加引号）",
    "Invalid statement": "无法识别的语句（应为 键 = 值）",
    "Expected '=' after a key in a key/value pair": "键后面缺少“=”",
}


def decode_error_line(error: tomllib.TOMLDecodeError, text: str) -> int:
    """The 1-based line of a TOML syntax error; "at end of document" becomes the last line."""
    match = _AT_LINE.search(str(error))
    if match:
        return int(match.group(1))
    return max(1, text.count("\n") + (0 if text.endswith("\n") else 1))


def decode_error_message(error: tomllib.TOMLDecodeError, line_text: str = "") -> str:
    """A Chinese message for a TOML syntax error, naming an impossible date when there is one."""
    for candidate in _DATE_LIKE.finditer(line_text):
        year, month, day = (int(part) for part in candidate.groups())
        try:
            date(year, month, day)
        except ValueError:
            return f"日期 {candidate.group(0)} 不存在，请改为真实的日期"
    raw = _AT_LINE.sub("", str(error)).replace("(at end of document)", "").strip()
    control = CONTROL_CHARACTER.search(line_text)
    if raw.startswith("Illegal character") and control:
        return f"含有控制字符 {describe_control_character(control.group())}，多半是从终端或网页粘贴带入的；请删除它"
    for english, chinese in _MESSAGES.items():
        if raw.startswith(english):
            return f"TOML 语法错误：{chinese}"
    return f"TOML 语法错误：{raw}"


def read_text(path: Path | str, shown: str) -> tuple[str | None, Problem | None]:
    """Read a UTF-8 file; a missing or non-UTF-8 file is a problem, not an exception.

    A byte-order mark (Windows Notepad saves "UTF-8" with one) is dropped: TOML would read it
    as a stray character on line 1.
    """
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except FileNotFoundError:
        return None, Problem(shown, None, "文件不存在")
    except OSError as error:
        from decisiontrack.store.atomic import read_reason

        return None, Problem(shown, None, f"无法读取文件：{read_reason(error)}")
    try:
        return raw.decode("utf-8").removeprefix("\ufeff"), None
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, Problem(shown, line, "文件不是 UTF-8 编码，请用 UTF-8 另存该文件")


def parse_toml(text: str, shown: str) -> tuple[dict | None, Problem | None]:
    """Parse TOML text; a syntax error becomes a problem at its line."""
    try:
        return tomllib.loads(text), None
    except tomllib.TOMLDecodeError as error:
        line = decode_error_line(error, text)
        lines = text.splitlines()
        line_text = lines[line - 1] if 0 < line <= len(lines) else ""
        return None, Problem(shown, line, decode_error_message(error, line_text))


def read_toml(path: Path, shown: str) -> tuple[dict | None, str | None, Problem | None]:
    """Read and parse a TOML file: (data, text, problem)."""
    text, problem = read_text(path, shown)
    if problem:
        return None, None, problem
    data, problem = parse_toml(text, shown)
    return data, text, problem


def _split_key(key: str) -> list[str]:
    parts = re.findall(r'"[^"]*"|\'[^\']*\'|[^.\s]+', key)
    return [part.strip("\"'") for part in parts]


def key_lines(text: str) -> dict[tuple, int]:
    """Map every key path in a TOML text to its 1-based line (first occurrence wins).

    Arrays of tables are indexed: the second ``[[milestones]]`` is ``("milestones", 1)``.
    """
    lines: dict[tuple, int] = {}
    table: tuple = ()
    array_counts: dict[tuple, int] = {}
    in_multiline = False
    for number, line in enumerate(text.splitlines(), start=1):
        if in_multiline:
            if line.count('"""') % 2 == 1 or line.count("'''") % 2 == 1:
                in_multiline = False
            continue
        header = _HEADER.match(line)
        if header and not _KEY.match(line):
            names = tuple(_split_key(header.group(2)))
            if header.group(1) == "[[":
                index = array_counts.get(names, 0)
                array_counts[names] = index + 1
                table = (*names, index)
            else:
                table = names
            lines.setdefault(table, number)
            lines.setdefault(table[:-1] if table and isinstance(table[-1], int) else table, number)
            continue
        key = _KEY.match(line)
        if key:
            lines.setdefault((*table, *_split_key(key.group(1))), number)
            rest = line[key.end():]
            if rest.count('"""') % 2 == 1 or rest.count("'''") % 2 == 1:
                in_multiline = True
    return lines


def line_of(text: str, loc: tuple, lines: dict[tuple, int] | None = None) -> int | None:
    """The line of the key at ``loc``, or of its nearest enclosing key or table."""
    lines = key_lines(text) if lines is None else lines
    path = tuple(loc)
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return None
