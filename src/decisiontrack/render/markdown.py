"""Markdown body → a short list of blocks that map one-to-one onto 公文 paragraphs.

Every construct has an answer, none silently disappears: headings, paragraphs with bold,
italic, strikethrough, inline code and links (the address follows the text), lists and task
lists, tables with their column alignment, block quotes, code blocks, rules, images,
footnotes, and the HTML a report may carry (``<br>``, ``<b>``, ``<div align="center">`` …,
see ``html.py``). What cannot be laid out raises :class:`MarkdownError` with its line, so
``render`` can name ``file:line``. HTML comments (the guidance of our scaffolds) are dropped,
and a soft line break inside Chinese text joins the lines without a space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from urllib.parse import unquote

from decisiontrack.render.html import BlockHtml, MarkdownError, inline_tag

_SPACES = re.compile(r" {2,}")  # left where an inline comment was dropped
_SOFT = "\x00"
BREAK = "\n"  #: a run holding only this is a hard line break
TASK_MARKS = {"[ ]": "□", "[x]": "☑", "[X]": "☑"}
_ALIGN = re.compile(r"text-align:\s*(left|center|right)")

__all__ = [
    "BREAK",
    "Heading",
    "ListItem",
    "MarkdownError",
    "Paragraph",
    "Parsed",
    "Run",
    "Table",
    "parse",
    "parse_blocks",
    "text_of",
]


@dataclass(frozen=True)
class Run:
    """A stretch of text with one formatting.

    ``footnote`` is the label of a footnote reference (``text`` is empty); ``image`` the
    path of an image as written, with its alt text in ``text``.
    """

    text: str
    bold: bool = False
    italic: bool = False
    strike: bool = False
    underline: bool = False
    code: bool = False
    script: str = ""  # "super" or "sub"
    footnote: str = ""
    image: str = ""

    def same_look(self, other: Run) -> bool:
        """Two runs that may be joined into one."""
        return replace(self, text="") == replace(other, text="") and not (self.footnote or self.image)


@dataclass(frozen=True)
class Heading:
    """``level`` 0 is the title (``#``); 1–3 are 一、/（一）/1. (``##``–``####``)."""

    level: int
    runs: tuple[Run, ...]
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Paragraph:
    """``kind``: ``body``, ``quote``, ``code`` (one line of a code block) or ``rule``.

    ``align`` is empty (the style's) or ``left``/``center``/``right`` from HTML.
    """

    runs: tuple[Run, ...]
    kind: str = "body"
    align: str = ""
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class ListItem:
    """One paragraph of a list; ``marker`` is empty for an item's later paragraphs."""

    marker: str
    depth: int
    runs: tuple[Run, ...]
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Table:
    """Rows of cells (each a tuple of runs); the first ``header_rows`` come from the head.

    ``aligns`` holds each column's alignment (``left``/``center``/``right`` or empty).
    """

    rows: tuple[tuple[tuple[Run, ...], ...], ...]
    header_rows: int = 1
    aligns: tuple[str, ...] = ()
    line: int = field(default=0, compare=False)


Block = Heading | Paragraph | ListItem | Table


@dataclass(frozen=True)
class Parsed:
    """The blocks of a body and its footnotes (label → paragraphs of runs)."""

    blocks: list[Block]
    footnotes: dict[str, tuple[tuple[Run, ...], ...]]


def text_of(runs: tuple[Run, ...]) -> str:
    """Plain text of runs, e.g. to compare a heading with the title."""
    return "".join(run.text for run in runs)


def parse(body: str) -> Parsed:
    """Parse a Markdown body (CommonMark, tables, strikethrough, footnotes)."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(footnote_plugin)
    walker = _Walker(parser.parse(body), body.splitlines())
    blocks = walker.walk()
    return Parsed(blocks, walker.footnotes)


def parse_blocks(body: str) -> list[Block]:
    """The blocks alone (footnote texts left out)."""
    return parse(body).blocks


@dataclass
class _Walker:
    tokens: list
    source: list[str]
    blocks: list = field(default_factory=list)
    footnotes: dict = field(default_factory=dict)
    lists: list = field(default_factory=list)  # [ordered, next number] per open list
    aligns: list = field(default_factory=list)  # alignment of open <div align=…>
    quotes: int = 0
    marker: str = ""
    note: str | None = None  # label of the footnote being read
    line: int = 1

    def walk(self) -> list[Block]:
        index = 0
        while index < len(self.tokens):
            token = self.tokens[index]
            if token.map:
                self.line = token.map[0] + 1
            index = self._step(index)
        if self.aligns:
            raise MarkdownError(self.line, f"HTML 标记 <{self.aligns[-1][0]}> 没有结束标记")
        return self.blocks

    def _step(self, index: int) -> int:
        token = self.tokens[index]
        kind = token.type
        if kind == "heading_open":
            runs = inline_runs(self.tokens[index + 1], self.line)
            if runs:
                self.blocks.append(Heading(min(int(token.tag[1]) - 1, 3), runs, self.line))
            return index + 3
        if kind == "paragraph_open":
            self._paragraph(inline_runs(self.tokens[index + 1], self.line))
            return index + 2
        if kind == "table_open":
            return self._table(index)
        handler = _HANDLERS.get(kind)
        if handler is None:
            raise MarkdownError(self.line, f"无法排版的 Markdown 结构（{kind}）")
        handler(self, token)
        return index + 1

    def _list_open(self, token) -> None:
        start = int(token.attrs.get("start", 1) or 1)
        self.lists.append([token.type == "ordered_list_open", start])

    def _list_close(self, token) -> None:
        self.lists.pop()

    def _item_open(self, token) -> None:
        ordered, number = self.lists[-1]
        self.lists[-1][1] = number + 1
        if not ordered:
            self.marker = "·"
        else:
            self.marker = f"{number}." if len(self.lists) == 1 else f"（{number}）"

    def _quote(self, token) -> None:
        self.quotes += 1 if token.type == "blockquote_open" else -1

    def _code(self, token) -> None:
        for offset, line in enumerate(token.content.rstrip("\n").split("\n")):
            runs = (Run(line, code=True),) if line else ()
            self.blocks.append(Paragraph(runs, "code", line=self.line + offset))

    def _rule(self, token) -> None:
        self.blocks.append(Paragraph((), "rule", line=self.line))

    def _html(self, token) -> None:
        reader = BlockHtml(self.aligns, self.line)
        for align, runs, line in reader.read(token.content):
            self.blocks.append(Paragraph(_merge(runs), "quote" if self.quotes else "body", align, line))

    def _footnote(self, token) -> None:
        if token.type == "footnote_open":
            self.note = str(token.meta["id"])
            self.footnotes[self.note] = ()
        elif token.type == "footnote_close":
            self.note = None

    def _ignore(self, token) -> None:
        """Closing tokens and containers whose content is walked on its own."""

    def _paragraph(self, runs: tuple[Run, ...]) -> None:
        if self.note is not None:
            self.footnotes[self.note] += (runs,)
            return
        if not runs:
            return
        align = self.aligns[-1][1] if self.aligns else ""
        if self.lists:
            marker = self.marker
            if marker and runs[0].text[:3] in TASK_MARKS and runs[0].text[3:4] in (" ", ""):
                marker = TASK_MARKS[runs[0].text[:3]]
                first = replace(runs[0], text=runs[0].text[3:].lstrip())
                runs = (first, *runs[1:]) if first.text else runs[1:]
            self.blocks.append(ListItem(marker, len(self.lists) - 1, runs, self.line))
            self.marker = ""
        else:
            self.blocks.append(Paragraph(runs, "quote" if self.quotes else "body", align, self.line))

    def _table(self, index: int) -> int:
        rows: list[list[tuple[Run, ...]]] = []
        aligns: list[str] = []
        header_rows = 0
        in_head = False
        row_line = self.line
        while self.tokens[index].type != "table_close":
            token = self.tokens[index]
            if token.type == "thead_open":
                in_head = True
            elif token.type == "thead_close":
                in_head = False
            elif token.type == "tr_open":
                row_line = token.map[0] + 1 if token.map else row_line
                rows.append([])
                header_rows += in_head
            elif token.type in ("th_open", "td_open") and in_head:
                match = _ALIGN.search(str(token.attrs.get("style", "")))
                aligns.append(match.group(1) if match else "")
            elif token.type == "tr_close":
                self._check_cells(row_line, len(aligns))
            elif token.type == "inline":
                rows[-1].append(inline_runs(token, row_line))
            index += 1
        table = Table(tuple(tuple(row) for row in rows), header_rows, tuple(aligns), self.line)
        self.blocks.append(table)
        return index + 1

    def _check_cells(self, line: int, columns: int) -> None:
        """A row with more cells than the header would lose them: say so instead."""
        if line - 1 >= len(self.source):
            return
        cells = len(_cells(self.source[line - 1]))
        if cells > columns:
            raise MarkdownError(
                line,
                f"表格这一行有 {cells} 个单元格，表头只有 {columns} 列：多出的单元格无法排版；"
                "请在表头补上列名，或删去多余的单元格",
            )


_HANDLERS = {
    "bullet_list_open": _Walker._list_open,
    "ordered_list_open": _Walker._list_open,
    "bullet_list_close": _Walker._list_close,
    "ordered_list_close": _Walker._list_close,
    "list_item_open": _Walker._item_open,
    "list_item_close": _Walker._ignore,
    "blockquote_open": _Walker._quote,
    "blockquote_close": _Walker._quote,
    "fence": _Walker._code,
    "code_block": _Walker._code,
    "hr": _Walker._rule,
    "html_block": _Walker._html,
    "footnote_block_open": _Walker._ignore,
    "footnote_block_close": _Walker._ignore,
    "footnote_open": _Walker._footnote,
    "footnote_close": _Walker._footnote,
    "footnote_anchor": _Walker._ignore,
    "paragraph_close": _Walker._ignore,
}


def _cells(line: str) -> list[str]:
    """The cells of a table row as written (escaped ``\\|`` does not split)."""
    text = line.strip()
    text = text[1:] if text.startswith("|") else text
    text = text[:-1] if text.endswith("|") and not text.endswith("\\|") else text
    return re.split(r"(?<!\\)\|", text)


def inline_runs(token, line: int = 0) -> tuple[Run, ...]:
    """Runs of an inline token; ``line`` is where it starts, for error messages."""
    runs: list[Run] = []
    look = Run("")
    counts: dict[str, int] = {}
    link: str | None = None
    for child in token.children or ():
        kind = child.type
        if kind in ("softbreak", "hardbreak"):
            runs.append(Run(_SOFT if kind == "softbreak" else BREAK))
            line += 1
        elif kind in ("text", "code_inline"):
            runs.append(replace(look, text=child.content, code=kind == "code_inline"))
        elif kind == "image":
            alt = "".join(c.content for c in child.children or ()) or child.content
            runs.append(replace(look, text=alt, image=unquote(str(child.attrs.get("src", "")))))
        elif kind == "footnote_ref":
            runs.append(Run("", footnote=str(child.meta["id"])))
        elif kind == "footnote_anchor":
            continue
        elif kind == "link_open":
            link = unquote(str(child.attrs.get("href", "")))
            start = len(runs)
        elif kind == "link_close":
            shown = "".join(r.text for r in runs[start:])
            address = (link or "").removeprefix("mailto:")
            if address and address != shown and not address.startswith("#"):
                runs.append(replace(look, text=f"（{address}）"))
            link = None
        elif kind == "html_inline":
            look = _html_look(look, counts, child.content, line, runs)
        else:
            flag = _FLAGS.get(kind.rsplit("_", 1)[0])
            if flag is None:
                raise MarkdownError(line, f"无法排版的 Markdown 行内结构（{kind}）")
            delta = 1 if kind.endswith("_open") else -1
            look = _toggle(look, counts, flag, delta)
    return _merge(runs)


_FLAGS = {"strong": "bold", "em": "italic", "s": "strike"}


def _toggle(look: Run, counts: dict[str, int], flag: str, delta: int) -> Run:
    counts[flag] = max(0, counts.get(flag, 0) + delta)
    value: bool | str = counts[flag] > 0
    if flag in ("super", "sub"):
        value = flag if value else ""
        return replace(look, script=value)
    return replace(look, **{flag: value})


def _html_look(look: Run, counts: dict[str, int], content: str, line: int, runs: list[Run]) -> Run:
    """Apply one inline HTML tag: a format switched on or off, a break, or a comment."""
    tag = inline_tag(content, line)
    if tag is None:  # a comment
        return look
    name, closing = tag
    if name == "br":
        runs.append(Run(BREAK))
        return look
    if not name:  # <span> without attributes changes nothing
        return look
    return _toggle(look, counts, name, -1 if closing else 1)


def _merge(runs: list[Run]) -> tuple[Run, ...]:
    """Resolve soft breaks, join runs of equal formatting and trim the ends."""
    merged: list[Run] = []
    for index, run in enumerate(runs):
        if run.text == _SOFT:
            before = merged[-1].text[-1:] if merged else ""
            after = next((r.text[:1] for r in runs[index + 1 :] if r.text != _SOFT), "")
            run = Run("" if _is_wide(before) or _is_wide(after) else " ")
            if merged:
                run = replace(merged[-1], text=run.text, footnote="", image="")
        if not run.text and not (run.footnote or run.image):
            continue
        if merged and run.text != BREAK and merged[-1].text != BREAK and merged[-1].same_look(run):
            merged[-1] = replace(run, text=merged[-1].text + run.text)
        else:
            merged.append(run)
    merged = [r if r.code else replace(r, text=_SPACES.sub(" ", r.text)) for r in merged]
    if merged:
        merged[0] = replace(merged[0], text=merged[0].text.lstrip())
        merged[-1] = replace(merged[-1], text=merged[-1].text.rstrip())
    return tuple(run for run in merged if run.text or run.footnote or run.image)


def _is_wide(char: str) -> bool:
    """CJK characters and full-width punctuation: no space when lines are joined."""
    return bool(char) and ord(char) >= 0x2E80
