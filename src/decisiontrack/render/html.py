"""The HTML a Markdown report may carry: rendered when a 公文 has an answer, else refused.

Rendered: ``<br>``; ``<b> <strong> <i> <em> <u> <ins> <s> <del> <strike> <sup> <sub>
<code> <span>`` (without attributes); ``<div> <p> <center>`` with ``align="left|center|right"``
(or ``style="text-align:…"``) as aligned paragraphs; comments are dropped. Anything else —
``<img>``, ``<font>``, ``<table>``, ``<span style=…>`` — raises :class:`MarkdownError` with
its line, so nothing is printed as raw markup and nothing silently disappears.
"""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser

#: Inline tags → the run flag they switch (``br`` is a line break).
INLINE = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strike",
    "del": "strike",
    "strike": "strike",
    "sup": "super",
    "sub": "sub",
    "code": "code",
    "span": "",
    "br": "br",
}
BLOCK = ("div", "p", "center")
_TAG = re.compile(r"^<(/?)([A-Za-z][A-Za-z0-9]*)((?:\s[^>]*)?)\s*/?>$", re.DOTALL)
_TEXT_ALIGN = re.compile(r"^\s*text-align\s*:\s*(left|center|right|justify)\s*;?\s*$")
_HINTS = {
    "img": "请改用 Markdown 图片 ![说明](图片文件)",
    "table": "请改用 Markdown 表格（| 列 | 列 |）",
    "font": "公文的字体由样式决定，请删去 <font>",
    "a": "请改用 Markdown 链接 [文字](地址)",
}


class MarkdownError(ValueError):
    """A construct of the body that cannot be laid out; ``line`` is 1-based in the body."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


def refuse(name: str, line: int, attrs: str = "") -> MarkdownError:
    """The error for an HTML tag without an answer, with a hint where there is one."""
    shown = f"<{name}{attrs}>"
    hint = _HINTS.get(name.lower(), "请改用 Markdown 写法，或删去该标记")
    return MarkdownError(line, f"不支持 HTML 标记 {shown}：{hint}")


def inline_tag(content: str, line: int) -> tuple[str, bool] | None:
    """(flag, closing) of an inline HTML tag, None for a comment; refuses the rest."""
    text = content.strip()
    if text.startswith("<!--"):
        return None
    match = _TAG.match(text)
    if not match:
        raise MarkdownError(line, f"无法识别的 HTML：{text[:40]}")
    closing, name, attrs = match.group(1) == "/", match.group(2).lower(), match.group(3).strip()
    if name not in INLINE or attrs:
        raise refuse(name, line, f" {attrs}" if attrs else "")
    return INLINE[name], closing


def block_align(name: str, attrs: list[tuple[str, str | None]], line: int) -> str:
    """The alignment a block tag asks for; other attributes are refused."""
    align = "center" if name == "center" else ""
    for key, value in attrs:
        value = (value or "").strip().lower()
        if key == "align" and value in ("left", "center", "right", "justify"):
            align = value
        elif key == "style" and _TEXT_ALIGN.match(value):
            align = _TEXT_ALIGN.match(value).group(1)
        else:
            raise refuse(name, line, f' {key}="{value}"')
    return "" if align == "justify" else align


class BlockHtml(HTMLParser):
    """Reads one HTML block into (align, runs, line) paragraphs.

    ``aligns`` is shared with the Markdown walker: a ``<div align="center">`` opened in
    one block and closed in a later one centres the Markdown paragraphs in between.
    """

    def __init__(self, aligns: list[tuple[str, str]], first_line: int):
        super().__init__(convert_charrefs=True)
        from decisiontrack.render.markdown import Run

        self.aligns = aligns
        self.first_line = first_line
        self.look = Run("")
        self.counts: dict[str, int] = {}
        self.runs: list = []
        self.paragraphs: list[tuple[str, list, int]] = []
        self.start = first_line

    def read(self, content: str) -> list[tuple[str, list, int]]:
        self.feed(content)
        self.close()
        self._flush()
        return self.paragraphs

    def _line(self) -> int:
        return self.first_line + self.getpos()[0] - 1

    def _flush(self) -> None:
        if any(run.text.strip("\x00 \n") for run in self.runs):
            align = self.aligns[-1][1] if self.aligns else ""
            self.paragraphs.append((align, self.runs, self.start))
        self.runs = []
        self.start = self._line()

    def handle_starttag(self, tag: str, attrs) -> None:
        self._tag(tag, attrs, closing=False)

    def handle_startendtag(self, tag: str, attrs) -> None:
        self._tag(tag, attrs, closing=False, empty=True)

    def handle_endtag(self, tag: str) -> None:
        self._tag(tag, [], closing=True)

    def _tag(self, tag: str, attrs, closing: bool, empty: bool = False) -> None:
        from decisiontrack.render.markdown import BREAK, Run, _toggle

        line = self._line()
        if tag in BLOCK:
            self._flush()
            if closing:
                if not self.aligns or self.aligns[-1][0] != tag:
                    raise MarkdownError(line, f"多余的结束标记 </{tag}>")
                self.aligns.pop()
            elif not empty:
                self.aligns.append((tag, block_align(tag, attrs, line)))
            return
        if tag not in INLINE or attrs:
            shown = "".join(f' {key}="{value or ""}"' for key, value in attrs)
            raise refuse(tag, line, shown)
        if tag == "br":
            self.runs.append(Run(BREAK))
        elif INLINE[tag]:
            self.look = _toggle(self.look, self.counts, INLINE[tag], -1 if closing else 1)

    def handle_data(self, data: str) -> None:
        from decisiontrack.render.markdown import _SOFT

        if not self.runs:
            self.start = self._line()
        parts = data.split("\n")
        for index, part in enumerate(parts):
            if index:
                self.runs.append(replace(self.look, text=_SOFT))
            if part:
                self.runs.append(replace(self.look, text=re_space(part)))

    def handle_comment(self, data: str) -> None:
        """Guidance comments never reach the document."""

    def handle_decl(self, decl: str) -> None:
        raise MarkdownError(self._line(), f"不支持 HTML 声明 <!{decl}>")

    def unknown_decl(self, data: str) -> None:
        raise MarkdownError(self._line(), f"不支持 HTML 内容 <![{data}]>")

    def handle_pi(self, data: str) -> None:
        raise MarkdownError(self._line(), f"不支持 HTML 处理指令 <?{data}>")


def re_space(text: str) -> str:
    """HTML collapses runs of white space to one space."""
    return re.sub(r"[ \t\r\f\v]+", " ", text)
