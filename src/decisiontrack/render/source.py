"""A Markdown report as read from disk: front matter, body, and where each line came from.

Whatever reached the file by hand — a GBK file, broken front matter, a control character
pasted from another program — is reported with ``file:line`` (exit 3), never a traceback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

#: Characters a Word file cannot hold or that print as nothing: C0 controls (but tab and
#: line ends), DEL, C1 controls, and the non-characters U+FFFE/U+FFFF.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


@dataclass(frozen=True)
class Source:
    """The text of one report; ``body_line`` is the file line of the body's first line."""

    path: Path
    text: str
    data: dict = field(default_factory=dict)
    head: str = ""
    body: str = ""
    body_line: int = 1

    def line(self, body_line: int) -> int:
        """The file line of a (1-based) body line."""
        return self.body_line + max(body_line, 1) - 1

    def where(self, line: int | None) -> str:
        return f"{self.path}:{line}" if line else str(self.path)

    def key_line(self, key: str) -> int | None:
        """The file line where the front matter sets ``key``."""
        for index, text in enumerate(self.head.split("\n")):
            if re.match(rf"^\s*{re.escape(key)}\s*=", text):
                return index + 2
        return None

    def check_characters(self) -> None:
        """Refuse a control character (exit 3), naming its line, column and code point."""
        from decisiontrack.render import RenderError

        for number, text in enumerate(self.text.split("\n"), 1):
            match = CONTROL.search(text)
            if match:
                code = f"U+{ord(match.group(0)):04X}"
                raise RenderError(
                    f"{self.where(number)}: 第 {match.start() + 1} 列有不可见的控制字符 {code}，"
                    "Word 文件不能容纳：请删去该字符后重试"
                )


def read_source(md_path: Path) -> Source:
    """Read and split a report; a file without front matter is all body."""
    from decisiontrack.render import RenderError
    from decisiontrack.store.atomic import read_input

    raw = read_input(md_path)
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise RenderError(
            f"{md_path}:{line}: 不是 UTF-8 编码（第 {error.start} 字节处无法解码）：请另存为 UTF-8 后重试"
        ) from None
    return source_of(text, md_path)


def source_of(text: str, path: Path) -> Source:
    """Split text into front matter and body; broken front matter is exit 3 with its line."""
    from decisiontrack.render import RenderError
    from decisiontrack.store.frontmatter import FENCE, FrontMatterError, parse_front_matter, split_front_matter

    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.split("\n", 1)[0].strip() != FENCE:
        return Source(path, text, body=text)
    try:
        data, body, body_line = parse_front_matter(text)
    except FrontMatterError as error:
        where = f"{path}:{error.line}" if error.line else str(path)
        raise RenderError(f"{where}: 前置信息有误：{error}") from None
    head = split_front_matter(text)[0]
    return Source(path, text, data, head, body, body_line)
