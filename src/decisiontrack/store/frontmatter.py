"""TOML front matter between two lines of ``+++`` at the top of a Markdown file (SPEC §2)."""

from __future__ import annotations

import tomllib

FENCE = "+++"


class FrontMatterError(ValueError):
    """The front matter is missing or not valid TOML; ``line`` is 1-based in the file."""

    def __init__(self, message: str, line: int | None):
        super().__init__(message)
        self.line = line


def split_front_matter(text: str) -> tuple[str, str, int]:
    """Split a document into (front matter TOML, body, line number where the body starts)."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != FENCE:
        raise FrontMatterError("缺少开头的 +++ 前置信息（TOML front matter）", 1)
    for index in range(1, len(lines)):
        if lines[index].strip() == FENCE:
            return "".join(lines[1:index]), "".join(lines[index + 1 :]), index + 2
    raise FrontMatterError("前置信息缺少结尾的 +++ 行", len(lines))


def parse_front_matter(text: str) -> tuple[dict, str, int]:
    """Parse the front matter: (data, body, body start line); errors carry the file line."""
    head, body, body_line = split_front_matter(text)
    try:
        data = tomllib.loads(head)
    except tomllib.TOMLDecodeError as error:
        from decisiontrack.store.tomlfile import decode_error_line, decode_error_message

        line = decode_error_line(error, head)
        raise FrontMatterError(decode_error_message(error), line + 1 if line else 1) from None
    return data, body, body_line


def join_front_matter(head_toml: str, body: str) -> str:
    """The inverse of :func:`split_front_matter`."""
    head = head_toml if head_toml.endswith("\n") or not head_toml else head_toml + "\n"
    return f"{FENCE}\n{head}{FENCE}\n{body}"
