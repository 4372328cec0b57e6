"""Markdown body → a short list of blocks that map one-to-one onto 公文 paragraphs.

Only what reports use survives: headings, paragraphs with bold and italic, lists,
tables and block quotes. HTML comments (the guidance markers of our scaffolds) are
dropped, and a soft line break inside Chinese text joins the lines without a space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_SPACES = re.compile(r" {2,}")  # left where an inline comment was dropped
_SOFT = "\x00"
BREAK = "\n"  #: a run holding only this is a hard line break


@dataclass(frozen=True)
class Run:
    """A stretch of text with one formatting."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Heading:
    """``level`` 0 is the title (``#``); 1–3 are 一、/（一）/1. (``##``–``####``)."""

    level: int
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class Paragraph:
    """``kind`` is ``body``, ``quote`` (block quote) or ``code`` (kept line by line)."""

    runs: tuple[Run, ...]
    kind: str = "body"


@dataclass(frozen=True)
class ListItem:
    """One paragraph of a list; ``marker`` is empty for an item's later paragraphs."""

    marker: str
    depth: int
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class Table:
    """Rows of cells (each a tuple of runs); the first ``header_rows`` come from the head."""

    rows: tuple[tuple[tuple[Run, ...], ...], ...]
    header_rows: int = 1


Block = Heading | Paragraph | ListItem | Table


def text_of(runs: tuple[Run, ...]) -> str:
    """Plain text of runs, e.g. to compare a heading with the title."""
    return "".join(run.text for run in runs)


def parse_blocks(body: str) -> list[Block]:
    """Parse a Markdown body with markdown-it (CommonMark plus tables)."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(body)
    return _Walker(tokens).walk()


@dataclass
class _Walker:
    tokens: list
    blocks: list = field(default_factory=list)
    lists: list = field(default_factory=list)  # [ordered, next number] per open list
    quotes: int = 0
    marker: str = ""

    def walk(self) -> list[Block]:
        index = 0
        while index < len(self.tokens):
            index = self._step(index)
        return self.blocks

    def _step(self, index: int) -> int:
        token = self.tokens[index]
        kind = token.type
        if kind == "heading_open":
            runs = inline_runs(self.tokens[index + 1])
            if runs:
                self.blocks.append(Heading(min(int(token.tag[1]) - 1, 3), runs))
            return index + 3
        if kind == "paragraph_open":
            self._paragraph(inline_runs(self.tokens[index + 1]))
            return index + 3
        if kind in ("bullet_list_open", "ordered_list_open"):
            start = int(token.attrs.get("start", 1) or 1)
            self.lists.append([kind == "ordered_list_open", start])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self.lists.pop()
        elif kind == "list_item_open":
            self.marker = self._next_marker()
        elif kind == "blockquote_open":
            self.quotes += 1
        elif kind == "blockquote_close":
            self.quotes -= 1
        elif kind == "table_open":
            return self._table(index)
        elif kind in ("fence", "code_block"):
            for line in token.content.rstrip("\n").split("\n"):
                self.blocks.append(Paragraph((Run(line),) if line else (), "code"))
        elif kind == "html_block":
            text = _COMMENT.sub("", token.content).strip()
            if text:
                self._paragraph((Run(text),))
        return index + 1

    def _next_marker(self) -> str:
        ordered, number = self.lists[-1]
        self.lists[-1][1] = number + 1
        if not ordered:
            return "·"
        return f"{number}." if len(self.lists) == 1 else f"（{number}）"

    def _paragraph(self, runs: tuple[Run, ...]) -> None:
        if not runs:
            return
        if self.lists:
            self.blocks.append(ListItem(self.marker, len(self.lists) - 1, runs))
            self.marker = ""
        else:
            self.blocks.append(Paragraph(runs, "quote" if self.quotes else "body"))

    def _table(self, index: int) -> int:
        rows: list[list[tuple[Run, ...]]] = []
        header_rows = 0
        in_head = False
        while self.tokens[index].type != "table_close":
            token = self.tokens[index]
            if token.type == "thead_open":
                in_head = True
            elif token.type == "thead_close":
                in_head = False
            elif token.type == "tr_open":
                rows.append([])
                header_rows += in_head
            elif token.type == "inline":
                rows[-1].append(inline_runs(token))
            index += 1
        self.blocks.append(Table(tuple(tuple(row) for row in rows), header_rows))
        return index + 1


def inline_runs(token) -> tuple[Run, ...]:
    """Runs of an inline token: bold/italic kept, links reduced to their text."""
    runs: list[Run] = []
    bold = italic = 0
    for child in token.children or ():
        kind = child.type
        if kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind in ("text", "code_inline"):
            runs.append(Run(child.content, bold > 0, italic > 0))
        elif kind == "image":
            runs.append(Run(child.content, bold > 0, italic > 0))
        elif kind == "softbreak":
            runs.append(Run(_SOFT))
        elif kind == "hardbreak" or (kind == "html_inline" and child.content.startswith("<br")):
            runs.append(Run(BREAK))
    return _merge(runs)


def _merge(runs: list[Run]) -> tuple[Run, ...]:
    """Resolve soft breaks, join runs of equal formatting and trim the ends."""
    merged: list[Run] = []
    for index, run in enumerate(runs):
        if run.text == _SOFT:
            before = merged[-1].text[-1:] if merged else ""
            after = next((r.text[:1] for r in runs[index + 1 :] if r.text != _SOFT), "")
            run = Run("" if _is_wide(before) or _is_wide(after) else " ")
            if merged:
                run = Run(run.text, merged[-1].bold, merged[-1].italic)
        if not run.text:
            continue
        if (
            merged
            and run.text != BREAK
            and merged[-1].text != BREAK
            and ((merged[-1].bold, merged[-1].italic) == (run.bold, run.italic))
        ):
            merged[-1] = Run(merged[-1].text + run.text, run.bold, run.italic)
        else:
            merged.append(run)
    merged = [Run(_SPACES.sub(" ", r.text), r.bold, r.italic) for r in merged]
    if merged:
        merged[0] = Run(merged[0].text.lstrip(), merged[0].bold, merged[0].italic)
        merged[-1] = Run(merged[-1].text.rstrip(), merged[-1].bold, merged[-1].italic)
    return tuple(run for run in merged if run.text)


def _is_wide(char: str) -> bool:
    """CJK characters and full-width punctuation: no space when lines are joined."""
    return bool(char) and ord(char) >= 0x2E80
